//! The event engine: hosts, tasks (TCP conversations, CIP I/O connections, scripted frames,
//! activity generators) and a time-ordered scheduler that interleaves them. Every task emits
//! at most one packet per step, so the capture's timestamps never go backwards.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::io;
use std::rc::Rc;

use crate::count::FlowCount;
use crate::frame::{self, Link, Tpl, Vlan};
use crate::out::{Pcap, TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN};
use crate::rng::Rng;

/// Filler for bulk payloads: one block of pseudo-random bytes (looks like ciphertext).
const POOL_LEN: usize = 1 << 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Os {
    Windows,
    Linux,
    VxWorks,
    Logix,
}

#[derive(Debug, Clone)]
pub(crate) struct Host {
    pub(crate) name: String,
    pub(crate) ip: [u8; 4],
    pub(crate) mac: [u8; 6],
    pub(crate) vlan: Vlan,
    /// MAC of the router on this host's segment (VRRP-style), the L2 peer of routed flows.
    pub(crate) gw_mac: [u8; 6],
    pub(crate) os: Os,
    pub(crate) roles: Vec<&'static str>,
    /// False for hosts deliberately left out of the site inventory.
    pub(crate) in_site: bool,
    next_eph: u16,
    ip_id: u16,
}

impl Host {
    pub(crate) fn new(name: &str, ip: [u8; 4], vlan: Vlan, os: Os, roles: &[&'static str]) -> Host {
        let mac = [0x00, 0x1d, 0x9c, ip[1], ip[2], ip[3]];
        let seg = match vlan {
            Vlan::None => 1,
            Vlan::Single(v) | Vlan::Double(_, v) => v,
        };
        Host {
            name: name.to_string(),
            ip,
            mac,
            vlan,
            gw_mac: [0x00, 0x00, 0x5e, 0x00, 0x01, seg as u8],
            os,
            roles: roles.to_vec(),
            in_site: true,
            next_eph: 0,
            ip_id: u16::from_be_bytes([ip[3], ip[2]]),
        }
    }

    fn ttl(&self) -> u8 {
        match self.os {
            Os::Windows => 128,
            Os::Linux => 64,
            Os::VxWorks | Os::Logix => 64,
        }
    }

    fn eph_range(&self) -> (u16, u16) {
        match self.os {
            Os::Windows | Os::Logix => (49152, 65535),
            Os::Linux => (32768, 60999),
            // VxWorks' ephemeral range (in.h), the same as the HCU400/1500 PASV range.
            Os::VxWorks => (1025, 5000),
        }
    }

    fn window(&self) -> u16 {
        match self.os {
            Os::Windows => 64240,
            Os::Linux => 29200,
            Os::VxWorks => 8760,
            Os::Logix => 4096,
        }
    }
}

pub(crate) struct World {
    pub(crate) hosts: Vec<Host>,
    pub(crate) rng: Rng,
    pool: Vec<u8>,
}

pub(crate) type HostId = usize;

impl World {
    pub(crate) fn new(seed: u64, hosts: Vec<Host>) -> World {
        let mut prng = Rng::new(0x9001);
        let mut pool = Vec::with_capacity(POOL_LEN);
        while pool.len() < POOL_LEN {
            pool.extend_from_slice(&prng.next_u64().to_le_bytes());
        }
        let mut rng = Rng::new(seed);
        let mut hosts = hosts;
        for h in &mut hosts {
            let (lo, hi) = h.eph_range();
            h.next_eph = rng.range(lo as u64, hi as u64) as u16;
        }
        World { hosts, rng, pool }
    }

    pub(crate) fn host(&self, id: HostId) -> &Host {
        // Host ids come from this crate's own tables; clamp rather than panic.
        &self.hosts[id.min(self.hosts.len().saturating_sub(1))]
    }

    pub(crate) fn find(&self, name: &str) -> Option<HostId> {
        self.hosts.iter().position(|h| h.name == name)
    }

