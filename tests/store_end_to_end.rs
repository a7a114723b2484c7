//! The flow store end to end: a capture split into two "sensors" (connection by
//! connection, some connections seen by both), each ingested with `tapaudit ingest` into a
//! private ClickHouse server, then `tapaudit audit --from` must give the same flows and
//! verdicts as `tapaudit audit` of the whole capture, the connections both saw merged, and
//! announcements seen by one sensor credited to data connections the other saw.
//!
//! Needs a ClickHouse server binary (Debian's `clickhouse-server`, installed by `.ci/run`):
//! without one the test says why and passes; under `CI=true` it fails instead.

use std::hash::{Hash, Hasher};
use std::io::Write;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tapaudit_capture::CaptureFile;
use tapaudit_decode::{decode, Decoded, L4};
use tapaudit_store::test_server::TestServer;
use tapaudit_vocab::LinkType;

const BIN: &str = env!("CARGO_BIN_EXE_tapaudit");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Which sensors see a frame: by its connection (unordered addresses and ports), so that a
/// connection is whole on each sensor that sees it; one connection in four on both.
#[derive(Default)]
struct Split {
    only_a: usize,
    only_b: usize,
    both: usize,
}

fn connection_hash(src: IpAddr, dst: IpAddr, ports: (u16, u16), proto: u8) -> u64 {
    let (a, b) = if (src, ports.0) <= (dst, ports.1) {
        ((src, ports.0), (dst, ports.1))
    } else {
        ((dst, ports.1), (src, ports.0))
    };
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (a, b, proto).hash(&mut h);
    h.finish()
}

fn pcap_header(out: &mut impl Write, link: u32) {
    // Nanosecond pcap, so the split files keep the original times exactly.
    out.write_all(&0xa1b2_3c4du32.to_le_bytes()).unwrap();
    out.write_all(&2u16.to_le_bytes()).unwrap();
    out.write_all(&4u16.to_le_bytes()).unwrap();
    out.write_all(&[0; 8]).unwrap();
    out.write_all(&262_144u32.to_le_bytes()).unwrap();
    out.write_all(&link.to_le_bytes()).unwrap();
}

fn pcap_record(out: &mut impl Write, nanos: u64, orig_len: u32, data: &[u8]) {
    out.write_all(&((nanos / 1_000_000_000) as u32).to_le_bytes())
        .unwrap();
    out.write_all(&((nanos % 1_000_000_000) as u32).to_le_bytes())
        .unwrap();
    out.write_all(&(data.len() as u32).to_le_bytes()).unwrap();
    out.write_all(&orig_len.to_le_bytes()).unwrap();
    out.write_all(data).unwrap();
}

/// Writes `a.pcap` and `b.pcap` in `dir` from an Ethernet capture.
fn split_capture(capture: &Path, dir: &Path) -> (PathBuf, PathBuf, Split) {
    let file = CaptureFile::open(capture).expect("open the capture");
    let mut reader = file.reader(0);
    let (pa, pb) = (dir.join("a.pcap"), dir.join("b.pcap"));
    let mut a = std::io::BufWriter::new(std::fs::File::create(&pa).unwrap());
    let mut b = std::io::BufWriter::new(std::fs::File::create(&pb).unwrap());
    pcap_header(&mut a, 1);
    pcap_header(&mut b, 1);
    let mut split = Split::default();
    while let Some(frame) = reader.next() {
        let frame = frame.expect("a readable capture");
        assert_eq!(
            frame.link,
            LinkType::Ethernet,
            "the test splits Ethernet captures"
        );
        let (to_a, to_b) = match decode(frame.link, frame.data) {
            Decoded::Ip(p) => {
                let ports = match &p.l4 {
                    L4::Tcp(t) => Some((t.src_port, t.dst_port)),
                    L4::Udp {
                        src_port, dst_port, ..
                    } => Some((*src_port, *dst_port)),
                    L4::Icmp(_) => Some((0, 0)),
                    L4::Unknown => None,
                };
                match ports {
                    Some(ports) => {
                        let h = connection_hash(p.src, p.dst, ports, p.proto.number());
                        if h.is_multiple_of(4) {
                            split.both += 1;
                            (true, true)
                        } else if h.is_multiple_of(2) {
                            split.only_a += 1;
                            (true, false)
                        } else {
                            split.only_b += 1;
                            (false, true)
                        }
                    }
                    None => (true, true),
                }
            }
            _ => (true, true),
        };
        let ts = frame.ts.as_nanos();
        if to_a {
            pcap_record(&mut a, ts, frame.orig_len, frame.data);
        }
        if to_b {
            pcap_record(&mut b, ts, frame.orig_len, frame.data);
        }
    }
    a.flush().unwrap();
    b.flush().unwrap();
    (pa, pb, split)
}

