//! The rows of the three tables, and their conversion from and to tapaudit's own types.
//!
//! Types were chosen so that ClickHouse 18.16 (Debian's) and current servers both take
//! them: `DateTime` (seconds, UInt32) plus a nanosecond column instead of `DateTime64`,
//! `String` instead of `LowCardinality(String)`, `FixedString(16)` addresses (IPv4 as
//! v4-mapped IPv6, like the flow table's keys) instead of the `IPv6` type, `Enum8` for
//! closed vocabularies, `Nullable` for what a record may lack.
//!
//! Here: the encodings every table shares (addresses, times, states, methods, record ids,
//! the evidence flags); each table's row is in its own module.

use std::net::{IpAddr, Ipv6Addr};

use clickhouse::Row;
use sha1::{Digest, Sha1};
use tapaudit_dynports::Method;
use tapaudit_flow::{FinishReason, State};
use tapaudit_vocab::{ControlProtocol, IpProto, Timestamp, Transport};

mod announcement;
mod coverage;
mod flow;

pub use announcement::{AnnouncementRecord, AnnouncementRow, StoredAnnouncement};
pub use coverage::{CoverageRecord, CoverageRow, SourceKind};
pub use flow::{flow_record_id, FlowRow, StoredFlow};

/// The three tables and their names in the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    Flows,
    Announcements,
    Coverage,
}

impl Table {
    pub const ALL: [Table; 3] = [Table::Flows, Table::Announcements, Table::Coverage];
    pub const fn name(self) -> &'static str {
        match self {
            Table::Flows => "flows",
            Table::Announcements => "announcements",
            Table::Coverage => "coverage",
        }
    }
    pub(crate) const fn code(self) -> u8 {
        match self {
            Table::Flows => 1,
            Table::Announcements => 2,
            Table::Coverage => 3,
        }
    }
    pub(crate) fn from_code(c: u8) -> Option<Self> {
        Table::ALL.into_iter().find(|t| t.code() == c)
    }
    /// The columns a writer fills, in RowBinary order.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Flows => FlowRow::COLUMN_NAMES,
            Table::Announcements => AnnouncementRow::COLUMN_NAMES,
            Table::Coverage => CoverageRow::COLUMN_NAMES,
        }
    }
}

/// An address as the store keeps it: 16 bytes, IPv4 as `::ffff:a.b.c.d`.
pub fn addr16(ip: IpAddr) -> [u8; 16] {
    match ip {
        IpAddr::V4(v4) => v4.to_ipv6_mapped().octets(),
        IpAddr::V6(v6) => v6.octets(),
    }
}

/// Back from 16 bytes (a v4-mapped address is IPv4, as in the flow table).
pub fn ip_of(a: [u8; 16]) -> IpAddr {
    let v6 = Ipv6Addr::from(a);
    match v6.to_ipv4_mapped() {
        Some(v4) => IpAddr::V4(v4),
        None => IpAddr::V6(v6),
    }
}

fn split_time(t: Timestamp) -> Result<(u32, u32), String> {
    let secs = u32::try_from(t.secs())
        .map_err(|_| format!("time {} is past 2106, beyond DateTime", t.as_nanos()))?;
    Ok((secs, t.subsec_nanos()))
}

fn join_time(secs: u32, nanos: u32) -> Timestamp {
    Timestamp::from_secs_nanos(u64::from(secs), u64::from(nanos))
}

/// Flow-table evidence behind a state: which of the table's flags a sensor saw. Stored so
/// that two partial views of one connection can be merged into the state one table seeing
/// every packet would give. 0 = not recorded (the state alone is then used).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Evidence(pub u16);

impl Evidence {
    pub const SYN_FROM_CLIENT: u16 = 1;
    pub const SYNACK: u16 = 1 << 1;
    /// FIN or RST after the handshake.
    pub const CLOSED: u16 = 1 << 2;
    /// RST from the server answering the SYN.
    pub const REFUSED: u16 = 1 << 3;
    pub const ICMP_ERROR: u16 = 1 << 4;
    /// The flow's first packet was a TCP SYN (the table then never turns the flow around).
    pub const OPENED_BY_SYN: u16 = 1 << 5;
    /// The bits are the table's own, not derived from the state.
    pub const RECORDED: u16 = 1 << 15;
    /// The control protocol the flow carried (`FlowRecord::control`), one bit each, kept in
    /// the same column so that the store's schema needs no migration. Not flow-table
    /// flags: [`Evidence::table_flags`] leaves them out.
    pub const CONTROL_FTP: u16 = 1 << 8;
    pub const CONTROL_PORTMAP: u16 = 1 << 9;
    pub const CONTROL_DCERPC: u16 = 1 << 10;
    const CONTROL_BITS: u16 = Self::CONTROL_FTP | Self::CONTROL_PORTMAP | Self::CONTROL_DCERPC;

