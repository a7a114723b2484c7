//! The outcome a report leads with, computed in this one place from the coverage (what was
//! read, how completely) and the findings: PASS, FAIL or INCONCLUSIVE.
//!
//! A PASS is a claim an auditor signs: it needs every input read to its end and IP traffic
//! to judge. When the evidence cannot support a pass (an input not read to its end, no IP
//! packet, most frames undecodable, a live capture with long gaps), the outcome is
//! INCONCLUSIVE, with every reason in words. Findings among the flows that were read
//! (violations, undocumented flows) still make a FAIL, marked partial. A required flow
//! "missing" on an input that carried no IP traffic is no finding: nothing was there to see.

use serde::Serialize;
use tapaudit_vocab::{Coverage, RecordStats};

use crate::{AuditResult, FailOn, FindingKey, Verdict};

/// A live run whose interfaces were not capturing for more than this share of the window
/// (percent) cannot support a pass.
pub const MAX_GAP_PERCENT: u64 = 10;

/// The overall result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Every input read to its end, IP traffic judged, no finding.
    Pass,
    /// At least one violation, undocumented flow, zone crossing outside any conduit, or (on
    /// countable input) required flow missing or blocked.
    Fail,
    /// The evidence cannot support a pass, and the flows that were read gave no finding.
    Inconclusive,
}

impl Outcome {
    /// `PASS`, `FAIL`, `INCONCLUSIVE`: the word the human-readable reports lead with.
    pub fn word(self) -> &'static str {
        match self {
            Outcome::Pass => "PASS",
            Outcome::Fail => "FAIL",
            Outcome::Inconclusive => "INCONCLUSIVE",
        }
    }
    /// `pass`, `fail`, `inconclusive`: the JSON value and the HTML class.
    pub fn id(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Inconclusive => "inconclusive",
        }
    }
}

/// The outcome with the reasons the evidence falls short, if it does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// The report's word: that of `--fail-on missing` (any finding fails).
    pub outcome: Outcome,
    /// Why the evidence cannot support a pass (empty when it can). With findings the
    /// outcome stays FAIL and these make it partial.
    pub reasons: Vec<String>,
    /// Required flows missing or blocked count as findings: the input carried IP traffic.
    pub missing_counts: bool,
}

impl Assessment {
    /// The evidence falls short: a FAIL is partial, no PASS can be given.
    pub fn partial(&self) -> bool {
        !self.reasons.is_empty()
    }

    /// What to tell the operator when the evidence falls short (nothing when it does not):
    /// the outcome's word, then each reason, indented.
    pub fn explain(&self) -> Vec<String> {
        if !self.partial() {
            return Vec::new();
        }
        let reasons = self.reasons.iter().map(|r| format!("  {r}"));
        std::iter::once(format!("{}:", self.outcome.word()))
            .chain(reasons)
            .collect()
    }

    /// True when there is a finding at or above `level` (missing flows only when they count).
    pub fn fails(&self, audit: &AuditResult, level: FailOn) -> bool {
        let violations = audit.count(Verdict::Violation) > 0 || audit.has_zone_findings();
        let undocumented = audit.count(Verdict::Undocumented) > 0;
        let missing = self.missing_counts && !audit.missing.is_empty();
        match level {
            FailOn::Violation => violations,
            FailOn::Undocumented => violations || undocumented,
            FailOn::Missing => violations || undocumented || missing,
            FailOn::Never => false,
        }
    }

    /// The process's exit code: 2 for INCONCLUSIVE or an input not read to its end, 1 for a
    /// finding at or above `level`, else 0.
    pub fn exit_code(&self, audit: &AuditResult, coverage: &Coverage, level: FailOn) -> u8 {
        if self.outcome == Outcome::Inconclusive || !coverage.complete() {
            2
        } else if self.fails(audit, level) {
            1
        } else {
            0
        }
    }

    /// As [`Assessment::fails`], leaving out the findings whose id `known` holds (those of a
    /// baseline, `audit --baseline`): only a new finding at or above `level` fails.
    pub fn fails_new(
        &self,
        audit: &AuditResult,
        level: FailOn,
        known: &dyn Fn(&str) -> bool,
    ) -> bool {
        let new = |k: FindingKey| !known(&k.id());
        let flows = |v: Verdict| {
            let zone_crossing = || {
                v == Verdict::Violation
                    && audit
                        .zone_findings()
                        .map(FindingKey::of_zone_crossing)
                        .any(new)
            };
            audit
                .flows
                .iter()
                .filter(|f| f.verdict == v)
                .filter_map(FindingKey::of_flow)
                .any(new)
                || zone_crossing()
        };
        let missing =
            || self.missing_counts && audit.missing.iter().map(FindingKey::of_missing).any(new);
        match level {
            FailOn::Violation => flows(Verdict::Violation),
            FailOn::Undocumented => flows(Verdict::Violation) || flows(Verdict::Undocumented),
            FailOn::Missing => {
                flows(Verdict::Violation) || flows(Verdict::Undocumented) || missing()
            }
            FailOn::Never => false,
        }
    }

