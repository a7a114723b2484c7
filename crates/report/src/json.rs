//! The JSON report, schema `tapaudit.report/1` (docs/report-schema.md).

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use tapaudit_audit::{FindingKey, JudgedFlow, Missing, Unused};
use tapaudit_flow::serialize_flow_fields;
use tapaudit_vocab::{LiveCoverage, Timestamp};

use crate::view::{timestamp, ReportView};
use crate::ReportInput;

pub const SCHEMA: &str = "tapaudit.report/1";

/// One flow of the report: the fields of `tapaudit flows` plus the audit's; with a
/// baseline, `known` beside a finding.
pub(crate) struct FlowOut<'a>(
    pub(crate) &'a JudgedFlow,
    pub(crate) Option<&'a tapaudit_diff::Baseline>,
);

impl Serialize for FlowOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let j = self.0;
        let mut m = s.serialize_map(None)?;
        serialize_flow_fields(&j.flow, &mut m)?;
        m.serialize_entry("client_host", &j.client_host)?;
        m.serialize_entry("server_host", &j.server_host)?;
        m.serialize_entry("verdict", &j.verdict)?;
        m.serialize_entry("evidence", &j.evidence)?;
        m.serialize_entry("rule", &j.rule)?;
        m.serialize_entry("cite", &j.cite)?;
        m.serialize_entry("reason", &j.reason())?;
        let finding = FindingKey::id_of_flow(j);
        m.serialize_entry("finding", &finding.as_ref().map(|i| i.as_str()))?;
        if let (Some(b), Some(id)) = (self.1, &finding) {
            m.serialize_entry("known", &b.knows(id.as_str()))?;
        }
        m.end()
    }
}

/// A required flow missing or blocked, with its finding id.
#[derive(Serialize)]
struct MissingOut<'a> {
    #[serde(flatten)]
    missing: &'a Missing,
    finding: String,
    /// With a baseline: whether it holds this finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    known: Option<bool>,
}

/// `baseline`: the report a run was judged against (`audit --baseline`).
#[derive(Serialize)]
struct BaselineOut<'a> {
    file: &'a str,
    sha256: &'a str,
    /// Distinct findings of this report that the baseline does not hold (they fail the run
    /// at `--fail-on`).
    new: usize,
    /// Distinct findings of this report that it holds (marked `known`; no failure).
    known: usize,
    /// The baseline's findings this report no longer has.
    resolved: Vec<tapaudit_diff::Finding>,
}

#[derive(Serialize)]
struct CaptureOut {
    file: String,
    packets: u64,
    bytes: u64,
    first_seen: Option<String>,
    last_seen: Option<String>,
    decode_errors: u64,
    timestamps_backwards: u64,
    /// Records processed at the file's clock time, their own being implausible (left out
    /// when zero, as are clock steps).
    #[serde(skip_serializing_if = "is_zero")]
    timestamps_implausible: u64,
    #[serde(skip_serializing_if = "is_zero")]
    clock_steps: u64,
    /// pcapng blocks without a usable packet (statistics, name resolution, unknown types).
    skipped_blocks: u64,
    complete: bool,
    error: Option<String>,
    /// SHA-256 of the file as read (null: it could not be opened).
    sha256: Option<String>,
}

#[derive(Serialize)]
struct Summary {
    /// "pass" (every input read to its end, IP traffic, no finding), "fail" (a finding) or
    /// "inconclusive" (the evidence cannot support a pass): docs/audit.md, outcomes.
    verdict: &'static str,
    /// Why the evidence cannot support a pass (empty when it can); with findings the
    /// verdict stays "fail" and these make it partial.
    reasons: Vec<String>,
    /// False when an input could not be read to its end: the picture is partial.
    complete: bool,
    flows: usize,
    verdicts: BTreeMap<&'static str, usize>,
    evidence: BTreeMap<&'static str, usize>,
    missing: BTreeMap<&'static str, usize>,
    unused: usize,
    /// DCE-RPC PDUs with encrypted stubs (packet privacy): announcements they carried could
    /// not be read, so their flows can only have range evidence.
    encrypted_dcerpc_pdus: u64,
}

#[derive(Serialize)]
struct PackOut<'a> {
    id: &'a str,
    title: &'a str,
    document: &'a tapaudit_rules::Document,
    source: &'a str,
}

#[derive(Serialize)]
struct SiteOut<'a> {
    name: &'a str,
    source: &'a str,
    hosts: usize,
}

