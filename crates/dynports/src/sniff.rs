//! Control protocols found by content, on any port: the first payload of each direction of a
//! flow is looked at once (at most [`SNIFF_MAX_BYTES`] of it, never kept) and either names a
//! control protocol, asks for the other direction, or rules every protocol out. A stream that
//! is none of them costs one look per direction and nothing after.
//!
//! What counts as each protocol, so that ordinary traffic on a dynamic port is never taken
//! for one:
//! - FTP (RFC 959 section 5.4: the server speaks first): a server greeting `220` followed by a
//!   space or `-`, **then** a first client line that starts with an FTP command (`USER`,
//!   `AUTH`, `FEAT`, ...) followed by a space or a line end. A `220` banner alone is SMTP as
//!   often as FTP.
//! - ONC RPC portmapper (RFC 5531, RFC 1833): a CALL (message type 0, RPC version 2) to
//!   program 100000, versions 2 to 4; over TCP behind a record mark with its last-fragment
//!   bit and a plausible length.
//! - DCE-RPC connection-oriented (C706 chapter 12): version 5.0, a `bind` or `alter_context`
//!   PDU (the first PDU of an association), a known data representation, a fragment length
//!   of at least the header and an authentication length that fits in it.
//! - DCE-RPC connectionless over UDP (C706 chapter 12): version 4, a request to the endpoint
//!   mapper or to DCOM OXID resolution (the calls whose answers name ports).

use tapaudit_vocab::{ControlProtocol, Transport};

use crate::ftp::probe::COMMANDS;
use crate::Direction;

/// Most bytes of a first payload the sniffer looks at.
pub const SNIFF_MAX_BYTES: usize = 512;

/// What one first payload says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// This flow carries that control protocol: parse it from this payload on.
    Control(ControlProtocol),
    /// A server greeting that FTP would send: decided by the client's first line.
    FtpGreeting,
    /// No control protocol: stop looking.
    NotControl,
}

/// Looks at the first payload of `dir` of a flow (`greeting_seen`: the server's first
/// payload was an FTP greeting).
pub fn sniff(transport: Transport, dir: Direction, payload: &[u8], greeting_seen: bool) -> Sniffed {
    let head = &payload[..payload.len().min(SNIFF_MAX_BYTES)];
    match (transport, dir) {
        (Transport::Tcp, Direction::ToClient) if !greeting_seen && is_ftp_greeting(head) => {
            Sniffed::FtpGreeting
        }
        (Transport::Tcp, Direction::ToServer) if greeting_seen => {
            if is_ftp_command(head) {
                Sniffed::Control(ControlProtocol::Ftp)
            } else {
                Sniffed::NotControl
            }
        }
        (Transport::Tcp, Direction::ToServer) => {
            if head.len() >= 4 && is_portmap_call(&head[4..]) && record_mark_ok(head) {
                Sniffed::Control(ControlProtocol::OncRpcPortmap)
            } else if is_dcerpc_association_start(head) {
                Sniffed::Control(ControlProtocol::DceRpcEpm)
            } else {
                Sniffed::NotControl
            }
        }
        (Transport::Udp, Direction::ToServer) if is_portmap_call(head) => {
            Sniffed::Control(ControlProtocol::OncRpcPortmap)
        }
        // The header is read, not the body: the whole datagram is passed for its length check.
        (Transport::Udp, Direction::ToServer)
            if crate::dcerpc::cl::is_port_naming_request(payload) =>
        {
            Sniffed::Control(ControlProtocol::DceRpcEpm)
        }
        _ => Sniffed::NotControl,
    }
}

fn is_ftp_greeting(b: &[u8]) -> bool {
    b.len() >= 5 && b.starts_with(b"220") && matches!(b[3], b' ' | b'-') && b.contains(&b'\n')
}

fn is_ftp_command(b: &[u8]) -> bool {
    let name_len = b
        .iter()
        .take(5)
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if !(3..=4).contains(&name_len) || b.len() <= name_len {
        return false;
    }
    let name = &b[..name_len];
    matches!(b[name_len], b' ' | b'\r' | b'\n')
        && COMMANDS.iter().any(|c| c.eq_ignore_ascii_case(name))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    let w = b.get(at..at + 4)?;
    Some(u32::from_be_bytes([w[0], w[1], w[2], w[3]]))
}

/// xid, CALL, RPC version 2, program 100000, version 2-4 (after the record mark over TCP).
fn is_portmap_call(b: &[u8]) -> bool {
    matches!(
        (be32(b, 4), be32(b, 8), be32(b, 12), be32(b, 16)),
        (Some(0), Some(2), Some(100_000), Some(2..=4))
    )
}

/// Last fragment set, and a length that holds at least a call header and no more than a
/// record the parser keeps.
fn record_mark_ok(b: &[u8]) -> bool {
    be32(b, 0).is_some_and(|m| {
        let len = (m & 0x7fff_ffff) as usize;
        m & 0x8000_0000 != 0 && (40..=crate::RPC_MAX_RECORD).contains(&len)
    })
}

