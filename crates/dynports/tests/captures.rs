//! End-to-end: the real third-party captures in `captures/public/` (copied from
//! `shared/captures/public/`, ground truth in its MANIFEST.tsv, checked with tshark) fed
//! through the parsers, one parser per connection, TCP payloads in sequence order.
//!
//! `TAPAUDIT_PUBLIC_CAPTURES` overrides the folder. A missing capture fails the test: the
//! files are part of the repository.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::PathBuf;

use tapaudit_dynports::{
    Announcement, Connector, ControlParser, DceRpc, Direction, FtpControl, Method, Portmap,
};
use tapaudit_vocab::{ControlProtocol, Transport};

fn capture(name: &str) -> Option<Vec<u8>> {
    let dir = std::env::var_os("TAPAUDIT_PUBLIC_CAPTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../captures/public"));
    match std::fs::read(dir.join(name)) {
        Ok(b) => Some(b),
        Err(e) => panic!("{name} not readable in {}: {e}", dir.display()),
    }
}

type Endpoint = (IpAddr, u16);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum L4 {
    Tcp,
    Udp,
}

#[derive(Debug)]
struct Segment {
    frame: usize,
    l4: L4,
    src: (IpAddr, u16),
    dst: (IpAddr, u16),
    seq: u32,
    payload: Vec<u8>,
}

/// Minimal classic-pcap + Ethernet/802.1Q + IPv4/IPv6 + TCP/UDP reader, for tests only.
fn segments(file: &[u8]) -> Vec<Segment> {
    let magic = u32::from_le_bytes(file[0..4].try_into().unwrap());
    let le = match magic {
        0xa1b2c3d4 | 0xa1b23c4d => true,
        0xd4c3b2a1 | 0x4d3cb2a1 => false,
        _ => panic!("not a classic pcap"),
    };
    let rd32 = |b: &[u8]| {
        let a: [u8; 4] = b.try_into().unwrap();
        if le {
            u32::from_le_bytes(a)
        } else {
            u32::from_be_bytes(a)
        }
    };
    assert_eq!(rd32(&file[20..24]), 1, "Ethernet only");
    let be16 = |b: &[u8], i: usize| u16::from_be_bytes([b[i], b[i + 1]]);
    let mut out = Vec::new();
    let mut off = 24;
    let mut frame = 0;
    while off + 16 <= file.len() {
        let incl = rd32(&file[off + 8..off + 12]) as usize;
        let pkt = &file[off + 16..(off + 16 + incl).min(file.len())];
        off += 16 + incl;
        frame += 1;
        let mut et = be16(pkt, 12);
        let mut l3 = 14;
        while et == 0x8100 || et == 0x88a8 {
            et = be16(pkt, l3 + 2);
            l3 += 4;
        }
        let (src, dst, proto, l4, end) = match et {
            0x0800 => {
                let ihl = usize::from(pkt[l3] & 0x0f) * 4;
                let total = usize::from(be16(pkt, l3 + 2));
                let s: [u8; 4] = pkt[l3 + 12..l3 + 16].try_into().unwrap();
                let d: [u8; 4] = pkt[l3 + 16..l3 + 20].try_into().unwrap();
                (
                    IpAddr::V4(Ipv4Addr::from(s)),
                    IpAddr::V4(Ipv4Addr::from(d)),
                    pkt[l3 + 9],
                    l3 + ihl,
                    (l3 + total).min(pkt.len()),
                )
            }
            0x86dd => {
                let plen = usize::from(be16(pkt, l3 + 4));
                let s: [u8; 16] = pkt[l3 + 8..l3 + 24].try_into().unwrap();
                let d: [u8; 16] = pkt[l3 + 24..l3 + 40].try_into().unwrap();
                (
                    IpAddr::V6(Ipv6Addr::from(s)),
                    IpAddr::V6(Ipv6Addr::from(d)),
                    pkt[l3 + 6],
                    l3 + 40,
                    (l3 + 40 + plen).min(pkt.len()),
                )
            }
            _ => continue,
        };
        match proto {
            6 => {
                let doff = usize::from(pkt[l4 + 12] >> 4) * 4;
                out.push(Segment {
                    frame,
                    l4: L4::Tcp,
                    src: (src, be16(pkt, l4)),
                    dst: (dst, be16(pkt, l4 + 2)),
                    seq: u32::from_be_bytes(pkt[l4 + 4..l4 + 8].try_into().unwrap()),
                    payload: pkt[(l4 + doff).min(end)..end].to_vec(),
                });
            }
            17 => out.push(Segment {
                frame,
                l4: L4::Udp,
                src: (src, be16(pkt, l4)),
                dst: (dst, be16(pkt, l4 + 2)),
                seq: 0,
                payload: pkt[(l4 + 8).min(end)..end].to_vec(),
            }),
            _ => {}
        }
    }
    out
}

