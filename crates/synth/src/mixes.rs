//! Benchmark mixes unlike the plant corpus (issue 15): each stresses a different part of a
//! flow monitor, deterministic by seed, stopping at about `target_bytes`.
//!
//! - `churn`: many short flows (DNS from random source ports, a scanner's SYNs, some answered
//!   by a RST, health checks that open, ask, get an answer and close), ARP between them;
//! - `concurrent`: packets of about 3,000 open TCP sessions interleaved at random, CIP I/O,
//!   a new DNS flow every 50 packets, ARP and NetBIOS noise, 10 % of the sessions
//!   VLAN-tagged;
//! - `junk-control`: TCP sessions on ports 21, 111 and 135 whose payload is not FTP, ONC RPC
//!   or DCE-RPC (HTTP requests, TLS records, random bytes, long lines without CRLF), among
//!   ordinary sessions.
//!
//! Frames are built from header templates (`frame::tcp_tpl`) patched per packet, so the
//! generator writes a few hundred MB per second; payload bytes are slices of a pool filled
//! once from the seed.

use std::io;

use crate::frame::{arp_frame, tcp_tpl, udp_frame, udp_tpl, Link, Tpl, Vlan};
use crate::out::{Pcap, TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN};
use crate::rng::Rng;

/// Which mix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mix {
    Churn,
    Concurrent,
    JunkControl,
}

const POOL: usize = 1 << 16;

fn mac(ip: [u8; 4]) -> [u8; 6] {
    [0x02, 0x1d, ip[0], ip[1], ip[2], ip[3]]
}

fn link(src: [u8; 4], dst: [u8; 4], vlan: Vlan) -> Link {
    Link {
        src_mac: mac(src),
        dst_mac: mac(dst),
        vlan,
    }
}

/// What a session's data segments carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Payload {
    /// Random bytes (ordinary traffic: Modbus, EtherNet/IP, TLS application data).
    Random,
    /// An HTTP request / response, CRLF-terminated lines.
    Http,
    /// TLS records (0x16 0x03 0x01, lengths that do not match an RPC record mark).
    Tls,
    /// Printable text without any CRLF.
    Text,
}

/// One TCP connection, from SYN to the last ACK.
struct Session {
    c2s: Tpl,
    s2c: Tpl,
    cseq: u32,
    sseq: u32,
    /// 0 SYN, 1 SYN-ACK, 2 ACK, 3 data, 4 FIN, 5 FIN, 6 last ACK, 7 done.
    step: u8,
    /// Data segments still to send.
    left: u32,
    ip_id: u16,
    payload: Payload,
    /// Largest data segment.
    max_seg: u16,
}

struct Gen<'a, 'w> {
    rng: Rng,
    out: &'a mut Pcap<'w>,
    t: u64,
    /// Mean time between packets, microseconds.
    gap: u64,
    pool: Vec<u8>,
    text: Vec<u8>,
    stop_at: u64,
    flows: u64,
}

impl Gen<'_, '_> {
    fn done(&self) -> bool {
        self.out.bytes >= self.stop_at
    }

    fn tick(&mut self) -> u64 {
        self.t += self.rng.jitter(self.gap);
        self.t
    }

    fn slice(&mut self, kind: Payload, len: usize) -> (usize, usize) {
        let len = len.min(POOL / 2);
        let off = self.rng.below((POOL - len) as u64) as usize;
        let _ = kind;
        (off, off + len)
    }

    #[allow(clippy::too_many_arguments)]
    fn session(
        &mut self,
        c: [u8; 4],
        s: [u8; 4],
        sport: u16,
        dport: u16,
        vlan: Vlan,
        left: u32,
        payload: Payload,
        max_seg: u16,
    ) -> io::Result<Session> {
        let l = link(c, s, vlan);
        self.flows += 1;
        Ok(Session {
            c2s: tcp_tpl(&l, c, s, 64, sport, dport, false)?,
            s2c: tcp_tpl(&l.reversed(), s, c, 64, dport, sport, false)?,
            cseq: self.rng.next_u32(),
            sseq: self.rng.next_u32(),
            step: 0,
            left,
            ip_id: self.rng.next_u32() as u16,
            payload,
            max_seg,
        })
    }