    /// The bit of a control protocol.
    pub fn control_bit(p: ControlProtocol) -> u16 {
        match p {
            ControlProtocol::Ftp => Self::CONTROL_FTP,
            ControlProtocol::OncRpcPortmap => Self::CONTROL_PORTMAP,
            ControlProtocol::DceRpcEpm => Self::CONTROL_DCERPC,
        }
    }

    /// The control protocol its bits name, if any.
    pub fn control(self) -> Option<ControlProtocol> {
        ControlProtocol::ALL
            .into_iter()
            .find(|&p| self.0 & Self::control_bit(p) != 0)
    }

    /// Without the control-protocol bits: the flow-table flags alone.
    pub fn table_flags(self) -> Self {
        Evidence(self.0 & !Self::CONTROL_BITS)
    }

    pub fn has(self, bit: u16) -> bool {
        self.0 & bit != 0
    }

    /// The flags a state implies for certain (what a sensor that does not record the flags
    /// still tells). A `partial` TCP flow says nothing certain.
    pub fn implied_by(proto: IpProto, state: State) -> Self {
        let bits = match (proto, state) {
            (IpProto::Tcp, State::Established) => Self::SYN_FROM_CLIENT | Self::SYNACK,
            (IpProto::Tcp, State::Closed) => Self::SYN_FROM_CLIENT | Self::SYNACK | Self::CLOSED,
            (IpProto::Tcp, State::Refused) => Self::SYN_FROM_CLIENT | Self::REFUSED,
            (IpProto::Tcp, State::Unanswered) => Self::SYN_FROM_CLIENT,
            (_, State::Blocked) => Self::ICMP_ERROR,
            _ => 0,
        };
        Evidence(bits)
    }
}

/// The state of a flow from its flags and whether the server sent anything: the flow
/// table's rule (`Flow::state` in crates/flow/src/table.rs), applied to merged flags.
pub fn state_from(proto: IpProto, e: Evidence, server_packets: u64) -> State {
    if e.has(Evidence::ICMP_ERROR) && server_packets == 0 {
        return State::Blocked;
    }
    if proto == IpProto::Tcp {
        if e.has(Evidence::REFUSED) {
            State::Refused
        } else if e.has(Evidence::SYN_FROM_CLIENT) && e.has(Evidence::SYNACK) {
            if e.has(Evidence::CLOSED) {
                State::Closed
            } else {
                State::Established
            }
        } else if e.has(Evidence::SYN_FROM_CLIENT) && server_packets == 0 {
            State::Unanswered
        } else {
            State::Partial
        }
    } else if server_packets > 0 {
        State::Answered
    } else {
        State::Unanswered
    }
}

const STATES: [State; 7] = [
    State::Established,
    State::Closed,
    State::Refused,
    State::Unanswered,
    State::Blocked,
    State::Partial,
    State::Answered,
];

fn state_code(s: State) -> i8 {
    match s {
        State::Established => 1,
        State::Closed => 2,
        State::Refused => 3,
        State::Unanswered => 4,
        State::Blocked => 5,
        State::Partial => 6,
        State::Answered => 7,
    }
}

fn finish_code(f: FinishReason) -> i8 {
    match f {
        FinishReason::EndOfInput => 1,
        FinishReason::IdleTimeout => 2,
        FinishReason::Closed => 3,
        FinishReason::Evicted => 4,
    }
}

fn finish_of(code: i8) -> Option<FinishReason> {
    Some(match code {
        1 => FinishReason::EndOfInput,
        2 => FinishReason::IdleTimeout,
        3 => FinishReason::Closed,
        4 => FinishReason::Evicted,
        _ => return None,
    })
}

fn transport_code(t: Transport) -> i8 {
    match t {
        Transport::Tcp => 1,
        Transport::Udp => 2,
        Transport::Icmp => 3,
    }
}

fn transport_of(code: i8) -> Option<Transport> {
    Some(match code {
        1 => Transport::Tcp,
        2 => Transport::Udp,
        3 => Transport::Icmp,
        _ => return None,
    })
}

/// Every method, so that the stored name can be read back. The match in `method_index`
/// makes a new variant a compile error here rather than a name that cannot be read.
const METHODS: [Method; 18] = [
    Method::Pasv,
    Method::Epsv,
    Method::Port,
    Method::Eprt,
    Method::GetPort,
    Method::GetAddr,
    Method::GetVersAddr,
    Method::Dump,
    Method::EptMap,
    Method::EptLookup,
    Method::RemoteCreateInstance,
    Method::RemoteGetClassObject,
    Method::RemoteActivation,
    Method::ResolveOxid,
    Method::ResolveOxid2,
    Method::ServerAlive2,
    Method::MidStreamBindings,
    Method::MidStreamTowers,
];

