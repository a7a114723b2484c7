//! ONC RPC (RFC 5531) portmapper v2 (RFC 1833 section 3) and rpcbind v3/v4 (RFC 1833
//! section 2): TCP record marking, UDP datagrams, calls and replies matched by XID.
//!
//! `record` cuts TCP streams into records (RFC 5531 section 11) and resynchronises after
//! lost bytes; `rpcbind` decodes the XDR arguments and results. This module matches calls
//! and replies and decides what a reply announces.

mod record;
mod rpcbind;

use std::collections::VecDeque;

use crate::reader::{Endian, Reader};
use crate::{
    Announcement, ControlParser, DecodeError, Direction, Method, ParserStats, Transport,
    MAX_PENDING, RPC_MAX_RECORD,
};
use record::RecordStream;
use rpcbind::{
    decode_dump_v2, decode_dump_v3, netid_transport, parse_uaddr, prot_transport, rpc_announcement,
    skip_opaque_auth, xdr_string,
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

/// Parser of one portmapper conversation: a TCP connection (both directions) or a UDP
/// client/server pair.
#[derive(Debug, Default)]
pub struct Portmap {
    streams: [RecordStream; 2],
    pending: VecDeque<Pending>,
    stats: ParserStats,
    /// The first bytes of each direction, held until they show whether the stream is ONC
    /// RPC (see [`Probe`]).
    probes: [Probe; 2],
    /// Bytes scanned for a record start in a direction whose start was not seen and that
    /// has not yet shown one.
    scanned: [usize; 2],
    /// The connection was found not to be ONC RPC: nothing more is looked at.
    not_protocol: bool,
}

/// Bytes the first record of a stream must show: record mark, xid, message type, and for a
/// call the RPC version and program.
const PROBE_LEN: usize = 20;
/// How far a stream whose start was not seen is scanned for a record start before it is
/// given up: two of the largest records.
const RESYNC_BUDGET: usize = 2 * RPC_MAX_RECORD;

/// The start of one direction, before it is decided.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Probe {
    /// Collecting the first [`PROBE_LEN`] bytes.
    #[default]
    Start,
    /// The first record looked like ONC RPC (or the start was not seen and a record start
    /// was found by the scan): bytes go to the record layer.
    Decided,
    /// The start was not seen: bytes go to the record layer's scan, within the budget.
    Midstream,
}

/// Whether the first bytes of a stream can be a portmapper call or an RPC reply: a record
/// mark of sane length, then a call (RPC version 2, program 100000) or a reply (MSG_ACCEPTED
/// or MSG_DENIED).
fn plausible_first_record(b: &[u8; PROBE_LEN]) -> bool {
    let word = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let len = (word(0) & 0x7fff_ffff) as usize;
    if !(MIN_MESSAGE..=RPC_MAX_RECORD).contains(&len) {
        return false;
    }
    match word(8) {
        MSG_CALL => word(12) == 2 && word(16) == PMAP_PROG,
        MSG_REPLY => word(12) <= MSG_DENIED,
        _ => false,
    }
}

impl Portmap {
    pub fn new() -> Self {
        Self::default()
    }

    /// The connection is not ONC RPC: counted once, every buffer freed, the rest ignored.
    fn give_up(&mut self) {
        self.not_protocol = true;
        self.stats.not_protocol = 1;
        self.streams = Default::default();
        self.pending = VecDeque::new();
    }
}

