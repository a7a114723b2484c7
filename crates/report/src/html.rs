//! The HTML report: one self-contained page (inline CSS, SVG and a small script; nothing
//! fetched) that an auditor opens in a browser, offline.
//!
//! Everything that came from the wire or from user files (host names, file names, reasons
//! that quote them, citations) goes through [`esc`], which is safe in text and in quoted
//! attributes alike. The page embeds no JSON; the script only sorts and filters rows that
//! are already in the HTML, so the page reads the same without it.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::net::IpAddr;

use tapaudit_audit::{Evidence, JudgedFlow, MissingStatus, Verdict};
use tapaudit_vocab::{ControlProtocol, Timestamp};

use crate::ReportInput;

const STYLE: &str = include_str!("html/style.css");
const SCRIPT: &str = include_str!("html/script.js");

/// Rows of the flow table at most; findings come first so none is cut.
const MAX_FLOW_ROWS: usize = 5000;
/// Violations, and groups of undocumented flows, listed at most (a browser shows no more
/// usefully; a flood from spoofed sources makes a group per flow). The JSON, CSV and
/// Markdown reports list them all.
const MAX_FINDINGS: usize = 5000;
/// Hosts in the matrix at most; past that, only hosts with traffic or findings.
const MAX_MATRIX_NODES: usize = 60;
/// Addresses outside the inventory drawn one by one; the rest share one row.
const MAX_OUTSIDE_NODES: usize = 20;

/// Escapes text for HTML text and double- or single-quoted attributes; drops control
/// characters other than tab and line feed.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn ts(t: Timestamp) -> String {
    t.to_rfc3339_micros()
}

/// `HH:MM:SS.micro` UTC: the full timestamp is in the cell's title and sort key.
fn time_of_day(t: Timestamp) -> String {
    let s = t.secs() % 86_400;
    format!(
        "{:02}:{:02}:{:02}.{:06}",
        s / 3600,
        (s / 60) % 60,
        s % 60,
        t.subsec_nanos() / 1000
    )
}

use crate::groups::service;

fn host_label(name: &Option<String>, ip: IpAddr) -> String {
    match name {
        Some(n) => n.clone(),
        None => ip.to_string(),
    }
}

fn human_bytes(b: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = b as f64;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < UNITS.len() {
        v /= 1024.0;
        u += 1;
    }
    match UNITS.get(u) {
        Some(unit) if u > 0 => format!("{v:.1} {unit}"),
        _ => format!("{b} B"),
    }
}

fn duration(nanos: u64) -> String {
    let s = nanos as f64 / 1e9;
    if s < 120.0 {
        format!("{s:.3} s")
    } else if s < 7200.0 {
        format!("{:.1} min", s / 60.0)
    } else {
        format!("{:.1} h", s / 3600.0)
    }
}

/// The colour class of a matrix cell, from the least to the most severe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Worst {
    Documented,
    Missing,
    Undocumented,
    Violation,
}

impl Worst {
    fn class(self) -> &'static str {
        match self {
            Worst::Documented => "documented",
            Worst::Missing => "missing",
            Worst::Undocumented => "undocumented",
            Worst::Violation => "violation",
        }
    }
    fn of(v: Verdict) -> Worst {
        match v {
            Verdict::Documented => Worst::Documented,
            Verdict::Undocumented => Worst::Undocumented,
            Verdict::Violation => Worst::Violation,
        }
    }
}

#[derive(Default)]
struct Cell {
    worst: Option<Worst>,
    flows: u64,
    lines: BTreeSet<String>,
}

impl Cell {
    fn mark(&mut self, w: Worst, line: String) {
        self.worst = Some(self.worst.map_or(w, |x| x.max(w)));
        self.lines.insert(line);
    }
}

struct Node {
    label: String,
    /// Not in the site inventory.
    outside: bool,
    addresses: String,
}

/// A host pair with a finding, for the list beside the matrix.
struct Link {
    worst: Worst,
    client: String,
    server: String,
    lines: Vec<String>,
}

/// The note that a list was cut to its first `shown` of `all` entries.
fn shown_of(s: &mut String, shown: usize, all: usize, what: &str) {
    if shown < all {
        let _ = write!(
            s,
            "<p class=\"note\">The list shows the first {shown} of {all} {what}. The JSON, CSV and Markdown reports have all of them.</p>"
        );
    }
}

