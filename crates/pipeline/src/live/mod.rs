//! Live interfaces (feature `live`): the engine behind `tapaudit live`.
//!
//! Threads: one capture thread per interface (libpcap reads, frames copied into batches),
//! one flow thread owning the one flow table through the same [`Ingest`](crate::Ingest)
//! that replay uses, and a small tokio runtime for the periodic tick and signal handling.
//! Each report (every `report_every`, and a final one on SIGINT, SIGTERM or `duration`) is
//! a [`Run`]: finished flows plus a snapshot of the open ones, and a [`Coverage`] whose
//! `live` part holds libpcap's counters, the gaps and how partial the picture is. Making
//! the report from it is the caller's callback, called off the capture and async threads.
//! docs/live.md explains the choices and the measurements behind them.
//!
//! Order of a run: [`check_filter`] (no privileges needed), [`LiveEngine::open`] (needs
//! them), optionally [`drop_privileges`], then [`LiveEngine::run`] until the final report.
//!
//! Besides the reports, a run can stream what it makes as it makes it
//! ([`LiveEngine::with_sink`]: every finished flow once and every announcement the flow
//! table registers, on the flow thread; [`LiveEngine::with_coverage_hook`]: the interfaces'
//! coverage every `coverage_every` and at each report). The flow store uses both.

mod capture;
mod flows;
mod privs;
mod report_files;

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, SystemTime};

use tapaudit_capture::live::{LiveCapture, LiveConfig};
use tapaudit_flow::{FlowConfig, FlowRecord, LoggedAnnouncement};
use tapaudit_vocab::{Coverage, Gap, InterfaceCoverage, LinkType, LiveCoverage, Timestamp};

use crate::dedup::Dedup;
use crate::Run;
use capture::{InterfaceStatus, SharedStatus};
use flows::{FlowsSnapshot, ToFlows};

pub use privs::{drop_privileges, PrivilegeError};
pub use report_files::{Pruned, ReportFiles};
pub use tapaudit_capture::live::{LiveError, DEFAULT_SNAPLEN};

/// What to capture, and when to report.
#[derive(Clone, Debug)]
pub struct LiveOptions {
    /// Interfaces to capture on; all feed one flow table.
    pub interfaces: Vec<String>,
    /// BPF capture filter (tcpdump syntax), compiled on each interface at open.
    pub filter: Option<String>,
    /// Bytes kept per frame.
    pub snaplen: u32,
    /// Kernel capture buffer per interface, in bytes.
    pub buffer_bytes: u32,
    pub flow: FlowConfig,
    /// Finished flows kept one by one; beyond, folded into aggregates (memory stays bounded).
    pub max_finished: usize,
    /// Time between periodic reports.
    pub report_every: Duration,
    /// Stop (with a final report) after this long; None: until SIGINT or SIGTERM.
    pub duration: Option<Duration>,
    /// A frame another interface delivered within this window (packet time) is dropped as
    /// a copy (module [`crate::dedup`]); None: off. Only used with several interfaces.
    pub dedup_window: Option<Duration>,
}

/// Where a live run's records go as they are made, besides the reports (the flow store).
/// Called on the flow thread, so it must not block for long (queue and return).
pub trait LiveSink: Send + 'static {
    /// Flows the table finished since the last call, each exactly once; at the end of the
    /// run the flows still open, finished.
    fn finished(&mut self, flows: &[FlowRecord]);
    /// Announcements the flow table registered since the last call, oldest first.
    fn announcements(&mut self, list: Vec<LoggedAnnouncement>);
}

/// The interfaces' coverage as of `written`, for a [`CoverageHook`].
#[derive(Clone, Debug)]
pub struct CoverageSnapshot {
    pub started: Timestamp,
    pub written: Timestamp,
    pub interfaces: Vec<InterfaceCoverage>,
    /// The run's final snapshot (after the capture threads stopped).
    pub last: bool,
}

/// Called with the coverage every `coverage_every`, at every report and once at the end.
pub type CoverageHook = Box<dyn Fn(&CoverageSnapshot) + Send + Sync + 'static>;

/// Announcements the flow table keeps between two calls of a sink (it is emptied after
/// every batch of frames); beyond, counted in `announcements_not_logged`.
const SINK_ANNOUNCEMENTS: usize = 100_000;

