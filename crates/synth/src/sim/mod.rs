//! The event engine: hosts, tasks (TCP conversations, CIP I/O connections, scripted frames,
//! activity generators) and a time-ordered scheduler that interleaves them. Every task emits
//! at most one packet per step, so the capture's timestamps never go backwards.
//!
//! Here: hosts, the world, scripted frames and the scheduler; TCP conversations are in
//! `tcp`, CIP I/O connections in `cip`.

mod cip;
mod tcp;

pub(crate) use cip::CipIo;
pub(crate) use tcp::*;

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::io;

use crate::count::FlowCount;
use crate::frame::{self, Link, Vlan};
use crate::out::Pcap;
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
