//! Connectionless DCE-RPC (`ncadg_ip_udp`, DCE 1.1 RPC / C706 chapter 12): the endpoint mapper
//! and DCOM OXID resolution over UDP 135. Each datagram is one PDU: an 80-byte header in the
//! sender's data representation, then the body. A request names its interface and operation
//! in the header; its response carries the same activity id and sequence number, and its
//! stub (NDR, the same as over TCP) goes to the stub decoders. Fragments (`PF_FRAG`, numbered)
//! are joined in order up to [`crate::DCERPC_MAX_REASSEMBLY`]; a missing one drops the call.

use std::collections::VecDeque;

use super::{decode_stub, method_of, read_uuid, Syntax, Uuid};
use crate::reader::{Endian, Reader};
use crate::MAX_PENDING;
use crate::{Announcement, DecodeError, Direction, Method, ParserStats, DCERPC_MAX_REASSEMBLY};

/// Connectionless RPC version (C706 12.5.3.1: `rpc_vers` = 4).
pub(super) const CL_VERSION: u8 = 4;
pub(super) const CL_HEADER_LEN: usize = 80;
const PTYPE_REQUEST: u8 = 0;
const PTYPE_RESPONSE: u8 = 2;
const PTYPE_FAULT: u8 = 3;
const PTYPE_REJECT: u8 = 6;
/// `flags1`: more fragments follow / this PDU is a fragment.
const PF_LASTFRAG: u8 = 0x02;
const PF_FRAG: u8 = 0x04;

/// The fields of a connectionless header the parser uses.
struct ClHeader {
    ptype: u8,
    flags1: u8,
    endian: Endian,
    interface: Uuid,
    activity: Uuid,
    seqnum: u32,
    opnum: u16,
    body_len: usize,
    fragnum: u16,
    auth_proto: u8,
}

fn header(d: &[u8]) -> Result<ClHeader, DecodeError> {
    let mut r = Reader::new(d, Endian::Big, "DCE-RPC connectionless header");
    if r.u8()? != CL_VERSION {
        return Err(r.invalid("version"));
    }
    let ptype = r.u8()? & 0x1f;
    let flags1 = r.u8()?;
    let _flags2 = r.u8()?;
    let drep0 = r.u8()?;
    let endian = match drep0 & 0xf0 {
        0x10 => Endian::Little,
        0x00 => Endian::Big,
        _ => return Err(r.invalid("data representation")),
    };
    let mut r = Reader::new(d, endian, "DCE-RPC connectionless header");
    r.skip(8)?; // version, type, flags, drep, serial_hi
    let _object = read_uuid(&mut r)?;
    let interface = read_uuid(&mut r)?;
    let activity = read_uuid(&mut r)?;
    let _server_boot = r.u32()?;
    let _if_vers = r.u32()?;
    let seqnum = r.u32()?;
    let opnum = r.u16()?;
    let _ihint = r.u16()?;
    let _ahint = r.u16()?;
    let body_len = usize::from(r.u16()?);
    let fragnum = r.u16()?;
    let auth_proto = r.u8()?;
    let _serial_lo = r.u8()?;
    if d.len() < CL_HEADER_LEN + body_len {
        return Err(r.invalid("body length"));
    }
    Ok(ClHeader {
        ptype,
        flags1,
        endian,
        interface,
        activity,
        seqnum,
        opnum,
        body_len,
        fragnum,
        auth_proto,
    })
}

/// A request waiting for its response, and the response's fragments so far.
#[derive(Debug)]
struct ClCall {
    activity: Uuid,
    seqnum: u32,
    method: Method,
    stub: Vec<u8>,
    next_fragment: u16,
}

/// Connectionless calls of one client/server pair (one UDP flow).
#[derive(Debug, Default)]
pub(super) struct Connectionless {
    calls: VecDeque<ClCall>,
}

impl Connectionless {
    pub(super) fn datagram(
        &mut self,
        dir: Direction,
        d: &[u8],
        stats: &mut ParserStats,
        out: &mut Vec<Announcement>,
    ) {
        let h = match header(d) {
            Ok(h) => h,
            Err(e) => {
                stats.malformed(e);
                return;
            }
        };
        stats.messages += 1;
        let body = &d[CL_HEADER_LEN..CL_HEADER_LEN + h.body_len];
        match (dir, h.ptype) {
            (Direction::ToServer, PTYPE_REQUEST) => self.request(&h, stats),
            (Direction::ToClient, PTYPE_RESPONSE) => self.response(&h, body, stats, out),
            (Direction::ToClient, PTYPE_FAULT | PTYPE_REJECT) => {
                self.calls
                    .retain(|c| (c.activity, c.seqnum) != (h.activity, h.seqnum));
            }
            _ => {}
        }
    }