    /// Layer 2 of `c -> s` as a tap on the server's segment sees it: direct when both share a
    /// VLAN, else from the server segment's router.
    pub(crate) fn link(&self, c: HostId, s: HostId) -> Link {
        let (hc, hs) = (self.host(c), self.host(s));
        let src_mac = if hc.vlan == hs.vlan {
            hc.mac
        } else {
            hs.gw_mac
        };
        Link {
            src_mac,
            dst_mac: hs.mac,
            vlan: hs.vlan,
        }
    }

    pub(crate) fn eph(&mut self, h: HostId) -> u16 {
        let i = h.min(self.hosts.len().saturating_sub(1));
        let Some(host) = self.hosts.get_mut(i) else {
            return 50000;
        };
        let (lo, hi) = host.eph_range();
        let p = host.next_eph;
        host.next_eph = if p >= hi { lo } else { p + 1 };
        p.clamp(lo, hi)
    }

    pub(crate) fn ip_id(&mut self, h: HostId) -> u16 {
        match self.hosts.get_mut(h) {
            Some(host) => {
                host.ip_id = host.ip_id.wrapping_add(1);
                host.ip_id
            }
            None => 0,
        }
    }

    /// A TCP conversation from `c` (ephemeral port) to `s:dport`.
    pub(crate) fn tcp(&mut self, c: HostId, s: HostId, dport: u16) -> io::Result<TcpConv> {
        let sport = self.eph(c);
        self.tcp_ports(c, s, sport, dport)
    }

    pub(crate) fn tcp_ports(
        &mut self,
        c: HostId,
        s: HostId,
        sport: u16,
        dport: u16,
    ) -> io::Result<TcpConv> {
        let l = self.link(c, s);
        let r = l.reversed();
        let (hc, hs) = (self.host(c).clone(), self.host(s).clone());
        let routed = hc.vlan != hs.vlan;
        let rtt = if routed {
            self.rng.range(300, 900)
        } else {
            self.rng.range(80, 250)
        } as u32;
        Ok(TcpConv {
            c,
            s,
            c2s: frame::tcp_tpl(&l, hc.ip, hs.ip, hc.ttl(), sport, dport, false)?,
            s2c: frame::tcp_tpl(&r, hs.ip, hc.ip, hs.ttl(), dport, sport, false)?,
            c2s_syn: frame::tcp_tpl(&l, hc.ip, hs.ip, hc.ttl(), sport, dport, true)?,
            s2c_syn: frame::tcp_tpl(&r, hs.ip, hc.ip, hs.ttl(), dport, sport, true)?,
            c_seq: self.rng.next_u32(),
            s_seq: self.rng.next_u32(),
            c_win: hc.window(),
            s_win: hs.window(),
            rtt,
            acts: VecDeque::new(),
            pend: VecDeque::new(),
            blocker: None,
            quote: Vec::new(),
            started: false,
            pasv_flood: None,
        })
    }

    /// Prebuilt UDP frame from `a` to `b` (cold path), layer 2 as seen on `b`'s segment.
    pub(crate) fn udp_frame(
        &mut self,
        a: HostId,
        b: HostId,
        sport: u16,
        dport: u16,
        payload: &[u8],
    ) -> io::Result<Vec<u8>> {
        let l = self.link(a, b);
        self.udp_frame_link(&l, a, self.host(b).ip, sport, dport, payload)
    }

    /// The reply direction of `udp_frame(a, b, ..)`: from `b` back to `a`, same segment.
    pub(crate) fn udp_reply_frame(
        &mut self,
        a: HostId,
        b: HostId,
        sport: u16,
        dport: u16,
        payload: &[u8],
    ) -> io::Result<Vec<u8>> {
        let l = self.link(a, b).reversed();
        self.udp_frame_link(&l, b, self.host(a).ip, sport, dport, payload)
    }

