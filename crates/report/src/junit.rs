//! JUnit XML, shaped for CI servers (Jenkins, GitLab), and following `--fail-on`:
//!
//! - a suite per pack (name = classname = the pack id), a case per rule (name = the rule
//!   id, stable when a pack's wording changes); a rule with findings gets a case per host
//!   pair (`<rule id> <client> -> <server>`);
//! - a finding at or above `--fail-on` is a `<failure>`; one below it is `<skipped>` with its
//!   message, so the failures counted equal what fails the exit code; with `--baseline`, a
//!   finding the baseline knows is `<skipped>` "known in baseline FILE" (only new ones fail);
//! - with a site, a rule that applies to no host pair of the site is `<skipped>` with that
//!   reason (it did not pass: it was not tested);
//! - the undocumented flows: a case per group (client, server, service);
//! - the outcome: a case `outcome` that is an `<error>` when the evidence cannot support a
//!   pass (INCONCLUSIVE, or a FAIL on partial input), naming every reason; a case per
//!   capture file, an `<error>` when it was not read to its end.
//!
//! Checked against Jenkins' `junit-10.xsd` and read with junitparser (tests/junit_schema.rs).

use std::io::{self, BufWriter, Write};

use tapaudit_audit::{applies_to_site, FailOn, Outcome};
use tapaudit_rules::Pack;

use crate::view::{Host, ReportView};

/// XML text and attribute escaping (everything that is not markup-safe).
pub(crate) fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

/// How a case ended.
enum Result {
    Passed,
    Failure { message: String, body: String },
    Skipped { message: String },
    Error { message: String, body: String },
}

struct Case {
    name: String,
    classname: String,
    result: Result,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
}

impl Counts {
    fn of(cases: &[Case]) -> Self {
        let mut c = Counts::default();
        for case in cases {
            c.add(&case.result);
        }
        c
    }
    fn add(&mut self, r: &Result) {
        self.tests += 1;
        match r {
            Result::Passed => {}
            Result::Failure { .. } => self.failures += 1,
            Result::Skipped { .. } => self.skipped += 1,
            Result::Error { .. } => self.errors += 1,
        }
    }
    fn sum(&mut self, o: Counts) {
        self.tests += o.tests;
        self.failures += o.failures;
        self.errors += o.errors;
        self.skipped += o.skipped;
    }
}

fn write_suite_start(out: &mut impl Write, name: &str, c: Counts) -> io::Result<()> {
    writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">",
        xml(name),
        c.tests,
        c.failures,
        c.errors,
        c.skipped
    )
}

fn write_case(out: &mut impl Write, c: &Case) -> io::Result<()> {
    write!(
        out,
        "    <testcase name=\"{}\" classname=\"{}\"",
        xml(&c.name),
        xml(&c.classname)
    )?;
    match &c.result {
        Result::Passed => writeln!(out, "/>"),
        Result::Skipped { message } => {
            writeln!(out, ">")?;
            writeln!(out, "      <skipped message=\"{}\"/>", xml(message))?;
            writeln!(out, "    </testcase>")
        }
        Result::Failure { message, body } | Result::Error { message, body } => {
            let tag = if matches!(c.result, Result::Failure { .. }) {
                "failure"
            } else {
                "error"
            };
            writeln!(out, ">")?;
            writeln!(
                out,
                "      <{tag} message=\"{}\">{}</{tag}>",
                xml(message),
                xml(body)
            )?;
            writeln!(out, "    </testcase>")
        }
    }
}

