//! Where the open flows live: one vector of entries, found through a hash index of
//! positions in it.
//!
//! A `HashMap<FlowKey, Flow>` would keep each entry inside its buckets: the buckets are up
//! to half empty after the map doubles, and while it doubles the old and the new buckets are
//! both resident, so a map of N flows briefly holds room for three times N. Here the index
//! holds only 8-byte slots, a position and 32 bits of the key's hash (its doubling costs
//! little, and it rehashes from the slots alone, without reading an entry), and the entries sit packed in a
//! vector that grows by a quarter at a time; large vectors grow by `realloc`, which the
//! system allocator does by remapping pages, without a copy, and the room not yet used is
//! never touched, so it is not resident. At the end of a run the vector is taken apart from
//! its end and shrunk as it goes ([`FlowMap::into_drain`]), so memory comes back while the
//! records of the report are made. Measured in tests/hot_path_allocations.rs and
//! tests/memory_per_flow.rs.

use std::hash::BuildHasher;

use hashbrown::hash_table::{Entry, HashTable};

use crate::key::FlowKey;

/// An entry that carries its own key.
pub(crate) trait Keyed {
    fn key(&self) -> &FlowKey;
}

/// Entries are never fewer than this many apart when the vector grows or shrinks.
const MIN_STEP: usize = 4096;

/// A position in the entries and 32 bits of its key's hash, from which the index's hash is
/// made again when the index grows: growing reads no entry. (With positions alone, every
/// slot moved on a doubling cost a read of its entry, one cache miss each, and re-hashing
/// its key: 6 % of a churn replay with 358,000 new flows.)
#[derive(Clone, Copy)]
struct Slot {
    at: u32,
    hash: u32,
}