/// The whole JSON report.
#[derive(Serialize)]
pub struct JsonReport<'a> {
    schema: &'static str,
    tool: BTreeMap<&'static str, &'static str>,
    site: Option<SiteOut<'a>>,
    packs: Vec<PackOut<'a>>,
    summary: Summary,
    /// With `--baseline` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<BaselineOut<'a>>,
    /// Build, audit time, labels, the hash of every input, interfaces (`tapaudit verify`
    /// reads `evidence.inputs`).
    evidence: serde_json::Value,
    captures: Vec<CaptureOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    live: Option<serde_json::Value>,
    statistics: serde_json::Value,
    flows: Vec<FlowOut<'a>>,
    missing: Vec<MissingOut<'a>>,
    unused: &'a [Unused],
    /// Per host, every service it answered on, with its documented need (CIP-007 R1.1).
    services: Vec<crate::services::ServiceJson<'a>>,
    /// Every site exception and what it did; absent when the site has none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    exceptions: Vec<ExceptionOut<'a>>,
    /// Zones, the zone matrix, crossings outside any conduit and conduits; absent when the
    /// site has no zones.
    #[serde(skip_serializing_if = "Option::is_none")]
    zones: Option<crate::zones::ZonesJson<'a>>,
    /// Which section gives evidence toward which clause (docs/report-schema.md).
    compliance: ComplianceOut,
}

#[derive(Serialize)]
struct ComplianceOut {
    note: &'static str,
    rows: Vec<crate::compliance::ComplianceRow>,
}

/// One site exception: what it says, and what it did in this audit. Flows are named by
/// their index in the report's `flows` array.
#[derive(Serialize)]
pub(crate) struct ExceptionOut<'a> {
    /// 1-based, in the site file's order.
    number: usize,
    status: &'static str,
    from: Vec<String>,
    to: Vec<String>,
    proto: String,
    /// `null` for icmp.
    ports: Option<String>,
    reason: &'a str,
    expires: Option<String>,
    defined_at: String,
    accepted: Vec<usize>,
    expired: Vec<usize>,
    /// The findings of the `expired` flows, distinct.
    findings: Vec<String>,
    judged_by_rules: u64,
}

impl<'a> ExceptionOut<'a> {
    pub(crate) fn of(r: crate::view::ExceptionRow<'a>) -> Self {
        let e = r.exception;
        ExceptionOut {
            number: r.number,
            status: r.status(),
            proto: e.proto.to_string(),
            ports: (!e.ports.is_empty()).then(|| e.ports.to_string()),
            reason: &e.reason,
            expires: e.expires.map(|d| d.to_string()),
            accepted: r.usage.accepted.clone(),
            expired: r.usage.expired.clone(),
            judged_by_rules: r.usage.judged_by_rules,
            from: r.from,
            to: r.to,
            defined_at: r.defined_at,
            findings: r.findings,
        }
    }
}

impl<'a> JsonReport<'a> {
    pub fn new(input: &ReportInput<'a>) -> io::Result<Self> {
        Self::from_view(&ReportView::new(input))
    }

    pub(crate) fn from_view(view: &ReportView<'a>) -> io::Result<Self> {
        let a = view.audit;
        let verdicts = view.verdicts.iter().map(|(v, n)| (v.as_str(), n)).collect();
        let evidence = view.evidence.iter().map(|(e, n)| (e.as_str(), n)).collect();
        let missing = view.missing.iter().map(|(s, n)| (s.as_str(), n)).collect();
        let cov = view.coverage;
        let captures = cov
            .files
            .iter()
            .map(|f| CaptureOut {
                file: f.file.clone(),
                packets: f.packets,
                bytes: f.bytes,
                first_seen: f.first_seen.map(timestamp),
                last_seen: f.last_seen.map(timestamp),
                decode_errors: f.decode_errors,
                timestamps_backwards: f.timestamps_backwards,
                timestamps_implausible: f.timestamps_implausible,
                clock_steps: f.clock_steps,
                skipped_blocks: f.skipped_blocks,
                complete: f.complete,
                error: f.error.as_ref().map(|e| e.message.clone()),
                sha256: f.sha256.clone(),
            })
            .collect();
        // Through a JSON value so that the keys are sorted at every level (the schema's
        // order since tapaudit.report/1).
        let statistics = serde_json::to_value(serde_json::json!({
            "capture": cov.capture,
            "flows": view.flow_stats,
        }))
        .map_err(io::Error::other)?;
        Ok(JsonReport {
            schema: SCHEMA,
            tool: BTreeMap::from([("name", "tapaudit"), ("version", env!("CARGO_PKG_VERSION"))]),
            site: view.site.map(|s| SiteOut {
                name: &s.name,
                source: &s.source,
                hosts: s.hosts.len(),
            }),
            packs: view
                .rules
                .packs()
                .iter()
                .map(|p| PackOut {
                    id: &p.id,
                    title: &p.title,
                    document: &p.document,
                    source: &p.source,
                })
                .collect(),
            summary: Summary {
                verdict: view.outcome.id(),
                reasons: view.assessment.reasons.clone(),
                complete: view.complete,
                flows: view.flows,
                verdicts,
                evidence,
                missing,
                unused: view.unused,
                encrypted_dcerpc_pdus: view.encrypted_dcerpc_pdus,
            },
            baseline: view.baseline.as_ref().map(|b| BaselineOut {
                file: &b.baseline.file,
                sha256: &b.baseline.sha256,
                new: b.new,
                known: b.known,
                resolved: b.resolved.clone(),
            }),
            evidence: evidence_json(view),
            captures,
            live: cov.live.as_ref().map(live_json),
            statistics,
            flows: a
                .flows
                .iter()
                .map(|f| FlowOut(f, view.baseline.as_ref().map(|b| b.baseline)))
                .collect(),
            missing: a
                .missing
                .iter()
                .map(|m| MissingOut {
                    missing: m,
                    finding: FindingKey::of_missing(m).id(),
                    known: view.baseline.as_ref().map(|b| b.missing(m)),
                })
                .collect(),
            unused: &a.unused,
            services: crate::services::json(view),
            exceptions: view
                .exceptions()
                .into_iter()
                .map(ExceptionOut::of)
                .collect(),
            zones: crate::zones::ZonesJson::of(view),
            compliance: ComplianceOut {
                note: crate::compliance::DISCLAIMER,
                rows: crate::compliance::rows(view),
            },
        })
    }
}