    /// As [`Assessment::exit_code`], with only the findings `known` does not hold failing.
    pub fn exit_code_new(
        &self,
        audit: &AuditResult,
        coverage: &Coverage,
        level: FailOn,
        known: &dyn Fn(&str) -> bool,
    ) -> u8 {
        if self.outcome == Outcome::Inconclusive || !coverage.complete() {
            2
        } else if self.fails_new(audit, level, known) {
            1
        } else {
            0
        }
    }
}

/// Why the evidence of `coverage` and of the finished-flow store (`records`) cannot support
/// a pass, in words (empty when it can).
pub fn shortfalls(coverage: &Coverage, records: &RecordStats) -> Vec<String> {
    let mut reasons = Vec::new();
    if records.dropped > 0 {
        // Beyond `--max-flow-records` records and as many aggregates, finished flows are only
        // counted: what they were, and whether a required flow was among them, is unknown.
        reasons.push(format!(
            "{} finished flow(s) were only counted, not judged: the flow store was full \
             ({} records, {} aggregates; raise --max-flow-records)",
            records.dropped, records.kept, records.aggregates
        ));
    }
    for f in coverage.incomplete_files() {
        let why = f
            .error
            .as_ref()
            .map(|e| e.message.clone())
            .unwrap_or_else(|| "reason unknown".into());
        reasons.push(format!("input not read to its end: {why}"));
    }
    let c = &coverage.capture;
    if c.packets == 0 {
        reasons.push("no frame was read: nothing to judge".into());
    } else if c.ip_packets == 0 {
        let mut what = Vec::new();
        for (kind, n) in &c.decode_errors {
            what.push(format!("{n} undecodable ({kind})"));
        }
        for (ethertype, n) in &c.non_ip {
            what.push(format!("{n} non-IP (EtherType {ethertype})"));
        }
        let what = if what.is_empty() {
            String::new()
        } else {
            format!(": {}", what.join(", "))
        };
        reasons.push(format!("no IP packet among {} frame(s){what}", c.packets));
    }
    let errors = c.decode_error_total();
    if c.packets > 0 && c.ip_packets > 0 && errors * 2 > c.packets {
        reasons.push(format!(
            "most frames could not be decoded: {errors} of {} ({}%)",
            c.packets,
            errors * 100 / c.packets
        ));
    }
    if let Some(live) = &coverage.live {
        let window = live.written.saturating_sub(live.started);
        if window > 0 {
            let mut gap_nanos = 0u64;
            let mut n_ifaces = 0u64;
            for i in &live.interfaces {
                n_ifaces += 1;
                for g in &i.gaps {
                    let from = g.from.max(live.started);
                    let to = g.to.unwrap_or(live.written).min(live.written);
                    gap_nanos += to.saturating_sub(from);
                }
            }
            // The share of the window, over every interface's window.
            let total = window.saturating_mul(n_ifaces.max(1));
            let percent = gap_nanos.saturating_mul(100) / total;
            if percent > MAX_GAP_PERCENT {
                reasons.push(format!(
                    "capture gaps over {percent}% of the window (more than {MAX_GAP_PERCENT}%)"
                ));
            }
        }
    }
    reasons
}

/// The outcome of `audit` on the input `coverage` describes: the one place it is computed.
pub fn assess(audit: &AuditResult, coverage: &Coverage, records: &RecordStats) -> Assessment {
    let reasons = shortfalls(coverage, records);
    let missing_counts = coverage.capture.ip_packets > 0;
    let flow_findings = audit.count(Verdict::Violation) > 0
        || audit.count(Verdict::Undocumented) > 0
        || audit.has_zone_findings();
    let outcome = if flow_findings {
        Outcome::Fail
    } else if !reasons.is_empty() {
        Outcome::Inconclusive
    } else if missing_counts && !audit.missing.is_empty() {
        Outcome::Fail
    } else {
        Outcome::Pass
    };
    Assessment {
        outcome,
        reasons,
        missing_counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A replay that read IP traffic to its end and judged no flow with a finding.
    fn clean_coverage() -> Coverage {
        let mut c = Coverage::default();
        c.capture.packets = 1_000;
        c.capture.ip_packets = 1_000;
        c
    }

    #[test]
    fn flows_only_counted_make_a_clean_audit_inconclusive() {
        let audit = AuditResult::default();
        let full = RecordStats {
            kept: 0,
            aggregates: 10,
            folded: 10,
            dropped: 290,
        };
        assert_eq!(
            assess(&audit, &clean_coverage(), &RecordStats::default()).outcome,
            Outcome::Pass
        );
        let a = assess(&audit, &clean_coverage(), &full);
        assert_eq!(a.outcome, Outcome::Inconclusive);
        assert!(
            a.reasons[0].starts_with("290 finished flow(s) were only counted"),
            "{:?}",
            a.reasons
        );
        assert_eq!(a.exit_code(&audit, &clean_coverage(), FailOn::Violation), 2);
    }

    #[test]
    fn folding_alone_is_still_evidence() {
        // Folded flows keep everything the audit judges them by (client port dropped).
        let folded = RecordStats {
            kept: 0,
            aggregates: 10,
            folded: 290,
            dropped: 0,
        };
        let a = assess(&AuditResult::default(), &clean_coverage(), &folded);
        assert_eq!(a.outcome, Outcome::Pass);
        assert!(a.reasons.is_empty());
    }
}
