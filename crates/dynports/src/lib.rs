//! tapaudit-dynports: pure parsers that read the control protocols which announce dynamic
//! ports, and turn each announcement into an [`Announcement`]. No I/O, no logging, no clock.
//!
//! Every parser implements [`ControlParser`]: the caller feeds in-order stream bytes of one
//! control connection per direction ([`ControlParser::feed`]), reports lost bytes
//! ([`ControlParser::gap`]) and hands over whole UDP datagrams ([`ControlParser::datagram`];
//! protocols that do not run over UDP ignore them); [`ControlParser::stats`] gives the
//! counters. [`parser_for`] makes the parser of a [`ControlProtocol`], the one place where a
//! protocol is bound to its parser, so a caller holds no per-protocol code. A new control
//! protocol is its variant in `tapaudit-vocab`, its parser here (a folder of its own) and its
//! line in [`parser_for`]. Inside a protocol's folder, framing, message decoding and the
//! per-connection state are apart (Suricata's layout).
//!
//! # What is parsed
//! - **FTP** ([`FtpControl`]): server replies `227` (PASV, with or without parentheses, any text
//!   around the six numbers) and `229` (EPSV `(|||port|)`, any RFC 2428 delimiter), client
//!   commands `PORT` and `EPRT` (`|1|` IPv4, `|2|` IPv6), announced when the command is seen.
//!   Commands are case-insensitive, lines end in CRLF or bare LF, may be split across chunks or
//!   packed several per chunk; multi-line replies (`227-` ... `227 `) are followed, with one
//!   announcement per reply at most, and a `227 ` line inside another reply's text is ignored.
//!   After `234` (AUTH TLS accepted) the channel is encrypted: the rest is ignored and counted
//!   in [`ParserStats::encrypted_bytes`].
//! - **ONC RPC portmapper / rpcbind**, program 100000 ([`Portmap`]): TCP record marking
//!   (fragments, several records per chunk) and UDP datagrams; calls and replies matched by XID
//!   (and opposite direction); credentials and verifiers of any flavour skipped. v2 `GETPORT`
//!   (port of the called program over the called protocol; address `None`) and `DUMP` (every
//!   mapping with a port), v3/v4 `GETADDR`, v4 `GETVERSADDR` and v3/v4 `DUMP` (universal
//!   addresses `h1.h2.h3.h4.p1.p2` and `x:x::x.p1.p2`, netids `tcp`/`udp`/`tcp6`/`udp6`).
//!   `MSG_DENIED`, any `accept_stat` other than `SUCCESS`, port 0 and empty addresses announce
//!   nothing.
//! - **DCE-RPC connection-oriented** ([`DceRpc`]): PDU reassembly from the TCP stream, both
//!   data representations (integers per `drep[0]`), NDR and NDR64 transfer syntaxes (learnt per
//!   context from bind / bind_ack / alter_context / alter_context_resp), requests matched to
//!   responses by call id, response stubs reassembled across fragments, the auth trailer and
//!   auth padding stripped; packet-privacy (level 6) stubs are counted in
//!   [`ParserStats::encrypted_pdus`] and skipped.
//!   * Endpoint mapper (e1af8308-5d1f-11c9-91a4-08002b14a0fa): `ept_map` (opnum 3) and
//!     `ept_lookup` (opnum 2) responses, NDR-decoded in full; each tower with a TCP (0x07) or
//!     UDP (0x08) port floor is an announcement, its address from the IPv4 floor (0x09),
//!     `None` when absent or 0.0.0.0. Other floors (named pipes, ncacn_http 0x1f) announce
//!     nothing.
//!   * DCOM: `IObjectExporter` `ResolveOxid`, `ResolveOxid2`, `ServerAlive2` and
//!     `IRemoteActivation::RemoteActivation` responses are NDR-decoded up to their status; for
//!     `IRemoteSCMActivator`/`ISystemActivator` `RemoteGetClassObject` / `RemoteCreateInstance`
//!     the outer response (ORPCTHAT, `MInterfacePointer`, HRESULT) is decoded and the
//!     activation properties blob is **scanned** for well-formed little-endian
//!     `DUALSTRINGARRAY`s (string and security bindings must both parse exactly); the blob's
//!     property structures are not decoded field by field. Each `ncacn_ip_tcp` string binding
//!     `host[port]` is an announcement; the address is `None` unless `host` is an IP literal.
//!   * Mid-stream: a whole, readable response on a context whose bind was not seen (the
//!     interface unknown) is scanned for well-formed DUALSTRINGARRAYs and for well-formed
//!     endpoint-mapper towers (`twr_t`: NDR length and conformance, then a tower laid out
//!     exactly as C706 appendix L gives it, with one TCP or UDP port floor), announced as
//!     [`Method::MidStreamBindings`] and [`Method::MidStreamTowers`].
//! - **DCE-RPC connectionless** (`dcerpc/cl.rs`, UDP 135 and datagrams found by content):
//!   endpoint-mapper and DCOM OXID-resolution requests and responses, both data
//!   representations, fragments reassembled within the same bounds as over TCP.
//!   * Not handled: ORPC extensions (when present the whole stub is scanned); multi-fragment
//!     responses on a context whose bind was not seen (not scanned mid-stream).
//!
//! # What is guaranteed
//! - No panic and no `unsafe` on any input; malformed input is counted in [`ParserStats`]
//!   (with the last [`DecodeError`], which names the structure and offset, never payload).
//! - A message that is truncated or fails to decode announces nothing: announcements of one
//!   message are appended to `out` only once the whole message decoded (the activation-blob
//!   scan and the mid-stream scans are the places where only the structures found are
//!   checked, not the whole message).
//! - `out` is appended to, never cleared. Announcements of one message are deduplicated.
//! - Bounded memory per parser: FTP lines are kept only when they can announce a port and are
//!   capped at [`FTP_MAX_LINE`] bytes; ONC RPC records at [`RPC_MAX_RECORD`]; a DCE-RPC PDU at
//!   its 16-bit fragment length and stub reassembly at [`DCERPC_MAX_REASSEMBLY`] per
//!   direction; pending calls, offered and bound context ids at [`MAX_PENDING`] each. What is
//!   dropped is counted (`dropped_bytes`, `evicted_calls`, `malformed`).
//! - No secrets kept: FTP lines other than `PORT`/`EPRT` commands and `227`/`229` replies are
//!   discarded after their first four bytes (so a `PASS` argument is never stored), every kept
//!   line is wiped once parsed, and no struct, error or statistic holds payload text.
//!   `Debug` of [`FtpControl`] shows only sizes, the reply code and counters.
//! - Deterministic: the same bytes, in any chunking, give the same announcements in the same
//!   order (tested byte by byte and with property tests).
#![forbid(unsafe_code)]

