//! The rules seen, pack by pack, and the documented openings never used.

use std::io::{self, Write};

use tapaudit_rules::Pack;

use super::esc;
use crate::view::ReportView;

pub(super) fn write(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    out.write_all(b"<section id=\"rules\"><h2>Rules seen, per pack</h2>")?;
    for pack in view.rules.packs() {
        write_pack(view, pack, out)?;
    }
    write_unused(view, out)?;
    out.write_all(b"</section>")
}

/// One pack: its document, and the rules of it that judged flows.
fn write_pack(view: &ReportView<'_>, pack: &Pack, out: &mut impl Write) -> io::Result<()> {
    let used: Vec<_> = pack
        .rules
        .iter()
        .filter_map(|r| view.audit.rule_use.get(&r.id).map(|u| (r, u)))
        .collect();
    let doc = &pack.document;
    write!(
        out,
        "<h3>{} <span class=\"muted\">{} \u{2014} {}{}</span></h3>",
        esc(&pack.title),
        esc(&doc.short),
        esc(&doc.title),
        doc.publication
            .as_deref()
            .filter(|p| *p != doc.short)
            .map(|p| format!(", {}", esc(p)))
            .unwrap_or_default()
    )?;
    if used.is_empty() {
        return out.write_all(b"<p class=\"muted\">No flow matched a rule of this pack.</p>");
    }
    out.write_all(b"<div class=\"scroll\"><table class=\"data\"><thead><tr><th>rule</th><th>kind</th><th>flows</th><th>packets</th><th>purpose</th><th>cite</th></tr></thead><tbody>")?;
    for (r, u) in used {
        write!(
            out,
            "<tr><td class=\"rule\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"cite\">{}</td></tr>",
            esc(&r.id),
            r.kind,
            u.flows,
            u.packets,
            esc(&r.purpose),
            esc(&r.cite)
        )?;
    }
    out.write_all(b"</tbody></table></div>")
}

/// The documented openings that carried no traffic, folded.
fn write_unused(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let unused = &view.audit.unused;
    write!(
        out,
        "<details><summary>Documented openings never used <span class=\"count\">{}</span></summary>",
        unused.len()
    )?;
    if unused.is_empty() {
        out.write_all(b"<p class=\"muted\">None.</p>")?;
    } else {
        out.write_all(b"<p>Rules that apply to hosts of this site but carried no traffic: candidates for closing the firewall opening (least privilege), unless they serve occasional work (the level says). <code>tapaudit firewall --observed</code> lists them host pair by host pair.</p><div class=\"scroll\"><table class=\"data\"><thead><tr><th>rule</th><th>level</th><th>service</th><th>host pairs</th><th>purpose</th><th>cite</th></tr></thead><tbody>")?;
        for u in unused {
            write!(
                out,
                "<tr><td class=\"rule\">{}</td><td>{}</td><td><code>{} {}</code></td><td class=\"num\">{}</td><td>{}</td><td class=\"cite\">{}</td></tr>",
                esc(&u.rule),
                esc(&u.level),
                esc(&u.proto),
                esc(&u.ports),
                u.host_pairs,
                esc(&u.purpose),
                esc(&u.cite)
            )?;
        }
        out.write_all(b"</tbody></table></div>")?;
    }
    out.write_all(b"</details>")
}
