//! ClearSCADA redundant servers, written from the document (not from the pack):
//! "Server to Server connections" and "Summary of Port Usage".
mod common;
use common::*;

const S: &str = "clearscada.server";
const DMZ: &str = "clearscada.dmz-standby";

#[test]
fn partner_servers_both_ways() {
    let set = set();
    expect_allowed(
        &set,
        &[
            // Table: TCP 5481, incoming Main/Standby/Permanent Standby, outgoing Partner.
            (
                S,
                S,
                "tcp",
                Some(5481),
                "main -> partner sync; standby -> main requests; status checks",
            ),
            // Table: ICMP, partner hardware status.
            (S, S, "icmp", None, "ICMP poll of partner hardware"),
            // Note: allow the incoming port and ICMP from the Main to the DMZ standby.
            (S, DMZ, "tcp", Some(5481), "main -> DMZ permanent standby"),
            (S, DMZ, "icmp", None, "main -> DMZ permanent standby ICMP"),
        ],
    );
}

#[test]
fn dmz_standby_never_initiates() {
    let set = set();
    // Note: "... but not the other way around".
    let cases = [
        (
            DMZ,
            S,
            "tcp",
            Some(5481),
            "DMZ standby -> main, incoming port",
        ),
        (
            DMZ,
            S,
            "icmp",
            None,
            "DMZ standby does not ICMP-poll the main server",
        ),
        (
            DMZ,
            S,
            "tcp",
            Some(80),
            "DMZ standby establishes no links to the main server",
        ),
    ];
    expect_denied(&set, &cases);
    expect_not_allowed(&set, &cases);
}

#[test]
fn other_ports_not_documented() {
    let set = set();
    expect_not_allowed(
        &set,
        &[
            (S, S, "tcp", Some(5482), "only 5481 is named"),
            (S, S, "udp", Some(5481), "the table says TCP"),
        ],
    );
}

#[test]
fn configured_port_replaces_default() {
    let set = set();
    let site = tapaudit_rules::Site::from_toml_str(
        "[site]\nname = \"x\"\n[[overrides]]\nrule = \"clearscada.partner.tcp-5481\"\nports = [5500]\n",
        "site.toml",
    )
    .unwrap();
    let l = set.lookup(&roles(S), &roles(S), proto("tcp"), Some(5500), Some(&site));
    assert_eq!(l.allow.len(), 1);
    let l = set.lookup(&roles(S), &roles(S), proto("tcp"), Some(5481), Some(&site));
    assert!(l.allow.is_empty());
    assert!(tapaudit_rules::check(
        &set,
        Some(&site),
        tapaudit_rules::Date::new(2026, 1, 1).unwrap()
    )
    .is_empty());
}
