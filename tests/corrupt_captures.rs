//! The corrupt-capture corpus (captures/corrupt/, README.md there): for each file, what
//! `tapaudit audit --format json` and `tapaudit flows` say, and that everything before the
//! damage is still reported.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_tapaudit");

fn corrupt(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("captures/corrupt")
        .join(name)
}

fn public(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("captures/public")
        .join(name)
}

fn run(args: &[&str], file: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .arg(file)
        .output()
        .expect("tapaudit runs")
}

fn audit_json(file: &Path) -> (i32, Value, String) {
    let out = run(&["audit", "--format", "json", "--fail-on", "never"], file);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{}: report is not JSON ({e}): {}",
            file.display(),
            String::from_utf8_lossy(&out.stdout)
        )
    });
    (
        out.status.code().unwrap_or(-1),
        report,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn flows_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

/// A file the reader cannot read to its end.
struct Fatal {
    file: &'static str,
    /// Where the damage is, as stderr and the report say it.
    at: &'static str,
    /// What is wrong, as stderr and the report say it.
    what: &'static str,
    packets_before: u64,
    /// The intact part to compare flows with: (file, bytes kept); None when nothing was read.
    intact: Option<(PathBuf, usize)>,
}

fn fatal_cases() -> Vec<Fatal> {
    let ftp = public("zeek-ftp-ipv4.pcap");
    let icmp = public("chrissanders-icmp_echo.pcapng");
    let f = |file, at, what, packets_before, intact| Fatal {
        file,
        at,
        what,
        packets_before,
        intact,
    };
    vec![
        f(
            "empty.pcap",
            "at byte offset 0",
            "file header truncated (0 of 24 bytes)",
            0,
            None,
        ),
        f(
            "truncated-global-header.pcap",
            "at byte offset 0",
            "file header truncated (14 of 24 bytes)",
            0,
            None,
        ),
        f(
            "truncated-record-header.pcap",
            "record 40 at byte offset 6248",
            "record header truncated (9 of 16 bytes)",
            39,
            Some((ftp.clone(), 6248)),
        ),
        f(
            "truncated-mid-packet.pcap",
            "record 40 at byte offset 6248",
            "packet data truncated (20 of 74 bytes)",
            39,
            Some((ftp.clone(), 6248)),
        ),
        // The magic is the first four bytes; the message names the magic found there.
        f(
            "wrong-magic.pcap",
            "",
            "not a pcap or pcapng file (magic 0x89504e47)",
            0,
            None,
        ),
        f(
            "absurd-caplen.pcap",
            "record 40 at byte offset 6248",
            "captured length 300000 is larger than 256 KiB",
            39,
            Some((ftp.clone(), 6248)),
        ),
        f(
            "pcapng-bad-block-length.pcapng",
            "record 3 at byte offset 264",
            "pcapng block length 29 is invalid",
            2,
            Some((icmp.clone(), 264)),
        ),
        f(
            "pcapng-block-length-past-end.pcapng",
            "record 3 at byte offset 264",
            "packet data truncated (648 of 65536 bytes)",
            2,
            Some((icmp.clone(), 264)),
        ),
        f(
            "pcapng-unknown-interface.pcapng",
            "record 3 at byte offset 264",
            "pcapng packet for interface 7, which no Interface Description Block declared",
            2,
            Some((icmp.clone(), 264)),
        ),
        f(
            "pcapng-truncated-section-header.pcapng",
            "at byte offset 0",
            "file header truncated (10 of 28 bytes)",
            0,
            None,
        ),
        f(
            "truncated-stream.pcap.gz",
            "inside record 27 at byte offset 4730",
            "gzip stream is corrupt",
            26,
            Some((ftp, 4730)),
        ),
    ]
}

#[test]
fn fatal_damage_is_exit_2_with_file_and_place_and_keeps_what_came_before() {
    let tmp = tempfile::tempdir().unwrap();
    for case in fatal_cases() {
        let path = corrupt(case.file);
        let name = case.file;

        // audit --format json
        let (code, report, stderr) = audit_json(&path);
        assert_eq!(code, 2, "{name}: audit exit status; stderr: {stderr}");
        let line = stderr
            .lines()
            .find(|l| l.starts_with("tapaudit: error:"))
            .unwrap_or_else(|| panic!("{name}: no error line on stderr: {stderr}"));
        assert!(line.contains(&path.display().to_string()), "{name}: {line}");
        assert!(
            line.contains(case.at),
            "{name}: want {:?} in {line}",
            case.at
        );
        assert!(
            line.contains(case.what),
            "{name}: want {:?} in {line}",
            case.what
        );
        assert_eq!(report["summary"]["complete"], false, "{name}");
        let caps = report["captures"].as_array().expect("captures");
        assert_eq!(caps.len(), 1, "{name}");
        let cap = &caps[0];
        assert_eq!(cap["complete"], false, "{name}");
        assert_eq!(cap["packets"], case.packets_before, "{name}");
        let error = cap["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: no error text"));
        assert!(
            error.contains(case.at) && error.contains(case.what),
            "{name}: {error}"
        );
        let report_flows = report["flows"].as_array().expect("flows").len();

        // flows
        let out = run(&["flows"], &path);
        assert_eq!(out.status.code(), Some(2), "{name}: flows exit status");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(case.what) && stderr.contains(case.at),
            "{name}: {stderr}"
        );
        let broken = flows_lines(&out);
        assert_eq!(broken.len(), report_flows, "{name}: audit and flows agree");

        // The flows before the break are those of the intact part alone.
        match &case.intact {
            None => assert!(broken.is_empty(), "{name}: nothing was readable"),
            Some((source, keep)) => {
                let bytes = std::fs::read(source).unwrap();
                let part = tmp.path().join(format!("intact-{name}.pcap"));
                std::fs::write(&part, &bytes[..*keep]).unwrap();
                let clean = run(&["flows"], &part);
                assert_eq!(
                    clean.status.code(),
                    Some(0),
                    "{name}: the intact part reads cleanly"
                );
                assert!(
                    !broken.is_empty(),
                    "{name}: flows before the break are reported"
                );
                assert_eq!(
                    broken,
                    flows_lines(&clean),
                    "{name}: same flows as the intact part"
                );
            }
        }
    }
}