/// The communication matrix: rows open connections, columns answer them. Returns the host
/// pairs whose worst verdict is not "documented", most severe first.
fn matrix_svg(input: &ReportInput<'_>, s: &mut String) -> Vec<Link> {
    let a = input.audit;
    let mut nodes: Vec<Node> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    if let Some(site) = input.site {
        for h in &site.hosts {
            if index.contains_key(&h.name) {
                continue;
            }
            index.insert(h.name.clone(), nodes.len());
            let addrs: Vec<String> = h.addresses.iter().map(|n| n.to_string()).collect();
            nodes.push(Node {
                label: h.name.clone(),
                outside: false,
                addresses: addrs.join(", "),
            });
        }
    }
    // Addresses not in the inventory, sorted. The first MAX_OUTSIDE_NODES get a node each;
    // the rest share the node "other addresses" (a flood from spoofed sources brings a
    // million of them: 17 bytes each, no map, no string).
    let mut outside: Vec<IpAddr> = a
        .flows
        .iter()
        .flat_map(|f| {
            let client = f.client_host.is_none().then_some(f.flow.client);
            let server = f.server_host.is_none().then_some(f.flow.server);
            client.into_iter().chain(server)
        })
        .collect();
    outside.sort_unstable();
    outside.dedup();
    let mut add_node = |label: String, addresses: String| -> usize {
        *index.entry(label.clone()).or_insert_with(|| {
            nodes.push(Node {
                label,
                outside: true,
                addresses,
            });
            nodes.len() - 1
        })
    };
    let first_nodes: Vec<usize> = outside
        .iter()
        .take(MAX_OUTSIDE_NODES)
        .map(|ip| add_node(ip.to_string(), ip.to_string()))
        .collect();
    let other_node = (outside.len() > MAX_OUTSIDE_NODES).then(|| {
        add_node(
            "other addresses".to_string(),
            format!("{} more addresses", outside.len() - MAX_OUTSIDE_NODES),
        )
    });
    let node_of = |name: &Option<String>, ip: IpAddr| -> Option<usize> {
        match name {
            Some(n) => index.get(n).copied(),
            None => match outside.binary_search(&ip) {
                Ok(rank) => first_nodes.get(rank).copied().or(other_node),
                Err(_) => None,
            },
        }
    };
    let mut cells: BTreeMap<(usize, usize), Cell> = BTreeMap::new();
    for f in &a.flows {
        let (Some(c), Some(sv)) = (
            node_of(&f.client_host, f.flow.client),
            node_of(&f.server_host, f.flow.server),
        ) else {
            continue;
        };
        let cell = cells.entry((c, sv)).or_default();
        cell.flows += 1;
        cell.mark(
            Worst::of(f.verdict),
            format!("{} {}", service(f), f.verdict.as_str()),
        );
    }
    for m in &a.missing {
        let (Some(&c), Some(&sv)) = (index.get(&m.client_host), index.get(&m.server_host)) else {
            continue;
        };
        cells.entry((c, sv)).or_default().mark(
            Worst::Missing,
            format!("{} {} {} ({})", m.proto, m.ports, m.status.as_str(), m.rule),
        );
    }
    // Large sites: keep the hosts that appear in a cell.
    let mut shown: Vec<usize> = (0..nodes.len()).collect();
    let mut note = String::new();
    if nodes.len() > MAX_MATRIX_NODES {
        let active: BTreeSet<usize> = cells.keys().flat_map(|(c, s)| [*c, *s]).collect();
        shown.retain(|i| active.contains(i));
        note = format!(
            "{} of {} hosts without any flow or finding are left out.",
            nodes.len() - shown.len(),
            nodes.len()
        );
    }
    let mut links: Vec<Link> = cells
        .iter()
        .filter(|(_, c)| c.worst.is_some_and(|w| w > Worst::Documented))
        .filter_map(|((ci, si), c)| {
            Some(Link {
                worst: c.worst?,
                client: nodes.get(*ci)?.label.clone(),
                server: nodes.get(*si)?.label.clone(),
                lines: c
                    .lines
                    .iter()
                    .filter(|l| !l.ends_with(" documented"))
                    .cloned()
                    .collect(),
            })
        })
        .collect();
    links.sort_by(|a, b| (b.worst, &a.client, &a.server).cmp(&(a.worst, &b.client, &b.server)));
    if shown.is_empty() {
        s.push_str("<p class=\"muted\">No hosts to draw: no flows and no inventory.</p>");
        return links;
    }
    let cell_px = 26usize;
    let char_px = 7.0f64;
    let max_label = shown
        .iter()
        .filter_map(|&i| nodes.get(i))
        .map(|n| n.label.chars().count().min(28))
        .max()
        .unwrap_or(4);
    let left = (max_label as f64 * char_px + 16.0).ceil() as usize;
    // Column labels are turned 55 degrees: their height and their lean to the right.
    let lean = max_label as f64 * char_px;
    let top = (lean * 0.82 + 16.0).ceil() as usize;
    let n = shown.len();
    let width = left + n * cell_px + (lean * 0.58).ceil() as usize + 8;
    let height = top + n * cell_px + 8;
    let short = |l: &str| -> String {
        if l.chars().count() > 28 {
            let t: String = l.chars().take(27).collect();
            format!("{t}\u{2026}")
        } else {
            l.to_string()
        }
    };
    let _ = write!(
        s,
        "<svg class=\"matrix\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"matrix-title\"><title id=\"matrix-title\">Communication matrix: rows open connections to columns</title>"
    );
    for (row, &i) in shown.iter().enumerate() {
        let Some(node) = nodes.get(i) else { continue };
        let y = top + row * cell_px;
        let _ = write!(
            s,
            "<text class=\"lbl{}\" x=\"{}\" y=\"{}\" text-anchor=\"end\"><title>{}</title>{}</text>",
            if node.outside { " outside" } else { "" },
            left - 8,
            y + cell_px / 2 + 4,
            esc(&format!("{} ({})", node.label, node.addresses)),
            esc(&short(&node.label))
        );
        let x = left + row * cell_px + cell_px / 2 + 4;
        let _ = write!(
            s,
            "<text class=\"lbl{}\" transform=\"translate({x},{}) rotate(-55)\"><title>{}</title>{}</text>",
            if node.outside { " outside" } else { "" },
            top - 6,
            esc(&format!("{} ({})", node.label, node.addresses)),
            esc(&short(&node.label))
        );
    }
    for (row, &ci) in shown.iter().enumerate() {
        for (col, &si) in shown.iter().enumerate() {
            let x = left + col * cell_px;
            let y = top + row * cell_px;
            let (Some(cn), Some(sn)) = (nodes.get(ci), nodes.get(si)) else {
                continue;
            };
            match cells.get(&(ci, si)) {
                Some(cell) => {
                    let worst = cell.worst.unwrap_or(Worst::Documented);
                    let mut tip = format!("{} \u{2192} {}", cn.label, sn.label);
                    for l in cell.lines.iter().take(12) {
                        tip.push('\n');
                        tip.push_str(l);
                    }
                    if cell.lines.len() > 12 {
                        let _ = write!(tip, "\n\u{2026} {} more", cell.lines.len() - 12);
                    }
                    let _ = write!(
                        s,
                        "<g class=\"cell {cls}\" data-client=\"{c}\" data-server=\"{sv}\" tabindex=\"0\"><title>{tip}</title><rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{w}\" rx=\"3\"/>",
                        cls = worst.class(),
                        c = esc(&cn.label),
                        sv = esc(&sn.label),
                        tip = esc(&tip),
                        w = cell_px - 2,
                    );
                    if cell.flows > 0 {
                        let _ = write!(
                            s,
                            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                            x + (cell_px - 2) / 2,
                            y + cell_px / 2 + 3,
                            if cell.flows > 99 {
                                "99+".to_string()
                            } else {
                                cell.flows.to_string()
                            }
                        );
                    } else {
                        let _ = write!(
                            s,
                            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">!</text>",
                            x + (cell_px - 2) / 2,
                            y + cell_px / 2 + 3
                        );
                    }
                    s.push_str("</g>");
                }
                None => {
                    let _ = write!(
                        s,
                        "<rect class=\"{}\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{w}\" rx=\"3\"/>",
                        if ci == si { "self" } else { "empty" },
                        w = cell_px - 2
                    );
                }
            }
        }
    }
    s.push_str("</svg>");
    if !note.is_empty() {
        let _ = write!(s, "<p class=\"muted\">{}</p>", esc(&note));
    }
    links
}

