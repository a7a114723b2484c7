//! tapaudit-pipeline: the ingest of tapaudit. Frames from capture files or captures held in
//! memory (and, with the `live` feature, from live interfaces: module `live`) are decoded
//! and fed to one flow table; the result is one typed [`Run`]: the finished flows, the
//! flow-table counters, and the [`Coverage`] that says what was read and how completely.
//!
//! Promises:
//! - Replay and live share one ingest step ([`Ingest`]): the same frames give the same
//!   flows and counters, whichever way they came in.
//! - Files are read to their end or to their first damage; everything read before a
//!   damage is kept, and the coverage names the file, record and offset.
//! - Flows come out in a deterministic order (time, then endpoints).
//! - "Was every input read to its end" is [`Coverage::complete`], for replay and live alike.

#![forbid(unsafe_code)]

pub mod dedup;
mod ingest;
#[cfg(feature = "live")]
pub mod live;
pub mod replay;

use serde::Serialize;
use tapaudit_flow::{FlowRecord, FlowStats, LoggedAnnouncement};
use tapaudit_vocab::{CaptureStats, Coverage};

pub use ingest::{Datagram, DatagramObserver, Ingest};
pub use replay::{check_capture, replay, replay_files, replay_observed, CaptureInput};

/// Everything one run of the pipeline gathered.
pub struct Run {
    /// Finished flows, in deterministic order.
    pub flows: Vec<FlowRecord>,
    /// What was read, and how completely.
    pub coverage: Coverage,
    pub flow_stats: FlowStats,
    /// The announcements the flow table registered, when the flow configuration asked for a
    /// log of them (`FlowConfig::max_logged_announcements`; empty otherwise).
    pub announcements: Vec<LoggedAnnouncement>,
}

impl Run {
    /// True when every input was read to its end.
    pub fn complete(&self) -> bool {
        self.coverage.complete()
    }
}

/// Statistics in one serialisable object (`tapaudit flows --stats FILE`).
#[derive(Serialize)]
pub struct StatsReport<'a> {
    pub capture: &'a CaptureStats,
    pub flows: &'a FlowStats,
}
