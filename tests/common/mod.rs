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
