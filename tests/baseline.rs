//! `tapaudit audit --baseline REPORT.json` over the demo capture with a site whose
//! exceptions are used, expired and stale (tests/golden/exceptions.site.toml): violations,
//! undocumented flows, an expired exception's flow, and required flows missing, blocked and
//! refused. The same capture against its own report: every finding known, exit 0 at every
//! level. Against that report with one finding taken out: exactly that one new, the run fails
//! at its level and not below it. Every format says so; a corrupt baseline is exit 2 naming
//! the file, before any report is written.

use std::path::{Path, PathBuf};

mod common;

const SITE: &str = "tests/golden/exceptions.site.toml";
const CAPTURE: &str = "captures/demo/demo.pcap";

use common::root;

/// `tapaudit audit CAPTURE --site SITE ARGS` from the repository root.
fn audit(args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["audit", CAPTURE, "--site", SITE];
    all.extend_from_slice(args);
    common::tapaudit_at_root(&all)
}

/// The JSON report of the capture, written to DIR/base.json.
fn baseline(dir: &Path) -> (PathBuf, serde_json::Value) {
    let path = dir.join("base.json");
    let (code, _, err) = audit(&["--format", "json", "-o", path.to_str().unwrap()]);
    assert_eq!(code, Some(1), "the demo has findings\n{err}");
    let v = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    (path, v)
}

fn json(args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let (code, out, err) = audit(&all);
    let v = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}\n{out}\n{err}"));
    (code, v)
}

/// Every finding of a JSON report with its `known` field: (id, kind, known).
fn findings(v: &serde_json::Value) -> Vec<(String, String, Option<bool>)> {
    let mut out: Vec<(String, String, Option<bool>)> = Vec::new();
    for f in v["flows"].as_array().unwrap() {
        if let Some(id) = f["finding"].as_str() {
            out.push((
                id.into(),
                f["verdict"].as_str().unwrap().into(),
                f["known"].as_bool(),
            ));
        }
    }
    for m in v["missing"].as_array().unwrap() {
        out.push((
            m["finding"].as_str().unwrap().into(),
            format!("missing {}", m["status"].as_str().unwrap()),
            m["known"].as_bool(),
        ));
    }
    out
}

#[test]
fn the_same_capture_against_its_own_report_is_all_known_and_passes() {
    let dir = tempfile::tempdir().unwrap();
    let (base, base_json) = baseline(dir.path());
    let b = base.to_str().unwrap();
    let kinds: Vec<String> = findings(&base_json).into_iter().map(|f| f.1).collect();
    for kind in [
        "violation",
        "undocumented",
        "missing blocked",
        "missing refused",
    ] {
        assert!(
            kinds.iter().any(|k| k == kind),
            "the baseline has a {kind}: {kinds:?}"
        );
    }
    // The expired exception's flow is one of the undocumented findings.
    let expired = base_json["exceptions"][1]["findings"][0].as_str().unwrap();
    for level in ["violation", "undocumented", "missing"] {
        let (code, _, err) = audit(&["--baseline", b, "--fail-on", level]);
        assert_eq!(
            code,
            Some(0),
            "--fail-on {level}: every finding is known\n{err}"
        );
    }
    let (code, v) = json(&["--baseline", b, "--fail-on", "undocumented"]);
    assert_eq!(code, Some(0));
    let all = findings(&v);
    assert_eq!(all.len(), findings(&base_json).len());
    for (id, kind, known) in &all {
        assert_eq!(*known, Some(true), "{id} ({kind}) is known");
    }
    assert!(all.iter().any(|f| f.0 == expired));
    let bl = &v["baseline"];
    assert_eq!(bl["file"], b);
    assert_eq!(
        bl["sha256"].as_str().unwrap(),
        tapaudit_report::sha256_file(&base).unwrap()
    );
    assert_eq!(bl["new"], 0);
    let distinct: std::collections::BTreeSet<&String> = all.iter().map(|f| &f.0).collect();
    assert_eq!(bl["known"], distinct.len());
    assert_eq!(bl["resolved"].as_array().unwrap().len(), 0);
    // The report itself is unchanged otherwise: same verdict, same flows.
    assert_eq!(v["summary"], base_json["summary"]);
    // Without --baseline: no baseline block and no `known` field.
    assert!(base_json.get("baseline").is_none());
    assert!(findings(&base_json).iter().all(|f| f.2.is_none()));

    let (_, md, _) = audit(&["--baseline", b]);
    assert!(
        md.contains(&format!(
            "**Baseline: 0 new, {} known, 0 resolved** (baseline {b},",
            distinct.len()
        )),
        "{md}"
    );
    assert!(!md.contains("| **new** |"), "{md}");
    let (_, html, _) = audit(&["--baseline", b, "--format", "html"]);
    assert!(html.contains("<b id=\"n-baseline-new\">0</b> new"), "html");
    assert!(html.contains("<span class=\"badge known\">known</span>"));
    assert!(!html.contains("<span class=\"badge new\">"));
}

