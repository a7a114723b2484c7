//! The flow thread: owns the one flow table every capture thread feeds, keeps the flows
//! finished so far (bounded: beyond a cap they are folded into aggregates), and answers
//! report requests with finished flows plus a snapshot of the open ones.

use std::sync::mpsc::Receiver;

use crate::Ingest;
use tapaudit_capture::PlausibleClock;
use tapaudit_flow::{FinishedStore, FlowConfig, FlowRecord, FlowStats, FlowTable};
use tapaudit_vocab::{CaptureStats, RecordStats};
use tokio::sync::oneshot;

use super::capture::Batch;
use crate::dedup::Dedup;

pub enum ToFlows {
    Batch(Batch),
    /// Everything so far. `last`: finish every open flow and stop.
    Report {
        last: bool,
        reply: oneshot::Sender<FlowsSnapshot>,
    },
}

/// What a report is built from.
pub struct FlowsSnapshot {
    /// Finished flows (individual and aggregated) plus the open flows.
    pub flows: Vec<FlowRecord>,
    pub capture: CaptureStats,
    pub flow_stats: FlowStats,
    pub store: RecordStats,
    pub open_flows: usize,
    /// Frames dropped as copies of another interface's, by interface (empty: off).
    pub duplicates: Vec<u64>,
}

/// The flow thread's loop: until the last report or until every sender is gone.
pub fn run(
    rx: Receiver<ToFlows>,
    config: FlowConfig,
    max_finished: usize,
    mut dedup: Option<Dedup>,
) {
    let mut ingest = Ingest::new(FlowTable::new(config));
    let mut store = FinishedStore::new(max_finished);
    // One plausible clock per interface, as a replay has one per file (docs/flows.md,
    // "Implausible timestamps"): applied before de-duplication, which compares times.
    let mut clocks: Vec<PlausibleClock> = Vec::new();
    while let Ok(msg) = rx.recv() {
        match msg {
            ToFlows::Batch(batch) => {
                if clocks.len() <= batch.source {
                    clocks.resize(batch.source + 1, PlausibleClock::new());
                }
                let clock = &mut clocks[batch.source];
                for mut frame in batch.frames() {
                    frame.ts = clock.admit(frame.ts);
                    if let Some(d) = dedup.as_mut() {
                        if d.is_duplicate(frame.link, frame.data, frame.ts, frame.source) {
                            continue;
                        }
                    }
                    ingest.frame(&frame);
                }
                store.extend(ingest.table.take_finished());
            }
            ToFlows::Report { last, reply } => {
                let open = if last {
                    ingest.table.finish_all()
                } else {
                    ingest.table.snapshot()
                };
                store.extend(ingest.table.take_finished());
                let open_flows = if last { 0 } else { open.len() };
                let mut flows = store.records();
                flows.extend(open);
                let mut capture = ingest.capture_stats();
                capture.timestamps_implausible = clocks.iter().map(|c| c.implausible()).sum();
                capture.clock_steps = clocks.iter().map(|c| c.steps()).sum();
                let _ = reply.send(FlowsSnapshot {
                    flows,
                    capture,
                    flow_stats: ingest.table.stats(),
                    store: store.stats(),
                    open_flows,
                    duplicates: dedup
                        .as_ref()
                        .map(|d| d.dropped().to_vec())
                        .unwrap_or_default(),
                });
                if last {
                    return;
                }
            }
        }
    }
}
