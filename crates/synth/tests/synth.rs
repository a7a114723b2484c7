//! End-to-end checks of the generated captures: determinism, well-formedness (every frame
//! decodes with etherparse, checksums verify, time never goes backwards), the committed demo
//! matching the code, and exact flood counts.

use std::collections::HashSet;

use etherparse::{NetSlice, SlicedPacket, TransportSlice};
use pcap_parser::traits::PcapReaderIterator;
use pcap_parser::{LegacyPcapReader, PcapBlockOwned, PcapError};
use tapaudit_synth::{
    write_pcap, Scenario, SynthConfig, SynthSummary, DEMO_FTP_PASSWORD, DEMO_SITE_TOML,
};

fn gen(scenario: Scenario, seed: u64, target: u64, count: u64) -> (Vec<u8>, SynthSummary) {
    let cfg = SynthConfig {
        scenario,
        seed,
        target_bytes: target,
        count,
    };
    let mut v = Vec::new();
    let s = write_pcap(&cfg, &mut v).unwrap();
    (v, s)
}

/// Every record of a classic pcap: (timestamp in microseconds, frame bytes).
fn records(file: &[u8]) -> Vec<(u64, Vec<u8>)> {
    let mut reader = LegacyPcapReader::new(1 << 16, file).unwrap();
    let mut out = Vec::new();
    loop {
        match reader.next() {
            Ok((offset, block)) => {
                match block {
                    PcapBlockOwned::LegacyHeader(h) => {
                        assert_eq!(h.network.0, 1, "link type Ethernet");
                        assert_eq!(h.magic_number, 0xa1b2_c3d4, "microsecond pcap");
                    }
                    PcapBlockOwned::Legacy(b) => {
                        assert_eq!(b.caplen, b.origlen);
                        out.push((
                            b.ts_sec as u64 * 1_000_000 + b.ts_usec as u64,
                            b.data.to_vec(),
                        ));
                    }
                    PcapBlockOwned::NG(_) => panic!("pcapng block in a classic pcap"),
                }
                reader.consume(offset);
            }
            Err(PcapError::Eof) => break,
            Err(PcapError::Incomplete(_)) => reader.refill().unwrap(),
            Err(e) => panic!("pcap error: {e:?}"),
        }
    }
    out
}

/// A TCP segment: source, destination, source port, destination port, flags, payload.
type Seg = ([u8; 4], [u8; 4], u16, u16, u8, Vec<u8>);

/// Decodes every frame, verifies IPv4/TCP/UDP/ICMP checksums and timestamp order.
/// Returns the TCP payloads by (src, dst, sport, dport) in order, for content checks.
fn check_well_formed(file: &[u8], expected_packets: u64) -> Vec<Seg> {
    let recs = records(file);
    assert_eq!(recs.len() as u64, expected_packets);
    let mut last = 0;
    let mut tcp = Vec::new();
    for (i, (ts, f)) in recs.iter().enumerate() {
        assert!(*ts >= last, "packet {i}: time goes backwards");
        last = *ts;
        assert!(
            f.len() >= 60 && f.len() <= 1522,
            "packet {i}: frame length {}",
            f.len()
        );
        let p = SlicedPacket::from_ethernet(f).unwrap_or_else(|e| panic!("packet {i}: {e}"));
        let Some(NetSlice::Ipv4(ip)) = &p.net else {
            continue;
        };
        let h = ip.header().to_header();
        assert_eq!(
            h.header_checksum,
            h.calc_header_checksum(),
            "packet {i}: IPv4 checksum"
        );
        let payload = ip.payload().payload;
        match &p.transport {
            Some(TransportSlice::Tcp(t)) => {
                let want = t.to_header().calc_checksum_ipv4(&h, t.payload()).unwrap();
                assert_eq!(t.checksum(), want, "packet {i}: TCP checksum");
                tcp.push((
                    h.source,
                    h.destination,
                    t.source_port(),
                    t.destination_port(),
                    t.slice()[13],
                    t.payload().to_vec(),
                ));
            }
            Some(TransportSlice::Udp(u)) => {
                let want = u.to_header().calc_checksum_ipv4(&h, u.payload()).unwrap();
                assert_eq!(u.checksum(), want, "packet {i}: UDP checksum");
            }
            Some(TransportSlice::Icmpv4(c)) => {
                let want = c.header().icmp_type.calc_checksum(c.payload());
                assert_eq!(c.checksum(), want, "packet {i}: ICMP checksum");
            }
            other => panic!(
                "packet {i}: unexpected transport {other:?} ({} bytes)",
                payload.len()
            ),
        }
    }
    tcp
}

