//! The evidence block and `tapaudit verify`: the hashes a report states are those
//! `sha256sum` prints for its inputs; the capture interfaces are those the files describe
//! (checked against capinfos); `verify` fails when one byte of a capture changes.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tapaudit(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tapaudit"))
        .current_dir(root())
        .args(args)
        .output()
        .unwrap()
}

/// What coreutils' `sha256sum` prints for a file (the reference, not our code).
fn sha256sum(path: &Path) -> String {
    let out = Command::new("sha256sum")
        .arg(path)
        .output()
        .expect("sha256sum");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()[..64].to_string()
}

fn inputs(report: &serde_json::Value) -> Vec<(String, String, Option<String>)> {
    report["evidence"]["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["kind"].as_str().unwrap().to_string(),
                i["name"].as_str().unwrap().to_string(),
                i["sha256"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn hashes_in_the_report_are_those_sha256sum_prints() {
    let dir = tempfile::tempdir().unwrap();
    // A gzip-compressed copy: the hash is that of the compressed file on disk.
    let gz = dir.path().join("ftp-ipv4.pcap.gz");
    let raw = std::fs::read(root().join("captures/real/ftp-ipv4.pcap")).unwrap();
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut enc, &raw).unwrap();
    std::fs::write(&gz, enc.finish().unwrap()).unwrap();
    let gz = gz.to_str().unwrap();
    let out = tapaudit(&[
        "audit",
        "--format",
        "json",
        "--site",
        "captures/real/site.toml",
        "captures/real/dcerpc-epm.pcap",
        "captures/real/rpcbind.pcap",
        "captures/public/zeek-pcapng-multi-interface.pcapng",
        gz,
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let inputs = inputs(&report);
    let kinds: Vec<&str> = inputs.iter().map(|i| i.0.as_str()).collect();
    assert_eq!(
        kinds[..5],
        ["capture", "capture", "capture", "capture", "site"]
    );
    assert!(kinds[5..].iter().all(|k| *k == "rules") && kinds.len() > 5);
    for (kind, name, hash) in &inputs {
        let file = match name.strip_prefix("embedded:") {
            Some(pack) => root().join("rules").join(pack),
            None => root().join(name),
        };
        assert_eq!(
            hash.as_deref(),
            Some(sha256sum(&file).as_str()),
            "{kind} {name}"
        );
    }
    // The captures table carries the same hashes.
    for c in report["captures"].as_array().unwrap() {
        let f = root().join(c["file"].as_str().unwrap());
        assert_eq!(c["sha256"].as_str(), Some(sha256sum(&f).as_str()));
    }
    // Documents, with their versions, are named beside their packs.
    let docs = report["evidence"]["inputs"].as_array().unwrap();
    assert!(docs.iter().any(|i| i["document"]
        .as_str()
        .is_some_and(|d| d.contains("AssetCentre 16.00"))));
}

#[test]
fn pcapng_interfaces_are_named_as_capinfos_names_them() {
    // capinfos -M zeek-pcapng-multi-interface.pcapng: interface 0 "eth0" (2 packets),
    // interface 1 "\Device\NPF_{5AE6EDB4-EFF9-46B3-A3C2-EE50C688A9E6}" (4 packets).
    let out = tapaudit(&[
        "audit",
        "--format",
        "json",
        "captures/public/zeek-pcapng-multi-interface.pcapng",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ifaces = report["evidence"]["interfaces"].as_array().unwrap();
    let got: Vec<(Option<&str>, u64)> = ifaces
        .iter()
        .map(|i| (i["name"].as_str(), i["packets"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("eth0"), 2),
            (
                Some("\\Device\\NPF_{5AE6EDB4-EFF9-46B3-A3C2-EE50C688A9E6}"),
                4
            )
        ]
    );
    for i in ifaces {
        assert!(i["first_seen"].is_string() && i["last_seen"].is_string());
        assert!(i["dropped"].is_null(), "the file has no statistics block");
    }
    let md = tapaudit(&[
        "audit",
        "captures/public/zeek-pcapng-multi-interface.pcapng",
    ]);
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("| eth0 |"), "{md}");
}

#[test]
fn labels_and_audit_time_are_in_every_format() {
    for format in ["markdown", "json", "junit", "html"] {
        let out = tapaudit(&[
            "audit",
            "--format",
            format,
            "--auditor",
            "Jo Auditor",
            "--sensor",
            "tap-line-a",
            "--audit-time",
            "2026-03-05T10:00:00Z",
        ]);
        let text = String::from_utf8(out.stdout).unwrap();
        for want in [
            "Jo Auditor",
            "tap-line-a",
            "2026-03-05T10:00:00Z",
            env!("TAPAUDIT_BUILD"),
            &sha256sum(&root().join("captures/demo/demo.pcap")),
            &sha256sum(&root().join("captures/demo/site.toml")),
        ] {
            assert!(text.contains(want), "{format} lacks {want}");
        }
    }
    let bad = tapaudit(&["audit", "--audit-time", "yesterday"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn verify_says_which_inputs_match_and_fails_on_one_changed_byte() {
    let dir = tempfile::tempdir().unwrap();
    let capture = dir.path().join("ftp-ipv4.pcap");
    std::fs::copy(root().join("captures/real/ftp-ipv4.pcap"), &capture).unwrap();
    let report = dir.path().join("r.json");
    let out = tapaudit(&[
        "audit",
        "--format",
        "json",
        "--fail-on",
        "never",
        "--output",
        report.to_str().unwrap(),
        "--site",
        "captures/real/site.toml",
        capture.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let verify = |files: &[&Path]| {
        let mut args = vec!["verify".to_string(), report.display().to_string()];
        args.extend(files.iter().map(|f| f.display().to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = tapaudit(&args);
        (o.status.code(), String::from_utf8(o.stdout).unwrap())
    };
    let site = root().join("captures/real/site.toml");
    let (code, text) = verify(&[&capture, &site]);
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(text.matches("MATCH ").count(), 2, "{text}");
    assert!(text.contains("not checked: rules embedded:"), "{text}");
    // A copy elsewhere still matches: the hash decides, not the path.
    let moved = dir.path().join("moved.pcap");
    std::fs::copy(&capture, &moved).unwrap();
    assert_eq!(verify(&[&moved]).0, Some(0));
    // One byte changed: a mismatch, exit 1.
    let mut bytes = std::fs::read(&capture).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0x01;
    std::fs::write(&capture, &bytes).unwrap();
    let (code, text) = verify(&[&capture, &site]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("MISMATCH  ") && text.contains("ftp-ipv4.pcap"),
        "{text}"
    );
    assert!(
        text.contains("MATCH     "),
        "the site still matches: {text}"
    );
    // A file the report does not name fails too.
    let (code, text) = verify(&[&root().join("captures/real/rpcbind.pcap")]);
    assert_eq!(code, Some(1));
    assert!(text.contains("UNKNOWN"), "{text}");
}
