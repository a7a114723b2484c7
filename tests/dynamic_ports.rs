//! Dynamic ports learnt from real traffic: every data connection the ground truth lists is
//! marked negotiated by the right protocol and method, and the audit judges it.
//!
//! Ground truth: `captures/real/EXPECTED.tsv` (real servers and clients in network
//! namespaces, checked with tshark) and `captures/public/MANIFEST.tsv` (public captures).

use std::net::IpAddr;
use std::path::PathBuf;

use tapaudit_flow::{FlowConfig, FlowRecord};
use tapaudit_pipeline::replay_files;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn flows_of(path: PathBuf) -> Vec<FlowRecord> {
    let r = replay_files(std::slice::from_ref(&path), FlowConfig::default());
    assert!(r.complete(), "{path:?}");
    r.flows
}

/// `10.0.0.1:21` or `[fd00::1]:21`.
fn split_endpoint(s: &str) -> (IpAddr, u16) {
    let (ip, port) = s.rsplit_once(':').unwrap();
    let ip = ip.trim_start_matches('[').trim_end_matches(']');
    (ip.parse().unwrap(), port.parse().unwrap())
}

fn find(flows: &[FlowRecord], client: (IpAddr, u16), server: (IpAddr, u16)) -> Option<&FlowRecord> {
    flows.iter().find(|f| {
        f.client == client.0
            && f.client_port == Some(client.1)
            && f.server == server.0
            && f.server_port == Some(server.1)
    })
}

#[test]
fn real_captures_every_announced_data_connection_is_negotiated() {
    let tsv = std::fs::read_to_string(root().join("captures/real/EXPECTED.tsv")).unwrap();
    let mut checked = 0;
    let mut by_file: std::collections::BTreeMap<String, Vec<FlowRecord>> = Default::default();
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("file\t"))
    {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 10 || c[1] != "data" {
            continue;
        }
        let (file, protocol, method) = (c[0], c[3], c[4]);
        let flows = by_file
            .entry(file.to_string())
            .or_insert_with(|| flows_of(root().join("captures/real").join(file)));
        let client = split_endpoint(c[8]);
        let server = split_endpoint(c[9]);
        let f = find(flows, client, server)
            .unwrap_or_else(|| panic!("{file}: no flow {} -> {}", c[8], c[9]));
        let n = f
            .negotiated_by
            .as_deref()
            .unwrap_or_else(|| panic!("{file}: {} -> {} is not negotiated", c[8], c[9]));
        let want_protocol = if protocol == "onc-rpc" {
            "onc-rpc-portmap"
        } else {
            protocol
        };
        assert_eq!(n.protocol.to_string(), want_protocol, "{line}");
        assert_eq!(n.method.to_string(), method, "{line}");
        checked += 1;
    }
    assert!(checked >= 18, "checked {checked} data connections");
}

#[test]
fn ftp_passwords_never_reach_flows_or_reports() {
    let bin = env!("CARGO_BIN_EXE_tapaudit");
    let out = std::process::Command::new(bin)
        .args(["audit", "--format", "json", "--fail-on", "never", "--site"])
        .arg(root().join("captures/real/site.toml"))
        .arg(root().join("captures/real/ftp-ipv4.pcap"))
        .arg(root().join("captures/real/ftp-ipv6.pcap"))
        .env("TAPAUDIT_LOG", "trace")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let all = [out.stdout, out.stderr].concat();
    let text = String::from_utf8_lossy(&all);
    assert!(
        text.contains("\"negotiated\""),
        "report has negotiated flows"
    );
    assert!(
        !text.contains("real-secret-do-not-report"),
        "the FTP password leaked"
    );
}

