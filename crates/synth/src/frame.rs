//! Frame construction with etherparse's `PacketBuilder`: header templates for the hot path
//! (patched per packet by `out`), whole frames for the cold path.

use std::io;

use etherparse::{
    ArpHardwareId, ArpOperation, ArpPacket, EtherType, Ethernet2Header, IpHeaders, PacketBuilder,
    PacketBuilderStep, SingleVlanHeader, TcpOptionElement, VlanId, VlanPcp,
};

use crate::out::sum_be;

/// 802.1Q tagging of a segment: none, one tag, or QinQ (outer service tag 0x88a8, inner 0x8100).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Vlan {
    None,
    Single(u16),
    Double(u16, u16),
}

/// Layer 2 of one direction of a flow as the tap sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Link {
    pub(crate) src_mac: [u8; 6],
    pub(crate) dst_mac: [u8; 6],
    pub(crate) vlan: Vlan,
}

impl Link {
    pub(crate) fn reversed(&self) -> Link {
        Link {
            src_mac: self.dst_mac,
            dst_mac: self.src_mac,
            vlan: self.vlan,
        }
    }
}

/// Headers of one direction of a flow, built once; `out` patches the per-packet fields.
#[derive(Debug, Clone)]
pub(crate) struct Tpl {
    pub(crate) bytes: Vec<u8>,
    pub(crate) ip_off: usize,
    pub(crate) l4_off: usize,
    /// Unfolded sum of the pseudo-header's addresses and protocol (length added per packet).
    pub(crate) pseudo: u64,
}

pub(crate) fn err<E: std::fmt::Display>(e: E) -> io::Error {
    io::Error::other(format!("synth: building a frame failed: {e}"))
}

fn vlan_id(v: u16) -> io::Result<VlanId> {
    VlanId::try_new(v).map_err(err)
}

fn ip_step(
    link: &Link,
    src: [u8; 4],
    dst: [u8; 4],
    ttl: u8,
) -> io::Result<PacketBuilderStep<IpHeaders>> {
    let eth = PacketBuilder::ethernet2(link.src_mac, link.dst_mac);
    Ok(match link.vlan {
        Vlan::None => eth.ipv4(src, dst, ttl),
        Vlan::Single(v) => eth.single_vlan(vlan_id(v)?).ipv4(src, dst, ttl),
        Vlan::Double(o, i) => eth
            .double_vlan(vlan_id(o)?, vlan_id(i)?)
            .ipv4(src, dst, ttl),
    })
}

fn l2_len(vlan: Vlan) -> usize {
    match vlan {
        Vlan::None => 14,
        Vlan::Single(_) => 18,
        Vlan::Double(..) => 22,
    }
}

/// Sets the don't-fragment bit, as every modern stack does on TCP and most UDP.
fn set_df(frame: &mut [u8], ip_off: usize) {
    if let Some(b) = frame.get_mut(ip_off + 6) {
        *b |= 0x40;
    }
}

fn pseudo(src: [u8; 4], dst: [u8; 4], proto: u8) -> u64 {
    sum_be(&src) + sum_be(&dst) + proto as u64
}

/// TCP header template; `syn` adds the options a SYN / SYN-ACK carries (MSS 1460, SACK).
pub(crate) fn tcp_tpl(
    link: &Link,
    src: [u8; 4],
    dst: [u8; 4],
    ttl: u8,
    sport: u16,
    dport: u16,
    syn: bool,
) -> io::Result<Tpl> {
    let step = ip_step(link, src, dst, ttl)?.tcp(sport, dport, 0, 0);
    let step = if syn {
        step.options(&[
            TcpOptionElement::MaximumSegmentSize(1460),
            TcpOptionElement::Noop,
            TcpOptionElement::Noop,
            TcpOptionElement::SelectiveAcknowledgementPermitted,
        ])
        .map_err(err)?
    } else {
        step
    };
    let mut bytes = Vec::with_capacity(step.size(0));
    step.write(&mut bytes, &[]).map_err(err)?;
    let ip_off = l2_len(link.vlan);
    set_df(&mut bytes, ip_off);
    Ok(Tpl {
        bytes,
        ip_off,
        l4_off: ip_off + 20,
        pseudo: pseudo(src, dst, 6),
    })
}

pub(crate) fn udp_tpl(
    link: &Link,
    src: [u8; 4],
    dst: [u8; 4],
    ttl: u8,
    sport: u16,
    dport: u16,
) -> io::Result<Tpl> {
    let step = ip_step(link, src, dst, ttl)?.udp(sport, dport);
    let mut bytes = Vec::with_capacity(step.size(0));
    step.write(&mut bytes, &[]).map_err(err)?;
    let ip_off = l2_len(link.vlan);
    Ok(Tpl {
        bytes,
        ip_off,
        l4_off: ip_off + 20,
        pseudo: pseudo(src, dst, 17),
    })
}

