//! Capture files: classic pcap and pcapng, plain or gzip-compressed.
//!
//! Why not libpcap for files: libpcap refuses pcapng files whose interfaces have different
//! link types (`pcap_next_ex` fails with "an interface has a snapshot length/link type
//! different from the first"), copies every record into its own buffer, and reports damage
//! without the byte offset. Reading the memory-mapped file with `pcap-parser`'s slice parsers
//! handles every interface, copies nothing, and knows exactly where it stopped. The speed
//! comparison is in docs/performance.md.

use std::io::Read;
use std::path::{Path, PathBuf};

use pcap_parser::pcapng::Block;
use pcap_parser::{parse_block_be, parse_block_le, parse_pcap_frame, parse_pcap_frame_be};

use tapaudit_vocab::CaptureInterface;

use crate::clock::{PlausibleClock, STEP_CONFIRMATIONS};
use crate::digest::{HashingReader, StreamDigest};
use crate::{CaptureError, ErrorKind, Frame, LinkType, Timestamp, MAX_RECORD_LEN};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    Pcap,
    PcapNg,
}

enum Bytes {
    Mapped(memmap2::Mmap),
    Owned(Vec<u8>),
}

/// An opened capture file. Frames borrow from it.
pub struct CaptureFile {
    path: PathBuf,
    bytes: Bytes,
    format: FileFormat,
    /// A gzip stream that broke part-way: the frames before the break are still read,
    /// then this error ends the file.
    gzip_error: Option<String>,
    /// A `.gz` file: the SHA-256 of its compressed bytes, taken while decompressing.
    gz_digest: Option<[u8; 32]>,
}

const PCAP_MAGIC_MICRO: u32 = 0xa1b2_c3d4;
const PCAP_MAGIC_NANO: u32 = 0xa1b2_3c4d;
const PCAPNG_SHB: u32 = 0x0a0d_0d0a;

impl CaptureFile {
    pub fn open(path: &Path) -> Result<CaptureFile, CaptureError> {
        let err = |kind| CaptureError {
            file: path.to_path_buf(),
            offset: 0,
            record: 0,
            kind,
        };
        let file = std::fs::File::open(path).map_err(|e| err(ErrorKind::Open(e.to_string())))?;
        let meta = file
            .metadata()
            .map_err(|e| err(ErrorKind::Open(e.to_string())))?;
        if meta.is_dir() {
            return Err(err(ErrorKind::Open("is a directory".into())));
        }
        // An empty file cannot be mapped on every platform; read it as owned bytes.
        let mut bytes = if meta.len() == 0 {
            Bytes::Owned(Vec::new())
        } else {
            match map_file(&file) {
                Ok(m) => Bytes::Mapped(m),
                Err(_) => {
                    let mut v = Vec::new();
                    std::fs::File::open(path)
                        .and_then(|mut f| f.read_to_end(&mut v))
                        .map_err(|e| err(ErrorKind::Open(e.to_string())))?;
                    Bytes::Owned(v)
                }
            }
        };
        let mut gzip_error = None;
        let mut gz_digest = None;
        if slice_of(&bytes).starts_with(&[0x1f, 0x8b]) {
            let mut out = Vec::new();
            let mut dec = flate2::read::MultiGzDecoder::new(HashingReader {
                inner: slice_of(&bytes),
                hasher: Default::default(),
            });
            if let Err(e) = dec.read_to_end(&mut out) {
                gzip_error = Some(e.to_string());
            }
            // Whatever the decoder left unread (after a broken stream) is part of the file.
            let HashingReader { inner, mut hasher } = dec.into_inner();
            sha2::Digest::update(&mut hasher, inner);
            gz_digest = Some(sha2::Digest::finalize(hasher).into());
            bytes = Bytes::Owned(out);
        }
        let mut f = Self::from_parts(path.to_path_buf(), bytes, gzip_error)?;
        f.gz_digest = gz_digest;
        Ok(f)
    }

    /// A capture held in memory (tests, fuzzing). `name` is used in error messages.
    pub fn from_bytes(name: &str, data: Vec<u8>) -> Result<CaptureFile, CaptureError> {
        Self::from_parts(PathBuf::from(name), Bytes::Owned(data), None)
    }

