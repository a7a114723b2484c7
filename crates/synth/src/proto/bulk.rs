//! Framing of bulk protocols: TLS, TDS, SMB2, SSH, RDP, ClearSCADA, AJP, MySQL, SNMP.

use super::{le16, le32};

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
