//! FTP control channel: PASV (227), EPSV (229), PORT and EPRT (RFC 959, RFC 2428).
//!
//! Lines are classified on their first four bytes; only `PORT`/`EPRT` commands and
//! `227`/`229` replies are kept until their line end, everything else (USER, PASS, ...) is
//! skipped without being stored. Kept lines are wiped once parsed.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::{
    Announcement, Connector, ControlParser, ControlProtocol, DecodeError, Direction, Method,
    ParserStats, Transport, FTP_MAX_LINE,
};

const CONTEXT: &str = "FTP control line";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum LineState {
    /// At a line start: collecting the first four bytes to classify the line.
    #[default]
    Prefix,
    /// The line may announce a port: keep it until its end.
    Keep,
    /// Skip to the next LF. `overflow`: the skipped bytes are counted as dropped.
    Skip { overflow: bool },
}

#[derive(Default)]
struct Side {
    buf: Vec<u8>,
    state: LineState,
}

impl Side {
    /// Clears the line buffer, overwriting it first so no line text lingers in memory.
    fn wipe(&mut self) {
        self.buf.iter_mut().for_each(|b| *b = 0);
        self.buf.clear();
    }
}

/// The reply being read (its first line seen, its last line not yet handled).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Reply {
    code: u16,
    /// `ddd-` seen: lines go on until `ddd `.
    multi: bool,
    /// The current line is the reply's last.
    ending: bool,
    announced: bool,
}

/// Parser of one FTP control connection (both directions).
#[derive(Default)]
pub struct FtpControl {
    sides: [Side; 2],
    reply: Option<Reply>,
    /// Set by a `234` reply: the rest of the connection is TLS.
    encrypted: bool,
    stats: ParserStats,
}

impl fmt::Debug for FtpControl {
    // Hand-written so that no line bytes can ever reach a log through `{:?}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FtpControl")
            .field("buffered_to_server", &self.sides[0].buf.len())
            .field("buffered_to_client", &self.sides[1].buf.len())
            .field("reply_code", &self.reply.map(|r| r.code))
            .field("encrypted", &self.encrypted)
            .field("stats", &self.stats)
            .finish()
    }
}

impl FtpControl {
    pub fn new() -> Self {
        Self::default()
    }
}

impl ControlParser for FtpControl {
    /// Feeds in-order bytes of one direction; announcements are appended to `out`.
    fn feed(&mut self, dir: Direction, data: &[u8], out: &mut Vec<Announcement>) {
        let mut data = data;
        while !data.is_empty() {
            if self.encrypted {
                self.stats.encrypted_bytes += data.len() as u64;
                return;
            }
            let side = &mut self.sides[dir.index()];
            let lf = data.iter().position(|&b| b == b'\n');
            let (segment, rest, complete) = match lf {
                Some(i) => (&data[..i], &data[i + 1..], true),
                None => (data, &data[data.len()..], false),
            };
            data = rest;
            match side.state {
                LineState::Skip { overflow } => {
                    if overflow {
                        self.stats.dropped_bytes += segment.len() as u64 + u64::from(complete);
                    }
                    if complete {
                        self.stats.messages += u64::from(!overflow);
                        side.state = LineState::Prefix;
                    }
                }
                LineState::Prefix | LineState::Keep => {
                    let mut segment = segment;
                    if side.state == LineState::Prefix {
                        // Classify on the first four bytes; nothing more of an unwanted line
                        // (USER, PASS, ...) is ever stored.
                        let n = 4usize.saturating_sub(side.buf.len()).min(segment.len());
                        side.buf.extend_from_slice(&segment[..n]);
                        segment = &segment[n..];
                        if side.buf.len() < 4 && !complete {
                            continue;
                        }
                        let keep = match dir {
                            Direction::ToServer => is_port_command(&side.buf),
                            Direction::ToClient => {
                                classify_reply(&mut self.reply, &mut self.encrypted, &side.buf)
                            }
                        };
                        if !keep {
                            self.stats.messages += u64::from(complete);
                            side.wipe();
                            side.state = if complete {
                                LineState::Prefix
                            } else {
                                LineState::Skip { overflow: false }
                            };
                            continue;
                        }
                        side.state = LineState::Keep;
                    }
                    if side.buf.len() + segment.len() > FTP_MAX_LINE {
                        self.stats.dropped_bytes +=
                            (side.buf.len() + segment.len()) as u64 + u64::from(complete);
                        side.wipe();
                        side.state = if complete {
                            LineState::Prefix
                        } else {
                            LineState::Skip { overflow: true }
                        };
                        self.stats.malformed(DecodeError::Invalid {
                            context: CONTEXT,
                            what: "line longer than the limit",
                            offset: FTP_MAX_LINE,
                        });
                        if dir == Direction::ToClient && self.reply.is_some_and(|r| r.ending) {
                            self.reply = None;
                        }
                        continue;
                    }
                    side.buf.extend_from_slice(segment);
                    if complete {
                        self.stats.messages += 1;
                        let mut line = std::mem::take(&mut side.buf);
                        side.state = LineState::Prefix;
                        self.handle_line(dir, &line, out);
                        line.iter_mut().for_each(|b| *b = 0);
                        line.clear();
                        // Give the (wiped) allocation back for the next line.
                        self.sides[dir.index()].buf = line;
                    }
                }
            }
        }
    }