    fn from_parts(
        path: PathBuf,
        bytes: Bytes,
        gzip_error: Option<String>,
    ) -> Result<CaptureFile, CaptureError> {
        let data = slice_of(&bytes);
        let err = |offset, kind| CaptureError {
            file: path.clone(),
            offset,
            record: 0,
            kind,
        };
        if data.len() < 4 {
            if let Some(g) = &gzip_error {
                return Err(err(0, ErrorKind::Gzip(g.clone())));
            }
            return Err(err(
                0,
                ErrorKind::TruncatedFileHeader {
                    need: 24,
                    have: data.len(),
                },
            ));
        }
        let magic_le = u32::from_le_bytes([data[0], data[1], data[2], data[3]]);
        let magic_be = magic_le.swap_bytes();
        let format = if magic_le == PCAPNG_SHB {
            FileFormat::PcapNg
        } else if [PCAP_MAGIC_MICRO, PCAP_MAGIC_NANO].contains(&magic_le)
            || [PCAP_MAGIC_MICRO, PCAP_MAGIC_NANO].contains(&magic_be)
        {
            FileFormat::Pcap
        } else {
            return Err(err(0, ErrorKind::BadMagic(magic_be)));
        };
        Ok(CaptureFile {
            path,
            bytes,
            format,
            gzip_error,
            gz_digest: None,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
    pub fn format(&self) -> FileFormat {
        self.format
    }
    pub fn len(&self) -> u64 {
        self.data().len() as u64
    }
    pub fn is_empty(&self) -> bool {
        self.data().is_empty()
    }
    fn data(&self) -> &[u8] {
        slice_of(&self.bytes)
    }

    /// A reader over this file's frames. `source` is stored in each frame.
    /// The file's bytes (mapped, or decompressed): frames borrow from this slice.
    pub fn bytes(&self) -> &[u8] {
        slice_of(&self.bytes)
    }

    pub fn reader(&self, source: usize) -> FileReader<'_> {
        FileReader {
            file: self,
            data: self.data(),
            offset: 0,
            record: 0,
            source,
            state: match self.format {
                FileFormat::Pcap => State::PcapHeader,
                FileFormat::PcapNg => State::NgBlock,
            },
            ng_big_endian: false,
            interfaces: Vec::new(),
            summaries: Vec::new(),
            section_os: None,
            digest: StreamDigest::default(),
            sha256: None,
            last_ts: Timestamp(0),
            clock: PlausibleClock::new(),
            timestamps_backwards: 0,
            skipped_blocks: 0,
            next_release_at: 0,
            released_to: 0,
            cached_to: 0,
        }
    }
}

/// The memory map. Mapping instead of reading saves a copy of every
/// byte (measured in docs/performance.md). Safety rests on the file system, not on this
/// code: a file truncated by another process while mapped raises SIGBUS, so the docs say
/// not to audit a capture that is still being written (rotate first).
#[allow(unsafe_code)]
fn map_file(file: &std::fs::File) -> std::io::Result<memmap2::Mmap> {
    // SAFETY: see above; the map is read-only and lives as long as the CaptureFile.
    unsafe { memmap2::Mmap::map(file) }
}

/// Bytes kept mapped behind the reader before they are released.
const WINDOW: usize = 32 << 20;
const PAGE: usize = 4096;

/// Gives back to the kernel the mapped pages of `[from, to)`: they leave this process's
/// resident set (the page cache keeps them). Without it, replaying a 1 GB capture holds
/// 1 GB resident; with it, about two windows (measured in docs/performance.md).
#[allow(unsafe_code)]
fn release_range(map: &memmap2::Mmap, from: usize, to: usize) {
    if to > from {
        // SAFETY: the map is MAP_SHARED and read-only, so a released page that is touched
        // again (a frame still borrowed from it) is faulted back in from the file with the
        // same bytes; nothing reads uninitialised memory. Same file-system assumption as
        // `map_file`.
        let _ = unsafe {
            map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, from, to - from)
        };
    }
}

/// How far ahead of the read position the CPU is asked to pull the file into its caches.
const CACHE_AHEAD: usize = 4096;
const CACHE_LINE: usize = 64;

/// Asks the CPU to load the cache line holding `bytes[at]` (no-op past the end, or off
/// x86-64). A hint only: it never faults and never changes what is read.
#[inline(always)]
#[allow(unsafe_code)]
fn prefetch_line(bytes: &[u8], at: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(b) = bytes.get(at) {
        // SAFETY: the pointer is in bounds of a live slice; a prefetch reads nothing into
        // the program and cannot fault.
        unsafe {
            std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                b as *const u8 as *const i8,
            )
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (bytes, at);
}

fn slice_of(b: &Bytes) -> &[u8] {
    match b {
        Bytes::Mapped(m) => m,
        Bytes::Owned(v) => v,
    }
}

#[derive(Clone, Copy)]
enum State {
    PcapHeader,
    PcapRecords {
        big_endian: bool,
        nanos: bool,
        link: LinkType,
    },
    NgBlock,
    Done,
}

#[derive(Clone, Copy)]
struct Interface {
    link: LinkType,
    /// Units per second of this interface's timestamps.
    resolution: u64,
    offset_secs: i64,
    snaplen: u32,
    /// Index into the reader's interface summaries (every section's interfaces).
    summary: usize,
}

/// Iterates over the frames of one [`CaptureFile`].
pub struct FileReader<'a> {
    file: &'a CaptureFile,
    data: &'a [u8],
    offset: usize,
    record: u64,
    source: usize,
    state: State,
    ng_big_endian: bool,
    interfaces: Vec<Interface>,
    /// Every interface of every section (one for a classic pcap), with its window.
    summaries: Vec<CaptureInterface>,
    /// The current section's `shb_os`.
    section_os: Option<String>,
    digest: StreamDigest,
    /// Set when the reader has stopped (end or error).
    sha256: Option<[u8; 32]>,
    /// The time of the last frame yielded (a simple packet block inherits it).
    last_ts: Timestamp,
    /// The file's plausible clock: frames carry its [`PlausibleClock::admit`] time.
    clock: PlausibleClock,
    timestamps_backwards: u64,
    skipped_blocks: u64,
    /// Mapped files: the read offset at which to release the pages behind it next.
    next_release_at: usize,
    released_to: usize,
    /// Bytes up to here have been prefetched into the CPU caches.
    cached_to: usize,
}

impl<'a> FileReader<'a> {
    /// Gives back the mapped pages well behind the read position, so that the resident set
    /// stays bounded (about one window) however large the file. Measured alternatives
    /// (benches/hot_path.rs, 32 MiB from the page cache): faulting pages in as read and
    /// releasing behind 8.0 ms; the same without releasing 10.2 ms; prefaulting each
    /// window with MADV_POPULATE_READ 40 ms; libpcap's read() 10.0 ms.
    ///
    /// It also asks the CPU to pull the next [`CACHE_AHEAD`] bytes into its caches: a 1 GB
    /// file is far larger than the caches, and without the hint every record header is a
    /// cache miss the reader waits for (about 15 % of the whole 1 GB audit, measured in
    /// docs/performance.md).
    #[inline]
    fn slide_window(&mut self) {
        if self.file.gz_digest.is_none() {
            self.digest.advance(self.data, self.offset);
        }
        let ahead = (self.offset + CACHE_AHEAD).min(self.data.len());
        while self.cached_to < ahead {
            prefetch_line(self.data, self.cached_to);
            self.cached_to += CACHE_LINE;
        }
        if self.offset < self.next_release_at {
            return;
        }
        self.next_release_at = self.offset + WINDOW / 2;
        if let Bytes::Mapped(map) = &self.file.bytes {
            let keep_from = self.offset.saturating_sub(WINDOW) & !(PAGE - 1);
            release_range(map, self.released_to, keep_from);
            self.released_to = self.released_to.max(keep_from);
        }
    }

