//! The draft as a commented site file.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::net::IpAddr;

use tapaudit_flow::FlowRecord;
use tapaudit_rules::{RuleSet, Site};

use crate::names::Names;
use crate::roles::{answered, participants, suggest_roles, unicast, HostEvidence};

/// What a draft is made from.
pub struct DraftInput<'a> {
    pub rules: &'a RuleSet,
    pub flows: &'a [FlowRecord],
    pub names: &'a Names,
    /// The capture files, named in the header.
    pub captures: &'a [String],
    /// An existing site and its text: kept as written; only new hosts are added.
    pub existing: Option<(&'a Site, &'a str)>,
}

/// Text of a TOML basic string: quoted, with `"` `\` and control characters escaped.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Wire text made safe for a comment line: no control characters, at most 120 characters.
fn comment_text(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(120)
        .collect()
}

/// A host name from a wire name: its first label, `[a-z0-9-]`, at most 40 characters.
fn host_name_from(wire: &str) -> Option<String> {
    let first = wire.split('.').next().unwrap_or("");
    let mut out = String::new();
    for c in first.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out: String = out.trim_matches('-').chars().take(40).collect();
    let out = out.trim_end_matches('-').to_string();
    (!out.is_empty() && out.parse::<IpAddr>().is_err() && !out.chars().all(|c| c.is_ascii_digit()))
        .then_some(out)
}

fn name_from_address(ip: IpAddr) -> String {
    let text = ip.to_string().replace([':', '.'], "-");
    format!("host-{}", text.trim_matches('-'))
}

/// The draft's text. Deterministic.
pub fn draft(input: &DraftInput<'_>) -> String {
    let rules = input.rules;
    let existing = input.existing.map(|(s, _)| s);
    let seen = participants(input.flows);
    let new_hosts: BTreeSet<IpAddr> = seen
        .iter()
        .copied()
        .filter(|ip| existing.is_none_or(|s| s.host_for(*ip).is_none()))
        .collect();
    let evidence = suggest_roles(rules, existing, input.flows, &seen);

    let mut out = String::new();
    let captures = input.captures.join(", ");
    let mut used_names: BTreeSet<String> = BTreeSet::new();
    match input.existing {
        Some((site, text)) => {
            out.push_str(text);
            if !text.ends_with('\n') {
                out.push('\n');
            }
            used_names.extend(site.hosts.iter().map(|h| h.name.clone()));
            let _ = writeln!(
                out,
                "\n# ---- Added by `tapaudit site draft --site` from {}: {} new address(es).",
                comment_text(&captures),
                new_hosts.len()
            );
            disagreements(&mut out, rules, site, &evidence);
        }
        None => {
            let _ = writeln!(
                out,
                "# Site drafted by `tapaudit site draft` from {}.\n\
                 # {} flows, {} addresses that took part. Every role below is a suggestion from the\n\
                 # rule packs, with its evidence: review each host, rename it, then check the file\n\
                 # with `tapaudit rules check --site FILE`.\n",
                comment_text(&captures),
                input.flows.len(),
                seen.len()
            );
            let _ = writeln!(
                out,
                "[site]\nname = {}\ndescription = {}\n",
                toml_string("Drafted from traffic"),
                toml_string(&format!("Drafted by tapaudit site draft from {captures}"))
            );
        }
    }
    not_hosts(&mut out, input.flows, &seen);

    for ip in &new_hosts {
        let names: Vec<(crate::NameSource, &str)> = input.names.of(*ip).collect();
        let base = names
            .iter()
            .find_map(|(_, n)| host_name_from(n))
            .unwrap_or_else(|| name_from_address(*ip));
        let mut name = base.clone();
        let mut i = 2;
        while used_names.contains(&name) {
            name = format!("{base}-{i}");
            i += 1;
        }
        used_names.insert(name.clone());
        let ev = evidence.get(ip).cloned().unwrap_or_default();
        host_block(&mut out, &name, *ip, &names, &ev);
    }
    out
}

fn host_block(
    out: &mut String,
    name: &str,
    ip: IpAddr,
    names: &[(crate::NameSource, &str)],
    ev: &HostEvidence,
) {
    let roles: Vec<String> = ev
        .suggestions
        .iter()
        .map(|s| toml_string(&s.role))
        .collect();
    let _ = writeln!(
        out,
        "[[hosts]]\nname = {}\naddresses = [{}]\nroles = [{}]",
        toml_string(name),
        toml_string(&ip.to_string()),
        roles.join(", ")
    );
    let _ = writeln!(
        out,
        "# {} flows served, {} opened.",
        ev.flows_served, ev.flows_opened
    );
    for (source, n) in names {
        let _ = writeln!(
            out,
            "# name on the wire: {} ({})",
            comment_text(n),
            source.as_str()
        );
    }
    for s in &ev.suggestions {
        let rules: Vec<String> = s
            .rules
            .iter()
            .map(|(r, n)| format!("{r} ({n} flows)"))
            .collect();
        let _ = write!(
            out,
            "# {} (confidence {}): {}",
            s.role,
            s.confidence,
            rules.join(", ")
        );
        if let Some(c) = &s.competing {
            let _ = write!(out, "; {c} fits the same traffic");
        }
        out.push('\n');
        for a in &s.announcements {
            let _ = writeln!(out, "#   announced: {a}");
        }
    }
    if ev.suggestions.is_empty() {
        out.push_str("# no role: none of its flows matches a rule of the loaded packs\n");
    }
    for (svc, n, peers) in &ev.unknown_services {
        let _ = writeln!(
            out,
            "# serves {svc}, which no pack knows ({n} flows from {peers} peer(s))"
        );
    }
    if ev.more_conversations > 0 {
        let _ = writeln!(
            out,
            "# {} more flows not weighed (conversation limit)",
            ev.more_conversations
        );
    }
    out.push('\n');
}

