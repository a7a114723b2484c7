//! The HTML report printed as an auditor prints it: headless Chromium `--print-to-pdf` on
//! Letter (Chromium's default) and A4, then `pdftotext -layout` must find every column
//! header of the flow table and, row by row, the verdict and rule id of every flow of the
//! JSON report; the collapsed "openings never used" section must be in the print; the page
//! header carries the site and the inputs digest; `pdftoppm` rasterises page 1.
//!
//! Needs `chromium` and poppler-utils (`pdftotext`, `pdftoppm`): skipped with a message
//! without them, but under CI=true a missing tool is a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tapaudit(format: &str) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_tapaudit"))
        .args(["audit", "--format", format])
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", "1772438400")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "the demo has findings");
    out.stdout
}

fn tool(candidates: &[&'static str]) -> Option<&'static str> {
    candidates.iter().copied().find(|p| Path::new(p).exists())
}

/// The tools, or None after a SKIP message (a failure under CI=true).
fn tools() -> Option<(&'static str, &'static str, &'static str)> {
    let chromium = tool(&["/usr/bin/chromium", "/usr/bin/chromium-browser"]);
    let pdftotext = tool(&["/usr/bin/pdftotext"]);
    let pdftoppm = tool(&["/usr/bin/pdftoppm"]);
    match (chromium, pdftotext, pdftoppm) {
        (Some(c), Some(t), Some(p)) => Some((c, t, p)),
        _ => {
            let msg = "SKIP html_print: needs chromium and poppler-utils (pdftotext, pdftoppm); Debian: apt-get install chromium poppler-utils";
            assert!(std::env::var_os("CI").is_none(), "{msg}");
            eprintln!("{msg}");
            None
        }
    }
}

/// Prints `html` to `pdf` with the command docs/html-report.md gives.
fn print_to_pdf(chromium: &str, html: &Path, pdf: &Path, profile: &Path) {
    let out = Command::new("timeout")
        .arg("120")
        .arg(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success() && pdf.exists(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn pdftotext(bin: &str, pdf: &Path) -> String {
    let out = Command::new(bin)
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// The column headers of the flow table, as the page has them.
fn flow_headers(html: &str) -> Vec<String> {
    let table = html.split("<table id=\"flows\"").nth(1).unwrap();
    let head = table.split("</thead>").next().unwrap();
    head.split("<th")
        .skip(1)
        .filter(|th| th.starts_with([' ', '>']))
        .map(|th| {
            let text = th.split_once('>').unwrap().1;
            text.split("</th>").next().unwrap().to_string()
        })
        .collect()
}

fn check_print(text: &str, html: &str, json: &serde_json::Value, paper: &str) {
    // The flow table: from its header to the next section.
    let start = text.find("first seen").expect("flow table header");
    let end = start
        + text[start..]
            .find("Rules seen")
            .expect("rules after the flows");
    let flows_text = &text[start..end];
    for h in flow_headers(html) {
        for word in h.split_whitespace() {
            assert!(
                flows_text.contains(word),
                "{paper}: flow-table header {h:?} not printed"
            );
        }
    }
    // Row by row: the line that starts with the row number carries the verdict; the rule id
    // is printed whole before the next row starts.
    let lines: Vec<&str> = flows_text.lines().collect();
    let flows = json["flows"].as_array().unwrap();
    let mut at = 0;
    let mut starts = Vec::new();
    for (i, f) in flows.iter().enumerate() {
        let n = (i + 1).to_string();
        let verdict = f["verdict"].as_str().unwrap();
        let found = lines[at..]
            .iter()
            .position(|l| l.split_whitespace().next() == Some(n.as_str()) && l.contains(verdict))
            .unwrap_or_else(|| panic!("{paper}: row {n} with verdict {verdict} not printed"));
        at += found;
        starts.push(at);
        at += 1;
    }
    starts.push(lines.len());
    for (i, f) in flows.iter().enumerate() {
        if let Some(rule) = f["rule"].as_str() {
            let row = lines[starts[i]..starts[i + 1]].join("\n");
            assert!(
                row.contains(rule),
                "{paper}: rule {rule} of row {} not printed in its row:\n{row}",
                i + 1
            );
        }
    }
    // Collapsed on screen, printed in full: every documented opening never used.
    for u in json["unused"].as_array().unwrap() {
        let rule = u["rule"].as_str().unwrap();
        assert!(
            text.contains(rule),
            "{paper}: unused rule {rule} not printed"
        );
    }
    // The page header: the site and the inputs digest, on every page.
    let site = json["site"]["name"].as_str().unwrap();
    let pages = text.split('\u{c}').filter(|p| !p.trim().is_empty()).count();
    assert!(pages > 1);
    assert_eq!(
        text.matches(&format!("tapaudit report: {site}")).count(),
        pages,
        "{paper}: the site is not in every page header"
    );
    assert!(text.contains(&format!("page 1 of {pages}")), "{paper}");
}

#[test]
fn demo_report_prints_every_column_and_every_flow_on_letter_and_a4() {
    let Some((chromium, pdftotext_bin, pdftoppm)) = tools() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = String::from_utf8(tapaudit("html")).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&tapaudit("json")).unwrap();
    // The digest in the page header is that of the inputs' hashes of the JSON evidence.
    let mut hashes = String::new();
    for i in json["evidence"]["inputs"].as_array().unwrap() {
        hashes.push_str(i["sha256"].as_str().unwrap_or("null"));
        hashes.push('\n');
    }
    let digest = {
        use sha2::{Digest, Sha256};
        Sha256::digest(hashes.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    assert!(html.contains(&format!("inputs SHA-256 {digest}")));

    let letter = dir.path().join("letter.html");
    std::fs::write(&letter, &html).unwrap();
    // A4: the same page, with the paper size a print dialog would set.
    let a4 = dir.path().join("a4.html");
    std::fs::write(
        &a4,
        html.replacen("</head>", "<style>@page{size:A4}</style></head>", 1),
    )
    .unwrap();
    let profile = dir.path().join("profile");
    for (paper, page) in [("Letter", &letter), ("A4", &a4)] {
        let pdf = dir.path().join(format!("{paper}.pdf"));
        print_to_pdf(chromium, page, &pdf, &profile);
        let text = pdftotext(pdftotext_bin, &pdf);
        check_print(&text, &html, &json, paper);
        let pages = text.split('\u{c}').filter(|p| !p.trim().is_empty()).count();
        eprintln!("{paper}: {pages} pages");
        if paper == "A4" {
            let png = dir.path().join("page");
            let out = Command::new(pdftoppm)
                .args(["-r", "50", "-f", "1", "-l", "1", "-png", "-singlefile"])
                .arg(&pdf)
                .arg(&png)
                .output()
                .unwrap();
            assert!(out.status.success());
            let png = std::fs::read(dir.path().join("page.png")).unwrap();
            assert!(
                png.starts_with(b"\x89PNG") && png.len() > 10_000,
                "{}",
                png.len()
            );
        }
    }
}
