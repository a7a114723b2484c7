//! `tapaudit audit`: the main job.

use std::path::PathBuf;

use anyhow::{bail, Context};
use tapaudit_audit::{assess, audit, FailOn};
use tapaudit_pipeline::{check_capture, replay, CaptureInput};
use tapaudit_report::{CsvTable, Format, ReportInput};
use tapaudit_rules::SiteInput;

use crate::rules_setup::load_rules_and_site;
use crate::FlowOpts;

#[derive(clap::Args)]
pub struct Args {
    /// Capture files (pcap, pcapng, optionally .gz), merged in timestamp order. With no
    /// capture and no --site, the bundled demo (captures/demo/, embedded in the binary) is
    /// audited.
    captures: Vec<PathBuf>,
    /// The site inventory: which host plays which role (docs/site.md).
    #[arg(long)]
    site: Option<PathBuf>,
    /// Extra rule packs (files or directories of *.toml); a pack with a built-in id replaces it.
    #[arg(long = "rules")]
    rules: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "markdown")]
    format: FormatArg,
    /// With --format csv: which table (docs/report-schema.md), one per file.
    #[arg(long, value_enum, default_value = "flows")]
    csv_table: CsvTableArg,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Exit 1 when there is a finding at or above this level (violation > undocumented > missing).
    #[arg(long, value_enum, default_value = "missing")]
    fail_on: FailOnArg,
    /// A JSON report of an earlier audit (`--format json`): findings whose id it holds are
    /// reported as known and do not fail the run; only new ones do (docs/baselines.md).
    #[arg(long, value_name = "REPORT.json")]
    baseline: Option<PathBuf>,
    #[command(flatten)]
    flow: FlowOpts,
    #[command(flatten)]
    store: crate::cmd_store::WindowArgs,
    #[command(flatten)]
    evidence: crate::evidence_opts::EvidenceOpts,
}

crate::value_enum_for!(pub FormatArg => Format { Markdown, Json, Junit, Csv, Html });
crate::value_enum_for!(CsvTableArg => CsvTable { Flows, Findings, Missing, Unused, Exceptions, Services });
crate::value_enum_for!(pub FailOnArg => FailOn { Violation, Undocumented, Missing, Never });

/// The bundled demo, embedded so that the binary audits it from any directory; named as
/// in the source tree, so its reports are the same wherever they are made.
const DEMO_CAPTURE_NAME: &str = "captures/demo/demo.pcap";
const DEMO_CAPTURE: &[u8] = include_bytes!("../captures/demo/demo.pcap");
const DEMO_SITE_NAME: &str = "captures/demo/site.toml";
const DEMO_SITE: &str = include_str!("../captures/demo/site.toml");

pub fn run(args: Args) -> anyhow::Result<u8> {
    if args.store.from.is_some() && !args.captures.is_empty() {
        bail!("--from reads the flow store: give either capture files or --from, not both");
    }
    let demo = args.captures.is_empty() && args.store.from.is_none();
    let (site_input, inputs) = if demo {
        if args.site.is_some() {
            bail!("no capture given (the demo is used only when neither captures nor --site are given)");
        }
        crate::say!(
            "tapaudit: no capture given: auditing the bundled demo ({DEMO_CAPTURE_NAME} with {DEMO_SITE_NAME})"
        );
        let (name, bytes) = (DEMO_CAPTURE_NAME.into(), DEMO_CAPTURE.to_vec());
        let site = SiteInput::Text {
            text: DEMO_SITE,
            origin: DEMO_SITE_NAME,
        };
        (Some(site), vec![CaptureInput::Memory { name, bytes }])
    } else {
        let inputs = args.captures.iter().cloned().map(CaptureInput::File);
        (args.site.as_deref().map(SiteInput::File), inputs.collect())
    };
    // Every capture is opened before anything else: a capture that does not exist (or is a
    // directory) is a located error, and no report is written.
    for path in &args.captures {
        check_capture(path)?;
    }
    let baseline = (args
        .baseline
        .as_deref()
        .map(tapaudit_report::Baseline::read))
    .transpose()
    .context("--baseline")?;
    let run = args.evidence.run_info()?;
    let Some((rules, site)) = load_rules_and_site(&args.rules, site_input) else {
        return Ok(2);
    };
    let mut replay = match &args.store.from {
        Some(url) => {
            let mut window = args.store.clone();
            window.sensors = args.evidence.sensors.clone();
            crate::cmd_store::run_from_store(url, &window, &args.flow)?
        }
        None => replay(inputs, args.flow.config_for(&rules, site.as_ref())),
    };
    let result = audit(&rules, site.as_ref(), std::mem::take(&mut replay.flows));
    let (coverage, stats) = (&replay.coverage, &replay.flow_stats);
    let input = ReportInput {
        fail_on: args.fail_on.into(),
        run: Some(&run),
        ..ReportInput::new(&result, &rules, site.as_ref(), coverage, stats)
    };
    // Streamed, not rendered into memory first: a report of a million flows would otherwise
    // hold its whole text on top of the flows (docs/performance.md, memory).
    let (format, table): (Format, CsvTable) = (args.format.into(), args.csv_table.into());
    tapaudit_report::write_output(args.output.as_deref(), "the report", |out| {
        tapaudit_report::render_with_baseline(format, table, &input, baseline.as_ref(), out)
    })?;
    crate::say_lines(tapaudit_report::file_error_lines(coverage));
    // The outcome comes from the one assessment every report shows; the exit code too, but
    // with a baseline only new findings fail the run.
    let assessment = assess(&result, coverage, &stats.records);
    crate::say_lines(
        assessment
            .explain()
            .iter()
            .map(|l| format!("tapaudit: {l}")),
    );
    Ok(tapaudit_report::exit_code(&input, baseline.as_ref()))
}
