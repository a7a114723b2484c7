//! Zones and conduits over the demo capture (tests/golden/zones.site.toml: the demo site with
//! three zones and two conduits): the section's golden files (Markdown and the JSON `zones`
//! key), the zone matrix against zones worked out here from the addresses alone, and zone
//! findings in the exit code, JUnit, `--baseline` and `diff`.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;
use std::path::PathBuf;

mod common;
use common::{root, stand_ins, tapaudit_at_root};

const SITE: &str = "tests/golden/zones.site.toml";
const DEMO: &str = "captures/demo/demo.pcap";

fn golden(name: &str, got: &[u8]) {
    let path: PathBuf = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 creates it)", path.display()));
    if want != got {
        let tmp = std::env::temp_dir().join(format!("tapaudit-got-{name}"));
        std::fs::write(&tmp, got).unwrap();
        panic!(
            "{name} differs from its golden file; got output saved in {}",
            tmp.display()
        );
    }
}

fn audit(format: &str, extra: &[&str]) -> (Option<i32>, String, String) {
    let mut args = vec!["audit", "--format", format, "--site", SITE];
    args.extend_from_slice(extra);
    args.push(DEMO);
    tapaudit_at_root(&args)
}

fn json_report(extra: &[&str]) -> serde_json::Value {
    let (code, out, err) = audit("json", extra);
    assert!(matches!(code, Some(0 | 1)), "{err}");
    serde_json::from_str(&out).unwrap()
}

/// The zone of an address, from the site file's zones as a reader of it would place them
/// (the controller by name, the rest by block; the DMZ standby by name).
fn zone_by_hand(ip: &str) -> &'static str {
    let Ok(v4) = ip.parse::<Ipv4Addr>() else {
        return "outside";
    };
    let o = v4.octets();
    match (o[0], o[1], o[2], o[3]) {
        (10, 20, 1, 11) => "cell-a",
        (172, 16, 30, 11) => "dmz",
        (10, 20, 0, _) | (10, 30, 0, _) | (10, 40, 0, _) => "operations",
        (10, 40, 1, _) => "cell-a",
        _ if v4.is_multicast() || v4.is_broadcast() => "sender",
        _ => "outside",
    }
}

