//! Flow-table behaviour, packet by packet.

use std::net::IpAddr;

use etherparse::PacketBuilder;
use tapaudit_decode::{decode, Decoded};
use tapaudit_vocab::Timestamp;
use tapaudit_vocab::{ControlProtocol, LinkType};

use crate::{FinishReason, FlowConfig, FlowRecord, FlowTable, State};

const C: [u8; 4] = [10, 0, 0, 1];
const S: [u8; 4] = [10, 0, 0, 2];
const FW: [u8; 4] = [10, 0, 0, 254];

fn t(secs: u64) -> Timestamp {
    Timestamp::from_secs_nanos(1_700_000_000 + secs, 0)
}

fn ip(a: [u8; 4]) -> IpAddr {
    IpAddr::from(a)
}

struct Tcp {
    flags: &'static str,
    seq: u32,
    payload: Vec<u8>,
}

fn tcp(src: [u8; 4], dst: [u8; 4], sport: u16, dport: u16, seg: Tcp) -> Vec<u8> {
    let mut b = PacketBuilder::ethernet2([2; 6], [4; 6])
        .ipv4(src, dst, 64)
        .tcp(sport, dport, seg.seq, 65000);
    for c in seg.flags.chars() {
        b = match c {
            'S' => b.syn(),
            'A' => b.ack(1),
            'F' => b.fin(),
            'R' => b.rst(),
            'P' => b.psh(),
            _ => b,
        };
    }
    let mut v = Vec::new();
    b.write(&mut v, &seg.payload).unwrap();
    v
}

fn seg(flags: &'static str, seq: u32) -> Tcp {
    Tcp {
        flags,
        seq,
        payload: Vec::new(),
    }
}

fn data(flags: &'static str, seq: u32, payload: &[u8]) -> Tcp {
    Tcp {
        flags,
        seq,
        payload: payload.to_vec(),
    }
}

fn udp(src: [u8; 4], dst: [u8; 4], sport: u16, dport: u16, payload: &[u8]) -> Vec<u8> {
    let b = PacketBuilder::ethernet2([2; 6], [4; 6])
        .ipv4(src, dst, 64)
        .udp(sport, dport);
    let mut v = Vec::new();
    b.write(&mut v, payload).unwrap();
    v
}

/// An ICMP error from `from` quoting the first 28 bytes of the IP packet in `frame`.
fn icmp_error(from: [u8; 4], to: [u8; 4], frame: &[u8], typ: u8, code: u8) -> Vec<u8> {
    let quote = &frame[14..14 + 28];
    let icmp_type = match (typ, code) {
        (3, 13) => etherparse::Icmpv4Type::DestinationUnreachable(
            etherparse::icmpv4::DestUnreachableHeader::FilterProhibited,
        ),
        (3, 3) => etherparse::Icmpv4Type::DestinationUnreachable(
            etherparse::icmpv4::DestUnreachableHeader::Port,
        ),
        (3, 4) => etherparse::Icmpv4Type::DestinationUnreachable(
            etherparse::icmpv4::DestUnreachableHeader::FragmentationNeeded { next_hop_mtu: 1400 },
        ),
        _ => unimplemented!(),
    };
    let b = PacketBuilder::ethernet2([2; 6], [4; 6])
        .ipv4(from, to, 64)
        .icmpv4(icmp_type);
    let mut v = Vec::new();
    b.write(&mut v, quote).unwrap();
    v
}

fn run(config: FlowConfig, frames: &[(u64, Vec<u8>)]) -> (Vec<FlowRecord>, crate::FlowStats) {
    let mut table = FlowTable::new(config);
    for (secs, f) in frames {
        match decode(LinkType::Ethernet, f) {
            Decoded::Ip(p) => table.process(t(*secs), &p),
            other => panic!("test frame did not decode: {other:?}"),
        }
    }
    let mut flows = table.finish_all();
    flows.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    (flows, table.stats())
}