/// Checks a filter's syntax (for Ethernet) without opening anything: the error names it.
pub fn check_filter(filter: &str) -> Result<(), LiveError> {
    tapaudit_capture::live::check_filter(filter, LinkType::Ethernet)
}

/// Why a live run stopped without its final report.
#[derive(Debug)]
pub enum LiveRunError<E> {
    /// A thread, the runtime or the signal handlers could not be started.
    Start(String),
    /// The flow thread or the report task went away (a bug: they do not stop on their own).
    Stopped(&'static str),
    /// The callback failed to make the final report.
    Report(E),
}

impl<E: fmt::Display> fmt::Display for LiveRunError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LiveRunError::Start(m) => f.write_str(m),
            LiveRunError::Stopped(m) => f.write_str(m),
            // `{:#}` passes through, so an error with a chain (anyhow) prints all of it.
            LiveRunError::Report(e) if f.alternate() => write!(f, "{e:#}"),
            LiveRunError::Report(e) => write!(f, "{e}"),
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for LiveRunError<E> {}

/// Interfaces opened, not yet read.
pub struct LiveEngine {
    options: LiveOptions,
    opened: Vec<(LiveCapture, LiveConfig)>,
    sink: Option<Box<dyn LiveSink>>,
    coverage: Option<(CoverageHook, Duration)>,
}

fn start_err<E>(what: &'static str) -> impl Fn(std::io::Error) -> LiveRunError<E> {
    move |e| LiveRunError::Start(format!("{what}: {e}"))
}

/// Frames batched per channel slot; 64 slots of up to 512 frames.
const CHANNEL_BATCHES: usize = 64;

impl LiveEngine {
    /// Opens every interface, while the process still holds the privileges to: a missing
    /// interface, a refused open or a filter that does not compile is an error here.
    pub fn open(options: LiveOptions) -> Result<Self, LiveError> {
        let mut opened = Vec::new();
        for (source, name) in options.interfaces.iter().enumerate() {
            let config = LiveConfig {
                snaplen: options.snaplen,
                buffer_bytes: options.buffer_bytes,
                filter: options.filter.clone(),
                ..LiveConfig::new(name.as_str())
            };
            let cap = LiveCapture::open(&config, source)?;
            tracing::info!(interface = %name, link = cap.link().number(), "capture started");
            opened.push((cap, config));
        }
        Ok(LiveEngine {
            options,
            opened,
            sink: None,
            coverage: None,
        })
    }

    /// Streams every finished flow and every registered announcement to `sink` as the run
    /// goes (the reports are unchanged).
    pub fn with_sink(mut self, sink: Box<dyn LiveSink>) -> Self {
        if self.options.flow.max_logged_announcements == 0 {
            self.options.flow.max_logged_announcements = SINK_ANNOUNCEMENTS;
        }
        self.sink = Some(sink);
        self
    }

    /// Calls `hook` with the interfaces' coverage every `every`, at every report and at
    /// the end of the run.
    pub fn with_coverage_hook(mut self, hook: CoverageHook, every: Duration) -> Self {
        self.coverage = Some((hook, every.max(Duration::from_millis(100))));
        self
    }

