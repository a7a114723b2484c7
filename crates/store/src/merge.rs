//! The plant-wide view of many sensors' records: pure, no server.
//!
//! 1. **One connection, one flow.** Records of different sensors (or interfaces) with the
//!    same Community ID whose times overlap (within `skew`, the clock difference tolerated
//!    between taps) and whose VLANs agree (equal, or one side untagged: a trunk tap and an
//!    access-port tap see one connection with and without its tag) are one flow "seen by A,
//!    B". Records of one sensor and interface are never merged with each other: its flow
//!    table already kept them apart (port reuse, other VLANs).
//!
//!    The merged flow takes the direction of its earliest record (the flow table decides
//!    the direction at a flow's first packet; a record that saw the SYN wins a tie), the
//!    earliest first and the latest last time, and **per direction the largest** packet
//!    and byte counts: taps see the same packets, or a subset of them when one drops, so
//!    the largest count is the best lower bound and never counts a packet twice (a sum
//!    would double every packet both saw). Its state is the records' state when they agree;
//!    otherwise the flags every record implies (or recorded, see [`Evidence`]) are joined
//!    and the flow table's state rule applied to them.
//!
//! 2. **Announcements across sensors.** Every sensor's announcements (deduplicated: one
//!    announcement seen by two taps is one) and every merged flow are replayed in time
//!    order through the flow table's own [`Expectations`] (same TTL, same cap, same
//!    refresh, FTP announcements used once, portmapper and endpoint-mapper ones until they
//!    expire), asking for each TCP/UDP flow at its first packet exactly what the flow table
//!    asks in `new_flow`: the announcement for client -> server:port, and, unless the flow
//!    was opened by a SYN, for the reverse direction (which then turns the flow around:
//!    the announced side is the server). An announcement seen on one sensor thus marks a
//!    flow seen only on another. Where the replay finds nothing, the record's own
//!    negotiation (from its sensor's table) is kept.
//!
//! Ties in time: an announcement counts before a flow that starts at the same instant.
//! Everything is sorted first, so the same input in any order gives the same output.

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::sync::Arc;

use tapaudit_flow::{Expectations, FlowConfig, FlowRecord, State};
use tapaudit_vocab::{IpProto, Timestamp};

use crate::community::CommunityId;
use crate::rows::{state_from, AnnouncementRecord, Evidence, StoredAnnouncement, StoredFlow};

/// How records are merged.
#[derive(Clone, Debug)]
pub struct MergeConfig {
    /// Clock difference tolerated between sensors (nanoseconds).
    pub skew_nanos: u64,
    /// The flow table's expectation settings (`FlowConfig`).
    pub expectation_ttl_secs: u64,
    pub max_expectations: usize,
}

impl Default for MergeConfig {
    fn default() -> Self {
        Self::from_flow_config(&FlowConfig::default())
    }
}

impl MergeConfig {
    /// The expectation settings of the flow table the sensors ran, one second of skew.
    pub fn from_flow_config(c: &FlowConfig) -> Self {
        MergeConfig {
            skew_nanos: Timestamp::NANOS_PER_SEC,
            expectation_ttl_secs: c.expectation_ttl_secs,
            max_expectations: c.max_expectations,
        }
    }
}

/// Where a flow was seen.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sighting {
    pub sensor: Arc<str>,
    pub interface: Arc<str>,
}

/// Where a merged flow's negotiation comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Credit {
    /// Not negotiated.
    None,
    /// The central replay matched an announcement seen on `announced_on`.
    Replayed { announced_on: Arc<str> },
    /// The replay found none; a record's own sensor had matched one.
    Sensor,
}

/// One flow of the plant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergedFlow {
    pub flow: FlowRecord,
    pub community_id: Option<CommunityId>,
    /// Sorted, each once.
    pub seen_by: Arc<[Sighting]>,
    /// The stored records it was made of, sorted.
    pub record_ids: Vec<u64>,
    /// The records' flags joined (recorded ones, else those their states imply).
    pub evidence: Evidence,
    pub credit: Credit,
}

