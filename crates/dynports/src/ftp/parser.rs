//! The lines that announce a port, once whole: `PORT h1,h2,h3,h4,p1,p2` and `EPRT |af|addr|port|`
//! commands (RFC 959 4.1.2, RFC 2428 section 2), `227` and `229` reply texts (RFC 959
//! 4.2, RFC 2428 section 3). Pure functions of the line.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::CONTEXT;
use crate::{Announcement, Connector, ControlProtocol, DecodeError, Method, Transport};

fn invalid(what: &'static str) -> DecodeError {
    DecodeError::Invalid {
        context: CONTEXT,
        what,
        offset: 0,
    }
}

/// Parses a kept client line: `PORT h1,h2,h3,h4,p1,p2` or `EPRT |af|addr|port|`.
pub(super) fn parse_command(line: &[u8]) -> Result<Announcement, DecodeError> {
    let verb = line.get(..4).ok_or_else(|| invalid("command"))?;
    let arg = line.get(4..).unwrap_or_default();
    let arg_start = arg
        .iter()
        .position(|b| *b != b' ')
        .filter(|&i| i > 0)
        .ok_or_else(|| invalid("command argument"))?;
    let arg = trim_end(&arg[arg_start..]);
    if verb.eq_ignore_ascii_case(b"PORT") {
        let (ip, port, used) = parse_six(arg).ok_or_else(|| invalid("PORT host/port"))?;
        if used != arg.len() {
            return Err(invalid("PORT trailing text"));
        }
        Ok(ftp_announcement(
            Method::Port,
            usable(IpAddr::V4(ip)),
            port,
            Connector::Server,
        ))
    } else {
        let (ip, port) = parse_eprt(arg).ok_or_else(|| invalid("EPRT argument"))?;
        Ok(ftp_announcement(
            Method::Eprt,
            usable(ip),
            port,
            Connector::Server,
        ))
    }
}

fn trim_end(s: &[u8]) -> &[u8] {
    let end = s
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    &s[..end]
}

/// `d af d addr d port d` with any delimiter `d` in ASCII 33-126 (RFC 2428 section 2).
fn parse_eprt(arg: &[u8]) -> Option<(IpAddr, u16)> {
    let (&d, rest) = arg.split_first()?;
    if !(33..=126).contains(&d) {
        return None;
    }
    let mut fields = rest.split(|&b| b == d);
    let af = fields.next()?;
    let addr = std::str::from_utf8(fields.next()?).ok()?;
    let port = parse_port(fields.next()?)?;
    if fields.next()? != b"" || fields.next().is_some() {
        return None;
    }
    let ip = match af {
        b"1" => IpAddr::V4(addr.parse::<Ipv4Addr>().ok()?),
        b"2" => IpAddr::V6(addr.parse::<Ipv6Addr>().ok()?),
        _ => return None,
    };
    Some((ip, port))
}

/// A decimal port 1-65535 (1 to 5 digits, nothing else).
fn parse_port(s: &[u8]) -> Option<u16> {
    if s.is_empty() || s.len() > 5 || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let v = s.iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
    u16::try_from(v).ok().filter(|&p| p != 0)
}

/// Parses `h1,h2,h3,h4,p1,p2` at the start of `s` (spaces allowed around commas); returns
/// the address, the port and how many bytes were used.
fn parse_six(s: &[u8]) -> Option<(Ipv4Addr, u16, usize)> {
    let mut nums = [0u8; 6];
    let mut pos = 0;
    for (i, slot) in nums.iter_mut().enumerate() {
        if i > 0 {
            while s.get(pos) == Some(&b' ') {
                pos += 1;
            }
            if s.get(pos) != Some(&b',') {
                return None;
            }
            pos += 1;
            while s.get(pos) == Some(&b' ') {
                pos += 1;
            }
        }
        let digits = s
            .get(pos..)?
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 || digits > 3 {
            return None;
        }
        let v = s[pos..pos + digits]
            .iter()
            .fold(0u16, |acc, d| acc * 10 + u16::from(d - b'0'));
        *slot = u8::try_from(v).ok()?;
        pos += digits;
    }
    let port = u16::from(nums[4]) << 8 | u16::from(nums[5]);
    if port == 0 {
        return None;
    }
    Some((Ipv4Addr::new(nums[0], nums[1], nums[2], nums[3]), port, pos))
}

/// Finds the first valid `h1,h2,h3,h4,p1,p2` anywhere in a 227 reply text.
pub(super) fn parse_pasv_reply(text: &[u8]) -> Option<Announcement> {
    (0..text.len())
        .filter(|&i| text[i].is_ascii_digit() && (i == 0 || !text[i - 1].is_ascii_digit()))
        .find_map(|i| parse_six(&text[i..]))
        .map(|(ip, port, _)| {
            ftp_announcement(
                Method::Pasv,
                usable(IpAddr::V4(ip)),
                port,
                Connector::Client,
            )
        })
}

/// Finds `<d><d><d>port<d>` (RFC 2428 section 3) in a 229 reply text.
pub(super) fn parse_epsv_reply(text: &[u8]) -> Option<Announcement> {
    (0..text.len()).find_map(|i| {
        let d = text[i];
        if !(33..=126).contains(&d) || d.is_ascii_digit() {
            return None;
        }
        if text.get(i + 1) != Some(&d) || text.get(i + 2) != Some(&d) {
            return None;
        }
        let rest = text.get(i + 3..)?;
        // At most five digits then the delimiter: bounded work per candidate.
        let end = rest.iter().take(6).position(|&b| b == d)?;
        let port = parse_port(&rest[..end])?;
        Some(ftp_announcement(
            Method::Epsv,
            None,
            port,
            Connector::Client,
        ))
    })
}

