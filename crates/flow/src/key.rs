//! The direction-free flow key.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// An address in 16 bytes (IPv4 as v4-mapped IPv6), so that keys are fixed-size and cheap
/// to hash and compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Addr(pub [u8; 16]);

impl Addr {
    pub fn from_ip(ip: IpAddr) -> Self {
        match ip {
            // ::ffff:a.b.c.d, built as one 128-bit value: byte by byte, the stores stall the
            // 8-byte loads of the key comparison that follows (seen in perf, per packet).
            IpAddr::V4(v4) => Addr((0xffff_0000_0000 | u128::from(u32::from(v4))).to_be_bytes()),
            IpAddr::V6(v6) => Addr(v6.octets()),
        }
    }
    pub fn to_ip(self) -> IpAddr {
        let v6 = Ipv6Addr::from(self.0);
        match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(v6),
        }
    }
}

impl From<Ipv4Addr> for Addr {
    fn from(v: Ipv4Addr) -> Self {
        Addr::from_ip(IpAddr::V4(v))
    }
}

/// One side of a flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Endpoint {
    pub addr: Addr,
    /// TCP/UDP port; for ICMP echo the echo identifier, for other ICMP the type.
    pub port: u16,
}

/// The same key whichever direction a packet travels: the two endpoints are stored in
/// canonical order (`lo <= hi`). Who initiated is kept in the flow, not in the key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FlowKey {
    pub proto: u8,
    pub vlan: u16,
    pub inner_vlan: u16,
    pub lo: Endpoint,
    pub hi: Endpoint,
}

/// Hashed as four writes (both addresses and the small fields packed in one), not field by
/// field: the derived `Hash` made about a dozen hasher calls per packet, two of them for the
/// addresses' length prefixes (seen in perf on the concurrent mix).
impl std::hash::Hash for FlowKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let small = u64::from(self.proto)
            | u64::from(self.vlan) << 8
            | u64::from(self.inner_vlan) << 24
            | u64::from(self.lo.port) << 40;
        state.write_u128(u128::from_ne_bytes(self.lo.addr.0));
        state.write_u128(u128::from_ne_bytes(self.hi.addr.0));
        state.write_u64(small);
        state.write_u16(self.hi.port);
    }
}

impl FlowKey {
    /// The key of a packet from `src` to `dst`, and whether `src` is the `lo` side.
    pub fn new(
        proto: u8,
        vlan: u16,
        inner_vlan: u16,
        src: Endpoint,
        dst: Endpoint,
    ) -> (Self, bool) {
        let src_is_lo = src <= dst;
        let (lo, hi) = if src_is_lo { (src, dst) } else { (dst, src) };
        (
            FlowKey {
                proto,
                vlan,
                inner_vlan,
                lo,
                hi,
            },
            src_is_lo,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ep(a: [u8; 16], port: u16) -> Endpoint {
        Endpoint {
            addr: Addr(a),
            port,
        }
    }

    proptest! {
        #[test]
        fn either_direction_gives_the_same_key(
            a in any::<[u8; 16]>(), b in any::<[u8; 16]>(),
            pa in any::<u16>(), pb in any::<u16>(), proto in any::<u8>(), vlan in any::<u16>()
        ) {
            let (k1, s1) = FlowKey::new(proto, vlan, 0, ep(a, pa), ep(b, pb));
            let (k2, s2) = FlowKey::new(proto, vlan, 0, ep(b, pb), ep(a, pa));
            prop_assert_eq!(k1, k2);
            // Exactly one direction is "from lo", unless both endpoints are equal.
            if ep(a, pa) != ep(b, pb) {
                prop_assert_ne!(s1, s2);
            }
        }

        #[test]
        fn address_round_trips(v4 in any::<[u8; 4]>(), v6 in any::<[u8; 16]>()) {
            let ip4 = IpAddr::V4(Ipv4Addr::from(v4));
            prop_assert_eq!(Addr::from_ip(ip4).to_ip(), ip4);
            let ip6 = IpAddr::V6(Ipv6Addr::from(v6));
            if Ipv6Addr::from(v6).to_ipv4_mapped().is_none() {
                prop_assert_eq!(Addr::from_ip(ip6).to_ip(), ip6);
            }
        }
    }

    #[test]
    fn different_vlans_are_different_flows() {
        let a = ep([1; 16], 1);
        let b = ep([2; 16], 2);
        assert_ne!(
            FlowKey::new(6, 10, 0, a, b).0,
            FlowKey::new(6, 20, 0, a, b).0
        );
    }
}
