//! Deciding early that a connection is not FTP: the first line of each direction must be
//! text, end within [`FTP_MAX_LINE`] bytes, and start like a reply (`1xx`-`5xx` and a space
//! or `-`) from the server or like a known command from the client. The bytes are only
//! looked at, never kept; most non-FTP streams are decided on their first five bytes.

use crate::{Direction, FTP_MAX_LINE};

/// Commands of RFC 959, 2228, 2389, 2428, 2640, 3659, 7151 and the common `X` forms: a client
/// opens with one of these.
pub(crate) const COMMANDS: &[&[u8]] = &[
    b"ABOR", b"ACCT", b"ADAT", b"ALLO", b"APPE", b"AUTH", b"CCC", b"CDUP", b"CLNT", b"CONF",
    b"CWD", b"DELE", b"ENC", b"EPRT", b"EPSV", b"FEAT", b"HELP", b"HOST", b"LANG", b"LIST",
    b"MDTM", b"MFMT", b"MIC", b"MKD", b"MLSD", b"MLST", b"MODE", b"NLST", b"NOOP", b"OPTS",
    b"PASS", b"PASV", b"PBSZ", b"PORT", b"PROT", b"PWD", b"QUIT", b"REIN", b"REST", b"RETR",
    b"RMD", b"RNFR", b"RNTO", b"SITE", b"SIZE", b"SMNT", b"STAT", b"STOR", b"STOU", b"STRU",
    b"SYST", b"TYPE", b"USER", b"XCUP", b"XCWD", b"XMKD", b"XPWD", b"XRMD",
];

const HEAD: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum State {
    /// Reading the first line of the direction.
    #[default]
    FirstLine,
    /// The start was not seen, or bytes were lost before the first line was decided: skip
    /// to the next line end, then read that line as the first.
    SkipToLine,
    /// The direction looks like FTP.
    Decided,
}

/// What the bytes so far say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Verdict {
    Undecided,
    Ftp,
    NotFtp,
}

/// The first line of one direction, as far as it is read (at most [`HEAD`] bytes kept: a
/// command name or a reply code, never an argument).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Probe {
    state: State,
    head: [u8; HEAD],
    head_len: u8,
    /// Bytes looked at in the current state.
    seen: usize,
}

impl Probe {
    pub(super) fn decided(&self) -> bool {
        self.state == State::Decided
    }

    /// Stops probing this direction (the other one spoke FTP).
    pub(super) fn set_decided(&mut self) {
        *self = Probe {
            state: State::Decided,
            ..Probe::default()
        };
    }

    /// The start of the direction was not seen.
    pub(super) fn midstream(&mut self) {
        if self.state != State::Decided {
            *self = Probe {
                state: State::SkipToLine,
                ..Probe::default()
            };
        }
    }

    /// Looks at the next in-order bytes of the direction.
    pub(super) fn inspect(&mut self, dir: Direction, data: &[u8]) -> Verdict {
        let mut data = data;
        loop {
            match self.state {
                State::Decided => return Verdict::Ftp,
                State::SkipToLine => match memchr::memchr(b'\n', data) {
                    Some(i) => {
                        data = &data[i + 1..];
                        *self = Probe::default();
                    }
                    None => {
                        self.seen = self.seen.saturating_add(data.len());
                        return if self.seen > 2 * FTP_MAX_LINE {
                            Verdict::NotFtp
                        } else {
                            Verdict::Undecided
                        };
                    }
                },
                State::FirstLine => {
                    for &b in data {
                        if b == b'\n' {
                            let ok = self.head_ok(dir, true);
                            self.state = State::Decided;
                            self.head = [0; HEAD];
                            return if ok { Verdict::Ftp } else { Verdict::NotFtp };
                        }
                        // Text: printable ASCII, tab, CR, and UTF-8 (RFC 2640).
                        if (b < 0x20 && b != b'\t' && b != b'\r') || b == 0x7f {
                            return Verdict::NotFtp;
                        }
                        if usize::from(self.head_len) < HEAD {
                            self.head[usize::from(self.head_len)] = b;
                            self.head_len += 1;
                            if usize::from(self.head_len) == HEAD && !self.head_ok(dir, false) {
                                return Verdict::NotFtp;
                            }
                        }
                        self.seen += 1;
                        if self.seen > FTP_MAX_LINE {
                            return Verdict::NotFtp;
                        }
                    }
                    return Verdict::Undecided;
                }
            }
        }
    }

