//! Name services (DNS, NetBIOS) and layer-2 noise (LLDP, PROFINET DCP and cyclic frames).

use super::{le16, le32};

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
