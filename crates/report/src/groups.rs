//! Undocumented flows grouped by client host, server host, protocol and port: the unit in
//! which every printer shows them (a scan of 500 ports is one finding per port, not 500 lines
//! of flows). Made once per report by [`crate::view::ReportView::undocumented_groups`].

use std::net::IpAddr;

use tapaudit_audit::{AuditResult, JudgedFlow, Verdict};
use tapaudit_flow::State;
use tapaudit_vocab::{IpProto, Timestamp};

use crate::view::{Host, Service};

/// One group: flows that share client, server, protocol and port, earliest first. It holds
/// nothing but the flows (references); everything it shows is read from them, so a flood that
/// makes one group per flow (spoofed sources) costs 8 bytes a flow and 16 a group.
pub(crate) struct Group<'g> {
    flows: &'g [&'g JudgedFlow],
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

impl Group<'_> {
    fn head(&self) -> &JudgedFlow {
        self.flows[0]
    }
    pub fn client(&self) -> Host<'_> {
        Host::client(self.head())
    }
    pub fn server(&self) -> Host<'_> {
        Host::server(self.head())
    }
    pub fn service(&self) -> Service {
        Service::of(self.head())
    }
    /// The group's flows, earliest first.
    pub fn flows(&self) -> &[&JudgedFlow] {
        self.flows
    }
    /// How many flows the group holds.
    pub fn count(&self) -> usize {
        self.flows.len()
    }
    pub fn packets(&self) -> u64 {
        self.flows
            .iter()
            .map(|f| f.flow.packets_to_server + f.flow.packets_to_client)
            .sum()
    }
    pub fn bytes(&self) -> u64 {
        self.flows
            .iter()
            .map(|f| f.flow.bytes_to_server + f.flow.bytes_to_client)
            .sum()
    }
    pub fn first(&self) -> Timestamp {
        self.head().flow.first_seen
    }
    pub fn last(&self) -> Timestamp {
        self.flows
            .iter()
            .map(|f| f.flow.last_seen)
            .max()
            .unwrap_or(self.head().flow.last_seen)
    }
    /// The reason of the group's first flow (they share hosts, protocol and port).
    pub fn reason(&self) -> std::borrow::Cow<'_, str> {
        self.head().reason()
    }
    /// (state name, flows) for every state some flow of the group is in, by name.
    pub fn states(&self) -> impl Iterator<Item = (&'static str, usize)> + '_ {
        STATES_BY_NAME.iter().filter_map(|s| {
            let n = self.flows.iter().filter(|f| f.flow.state == *s).count();
            (n > 0).then_some((s.as_str(), n))
        })
    }
}

/// The undocumented flows, grouped; see [`undocumented`].
pub(crate) struct Groups<'a> {
    /// Sorted by group, and by time within a group.
    flows: Vec<&'a JudgedFlow>,
    /// Where each group starts in `flows`.
    starts: Vec<usize>,
}

impl Groups<'_> {
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
    pub fn len(&self) -> usize {
        self.starts.len()
    }
    pub fn iter(&self) -> impl Iterator<Item = Group<'_>> + '_ {
        self.starts.iter().enumerate().map(|(i, &from)| {
            let to = self.starts.get(i + 1).copied().unwrap_or(self.flows.len());
            Group {
                flows: &self.flows[from..to],
            }
        })
    }
}

/// A protocol in the order of its name (`icmp`, `icmpv6`, `tcp`, `udp`); protocols without
/// a name (shown as their number) first.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum ProtoByName {
    Number(u8),
    Named(&'static str),
}

fn proto_by_name(p: IpProto) -> ProtoByName {
    match p.short_name() {
        Some(name) => ProtoByName::Named(name),
        None => ProtoByName::Number(p.number()),
    }
}

fn group_key(f: &JudgedFlow) -> (Host<'_>, Host<'_>, ProtoByName, Option<u16>) {
    (
        Host::client(f),
        Host::server(f),
        proto_by_name(f.flow.proto),
        f.flow.server_port,
    )
}

/// The undocumented flows, grouped by client, server and service and sorted by them.
pub(crate) fn undocumented(audit: &AuditResult) -> Groups<'_> {
    let mut order: Vec<SortEntry> = audit
        .flows
        .iter()
        .enumerate()
        .filter(|(_, f)| f.verdict == Verdict::Undocumented)
        .map(|(i, f)| SortEntry::new(f, i))
        .collect();
    // Sorted on the compact entries, not on references to the flows: a comparison reads two
    // 24-byte entries side by side instead of two flows anywhere in memory (a churn mix of
    // 358,000 undocumented flows spent a fifth of its report time here). Ties of the prefixes
    // fall back to the whole group key; the index keeps the audit's time order in a group.
    let flows_of = &audit.flows;
    order.sort_unstable_by(|a, b| {
        a.prefix()
            .cmp(&b.prefix())
            .then_with(|| {
                if a.exact() && b.exact() {
                    std::cmp::Ordering::Equal
                } else {
                    group_key(&flows_of[a.index as usize])
                        .cmp(&group_key(&flows_of[b.index as usize]))
                }
            })
            .then(a.index.cmp(&b.index))
    });
    let flows: Vec<&JudgedFlow> = order.iter().map(|e| &flows_of[e.index as usize]).collect();
    drop(order);
    let mut starts = Vec::new();
    for (i, f) in flows.iter().enumerate() {
        if i == 0 || group_key(flows[i - 1]) != group_key(f) {
            starts.push(i);
        }
    }
    Groups { flows, starts }
}

