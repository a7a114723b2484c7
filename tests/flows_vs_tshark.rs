//! The flows of real public captures equal tshark's conversation lists.
//!
//! Golden files: `tests/golden/<capture>.tshark-conv.txt`, made by
//! `tests/golden/make-tshark-conv.sh` (TShark 4.0.17). tshark's conversations ignore VLANs
//! and never split a 5-tuple, so our flows are summed per 5-tuple before comparing; frames
//! are compared per direction.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tapaudit_flow::FlowConfig;
use tapaudit_pipeline::replay_files;

type Conv = BTreeMap<(String, String, String), (u64, u64)>;

/// (proto, endpoint A, endpoint B) with A < B -> (frames A->B, frames B->A).
fn tshark_conversations(golden: &Path) -> Conv {
    let text = std::fs::read_to_string(golden).unwrap();
    let mut proto = String::new();
    let mut out = Conv::new();
    for line in text.lines() {
        if line.starts_with("TCP Conversations") {
            proto = "tcp".into();
        } else if line.starts_with("UDP Conversations") {
            proto = "udp".into();
        }
        let t: Vec<&str> = line.split_whitespace().collect();
        if t.len() < 9 || t[1] != "<->" {
            continue;
        }
        let (a, b) = (t[0].to_string(), t[2].to_string());
        // Columns: "<-" frames (B to A), bytes, unit, "->" frames (A to B), bytes, unit.
        let b_to_a: u64 = t[3].parse().unwrap();
        let a_to_b: u64 = t[6].parse().unwrap();
        insert(&mut out, &proto, a, b, a_to_b, b_to_a);
    }
    out
}

fn insert(out: &mut Conv, proto: &str, a: String, b: String, a_to_b: u64, b_to_a: u64) {
    let (key, v) = if a <= b {
        ((proto.to_string(), a, b), (a_to_b, b_to_a))
    } else {
        ((proto.to_string(), b, a), (b_to_a, a_to_b))
    };
    let e = out.entry(key).or_insert((0, 0));
    e.0 += v.0;
    e.1 += v.1;
}

fn endpoint(ip: std::net::IpAddr, port: Option<u16>) -> String {
    // tshark prints IPv6 endpoints without brackets: 2001:db8::1:21
    format!("{ip}:{}", port.unwrap_or(0))
}

fn our_conversations(capture: &Path) -> Conv {
    let replay = replay_files(&[capture.to_path_buf()], FlowConfig::default());
    assert!(replay.complete(), "{capture:?} must read completely");
    let mut out = Conv::new();
    for f in &replay.flows {
        let proto = f.proto_name();
        if proto != "tcp" && proto != "udp" {
            continue;
        }
        insert(
            &mut out,
            &proto,
            endpoint(f.client, f.client_port),
            endpoint(f.server, f.server_port),
            f.packets_to_server,
            f.packets_to_client,
        );
    }
    out
}

fn check(name: &str) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let capture = root.join("captures/public").join(name);
    let golden = root
        .join("tests/golden")
        .join(format!("{name}.tshark-conv.txt"));
    let want = tshark_conversations(&golden);
    assert!(!want.is_empty(), "golden file for {name} has conversations");
    let got = our_conversations(&capture);
    assert_eq!(
        got, want,
        "flows of {name} differ from tshark's conversations"
    );
}

#[test]
fn ftp_ipv4_active_and_passive() {
    check("zeek-ftp-ipv4.pcap");
}
#[test]
fn ftp_ipv6_epsv_eprt() {
    check("zeek-ftp-ipv6.pcap");
}
#[test]
fn ftp_epsv_big_transfer() {
    check("zeek-ftp-bigtransfer-epsv-ipv4.pcap");
}
#[test]
fn mssql_tds() {
    check("arkime-tds7-mssql.pcap");
}
#[test]
fn smtp_mixed_trace_with_midstream_flows() {
    check("zeek-smtp.pcap");
}
#[test]
fn linux_cooked_sll() {
    check("ndpi-log4j-webapp-exploit-sll.pcap");
}
#[test]
fn pcapng_two_interfaces() {
    check("zeek-pcapng-multi-interface.pcapng");
}
#[test]
fn snmp_with_vlans() {
    check("ndpi-snmp-161-162-vlan.pcap");
}
#[test]
fn qinq_http() {
    check("zeek-http-qinq-0.pcap");
}
#[test]
fn enip_cip_io() {
    check("suricata-verify-enip_cip_example.pcap");
}
#[test]
fn mysql_same_host() {
    check("zeek-mysql.pcap");
}
#[test]
fn tls() {
    check("zeek-tls-ecdhe-https.pcap");
}
#[test]
fn nfs_portmap_tcp_udp() {
    check("zeek-nfs_write-portmap-tcp-udp.pcap");
}