fn links_list(links: &[Link], s: &mut String) {
    s.push_str("<aside class=\"links\"><h4>Host pairs with findings</h4>");
    if links.is_empty() {
        s.push_str("<p class=\"muted\">None: every flow between these hosts is documented.</p>");
    } else {
        s.push_str("<ul>");
        for l in links.iter().take(40) {
            let _ = write!(
                s,
                "<li class=\"{}\"><span class=\"dot {}\"></span><div><b>{}</b> \u{2192} <b>{}</b><br><span class=\"muted\">{}</span></div></li>",
                l.worst.class(),
                l.worst.class(),
                esc(&l.client),
                esc(&l.server),
                esc(&l.lines.join(", "))
            );
        }
        s.push_str("</ul>");
        if links.len() > 40 {
            let _ = write!(
                s,
                "<p class=\"muted\">\u{2026} and {} more.</p>",
                links.len() - 40
            );
        }
    }
    s.push_str("</aside>");
}

fn verdict_badge(v: Verdict) -> String {
    format!("<span class=\"badge {0}\">{0}</span>", v.as_str())
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map(esc).unwrap_or_default()
}

/// Undocumented flows grouped by client, server and service.
fn findings(input: &ReportInput<'_>, s: &mut String) {
    let a = input.audit;
    s.push_str("<section id=\"findings\"><h2>Findings</h2>");

    let viol: Vec<&JudgedFlow> = a
        .flows
        .iter()
        .filter(|f| f.verdict == Verdict::Violation)
        .collect();
    let _ = write!(
        s,
        "<h3><span class=\"dot violation\"></span>Violations <span class=\"count\">{}</span></h3>",
        viol.len()
    );
    if viol.is_empty() {
        s.push_str("<p class=\"muted\">None.</p>");
    } else {
        shown_of(s, viol.len().min(MAX_FINDINGS), viol.len(), "violations");
        s.push_str("<div class=\"finding-list\">");
        for f in viol.into_iter().take(MAX_FINDINGS) {
            let _ = write!(
                s,
                "<article class=\"finding violation\"><header><strong>{}</strong> \u{2192} <strong>{}</strong> <code>{}</code> <span class=\"muted\">{} \u{b7} first seen {}</span></header><p>{}</p><p class=\"cite\"><span class=\"rule\">{}</span> {}</p></article>",
                esc(&host_label(&f.client_host, f.flow.client)),
                esc(&host_label(&f.server_host, f.flow.server)),
                esc(&service(f)),
                f.flow.state.as_str(),
                ts(f.flow.first_seen),
                esc(&f.reason()),
                opt(&f.rule),
                opt(&f.cite),
            );
        }
        s.push_str("</div>");
    }

    let groups = crate::groups::undocumented(a);
    let _ = write!(
        s,
        "<h3><span class=\"dot undocumented\"></span>Undocumented flows <span class=\"count\">{}</span></h3>",
        a.count(Verdict::Undocumented)
    );
    if groups.is_empty() {
        s.push_str("<p class=\"muted\">None.</p>");
    } else {
        shown_of(s, groups.len().min(MAX_FINDINGS), groups.len(), "groups");
        s.push_str("<div class=\"finding-list\">");
        for g in groups.iter().take(MAX_FINDINGS) {
            let _ = write!(
                s,
                "<article class=\"finding undocumented\"><header><strong>{}</strong> \u{2192} <strong>{}</strong> <code>{}</code> <span class=\"muted\">{} flow(s), {} packets, {} \u{b7} {} \u{2013} {}</span></header><p>{}</p></article>",
                esc(&g.client()),
                esc(&g.server()),
                esc(&g.service()),
                g.count(),
                g.packets(),
                human_bytes(g.bytes()),
                ts(g.first()),
                ts(g.last()),
                esc(&g.reason()),
            );
        }
        s.push_str("</div>");
    }

    let _ = write!(
        s,
        "<h3><span class=\"dot missing\"></span>Required flows missing or blocked <span class=\"count\">{}</span></h3>",
        a.missing.len()
    );
    if a.missing.is_empty() {
        s.push_str("<p class=\"muted\">None.</p>");
    } else {
        s.push_str("<div class=\"finding-list\">");
        for m in &a.missing {
            let _ = write!(
                s,
                "<article class=\"finding missing\"><header><span class=\"badge status\">{}</span> <strong>{}</strong> <span class=\"muted\">({})</span> \u{2192} <strong>{}</strong> <span class=\"muted\">({})</span> <code>{} {}</code> <span class=\"muted\">{} attempt(s)</span></header><p>{}</p><p class=\"cite\"><span class=\"rule\">{}</span> {}</p></article>",
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
            );
        }
        s.push_str("</div>");
    }

    let negotiated: Vec<&JudgedFlow> = a
        .flows
        .iter()
        .filter(|f| f.flow.negotiated_by.is_some())
        .collect();
    if !negotiated.is_empty() {
        let _ = write!(
            s,
            "<h3>Dynamic ports learnt from the protocols <span class=\"count\">{}</span></h3><div class=\"scroll\"><table class=\"data\"><thead><tr><th>client</th><th>server</th><th>service</th><th>announced by</th><th>control connection</th><th>at</th><th>verdict</th></tr></thead><tbody>",
            negotiated.len()
        );
        for f in negotiated {
            let Some(n) = f.flow.negotiated_by.as_deref() else {
                continue;
            };
            let _ = write!(
                s,
                "<tr><td>{}</td><td>{}</td><td><code>{}</code></td><td>{} {}</td><td><code>{}:{} \u{2192} {}:{}</code></td><td>{}</td><td>{}</td></tr>",
                esc(&host_label(&f.client_host, f.flow.client)),
                esc(&host_label(&f.server_host, f.flow.server)),
                esc(&service(f)),
                esc(&n.protocol.to_string()),
                esc(&n.method.to_string()),
                n.control_client,
                n.control_client_port,
                n.control_server,
                n.control_server_port,
                ts(n.announced_at),
                verdict_badge(f.verdict),
            );
        }
        s.push_str("</tbody></table></div>");
    }
    s.push_str("</section>");
}