/// The evidence block as the outcome suite's properties: build, audit, input hashes.
fn write_properties(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let mut props: Vec<(String, String)> = vec![(
        "tapaudit.version".into(),
        crate::evidence::TOOL_VERSION.into(),
    )];
    if let Some(run) = view.run {
        props.push(("tapaudit.build".into(), run.build.clone()));
        props.push(("audit.time".into(), run.audit_time.to_rfc3339_seconds()));
        if let Some(a) = &run.auditor {
            props.push(("audit.auditor".into(), a.clone()));
        }
        if let Some(s) = &run.sensor {
            props.push(("audit.sensor".into(), s.clone()));
        }
    }
    for i in view.hashed_inputs() {
        let hash = i.sha256.unwrap_or("(not read)");
        props.push((format!("sha256.{}:{}", i.kind, i.name), hash.into()));
        if let Some(d) = i.document {
            props.push((format!("document:{}", i.name), d));
        }
    }
    // The baseline (`audit --baseline`): its file and hash, and the findings new, known and
    // resolved (the resolved ones by id: they have no case, being gone).
    if let Some(b) = &view.baseline {
        props.push(("baseline.file".into(), b.file().into()));
        props.push(("baseline.sha256".into(), b.baseline.sha256.clone()));
        props.push(("baseline.new".into(), b.new.to_string()));
        props.push(("baseline.known".into(), b.known.to_string()));
        let ids: Vec<&str> = b.resolved.iter().map(|f| f.id.as_str()).collect();
        props.push((
            "baseline.resolved".into(),
            format!(
                "{}{}{}",
                ids.len(),
                if ids.is_empty() { "" } else { ": " },
                ids.join(" ")
            ),
        ));
    }
    // The site's exceptions: the status of each, and what it did (the Markdown has the flows).
    for r in view.exceptions() {
        props.push((
            format!("exception.{}", r.number),
            format!(
                "{}: {} -> {} {} (expires {}; {}): {}; {}",
                r.status(),
                r.from.join(", "),
                r.to.join(", "),
                r.service,
                r.expires(),
                r.defined_at,
                r.exception.reason,
                r.meaning()
            ),
        ));
    }
    writeln!(out, "    <properties>")?;
    for (k, v) in props {
        writeln!(
            out,
            "      <property name=\"{}\" value=\"{}\"/>",
            xml(&k),
            xml(&v)
        )?;
    }
    writeln!(out, "    </properties>")
}

/// A finding of `level`: a failure at or above `--fail-on`, else skipped with its message.
/// With a baseline, a finding it knows (`known`: Some(true)) is skipped, "known in baseline
/// FILE", whatever its level: only new findings fail.
fn finding(
    view: &ReportView<'_>,
    level: FailOn,
    known: Option<bool>,
    message: String,
    body: String,
) -> Result {
    if let (Some(true), Some(b)) = (known, &view.baseline) {
        return Result::Skipped {
            message: format!("known in baseline {}: {message}: {body}", b.file()),
        };
    }
    if view.fail_on != FailOn::Never && level <= view.fail_on {
        Result::Failure { message, body }
    } else {
        Result::Skipped {
            message: format!(
                "{message} (below --fail-on {}): {body}",
                fail_on_name(view.fail_on)
            ),
        }
    }
}

fn fail_on_name(l: FailOn) -> &'static str {
    match l {
        FailOn::Violation => "violation",
        FailOn::Undocumented => "undocumented",
        FailOn::Missing => "missing",
        FailOn::Never => "never",
    }
}

