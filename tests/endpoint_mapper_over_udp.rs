//! Issue 16 class 3: the endpoint mapper over UDP 135 (connectionless DCE-RPC). FTAC-RM001
//! Chapter 4: "Endpoint Mapper Port: 135, both TCP and UDP". The captures are built from the
//! specification by `scripts/spec-captures/cl-ept-map.py` (C706 chapter 12 connectionless
//! PDUs, NDR in both byte orders, an ncacn_ip_tcp tower) and dissected by tshark as "EPM Map
//! request/response, ISystemActivator" with the tower's floor "TCP Port: 49160" and "IP:
//! 10.20.0.10"; then the client connects to 10.20.0.10:49160 and binds.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn audit(capture: &str) -> Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tapaudit"))
        .args(["audit", "--format", "json", "--site"])
        .arg(root().join("captures/demo/site.toml"))
        .arg(root().join("captures/spec").join(capture))
        .output()
        .expect("run tapaudit");
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

#[test]
fn ept_map_over_udp_135_negotiates_the_connection_to_the_mapped_port() {
    for capture in ["cl-ept-map-le.pcap", "cl-ept-map-be.pcap"] {
        let r = audit(capture);
        let flows = r["flows"].as_array().unwrap();
        let f = flows
            .iter()
            .find(|f| f["proto"] == "tcp" && f["server_port"] == 49160)
            .unwrap_or_else(|| panic!("{capture}: no flow to 49160"));
        assert_eq!(f["verdict"], "documented", "{capture}: {f}");
        assert_eq!(f["evidence"], "negotiated", "{capture}: {f}");
        let n = &f["negotiated_by"];
        assert_eq!(n["protocol"], "dcerpc-epm", "{capture}: {f}");
        assert_eq!(n["method"], "ept_map", "{capture}: {f}");
        assert_eq!(n["control"]["server_port"], 135, "{capture}: {f}");
        let udp = flows
            .iter()
            .find(|f| f["proto"] == "udp" && f["server_port"] == 135)
            .unwrap_or_else(|| panic!("{capture}: no UDP 135 flow"));
        assert_eq!(udp["control"], "dcerpc-epm", "{capture}: {udp}");
        assert_eq!(
            r["statistics"]["flows"]["dcerpc"]["announcements"], 1,
            "{capture}"
        );
        assert_eq!(
            r["statistics"]["flows"]["dcerpc"]["malformed"], 0,
            "{capture}"
        );
    }
}
