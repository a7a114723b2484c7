//! The on-disk spool: batches that could not be sent yet, in order, bounded.
//!
//! A directory of append-only segment files (`<first batch id>.seg`, 20 digits so that
//! names sort as numbers), each a sequence of frames:
//!
//! ```text
//! offset size
//!  0     4   magic "TAPB"
//!  4     1   format version (1)
//!  5     1   table (1 flows, 2 announcements, 3 coverage)
//!  6     2   0
//!  8     8   batch id (LE)
//! 16     4   rows (LE)
//! 20     4   payload length (LE)
//! 24     4   CRC-32 of the payload (LE)
//! 28     4   CRC-32 of bytes 0..28 (LE)
//! 32     -   payload: the batch's RowBinary rows, exactly the body of its INSERT
//! ```
//!
//! `cursor` says how far the oldest segment has been sent (`<segment id> <offset>`, written
//! to a temporary file and renamed over the old one). A frame is popped only after the
//! server acknowledged it; if tapaudit dies between the acknowledgement and the cursor
//! update, the frame is sent again on the next start, and the store keeps it once (its rows
//! carry record ids under a replacing key).
//!
//! On open the unsent frames are checked: a torn last frame (tapaudit died while appending)
//! is cut off and counted, a frame whose payload fails its CRC is skipped and counted,
//! a damaged header ends its segment (nothing after it can be framed) and is counted.
//!
//! A spool belongs to one writer at a time: `open` takes an exclusive `flock` on the file
//! `lock` in the directory (released when the spool is dropped or the process dies, so a
//! crash leaves no stale lock), and a second writer on the same directory is refused with
//! [`StoreError::SpoolLocked`] instead of interleaving its batches with the first's.

use std::collections::VecDeque;
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::error::{Result, StoreError};
use crate::rows::Table;

const MAGIC: &[u8; 4] = b"TAPB";
const FORMAT: u8 = 1;
pub(crate) const HEADER: usize = 32;
/// A segment is closed past this size and a new one started.
const SEGMENT_BYTES: u64 = 16 << 20;

/// What the spool held when it was opened (a previous run's unsent batches).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpoolReport {
    pub batches: u64,
    pub rows: u64,
    pub bytes: u64,
    /// Frames cut off at the end of a segment (tapaudit died while writing them).
    pub torn_frames: u64,
    pub torn_bytes: u64,
    /// Complete frames whose payload failed its CRC (skipped; `corrupt_rows` lost).
    pub corrupt_frames: u64,
    pub corrupt_rows: u64,
}

impl std::fmt::Display for SpoolReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "spool holds {} batches ({} rows, {} bytes) to send first",
            self.batches, self.rows, self.bytes
        )?;
        if self.torn_frames > 0 {
            write!(
                f,
                "; {} torn batch(es) cut off ({} bytes)",
                self.torn_frames, self.torn_bytes
            )?;
        }
        if self.corrupt_frames > 0 {
            write!(
                f,
                "; {} damaged batch(es) skipped ({} rows lost)",
                self.corrupt_frames, self.corrupt_rows
            )?;
        }
        Ok(())
    }
}

/// A frame waiting to be sent.
#[derive(Clone, Copy, Debug)]
struct Pending {
    segment: u64,
    offset: u64,
    batch_id: u64,
    rows: u32,
    table: Table,
    payload_len: u32,
}

impl Pending {
    fn frame_len(&self) -> u64 {
        HEADER as u64 + u64::from(self.payload_len)
    }
}

/// A frame read back for sending.
pub(crate) struct Frame {
    pub table: Table,
    pub batch_id: u64,
    pub rows: u32,
    pub payload: Vec<u8>,
}

/// Why an append was refused.
pub(crate) enum AppendError {
    /// The spool is at its bound: the batch is dropped (counted by the caller).
    Full,
    Io(StoreError),
}

pub(crate) struct Spool {
    /// Held for the spool's lifetime: the exclusive lock on `dir/lock`.
    _lock: File,
    dir: PathBuf,
    max_bytes: u64,
    sync: bool,
    /// Segment ids, oldest first; the last is the one appended to.
    segments: VecDeque<u64>,
    /// The newest segment, open for appending, and its length.
    active: Option<(File, u64)>,
    pending: VecDeque<Pending>,
    pending_bytes: u64,
    pending_rows: u64,
    max_batch_id: u64,
}

