//! Builders of PDUs and stubs for the tests of every part, in both data representations.

use super::epm::IID_EPM;
use super::pdu::{PTYPE_BIND, PTYPE_BIND_ACK, PTYPE_REQUEST, PTYPE_RESPONSE};
use super::{epm_announcement, uuid, DceRpc, Uuid};
use crate::{Announcement, ControlParser, Direction, Method, Transport};

pub(super) fn epm(
    method: Method,
    addr: Option<&str>,
    port: u16,
    transport: Transport,
) -> Announcement {
    epm_announcement(method, addr.map(|a| a.parse().unwrap()), port, transport)
}

pub(super) fn run(parts: &[(Direction, Vec<u8>)]) -> (Vec<Announcement>, DceRpc) {
    let mut p = DceRpc::new();
    let mut out = Vec::new();
    for (d, b) in parts {
        p.feed(*d, b, &mut out);
    }
    (out, p)
}

pub(super) struct W {
    le: bool,
    pub(super) buf: Vec<u8>,
}

impl W {
    pub(super) fn new(le: bool) -> Self {
        W {
            le,
            buf: Vec::new(),
        }
    }
    pub(super) fn u8(&mut self, v: u8) -> &mut Self {
        self.buf.push(v);
        self
    }
    pub(super) fn u16(&mut self, v: u16) -> &mut Self {
        let b = if self.le {
            v.to_le_bytes()
        } else {
            v.to_be_bytes()
        };
        self.buf.extend_from_slice(&b);
        self
    }
    pub(super) fn u32(&mut self, v: u32) -> &mut Self {
        let b = if self.le {
            v.to_le_bytes()
        } else {
            v.to_be_bytes()
        };
        self.buf.extend_from_slice(&b);
        self
    }
    pub(super) fn bytes(&mut self, b: &[u8]) -> &mut Self {
        self.buf.extend_from_slice(b);
        self
    }
    pub(super) fn uuid(&mut self, u: &Uuid) -> &mut Self {
        let d1 = u32::from_be_bytes([u[0], u[1], u[2], u[3]]);
        let d2 = u16::from_be_bytes([u[4], u[5]]);
        let d3 = u16::from_be_bytes([u[6], u[7]]);
        self.u32(d1).u16(d2).u16(d3).bytes(&u[8..])
    }
    pub(super) fn align(&mut self, n: usize) -> &mut Self {
        let pad = (n - self.buf.len() % n) % n;
        self.buf.resize(self.buf.len() + pad, 0);
        self
    }
}

pub(super) const NDR: Uuid = uuid(
    0x8a885d04,
    0x1ceb,
    0x11c9,
    [0x9f, 0xe8, 8, 0, 0x2b, 0x10, 0x48, 0x60],
);

/// A PDU; `auth` = (auth level, pad length, verifier length).
pub(super) fn pdu(
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

pub(super) fn bind(le: bool, call_id: u32, ctx: u16, iface: &Uuid) -> Vec<u8> {
    let mut b = W::new(le);
    b.u16(5840).u16(5840).u32(0).u8(1).bytes(&[0; 3]);
    b.u16(ctx).u8(1).u8(0).uuid(iface).u32(0).uuid(&NDR).u32(2);
    pdu(le, PTYPE_BIND, 3, call_id, &b.buf, None)
}

pub(super) fn bind_ack(le: bool, call_id: u32, result: u16) -> Vec<u8> {
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

pub(super) fn request(le: bool, call_id: u32, ctx: u16, opnum: u16) -> Vec<u8> {
    let mut b = W::new(le);
    b.u32(8).u16(ctx).u16(opnum).bytes(&[0; 8]);
    pdu(le, PTYPE_REQUEST, 3, call_id, &b.buf, None)
}

pub(super) fn response_body(le: bool, stub: &[u8]) -> Vec<u8> {
    let mut b = W::new(le);
    b.u32(stub.len() as u32).u16(0).u8(0).u8(0).bytes(stub);
    b.buf
}

pub(super) fn response(le: bool, call_id: u32, stub: &[u8]) -> Vec<u8> {
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
pub(super) fn tower(extra: &[(u8, &[u8])]) -> Vec<u8> {
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

pub(super) fn ept_map_stub(le: bool, towers: &[Vec<u8>], status: u32) -> Vec<u8> {
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

pub(super) fn three_towers() -> Vec<Vec<u8>> {
    vec![
        tower(&[(0x07, &[0xc3, 0x50]), (0x09, &[10, 0, 0, 5])]), // TCP 50000 @ 10.0.0.5
        tower(&[(0x08, &[0x04, 0x01]), (0x09, &[0, 0, 0, 0])]),  // UDP 1025 @ 0.0.0.0
        tower(&[(0x0f, b"\\PIPE\\x\0"), (0x11, b"HOST\0")]),     // ncacn_np: no port
    ]
}

pub(super) fn ept_map_conversation(le: bool) -> Vec<(Direction, Vec<u8>)> {
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

pub(super) fn ept_map_expected() -> Vec<Announcement> {
    vec![
        epm(Method::EptMap, Some("10.0.0.5"), 50000, Transport::Tcp),
        epm(Method::EptMap, None, 1025, Transport::Udp),
    ]
}

// ---- DCOM ----

/// aStringArray words and wSecurityOffset for the given string and security bindings.
pub(super) fn string_array(bindings: &[(u16, &str)], security: &[(u16, &str)]) -> (Vec<u16>, u16) {
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

pub(super) fn dsa_ptr(s: &mut W, words: &[u16], sec: u16) {
    s.u32(0x0002_0000)
        .u32(words.len() as u32)
        .u16(words.len() as u16)
        .u16(sec);
    for w in words {
        s.u16(*w);
    }
    s.align(4);
}

pub(super) fn oxid_bindings() -> (Vec<u16>, u16) {
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

pub(super) fn oxid_expected(method: Method) -> Vec<Announcement> {
    vec![
        epm(method, None, 49724, Transport::Tcp),
        epm(method, Some("10.0.0.5"), 49724, Transport::Tcp),
        epm(method, Some("fd00::5"), 49726, Transport::Tcp),
    ]
}

pub(super) fn resolve_oxid2_stub(le: bool, status: u32) -> Vec<u8> {
    let (words, sec) = oxid_bindings();
    let mut s = W::new(le);
    dsa_ptr(&mut s, &words, sec);
    s.bytes(&[0x77; 16]).u32(0x0a).u16(5).u16(7).u32(status);
    s.buf
}

pub(super) fn dcom_run(
    le: bool,
    iface: &Uuid,
    opnum: u16,
    stub: &[u8],
) -> (Vec<Announcement>, DceRpc) {
    run(&[
        (Direction::ToServer, bind(le, 1, 0, iface)),
        (Direction::ToClient, bind_ack(le, 1, 0)),
        (Direction::ToServer, request(le, 2, 0, opnum)),
        (Direction::ToClient, response(le, 2, stub)),
    ])
}

/// An activation property blob stand-in: junk, then a little-endian DUALSTRINGARRAY at an
/// odd offset (as inside an OBJREF), then junk.
pub(super) fn activation_stub(le: bool, hr: u32) -> Vec<u8> {
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

pub(super) fn mutate(conv: &mut [(Direction, Vec<u8>)], flips: &[(usize, u8)]) {
    let n = conv.len();
    for (at, v) in flips {
        let bytes = &mut conv[at % n].1;
        let i = (at / n) % bytes.len();
        bytes[i] = *v;
    }
}
