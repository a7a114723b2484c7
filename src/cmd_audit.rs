//! `tapaudit audit`: the main job.

use std::path::PathBuf;

use anyhow::{bail, Context};
use tapaudit_audit::{assess, audit, FailOn};
use tapaudit_pipeline::{replay, CaptureInput};
use tapaudit_report::{CsvTable, Format, ReportInput};

use crate::rules_setup::{flow_config_for, load_rules_and_site, SiteInput};
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
crate::value_enum_for!(CsvTableArg => CsvTable { Flows, Findings, Missing, Unused, Exceptions });
crate::value_enum_for!(pub FailOnArg => FailOn { Violation, Undocumented, Missing, Never });

/// The bundled demo, embedded so that the binary audits it from any directory; named as
/// in the source tree, so its reports are the same wherever they are made.
const DEMO_CAPTURE_NAME: &str = "captures/demo/demo.pcap";
const DEMO_CAPTURE: &[u8] = include_bytes!("../captures/demo/demo.pcap");
const DEMO_SITE_NAME: &str = "captures/demo/site.toml";
const DEMO_SITE: &str = include_str!("../captures/demo/site.toml");

pub fn run(mut args: Args) -> anyhow::Result<u8> {
    if args.store.from.is_some() && !args.captures.is_empty() {
        bail!("--from reads the flow store: give either capture files or --from, not both");
    }
    let demo = args.captures.is_empty() && args.store.from.is_none();
    let site_input = if demo {
        if args.site.is_some() {
            bail!("no capture given (the demo is used only when neither captures nor --site are given)");
        }
        crate::say!(
            "tapaudit: no capture given: auditing the bundled demo ({DEMO_CAPTURE_NAME} with {DEMO_SITE_NAME})"
        );
        Some(SiteInput::Text {
            text: DEMO_SITE,
            origin: DEMO_SITE_NAME,
        })
    } else {
        args.site.as_deref().map(SiteInput::File)
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
    let Some((rules, site)) = load_rules_and_site(&args.rules, site_input)? else {
        return Ok(2);
    };
    let inputs = if demo {
        vec![CaptureInput::Memory {
            name: DEMO_CAPTURE_NAME.into(),
            bytes: DEMO_CAPTURE.to_vec(),
        }]
    } else {
        std::mem::take(&mut args.captures)
            .into_iter()
            .map(CaptureInput::File)
            .collect()
    };
    let mut replay = match &args.store.from {
        Some(url) => {
            let mut window = args.store.clone();
            window.sensors = args.evidence.sensors.clone();
            crate::cmd_store::run_from_store(url, &window, &args.flow)?
        }
        None => replay(inputs, flow_config_for(&args.flow, &rules, site.as_ref())),
    };
    let result = audit(&rules, site.as_ref(), std::mem::take(&mut replay.flows));
    let input = ReportInput {
        audit: &result,
        rules: &rules,
        site: site.as_ref(),
        coverage: &replay.coverage,
        flow_stats: &replay.flow_stats,
        fail_on: args.fail_on.into(),
        run: Some(&run),
    };
    // Streamed, not rendered into memory first: a report of a million flows would otherwise
    // hold its whole text on top of the flows (docs/performance.md, memory).
    let format: Format = args.format.into();
    let table: CsvTable = args.csv_table.into();
    let render = |format: Format, input: &ReportInput<'_>, out: &mut dyn std::io::Write| {
        tapaudit_report::render_with_baseline(format, table, input, baseline.as_ref(), out)
    };
    match &args.output {
        Some(path) => {
            tapaudit_report::write_atomically_with(path, |out| render(format, &input, out))
                .with_context(|| format!("writing the report to {}", path.display()))?
        }
        None => {
            use std::io::Write;
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            render(format, &input, &mut out)?;
            out.flush()?;
        }
    }
    crate::cmd_flows::report_file_errors(&replay.coverage);
    // The outcome and the exit code come from the one assessment every report shows.
    let assessment = assess(&result, &replay.coverage);
    if assessment.partial() {
        crate::say!("tapaudit: {}:", assessment.outcome.word());
        for r in &assessment.reasons {
            crate::say!("tapaudit:   {r}");
        }
    }
    Ok(tapaudit_report::exit_code(&input, baseline.as_ref()))
}

/// Opens a capture file to check that it can be read at all (it is read for real later).
fn check_capture(path: &std::path::Path) -> anyhow::Result<()> {
    let meta = std::fs::metadata(path)
        .with_context(|| format!("capture {}: cannot be opened", path.display()))?;
    if meta.is_dir() {
        bail!(
            "capture {}: is a directory, not a capture file",
            path.display()
        );
    }
    std::fs::File::open(path)
        .with_context(|| format!("capture {}: cannot be opened", path.display()))?;
    Ok(())
}
