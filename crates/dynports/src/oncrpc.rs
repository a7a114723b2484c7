//! ONC RPC (RFC 5531) portmapper v2 (RFC 1833 section 3) and rpcbind v3/v4 (RFC 1833
//! section 2): TCP record marking, UDP datagrams, calls and replies matched by XID.

use std::collections::VecDeque;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::reader::{Endian, Reader};
use crate::{
    Announcement, Connector, DecodeError, Direction, Method, ParserStats, Protocol, Transport,
    MAX_PENDING, RPC_MAX_RECORD,
};

const PMAP_PROG: u32 = 100_000;
const MSG_CALL: u32 = 0;
const MSG_REPLY: u32 = 1;
const MSG_ACCEPTED: u32 = 0;
const MSG_DENIED: u32 = 1;
const SUCCESS: u32 = 0;
const PROC_GETPORT_GETADDR: u32 = 3;
const PROC_DUMP: u32 = 4;
const PROC_GETVERSADDR: u32 = 9;
const IPPROTO_TCP: u32 = 6;
const IPPROTO_UDP: u32 = 17;
/// Smallest plausible call or reply after the record mark: xid, type, and two more words.
const MIN_MESSAGE: usize = 16;

/// What the reply to a pending call means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CallKind {
    /// v2 GETPORT for `prog` over IP protocol `prot`.
    GetPort {
        prog: u32,
        prot: u32,
    },
    /// v3/v4 GETADDR or v4 GETVERSADDR for `prog` over `transport` (None: a netid that is not
    /// TCP or UDP, the reply announces nothing).
    GetAddr {
        prog: u32,
        transport: Option<Transport>,
        method: Method,
    },
    DumpV2,
    /// v3/v4 DUMP (rpcb entries with netid and universal address).
    DumpV3,
}

#[derive(Debug, Clone, Copy)]
struct Pending {
    xid: u32,
    dir: Direction,
    kind: CallKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum RecordState {
    /// Reading the 4-byte record mark; `have` bytes of it so far.
    #[default]
    Mark,
    /// Reading a fragment body.
    Body { remaining: usize, last: bool },
    /// After a gap: looking for a plausible record mark + message start.
    Resync,
}

#[derive(Debug, Default)]
struct RecordStream {
    state: RecordState,
    mark: Vec<u8>,
    record: Vec<u8>,
    /// The current record went over [`RPC_MAX_RECORD`]: drop it to its last fragment.
    oversized: bool,
    /// Bytes kept while resynchronising (bounded).
    resync: Vec<u8>,
}

/// Parser of one portmapper conversation: a TCP connection (both directions) or a UDP
/// client/server pair.
#[derive(Debug, Default)]
pub struct Portmap {
    streams: [RecordStream; 2],
    pending: VecDeque<Pending>,
    stats: ParserStats,
}

impl Portmap {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn stats(&self) -> &ParserStats {
        &self.stats
    }

    /// Feeds in-order TCP bytes of one direction (RFC 5531 section 11 record marking).
    pub fn feed_stream(&mut self, dir: Direction, data: &[u8], out: &mut Vec<Announcement>) {
        let mut data = data;
        while !data.is_empty() {
            let stream = &mut self.streams[dir.index()];
            match stream.state {
                RecordState::Resync => {
                    data = self.resync(dir, data, out);
                }
                RecordState::Mark => {
                    let need = 4 - stream.mark.len();
                    let n = need.min(data.len());
                    stream.mark.extend_from_slice(&data[..n]);
                    data = &data[n..];
                    if stream.mark.len() < 4 {
                        continue;
                    }
                    let mut word = [0u8; 4];
                    word.copy_from_slice(&stream.mark);
                    stream.mark.clear();
                    let word = u32::from_be_bytes(word);
                    let last = word & 0x8000_0000 != 0;
                    let len = (word & 0x7fff_ffff) as usize;
                    if !stream.oversized && stream.record.len() + len > RPC_MAX_RECORD {
                        self.stats.dropped_bytes += stream.record.len() as u64;
                        stream.record.clear();
                        stream.oversized = true;
                        self.stats.malformed(DecodeError::Invalid {
                            context: "ONC RPC record",
                            what: "record longer than the limit",
                            offset: 0,
                        });
                    }
                    stream.state = RecordState::Body {
                        remaining: len,
                        last,
                    };
                    if len == 0 {
                        self.end_fragment(dir, out);
                    }
                }
                RecordState::Body { remaining, last } => {
                    let n = remaining.min(data.len());
                    if stream.oversized {
                        self.stats.dropped_bytes += n as u64;
                    } else {
                        stream.record.extend_from_slice(&data[..n]);
                    }
                    data = &data[n..];
                    stream.state = RecordState::Body {
                        remaining: remaining - n,
                        last,
                    };
                    if remaining == n {
                        self.end_fragment(dir, out);
                    }
                }
            }
        }
    }