fn flow_table(input: &ReportInput<'_>, s: &mut String) {
    let a = input.audit;
    let mut rows: Vec<(usize, &JudgedFlow)> = a
        .flows
        .iter()
        .enumerate()
        .filter(|(_, f)| f.verdict != Verdict::Documented)
        .take(MAX_FLOW_ROWS)
        .collect();
    let room = MAX_FLOW_ROWS.saturating_sub(rows.len());
    rows.extend(
        a.flows
            .iter()
            .enumerate()
            .filter(|(_, f)| f.verdict == Verdict::Documented)
            .take(room),
    );
    rows.sort_by_key(|(i, _)| *i);
    let _ = write!(
        s,
        "<section id=\"flows-section\"><h2>Flows <span class=\"count\">{}</span></h2>",
        a.flows.len()
    );
    if rows.len() < a.flows.len() {
        let _ = write!(
            s,
            "<p class=\"note\">The table holds {} of {} flows: every finding, then documented flows in time order. The JSON and CSV reports have all of them.</p>",
            rows.len(),
            a.flows.len()
        );
    }
    s.push_str("<div class=\"toolbar\"><label>Filter <input id=\"flow-filter\" type=\"search\" placeholder=\"host, address, port, rule\u{2026}\" autocomplete=\"off\"></label><label>Verdict <select id=\"flow-verdict\"><option value=\"\">all</option><option value=\"violation\">violation</option><option value=\"undocumented\">undocumented</option><option value=\"documented\">documented</option></select></label><button id=\"flow-clear\" type=\"button\">Clear</button><span id=\"flow-shown\" class=\"muted\"></span></div>");
    s.push_str("<div class=\"scroll tall\"><table id=\"flows\" class=\"data sortable\"><thead><tr><th data-type=\"num\">#</th><th data-type=\"text\" title=\"UTC; hover a cell for the date\">first seen (UTC)</th><th data-type=\"text\">client</th><th data-type=\"text\">server</th><th data-type=\"text\">service</th><th data-type=\"text\">state</th><th data-type=\"num\">packets</th><th data-type=\"num\">bytes</th><th data-type=\"text\">verdict</th><th data-type=\"text\">evidence</th><th data-type=\"text\">rule</th><th data-type=\"text\">reason</th></tr></thead><tbody>");
    for (i, f) in rows {
        let client = host_label(&f.client_host, f.flow.client);
        let server = host_label(&f.server_host, f.flow.server);
        let client_ep = match f.flow.client_port {
            Some(p) => format!("{}:{p}", f.flow.client),
            None => f.flow.client.to_string(),
        };
        let packets = f.flow.packets_to_server + f.flow.packets_to_client;
        let bytes = f.flow.bytes_to_server + f.flow.bytes_to_client;
        let _ = write!(
            s,
            "<tr class=\"v-{v}\" data-verdict=\"{v}\" data-client=\"{ce}\" data-server=\"{se}\"><td data-v=\"{n}\">{n}</td><td class=\"t\" data-v=\"{first}\" title=\"{first}\">{tod}</td><td><span class=\"host\">{ce}</span><br><span class=\"addr\">{cep}</span></td><td><span class=\"host\">{se}</span><br><span class=\"addr\">{sip}</span></td><td><code>{svc}</code></td><td>{state}</td><td data-v=\"{packets}\" class=\"num\">{packets}</td><td data-v=\"{bytes}\" class=\"num\" title=\"{bytes} bytes\">{hb}</td><td>{badge}</td><td>{ev}</td><td class=\"rule\">{rule}</td><td class=\"reason\" title=\"{reason}\">{reason}</td></tr>",
            v = f.verdict.as_str(),
            n = i + 1,
            first = ts(f.flow.first_seen),
            tod = time_of_day(f.flow.first_seen),
            ce = esc(&client),
            cep = esc(&client_ep),
            se = esc(&server),
            sip = f.flow.server,
            svc = esc(&service(f)),
            state = f.flow.state.as_str(),
            hb = human_bytes(bytes),
            badge = verdict_badge(f.verdict),
            ev = f.evidence.map(|e| e.as_str()).unwrap_or(""),
            rule = opt(&f.rule),
            reason = esc(&f.reason()),
        );
    }
    s.push_str("</tbody></table></div></section>");
}