fn anomaly(file: &str) -> (Value, Value) {
    let path = corrupt(file);
    let (code, report, stderr) = audit_json(&path);
    // A counted anomaly is not an error (exit 0) unless nothing is left to judge: a file of
    // frames none of which is IP is INCONCLUSIVE (exit 2, tests/verdict_no_evidence.rs).
    let expected = if report["summary"]["verdict"] == "inconclusive" {
        2
    } else {
        0
    };
    assert_eq!(
        code, expected,
        "{file}: a counted anomaly is not an error; stderr: {stderr}"
    );
    assert!(!stderr.contains("error"), "{file}: {stderr}");
    assert_eq!(report["summary"]["complete"], true, "{file}");
    let cap = report["captures"][0].clone();
    assert_eq!(cap["complete"], true, "{file}");
    assert_eq!(cap["error"], Value::Null, "{file}");
    let out = run(&["flows"], &path);
    assert_eq!(out.status.code(), Some(0), "{file}: flows exit status");
    assert_eq!(
        flows_lines(&out).len(),
        report["flows"].as_array().map_or(0, Vec::len),
        "{file}"
    );
    (report, cap)
}

fn flows_of(file: &Path) -> Vec<String> {
    flows_lines(&run(&["flows"], file))
}

#[test]
fn zero_length_records_are_counted_decode_errors() {
    let (report, cap) = anomaly("zero-length-records.pcap");
    assert_eq!(cap["packets"], 95);
    assert_eq!(cap["decode_errors"], 3);
    assert_eq!(
        report["statistics"]["capture"]["decode_errors"]["truncated_link_header"],
        3
    );
    assert_eq!(report["flows"].as_array().unwrap().len(), 5);
}

#[test]
fn unknown_link_type_is_counted_frame_by_frame() {
    let (report, cap) = anomaly("unknown-link-type.pcap");
    assert_eq!(report["summary"]["verdict"], "inconclusive");
    assert_eq!(cap["packets"], 95);
    assert_eq!(cap["decode_errors"], 95);
    assert_eq!(
        report["statistics"]["capture"]["decode_errors"]["unsupported_link_type"],
        95
    );
    assert!(report["flows"].as_array().unwrap().is_empty());
}

#[test]
fn timestamps_going_backwards_are_counted_and_nothing_is_lost() {
    let (_, cap) = anomaly("timestamps-backwards.pcap");
    assert_eq!(cap["packets"], 95);
    assert_eq!(cap["timestamps_backwards"], 1);
    // An hour back is implausible: processed at the file's clock time (docs/flows.md).
    assert_eq!(cap["timestamps_implausible"], 1);
    // One packet moved in time; the same five flows as the original.
    let orig = flows_of(&public("zeek-ftp-ipv4.pcap"));
    assert_eq!(
        flows_of(&corrupt("timestamps-backwards.pcap")).len(),
        orig.len()
    );
}

#[test]
fn unknown_pcapng_block_types_are_skipped_and_counted() {
    let (_, cap) = anomaly("pcapng-unknown-block-type.pcapng");
    assert_eq!(cap["packets"], 8);
    assert_eq!(
        flows_of(&corrupt("pcapng-unknown-block-type.pcapng")),
        flows_of(&public("chrissanders-icmp_echo.pcapng"))
    );
    // The report has no field for skipped blocks yet; the reader's summary counts them.
    let file =
        tapaudit_capture::CaptureFile::open(&corrupt("pcapng-unknown-block-type.pcapng")).unwrap();
    let files = [file];
    let mut merged = tapaudit_capture::MergedReader::new(&files);
    while merged.next().is_some() {}
    let summary = &merged.summaries()[0];
    assert_eq!(summary.skipped_blocks, 1);
    assert!(summary.complete);
}

/// The corpus on disk is what make.py makes (no one edited a file by hand).
#[test]
fn every_corrupt_file_is_listed_in_the_readme_and_tested() {
    let readme = std::fs::read_to_string(corrupt("README.md")).unwrap();
    let tested: Vec<&str> = fatal_cases()
        .iter()
        .map(|c| c.file)
        .collect::<Vec<_>>()
        .into_iter()
        .chain([
            "zero-length-records.pcap",
            "unknown-link-type.pcap",
            "timestamps-backwards.pcap",
            "pcapng-unknown-block-type.pcapng",
        ])
        .collect();
    for entry in std::fs::read_dir(corrupt("")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".md") || name.ends_with(".py") {
            continue;
        }
        assert!(
            readme.contains(&format!("`{name}`")),
            "{name} is not in README.md"
        );
        assert!(tested.contains(&name.as_str()), "{name} has no test");
    }
}
