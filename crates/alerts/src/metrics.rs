//! Prometheus text-format metrics (exposition format 0.0.4), off by default: written to a
//! file atomically at every report (for node_exporter's textfile collector, [`write_textfile`])
//! and/or served on a local HTTP port ([`serve`]). The numbers are those of the last report
//! (refreshed at every periodic report); on the HTTP port `tapaudit_report_age_seconds` is
//! computed when scraped, so an alert on it sees a sensor that stopped reporting.
//!
//! The responder is a few lines on `std::net::TcpListener` (one thread, one connection at a
//! time, bounded reads with timeouts): a scrape every 15 s needs no HTTP framework.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use tapaudit_audit::{AuditResult, Verdict};
use tapaudit_flow::FlowStats;
use tapaudit_vocab::{CaptureStats, Coverage, LiveCoverage, Timestamp};

/// What the last report said, for the metrics endpoint.
#[derive(Clone, Debug, Default)]
pub struct MetricsSnapshot {
    pub live: Option<LiveCoverage>,
    pub capture: CaptureStats,
    pub flows_finished: u64,
    pub flows_open: u64,
    pub flows_evicted: u64,
    /// Flows by verdict (documented, undocumented, violation) in the last report.
    pub verdicts: BTreeMap<&'static str, u64>,
    /// Findings (distinct ids) by kind since the start, and events sent.
    pub findings: BTreeMap<&'static str, u64>,
    pub events_sent: u64,
    pub expectations_announced: u64,
    pub expectations_matched: u64,
    pub expectations_expired: u64,
    pub expectations_dropped_full: u64,
    pub reports_written: u64,
    pub report_bytes: u64,
    pub last_report: Option<SystemTime>,
}

impl MetricsSnapshot {
    /// Takes the numbers of one report: its coverage, flow-table counters and audit, the
    /// findings judged since the start (by kind) and the events sent.
    pub fn take_report(
        &mut self,
        coverage: &Coverage,
        flow_stats: &FlowStats,
        result: &AuditResult,
        findings: &BTreeMap<&'static str, u64>,
        events_sent: u64,
    ) {
        self.live = coverage.live.clone();
        self.capture = coverage.capture.clone();
        if let Some(live) = &coverage.live {
            let f = &live.finished_flows;
            self.flows_finished = f.kept as u64 + f.folded + f.dropped;
            self.flows_open = live.open_flows as u64;
        }
        self.flows_evicted = flow_stats.evicted;
        self.verdicts.clear();
        for v in [
            Verdict::Documented,
            Verdict::Undocumented,
            Verdict::Violation,
        ] {
            self.verdicts.insert(v.as_str(), result.count(v) as u64);
        }
        self.findings = findings.clone();
        self.events_sent = events_sent;
        let x = &flow_stats.expectations;
        self.expectations_announced = x.announced;
        self.expectations_matched = x.matched;
        self.expectations_expired = x.expired;
        self.expectations_dropped_full = x.dropped_full;
    }
}

/// Writes `text` to `path` atomically: a temporary file beside it (`<name>.tmp`, which
/// node_exporter's textfile collector ignores: it reads `*.prom` only), fsync, rename. A
/// scrape never sees half a file.
pub fn write_textfile(path: &Path, text: &str) -> std::io::Result<()> {
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{}: not a file name", path.display()),
        )
    })?;
    let mut tmp_name = name.to_os_string();
    tmp_name.push(".tmp");
    let tmp = path.with_file_name(tmp_name);
    let named = |e: std::io::Error, p: &Path| {
        std::io::Error::new(
            e.kind(),
            format!("writing the metrics {}: {e}", p.display()),
        )
    };
    let mut f = std::fs::File::create(&tmp).map_err(|e| named(e, &tmp))?;
    f.write_all(text.as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(|e| named(e, &tmp))?;
    drop(f);
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        named(e, path)
    })
}

/// Shared between the report writer (updates) and the HTTP thread (reads).
pub type SharedMetrics = Arc<Mutex<MetricsSnapshot>>;

