//! Community IDs against the reference implementation, Python's `communityid` package,
//! over v4/v6 TCP, UDP and ICMP tuples. Without python3 and the package the test says why
//! and passes; under CI=true it fails.

use std::io::Write;
use std::net::IpAddr;
use std::process::{Command, Stdio};

use tapaudit_flow::{FinishReason, FlowRecord, State};
use tapaudit_store::CommunityId;
use tapaudit_vocab::{IpProto, Timestamp};

fn record(proto: IpProto, c: IpAddr, cp: u16, s: IpAddr, sp: u16, icmp: u8) -> FlowRecord {
    let ports = proto.has_ports();
    FlowRecord {
        proto,
        client: c,
        client_port: ports.then_some(cp),
        server: s,
        server_port: ports.then_some(sp),
        vlan: None,
        inner_vlan: None,
        icmp_type: proto.is_icmp().then_some(icmp),
        first_seen: Timestamp(0),
        last_seen: Timestamp(0),
        packets_to_server: 1,
        packets_to_client: 1,
        bytes_to_server: 1,
        bytes_to_client: 1,
        state: State::Answered,
        blocked_by: None,
        negotiated_by: None,
        control: None,
        finish: FinishReason::EndOfInput,
    }
}

#[test]
fn community_ids_agree_with_the_python_reference() {
    let have = Command::new("python3")
        .args(["-c", "import communityid"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !have {
        let why = "python3 with the communityid package is not installed (pip install communityid)";
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("{why} (CI=true: failing instead of skipping)");
        }
        eprintln!("skipping community_ids_agree_with_the_python_reference: {why}");
        return;
    }
    let v4: Vec<IpAddr> = [
        "10.0.0.1",
        "10.0.0.2",
        "192.168.1.10",
        "172.16.5.4",
        "0.0.0.0",
        "255.255.255.255",
    ]
    .iter()
    .map(|s| s.parse().unwrap())
    .collect();
    let v6: Vec<IpAddr> = [
        "2001:db8::1",
        "2001:db8::2",
        "fe80::1",
        "::1",
        "ff02::1:ff00:1",
    ]
    .iter()
    .map(|s| s.parse().unwrap())
    .collect();
    let mut cases = Vec::new();
    for addrs in [&v4, &v6] {
        for (i, &a) in addrs.iter().enumerate() {
            for &b in addrs.iter().skip(i) {
                for (p, cp, sp) in [
                    (6, 40000, 502),
                    (6, 502, 40000),
                    (17, 161, 161),
                    (6, 1, 65535),
                    (17, 5353, 5353),
                ] {
                    cases.push(record(IpProto::from_number(p), a, cp, b, sp, 0));
                }
                let (icmp, types) = if a.is_ipv4() {
                    (IpProto::Icmp, [8u8, 0, 13, 3, 11])
                } else {
                    (IpProto::Icmpv6, [128u8, 129, 135, 1, 3])
                };
                for t in types {
                    cases.push(record(icmp, a, 0, b, 0, t));
                }
            }
        }
    }
    // One tuple a line: proto client server client_port server_port icmp_type.
    let mut input = String::new();
    for f in &cases {
        input.push_str(&format!(
            "{} {} {} {} {} {}\n",
            f.proto.number(),
            f.client,
            f.server,
            f.client_port.unwrap_or(0),
            f.server_port.unwrap_or(0),
            f.icmp_type.unwrap_or(0)
        ));
    }
    let script = r#"
import sys, communityid
c = communityid.CommunityID()
for line in sys.stdin:
    p, a, b, ap, bp, t = line.split()
    p, ap, bp, t = int(p), int(ap), int(bp), int(t)
    if p == 6:
        ft = communityid.FlowTuple.make_tcp(a, b, ap, bp)
    elif p == 17:
        ft = communityid.FlowTuple.make_udp(a, b, ap, bp)
    elif p == 1:
        ft = communityid.FlowTuple.make_icmp(a, b, t, 0)
    else:
        ft = communityid.FlowTuple.make_icmp6(a, b, t, 0)
    print(c.calc(ft))
"#;
    let mut py = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    py.stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = py.wait_with_output().unwrap();
    assert!(out.status.success());
    let reference: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(reference.len(), cases.len());
    for (f, want) in cases.iter().zip(&reference) {
        let got = CommunityId::of(f).map(|c| c.to_string());
        assert_eq!(got.as_deref(), Some(want.as_str()), "{f:?}");
    }
    eprintln!("{} tuples agree with Python's communityid", cases.len());
}
