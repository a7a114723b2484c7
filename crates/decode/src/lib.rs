//! tapaudit-decode: one captured frame in, one small decoded [`Packet`] summary out.
//!
//! Header parsing is etherparse's: its header slices for the common case (Ethernet, TCP or
//! UDP over IPv4 or IPv6, whole), its lax mode for everything else, so that frames cut short
//! by the snaplen still yield what they carry. This crate only adds what etherparse does not have: the Linux
//! SLL2 and BSD loopback link headers, the ports of a first IP fragment, a transport header
//! cut by the snaplen, and the packet an ICMP error quotes.
//!
//! Promises:
//! - [`decode`] never panics and never allocates; every frame is either an IP [`Packet`],
//!   a non-IP frame with its EtherType, or a [`DecodeError`] whose [`DecodeError::kind`]
//!   is a stable counter name.
//! - `ip_len` is the IP-layer length (IP header and payload) from the IP header, so VLAN
//!   tags, the link type or the snaplen never change byte counts.
//! - Payload slices borrow from the frame.

#![forbid(unsafe_code)]

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use etherparse::{
    LaxIpPayloadSlice, LaxLinkExtSlice, LaxNetSlice, LaxSlicedPacket, TransportSlice,
};

pub use etherparse::EtherType;
pub use tapaudit_vocab::{IpProto, LinkType};

/// TCP flag bits as they stand in byte 13 of the header.
pub mod tcp_flags {
    pub const FIN: u8 = 0x01;
    pub const SYN: u8 = 0x02;
    pub const RST: u8 = 0x04;
    pub const PSH: u8 = 0x08;
    pub const ACK: u8 = 0x10;
}

/// What one frame was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded<'a> {
    Ip(Packet<'a>),
    /// ARP, LLDP, STP, PROFINET, ...: counted per EtherType, never silently dropped.
    /// 802.3 frames with a length field instead of a type are reported as 0 (LLC).
    NonIp {
        ether_type: u16,
    },
    Error(DecodeError),
}

/// An IP packet, summarised for the flow table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packet<'a> {
    /// Outer 802.1Q/802.1ad VLAN id, 0 when untagged.
    pub vlan: u16,
    /// Inner VLAN id of a QinQ frame, 0 when there is none.
    pub inner_vlan: u16,
    pub src: IpAddr,
    pub dst: IpAddr,
    /// IP protocol of the transport (after IPv6 extension headers).
    pub proto: IpProto,
    /// IP header and payload, as the IP header gives it.
    pub ip_len: u32,
    pub fragment: Option<Fragment>,
    pub l4: L4<'a>,
}

/// The fragment fields of a fragmented IP packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fragment {
    pub id: u32,
    /// Offset in 8-byte units.
    pub offset: u16,
    pub more: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum L4<'a> {
    Tcp(Tcp<'a>),
    Udp {
        src_port: u16,
        dst_port: u16,
        payload: &'a [u8],
    },
    Icmp(Icmp),
    /// Ports unknown: a non-first fragment, or a transport header cut before the ports.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tcp<'a> {
    pub src_port: u16,
    pub dst_port: u16,
    pub seq: u32,
    pub ack: u32,
    /// Raw flag byte; see [`tcp_flags`]. 0 when the snaplen cut the header before it.
    pub flags: u8,
    /// Captured payload (possibly shorter than on the wire).
    pub payload: &'a [u8],
    /// Payload length on the wire, from the IP length.
    pub payload_len: u32,
    /// False when the snaplen cut the header: seq/ack/flags may be missing.
    pub header_complete: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Icmp {
    pub v6: bool,
    pub icmp_type: u8,
    pub code: u8,
    pub kind: IcmpKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcmpKind {
    EchoRequest {
        id: u16,
        seq: u16,
    },
    EchoReply {
        id: u16,
        seq: u16,
    },
    /// Destination unreachable, time exceeded, parameter problem, packet too big: the
    /// packet it quotes, when the quote is readable.
    Error(Option<Quoted>),
    Other,
}

/// The start of the packet an ICMP error quotes (IP header and first 8 transport bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted {
    pub src: IpAddr,
    pub dst: IpAddr,
    pub proto: IpProto,
    /// Ports for TCP/UDP; for a quoted ICMP echo, `src_port` holds the echo id.
    pub src_port: u16,
    pub dst_port: u16,
}

/// Why a frame could not be decoded. [`DecodeError::kind`] names the statistics counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("unsupported link type {0}")]
    UnsupportedLink(u32),
    #[error("link-layer header truncated")]
    TruncatedLink,
    #[error("IP header truncated or invalid")]
    BadIpHeader,
    #[error("loopback address family {0} is not IP")]
    UnknownAddressFamily(u32),
}

