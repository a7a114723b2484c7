//! Application payloads, byte-correct where a dissector (or tapaudit's own parsers) reads them:
//! FTP, ONC RPC (portmapper GETPORT over TCP record marking), DCE-RPC (bind, bind_ack,
//! ept_map request/response with towers), EtherNet/IP + CIP, DNS, NetBIOS, LLDP, PROFINET.
//! Bulk protocols (TLS, TDS, SMB2, SSH, ClearSCADA) get correct framing headers and filler.

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

// ---------------------------------------------------------------- name services, L2 noise

fn dns_name(v: &mut Vec<u8>, name: &str) {
    for label in name.split('.') {
        v.push(label.len() as u8);
        v.extend_from_slice(label.as_bytes());
    }
    v.push(0);
}

pub(crate) fn dns_query(id: u16, name: &str) -> Vec<u8> {
    let mut v = Vec::with_capacity(18 + name.len());
    v.extend_from_slice(&id.to_be_bytes());
    v.extend_from_slice(&[0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
    dns_name(&mut v, name);
    v.extend_from_slice(&[0, 1, 0, 1]);
    v
}

pub(crate) fn dns_answer(id: u16, name: &str, ip: [u8; 4]) -> Vec<u8> {
    let mut v = Vec::with_capacity(34 + name.len());
    v.extend_from_slice(&id.to_be_bytes());
    v.extend_from_slice(&[0x85, 0x80, 0, 1, 0, 1, 0, 0, 0, 0]);
    dns_name(&mut v, name);
    v.extend_from_slice(&[0, 1, 0, 1]);
    v.extend_from_slice(&[0xc0, 0x0c, 0, 1, 0, 1]);
    v.extend_from_slice(&300u32.to_be_bytes());
    v.extend_from_slice(&[0, 4]);
    v.extend_from_slice(&ip);
    v
}

/// NetBIOS first-level encoding of a 15-character name plus suffix (RFC 1001 14.1).
fn netbios_name(v: &mut Vec<u8>, name: &str, suffix: u8) {
    let mut raw = [b' '; 16];
    for (d, s) in raw.iter_mut().zip(name.bytes().take(15)) {
        *d = s.to_ascii_uppercase();
    }
    raw[15] = suffix;
    v.push(32);
    for b in raw {
        v.push(b'A' + (b >> 4));
        v.push(b'A' + (b & 0x0f));
    }
    v.push(0);
}

/// NBNS broadcast name query (UDP 137).
pub(crate) fn nbns_query(id: u16, name: &str) -> Vec<u8> {
    let mut v = Vec::with_capacity(50);
    v.extend_from_slice(&id.to_be_bytes());
    v.extend_from_slice(&[0x01, 0x10, 0, 1, 0, 0, 0, 0, 0, 0]);
    netbios_name(&mut v, name, 0x00);
    v.extend_from_slice(&[0, 0x20, 0, 1]);
    v
}

/// NetBIOS datagram (UDP 138) carrying a browser host announcement in an SMB mailslot.
pub(crate) fn netbios_dgm_announce(id: u16, src_ip: [u8; 4], host: &str, group: &str) -> Vec<u8> {
    // SMB trans / mailslot body of a HostAnnouncement (MS-BRWS 2.2.1)
    let mut brw = vec![0x01, 0x00]; // opcode HostAnnouncement, update count
    brw.extend_from_slice(&720_000u32.to_le_bytes()); // periodicity ms
    let mut name = [0u8; 16];
    for (d, s) in name.iter_mut().zip(host.bytes().take(15)) {
        *d = s.to_ascii_uppercase();
    }
    brw.extend_from_slice(&name);
    brw.extend_from_slice(&[10, 0]); // OS version
    brw.extend_from_slice(&0x0001_1003u32.to_le_bytes()); // server type
    brw.extend_from_slice(&[15, 1, 0x55, 0xaa]);
    brw.extend_from_slice(b"plant\0");
    let mailslot = b"\\MAILSLOT\\BROWSE\0";
    let mut smb = vec![0xff, b'S', b'M', b'B', 0x25];
    smb.extend_from_slice(&[0u8; 27]); // status, flags, pid, tid, uid, mid: all zero
    smb.push(17); // word count
    le16(&mut smb, 0); // total param count
    le16(&mut smb, brw.len() as u16); // total data count
    le16(&mut smb, 0);
    le16(&mut smb, 0);
    smb.extend_from_slice(&[0, 0]);
    le16(&mut smb, 0); // flags
    le32(&mut smb, 0); // timeout
    le16(&mut smb, 0);
    le16(&mut smb, 0); // param count
    le16(&mut smb, 0); // param offset
    le16(&mut smb, brw.len() as u16); // data count
    let data_off = 32 + 1 + 34 + 2 + 2 + mailslot.len();
    le16(&mut smb, data_off as u16);
    smb.extend_from_slice(&[3, 0]); // setup count, reserved
    le16(&mut smb, 1); // mailslot write
    le16(&mut smb, 1); // priority
    le16(&mut smb, 2); // class
    le16(&mut smb, (mailslot.len() + brw.len()) as u16); // byte count
    smb.extend_from_slice(mailslot);
    smb.extend_from_slice(&brw);
    let mut names = Vec::with_capacity(68);
    netbios_name(&mut names, host, 0x00);
    netbios_name(&mut names, group, 0x1d);
    let mut v = Vec::with_capacity(14 + names.len() + smb.len());
    v.extend_from_slice(&[0x11, 0x02]); // direct group datagram, first fragment, B node
    v.extend_from_slice(&id.to_be_bytes());
    v.extend_from_slice(&src_ip);
    v.extend_from_slice(&138u16.to_be_bytes());
    v.extend_from_slice(&((names.len() + smb.len()) as u16).to_be_bytes());
    v.extend_from_slice(&[0, 0]); // packet offset
    v.extend_from_slice(&names);
    v.extend_from_slice(&smb);
    v
}

fn lldp_tlv(v: &mut Vec<u8>, ty: u16, value: &[u8]) {
    v.extend_from_slice(&((ty << 9) | value.len() as u16).to_be_bytes());
    v.extend_from_slice(value);
}

pub(crate) fn lldp(chassis_mac: [u8; 6], port: &str, system: &str) -> Vec<u8> {
    let mut v = Vec::with_capacity(64);
    let mut chassis = vec![4];
    chassis.extend_from_slice(&chassis_mac);
    lldp_tlv(&mut v, 1, &chassis);
    let mut p = vec![5];
    p.extend_from_slice(port.as_bytes());
    lldp_tlv(&mut v, 2, &p);
    lldp_tlv(&mut v, 3, &120u16.to_be_bytes());
    lldp_tlv(&mut v, 5, system.as_bytes());
    lldp_tlv(&mut v, 0, &[]);
    v
}

/// PROFINET DCP Identify-All request (multicast 01:0e:cf:00:00:00).
pub(crate) fn pn_dcp_identify(xid: u32) -> Vec<u8> {
    let mut v = vec![0xfe, 0xfe, 0x05, 0x00];
    v.extend_from_slice(&xid.to_be_bytes());
    v.extend_from_slice(&[0x00, 0x80, 0x00, 0x04, 0xff, 0xff, 0x00, 0x00]);
    v
}

/// PROFINET RT class 1 cyclic frame: frame id, IO data, cycle counter, status bytes.
pub(crate) fn pn_cyclic(frame_id: u16, cycle: u16, data: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(6 + data.len());
    v.extend_from_slice(&frame_id.to_be_bytes());
    v.extend_from_slice(data);
    v.extend_from_slice(&cycle.to_be_bytes());
    v.extend_from_slice(&[0x35, 0x00]);
    v
}

// ---------------------------------------------------------------- framing of bulk protocols

/// TLS 1.2 application data record header for `len` bytes of ciphertext.
pub(crate) fn tls_record_head(len: usize) -> Vec<u8> {
    vec![0x17, 0x03, 0x03, (len >> 8) as u8, len as u8]
}

/// TDS packet header (MS-TDS 2.2.3.1), EOM set. `len` is the payload length.
pub(crate) fn tds_head(ty: u8, len: usize, spid: u16) -> Vec<u8> {
    let total = (len + 8) as u16;
    let mut v = vec![ty, 0x01];
    v.extend_from_slice(&total.to_be_bytes());
    v.extend_from_slice(&spid.to_be_bytes());
    v.extend_from_slice(&[1, 0]);
    v
}

/// TDS PRELOGIN (MS-TDS 2.2.6.5): VERSION, ENCRYPTION (off), THREADID, terminator, data.
pub(crate) fn tds_prelogin(response: bool) -> Vec<u8> {
    let mut d = vec![
        0x00, 0x00, 0x10, 0x00, 0x06, 0x01, 0x00, 0x16, 0x00, 0x01, 0x03, 0x00, 0x17, 0x00, 0x04,
        0xff,
    ];
    d.extend_from_slice(&[16, 0, 0x10, 0x35, 0, 0]); // version 16.0.4149
    d.push(2); // ENCRYPT_NOT_SUP
    d.extend_from_slice(&[0, 0, 0x12, 0x34]);
    let mut v = tds_head(if response { 0x04 } else { 0x12 }, d.len(), 0);
    v.extend_from_slice(&d);
    v
}

/// TDS SQL batch: ALL_HEADERS (transaction descriptor) and the query in UTF-16LE.
pub(crate) fn tds_sql_batch(spid: u16, query: &str) -> Vec<u8> {
    let mut d = Vec::with_capacity(22 + 2 * query.len());
    le32(&mut d, 22);
    le32(&mut d, 18);
    le16(&mut d, 2);
    d.extend_from_slice(&[0u8; 8]);
    le32(&mut d, 1);
    for u in query.encode_utf16() {
        le16(&mut d, u);
    }
    let mut v = tds_head(0x01, d.len(), spid);
    v.extend_from_slice(&d);
    v
}

/// A TDS result message of about `len` bytes: one INFO token whose text is `chars` UTF-16
/// units of filler (head, then filler, then the returned tail), closed by DONE.
pub(crate) fn tds_result(spid: u16, chars: usize) -> (Vec<u8>, usize, Vec<u8>) {
    let fill = 2 * chars;
    let mut tail = vec![0u8, 0u8]; // server name, procedure name: empty B_VARCHARs
    le32(&mut tail, 1); // line number
    tail.push(0xfd); // DONE
    le16(&mut tail, 0x0010); // DONE_COUNT
    le16(&mut tail, 0x00c1); // SELECT
    tail.extend_from_slice(&(chars as u64 / 64).to_le_bytes());
    let token_len = 4 + 1 + 1 + 2 + fill + 2 + 4;
    let mut head = tds_head(0x04, 3 + token_len + 13, spid);
    head.push(0xab); // INFO
    le16(&mut head, token_len as u16);
    le32(&mut head, 5701); // "changed database context"
    head.push(2); // state
    head.push(0); // class
    le16(&mut head, chars as u16);
    (head, fill, tail)
}

/// SMB2 NEGOTIATE request body (dialects 2.0.2 and 2.1).
pub(crate) fn smb2_negotiate_req() -> Vec<u8> {
    let mut b = Vec::with_capacity(40);
    le16(&mut b, 36);
    le16(&mut b, 2); // dialect count
    le16(&mut b, 1); // security mode: signing enabled
    le16(&mut b, 0);
    le32(&mut b, 0); // capabilities
    b.extend_from_slice(&[0x11; 16]); // client GUID
    b.extend_from_slice(&[0u8; 8]); // client start time
    le16(&mut b, 0x0202);
    le16(&mut b, 0x0210);
    let mut v = smb2_head(0, false, 0, b.len());
    v.extend_from_slice(&b);
    v
}

pub(crate) fn smb2_negotiate_resp() -> Vec<u8> {
    let mut b = Vec::with_capacity(65);
    le16(&mut b, 65);
    le16(&mut b, 1); // security mode
    le16(&mut b, 0x0210); // dialect 2.1
    le16(&mut b, 0);
    b.extend_from_slice(&[0x22; 16]); // server GUID
    le32(&mut b, 0x7); // capabilities
    for _ in 0..3 {
        le32(&mut b, 1 << 20); // max transact/read/write
    }
    b.extend_from_slice(&0x01dc_aa00_0000_0000u64.to_le_bytes()); // system time
    b.extend_from_slice(&0u64.to_le_bytes()); // server start time
    le16(&mut b, 0x80); // security buffer offset
    le16(&mut b, 0); // security buffer length
    le32(&mut b, 0);
    b.push(0);
    let mut v = smb2_head(0, true, 0, b.len());
    v.extend_from_slice(&b);
    v
}

/// SMB2 READ request for `len` bytes at `offset`.
pub(crate) fn smb2_read_req(msg_id: u64, len: u32, offset: u64) -> Vec<u8> {
    let mut b = Vec::with_capacity(49);
    le16(&mut b, 49);
    b.push(0x50); // padding
    b.push(0); // flags
    le32(&mut b, len);
    b.extend_from_slice(&offset.to_le_bytes());
    b.extend_from_slice(&[0x33; 16]); // file id
    le32(&mut b, 1); // minimum count
    le32(&mut b, 0); // channel
    le32(&mut b, 0); // remaining
    le16(&mut b, 0);
    le16(&mut b, 0);
    b.push(0);
    let mut v = smb2_head(8, false, msg_id, b.len());
    v.extend_from_slice(&b);
    v
}

/// SMB2 READ response header; `len` data bytes follow.
pub(crate) fn smb2_read_resp_head(msg_id: u64, len: usize) -> Vec<u8> {
    let mut b = Vec::with_capacity(16);
    le16(&mut b, 17);
    b.push(0x50); // data offset from the SMB2 header
    b.push(0);
    le32(&mut b, len as u32);
    le32(&mut b, 0);
    le32(&mut b, 0);
    let mut v = smb2_head(8, true, msg_id, b.len() + len);
    v.extend_from_slice(&b);
    v
}

/// NetBIOS session header + SMB2 header (64 bytes) for `command`; `body` bytes follow.
pub(crate) fn smb2_head(command: u16, response: bool, msg_id: u64, body: usize) -> Vec<u8> {
    let mut v = Vec::with_capacity(68);
    let len = (64 + body) as u32;
    v.extend_from_slice(&len.to_be_bytes());
    v.extend_from_slice(&[0xfe, b'S', b'M', b'B']);
    le16(&mut v, 64);
    le16(&mut v, 1); // credit charge
    le32(&mut v, 0); // status
    le16(&mut v, command);
    le16(&mut v, 1); // credits
    le32(&mut v, u32::from(response)); // flags
    le32(&mut v, 0); // next command
    v.extend_from_slice(&msg_id.to_le_bytes());
    le32(&mut v, 0xfeff); // process id
    le32(&mut v, 1); // tree id
    v.extend_from_slice(&0x0000_1000_0000_0041u64.to_le_bytes()); // session id
    v.extend_from_slice(&[0u8; 16]); // signature
    v
}

/// An SSH binary packet header (length + padding length) for an encrypted body of `len`.
pub(crate) fn ssh_packet_head(len: usize) -> Vec<u8> {
    let mut v = ((len + 1) as u32).to_be_bytes().to_vec();
    v.push(8);
    v
}

/// RDP: TPKT + X.224 connection request with a routing cookie and an RDP negotiation request
/// asking for TLS/CredSSP.
pub(crate) fn rdp_connection_request(user: &str) -> Vec<u8> {
    let cookie = format!("Cookie: mstshash={user}\r\n");
    let x224_len = 6 + cookie.len() + 8;
    let mut v = vec![0x03, 0x00];
    v.extend_from_slice(&((4 + 1 + x224_len) as u16).to_be_bytes());
    v.push(x224_len as u8);
    v.extend_from_slice(&[0xe0, 0, 0, 0, 0, 0]);
    v.extend_from_slice(cookie.as_bytes());
    v.extend_from_slice(&[0x01, 0x00, 0x08, 0x00, 0x03, 0x00, 0x00, 0x00]);
    v
}

pub(crate) fn rdp_connection_confirm() -> Vec<u8> {
    vec![
        0x03, 0x00, 0x00, 0x13, 0x0e, 0xd0, 0x00, 0x00, 0x12, 0x34, 0x00, 0x02, 0x1f, 0x08, 0x00,
        0x02, 0x00, 0x00, 0x00,
    ]
}

/// ClearSCADA server-to-server messages are proprietary: a length-prefixed frame with a
/// message type; the filler stands for the body.
pub(crate) fn clearscada_head(msg_type: u16, len: usize) -> Vec<u8> {
    let mut v = ((len + 2) as u32).to_le_bytes().to_vec();
    le16(&mut v, msg_type);
    v
}

fn ajp_string(v: &mut Vec<u8>, s: &str) {
    v.extend_from_slice(&(s.len() as u16).to_be_bytes());
    v.extend_from_slice(s.as_bytes());
    v.push(0);
}

fn ajp_packet(magic: [u8; 2], body: Vec<u8>) -> Vec<u8> {
    let mut v = magic.to_vec();
    v.extend_from_slice(&(body.len() as u16).to_be_bytes());
    v.extend_from_slice(&body);
    v
}

/// AJP13 FORWARD_REQUEST (GET, no headers, no attributes).
pub(crate) fn ajp_forward_request(uri: &str, remote: [u8; 4], server: &str) -> Vec<u8> {
    let mut b = vec![0x02, 0x02]; // FORWARD_REQUEST, GET
    ajp_string(&mut b, "HTTP/1.1");
    ajp_string(&mut b, uri);
    let ra = format!("{}.{}.{}.{}", remote[0], remote[1], remote[2], remote[3]);
    ajp_string(&mut b, &ra);
    ajp_string(&mut b, &ra);
    ajp_string(&mut b, server);
    b.extend_from_slice(&443u16.to_be_bytes());
    b.push(1); // is_ssl
    b.extend_from_slice(&0u16.to_be_bytes()); // num_headers
    b.push(0xff); // request terminator
    ajp_packet([0x12, 0x34], b)
}

pub(crate) fn ajp_send_headers() -> Vec<u8> {
    let mut b = vec![0x04];
    b.extend_from_slice(&200u16.to_be_bytes());
    ajp_string(&mut b, "OK");
    b.extend_from_slice(&0u16.to_be_bytes());
    ajp_packet([b'A', b'B'], b)
}

/// SEND_BODY_CHUNK of `len` bytes: (head, tail) around the filler.
pub(crate) fn ajp_body_chunk(len: usize) -> (Vec<u8>, Vec<u8>) {
    let mut v = vec![b'A', b'B'];
    v.extend_from_slice(&((len + 4) as u16).to_be_bytes());
    v.push(0x03);
    v.extend_from_slice(&(len as u16).to_be_bytes());
    (v, vec![0])
}

pub(crate) fn ajp_end_response() -> Vec<u8> {
    ajp_packet([b'A', b'B'], vec![0x05, 0x01])
}

fn mysql_packet(seq: u8, body: &[u8]) -> Vec<u8> {
    let len = body.len();
    let mut v = vec![len as u8, (len >> 8) as u8, (len >> 16) as u8, seq];
    v.extend_from_slice(body);
    v
}

/// MySQL protocol 10 server greeting.
pub(crate) fn mysql_greeting(conn_id: u32) -> Vec<u8> {
    let mut b = vec![0x0a];
    b.extend_from_slice(b"8.0.36\0");
    le32(&mut b, conn_id);
    b.extend_from_slice(b"abcdefgh\0");
    le16(&mut b, 0xf7ff); // capabilities (lower)
    b.push(0xff); // utf8mb4
    le16(&mut b, 0x0002); // status: autocommit
    le16(&mut b, 0xdfff); // capabilities (upper)
    b.push(21);
    b.extend_from_slice(&[0u8; 10]);
    b.extend_from_slice(b"ijklmnopqrst\0");
    b.extend_from_slice(b"caching_sha2_password\0");
    mysql_packet(0, &b)
}

/// Handshake response 41 with a 32-byte scrambled password.
pub(crate) fn mysql_login(user: &str) -> Vec<u8> {
    let mut b = Vec::with_capacity(80);
    le32(&mut b, 0x01af_a685); // client capabilities incl. PROTOCOL_41, SECURE_CONNECTION
    le32(&mut b, 1 << 24); // max packet
    b.push(0xff);
    b.extend_from_slice(&[0u8; 23]);
    b.extend_from_slice(user.as_bytes());
    b.push(0);
    b.push(32);
    b.extend_from_slice(&[0x5a; 32]);
    b.extend_from_slice(b"caching_sha2_password\0");
    mysql_packet(1, &b)
}

pub(crate) fn mysql_ok(seq: u8) -> Vec<u8> {
    mysql_packet(seq, &[0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00])
}

pub(crate) fn mysql_query(q: &str) -> Vec<u8> {
    let mut b = vec![0x03];
    b.extend_from_slice(q.as_bytes());
    mysql_packet(0, &b)
}

/// Column count (1), one BLOB column definition and EOF: packets 1-3 of a result set.
pub(crate) fn mysql_result_head() -> Vec<u8> {
    let mut v = mysql_packet(1, &[1]);
    let mut col = Vec::new();
    for s in [
        "def",
        "pathtrak",
        "measurements",
        "measurements",
        "data",
        "data",
    ] {
        col.push(s.len() as u8);
        col.extend_from_slice(s.as_bytes());
    }
    col.push(0x0c);
    le16(&mut col, 63); // binary
    le32(&mut col, 16_777_215);
    col.push(0xfc); // BLOB
    le16(&mut col, 0x0090);
    col.push(0);
    col.extend_from_slice(&[0, 0]);
    v.extend_from_slice(&mysql_packet(2, &col));
    v.extend_from_slice(&mysql_packet(3, &[0xfe, 0, 0, 0x02, 0]));
    v
}

/// A text-protocol row holding one `len`-byte blob (length-encoded, < 64 KiB).
pub(crate) fn mysql_row_head(seq: u8, len: usize) -> Vec<u8> {
    let body = len + 3;
    vec![
        body as u8,
        (body >> 8) as u8,
        (body >> 16) as u8,
        seq,
        0xfc,
        len as u8,
        (len >> 8) as u8,
    ]
}

pub(crate) fn mysql_eof(seq: u8) -> Vec<u8> {
    mysql_packet(seq, &[0xfe, 0, 0, 0x02, 0])
}

/// SNMPv2c get-request / response with one varbind (sysUpTime.0), BER-encoded.
pub(crate) fn snmp_get(community: &str, request_id: u16, response: Option<u32>) -> Vec<u8> {
    let oid = [0x2b, 6, 1, 2, 1, 1, 3, 0];
    let mut value = match response {
        Some(t) => {
            let mut v = vec![0x43, 4];
            v.extend_from_slice(&t.to_be_bytes());
            v
        }
        None => vec![0x05, 0x00],
    };
    let mut vb = vec![0x06, oid.len() as u8];
    vb.extend_from_slice(&oid);
    vb.append(&mut value);
    let vb = tlv(0x30, &vb);
    let vbl = tlv(0x30, &vb);
    let mut pdu = vec![0x02, 2];
    pdu.extend_from_slice(&request_id.to_be_bytes());
    pdu.extend_from_slice(&[0x02, 1, 0, 0x02, 1, 0]);
    pdu.extend_from_slice(&vbl);
    let pdu = tlv(if response.is_some() { 0xa2 } else { 0xa0 }, &pdu);
    let mut msg = vec![0x02, 1, 1];
    msg.extend_from_slice(&tlv(0x04, community.as_bytes()));
    msg.extend_from_slice(&pdu);
    tlv(0x30, &msg)
}

/// SNMPv2c trap (coldStart-like notification) to the OSS.
pub(crate) fn snmp_trap(community: &str, request_id: u16, uptime: u32) -> Vec<u8> {
    let mut up = vec![0x06, 8, 0x2b, 6, 1, 2, 1, 1, 3, 0, 0x43, 4];
    up.extend_from_slice(&uptime.to_be_bytes());
    let up = tlv(0x30, &up);
    let trap = tlv(
        0x30,
        &[
            0x06, 10, 0x2b, 6, 1, 6, 3, 1, 1, 4, 1, 0, 0x06, 8, 0x2b, 6, 1, 6, 3, 1, 1, 5, 1,
        ][..],
    );
    let mut vbl = up;
    vbl.extend_from_slice(&trap);
    let vbl = tlv(0x30, &vbl);
    let mut pdu = vec![0x02, 2];
    pdu.extend_from_slice(&request_id.to_be_bytes());
    pdu.extend_from_slice(&[0x02, 1, 0, 0x02, 1, 0]);
    pdu.extend_from_slice(&vbl);
    let pdu = tlv(0xa7, &pdu);
    let mut msg = vec![0x02, 1, 1];
    msg.extend_from_slice(&tlv(0x04, community.as_bytes()));
    msg.extend_from_slice(&pdu);
    tlv(0x30, &msg)
}

fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
    let mut v = vec![tag];
    if body.len() < 128 {
        v.push(body.len() as u8);
    } else {
        v.push(0x82);
        v.extend_from_slice(&(body.len() as u16).to_be_bytes());
    }
    v.extend_from_slice(body);
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
