//! Issue 20: the JUnit report is valid against Jenkins' junit-10.xsd (tests/schema/), reads
//! with junitparser, and counts as failures exactly the findings at or above `--fail-on`.
//! Needs Python's xmlschema and junitparser: skips with the reason when they are absent,
//! fails under CI=true.

use std::path::PathBuf;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_tapaudit");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn have_python_packages() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import xmlschema, junitparser"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true: python3 with xmlschema and junitparser is required"
        );
        eprintln!("skipping: python3 with xmlschema and junitparser not found (pip install xmlschema junitparser)");
    }
    ok
}

const CHECK: &str = r#"
import sys, xmlschema, junitparser
schema = xmlschema.XMLSchema(sys.argv[1])
schema.validate(sys.argv[2])
xml = junitparser.JUnitXml.fromfile(sys.argv[2])
failures = errors = skipped = 0
for suite in xml:
    for case in suite:
        for r in case.result:
            if isinstance(r, junitparser.Failure): failures += 1
            elif isinstance(r, junitparser.Error): errors += 1
            elif isinstance(r, junitparser.Skipped): skipped += 1
print(failures, errors, skipped)
"#;

/// (failures, errors, skipped) of the demo's JUnit report at `fail_on`, after validation.
fn demo_junit(fail_on: &str, extra: &[&str]) -> (u64, u64, u64, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let xml = dir.path().join("r.junit.xml");
    let run = |format: &str, out: &std::path::Path| {
        Command::new(BIN)
            .current_dir(root())
            .args(["audit", "--format", format, "--fail-on", fail_on])
            .args(extra)
            .arg("-o")
            .arg(out)
            .status()
            .unwrap()
    };
    run("junit", &xml);
    let json = dir.path().join("r.json");
    run("json", &json);
    let out = Command::new("python3")
        .args(["-c", CHECK])
        .arg(root().join("tests/schema/junit-10.xsd"))
        .arg(&xml)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let n: Vec<u64> = text
        .split_whitespace()
        .map(|t| t.parse().unwrap())
        .collect();
    let v = serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    (n[0], n[1], n[2], v)
}

#[test]
fn junit_validates_and_its_failures_follow_fail_on() {
    if !have_python_packages() {
        return;
    }
    for fail_on in ["violation", "undocumented", "missing", "never"] {
        let (failures, errors, skipped, v) = demo_junit(fail_on, &[]);
        let s = &v["summary"];
        let violations = s["verdicts"]["violation"].as_u64().unwrap();
        let groups: u64 = v["flows"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["verdict"] == "undocumented")
            .map(|f| {
                format!(
                    "{}>{}>{}>{}",
                    f["client_host"]
                        .as_str()
                        .unwrap_or(f["client"].as_str().unwrap_or("")),
                    f["server_host"]
                        .as_str()
                        .unwrap_or(f["server"].as_str().unwrap_or("")),
                    f["proto"],
                    f["server_port"]
                )
            })
            .collect::<std::collections::BTreeSet<_>>()
            .len() as u64;
        let missing = v["missing"].as_array().unwrap().len() as u64;
        let expected = match fail_on {
            "violation" => violations,
            "undocumented" => violations + groups,
            "missing" => violations + groups + missing,
            _ => 0,
        };
        assert_eq!(failures, expected, "--fail-on {fail_on}");
        assert_eq!(errors, 0, "the demo is read to its end");
        assert!(skipped > 0, "rules applying to no demo host are skipped");
    }
}

/// With zones (tests/golden/zones.site.toml): the report still validates, and at
/// `--fail-on violation` its failures are the violations plus the zone findings.
#[test]
fn junit_with_zones_validates_and_counts_zone_findings_as_violations() {
    if !have_python_packages() {
        return;
    }
    let extra = [
        "--site",
        "tests/golden/zones.site.toml",
        "captures/demo/demo.pcap",
    ];
    let (failures, errors, _, v) = demo_junit("violation", &extra);
    let violations = v["summary"]["verdicts"]["violation"].as_u64().unwrap();
    let zone_findings = v["zones"]["findings"].as_u64().unwrap();
    assert!(zone_findings > 0);
    assert_eq!(failures, violations + zone_findings);
    assert_eq!(errors, 0);
}
