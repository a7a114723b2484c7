//! Flood scenarios for robustness tests: exact counts, bounded work, deterministic bytes.

use std::io;

use etherparse::PacketBuilder;

use crate::frame::err;
use crate::frame::Vlan;
use crate::out::Pcap;
use crate::rng::Rng;
use crate::sim::{Host, Os, PasvFlood, Sim, World};

const TARGET_MAC: [u8; 6] = [0x00, 0x1d, 0x9c, 0x20, 0x00, 0x10];
const GW_MAC: [u8; 6] = [0x00, 0x00, 0x5e, 0x00, 0x01, 0x0a];
const TARGET_IP: [u8; 4] = [10, 20, 0, 10];

/// `count` SYNs from random sources (10.0.0.0/8, random ports) to random ports of one
/// server, one microsecond apart. Each SYN is its own flow; none is answered.
pub(crate) fn syn_flood(out: &mut Pcap, seed: u64, count: u64) -> io::Result<u64> {
    let mut rng = Rng::new(seed);
    let mut f = Vec::with_capacity(64);
    for i in 0..count {
        let src = [
            10,
            rng.below(256) as u8,
            rng.below(256) as u8,
            rng.range(1, 254) as u8,
        ];
        let sport = rng.range(1024, 65535) as u16;
        let dport = rng.range(1, 65535) as u16;
        let b = PacketBuilder::ethernet2(GW_MAC, TARGET_MAC)
            .ipv4(src, TARGET_IP, 64)
            .tcp(sport, dport, rng.next_u32(), 1024)
            .syn();
        f.clear();
        b.write(&mut f, &[]).map_err(err)?;
        out.frame(i, &f)?;
        out.maybe_flush()?;
    }
    Ok(count)
}

/// `count` datagrams from one host, each to a distinct (address, port): ports 1-65535 of
/// 10.20.0.10 first, then of the following addresses, two microseconds apart.
pub(crate) fn udp_port_flood(out: &mut Pcap, count: u64) -> io::Result<u64> {
    let src = [10, 20, 0, 66];
    let src_mac = [0x00, 0x1d, 0x9c, 0x20, 0x00, 0x42];
    let mut f = Vec::with_capacity(64);
    for i in 0..count {
        let host = (i / 65_535) as u32;
        let port = 1 + (i % 65_535) as u16;
        let dst = (u32::from_be_bytes(TARGET_IP) + host).to_be_bytes();
        let b = PacketBuilder::ethernet2(src_mac, TARGET_MAC)
            .ipv4(src, dst, 64)
            .udp(40_000, port);
        f.clear();
        b.write(&mut f, b"probe").map_err(err)?;
        out.frame(2 * i, &f)?;
        out.maybe_flush()?;
    }
    Ok(count)
}

/// One FTP control connection (PathTrak server -> HCU 21) in which the server answers `count`
/// PASV commands with `count` distinct 227 announcements; no data connection follows.
pub(crate) fn pasv_flood(sim: &mut Sim, count: u64) -> io::Result<()> {
    let w = &mut sim.world;
    let (c, s) = (0, 1);
    let server_ip = w.host(s).ip;
    let mut t = w.tcp(c, s, 21)?;
    t.rtt(100);
    t.open();
    t.s(&b"220 FTP server ready.\r\n"[..], 0);
    t.c(&b"USER flood\r\n"[..], 0);
    t.s(&b"331 Password required.\r\n"[..], 0);
    t.c(&b"PASS flood\r\n"[..], 0);
    t.s(&b"230 Logged in.\r\n"[..], 0);
    t.pasv_flood(PasvFlood {
        left: count,
        next: 0,
        server_ip,
    });
    sim.spawn(0, t.task());
    Ok(())
}

pub(crate) fn pasv_hosts() -> Vec<Host> {
    vec![
        Host::new(
            "pathtrak-srv",
            [10, 40, 0, 10],
            Vlan::None,
            Os::Linux,
            &["pathtrak.server"],
        ),
        Host::new(
            "hcu400-01",
            [10, 40, 1, 40],
            Vlan::None,
            Os::VxWorks,
            &["pathtrak.hcu400"],
        ),
    ]
}

pub(crate) fn world(seed: u64) -> World {
    World::new(seed, pasv_hosts())
}