    /// Whether the first bytes of the line can start an FTP reply (to the client) or
    /// command (to the server); `at_end`: the line ended after them.
    fn head_ok(&self, dir: Direction, at_end: bool) -> bool {
        let head = &self.head[..usize::from(self.head_len)];
        let ends = |i: usize| match head.get(i) {
            None => at_end,
            Some(&c) => c == b' ' || c == b'\r' || (c == b'-' && dir == Direction::ToClient),
        };
        match dir {
            Direction::ToClient => {
                head.len() >= 3
                    && (b'1'..=b'5').contains(&head[0])
                    && head[1].is_ascii_digit()
                    && head[2].is_ascii_digit()
                    && ends(3)
            }
            Direction::ToServer => {
                let name = head.iter().take_while(|c| c.is_ascii_alphabetic()).count();
                (3..=4).contains(&name)
                    && ends(name)
                    && COMMANDS
                        .iter()
                        .any(|c| c.eq_ignore_ascii_case(&head[..name]))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(dir: Direction, chunks: &[&[u8]]) -> Verdict {
        let mut p = Probe::default();
        let mut v = Verdict::Undecided;
        for c in chunks {
            v = p.inspect(dir, c);
            if v != Verdict::Undecided {
                break;
            }
        }
        v
    }

    #[test]
    fn first_lines_of_ftp_pass() {
        use Direction::*;
        for (d, l) in [
            (ToClient, &b"220 (vsFTPd 3.0.3)\r\n"[..]),
            (ToClient, b"220-Welcome\r\n220 ready\r\n"),
            (ToClient, b"421\r\n"),
            (ToServer, b"USER anonymous\r\n"),
            (ToServer, b"user x\n"),
            (ToServer, b"PWD\r\n"),
            (ToServer, b"CCC\n"),
            (ToServer, b"AUTH TLS\r\n"),
        ] {
            assert_eq!(
                verdict(d, &[l]),
                Verdict::Ftp,
                "{:?}",
                String::from_utf8_lossy(l)
            );
            // Byte by byte too.
            let bytes: Vec<&[u8]> = l.chunks(1).collect();
            assert_eq!(verdict(d, &bytes), Verdict::Ftp);
        }
    }

    #[test]
    fn other_protocols_are_decided_on_few_bytes() {
        use Direction::*;
        for (d, l) in [
            (ToServer, &b"GET / HTTP/1.1\r\n"[..]),
            (ToClient, b"HTTP/1.1 200 OK\r\n"),
            (ToServer, b"\x05\x00\x0b\x03\x10\x00\x00\x00"),
            (ToServer, b"\x80\x00\x00\x38"),
            (ToClient, b"600 nope\r\n"),
            (ToClient, b"2200 nope\r\n"),
            (ToServer, b"USERS x\r\n"),
            (ToClient, b"SSH-2.0-OpenSSH_9.2\r\n"),
        ] {
            assert_eq!(
                verdict(d, &[l]),
                Verdict::NotFtp,
                "{:?}",
                String::from_utf8_lossy(l)
            );
        }
        // A text line without an end within the limit.
        let mut long = b"220 ".to_vec();
        long.resize(FTP_MAX_LINE + 10, b'x');
        assert_eq!(verdict(ToClient, &[&long]), Verdict::NotFtp);
    }

    #[test]
    fn midstream_reads_the_line_after_the_first_line_end() {
        let mut p = Probe::default();
        p.midstream();
        assert_eq!(
            p.inspect(Direction::ToClient, b"\x01\x02tail of something"),
            Verdict::Undecided
        );
        assert_eq!(
            p.inspect(Direction::ToClient, b"\r\n227 (1,2,3,4,5,6)\r\n"),
            Verdict::Ftp
        );
        let mut p = Probe::default();
        p.midstream();
        assert_eq!(
            p.inspect(Direction::ToClient, &vec![0u8; 3 * FTP_MAX_LINE]),
            Verdict::NotFtp
        );
    }
}
