//! The two ends of the store as the commands use them: a sensor's run sent in
//! ([`send_run`], [`Ingest`] for `tapaudit ingest`), and a window of every sensor read back
//! and merged for one plant-wide audit ([`read_window`]).

use std::path::PathBuf;
use std::time::Duration;

use tapaudit_flow::{FlowRecord, FlowStats, LoggedAnnouncement};
use tapaudit_pipeline::Run;
use tapaudit_vocab::{CaptureStats, Coverage, FileCoverage, FileError};

use crate::error::Result;
use crate::merge::{merge, MergeConfig, MergeStats};
use crate::rows::{AnnouncementRecord, CoverageRecord, SourceKind};
use crate::spool::SpoolReport;
use crate::store::{ReadQuery, Store};
use crate::url::StoreUrl;
use crate::writer::{Writer, WriterConfig, WriterStats};

/// Rows handed to the writer at once: its queue takes lists, and a list of a million flows
/// would sit in memory twice while it is encoded.
const CHUNK: usize = 8_192;

/// Sends what one replay of a sensor's captures gathered: its flows, the announcements its
/// flow table registered and one coverage row per file. Waits up to `timeout` for the
/// server to acknowledge everything; what it has not acknowledged by then stays in the
/// spool (counted in the returned statistics) and is sent by the next writer on that spool.
pub fn send_run(
    writer: Writer,
    interface: &str,
    flows: Vec<FlowRecord>,
    announcements: Vec<LoggedAnnouncement>,
    coverage: &Coverage,
    sensor: &str,
    timeout: Duration,
) -> Result<WriterStats> {
    let mut flows = flows.into_iter();
    loop {
        let chunk: Vec<FlowRecord> = flows.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        writer.flows(interface, chunk)?;
    }
    let mut announcements = announcements.into_iter().map(AnnouncementRecord::from);
    loop {
        let chunk: Vec<AnnouncementRecord> = announcements.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        writer.announcements(interface, chunk)?;
    }
    let rows = coverage
        .files
        .iter()
        .map(|f| CoverageRecord::from_file(sensor, f))
        .collect();
    writer.coverage(rows)?;
    writer.flush(timeout)?;
    Ok(writer.close(Duration::from_secs(1)))
}

/// Most announcements one ingest sends; beyond, counted (`announcements_not_logged`).
pub const MAX_LOGGED_ANNOUNCEMENTS: usize = 1_000_000;

/// `tapaudit ingest`: one sensor's replay on its way to the store, through a writer started
/// on its spool.
pub struct Ingest {
    writer: Writer,
    store: StoreUrl,
    sensor: String,
    spool: PathBuf,
    pending: SpoolReport,
}

/// What an [`Ingest`] sent, and whether everything arrived.
pub struct Ingested {
    /// What to tell the operator (one line each).
    pub lines: Vec<String>,
    /// Every row acknowledged, none dropped, and every capture read to its end.
    pub complete: bool,
}

impl Ingest {
    /// Starts the writer to `store` on `spool` (default: `tapaudit-spool-<sensor>` in the
    /// temporary directory).
    pub fn start(store: &StoreUrl, sensor: &str, spool: Option<PathBuf>) -> Result<Ingest> {
        let spool = spool.unwrap_or_else(|| default_spool(sensor));
        let (writer, pending) = Writer::start(WriterConfig::new(store.clone(), sensor, &spool))?;
        Ok(Ingest {
            writer,
            store: store.clone(),
            sensor: sensor.to_string(),
            spool,
            pending,
        })
    }

    /// What an earlier run left in the spool, when it left anything.
    pub fn pending(&self) -> Option<String> {
        (self.pending.batches > 0).then(|| {
            format!(
                "the spool {} holds what an earlier run did not send: {}",
                self.spool.display(),
                self.pending
            )
        })
    }

    /// Sends `run` as seen on `interface`; waits up to `wait` for the acknowledgements.
    pub fn send(self, interface: &str, run: Run, wait: Duration) -> Result<Ingested> {
        let (flows, announcements) = (run.flows.len(), run.announcements.len());
        let complete = run.complete();
        let not_logged = run.flow_stats.announcements_not_logged;
        let stats = send_run(
            self.writer,
            interface,
            run.flows,
            run.announcements,
            &run.coverage,
            &self.sensor,
            wait,
        )?;
        let mut lines = vec![format!(
            "sensor {}: {flows} flows, {announcements} announcements sent to {}: {} rows acknowledged, {} batches left in the spool {}{}",
            self.sensor,
            self.store,
            stats.rows_sent.total(),
            stats.spool_batches,
            self.spool.display(),
            stats.last_error.as_ref().map_or(String::new(), |e| format!(" (last error: {e})")),
        )];
        if not_logged > 0 {
            lines.push(format!(
                "{not_logged} announcements beyond {MAX_LOGGED_ANNOUNCEMENTS} were not sent"
            ));
        }
        Ok(Ingested {
            lines,
            complete: stats.spool_batches == 0 && stats.rows_dropped == 0 && complete,
        })
    }
}