    /// Bytes were lost in `dir`: drop the partial line and skip to the next line end.
    fn gap(&mut self, dir: Direction) {
        self.stats.gaps += 1;
        let side = &mut self.sides[dir.index()];
        self.stats.dropped_bytes += side.buf.len() as u64;
        side.wipe();
        side.state = LineState::Skip { overflow: true };
        if dir == Direction::ToClient {
            // The end of a multi-line reply may have been lost.
            self.reply = None;
        }
    }

    fn stats(&self) -> &ParserStats {
        &self.stats
    }
}

impl FtpControl {
    fn handle_line(&mut self, dir: Direction, line: &[u8], out: &mut Vec<Announcement>) {
        let text = line.strip_suffix(b"\r").unwrap_or(line);
        match dir {
            Direction::ToServer => match parse_command(text) {
                Ok(a) => self.stats.emit(vec![a], out),
                Err(e) => self.stats.malformed(e),
            },
            Direction::ToClient => self.handle_reply_line(text, out),
        }
    }

    fn handle_reply_line(&mut self, text: &[u8], out: &mut Vec<Announcement>) {
        let Some(mut reply) = self.reply else {
            return;
        };
        if !reply.announced {
            // Skip the reply code so it is not read as the first of the six numbers.
            let body = match reply_code(text) {
                Some((c, _)) if c == reply.code => text.get(3..).unwrap_or_default(),
                _ => text,
            };
            let found = match reply.code {
                227 => parse_pasv_reply(body),
                229 => parse_epsv_reply(body),
                _ => None,
            };
            if let Some(a) = found {
                self.stats.emit(vec![a], out);
                reply.announced = true;
            }
        }
        if reply.ending {
            if !reply.announced {
                self.stats.malformed(DecodeError::Invalid {
                    context: CONTEXT,
                    what: "227/229 reply without a valid host/port",
                    offset: 0,
                });
            }
            self.reply = None;
        } else {
            self.reply = Some(reply);
        }
    }
}

/// `ddd` and the byte after it (0 when the line ends there).
fn reply_code(line: &[u8]) -> Option<(u16, u8)> {
    let digits = line.get(..3)?;
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let code = digits
        .iter()
        .fold(0u16, |acc, d| acc * 10 + u16::from(d - b'0'));
    Some((code, line.get(3).copied().unwrap_or(0)))
}

/// Classifies a reply line from its first (up to) four bytes, following multi-line replies
/// (RFC 959 4.2): returns whether the line must be kept.
fn classify_reply(reply: &mut Option<Reply>, encrypted: &mut bool, prefix: &[u8]) -> bool {
    let code = reply_code(prefix);
    let wanted = |c: u16| c == 227 || c == 229;
    match reply {
        Some(r) if r.multi => {
            if code.is_some_and(|(c, sep)| c == r.code && sep != b'-') {
                r.ending = true;
            }
            let keep = wanted(r.code);
            if !keep && r.ending {
                *reply = None;
            }
            keep
        }
        _ => {
            let Some((c, sep)) = code else {
                *reply = None;
                return false;
            };
            let multi = sep == b'-';
            if c == 234 && !multi {
                // AUTH TLS accepted: everything after this line is TLS.
                *encrypted = true;
            }
            let keep = wanted(c);
            *reply = (keep || multi).then_some(Reply {
                code: c,
                multi,
                ending: !multi,
                announced: false,
            });
            keep
        }
    }
}