    fn end_fragment(&mut self, dir: Direction, out: &mut Vec<Announcement>) {
        let stream = &mut self.streams[dir.index()];
        let RecordState::Body { last, .. } = stream.state else {
            return;
        };
        stream.state = RecordState::Mark;
        if !last {
            return;
        }
        let record = std::mem::take(&mut stream.record);
        let oversized = std::mem::replace(&mut stream.oversized, false);
        if !oversized {
            self.message(dir, &record, out);
        }
        // Reuse the allocation for the next record.
        let stream = &mut self.streams[dir.index()];
        stream.record = record;
        stream.record.clear();
    }

    /// Scans for a plausible record start: a last-fragment mark of sane length followed by a
    /// portmapper call, or by a reply whose XID is pending. Returns the unconsumed input.
    fn resync<'d>(
        &mut self,
        dir: Direction,
        data: &'d [u8],
        out: &mut Vec<Announcement>,
    ) -> &'d [u8] {
        const WINDOW: usize = 4 + MIN_MESSAGE + 4;
        let stream = &mut self.streams[dir.index()];
        // Bounded: at most WINDOW - 1 old bytes plus one chunk slice of WINDOW bytes.
        let take = data.len().min(RPC_MAX_RECORD);
        stream.resync.extend_from_slice(&data[..take]);
        let rest = &data[take..];
        let buf = std::mem::take(&mut stream.resync);
        let found = (0..buf.len().saturating_sub(WINDOW - 1))
            .find(|&p| self.plausible_start(dir, &buf[p..]));
        match found {
            Some(p) => {
                self.stats.dropped_bytes += p as u64;
                let stream = &mut self.streams[dir.index()];
                stream.state = RecordState::Mark;
                stream.mark.clear();
                stream.record.clear();
                stream.oversized = false;
                // The bytes from `p` on were already taken out of `data`: replay them.
                self.feed_stream(dir, &buf[p..], out);
                rest
            }
            None => {
                let keep = buf.len().min(WINDOW - 1);
                self.stats.dropped_bytes += (buf.len() - keep) as u64;
                self.streams[dir.index()].resync = buf[buf.len() - keep..].to_vec();
                rest
            }
        }
    }
}

impl Portmap {
    /// Feeds one whole UDP datagram (one RPC message).
    pub fn feed_datagram(&mut self, dir: Direction, datagram: &[u8], out: &mut Vec<Announcement>) {
        self.message(dir, datagram, out);
    }

    /// Bytes were lost in `dir` (TCP): drop the partial record and resynchronise.
    pub fn gap(&mut self, dir: Direction) {
        self.stats.gaps += 1;
        let stream = &mut self.streams[dir.index()];
        let partial = stream.record.len() + stream.mark.len() + stream.resync.len();
        self.stats.dropped_bytes += partial as u64;
        *stream = RecordStream {
            state: RecordState::Resync,
            ..RecordStream::default()
        };
    }