impl ControlParser for Portmap {
    /// Feeds in-order TCP bytes of one direction (RFC 5531 section 11 record marking).
    fn feed(&mut self, dir: Direction, data: &[u8], out: &mut Vec<Announcement>) {
        if self.not_protocol {
            return;
        }
        let i = dir.index();
        // When the other direction carried RPC, bad bytes here are resynchronised on.
        let other_decided = self.probes[1 - i] == Probe::Decided;
        match self.probes[i] {
            Probe::Decided => self.feed_stream(dir, data, out),
            Probe::Midstream => {
                self.scanned[i] = self.scanned[i].saturating_add(data.len());
                self.feed_stream(dir, data, out);
                if self.streams[i].found_start() {
                    self.probes[i] = Probe::Decided;
                } else if self.scanned[i] > RESYNC_BUDGET && !other_decided {
                    self.give_up();
                }
            }
            Probe::Start => {
                let have = self.streams[i].probe_len();
                let n = (PROBE_LEN - have).min(data.len());
                let Some(first) = self.streams[i].probe(&data[..n]) else {
                    return;
                };
                // When the other direction carried RPC, the record layer copes with odd
                // records here (oversized, malformed) as it always did.
                if !plausible_first_record(&first) && !other_decided {
                    self.give_up();
                    return;
                }
                self.probes[i] = Probe::Decided;
                self.feed_stream(dir, &first, out);
                self.feed_stream(dir, &data[n..], out);
            }
        }
    }

    fn midstream(&mut self, dir: Direction) {
        let i = dir.index();
        if self.probes[i] == Probe::Start && self.streams[i].probe_len() == 0 {
            self.probes[i] = Probe::Midstream;
            self.streams[i].midstream();
        }
    }

    fn is_not_protocol(&self) -> bool {
        self.not_protocol
    }

    /// Bytes were lost in `dir` (TCP): drop the partial record and resynchronise.
    fn gap(&mut self, dir: Direction) {
        self.stats.gaps += 1;
        if self.not_protocol {
            return;
        }
        let i = dir.index();
        if self.probes[i] == Probe::Start {
            // The start of the stream is lost with the gap: look for a record start.
            self.stats.dropped_bytes += self.streams[i].probe_len() as u64;
            self.probes[i] = Probe::Midstream;
        }
        let partial = self.streams[dir.index()].gap();
        self.stats.dropped_bytes += partial as u64;
    }

    /// Feeds one whole UDP datagram (one RPC message).
    fn datagram(&mut self, dir: Direction, datagram: &[u8], out: &mut Vec<Announcement>) {
        self.message(dir, datagram, out);
    }

    fn stats(&self) -> &ParserStats {
        &self.stats
    }
}

impl Portmap {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::{hex, record_mark};

    use crate::ControlParser;

    /// zeek-nfs_write-portmap-tcp-udp.pcap f5 (TCP, after the record mark 0x80000038):
    /// GETPORT call for NFS v3 over TCP.
    pub(super) const GETPORT_NFS_CALL: &str = "
        0d8a454e    # xid
        00000000    # msg_type CALL
        00000002    # rpcvers 2
        000186a0    # prog 100000 (portmapper)
        00000002    # vers 2
        00000003    # proc 3 GETPORT
        00000000 00000000   # cred AUTH_NULL, length 0
        00000000 00000000   # verf AUTH_NULL, length 0
        000186a3    # mapping.prog 100003 (NFS)
        00000003    # mapping.vers 3
        00000006    # mapping.prot 6 (TCP)
        00000000    # mapping.port 0
    ";
    /// Same capture f7 (after the record mark 0x8000001c): the reply, port 2049.
    pub(super) const GETPORT_NFS_REPLY: &str = "
        0d8a454e    # xid
        00000001    # msg_type REPLY
        00000000    # reply_stat MSG_ACCEPTED
        00000000 00000000   # verf AUTH_NULL, length 0
        00000000    # accept_stat SUCCESS
        00000801    # port 2049
    ";

    pub(super) fn framed(msg: &[u8]) -> Vec<u8> {
        let mut v = record_mark(msg.len(), true).to_vec();
        v.extend_from_slice(msg);
        v
    }

    pub(super) fn nfs_tcp() -> Announcement {
        rpc_announcement(Method::GetPort, None, 2049, Transport::Tcp, 100_003)
    }