#[test]
fn scenario_names_round_trip() {
    for s in Scenario::ALL {
        assert_eq!(s.to_string().parse::<Scenario>().unwrap(), s);
    }
    assert_eq!(
        "pasv-flood".parse::<Scenario>().unwrap(),
        Scenario::PasvFlood
    );
    assert!("plants".parse::<Scenario>().is_err());
}

#[test]
fn plant_is_deterministic_and_seeded() {
    let (a, sa) = gen(Scenario::Plant, 1, 3 << 20, 0);
    let (b, sb) = gen(Scenario::Plant, 1, 3 << 20, 0);
    let (c, _) = gen(Scenario::Plant, 2, 3 << 20, 0);
    assert_eq!(sa, sb);
    assert!(a == b, "same seed, same bytes");
    assert!(a != c, "different seed, different bytes");
    assert_eq!(sa.bytes, a.len() as u64);
}

#[test]
fn plant_stops_at_about_the_target_size() {
    for target in [100_000u64, 4 << 20] {
        let (f, s) = gen(Scenario::Plant, 7, target, 0);
        assert!(
            s.bytes >= target && s.bytes < target + 1600,
            "{} for {target}",
            s.bytes
        );
        assert_eq!(f.len() as u64, s.bytes);
    }
}

#[test]
fn plant_is_well_formed_and_mixed() {
    let (f, s) = gen(Scenario::Plant, 3, 8 << 20, 0);
    let tcp = check_well_formed(&f, s.packets);
    // every dynamic-port protocol appears
    let has = |port: u16| tcp.iter().any(|t| t.3 == port);
    for port in [21, 111, 135, 1433, 443, 5481, 44818, 5808, 3389, 22, 445] {
        assert!(has(port), "no TCP to port {port}");
    }
    let pasv = tcp.iter().filter(|t| t.5.starts_with(b"227 ")).count();
    assert!(pasv > 0 || s.bytes < (4 << 20));
    assert!(s.flows > 50);
}

#[test]
fn plant_packets_are_mostly_cip_io() {
    // Past the start-up (every activity fires once early), CIP I/O dominates the packet count.
    let (f, _) = gen(Scenario::Plant, 3, 48 << 20, 0);
    let recs = records(&f);
    let tail = &recs[recs.len() / 2..];
    let cip = tail
        .iter()
        .filter(|(_, f)| f.len() < 200 && f.windows(4).any(|w| w == [0x02, 0x00, 0x02, 0x80]))
        .count();
    assert!(
        cip * 2 > tail.len(),
        "CIP I/O should be most packets: {cip} of {}",
        tail.len()
    );
}

#[test]
fn demo_matches_the_committed_capture() {
    let (f, s) = gen(Scenario::Demo, 99, 123, 456);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../captures/demo/demo.pcap");
    let committed = std::fs::read(path).unwrap();
    assert!(
        f == committed,
        "captures/demo/demo.pcap is stale: regenerate it with \
         `cargo run -p tapaudit-synth --example synth -- demo 0 0 captures/demo/demo.pcap`"
    );
    assert!(
        s.packets > 200 && s.packets < 1000,
        "a few hundred packets: {}",
        s.packets
    );
    // the seed does not matter for the demo
    assert!(gen(Scenario::Demo, 1, 0, 0).0 == f);
}