    pub(crate) fn udp_frame_link(
        &mut self,
        l: &Link,
        from: HostId,
        dst: [u8; 4],
        sport: u16,
        dport: u16,
        payload: &[u8],
    ) -> io::Result<Vec<u8>> {
        let id = self.ip_id(from);
        let h = self.host(from);
        frame::udp_frame(l, h.ip, dst, h.ttl(), sport, dport, id, payload)
    }

    /// An ICMP echo request from `a` to `b` and its reply (Windows' 32-byte payload).
    pub(crate) fn ping(
        &mut self,
        a: HostId,
        b: HostId,
        ident: u16,
        seq: u16,
    ) -> io::Result<[Vec<u8>; 2]> {
        const DATA: &[u8] = b"abcdefghijklmnopqrstuvwabcdefghi";
        let l = self.link(a, b);
        let (ia, ib) = (self.ip_id(a), self.ip_id(b));
        let (ha, hb) = (self.host(a), self.host(b));
        Ok([
            frame::icmp_echo_frame(&l, ha.ip, hb.ip, ha.ttl(), ia, true, ident, seq, DATA)?,
            frame::icmp_echo_frame(
                &l.reversed(),
                hb.ip,
                ha.ip,
                hb.ttl(),
                ib,
                false,
                ident,
                seq,
                DATA,
            )?,
        ])
    }

    fn pool_slices(&self, start: usize, len: usize) -> (&[u8], &[u8]) {
        let s = start % POOL_LEN;
        let first = len.min(POOL_LEN - s);
        let a = self.pool.get(s..s + first).unwrap_or(&[]);
        let b = self.pool.get(..len - first).unwrap_or(&[]);
        (a, b)
    }
}

// ------------------------------------------------------------------ TCP conversations

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    C2S,
    S2C,
}

/// A message on the byte stream: `head` then `fill` bytes of filler.
pub(crate) struct Msg {
    head: Vec<u8>,
    fill: usize,
    tail: Vec<u8>,
}

impl Msg {
    fn len(&self) -> usize {
        self.head.len() + self.fill + self.tail.len()
    }
}

pub(crate) enum Act {
    Open,
    /// SYN and its retransmissions, never answered.
    OpenUnanswered(u8),
    /// SYN answered by RST (port closed), retried.
    OpenRefused(u8),
    /// SYN answered by ICMP administratively prohibited from the blocker, retried.
    OpenBlocked(u8),
    Send(Dir, Msg),
    Think(u32),
    Close(Dir),
    Spawn(Box<Task>),
}

enum Pkt {
    Seg {
        dir: Dir,
        flags: u8,
        seq: u32,
        ack: u32,
        data: Option<(Rc<Msg>, usize, usize)>,
        after: u32,
    },
    Icmp13 {
        after: u32,
    },
    Nop {
        after: u32,
    },
    Spawn {
        task: Box<Task>,
        after: u32,
    },
}

const MSS: usize = 1460;

pub(crate) struct TcpConv {
    c: HostId,
    s: HostId,
    c2s: Tpl,
    s2c: Tpl,
    c2s_syn: Tpl,
    s2c_syn: Tpl,
    c_seq: u32,
    s_seq: u32,
    c_win: u16,
    s_win: u16,
    rtt: u32,
    acts: VecDeque<Act>,
    pend: VecDeque<Pkt>,
    /// Firewall that answers SYNs with ICMP 3/13: its MAC and address.
    blocker: Option<([u8; 6], [u8; 4])>,
    quote: Vec<u8>,
    started: bool,
    /// PASV announcements still to script, generated lazily (a flood must not be
    /// materialised up front).
    pasv_flood: Option<PasvFlood>,
}

pub(crate) struct PasvFlood {
    pub(crate) left: u64,
    pub(crate) next: u64,
    pub(crate) server_ip: [u8; 4],
}

