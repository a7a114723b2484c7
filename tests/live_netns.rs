//! `tapaudit live` end to end, in network namespaces this test creates: a veth pair, the
//! demo capture replayed by tcpreplay into one end, `tapaudit live` on the other. Needs
//! root, `ip netns` and tcpreplay; without them each test prints why and passes (skips).
//! Built only with the `live` feature: `CI=true cargo test -p tapaudit --features live --test
//! live_netns`.

#![cfg(feature = "live")]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_tapaudit");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn ok(cmd: &mut Command) -> bool {
    cmd.stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// Why these tests cannot run here, if they cannot.
fn missing_prerequisite() -> Option<String> {
    let uid = Command::new("id").arg("-u").output().ok()?;
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        return Some("not running as root".into());
    }
    if !ok(Command::new("ip").args(["netns", "list"])) {
        return Some("`ip netns` is not available".into());
    }
    if !ok(Command::new("tcpreplay").arg("--version")) {
        return Some("tcpreplay is not installed".into());
    }
    None
}

macro_rules! require_netns {
    () => {
        if let Some(why) = missing_prerequisite() {
            let msg =
                format!("SKIPPED: live netns test needs root, `ip netns` and tcpreplay: {why}");
            // CI runs as root with these installed (.ci/run): there, a skip is a failure.
            assert!(std::env::var_os("CI").is_none(), "{msg}");
            eprintln!("{msg}");
            return;
        }
    };
}

