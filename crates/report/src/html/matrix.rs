//! The communication matrix: rows open connections, columns answer them; a cell takes the
//! colour of its worst verdict. Made in three steps: the model (hosts and cells, from the
//! flows and the missing required flows), the layout (sizes from the longest label), and
//! the drawing (an inline SVG), with the list of host pairs with findings beside it.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::net::IpAddr;

use tapaudit_audit::Verdict;

use super::esc;
use crate::view::{ReportView, Service};

/// Hosts in the matrix at most; past that, only hosts with traffic or findings.
const MAX_MATRIX_NODES: usize = 60;
/// Addresses outside the inventory drawn one by one; the rest share one row.
const MAX_OUTSIDE_NODES: usize = 20;
/// Host pairs listed beside the matrix at most.
const MAX_LINKS: usize = 40;
/// Lines of a cell's tooltip at most.
const MAX_TIP_LINES: usize = 12;
/// Characters of a host label at most (longer ones end in an ellipsis).
const MAX_LABEL_CHARS: usize = 28;

pub(super) fn write(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    out.write_all(b"<section id=\"matrix\"><h2>Communication matrix</h2><p class=\"muted\">Each row opens connections to each column; a cell takes the colour of its worst verdict. Hover for the services; click to filter the flow table.</p><div class=\"legend\"><span><i class=\"violation\"></i>violation</span><span><i class=\"undocumented\"></i>undocumented</span><span><i class=\"missing\"></i>required flow missing or blocked</span><span><i class=\"documented\"></i>documented</span><span><i class=\"outside\"></i>address not in the inventory (red italic)</span></div><div class=\"matrix-layout\"><div class=\"scroll matrix-wrap\">")?;
    let matrix = Matrix::new(view);
    if matrix.shown.is_empty() {
        out.write_all(b"<p class=\"muted\">No hosts to draw: no flows and no inventory.</p>")?;
    } else {
        draw(&matrix, &Layout::new(&matrix), out)?;
        if let Some(note) = &matrix.left_out {
            write!(out, "<p class=\"muted\">{}</p>", esc(note))?;
        }
    }
    out.write_all(b"</div>")?;
    write_links(&matrix.links(), out)?;
    out.write_all(b"</div></section>")
}

// ---- The model

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

/// The hosts of the matrix: the inventory's, in its order, then the addresses outside it.
struct Nodes {
    nodes: Vec<Node>,
    /// Node by label.
    index: HashMap<String, usize>,
    /// Addresses not in the inventory, sorted.
    outside: Vec<IpAddr>,
    /// The nodes of the first [`MAX_OUTSIDE_NODES`] of `outside`.
    first_outside: Vec<usize>,
    /// The node "other addresses" that the rest of `outside` share.
    other: Option<usize>,
}

impl Nodes {
    fn new(view: &ReportView<'_>) -> Self {
        let mut nodes: Vec<Node> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        if let Some(site) = view.site {
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
        // Addresses not in the inventory, sorted. The first MAX_OUTSIDE_NODES get a node
        // each; the rest share the node "other addresses" (a flood from spoofed sources
        // brings a million of them: 17 bytes each, no map, no string).
        let mut outside: Vec<IpAddr> = view
            .audit
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
        let first_outside: Vec<usize> = outside
            .iter()
            .take(MAX_OUTSIDE_NODES)
            .map(|ip| add_node(ip.to_string(), ip.to_string()))
            .collect();
        let other = (outside.len() > MAX_OUTSIDE_NODES).then(|| {
            add_node(
                "other addresses".to_string(),
                format!("{} more addresses", outside.len() - MAX_OUTSIDE_NODES),
            )
        });
        Nodes {
            nodes,
            index,
            outside,
            first_outside,
            other,
        }
    }

    /// The node of one end of a flow.
    fn of(&self, name: &Option<String>, ip: IpAddr) -> Option<usize> {
        match name {
            Some(n) => self.index.get(n).copied(),
            None => match self.outside.binary_search(&ip) {
                Ok(rank) => self.first_outside.get(rank).copied().or(self.other),
                Err(_) => None,
            },
        }
    }
}

struct Matrix {
    nodes: Vec<Node>,
    /// (client node, server node) -> what went between them.
    cells: BTreeMap<(usize, usize), Cell>,
    /// The nodes drawn, in order.
    shown: Vec<usize>,
    /// Which hosts a large site leaves out.
    left_out: Option<String>,
}

impl Matrix {
    fn new(view: &ReportView<'_>) -> Self {
        let nodes = Nodes::new(view);
        let mut cells: BTreeMap<(usize, usize), Cell> = BTreeMap::new();
        for f in &view.audit.flows {
            let (Some(c), Some(sv)) = (
                nodes.of(&f.client_host, f.flow.client),
                nodes.of(&f.server_host, f.flow.server),
            ) else {
                continue;
            };
            let cell = cells.entry((c, sv)).or_default();
            cell.flows += 1;
            cell.mark(
                Worst::of(f.verdict),
                format!("{} {}", Service::of(f), f.verdict.as_str()),
            );
        }
        for m in &view.audit.missing {
            let (Some(&c), Some(&sv)) = (
                nodes.index.get(&m.client_host),
                nodes.index.get(&m.server_host),
            ) else {
                continue;
            };
            cells.entry((c, sv)).or_default().mark(
                Worst::Missing,
                format!("{} {} {} ({})", m.proto, m.ports, m.status.as_str(), m.rule),
            );
        }
        let nodes = nodes.nodes;
        // Large sites: keep the hosts that appear in a cell.
        let mut shown: Vec<usize> = (0..nodes.len()).collect();
        let mut left_out = None;
        if nodes.len() > MAX_MATRIX_NODES {
            let active: BTreeSet<usize> = cells.keys().flat_map(|(c, s)| [*c, *s]).collect();
            shown.retain(|i| active.contains(i));
            left_out = Some(format!(
                "{} of {} hosts without any flow or finding are left out.",
                nodes.len() - shown.len(),
                nodes.len()
            ));
        }
        Matrix {
            nodes,
            cells,
            shown,
            left_out,
        }
    }