pub(crate) mod dcerpc;
mod ftp;
mod oncrpc;
mod reader;
mod sniff;

use std::fmt;
use std::net::IpAddr;

use tapaudit_vocab::{ControlProtocol, Transport};

pub use dcerpc::DceRpc;
pub use ftp::FtpControl;
pub use oncrpc::Portmap;
pub use sniff::{sniff, Sniffed, SNIFF_MAX_BYTES};

/// Longest FTP control line kept (bytes, without the line end); longer lines are dropped.
pub const FTP_MAX_LINE: usize = 4096;
/// Largest ONC RPC record (all fragments) kept over TCP; larger records are dropped.
pub const RPC_MAX_RECORD: usize = 64 * 1024;
/// Largest reassembled DCE-RPC response stub, all fragments together.
pub const DCERPC_MAX_REASSEMBLY: usize = 256 * 1024;
/// Most pending calls (XIDs, call ids) and DCE-RPC context ids kept per parser.
pub const MAX_PENDING: usize = 256;

/// Direction of bytes relative to the control connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// From the client (the side that opened the control connection) to the server.
    ToServer,
    /// From the server to the client.
    ToClient,
}

impl Direction {
    /// 0 for [`Direction::ToServer`], 1 for [`Direction::ToClient`] (for per-direction arrays).
    pub const fn index(self) -> usize {
        match self {
            Direction::ToServer => 0,
            Direction::ToClient => 1,
        }
    }
}

/// A parser of one control connection (or one UDP client/server pair), whatever its
/// protocol. The caller owns the transport: it feeds each direction's stream bytes in
/// order, reports lost bytes as a gap, and hands over whole UDP datagrams. Every parser
/// keeps the guarantees of the crate doc (no panic, bounded memory, no payload kept, any
/// chunking gives the same announcements). `Send`, so that a flow table holding parsers
/// can move to another thread.
pub trait ControlParser: Send {
    /// In-order stream (TCP) bytes of one direction; announcements are appended to `out`.
    fn feed(&mut self, dir: Direction, data: &[u8], out: &mut Vec<Announcement>);