impl DecodeError {
    pub fn kind(&self) -> &'static str {
        match self {
            DecodeError::UnsupportedLink(_) => "unsupported_link_type",
            DecodeError::TruncatedLink => "truncated_link_header",
            DecodeError::BadIpHeader => "bad_ip_header",
            DecodeError::UnknownAddressFamily(_) => "unknown_address_family",
        }
    }
}

/// Decodes one frame. Never panics, never allocates.
///
/// Plain Ethernet TCP and UDP packets take a fast path (`fast.rs`) that gives exactly what
/// [`decode_general`] gives, measured to be about twice as fast (docs/performance.md).
#[inline]
pub fn decode(link: LinkType, data: &[u8]) -> Decoded<'_> {
    if link == LinkType::Ethernet {
        if let Some(decoded) = fast::ethernet(data) {
            return decoded;
        }
    }
    decode_general(link, data)
}

/// [`decode`] without its fast path: every frame through etherparse's lax packet slicer.
/// Public so that tests and the fuzzer can check that both paths agree.
pub fn decode_general(link: LinkType, data: &[u8]) -> Decoded<'_> {
    let sliced = match link {
        LinkType::Ethernet => match LaxSlicedPacket::from_ethernet(data) {
            Ok(s) => s,
            Err(_) => return Decoded::Error(DecodeError::TruncatedLink),
        },
        LinkType::LinuxSll => {
            // SLL: 16-byte header, protocol type (an EtherType for IP) in the last two bytes.
            let Some(proto) = data.get(14..16) else {
                return Decoded::Error(DecodeError::TruncatedLink);
            };
            let et = u16::from_be_bytes([proto[0], proto[1]]);
            LaxSlicedPacket::from_ether_type(EtherType(et), data.get(16..).unwrap_or(&[]))
        }
        LinkType::LinuxSll2 => {
            // SLL2: 20-byte header, protocol type in the first two bytes.
            let (Some(proto), Some(rest)) = (data.get(0..2), data.get(20..)) else {
                return Decoded::Error(DecodeError::TruncatedLink);
            };
            let et = u16::from_be_bytes([proto[0], proto[1]]);
            LaxSlicedPacket::from_ether_type(EtherType(et), rest)
        }
        LinkType::Null | LinkType::Loop => {
            let Some(af) = data.get(0..4) else {
                return Decoded::Error(DecodeError::TruncatedLink);
            };
            let af_bytes = [af[0], af[1], af[2], af[3]];
            let family = if link == LinkType::Loop {
                u32::from_be_bytes(af_bytes)
            } else {
                // Written in the capturing host's byte order, which the file does not say:
                // the family is small, so whichever reading is small is the right one.
                let le = u32::from_le_bytes(af_bytes);
                if le < 0x1_0000 {
                    le
                } else {
                    u32::from_be_bytes(af_bytes)
                }
            };
            let et = match family {
                2 => EtherType::IPV4,
                // AF_INET6 is 24 (NetBSD, OpenBSD), 28 (FreeBSD), 30 (macOS), 10 (Linux).
                10 | 24 | 28 | 30 => EtherType::IPV6,
                other => return Decoded::Error(DecodeError::UnknownAddressFamily(other)),
            };
            LaxSlicedPacket::from_ether_type(et, data.get(4..).unwrap_or(&[]))
        }
        LinkType::RawIp | LinkType::Ipv4 | LinkType::Ipv6 => match LaxSlicedPacket::from_ip(data) {
            Ok(s) => s,
            Err(_) => return Decoded::Error(DecodeError::BadIpHeader),
        },
        LinkType::Other(n) => return Decoded::Error(DecodeError::UnsupportedLink(n)),
    };
    summarise(&sliced)
}