fn public(name: &str) -> Vec<FlowRecord> {
    flows_of(root().join("captures/public").join(name))
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn negotiated(flows: &[FlowRecord], client: &str, cport: u16, server: &str, sport: u16) -> String {
    let f = find(flows, (ip(client), cport), (ip(server), sport))
        .unwrap_or_else(|| panic!("no flow {client}:{cport} -> {server}:{sport}"));
    let n = f
        .negotiated_by
        .as_deref()
        .unwrap_or_else(|| panic!("{client}:{cport} -> {server}:{sport} not negotiated"));
    format!("{} {}", n.protocol, n.method)
}

// MANIFEST: 227 f20 -> :56666, f39 -> :56667; PORT f57 -> 141.142.220.235:33582, f75 -> :37835.
#[test]
fn zeek_ftp_ipv4_pasv_and_port() {
    let f = public("zeek-ftp-ipv4.pcap");
    assert_eq!(
        negotiated(&f, "141.142.220.235", 37604, "199.233.217.249", 56666),
        "ftp PASV"
    );
    assert_eq!(
        negotiated(&f, "141.142.220.235", 59378, "199.233.217.249", 56667),
        "ftp PASV"
    );
    assert_eq!(
        negotiated(&f, "199.233.217.249", 61920, "141.142.220.235", 33582),
        "ftp PORT"
    );
    assert_eq!(
        negotiated(&f, "199.233.217.249", 61918, "141.142.220.235", 37835),
        "ftp PORT"
    );
}

// MANIFEST: EPSV 57086, 57087, 57088; EPRT 49189, 49190.
#[test]
fn zeek_ftp_ipv6_epsv_and_eprt() {
    let f = public("zeek-ftp-ipv6.pcap");
    let c = "2001:470:1f11:81f:c999:d94:aa7c:2e3e";
    let s = "2001:470:4867:99::21";
    assert_eq!(negotiated(&f, c, 49186, s, 57086), "ftp EPSV");
    assert_eq!(negotiated(&f, c, 49187, s, 57087), "ftp EPSV");
    assert_eq!(negotiated(&f, c, 49188, s, 57088), "ftp EPSV");
    assert_eq!(negotiated(&f, s, 55785, c, 49189), "ftp EPRT");
    assert_eq!(negotiated(&f, s, 55647, c, 49190), "ftp EPRT");
}

// MANIFEST: GETPORT TCP -> 2049 (twice), UDP -> 20048; follow-ups listed.
#[test]
fn zeek_nfs_portmap_getport_tcp_and_udp() {
    let f = public("zeek-nfs_write-portmap-tcp-udp.pcap");
    assert_eq!(
        negotiated(&f, "192.168.122.1", 44168, "192.168.122.219", 2049),
        "onc-rpc-portmap GETPORT"
    );
    assert_eq!(
        negotiated(&f, "192.168.122.1", 679, "192.168.122.219", 2049),
        "onc-rpc-portmap GETPORT"
    );
    assert_eq!(
        negotiated(&f, "192.168.122.1", 50172, "192.168.122.219", 20048),
        "onc-rpc-portmap GETPORT"
    );
    assert_eq!(
        negotiated(&f, "192.168.122.1", 776, "192.168.122.219", 20048),
        "onc-rpc-portmap GETPORT"
    );
}

// MANIFEST: UDP GETPORT replies 32773/32774 followed by UDP calls to those ports; the
// PROGRAM_NOT_AVAILABLE reply (f7, port 0) announces nothing.
#[test]
fn zeek_sadmind_udp_getport_sweep() {
    let f = public("zeek-rpc-portmap-sadmind.pcap");
    assert_eq!(
        negotiated(&f, "202.77.162.213", 54792, "172.16.115.20", 32773),
        "onc-rpc-portmap GETPORT"
    );
    assert_eq!(
        negotiated(&f, "202.77.162.213", 56256, "172.16.112.10", 32774),
        "onc-rpc-portmap GETPORT"
    );
    assert_eq!(
        negotiated(&f, "202.77.162.213", 56262, "172.16.112.50", 32773),
        "onc-rpc-portmap GETPORT"
    );
    assert!(f
        .iter()
        .all(|x| x.server != ip("172.16.113.50") || x.server_port == Some(111)));
}

// MANIFEST: ept_map f4 -> 172.16.66.36 TCP 49683; follow-up starts mid-stream (no SYN).
#[test]
fn suricata_epm_svcctl_midstream_follow_up() {
    let f = public("suricata-verify-bug-5133-epm-svcctl-input.pcap");
    assert_eq!(
        negotiated(&f, "172.16.66.1", 50059, "172.16.66.36", 49683),
        "dcerpc-epm ept_map"
    );
}

// MANIFEST: f400 NSPI -> 4997 (client .173:1066), f705 MAPI -> 1032; follow-ups f405, f412, f708.
// Other hosts' connections to :1032 are mid-stream without a mapping of their own.
#[test]
fn zeek_mapi_ept_map() {
    let f = public("zeek-dce-rpc-mapi-epm.pcap");
    assert_eq!(
        negotiated(&f, "192.168.0.173", 1067, "192.168.0.2", 4997),
        "dcerpc-epm ept_map"
    );
    assert_eq!(
        negotiated(&f, "192.168.0.173", 1068, "192.168.0.2", 4997),
        "dcerpc-epm ept_map"
    );
    assert_eq!(
        negotiated(&f, "192.168.0.173", 1073, "192.168.0.2", 1032),
        "dcerpc-epm ept_map"
    );
    let others = f
        .iter()
        .filter(|x| x.server_port == Some(1032) && x.client != ip("192.168.0.173"))
        .count();
    assert!(others > 0);
    assert!(f
        .iter()
        .filter(|x| x.server_port == Some(1032) && x.client != ip("192.168.0.173"))
        .all(|x| x.negotiated_by.is_none()));
}

// MANIFEST: RemoteGetClassObject response f17: DC1[49724], 192.168.56.101[49724];
// follow-up SYNs f18 :49727 -> :49724, f71 :49732 -> :49724.
#[test]
fn suricata_dcom_oxid_binding() {
    let f = public("suricata-verify-dcerpc-ctxids-dcom-oxid-input.pcap");
    let a = negotiated(&f, "192.168.56.102", 49727, "192.168.56.101", 49724);
    assert!(a.starts_with("dcerpc-epm "), "{a}");
    let b = negotiated(&f, "192.168.56.102", 49732, "192.168.56.101", 49724);
    assert!(b.starts_with("dcerpc-epm "), "{b}");
}

#[test]
fn audit_of_real_captures_judges_negotiated_flows() {
    let bin = env!("CARGO_BIN_EXE_tapaudit");
    let out = std::process::Command::new(bin)
        .args(["audit", "--format", "json", "--site"])
        .arg(root().join("captures/real/site.toml"))
        .args(
            [
                "ftp-ipv4.pcap",
                "ftp-ipv6.pcap",
                "rpcbind.pcap",
                "dcerpc-epm.pcap",
            ]
            .map(|f| root().join("captures/real").join(f)),
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "findings exit 1");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let flows = report["flows"].as_array().unwrap();
    let with = |method: &str| -> Vec<&serde_json::Value> {
        flows
            .iter()
            .filter(|f| f["negotiated_by"]["method"] == method)
            .collect()
    };
    // PASV/EPSV into the HCU400 range 1024-5000 (vsftpd configured so): documented, negotiated.
    for f in with("PASV").into_iter().chain(with("EPSV")) {
        assert_eq!(f["verdict"], "documented", "{f}");
        assert_eq!(f["evidence"], "negotiated", "{f}");
        let p = f["server_port"].as_u64().unwrap();
        assert!((1024..=5000).contains(&p));
    }
    // Active mode is not what the PathTrak document allows ("using PASV mode").
    for f in with("PORT").into_iter().chain(with("EPRT")) {
        assert_eq!(f["verdict"], "undocumented", "{f}");
    }
    // statd's ports are ephemeral, outside the documented ONC RPC range 600-1023.
    // (rpcinfo also asks GETADDR for rpcbind itself, then connects to 111: documented by port.)
    let tcp_getaddr: Vec<_> = with("GETADDR")
        .into_iter()
        .filter(|f| f["proto"] == "tcp" && f["server_port"] != 111)
        .collect();
    assert!(!tcp_getaddr.is_empty());
    for f in tcp_getaddr {
        assert_eq!(f["verdict"], "violation", "{f}");
        assert!(f["reason"].as_str().unwrap().contains("600-1023"), "{f}");
    }
    // Samba's endpoint mapper answers in 49152-65535: the DCOM dynamic range.
    let epm = with("ept_map");
    assert_eq!(epm.len(), 3);
    for f in epm {
        assert_eq!(f["evidence"], "negotiated", "{f}");
    }
}