impl PasvFlood {
    /// The i-th announcement: ports 1024-65535 on the server's own address, then (beyond
    /// 64512 announcements) the same ports on other addresses, so every one is distinct.
    pub(crate) fn endpoint(&self, i: u64) -> ([u8; 4], u16) {
        let block = i / 64_512;
        let port = 1024 + (i % 64_512) as u16;
        let ip = if block == 0 {
            self.server_ip
        } else {
            [10, 250, (block >> 8) as u8, block as u8]
        };
        (ip, port)
    }
}

/// Serialisation time on a 1 Gbit/s link, in microseconds (at least 1).
fn tx_us(len: usize) -> u32 {
    (((len + 58) * 8) / 1000).max(1) as u32
}

impl TcpConv {
    pub(crate) fn rtt(&mut self, us: u32) -> &mut Self {
        self.rtt = us.max(2);
        self
    }
    pub(crate) fn open(&mut self) -> &mut Self {
        self.acts.push_back(Act::Open);
        self
    }
    pub(crate) fn act(&mut self, a: Act) -> &mut Self {
        self.acts.push_back(a);
        self
    }
    pub(crate) fn blocked_by(&mut self, fw_mac: [u8; 6], fw_ip: [u8; 4], tries: u8) -> &mut Self {
        self.blocker = Some((fw_mac, fw_ip));
        self.acts.push_back(Act::OpenBlocked(tries));
        self
    }
    /// Client sends `head` followed by `fill` filler bytes.
    pub(crate) fn c(&mut self, head: impl Into<Vec<u8>>, fill: usize) -> &mut Self {
        self.acts.push_back(Act::Send(
            Dir::C2S,
            Msg {
                head: head.into(),
                fill,
                tail: Vec::new(),
            },
        ));
        self
    }
    /// Server sends `head`, `fill` filler bytes, then `tail`.
    pub(crate) fn s3(&mut self, head: Vec<u8>, fill: usize, tail: Vec<u8>) -> &mut Self {
        self.acts
            .push_back(Act::Send(Dir::S2C, Msg { head, fill, tail }));
        self
    }
    pub(crate) fn s(&mut self, head: impl Into<Vec<u8>>, fill: usize) -> &mut Self {
        self.acts.push_back(Act::Send(
            Dir::S2C,
            Msg {
                head: head.into(),
                fill,
                tail: Vec::new(),
            },
        ));
        self
    }
    pub(crate) fn think(&mut self, us: u32) -> &mut Self {
        self.acts.push_back(Act::Think(us));
        self
    }
    pub(crate) fn close(&mut self) -> &mut Self {
        self.acts.push_back(Act::Close(Dir::C2S));
        self
    }
    pub(crate) fn spawn(&mut self, t: Task) -> &mut Self {
        self.acts.push_back(Act::Spawn(Box::new(t)));
        self
    }
    pub(crate) fn task(self) -> Task {
        Task::Tcp(Box::new(self))
    }
    pub(crate) fn pasv_flood(&mut self, f: PasvFlood) -> &mut Self {
        self.pasv_flood = Some(f);
        self
    }

    fn refill(&mut self) {
        let Some(f) = &mut self.pasv_flood else {
            return;
        };
        if f.left == 0 {
            self.pasv_flood = None;
            self.c(&b"QUIT\r\n"[..], 0)
                .s(&b"221 Goodbye.\r\n"[..], 0)
                .close();
            return;
        }
        let (ip, port) = f.endpoint(f.next);
        f.next += 1;
        f.left -= 1;
        self.c(&b"PASV\r\n"[..], 0)
            .s(crate::proto::ftp_227(ip, port), 0);
    }

    fn seg(&mut self, dir: Dir, flags: u8, data: Option<(Rc<Msg>, usize, usize)>, after: u32) {
        let (seq, ack) = match dir {
            Dir::C2S => (self.c_seq, self.s_seq),
            Dir::S2C => (self.s_seq, self.c_seq),
        };
        let adv =
            data.as_ref().map_or(0, |d| d.2) as u32 + u32::from(flags & (TCP_SYN | TCP_FIN) != 0);
        match dir {
            Dir::C2S => self.c_seq = self.c_seq.wrapping_add(adv),
            Dir::S2C => self.s_seq = self.s_seq.wrapping_add(adv),
        }
        self.pend.push_back(Pkt::Seg {
            dir,
            flags,
            seq,
            ack,
            data,
            after,
        });
    }

