//! Writing live reports: audit + render off the capture path, each file written atomically,
//! as a timestamped file and under a fixed name (`latest.<ext>`), old ones pruned.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::Context;
use tapaudit_audit::audit;
use tapaudit_report::{render_to_vec, Format, ReportInput};
use tapaudit_rules::{RuleSet, Site};
use tapaudit_vocab::{Coverage, Gap, InterfaceCoverage, LiveCoverage, Timestamp};

use super::capture::InterfaceStatus;
use super::flows::FlowsSnapshot;

pub struct Settings {
    pub dir: PathBuf,
    pub formats: Vec<Format>,
    /// Timestamped reports kept per format (the latest-named ones are always there).
    pub keep: usize,
    pub started: SystemTime,
    pub filter: Option<String>,
    pub snaplen: u32,
    pub report_every_secs: u64,
}

/// `2026-03-02T08:00:00Z` -> `20260302T080000Z` (portable in file names).
fn stamp(t: SystemTime) -> String {
    Timestamp::from_system_time(t)
        .to_rfc3339_seconds()
        .chars()
        .filter(|c| *c != '-' && *c != ':')
        .collect()
}

/// The live run's coverage: libpcap counters, gaps, and how partial the picture is.
pub fn live_coverage(
    settings: &Settings,
    interfaces: &[InterfaceStatus],
    snap: &FlowsSnapshot,
    in_progress: bool,
    now: SystemTime,
) -> LiveCoverage {
    LiveCoverage {
        started: Timestamp::from_system_time(settings.started),
        written: Timestamp::from_system_time(now),
        in_progress,
        filter: settings.filter.clone(),
        snaplen: settings.snaplen,
        report_every_secs: settings.report_every_secs,
        interfaces: interfaces
            .iter()
            .map(|i| InterfaceCoverage {
                name: i.name.clone(),
                link_type: i.link,
                received: i.stats.received,
                dropped_by_kernel: i.stats.dropped_by_kernel,
                dropped_by_interface: i.stats.dropped_by_interface,
                capturing: i.capturing,
                opened: i.opened,
                gaps_total: i.gaps_total,
                gaps: i
                    .gaps
                    .iter()
                    .map(|g| Gap {
                        from: Timestamp::from_system_time(g.from),
                        to: g.to.map(Timestamp::from_system_time),
                        reason: g.reason.clone(),
                    })
                    .collect(),
                last_error: i.last_error.clone(),
            })
            .collect(),
        open_flows: snap.open_flows,
        finished_flows: snap.store,
    }
}

/// Audits, renders every format and writes the files. Returns the paths written.
pub fn write_reports(
    settings: &Settings,
    rules: &RuleSet,
    site: Option<&Site>,
    snap: FlowsSnapshot,
    interfaces: &[InterfaceStatus],
    in_progress: bool,
) -> anyhow::Result<Vec<PathBuf>> {
    let now = SystemTime::now();
    let live = live_coverage(settings, interfaces, &snap, in_progress, now);
    let FlowsSnapshot {
        flows,
        capture,
        flow_stats,
        ..
    } = snap;
    let result = audit(rules, site, flows);
    let coverage = Coverage {
        files: Vec::new(),
        live: Some(live),
        capture,
    };
    let input = ReportInput {
        audit: &result,
        rules,
        site,
        coverage: &coverage,
        flow_stats: &flow_stats,
    };
    let suffix = if in_progress { "" } else { "-final" };
    let mut written = Vec::new();
    for &format in &settings.formats {
        let bytes = render_to_vec(format, &input)?;
        let ext = format.extension();
        let stamped = settings
            .dir
            .join(format!("report-{}{suffix}.{ext}", stamp(now)));
        let latest = settings.dir.join(format!("latest.{ext}"));
        for path in [&stamped, &latest] {
            tapaudit_report::write_atomically(path, &bytes)
                .with_context(|| format!("writing the report {}", path.display()))?;
        }
        prune(&settings.dir, ext, settings.keep);
        written.push(latest);
    }
    Ok(written)
}

/// Keeps the newest `keep` timestamped reports of one format (names sort by time).
fn prune(dir: &Path, ext: &str, keep: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
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
    let excess = names.len().saturating_sub(keep);
    for n in names.into_iter().take(excess) {
        if let Err(e) = std::fs::remove_file(dir.join(&n)) {
            tracing::warn!(file = %n, error = %e, "cannot remove an old report");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_file_name_safe() {
        let t = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_772_438_400);
        assert_eq!(stamp(t), "20260302T080000Z");
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
        prune(d.path(), "json", 2);
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
