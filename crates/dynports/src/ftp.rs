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

/// A multi-line reply in progress (`ddd-` seen, waiting for `ddd `).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MultiLine {
    code: u16,
    announced: bool,
}

/// Parser of one FTP control connection (both directions).
#[derive(Default)]
pub struct FtpControl {
    sides: [Side; 2],
    multiline: Option<MultiLine>,
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
            .field("multiline_code", &self.multiline.map(|m| m.code))
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
                                classify_reply(&mut self.multiline, &mut self.encrypted, &side.buf)
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
            self.multiline = None;
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
        // `classify_reply` already updated `self.multiline` for this line: Some = the reply
        // goes on after this line.
        let code = reply_code(text);
        let (reply_code, already) = match (self.multiline, code) {
            (Some(m), _) => (m.code, m.announced),
            (None, Some((c, _))) => (c, false),
            (None, None) => (0, false),
        };
        let last_line = self.multiline.is_none();
        let parsed = if already {
            None
        } else {
            match reply_code {
                227 => parse_pasv_reply(text),
                229 => parse_epsv_reply(text),
                _ => None,
            }
        };
        if let Some(a) = parsed {
            self.stats.emit(vec![a], out);
            if let Some(m) = self.multiline.as_mut() {
                m.announced = true;
            }
            return;
        }
        // A whole 227/229 reply without a usable address is malformed.
        let single_line = matches!(code, Some((_, b' ')) | Some((_, 0))) && !already;
        let was_multi_without = !already && code.is_some_and(|(c, _)| c == reply_code);
        if last_line && (single_line || was_multi_without) && !self.announced_in_finished_reply()
        {
            self.stats.malformed(DecodeError::Invalid {
                context: CONTEXT,
                what: "227/229 reply without host/port",
                offset: 0,
            });
        }
    }

    fn announced_in_finished_reply(&self) -> bool {
        self.finished_reply_announced
    }
}
