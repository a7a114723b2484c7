//! Helpers shared by the integration tests that run the `tapaudit` binary.

use std::path::{Path, PathBuf};

use tapaudit_synth::{write_pcap, SynthConfig};

pub const BIN: &str = env!("CARGO_BIN_EXE_tapaudit");

/// A capture of the synth scenario SCENARIO with COUNT (as `tapaudit-synth --scenario
/// SCENARIO --count COUNT` writes it) in `dir`.
pub fn synth(dir: &Path, scenario: &str, count: u64) -> PathBuf {
    let out = dir.join(format!("{scenario}-{count}.pcap"));
    let mut cfg = SynthConfig::new(scenario.parse().expect("a synth scenario"));
    cfg.count = count;
    let file = std::fs::File::create(&out).expect("create the capture");
    write_pcap(&cfg, std::io::BufWriter::with_capacity(1 << 20, file))
        .unwrap_or_else(|e| panic!("synth {scenario} {count}: {e}"));
    out
}
