//! `tapaudit live`: audit a live interface (a SPAN port or tap) for weeks. The engine (capture
//! threads, the flow thread, the periodic tick, signals, report file names) is
//! `tapaudit_pipeline::live`; here are the arguments, the rules and site, and the report
//! writing it calls back.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use anyhow::{bail, Context};
use tapaudit_alerts::{AlertsConfig, LiveAlerts, Published, SyslogTarget};
use tapaudit_audit::audit;
use tapaudit_pipeline::live::{
    check_filter, drop_privileges, LiveEngine, LiveOptions, LiveRunError, ReportFiles,
    DEFAULT_SNAPLEN,
};
use tapaudit_pipeline::Run;
use tapaudit_report::{render_to_vec, write_atomically, Format, ReportInput};
use tapaudit_rules::{RuleSet, Site, SiteInput};
use tapaudit_store::live::{LiveSensor, SensorSink};
use tapaudit_store::StoreUrl;

use crate::cmd_audit::FormatArg;
use crate::rules_setup::load_rules_and_site;
use crate::FlowOpts;

/// Audit live interfaces (SPAN port, tap) continuously, with periodic reports.
#[derive(clap::Args)]
#[command(about = "Audit live interfaces (SPAN port, tap) continuously, with periodic reports")]
pub struct Args {
    /// Interface to capture on (repeat for several; all feed one flow table).
    #[arg(long = "interface", short = 'i', required = true)]
    interfaces: Vec<String>,
    /// The site inventory: which host plays which role (docs/site.md).
    #[arg(long)]
    site: Option<PathBuf>,
    /// Extra rule packs (files or directories of *.toml).
    #[arg(long = "rules")]
    rules: Vec<PathBuf>,
    /// BPF capture filter (tcpdump syntax), compiled at start.
    #[arg(long)]
    filter: Option<String>,
    /// Bytes kept per frame. The default keeps whole frames, so FTP, portmapper and
    /// endpoint-mapper messages reach their parsers intact.
    #[arg(long, default_value_t = DEFAULT_SNAPLEN)]
    snaplen: u32,
    /// Kernel capture buffer per interface, in MiB (absorbs bursts while a report is built).
    #[arg(long, default_value_t = 64)]
    buffer_size: u32,
    /// Where reports go: timestamped files plus latest.<ext>.
    #[arg(long, default_value = "tapaudit-live")]
    report_dir: PathBuf,
    /// Time between periodic reports (30s, 5m, 1h).
    #[arg(long, default_value = "5m", value_parser = humantime::parse_duration)]
    report_every: Duration,
    /// Report formats, comma separated.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "json,markdown"
    )]
    formats: Vec<FormatArg>,
    /// Stop (with a final report) after this long; default: until SIGINT or SIGTERM.
    #[arg(long, value_parser = humantime::parse_duration)]
    duration: Option<Duration>,
    /// Once the interfaces are open, switch to this user (start as root).
    #[arg(long)]
    user: Option<String>,
    /// Timestamped reports kept per format; older ones are deleted.
    #[arg(long, default_value_t = 288)]
    keep: usize,
    /// Also keep the whole report directory within this many bytes (suffixes K, M, G, T:
    /// powers of 1024), oldest reports removed first; `latest.*` always stays.
    #[arg(long, value_parser = parse_bytes)]
    keep_bytes: Option<u64>,
    /// Also remove timestamped reports older than this many days.
    #[arg(long)]
    keep_days: Option<u32>,
    /// Every finding once, as one JSON line, when first judged: a file (appended to) or `-`
    /// for standard output (docs/live.md, "Finding events").
    #[arg(long, value_name = "FILE|-")]
    events: Option<String>,
    /// Every finding once, as RFC 5424 syslog: udp://HOST:PORT or unix:///dev/log.
    #[arg(long, value_name = "udp://HOST:PORT", value_parser = SyslogTarget::parse)]
    syslog: Option<SyslogTarget>,
    /// Prometheus text metrics, rewritten atomically at every report (node_exporter's
    /// textfile collector reads *.prom).
    #[arg(long, value_name = "FILE")]
    metrics: Option<PathBuf>,
    /// Serve the metrics on GET /metrics at this address (e.g. 127.0.0.1:9464).
    #[arg(long, value_name = "ADDR")]
    metrics_listen: Option<SocketAddr>,
    /// Finished flows kept one by one; beyond this they are folded into per-service
    /// aggregates (client port dropped, counters summed) so memory stays bounded.
    #[arg(long, default_value_t = 200_000)]
    max_finished: usize,
    /// With several interfaces, a frame another interface delivered within this window is
    /// counted once (by content from the IP header on, so VLAN tags do not matter); `0`
    /// turns de-duplication off.
    #[arg(long, default_value = "50ms", value_parser = humantime::parse_duration)]
    dedup_window: Duration,
    /// Also stream finished flows, announcements and coverage into the flow store
    /// (clickhouse://[user[:password]@]host:port/database; docs/store.md).
    #[arg(long, value_name = "URL", requires = "sensor")]
    store: Option<StoreUrl>,
    /// With --store: this sensor's name, as the central audit shows it ("seen by").
    #[arg(long, requires = "store")]
    sensor: Option<String>,
    /// With --store: where batches the server has not acknowledged wait (default
    /// $TMPDIR/tapaudit-spool-NAME); one sensor per directory (it is locked).
    #[arg(long, requires = "store")]
    spool: Option<PathBuf>,
    /// With --store: seconds to wait at the end for the server to acknowledge everything
    /// (the rest stays in the spool for the next start or `tapaudit store flush`).
    #[arg(long, default_value_t = 30, requires = "store")]
    store_wait: u64,
    #[command(flatten)]
    flow: FlowOpts,
}