    pub fn path(&self) -> &'a Path {
        &self.file.path
    }
    /// pcapng blocks skipped because they carry no packet we can use (statistics, name
    /// resolution, unknown block types, obsolete packet blocks).
    pub fn skipped_blocks(&self) -> u64 {
        self.skipped_blocks
    }
    /// Bytes read so far.
    pub fn offset(&self) -> u64 {
        self.offset as u64
    }
    /// SHA-256 of the whole file on disk (or of the bytes given in memory), once the reader
    /// has stopped (returned None or an error); None before.
    pub fn sha256(&self) -> Option<[u8; 32]> {
        self.sha256
    }
    /// The file's interfaces (pcapng: every interface description of every section; pcap:
    /// the one link), each with its packets and first and last packet time.
    pub fn interfaces(&self) -> &[CaptureInterface] {
        &self.summaries
    }

    /// The reader stops: the digest of the whole file is completed (the bytes after the
    /// last record read, or after the damage, are hashed now).
    fn stop(&mut self) {
        self.state = State::Done;
        if self.sha256.is_none() {
            self.sha256 = Some(match self.file.gz_digest {
                Some(d) => d,
                None => self.digest.finish(self.data),
            });
        }
    }

    /// The time a record stamped `raw` is yielded at (the plausible clock's, see
    /// [`crate::clock`]), counting records stamped earlier than the time before them.
    /// `next_at`: the offset of the record after this one (for the look-ahead).
    #[inline]
    fn stamp(&mut self, raw: Timestamp, next_at: usize) -> Timestamp {
        if self.clock.now().is_some_and(|now| raw < now) {
            self.timestamps_backwards += 1;
        }
        match self.clock.try_admit(raw) {
            Some(ts) => ts,
            None => self.stamp_seen_ahead(raw, next_at),
        }
    }

