//! Reading captures: link types, VLANs, fragments, snaplen, pcapng, gzip, several files,
//! damaged files. Expected values come from `captures/public/MANIFEST.tsv` (tshark-checked).

use std::io::Write;
use std::net::IpAddr;
use std::path::PathBuf;

use tapaudit_flow::{FlowConfig, State};
use tapaudit_pipeline::{replay_files, Run};
use tapaudit_vocab::IpProto;

fn public(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("captures/public")
        .join(name)
}

fn replay(names: &[&str]) -> Run {
    let paths: Vec<PathBuf> = names.iter().map(|n| public(n)).collect();
    replay_files(&paths, FlowConfig::default())
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

#[test]
fn ip_fragments_join_the_flow_of_their_first_fragment() {
    // MANIFEST: 4 IPv4 fragment pairs and 3 IPv6 pairs; the UDP header (sport 53) only in the
    // first fragment.
    let r = replay(&["ndpi-dns_fragmented-ipv4-ipv6.pcap"]);
    assert!(r.complete());
    assert_eq!(r.flow_stats.fragments, 14);
    assert_eq!(r.flow_stats.fragments_orphaned, 0);
    assert_eq!(r.coverage.capture.packets, 66);
    // Every IP packet is in a flow: the flows' packets add up to the IP packets.
    let in_flows: u64 = r
        .flows
        .iter()
        .map(|f| f.packets_to_server + f.packets_to_client)
        .sum();
    assert_eq!(in_flows, r.coverage.capture.ip_packets);
    let udp_servers = |server: &str| {
        r.flows
            .iter()
            .filter(|f| {
                f.proto == IpProto::Udp && f.server == ip(server) && f.server_port == Some(53)
            })
            .count()
    };
    assert_eq!(udp_servers("2001:470:765b::a25:53"), 9);
    assert_eq!(udp_servers("193.24.227.238"), 4);
    assert_eq!(udp_servers("2606:4700:4700::1111"), 4);
    assert_eq!(udp_servers("2620:fe::fe"), 2);
    for s in ["194.247.5.14", "2001:470:1f0b:16b0::a26:53"] {
        assert!(r
            .flows
            .iter()
            .any(|f| f.proto == IpProto::Tcp && f.server == ip(s) && f.server_port == Some(53)));
    }
}

#[test]
fn snaplen_cut_frames_are_counted_with_their_ip_length() {
    // MANIFEST: all 24 frames have orig_len > caplen (snaplen 68); SMTP session.
    let r = replay(&["zeek-tcp-truncated-header-snaplen68.pcap"]);
    assert_eq!(r.coverage.capture.truncated_by_snaplen, 24);
    assert_eq!(r.flows.len(), 1);
    let f = &r.flows[0];
    assert_eq!(
        (f.client, f.client_port),
        (ip("201.186.157.67"), Some(60827))
    );
    assert_eq!((f.server, f.server_port), (ip("128.3.26.249"), Some(25)));
    assert_eq!(f.packets_to_server + f.packets_to_client, 24);
    // IP lengths from the headers exceed what was captured (24 frames of at most 54 IP bytes).
    assert!(f.bytes_to_server + f.bytes_to_client > 24 * 54);
}

#[test]
fn linux_sll2_loopback_ping_and_non_ip_frames() {
    // MANIFEST: f1-f2 ICMP echo 192.0.2.1 -> itself; f3-f4 ICMPv6 echo; f5 ARP; f6 RARP.
    let r = replay(&["zeek-linux_dlt_sll2.pcap"]);
    assert_eq!(r.flows.len(), 2);
    for f in &r.flows {
        assert_eq!(f.state, State::Answered, "{f:?}");
        assert_eq!((f.packets_to_server, f.packets_to_client), (1, 1));
    }
    assert_eq!(r.coverage.capture.non_ip.get("0x0806"), Some(&1));
    assert_eq!(r.coverage.capture.non_ip.get("0x8035"), Some(&1));
}

#[test]
fn qinq_802_1ad_tags_are_part_of_the_key() {
    // MANIFEST: f1 S-VID 1525 / C-VID 30 request; f2 S-VID 1535 / C-VID 40 reply.
    let r = replay(&["arkime-dot1ad-qinq-88a8.pcap"]);
    let tags: Vec<(Option<u16>, Option<u16>)> =
        r.flows.iter().map(|f| (f.vlan, f.inner_vlan)).collect();
    assert!(tags.contains(&(Some(1525), Some(30))), "{tags:?}");
    assert!(tags.contains(&(Some(1535), Some(40))), "{tags:?}");
}

#[test]
fn icmp_echo_on_a_vlan_requester_is_the_client() {
    // MANIFEST: 5 requests 192.168.123.2 -> .1 (VLAN 123), 4 replies; 6 ARP frames.
    let r = replay(&["zeek-icmp_dot1q-vlan.pcap"]);
    assert_eq!(r.flows.len(), 1);
    let f = &r.flows[0];
    assert_eq!(
        (f.client, f.server, f.vlan),
        (ip("192.168.123.2"), ip("192.168.123.1"), Some(123))
    );
    assert_eq!((f.packets_to_server, f.packets_to_client), (5, 4));
    assert_eq!(f.icmp_type, Some(8));
    assert_eq!(r.coverage.capture.non_ip.get("0x0806"), Some(&6));
}

#[test]
fn pcapng_icmp_echo() {
    // MANIFEST: 4 requests 192.168.100.138 -> 192.168.100.1 and 4 replies, ident 0x0500.
    let r = replay(&["chrissanders-icmp_echo.pcapng"]);
    assert_eq!(r.flows.len(), 1);
    assert_eq!(
        (r.flows[0].packets_to_server, r.flows[0].packets_to_client),
        (4, 4)
    );
    assert_eq!(r.flows[0].client, ip("192.168.100.138"));
}

#[test]
fn icmp_frag_needed_does_not_block_and_is_counted() {
    // MANIFEST: 4x type 3 code 4 from 192.168.1.1 quoting a TCP packet.
    let r = replay(&["zeek-smtp.pcap"]);
    assert_eq!(r.flow_stats.icmp_errors, 4);
    assert!(r.flows.iter().all(|f| f.state != State::Blocked));
}

#[test]
fn several_files_are_merged_in_timestamp_order() {
    let one = replay(&["zeek-ftp-ipv4.pcap"]);
    let two = replay(&["zeek-ftp-ipv6.pcap"]);
    let both = replay(&["zeek-ftp-ipv6.pcap", "zeek-ftp-ipv4.pcap"]);
    assert_eq!(both.flows.len(), one.flows.len() + two.flows.len());
    assert_eq!(both.coverage.files.len(), 2);
    assert_eq!(both.coverage.files[0].packets, 136);
    assert_eq!(both.coverage.files[1].packets, 95);
    let times: Vec<_> = both.flows.iter().map(|f| f.first_seen).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn a_rotated_capture_split_in_two_files_gives_the_same_flows() {
    // Split a capture at a record boundary into two pcaps (as a tap rotating its files) and
    // give them in the wrong order: the flows are those of the whole file.
    let bytes = std::fs::read(public("zeek-ftp-ipv4.pcap")).unwrap();
    let header = &bytes[..24];
    let mut off = 24;
    let mut records = Vec::new();
    while off + 16 <= bytes.len() {
        let caplen = u32::from_le_bytes(bytes[off + 8..off + 12].try_into().unwrap()) as usize;
        records.push(&bytes[off..off + 16 + caplen]);
        off += 16 + caplen;
    }
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = records.split_at(records.len() / 2);
    let write = |name: &str, recs: &[&[u8]]| {
        let p = dir.path().join(name);
        let mut f = std::fs::File::create(&p).unwrap();
        f.write_all(header).unwrap();
        for r in recs {
            f.write_all(r).unwrap();
        }
        p
    };
    let first = write("a.pcap", a);
    let second = write("b.pcap", b);
    let split = replay_files(&[second, first], FlowConfig::default());
    let whole = replay(&["zeek-ftp-ipv4.pcap"]);
    assert_eq!(split.flows, whole.flows);
}

#[test]
fn gzip_compressed_captures_are_read() {
    let bytes = std::fs::read(public("zeek-ftp-ipv4.pcap")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let gz = dir.path().join("ftp.pcap.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::fast(),
    );
    enc.write_all(&bytes).unwrap();
    enc.finish().unwrap();
    let r = replay_files(&[gz], FlowConfig::default());
    assert!(r.complete());
    assert_eq!(r.flows, replay(&["zeek-ftp-ipv4.pcap"]).flows);
}

#[test]
fn corrupt_record_header_stops_with_file_record_and_offset_keeping_what_came_before() {
    // MANIFEST: records 1-18 valid; record 19 at byte offset 3695 claims 3925868813 bytes.
    let r = replay(&["suricata-verify-smtp-to-comma-corrupt-record.pcap"]);
    assert!(!r.complete());
    let f = &r.coverage.files[0];
    assert_eq!(f.packets, 18);
    let e = f.error.as_ref().unwrap();
    assert_eq!((e.record, e.offset), (19, 3695));
    let text = e.to_string();
    assert!(
        text.contains("suricata-verify-smtp-to-comma-corrupt-record.pcap"),
        "{text}"
    );
    assert!(text.contains("record 19 at byte offset 3695"), "{text}");
    // The SMTP flow of the first 18 packets is still there.
    assert!(r
        .flows
        .iter()
        .any(|f| f.server == ip("178.63.41.150") && f.server_port == Some(25)));
}

#[test]
fn fuzzer_output_with_impossible_length_is_rejected_at_record_one() {
    let r = replay(&["ndpi-fuzz-2021-10-13-cut-short.pcap"]);
    let f = &r.coverage.files[0];
    assert!(!f.complete);
    assert_eq!(f.packets, 0);
    let e = f.error.as_ref().unwrap();
    assert_eq!((e.record, e.offset), (1, 24));
}

#[test]
fn a_missing_file_is_reported_and_the_others_are_still_read() {
    let r = replay_files(
        &[public("does-not-exist.pcap"), public("zeek-ftp-ipv4.pcap")],
        FlowConfig::default(),
    );
    assert!(!r.complete());
    assert!(!r.coverage.files[0].complete);
    assert!(r.coverage.files[0]
        .error
        .as_ref()
        .unwrap()
        .to_string()
        .contains("does-not-exist.pcap"));
    assert_eq!(r.coverage.files[1].packets, 95);
    assert_eq!(r.flows.len(), 5);
}

#[test]
fn the_cli_exits_2_on_an_incomplete_capture_and_still_prints_flows() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tapaudit"))
        .arg("flows")
        .arg(public("suricata-verify-smtp-to-comma-corrupt-record.pcap"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("\"server_port\":25"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("record 19 at byte offset 3695"), "{stderr}");
}

#[test]
fn past_the_record_cap_flows_are_folded_and_verdict_inputs_unchanged() {
    // The DNS capture has 25 flows; a cap of 2 forces folding (and, past two aggregates,
    // counting only). Without drops the folded records keep every packet and byte.
    let whole = replay(&["ndpi-dns_fragmented-ipv4-ipv6.pcap"]);
    let capped = replay_files(
        &[public("ndpi-dns_fragmented-ipv4-ipv6.pcap")],
        FlowConfig {
            max_records: 2,
            ..FlowConfig::default()
        },
    );
    let total = |r: &Run| -> (u64, u64) {
        r.flows.iter().fold((0, 0), |(p, b), f| {
            (
                p + f.packets_to_server + f.packets_to_client,
                b + f.bytes_to_server + f.bytes_to_client,
            )
        })
    };
    let s = capped.flow_stats.records;
    assert!(s.folded > 0, "{s:?}");
    if s.dropped == 0 {
        assert_eq!(total(&capped), total(&whole));
    }
    assert!(capped.flows.len() < whole.flows.len());
    assert!(
        capped.flows.len() <= 4,
        "at most twice the cap: {}",
        capped.flows.len()
    );
    // Every folded record still names its client, server, service and state.
    for f in capped
        .flows
        .iter()
        .filter(|f| f.client_port.is_none() && !f.proto.is_icmp())
    {
        assert!(f.server_port.is_some());
    }
}
