//! The rows of the three tables, and their conversion from and to tapaudit's own types.
//!
//! Types were chosen so that ClickHouse 18.16 (Debian's) and current servers both take
//! them: `DateTime` (seconds, UInt32) plus a nanosecond column instead of `DateTime64`,
//! `String` instead of `LowCardinality(String)`, `FixedString(16)` addresses (IPv4 as
//! v4-mapped IPv6, like the flow table's keys) instead of the `IPv6` type, `Enum8` for
//! closed vocabularies, `Nullable` for what a record may lack.

use std::net::{IpAddr, Ipv6Addr};
use std::sync::Arc;

use clickhouse::Row;
use serde::{Deserialize, Serialize};
use sha1::{Digest, Sha1};
use tapaudit_dynports::{Connector, Method};
use tapaudit_flow::{FinishReason, FlowRecord, Negotiation, State};
use tapaudit_vocab::{ControlProtocol, FileCoverage, Gap, InterfaceCoverage, IpProto, Timestamp};
use tapaudit_vocab::{LinkType, Transport};

use crate::community::CommunityId;

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

/// The id of a flow record: sensor, interface, and what the flow table keys a flow by,
/// plus its first packet's time. A record re-sent (spool, retry, the same capture ingested
/// twice) has the same id and is stored once.
pub fn flow_record_id(sensor: &str, interface: &str, f: &FlowRecord) -> u64 {
    RecordId::new("tapaudit.flow.1")
        .str(sensor)
        .str(interface)
        .bytes(&[f.proto.number()])
        .bytes(&addr16(f.client))
        .opt16(f.client_port)
        .bytes(&addr16(f.server))
        .opt16(f.server_port)
        .opt16(f.vlan)
        .opt16(f.inner_vlan)
        .opt16(f.icmp_type.map(u16::from))
        .bytes(&f.first_seen.as_nanos().to_be_bytes())
        .finish()
}

/// One row of `flows`. Field order is column order.
#[derive(Row, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct FlowRow {
    pub sensor: String,
    pub interface: String,
    pub record_id: u64,
    pub batch_id: u64,
    pub version: u64,
    pub community_id: String,
    pub proto: u8,
    pub client: [u8; 16],
    pub client_port: Option<u16>,
    pub server: [u8; 16],
    pub server_port: Option<u16>,
    pub vlan: Option<u16>,
    pub inner_vlan: Option<u16>,
    pub icmp_type: Option<u8>,
    pub first_seen: u32,
    pub first_seen_ns: u32,
    pub last_seen: u32,
    pub last_seen_ns: u32,
    pub packets_to_server: u64,
    pub packets_to_client: u64,
    pub bytes_to_server: u64,
    pub bytes_to_client: u64,
    pub state: i8,
    pub finish: i8,
    pub evidence: u16,
    pub blocked_icmp_type: u8,
    pub blocked_icmp_code: u8,
    pub blocked_sender: Option<[u8; 16]>,
    pub negotiation_protocol: String,
    pub negotiation_method: String,
    pub control_client: [u8; 16],
    pub control_client_port: u16,
    pub control_server: [u8; 16],
    pub control_server_port: u16,
    pub announced_at: u32,
    pub announced_at_ns: u32,
}