    /// The first record, or one whose timestamp is implausible: decided with the
    /// timestamps of the records after it (read in place, nothing consumed).
    #[cold]
    fn stamp_seen_ahead(&mut self, raw: Timestamp, next_at: usize) -> Timestamp {
        let mut next = [Timestamp(0); STEP_CONFIRMATIONS as usize - 1];
        let n = self.peek_timestamps(next_at, &mut next);
        self.clock.admit_seen_ahead(raw, &next[..n])
    }

    /// Fills `out` with the timestamps (as written) of the records from offset `at` on;
    /// returns how many it found. Stops at the end, at anything it cannot read (that is
    /// for `next` to report) and, in pcapng, at a new section or interface.
    fn peek_timestamps(&self, mut at: usize, out: &mut [Timestamp]) -> usize {
        let mut n = 0;
        let u32_at = |i: usize, big: bool| -> Option<u32> {
            let b: [u8; 4] = self.data.get(i..i.checked_add(4)?)?.try_into().ok()?;
            Some(if big {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            })
        };
        match self.state {
            State::PcapRecords {
                big_endian, nanos, ..
            } => {
                while n < out.len() {
                    let (Some(sec), Some(sub), Some(caplen)) = (
                        u32_at(at, big_endian),
                        u32_at(at + 4, big_endian),
                        u32_at(at + 8, big_endian),
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
            }
            State::NgBlock => {
                let big = self.ng_big_endian;
                // Blocks without a timestamp (statistics, simple packets) are stepped over,
                // a bounded number of them.
                for _ in 0..64 {
                    if n == out.len() {
                        break;
                    }
                    let (Some(kind), Some(len)) = (u32_at(at, big), u32_at(at + 4, big)) else {
                        break;
                    };
                    if kind == PCAPNG_SHB || kind == 1 || len < 12 || len % 4 != 0 {
                        break;
                    }
                    if kind == 6 {
                        let (Some(if_id), Some(hi), Some(lo)) = (
                            u32_at(at + 8, big),
                            u32_at(at + 12, big),
                            u32_at(at + 16, big),
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
            }
            State::PcapHeader | State::Done => {}
        }
        n
    }

    /// Records stamped (as written) earlier than the file's clock when they came: the
    /// latest time of the records before them, implausible ones left out (so that one
    /// record stamped decades ahead does not make every later record "backwards").
    pub fn timestamps_backwards(&self) -> u64 {
        self.timestamps_backwards
    }
    /// Records yielded with the file's clock time instead of their own implausible
    /// timestamp (see [`crate::clock`]).
    pub fn timestamps_implausible(&self) -> u64 {
        self.clock.implausible()
    }
    /// Genuine clock steps the file's clock accepted (see [`crate::clock`]).
    pub fn clock_steps(&self) -> u64 {
        self.clock.steps()
    }

    #[inline]
    fn count_packet(&mut self, summary: usize, ts: Timestamp) {
        if let Some(s) = self.summaries.get_mut(summary) {
            s.packets += 1;
            if s.first_seen.is_none() {
                s.first_seen = Some(ts);
            }
            if s.last_seen.is_none_or(|l| ts > l) {
                s.last_seen = Some(ts);
            }
        }
    }

    fn fail(&mut self, kind: ErrorKind) -> Option<Result<Frame<'a>, CaptureError>> {
        self.stop();
        // A gzip stream that broke part-way leaves its last record cut short: the broken
        // stream is the cause to report, not the record (see
        // regression_truncated_gzip_reports_the_gzip_error_not_a_short_record).
        let kind = match (&self.file.gzip_error, kind) {
            (
                Some(g),
                ErrorKind::TruncatedFileHeader { .. }
                | ErrorKind::TruncatedRecordHeader { .. }
                | ErrorKind::TruncatedRecord { .. },
            ) => ErrorKind::Gzip(format!(
                "{g} (the decompressed data ends inside record {} at byte offset {})",
                self.record, self.offset
            )),
            (_, kind) => kind,
        };
        Some(Err(CaptureError {
            file: self.file.path.clone(),
            offset: self.offset as u64,
            record: self.record,
            kind,
        }))
    }

    fn at_end(&mut self) -> Option<Result<Frame<'a>, CaptureError>> {
        if let Some(g) = &self.file.gzip_error {
            let g = format!(
                "{g} (the decompressed data ends after record {} at byte offset {})",
                self.record, self.offset
            );
            return self.fail(ErrorKind::Gzip(g));
        }
        self.stop();
        None
    }

    /// The next frame, an error (after which the reader yields nothing), or None at the end.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Option<Result<Frame<'a>, CaptureError>> {
        self.slide_window();
        loop {
            match self.state {
                State::Done => return None,
                State::PcapHeader => {
                    let rest = &self.data[self.offset..];
                    if rest.len() < 24 {
                        return self.fail(ErrorKind::TruncatedFileHeader {
                            need: 24,
                            have: rest.len(),
                        });
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
                }
                State::PcapRecords {
                    big_endian,
                    nanos,
                    link,
                } => return self.next_pcap_record(big_endian, nanos, link),
                State::NgBlock => {
                    if let Some(r) = self.next_ng_block() {
                        return r;
                    }
                }
            }
        }
    }

    fn next_pcap_record(
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

    /// Reads one pcapng block. Returns None when the block carried no frame (keep going),
    /// Some(..) for a frame, an error, or the end.
    fn next_ng_block(&mut self) -> Option<Option<Result<Frame<'a>, CaptureError>>> {
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
}

/// A pcapng text option (an interface name, an OS), without the NUL padding some writers
/// leave; None when absent, empty or not UTF-8.
fn option_text(
    opt: Option<Result<&str, pcap_parser::pcapng::PcapNGOptionError>>,
) -> Option<String> {
    let text = opt?.ok()?.trim_end_matches('\0').trim();
    (!text.is_empty()).then(|| text.to_string())
}

fn ng_timestamp(units: u64, iface: Interface) -> Timestamp {
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
    use super::*;

    fn pcap_header(big_endian: bool, nanos: bool, link: u32) -> Vec<u8> {
        let magic = if nanos {
            PCAP_MAGIC_NANO
        } else {
            PCAP_MAGIC_MICRO
        };
        let mut v = Vec::new();
        let put32 = |v: &mut Vec<u8>, x: u32| {
            if big_endian {
                v.extend_from_slice(&x.to_be_bytes())
            } else {
                v.extend_from_slice(&x.to_le_bytes())
            }
        };
        put32(&mut v, magic);
        let ver: [u8; 4] = if big_endian {
            [0, 2, 0, 4]
        } else {
            [2, 0, 4, 0]
        };
        v.extend_from_slice(&ver);
        put32(&mut v, 0);
        put32(&mut v, 0);
        put32(&mut v, 65535);
        put32(&mut v, link);
        v
    }

    fn pcap_record(big_endian: bool, sec: u32, sub: u32, data: &[u8]) -> Vec<u8> {
        let mut v = Vec::new();
        for x in [sec, sub, data.len() as u32, data.len() as u32] {
            if big_endian {
                v.extend_from_slice(&x.to_be_bytes())
            } else {
                v.extend_from_slice(&x.to_le_bytes())
            }
        }
        v.extend_from_slice(data);
        v
    }

    fn read_all(f: &CaptureFile) -> (Vec<(Timestamp, Vec<u8>)>, Option<CaptureError>) {
        let mut r = f.reader(0);
        let mut out = Vec::new();
        while let Some(x) = r.next() {
            match x {
                Ok(fr) => out.push((fr.ts, fr.data.to_vec())),
                Err(e) => return (out, Some(e)),
            }
        }
        (out, None)
    }

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
    fn regression_truncated_gzip_reports_the_gzip_error_not_a_short_record() {
        let mut bytes = pcap_header(false, false, 1);
        for i in 0..200 {
            bytes.extend(pcap_record(false, i, 0, &[i as u8; 60]));
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut gz, &bytes).unwrap();
        let gz = gz.finish().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cut.pcap.gz");
        std::fs::write(&path, &gz[..gz.len() / 2]).unwrap();
        let f = CaptureFile::open(&path).unwrap();
        let (frames, err) = read_all(&f);
        assert!(!frames.is_empty());
        let e = err.unwrap();
        assert!(matches!(e.kind, ErrorKind::Gzip(_)), "{e}");
        let msg = e.to_string();
        assert!(msg.starts_with(&path.display().to_string()), "{msg}");
        let where_ = format!("record {} at byte offset {}", frames.len() + 1, e.offset);
        assert!(msg.contains(&where_), "{msg}");
    }

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
    fn bad_magic_names_the_file() {
        let e = CaptureFile::from_bytes("x.pcap", b"GIF89a....................".to_vec())
            .err()
            .unwrap();
        assert!(e
            .to_string()
            .starts_with("x.pcap: at byte offset 0: not a pcap or pcapng file"));
    }

    /// A pcapng block: type, options (code, value) padded to 4 bytes, ending opt_endofopt.
    fn ng_block(block_type: u32, body: &[u8], options: &[(u16, &[u8])]) -> Vec<u8> {
        let mut b = body.to_vec();
        if !options.is_empty() {
            for (code, value) in options {
                b.extend_from_slice(&code.to_le_bytes());
                b.extend_from_slice(&(value.len() as u16).to_le_bytes());
                b.extend_from_slice(value);
                b.resize(b.len().div_ceil(4) * 4, 0);
            }
            b.extend_from_slice(&[0, 0, 0, 0]);
        }
        let len = (12 + b.len()) as u32;
        let mut v = block_type.to_le_bytes().to_vec();
        v.extend_from_slice(&len.to_le_bytes());
        v.extend_from_slice(&b);
        v.extend_from_slice(&len.to_le_bytes());
        v
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
    fn the_digest_covers_the_whole_file_even_after_damage() {
        let mut bytes = pcap_header(false, false, 1);
        bytes.extend(pcap_record(false, 1, 0, b"ok"));
        bytes.extend_from_slice(b"garbage after the last good record");
        let f = CaptureFile::from_bytes("damaged.pcap", bytes.clone()).unwrap();
        let (frames, err) = read_all(&f);
        assert_eq!(frames.len(), 1);
        assert!(err.is_some());
        let mut r = f.reader(0);
        while r.next().is_some() {}
        assert_eq!(
            r.sha256().map(|d| crate::digest::hex(&d)),
            Some(crate::digest::sha256_hex(&bytes))
        );
    }

    /// Record times of one absurd record and a genuine clock step (issue 16, class 9), in
    /// seconds: the absurd one is read at the clock's time, the step at its first record.
    const CLOCK_RAW: [u64; 9] = [
        BASE_SECS,
        BASE_SECS + 1,
        BASE_SECS + 40 * 365 * 86_400,
        BASE_SECS + 2,
        BASE_SECS + 3,
        BASE_SECS + 3 * 86_400,
        BASE_SECS + 3 * 86_400 + 1,
        BASE_SECS + 3 * 86_400 + 2,
        BASE_SECS + 3 * 86_400 + 3,
    ];
    const BASE_SECS: u64 = 1_772_438_400;

    fn clock_read(r: &mut FileReader<'_>) -> Vec<u64> {
        let mut out = Vec::new();
        while let Some(f) = r.next() {
            out.push(f.unwrap().ts.secs());
        }
        out
    }

    fn clock_expected() -> Vec<u64> {
        let mut want = CLOCK_RAW.to_vec();
        want[2] = BASE_SECS + 1;
        want
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