/// Multicast and broadcast destinations, and addresses never heard from, in a comment.
fn not_hosts(out: &mut String, flows: &[FlowRecord], seen: &BTreeSet<IpAddr>) {
    let mut group: BTreeMap<IpAddr, u64> = BTreeMap::new();
    let mut silent: BTreeMap<IpAddr, u64> = BTreeMap::new();
    for f in flows {
        if !unicast(f.server) {
            *group.entry(f.server).or_default() += 1;
        } else if !answered(f) && !seen.contains(&f.server) {
            *silent.entry(f.server).or_default() += 1;
        }
    }
    for (what, map) in [
        ("Multicast/broadcast destinations (not hosts)", &group),
        (
            "Addresses sent to that never answered (not listed as hosts)",
            &silent,
        ),
    ] {
        if map.is_empty() {
            continue;
        }
        let list: Vec<String> = map
            .iter()
            .take(50)
            .map(|(ip, n)| format!("{ip} ({n} flows)"))
            .collect();
        let more = map.len().saturating_sub(50);
        let _ = write!(out, "# {what}: {}", list.join(", "));
        if more > 0 {
            let _ = write!(out, " and {more} more");
        }
        out.push_str("\n\n");
    }
}

/// Where the traffic and an existing inventory differ, as comments.
fn disagreements(
    out: &mut String,
    rules: &RuleSet,
    site: &Site,
    evidence: &BTreeMap<IpAddr, HostEvidence>,
) {
    let mut lines = Vec::new();
    for h in &site.hosts {
        let addrs: Vec<&IpAddr> = evidence
            .keys()
            .filter(|ip| site.host_for(**ip).is_some_and(|x| x.name == h.name))
            .collect();
        if addrs.is_empty() {
            lines.push(format!("host {:?}: never seen on the wire", h.name));
            continue;
        }
        let have = rules.expand_roles(&h.roles);
        let mut suggested: BTreeSet<String> = BTreeSet::new();
        for ip in &addrs {
            for s in &evidence[*ip].suggestions {
                suggested.insert(s.role.clone());
                if !have.contains(&s.role) {
                    lines.push(format!(
                        "host {:?}: {ip} carries traffic of role {} ({}), which the file does not give it",
                        h.name,
                        s.role,
                        s.rules.keys().cloned().collect::<Vec<_>>().join(", ")
                    ));
                }
            }
        }
        for r in &h.roles {
            let closure = rules.expand_roles(std::slice::from_ref(r));
            let seen = suggested.iter().any(|s| {
                closure.contains(s) || rules.expand_roles(std::slice::from_ref(s)).contains(r)
            });
            if !seen && rules.has_role(r) {
                lines.push(format!(
                    "host {:?}: no traffic of role {r} was seen",
                    h.name
                ));
            }
        }
    }
    if lines.is_empty() {
        out.push_str("# The traffic agrees with the roles of the existing hosts.\n\n");
    } else {
        out.push_str("# Where the traffic disagrees with the existing hosts:\n");
        for l in lines {
            let _ = writeln!(out, "#   {}", comment_text(&l));
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_become_safe_host_names() {
        assert_eq!(
            host_name_from("FTAC-SRV.plant.local").as_deref(),
            Some("ftac-srv")
        );
        assert_eq!(
            host_name_from("1756-L83E/B  LOGIX").as_deref(),
            Some("1756-l83e-b-logix")
        );
        assert_eq!(host_name_from("\"]\n[evil").as_deref(), Some("evil"));
        assert_eq!(host_name_from("..."), None);
        assert_eq!(host_name_from("12345"), None);
        assert_eq!(
            name_from_address("10.0.0.1".parse().unwrap()),
            "host-10-0-0-1"
        );
        assert_eq!(
            name_from_address("fd00::1".parse().unwrap()),
            "host-fd00--1"
        );
        assert_eq!(toml_string("a\"b\n"), "\"a\\\"b\\u000A\"");
        assert_eq!(comment_text("x\ny"), "x y");
    }
}
