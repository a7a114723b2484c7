//! Finished flows as the reports see them.

use std::net::IpAddr;

use serde::{Serialize, Serializer};
use tapaudit_dynports::Method;
use tapaudit_vocab::Timestamp;
use tapaudit_vocab::{ControlProtocol, IpProto};

/// Flow state, with exactly the words the reports use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// TCP: handshake done, still open at the end of the capture.
    Established,
    /// TCP: FIN or RST after the handshake.
    Closed,
    /// TCP: the server answered the SYN with a RST.
    Refused,
    /// TCP: SYNs and nothing back. UDP/ICMP: nothing came back.
    Unanswered,
    /// An ICMP error (destination unreachable, time exceeded, ...) quoted this flow and
    /// the server never answered.
    Blocked,
    /// TCP: the handshake is not in the capture.
    Partial,
    /// UDP/ICMP: packets both ways.
    Answered,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Established => "established",
            State::Closed => "closed",
            State::Refused => "refused",
            State::Unanswered => "unanswered",
            State::Blocked => "blocked",
            State::Partial => "partial",
            State::Answered => "answered",
        }
    }
    /// The server side was reached: something came back that was not a refusal.
    pub fn is_answered(self) -> bool {
        matches!(
            self,
            State::Established | State::Closed | State::Partial | State::Answered
        )
    }
}

/// The control connection and message that announced this flow's port.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Negotiation {
    pub protocol: ControlProtocol,
    pub method: Method,
    pub control_client: IpAddr,
    pub control_client_port: u16,
    pub control_server: IpAddr,
    pub control_server_port: u16,
    pub announced_at: Timestamp,
    /// The flow's start was seen (TCP: its SYN; UDP: always). A connection first seen in
    /// the middle may have been open before the announcement.
    pub start_seen: bool,
    /// Connections this announcement had already accounted for before this one.
    pub earlier_uses: u32,
}

impl Negotiation {
    /// The announcement is evidence for this flow: its start was seen (so it cannot predate
    /// the announcement unseen) and the announcement had not already accounted for as many
    /// connections as its protocol allows
    /// ([`ControlProtocol::connections_per_announcement`]).
    pub fn is_evidence(&self) -> bool {
        self.why_not_evidence().is_none()
    }

    /// Why the announcement is no evidence for this flow, in a few words; None when it is.
    pub fn why_not_evidence(&self) -> Option<&'static str> {
        if !self.start_seen {
            Some("start not seen")
        } else if self.earlier_uses >= self.protocol.connections_per_announcement() {
            Some("announcement already used")
        } else {
            None
        }
    }
}

impl Serialize for Negotiation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Negotiation", 4)?;
        st.serialize_field("protocol", &self.protocol.to_string())?;
        st.serialize_field("method", &self.method.to_string())?;
        st.serialize_field(
            "control",
            &serde_json::json!({
                "client": self.control_client,
                "client_port": self.control_client_port,
                "server": self.control_server,
                "server_port": self.control_server_port,
            }),
        )?;
        st.serialize_field("announced_at", &self.announced_at.to_rfc3339_micros())?;
        if !self.start_seen {
            st.serialize_field("start_seen", &false)?;
        }
        if self.earlier_uses > 0 {
            st.serialize_field("earlier_uses", &self.earlier_uses)?;
        }
        st.end()
    }
}

/// Why a flow ended before the end of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FinishReason {
    /// Still open when the input ended.
    EndOfInput,
    /// Idle longer than its timeout (packet time).
    IdleTimeout,
    /// TCP close seen and the linger time passed, or the port was reused.
    Closed,
    /// The table was full: finished early to make room (counted in the statistics).
    Evicted,
}