impl FlowRow {
    /// The row of one finished flow. `evidence`: the table's flags when the caller has
    /// them, else [`Evidence::default`].
    pub fn new(
        sensor: &str,
        interface: &str,
        f: &FlowRecord,
        evidence: Evidence,
        batch_id: u64,
    ) -> Result<Self, String> {
        let (first_seen, first_seen_ns) = split_time(f.first_seen)?;
        let (last_seen, last_seen_ns) = split_time(f.last_seen)?;
        let n = f.negotiated_by.as_deref();
        let (announced_at, announced_at_ns) = match n {
            Some(n) => split_time(n.announced_at)?,
            None => (0, 0),
        };
        let blocked = f.blocked_by.as_deref().copied();
        Ok(FlowRow {
            sensor: sensor.to_string(),
            interface: interface.to_string(),
            record_id: flow_record_id(sensor, interface, f),
            batch_id,
            version: f.last_seen.as_nanos(),
            community_id: CommunityId::of(f).map_or(String::new(), |c| c.to_string()),
            proto: f.proto.number(),
            client: addr16(f.client),
            client_port: f.client_port,
            server: addr16(f.server),
            server_port: f.server_port,
            vlan: f.vlan,
            inner_vlan: f.inner_vlan,
            icmp_type: f.icmp_type,
            first_seen,
            first_seen_ns,
            last_seen,
            last_seen_ns,
            packets_to_server: f.packets_to_server,
            packets_to_client: f.packets_to_client,
            bytes_to_server: f.bytes_to_server,
            bytes_to_client: f.bytes_to_client,
            state: state_code(f.state),
            finish: finish_code(f.finish),
            evidence: evidence.0 | f.control.map_or(0, Evidence::control_bit),
            blocked_icmp_type: blocked.map_or(0, |b| b.0),
            blocked_icmp_code: blocked.map_or(0, |b| b.1),
            blocked_sender: blocked.map(|b| addr16(b.2)),
            negotiation_protocol: n.map_or(String::new(), |n| n.protocol.to_string()),
            negotiation_method: n.map_or(String::new(), |n| n.method.to_string()),
            control_client: n.map_or([0; 16], |n| addr16(n.control_client)),
            control_client_port: n.map_or(0, |n| n.control_client_port),
            control_server: n.map_or([0; 16], |n| addr16(n.control_server)),
            control_server_port: n.map_or(0, |n| n.control_server_port),
            announced_at,
            announced_at_ns,
        })
    }

    /// Back to tapaudit's record; an error names what could not be read.
    pub fn to_record(&self) -> Result<FlowRecord, String> {
        let state = STATES
            .into_iter()
            .find(|s| state_code(*s) == self.state)
            .ok_or_else(|| format!("unknown state code {}", self.state))?;
        let finish =
            finish_of(self.finish).ok_or_else(|| format!("unknown finish code {}", self.finish))?;
        let negotiated_by = if self.negotiation_protocol.is_empty() {
            None
        } else {
            let protocol: ControlProtocol = self.negotiation_protocol.parse()?;
            let method = method_of(&self.negotiation_method)
                .ok_or_else(|| format!("unknown method {:?}", self.negotiation_method))?;
            Some(Box::new(Negotiation {
                protocol,
                method,
                control_client: ip_of(self.control_client),
                control_client_port: self.control_client_port,
                control_server: ip_of(self.control_server),
                control_server_port: self.control_server_port,
                announced_at: join_time(self.announced_at, self.announced_at_ns),
                start_seen: true,
                earlier_uses: 0,
            }))
        };
        Ok(FlowRecord {
            proto: IpProto::from_number(self.proto),
            client: ip_of(self.client),
            client_port: self.client_port,
            server: ip_of(self.server),
            server_port: self.server_port,
            vlan: self.vlan,
            inner_vlan: self.inner_vlan,
            icmp_type: self.icmp_type,
            first_seen: join_time(self.first_seen, self.first_seen_ns),
            last_seen: join_time(self.last_seen, self.last_seen_ns),
            packets_to_server: self.packets_to_server,
            packets_to_client: self.packets_to_client,
            bytes_to_server: self.bytes_to_server,
            bytes_to_client: self.bytes_to_client,
            state,
            blocked_by: self
                .blocked_sender
                .map(|s| Box::new((self.blocked_icmp_type, self.blocked_icmp_code, ip_of(s)))),
            negotiated_by,
            control: Evidence(self.evidence).control(),
            finish,
        })
    }
}

/// A flow record read back from the store, with where it was seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFlow {
    pub sensor: Arc<str>,
    pub interface: Arc<str>,
    pub record_id: u64,
    /// None for records without one (aggregates without a client port).
    pub community_id: Option<CommunityId>,
    pub evidence: Evidence,
    pub flow: FlowRecord,
}

