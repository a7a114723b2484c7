//! Shared helpers: ask the embedded rules about a flow between roles.
#![allow(dead_code)]

use tapaudit_rules::RuleSet;
use tapaudit_vocab::Transport;

pub fn set() -> RuleSet {
    match RuleSet::embedded() {
        Ok(s) => s,
        Err(e) => panic!("embedded packs do not load:\n{e}"),
    }
}

pub fn roles(r: &str) -> Vec<String> {
    vec![r.to_string()]
}

pub fn proto(p: &str) -> Transport {
    match p {
        "tcp" => Transport::Tcp,
        "udp" => Transport::Udp,
        "icmp" => Transport::Icmp,
        other => panic!("bad proto {other}"),
    }
}

/// One line of a table written from the document: from-role, to-role, proto, port, where.
pub type Case = (
    &'static str,
    &'static str,
    &'static str,
    Option<u16>,
    &'static str,
);

/// Every case must be allowed (and not denied).
pub fn expect_allowed(set: &RuleSet, cases: &[Case]) {
    let mut failures = Vec::new();
    for (from, to, p, port, why) in cases {
        let l = set.lookup(&roles(from), &roles(to), proto(p), *port, None);
        if l.allow.is_empty() || l.deny.is_some() {
            failures.push(format!(
                "{from} -> {to} {p} {port:?} ({why}): allow={} deny={:?}",
                l.allow.len(),
                l.deny.map(|d| &d.id)
            ));
        }
    }
    assert!(failures.is_empty(), "not allowed:\n{}", failures.join("\n"));
}

/// Every case must have no allow rule.
pub fn expect_not_allowed(set: &RuleSet, cases: &[Case]) {
    let mut failures = Vec::new();
    for (from, to, p, port, why) in cases {
        let l = set.lookup(&roles(from), &roles(to), proto(p), *port, None);
        if !l.allow.is_empty() {
            let ids: Vec<&str> = l.allow.iter().map(|r| r.id.as_str()).collect();
            failures.push(format!(
                "{from} -> {to} {p} {port:?} ({why}): allowed by {ids:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "unexpectedly allowed:\n{}",
        failures.join("\n")
    );
}

/// Every case must be denied.
pub fn expect_denied(set: &RuleSet, cases: &[Case]) {
    let mut failures = Vec::new();
    for (from, to, p, port, why) in cases {
        let l = set.lookup(&roles(from), &roles(to), proto(p), *port, None);
        if l.deny.is_none() {
            failures.push(format!("{from} -> {to} {p} {port:?} ({why})"));
        }
    }
    assert!(failures.is_empty(), "not denied:\n{}", failures.join("\n"));
}
