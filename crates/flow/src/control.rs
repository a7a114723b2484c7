//! Control connections: in-order bytes per direction for the protocol parsers.
//!
//! Only flows on a control port (FTP 21, portmapper 111, endpoint mapper 135, or what the
//! rules configure) get one. Reassembly is deliberately simple: bytes are fed in sequence
//! order; a retransmission feeds only what is new; a hole (lost or out-of-order segment, or
//! a payload cut by the snaplen) is reported to the parser as a gap, which resynchronises.
//! Nothing here depends on the protocol: `tapaudit_dynports::parser_for` picks the parser.

use serde::Serialize;
use tapaudit_dynports::{parser_for, Announcement, ControlParser, Direction, ParserStats};
use tapaudit_vocab::ControlProtocol;

pub(crate) struct ControlStream {
    protocol: ControlProtocol,
    /// Made when the first byte, datagram or gap reaches it: connections to a control port
    /// that never carry payload (scans, refused or idle connections) cost no parser.
    parser: Option<Box<dyn ControlParser>>,
    /// Next expected sequence number per direction ([`Direction::index`]).
    next_seq: [Option<u32>; 2],
    /// Per direction: its first segment was not a SYN (the capture began inside the
    /// connection), to tell the parser before its first bytes.
    midstream: [bool; 2],
    /// Per direction: the start was seen before this stream was made (the handshake of a
    /// stream made at its first payload byte).
    start_seen: [bool; 2],
}

/// What stands in for a parser that decided its connection is not its protocol: its
/// counters, nothing else (the parser's buffers and state are freed).
struct NotProtocol(ParserStats);

impl ControlParser for NotProtocol {
    fn feed(&mut self, _: Direction, _: &[u8], _: &mut Vec<Announcement>) {}
    fn gap(&mut self, _: Direction) {
        self.0.gaps += 1;
    }
    fn is_not_protocol(&self) -> bool {
        true
    }
    fn stats(&self) -> &ParserStats {
        &self.0
    }
}

impl ControlStream {
    pub(crate) fn new(protocol: ControlProtocol) -> Self {
        ControlStream {
            protocol,
            parser: None,
            next_seq: [None, None],
            midstream: [false, false],
            start_seen: [false, false],
        }
    }

    /// A stream made at the first payload byte of a TCP control connection, after what the
    /// flow saw of the handshake: the client's initial sequence number if its SYN was
    /// seen, and whether the server's SYN-ACK was. The flow table makes none on the SYN,
    /// so a handshake (or a SYN flood) to a control port costs no control state.
    pub(crate) fn after_handshake(
        protocol: ControlProtocol,
        client_isn: Option<u32>,
        synack_seen: bool,
    ) -> Self {
        let mut c = ControlStream::new(protocol);
        c.next_seq[Direction::ToServer.index()] = client_isn.map(|isn| isn.wrapping_add(1));
        c.start_seen = [client_isn.is_some(), synack_seen];
        c
    }

    fn parser(&mut self) -> &mut dyn ControlParser {
        let protocol = self.protocol;
        self.parser
            .get_or_insert_with(|| parser_for(protocol))
            .as_mut()
    }

    fn feed(&mut self, dir: Direction, data: &[u8], out: &mut Vec<Announcement>) {
        if data.is_empty() {
            return;
        }
        let midstream = std::mem::take(&mut self.midstream[dir.index()]);
        let parser = self.parser();
        if parser.is_not_protocol() {
            return;
        }
        if midstream {
            parser.midstream(dir);
        }
        parser.feed(dir, data, out);
        if parser.is_not_protocol() {
            // Keep the counters only: a stream that is not the protocol costs no more.
            let stats = parser.stats().clone();
            self.parser = Some(Box::new(NotProtocol(stats)));
        }
    }