    /// Turns the next action into packets. False when the script is done.
    fn expand(&mut self) -> bool {
        if self.acts.is_empty() {
            self.refill();
        }
        let Some(act) = self.acts.pop_front() else {
            return false;
        };
        let half = self.rtt / 2;
        match act {
            Act::Open => {
                self.seg(Dir::C2S, TCP_SYN, None, half);
                self.seg(Dir::S2C, TCP_SYN | TCP_ACK, None, half);
                self.seg(Dir::C2S, TCP_ACK, None, 40);
            }
            Act::OpenUnanswered(n) => {
                let isn = self.c_seq;
                for i in 0..n.max(1) {
                    self.c_seq = isn;
                    self.seg(Dir::C2S, TCP_SYN, None, 1_000_000u32 << i.min(5));
                }
            }
            Act::OpenRefused(n) => {
                let isn = self.c_seq;
                for _ in 0..n.max(1) {
                    self.c_seq = isn;
                    self.seg(Dir::C2S, TCP_SYN, None, half);
                    // RST/ACK: seq 0, acknowledging the SYN (RFC 9293 3.10.7.1)
                    self.s_seq = 0;
                    self.seg(Dir::S2C, TCP_RST | TCP_ACK, None, 500_000);
                }
            }
            Act::OpenBlocked(n) => {
                let isn = self.c_seq;
                for i in 0..n.max(1) {
                    self.c_seq = isn;
                    self.seg(Dir::C2S, TCP_SYN, None, half);
                    self.pend.push_back(Pkt::Icmp13 {
                        after: 1_000_000u32 << i.min(5),
                    });
                }
            }
            Act::Send(dir, msg) => {
                let total = msg.len();
                let msg = Rc::new(msg);
                let mut off = 0;
                let mut n = 0;
                while off < total {
                    let len = MSS.min(total - off);
                    let last = off + len >= total;
                    n += 1;
                    let ack_now = last || n % 2 == 0;
                    let flags = if last { TCP_ACK | TCP_PSH } else { TCP_ACK };
                    let after = if ack_now { half } else { tx_us(len) };
                    self.seg(dir, flags, Some((Rc::clone(&msg), off, len)), after);
                    if ack_now {
                        let back = if dir == Dir::C2S { Dir::S2C } else { Dir::C2S };
                        self.seg(back, TCP_ACK, None, if last { 30 } else { half });
                    }
                    off += len;
                }
            }
            Act::Think(us) => self.pend.push_back(Pkt::Nop { after: us }),
            Act::Close(dir) => {
                let other = if dir == Dir::C2S { Dir::S2C } else { Dir::C2S };
                self.seg(dir, TCP_FIN | TCP_ACK, None, half);
                self.seg(other, TCP_FIN | TCP_ACK, None, half);
                self.seg(dir, TCP_ACK, None, 1);
            }
            Act::Spawn(task) => self.pend.push_back(Pkt::Spawn { task, after: 0 }),
        }
        true
    }

