//! The Markdown comparison: the counts first, then what is new, then what went away, then
//! what stayed open.

use std::io::{self, Write};

use crate::{outcome_word, Diff, Finding, Host, Service, Side};

/// A Markdown table cell: no pipes, line breaks or markup from the reports.
pub(crate) fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' | '\r' | '\t' => out.push(' '),
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '`' => out.push('\''),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn side_row(out: &mut impl Write, which: &str, s: &Side) -> io::Result<()> {
    writeln!(
        out,
        "| {which} | {} | {} | {} | {} | {} |",
        cell(&s.file),
        s.site
            .as_deref()
            .map(cell)
            .unwrap_or_else(|| "(none)".into()),
        outcome_word(s.outcome),
        s.flows,
        s.findings
    )
}

pub(crate) fn write(d: &Diff, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "# tapaudit diff")?;
    writeln!(out)?;
    writeln!(out, "| | report | site | outcome | flows | findings |")?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    side_row(out, "old", &d.old)?;
    side_row(out, "new", &d.new)?;
    writeln!(out)?;
    let (o, n) = (outcome_word(d.old.outcome), outcome_word(d.new.outcome));
    if d.outcome_changed {
        writeln!(out, "**Outcome: {o} -> {n} (changed)**")?;
    } else {
        writeln!(out, "**Outcome: {n} (unchanged)**")?;
    }
    writeln!(out)?;
    let f = &d.findings;
    writeln!(
        out,
        "Findings: {} new, {} resolved, {} still open. Hosts: {} new, {} gone. Services: {} appeared, {} disappeared. Verdict changes: {}.",
        f.new.len(),
        f.resolved.len(),
        f.open.len(),
        d.hosts.new.len(),
        d.hosts.gone.len(),
        d.services.new.len(),
        d.services.gone.len(),
        d.verdict_changes.len()
    )?;
    findings(out, "New findings", &f.new)?;
    findings(out, "Resolved findings", &f.resolved)?;
    writeln!(out)?;
    writeln!(out, "## Verdict changes ({})", d.verdict_changes.len())?;
    writeln!(out)?;
    if d.verdict_changes.is_empty() {
        writeln!(out, "None.")?;
    } else {
        writeln!(
            out,
            "| client | server | service | was | now | rules (was; now) |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|")?;
        for v in &d.verdict_changes {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {}; {} |",
                cell(&v.client),
                cell(&v.server),
                cell(&v.service),
                v.old.as_str(),
                v.new.as_str(),
                rules(&v.old_rules),
                rules(&v.new_rules)
            )?;
        }
    }
    hosts(out, "Hosts new", &d.hosts.new)?;
    hosts(out, "Hosts gone", &d.hosts.gone)?;
    services(out, "Services appeared", &d.services.new)?;
    services(out, "Services disappeared", &d.services.gone)?;
    findings(out, "Findings still open", &f.open)
}

fn rules(r: &[String]) -> String {
    if r.is_empty() {
        "-".into()
    } else {
        cell(&r.join(", "))
    }
}

fn findings(out: &mut impl Write, title: &str, list: &[Finding]) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "## {title} ({})", list.len())?;
    writeln!(out)?;
    if list.is_empty() {
        return writeln!(out, "None.");
    }
    findings_table(out, list)
}

/// The Markdown table of `list` (finding, kind, hosts, service, rule, detail), also the
/// audit report's "Resolved since the baseline".
pub fn findings_table(out: &mut impl Write, list: &[Finding]) -> io::Result<()> {
    writeln!(
        out,
        "| finding | kind | client | server | service | rule | detail |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|")?;
    for f in list {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            cell(&f.id),
            f.kind.as_str(),
            cell(&f.client),
            cell(&f.server),
            cell(&f.service),
            f.rule.as_deref().map(cell).unwrap_or_else(|| "-".into()),
            cell(&f.detail)
        )?;
    }
    Ok(())
}

fn hosts(out: &mut impl Write, title: &str, list: &[Host]) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "## {title} ({})", list.len())?;
    writeln!(out)?;
    if list.is_empty() {
        return writeln!(out, "None.");
    }
    writeln!(out, "| host | addresses |")?;
    writeln!(out, "|---|---|")?;
    for h in list {
        let name = if h.in_inventory {
            cell(&h.host)
        } else {
            format!("{} (not in inventory)", cell(&h.host))
        };
        writeln!(out, "| {name} | {} |", cell(&h.addresses.join(", ")))?;
    }
    Ok(())
}

fn services(out: &mut impl Write, title: &str, list: &[Service]) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "## {title} ({})", list.len())?;
    writeln!(out)?;
    if list.is_empty() {
        return writeln!(out, "None.");
    }
    writeln!(
        out,
        "| client | server | service | verdict | flows | rules |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for s in list {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            cell(&s.client),
            cell(&s.server),
            cell(&s.service),
            s.verdict.as_str(),
            s.flows,
            rules(&s.rules)
        )?;
    }
    Ok(())
}
