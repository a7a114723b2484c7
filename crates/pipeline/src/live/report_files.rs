//! Where a live run's reports go: each one under a timestamped name
//! (`report-20260302T080000Z.json`, the final one `report-...-final.json`) and under
//! `latest.<ext>`; only the newest timestamped ones are kept. Naming and retention only:
//! rendering and writing the bytes (atomically) is the caller's.

use std::path::{Path, PathBuf};

use tapaudit_vocab::Timestamp;

/// The report directory of a live run and how many timestamped reports it keeps per format.
#[derive(Clone, Debug)]
pub struct ReportFiles {
    dir: PathBuf,
    keep: usize,
}

impl ReportFiles {
    /// `keep`: timestamped reports kept per format (at least 1; `latest.<ext>` is always there).
    pub fn new(dir: impl Into<PathBuf>, keep: usize) -> Self {
        ReportFiles {
            dir: dir.into(),
            keep: keep.max(1),
        }
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

    /// Keeps the newest `keep` timestamped reports of one format (names sort by time).
    pub fn prune(&self, ext: &str) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let dot_ext = format!(".{ext}");
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("report-") && n.ends_with(&dot_ext))
            // `x.junit.xml` must not count as a `.xml` of another format, nor the reverse.
            .filter(|n| n.trim_end_matches(&dot_ext).matches('.').count() == 0)
            .collect();
        names.sort();
        let excess = names.len().saturating_sub(self.keep);
        for n in names.into_iter().take(excess) {
            if let Err(e) = std::fs::remove_file(self.dir.join(&n)) {
                tracing::warn!(file = %n, error = %e, "cannot remove an old report");
            }
        }
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
        ReportFiles::new(d.path(), 2).prune("json");
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
                "report-20260304T000000Z.json"
            ]
        );
    }
}