fn one(frames: &[(u64, Vec<u8>)]) -> FlowRecord {
    let (flows, _) = run(FlowConfig::default(), frames);
    assert_eq!(flows.len(), 1, "{flows:#?}");
    flows.into_iter().next().unwrap()
}

#[test]
fn handshake_then_open_is_established() {
    let f = one(&[
        (0, tcp(C, S, 40000, 5481, seg("S", 100))),
        (0, tcp(S, C, 5481, 40000, seg("SA", 900))),
        (0, tcp(C, S, 40000, 5481, data("AP", 101, b"hello"))),
    ]);
    assert_eq!(f.state, State::Established);
    assert_eq!((f.client, f.client_port), (ip(C), Some(40000)));
    assert_eq!((f.server, f.server_port), (ip(S), Some(5481)));
    assert_eq!((f.packets_to_server, f.packets_to_client), (2, 1));
    // IP-layer bytes: 40 + 40 + 45 (20 IP + 20 TCP + 5 payload).
    assert_eq!((f.bytes_to_server, f.bytes_to_client), (85, 40));
}

#[test]
fn fin_after_handshake_is_closed() {
    let f = one(&[
        (0, tcp(C, S, 40000, 80, seg("S", 1))),
        (0, tcp(S, C, 80, 40000, seg("SA", 1))),
        (1, tcp(C, S, 40000, 80, seg("FA", 2))),
        (1, tcp(S, C, 80, 40000, seg("FA", 2))),
    ]);
    assert_eq!(f.state, State::Closed);
}

#[test]
fn rst_to_syn_is_refused() {
    let f = one(&[
        (0, tcp(C, S, 40000, 1433, seg("S", 1))),
        (0, tcp(S, C, 1433, 40000, seg("RA", 0))),
    ]);
    assert_eq!(f.state, State::Refused);
}

#[test]
fn syns_without_answer_are_one_unanswered_flow() {
    let f = one(&[
        (0, tcp(C, S, 40000, 5481, seg("S", 1))),
        (1, tcp(C, S, 40000, 5481, seg("S", 1))),
        (3, tcp(C, S, 40000, 5481, seg("S", 1))),
    ]);
    assert_eq!(f.state, State::Unanswered);
    assert_eq!(f.packets_to_server, 3);
}

#[test]
fn icmp_admin_prohibited_quoting_the_syn_blocks_the_flow() {
    let syn = tcp(C, S, 40000, 5481, seg("S", 1));
    let err = icmp_error(FW, C, &syn, 3, 13);
    let (flows, stats) = run(FlowConfig::default(), &[(0, syn), (0, err)]);
    assert_eq!(flows.len(), 1, "the ICMP error is not a flow of its own");
    assert_eq!(flows[0].state, State::Blocked);
    assert_eq!(flows[0].blocked_by.as_deref(), Some(&(3, 13, ip(FW))));
    assert_eq!(stats.icmp_errors, 1);
}

#[test]
fn fragmentation_needed_does_not_block() {
    let syn = tcp(C, S, 40000, 443, seg("S", 1));
    let synack = tcp(S, C, 443, 40000, seg("SA", 1));
    let err = icmp_error(FW, S, &synack, 3, 4);
    let f = one(&[(0, syn), (0, synack), (0, err)]);
    assert_eq!(f.state, State::Established);
}

#[test]
fn udp_answered_unanswered_and_port_unreachable() {
    let q = udp(C, S, 50000, 161, b"get");
    let f = one(&[(0, q.clone()), (0, udp(S, C, 161, 50000, b"resp"))]);
    assert_eq!(f.state, State::Answered);
    let f = one(&[(0, q.clone())]);
    assert_eq!(f.state, State::Unanswered);
    let f = one(&[(0, q.clone()), (0, icmp_error(S, C, &q, 3, 3))]);
    assert_eq!(f.state, State::Blocked);
}

