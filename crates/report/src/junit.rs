//! JUnit XML: a test suite per pack, a test case per rule (failing when violated or when a
//! required flow is missing), and one failing case per group of undocumented flows, so CI
//! servers show findings natively.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};

use tapaudit_audit::JudgedFlow;
use tapaudit_rules::{Pack, RuleKind};

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

struct Case {
    name: String,
    classname: String,
    failure: Option<(String, String)>,
}

fn write_suite(out: &mut impl Write, name: &str, cases: &[Case]) -> io::Result<()> {
    let failures = cases.iter().filter(|c| c.failure.is_some()).count();
    write_suite_start(out, name, cases.len(), failures)?;
    for c in cases {
        write_case(out, c)?;
    }
    write_suite_end(out)
}

fn write_suite_start(
    out: &mut impl Write,
    name: &str,
    tests: usize,
    failures: usize,
) -> io::Result<()> {
    writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">",
        xml(name),
    )
}

fn write_case(out: &mut impl Write, c: &Case) -> io::Result<()> {
    write!(
        out,
        "    <testcase name=\"{}\" classname=\"{}\"",
        xml(&c.name),
        xml(&c.classname)
    )?;
    match &c.failure {
        None => writeln!(out, "/>"),
        Some((message, body)) => {
            writeln!(out, ">")?;
            writeln!(
                out,
                "      <failure message=\"{}\">{}</failure>",
                xml(message),
                xml(body)
            )?;
            writeln!(out, "    </testcase>")
        }
    }
}

fn write_suite_end(out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "  </testsuite>")
}

pub(crate) fn write(view: &ReportView<'_>, out: &mut dyn Write) -> io::Result<()> {
    // Many small writes: a buffer of a concrete type takes them inline.
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let out = &mut out;
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(out, "<testsuites name=\"tapaudit\">")?;
    let mut violations: BTreeMap<&str, Vec<&JudgedFlow>> = BTreeMap::new();
    for f in view.violations() {
        if let Some(r) = &f.rule {
            violations.entry(r.as_str()).or_default().push(f);
        }
    }
    for pack in view.rules.packs() {
        write_pack(view, pack, &violations, out)?;
    }
    write_undocumented(view, out)?;
    write_captures(view, out)?;
    writeln!(out, "</testsuites>")?;
    out.flush()
}

/// A suite per pack, a case per rule: failing with the violations of the rule and the
/// required flows of the rule that are missing.
fn write_pack(
    view: &ReportView<'_>,
    pack: &Pack,
    violations: &BTreeMap<&str, Vec<&JudgedFlow>>,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut cases = Vec::new();
    for r in &pack.rules {
        let mut problems = Vec::new();
        if let Some(flows) = violations.get(r.id.as_str()) {
            for f in flows {
                problems.push(format!(
                    "violation: {} -> {}: {}",
                    Host::client(f),
                    Host::server(f),
                    f.reason()
                ));
            }
        }
        for m in view.audit.missing.iter().filter(|m| m.rule == r.id) {
            problems.push(format!(
                "{}: {} -> {} {} {} ({} attempt(s))",
                m.status.as_str(),
                m.client_host,
                m.server_host,
                m.proto,
                m.ports,
                m.attempts
            ));
        }
        let kind = match r.kind {
            RuleKind::Allow => "allow",
            RuleKind::Deny => "deny",
        };
        cases.push(Case {
            name: format!("{} ({kind}): {}", r.id, r.purpose),
            classname: pack.id.clone(),
            failure: (!problems.is_empty()).then(|| {
                (
                    format!("{} finding(s); {}", problems.len(), r.cite),
                    problems.join("\n"),
                )
            }),
        });
    }
    write_suite(out, &format!("{}: {}", pack.id, pack.title), &cases)
}

/// One failing case per group of undocumented flows (client host, server host, protocol
/// and port). Written case by case: a flood from spoofed sources makes a group per flow.
fn write_undocumented(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let groups = view.undocumented_groups();
    write_suite_start(out, "undocumented flows", groups.len(), groups.len())?;
    for g in groups.iter() {
        write_case(
            out,
            &Case {
                name: format!("{} -> {} {}", g.client(), g.server(), g.service()),
                classname: "undocumented".into(),
                failure: Some((
                    format!("{} undocumented flow(s)", g.count()),
                    g.reason().to_string(),
                )),
            },
        )?;
    }
    write_suite_end(out)
}

/// A case per capture file, failing when it was not read to its end: incomplete input is a
/// failure CI must see too.
fn write_captures(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let cases: Vec<Case> = view
        .coverage
        .files
        .iter()
        .map(|f| Case {
            name: f.file.clone(),
            classname: "captures".into(),
            failure: f
                .error
                .as_ref()
                .map(|e| ("capture not read to its end".to_string(), e.message.clone())),
        })
        .collect();
    let failures = cases.iter().filter(|c| c.failure.is_some()).count();
    write_suite_start(out, "captures", cases.len(), failures)?;
    write_properties(view, out)?;
    for c in &cases {
        write_case(out, c)?;
    }
    write_suite_end(out)
}

/// The evidence block as the captures suite's properties: build, audit, input hashes.
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