    fn request(&mut self, h: &ClHeader, stats: &mut ParserStats) {
        // Only the first fragment of a request matters: its header names the call.
        if h.flags1 & PF_FRAG != 0 && h.fragnum != 0 {
            return;
        }
        let Some(method) = method_of(&h.interface, h.opnum) else {
            return;
        };
        self.calls
            .retain(|c| (c.activity, c.seqnum) != (h.activity, h.seqnum));
        if self.calls.len() >= MAX_PENDING {
            self.calls.pop_front();
            stats.evicted_calls += 1;
        }
        self.calls.push_back(ClCall {
            activity: h.activity,
            seqnum: h.seqnum,
            method,
            stub: Vec::new(),
            next_fragment: 0,
        });
    }

    fn response(
        &mut self,
        h: &ClHeader,
        body: &[u8],
        stats: &mut ParserStats,
        out: &mut Vec<Announcement>,
    ) {
        let Some(i) = self
            .calls
            .iter()
            .position(|c| (c.activity, c.seqnum) == (h.activity, h.seqnum))
        else {
            if h.flags1 & PF_FRAG == 0 || h.fragnum == 0 {
                stats.unmatched_replies += 1;
            }
            return;
        };
        if h.auth_proto != 0 {
            // An authenticated connectionless call: its verifier follows the body and the
            // stub may be sealed; nothing is read from it (counted like TCP's privacy PDUs).
            stats.encrypted_pdus += 1;
            stats.encrypted_bytes += body.len() as u64;
            self.calls.remove(i);
            return;
        }
        let fragmented = h.flags1 & PF_FRAG != 0;
        let call = &mut self.calls[i];
        if fragmented {
            if h.fragnum != call.next_fragment
                || call.stub.len() + body.len() > DCERPC_MAX_REASSEMBLY
            {
                // Out of order, lost or too large: the call cannot be read.
                stats.dropped_bytes += (call.stub.len() + body.len()) as u64;
                self.calls.remove(i);
                return;
            }
            call.stub.extend_from_slice(body);
            call.next_fragment = call.next_fragment.wrapping_add(1);
            if h.flags1 & PF_LASTFRAG == 0 {
                return;
            }
        }
        let Some(call) = self.calls.remove(i) else {
            return;
        };
        let stub = if fragmented { &call.stub[..] } else { body };
        let syntax = Syntax {
            endian: h.endian,
            ndr64: false,
        };
        match decode_stub(call.method, stub, syntax) {
            Ok(found) => stats.emit(found, out),
            Err(e) => stats.malformed(e),
        }
    }
}