impl StoredFlow {
    /// A record as the store would give it back (record id and Community ID computed):
    /// for merging records that never went through a server (tests, offline comparisons).
    pub fn new(sensor: &str, interface: &str, flow: FlowRecord, evidence: Evidence) -> Self {
        StoredFlow {
            sensor: Arc::from(sensor),
            interface: Arc::from(interface),
            record_id: flow_record_id(sensor, interface, &flow),
            community_id: CommunityId::of(&flow),
            evidence,
            flow,
        }
    }
}

/// An announcement as the flow table registers it: the control connection and message
/// (`negotiation`, with the time), where the announced connection goes, and who is
/// expected to open it. These are exactly the arguments of `Expectations::announce`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnnouncementRecord {
    pub negotiation: Negotiation,
    pub transport: Transport,
    pub target: IpAddr,
    pub port: u16,
    /// The address expected to connect (None: anyone).
    pub connector: Option<IpAddr>,
    /// Which side of the control connection that is.
    pub connector_side: Connector,
    /// ONC RPC program number where known.
    pub program: Option<u32>,
}

impl From<tapaudit_flow::LoggedAnnouncement> for AnnouncementRecord {
    /// An announcement as the sensor's flow table registered it.
    fn from(a: tapaudit_flow::LoggedAnnouncement) -> Self {
        AnnouncementRecord {
            negotiation: a.negotiation,
            transport: a.transport,
            target: a.target,
            port: a.port,
            connector: Some(a.connector),
            connector_side: a.connector_side,
            program: a.program,
        }
    }
}

/// The id of an announcement: where it was seen, the control connection, the time and
/// what it announced.
pub fn announcement_record_id(sensor: &str, interface: &str, a: &AnnouncementRecord) -> u64 {
    let n = &a.negotiation;
    RecordId::new("tapaudit.announcement.1")
        .str(sensor)
        .str(interface)
        .bytes(&n.announced_at.as_nanos().to_be_bytes())
        .str(n.protocol.as_str())
        .str(&n.method.to_string())
        .bytes(&addr16(n.control_client))
        .opt16(Some(n.control_client_port))
        .bytes(&addr16(n.control_server))
        .opt16(Some(n.control_server_port))
        .bytes(&addr16(a.target))
        .opt16(Some(a.port))
        .str(a.transport.as_str())
        .bytes(&a.connector.map_or([0xff; 16], addr16))
        .finish()
}

/// One row of `announcements`.
#[derive(Row, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct AnnouncementRow {
    pub sensor: String,
    pub interface: String,
    pub record_id: u64,
    pub batch_id: u64,
    pub at: u32,
    pub at_ns: u32,
    pub protocol: String,
    pub method: String,
    pub control_client: [u8; 16],
    pub control_client_port: u16,
    pub control_server: [u8; 16],
    pub control_server_port: u16,
    pub target: [u8; 16],
    pub port: u16,
    pub transport: i8,
    pub connector: Option<[u8; 16]>,
    pub connector_side: i8,
    pub program: Option<u32>,
}

impl AnnouncementRow {
    pub fn new(
        sensor: &str,
        interface: &str,
        a: &AnnouncementRecord,
        batch_id: u64,
    ) -> Result<Self, String> {
        let n = &a.negotiation;
        let (at, at_ns) = split_time(n.announced_at)?;
        Ok(AnnouncementRow {
            sensor: sensor.to_string(),
            interface: interface.to_string(),
            record_id: announcement_record_id(sensor, interface, a),
            batch_id,
            at,
            at_ns,
            protocol: n.protocol.to_string(),
            method: n.method.to_string(),
            control_client: addr16(n.control_client),
            control_client_port: n.control_client_port,
            control_server: addr16(n.control_server),
            control_server_port: n.control_server_port,
            target: addr16(a.target),
            port: a.port,
            transport: transport_code(a.transport),
            connector: a.connector.map(addr16),
            connector_side: match a.connector_side {
                Connector::Client => 1,
                Connector::Server => 2,
            },
            program: a.program,
        })
    }

