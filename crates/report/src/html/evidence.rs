//! The evidence block: build, audit time, labels, the SHA-256 of every input, the capture
//! interfaces.

use std::io::{self, Write};

use super::esc;
use crate::evidence::{interface_label, TOOL_VERSION};
use crate::view::{timestamp as ts, ReportView};

pub(super) fn write(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    out.write_all(b"<section id=\"evidence\"><h2>Evidence</h2><dl class=\"facts\">")?;
    let fact =
        |out: &mut dyn Write, k: &str, v: &str| write!(out, "<div><dt>{k}</dt><dd>{v}</dd></div>");
    fact(out, "tool", &format!("tapaudit {TOOL_VERSION}"))?;
    if let Some(run) = view.run {
        let label = |s: &Option<String>| {
            s.as_deref()
                .map(esc)
                .unwrap_or_else(|| "<span class=\"muted\">(not given)</span>".into())
        };
        fact(out, "build", &esc(&run.build))?;
        fact(out, "audit time", &run.audit_time.to_rfc3339_seconds())?;
        fact(out, "auditor", &label(&run.auditor))?;
        fact(out, "sensor", &label(&run.sensor))?;
    }
    if let Some((first, last)) = view.capture_span() {
        fact(
            out,
            "capture window",
            &format!("{} \u{2013} {}", ts(first), ts(last)),
        )?;
    }
    let drops = match view.declared_drops() {
        Some(d) => d.to_string(),
        None => "<span class=\"muted\">not stated by the capture files</span>".into(),
    };
    fact(out, "packets dropped (declared)", &drops)?;
    out.write_all(b"</dl><p class=\"note\">SHA-256 of each input as read; check with <code>sha256sum</code> or <code>tapaudit verify</code>.</p>")?;
    out.write_all(b"<table class=\"data evidence\"><thead><tr><th>input</th><th>file</th><th>SHA-256</th><th>document</th></tr></thead><tbody>")?;
    for i in view.hashed_inputs() {
        write!(
            out,
            "<tr><td>{}</td><td class=\"file\">{}</td><td class=\"hash\">{}</td><td>{}</td></tr>",
            i.kind,
            esc(i.name),
            i.sha256.map(esc).unwrap_or_else(|| "(not read)".into()),
            i.document.as_deref().map(esc).unwrap_or_default()
        )?;
    }
    out.write_all(b"</tbody></table>")?;
    let rows: Vec<_> = view.interfaces().collect();
    if !rows.is_empty() {
        out.write_all(b"<h3>Capture interfaces</h3><table class=\"data\"><thead><tr><th>file</th><th>interface</th><th>OS</th><th>link type</th><th>snaplen</th><th>packets</th><th>first</th><th>last</th><th>dropped</th></tr></thead><tbody>")?;
        for r in &rows {
            let i = r.iface;
            write!(
                out,
                "<tr><td class=\"file\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                esc(r.file),
                esc(&interface_label(r)),
                i.os.as_deref().map(esc).unwrap_or_default(),
                i.link_type.number(),
                i.snaplen,
                i.packets,
                i.first_seen.map(ts).unwrap_or_default(),
                i.last_seen.map(ts).unwrap_or_default(),
                i.dropped.map(|d| d.to_string()).unwrap_or_else(|| "not stated".into()),
            )?;
        }
        out.write_all(b"</tbody></table>")?;
    }
    out.write_all(b"</section>")
}