fn rules_section(input: &ReportInput<'_>, s: &mut String) {
    let a = input.audit;
    s.push_str("<section id=\"rules\"><h2>Rules seen, per pack</h2>");
    for pack in input.rules.packs() {
        let used: Vec<_> = pack
            .rules
            .iter()
            .filter_map(|r| a.rule_use.get(&r.id).map(|u| (r, u)))
            .collect();
        let doc = &pack.document;
        let _ = write!(
            s,
            "<h3>{} <span class=\"muted\">{} \u{2014} {}{}</span></h3>",
            esc(&pack.title),
            esc(&doc.short),
            esc(&doc.title),
            doc.publication
                .as_deref()
                .filter(|p| *p != doc.short)
                .map(|p| format!(", {}", esc(p)))
                .unwrap_or_default()
        );
        if used.is_empty() {
            s.push_str("<p class=\"muted\">No flow matched a rule of this pack.</p>");
            continue;
        }
        s.push_str("<div class=\"scroll\"><table class=\"data\"><thead><tr><th>rule</th><th>kind</th><th>flows</th><th>packets</th><th>purpose</th><th>cite</th></tr></thead><tbody>");
        for (r, u) in used {
            let _ = write!(
                s,
                "<tr><td class=\"rule\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"cite\">{}</td></tr>",
                esc(&r.id),
                r.kind,
                u.flows,
                u.packets,
                esc(&r.purpose),
                esc(&r.cite)
            );
        }
        s.push_str("</tbody></table></div>");
    }
    let _ = write!(
        s,
        "<details><summary>Documented openings never used <span class=\"count\">{}</span></summary>",
        a.unused.len()
    );
    if a.unused.is_empty() {
        s.push_str("<p class=\"muted\">None.</p>");
    } else {
        s.push_str("<p>Rules that apply to hosts of this site but carried no traffic: candidates for closing the firewall opening (least privilege), unless they serve occasional work (the level says). <code>tapaudit firewall --observed</code> lists them host pair by host pair.</p><div class=\"scroll\"><table class=\"data\"><thead><tr><th>rule</th><th>level</th><th>service</th><th>host pairs</th><th>purpose</th><th>cite</th></tr></thead><tbody>");
        for u in &a.unused {
            let _ = write!(
                s,
                "<tr><td class=\"rule\">{}</td><td>{}</td><td><code>{} {}</code></td><td class=\"num\">{}</td><td>{}</td><td class=\"cite\">{}</td></tr>",
                esc(&u.rule),
                esc(&u.level),
                esc(&u.proto),
                esc(&u.ports),
                u.host_pairs,
                esc(&u.purpose),
                esc(&u.cite)
            );
        }
        s.push_str("</tbody></table></div>");
    }
    s.push_str("</details></section>");
}

