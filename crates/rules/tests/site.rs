//! Site inventory: host lookup, exceptions, overrides.
use std::net::IpAddr;

use tapaudit_rules::{Date, Endpoint, RuleSet, Site};
use tapaudit_vocab::Transport;

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

const SITE: &str = r#"
[site]
name = "Plant 3, line A"

[[hosts]]
name = "ot-lan"
addresses = ["10.20.0.0/16", "fd00:20::/32"]
roles = ["ft.directory-client"]

[[hosts]]
name = "ftac-srv"
addresses = ["10.20.0.10", "fd00:20::10"]
roles = ["ftac.server", "ft.directory", "mssql.server"]

[[hosts]]
name = "eng-ws"
addresses = ["10.20.1.0/24"]
roles = ["ftac.client"]

[[overrides]]
rule = "ftac.agent.server-7002"
ports = [7012]
reason = "changed at install"

[[exceptions]]
from = "eng-ws"
to = "ftac-srv"
proto = "tcp"
ports = [3389]
reason = "RDP for the vendor's remote support, ticket 4711"
expires = "2027-03-31"

[[exceptions]]
from = ["10.99.0.0/24", "fd00:99::/64"]
to = ["ftac-srv"]
proto = "icmp"
reason = "monitoring pings"

[[exceptions]]
from = "eng-ws"
to = "ftac-srv"
proto = "udp"
ports = ["5000-5010"]
reason = "bare TOML date"
expires = 2026-01-15
"#;

fn site() -> Site {
    Site::from_toml_str(SITE, "site.toml").unwrap()
}

#[test]
fn host_for_most_specific_prefix() {
    let s = site();
    assert_eq!(s.host_for(ip("10.20.0.10")).unwrap().name, "ftac-srv");
    assert_eq!(s.host_for(ip("10.20.1.7")).unwrap().name, "eng-ws");
    assert_eq!(s.host_for(ip("10.20.9.9")).unwrap().name, "ot-lan");
    assert!(s.host_for(ip("192.168.1.1")).is_none());
    // IPv6
    assert_eq!(s.host_for(ip("fd00:20::10")).unwrap().name, "ftac-srv");
    assert_eq!(s.host_for(ip("fd00:20::11")).unwrap().name, "ot-lan");
    assert!(s.host_for(ip("fd00:21::1")).is_none());
}

#[test]
fn exceptions_match_by_host_port_and_date() {
    let s = site();
    let before = Date::new(2027, 3, 31).unwrap();
    let after = Date::new(2027, 4, 1).unwrap();
    let e = s.exception_for(
        ip("10.20.1.5"),
        ip("10.20.0.10"),
        Transport::Tcp,
        Some(3389),
        before,
    );
    assert!(e.unwrap().reason.contains("4711"));
    // Expired the day after `expires`.
    assert!(s
        .exception_for(
            ip("10.20.1.5"),
            ip("10.20.0.10"),
            Transport::Tcp,
            Some(3389),
            after
        )
        .is_none());
    // Wrong port, wrong protocol, wrong direction.
    assert!(s
        .exception_for(
            ip("10.20.1.5"),
            ip("10.20.0.10"),
            Transport::Tcp,
            Some(3390),
            before
        )
        .is_none());
    assert!(s
        .exception_for(
            ip("10.20.1.5"),
            ip("10.20.0.10"),
            Transport::Udp,
            Some(3389),
            before
        )
        .is_none());
    assert!(s
        .exception_for(
            ip("10.20.0.10"),
            ip("10.20.1.5"),
            Transport::Tcp,
            Some(3389),
            before
        )
        .is_none());
    // A host name means the addresses for which that host is the most specific match.
    assert!(s
        .exception_for(
            ip("10.20.0.10"),
            ip("10.20.0.10"),
            Transport::Tcp,
            Some(3389),
            before
        )
        .is_none());
    // ICMP by address block, IPv4 and IPv6.
    let on = Date::from_unix_seconds(1_800_000_000);
    assert!(s
        .exception_for(ip("10.99.0.7"), ip("10.20.0.10"), Transport::Icmp, None, on)
        .is_some());
    assert!(s
        .exception_for(
            ip("fd00:99::7"),
            ip("fd00:20::10"),
            Transport::Icmp,
            None,
            on
        )
        .is_some());
    assert!(s
        .exception_for(ip("10.98.0.7"), ip("10.20.0.10"), Transport::Icmp, None, on)
        .is_none());
    // Bare TOML date works; port range.
    let e = &s.exceptions[2];
    assert_eq!(e.expires.unwrap().to_string(), "2026-01-15");
    assert!(s
        .exception_for(
            ip("10.20.1.5"),
            ip("10.20.0.10"),
            Transport::Udp,
            Some(5005),
            Date::new(2026, 1, 15).unwrap()
        )
        .is_some());
    assert!(s
        .exception_for(
            ip("10.20.1.5"),
            ip("10.20.0.10"),
            Transport::Udp,
            Some(5005),
            Date::new(2026, 1, 16).unwrap()
        )
        .is_none());
    assert_eq!(
        s.exceptions[1].from[0],
        Endpoint::Net("10.99.0.0/24".parse().unwrap())
    );
}

