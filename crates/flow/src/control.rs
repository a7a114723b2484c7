//! Control connections: in-order bytes per direction for the protocol parsers.
//!
//! Only flows on a control port (FTP 21, portmapper 111, endpoint mapper 135, or what the
//! rules configure) get one. Reassembly is deliberately simple: bytes are fed in sequence
//! order; a retransmission feeds only what is new; a hole (lost or out-of-order segment, or
//! a payload cut by the snaplen) is reported to the parser as a gap, which resynchronises.

use serde::Serialize;
use tapaudit_dynports::{Announcement, DceRpc, Direction, FtpControl, ParserStats, Portmap};
use tapaudit_vocab::ControlProtocol;

pub(crate) enum Parser {
    Ftp(FtpControl),
    Portmap(Portmap),
    DceRpc(DceRpc),
}

pub(crate) struct ControlStream {
    parser: Parser,
    /// Next expected sequence number per direction (0: to server, 1: to client).
    next_seq: [Option<u32>; 2],
}

fn dir_index(d: Direction) -> usize {
    match d {
        Direction::ToServer => 0,
        Direction::ToClient => 1,
    }
}

impl ControlStream {
    pub(crate) fn new(protocol: ControlProtocol) -> Self {
        let parser = match protocol {
            ControlProtocol::Ftp => Parser::Ftp(FtpControl::new()),
            ControlProtocol::OncRpcPortmap => Parser::Portmap(Portmap::new()),
            ControlProtocol::DceRpcEpm => Parser::DceRpc(DceRpc::new()),
        };
        ControlStream {
            parser,
            next_seq: [None, None],
        }
    }

    fn feed(&mut self, dir: Direction, data: &[u8], out: &mut Vec<Announcement>) {
        if data.is_empty() {
            return;
        }
        match &mut self.parser {
            Parser::Ftp(p) => p.feed(dir, data, out),
            Parser::Portmap(p) => p.feed_stream(dir, data, out),
            Parser::DceRpc(p) => p.feed(dir, data, out),
        }
    }

    fn gap(&mut self, dir: Direction) {
        match &mut self.parser {
            Parser::Ftp(p) => p.gap(dir),
            Parser::Portmap(p) => p.gap(dir),
            Parser::DceRpc(p) => p.gap(dir),
        }
    }

    /// A TCP segment. `wire_len` is the payload length on the wire (the captured
    /// `payload` may be shorter when the snaplen cut it).
    pub(crate) fn on_tcp(
        &mut self,
        dir: Direction,
        seq: u32,
        flags: u8,
        payload: &[u8],
        wire_len: u32,
        out: &mut Vec<Announcement>,
    ) {
        use tapaudit_decode::tcp_flags::{FIN, SYN};
        let i = dir_index(dir);
        if flags & SYN != 0 {
            self.next_seq[i] = Some(seq.wrapping_add(1));
            return;
        }
        let expected = *self.next_seq[i].get_or_insert(seq);
        // Signed distance in sequence space (RFC 1982 arithmetic).
        let ahead = seq.wrapping_sub(expected) as i32;
        let mut data = payload;
        if ahead > 0 {
            self.gap(dir);
        } else if ahead < 0 {
            let already = ahead.unsigned_abs() as usize;
            if already >= wire_len as usize {
                return; // pure retransmission
            }
            data = payload.get(already..).unwrap_or(&[]);
        }
        self.feed(dir, data, out);
        // A FIN takes one sequence number, with or without payload.
        let end = seq
            .wrapping_add(wire_len)
            .wrapping_add(u32::from(flags & FIN != 0));
        if (end.wrapping_sub(expected) as i32) > 0 || ahead > 0 {
            self.next_seq[i] = Some(end);
        }
        if payload.len() < wire_len as usize {
            self.gap(dir);
        }
    }

    pub(crate) fn on_udp(&mut self, dir: Direction, payload: &[u8], out: &mut Vec<Announcement>) {
        if let Parser::Portmap(p) = &mut self.parser {
            p.feed_datagram(dir, payload, out);
        }
    }

    pub(crate) fn stats(&self) -> (ControlProtocol, &ParserStats) {
        match &self.parser {
            Parser::Ftp(p) => (ControlProtocol::Ftp, p.stats()),
            Parser::Portmap(p) => (ControlProtocol::OncRpcPortmap, p.stats()),
            Parser::DceRpc(p) => (ControlProtocol::DceRpcEpm, p.stats()),
        }
    }
}

/// Parser counters of every control protocol, indexed by it; serialised as one map entry
/// per protocol under its statistics key (`ftp`, `portmap`, `dcerpc`).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ControlStatsByProtocol([ControlStats; ControlProtocol::COUNT]);

impl ControlStatsByProtocol {
    pub fn get(&self, p: ControlProtocol) -> &ControlStats {
        &self.0[p.index()]
    }
    pub fn get_mut(&mut self, p: ControlProtocol) -> &mut ControlStats {
        &mut self.0[p.index()]
    }
    /// Every protocol with its counters, in [`ControlProtocol::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (ControlProtocol, &ControlStats)> {
        ControlProtocol::ALL.into_iter().zip(self.0.iter())
    }
}

impl Serialize for ControlStatsByProtocol {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(ControlProtocol::COUNT))?;
        for (p, stats) in self.iter() {
            m.serialize_entry(p.stats_key(), stats)?;
        }
        m.end()
    }
}

/// Parser counters summed over every control connection of one protocol.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct ControlStats {
    pub connections: u64,
    pub messages: u64,
    pub announcements: u64,
    pub malformed: u64,
    pub dropped_bytes: u64,
    /// DCE-RPC PDUs at authentication level packet privacy: their stubs are encrypted, so
    /// flows they would announce can only have range evidence.
    pub encrypted_pdus: u64,
    pub unmatched_replies: u64,
    pub gaps: u64,
}

impl ControlStats {
    pub(crate) fn add(&mut self, s: &ParserStats) {
        self.connections += 1;
        self.messages += s.messages;
        self.announcements += s.announcements;
        self.malformed += s.malformed;
        self.dropped_bytes += s.dropped_bytes;
        self.encrypted_pdus += s.encrypted_pdus;
        self.unmatched_replies += s.unmatched_replies;
        self.gaps += s.gaps;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tapaudit_decode::tcp_flags::{ACK, FIN, SYN};

    /// Regression: a bare FIN did not advance the expected sequence number, so the ACK after
    /// it was taken for a hole and every control connection counted a gap.
    #[test]
    fn a_clean_close_is_not_a_gap() {
        let mut c = ControlStream::new(ControlProtocol::Ftp);
        let mut out = Vec::new();
        c.on_tcp(Direction::ToServer, 100, SYN, &[], 0, &mut out);
        c.on_tcp(Direction::ToServer, 101, ACK, b"PASV\r\n", 6, &mut out);
        c.on_tcp(Direction::ToServer, 107, ACK | FIN, &[], 0, &mut out);
        c.on_tcp(Direction::ToServer, 108, ACK, &[], 0, &mut out);
        assert_eq!(c.stats().1.gaps, 0);
    }

    #[test]
    fn a_missing_segment_is_a_gap() {
        let mut c = ControlStream::new(ControlProtocol::Ftp);
        let mut out = Vec::new();
        c.on_tcp(Direction::ToClient, 500, SYN | ACK, &[], 0, &mut out);
        c.on_tcp(Direction::ToClient, 501, ACK, b"220 hi\r\n", 8, &mut out);
        c.on_tcp(Direction::ToClient, 600, ACK, b"227 x\r\n", 7, &mut out);
        assert_eq!(c.stats().1.gaps, 1);
    }
}
