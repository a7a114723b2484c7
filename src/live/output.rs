//! Writing live reports: audit + render off the capture path, each file written atomically,
//! as a timestamped file and under a fixed name (`latest.<ext>`), old ones pruned.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::Context;
use serde_json::json;
use tapaudit_audit::audit;
use tapaudit_report::{render_to_vec, Coverage, Format, ReportInput};
use tapaudit_rules::{RuleSet, Site};

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

fn rfc3339(t: SystemTime) -> String {
    humantime::format_rfc3339_seconds(t).to_string()
}

/// `2026-03-02T08:00:00Z` -> `20260302T080000Z` (portable in file names).
fn stamp(t: SystemTime) -> String {
    rfc3339(t)
        .chars()
        .filter(|c| *c != '-' && *c != ':')
        .collect()
}

/// The `live` object of the report: libpcap counters, gaps, and how partial the picture is.
pub fn live_json(
    settings: &Settings,
    interfaces: &[InterfaceStatus],
    snap: &FlowsSnapshot,
    in_progress: bool,
    now: SystemTime,
) -> serde_json::Value {
    let dropped: u64 = interfaces
        .iter()
        .map(|i| i.stats.dropped_by_kernel + i.stats.dropped_by_interface)
        .sum();
    let gaps: u64 = interfaces.iter().map(|i| i.gaps_total).sum();
    let partial = in_progress || dropped > 0 || gaps > 0 || snap.store.dropped > 0;
    let ifaces: Vec<serde_json::Value> = interfaces
        .iter()
        .map(|i| {
            json!({
                "name": i.name,
                "link_type": i.link.number(),
                "received": i.stats.received,
                "dropped_by_kernel": i.stats.dropped_by_kernel,
                "dropped_by_interface": i.stats.dropped_by_interface,
                "capturing": i.capturing,
                "opened": i.opened,
                "gaps_total": i.gaps_total,
                "gaps": i.gaps.iter().map(|g| json!({
                    "from": rfc3339(g.from),
                    "to": g.to.map(rfc3339),
                    "reason": g.reason,
                })).collect::<Vec<_>>(),
                "last_error": i.last_error,
            })
        })
        .collect();
    json!({
        "started": rfc3339(settings.started),
        "written": rfc3339(now),
        "in_progress": in_progress,
        "partial": partial,
        "filter": settings.filter,
        "snaplen": settings.snaplen,
        "report_every_secs": settings.report_every_secs,
        "interfaces": ifaces,
        "open_flows": snap.open_flows,
        "finished_flows": snap.store,
    })
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
    let live = live_json(settings, interfaces, &snap, in_progress, now);
    let FlowsSnapshot {
        flows,
        capture,
        flow_stats,
        ..
    } = snap;
    let result = audit(rules, site, flows);
    let input = ReportInput {
        audit: &result,
        rules,
        site,
        coverage: Coverage {
            files: &[],
            decode_errors_per_file: &[],
            capture: &capture,
            flows: &flow_stats,
            live: Some(live),
            in_progress,
        },
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
