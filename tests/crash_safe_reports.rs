//! Crash-safe reports: `tapaudit audit --output FILE` killed with SIGKILL at several moments
//! (while reading, as the temporary file appears, half-way through writing it) never leaves
//! a partial report at FILE: the previous report is there, byte for byte, or the new one,
//! whole.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_tapaudit");

fn audit_cmd(capture: &Path, output: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.args(["audit", "--format", "json", "--fail-on", "never", "-o"])
        .arg(output)
        .arg(capture)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// Temporary files of the report writer next to `report` (`.NAME.PID.tmp`).
fn temporaries(report: &Path) -> Vec<PathBuf> {
    let name = report.file_name().unwrap().to_string_lossy().into_owned();
    let dir = report.parent().unwrap();
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with(&format!(".{name}.")) && n.ends_with(".tmp")
        })
        .collect()
}

#[derive(Debug, Clone, Copy)]
enum Moment {
    /// This long after the start (the capture is still being read).
    After(Duration),
    /// As soon as the temporary report file exists.
    TemporaryAppears,
    /// When the temporary file holds at least this many bytes.
    TemporaryHolds(u64),
}

/// Runs the audit and kills it at `moment`. Returns whether the kill came before the
/// process ended by itself.
fn kill_at(mut child: Child, report: &Path, moment: Moment) -> bool {
    let started = Instant::now();
    let deadline = started + Duration::from_secs(300);
    loop {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        let now = Instant::now();
        assert!(now < deadline, "the audit did not finish in 5 minutes");
        let fire = match moment {
            Moment::After(d) => now - started >= d,
            Moment::TemporaryAppears => !temporaries(report).is_empty(),
            Moment::TemporaryHolds(n) => temporaries(report)
                .iter()
                .any(|t| std::fs::metadata(t).map(|m| m.len() >= n).unwrap_or(false)),
        };
        if fire {
            child.kill().unwrap(); // SIGKILL on Unix
            child.wait().unwrap();
            return true;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

#[test]
fn sigkill_while_writing_leaves_the_previous_report_intact() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.pcap");
    let mut flood = tapaudit_synth::SynthConfig::new(tapaudit_synth::Scenario::SynFlood);
    flood.count = 50_000;
    let file = std::fs::File::create(&big).unwrap();
    tapaudit_synth::write_pcap(&flood, std::io::BufWriter::new(file)).unwrap();

    // The previous report, from a small real capture.
    let report = dir.path().join("report.json");
    let small = Path::new(env!("CARGO_MANIFEST_DIR")).join("captures/public/zeek-ftp-ipv4.pcap");
    assert!(audit_cmd(&small, &report).status().unwrap().success());
    let previous = std::fs::read(&report).unwrap();
    serde_json::from_slice::<serde_json::Value>(&previous).expect("previous report is JSON");

    let moments = [
        Moment::After(Duration::from_millis(100)),
        Moment::After(Duration::from_millis(700)),
        Moment::TemporaryAppears,
        Moment::TemporaryHolds(1 << 20),
        Moment::TemporaryHolds(8 << 20),
    ];
    let mut killed_while_writing = 0;
    for moment in moments {
        let child = audit_cmd(&big, &report).spawn().unwrap();
        let killed = kill_at(child, &report, moment);
        let now = std::fs::read(&report).expect("the report file is still there");
        if now == previous {
            if matches!(moment, Moment::TemporaryAppears | Moment::TemporaryHolds(_)) && killed {
                killed_while_writing += 1;
            }
        } else {
            // Only a whole new report may replace it (the kill came after the rename).
            let v: serde_json::Value = serde_json::from_slice(&now).unwrap_or_else(|e| {
                panic!("{moment:?}: a partial report replaced the old one: {e}")
            });
            assert_eq!(v["schema"], "tapaudit.report/1", "{moment:?}");
            // Put the old one back for the next moment.
            std::fs::write(&report, &previous).unwrap();
        }
        // A killed writer may leave its temporary file; it never has the report's name.
        for t in temporaries(&report) {
            std::fs::remove_file(t).unwrap();
        }
    }
    assert!(
        killed_while_writing >= 2,
        "the kills never landed while the report was being written ({killed_while_writing})"
    );
    // And a run that is not killed replaces the report whole.
    assert!(audit_cmd(&big, &report).status().unwrap().success());
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(v["flows"].as_array().map(Vec::len), Some(50_000));
    assert!(
        temporaries(&report).is_empty(),
        "no temporary left after a clean run"
    );
}