/// PDU types that open an association: bind (11) and alter_context (14).
fn is_dcerpc_association_start(b: &[u8]) -> bool {
    if b.len() < 16 || b[0] != 5 || b[1] != 0 || !matches!(b[2], 11 | 14) {
        return false;
    }
    let little = match b[4] & 0xf0 {
        0x10 => true,
        0x00 => false,
        _ => return false,
    };
    let u16_at = |at: usize| {
        let w = [b[at], b[at + 1]];
        if little {
            u16::from_le_bytes(w)
        } else {
            u16::from_be_bytes(w)
        }
    };
    let (frag_len, auth_len) = (u16_at(8), u16_at(10));
    frag_len >= 16 + 8 && usize::from(auth_len) + 16 <= usize::from(frag_len)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIND_LE: [u8; 24] = [
        5, 0, 11, 3, 0x10, 0, 0, 0, 72, 0, 0, 0, 1, 0, 0, 0, 0xd0, 0x16, 0xd0, 0x16, 0, 0, 0, 0,
    ];

    fn portmap_call_udp() -> Vec<u8> {
        let mut v = Vec::new();
        for w in [
            0x1234_5678u32,
            0,
            2,
            100_000,
            2,
            3,
            0,
            0,
            0,
            0,
            395_000,
            1,
            6,
            0,
        ] {
            v.extend_from_slice(&w.to_be_bytes());
        }
        v
    }

    #[test]
    fn ftp_needs_a_greeting_and_then_a_command() {
        let s = |d, p: &[u8], g| sniff(Transport::Tcp, d, p, g);
        assert_eq!(
            s(Direction::ToClient, b"220 (vsFTPd 3.0.3)\r\n", false),
            Sniffed::FtpGreeting
        );
        assert_eq!(
            s(Direction::ToServer, b"USER anonymous\r\n", true),
            Sniffed::Control(ControlProtocol::Ftp)
        );
        assert_eq!(
            s(Direction::ToServer, b"feat\r\n", true),
            Sniffed::Control(ControlProtocol::Ftp)
        );
        // SMTP greets with 220 too; its client says EHLO.
        assert_eq!(
            s(Direction::ToServer, b"EHLO mail.example\r\n", true),
            Sniffed::NotControl
        );
        // A command without a greeting (the server did not speak first): not FTP.
        assert_eq!(
            s(Direction::ToServer, b"USER x\r\n", false),
            Sniffed::NotControl
        );
        assert_eq!(
            s(Direction::ToClient, b"HTTP/1.1 200 OK\r\n", false),
            Sniffed::NotControl
        );
        assert_eq!(s(Direction::ToClient, b"220", false), Sniffed::NotControl);
    }

    #[test]
    fn portmap_calls_over_udp_and_tcp() {
        let call = portmap_call_udp();
        assert_eq!(
            sniff(Transport::Udp, Direction::ToServer, &call, false),
            Sniffed::Control(ControlProtocol::OncRpcPortmap)
        );
        let mut tcp = (0x8000_0000u32 | call.len() as u32).to_be_bytes().to_vec();
        tcp.extend_from_slice(&call);
        assert_eq!(
            sniff(Transport::Tcp, Direction::ToServer, &tcp, false),
            Sniffed::Control(ControlProtocol::OncRpcPortmap)
        );
        // Another RPC program (NFS, 100003) is not the portmapper.
        let mut nfs = call.clone();
        nfs[12..16].copy_from_slice(&100_003u32.to_be_bytes());
        assert_eq!(
            sniff(Transport::Udp, Direction::ToServer, &nfs, false),
            Sniffed::NotControl
        );
        // No last-fragment bit: not taken.
        tcp[0] &= 0x7f;
        assert_eq!(
            sniff(Transport::Tcp, Direction::ToServer, &tcp, false),
            Sniffed::NotControl
        );
    }

    #[test]
    fn dcerpc_bind_in_both_byte_orders() {
        assert_eq!(
            sniff(Transport::Tcp, Direction::ToServer, &BIND_LE, false),
            Sniffed::Control(ControlProtocol::DceRpcEpm)
        );
        let mut be = BIND_LE;
        be[4] = 0x00;
        be[8..10].copy_from_slice(&72u16.to_be_bytes());
        assert_eq!(
            sniff(Transport::Tcp, Direction::ToServer, &be, false),
            Sniffed::Control(ControlProtocol::DceRpcEpm)
        );
        let mut request = BIND_LE;
        request[2] = 0;
        assert_eq!(
            sniff(Transport::Tcp, Direction::ToServer, &request, false),
            Sniffed::NotControl
        );
        let mut bad_auth = BIND_LE;
        bad_auth[10] = 200;
        assert_eq!(
            sniff(Transport::Tcp, Direction::ToServer, &bad_auth, false),
            Sniffed::NotControl
        );
    }

    #[test]
    fn junk_is_not_control_and_short_input_never_panics() {
        for len in 0..64 {
            let junk: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            for t in [Transport::Tcp, Transport::Udp] {
                for d in [Direction::ToServer, Direction::ToClient] {
                    for g in [false, true] {
                        assert_ne!(
                            sniff(t, d, &junk, g),
                            Sniffed::Control(ControlProtocol::DceRpcEpm)
                        );
                    }
                }
            }
        }
        assert_eq!(
            sniff(Transport::Tcp, Direction::ToServer, &[5, 0, 11], false),
            Sniffed::NotControl
        );
    }
}

#[cfg(test)]
mod connectionless_tests {
    use super::*;
    use crate::dcerpc::cl::tests::cl_pdu;

    #[test]
    fn a_connectionless_ept_map_request_is_found_on_any_udp_port() {
        let epm = crate::dcerpc::epm_iid_for_tests();
        for le in [true, false] {
            let req = cl_pdu(le, 0, 0, &epm, 1, 3, 0, &[0; 40]);
            assert_eq!(
                sniff(Transport::Udp, Direction::ToServer, &req, false),
                Sniffed::Control(ControlProtocol::DceRpcEpm)
            );
            // Another operation of the endpoint mapper (ept_insert, 0) names no port.
            let other = cl_pdu(le, 0, 0, &epm, 1, 0, 0, &[0; 40]);
            assert_eq!(
                sniff(Transport::Udp, Direction::ToServer, &other, false),
                Sniffed::NotControl
            );
        }
    }
}
