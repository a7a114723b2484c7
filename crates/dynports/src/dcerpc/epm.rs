//! The endpoint mapper (C706 appendix O, MS-RPCE 2.2.1.2): `ept_map` and `ept_lookup`
//! responses, NDR-decoded in full, and the protocol towers they return (C706 appendix L).

use std::net::{IpAddr, Ipv4Addr};

use super::{epm_announcement, uuid, Syntax, Uuid};
use crate::reader::{Endian, Reader};
use crate::{push_unique, Announcement, DecodeError, Method, Transport};

/// Endpoint mapper protocol identifiers of tower floors (C706 appendix I, MS-RPCE 2.2.1.1).
const FLOOR_TCP_PORT: u8 = 0x07;
const FLOOR_UDP_PORT: u8 = 0x08;
const FLOOR_IPV4: u8 = 0x09;
const FLOOR_NCADG: u8 = 0x0a;
const FLOOR_NCACN: u8 = 0x0b;
const FLOOR_UUID: u8 = 0x0d;

/// Floors of a tower read without its response's structure (mid-stream): the three RPC
/// floors (interface, transfer syntax, RPC protocol), a port floor, and at most two more
/// (the host address; C706 appendix I's towers have five floors, ncalrpc four).
const MID_STREAM_FLOORS: std::ops::RangeInclusive<u16> = 4..=6;
/// The smallest such tower: floor count, two UUID floors (2 + 19 + 2 + 2 bytes each), the
/// RPC protocol floor and a port floor (2 + 1 + 2 + 2 bytes each).
const MID_STREAM_MIN_TOWER: usize = 2 + 2 * 25 + 2 * 7;

/// e1af8308-5d1f-11c9-91a4-08002b14a0fa: the endpoint mapper interface.
pub(super) const IID_EPM: Uuid = uuid(
    0xe1af8308,
    0x5d1f,
    0x11c9,
    [0x91, 0xa4, 8, 0, 0x2b, 0x14, 0xa0, 0xfa],
);

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

/// One floor of a tower: the left-hand side (protocol identifier, then its data) and the
/// right-hand side.
struct Floor<'a> {
    proto: u8,
    lhs: &'a [u8],
    rhs: &'a [u8],
}

/// The floors of a tower (always little-endian, C706 appendix L): the floor count, then per
/// floor a u16 length and the left-hand side, a u16 length and the right-hand side.
struct Floors<'a> {
    r: Reader<'a>,
    count: u16,
    read: u16,
}

impl<'a> Floors<'a> {
    fn new(tower: &'a [u8]) -> Result<Self, DecodeError> {
        let mut r = Reader::new(tower, Endian::Little, "DCE-RPC tower");
        let count = r.u16()?;
        Ok(Floors { r, count, read: 0 })
    }

    /// The next floor, `None` after the last one the count announced.
    fn next(&mut self) -> Result<Option<Floor<'a>>, DecodeError> {
        if self.read == self.count {
            return Ok(None);
        }
        self.read += 1;
        let lhs_len = usize::from(self.r.u16()?);
        let lhs = self.r.take(lhs_len)?;
        let rhs_len = usize::from(self.r.u16()?);
        let rhs = self.r.take(rhs_len)?;
        let Some(&proto) = lhs.first() else {
            return Err(self.r.invalid("empty floor"));
        };
        Ok(Some(Floor { proto, lhs, rhs }))
    }
}

