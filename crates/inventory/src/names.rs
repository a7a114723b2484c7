//! Names hosts announce on the wire, read from UDP datagrams beside the flow table.
//!
//! Only datagrams to or from the name ports are looked at (DNS 53, NetBIOS name service
//! 137, DHCP 67/68, mDNS 5353, LLMNR 5355, EtherNet/IP 44818). Memory is bounded: at most
//! [`MAX_ADDRESSES`] addresses, [`MAX_NAMES_PER_ADDRESS`] names each.

use std::collections::{BTreeMap, BTreeSet};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::{Arc, Mutex};

use tapaudit_pipeline::{Datagram, DatagramObserver};

/// Addresses whose names are kept at most.
pub const MAX_ADDRESSES: usize = 65_536;
/// Names kept per address at most.
pub const MAX_NAMES_PER_ADDRESS: usize = 8;
/// DHCP clients (hardware addresses) remembered at most between request and ack.
const MAX_DHCP_CLIENTS: usize = 4096;

/// Where a name came from; the better sources name a host first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameSource {
    /// A DHCP client's own host name (option 12).
    Dhcp,
    /// A NetBIOS name registration or positive answer.
    NetBios,
    /// An mDNS or LLMNR answer.
    Multicast,
    /// A DNS answer (A or AAAA record).
    Dns,
    /// An EtherNet/IP ListIdentity reply's product name.
    EnipIdentity,
}

impl NameSource {
    pub fn as_str(self) -> &'static str {
        match self {
            NameSource::Dhcp => "DHCP host name",
            NameSource::NetBios => "NetBIOS name service",
            NameSource::Multicast => "mDNS/LLMNR answer",
            NameSource::Dns => "DNS answer",
            NameSource::EnipIdentity => "EtherNet/IP identity",
        }
    }
}

/// Every name seen per address (as sent, sanitised when written).
#[derive(Clone, Debug, Default)]
pub struct Names {
    by_address: BTreeMap<IpAddr, BTreeSet<(NameSource, String)>>,
    dhcp_names: BTreeMap<[u8; 6], String>,
}

impl Names {
    /// The names of an address, best source first.
    pub fn of(&self, ip: IpAddr) -> impl Iterator<Item = (NameSource, &str)> {
        self.by_address
            .get(&ip)
            .into_iter()
            .flatten()
            .map(|(s, n)| (*s, n.as_str()))
    }

    pub fn add(&mut self, ip: IpAddr, source: NameSource, name: &str) {
        let name = name.trim().trim_end_matches('.').trim();
        if name.is_empty() || ip.is_unspecified() || ip.is_multicast() {
            return;
        }
        if !self.by_address.contains_key(&ip) && self.by_address.len() >= MAX_ADDRESSES {
            return;
        }
        let set = self.by_address.entry(ip).or_default();
        if set.len() < MAX_NAMES_PER_ADDRESS {
            set.insert((source, name.chars().take(255).collect()));
        }
    }

    /// Reads one datagram; anything malformed is ignored.
    pub fn datagram(&mut self, d: &Datagram<'_>) {
        let ports = [d.src_port, d.dst_port];
        if d.src_port == 53 {
            self.dns(d.payload, NameSource::Dns);
        } else if ports.contains(&5353) || ports.contains(&5355) {
            self.dns(d.payload, NameSource::Multicast);
        } else if ports.contains(&137) {
            self.netbios(d.payload);
        } else if ports.contains(&67) || ports.contains(&68) {
            self.dhcp(d.payload);
        } else if d.src_port == 44818 {
            if let Some(name) = enip_list_identity_name(d.payload) {
                self.add(d.src, NameSource::EnipIdentity, &name);
            }
        }
    }

    fn dns(&mut self, payload: &[u8], source: NameSource) {
        let Ok(packet) = simple_dns::Packet::parse(payload) else {
            return;
        };
        if !packet.has_flags(simple_dns::PacketFlag::RESPONSE) {
            return;
        }
        for rr in packet
            .answers
            .iter()
            .chain(packet.additional_records.iter())
        {
            let ip = match &rr.rdata {
                simple_dns::rdata::RData::A(a) => IpAddr::V4(Ipv4Addr::from(a.address)),
                simple_dns::rdata::RData::AAAA(a) => IpAddr::V6(Ipv6Addr::from(a.address)),
                _ => continue,
            };
            self.add(ip, source, &rr.name.to_string());
        }
    }

