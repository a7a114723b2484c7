//! The "ports and services" table (`services[]` in JSON, a section in Markdown and HTML),
//! checked against the report's own flows and the packs' rules rather than against a golden
//! file: every answered flow is in exactly one row, no flow that was never answered is,
//! each row's need is the rule (with the pack's own citation and range) that judged its
//! flows, and the Markdown lists every row. Over the demo, a real PathTrak capture (ONC RPC
//! links in a documented dynamic range) and a public capture without a site.

use std::collections::HashMap;

use serde_json::Value;

mod common;
use common::tapaudit_at_root;

const ANSWERED: [&str; 4] = ["established", "closed", "partial", "answered"];

/// The JSON and Markdown reports of one audit.
fn reports(capture: &str, site: Option<&str>) -> (Value, String) {
    let mut args = vec!["audit", capture];
    if let Some(s) = site {
        args.extend(["--site", s]);
    }
    let json = tapaudit_at_root(&[&args[..], &["--format", "json"]].concat()).1;
    let md = tapaudit_at_root(&[&args[..], &["--format", "markdown"]].concat()).1;
    (serde_json::from_str(&json).expect("JSON report"), md)
}

/// Rule id -> (ports as the pack writes them, cite), from `rules list --format json`.
fn pack_rules() -> HashMap<String, (String, String)> {
    let (_, out, _) = tapaudit_at_root(&["rules", "list", "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let mut rules = HashMap::new();
    for pack in v["packs"].as_array().unwrap() {
        for r in pack["rules"].as_array().unwrap() {
            rules.insert(
                r["id"].as_str().unwrap().to_string(),
                (
                    r["ports"].as_str().unwrap_or("").to_string(),
                    r["cite"].as_str().unwrap().to_string(),
                ),
            );
        }
    }
    rules
}

/// `a-b` -> (a, b); `p` -> (p, p).
fn range(s: &str) -> (u16, u16) {
    match s.split_once('-') {
        Some((a, b)) => (a.trim().parse().unwrap(), b.trim().parse().unwrap()),
        None => {
            let p = s.trim().parse().unwrap();
            (p, p)
        }
    }
}

/// True when the row is the one the flow belongs to.
fn row_holds(row: &Value, flow: &Value) -> bool {
    let same = |a: &str, b: &str| row[a] == flow[b];
    if !(same("address", "server")
        && same("proto", "proto")
        && same("verdict", "verdict")
        && same("evidence", "evidence")
        && same("rule", "rule")
        && same("cite", "cite"))
    {
        return false;
    }
    match (row["ports"].as_str(), flow["server_port"].as_u64()) {
        (None, None) => true,
        (Some(p), Some(port)) => {
            let (lo, hi) = range(p);
            let port = port as u16;
            if row["dynamic"].as_bool().unwrap() {
                lo <= port && port <= hi
            } else {
                lo == port
            }
        }
        _ => false,
    }
}

/// Checks the table of one report; returns (rows, dynamic rows).
fn check(
    report: &Value,
    markdown: &str,
    rules: &HashMap<String, (String, String)>,
) -> (usize, usize) {
    let rows = report["services"].as_array().expect("services[]");
    let flows = report["flows"].as_array().unwrap();
    let mut counted = vec![0u64; rows.len()];
    let mut answered = 0;
    for f in flows {
        let holders: Vec<usize> = (0..rows.len())
            .filter(|&i| row_holds(&rows[i], f))
            .collect();
        if ANSWERED.contains(&f["state"].as_str().unwrap()) {
            answered += 1;
            assert_eq!(
                holders.len(),
                1,
                "an answered flow in {} rows: {f}",
                holders.len()
            );
            counted[holders[0]] += 1;
        } else {
            // A dynamic row may cover an attempt's port: only its count must not.
            assert!(
                holders
                    .iter()
                    .all(|&i| rows[i]["dynamic"].as_bool().unwrap()),
                "a flow that was never answered has a row of its own: {f}"
            );
        }
    }
    let mut dynamic = 0;
    for (row, n) in rows.iter().zip(&counted) {
        assert_eq!(
            row["flows"].as_u64().unwrap(),
            *n,
            "row's flow count: {row}"
        );
        assert!(*n > 0, "a row without flows: {row}");
        match row["rule"].as_str() {
            Some(id) if row["evidence"] != "exception" => {
                let (ports, cite) = rules.get(id).unwrap_or_else(|| panic!("no rule {id}"));
                assert_eq!(row["cite"].as_str().unwrap(), cite, "{row}");
                if row["dynamic"].as_bool().unwrap() {
                    dynamic += 1;
                    let r = row["ports"].as_str().unwrap();
                    assert!(
                        ports.split(',').any(|p| p.trim() == r),
                        "range {r} is not one of rule {id}'s ports {ports}"
                    );
                    let (lo, hi) = range(r);
                    let seen = (
                        row["lowest_port"].as_u64().unwrap() as u16,
                        row["highest_port"].as_u64().unwrap() as u16,
                    );
                    assert!(lo <= seen.0 && seen.0 <= seen.1 && seen.1 <= hi, "{row}");
                }
            }
            _ => assert!(!row["dynamic"].as_bool().unwrap(), "{row}"),
        }
        let need = row["need"].as_str().unwrap();
        match row["verdict"].as_str().unwrap() {
            "undocumented" => assert_eq!(need, "no documented need (undocumented)"),
            "violation" => assert!(need.starts_with("no documented need (violation"), "{need}"),
            _ => assert!(!need.starts_with("no documented need"), "{need}"),
        }
        // The Markdown lists the row: its address and service on one table line.
        let service = match (row["ports"].as_str(), row["dynamic"].as_bool().unwrap()) {
            (None, _) => row["proto"].as_str().unwrap().to_string(),
            (Some(p), false) => format!("{}/{p}", row["proto"].as_str().unwrap()),
            (Some(p), true) => format!("{}/{p} (dynamic)", row["proto"].as_str().unwrap()),
        };
        let address = row["address"].as_str().unwrap();
        assert!(
            markdown.lines().any(|l| l.starts_with("| ")
                && l.contains(&format!(" | {address} | {service} | "))),
            "the Markdown has no row for {address} {service}"
        );
    }
    assert_eq!(counted.iter().sum::<u64>(), answered);
    assert!(markdown.contains("## Ports and services per host"));
    (rows.len(), dynamic)
}

#[test]
fn demo_every_answered_flow_is_in_one_row_with_its_documented_need() {
    let rules = pack_rules();
    let (report, md) = reports("captures/demo/demo.pcap", Some("captures/demo/site.toml"));
    let (rows, dynamic) = check(&report, &md, &rules);
    // The demo has FTP data, ONC RPC and DCOM ports learnt from announcements, and an
    // undocumented SMB service: the table shows them.
    assert!(rows >= 20, "{rows} rows");
    assert!(dynamic >= 5, "{dynamic} dynamic rows");
    let services = report["services"].as_array().unwrap();
    assert!(services
        .iter()
        .any(|r| r["host"] == "ftac-srv" && r["ports"] == "445" && r["verdict"] == "undocumented"));
    // An exception's row says the site's reason.
    assert!(services.iter().any(
        |r| r["evidence"] == "exception" && r["need"].as_str().unwrap().contains("ticket 4711")
    ));
}

#[test]
fn real_pathtrak_rpc_links_are_one_dynamic_row() {
    let rules = pack_rules();
    let (report, md) = reports(
        "captures/real/pathtrak-rpc-links.pcap",
        Some("captures/real/pathtrak-rpc-links-site.toml"),
    );
    let (_, dynamic) = check(&report, &md, &rules);
    assert!(dynamic >= 1, "no dynamic row: {}", report["services"]);
}

#[test]
fn public_capture_without_a_site_has_rows_with_no_documented_need() {
    let rules = pack_rules();
    let (report, md) = reports("captures/public/zeek-ftp-ipv4.pcap", None);
    let (rows, _) = check(&report, &md, &rules);
    assert!(rows >= 1);
    for r in report["services"].as_array().unwrap() {
        assert!(r["host"].is_null(), "no site, no host names: {r}");
        assert_eq!(r["verdict"], "undocumented");
    }
}