/// One finished flow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowRecord {
    pub proto: IpProto,
    pub client: IpAddr,
    /// TCP/UDP port; ICMP: None.
    pub client_port: Option<u16>,
    pub server: IpAddr,
    pub server_port: Option<u16>,
    pub vlan: Option<u16>,
    pub inner_vlan: Option<u16>,
    /// ICMP only: the type of the flow's messages (8 echo request, 128 for ICMPv6).
    pub icmp_type: Option<u8>,
    pub first_seen: Timestamp,
    pub last_seen: Timestamp,
    pub packets_to_server: u64,
    pub packets_to_client: u64,
    pub bytes_to_server: u64,
    pub bytes_to_client: u64,
    pub state: State,
    /// The ICMP error that blocked it: (type, code, sender). Boxed, like `negotiated_by`:
    /// few flows have one, and every record is smaller for it (memory per flow).
    pub blocked_by: Option<Box<(u8, u8, IpAddr)>>,
    pub negotiated_by: Option<Box<Negotiation>>,
    /// The control protocol this flow carried (its parser read messages of it and did not
    /// rule it out), whether found by port or by content. None for every other flow.
    pub control: Option<ControlProtocol>,
    pub finish: FinishReason,
}

impl FlowRecord {
    /// `tcp`, `udp`, `icmp`, `icmpv6`, else the protocol number.
    pub fn proto_name(&self) -> String {
        self.proto.to_string()
    }

    /// A total order for deterministic output: time first, then the endpoints, then the
    /// rest, so that an unstable sort (which needs no scratch memory) gives one order.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            (
                self.first_seen,
                self.proto,
                self.client,
                self.client_port,
                self.server,
                self.server_port,
                self.vlan,
                self.inner_vlan,
                self.last_seen,
            ),
            (
                self.state,
                self.packets_to_server,
                self.packets_to_client,
                self.bytes_to_server,
                self.bytes_to_client,
                self.icmp_type,
            ),
        )
    }
}

/// Sorts `items` by [`FlowRecord::sort_key`] of the record each holds, in place.
///
/// A sort of the items themselves moves 100-byte-plus elements O(n log n) times and reads
/// two of them, anywhere in memory, per comparison (the largest sort of a churn replay,
/// 358,000 flows). Here 16-byte (start time, position) pairs are sorted, the whole key read
/// only when two flows start in the same nanosecond, and the items are then moved once each
/// along the permutation's cycles. Scratch: 16 bytes per item, none when the items are in
/// order or in reverse order already.
pub fn sort_in_flow_order<T>(items: &mut [T], record: impl Fn(&T) -> &FlowRecord) {
    // Already in order, or in reverse order (a flow table drained from its end, an audit's
    // records given back last first): no scratch at all.
    let ordered = |a: &T, b: &T| record(a).sort_key() <= record(b).sort_key();
    if items.windows(2).all(|w| ordered(&w[0], &w[1])) {
        return;
    }
    if items.windows(2).all(|w| !ordered(&w[0], &w[1])) {
        items.reverse();
        return;
    }
    let mut order: Vec<(Timestamp, u32)> = items
        .iter()
        .enumerate()
        // Far fewer than 2^32 flows fit in memory (each is over 100 bytes).
        .map(|(i, item)| (record(item).first_seen, i as u32))
        .collect();
    order.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| {
                let (x, y) = (record(&items[a.1 as usize]), record(&items[b.1 as usize]));
                x.sort_key().cmp(&y.sort_key())
            })
            .then(a.1.cmp(&b.1))
    });
    // Position k takes the item now at order[k].1; a visited position points at itself.
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at].1 as usize;
            order[at].1 = at as u32;
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// The JSON object of one flow, with the field names of `tapaudit flows` (the audit report
/// adds its own fields to it).
impl Serialize for FlowRecord {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        serialize_flow_fields(self, &mut m)?;
        m.end()
    }
}

