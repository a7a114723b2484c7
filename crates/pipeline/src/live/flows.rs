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
use super::LiveSink;
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
    mut sink: Option<Box<dyn LiveSink>>,
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
                let finished = ingest.table.take_finished();
                to_sink(&mut sink, &mut ingest, &finished);
                store.extend(finished);
            }
            ToFlows::Report { last, reply } => {
                let open = if last {
                    ingest.table.finish_all()
                } else {
                    ingest.table.snapshot()
                };
                let finished = ingest.table.take_finished();
                to_sink(&mut sink, &mut ingest, &finished);
                if last {
                    // Finished now, by the end of the run: the sink gets them too.
                    to_sink(&mut sink, &mut ingest, &open);
                }
                store.extend(finished);
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

/// Hands `finished` and the announcements registered since the last call to the sink.
fn to_sink(sink: &mut Option<Box<dyn LiveSink>>, ingest: &mut Ingest, finished: &[FlowRecord]) {
    let Some(sink) = sink.as_mut() else {
        return;
    };
    // Announcements first: a data connection's record follows its announcement.
    let announced = ingest.table.take_announcement_log();
    if !announced.is_empty() {
        sink.announcements(announced);
    }
    if !finished.is_empty() {
        sink.finished(finished);
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
        run(rx, FlowConfig::default(), 1_000_000, None, None);
        answer.blocking_recv().unwrap()
    }

    /// Records what a sink is given.
    #[derive(Clone, Default)]
    struct Collect(std::sync::Arc<std::sync::Mutex<(Vec<FlowRecord>, usize)>>);

    impl LiveSink for Collect {
        fn finished(&mut self, flows: &[FlowRecord]) {
            self.0.lock().unwrap().0.extend_from_slice(flows);
        }
        fn announcements(&mut self, list: Vec<tapaudit_flow::LoggedAnnouncement>) {
            self.0.lock().unwrap().1 += list.len();
        }
    }

    #[test]
    fn the_sink_gets_every_flow_of_the_final_report_once_and_the_announcements() {
        let sink = Collect::default();
        let (tx, rx) = std::sync::mpsc::channel();
        let (reply, answer) = oneshot::channel();
        let (mid, mid_answer) = oneshot::channel();
        tx.send(ToFlows::Batch(demo_batch(&[]))).unwrap();
        // A periodic report in between must not hand open flows to the sink.
        tx.send(ToFlows::Report {
            last: false,
            reply: mid,
        })
        .unwrap();
        tx.send(ToFlows::Report { last: true, reply }).unwrap();
        let config = FlowConfig {
            max_logged_announcements: 1000,
            ..FlowConfig::default()
        };
        run(rx, config, 1_000_000, None, Some(Box::new(sink.clone())));
        assert!(mid_answer.blocking_recv().unwrap().open_flows > 0);
        let last = answer.blocking_recv().unwrap();
        let got = sink.0.lock().unwrap();
        let key = |f: &FlowRecord| {
            (
                f.first_seen,
                f.client,
                f.client_port,
                f.server,
                f.server_port,
                f.vlan,
                f.packets_to_server,
                f.packets_to_client,
            )
        };
        let mut want: Vec<_> = last.flows.iter().map(key).collect();
        let mut have: Vec<_> = got.0.iter().map(key).collect();
        want.sort();
        have.sort();
        assert_eq!(have, want, "the sink saw exactly the final report's flows");
        assert!(
            got.1 > 0,
            "the demo's FTP and RPC announcements reached the sink"
        );
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