    /// Bytes were lost in `dir` (a hole in the sequence space, or a payload cut by the
    /// snaplen): the partial message is dropped and the parser resynchronises on the next
    /// message start.
    fn gap(&mut self, dir: Direction);

    /// The start of `dir` was not seen (the capture began inside the connection): its
    /// first bytes may be anywhere inside a message, so the parser looks for a message
    /// start as after a gap (no gap is counted). Called before the first bytes of `dir`.
    fn midstream(&mut self, dir: Direction) {
        let _ = dir;
    }

    /// The parser decided the connection does not carry its protocol (see
    /// [`ParserStats::not_protocol`]) and ignores the rest: the caller may stop feeding it.
    fn is_not_protocol(&self) -> bool {
        false
    }

    /// One whole UDP datagram. Protocols that do not run over UDP ignore it, the default.
    fn datagram(&mut self, dir: Direction, payload: &[u8], out: &mut Vec<Announcement>) {
        let _ = (dir, payload, out);
    }

    /// The parser's counters so far.
    fn stats(&self) -> &ParserStats;
}

/// A new parser for `protocol`. The one place a [`ControlProtocol`] is bound to its parser:
/// a new control protocol is its parser in this crate and its line here.
pub fn parser_for(protocol: ControlProtocol) -> Box<dyn ControlParser> {
    match protocol {
        ControlProtocol::Ftp => Box::new(FtpControl::new()),
        ControlProtocol::OncRpcPortmap => Box::new(Portmap::new()),
        ControlProtocol::DceRpcEpm => Box::new(DceRpc::new()),
    }
}

/// Which side of the *control* connection is expected to open the announced connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Connector {
    /// The control connection's client (PASV, EPSV, GETPORT, GETADDR, ept_map, DCOM).
    Client,
    /// The control connection's server (active FTP: PORT, EPRT).
    Server,
}

impl fmt::Display for Connector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Connector::Client => "client",
            Connector::Server => "server",
        })
    }
}

/// The message that made an announcement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Method {
    /// FTP `227` reply to PASV.
    Pasv,
    /// FTP `229` reply to EPSV.
    Epsv,
    /// FTP `PORT` command.
    Port,
    /// FTP `EPRT` command.
    Eprt,
    /// Portmapper v2 PMAPPROC_GETPORT.
    GetPort,
    /// rpcbind v3/v4 RPCBPROC_GETADDR.
    GetAddr,
    /// rpcbind v4 RPCBPROC_GETVERSADDR.
    GetVersAddr,
    /// Portmapper v2 PMAPPROC_DUMP or rpcbind v3/v4 RPCBPROC_DUMP.
    Dump,
    /// DCE-RPC endpoint mapper ept_map (opnum 3).
    EptMap,
    /// DCE-RPC endpoint mapper ept_lookup (opnum 2).
    EptLookup,
    /// IRemoteSCMActivator / ISystemActivator RemoteCreateInstance (opnum 4).
    RemoteCreateInstance,
    /// IRemoteSCMActivator / ISystemActivator RemoteGetClassObject (opnum 3).
    RemoteGetClassObject,
    /// IRemoteActivation RemoteActivation (opnum 0).
    RemoteActivation,
    /// IObjectExporter ResolveOxid (opnum 0).
    ResolveOxid,
    /// IObjectExporter ResolveOxid2 (opnum 4).
    ResolveOxid2,
    /// IObjectExporter ServerAlive2 (opnum 5).
    ServerAlive2,
    /// DCOM string bindings (`host[port]` in a DUALSTRINGARRAY) found in a DCE-RPC response
    /// on a context whose bind was not seen (the capture began inside the association): the
    /// operation is unknown, so the evidence is marked mid-stream.
    MidStreamBindings,
    /// Endpoint-mapper towers (`twr_t` with a TCP or UDP port floor, as `ept_map` and
    /// `ept_lookup` return them) found in a DCE-RPC response on a context whose bind was not
    /// seen: the operation is unknown, so the evidence is marked mid-stream.
    MidStreamTowers,
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Method::Pasv => "PASV",
            Method::Epsv => "EPSV",
            Method::Port => "PORT",
            Method::Eprt => "EPRT",
            Method::GetPort => "GETPORT",
            Method::GetAddr => "GETADDR",
            Method::GetVersAddr => "GETVERSADDR",
            Method::Dump => "DUMP",
            Method::EptMap => "ept_map",
            Method::EptLookup => "ept_lookup",
            Method::RemoteCreateInstance => "RemoteCreateInstance",
            Method::RemoteGetClassObject => "RemoteGetClassObject",
            Method::RemoteActivation => "RemoteActivation",
            Method::ResolveOxid => "ResolveOxid",
            Method::ResolveOxid2 => "ResolveOxid2",
            Method::ServerAlive2 => "ServerAlive2",
            Method::MidStreamBindings => "string bindings (mid-stream)",
            Method::MidStreamTowers => "endpoint-mapper towers (mid-stream)",
        })
    }
}