    fn step(&mut self, now: u64, cx: &mut Cx) -> io::Result<Option<u64>> {
        while self.pend.is_empty() {
            if !self.expand() {
                return Ok(None);
            }
        }
        let Some(p) = self.pend.pop_front() else {
            return Ok(None);
        };
        if !self.started {
            self.started = true;
            cx.flows.started();
        }
        let after = match p {
            Pkt::Seg {
                dir,
                flags,
                seq,
                ack,
                data,
                after,
            } => {
                let (from, win) = match dir {
                    Dir::C2S => (self.c, self.c_win),
                    Dir::S2C => (self.s, self.s_win),
                };
                let tpl = match (dir, flags & TCP_SYN != 0) {
                    (Dir::C2S, false) => &self.c2s,
                    (Dir::C2S, true) => &self.c2s_syn,
                    (Dir::S2C, false) => &self.s2c,
                    (Dir::S2C, true) => &self.s2c_syn,
                };
                let id = cx.world.ip_id(from);
                let win = if flags & TCP_RST != 0 { 0 } else { win };
                match &data {
                    None => cx.out.tcp(now, tpl, id, seq, ack, flags, win, &[])?,
                    Some((msg, off, len)) => {
                        let (off, end) = (*off, off + len);
                        let hl = msg.head.len();
                        let fl = hl + msg.fill;
                        let head = msg.head.get(off.min(hl)..end.min(hl)).unwrap_or(&[]);
                        let fill_start = off.clamp(hl, fl) - hl;
                        let fill_len = end.clamp(hl, fl) - hl - fill_start;
                        let (a, b) = cx.world.pool_slices(fill_start, fill_len);
                        let tail = msg
                            .tail
                            .get(off.max(fl) - fl..end.max(fl) - fl)
                            .unwrap_or(&[]);
                        cx.out
                            .tcp(now, tpl, id, seq, ack, flags, win, &[head, a, b, tail])?;
                    }
                }
                if flags & TCP_SYN != 0 && dir == Dir::C2S && self.blocker.is_some() {
                    let f = cx.out.last_frame();
                    let ip = tpl.ip_off;
                    self.quote = f.get(ip..ip + 28).unwrap_or(&[]).to_vec();
                }
                after
            }
            Pkt::Icmp13 { after } => {
                if let Some((fw_mac, fw_ip)) = self.blocker {
                    let client_mac = self.c2s.bytes.get(6..12).map_or([0; 6], |m| {
                        let mut a = [0u8; 6];
                        a.copy_from_slice(m);
                        a
                    });
                    let vlan = cx.world.link(self.c, self.s).vlan;
                    let l = Link {
                        src_mac: fw_mac,
                        dst_mac: client_mac,
                        vlan,
                    };
                    let dst = cx.world.host(self.c).ip;
                    let mut f = frame::icmp_prohibited_frame(&l, fw_ip, dst, 255, &self.quote)?;
                    frame::set_ip_id(&mut f, self.c2s.ip_off, cx.world.rng.next_u32() as u16);
                    cx.out.frame(now, &f)?;
                }
                after
            }
            Pkt::Nop { after } => after,
            Pkt::Spawn { task, after } => {
                cx.spawned.push((0, *task));
                after
            }
        };
        Ok(Some(after as u64))
    }
}

// ------------------------------------------------------------------ CIP I/O

/// A class 1 CIP I/O connection over UDP 2222: originator -> target with a run/idle header
/// and target -> originator, each once per RPI.
pub(crate) struct CipIo {
    o: HostId,
    t: HostId,
    ot: Tpl,
    to: Tpl,
    ot_conn: u32,
    to_conn: u32,
    seq: u32,
    rpi_us: u32,
    ot_len: usize,
    to_len: usize,
    phase: bool,
    hdr: [u8; 20],
    data: [u8; 132],
    started: bool,
}

impl CipIo {
    pub(crate) fn new(
        world: &mut World,
        o: HostId,
        t: HostId,
        rpi_us: u32,
        ot_len: usize,
        to_len: usize,
    ) -> io::Result<CipIo> {
        let l = world.link(o, t);
        let (ho, ht) = (world.host(o).clone(), world.host(t).clone());
        let mut data = [0u8; 132];
        for b in data.iter_mut() {
            *b = world.rng.next_u32() as u8;
        }
        data[..4].copy_from_slice(&[1, 0, 0, 0]); // run/idle header: run
        Ok(CipIo {
            o,
            t,
            ot: frame::udp_tpl(&l, ho.ip, ht.ip, ho.ttl(), 2222, 2222)?,
            to: frame::udp_tpl(&l.reversed(), ht.ip, ho.ip, ht.ttl(), 2222, 2222)?,
            ot_conn: world.rng.next_u32(),
            to_conn: world.rng.next_u32(),
            seq: world.rng.next_u32() >> 8,
            rpi_us: rpi_us.max(100),
            ot_len: ot_len.clamp(4, 128),
            to_len: to_len.clamp(1, 128),
            phase: false,
            hdr: [0; 20],
            data,
            started: false,
        })
    }

