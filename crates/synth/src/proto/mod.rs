//! Application payloads, byte-correct where a dissector (or tapaudit's own parsers) reads them:
//! FTP, ONC RPC (portmapper GETPORT over TCP record marking), DCE-RPC (bind, bind_ack,
//! ept_map request/response with towers), EtherNet/IP + CIP, DNS, NetBIOS, LLDP, PROFINET.
//! Bulk protocols (TLS, TDS, SMB2, SSH, ClearSCADA) get correct framing headers and filler.
//!
//! Here: the control protocols (FTP, ONC RPC, DCE-RPC) and EtherNet/IP; name services and
//! layer-2 noise are in `names`, the framing of bulk protocols in `bulk`.

mod bulk;
mod names;

pub(crate) use bulk::*;
pub(crate) use names::*;

pub(crate) const UUID_EPM: &str = "e1af8308-5d1f-11c9-91a4-08002b14a0fa";
pub(crate) const UUID_NDR: &str = "8a885d04-1ceb-11c9-9fe8-08002b104860";
/// Invented for the synthetic FactoryTalk Directory DCOM interface looked up through ept_map
/// (the real interface ids are not public); any UUID exercises the same tower parsing.
pub(crate) const UUID_FT_DIRECTORY: &str = "5b6f0a3e-8c1d-4f2a-9e47-a1c3d2b4e6f8";

/// ONC RPC program numbers. 100000 is the portmapper; the PathTrak ones are invented (in the
/// 0x20000000 user-defined block) because the vendor does not publish them.
pub(crate) const RPC_PORTMAP: u32 = 100_000;
pub(crate) const RPC_HCU_CONFIG: u32 = 0x2000_5a01;
pub(crate) const RPC_HCU_BOOT_EVENT: u32 = 0x2000_5a02;
pub(crate) const RPC_HCU_EVENTS: u32 = 0x2000_5a03;

fn be32(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_be_bytes());
}
fn le32(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}
fn le16(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_le_bytes());
}

/// A UUID in NDR little-endian wire order (first three fields swapped).
pub(crate) fn uuid_le(s: &str) -> [u8; 16] {
    let hex: Vec<u8> = s
        .bytes()
        .filter(|b| b.is_ascii_hexdigit())
        .map(|b| match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            _ => b - b'A' + 10,
        })
        .collect();
    let mut be = [0u8; 16];
    for (i, pair) in hex.chunks_exact(2).take(16).enumerate() {
        be[i] = (pair[0] << 4) | pair[1];
    }
    let mut le = be;
    le[0..4].copy_from_slice(&[be[3], be[2], be[1], be[0]]);
    le[4..6].copy_from_slice(&[be[5], be[4]]);
    le[6..8].copy_from_slice(&[be[7], be[6]]);
    le
}

// ---------------------------------------------------------------- FTP

/// The FTP 227 reply for `ip:port`, in the common parenthesised form.
pub(crate) fn ftp_227(ip: [u8; 4], port: u16) -> Vec<u8> {
    format!(
        "227 Entering Passive Mode ({},{},{},{},{},{}).\r\n",
        ip[0],
        ip[1],
        ip[2],
        ip[3],
        port >> 8,
        port & 0xff
    )
    .into_bytes()
}

// ---------------------------------------------------------------- ONC RPC

/// Prefixes one RPC message with a last-fragment record mark (RFC 5531 section 11).
fn record(body: Vec<u8>) -> Vec<u8> {
    let mut v = Vec::with_capacity(body.len() + 4);
    be32(&mut v, 0x8000_0000 | body.len() as u32);
    v.extend_from_slice(&body);
    v
}

/// An RPC call with AUTH_NULL credentials, record-marked for TCP.
pub(crate) fn rpc_call(xid: u32, prog: u32, vers: u32, proc_: u32, args: &[u8]) -> Vec<u8> {
    let mut b = Vec::with_capacity(40 + args.len());
    for x in [xid, 0, 2, prog, vers, proc_, 0, 0, 0, 0] {
        be32(&mut b, x);
    }
    b.extend_from_slice(args);
    record(b)
}

/// An accepted, successful RPC reply, record-marked for TCP.
pub(crate) fn rpc_reply(xid: u32, results: &[u8]) -> Vec<u8> {
    let mut b = Vec::with_capacity(24 + results.len());
    for x in [xid, 1, 0, 0, 0, 0] {
        be32(&mut b, x);
    }
    b.extend_from_slice(results);
    record(b)
}

