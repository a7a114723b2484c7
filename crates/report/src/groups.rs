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
    /// A folded flood or scan (each of its clients, or client and port, a group of its own
    /// otherwise).
    folded: Option<Folded>,
}

/// What a folded group holds.
#[derive(Clone, Copy, Debug)]
struct Folded {
    /// Distinct outside clients.
    clients: usize,
    /// Groups folded: (client, port) pairs.
    groups: usize,
    /// Over any port of the server (else one port).
    any_port: bool,
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
        match self.folded {
            Some(f) => Host::ManyOutside(f.clients),
            None => Host::client(self.head()),
        }
    }
    pub fn server(&self) -> Host<'_> {
        Host::server(self.head())
    }
    /// The service; a group folded over any port names the protocol only.
    pub fn service(&self) -> Service {
        match self.folded {
            Some(f) if f.any_port => Service {
                port: None,
                ..Service::of(self.head())
            },
            _ => Service::of(self.head()),
        }
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
    /// The reason of the group's first flow (they share hosts, protocol and port; a folded
    /// group shares server, protocol and port, and its reason says whose flow it quotes).
    pub fn reason(&self) -> std::borrow::Cow<'_, str> {
        let Some(f) = self.folded else {
            return self.head().reason();
        };
        let ports = if f.any_port {
            format!(" at {} (client, port) pairs", f.groups)
        } else {
            String::new()
        };
        format!(
            "{} clients not in the inventory{ports}, folded into this row; the first flow's reason: {}",
            f.clients,
            self.head().reason()
        )
        .into()
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
    /// Folded groups (at the end): (index in `starts`, what it folds).
    folded: Vec<(usize, Folded)>,
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
            let folded = match self.folded.binary_search_by_key(&i, |&(g, _)| g) {
                Ok(at) => Some(self.folded[at].1),
                Err(_) => None,
            };
            Group {
                flows: &self.flows[from..to],
                folded,
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
    let mut starts = Vec::new();
    for i in 0..order.len() {
        if i == 0
            || !same_group(
                &flows_of[order[i - 1].index as usize],
                &flows_of[order[i].index as usize],
            )
        {
            starts.push(i);
        }
    }
    let floods = floods(flows_of, &order, &starts);
    if floods.is_empty() {
        let flows = order.iter().map(|e| &flows_of[e.index as usize]).collect();
        return Groups {
            flows,
            starts,
            folded: Vec::new(),
        };
    }
    fold(flows_of, order, starts, &floods)
}

fn same_group(a: &JudgedFlow, b: &JudgedFlow) -> bool {
    group_key(a) == group_key(b)
}

/// Undocumented groups from outside clients to one server and service are folded into one
/// row when there are at least this many of them: a flood from spoofed sources or a sweep
/// is one finding with counts, not a row per address (issue 15; two million rows for a
/// flood before).
pub(crate) const FOLD_OUTSIDE_CLIENTS: usize = 64;

/// What a folded group shares: server, protocol and port (`Some`), or server and protocol
/// over any port (`None`: sweeps of random ports, a spoofed flood at random ports).
type FloodKey<'a> = (Host<'a>, IpProto, Option<Option<u16>>);

/// One flood: groups of outside clients it folds, and how many clients those are.
#[derive(Clone, Copy, Default)]
struct Flood {
    groups: usize,
    clients: usize,
}

type FloodMap<'a, V> = std::collections::HashMap<FloodKey<'a>, V, foldhash::fast::RandomState>;