    /// NetBIOS name service (RFC 1002): NB records of registrations and answers.
    fn netbios(&mut self, p: &[u8]) {
        let count = |i: usize| usize::from(u16::from_be_bytes([p[i], p[i + 1]]));
        if p.len() < 12 {
            return;
        }
        let (qd, rr) = (count(4), count(6) + count(8) + count(10));
        let mut at = 12;
        for _ in 0..qd.min(4) {
            let Some((_, next)) = nb_name(p, at) else {
                return;
            };
            at = next + 4;
        }
        for _ in 0..rr.min(8) {
            let Some((name, next)) = nb_name(p, at) else {
                return;
            };
            let Some(head) = p.get(next..next + 10) else {
                return;
            };
            let rtype = u16::from_be_bytes([head[0], head[1]]);
            let len = usize::from(u16::from_be_bytes([head[8], head[9]]));
            let Some(rdata) = p.get(next + 10..next + 10 + len) else {
                return;
            };
            at = next + 10 + len;
            // NB: flags (2) + IPv4 (4) per entry; suffix 0x00 workstation, 0x20 server.
            if rtype == 0x0020 && matches!(name.1, 0x00 | 0x20) {
                for e in rdata.chunks_exact(6) {
                    let ip = IpAddr::V4(Ipv4Addr::new(e[2], e[3], e[4], e[5]));
                    self.add(ip, NameSource::NetBios, &name.0);
                }
            }
        }
    }

    /// DHCP: a client's host name (option 12), tied to its address by its request (option
    /// 50, ciaddr) or by the server's ACK (yiaddr).
    fn dhcp(&mut self, p: &[u8]) {
        if p.len() < 240 || p[236..240] != [99, 130, 83, 99] {
            return;
        }
        let op = p[0];
        let ip_at = |i: usize| Ipv4Addr::new(p[i], p[i + 1], p[i + 2], p[i + 3]);
        let mut chaddr = [0u8; 6];
        chaddr.copy_from_slice(&p[28..34]);
        let (mut host, mut requested, mut kind) = (None, None, 0u8);
        let mut i = 240;
        while i + 1 < p.len() && p[i] != 255 {
            if p[i] == 0 {
                i += 1;
                continue;
            }
            let len = usize::from(p[i + 1]);
            let Some(v) = p.get(i + 2..i + 2 + len) else {
                break;
            };
            match (p[i], len) {
                (12, _) => host = Some(String::from_utf8_lossy(v).into_owned()),
                (50, 4) => requested = Some(Ipv4Addr::new(v[0], v[1], v[2], v[3])),
                (53, 1) => kind = v[0],
                _ => {}
            }
            i += 2 + len;
        }
        if op == 1 {
            let Some(h) = host else { return };
            let ip = Some(ip_at(12))
                .filter(|a| !a.is_unspecified())
                .or(requested);
            if let Some(ip) = ip {
                self.add(IpAddr::V4(ip), NameSource::Dhcp, &h);
            }
            if self.dhcp_names.len() < MAX_DHCP_CLIENTS || self.dhcp_names.contains_key(&chaddr) {
                self.dhcp_names.insert(chaddr, h);
            }
        } else if op == 2 && kind == 5 {
            let yiaddr = ip_at(16);
            let name = host.or_else(|| self.dhcp_names.get(&chaddr).cloned());
            if let (Some(n), false) = (name, yiaddr.is_unspecified()) {
                self.add(IpAddr::V4(yiaddr), NameSource::Dhcp, &n);
            }
        }
    }
}

/// A NetBIOS name at `at` (first-level encoded, or a pointer to one): (name without
/// padding, suffix byte), and the offset after it.
fn nb_name(p: &[u8], at: usize) -> Option<((String, u8), usize)> {
    let len = *p.get(at)?;
    let (start, next) = if len & 0xC0 == 0xC0 {
        let ptr = usize::from(u16::from_be_bytes([len & 0x3F, *p.get(at + 1)?]));
        (ptr, at + 2)
    } else {
        (at, at + 1 + usize::from(len) + 1)
    };
    if *p.get(start)? != 32 {
        return None;
    }
    let enc = p.get(start + 1..start + 33)?;
    let mut raw = [0u8; 16];
    for (i, pair) in enc.chunks_exact(2).enumerate() {
        let hi = pair[0].checked_sub(b'A')?;
        let lo = pair[1].checked_sub(b'A')?;
        if hi > 15 || lo > 15 {
            return None;
        }
        raw[i] = (hi << 4) | lo;
    }
    let name = String::from_utf8_lossy(&raw[..15]).trim_end().to_string();
    Some(((name, raw[15]), next))
}

/// The product name of an EtherNet/IP ListIdentity reply (command 0x63, CIP identity
/// item 0x0C), if that is what the datagram is.
fn enip_list_identity_name(p: &[u8]) -> Option<String> {
    let u16le =
        |i: usize| -> Option<u16> { Some(u16::from_le_bytes([*p.get(i)?, *p.get(i + 1)?])) };
    if u16le(0)? != 0x0063 || p.len() < 26 || u16le(24)? == 0 {
        return None;
    }
    // Item type (2), length (2), version (2), socket address (16), vendor, device type,
    // product code (2 each), revision (2), status (2), serial (4), name length (1).
    let item = 26;
    if u16le(item)? != 0x000C {
        return None;
    }
    let name_at = item + 4 + 2 + 16 + 2 + 2 + 2 + 2 + 2 + 4;
    let len = usize::from(*p.get(name_at)?);
    let name = p.get(name_at + 1..name_at + 1 + len)?;
    Some(String::from_utf8_lossy(name).into_owned())
}

