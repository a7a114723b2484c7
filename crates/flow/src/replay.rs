//! Replaying capture files: open, merge in time order, ingest, finish.

use std::path::PathBuf;

use serde::Serialize;
use tapaudit_capture::{CaptureFile, FileSummary, MergedReader};

use crate::{CaptureStats, FlowConfig, FlowRecord, FlowStats, FlowTable, Ingest};

/// Everything one replay produced.
pub struct Replay {
    /// Finished flows, in deterministic order.
    pub flows: Vec<FlowRecord>,
    /// One per input file, in the order given.
    pub files: Vec<FileSummary>,
    /// Frames that could not be decoded, per file (aligned with `files`).
    pub decode_errors_per_file: Vec<u64>,
    pub capture: CaptureStats,
    pub flow_stats: FlowStats,
}

/// Statistics in one serialisable object (`--stats FILE`).
#[derive(Serialize)]
pub struct StatsReport<'a> {
    pub capture: &'a CaptureStats,
    pub flows: &'a FlowStats,
}

impl Replay {
    /// True when every file was read to its end.
    pub fn complete(&self) -> bool {
        self.files.iter().all(|f| f.complete)
    }
}

/// Reads every file (merged in timestamp order) through one flow table. Files that cannot
/// be opened or break part-way are reported in `files`; everything read is kept.
pub fn replay_files(paths: &[PathBuf], config: FlowConfig) -> Replay {
    let mut opened = Vec::new();
    let mut slots: Vec<Option<FileSummary>> = Vec::new();
    for p in paths {
        match CaptureFile::open(p) {
            Ok(f) => {
                opened.push(f);
                slots.push(None);
            }
            Err(e) => slots.push(Some(FileSummary::failed(e))),
        }
    }
    let mut ingest = Ingest::new(FlowTable::new(config));
    let mut reader = MergedReader::new(&opened);
    while let Some(frame) = reader.next() {
        ingest.frame(&frame);
    }
    let mut read = reader.into_summaries().into_iter().enumerate();
    let by_source = &ingest.stats.decode_errors_by_source;
    let mut files = Vec::with_capacity(slots.len());
    let mut decode_errors_per_file = Vec::with_capacity(slots.len());
    for slot in slots {
        match slot {
            Some(failed) => {
                files.push(failed);
                decode_errors_per_file.push(0);
            }
            None => {
                let (source, summary) = read
                    .next()
                    .unwrap_or_else(|| (usize::MAX, unreachable_summary()));
                files.push(summary);
                decode_errors_per_file.push(by_source.get(source).copied().unwrap_or(0));
            }
        }
    }
    let mut flows = ingest.table.finish_all();
    flows.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Replay {
        flows,
        files,
        decode_errors_per_file,
        capture: ingest.capture_stats(),
        flow_stats: ingest.table.stats(),
    }
}

// Every opened file has a summary from the reader; this only keeps the types total.
fn unreachable_summary() -> FileSummary {
    FileSummary::failed(tapaudit_capture::CaptureError {
        file: PathBuf::new(),
        offset: 0,
        record: 0,
        kind: tapaudit_capture::ErrorKind::Open("internal: missing summary".into()),
    })
}
