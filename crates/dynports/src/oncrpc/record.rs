//! TCP record marking (RFC 5531 section 11): 4-byte marks, fragments, records; after lost
//! bytes, a scan for a plausible record start. Whole records go to [`Portmap::message`].

use super::{Portmap, MIN_MESSAGE, PROBE_LEN};
use crate::{Announcement, DecodeError, Direction, RPC_MAX_RECORD};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum RecordState {
    /// Reading the 4-byte record mark; `have` bytes of it so far.
    #[default]
    Mark,
    /// Reading a fragment body.
    Body { remaining: usize, last: bool },
    /// After a gap: looking for a plausible record mark + message start.
    Resync,
}

#[derive(Default)]
pub(super) struct RecordStream {
    state: RecordState,
    mark: Vec<u8>,
    record: Vec<u8>,
    /// The current record went over [`RPC_MAX_RECORD`]: drop it to its last fragment.
    oversized: bool,
    /// Bytes kept while resynchronising (bounded).
    resync: Vec<u8>,
    /// The first bytes of the stream while its first record is checked.
    probe: [u8; PROBE_LEN],
    probe_len: u8,
    /// A record start was found by the resynchronising scan.
    found: bool,
}

impl std::fmt::Debug for RecordStream {
    // Sizes only: buffered records are payload.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecordStream")
            .field("state", &self.state)
            .field("record_len", &self.record.len())
            .field("oversized", &self.oversized)
            .field("resync_len", &self.resync.len())
            .finish()
    }
}

impl RecordStream {
    /// Adds `data` to the first bytes; all [`PROBE_LEN`] of them once they are there.
    pub(super) fn probe(&mut self, data: &[u8]) -> Option<[u8; PROBE_LEN]> {
        let have = usize::from(self.probe_len);
        let n = data.len().min(PROBE_LEN - have);
        self.probe[have..have + n].copy_from_slice(&data[..n]);
        self.probe_len = (have + n) as u8;
        (usize::from(self.probe_len) == PROBE_LEN).then_some(self.probe)
    }

    pub(super) fn probe_len(&self) -> usize {
        usize::from(self.probe_len)
    }

    /// The start was not seen: look for a record start as after a gap.
    pub(super) fn midstream(&mut self) {
        self.state = RecordState::Resync;
    }

    /// Whether the scan found a record start (since the stream was made).
    pub(super) fn found_start(&self) -> bool {
        self.found
    }

    /// Bytes were lost: drops the partial record and looks for a plausible record start.
    /// Returns how many bytes were dropped.
    pub(super) fn gap(&mut self) -> usize {
        let partial = self.record.len() + self.mark.len() + self.resync.len();
        *self = RecordStream {
            state: RecordState::Resync,
            found: self.found,
            ..RecordStream::default()
        };
        partial
    }
}

impl Portmap {
    /// Feeds in-order TCP bytes of one direction (RFC 5531 section 11 record marking).
    pub(super) fn feed_stream(&mut self, dir: Direction, data: &[u8], out: &mut Vec<Announcement>) {
        let mut data = data;
        while !data.is_empty() {
            let stream = &mut self.streams[dir.index()];
            match stream.state {
                RecordState::Resync => {
                    data = self.resync(dir, data, out);
                }
                RecordState::Mark => {
                    let need = 4 - stream.mark.len();
                    let n = need.min(data.len());
                    stream.mark.extend_from_slice(&data[..n]);
                    data = &data[n..];
                    if stream.mark.len() < 4 {
                        continue;
                    }
                    let mut word = [0u8; 4];
                    word.copy_from_slice(&stream.mark);
                    stream.mark.clear();
                    let word = u32::from_be_bytes(word);
                    let last = word & 0x8000_0000 != 0;
                    let len = (word & 0x7fff_ffff) as usize;
                    if !stream.oversized && stream.record.len() + len > RPC_MAX_RECORD {
                        self.stats.dropped_bytes += stream.record.len() as u64;
                        stream.record.clear();
                        stream.oversized = true;
                        self.stats.malformed(DecodeError::Invalid {
                            context: "ONC RPC record",
                            what: "record longer than the limit",
                            offset: 0,
                        });
                    }
                    stream.state = RecordState::Body {
                        remaining: len,
                        last,
                    };
                    if len == 0 {
                        self.end_fragment(dir, out);
                    }
                }
                RecordState::Body { remaining, last } => {
                    let n = remaining.min(data.len());
                    if stream.oversized {
                        self.stats.dropped_bytes += n as u64;
                    } else {
                        stream.record.extend_from_slice(&data[..n]);
                    }
                    data = &data[n..];
                    stream.state = RecordState::Body {
                        remaining: remaining - n,
                        last,
                    };
                    if remaining == n {
                        self.end_fragment(dir, out);
                    }
                }
            }
        }
    }

    fn end_fragment(&mut self, dir: Direction, out: &mut Vec<Announcement>) {
        let stream = &mut self.streams[dir.index()];
        let RecordState::Body { last, .. } = stream.state else {
            return;
        };
        stream.state = RecordState::Mark;
        if !last {
            return;
        }
        let record = std::mem::take(&mut stream.record);
        let oversized = std::mem::replace(&mut stream.oversized, false);
        if !oversized {
            self.message(dir, &record, out);
        }
        // Reuse the allocation for the next record.
        let stream = &mut self.streams[dir.index()];
        stream.record = record;
        stream.record.clear();
    }

