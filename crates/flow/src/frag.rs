//! IP fragments: the ports come from the first fragment; the others join its flow, even
//! when they arrive before it (their counts wait here until it comes).

use std::collections::HashMap;

use tapaudit_vocab::Timestamp;

use crate::key::{Addr, FlowKey};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct FragKey {
    pub src: Addr,
    pub dst: Addr,
    pub proto: u8,
    pub id: u32,
    pub vlan: u16,
}

enum Entry {
    Known {
        key: FlowKey,
        sender_is_lo: bool,
        last: Timestamp,
    },
    Pending {
        packets: u64,
        bytes: u64,
        first: Timestamp,
        last: Timestamp,
    },
}

/// Most datagrams tracked at once; past it, early fragments are counted as orphans.
const MAX_ENTRIES: usize = 65_536;
/// Reassembly timeout (RFC 791 suggests 15 s; Linux uses 30 s).
const TIMEOUT_NANOS: u64 = 30 * Timestamp::NANOS_PER_SEC;

#[derive(Default)]
pub(crate) struct FragTable {
    map: HashMap<FragKey, Entry, foldhash::fast::FixedState>,
}

impl FragTable {
    /// The first fragment arrived. Returns the counts of fragments that came before it.
    pub fn first_fragment(
        &mut self,
        fk: FragKey,
        key: FlowKey,
        sender_is_lo: bool,
        ts: Timestamp,
    ) -> Option<(u64, u64, Timestamp)> {
        let known = Entry::Known {
            key,
            sender_is_lo,
            last: ts,
        };
        match self.map.insert(fk, known) {
            Some(Entry::Pending {
                packets,
                bytes,
                first,
                ..
            }) => Some((packets, bytes, first.min(ts))),
            _ => None,
        }
    }

    /// A later fragment: its flow if the first fragment was seen, else its counts are held.
    pub fn later_fragment(
        &mut self,
        fk: FragKey,
        ts: Timestamp,
        ip_len: u32,
    ) -> Option<(FlowKey, bool)> {
        let full = self.map.len() >= MAX_ENTRIES;
        match self.map.get_mut(&fk) {
            Some(Entry::Known {
                key,
                sender_is_lo,
                last,
            }) => {
                *last = ts;
                Some((*key, *sender_is_lo))
            }
            Some(Entry::Pending {
                packets,
                bytes,
                last,
                ..
            }) => {
                *packets += 1;
                *bytes += u64::from(ip_len);
                *last = ts;
                None
            }
            None if full => None,
            None => {
                self.map.insert(
                    fk,
                    Entry::Pending {
                        packets: 1,
                        bytes: u64::from(ip_len),
                        first: ts,
                        last: ts,
                    },
                );
                None
            }
        }
    }

    /// Forgets datagrams idle past the reassembly timeout; returns the orphaned fragments.
    pub fn sweep(&mut self, now: Timestamp) -> u64 {
        let mut orphans = 0;
        self.map.retain(|_, e| {
            let (last, pending) = match e {
                Entry::Known { last, .. } => (*last, 0),
                Entry::Pending { last, packets, .. } => (*last, *packets),
            };
            let keep = now.saturating_sub(last) <= TIMEOUT_NANOS;
            if !keep {
                orphans += pending;
            }
            keep
        });
        orphans
    }

    /// End of input: every fragment still waiting for its first is an orphan.
    pub fn drain_pending(&mut self) -> u64 {
        let n = self
            .map
            .values()
            .map(|e| match e {
                Entry::Pending { packets, .. } => *packets,
                Entry::Known { .. } => 0,
            })
            .sum();
        self.map.clear();
        n
    }
}
