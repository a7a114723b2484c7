//! [`Writer`]: a sensor's stream of records into the store, batched, spooled while the
//! server is away, never blocking the caller on the network.
//!
//! Two threads:
//! - the **batcher** takes records from the caller (a bounded channel of record lists),
//!   turns them into rows (Community ID, record id) and encodes them into one open batch
//!   per table; a batch is sealed at `batch_rows` rows or `batch_age` after its first row,
//!   whichever comes first. It does no network I/O.
//! - the **sender** owns the connection and sends sealed batches, oldest first.
//!
//! Where a sealed batch goes: while the spool is empty, the server answered last time and
//! no batch is being sent, it is handed to the sender in memory (the *batch in flight*).
//! Otherwise it is appended to the spool, and so is the batch in flight, first, if it is
//! not there yet: so the spool always holds every unsent batch but the one in flight, in
//! the order they were sealed. When a send fails, the batch in flight goes to the spool
//! (if not already there) and the sender retries the spool's head, backing off, until the
//! server answers; then it sends the whole spool in order before taking batches in memory
//! again. A sent batch that is sent again (the server committed it but the answer was
//! lost, or tapaudit died before moving the spool's cursor) is stored once: its rows keep
//! their record ids, under a replacing key.
//!
//! So a crash loses at most the rows not yet sealed (at most `batch_age` or `batch_rows`)
//! and the batch in flight; the next start reports what the spool holds.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tapaudit_flow::FlowRecord;

use crate::client::Connection;
use crate::error::{Result, StoreError};
use crate::rowbinary::encode_into;
use crate::rows::{
    AnnouncementRecord, AnnouncementRow, CoverageRecord, CoverageRow, Evidence, FlowRow, Table,
};
use crate::spool::{AppendError, Spool, SpoolReport};
use crate::url::StoreUrl;

/// How a writer batches, spools and retries.
#[derive(Clone, Debug)]
pub struct WriterConfig {
    pub url: StoreUrl,
    /// This sensor's name, on every row.
    pub sensor: String,
    pub spool_dir: std::path::PathBuf,
    /// Unsent batches kept on disk at most (bytes of frames); past it new batches are
    /// dropped and counted.
    pub spool_max_bytes: u64,
    /// fdatasync after every spooled batch (survives power loss, not only a crash).
    pub spool_sync: bool,
    pub batch_rows: usize,
    pub batch_age: Duration,
    /// Per request: connect, send and answer.
    pub request_timeout: Duration,
    /// First wait after a failed send; doubled up to `retry_max`.
    pub retry_every: Duration,
    pub retry_max: Duration,
    /// Record lists the caller may queue before `flows()` and the others block.
    pub queue: usize,
}

impl WriterConfig {
    pub fn new(url: StoreUrl, sensor: &str, spool_dir: impl Into<std::path::PathBuf>) -> Self {
        WriterConfig {
            url,
            sensor: sensor.to_string(),
            spool_dir: spool_dir.into(),
            spool_max_bytes: 1 << 30,
            spool_sync: true,
            batch_rows: 8192,
            batch_age: Duration::from_secs(1),
            request_timeout: Duration::from_secs(10),
            retry_every: Duration::from_millis(500),
            retry_max: Duration::from_secs(30),
            queue: 256,
        }
    }
}

/// Rows per table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TableCounts {
    pub flows: u64,
    pub announcements: u64,
    pub coverage: u64,
}

impl TableCounts {
    pub fn total(&self) -> u64 {
        self.flows + self.announcements + self.coverage
    }
}

/// A writer's counters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriterStats {
    /// Rows the server acknowledged.
    pub rows_sent: TableCounts,
    pub batches_sent: u64,
    /// Batches written to the spool (in flight when the server went away, or sealed while
    /// it was away or busy).
    pub batches_spooled: u64,
    /// Batches sent from the spool (after an outage or a restart).
    pub batches_sent_from_spool: u64,
    /// Unsent batches on disk now, and their bytes.
    pub spool_batches: u64,
    pub spool_rows: u64,
    pub spool_bytes: u64,
    /// Rows dropped because the spool was full.
    pub rows_dropped: u64,
    pub batches_dropped: u64,
    /// Records that cannot be stored (a time past 2106): counted, not sent.
    pub rows_invalid: u64,
    /// Failed sends (each is retried).
    pub send_failures: u64,
    /// The server answered the last send.
    pub server_up: bool,
    /// The last error (send, spool), naming the store or the file.
    pub last_error: Option<String>,
}

