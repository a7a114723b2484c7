//! Issue 15, floods in reports: undocumented flows from many outside clients to one server
//! are one row with counts (client "N addresses"), not a row per spoofed address, in every
//! printer that lists groups; the JSON keeps every flow, and below the threshold nothing is
//! folded.

use std::process::Command;

use serde_json::Value;

mod common;
use common::{synth, BIN};

fn audit(capture: &std::path::Path, format: &str) -> String {
    let out = Command::new(BIN)
        .args(["audit", "--fail-on", "never", "--format", format])
        .arg(capture)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The rows of the Markdown report's undocumented table.
fn undocumented_rows(markdown: &str) -> Vec<&str> {
    let section = markdown
        .split("## Undocumented flows")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    section
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| client"))
        .collect()
}

#[test]
fn a_spoofed_syn_flood_is_one_row_with_counts() {
    let dir = tempfile::tempdir().unwrap();
    // 300 SYNs, each from its own random source to a random port of one server.
    let cap = synth(dir.path(), "syn-flood", 300);
    let md = audit(&cap, "markdown");
    let rows = undocumented_rows(&md);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    let cells: Vec<&str> = rows[0].split(" | ").collect();
    assert_eq!(cells[0], "| 300 addresses (not in inventory)");
    assert_eq!(cells[2], "tcp", "folded over any port: the protocol alone");
    assert_eq!(cells[3], "300", "every flow counted in the row");
    assert!(
        cells[9]
            .starts_with("300 clients not in the inventory at 300 (client, port) pairs, folded"),
        "{}",
        cells[9]
    );

    let junit = audit(&cap, "junit");
    let cases: Vec<&str> = junit
        .match_indices("<testcase name=\"")
        .map(|(i, m)| junit[i + m.len()..].split('"').next().unwrap())
        .filter(|name| name.contains(" -&gt; "))
        .collect();
    assert_eq!(cases, ["addresses not in inventory -&gt; 10.20.0.10 tcp"]);

    let html = audit(&cap, "html");
    assert_eq!(
        html.matches("<article class=\"finding undocumented")
            .count(),
        1
    );
    assert!(html.contains("300 addresses not in inventory"));

    // The JSON is the data: every flow is still there, one by one.
    let json: Value = serde_json::from_str(&audit(&cap, "json")).unwrap();
    assert_eq!(json["flows"].as_array().unwrap().len(), 300);
}

#[test]
fn below_the_threshold_each_client_keeps_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let cap = synth(dir.path(), "syn-flood", 63);
    let md = audit(&cap, "markdown");
    let rows = undocumented_rows(&md);
    assert_eq!(rows.len(), 63);
    assert!(rows
        .iter()
        .all(|r| r.contains("(not in inventory) | 10.20.0.10")));
    assert!(!md.contains("addresses (not in inventory)"));
}
