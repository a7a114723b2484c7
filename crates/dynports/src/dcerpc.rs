//! DCE-RPC connection-oriented PDUs (C706 chapter 12, MS-RPCE 2.2.2) on the endpoint mapper
//! port: the endpoint mapper (C706 appendix O / MS-RPCE 2.2.1.2) and the DCOM interfaces that
//! return OXID string bindings (MS-DCOM 3.1.2.5).

use std::collections::VecDeque;
use std::net::{IpAddr, Ipv4Addr};

use crate::reader::{Endian, Reader};
use crate::{
    Announcement, Connector, ControlParser, ControlProtocol, DecodeError, Direction, Method,
    ParserStats, Transport, DCERPC_MAX_REASSEMBLY, MAX_PENDING,
};

const HEADER_LEN: usize = 16;
const SEC_TRAILER_LEN: usize = 8;

const PTYPE_REQUEST: u8 = 0;
const PTYPE_RESPONSE: u8 = 2;
const PTYPE_FAULT: u8 = 3;
const PTYPE_BIND: u8 = 11;
const PTYPE_BIND_ACK: u8 = 12;
const PTYPE_BIND_NAK: u8 = 13;
const PTYPE_ALTER_CONTEXT: u8 = 14;
const PTYPE_ALTER_CONTEXT_RESP: u8 = 15;

const PFC_FIRST_FRAG: u8 = 0x01;
const PFC_LAST_FRAG: u8 = 0x02;
const PFC_OBJECT_UUID: u8 = 0x80;

const AUTH_LEVEL_PKT_PRIVACY: u8 = 6;

/// Endpoint mapper protocol identifiers of tower floors (C706 appendix I, MS-RPCE 2.2.1.1).
const FLOOR_TCP_PORT: u8 = 0x07;
const FLOOR_UDP_PORT: u8 = 0x08;
const FLOOR_IPV4: u8 = 0x09;

/// DCOM string binding tower id for ncacn_ip_tcp (MS-DCOM 2.2.19.3).
const TOWER_NCACN_IP_TCP: u16 = 0x0007;

type Uuid = [u8; 16];

/// A UUID in its string (big-endian) byte order.
const fn uuid(d1: u32, d2: u16, d3: u16, d4: [u8; 8]) -> Uuid {
    let a = d1.to_be_bytes();
    let b = d2.to_be_bytes();
    let c = d3.to_be_bytes();
    [
        a[0], a[1], a[2], a[3], b[0], b[1], c[0], c[1], d4[0], d4[1], d4[2], d4[3], d4[4], d4[5],
        d4[6], d4[7],
    ]
}

/// e1af8308-5d1f-11c9-91a4-08002b14a0fa
const IID_EPM: Uuid = uuid(
    0xe1af8308,
    0x5d1f,
    0x11c9,
    [0x91, 0xa4, 8, 0, 0x2b, 0x14, 0xa0, 0xfa],
);
/// 000001a0-0000-0000-c000-000000000046: IRemoteSCMActivator, which Wireshark calls
/// ISystemActivator.
const IID_REMOTE_SCM_ACTIVATOR: Uuid = uuid(0x0000_01a0, 0, 0, [0xc0, 0, 0, 0, 0, 0, 0, 0x46]);
/// 99fcfec4-5260-101b-bbcb-00aa0021347a
const IID_OBJECT_EXPORTER: Uuid = uuid(
    0x99fcfec4,
    0x5260,
    0x101b,
    [0xbb, 0xcb, 0x00, 0xaa, 0x00, 0x21, 0x34, 0x7a],
);
/// 4d9f4ab8-7d1c-11cf-861e-0020af6e7c57
const IID_REMOTE_ACTIVATION: Uuid = uuid(
    0x4d9f4ab8,
    0x7d1c,
    0x11cf,
    [0x86, 0x1e, 0x00, 0x20, 0xaf, 0x6e, 0x7c, 0x57],
);

/// 71710533-beba-4937-8319-b5dbef9ccc36: the NDR64 transfer syntax (MS-RPCE 2.2.5).
const NDR64_SYNTAX: Uuid = uuid(
    0x71710533,
    0xbeba,
    0x4937,
    [0x83, 0x19, 0xb5, 0xdb, 0xef, 0x9c, 0xcc, 0x36],
);

/// How a stub is encoded: byte order from the PDU's data representation, NDR or NDR64 from
/// the transfer syntax negotiated for the context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Syntax {
    endian: Endian,
    ndr64: bool,
}

impl Syntax {
    fn reader<'a>(self, stub: &'a [u8], context: &'static str) -> Reader<'a> {
        Reader::new(stub, self.endian, context).with_ndr64(self.ndr64)
    }
}

/// An interface bound to a presentation context.
#[derive(Debug, Clone, Copy)]
struct Context {
    id: u16,
    iface: Uuid,
    ndr64: bool,
}

/// The method a (interface, opnum) pair stands for, when its response can announce ports.
fn method_of(iface: &Uuid, opnum: u16) -> Option<Method> {
    match (iface, opnum) {
        (&IID_EPM, 2) => Some(Method::EptLookup),
        (&IID_EPM, 3) => Some(Method::EptMap),
        (&IID_REMOTE_SCM_ACTIVATOR, 3) => Some(Method::RemoteGetClassObject),
        (&IID_REMOTE_SCM_ACTIVATOR, 4) => Some(Method::RemoteCreateInstance),
        (&IID_OBJECT_EXPORTER, 0) => Some(Method::ResolveOxid),
        (&IID_OBJECT_EXPORTER, 4) => Some(Method::ResolveOxid2),
        (&IID_OBJECT_EXPORTER, 5) => Some(Method::ServerAlive2),
        (&IID_REMOTE_ACTIVATION, 0) => Some(Method::RemoteActivation),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy)]
struct Header {
    ptype: u8,
    flags: u8,
    endian: Endian,
    frag_len: usize,
    auth_len: usize,
    call_id: u32,
}

impl Header {
    /// Parses the 16-byte common header; `None` if it is not a DCE-RPC v5 CO header.
    fn parse(b: &[u8]) -> Option<Header> {
        let h = b.get(..HEADER_LEN)?;
        if h[0] != 5 || h[1] > 1 {
            return None;
        }
        let endian = match h[4] & 0xf0 {
            0x00 => Endian::Big,
            0x10 => Endian::Little,
            _ => return None,
        };
        let mut r = Reader::new(&h[8..], endian, "DCE-RPC header");
        let frag_len = usize::from(r.u16().ok()?);
        let auth_len = usize::from(r.u16().ok()?);
        let call_id = r.u32().ok()?;
        if frag_len < HEADER_LEN
            || (auth_len > 0 && HEADER_LEN + SEC_TRAILER_LEN + auth_len > frag_len)
        {
            return None;
        }
        Some(Header {
            ptype: h[2],
            flags: h[3],
            endian,
            frag_len,
            auth_len,
            call_id,
        })
    }

    /// Stricter check used to find a PDU start after lost bytes.
    fn plausible(b: &[u8]) -> bool {
        let Some(h) = Header::parse(b) else {
            return false;
        };
        matches!(h.ptype, 0 | 2 | 3 | 11..=19) && b[5] <= 1 && b[6] <= 3 && b[7] == 0
    }
}

#[derive(Debug, Clone, Copy)]
struct Call {
    call_id: u32,
    /// `None`: a call whose response cannot announce anything (tracked only so that its
    /// response is not counted as unmatched).
    method: Option<Method>,
    ndr64: bool,
}

struct Reassembly {
    call_id: u32,
    syntax: Syntax,
    stub: Vec<u8>,
}

#[derive(Default)]
struct PduStream {
    buf: Vec<u8>,
    resync: bool,
    /// Response stubs being reassembled in this direction (bounded in total size).
    reassembly: Vec<Reassembly>,
}

impl std::fmt::Debug for PduStream {
    // Sizes only: buffered PDUs and stubs are payload (and may carry auth tokens).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let reassembly: Vec<(u32, usize)> = self
            .reassembly
            .iter()
            .map(|r| (r.call_id, r.stub.len()))
            .collect();
        f.debug_struct("PduStream")
            .field("buffered", &self.buf.len())
            .field("resync", &self.resync)
            .field("reassembly_call_id_len", &reassembly)
            .finish()
    }
}

/// Parser of one DCE-RPC connection-oriented association (one TCP connection).
#[derive(Debug, Default)]
pub struct DceRpc {
    streams: [PduStream; 2],
    /// Context id -> interface, from bind / alter_context.
    contexts: VecDeque<Context>,
    /// Context ids offered by a bind / alter_context, by call id, until its ack.
    offered: VecDeque<(u32, Vec<u16>)>,
    calls: VecDeque<Call>,
    stats: ParserStats,
}

impl DceRpc {
    pub fn new() -> Self {
        Self::default()
    }
}