/// The exclusive lock on `dir/lock`, or `SpoolLocked` when another writer holds it.
fn lock_dir(dir: &Path) -> Result<File> {
    let path = dir.join("lock");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| StoreError::spool(&path, e))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(fs::TryLockError::WouldBlock) => Err(StoreError::SpoolLocked {
            path: dir.to_path_buf(),
        }),
        Err(fs::TryLockError::Error(e)) => Err(StoreError::spool(&path, e)),
    }
}

fn segment_path(dir: &Path, id: u64) -> PathBuf {
    dir.join(format!("{id:020}.seg"))
}

pub(crate) fn encode_header(table: Table, batch_id: u64, rows: u32, payload: &[u8]) -> [u8; 32] {
    let mut h = [0u8; HEADER];
    h[0..4].copy_from_slice(MAGIC);
    h[4] = FORMAT;
    h[5] = table.code();
    h[8..16].copy_from_slice(&batch_id.to_le_bytes());
    h[16..20].copy_from_slice(&rows.to_le_bytes());
    h[20..24].copy_from_slice(&(payload.len() as u32).to_le_bytes());
    h[24..28].copy_from_slice(&crc32fast::hash(payload).to_le_bytes());
    let hc = crc32fast::hash(&h[0..28]);
    h[28..32].copy_from_slice(&hc.to_le_bytes());
    h
}

struct Header {
    table: Table,
    batch_id: u64,
    rows: u32,
    payload_len: u32,
    payload_crc: u32,
}

fn le32(b: &[u8]) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(b);
    u32::from_le_bytes(a)
}

fn decode_header(h: &[u8; HEADER]) -> Option<Header> {
    if &h[0..4] != MAGIC || h[4] != FORMAT || le32(&h[28..32]) != crc32fast::hash(&h[0..28]) {
        return None;
    }
    let mut id = [0u8; 8];
    id.copy_from_slice(&h[8..16]);
    Some(Header {
        table: Table::from_code(h[5])?,
        batch_id: u64::from_le_bytes(id),
        rows: le32(&h[16..20]),
        payload_len: le32(&h[20..24]),
        payload_crc: le32(&h[24..28]),
    })
}

impl Spool {
    /// Opens (or creates) the spool in `dir` and checks what it holds.
    pub(crate) fn open(dir: &Path, max_bytes: u64, sync: bool) -> Result<(Self, SpoolReport)> {
        fs::create_dir_all(dir).map_err(|e| StoreError::spool(dir, e))?;
        let lock = lock_dir(dir)?;
        let mut ids = Vec::new();
        for entry in fs::read_dir(dir).map_err(|e| StoreError::spool(dir, e))? {
            let entry = entry.map_err(|e| StoreError::spool(dir, e))?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if let Some(id) = name
                .strip_suffix(".seg")
                .and_then(|s| s.parse::<u64>().ok())
            {
                ids.push(id);
            }
        }
        ids.sort_unstable();
        let (cursor_segment, cursor_offset) = read_cursor(dir);
        let mut spool = Spool {
            _lock: lock,
            dir: dir.to_path_buf(),
            max_bytes,
            sync,
            segments: VecDeque::new(),
            active: None,
            pending: VecDeque::new(),
            pending_bytes: 0,
            pending_rows: 0,
            max_batch_id: 0,
        };
        let mut report = SpoolReport::default();
        let last = ids.last().copied();
        for id in ids {
            let path = segment_path(dir, id);
            if id < cursor_segment {
                // Sent to its end before the last stop.
                fs::remove_file(&path).map_err(|e| StoreError::spool(&path, e))?;
                continue;
            }
            let start = if id == cursor_segment {
                cursor_offset
            } else {
                0
            };
            spool.scan_segment(id, start, Some(id) == last, &mut report)?;
            spool.segments.push_back(id);
        }
        report.batches = spool.pending.len() as u64;
        report.rows = spool.pending_rows;
        report.bytes = spool.pending_bytes;
        Ok((spool, report))
    }

