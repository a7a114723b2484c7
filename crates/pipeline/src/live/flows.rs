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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::live::capture::FrameMeta;
    use tapaudit_capture::CaptureFile;
    use tapaudit_vocab::{LinkType, Timestamp};

    /// The demo capture as one live batch, `shift` applied to the frame times it names.
    fn demo_batch(shift: &[(usize, i64)]) -> Batch {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../captures/demo/demo.pcap");
        let file = CaptureFile::open(std::path::Path::new(path)).unwrap();
        let mut reader = file.reader(0);
        let mut batch = Batch {
            link: LinkType::Ethernet,
            source: 0,
            data: Vec::new(),
            frames: Vec::new(),
        };
        let mut i = 0;
        while let Some(frame) = reader.next() {
            let frame = frame.unwrap();
            let mut ts = frame.ts;
            for &(at, by) in shift {
                if at == i {
                    ts = Timestamp(ts.0.saturating_add_signed(by));
                }
            }
            batch.frames.push(FrameMeta {
                ts,
                orig_len: frame.orig_len,
                start: batch.data.len(),
                len: frame.data.len(),
                number: frame.number,
            });
            batch.data.extend_from_slice(frame.data);
            i += 1;
        }
        batch
    }

    fn live_run(batch: Batch) -> FlowsSnapshot {
        let (tx, rx) = std::sync::mpsc::channel();
        let (reply, answer) = oneshot::channel();
        tx.send(ToFlows::Batch(batch)).unwrap();
        tx.send(ToFlows::Report { last: true, reply }).unwrap();
        run(rx, FlowConfig::default(), 1_000_000, None);
        answer.blocking_recv().unwrap()
    }

    #[test]
    fn regression_live_one_absurd_timestamp_does_not_split_a_flow() {
        const YEARS_40: i64 = 40 * 365 * 86_400 * 1_000_000_000;
        const HOUR: i64 = 3600 * 1_000_000_000;
        let plain = live_run(demo_batch(&[]));
        let odd = live_run(demo_batch(&[(200, YEARS_40), (300, -HOUR)]));
        assert_eq!(plain.capture.timestamps_implausible, 0);
        assert_eq!(odd.capture.timestamps_implausible, 2);
        assert_eq!(odd.capture.clock_steps, 0);
        let key = |s: &FlowsSnapshot| {
            let mut v: Vec<_> = s
                .flows
                .iter()
                .map(|f| {
                    (
                        f.client,
                        f.client_port,
                        f.server,
                        f.server_port,
                        f.packets_to_server + f.packets_to_client,
                        f.bytes_to_server + f.bytes_to_client,
                    )
                })
                .collect();
            v.sort();
            v
        };
        assert_eq!(key(&odd), key(&plain));
        let latest = |s: &FlowsSnapshot| s.flows.iter().map(|f| f.last_seen).max();
        assert_eq!(latest(&odd), latest(&plain));
    }
}
