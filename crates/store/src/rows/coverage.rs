//! The `coverage` table: what a sensor read of a file or an interface, over a window.

use clickhouse::Row;
use serde::{Deserialize, Serialize};
use tapaudit_vocab::{FileCoverage, Gap, InterfaceCoverage, LinkType, Timestamp};

use super::{join_time, split_time, RecordId};

/// What a coverage row is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    /// A capture file (`tapaudit ingest`).
    File,
    /// A live interface (`tapaudit live`).
    Interface,
}

/// Capture coverage of one source over a window: for a file, the whole file; for a live
/// interface, the run so far (counters are cumulative since `window_start`, and a later
/// row of the same run replaces the earlier one in the store).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageRecord {
    pub sensor: String,
    pub kind: SourceKind,
    /// The file path or the interface name.
    pub source: String,
    pub window_start: Timestamp,
    pub window_end: Timestamp,
    pub link_type: Option<LinkType>,
    pub packets: u64,
    pub bytes: u64,
    pub dropped_by_kernel: u64,
    pub dropped_by_interface: u64,
    pub decode_errors: u64,
    pub gaps_total: u64,
    /// The most recent gaps (the count of all is `gaps_total`).
    pub gaps: Vec<Gap>,
    /// The file was read to its end / the interface is still capturing.
    pub complete: bool,
    pub error: Option<String>,
}

impl CoverageRecord {
    /// One replayed file.
    pub fn from_file(sensor: &str, f: &FileCoverage) -> Self {
        CoverageRecord {
            sensor: sensor.to_string(),
            kind: SourceKind::File,
            source: f.file.clone(),
            window_start: f.first_seen.unwrap_or_default(),
            window_end: f.last_seen.unwrap_or_default(),
            link_type: None,
            packets: f.packets,
            bytes: f.bytes,
            dropped_by_kernel: 0,
            dropped_by_interface: 0,
            decode_errors: f.decode_errors,
            gaps_total: 0,
            gaps: Vec::new(),
            complete: f.complete,
            error: f.error.as_ref().map(|e| e.message.clone()),
        }
    }

    /// One live interface of a run that started at `started`, as of `written`.
    pub fn from_interface(
        sensor: &str,
        i: &InterfaceCoverage,
        started: Timestamp,
        written: Timestamp,
    ) -> Self {
        CoverageRecord {
            sensor: sensor.to_string(),
            kind: SourceKind::Interface,
            source: i.name.clone(),
            window_start: started,
            window_end: written,
            link_type: Some(i.link_type),
            packets: i.received,
            bytes: 0,
            dropped_by_kernel: i.dropped_by_kernel,
            dropped_by_interface: i.dropped_by_interface,
            decode_errors: 0,
            gaps_total: i.gaps_total,
            gaps: i.gaps.clone(),
            complete: i.capturing,
            error: i.last_error.clone(),
        }
    }

    /// Same sensor, source and start: the same coverage row (a later one replaces it).
    pub fn record_id(&self) -> u64 {
        RecordId::new("tapaudit.coverage.1")
            .str(&self.sensor)
            .bytes(&[match self.kind {
                SourceKind::File => 1,
                SourceKind::Interface => 2,
            }])
            .str(&self.source)
            .bytes(&self.window_start.as_nanos().to_be_bytes())
            .finish()
    }
}

/// One row of `coverage`.
#[derive(Row, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct CoverageRow {
    pub sensor: String,
    pub kind: i8,
    pub source: String,
    pub record_id: u64,
    pub batch_id: u64,
    pub version: u64,
    pub window_start: u32,
    pub window_start_ns: u32,
    pub window_end: u32,
    pub window_end_ns: u32,
    pub link_type: Option<u32>,
    pub packets: u64,
    pub bytes: u64,
    pub dropped_by_kernel: u64,
    pub dropped_by_interface: u64,
    pub decode_errors: u64,
    pub gaps_total: u64,
    pub gap_from: Vec<u64>,
    pub gap_to: Vec<u64>,
    pub gap_reason: Vec<String>,
    pub complete: u8,
    pub error: String,
}

