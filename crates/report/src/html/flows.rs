//! The flow table: every finding, then documented flows, in time order, with a filter and
//! sortable columns (the script works on the rows already in the page).

use std::io::{self, Write};

use tapaudit_audit::{JudgedFlow, Verdict};

use super::{esc, opt, verdict_badge};
use crate::view::{human_bytes, time_of_day, timestamp as ts, Host, ReportView, Service};

/// Rows of the flow table at most; findings come first so none is cut.
const MAX_FLOW_ROWS: usize = 5000;

pub(super) fn write(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let rows = rows(view);
    write!(
        out,
        "<section id=\"flows-section\"><h2>Flows <span class=\"count\">{}</span></h2>",
        view.flows
    )?;
    if rows.len() < view.flows {
        write!(
            out,
            "<p class=\"note\">The table holds {} of {} flows: every finding, then documented flows in time order. The JSON and CSV reports have all of them.</p>",
            rows.len(),
            view.flows
        )?;
    }
    out.write_all("<div class=\"toolbar\"><label>Filter <input id=\"flow-filter\" type=\"search\" placeholder=\"host, address, port, rule\u{2026}\" autocomplete=\"off\"></label><label>Verdict <select id=\"flow-verdict\"><option value=\"\">all</option><option value=\"violation\">violation</option><option value=\"undocumented\">undocumented</option><option value=\"documented\">documented</option></select></label><button id=\"flow-clear\" type=\"button\">Clear</button><span id=\"flow-shown\" class=\"muted\"></span></div>".as_bytes())?;
    out.write_all(b"<div class=\"scroll tall\"><table id=\"flows\" class=\"data sortable\"><thead><tr><th data-type=\"num\">#</th><th data-type=\"text\" title=\"UTC; hover a cell for the date\">first seen (UTC)</th><th data-type=\"text\">client</th><th data-type=\"text\">server</th><th data-type=\"text\">service</th><th data-type=\"text\">state</th><th data-type=\"num\">packets</th><th data-type=\"num\">bytes</th><th data-type=\"text\">verdict</th><th data-type=\"text\">evidence</th><th data-type=\"text\">rule</th><th data-type=\"text\">reason</th></tr></thead><tbody>")?;
    for (i, f) in rows {
        write_row(i + 1, f, out)?;
    }
    out.write_all(b"</tbody></table></div></section>")
}

/// The flows in the table, with their index in the audit's order: every finding, then as
/// many documented flows as there is room for, back in time order.
fn rows<'a>(view: &ReportView<'a>) -> Vec<(usize, &'a JudgedFlow)> {
    let flows = &view.audit.flows;
    let mut rows: Vec<(usize, &JudgedFlow)> = flows
        .iter()
        .enumerate()
        .filter(|(_, f)| f.verdict != Verdict::Documented)
        .take(MAX_FLOW_ROWS)
        .collect();
    let room = MAX_FLOW_ROWS.saturating_sub(rows.len());
    rows.extend(
        flows
            .iter()
            .enumerate()
            .filter(|(_, f)| f.verdict == Verdict::Documented)
            .take(room),
    );
    rows.sort_by_key(|(i, _)| *i);
    rows
}

/// One row; `n` is the flow's number in the audit's order, from 1.
fn write_row(n: usize, f: &JudgedFlow, out: &mut impl Write) -> io::Result<()> {
    let client = Host::client(f).label();
    let server = Host::server(f).label();
    let client_ep = match f.flow.client_port {
        Some(p) => format!("{}:{p}", f.flow.client),
        None => f.flow.client.to_string(),
    };
    let packets = f.flow.packets_to_server + f.flow.packets_to_client;
    let bytes = f.flow.bytes_to_server + f.flow.bytes_to_client;
    write!(
        out,
        "<tr class=\"v-{v}\" data-verdict=\"{v}\" data-client=\"{ce}\" data-server=\"{se}\"><td data-v=\"{n}\">{n}</td><td class=\"t\" data-v=\"{first}\" title=\"{first}\">{tod}</td><td><span class=\"host\">{ce}</span><br><span class=\"addr\">{cep}</span></td><td><span class=\"host\">{se}</span><br><span class=\"addr\">{sip}</span></td><td><code>{svc}</code></td><td>{state}</td><td data-v=\"{packets}\" class=\"num\">{packets}</td><td data-v=\"{bytes}\" class=\"num\" title=\"{bytes} bytes\">{hb}</td><td>{badge}</td><td>{ev}</td><td class=\"rule\">{rule}</td><td class=\"reason\" title=\"{reason}\">{reason}</td></tr>",
        v = f.verdict.as_str(),
        first = ts(f.flow.first_seen),
        tod = time_of_day(f.flow.first_seen),
        ce = esc(&client),
        cep = esc(&client_ep),
        se = esc(&server),
        sip = f.flow.server,
        svc = esc(&Service::of(f).to_string()),
        state = f.flow.state.as_str(),
        hb = human_bytes(bytes),
        badge = verdict_badge(f.verdict),
        ev = f.evidence.map(|e| e.as_str()).unwrap_or(""),
        rule = opt(&f.rule),
        reason = esc(&f.reason()),
    )
}
