//! The flow table: one entry per conversation, driven by packet timestamps only.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;

use serde::Serialize;
use tapaudit_decode::{tcp_flags, IcmpKind, Packet, Quoted, L4};
use tapaudit_dynports::{Announcement, Connector, Direction, Sniffed};
use tapaudit_vocab::{ControlProtocol, IpProto, Timestamp, Transport};

use crate::control::{ControlStatsByProtocol, ControlStream};
use crate::expect::{ExpectationStats, Expectations};
use crate::flowmap::{FlowMap, Keyed};
use crate::frag::{FragKey, FragTable};
use crate::key::{Addr, Endpoint, FlowKey};
use crate::record::{FinishReason, FlowRecord, Negotiation, State};

/// Limits and timeouts. Times are packet time (seconds), never the wall clock.
#[derive(Clone, Debug)]
pub struct FlowConfig {
    /// Most flows held at once; when full, the longest-idle flows are finished early.
    pub max_flows: usize,
    /// Idle time after which an open TCP flow is finished.
    pub tcp_idle_secs: u64,
    /// How long a closed TCP flow stays (to absorb the last ACKs and retransmitted FINs).
    pub tcp_closed_linger_secs: u64,
    pub udp_idle_secs: u64,
    pub icmp_idle_secs: u64,
    /// How long an announced port waits for its connection.
    pub expectation_ttl_secs: u64,
    pub max_expectations: usize,
    /// Most finished-flow records a replay keeps one by one (and, beyond, as aggregates);
    /// see [`crate::FinishedStore`].
    pub max_records: usize,
    /// Ports whose flows carry a control protocol that announces dynamic ports.
    pub control_ports: Vec<(ControlProtocol, Transport, u16)>,
    /// Control ports of some servers only (the site's `[[control_ports]]` with `servers`).
    pub server_control_ports: Vec<ServerControlPort>,
    /// Look at the first payload of every other TCP and UDP flow for a control protocol
    /// (`tapaudit_dynports::sniff`): an FTP server on 2121 or a portmapper on another port
    /// still announces ports. On by default; `--no-detect-by-content` turns it off.
    pub detect_by_content: bool,
    /// Most announcements kept in a log for [`FlowTable::take_announcement_log`] (0: none
    /// kept, the default). The flow store records them so that a central audit can credit an
    /// announcement seen by one sensor to a connection another sensor saw.
    pub max_logged_announcements: usize,
}

impl Default for FlowConfig {
    fn default() -> Self {
        FlowConfig {
            max_flows: 1_000_000,
            tcp_idle_secs: 3600,
            tcp_closed_linger_secs: 60,
            udp_idle_secs: 300,
            icmp_idle_secs: 60,
            expectation_ttl_secs: 300,
            max_expectations: 100_000,
            max_records: 1_000_000,
            control_ports: ControlProtocol::ALL
                .into_iter()
                .flat_map(|p| {
                    p.well_known_ports()
                        .iter()
                        .map(move |&(t, port)| (p, t, port))
                })
                .collect(),
            max_logged_announcements: 0,
            server_control_ports: Vec::new(),
            detect_by_content: true,
        }
    }
}

/// A control port watched on some servers only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerControlPort {
    pub protocol: ControlProtocol,
    pub transport: Transport,
    pub port: u16,
    /// The servers' addresses (networks as the site gives them).
    pub servers: Vec<ipnet::IpNet>,
}

impl FlowConfig {
    /// Watches `ports` (from the rule packs and the site) for their control protocols, before
    /// the well-known ports, which stay watched: an undocumented FTP data connection is still
    /// worth explaining. ICMP entries are ignored (no control protocol runs over ICMP).
    pub fn with_control_ports(
        mut self,
        ports: impl IntoIterator<Item = (ControlProtocol, Transport, u16)>,
    ) -> Self {
        let mut watched: Vec<_> = ports
            .into_iter()
            .filter(|(_, t, _)| *t != Transport::Icmp)
            .collect();
        for p in std::mem::take(&mut self.control_ports) {
            if !watched.contains(&p) {
                watched.push(p);
            }
        }
        self.control_ports = watched;
        self
    }
}