/// Flattens live-capture statistics (already JSON) into `path: value` lines.
fn flatten(v: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
    if out.len() >= 200 {
        return;
    }
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                flatten(x, p, out);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                flatten(x, format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::String(s) => out.push((path, s.clone())),
        other => out.push((path, other.to_string())),
    }
}

fn coverage(input: &ReportInput<'_>, s: &mut String) {
    let cov = input.coverage;
    let fs = input.flow_stats;
    s.push_str("<section id=\"coverage\"><h2>Capture coverage</h2>");
    let first = cov.files.iter().filter_map(|f| f.first_seen).min();
    let last = cov.files.iter().filter_map(|f| f.last_seen).max();
    let decode_errors: u64 = cov.files.iter().map(|f| f.decode_errors).sum();
    s.push_str("<dl class=\"facts\">");
    let mut fact = |k: &str, v: String| {
        let _ = write!(s, "<div><dt>{k}</dt><dd>{v}</dd></div>");
    };
    fact(
        "complete",
        if cov.complete() {
            "<span class=\"ok\">yes</span>".to_string()
        } else {
            "<span class=\"bad\">no</span>".to_string()
        },
    );
    fact("files", cov.files.len().to_string());
    fact(
        "time span",
        match (first, last) {
            (Some(f), Some(l)) => format!(
                "{} \u{2013} {} <span class=\"muted\">({})</span>",
                ts(f),
                ts(l),
                duration(l.saturating_sub(f))
            ),
            _ => "no packets".to_string(),
        },
    );
    fact(
        "packets",
        format!(
            "<span id=\"n-packets\">{}</span> <span class=\"muted\">({} IP, {})</span>",
            cov.capture.packets,
            cov.capture.ip_packets,
            human_bytes(cov.capture.bytes)
        ),
    );
    fact("decode errors", decode_errors.to_string());
    fact(
        "flows",
        format!(
            "{} <span class=\"muted\">({} finished early: table full)</span>",
            fs.flows, fs.evicted
        ),
    );
    fact(
        "ICMP errors",
        format!(
            "{} <span class=\"muted\">({} quoting no known flow)</span>",
            fs.icmp_errors, fs.icmp_errors_unmatched
        ),
    );
    fact(
        "announced ports",
        format!(
            "{} <span class=\"muted\">({} dropped: table full)</span>",
            fs.expectations.announced, fs.expectations.dropped_full
        ),
    );
    let encrypted = fs.control.get(ControlProtocol::DceRpcEpm).encrypted_pdus;
    if encrypted > 0 {
        fact(
            "encrypted DCE-RPC PDUs",
            format!(
                "{} <span class=\"muted\">(announcements unreadable: range evidence only)</span>",
                encrypted
            ),
        );
    }
    if !cov.capture.non_ip.is_empty() {
        let parts: Vec<String> = cov
            .capture
            .non_ip
            .iter()
            .map(|(k, v)| format!("{}: {v}", esc(k)))
            .collect();
        fact("non-IP frames", parts.join(", "));
    }
    s.push_str("</dl>");
    if cov.in_progress() {
        s.push_str("<p class=\"note\">Live capture still running: this is a periodic report.</p>");
    }
    s.push_str("<div class=\"scroll\"><table class=\"data\"><thead><tr><th>file</th><th>packets</th><th>bytes</th><th>first</th><th>last</th><th>decode errors</th><th>timestamps backwards</th><th>complete</th><th>error</th></tr></thead><tbody>");
    for f in &cov.files {
        let _ = write!(
            s,
            "<tr><td class=\"file\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(&f.file),
            f.packets,
            human_bytes(f.bytes),
            f.first_seen.map(ts).unwrap_or_default(),
            f.last_seen.map(ts).unwrap_or_default(),
            f.decode_errors,
            f.timestamps_backwards,
            if f.complete {
                "<span class=\"ok\">yes</span>"
            } else {
                "<span class=\"bad\">no</span>"
            },
            esc(f.error.as_ref().map(|e| e.message.as_str()).unwrap_or_default()),
        );
    }
    s.push_str("</tbody></table></div>");
    if let Some(live) = &cov.live {
        let mut kv = Vec::new();
        flatten(&crate::json::live_json(live), String::new(), &mut kv);
        s.push_str("<h3>Live capture</h3><div class=\"scroll\"><table class=\"data kv\"><tbody>");
        for (k, v) in kv {
            let _ = write!(s, "<tr><th>{}</th><td>{}</td></tr>", esc(&k), esc(&v));
        }
        s.push_str("</tbody></table></div>");
    }
    s.push_str("</section>");
}

