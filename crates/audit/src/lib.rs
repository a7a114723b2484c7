//! tapaudit-audit: the pure engine. Rules x site x flows -> verdicts and findings. No I/O.
//!
//! Every flow gets one [`Verdict`] with the rule and citation behind it and a sentence a
//! person understands; every `required` rule is checked for each pair of inventory hosts
//! bound to its roles ([`Missing`]); documented rules the site could use but never did are
//! listed as [`Unused`]. Same input, same result: outputs are sorted.

#![forbid(unsafe_code)]

mod exceptions;
mod finding;
mod judge;
mod missing;
mod outcome;
mod watch;
mod zones;

use std::borrow::Cow;
use std::sync::Arc;

use serde::Serialize;
use tapaudit_flow::{drain_shrinking, FlowRecord};
use tapaudit_rules::{RuleSet, Site};

pub use exceptions::{exception_use, ExceptionStatus, ExceptionUse};
pub use finding::{FindingId, FindingKey};
pub use judge::Judge;
pub use missing::applies_to_site;
pub use outcome::{assess, shortfalls, Assessment, Outcome, MAX_GAP_PERCENT};
pub use watch::flow_config_for;
pub use zones::{zone_audit, ConduitUse, Traffic, ZoneAudit, ZoneCell, ZoneCrossing};

/// What the documents say about one flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Documented,
    Undocumented,
    Violation,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Documented => "documented",
            Verdict::Undocumented => "undocumented",
            Verdict::Violation => "violation",
        }
    }
}

/// How a documented flow is documented.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Evidence {
    /// A rule names the flow's fixed port.
    Port,
    /// A dynamic port announced by the control protocol the rule names.
    Negotiated,
    /// The port only falls inside a documented dynamic range (no announcement seen).
    Range,
    /// A site exception accepts it.
    Exception,
}

impl Evidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Port => "port",
            Evidence::Negotiated => "negotiated",
            Evidence::Range => "range",
            Evidence::Exception => "exception",
        }
    }
}

/// What the documents say about a flow, and who its hosts are. Flows judged alike (the
/// same hosts, service, rule and reason) share one: a report of a million flows does not
/// hold a million copies of the same sentence (memory per flow, docs/performance.md).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Judgment {
    pub client_host: Option<String>,
    pub server_host: Option<String>,
    pub verdict: Verdict,
    pub evidence: Option<Evidence>,
    /// Id of the rule (allow or deny) behind the verdict.
    pub rule: Option<String>,
    pub pack: Option<String>,
    pub cite: Option<String>,
    /// In words: [`JudgedFlow::reason`].
    pub reason: Reason,
}

/// Why a flow got its verdict. Nearly every reason is a sentence made once per judgment; the
/// one that names the flow's own addresses is made when a report asks for it, so that the
/// flows of many hosts outside the inventory (a scan, a flood from spoofed sources) share
/// one judgment.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    Text(String),
    /// The client, the server or both are not in the site inventory.
    NotInInventory {
        client: bool,
        server: bool,
    },
}

/// One flow with its judgement; the judgement's fields read through it (`j.verdict`).
#[derive(Clone, Debug)]
pub struct JudgedFlow {
    pub flow: FlowRecord,
    pub judgment: Arc<Judgment>,
}

impl JudgedFlow {
    /// Why the flow got its verdict, in words.
    pub fn reason(&self) -> Cow<'_, str> {
        match &self.judgment.reason {
            Reason::Text(t) => Cow::Borrowed(t),
            &Reason::NotInInventory { client, server } => {
                let who = match (client, server) {
                    (true, true) => format!(
                        "the client {} and the server {} are",
                        self.flow.client, self.flow.server
                    ),
                    (true, false) => format!("the client {} is", self.flow.client),
                    _ => format!("the server {} is", self.flow.server),
                };
                Cow::Owned(format!("{who} not in the site inventory"))
            }
        }
    }
}

impl std::ops::Deref for JudgedFlow {
    type Target = Judgment;
    fn deref(&self) -> &Judgment {
        &self.judgment
    }
}

/// Status of a required flow that was not seen working.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingStatus {
    /// No flow at all between the hosts on the rule's ports.
    NeverSeen,
    /// Only connection attempts that got no answer.
    Unanswered,
    /// Only attempts the server refused (TCP RST).
    Refused,
    /// Only attempts an ICMP error (a firewall, a router) rejected.
    Blocked,
}

impl MissingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MissingStatus::NeverSeen => "never_seen",
            MissingStatus::Unanswered => "unanswered",
            MissingStatus::Refused => "refused",
            MissingStatus::Blocked => "blocked",
        }
    }
}