impl ControlParser for DceRpc {
    /// Feeds in-order TCP bytes of one direction.
    fn feed(&mut self, dir: Direction, data: &[u8], out: &mut Vec<Announcement>) {
        let mut data = data;
        loop {
            let stream = &mut self.streams[dir.index()];
            // Copy only what completes the header or the PDU: the buffer never holds more
            // than one PDU (at most 65535 bytes).
            let header = if stream.resync && !Header::plausible(&stream.buf) {
                None
            } else {
                Header::parse(&stream.buf)
            };
            let need = match header {
                _ if stream.buf.len() < HEADER_LEN => HEADER_LEN - stream.buf.len(),
                Some(h) => h.frag_len.saturating_sub(stream.buf.len()),
                None => 0,
            };
            let n = need.min(data.len());
            stream.buf.extend_from_slice(&data[..n]);
            data = &data[n..];
            if stream.buf.len() < HEADER_LEN {
                if data.is_empty() {
                    return;
                }
                continue;
            }
            let header = if stream.resync && !Header::plausible(&stream.buf) {
                None
            } else {
                Header::parse(&stream.buf)
            };
            let Some(h) = header else {
                // Only a 16-byte buffer gets here: longer buffers hold a valid header.
                if !stream.resync {
                    stream.resync = true;
                    self.stats.malformed(DecodeError::Invalid {
                        context: "DCE-RPC header",
                        what: "version, data representation or lengths",
                        offset: 0,
                    });
                }
                // Slide by one byte and look again.
                self.stats.dropped_bytes += 1;
                self.streams[dir.index()].buf.remove(0);
                continue;
            };
            stream.resync = false;
            if stream.buf.len() < h.frag_len {
                if data.is_empty() {
                    return;
                }
                continue;
            }
            let pdu = std::mem::take(&mut stream.buf);
            self.pdu(dir, &h, &pdu, out);
            let stream = &mut self.streams[dir.index()];
            stream.buf = pdu;
            stream.buf.clear();
            if data.is_empty() {
                return;
            }
        }
    }

    /// Bytes were lost in `dir`: drop the partial PDU and any stub being reassembled, then
    /// look for the next plausible PDU header.
    fn gap(&mut self, dir: Direction) {
        self.stats.gaps += 1;
        let stream = &mut self.streams[dir.index()];
        let dropped = stream.buf.len()
            + stream
                .reassembly
                .iter()
                .map(|r| r.stub.len())
                .sum::<usize>();
        self.stats.dropped_bytes += dropped as u64;
        stream.buf.clear();
        stream.reassembly.clear();
        stream.resync = true;
    }

    fn stats(&self) -> &ParserStats {
        &self.stats
    }
}

impl DceRpc {
    fn pdu(&mut self, dir: Direction, h: &Header, pdu: &[u8], out: &mut Vec<Announcement>) {
        self.stats.messages += 1;
        let body_end = h.frag_len
            - if h.auth_len > 0 {
                h.auth_len + SEC_TRAILER_LEN
            } else {
                0
            };
        let (auth_level, auth_pad) = if h.auth_len > 0 {
            let t = pdu
                .get(body_end..body_end + SEC_TRAILER_LEN)
                .unwrap_or_default();
            (
                t.get(1).copied().unwrap_or(0),
                usize::from(t.get(2).copied().unwrap_or(0)),
            )
        } else {
            (0, 0)
        };
        let body = pdu.get(HEADER_LEN..body_end).unwrap_or_default();
        let result = match h.ptype {
            PTYPE_BIND | PTYPE_ALTER_CONTEXT => self.bind(h, body),
            PTYPE_BIND_ACK | PTYPE_ALTER_CONTEXT_RESP => self.bind_ack(h, body),
            PTYPE_BIND_NAK => {
                self.offered.retain(|(id, _)| *id != h.call_id);
                Ok(())
            }
            PTYPE_REQUEST => self.request(h, body, auth_level),
            PTYPE_RESPONSE => self.response(dir, h, body, auth_level, auth_pad, out),
            PTYPE_FAULT => {
                self.calls.retain(|c| c.call_id != h.call_id);
                self.streams[dir.index()]
                    .reassembly
                    .retain(|r| r.call_id != h.call_id);
                Ok(())
            }
            _ => Ok(()),
        };
        if let Err(e) = result {
            self.stats.malformed(e);
        }
    }

    /// bind / alter_context: `p_cont_list_t` (C706 12.6.3.1).
    fn bind(&mut self, h: &Header, body: &[u8]) -> Result<(), DecodeError> {
        let mut r = Reader::new(body, h.endian, "DCE-RPC bind");
        let _max_xmit = r.u16()?;
        let _max_recv = r.u16()?;
        let _assoc_group = r.u32()?;
        let n_context = r.u8()?;
        r.skip(3)?;
        let mut offered = Vec::with_capacity(usize::from(n_context));
        for _ in 0..n_context {
            let ctx_id = r.u16()?;
            let n_syntax = r.u8()?;
            let _reserved = r.u8()?;
            let iface = read_uuid(&mut r)?;
            let _version = r.u32()?;
            let mut ndr64 = false;
            for i in 0..n_syntax {
                let syntax = read_uuid(&mut r)?;
                let _version = r.u32()?;
                // Until the ack says which was accepted, assume the first offered.
                if i == 0 {
                    ndr64 = syntax == NDR64_SYNTAX;
                }
            }
            offered.push(ctx_id);
            self.contexts.retain(|c| c.id != ctx_id);
            if self.contexts.len() >= MAX_PENDING {
                self.contexts.pop_front();
            }
            self.contexts.push_back(Context {
                id: ctx_id,
                iface,
                ndr64,
            });
        }
        self.offered.retain(|(id, _)| *id != h.call_id);
        if self.offered.len() >= MAX_PENDING {
            self.offered.pop_front();
        }
        self.offered.push_back((h.call_id, offered));
        Ok(())
    }

    /// bind_ack / alter_context_resp: forget the context ids the server rejected.
    fn bind_ack(&mut self, h: &Header, body: &[u8]) -> Result<(), DecodeError> {
        let Some(pos) = self.offered.iter().position(|(id, _)| *id == h.call_id) else {
            return Ok(());
        };
        let offered = self.offered.remove(pos).map(|(_, o)| o).unwrap_or_default();
        let mut r = Reader::new(body, h.endian, "DCE-RPC bind_ack");
        let _max_xmit = r.u16()?;
        let _max_recv = r.u16()?;
        let _assoc_group = r.u32()?;
        let sec_addr_len = usize::from(r.u16()?);
        r.skip(sec_addr_len)?;
        // Alignment is relative to the PDU start; the body starts 16 bytes in.
        r.align(4)?;
        let n_results = r.u8()?;
        r.skip(3)?;
        for i in 0..usize::from(n_results) {
            let result = r.u16()?;
            let _reason = r.u16()?;
            let syntax = read_uuid(&mut r)?;
            let _version = r.u32()?;
            let Some(&ctx) = offered.get(i) else {
                continue;
            };
            if result == 0 {
                if let Some(c) = self.contexts.iter_mut().find(|c| c.id == ctx) {
                    c.ndr64 = syntax == NDR64_SYNTAX;
                }
            } else {
                self.contexts.retain(|c| c.id != ctx);
            }
        }
        Ok(())
    }

    fn request(&mut self, h: &Header, body: &[u8], auth_level: u8) -> Result<(), DecodeError> {
        let mut r = Reader::new(body, h.endian, "DCE-RPC request");
        let _alloc_hint = r.u32()?;
        let ctx_id = r.u16()?;
        let opnum = r.u16()?;
        if h.flags & PFC_OBJECT_UUID != 0 {
            r.skip(16)?;
        }
        if auth_level == AUTH_LEVEL_PKT_PRIVACY {
            self.stats.encrypted_pdus += 1;
            self.stats.encrypted_bytes += r.remaining() as u64;
        }
        if h.flags & PFC_FIRST_FRAG == 0 {
            return Ok(());
        }
        let ctx = self.contexts.iter().find(|c| c.id == ctx_id).copied();
        if ctx.is_none() {
            self.stats.unknown_context += 1;
        }
        self.calls.retain(|c| c.call_id != h.call_id);
        if self.calls.len() >= MAX_PENDING {
            self.calls.pop_front();
            self.stats.evicted_calls += 1;
        }
        self.calls.push_back(Call {
            call_id: h.call_id,
            method: ctx.and_then(|c| method_of(&c.iface, opnum)),
            ndr64: ctx.is_some_and(|c| c.ndr64),
        });
        Ok(())
    }

    fn response(
        &mut self,
        dir: Direction,
        h: &Header,
        body: &[u8],
        auth_level: u8,
        auth_pad: usize,
        out: &mut Vec<Announcement>,
    ) -> Result<(), DecodeError> {
        let mut r = Reader::new(body, h.endian, "DCE-RPC response");
        let _alloc_hint = r.u32()?;
        let _ctx_id = r.u16()?;
        let _cancel_count = r.u8()?;
        let _reserved = r.u8()?;
        let stub_len = r
            .remaining()
            .checked_sub(auth_pad)
            .ok_or_else(|| r.invalid("auth pad length"))?;
        let stub = r.take(stub_len)?;
        let first = h.flags & PFC_FIRST_FRAG != 0;
        let last = h.flags & PFC_LAST_FRAG != 0;
        let stream = &mut self.streams[dir.index()];
        if first {
            stream.reassembly.retain(|ra| ra.call_id != h.call_id);
        }
        if auth_level == AUTH_LEVEL_PKT_PRIVACY {
            self.stats.encrypted_pdus += 1;
            self.stats.encrypted_bytes += stub.len() as u64;
            stream.reassembly.retain(|ra| ra.call_id != h.call_id);
        }
        let call = self.calls.iter().position(|c| c.call_id == h.call_id);
        let Some(call_idx) = call else {
            if first {
                self.stats.unmatched_replies += 1;
            }
            return Ok(());
        };
        let call = self.calls.get(call_idx).copied();
        let (
            Some(Call {
                method: Some(method),
                ndr64,
                ..
            }),
            false,
        ) = (call, auth_level == AUTH_LEVEL_PKT_PRIVACY)
        else {
            if last {
                self.calls.remove(call_idx);
            }
            return Ok(());
        };
        let syntax = Syntax {
            endian: h.endian,
            ndr64,
        };
        let complete: Option<(Vec<u8>, Syntax)> = if first && last {
            self.calls.remove(call_idx);
            return self.decode(method, stub, syntax, out);
        } else if first {
            let total: usize = stream.reassembly.iter().map(|ra| ra.stub.len()).sum();
            if total + stub.len() > DCERPC_MAX_REASSEMBLY {
                self.stats.dropped_bytes += stub.len() as u64;
                return Err(r.invalid("reassembled stub over the limit"));
            }
            stream.reassembly.push(Reassembly {
                call_id: h.call_id,
                syntax,
                stub: stub.to_vec(),
            });
            None
        } else {
            let total: usize = stream.reassembly.iter().map(|ra| ra.stub.len()).sum();
            let Some(idx) = stream
                .reassembly
                .iter()
                .position(|ra| ra.call_id == h.call_id)
            else {
                // Its first fragment was lost or not ours.
                return Ok(());
            };
            if total + stub.len() > DCERPC_MAX_REASSEMBLY {
                let dropped = stream.reassembly.remove(idx);
                self.stats.dropped_bytes += (dropped.stub.len() + stub.len()) as u64;
                self.calls.remove(call_idx);
                return Err(r.invalid("reassembled stub over the limit"));
            }
            let ra = &mut stream.reassembly[idx];
            ra.stub.extend_from_slice(stub);
            if last {
                let ra = stream.reassembly.remove(idx);
                Some((ra.stub, ra.syntax))
            } else {
                None
            }
        };
        match complete {
            Some((stub, syntax)) => {
                self.calls.remove(call_idx);
                self.decode(method, &stub, syntax, out)
            }
            None => Ok(()),
        }
    }

