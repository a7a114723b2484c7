//! What each site exception did in this audit: the flows it accepted, the flows it would
//! have accepted had it not expired (findings), and whether it matched anything at all.
//!
//! Pure: read from the judged flows and the site, with the judge's own reading of an
//! exception ([`tapaudit_rules::Exception::covers`], expiry by the flow's capture date).

use serde::Serialize;
use tapaudit_rules::{Date, Site};

use crate::{Evidence, JudgedFlow, Verdict};

/// How an exception served this audit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExceptionStatus {
    /// It accepted at least one flow.
    Used,
    /// It accepted nothing, but flows it names came after its expiry date: they are
    /// findings (undocumented) that the site must renew the exception for, or stop.
    Expired,
    /// It accepted nothing and no expired match: a candidate to remove (least privilege).
    Stale,
}

impl ExceptionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ExceptionStatus::Used => "used",
            ExceptionStatus::Expired => "expired",
            ExceptionStatus::Stale => "stale",
        }
    }
}

/// The use of one site exception, in the site file's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExceptionUse {
    /// Index in [`Site::exceptions`].
    pub index: usize,
    pub status: ExceptionStatus,
    /// Flows it accepted (indices into [`crate::AuditResult::flows`], in that order). A flow
    /// two exceptions cover is accepted by the first in the file, as the judge reads them.
    pub accepted: Vec<usize>,
    /// Undocumented flows it names that came after its expiry date (indices, as above).
    pub expired: Vec<usize>,
    /// Flows it names, not expired, that a rule judged first (documented by a rule, or
    /// forbidden by a deny rule, which no exception lifts): the exception was not needed
    /// for them.
    pub judged_by_rules: u64,
}

/// The use of every exception of the site, in the file's order.
pub fn exception_use(site: &Site, flows: &[JudgedFlow]) -> Vec<ExceptionUse> {
    let mut uses: Vec<ExceptionUse> = (0..site.exceptions.len())
        .map(|index| ExceptionUse {
            index,
            status: ExceptionStatus::Stale,
            accepted: Vec::new(),
            expired: Vec::new(),
            judged_by_rules: 0,
        })
        .collect();
    if uses.is_empty() {
        return uses;
    }
    for (i, j) in flows.iter().enumerate() {
        let f = &j.flow;
        let Some(proto) = f.proto.transport() else {
            continue;
        };
        let on = Date::from_unix_seconds(f.first_seen.secs() as i64);
        let client = (f.client, j.client_host.as_deref());
        let server = (f.server, j.server_host.as_deref());
        let mut accepted = j.evidence == Some(Evidence::Exception);
        for (e, u) in site.exceptions.iter().zip(uses.iter_mut()) {
            if !e.covers(client, server, proto, f.server_port) {
                continue;
            }
            if e.is_expired(on) {
                if j.verdict == Verdict::Undocumented {
                    u.expired.push(i);
                }
            } else if accepted {
                u.accepted.push(i);
                accepted = false;
            } else if j.rule.is_some() {
                u.judged_by_rules += 1;
            }
        }
    }
    for u in &mut uses {
        u.status = if !u.accepted.is_empty() {
            ExceptionStatus::Used
        } else if !u.expired.is_empty() {
            ExceptionStatus::Expired
        } else {
            ExceptionStatus::Stale
        };
    }
    uses
}