    fn scan_segment(
        &mut self,
        id: u64,
        start: u64,
        is_last: bool,
        report: &mut SpoolReport,
    ) -> Result<()> {
        let path = segment_path(&self.dir, id);
        let mut file = File::open(&path).map_err(|e| StoreError::spool(&path, e))?;
        let len = file
            .metadata()
            .map_err(|e| StoreError::spool(&path, e))?
            .len();
        let mut offset = start.min(len);
        file.seek(SeekFrom::Start(offset))
            .map_err(|e| StoreError::spool(&path, e))?;
        let mut payload = Vec::new();
        loop {
            if offset == len {
                return Ok(());
            }
            let mut h = [0u8; HEADER];
            let header = if len - offset >= HEADER as u64 {
                file.read_exact(&mut h)
                    .map_err(|e| StoreError::spool(&path, e))?;
                decode_header(&h)
            } else {
                None
            };
            let complete = header
                .as_ref()
                .is_some_and(|hd| len - offset >= HEADER as u64 + u64::from(hd.payload_len));
            let Some(hd) = header.filter(|_| complete) else {
                // A torn or damaged frame: nothing after it can be framed.
                report.torn_frames += 1;
                report.torn_bytes += len - offset;
                if is_last {
                    let f = OpenOptions::new()
                        .write(true)
                        .open(&path)
                        .map_err(|e| StoreError::spool(&path, e))?;
                    f.set_len(offset).map_err(|e| StoreError::spool(&path, e))?;
                }
                return Ok(());
            };
            payload.resize(hd.payload_len as usize, 0);
            file.read_exact(&mut payload)
                .map_err(|e| StoreError::spool(&path, e))?;
            self.max_batch_id = self.max_batch_id.max(hd.batch_id);
            if crc32fast::hash(&payload) == hd.payload_crc {
                let p = Pending {
                    segment: id,
                    offset,
                    batch_id: hd.batch_id,
                    rows: hd.rows,
                    table: hd.table,
                    payload_len: hd.payload_len,
                };
                self.pending_bytes += p.frame_len();
                self.pending_rows += u64::from(p.rows);
                self.pending.push_back(p);
            } else {
                report.corrupt_frames += 1;
                report.corrupt_rows += u64::from(hd.rows);
            }
            offset += HEADER as u64 + u64::from(hd.payload_len);
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }
    pub(crate) fn batches(&self) -> u64 {
        self.pending.len() as u64
    }
    pub(crate) fn rows(&self) -> u64 {
        self.pending_rows
    }
    pub(crate) fn bytes(&self) -> u64 {
        self.pending_bytes
    }
    pub(crate) fn max_batch_id(&self) -> u64 {
        self.max_batch_id
    }

    /// Appends one batch (it will be sent after every batch before it).
    pub(crate) fn append(
        &mut self,
        table: Table,
        batch_id: u64,
        rows: u32,
        payload: &[u8],
    ) -> std::result::Result<(), AppendError> {
        let frame_len = HEADER as u64 + payload.len() as u64;
        if self.pending_bytes + frame_len > self.max_bytes || payload.len() > u32::MAX as usize {
            return Err(AppendError::Full);
        }
        let needs_new = match &self.active {
            None => true,
            Some((_, len)) => *len >= SEGMENT_BYTES,
        };
        if needs_new {
            let path = segment_path(&self.dir, batch_id);
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .map_err(|e| AppendError::Io(StoreError::spool(&path, e)))?;
            let len = file
                .metadata()
                .map_err(|e| AppendError::Io(StoreError::spool(&path, e)))?
                .len();
            if self.segments.back() != Some(&batch_id) {
                self.segments.push_back(batch_id);
            }
            self.active = Some((file, len));
        }
        let segment = *self.segments.back().unwrap_or(&batch_id);
        let path = segment_path(&self.dir, segment);
        let Some((file, len)) = self.active.as_mut() else {
            return Err(AppendError::Full);
        };
        let header = encode_header(table, batch_id, rows, payload);
        let offset = *len;
        let written = file
            .write_all(&header)
            .and_then(|_| file.write_all(payload))
            .and_then(|_| if self.sync { file.sync_data() } else { Ok(()) });
        if let Err(e) = written {
            // Leave no half frame behind for the next append to follow.
            let _ = file.set_len(offset);
            return Err(AppendError::Io(StoreError::spool(&path, e)));
        }
        *len += frame_len;
        let p = Pending {
            segment,
            offset,
            batch_id,
            rows,
            table,
            payload_len: payload.len() as u32,
        };
        self.pending_bytes += frame_len;
        self.pending_rows += u64::from(rows);
        self.pending.push_back(p);
        self.max_batch_id = self.max_batch_id.max(batch_id);
        Ok(())
    }

    /// The oldest unsent frame, read back and checked. `Ok(None)`: the spool is empty.
    pub(crate) fn read_head(&self) -> Result<Option<Frame>> {
        let Some(p) = self.pending.front() else {
            return Ok(None);
        };
        let path = segment_path(&self.dir, p.segment);
        let mut file = File::open(&path).map_err(|e| StoreError::spool(&path, e))?;
        file.seek(SeekFrom::Start(p.offset))
            .map_err(|e| StoreError::spool(&path, e))?;
        let mut h = [0u8; HEADER];
        file.read_exact(&mut h)
            .map_err(|e| StoreError::spool(&path, e))?;
        let mut payload = vec![0u8; p.payload_len as usize];
        file.read_exact(&mut payload)
            .map_err(|e| StoreError::spool(&path, e))?;
        let ok = decode_header(&h).is_some_and(|hd| {
            hd.batch_id == p.batch_id && hd.payload_crc == crc32fast::hash(&payload)
        });
        if !ok {
            return Err(StoreError::spool(
                &path,
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!(
                        "batch {} at offset {} changed on disk since it was checked",
                        p.batch_id, p.offset
                    ),
                ),
            ));
        }
        Ok(Some(Frame {
            table: p.table,
            batch_id: p.batch_id,
            rows: p.rows,
            payload,
        }))
    }

