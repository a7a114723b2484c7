//! `tapaudit store init`, `tapaudit ingest` and the store side of `tapaudit audit --from`
//! (docs/store.md).

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use tapaudit_pipeline::{replay, CaptureInput, Run};
use tapaudit_store::central::{read_window, send_run};
use tapaudit_store::{MergeConfig, ReadQuery, Store, StoreUrl, Writer, WriterConfig};
use tapaudit_vocab::Timestamp;

use crate::rules_setup::{flow_config_for, load_rules_and_site, SiteInput};
use crate::FlowOpts;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(clap::Subcommand)]
pub enum Command {
    /// Create the store's tables, or migrate them to this version (idempotent).
    Init {
        /// clickhouse://[user[:password]@]host:port/database
        url: StoreUrl,
        /// Days rows are kept (TTL on ClickHouse 19.6 and later; see docs/store.md for older).
        #[arg(long)]
        retention_days: Option<u32>,
    },
}

pub fn run(command: Command) -> anyhow::Result<u8> {
    match command {
        Command::Init {
            url,
            retention_days,
        } => {
            let store = Store::connect(&url, CONNECT_TIMEOUT)?;
            let report = store
                .init(retention_days)
                .with_context(|| format!("creating the schema in {url}"))?;
            let applied = if report.applied.is_empty() {
                "already current".to_string()
            } else {
                format!("applied migrations {:?}", report.applied)
            };
            crate::say_out!(
                "{url}: schema version {} ({applied}); server {}; retention {:?}",
                report.version,
                report.server_version,
                report.retention
            );
            Ok(0)
        }
    }
}

#[derive(clap::Args)]
pub struct IngestArgs {
    /// Capture files (pcap, pcapng, optionally .gz) recorded by one sensor.
    #[arg(required = true)]
    captures: Vec<PathBuf>,
    /// The sensor's name, as the central audit shows it ("seen by").
    #[arg(long)]
    sensor: String,
    /// clickhouse://[user[:password]@]host:port/database
    #[arg(long)]
    store: StoreUrl,
    /// The interface the captures were taken on ('' when unknown).
    #[arg(long, default_value = "")]
    interface: String,
    /// Where batches the server has not acknowledged are kept until it is back.
    #[arg(long)]
    spool: Option<PathBuf>,
    /// Seconds to wait for the server to acknowledge everything before exiting (what it has
    /// not acknowledged stays in the spool and is sent by the next run on it).
    #[arg(long, default_value_t = 60)]
    wait: u64,
    /// The site: its control ports are watched like the packs' (no judging happens here).
    #[arg(long)]
    site: Option<PathBuf>,
    /// Extra rule packs (their control ports are watched).
    #[arg(long = "rules")]
    rules: Vec<PathBuf>,
    #[command(flatten)]
    flow: FlowOpts,
}

/// Most announcements an ingest sends; beyond, counted (`announcements_not_logged`).
const MAX_LOGGED_ANNOUNCEMENTS: usize = 1_000_000;

pub fn ingest(args: IngestArgs) -> anyhow::Result<u8> {
    let Some((rules, site)) =
        load_rules_and_site(&args.rules, args.site.as_deref().map(SiteInput::File))?
    else {
        return Ok(2);
    };
    let spool = args.spool.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("tapaudit-spool-{}", sanitise(&args.sensor)))
    });
    let (writer, pending) =
        Writer::start(WriterConfig::new(args.store.clone(), &args.sensor, &spool))
            .with_context(|| format!("starting the writer to {}", args.store))?;
    if pending.batches > 0 {
        crate::say!(
            "tapaudit: the spool {} holds what an earlier run did not send: {pending}",
            spool.display()
        );
    }
    let mut config = flow_config_for(&args.flow, &rules, site.as_ref());
    config.max_logged_announcements = MAX_LOGGED_ANNOUNCEMENTS;
    let run = replay(args.captures.into_iter().map(CaptureInput::File), config);
    crate::cmd_flows::report_file_errors(&run.coverage);
    let (flows, announcements) = (run.flows.len(), run.announcements.len());
    let complete = run.complete();
    let stats = send_run(
        writer,
        &args.interface,
        run.flows,
        run.announcements,
        &run.coverage,
        &args.sensor,
        Duration::from_secs(args.wait),
    )?;
    crate::say!(
        "tapaudit: sensor {}: {flows} flows, {announcements} announcements sent to {}: {} rows acknowledged, {} batches left in the spool {}{}",
        args.sensor,
        args.store,
        stats.rows_sent.total(),
        stats.spool_batches,
        spool.display(),
        stats.last_error.map_or(String::new(), |e| format!(" (last error: {e})")),
    );
    if run.flow_stats.announcements_not_logged > 0 {
        crate::say!(
            "tapaudit: {} announcements beyond {MAX_LOGGED_ANNOUNCEMENTS} were not sent",
            run.flow_stats.announcements_not_logged
        );
    }
    Ok(
        if stats.spool_batches > 0 || stats.rows_dropped > 0 || !complete {
            2
        } else {
            0
        },
    )
}

/// The window `audit --from` reads.
#[derive(clap::Args, Clone, Default)]
pub struct WindowArgs {
    /// Audit the flow store at this URL (clickhouse://...) instead of capture files: every
    /// sensor merged into one plant-wide report (docs/store.md).
    #[arg(long, value_name = "URL")]
    pub from: Option<StoreUrl>,
    /// With --from: only what was seen at or after this time (RFC 3339, UTC).
    #[arg(long, value_parser = parse_time, requires = "from")]
    pub since: Option<Timestamp>,
    /// With --from: only what was seen before this time (RFC 3339, UTC).
    #[arg(long, value_parser = parse_time, requires = "from")]
    pub until: Option<Timestamp>,
    /// With --from: only these sensors (`--sensor`, shared with the evidence label).
    #[arg(skip)]
    pub sensors: Vec<String>,
}

/// The flows of the store's window, merged, with one coverage entry per sensor and source.
pub fn run_from_store(url: &StoreUrl, window: &WindowArgs, opts: &FlowOpts) -> anyhow::Result<Run> {
    let store = Store::connect(url, CONNECT_TIMEOUT)?;
    store
        .check_schema()
        .with_context(|| format!("reading the flow store {url}"))?;
    let query = ReadQuery {
        since: window.since,
        until: window.until,
        sensors: window.sensors.clone(),
    };
    let merged = read_window(
        &store,
        &query,
        &MergeConfig::from_flow_config(&opts.config()),
    )
    .with_context(|| format!("reading the flow store {url}"))?;
    let m = &merged.merge;
    crate::say!(
        "tapaudit: {url}: {} records of sensors {} merged into {} flows ({} seen by several sensors, {} credited to an announcement of another sensor)",
        m.records,
        merged.sensors.join(", "),
        m.flows,
        m.seen_by_several,
        m.credited_across_sensors,
    );
    Ok(Run {
        flows: merged.flows,
        coverage: merged.coverage,
        flow_stats: merged.flow_stats,
        announcements: Vec::new(),
    })
}

fn parse_time(text: &str) -> Result<Timestamp, String> {
    humantime::parse_rfc3339_weak(text)
        .map(Timestamp::from_system_time)
        .map_err(|e| format!("{e} (expected RFC 3339, e.g. 2026-11-01T00:00:00Z)"))
}

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