/// PMAPPROC_GETPORT (v2, proc 3) asking for `prog`/`vers` over TCP.
pub(crate) fn portmap_getport_call(xid: u32, prog: u32, vers: u32) -> Vec<u8> {
    let mut a = Vec::with_capacity(16);
    for x in [prog, vers, 6, 0] {
        be32(&mut a, x);
    }
    rpc_call(xid, RPC_PORTMAP, 2, 3, &a)
}

pub(crate) fn portmap_getport_reply(xid: u32, port: u16) -> Vec<u8> {
    rpc_reply(xid, &(port as u32).to_be_bytes())
}

/// XDR opaque/string: length, bytes, zero padding to 4.
pub(crate) fn xdr_string(v: &mut Vec<u8>, s: &[u8]) {
    be32(v, s.len() as u32);
    v.extend_from_slice(s);
    while v.len() & 3 != 0 {
        v.push(0);
    }
}

/// Arguments of the invented HCU RPC procedures: an opaque blob of `len` bytes (rounded up).
pub(crate) fn rpc_blob(tag: &[u8], len: usize) -> Vec<u8> {
    let mut s = tag.to_vec();
    while s.len() < len {
        s.push(b'0' + (s.len() % 10) as u8);
    }
    let mut v = Vec::with_capacity(len + 8);
    xdr_string(&mut v, &s);
    v
}

// ---------------------------------------------------------------- DCE-RPC

const PTYPE_REQUEST: u8 = 0;
const PTYPE_RESPONSE: u8 = 2;
const PTYPE_BIND: u8 = 11;
const PTYPE_BIND_ACK: u8 = 12;

/// The 16-byte connection-oriented PDU header (little-endian data representation).
fn dce_header(v: &mut Vec<u8>, ptype: u8, call_id: u32) {
    v.extend_from_slice(&[5, 0, ptype, 0x03, 0x10, 0, 0, 0]);
    le16(v, 0); // frag_length, patched by dce_finish
    le16(v, 0); // auth_length
    le32(v, call_id);
}

fn dce_finish(mut v: Vec<u8>) -> Vec<u8> {
    let len = v.len() as u16;
    if let Some(f) = v.get_mut(8..10) {
        f.copy_from_slice(&len.to_le_bytes());
    }
    v
}

/// bind with one presentation context: `iface` v`major`.`minor` over NDR 2.0.
pub(crate) fn dce_bind(call_id: u32, iface: &str, major: u16, minor: u16) -> Vec<u8> {
    let mut v = Vec::with_capacity(72);
    dce_header(&mut v, PTYPE_BIND, call_id);
    le16(&mut v, 5840); // max_xmit_frag
    le16(&mut v, 5840); // max_recv_frag
    le32(&mut v, 0); // assoc_group_id
    v.extend_from_slice(&[1, 0, 0, 0]); // n_context_elem, reserved
    le16(&mut v, 0); // p_cont_id
    v.extend_from_slice(&[1, 0]); // n_transfer_syn, reserved
    v.extend_from_slice(&uuid_le(iface));
    le16(&mut v, major);
    le16(&mut v, minor);
    v.extend_from_slice(&uuid_le(UUID_NDR));
    le32(&mut v, 2);
    dce_finish(v)
}

/// bind_ack accepting NDR, with secondary address `port` (as Windows writes it).
pub(crate) fn dce_bind_ack(call_id: u32, assoc_group: u32, port: u16) -> Vec<u8> {
    let mut v = Vec::with_capacity(68);
    dce_header(&mut v, PTYPE_BIND_ACK, call_id);
    le16(&mut v, 5840);
    le16(&mut v, 5840);
    le32(&mut v, assoc_group);
    let sec = format!("{port}\0");
    le16(&mut v, sec.len() as u16);
    v.extend_from_slice(sec.as_bytes());
    while v.len() & 3 != 0 {
        v.push(0);
    }
    v.extend_from_slice(&[1, 0, 0, 0]); // n_results, reserved
    le16(&mut v, 0); // acceptance
    le16(&mut v, 0); // reason
    v.extend_from_slice(&uuid_le(UUID_NDR));
    le32(&mut v, 2);
    dce_finish(v)
}