/// Flow-table counters (the `flows` part of the statistics).
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct FlowStats {
    pub flows: u64,
    /// Finished early because the table was full (`--max-flows`).
    pub evicted: u64,
    pub idle_timeouts: u64,
    /// A TCP port reused after close: the old flow was finished, a new one started.
    pub tcp_port_reuse: u64,
    pub icmp_errors: u64,
    /// ICMP errors quoting a packet of no flow we know (its flow started before the capture).
    pub icmp_errors_unmatched: u64,
    pub fragments: u64,
    /// Fragments whose first fragment never came (ports unknown): counted, not in any flow.
    pub fragments_orphaned: u64,
    /// IP packets that belong to no flow: neither TCP, UDP nor ICMP with ports or ids.
    pub other_ip_packets: u64,
    pub expectations: ExpectationStats,
    /// Parser counters per control protocol (`ftp`, `portmap`, `dcerpc` in the JSON).
    #[serde(flatten)]
    pub control: ControlStatsByProtocol,
    /// How the finished flows of a replay were kept (one by one, aggregated, dropped).
    pub records: tapaudit_vocab::RecordStats,
    /// Announcements beyond [`FlowConfig::max_logged_announcements`], not logged (only
    /// when a log was asked for: `tapaudit ingest`).
    #[serde(skip_serializing_if = "is_zero")]
    pub announcements_not_logged: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

// Flag bits of a flow.
const SYN_FROM_CLIENT: u16 = 1;
const SYNACK: u16 = 1 << 1;
const CLOSED: u16 = 1 << 2;
const REFUSED: u16 = 1 << 3;
const ICMP_ERROR: u16 = 1 << 4;
const CONTROL: u16 = 1 << 5;
/// The flow has an entry in the `rare` side table.
const HAS_RARE: u16 = 1 << 6;
/// The client is the `lo` endpoint of the key.
const CLIENT_IS_LO: u16 = 1 << 7;
/// An ICMP echo flow (its key's ports are the echo identifier); other ICMP flows have the
/// message type as their ports.
const ICMP_ECHO: u16 = 1 << 8;
/// Content detection looked at this flow and found no control protocol (or is off).
const NOT_CONTROL: u16 = 1 << 9;
/// The server's first payload was an FTP greeting: the client's first line decides.
const FTP_GREETING: u16 = 1 << 10;

/// One open flow, with its key: 96 bytes (memory per concurrent flow is measured in
/// tests/hot_path_allocations.rs and tests/memory_per_flow.rs).
struct Flow {
    key: FlowKey,
    first: Timestamp,
    last: Timestamp,
    /// Index 0: sent by the `lo` endpoint of the key; 1: by `hi`.
    packets: [u64; 2],
    bytes: [u64; 2],
    client_isn: u32,
    flags: u16,
}

impl Keyed for Flow {
    fn key(&self) -> &FlowKey {
        &self.key
    }
}

/// What few flows have, kept beside the table so that every flow stays small (memory per
/// concurrent flow is measured in tests/hot_path_allocations.rs).
#[derive(Default)]
struct Rare {
    blocked_by: Option<(u8, u8, Addr)>,
    negotiated: Option<Negotiation>,
}

type RareMap = HashMap<FlowKey, Rare, foldhash::fast::FixedState>;

impl Flow {
    fn client_is_lo(&self) -> bool {
        self.flags & CLIENT_IS_LO != 0
    }
    fn sent_by_client(&self, sender_is_lo: bool) -> bool {
        sender_is_lo == self.client_is_lo()
    }
    fn server_packets(&self) -> u64 {
        self.packets[usize::from(self.client_is_lo())]
    }
    /// The ICMP type of the flow's messages (echo request for echo flows).
    fn icmp_type(&self) -> u8 {
        match (
            self.flags & ICMP_ECHO != 0,
            IpProto::from_number(self.key.proto),
        ) {
            (true, IpProto::Icmpv6) => 128,
            (true, _) => 8,
            // Other ICMP flows are keyed by their type.
            (false, _) => self.key.lo.port as u8,
        }
    }

    fn state(&self, proto: IpProto) -> State {
        let f = self.flags;
        if f & ICMP_ERROR != 0 && self.server_packets() == 0 {
            return State::Blocked;
        }
        if proto == IpProto::Tcp {
            if f & REFUSED != 0 {
                State::Refused
            } else if f & SYN_FROM_CLIENT != 0 && f & SYNACK != 0 {
                if f & CLOSED != 0 {
                    State::Closed
                } else {
                    State::Established
                }
            } else if f & SYN_FROM_CLIENT != 0 && self.server_packets() == 0 {
                State::Unanswered
            } else {
                State::Partial
            }
        } else if self.server_packets() > 0 {
            State::Answered
        } else {
            State::Unanswered
        }
    }
}

/// IANA port class: 0 well-known (1-1023), 1 registered (1024-49151), 2 dynamic or 0.
fn port_class(p: u16) -> u8 {
    match p {
        1..=1023 => 0,
        1024..=49151 => 1,
        _ => 2,
    }
}

/// Without a handshake, who is the client of a flow whose first packet goes src -> dst?
/// The sender, unless its source port is in a lower IANA class than the destination port
/// (well-known < registered < dynamic): then the packet looks like a reply from a service,
/// and its sender is the server. Documented in docs/flows.md.
fn sender_is_client_by_ports(src_port: u16, dst_port: u16) -> bool {
    port_class(src_port) >= port_class(dst_port)
}

/// The flow table. Feed it decoded packets in timestamp order with [`FlowTable::process`].
pub struct FlowTable {
    config: FlowConfig,
    flows: FlowMap<Flow>,
    controls: HashMap<FlowKey, ControlStream, foldhash::fast::FixedState>,
    rare: RareMap,
    frags: FragTable,
    expectations: Arc<Expectations>,
    finished: Vec<FlowRecord>,
    stats: FlowStats,
    now: Timestamp,
    next_sweep: Timestamp,
    announcements: Vec<Announcement>,
    announcement_log: Vec<LoggedAnnouncement>,
}

/// An announcement as the table registered it (see [`FlowConfig::max_logged_announcements`]):
/// who is expected to connect where, and the message that said so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoggedAnnouncement {
    pub negotiation: Negotiation,
    pub transport: Transport,
    pub target: IpAddr,
    pub port: u16,
    /// The address expected to connect.
    pub connector: IpAddr,
    /// Which side of the control connection that is.
    pub connector_side: Connector,
    /// ONC RPC program number where known.
    pub program: Option<u32>,
}

