//! Coverage: what was read to produce the flows, and how complete the picture is. One
//! typed value for replays (files) and live runs (interfaces with gaps and drops), made by
//! `tapaudit-pipeline` and read by the audit and every printer.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::{LinkType, Timestamp};

/// What was read, and how completely.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Replayed capture files, in the order given (empty for a live run).
    pub files: Vec<FileCoverage>,
    /// A live run: interfaces, drops and gaps.
    pub live: Option<LiveCoverage>,
    /// Frames and packets over every input.
    pub capture: CaptureStats,
}

impl Coverage {
    /// Every input was read to its end (and, live, the run has ended without loss).
    pub fn complete(&self) -> bool {
        self.files.iter().all(|f| f.complete) && self.live.as_ref().is_none_or(|l| !l.partial())
    }
    /// The files that could not be read to their end.
    pub fn incomplete_files(&self) -> impl Iterator<Item = &FileCoverage> {
        self.files.iter().filter(|f| !f.complete)
    }
    /// A live report written while the capture is still running.
    pub fn in_progress(&self) -> bool {
        self.live.as_ref().is_some_and(|l| l.in_progress)
    }
}

/// One input file: the `captures` section of the reports.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FileCoverage {
    /// The path as given.
    pub file: String,
    pub packets: u64,
    /// Bytes on the wire (original lengths).
    pub bytes: u64,
    pub first_seen: Option<Timestamp>,
    pub last_seen: Option<Timestamp>,
    /// Frames of this file that could not be decoded.
    pub decode_errors: u64,
    /// Records stamped earlier than the one before them in the same file (implausible
    /// records left out of "the one before": see `timestamps_implausible`).
    pub timestamps_backwards: u64,
    /// Records whose timestamp was implausible for the file (more than a day ahead of the
    /// file's clock, or more than a minute behind it): processed at the file's clock time,
    /// so they age, split or end no flow, and `first_seen`/`last_seen` ignore them
    /// (docs/flows.md, "Implausible timestamps").
    pub timestamps_implausible: u64,
    /// Genuine clock steps accepted in the file: consecutive records agreeing on a new time.
    pub clock_steps: u64,
    /// pcapng blocks without a usable packet (statistics, name resolution, unknown types).
    pub skipped_blocks: u64,
    /// False when the file could not be read to its end.
    pub complete: bool,
    pub error: Option<FileError>,
    /// SHA-256 of the file on disk (hex, as `sha256sum` prints it), computed while it was
    /// read; None when it could not be opened.
    pub sha256: Option<String>,
    /// The file's capture interfaces (pcapng interface descriptions; one for a pcap file).
    pub interfaces: Vec<CaptureInterface>,
}

/// One interface of a capture file, as the file describes it, with the packets read from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CaptureInterface {
    /// pcapng `if_name` (`eth0`, `\Device\NPF_{...}`).
    pub name: Option<String>,
    /// pcapng `if_description`.
    pub description: Option<String>,
    /// pcapng `if_os`, else the section's `shb_os`.
    pub os: Option<String>,
    pub link_type: LinkType,
    /// Largest frame length captured (0: no limit stated).
    pub snaplen: u32,
    pub packets: u64,
    pub first_seen: Option<Timestamp>,
    pub last_seen: Option<Timestamp>,
    /// Packets the capture says it dropped (pcapng interface statistics `isb_ifdrop`); None
    /// when the file does not say.
    pub dropped: Option<u64>,
}

impl Default for CaptureInterface {
    fn default() -> Self {
        CaptureInterface {
            name: None,
            description: None,
            os: None,
            link_type: LinkType::Ethernet,
            snaplen: 0,
            packets: 0,
            first_seen: None,
            last_seen: None,
            dropped: None,
        }
    }
}

/// Why a file could not be read to its end, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FileError {
    /// 1-based number of the record that could not be read (0: the file header).
    pub record: u64,
    /// Byte offset (in the decompressed stream for `.gz`) where the bad record starts.
    pub offset: u64,
    /// The whole message, naming the file, the record and the offset.
    pub message: String,
}

