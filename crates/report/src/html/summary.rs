//! The summary: the verdict, a card per count (each a link to its section), and the
//! breakdowns by evidence and by missing status.

use std::io::{self, Write};

use tapaudit_audit::Evidence;

use crate::view::ReportView;

pub(super) fn write(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    write_verdict(view, out)?;
    write_baseline(view, out)?;
    write_cards(view, out)?;
    write_breakdown(view, out)
}

fn write_verdict(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    write!(
        out,
        "<section id=\"summary\"><div class=\"verdict {cls}\"><div class=\"verdict-word\" id=\"verdict\">{word}</div><div class=\"verdict-text\">{v} violation(s), {u} undocumented flow(s), {m} required flow(s) missing or blocked, out of {n} flow(s).{partial}</div></div>",
        cls = view.outcome.id(),
        word = view.outcome.word(),
        v = view.verdicts.violation,
        u = view.verdicts.undocumented,
        m = view.missing.total(),
        n = view.flows,
        partial = if view.assessment.partial() || view.complete {
            ""
        } else if view.coverage.incomplete_files().next().is_none() {
            " <strong>Partial result: the live capture lost packets or had gaps (see coverage).</strong>"
        } else {
            " <strong>Partial result: not every input was read to its end (see coverage).</strong>"
        },
    )?;
    if let Some(window) = view.live_window() {
        write!(
            out,
            "<p class=\"live-window\" id=\"live-window\">{}.</p>",
            crate::html::esc(&window)
        )?;
    }
    if view.assessment.partial() {
        let head = match view.outcome {
            tapaudit_audit::Outcome::Inconclusive => {
                "Inconclusive: the evidence cannot support a pass"
            }
            _ => "Partial result: the evidence falls short",
        };
        write!(
            out,
            "<div class=\"reasons\" id=\"reasons\"><strong>{head}</strong><ul>"
        )?;
        for r in &view.assessment.reasons {
            write!(out, "<li>{}</li>", crate::html::esc(r))?;
        }
        write!(out, "</ul></div>")?;
    }
    Ok(())
}

/// With `--baseline`: the baseline, and how many findings are new, known and resolved.
fn write_baseline(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let Some(b) = &view.baseline else {
        return Ok(());
    };
    write!(
        out,
        "<div class=\"baseline\" id=\"baseline\"><strong>Baseline:</strong> <b id=\"n-baseline-new\">{}</b> new, <b id=\"n-baseline-known\">{}</b> known, <a href=\"#resolved\"><b id=\"n-baseline-resolved\">{}</b> resolved</a> <span class=\"muted\">(baseline <code>{}</code>, SHA-256 <code>{}</code>). Known findings are marked and do not fail the run; only new ones do.</span></div>",
        b.new,
        b.known,
        b.resolved.len(),
        crate::html::esc(b.file()),
        crate::html::esc(&b.baseline.sha256),
    )
}

/// One count, linking to the section that lists it.
fn card(
    out: &mut impl Write,
    id: &str,
    cls: &str,
    n: usize,
    label: &str,
    href: &str,
) -> io::Result<()> {
    write!(
        out,
        "<a class=\"card {cls}\" href=\"{href}\"><span class=\"n\" id=\"n-{id}\">{n}</span><span class=\"l\">{label}</span></a>"
    )
}

fn write_cards(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let v = &view.verdicts;
    out.write_all(b"<div class=\"cards\">")?;
    card(out, "flows", "total", view.flows, "flows", "#flows-section")?;
    card(
        out,
        "documented",
        "documented",
        v.documented,
        "documented",
        "#flows-section",
    )?;
    card(
        out,
        "undocumented",
        "undocumented",
        v.undocumented,
        "undocumented",
        "#findings",
    )?;
    card(
        out,
        "violation",
        "violation",
        v.violation,
        "violations",
        "#findings",
    )?;
    card(
        out,
        "missing",
        "missing",
        view.missing.total(),
        "missing or blocked",
        "#findings",
    )?;
    card(
        out,
        "unused",
        "unused",
        view.unused,
        "openings never used",
        "#rules",
    )?;
    out.write_all(b"</div>")
}

fn write_breakdown(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    out.write_all(b"<div class=\"breakdown\"><div><h4>Documented by</h4><ul>")?;
    for (e, n) in view.evidence.iter() {
        write!(
            out,
            "<li><span>{}</span><b id=\"n-evidence-{}\">{n}</b></li>",
            match e {
                Evidence::Port => "fixed port",
                Evidence::Negotiated => "negotiated port",
                Evidence::Range => "dynamic range only",
                Evidence::Exception => "site exception",
            },
            e.as_str()
        )?;
    }
    out.write_all(b"</ul></div><div><h4>Required flows</h4><ul>")?;
    for (st, n) in view.missing.iter() {
        write!(
            out,
            "<li><span>{}</span><b id=\"n-missing-{}\">{n}</b></li>",
            st.as_str().replace('_', " "),
            st.as_str(),
        )?;
    }
    out.write_all(b"</ul></div></div></section>")
}
