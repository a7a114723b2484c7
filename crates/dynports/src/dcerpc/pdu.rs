//! The connection-oriented common header (C706 12.6.3.1), PDUs cut out of one direction's
//! byte stream, and the auth trailer (C706 13.2.6.1, MS-RPCE 2.2.2.11).

use crate::reader::{Endian, Reader};
use crate::{DecodeError, ParserStats};

pub(super) const HEADER_LEN: usize = 16;
const SEC_TRAILER_LEN: usize = 8;

pub(super) const PTYPE_REQUEST: u8 = 0;
pub(super) const PTYPE_RESPONSE: u8 = 2;
pub(super) const PTYPE_FAULT: u8 = 3;
pub(super) const PTYPE_BIND: u8 = 11;
pub(super) const PTYPE_BIND_ACK: u8 = 12;
pub(super) const PTYPE_BIND_NAK: u8 = 13;
pub(super) const PTYPE_ALTER_CONTEXT: u8 = 14;
pub(super) const PTYPE_ALTER_CONTEXT_RESP: u8 = 15;

pub(super) const PFC_FIRST_FRAG: u8 = 0x01;
pub(super) const PFC_LAST_FRAG: u8 = 0x02;
pub(super) const PFC_OBJECT_UUID: u8 = 0x80;

const AUTH_LEVEL_PKT_PRIVACY: u8 = 6;

#[derive(Debug, Clone, Copy)]
pub(super) struct Header {
    pub(super) ptype: u8,
    pub(super) flags: u8,
    pub(super) endian: Endian,
    pub(super) frag_len: usize,
    pub(super) auth_len: usize,
    pub(super) call_id: u32,
}

impl Header {
    /// Parses the 16-byte common header; `None` if it is not a DCE-RPC v5 CO header.
    fn parse(b: &[u8]) -> Option<Header> {
        let h = b.get(..HEADER_LEN)?;
        if h[0] != 5 || h[1] > 1 {
            return None;
        }
        let endian = match h[4] & 0xf0 {
            0x00 => Endian::Big,
            0x10 => Endian::Little,
            _ => return None,
        };
        let mut r = Reader::new(&h[8..], endian, "DCE-RPC header");
        let frag_len = usize::from(r.u16().ok()?);
        let auth_len = usize::from(r.u16().ok()?);
        let call_id = r.u32().ok()?;
        if frag_len < HEADER_LEN
            || (auth_len > 0 && HEADER_LEN + SEC_TRAILER_LEN + auth_len > frag_len)
        {
            return None;
        }
        Some(Header {
            ptype: h[2],
            flags: h[3],
            endian,
            frag_len,
            auth_len,
            call_id,
        })
    }

    /// Stricter check used to find a PDU start after lost bytes.
    fn plausible(b: &[u8]) -> bool {
        let Some(h) = Header::parse(b) else {
            return false;
        };
        matches!(h.ptype, 0 | 2 | 3 | 11..=19) && b[5] <= 1 && b[6] <= 3 && b[7] == 0
    }

    pub(super) fn first_frag(&self) -> bool {
        self.flags & PFC_FIRST_FRAG != 0
    }

    pub(super) fn last_frag(&self) -> bool {
        self.flags & PFC_LAST_FRAG != 0
    }

    /// The body of a whole PDU (after the header, auth padding included) and what its
    /// sec_trailer says; the trailer and the auth verifier are cut off.
    pub(super) fn split<'a>(&self, pdu: &'a [u8]) -> (&'a [u8], Auth) {
        let body_end = self.frag_len
            - if self.auth_len > 0 {
                self.auth_len + SEC_TRAILER_LEN
            } else {
                0
            };
        let auth = if self.auth_len > 0 {
            let t = pdu
                .get(body_end..body_end + SEC_TRAILER_LEN)
                .unwrap_or_default();
            Auth {
                level: t.get(1).copied().unwrap_or(0),
                pad: usize::from(t.get(2).copied().unwrap_or(0)),
            }
        } else {
            Auth::default()
        };
        (pdu.get(HEADER_LEN..body_end).unwrap_or_default(), auth)
    }
}

/// The sec_trailer's authentication level and padding length (both 0 without one).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Auth {
    level: u8,
    /// Bytes of auth padding at the end of the body.
    pub(super) pad: usize,
}

impl Auth {
    /// Packet privacy: the stub is encrypted.
    pub(super) fn privacy(self) -> bool {
        self.level == AUTH_LEVEL_PKT_PRIVACY
    }
}

