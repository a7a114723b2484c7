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
        if !r.negotiated_by.is_empty() {
            let via: Vec<&str> = r.negotiated_by.iter().map(|n| n.as_str()).collect();
            ports.push_str(&format!(" (via {})", via.join(" or ")));
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

/// One role declaration, as `tapaudit rules roles` lists it.
#[derive(Serialize)]
struct RoleListing<'a> {
    id: &'a str,
    pack: &'a str,
    description: &'a str,
    /// The roles it names in `implies`.
    implies: &'a [String],
    /// Every role a host of this role has, itself excepted (after `implies`, transitively).
    implied_all: Vec<String>,
    /// What its software runs on (`windows`, `linux`, `vxworks`, `firmware`), when the pack
    /// says; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    platform: Option<&'static str>,
}

fn role_listings(rules: &RuleSet) -> Vec<RoleListing<'_>> {
    let mut out: Vec<RoleListing<'_>> = Vec::new();
    for p in rules.packs() {
        for r in &p.roles {
            let implied_all = rules
                .expand_roles(std::slice::from_ref(&r.id))
                .into_iter()
                .filter(|x| x != &r.id)
                .collect();
            out.push(RoleListing {
                id: &r.id,
                pack: &p.id,
                description: &r.description,
                implies: &r.implies,
                implied_all,
                platform: r.platform.map(|p| p.as_str()),
            });
        }
    }
    out.sort_by(|a, b| (a.id, a.pack).cmp(&(b.id, b.pack)));
    out
}

/// Every role of the loaded packs as JSON: `{"roles": [{id, pack, description, implies,
/// implied_all, platform (when declared)}]}`, sorted by id then pack (a role two packs declare appears twice).
pub fn render_roles_json(rules: &RuleSet) -> Result<String, serde_json::Error> {
    #[derive(Serialize)]
    struct Roles<'a> {
        roles: Vec<RoleListing<'a>>,
    }
    serde_json::to_string_pretty(&Roles {
        roles: role_listings(rules),
    })
}

/// Longest description shown in the roles table (the JSON has all of it).
const ROLE_DESCRIPTION_WIDTH: usize = 72;

/// The first sentence of a description, cut to [`ROLE_DESCRIPTION_WIDTH`] characters.
fn short_description(d: &str) -> String {
    let first = match d.find(". ") {
        Some(i) => &d[..=i],
        None => d,
    };
    let first = first.trim();
    if first.chars().count() <= ROLE_DESCRIPTION_WIDTH {
        first.to_string()
    } else {
        let cut: String = first.chars().take(ROLE_DESCRIPTION_WIDTH - 3).collect();
        format!("{}...", cut.trim_end())
    }
}

/// Every role of the loaded packs as a plain-text table: id, pack, platform, implied roles,
/// and the first sentence of the description. Sorted by id.
pub fn render_roles_table(rules: &RuleSet) -> String {
    let header = ["ROLE", "PACK", "PLATFORM", "IMPLIES", "DESCRIPTION"];
    let rows: Vec<[String; 5]> = role_listings(rules)
        .into_iter()
        .map(|r| {
            [
                r.id.to_string(),
                r.pack.to_string(),
                r.platform.unwrap_or("-").to_string(),
                if r.implied_all.is_empty() {
                    "-".to_string()
                } else {
                    r.implied_all.join(",")
                },
                short_description(r.description),
            ]
        })
        .collect();
    let mut out = table(&header.map(String::from), &rows);
    out.push_str(&format!(
        "{} roles; `tapaudit rules roles --format json` gives full descriptions\n",
        rows.len()
    ));
    out
}

/// Columns padded to their widest cell, two spaces apart; the last column is not padded.
fn table<const N: usize>(header: &[String; N], rows: &[[String; N]]) -> String {
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row.iter()) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for cells in std::iter::once(header).chain(rows.iter()) {
        let last = cells.len().saturating_sub(1);
        for (i, (cell, w)) in cells.iter().zip(widths.iter()).enumerate() {
            out.push_str(cell);
            if i < last {
                out.push_str(&" ".repeat(w.saturating_sub(cell.chars().count()) + 2));
            }
        }
        out.push('\n');
    }
    out
}

/// `tapaudit rules list` (or `roles` with `roles`) as a table or, with `json`, as JSON
/// ending in a newline.
pub fn render_listing(
    rules: &RuleSet,
    roles: bool,
    json: bool,
) -> Result<String, serde_json::Error> {
    Ok(match (json, roles) {
        (false, false) => render_list_table(rules),
        (true, false) => render_list_json(rules)? + "\n",
        (false, true) => render_roles_table(rules),
        (true, true) => render_roles_json(rules)? + "\n",
    })
}
