//! The binary on its own: copied into an empty directory, with no source tree around it, it
//! still audits its embedded demo, with the same report as from the repository root.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{stand_ins, GOLDEN_AUDIT_TIME};

fn golden(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A copy of the built binary, alone in a fresh temporary directory.
fn lone_binary() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("tapaudit");
    std::fs::copy(env!("CARGO_BIN_EXE_tapaudit"), &bin).unwrap();
    (dir, bin)
}

/// Runs a freshly written executable. A child that another test thread forked while the
/// copy was open for writing holds that descriptor until its own exec, and exec fails with
/// ETXTBSY meanwhile: retry briefly.
fn output_of(cmd: &mut Command) -> std::process::Output {
    for _ in 0..50 {
        match cmd.output() {
            Err(e) if e.raw_os_error() == Some(libc::ETXTBSY) => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            other => return other.unwrap(),
        }
    }
    panic!("the copied binary stayed busy (ETXTBSY)");
}

#[test]
fn a_copied_binary_audits_its_embedded_demo_in_an_empty_directory() {
    let (dir, bin) = lone_binary();
    for (format, golden_name) in [("markdown", "demo.md"), ("json", "demo.json")] {
        let out = output_of(
            Command::new(&bin)
                .current_dir(dir.path())
                .env("SOURCE_DATE_EPOCH", GOLDEN_AUDIT_TIME)
                .args(["audit", "--format", format]),
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "findings: exit 1\n{stderr}");
        assert!(
            stderr.contains(
                "auditing the bundled demo (captures/demo/demo.pcap with captures/demo/site.toml)"
            ),
            "{stderr}"
        );
        assert!(
            stand_ins(&out.stdout) == golden(golden_name),
            "the {format} report differs from tests/golden/{golden_name}"
        );
    }
    // Nothing was read from or written to the working directory.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["tapaudit"]);
}

#[test]
fn a_site_without_captures_is_an_error_not_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tapaudit"))
        .current_dir(dir.path())
        .args(["audit", "--site", "site.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no capture given"));
}

#[cfg(not(feature = "live"))]
#[test]
fn live_in_a_build_without_it_says_how_to_get_it() {
    let out = Command::new(env!("CARGO_BIN_EXE_tapaudit"))
        .args(["live", "--interface", "eth0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cargo build --release --features live") && stderr.contains("libpcap-dev"),
        "{stderr}"
    );
}
