//! The HTML report of the demo audit: self-contained, escaped, with the key numbers; and,
//! where Debian's chromium is installed, rendered headless without script errors.
//!
//! `UPDATE_SCREENSHOT=1 cargo test --test html_report` refreshes docs/report-screenshot.png.

use std::path::{Path, PathBuf};
use std::process::Command;

const HOSTILE_HOST: &str = "<script>alert(1)</script>";
const HOSTILE_FILE: &str = "<img src=x onerror=alert(2)>.pcap";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tapaudit(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tapaudit"))
        .args(args)
        .current_dir(dir)
        // The report's audit time, fixed: same input, same page.
        .env("SOURCE_DATE_EPOCH", "1772438400")
        .output()
        .unwrap()
}

/// The demo capture under a hostile file name and the demo site with the engineering
/// laptop renamed to a script tag: (dir, html path, json summary).
fn hostile_report() -> (tempfile::TempDir, PathBuf, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let demo = root().join("captures/demo");
    std::fs::copy(demo.join("demo.pcap"), dir.path().join(HOSTILE_FILE)).unwrap();
    let site = std::fs::read_to_string(demo.join("site.toml"))
        .unwrap()
        .replace("\"eng-laptop\"", &format!("\"{HOSTILE_HOST}\""));
    assert!(site.contains(HOSTILE_HOST));
    std::fs::write(dir.path().join("site.toml"), site).unwrap();
    let html = dir.path().join("report.html");
    let out = tapaudit(
        &[
            "audit",
            HOSTILE_FILE,
            "--site",
            "site.toml",
            "--format",
            "html",
            "-o",
            "report.html",
        ],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = tapaudit(
        &[
            "audit",
            HOSTILE_FILE,
            "--site",
            "site.toml",
            "--format",
            "json",
        ],
        dir.path(),
    );
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    (dir, html, v["summary"].clone())
}

fn n(v: &serde_json::Value) -> u64 {
    v.as_u64().unwrap()
}

#[test]
fn demo_report_is_self_contained_and_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let a = tapaudit(&["audit", "--format", "html"], &root());
    let b = tapaudit(&["audit", "--format", "html"], &root());
    assert_eq!(a.status.code(), Some(1));
    assert_eq!(a.stdout, b.stdout, "same input, same page");
    let html = String::from_utf8(a.stdout).unwrap();
    std::fs::write(dir.path().join("r.html"), &html).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    let lower = html.to_lowercase();
    for bad in [
        "src=\"http",
        "href=\"http",
        "src='http",
        "href='http",
        "url(",
        "@import",
        "<link",
    ] {
        assert!(!lower.contains(bad), "fetches something: {bad}");
    }
    assert_eq!(
        lower.matches("<script").count(),
        1,
        "one inline script, ours"
    );
    assert_eq!(lower.matches("<style").count(), 1);
    for section in [
        "id=\"summary\"",
        "id=\"matrix\"",
        "<svg class=\"matrix\"",
        "id=\"findings\"",
        "id=\"flows\"",
        "id=\"coverage\"",
        "id=\"compliance\"",
    ] {
        assert!(html.contains(section), "missing {section}");
    }
    // The compliance view names the clauses and says it is evidence, not certification.
    for clause in [
        "NERC CIP-005 R1.3",
        "IEC 62443-3-3 SR 5.1",
        "NIST CSF DE.CM-01",
    ] {
        assert!(html.contains(clause), "compliance view lacks {clause}");
    }
    assert!(html.contains("not a certification of compliance"));
}

/// Every link of the page's navigation leads to a section of the page; the exceptions
/// section, there only when the site has exceptions, has a link exactly then.
#[test]
fn navigation_links_lead_to_sections() {
    let demo = String::from_utf8(tapaudit(&["audit", "--format", "html"], &root()).stdout).unwrap();
    let capture = root().join("captures/demo/demo.pcap");
    let no_site = String::from_utf8(
        tapaudit(
            &["audit", "--format", "html", capture.to_str().unwrap()],
            &root(),
        )
        .stdout,
    )
    .unwrap();
    for (html, exceptions) in [(&demo, true), (&no_site, false)] {
        let nav = html
            .split("<nav>")
            .nth(1)
            .unwrap()
            .split("</nav>")
            .next()
            .unwrap();
        let targets: Vec<&str> = nav
            .match_indices("href=\"#")
            .map(|(i, m)| nav[i + m.len()..].split('"').next().unwrap())
            .collect();
        assert!(targets.len() >= 8, "{targets:?}");
        for t in &targets {
            assert!(
                html.contains(&format!("id=\"{t}\"")),
                "nav link #{t} leads nowhere"
            );
        }
        assert_eq!(targets.contains(&"exceptions"), exceptions, "{targets:?}");
    }
}