/// The [`DatagramObserver`] of a draft: reads name datagrams into [`Names`] shared with
/// the caller.
pub struct NameObserver(pub Arc<Mutex<Names>>);

/// The UDP ports names are announced on.
pub const NAME_PORTS: [u16; 7] = [53, 137, 67, 68, 5353, 5355, 44818];

impl DatagramObserver for NameObserver {
    fn wants(&self, src_port: u16, dst_port: u16) -> bool {
        NAME_PORTS.contains(&src_port) || NAME_PORTS.contains(&dst_port)
    }

    fn datagram(&mut self, d: &Datagram<'_>) {
        if let Ok(mut names) = self.0.lock() {
            names.datagram(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dg(src_port: u16, dst_port: u16, payload: &[u8]) -> Datagram<'_> {
        Datagram {
            ts: tapaudit_vocab::Timestamp::from_secs_nanos(0, 0),
            src: "10.0.0.9".parse().unwrap(),
            dst: "10.0.0.1".parse().unwrap(),
            src_port,
            dst_port,
            payload,
        }
    }

    fn encode_nb(name: &str, suffix: u8) -> Vec<u8> {
        let mut raw = [b' '; 16];
        raw[..name.len()].copy_from_slice(name.as_bytes());
        raw[15] = suffix;
        let mut v = vec![32];
        for b in raw {
            v.push(b'A' + (b >> 4));
            v.push(b'A' + (b & 15));
        }
        v.push(0);
        v
    }

    #[test]
    fn netbios_registration_names_its_address() {
        // Registration request: 1 question, 1 additional NB record pointing at it.
        let mut p = vec![0, 1, 0x29, 0x10, 0, 1, 0, 0, 0, 0, 0, 1];
        p.extend(encode_nb("ENG-WS", 0));
        p.extend([0, 0x20, 0, 1]);
        p.extend([0xC0, 12, 0, 0x20, 0, 1, 0, 0, 0, 0, 0, 6, 0, 0, 10, 0, 0, 9]);
        let mut n = Names::default();
        n.datagram(&dg(137, 137, &p));
        let got: Vec<_> = n.of("10.0.0.9".parse().unwrap()).collect();
        assert_eq!(got, [(NameSource::NetBios, "ENG-WS")]);
    }

    #[test]
    fn dns_answers_name_addresses() {
        let mut b = simple_dns::Packet::new_reply(1);
        b.answers.push(simple_dns::ResourceRecord::new(
            simple_dns::Name::new_unchecked("plc-a.plant.example"),
            simple_dns::CLASS::IN,
            60,
            simple_dns::rdata::RData::A(simple_dns::rdata::A {
                address: u32::from(Ipv4Addr::new(10, 0, 0, 7)),
            }),
        ));
        let bytes = b.build_bytes_vec().unwrap();
        let mut n = Names::default();
        n.datagram(&dg(53, 40000, &bytes));
        let got: Vec<_> = n.of("10.0.0.7".parse().unwrap()).collect();
        assert_eq!(got, [(NameSource::Dns, "plc-a.plant.example")]);
        // Garbage is ignored, never a panic.
        n.datagram(&dg(53, 1, &[0xff; 7]));
        n.datagram(&dg(137, 137, &[0xff; 40]));
        n.datagram(&dg(44818, 1, &[0x63, 0, 0xff]));
    }

    #[test]
    fn enip_identity_and_dhcp() {
        let mut p = vec![0u8; 24];
        p[0] = 0x63;
        p.extend([1, 0, 0x0C, 0, 40, 0, 1, 0]);
        p.extend([0u8; 16 + 2 + 2 + 2 + 2 + 2 + 4]);
        p.push(9);
        p.extend(b"1756-L83E");
        p.push(3);
        let mut n = Names::default();
        n.datagram(&dg(44818, 2222, &p));
        let got: Vec<_> = n.of("10.0.0.9".parse().unwrap()).collect();
        assert_eq!(got, [(NameSource::EnipIdentity, "1756-L83E")]);

        let mut d = vec![0u8; 240];
        d[0] = 1;
        d[28..34].copy_from_slice(&[1, 2, 3, 4, 5, 6]);
        d[236..240].copy_from_slice(&[99, 130, 83, 99]);
        d.extend([53, 1, 3, 50, 4, 10, 0, 0, 33, 12, 4]);
        d.extend(b"hmi1");
        d.push(255);
        n.datagram(&dg(68, 67, &d));
        let got: Vec<_> = n.of("10.0.0.33".parse().unwrap()).collect();
        assert_eq!(got, [(NameSource::Dhcp, "hmi1")]);
    }
}
