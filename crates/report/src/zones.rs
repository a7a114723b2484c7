//! The zones and conduits section (IEC 62443-3-2 zones, 62443-3-3 SR 5.1/5.2): the site's
//! zones, the zone-by-zone matrix of flows, crossings outside any conduit (findings) and
//! attempts, and conduits that carried nothing. Absent when the site has no zones.
//!
//! The rows are made once here ([`ZoneRows`]); the Markdown and JSON printers are here too,
//! the HTML one in `html/zones.rs`.

use std::io::{self, Write};

use serde::Serialize;
use tapaudit_audit::{ConduitUse, ZoneAudit, ZoneCell, ZoneCrossing};
use tapaudit_rules::{Conduit, Site, Zone};

use crate::markdown::cell;
use crate::view::{timestamp as ts, ReportView};

/// One intro sentence for every format.
pub(crate) const INTRO: &str = "Zones and conduits of the site file. A flow whose ends are in two zones crosses a zone boundary; a conduit carries it when the conduit goes from the initiator's zone to the responder's and names its service or the rule that documents it. A crossing outside any conduit that was answered is a finding, even when a vendor document allows the flow or an exception accepts it; attempts that were never answered, refused or blocked are listed, not findings. Addresses in no zone are in \"outside\".";

/// The section's facts, for every printer.
pub(crate) struct ZoneRows<'a> {
    pub audit: &'a ZoneAudit,
    pub site: &'a Site,
}

impl<'a> ZoneRows<'a> {
    /// None when the site has no zones.
    pub fn of(view: &ReportView<'a>) -> Option<ZoneRows<'a>> {
        Some(ZoneRows {
            audit: view.audit.zones.as_ref()?,
            site: view.site?,
        })
    }

    pub fn findings(&self) -> usize {
        self.audit.findings().count()
    }

    /// The site's zones with the flows inside each.
    pub fn zones(&self) -> impl Iterator<Item = (&'a Zone, u64)> + '_ {
        self.site.zones.iter().enumerate().map(|(i, z)| {
            let inside = self.audit.matrix.get(&(i, i)).map_or(0, |c| c.all.flows);
            (z, inside)
        })
    }

    /// The matrix cell from zone `a` to zone `b` (indices into `audit.zones`).
    pub fn cell(&self, a: usize, b: usize) -> Option<&'a ZoneCell> {
        self.audit.matrix.get(&(a, b))
    }

    /// The conduits with their site entries.
    pub fn conduits(&self) -> impl Iterator<Item = (&'a Conduit, &'a ConduitUse)> + '_ {
        self.audit
            .conduits
            .iter()
            .filter_map(|u| Some((self.site.conduits.get(u.index)?, u)))
    }
}

/// A zone's members as written: host names, then blocks.
pub(crate) fn members(z: &Zone) -> String {
    z.hosts
        .iter()
        .cloned()
        .chain(z.nets.iter().map(|n| n.to_string()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a conduit carries, in words: its services and rules.
pub(crate) fn carries(c: &Conduit) -> String {
    let mut parts: Vec<String> = c.services.iter().map(|s| s.to_string()).collect();
    parts.extend(c.rules.iter().map(|r| format!("rule {r}")));
    parts.join(", ")
}

/// A crossing cell in words: `5: 3 in conduits, 1 outside, 1 attempt(s)`; an inside cell
/// is its flow count.
pub(crate) fn cell_text(c: &ZoneCell, crossing: bool) -> String {
    if !crossing {
        return c.all.flows.to_string();
    }
    let mut parts = Vec::new();
    if c.in_conduit > 0 {
        parts.push(format!("{} in conduits", c.in_conduit));
    }
    if c.outside_conduit > 0 {
        parts.push(format!("{} outside any conduit", c.outside_conduit));
    }
    if c.attempts > 0 {
        parts.push(format!("{} attempt(s)", c.attempts));
    }
    format!("{}: {}", c.all.flows, parts.join(", "))
}

/// A crossing's finding id; None for attempts only.
pub(crate) fn finding_id(c: &ZoneCrossing) -> Option<String> {
    c.is_finding().then(|| c.key().id())
}

pub(crate) fn write_markdown(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let Some(rows) = ZoneRows::of(view) else {
        return Ok(());
    };
    let z = rows.audit;
    writeln!(out, "## Zones and conduits")?;
    writeln!(out)?;
    writeln!(out, "{INTRO}")?;
    writeln!(out)?;
    writeln!(out, "| zone | SL-T | members | flows inside | defined at |")?;
    writeln!(out, "|---|---:|---|---:|---|")?;
    for (zone, inside) in rows.zones() {
        writeln!(
            out,
            "| {} | {} | {} | {inside} | {} |",
            cell(&zone.name),
            zone.security_level
                .map(|l| l.to_string())
                .unwrap_or_default(),
            cell(&members(zone)),
            cell(&zone.defined_at.to_string()),
        )?;
    }
    writeln!(out)?;

    writeln!(out, "### Zone matrix")?;
    writeln!(out)?;
    writeln!(
        out,
        "Flows by the initiator's zone (rows) and the responder's (columns)."
    )?;
    writeln!(out)?;
    write!(out, "| from \\ to |")?;
    for name in &z.zones {
        write!(out, " {} |", cell(name))?;
    }
    writeln!(out)?;
    write!(out, "|---|")?;
    for _ in &z.zones {
        write!(out, "---|")?;
    }
    writeln!(out)?;
    for (a, from) in z.zones.iter().enumerate() {
        write!(out, "| **{}** |", cell(from))?;
        for b in 0..z.zones.len() {
            let text = rows
                .cell(a, b)
                .map(|c| cell_text(c, a != b))
                .unwrap_or_default();
            write!(out, " {} |", cell(&text))?;
        }
        writeln!(out)?;
    }
    writeln!(out)?;

    writeln!(out, "### Crossings outside any conduit")?;
    writeln!(out)?;
    if z.crossings.is_empty() {
        writeln!(out, "None.")?;
    } else {
        writeln!(
            out,
            "| finding | from zone | to zone | client | server | service | answered flows | attempts | first seen | documented by |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---:|---:|---|---|")?;
        for c in &z.crossings {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                finding_id(c).unwrap_or_else(|| "(attempts only)".into()),
                cell(&c.from_zone),
                cell(&c.to_zone),
                cell(&c.client),
                cell(&c.server),
                cell(&c.service),
                c.answered.flows,
                c.attempts,
                ts(c.first_seen),
                cell(&c.documented_by.join(", ")),
            )?;
        }
    }
    writeln!(out)?;

    writeln!(out, "### Conduits")?;
    writeln!(out)?;
    if rows.site.conduits.is_empty() {
        writeln!(
            out,
            "The site names no conduit: every crossing is outside one."
        )?;
    } else {
        writeln!(
            out,
            "| conduit | from | to | carries | flows | packets | status | reason | defined at |"
        )?;
        writeln!(out, "|---|---|---|---|---:|---:|---|---|---|")?;
        for (c, u) in rows.conduits() {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                cell(&c.name),
                cell(&c.from),
                cell(&c.to),
                cell(&carries(c)),
                u.carried.flows,
                u.carried.packets,
                if u.carried.flows == 0 {
                    "**carried nothing**"
                } else {
                    "used"
                },
                cell(c.reason.as_deref().unwrap_or("")),
                cell(&c.defined_at.to_string()),
            )?;
        }
    }
    writeln!(out)
}

#[derive(Serialize)]
struct ZoneOut<'a> {
    name: &'a str,
    security_level: Option<u8>,
    hosts: &'a [String],
    nets: Vec<String>,
    flows_inside: u64,
    defined_at: String,
}

