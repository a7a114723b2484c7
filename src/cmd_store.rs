//! `tapaudit store init`, `tapaudit ingest` and the store side of `tapaudit audit --from`
//! (docs/store.md).

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use tapaudit_pipeline::{replay, CaptureInput, Run};
use tapaudit_rules::SiteInput;
use tapaudit_store::central::{read_window, Ingest, MAX_LOGGED_ANNOUNCEMENTS};
use tapaudit_store::{MergeConfig, ReadQuery, Store, StoreUrl};
use tapaudit_vocab::Timestamp;

use crate::rules_setup::load_rules_and_site;
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
    /// Send what a stopped sensor (live --store, ingest) left in its spool.
    Flush {
        /// clickhouse://[user[:password]@]host:port/database
        url: StoreUrl,
        /// The spool directory (locked while this runs: not one a running sensor uses).
        #[arg(long)]
        spool: PathBuf,
        /// Seconds to wait for the server to acknowledge everything.
        #[arg(long, default_value_t = 60)]
        wait: u64,
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
            writeln!(std::io::stdout(), "{url}: {report}")?;
            Ok(0)
        }
        Command::Flush { url, spool, wait } => {
            let (found, sent) =
                tapaudit_store::live::flush_spool(&url, &spool, Duration::from_secs(wait))?;
            crate::say!("tapaudit: {}: found: {found}", spool.display());
            crate::say_lines(sent.lines.iter().map(|l| format!("tapaudit: {l}")));
            Ok(if sent.complete { 0 } else { 2 })
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

pub fn ingest(args: IngestArgs) -> anyhow::Result<u8> {
    let site = args.site.as_deref().map(SiteInput::File);
    let Some((rules, site)) = load_rules_and_site(&args.rules, site) else {
        return Ok(2);
    };
    let sink = Ingest::start(&args.store, &args.sensor, args.spool.clone())
        .with_context(|| format!("starting the writer to {}", args.store))?;
    crate::say_lines(sink.pending().map(|p| format!("tapaudit: {p}")));
    let mut config = args.flow.config_for(&rules, site.as_ref());
    config.max_logged_announcements = MAX_LOGGED_ANNOUNCEMENTS;
    let run = replay(args.captures.into_iter().map(CaptureInput::File), config);
    crate::say_lines(tapaudit_report::file_error_lines(&run.coverage));
    let sent = sink.send(&args.interface, run, Duration::from_secs(args.wait))?;
    crate::say_lines(sent.lines.iter().map(|l| format!("tapaudit: {l}")));
    Ok(if sent.complete { 0 } else { 2 })
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
    let query = ReadQuery {
        since: window.since,
        until: window.until,
        sensors: window.sensors.clone(),
    };
    let config = MergeConfig::from_flow_config(&opts.config());
    let merged = store
        .check_schema()
        .and_then(|_| read_window(&store, &query, &config))
        .with_context(|| format!("reading the flow store {url}"))?;
    crate::say!("tapaudit: {url}: {}", merged.summary());
    Ok(merged.into())
}

fn parse_time(text: &str) -> Result<Timestamp, String> {
    humantime::parse_rfc3339_weak(text)
        .map(Timestamp::from_system_time)
        .map_err(|e| format!("{e} (expected RFC 3339, e.g. 2026-11-01T00:00:00Z)"))
}