    /// Captures until SIGINT, SIGTERM or `duration`, calling `make_report` with a snapshot
    /// every `report_every` (its errors are logged) and once more at the end with every
    /// flow finished; returns what that final call returned.
    pub fn run<T, E, F>(self, make_report: F) -> Result<T, LiveRunError<E>>
    where
        F: Fn(Run) -> Result<T, E> + Send + Sync + 'static,
        T: Send + 'static,
        E: fmt::Display + Send + 'static,
    {
        let LiveEngine {
            options,
            opened,
            sink,
            coverage,
        } = self;
        let dedup_window = options
            .dedup_window
            .filter(|_| options.interfaces.len() > 1);
        let header = RunHeader {
            started: SystemTime::now(),
            filter: options.filter.clone(),
            snaplen: options.snaplen,
            report_every_secs: options.report_every.as_secs(),
            dedup_window_ms: dedup_window.map(|w| u64::try_from(w.as_millis()).unwrap_or(u64::MAX)),
        };
        let (to_flows, from_captures) = mpsc::sync_channel::<ToFlows>(CHANNEL_BATCHES);
        let (flow_config, max_finished) = (options.flow.clone(), options.max_finished);
        let dedup = dedup_window.map(|w| Dedup::new(w, options.interfaces.len()));
        let flow_thread = std::thread::Builder::new()
            .name("tapaudit-flows".into())
            .spawn(move || flows::run(from_captures, flow_config, max_finished, dedup, sink))
            .map_err(start_err("starting the flow thread"))?;
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
                .map_err(start_err("starting a capture thread"))?;
            capture_threads.push(handle);
        }

        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .max_blocking_threads(2)
            .enable_all()
            .build()
            .map_err(start_err("starting the tokio runtime"))?;
        let (coverage_hook, coverage_every) = match coverage {
            Some((h, every)) => (Some(h), Some(every)),
            None => (None, None),
        };
        let shared = Arc::new(Shared {
            make_report,
            header,
            statuses,
            to_flows,
            coverage_hook,
        });
        let result = runtime.block_on(supervise(
            shared,
            options.report_every,
            coverage_every,
            options.duration,
            stop,
            capture_threads,
        ));
        // Every sender is gone by now (capture threads stopped, `shared` dropped), or the
        // final report request told it to stop: the flow thread ends.
        let _ = flow_thread.join();
        result
    }
}

/// What every report of one run says about the run itself.
struct RunHeader {
    started: SystemTime,
    filter: Option<String>,
    snaplen: u32,
    report_every_secs: u64,
    dedup_window_ms: Option<u64>,
}

struct Shared<F> {
    make_report: F,
    header: RunHeader,
    statuses: Vec<SharedStatus>,
    to_flows: mpsc::SyncSender<ToFlows>,
    coverage_hook: Option<CoverageHook>,
}

impl<F> Shared<F> {
    fn interfaces(&self) -> Vec<InterfaceStatus> {
        self.statuses
            .iter()
            .map(|s| s.lock().unwrap_or_else(|p| p.into_inner()).clone())
            .collect()
    }

    /// The coverage hook, if any, with `live`'s interfaces (or the statuses now).
    fn tell_coverage(&self, interfaces: Option<&[InterfaceCoverage]>, last: bool) {
        let Some(hook) = &self.coverage_hook else {
            return;
        };
        let now = SystemTime::now();
        let interfaces = match interfaces {
            Some(i) => i.to_vec(),
            None => self
                .interfaces()
                .iter()
                .map(|i| interface_coverage(i, 0))
                .collect(),
        };
        hook(&CoverageSnapshot {
            started: Timestamp::from_system_time(self.header.started),
            written: Timestamp::from_system_time(now),
            interfaces,
            last,
        });
    }
}

