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
[[roles]]
id = "cli"
description = "client"

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

#[test]
fn windows_groups_clients_on_the_server() {
    let (rules, site) = setup();
    let p = plan(&rules, &site, None, Options::default());
    let mut out = Vec::new();
    write_windows(&p, &mut out).unwrap();
    let s = String::from_utf8(out).unwrap();
    assert!(s.contains("-DisplayName 'tapaudit t.cli-srv.http' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '80','443' -RemoteAddress '10.0.0.1','10.0.0.3'"), "{s}");
    assert!(
        s.contains("-Action Block -Protocol TCP -RemoteAddress '10.0.0.2'"),
        "{s}"
    );
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
            for l in s.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
                assert!(l.starts_with("New-NetFirewallRule "), "{l}");
            }
        }
    }
}
