//! `tapaudit live`: audit a live interface (a SPAN port or tap) for weeks.
//!
//! Threads: one capture thread per interface (blocking libpcap reads, frames copied into
//! batches), one flow thread owning the flow table, and a small tokio runtime for the
//! periodic report writer and signal handling. docs/live.md explains the choices and
//! the measurements behind them.

#[path = "live/capture.rs"]
mod capture;
#[path = "live/flows.rs"]
mod flows;
#[path = "live/output.rs"]
mod output;
#[path = "live/privs.rs"]
mod privs;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, SystemTime};

use anyhow::{bail, Context};
use tapaudit_capture::live::{check_filter, LiveCapture, LiveConfig, DEFAULT_SNAPLEN};
use tapaudit_report::Format;
use tapaudit_rules::{RuleSet, Site};
use tapaudit_vocab::LinkType;

use crate::cmd_audit::FormatArg;
use crate::rules_setup::{flow_config_for, load_rules_and_site};
use crate::FlowOpts;
use capture::{InterfaceStatus, SharedStatus};
use flows::ToFlows;

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
    #[command(flatten)]
    flow: FlowOpts,
}

/// Frames batched per channel slot; 64 slots of up to 512 frames.
const CHANNEL_BATCHES: usize = 64;

pub fn run(args: Args) -> anyhow::Result<u8> {
    if args.report_every < Duration::from_secs(1) {
        bail!("--report-every must be at least 1s");
    }
    if args.formats.is_empty() {
        bail!("--formats: give at least one format");
    }
    if let Some(f) = &args.filter {
        // Syntax first, before touching interfaces: the error names the filter.
        check_filter(f, LinkType::Ethernet).map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    let Some((rules, site)) = load_rules_and_site(&args.rules, args.site.as_deref())? else {
        return Ok(2);
    };
    let flow_config = flow_config_for(&args.flow, &rules, site.as_ref());
    std::fs::create_dir_all(&args.report_dir).with_context(|| {
        format!(
            "creating the report directory {}",
            args.report_dir.display()
        )
    })?;

    // Open every interface while we still hold the privileges to.
    let mut opened = Vec::new();
    for (source, name) in args.interfaces.iter().enumerate() {
        let config = LiveConfig {
            snaplen: args.snaplen,
            buffer_bytes: args.buffer_size.saturating_mul(1024 * 1024),
            filter: args.filter.clone(),
            ..LiveConfig::new(name.as_str())
        };
        let cap = LiveCapture::open(&config, source).map_err(|e| anyhow::anyhow!("{e}"))?;
        tracing::info!(interface = %name, link = cap.link().number(), "capture started");
        opened.push((cap, config));
    }
    if let Some(user) = &args.user {
        privs::drop_to(user)?;
    }
    let probe = args.report_dir.join(".tapaudit-write-test");
    tapaudit_report::write_atomically(&probe, b"").with_context(|| {
        format!(
            "the report directory {} is not writable",
            args.report_dir.display()
        )
    })?;
    let _ = std::fs::remove_file(&probe);

    let settings = output::Settings {
        dir: args.report_dir.clone(),
        formats: args.formats.iter().map(|&f| Format::from(f)).collect(),
        keep: args.keep.max(1),
        started: SystemTime::now(),
        filter: args.filter.clone(),
        snaplen: args.snaplen,
        report_every_secs: args.report_every.as_secs(),
    };

    let (to_flows, from_captures) = mpsc::sync_channel::<ToFlows>(CHANNEL_BATCHES);
    let max_finished = args.max_finished;
    let flow_thread = std::thread::Builder::new()
        .name("tapaudit-flows".into())
        .spawn(move || flows::run(from_captures, flow_config, max_finished))
        .context("starting the flow thread")?;
    let stop = Arc::new(AtomicBool::new(false));
    let mut statuses: Vec<SharedStatus> = Vec::new();
    let mut capture_threads = Vec::new();
    for (source, (cap, config)) in opened.into_iter().enumerate() {
        let status = Arc::new(Mutex::new(InterfaceStatus::new(
            &config.interface,
            cap.link(),
        )));
        statuses.push(status.clone());
        let tx = to_flows.clone();
        let stop = stop.clone();
        let handle = std::thread::Builder::new()
            .name(format!("tapaudit-cap-{}", config.interface))
            .spawn(move || capture::run(cap, config, source, status, tx, stop))
            .context("starting a capture thread")?;
        capture_threads.push(handle);
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .max_blocking_threads(2)
        .enable_all()
        .build()
        .context("starting the tokio runtime")?;
    let shared = Arc::new(Shared {
        rules,
        site,
        settings,
        statuses,
        to_flows,
    });
    let code = runtime.block_on(supervise(
        shared,
        args.report_every,
        args.duration,
        stop,
        capture_threads,
    ));
    let _ = flow_thread.join();
    Ok(code)
}

struct Shared {
    rules: RuleSet,
    site: Option<Site>,
    settings: output::Settings,
    statuses: Vec<SharedStatus>,
    to_flows: mpsc::SyncSender<ToFlows>,
}

async fn supervise(
    shared: Arc<Shared>,
    every: Duration,
    duration: Option<Duration>,
    stop: Arc<AtomicBool>,
    capture_threads: Vec<std::thread::JoinHandle<()>>,
) -> u8 {
    use tokio::signal::unix::{signal, SignalKind};
    let (mut term, mut int) = match (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) {
        (Ok(t), Ok(i)) => (t, i),
        (Err(e), _) | (_, Err(e)) => {
            tracing::error!(error = %e, "cannot install signal handlers");
            return 2;
        }
    };
    let start = tokio::time::Instant::now();
    let mut tick = tokio::time::interval_at(start + every, every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let deadline = duration.map(|d| start + d);
    let until_deadline = async move {
        match deadline {
            Some(d) => tokio::time::sleep_until(d).await,
            None => std::future::pending().await,
        }
    };
    tokio::pin!(until_deadline);
    tracing::info!(every = ?every, "live audit running");
    loop {
        tokio::select! {
            _ = tick.tick() => {
                if let Err(e) = report(&shared, false).await {
                    tracing::error!(error = %format!("{e:#}"), "periodic report failed");
                }
            }
            _ = term.recv() => { tracing::info!("SIGTERM: final report"); break; }
            _ = int.recv() => { tracing::info!("SIGINT: final report"); break; }
            _ = &mut until_deadline => { tracing::info!("--duration reached: final report"); break; }
        }
    }
    stop.store(true, Ordering::Relaxed);
    let joined = tokio::task::spawn_blocking(move || {
        for t in capture_threads {
            let _ = t.join();
        }
    })
    .await;
    if joined.is_err() {
        tracing::error!("a capture thread did not stop cleanly");
    }
    match report(&shared, true).await {
        Ok(paths) => {
            tracing::info!(reports = ?paths, "final report written");
            0
        }
        Err(e) => {
            eprintln!("tapaudit: error: final report: {e:#}");
            2
        }
    }
}

/// Asks the flow thread for its flows, then audits and writes off the async threads.
async fn report(shared: &Arc<Shared>, last: bool) -> anyhow::Result<Vec<PathBuf>> {
    let (reply, answer) = tokio::sync::oneshot::channel();
    let tx = shared.to_flows.clone();
    // The channel is bounded (back-pressure on capture): sending may wait.
    tokio::task::spawn_blocking(move || tx.send(ToFlows::Report { last, reply }))
        .await
        .context("report request")?
        .map_err(|_| anyhow::anyhow!("the flow thread has stopped"))?;
    let snap = answer.await.context("the flow thread did not answer")?;
    let shared = shared.clone();
    tokio::task::spawn_blocking(move || {
        let interfaces: Vec<InterfaceStatus> = shared
            .statuses
            .iter()
            .map(|s| s.lock().unwrap_or_else(|p| p.into_inner()).clone())
            .collect();
        output::write_reports(
            &shared.settings,
            &shared.rules,
            shared.site.as_ref(),
            snap,
            &interfaces,
            !last,
        )
    })
    .await
    .context("report writer")?
}