pub(crate) fn write(view: &ReportView<'_>, out: &mut dyn Write) -> io::Result<()> {
    // Every case is built first (a case per rule and per undocumented group, far fewer than
    // the flows), so that the root element can carry the totals.
    let mut suites: Vec<(String, Vec<Case>)> = Vec::new();
    for pack in view.rules.packs() {
        suites.push((pack.id.clone(), pack_cases(view, pack)));
    }
    suites.push(("undocumented".into(), undocumented_cases(view)));
    if let Some(cases) = zone_cases(view) {
        suites.push(("zones".into(), cases));
    }
    suites.push(("outcome".into(), outcome_cases(view)));
    let mut total = Counts::default();
    for (_, cases) in &suites {
        total.sum(Counts::of(cases));
    }
    // Many small writes: a buffer of a concrete type takes them inline.
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let out = &mut out;
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<testsuites name=\"tapaudit: {}\" tests=\"{}\" failures=\"{}\" errors=\"{}\">",
        view.outcome.word(),
        total.tests,
        total.failures,
        total.errors
    )?;
    for (name, cases) in &suites {
        write_suite_start(out, name, Counts::of(cases))?;
        if name == "outcome" {
            write_properties(view, out)?;
        }
        for c in cases {
            write_case(out, c)?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")?;
    out.flush()
}

/// A case per rule, or per host pair of a rule with findings.
fn pack_cases(view: &ReportView<'_>, pack: &Pack) -> Vec<Case> {
    let mut cases = Vec::new();
    for r in &pack.rules {
        let case = |name: String, result: Result| Case {
            name,
            classname: pack.id.clone(),
            result,
        };
        let before = cases.len();
        for f in view
            .violations()
            .filter(|f| f.rule.as_deref() == Some(&r.id))
        {
            let (c, s) = (Host::client(f), Host::server(f));
            cases.push(case(
                format!("{} {c} -> {s}", r.id),
                finding(
                    view,
                    FailOn::Violation,
                    view.baseline.as_ref().and_then(|b| b.flow(f)),
                    format!("violation; {}", r.cite),
                    f.reason().into_owned(),
                ),
            ));
        }
        for m in view.audit.missing.iter().filter(|m| m.rule == r.id) {
            let body = format!(
                "{}: {} -> {} {} {} ({} attempt(s))",
                m.status.as_str(),
                m.client_host,
                m.server_host,
                m.proto,
                m.ports,
                m.attempts
            );
            let name = format!("{} {} -> {}", r.id, m.client_host, m.server_host);
            let result = if view.assessment.missing_counts {
                finding(
                    view,
                    FailOn::Missing,
                    view.baseline.as_ref().map(|b| b.missing(m)),
                    format!("required flow {}; {}", m.status.as_str(), r.cite),
                    body,
                )
            } else {
                Result::Skipped {
                    message: format!("not judged: the input carried no IP traffic ({body})"),
                }
            };
            cases.push(case(name, result));
        }
        if cases.len() > before {
            continue;
        }
        let result = match view.site {
            Some(site) if !applies_to_site(view.rules, site, r) => Result::Skipped {
                message: format!("rule applies to no host pair of site {}", site.name),
            },
            _ => Result::Passed,
        };
        cases.push(case(r.id.clone(), result));
    }
    cases
}

/// A case per group of undocumented flows (client host, server host, protocol and port).
fn undocumented_cases(view: &ReportView<'_>) -> Vec<Case> {
    view.undocumented_groups()
        .iter()
        .map(|g| Case {
            name: format!("{} -> {} {}", g.client(), g.server(), g.service()),
            classname: "undocumented".into(),
            result: finding(
                view,
                FailOn::Undocumented,
                view.baseline.as_ref().map(|b| b.group(&g)),
                format!("{} undocumented flow(s)", g.count()),
                g.reason().to_string(),
            ),
        })
        .collect()
}

/// With zones: a case per crossing outside any conduit that was answered (a finding at the
/// violation level), then a case per conduit (skipped when it carried nothing).
fn zone_cases(view: &ReportView<'_>) -> Option<Vec<Case>> {
    let rows = crate::zones::ZoneRows::of(view)?;
    let mut cases: Vec<Case> = rows
        .audit
        .findings()
        .map(|c| Case {
            name: format!(
                "{} -> {} {} ({} -> {})",
                c.client, c.server, c.service, c.from_zone, c.to_zone
            ),
            classname: "zones".into(),
            result: finding(
                view,
                FailOn::Violation,
                view.baseline
                    .as_ref()
                    .map(|b| b.baseline.knows(&c.key().id())),
                format!(
                    "{} flow(s) crossed from zone {} to zone {} outside any conduit",
                    c.answered.flows, c.from_zone, c.to_zone
                ),
                match c.documented_by.is_empty() {
                    true => format!("finding {}", c.key().id()),
                    false => format!(
                        "finding {}; documented by {}, but no conduit carries it",
                        c.key().id(),
                        c.documented_by.join(", ")
                    ),
                },
            ),
        })
        .collect();
    cases.extend(rows.conduits().map(|(c, u)| Case {
        name: format!("conduit {}", c.name),
        classname: "zones".into(),
        result: if u.carried.flows == 0 {
            Result::Skipped {
                message: format!(
                    "conduit {} ({} -> {}) carried nothing: a candidate to close",
                    c.name, c.from, c.to
                ),
            }
        } else {
            Result::Passed
        },
    }));
    Some(cases)
}

/// The outcome, then a case per capture file.
fn outcome_cases(view: &ReportView<'_>) -> Vec<Case> {
    let a = &view.assessment;
    let result = if a.partial() {
        let message = match a.outcome {
            Outcome::Inconclusive => "INCONCLUSIVE: the evidence cannot support a pass",
            _ => "partial: the evidence falls short",
        };
        Result::Error {
            message: message.into(),
            body: a.reasons.join("\n"),
        }
    } else {
        Result::Passed
    };
    let mut cases = vec![Case {
        name: "outcome".into(),
        classname: "outcome".into(),
        result,
    }];
    cases.extend(view.coverage.files.iter().map(|f| Case {
        name: f.file.clone(),
        classname: "captures".into(),
        result: match &f.error {
            Some(e) => Result::Error {
                message: "capture not read to its end".into(),
                body: e.message.clone(),
            },
            None => Result::Passed,
        },
    }));
    cases
}