    /// The host pairs whose worst verdict is not "documented", most severe first.
    fn links(&self) -> Vec<Link> {
        let mut links: Vec<Link> = self
            .cells
            .iter()
            .filter(|(_, c)| c.worst.is_some_and(|w| w > Worst::Documented))
            .filter_map(|((ci, si), c)| {
                Some(Link {
                    worst: c.worst?,
                    client: self.nodes.get(*ci)?.label.clone(),
                    server: self.nodes.get(*si)?.label.clone(),
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
        links
    }
}

// ---- The layout

/// Sizes of the drawing, in pixels.
struct Layout {
    cell: usize,
    /// Width of the row labels.
    left: usize,
    /// Height of the column labels.
    top: usize,
    width: usize,
    height: usize,
}

impl Layout {
    fn new(m: &Matrix) -> Self {
        let cell = 26usize;
        let char_px = 7.0f64;
        let max_label = m
            .shown
            .iter()
            .filter_map(|&i| m.nodes.get(i))
            .map(|n| n.label.chars().count().min(MAX_LABEL_CHARS))
            .max()
            .unwrap_or(4);
        let left = (max_label as f64 * char_px + 16.0).ceil() as usize;
        // Column labels are turned 55 degrees: their height and their lean to the right.
        let lean = max_label as f64 * char_px;
        let top = (lean * 0.82 + 16.0).ceil() as usize;
        let n = m.shown.len();
        Layout {
            cell,
            left,
            top,
            width: left + n * cell + (lean * 0.58).ceil() as usize + 8,
            height: top + n * cell + 8,
        }
    }
}

/// A label cut to [`MAX_LABEL_CHARS`], with an ellipsis when cut.
fn short(l: &str) -> String {
    if l.chars().count() > MAX_LABEL_CHARS {
        let t: String = l.chars().take(MAX_LABEL_CHARS - 1).collect();
        format!("{t}\u{2026}")
    } else {
        l.to_string()
    }
}

// ---- The drawing

fn draw(m: &Matrix, layout: &Layout, out: &mut impl Write) -> io::Result<()> {
    let (width, height) = (layout.width, layout.height);
    write!(
        out,
        "<svg class=\"matrix\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"matrix-title\"><title id=\"matrix-title\">Communication matrix: rows open connections to columns</title>"
    )?;
    draw_labels(m, layout, out)?;
    for (row, &ci) in m.shown.iter().enumerate() {
        for (col, &si) in m.shown.iter().enumerate() {
            let (Some(client), Some(server)) = (m.nodes.get(ci), m.nodes.get(si)) else {
                continue;
            };
            let x = layout.left + col * layout.cell;
            let y = layout.top + row * layout.cell;
            match m.cells.get(&(ci, si)) {
                Some(cell) => draw_cell(client, server, cell, (x, y), layout, out)?,
                None => write!(
                    out,
                    "<rect class=\"{}\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{w}\" rx=\"3\"/>",
                    if ci == si { "self" } else { "empty" },
                    w = layout.cell - 2
                )?,
            }
        }
    }
    out.write_all(b"</svg>")
}

/// A label per host: at the left of its row, and turned above its column.
fn draw_labels(m: &Matrix, layout: &Layout, out: &mut impl Write) -> io::Result<()> {
    let cell = layout.cell;
    for (row, &i) in m.shown.iter().enumerate() {
        let Some(node) = m.nodes.get(i) else { continue };
        let class = if node.outside { " outside" } else { "" };
        let title = esc(&format!("{} ({})", node.label, node.addresses));
        let text = esc(&short(&node.label));
        let y = layout.top + row * cell;
        write!(
            out,
            "<text class=\"lbl{class}\" x=\"{}\" y=\"{}\" text-anchor=\"end\"><title>{title}</title>{text}</text>",
            layout.left - 8,
            y + cell / 2 + 4,
        )?;
        let x = layout.left + row * cell + cell / 2 + 4;
        write!(
            out,
            "<text class=\"lbl{class}\" transform=\"translate({x},{}) rotate(-55)\"><title>{title}</title>{text}</text>",
            layout.top - 6,
        )?;
    }
    Ok(())
}

/// A cell with traffic or a finding: its colour, its tooltip, and its count of flows (`!`
/// for a finding without flows).
fn draw_cell(
    client: &Node,
    server: &Node,
    cell: &Cell,
    (x, y): (usize, usize),
    layout: &Layout,
    out: &mut impl Write,
) -> io::Result<()> {
    let worst = cell.worst.unwrap_or(Worst::Documented);
    let mut tip = format!("{} \u{2192} {}", client.label, server.label);
    for l in cell.lines.iter().take(MAX_TIP_LINES) {
        tip.push('\n');
        tip.push_str(l);
    }
    if cell.lines.len() > MAX_TIP_LINES {
        let _ = write!(tip, "\n\u{2026} {} more", cell.lines.len() - MAX_TIP_LINES);
    }
    let w = layout.cell - 2;
    write!(
        out,
        "<g class=\"cell {cls}\" data-client=\"{c}\" data-server=\"{sv}\" tabindex=\"0\"><title>{tip}</title><rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{w}\" rx=\"3\"/>",
        cls = worst.class(),
        c = esc(&client.label),
        sv = esc(&server.label),
        tip = esc(&tip),
    )?;
    let count = match cell.flows {
        0 => "!".to_string(),
        n if n > 99 => "99+".to_string(),
        n => n.to_string(),
    };
    write!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{count}</text></g>",
        x + w / 2,
        y + layout.cell / 2 + 3,
    )
}

/// The host pairs with findings, beside the matrix.
fn write_links(links: &[Link], out: &mut impl Write) -> io::Result<()> {
    out.write_all(b"<aside class=\"links\"><h4>Host pairs with findings</h4>")?;
    if links.is_empty() {
        out.write_all(
            b"<p class=\"muted\">None: every flow between these hosts is documented.</p>",
        )?;
    } else {
        out.write_all(b"<ul>")?;
        for l in links.iter().take(MAX_LINKS) {
            write!(
                out,
                "<li class=\"{}\"><span class=\"dot {}\"></span><div><b>{}</b> \u{2192} <b>{}</b><br><span class=\"muted\">{}</span></div></li>",
                l.worst.class(),
                l.worst.class(),
                esc(&l.client),
                esc(&l.server),
                esc(&l.lines.join(", "))
            )?;
        }
        out.write_all(b"</ul>")?;
        if links.len() > MAX_LINKS {
            write!(
                out,
                "<p class=\"muted\">\u{2026} and {} more.</p>",
                links.len() - MAX_LINKS
            )?;
        }
    }
    out.write_all(b"</aside>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_are_cut_with_an_ellipsis() {
        let exact = "a".repeat(MAX_LABEL_CHARS);
        assert_eq!(short(&exact), exact);
        let long = "é".repeat(MAX_LABEL_CHARS + 1);
        let cut = short(&long);
        assert_eq!(cut.chars().count(), MAX_LABEL_CHARS);
        assert!(cut.ends_with('\u{2026}'));
    }

    #[test]
    fn cells_take_their_worst_verdict() {
        let mut c = Cell::default();
        c.mark(Worst::Undocumented, "tcp/1 undocumented".into());
        c.mark(Worst::Documented, "tcp/2 documented".into());
        c.mark(Worst::Missing, "tcp 3 never_seen (r)".into());
        assert_eq!(c.worst, Some(Worst::Undocumented));
        assert_eq!(c.lines.len(), 3);
    }
}
