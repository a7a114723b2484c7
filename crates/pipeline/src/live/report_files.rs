//! Where a live run's reports go: each one under a timestamped name
//! (`report-20260302T080000Z.json`, the final one `report-...-final.json`) and under
//! `latest.<ext>`. Retention, after each report: timestamped reports older than the age
//! limit go, then the newest `keep` per format are kept, then the oldest go until the whole
//! directory is within the byte budget (`latest.*` always stays). Naming and retention
//! only: rendering and writing the bytes (atomically) is the caller's.

use std::path::{Path, PathBuf};

use tapaudit_vocab::Timestamp;

/// The report directory of a live run and how many timestamped reports it keeps per format.
#[derive(Clone, Debug)]
pub struct ReportFiles {
    dir: PathBuf,
    keep: usize,
    max_bytes: Option<u64>,
    max_age: Option<std::time::Duration>,
}

/// What one retention pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pruned {
    pub removed: usize,
    pub removed_bytes: u64,
    /// Bytes of every file left in the directory.
    pub dir_bytes: u64,
}

impl ReportFiles {
    /// `keep`: timestamped reports kept per format (at least 1; `latest.<ext>` is always there).
    pub fn new(dir: impl Into<PathBuf>, keep: usize) -> Self {
        ReportFiles {
            dir: dir.into(),
            keep: keep.max(1),
            max_bytes: None,
            max_age: None,
        }
    }

    /// [`ReportFiles::new`], the directory created first when it does not exist.
    pub fn create(dir: impl Into<PathBuf>, keep: usize) -> std::io::Result<Self> {
        let files = ReportFiles::new(dir, keep);
        std::fs::create_dir_all(&files.dir).map_err(|e| {
            let message = format!("creating the report directory {}: {e}", files.dir.display());
            std::io::Error::new(e.kind(), message)
        })?;
        Ok(files)
    }

    /// Fails, naming the directory, when a report cannot be written into it (checked once
    /// the privileges are dropped, before the first report is due).
    pub fn check_writable(&self) -> std::io::Result<()> {
        let probe = self.dir.join(".tapaudit-write-test");
        std::fs::File::create(&probe).map_err(|e| {
            let message = format!(
                "the report directory {} is not writable: {e}",
                self.dir.display()
            );
            std::io::Error::new(e.kind(), message)
        })?;
        let _ = std::fs::remove_file(&probe);
        Ok(())
    }

    /// Also keep the whole directory within `max_bytes` and drop reports older than
    /// `max_age` (by the time in their name).
    pub fn with_limits(
        mut self,
        max_bytes: Option<u64>,
        max_age: Option<std::time::Duration>,
    ) -> Self {
        self.max_bytes = max_bytes;
        self.max_age = max_age;
        self
    }

    /// One retention pass over every format: age, then count per format, then bytes,
    /// oldest first. Each removal is logged.
    pub fn prune_all(&self, now: std::time::SystemTime) -> Pruned {
        let mut out = Pruned::default();
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return out;
        };
        // (name, bytes) of timestamped reports, and the bytes of everything else.
        let mut reports: Vec<(String, u64)> = Vec::new();
        let mut other_bytes = 0u64;
        for e in entries.filter_map(|e| e.ok()) {
            let name = e.file_name().to_string_lossy().into_owned();
            let len = e.metadata().map(|m| m.len()).unwrap_or(0);
            if name.starts_with("report-") {
                reports.push((name, len));
            } else {
                other_bytes += len;
            }
        }
        reports.sort();
        let cutoff = self
            .max_age
            .and_then(|a| now.checked_sub(a))
            .map(|t| format!("report-{}", stamp(Timestamp::from_system_time(t))));
        let mut keep_flags = vec![true; reports.len()];
        if let Some(cut) = &cutoff {
            for (i, (n, _)) in reports.iter().enumerate() {
                if n.as_str() < cut.as_str() {
                    keep_flags[i] = false;
                }
            }
        }
        // Count per format (the part after the first dot), newest kept.
        let mut per_format: std::collections::HashMap<&str, usize> = Default::default();
        for (i, (n, _)) in reports.iter().enumerate().rev() {
            if !keep_flags[i] {
                continue;
            }
            let ext = n.split_once('.').map_or("", |(_, e)| e);
            let c = per_format.entry(ext).or_default();
            *c += 1;
            if *c > self.keep {
                keep_flags[i] = false;
            }
        }
        let mut total: u64 = other_bytes
            + reports
                .iter()
                .zip(&keep_flags)
                .filter(|(_, k)| **k)
                .map(|((_, b), _)| *b)
                .sum::<u64>();
        if let Some(budget) = self.max_bytes {
            for (i, (_, b)) in reports.iter().enumerate() {
                if total <= budget {
                    break;
                }
                if keep_flags[i] {
                    keep_flags[i] = false;
                    total -= b;
                }
            }
            if total > budget {
                tracing::warn!(
                    budget,
                    bytes = total,
                    "the newest reports alone exceed --keep-bytes"
                );
            }
        }
        for ((n, b), k) in reports.iter().zip(&keep_flags) {
            if *k {
                continue;
            }
            match std::fs::remove_file(self.dir.join(n)) {
                Ok(()) => {
                    out.removed += 1;
                    out.removed_bytes += b;
                    tracing::info!(file = %n, bytes = b, "old report removed");
                }
                Err(e) => {
                    total += b;
                    tracing::warn!(file = %n, error = %e, "cannot remove an old report");
                }
            }
        }
        out.dir_bytes = total;
        out
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The timestamped name and the `latest` name of the report of format `ext` made at
    /// `written`.
    pub fn names(&self, ext: &str, written: Timestamp, in_progress: bool) -> [PathBuf; 2] {
        let suffix = if in_progress { "" } else { "-final" };
        [
            self.dir
                .join(format!("report-{}{suffix}.{ext}", stamp(written))),
            self.dir.join(format!("latest.{ext}")),
        ]
    }