    fn plausible_start(&self, dir: Direction, b: &[u8]) -> bool {
        let word = |i: usize| -> Option<u32> {
            let s = b.get(i..i + 4)?;
            Some(u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
        };
        let (Some(mark), Some(xid), Some(kind), Some(w3)) = (word(0), word(4), word(8), word(12))
        else {
            return false;
        };
        let len = (mark & 0x7fff_ffff) as usize;
        if mark & 0x8000_0000 == 0 || !(MIN_MESSAGE..=RPC_MAX_RECORD).contains(&len) {
            return false;
        }
        match kind {
            MSG_CALL => w3 == 2 && word(16) == Some(PMAP_PROG),
            MSG_REPLY => {
                w3 <= MSG_DENIED && self.pending.iter().any(|p| p.xid == xid && p.dir != dir)
            }
            _ => false,
        }
    }

    fn message(&mut self, dir: Direction, msg: &[u8], out: &mut Vec<Announcement>) {
        self.stats.messages += 1;
        let mut r = Reader::new(msg, Endian::Big, "ONC RPC message");
        let result = (|| -> Result<(), DecodeError> {
            let xid = r.u32()?;
            match r.u32()? {
                MSG_CALL => self.call(dir, xid, &mut r),
                MSG_REPLY => self.reply(dir, xid, &mut r, out),
                _ => Err(r.invalid("message type")),
            }
        })();
        if let Err(e) = result {
            self.stats.malformed(e);
        }
    }

    fn call(&mut self, dir: Direction, xid: u32, r: &mut Reader<'_>) -> Result<(), DecodeError> {
        if r.u32()? != 2 {
            return Err(r.invalid("RPC version"));
        }
        let prog = r.u32()?;
        let vers = r.u32()?;
        let proc_ = r.u32()?;
        skip_opaque_auth(r)?; // credentials
        skip_opaque_auth(r)?; // verifier
        if prog != PMAP_PROG {
            return Ok(());
        }
        let kind = match (vers, proc_) {
            (2, PROC_GETPORT_GETADDR) => {
                // struct mapping { prog, vers, prot, port }
                let prog = r.u32()?;
                let _vers = r.u32()?;
                let prot = r.u32()?;
                let _port = r.u32()?;
                CallKind::GetPort { prog, prot }
            }
            (3 | 4, PROC_GETPORT_GETADDR) | (4, PROC_GETVERSADDR) => {
                // struct rpcb { r_prog, r_vers, r_netid, r_addr, r_owner }
                let prog = r.u32()?;
                let _vers = r.u32()?;
                let transport = netid_transport(xdr_string(r)?);
                let _addr = xdr_string(r)?;
                let _owner = xdr_string(r)?;
                let method = if proc_ == PROC_GETVERSADDR {
                    Method::GetVersAddr
                } else {
                    Method::GetAddr
                };
                CallKind::GetAddr {
                    prog,
                    transport,
                    method,
                }
            }
            (2, PROC_DUMP) => CallKind::DumpV2,
            (3 | 4, PROC_DUMP) => CallKind::DumpV3,
            _ => return Ok(()),
        };
        // A retransmitted call (UDP) replaces the earlier one.
        self.pending.retain(|p| p.xid != xid);
        if self.pending.len() >= MAX_PENDING {
            self.pending.pop_front();
            self.stats.evicted_calls += 1;
        }
        self.pending.push_back(Pending { xid, dir, kind });
        Ok(())
    }

    fn reply(
        &mut self,
        dir: Direction,
        xid: u32,
        r: &mut Reader<'_>,
        out: &mut Vec<Announcement>,
    ) -> Result<(), DecodeError> {
        let Some(idx) = self
            .pending
            .iter()
            .position(|p| p.xid == xid && p.dir != dir)
        else {
            self.stats.unmatched_replies += 1;
            return Ok(());
        };
        let reply_stat = r.u32()?;
        let kind = self.pending.get(idx).map(|p| p.kind);
        // Any well-formed reply ends the call, whatever it says.
        match reply_stat {
            MSG_ACCEPTED => {}
            MSG_DENIED => {
                self.pending.remove(idx);
                return Ok(());
            }
            _ => return Err(r.invalid("reply_stat")),
        }
        skip_opaque_auth(r)?;
        let accept_stat = r.u32()?;
        self.pending.remove(idx);
        let Some(kind) = kind else {
            return Ok(());
        };
        if accept_stat != SUCCESS {
            // PROG_UNAVAIL, PROG_MISMATCH, PROC_UNAVAIL, GARBAGE_ARGS, SYSTEM_ERR.
            return Ok(());
        }
        let found = match kind {
            CallKind::GetPort { prog, prot } => {
                let port = r.u32()?;
                let port = u16::try_from(port).map_err(|_| r.invalid("GETPORT port"))?;
                match (port, prot_transport(prot)) {
                    (0, _) | (_, None) => Vec::new(),
                    (port, Some(t)) => vec![rpc_announcement(Method::GetPort, None, port, t, prog)],
                }
            }
            CallKind::GetAddr {
                prog,
                transport,
                method,
            } => {
                let uaddr = xdr_string(r)?;
                match (uaddr.is_empty(), transport) {
                    (true, _) | (_, None) => Vec::new(),
                    (false, Some(t)) => {
                        let (addr, port) =
                            parse_uaddr(uaddr).ok_or_else(|| r.invalid("universal address"))?;
                        if port == 0 {
                            Vec::new()
                        } else {
                            vec![rpc_announcement(method, addr, port, t, prog)]
                        }
                    }
                }
            }
            CallKind::DumpV2 => decode_dump_v2(r)?,
            CallKind::DumpV3 => decode_dump_v3(r)?,
        };
        self.stats.emit(found, out);
        Ok(())
    }
}

/// Skips an `opaque_auth` (flavor, length, body padded to 4; RFC 5531 section 8.2).
fn skip_opaque_auth(r: &mut Reader<'_>) -> Result<(), DecodeError> {
    let _flavor = r.u32()?;
    let len = r.u32()? as usize;
    if len > 400 {
        return Err(r.invalid("auth body length over 400"));
    }
    r.skip(len)?;
    r.align(4)
}

/// An XDR string or opaque: length, bytes, padding to 4.
fn xdr_string<'a>(r: &mut Reader<'a>) -> Result<&'a [u8], DecodeError> {
    let len = r.u32()? as usize;
    let s = r.take(len)?;
    r.align(4)?;
    Ok(s)
}