#[test]
fn midstream_tcp_is_partial_and_the_service_port_is_the_server() {
    // First packet seen is the server's reply (from port 443 to an ephemeral port).
    let f = one(&[
        (0, tcp(S, C, 443, 51000, data("AP", 7, b"x"))),
        (0, tcp(C, S, 51000, 443, seg("A", 9))),
    ]);
    assert_eq!(f.state, State::Partial);
    assert_eq!((f.server, f.server_port), (ip(S), Some(443)));
}

#[test]
fn port_reused_after_close_is_a_new_flow() {
    let frames = [
        (0, tcp(C, S, 40000, 21, seg("S", 100))),
        (0, tcp(S, C, 21, 40000, seg("SA", 1))),
        (1, tcp(C, S, 40000, 21, seg("RA", 101))),
        (2, tcp(C, S, 40000, 21, seg("S", 5000))),
        (2, tcp(S, C, 21, 40000, seg("SA", 1))),
    ];
    let (flows, stats) = run(FlowConfig::default(), &frames);
    assert_eq!(flows.len(), 2);
    assert_eq!(flows[0].state, State::Closed);
    assert_eq!(flows[1].state, State::Established);
    assert_eq!(stats.tcp_port_reuse, 1);
}

#[test]
fn idle_timeout_is_packet_time() {
    let cfg = FlowConfig {
        udp_idle_secs: 300,
        ..Default::default()
    };
    let frames = [
        (0, udp(C, S, 50000, 2222, b"io")),
        (400, udp(C, S, 50000, 2222, b"io")),
        (800, udp(C, S, 50001, 2222, b"io")), // a later packet drives the sweep
    ];
    let (flows, stats) = run(cfg, &frames);
    assert_eq!(flows.len(), 3);
    assert_eq!(flows[0].finish, FinishReason::IdleTimeout);
    assert!(stats.idle_timeouts >= 1);
}

#[test]
fn full_table_finishes_the_oldest_flows_early_and_counts_them() {
    let cfg = FlowConfig {
        max_flows: 10,
        ..Default::default()
    };
    let frames: Vec<_> = (0..100u16)
        .map(|i| (u64::from(i), udp(C, S, 10000 + i, 2222, b"x")))
        .collect();
    let (flows, stats) = run(cfg, &frames);
    assert_eq!(flows.len(), 100, "evicted flows are reported, not lost");
    assert!(stats.evicted >= 90);
    let evicted = flows
        .iter()
        .filter(|f| f.finish == FinishReason::Evicted)
        .count();
    assert_eq!(evicted as u64, stats.evicted);
    // The survivors are the most recent ones.
    assert!(flows
        .iter()
        .any(|f| f.client_port == Some(10099) && f.finish == FinishReason::EndOfInput));
}

#[test]
fn icmp_echo_requester_is_the_client() {
    let req = {
        let b = PacketBuilder::ethernet2([2; 6], [4; 6])
            .ipv4(C, S, 64)
            .icmpv4_echo_request(7, 1);
        let mut v = Vec::new();
        b.write(&mut v, b"ping").unwrap();
        v
    };
    let rep = {
        let b = PacketBuilder::ethernet2([2; 6], [4; 6])
            .ipv4(S, C, 64)
            .icmpv4_echo_reply(7, 1);
        let mut v = Vec::new();
        b.write(&mut v, b"ping").unwrap();
        v
    };
    let f = one(&[(0, req.clone()), (0, rep.clone())]);
    assert_eq!(
        (f.client, f.server, f.state),
        (ip(C), ip(S), State::Answered)
    );
    assert_eq!((f.client_port, f.icmp_type), (None, Some(8)));
    // Only the reply in the capture: its destination was the requester.
    let f = one(&[(0, rep)]);
    assert_eq!(f.client, ip(C));
}

