//! A report judged against a baseline (`audit --baseline REPORT`): which of its findings the
//! baseline already holds (known), how many are new, and which of the baseline's findings
//! are gone (resolved). Computed once per report; every printer marks the same findings.
//!
//! Findings are matched by their stable id (`tapaudit_audit::FindingKey`), as `tapaudit
//! diff` matches them; the baseline is read by `tapaudit_diff::Baseline`.

use std::collections::BTreeSet;

use tapaudit_audit::{AuditResult, FindingKey, JudgedFlow, Missing};
use tapaudit_diff::{Baseline, Finding};

use crate::groups::Group;

/// The baseline's view of one report.
pub(crate) struct BaselineView<'a> {
    pub baseline: &'a Baseline,
    /// Distinct findings of the report that the baseline holds.
    pub known: usize,
    /// Distinct findings of the report that it does not.
    pub new: usize,
    /// The baseline's findings that the report no longer has.
    pub resolved: Vec<Finding>,
}

impl<'a> BaselineView<'a> {
    pub fn new(audit: &AuditResult, baseline: &'a Baseline) -> Self {
        let ids: BTreeSet<String> = audit
            .flows
            .iter()
            .filter_map(FindingKey::of_flow)
            .chain(audit.missing.iter().map(FindingKey::of_missing))
            .chain(audit.zone_findings().map(FindingKey::of_zone_crossing))
            .map(|k| k.id())
            .collect();
        let known = ids.iter().filter(|id| baseline.knows(id)).count();
        BaselineView {
            baseline,
            known,
            new: ids.len() - known,
            resolved: baseline.resolved(|id| ids.contains(id)),
        }
    }

    /// The baseline's file, as given.
    pub fn file(&self) -> &str {
        &self.baseline.file
    }

    /// Whether a flow's finding is known; None for a documented flow (no finding).
    pub fn flow(&self, f: &JudgedFlow) -> Option<bool> {
        FindingKey::of_flow(f).map(|k| self.baseline.knows(&k.id()))
    }

    pub fn missing(&self, m: &Missing) -> bool {
        self.baseline.knows(&FindingKey::of_missing(m).id())
    }

    /// A group of undocumented flows is known when every one of its flows is.
    pub fn group(&self, g: &Group<'_>) -> bool {
        g.flows().iter().all(|f| self.flow(f).unwrap_or(true))
    }
}
