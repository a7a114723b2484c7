//! The zones and conduits section: the site's zones, the zone matrix, crossings outside any
//! conduit (findings) and attempts, and conduits that carried nothing. Absent when the
//! site has no zones. The rows are those of `crate::zones`.

use std::io::{self, Write};

use super::esc;
use crate::view::{timestamp as ts, ReportView};
use crate::zones::{carries, cell_text, finding_id, members, ZoneRows, INTRO};

pub(super) fn write(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let Some(rows) = ZoneRows::of(view) else {
        return Ok(());
    };
    let z = rows.audit;
    write!(
        out,
        "<section id=\"zones\"><h2>Zones and conduits <span class=\"count\">{}</span></h2><p class=\"muted\">{}</p><div class=\"scroll\"><table class=\"data\"><thead><tr><th>zone</th><th>SL-T</th><th>members</th><th>flows inside</th><th>defined at</th></tr></thead><tbody>",
        rows.findings(),
        esc(INTRO)
    )?;
    for (zone, inside) in rows.zones() {
        write!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{inside}</td><td><code>{}</code></td></tr>",
            esc(&zone.name),
            zone.security_level.map(|l| l.to_string()).unwrap_or_default(),
            esc(&members(zone)),
            esc(&zone.defined_at.to_string()),
        )?;
    }
    out.write_all(b"</tbody></table></div><h3>Zone matrix</h3><p class=\"muted\">Flows by the initiator's zone (rows) and the responder's (columns).</p><div class=\"scroll\"><table class=\"data\"><thead><tr><th>from \\ to</th>")?;
    for name in &z.zones {
        write!(out, "<th>{}</th>", esc(name))?;
    }
    out.write_all(b"</tr></thead><tbody>")?;
    for (a, from) in z.zones.iter().enumerate() {
        write!(out, "<tr><th>{}</th>", esc(from))?;
        for b in 0..z.zones.len() {
            let c = rows.cell(a, b);
            let class = match c {
                Some(c) if a != b && c.outside_conduit > 0 => " class=\"zone-finding\"",
                _ => "",
            };
            let text = c.map(|c| cell_text(c, a != b)).unwrap_or_default();
            write!(out, "<td{class}>{}</td>", esc(&text))?;
        }
        out.write_all(b"</tr>")?;
    }
    out.write_all(b"</tbody></table></div><h3>Crossings outside any conduit</h3>")?;
    if z.crossings.is_empty() {
        out.write_all(b"<p>None.</p>")?;
    } else {
        out.write_all(b"<div class=\"scroll\"><table class=\"data\"><thead><tr><th>finding</th><th>from zone</th><th>to zone</th><th>client</th><th>server</th><th>service</th><th>answered flows</th><th>attempts</th><th>first seen</th><th>documented by</th></tr></thead><tbody>")?;
        for c in &z.crossings {
            write!(
                out,
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
                finding_id(c).unwrap_or_else(|| "(attempts only)".into()),
                esc(&c.from_zone),
                esc(&c.to_zone),
                esc(&c.client),
                esc(&c.server),
                esc(&c.service),
                c.answered.flows,
                c.attempts,
                ts(c.first_seen),
                esc(&c.documented_by.join(", ")),
            )?;
        }
        out.write_all(b"</tbody></table></div>")?;
    }
    out.write_all(b"<h3>Conduits</h3>")?;
    if rows.site.conduits.is_empty() {
        out.write_all(b"<p>The site names no conduit: every crossing is outside one.</p>")?;
    } else {
        out.write_all(b"<div class=\"scroll\"><table class=\"data\"><thead><tr><th>conduit</th><th>from</th><th>to</th><th>carries</th><th>flows</th><th>packets</th><th>status</th><th>reason</th><th>defined at</th></tr></thead><tbody>")?;
        for (c, u) in rows.conduits() {
            let status = if u.carried.flows == 0 {
                "<span class=\"badge exception-stale\">carried nothing</span>"
            } else {
                "<span class=\"badge exception-used\">used</span>"
            };
            write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{status}</td><td>{}</td><td><code>{}</code></td></tr>",
                esc(&c.name),
                esc(&c.from),
                esc(&c.to),
                esc(&carries(c)),
                u.carried.flows,
                u.carried.packets,
                esc(c.reason.as_deref().unwrap_or("")),
                esc(&c.defined_at.to_string()),
            )?;
        }
        out.write_all(b"</tbody></table></div>")?;
    }
    out.write_all(b"</section>")
}