impl CoverageRow {
    pub fn new(c: &CoverageRecord, batch_id: u64) -> Result<Self, String> {
        let (window_start, window_start_ns) = split_time(c.window_start)?;
        let (window_end, window_end_ns) = split_time(c.window_end)?;
        Ok(CoverageRow {
            sensor: c.sensor.clone(),
            kind: match c.kind {
                SourceKind::File => 1,
                SourceKind::Interface => 2,
            },
            source: c.source.clone(),
            record_id: c.record_id(),
            batch_id,
            version: c.window_end.as_nanos(),
            window_start,
            window_start_ns,
            window_end,
            window_end_ns,
            link_type: c.link_type.map(LinkType::number),
            packets: c.packets,
            bytes: c.bytes,
            dropped_by_kernel: c.dropped_by_kernel,
            dropped_by_interface: c.dropped_by_interface,
            decode_errors: c.decode_errors,
            gaps_total: c.gaps_total,
            gap_from: c.gaps.iter().map(|g| g.from.as_nanos()).collect(),
            // 0: still going on.
            gap_to: c
                .gaps
                .iter()
                .map(|g| g.to.map_or(0, |t| t.as_nanos()))
                .collect(),
            gap_reason: c.gaps.iter().map(|g| g.reason.clone()).collect(),
            complete: u8::from(c.complete),
            error: c.error.clone().unwrap_or_default(),
        })
    }

    pub fn to_record(&self) -> Result<CoverageRecord, String> {
        if self.gap_from.len() != self.gap_to.len() || self.gap_to.len() != self.gap_reason.len() {
            return Err("gap columns of different lengths".into());
        }
        Ok(CoverageRecord {
            sensor: self.sensor.clone(),
            kind: match self.kind {
                1 => SourceKind::File,
                2 => SourceKind::Interface,
                k => return Err(format!("unknown source kind {k}")),
            },
            source: self.source.clone(),
            window_start: join_time(self.window_start, self.window_start_ns),
            window_end: join_time(self.window_end, self.window_end_ns),
            link_type: self
                .link_type
                .map(|n| LinkType::from_linktype(i32::try_from(n).unwrap_or(-1))),
            packets: self.packets,
            bytes: self.bytes,
            dropped_by_kernel: self.dropped_by_kernel,
            dropped_by_interface: self.dropped_by_interface,
            decode_errors: self.decode_errors,
            gaps_total: self.gaps_total,
            gaps: self
                .gap_from
                .iter()
                .zip(&self.gap_to)
                .zip(&self.gap_reason)
                .map(|((&from, &to), reason)| Gap {
                    from: Timestamp(from),
                    to: (to != 0).then_some(Timestamp(to)),
                    reason: reason.clone(),
                })
                .collect(),
            complete: self.complete != 0,
            error: (!self.error.is_empty()).then(|| self.error.clone()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_coverage_row_gives_back_the_same_record() {
        let c = CoverageRecord {
            sensor: "cell-a".into(),
            kind: SourceKind::Interface,
            source: "eth1".into(),
            window_start: Timestamp::from_secs_nanos(1_772_438_400, 1),
            window_end: Timestamp::from_secs_nanos(1_772_442_000, 2),
            link_type: Some(LinkType::Ethernet),
            packets: 10,
            bytes: 0,
            dropped_by_kernel: 1,
            dropped_by_interface: 2,
            decode_errors: 0,
            gaps_total: 3,
            gaps: vec![
                Gap {
                    from: Timestamp(5),
                    to: Some(Timestamp(6)),
                    reason: "link down".into(),
                },
                Gap {
                    from: Timestamp(7),
                    to: None,
                    reason: "gone".into(),
                },
            ],
            complete: true,
            error: None,
        };
        let row = CoverageRow::new(&c, 1).unwrap();
        assert_eq!(row.to_record().unwrap(), c);
    }
}