    /// Emits the next packet of `s`; false once the session is over.
    fn advance(&mut self, s: &mut Session) -> io::Result<bool> {
        let ts = self.tick();
        s.ip_id = s.ip_id.wrapping_add(1);
        let (id, cs, ss) = (s.ip_id, s.cseq, s.sseq);
        match s.step {
            0 => {
                self.out.tcp(ts, &s.c2s, id, cs, 0, TCP_SYN, 64240, &[])?;
                s.cseq = cs.wrapping_add(1);
                s.step = 1;
            }
            1 => {
                self.out
                    .tcp(ts, &s.s2c, id, ss, s.cseq, TCP_SYN | TCP_ACK, 65160, &[])?;
                s.sseq = ss.wrapping_add(1);
                s.step = 2;
            }
            2 => {
                self.out
                    .tcp(ts, &s.c2s, id, cs, s.sseq, TCP_ACK, 502, &[])?;
                s.step = if s.left > 0 { 3 } else { 4 };
            }
            3 => {
                // The client speaks first, then either side at random.
                let from_client = s.left % 2 == 1 || self.rng.chance(400);
                let bytes = self.data(s.payload, s.max_seg);
                let body: &[u8] = match bytes {
                    Data::Pool(a, b) => &self.pool[a..b],
                    Data::Text(a, b) => &self.text[a..b],
                    Data::Fixed(x) => x,
                };
                let n = body.len() as u32;
                if from_client {
                    self.out
                        .tcp(ts, &s.c2s, id, cs, ss, TCP_PSH | TCP_ACK, 502, &[body])?;
                    s.cseq = cs.wrapping_add(n);
                } else {
                    self.out
                        .tcp(ts, &s.s2c, id, ss, cs, TCP_PSH | TCP_ACK, 509, &[body])?;
                    s.sseq = ss.wrapping_add(n);
                }
                s.left -= 1;
                if s.left == 0 {
                    s.step = 4;
                }
            }
            4 => {
                self.out
                    .tcp(ts, &s.c2s, id, cs, ss, TCP_FIN | TCP_ACK, 502, &[])?;
                s.cseq = cs.wrapping_add(1);
                s.step = 5;
            }
            5 => {
                self.out
                    .tcp(ts, &s.s2c, id, ss, s.cseq, TCP_FIN | TCP_ACK, 509, &[])?;
                s.sseq = ss.wrapping_add(1);
                s.step = 6;
            }
            _ => {
                self.out
                    .tcp(ts, &s.c2s, id, cs, s.sseq, TCP_ACK, 502, &[])?;
                s.step = 7;
            }
        }
        self.out.maybe_flush()?;
        Ok(s.step < 7)
    }

    fn data(&mut self, kind: Payload, max_seg: u16) -> Data {
        match kind {
            Payload::Random => {
                let n = self.rng.range(1, max_seg as u64) as usize;
                let (a, b) = self.slice(kind, n);
                Data::Pool(a, b)
            }
            Payload::Text => {
                let n = self.rng.range(40, max_seg as u64) as usize;
                let n = n.min(self.text.len() / 2);
                let a = self.rng.below((self.text.len() - n) as u64) as usize;
                Data::Text(a, a + n)
            }
            Payload::Http => Data::Fixed(if self.rng.chance(500) {
                &b"GET /health HTTP/1.1\r\nHost: 10.20.0.1\r\nUser-Agent: check/1.0\r\nAccept: */*\r\n\r\n"[..]
            } else {
                &b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n"[..]
            }),
            Payload::Tls => Data::Fixed(
                &[
                    0x16, 0x03, 0x01, 0x00, 0x2e, 0x01, 0x00, 0x00, 0x2a, 0x03, 0x03, 0x5a, 0x11,
                    0x8c, 0x20, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                    0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x13, 0x01, 0x01, 0x00,
                ][..],
            ),
        }
    }

