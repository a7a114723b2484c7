//! Helpers shared by the integration tests that run the `tapaudit` binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_tapaudit");

/// A capture of `tapaudit synth --scenario SCENARIO --count COUNT` in `dir`.
pub fn synth(dir: &Path, scenario: &str, count: u64) -> PathBuf {
    let out = dir.join(format!("{scenario}-{count}.pcap"));
    let st = Command::new(BIN)
        .args([
            "synth",
            "--scenario",
            scenario,
            "--count",
            &count.to_string(),
            "-o",
        ])
        .arg(&out)
        .stderr(Stdio::null())
        .status()
        .expect("tapaudit synth runs");
    assert!(st.success(), "synth {scenario} {count}");
    out
}