fn esc(v: &str) -> String {
    v.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

struct Out(String);

impl Out {
    fn family(&mut self, name: &str, kind: &str, help: &str) {
        let _ = writeln!(self.0, "# HELP {name} {help}");
        let _ = writeln!(self.0, "# TYPE {name} {kind}");
    }
    fn sample(&mut self, name: &str, labels: &[(&str, &str)], v: impl std::fmt::Display) {
        self.0.push_str(name);
        if !labels.is_empty() {
            self.0.push('{');
            for (i, (k, val)) in labels.iter().enumerate() {
                if i > 0 {
                    self.0.push(',');
                }
                let _ = write!(self.0, "{k}=\"{}\"", esc(val));
            }
            self.0.push('}');
        }
        let _ = writeln!(self.0, " {v}");
    }
    fn one(&mut self, name: &str, kind: &str, help: &str, v: impl std::fmt::Display) {
        self.family(name, kind, help);
        self.sample(name, &[], v);
    }
}

/// The exposition text for `m`, with the report age as of `now`.
pub fn render(m: &MetricsSnapshot, now: SystemTime) -> String {
    let mut o = Out(String::with_capacity(4096));
    if let Some(live) = &m.live {
        o.family(
            "tapaudit_interface_received_packets_total",
            "counter",
            "Frames libpcap received on the interface.",
        );
        for i in &live.interfaces {
            o.sample(
                "tapaudit_interface_received_packets_total",
                &[("interface", &i.name)],
                i.received,
            );
        }
        o.family(
            "tapaudit_interface_dropped_packets_total",
            "counter",
            "Frames dropped before tapaudit saw them, by where (kernel ring, interface).",
        );
        for i in &live.interfaces {
            o.sample(
                "tapaudit_interface_dropped_packets_total",
                &[("interface", &i.name), ("by", "kernel")],
                i.dropped_by_kernel,
            );
            o.sample(
                "tapaudit_interface_dropped_packets_total",
                &[("interface", &i.name), ("by", "interface")],
                i.dropped_by_interface,
            );
        }
        o.family(
            "tapaudit_interface_duplicate_packets_total",
            "counter",
            "Frames dropped as copies of a frame another interface delivered.",
        );
        for i in &live.interfaces {
            o.sample(
                "tapaudit_interface_duplicate_packets_total",
                &[("interface", &i.name)],
                i.duplicates,
            );
        }
        o.family(
            "tapaudit_interface_gaps_total",
            "counter",
            "Times the interface went away (capture gaps).",
        );
        for i in &live.interfaces {
            o.sample(
                "tapaudit_interface_gaps_total",
                &[("interface", &i.name)],
                i.gaps_total,
            );
        }
        o.family(
            "tapaudit_interface_capturing",
            "gauge",
            "1 while the interface is captured.",
        );
        for i in &live.interfaces {
            o.sample(
                "tapaudit_interface_capturing",
                &[("interface", &i.name)],
                u8::from(i.capturing),
            );
        }
        o.one(
            "tapaudit_start_time_seconds",
            "gauge",
            "When the live run started (Unix time).",
            live.started.secs(),
        );
    }
    o.one(
        "tapaudit_packets_total",
        "counter",
        "Frames fed to the flow table.",
        m.capture.packets,
    );
    o.one(
        "tapaudit_bytes_total",
        "counter",
        "Bytes on the wire of those frames.",
        m.capture.bytes,
    );
    o.one(
        "tapaudit_decode_errors_total",
        "counter",
        "Frames that could not be decoded.",
        m.capture.decode_error_total(),
    );
    o.one(
        "tapaudit_flows_open",
        "gauge",
        "Flows open in the flow table.",
        m.flows_open,
    );
    o.one(
        "tapaudit_flows_finished_total",
        "counter",
        "Flows finished since the start.",
        m.flows_finished,
    );
    o.one(
        "tapaudit_flows_evicted_total",
        "counter",
        "Flows evicted because the table was full.",
        m.flows_evicted,
    );
    o.family(
        "tapaudit_flows",
        "gauge",
        "Flows in the last report, by verdict.",
    );
    for v in ["documented", "undocumented", "violation"] {
        o.sample(
            "tapaudit_flows",
            &[("verdict", v)],
            m.verdicts.get(v).copied().unwrap_or(0),
        );
    }
    o.family(
        "tapaudit_findings_total",
        "counter",
        "Distinct findings judged since the start, by kind.",
    );
    for k in ["undocumented", "violation"] {
        o.sample(
            "tapaudit_findings_total",
            &[("kind", k)],
            m.findings.get(k).copied().unwrap_or(0),
        );
    }
    o.one(
        "tapaudit_finding_events_total",
        "counter",
        "Finding events sent.",
        m.events_sent,
    );
    o.family(
        "tapaudit_expectations_total",
        "counter",
        "Dynamic-port expectations, by what became of them.",
    );
    for (what, v) in [
        ("announced", m.expectations_announced),
        ("matched", m.expectations_matched),
        ("expired", m.expectations_expired),
        ("dropped_full", m.expectations_dropped_full),
    ] {
        o.sample("tapaudit_expectations_total", &[("outcome", what)], v);
    }
    o.one(
        "tapaudit_reports_written_total",
        "counter",
        "Reports written.",
        m.reports_written,
    );
    o.one(
        "tapaudit_report_dir_bytes",
        "gauge",
        "Bytes in the report directory after the last retention pass.",
        m.report_bytes,
    );
    if let Some(t) = m.last_report {
        let age = now
            .duration_since(t)
            .unwrap_or(Duration::ZERO)
            .as_secs_f64();
        o.one(
            "tapaudit_report_age_seconds",
            "gauge",
            "Seconds since the last report was written.",
            format!("{age:.3}"),
        );
        o.one(
            "tapaudit_last_report_time_seconds",
            "gauge",
            "When the last report was written (Unix time).",
            Timestamp::from_system_time(t).secs(),
        );
    }
    o.0
}

/// Serves `GET /metrics` on `addr` from a thread; returns the bound address.
pub fn serve(addr: SocketAddr, shared: SharedMetrics) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind(addr)?;
    let bound = listener.local_addr()?;
    std::thread::Builder::new()
        .name("tapaudit-metrics".into())
        .spawn(move || {
            for conn in listener.incoming() {
                match conn {
                    Ok(s) => {
                        if let Err(e) = answer(s, &shared) {
                            tracing::debug!(error = %e, "metrics request");
                        }
                    }
                    Err(e) => tracing::warn!(error = %e, "metrics: accept failed"),
                }
            }
        })?;
    tracing::info!(address = %bound, "metrics endpoint listening");
    Ok(bound)
}