#[test]
fn a_finding_the_baseline_lacks_is_the_only_new_one_and_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut base) = baseline(dir.path());
    // Take the eng-laptop -> ftac-srv tcp/445 finding out of the baseline, and add one the
    // capture does not have (resolved since).
    let flows = base["flows"].as_array_mut().unwrap();
    let smb = flows
        .iter()
        .find(|f| f["server_port"] == 445 && f["verdict"] == "undocumented")
        .expect("an undocumented SMB flow")["finding"]
        .as_str()
        .unwrap()
        .to_string();
    flows.retain(|f| f["finding"] != smb.as_str());
    let mut gone = base["missing"][0].clone();
    gone["finding"] = "F-0123456789ab".into();
    gone["server_host"] = "old-hcu".into();
    base["missing"].as_array_mut().unwrap().push(gone);
    let edited = dir.path().join("edited.json");
    std::fs::write(&edited, serde_json::to_vec_pretty(&base).unwrap()).unwrap();
    let b = edited.to_str().unwrap();

    let (code, v) = json(&["--baseline", b, "--fail-on", "undocumented"]);
    assert_eq!(
        code,
        Some(1),
        "a new undocumented finding fails at undocumented"
    );
    let new: Vec<_> = findings(&v)
        .into_iter()
        .filter(|f| f.2 != Some(true))
        .collect();
    assert!(!new.is_empty());
    assert!(
        new.iter().all(|f| f.0 == smb && f.2 == Some(false)),
        "only {smb} is new: {new:?}"
    );
    assert_eq!(v["baseline"]["new"], 1);
    let resolved = v["baseline"]["resolved"].as_array().unwrap();
    assert_eq!(resolved.len(), 1);
    assert_eq!(resolved[0]["id"], "F-0123456789ab");
    assert_eq!(resolved[0]["kind"], "missing");
    // Not a violation: the run passes at that level, and fails at the default (any).
    let (code, _, _) = audit(&["--baseline", b, "--fail-on", "violation"]);
    assert_eq!(code, Some(0));
    let (code, md, _) = audit(&["--baseline", b]);
    assert_eq!(code, Some(1));
    assert!(md.contains("**Baseline: 1 new, "), "{md}");
    assert!(md.contains(", 1 resolved**"), "{md}");
    let marked: Vec<&str> = md.lines().filter(|l| l.ends_with("| **new** |")).collect();
    assert_eq!(marked.len(), 1, "{marked:?}");
    assert!(
        marked[0].starts_with("| eng-laptop | ftac-srv | tcp/445 |"),
        "{marked:?}"
    );
    assert!(md.contains("## Resolved since the baseline"));
    assert!(md.contains("| F-0123456789ab | missing |"), "{md}");

    // JUnit: known findings skipped, "known in baseline FILE"; the new one the only failure.
    let (code, xml, _) = audit(&[
        "--baseline",
        b,
        "--format",
        "junit",
        "--fail-on",
        "undocumented",
    ]);
    assert_eq!(code, Some(1));
    // A case per violation flow, per missing flow and per undocumented group (one finding
    // each in the demo): all but the new one are known.
    let all = findings(&v);
    let violations = all.iter().filter(|f| f.1 == "violation").count();
    let missing = all.iter().filter(|f| f.1.starts_with("missing")).count();
    let groups: std::collections::BTreeSet<&String> = all
        .iter()
        .filter(|f| f.1 == "undocumented")
        .map(|f| &f.0)
        .collect();
    let known = format!("<skipped message=\"known in baseline {b}: ");
    assert_eq!(
        xml.matches(&known).count(),
        violations + missing + groups.len() - 1,
        "{xml}"
    );
    assert!(
        xml.contains("<testsuites name=\"tapaudit: FAIL\" tests="),
        "{xml}"
    );
    assert!(xml.contains(" failures=\"1\" "), "{xml}");
    let failure = xml
        .lines()
        .position(|l| l.contains("<failure "))
        .expect("one failure");
    let case = xml.lines().nth(failure - 1).unwrap();
    assert!(
        case.contains("name=\"eng-laptop -&gt; ftac-srv tcp/445\""),
        "{case}"
    );
    assert!(xml.contains("<property name=\"baseline.new\" value=\"1\"/>"));
    assert!(xml.contains("<property name=\"baseline.resolved\" value=\"1: F-0123456789ab\"/>"));

    // CSV: the findings table's `known` column, after the finding id.
    let (_, csv, _) = audit(&[
        "--baseline",
        b,
        "--format",
        "csv",
        "--csv-table",
        "findings",
    ]);
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().ends_with(",reason,finding_id,known"));
    let rows: Vec<&str> = lines.collect();
    assert!(!rows.is_empty());
    for row in &rows {
        let want = if row.contains(&smb) {
            ",false"
        } else {
            ",true"
        };
        assert!(row.ends_with(want), "{row}");
    }
    let (_, plain, _) = audit(&["--format", "csv", "--csv-table", "findings"]);
    assert!(
        plain.lines().skip(1).all(|l| l.ends_with(',')),
        "no baseline, no `known`"
    );
}