#[derive(Default)]
struct Counters {
    rows_sent: [AtomicU64; 3],
    batches_sent: AtomicU64,
    batches_spooled: AtomicU64,
    batches_sent_from_spool: AtomicU64,
    rows_dropped: AtomicU64,
    batches_dropped: AtomicU64,
    rows_invalid: AtomicU64,
    send_failures: AtomicU64,
    last_error: Mutex<Option<String>>,
}

fn table_index(t: Table) -> usize {
    match t {
        Table::Flows => 0,
        Table::Announcements => 1,
        Table::Coverage => 2,
    }
}

/// A sealed batch: RowBinary rows of one table.
struct Batch {
    table: Table,
    id: u64,
    rows: u32,
    payload: Arc<Vec<u8>>,
}

struct InFlight {
    batch: Batch,
    /// Also in the spool (at its head): popped from there once sent.
    spooled: bool,
}

struct Outbox {
    spool: Spool,
    in_flight: Option<InFlight>,
    server_up: bool,
    /// The sender is sending the batch in flight right now.
    sending: bool,
    /// Stop when nothing is left to send, or at this instant whatever is left.
    stop_at: Option<Instant>,
}

struct Shared {
    outbox: Mutex<Outbox>,
    changed: Condvar,
    counters: Counters,
    shown_url: String,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Outbox> {
        // A panicked thread leaves the outbox as it was between two steps: still usable.
        self.outbox.lock().unwrap_or_else(|p| p.into_inner())
    }
    fn note_error(&self, e: &StoreError) {
        let mut last = self
            .counters
            .last_error
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        *last = Some(e.to_string());
    }

    /// A sealed batch: to the sender in memory, or to the spool (see the module doc).
    fn offer(&self, batch: Batch) {
        let mut out = self.lock();
        if out.spool.is_empty() && out.in_flight.is_none() && out.server_up {
            out.in_flight = Some(InFlight {
                batch,
                spooled: false,
            });
        } else {
            if let Some(f) = out.in_flight.as_ref().filter(|f| !f.spooled) {
                // Keep the order: the batch in flight goes to disk before anything newer.
                let (table, id, rows, payload) = (
                    f.batch.table,
                    f.batch.id,
                    f.batch.rows,
                    f.batch.payload.clone(),
                );
                if self.spool_append(&mut out, table, id, rows, &payload) {
                    if let Some(f) = out.in_flight.as_mut() {
                        f.spooled = true;
                    }
                }
            }
            self.spool_append(&mut out, batch.table, batch.id, batch.rows, &batch.payload);
        }
        drop(out);
        self.changed.notify_all();
    }

    fn spool_append(
        &self,
        out: &mut Outbox,
        table: Table,
        id: u64,
        rows: u32,
        payload: &[u8],
    ) -> bool {
        match out.spool.append(table, id, rows, payload) {
            Ok(()) => {
                self.counters
                    .batches_spooled
                    .fetch_add(1, Ordering::Relaxed);
                true
            }
            Err(AppendError::Full) => {
                self.counters
                    .rows_dropped
                    .fetch_add(u64::from(rows), Ordering::Relaxed);
                self.counters
                    .batches_dropped
                    .fetch_add(1, Ordering::Relaxed);
                false
            }
            Err(AppendError::Io(e)) => {
                self.note_error(&e);
                self.counters
                    .rows_dropped
                    .fetch_add(u64::from(rows), Ordering::Relaxed);
                self.counters
                    .batches_dropped
                    .fetch_add(1, Ordering::Relaxed);
                false
            }
        }
    }
}