#[test]
fn fragments_before_the_first_join_its_flow() {
    let mut first = udp(C, S, 1111, 53, &[0u8; 32]);
    first[14 + 6] = 0x20; // MF
    first[14 + 4..14 + 6].copy_from_slice(&0x1234u16.to_be_bytes());
    let mut later = first.clone();
    later[14 + 6] = 0x00;
    later[14 + 7] = 5; // offset 40 bytes, no MF
    let (flows, stats) = run(FlowConfig::default(), &[(0, later), (0, first)]);
    assert_eq!(flows.len(), 1);
    assert_eq!(flows[0].packets_to_server, 2);
    assert_eq!(flows[0].server_port, Some(53));
    assert_eq!(stats.fragments, 2);
    assert_eq!(stats.fragments_orphaned, 0);
}

#[test]
fn ftp_pasv_reply_marks_the_data_connection_negotiated() {
    let frames = [
        (0, tcp(C, S, 40000, 21, seg("S", 100))),
        (0, tcp(S, C, 21, 40000, seg("SA", 500))),
        (0, tcp(C, S, 40000, 21, data("AP", 101, b"PASV\r\n"))),
        (
            0,
            tcp(
                S,
                C,
                21,
                40000,
                data(
                    "AP",
                    501,
                    b"227 Entering Passive Mode (10,0,0,2,11,184).\r\n",
                ),
            ),
        ),
        (1, tcp(C, S, 40001, 3000, seg("S", 7))),
        (1, tcp(S, C, 3000, 40001, seg("SA", 9))),
        // Same port, another client: not negotiated.
        (2, tcp(FW, S, 40002, 3001, seg("S", 7))),
    ];
    let (flows, stats) = run(FlowConfig::default(), &frames);
    let data = flows.iter().find(|f| f.server_port == Some(3000)).unwrap();
    let n = data.negotiated_by.as_deref().expect("negotiated");
    assert_eq!(n.method.to_string(), "PASV");
    assert_eq!((n.control_client, n.control_server_port), (ip(C), 21));
    assert!(flows
        .iter()
        .all(|f| f.server_port != Some(3001) || f.negotiated_by.is_none()));
    assert_eq!(stats.expectations.matched, 1);
    assert_eq!(stats.control.get(ControlProtocol::Ftp).announcements, 1);
}

#[test]
fn ftp_reply_split_across_segments_and_retransmitted() {
    let frames = [
        (0, tcp(C, S, 40000, 21, seg("S", 100))),
        (0, tcp(S, C, 21, 40000, seg("SA", 500))),
        (
            0,
            tcp(S, C, 21, 40000, data("AP", 501, b"227 Entering Pass")),
        ),
        (
            0,
            tcp(S, C, 21, 40000, data("AP", 501, b"227 Entering Pass")),
        ), // retransmission
        (
            0,
            tcp(
                S,
                C,
                21,
                40000,
                data("AP", 518, b"ive Mode (10,0,0,2,11,185)\r\n"),
            ),
        ),
        (1, tcp(C, S, 40001, 3001, seg("S", 7))),
    ];
    let (flows, _) = run(FlowConfig::default(), &frames);
    let data = flows.iter().find(|f| f.server_port == Some(3001)).unwrap();
    assert!(data.negotiated_by.is_some());
}

/// Issue 15: a SYN (or a whole handshake) to a control port makes no control state; the
/// connection is still counted.
#[test]
fn syns_to_control_ports_cost_no_control_state() {
    let mut table = FlowTable::new(FlowConfig::default());
    for (i, port) in [21u16, 111, 135].into_iter().cycle().take(300).enumerate() {
        let sport = 20000 + i as u16;
        for f in [
            tcp(C, S, sport, port, seg("S", 100)),
            tcp(S, C, port, sport, seg("SA", 500)),
            tcp(C, S, sport, port, seg("A", 101)),
        ] {
            match decode(LinkType::Ethernet, &f) {
                Decoded::Ip(p) => table.process(t(0), &p),
                other => panic!("{other:?}"),
            }
        }
    }
    assert_eq!(table.control_streams(), 0);
    let stats = table.stats();
    for p in ControlProtocol::ALL {
        assert_eq!(stats.control.get(p).connections, 100, "{p:?}");
    }
}

