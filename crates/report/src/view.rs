//! The report view: the facts every printer shows, computed once per report from the audit,
//! the coverage and the flow statistics, so that the Markdown, JSON, JUnit, CSV and HTML
//! reports cannot disagree on a count, a host's label or a time.
//!
//! A printer reads the view and decides only how a fact looks in its format (escaping,
//! markup, order of sections). A new per-report fact (an outcome, an evidence block, an
//! inventory section) is a field or a small method here, and every printer that shows it
//! reads the same value.
//!
//! Costs: [`ReportView::new`] is one pass over the flows (counts) and allocates nothing per
//! flow; the grouping of the undocumented flows (8 bytes a flow) is made on first use, so a
//! printer that never shows groups (JSON, CSV) never pays for it.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::fmt;
use std::net::IpAddr;

pub(crate) use tapaudit_audit::Outcome;
use tapaudit_audit::{
    assess, Assessment, AuditResult, Evidence, ExceptionUse, FailOn, FindingKey, JudgedFlow,
    MissingStatus, Verdict,
};
use tapaudit_flow::{FlowStats, Negotiation};
use tapaudit_rules::{Exception, RuleSet, Site};
use tapaudit_vocab::{ControlProtocol, Coverage, IpProto, Timestamp};

use tapaudit_diff::Baseline;

use crate::baseline::BaselineView;
use crate::groups::{self, Groups};
use crate::ReportInput;

/// Every verdict, in the order the reports list them.
pub(crate) const VERDICTS: [Verdict; 3] = [
    Verdict::Documented,
    Verdict::Undocumented,
    Verdict::Violation,
];

/// Every kind of evidence for a documented flow, in the order the reports list them.
pub(crate) const EVIDENCE: [Evidence; 4] = [
    Evidence::Port,
    Evidence::Negotiated,
    Evidence::Range,
    Evidence::Exception,
];

/// Every way a required flow can be missing, in the order the reports list them.
pub(crate) const MISSING_STATUSES: [MissingStatus; 4] = [
    MissingStatus::NeverSeen,
    MissingStatus::Unanswered,
    MissingStatus::Refused,
    MissingStatus::Blocked,
];

/// What the printers need of one report, computed once.
pub(crate) struct ReportView<'a> {
    pub audit: &'a AuditResult,
    pub rules: &'a RuleSet,
    pub site: Option<&'a Site>,
    pub coverage: &'a Coverage,
    pub flow_stats: &'a FlowStats,
    pub run: Option<&'a crate::RunInfo>,
    /// The site's name, or `(no site inventory)`.
    pub site_name: &'a str,
    /// The outcome (`tapaudit_audit::assess`) and why the evidence falls short, if it does.
    pub assessment: Assessment,
    pub outcome: Outcome,
    /// The `--fail-on` level: findings below it do not fail (JUnit skips them).
    pub fail_on: FailOn,
    /// Every input was read to its end (and a live run ended without loss); otherwise the
    /// report is a partial picture and says so.
    pub complete: bool,
    /// Flows in the report.
    pub flows: usize,
    pub verdicts: VerdictCounts,
    /// Documented flows by the evidence that documents them.
    pub evidence: EvidenceCounts,
    /// Required flows missing or blocked, by status.
    pub missing: MissingCounts,
    /// Documented openings that carried no traffic.
    pub unused: usize,
    /// Flows whose port a control protocol announced.
    pub negotiated: usize,
    /// DCE-RPC PDUs with encrypted stubs (packet privacy): the ports they announced could
    /// not be read, so their flows can only have range evidence.
    pub encrypted_dcerpc_pdus: u64,
    /// With `--baseline`: which findings the baseline knows; None without one.
    pub baseline: Option<BaselineView<'a>>,
    undocumented_groups: OnceCell<Groups<'a>>,
}

impl<'a> ReportView<'a> {
    pub fn new(input: &ReportInput<'a>) -> Self {
        Self::with_baseline(input, None)
    }