fn summary(input: &ReportInput<'_>, s: &mut String) {
    let a = input.audit;
    let fails = a.fails(tapaudit_audit::FailOn::Missing);
    let complete = input.coverage.complete();
    let _ = write!(
        s,
        "<section id=\"summary\"><div class=\"verdict {cls}\"><div class=\"verdict-word\" id=\"verdict\">{word}</div><div class=\"verdict-text\">{v} violation(s), {u} undocumented flow(s), {m} required flow(s) missing or blocked, out of {n} flow(s).{partial}</div></div>",
        cls = if fails { "fail" } else { "pass" },
        word = if fails { "FAIL" } else { "PASS" },
        v = a.count(Verdict::Violation),
        u = a.count(Verdict::Undocumented),
        m = a.missing.len(),
        n = a.flows.len(),
        partial = if complete {
            ""
        } else {
            " <strong>Partial result: not every input was read to its end (see coverage).</strong>"
        },
    );
    s.push_str("<div class=\"cards\">");
    let mut card = |id: &str, cls: &str, n: usize, label: &str, href: &str| {
        let _ = write!(
            s,
            "<a class=\"card {cls}\" href=\"{href}\"><span class=\"n\" id=\"n-{id}\">{n}</span><span class=\"l\">{label}</span></a>"
        );
    };
    card("flows", "total", a.flows.len(), "flows", "#flows-section");
    card(
        "documented",
        "documented",
        a.count(Verdict::Documented),
        "documented",
        "#flows-section",
    );
    card(
        "undocumented",
        "undocumented",
        a.count(Verdict::Undocumented),
        "undocumented",
        "#findings",
    );
    card(
        "violation",
        "violation",
        a.count(Verdict::Violation),
        "violations",
        "#findings",
    );
    card(
        "missing",
        "missing",
        a.missing.len(),
        "missing or blocked",
        "#findings",
    );
    card(
        "unused",
        "unused",
        a.unused.len(),
        "openings never used",
        "#rules",
    );
    s.push_str("</div><div class=\"breakdown\"><div><h4>Documented by</h4><ul>");
    for e in [
        Evidence::Port,
        Evidence::Negotiated,
        Evidence::Range,
        Evidence::Exception,
    ] {
        let n = a.flows.iter().filter(|f| f.evidence == Some(e)).count();
        let _ = write!(
            s,
            "<li><span>{}</span><b id=\"n-evidence-{}\">{n}</b></li>",
            match e {
                Evidence::Port => "fixed port",
                Evidence::Negotiated => "negotiated port",
                Evidence::Range => "dynamic range only",
                Evidence::Exception => "site exception",
            },
            e.as_str()
        );
    }
    s.push_str("</ul></div><div><h4>Required flows</h4><ul>");
    for st in [
        MissingStatus::NeverSeen,
        MissingStatus::Unanswered,
        MissingStatus::Refused,
        MissingStatus::Blocked,
    ] {
        let _ = write!(
            s,
            "<li><span>{}</span><b id=\"n-missing-{}\">{}</b></li>",
            st.as_str().replace('_', " "),
            st.as_str(),
            a.count_missing(st)
        );
    }
    s.push_str("</ul></div></div></section>");
}