#[test]
fn hostile_host_and_file_names_are_escaped() {
    let (_dir, path, summary) = hostile_report();
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(
        !html.contains(HOSTILE_HOST),
        "raw script tag from the site file"
    );
    assert!(
        !html.contains("<img"),
        "raw img tag from the capture file name"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;.pcap"));
    assert_eq!(html.to_lowercase().matches("<script").count(), 1);
    // The key numbers, as the JSON report of the same run counts them.
    let v = &summary["verdicts"];
    for (id, want) in [
        ("flows", n(&summary["flows"])),
        ("documented", n(&v["documented"])),
        ("undocumented", n(&v["undocumented"])),
        ("violation", n(&v["violation"])),
        ("unused", n(&summary["unused"])),
    ] {
        let needle = format!("id=\"n-{id}\">{want}<");
        assert!(html.contains(&needle), "{needle}");
    }
    let missing: u64 = summary["missing"]
        .as_object()
        .unwrap()
        .values()
        .map(n)
        .sum();
    assert!(html.contains(&format!("id=\"n-missing\">{missing}<")));
    assert!(html.contains("id=\"verdict\">FAIL<"));
}

fn chromium() -> Option<&'static str> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).exists())
}

fn chromium_cmd(bin: &str, profile: &Path) -> Command {
    let mut c = Command::new("timeout");
    c.arg("120").arg(bin).args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--enable-logging=stderr",
        "--v=0",
    ]);
    c.arg(format!("--user-data-dir={}", profile.display()));
    c
}

#[test]
fn renders_in_headless_chromium_without_script_errors() {
    let Some(bin) = chromium() else {
        let msg = "skip: chromium not installed (Debian: apt-get install chromium)";
        // CI installs chromium (.ci/run): there, a skip is a failure.
        assert!(std::env::var_os("CI").is_none(), "{msg}");
        eprintln!("{msg}");
        return;
    };
    let (dir, path, summary) = hostile_report();
    let url = format!("file://{}", path.display());
    let profile = dir.path().join("profile");
    let out = chromium_cmd(bin, &profile)
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "chromium failed: {stderr}");
    assert!(
        dom.contains("data-js=\"ok\""),
        "the script did not finish: {stderr}"
    );
    // The page's error collector (the script text itself also says "Script error").
    let errors = dom
        .split("id=\"js-errors\"")
        .nth(1)
        .and_then(|rest| rest.split("</div>").next())
        .expect("error box in the DOM");
    assert!(
        errors.contains("hidden") && !errors.contains("Script error"),
        "script error: {errors}"
    );
    for line in stderr.lines().filter(|l| l.contains("CONSOLE")) {
        assert!(!line.contains("Uncaught"), "console error: {line}");
    }
    // The hostile host name is text in the rendered DOM, not an element.
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_eq!(dom.to_lowercase().matches("<script").count(), 1);
    // The script ran the filter: it reports every row shown.
    let flows = n(&summary["flows"]);
    assert!(
        dom.contains(&format!("showing {flows} of {flows}")),
        "filter count"
    );
    assert!(dom.contains(&format!("id=\"n-flows\">{flows}<")));
    assert!(dom.contains(&format!(
        "id=\"n-violation\">{}<",
        n(&summary["verdicts"]["violation"])
    )));

    let shot = dir.path().join("shot.png");
    // The screenshot of the demo report (not the hostile one).
    let demo = tapaudit(&["audit", "--format", "html"], &root());
    let demo_html = dir.path().join("demo.html");
    std::fs::write(&demo_html, &demo.stdout).unwrap();
    let s = chromium_cmd(bin, &profile)
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1400,2000")
        .arg(format!("file://{}", demo_html.display()))
        .output()
        .unwrap();
    assert!(s.status.success(), "{}", String::from_utf8_lossy(&s.stderr));
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000);
    if std::env::var_os("UPDATE_SCREENSHOT").is_some() {
        std::fs::write(root().join("docs/report-screenshot.png"), png).unwrap();
    }
}
