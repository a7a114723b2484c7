//! DCE-RPC connection-oriented PDUs (C706 chapter 12, MS-RPCE 2.2.2) on the endpoint mapper
//! port: the endpoint mapper (C706 appendix O / MS-RPCE 2.2.1.2) and the DCOM interfaces that
//! return OXID string bindings (MS-DCOM 3.1.2.5).

use std::collections::VecDeque;
use std::net::{IpAddr, Ipv4Addr};

use crate::reader::{Endian, Reader};
use crate::{
    Announcement, Connector, DecodeError, Direction, Method, ParserStats, Protocol, Transport,
    DCERPC_MAX_REASSEMBLY, MAX_PENDING,
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
    method: Method,
    ndr64: bool,
}

#[derive(Debug)]
struct Reassembly {
    call_id: u32,
    syntax: Syntax,
    stub: Vec<u8>,
}

#[derive(Debug, Default)]
struct PduStream {
    buf: Vec<u8>,
    resync: bool,
    /// Response stubs being reassembled in this direction (bounded in total size).
    reassembly: Vec<Reassembly>,
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

    pub fn stats(&self) -> &ParserStats {
        &self.stats
    }

    /// Feeds in-order TCP bytes of one direction.
    pub fn feed(&mut self, dir: Direction, data: &[u8], out: &mut Vec<Announcement>) {
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
    pub fn gap(&mut self, dir: Direction) {
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
        let Some(ctx) = self.contexts.iter().find(|c| c.id == ctx_id).copied() else {
            self.stats.unknown_context += 1;
            return Ok(());
        };
        self.calls.retain(|c| c.call_id != h.call_id);
        if let Some(method) = method_of(&ctx.iface, opnum) {
            if self.calls.len() >= MAX_PENDING {
                self.calls.pop_front();
                self.stats.evicted_calls += 1;
            }
            self.calls.push_back(Call {
                call_id: h.call_id,
                method,
                ndr64: ctx.ndr64,
            });
        }
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
        let call = self.calls.iter().position(|c| c.call_id == h.call_id);
        let Some(call_idx) = call else {
            if first {
                self.stats.unmatched_replies += 1;
            }
            return Ok(());
        };
        let call = self.calls.get(call_idx).copied();
        if auth_level == AUTH_LEVEL_PKT_PRIVACY {
            self.stats.encrypted_pdus += 1;
            self.stats.encrypted_bytes += stub.len() as u64;
            stream.reassembly.retain(|ra| ra.call_id != h.call_id);
            if last {
                self.calls.remove(call_idx);
            }
            return Ok(());
        }
        let Some(Call { method, ndr64, .. }) = call else {
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
        protocol: Protocol::DceRpcEpm,
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
    let max_count = r.ndr_long()?;
    let _offset = r.ndr_long()?;
    let actual = r.ndr_count()?;
    if actual as u64 > max_count {
        return Err(r.invalid("tower array count"));
    }
    let mut present = 0;
    for _ in 0..actual {
        present += usize::from(r.ndr_long()? != 0);
    }
    let mut towers = Vec::with_capacity(present);
    for _ in 0..present {
        towers.push(read_tower(&mut r)?);
    }
    r.align(4)?;
    let status = r.u32()?;
    if status != 0 {
        return Ok(Vec::new());
    }
    towers_to_announcements(&towers, Method::EptMap)
}

/// `ept_lookup` response (opnum 2): entry_handle, num_ents, `ept_entry_t entries[]`
/// (object uuid, tower pointer, annotation string), the towers, status.
fn decode_ept_lookup(stub: &[u8], syntax: Syntax) -> Result<Vec<Announcement>, DecodeError> {
    let mut r = syntax.reader(stub, "ept_lookup response");
    r.skip(20)?; // context handle
    let _num_ents = r.u32()?;
    let max_count = r.ndr_long()?;
    let _offset = r.ndr_long()?;
    let actual = r.ndr_count()?;
    if actual as u64 > max_count {
        return Err(r.invalid("entry array count"));
    }
    let mut present = 0;
    for _ in 0..actual {
        r.align(r.struct_align())?;
        r.skip(16)?; // object uuid
        present += usize::from(r.ndr_long()? != 0);
        let _offset = r.ndr_long()?;
        let len = r.ndr_count()?;
        r.skip(len)?; // annotation
    }
    let mut towers = Vec::with_capacity(present);
    for _ in 0..present {
        towers.push(read_tower(&mut r)?);
    }
    r.align(4)?;
    let status = r.u32()?;
    if status != 0 {
        return Ok(Vec::new());
    }
    towers_to_announcements(&towers, Method::EptLookup)
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
    let mut p = 0;
    while p + 8 <= data.len() {
        let (Some(n), Some(sec)) = (word(p), word(p + 2)) else {
            break;
        };
        let (n, sec) = (usize::from(n), usize::from(sec));
        let end = p + 4 + 2 * n;
        let candidate = n >= 3 && sec >= 2 && sec < n && end <= data.len();
        if candidate && word(p + 4 + 2 * (sec - 1)) == Some(0) && word(end - 2) == Some(0) {
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