/// A whole UDP frame (cold path).
#[allow(clippy::too_many_arguments)]
pub(crate) fn udp_frame(
    link: &Link,
    src: [u8; 4],
    dst: [u8; 4],
    ttl: u8,
    sport: u16,
    dport: u16,
    ip_id: u16,
    payload: &[u8],
) -> io::Result<Vec<u8>> {
    let step = ip_step(link, src, dst, ttl)?.udp(sport, dport);
    let mut v = Vec::with_capacity(step.size(payload.len()));
    step.write(&mut v, payload).map_err(err)?;
    set_ip_id(&mut v, l2_len(link.vlan), ip_id);
    Ok(v)
}

/// PacketBuilder leaves the identification at 0; real stacks count. The UDP/ICMP checksum does
/// not cover it, so only the IPv4 header checksum needs redoing.
pub(crate) fn set_ip_id(frame: &mut [u8], ip_off: usize, ip_id: u16) {
    let Some(h) = frame.get_mut(ip_off..ip_off + 20) else {
        return;
    };
    h[4..6].copy_from_slice(&ip_id.to_be_bytes());
    h[10..12].copy_from_slice(&[0, 0]);
    let sum = !crate::out::fold(sum_be(h));
    h[10..12].copy_from_slice(&sum.to_be_bytes());
}

/// ICMP echo request or reply with `payload` (Windows-style 32-byte alphabet by default).
#[allow(clippy::too_many_arguments)]
pub(crate) fn icmp_echo_frame(
    link: &Link,
    src: [u8; 4],
    dst: [u8; 4],
    ttl: u8,
    ip_id: u16,
    request: bool,
    id: u16,
    seq: u16,
    payload: &[u8],
) -> io::Result<Vec<u8>> {
    let step = ip_step(link, src, dst, ttl)?;
    let step = if request {
        step.icmpv4_echo_request(id, seq)
    } else {
        step.icmpv4_echo_reply(id, seq)
    };
    let mut v = Vec::with_capacity(step.size(payload.len()));
    step.write(&mut v, payload).map_err(err)?;
    set_ip_id(&mut v, l2_len(link.vlan), ip_id);
    Ok(v)
}

/// ICMP destination unreachable, code 13 (communication administratively prohibited, RFC
/// 1812), quoting `quote` (the offending packet's IP header and first 8 payload bytes).
pub(crate) fn icmp_prohibited_frame(
    link: &Link,
    src: [u8; 4],
    dst: [u8; 4],
    ttl: u8,
    quote: &[u8],
) -> io::Result<Vec<u8>> {
    let step =
        ip_step(link, src, dst, ttl)?.icmpv4(etherparse::Icmpv4Type::DestinationUnreachable(
            etherparse::icmpv4::DestUnreachableHeader::FilterProhibited,
        ));
    let mut v = Vec::with_capacity(step.size(quote.len()));
    step.write(&mut v, quote).map_err(err)?;
    Ok(v)
}

/// ARP request (`reply == false`) or reply.
pub(crate) fn arp_frame(
    link: &Link,
    reply: bool,
    sha: [u8; 6],
    spa: [u8; 4],
    tha: [u8; 6],
    tpa: [u8; 4],
) -> io::Result<Vec<u8>> {
    let op = if reply {
        ArpOperation::REPLY
    } else {
        ArpOperation::REQUEST
    };
    let arp = ArpPacket::new(
        ArpHardwareId::ETHERNET,
        EtherType::IPV4,
        op,
        &sha,
        &spa,
        &tha,
        &tpa,
    )
    .map_err(err)?;
    let eth = PacketBuilder::ethernet2(link.src_mac, link.dst_mac);
    let step = match link.vlan {
        Vlan::None => eth.arp(arp),
        Vlan::Single(v) => eth.single_vlan(vlan_id(v)?).arp(arp),
        Vlan::Double(o, i) => eth.double_vlan(vlan_id(o)?, vlan_id(i)?).arp(arp),
    };
    let mut v = Vec::with_capacity(step.size());
    step.write(&mut v).map_err(err)?;
    Ok(v)
}

/// A non-IP frame (LLDP 0x88cc, PROFINET 0x8892), optionally with one 802.1Q tag.
pub(crate) fn ether_frame(
    src: [u8; 6],
    dst: [u8; 6],
    vlan: Option<(u16, u8)>,
    ether_type: u16,
    payload: &[u8],
) -> io::Result<Vec<u8>> {
    let mut v = Vec::with_capacity(22 + payload.len());
    let outer_type = if vlan.is_some() {
        EtherType::VLAN_TAGGED_FRAME
    } else {
        EtherType(ether_type)
    };
    Ethernet2Header {
        source: src,
        destination: dst,
        ether_type: outer_type,
    }
    .write(&mut v)?;
    if let Some((id, pcp)) = vlan {
        SingleVlanHeader {
            pcp: VlanPcp::try_new(pcp).map_err(err)?,
            drop_eligible_indicator: false,
            vlan_id: vlan_id(id)?,
            ether_type: EtherType(ether_type),
        }
        .write(&mut v)?;
    }
    v.extend_from_slice(payload);
    Ok(v)
}