#[test]
fn zones_section_golden_and_matrix_by_hand() {
    let (code, md, err) = audit("markdown", &[]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        md.contains("zone crossing(s) outside any conduit, out of 48 flow(s)."),
        "the verdict line counts zone findings:\n{}",
        md.lines().take(3).collect::<Vec<_>>().join("\n")
    );
    let start = md.find("## Zones and conduits").expect("a zones section");
    let end = start + md[start..].find("## Captures").expect("captures after it");
    golden("zones.md", &stand_ins(&md.as_bytes()[start..end]));

    let v = json_report(&[]);
    let zones = &v["zones"];
    let mut section = serde_json::to_vec_pretty(zones).unwrap();
    section.push(b'\n');
    golden("zones.json", &section);

    // The matrix: every flow in exactly one cell, the cell the addresses give.
    let mut by_hand: BTreeMap<(String, String), u64> = BTreeMap::new();
    for f in v["flows"].as_array().unwrap() {
        let from = zone_by_hand(f["client"].as_str().unwrap());
        let mut to = zone_by_hand(f["server"].as_str().unwrap());
        if to == "sender" {
            to = from;
        }
        *by_hand.entry((from.into(), to.into())).or_default() += 1;
    }
    let reported: BTreeMap<(String, String), u64> = zones["matrix"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                (
                    c["from"].as_str().unwrap().into(),
                    c["to"].as_str().unwrap().into(),
                ),
                c["flows"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(reported, by_hand);

    // Crossings: findings have unique ids; a flow a pack documents is a finding all the same
    // (PathTrak's server to an HCU's FTP, documented, but no conduit enters cell-a for it).
    let crossings = zones["crossings"].as_array().unwrap();
    let ids: Vec<&str> = crossings
        .iter()
        .filter_map(|c| c["finding"].as_str())
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len());
    assert_eq!(zones["findings"].as_u64().unwrap() as usize, ids.len());
    assert!(crossings.iter().any(|c| c["service"] == "tcp/21"
        && c["to_zone"] == "cell-a"
        && c["documented_by"][0] == "pathtrak.server-hcu.ftp-21"
        && c["finding"].is_string()));
    // Attempts only carry no finding id.
    assert!(crossings
        .iter()
        .any(|c| c["finding"].is_null() && c["answered_flows"] == 0 && c["attempts"] == 1));
    // Conduits: the poll of the DMZ standby went through its conduit; EtherNet/IP into the
    // cell never did (the controller opened its connection the other way).
    let statuses: Vec<(&str, &str)> = zones["conduits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["name"].as_str().unwrap(), c["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        statuses,
        [("scada-to-dmz", "used"), ("ops-to-cell-enip", "unused")]
    );

    // HTML: the section and its nav link.
    let (_, html, _) = audit("html", &[]);
    assert!(html.contains("<section id=\"zones\">") && html.contains("href=\"#zones\""));
    assert!(html.contains("carried nothing"));
}

#[test]
fn zone_findings_fail_at_violation_and_in_junit() {
    let v = json_report(&[]);
    let findings = v["zones"]["findings"].as_u64().unwrap();
    assert!(findings > 0);
    let (code, _, _) = audit("json", &["--fail-on", "violation"]);
    assert_eq!(code, Some(1));
    let (code, junit, _) = audit("junit", &["--fail-on", "violation"]);
    assert_eq!(code, Some(1));
    let suite = junit
        .lines()
        .find(|l| l.contains("<testsuite name=\"zones\""))
        .expect("a zones suite");
    assert!(
        suite.contains(&format!("failures=\"{findings}\"")),
        "{suite}: {findings} zone findings"
    );
    // CSV findings: a row per zone finding, with its id.
    let (_, csv, _) = audit("csv", &["--csv-table", "findings"]);
    let zone_rows = csv
        .lines()
        .filter(|l| l.starts_with("zone-crossing,"))
        .count() as u64;
    assert_eq!(zone_rows, findings);
    // Below the threshold (never): skipped, not failed.
    let (code, junit, _) = audit("junit", &["--fail-on", "never"]);
    assert_eq!(code, Some(0));
    let suite = junit
        .lines()
        .find(|l| l.contains("<testsuite name=\"zones\""))
        .unwrap();
    assert!(suite.contains("failures=\"0\""), "{suite}");
}

#[test]
fn zone_findings_in_baseline_and_diff() {
    let dir = tempfile::tempdir().unwrap();
    let zoned = dir.path().join("zoned.json");
    let plain = dir.path().join("plain.json");
    let (_, out, _) = audit("json", &[]);
    std::fs::write(&zoned, out).unwrap();
    let (_, out, _) = tapaudit_at_root(&["audit", "--format", "json", DEMO]);
    std::fs::write(&plain, out).unwrap();

    // Against its own report every finding is known: only the new would fail.
    let (code, out, err) = audit(
        "json",
        &[
            "--fail-on",
            "violation",
            "--baseline",
            zoned.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["baseline"]["new"], 0);
    assert!(v["zones"]["crossings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["finding"].is_string())
        .all(|c| c["known"] == true));
    // Against the report without zones they are new, and fail.
    let (code, _, _) = audit(
        "json",
        &[
            "--fail-on",
            "violation",
            "--baseline",
            plain.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(1));

    let (code, out, err) = tapaudit_at_root(&[
        "diff",
        "--format",
        "json",
        plain.to_str().unwrap(),
        zoned.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(1), "new zone findings fail the diff: {err}");
    let d: serde_json::Value = serde_json::from_str(&out).unwrap();
    let new_zone = d["findings"]["new"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "zone-crossing")
        .count() as u64;
    assert_eq!(new_zone, v["zones"]["findings"].as_u64().unwrap());
}