/// The index's 64-bit hash of a slot: spread from the stored 32 bits (the top bits, which
/// hashbrown reads as its tag, depend on all of them).
fn spread(hash: u32) -> u64 {
    u64::from(hash).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

pub(crate) struct FlowMap<T> {
    index: HashTable<Slot>,
    entries: Vec<T>,
    hasher: foldhash::fast::FixedState,
}

impl<T: Keyed> FlowMap<T> {
    pub(crate) fn new(hasher: foldhash::fast::FixedState) -> Self {
        FlowMap {
            index: HashTable::new(),
            entries: Vec::new(),
            hasher,
        }
    }

    /// Most entries a map can hold (positions are 32-bit).
    pub(crate) const MAX_LEN: usize = u32::MAX as usize;

    pub(crate) fn hasher(&self) -> foldhash::fast::FixedState {
        self.hasher.clone()
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The 32 bits of a key's hash that its slot keeps.
    fn hash32(&self, key: &FlowKey) -> u32 {
        let h = self.hasher.hash_one(key);
        (h ^ (h >> 32)) as u32
    }

    fn position(&self, key: &FlowKey) -> Option<usize> {
        let entries = &self.entries;
        let hash = self.hash32(key);
        self.index
            .find(spread(hash), |s| {
                s.hash == hash && entries[s.at as usize].key() == key
            })
            .map(|s| s.at as usize)
    }

    pub(crate) fn get(&self, key: &FlowKey) -> Option<&T> {
        self.position(key).map(|i| &self.entries[i])
    }

    pub(crate) fn get_mut(&mut self, key: &FlowKey) -> Option<&mut T> {
        self.position(key).map(|i| &mut self.entries[i])
    }

    pub(crate) fn contains_key(&self, key: &FlowKey) -> bool {
        self.position(key).is_some()
    }

    /// The entry for `key`, made by `make` when there is none: one index lookup either way.
    /// The caller keeps the map below [`FlowMap::MAX_LEN`] entries.
    pub(crate) fn get_or_insert_with(&mut self, key: &FlowKey, make: impl FnOnce() -> T) -> &mut T {
        let hash = self.hash32(key);
        let entries = &mut self.entries;
        let entry = self.index.entry(
            spread(hash),
            |s| s.hash == hash && entries[s.at as usize].key() == key,
            |s| spread(s.hash),
        );
        match entry {
            Entry::Occupied(o) => &mut entries[o.get().at as usize],
            Entry::Vacant(v) => {
                let at = entries.len();
                if at == entries.capacity() {
                    // A quarter more at a time: the vector never holds much unused room.
                    entries.reserve_exact((at / 4).max(MIN_STEP));
                }
                entries.push(make());
                v.insert(Slot {
                    at: at as u32,
                    hash,
                });
                &mut entries[at]
            }
        }
    }

    /// Takes the entry for `key` out. The last entry moves into its place.
    pub(crate) fn remove(&mut self, key: &FlowKey) -> Option<T> {
        let hash = self.hash32(key);
        let entries = &self.entries;
        let found = self
            .index
            .find_entry(spread(hash), |s| {
                s.hash == hash && entries[s.at as usize].key() == key
            })
            .ok()?;
        let (Slot { at, .. }, _) = found.remove();
        let last = (entries.len() - 1) as u32;
        if at != last {
            let moved = self.hash32(entries[last as usize].key());
            if let Some(slot) = self.index.find_mut(spread(moved), |s| s.at == last) {
                slot.at = at;
            }
        }
        Some(self.entries.swap_remove(at as usize))
    }

    pub(crate) fn iter(&self) -> std::slice::Iter<'_, T> {
        self.entries.iter()
    }

    /// Every entry, last first, giving the vector's memory back as it goes (the index is
    /// freed at once).
    pub(crate) fn into_drain(self) -> Drain<T> {
        drain_shrinking(self.entries)
    }
}

/// Every element of `v`, last first, shrinking `v` as it goes: a vector turned into another
/// (records into judged flows) is never held twice.
pub fn drain_shrinking<T>(v: Vec<T>) -> Drain<T> {
    Drain {
        since_shrink: 0,
        entries: v,
    }
}

/// See [`drain_shrinking`].
pub struct Drain<T> {
    entries: Vec<T>,
    since_shrink: usize,
}

impl<T> Iterator for Drain<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        let e = self.entries.pop()?;
        self.since_shrink += 1;
        if self.since_shrink >= (self.entries.len() / 8).max(MIN_STEP) {
            self.entries.shrink_to_fit();
            self.since_shrink = 0;
        }
        Some(e)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.entries.len(), Some(self.entries.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key::{Addr, Endpoint};
    use std::collections::HashMap;

    #[derive(Debug, PartialEq)]
    struct E {
        key: FlowKey,
        n: u64,
    }
    impl Keyed for E {
        fn key(&self) -> &FlowKey {
            &self.key
        }
    }

    fn key(n: u32) -> FlowKey {
        let mut a = [0u8; 16];
        a[12..].copy_from_slice(&n.to_be_bytes());
        let ep = |port| Endpoint {
            addr: Addr(a),
            port,
        };
        FlowKey::new(6, 0, 0, ep(1), ep((n % 65_000) as u16 + 2)).0
    }

    proptest::proptest! {
        /// Inserts, updates and removals in any order give what a HashMap gives.
        #[test]
        fn behaves_like_a_hash_map(ops in proptest::collection::vec((0u8..3, 0u32..300), 0..2000)) {
            let mut map = FlowMap::<E>::new(Default::default());
            let mut model = HashMap::<FlowKey, u64>::new();
            for (op, k) in ops {
                let k = key(k);
                match op {
                    0 => {
                        map.get_or_insert_with(&k, || E { key: k, n: 0 }).n += 1;
                        *model.entry(k).or_insert(0) += 1;
                    }
                    1 => {
                        proptest::prop_assert_eq!(map.remove(&k).map(|e| e.n), model.remove(&k));
                    }
                    _ => proptest::prop_assert_eq!(map.get(&k).map(|e| e.n), model.get(&k).copied()),
                }
                proptest::prop_assert_eq!(map.len(), model.len());
            }
            for (k, n) in &model {
                proptest::prop_assert_eq!(map.get(k).map(|e| e.n), Some(*n));
            }
            let mut drained: Vec<(FlowKey, u64)> = map.into_drain().map(|e| (e.key, e.n)).collect();
            let mut expected: Vec<(FlowKey, u64)> = model.into_iter().collect();
            drained.sort();
            expected.sort();
            proptest::prop_assert_eq!(drained, expected);
        }
    }

    #[test]
    fn draining_gives_memory_back() {
        let mut map = FlowMap::<E>::new(Default::default());
        for n in 0..100_000 {
            map.get_or_insert_with(&key(n), || E { key: key(n), n: 0 });
        }
        let full = map.entries.capacity();
        assert!(full < 100_000 + 100_000 / 4 + MIN_STEP, "{full}");
        let mut drain = map.into_drain();
        for _ in 0..75_000 {
            drain.next();
        }
        assert!(
            drain.entries.capacity() <= 25_000 + 25_000 / 8 + MIN_STEP,
            "{}",
            drain.entries.capacity()
        );
        assert_eq!(drain.count(), 25_000);
    }
}
