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
    pub seen_by: Vec<Sighting>,
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
    mut records: Vec<StoredFlow>,
    announcements: &[StoredAnnouncement],
    config: &MergeConfig,
) -> Merged {
    let mut stats = MergeStats {
        records: records.len() as u64,
        announcements: announcements.len() as u64,
        ..MergeStats::default()
    };
    // Records with a Community ID in (id, time) order; the others stay alone.
    records.sort_by(|a, b| {
        (a.community_id.is_none(), a.community_id, a.flow.first_seen)
            .cmp(&(b.community_id.is_none(), b.community_id, b.flow.first_seen))
            .then_with(|| order_of(a, b))
    });
    let mut flows = Vec::with_capacity(records.len());
    let mut group: Vec<StoredFlow> = Vec::new();
    let mut it = records.into_iter().peekable();
    while let Some(r) = it.next() {
        let id = r.community_id;
        group.push(r);
        let same_next = id.is_some() && it.peek().is_some_and(|n| n.community_id == id);
        if !same_next {
            merge_group(std::mem::take(&mut group), config, &mut flows);
        }
    }
    stats.flows = flows.len() as u64;
    stats.seen_by_several = flows.iter().filter(|f| f.seen_by.len() > 1).count() as u64;
    credit(&mut flows, announcements, config, &mut stats);
    flows.sort_by(|a, b| {
        a.flow
            .sort_key()
            .cmp(&b.flow.sort_key())
            .then_with(|| a.seen_by.cmp(&b.seen_by))
            .then_with(|| a.record_ids.cmp(&b.record_ids))
    });
    Merged { flows, stats }
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
    let mut seen_by: Vec<Sighting> = members
        .iter()
        .map(|m| Sighting {
            sensor: m.sensor.clone(),
            interface: m.interface.clone(),
        })
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    seen_by.dedup();
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
    let evidence = Evidence(
        (bits & !Evidence::RECORDED) | if all_recorded { Evidence::RECORDED } else { 0 },
    );
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
    let mut order: Vec<usize> = (0..flows.len()).collect();
    order.sort_by(|&a, &b| {
        flows[a]
            .flow
            .first_seen
            .cmp(&flows[b].flow.first_seen)
            .then_with(|| flows[a].flow.sort_key().cmp(&flows[b].flow.sort_key()))
            .then_with(|| flows[a].record_ids.cmp(&flows[b].record_ids))
    });
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
    for i in order {
        let start = flows[i].flow.first_seen;
        while let Some((a, _)) = next.next_if(|(a, _)| a.negotiation.announced_at <= start) {
            sweep(&expectations, a.negotiation.announced_at, &mut next_sweep);
            expectations.announce(a.transport, a.target, a.port, a.connector, a.negotiation);
        }
        sweep(&expectations, start, &mut next_sweep);
        let m = &mut flows[i];
        let f = &m.flow;
        let (Some(cp), Some(sp)) = (f.client_port, f.server_port) else {
            continue;
        };
        if !f.proto.has_ports() {
            continue;
        }
        let syn = opened_by_syn(f, m.evidence);
        let mut turned = false;
        let mut found = expectations.take(f.proto, f.client, f.server, sp, start);
        if found.is_none() && !syn {
            found = expectations.take(f.proto, f.server, f.client, cp, start);
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
