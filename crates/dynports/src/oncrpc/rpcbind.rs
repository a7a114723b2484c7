//! Portmapper v2 and rpcbind v3/v4 bodies (RFC 1833) in XDR (RFC 4506): opaque_auth,
//! strings, netids, universal addresses (RFC 5665 section 5.2.3), DUMP lists. Pure
//! functions of the message bytes.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::{IPPROTO_TCP, IPPROTO_UDP};
use crate::reader::Reader;
use crate::{
    push_unique, Announcement, Connector, ControlProtocol, DecodeError, Method, Transport,
};

/// Skips an `opaque_auth` (flavor, length, body padded to 4; RFC 5531 section 8.2).
pub(super) fn skip_opaque_auth(r: &mut Reader<'_>) -> Result<(), DecodeError> {
    let _flavor = r.u32()?;
    let len = r.u32()? as usize;
    if len > 400 {
        return Err(r.invalid("auth body length over 400"));
    }
    r.skip(len)?;
    r.align(4)
}

/// An XDR string or opaque: length, bytes, padding to 4.
pub(super) fn xdr_string<'a>(r: &mut Reader<'a>) -> Result<&'a [u8], DecodeError> {
    let len = r.u32()? as usize;
    let s = r.take(len)?;
    r.align(4)?;
    Ok(s)
}

pub(super) fn prot_transport(prot: u32) -> Option<Transport> {
    match prot {
        IPPROTO_TCP => Some(Transport::Tcp),
        IPPROTO_UDP => Some(Transport::Udp),
        _ => None,
    }
}

pub(super) fn netid_transport(netid: &[u8]) -> Option<Transport> {
    match netid {
        b"tcp" | b"tcp6" => Some(Transport::Tcp),
        b"udp" | b"udp6" => Some(Transport::Udp),
        _ => None,
    }
}

/// Parses a universal address `h1.h2.h3.h4.p1.p2` or `x:x::x.p1.p2` (RFC 5665 section 5.2.3).
/// The address is `None` when unspecified.
pub(super) fn parse_uaddr(uaddr: &[u8]) -> Option<(Option<IpAddr>, u16)> {
    let s = std::str::from_utf8(uaddr).ok()?;
    let mut parts = s.rsplitn(3, '.');
    let p2 = parts.next()?;
    let p1 = parts.next()?;
    let host = parts.next()?;
    let octet = |t: &str| -> Option<u16> {
        if t.is_empty() || t.len() > 3 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse::<u16>().ok().filter(|&v| v <= 255)
    };
    let port = octet(p1)? << 8 | octet(p2)?;
    let ip = if host.contains(':') {
        IpAddr::V6(host.parse::<Ipv6Addr>().ok()?)
    } else {
        IpAddr::V4(host.parse::<Ipv4Addr>().ok()?)
    };
    Some(((!ip.is_unspecified()).then_some(ip), port))
}

/// The XDR boolean in front of each element of a list: TRUE, another element follows.
fn more_follows(r: &mut Reader<'_>, what: &'static str) -> Result<bool, DecodeError> {
    match r.u32()? {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(r.invalid(what)),
    }
}

/// `pmaplist`: `{ bool more; mapping; }*` ending with `more = FALSE`.
pub(super) fn decode_dump_v2(r: &mut Reader<'_>) -> Result<Vec<Announcement>, DecodeError> {
    let mut found = Vec::new();
    while more_follows(r, "pmaplist value_follows")? {
        let prog = r.u32()?;
        let _vers = r.u32()?;
        let prot = r.u32()?;
        let port = r.u32()?;
        let port = u16::try_from(port).map_err(|_| r.invalid("mapping port"))?;
        if let (true, Some(t)) = (port != 0, prot_transport(prot)) {
            push_unique(
                &mut found,
                rpc_announcement(Method::Dump, None, port, t, prog),
            );
        }
    }
    Ok(found)
}

/// `rpcblist`: `{ bool more; rpcb; }*` ending with `more = FALSE`.
pub(super) fn decode_dump_v3(r: &mut Reader<'_>) -> Result<Vec<Announcement>, DecodeError> {
    let mut found = Vec::new();
    let mut bad_uaddr = None;
    while more_follows(r, "rpcblist value_follows")? {
        let prog = r.u32()?;
        let _vers = r.u32()?;
        let transport = netid_transport(xdr_string(r)?);
        let uaddr = xdr_string(r)?;
        let _owner = xdr_string(r)?;
        let Some(t) = transport else {
            continue;
        };
        match parse_uaddr(uaddr) {
            Some((_, 0)) => {}
            Some((addr, port)) => {
                push_unique(
                    &mut found,
                    rpc_announcement(Method::Dump, addr, port, t, prog),
                );
            }
            None => bad_uaddr = Some(r.invalid("universal address in rpcb entry")),
        }
    }
    // One bad entry does not void the others, but it is still reported.
    match (bad_uaddr, found.is_empty()) {
        (Some(e), true) => Err(e),
        _ => Ok(found),
    }
}

pub(super) fn rpc_announcement(
    method: Method,
    addr: Option<IpAddr>,
    port: u16,
    transport: Transport,
    prog: u32,
) -> Announcement {
    Announcement {
        protocol: ControlProtocol::OncRpcPortmap,
        method,
        addr,
        port,
        transport,
        connector: Connector::Client,
        program: Some(prog),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn universal_address_parsing() {
        assert_eq!(
            parse_uaddr(b"10.0.0.1.4.1"),
            Some((Some("10.0.0.1".parse().unwrap()), 1025))
        );
        assert_eq!(
            parse_uaddr(b"::ffff:10.0.0.1.0.111"),
            Some((Some("::ffff:10.0.0.1".parse().unwrap()), 111))
        );
        assert_eq!(parse_uaddr(b"::.0.111"), Some((None, 111)));
        for bad in [
            &b"10.0.0.1.256.1"[..],
            b"10.0.0.1",
            b"host.4.1",
            b"",
            b"1.2.3.4.-1.2",
        ] {
            assert_eq!(parse_uaddr(bad), None);
        }
    }
}
