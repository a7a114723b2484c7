//! pcapng: section headers (byte order per section), interface descriptions (link type,
//! time resolution and offset, names), statistics (declared drops) and packet blocks.

use pcap_parser::pcapng::Block;
use pcap_parser::{parse_block_be, parse_block_le};
use tapaudit_vocab::CaptureInterface;

use super::{u32_at, FileReader, Interface, PCAPNG_SHB};
use crate::{CaptureError, ErrorKind, Frame, LinkType, Timestamp, MAX_RECORD_LEN};

impl<'a> FileReader<'a> {
    /// Reads one pcapng block. Returns None when the block carried no frame (keep going),
    /// Some(..) for a frame, an error, or the end.
    pub(super) fn next_ng_block(&mut self) -> Option<Option<Result<Frame<'a>, CaptureError>>> {
        // The outer Option distinguishes "no frame in this block" (None) from a result.
        let rest = &self.data[self.offset..];
        if rest.is_empty() {
            return Some(self.at_end());
        }
        if rest.len() < 12 && self.offset == 0 {
            // The section header block is the file header of a pcapng file.
            return Some(self.fail(ErrorKind::TruncatedFileHeader {
                need: 28,
                have: rest.len(),
            }));
        }
        if rest.len() < 12 {
            self.record += 1;
            return Some(self.fail(ErrorKind::TruncatedRecordHeader {
                need: 12,
                have: rest.len(),
            }));
        }
        let raw_type = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
        if raw_type == PCAPNG_SHB {
            // The byte-order magic decides how this section (and its own length) is read.
            let bom = [rest[8], rest[9], rest[10], rest[11]];
            self.ng_big_endian = match u32::from_le_bytes(bom) {
                0x1a2b_3c4d => false,
                0x4d3c_2b1a => true,
                other => {
                    return Some(self.fail(ErrorKind::BadBlock(format!(
                        "section header byte-order magic {other:#010x} is invalid"
                    ))))
                }
            };
            self.interfaces.clear();
        }
        let len_bytes = [rest[4], rest[5], rest[6], rest[7]];
        let block_len = if self.ng_big_endian {
            u32::from_be_bytes(len_bytes)
        } else {
            u32::from_le_bytes(len_bytes)
        };
        if block_len < 12 || block_len % 4 != 0 || block_len > MAX_RECORD_LEN + 4096 {
            if block_len > MAX_RECORD_LEN + 4096 && block_len % 4 == 0 {
                self.record += 1;
                return Some(self.fail(ErrorKind::AbsurdLength(block_len)));
            }
            self.record += 1;
            return Some(self.fail(ErrorKind::BadBlockLength(block_len)));
        }
        if rest.len() < block_len as usize {
            self.record += 1;
            return Some(self.fail(ErrorKind::TruncatedRecord {
                need: block_len as usize,
                have: rest.len(),
            }));
        }
        let block_bytes = &rest[..block_len as usize];
        let parsed = if self.ng_big_endian {
            parse_block_be(block_bytes)
        } else {
            parse_block_le(block_bytes)
        };
        let block = match parsed {
            Ok((_, b)) => b,
            Err(e) => {
                self.record += 1;
                return Some(self.fail(ErrorKind::BadBlock(e.to_string())));
            }
        };
        let frame = match block {
            Block::SectionHeader(shb) => {
                self.section_os = option_text(shb.shb_os());
                None
            }
            Block::InterfaceDescription(idb) => {
                let link = LinkType::from_linktype(idb.linktype.0);
                self.interfaces.push(Interface {
                    link,
                    resolution: idb.ts_resolution().unwrap_or(1_000_000).max(1),
                    offset_secs: idb.ts_offset(),
                    snaplen: idb.snaplen,
                    summary: self.summaries.len(),
                });
                self.summaries.push(CaptureInterface {
                    name: option_text(idb.if_name()),
                    description: option_text(idb.if_description()),
                    os: option_text(idb.if_os()).or_else(|| self.section_os.clone()),
                    link_type: link,
                    snaplen: idb.snaplen,
                    ..CaptureInterface::default()
                });
                None
            }
            Block::InterfaceStatistics(isb) => {
                // Counted as skipped (it carries no packet); its drop counter is kept. The
                // last statistics block of an interface holds its totals.
                self.skipped_blocks += 1;
                let drop = isb.isb_ifdrop().and_then(Result::ok);
                let at = self.interfaces.get(isb.if_id as usize).map(|i| i.summary);
                if let (Some(drop), Some(s)) = (drop, at.and_then(|i| self.summaries.get_mut(i))) {
                    s.dropped = Some(drop);
                }
                None
            }
            Block::EnhancedPacket(epb) => {
                self.record += 1;
                let Some(iface) = self.interfaces.get(epb.if_id as usize).copied() else {
                    return Some(self.fail(ErrorKind::UnknownInterface(epb.if_id)));
                };
                if epb.caplen > MAX_RECORD_LEN {
                    return Some(self.fail(ErrorKind::AbsurdLength(epb.caplen)));
                }
                let Some(data) = epb.data.get(..epb.caplen as usize) else {
                    return Some(self.fail(ErrorKind::TruncatedRecord {
                        need: epb.caplen as usize,
                        have: epb.data.len(),
                    }));
                };
                let units = (u64::from(epb.ts_high) << 32) | u64::from(epb.ts_low);
                let ts = self.stamp(ng_timestamp(units, iface), self.offset + block_len as usize);
                self.last_ts = ts;
                self.count_packet(iface.summary, ts);
                Some(Frame {
                    ts,
                    link: iface.link,
                    orig_len: epb.origlen.max(epb.caplen),
                    data,
                    number: self.record,
                    source: self.source,
                })
            }
            Block::SimplePacket(spb) => {
                self.record += 1;
                let Some(iface) = self.interfaces.first().copied() else {
                    return Some(self.fail(ErrorKind::UnknownInterface(0)));
                };
                // A simple packet block has no timestamp: it inherits the previous one.
                let mut caplen = spb.origlen.min(spb.data.len() as u32);
                if iface.snaplen > 0 {
                    caplen = caplen.min(iface.snaplen);
                }
                let data = spb.data.get(..caplen as usize).unwrap_or(spb.data);
                self.count_packet(iface.summary, self.last_ts);
                Some(Frame {
                    ts: self.last_ts,
                    link: iface.link,
                    orig_len: spb.origlen.max(caplen),
                    data,
                    number: self.record,
                    source: self.source,
                })
            }
            _ => {
                self.skipped_blocks += 1;
                None
            }
        };
        self.offset += block_len as usize;
        frame.map(|f| Some(Ok(f)))
    }

    /// [`FileReader::peek_timestamps`] over pcapng blocks.
    pub(super) fn peek_ng(&self, mut at: usize, out: &mut [Timestamp]) -> usize {
        let mut n = 0;
        let big = self.ng_big_endian;
        // Blocks without a timestamp (statistics, simple packets) are stepped over,
        // a bounded number of them.
        for _ in 0..64 {
            if n == out.len() {
                break;
            }
            let (Some(kind), Some(len)) =
                (u32_at(self.data, at, big), u32_at(self.data, at + 4, big))
            else {
                break;
            };
            if kind == PCAPNG_SHB || kind == 1 || len < 12 || len % 4 != 0 {
                break;
            }
            if kind == 6 {
                let (Some(if_id), Some(hi), Some(lo)) = (
                    u32_at(self.data, at + 8, big),
                    u32_at(self.data, at + 12, big),
                    u32_at(self.data, at + 16, big),
                ) else {
                    break;
                };
                let Some(iface) = self.interfaces.get(if_id as usize).copied() else {
                    break;
                };
                out[n] = ng_timestamp((u64::from(hi) << 32) | u64::from(lo), iface);
                n += 1;
            }
            at += len as usize;
        }
        n
    }
}

