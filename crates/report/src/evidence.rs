//! The evidence block: what a reader needs to check that a report was made from the inputs
//! it names, and by what. The tool and its build, the SHA-256 of every capture file
//! (computed while it was read), of the site file and of every rule pack (embedded or
//! loaded), the documents the packs were written from, the capture window of every file and
//! interface, the drops a capture declares, the audit time and the optional auditor and
//! sensor labels.
//!
//! The audit time is the one wall-clock time in a report: it is given by the caller
//! ([`RunInfo`]), never read here, so that a test (or a reproducible run) can fix it.

use tapaudit_vocab::{CaptureInterface, Timestamp};

use crate::view::ReportView;

/// The run's facts the audit cannot know: when, by whom, where, with which build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunInfo {
    /// When the audit ran (wall clock of the machine that made the report).
    pub audit_time: Timestamp,
    /// The build: `git describe` of the source tree it was built from, or "unknown".
    pub build: String,
    /// Who ran the audit (`--auditor`).
    pub auditor: Option<String>,
    /// Which sensor captured the traffic (`--sensor`).
    pub sensor: Option<String>,
}

impl RunInfo {
    /// The run's facts. The audit time is `given`, else `source_date_epoch` (the
    /// `SOURCE_DATE_EPOCH` of reproducible builds, RFC 3339 or epoch seconds), else `now`.
    pub fn resolve(
        given: Option<Timestamp>,
        source_date_epoch: Option<&str>,
        now: Timestamp,
        build: &str,
        auditor: Option<String>,
        sensors: &[String],
    ) -> Result<RunInfo, String> {
        let audit_time = match (given, source_date_epoch) {
            (Some(t), _) => t,
            (None, Some(epoch)) => {
                parse_audit_time(epoch).map_err(|e| format!("SOURCE_DATE_EPOCH: {e}"))?
            }
            (None, None) => now,
        };
        Ok(RunInfo {
            audit_time,
            build: build.to_string(),
            auditor,
            sensor: (!sensors.is_empty()).then(|| sensors.join(", ")),
        })
    }
}

/// One hashed input: a capture file, the site file or a rule pack.
#[derive(Clone, Debug)]
pub(crate) struct HashedInput<'a> {
    /// `capture`, `site` or `rules`.
    pub kind: &'static str,
    pub name: &'a str,
    /// None: a capture file that could not be opened.
    pub sha256: Option<&'a str>,
    /// Rule packs: the document, `short title version (publication)`.
    pub document: Option<String>,
}

/// One interface of one capture file.
pub(crate) struct InterfaceRow<'a> {
    pub file: &'a str,
    /// 0-based interface number in the file (pcapng's interface id across sections).
    pub index: usize,
    pub iface: &'a CaptureInterface,
}

pub(crate) const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

impl<'a> ReportView<'a> {
    /// SHA-256 (hex) of the inputs' hashes, one per line in [`Self::hashed_inputs`] order
    /// (`null` for a capture that could not be read): one short fingerprint of what the
    /// report is about, printed in the header of every HTML page printout. It is
    /// `jq -r '.evidence.inputs[].sha256' report.json | sha256sum`.
    pub fn inputs_digest(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for i in self.hashed_inputs() {
            h.update(i.sha256.unwrap_or("null").as_bytes());
            h.update(b"\n");
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Every input with its hash, in the order: captures (as given), site, rule packs.
    pub fn hashed_inputs(&self) -> Vec<HashedInput<'a>> {
        let mut v = Vec::new();
        for f in &self.coverage.files {
            v.push(HashedInput {
                kind: "capture",
                name: &f.file,
                sha256: f.sha256.as_deref(),
                document: None,
            });
        }
        if let Some(s) = self.site {
            v.push(HashedInput {
                kind: "site",
                name: &s.source,
                sha256: Some(&s.sha256),
                document: None,
            });
        }
        for p in self.rules.packs() {
            v.push(HashedInput {
                kind: "rules",
                name: &p.source,
                sha256: Some(&p.sha256),
                document: Some(document_label(&p.document)),
            });
        }
        v
    }

    /// Every interface of every capture file.
    pub fn interfaces(&self) -> impl Iterator<Item = InterfaceRow<'a>> + 'a {
        self.coverage.files.iter().flat_map(|f| {
            f.interfaces
                .iter()
                .enumerate()
                .map(move |(index, iface)| InterfaceRow {
                    file: &f.file,
                    index,
                    iface,
                })
        })
    }

    /// Packets the captures say they dropped, when any file says (None: no file says).
    pub fn declared_drops(&self) -> Option<u64> {
        let mut any = false;
        let mut sum = 0u64;
        for i in self.coverage.files.iter().flat_map(|f| &f.interfaces) {
            if let Some(d) = i.dropped {
                any = true;
                sum += d;
            }
        }
        any.then_some(sum)
    }
}

/// `AssetCentre 16.00 (2023-05)`: what the pack was written from.
pub(crate) fn document_label(d: &tapaudit_rules::Document) -> String {
    let mut s = d.short.clone();
    if let Some(v) = &d.version {
        s.push_str(", ");
        s.push_str(v);
    }
    if let Some(p) = &d.publication {
        s.push_str(&format!(" ({p})"));
    }
    s
}

/// An interface in words: `eth0 (Intel I210), Linux 6.1` or `interface 0`.
pub(crate) fn interface_label(row: &InterfaceRow<'_>) -> String {
    let i = row.iface;
    let mut s = i
        .name
        .clone()
        .unwrap_or_else(|| format!("interface {}", row.index));
    if let Some(d) = &i.description {
        s.push_str(&format!(" ({d})"));
    }
    s
}

/// Parses the audit time given on the command line: RFC 3339 in UTC (`2026-03-02T08:00:00Z`)
/// or seconds since the epoch (as `SOURCE_DATE_EPOCH` gives it).
pub fn parse_audit_time(s: &str) -> Result<Timestamp, String> {
    let s = s.trim();
    if let Ok(secs) = s.parse::<u64>() {
        return Ok(Timestamp::from_secs_nanos(secs, 0));
    }
    let bad =
        || format!("\"{s}\" is not a time: give YYYY-MM-DDTHH:MM:SSZ (UTC) or seconds since 1970");
    let b = s.as_bytes();
    if b.len() != 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'Z'
    {
        return Err(bad());
    }
    let num = |from: usize, to: usize| {
        s.get(from..to)
            .and_then(|x| x.parse::<i64>().ok())
            .ok_or_else(bad)
    };
    let (y, m, d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (hh, mm, ss) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || hh > 23 || mm > 59 || ss > 60 {
        return Err(bad());
    }
    // Days from the civil date (H. Hinnant's algorithm, the inverse of civil_from_days).
    let y2 = if m <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400 + hh * 3600 + mm * 60 + ss;
    u64::try_from(secs)
        .map(|s| Timestamp::from_secs_nanos(s, 0))
        .map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_times_round_trip() {
        for text in [
            "2026-03-02T08:00:00Z",
            "1970-01-01T00:00:00Z",
            "2000-02-29T23:59:59Z",
        ] {
            assert_eq!(parse_audit_time(text).unwrap().to_rfc3339_seconds(), text);
        }
        assert_eq!(
            parse_audit_time("86400").unwrap().to_rfc3339_seconds(),
            "1970-01-02T00:00:00Z"
        );
        assert!(parse_audit_time("2026-13-01T00:00:00Z").is_err());
        assert!(parse_audit_time("yesterday").is_err());
    }
}