fn summarise<'a>(s: &LaxSlicedPacket<'a>) -> Decoded<'a> {
    let mut vlans = [0u16; 2];
    let mut n = 0;
    for ext in &s.link_exts {
        if let LaxLinkExtSlice::Vlan(v) = ext {
            if n < 2 {
                vlans[n] = v.vlan_identifier().value();
                n += 1;
            }
        }
    }
    let Some(net) = &s.net else {
        let ether_type = s.ether_payload().map(|p| p.ether_type.0).unwrap_or(0);
        if ether_type == EtherType::IPV4.0 || ether_type == EtherType::IPV6.0 {
            return Decoded::Error(DecodeError::BadIpHeader);
        }
        // 802.3 length field, not a type: LLC (STP and friends).
        let ether_type = if ether_type <= 1500 { 0 } else { ether_type };
        return Decoded::NonIp { ether_type };
    };
    let (src, dst, ip_len, l3_header_len, fragment, payload) = match net {
        LaxNetSlice::Ipv4(ip) => {
            let h = ip.header();
            let ip_len = match h.total_len() {
                // 0 means TCP segmentation offload on the capturing host: use what we have.
                0 => h.slice().len() + ip.payload().payload.len(),
                n => usize::from(n),
            } as u32;
            let fragment = if h.more_fragments() || h.fragments_offset().value() != 0 {
                Some(Fragment {
                    id: u32::from(h.identification()),
                    offset: h.fragments_offset().value(),
                    more: h.more_fragments(),
                })
            } else {
                None
            };
            (
                IpAddr::V4(Ipv4Addr::from(h.source())),
                IpAddr::V4(Ipv4Addr::from(h.destination())),
                ip_len,
                h.slice().len() as u32,
                fragment,
                ip.payload(),
            )
        }
        LaxNetSlice::Ipv6(ip) => {
            let h = ip.header();
            let ip_len = match h.payload_length() {
                0 => h.slice().len() + ip.extensions().slice().len() + ip.payload().payload.len(),
                n => 40 + usize::from(n),
            } as u32;
            let mut fragment = None;
            // etherparse 0.21's extension iterator trusts the chain of next-header values,
            // not the slice: when lax parsing stopped at a bad header (a second hop-by-hop,
            // say), the last good header still names a next extension, and iterating on
            // reads past the slice (found by fuzzing, see
            // regression::ipv6_broken_extension_chain_is_not_read_past_its_end). So stop
            // once every validated byte has been seen.
            let ext_len = ip.extensions().slice().len();
            let mut seen = 0;
            let mut exts = ip.extensions().clone().into_iter();
            while seen < ext_len {
                let Some(ext) = exts.next() else { break };
                seen += ext_len_of(&ext);
                if let etherparse::Ipv6ExtensionSlice::Fragment(f) = ext {
                    if f.is_fragmenting_payload() {
                        fragment = Some(Fragment {
                            id: f.identification(),
                            offset: f.fragment_offset().value(),
                            more: f.more_fragments(),
                        });
                    }
                }
            }
            (
                IpAddr::V6(Ipv6Addr::from(h.source())),
                IpAddr::V6(Ipv6Addr::from(h.destination())),
                ip_len,
                (h.slice().len() + ip.extensions().slice().len()) as u32,
                fragment,
                ip.payload(),
            )
        }
        LaxNetSlice::Arp(_) => {
            return Decoded::NonIp {
                ether_type: EtherType::ARP.0,
            }
        }
    };
    let proto = IpProto::from_number(payload.ip_number.0);
    let first_fragment_or_whole = fragment.is_none_or(|f| f.offset == 0);
    let l4 = if !first_fragment_or_whole {
        L4::Unknown
    } else {
        transport(
            s.transport.as_ref(),
            payload,
            ip_len.saturating_sub(l3_header_len),
        )
    };
    Decoded::Ip(Packet {
        vlan: vlans[0],
        inner_vlan: vlans[1],
        src,
        dst,
        proto,
        ip_len,
        fragment,
        l4,
    })
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]))
}
fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ]))
}