/// Runs one parser per conversation with `server_port`, TCP payloads fed in whole segments
/// and again in 1-byte and 7-byte chunks (which must give the same result); returns
/// (frame, announcement) pairs.
fn run<P: ControlParser + Default>(file: &[u8], server_port: u16) -> Vec<(usize, Announcement)> {
    let whole = run_chunked::<P>(file, server_port, usize::MAX);
    for chunk in [1, 7] {
        assert_eq!(
            run_chunked::<P>(file, server_port, chunk),
            whole,
            "chunk {chunk}"
        );
    }
    whole
}

fn run_chunked<P: ControlParser + Default>(
    file: &[u8],
    server_port: u16,
    chunk: usize,
) -> Vec<(usize, Announcement)> {
    let mut parsers: HashMap<(L4, Endpoint, Endpoint), P> = HashMap::new();
    let mut next_seq: HashMap<(Endpoint, Endpoint), u32> = HashMap::new();
    let mut found = Vec::new();
    for s in segments(file) {
        let (dir, client, server) = if s.dst.1 == server_port {
            (Direction::ToServer, s.src, s.dst)
        } else if s.src.1 == server_port {
            (Direction::ToClient, s.dst, s.src)
        } else {
            continue;
        };
        if s.payload.is_empty() {
            continue;
        }
        let parser = parsers.entry((s.l4, client, server)).or_default();
        let mut out = Vec::new();
        match s.l4 {
            L4::Udp => parser.datagram(dir, &s.payload, &mut out),
            L4::Tcp => {
                let next = next_seq.entry((s.src, s.dst)).or_insert(s.seq);
                let ahead = s.seq.wrapping_sub(*next) as i32;
                let len = s.payload.len() as u32;
                if ahead > 0 {
                    parser.gap(dir);
                    for c in s.payload.chunks(chunk) {
                        parser.feed(dir, c, &mut out);
                    }
                    *next = s.seq.wrapping_add(len);
                } else {
                    let skip = ahead.unsigned_abs();
                    if skip < len {
                        for c in s.payload[skip as usize..].chunks(chunk) {
                            parser.feed(dir, c, &mut out);
                        }
                        *next = s.seq.wrapping_add(len);
                    }
                }
            }
        }
        found.extend(out.into_iter().map(|a| (s.frame, a)));
    }
    // Real traffic from real software decodes cleanly.
    for p in parsers.values() {
        assert_eq!(p.stats().malformed, 0, "{:?}", p.stats());
    }
    let total: u64 = parsers.values().map(|p| p.stats().announcements).sum();
    assert_eq!(total as usize, found.len());
    found
}

fn ip(s: &str) -> Option<IpAddr> {
    Some(s.parse().unwrap())
}

fn ann(
    protocol: ControlProtocol,
    method: Method,
    addr: Option<IpAddr>,
    port: u16,
    transport: Transport,
    connector: Connector,
    program: Option<u32>,
) -> Announcement {
    Announcement {
        protocol,
        method,
        addr,
        port,
        transport,
        connector,
        program,
    }
}

fn ftp(method: Method, addr: Option<IpAddr>, port: u16) -> Announcement {
    let connector = match method {
        Method::Port | Method::Eprt => Connector::Server,
        _ => Connector::Client,
    };
    ann(
        ControlProtocol::Ftp,
        method,
        addr,
        port,
        Transport::Tcp,
        connector,
        None,
    )
}

#[test]
fn zeek_ftp_ipv4_pasv_and_port() {
    let Some(f) = capture("zeek-ftp-ipv4.pcap") else {
        return;
    };
    let got = run::<FtpControl>(&f, 21);
    let server = ip("199.233.217.249");
    let client = ip("141.142.220.235");
    assert_eq!(
        got,
        vec![
            (20, ftp(Method::Pasv, server, 56666)),
            (39, ftp(Method::Pasv, server, 56667)),
            (57, ftp(Method::Port, client, 33582)),
            (75, ftp(Method::Port, client, 37835)),
        ]
    );
}