/// What [`Framer::next`] found.
#[derive(Debug, Clone, Copy)]
pub(super) enum Next {
    /// A whole PDU is buffered: [`Framer::pdu`] is it, until [`Framer::consumed`].
    Pdu(Header),
    /// The input ran out first.
    More,
    /// The stream is not DCE-RPC: its first bytes are no PDU header, or no plausible header
    /// was found within [`RESYNC_BUDGET`] bytes of a stream that never carried a PDU.
    NotProtocol,
}

/// How far a stream that never carried a whole PDU (its start not seen, or lost) is scanned
/// for a plausible header before it is given up: two of the largest fragments.
pub(super) const RESYNC_BUDGET: usize = 2 * (u16::MAX as usize + 1);

/// Cuts one direction's byte stream into PDUs. Holds at most one PDU (65535 bytes).
///
/// At the stream's start the first 16 bytes must be a plausible header, or the stream is
/// not DCE-RPC ([`Next::NotProtocol`]): it is decided on one header, nothing is buffered
/// past it. After lost bytes, or when the start was not seen, the input is scanned in place
/// (no copy, no shift) for a plausible header; at most 15 bytes are carried between chunks.
#[derive(Default)]
pub(super) struct Framer {
    buf: Vec<u8>,
    /// Bytes were lost or garbage seen: only a plausible header ends the search.
    resync: bool,
    /// A whole PDU was cut out of this direction: later garbage is resynchronised on, not
    /// taken for another protocol.
    confirmed: bool,
    /// Bytes scanned while resynchronising a stream that is not yet confirmed.
    scanned: usize,
}

impl std::fmt::Debug for Framer {
    // Sizes only: a buffered PDU is payload (and may carry auth tokens).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Framer")
            .field("buffered", &self.buf.len())
            .field("resync", &self.resync)
            .field("confirmed", &self.confirmed)
            .finish()
    }
}

impl Framer {
    /// Takes from `data` what completes the buffered PDU; see [`Next`]. `may_give_up`:
    /// whether this direction may decide the stream is not DCE-RPC (not when the other
    /// direction already carried PDUs: then bad bytes here are resynchronised on).
    pub(super) fn next(
        &mut self,
        data: &mut &[u8],
        stats: &mut ParserStats,
        may_give_up: bool,
    ) -> Next {
        loop {
            if self.resync {
                if !self.scan(data, stats) {
                    if may_give_up && !self.confirmed && self.scanned > RESYNC_BUDGET {
                        return Next::NotProtocol;
                    }
                    return Next::More;
                }
                self.resync = false;
            }
            // Copy only what completes the header or the PDU: the buffer never holds more
            // than one PDU.
            if self.buf.len() < HEADER_LEN {
                let input: &[u8] = data;
                let n = (HEADER_LEN - self.buf.len()).min(input.len());
                self.buf.extend_from_slice(&input[..n]);
                *data = &input[n..];
                if self.buf.len() < HEADER_LEN {
                    return Next::More;
                }
            }
            let header = if self.confirmed {
                Header::parse(&self.buf)
            } else {
                Header::parse(&self.buf).filter(|_| Header::plausible(&self.buf))
            };
            let Some(h) = header else {
                if !self.confirmed && may_give_up {
                    // The first header of the stream: decided here, nothing buffered.
                    self.release();
                    return Next::NotProtocol;
                }
                self.resync = true;
                stats.malformed(DecodeError::Invalid {
                    context: "DCE-RPC header",
                    what: "version, data representation or lengths",
                    offset: 0,
                });
                // The scan goes on from the header's second byte (15 bytes moved, once).
                stats.dropped_bytes += 1;
                self.buf.remove(0);
                continue;
            };
            let input: &[u8] = data;
            let n = h.frag_len.saturating_sub(self.buf.len()).min(input.len());
            self.buf.extend_from_slice(&input[..n]);
            *data = &input[n..];
            if self.buf.len() < h.frag_len {
                return Next::More;
            }
            self.confirmed = true;
            return Next::Pdu(h);
        }
    }

