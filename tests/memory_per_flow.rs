//! Whole-process memory per concurrent flow (issue 7: at most 200 bytes per concurrent flow
//! plus a constant).
//!
//! SYN floods from random sources where every SYN is a flow that stays open to the end of
//! the capture: at the end, every flow is open at once, and every one of them is in the
//! report. The peak resident set of the whole `tapaudit` process (the kernel's own figure,
//! `ru_maxrss` from `wait4`) is taken at two flood sizes; its slope is what one more
//! concurrent flow costs, the constant (binary, rule packs, the mapped window of the
//! capture) cancelling out. Debug builds take about two and a half minutes here. The flow table alone is measured in tests/hot_path_allocations.rs.
//! Figures for a million flows are in docs/performance.md.

use std::path::Path;
use std::process::{Command, Stdio};

mod common;
use common::{synth, BIN};

// Both captures are larger than the window of the file the reader keeps mapped (32 MiB
// behind it, 2 MiB ahead: 76 bytes per SYN), so that the file's pages, which count in the
// resident set too, are the same constant in both runs.
const SMALL: u64 = 450_000;
const LARGE: u64 = 900_000;
const BYTES_PER_FLOW: u64 = 200;

/// Runs tapaudit with `args` and the capture; its exit status and peak resident set in bytes.
// The child is waited for by wait4 below, which std cannot see.
#[allow(clippy::zombie_processes)]
fn peak_rss(args: &[&str], capture: &Path) -> (i32, u64) {
    let child = Command::new(BIN)
        .args(args)
        .arg(capture)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("tapaudit runs");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in; the child is ours and not waited
    // for by anything else (std's Child is never waited on after this).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4: {}", std::io::Error::last_os_error());
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    // ru_maxrss is in KiB on Linux.
    (code, usage.ru_maxrss as u64 * 1024)
}

fn slope(args: &[&str], small: &Path, large: &Path) -> u64 {
    let (c1, r1) = peak_rss(args, small);
    let (c2, r2) = peak_rss(args, large);
    assert_eq!((c1, c2), (0, 0), "tapaudit {args:?} exit status");
    let per_flow = r2.saturating_sub(r1) / (LARGE - SMALL);
    eprintln!(
        "tapaudit {}: peak RSS {:.1} MiB for {SMALL} flows, {:.1} MiB for {LARGE}: {per_flow} bytes per flow",
        args.join(" "),
        r1 as f64 / 1048576.0,
        r2 as f64 / 1048576.0
    );
    per_flow
}

#[test]
fn peak_memory_grows_by_at_most_200_bytes_per_concurrent_flow() {
    let dir = tempfile::tempdir().unwrap();
    let small = synth(dir.path(), "syn-flood", SMALL);
    let large = synth(dir.path(), "syn-flood", LARGE);
    // Every flood source is a host of its own: Markdown and HTML group the undocumented flows
    // by host pair, so they hold a group per flow here (and HTML lists 5,000 of them).
    // With a site, every source is also an address outside the inventory.
    let site = concat!(env!("CARGO_MANIFEST_DIR"), "/captures/demo/site.toml");
    let runs: [&[&str]; 5] = [
        &["flows"],
        &["audit", "--format", "json", "--fail-on", "never"],
        &["audit", "--format", "markdown", "--fail-on", "never"],
        &["audit", "--format", "html", "--fail-on", "never"],
        &[
            "audit",
            "--site",
            site,
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
    ];
    for args in runs {
        let per_flow = slope(args, &small, &large);
        assert!(
            per_flow <= BYTES_PER_FLOW,
            "tapaudit {}: {per_flow} bytes per concurrent flow (at most {BYTES_PER_FLOW})",
            args.join(" ")
        );
    }
}