#[test]
fn demo_carries_every_announcement_and_failure() {
    let (f, s) = gen(Scenario::Demo, 0, 0, 0);
    let tcp = check_well_formed(&f, s.packets);
    let text = |needle: &[u8]| {
        tcp.iter()
            .any(|t| t.5.windows(needle.len()).any(|w| w == needle))
    };
    assert!(text(b"(10,40,1,40,12,55)"), "PASV 3127 on hcu400-01");
    assert!(text(b"(10,40,1,20,175,200)"), "PASV 45000 on hcu200-01");
    assert!(text(b"(10,40,1,41,156,64)"), "PASV 40000 on hcu400-02");
    assert!(text(format!("PASS {DEMO_FTP_PASSWORD}\r\n").as_bytes()));
    // the data connections go to the announced ports
    for port in [3127, 45000, 40000, 812, 901, 733, 655, 49731, 49733] {
        assert!(
            tcp.iter().any(|t| t.3 == port && t.4 == 0x02),
            "no SYN to {port}"
        );
    }
    // refused: RST/ACK from hcu1500-01's RPC service port 655
    assert!(tcp
        .iter()
        .any(|t| t.0 == [10, 40, 1, 50] && t.2 == 655 && t.4 & 0x04 != 0));
    // unanswered: 3 SYNs to hcu400-02's RPC service port 733 and nothing back
    assert_eq!(
        tcp.iter()
            .filter(|t| t.1 == [10, 40, 1, 41] && t.3 == 733)
            .count(),
        3
    );
    assert_eq!(
        tcp.iter()
            .filter(|t| t.0 == [10, 40, 1, 41] && t.2 == 733)
            .count(),
        0
    );
    // blocked: ICMP 3/13 quoting hcu1500-01's SYN to its event link 50324
    let recs = records(&f);
    let icmp13: Vec<_> = recs
        .iter()
        .filter_map(|(_, f)| {
            let p = SlicedPacket::from_ethernet(f).ok()?;
            match p.transport {
                Some(TransportSlice::Icmpv4(c)) if c.type_u8() == 3 && c.code_u8() == 13 => {
                    Some(c.payload().to_vec())
                }
                _ => None,
            }
        })
        .collect();
    assert_eq!(icmp13.len(), 2);
    for q in icmp13 {
        assert_eq!(q.len(), 28, "IP header + 8 bytes of TCP");
        assert_eq!(&q[12..20], &[10, 40, 1, 50, 10, 40, 0, 10]);
        assert_eq!(&q[22..24], &50324u16.to_be_bytes());
    }
    assert!(DEMO_SITE_TOML.contains("expires = \"2026-01-31\""));
}

#[test]
fn syn_flood_count_is_exact() {
    let (f, s) = gen(Scenario::SynFlood, 5, 0, 2_000);
    assert_eq!(s.packets, 2_000);
    let tcp = check_well_formed(&f, 2_000);
    assert!(tcp.iter().all(|t| t.4 == 0x02));
    let flows: HashSet<_> = tcp.iter().map(|t| (t.0, t.2, t.3)).collect();
    assert!(
        flows.len() > 1_990,
        "sources and ports are random: {}",
        flows.len()
    );
    assert!(gen(Scenario::SynFlood, 5, 0, 2_000).0 == f);
}

#[test]
fn udp_port_flood_ports_are_distinct() {
    let n = 70_000; // more than one address's worth of ports
    let (f, s) = gen(Scenario::UdpPortFlood, 0, 0, n);
    assert_eq!(s.packets, n);
    let recs = records(&f);
    let mut seen = HashSet::new();
    for (_, fr) in &recs {
        let p = SlicedPacket::from_ethernet(fr).unwrap();
        let (Some(NetSlice::Ipv4(ip)), Some(TransportSlice::Udp(u))) = (&p.net, &p.transport)
        else {
            panic!("not UDP")
        };
        assert_eq!(ip.header().source(), [10, 20, 0, 66]);
        seen.insert((ip.header().destination(), u.destination_port()));
    }
    assert_eq!(seen.len() as u64, n);
    assert_eq!(
        seen.iter().filter(|k| k.0 == [10, 20, 0, 10]).count(),
        65_535
    );
}

#[test]
fn pasv_flood_announces_count_distinct_ports() {
    let n = 3_000;
    let (f, s) = gen(Scenario::PasvFlood, 0, 0, n);
    let tcp = check_well_formed(&f, s.packets);
    let replies: Vec<&Vec<u8>> = tcp
        .iter()
        .map(|t| &t.5)
        .filter(|p| p.starts_with(b"227 "))
        .collect();
    assert_eq!(replies.len() as u64, n);
    let distinct: HashSet<_> = replies.iter().collect();
    assert_eq!(distinct.len() as u64, n);
    // one control connection, no data connection
    let conns: HashSet<_> = tcp.iter().map(|t| (t.2.min(t.3), t.2.max(t.3))).collect();
    assert_eq!(conns.len(), 1);
    assert_eq!(s.flows, 1);
}
