//! Generated records for the server tests and the benchmark.
#![allow(dead_code)]
// `is_multiple_of` needs Rust 1.87; the workspace says 1.80.
#![allow(clippy::manual_is_multiple_of)]

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use tapaudit_dynports::{Connector, Method};
use tapaudit_flow::{FinishReason, FlowRecord, Negotiation, State};
use tapaudit_store::AnnouncementRecord;
use tapaudit_vocab::{ControlProtocol, IpProto, Timestamp, Transport};

/// 2026-03-02 08:00:00 UTC.
pub const T0: u64 = 1_772_438_400;

/// A deterministic, varied flow: TCP, UDP and ICMP, v4 and v6, some negotiated, some
/// blocked, some on VLANs; `i` makes it unique (client port and time).
pub fn flow(i: u64) -> FlowRecord {
    let kind = i % 10;
    let v6 = kind == 7 || kind == 8;
    let host = |n: u64| -> IpAddr {
        if v6 {
            IpAddr::V6(Ipv6Addr::new(
                0x2001,
                0xdb8,
                0,
                0,
                0,
                0,
                (n >> 16) as u16,
                n as u16,
            ))
        } else {
            IpAddr::V4(Ipv4Addr::new(10, (n >> 16) as u8, (n >> 8) as u8, n as u8))
        }
    };
    let (proto, client_port, server_port, icmp_type, state) = match kind {
        0..=4 | 7 => (
            IpProto::Tcp,
            Some(1024 + (i % 60_000) as u16),
            Some([502, 44818, 102, 21, 3389][(i % 5) as usize]),
            None,
            [
                State::Closed,
                State::Established,
                State::Refused,
                State::Partial,
            ][(i % 4) as usize],
        ),
        5 | 8 => (
            IpProto::Udp,
            Some(1024 + (i % 60_000) as u16),
            Some(161),
            None,
            State::Answered,
        ),
        _ => (
            if v6 { IpProto::Icmpv6 } else { IpProto::Icmp },
            None,
            None,
            Some(8),
            State::Unanswered,
        ),
    };
    let first = Timestamp::from_secs_nanos(T0 + i / 50, (i % 50) * 1_000_003);
    FlowRecord {
        proto,
        client: host(1 + i % 200),
        client_port,
        server: host(1000 + i % 37),
        server_port,
        vlan: (i % 3 == 0).then_some(10 + (i % 4) as u16),
        inner_vlan: (i % 97 == 0).then_some(100),
        icmp_type,
        first_seen: first,
        last_seen: Timestamp(first.0 + (i % 1000) * 1_000_000),
        packets_to_server: 1 + i % 17,
        packets_to_client: i % 13,
        bytes_to_server: 60 * (1 + i % 17),
        bytes_to_client: 80 * (i % 13),
        state,
        blocked_by: (i % 31 == 0).then(|| Box::new((3, 13, host(254)))),
        negotiated_by: (i % 23 == 0).then(|| {
            Box::new(Negotiation {
                protocol: ControlProtocol::Ftp,
                method: Method::Pasv,
                control_client: host(1 + i % 200),
                control_client_port: 40_000,
                control_server: host(1000 + i % 37),
                control_server_port: 21,
                announced_at: Timestamp(first.0 - 1000),
                start_seen: true,
                earlier_uses: 0,
            })
        }),
        control: None,
        finish: [
            FinishReason::Closed,
            FinishReason::EndOfInput,
            FinishReason::IdleTimeout,
        ][(i % 3) as usize],
    }
}

pub fn flows(range: std::ops::Range<u64>) -> Vec<FlowRecord> {
    range.map(flow).collect()
}

pub fn announcement(i: u64) -> AnnouncementRecord {
    AnnouncementRecord {
        negotiation: Negotiation {
            protocol: ControlProtocol::Ftp,
            method: Method::Pasv,
            control_client: IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1)),
            control_client_port: 40_000 + i as u16,
            control_server: IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2)),
            control_server_port: 21,
            announced_at: Timestamp::from_secs_nanos(T0 + i, 7),
            start_seen: true,
            earlier_uses: 0,
        },
        transport: Transport::Tcp,
        target: IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2)),
        port: 50_000 + i as u16,
        connector: Some(IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1))),
        connector_side: Connector::Client,
        program: None,
    }
}