enum Input {
    Flows {
        interface: Arc<str>,
        flows: Vec<FlowRecord>,
        /// Empty, or one per flow.
        evidence: Vec<Evidence>,
    },
    Announcements {
        interface: Arc<str>,
        list: Vec<AnnouncementRecord>,
    },
    Coverage(Vec<CoverageRecord>),
    /// Seal every open batch now.
    Seal(SyncSender<()>),
}

/// A sensor's writer. Cheap to call from the flow thread: records are queued (blocking only
/// while `queue` lists wait, i.e. when the batcher, CPU and disk only, falls behind).
pub struct Writer {
    input: Option<SyncSender<Input>>,
    shared: Arc<Shared>,
    batcher: Option<JoinHandle<()>>,
    sender: Option<JoinHandle<()>>,
    stopped: AtomicBool,
}

impl Writer {
    /// Opens the spool (reporting what a previous run left in it) and starts the threads.
    /// The server need not be up.
    pub fn start(config: WriterConfig) -> Result<(Writer, SpoolReport)> {
        let (spool, report) =
            Spool::open(&config.spool_dir, config.spool_max_bytes, config.spool_sync)?;
        let conn = Connection::new(&config.url, config.request_timeout)?;
        let first_batch_id = spool.max_batch_id() + 1;
        let shared = Arc::new(Shared {
            outbox: Mutex::new(Outbox {
                spool,
                in_flight: None,
                server_up: true,
                sending: false,
                stop_at: None,
            }),
            changed: Condvar::new(),
            counters: Counters::default(),
            shown_url: config.url.display(),
        });
        let (tx, rx) = mpsc::sync_channel(config.queue.max(1));
        let batcher = {
            let shared = shared.clone();
            let config = config.clone();
            std::thread::Builder::new()
                .name("store-batcher".into())
                .spawn(move || batcher(config, rx, &shared, first_batch_id))
                .map_err(StoreError::Runtime)?
        };
        let sender = {
            let shared = shared.clone();
            let (every, max) = (config.retry_every, config.retry_max);
            std::thread::Builder::new()
                .name("store-sender".into())
                .spawn(move || sender(conn, &shared, every, max))
                .map_err(StoreError::Runtime)?
        };
        Ok((
            Writer {
                input: Some(tx),
                shared,
                batcher: Some(batcher),
                sender: Some(sender),
                stopped: AtomicBool::new(false),
            },
            report,
        ))
    }

    fn send(&self, input: Input) -> Result<()> {
        let stopped = || StoreError::WriterStopped {
            url: self.shared.shown_url.clone(),
        };
        self.input
            .as_ref()
            .ok_or_else(stopped)?
            .send(input)
            .map_err(|_| stopped())
    }

    /// Finished flows seen on `interface` ("" when the sensor has one, or for files).
    pub fn flows(&self, interface: &str, flows: Vec<FlowRecord>) -> Result<()> {
        if flows.is_empty() {
            return Ok(());
        }
        self.send(Input::Flows {
            interface: Arc::from(interface),
            flows,
            evidence: Vec::new(),
        })
    }

    /// Finished flows with the flow table's evidence flags (one per flow).
    pub fn flows_with_evidence(
        &self,
        interface: &str,
        flows: Vec<(FlowRecord, Evidence)>,
    ) -> Result<()> {
        if flows.is_empty() {
            return Ok(());
        }
        let (flows, evidence) = flows.into_iter().unzip();
        self.send(Input::Flows {
            interface: Arc::from(interface),
            flows,
            evidence,
        })
    }

    /// Announcements as the flow table registered them.
    pub fn announcements(&self, interface: &str, list: Vec<AnnouncementRecord>) -> Result<()> {
        if list.is_empty() {
            return Ok(());
        }
        self.send(Input::Announcements {
            interface: Arc::from(interface),
            list,
        })
    }

    /// Coverage rows (files read, or a live interface's run so far).
    pub fn coverage(&self, list: Vec<CoverageRecord>) -> Result<()> {
        if list.is_empty() {
            return Ok(());
        }
        self.send(Input::Coverage(list))
    }

