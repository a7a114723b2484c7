//! `tapaudit rules list`: every rule with its citation, as a table or JSON.

use serde::Serialize;

use crate::model::Rule;
use crate::ruleset::RuleSet;

#[derive(Serialize)]
struct Listing<'a> {
    packs: Vec<PackListing<'a>>,
}

#[derive(Serialize)]
struct PackListing<'a> {
    id: &'a str,
    title: &'a str,
    document: &'a crate::model::Document,
    source: &'a str,
    roles: &'a [crate::model::Role],
    ranges: &'a [crate::model::NamedRange],
    rules: &'a [Rule],
}

/// The rules as JSON: `{"packs": [{id, title, document, source, roles, ranges, rules}]}`.
pub fn render_list_json(rules: &RuleSet) -> Result<String, serde_json::Error> {
    let listing = Listing {
        packs: rules
            .packs()
            .iter()
            .map(|p| PackListing {
                id: &p.id,
                title: &p.title,
                document: &p.document,
                source: &p.source,
                roles: &p.roles,
                ranges: &p.ranges,
                rules: &p.rules,
            })
            .collect(),
    };
    serde_json::to_string_pretty(&listing)
}

/// The rules as a plain-text table, one line per rule, packs in load order.
pub fn render_list_table(rules: &RuleSet) -> String {
    let header = [
        "RULE", "KIND", "FROM", "TO", "PROTO", "PORTS", "LEVEL", "CITE",
    ];
    let mut rows: Vec<[String; 8]> = Vec::new();
    for r in rules.rules() {
        let mut ports = r.ports.to_string();
        if let Some(n) = r.negotiated_by {
            ports.push_str(&format!(" (via {n})"));
        }
        if r.configurable {
            ports.push('*');
        }
        rows.push([
            r.id.clone(),
            r.kind.to_string(),
            r.from.join(","),
            r.to.join(","),
            r.protocols_text(),
            if ports.is_empty() { "-".into() } else { ports },
            match r.kind {
                crate::RuleKind::Deny => "-".to_string(),
                crate::RuleKind::Allow => r.level.name().to_string(),
            },
            r.cite.clone(),
        ]);
    }
    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row.iter()) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        let last = cells.len().saturating_sub(1);
        for (i, (cell, w)) in cells.iter().zip(widths.iter()).enumerate() {
            out.push_str(cell);
            if i < last {
                let pad = w.saturating_sub(cell.chars().count()) + 2;
                out.push_str(&" ".repeat(pad));
            }
        }
        out.push('\n');
    };
    line(&header.map(String::from));
    for row in &rows {
        line(row);
    }
    out.push_str(&format!(
        "{} rules; * = port configurable per site\n",
        rows.len()
    ));
    out
}