    /// Looks for a plausible header in the carried bytes (fewer than 16) followed by
    /// `data`. On success the buffer holds the 16 header bytes and `data` is past them;
    /// otherwise everything but a possible header start (at most 15 bytes) is dropped.
    fn scan(&mut self, data: &mut &[u8], stats: &mut ParserStats) -> bool {
        let input: &[u8] = data;
        let carry = self.buf.len();
        self.scanned = self.scanned.saturating_add(input.len());
        // Candidates that start in the carried bytes.
        for p in 0..carry {
            if self.buf[p] != 5 {
                continue;
            }
            let mut h = [0u8; HEADER_LEN];
            let have = carry - p;
            h[..have].copy_from_slice(&self.buf[p..]);
            let more = (HEADER_LEN - have).min(input.len());
            h[have..have + more].copy_from_slice(&input[..more]);
            if have + more < HEADER_LEN {
                // Too few bytes to tell: keep them all for the next chunk.
                stats.dropped_bytes += p as u64;
                self.buf.clear();
                self.buf.extend_from_slice(&h[..have + more]);
                *data = &input[more..];
                return false;
            }
            if Header::plausible(&h) {
                stats.dropped_bytes += p as u64;
                self.buf.clear();
                self.buf.extend_from_slice(&h);
                *data = &input[more..];
                return true;
            }
        }
        stats.dropped_bytes += carry as u64;
        self.buf.clear();
        for p in memchr::memchr_iter(5, input) {
            let rest = &input[p..];
            if rest.len() < HEADER_LEN {
                stats.dropped_bytes += p as u64;
                self.buf.extend_from_slice(rest);
                *data = &[];
                return false;
            }
            if Header::plausible(&rest[..HEADER_LEN]) {
                stats.dropped_bytes += p as u64;
                self.buf.extend_from_slice(&rest[..HEADER_LEN]);
                *data = &rest[HEADER_LEN..];
                return true;
            }
        }
        stats.dropped_bytes += input.len() as u64;
        *data = &[];
        false
    }

    /// The whole PDU [`Framer::next`] returned the header of.
    pub(super) fn pdu(&self) -> &[u8] {
        &self.buf
    }

    /// The PDU was handled: start on the next one (keeping the allocation).
    pub(super) fn consumed(&mut self) {
        self.buf.clear();
    }

    /// Bytes were lost: drops the partial PDU and looks for a plausible header. Returns
    /// how many bytes were dropped.
    pub(super) fn gap(&mut self) -> usize {
        let dropped = self.buf.len();
        self.buf.clear();
        self.resync = true;
        dropped
    }

    /// The stream's start was not seen: look for a plausible header, as after a gap.
    pub(super) fn midstream(&mut self) {
        self.resync = true;
    }

    /// A whole PDU was cut out of this direction.
    pub(super) fn confirmed(&self) -> bool {
        self.confirmed
    }