const SWEEP_EVERY_NANOS: u64 = 10 * Timestamp::NANOS_PER_SEC;

impl FlowTable {
    pub fn new(config: FlowConfig) -> Self {
        let expectations = Arc::new(Expectations::new(
            config.max_expectations,
            config.expectation_ttl_secs,
        ));
        Self::with_expectations(config, expectations)
    }

    /// A table sharing its expectations with other tables (one per capture thread).
    pub fn with_expectations(config: FlowConfig, expectations: Arc<Expectations>) -> Self {
        let hasher = foldhash::fast::FixedState::with_seed(0x5eed_f10e);
        FlowTable {
            config,
            flows: FlowMap::new(hasher.clone()),
            controls: HashMap::with_hasher(hasher.clone()),
            rare: HashMap::with_hasher(hasher.clone()),
            frags: FragTable::default(),
            expectations,
            finished: Vec::new(),
            stats: FlowStats::default(),
            now: Timestamp(0),
            next_sweep: Timestamp(0),
            announcements: Vec::new(),
            announcement_log: Vec::new(),
        }
    }

    /// The announcements logged so far (at most [`FlowConfig::max_logged_announcements`];
    /// the ones beyond are counted in [`FlowStats::announcements_not_logged`]), oldest first.
    pub fn take_announcement_log(&mut self) -> Vec<LoggedAnnouncement> {
        std::mem::take(&mut self.announcement_log)
    }

    pub fn expectations(&self) -> &Arc<Expectations> {
        &self.expectations
    }
    pub fn len(&self) -> usize {
        self.flows.len()
    }
    pub fn is_empty(&self) -> bool {
        self.flows.is_empty()
    }
    pub fn now(&self) -> Timestamp {
        self.now
    }

    /// Control streams held (made at a control connection's first payload byte).
    #[cfg(test)]
    pub(crate) fn control_streams(&self) -> usize {
        self.controls.len()
    }

    /// Counters, with the parser counters of still-open control connections included.
    pub fn stats(&self) -> FlowStats {
        let mut s = self.stats.clone();
        for c in self.controls.values() {
            add_control_stats(&mut s, c);
        }
        s.expectations = self.expectations.stats();
        s
    }

    /// Flows finished so far (idle, closed, evicted); the caller takes them.
    pub fn take_finished(&mut self) -> Vec<FlowRecord> {
        std::mem::take(&mut self.finished)
    }