/// How often a live sensor writes its coverage rows (each replaces the previous one).
const COVERAGE_EVERY: Duration = Duration::from_secs(10);

pub fn run(args: Args) -> anyhow::Result<u8> {
    if args.report_every < Duration::from_secs(1) {
        bail!("--report-every must be at least 1s");
    }
    if args.formats.is_empty() {
        bail!("--formats: give at least one format");
    }
    if let Some(f) = &args.filter {
        // Syntax first, before touching interfaces: the error names the filter.
        check_filter(f)?;
    }
    let site_input = args.site.as_deref().map(SiteInput::File);
    let Some((rules, site)) = load_rules_and_site(&args.rules, site_input) else {
        return Ok(2);
    };
    let files = ReportFiles::create(&args.report_dir, args.keep)?.with_limits(
        args.keep_bytes,
        args.keep_days
            .map(|d| Duration::from_secs(u64::from(d) * 86_400)),
    );
    // Open every interface while we still hold the privileges to.
    let mut engine = LiveEngine::open(LiveOptions {
        interfaces: args.interfaces.clone(),
        filter: args.filter.clone(),
        snaplen: args.snaplen,
        buffer_bytes: args.buffer_size.saturating_mul(1024 * 1024),
        flow: args.flow.config_for(&rules, site.as_ref()),
        max_finished: args.max_finished,
        report_every: args.report_every,
        duration: args.duration,
        dedup_window: Some(args.dedup_window).filter(|w| !w.is_zero()),
    })?;
    if let Some(user) = &args.user {
        drop_privileges(user)?;
    }
    files.check_writable()?;
    // After the drop too: the spool is created and locked as the user.
    let sensor = match (&args.store, &args.sensor) {
        (Some(url), Some(name)) => {
            let sensor = Arc::new(
                LiveSensor::start(url, name, args.spool.clone(), &args.interfaces)
                    .with_context(|| format!("starting the writer to {url}"))?,
            );
            crate::say_lines(sensor.pending().map(|p| format!("tapaudit: {p}")));
            let hook_sensor = sensor.clone();
            engine = engine
                .with_sink(Box::new(SensorSink(sensor.clone())))
                .with_coverage_hook(
                    Box::new(move |c| hook_sensor.coverage(c.started, c.written, &c.interfaces)),
                    COVERAGE_EVERY,
                );
            Some(sensor)
        }
        _ => None,
    };
    // After the drop: the files are opened, and the endpoint's thread started, as the user.
    let alerts = Mutex::new(LiveAlerts::start(&AlertsConfig {
        events: args.events.clone(),
        syslog: args.syslog.clone(),
        metrics_file: args.metrics.clone(),
        metrics_listen: args.metrics_listen,
    })?);
    let formats: Vec<Format> = args.formats.iter().map(|&f| Format::from(f)).collect();
    let report = move |run| write_reports(&files, &formats, &rules, site.as_ref(), &alerts, run);
    let result = engine.run(report);
    if let Some(sensor) = sensor {
        let end = sensor.close(Duration::from_secs(args.store_wait));
        crate::say_lines(end.lines.iter().map(|l| format!("tapaudit: {l}")));
    }
    match result {
        Ok(paths) => {
            for path in &paths {
                tracing::info!(path = %path.display(), "final report written");
            }
            Ok(0)
        }
        Err(e @ (LiveRunError::Report(_) | LiveRunError::Stopped(_))) => {
            crate::say!("tapaudit: error: final report: {e:#}");
            Ok(2)
        }
        Err(e @ LiveRunError::Start(_)) => Err(anyhow::anyhow!("{e}")),
    }
}

