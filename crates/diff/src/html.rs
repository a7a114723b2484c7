//! The HTML comparison: one self-contained page (inline style, no script, nothing
//! fetched), every text from the reports escaped.

use std::io::{self, Write};

use crate::{outcome_word, Diff, Finding, Host, Service};

/// Text for HTML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}\
table{border-collapse:collapse;margin:.5em 0 1.5em}\
th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}\
th{background:#f3f3f3}.new{color:#a00}.gone{color:#555}.none{color:#777}\
code{font-family:ui-monospace,monospace}";

pub(crate) fn write(d: &Diff, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\"><head><meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<title>tapaudit diff</title><style>{STYLE}</style></head><body>"
    )?;
    writeln!(out, "<h1>tapaudit diff</h1>")?;
    writeln!(out, "<table><tr><th></th><th>report</th><th>site</th><th>outcome</th><th>flows</th><th>findings</th></tr>")?;
    for (which, s) in [("old", &d.old), ("new", &d.new)] {
        writeln!(
            out,
            "<tr><th>{which}</th><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&s.file),
            esc(s.site.as_deref().unwrap_or("(none)")),
            outcome_word(s.outcome),
            s.flows,
            s.findings
        )?;
    }
    writeln!(out, "</table>")?;
    let (o, n) = (outcome_word(d.old.outcome), outcome_word(d.new.outcome));
    if d.outcome_changed {
        writeln!(
            out,
            "<p><strong>Outcome: {o} &rarr; {n} (changed)</strong></p>"
        )?;
    } else {
        writeln!(out, "<p><strong>Outcome: {n} (unchanged)</strong></p>")?;
    }
    let f = &d.findings;
    findings(out, "New findings", "new", &f.new)?;
    findings(out, "Resolved findings", "gone", &f.resolved)?;
    writeln!(
        out,
        "<h2>Verdict changes ({})</h2>",
        d.verdict_changes.len()
    )?;
    if d.verdict_changes.is_empty() {
        writeln!(out, "<p class=\"none\">None.</p>")?;
    } else {
        writeln!(out, "<table><tr><th>client</th><th>server</th><th>service</th><th>was</th><th>now</th><th>rules (was; now)</th></tr>")?;
        for v in &d.verdict_changes {
            writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}; {}</td></tr>",
                esc(&v.client),
                esc(&v.server),
                esc(&v.service),
                v.old.as_str(),
                v.new.as_str(),
                rules(&v.old_rules),
                rules(&v.new_rules)
            )?;
        }
        writeln!(out, "</table>")?;
    }
    hosts(out, "Hosts new", "new", &d.hosts.new)?;
    hosts(out, "Hosts gone", "gone", &d.hosts.gone)?;
    services(out, "Services appeared", "new", &d.services.new)?;
    services(out, "Services disappeared", "gone", &d.services.gone)?;
    findings(out, "Findings still open", "", &f.open)?;
    writeln!(out, "</body></html>")
}

fn rules(r: &[String]) -> String {
    if r.is_empty() {
        "-".into()
    } else {
        esc(&r.join(", "))
    }
}

fn findings(out: &mut impl Write, title: &str, class: &str, list: &[Finding]) -> io::Result<()> {
    writeln!(out, "<h2 class=\"{class}\">{title} ({})</h2>", list.len())?;
    if list.is_empty() {
        return writeln!(out, "<p class=\"none\">None.</p>");
    }
    writeln!(out, "<table><tr><th>finding</th><th>kind</th><th>client</th><th>server</th><th>service</th><th>rule</th><th>detail</th></tr>")?;
    for f in list {
        writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&f.id),
            f.kind.as_str(),
            esc(&f.client),
            esc(&f.server),
            esc(&f.service),
            esc(f.rule.as_deref().unwrap_or("-")),
            esc(&f.detail)
        )?;
    }
    writeln!(out, "</table>")
}

fn hosts(out: &mut impl Write, title: &str, class: &str, list: &[Host]) -> io::Result<()> {
    writeln!(out, "<h2 class=\"{class}\">{title} ({})</h2>", list.len())?;
    if list.is_empty() {
        return writeln!(out, "<p class=\"none\">None.</p>");
    }
    writeln!(out, "<table><tr><th>host</th><th>addresses</th></tr>")?;
    for h in list {
        let note = if h.in_inventory {
            ""
        } else {
            " (not in inventory)"
        };
        writeln!(
            out,
            "<tr><td>{}{note}</td><td>{}</td></tr>",
            esc(&h.host),
            esc(&h.addresses.join(", "))
        )?;
    }
    writeln!(out, "</table>")
}

fn services(out: &mut impl Write, title: &str, class: &str, list: &[Service]) -> io::Result<()> {
    writeln!(out, "<h2 class=\"{class}\">{title} ({})</h2>", list.len())?;
    if list.is_empty() {
        return writeln!(out, "<p class=\"none\">None.</p>");
    }
    writeln!(out, "<table><tr><th>client</th><th>server</th><th>service</th><th>verdict</th><th>flows</th><th>rules</th></tr>")?;
    for s in list {
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&s.client),
            esc(&s.server),
            esc(&s.service),
            s.verdict.as_str(),
            s.flows,
            rules(&s.rules)
        )?;
    }
    writeln!(out, "</table>")
}