    /// The head frame's rows.
    pub(crate) fn head_rows(&self) -> u64 {
        self.pending.front().map_or(0, |p| u64::from(p.rows))
    }

    /// The head frame's batch id.
    pub(crate) fn head_batch_id(&self) -> Option<u64> {
        self.pending.front().map(|p| p.batch_id)
    }

    /// The head frame was sent (or is given up): moves the cursor past it and deletes the
    /// segments left behind.
    pub(crate) fn pop_head(&mut self) -> Result<()> {
        let Some(p) = self.pending.pop_front() else {
            return Ok(());
        };
        self.pending_bytes -= p.frame_len();
        self.pending_rows -= u64::from(p.rows);
        let (segment, offset) = match self.pending.front() {
            Some(next) => (next.segment, next.offset),
            None => (p.segment, p.offset + p.frame_len()),
        };
        write_cursor(&self.dir, segment, offset, self.sync)?;
        while let Some(&oldest) = self.segments.front() {
            if oldest >= segment {
                break;
            }
            self.segments.pop_front();
            let path = segment_path(&self.dir, oldest);
            fs::remove_file(&path).map_err(|e| StoreError::spool(&path, e))?;
        }
        Ok(())
    }
}

fn read_cursor(dir: &Path) -> (u64, u64) {
    let text = fs::read_to_string(dir.join("cursor")).unwrap_or_default();
    let mut parts = text.split_whitespace().map(|p| p.parse::<u64>().ok());
    match (parts.next().flatten(), parts.next().flatten()) {
        (Some(s), Some(o)) => (s, o),
        _ => (0, 0),
    }
}