    /// Finishes every open flow (end of input) and returns all finished flows.
    pub fn finish_all(&mut self) -> Vec<FlowRecord> {
        // Takes the table apart rather than removing flow by flow: no list of keys, the
        // records' room reserved once, and the table's memory given back as it is walked.
        let empty = FlowMap::new(self.flows.hasher());
        let flows = std::mem::replace(&mut self.flows, empty);
        self.finished.reserve_exact(flows.len());
        for f in flows.into_drain() {
            let key = f.key;
            self.retire(&key, Some(f), FinishReason::EndOfInput);
        }
        self.stats.fragments_orphaned += self.frags.drain_pending();
        self.take_finished()
    }

    /// The open flows as records, without finishing them (for periodic live reports).
    pub fn snapshot(&self) -> Vec<FlowRecord> {
        self.flows
            .iter()
            .map(|f| {
                let control = self.controls.get(&f.key).and_then(ControlStream::carried);
                record(f, self.rare.get(&f.key), control, FinishReason::EndOfInput)
            })
            .collect()
    }

    /// One decoded packet. Never allocates per packet (tables grow amortised).
    pub fn process(&mut self, ts: Timestamp, pkt: &Packet<'_>) {
        if ts > self.now {
            self.now = ts;
        }
        if self.now >= self.next_sweep {
            self.sweep();
            self.next_sweep = Timestamp(self.now.0.saturating_add(SWEEP_EVERY_NANOS));
        }
        let src_addr = Addr::from_ip(pkt.src);
        let dst_addr = Addr::from_ip(pkt.dst);
        if let Some(frag) = pkt.fragment {
            self.stats.fragments += 1;
            let fk = FragKey {
                src: src_addr,
                dst: dst_addr,
                proto: pkt.proto.number(),
                id: frag.id,
                vlan: pkt.vlan,
            };
            if frag.offset != 0 {
                // A later fragment: add it to its flow, or hold its counts for the first.
                if let Some((key, sender_is_lo)) = self.frags.later_fragment(fk, ts, pkt.ip_len) {
                    if let Some(f) = self.flows.get_mut(&key) {
                        let i = usize::from(!sender_is_lo);
                        f.packets[i] += 1;
                        f.bytes[i] += u64::from(pkt.ip_len);
                        if ts > f.last {
                            f.last = ts;
                        }
                    }
                }
                return;
            }
        }
        let (src_port, dst_port) = match &pkt.l4 {
            L4::Tcp(t) => (t.src_port, t.dst_port),
            L4::Udp {
                src_port, dst_port, ..
            } => (*src_port, *dst_port),
            L4::Icmp(icmp) => match icmp.kind {
                IcmpKind::EchoRequest { id, .. } | IcmpKind::EchoReply { id, .. } => (id, id),
                IcmpKind::Error(quoted) => {
                    self.icmp_error(pkt, icmp.icmp_type, icmp.code, quoted, icmp.v6);
                    return;
                }
                IcmpKind::Other => (u16::from(icmp.icmp_type), u16::from(icmp.icmp_type)),
            },
            L4::Unknown => {
                self.stats.other_ip_packets += 1;
                return;
            }
        };
        let (key, mut sender_is_lo) = FlowKey::new(
            pkt.proto.number(),
            pkt.vlan,
            pkt.inner_vlan,
            Endpoint {
                addr: src_addr,
                port: src_port,
            },
            Endpoint {
                addr: dst_addr,
                port: dst_port,
            },
        );
        if key.lo == key.hi {
            // A host talking to itself (ping 127.0.0.1): the endpoints cannot tell the
            // direction, the message can. The requester is recorded as `lo`.
            sender_is_lo = !matches!(
                &pkt.l4,
                L4::Icmp(i) if matches!(i.kind, IcmpKind::EchoReply { .. })
            );
        }
        // Fragments that came before the first one belong to this flow too.
        let mut early_fragments = None;
        if let Some(frag) = pkt.fragment {
            let fk = FragKey {
                src: src_addr,
                dst: dst_addr,
                proto: pkt.proto.number(),
                id: frag.id,
                vlan: pkt.vlan,
            };
            early_fragments = self.frags.first_fragment(fk, key, sender_is_lo, ts);
        }
        let tcp = match &pkt.l4 {
            L4::Tcp(t) => Some(t),
            _ => None,
        };
        if let Some(t) = tcp {
            // A new SYN on a closed flow with another initial sequence number: port reuse.
            if t.flags & (tcp_flags::SYN | tcp_flags::ACK) == tcp_flags::SYN {
                if let Some(f) = self.flows.get(&key) {
                    if f.flags & (CLOSED | REFUSED) != 0 && f.client_isn != t.seq {
                        self.stats.tcp_port_reuse += 1;
                        self.finish(&key, FinishReason::Closed);
                    }
                }
            }
        }
        let max_flows = self.config.max_flows.min(FlowMap::<Flow>::MAX_LEN);
        if self.flows.len() >= max_flows && !self.flows.contains_key(&key) {
            self.evict_oldest();
        }
        let created_at = early_fragments.map_or(ts, |(_, _, first)| first.min(ts));
        // One hash lookup for a packet of an existing flow.
        let f = self.flows.get_or_insert_with(&key, || {
            new_flow(
                &self.config,
                &self.expectations,
                &mut self.rare,
                &mut self.stats,
                &key,
                sender_is_lo,
                pkt,
                created_at,
            )
        });
        let i = usize::from(!sender_is_lo);
        if let Some((packets, bytes, _)) = early_fragments {
            f.packets[i] += packets;
            f.bytes[i] += bytes;
        }
        f.packets[i] += 1;
        f.bytes[i] += u64::from(pkt.ip_len);
        if ts > f.last {
            f.last = ts;
        }
        let from_client = f.sent_by_client(sender_is_lo);
        if let Some(t) = tcp {
            let syn = t.flags & tcp_flags::SYN != 0;
            let ack = t.flags & tcp_flags::ACK != 0;
            let rst = t.flags & tcp_flags::RST != 0;
            let fin = t.flags & tcp_flags::FIN != 0;
            if syn && !ack && from_client {
                f.flags |= SYN_FROM_CLIENT;
                f.client_isn = t.seq;
            } else if syn && ack && !from_client {
                f.flags |= SYNACK;
            } else if rst && !from_client && f.flags & (SYN_FROM_CLIENT | SYNACK) == SYN_FROM_CLIENT
            {
                f.flags |= REFUSED;
            }
            if (fin || rst) && f.flags & SYNACK != 0 {
                f.flags |= CLOSED;
            }
        }
        let payload = match &pkt.l4 {
            L4::Tcp(t) => t.payload,
            L4::Udp { payload, .. } => payload,
            _ => &[],
        };
        let mut found_by_content = None;
        if f.flags & (CONTROL | NOT_CONTROL) == 0 && !payload.is_empty() {
            found_by_content = sniff_flow(f, &self.config, key.proto, from_client, payload);
            if let Some(proto) = found_by_content {
                let c = self.stats.control.get_mut(proto);
                c.connections += 1;
                c.found_by_content += 1;
            }
        }
        if f.flags & CONTROL != 0 {
            let dir = if from_client {
                Direction::ToServer
            } else {
                Direction::ToClient
            };
            let payload = match &pkt.l4 {
                L4::Tcp(t) => t.payload_len > 0,
                L4::Udp { .. } => true,
                _ => false,
            };
            // The control stream is made at the first payload byte, not on the SYN.
            let c = match self.controls.entry(key) {
                std::collections::hash_map::Entry::Occupied(e) => Some(e.into_mut()),
                std::collections::hash_map::Entry::Vacant(e) if payload => {
                    let server_port = if f.client_is_lo() {
                        key.hi.port
                    } else {
                        key.lo.port
                    };
                    let server = if f.client_is_lo() { key.hi } else { key.lo };
                    found_by_content
                        .or_else(|| {
                            control_protocol(
                                &self.config,
                                key.proto,
                                server.addr.to_ip(),
                                server_port,
                            )
                        })
                        .map(|proto| {
                            e.insert(match &pkt.l4 {
                                L4::Tcp(_) => ControlStream::after_handshake(
                                    proto,
                                    (f.flags & SYN_FROM_CLIENT != 0).then_some(f.client_isn),
                                    f.flags & SYNACK != 0,
                                ),
                                _ => ControlStream::new(proto),
                            })
                        })
                }
                std::collections::hash_map::Entry::Vacant(_) => None,
            };
            if let Some(c) = c {
                match &pkt.l4 {
                    L4::Tcp(t) => c.on_tcp(
                        dir,
                        t.seq,
                        t.flags,
                        t.payload,
                        t.payload_len,
                        &mut self.announcements,
                    ),
                    L4::Udp { payload, .. } => c.on_udp(dir, payload, &mut self.announcements),
                    _ => {}
                }
            }
        }
        if !self.announcements.is_empty() {
            self.register_announcements(&key, ts);
        }
    }