    /// The view of a report judged against `baseline` (`audit --baseline`).
    pub fn with_baseline(input: &ReportInput<'a>, baseline: Option<&'a Baseline>) -> Self {
        let audit = input.audit;
        let mut verdicts = VerdictCounts::default();
        let mut evidence = EvidenceCounts::default();
        let mut negotiated = 0;
        for f in &audit.flows {
            verdicts.add(f.verdict);
            if let Some(e) = f.evidence {
                evidence.add(e);
            }
            negotiated += usize::from(f.flow.negotiated_by.is_some());
        }
        let mut missing = MissingCounts::default();
        for m in &audit.missing {
            missing.add(m.status);
        }
        let assessment = assess(audit, input.coverage, &input.flow_stats.records);
        ReportView {
            audit,
            rules: input.rules,
            site: input.site,
            coverage: input.coverage,
            flow_stats: input.flow_stats,
            run: input.run,
            site_name: input
                .site
                .map(|s| s.name.as_str())
                .unwrap_or("(no site inventory)"),
            outcome: assessment.outcome,
            assessment,
            fail_on: input.fail_on,
            complete: input.coverage.complete(),
            flows: audit.flows.len(),
            verdicts,
            evidence,
            missing,
            unused: audit.unused.len(),
            negotiated,
            encrypted_dcerpc_pdus: input
                .flow_stats
                .control
                .get(ControlProtocol::DceRpcEpm)
                .encrypted_pdus,
            baseline: baseline.map(|b| BaselineView::new(audit, b)),
            undocumented_groups: OnceCell::new(),
        }
    }

    /// The violations, in the audit's order (time first).
    pub fn violations(&self) -> impl Iterator<Item = &'a JudgedFlow> + 'a {
        self.audit
            .flows
            .iter()
            .filter(|f| f.verdict == Verdict::Violation)
    }

    /// The flows whose port a control protocol announced, with the announcement.
    pub fn negotiated_flows(&self) -> impl Iterator<Item = (&'a JudgedFlow, &'a Negotiation)> + 'a {
        self.audit
            .flows
            .iter()
            .filter_map(|f| f.flow.negotiated_by.as_deref().map(|n| (f, n)))
    }

    /// The undocumented flows grouped by client, server and service (made on first use).
    pub fn undocumented_groups(&self) -> &Groups<'a> {
        self.undocumented_groups
            .get_or_init(|| groups::undocumented(self.audit))
    }

    /// Every site exception with what it did in this audit, in the site file's order
    /// (empty without a site or when it has no exception: the reports then omit the
    /// section).
    pub fn exceptions(&self) -> Vec<ExceptionRow<'a>> {
        let Some(site) = self.site else {
            return Vec::new();
        };
        let flows = &self.audit.flows;
        self.audit
            .exceptions
            .iter()
            .filter_map(|usage| {
                let exception = site.exceptions.get(usage.index)?;
                let side = |eps: &[tapaudit_rules::Endpoint]| {
                    eps.iter().map(|e| e.to_string()).collect::<Vec<_>>()
                };
                let mut findings: Vec<String> = Vec::new();
                for f in usage.expired.iter().filter_map(|&i| flows.get(i)) {
                    if let Some(id) = FindingKey::of_flow(f).map(|k| k.id()) {
                        if !findings.contains(&id) {
                            findings.push(id);
                        }
                    }
                }
                Some(ExceptionRow {
                    number: usage.index + 1,
                    exception,
                    usage,
                    from: side(&exception.from),
                    to: side(&exception.to),
                    service: if exception.ports.is_empty() {
                        exception.proto.to_string()
                    } else {
                        format!("{}/{}", exception.proto, exception.ports)
                    },
                    defined_at: exception.defined_at.to_string(),
                    findings,
                    flows,
                })
            })
            .collect()
    }

    /// The first and the last packet over every capture file, when any had a packet.
    pub fn capture_span(&self) -> Option<(Timestamp, Timestamp)> {
        let files = &self.coverage.files;
        let first = files.iter().filter_map(|f| f.first_seen).min()?;
        let last = files.iter().filter_map(|f| f.last_seen).max()?;
        Some((first, last))
    }

    /// For a report of a live capture, what it covers, in words: "Live snapshot since
    /// 2026-03-02T08:00:00Z (12.5 min so far), written 2026-03-02T08:12:30Z; the capture is
    /// still running" for a periodic report, "Live capture from ... to ... (...): final
    /// report" at the end. None for a report of capture files.
    pub fn live_window(&self) -> Option<String> {
        let live = self.coverage.live.as_ref()?;
        let length = duration(live.written.saturating_sub(live.started));
        let (from, to) = (
            live.started.to_rfc3339_seconds(),
            live.written.to_rfc3339_seconds(),
        );
        let packets: u64 = live.interfaces.iter().map(|i| i.received).sum();
        Some(if live.in_progress {
            format!(
                "Live snapshot since {from} ({length} so far), written {to}; the capture is still running: {packets} packet(s) received, {} flow(s) still open",
                live.open_flows
            )
        } else {
            format!(
                "Live capture from {from} to {to} ({length}): final report, {packets} packet(s) received"
            )
        })
    }
}