/// A required flow that is missing or blocked between two inventory hosts.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Missing {
    pub rule: String,
    pub pack: String,
    /// The client host's first address (or address block).
    pub client: String,
    pub server: String,
    pub client_host: String,
    pub server_host: String,
    pub proto: String,
    pub ports: String,
    pub status: MissingStatus,
    /// Attempts seen (flows that failed), 0 for never_seen.
    pub attempts: u64,
    pub cite: String,
    pub purpose: String,
}

/// A documented rule that applies to this site but carried no traffic: a candidate for
/// closing its firewall opening (least privilege).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Unused {
    pub rule: String,
    pub pack: String,
    pub level: String,
    pub proto: String,
    pub ports: String,
    pub cite: String,
    pub purpose: String,
    /// Host pairs the rule applies to in this site.
    pub host_pairs: u64,
}

/// How often each rule was the reason for a verdict.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RuleUse {
    pub flows: u64,
    pub packets: u64,
    pub bytes: u64,
}

/// Everything the audit found.
#[derive(Clone, Debug, Default)]
pub struct AuditResult {
    /// Sorted by first seen, then endpoints.
    pub flows: Vec<JudgedFlow>,
    pub missing: Vec<Missing>,
    pub unused: Vec<Unused>,
    /// Rule id -> use, for every rule that judged at least one flow.
    pub rule_use: std::collections::BTreeMap<String, RuleUse>,
    /// What each site exception did, in the site file's order (empty without a site).
    pub exceptions: Vec<ExceptionUse>,
    /// Zones and conduits; None when the site has no zones.
    pub zones: Option<ZoneAudit>,
}

impl AuditResult {
    pub fn count(&self, v: Verdict) -> usize {
        self.flows.iter().filter(|f| f.verdict == v).count()
    }
    pub fn count_missing(&self, s: MissingStatus) -> usize {
        self.missing.iter().filter(|m| m.status == s).count()
    }
    /// Zone crossings outside any conduit that are findings (answered).
    pub fn zone_findings(&self) -> impl Iterator<Item = &ZoneCrossing> {
        self.zones.iter().flat_map(|z| z.findings())
    }
    /// True when some flow crossed a zone boundary outside any conduit and was answered.
    pub fn has_zone_findings(&self) -> bool {
        self.zone_findings().next().is_some()
    }
}

/// Judges every flow, then looks for what is missing and unused.
pub fn audit(rules: &RuleSet, site: Option<&Site>, flows: Vec<FlowRecord>) -> AuditResult {
    let mut judge = Judge::new(rules, site);
    // The records are given back as they are judged, and sorted in place: the flows are
    // never held twice (memory per flow, docs/performance.md).
    let mut judged: Vec<JudgedFlow> = Vec::with_capacity(flows.len());
    judged.extend(drain_shrinking(flows).map(|f| judge.judge(f)));
    tapaudit_flow::sort_in_flow_order(&mut judged, |j| &j.flow);
    let mut rule_use = std::collections::BTreeMap::<String, RuleUse>::new();
    for j in &judged {
        if let Some(r) = &j.rule {
            let u = rule_use.entry(r.clone()).or_default();
            u.flows += 1;
            u.packets += j.flow.packets_to_server + j.flow.packets_to_client;
            u.bytes += j.flow.bytes_to_server + j.flow.bytes_to_client;
        }
    }
    let (missing, unused) = match site {
        Some(site) => missing::find(rules, site, &judged, &rule_use),
        None => (Vec::new(), Vec::new()),
    };
    let exceptions = site.map(|s| exception_use(s, &judged)).unwrap_or_default();
    let zones = site.and_then(|s| zone_audit(s, &judged));
    AuditResult {
        flows: judged,
        missing,
        unused,
        rule_use,
        exceptions,
        zones,
    }
}

#[cfg(test)]
mod tests;

/// Which findings fail a CI run (`--fail-on`), from the most to the least severe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FailOn {
    /// Only violations (deny rules, negotiated ports outside their documented range, zone
    /// crossings outside any conduit).
    Violation,
    /// Violations and undocumented flows.
    Undocumented,
    /// Any finding: also required flows missing or blocked.
    Missing,
    /// Never fail on findings (errors and incomplete input still exit 2).
    Never,
}

impl AuditResult {
    /// True when there is a finding at or above `level`.
    pub fn fails(&self, level: FailOn) -> bool {
        let violations = self.count(Verdict::Violation) > 0 || self.has_zone_findings();
        let undocumented = self.count(Verdict::Undocumented) > 0;
        let missing = !self.missing.is_empty();
        match level {
            FailOn::Violation => violations,
            FailOn::Undocumented => violations || undocumented,
            FailOn::Missing => violations || undocumented || missing,
            FailOn::Never => false,
        }
    }
}
