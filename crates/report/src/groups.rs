//! Undocumented flows grouped by client host, server host, protocol and port: the unit in
//! which every printer shows them (a scan of 500 ports is one finding per port, not 500 lines
//! of flows). Made once per report by [`crate::view::ReportView::undocumented_groups`].

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
    let mut flows: Vec<&JudgedFlow> = audit
        .flows
        .iter()
        .filter(|f| f.verdict == Verdict::Undocumented)
        .collect();
    // Stable: within a group the flows stay in the audit's time order.
    flows.sort_by(|a, b| group_key(a).cmp(&group_key(b)));
    let mut starts = Vec::new();
    for (i, f) in flows.iter().enumerate() {
        if i == 0 || group_key(flows[i - 1]) != group_key(f) {
            starts.push(i);
        }
    }
    Groups { flows, starts }
}

#[cfg(test)]
mod tests {
    use super::*;

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
