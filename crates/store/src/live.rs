//! [`LiveSensor`]: a `tapaudit live` run streaming into the store as it goes (`live
//! --store`): every finished flow once, every announcement its flow table registers, and
//! each interface's coverage (a row per interface for the run, replaced as the run goes on:
//! same record id, later `window_end`). A [`Writer`] underneath batches, spools while the
//! server is away and sends the spool in order when it is back; the spool directory is
//! locked for the run. With the `live` feature, [`SensorSink`] makes it the live engine's
//! sink.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use tapaudit_flow::{FlowRecord, LoggedAnnouncement};
use tapaudit_vocab::{InterfaceCoverage, Timestamp};

use crate::central::default_spool;
use crate::error::Result;
use crate::rows::{AnnouncementRecord, CoverageRecord};
use crate::spool::SpoolReport;
use crate::url::StoreUrl;
use crate::writer::{Writer, WriterConfig, WriterStats};

/// A live sensor's connection to the store.
pub struct LiveSensor {
    writer: Mutex<Option<Writer>>,
    sensor: String,
    /// The interface name on flow and announcement rows: `''` for one interface (docs/store.md),
    /// the names joined by `+` for several (they feed one flow table).
    interface: String,
    store: StoreUrl,
    spool: PathBuf,
    pending: SpoolReport,
    /// A failure to queue was logged once already.
    complained: AtomicBool,
}

/// How a live sensor's stream ended.
pub struct LiveSensorEnd {
    /// What to tell the operator (one line each).
    pub lines: Vec<String>,
    /// Everything acknowledged, nothing dropped.
    pub complete: bool,
    pub stats: WriterStats,
}

impl LiveSensor {
    /// Opens (and locks) the spool and starts the writer; the server need not be up.
    pub fn start(
        store: &StoreUrl,
        sensor: &str,
        spool: Option<PathBuf>,
        interfaces: &[String],
    ) -> Result<LiveSensor> {
        Self::start_with(store, sensor, spool, interfaces, |_| {})
    }

    /// As [`LiveSensor::start`], with the writer's configuration adjusted by `tune`.
    pub fn start_with(
        store: &StoreUrl,
        sensor: &str,
        spool: Option<PathBuf>,
        interfaces: &[String],
        tune: impl FnOnce(&mut WriterConfig),
    ) -> Result<LiveSensor> {
        let spool = spool.unwrap_or_else(|| default_spool(sensor));
        let mut config = WriterConfig::new(store.clone(), sensor, &spool);
        tune(&mut config);
        let (writer, pending) = Writer::start(config)?;
        Ok(LiveSensor {
            writer: Mutex::new(Some(writer)),
            sensor: sensor.to_string(),
            interface: if interfaces.len() > 1 {
                interfaces.join("+")
            } else {
                String::new()
            },
            store: store.clone(),
            spool,
            pending,
            complained: AtomicBool::new(false),
        })
    }

    pub fn spool(&self) -> &Path {
        &self.spool
    }

    /// What an earlier run left in the spool (sent first), when it left anything.
    pub fn pending(&self) -> Option<String> {
        let p = &self.pending;
        (p.batches > 0 || p.torn_frames > 0 || p.corrupt_frames > 0).then(|| {
            format!(
                "sensor {}: the spool {} holds what an earlier run did not send: {p}",
                self.sensor,
                self.spool.display()
            )
        })
    }

    fn with_writer(&self, f: impl FnOnce(&Writer) -> Result<()>) {
        let guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let Some(w) = guard.as_ref() else {
            return;
        };
        if let Err(e) = f(w) {
            if !self.complained.swap(true, Ordering::Relaxed) {
                tracing::error!(error = %e, "the store writer refused rows");
            }
        }
    }

    /// Finished flows (each once).
    pub fn flows(&self, flows: &[FlowRecord]) {
        self.with_writer(|w| w.flows(&self.interface, flows.to_vec()));
    }

    /// Announcements as the flow table registered them.
    pub fn announcements(&self, list: Vec<LoggedAnnouncement>) {
        let list = list.into_iter().map(AnnouncementRecord::from).collect();
        self.with_writer(|w| w.announcements(&self.interface, list));
    }