/// The `evidence` object. Keys sorted at every level.
fn evidence_json(view: &ReportView<'_>) -> serde_json::Value {
    use crate::evidence::TOOL_VERSION;
    let inputs: Vec<serde_json::Value> = view
        .hashed_inputs()
        .into_iter()
        .map(|i| {
            serde_json::json!({
                "kind": i.kind,
                "name": i.name,
                "sha256": i.sha256,
                "document": i.document,
            })
        })
        .collect();
    let interfaces: Vec<serde_json::Value> = view
        .interfaces()
        .map(|r| {
            let i = r.iface;
            serde_json::json!({
                "file": r.file,
                "index": r.index,
                "name": i.name,
                "description": i.description,
                "os": i.os,
                "link_type": i.link_type.number(),
                "snaplen": i.snaplen,
                "packets": i.packets,
                "first_seen": i.first_seen.map(timestamp),
                "last_seen": i.last_seen.map(timestamp),
                "dropped": i.dropped,
            })
        })
        .collect();
    let run = view.run;
    serde_json::json!({
        "tool": { "name": "tapaudit", "version": TOOL_VERSION, "build": run.map(|r| r.build.as_str()) },
        "audit_time": run.map(|r| r.audit_time.to_rfc3339_seconds()),
        "auditor": run.and_then(|r| r.auditor.as_deref()),
        "sensor": run.and_then(|r| r.sensor.as_deref()),
        "capture_window": view.capture_span().map(|(a, b)| serde_json::json!({"first": timestamp(a), "last": timestamp(b)})),
        "declared_drops": view.declared_drops(),
        "inputs": inputs,
        "interfaces": interfaces,
    })
}

/// The `live` object: libpcap's counters, the gaps, and how partial the picture is. Keys
/// sorted at every level, as the schema has them.
pub(crate) fn live_json(live: &LiveCoverage) -> serde_json::Value {
    let rfc3339 = |t: Timestamp| t.to_rfc3339_seconds();
    let interfaces: Vec<serde_json::Value> = live
        .interfaces
        .iter()
        .map(|i| {
            serde_json::json!({
                "name": i.name,
                "link_type": i.link_type.number(),
                "received": i.received,
                "dropped_by_kernel": i.dropped_by_kernel,
                "dropped_by_interface": i.dropped_by_interface,
                "duplicates": i.duplicates,
                "capturing": i.capturing,
                "opened": i.opened,
                "gaps_total": i.gaps_total,
                "gaps": i.gaps.iter().map(|g| serde_json::json!({
                    "from": rfc3339(g.from),
                    "to": g.to.map(rfc3339),
                    "reason": g.reason,
                })).collect::<Vec<_>>(),
                "last_error": i.last_error,
            })
        })
        .collect();
    serde_json::json!({
        "started": rfc3339(live.started),
        "written": rfc3339(live.written),
        "in_progress": live.in_progress,
        "partial": live.partial(),
        "filter": live.filter,
        "snaplen": live.snaplen,
        "report_every_secs": live.report_every_secs,
        "interfaces": interfaces,
        "open_flows": live.open_flows,
        "finished_flows": live.finished_flows,
        "dedup_window_ms": live.dedup_window_ms,
    })
}

pub(crate) fn write(view: &ReportView<'_>, out: &mut dyn Write) -> io::Result<()> {
    let report = JsonReport::from_view(view)?;
    // serde_json writes in many small pieces: a buffer of a concrete type takes them inline,
    // where `dyn Write` made each one a call (a fifth of a 1 GB audit's wall time went here).
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buffered, &report).map_err(io::Error::from)?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}