/// One site exception as every report shows it.
pub(crate) struct ExceptionRow<'a> {
    /// 1-based, in the site file's order.
    pub number: usize,
    pub exception: &'a Exception,
    pub usage: &'a ExceptionUse,
    /// The initiators and responders as the site file names them (hosts, blocks).
    pub from: Vec<String>,
    pub to: Vec<String>,
    /// `tcp/3389`, `tcp/5000-5010`, `icmp`.
    pub service: String,
    /// `site.toml:104:8`: the flows it accepted cite it so.
    pub defined_at: String,
    /// The findings of the flows it would have accepted had it not expired, distinct, in
    /// the flows' order.
    pub findings: Vec<String>,
    flows: &'a [JudgedFlow],
}

impl<'a> ExceptionRow<'a> {
    pub fn status(&self) -> &'static str {
        self.usage.status.as_str()
    }
    /// The flows it accepted, in the audit's order.
    pub fn accepted(&self) -> impl Iterator<Item = &'a JudgedFlow> + '_ {
        self.usage
            .accepted
            .iter()
            .filter_map(|&i| self.flows.get(i))
    }
    /// The undocumented flows it names that came after its expiry date.
    pub fn expired(&self) -> impl Iterator<Item = &'a JudgedFlow> + '_ {
        self.usage.expired.iter().filter_map(|&i| self.flows.get(i))
    }
    /// `2027-03-31`, or `never`.
    pub fn expires(&self) -> String {
        self.exception
            .expires
            .map(|d| d.to_string())
            .unwrap_or_else(|| "never".into())
    }
    /// What the status means for the site, in a few words.
    pub fn meaning(&self) -> String {
        use tapaudit_audit::ExceptionStatus;
        let u = self.usage;
        let mut s = match u.status {
            ExceptionStatus::Used => format!("accepted {} flow(s)", u.accepted.len()),
            ExceptionStatus::Expired => format!(
                "expired on {}; {} flow(s) after that date are findings ({})",
                self.expires(),
                u.expired.len(),
                self.findings.join(", ")
            ),
            ExceptionStatus::Stale => {
                "matched no flow that needed it: a candidate to remove".to_string()
            }
        };
        if u.status == ExceptionStatus::Used && !u.expired.is_empty() {
            s.push_str(&format!(
                "; expired on {}: {} later flow(s) are findings ({})",
                self.expires(),
                u.expired.len(),
                self.findings.join(", ")
            ));
        }
        if u.judged_by_rules > 0 {
            s.push_str(&format!(
                "; {} flow(s) it names were judged by a rule first",
                u.judged_by_rules
            ));
        }
        s
    }
}

/// Flows by verdict.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct VerdictCounts {
    pub documented: usize,
    pub undocumented: usize,
    pub violation: usize,
}

impl VerdictCounts {
    fn add(&mut self, v: Verdict) {
        match v {
            Verdict::Documented => self.documented += 1,
            Verdict::Undocumented => self.undocumented += 1,
            Verdict::Violation => self.violation += 1,
        }
    }
    pub fn get(&self, v: Verdict) -> usize {
        match v {
            Verdict::Documented => self.documented,
            Verdict::Undocumented => self.undocumented,
            Verdict::Violation => self.violation,
        }
    }
    /// Every verdict with its count, in [`VERDICTS`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Verdict, usize)> + '_ {
        VERDICTS.into_iter().map(|v| (v, self.get(v)))
    }
}

