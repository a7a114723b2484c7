//! The site's exceptions: each with its status (used, expired, stale), the flows it
//! accepted, and the flows after its expiry (findings). Absent when the site has none.

use std::io::{self, Write};

use super::esc;
use crate::view::{timestamp as ts, Host, ReportView, Service};

pub(super) fn write(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let rows = view.exceptions();
    if rows.is_empty() {
        return Ok(());
    }
    write!(
        out,
        "<section id=\"exceptions\"><h2>Site exceptions <span class=\"count\">{}</span></h2><p class=\"muted\">Flows the documents do not allow but the site accepts. <strong>used</strong>: it accepted flows; <strong>expired</strong>: it accepted none, and flows it names came after its expiry date (undocumented findings); <strong>stale</strong>: it matched no flow that needed it, a candidate to remove.</p><div class=\"scroll\"><table class=\"data\"><thead><tr><th>#</th><th>status</th><th>from</th><th>to</th><th>service</th><th>expires</th><th>accepted</th><th>expired matches</th><th>reason</th><th>defined at</th><th>what it did</th></tr></thead><tbody>",
        rows.len()
    )?;
    for r in &rows {
        write!(
            out,
            "<tr><td class=\"num\">{}</td><td><span class=\"badge exception-{st}\">{st}</span></td><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td><code>{}</code></td><td>{}</td></tr>",
            r.number,
            esc(&r.from.join(", ")),
            esc(&r.to.join(", ")),
            esc(&r.service),
            r.expires(),
            r.usage.accepted.len(),
            r.usage.expired.len(),
            esc(&r.exception.reason),
            esc(&r.defined_at),
            esc(&r.meaning()),
            st = r.status(),
        )?;
    }
    out.write_all(b"</tbody></table></div>")?;
    let flows: Vec<_> = rows
        .iter()
        .flat_map(|r| {
            r.accepted()
                .map(move |f| (r.number, "accepted", f))
                .chain(r.expired().map(move |f| (r.number, "after expiry", f)))
        })
        .collect();
    if !flows.is_empty() {
        out.write_all(b"<h3>Flows matched by an exception</h3><div class=\"scroll\"><table class=\"data\"><thead><tr><th>#</th><th>how</th><th>client</th><th>server</th><th>service</th><th>first seen</th><th>finding</th></tr></thead><tbody>")?;
        for (n, how, f) in flows {
            write!(
                out,
                "<tr><td class=\"num\">{n}</td><td>{how}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td><td><code>{}</code></td></tr>",
                esc(&Host::client(f).label()),
                esc(&Host::server(f).label()),
                esc(&Service::of(f).to_string()),
                ts(f.flow.first_seen),
                tapaudit_audit::FindingKey::of_flow(f)
                    .map(|k| k.id())
                    .unwrap_or_default(),
            )?;
        }
        out.write_all(b"</tbody></table></div>")?;
    }
    out.write_all(b"</section>")
}
