//! `tapaudit live`: audit a live interface (a SPAN port or tap) for weeks. The engine (capture
//! threads, the flow thread, the periodic tick, signals, report file names) is
//! `tapaudit_pipeline::live`; here are the arguments, the rules and site, and the report
//! writing it calls back.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context};
use tapaudit_audit::audit;
use tapaudit_pipeline::live::{
    check_filter, drop_privileges, LiveEngine, LiveOptions, LiveRunError, ReportFiles,
    DEFAULT_SNAPLEN,
};
use tapaudit_pipeline::Run;
use tapaudit_report::{render_to_vec, write_atomically, Format, ReportInput};
use tapaudit_rules::{RuleSet, Site, SiteInput};

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
    /// Finished flows kept one by one; beyond this they are folded into per-service
    /// aggregates (client port dropped, counters summed) so memory stays bounded.
    #[arg(long, default_value_t = 200_000)]
    max_finished: usize,
    /// With several interfaces, a frame another interface delivered within this window is
    /// counted once (by content from the IP header on, so VLAN tags do not matter); `0`
    /// turns de-duplication off.
    #[arg(long, default_value = "50ms", value_parser = humantime::parse_duration)]
    dedup_window: Duration,
    #[command(flatten)]
    flow: FlowOpts,
}

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
    let files = ReportFiles::create(&args.report_dir, args.keep)?;
    // Open every interface while we still hold the privileges to.
    let engine = LiveEngine::open(LiveOptions {
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
    let formats: Vec<Format> = args.formats.iter().map(|&f| Format::from(f)).collect();
    match engine.run(move |run| write_reports(&files, &formats, &rules, site.as_ref(), run)) {
        Ok(paths) => {
            tracing::info!(reports = ?paths, "final report written");
            Ok(0)
        }
        Err(e @ (LiveRunError::Report(_) | LiveRunError::Stopped(_))) => {
            crate::say!("tapaudit: error: final report: {e:#}");
            Ok(2)
        }
        Err(e @ LiveRunError::Start(_)) => Err(anyhow::anyhow!("{e}")),
    }
}

/// Audits one snapshot of the live run, renders every format and writes each file
/// atomically under its two names. Returns the `latest` paths.
fn write_reports(
    files: &ReportFiles,
    formats: &[Format],
    rules: &RuleSet,
    site: Option<&Site>,
    run: Run,
) -> anyhow::Result<Vec<PathBuf>> {
    let live = run
        .coverage
        .live
        .as_ref()
        .context("a live report without live coverage")?;
    let (written, in_progress) = (live.written, live.in_progress);
    let result = audit(rules, site, run.flows);
    let input = ReportInput::new(&result, rules, site, &run.coverage, &run.flow_stats);
    let publish = |format: Format| -> anyhow::Result<PathBuf> {
        let bytes = render_to_vec(format, &input)?;
        let write = |path: &std::path::Path| write_atomically(path, &bytes);
        Ok(files.publish(format.extension(), written, in_progress, write)?)
    };
    formats.iter().map(|&f| publish(f)).collect()
}
