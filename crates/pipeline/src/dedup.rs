//! De-duplication of frames that several interfaces saw (two SPAN sessions that overlap, a
//! tap pair plus a SPAN): the same packet arriving on another interface within a short
//! window is dropped before the flow table, and counted against the interface it came in on.
//!
//! The key is a 64-bit hash of the frame **from its EtherType on**, after any VLAN tags: the
//! IP header and everything after it for IP (for ARP, LLDP and other non-IP frames, their
//! payload). MAC addresses, VLAN tags and the link header are left out, so a copy that one
//! SPAN tagged and the other did not is still the same packet. Memory is fixed: a set-associative table
//! of [`SETS`] x [`WAYS`] slots (3 MiB), each slot the hash, the packet time and the
//! interface. A new packet replaces the oldest slot of its set. A slot overwritten before its
//! twin arrived means one duplicate counted twice (never a real packet dropped); a frame is
//! dropped only on a 64-bit hash match from *another* interface within the window, so one
//! interface's own repeats (retransmissions, a device that sends twice) are never touched.
//! No allocation per packet.

use std::hash::{BuildHasher, Hasher};

use tapaudit_vocab::{LinkType, Timestamp};

/// 2^14 sets of 8 ways: 131,072 packets remembered. At 270 kpps (the most this machine's
/// capture path carried) a 50 ms window holds ~13,500 packets: a set is full of packets
/// younger than the window only when 8 of them hash into it, which is rare at that load.
const SETS: usize = 1 << 14;
const WAYS: usize = 8;

#[derive(Clone, Copy, Default)]
struct Slot {
    /// 0: empty (a real hash of 0 is stored as 1).
    hash: u64,
    ts: Timestamp,
    source: u32,
}

/// Remembers recent packets of every interface; see the module comment.
pub struct Dedup {
    window_ns: u64,
    slots: Box<[Slot]>,
    hasher: foldhash::fast::FixedState,
    /// Duplicates dropped, by the interface (source index) the dropped copy came in on.
    dropped: Vec<u64>,
}

impl Dedup {
    /// `window`: how far apart (packet time) two copies may be; `sources`: interfaces.
    pub fn new(window: std::time::Duration, sources: usize) -> Self {
        Dedup {
            window_ns: u64::try_from(window.as_nanos()).unwrap_or(u64::MAX),
            slots: vec![Slot::default(); SETS * WAYS].into_boxed_slice(),
            hasher: foldhash::fast::FixedState::with_seed(0x7461_7061_7564_6974),
            dropped: vec![0; sources],
        }
    }

    /// True when this frame is a copy of one another interface saw within the window (the
    /// caller drops it); otherwise it is remembered and false is returned.
    pub fn is_duplicate(
        &mut self,
        link: LinkType,
        data: &[u8],
        ts: Timestamp,
        source: usize,
    ) -> bool {
        let Some(ip) = payload_offset(link, data).and_then(|o| data.get(o..)) else {
            return false; // a link type we cannot read: never dropped
        };
        if ip.len() < 3 {
            return false;
        }
        let mut h = self.hasher.build_hasher();
        h.write(ip);
        let hash = h.finish().max(1);
        let src = u32::try_from(source).unwrap_or(u32::MAX);
        let set_start = (hash as usize & (SETS - 1)) * WAYS;
        let set = &mut self.slots[set_start..set_start + WAYS];
        let mut oldest = 0;
        for (i, slot) in set.iter().enumerate() {
            if slot.hash == hash && slot.source != src && ts.0.abs_diff(slot.ts.0) <= self.window_ns
            {
                if let Some(d) = self.dropped.get_mut(source) {
                    *d += 1;
                }
                return true;
            }
            if slot.hash == 0 || slot.ts < set[oldest].ts {
                oldest = i;
            }
            if slot.hash == 0 {
                break;
            }
        }
        set[oldest] = Slot {
            hash,
            ts,
            source: src,
        };
        false
    }

    /// Duplicates dropped per interface (by source index).
    pub fn dropped(&self) -> &[u64] {
        &self.dropped
    }
}