    pub fn stats(&self) -> WriterStats {
        let c = &self.shared.counters;
        let out = self.shared.lock();
        let r = |t: Table| c.rows_sent[table_index(t)].load(Ordering::Relaxed);
        WriterStats {
            rows_sent: TableCounts {
                flows: r(Table::Flows),
                announcements: r(Table::Announcements),
                coverage: r(Table::Coverage),
            },
            batches_sent: c.batches_sent.load(Ordering::Relaxed),
            batches_spooled: c.batches_spooled.load(Ordering::Relaxed),
            batches_sent_from_spool: c.batches_sent_from_spool.load(Ordering::Relaxed),
            spool_batches: out.spool.batches(),
            spool_rows: out.spool.rows(),
            spool_bytes: out.spool.bytes(),
            rows_dropped: c.rows_dropped.load(Ordering::Relaxed),
            batches_dropped: c.batches_dropped.load(Ordering::Relaxed),
            rows_invalid: c.rows_invalid.load(Ordering::Relaxed),
            send_failures: c.send_failures.load(Ordering::Relaxed),
            server_up: out.server_up,
            last_error: c
                .last_error
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .clone(),
        }
    }

    /// Seals the open batches and waits until everything is in the server, at most
    /// `timeout`. True when it all arrived; false leaves the rest in the spool (or in
    /// flight) to be sent later.
    pub fn flush(&self, timeout: Duration) -> Result<bool> {
        let deadline = Instant::now() + timeout;
        let (ack, done) = mpsc::sync_channel(1);
        self.send(Input::Seal(ack))?;
        if done.recv_timeout(timeout).is_err() {
            return Ok(false);
        }
        let mut out = self.shared.lock();
        loop {
            if out.in_flight.is_none() && out.spool.is_empty() {
                return Ok(true);
            }
            let now = Instant::now();
            if now >= deadline {
                return Ok(false);
            }
            out = self
                .shared
                .changed
                .wait_timeout(out, deadline - now)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
    }

    /// Seals what is open, sends what it can within `timeout`, writes the rest (the batch
    /// in flight included) to the spool for the next start, and stops the threads.
    pub fn close(mut self, timeout: Duration) -> WriterStats {
        self.shutdown(timeout);
        self.stats()
    }

    fn shutdown(&mut self, timeout: Duration) {
        if self.stopped.swap(true, Ordering::SeqCst) {
            return;
        }
        // The batcher seals everything when its channel closes.
        drop(self.input.take());
        if let Some(b) = self.batcher.take() {
            let _ = b.join();
        }
        {
            let mut out = self.shared.lock();
            out.stop_at = Some(Instant::now() + timeout);
        }
        self.shared.changed.notify_all();
        if let Some(s) = self.sender.take() {
            let _ = s.join();
        }
        // The sender left the batch in flight, if any, for us: to the spool.
        let mut out = self.shared.lock();
        if let Some(f) = out.in_flight.take() {
            if !f.spooled {
                let b = f.batch;
                self.shared
                    .spool_append(&mut out, b.table, b.id, b.rows, &b.payload);
            }
        }
    }
}

/// Dropped without `close`: seal, spool what is unsent, stop (no waiting for the server).
impl Drop for Writer {
    fn drop(&mut self) {
        self.shutdown(Duration::ZERO);
    }
}

fn now_micros() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_micros()).unwrap_or(u64::MAX))
}

struct OpenBatch {
    id: u64,
    opened: Instant,
    rows: u32,
    payload: Vec<u8>,
}

struct Batcher<'a> {
    config: WriterConfig,
    shared: &'a Shared,
    open: [Option<OpenBatch>; 3],
    last_id: u64,
}