    pub fn to_record(&self) -> Result<AnnouncementRecord, String> {
        Ok(AnnouncementRecord {
            negotiation: Negotiation {
                protocol: self.protocol.parse()?,
                method: method_of(&self.method)
                    .ok_or_else(|| format!("unknown method {:?}", self.method))?,
                control_client: ip_of(self.control_client),
                control_client_port: self.control_client_port,
                control_server: ip_of(self.control_server),
                control_server_port: self.control_server_port,
                announced_at: join_time(self.at, self.at_ns),
                start_seen: true,
                earlier_uses: 0,
            },
            transport: transport_of(self.transport)
                .ok_or_else(|| format!("unknown transport code {}", self.transport))?,
            target: ip_of(self.target),
            port: self.port,
            connector: self.connector.map(ip_of),
            connector_side: match self.connector_side {
                1 => Connector::Client,
                2 => Connector::Server,
                c => return Err(format!("unknown connector side {c}")),
            },
            program: self.program,
        })
    }
}

/// An announcement read back, with where it was seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredAnnouncement {
    pub sensor: Arc<str>,
    pub interface: Arc<str>,
    pub record_id: u64,
    pub announcement: AnnouncementRecord,
}

impl StoredAnnouncement {
    /// An announcement as the store would give it back (see [`StoredFlow::new`]).
    pub fn new(sensor: &str, interface: &str, announcement: AnnouncementRecord) -> Self {
        StoredAnnouncement {
            sensor: Arc::from(sensor),
            interface: Arc::from(interface),
            record_id: announcement_record_id(sensor, interface, &announcement),
            announcement,
        }
    }
}

/// What a coverage row is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    /// A capture file (`tapaudit ingest`).
    File,
    /// A live interface (`tapaudit live`).
    Interface,
}

/// Capture coverage of one source over a window: for a file, the whole file; for a live
/// interface, the run so far (counters are cumulative since `window_start`, and a later
/// row of the same run replaces the earlier one in the store).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageRecord {
    pub sensor: String,
    pub kind: SourceKind,
    /// The file path or the interface name.
    pub source: String,
    pub window_start: Timestamp,
    pub window_end: Timestamp,
    pub link_type: Option<LinkType>,
    pub packets: u64,
    pub bytes: u64,
    pub dropped_by_kernel: u64,
    pub dropped_by_interface: u64,
    pub decode_errors: u64,
    pub gaps_total: u64,
    /// The most recent gaps (the count of all is `gaps_total`).
    pub gaps: Vec<Gap>,
    /// The file was read to its end / the interface is still capturing.
    pub complete: bool,
    pub error: Option<String>,
}

impl CoverageRecord {
    /// One replayed file.
    pub fn from_file(sensor: &str, f: &FileCoverage) -> Self {
        CoverageRecord {
            sensor: sensor.to_string(),
            kind: SourceKind::File,
            source: f.file.clone(),
            window_start: f.first_seen.unwrap_or_default(),
            window_end: f.last_seen.unwrap_or_default(),
            link_type: None,
            packets: f.packets,
            bytes: f.bytes,
            dropped_by_kernel: 0,
            dropped_by_interface: 0,
            decode_errors: f.decode_errors,
            gaps_total: 0,
            gaps: Vec::new(),
            complete: f.complete,
            error: f.error.as_ref().map(|e| e.message.clone()),
        }
    }

    /// One live interface of a run that started at `started`, as of `written`.
    pub fn from_interface(
        sensor: &str,
        i: &InterfaceCoverage,
        started: Timestamp,
        written: Timestamp,
    ) -> Self {
        CoverageRecord {
            sensor: sensor.to_string(),
            kind: SourceKind::Interface,
            source: i.name.clone(),
            window_start: started,
            window_end: written,
            link_type: Some(i.link_type),
            packets: i.received,
            bytes: 0,
            dropped_by_kernel: i.dropped_by_kernel,
            dropped_by_interface: i.dropped_by_interface,
            decode_errors: 0,
            gaps_total: i.gaps_total,
            gaps: i.gaps.clone(),
            complete: i.capturing,
            error: i.last_error.clone(),
        }
    }

