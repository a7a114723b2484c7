//! End-to-end: `tapaudit audit` in every format over the bundled demo and the real
//! captures, compared byte for byte with golden files in `tests/golden/`.
//!
//! After an intended change of the output, regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test audit_golden` and review the diff.
//!
//! The evidence block's facts that change without the output changing are fixed or
//! stood for: the audit time is fixed with `SOURCE_DATE_EPOCH`; the build (`git describe`)
//! is replaced by `BUILD`, and the SHA-256 of each rule pack by `sha256-of:rules/NAME`,
//! computed here from the file: a golden that still shows the placeholder proves the
//! report's hash is that of the file, and editing a pack does not touch the goldens.

use std::path::PathBuf;
use std::process::Command;

mod common;
use common::stand_ins;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary from the repository root (so paths in reports are relative and stable).
fn run(args: &[&str]) -> (Option<i32>, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tapaudit"))
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", AUDIT_TIME)
        .args(args)
        .output()
        .expect("run tapaudit");
    (
        out.status.code(),
        stand_ins(&out.stdout),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// 2026-03-02T08:00:00Z, the demo's day.
const AUDIT_TIME: &str = common::GOLDEN_AUDIT_TIME;

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

fn demo(format: &str) -> Vec<u8> {
    let (code, out, err) = run(&["audit", "--format", format]);
    assert_eq!(code, Some(1), "the demo has findings: exit 1\n{err}");
    assert!(err.contains("bundled demo"), "{err}");
    out
}

#[test]
fn demo_markdown() {
    golden("demo.md", &demo("markdown"));
}
#[test]
fn demo_json() {
    let out = demo("json");
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["schema"], "tapaudit.report/1");
    golden("demo.json", &out);
}
#[test]
fn demo_junit() {
    golden("demo.junit.xml", &demo("junit"));
}
#[test]
fn demo_csv() {
    golden("demo.csv", &demo("csv"));
}

fn real(format: &str) -> Vec<u8> {
    let (code, out, err) = run(&[
        "audit",
        "--format",
        format,
        "--site",
        "captures/real/site.toml",
        "captures/real/dcerpc-epm.pcap",
        "captures/real/ftp-ipv4.pcap",
        "captures/real/ftp-ipv6.pcap",
        "captures/real/rpcbind.pcap",
    ]);
    assert_eq!(code, Some(1), "{err}");
    out
}

#[test]
fn real_captures_json() {
    golden("real.json", &real("json"));
}
#[test]
fn real_captures_markdown() {
    golden("real.md", &real("markdown"));
}

#[test]
fn same_input_same_report_byte_for_byte() {
    assert_eq!(demo("json"), demo("json"));
    assert_eq!(real("markdown"), real("markdown"));
}

#[test]
fn no_secret_from_the_wire_in_any_format() {
    for f in ["markdown", "json", "junit", "csv"] {
        let text = String::from_utf8_lossy(&demo(f)).into_owned();
        assert!(
            !text.contains("demo-secret-do-not-report"),
            "{f} leaks the FTP password"
        );
        let text = String::from_utf8_lossy(&real(f)).into_owned();
        assert!(
            !text.contains("real-secret-do-not-report"),
            "{f} leaks the FTP password"
        );
    }
}

#[test]
fn fail_on_levels_and_exit_codes() {
    let base = ["audit", "--format", "json", "--output"];
    let dir = std::env::temp_dir().join(format!("tapaudit-failon-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("r.json");
    let o = out.to_str().unwrap();
    let code = |level: &str| run(&[base[0], base[1], base[2], base[3], o, "--fail-on", level]).0;
    assert_eq!(code("never"), Some(0));
    assert_eq!(code("violation"), Some(1), "the demo has violations");
    assert_eq!(code("undocumented"), Some(1));
    assert_eq!(code("missing"), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["summary"]["complete"], true);
    std::fs::remove_dir_all(&dir).ok();
    // A run without violations passes --fail-on violation: ClearSCADA partners only.
    let (code, _, err) = run(&[
        "audit",
        "--fail-on",
        "violation",
        "--site",
        "captures/real/site.toml",
        "captures/real/ftp-ipv4.pcap",
    ]);
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn broken_site_file_is_a_clear_error_with_line_and_column() {
    let dir = std::env::temp_dir().join(format!("tapaudit-site-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let site = dir.join("site.toml");
    std::fs::write(&site, "[site]\nname = \"x\"\n[[hosts]]\nname = \"a\"\naddresses = [\"10.0.0.1\"]\nroles = [\"no.such-role\"]\n").unwrap();
    let (code, _, err) = run(&[
        "audit",
        "--site",
        site.to_str().unwrap(),
        "captures/real/ftp-ipv4.pcap",
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("site.toml:6:"), "{err}");
    assert!(err.contains("no.such-role"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn audit_of_the_demo_is_fast() {
    let t = std::time::Instant::now();
    let _ = demo("json");
    // "Well under a second" even in a debug build on a loaded 2-core machine.
    assert!(t.elapsed().as_secs_f64() < 2.0, "{:?}", t.elapsed());
}

/// The exceptions section over the demo capture with a site of three exceptions, one of each
/// status (tests/golden/exceptions.site.toml): used (RDP, flow 30), expired with traffic
/// (SSH, flow 29, a finding) and stale (VNC, never seen). Golden: the Markdown section and
/// the JSON `exceptions` key.
#[test]
fn exceptions_section() {
    let args = |format: &'static str| {
        [
            "audit",
            "--format",
            format,
            "--site",
            "tests/golden/exceptions.site.toml",
            "captures/demo/demo.pcap",
        ]
    };
    let (code, md, err) = run(&args("markdown"));
    assert_eq!(code, Some(1), "{err}");
    let md = String::from_utf8(md).unwrap();
    let start = md
        .find("## Site exceptions")
        .expect("an exceptions section");
    let end = start + md[start..].find("## Captures").expect("captures after it");
    golden("exceptions.md", &md.as_bytes()[start..end]);

    let (code, json, err) = run(&args("json"));
    assert_eq!(code, Some(1), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let ex = v["exceptions"].as_array().expect("exceptions[]");
    let statuses: Vec<&str> = ex.iter().map(|e| e["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["used", "expired", "stale"]);
    // The flows it names are the report's own: the accepted one is documented by exception
    // and cites the exception; the expired one is the undocumented finding it links.
    let flows = v["flows"].as_array().unwrap();
    let accepted = &flows[ex[0]["accepted"][0].as_u64().unwrap() as usize];
    assert_eq!(accepted["evidence"], "exception");
    assert_eq!(accepted["server_port"], 3389);
    assert_eq!(
        accepted["cite"],
        format!("site exception ({})", ex[0]["defined_at"].as_str().unwrap())
    );
    let late = &flows[ex[1]["expired"][0].as_u64().unwrap() as usize];
    assert_eq!(late["verdict"], "undocumented");
    assert_eq!(late["server_port"], 22);
    assert_eq!(ex[1]["findings"][0], late["finding"]);
    assert!(ex[2]["accepted"].as_array().unwrap().is_empty());
    assert!(ex[2]["expired"].as_array().unwrap().is_empty());
    // The other formats show the same statuses.
    let (_, html, _) = run(&args("html"));
    let html = String::from_utf8(html).unwrap();
    assert!(html.contains("<section id=\"exceptions\">"));
    for st in ["used", "expired", "stale"] {
        assert!(
            html.contains(&format!("exception-{st}\">{st}<")),
            "html: {st}"
        );
    }
    let (_, csv, _) = run(&[
        "audit",
        "--format",
        "csv",
        "--csv-table",
        "exceptions",
        "--site",
        "tests/golden/exceptions.site.toml",
        "captures/demo/demo.pcap",
    ]);
    let csv = String::from_utf8(csv).unwrap();
    let statuses: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    assert_eq!(statuses, ["used", "expired", "stale"]);
    let (_, junit, _) = run(&args("junit"));
    let junit = String::from_utf8(junit).unwrap();
    assert!(junit.contains("<property name=\"exception.3\" value=\"stale: "));
    let mut section = serde_json::to_vec_pretty(&v["exceptions"]).unwrap();
    section.push(b'\n');
    golden("exceptions.json", &section);
}

/// A site without exceptions gets no exceptions section in any format.
#[test]
fn no_exceptions_no_section() {
    let (_, md, err) = run(&[
        "audit",
        "--site",
        "captures/real/site.toml",
        "captures/real/ftp-ipv4.pcap",
    ]);
    let md = String::from_utf8(md).unwrap();
    assert!(!md.contains("## Site exceptions"), "{err}");
    let (_, json, _) = run(&[
        "audit",
        "--format",
        "json",
        "--site",
        "captures/real/site.toml",
        "captures/real/ftp-ipv4.pcap",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert!(v.get("exceptions").is_none());
}