/// Where the EtherType (or protocol) field of the network layer starts in a frame of this
/// link type, after any VLAN tags (0 for raw IP links); None for a link type not known.
fn payload_offset(link: LinkType, data: &[u8]) -> Option<usize> {
    let be16 = |at: usize| -> Option<u16> {
        Some(u16::from_be_bytes([*data.get(at)?, *data.get(at + 1)?]))
    };
    let (mut ethertype, mut at) = match link {
        LinkType::Ethernet => (be16(12)?, 12),
        LinkType::LinuxSll => return Some(14),
        LinkType::LinuxSll2 => return Some(0),
        LinkType::RawIp | LinkType::Ipv4 | LinkType::Ipv6 => return Some(0),
        LinkType::Null | LinkType::Loop => return Some(4),
        LinkType::Other(_) => return None,
    };
    // 802.1Q, 802.1ad and the old QinQ tag: at most a few deep.
    for _ in 0..4 {
        if !matches!(ethertype, 0x8100 | 0x88a8 | 0x9100) {
            break;
        }
        at += 4;
        ethertype = be16(at)?;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn frame(vlan: Option<u16>, payload: &[u8]) -> Vec<u8> {
        let mut f = vec![0xaa; 6];
        f.extend_from_slice(&[0xbb; 6]);
        if let Some(v) = vlan {
            f.extend_from_slice(&[0x81, 0x00]);
            f.extend_from_slice(&v.to_be_bytes());
        }
        f.extend_from_slice(&[0x08, 0x00]);
        // A minimal IPv4 header then the payload (content only matters for the hash).
        f.extend_from_slice(&[
            0x45, 0, 0, 40, 0, 1, 0x40, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
        ]);
        f.extend_from_slice(payload);
        f
    }

    const MS: u64 = 1_000_000;

    #[test]
    fn a_copy_on_another_interface_within_the_window_is_dropped_vlan_or_not() {
        let mut d = Dedup::new(Duration::from_millis(50), 2);
        let a = frame(None, b"hello");
        let b = frame(Some(42), b"hello");
        assert!(!d.is_duplicate(LinkType::Ethernet, &a, Timestamp(100 * MS), 0));
        assert!(d.is_duplicate(LinkType::Ethernet, &b, Timestamp(120 * MS), 1));
        assert_eq!(d.dropped(), &[0, 1]);
        // The copy may also arrive first from the other interface's batch (earlier time).
        let c = frame(None, b"second");
        assert!(!d.is_duplicate(LinkType::Ethernet, &c, Timestamp(300 * MS), 1));
        assert!(d.is_duplicate(LinkType::Ethernet, &c, Timestamp(290 * MS), 0));
        assert_eq!(d.dropped(), &[1, 1]);
    }

    #[test]
    fn same_interface_repeats_late_copies_and_other_packets_are_kept() {
        let mut d = Dedup::new(Duration::from_millis(50), 2);
        let a = frame(None, b"hello");
        assert!(!d.is_duplicate(LinkType::Ethernet, &a, Timestamp(100 * MS), 0));
        assert!(
            !d.is_duplicate(LinkType::Ethernet, &a, Timestamp(101 * MS), 0),
            "same interface"
        );
        assert!(
            !d.is_duplicate(LinkType::Ethernet, &a, Timestamp(200 * MS), 1),
            "outside the window"
        );
        let other = frame(None, b"hellp");
        assert!(!d.is_duplicate(LinkType::Ethernet, &other, Timestamp(200 * MS), 0));
        assert_eq!(d.dropped(), &[0, 0]);
        // Non-IP frames are copies too (an ARP request seen on both SPANs).
        let mut arp = frame(None, b"x");
        arp[12..14].copy_from_slice(&[0x08, 0x06]);
        assert!(!d.is_duplicate(LinkType::Ethernet, &arp, Timestamp(0), 0));
        assert!(d.is_duplicate(LinkType::Ethernet, &arp, Timestamp(0), 1));
    }

    #[test]
    fn memory_stays_fixed_under_many_packets() {
        let mut d = Dedup::new(Duration::from_millis(50), 2);
        let mut dropped = 0;
        for i in 0u32..300_000 {
            let f = frame(None, &i.to_be_bytes());
            let t = Timestamp(u64::from(i) * 4_000); // 250 kpps
            assert!(!d.is_duplicate(LinkType::Ethernet, &f, t, 0));
            if d.is_duplicate(LinkType::Ethernet, &f, Timestamp(t.0 + MS), 1) {
                dropped += 1;
            }
        }
        assert_eq!(dropped, 300_000, "every copy 1 ms later found");
        assert_eq!(d.slots.len(), SETS * WAYS);
    }
}