/// Writes the flow fields into a map that a caller may extend.
pub fn serialize_flow_fields<M: serde::ser::SerializeMap>(
    f: &FlowRecord,
    m: &mut M,
) -> Result<(), M::Error> {
    // The same strings as `proto_name()` and `to_rfc3339_micros()`, without allocating
    // (the JSON report of 100k+ flows spent a tenth of its time formatting them).
    m.serialize_entry("proto", &f.proto)?;
    m.serialize_entry("client", &f.client)?;
    m.serialize_entry("client_port", &f.client_port)?;
    m.serialize_entry("server", &f.server)?;
    m.serialize_entry("server_port", &f.server_port)?;
    m.serialize_entry("vlan", &f.vlan)?;
    if f.inner_vlan.is_some() {
        m.serialize_entry("inner_vlan", &f.inner_vlan)?;
    }
    if f.icmp_type.is_some() {
        m.serialize_entry("icmp_type", &f.icmp_type)?;
    }
    m.serialize_entry("first_seen", &Micros(f.first_seen))?;
    m.serialize_entry("last_seen", &Micros(f.last_seen))?;
    m.serialize_entry("packets_to_server", &f.packets_to_server)?;
    m.serialize_entry("packets_to_client", &f.packets_to_client)?;
    m.serialize_entry("bytes_to_server", &f.bytes_to_server)?;
    m.serialize_entry("bytes_to_client", &f.bytes_to_client)?;
    m.serialize_entry("state", &f.state)?;
    if let Some(&(t, c, by)) = f.blocked_by.as_deref() {
        m.serialize_entry(
            "blocked_by",
            &serde_json::json!({"icmp_type": t, "icmp_code": c, "sender": by}),
        )?;
    }
    m.serialize_entry("negotiated_by", &f.negotiated_by)?;
    if let Some(c) = f.control {
        m.serialize_entry("control", c.as_str())?;
    }
    Ok(())
}
/// A timestamp as `Timestamp::to_rfc3339_micros` writes it, formatted on the stack.
struct Micros(Timestamp);

impl Serialize for Micros {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match crate::text::rfc3339_micros(self.0) {
            // Only ASCII digits and separators were written.
            Some(b) => s.serialize_str(std::str::from_utf8(&b).unwrap_or_default()),
            None => s.serialize_str(&self.0.to_rfc3339_micros()),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn timestamps_format_as_the_slow_path() {
        use tapaudit_vocab::Timestamp;
        for ns in [
            0u64,
            1,
            999_999_999,
            1_772_438_400_123_456_789,
            4_102_444_799_999_999_000,
            u64::MAX,
        ] {
            let t = Timestamp(ns);
            let fast = serde_json::to_string(&super::Micros(t)).unwrap();
            assert_eq!(fast, format!("\"{}\"", t.to_rfc3339_micros()), "{ns}");
        }
    }

    /// Every finished flow a report lists is one record: memory per flow (docs/performance.md).
    #[test]
    fn a_record_stays_small() {
        // 128 since 2026-12-03: the `control` field (the protocol a flow carried) took the
        // last free byte of 120 and the alignment rounds up.

        assert!(
            std::mem::size_of::<super::FlowRecord>() <= 128,
            "{}",
            std::mem::size_of::<super::FlowRecord>()
        );
    }
}

#[cfg(test)]
mod sort_tests {
    use super::*;

    fn flow(client_port: u16, first: u64, packets: u64) -> FlowRecord {
        FlowRecord {
            proto: IpProto::Tcp,
            client: "10.0.0.1".parse().unwrap(),
            client_port: Some(client_port),
            server: "10.0.0.2".parse().unwrap(),
            server_port: Some(502),
            vlan: None,
            inner_vlan: None,
            icmp_type: None,
            first_seen: Timestamp(first),
            last_seen: Timestamp(first + 5),
            packets_to_server: packets,
            packets_to_client: 0,
            bytes_to_server: 0,
            bytes_to_client: 0,
            state: State::Closed,
            blocked_by: None,
            negotiated_by: None,
            control: None,
            finish: FinishReason::Closed,
        }
    }

    proptest::proptest! {
        /// The same order as sorting the records themselves by their key, for any input
        /// (many equal start times included), and every record kept.
        #[test]
        fn sorts_as_the_key_does(seeds in proptest::collection::vec((0u16..50, 0u64..20, 0u64..4), 0..300)) {
            let flows: Vec<FlowRecord> = seeds.iter().map(|&(p, t, n)| flow(p, t, n)).collect();
            let mut expected = flows.clone();
            expected.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            let mut got = flows;
            sort_in_flow_order(&mut got, |f| f);
            proptest::prop_assert_eq!(&got, &expected);
            // In order already, and in reverse order (the paths without scratch).
            sort_in_flow_order(&mut got, |f| f);
            proptest::prop_assert_eq!(&got, &expected);
            got.reverse();
            sort_in_flow_order(&mut got, |f| f);
            proptest::prop_assert_eq!(&got, &expected);
        }
    }
}