    fn register_announcements(&mut self, key: &FlowKey, ts: Timestamp) {
        let Some(f) = self.flows.get(key) else {
            self.announcements.clear();
            return;
        };
        let (client, server) = if f.client_is_lo() {
            (key.lo, key.hi)
        } else {
            (key.hi, key.lo)
        };
        let (client_ip, server_ip) = (client.addr.to_ip(), server.addr.to_ip());
        for a in self.announcements.drain(..) {
            let negotiation = Negotiation {
                protocol: a.protocol,
                method: a.method,
                control_client: client_ip,
                control_client_port: client.port,
                control_server: server_ip,
                control_server_port: server.port,
                announced_at: ts,
                start_seen: true,
                earlier_uses: 0,
            };
            // The announced address is where the connection goes; the connector is the
            // other side of the control connection.
            let (default_target, connector) = match a.connector {
                Connector::Client => (server_ip, client_ip),
                Connector::Server => (client_ip, server_ip),
            };
            let target = match a.addr {
                Some(ip) if !ip.is_unspecified() => ip,
                _ => default_target,
            };
            if self.config.max_logged_announcements > 0 {
                if self.announcement_log.len() < self.config.max_logged_announcements {
                    self.announcement_log.push(LoggedAnnouncement {
                        negotiation,
                        transport: a.transport,
                        target,
                        port: a.port,
                        connector,
                        connector_side: a.connector,
                        program: a.program,
                    });
                } else {
                    self.stats.announcements_not_logged += 1;
                }
            }
            self.expectations
                .announce(a.transport, target, a.port, Some(connector), negotiation);
        }
    }