/// request PDU carrying `stub` for `opnum`.
pub(crate) fn dce_request(call_id: u32, opnum: u16, stub: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(24 + stub.len());
    dce_header(&mut v, PTYPE_REQUEST, call_id);
    le32(&mut v, stub.len() as u32); // alloc_hint
    le16(&mut v, 0); // p_cont_id
    le16(&mut v, opnum);
    v.extend_from_slice(stub);
    dce_finish(v)
}

pub(crate) fn dce_response(call_id: u32, stub: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(24 + stub.len());
    dce_header(&mut v, PTYPE_RESPONSE, call_id);
    le32(&mut v, stub.len() as u32);
    le16(&mut v, 0); // p_cont_id
    v.extend_from_slice(&[0, 0]); // cancel_count, reserved
    v.extend_from_slice(stub);
    dce_finish(v)
}

/// A five-floor ncacn_ip_tcp tower: interface, NDR, RPC connection-oriented (0x0b),
/// TCP port (0x07, big-endian) and IPv4 address (0x09).
pub(crate) fn tower(iface: &str, major: u16, minor: u16, port: u16, ip: [u8; 4]) -> Vec<u8> {
    let mut t = Vec::with_capacity(75);
    le16(&mut t, 5); // floor count
                     // floor 1: interface UUID + major version; rhs: minor version
    le16(&mut t, 19);
    t.push(0x0d);
    t.extend_from_slice(&uuid_le(iface));
    le16(&mut t, major);
    le16(&mut t, 2);
    le16(&mut t, minor);
    // floor 2: transfer syntax NDR v2
    le16(&mut t, 19);
    t.push(0x0d);
    t.extend_from_slice(&uuid_le(UUID_NDR));
    le16(&mut t, 2);
    le16(&mut t, 2);
    le16(&mut t, 0);
    // floor 3: RPC connection-oriented protocol
    le16(&mut t, 1);
    t.push(0x0b);
    le16(&mut t, 2);
    le16(&mut t, 0);
    // floor 4: TCP port
    le16(&mut t, 1);
    t.push(0x07);
    le16(&mut t, 2);
    t.extend_from_slice(&port.to_be_bytes());
    // floor 5: IPv4 address
    le16(&mut t, 1);
    t.push(0x09);
    le16(&mut t, 4);
    t.extend_from_slice(&ip);
    t
}

/// twr_t as NDR: conformance (max count), tower_length, octets, padding to 4.
fn ndr_tower(v: &mut Vec<u8>, tower: &[u8]) {
    le32(v, tower.len() as u32);
    le32(v, tower.len() as u32);
    v.extend_from_slice(tower);
    while v.len() & 3 != 0 {
        v.push(0);
    }
}

/// ept_map (opnum 3) request stub: nil object, the map tower (port 0, address 0), a nil
/// context handle, max_towers.
pub(crate) fn epm_map_request(iface: &str, major: u16, minor: u16) -> Vec<u8> {
    let mut v = Vec::with_capacity(140);
    le32(&mut v, 1); // object: referent id
    v.extend_from_slice(&[0u8; 16]); // nil UUID
    le32(&mut v, 2); // map_tower: referent id
    ndr_tower(&mut v, &tower(iface, major, minor, 0, [0, 0, 0, 0]));
    v.extend_from_slice(&[0u8; 20]); // entry_handle
    le32(&mut v, 4); // max_towers
    v
}

/// ept_map response stub with one tower per `(port, ip)`.
pub(crate) fn epm_map_response(
    iface: &str,
    major: u16,
    minor: u16,
    endpoints: &[(u16, [u8; 4])],
) -> Vec<u8> {
    let mut v = Vec::with_capacity(40 + endpoints.len() * 90);
    v.extend_from_slice(&[0u8; 20]); // entry_handle (nil: lookup complete)
    le32(&mut v, endpoints.len() as u32); // num_towers
    le32(&mut v, 4); // towers: max count (max_towers)
    le32(&mut v, 0); // offset
    le32(&mut v, endpoints.len() as u32); // actual count
    for i in 0..endpoints.len() {
        le32(&mut v, 3 + i as u32); // referent ids; the towers follow (deferred)
    }
    for (port, ip) in endpoints {
        ndr_tower(&mut v, &tower(iface, major, minor, *port, *ip));
    }
    le32(&mut v, 0); // status: success
    v
}

// ---------------------------------------------------------------- EtherNet/IP, CIP

