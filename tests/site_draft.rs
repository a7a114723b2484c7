//! `tapaudit site draft`: the draft's roles against the site each capture was made for,
//! host by host (wrong and missed roles counted, with a bound), and the draft used as the
//! site of an audit of the same capture.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use tapaudit_rules::{RuleSet, Site};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tapaudit(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tapaudit"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("run tapaudit");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Roles without those another of them implies.
fn normal(rules: &RuleSet, roles: &[String]) -> BTreeSet<String> {
    roles
        .iter()
        .filter(|r| {
            !roles
                .iter()
                .any(|o| o != *r && rules.expand_roles(std::slice::from_ref(o)).contains(r))
        })
        .cloned()
        .collect()
}

/// (hosts compared, wrong roles, missed roles) of a draft against the expected site.
fn compare(captures: &[&str], expected: &Path) -> (usize, usize, usize) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("draft.toml");
    let mut args = vec!["site", "draft", "-o", out.to_str().unwrap()];
    args.extend_from_slice(captures);
    assert_eq!(tapaudit(&args).0, Some(0));
    let rules = RuleSet::embedded().unwrap();
    let draft = Site::from_file(&out).expect("the draft is a valid site file");
    let (check, report) = tapaudit(&["rules", "check", "--site", out.to_str().unwrap()]);
    assert_eq!(check, Some(0), "rules check of the draft:\n{report}");
    let want = Site::from_file(expected).unwrap();
    let (mut n, mut wrong, mut missed) = (0, 0, 0);
    for h in &want.hosts {
        for net in &h.addresses {
            let ip = net.addr();
            let Some(d) = draft.host_for(ip) else {
                continue; // not seen on the wire
            };
            n += 1;
            let w = normal(&rules, &h.roles);
            let g = normal(&rules, &d.roles);
            let bad: Vec<_> = g.difference(&w).collect();
            let miss: Vec<_> = w.difference(&g).collect();
            println!("{ip} {}: want {w:?} got {g:?}", h.name);
            wrong += bad.len();
            missed += miss.len();
        }
    }
    println!("{} hosts: {wrong} wrong, {missed} missed", n);
    (n, wrong, missed)
}

#[test]
fn demo_draft_roles_match_its_site() {
    let (n, wrong, missed) = compare(
        &["captures/demo/demo.pcap"],
        &root().join("captures/demo/site.toml"),
    );
    assert!(n >= 15, "{n}");
    // Bounds as measured at first cut (17 hosts: 9 wrong, 6 missed): far from good; a change
    // that makes the suggestions worse fails here, one that improves them should lower them.
    assert!(wrong <= 9 && missed <= 6, "wrong {wrong}, missed {missed}");
}

#[test]
fn real_captures_draft_roles_match_their_site() {
    let caps = [
        "captures/real/ftp-ipv4.pcap",
        "captures/real/ftp-ipv6.pcap",
        "captures/real/rpcbind.pcap",
        "captures/real/dcerpc-epm.pcap",
    ];
    let (n, wrong, missed) = compare(&caps, &root().join("captures/real/site.toml"));
    assert!(n >= 6, "{n}");
    assert!(wrong <= 10 && missed <= 6, "wrong {wrong}, missed {missed}");
}

#[test]
fn draft_as_site_leaves_no_host_outside_the_inventory() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("draft.toml");
    let o = out.to_str().unwrap();
    assert_eq!(
        tapaudit(&["site", "draft", "-o", o, "captures/demo/demo.pcap"]).0,
        Some(0)
    );
    let draft = Site::from_file(&out).unwrap();
    let (_, json) = tapaudit(&[
        "audit",
        "--format",
        "json",
        "--site",
        o,
        "captures/demo/demo.pcap",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let flows = v["flows"].as_array().unwrap();
    assert!(!flows.is_empty());
    for f in flows {
        let reason = f["reason"].as_str().unwrap_or("");
        if reason.contains("not in the site inventory") {
            for side in ["client", "server"] {
                let ip: std::net::IpAddr = f[side].as_str().unwrap().parse().unwrap();
                if reason.contains(&format!("{side} {ip}")) {
                    assert!(
                        draft.host_for(ip).is_none(),
                        "{ip} is a host of the draft: {f}"
                    );
                    assert!(ip.is_multicast() || ip.to_string().ends_with(".255"), "{f}");
                }
            }
        }
    }
}
