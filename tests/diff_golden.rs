//! `tapaudit diff` over pairs of reports made by the binary from the demo capture: a host
//! switched off (its frames removed from the capture), the same host back (a service
//! added), and a site that lost one role (a verdict changed). Compared with golden files.
//!
//! After an intended change of the output: `UPDATE_GOLDEN=1 cargo test --test diff_golden`.

use std::path::PathBuf;
use std::process::Command;

mod common;
use common::{audit_json, demo_site_with, pcap_without_address, BIN};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
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

/// The reports of the pairs, made once per test in a temporary directory.
struct Reports {
    dir: tempfile::TempDir,
}

impl Reports {
    fn new() -> Reports {
        let dir = tempfile::tempdir().unwrap();
        let demo = root().join("captures/demo/demo.pcap");
        let site = root().join("captures/demo/site.toml");
        // The mail server (10.20.0.25) switched off.
        let no_mail = dir.path().join("no-mail.pcap");
        let bytes = std::fs::read(&demo).unwrap();
        std::fs::write(
            &no_mail,
            pcap_without_address(&bytes, "10.20.0.25".parse().unwrap()),
        )
        .unwrap();
        // The site without the mail server's role: its SMTP flow is no longer documented.
        let no_role = dir.path().join("no-smtp-role.toml");
        std::fs::write(
            &no_role,
            demo_site_with("roles = [\"smtp.server\"]", "roles = []"),
        )
        .unwrap();
        for (capture, site, name) in [
            (&demo, &site, "week1.json"),
            (&no_mail, &site, "no-mail.json"),
            (&demo, &no_role, "no-role.json"),
        ] {
            let (code, err) = audit_json(capture, site, &dir.path().join(name), &[]);
            assert_eq!(code, Some(1), "the demo has findings\n{err}");
        }
        Reports { dir }
    }

    /// `tapaudit diff ARGS` run in the reports' directory (the file names in the output are
    /// the relative names given).
    fn diff(&self, args: &[&str]) -> (Option<i32>, String, String) {
        let o = Command::new(BIN)
            .current_dir(self.dir.path())
            .arg("diff")
            .args(args)
            .output()
            .unwrap();
        (
            o.status.code(),
            String::from_utf8(o.stdout).unwrap(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    }

    fn json(&self, old: &str, new: &str) -> serde_json::Value {
        let (_, out, err) = self.diff(&[old, new, "--format", "json"]);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}\n{out}\n{err}"))
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

fn names(list: &serde_json::Value, field: &str) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v[field].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_host_removed() {
    let r = Reports::new();
    let (code, md, err) = r.diff(&["week1.json", "no-mail.json"]);
    golden("diff-host-removed.md", &md);
    let j = r.json("week1.json", "no-mail.json");
    assert_eq!(names(&j["hosts"]["gone"], "host"), ["mail"]);
    assert!(j["hosts"]["new"].as_array().unwrap().is_empty());
    let gone = &j["services"]["gone"];
    assert_eq!(names(gone, "server"), ["mail"]);
    assert_eq!(names(gone, "service"), ["tcp/25"]);
    // Exit 1 exactly when the comparison has a new finding (here: whatever the SMTP rule's
    // level makes of the mail server's silence).
    let new = j["findings"]["new"].as_array().unwrap().len();
    assert_eq!(code, Some(i32::from(new > 0)), "{err}");
}

#[test]
fn a_service_added() {
    let r = Reports::new();
    let (code, md, err) = r.diff(&["no-mail.json", "week1.json"]);
    golden("diff-service-added.md", &md);
    let (_, html, _) = r.diff(&["no-mail.json", "week1.json", "--format", "html"]);
    golden("diff-service-added.html", &html);
    let j = r.json("no-mail.json", "week1.json");
    assert_eq!(names(&j["hosts"]["new"], "host"), ["mail"]);
    let new = &j["services"]["new"];
    assert_eq!(names(new, "client"), ["ftac-srv"]);
    assert_eq!(names(new, "service"), ["tcp/25"]);
    assert_eq!(new[0]["verdict"], "documented");
    assert!(j["findings"]["new"].as_array().unwrap().is_empty());
    assert_eq!(code, Some(0), "nothing new is a finding\n{err}");
}

#[test]
fn a_verdict_changed() {
    let r = Reports::new();
    let (code, md, _) = r.diff(&["week1.json", "no-role.json"]);
    golden("diff-verdict-changed.md", &md);
    let (_, json, _) = r.diff(&["week1.json", "no-role.json", "--format", "json"]);
    golden("diff-verdict-changed.json", &json);
    let j: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(j["schema"], "tapaudit.diff/1");
    let changes = &j["verdict_changes"];
    assert_eq!(changes.as_array().unwrap().len(), 1, "{changes}");
    assert_eq!(changes[0]["client"], "ftac-srv");
    assert_eq!(changes[0]["server"], "mail");
    assert_eq!(changes[0]["old"], "documented");
    assert_eq!(changes[0]["new"], "undocumented");
    let new = &j["findings"]["new"];
    assert_eq!(names(new, "kind"), ["undocumented"]);
    assert_eq!(names(new, "server"), ["mail"]);
    assert_eq!(
        code,
        Some(1),
        "a new undocumented flow fails at the default level"
    );
    let (code, _, _) = r.diff(&["week1.json", "no-role.json", "--fail-on", "violation"]);
    assert_eq!(code, Some(0), "it is not a violation");
    let (code, _, _) = r.diff(&["week1.json", "no-role.json", "--fail-on", "undocumented"]);
    assert_eq!(code, Some(1));
    // The way back: the finding is resolved, nothing new.
    let (code, _, _) = r.diff(&["no-role.json", "week1.json"]);
    assert_eq!(code, Some(0));
    let back = r.json("no-role.json", "week1.json");
    assert_eq!(names(&back["findings"]["resolved"], "server"), ["mail"]);
}

#[test]
fn output_file_is_the_same_as_standard_output() {
    let r = Reports::new();
    let (_, md, _) = r.diff(&["week1.json", "no-role.json"]);
    let (code, out, _) = r.diff(&["week1.json", "no-role.json", "-o", "diff.md"]);
    assert_eq!(code, Some(1));
    assert!(out.is_empty());
    assert_eq!(std::fs::read_to_string(r.path("diff.md")).unwrap(), md);
    let names: Vec<_> = std::fs::read_dir(r.dir.path()).unwrap().collect();
    assert_eq!(names.len(), 6, "no temporary left beside the output");
}

#[test]
fn bad_inputs_are_located_errors_with_exit_2() {
    let r = Reports::new();
    let (code, out, err) = r.diff(&["week1.json", "nope.json"]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(err.contains("nope.json: cannot be read"), "{err}");
    std::fs::write(
        r.path("cut.json"),
        "{\n  \"schema\": \"tapaudit.report/1\",\n  \"flows\": [",
    )
    .unwrap();
    let (code, _, err) = r.diff(&["cut.json", "week1.json"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("cut.json:3:"), "{err}");
    // A comparison is not a report.
    let (_, json, _) = r.diff(&["week1.json", "no-role.json", "--format", "json"]);
    std::fs::write(r.path("d.json"), json).unwrap();
    let (code, _, err) = r.diff(&["d.json", "week1.json"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("d.json: schema is \"tapaudit.diff/1\", expected \"tapaudit.report/1\""),
        "{err}"
    );
}