fn enip(command: u16, session: u32, context: u64, data: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(24 + data.len());
    le16(&mut v, command);
    le16(&mut v, data.len() as u16);
    le32(&mut v, session);
    le32(&mut v, 0); // status
    v.extend_from_slice(&context.to_le_bytes());
    le32(&mut v, 0); // options
    v.extend_from_slice(data);
    v
}

pub(crate) fn enip_register_session(session: u32, context: u64) -> Vec<u8> {
    enip(0x0065, session, context, &[1, 0, 0, 0])
}

/// SendRRData carrying an unconnected CIP message.
pub(crate) fn enip_send_rr(session: u32, context: u64, cip: &[u8]) -> Vec<u8> {
    let mut d = Vec::with_capacity(16 + cip.len());
    le32(&mut d, 0); // interface handle
    le16(&mut d, 10); // timeout
    le16(&mut d, 2); // item count
    le16(&mut d, 0x0000); // null address item
    le16(&mut d, 0);
    le16(&mut d, 0x00b2); // unconnected data item
    le16(&mut d, cip.len() as u16);
    d.extend_from_slice(cip);
    enip(0x006f, session, context, &d)
}

/// CIP Get_Attributes_All to the Identity object, instance 1.
pub(crate) const CIP_GET_IDENTITY: &[u8] = &[0x01, 0x02, 0x20, 0x01, 0x24, 0x01];

/// The reply: Identity object of a 1756 controller.
pub(crate) fn cip_identity_reply(serial: u32, name: &str) -> Vec<u8> {
    let mut v = vec![0x81, 0x00, 0x00, 0x00];
    le16(&mut v, 1); // vendor: Rockwell Automation
    le16(&mut v, 0x0e); // device type: PLC
    le16(&mut v, 0x0096); // product code
    v.extend_from_slice(&[33, 11]); // revision
    le16(&mut v, 0x3060); // status
    le32(&mut v, serial);
    v.push(name.len() as u8);
    v.extend_from_slice(name.as_bytes());
    v
}

/// CIP class 1 I/O over UDP 2222: CPF with a sequenced address item and connected data.
/// `data` already includes the 32-bit run/idle header where the direction has one.
/// (The hot path in `sim::CipIo` patches the same layout in place; a test keeps them equal.)
#[cfg(test)]
pub(crate) fn cip_io(conn_id: u32, enc_seq: u32, cip_seq: u16, data: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(22 + data.len());
    le16(&mut v, 2); // item count
    le16(&mut v, 0x8002); // sequenced address item
    le16(&mut v, 8);
    le32(&mut v, conn_id);
    le32(&mut v, enc_seq);
    le16(&mut v, 0x00b1); // connected data item
    le16(&mut v, 2 + data.len() as u16);
    le16(&mut v, cip_seq);
    v.extend_from_slice(data);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_is_ndr_little_endian() {
        let u = uuid_le(UUID_EPM);
        assert_eq!(&u[..8], &[0x08, 0x83, 0xaf, 0xe1, 0x1f, 0x5d, 0xc9, 0x11]);
        assert_eq!(&u[8..], &[0x91, 0xa4, 0x08, 0x00, 0x2b, 0x14, 0xa0, 0xfa]);
    }

    #[test]
    fn tower_has_port_and_address_floors() {
        let t = tower(UUID_EPM, 3, 0, 49731, [10, 20, 0, 10]);
        assert_eq!(t.len(), 75);
        // floor 4: lhs 0x07, rhs port big-endian; floor 5: lhs 0x09, rhs IPv4
        assert_eq!(&t[59..64], &[1, 0, 0x07, 2, 0]);
        assert_eq!(&t[64..66], &49731u16.to_be_bytes());
        assert_eq!(&t[66..75], &[1, 0, 0x09, 4, 0, 10, 20, 0, 10]);
    }

    #[test]
    fn getport_call_is_record_marked() {
        let c = portmap_getport_call(7, RPC_HCU_CONFIG, 1);
        assert_eq!(&c[..4], &(0x8000_0000u32 | 56).to_be_bytes());
        assert_eq!(c.len(), 60);
        let r = portmap_getport_reply(7, 812);
        assert_eq!(&r[r.len() - 4..], &812u32.to_be_bytes());
    }

    #[test]
    fn ftp_227_encodes_port_high_low() {
        assert_eq!(
            ftp_227([10, 40, 1, 40], 40000),
            b"227 Entering Passive Mode (10,40,1,40,156,64).\r\n"
        );
    }
}