#[allow(dead_code)]
const fn method_index(m: Method) -> usize {
    match m {
        Method::Pasv => 0,
        Method::Epsv => 1,
        Method::Port => 2,
        Method::Eprt => 3,
        Method::GetPort => 4,
        Method::GetAddr => 5,
        Method::GetVersAddr => 6,
        Method::Dump => 7,
        Method::EptMap => 8,
        Method::EptLookup => 9,
        Method::RemoteCreateInstance => 10,
        Method::RemoteGetClassObject => 11,
        Method::RemoteActivation => 12,
        Method::ResolveOxid => 13,
        Method::ResolveOxid2 => 14,
        Method::MidStreamBindings => 16,
        Method::MidStreamTowers => 17,
        Method::ServerAlive2 => 15,
    }
}

fn method_of(name: &str) -> Option<Method> {
    METHODS.into_iter().find(|m| m.to_string() == name)
}

/// The first 8 bytes of SHA-1 over a tag and the fields that identify a record: the same
/// record always gets the same id, on any machine and in any tapaudit version that keeps
/// this encoding (docs/store.md, "record ids").
struct RecordId(Sha1);

impl RecordId {
    fn new(tag: &str) -> Self {
        let mut h = Sha1::new();
        h.update(tag.as_bytes());
        h.update([0]);
        RecordId(h)
    }
    fn str(&mut self, s: &str) -> &mut Self {
        self.0.update((s.len() as u32).to_be_bytes());
        self.0.update(s.as_bytes());
        self
    }
    fn bytes(&mut self, b: &[u8]) -> &mut Self {
        self.0.update(b);
        self
    }
    fn opt16(&mut self, v: Option<u16>) -> &mut Self {
        match v {
            Some(v) => self.0.update([1, (v >> 8) as u8, v as u8]),
            None => self.0.update([0, 0, 0]),
        }
        self
    }
    fn finish(&mut self) -> u64 {
        let digest = std::mem::take(&mut self.0).finalize();
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        u64::from_be_bytes(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tapaudit_flow::{FlowRecord, Negotiation};

    pub(crate) fn flow(i: u64) -> FlowRecord {
        FlowRecord {
            proto: IpProto::Tcp,
            client: "10.0.0.1".parse().unwrap(),
            client_port: Some(40000 + (i % 20000) as u16),
            server: "10.0.0.2".parse().unwrap(),
            server_port: Some(502),
            vlan: Some(10),
            inner_vlan: None,
            icmp_type: None,
            first_seen: Timestamp::from_secs_nanos(1_772_438_400 + i, 123_456_789),
            last_seen: Timestamp::from_secs_nanos(1_772_438_405 + i, 5),
            packets_to_server: 3,
            packets_to_client: 2,
            bytes_to_server: 300,
            bytes_to_client: 200,
            state: State::Closed,
            blocked_by: None,
            negotiated_by: None,
            control: None,
            finish: FinishReason::Closed,
        }
    }

    pub(crate) fn negotiation() -> Negotiation {
        Negotiation {
            protocol: ControlProtocol::Ftp,
            method: Method::Epsv,
            control_client: "2001:db8::1".parse().unwrap(),
            control_client_port: 40001,
            control_server: "2001:db8::2".parse().unwrap(),
            control_server_port: 21,
            announced_at: Timestamp::from_secs_nanos(1_772_438_399, 999),
            start_seen: true,
            earlier_uses: 0,
        }
    }

    #[test]
    fn every_method_reads_back() {
        for m in METHODS {
            assert_eq!(method_of(&m.to_string()), Some(m));
            assert_eq!(METHODS[method_index(m)], m);
        }
    }

    proptest! {
        #[test]
        fn addresses_round_trip(v4 in any::<[u8; 4]>(), v6 in any::<[u8; 16]>()) {
            let ip4 = IpAddr::from(v4);
            prop_assert_eq!(ip_of(addr16(ip4)), ip4);
            let ip6 = IpAddr::from(v6);
            if Ipv6Addr::from(v6).to_ipv4_mapped().is_none() {
                prop_assert_eq!(ip_of(addr16(ip6)), ip6);
            }
        }

        /// The state rule over the flags a state implies gives that state back (for every
        /// state but `partial`, which implies nothing and is what nothing gives).
        #[test]
        fn implied_flags_give_the_state_back(s in 0usize..7, tcp in any::<bool>(), answered in any::<bool>()) {
            let state = STATES[s];
            let proto = if tcp { IpProto::Tcp } else { IpProto::Udp };
            let server_packets = match state {
                State::Unanswered | State::Blocked | State::Refused => 0,
                State::Established | State::Closed | State::Answered => 1,
                State::Partial => u64::from(answered),
            };
            let valid = match state {
                State::Established | State::Closed | State::Refused | State::Partial => tcp,
                State::Answered => !tcp,
                _ => true,
            };
            if valid {
                prop_assert_eq!(state_from(proto, Evidence::implied_by(proto, state), server_packets), state);
            }
        }
    }
}