/// Documented flows by evidence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct EvidenceCounts {
    pub port: usize,
    pub negotiated: usize,
    pub range: usize,
    pub exception: usize,
}

impl EvidenceCounts {
    fn add(&mut self, e: Evidence) {
        match e {
            Evidence::Port => self.port += 1,
            Evidence::Negotiated => self.negotiated += 1,
            Evidence::Range => self.range += 1,
            Evidence::Exception => self.exception += 1,
        }
    }
    pub fn get(&self, e: Evidence) -> usize {
        match e {
            Evidence::Port => self.port,
            Evidence::Negotiated => self.negotiated,
            Evidence::Range => self.range,
            Evidence::Exception => self.exception,
        }
    }
    /// Every kind of evidence with its count, in [`EVIDENCE`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Evidence, usize)> + '_ {
        EVIDENCE.into_iter().map(|e| (e, self.get(e)))
    }
}

/// Required flows missing or blocked, by status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct MissingCounts {
    pub never_seen: usize,
    pub unanswered: usize,
    pub refused: usize,
    pub blocked: usize,
}

impl MissingCounts {
    fn add(&mut self, s: MissingStatus) {
        match s {
            MissingStatus::NeverSeen => self.never_seen += 1,
            MissingStatus::Unanswered => self.unanswered += 1,
            MissingStatus::Refused => self.refused += 1,
            MissingStatus::Blocked => self.blocked += 1,
        }
    }
    pub fn get(&self, s: MissingStatus) -> usize {
        match s {
            MissingStatus::NeverSeen => self.never_seen,
            MissingStatus::Unanswered => self.unanswered,
            MissingStatus::Refused => self.refused,
            MissingStatus::Blocked => self.blocked,
        }
    }
    /// Every status with its count, in [`MISSING_STATUSES`] order.
    pub fn iter(&self) -> impl Iterator<Item = (MissingStatus, usize)> + '_ {
        MISSING_STATUSES.into_iter().map(|s| (s, self.get(s)))
    }
    pub fn total(&self) -> usize {
        self.never_seen + self.unanswered + self.refused + self.blocked
    }
}

/// One end of a flow as the reports name it: the inventory host, or the address of a host
/// the inventory does not list; in a group of undocumented flows, also the many outside
/// addresses of a flood or scan folded into one row ([`crate::groups`]). Addresses sort
/// first, in numeric order; hosts by name; folded clients last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Host<'a> {
    Outside(IpAddr),
    Known(&'a str),
    /// This many addresses, none in the inventory.
    ManyOutside(usize),
}

impl<'a> Host<'a> {
    pub fn new(name: &'a Option<String>, ip: IpAddr) -> Self {
        match name {
            Some(n) => Host::Known(n),
            None => Host::Outside(ip),
        }
    }
    pub fn client(f: &'a JudgedFlow) -> Self {
        Host::new(&f.client_host, f.flow.client)
    }
    pub fn server(f: &'a JudgedFlow) -> Self {
        Host::new(&f.server_host, f.flow.server)
    }
    /// The inventory name, or the address.
    pub fn label(self) -> Cow<'a, str> {
        match self {
            Host::Known(n) => Cow::Borrowed(n),
            Host::Outside(ip) => Cow::Owned(ip.to_string()),
            Host::ManyOutside(n) => Cow::Owned(format!("{n} addresses not in inventory")),
        }
    }
}

/// The label: the inventory name, or the address; folded clients without their count, so
/// that names made from it (JUnit test cases) stay the same from run to run.
impl fmt::Display for Host<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Known(n) => f.write_str(n),
            Host::Outside(ip) => ip.fmt(f),
            Host::ManyOutside(_) => f.write_str("addresses not in inventory"),
        }
    }
}

/// What a flow's server offers: `tcp/502`, or the protocol alone when it has no ports
/// (ICMP).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Service {
    pub proto: IpProto,
    pub port: Option<u16>,
}

impl Service {
    pub fn of(f: &JudgedFlow) -> Self {
        Service {
            proto: f.flow.proto,
            port: f.flow.server_port,
        }
    }
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.port {
            Some(p) => write!(f, "{}/{p}", self.proto),
            None => self.proto.fmt(f),
        }
    }
}

