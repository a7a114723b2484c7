//! Capture files: classic pcap and pcapng, plain or gzip-compressed.
//!
//! Why not libpcap for files: libpcap refuses pcapng files whose interfaces have different
//! link types (`pcap_next_ex` fails with "an interface has a snapshot length/link type
//! different from the first"), copies every record into its own buffer, and reports damage
//! without the byte offset. Reading the memory-mapped file with `pcap-parser`'s slice parsers
//! handles every interface, copies nothing, and knows exactly where it stopped. The speed
//! comparison is in docs/performance.md.
//!
//! Here: opening (map, gzip), the reader's state, its window over the map, its clock and
//! its errors; the record formats are in `pcap` and `pcapng`.

use std::io::Read;
use std::path::{Path, PathBuf};

use tapaudit_vocab::CaptureInterface;

use crate::clock::{PlausibleClock, STEP_CONFIRMATIONS};
use crate::digest::{BackgroundDigest, HashingReader, StreamDigest};
use crate::{CaptureError, ErrorKind, Frame, LinkType, Timestamp};

mod pcap;
mod pcapng;
#[cfg(test)]
mod test_util;

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
    /// A mapped file: its SHA-256, taken on a thread of its own while it is read.
    background_digest: Option<BackgroundDigest>,
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
        let mut background = None;
        // An empty file cannot be mapped on every platform; read it as owned bytes.
        let mut bytes = if meta.len() == 0 {
            Bytes::Owned(Vec::new())
        } else {
            match map_file(&file) {
                Ok(m) => {
                    background = Some(BackgroundDigest::new(file, m.len() as u64));
                    Bytes::Mapped(m)
                }
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
            background = None;
        }
        let mut f = Self::from_parts(path.to_path_buf(), bytes, gzip_error)?;
        f.gz_digest = gz_digest;
        f.background_digest = background;
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
            background_digest: None,
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
pub(crate) fn map_file(file: &std::fs::File) -> std::io::Result<memmap2::Mmap> {
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
pub(crate) fn release_range(map: &memmap2::Mmap, from: usize, to: usize) {
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
        if let Some(d) = &self.file.background_digest {
            d.start();
        } else if self.file.gz_digest.is_none() {
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
            self.sha256 = Some(match (self.file.gz_digest, &self.file.background_digest) {
                (Some(d), _) => d,
                (None, Some(b)) => b.finish(self.data),
                (None, None) => self.digest.finish(self.data),
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
    fn peek_timestamps(&self, at: usize, out: &mut [Timestamp]) -> usize {
        match self.state {
            State::PcapRecords {
                big_endian, nanos, ..
            } => self.peek_pcap(at, out, big_endian, nanos),
            State::NgBlock => self.peek_ng(at, out),
            State::PcapHeader | State::Done => 0,
        }
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
                    if let Some(r) = self.read_pcap_header() {
                        return r;
                    }
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
}

/// The 32-bit word at `i`, in the byte order given; None past the end.
fn u32_at(data: &[u8], i: usize, big_endian: bool) -> Option<u32> {
    let b: [u8; 4] = data.get(i..i.checked_add(4)?)?.try_into().ok()?;
    Some(if big_endian {
        u32::from_be_bytes(b)
    } else {
        u32::from_le_bytes(b)
    })
}

#[cfg(test)]
mod tests {
    use super::test_util::*;
    use super::*;

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
    fn bad_magic_names_the_file() {
        let e = CaptureFile::from_bytes("x.pcap", b"GIF89a....................".to_vec())
            .err()
            .unwrap();
        assert!(e
            .to_string()
            .starts_with("x.pcap: at byte offset 0: not a pcap or pcapng file"));
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
}
