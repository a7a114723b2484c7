//! A reader that goes away and a disk that fills up are not bugs of tapaudit: `audit 2>&1 |
//! head -1` ends quietly (no panic, no exit 101), and a report to a full file system fails
//! with a clear error while the previous report stays whole.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_tapaudit");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Both pipes closed after one line of stderr, as `2>&1 | head -1` does. The JSON report of
/// the demo (93 KB) is larger than a pipe's buffer (64 KiB), so the binary is still writing
/// it when the reader goes: the write fails with EPIPE, and so does the error message.
#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let mut child = Command::new(BIN)
        .current_dir(root())
        .args(["audit", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tapaudit");
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut first = String::new();
    err.read_line(&mut first).unwrap();
    assert!(first.contains("bundled demo"), "{first}");
    drop(err);
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(2),
        "a report cut short by its reader exits 2 (not 101, a panic): {status:?}"
    );
}

/// The issue's own command line, through a shell: nothing but the first line comes out,
/// and the exit status is not a panic's.
#[test]
fn audit_piped_into_head_says_nothing_more() {
    let script =
        format!("'{BIN}' audit --format json 2>&1 | head -1; echo \"status=${{PIPESTATUS[0]}}\"");
    let out = Command::new("bash")
        .current_dir(root())
        .args(["-c", &script])
        .output()
        .expect("bash");
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].contains("bundled demo"), "{text}");
    assert_eq!(lines[1], "status=2", "{text}");
    assert!(!text.contains("panicked"), "{text}");
}

/// A small tmpfs, mounted for the test (root only).
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        let dir =
            std::env::temp_dir().join(format!("tapaudit-overtime-tmpfs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .output();
        match out {
            Ok(o) if o.status.success() => Some(Tmpfs(dir)),
            other => {
                let why = match other {
                    Ok(o) => String::from_utf8_lossy(&o.stderr).into_owned(),
                    Err(e) => e.to_string(),
                };
                let _ = std::fs::remove_dir(&dir);
                assert!(!ci, "CI=true: mounting a tmpfs must work here: {why}");
                eprintln!("skipped: cannot mount a tmpfs (needs root): {why}");
                None
            }
        }
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        let _ = std::fs::remove_dir(&self.0);
    }
}

/// Fills the file system holding `dir` up to its last byte.
fn fill(dir: &Path) {
    let mut f = std::fs::File::create(dir.join("filler")).unwrap();
    let block = [0u8; 4096];
    for _ in 0..100_000 {
        if f.write_all(&block).is_err() {
            break;
        }
    }
    let _ = f.sync_all();
    // What is left of a partial block.
    while f.write_all(&[0u8]).is_ok() && f.flush().is_ok() {
        if f.sync_all().is_err() {
            break;
        }
    }
}

#[test]
fn a_full_disk_fails_cleanly_and_keeps_the_previous_report() {
    let Some(fs) = Tmpfs::mount("64k") else {
        return;
    };
    let report = fs.path().join("report.md");
    let run = |format: &str| {
        Command::new(BIN)
            .current_dir(root())
            .args(["audit", "--fail-on", "never", "--format", format, "-o"])
            .arg(&report)
            .args([
                "--site",
                "captures/real/site.toml",
                "captures/real/ftp-ipv4.pcap",
            ])
            .output()
            .expect("run tapaudit")
    };
    let first = run("markdown");
    assert_eq!(first.status.code(), Some(0), "{first:?}");
    let previous = std::fs::read(&report).unwrap();
    assert!(!previous.is_empty());

    fill(fs.path());
    let second = run("json");
    let err = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.contains(&report.display().to_string()),
        "names the file: {err}"
    );
    assert!(err.contains("the file system is full"), "{err}");
    assert!(err.contains("is unchanged"), "{err}");
    let mut now = Vec::new();
    std::fs::File::open(&report)
        .unwrap()
        .read_to_end(&mut now)
        .unwrap();
    assert_eq!(now, previous, "the previous report is intact");
    let mut names: Vec<String> = std::fs::read_dir(fs.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["filler", "report.md"], "no temporary left behind");
}
