//! Undocumented flows grouped by client host, server host, protocol and port: the unit in
//! which every printer shows them (a scan of 500 ports is one finding per port, not 500 lines
//! of flows).

use std::collections::BTreeMap;
use std::net::IpAddr;

use tapaudit_audit::{AuditResult, JudgedFlow, Verdict};
use tapaudit_capture::Timestamp;

/// `tcp/445`, or the protocol alone for ICMP.
pub(crate) fn service(f: &JudgedFlow) -> String {
    match f.flow.server_port {
        Some(p) => format!("{}/{}", f.flow.proto_name(), p),
        None => f.flow.proto_name(),
    }
}

/// The inventory name, or the address when the host is not in the inventory.
pub(crate) fn host_name(name: &Option<String>, ip: IpAddr) -> String {
    match name {
        Some(n) => n.clone(),
        None => ip.to_string(),
    }
}

pub(crate) struct Group<'a> {
    pub client: String,
    pub client_known: bool,
    pub server: String,
    pub server_known: bool,
    pub service: String,
    pub flows: Vec<&'a JudgedFlow>,
    pub packets: u64,
    pub bytes: u64,
    pub first: Timestamp,
    pub last: Timestamp,
    /// Flow count per state, by state name.
    pub states: BTreeMap<&'static str, u64>,
}

impl Group<'_> {
    /// The reason of the group's first flow (they share hosts, protocol and port).
    pub fn reason(&self) -> &str {
        self.flows.first().map(|f| f.reason.as_str()).unwrap_or("")
    }
}

/// The undocumented flows, grouped and sorted by client, server and service.
pub(crate) fn undocumented(audit: &AuditResult) -> Vec<Group<'_>> {
    let mut groups: BTreeMap<(String, String, String), Group<'_>> = BTreeMap::new();
    for f in audit
        .flows
        .iter()
        .filter(|f| f.verdict == Verdict::Undocumented)
    {
        let client = host_name(&f.client_host, f.flow.client);
        let server = host_name(&f.server_host, f.flow.server);
        let svc = service(f);
        let g = groups
            .entry((client.clone(), server.clone(), svc.clone()))
            .or_insert_with(|| Group {
                client,
                client_known: f.client_host.is_some(),
                server,
                server_known: f.server_host.is_some(),
                service: svc,
                flows: Vec::new(),
                packets: 0,
                bytes: 0,
                first: f.flow.first_seen,
                last: f.flow.last_seen,
                states: BTreeMap::new(),
            });
        g.flows.push(f);
        g.packets += f.flow.packets_to_server + f.flow.packets_to_client;
        g.bytes += f.flow.bytes_to_server + f.flow.bytes_to_client;
        g.first = g.first.min(f.flow.first_seen);
        g.last = g.last.max(f.flow.last_seen);
        *g.states.entry(f.flow.state.as_str()).or_insert(0) += 1;
    }
    groups.into_values().collect()
}