/// A packet time as every report prints it: RFC 3339, UTC, microseconds.
pub(crate) fn timestamp(t: Timestamp) -> String {
    t.to_rfc3339_micros()
}

/// `HH:MM:SS.micro` UTC, for tables where the date is in a tooltip.
pub(crate) fn time_of_day(t: Timestamp) -> String {
    let s = t.secs() % 86_400;
    format!(
        "{:02}:{:02}:{:02}.{:06}",
        s / 3600,
        (s / 60) % 60,
        s % 60,
        t.subsec_nanos() / 1000
    )
}

/// A duration in the unit a reader takes in at a glance: seconds (ms precision) below two
/// minutes, minutes below two hours, hours beyond.
pub(crate) fn duration(nanos: u64) -> String {
    let s = nanos as f64 / 1e9;
    if s < 120.0 {
        format!("{s:.3} s")
    } else if s < 7200.0 {
        format!("{:.1} min", s / 60.0)
    } else {
        format!("{:.1} h", s / 3600.0)
    }
}

/// Bytes in binary units with one decimal (`1.5 MiB`), plain below 1 KiB.
pub(crate) fn human_bytes(b: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = b as f64;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < UNITS.len() {
        v /= 1024.0;
        u += 1;
    }
    match UNITS.get(u) {
        Some(unit) if u > 0 => format!("{v:.1} {unit}"),
        _ => format!("{b} B"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_sort_addresses_first_then_names() {
        let a: IpAddr = "10.0.0.2".parse().unwrap();
        let b: IpAddr = "9.0.0.1".parse().unwrap();
        let mut hosts = [
            Host::Known("b"),
            Host::Outside(a),
            Host::Known("a"),
            Host::Outside(b),
        ];
        hosts.sort();
        let labels: Vec<String> = hosts.iter().map(|h| h.to_string()).collect();
        assert_eq!(labels, ["9.0.0.1", "10.0.0.2", "a", "b"]);
        assert_eq!(Host::Outside(a).label(), "10.0.0.2");
    }

    #[test]
    fn services_name_the_port_when_there_is_one() {
        let tcp = Service {
            proto: IpProto::from_number(6),
            port: Some(502),
        };
        let icmp = Service {
            proto: IpProto::from_number(1),
            port: None,
        };
        let other = Service {
            proto: IpProto::from_number(2),
            port: None,
        };
        assert_eq!(tcp.to_string(), "tcp/502");
        assert_eq!(icmp.to_string(), "icmp");
        assert_eq!(other.to_string(), "2");
    }

    #[test]
    fn times_and_sizes_read_at_a_glance() {
        let t = Timestamp::from_secs_nanos(20_000 * 86_400 + 3_723, 456_789_000);
        assert_eq!(time_of_day(t), "01:02:03.456789");
        assert_eq!(duration(1_500_000_000), "1.500 s");
        assert_eq!(duration(600 * 1_000_000_000), "10.0 min");
        assert_eq!(duration(3 * 3600 * 1_000_000_000), "3.0 h");
        assert_eq!(human_bytes(1023), "1023 B");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(u64::MAX), "16777216.0 TiB");
    }

    #[test]
    fn counts_list_every_key_in_report_order() {
        let mut v = VerdictCounts::default();
        v.add(Verdict::Violation);
        v.add(Verdict::Violation);
        v.add(Verdict::Documented);
        let listed: Vec<(&str, usize)> = v.iter().map(|(k, n)| (k.as_str(), n)).collect();
        assert_eq!(
            listed,
            [("documented", 1), ("undocumented", 0), ("violation", 2)]
        );
        let mut m = MissingCounts::default();
        m.add(MissingStatus::Blocked);
        m.add(MissingStatus::NeverSeen);
        assert_eq!(m.total(), 2);
        assert_eq!(m.iter().map(|(_, n)| n).collect::<Vec<_>>(), [1, 0, 0, 1]);
        let mut e = EvidenceCounts::default();
        e.add(Evidence::Range);
        assert_eq!(e.iter().map(|(_, n)| n).collect::<Vec<_>>(), [0, 0, 1, 0]);
    }
}
