//! FTP control channel: PASV (227), EPSV (229), PORT and EPRT (RFC 959, RFC 2428).
//!
//! Lines are classified on their first four bytes; only `PORT`/`EPRT` commands and
//! `227`/`229` replies are kept until their line end, everything else (USER, PASS, ...) is
//! skipped without being stored. Kept lines are wiped once parsed.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::{
    Announcement, Connector, DecodeError, Direction, Method, ParserStats, Protocol, Transport,
    FTP_MAX_LINE,
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

    pub fn stats(&self) -> &ParserStats {
        &self.stats
    }

    /// Feeds in-order bytes of one direction; announcements are appended to `out`.
    pub fn feed(&mut self, dir: Direction, data: &[u8], out: &mut Vec<Announcement>) {
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
                    if side.buf.len() + segment.len() > FTP_MAX_LINE {
                        self.stats.dropped_bytes += (side.buf.len() + segment.len()) as u64;
                        let was_kept = side.state == LineState::Keep;
                        side.wipe();
                        side.state = if complete {
                            LineState::Prefix
                        } else {
                            LineState::Skip { overflow: true }
                        };
                        if was_kept {
                            self.stats.malformed(DecodeError::Invalid {
                                context: CONTEXT,
                                what: "line longer than the limit",
                                offset: FTP_MAX_LINE,
                            });
                        }
                        continue;
                    }
                    side.buf.extend_from_slice(segment);
                    if side.state == LineState::Prefix && (side.buf.len() >= 4 || complete) {
                        let keep = match dir {
                            Direction::ToServer => is_port_command(&side.buf),
                            Direction::ToClient => {
                                classify_reply(&mut self.reply, &mut self.encrypted, &side.buf)
                            }
                        };
                        if keep {
                            side.state = LineState::Keep;
                        } else {
                            self.stats.messages += u64::from(complete);
                            side.wipe();
                            side.state = if complete {
                                LineState::Prefix
                            } else {
                                LineState::Skip { overflow: false }
                            };
                            continue;
                        }
                    }
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
    pub fn gap(&mut self, dir: Direction) {
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
        let end = rest.iter().position(|&b| b == d)?;
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
        protocol: Protocol::Ftp,
        method,
        addr,
        port,
        transport: Transport::Tcp,
        connector,
        program: None,
    }
}
