//! tapaudit-diff: what changed between two JSON reports (`tapaudit diff OLD NEW`), and the
//! report reader that `audit --baseline` and `site accept` share: a [`Baseline`] (the
//! findings of an earlier report by id, and the file's SHA-256) and [`accept`] (chosen
//! undocumented findings as `[[exceptions]]` stubs for the site file).
//!
//! Owns: reading a `tapaudit.report/1` file into typed fields (a missing file, invalid JSON
//! or another schema is an error that names the file, and the line and column for JSON);
//! the comparison (hosts new and gone, services per host pair that appeared or
//! disappeared, verdict changes of the same service, findings new, resolved and still open
//! by their stable finding id, the change of outcome); and its printers (Markdown, JSON
//! `tapaudit.diff/1`, HTML) over `impl io::Write`.
//!
//! Promises: the comparison depends only on the two reports (no clock, no file system
//! beyond reading them); every list is sorted, so the same pair gives the same bytes;
//! JSON goes through serde; Markdown cells and HTML escape everything that came from the
//! reports (host names and reasons are text from site files and the wire).

#![forbid(unsafe_code)]

mod accept;
mod baseline;
mod html;
mod markdown;
pub use markdown::findings_table;
mod read;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use serde::{Deserialize, Serialize};
use tapaudit_audit::FailOn;

pub use accept::{accept, AcceptError, Selection};
pub use baseline::Baseline;
pub use read::{Flow, MissingFlow, Negotiated, Report, REPORT_SCHEMA};

/// The schema of `tapaudit diff --format json` (docs/baselines.md).
pub const DIFF_SCHEMA: &str = "tapaudit.diff/1";

/// A report that cannot be read or is not a report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{file}: cannot be read")]
    Read {
        file: String,
        #[source]
        source: io::Error,
    },
    #[error("{file}:{line}:{column}: not a JSON report: {message}")]
    Json {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}: {}, expected \"{REPORT_SCHEMA}\" (the JSON of `tapaudit audit --format json`)", match found { Some(s) => format!("schema is {s:?}"), None => "no schema".into() })]
    Schema { file: String, found: Option<String> },
}

/// A flow's verdict, as the report writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

/// A report's overall outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Pass,
    Fail,
    Inconclusive,
}

impl Outcome {
    pub fn word(self) -> &'static str {
        match self {
            Outcome::Pass => "PASS",
            Outcome::Fail => "FAIL",
            Outcome::Inconclusive => "INCONCLUSIVE",
        }
    }
}

/// What a finding is, the most severe first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Violation,
    /// Flows that crossed a zone boundary outside any conduit (they fail at `violation`).
    #[serde(rename = "zone-crossing")]
    ZoneCrossing,
    Undocumented,
    Missing,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Violation => "violation",
            Kind::ZoneCrossing => "zone-crossing",
            Kind::Undocumented => "undocumented",
            Kind::Missing => "missing",
        }
    }

    /// True when a finding of this kind fails a run at `level` (the levels of `audit`).
    pub fn fails_at(self, level: FailOn) -> bool {
        match level {
            FailOn::Violation => self <= Kind::ZoneCrossing,
            FailOn::Undocumented => self <= Kind::Undocumented,
            FailOn::Missing => true,
            FailOn::Never => false,
        }
    }
}

/// One side of the comparison.
#[derive(Clone, Debug, Serialize)]
pub struct Side {
    pub file: String,
    pub site: Option<String>,
    pub outcome: Option<Outcome>,
    pub flows: usize,
    pub findings: usize,
}

/// A host seen in the flows: its inventory name (else its address) and its addresses.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Host {
    pub host: String,
    pub in_inventory: bool,
    pub addresses: Vec<String>,
}

/// A service of one host pair: every flow from `client` to `server` on `service`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Service {
    pub client: String,
    pub server: String,
    /// `tcp/502`, `icmp`, `tcp/negotiated-by-ftp`, `tcp/range-of-RULE` (docs/baselines.md).
    pub service: String,
    /// The most severe verdict among its flows.
    pub verdict: Verdict,
    pub flows: usize,
    /// The rules behind its verdicts, sorted.
    pub rules: Vec<String>,
}

/// The same service judged differently.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VerdictChange {
    pub client: String,
    pub server: String,
    pub service: String,
    pub old: Verdict,
    pub new: Verdict,
    pub old_rules: Vec<String>,
    pub new_rules: Vec<String>,
}

