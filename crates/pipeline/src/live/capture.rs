//! One capture thread per interface: read frames, copy them into batches for the flow
//! thread, keep libpcap's counters, and reopen the interface with backoff when it goes away.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::SyncSender;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use tapaudit_capture::live::{interface_state, InterfaceState, LiveCapture, LiveConfig, LiveStats};
use tapaudit_capture::Frame;
use tapaudit_vocab::{LinkType, Timestamp};

use super::flows::ToFlows;

/// Frames per batch, and bytes per batch: large enough that the channel costs little per
/// frame, small enough that a quiet link's frames still reach the table promptly.
const BATCH_FRAMES: usize = 512;
const BATCH_BYTES: usize = 1 << 20;
/// A batch is sent at the latest this long after its first frame.
const BATCH_MAX_AGE: Duration = Duration::from_millis(50);
const STATS_EVERY: Duration = Duration::from_secs(1);
const BACKOFF_FIRST: Duration = Duration::from_secs(1);
const BACKOFF_MAX: Duration = Duration::from_secs(60);
/// At shutdown, what is already in the kernel ring is read for at most this long.
const DRAIN_LIMIT: Duration = Duration::from_secs(2);
/// Gaps kept per interface (a flapping link over weeks must not grow memory); all counted.
const MAX_GAPS_KEPT: usize = 1000;

/// Frames copied out of libpcap's buffer, sent to the flow thread in one message.
pub struct Batch {
    pub link: LinkType,
    pub source: usize,
    pub data: Vec<u8>,
    pub frames: Vec<FrameMeta>,
}

pub struct FrameMeta {
    pub ts: Timestamp,
    pub orig_len: u32,
    pub start: usize,
    pub len: usize,
    pub number: u64,
}

impl Batch {
    fn new(link: LinkType, source: usize) -> Self {
        Batch {
            link,
            source,
            data: Vec::with_capacity(BATCH_BYTES / 4),
            frames: Vec::with_capacity(BATCH_FRAMES),
        }
    }
    fn push(&mut self, f: &Frame<'_>) {
        let start = self.data.len();
        self.data.extend_from_slice(f.data);
        self.frames.push(FrameMeta {
            ts: f.ts,
            orig_len: f.orig_len,
            start,
            len: f.data.len(),
            number: f.number,
        });
    }
    fn is_full(&self) -> bool {
        self.frames.len() >= BATCH_FRAMES || self.data.len() >= BATCH_BYTES
    }
    /// The frames again, borrowing this batch's bytes.
    pub fn frames(&self) -> impl Iterator<Item = Frame<'_>> {
        self.frames.iter().filter_map(move |m| {
            let data = self.data.get(m.start..m.start.saturating_add(m.len))?;
            Some(Frame {
                ts: m.ts,
                link: self.link,
                orig_len: m.orig_len,
                data,
                number: m.number,
                source: self.source,
            })
        })
    }
}

/// A time the interface could not be captured on.
#[derive(Clone, Debug)]
pub struct Gap {
    pub from: SystemTime,
    /// None: still going on.
    pub to: Option<SystemTime>,
    pub reason: String,
}

/// What the report says about one interface; updated by its capture thread.
#[derive(Clone, Debug)]
pub struct InterfaceStatus {
    pub name: String,
    pub link: LinkType,
    /// libpcap counters, summed over every handle this interface had.
    pub stats: LiveStats,
    pub capturing: bool,
    pub opened: u64,
    pub gaps: Vec<Gap>,
    pub gaps_total: u64,
    pub last_error: Option<String>,
}

pub type SharedStatus = Arc<Mutex<InterfaceStatus>>;

impl InterfaceStatus {
    pub fn new(name: &str, link: LinkType) -> Self {
        InterfaceStatus {
            name: name.into(),
            link,
            stats: LiveStats::default(),
            capturing: true,
            opened: 1,
            gaps: Vec::new(),
            gaps_total: 0,
            last_error: None,
        }
    }
}

fn with_status(status: &SharedStatus, f: impl FnOnce(&mut InterfaceStatus)) {
    // A poisoned lock only means another thread panicked mid-update: the counters are
    // still the best we have.
    let mut guard = status.lock().unwrap_or_else(|p| p.into_inner());
    f(&mut guard);
}