    fn icmp_error(
        &mut self,
        pkt: &Packet<'_>,
        icmp_type: u8,
        code: u8,
        quoted: Option<Quoted>,
        v6: bool,
    ) {
        self.stats.icmp_errors += 1;
        // "Fragmentation needed" and "packet too big" ask for smaller packets; they do not
        // block the flow.
        let blocks = !((!v6 && icmp_type == 3 && code == 4) || (v6 && icmp_type == 2));
        let Some(q) = quoted else {
            self.stats.icmp_errors_unmatched += 1;
            return;
        };
        let (qs, qd) = match q.proto {
            IpProto::Icmp | IpProto::Icmpv6 => (q.src_port, q.src_port),
            _ => (q.src_port, q.dst_port),
        };
        let (key, _) = FlowKey::new(
            q.proto.number(),
            pkt.vlan,
            pkt.inner_vlan,
            Endpoint {
                addr: Addr::from_ip(q.src),
                port: qs,
            },
            Endpoint {
                addr: Addr::from_ip(q.dst),
                port: qd,
            },
        );
        match self.flows.get_mut(&key) {
            Some(f) => {
                if blocks {
                    f.flags |= ICMP_ERROR;
                    f.flags |= HAS_RARE;
                    let rare = self.rare.entry(key).or_default();
                    if rare.blocked_by.is_none() {
                        rare.blocked_by = Some((icmp_type, code, Addr::from_ip(pkt.src)));
                    }
                }
            }
            None => self.stats.icmp_errors_unmatched += 1,
        }
    }

    fn idle_limit(&self, key: &FlowKey, f: &Flow) -> u64 {
        let secs = match IpProto::from_number(key.proto) {
            IpProto::Tcp if f.flags & (CLOSED | REFUSED) != 0 => self.config.tcp_closed_linger_secs,
            IpProto::Tcp => self.config.tcp_idle_secs,
            IpProto::Udp => self.config.udp_idle_secs,
            _ => self.config.icmp_idle_secs,
        };
        secs.saturating_mul(Timestamp::NANOS_PER_SEC)
    }

    /// Finishes idle flows and drops expired expectations and fragments.
    fn sweep(&mut self) {
        let now = self.now;
        let mut idle = Vec::new();
        for f in self.flows.iter() {
            if now.saturating_sub(f.last) > self.idle_limit(&f.key, f) {
                idle.push(f.key);
            }
        }
        for k in idle {
            let reason = match self.flows.get(&k) {
                Some(f) if f.flags & (CLOSED | REFUSED) != 0 => FinishReason::Closed,
                _ => {
                    self.stats.idle_timeouts += 1;
                    FinishReason::IdleTimeout
                }
            };
            self.finish(&k, reason);
        }
        self.expectations.sweep(now);
        self.stats.fragments_orphaned += self.frags.sweep(now);
    }