fn write_cursor(dir: &Path, segment: u64, offset: u64, sync: bool) -> Result<()> {
    let tmp = dir.join("cursor.tmp");
    let mut f = File::create(&tmp).map_err(|e| StoreError::spool(&tmp, e))?;
    f.write_all(format!("{segment} {offset}\n").as_bytes())
        .and_then(|_| if sync { f.sync_data() } else { Ok(()) })
        .map_err(|e| StoreError::spool(&tmp, e))?;
    let cursor = dir.join("cursor");
    fs::rename(&tmp, &cursor).map_err(|e| StoreError::spool(&cursor, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(i: u64) -> Vec<u8> {
        (0..(100 + i as usize % 50))
            .map(|b| (b as u64 ^ i) as u8)
            .collect()
    }

    fn open(dir: &Path) -> (Spool, SpoolReport) {
        match Spool::open(dir, 1 << 30, false) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        }
    }

    fn append(s: &mut Spool, i: u64) {
        assert!(s.append(Table::Flows, i, 10, &batch(i)).is_ok());
    }

    #[test]
    fn batches_come_back_in_order_across_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let (mut s, r) = open(dir.path());
        assert_eq!(r, SpoolReport::default());
        for i in 1..=5 {
            append(&mut s, i);
        }
        let f = s.read_head().unwrap().unwrap();
        assert_eq!((f.batch_id, f.payload), (1, batch(1)));
        s.pop_head().unwrap();
        drop(s);
        let (mut s, r) = open(dir.path());
        assert_eq!((r.batches, r.rows), (4, 40));
        for i in 2..=5 {
            let f = s.read_head().unwrap().unwrap();
            assert_eq!(
                (f.batch_id, f.table, f.payload),
                (i, Table::Flows, batch(i))
            );
            s.pop_head().unwrap();
        }
        assert!(s.read_head().unwrap().is_none());
        assert_eq!(s.bytes(), 0);
    }

    #[test]
    fn a_torn_last_frame_is_cut_off_and_counted() {
        let dir = tempfile::tempdir().unwrap();
        let (mut s, _) = open(dir.path());
        append(&mut s, 1);
        append(&mut s, 2);
        drop(s);
        let seg = segment_path(dir.path(), 1);
        let len = fs::metadata(&seg).unwrap().len();
        // Every cut inside the second frame: the first survives, the rest is torn.
        let first = (HEADER + batch(1).len()) as u64;
        for cut in (first + 1..len).step_by(7) {
            let copy = tempfile::tempdir().unwrap();
            let bytes = fs::read(&seg).unwrap();
            fs::write(segment_path(copy.path(), 1), &bytes[..cut as usize]).unwrap();
            let (s, r) = open(copy.path());
            assert_eq!(
                (r.batches, r.torn_frames, r.torn_bytes),
                (1, 1, cut - first)
            );
            assert_eq!(
                fs::metadata(segment_path(copy.path(), 1)).unwrap().len(),
                first
            );
            drop(s);
            // Cut off once: the next start finds a clean spool.
            let (_, r) = open(copy.path());
            assert_eq!((r.batches, r.torn_frames), (1, 0));
        }
    }

    #[test]
    fn a_damaged_payload_is_skipped_and_counted() {
        let dir = tempfile::tempdir().unwrap();
        let (mut s, _) = open(dir.path());
        for i in 1..=3 {
            append(&mut s, i);
        }
        drop(s);
        let seg = segment_path(dir.path(), 1);
        let mut bytes = fs::read(&seg).unwrap();
        let second_payload = HEADER + batch(1).len() + HEADER + 5;
        bytes[second_payload] ^= 0xff;
        fs::write(&seg, bytes).unwrap();
        let (mut s, r) = open(dir.path());
        assert_eq!((r.batches, r.corrupt_frames, r.corrupt_rows), (2, 1, 10));
        assert_eq!(s.read_head().unwrap().unwrap().batch_id, 1);
        s.pop_head().unwrap();
        assert_eq!(s.read_head().unwrap().unwrap().batch_id, 3);
    }

    #[test]
    fn the_bound_refuses_batches_and_sent_segments_are_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let one = (HEADER + batch(1).len()) as u64;
        let (mut s, _) = Spool::open(dir.path(), one * 2, false).unwrap();
        assert!(s.append(Table::Flows, 1, 1, &batch(1)).is_ok());
        assert!(s.append(Table::Flows, 2, 1, &batch(1)).is_ok());
        assert!(matches!(
            s.append(Table::Flows, 3, 1, &batch(1)),
            Err(AppendError::Full)
        ));
        s.pop_head().unwrap();
        s.pop_head().unwrap();
        assert!(s.append(Table::Flows, 4, 1, &batch(1)).is_ok());
        assert_eq!(s.batches(), 1);
        assert_eq!(s.max_batch_id(), 4);
    }

    #[test]
    fn a_second_writer_on_the_same_spool_is_refused_until_the_first_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let (mut first, _) = open(dir.path());
        append(&mut first, 1);
        let err = match Spool::open(dir.path(), 1 << 30, false) {
            Err(e) => e,
            Ok(_) => panic!("a second open of a held spool succeeded"),
        };
        assert!(matches!(err, StoreError::SpoolLocked { .. }), "{err}");
        let said = err.to_string();
        assert!(
            said.contains(&dir.path().display().to_string()) && said.contains("own --spool"),
            "names the directory and the fix: {said}"
        );
        drop(first);
        let (_, r) = open(dir.path());
        assert_eq!(
            r.batches, 1,
            "the lock is gone with its holder, the batch is not"
        );
    }
}