fn is_port_command(prefix: &[u8]) -> bool {
    prefix.len() >= 4
        && (prefix[..4].eq_ignore_ascii_case(b"PORT") || prefix[..4].eq_ignore_ascii_case(b"EPRT"))
}

fn invalid(what: &'static str) -> DecodeError {
    DecodeError::Invalid {
        context: CONTEXT,
        what,
        offset: 0,
    }
}

/// Parses a kept client line: `PORT h1,h2,h3,h4,p1,p2` or `EPRT |af|addr|port|`.
fn parse_command(line: &[u8]) -> Result<Announcement, DecodeError> {
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
fn parse_pasv_reply(text: &[u8]) -> Option<Announcement> {
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
fn parse_epsv_reply(text: &[u8]) -> Option<Announcement> {
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

fn ftp_announcement(
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
    use super::*;

    fn feed_all(parts: &[(Direction, &[u8])]) -> (Vec<Announcement>, FtpControl) {
        let mut p = FtpControl::new();
        let mut out = Vec::new();
        for (d, b) in parts {
            p.feed(*d, b, &mut out);
        }
        (out, p)
    }

    fn pasv(ip: &str, port: u16) -> Announcement {
        ftp_announcement(
            Method::Pasv,
            Some(ip.parse().unwrap()),
            port,
            Connector::Client,
        )
    }

    fn reply(line: &str) -> Vec<Announcement> {
        feed_all(&[(Direction::ToClient, line.as_bytes())]).0
    }

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
            let (out, p) = feed_all(&[(Direction::ToServer, line.as_bytes())]);
            assert!(out.is_empty(), "{line}");
            assert_eq!(p.stats().malformed, 1, "{line}");
        }
        // PORTAL is not PORT.
        let (out, p) = feed_all(&[(Direction::ToServer, b"PORTAL x\r\n")]);
        assert!(out.is_empty());
        assert_eq!(p.stats().malformed, 1);
    }

    #[test]
    fn multi_line_replies() {
        // The numbers on a continuation line of a multi-line 227 reply; one announcement.
        let (out, p) = feed_all(&[(
            Direction::ToClient,
            b"227-Entering Passive Mode\r\n (10,0,0,5,4,1)\r\n227 (10,0,0,5,4,2)\r\n",
        )]);
        assert_eq!(out, vec![pasv("10.0.0.5", 1025)]);
        assert_eq!(p.stats().malformed, 0);
        // A 227-looking line inside another reply's multi-line text is not a PASV reply;
        // the real one after it is.
        let (out, _) = feed_all(&[(
            Direction::ToClient,
            b"220-Welcome\r\n227 (1,2,3,4,5,6)\r\n220 ready\r\n227 ok (10,0,0,9,4,3)\r\n",
        )]);
        assert_eq!(out, vec![pasv("10.0.0.9", 1027)]);
    }

    #[test]
    fn split_at_every_byte_boundary() {
        let to_client: &[u8] = b"220 FTP server ready\r\n331 Password required\r\n\
            230 Logged in\r\n227 Entering Passive Mode (192,168,1,2,195,80).\r\n\
            229 Entering Extended Passive Mode (|||50000|)\n";
        let to_server: &[u8] = b"USER anonymous\r\nPASS guest\r\nPASV\r\nEPSV\r\n\
            PORT 192,168,1,3,195,81\r\nEPRT |2|fd00::3|50001|\r\n";
        let expected = vec![
            pasv("192.168.1.2", 50000),
            ftp_announcement(Method::Epsv, None, 50000, Connector::Client),
            ftp_announcement(
                Method::Port,
                Some("192.168.1.3".parse().unwrap()),
                50001,
                Connector::Server,
            ),
            ftp_announcement(
                Method::Eprt,
                Some("fd00::3".parse().unwrap()),
                50001,
                Connector::Server,
            ),
        ];
        for split in 0..=to_client.len().max(to_server.len()) {
            let c = split.min(to_client.len());
            let s = split.min(to_server.len());
            let (out, p) = feed_all(&[
                (Direction::ToClient, &to_client[..c]),
                (Direction::ToClient, &to_client[c..]),
                (Direction::ToServer, &to_server[..s]),
                (Direction::ToServer, &to_server[s..]),
            ]);
            assert_eq!(out, expected, "split at {split}");
            assert_eq!(p.stats().messages, 11);
        }
    }

    #[test]
    fn every_truncation_of_a_line() {
        let line = b"227 Entering Passive Mode (192,168,1,2,195,80).\r\n";
        for len in 0..line.len() {
            // Without its line end nothing is announced yet.
            let (out, _) = feed_all(&[(Direction::ToClient, &line[..len])]);
            assert!(out.is_empty(), "{len}");
            // Cut and terminated: only a complete host/port can be announced.
            let mut cut = line[..len].to_vec();
            cut.push(b'\n');
            let (out, p) = feed_all(&[(Direction::ToClient, &cut)]);
            assert!(out.len() + p.stats().malformed as usize <= 1);
            for a in out {
                assert_eq!(a.addr, Some("192.168.1.2".parse().unwrap()));
            }
        }
        let cmd = b"EPRT |2|fd00::3|50001|\r\n";
        for len in 0..cmd.len() {
            let (out, _) = feed_all(&[(Direction::ToServer, &cmd[..len])]);
            assert!(out.is_empty(), "{len}");
        }
    }

    #[test]
    fn credentials_are_never_kept() {
        let mut p = FtpControl::new();
        let mut out = Vec::new();
        p.feed(Direction::ToServer, b"USER alice\r\nPASS secret", &mut out);
        let dbg = format!("{p:?}");
        assert!(!dbg.contains("secret") && !dbg.contains("alice"), "{dbg}");
        // Only the first four bytes of an unwanted line are ever buffered.
        assert!(p.sides[0].buf.is_empty());
        assert!(!String::from_utf8_lossy(&p.sides[0].buf).contains("sec"));
        p.feed(Direction::ToServer, b"\r\nPORT 10,0,0,1,4,1\r\n", &mut out);
        assert_eq!(out.len(), 1);
        assert!(!format!("{p:?}").contains("secret"));
        assert!(!format!("{:?}", p.stats()).contains("secret"));
        // A partial kept line is not shown either.
        p.feed(Direction::ToServer, b"PORT secret", &mut out);
        assert!(!format!("{p:?}").contains("secret"));
    }

    #[test]
    fn long_lines_are_dropped_and_counted() {
        let mut p = FtpControl::new();
        let mut out = Vec::new();
        let mut long = b"227 ".to_vec();
        long.resize(FTP_MAX_LINE + 100, b'x');
        p.feed(Direction::ToClient, &long, &mut out);
        p.feed(
            Direction::ToClient,
            b"xx\r\n227 (10,0,0,1,4,1)\r\n",
            &mut out,
        );
        assert_eq!(out, vec![pasv("10.0.0.1", 1025)]);
        assert_eq!(p.stats().malformed, 1);
        assert_eq!(p.stats().dropped_bytes, long.len() as u64 + 4);
        // Long unwanted lines cost nothing.
        let mut banner = b"220 ".to_vec();
        banner.resize(100_000, b'y');
        p.feed(Direction::ToClient, &banner, &mut out);
        assert!(p.sides[1].buf.capacity() <= FTP_MAX_LINE + 64);
    }

    #[test]
    fn gap_skips_to_the_next_line() {
        let mut p = FtpControl::new();
        let mut out = Vec::new();
        p.feed(
            Direction::ToClient,
            b"227 Entering Passive Mode (10,0,",
            &mut out,
        );
        p.gap(Direction::ToClient);
        p.feed(
            Direction::ToClient,
            b"0,9,4,1)\r\n227 (10,0,0,1,4,2)\r\n",
            &mut out,
        );
        assert_eq!(out, vec![pasv("10.0.0.1", 1026)]);
        assert_eq!(p.stats().gaps, 1);
    }

    #[test]
    fn auth_tls_stops_parsing() {
        let (out, p) = feed_all(&[
            (Direction::ToServer, b"AUTH TLS\r\n"),
            (
                Direction::ToClient,
                b"234 Proceed with negotiation.\r\n\x16\x03\x01",
            ),
            (Direction::ToClient, b"227 (10,0,0,1,4,1)\r\n"),
        ]);
        assert!(out.is_empty());
        assert_eq!(p.stats().encrypted_bytes, 3 + 20);
    }
}