    /// Table full: finish the eighth of the flows that have been idle longest.
    fn evict_oldest(&mut self) {
        let mut by_age: Vec<(Timestamp, FlowKey)> =
            self.flows.iter().map(|f| (f.last, f.key)).collect();
        let n = (by_age.len() / 8).max(1).min(by_age.len());
        if n == 0 {
            return;
        }
        by_age.select_nth_unstable(n - 1);
        for (_, k) in by_age.into_iter().take(n) {
            self.stats.evicted += 1;
            self.finish(&k, FinishReason::Evicted);
        }
    }

    fn finish(&mut self, key: &FlowKey, reason: FinishReason) {
        let flow = self.flows.remove(key);
        self.retire(key, flow, reason);
    }

    /// A flow taken out of the table (if it was there) becomes a record; its side-table
    /// entry and control stream go with it.
    fn retire(&mut self, key: &FlowKey, flow: Option<Flow>, reason: FinishReason) {
        let control = self.controls.remove(key).and_then(|c| {
            add_control_stats(&mut self.stats, &c);
            c.carried()
        });
        if let Some(f) = flow {
            let rare = if f.flags & HAS_RARE != 0 {
                self.rare.remove(key)
            } else {
                None
            };
            self.finished
                .push(record(&f, rare.as_ref(), control, reason));
        }
    }
}

/// A new flow for this packet, deciding who the client is. A free function over the
/// table's other fields, so that the flow map's entry stays borrowed meanwhile.
#[allow(clippy::too_many_arguments)]
fn new_flow(
    config: &FlowConfig,
    expectations: &Expectations,
    rare: &mut RareMap,
    stats: &mut FlowStats,
    key: &FlowKey,
    sender_is_lo: bool,
    pkt: &Packet<'_>,
    ts: Timestamp,
) -> Flow {
    let (src, dst) = if sender_is_lo {
        (key.lo, key.hi)
    } else {
        (key.hi, key.lo)
    };
    let mut sender_is_client = match &pkt.l4 {
        L4::Tcp(t) if t.flags & tcp_flags::SYN != 0 => t.flags & tcp_flags::ACK == 0,
        L4::Icmp(i) => !matches!(i.kind, IcmpKind::EchoReply { .. }),
        _ => sender_is_client_by_ports(src.port, dst.port),
    };
    // An announcement decides the direction: the announced side is the server.
    let mut negotiated = None;
    if matches!(pkt.l4, L4::Tcp(_) | L4::Udp { .. }) {
        let (c, s) = if sender_is_client {
            (src, dst)
        } else {
            (dst, src)
        };
        let proto = IpProto::from_number(key.proto);
        // A TCP flow first seen at its SYN or SYN-ACK started now; one first seen later may
        // have been open before the announcement. UDP has no start to see.
        let start_seen = match &pkt.l4 {
            L4::Tcp(t) => t.flags & tcp_flags::SYN != 0,
            _ => true,
        };
        let (c_ip, s_ip) = (c.addr.to_ip(), s.addr.to_ip());
        negotiated = expectations.take(proto, c_ip, s_ip, s.port, ts, start_seen);
        if negotiated.is_none() && !matches!(&pkt.l4, L4::Tcp(t) if t.flags & tcp_flags::SYN != 0) {
            negotiated = expectations.take(proto, s_ip, c_ip, c.port, ts, start_seen);
            if negotiated.is_some() {
                sender_is_client = !sender_is_client;
            }
        }
    }
    let client_is_lo = sender_is_client == sender_is_lo;
    let echo = matches!(
        &pkt.l4,
        L4::Icmp(i) if matches!(i.kind, IcmpKind::EchoRequest { .. } | IcmpKind::EchoReply { .. })
    );
    let server_port = if client_is_lo {
        key.hi.port
    } else {
        key.lo.port
    };
    let mut flags = 0;
    if client_is_lo {
        flags |= CLIENT_IS_LO;
    }
    if echo {
        flags |= ICMP_ECHO;
    }
    let server_addr = if client_is_lo {
        key.hi.addr
    } else {
        key.lo.addr
    };
    if let Some(proto) = control_protocol(config, key.proto, server_addr.to_ip(), server_port) {
        flags |= CONTROL;
        stats.control.get_mut(proto).connections += 1;
    }
    if let Some(n) = negotiated {
        flags |= HAS_RARE;
        rare.insert(
            *key,
            Rare {
                blocked_by: None,
                negotiated: Some(n),
            },
        );
    }
    stats.flows += 1;
    Flow {
        key: *key,
        first: ts,
        last: ts,
        packets: [0; 2],
        bytes: [0; 2],
        client_isn: 0,
        flags,
    }
}

