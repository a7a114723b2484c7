//! Issue 16 class 2: a negotiated port inside a documented range. A PathTrak HCU asks the
//! server's portmapper (real rpcbind, `captures/real/pathtrak-rpc-links.pcap`, made by
//! `scripts/real-captures/pathtrak-rpc-links.sh`; the lookups checked with tshark's portmap
//! dissector) and connects to the port it got. The document lists "RPC Portmapper (111)" and
//! "Other RPC Communication Links (49152-65535, dynamically allocated)" from HCUs.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn audit() -> (Option<i32>, Vec<Value>) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tapaudit"))
        .args(["audit", "--format", "json", "--site"])
        .arg(root().join("captures/real/pathtrak-rpc-links-site.toml"))
        .arg(root().join("captures/real/pathtrak-rpc-links.pcap"))
        .output()
        .expect("run tapaudit");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let flows = report["flows"].as_array().expect("flows").clone();
    (out.status.code(), flows)
}

fn tcp_flow(flows: &[Value], port: u64) -> &Value {
    flows
        .iter()
        .find(|f| f["proto"] == "tcp" && f["server_port"] == port)
        .unwrap_or_else(|| panic!("no tcp flow to port {port} in {flows:#?}"))
}

#[test]
fn after_a_portmapper_lookup_over_udp_the_rpc_link_is_documented_by_negotiation() {
    let (_, flows) = audit();
    let f = tcp_flow(&flows, 50321);
    assert_eq!(f["verdict"], "documented", "{f}");
    assert_eq!(f["evidence"], "negotiated", "{f}");
    assert_eq!(f["rule"], "pathtrak.hcu-server.rpc-links", "{f}");
    assert_eq!(f["negotiated_by"]["protocol"], "onc-rpc-portmap", "{f}");
    assert_eq!(f["negotiated_by"]["method"], "GETPORT", "{f}");
}

#[test]
fn without_a_lookup_the_same_range_is_documented_by_range() {
    let (_, flows) = audit();
    let f = tcp_flow(&flows, 50400);
    assert_eq!(f["verdict"], "documented", "{f}");
    assert_eq!(f["evidence"], "range", "{f}");
    assert_eq!(f["rule"], "pathtrak.hcu-server.rpc-links", "{f}");
    let reason = f["reason"].as_str().unwrap();
    assert!(
        reason.contains("no onc-rpc-portmap announcement for it was seen"),
        "{reason}"
    );
}

#[test]
fn a_looked_up_port_outside_the_range_is_a_violation_naming_the_lookup() {
    let (code, flows) = audit();
    let f = tcp_flow(&flows, 40321);
    assert_eq!(f["verdict"], "violation", "{f}");
    assert_eq!(f["rule"], "pathtrak.hcu-server.rpc-links", "{f}");
    let reason = f["reason"].as_str().unwrap();
    assert!(reason.contains("GETPORT"), "{reason}");
    assert!(reason.contains("10.99.4.2:111 announced 40321"), "{reason}");
    assert!(reason.contains("49152-65535"), "{reason}");
    assert_eq!(code, Some(1), "a violation is a finding");
}