    /// Writes one report of format `ext` under both its names with `write` (the caller's
    /// atomic writer); returns the `latest` path. Retention is the caller's next step, once
    /// every format of the report is written: [`ReportFiles::prune_all`].
    pub fn publish(
        &self,
        ext: &str,
        written: Timestamp,
        in_progress: bool,
        mut write: impl FnMut(&Path) -> std::io::Result<()>,
    ) -> std::io::Result<PathBuf> {
        let names = self.names(ext, written, in_progress);
        for path in &names {
            write(path).map_err(|e| {
                std::io::Error::new(
                    e.kind(),
                    format!("writing the report {}: {e}", path.display()),
                )
            })?;
        }
        let [_, latest] = names;
        Ok(latest)
    }
}

/// `2026-03-02T08:00:00Z` -> `20260302T080000Z` (portable in file names).
fn stamp(t: Timestamp) -> String {
    t.to_rfc3339_seconds()
        .chars()
        .filter(|c| *c != '-' && *c != ':')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_file_name_safe() {
        let t = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_772_438_400);
        let files = ReportFiles::new("/r", 3);
        let [stamped, latest] = files.names("json", Timestamp::from_system_time(t), false);
        assert_eq!(stamped, Path::new("/r/report-20260302T080000Z-final.json"));
        assert_eq!(latest, Path::new("/r/latest.json"));
    }

    #[test]
    fn prune_all_keeps_the_directory_within_bytes_and_age() {
        let d = tempfile::tempdir().unwrap();
        let day = std::time::Duration::from_secs(86_400);
        let t0 = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_772_438_400);
        for i in 0..10u64 {
            let t = Timestamp::from_system_time(t0 + day * i as u32);
            for ext in ["json", "md"] {
                let [p, _] = ReportFiles::new(d.path(), 1).names(ext, t, true);
                std::fs::write(p, vec![b'x'; 100]).unwrap();
            }
        }
        std::fs::write(d.path().join("latest.json"), vec![b'x'; 100]).unwrap();
        let now = t0 + day * 9;
        // Age: 3 days back from the newest keeps days 6..=9 (8 files); bytes 700: 6 of them.
        let files = ReportFiles::new(d.path(), 100).with_limits(Some(700), Some(day * 3));
        let p = files.prune_all(now);
        assert_eq!(p.dir_bytes, 700);
        assert_eq!(p.removed, 14);
        let mut left: Vec<String> = std::fs::read_dir(d.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left.len(), 7);
        assert!(left[1].starts_with("report-20260309"), "{left:?}");
        // Count per format.
        let p = ReportFiles::new(d.path(), 1).prune_all(now);
        assert_eq!(p.dir_bytes, 300);
    }

    #[test]
    fn prune_keeps_the_newest() {
        let d = tempfile::tempdir().unwrap();
        for i in 0..5 {
            std::fs::write(
                d.path().join(format!("report-2026030{i}T000000Z.json")),
                b"{}",
            )
            .unwrap();
        }
        std::fs::write(d.path().join("latest.json"), b"{}").unwrap();
        std::fs::write(d.path().join("report-20260304T000000Z.junit.xml"), b"<x/>").unwrap();
        ReportFiles::new(d.path(), 2).prune_all(std::time::SystemTime::now());
        let mut left: Vec<String> = std::fs::read_dir(d.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "latest.json",
                "report-20260303T000000Z.json",
                "report-20260304T000000Z.json",
                // Another format, counted apart.
                "report-20260304T000000Z.junit.xml"
            ]
        );
    }
}