/// A flow's place in the group order, packed: prefixes of its client and server (in [`Host`]
/// order) and of its service, and its index in the audit. Equal prefixes decide nothing
/// unless both are exact (IPv4 addresses, short names).
struct SortEntry {
    client: u64,
    server: u64,
    service: u32,
    index: u32,
}

/// Lowest bit of a host prefix: the prefix is the whole host.
const EXACT: u64 = 1;

impl SortEntry {
    fn new(f: &JudgedFlow, index: usize) -> Self {
        let service = match proto_by_name(f.flow.proto) {
            ProtoByName::Number(n) => u32::from(n),
            ProtoByName::Named(name) => {
                256 + NAMED_PROTOS
                    .iter()
                    .position(|p| *p == name)
                    .map_or(0, |p| p as u32)
            }
        };
        SortEntry {
            client: host_prefix(Host::client(f)),
            server: host_prefix(Host::server(f)),
            service: service << 17 | f.flow.server_port.map_or(0, |p| u32::from(p) + 1),
            // An audit holds far fewer than 2^32 flows (each costs over 100 bytes).
            index: index as u32,
        }
    }
    /// What orders the entries: the prefixes without their [`EXACT`] bits.
    fn prefix(&self) -> (u64, u64, u32) {
        (self.client | EXACT, self.server | EXACT, self.service)
    }
    fn exact(&self) -> bool {
        self.client & self.server & EXACT != 0
    }
}

/// Names of [`IpProto::short_name`] in name order (their rank in [`ProtoByName`]).
const NAMED_PROTOS: [&str; 4] = ["icmp", "icmpv6", "tcp", "udp"];

/// 64 bits that sort as [`Host`] does, once the [`EXACT`] bit is set in both (not strictly: equal prefixes may be different hosts
/// unless both carry [`EXACT`]): two bits of kind (IPv4, IPv6, name), 61 bits of the address
/// or of the name's first seven bytes.
fn host_prefix(h: Host<'_>) -> u64 {
    let (kind, bits, exact) = match h {
        Host::Outside(IpAddr::V4(a)) => (0u64, u64::from(u32::from(a)), true),
        Host::Outside(IpAddr::V6(a)) => (1, (u128::from(a) >> 67) as u64, false),
        Host::Known(name) => {
            let mut first = [0u8; 8];
            let n = name.len().min(7);
            first[..n].copy_from_slice(&name.as_bytes()[..n]);
            let exact = name.len() <= 7 && !name.as_bytes().contains(&0);
            (2, u64::from_be_bytes(first) >> 3, exact)
        }
    };
    kind << 62 | bits << 1 | u64::from(exact)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_prefixes_sort_as_hosts_do() {
        let names = [
            "", "a", "ab", "abcdefg", "abcdefgh", "abcdefgi", "b", "plc-01", "zz\0",
        ];
        let addrs = [
            "0.0.0.0",
            "10.0.0.1",
            "10.0.0.2",
            "255.255.255.255",
            "::",
            "::1",
            "fe80::1",
            "fe80::2",
            "ffff::",
        ];
        let mut hosts: Vec<Host<'_>> = names.iter().map(|n| Host::Known(n)).collect();
        hosts.extend(addrs.iter().map(|a| Host::Outside(a.parse().unwrap())));
        for a in &hosts {
            for b in &hosts {
                let (pa, pb) = (host_prefix(*a), host_prefix(*b));
                if a < b {
                    assert!(
                        pa | EXACT <= pb | EXACT,
                        "{a:?} < {b:?} but prefixes {pa:x} > {pb:x}"
                    );
                }
                if pa & pb & EXACT != 0 && pa == pb {
                    assert_eq!(a, b, "exact prefixes equal for different hosts");
                }
            }
        }
    }

    #[test]
    fn protocols_sort_by_the_names_reports_show() {
        let mut protos = [58u8, 17, 6, 1, 2].map(IpProto::from_number);
        protos.sort_by_key(|p| proto_by_name(*p));
        let names: Vec<String> = protos.iter().map(|p| p.to_string()).collect();
        assert_eq!(names, ["2", "icmp", "icmpv6", "tcp", "udp"]);
    }

    #[test]
    fn states_are_listed_by_name() {
        let names: Vec<&str> = STATES_BY_NAME.iter().map(|s| s.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
    }
}