    fn decode(
        &mut self,
        method: Method,
        stub: &[u8],
        syntax: Syntax,
        out: &mut Vec<Announcement>,
    ) -> Result<(), DecodeError> {
        let found = decode_stub(method, stub, syntax)?;
        self.stats.emit(found, out);
        Ok(())
    }
}

/// Decodes a whole response stub of a call whose response can announce ports.
fn decode_stub(
    method: Method,
    stub: &[u8],
    syntax: Syntax,
) -> Result<Vec<Announcement>, DecodeError> {
    match method {
        Method::EptMap => decode_ept_map(stub, syntax),
        Method::EptLookup => decode_ept_lookup(stub, syntax),
        Method::ServerAlive2 => decode_server_alive2(stub, syntax),
        Method::ResolveOxid | Method::ResolveOxid2 => decode_resolve_oxid(stub, syntax, method),
        Method::RemoteGetClassObject | Method::RemoteCreateInstance => {
            decode_scm_activation(stub, syntax, method)
        }
        Method::RemoteActivation => decode_remote_activation(stub, syntax),
        _ => Ok(Vec::new()),
    }
}

/// A UUID in NDR (first three fields in the data representation's byte order).
fn read_uuid(r: &mut Reader<'_>) -> Result<Uuid, DecodeError> {
    let d1 = r.u32()?;
    let d2 = r.u16()?;
    let d3 = r.u16()?;
    let mut d4 = [0u8; 8];
    d4.copy_from_slice(r.take(8)?);
    Ok(uuid(d1, d2, d3, d4))
}

fn epm_announcement(
    method: Method,
    addr: Option<IpAddr>,
    port: u16,
    transport: Transport,
) -> Announcement {
    Announcement {
        protocol: ControlProtocol::DceRpcEpm,
        method,
        addr,
        port,
        transport,
        connector: Connector::Client,
        program: None,
    }
}

fn push_unique(found: &mut Vec<Announcement>, a: Announcement) {
    if !found.contains(&a) {
        found.push(a);
    }
}

/// A `twr_t` referent: conformance, length, octets (C706 appendix N).
fn read_tower<'a>(r: &mut Reader<'a>) -> Result<&'a [u8], DecodeError> {
    let max_count = r.ndr_long()?;
    r.align(4)?;
    let len = r.u32()?;
    if u64::from(len) != max_count {
        return Err(r.invalid("tower length"));
    }
    r.take(len as usize)
}

/// Walks a tower's floors (always little-endian, C706 appendix L) and returns the endpoint it
/// names, if it names a TCP or UDP port.
fn tower_endpoint(tower: &[u8]) -> Result<Option<(Option<IpAddr>, u16, Transport)>, DecodeError> {
    let mut r = Reader::new(tower, Endian::Little, "DCE-RPC tower");
    let floors = r.u16()?;
    let mut port = None;
    let mut ip = None;
    for _ in 0..floors {
        let lhs_len = usize::from(r.u16()?);
        let lhs = r.take(lhs_len)?;
        let rhs_len = usize::from(r.u16()?);
        let rhs = r.take(rhs_len)?;
        let Some(&proto) = lhs.first() else {
            return Err(r.invalid("empty floor"));
        };
        match (proto, rhs) {
            (FLOOR_TCP_PORT, [hi, lo]) => {
                port = Some((u16::from_be_bytes([*hi, *lo]), Transport::Tcp))
            }
            (FLOOR_UDP_PORT, [hi, lo]) => {
                port = Some((u16::from_be_bytes([*hi, *lo]), Transport::Udp))
            }
            (FLOOR_IPV4, [a, b, c, d]) => ip = Some(Ipv4Addr::new(*a, *b, *c, *d)),
            (FLOOR_TCP_PORT | FLOOR_UDP_PORT | FLOOR_IPV4, _) => {
                return Err(r.invalid("port or address floor size"))
            }
            _ => {}
        }
    }
    Ok(port.filter(|(p, _)| *p != 0).map(|(p, t)| {
        let addr = ip.filter(|a| !a.is_unspecified()).map(IpAddr::V4);
        (addr, p, t)
    }))
}

fn towers_to_announcements(
    towers: &[&[u8]],
    method: Method,
) -> Result<Vec<Announcement>, DecodeError> {
    let mut found = Vec::new();
    for tower in towers {
        if let Some((addr, port, transport)) = tower_endpoint(tower)? {
            push_unique(&mut found, epm_announcement(method, addr, port, transport));
        }
    }
    Ok(found)
}

/// `ept_map` response (opnum 3): entry_handle, num_towers, `twr_p_t towers[]` (conformant
/// varying array of unique pointers), the towers, status.
fn decode_ept_map(stub: &[u8], syntax: Syntax) -> Result<Vec<Announcement>, DecodeError> {
    let mut r = syntax.reader(stub, "ept_map response");
    r.skip(20)?; // context handle
    let _num_towers = r.u32()?;
    let actual = r.ndr_varying_count("tower array count")?;
    let mut present = 0;
    for _ in 0..actual {
        present += usize::from(r.ndr_long()? != 0);
    }
    towers_then_status(&mut r, present, Method::EptMap)
}

/// `ept_lookup` response (opnum 2): entry_handle, num_ents, `ept_entry_t entries[]`
/// (object uuid, tower pointer, annotation string), the towers, status.
fn decode_ept_lookup(stub: &[u8], syntax: Syntax) -> Result<Vec<Announcement>, DecodeError> {
    let mut r = syntax.reader(stub, "ept_lookup response");
    r.skip(20)?; // context handle
    let _num_ents = r.u32()?;
    let actual = r.ndr_varying_count("entry array count")?;
    let mut present = 0;
    for _ in 0..actual {
        r.align(r.struct_align())?;
        r.skip(16)?; // object uuid
        present += usize::from(r.ndr_long()? != 0);
        let _offset = r.ndr_long()?;
        let len = r.ndr_count()?;
        r.skip(len)?; // annotation
    }
    towers_then_status(&mut r, present, Method::EptLookup)
}

/// The end of an `ept_map` / `ept_lookup` response: the `present` towers the pointers
/// announced, then the status; a failed status announces nothing.
fn towers_then_status(
    r: &mut Reader<'_>,
    present: usize,
    method: Method,
) -> Result<Vec<Announcement>, DecodeError> {
    let mut towers = Vec::with_capacity(present);
    for _ in 0..present {
        towers.push(read_tower(r)?);
    }
    r.align(4)?;
    let status = r.u32()?;
    if status != 0 {
        return Ok(Vec::new());
    }
    towers_to_announcements(&towers, method)
}

/// A string binding of a DUALSTRINGARRAY.
#[derive(Debug, Clone, PartialEq, Eq)]
struct StringBinding {
    tower_id: u16,
    network_addr: String,
}

/// Parses `aStringArray` of a DUALSTRINGARRAY (MS-DCOM 2.2.19.1): string bindings up to
/// `security_offset`, each `wTowerId` + NUL-terminated UTF-16 text, ended by an empty entry;
/// then security bindings (`wAuthnSvc`, `Reserved`, NUL-terminated name), ended likewise.
fn parse_string_array(words: &[u16], security_offset: usize) -> Option<Vec<StringBinding>> {
    let n = words.len();
    if n < 2 || security_offset == 0 || security_offset >= n {
        return None;
    }
    if words[security_offset - 1] != 0 || words[n - 1] != 0 {
        return None;
    }
    let mut bindings = Vec::new();
    let mut i = 0;
    while i < security_offset - 1 {
        let tower_id = words[i];
        if tower_id == 0 || tower_id > 0x1f {
            return None;
        }
        i += 1;
        let len = words
            .get(i..security_offset)?
            .iter()
            .position(|&w| w == 0)?;
        let text: String = char::decode_utf16(words[i..i + len].iter().copied())
            .collect::<Result<_, _>>()
            .ok()?;
        if text.is_empty() || text.chars().any(char::is_control) {
            return None;
        }
        bindings.push(StringBinding {
            tower_id,
            network_addr: text,
        });
        i += len + 1;
    }
    if i != security_offset - 1 {
        return None;
    }
    // Security bindings must be well formed too; that is what makes scanning reliable.
    let mut i = security_offset;
    while i < n - 1 {
        let authn = words[i];
        if authn == 0 || i + 2 > n - 1 {
            return None;
        }
        i += 2;
        let len = words.get(i..n)?.iter().position(|&w| w == 0)?;
        if char::decode_utf16(words[i..i + len].iter().copied())
            .any(|c| c.map_or(true, char::is_control))
        {
            return None;
        }
        i += len + 1;
    }
    (i == n - 1).then_some(bindings)
}