    fn gap(&mut self, dir: Direction) {
        self.parser().gap(dir);
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
        let i = dir.index();
        if flags & SYN != 0 {
            self.next_seq[i] = Some(seq.wrapping_add(1));
            return;
        }
        let expected = match self.next_seq[i] {
            Some(e) => e,
            None => {
                // No SYN seen in this direction: its start is unknown.
                self.midstream[i] = !self.start_seen[i];
                self.next_seq[i] = Some(seq);
                seq
            }
        };
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

    /// A UDP datagram, whole.
    pub(crate) fn on_udp(&mut self, dir: Direction, payload: &[u8], out: &mut Vec<Announcement>) {
        self.parser().datagram(dir, payload, out);
    }

    /// The protocol, if this stream carried it: its parser read messages and did not rule
    /// the protocol out.
    pub(crate) fn carried(&self) -> Option<ControlProtocol> {
        let p = self.parser.as_deref()?;
        (!p.is_not_protocol() && p.stats().messages > 0).then_some(self.protocol)
    }

    /// The protocol, and its parser's counters unless no byte ever reached it.
    pub(crate) fn stats(&self) -> (ControlProtocol, Option<&ParserStats>) {
        (self.protocol, self.parser.as_deref().map(|p| p.stats()))
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
    /// Connections the parser decided early were not its protocol (a first message header
    /// that cannot be one, or no message start within a bounded scan), and stopped
    /// reading. Left out of the JSON while 0.
    #[serde(skip_serializing_if = "is_zero")]
    pub not_protocol: u64,
    /// Connections found by content on a port that is not a control port (FTP on 2121, a
    /// portmapper elsewhere, DCE-RPC on a dynamic port); counted in `connections` too. Left
    /// out of the JSON while 0.
    #[serde(skip_serializing_if = "is_zero")]
    pub found_by_content: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl ControlStats {
    /// The parser counters of one control connection, if it had a parser (connections are
    /// counted when their flow is made).
    pub(crate) fn add(&mut self, s: Option<&ParserStats>) {
        let Some(s) = s else {
            return;
        };
        self.messages += s.messages;
        self.announcements += s.announcements;
        self.malformed += s.malformed;
        self.dropped_bytes += s.dropped_bytes;
        self.encrypted_pdus += s.encrypted_pdus;
        self.unmatched_replies += s.unmatched_replies;
        self.gaps += s.gaps;
        self.not_protocol += s.not_protocol;
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
        assert_eq!(c.stats().1.map(|s| s.gaps), Some(0));
    }

    #[test]
    fn a_missing_segment_is_a_gap() {
        let mut c = ControlStream::new(ControlProtocol::Ftp);
        let mut out = Vec::new();
        c.on_tcp(Direction::ToClient, 500, SYN | ACK, &[], 0, &mut out);
        c.on_tcp(Direction::ToClient, 501, ACK, b"220 hi\r\n", 8, &mut out);
        c.on_tcp(Direction::ToClient, 600, ACK, b"227 x\r\n", 7, &mut out);
        assert_eq!(c.stats().1.map(|s| s.gaps), Some(1));
    }

    /// Parser state only for control connections that carry bytes: a handshake and a close
    /// make none, and the connection is still counted.
    #[test]
    fn no_parser_until_the_first_payload_byte() {
        let mut c = ControlStream::new(ControlProtocol::DceRpcEpm);
        let mut out = Vec::new();
        c.on_tcp(Direction::ToServer, 100, SYN, &[], 0, &mut out);
        c.on_tcp(Direction::ToClient, 700, SYN | ACK, &[], 0, &mut out);
        c.on_tcp(Direction::ToServer, 101, ACK, &[], 0, &mut out);
        c.on_tcp(Direction::ToServer, 101, ACK | FIN, &[], 0, &mut out);
        assert!(c.parser.is_none());
        c.on_tcp(Direction::ToClient, 701, ACK, b"\x05", 1, &mut out);
        assert!(c.parser.is_some());
    }
}