    #[test]
    fn getport_over_tcp_from_capture() {
        let mut p = Portmap::new();
        let mut out = Vec::new();
        p.feed(
            Direction::ToServer,
            &framed(&hex(GETPORT_NFS_CALL)),
            &mut out,
        );
        assert!(out.is_empty());
        p.feed(
            Direction::ToClient,
            &framed(&hex(GETPORT_NFS_REPLY)),
            &mut out,
        );
        assert_eq!(out, vec![nfs_tcp()]);
        assert_eq!(p.stats().messages, 2);
        assert_eq!(p.stats().announcements, 1);
        assert_eq!(p.stats().malformed, 0);
    }

    #[test]
    fn getport_udp_from_sadmind_capture_including_port_zero() {
        // zeek-rpc-portmap-sadmind.pcap f1/f2: GETPORT prog 100232 v10 UDP -> 32773.
        let call = hex("39ce2c09 00000000 00000002 000186a0 00000002 00000003
                        00000000 00000000 00000000 00000000
                        00018788 0000000a 00000011 00000000  # prog 100232 v10 prot 17");
        let reply = hex("39ce2c09 00000001 00000000 00000000 00000000 00000000
                         00008005  # port 32773");
        // f6/f7: the same call to another host, answered with port 0 (not registered).
        let call0 = hex("39c53a2f 00000000 00000002 000186a0 00000002 00000003
                         00000000 00000000 00000000 00000000
                         00018788 0000000a 00000011 00000000");
        let reply0 = hex("39c53a2f 00000001 00000000 00000000 00000000 00000000
                          00000000  # port 0: nothing");
        let mut p = Portmap::new();
        let mut out = Vec::new();
        p.datagram(Direction::ToServer, &call, &mut out);
        p.datagram(Direction::ToClient, &reply, &mut out);
        p.datagram(Direction::ToServer, &call0, &mut out);
        p.datagram(Direction::ToClient, &reply0, &mut out);
        assert_eq!(
            out,
            vec![rpc_announcement(
                Method::GetPort,
                None,
                32773,
                Transport::Udp,
                100_232
            )]
        );
        assert_eq!(p.stats().malformed, 0);
    }

    #[test]
    fn auth_unix_credentials_and_long_verifier_are_skipped() {
        let call = hex("
            00000007 00000000 00000002 000186a0 00000002 00000003
            00000001 00000018   # cred AUTH_UNIX, 24 bytes
            00000000            #   stamp
            00000003 61626300   #   machinename \"abc\" + 1 pad byte
            00000000 00000000   #   uid, gid
            00000000            #   no gids
            00000000 00000000   # verf AUTH_NULL
            000186a5 00000003 00000011 00000000   # MOUNT v3 UDP
        ");
        let reply = hex("
            00000007 00000001 00000000
            00000006 00000005 0102030405 000000   # verf flavor 6, 5 bytes + 3 pad
            00000000 00004e50                     # SUCCESS, port 20048
        ");
        let mut p = Portmap::new();
        let mut out = Vec::new();
        p.datagram(Direction::ToServer, &call, &mut out);
        p.datagram(Direction::ToClient, &reply, &mut out);
        assert_eq!(
            out,
            vec![rpc_announcement(
                Method::GetPort,
                None,
                20048,
                Transport::Udp,
                100_005
            )]
        );
    }

    #[test]
    fn denied_and_unsuccessful_replies_announce_nothing() {
        let call = hex(GETPORT_NFS_CALL);
        let replies = [
            // MSG_DENIED, RPC_MISMATCH low 2 high 2
            hex("0d8a454e 00000001 00000001 00000000 00000002 00000002"),
            // MSG_DENIED, AUTH_ERROR AUTH_BADCRED
            hex("0d8a454e 00000001 00000001 00000001 00000001"),
            // accepted, PROG_UNAVAIL
            hex("0d8a454e 00000001 00000000 00000000 00000000 00000001"),
            // accepted, PROG_MISMATCH low 2 high 4
            hex("0d8a454e 00000001 00000000 00000000 00000000 00000002 00000002 00000004"),
            // accepted, PROC_UNAVAIL
            hex("0d8a454e 00000001 00000000 00000000 00000000 00000003"),
            // accepted, GARBAGE_ARGS
            hex("0d8a454e 00000001 00000000 00000000 00000000 00000004"),
        ];
        for reply in replies {
            let mut p = Portmap::new();
            let mut out = Vec::new();
            p.datagram(Direction::ToServer, &call, &mut out);
            p.datagram(Direction::ToClient, &reply, &mut out);
            assert!(out.is_empty());
            assert_eq!(p.stats().malformed, 0);
            assert_eq!(p.stats().unmatched_replies, 0);
            assert!(p.pending.is_empty(), "the reply ends the call");
        }
    }

    /// rpcbind v3 GETADDR for NFS over "tcp", reply `192.168.122.219.8.1` (port 2049).
    const GETADDR_CALL: &str = "
        00000100 00000000 00000002 000186a0
        00000003            # vers 3
        00000003            # proc 3 GETADDR
        00000000 00000000 00000000 00000000
        000186a3            # r_prog 100003
        00000003            # r_vers 3
        00000003 74637000   # r_netid \"tcp\" + pad
        00000000            # r_addr \"\"
        00000000            # r_owner \"\"
    ";
    const GETADDR_REPLY: &str = "
        00000100 00000001 00000000 00000000 00000000 00000000
        00000013                                  # 19 bytes
        3139322e3136382e3132322e3231392e382e31 00 # \"192.168.122.219.8.1\" + pad
    ";

    #[test]
    fn getaddr_v3_ipv4_and_v4_ipv6_universal_addresses() {
        let mut p = Portmap::new();
        let mut out = Vec::new();
        p.datagram(Direction::ToServer, &hex(GETADDR_CALL), &mut out);
        p.datagram(Direction::ToClient, &hex(GETADDR_REPLY), &mut out);
        let v6_call = hex("
            00000101 00000000 00000002 000186a0
            00000004 00000003   # v4 GETADDR
            00000000 00000000 00000000 00000000
            000186a5 00000003
            00000004 75647036   # r_netid \"udp6\"
            00000000 00000000
        ");
        let mut v6_reply = hex("00000101 00000001 00000000 00000000 00000000 00000000");
        v6_reply.extend(xdr("fd00::1.100.8")); // port 100 * 256 + 8
        p.datagram(Direction::ToServer, &v6_call, &mut out);
        p.datagram(Direction::ToClient, &v6_reply, &mut out);
        assert_eq!(
            out,
            vec![
                rpc_announcement(
                    Method::GetAddr,
                    Some("192.168.122.219".parse().unwrap()),
                    2049,
                    Transport::Tcp,
                    100_003
                ),
                rpc_announcement(
                    Method::GetAddr,
                    Some("fd00::1".parse().unwrap()),
                    100 * 256 + 8,
                    Transport::Udp,
                    100_005
                ),
            ]
        );
        assert_eq!(p.stats().malformed, 0);
    }

    #[test]
    fn getaddr_empty_or_unspecified_universal_address() {
        let mut p = Portmap::new();
        let mut out = Vec::new();
        p.datagram(Direction::ToServer, &hex(GETADDR_CALL), &mut out);
        // "" = not registered.
        p.datagram(
            Direction::ToClient,
            &hex("00000100 00000001 00000000 00000000 00000000 00000000 00000000"),
            &mut out,
        );
        assert!(out.is_empty());
        p.datagram(Direction::ToServer, &hex(GETADDR_CALL), &mut out);
        // "0.0.0.0.3.1" -> any address, port 769: the caller uses the server's address.
        p.datagram(
            Direction::ToClient,
            &hex("00000100 00000001 00000000 00000000 00000000 00000000
                  0000000b 302e302e302e302e332e31 00"),
            &mut out,
        );
        assert_eq!(
            out,
            vec![rpc_announcement(
                Method::GetAddr,
                None,
                769,
                Transport::Tcp,
                100_003
            )]
        );
    }

    /// PMAPPROC_DUMP (v2 proc 4) call and a reply listing four mappings: portmapper tcp 111,
    /// NFS v3 tcp 2049, NFS v4 tcp 2049 (same endpoint: one announcement), status udp 0
    /// (not announced).
    const DUMP_V2_CALL: &str = "
        00000200 00000000 00000002 000186a0 00000002
        00000004            # proc 4 DUMP
        00000000 00000000 00000000 00000000
    ";
    pub(super) const DUMP_V2_REPLY: &str = "
        00000200 00000001 00000000 00000000 00000000 00000000
        00000001 000186a0 00000002 00000006 0000006f   # more; 100000 v2 tcp 111
        00000001 000186a3 00000003 00000006 00000801   # more; 100003 v3 tcp 2049
        00000001 000186a3 00000004 00000006 00000801   # more; 100003 v4 tcp 2049
        00000001 000186b8 00000001 00000011 00000000   # more; 100024 v1 udp port 0
        00000000                                       # end of list
    ";

    #[test]
    fn dump_v2_whole_list() {
        let mut p = Portmap::new();
        let mut out = Vec::new();
        p.datagram(Direction::ToServer, &hex(DUMP_V2_CALL), &mut out);
        p.datagram(Direction::ToClient, &hex(DUMP_V2_REPLY), &mut out);
        assert_eq!(
            out,
            vec![
                rpc_announcement(Method::Dump, None, 111, Transport::Tcp, 100_000),
                rpc_announcement(Method::Dump, None, 2049, Transport::Tcp, 100_003),
            ]
        );
    }

    /// An XDR string: length, bytes, zero padding to 4.
    fn xdr(s: &str) -> Vec<u8> {
        let mut v = (s.len() as u32).to_be_bytes().to_vec();
        v.extend_from_slice(s.as_bytes());
        v.resize(v.len() + (4 - s.len() % 4) % 4, 0);
        v
    }

    #[test]
    fn dump_v3_rpcb_entries() {
        let call = hex("00000300 00000000 00000002 000186a0
                        00000003 00000004   # rpcbind v3 DUMP
                        00000000 00000000 00000000 00000000");
        let mut reply = hex("00000300 00000001 00000000 00000000 00000000 00000000");
        // rpcb { MOUNT v3, "tcp", "0.0.0.0.78.80", owner "superuser" }
        reply.extend(hex("00000001 000186a5 00000003"));
        reply.extend(xdr("tcp"));
        reply.extend(xdr("0.0.0.0.78.80"));
        reply.extend(xdr("superuser"));
        // rpcb { MOUNT v3, "udp6", "fd00::2.78.80", "" }
        reply.extend(hex("00000001 000186a5 00000003"));
        reply.extend(xdr("udp6"));
        reply.extend(xdr("fd00::2.78.80"));
        reply.extend(xdr(""));
        // rpcb { MOUNT v3, "local", "/run/rpcbind.sock", "" }: not a network endpoint.
        reply.extend(hex("00000001 000186a5 00000003"));
        reply.extend(xdr("local"));
        reply.extend(xdr("/run/rpcbind.sock"));
        reply.extend(xdr(""));
        reply.extend(hex("00000000")); // end of list
        let mut p = Portmap::new();
        let mut out = Vec::new();
        p.datagram(Direction::ToServer, &call, &mut out);
        p.datagram(Direction::ToClient, &reply, &mut out);
        assert_eq!(
            out,
            vec![
                rpc_announcement(Method::Dump, None, 20048, Transport::Tcp, 100_005),
                rpc_announcement(
                    Method::Dump,
                    Some("fd00::2".parse().unwrap()),
                    20048,
                    Transport::Udp,
                    100_005
                ),
            ]
        );
        assert_eq!(p.stats().malformed, 0);
        for len in 0..reply.len() {
            let mut p = Portmap::new();
            let mut out = Vec::new();
            p.datagram(Direction::ToServer, &call, &mut out);
            p.datagram(Direction::ToClient, &reply[..len], &mut out);
            assert!(out.is_empty(), "truncated at {len}");
            assert_eq!(p.stats().malformed, 1);
        }
    }

    #[test]
    fn every_truncation_of_a_reply_announces_nothing() {
        for (call, reply) in [
            (hex(GETPORT_NFS_CALL), hex(GETPORT_NFS_REPLY)),
            (hex(GETADDR_CALL), hex(GETADDR_REPLY)),
            (hex(DUMP_V2_CALL), hex(DUMP_V2_REPLY)),
        ] {
            for len in 0..reply.len() {
                let mut p = Portmap::new();
                let mut out = Vec::new();
                p.datagram(Direction::ToServer, &call, &mut out);
                p.datagram(Direction::ToClient, &reply[..len], &mut out);
                assert!(out.is_empty(), "truncated at {len}");
                assert_eq!(p.stats().malformed, 1, "truncated at {len}");
                // The same truncated message as a complete TCP record.
                let mut p = Portmap::new();
                p.feed(Direction::ToServer, &framed(&call), &mut out);
                p.feed(Direction::ToClient, &framed(&reply[..len]), &mut out);
                assert!(out.is_empty(), "truncated record at {len}");
            }
            for len in 0..call.len() {
                let mut p = Portmap::new();
                let mut out = Vec::new();
                p.datagram(Direction::ToServer, &call[..len], &mut out);
                p.datagram(Direction::ToClient, &reply, &mut out);
                assert!(out.is_empty(), "call truncated at {len}");
            }
        }
    }

    pub(super) fn conversation() -> Vec<(Direction, Vec<u8>)> {
        // Call in one record of two fragments, reply in one record; then a DUMP pair sent
        // back to back in one chunk per direction.
        let call = hex(GETPORT_NFS_CALL);
        let mut to_server = record_mark(20, false).to_vec();
        to_server.extend_from_slice(&call[..20]);
        to_server.extend_from_slice(&record_mark(call.len() - 20, true));
        to_server.extend_from_slice(&call[20..]);
        to_server.extend(framed(&hex(DUMP_V2_CALL)));
        let mut to_client = framed(&hex(GETPORT_NFS_REPLY));
        to_client.extend(framed(&hex(DUMP_V2_REPLY)));
        vec![
            (Direction::ToServer, to_server),
            (Direction::ToClient, to_client),
        ]
    }

    pub(super) fn expected_conversation() -> Vec<Announcement> {
        vec![
            nfs_tcp(),
            rpc_announcement(Method::Dump, None, 111, Transport::Tcp, 100_000),
            rpc_announcement(Method::Dump, None, 2049, Transport::Tcp, 100_003),
        ]
    }

    /// Issue 15: a stream whose first record mark or message header cannot be a portmapper
    /// call or an RPC reply is given up on its first 20 bytes, whatever follows.
    #[test]
    fn a_stream_that_is_not_rpc_is_decided_on_its_first_record() {
        let mut nfs_call = hex(GETPORT_NFS_CALL);
        nfs_call[12..16].copy_from_slice(&100_003u32.to_be_bytes()); // not the portmapper
        for junk in [
            b"GET / HTTP/1.1\r\nHost: plc\r\n\r\n".to_vec(),
            record_mark(RPC_MAX_RECORD + 1, true)
                .into_iter()
                .chain([0; 40])
                .collect(),
            record_mark(8, true).into_iter().chain([0; 40]).collect(),
            framed(&nfs_call),
        ] {
            for chunk in [1, 7, junk.len()] {
                let mut p = Portmap::new();
                let mut out = Vec::new();
                for c in junk.chunks(chunk) {
                    p.feed(Direction::ToServer, c, &mut out);
                }
                assert_eq!(p.stats().not_protocol, 1);
                for (d, b) in conversation() {
                    p.feed(d, &b, &mut out);
                }
                assert!(out.is_empty());
                assert_eq!(p.stats().messages, 0);
                assert_eq!(p.stats().dropped_bytes, 0);
                assert!(p.streams.iter().all(|s| s.probe_len() == 0));
            }
        }
        // Every chunking of the real conversation still decides "RPC".
        let conv = conversation();
        for split in 0..conv[0].1.len() {
            let mut p = Portmap::new();
            let mut out = Vec::new();
            p.feed(Direction::ToServer, &conv[0].1[..split], &mut out);
            p.feed(Direction::ToServer, &conv[0].1[split..], &mut out);
            p.feed(Direction::ToClient, &conv[1].1, &mut out);
            assert_eq!(out, expected_conversation(), "split {split}");
        }
    }

    /// A capture that starts inside a connection resynchronises on the next record; junk
    /// without one is given up after the budget.
    #[test]
    fn midstream_resyncs_and_midstream_junk_is_given_up() {
        let conv = conversation();
        let mut p = Portmap::new();
        let mut out = Vec::new();
        p.midstream(Direction::ToServer);
        p.midstream(Direction::ToClient);
        p.feed(Direction::ToServer, &[0xab; 13], &mut out);
        p.feed(
            Direction::ToServer,
            &framed(&hex(GETPORT_NFS_CALL)),
            &mut out,
        );
        p.feed(Direction::ToClient, &[0xcd; 5], &mut out);
        p.feed(
            Direction::ToClient,
            &framed(&hex(GETPORT_NFS_REPLY)),
            &mut out,
        );
        assert_eq!(out, vec![nfs_tcp()]);
        assert_eq!(p.stats().not_protocol, 0);
        let _ = conv;
        let mut p = Portmap::new();
        p.midstream(Direction::ToServer);
        for c in vec![0x11u8; RESYNC_BUDGET + 10].chunks(1400) {
            p.feed(Direction::ToServer, c, &mut out);
        }
        assert_eq!(p.stats().not_protocol, 1);
    }

    #[test]
    fn pending_calls_are_bounded_and_unmatched_replies_counted() {
        let mut p = Portmap::new();
        let mut out = Vec::new();
        let mut call = hex(GETPORT_NFS_CALL);
        for xid in 0..300u32 {
            call[..4].copy_from_slice(&xid.to_be_bytes());
            p.datagram(Direction::ToServer, &call, &mut out);
        }
        assert_eq!(p.pending.len(), MAX_PENDING);
        assert_eq!(p.stats().evicted_calls, 300 - MAX_PENDING as u64);
        let mut reply = hex(GETPORT_NFS_REPLY);
        reply[..4].copy_from_slice(&0u32.to_be_bytes()); // evicted
        p.datagram(Direction::ToClient, &reply, &mut out);
        assert_eq!(p.stats().unmatched_replies, 1);
        reply[..4].copy_from_slice(&299u32.to_be_bytes());
        p.datagram(Direction::ToClient, &reply, &mut out);
        // A reply in the call's own direction does not match.
        p.datagram(Direction::ToServer, &reply, &mut out);
        assert_eq!(p.stats().unmatched_replies, 2);
        assert_eq!(out, vec![nfs_tcp()]);
    }

    #[test]
    fn other_programs_are_ignored() {
        let mut call = hex(GETPORT_NFS_CALL);
        call[12..16].copy_from_slice(&100_003u32.to_be_bytes()); // an NFS call, not portmap
        let mut p = Portmap::new();
        let mut out = Vec::new();
        p.datagram(Direction::ToServer, &call, &mut out);
        p.datagram(Direction::ToClient, &hex(GETPORT_NFS_REPLY), &mut out);
        assert!(out.is_empty());
        assert_eq!(p.stats().unmatched_replies, 1);
        assert_eq!(p.stats().malformed, 0);
    }
}