/// A request of the endpoint mapper or of DCOM OXID resolution, the calls whose answers name
/// ports: what content detection takes for connectionless DCE-RPC on another port than 135.
pub(crate) fn is_port_naming_request(d: &[u8]) -> bool {
    header(d).is_ok_and(|h| h.ptype == PTYPE_REQUEST && method_of(&h.interface, h.opnum).is_some())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::epm::IID_EPM;
    use super::super::test_pdus::{ept_map_stub, tower};
    use super::*;
    use crate::{ControlParser, Transport};

    /// A connectionless PDU (C706 12.5.3), every multi-byte field in the byte order `le` says.
    #[allow(clippy::too_many_arguments)] // one argument per header field a test varies
    pub(crate) fn cl_pdu(
        le: bool,
        ptype: u8,
        flags1: u8,
        interface: &Uuid,
        seqnum: u32,
        opnum: u16,
        fragnum: u16,
        body: &[u8],
    ) -> Vec<u8> {
        let u16b = |v: u16| if le { v.to_le_bytes() } else { v.to_be_bytes() };
        let u32b = |v: u32| if le { v.to_le_bytes() } else { v.to_be_bytes() };
        let uuid = |u: &Uuid| {
            // Uuid holds the fields big-endian; the wire has the first three in drep order.
            let mut w = Vec::new();
            w.extend_from_slice(&u32b(u32::from_be_bytes([u[0], u[1], u[2], u[3]])));
            w.extend_from_slice(&u16b(u16::from_be_bytes([u[4], u[5]])));
            w.extend_from_slice(&u16b(u16::from_be_bytes([u[6], u[7]])));
            w.extend_from_slice(&u[8..16]);
            w
        };
        let activity: Uuid = [0x5a; 16];
        let mut p = vec![
            CL_VERSION,
            ptype,
            flags1,
            0,
            if le { 0x10 } else { 0 },
            0,
            0,
            0,
        ];
        p.extend(uuid(&[0; 16]));
        p.extend(uuid(interface));
        p.extend(uuid(&activity));
        p.extend(u32b(0x1234)); // server boot
        p.extend(u32b(3)); // interface version
        p.extend(u32b(seqnum));
        p.extend(u16b(opnum));
        p.extend(u16b(0xffff)); // ihint
        p.extend(u16b(0xffff)); // ahint
        p.extend(u16b(body.len() as u16));
        p.extend(u16b(fragnum));
        p.push(0); // auth_proto
        p.push(0); // serial_lo
        assert_eq!(p.len(), CL_HEADER_LEN);
        p.extend_from_slice(body);
        p
    }

    fn run(datagrams: &[(Direction, Vec<u8>)]) -> (Vec<Announcement>, ParserStats) {
        let mut p = super::super::DceRpc::new();
        let mut out = Vec::new();
        for (d, b) in datagrams {
            p.datagram(*d, b, &mut out);
        }
        let stats = p.stats().clone();
        (out, stats)
    }

    #[test]
    fn ept_map_over_udp_in_both_byte_orders() {
        for le in [true, false] {
            let stub = ept_map_stub(
                le,
                &[tower(&[(0x07, &[0xc0, 0x06]), (0x09, &[10, 20, 0, 10])])],
                0,
            );
            let (out, stats) = run(&[
                (
                    Direction::ToServer,
                    cl_pdu(le, PTYPE_REQUEST, 0, &IID_EPM, 7, 3, 0, &[0; 40]),
                ),
                (
                    Direction::ToClient,
                    cl_pdu(le, PTYPE_RESPONSE, 0, &IID_EPM, 7, 3, 0, &stub),
                ),
            ]);
            assert_eq!(out.len(), 1, "le={le} {stats:?}");
            assert_eq!((out[0].port, out[0].transport), (49158, Transport::Tcp));
            assert_eq!(out[0].method, Method::EptMap);
            assert_eq!(out[0].addr, Some("10.20.0.10".parse().unwrap()));
        }
    }

    #[test]
    fn fragments_are_joined_in_order_and_a_missing_one_drops_the_call() {
        let stub = ept_map_stub(
            true,
            &[tower(&[(0x08, &[0x04, 0x05]), (0x09, &[10, 20, 0, 10])])],
            0,
        );
        let (a, b) = stub.split_at(30);
        let req = cl_pdu(true, PTYPE_REQUEST, 0, &IID_EPM, 9, 3, 0, &[0; 40]);
        let f0 = cl_pdu(true, PTYPE_RESPONSE, PF_FRAG, &IID_EPM, 9, 3, 0, a);
        let f1 = cl_pdu(
            true,
            PTYPE_RESPONSE,
            PF_FRAG | PF_LASTFRAG,
            &IID_EPM,
            9,
            3,
            1,
            b,
        );
        let (out, _) = run(&[
            (Direction::ToServer, req.clone()),
            (Direction::ToClient, f0.clone()),
            (Direction::ToClient, f1.clone()),
        ]);
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].port, out[0].transport), (1029, Transport::Udp));
        let (out, stats) = run(&[(Direction::ToServer, req), (Direction::ToClient, f1)]);
        assert!(out.is_empty());
        assert!(stats.dropped_bytes > 0);
    }

    #[test]
    fn a_response_without_its_request_announces_nothing() {
        let stub = ept_map_stub(
            true,
            &[tower(&[(0x07, &[0xc0, 0x06]), (0x09, &[10, 20, 0, 10])])],
            0,
        );
        let (out, stats) = run(&[(
            Direction::ToClient,
            cl_pdu(true, PTYPE_RESPONSE, 0, &IID_EPM, 7, 3, 0, &stub),
        )]);
        assert!(out.is_empty());
        assert_eq!(stats.unmatched_replies, 1);
    }

    proptest::proptest! {
        #[test]
        fn mutated_datagrams_never_panic(
            le: bool,
            flips in proptest::collection::vec((0usize..400, proptest::num::u8::ANY), 0..8),
            cut in 0usize..400,
        ) {
            let stub = ept_map_stub(le, &[tower(&[(0x07, &[0xc0, 0x06]), (0x09, &[10, 20, 0, 10])])], 0);
            let mut dgrams = vec![
                (Direction::ToServer, cl_pdu(le, PTYPE_REQUEST, 0, &IID_EPM, 7, 3, 0, &[0; 40])),
                (Direction::ToClient, cl_pdu(le, PTYPE_RESPONSE, 0, &IID_EPM, 7, 3, 0, &stub)),
            ];
            for (at, v) in &flips {
                let d = &mut dgrams[at % 2].1;
                let i = at % d.len();
                d[i] ^= v;
            }
            let c = cut % (dgrams[1].1.len() + 1);
            dgrams[1].1.truncate(c);
            let _ = run(&dgrams);
        }
    }
}