    /// Scans for a plausible record start: a last-fragment mark of sane length followed by a
    /// portmapper call, or by a reply whose XID is pending. Returns the unconsumed input.
    fn resync<'d>(
        &mut self,
        dir: Direction,
        data: &'d [u8],
        out: &mut Vec<Announcement>,
    ) -> &'d [u8] {
        const WINDOW: usize = 4 + MIN_MESSAGE + 4;
        let stream = &mut self.streams[dir.index()];
        // Bounded: at most WINDOW - 1 old bytes plus one chunk slice of WINDOW bytes.
        let take = data.len().min(RPC_MAX_RECORD);
        stream.resync.extend_from_slice(&data[..take]);
        let rest = &data[take..];
        let buf = std::mem::take(&mut stream.resync);
        let found = (0..buf.len().saturating_sub(WINDOW - 1))
            .find(|&p| self.plausible_start(dir, &buf[p..]));
        match found {
            Some(p) => {
                self.stats.dropped_bytes += p as u64;
                let stream = &mut self.streams[dir.index()];
                stream.state = RecordState::Mark;
                stream.found = true;
                stream.mark.clear();
                stream.record.clear();
                stream.oversized = false;
                // The bytes from `p` on were already taken out of `data`: replay them.
                self.feed_stream(dir, &buf[p..], out);
                rest
            }
            None => {
                let keep = buf.len().min(WINDOW - 1);
                self.stats.dropped_bytes += (buf.len() - keep) as u64;
                self.streams[dir.index()].resync = buf[buf.len() - keep..].to_vec();
                rest
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{
        conversation, expected_conversation, framed, nfs_tcp, DUMP_V2_REPLY, GETPORT_NFS_CALL,
        GETPORT_NFS_REPLY,
    };
    use super::*;
    use crate::test_util::hex;
    use crate::ControlParser;

    #[test]
    fn record_marking_fragments_and_records_split_at_every_byte() {
        let conv = conversation();
        for (i, (dir, bytes)) in conv.iter().enumerate() {
            for split in 0..=bytes.len() {
                let mut p = Portmap::new();
                let mut out = Vec::new();
                for (j, (d, b)) in conv.iter().enumerate() {
                    if i == j {
                        p.feed(*dir, &bytes[..split], &mut out);
                        p.feed(*dir, &bytes[split..], &mut out);
                    } else {
                        p.feed(*d, b, &mut out);
                    }
                }
                assert_eq!(out, expected_conversation(), "split {i} at {split}");
                assert_eq!(p.stats().malformed, 0);
            }
        }
        // One byte at a time.
        let mut p = Portmap::new();
        let mut out = Vec::new();
        for (d, b) in &conv {
            for byte in b.chunks(1) {
                p.feed(*d, byte, &mut out);
            }
        }
        assert_eq!(out, expected_conversation());
    }

    #[test]
    fn gap_drops_the_partial_record_and_resyncs_on_the_next() {
        let mut p = Portmap::new();
        let mut out = Vec::new();
        p.feed(
            Direction::ToServer,
            &framed(&hex(GETPORT_NFS_CALL)),
            &mut out,
        );
        let reply = framed(&hex(DUMP_V2_REPLY));
        // Half of an unrelated record, then bytes lost, then garbage, then a real reply.
        p.feed(Direction::ToClient, &reply[..30], &mut out);
        p.gap(Direction::ToClient);
        p.feed(Direction::ToClient, &reply[50..], &mut out);
        p.feed(
            Direction::ToClient,
            &framed(&hex(GETPORT_NFS_REPLY)),
            &mut out,
        );
        assert_eq!(out, vec![nfs_tcp()]);
        assert_eq!(p.stats().gaps, 1);
        assert!(p.stats().dropped_bytes >= 30);
    }

    #[test]
    fn oversized_record_is_dropped_and_the_next_one_parsed() {
        let mut p = Portmap::new();
        let mut out = Vec::new();
        p.feed(
            Direction::ToServer,
            &framed(&hex(GETPORT_NFS_CALL)),
            &mut out,
        );
        let big = vec![0u8; RPC_MAX_RECORD + 1];
        p.feed(Direction::ToClient, &framed(&big), &mut out);
        p.feed(
            Direction::ToClient,
            &framed(&hex(GETPORT_NFS_REPLY)),
            &mut out,
        );
        assert_eq!(out, vec![nfs_tcp()]);
        assert_eq!(p.stats().malformed, 1);
        assert_eq!(p.stats().dropped_bytes, big.len() as u64);
    }

    proptest::proptest! {
        #[test]
        fn mutated_records_never_panic_and_chunking_is_irrelevant(
            flips in proptest::collection::vec((0usize..100_000, proptest::num::u8::ANY), 0..6),
            splits in proptest::collection::vec(0usize..1000, 2),
        ) {
            let mut conv = conversation();
            for (at, v) in &flips {
                let bytes = &mut conv[at % 2].1;
                let i = (at / 2) % bytes.len();
                bytes[i] = *v;
            }
            let mut whole = Portmap::new();
            let mut out_whole = Vec::new();
            let mut split = Portmap::new();
            let mut out_split = Vec::new();
            for ((d, b), at) in conv.iter().zip(&splits) {
                whole.feed(*d, b, &mut out_whole);
                let at = at % (b.len() + 1);
                split.feed(*d, &b[..at], &mut out_split);
                split.feed(*d, &b[at..], &mut out_split);
                // The same bytes as datagrams must not panic either.
                Portmap::new().datagram(*d, b, &mut Vec::new());
                Portmap::new().datagram(*d, b.get(4..).unwrap_or_default(), &mut Vec::new());
            }
            proptest::prop_assert_eq!(out_whole, out_split);
        }
    }
}