/// `host[port]` of an ncacn_ip_tcp string binding; the host becomes an address when it is an
/// IP literal.
fn binding_endpoint(b: &StringBinding) -> Option<(Option<IpAddr>, u16)> {
    if b.tower_id != TOWER_NCACN_IP_TCP {
        return None;
    }
    let (host, rest) = b.network_addr.split_once('[')?;
    let port = rest.strip_suffix(']')?;
    if port.is_empty() || port.len() > 5 || !port.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let port = port.parse::<u16>().ok().filter(|&p| p != 0)?;
    let addr = host.parse::<IpAddr>().ok().filter(|a| !a.is_unspecified());
    Some((addr, port))
}

fn bindings_to_announcements(
    bindings: &[StringBinding],
    method: Method,
    found: &mut Vec<Announcement>,
) {
    for b in bindings {
        if let Some((addr, port)) = binding_endpoint(b) {
            push_unique(found, epm_announcement(method, addr, port, Transport::Tcp));
        }
    }
}

/// An NDR-marshalled DUALSTRINGARRAY behind a unique pointer (MS-DCOM 2.2.19.1): referent id,
/// conformance, wNumEntries, wSecurityOffset, aStringArray.
fn read_dsa_ptr(r: &mut Reader<'_>) -> Result<Vec<StringBinding>, DecodeError> {
    if r.ndr_long()? == 0 {
        return Ok(Vec::new());
    }
    let max_count = r.ndr_long()?;
    let num_entries = r.u16()?;
    let security_offset = usize::from(r.u16()?);
    if max_count != u64::from(num_entries) {
        return Err(r.invalid("DUALSTRINGARRAY conformance"));
    }
    let num_entries = usize::from(num_entries);
    let mut words = Vec::with_capacity(num_entries.min(r.remaining() / 2));
    for _ in 0..num_entries {
        words.push(r.u16()?);
    }
    parse_string_array(&words, security_offset).ok_or_else(|| r.invalid("DUALSTRINGARRAY"))
}

/// ServerAlive2 response (opnum 5): COMVERSION, DUALSTRINGARRAY*, reserved, status.
fn decode_server_alive2(stub: &[u8], syntax: Syntax) -> Result<Vec<Announcement>, DecodeError> {
    let mut r = syntax.reader(stub, "ServerAlive2 response");
    let _major = r.u16()?;
    let _minor = r.u16()?;
    let bindings = read_dsa_ptr(&mut r)?;
    r.align(4)?;
    let _reserved = r.u32()?;
    let status = r.u32()?;
    let mut found = Vec::new();
    if status == 0 {
        bindings_to_announcements(&bindings, Method::ServerAlive2, &mut found);
    }
    Ok(found)
}

/// ResolveOxid (opnum 0) / ResolveOxid2 (opnum 4) response: DUALSTRINGARRAY*, IPID,
/// AuthnHint, [COMVERSION for ResolveOxid2], status.
fn decode_resolve_oxid(
    stub: &[u8],
    syntax: Syntax,
    method: Method,
) -> Result<Vec<Announcement>, DecodeError> {
    let mut r = syntax.reader(stub, "ResolveOxid response");
    let bindings = read_dsa_ptr(&mut r)?;
    r.align(4)?;
    r.skip(16)?; // IPID of IRemUnknown
    let _authn_hint = r.u32()?;
    if method == Method::ResolveOxid2 {
        let _major = r.u16()?;
        let _minor = r.u16()?;
    }
    let status = r.u32()?;
    let mut found = Vec::new();
    if status == 0 {
        bindings_to_announcements(&bindings, method, &mut found);
    }
    Ok(found)
}

/// ORPCTHAT (MS-DCOM 2.2.13): flags and a unique pointer to extensions. Returns whether
/// extensions follow (then the rest is not decoded field by field).
fn read_orpcthat(r: &mut Reader<'_>) -> Result<bool, DecodeError> {
    let _flags = r.u32()?;
    Ok(r.ndr_long()? != 0)
}

/// RemoteGetClassObject (opnum 3) / RemoteCreateInstance (opnum 4) response: ORPCTHAT,
/// `MInterfacePointer*` to the activation properties blob, HRESULT. The blob is scanned for
/// DUALSTRINGARRAYs (the ScmReplyInfo's OXID bindings and the OBJREFs' resolver addresses).
fn decode_scm_activation(
    stub: &[u8],
    syntax: Syntax,
    method: Method,
) -> Result<Vec<Announcement>, DecodeError> {
    let mut r = syntax.reader(stub, "activation response");
    let mut found = Vec::new();
    if read_orpcthat(&mut r)? {
        // ORPC extensions precede the blob: do not decode them, scan the whole stub.
        scan_dsas(stub, method, &mut found);
        return Ok(found);
    }
    if r.ndr_long()? == 0 {
        r.align(4)?;
        let _hr = r.u32()?;
        return Ok(found);
    }
    let max_count = r.ndr_long()?;
    r.align(4)?;
    let cnt = r.u32()?;
    if u64::from(cnt) != max_count {
        return Err(r.invalid("MInterfacePointer size"));
    }
    let blob = r.take(cnt as usize)?;
    r.align(4)?;
    let hr = r.u32()?;
    if hr == 0 {
        scan_dsas(blob, method, &mut found);
    }
    Ok(found)
}

/// IRemoteActivation::RemoteActivation response (opnum 0): ORPCTHAT, OXID, DUALSTRINGARRAY*,
/// IPID, AuthnHint, COMVERSION, HRESULT (then interface data, not needed).
fn decode_remote_activation(stub: &[u8], syntax: Syntax) -> Result<Vec<Announcement>, DecodeError> {
    let mut r = syntax.reader(stub, "RemoteActivation response");
    let mut found = Vec::new();
    if read_orpcthat(&mut r)? {
        scan_dsas(stub, Method::RemoteActivation, &mut found);
        return Ok(found);
    }
    r.align(8)?;
    let _oxid = r.u64()?;
    let bindings = read_dsa_ptr(&mut r)?;
    r.align(4)?;
    r.skip(16)?; // IPID
    let _authn_hint = r.u32()?;
    let _major = r.u16()?;
    let _minor = r.u16()?;
    let hr = r.u32()?;
    if hr == 0 {
        bindings_to_announcements(&bindings, Method::RemoteActivation, &mut found);
    }
    Ok(found)
}