fn usable(ip: IpAddr) -> Option<IpAddr> {
    (!ip.is_unspecified()).then_some(ip)
}

pub(super) fn ftp_announcement(
    method: Method,
    addr: Option<IpAddr>,
    port: u16,
    connector: Connector,
) -> Announcement {
    Announcement {
        protocol: ControlProtocol::Ftp,
        method,
        addr,
        port,
        transport: Transport::Tcp,
        connector,
        program: None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{feed_all, pasv, reply};
    use super::*;
    use crate::{ControlParser, Direction};

    #[test]
    fn pasv_227_forms() {
        // zeek-ftp-ipv4.pcap f20: "227 Entering Passive Mode (199,233,217,249,221,90)"
        assert_eq!(
            reply("227 Entering Passive Mode (199,233,217,249,221,90)\r\n"),
            vec![pasv("199.233.217.249", 56666)]
        );
        // No parentheses, text after, bare LF.
        assert_eq!(
            reply("227 =10,0,0,5,156,64 ok\n"),
            vec![pasv("10.0.0.5", 40000)]
        );
        // Spaces around commas, a number before the six (RFC 1123 4.1.2.6 lets servers
        // put anything around them).
        assert_eq!(
            reply("227 Mode 2 on (10, 0, 0, 5, 4, 1).\r\n"),
            vec![pasv("10.0.0.5", 1025)]
        );
        // 0.0.0.0: no usable address, the caller uses the server's.
        assert_eq!(
            reply("227 (0,0,0,0,4,1)\r\n"),
            vec![ftp_announcement(
                Method::Pasv,
                None,
                1025,
                Connector::Client
            )]
        );
    }

    #[test]
    fn invalid_pasv_numbers_are_malformed() {
        for line in [
            "227 Entering Passive Mode (256,0,0,1,4,1)\r\n",
            "227 Entering Passive Mode (10,0,0,1,0,0)\r\n", // port 0
            "227 Entering Passive Mode (10,0,0,1,4)\r\n",
            "227 Entering Passive Mode\r\n",
            "227 (1000,0,0,1,4,1)\r\n",
        ] {
            let (out, p) = feed_all(&[(Direction::ToClient, line.as_bytes())]);
            assert!(out.is_empty(), "{line}");
            assert_eq!(p.stats().malformed, 1, "{line}");
        }
    }

    #[test]
    fn epsv_229_any_delimiter() {
        let epsv = |port| {
            vec![ftp_announcement(
                Method::Epsv,
                None,
                port,
                Connector::Client,
            )]
        };
        // zeek-ftp-ipv6.pcap f28: "229 Entering Extended Passive Mode (|||57086|)"
        assert_eq!(
            reply("229 Entering Extended Passive Mode (|||57086|)\r\n"),
            epsv(57086)
        );
        assert_eq!(reply("229 ok (!!!2121!)\n"), epsv(2121));
        assert!(reply("229 Entering Extended Passive Mode (|||0|)\r\n").is_empty());
        assert!(reply("229 Entering Extended Passive Mode (|||65536|)\r\n").is_empty());
    }

    #[test]
    fn port_and_eprt_commands_case_insensitive() {
        let (out, p) = feed_all(&[(
            Direction::ToServer,
            b"PORT 141,142,220,235,131,46\r\nport 10,0,0,1,4,1\r\n\
              EPRT |1|132.235.1.2|6275|\r\n\
              eprt |2|2001:470:1f11:81f:c999:d94:aa7c:2e3e|49189|\n\
              EPRT !2!::!1025!\r\n",
        )]);
        let active = |ip: Option<&str>, port, m| {
            ftp_announcement(m, ip.map(|s| s.parse().unwrap()), port, Connector::Server)
        };
        assert_eq!(
            out,
            vec![
                // zeek-ftp-ipv4.pcap f57
                active(Some("141.142.220.235"), 33582, Method::Port),
                active(Some("10.0.0.1"), 1025, Method::Port),
                active(Some("132.235.1.2"), 6275, Method::Eprt),
                // zeek-ftp-ipv6.pcap f90
                active(
                    Some("2001:470:1f11:81f:c999:d94:aa7c:2e3e"),
                    49189,
                    Method::Eprt
                ),
                active(None, 1025, Method::Eprt),
            ]
        );
        assert_eq!(p.stats().messages, 5);
        assert_eq!(p.stats().malformed, 0);
    }

    #[test]
    fn bad_port_and_eprt_arguments_are_malformed() {
        for line in [
            "PORT 10,0,0,1,4\r\n",
            "PORT 10,0,0,1,4,1,9\r\n",
            "PORT10,0,0,1,4,1\r\n",
            "EPRT |3|10.0.0.1|1025|\r\n",
            "EPRT |1|10.0.0.1|1025\r\n",
            "EPRT |1|::1|1025|\r\n",
            "EPRT |2|10.0.0.1|1025|\r\n",
            "EPRT |1|10.0.0.1|0|\r\n",
            "EPRT\r\n",
        ] {
            // After a first line that shows the stream is FTP.
            let (out, p) = feed_all(&[
                (Direction::ToServer, b"NOOP\r\n"),
                (Direction::ToServer, line.as_bytes()),
            ]);
            assert!(out.is_empty(), "{line}");
            assert_eq!(p.stats().malformed, 1, "{line}");
        }
        // PORTAL is not PORT.
        let (out, p) = feed_all(&[(Direction::ToServer, b"NOOP\r\nPORTAL x\r\n")]);
        assert!(out.is_empty());
        assert_eq!(p.stats().malformed, 1);
    }
}
