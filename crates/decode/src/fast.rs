//! The common case, decoded with etherparse's header slices instead of its full lax packet
//! slicer: Ethernet, at most two VLAN tags, an unfragmented IPv4 packet (options allowed) or
//! an IPv6 packet without extension headers, whole in the frame, carrying a complete TCP
//! header or a UDP datagram whose length field fits. That is nearly every packet on a plant
//! network, and the lax slicer spends most of its time building (and copying) the general
//! structure such packets do not need.
//!
//! Anything else (non-IP, fragments, extension headers, ICMP, truncation, odd lengths)
//! returns `None` and goes through the general path, so the fast path only has to be right
//! where it answers. It must answer exactly as the general path would: checked frame by
//! frame over every bundled capture and on random and mutated frames
//! (`tests::fast_path_equals_general_path*`, and the `decode` fuzz target).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use etherparse::{
    EtherType, Ethernet2HeaderSlice, Ipv4HeaderSlice, Ipv6HeaderSlice, SingleVlanHeaderSlice,
    TcpHeaderSlice, UdpHeaderSlice,
};

use crate::{Decoded, IpProto, Packet, Tcp, L4};

/// An Ethernet frame on the fast path, or `None` for the general one.
#[inline]
pub(crate) fn ethernet(frame: &[u8]) -> Option<Decoded<'_>> {
    let eth = Ethernet2HeaderSlice::from_slice(frame).ok()?;
    let mut ether_type = eth.ether_type();
    let mut rest = &frame[eth.slice().len()..];
    let mut vlans = [0u16; 2];
    for vlan in &mut vlans {
        if !matches!(
            ether_type,
            EtherType::VLAN_TAGGED_FRAME
                | EtherType::PROVIDER_BRIDGING
                | EtherType::VLAN_DOUBLE_TAGGED_FRAME
        ) {
            break;
        }
        let tag = SingleVlanHeaderSlice::from_slice(rest).ok()?;
        *vlan = tag.vlan_identifier().value();
        ether_type = tag.ether_type();
        rest = &rest[tag.slice().len()..];
    }
    match ether_type {
        EtherType::IPV4 => ipv4(rest, vlans),
        EtherType::IPV6 => ipv6(rest, vlans),
        _ => None,
    }
}

#[inline]
fn ipv4(bytes: &[u8], vlans: [u16; 2]) -> Option<Decoded<'_>> {
    let h = Ipv4HeaderSlice::from_slice(bytes).ok()?;
    let header_len = h.slice().len();
    let total_len = usize::from(h.total_len());
    if total_len < header_len || total_len > bytes.len() || h.is_fragmenting_payload() {
        return None;
    }
    let proto = IpProto::from_number(h.protocol().0);
    let l4 = transport(proto, &bytes[header_len..total_len])?;
    Some(Decoded::Ip(Packet {
        vlan: vlans[0],
        inner_vlan: vlans[1],
        src: IpAddr::V4(Ipv4Addr::from(h.source())),
        dst: IpAddr::V4(Ipv4Addr::from(h.destination())),
        proto,
        ip_len: total_len as u32,
        fragment: None,
        l4,
    }))
}

#[inline]
fn ipv6(bytes: &[u8], vlans: [u16; 2]) -> Option<Decoded<'_>> {
    let h = Ipv6HeaderSlice::from_slice(bytes).ok()?;
    let total_len = 40 + usize::from(h.payload_length());
    // A zero payload length (jumbogram, or offload on the capturing host) takes the
    // general path, as do extension headers (the next header is then not TCP or UDP).
    if total_len == 40 || total_len > bytes.len() {
        return None;
    }
    let proto = IpProto::from_number(h.next_header().0);
    let l4 = transport(proto, &bytes[40..total_len])?;
    Some(Decoded::Ip(Packet {
        vlan: vlans[0],
        inner_vlan: vlans[1],
        src: IpAddr::V6(Ipv6Addr::from(h.source())),
        dst: IpAddr::V6(Ipv6Addr::from(h.destination())),
        proto,
        ip_len: total_len as u32,
        fragment: None,
        l4,
    }))
}

/// `ip_payload` is the whole transport segment (the IP length fitted in the frame).
#[inline]
fn transport(proto: IpProto, ip_payload: &[u8]) -> Option<L4<'_>> {
    match proto {
        IpProto::Tcp => {
            let t = TcpHeaderSlice::from_slice(ip_payload).ok()?;
            let header = t.slice();
            Some(L4::Tcp(Tcp {
                src_port: t.source_port(),
                dst_port: t.destination_port(),
                seq: t.sequence_number(),
                ack: t.acknowledgment_number(),
                flags: header[13],
                payload: &ip_payload[header.len()..],
                payload_len: (ip_payload.len() - header.len()) as u32,
                header_complete: true,
            }))
        }
        IpProto::Udp => {
            let u = UdpHeaderSlice::from_slice(ip_payload).ok()?;
            let len = usize::from(u.length());
            if len < 8 || len > ip_payload.len() {
                return None;
            }
            Some(L4::Udp {
                src_port: u.source_port(),
                dst_port: u.destination_port(),
                payload: &ip_payload[8..len],
            })
        }
        _ => None,
    }
}
