//! `tapaudit site accept REPORT.json`: undocumented flows of a report as `[[exceptions]]`
//! stubs. Proved on the demo and the real captures: the stubs appended to a copy of the site
//! file pass `tapaudit rules check --site`, and the audit run again with that site finds the
//! accepted flows documented by exception (the others stay undocumented); what cannot be
//! accepted (a violation, a missing flow, an id the report lacks) is exit 2 naming it.

use std::path::{Path, PathBuf};

mod common;

use common::{root, tapaudit_at_root as tapaudit};

/// The JSON report of `captures` with `site`.
fn report(site: &Path, captures: &[&str]) -> serde_json::Value {
    let mut args = vec![
        "audit",
        "--format",
        "json",
        "--site",
        site.to_str().unwrap(),
    ];
    args.extend_from_slice(captures);
    let (code, out, err) = tapaudit(&args);
    assert_eq!(code, Some(1), "{err}");
    serde_json::from_str(&out).unwrap()
}

/// The site file `site` with `stubs` appended, in `dir`; checked by `rules check`.
fn site_with(dir: &Path, site: &str, stubs: &str) -> PathBuf {
    let mut text = std::fs::read_to_string(root().join(site)).unwrap();
    text.push('\n');
    text.push_str(stubs);
    let path = dir.join("site-accepted.toml");
    std::fs::write(&path, text).unwrap();
    // As of the capture's day: the placeholder date is in the future of the traffic.
    let (code, out, err) = tapaudit(&[
        "rules",
        "check",
        "--today",
        "2026-03-02",
        "--site",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{out}{err}\n{stubs}");
    assert!(out.contains("0 error(s), "), "{out}");
    // The demo site's own expired exception may warn; none of the stubs does.
    assert!(!out.contains("TODO"), "{out}");
    path
}

/// Ids of the undocumented findings of a report, distinct, with their flow counts.
fn undocumented(v: &serde_json::Value) -> std::collections::BTreeMap<String, usize> {
    let mut out = std::collections::BTreeMap::new();
    for f in v["flows"].as_array().unwrap() {
        if f["verdict"] == "undocumented" {
            *out.entry(f["finding"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    out
}

#[test]
fn all_undocumented_flows_of_the_demo_accepted_are_no_longer_undocumented() {
    let dir = tempfile::tempdir().unwrap();
    let site = "captures/demo/site.toml";
    let before = report(&root().join(site), &["captures/demo/demo.pcap"]);
    let ids = undocumented(&before);
    assert!(ids.len() >= 2, "{ids:?}");
    let json = dir.path().join("week1.json");
    std::fs::write(&json, before.to_string()).unwrap();
    let stubs = dir.path().join("accepted.toml");
    let (code, out, err) = tapaudit(&[
        "site",
        "accept",
        json.to_str().unwrap(),
        "--all-undocumented",
        "-o",
        stubs.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.is_empty());
    let text = std::fs::read_to_string(&stubs).unwrap();
    assert_eq!(text.matches("[[exceptions]]").count(), ids.len(), "{text}");
    for (id, flows) in &ids {
        let comment = text
            .lines()
            .find(|l| l.starts_with(&format!("# {id}: ")))
            .unwrap_or_else(|| panic!("a comment naming {id}\n{text}"));
        assert!(
            comment.contains(&format!(", {flows} undocumented flow(s)")),
            "{comment}"
        );
    }
    assert_eq!(text.matches("reason = \"TODO: ").count(), ids.len());
    // 90 days after the demo's day.
    assert_eq!(
        text.matches("expires = \"2026-05-31\"").count(),
        ids.len(),
        "{text}"
    );

    let accepted = site_with(dir.path(), site, &text);
    let after = report(&accepted, &["captures/demo/demo.pcap"]);
    assert_eq!(
        after["summary"]["verdicts"]["undocumented"], 0,
        "{}",
        after["summary"]
    );
    let (b, a) = (
        before["flows"].as_array().unwrap(),
        after["flows"].as_array().unwrap(),
    );
    assert_eq!(a.len(), b.len());
    let mut by_exception = 0;
    for (was, now) in b.iter().zip(a) {
        assert_eq!(was["first_seen"], now["first_seen"]);
        if was["verdict"] == "undocumented" {
            assert_eq!(now["verdict"], "documented", "{now}");
            assert_eq!(now["evidence"], "exception", "{now}");
            assert!(now["reason"].as_str().unwrap().contains("TODO: "), "{now}");
            by_exception += 1;
        } else {
            assert_eq!(was["verdict"], now["verdict"], "{now}");
        }
    }
    assert_eq!(by_exception, ids.values().sum::<usize>());
    // The appended exceptions come last in the site file, each used.
    let statuses: Vec<&str> = after["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    let new = &statuses[statuses.len() - ids.len()..];
    assert!(new.iter().all(|s| *s == "used"), "{statuses:?}");
}

#[test]
fn one_chosen_finding_of_the_real_captures_is_accepted_and_the_others_stay() {
    let dir = tempfile::tempdir().unwrap();
    let site = "captures/real/site.toml";
    let captures = [
        "captures/real/dcerpc-epm.pcap",
        "captures/real/ftp-ipv4.pcap",
        "captures/real/ftp-ipv6.pcap",
        "captures/real/rpcbind.pcap",
    ];
    let before = report(&root().join(site), &captures);
    // The FTP data connections the HCU opened to the server (ports announced by PORT): one
    // finding over several flows and ports.
    let flows = before["flows"].as_array().unwrap();
    let chosen = flows
        .iter()
        .find(|f| {
            f["verdict"] == "undocumented"
                && f["client_host"] == "hcu400-vsftpd"
                && f["negotiated_by"]["protocol"] == "ftp"
        })
        .expect("an undocumented FTP data flow")["finding"]
        .as_str()
        .unwrap()
        .to_string();
    let ids = undocumented(&before);
    assert!(ids[&chosen] > 1 && ids.len() > 1, "{ids:?}");
    let json = dir.path().join("real.json");
    std::fs::write(&json, before.to_string()).unwrap();
    let (code, stubs, err) = tapaudit(&[
        "site",
        "accept",
        json.to_str().unwrap(),
        "--finding",
        &chosen,
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(stubs.matches("[[exceptions]]").count(), 1, "{stubs}");
    assert!(
        stubs.contains(&format!(
        "# {chosen}: hcu400-vsftpd -> pathtrak-srv tcp/negotiated-by-ftp, {} undocumented flow(s)",
        ids[&chosen]
    )),
        "{stubs}"
    );
    assert!(
        stubs.contains(
            "from = \"hcu400-vsftpd\"\nto = \"pathtrak-srv\"\nproto = \"tcp\"\nports = ["
        ),
        "{stubs}"
    );

    let accepted = site_with(dir.path(), site, &stubs);
    let after = report(&accepted, &captures);
    let left = undocumented(&after);
    assert!(!left.contains_key(&chosen), "{left:?}");
    let mut want = ids.clone();
    want.remove(&chosen);
    assert_eq!(left, want, "the other findings stay undocumented");
    let documented_by_exception = after["flows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["evidence"] == "exception")
        .count();
    assert_eq!(documented_by_exception, ids[&chosen]);
}

#[test]
fn what_cannot_be_accepted_is_exit_2_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let v = report(
        &root().join("captures/demo/site.toml"),
        &["captures/demo/demo.pcap"],
    );
    let json = dir.path().join("r.json");
    std::fs::write(&json, v.to_string()).unwrap();
    let j = json.to_str().unwrap();
    let violation = v["flows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["verdict"] == "violation")
        .unwrap()["finding"]
        .as_str()
        .unwrap()
        .to_string();
    let (code, out, err) = tapaudit(&["site", "accept", j, "--finding", &violation]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(
        err.contains(&format!("{j}: finding {violation} is a violation")),
        "{err}"
    );
    let missing = v["missing"][0]["finding"].as_str().unwrap();
    let (code, _, err) = tapaudit(&["site", "accept", j, "--finding", missing]);
    assert_eq!(code, Some(2));
    assert!(err.contains("is a missing flow"), "{err}");
    let (code, _, err) = tapaudit(&["site", "accept", j, "--finding", "F-000000000000"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains(&format!("{j}: no finding F-000000000000")),
        "{err}"
    );
    let (code, _, err) = tapaudit(&["site", "accept", j]);
    assert_eq!(code, Some(2));
    assert!(err.contains("nothing to accept"), "{err}");
    let not_json = dir.path().join("site.toml");
    std::fs::write(&not_json, "[site]\nname = \"x\"\n").unwrap();
    let (code, _, err) = tapaudit(&[
        "site",
        "accept",
        not_json.to_str().unwrap(),
        "--all-undocumented",
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains(&format!("{}:1:", not_json.display())), "{err}");
}