    fn step(&mut self, now: u64, cx: &mut Cx) -> io::Result<Option<u64>> {
        if !self.started {
            self.started = true;
            cx.flows.started();
        }
        let (conn, from, tpl, data, after) = if self.phase {
            let d = &self.data[4..4 + self.to_len];
            (
                self.to_conn,
                self.t,
                &self.to,
                d,
                self.rpi_us - self.rpi_us / 3,
            )
        } else {
            self.seq = self.seq.wrapping_add(1);
            // I/O data changes slowly: flip one byte per cycle.
            let i = 4 + (self.seq as usize % (self.ot_len.max(5) - 4));
            self.data[i] = self.data[i].wrapping_add(1);
            (
                self.ot_conn,
                self.o,
                &self.ot,
                &self.data[..self.ot_len],
                self.rpi_us / 3,
            )
        };
        let h = &mut self.hdr;
        h[0..2].copy_from_slice(&2u16.to_le_bytes());
        h[2..4].copy_from_slice(&0x8002u16.to_le_bytes());
        h[4..6].copy_from_slice(&8u16.to_le_bytes());
        h[6..10].copy_from_slice(&conn.to_le_bytes());
        h[10..14].copy_from_slice(&self.seq.to_le_bytes());
        h[14..16].copy_from_slice(&0x00b1u16.to_le_bytes());
        h[16..18].copy_from_slice(&(2 + data.len() as u16).to_le_bytes());
        h[18..20].copy_from_slice(&(self.seq as u16).to_le_bytes());
        let id = cx.world.ip_id(from);
        cx.out.udp(now, tpl, id, &[&h[..], data])?;
        self.phase = !self.phase;
        Ok(Some(after as u64))
    }
}

// ------------------------------------------------------------------ scripted frames

/// Prebuilt frames with the delay after each (cold-path traffic: ICMP, DNS, ARP, LLDP, ...).
pub(crate) struct Script {
    frames: VecDeque<(Vec<u8>, u32)>,
}

impl Script {
    pub(crate) fn new() -> Script {
        Script {
            frames: VecDeque::new(),
        }
    }
    pub(crate) fn push(&mut self, frame: Vec<u8>, after_us: u32) -> &mut Self {
        self.frames.push_back((frame, after_us));
        self
    }
    pub(crate) fn task(self) -> Task {
        Task::Script(self)
    }
    fn step(&mut self, now: u64, cx: &mut Cx) -> io::Result<Option<u64>> {
        let Some((f, after)) = self.frames.pop_front() else {
            return Ok(None);
        };
        // Their flows are counted by key: pings and datagrams of one key are one flow.
        cx.flows.script_frame(now, &f);
        cx.out.frame(now, &f)?;
        Ok(Some(after as u64))
    }
}

// ------------------------------------------------------------------ scheduler

pub(crate) enum Task {
    Tcp(Box<TcpConv>),
    Cip(Box<CipIo>),
    Script(Script),
    Gen(Box<crate::plant::Gen>),
}

pub(crate) struct Cx<'a, 'w> {
    pub(crate) world: &'a mut World,
    pub(crate) out: &'a mut Pcap<'w>,
    /// Tasks to start, with their delay from now.
    pub(crate) spawned: &'a mut Vec<(u64, Task)>,
    pub(crate) flows: &'a mut FlowCount,
}