fn transport<'a>(
    t: Option<&TransportSlice<'a>>,
    ip: &LaxIpPayloadSlice<'a>,
    l4_wire_len: u32,
) -> L4<'a> {
    match t {
        Some(TransportSlice::Tcp(tcp)) => {
            let hs = tcp.header_slice();
            L4::Tcp(Tcp {
                src_port: tcp.source_port(),
                dst_port: tcp.destination_port(),
                seq: tcp.sequence_number(),
                ack: tcp.acknowledgment_number(),
                flags: hs.get(13).copied().unwrap_or(0),
                payload: tcp.payload(),
                payload_len: l4_wire_len.saturating_sub(hs.len() as u32),
                header_complete: true,
            })
        }
        Some(TransportSlice::Udp(udp)) => L4::Udp {
            src_port: udp.source_port(),
            dst_port: udp.destination_port(),
            payload: udp.payload(),
        },
        Some(TransportSlice::Icmpv4(icmp)) => {
            let t = icmp.type_u8();
            let b = icmp.bytes5to8();
            let (id, seq) = (
                u16::from_be_bytes([b[0], b[1]]),
                u16::from_be_bytes([b[2], b[3]]),
            );
            let kind = match t {
                8 => IcmpKind::EchoRequest { id, seq },
                0 => IcmpKind::EchoReply { id, seq },
                3 | 4 | 11 | 12 => IcmpKind::Error(quoted(icmp.payload())),
                _ => IcmpKind::Other,
            };
            L4::Icmp(Icmp {
                v6: false,
                icmp_type: t,
                code: icmp.code_u8(),
                kind,
            })
        }
        Some(TransportSlice::Icmpv6(icmp)) => {
            let t = icmp.type_u8();
            let b = icmp.bytes5to8();
            let (id, seq) = (
                u16::from_be_bytes([b[0], b[1]]),
                u16::from_be_bytes([b[2], b[3]]),
            );
            let kind = match t {
                128 => IcmpKind::EchoRequest { id, seq },
                129 => IcmpKind::EchoReply { id, seq },
                1..=4 => IcmpKind::Error(quoted(icmp.slice().get(8..).unwrap_or(&[]))),
                _ => IcmpKind::Other,
            };
            L4::Icmp(Icmp {
                v6: true,
                icmp_type: t,
                code: icmp.code_u8(),
                kind,
            })
        }
        _ => partial_transport(ip, l4_wire_len),
    }
}

/// Transport headers etherparse did not slice: a first fragment, or a header cut by the
/// snaplen. Whatever fields are present are taken; the rest stay zero.
fn partial_transport<'a>(ip: &LaxIpPayloadSlice<'a>, l4_wire_len: u32) -> L4<'a> {
    let p = ip.payload;
    let (Some(src_port), Some(dst_port)) = (be16(p, 0), be16(p, 2)) else {
        return L4::Unknown;
    };
    match IpProto::from_number(ip.ip_number.0) {
        IpProto::Tcp => {
            let header_len = p.get(12).map(|b| usize::from(b >> 4) * 4).unwrap_or(20);
            L4::Tcp(Tcp {
                src_port,
                dst_port,
                seq: be32(p, 4).unwrap_or(0),
                ack: be32(p, 8).unwrap_or(0),
                flags: p.get(13).copied().unwrap_or(0),
                payload: p.get(header_len..).unwrap_or(&[]),
                payload_len: l4_wire_len.saturating_sub(header_len as u32),
                header_complete: false,
            })
        }
        IpProto::Udp => L4::Udp {
            src_port,
            dst_port,
            payload: p.get(8..).unwrap_or(&[]),
        },
        _ => L4::Unknown,
    }
}