/// One announced endpoint: "someone will connect to `addr`:`port` over `transport`".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Announcement {
    pub protocol: ControlProtocol,
    pub method: Method,
    /// `None` when the message names no usable address (EPSV, `0.0.0.0` / `::`, a DCOM binding
    /// by host name, a GETPORT reply): the caller then uses the control connection's peer
    /// (the server for [`Connector::Client`], the client for [`Connector::Server`]).
    pub addr: Option<IpAddr>,
    pub port: u16,
    pub transport: Transport,
    pub connector: Connector,
    /// ONC RPC program number where known.
    pub program: Option<u32>,
}

/// Why a message was counted as malformed. Holds no payload bytes, only field names and
/// offsets (relative to the start of the message, record or stub being decoded).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("{context}: truncated at offset {offset}: needed {needed} bytes, {available} left")]
    Truncated {
        context: &'static str,
        offset: usize,
        needed: usize,
        available: usize,
    },
    #[error("{context}: invalid {what} at offset {offset}")]
    Invalid {
        context: &'static str,
        what: &'static str,
        offset: usize,
    },
}

/// Counters of one parser. Holds no payload bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParserStats {
    /// Messages parsed: FTP lines, ONC RPC messages, DCE-RPC PDUs.
    pub messages: u64,
    /// Announcements appended to `out`.
    pub announcements: u64,
    /// Messages that could not be decoded (or announced nothing where they should have).
    pub malformed: u64,
    /// Bytes discarded: over-long lines/records/reassemblies, partial data at a gap, bytes
    /// skipped while resynchronising.
    pub dropped_bytes: u64,
    /// DCE-RPC request/response PDUs at auth level packet privacy (stub unreadable).
    pub encrypted_pdus: u64,
    /// Bytes ignored because the channel is encrypted (FTP after `234`, DCE-RPC privacy stubs).
    pub encrypted_bytes: u64,
    /// Replies/responses with no pending call (call not seen, evicted, or mid-stream start).
    pub unmatched_replies: u64,
    /// Pending calls evicted because [`MAX_PENDING`] was reached.
    pub evicted_calls: u64,
    /// DCE-RPC requests on a context id whose bind was not seen.
    pub unknown_context: u64,
    /// Gaps reported by the caller.
    pub gaps: u64,
    /// 1 when the parser decided early that the connection is not its protocol (the first
    /// message header of a direction is impossible, or no message start was found within a
    /// bounded scan of a stream whose start was not seen), and stopped reading it: nothing
    /// buffered, nothing scanned again.
    pub not_protocol: u64,
    /// The last decode error, for diagnostics.
    pub last_error: Option<DecodeError>,
}

impl ParserStats {
    fn malformed(&mut self, err: DecodeError) {
        self.malformed += 1;
        self.last_error = Some(err);
    }

    fn emit(&mut self, found: Vec<Announcement>, out: &mut Vec<Announcement>) {
        self.announcements += found.len() as u64;
        out.extend(found);
    }
}

/// Appends `a` unless one message already announced it.
fn push_unique(found: &mut Vec<Announcement>, a: Announcement) {
    if !found.contains(&a) {
        found.push(a);
    }
}

#[cfg(test)]
pub(crate) mod test_util {
    /// Bytes from an annotated hex dump: whitespace is ignored, `#` starts a comment.
    pub(crate) fn hex(dump: &str) -> Vec<u8> {
        let digits: String = dump
            .lines()
            .map(|l| l.split('#').next().unwrap_or(""))
            .flat_map(|l| l.chars().filter(|c| !c.is_whitespace()))
            .collect();
        assert_eq!(digits.len() % 2, 0, "odd number of hex digits");
        (0..digits.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&digits[i..i + 2], 16).unwrap())
            .collect()
    }

    /// Big-endian record mark for a TCP ONC RPC record.
    pub(crate) fn record_mark(len: usize, last: bool) -> [u8; 4] {
        (len as u32 | if last { 0x8000_0000 } else { 0 }).to_be_bytes()
    }
}