fn prot_transport(prot: u32) -> Option<Transport> {
    match prot {
        IPPROTO_TCP => Some(Transport::Tcp),
        IPPROTO_UDP => Some(Transport::Udp),
        _ => None,
    }
}

fn netid_transport(netid: &[u8]) -> Option<Transport> {
    match netid {
        b"tcp" | b"tcp6" => Some(Transport::Tcp),
        b"udp" | b"udp6" => Some(Transport::Udp),
        _ => None,
    }
}

/// Parses a universal address `h1.h2.h3.h4.p1.p2` or `x:x::x.p1.p2` (RFC 5665 section 5.2.3).
/// The address is `None` when unspecified.
fn parse_uaddr(uaddr: &[u8]) -> Option<(Option<IpAddr>, u16)> {
    let s = std::str::from_utf8(uaddr).ok()?;
    let mut parts = s.rsplitn(3, '.');
    let p2 = parts.next()?;
    let p1 = parts.next()?;
    let host = parts.next()?;
    let octet = |t: &str| -> Option<u16> {
        if t.is_empty() || t.len() > 3 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse::<u16>().ok().filter(|&v| v <= 255)
    };
    let port = octet(p1)? << 8 | octet(p2)?;
    let ip = if host.contains(':') {
        IpAddr::V6(host.parse::<Ipv6Addr>().ok()?)
    } else {
        IpAddr::V4(host.parse::<Ipv4Addr>().ok()?)
    };
    Some(((!ip.is_unspecified()).then_some(ip), port))
}

/// `pmaplist`: `{ bool more; mapping; }*` ending with `more = FALSE`.
fn decode_dump_v2(r: &mut Reader<'_>) -> Result<Vec<Announcement>, DecodeError> {
    let mut found = Vec::new();
    loop {
        match r.u32()? {
            0 => break,
            1 => {}
            _ => return Err(r.invalid("pmaplist value_follows")),
        }
        let prog = r.u32()?;
        let _vers = r.u32()?;
        let prot = r.u32()?;
        let port = r.u32()?;
        let port = u16::try_from(port).map_err(|_| r.invalid("mapping port"))?;
        if let (true, Some(t)) = (port != 0, prot_transport(prot)) {
            push_unique(
                &mut found,
                rpc_announcement(Method::Dump, None, port, t, prog),
            );
        }
    }
    Ok(found)
}

/// `rpcblist`: `{ bool more; rpcb; }*` ending with `more = FALSE`.
fn decode_dump_v3(r: &mut Reader<'_>) -> Result<Vec<Announcement>, DecodeError> {
    let mut found = Vec::new();
    let mut bad_uaddr = None;
    loop {
        match r.u32()? {
            0 => break,
            1 => {}
            _ => return Err(r.invalid("rpcblist value_follows")),
        }
        let prog = r.u32()?;
        let _vers = r.u32()?;
        let transport = netid_transport(xdr_string(r)?);
        let uaddr = xdr_string(r)?;
        let _owner = xdr_string(r)?;
        let Some(t) = transport else {
            continue;
        };
        match parse_uaddr(uaddr) {
            Some((_, 0)) => {}
            Some((addr, port)) => {
                push_unique(
                    &mut found,
                    rpc_announcement(Method::Dump, addr, port, t, prog),
                );
            }
            None => bad_uaddr = Some(r.invalid("universal address in rpcb entry")),
        }
    }
    // One bad entry does not void the others, but it is still reported.
    match (bad_uaddr, found.is_empty()) {
        (Some(e), true) => Err(e),
        _ => Ok(found),
    }
}

fn push_unique(found: &mut Vec<Announcement>, a: Announcement) {
    if !found.contains(&a) {
        found.push(a);
    }
}

fn rpc_announcement(
    method: Method,
    addr: Option<IpAddr>,
    port: u16,
    transport: Transport,
    prog: u32,
) -> Announcement {
    Announcement {
        protocol: Protocol::OncRpcPortmap,
        method,
        addr,
        port,
        transport,
        connector: Connector::Client,
        program: Some(prog),
    }
}
