use tapaudit_rules::{RuleSet, Site};

use super::*;

const PACK: &str = r#"
[pack]
id = "t"
title = "Test"
[pack.document]
title = "Test document"
short = "TD"

[[ranges]]
name = "any"
ports = ["1-65535"]

[[roles]]
id = "srv"
description = "server"
platform = "windows"
[[roles]]
id = "cli"
description = "client"
platform = "windows"

[[rules]]
id = "t.cli-srv.http"
from = ["cli"]
to = ["srv"]
proto = "tcp"
ports = [80, 443]
level = "required"
cite = "TD table 1"
purpose = "web"

[[rules]]
id = "t.srv-cli.deny"
kind = "deny"
from = ["srv"]
to = ["cli"]
proto = "tcp"
ports = ["any"]
cite = "TD note"
purpose = "no way back"
"#;

const SITE: &str = r#"
[site]
name = "s"
[[hosts]]
name = "a"
addresses = ["10.0.0.1"]
roles = ["cli"]
[[hosts]]
name = "b"
addresses = ["10.0.0.2", "2001:db8::2"]
roles = ["srv"]
[[hosts]]
name = "c"
addresses = ["10.0.0.3"]
roles = ["cli"]
"#;

fn setup() -> (RuleSet, Site) {
    let rules = RuleSet::from_texts(&[("test.toml", PACK)]).unwrap();
    let site = Site::from_toml_str(SITE, "site.toml").unwrap();
    (rules, site)
}

#[test]
fn pairs_are_expanded_and_drops_come_first() {
    let (rules, site) = setup();
    let p = plan(&rules, &site, None, Options::default());
    let v: Vec<(Action, &str, &str, &str)> = p
        .openings
        .iter()
        .map(|o| {
            (
                o.action,
                o.rule.as_str(),
                o.client.name.as_str(),
                o.server.name.as_str(),
            )
        })
        .collect();
    assert_eq!(
        v,
        vec![
            (Action::Drop, "t.srv-cli.deny", "b", "a"),
            (Action::Drop, "t.srv-cli.deny", "b", "c"),
            (Action::Accept, "t.cli-srv.http", "a", "b"),
            (Action::Accept, "t.cli-srv.http", "c", "b"),
        ]
    );
    assert!(p.openings.iter().all(|o| o.observed.is_none()));
}

#[test]
fn nft_output_uses_sets_and_full_port_drop() {
    let (rules, site) = setup();
    let p = plan(&rules, &site, None, Options::default());
    let mut out = Vec::new();
    write_nftables(&p, &mut out).unwrap();
    let s = String::from_utf8(out).unwrap();
    assert!(s.contains(
        "ip saddr @b_v4 ip daddr @a_v4 meta l4proto tcp counter drop comment \"t.srv-cli.deny\""
    ));
    assert!(s.contains("ip saddr @a_v4 ip daddr @b_v4 tcp dport { 80, 443 } counter accept"));
    // a has no IPv6 address: no ip6 line for the pair.
    assert!(!s.contains("ip6 saddr @a_v6"));
    assert!(s.contains("set b_v6 {"));
}

/// Issue 20: one section per Windows host, run only where the computer name matches; the
/// host as server gets inbound rules scoped to each peer, as client outbound rules; every
/// rule has a stable name and is removed before it is created.
#[test]
fn windows_sections_per_host_with_inbound_and_outbound_rules() {
    let (rules, site) = setup();
    let p = plan(&rules, &site, None, Options::default());
    let mut out = Vec::new();
    write_windows(&p, &mut out).unwrap();
    let s = String::from_utf8(out).unwrap();
    let section = |host: &str| -> String {
        let head = format!("if ($env:COMPUTERNAME -eq '{host}') {{");
        let from = s
            .find(&head)
            .unwrap_or_else(|| panic!("no section for {host}:\n{s}"));
        let len = s[from..].find("\n}\n").unwrap();
        s[from..from + len].to_string()
    };
    let b = section("b");
    assert!(b.contains("New-NetFirewallRule -Name 'tapaudit-t.cli-srv.http-in-tcp-a' -DisplayName 'tapaudit t.cli-srv.http from a' -Group 'tapaudit t' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '80','443' -RemoteAddress '10.0.0.1'"), "{b}");
    assert!(
        b.contains("-Direction Outbound -Action Block -Protocol TCP -RemoteAddress '10.0.0.3'"),
        "{b}"
    );
    let a = section("a");
    assert!(a.contains("-Direction Outbound -Action Allow -Protocol TCP -RemotePort '80','443' -RemoteAddress '10.0.0.2','2001:db8::2'"), "{a}");
    assert!(!a.contains("-LocalPort '80'"), "a serves no web: {a}");
    for section in [a, b, section("c")] {
        let names: Vec<&str> = section
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix("New-NetFirewallRule -Name '"))
            .map(|l| &l[..l.find('\'').unwrap()])
            .collect();
        let unique: std::collections::BTreeSet<&&str> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "names repeat in {section}");
        for name in names {
            let removal = format!(
                "Get-NetFirewallRule -Name '{name}' -ErrorAction SilentlyContinue | Remove-NetFirewallRule"
            );
            assert!(section.contains(&removal), "{name} is not removed first");
        }
    }
}

/// Hosts whose roles do not declare Windows get no section; they are listed as such.
#[test]
fn windows_lists_hosts_that_are_not_windows() {
    let pack = PACK.replacen("platform = \"windows\"\n", "platform = \"linux\"\n", 1);
    let rules = RuleSet::from_texts(&[("test.toml", pack.as_str())]).unwrap();
    let site = Site::from_toml_str(SITE, "site.toml").unwrap();
    let p = plan(&rules, &site, None, Options::default());
    let mut out = Vec::new();
    write_windows(&p, &mut out).unwrap();
    let s = String::from_utf8(out).unwrap();
    assert!(
        s.contains("# b: not a Windows host: use the network firewall export"),
        "{s}"
    );
    assert!(!s.contains("if ($env:COMPUTERNAME -eq 'b')"), "{s}");
    assert!(s.contains("if ($env:COMPUTERNAME -eq 'a')"), "{s}");
}

#[test]
fn hostile_host_name_stays_in_its_comment() {
    let (rules, _) = setup();
    let site = Site::from_toml_str(
        &SITE.replace(
            "name = \"a\"",
            "name = \"a\\\"\\n}\\nflush ruleset #'; calc '\"",
        ),
        "site.toml",
    )
    .unwrap();
    let p = plan(&rules, &site, None, Options::default());
    // CSV quotes the line break inside the field, which is legitimate CSV.
    for f in [Format::Nftables, Format::Windows] {
        let mut out = Vec::new();
        render(f, &p, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(
            !s.lines()
                .any(|l| l.trim_start().starts_with("flush ruleset")),
            "{f:?}: {s}"
        );
        if f == Format::Windows {
            // The name is one single-quoted PowerShell string: its quotes doubled, its line
            // breaks folded.
            assert!(
                s.contains(r#"if ($env:COMPUTERNAME -eq 'a" } flush ruleset #''; calc ''') {"#),
                "{s}"
            );
            for l in s.lines().map(str::trim_start) {
                assert!(
                    l.is_empty()
                        || l.starts_with('#')
                        || l == "}"
                        || l.starts_with("if ($env:COMPUTERNAME -eq '")
                        || l.starts_with("Get-NetFirewallRule -Name 'tapaudit-")
                        || l.starts_with("New-NetFirewallRule -Name 'tapaudit-"),
                    "{l}"
                );
            }
        }
    }
}