#[test]
fn zeek_ftp_ipv6_epsv_and_eprt() {
    let Some(f) = capture("zeek-ftp-ipv6.pcap") else {
        return;
    };
    let got = run::<FtpControl>(&f, 21);
    let client = ip("2001:470:1f11:81f:c999:d94:aa7c:2e3e");
    assert_eq!(
        got,
        vec![
            (28, ftp(Method::Epsv, None, 57086)),
            (45, ftp(Method::Epsv, None, 57087)),
            (68, ftp(Method::Epsv, None, 57088)),
            (90, ftp(Method::Eprt, client, 49189)),
            (113, ftp(Method::Eprt, client, 49190)),
        ]
    );
}

#[test]
fn zeek_ftp_bigtransfer_epsv() {
    let Some(f) = capture("zeek-ftp-bigtransfer-epsv-ipv4.pcap") else {
        return;
    };
    let got = run::<FtpControl>(&f, 21);
    assert_eq!(
        got,
        vec![
            (20, ftp(Method::Epsv, None, 63988)),
            (43, ftp(Method::Epsv, None, 37150)),
        ]
    );
}

fn getport(port: u16, transport: Transport, prog: u32) -> Announcement {
    ann(
        ControlProtocol::OncRpcPortmap,
        Method::GetPort,
        None,
        port,
        transport,
        Connector::Client,
        Some(prog),
    )
}

#[test]
fn zeek_rpc_portmap_sadmind_udp_getport() {
    let Some(f) = capture("zeek-rpc-portmap-sadmind.pcap") else {
        return;
    };
    let got = run::<Portmap>(&f, 111);
    let sadmind = |port| getport(port, Transport::Udp, 100_232);
    // f7 (PROGRAM_NOT_AVAILABLE, port 0) announces nothing.
    assert_eq!(
        got,
        vec![
            (2, sadmind(32773)),
            (11, sadmind(32774)),
            (15, sadmind(32773)),
            (22, sadmind(32773)),
            (25, sadmind(32773)),
            (28, sadmind(32773)),
        ]
    );
}

#[test]
fn zeek_nfs_write_portmap_tcp_and_udp_getport() {
    let Some(f) = capture("zeek-nfs_write-portmap-tcp-udp.pcap") else {
        return;
    };
    let got = run::<Portmap>(&f, 111);
    assert_eq!(
        got,
        vec![
            (7, getport(2049, Transport::Tcp, 100_003)),
            (23, getport(20048, Transport::Udp, 100_005)),
            (35, getport(2049, Transport::Tcp, 100_003)),
            (146, getport(20048, Transport::Udp, 100_005)),
        ]
    );
}

fn epm(method: Method, addr: Option<IpAddr>, port: u16) -> Announcement {
    ann(
        ControlProtocol::DceRpcEpm,
        method,
        addr,
        port,
        Transport::Tcp,
        Connector::Client,
        None,
    )
}

#[test]
fn suricata_bug_5133_ept_map_svcctl() {
    let Some(f) = capture("suricata-verify-bug-5133-epm-svcctl-input.pcap") else {
        return;
    };
    let got = run::<DceRpc>(&f, 135);
    assert_eq!(
        got,
        vec![(4, epm(Method::EptMap, ip("172.16.66.36"), 49683))]
    );
}

#[test]
fn zeek_dce_rpc_mapi_ept_map() {
    let Some(f) = capture("zeek-dce-rpc-mapi-epm.pcap") else {
        return;
    };
    let got = run::<DceRpc>(&f, 135);
    // f505 is an ept_lookup response whose only tower is ncacn_http (floor 0x1f): no port.
    assert_eq!(
        got,
        vec![
            (400, epm(Method::EptMap, ip("192.168.0.2"), 4997)),
            (705, epm(Method::EptMap, ip("192.168.0.2"), 1032)),
        ]
    );
}

#[test]
fn suricata_dcom_remote_get_class_object_oxid_bindings() {
    let Some(f) = capture("suricata-verify-dcerpc-ctxids-dcom-oxid-input.pcap") else {
        return;
    };
    let got = run::<DceRpc>(&f, 135);
    // f17: DC1[49724] (host name: address left to the caller) and 192.168.56.101[49724];
    // f7 ServerAlive2 lists bindings without a port: nothing.
    assert_eq!(
        got,
        vec![
            (17, epm(Method::RemoteGetClassObject, None, 49724)),
            (
                17,
                epm(Method::RemoteGetClassObject, ip("192.168.56.101"), 49724)
            ),
        ]
    );
}
