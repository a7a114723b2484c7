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
    let mut read = reader.into_summaries().into_iter();
    let files = slots
        .into_iter()
        .map(|s| s.or_else(|| read.next()))
        .map(|s| s.unwrap_or_else(|| unreachable_summary()))
        .collect();
    let mut flows = ingest.table.finish_all();
    flows.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Replay {
        flows,
        files,
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
