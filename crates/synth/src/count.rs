//! How many flows tapaudit's flow table will build from the capture, counted as the frames
//! are written.
//!
//! A TCP conversation (it starts with its own SYN) and a CIP I/O connection (its own host
//! pair) are one flow each, counted when they start. Scripted frames (pings, DNS, NetBIOS,
//! SNMP) have no handshake: the flow table joins every datagram or echo with the same key
//! (protocol, VLAN tags, the two addresses, the two ports or the echo identifier) into one
//! flow until it has been idle for longer than the timeout, and it only looks for idle flows
//! every 10 s of packet time, at the first packet at or after that moment. So those frames
//! are counted by key, with the flow table's default timeouts and the same sweep schedule:
//! a NetBIOS announcement every few seconds from one host is one flow, not one per frame.
//! `tests/synth_flow_count.rs` compares this count with the flow table's.

use std::collections::HashMap;

use etherparse::{Icmpv4Type, LaxLinkExtSlice, LaxNetSlice, LaxSlicedPacket, TransportSlice};

/// The flow table's defaults (`tapaudit_flow::FlowConfig`), in microseconds.
const UDP_IDLE_US: u64 = 300_000_000;
const ICMP_IDLE_US: u64 = 60_000_000;
const SWEEP_EVERY_US: u64 = 10_000_000;

/// `(address, port or echo id or ICMP type)` of one side.
type Side = ([u8; 16], u16);

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    proto: u8,
    vlans: [u16; 2],
    lo: Side,
    hi: Side,
}

/// The count, and the keys of scripted flows still open.
#[derive(Default)]
pub(crate) struct FlowCount {
    total: u64,
    open: HashMap<Key, u64>,
    next_sweep: u64,
}

impl FlowCount {
    pub(crate) fn total(&self) -> u64 {
        self.total
    }

    /// A flow that is its own from the start (a TCP conversation, a CIP I/O connection).
    pub(crate) fn started(&mut self) {
        self.total += 1;
    }

    /// A packet was written at `now`: the flow table's idle sweep runs at the first packet
    /// at or after its next time.
    pub(crate) fn packet(&mut self, now: u64) {
        if now < self.next_sweep {
            return;
        }
        self.open.retain(|k, last| {
            let limit = if k.proto == 17 {
                UDP_IDLE_US
            } else {
                ICMP_IDLE_US
            };
            now.saturating_sub(*last) <= limit
        });
        self.next_sweep = now.saturating_add(SWEEP_EVERY_US);
    }

    /// A scripted frame written at `now`: a new flow unless its key is still open.
    pub(crate) fn script_frame(&mut self, now: u64, frame: &[u8]) {
        self.packet(now);
        let Some(key) = key_of(frame) else {
            return;
        };
        if self.open.insert(key, now).is_none() {
            self.total += 1;
        }
    }
}

fn v4(a: [u8; 4]) -> [u8; 16] {
    std::net::Ipv4Addr::from(a).to_ipv6_mapped().octets()
}

/// The flow key of a UDP datagram or an ICMP echo; None for frames that make no flow of
/// their own (not IP, ICMP errors: the flow table matches those to the flow they quote).
fn key_of(frame: &[u8]) -> Option<Key> {
    let s = LaxSlicedPacket::from_ethernet(frame).ok()?;
    let mut vlans = [0u16; 2];
    let mut n = 0;
    for ext in &s.link_exts {
        if let LaxLinkExtSlice::Vlan(v) = ext {
            if let Some(slot) = vlans.get_mut(n) {
                *slot = v.vlan_identifier().value();
                n += 1;
            }
        }
    }
    let (src, dst) = match s.net.as_ref()? {
        LaxNetSlice::Ipv4(ip) => (v4(ip.header().source()), v4(ip.header().destination())),
        LaxNetSlice::Ipv6(ip) => (ip.header().source(), ip.header().destination()),
        _ => return None,
    };
    let (proto, sp, dp) = match s.transport.as_ref()? {
        TransportSlice::Udp(u) => (17, u.source_port(), u.destination_port()),
        TransportSlice::Icmpv4(i) => match i.icmp_type() {
            Icmpv4Type::EchoRequest(e) | Icmpv4Type::EchoReply(e) => (1, e.id, e.id),
            Icmpv4Type::Unknown { type_u8, .. } => (1, type_u8.into(), type_u8.into()),
            _ => return None,
        },
        _ => return None,
    };
    let (a, b) = ((src, sp), (dst, dp));
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    Some(Key {
        proto,
        vlans,
        lo,
        hi,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use etherparse::PacketBuilder;

    fn udp(sport: u16, dport: u16) -> Vec<u8> {
        let mut f = Vec::new();
        PacketBuilder::ethernet2([2; 6], [4; 6])
            .ipv4([10, 0, 0, 1], [10, 0, 0, 255], 64)
            .udp(sport, dport)
            .write(&mut f, b"x")
            .unwrap();
        f
    }

    #[test]
    fn repeated_datagrams_are_one_flow_until_idle_and_swept() {
        let s = 1_000_000;
        let mut c = FlowCount::default();
        let (a, b) = (udp(138, 138), udp(137, 137));
        c.script_frame(0, &a);
        c.script_frame(0, &a);
        assert_eq!(c.total(), 1);
        // A sweep at 295 s (the next at 305 s): a is not idle long enough yet.
        c.script_frame(295 * s, &b);
        assert_eq!(c.total(), 2);
        // Idle for more than 300 s, but no sweep has looked at it: the same flow.
        c.script_frame(301 * s, &a);
        assert_eq!(c.total(), 2);
        // The sweep at 620 s finds both idle: new flows.
        c.script_frame(620 * s, &a);
        c.script_frame(620 * s, &b);
        assert_eq!(c.total(), 4);
    }
}
