//! What `tapaudit live` does with each report besides writing it: the new findings sent as
//! events (and logged at WARN), the metrics refreshed (a textfile written atomically, the
//! HTTP endpoint's snapshot replaced), and one log line per report written.
//!
//! Order at each report (periodic or final): [`LiveAlerts::judged`] right after the audit,
//! before anything is rendered, so an event leaves as soon as the finding is judged; then,
//! once every format is written and retention has run, [`LiveAlerts::published`].

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::SystemTime;

use tapaudit_audit::AuditResult;
use tapaudit_flow::FlowStats;
use tapaudit_vocab::{Coverage, Timestamp};

use crate::events::{Events, Sink, SyslogTarget};
use crate::metrics::{render, serve, write_textfile, MetricsSnapshot, SharedMetrics};

/// Where a live run's events and metrics go (every part optional).
#[derive(Clone, Debug, Default)]
pub struct AlertsConfig {
    /// JSON lines: a file (appended to) or `-` for stdout.
    pub events: Option<String>,
    pub syslog: Option<SyslogTarget>,
    /// Prometheus text, rewritten atomically at every report.
    pub metrics_file: Option<PathBuf>,
    /// `GET /metrics` served on this address.
    pub metrics_listen: Option<SocketAddr>,
}

/// Why events or metrics could not be set up (at start: the run does not begin).
#[derive(Debug)]
pub struct StartError(pub String);

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StartError {}

/// One report as written, for the log line and the metrics.
pub struct Published<'a> {
    pub coverage: &'a Coverage,
    pub flow_stats: &'a FlowStats,
    pub result: &'a AuditResult,
    /// The `latest.<ext>` path of each format written.
    pub paths: &'a [PathBuf],
    /// New findings of this report ([`LiveAlerts::judged`]'s answer).
    pub new_findings: usize,
    /// Bytes in the report directory after retention.
    pub dir_bytes: u64,
}

/// The events, the findings already sent and the metrics of one live run.
pub struct LiveAlerts {
    events: Events,
    metrics: MetricsSnapshot,
    metrics_file: Option<PathBuf>,
    shared: Option<SharedMetrics>,
}

impl LiveAlerts {
    /// Opens the event sinks and starts the metrics endpoint (call it after any privilege
    /// drop: the endpoint's thread must not keep root's capabilities). Findings are judged
    /// and logged even with no sink.
    pub fn start(config: &AlertsConfig) -> Result<LiveAlerts, StartError> {
        let mut sinks = Vec::new();
        if let Some(path) = &config.events {
            let sink = Sink::lines(path)
                .map_err(|e| StartError(format!("--events {path}: cannot open: {e}")))?;
            sinks.push(sink);
        }
        if let Some(target) = &config.syslog {
            sinks.push(Sink::syslog(target).map_err(|e| StartError(format!("--syslog: {e}")))?);
        }
        if let Some(path) = &config.metrics_file {
            // Fails now, naming the file, rather than at the first report.
            write_textfile(path, "")
                .map_err(|e| StartError(format!("--metrics {}: {e}", path.display())))?;
        }
        let shared = match config.metrics_listen {
            Some(addr) => {
                let shared = SharedMetrics::default();
                serve(addr, shared.clone())
                    .map_err(|e| StartError(format!("--metrics-listen {addr}: {e}")))?;
                Some(shared)
            }
            None => None,
        };
        Ok(LiveAlerts {
            events: Events::new(sinks),
            metrics: MetricsSnapshot::default(),
            metrics_file: config.metrics_file.clone(),
            shared,
        })
    }

    /// Sends the findings of this audit not sent before; returns how many were new.
    pub fn judged(&mut self, result: &AuditResult, judged_at: Timestamp) -> usize {
        self.events.judge(result, judged_at)
    }

    /// Distinct findings judged since the start.
    pub fn findings_total(&self) -> u64 {
        self.events.by_kind.values().sum::<u64>() + self.events.untracked
    }

    /// Logs the report and refreshes the metrics (a textfile that cannot be written is
    /// logged; the run goes on).
    pub fn published(&mut self, report: Published<'_>, now: SystemTime) {
        let flows = report.result.flows.len();
        let final_report = report
            .coverage
            .live
            .as_ref()
            .is_some_and(|l| !l.in_progress);
        for p in report.paths {
            tracing::info!(
                path = %p.display(),
                flows,
                findings_new = report.new_findings,
                findings_total = self.findings_total(),
                final_report,
                "report written"
            );
        }
        let m = &mut self.metrics;
        m.take_report(
            report.coverage,
            report.flow_stats,
            report.result,
            &self.events.by_kind,
            self.events.sent,
        );
        m.reports_written += 1;
        m.report_bytes = report.dir_bytes;
        m.last_report = Some(now);
        if let Some(path) = &self.metrics_file {
            if let Err(e) = write_textfile(path, &render(m, now)) {
                tracing::warn!(error = %e, "cannot write the metrics file");
            }
        }
        if let Some(shared) = &self.shared {
            *shared.lock().unwrap_or_else(|p| p.into_inner()) = m.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_metrics_file_that_cannot_be_written_stops_the_start() {
        let config = AlertsConfig {
            metrics_file: Some("/nonexistent-dir/x.prom".into()),
            ..Default::default()
        };
        let err = LiveAlerts::start(&config).err().unwrap();
        assert!(
            err.0.starts_with("--metrics /nonexistent-dir/x.prom"),
            "{err}"
        );
    }

    #[test]
    fn each_report_rewrites_the_metrics_file_with_its_counts() {
        let d = tempfile::tempdir().unwrap();
        let file = d.path().join("m.prom");
        let mut alerts = LiveAlerts::start(&AlertsConfig {
            metrics_file: Some(file.clone()),
            ..Default::default()
        })
        .unwrap();
        let result = AuditResult::default();
        assert_eq!(alerts.judged(&result, Timestamp::from_secs_nanos(0, 0)), 0);
        let coverage = Coverage::default();
        let flow_stats = FlowStats::default();
        for n in 1..=2 {
            alerts.published(
                Published {
                    coverage: &coverage,
                    flow_stats: &flow_stats,
                    result: &result,
                    paths: &[],
                    new_findings: 0,
                    dir_bytes: 1234,
                },
                SystemTime::now(),
            );
            let text = std::fs::read_to_string(&file).unwrap();
            assert!(text.contains(&format!("\ntapaudit_reports_written_total {n}\n")));
            assert!(text.contains("\ntapaudit_report_dir_bytes 1234\n"));
            assert!(text.contains("tapaudit_findings_total{kind=\"violation\"} 0\n"));
        }
    }
}
