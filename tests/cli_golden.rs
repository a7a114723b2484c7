//! Golden tests of command output: `rules roles` (table and JSON), one-pass diagnostics
//! of `rules check --site` (a site with five mistakes gives five located errors).
//!
//! After an intended change of the output: `UPDATE_GOLDEN=1 cargo test --test cli_golden`.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tapaudit"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("run tapaudit");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("utf-8 output"),
    )
}

fn golden(name: &str, got: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 creates it)", path.display()));
    assert!(
        want == got,
        "{name} differs from its golden file; got:\n{got}"
    );
}

#[test]
fn rules_roles_table() {
    let (code, out) = run(&["rules", "roles"]);
    assert_eq!(code, Some(0));
    // Every role of every pack is listed, each line short enough to read.
    for role in [
        "ftac.server",
        "pathtrak.hcu400",
        "clearscada.dmz-standby",
        "smtp.server",
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(role)),
            "{role} missing:\n{out}"
        );
    }
    assert!(out.lines().all(|l| l.chars().count() <= 160), "{out}");
    golden("rules-roles.txt", &out);
}

#[test]
fn rules_roles_json() {
    let (code, out) = run(&["rules", "roles", "--format", "json"]);
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let roles = v["roles"].as_array().unwrap();
    let hcu = roles.iter().find(|r| r["id"] == "pathtrak.hcu200").unwrap();
    assert_eq!(hcu["pack"], "pathtrak");
    assert_eq!(hcu["implied_all"], serde_json::json!(["pathtrak.hcu"]));
    // smtp.server is declared by two packs: listed once for each.
    assert_eq!(roles.iter().filter(|r| r["id"] == "smtp.server").count(), 2);
    golden("rules-roles.json", &out);
}

#[test]
fn five_mistakes_five_located_errors() {
    let (code, out) = run(&[
        "rules",
        "check",
        "--today",
        "2026-12-01",
        "--site",
        "tests/golden/five-mistakes.site.toml",
    ]);
    assert_eq!(code, Some(2), "{out}");
    let errors: Vec<&str> = out.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 5, "{out}");
    for (line, what) in [
        (10, "unknown field `colour`"),
        (14, "10.20.1.300"),
        (15, "unknown role \"ftac.clinet\""),
        (18, "not configurable"),
        (22, "unknown host \"eng-wz\""),
    ] {
        let at = format!("tests/golden/five-mistakes.site.toml:{line}:");
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with(&at) && e.contains(what)),
            "no error at line {line} with {what:?}:\n{out}"
        );
    }
    golden("five-mistakes.check.txt", &out);
}
