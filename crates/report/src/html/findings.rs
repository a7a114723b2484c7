//! The findings: violations one by one, undocumented flows by group, required flows missing
//! or blocked, and the dynamic ports learnt from the control protocols.

use std::io::{self, Write};

use super::{esc, opt, shown_of, verdict_badge};
use crate::view::{human_bytes, timestamp as ts, Host, ReportView, Service};

/// Violations, and groups of undocumented flows, listed at most (a browser shows no more
/// usefully; a flood from spoofed sources makes a group per flow). The JSON, CSV and
/// Markdown reports list them all.
const MAX_FINDINGS: usize = 5000;

pub(super) fn write(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    out.write_all(b"<section id=\"findings\"><h2>Findings</h2>")?;
    write_violations(view, out)?;
    write_undocumented(view, out)?;
    write_missing(view, out)?;
    write_resolved(view, out)?;
    write_negotiated(view, out)?;
    out.write_all(b"</section>")
}

/// With a baseline: ` known` or ` new` for the article's class, and its badge.
fn mark(known: Option<bool>) -> (&'static str, &'static str) {
    match known {
        Some(true) => (" known", " <span class=\"badge known\">known</span>"),
        Some(false) => (" new", " <span class=\"badge new\">new</span>"),
        None => ("", ""),
    }
}

/// With a baseline: its findings this report no longer has.
fn write_resolved(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let Some(b) = &view.baseline else {
        return Ok(());
    };
    write!(
        out,
        "<h3 id=\"resolved\">Resolved since the baseline <span class=\"count\">{}</span></h3>",
        b.resolved.len()
    )?;
    if b.resolved.is_empty() {
        return out.write_all(b"<p class=\"muted\">None.</p>");
    }
    out.write_all(b"<div class=\"scroll\"><table class=\"data\"><thead><tr><th>finding</th><th>kind</th><th>client</th><th>server</th><th>service</th><th>rule</th><th>detail</th></tr></thead><tbody>")?;
    for f in &b.resolved {
        write!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
            esc(&f.id),
            f.kind.as_str(),
            esc(&f.client),
            esc(&f.server),
            esc(&f.service),
            opt(&f.rule),
            esc(&f.detail),
        )?;
    }
    out.write_all(b"</tbody></table></div>")
}

fn write_violations(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let all = view.verdicts.violation;
    write!(
        out,
        "<h3><span class=\"dot violation\"></span>Violations <span class=\"count\">{all}</span></h3>"
    )?;
    if all == 0 {
        return out.write_all(b"<p class=\"muted\">None.</p>");
    }
    shown_of(out, all.min(MAX_FINDINGS), all, "violations")?;
    out.write_all(b"<div class=\"finding-list\">")?;
    for f in view.violations().take(MAX_FINDINGS) {
        let (cls, badge) = mark(view.baseline.as_ref().and_then(|b| b.flow(f)));
        write!(
            out,
            "<article class=\"finding violation{cls}\"><header><strong>{}</strong> \u{2192} <strong>{}</strong> <code>{}</code> <span class=\"muted\">{} \u{b7} first seen {}</span>{badge}</header><p>{}</p><p class=\"cite\"><span class=\"rule\">{}</span> {}</p></article>",
            esc(&Host::client(f).label()),
            esc(&Host::server(f).label()),
            esc(&Service::of(f).to_string()),
            f.flow.state.as_str(),
            ts(f.flow.first_seen),
            esc(&f.reason()),
            opt(&f.rule),
            opt(&f.cite),
        )?;
    }
    out.write_all(b"</div>")
}

/// Undocumented flows grouped by client, server and service.
fn write_undocumented(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let groups = view.undocumented_groups();
    write!(
        out,
        "<h3><span class=\"dot undocumented\"></span>Undocumented flows <span class=\"count\">{}</span></h3>",
        view.verdicts.undocumented
    )?;
    if groups.is_empty() {
        return out.write_all(b"<p class=\"muted\">None.</p>");
    }
    shown_of(out, groups.len().min(MAX_FINDINGS), groups.len(), "groups")?;
    out.write_all(b"<div class=\"finding-list\">")?;
    for g in groups.iter().take(MAX_FINDINGS) {
        let (cls, badge) = mark(view.baseline.as_ref().map(|b| b.group(&g)));
        write!(
            out,
            "<article class=\"finding undocumented{cls}\"><header><strong>{}</strong> \u{2192} <strong>{}</strong> <code>{}</code> <span class=\"muted\">{} flow(s), {} packets, {} \u{b7} {} \u{2013} {}</span>{badge}</header><p>{}</p></article>",
            esc(&g.client().label()),
            esc(&g.server().label()),
            esc(&g.service().to_string()),
            g.count(),
            g.packets(),
            human_bytes(g.bytes()),
            ts(g.first()),
            ts(g.last()),
            esc(&g.reason()),
        )?;
    }
    out.write_all(b"</div>")
}

fn write_missing(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let missing = &view.audit.missing;
    write!(
        out,
        "<h3><span class=\"dot missing\"></span>Required flows missing or blocked <span class=\"count\">{}</span></h3>",
        missing.len()
    )?;
    if missing.is_empty() {
        return out.write_all(b"<p class=\"muted\">None.</p>");
    }
    out.write_all(b"<div class=\"finding-list\">")?;
    for m in missing {
        let (cls, badge) = mark(view.baseline.as_ref().map(|b| b.missing(m)));
        write!(
            out,
            "<article class=\"finding missing{cls}\"><header><span class=\"badge status\">{}</span> <strong>{}</strong> <span class=\"muted\">({})</span> \u{2192} <strong>{}</strong> <span class=\"muted\">({})</span> <code>{} {}</code> <span class=\"muted\">{} attempt(s)</span>{badge}</header><p>{}</p><p class=\"cite\"><span class=\"rule\">{}</span> {}</p></article>",
            m.status.as_str().replace('_', " "),
            esc(&m.client_host),
            esc(&m.client),
            esc(&m.server_host),
            esc(&m.server),
            esc(&m.proto),
            esc(&m.ports),
            m.attempts,
            esc(&m.purpose),
            esc(&m.rule),
            esc(&m.cite),
        )?;
    }
    out.write_all(b"</div>")
}

/// How each dynamic port was learnt (a table only when there are any).
fn write_negotiated(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    if view.negotiated == 0 {
        return Ok(());
    }
    write!(
        out,
        "<h3>Dynamic ports learnt from the protocols <span class=\"count\">{}</span></h3><div class=\"scroll\"><table class=\"data\"><thead><tr><th>client</th><th>server</th><th>service</th><th>announced by</th><th>control connection</th><th>at</th><th>verdict</th></tr></thead><tbody>",
        view.negotiated
    )?;
    for (f, n) in view.negotiated_flows() {
        write!(
            out,
            "<tr><td>{}</td><td>{}</td><td><code>{}</code></td><td>{} {}</td><td><code>{}:{} \u{2192} {}:{}</code></td><td>{}</td><td>{}{}</td></tr>",
            esc(&Host::client(f).label()),
            esc(&Host::server(f).label()),
            esc(&Service::of(f).to_string()),
            esc(&n.protocol.to_string()),
            esc(&n.method.to_string()),
            n.control_client,
            n.control_client_port,
            n.control_server,
            n.control_server_port,
            ts(n.announced_at),
            verdict_badge(f.verdict),
            n.why_not_evidence()
                .map(|w| format!(" (not evidence: {w})"))
                .unwrap_or_default(),
        )?;
    }
    out.write_all(b"</tbody></table></div>")
}