/// What the merge did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeStats {
    pub records: u64,
    pub flows: u64,
    /// Flows made of records of more than one sensor or interface.
    pub seen_by_several: u64,
    pub announcements: u64,
    /// Announcements left after removing copies seen by several sensors.
    pub announcements_distinct: u64,
    /// Flows the replay marked as negotiated.
    pub credited: u64,
    /// ... by an announcement from a sensor that did not see the flow.
    pub credited_across_sensors: u64,
    /// ... and turned around by it.
    pub turned_around: u64,
    /// Flows whose own sensor's negotiation was kept (the replay found none).
    pub kept_sensor_negotiation: u64,
}

/// The plant-wide flows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// In the reports' order ([`FlowRecord::sort_key`]), then by sightings.
    pub flows: Vec<MergedFlow>,
    pub stats: MergeStats,
}

impl Merged {
    /// The flows as the audit takes them.
    pub fn into_flow_records(self) -> Vec<FlowRecord> {
        self.flows.into_iter().map(|m| m.flow).collect()
    }
}

/// Merges every sensor's records and credits announcements across sensors.
pub fn merge(
    records: Vec<StoredFlow>,
    announcements: &[StoredAnnouncement],
    config: &MergeConfig,
) -> Merged {
    let mut stats = MergeStats {
        records: records.len() as u64,
        announcements: announcements.len() as u64,
        ..MergeStats::default()
    };
    // Records with a Community ID in (id, time) order, the others after them, each alone.
    // Sorted as small keys: the records themselves are large.
    let mut keys: Vec<(bool, [u8; 20], u64, u64, usize)> = records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            (
                r.community_id.is_none(),
                r.community_id.map_or([0; 20], |c| c.0),
                r.flow.first_seen.as_nanos(),
                r.record_id,
                i,
            )
        })
        .collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<StoredFlow>> = records.into_iter().map(Some).collect();
    let mut names = SightingSets::default();
    let mut flows = Vec::with_capacity(slots.len());
    let mut group: Vec<StoredFlow> = Vec::new();
    for (k, key) in keys.iter().enumerate() {
        let Some(r) = slots[key.4].take() else {
            continue;
        };
        group.push(r);
        let same_next = !key.0 && keys.get(k + 1).is_some_and(|n| !n.0 && n.1 == key.1);
        if !same_next {
            if group.len() == 1 {
                if let Some(r) = group.pop() {
                    flows.push(alone(r, &mut names));
                }
            } else {
                merge_group(std::mem::take(&mut group), config, &mut flows);
            }
        }
    }
    drop(slots);
    stats.flows = flows.len() as u64;
    stats.seen_by_several = flows.iter().filter(|f| f.seen_by.len() > 1).count() as u64;
    // The reports' order, which is also time order (the sort key starts with the first
    // packet): the order the replay walks the flows in.
    flows.sort_unstable_by(report_order);
    credit(&mut flows, announcements, config, &mut stats);
    if stats.turned_around > 0 {
        flows.sort_unstable_by(report_order);
    }
    Merged { flows, stats }
}

fn report_order(a: &MergedFlow, b: &MergedFlow) -> Ordering {
    a.flow
        .sort_key()
        .cmp(&b.flow.sort_key())
        .then_with(|| a.seen_by.cmp(&b.seen_by))
        .then_with(|| a.record_ids.cmp(&b.record_ids))
}

/// One shared list per distinct sighting: millions of flows, a few sensors.
#[derive(Default)]
struct SightingSets(std::collections::HashMap<SensorInterface, Arc<[Sighting]>>);

type SensorInterface = (Arc<str>, Arc<str>);

impl SightingSets {
    fn one(&mut self, sensor: &Arc<str>, interface: &Arc<str>) -> Arc<[Sighting]> {
        self.0
            .entry((sensor.clone(), interface.clone()))
            .or_insert_with(|| {
                Arc::from(vec![Sighting {
                    sensor: sensor.clone(),
                    interface: interface.clone(),
                }])
            })
            .clone()
    }
}