/// A sensor's spool when none is given: `tapaudit-spool-<sensor>` in the temporary directory.
pub(crate) fn default_spool(sensor: &str) -> PathBuf {
    std::env::temp_dir().join(format!("tapaudit-spool-{}", sanitise(sensor)))
}

/// A sensor name as a file name: anything but letters, digits, `-` and `_` becomes `_`.
fn sanitise(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// A window of the store, merged: the flows as one plant-wide list, and what covered them.
pub struct Window {
    pub flows: Vec<FlowRecord>,
    /// One entry per sensor and source (file or interface), named `sensor: source`.
    pub coverage: Coverage,
    /// Counters of the merge (flows seen by several sensors, announcements credited across
    /// sensors, ...), in the statistics the reports print.
    pub merge: MergeStats,
    pub flow_stats: FlowStats,
    /// Sensors that stored anything in the window, sorted.
    pub sensors: Vec<String>,
}

impl Window {
    /// One line on what was merged (for stderr).
    pub fn summary(&self) -> String {
        let m = &self.merge;
        format!(
            "{} records of sensors {} merged into {} flows ({} seen by several sensors, {} credited to an announcement of another sensor)",
            m.records,
            self.sensors.join(", "),
            m.flows,
            m.seen_by_several,
            m.credited_across_sensors,
        )
    }
}

/// The window as a run of the pipeline, audited like a replay (no announcement log).
impl From<Window> for Run {
    fn from(w: Window) -> Run {
        Run {
            flows: w.flows,
            coverage: w.coverage,
            flow_stats: w.flow_stats,
            announcements: Vec::new(),
        }
    }
}

/// Reads the flows, announcements and coverage of `query` and merges them.
pub fn read_window(store: &Store, query: &ReadQuery, config: &MergeConfig) -> Result<Window> {
    let records = store.read_flows(query)?;
    let announcements = store.read_announcements(query)?;
    let coverage_rows = store.read_coverage(query)?;
    let mut sensors: Vec<String> = records
        .iter()
        .map(|r| r.sensor.to_string())
        .chain(coverage_rows.iter().map(|c| c.sensor.clone()))
        .collect();
    sensors.sort_unstable();
    sensors.dedup();
    let merged = merge(records, &announcements, config);
    let stats = merged.stats.clone();
    let flows = merged.into_flow_records();
    let flow_stats = FlowStats {
        flows: flows.len() as u64,
        ..FlowStats::default()
    };
    let mut coverage = coverage_of(&coverage_rows);
    // The coverage rows count frames, not IP packets; the flows' packets are IP packets the
    // sensors saw (a lower bound: packets of no flow are not in it).
    coverage.capture.ip_packets = flows
        .iter()
        .map(|f| f.packets_to_server + f.packets_to_client)
        .sum();
    Ok(Window {
        flows,
        coverage,
        merge: stats,
        flow_stats,
        sensors,
    })
}

/// The coverage rows as the reports show captures: one entry per sensor and source.
/// A live interface's row is "complete" while it was capturing when last written; its gaps
/// and drops are in the row (docs/store.md).
pub fn coverage_of(rows: &[CoverageRecord]) -> Coverage {
    let mut rows: Vec<&CoverageRecord> = rows.iter().collect();
    rows.sort_by(|a, b| {
        (&a.sensor, &a.source, a.window_start).cmp(&(&b.sensor, &b.source, b.window_start))
    });
    let mut capture = CaptureStats::default();
    let files = rows
        .into_iter()
        .map(|r| {
            capture.packets += r.packets;
            capture.bytes += r.bytes;
            let complete = match r.kind {
                SourceKind::File => r.complete,
                SourceKind::Interface => {
                    r.error.is_none() && r.dropped_by_kernel == 0 && r.dropped_by_interface == 0
                }
            };
            FileCoverage {
                file: format!("{}: {}", r.sensor, r.source),
                packets: r.packets,
                bytes: r.bytes,
                first_seen: Some(r.window_start),
                last_seen: Some(r.window_end),
                decode_errors: r.decode_errors,
                timestamps_backwards: 0,
                timestamps_implausible: 0,
                clock_steps: 0,
                skipped_blocks: 0,
                interfaces: Vec::new(),
                sha256: None,
                complete,
                error: r.error.clone().map(|message| FileError {
                    record: 0,
                    offset: 0,
                    message,
                }),
            }
        })
        .collect();
    Coverage {
        files,
        live: None,
        capture,
    }
}