/// The floods: a (server, protocol, port) that at least [`FOLD_OUTSIDE_CLIENTS`] outside
/// clients reach, then, of the groups left, a (server, protocol) that many groups of
/// outside clients reach over any ports.
fn floods<'a>(
    flows_of: &'a [JudgedFlow],
    order: &[SortEntry],
    starts: &[usize],
) -> FloodMap<'a, Flood> {
    let outside = |at: usize| {
        let f = &flows_of[order[at].index as usize];
        matches!(Host::client(f), Host::Outside(_)).then_some(f)
    };
    let mut one: FloodMap<'a, Flood> = Default::default();
    for f in starts.iter().filter_map(|&at| outside(at)) {
        let n = one
            .entry((Host::server(f), f.flow.proto, Some(f.flow.server_port)))
            .or_default();
        n.groups += 1;
        n.clients += 1;
    }
    one.retain(|_, n| n.groups >= FOLD_OUTSIDE_CLIENTS);
    // The groups of one client to one server are next to each other (client order first):
    // a client is counted when it differs from the one before it in the same flood.
    let mut any: FloodMap<'a, (Flood, Option<IpAddr>)> = Default::default();
    for f in starts.iter().filter_map(|&at| outside(at)) {
        let server = Host::server(f);
        if one.contains_key(&(server, f.flow.proto, Some(f.flow.server_port))) {
            continue;
        }
        let (n, last) = any.entry((server, f.flow.proto, None)).or_default();
        n.groups += 1;
        if *last != Some(f.flow.client) {
            n.clients += 1;
            *last = Some(f.flow.client);
        }
    }
    one.extend(
        any.into_iter()
            .filter(|(_, (n, _))| n.groups >= FOLD_OUTSIDE_CLIENTS)
            .map(|(k, (n, _))| (k, n)),
    );
    one
}

/// The groups with the floods folded: the other groups in their order, then one group per
/// flood in (server, service) order, its flows in the audit's time order. Scratch: 8 bytes
/// per folded flow.
fn fold<'a>(
    flows_of: &'a [JudgedFlow],
    order: Vec<SortEntry>,
    starts: Vec<usize>,
    floods: &FloodMap<'a, Flood>,
) -> Groups<'a> {
    let mut keys: Vec<(FloodKey<'a>, Flood)> = floods.iter().map(|(k, n)| (*k, *n)).collect();
    keys.sort_unstable_by_key(|((server, proto, port), _)| (*server, proto_by_name(*proto), *port));
    let ids: FloodMap<'a, u32> = keys
        .iter()
        .enumerate()
        .map(|(id, (k, _))| (*k, id as u32))
        .collect();
    let flood_id = |e: &SortEntry| {
        let f = &flows_of[e.index as usize];
        match Host::client(f) {
            Host::Outside(_) => {
                let (server, proto) = (Host::server(f), f.flow.proto);
                ids.get(&(server, proto, Some(f.flow.server_port)))
                    .or_else(|| ids.get(&(server, proto, None)))
                    .copied()
            }
            _ => None,
        }
    };
    let mut flows = Vec::with_capacity(order.len());
    let mut kept_starts = Vec::new();
    let mut flooded: Vec<(u32, u32)> = Vec::new();
    for (g, &from) in starts.iter().enumerate() {
        let to = starts.get(g + 1).copied().unwrap_or(order.len());
        match flood_id(&order[from]) {
            Some(id) => flooded.extend(order[from..to].iter().map(|e| (id, e.index))),
            None => {
                kept_starts.push(flows.len());
                flows.extend(order[from..to].iter().map(|e| &flows_of[e.index as usize]));
            }
        }
    }
    drop(order);
    flooded.sort_unstable();
    let mut folded = Vec::new();
    for (i, &(id, index)) in flooded.iter().enumerate() {
        if i == 0 || flooded[i - 1].0 != id {
            let (key, n) = keys[id as usize];
            folded.push((
                kept_starts.len(),
                Folded {
                    clients: n.clients,
                    groups: n.groups,
                    any_port: key.2.is_none(),
                },
            ));
            kept_starts.push(flows.len());
        }
        flows.push(&flows_of[index as usize]);
    }
    Groups {
        flows,
        starts: kept_starts,
        folded,
    }
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
        // Not a flow's end (only folded groups have it): last, as in `Host`'s order.
        Host::ManyOutside(n) => (3, (n as u64) & ((1 << 61) - 1), false),
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