/// A live run: how long, on which interfaces, with what loss.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LiveCoverage {
    pub started: Timestamp,
    /// When this report was made.
    pub written: Timestamp,
    /// A periodic report, written while the capture runs.
    pub in_progress: bool,
    pub filter: Option<String>,
    pub snaplen: u32,
    pub report_every_secs: u64,
    pub interfaces: Vec<InterfaceCoverage>,
    /// Flows still open when the report was made (counted as seen so far).
    pub open_flows: usize,
    /// How the finished flows were kept.
    pub finished_flows: RecordStats,
    /// Frames seen on two interfaces within this many milliseconds are counted once (None:
    /// de-duplication off).
    pub dedup_window_ms: Option<u64>,
}

impl LiveCoverage {
    pub fn dropped(&self) -> u64 {
        self.interfaces
            .iter()
            .map(|i| i.dropped_by_kernel + i.dropped_by_interface)
            .sum()
    }
    /// Frames dropped as copies of a frame another interface saw.
    pub fn duplicates(&self) -> u64 {
        self.interfaces.iter().map(|i| i.duplicates).sum()
    }
    pub fn gaps(&self) -> u64 {
        self.interfaces.iter().map(|i| i.gaps_total).sum()
    }
    /// The picture is partial: still running, frames dropped, capture gaps, or flows only
    /// counted.
    pub fn partial(&self) -> bool {
        self.in_progress || self.dropped() > 0 || self.gaps() > 0 || self.finished_flows.dropped > 0
    }
}

/// One live interface: libpcap's counters (summed over every handle it had) and its gaps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InterfaceCoverage {
    pub name: String,
    pub link_type: LinkType,
    pub received: u64,
    pub dropped_by_kernel: u64,
    pub dropped_by_interface: u64,
    /// Frames received here that another interface had already delivered within the
    /// de-duplication window: counted here, not passed to the flow table.
    pub duplicates: u64,
    pub capturing: bool,
    /// Times it was opened (1 + reopenings after it went away).
    pub opened: u64,
    pub gaps_total: u64,
    /// The most recent gaps (at most a bounded number are kept; all are counted).
    pub gaps: Vec<Gap>,
    pub last_error: Option<String>,
}

/// A time an interface could not be captured on (wall-clock time).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Gap {
    pub from: Timestamp,
    /// None: still going on.
    pub to: Option<Timestamp>,
    pub reason: String,
}

/// Frame-level counters: what came in and what could not be decoded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CaptureStats {
    pub packets: u64,
    /// Bytes on the wire (original frame lengths).
    pub bytes: u64,
    pub ip_packets: u64,
    /// Frames cut by the snaplen (still decoded and counted).
    pub truncated_by_snaplen: u64,
    /// Decode errors by kind (the decoder's stable counter names).
    pub decode_errors: BTreeMap<String, u64>,
    /// Non-IP frames by EtherType, as `0x88cc` (0x0000: 802.3 / LLC).
    pub non_ip: BTreeMap<String, u64>,
    /// Frames whose timestamp was implausible for their input (file or live interface) and
    /// that were processed at the input's clock time (docs/flows.md, "Implausible
    /// timestamps"). Left out of the JSON when zero.
    #[serde(skip_serializing_if = "is_zero")]
    pub timestamps_implausible: u64,
    /// Genuine clock steps accepted over every input. Left out of the JSON when zero.
    #[serde(skip_serializing_if = "is_zero")]
    pub clock_steps: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl CaptureStats {
    pub fn decode_error_total(&self) -> u64 {
        self.decode_errors.values().sum()
    }
}

/// How finished flows were kept: one by one up to a cap, then folded into aggregates, then
/// only counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RecordStats {
    /// Finished flows kept one by one.
    pub kept: usize,
    /// Records standing for many finished flows (client port dropped, counters summed).
    pub aggregates: usize,
    /// Finished flows folded into aggregates.
    pub folded: u64,
    /// Finished flows not kept at all: the aggregates were full too (counted only).
    pub dropped: u64,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}
