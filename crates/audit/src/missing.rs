//! What should be there and is not: required flows missing or blocked per host pair, and
//! documented openings this site never used.

use std::collections::{BTreeMap, HashMap};

use tapaudit_flow::State;
use tapaudit_rules::{Host, Level, PortSet, Rule, RuleKind, RuleSet, Site};
use tapaudit_vocab::Transport;

use crate::{JudgedFlow, Missing, MissingStatus, RuleUse, Unused};

fn first_address(h: &Host) -> String {
    match h.addresses.first() {
        Some(net) if net.prefix_len() == net.max_prefix_len() => net.addr().to_string(),
        Some(net) => net.to_string(),
        None => String::new(),
    }
}

fn matches_rule(rule: &Rule, ports: &PortSet, f: &JudgedFlow) -> bool {
    let Some(proto) = f.flow.proto.transport() else {
        return false;
    };
    if !rule.protocols.contains(&proto) {
        return false;
    }
    match (proto, f.flow.server_port) {
        (Transport::Icmp, _) => true,
        (_, Some(p)) => ports.contains(p),
        _ => false,
    }
}

/// True when `rule` applies to at least one pair of distinct hosts of `site` (a client bound
/// to one of its `from` roles, a server to one of its `to` roles).
pub fn applies_to_site(rules: &RuleSet, site: &Site, rule: &Rule) -> bool {
    let roles: Vec<Vec<String>> = site
        .hosts
        .iter()
        .map(|h| rules.expand_roles(&h.roles))
        .collect();
    let bound = |want: &[String], i: usize| want.iter().any(|r| roles[i].contains(r));
    (0..roles.len())
        .any(|c| bound(&rule.from, c) && (0..roles.len()).any(|s| s != c && bound(&rule.to, s)))
}

pub(crate) fn find(
    rules: &RuleSet,
    site: &Site,
    flows: &[JudgedFlow],
    _rule_use: &BTreeMap<String, RuleUse>,
) -> (Vec<Missing>, Vec<Unused>) {
    let mut by_pair: HashMap<(&str, &str), Vec<&JudgedFlow>> = HashMap::new();
    for f in flows {
        if let (Some(c), Some(s)) = (&f.client_host, &f.server_host) {
            by_pair.entry((c.as_str(), s.as_str())).or_default().push(f);
        }
    }
    let roles: Vec<Vec<String>> = site
        .hosts
        .iter()
        .map(|h| rules.expand_roles(&h.roles))
        .collect();
    let mut missing = Vec::new();
    let mut unused = Vec::new();
    for rule in rules.rules().filter(|r| r.kind == RuleKind::Allow) {
        let ports = rules.effective_ports(rule, Some(site));
        let clients: Vec<usize> = (0..site.hosts.len())
            .filter(|&i| rule.from.iter().any(|r| roles[i].contains(r)))
            .collect();
        let servers: Vec<usize> = (0..site.hosts.len())
            .filter(|&i| rule.to.iter().any(|r| roles[i].contains(r)))
            .collect();
        let mut pairs = 0u64;
        let mut traffic = 0u64;
        for &ci in &clients {
            for &si in &servers {
                if ci == si {
                    continue;
                }
                pairs += 1;
                let (c, s) = (&site.hosts[ci], &site.hosts[si]);
                let seen: Vec<&&JudgedFlow> = by_pair
                    .get(&(c.name.as_str(), s.name.as_str()))
                    .map(|v| v.iter().filter(|f| matches_rule(rule, &ports, f)).collect())
                    .unwrap_or_default();
                traffic += seen.len() as u64;
                if rule.level != Level::Required || seen.iter().any(|f| f.flow.state.is_answered())
                {
                    continue;
                }
                let has = |st: State| seen.iter().any(|f| f.flow.state == st);
                let status = if has(State::Blocked) {
                    MissingStatus::Blocked
                } else if has(State::Refused) {
                    MissingStatus::Refused
                } else if has(State::Unanswered) {
                    MissingStatus::Unanswered
                } else {
                    MissingStatus::NeverSeen
                };
                missing.push(Missing {
                    rule: rule.id.clone(),
                    pack: rule.pack.clone(),
                    client: first_address(c),
                    server: first_address(s),
                    client_host: c.name.clone(),
                    server_host: s.name.clone(),
                    proto: rule.protocols_text(),
                    ports: ports.to_string(),
                    status,
                    attempts: seen.len() as u64,
                    cite: rule.cite.clone(),
                    purpose: rule.purpose.clone(),
                });
            }
        }
        if pairs > 0 && traffic == 0 {
            unused.push(Unused {
                rule: rule.id.clone(),
                pack: rule.pack.clone(),
                level: rule.level.to_string(),
                proto: rule.protocols_text(),
                ports: ports.to_string(),
                cite: rule.cite.clone(),
                purpose: rule.purpose.clone(),
                host_pairs: pairs,
            });
        }
    }
    missing.sort();
    unused.sort();
    (missing, unused)
}