impl Task {
    fn step(&mut self, now: u64, cx: &mut Cx) -> io::Result<Option<u64>> {
        match self {
            Task::Tcp(t) => t.step(now, cx),
            Task::Cip(t) => t.step(now, cx),
            Task::Script(t) => t.step(now, cx),
            Task::Gen(g) => g.step(now, cx),
        }
    }
}

pub(crate) struct Sim<'w> {
    pub(crate) world: World,
    pub(crate) out: Pcap<'w>,
    heap: BinaryHeap<Reverse<(u64, u64, usize)>>,
    slots: Vec<Option<Task>>,
    free: Vec<usize>,
    seq: u64,
    /// The flows the flow table will build (crate::count).
    pub(crate) flows: FlowCount,
    /// Stop once the file reaches this many bytes (0: run until every task is done).
    pub(crate) stop_at: u64,
}

impl<'w> Sim<'w> {
    pub(crate) fn new(world: World, out: Pcap<'w>) -> Sim<'w> {
        Sim {
            world,
            out,
            heap: BinaryHeap::new(),
            slots: Vec::new(),
            free: Vec::new(),
            seq: 0,
            flows: FlowCount::default(),
            stop_at: 0,
        }
    }

    pub(crate) fn spawn(&mut self, at: u64, task: Task) {
        let slot = match self.free.pop() {
            Some(s) => {
                if let Some(x) = self.slots.get_mut(s) {
                    *x = Some(task);
                }
                s
            }
            None => {
                self.slots.push(Some(task));
                self.slots.len() - 1
            }
        };
        // The sequence number breaks ties in spawn order: deterministic interleaving.
        self.seq += 1;
        self.heap.push(Reverse((at, self.seq, slot)));
    }

    pub(crate) fn run(&mut self) -> io::Result<()> {
        let mut spawned = Vec::new();
        while let Some(Reverse((now, _, slot))) = self.heap.pop() {
            let Some(mut task) = self.slots.get_mut(slot).and_then(Option::take) else {
                continue;
            };
            let mut cx = Cx {
                world: &mut self.world,
                out: &mut self.out,
                spawned: &mut spawned,
                flows: &mut self.flows,
            };
            let packets = cx.out.packets;
            let next = task.step(now, &mut cx)?;
            if self.out.packets != packets {
                self.flows.packet(now);
            }
            self.out.maybe_flush()?;
            match next {
                Some(d) => {
                    if let Some(x) = self.slots.get_mut(slot) {
                        *x = Some(task);
                    }
                    self.seq += 1;
                    self.heap.push(Reverse((now + d, self.seq, slot)));
                }
                None => self.free.push(slot),
            }
            for (d, t) in spawned.drain(..) {
                self.spawn(now + d, t);
            }
            if self.stop_at > 0 && self.out.bytes >= self.stop_at {
                break;
            }
        }
        self.out.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cip_io_hot_path_matches_the_reference_encoding() {
        let hosts = vec![
            Host::new("plc", [10, 20, 1, 11], Vlan::Single(20), Os::Logix, &[]),
            Host::new("io", [10, 20, 1, 101], Vlan::Single(20), Os::Logix, &[]),
        ];
        let mut world = World::new(1, hosts);
        let mut io = CipIo::new(&mut world, 0, 1, 10_000, 12, 20).unwrap();
        let mut file = Vec::new();
        let mut spawned = Vec::new();
        let mut flows = FlowCount::default();
        {
            let mut out = Pcap::new(&mut file);
            let mut cx = Cx {
                world: &mut world,
                out: &mut out,
                spawned: &mut spawned,
                flows: &mut flows,
            };
            io.step(0, &mut cx).unwrap();
            let frame = cx.out.last_frame().to_vec();
            let want = crate::proto::cip_io(io.ot_conn, io.seq, io.seq as u16, &io.data[..12]);
            // Ethernet + 802.1Q + IPv4 + UDP = 46 bytes of headers
            assert_eq!(&frame[46..46 + want.len()], &want[..]);
            out.finish().unwrap();
        }
        assert_eq!(flows.total(), 1);
    }
}