/// Audits one snapshot of the live run, sends its new findings, renders every format and
/// writes each file atomically under its two names, applies retention, then refreshes the
/// metrics. Returns the `latest` paths.
fn write_reports(
    files: &ReportFiles,
    formats: &[Format],
    rules: &RuleSet,
    site: Option<&Site>,
    alerts: &Mutex<LiveAlerts>,
    run: Run,
) -> anyhow::Result<Vec<PathBuf>> {
    let mut alerts = alerts.lock().unwrap_or_else(|p| p.into_inner());
    let live = run
        .coverage
        .live
        .as_ref()
        .context("a live report without live coverage")?;
    let (written, in_progress) = (live.written, live.in_progress);
    let result = audit(rules, site, run.flows);
    let new_findings = alerts.judged(&result, written);
    let input = ReportInput::new(&result, rules, site, &run.coverage, &run.flow_stats);
    let publish = |format: Format| -> anyhow::Result<PathBuf> {
        let bytes = render_to_vec(format, &input)?;
        let write = |path: &std::path::Path| write_atomically(path, &bytes);
        Ok(files.publish(format.extension(), written, in_progress, write)?)
    };
    let paths = formats
        .iter()
        .map(|&f| publish(f))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let pruned = files.prune_all(SystemTime::now());
    let report = Published {
        coverage: &run.coverage,
        flow_stats: &run.flow_stats,
        result: &result,
        paths: &paths,
        new_findings,
        dir_bytes: pruned.dir_bytes,
    };
    alerts.published(report, SystemTime::now());
    Ok(paths)
}

/// `500M`, `2G`, `1048576`: bytes, with K, M, G, T as powers of 1024.
fn parse_bytes(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, shift) = match t.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let shift = match c.to_ascii_uppercase() {
                'K' => 10,
                'M' => 20,
                'G' => 30,
                'T' => 40,
                _ => return Err(format!("{s:?}: the suffix is K, M, G or T")),
            };
            (&t[..i], shift)
        }
        _ => (t, 0),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("{s:?}: a number of bytes, like 500M or 2G"))?;
    n.checked_mul(1u64 << shift)
        .ok_or_else(|| format!("{s:?}: too large"))
}

#[cfg(test)]
mod tests {
    use super::parse_bytes;

    #[test]
    fn byte_sizes_take_binary_suffixes() {
        assert_eq!(parse_bytes("1048576"), Ok(1 << 20));
        assert_eq!(parse_bytes("500M"), Ok(500 << 20));
        assert_eq!(parse_bytes("2g"), Ok(2 << 30));
        assert!(parse_bytes("2X").is_err());
        assert!(parse_bytes("M").is_err());
        assert!(parse_bytes("99999999T").is_err());
    }
}
