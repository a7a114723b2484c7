//! Reports of a live run (no golden file covers them): every format shows the live capture
//! and says that the picture is partial, with the interface names escaped for the format.
//! The audit is that of the demo site with no flows, so every required flow is missing.

use std::path::Path;

use tapaudit_flow::FlowStats;
use tapaudit_report::{render_to_vec, Format, ReportInput};
use tapaudit_rules::{RuleSet, Site};
use tapaudit_vocab::{
    Coverage, Gap, InterfaceCoverage, LinkType, LiveCoverage, RecordStats, Timestamp,
};

const HOSTILE_INTERFACE: &str = "eth0|<i>";

fn live_coverage(in_progress: bool) -> Coverage {
    let t = |s: u64| Timestamp::from_secs_nanos(1_772_438_400 + s, 0);
    Coverage {
        live: Some(LiveCoverage {
            started: t(0),
            written: t(3600),
            in_progress,
            filter: None,
            snaplen: 262_144,
            report_every_secs: 60,
            interfaces: vec![InterfaceCoverage {
                name: HOSTILE_INTERFACE.into(),
                link_type: LinkType::from_linktype(1),
                received: 1000,
                dropped_by_kernel: 3,
                dropped_by_interface: 0,
                duplicates: 0,
                capturing: true,
                opened: 1,
                gaps_total: 1,
                gaps: vec![Gap {
                    from: t(100),
                    to: None,
                    reason: "link down".into(),
                }],
                last_error: None,
            }],
            open_flows: 0,
            finished_flows: RecordStats::default(),
            dedup_window_ms: Some(50),
        }),
        ..Coverage::default()
    }
}

fn render_all(in_progress: bool) -> Vec<(Format, String)> {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../captures/demo/site.toml");
    let rules = RuleSet::load(&[]).unwrap();
    let site = Site::from_file(&demo).unwrap();
    let audit = tapaudit_audit::audit(&rules, Some(&site), Vec::new());
    assert!(!audit.missing.is_empty(), "the demo site requires flows");
    let coverage = live_coverage(in_progress);
    let flow_stats = FlowStats::default();
    let input = ReportInput {
        audit: &audit,
        rules: &rules,
        site: Some(&site),
        coverage: &coverage,
        flow_stats: &flow_stats,
        fail_on: tapaudit_audit::FailOn::Missing,
        run: None,
    };
    [
        Format::Markdown,
        Format::Json,
        Format::Junit,
        Format::Csv,
        Format::Html,
    ]
    .into_iter()
    .map(|f| {
        let bytes = render_to_vec(f, &input).unwrap();
        (f, String::from_utf8(bytes).unwrap())
    })
    .collect()
}

#[test]
fn a_periodic_live_report_says_it_is_partial_in_every_format() {
    for (format, text) in render_all(true) {
        match format {
            Format::Markdown => {
                // No frame was captured: nothing supports a pass, and "missing" is no finding.
                assert!(text.contains("**Verdict: INCONCLUSIVE**"), "{text}");
                assert!(text.contains("no frame was read"));
                assert!(text.contains("> - live capture still running"));
                assert!(text.contains("## Live capture"));
                assert!(text.contains("| eth0\\|&lt;i> | 1000 | 3 | 0 | 0 | 1 | yes |"));
                assert!(text.contains("to (still down) | link down |"));
            }
            Format::Json => {
                let v: serde_json::Value = serde_json::from_str(&text).unwrap();
                assert_eq!(v["summary"]["verdict"], "inconclusive");
                assert_eq!(v["summary"]["complete"], false);
                assert_eq!(v["live"]["in_progress"], true);
                assert_eq!(v["live"]["interfaces"][0]["name"], HOSTILE_INTERFACE);
            }
            Format::Junit => {
                assert!(text.contains("<testsuite name=\"outcome\" tests=\"1\""));
                assert!(text.contains("<error message=\"INCONCLUSIVE"));
            }
            Format::Csv => assert_eq!(text.lines().count(), 1, "the header, no flow"),
            Format::Html => {
                assert!(text.contains("id=\"verdict\">INCONCLUSIVE<"));
                assert!(text.contains("Inconclusive: the evidence cannot support a pass"));
                assert!(text.contains("Live capture still running"));
                assert!(text.contains("<h3>Live capture</h3>"));
                assert!(text.contains("eth0|&lt;i&gt;"));
                assert!(!text.contains(HOSTILE_INTERFACE));
            }
        }
    }
}

#[test]
fn a_final_live_report_with_drops_is_still_partial() {
    let reports = render_all(false);
    let markdown = &reports[0].1;
    assert!(markdown.contains("final report; **the picture is partial**"));
    assert!(!markdown.contains("live capture still running"));
    let json: serde_json::Value = serde_json::from_str(&reports[1].1).unwrap();
    assert_eq!(json["summary"]["complete"], false);
    assert_eq!(json["live"]["partial"], true);
}
