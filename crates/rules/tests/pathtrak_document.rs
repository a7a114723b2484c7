//! PathTrak 4.x port requirements, written from the document (not from the pack).
mod common;
use common::*;
use tapaudit_vocab::ControlProtocol;

const SRV: &str = "pathtrak.server";
const H200: &str = "pathtrak.hcu200";
const H400: &str = "pathtrak.hcu400";
const H1500: &str = "pathtrak.hcu1500";

#[test]
fn hcu_inbound_from_server() {
    let set = set();
    let mut cases: Vec<Case> = Vec::new();
    for h in [H200, H400, H1500] {
        cases.push((SRV, h, "tcp", Some(21), "FTP (21) for firmware upgrades"));
        cases.push((
            SRV,
            h,
            "tcp",
            Some(111),
            "ONC RPC Port Mapper, only TCP used by PathTrak server",
        ));
        for p in [600, 700, 1023] {
            cases.push((SRV, h, "tcp", Some(p), "ONC RPC HCU Services 600-1023"));
        }
    }
    for p in [32768, 40000, 61000] {
        cases.push((SRV, H200, "tcp", Some(p), "FTP data 32768-61000 on HCU200s"));
    }
    for h in [H400, H1500] {
        for p in [1024, 3000, 5000] {
            cases.push((
                SRV,
                h,
                "tcp",
                Some(p),
                "FTP data 1024-5000 on HCU 400/1500s",
            ));
        }
    }
    expect_allowed(&set, &cases);
}

#[test]
fn ftp_data_ranges_are_per_model_and_negotiated() {
    let set = set();
    expect_not_allowed(
        &set,
        &[
            (
                SRV,
                H200,
                "tcp",
                Some(2000),
                "HCU200 data range starts at 32768",
            ),
            (
                SRV,
                H400,
                "tcp",
                Some(40000),
                "HCU400 data range ends at 5000",
            ),
            (
                SRV,
                H1500,
                "tcp",
                Some(61000),
                "HCU1500 data range ends at 5000",
            ),
            (
                SRV,
                H200,
                "tcp",
                Some(61001),
                "HCU200 data range ends at 61000",
            ),
            (
                SRV,
                H200,
                "udp",
                Some(111),
                "only TCP used by PathTrak server",
            ),
        ],
    );
    let l = set.lookup(&roles(SRV), &roles(H200), proto("tcp"), Some(40000), None);
    assert_eq!(l.allow[0].negotiated_by, [ControlProtocol::Ftp]);
    let l = set.lookup(&roles(SRV), &roles(H400), proto("tcp"), Some(700), None);
    assert_eq!(l.allow[0].negotiated_by, [ControlProtocol::OncRpcPortmap]);
}

#[test]
fn server_inbound_from_hcus() {
    let set = set();
    let mut cases: Vec<Case> = Vec::new();
    for h in [H200, H400, H1500] {
        cases.push((h, SRV, "tcp", Some(111), "RPC Portmapper TCP"));
        cases.push((h, SRV, "udp", Some(111), "RPC Portmapper UDP (older HCUs)"));
        cases.push((
            h,
            SRV,
            "tcp",
            Some(5808),
            "RPC Boot Event Listener (5808, fixed)",
        ));
        for p in [49152, 55000, 65535] {
            cases.push((
                h,
                SRV,
                "tcp",
                Some(p),
                "Other RPC Communication Links 49152-65535",
            ));
        }
    }
    expect_allowed(&set, &cases);
    expect_not_allowed(
        &set,
        &[
            (H200, SRV, "tcp", Some(49151), "below the RPC link range"),
            (H200, SRV, "tcp", Some(21), "FTP is server -> HCU only"),
            (
                H400,
                SRV,
                "tcp",
                Some(700),
                "ONC RPC HCU services are on the HCU",
            ),
            (
                SRV,
                H200,
                "tcp",
                Some(5808),
                "the boot event listener is on the server",
            ),
            (SRV, H400, "tcp", Some(50000), "RPC links go HCU -> server"),
        ],
    );
}

#[test]
fn server_inbound_from_others() {
    let set = set();
    expect_allowed(
        &set,
        &[
            ("pathtrak.client", SRV, "tcp", Some(80), "HTTP from clients"),
            (
                "pathtrak.client",
                SRV,
                "tcp",
                Some(443),
                "HTTPS from clients",
            ),
            ("pathtrak.proxy", SRV, "tcp", Some(8009), "AJP from proxy"),
            (
                "pathtrak.api-client",
                SRV,
                "tcp",
                Some(80),
                "Data Access API HTTP",
            ),
            (
                "pathtrak.api-client",
                SRV,
                "tcp",
                Some(443),
                "Data Access API HTTPS",
            ),
            (
                "pathtrak.oss",
                SRV,
                "udp",
                Some(161),
                "SNMP 161:UDP, OSS access",
            ),
            (
                "pathtrak.mysql-replica",
                SRV,
                "tcp",
                Some(3306),
                "MySQL replication",
            ),
        ],
    );
    expect_not_allowed(
        &set,
        &[
            ("pathtrak.oss", SRV, "tcp", Some(161), "SNMP is UDP"),
            (
                "pathtrak.client",
                SRV,
                "tcp",
                Some(8009),
                "AJP is from the proxy",
            ),
            (
                SRV,
                "pathtrak.client",
                "tcp",
                Some(80),
                "clients connect to the server",
            ),
        ],
    );
}

#[test]
fn server_outbound() {
    let set = set();
    expect_allowed(
        &set,
        &[
            (
                SRV,
                "pathtrak.firmware-server",
                "tcp",
                Some(80),
                "HTTP to firmware download server",
            ),
            (SRV, "smtp.server", "tcp", Some(25), "SMTP to email server"),
            (SRV, "pathtrak.oss", "udp", Some(162), "SNMP traps to OSS"),
        ],
    );
    expect_not_allowed(
        &set,
        &[
            ("smtp.server", SRV, "tcp", Some(25), "SMTP is outbound only"),
            (
                "pathtrak.firmware-server",
                SRV,
                "tcp",
                Some(80),
                "the server downloads",
            ),
        ],
    );
}

#[test]
fn control_ports() {
    let set = set();
    let c = set.control_ports(None);
    use tapaudit_vocab::Transport::*;
    assert!(c.contains(&(ControlProtocol::Ftp, Tcp, 21)));
    assert!(c.contains(&(ControlProtocol::OncRpcPortmap, Tcp, 111)));
    assert!(c.contains(&(ControlProtocol::OncRpcPortmap, Udp, 111)));
    assert!(c.contains(&(ControlProtocol::DceRpcEpm, Tcp, 135)));
}
