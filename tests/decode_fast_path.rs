//! `decode` takes a fast path for plain Ethernet TCP/UDP packets (crates/decode/src/fast.rs).
//! It must give exactly what the general path (etherparse's lax slicer) gives: compared here
//! frame by frame over every bundled capture and a generated plant capture, then on
//! truncated, bit-flipped and random frames, where the fast path must either agree or step
//! aside.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use tapaudit_capture::CaptureFile;
use tapaudit_decode::{decode, decode_general, Decoded};
use tapaudit_vocab::LinkType;

/// Every frame of every capture under captures/ that the reader can read, with its link.
fn bundled_frames() -> Vec<(LinkType, Vec<u8>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("captures");
    let mut files = Vec::new();
    collect_captures(&root, &mut files);
    assert!(files.len() >= 20, "captures/ not found: {}", root.display());
    let mut frames = Vec::new();
    for path in files {
        let Ok(file) = CaptureFile::open(&path) else {
            continue; // the corrupt corpus has files that do not open; their frames are tested elsewhere
        };
        let mut reader = file.reader(0);
        while let Some(Ok(frame)) = reader.next() {
            frames.push((frame.link, frame.data.to_vec()));
        }
    }
    frames
}

fn collect_captures(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_captures(&p, out);
        } else if let Some(name) = p.file_name().and_then(|n| n.to_str()) {
            if name.ends_with(".pcap") || name.ends_with(".pcapng") || name.ends_with(".pcap.gz") {
                out.push(p);
            }
        }
    }
}

fn plant_frames() -> Vec<(LinkType, Vec<u8>)> {
    let mut cfg = tapaudit_synth::SynthConfig::new(tapaudit_synth::Scenario::Plant);
    cfg.target_bytes = 2 << 20;
    let mut pcap = Vec::new();
    tapaudit_synth::write_pcap(&cfg, &mut pcap).unwrap();
    let file = CaptureFile::from_bytes("plant.pcap", pcap).unwrap();
    let mut reader = file.reader(0);
    let mut frames = Vec::new();
    while let Some(Ok(frame)) = reader.next() {
        frames.push((frame.link, frame.data.to_vec()));
    }
    frames
}

fn assert_same(link: LinkType, frame: &[u8], what: &str) {
    let fast = decode(link, frame);
    let general = decode_general(link, frame);
    assert_eq!(fast, general, "{what}: frame {frame:02x?}");
}

fn is_fast_path_shape(d: &Decoded<'_>) -> bool {
    matches!(d, Decoded::Ip(p) if p.fragment.is_none()
        && matches!(p.l4, tapaudit_decode::L4::Tcp(_) | tapaudit_decode::L4::Udp { .. }))
}

#[test]
fn fast_path_equals_general_path_on_every_bundled_frame() {
    let frames = bundled_frames();
    let mut ethernet_tcp_udp = 0;
    for (i, (link, f)) in frames.iter().enumerate() {
        assert_same(*link, f, &format!("bundled frame {i}"));
        if *link == LinkType::Ethernet && is_fast_path_shape(&decode(*link, f)) {
            ethernet_tcp_udp += 1;
        }
    }
    // The comparison means something only if the fast path was exercised a lot.
    eprintln!(
        "{} frames, {ethernet_tcp_udp} on the fast path",
        frames.len()
    );
    assert!(frames.len() > 5_000, "{} frames", frames.len());
    assert!(
        ethernet_tcp_udp > 2_000,
        "{ethernet_tcp_udp} fast-path frames"
    );
}

#[test]
fn fast_path_equals_general_path_on_generated_plant_traffic() {
    let frames = plant_frames();
    assert!(frames.len() > 2_000);
    for (i, (link, f)) in frames.iter().enumerate() {
        assert_same(*link, f, &format!("plant frame {i}"));
    }
}

/// Every truncation of the first bytes and single-byte changes in the headers of a sample
/// of real frames: wrong lengths, versions, header lengths, fragment bits, VLAN types.
#[test]
fn fast_path_equals_general_path_on_cut_and_damaged_frames() {
    let mut frames = bundled_frames();
    frames.extend(plant_frames());
    let ethernet: Vec<_> = frames
        .iter()
        .filter(|(l, _)| *l == LinkType::Ethernet)
        .step_by(17)
        .take(300)
        .collect();
    assert!(ethernet.len() >= 100);
    for (_, f) in ethernet {
        for cut in 0..f.len().min(100) {
            assert_same(LinkType::Ethernet, &f[..cut], "truncated");
        }
        let mut damaged = f.clone();
        for at in 12..f.len().min(90) {
            for value in [
                0x00,
                0xff,
                f[at] ^ 0x01,
                f[at] ^ 0x10,
                f[at] ^ 0x80,
                0x06,
                0x11,
            ] {
                damaged[at] = value;
                assert_same(LinkType::Ethernet, &damaged, "damaged");
            }
            damaged[at] = f[at];
        }
    }
}