#[test]
fn overrides_and_check() {
    let s = site();
    let set = RuleSet::embedded().unwrap();
    let rule = set.rule("ftac.agent.server-7002").unwrap();
    assert_eq!(set.effective_ports(rule, Some(&s)).to_string(), "7012");
    assert_eq!(set.effective_ports(rule, None).to_string(), "7002");
    let agent = vec!["ftac.agent".to_string()];
    let srv = s.host("ftac-srv").unwrap().roles.clone();
    let l = set.lookup(&agent, &srv, Transport::Tcp, Some(7012), Some(&s));
    assert_eq!(l.allow[0].id, "ftac.agent.server-7002");
    // Check on 2026-06-01: only the bare-date exception (2026-01-15) has expired.
    let d = tapaudit_rules::check(&set, Some(&s), Date::new(2026, 6, 1).unwrap());
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].message.contains("expired on 2026-01-15"));
}

#[test]
fn control_ports_follow_overrides() {
    let set = RuleSet::embedded().unwrap();
    let s = Site::from_toml_str(
        "[site]\nname = \"x\"\n[[overrides]]\nrule = \"ftac.dirclient.directory-dcom-dynamic\"\nports = [\"5000-5100\"]\n",
        "s.toml",
    )
    .unwrap();
    let r = set.rule("ftac.dirclient.directory-dcom-dynamic").unwrap();
    assert_eq!(set.effective_ports(r, Some(&s)).to_string(), "5000-5100");
}

#[test]
fn role_expansion() {
    let set = RuleSet::embedded().unwrap();
    let e = set.expand_roles(&[
        "pathtrak.hcu200".into(),
        "ftac.agent".into(),
        "ftac.agent".into(),
    ]);
    assert_eq!(
        e,
        [
            "ft.directory-client",
            "ftac.agent",
            "pathtrak.hcu",
            "pathtrak.hcu200"
        ]
    );
    assert_eq!(set.expand_roles(&["nope".into()]), ["nope"]);
}

#[test]
fn listing() {
    let set = RuleSet::embedded().unwrap();
    let table = tapaudit_rules::render_list_table(&set);
    assert!(table.starts_with("RULE"));
    assert!(table.contains("ftac.server.sql-1433"));
    let json = tapaudit_rules::render_list_json(&set).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let packs = v["packs"].as_array().unwrap();
    assert_eq!(packs.len(), 3);
    let total: usize = packs
        .iter()
        .map(|p| p["rules"].as_array().unwrap().len())
        .sum();
    assert_eq!(total, set.rules().count());
    let r = &packs[0]["rules"][0];
    assert!(r["cite"].as_str().unwrap().starts_with("FTAC-RM001"));
}