fn control_protocol(
    config: &FlowConfig,
    proto: u8,
    server: IpAddr,
    server_port: u16,
) -> Option<ControlProtocol> {
    let ip = IpProto::from_number(proto);
    config
        .control_ports
        .iter()
        .find(|(_, t, p)| *p == server_port && t.carries(ip))
        .map(|(protocol, _, _)| *protocol)
        .or_else(|| {
            config
                .server_control_ports
                .iter()
                .find(|c| {
                    c.port == server_port
                        && c.transport.carries(ip)
                        && c.servers.iter().any(|n| n.contains(&server))
                })
                .map(|c| c.protocol)
        })
}

/// Content detection on the first payload of each direction of a flow that is on no
/// control port: marks it `CONTROL` (and returns the protocol) or `NOT_CONTROL`.
fn sniff_flow(
    f: &mut Flow,
    config: &FlowConfig,
    proto: u8,
    from_client: bool,
    payload: &[u8],
) -> Option<ControlProtocol> {
    let transport = match IpProto::from_number(proto) {
        IpProto::Tcp => Transport::Tcp,
        IpProto::Udp => Transport::Udp,
        _ => {
            f.flags |= NOT_CONTROL;
            return None;
        }
    };
    if !config.detect_by_content {
        f.flags |= NOT_CONTROL;
        return None;
    }
    let dir = if from_client {
        Direction::ToServer
    } else {
        Direction::ToClient
    };
    match tapaudit_dynports::sniff(transport, dir, payload, f.flags & FTP_GREETING != 0) {
        Sniffed::Control(p) => {
            f.flags = (f.flags & !FTP_GREETING) | CONTROL;
            Some(p)
        }
        Sniffed::FtpGreeting => {
            f.flags |= FTP_GREETING;
            None
        }
        Sniffed::NotControl => {
            f.flags = (f.flags & !FTP_GREETING) | NOT_CONTROL;
            None
        }
    }
}

fn add_control_stats(s: &mut FlowStats, c: &ControlStream) {
    let (protocol, ps) = c.stats();
    s.control.get_mut(protocol).add(ps);
}

fn record(
    f: &Flow,
    rare: Option<&Rare>,
    control: Option<ControlProtocol>,
    finish: FinishReason,
) -> FlowRecord {
    let key = &f.key;
    let (client, server) = if f.client_is_lo() {
        (key.lo, key.hi)
    } else {
        (key.hi, key.lo)
    };
    let (ci, si) = if f.client_is_lo() { (0, 1) } else { (1, 0) };
    let proto = IpProto::from_number(key.proto);
    let is_icmp = proto.is_icmp();
    FlowRecord {
        proto,
        client: client.addr.to_ip(),
        client_port: (!is_icmp).then_some(client.port),
        server: server.addr.to_ip(),
        server_port: (!is_icmp).then_some(server.port),
        vlan: (key.vlan != 0).then_some(key.vlan),
        inner_vlan: (key.inner_vlan != 0).then_some(key.inner_vlan),
        icmp_type: is_icmp.then(|| f.icmp_type()),
        first_seen: f.first,
        last_seen: f.last,
        packets_to_server: f.packets[ci],
        packets_to_client: f.packets[si],
        bytes_to_server: f.bytes[ci],
        bytes_to_client: f.bytes[si],
        state: f.state(proto),
        blocked_by: rare
            .and_then(|r| r.blocked_by)
            .map(|(t, c, a)| Box::new((t, c, a.to_ip()))),
        negotiated_by: rare.and_then(|r| r.negotiated).map(Box::new),
        control,
        finish,
    }
}

/// Memory per concurrent flow: the entry is the whole of it, beside a 4-byte index slot.
#[cfg(test)]
#[test]
fn an_open_flow_takes_96_bytes() {
    assert_eq!(std::mem::size_of::<Flow>(), 96);
}

/// For tests: the client of a flow decided by ports alone.
#[doc(hidden)]
pub fn client_by_ports(src: IpAddr, src_port: u16, dst: IpAddr, dst_port: u16) -> IpAddr {
    if sender_is_client_by_ports(src_port, dst_port) {
        src
    } else {
        dst
    }
}