async fn supervise<T, E, F>(
    shared: Arc<Shared<F>>,
    every: Duration,
    coverage_every: Option<Duration>,
    duration: Option<Duration>,
    stop: Arc<AtomicBool>,
    capture_threads: Vec<std::thread::JoinHandle<()>>,
) -> Result<T, LiveRunError<E>>
where
    F: Fn(Run) -> Result<T, E> + Send + Sync + 'static,
    T: Send + 'static,
    E: fmt::Display + Send + 'static,
{
    if let Err(e) = wait_for_the_end(&shared, every, coverage_every, duration).await {
        stop.store(true, Ordering::Relaxed);
        return Err(e);
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
    report(&shared, true).await
}

/// Periodic reports until a signal or the deadline.
async fn wait_for_the_end<T, E, F>(
    shared: &Arc<Shared<F>>,
    every: Duration,
    coverage_every: Option<Duration>,
    duration: Option<Duration>,
) -> Result<(), LiveRunError<E>>
where
    F: Fn(Run) -> Result<T, E> + Send + Sync + 'static,
    T: Send + 'static,
    E: fmt::Display + Send + 'static,
{
    use tokio::signal::unix::{signal, SignalKind};
    let (mut term, mut int) = match (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) {
        (Ok(t), Ok(i)) => (t, i),
        (Err(e), _) | (_, Err(e)) => {
            tracing::error!(error = %e, "cannot install signal handlers");
            return Err(LiveRunError::Start(format!(
                "cannot install signal handlers: {e}"
            )));
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
    // Without a hook the coverage tick never fires.
    let coverage_period = coverage_every.unwrap_or(Duration::from_secs(86_400 * 365));
    let mut coverage_tick = tokio::time::interval_at(start + coverage_period, coverage_period);
    coverage_tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    tracing::info!(every = ?every, "live audit running");
    loop {
        tokio::select! {
            _ = coverage_tick.tick(), if coverage_every.is_some() => {
                let shared = shared.clone();
                let _ = tokio::task::spawn_blocking(move || shared.tell_coverage(None, false)).await;
            }
            _ = tick.tick() => {
                if let Err(e) = report(shared, false).await {
                    tracing::error!(error = %format!("{e:#}"), "periodic report failed");
                }
            }
            _ = term.recv() => { tracing::info!("SIGTERM: final report"); break; }
            _ = int.recv() => { tracing::info!("SIGINT: final report"); break; }
            _ = &mut until_deadline => { tracing::info!("--duration reached: final report"); break; }
        }
    }
    Ok(())
}

/// Asks the flow thread for its flows, then calls the report callback off the async threads.
async fn report<T, E, F>(shared: &Arc<Shared<F>>, last: bool) -> Result<T, LiveRunError<E>>
where
    F: Fn(Run) -> Result<T, E> + Send + Sync + 'static,
    T: Send + 'static,
    E: fmt::Display + Send + 'static,
{
    let (reply, answer) = tokio::sync::oneshot::channel();
    let tx = shared.to_flows.clone();
    // The channel is bounded (back-pressure on capture): sending may wait.
    tokio::task::spawn_blocking(move || tx.send(ToFlows::Report { last, reply }))
        .await
        .map_err(|_| LiveRunError::Stopped("the report request did not finish"))?
        .map_err(|_| LiveRunError::Stopped("the flow thread has stopped"))?;
    let snap = answer
        .await
        .map_err(|_| LiveRunError::Stopped("the flow thread did not answer"))?;
    let shared = shared.clone();
    tokio::task::spawn_blocking(move || {
        let interfaces = shared.interfaces();
        let run = snapshot_run(&shared.header, &interfaces, snap, !last, SystemTime::now());
        if let Some(live) = &run.coverage.live {
            shared.tell_coverage(Some(&live.interfaces), last);
        }
        (shared.make_report)(run)
    })
    .await
    .map_err(|_| LiveRunError::Stopped("the report writer did not finish"))?
    .map_err(LiveRunError::Report)
}

/// One report's input: the flows so far, and the live run's coverage (libpcap counters,
/// gaps, and how partial the picture is).
fn snapshot_run(
    header: &RunHeader,
    interfaces: &[InterfaceStatus],
    snap: FlowsSnapshot,
    in_progress: bool,
    now: SystemTime,
) -> Run {
    let live = LiveCoverage {
        started: Timestamp::from_system_time(header.started),
        written: Timestamp::from_system_time(now),
        in_progress,
        filter: header.filter.clone(),
        snaplen: header.snaplen,
        report_every_secs: header.report_every_secs,
        interfaces: interfaces
            .iter()
            .enumerate()
            .map(|(n, i)| interface_coverage(i, snap.duplicates.get(n).copied().unwrap_or(0)))
            .collect(),
        open_flows: snap.open_flows,
        finished_flows: snap.store,
        dedup_window_ms: header.dedup_window_ms,
    };
    Run {
        flows: snap.flows,
        coverage: Coverage {
            files: Vec::new(),
            live: Some(live),
            capture: snap.capture,
        },
        flow_stats: snap.flow_stats,
        announcements: Vec::new(),
    }
}

fn interface_coverage(i: &InterfaceStatus, duplicates: u64) -> InterfaceCoverage {
    InterfaceCoverage {
        duplicates,
        name: i.name.clone(),
        link_type: i.link,
        received: i.stats.received,
        dropped_by_kernel: i.stats.dropped_by_kernel,
        dropped_by_interface: i.stats.dropped_by_interface,
        capturing: i.capturing,
        opened: i.opened,
        gaps_total: i.gaps_total,
        gaps: i
            .gaps
            .iter()
            .map(|g| Gap {
                from: Timestamp::from_system_time(g.from),
                to: g.to.map(Timestamp::from_system_time),
                reason: g.reason.clone(),
            })
            .collect(),
        last_error: i.last_error.clone(),
    }
}