pub(crate) fn write(input: &ReportInput<'_>, out: &mut dyn Write) -> io::Result<()> {
    let site_name = input
        .site
        .map(|s| s.name.as_str())
        .unwrap_or("(no site inventory)");
    let mut s = String::with_capacity(64 * 1024 + input.audit.flows.len().min(MAX_FLOW_ROWS) * 600);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\" data-js=\"off\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"generator\" content=\"tapaudit {ver}\"><title>tapaudit report: {site}</title><style>{STYLE}</style></head><body><header class=\"top\"><div><div class=\"brand\">tapaudit <span>audit report</span></div><h1>{site}</h1><div class=\"muted\">{src}</div></div><nav><a href=\"#summary\">Summary</a><a href=\"#matrix\">Matrix</a><a href=\"#findings\">Findings</a><a href=\"#flows-section\">Flows</a><a href=\"#rules\">Rules</a><a href=\"#coverage\">Coverage</a></nav></header><main><div id=\"js-errors\" class=\"js-errors\" hidden></div>",
        ver = env!("CARGO_PKG_VERSION"),
        site = esc(site_name),
        src = input
            .site
            .map(|x| format!("site file {}", esc(&x.source)))
            .unwrap_or_default(),
    );
    summary(input, &mut s);
    s.push_str("<section id=\"matrix\"><h2>Communication matrix</h2><p class=\"muted\">Each row opens connections to each column; a cell takes the colour of its worst verdict. Hover for the services; click to filter the flow table.</p><div class=\"legend\"><span><i class=\"violation\"></i>violation</span><span><i class=\"undocumented\"></i>undocumented</span><span><i class=\"missing\"></i>required flow missing or blocked</span><span><i class=\"documented\"></i>documented</span><span><i class=\"outside\"></i>address not in the inventory (red italic)</span></div><div class=\"matrix-layout\"><div class=\"scroll matrix-wrap\">");
    let links = matrix_svg(input, &mut s);
    s.push_str("</div>");
    links_list(&links, &mut s);
    s.push_str("</div></section>");
    findings(input, &mut s);
    flow_table(input, &mut s);
    rules_section(input, &mut s);
    coverage(input, &mut s);
    s.push_str("<footer>");
    let docs: Vec<String> = input
        .rules
        .packs()
        .iter()
        .map(|p| format!("{} ({})", esc(&p.document.short), esc(&p.document.title)))
        .collect();
    let _ = write!(
        s,
        "Written by tapaudit {} from the captures listed above and the documents {}. Same input, same page.",
        env!("CARGO_PKG_VERSION"),
        docs.join(", ")
    );
    let _ = writeln!(s, "</footer></main><script>{SCRIPT}</script></body></html>");
    out.write_all(s.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<script>alert('x\")</script>&"),
            "&lt;script&gt;alert(&#39;x&quot;)&lt;/script&gt;&amp;"
        );
        assert_eq!(esc("a\u{0}b"), "a\u{FFFD}b");
    }

    #[test]
    fn assets_do_not_close_their_element_early() {
        assert!(!SCRIPT.contains("</script"));
        assert!(!STYLE.contains("</style"));
        assert!(!SCRIPT.contains("http:") && !SCRIPT.contains("https:"));
        assert!(!STYLE.contains("url("));
    }
}
