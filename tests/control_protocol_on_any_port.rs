//! Issue 16 class 6: control protocols found by content as well as by port. vsftpd with
//! `listen_port=2121` and active data from an ephemeral port, curl as the client
//! (`captures/real/ftp-2121.pcap`, made by `scripts/real-captures/ftp-2121.sh`; commands and
//! replies checked with `tshark -d tcp.port==2121,ftp`): PASV 4579, EPSV 3961 and PORT
//! 10,99,5,1,232,55 (59447).

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn audit(site: &str, extra: &[&str]) -> Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tapaudit"))
        .args(["audit", "--format", "json"])
        .args(extra)
        .arg("--site")
        .arg(root().join("captures/real").join(site))
        .arg(root().join("captures/real/ftp-2121.pcap"))
        .output()
        .expect("run tapaudit");
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

/// (server port, method) of every negotiated flow.
fn negotiated(report: &Value) -> Vec<(u64, String)> {
    let mut v: Vec<(u64, String)> = report["flows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["negotiated_by"]["protocol"] == "ftp")
        .map(|f| {
            assert_eq!(
                f["negotiated_by"]["control"]["server_port"], 2121,
                "announced on the 2121 control connection: {f}"
            );
            (
                f["server_port"].as_u64().unwrap(),
                f["negotiated_by"]["method"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

fn expected() -> Vec<(u64, String)> {
    vec![
        (3961, "EPSV".to_string()),
        (4579, "PASV".to_string()),
        (59447, "PORT".to_string()),
    ]
}

#[test]
fn ftp_on_2121_is_found_by_content_and_its_data_connections_are_negotiated() {
    let r = audit("ftp-2121-site.toml", &[]);
    assert_eq!(negotiated(&r), expected());
    let ftp = &r["statistics"]["flows"]["ftp"];
    assert_eq!(ftp["connections"], 3, "{ftp}");
    assert_eq!(ftp["found_by_content"], 3, "{ftp}");
    // The control connections themselves are FTP control, which PathTrak documents on 21
    // only: undocumented, never "documented" by the data range 1024-5000 that holds 2121.
    let control: Vec<&Value> = r["flows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["server_port"] == 2121)
        .collect();
    assert_eq!(control.len(), 3);
    for f in control {
        assert_eq!(f["control"], "ftp", "{f}");
        assert_eq!(f["verdict"], "undocumented", "{f}");
        let reason = f["reason"].as_str().unwrap();
        assert!(
            reason.contains(
                "its content is ftp control traffic, which the documents give only on port(s) 21"
            ),
            "{reason}"
        );
    }
    // Passive data into the HCU400 range 1024-5000: documented by negotiation.
    for f in r["flows"].as_array().unwrap() {
        if matches!(f["server_port"].as_u64(), Some(3961 | 4579)) {
            assert_eq!(f["verdict"], "documented", "{f}");
            assert_eq!(f["evidence"], "negotiated", "{f}");
            assert_eq!(f["rule"], "pathtrak.server-hcu400-1500.ftp-data", "{f}");
        }
    }
}

#[test]
fn without_content_detection_nothing_on_2121_is_parsed() {
    let r = audit("ftp-2121-site.toml", &["--no-detect-by-content"]);
    assert_eq!(negotiated(&r), vec![]);
    assert_eq!(r["statistics"]["flows"]["ftp"]["connections"], 0);
}

#[test]
fn a_site_control_port_finds_it_without_content_detection() {
    let r = audit(
        "ftp-2121-site-control-port.toml",
        &["--no-detect-by-content"],
    );
    assert_eq!(negotiated(&r), expected());
    let ftp = &r["statistics"]["flows"]["ftp"];
    assert_eq!(ftp["connections"], 3, "{ftp}");
    assert!(ftp.get("found_by_content").is_none(), "{ftp}");
}

#[test]
fn content_detection_costs_no_flow_its_verdict_on_the_demo() {
    // The demo's flows (verdicts, evidence, reasons) are the same with and without
    // detection: it only adds parsing where a control protocol really runs.
    let run = |extra: &[&str]| -> Vec<Value> {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_tapaudit"))
            .args(["audit", "--format", "json"])
            .args(extra)
            .output()
            .expect("run tapaudit");
        let r: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
        // What the auditor reads of each flow (`control` itself differs: detection names
        // the DCOM connections' protocol).
        r["flows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                serde_json::json!([
                    f["client"],
                    f["client_port"],
                    f["server"],
                    f["server_port"],
                    f["verdict"],
                    f["evidence"],
                    f["rule"],
                    f["reason"],
                    f["finding"]
                ])
            })
            .collect()
    };
    assert_eq!(run(&[]), run(&["--no-detect-by-content"]));
}