/// Issue 15: HTTP-like or random bytes on 21, 111 and 135 are "not the protocol" after
/// their first bytes; a real FTP connection beside them still announces.
#[test]
fn junk_on_control_ports_is_not_the_protocol() {
    let mut frames = Vec::new();
    let junk: [&[u8]; 2] = [
        b"GET / HTTP/1.1\r\nHost: plc\r\n\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\x9a\x11\x00\x05\x00\x0b\x03\x10\x00\x00",
    ];
    for (i, port) in [21u16, 111, 135].into_iter().enumerate() {
        for (j, payload) in junk.iter().enumerate() {
            let sport = 30000 + (i * 2 + j) as u16;
            frames.push((0, tcp(C, S, sport, port, seg("S", 100))));
            frames.push((0, tcp(S, C, port, sport, seg("SA", 500))));
            frames.push((0, tcp(C, S, sport, port, data("AP", 101, payload))));
            // A real PDU or line after the junk is not read either.
            frames.push((
                0,
                tcp(
                    S,
                    C,
                    port,
                    sport,
                    data("AP", 501, b"227 (10,0,0,2,11,186)\r\n"),
                ),
            ));
        }
    }
    frames.push((0, tcp(C, S, 40000, 21, seg("S", 100))));
    frames.push((0, tcp(S, C, 21, 40000, seg("SA", 500))));
    frames.push((0, tcp(S, C, 21, 40000, data("AP", 501, b"220 ready\r\n"))));
    frames.push((
        0,
        tcp(
            S,
            C,
            21,
            40000,
            data("AP", 512, b"227 (10,0,0,2,11,184)\r\n"),
        ),
    ));
    frames.push((1, tcp(C, S, 40001, 3000, seg("S", 7))));
    let (flows, stats) = run(FlowConfig::default(), &frames);
    for p in ControlProtocol::ALL {
        let s = stats.control.get(p);
        assert_eq!(s.not_protocol, 2, "{p:?}");
        assert_eq!(s.malformed, 0, "{p:?}");
        assert_eq!(s.dropped_bytes, 0, "{p:?}");
    }
    assert_eq!(stats.control.get(ControlProtocol::Ftp).announcements, 1);
    let data = flows.iter().find(|f| f.server_port == Some(3000)).unwrap();
    assert!(data.negotiated_by.is_some());
}

/// A control connection whose start was not captured (no SYN): the partial first line is
/// skipped and the next reply still announces; its first client segment lost after the
/// handshake is a gap, and the next command is read.
#[test]
fn midstream_and_lost_first_segment_still_announce() {
    let frames = [
        (
            0,
            tcp(
                S,
                C,
                21,
                40000,
                data("AP", 7000, b"ng Passive Mode (10,0,0,2,11,1)\r\n"),
            ),
        ),
        (
            0,
            tcp(
                S,
                C,
                21,
                40000,
                data(
                    "AP",
                    7033,
                    b"227 Entering Passive Mode (10,0,0,2,11,184).\r\n",
                ),
            ),
        ),
        (0, tcp(C, S, 40010, 21, seg("S", 100))),
        (0, tcp(S, C, 21, 40010, seg("SA", 500))),
        // Bytes 101..121 not captured: the line they began is skipped to its end.
        (
            0,
            tcp(
                C,
                S,
                40010,
                21,
                data("AP", 121, b"anonymous\r\nPORT 10,0,0,1,11,190\r\n"),
            ),
        ),
        (1, tcp(C, S, 40001, 3000, seg("S", 7))),
        (1, tcp(S, C, 40002, 3006, seg("S", 7))),
    ];
    let (flows, stats) = run(FlowConfig::default(), &frames);
    let ftp = stats.control.get(ControlProtocol::Ftp);
    assert_eq!(ftp.not_protocol, 0);
    assert_eq!(ftp.announcements, 2);
    assert!(flows
        .iter()
        .find(|f| f.server_port == Some(3000))
        .unwrap()
        .negotiated_by
        .is_some());
}
