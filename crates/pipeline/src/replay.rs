//! Replaying captures (files, or bytes held in memory): open, merge in time order, ingest,
//! finish.

use std::path::{Path, PathBuf};

use tapaudit_capture::{CaptureError, CaptureFile, FileSummary, Frame, MergedReader};
use tapaudit_decode::{decode, Decoded};
use tapaudit_flow::{FinishedStore, FlowConfig, FlowTable};
use tapaudit_vocab::{Coverage, FileCoverage, FileError};

use crate::{Ingest, Run};

/// One capture to replay.
#[derive(Clone, Debug)]
pub enum CaptureInput {
    /// A pcap or pcapng file, optionally gzip-compressed.
    File(PathBuf),
    /// A pcap or pcapng held in memory (the demo embedded in the binary); `name` stands for
    /// the file in the coverage and in error messages.
    Memory { name: String, bytes: Vec<u8> },
}

impl CaptureInput {
    fn open(self) -> Result<CaptureFile, CaptureError> {
        match self {
            CaptureInput::File(path) => CaptureFile::open(&path),
            CaptureInput::Memory { name, bytes } => CaptureFile::from_bytes(&name, bytes),
        }
    }
}

/// Checks, before anything is read, that a capture file can be opened at all (it is read
/// for real by the replay): a capture that does not exist or is a directory is an error
/// naming it, and no report is made.
pub fn check_capture(path: &Path) -> std::io::Result<()> {
    let cannot = |e: std::io::Error| {
        std::io::Error::new(
            e.kind(),
            format!("capture {}: cannot be opened: {e}", path.display()),
        )
    };
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if meta.is_dir() {
        return Err(std::io::Error::other(format!(
            "capture {}: is a directory, not a capture file",
            path.display()
        )));
    }
    std::fs::File::open(path).map_err(cannot)?;
    Ok(())
}

/// Reads every file (merged in timestamp order) through one flow table. Files that cannot
/// be opened or break part-way are reported in `files`; everything read is kept.
pub fn replay_files(paths: &[PathBuf], config: FlowConfig) -> Run {
    replay_opened(paths.iter().map(|p| CaptureFile::open(p)), config, None)
}

/// [`replay_files`] over files and in-memory captures alike, in the order given.
pub fn replay(inputs: impl IntoIterator<Item = CaptureInput>, config: FlowConfig) -> Run {
    replay_opened(inputs.into_iter().map(CaptureInput::open), config, None)
}

/// [`replay`] that also shows the UDP datagrams `observer` wants to it (it keeps what it
/// learns behind its own handle).
pub fn replay_observed(
    inputs: impl IntoIterator<Item = CaptureInput>,
    config: FlowConfig,
    observer: Box<dyn crate::DatagramObserver>,
) -> Run {
    replay_opened(
        inputs.into_iter().map(CaptureInput::open),
        config,
        Some(observer),
    )
}

fn replay_opened(
    inputs: impl Iterator<Item = Result<CaptureFile, CaptureError>>,
    config: FlowConfig,
    observer: Option<Box<dyn crate::DatagramObserver>>,
) -> Run {
    let mut opened = Vec::new();
    let mut slots: Vec<Option<FileSummary>> = Vec::new();
    for input in inputs {
        match input {
            Ok(f) => {
                opened.push(f);
                slots.push(None);
            }
            Err(e) => slots.push(Some(FileSummary::failed(e))),
        }
    }
    let store = FinishedStore::new(config.max_records);
    let (summaries, mut ingest, mut store) = read_in_two_threads(
        &opened,
        Ingest::new(FlowTable::new(config)).with_observer(observer),
        store,
    );
    let mut read = summaries.into_iter().enumerate();
    let mut files = Vec::with_capacity(slots.len());
    for slot in slots {
        files.push(match slot {
            Some(failed) => file_coverage(failed, 0),
            None => {
                let (source, summary) = read
                    .next()
                    .unwrap_or_else(|| (usize::MAX, unreachable_summary()));
                file_coverage(summary, ingest.decode_errors_of(source))
            }
        });
    }
    store.extend(ingest.table.finish_all());
    let mut flow_stats = ingest.table.stats();
    flow_stats.records = store.stats();
    let mut capture = ingest.capture_stats();
    capture.timestamps_implausible = files.iter().map(|f| f.timestamps_implausible).sum();
    capture.clock_steps = files.iter().map(|f| f.clock_steps).sum();
    let announcements = ingest.table.take_announcement_log();
    drop(ingest); // the flow table's memory, before sorting needs some
    let mut flows = store.into_records();
    tapaudit_flow::sort_in_flow_order(&mut flows, |f| f);
    Run {
        flows,
        coverage: Coverage {
            files,
            live: None,
            capture,
        },
        flow_stats,
        announcements,
    }
}

/// The report's view of one file: the reader's summary and the frames it could not decode.
fn file_coverage(s: FileSummary, decode_errors: u64) -> FileCoverage {
    FileCoverage {
        file: s.file.display().to_string(),
        packets: s.packets,
        bytes: s.bytes,
        first_seen: s.first_ts,
        last_seen: s.last_ts,
        decode_errors,
        timestamps_backwards: s.timestamps_backwards,
        timestamps_implausible: s.timestamps_implausible,
        clock_steps: s.clock_steps,
        skipped_blocks: s.skipped_blocks,
        complete: s.complete,
        error: s.error.map(|e| FileError {
            record: e.record,
            offset: e.offset,
            message: e.to_string(),
        }),
        sha256: s.sha256.map(|d| tapaudit_capture::digest::hex(&d)),
        interfaces: s.interfaces,
    }
}