/// Runs until `stop` is set (then drains what the kernel holds) or the flow thread is gone.
pub fn run(
    first: LiveCapture,
    config: LiveConfig,
    source: usize,
    status: SharedStatus,
    to_flows: SyncSender<ToFlows>,
    stop: Arc<AtomicBool>,
) {
    let name = config.interface.clone();
    let mut cap = Some(first);
    // Counters of handles already closed (each new handle starts at zero).
    let mut closed_handles = LiveStats::default();
    let mut batch: Option<(Batch, Instant)> = None;
    let mut last_stats = Instant::now();
    let mut backoff = BACKOFF_FIRST;
    let mut next_try = Instant::now();
    let mut draining_since: Option<Instant> = None;

    loop {
        if stop.load(Ordering::Relaxed) && draining_since.is_none() {
            draining_since = Some(Instant::now());
        }
        let draining = draining_since.is_some_and(|t| t.elapsed() < DRAIN_LIMIT);
        if draining_since.is_some() && !draining {
            break;
        }
        match cap.as_mut() {
            Some(c) => match c.next_frame() {
                Ok(Some(frame)) => {
                    let (b, _) = batch
                        .get_or_insert_with(|| (Batch::new(frame.link, source), Instant::now()));
                    b.push(&frame);
                    if b.is_full() && !send(&to_flows, &mut batch) {
                        return;
                    }
                }
                Ok(None) => {
                    if !send(&to_flows, &mut batch) {
                        return;
                    }
                    if draining_since.is_some() {
                        break; // the ring is empty
                    }
                    c.idle();
                }
                Err(e) => {
                    if let Ok(s) = c.stats() {
                        closed_handles.add(s);
                    }
                    cap = None;
                    let msg = e.to_string();
                    tracing::warn!(interface = %name, error = %msg, "capture lost; will reopen with backoff");
                    with_status(&status, |st| {
                        st.capturing = false;
                        st.stats = closed_handles;
                        st.gaps_total += 1;
                        if st.gaps.len() < MAX_GAPS_KEPT {
                            st.gaps.push(Gap {
                                from: SystemTime::now(),
                                to: None,
                                reason: msg.clone(),
                            });
                        }
                        st.last_error = Some(msg);
                    });
                    backoff = BACKOFF_FIRST;
                    next_try = Instant::now() + backoff;
                    if !send(&to_flows, &mut batch) {
                        return;
                    }
                }
            },
            None => {
                if draining_since.is_some() {
                    break;
                }
                if Instant::now() >= next_try {
                    match reopen(&config, source) {
                        Ok(c) => {
                            tracing::info!(interface = %name, "capture reopened");
                            with_status(&status, |st| {
                                st.capturing = true;
                                st.opened += 1;
                                st.link = c.link();
                                if let Some(g) = st.gaps.last_mut() {
                                    if g.to.is_none() {
                                        g.to = Some(SystemTime::now());
                                    }
                                }
                            });
                            cap = Some(c);
                            continue;
                        }
                        Err(e) => {
                            tracing::warn!(interface = %name, error = %e, retry_in = ?backoff, "cannot reopen yet");
                            with_status(&status, |st| st.last_error = Some(e));
                            next_try = Instant::now() + backoff;
                            backoff = (backoff * 2).min(BACKOFF_MAX);
                        }
                    }
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        if let Some((_, born)) = &batch {
            if born.elapsed() >= BATCH_MAX_AGE && !send(&to_flows, &mut batch) {
                return;
            }
        }
        if last_stats.elapsed() >= STATS_EVERY {
            last_stats = Instant::now();
            publish_stats(&mut cap, closed_handles, &status);
        }
    }
    let _ = send(&to_flows, &mut batch);
    publish_stats(&mut cap, closed_handles, &status);
    with_status(&status, |st| st.capturing = false);
}

fn publish_stats(cap: &mut Option<LiveCapture>, closed: LiveStats, status: &SharedStatus) {
    if let Some(c) = cap.as_mut() {
        if let Ok(s) = c.stats() {
            let mut total = closed;
            total.add(s);
            with_status(status, |st| st.stats = total);
        }
    }
}

fn reopen(config: &LiveConfig, source: usize) -> Result<LiveCapture, String> {
    match interface_state(&config.interface) {
        Ok(InterfaceState::Up) => {}
        Ok(InterfaceState::Down) => return Err("interface is down".into()),
        Ok(InterfaceState::Missing) => return Err("interface does not exist".into()),
        Err(e) => return Err(e.to_string()),
    }
    LiveCapture::open(config, source).map_err(|e| e.to_string())
}

/// Sends the pending batch, if any. False when the flow thread is gone.
fn send(to_flows: &SyncSender<ToFlows>, batch: &mut Option<(Batch, Instant)>) -> bool {
    match batch.take() {
        Some((b, _)) if !b.frames.is_empty() => to_flows.send(ToFlows::Batch(b)).is_ok(),
        _ => true,
    }
}