#[derive(Serialize)]
struct CellOut<'a> {
    from: &'a str,
    to: &'a str,
    flows: u64,
    packets: u64,
    bytes: u64,
    in_conduit: u64,
    outside_conduit: u64,
    attempts: u64,
}

#[derive(Serialize)]
struct CrossingOut<'a> {
    finding: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    known: Option<bool>,
    from_zone: &'a str,
    to_zone: &'a str,
    client: &'a str,
    server: &'a str,
    service: &'a str,
    answered_flows: u64,
    packets: u64,
    bytes: u64,
    attempts: u64,
    first_seen: String,
    last_seen: String,
    documented_by: &'a [String],
}

#[derive(Serialize)]
struct ConduitOut<'a> {
    name: &'a str,
    from: &'a str,
    to: &'a str,
    services: Vec<String>,
    rules: &'a [String],
    reason: Option<&'a str>,
    defined_at: String,
    flows: u64,
    packets: u64,
    bytes: u64,
    status: &'static str,
}

/// The JSON report's `zones` object (docs/report-schema.md); None without zones.
#[derive(Serialize)]
pub(crate) struct ZonesJson<'a> {
    findings: usize,
    zones: Vec<ZoneOut<'a>>,
    matrix: Vec<CellOut<'a>>,
    crossings: Vec<CrossingOut<'a>>,
    conduits: Vec<ConduitOut<'a>>,
}

impl<'a> ZonesJson<'a> {
    pub fn of(view: &ReportView<'a>) -> Option<ZonesJson<'a>> {
        let rows = ZoneRows::of(view)?;
        let z = rows.audit;
        let known = |c: &ZoneCrossing| {
            let b = view.baseline.as_ref()?;
            c.is_finding().then(|| b.baseline.knows(&c.key().id()))
        };
        Some(ZonesJson {
            findings: rows.findings(),
            zones: rows
                .zones()
                .map(|(zone, inside)| ZoneOut {
                    name: &zone.name,
                    security_level: zone.security_level,
                    hosts: &zone.hosts,
                    nets: zone.nets.iter().map(|n| n.to_string()).collect(),
                    flows_inside: inside,
                    defined_at: zone.defined_at.to_string(),
                })
                .collect(),
            matrix: z
                .matrix
                .iter()
                .map(|(&(a, b), c)| CellOut {
                    from: &z.zones[a],
                    to: &z.zones[b],
                    flows: c.all.flows,
                    packets: c.all.packets,
                    bytes: c.all.bytes,
                    in_conduit: c.in_conduit,
                    outside_conduit: c.outside_conduit,
                    attempts: c.attempts,
                })
                .collect(),
            crossings: z
                .crossings
                .iter()
                .map(|c| CrossingOut {
                    finding: finding_id(c),
                    known: known(c),
                    from_zone: &c.from_zone,
                    to_zone: &c.to_zone,
                    client: &c.client,
                    server: &c.server,
                    service: &c.service,
                    answered_flows: c.answered.flows,
                    packets: c.answered.packets,
                    bytes: c.answered.bytes,
                    attempts: c.attempts,
                    first_seen: ts(c.first_seen),
                    last_seen: ts(c.last_seen),
                    documented_by: &c.documented_by,
                })
                .collect(),
            conduits: rows
                .conduits()
                .map(|(c, u)| ConduitOut {
                    name: &c.name,
                    from: &c.from,
                    to: &c.to,
                    services: c.services.iter().map(|s| s.to_string()).collect(),
                    rules: &c.rules,
                    reason: c.reason.as_deref(),
                    defined_at: c.defined_at.to_string(),
                    flows: u.carried.flows,
                    packets: u.carried.packets,
                    bytes: u.carried.bytes,
                    status: if u.carried.flows == 0 {
                        "unused"
                    } else {
                        "used"
                    },
                })
                .collect(),
        })
    }
}