/// An Ethernet header (one or two VLAN tags or none) in front of random bytes: mostly
/// garbage, but with the version nibble and protocol numbers of IPv4/IPv6 TCP/UDP often
/// enough to reach the transport on the fast path.
fn frame_strategy() -> impl Strategy<Value = Vec<u8>> {
    let ether_type = prop::sample::select(vec![0x0800u16, 0x86dd, 0x8100, 0x88a8, 0x9100, 0x0806]);
    (
        prop::collection::vec(ether_type, 1..4),
        prop::sample::select(vec![0x45u8, 0x46, 0x4f, 0x60, 0x44, 0x55]),
        prop::sample::select(vec![6u8, 17, 1, 0, 44, 58]),
        prop::collection::vec(any::<u8>(), 0..120),
    )
        .prop_map(|(types, first_ip_byte, proto, mut body)| {
            let mut f = vec![0u8; 12];
            for (i, t) in types.iter().enumerate() {
                f.extend_from_slice(&t.to_be_bytes());
                if i + 1 < types.len() {
                    f.extend_from_slice(&[0x00, 0x64]); // VLAN TCI, then the next type
                }
            }
            if let Some(b) = body.first_mut() {
                *b = first_ip_byte;
            }
            // IPv4 protocol (byte 9) and IPv6 next header (byte 6).
            let at = if first_ip_byte >> 4 == 6 { 6 } else { 9 };
            if body.len() > at {
                body[at] = proto;
            }
            f.extend_from_slice(&body);
            f
        })
}

/// A well-formed packet (etherparse's builder: VLAN tags or none, IPv4 or IPv6, TCP or UDP,
/// random addresses, ports and payload), then one byte overwritten and the frame cut at a
/// random length (either may be a no-op): mostly fast-path packets and their near misses.
fn built_frame_strategy() -> impl Strategy<Value = Vec<u8>> {
    (
        0u8..3,
        any::<bool>(),
        any::<bool>(),
        any::<[u8; 16]>(),
        any::<[u8; 16]>(),
        any::<(u16, u16, u32)>(),
        prop::collection::vec(any::<u8>(), 0..64),
        any::<(prop::sample::Index, u8, bool)>(),
        any::<(prop::sample::Index, bool)>(),
    )
        .prop_map(
            |(vlans, v6, tcp, src, dst, (sport, dport, seq), payload, damage, cut)| {
                use etherparse::PacketBuilder;
                let eth = PacketBuilder::ethernet2([2, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 2]);
                let link = match vlans {
                    0 => eth.vlan(etherparse::VlanHeader::Single(Default::default())),
                    1 => eth.vlan(etherparse::VlanHeader::Double(Default::default())),
                    _ => eth.vlan(etherparse::VlanHeader::Single(Default::default())),
                };
                let ip = if v6 {
                    link.ipv6(src, dst, 64)
                } else {
                    link.ipv4(
                        [src[0], src[1], src[2], src[3]],
                        [dst[0], dst[1], dst[2], dst[3]],
                        64,
                    )
                };
                let mut f = Vec::new();
                if tcp {
                    ip.tcp(sport, dport, seq, 1024)
                        .ack(seq ^ 0x5555)
                        .write(&mut f, &payload)
                        .unwrap();
                } else {
                    ip.udp(sport, dport).write(&mut f, &payload).unwrap();
                }
                if vlans == 2 {
                    // Untagged: drop the 4-byte tag the builder wrote after the MAC addresses.
                    f.drain(12..16);
                }
                let (at, value, do_damage) = damage;
                if do_damage {
                    let i = at.index(f.len());
                    f[i] = value;
                }
                let (len, do_cut) = cut;
                if do_cut {
                    f.truncate(len.index(f.len() + 1));
                }
                f
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn fast_path_equals_general_path_on_random_frames(f in frame_strategy()) {
        let fast = decode(LinkType::Ethernet, &f);
        let general = decode_general(LinkType::Ethernet, &f);
        prop_assert_eq!(fast, general);
    }

    #[test]
    fn fast_path_equals_general_path_on_built_and_damaged_packets(f in built_frame_strategy()) {
        let fast = decode(LinkType::Ethernet, &f);
        let general = decode_general(LinkType::Ethernet, &f);
        prop_assert_eq!(fast, general);
    }
}