impl Batcher<'_> {
    /// Batch ids: the time the batch was opened, in microseconds, and always above every
    /// id before it (the spool's included): unique and ordered across restarts.
    fn next_id(&mut self) -> u64 {
        self.last_id = now_micros().max(self.last_id + 1);
        self.last_id
    }

    fn batch(&mut self, t: Table) -> &mut OpenBatch {
        let i = table_index(t);
        let id = if self.open[i].is_none() {
            self.next_id()
        } else {
            0
        };
        let capacity = 256 * self.config.batch_rows.min(65_536);
        self.open[i].get_or_insert_with(|| OpenBatch {
            id,
            opened: Instant::now(),
            rows: 0,
            payload: Vec::with_capacity(capacity),
        })
    }

    fn push<R: serde::Serialize>(
        &mut self,
        t: Table,
        make: impl FnOnce(u64) -> std::result::Result<R, String>,
    ) {
        let batch_id = self.batch(t).id;
        let row = match make(batch_id) {
            Ok(r) => r,
            Err(why) => {
                self.invalid(t, why);
                return;
            }
        };
        let b = self.batch(t);
        let before = b.payload.len();
        if let Err(e) = encode_into(&mut b.payload, &row) {
            b.payload.truncate(before);
            self.invalid(t, e.0);
            return;
        }
        b.rows += 1;
        if b.rows as usize >= self.config.batch_rows {
            self.seal(t);
        }
    }

    fn invalid(&self, t: Table, why: String) {
        self.shared
            .counters
            .rows_invalid
            .fetch_add(1, Ordering::Relaxed);
        self.shared.note_error(&StoreError::Encode {
            table: t.name(),
            why,
        });
    }

    fn seal(&mut self, t: Table) {
        if let Some(b) = self.open[table_index(t)].take() {
            if b.rows > 0 {
                self.shared.offer(Batch {
                    table: t,
                    id: b.id,
                    rows: b.rows,
                    payload: Arc::new(b.payload),
                });
            }
        }
    }

    fn seal_all(&mut self) {
        for t in Table::ALL {
            self.seal(t);
        }
    }

    fn seal_expired(&mut self) {
        for t in Table::ALL {
            let expired = self.open[table_index(t)]
                .as_ref()
                .is_some_and(|b| b.opened.elapsed() >= self.config.batch_age);
            if expired {
                self.seal(t);
            }
        }
    }

    fn next_deadline(&self) -> Option<Instant> {
        self.open
            .iter()
            .flatten()
            .map(|b| b.opened + self.config.batch_age)
            .min()
    }

    fn take(&mut self, input: Input) {
        let sensor = self.config.sensor.clone();
        match input {
            Input::Flows {
                interface,
                flows,
                evidence,
            } => {
                for (i, f) in flows.iter().enumerate() {
                    let e = evidence.get(i).copied().unwrap_or_default();
                    self.push(Table::Flows, |id| {
                        FlowRow::new(&sensor, &interface, f, e, id)
                    });
                }
            }
            Input::Announcements { interface, list } => {
                for a in &list {
                    self.push(Table::Announcements, |id| {
                        AnnouncementRow::new(&sensor, &interface, a, id)
                    });
                }
            }
            Input::Coverage(list) => {
                for c in &list {
                    // Coverage rows carry their own sensor; the writer's wins.
                    let mut c = c.clone();
                    c.sensor.clone_from(&sensor);
                    self.push(Table::Coverage, |id| CoverageRow::new(&c, id));
                }
            }
            Input::Seal(ack) => {
                self.seal_all();
                let _ = ack.send(());
            }
        }
    }
}

fn batcher(config: WriterConfig, rx: mpsc::Receiver<Input>, shared: &Shared, first_batch_id: u64) {
    let mut b = Batcher {
        config,
        shared,
        open: [None, None, None],
        last_id: first_batch_id.saturating_sub(1),
    };
    loop {
        let got = match b.next_deadline() {
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(d) => rx.recv_timeout(d.saturating_duration_since(Instant::now())),
        };
        match got {
            Ok(input) => b.take(input),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                b.seal_all();
                return;
            }
        }
        b.seal_expired();
    }
}

enum Job {
    InFlight(Table, u32, Arc<Vec<u8>>),
    Spooled(Table, u64, u32, Vec<u8>),
}

fn insert(conn: &Connection, table: Table, payload: &[u8]) -> Result<()> {
    match table {
        Table::Flows => conn.insert_raw::<FlowRow>(table.name(), payload),
        Table::Announcements => conn.insert_raw::<AnnouncementRow>(table.name(), payload),
        Table::Coverage => conn.insert_raw::<CoverageRow>(table.name(), payload),
    }
}