fn answer(mut s: TcpStream, shared: &SharedMetrics) -> std::io::Result<()> {
    s.set_read_timeout(Some(Duration::from_secs(2)))?;
    s.set_write_timeout(Some(Duration::from_secs(2)))?;
    let mut buf = [0u8; 4096];
    let mut got = 0;
    // Up to the end of the headers, or 4 KiB.
    while got < buf.len() {
        let n = s.read(&mut buf[got..])?;
        if n == 0 {
            break;
        }
        got += n;
        if buf[..got].windows(4).any(|w| w == b"\r\n\r\n") {
            break;
        }
    }
    let req = String::from_utf8_lossy(&buf[..got]);
    let line = req.lines().next().unwrap_or_default();
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let (status, ctype, body) = if method == "GET" && (path == "/metrics" || path == "/") {
        let snap = shared.lock().unwrap_or_else(|p| p.into_inner()).clone();
        (
            "200 OK",
            "text/plain; version=0.0.4; charset=utf-8",
            render(&snap, SystemTime::now()),
        )
    } else {
        (
            "404 Not Found",
            "text/plain",
            "only GET /metrics\n".to_string(),
        )
    };
    write!(
        s,
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    s.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_is_a_comment_or_a_sample() {
        let mut m = MetricsSnapshot {
            last_report: Some(SystemTime::now()),
            ..Default::default()
        };
        m.verdicts.insert("violation", 2);
        let text = render(&m, SystemTime::now());
        for line in text.lines() {
            let ok = line.starts_with("# HELP tapaudit_")
                || line.starts_with("# TYPE tapaudit_")
                || line.split_once(' ').is_some_and(|(name, v)| {
                    name.starts_with("tapaudit_") && v.parse::<f64>().is_ok()
                });
            assert!(ok, "{line:?}");
        }
        assert!(text.contains("tapaudit_flows{verdict=\"violation\"} 2\n"));
    }

    #[test]
    fn the_textfile_is_replaced_whole_and_no_temporary_file_stays() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("tapaudit.prom");
        write_textfile(&p, "a 1\n").unwrap();
        write_textfile(&p, "a 2\n").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "a 2\n");
        let names: Vec<_> = std::fs::read_dir(d.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
        let err = write_textfile(&d.path().join("no/such/dir.prom"), "").unwrap_err();
        assert!(err.to_string().contains("no/such/dir.prom.tmp"), "{err}");
    }

    #[test]
    fn the_endpoint_answers_get_metrics_in_text_format() {
        let shared: SharedMetrics = Arc::default();
        shared.lock().unwrap().flows_open = 7;
        let addr = serve("127.0.0.1:0".parse().unwrap(), shared).unwrap();
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        let mut got = String::new();
        s.read_to_string(&mut got).unwrap();
        assert!(got.starts_with("HTTP/1.1 200 OK\r\n"), "{got}");
        assert!(got.contains("text/plain; version=0.0.4"), "{got}");
        assert!(got.contains("\ntapaudit_flows_open 7\n"), "{got}");
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(b"POST /x HTTP/1.1\r\n\r\n").unwrap();
        let mut got = String::new();
        s.read_to_string(&mut got).unwrap();
        assert!(got.starts_with("HTTP/1.1 404"), "{got}");
    }
}