/// Frames handed from the reading thread to the flow thread at a time.
const BATCH: usize = 4096;
/// Batches in flight: bounds how far reading runs ahead (and the memory it holds).
const IN_FLIGHT: usize = 4;

/// Two cores, two stages: this thread reads and decodes records (and owns the per-file
/// summaries), a second one counts them and runs the flow table (decoding here balances the
/// two stages: measured in docs/performance.md). Frames and their decoded summaries borrow
/// from the mapped files, so batches carry no copies of packet bytes; emptied batches come
/// back for reuse, so the steady state allocates nothing. One producer, FIFO channels: the
/// flow table sees the frames in exactly the single-threaded order, so the results are
/// identical.
fn read_in_two_threads(
    files: &[CaptureFile],
    mut ingest: Ingest,
    mut store: FinishedStore,
) -> (Vec<FileSummary>, Ingest, FinishedStore) {
    use std::sync::mpsc::sync_channel;
    let (full_tx, full_rx) = sync_channel::<Vec<(Frame<'_>, Decoded<'_>)>>(IN_FLIGHT);
    let (empty_tx, empty_rx) = sync_channel::<Vec<(Frame<'_>, Decoded<'_>)>>(IN_FLIGHT + 1);
    std::thread::scope(|scope| {
        let flows = scope.spawn(move || {
            let mut faulted_to = vec![0usize; files.len()];
            for mut batch in full_rx {
                if let Some((last, _)) = batch.last() {
                    fault_in_ahead(files, last, &mut faulted_to);
                }
                for (frame, decoded) in batch.drain(..) {
                    ingest.decoded_frame(&frame, decoded);
                }
                store.extend(ingest.table.take_finished());
                batch.clear();
                // The reader may have finished: a batch nobody takes back is simply dropped.
                let _ = empty_tx.try_send(batch);
            }
            (ingest, store)
        });
        let mut reader = MergedReader::new(files);
        let mut batch = Vec::with_capacity(BATCH);
        while let Some(frame) = reader.next() {
            let decoded = decode(frame.link, frame.data);
            batch.push((frame, decoded));
            if batch.len() == BATCH {
                let next = empty_rx
                    .try_recv()
                    .unwrap_or_else(|_| Vec::with_capacity(BATCH));
                if full_tx.send(std::mem::replace(&mut batch, next)).is_err() {
                    break; // the flow thread is gone (it panicked): stop reading
                }
            }
        }
        if !batch.is_empty() {
            let _ = full_tx.send(batch);
        }
        drop(full_tx);
        let summaries = reader.into_summaries();
        match flows.join() {
            Ok((ingest, store)) => (summaries, ingest, store),
            // A panic in the flow thread is a bug: surface it as such, not as bad input.
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Where the reader will be next in a mapped file, touched one byte per page from this
/// thread, so that the page faults (the kernel mapping the file's pages) are taken here, on
/// the core with time to spare, and the reader finds its pages mapped (its cache prefetch
/// hints are dropped on pages that are not).
fn fault_in_ahead(files: &[CaptureFile], last: &Frame<'_>, faulted_to: &mut [usize]) {
    const FROM: usize = 256 << 10;
    const TO: usize = 2 << 20;
    const PAGE: usize = 4096;
    let (Some(file), Some(done)) = (files.get(last.source), faulted_to.get_mut(last.source)) else {
        return;
    };
    let bytes = file.bytes();
    let at = (last.data.as_ptr() as usize).wrapping_sub(bytes.as_ptr() as usize);
    if at >= bytes.len() {
        return;
    }
    let end = (at + TO).min(bytes.len());
    let mut page = (*done).max(at + FROM) & !(PAGE - 1);
    while page < end {
        std::hint::black_box(bytes[page]);
        page += PAGE;
    }
    *done = (*done).max(end);
}

// Every opened file has a summary from the reader; this only keeps the types total.
fn unreachable_summary() -> FileSummary {
    FileSummary::failed(CaptureError {
        file: PathBuf::new(),
        offset: 0,
        record: 0,
        kind: tapaudit_capture::ErrorKind::Open("internal: missing summary".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo_path() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../captures/demo/demo.pcap")
    }

    #[test]
    fn a_capture_in_memory_replays_like_its_file() {
        let path = demo_path();
        let from_file = replay_files(std::slice::from_ref(&path), FlowConfig::default());
        let in_memory = replay(
            [CaptureInput::Memory {
                name: path.display().to_string(),
                bytes: std::fs::read(&path).unwrap(),
            }],
            FlowConfig::default(),
        );
        assert!(in_memory.complete());
        assert!(!in_memory.flows.is_empty());
        assert_eq!(in_memory.flows, from_file.flows);
        assert_eq!(in_memory.coverage, from_file.coverage);
        assert_eq!(in_memory.flow_stats, from_file.flow_stats);
    }

    #[test]
    fn a_damaged_capture_in_memory_is_named_in_the_coverage() {
        let run = replay(
            [
                CaptureInput::File(demo_path()),
                CaptureInput::Memory {
                    name: "embedded.pcap".into(),
                    bytes: b"not a capture".to_vec(),
                },
            ],
            FlowConfig::default(),
        );
        assert!(!run.complete());
        let bad: Vec<&str> = run
            .coverage
            .incomplete_files()
            .map(|f| f.file.as_str())
            .collect();
        assert_eq!(bad, ["embedded.pcap"]);
        assert!(run.coverage.files[0].complete);
    }
}