/// Walks a tower's floors and returns the endpoint it names, if it names a TCP or UDP port.
fn tower_endpoint(tower: &[u8]) -> Result<Option<(Option<IpAddr>, u16, Transport)>, DecodeError> {
    let mut floors = Floors::new(tower)?;
    let mut port = None;
    let mut ip = None;
    while let Some(Floor { proto, rhs, .. }) = floors.next()? {
        match (proto, rhs) {
            (FLOOR_TCP_PORT, [hi, lo]) => {
                port = Some((u16::from_be_bytes([*hi, *lo]), Transport::Tcp))
            }
            (FLOOR_UDP_PORT, [hi, lo]) => {
                port = Some((u16::from_be_bytes([*hi, *lo]), Transport::Udp))
            }
            (FLOOR_IPV4, [a, b, c, d]) => ip = Some(Ipv4Addr::new(*a, *b, *c, *d)),
            (FLOOR_TCP_PORT | FLOOR_UDP_PORT | FLOOR_IPV4, _) => {
                return Err(floors.r.invalid("port or address floor size"))
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
pub(super) fn decode_ept_map(
    stub: &[u8],
    syntax: Syntax,
) -> Result<Vec<Announcement>, DecodeError> {
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
pub(super) fn decode_ept_lookup(
    stub: &[u8],
    syntax: Syntax,
) -> Result<Vec<Announcement>, DecodeError> {
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

/// A tower found by scanning (mid-stream) counts only when it is laid out exactly as an
/// RPC tower: [`MID_STREAM_FLOORS`] floors, the first two UUIDs with their major versions
/// (left-hand side 19 bytes, minor version 2 bytes), the third ncacn (0x0b) or ncadg (0x0a)
/// with its minor version, then exactly one TCP or UDP port floor (2 bytes) and at most one
/// IPv4 floor (4 bytes), each of those a bare protocol identifier, and nothing after the
/// last floor.
fn well_formed_tower(tower: &[u8]) -> bool {
    let Ok(mut floors) = Floors::new(tower) else {
        return false;
    };
    if !MID_STREAM_FLOORS.contains(&floors.count) {
        return false;
    }
    let (mut ports, mut addresses) = (0, 0);
    for i in 0.. {
        let f = match floors.next() {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => return false,
        };
        let bare = f.lhs.len() == 1;
        let ok = match (i, f.proto) {
            (0 | 1, FLOOR_UUID) => f.lhs.len() == 19 && f.rhs.len() == 2,
            (2, FLOOR_NCACN | FLOOR_NCADG) => bare && f.rhs.len() == 2,
            (0..=2, _) => false,
            (_, FLOOR_TCP_PORT | FLOOR_UDP_PORT) => {
                ports += 1;
                bare && f.rhs.len() == 2
            }
            (_, FLOOR_IPV4) => {
                addresses += 1;
                bare && f.rhs.len() == 4
            }
            _ => true,
        };
        if !ok {
            return false;
        }
    }
    floors.r.remaining() == 0 && ports == 1 && addresses <= 1
}

/// A response whose operation is unknown (its bind was not seen): every well-formed
/// `twr_t` in it, as `ept_map` and `ept_lookup` responses carry them after their pointers.
/// A `twr_t` is found by its NDR layout, in the PDU's byte order: at a 4-aligned offset the
/// tower length, preceded by the same value as conformance (4 bytes in NDR, 8 aligned to 8 in
/// NDR64), followed by a tower of exactly that length that [`well_formed_tower`] accepts.
/// As the endpoint mapper's decoders do, the port floor gives the port, the IPv4 floor the
/// address (`None` when absent or 0.0.0.0: the server's own), and a non-zero status (the
/// stub's last 4 bytes) announces nothing. Every offset is looked at once and a candidate
/// costs at most [`MID_STREAM_FLOORS`] floors, so the scan is linear in the stub.
pub(super) fn scan_mid_stream(stub: &[u8], endian: Endian) -> Vec<Announcement> {
    let mut found = Vec::new();
    let u32_at = |i: usize| -> Option<u32> {
        let b: [u8; 4] = stub.get(i..i.checked_add(4)?)?.try_into().ok()?;
        Some(match endian {
            Endian::Little => u32::from_le_bytes(b),
            Endian::Big => u32::from_be_bytes(b),
        })
    };
    let u64_at = |i: usize| -> Option<u64> {
        let b: [u8; 8] = stub.get(i..i.checked_add(8)?)?.try_into().ok()?;
        Some(match endian {
            Endian::Little => u64::from_le_bytes(b),
            Endian::Big => u64::from_be_bytes(b),
        })
    };
    let status_ok = stub.len() >= 4 && u32_at(stub.len() - 4) == Some(0);
    if !status_ok {
        return found;
    }
    let mut p = 4;
    while p + 4 + MID_STREAM_MIN_TOWER <= stub.len() {
        let Some(len) = u32_at(p) else {
            break;
        };
        let conformance =
            u32_at(p - 4) == Some(len) || (p % 8 == 0 && u64_at(p - 8) == Some(u64::from(len)));
        let end = (p + 4).saturating_add(len as usize);
        let tower = stub
            .get(p + 4..end)
            .filter(|t| conformance && t.len() >= MID_STREAM_MIN_TOWER && well_formed_tower(t));
        let Some(tower) = tower else {
            p += 4;
            continue;
        };
        if let Ok(Some((addr, port, transport))) = tower_endpoint(tower) {
            push_unique(
                &mut found,
                epm_announcement(Method::MidStreamTowers, addr, port, transport),
            );
        }
        p = end.next_multiple_of(4);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::super::test_pdus::{
        bind, epm, ept_map_conversation, ept_map_expected, ept_map_stub, request, response, run,
        three_towers, tower, W,
    };
    use super::*;
    use crate::test_util::hex;
    use crate::{ControlParser, Direction};

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
        assert!(p.association.calls.is_empty());
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

    /// suricata-verify bug-5133 f4: ept_map response in NDR64 (context 1).
    const BUG_5133_MAP_RESPONSE: &str = "
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
    ";

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
        let response = hex(BUG_5133_MAP_RESPONSE);
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

    // ---- mid-stream: the context's bind was not seen (issue 16 class 7) ----

    /// A request on context 0, never bound in what was seen, and its response.
    fn mid_stream(le: bool, stub: &[u8]) -> Vec<Announcement> {
        run(&[
            (Direction::ToServer, request(le, 7, 0, 3)),
            (Direction::ToClient, response(le, 7, stub)),
        ])
        .0
    }

    fn mid_stream_expected() -> Vec<Announcement> {
        vec![
            epm(
                Method::MidStreamTowers,
                Some("10.0.0.5"),
                50000,
                Transport::Tcp,
            ),
            epm(Method::MidStreamTowers, None, 1025, Transport::Udp),
        ]
    }

    fn tcp_tower() -> Vec<u8> {
        tower(&[(0x07, &[0xc3, 0x50]), (0x09, &[10, 0, 0, 5])])
    }

    #[test]
    fn ept_map_reply_on_a_context_whose_bind_was_not_seen() {
        for le in [true, false] {
            // The request seen, or not (the capture began between request and response).
            let stub = ept_map_stub(le, &three_towers(), 0);
            assert_eq!(mid_stream(le, &stub), mid_stream_expected(), "le={le}");
            let (out, p) = run(&[(Direction::ToClient, response(le, 7, &stub))]);
            assert_eq!(out, mid_stream_expected(), "le={le}");
            assert_eq!(p.stats().unmatched_replies, 1);
            assert_eq!(p.stats().malformed, 0);
            // ept_lookup: entries (object, tower pointer, annotation), then the towers.
            let t = tcp_tower();
            let mut s = W::new(le);
            s.bytes(&[0; 20]).u32(2).u32(2).u32(0).u32(2);
            for (referent, note) in [(3u32, &b"abcd\0"[..]), (4, b"x\0")] {
                s.bytes(&[0; 16])
                    .u32(referent)
                    .u32(0)
                    .u32(note.len() as u32);
                s.bytes(note).align(4);
            }
            for _ in 0..2 {
                s.u32(t.len() as u32).u32(t.len() as u32).bytes(&t).align(4);
            }
            s.u32(0);
            assert_eq!(
                mid_stream(le, &s.buf),
                mid_stream_expected()[..1].to_vec(),
                "le={le}"
            );
            // A failed lookup announces nothing, as with the bind seen.
            let failed = ept_map_stub(le, &three_towers(), 0x16c9_a0d6);
            assert!(mid_stream(le, &failed).is_empty(), "le={le}");
        }
    }

    #[test]
    fn mid_stream_ept_map_from_mapi_and_ndr64_captures() {
        // zeek mapi f399/f400 without the bind f397/f398: NSPI at 192.168.0.2:4997.
        let (out, p) = run(&[
            (Direction::ToServer, hex(MAPI_MAP_REQUEST)),
            (Direction::ToClient, hex(MAPI_MAP_RESPONSE)),
        ]);
        assert_eq!(
            out,
            vec![epm(
                Method::MidStreamTowers,
                Some("192.168.0.2"),
                4997,
                Transport::Tcp
            )]
        );
        assert_eq!(p.stats().unknown_context, 1);
        // f505: an ncacn_http tower names no TCP port floor.
        let (out, _) = run(&[
            (Direction::ToServer, hex(MAPI_LOOKUP_REQUEST)),
            (Direction::ToClient, hex(MAPI_LOOKUP_RESPONSE)),
        ]);
        assert!(out.is_empty(), "{out:?}");
        // bug-5133 f4 alone: NDR64 (8-byte conformance), context 1 never bound.
        let (out, _) = run(&[(Direction::ToClient, hex(BUG_5133_MAP_RESPONSE))]);
        assert_eq!(
            out,
            vec![epm(
                Method::MidStreamTowers,
                Some("172.16.66.36"),
                49683,
                Transport::Tcp
            )]
        );
    }

    /// With the bind seen, only ept_map and ept_lookup are decoded: a response of another
    /// operation or interface is never scanned for towers.
    #[test]
    fn a_bound_context_is_never_scanned_for_towers() {
        for le in [true, false] {
            let stub = ept_map_stub(le, &three_towers(), 0);
            for (iface, opnum) in [(IID_EPM, 1), ([0x42; 16], 3)] {
                let (out, _) = run(&[
                    (Direction::ToServer, bind(le, 1, 0, &iface)),
                    (Direction::ToServer, request(le, 2, 0, opnum)),
                    (Direction::ToClient, response(le, 2, &stub)),
                ]);
                assert!(out.is_empty(), "le={le} opnum={opnum}: {out:?}");
            }
        }
    }

    #[test]
    fn every_truncation_of_a_mid_stream_tower_announces_nothing() {
        for le in [true, false] {
            let t = tcp_tower();
            let stub = ept_map_stub(le, std::slice::from_ref(&t), 0);
            // entry handle, num_towers, array header, one pointer, conformance, length.
            let tower_end = 20 + 4 + 12 + 4 + 8 + t.len();
            for len in 0..stub.len() {
                let found = scan_mid_stream(&stub[..len], endian(le));
                if len < tower_end {
                    assert!(found.is_empty(), "le={le} len={len}: {found:?}");
                } else {
                    assert!(found.len() <= 1, "le={le} len={len}: {found:?}");
                }
            }
            // The tower alone, cut anywhere (its NDR length saying so): not well formed.
            for len in 0..t.len() {
                assert!(!well_formed_tower(&t[..len]), "len={len}");
            }
            assert!(well_formed_tower(&t));
        }
    }

    fn endian(le: bool) -> Endian {
        if le {
            Endian::Little
        } else {
            Endian::Big
        }
    }

    /// Towers that are nearly right, and bytes that are not towers, announce nothing.
    #[test]
    fn towers_not_fully_well_formed_announce_nothing() {
        let good = tcp_tower();
        let edited = |at: usize, v: u8| {
            let mut t = good.clone();
            t[at] = v;
            t
        };
        let mut trailing = good.clone();
        trailing.push(0);
        let port: (u8, &[u8]) = (0x07, &[0xc3, 0x50]);
        let wrong = [
            ("no port floor", tower(&[])),
            ("port of 3 bytes", tower(&[(0x07, &[0xc3, 0x50, 0])])),
            ("address of 3 bytes", tower(&[port, (0x09, &[10, 0, 0])])),
            ("two ports", tower(&[port, (0x08, &[0xc3, 0x51])])),
            (
                "two addresses",
                tower(&[port, (0x09, &[1; 4]), (0x09, &[2; 4])]),
            ),
            (
                "7 floors",
                tower(&[port, (0x09, &[1; 4]), (0x10, &[0]), (0x11, &[0])]),
            ),
            (
                "ncacn_http, no TCP port floor",
                tower(&[(0x1f, &[0x13, 0x88]), (0x09, &[10, 0, 0, 5])]),
            ),
            ("a byte after the last floor", trailing),
            ("floor 1 not a UUID", edited(4, 0x0c)),
            ("floor 3 not ncacn or ncadg", edited(2 + 25 + 25 + 2, 0x0c)),
            ("floor 1's left-hand side a byte short", edited(2, 18)),
        ];
        for le in [true, false] {
            assert_eq!(
                mid_stream(le, &ept_map_stub(le, std::slice::from_ref(&good), 0)),
                mid_stream_expected()[..1].to_vec()
            );
            for (what, t) in &wrong {
                let stub = ept_map_stub(le, std::slice::from_ref(t), 0);
                assert!(mid_stream(le, &stub).is_empty(), "le={le}: {what}");
                assert!(!well_formed_tower(t), "{what}");
            }
            // The conformance must repeat the tower length.
            let mut stub = ept_map_stub(le, std::slice::from_ref(&good), 0);
            stub[40] ^= 1;
            assert!(mid_stream(le, &stub).is_empty(), "le={le}");
            // Pseudo-random bytes (xorshift), a whole PDU's worth.
            let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
            let junk: Vec<u8> = (0..65_000)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    x as u8
                })
                .chain([0; 4])
                .collect();
            assert!(scan_mid_stream(&junk, endian(le)).is_empty());
        }
    }
}
