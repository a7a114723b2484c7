//! Finished flows, bounded: kept one by one up to a cap, then folded into aggregates (one
//! record per client, server, port and state, client port dropped, counters summed), at
//! most the cap of those; beyond, only counted. Used by replays and live runs alike, so
//! that memory does not grow with the number of flows a capture holds.

use std::hash::BuildHasher;
use std::net::IpAddr;

use hashbrown::HashTable;

use tapaudit_dynports::Method;
use tapaudit_vocab::{ControlProtocol, IpProto, RecordStats};

use crate::{FlowRecord, State};

/// What identifies an aggregate: everything the audit judges a flow by, without the
/// client port and the times. Verdicts of the folded flows are therefore unchanged.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct AggKey {
    proto: IpProto,
    client: IpAddr,
    server: IpAddr,
    server_port: Option<u16>,
    vlan: Option<u16>,
    inner_vlan: Option<u16>,
    icmp_type: Option<u8>,
    state: State,
    blocked_by: Option<(u8, u8, IpAddr)>,
    negotiated: Option<(ControlProtocol, Method, IpAddr, IpAddr, u16)>,
}

impl AggKey {
    fn of(f: &FlowRecord) -> Self {
        AggKey {
            proto: f.proto,
            client: f.client,
            server: f.server,
            server_port: f.server_port,
            vlan: f.vlan,
            inner_vlan: f.inner_vlan,
            icmp_type: f.icmp_type,
            state: f.state,
            blocked_by: f.blocked_by.as_deref().copied(),
            negotiated: f.negotiated_by.as_deref().map(|n| {
                (
                    n.protocol,
                    n.method,
                    n.control_client,
                    n.control_server,
                    n.control_server_port,
                )
            }),
        }
    }
}

/// Finished flows: kept individually up to `cap`, then folded into aggregates (at most
/// `cap` of them); memory stays O(cap) however long the run.
///
/// The aggregates are records in a vector found through an index of 4-byte positions
/// (their key is made from the record when needed), not a `HashMap<AggKey, FlowRecord>`:
/// that held a ~90-byte key beside every record, in buckets up to half empty, old and new
/// buckets both resident while it doubled (~870 bytes per aggregate at the peak, issue 15).
/// Now an aggregate costs its 128-byte record and about 5 bytes of index.
pub struct FinishedStore {
    cap: usize,
    flows: Vec<FlowRecord>,
    aggregates: Vec<FlowRecord>,
    index: HashTable<u32>,
    hasher: foldhash::fast::FixedState,
    folded: u64,
    dropped: u64,
}

/// The aggregate vector grows by at least this many records, and by a quarter when large.
const MIN_STEP: usize = 4096;

impl FinishedStore {
    pub fn new(cap: usize) -> Self {
        FinishedStore {
            cap: cap.max(1),
            flows: Vec::new(),
            aggregates: Vec::new(),
            index: HashTable::new(),
            hasher: foldhash::fast::FixedState::with_seed(0xa66_5eed),
            folded: 0,
            dropped: 0,
        }
    }

    pub fn extend(&mut self, finished: Vec<FlowRecord>) {
        if self.flows.is_empty() {
            // Take the vector as it is: at the end of a run it holds every open flow, and
            // copying it would hold two of them at once.
            self.flows = finished;
        } else {
            self.flows.extend(finished);
        }
        if self.flows.len() > self.cap {
            let all = std::mem::take(&mut self.flows);
            for f in all {
                self.fold(f);
            }
        }
    }

    fn fold(&mut self, f: FlowRecord) {
        let key = AggKey::of(&f);
        let hasher = &self.hasher;
        let aggregates = &mut self.aggregates;
        let found = self
            .index
            .find(hasher.hash_one(key), |&i| {
                AggKey::of(&aggregates[i as usize]) == key
            })
            .map(|&i| i as usize);
        if let Some(a) = found.map(|i| &mut aggregates[i]) {
            a.client_port = None;
            a.first_seen = a.first_seen.min(f.first_seen);
            a.last_seen = a.last_seen.max(f.last_seen);
            a.packets_to_server += f.packets_to_server;
            a.packets_to_client += f.packets_to_client;
            a.bytes_to_server += f.bytes_to_server;
            a.bytes_to_client += f.bytes_to_client;
            self.folded += 1;
        } else if aggregates.len() < self.cap {
            let mut a = f;
            a.client_port = None;
            let at = aggregates.len();
            if at == aggregates.capacity() {
                aggregates.reserve_exact((at / 4).max(MIN_STEP).min(self.cap - at));
            }
            aggregates.push(a);
            self.index
                .insert_unique(hasher.hash_one(key), at as u32, |&i| {
                    hasher.hash_one(AggKey::of(&aggregates[i as usize]))
                });
            self.folded += 1;
        } else {
            self.dropped += 1;
        }
    }

    pub fn records(&self) -> Vec<FlowRecord> {
        let mut v = Vec::with_capacity(self.flows.len() + self.aggregates.len());
        v.extend(self.flows.iter().cloned());
        v.extend(self.aggregates.iter().cloned());
        v
    }

    /// Every record, taking the store apart (no copies).
    pub fn into_records(self) -> Vec<FlowRecord> {
        let mut v = self.flows;
        v.extend(self.aggregates);
        v
    }

    pub fn stats(&self) -> RecordStats {
        RecordStats {
            kept: self.flows.len(),
            aggregates: self.aggregates.len(),
            folded: self.folded,
            dropped: self.dropped,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FinishReason;
    use tapaudit_vocab::Timestamp;

    fn flow(client_port: u16, server_port: u16, t: u64) -> FlowRecord {
        FlowRecord {
            proto: tapaudit_vocab::IpProto::Tcp,
            client: "10.0.0.1".parse().unwrap(),
            client_port: Some(client_port),
            server: "10.0.0.2".parse().unwrap(),
            server_port: Some(server_port),
            vlan: None,
            inner_vlan: None,
            icmp_type: None,
            first_seen: Timestamp(t),
            last_seen: Timestamp(t + 5),
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

    #[test]
    fn store_stays_bounded_and_keeps_totals() {
        let mut s = FinishedStore::new(10);
        for i in 0..1000u64 {
            s.extend(vec![flow(40000 + (i % 20000) as u16, 502, i)]);
        }
        let st = s.stats();
        assert!(st.kept <= 10 && st.aggregates == 1, "{st:?}");
        let recs = s.records();
        let packets: u64 = recs
            .iter()
            .map(|f| f.packets_to_server + f.packets_to_client)
            .sum();
        assert_eq!(packets, 5000);
        let agg = recs.iter().find(|f| f.client_port.is_none()).unwrap();
        assert_eq!(agg.first_seen, Timestamp(0));
    }

    #[test]
    fn aggregates_are_capped_too() {
        let mut s = FinishedStore::new(4);
        for p in 0..100u16 {
            s.extend(vec![flow(40000, 1000 + p, 1)]);
        }
        let st = s.stats();
        assert!(st.kept + st.aggregates <= 8, "{st:?}");
        assert_eq!(st.folded + st.dropped + st.kept as u64, 100);
    }
}