fn run(args: &[&str]) -> Output {
    let out = Command::new(BIN).args(args).output().expect("run tapaudit");
    eprintln!(
        "tapaudit {}: exit {:?}\n{}",
        args.join(" "),
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `tapaudit audit ARGS --format json --fail-on never`.
fn audit_json(args: &[&str]) -> Output {
    let mut all = vec!["audit"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json", "--fail-on", "never"]);
    run(&all)
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("a JSON report on stdout")
}

/// The parts of a report that must not depend on where the flows came from.
fn verdicts(report: &serde_json::Value) -> serde_json::Value {
    serde_json::json!({
        "flows": report["flows"],
        "missing": report["missing"],
        "unused": report["unused"],
        "verdict": report["summary"]["verdict"],
    })
}

fn central_equals_offline(test: &str, capture: &Path, site: &Path, expect_cross_credit: bool) {
    let Some(server) = TestServer::start_or_skip(test) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (a, b, split) = split_capture(capture, dir.path());
    assert!(
        split.only_a > 0 && split.only_b > 0 && split.both > 0,
        "the split gives each sensor its own packets and some to both: {} / {} / {}",
        split.only_a,
        split.only_b,
        split.both
    );
    let url = server.url(test).to_string();
    let init = run(&["store", "init", &url]);
    assert!(init.status.success(), "store init");
    let site = site.to_str().unwrap();
    for (sensor, file) in [("cell-a", &a), ("cell-b", &b)] {
        let spool = dir.path().join(format!("spool-{sensor}"));
        let out = run(&[
            "ingest",
            file.to_str().unwrap(),
            "--sensor",
            sensor,
            "--store",
            &url,
            "--site",
            site,
            "--spool",
            spool.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "ingest of {sensor}");
    }
    let offline = audit_json(&[capture.to_str().unwrap(), "--site", site]);
    assert_eq!(offline.status.code(), Some(0));
    let central = audit_json(&["--from", &url, "--site", site]);
    assert_eq!(central.status.code(), Some(0), "audit --from");
    let (offline_report, central_report) = (json(&offline), json(&central));
    let (want, got) = (verdicts(&offline_report), verdicts(&central_report));
    if want != got {
        let (w, g) = (&want["flows"], &got["flows"]);
        let wl = w.as_array().map_or(0, Vec::len);
        let gl = g.as_array().map_or(0, Vec::len);
        for i in 0..wl.max(gl) {
            if w.get(i) != g.get(i) {
                panic!(
                    "{test}: first flow that differs (#{i} of {wl} offline, {gl} central):\n offline {}\n central {}",
                    w.get(i).map_or("none".into(), |v| v.to_string()),
                    g.get(i).map_or("none".into(), |v| v.to_string())
                );
            }
        }
        assert_eq!(want, got, "{test}: missing/unused/verdict differ");
    }
    assert!(
        !want["flows"].as_array().unwrap().is_empty(),
        "the capture has flows"
    );
    // What the merge did, as the central audit says it on stderr.
    let said = String::from_utf8_lossy(&central.stderr).to_string();
    let count = |after: &str| -> u64 {
        let i = said
            .find(after)
            .unwrap_or_else(|| panic!("stderr says {after:?}: {said}"));
        said[..i]
            .rsplit(|c: char| !c.is_ascii_digit())
            .find(|w| !w.is_empty())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    assert!(
        count(" seen by several sensors") > 0,
        "connections seen by both sensors were merged: {said}"
    );
    if expect_cross_credit {
        assert!(
            count(" credited to an announcement of another sensor") > 0,
            "an announcement seen by one sensor explains a connection the other saw: {said}"
        );
    }
    // A window and a sensor filter narrow what is read.
    let only_a = audit_json(&["--from", &url, "--sensor", "cell-a", "--site", site]);
    let a_flows = json(&only_a)["flows"].as_array().unwrap().len();
    assert!(
        a_flows > 0 && a_flows < want["flows"].as_array().unwrap().len(),
        "--sensor cell-a reads only that sensor ({a_flows} flows)"
    );
    let none = audit_json(&["--from", &url, "--until", "1971-01-01T00:00:00Z"]);
    assert_eq!(
        json(&none)["flows"].as_array().map(Vec::len),
        Some(0),
        "--until before every flow reads none"
    );
    assert_eq!(
        json(&none)["summary"]["verdict"],
        "inconclusive",
        "an empty window of the store is no evidence for a pass"
    );
}

#[test]
fn central_audit_of_two_sensors_equals_the_offline_audit_of_the_demo() {
    central_equals_offline(
        "store_e2e_demo",
        &root().join("captures/demo/demo.pcap"),
        &root().join("captures/demo/site.toml"),
        true,
    );
}

#[test]
fn central_audit_of_two_sensors_equals_the_offline_audit_of_real_ftp() {
    central_equals_offline(
        "store_e2e_ftp",
        &root().join("captures/real/ftp-ipv4.pcap"),
        &root().join("captures/real/site.toml"),
        false,
    );
}

#[test]
fn ingest_into_a_store_that_is_not_there_keeps_the_batches_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // A port nothing listens on (bound and released).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("clickhouse://127.0.0.1:{port}/nowhere");
    let spool = dir.path().join("spool");
    let out = run(&[
        "ingest",
        root().join("captures/demo/demo.pcap").to_str().unwrap(),
        "--sensor",
        "cell-a",
        "--store",
        &url,
        "--spool",
        spool.to_str().unwrap(),
        "--wait",
        "2",
    ]);
    assert_eq!(out.status.code(), Some(2), "unsent rows: exit 2");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("batches left in the spool") && !said.contains(" 0 batches left"),
        "says how much stays in the spool: {said}"
    );
    assert!(said.contains(&url), "names the store: {said}");
    assert!(
        std::fs::read_dir(&spool).unwrap().count() > 0,
        "the spool holds the batches"
    );
}
