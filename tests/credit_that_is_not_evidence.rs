//! Issue 16 class 8: credit that is not evidence. Both captures are cut from the real Samba
//! capture `captures/real/dcerpc-epm.pcap` by `scripts/real-captures/derive-credit.py`: an
//! ept_map on 135 announcing 49153, then the client's connection to it.
//! - `epm-connection-start-not-seen.pcap`: the connection without its handshake, as one
//!   already open before the capture would look: it may predate the announcement.
//! - `epm-second-connection.pcap`: the connection, and a copy 3 ms later from another port:
//!   one announcement, two connections (docs/dynamic-ports.md, "Evidence": one each).

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn flows_of(capture: &str) -> Vec<Value> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tapaudit"))
        .args(["audit", "--format", "json", "--site"])
        .arg(root().join("captures/real/site.toml"))
        .arg(root().join("captures/derived").join(capture))
        .output()
        .expect("run tapaudit");
    let r: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    r["flows"].as_array().unwrap().clone()
}

fn flow(flows: &[Value], client_port: u64) -> &Value {
    flows
        .iter()
        .find(|f| f["client_port"] == client_port && f["server_port"] == 49153)
        .unwrap_or_else(|| panic!("no flow from port {client_port} in {flows:#?}"))
}

#[test]
fn a_connection_whose_start_was_not_seen_is_not_negotiated() {
    let flows = flows_of("epm-connection-start-not-seen.pcap");
    let f = flow(&flows, 36590);
    assert_eq!(f["negotiated_by"]["method"], "ept_map", "{f}");
    assert_eq!(f["negotiated_by"]["start_seen"], false, "{f}");
    assert_ne!(f["evidence"], "negotiated", "{f}");
    // The range the document gives still holds it; the reason says why not more.
    assert_eq!(f["evidence"], "range", "{f}");
    let reason = f["reason"].as_str().unwrap();
    assert!(
        reason.contains("the connection's start was not seen, so it may predate the announcement"),
        "{reason}"
    );
}

#[test]
fn one_announcement_accounts_for_one_connection() {
    let flows = flows_of("epm-second-connection.pcap");
    let first = flow(&flows, 36590);
    assert_eq!(first["evidence"], "negotiated", "{first}");
    assert!(
        first["negotiated_by"].get("earlier_uses").is_none(),
        "{first}"
    );
    let second = flow(&flows, 36591);
    assert_eq!(second["negotiated_by"]["earlier_uses"], 1, "{second}");
    assert_eq!(second["evidence"], "range", "{second}");
    let reason = second["reason"].as_str().unwrap();
    assert!(
        reason.contains(
            "had already accounted for 1 connection(s) (dcerpc-epm allows 1 per announcement)"
        ),
        "{reason}"
    );
}
