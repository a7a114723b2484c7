use super::*;
use etherparse::PacketBuilder;

const MAC_A: [u8; 6] = [0x02, 0, 0, 0, 0, 1];
const MAC_B: [u8; 6] = [0x02, 0, 0, 0, 0, 2];

fn tcp_syn_v4() -> Vec<u8> {
    let b = PacketBuilder::ethernet2(MAC_A, MAC_B)
        .ipv4([10, 0, 0, 1], [10, 0, 0, 2], 64)
        .tcp(40000, 5481, 1000, 64240)
        .syn();
    let mut v = Vec::new();
    b.write(&mut v, &[]).unwrap();
    v
}

fn ip_of(d: Decoded<'_>) -> Packet<'_> {
    match d {
        Decoded::Ip(p) => p,
        other => panic!("not IP: {other:?}"),
    }
}

#[test]
fn ethernet_ipv4_tcp_syn() {
    let f = tcp_syn_v4();
    let p = ip_of(decode(LinkType::Ethernet, &f));
    assert_eq!(p.src, "10.0.0.1".parse::<IpAddr>().unwrap());
    assert_eq!(p.proto, IpProto::Tcp);
    assert_eq!(p.ip_len, 40);
    assert_eq!(p.vlan, 0);
    let L4::Tcp(t) = p.l4 else { panic!() };
    assert_eq!((t.src_port, t.dst_port), (40000, 5481));
    assert_eq!(t.flags & tcp_flags::SYN, tcp_flags::SYN);
    assert!(t.header_complete);
}

#[test]
fn vlan_and_qinq_tags_all_three_tpids() {
    // Ethernet header whose type is `outer`, VLAN tag 100 of type `inner`, VLAN tag 200, IPv4.
    for outer in [0x8100u16, 0x88a8, 0x9100] {
        let syn = tcp_syn_v4();
        let mut f = Vec::new();
        f.extend_from_slice(&syn[..12]);
        f.extend_from_slice(&outer.to_be_bytes());
        f.extend_from_slice(&100u16.to_be_bytes());
        f.extend_from_slice(&0x8100u16.to_be_bytes());
        f.extend_from_slice(&200u16.to_be_bytes());
        f.extend_from_slice(&0x0800u16.to_be_bytes());
        f.extend_from_slice(&syn[14..]);
        let p = ip_of(decode(LinkType::Ethernet, &f));
        assert_eq!((p.vlan, p.inner_vlan), (100, 200), "tpid {outer:#x}");
        assert_eq!(p.ip_len, 40, "VLAN tags do not change IP-layer bytes");
    }
}

#[test]
fn ipv6_with_extension_headers_udp() {
    let b = PacketBuilder::ethernet2(MAC_A, MAC_B)
        .ipv6([0xfd; 16], [0xfe; 16], 64)
        .udp(5353, 161);
    let mut v = Vec::new();
    b.write(&mut v, b"hello").unwrap();
    // Insert a hop-by-hop options header (8 bytes) after the IPv6 header.
    let mut f = v[..14].to_vec();
    let mut ip6 = v[14..54].to_vec();
    ip6[6] = 0; // next header: hop-by-hop
    let plen = u16::from_be_bytes([ip6[4], ip6[5]]) + 8;
    ip6[4..6].copy_from_slice(&plen.to_be_bytes());
    f.extend(ip6);
    f.extend([17u8, 0, 1, 4, 0, 0, 0, 0]); // next=UDP, len 0, PadN
    f.extend_from_slice(&v[54..]);
    let p = ip_of(decode(LinkType::Ethernet, &f));
    assert_eq!(p.proto, IpProto::Udp);
    assert_eq!(p.ip_len, 40 + 8 + 8 + 5);
    assert!(
        matches!(p.l4, L4::Udp { src_port: 5353, dst_port: 161, payload } if payload == b"hello")
    );
}

#[test]
fn linux_sll_sll2_null_loop_and_raw() {
    let syn = tcp_syn_v4();
    let ip = &syn[14..];
    let mut sll = vec![0, 0, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0, 0x08, 0x00];
    sll.extend_from_slice(ip);
    let mut sll2 = vec![
        0x08, 0x00, 0, 0, 0, 0, 0, 2, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0,
    ];
    sll2.extend_from_slice(ip);
    let mut null_le = 2u32.to_le_bytes().to_vec();
    null_le.extend_from_slice(ip);
    let mut null_be = 2u32.to_be_bytes().to_vec();
    null_be.extend_from_slice(ip);
    let mut lo = 2u32.to_be_bytes().to_vec();
    lo.extend_from_slice(ip);
    for (link, f) in [
        (LinkType::LinuxSll, &sll),
        (LinkType::LinuxSll2, &sll2),
        (LinkType::Null, &null_le),
        (LinkType::Null, &null_be),
        (LinkType::Loop, &lo),
        (LinkType::RawIp, &ip.to_vec()),
        (LinkType::Ipv4, &ip.to_vec()),
    ] {
        let p = ip_of(decode(link, f));
        assert_eq!(p.dst, "10.0.0.2".parse::<IpAddr>().unwrap(), "{link:?}");
        assert!(
            matches!(p.l4, L4::Tcp(ref t) if t.dst_port == 5481),
            "{link:?}"
        );
    }
}

#[test]
fn non_ip_frames_report_their_ethertype() {
    let mut arp = vec![0xff; 6];
    arp.extend_from_slice(&MAC_A);
    arp.extend_from_slice(&[0x08, 0x06]);
    arp.extend_from_slice(&[0, 1, 8, 0, 6, 4, 0, 1]);
    arp.extend_from_slice(&[0; 20]);
    assert_eq!(
        decode(LinkType::Ethernet, &arp),
        Decoded::NonIp { ether_type: 0x0806 }
    );
    let mut lldp = arp[..12].to_vec();
    lldp.extend_from_slice(&[0x88, 0xcc, 2, 7, 4, 0, 0, 0, 0, 0, 1]);
    assert_eq!(
        decode(LinkType::Ethernet, &lldp),
        Decoded::NonIp { ether_type: 0x88cc }
    );
    let mut stp = arp[..12].to_vec();
    stp.extend_from_slice(&[0x00, 0x26, 0x42, 0x42, 0x03, 0, 0]);
    assert_eq!(
        decode(LinkType::Ethernet, &stp),
        Decoded::NonIp { ether_type: 0 }
    );
}

#[test]
fn icmp_unreachable_quotes_the_tcp_syn() {
    let syn = tcp_syn_v4();
    let quote = &syn[14..14 + 28]; // IP header + first 8 bytes of TCP
    let b = PacketBuilder::ethernet2(MAC_B, MAC_A)
        .ipv4([10, 0, 0, 254], [10, 0, 0, 1], 64)
        .icmpv4(etherparse::Icmpv4Type::DestinationUnreachable(
            etherparse::icmpv4::DestUnreachableHeader::FilterProhibited,
        ));
    let mut f = Vec::new();
    b.write(&mut f, quote).unwrap();
    let p = ip_of(decode(LinkType::Ethernet, &f));
    let L4::Icmp(icmp) = p.l4 else { panic!() };
    assert_eq!((icmp.icmp_type, icmp.code), (3, 13));
    let IcmpKind::Error(Some(q)) = icmp.kind else {
        panic!("{icmp:?}")
    };
    assert_eq!(q.src, "10.0.0.1".parse::<IpAddr>().unwrap());
    assert_eq!(
        (q.proto, q.src_port, q.dst_port),
        (IpProto::Tcp, 40000, 5481)
    );
}

#[test]
fn first_fragment_has_ports_later_fragments_do_not() {
    let b = PacketBuilder::ethernet2(MAC_A, MAC_B)
        .ipv4([10, 0, 0, 1], [10, 0, 0, 2], 64)
        .udp(1111, 53);
    let mut f = Vec::new();
    b.write(&mut f, &[0u8; 32]).unwrap();
    // Set More Fragments on the first fragment.
    f[14 + 6] = 0x20;
    let p = ip_of(decode(LinkType::Ethernet, &f));
    assert_eq!(
        p.fragment,
        Some(Fragment {
            id: 0,
            offset: 0,
            more: true
        })
    );
    assert!(matches!(
        p.l4,
        L4::Udp {
            src_port: 1111,
            dst_port: 53,
            ..
        }
    ));
    // A later fragment: offset 5 (40 bytes), no more fragments.
    f[14 + 6] = 0x00;
    f[14 + 7] = 5;
    let p = ip_of(decode(LinkType::Ethernet, &f));
    assert_eq!(p.fragment.map(|x| x.offset), Some(5));
    assert_eq!(p.l4, L4::Unknown);
}

#[test]
fn snaplen_cut_tcp_header_still_gives_ports_and_ip_length() {
    let b = PacketBuilder::ethernet2(MAC_A, MAC_B)
        .ipv4([10, 0, 0, 1], [10, 0, 0, 2], 64)
        .tcp(40000, 21, 1, 100)
        .ack(1);
    let mut f = Vec::new();
    b.write(&mut f, &[b'x'; 100]).unwrap();
    let cut = &f[..14 + 20 + 16]; // TCP header cut at 16 of 20 bytes
    let p = ip_of(decode(LinkType::Ethernet, cut));
    assert_eq!(p.ip_len, 140, "IP length from the header, not the capture");
    let L4::Tcp(t) = p.l4 else {
        panic!("{:?}", p.l4)
    };
    assert_eq!((t.src_port, t.dst_port), (40000, 21));
    assert!(!t.header_complete);
    assert_eq!(t.flags & tcp_flags::ACK, tcp_flags::ACK);
}

#[test]
fn every_truncation_length_of_every_header_decodes_without_panic() {
    let mut frames = vec![tcp_syn_v4()];
    let b = PacketBuilder::ethernet2(MAC_A, MAC_B)
        .single_vlan(7.try_into().unwrap())
        .ipv6([1; 16], [2; 16], 64)
        .udp(1, 2);
    let mut v = Vec::new();
    b.write(&mut v, b"abcdef").unwrap();
    frames.push(v);
    let b = PacketBuilder::ethernet2(MAC_A, MAC_B)
        .ipv4([10, 0, 0, 1], [10, 0, 0, 2], 64)
        .icmpv4_echo_request(1, 2);
    let mut v = Vec::new();
    b.write(&mut v, b"ping").unwrap();
    frames.push(v);
    for f in &frames {
        for len in 0..=f.len() {
            for link in [
                LinkType::Ethernet,
                LinkType::LinuxSll,
                LinkType::LinuxSll2,
                LinkType::Null,
                LinkType::RawIp,
            ] {
                let d = decode(link, &f[..len]);
                if let (LinkType::Ethernet, Decoded::Ip(p)) = (link, &d) {
                    // Whatever was decoded keeps the header's IP length.
                    assert!(p.ip_len >= 20);
                }
            }
        }
        // Below 14 bytes an Ethernet frame is a link error, never IP.
        assert_eq!(
            decode(LinkType::Ethernet, &f[..13]),
            Decoded::Error(DecodeError::TruncatedLink)
        );
    }
}

#[test]
fn icmp_echo_ids() {
    let b = PacketBuilder::ethernet2(MAC_A, MAC_B)
        .ipv4([10, 0, 0, 1], [10, 0, 0, 2], 64)
        .icmpv4_echo_request(0x1234, 7);
    let mut f = Vec::new();
    b.write(&mut f, b"ping").unwrap();
    let p = ip_of(decode(LinkType::Ethernet, &f));
    let L4::Icmp(i) = p.l4 else { panic!() };
    assert_eq!(i.kind, IcmpKind::EchoRequest { id: 0x1234, seq: 7 });
}

mod props {
    use super::*;
    use proptest::prelude::*;
    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            for link in [LinkType::Ethernet, LinkType::LinuxSll, LinkType::LinuxSll2, LinkType::Null, LinkType::Loop, LinkType::RawIp] {
                let _ = decode(link, &bytes);
            }
        }
    }
}