    /// Same sensor, source and start: the same coverage row (a later one replaces it).
    pub fn record_id(&self) -> u64 {
        RecordId::new("tapaudit.coverage.1")
            .str(&self.sensor)
            .bytes(&[match self.kind {
                SourceKind::File => 1,
                SourceKind::Interface => 2,
            }])
            .str(&self.source)
            .bytes(&self.window_start.as_nanos().to_be_bytes())
            .finish()
    }
}

/// One row of `coverage`.
#[derive(Row, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct CoverageRow {
    pub sensor: String,
    pub kind: i8,
    pub source: String,
    pub record_id: u64,
    pub batch_id: u64,
    pub version: u64,
    pub window_start: u32,
    pub window_start_ns: u32,
    pub window_end: u32,
    pub window_end_ns: u32,
    pub link_type: Option<u32>,
    pub packets: u64,
    pub bytes: u64,
    pub dropped_by_kernel: u64,
    pub dropped_by_interface: u64,
    pub decode_errors: u64,
    pub gaps_total: u64,
    pub gap_from: Vec<u64>,
    pub gap_to: Vec<u64>,
    pub gap_reason: Vec<String>,
    pub complete: u8,
    pub error: String,
}

impl CoverageRow {
    pub fn new(c: &CoverageRecord, batch_id: u64) -> Result<Self, String> {
        let (window_start, window_start_ns) = split_time(c.window_start)?;
        let (window_end, window_end_ns) = split_time(c.window_end)?;
        Ok(CoverageRow {
            sensor: c.sensor.clone(),
            kind: match c.kind {
                SourceKind::File => 1,
                SourceKind::Interface => 2,
            },
            source: c.source.clone(),
            record_id: c.record_id(),
            batch_id,
            version: c.window_end.as_nanos(),
            window_start,
            window_start_ns,
            window_end,
            window_end_ns,
            link_type: c.link_type.map(LinkType::number),
            packets: c.packets,
            bytes: c.bytes,
            dropped_by_kernel: c.dropped_by_kernel,
            dropped_by_interface: c.dropped_by_interface,
            decode_errors: c.decode_errors,
            gaps_total: c.gaps_total,
            gap_from: c.gaps.iter().map(|g| g.from.as_nanos()).collect(),
            // 0: still going on.
            gap_to: c
                .gaps
                .iter()
                .map(|g| g.to.map_or(0, |t| t.as_nanos()))
                .collect(),
            gap_reason: c.gaps.iter().map(|g| g.reason.clone()).collect(),
            complete: u8::from(c.complete),
            error: c.error.clone().unwrap_or_default(),
        })
    }

