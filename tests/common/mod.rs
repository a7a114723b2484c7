//! Helpers shared by the integration tests that run the `tapaudit` binary.

use std::path::{Path, PathBuf};

use tapaudit_synth::{write_pcap, SynthConfig};

#[allow(dead_code)]
pub const BIN: &str = env!("CARGO_BIN_EXE_tapaudit");

/// The audit time the golden reports state (`SOURCE_DATE_EPOCH`).
#[allow(dead_code)]
pub const GOLDEN_AUDIT_TIME: &str = "1772438400";

/// A report with the golden files' stand-ins: the build (`git describe`) replaced by `BUILD`
/// and the SHA-256 of each rule pack by `sha256-of:rules/NAME`, so that a rule edit or a new
/// commit does not change the golden files.
#[allow(dead_code)]
pub fn stand_ins(out: &[u8]) -> Vec<u8> {
    let Ok(mut text) = String::from_utf8(out.to_vec()) else {
        return out.to_vec();
    };
    text = text.replace(env!("TAPAUDIT_BUILD"), "BUILD");
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut packs: Vec<PathBuf> = std::fs::read_dir(rules)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    packs.sort();
    for p in packs {
        let hash = tapaudit_report::sha256_file(&p).unwrap();
        let name = p.file_name().unwrap().to_string_lossy();
        text = text.replace(&hash, &format!("sha256-of:rules/{name}"));
    }
    text.into_bytes()
}

/// A capture of the synth scenario SCENARIO with COUNT (as `tapaudit-synth --scenario
/// SCENARIO --count COUNT` writes it) in `dir`.
#[allow(dead_code)]
pub fn synth(dir: &Path, scenario: &str, count: u64) -> PathBuf {
    let out = dir.join(format!("{scenario}-{count}.pcap"));
    let mut cfg = SynthConfig::new(scenario.parse().expect("a synth scenario"));
    cfg.count = count;
    let file = std::fs::File::create(&out).expect("create the capture");
    write_pcap(&cfg, std::io::BufWriter::with_capacity(1 << 20, file))
        .unwrap_or_else(|e| panic!("synth {scenario} {count}: {e}"));
    out
}

/// The classic pcap `pcap` (Ethernet, as captures/demo/demo.pcap) without the frames to or
/// from `addr`: the capture of the same plant with one host switched off.
#[allow(dead_code)]
pub fn pcap_without_address(pcap: &[u8], addr: std::net::IpAddr) -> Vec<u8> {
    use etherparse::{NetSlice, SlicedPacket};
    assert_eq!(
        &pcap[..4],
        &[0xd4, 0xc3, 0xb2, 0xa1],
        "a little-endian classic pcap"
    );
    let mut out = pcap[..24].to_vec();
    let mut at = 24;
    while at + 16 <= pcap.len() {
        let incl = u32::from_le_bytes(pcap[at + 8..at + 12].try_into().unwrap()) as usize;
        let record = &pcap[at..at + 16 + incl];
        let frame = &record[16..];
        let touches = match SlicedPacket::from_ethernet(frame).ok().and_then(|p| p.net) {
            Some(NetSlice::Ipv4(ip)) => {
                let h = ip.header();
                [h.source_addr(), h.destination_addr()]
                    .iter()
                    .any(|a| std::net::IpAddr::V4(*a) == addr)
            }
            Some(NetSlice::Ipv6(ip)) => {
                let h = ip.header();
                [h.source_addr(), h.destination_addr()]
                    .iter()
                    .any(|a| std::net::IpAddr::V6(*a) == addr)
            }
            _ => false,
        };
        if !touches {
            out.extend_from_slice(record);
        }
        at += 16 + incl;
    }
    out
}

/// The demo site with `edit` applied to its text (an exact, single replacement).
#[allow(dead_code)]
pub fn demo_site_with(from: &str, to: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = std::fs::read_to_string(root.join("captures/demo/site.toml")).unwrap();
    assert_eq!(
        site.matches(from).count(),
        1,
        "{from:?} once in the demo site"
    );
    site.replace(from, to)
}

/// Runs `tapaudit audit --format json -o OUT CAPTURE --site SITE` from the repository root
/// with the golden audit time; returns the exit code.
#[allow(dead_code)]
pub fn audit_json(
    capture: &Path,
    site: &Path,
    out: &Path,
    extra: &[&str],
) -> (Option<i32>, String) {
    let o = std::process::Command::new(BIN)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("SOURCE_DATE_EPOCH", GOLDEN_AUDIT_TIME)
        .arg("audit")
        .arg(capture)
        .arg("--site")
        .arg(site)
        .args(["--format", "json", "-o"])
        .arg(out)
        .args(extra)
        .output()
        .expect("run tapaudit audit");
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// The repository root (captures, rules and goldens are named from it).
#[allow(dead_code)]
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tapaudit ARGS` from the repository root at the golden audit time: (exit code, stdout,
/// stderr).
#[allow(dead_code)]
pub fn tapaudit_at_root(args: &[&str]) -> (Option<i32>, String, String) {
    let o = std::process::Command::new(BIN)
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", GOLDEN_AUDIT_TIME)
        .args(args)
        .output()
        .expect("run tapaudit");
    (
        o.status.code(),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// The flows of the JSON report of `tapaudit audit CAPTURE` (a path from the root).
#[allow(dead_code)]
pub fn audit_flows(capture: &str) -> Vec<serde_json::Value> {
    let (_, out, _) = tapaudit_at_root(&["audit", "--format", "json", capture]);
    let r: serde_json::Value = serde_json::from_str(&out).expect("JSON report");
    r["flows"].as_array().unwrap().clone()
}
