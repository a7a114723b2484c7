//! Undocumented flows grouped by client host, server host, protocol and port: the unit in
//! which every printer shows them (a scan of 500 ports is one finding per port, not 500 lines
//! of flows).

use std::collections::HashMap;
use std::net::IpAddr;

use tapaudit_audit::{AuditResult, JudgedFlow, Verdict};
use tapaudit_capture::Timestamp;
use tapaudit_flow::State;

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
    /// The earliest flow of the group; its reason stands for all of them.
    first_flow: &'a JudgedFlow,
    /// How many flows the group holds.
    pub flows: u64,
    pub packets: u64,
    pub bytes: u64,
    pub first: Timestamp,
    pub last: Timestamp,
    /// Flow count per state, in the order of [`STATES_BY_NAME`].
    states: [u64; STATES_BY_NAME.len()],
}

/// Every flow state, sorted by name (the order the printers list them in).
const STATES_BY_NAME: [State; 7] = [
    State::Answered,
    State::Blocked,
    State::Closed,
    State::Established,
    State::Partial,
    State::Refused,
    State::Unanswered,
];

fn state_index(s: State) -> usize {
    STATES_BY_NAME.iter().position(|x| *x == s).unwrap_or(0)
}

impl Group<'_> {
    /// The reason of the group's first flow (they share hosts, protocol and port).
    pub fn reason(&self) -> &str {
        &self.first_flow.reason
    }

    /// (state name, flows) for every state some flow of the group is in, by name.
    pub fn states(&self) -> impl Iterator<Item = (&'static str, u64)> + '_ {
        STATES_BY_NAME
            .iter()
            .zip(self.states)
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| (s.as_str(), n))
    }
}

/// One side of a group: the inventory host, or the address of a host not in it.
#[derive(PartialEq, Eq, Hash)]
enum Side<'a> {
    Host(&'a str),
    Addr(IpAddr),
}

fn side(name: &Option<String>, ip: IpAddr) -> Side<'_> {
    match name {
        Some(n) => Side::Host(n),
        None => Side::Addr(ip),
    }
}

/// The undocumented flows, grouped and sorted by client, server and service. A group costs
/// the same whatever its number of flows (a flood from spoofed sources makes one group per
/// flow: docs/performance.md, memory).
pub(crate) fn undocumented(audit: &AuditResult) -> Vec<Group<'_>> {
    let mut index: HashMap<(Side<'_>, Side<'_>, u8, Option<u16>), usize> = HashMap::new();
    let mut groups: Vec<Group<'_>> = Vec::new();
    for f in audit
        .flows
        .iter()
        .filter(|f| f.verdict == Verdict::Undocumented)
    {
        let key = (
            side(&f.client_host, f.flow.client),
            side(&f.server_host, f.flow.server),
            f.flow.proto,
            f.flow.server_port,
        );
        let at = *index.entry(key).or_insert_with(|| {
            groups.push(Group {
                client: host_name(&f.client_host, f.flow.client),
                client_known: f.client_host.is_some(),
                server: host_name(&f.server_host, f.flow.server),
                server_known: f.server_host.is_some(),
                service: service(f),
                first_flow: f,
                flows: 0,
                packets: 0,
                bytes: 0,
                first: f.flow.first_seen,
                last: f.flow.last_seen,
                states: [0; STATES_BY_NAME.len()],
            });
            groups.len() - 1
        });
        let g = &mut groups[at];
        g.flows += 1;
        g.packets += f.flow.packets_to_server + f.flow.packets_to_client;
        g.bytes += f.flow.bytes_to_server + f.flow.bytes_to_client;
        g.first = g.first.min(f.flow.first_seen);
        g.last = g.last.max(f.flow.last_seen);
        g.states[state_index(f.flow.state)] += 1;
    }
    drop(index);
    groups.sort_unstable_by(|a, b| {
        (&a.client, &a.server, &a.service).cmp(&(&b.client, &b.server, &b.service))
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_are_listed_by_name() {
        let names: Vec<&str> = STATES_BY_NAME.iter().map(|s| s.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
    }
}