/// A pcapng text option (an interface name, an OS), without the NUL padding some writers
/// leave; None when absent, empty or not UTF-8.
fn option_text(
    opt: Option<Result<&str, pcap_parser::pcapng::PcapNGOptionError>>,
) -> Option<String> {
    let text = opt?.ok()?.trim_end_matches('\0').trim();
    (!text.is_empty()).then(|| text.to_string())
}

pub(super) fn ng_timestamp(units: u64, iface: Interface) -> Timestamp {
    let res = u128::from(iface.resolution);
    let units = u128::from(units);
    let secs = units / res;
    let frac = units % res;
    let nanos = frac * 1_000_000_000 / res;
    let secs = (secs as i128 + i128::from(iface.offset_secs)).clamp(0, u64::MAX as i128 / 2);
    Timestamp::from_secs_nanos(secs as u64, nanos as u64)
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use super::*;
    use crate::file::{CaptureFile, PCAPNG_SHB};

    #[test]
    fn regression_pcapng_cut_in_the_section_header_is_a_file_header_error() {
        let shb = [0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0, 0x4d, 0x3c];
        let f = CaptureFile::from_bytes("cut.pcapng", shb.to_vec()).unwrap();
        let (frames, err) = read_all(&f);
        assert!(frames.is_empty());
        let e = err.unwrap();
        assert_eq!(
            e.kind,
            ErrorKind::TruncatedFileHeader { need: 28, have: 10 }
        );
        assert_eq!(e.record, 0);
        assert_eq!(
            e.to_string(),
            "cut.pcapng: at byte offset 0: file header truncated (10 of 28 bytes)"
        );
    }

    #[test]
    fn pcapng_interface_names_os_snaplen_and_declared_drops() {
        let mut shb_body = 0x1a2b_3c4du32.to_le_bytes().to_vec();
        shb_body.extend_from_slice(&[1, 0, 0, 0]);
        shb_body.extend_from_slice(&(-1i64).to_le_bytes());
        let mut bytes = ng_block(PCAPNG_SHB, &shb_body, &[(3, b"Linux 6.1\0")]);
        let idb = |snap: u32| {
            let mut b = 1u16.to_le_bytes().to_vec();
            b.extend_from_slice(&[0, 0]);
            b.extend_from_slice(&snap.to_le_bytes());
            b
        };
        bytes.extend(ng_block(
            1,
            &idb(262_144),
            &[(2, b"eth0"), (3, b"tap port 7")],
        ));
        bytes.extend(ng_block(1, &idb(96), &[]));
        let epb = |iface: u32, ts: u32| {
            let mut b = iface.to_le_bytes().to_vec();
            b.extend_from_slice(&0u32.to_le_bytes());
            b.extend_from_slice(&ts.to_le_bytes());
            b.extend_from_slice(&4u32.to_le_bytes());
            b.extend_from_slice(&4u32.to_le_bytes());
            b.extend_from_slice(b"abcd");
            b
        };
        bytes.extend(ng_block(6, &epb(0, 1_000_000), &[]));
        bytes.extend(ng_block(6, &epb(1, 2_000_000), &[]));
        bytes.extend(ng_block(6, &epb(0, 3_000_000), &[]));
        let mut isb = 0u32.to_le_bytes().to_vec();
        isb.extend_from_slice(&[0; 8]);
        bytes.extend(ng_block(5, &isb, &[(5, &17u64.to_le_bytes())]));
        let f = CaptureFile::from_bytes("ifaces.pcapng", bytes.clone()).unwrap();
        let mut r = f.reader(0);
        assert!(r.sha256().is_none(), "no digest before the end");
        let mut n = 0;
        while let Some(x) = r.next() {
            x.unwrap();
            n += 1;
        }
        assert_eq!(n, 3);
        let i = r.interfaces();
        assert_eq!(i.len(), 2);
        assert_eq!(i[0].name.as_deref(), Some("eth0"));
        assert_eq!(i[0].description.as_deref(), Some("tap port 7"));
        assert_eq!(i[0].os.as_deref(), Some("Linux 6.1"), "shb_os, NUL trimmed");
        assert_eq!(
            (i[0].snaplen, i[0].packets, i[0].dropped),
            (262_144, 2, Some(17))
        );
        assert_eq!(i[0].first_seen, Some(Timestamp::from_secs_nanos(1, 0)));
        assert_eq!(i[0].last_seen, Some(Timestamp::from_secs_nanos(3, 0)));
        assert_eq!(
            (
                i[1].name.as_deref(),
                i[1].snaplen,
                i[1].packets,
                i[1].dropped
            ),
            (None, 96, 1, None)
        );
        assert_eq!(
            r.skipped_blocks(),
            1,
            "the statistics block is still counted as skipped"
        );
        let whole: [u8; 32] =
            sha2::Digest::finalize(sha2::Digest::chain_update(sha2::Sha256::default(), &bytes))
                .into();
        assert_eq!(r.sha256(), Some(whole));
    }

    #[test]
    fn regression_pcapng_absurd_record_and_clock_step() {
        let mut shb_body = 0x1a2b_3c4du32.to_le_bytes().to_vec();
        shb_body.extend_from_slice(&[1, 0, 0, 0]);
        shb_body.extend_from_slice(&(-1i64).to_le_bytes());
        let mut bytes = ng_block(PCAPNG_SHB, &shb_body, &[]);
        let mut idb = 1u16.to_le_bytes().to_vec();
        idb.extend_from_slice(&[0, 0]);
        idb.extend_from_slice(&0u32.to_le_bytes());
        bytes.extend(ng_block(1, &idb, &[]));
        for (i, s) in CLOCK_RAW.into_iter().enumerate() {
            if i == 6 {
                // A statistics block inside the step: stepped over by the look-ahead.
                let mut isb = 0u32.to_le_bytes().to_vec();
                isb.extend_from_slice(&[0; 8]);
                bytes.extend(ng_block(5, &isb, &[]));
            }
            let us = s * 1_000_000; // microseconds, the default resolution
            let mut b = 0u32.to_le_bytes().to_vec();
            b.extend_from_slice(&((us >> 32) as u32).to_le_bytes());
            b.extend_from_slice(&(us as u32).to_le_bytes());
            b.extend_from_slice(&4u32.to_le_bytes());
            b.extend_from_slice(&4u32.to_le_bytes());
            b.extend_from_slice(b"abcd");
            bytes.extend(ng_block(6, &b, &[]));
        }
        let f = CaptureFile::from_bytes("clock.pcapng", bytes).unwrap();
        let mut r = f.reader(0);
        assert_eq!(clock_read(&mut r), clock_expected());
        assert_eq!(r.timestamps_implausible(), 1);
        assert_eq!(r.clock_steps(), 1);
    }

    #[test]
    fn pcapng_timestamp_resolution() {
        let iface = Interface {
            link: LinkType::Ethernet,
            resolution: 1_000_000,
            offset_secs: 0,
            snaplen: 0,
            summary: 0,
        };
        assert_eq!(
            ng_timestamp(1_500_000, iface),
            Timestamp::from_secs_nanos(1, 500_000_000)
        );
        let ns = Interface {
            resolution: 1_000_000_000,
            ..iface
        };
        assert_eq!(ng_timestamp(7, ns), Timestamp(7));
    }
}