/// Finds well-formed little-endian DUALSTRINGARRAYs (wNumEntries, wSecurityOffset,
/// aStringArray) anywhere in `data`. OBJREFs and the activation blob are little-endian
/// whatever the PDU's data representation (MS-DCOM 2.2.18).
fn scan_dsas(data: &[u8], method: Method, found: &mut Vec<Announcement>) {
    let word = |i: usize| -> Option<u16> {
        let s = data.get(i..i + 2)?;
        Some(u16::from_le_bytes([s[0], s[1]]))
    };
    // Candidates can overlap; a crafted blob could make every offset one. Words decoded
    // over the whole scan are capped at a few times the blob, so the scan stays linear.
    let mut budget = data.len().saturating_mul(2);
    let mut p = 0;
    while p + 8 <= data.len() {
        let (Some(n), Some(sec)) = (word(p), word(p + 2)) else {
            break;
        };
        let (n, sec) = (usize::from(n), usize::from(sec));
        let end = p + 4 + 2 * n;
        let candidate = n >= 3 && sec >= 2 && sec < n && end <= data.len();
        if candidate && word(p + 4 + 2 * (sec - 1)) == Some(0) && word(end - 2) == Some(0) {
            if budget < n {
                break;
            }
            budget -= n;
            let words: Vec<u16> = (0..n).filter_map(|i| word(p + 4 + 2 * i)).collect();
            if let Some(bindings) = parse_string_array(&words, sec) {
                if !bindings.is_empty() {
                    bindings_to_announcements(&bindings, method, found);
                    p = end;
                    continue;
                }
            }
        }
        p += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::hex;

    /// Regression: a blob where every offset looks like a DUALSTRINGARRAY header must not
    /// make the scan quadratic (found by review of the fuzz targets).
    #[test]
    fn overlapping_dualstringarray_candidates_stay_linear() {
        // Words repeating [n = 0x7f01, sec = 2, 0, 0]: at every 8th byte the header, the
        // word before the security offset and the last word all pass the quick checks, so
        // each offset is a candidate of 32,513 words.
        let mut data = Vec::new();
        while data.len() < 256 * 1024 {
            data.extend_from_slice(&[0x01, 0x7f, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00]);
        }
        let started = std::time::Instant::now();
        let mut found = Vec::new();
        scan_dsas(&data, Method::RemoteCreateInstance, &mut found);
        assert!(found.is_empty());
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
    }

    // ---- zeek-dce-rpc-mapi-epm.pcap, client 192.168.0.173:1066 -> 192.168.0.2:135 ----

    /// f397: bind, EPM v3 on context 0, NDR transfer syntax.
    const MAPI_BIND: &str = "
        05 00 0b 03 10000000   # v5.0, bind (11), first+last frag, drep little-endian
        4800 0000 01000000     # frag_len 72, auth_len 0, call_id 1
        d016 d016 00000000     # max_xmit 5840, max_recv 5840, assoc_group 0
        01 000000              # 1 context element
        0000 01 00             # p_cont_id 0, 1 transfer syntax
        0883afe11f5dc91191a408002b14a0fa 03000000  # EPM e1af8308-5d1f-11c9-91a4-08002b14a0fa v3
        045d888aeb1cc9119fe808002b104860 02000000  # NDR 8a885d04-1ceb-11c9-9fe8-08002b104860 v2
    ";
    /// f398: bind_ack accepting context 0.
    const MAPI_BIND_ACK: &str = "
        05 00 0c 03 10000000 3c00 0000 01000000  # bind_ack (12), frag_len 60, call_id 1
        d016 d016 e5c80000     # max_xmit, max_recv, assoc_group
        0400 31333500          # sec_addr length 4, \"135\\0\"
        0000                   # pad to 4
        01 000000              # 1 result
        0000 0000              # acceptance, reason 0
        045d888aeb1cc9119fe808002b104860 02000000  # NDR v2
    ";
    /// f399: ept_map request (opnum 3) for NSPI.
    const MAPI_MAP_REQUEST: &str = "
        05 00 00 03 10000000 9c00 0000 01000000  # request (0), frag_len 156, call_id 1
        84000000 0000 0300     # alloc_hint 132, context 0, opnum 3 (ept_map)
        01000000 00000000000000000000000000000000  # object: referent 1, nil uuid
        02000000 4b000000 4b000000  # map_tower: referent 2, conformance 75, length 75
        050013000d185accf564421a108c5908002b2f842638000200000013000d045d888aeb1cc9119fe808002b10486002000200000001000b020000000100070200008701000904000000000000000000000000000000000000000000000000000004000000
        # ^ the tower asked for (5 floors), then the entry handle and max_towers 4
    ";
    /// f400: ept_map response, one tower: NSPI over ncacn_ip_tcp 192.168.0.2 port 4997.
    const MAPI_MAP_RESPONSE: &str = "
        05 00 02 03 10000000   # response (2), first+last frag, little-endian
        9800 0000 01000000     # frag_len 152, auth_len 0, call_id 1
        80000000 0000 00 00    # alloc_hint 128, context 0, cancel_count 0, reserved
        00000000 00000000000000000000000000000000  # entry_handle
        01000000               # num_towers 1
        04000000 00000000 01000000  # towers[]: max_count 4, offset 0, actual_count 1
        03000000               # towers[0]: referent id 3
        4b000000 4b000000      # twr_t: conformance 75, tower_length 75
        0500                   # 5 floors (little-endian inside the tower)
        1300 0d 185accf564421a108c5908002b2f8426 3800 0200 0000  # 1: UUID NSPI v56, minor 0
        1300 0d 045d888aeb1cc9119fe808002b104860 0200 0200 0000  # 2: UUID NDR v2
        0100 0b 0200 0000      # 3: RPC connection-oriented
        0100 07 0200 1385      # 4: TCP port 0x1385 = 4997 (big-endian)
        0100 09 0400 c0a80002  # 5: IPv4 192.168.0.2
        00                     # pad to 4
        00000000               # status 0
    ";
    /// f505 (another connection, same bind): ept_lookup response (opnum 2), one entry whose
    /// tower is ncacn_http (0x1f) + 0x20: no TCP/UDP port floor, so nothing.
    const MAPI_LOOKUP_REQUEST: &str = "
        05 00 00 03 10000000 6400 0000 01000000 4c000000 0000 0200  # opnum 2, call_id 1
        00000000020001000000010000003400390039 00375d0000000000000002000000185accf564421a108c5908002b2f84263800000001000000000000000000000000000000000000000000000001000000
    ";
    const MAPI_LOOKUP_RESPONSE: &str = "
        05 00 02 03 10000000 d400 0000 01000000  # response, frag_len 212, call_id 1
        bc000000 0000 00 00
        00000000 7cfc5f3b92b07544a3e3e4d53df481df  # entry_handle
        01000000               # num_ents 1
        01000000 00000000 01000000  # entries[]: max_count 1, offset 0, actual_count 1
        00000000000000000000000000000000  # entries[0].object (nil uuid)
        03000000               # entries[0].tower: referent id 3
        00000000 24000000      # annotation: offset 0, actual_count 36
        4d532045786368616e6765204469726563746f7279204e535020496e7465726661636500  # \"MS Exchange Directory NSP Interface\\0\"
        4b000000 4b000000      # tower: conformance 75, length 75
        0500
        1300 0d 185accf564421a108c5908002b2f8426 3800 0200 0000
        1300 0d 045d888aeb1cc9119fe808002b104860 0200 0200 0000
        0100 0b 0200 0000
        0100 1f 0200 1388      # 4: ncacn_http port 5000 (not a plain TCP endpoint)
        0100 20 0400 c0a80002  # 5: protocol 0x20
        00                     # pad
        00000000               # status 0
    ";

    fn epm(method: Method, addr: Option<&str>, port: u16, transport: Transport) -> Announcement {
        epm_announcement(method, addr.map(|a| a.parse().unwrap()), port, transport)
    }

    fn run(parts: &[(Direction, Vec<u8>)]) -> (Vec<Announcement>, DceRpc) {
        let mut p = DceRpc::new();
        let mut out = Vec::new();
        for (d, b) in parts {
            p.feed(*d, b, &mut out);
        }
        (out, p)
    }

    fn mapi_conversation() -> Vec<(Direction, Vec<u8>)> {
        vec![
            (Direction::ToServer, hex(MAPI_BIND)),
            (Direction::ToClient, hex(MAPI_BIND_ACK)),
            (Direction::ToServer, hex(MAPI_MAP_REQUEST)),
            (Direction::ToClient, hex(MAPI_MAP_RESPONSE)),
        ]
    }

    #[test]
    fn ept_map_from_mapi_capture() {
        let conv = mapi_conversation();
        assert_eq!(conv[2].1.len(), 156);
        assert_eq!(conv[3].1.len(), 152);
        let (out, p) = run(&conv);
        assert_eq!(
            out,
            vec![epm(
                Method::EptMap,
                Some("192.168.0.2"),
                4997,
                Transport::Tcp
            )]
        );
        assert_eq!(p.stats().messages, 4);
        assert_eq!(p.stats().malformed, 0);
        assert!(p.calls.is_empty());
    }

    #[test]
    fn ept_lookup_from_mapi_capture_has_no_tcp_port() {
        let (out, p) = run(&[
            (Direction::ToServer, hex(MAPI_BIND)),
            (Direction::ToClient, hex(MAPI_BIND_ACK)),
            (Direction::ToServer, hex(MAPI_LOOKUP_REQUEST)),
            (Direction::ToClient, hex(MAPI_LOOKUP_RESPONSE)),
        ]);
        assert!(out.is_empty());
        assert_eq!(p.stats().malformed, 0);
        assert_eq!(p.stats().unmatched_replies, 0);
    }

    /// suricata-verify bug-5133 f1-f4: the client offers NDR64 (ctx 1), the server accepts
    /// it, and the ept_map response is NDR64-encoded: 8-byte pointers and counts.
    #[test]
    fn ept_map_ndr64_from_bug_5133_capture() {
        let bind = hex("
            05000b03 10000000 a000 0000 02000000 d016d016 00000000
            03 000000                                   # 3 context elements
            0000 01 00 0883afe11f5dc91191a408002b14a0fa 03000000  # ctx 0: EPM
                045d888aeb1cc9119fe808002b104860 02000000         #   NDR
            0100 01 00 0883afe11f5dc91191a408002b14a0fa 03000000  # ctx 1: EPM
                33057171babe37498319b5dbef9ccc36 01000000         #   NDR64 71710533-...
            0200 01 00 0883afe11f5dc91191a408002b14a0fa 03000000  # ctx 2: EPM
                2c1cb76c12984045030000000000000001000000          #   bind time features
        ");
        let ack = hex("
            05000c03 10000000 6c00 0000 02000000 d016d016 9f480000
            0400 31333500 0000     # sec_addr \"135\", pad
            03 000000              # 3 results
            0200 0200 00000000000000000000000000000000 00000000  # ctx 0: provider rejection
            0000 0000 33057171babe37498319b5dbef9ccc36 01000000  # ctx 1: accepted, NDR64
            0300 0300 00000000000000000000000000000000 00000000  # ctx 2: negotiate ack
        ");
        let request = hex("
            05000003 10000000 a800 0000 02000000 90000000
            0100 0300              # context 1, opnum 3 (ept_map)
            01000000000000000000000000000000000000000000000002000000000000004b000000000000004b000000050013000d81bb7a364498f135ad3298f03800100302000200000013000d045d888aeb1cc9119fe808002b10486002000200000001000b02000000010007020000870100090400ac10422400000000000000000000000000000000000000000004000000
        ");
        let response = hex("
            05000203 10000000 ac00 0000 02000000 94000000 0100 00 00
            00000000 00000000000000000000000000000000  # entry_handle
            01000000                    # num_towers 1
            0400000000000000            # max_count 4 (NDR64: 8 bytes)
            0000000000000000            # offset 0
            0100000000000000            # actual_count 1
            0300000000000000            # referent id 3
            4b00000000000000 4b000000   # conformance 75 (8 bytes), tower_length 75
            0500
            1300 0d 81bb7a364498f135ad3298f038001003 0200 0200 0000  # SVCCTL v2
            1300 0d 045d888aeb1cc9119fe808002b104860 0200 0200 0000  # NDR v2
            0100 0b 0200 0000
            0100 07 0200 c213      # TCP port 49683
            0100 09 0400 ac104224  # IPv4 172.16.66.36
            00                     # pad to 4
            00000000               # status
        ");
        let (out, p) = run(&[
            (Direction::ToServer, bind),
            (Direction::ToClient, ack),
            (Direction::ToServer, request),
            (Direction::ToClient, response),
        ]);
        assert_eq!(
            out,
            vec![epm(
                Method::EptMap,
                Some("172.16.66.36"),
                49683,
                Transport::Tcp
            )]
        );
        assert_eq!(p.stats().malformed, 0);
    }

    // ---- synthetic PDUs, both data representations ----

    struct W {
        le: bool,
        buf: Vec<u8>,
    }

    impl W {
        fn new(le: bool) -> Self {
            W {
                le,
                buf: Vec::new(),
            }
        }
        fn u8(&mut self, v: u8) -> &mut Self {
            self.buf.push(v);
            self
        }
        fn u16(&mut self, v: u16) -> &mut Self {
            let b = if self.le {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            };
            self.buf.extend_from_slice(&b);
            self
        }
        fn u32(&mut self, v: u32) -> &mut Self {
            let b = if self.le {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            };
            self.buf.extend_from_slice(&b);
            self
        }
        fn bytes(&mut self, b: &[u8]) -> &mut Self {
            self.buf.extend_from_slice(b);
            self
        }
        fn uuid(&mut self, u: &Uuid) -> &mut Self {
            let d1 = u32::from_be_bytes([u[0], u[1], u[2], u[3]]);
            let d2 = u16::from_be_bytes([u[4], u[5]]);
            let d3 = u16::from_be_bytes([u[6], u[7]]);
            self.u32(d1).u16(d2).u16(d3).bytes(&u[8..])
        }
        fn align(&mut self, n: usize) -> &mut Self {
            let pad = (n - self.buf.len() % n) % n;
            self.buf.resize(self.buf.len() + pad, 0);
            self
        }
    }

    const NDR: Uuid = uuid(
        0x8a885d04,
        0x1ceb,
        0x11c9,
        [0x9f, 0xe8, 8, 0, 0x2b, 0x10, 0x48, 0x60],
    );

    /// A PDU; `auth` = (auth level, pad length, verifier length).
    fn pdu(
        le: bool,
        ptype: u8,
        flags: u8,
        call_id: u32,
        body: &[u8],
        auth: Option<(u8, u8, u16)>,
    ) -> Vec<u8> {
        let mut tail = W::new(le);
        tail.bytes(body);
        let mut auth_len = 0;
        if let Some((level, pad, verifier)) = auth {
            tail.bytes(&vec![0; usize::from(pad)]);
            tail.u8(10).u8(level).u8(pad).u8(0).u32(0); // NTLMSSP sec_trailer
            tail.bytes(&vec![0xaa; usize::from(verifier)]);
            auth_len = verifier;
        }
        let mut w = W::new(le);
        w.u8(5)
            .u8(0)
            .u8(ptype)
            .u8(flags)
            .bytes(&[if le { 0x10 } else { 0 }, 0, 0, 0]);
        w.u16((16 + tail.buf.len()) as u16)
            .u16(auth_len)
            .u32(call_id);
        w.bytes(&tail.buf);
        w.buf
    }

    fn bind(le: bool, call_id: u32, ctx: u16, iface: &Uuid) -> Vec<u8> {
        let mut b = W::new(le);
        b.u16(5840).u16(5840).u32(0).u8(1).bytes(&[0; 3]);
        b.u16(ctx).u8(1).u8(0).uuid(iface).u32(0).uuid(&NDR).u32(2);
        pdu(le, PTYPE_BIND, 3, call_id, &b.buf, None)
    }

    fn bind_ack(le: bool, call_id: u32, result: u16) -> Vec<u8> {
        let mut b = W::new(le);
        b.u16(5840)
            .u16(5840)
            .u32(0x1234)
            .u16(4)
            .bytes(b"135\0")
            .align(4);
        b.u8(1).bytes(&[0; 3]).u16(result).u16(0).uuid(&NDR).u32(2);
        pdu(le, PTYPE_BIND_ACK, 3, call_id, &b.buf, None)
    }

    fn request(le: bool, call_id: u32, ctx: u16, opnum: u16) -> Vec<u8> {
        let mut b = W::new(le);
        b.u32(8).u16(ctx).u16(opnum).bytes(&[0; 8]);
        pdu(le, PTYPE_REQUEST, 3, call_id, &b.buf, None)
    }

    fn response_body(le: bool, stub: &[u8]) -> Vec<u8> {
        let mut b = W::new(le);
        b.u32(stub.len() as u32).u16(0).u8(0).u8(0).bytes(stub);
        b.buf
    }

    fn response(le: bool, call_id: u32, stub: &[u8]) -> Vec<u8> {
        pdu(
            le,
            PTYPE_RESPONSE,
            3,
            call_id,
            &response_body(le, stub),
            None,
        )
    }

    /// A tower (always little-endian): interface, NDR, ncacn, then the given floors.
    fn tower(extra: &[(u8, &[u8])]) -> Vec<u8> {
        let mut t = W::new(true);
        t.u16(3 + extra.len() as u16);
        t.u16(19).u8(0x0d).uuid(&IID_EPM).u16(3).u16(2).u16(0);
        t.u16(19).u8(0x0d).uuid(&NDR).u16(2).u16(2).u16(0);
        t.u16(1).u8(0x0b).u16(2).u16(0);
        for (proto, rhs) in extra {
            t.u16(1).u8(*proto).u16(rhs.len() as u16).bytes(rhs);
        }
        t.buf
    }

    fn ept_map_stub(le: bool, towers: &[Vec<u8>], status: u32) -> Vec<u8> {
        let mut s = W::new(le);
        s.bytes(&[0; 20]).u32(towers.len() as u32);
        s.u32(4).u32(0).u32(towers.len() as u32);
        for i in 0..towers.len() {
            s.u32(i as u32 + 1);
        }
        for t in towers {
            s.u32(t.len() as u32).u32(t.len() as u32).bytes(t).align(4);
        }
        s.u32(status);
        s.buf
    }

    fn three_towers() -> Vec<Vec<u8>> {
        vec![
            tower(&[(0x07, &[0xc3, 0x50]), (0x09, &[10, 0, 0, 5])]), // TCP 50000 @ 10.0.0.5
            tower(&[(0x08, &[0x04, 0x01]), (0x09, &[0, 0, 0, 0])]),  // UDP 1025 @ 0.0.0.0
            tower(&[(0x0f, b"\\PIPE\\x\0"), (0x11, b"HOST\0")]),     // ncacn_np: no port
        ]
    }

    fn ept_map_conversation(le: bool) -> Vec<(Direction, Vec<u8>)> {
        vec![
            (Direction::ToServer, bind(le, 1, 0, &IID_EPM)),
            (Direction::ToClient, bind_ack(le, 1, 0)),
            (Direction::ToServer, request(le, 2, 0, 3)),
            (
                Direction::ToClient,
                response(le, 2, &ept_map_stub(le, &three_towers(), 0)),
            ),
        ]
    }

    fn ept_map_expected() -> Vec<Announcement> {
        vec![
            epm(Method::EptMap, Some("10.0.0.5"), 50000, Transport::Tcp),
            epm(Method::EptMap, None, 1025, Transport::Udp),
        ]
    }

    #[test]
    fn ept_map_both_endiannesses_several_towers() {
        for le in [true, false] {
            let (out, p) = run(&ept_map_conversation(le));
            assert_eq!(out, ept_map_expected(), "le={le}");
            assert_eq!(p.stats().malformed, 0);
        }
        // A failed lookup (ept_s_not_registered) announces nothing.
        let mut conv = ept_map_conversation(true);
        conv[3].1 = response(true, 2, &ept_map_stub(true, &three_towers(), 0x16c9_a0d6));
        assert!(run(&conv).0.is_empty());
    }

    #[test]
    fn ept_lookup_with_tcp_tower() {
        for le in [true, false] {
            let t = tower(&[(0x07, &[0x13, 0x88]), (0x09, &[10, 1, 2, 3])]);
            let mut s = W::new(le);
            s.bytes(&[0; 20]).u32(1).u32(1).u32(0).u32(1);
            s.bytes(&[0; 16])
                .u32(3)
                .u32(0)
                .u32(5)
                .bytes(b"abcd\0")
                .align(4);
            s.u32(t.len() as u32)
                .u32(t.len() as u32)
                .bytes(&t)
                .align(4)
                .u32(0);
            let (out, _) = run(&[
                (Direction::ToServer, bind(le, 1, 0, &IID_EPM)),
                (Direction::ToServer, request(le, 2, 0, 2)),
                (Direction::ToClient, response(le, 2, &s.buf)),
            ]);
            assert_eq!(
                out,
                vec![epm(
                    Method::EptLookup,
                    Some("10.1.2.3"),
                    5000,
                    Transport::Tcp
                )]
            );
        }
    }

    #[test]
    fn split_at_every_byte_boundary() {
        for le in [true, false] {
            let conv = ept_map_conversation(le);
            for (i, (_, bytes)) in conv.iter().enumerate() {
                for split in 0..=bytes.len() {
                    let mut p = DceRpc::new();
                    let mut out = Vec::new();
                    for (j, (d, b)) in conv.iter().enumerate() {
                        if i == j {
                            p.feed(*d, &b[..split], &mut out);
                            p.feed(*d, &b[split..], &mut out);
                        } else {
                            p.feed(*d, b, &mut out);
                        }
                    }
                    assert_eq!(out, ept_map_expected(), "le={le} pdu {i} split {split}");
                }
            }
            // All PDUs of a direction in one chunk.
            let mut p = DceRpc::new();
            let mut out = Vec::new();
            let to_server: Vec<u8> = [&conv[0].1[..], &conv[2].1[..]].concat();
            let to_client: Vec<u8> = [&conv[1].1[..], &conv[3].1[..]].concat();
            p.feed(Direction::ToServer, &to_server, &mut out);
            p.feed(Direction::ToClient, &to_client, &mut out);
            assert_eq!(out, ept_map_expected());
        }
    }

    #[test]
    fn response_fragments_are_reassembled() {
        for le in [true, false] {
            let stub = ept_map_stub(le, &three_towers(), 0);
            let mut conv = ept_map_conversation(le);
            conv.pop();
            let pieces = [&stub[..10], &stub[10..77], &stub[77..]];
            for (k, piece) in pieces.iter().enumerate() {
                let flags = match k {
                    0 => PFC_FIRST_FRAG,
                    2 => PFC_LAST_FRAG,
                    _ => 0,
                };
                let body = response_body(le, piece);
                conv.push((
                    Direction::ToClient,
                    pdu(le, PTYPE_RESPONSE, flags, 2, &body, None),
                ));
            }
            let (out, p) = run(&conv);
            assert_eq!(out, ept_map_expected(), "le={le}");
            assert!(p.streams[1].reassembly.is_empty());
            // Byte by byte.
            let mut p = DceRpc::new();
            let mut out = Vec::new();
            for (d, b) in &conv {
                for c in b.chunks(1) {
                    p.feed(*d, c, &mut out);
                }
            }
            assert_eq!(out, ept_map_expected());
        }
    }

    #[test]
    fn auth_trailer_is_stripped_and_privacy_is_counted() {
        for le in [true, false] {
            let stub = ept_map_stub(le, &three_towers(), 0);
            let body = response_body(le, &stub);
            // Packet integrity (5): stub readable, 4 bytes of auth padding, 16-byte verifier.
            let mut conv = ept_map_conversation(le);
            conv[3].1 = pdu(le, PTYPE_RESPONSE, 3, 2, &body, Some((5, 4, 16)));
            let (out, p) = run(&conv);
            assert_eq!(out, ept_map_expected());
            assert_eq!(p.stats().encrypted_pdus, 0);
            // Packet privacy (6): unreadable, counted, nothing announced.
            conv[3].1 = pdu(le, PTYPE_RESPONSE, 3, 2, &body, Some((6, 4, 16)));
            let (out, p) = run(&conv);
            assert!(out.is_empty());
            assert_eq!(p.stats().encrypted_pdus, 1);
            assert_eq!(p.stats().encrypted_bytes, stub.len() as u64);
            assert!(p.calls.is_empty());
        }
    }

    #[test]
    fn every_truncation_of_the_stub_announces_nothing() {
        for le in [true, false] {
            let stub = ept_map_stub(le, &three_towers(), 0);
            for len in 0..stub.len() {
                let mut conv = ept_map_conversation(le);
                conv[3].1 = response(le, 2, &stub[..len]);
                let (out, p) = run(&conv);
                assert!(out.is_empty(), "le={le} len={len}");
                assert_eq!(p.stats().malformed, 1, "le={le} len={len}");
            }
            // Every prefix of the PDU itself: waits, never announces.
            let whole = response(le, 2, &stub);
            for len in 0..whole.len() {
                let mut conv = ept_map_conversation(le);
                conv[3].1 = whole[..len].to_vec();
                let (out, _) = run(&conv);
                assert!(out.is_empty());
            }
        }
    }

    #[test]
    fn gap_resyncs_on_the_next_pdu() {
        let conv = ept_map_conversation(true);
        let mut p = DceRpc::new();
        let mut out = Vec::new();
        p.feed(Direction::ToServer, &conv[0].1, &mut out);
        p.feed(Direction::ToClient, &conv[1].1, &mut out);
        p.feed(Direction::ToServer, &conv[2].1, &mut out);
        // Half a response, lost bytes, the tail of something, then the real response.
        p.feed(Direction::ToClient, &conv[3].1[..40], &mut out);
        p.gap(Direction::ToClient);
        p.feed(Direction::ToClient, &[0x11; 37], &mut out);
        p.feed(Direction::ToClient, &conv[3].1, &mut out);
        assert_eq!(out, ept_map_expected());
        assert_eq!(p.stats().dropped_bytes, 40 + 37);
        // Garbage without a gap is malformed, then resynchronised.
        let mut p = DceRpc::new();
        let mut out = Vec::new();
        p.feed(Direction::ToServer, b"GET / HTTP/1.1\r\n\r\n", &mut out);
        for (d, b) in &conv {
            p.feed(*d, b, &mut out);
        }
        assert_eq!(out, ept_map_expected());
        assert_eq!(p.stats().malformed, 1);
    }

    #[test]
    fn contexts_calls_and_faults() {
        // Request on a context never bound: counted, its response decodes nothing.
        let stub = ept_map_stub(true, &three_towers(), 0);
        let (out, p) = run(&[
            (Direction::ToServer, request(true, 2, 7, 3)),
            (Direction::ToClient, response(true, 2, &stub)),
        ]);
        assert!(out.is_empty());
        assert_eq!(p.stats().unknown_context, 1);
        assert_eq!(p.stats().unmatched_replies, 0);
        assert!(p.calls.is_empty());
        // A response without a request (capture started mid-call) is unmatched.
        let (out, p) = run(&[(Direction::ToClient, response(true, 2, &stub))]);
        assert!(out.is_empty());
        assert_eq!(p.stats().unmatched_replies, 1);
        // A rejected context is forgotten.
        let mut conv = ept_map_conversation(true);
        conv[1].1 = bind_ack(true, 1, 2);
        let (out, p) = run(&conv);
        assert!(out.is_empty());
        assert_eq!(p.stats().unknown_context, 1);
        // A fault ends the call.
        let mut conv = ept_map_conversation(true);
        conv[3].1 = pdu(true, PTYPE_FAULT, 3, 2, &[0; 16], None);
        let (out, p) = run(&conv);
        assert!(out.is_empty());
        assert!(p.calls.is_empty());
        // Other interfaces and opnums are not tracked.
        let (_, p) = run(&[
            (Direction::ToServer, bind(true, 1, 0, &NDR)),
            (Direction::ToServer, request(true, 2, 0, 3)),
            (Direction::ToServer, bind(true, 3, 1, &IID_EPM)),
            (Direction::ToServer, request(true, 4, 1, 1)),
        ]);
        assert!(p.calls.iter().all(|c| c.method.is_none()));
    }

    #[test]
    fn pending_calls_and_contexts_are_bounded() {
        let mut p = DceRpc::new();
        let mut out = Vec::new();
        for ctx in 0..300u16 {
            p.feed(
                Direction::ToServer,
                &bind(true, u32::from(ctx), ctx, &IID_EPM),
                &mut out,
            );
        }
        for call in 0..300u32 {
            p.feed(
                Direction::ToServer,
                &request(true, 1000 + call, 299, 3),
                &mut out,
            );
        }
        assert_eq!(p.contexts.len(), MAX_PENDING);
        assert_eq!(p.offered.len(), MAX_PENDING);
        assert_eq!(p.calls.len(), MAX_PENDING);
        assert_eq!(p.stats().evicted_calls, 300 - MAX_PENDING as u64);
    }

    #[test]
    fn reassembly_is_bounded() {
        let mut conv = ept_map_conversation(true);
        conv.pop();
        let piece = vec![0u8; 60_000];
        let mut p = DceRpc::new();
        let mut out = Vec::new();
        for (d, b) in &conv {
            p.feed(*d, b, &mut out);
        }
        let first = pdu(
            true,
            PTYPE_RESPONSE,
            PFC_FIRST_FRAG,
            2,
            &response_body(true, &piece),
            None,
        );
        let middle = pdu(
            true,
            PTYPE_RESPONSE,
            0,
            2,
            &response_body(true, &piece),
            None,
        );
        p.feed(Direction::ToClient, &first, &mut out);
        for _ in 0..5 {
            p.feed(Direction::ToClient, &middle, &mut out);
        }
        assert!(
            p.streams[1]
                .reassembly
                .iter()
                .map(|r| r.stub.len())
                .sum::<usize>()
                <= DCERPC_MAX_REASSEMBLY
        );
        assert_eq!(p.stats().malformed, 1);
        assert!(out.is_empty());
    }

    // ---- DCOM ----

    /// aStringArray words and wSecurityOffset for the given string and security bindings.
    fn string_array(bindings: &[(u16, &str)], security: &[(u16, &str)]) -> (Vec<u16>, u16) {
        let mut w = Vec::new();
        for (tower, addr) in bindings {
            w.push(*tower);
            w.extend(addr.encode_utf16());
            w.push(0);
        }
        w.push(0);
        let sec = w.len() as u16;
        for (authn, name) in security {
            w.push(*authn);
            w.push(0xffff);
            w.extend(name.encode_utf16());
            w.push(0);
        }
        w.push(0);
        (w, sec)
    }

    fn dsa_ptr(s: &mut W, words: &[u16], sec: u16) {
        s.u32(0x0002_0000)
            .u32(words.len() as u32)
            .u16(words.len() as u16)
            .u16(sec);
        for w in words {
            s.u16(*w);
        }
        s.align(4);
    }

    fn oxid_bindings() -> (Vec<u16>, u16) {
        string_array(
            &[
                (0x07, "SCADA1[49724]"),
                (0x07, "10.0.0.5[49724]"),
                (0x07, "10.0.0.6"),        // no port: nothing
                (0x08, "10.0.0.5[49725]"), // ncadg_ip_udp: not announced
                (0x07, "fd00::5[49726]"),
            ],
            &[(0x0009, ""), (0x000a, "DOMAIN\\svc")],
        )
    }

    fn oxid_expected(method: Method) -> Vec<Announcement> {
        vec![
            epm(method, None, 49724, Transport::Tcp),
            epm(method, Some("10.0.0.5"), 49724, Transport::Tcp),
            epm(method, Some("fd00::5"), 49726, Transport::Tcp),
        ]
    }

    fn resolve_oxid2_stub(le: bool, status: u32) -> Vec<u8> {
        let (words, sec) = oxid_bindings();
        let mut s = W::new(le);
        dsa_ptr(&mut s, &words, sec);
        s.bytes(&[0x77; 16]).u32(0x0a).u16(5).u16(7).u32(status);
        s.buf
    }

    fn dcom_run(le: bool, iface: &Uuid, opnum: u16, stub: &[u8]) -> (Vec<Announcement>, DceRpc) {
        run(&[
            (Direction::ToServer, bind(le, 1, 0, iface)),
            (Direction::ToClient, bind_ack(le, 1, 0)),
            (Direction::ToServer, request(le, 2, 0, opnum)),
            (Direction::ToClient, response(le, 2, stub)),
        ])
    }

    #[test]
    fn resolve_oxid2_both_endiannesses() {
        for le in [true, false] {
            let (out, p) = dcom_run(le, &IID_OBJECT_EXPORTER, 4, &resolve_oxid2_stub(le, 0));
            assert_eq!(out, oxid_expected(Method::ResolveOxid2), "le={le}");
            assert_eq!(p.stats().malformed, 0);
            let (out, _) = dcom_run(
                le,
                &IID_OBJECT_EXPORTER,
                4,
                &resolve_oxid2_stub(le, 0x8001_0108),
            );
            assert!(out.is_empty());
        }
        // ResolveOxid (opnum 0) has no COMVERSION.
        let (words, sec) = oxid_bindings();
        let mut s = W::new(true);
        dsa_ptr(&mut s, &words, sec);
        s.bytes(&[0x77; 16]).u32(0x0a).u32(0);
        let (out, _) = dcom_run(true, &IID_OBJECT_EXPORTER, 0, &s.buf);
        assert_eq!(out, oxid_expected(Method::ResolveOxid));
    }

    #[test]
    fn server_alive2_from_capture_lists_no_port() {
        // suricata-verify dcerpc-ctxids f7 stub: COMVERSION 5.7, bindings DC1 and
        // 192.168.56.101 without ports, seven security bindings, status 0.
        let stub = hex("
            0500 0700              # COMVERSION 5.7
            00000200               # referent id
            2c000000               # conformance 44
            2c00 1600              # wNumEntries 44, wSecurityOffset 22
            0700 440043003100 0000 # ncacn_ip_tcp \"DC1\"
            0700 310039003200 2e00 310036003800 2e00 35003600 2e00 310030003100 0000  # \"192.168.56.101\"
            0000                   # end of string bindings
            0900 ffff 0000  1e00 ffff 0000  1000 ffff 0000  0a00 ffff 0000
            1600 ffff 0000  1f00 ffff 0000  0e00 ffff 0000  # security bindings
            0000                   # end of security bindings
            0000                   # pad to 4
            00000000               # reserved
            00000000               # status
        ");
        let found = decode_server_alive2(
            &stub,
            Syntax {
                endian: Endian::Little,
                ndr64: false,
            },
        );
        assert_eq!(found, Ok(Vec::new()));
        let (words, sec) = oxid_bindings();
        let mut s = W::new(false);
        s.u16(5).u16(7);
        dsa_ptr(&mut s, &words, sec);
        s.u32(0).u32(0);
        let (out, _) = dcom_run(false, &IID_OBJECT_EXPORTER, 5, &s.buf);
        assert_eq!(out, oxid_expected(Method::ServerAlive2));
    }

    /// An activation property blob stand-in: junk, then a little-endian DUALSTRINGARRAY at an
    /// odd offset (as inside an OBJREF), then junk.
    fn activation_stub(le: bool, hr: u32) -> Vec<u8> {
        let (words, sec) = oxid_bindings();
        let mut blob = b"MEOW\x04\0\0\0junk\x01\x00\x03\x00\x00".to_vec();
        blob.extend_from_slice(&(words.len() as u16).to_le_bytes());
        blob.extend_from_slice(&sec.to_le_bytes());
        for w in &words {
            blob.extend_from_slice(&w.to_le_bytes());
        }
        blob.extend_from_slice(&[0xcc; 9]);
        let mut s = W::new(le);
        s.u32(0).u32(0); // ORPCTHAT: flags, no extensions
        s.u32(0x0002_0000)
            .u32(blob.len() as u32)
            .u32(blob.len() as u32)
            .bytes(&blob)
            .align(4);
        s.u32(hr);
        s.buf
    }

    #[test]
    fn remote_create_instance_and_get_class_object_blob_scan() {
        for le in [true, false] {
            for (opnum, method) in [
                (4, Method::RemoteCreateInstance),
                (3, Method::RemoteGetClassObject),
            ] {
                let (out, p) = dcom_run(
                    le,
                    &IID_REMOTE_SCM_ACTIVATOR,
                    opnum,
                    &activation_stub(le, 0),
                );
                assert_eq!(out, oxid_expected(method));
                assert_eq!(p.stats().malformed, 0);
                let (out, _) = dcom_run(
                    le,
                    &IID_REMOTE_SCM_ACTIVATOR,
                    opnum,
                    &activation_stub(le, 0x8000_4005),
                );
                assert!(out.is_empty());
            }
        }
    }

    #[test]
    fn remote_activation() {
        let (words, sec) = oxid_bindings();
        let mut s = W::new(true);
        s.u32(0).u32(0).bytes(&[0x11; 8]); // ORPCTHAT, OXID (already 8-aligned)
        dsa_ptr(&mut s, &words, sec);
        s.bytes(&[0x22; 16]).u32(0).u16(5).u16(7).u32(0);
        s.bytes(&[0; 12]); // interface data, not decoded
        let (out, _) = dcom_run(true, &IID_REMOTE_ACTIVATION, 0, &s.buf);
        assert_eq!(out, oxid_expected(Method::RemoteActivation));
    }

    #[test]
    fn every_truncation_of_dcom_stubs_announces_nothing() {
        let syntax = Syntax {
            endian: Endian::Little,
            ndr64: false,
        };
        let cases = [
            (Method::ResolveOxid2, resolve_oxid2_stub(true, 0)),
            (Method::RemoteCreateInstance, activation_stub(true, 0)),
            (Method::EptMap, ept_map_stub(true, &three_towers(), 0)),
        ];
        for (method, stub) in cases {
            assert!(!decode_stub(method, &stub, syntax).unwrap().is_empty());
            for len in 0..stub.len() {
                let r = decode_stub(method, &stub[..len], syntax);
                assert!(r.is_err(), "{method} truncated at {len}: {r:?}");
            }
        }
    }

    #[test]
    fn string_binding_parsing() {
        let b = |s: &str| StringBinding {
            tower_id: 7,
            network_addr: s.to_string(),
        };
        assert_eq!(
            binding_endpoint(&b("10.0.0.5[135]")),
            Some((Some("10.0.0.5".parse().unwrap()), 135))
        );
        assert_eq!(binding_endpoint(&b("host[65535]")), Some((None, 65535)));
        for bad in [
            "host",
            "host[]",
            "host[0]",
            "host[65536]",
            "host[12",
            "host[ab]",
        ] {
            assert_eq!(binding_endpoint(&b(bad)), None, "{bad}");
        }
        // Malformed arrays are rejected.
        let (mut words, sec) = oxid_bindings();
        assert!(parse_string_array(&words, usize::from(sec)).is_some());
        assert!(parse_string_array(&words, usize::from(sec) - 1).is_none());
        words.pop();
        assert!(parse_string_array(&words, usize::from(sec)).is_none());
    }

    fn mutate(conv: &mut [(Direction, Vec<u8>)], flips: &[(usize, u8)]) {
        let n = conv.len();
        for (at, v) in flips {
            let bytes = &mut conv[at % n].1;
            let i = (at / n) % bytes.len();
            bytes[i] = *v;
        }
    }

    proptest::proptest! {
        #[test]
        fn mutated_pdus_never_panic_and_chunking_is_irrelevant(
            le: bool,
            flips in proptest::collection::vec((0usize..100_000, proptest::num::u8::ANY), 0..6),
            splits in proptest::collection::vec(0usize..1000, 4),
        ) {
            let mut conv = ept_map_conversation(le);
            conv.push((Direction::ToServer, request(le, 5, 0, 3)));
            conv.push((Direction::ToClient, activation_stub(le, 0)));
            mutate(&mut conv, &flips);
            let (whole, _) = run(&conv);
            let mut p = DceRpc::new();
            let mut out = Vec::new();
            for ((d, b), at) in conv.iter().zip(splits.iter().cycle()) {
                let at = at % (b.len() + 1);
                p.feed(*d, &b[..at], &mut out);
                p.feed(*d, &b[at..], &mut out);
            }
            proptest::prop_assert_eq!(whole, out);
        }

        #[test]
        fn mutated_stubs_never_panic(
            flips in proptest::collection::vec((0usize..100_000, proptest::num::u8::ANY), 1..6),
            ndr64: bool,
        ) {
            let syntax = Syntax { endian: Endian::Little, ndr64 };
            for method in [
                Method::EptMap,
                Method::EptLookup,
                Method::ResolveOxid2,
                Method::ServerAlive2,
                Method::RemoteCreateInstance,
                Method::RemoteActivation,
            ] {
                for stub in [
                    ept_map_stub(true, &three_towers(), 0),
                    resolve_oxid2_stub(true, 0),
                    activation_stub(true, 0),
                ] {
                    let mut conv = [(Direction::ToClient, stub)];
                    mutate(&mut conv, &flips);
                    let _ = decode_stub(method, &conv[0].1, syntax);
                }
            }
        }
    }
}
