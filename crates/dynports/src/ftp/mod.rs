//! FTP control channel: PASV (227), EPSV (229), PORT and EPRT (RFC 959, RFC 2428).
//!
//! Lines are classified on their first four bytes; only `PORT`/`EPRT` commands and
//! `227`/`229` replies are kept until their line end, everything else (USER, PASS, ...) is
//! skipped without being stored. Kept lines are wiped once parsed.
//!
//! `parser` reads the lines that announce (PORT, EPRT, 227, 229); this module follows the
//! lines, the replies (multi-line ones too) and AUTH TLS.

use std::fmt;

use crate::{Announcement, ControlParser, DecodeError, Direction, ParserStats, FTP_MAX_LINE};

mod parser;
pub(crate) mod probe;

use parser::{parse_command, parse_epsv_reply, parse_pasv_reply};
use probe::{Probe, Verdict};

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
    /// The first line of each direction, until it shows the connection is FTP.
    probes: [Probe; 2],
    /// The connection was found not to be FTP: nothing more is looked at.
    not_protocol: bool,
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

    /// The connection is not FTP: counted once, line buffers wiped and freed, the rest
    /// ignored.
    fn give_up(&mut self) {
        self.not_protocol = true;
        self.stats.not_protocol = 1;
        for side in &mut self.sides {
            side.wipe();
            side.buf = Vec::new();
        }
        self.reply = None;
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

impl ControlParser for FtpControl {
    /// Feeds in-order bytes of one direction; announcements are appended to `out`.
    fn feed(&mut self, dir: Direction, data: &[u8], out: &mut Vec<Announcement>) {
        if self.not_protocol {
            return;
        }
        // Decided before the line layer sees the bytes: its first complete line is the
        // probe's first line, so nothing is announced from a stream that is not FTP.
        let other_decided = self.probes[1 - dir.index()].decided();
        let probe = &mut self.probes[dir.index()];
        if !probe.decided() && probe.inspect(dir, data) == Verdict::NotFtp {
            if !other_decided {
                self.give_up();
                return;
            }
            // The other direction spoke FTP: odd lines here are skipped as they come.
            probe.set_decided();
        }
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

    fn midstream(&mut self, dir: Direction) {
        self.probes[dir.index()].midstream();
        let side = &mut self.sides[dir.index()];
        if side.buf.is_empty() && side.state == LineState::Prefix {
            side.state = LineState::Skip { overflow: true };
        }
    }

    fn is_not_protocol(&self) -> bool {
        self.not_protocol
    }

    /// Bytes were lost in `dir`: drop the partial line and skip to the next line end.
    fn gap(&mut self, dir: Direction) {
        self.stats.gaps += 1;
        if self.not_protocol {
            return;
        }
        self.probes[dir.index()].midstream();
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

#[cfg(test)]
mod tests {
    use super::parser::ftp_announcement;
    use super::*;
    use crate::{Connector, Method};

    pub(super) fn feed_all(parts: &[(Direction, &[u8])]) -> (Vec<Announcement>, FtpControl) {
        let mut p = FtpControl::new();
        let mut out = Vec::new();
        for (d, b) in parts {
            p.feed(*d, b, &mut out);
        }
        (out, p)
    }

    pub(super) fn pasv(ip: &str, port: u16) -> Announcement {
        ftp_announcement(
            Method::Pasv,
            Some(ip.parse().unwrap()),
            port,
            Connector::Client,
        )
    }

    pub(super) fn reply(line: &str) -> Vec<Announcement> {
        feed_all(&[(Direction::ToClient, line.as_bytes())]).0
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
        p.feed(Direction::ToClient, b"220 ready\r\n", &mut out);
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