    pub fn to_record(&self) -> Result<CoverageRecord, String> {
        if self.gap_from.len() != self.gap_to.len() || self.gap_to.len() != self.gap_reason.len() {
            return Err("gap columns of different lengths".into());
        }
        Ok(CoverageRecord {
            sensor: self.sensor.clone(),
            kind: match self.kind {
                1 => SourceKind::File,
                2 => SourceKind::Interface,
                k => return Err(format!("unknown source kind {k}")),
            },
            source: self.source.clone(),
            window_start: join_time(self.window_start, self.window_start_ns),
            window_end: join_time(self.window_end, self.window_end_ns),
            link_type: self
                .link_type
                .map(|n| LinkType::from_linktype(i32::try_from(n).unwrap_or(-1))),
            packets: self.packets,
            bytes: self.bytes,
            dropped_by_kernel: self.dropped_by_kernel,
            dropped_by_interface: self.dropped_by_interface,
            decode_errors: self.decode_errors,
            gaps_total: self.gaps_total,
            gaps: self
                .gap_from
                .iter()
                .zip(&self.gap_to)
                .zip(&self.gap_reason)
                .map(|((&from, &to), reason)| Gap {
                    from: Timestamp(from),
                    to: (to != 0).then_some(Timestamp(to)),
                    reason: reason.clone(),
                })
                .collect(),
            complete: self.complete != 0,
            error: (!self.error.is_empty()).then(|| self.error.clone()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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

    fn negotiation() -> Negotiation {
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
    fn a_flow_row_gives_back_the_same_record() {
        let mut f = flow(1);
        f.negotiated_by = Some(Box::new(negotiation()));
        f.blocked_by = Some(Box::new((3, 13, "10.0.0.254".parse().unwrap())));
        f.control = Some(ControlProtocol::OncRpcPortmap);
        let table = Evidence(Evidence::RECORDED | Evidence::SYN_FROM_CLIENT);
        let row = FlowRow::new("cell-a", "eth1", &f, table, 7).unwrap();
        assert_eq!(row.to_record().unwrap(), f);
        // The control protocol rides in the evidence column; the table flags come back alone.
        assert_eq!(Evidence(row.evidence).table_flags(), table);
        assert_eq!(row.record_id, flow_record_id("cell-a", "eth1", &f));
        assert_eq!(row.version, f.last_seen.as_nanos());
    }

    #[test]
    fn record_ids_depend_on_where_and_when_not_on_the_counters() {
        let f = flow(1);
        let mut later = f.clone();
        later.packets_to_server += 10;
        later.last_seen = Timestamp(later.last_seen.0 + 1);
        assert_eq!(flow_record_id("a", "", &f), flow_record_id("a", "", &later));
        assert_ne!(flow_record_id("a", "", &f), flow_record_id("b", "", &f));
        assert_ne!(flow_record_id("a", "", &f), flow_record_id("a", "eth1", &f));
        assert_ne!(
            flow_record_id("a", "", &f),
            flow_record_id("a", "", &flow(2))
        );
        // Stable across versions: this value is in the store of every sensor. Computed
        // independently (Python hashlib, the encoding in docs/store.md).
        assert_eq!(flow_record_id("a", "", &f), 0xe828_5c13_e17c_558f);
    }

    #[test]
    fn every_method_reads_back() {
        for m in METHODS {
            assert_eq!(method_of(&m.to_string()), Some(m));
            assert_eq!(METHODS[method_index(m)], m);
        }
    }

    #[test]
    fn an_announcement_row_gives_back_the_same_record() {
        let a = AnnouncementRecord {
            negotiation: negotiation(),
            transport: Transport::Tcp,
            target: "2001:db8::2".parse().unwrap(),
            port: 50_000,
            connector: Some("2001:db8::1".parse().unwrap()),
            connector_side: Connector::Client,
            program: Some(100_003),
        };
        let row = AnnouncementRow::new("dmz", "eth2", &a, 1).unwrap();
        assert_eq!(row.to_record().unwrap(), a);
    }

    #[test]
    fn a_coverage_row_gives_back_the_same_record() {
        let c = CoverageRecord {
            sensor: "cell-a".into(),
            kind: SourceKind::Interface,
            source: "eth1".into(),
            window_start: Timestamp::from_secs_nanos(1_772_438_400, 1),
            window_end: Timestamp::from_secs_nanos(1_772_442_000, 2),
            link_type: Some(LinkType::Ethernet),
            packets: 10,
            bytes: 0,
            dropped_by_kernel: 1,
            dropped_by_interface: 2,
            decode_errors: 0,
            gaps_total: 3,
            gaps: vec![
                Gap {
                    from: Timestamp(5),
                    to: Some(Timestamp(6)),
                    reason: "link down".into(),
                },
                Gap {
                    from: Timestamp(7),
                    to: None,
                    reason: "gone".into(),
                },
            ],
            complete: true,
            error: None,
        };
        let row = CoverageRow::new(&c, 1).unwrap();
        assert_eq!(row.to_record().unwrap(), c);
    }

    #[test]
    fn times_past_datetime_are_refused_not_wrapped() {
        let mut f = flow(1);
        f.last_seen = Timestamp(u64::MAX);
        assert!(FlowRow::new("a", "", &f, Evidence::default(), 1).is_err());
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