    /// Each interface's coverage for the run that started at `started`, as of `written`.
    pub fn coverage(
        &self,
        started: Timestamp,
        written: Timestamp,
        interfaces: &[InterfaceCoverage],
    ) {
        let rows = interfaces
            .iter()
            .map(|i| CoverageRecord::from_interface(&self.sensor, i, started, written))
            .collect();
        self.with_writer(|w| w.coverage(rows));
    }

    pub fn stats(&self) -> Option<WriterStats> {
        let guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        guard.as_ref().map(Writer::stats)
    }

    /// Seals what is open, waits up to `wait` for the server to acknowledge everything, and
    /// stops; the rest stays in the spool for the next run (or `tapaudit store flush`).
    pub fn close(&self, wait: Duration) -> LiveSensorEnd {
        let writer = self.writer.lock().unwrap_or_else(|p| p.into_inner()).take();
        let stats = match writer {
            Some(w) => {
                let _ = w.flush(wait);
                w.close(Duration::from_secs(1))
            }
            None => WriterStats::default(),
        };
        let line = ended_line(&self.sensor, &self.store, &self.spool, &stats);
        LiveSensorEnd {
            lines: vec![line],
            complete: stats.spool_batches == 0 && stats.rows_dropped == 0,
            stats,
        }
    }
}

/// `sensor S: N rows acknowledged by STORE (flows, announcements, coverage); M batches (R
/// bytes) stayed in the spool DIR`.
pub(crate) fn ended_line(sensor: &str, store: &StoreUrl, spool: &Path, s: &WriterStats) -> String {
    let mut line = format!(
        "sensor {sensor}: {} rows acknowledged by {store} ({} flows, {} announcements, {} coverage); {} rows in {} batches ({} bytes) stayed in the spool {}",
        s.rows_sent.total(),
        s.rows_sent.flows,
        s.rows_sent.announcements,
        s.rows_sent.coverage,
        s.spool_rows,
        s.spool_batches,
        s.spool_bytes,
        spool.display(),
    );
    if s.rows_dropped > 0 {
        line.push_str(&format!(
            "; {} rows dropped ({} batches) because the spool was full",
            s.rows_dropped, s.batches_dropped
        ));
    }
    if s.rows_invalid > 0 {
        line.push_str(&format!("; {} rows could not be stored", s.rows_invalid));
    }
    if let Some(e) = &s.last_error {
        line.push_str(&format!(" (last error: {e})"));
    }
    line
}

/// Sends what a stopped sensor (or ingest) left in `spool`, waiting up to `wait`.
pub fn flush_spool(
    store: &StoreUrl,
    spool: &Path,
    wait: Duration,
) -> Result<(SpoolReport, LiveSensorEnd)> {
    let (writer, found) = Writer::start(WriterConfig::new(store.clone(), "", spool))?;
    let _ = writer.flush(wait);
    let stats = writer.close(Duration::from_secs(1));
    let mut line = format!(
        "{}: {} batches sent ({} rows acknowledged by {store}); {} rows in {} batches ({} bytes) stayed",
        spool.display(),
        stats.batches_sent,
        stats.rows_sent.total(),
        stats.spool_rows,
        stats.spool_batches,
        stats.spool_bytes,
    );
    if let Some(e) = &stats.last_error {
        line.push_str(&format!(" (last error: {e})"));
    }
    Ok((
        found,
        LiveSensorEnd {
            lines: vec![line],
            complete: stats.spool_batches == 0,
            stats,
        },
    ))
}

/// A [`LiveSensor`] as the live engine's sink (`LiveEngine::with_sink`).
#[cfg(feature = "live")]
pub struct SensorSink(pub std::sync::Arc<LiveSensor>);

#[cfg(feature = "live")]
impl tapaudit_pipeline::live::LiveSink for SensorSink {
    fn finished(&mut self, flows: &[FlowRecord]) {
        self.0.flows(flows);
    }
    fn announcements(&mut self, list: Vec<LoggedAnnouncement>) {
        self.0.announcements(list);
    }
}