#[test]
fn a_baseline_from_a_capture_with_fewer_flows_makes_the_rest_new() {
    let dir = tempfile::tempdir().unwrap();
    // The plant with the engineering laptop switched off: its findings are not in the
    // baseline, so they are new when it comes back.
    let bytes = std::fs::read(root().join(CAPTURE)).unwrap();
    let quiet = dir.path().join("no-laptop.pcap");
    std::fs::write(
        &quiet,
        common::pcap_without_address(&bytes, "10.20.0.99".parse().unwrap()),
    )
    .unwrap();
    let base = dir.path().join("quiet.json");
    let (code, err) = common::audit_json(&quiet, &root().join(SITE), &base, &[]);
    assert!(code == Some(1) || code == Some(0), "{err}");
    let (code, v) = json(&[
        "--baseline",
        base.to_str().unwrap(),
        "--fail-on",
        "undocumented",
    ]);
    assert_eq!(code, Some(1));
    let new: Vec<_> = findings(&v)
        .into_iter()
        .filter(|f| f.2 == Some(false))
        .collect();
    assert!(!new.is_empty());
    for (id, _, _) in &new {
        let flow = v["flows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["finding"] == id.as_str())
            .unwrap();
        assert_eq!(flow["client_host"], "eng-laptop", "{flow}");
    }
}

#[test]
fn a_corrupt_or_foreign_baseline_is_exit_2_naming_the_file_and_no_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    let o = out.to_str().unwrap();
    let cut = dir.path().join("cut.json");
    std::fs::write(
        &cut,
        "{\n  \"schema\": \"tapaudit.report/1\",\n  \"flows\": [",
    )
    .unwrap();
    let (code, _, err) = audit(&["--baseline", cut.to_str().unwrap(), "-o", o]);
    assert_eq!(code, Some(2));
    assert!(err.contains(&format!("{}:3:", cut.display())), "{err}");
    assert!(!out.exists(), "no report written");

    let xml = dir.path().join("report.junit.xml");
    std::fs::write(&xml, "<?xml version=\"1.0\"?><testsuites/>").unwrap();
    let (code, _, err) = audit(&["--baseline", xml.to_str().unwrap(), "-o", o]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains(&format!("{}:1:1: not a JSON report", xml.display())),
        "{err}"
    );
    let other = dir.path().join("diff.json");
    std::fs::write(&other, "{\"schema\": \"tapaudit.diff/1\"}").unwrap();
    let (code, _, err) = audit(&["--baseline", other.to_str().unwrap(), "-o", o]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("schema is \"tapaudit.diff/1\", expected \"tapaudit.report/1\""),
        "{err}"
    );
    let missing = dir.path().join("nope.json");
    let (code, _, err) = audit(&["--baseline", missing.to_str().unwrap(), "-o", o]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains(&format!("{}: cannot be read", missing.display())),
        "{err}"
    );
    assert!(!out.exists(), "no report written");
}
