//! The ports and services section: per host, every service it answered on with its
//! documented need. The rows are those of `crate::services`.

use std::io::{self, Write};

use super::{esc, shown_of, verdict_badge};
use crate::services::{rows, INTRO, MAX_LISTED};
use crate::view::{timestamp as ts, ReportView};

pub(super) fn write(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let rows = rows(view);
    write!(
        out,
        "<section id=\"services\"><h2>Ports and services per host <span class=\"count\">{}</span></h2><p class=\"muted\">{}</p>",
        rows.len(),
        esc(INTRO)
    )?;
    if rows.is_empty() {
        return out.write_all(b"<p>None: no flow was answered.</p></section>");
    }
    out.write_all(b"<div class=\"scroll\"><table class=\"data\"><thead><tr><th>host</th><th>address</th><th>service</th><th>ports seen</th><th>first seen</th><th>last seen</th><th>flows</th><th>clients</th><th>verdict</th><th>documented need</th></tr></thead><tbody>")?;
    for r in rows.iter().take(MAX_LISTED) {
        write!(
            out,
            "<tr><td>{}</td><td><code>{}</code></td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(&r.host.label()),
            r.address,
            esc(&r.service()),
            esc(&r.ports_seen_text()),
            ts(r.first_seen),
            ts(r.last_seen),
            r.flows,
            r.clients,
            verdict_badge(r.need.verdict),
            esc(&r.need_text()),
        )?;
    }
    out.write_all(b"</tbody></table></div>")?;
    shown_of(out, rows.len().min(MAX_LISTED), rows.len(), "rows")?;
    out.write_all(b"</section>")
}