/// One finding, by its stable id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub id: String,
    pub kind: Kind,
    pub rule: Option<String>,
    pub client: String,
    pub server: String,
    /// `tcp/445`, or the rule's ports of a missing flow (`tcp/49152-65535`).
    pub service: String,
    /// The flow's reason, or the missing flow's status (`never_seen`, `blocked`, ...).
    pub detail: String,
    /// Flows with this finding (0 for a missing flow).
    pub flows: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Changes<T> {
    pub new: Vec<T>,
    pub gone: Vec<T>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct FindingChanges {
    pub new: Vec<Finding>,
    pub resolved: Vec<Finding>,
    pub open: Vec<Finding>,
}

/// Everything that changed from `old` to `new`.
#[derive(Clone, Debug, Serialize)]
pub struct Diff {
    pub schema: &'static str,
    pub old: Side,
    pub new: Side,
    pub outcome_changed: bool,
    pub hosts: Changes<Host>,
    pub services: Changes<Service>,
    pub verdict_changes: Vec<VerdictChange>,
    pub findings: FindingChanges,
}

type ServiceKey = (String, String, String);

fn hosts(r: &Report) -> BTreeMap<String, Host> {
    let mut out: BTreeMap<String, Host> = BTreeMap::new();
    for f in &r.flows {
        for (name, addr) in [(&f.client_host, &f.client), (&f.server_host, &f.server)] {
            let label = name.as_deref().unwrap_or(addr);
            let h = out.entry(label.to_string()).or_insert_with(|| Host {
                host: label.to_string(),
                in_inventory: name.is_some(),
                addresses: Vec::new(),
            });
            if !h.addresses.contains(addr) {
                h.addresses.push(addr.clone());
            }
        }
    }
    for h in out.values_mut() {
        h.addresses.sort();
    }
    out
}

fn services(r: &Report) -> BTreeMap<ServiceKey, Service> {
    let mut out: BTreeMap<ServiceKey, Service> = BTreeMap::new();
    for f in &r.flows {
        let key = (
            f.client_label().to_string(),
            f.server_label().to_string(),
            f.service(),
        );
        let s = out.entry(key.clone()).or_insert_with(|| Service {
            client: key.0,
            server: key.1,
            service: key.2,
            verdict: f.verdict,
            flows: 0,
            rules: Vec::new(),
        });
        s.flows += 1;
        s.verdict = s.verdict.max(f.verdict);
        if let Some(rule) = &f.rule {
            if !s.rules.contains(rule) {
                s.rules.push(rule.clone());
                s.rules.sort();
            }
        }
    }
    out
}

/// Every finding of a report by its id: flows with the same id are one finding.
pub fn findings(r: &Report) -> BTreeMap<String, Finding> {
    let mut out: BTreeMap<String, Finding> = BTreeMap::new();
    for f in &r.flows {
        let Some(id) = &f.finding else { continue };
        let kind = match f.verdict {
            Verdict::Violation => Kind::Violation,
            Verdict::Undocumented => Kind::Undocumented,
            // A documented flow has no finding id; one that has is taken as written.
            Verdict::Documented => continue,
        };
        out.entry(id.clone())
            .or_insert_with(|| Finding {
                id: id.clone(),
                kind,
                rule: f.rule.clone(),
                client: f.client_label().to_string(),
                server: f.server_label().to_string(),
                service: f.service(),
                detail: f.reason.clone().unwrap_or_default(),
                flows: 0,
            })
            .flows += 1;
    }
    for z in r.zones.iter().flat_map(|z| &z.crossings) {
        let Some(id) = &z.finding else { continue };
        out.entry(id.clone()).or_insert_with(|| Finding {
            id: id.clone(),
            kind: Kind::ZoneCrossing,
            rule: None,
            client: z.client.clone(),
            server: z.server.clone(),
            service: z.service.clone(),
            detail: format!(
                "zone {} -> zone {}, outside any conduit",
                z.from_zone, z.to_zone
            ),
            flows: z.answered_flows,
        });
    }
    for m in &r.missing {
        out.entry(m.finding.clone()).or_insert_with(|| Finding {
            id: m.finding.clone(),
            kind: Kind::Missing,
            rule: Some(m.rule.clone()),
            client: m.client_host.clone(),
            server: m.server_host.clone(),
            service: format!("{}/{}", m.proto, m.ports),
            detail: m.status.clone(),
            flows: 0,
        });
    }
    out
}

/// Findings most severe first, then by host pair and service.
fn sort_findings(v: &mut [Finding]) {
    v.sort_by(|a, b| {
        (a.kind, &a.client, &a.server, &a.service, &a.id)
            .cmp(&(b.kind, &b.client, &b.server, &b.service, &b.id))
    });
}

fn side(r: &Report, findings: usize) -> Side {
    Side {
        file: r.file.clone(),
        site: r.site.as_ref().map(|s| s.name.clone()),
        outcome: r.outcome(),
        flows: r.flows.len(),
        findings,
    }
}

impl Diff {
    /// Compares two reports.
    pub fn new(old: &Report, new: &Report) -> Diff {
        let (oh, nh) = (hosts(old), hosts(new));
        let host_changes = Changes {
            new: nh
                .iter()
                .filter(|(k, _)| !oh.contains_key(*k))
                .map(|(_, h)| h.clone())
                .collect(),
            gone: oh
                .iter()
                .filter(|(k, _)| !nh.contains_key(*k))
                .map(|(_, h)| h.clone())
                .collect(),
        };
        let (os, ns) = (services(old), services(new));
        let mut service_changes = Changes {
            new: Vec::new(),
            gone: Vec::new(),
        };
        let mut verdict_changes = Vec::new();
        for (k, s) in &ns {
            match os.get(k) {
                None => service_changes.new.push(s.clone()),
                Some(o) if o.verdict != s.verdict => verdict_changes.push(VerdictChange {
                    client: s.client.clone(),
                    server: s.server.clone(),
                    service: s.service.clone(),
                    old: o.verdict,
                    new: s.verdict,
                    old_rules: o.rules.clone(),
                    new_rules: s.rules.clone(),
                }),
                Some(_) => {}
            }
        }
        service_changes.gone = os
            .iter()
            .filter(|(k, _)| !ns.contains_key(*k))
            .map(|(_, s)| s.clone())
            .collect();
        let (of, nf) = (findings(old), findings(new));
        let ids: BTreeSet<&String> = of.keys().chain(nf.keys()).collect();
        let mut fc = FindingChanges::default();
        for id in ids {
            match (of.get(id), nf.get(id)) {
                (None, Some(f)) => fc.new.push(f.clone()),
                (Some(f), None) => fc.resolved.push(f.clone()),
                (Some(_), Some(f)) => fc.open.push(f.clone()),
                (None, None) => {}
            }
        }
        sort_findings(&mut fc.new);
        sort_findings(&mut fc.resolved);
        sort_findings(&mut fc.open);
        Diff {
            schema: DIFF_SCHEMA,
            old: side(old, of.len()),
            new: side(new, nf.len()),
            outcome_changed: old.outcome() != new.outcome(),
            hosts: host_changes,
            services: service_changes,
            verdict_changes,
            findings: fc,
        }
    }

    /// True when a new finding is at or above `level`: the exit status 1 of `diff`.
    pub fn fails(&self, level: FailOn) -> bool {
        self.findings.new.iter().any(|f| f.kind.fails_at(level))
    }

    /// True when nothing changed at all.
    pub fn is_empty(&self) -> bool {
        !self.outcome_changed
            && self.hosts.new.is_empty()
            && self.hosts.gone.is_empty()
            && self.services.new.is_empty()
            && self.services.gone.is_empty()
            && self.verdict_changes.is_empty()
            && self.findings.new.is_empty()
            && self.findings.resolved.is_empty()
    }
}

/// Output formats of `tapaudit diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Html,
}

/// Prints `diff` in `format`.
pub fn render(diff: &Diff, format: Format, out: &mut dyn Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    match format {
        Format::Markdown => markdown::write(diff, &mut out)?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, diff).map_err(io::Error::from)?;
            out.write_all(b"\n")?;
        }
        Format::Html => html::write(diff, &mut out)?,
    }
    out.flush()
}

/// How an outcome is shown when a report has none.
fn outcome_word(o: Option<Outcome>) -> &'static str {
    o.map(Outcome::word).unwrap_or("(none)")
}

#[cfg(test)]
mod tests;