    /// Frees the buffer (the stream is not DCE-RPC).
    pub(super) fn release(&mut self) {
        self.buf = Vec::new();
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_pdus::{
        ept_map_conversation, ept_map_expected, ept_map_stub, pdu, response_body, run, three_towers,
    };
    use super::*;
    use crate::dcerpc::DceRpc;
    use crate::{ControlParser, Direction};

    #[test]
    fn split_at_every_byte_boundary() {
        for le in [true, false] {
            let conv = ept_map_conversation(le);
            for (i, (_, bytes)) in conv.iter().enumerate() {
                for split in 0..=bytes.len() {
                    let mut p = DceRpc::new();
                    let mut out = Vec::new();
                    for (j, (d, b)) in conv.iter().enumerate() {
                        if i == j {
                            p.feed(*d, &b[..split], &mut out);
                            p.feed(*d, &b[split..], &mut out);
                        } else {
                            p.feed(*d, b, &mut out);
                        }
                    }
                    assert_eq!(out, ept_map_expected(), "le={le} pdu {i} split {split}");
                }
            }
            // All PDUs of a direction in one chunk.
            let mut p = DceRpc::new();
            let mut out = Vec::new();
            let to_server: Vec<u8> = [&conv[0].1[..], &conv[2].1[..]].concat();
            let to_client: Vec<u8> = [&conv[1].1[..], &conv[3].1[..]].concat();
            p.feed(Direction::ToServer, &to_server, &mut out);
            p.feed(Direction::ToClient, &to_client, &mut out);
            assert_eq!(out, ept_map_expected());
        }
    }

    #[test]
    fn auth_trailer_is_stripped_and_privacy_is_counted() {
        for le in [true, false] {
            let stub = ept_map_stub(le, &three_towers(), 0);
            let body = response_body(le, &stub);
            // Packet integrity (5): stub readable, 4 bytes of auth padding, 16-byte verifier.
            let mut conv = ept_map_conversation(le);
            conv[3].1 = pdu(le, PTYPE_RESPONSE, 3, 2, &body, Some((5, 4, 16)));
            let (out, p) = run(&conv);
            assert_eq!(out, ept_map_expected());
            assert_eq!(p.stats().encrypted_pdus, 0);
            // Packet privacy (6): unreadable, counted, nothing announced.
            conv[3].1 = pdu(le, PTYPE_RESPONSE, 3, 2, &body, Some((6, 4, 16)));
            let (out, p) = run(&conv);
            assert!(out.is_empty());
            assert_eq!(p.stats().encrypted_pdus, 1);
            assert_eq!(p.stats().encrypted_bytes, stub.len() as u64);
            assert!(p.association.calls.is_empty());
        }
    }

    #[test]
    fn gap_resyncs_on_the_next_pdu() {
        let conv = ept_map_conversation(true);
        let mut p = DceRpc::new();
        let mut out = Vec::new();
        p.feed(Direction::ToServer, &conv[0].1, &mut out);
        p.feed(Direction::ToClient, &conv[1].1, &mut out);
        p.feed(Direction::ToServer, &conv[2].1, &mut out);
        // Half a response, lost bytes, the tail of something, then the real response.
        p.feed(Direction::ToClient, &conv[3].1[..40], &mut out);
        p.gap(Direction::ToClient);
        p.feed(Direction::ToClient, &[0x11; 37], &mut out);
        p.feed(Direction::ToClient, &conv[3].1, &mut out);
        assert_eq!(out, ept_map_expected());
        assert_eq!(p.stats().dropped_bytes, 40 + 37);
        // Garbage without a gap after a PDU is malformed, then resynchronised.
        let mut p = DceRpc::new();
        let mut out = Vec::new();
        p.feed(Direction::ToServer, &conv[0].1, &mut out);
        p.feed(Direction::ToServer, b"GET / HTTP/1.1\r\n\r\n", &mut out);
        for (d, b) in &conv[1..] {
            p.feed(*d, b, &mut out);
        }
        assert_eq!(out, ept_map_expected());
        assert_eq!(p.stats().malformed, 1);
        assert_eq!(p.stats().not_protocol, 0);
    }

    /// A stream whose first 16 bytes are no PDU header is decided at once: nothing
    /// buffered, nothing scanned, the rest ignored (a real PDU after it too).
    #[test]
    fn a_stream_that_is_not_dcerpc_is_decided_on_its_first_header() {
        let conv = ept_map_conversation(true);
        for junk in [
            &b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"[..],
            b"\x05\x00\x63\x03\x10\x00\x00\x00\x48\x00\x00\x00\x01\x00\x00\x00", // ptype 99
            b"\x05\x02\x0b\x03\x10\x00\x00\x00\x48\x00\x00\x00\x01\x00\x00\x00", // minor 2
            b"\x05\x00\x0b\x03\x10\x00\x00\x00\x08\x00\x00\x00\x01\x00\x00\x00", // frag_len 8
            b"\x05\x00\x0b\x03\x20\x00\x00\x00\x48\x00\x00\x00\x01\x00\x00\x00", // drep
        ] {
            let mut p = DceRpc::new();
            let mut out = Vec::new();
            p.feed(Direction::ToServer, junk, &mut out);
            assert_eq!(p.stats().not_protocol, 1);
            assert!(p.is_not_protocol());
            for (d, b) in &conv {
                p.feed(*d, b, &mut out);
            }
            assert!(out.is_empty());
            assert_eq!(p.stats().messages, 0);
            assert_eq!(p.stats().malformed, 0);
            assert!(p.framers.iter().all(|f| f.pdu().is_empty()));
        }
    }

    /// A capture that starts inside a connection: the first bytes are the tail of a PDU;
    /// the scan finds the next header, within the budget, without shifting the buffer.
    #[test]
    fn midstream_start_resyncs_and_junk_midstream_is_given_up() {
        let conv = ept_map_conversation(true);
        let mut p = DceRpc::new();
        let mut out = Vec::new();
        p.midstream(Direction::ToServer);
        p.midstream(Direction::ToClient);
        // The tails of earlier PDUs (of another association's bind), then the conversation.
        p.feed(Direction::ToServer, &conv[0].1[20..], &mut out);
        p.feed(Direction::ToClient, &conv[1].1[7..], &mut out);
        for (d, b) in &conv {
            p.feed(*d, b, &mut out);
        }
        assert_eq!(out, ept_map_expected());
        assert_eq!(p.stats().not_protocol, 0);
        // Midstream junk: given up once the budget is scanned, byte by byte or in one go.
        for chunk in [1usize, 1400, RESYNC_BUDGET + 1] {
            let mut p = DceRpc::new();
            p.midstream(Direction::ToServer);
            let junk = vec![0x05u8; RESYNC_BUDGET + 100];
            for c in junk.chunks(chunk) {
                p.feed(Direction::ToServer, c, &mut out);
            }
            assert_eq!(p.stats().not_protocol, 1, "chunk {chunk}");
            assert!(p.framers[0].pdu().len() < HEADER_LEN);
        }
    }
}