fn run(args: &[&str]) {
    let out = Command::new(args[0])
        .args(&args[1..])
        .output()
        .expect("spawn");
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Two namespaces joined by a veth pair; removed on drop (which removes the veth too).
struct Netns {
    a: String,
    b: String,
    veth_a: String,
    veth_b: String,
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

impl Netns {
    fn new() -> Netns {
        let id = format!(
            "{}{}",
            std::process::id() % 100_000,
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        let n = Netns {
            a: format!("tapaudit-{id}-a"),
            b: format!("tapaudit-{id}-b"),
            veth_a: format!("ta{id}a"),
            veth_b: format!("ta{id}b"),
        };
        for ns in [&n.a, &n.b] {
            run(&["ip", "netns", "add", ns]);
            // No IPv6: the kernel would add its own router solicitations and MLD reports.
            let _ = ok(Command::new("ip").args([
                "netns",
                "exec",
                ns,
                "sysctl",
                "-qw",
                "net.ipv6.conf.all.disable_ipv6=1",
                "net.ipv6.conf.default.disable_ipv6=1",
            ]));
        }
        run(&[
            "ip", "link", "add", &n.veth_a, "netns", &n.a, "type", "veth", "peer", "name",
            &n.veth_b, "netns", &n.b,
        ]);
        for (ns, dev) in [(&n.a, &n.veth_a), (&n.b, &n.veth_b)] {
            // The demo has QinQ frames of 1522 bytes: above the default MTU.
            run(&["ip", "-n", ns, "link", "set", dev, "mtu", "9000", "up"]);
        }
        n
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        for ns in [&self.a, &self.b] {
            let _ = ok(Command::new("ip").args(["netns", "del", ns]));
        }
    }
}

/// `tapaudit live` in namespace `ns`; its stderr lines go to a channel.
struct Live {
    child: Child,
    lines: mpsc::Receiver<String>,
}

impl Live {
    fn start(ns: &str, dev: &str, dir: &Path, extra: &[&str]) -> Live {
        let demo = root().join("captures/demo");
        // An empty namespace: the host's own (for a sensor that talks to a server on the
        // host's loopback).
        let mut cmd = if ns.is_empty() {
            Command::new(BIN)
        } else {
            let mut c = Command::new("ip");
            c.args(["netns", "exec", ns, BIN]);
            c
        };
        let mut child = cmd
            .args(["live", "--interface", dev])
            .arg("--site")
            .arg(demo.join("site.toml"))
            .arg("--report-dir")
            .arg(dir)
            .args(extra)
            .env("TAPAUDIT_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn tapaudit live");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                eprintln!("[live] {line}");
                let _ = tx.send(line);
            }
        });
        let live = Live { child, lines };
        live.wait_for("live audit running", Duration::from_secs(20));
        live
    }

    fn wait_for(&self, needle: &str, limit: Duration) {
        let end = Instant::now() + limit;
        while let Some(left) = end.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(l) if l.contains(needle) => return,
                Ok(_) => {}
                Err(_) => break,
            }
        }
        panic!("tapaudit live did not log {needle:?} within {limit:?}");
    }

    /// SIGTERM, then wait (bounded) for the exit status.
    fn terminate(self) -> i32 {
        self.terminate_with_log().0
    }

    /// As [`Live::terminate`], with every stderr line not consumed by `wait_for`.
    fn terminate_with_log(mut self) -> (i32, Vec<String>) {
        let code = self.stop();
        let end = Instant::now() + Duration::from_secs(5);
        let mut log = Vec::new();
        // The reader thread ends at the pipe's end: the channel then disconnects.
        while let Some(left) = end.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(l) => log.push(l),
                Err(_) => break,
            }
        }
        (code, log)
    }

    fn stop(&mut self) -> i32 {
        run(&["kill", "-TERM", &self.child.id().to_string()]);
        let end = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code().unwrap_or(-1);
            }
            if Instant::now() > end {
                let _ = self.child.kill();
                panic!("tapaudit live did not stop within 30 s of SIGTERM");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn replay(ns: &str, dev: &str, extra: &[&str]) -> Child {
    Command::new("ip")
        .args(["netns", "exec", ns, "tcpreplay", "--quiet", "-i", dev])
        .args(extra)
        .arg(root().join("captures/demo/demo.pcap"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn tcpreplay")
}

fn wait_bounded(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let end = Instant::now() + limit;
    loop {
        if let Some(s) = child.try_wait().expect("wait") {
            return s;
        }
        assert!(
            Instant::now() < end,
            "child did not finish within {limit:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

type Key = (String, String, String, Option<u64>, Option<u64>, String);

/// (proto, client, server, server_port, vlan, verdict) -> (flows, packets to server,
/// packets to client).
fn flows_of(report: &serde_json::Value) -> BTreeMap<Key, (u64, u64, u64)> {
    let mut m = BTreeMap::new();
    for f in report["flows"].as_array().expect("flows array") {
        let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
        let key = (
            s("proto"),
            s("client"),
            s("server"),
            f["server_port"].as_u64(),
            f["vlan"].as_u64(),
            s("verdict"),
        );
        let e = m.entry(key).or_insert((0, 0, 0));
        e.0 += 1;
        e.1 += f["packets_to_server"].as_u64().unwrap_or(0);
        e.2 += f["packets_to_client"].as_u64().unwrap_or(0);
    }
    m
}

fn offline_report() -> serde_json::Value {
    let demo = root().join("captures/demo");
    let out = Command::new(BIN)
        .args(["audit", "--format", "json", "--fail-on", "never", "--site"])
        .arg(demo.join("site.toml"))
        .arg(demo.join("demo.pcap"))
        .output()
        .expect("tapaudit audit");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("offline JSON")
}

fn read_json(path: &Path) -> serde_json::Value {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

#[test]
fn live_report_equals_offline_audit_of_the_replayed_demo() {
    require_netns!();
    let net = Netns::new();
    let dir = tempfile::tempdir().unwrap();
    let live = Live::start(&net.b, &net.veth_b, dir.path(), &["--report-every", "1h"]);
    let mut tr = replay(&net.a, &net.veth_a, &[]);
    let st = wait_bounded(&mut tr, Duration::from_secs(60));
    assert!(st.success(), "tcpreplay failed");
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(live.terminate(), 0);

    let report = read_json(&dir.path().join("latest.json"));
    let lv = &report["live"];
    assert_eq!(lv["in_progress"], false);
    let iface = &lv["interfaces"][0];
    assert_eq!(iface["dropped_by_kernel"], 0, "{lv}");
    let offline = offline_report();
    assert_eq!(
        report["statistics"]["capture"]["packets"], offline["statistics"]["capture"]["packets"],
        "every demo frame captured"
    );
    let (want, got) = (flows_of(&offline), flows_of(&report));
    for (k, v) in &want {
        assert_eq!(got.get(k), Some(v), "offline flow {k:?} differs live");
    }
    for k in got.keys() {
        assert!(
            want.contains_key(k),
            "live flow {k:?} not in the offline report"
        );
    }
    assert_eq!(
        report["summary"]["verdicts"],
        offline["summary"]["verdicts"]
    );
    assert_eq!(
        report["summary"]["evidence"],
        offline["summary"]["evidence"]
    );
    assert_eq!(report["missing"], offline["missing"]);
    eprintln!(
        "live == offline: {} flow keys, {} flows, verdicts {}",
        got.len(),
        report["flows"].as_array().map_or(0, |a| a.len()),
        report["summary"]["verdicts"]
    );
}

#[test]
fn sigterm_mid_run_leaves_a_complete_final_report() {
    require_netns!();
    let net = Netns::new();
    let dir = tempfile::tempdir().unwrap();
    let live = Live::start(
        &net.b,
        &net.veth_b,
        dir.path(),
        &["--report-every", "1s", "--formats", "json,markdown,html"],
    );
    // Slowed down so the capture is still running when the signal comes.
    let mut tr = replay(&net.a, &net.veth_a, &["--multiplier", "0.5"]);
    std::thread::sleep(Duration::from_millis(3500));
    let periodic = read_json(&dir.path().join("latest.json"));
    assert_eq!(periodic["live"]["in_progress"], true);
    assert_eq!(periodic["summary"]["complete"], false);
    // Issue 18: a periodic report says it is a live snapshot, since when, with its counters,
    // and shows no empty table of capture files.
    let md = std::fs::read_to_string(dir.path().join("latest.md")).unwrap();
    let head = md
        .lines()
        .find(|l| l.starts_with("Live snapshot since "))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(
        head.contains("the capture is still running") && head.contains("packet(s) received"),
        "{head}"
    );
    assert!(!md.contains("| file | packets |"), "{md}");
    let html = std::fs::read_to_string(dir.path().join("latest.html")).unwrap();
    assert!(
        html.contains("id=\"live-window\">Live snapshot since "),
        "no live window in the HTML"
    );
    assert!(
        !html.contains("<dt>files</dt>") && !html.contains("no packets"),
        "the HTML lists files of a live capture"
    );
    assert_eq!(live.terminate(), 0);
    let _ = tr.kill();
    let _ = tr.wait();

    let latest = read_json(&dir.path().join("latest.json"));
    assert_eq!(latest["schema"], "tapaudit.report/1");
    assert_eq!(latest["live"]["in_progress"], false);
    assert_eq!(latest["summary"]["complete"], true);
    let flows = latest["flows"].as_array().expect("flows");
    assert!(
        !flows.is_empty(),
        "some of the demo was seen before SIGTERM"
    );
    let total = offline_report()["flows"].as_array().map_or(0, |a| a.len());
    assert!(
        flows.len() < total,
        "the run was cut mid-replay ({} of {total} flows)",
        flows.len()
    );
    let finals: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with("-final.json"))
        .collect();
    assert_eq!(finals.len(), 1);
    assert_eq!(read_json(&finals[0]), latest);
    let md = std::fs::read_to_string(dir.path().join("latest.md")).unwrap();
    assert!(
        md.contains("## Live capture") && md.contains("final report"),
        "{md}"
    );
    assert!(
        md.lines()
            .any(|l| l.starts_with("Live capture from ") && l.contains("final report")),
        "{md}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    eprintln!("final report after SIGTERM mid-run: {} flows", flows.len());
}

#[test]
fn missing_interface_and_bad_filter_exit_2_at_start() {
    require_netns!();
    let out = Command::new(BIN)
        .args(["live", "--interface", "tapaudit-nope0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"tapaudit-nope0\" does not exist"));
    let out = Command::new(BIN)
        .args(["live", "--interface", "lo", "--filter", "tcp port banana"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad capture filter \"tcp port banana\""));
}

#[test]
fn an_interface_that_goes_away_is_reopened_and_the_gap_reported() {
    require_netns!();
    let net = Netns::new();
    let dir = tempfile::tempdir().unwrap();
    let live = Live::start(&net.b, &net.veth_b, dir.path(), &["--report-every", "1h"]);
    run(&["ip", "-n", &net.a, "link", "del", &net.veth_a]);
    live.wait_for("capture lost", Duration::from_secs(10));
    run(&[
        "ip",
        "-n",
        &net.a,
        "link",
        "add",
        &net.veth_a,
        "type",
        "veth",
        "peer",
        "name",
        &net.veth_b,
        "netns",
        &net.b,
    ]);
    run(&["ip", "-n", &net.a, "link", "set", &net.veth_a, "up"]);
    run(&["ip", "-n", &net.b, "link", "set", &net.veth_b, "up"]);
    live.wait_for("capture reopened", Duration::from_secs(20));
    assert_eq!(live.terminate(), 0);
    let report = read_json(&dir.path().join("latest.json"));
    let iface = &report["live"]["interfaces"][0];
    assert_eq!(iface["gaps_total"], 1, "{iface}");
    assert!(
        iface["gaps"][0]["to"].is_string(),
        "the gap is closed: {iface}"
    );
    assert_eq!(iface["opened"], 2);
    assert_eq!(report["live"]["partial"], true);
}

/// A sender namespace whose bridge floods every frame (a hub: no MAC learning) to two
/// ports, whose peers sit in a capture namespace: two interfaces that see the same frames,
/// as two overlapping SPAN sessions do. Removed on drop.
struct TwoTaps {
    sender: String,
    capture: String,
    send_dev: String,
    taps: [String; 2],
}

impl TwoTaps {
    fn new() -> TwoTaps {
        let id = format!(
            "{}{}",
            std::process::id() % 100_000,
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        let t = TwoTaps {
            sender: format!("tapaudit-{id}-s"),
            capture: format!("tapaudit-{id}-c"),
            send_dev: format!("tl{id}s"),
            taps: [format!("tl{id}c1"), format!("tl{id}c2")],
        };
        let (s, c) = (t.sender.as_str(), t.capture.as_str());
        for ns in [s, c] {
            run(&["ip", "netns", "add", ns]);
            let _ = ok(Command::new("ip").args([
                "netns",
                "exec",
                ns,
                "sysctl",
                "-qw",
                "net.ipv6.conf.all.disable_ipv6=1",
                "net.ipv6.conf.default.disable_ipv6=1",
            ]));
        }
        let br = format!("tl{id}br");
        run(&[
            "ip",
            "-n",
            s,
            "link",
            "add",
            &br,
            "type",
            "bridge",
            "stp_state",
            "0",
        ]);
        run(&[
            "ip",
            "-n",
            s,
            "link",
            "set",
            &br,
            "type",
            "bridge",
            "ageing_time",
            "0",
            "mcast_snooping",
            "0",
        ]);
        let send_port = format!("{}p", t.send_dev);
        run(&[
            "ip",
            "-n",
            s,
            "link",
            "add",
            &t.send_dev,
            "type",
            "veth",
            "peer",
            "name",
            &send_port,
        ]);
        let mut ports = vec![send_port.clone()];
        for (i, tap) in t.taps.iter().enumerate() {
            let port = format!("tl{id}p{i}");
            run(&[
                "ip", "-n", s, "link", "add", &port, "type", "veth", "peer", "name", tap, "netns",
                c,
            ]);
            run(&["ip", "-n", c, "link", "set", tap, "mtu", "9000", "up"]);
            ports.push(port);
        }
        for p in &ports {
            run(&[
                "ip", "-n", s, "link", "set", p, "mtu", "9000", "master", &br,
            ]);
            run(&[
                "ip",
                "-n",
                s,
                "link",
                "set",
                p,
                "type",
                "bridge_slave",
                "learning",
                "off",
            ]);
            run(&["ip", "-n", s, "link", "set", p, "up"]);
        }
        run(&[
            "ip",
            "-n",
            s,
            "link",
            "set",
            &t.send_dev,
            "mtu",
            "9000",
            "up",
        ]);
        run(&["ip", "-n", s, "link", "set", &br, "up"]);
        t
    }
}

impl Drop for TwoTaps {
    fn drop(&mut self) {
        for ns in [&self.sender, &self.capture] {
            let _ = ok(Command::new("ip").args(["netns", "del", ns]));
        }
    }
}

/// Replays the demo through the hub and returns the final report of a live run on `devs`.
fn live_through_hub(net: &TwoTaps, devs: &[&str], extra: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let mut args: Vec<&str> = vec!["--report-every", "1h"];
    for d in &devs[1..] {
        args.extend(["--interface", d]);
    }
    args.extend(extra);
    let live = Live::start(&net.capture, devs[0], dir.path(), &args);
    let mut tr = replay(&net.sender, &net.send_dev, &["--multiplier", "4"]);
    let st = wait_bounded(&mut tr, Duration::from_secs(60));
    assert!(st.success(), "tcpreplay failed");
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(live.terminate(), 0);
    read_json(&dir.path().join("latest.json"))
}

#[test]
fn class4_two_interfaces_one_packet_counters_equal_the_one_interface_run() {
    require_netns!();
    let net = TwoTaps::new();
    let [c1, c2] = [net.taps[0].as_str(), net.taps[1].as_str()];
    let one = live_through_hub(&net, &[c1], &[]);
    let two = live_through_hub(&net, &[c1, c2], &[]);
    let off = live_through_hub(&net, &[c1, c2], &["--dedup-window", "0"]);
    let counters = |r: &serde_json::Value| {
        let c = &r["statistics"]["capture"];
        (
            c["packets"].as_u64().unwrap(),
            c["bytes"].as_u64().unwrap(),
            c["ip_packets"].as_u64().unwrap(),
        )
    };
    let (p1, _, ip1) = counters(&one);
    assert!(ip1 < p1, "the demo has non-IP frames too");
    assert!(p1 > 600, "the hub carried the demo to c1: {p1} frames");
    let ifaces = two["live"]["interfaces"].as_array().unwrap();
    for i in ifaces {
        assert_eq!(i["dropped_by_kernel"], 0, "{i}");
        assert_eq!(
            i["received"].as_u64(),
            Some(p1),
            "each tap saw every frame: {i}"
        );
    }
    let dups: u64 = ifaces
        .iter()
        .map(|i| i["duplicates"].as_u64().unwrap())
        .sum();
    assert_eq!(dups, p1, "every frame's second copy is a duplicate");
    assert_eq!(two["live"]["dedup_window_ms"], 50);
    assert_eq!(
        counters(&two),
        counters(&one),
        "counters equal the one-interface run"
    );
    let p2 = counters(&two).0;
    assert_eq!(
        flows_of(&two),
        flows_of(&one),
        "same flows, same packet counts"
    );
    assert_eq!(two["summary"]["verdicts"], one["summary"]["verdicts"]);
    // Switched off, every frame counts twice: the test can see the difference.
    let (p0, _, ip0) = counters(&off);
    assert_eq!((p0, ip0), (2 * p1, 2 * ip1));
    assert!(off["live"]["dedup_window_ms"].is_null());
    eprintln!("class 4: one interface {p1} frames ({ip1} IP); two with dedup {p2} ({dups} duplicates); two without {p0}");
}

#[test]
fn class5_after_dropping_privileges_a_vanished_interface_is_reopened_and_capture_resumes() {
    require_netns!();
    let net = Netns::new();
    let dir = tempfile::tempdir().unwrap();
    // The report directory must be writable by the user we drop to.
    run(&["chmod", "0777", dir.path().to_str().unwrap()]);
    let live = Live::start(
        &net.b,
        &net.veth_b,
        dir.path(),
        &["--report-every", "1h", "--user", "nobody"],
    );
    // `ip netns exec` execs tapaudit in place: the child's status is tapaudit's.
    let status = std::fs::read_to_string(format!("/proc/{}/status", live.child.id())).unwrap();
    let field = |k: &str| {
        status
            .lines()
            .find(|l| l.starts_with(k))
            .unwrap_or_default()
            .split_whitespace()
            .nth(1)
            .unwrap_or_default()
            .to_string()
    };
    assert_ne!(field("Uid:"), "0", "runs as nobody: {status}");
    // CAP_NET_RAW is bit 13: kept, effective and permitted, nothing else.
    assert_eq!(field("CapEff:"), "0000000000002000", "{status}");
    assert_eq!(field("CapPrm:"), "0000000000002000", "{status}");
    run(&["ip", "-n", &net.a, "link", "del", &net.veth_a]);
    live.wait_for("capture lost", Duration::from_secs(10));
    run(&[
        "ip",
        "-n",
        &net.a,
        "link",
        "add",
        &net.veth_a,
        "type",
        "veth",
        "peer",
        "name",
        &net.veth_b,
        "netns",
        &net.b,
    ]);
    for (ns, dev) in [(&net.a, &net.veth_a), (&net.b, &net.veth_b)] {
        run(&["ip", "-n", ns, "link", "set", dev, "mtu", "9000", "up"]);
    }
    live.wait_for("capture reopened", Duration::from_secs(20));
    let mut tr = replay(&net.a, &net.veth_a, &["--multiplier", "4"]);
    assert!(wait_bounded(&mut tr, Duration::from_secs(60)).success());
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(live.terminate(), 0);
    let report = read_json(&dir.path().join("latest.json"));
    let iface = &report["live"]["interfaces"][0];
    assert_eq!(iface["gaps_total"], 1, "{iface}");
    assert!(
        iface["gaps"][0]["to"].is_string(),
        "the gap is closed: {iface}"
    );
    assert_eq!(iface["opened"], 2);
    let offline = offline_report();
    let want = offline["statistics"]["capture"]["packets"]
        .as_u64()
        .unwrap();
    let got = report["statistics"]["capture"]["packets"].as_u64().unwrap();
    assert_eq!(
        got, want,
        "every frame replayed after the reopening was captured"
    );
    assert_eq!(flows_of(&report), flows_of(&offline));
    eprintln!("class 5: reopened as nobody with CAP_NET_RAW; {got} frames after the gap");
}

/// Python modules a test checks its output with (the reference implementations), if any is
/// missing: the test skips, and under CI (which installs them, .ci/run) fails.
fn missing_python(modules: &str) -> Option<String> {
    let ok = Command::new("python3")
        .args(["-c", &format!("import {modules}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    (!ok).then(|| format!("python3 with {modules}"))
}

/// Runs a Python script with `input` on stdin; its stdout.
fn python(ns: Option<&str>, script: &str, input: &str) -> String {
    use std::io::Write;
    let mut cmd = match ns {
        Some(ns) => {
            let mut c = Command::new("ip");
            c.args(["netns", "exec", ns, "python3", "-c", script]);
            c
        }
        None => {
            let mut c = Command::new("python3");
            c.args(["-c", script]);
            c
        }
    };
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn python3");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write to python3");
    let out = child.wait_with_output().expect("python3");
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// `name{labels} value` samples of a Prometheus text exposition, checked line by line:
/// every line is a `# HELP`/`# TYPE` comment or a sample with a number.
fn prometheus_samples(text: &str) -> BTreeMap<String, f64> {
    let mut m = BTreeMap::new();
    for line in text.lines() {
        if line.starts_with("# HELP ") || line.starts_with("# TYPE ") {
            continue;
        }
        let (series, value) = line
            .rsplit_once(' ')
            .unwrap_or_else(|| panic!("not a sample: {line:?}"));
        let name_end = series.find('{').unwrap_or(series.len());
        let name = &series[..name_end];
        assert!(
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':'),
            "metric name {name:?} in {line:?}"
        );
        if name_end < series.len() {
            assert!(series.ends_with('}'), "labels of {line:?}");
            for pair in series[name_end + 1..series.len() - 1].split(',') {
                let (k, v) = pair.split_once('=').unwrap_or_else(|| panic!("{line:?}"));
                assert!(
                    !k.is_empty() && v.starts_with('"') && v.ends_with('"'),
                    "{line:?}"
                );
            }
        }
        let v: f64 = value
            .parse()
            .unwrap_or_else(|_| panic!("value of {line:?}"));
        assert!(m.insert(series.to_string(), v).is_none(), "twice: {line:?}");
    }
    m
}

/// Issue 18: findings as events (once each, across ticks), metrics as a textfile and on
/// GET /metrics, retention by bytes, and the log lines, while the demo is replayed.
#[test]
fn findings_are_events_once_each_and_metrics_equal_the_final_report() {
    require_netns!();
    if let Some(why) = missing_python("communityid, prometheus_client") {
        let msg = format!("SKIPPED: the events test checks with {why}");
        assert!(std::env::var_os("CI").is_none(), "{msg}");
        eprintln!("{msg}");
        return;
    }
    let net = Netns::new();
    // A new namespace's loopback is down: the endpoint is scraped over it.
    run(&["ip", "-n", &net.b, "link", "set", "lo", "up"]);
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let (events, metrics) = (
        out.path().join("events.jsonl"),
        out.path().join("tapaudit.prom"),
    );
    let budget: u64 = 400 * 1024;
    let live = Live::start(
        &net.b,
        &net.veth_b,
        dir.path(),
        &[
            "--report-every",
            "1s",
            "--formats",
            "json",
            "--keep-bytes",
            "400K",
            "--events",
            events.to_str().unwrap(),
            "--metrics",
            metrics.to_str().unwrap(),
            "--metrics-listen",
            "127.0.0.1:9464",
        ],
    );
    // The demo spans 6.6 s: its findings come up over several ticks.
    let mut tr = replay(&net.a, &net.veth_a, &[]);
    let st = wait_bounded(&mut tr, Duration::from_secs(60));
    assert!(st.success(), "tcpreplay failed");
    std::thread::sleep(Duration::from_millis(2500));
    let periodic_lines = std::fs::read_to_string(&events).unwrap().lines().count();

    // The endpoint, scraped from inside the namespace and read by the reference parser.
    let scraped = python(
        Some(&net.b),
        "import urllib.request, sys\n\
         from prometheus_client.parser import text_string_to_metric_families\n\
         r = urllib.request.urlopen('http://127.0.0.1:9464/metrics', timeout=5)\n\
         assert r.status == 200, r.status\n\
         assert r.headers['Content-Type'].startswith('text/plain; version=0.0.4'), r.headers\n\
         body = r.read().decode()\n\
         n = sum(len(f.samples) for f in text_string_to_metric_families(body))\n\
         print(n)\n\
         sys.stdout.write(body)",
        "",
    );
    let (n, body) = scraped.split_once('\n').unwrap();
    assert_eq!(
        n.parse::<usize>().unwrap(),
        prometheus_samples(body).len(),
        "prometheus_client reads every sample"
    );

    let (code, log) = live.terminate_with_log();
    assert_eq!(code, 0);
    let report = read_json(&dir.path().join("latest.json"));
    assert_eq!(report["live"]["in_progress"], false);

    // One line per finding id, each with its id, Community ID, rule and citation.
    let text = std::fs::read_to_string(&events).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?}: {e}")))
        .collect();
    assert!(!lines.is_empty());
    assert!(periodic_lines > 0, "events came with the periodic reports");
    let mut ids = std::collections::BTreeSet::new();
    for e in &lines {
        let id = e["id"].as_str().expect("id");
        assert!(id.starts_with("F-") && id.len() == 14, "{e}");
        assert!(ids.insert(id.to_string()), "finding {id} sent twice");
        assert_eq!(e["schema"], "tapaudit.finding/1");
        assert!(
            e["community_id"]
                .as_str()
                .is_some_and(|c| c.starts_with("1:")),
            "{e}"
        );
        for k in [
            "rule", "cite", "kind", "client", "server", "proto", "reason",
        ] {
            assert!(e.get(k).is_some(), "{k} missing in {e}");
        }
        if e["kind"] == "violation" {
            assert!(e["rule"].is_string() && e["cite"].is_string(), "{e}");
        }
    }
    // The same findings as the final report's flows (required flows missing are not events).
    let mut by_kind: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    for f in report["flows"].as_array().unwrap() {
        if let Some(id) = f["finding"].as_str() {
            by_kind
                .entry(f["verdict"].as_str().unwrap().to_string())
                .or_default()
                .insert(id.to_string());
        }
    }
    let report_ids: std::collections::BTreeSet<String> =
        by_kind.values().flatten().cloned().collect();
    assert_eq!(ids, report_ids, "events = the final report's findings");
    assert_eq!(by_kind["violation"].len(), 3, "the demo's violations");

    // Community IDs as the reference implementation computes them.
    let reference = python(
        None,
        "import sys, json, communityid\n\
         c = communityid.CommunityID()\n\
         P = {'tcp': communityid.PROTO_TCP, 'udp': communityid.PROTO_UDP, 'icmp': communityid.PROTO_ICMP}\n\
         for line in sys.stdin:\n\
         \x20   e = json.loads(line)\n\
         \x20   if e['proto'] not in ('tcp', 'udp'): print(e['community_id']); continue\n\
         \x20   t = communityid.FlowTuple(P[e['proto']], e['client'], e['server'], e['client_port'], e['server_port'])\n\
         \x20   print(c.calc(t))",
        &text,
    );
    for (e, want) in lines.iter().zip(reference.lines()) {
        assert_eq!(e["community_id"], want, "{e}");
    }

    // The textfile: Prometheus text with the final report's counts.
    let m = prometheus_samples(&std::fs::read_to_string(&metrics).unwrap());
    for v in ["documented", "undocumented", "violation"] {
        assert_eq!(
            m[&format!("tapaudit_flows{{verdict=\"{v}\"}}")],
            report["summary"]["verdicts"][v].as_f64().unwrap(),
            "{v} flows"
        );
    }
    for k in ["undocumented", "violation"] {
        assert_eq!(
            m[&format!("tapaudit_findings_total{{kind=\"{k}\"}}")],
            by_kind.get(k).map_or(0, |s| s.len()) as f64,
            "{k} findings"
        );
    }
    assert_eq!(m["tapaudit_finding_events_total"], lines.len() as f64);
    assert_eq!(
        m["tapaudit_packets_total"],
        report["statistics"]["capture"]["packets"].as_f64().unwrap()
    );
    // Retention by bytes, over many periods.
    let on_disk: u64 = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    assert!(on_disk <= budget, "{on_disk} bytes > --keep-bytes {budget}");
    assert_eq!(m["tapaudit_report_dir_bytes"], on_disk as f64);
    let reports = m["tapaudit_reports_written_total"];
    assert!(reports >= 5.0, "{reports} reports");

    // Logs: each new finding once at WARN with its id, each report written.
    let warned: Vec<&String> = log.iter().filter(|l| l.contains("new finding")).collect();
    assert_eq!(warned.len(), ids.len(), "{warned:#?}");
    for id in &ids {
        assert!(
            warned
                .iter()
                .any(|l| l.contains("WARN") && l.contains(id.as_str())),
            "{id} not logged at WARN"
        );
    }
    // ("final report written", the binary's closing line, is not one of them.)
    let written = log
        .iter()
        .filter(|l| l.contains("report written") && !l.contains("final report written"))
        .count();
    assert_eq!(written as f64, reports, "one log line per report");
    eprintln!(
        "events: {} findings ({} by the periodic reports), {reports} reports, {on_disk} bytes kept",
        ids.len(),
        periodic_lines
    );
}

/// `tapaudit live --store`: a live sensor streams its flows into a private ClickHouse
/// (started by the test, tapaudit_store::test_server) while it audits locally; the central
/// audit of the store (`audit --from`) then has the same flows and verdicts as the offline
/// audit of the replayed demo, and the sensor's own report. Without a ClickHouse binary it
/// skips (under CI=true it fails).
#[test]
fn live_store_streams_the_replayed_demo_and_audit_from_equals_offline() {
    require_netns!();
    live_store_case("live_store", false);
}

/// The fault case: the server is down while the demo is replayed (the sensor spools), then
/// comes back before the sensor stops; every record arrives exactly once (the flow counts of
/// the central audit equal the offline audit's, so a re-sent batch would show).
#[test]
fn live_store_spools_while_the_server_is_down_and_sends_once() {
    require_netns!();
    live_store_case("live_store_down", true);
}

fn live_store_case(test: &str, server_down: bool) {
    let Some(mut server) = tapaudit_store::test_server::TestServer::start_or_skip(test) else {
        return;
    };
    let url = server.url(test).to_string();
    let init = Command::new(BIN)
        .args(["store", "init", &url])
        .output()
        .unwrap();
    assert!(
        init.status.success(),
        "store init: {}",
        String::from_utf8_lossy(&init.stderr)
    );
    // The sensor runs in the host's namespace (the server listens on its loopback), on a
    // veth whose peer is in namespace a, where the demo is replayed. No IPv6 on the host end,
    // so the kernel adds no frames of its own.
    let net = Netns::new();
    let host_dev = format!("{}h", net.veth_a);
    run(&[
        "ip", "link", "add", &host_dev, "type", "veth", "peer", "name", "tapeer0", "netns", &net.a,
    ]);
    let _ =
        ok(Command::new("sysctl")
            .args(["-qw", &format!("net.ipv6.conf.{host_dev}.disable_ipv6=1")]));
    run(&["ip", "link", "set", &host_dev, "mtu", "9000", "up"]);
    run(&[
        "ip", "-n", &net.a, "link", "set", "tapeer0", "mtu", "9000", "up",
    ]);
    let dir = tempfile::tempdir().unwrap();
    let spool = dir.path().join("spool");
    let reports = dir.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    let live = Live::start(
        "",
        &host_dev,
        &reports,
        &[
            "--report-every",
            "1h",
            "--store",
            &url,
            "--sensor",
            "tap-1",
            "--spool",
            spool.to_str().unwrap(),
            "--store-wait",
            "30",
        ],
    );
    if server_down {
        server.kill();
    }
    let mut tr = replay(&net.a, "tapeer0", &[]);
    let st = wait_bounded(&mut tr, Duration::from_secs(60));
    assert!(st.success(), "tcpreplay failed");
    std::thread::sleep(Duration::from_millis(500));
    if server_down {
        server
            .restart()
            .expect("restart the ClickHouse test server");
        std::thread::sleep(Duration::from_secs(2));
    }
    let (code, log) = live.terminate_with_log();
    let _ = ok(Command::new("ip").args(["link", "del", &host_dev]));
    assert_eq!(code, 0, "live --store exit: {log:?}");
    let end = log
        .iter()
        .find(|l| l.contains("rows acknowledged"))
        .unwrap_or_else(|| panic!("no end-of-run store line: {log:?}"));
    assert!(
        end.contains("0 rows in 0 batches"),
        "rows left in the spool: {end}"
    );
    let local = read_json(&reports.join("latest.json"));

    let demo = root().join("captures/demo");
    let central = Command::new(BIN)
        .args([
            "audit",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--from",
            &url,
            "--site",
        ])
        .arg(demo.join("site.toml"))
        .output()
        .unwrap();
    assert_eq!(
        central.status.code(),
        Some(0),
        "audit --from: {}",
        String::from_utf8_lossy(&central.stderr)
    );
    let central: serde_json::Value = serde_json::from_slice(&central.stdout).unwrap();
    let offline = offline_report();
    let (want, got) = (flows_of(&offline), flows_of(&central));
    for (k, v) in &want {
        assert_eq!(
            got.get(k),
            Some(v),
            "offline flow {k:?} differs in the store"
        );
    }
    for k in got.keys() {
        assert!(
            want.contains_key(k),
            "stored flow {k:?} not in the offline report"
        );
    }
    assert_eq!(
        flows_of(&local),
        got,
        "the sensor's own report and the store differ"
    );
    assert_eq!(
        central["summary"]["verdicts"],
        offline["summary"]["verdicts"]
    );
    assert_eq!(central["missing"], offline["missing"]);
    eprintln!(
        "live --store == offline: {} flow keys, verdicts {}",
        got.len(),
        central["summary"]["verdicts"]
    );
}
