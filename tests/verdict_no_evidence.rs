//! Issue 16, class 1, "PASS on no evidence": no input heads a report with PASS unless it was
//! read to its end and carried IP traffic. Wrong-but-readable inputs (captures/inconclusive/)
//! and every damaged capture (captures/corrupt/) are INCONCLUSIVE with a reason, or a FAIL
//! marked partial when the flows that were read gave findings; a capture that does not exist
//! writes no report.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

mod common;

const BIN: &str = env!("CARGO_BIN_EXE_tapaudit");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// (exit code, JSON report) of `tapaudit audit --format json` with the demo site.
fn audit(file: &Path, format: &str) -> (i32, String) {
    let out = Command::new(BIN)
        .args(["audit", "--format", format, "--site"])
        .arg(root().join("captures/demo/site.toml"))
        .arg(file)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn files(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.ends_with(".pcap") || n.ends_with(".pcapng") || n.ends_with(".pcap.gz")
        })
        .collect();
    v.sort();
    v
}

#[test]
fn wrong_but_readable_inputs_are_inconclusive_with_a_reason_in_every_format() {
    let expected = [
        ("header-only.pcap", "no frame was read"),
        (
            "only-arp.pcap",
            "no IP packet among 10 frame(s): 10 non-IP (EtherType 0x0806)",
        ),
        ("only-non-ip.pcap", "no IP packet among 6 frame(s)"),
        ("unknown-link-type-user0.pcap", "unsupported_link_type"),
    ];
    assert_eq!(files("captures/inconclusive").len(), expected.len());
    for (name, reason) in expected {
        let file = root().join("captures/inconclusive").join(name);
        let (code, json) = audit(&file, "json");
        assert_eq!(code, 2, "{name}: INCONCLUSIVE exits 2");
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["summary"]["verdict"], "inconclusive", "{name}");
        let reasons = v["summary"]["reasons"].as_array().unwrap();
        assert!(
            reasons.iter().any(|r| r.as_str().unwrap().contains(reason)),
            "{name}: {reasons:?}"
        );
        // The demo site requires flows, but "missing" is no finding without IP traffic.
        let (_, md) = audit(&file, "markdown");
        assert!(md.contains("**Verdict: INCONCLUSIVE**"), "{name}: {md}");
        assert!(md.contains(reason), "{name}");
        let (_, html) = audit(&file, "html");
        assert!(html.contains("id=\"verdict\">INCONCLUSIVE<"), "{name}");
        let (_, junit) = audit(&file, "junit");
        assert!(
            junit.contains("<error message=\"INCONCLUSIVE"),
            "{name}: {junit}"
        );
        assert!(
            !junit.contains("<failure"),
            "{name}: no failure without IP traffic"
        );
    }
}

#[test]
fn no_damaged_capture_heads_a_report_with_pass() {
    let corrupt = files("captures/corrupt");
    assert!(corrupt.len() >= 14);
    for file in corrupt {
        let (code, json) = audit(&file, "json");
        let v: Value = serde_json::from_str(&json).unwrap();
        let verdict = v["summary"]["verdict"].as_str().unwrap();
        let reasons = v["summary"]["reasons"].as_array().unwrap();
        assert_ne!(verdict, "pass", "{}", file.display());
        if v["summary"]["complete"] == false {
            // Not read to its end: INCONCLUSIVE, or FAIL marked partial; exit 2, a reason.
            assert_eq!(code, 2, "{}", file.display());
            assert!(!reasons.is_empty(), "{}", file.display());
            if v["summary"]["verdicts"]["undocumented"] == 0
                && v["summary"]["verdicts"]["violation"] == 0
            {
                assert_eq!(verdict, "inconclusive", "{}", file.display());
            }
        }
        if v["statistics"]["capture"]["ip_packets"] == 0 {
            assert_eq!(verdict, "inconclusive", "{}", file.display());
        }
    }
}

#[test]
fn a_capture_that_does_not_exist_writes_no_report() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.md");
    let out = Command::new(BIN)
        .args(["audit", "--site"])
        .arg(root().join("captures/demo/site.toml"))
        .arg("-o")
        .arg(&report)
        .arg(dir.path().join("nope.pcap"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.pcap"));
    assert!(!report.exists(), "no report before the inputs are checked");
}

/// Finished flows the store could only count (beyond `--max-flow-records` records and as many
/// aggregates) were never judged: the report says so, in words, and is never complete.
#[test]
fn flows_only_counted_are_named_as_a_shortfall() {
    let dir = tempfile::tempdir().unwrap();
    let cap = common::synth(dir.path(), "syn-flood", 300);
    let out = Command::new(BIN)
        .args(["audit", "--format", "json", "--max-flow-records", "10"])
        .arg(&cap)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let summary = &report["summary"];
    let reasons: Vec<&str> = summary["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("290 finished flow(s) were only counted, not judged")),
        "{reasons:?}"
    );
    // The ten aggregates it kept are undocumented (no site): FAIL, marked partial.
    assert_eq!(summary["verdict"], "fail");
    assert_eq!(out.status.code(), Some(1));
    // With room for every flow, the same capture has no such reason.
    let whole = Command::new(BIN)
        .args(["audit", "--format", "json"])
        .arg(&cap)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&whole.stdout).unwrap();
    assert_eq!(report["summary"]["reasons"].as_array().unwrap().len(), 0);
}