    /// A DNS query from a random source port and its answer: a new flow each time.
    fn dns(&mut self, client: [u8; 4], server: [u8; 4], vlan: Vlan) -> io::Result<()> {
        let sport = self.rng.range(1024, 65535) as u16;
        let id = self.rng.next_u32() as u16;
        let mut q = Vec::with_capacity(64);
        q.extend_from_slice(&id.to_be_bytes());
        q.extend_from_slice(&[0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
        let name = self.rng.below(4000);
        q.extend_from_slice(format!("\x04h{name:03}\x05plant\x05local").as_bytes());
        q.extend_from_slice(&[0, 0, 1, 0, 1]);
        let l = link(client, server, vlan);
        let f = udp_frame(&l, client, server, 64, sport, 53, id, &q)?;
        let ts = self.tick();
        self.out.frame(ts, &f)?;
        q[2] = 0x81;
        q[3] = 0x80;
        q[7] = 1;
        q.extend_from_slice(&[0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4]);
        q.extend_from_slice(&[10, 20, (name >> 8) as u8, name as u8]);
        let f = udp_frame(&l.reversed(), server, client, 64, 53, sport, id, &q)?;
        let ts = self.tick();
        self.out.frame(ts, &f)?;
        self.flows += 1;
        self.out.maybe_flush()
    }

    fn arp(&mut self, a: [u8; 4], b: [u8; 4], vlan: Vlan) -> io::Result<()> {
        let l = Link {
            src_mac: mac(a),
            dst_mac: [0xff; 6],
            vlan,
        };
        let f = arp_frame(&l, false, mac(a), a, [0; 6], b)?;
        let ts = self.tick();
        self.out.frame(ts, &f)?;
        self.out.maybe_flush()
    }

    /// A NetBIOS name query broadcast (UDP 137 -> 137).
    fn netbios(&mut self, a: [u8; 4]) -> io::Result<()> {
        let l = Link {
            src_mac: mac(a),
            dst_mac: [0xff; 6],
            vlan: Vlan::None,
        };
        let id = self.rng.next_u32() as u16;
        let mut p = Vec::with_capacity(50);
        p.extend_from_slice(&id.to_be_bytes());
        p.extend_from_slice(&[0x01, 0x10, 0, 1, 0, 0, 0, 0, 0, 0, 0x20]);
        p.extend_from_slice(b"EOEBEPEGEBEMEFCACACACACACACACAAA");
        p.extend_from_slice(&[0, 0, 0x20, 0, 1]);
        let bcast = [a[0], a[1], a[2], 255];
        let f = udp_frame(&l, a, bcast, 128, 137, 137, id, &p)?;
        let ts = self.tick();
        self.out.frame(ts, &f)?;
        self.out.maybe_flush()
    }

    fn random_vlan(&mut self, per_mille: u64) -> Vlan {
        if self.rng.chance(per_mille) {
            Vlan::Single(100 + self.rng.below(8) as u16)
        } else {
            Vlan::None
        }
    }
}

enum Data {
    Pool(usize, usize),
    Text(usize, usize),
    Fixed(&'static [u8]),
}

fn client_ip(rng: &mut Rng, n: u64) -> [u8; 4] {
    let i = rng.below(n);
    [10, 1, (i >> 8) as u8, 1 + (i & 0x7f) as u8]
}

fn server_ip(rng: &mut Rng, n: u64) -> [u8; 4] {
    let i = rng.below(n);
    [10, 20, (i >> 7) as u8, 1 + (i & 0x7f) as u8]
}

/// Writes `mix` until about `target_bytes`; returns the number of flows started.
pub(crate) fn write(out: &mut Pcap, mix: Mix, seed: u64, target_bytes: u64) -> io::Result<u64> {
    let mut rng = Rng::new(seed ^ (mix as u64 + 1).wrapping_mul(0x9E37_79B9));
    let mut pool = vec![0u8; POOL];
    for c in pool.chunks_mut(8) {
        let v = rng.next_u64().to_le_bytes();
        c.copy_from_slice(&v[..c.len()]);
    }
    // Printable text without CR or LF (a line that never ends).
    let text: Vec<u8> = (0..POOL).map(|i| b' ' + (pool[i] % 94)).collect();
    let mut g = Gen {
        rng,
        out,
        t: 0,
        gap: 9,
        pool,
        text,
        stop_at: target_bytes.max(1),
        flows: 0,
    };
    match mix {
        Mix::Churn => churn(&mut g)?,
        Mix::Concurrent => concurrent(&mut g)?,
        Mix::JunkControl => junk_control(&mut g)?,
    }
    g.out.finish()?;
    Ok(g.flows)
}

/// Short flows one after another: DNS, a scanner, health checks, ARP.
fn churn(g: &mut Gen) -> io::Result<()> {
    g.gap = 20;
    let resolvers = [[10, 20, 0, 53], [10, 20, 1, 53]];
    let scanners = [[10, 9, 0, 66], [10, 9, 0, 67], [10, 9, 0, 68]];
    let monitor = [10, 9, 1, 10];
    // A few health checks open at once, advanced in turn.
    let mut checks: Vec<Session> = Vec::new();
    while !g.done() {
        let r = g.rng.below(100);
        if r < 45 {
            let c = client_ip(&mut g.rng, 4000);
            let s = resolvers[g.rng.below(2) as usize];
            let v = g.random_vlan(100);
            g.dns(c, s, v)?;
        } else if r < 75 {
            let sc = scanners[g.rng.below(3) as usize];
            let dst = server_ip(&mut g.rng, 16_000);
            let sport = g.rng.range(1024, 65535) as u16;
            let dport = g.rng.range(1, 65535) as u16;
            let l = link(sc, dst, Vlan::None);
            let syn = tcp_tpl(&l, sc, dst, 49, sport, dport, false)?;
            let seq = g.rng.next_u32();
            let ts = g.tick();
            g.out.tcp(ts, &syn, 1, seq, 0, TCP_SYN, 1024, &[])?;
            g.flows += 1;
            if g.rng.chance(400) {
                let rst = tcp_tpl(&l.reversed(), dst, sc, 64, dport, sport, false)?;
                let ts = g.tick();
                g.out.tcp(
                    ts,
                    &rst,
                    0,
                    0,
                    seq.wrapping_add(1),
                    TCP_RST | TCP_ACK,
                    0,
                    &[],
                )?;
            }
            g.out.maybe_flush()?;
        } else if r < 97 {
            if checks.len() < 16 {
                let dst = server_ip(&mut g.rng, 500);
                let dport = [80u16, 443, 502, 8080, 44818][g.rng.below(5) as usize];
                let sport = g.rng.range(32768, 60999) as u16;
                let s = g.session(monitor, dst, sport, dport, Vlan::None, 2, Payload::Http, 0)?;
                checks.push(s);
            }
            let i = g.rng.below(checks.len() as u64) as usize;
            let mut s = checks.swap_remove(i);
            if g.advance(&mut s)? {
                checks.push(s);
            }
        } else {
            let a = client_ip(&mut g.rng, 4000);
            let b = server_ip(&mut g.rng, 500);
            g.arp(a, b, Vlan::None)?;
        }
    }
    Ok(())
}

/// About 3,000 TCP sessions open at once, their packets interleaved at random, with CIP I/O,
/// DNS, ARP and NetBIOS around them.
fn concurrent(g: &mut Gen) -> io::Result<()> {
    g.gap = 9;
    const OPEN: usize = 3000;
    let ports = [502u16, 44818, 443, 80, 3389, 1433, 4840, 102, 20000, 8080];
    let mut open: Vec<Session> = Vec::with_capacity(OPEN + 1);
    // CIP I/O: 48 connections (UDP 2222 both ways), one datagram every ~40 packets.
    let mut cip: Vec<(Tpl, u16)> = Vec::new();
    for i in 0..48u8 {
        let a = [10, 30, 0, 10 + i];
        let b = [10, 30, 1, 10 + i];
        let v = if i % 10 == 0 {
            Vlan::Single(30)
        } else {
            Vlan::None
        };
        cip.push((udp_tpl(&link(a, b, v), a, b, 64, 2222, 2222)?, 0));
        cip.push((udp_tpl(&link(b, a, v), b, a, 64, 2222, 2222)?, 0));
        g.flows += 1;
    }
    let mut n: u64 = 0;
    while !g.done() {
        n += 1;
        while open.len() < OPEN {
            let c = client_ip(&mut g.rng, 8000);
            let s = server_ip(&mut g.rng, 2000);
            let sport = g.rng.range(1024, 65535) as u16;
            let dport = ports[g.rng.below(ports.len() as u64) as usize];
            let v = g.random_vlan(100);
            let left = g.rng.range(4, 40) as u32;
            let seg = [64u16, 260, 1400][g.rng.below(3) as usize];
            let sess = g.session(c, s, sport, dport, v, left, Payload::Random, seg)?;
            open.push(sess);
        }
        if n.is_multiple_of(40) {
            let i = g.rng.below(cip.len() as u64) as usize;
            let ts = g.tick();
            let (a, b) = g.slice(Payload::Random, 40);
            let (tpl, id) = &mut cip[i];
            *id = id.wrapping_add(1);
            g.out.udp(ts, tpl, *id, &[&g.pool[a..b]])?;
            g.out.maybe_flush()?;
            continue;
        }
        if n.is_multiple_of(50) {
            let c = client_ip(&mut g.rng, 8000);
            let v = g.random_vlan(100);
            g.dns(c, [10, 20, 0, 53], v)?;
            continue;
        }
        if n.is_multiple_of(120) {
            let a = client_ip(&mut g.rng, 8000);
            let b = server_ip(&mut g.rng, 2000);
            g.arp(a, b, Vlan::None)?;
            continue;
        }
        if n.is_multiple_of(330) {
            let a = client_ip(&mut g.rng, 8000);
            g.netbios(a)?;
            continue;
        }
        let i = g.rng.below(open.len() as u64) as usize;
        let mut s = open.swap_remove(i);
        if g.advance(&mut s)? {
            open.push(s);
        }
    }
    Ok(())
}

/// Sessions on 21, 111 and 135 that carry something else, among ordinary sessions.
fn junk_control(g: &mut Gen) -> io::Result<()> {
    g.gap = 12;
    const OPEN: usize = 400;
    let mut open: Vec<Session> = Vec::with_capacity(OPEN + 1);
    let mut n: u64 = 0;
    while !g.done() {
        n += 1;
        while open.len() < OPEN {
            let c = client_ip(&mut g.rng, 2000);
            let s = server_ip(&mut g.rng, 300);
            let sport = g.rng.range(1024, 65535) as u16;
            let junk = g.rng.chance(600);
            let dport = if junk {
                [21u16, 111, 135][g.rng.below(3) as usize]
            } else {
                [502u16, 443, 44818][g.rng.below(3) as usize]
            };
            let payload = if junk {
                [Payload::Random, Payload::Http, Payload::Tls, Payload::Text]
                    [g.rng.below(4) as usize]
            } else {
                Payload::Random
            };
            let v = g.random_vlan(100);
            let left = g.rng.range(2, 200) as u32;
            let seg = [64u16, 512, 1400][g.rng.below(3) as usize];
            let sess = g.session(c, s, sport, dport, v, left, payload, seg)?;
            open.push(sess);
        }
        if n.is_multiple_of(300) {
            let c = client_ip(&mut g.rng, 2000);
            g.dns(c, [10, 20, 0, 53], Vlan::None)?;
            continue;
        }
        let i = g.rng.below(open.len() as u64) as usize;
        let mut s = open.swap_remove(i);
        if g.advance(&mut s)? {
            open.push(s);
        }
    }
    Ok(())
}