/// The packet quoted by an ICMP error: IP header plus at least 8 bytes of its transport.
fn quoted(bytes: &[u8]) -> Option<Quoted> {
    let inner = LaxSlicedPacket::from_ip(bytes).ok()?;
    let (src, dst, payload) = match inner.net.as_ref()? {
        LaxNetSlice::Ipv4(ip) => (
            IpAddr::V4(Ipv4Addr::from(ip.header().source())),
            IpAddr::V4(Ipv4Addr::from(ip.header().destination())),
            ip.payload().clone(),
        ),
        LaxNetSlice::Ipv6(ip) => (
            IpAddr::V6(Ipv6Addr::from(ip.header().source())),
            IpAddr::V6(Ipv6Addr::from(ip.header().destination())),
            ip.payload().clone(),
        ),
        LaxNetSlice::Arp(_) => return None,
    };
    let proto = IpProto::from_number(payload.ip_number.0);
    let p = payload.payload;
    let (src_port, dst_port) = match proto {
        IpProto::Tcp | IpProto::Udp => (be16(p, 0)?, be16(p, 2)?),
        // A quoted echo is identified by its id (bytes 4-5 of the ICMP header).
        IpProto::Icmp | IpProto::Icmpv6 => (be16(p, 4)?, 0),
        _ => (0, 0),
    };
    Some(Quoted {
        src,
        dst,
        proto,
        src_port,
        dst_port,
    })
}

/// Bytes of one IPv6 extension header, as validated by etherparse.
fn ext_len_of(ext: &etherparse::Ipv6ExtensionSlice<'_>) -> usize {
    use etherparse::Ipv6ExtensionSlice as E;
    match ext {
        E::HopByHop(h) | E::Routing(h) | E::DestinationOptions(h) => h.slice().len(),
        E::Fragment(f) => f.slice().len(),
        E::Authentication(a) => a.slice().len(),
    }
}

mod fast;

#[cfg(test)]
mod tests;

#[cfg(test)]
mod regression {
    use super::*;

    /// Fuzzing found (fuzz/artifacts-found/decode-ipv6-hop-by-hop-twice.bin) that an IPv6
    /// packet whose hop-by-hop header is followed by a second hop-by-hop header made the
    /// extension iterator read past the end of the frame (AddressSanitizer:
    /// heap-buffer-overflow in etherparse's from_slice_unchecked; a debug build panics in
    /// the unchecked-precondition check).
    #[test]
    fn ipv6_broken_extension_chain_is_not_read_past_its_end() {
        let mut f = vec![0u8; 14];
        f[12..14].copy_from_slice(&[0x86, 0xdd]);
        // IPv6: payload length 16, next header 0 (hop-by-hop), hop limit 64, :: -> ::.
        f.extend_from_slice(&[0x60, 0, 0, 0, 0, 16, 0, 64]);
        f.extend_from_slice(&[0; 32]);
        // Hop-by-hop (next: hop-by-hop again, which is invalid there), then the second one.
        f.extend_from_slice(&[0, 0, 1, 4, 0, 0, 0, 0]);
        f.extend_from_slice(&[17, 0, 1, 4, 0, 0, 0, 0]);
        for cut in 0..=f.len() {
            let _ = decode(LinkType::Ethernet, &f[..cut]);
        }
        let found =
            include_bytes!("../../../fuzz/artifacts-found/decode-ipv6-hop-by-hop-twice.bin");
        let _ = decode(LinkType::Ethernet, found);
    }
}
