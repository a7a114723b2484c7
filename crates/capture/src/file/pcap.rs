//! Classic pcap: the file header and the records after it.

use pcap_parser::{parse_pcap_frame, parse_pcap_frame_be};
use tapaudit_vocab::CaptureInterface;

use super::{u32_at, FileReader, State, PCAP_MAGIC_MICRO, PCAP_MAGIC_NANO};
use crate::{CaptureError, ErrorKind, Frame, LinkType, Timestamp, MAX_RECORD_LEN};

impl<'a> FileReader<'a> {
    /// Reads the file header. None when it was read (keep going); Some(error) otherwise.
    pub(super) fn read_pcap_header(&mut self) -> Option<Option<Result<Frame<'a>, CaptureError>>> {
        let rest = &self.data[self.offset..];
        if rest.len() < 24 {
            return Some(self.fail(ErrorKind::TruncatedFileHeader {
                need: 24,
                have: rest.len(),
            }));
        }
        let magic = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
        let big_endian = !(magic == PCAP_MAGIC_MICRO || magic == PCAP_MAGIC_NANO);
        let nanos = magic == PCAP_MAGIC_NANO || magic.swap_bytes() == PCAP_MAGIC_NANO;
        let lt = [rest[20], rest[21], rest[22], rest[23]];
        let linktype = if big_endian {
            u32::from_be_bytes(lt)
        } else {
            u32::from_le_bytes(lt)
        };
        // The upper 16 bits may carry FCS information (pcap spec, LinkType field).
        let link = LinkType::from_linktype((linktype & 0x0fff_ffff) as i32);
        let sl = [rest[16], rest[17], rest[18], rest[19]];
        self.summaries.push(CaptureInterface {
            link_type: link,
            snaplen: if big_endian {
                u32::from_be_bytes(sl)
            } else {
                u32::from_le_bytes(sl)
            },
            ..CaptureInterface::default()
        });
        self.offset = 24;
        self.state = State::PcapRecords {
            big_endian,
            nanos,
            link,
        };
        None
    }

    pub(super) fn next_pcap_record(
        &mut self,
        big_endian: bool,
        nanos: bool,
        link: LinkType,
    ) -> Option<Result<Frame<'a>, CaptureError>> {
        let rest = &self.data[self.offset..];
        if rest.is_empty() {
            return self.at_end();
        }
        self.record += 1;
        if rest.len() < 16 {
            return self.fail(ErrorKind::TruncatedRecordHeader {
                need: 16,
                have: rest.len(),
            });
        }
        let field = |i: usize| {
            let b = [rest[i], rest[i + 1], rest[i + 2], rest[i + 3]];
            if big_endian {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            }
        };
        let caplen = field(8);
        if caplen > MAX_RECORD_LEN {
            return self.fail(ErrorKind::AbsurdLength(caplen));
        }
        if rest.len() - 16 < caplen as usize {
            return self.fail(ErrorKind::TruncatedRecord {
                need: caplen as usize,
                have: rest.len() - 16,
            });
        }
        let parsed = if big_endian {
            parse_pcap_frame_be(rest)
        } else {
            parse_pcap_frame(rest)
        };
        let block = match parsed {
            Ok((_, b)) => b,
            Err(e) => return self.fail(ErrorKind::BadBlock(e.to_string())),
        };
        let sub = u64::from(block.ts_usec);
        let sub_nanos = if nanos { sub } else { sub * 1000 };
        let ts = self.stamp(
            Timestamp::from_secs_nanos(u64::from(block.ts_sec), sub_nanos),
            self.offset + 16 + caplen as usize,
        );
        self.offset += 16 + caplen as usize;
        self.last_ts = ts;
        self.count_packet(0, ts);
        Some(Ok(Frame {
            ts,
            link,
            orig_len: block.origlen.max(caplen),
            data: block.data,
            number: self.record,
            source: self.source,
        }))
    }

    /// [`FileReader::peek_timestamps`] over pcap records.
    pub(super) fn peek_pcap(
        &self,
        mut at: usize,
        out: &mut [Timestamp],
        big_endian: bool,
        nanos: bool,
    ) -> usize {
        let mut n = 0;
        while n < out.len() {
            let (Some(sec), Some(sub), Some(caplen)) = (
                u32_at(self.data, at, big_endian),
                u32_at(self.data, at + 4, big_endian),
                u32_at(self.data, at + 8, big_endian),
            ) else {
                break;
            };
            if caplen > MAX_RECORD_LEN {
                break;
            }
            let sub = u64::from(sub) * if nanos { 1 } else { 1000 };
            out[n] = Timestamp::from_secs_nanos(u64::from(sec), sub);
            n += 1;
            at += 16 + caplen as usize;
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use crate::file::CaptureFile;
    use crate::{ErrorKind, Timestamp};

    #[test]
    fn pcap_both_byte_orders_and_resolutions() {
        for big in [false, true] {
            for nanos in [false, true] {
                let mut bytes = pcap_header(big, nanos, 1);
                bytes.extend(pcap_record(big, 10, 500, b"abc"));
                bytes.extend(pcap_record(big, 11, 0, b"de"));
                let f = CaptureFile::from_bytes("t.pcap", bytes).unwrap();
                let (frames, err) = read_all(&f);
                assert!(err.is_none());
                assert_eq!(frames.len(), 2);
                let want = if nanos { 500 } else { 500_000 };
                assert_eq!(frames[0].0, Timestamp::from_secs_nanos(10, want));
                assert_eq!(frames[0].1, b"abc");
                assert_eq!(frames[1].1, b"de");
            }
        }
    }

    #[test]
    fn every_truncation_length_is_an_error_with_offset_never_a_panic() {
        let mut bytes = pcap_header(false, false, 1);
        bytes.extend(pcap_record(false, 1, 0, &[7u8; 40]));
        bytes.extend(pcap_record(false, 2, 0, &[8u8; 40]));
        let full = bytes.len();
        for cut in 0..full {
            let f = match CaptureFile::from_bytes("cut.pcap", bytes[..cut].to_vec()) {
                Ok(f) => f,
                Err(e) => {
                    assert!(
                        cut < 4,
                        "only a missing magic fails at open, cut {cut}: {e}"
                    );
                    continue;
                }
            };
            let (frames, err) = read_all(&f);
            let ends_on_boundary = cut == 24 || cut == 24 + 56;
            if ends_on_boundary {
                assert!(err.is_none(), "cut {cut}");
            } else {
                let e = err.unwrap_or_else(|| panic!("cut {cut} must fail"));
                assert!(e.to_string().starts_with("cut.pcap"), "{e}");
                let expect_frames = if cut < 24 + 56 { 0 } else { 1 };
                assert_eq!(frames.len(), expect_frames, "cut {cut}");
                if cut >= 24 {
                    assert_eq!(e.record as usize, expect_frames + 1);
                    assert_eq!(e.offset as usize, 24 + 56 * expect_frames);
                }
            }
        }
    }

    #[test]
    fn absurd_caplen_is_reported() {
        let mut bytes = pcap_header(false, false, 1);
        bytes.extend(pcap_record(false, 1, 0, b"ok"));
        let mut bad = pcap_record(false, 2, 0, b"xx");
        bad[8..12].copy_from_slice(&(300_000u32).to_le_bytes());
        bytes.extend(bad);
        let f = CaptureFile::from_bytes("absurd.pcap", bytes).unwrap();
        let (frames, err) = read_all(&f);
        assert_eq!(frames.len(), 1);
        let e = err.unwrap();
        assert_eq!(e.kind, ErrorKind::AbsurdLength(300_000));
        assert_eq!(
            e.to_string(),
            "absurd.pcap: record 2 at byte offset 42: captured length 300000 is larger than 256 KiB: corrupt record header"
        );
    }

    #[test]
    fn regression_pcap_absurd_record_and_clock_step() {
        for (big_endian, nanos) in [(false, false), (true, true)] {
            let mut bytes = pcap_header(big_endian, nanos, 1);
            for s in CLOCK_RAW {
                bytes.extend(pcap_record(big_endian, s as u32, 0, b"abcd"));
            }
            let f = CaptureFile::from_bytes("clock.pcap", bytes).unwrap();
            let mut r = f.reader(0);
            assert_eq!(clock_read(&mut r), clock_expected());
            assert_eq!(r.timestamps_implausible(), 1);
            assert_eq!(r.clock_steps(), 1);
            assert_eq!(r.timestamps_backwards(), 0);
            assert_eq!(
                r.interfaces()[0].last_seen.map(|t| t.secs()),
                Some(BASE_SECS + 3 * 86_400 + 3)
            );
        }
    }

    #[test]
    fn regression_the_last_records_cannot_confirm_a_step() {
        // Two records at a new time, then the end of the file: not enough to step.
        let mut bytes = pcap_header(false, false, 1);
        for s in [
            BASE_SECS,
            BASE_SECS + 1,
            BASE_SECS + 5 * 86_400,
            BASE_SECS + 5 * 86_400,
        ] {
            bytes.extend(pcap_record(false, s as u32, 0, b"abcd"));
        }
        let f = CaptureFile::from_bytes("end.pcap", bytes).unwrap();
        let mut r = f.reader(0);
        assert_eq!(
            clock_read(&mut r),
            [BASE_SECS, BASE_SECS + 1, BASE_SECS + 1, BASE_SECS + 1]
        );
        assert_eq!(r.timestamps_implausible(), 2);
    }
}
