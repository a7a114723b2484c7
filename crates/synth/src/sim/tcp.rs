//! TCP conversations: handshake, messages segmented at the MSS, acknowledgements and close.

use std::collections::VecDeque;
use std::io;
use std::rc::Rc;

use super::{Cx, HostId, Task};
use crate::frame::{self, Link, Tpl};
use crate::out::{TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN};

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

pub(super) enum Pkt {
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
    pub(super) c: HostId,
    pub(super) s: HostId,
    pub(super) c2s: Tpl,
    pub(super) s2c: Tpl,
    pub(super) c2s_syn: Tpl,
    pub(super) s2c_syn: Tpl,
    pub(super) c_seq: u32,
    pub(super) s_seq: u32,
    pub(super) c_win: u16,
    pub(super) s_win: u16,
    pub(super) rtt: u32,
    pub(super) acts: VecDeque<Act>,
    pub(super) pend: VecDeque<Pkt>,
    /// Firewall that answers SYNs with ICMP 3/13: its MAC and address.
    pub(super) blocker: Option<([u8; 6], [u8; 4])>,
    pub(super) quote: Vec<u8>,
    pub(super) started: bool,
    /// PASV announcements still to script, generated lazily (a flood must not be
    /// materialised up front).
    pub(super) pasv_flood: Option<PasvFlood>,
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

    pub(super) fn step(&mut self, now: u64, cx: &mut Cx) -> io::Result<Option<u64>> {
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