/// A record no other sensor saw: the flow as its sensor recorded it.
fn alone(r: StoredFlow, names: &mut SightingSets) -> MergedFlow {
    let credit = if r.flow.negotiated_by.is_some() {
        Credit::Sensor
    } else {
        Credit::None
    };
    let evidence = Evidence(flags_of(&r, true) | (r.evidence.0 & Evidence::RECORDED));
    MergedFlow {
        seen_by: names.one(&r.sensor, &r.interface),
        record_ids: vec![r.record_id],
        community_id: r.community_id,
        evidence,
        credit,
        flow: r.flow,
    }
}

/// A total order on records of one group, so that the result never depends on input order.
fn order_of(a: &StoredFlow, b: &StoredFlow) -> Ordering {
    (&a.sensor, &a.interface, a.record_id).cmp(&(&b.sensor, &b.interface, b.record_id))
}

fn vlans_agree(a: Option<u16>, b: Option<u16>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// The flow table decided this record's direction from a SYN.
fn direction_from_syn(f: &StoredFlow) -> bool {
    if f.evidence.has(Evidence::RECORDED) {
        return f.evidence.has(Evidence::SYN_FROM_CLIENT);
    }
    f.flow.proto == IpProto::Tcp && Evidence::implied_by(f.flow.proto, f.flow.state).has(1)
}

/// The flow table would not have looked for a reverse announcement: the first packet was
/// a SYN (recorded), or, unrecorded, the record's state says the client's SYN was seen.
fn opened_by_syn(f: &FlowRecord, e: Evidence) -> bool {
    if e.has(Evidence::RECORDED) {
        return e.has(Evidence::OPENED_BY_SYN);
    }
    f.proto == IpProto::Tcp && f.state != State::Partial
}

fn merge_group(group: Vec<StoredFlow>, config: &MergeConfig, out: &mut Vec<MergedFlow>) {
    // Clusters of overlapping, compatible records, in time order.
    let mut clusters: Vec<Vec<StoredFlow>> = Vec::new();
    for r in group {
        let fits = clusters.iter().position(|c| {
            let last = c.iter().map(|m| m.flow.last_seen).max().unwrap_or_default();
            r.community_id.is_some()
                && r.flow.first_seen.as_nanos() <= last.as_nanos().saturating_add(config.skew_nanos)
                && c.iter().all(|m| {
                    vlans_agree(m.flow.vlan, r.flow.vlan)
                        && (m.sensor != r.sensor || m.interface != r.interface)
                })
        });
        match fits {
            Some(i) => clusters[i].push(r),
            None => clusters.push(vec![r]),
        }
    }
    for c in clusters {
        out.push(merge_cluster(c));
    }
}

/// The same endpoints in the same roles (ICMP: the same client address).
fn same_direction(a: &FlowRecord, b: &FlowRecord) -> bool {
    a.client == b.client && a.client_port == b.client_port
}

fn turn_around(f: &mut FlowRecord) {
    std::mem::swap(&mut f.client, &mut f.server);
    std::mem::swap(&mut f.client_port, &mut f.server_port);
    std::mem::swap(&mut f.packets_to_server, &mut f.packets_to_client);
    std::mem::swap(&mut f.bytes_to_server, &mut f.bytes_to_client);
}

fn merge_cluster(mut members: Vec<StoredFlow>) -> MergedFlow {
    // The earliest record decides the direction; a SYN wins a tie.
    members.sort_by(|a, b| {
        a.flow
            .first_seen
            .cmp(&b.flow.first_seen)
            .then_with(|| direction_from_syn(b).cmp(&direction_from_syn(a)))
            .then_with(|| order_of(a, b))
    });
    let seen_by: Vec<Sighting> = members
        .iter()
        .map(|m| Sighting {
            sensor: m.sensor.clone(),
            interface: m.interface.clone(),
        })
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let seen_by: Arc<[Sighting]> = Arc::from(seen_by);
    let mut record_ids: Vec<u64> = members.iter().map(|m| m.record_id).collect();
    record_ids.sort_unstable();
    let community_id = members.first().and_then(|m| m.community_id);
    let mut it = members.into_iter();
    let Some(first) = it.next() else {
        return MergedFlow {
            flow: empty_record(),
            community_id: None,
            seen_by,
            record_ids,
            evidence: Evidence::default(),
            credit: Credit::None,
        };
    };
    let rest: Vec<StoredFlow> = it.collect();
    if rest.is_empty() {
        let credit = if first.flow.negotiated_by.is_some() {
            Credit::Sensor
        } else {
            Credit::None
        };
        let evidence = Evidence(flags_of(&first, true) | (first.evidence.0 & Evidence::RECORDED));
        return MergedFlow {
            flow: first.flow,
            community_id,
            seen_by,
            record_ids,
            evidence,
            credit,
        };
    }
    let mut f = first.flow.clone();
    let mut bits = flags_of(&first, true);
    let mut all_recorded = first.evidence.has(Evidence::RECORDED);
    let mut states_agree = true;
    let mut latest = (f.last_seen, f.finish);
    for m in &rest {
        let mut g = m.flow.clone();
        let aligned = same_direction(&f, &g);
        if !aligned {
            turn_around(&mut g);
        }
        f.first_seen = f.first_seen.min(g.first_seen);
        if g.last_seen > latest.0 {
            latest = (g.last_seen, g.finish);
        }
        f.last_seen = f.last_seen.max(g.last_seen);
        f.packets_to_server = f.packets_to_server.max(g.packets_to_server);
        f.packets_to_client = f.packets_to_client.max(g.packets_to_client);
        f.bytes_to_server = f.bytes_to_server.max(g.bytes_to_server);
        f.bytes_to_client = f.bytes_to_client.max(g.bytes_to_client);
        states_agree &= aligned && g.state == first.flow.state;
        bits |= flags_of(m, aligned);
        all_recorded &= m.evidence.has(Evidence::RECORDED);
        if f.vlan.is_none() && g.vlan.is_some() {
            f.vlan = g.vlan;
            f.inner_vlan = g.inner_vlan;
        }
        if f.blocked_by.is_none() {
            f.blocked_by = g.blocked_by.clone();
        }
        if f.negotiated_by.is_none() {
            f.negotiated_by = g.negotiated_by.clone();
        }
        if f.control.is_none() {
            f.control = g.control;
        }
    }
    f.finish = latest.1;
    if !states_agree {
        // Packets the server sent: those to the client.
        f.state = state_from(f.proto, Evidence(bits), f.packets_to_client);
    }
    let credit = if f.negotiated_by.is_some() {
        Credit::Sensor
    } else {
        Credit::None
    };
    let evidence =
        Evidence((bits & !Evidence::RECORDED) | if all_recorded { Evidence::RECORDED } else { 0 });
    MergedFlow {
        flow: f,
        community_id,
        seen_by,
        record_ids,
        evidence,
        credit,
    }
}

/// The flags a record contributes: its recorded ones, else those its state implies. Flags
/// that belong to a direction (who sent the SYN, the SYN-ACK, the refusal) mean nothing
/// for a record that saw the flow the other way round, and are left out.
fn flags_of(m: &StoredFlow, aligned: bool) -> u16 {
    let bits = if m.evidence.has(Evidence::RECORDED) {
        m.evidence.0
    } else {
        Evidence::implied_by(m.flow.proto, m.flow.state).0
    };
    if aligned {
        bits
    } else {
        bits & (Evidence::ICMP_ERROR | Evidence::CLOSED)
    }
}

fn empty_record() -> FlowRecord {
    FlowRecord {
        proto: IpProto::Other(0),
        client: std::net::Ipv4Addr::UNSPECIFIED.into(),
        client_port: None,
        server: std::net::Ipv4Addr::UNSPECIFIED.into(),
        server_port: None,
        vlan: None,
        inner_vlan: None,
        icmp_type: None,
        first_seen: Timestamp(0),
        last_seen: Timestamp(0),
        packets_to_server: 0,
        packets_to_client: 0,
        bytes_to_server: 0,
        bytes_to_client: 0,
        state: State::Unanswered,
        blocked_by: None,
        negotiated_by: None,
        control: None,
        finish: tapaudit_flow::FinishReason::EndOfInput,
    }
}

/// Step 2: the announcements of every sensor, replayed with the flows through the flow
/// table's expectations.
fn credit(
    flows: &mut [MergedFlow],
    announcements: &[StoredAnnouncement],
    config: &MergeConfig,
    stats: &mut MergeStats,
) {
    // One copy of each announcement (two taps, one PASV), the first sensor's by name.
    let mut distinct: Vec<(&AnnouncementRecord, &Arc<str>)> = announcements
        .iter()
        .map(|a| (&a.announcement, &a.sensor))
        .collect();
    distinct.sort_by(|a, b| {
        (a.0.negotiation.announced_at, a.0, a.1).cmp(&(b.0.negotiation.announced_at, b.0, b.1))
    });
    distinct.dedup_by(|b, a| a.0 == b.0);
    stats.announcements_distinct = distinct.len() as u64;

    let expectations = Expectations::new(config.max_expectations, config.expectation_ttl_secs);
    // Which sensor each pending expectation came from: looked up when one is taken.
    let mut next = distinct.iter().peekable();
    let mut next_sweep = Timestamp(0);
    const SWEEP_EVERY: u64 = 10 * Timestamp::NANOS_PER_SEC;
    let sweep = |e: &Expectations, now: Timestamp, next_sweep: &mut Timestamp| {
        if now >= *next_sweep {
            e.sweep(now);
            *next_sweep = Timestamp(now.0.saturating_add(SWEEP_EVERY));
        }
    };
    for m in flows.iter_mut() {
        let start = m.flow.first_seen;
        while let Some((a, _)) = next.next_if(|(a, _)| a.negotiation.announced_at <= start) {
            sweep(&expectations, a.negotiation.announced_at, &mut next_sweep);
            expectations.announce(a.transport, a.target, a.port, a.connector, a.negotiation);
        }
        sweep(&expectations, start, &mut next_sweep);
        let f = &m.flow;
        let (Some(cp), Some(sp)) = (f.client_port, f.server_port) else {
            continue;
        };
        if !f.proto.has_ports() {
            continue;
        }
        let syn = opened_by_syn(f, m.evidence);
        let mut turned = false;
        // As in the flow table: UDP has no start to see, TCP's start is its SYN.
        let start_seen = syn || f.proto != IpProto::Tcp;
        let mut found = expectations.take(f.proto, f.client, f.server, sp, start, start_seen);
        if found.is_none() && !syn {
            found = expectations.take(f.proto, f.server, f.client, cp, start, start_seen);
            turned = found.is_some();
        }
        match found {
            Some(n) => {
                let announced_on = distinct
                    .iter()
                    .find(|(a, _)| a.negotiation == n)
                    .map_or_else(|| Arc::from(""), |(_, s)| (*s).clone());
                if !m.seen_by.iter().any(|s| s.sensor == announced_on) {
                    stats.credited_across_sensors += 1;
                }
                stats.credited += 1;
                if turned {
                    stats.turned_around += 1;
                    turn_around(&mut m.flow);
                    // The state depends on who answered: recomputed for the new roles, from
                    // the flags that do not depend on the direction.
                    let bits = m.evidence.0 & (Evidence::ICMP_ERROR | Evidence::CLOSED);
                    m.flow.state =
                        state_from(m.flow.proto, Evidence(bits), m.flow.packets_to_client);
                }
                m.flow.negotiated_by = Some(Box::new(n));
                m.credit = Credit::Replayed { announced_on };
            }
            None => {
                if m.flow.negotiated_by.is_some() {
                    stats.kept_sensor_negotiation += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::IpAddr;
    use tapaudit_dynports::{Connector, Method};
    use tapaudit_flow::{FinishReason, Negotiation};
    use tapaudit_vocab::{ControlProtocol, Transport};

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }
    fn t(secs: u64) -> Timestamp {
        Timestamp::from_secs_nanos(1_772_438_400 + secs, 0)
    }

    fn tcp(c: &str, cp: u16, s: &str, sp: u16, from: u64, to: u64) -> FlowRecord {
        FlowRecord {
            proto: IpProto::Tcp,
            client: ip(c),
            client_port: Some(cp),
            server: ip(s),
            server_port: Some(sp),
            vlan: None,
            inner_vlan: None,
            icmp_type: None,
            first_seen: t(from),
            last_seen: t(to),
            packets_to_server: 10,
            packets_to_client: 8,
            bytes_to_server: 1000,
            bytes_to_client: 800,
            state: State::Closed,
            blocked_by: None,
            negotiated_by: None,
            control: None,
            finish: FinishReason::Closed,
        }
    }

    fn at(sensor: &str, f: FlowRecord) -> StoredFlow {
        StoredFlow::new(sensor, "", f, Evidence::default())
    }

    fn pasv(at_secs: u64, port: u16) -> AnnouncementRecord {
        AnnouncementRecord {
            negotiation: Negotiation {
                protocol: ControlProtocol::Ftp,
                method: Method::Pasv,
                control_client: ip("10.0.0.1"),
                control_client_port: 40000,
                control_server: ip("10.0.0.2"),
                control_server_port: 21,
                announced_at: t(at_secs),
                start_seen: true,
                earlier_uses: 0,
            },
            transport: Transport::Tcp,
            target: ip("10.0.0.2"),
            port,
            connector: Some(ip("10.0.0.1")),
            connector_side: Connector::Client,
            program: None,
        }
    }

    fn run(flows: Vec<StoredFlow>, anns: &[StoredAnnouncement]) -> Merged {
        merge(flows, anns, &MergeConfig::default())
    }

    #[test]
    fn one_connection_seen_by_two_sensors_is_one_flow() {
        let a = tcp("10.0.0.1", 40001, "10.0.0.2", 502, 10, 20);
        let mut b = a.clone();
        // B dropped some packets and saw it a little later and longer.
        b.first_seen = t(11);
        b.last_seen = t(25);
        b.packets_to_server = 7;
        b.packets_to_client = 9;
        b.finish = FinishReason::IdleTimeout;
        let m = run(vec![at("cell-b", b), at("cell-a", a)], &[]);
        assert_eq!(m.flows.len(), 1);
        let f = &m.flows[0];
        let names: Vec<&str> = f.seen_by.iter().map(|s| &*s.sensor).collect();
        assert_eq!(names, ["cell-a", "cell-b"]);
        assert_eq!((f.flow.first_seen, f.flow.last_seen), (t(10), t(25)));
        assert_eq!(
            (f.flow.packets_to_server, f.flow.packets_to_client),
            (10, 9)
        );
        assert_eq!(f.flow.finish, FinishReason::IdleTimeout);
        assert_eq!(f.record_ids.len(), 2);
        assert_eq!(
            (m.stats.records, m.stats.flows, m.stats.seen_by_several),
            (2, 1, 1)
        );
    }

    #[test]
    fn a_record_seen_the_other_way_round_is_aligned() {
        let a = tcp("10.0.0.1", 40001, "10.0.0.2", 502, 10, 20);
        let mut b = tcp("10.0.0.2", 502, "10.0.0.1", 40001, 12, 20);
        b.state = State::Partial;
        b.packets_to_server = 8; // B's "server" is the real client
        b.packets_to_client = 11;
        let m = run(vec![at("a", a.clone()), at("b", b)], &[]);
        assert_eq!(m.flows.len(), 1);
        let f = &m.flows[0].flow;
        assert_eq!((f.client, f.client_port), (a.client, a.client_port));
        assert_eq!((f.packets_to_server, f.packets_to_client), (11, 8));
        // Closed (A saw the handshake) joined with B's partial view: still closed.
        assert_eq!(f.state, State::Closed);
    }

    #[test]
    fn partial_views_join_into_the_state_one_table_would_give() {
        // A saw the SYN only, B the SYN-ACK and the data back (both record their flags).
        let mut a = tcp("10.0.0.1", 40001, "10.0.0.2", 502, 10, 20);
        a.state = State::Unanswered;
        a.packets_to_client = 0;
        let mut b = a.clone();
        b.state = State::Partial;
        b.packets_to_server = 0;
        b.packets_to_client = 5;
        let rec = Evidence::RECORDED;
        let ea = Evidence(rec | Evidence::SYN_FROM_CLIENT | Evidence::OPENED_BY_SYN);
        let eb = Evidence(rec | Evidence::SYNACK);
        let m = merge(
            vec![
                StoredFlow::new("a", "", a, ea),
                StoredFlow::new("b", "", b, eb),
            ],
            &[],
            &MergeConfig::default(),
        );
        assert_eq!(m.flows[0].flow.state, State::Established);
    }

    #[test]
    fn what_one_table_kept_apart_stays_apart() {
        // Port reuse on one sensor: two flows, whatever their times.
        let first = tcp("10.0.0.1", 40001, "10.0.0.2", 502, 10, 20);
        let again = tcp("10.0.0.1", 40001, "10.0.0.2", 502, 20, 30);
        assert_eq!(
            run(vec![at("a", first.clone()), at("a", again)], &[])
                .flows
                .len(),
            2
        );
        // Other VLANs: other cells with the same addresses.
        let mut v10 = first.clone();
        v10.vlan = Some(10);
        let mut v20 = first.clone();
        v20.vlan = Some(20);
        assert_eq!(
            run(vec![at("a", v10.clone()), at("b", v20)], &[])
                .flows
                .len(),
            2
        );
        // Tagged on a trunk, untagged on an access port: one.
        let m = run(vec![at("trunk", v10), at("access", first.clone())], &[]);
        assert_eq!(m.flows.len(), 1);
        assert_eq!(m.flows[0].flow.vlan, Some(10));
        // Not overlapping, beyond the skew: two.
        let later = tcp("10.0.0.1", 40001, "10.0.0.2", 502, 22, 30);
        assert_eq!(
            run(vec![at("a", first), at("b", later)], &[]).flows.len(),
            2
        );
    }

    #[test]
    fn a_pasv_seen_on_one_sensor_marks_the_data_flow_seen_on_another() {
        let control = tcp("10.0.0.1", 40000, "10.0.0.2", 21, 0, 100);
        let data = tcp("10.0.0.1", 40010, "10.0.0.2", 50000, 5, 6);
        let second = tcp("10.0.0.1", 40011, "10.0.0.2", 50000, 7, 8);
        let anns = [StoredAnnouncement::new("dmz", "", pasv(4, 50000))];
        let m = run(
            vec![at("dmz", control), at("cell", data), at("cell", second)],
            &anns,
        );
        let negotiated: Vec<_> = m
            .flows
            .iter()
            .filter(|f| f.flow.negotiated_by.is_some())
            .collect();
        // FTP: used once, by the first data connection.
        assert_eq!(negotiated.len(), 1);
        assert_eq!(negotiated[0].flow.client_port, Some(40010));
        assert_eq!(
            negotiated[0].credit,
            Credit::Replayed {
                announced_on: Arc::from("dmz")
            }
        );
        assert_eq!(
            negotiated[0].flow.negotiated_by.as_deref(),
            Some(&pasv(4, 50000).negotiation)
        );
        assert_eq!((m.stats.credited, m.stats.credited_across_sensors), (1, 1));
    }

    #[test]
    fn announcements_expire_and_do_not_reach_back_in_time() {
        let before = tcp("10.0.0.1", 40010, "10.0.0.2", 50000, 3, 4);
        let too_late = tcp("10.0.0.1", 40011, "10.0.0.2", 50001, 4 + 301, 4 + 302);
        let anns = [
            StoredAnnouncement::new("dmz", "", pasv(4, 50000)),
            StoredAnnouncement::new("dmz", "", pasv(4, 50001)),
        ];
        let m = run(vec![at("cell", before), at("cell", too_late)], &anns);
        assert!(m.flows.iter().all(|f| f.flow.negotiated_by.is_none()));
    }

    #[test]
    fn two_taps_seeing_one_pasv_count_it_once() {
        let data = tcp("10.0.0.1", 40010, "10.0.0.2", 50000, 5, 6);
        let second = tcp("10.0.0.1", 40011, "10.0.0.2", 50000, 7, 8);
        let anns = [
            StoredAnnouncement::new("a", "", pasv(4, 50000)),
            StoredAnnouncement::new("b", "", pasv(4, 50000)),
        ];
        let m = run(vec![at("c", data), at("c", second)], &anns);
        assert_eq!(m.stats.announcements_distinct, 1);
        assert_eq!(m.stats.credited, 1);
    }

    #[test]
    fn an_announcement_turns_a_flow_around_like_the_table_does() {
        // A portmapper answer: 10.0.0.1 will reach 10.0.0.2:700/udp. The only sensor that
        // saw the flow started mid-stream with the reply and decided by ports that
        // 10.0.0.2:700 was the client (and nobody answered it).
        let mut ann = pasv(4, 700);
        ann.negotiation.protocol = ControlProtocol::OncRpcPortmap;
        ann.negotiation.method = Method::GetPort;
        ann.transport = Transport::Udp;
        let mut f = tcp("10.0.0.2", 700, "10.0.0.1", 40100, 5, 6);
        f.proto = IpProto::Udp;
        f.packets_to_client = 0;
        f.bytes_to_client = 0;
        f.state = State::Unanswered;
        let m = run(
            vec![at("cell", f)],
            &[StoredAnnouncement::new("dmz", "", ann)],
        );
        let g = &m.flows[0].flow;
        assert_eq!(
            (g.client, g.server, g.server_port),
            (ip("10.0.0.1"), ip("10.0.0.2"), Some(700))
        );
        assert_eq!((g.packets_to_server, g.packets_to_client), (0, 10));
        assert_eq!(g.state, State::Answered);
        assert_eq!(m.stats.turned_around, 1);
    }

    #[test]
    fn a_flow_opened_by_a_syn_is_never_turned_around() {
        let mut ann = pasv(4, 40100);
        ann.target = ip("10.0.0.1");
        ann.connector = Some(ip("10.0.0.2"));
        let f = tcp("10.0.0.2", 700, "10.0.0.1", 40101, 5, 6);
        let m = run(
            vec![at("cell", f.clone())],
            &[StoredAnnouncement::new("dmz", "", ann)],
        );
        assert_eq!(m.flows[0].flow, f);
    }

    #[test]
    fn a_sensors_own_negotiation_is_kept_when_no_announcement_was_stored() {
        let mut f = tcp("10.0.0.1", 40010, "10.0.0.2", 50000, 5, 6);
        f.negotiated_by = Some(Box::new(pasv(4, 50000).negotiation));
        let m = run(vec![at("cell", f.clone())], &[]);
        assert_eq!(m.flows[0].flow, f);
        assert_eq!(m.flows[0].credit, Credit::Sensor);
        assert_eq!(m.stats.kept_sensor_negotiation, 1);
    }

    #[test]
    fn the_order_of_the_input_does_not_matter() {
        let mut flows = Vec::new();
        for i in 0..40u16 {
            let f = tcp(
                "10.0.0.1",
                40000 + i % 7,
                "10.0.0.2",
                50000 + i % 5,
                u64::from(i) * 2,
                u64::from(i) * 2 + 3,
            );
            flows.push(at(["a", "b", "c"][usize::from(i % 3)], f));
        }
        let anns: Vec<_> = (0..5)
            .map(|i| {
                StoredAnnouncement::new(["a", "b"][i % 2], "", pasv(i as u64 * 9, 50000 + i as u16))
            })
            .collect();
        let want = run(flows.clone(), &anns);
        let mut rev = flows.clone();
        rev.reverse();
        let mut anns_rev = anns.clone();
        anns_rev.reverse();
        assert_eq!(run(rev, &anns_rev), want);
        flows.rotate_left(17);
        assert_eq!(run(flows, &anns), want);
    }
}