fn sender(conn: Connection, shared: &Shared, retry_every: Duration, retry_max: Duration) {
    let mut backoff = retry_every;
    loop {
        let mut out = shared.lock();
        // Wait for work, or for the stop.
        let job = loop {
            let stopping = out.stop_at.is_some_and(|t| Instant::now() >= t)
                || (out.stop_at.is_some() && out.in_flight.is_none() && out.spool.is_empty());
            if stopping {
                return;
            }
            if let Some(f) = out.in_flight.as_ref() {
                break Job::InFlight(f.batch.table, f.batch.rows, f.batch.payload.clone());
            }
            match out.spool.read_head() {
                Ok(Some(frame)) => {
                    break Job::Spooled(frame.table, frame.batch_id, frame.rows, frame.payload)
                }
                Ok(None) => {}
                Err(e) => {
                    // Damaged on disk since it was checked: given up, counted.
                    shared.note_error(&e);
                    let rows = out.spool.head_rows();
                    shared
                        .counters
                        .rows_dropped
                        .fetch_add(rows, Ordering::Relaxed);
                    shared
                        .counters
                        .batches_dropped
                        .fetch_add(1, Ordering::Relaxed);
                    if let Err(e) = out.spool.pop_head() {
                        shared.note_error(&e);
                    }
                    continue;
                }
            }
            out = match out.stop_at {
                Some(t) => {
                    let wait = t.saturating_duration_since(Instant::now());
                    shared
                        .changed
                        .wait_timeout(out, wait)
                        .unwrap_or_else(|p| p.into_inner())
                        .0
                }
                None => shared.changed.wait(out).unwrap_or_else(|p| p.into_inner()),
            };
        };
        out.sending = true;
        drop(out);
        let (table, rows, result, from_spool) = match &job {
            Job::InFlight(t, rows, payload) => (*t, *rows, insert(&conn, *t, payload), false),
            Job::Spooled(t, _, rows, payload) => (*t, *rows, insert(&conn, *t, payload), true),
        };
        let mut out = shared.lock();
        out.sending = false;
        match result {
            Ok(()) => {
                let c = &shared.counters;
                c.rows_sent[table_index(table)].fetch_add(u64::from(rows), Ordering::Relaxed);
                c.batches_sent.fetch_add(1, Ordering::Relaxed);
                out.server_up = true;
                backoff = retry_every;
                let pop = match &job {
                    Job::InFlight(..) => {
                        let f = out.in_flight.take();
                        let head = out.spool.head_batch_id();
                        f.is_some_and(|f| f.spooled && head == Some(f.batch.id))
                    }
                    Job::Spooled(_, id, _, _) => {
                        c.batches_sent_from_spool.fetch_add(1, Ordering::Relaxed);
                        out.spool.head_batch_id() == Some(*id)
                    }
                };
                if pop {
                    if let Err(e) = out.spool.pop_head() {
                        shared.note_error(&e);
                    }
                }
                drop(out);
                shared.changed.notify_all();
            }
            Err(e) => {
                shared.note_error(&e);
                shared
                    .counters
                    .send_failures
                    .fetch_add(1, Ordering::Relaxed);
                out.server_up = false;
                if !from_spool {
                    if let Some(f) = out.in_flight.take() {
                        if !f.spooled {
                            let b = f.batch;
                            shared.spool_append(&mut out, b.table, b.id, b.rows, &b.payload);
                        }
                    }
                }
                // Back off, but wake for the stop.
                let until = Instant::now() + backoff;
                backoff = (backoff * 2).min(retry_max);
                loop {
                    let now = Instant::now();
                    if now >= until || out.stop_at.is_some_and(|t| now >= t) {
                        break;
                    }
                    let wait = match out.stop_at {
                        Some(t) => (until.min(t)).saturating_duration_since(now),
                        None => until - now,
                    };
                    out = shared
                        .changed
                        .wait_timeout(out, wait)
                        .unwrap_or_else(|p| p.into_inner())
                        .0;
                }
                drop(out);
                shared.changed.notify_all();
            }
        }
    }
}
