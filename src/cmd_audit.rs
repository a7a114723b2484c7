//! `tapaudit audit`: the main job.

use std::path::PathBuf;

use anyhow::{bail, Context};
use tapaudit_audit::{audit, FailOn};
use tapaudit_pipeline::replay_files;
use tapaudit_report::{render, Format, ReportInput};

use crate::rules_setup::{flow_config_for, load_rules_and_site};
use crate::FlowOpts;

#[derive(clap::Args)]
pub struct Args {
    /// Capture files (pcap, pcapng, optionally .gz), merged in timestamp order. With no
    /// capture and no --site, the bundled demo (captures/demo/) is audited.
    captures: Vec<PathBuf>,
    /// The site inventory: which host plays which role (docs/site.md).
    #[arg(long)]
    site: Option<PathBuf>,
    /// Extra rule packs (files or directories of *.toml); a pack with a built-in id replaces it.
    #[arg(long = "rules")]
    rules: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "markdown")]
    format: FormatArg,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Exit 1 when there is a finding at or above this level (violation > undocumented > missing).
    #[arg(long, value_enum, default_value = "missing")]
    fail_on: FailOnArg,
    #[command(flatten)]
    flow: FlowOpts,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum FormatArg {
    Markdown,
    Json,
    Junit,
    Csv,
    Html,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Json => Format::Json,
            FormatArg::Junit => Format::Junit,
            FormatArg::Csv => Format::Csv,
            FormatArg::Html => Format::Html,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FailOnArg {
    Violation,
    Undocumented,
    Missing,
    Never,
}

impl From<FailOnArg> for FailOn {
    fn from(f: FailOnArg) -> FailOn {
        match f {
            FailOnArg::Violation => FailOn::Violation,
            FailOnArg::Undocumented => FailOn::Undocumented,
            FailOnArg::Missing => FailOn::Missing,
            FailOnArg::Never => FailOn::Never,
        }
    }
}

/// The bundled demo: its captures and site file.
fn demo_inputs() -> anyhow::Result<(Vec<PathBuf>, PathBuf)> {
    let dir = crate::demo_dir();
    let site = dir.join("site.toml");
    let mut caps: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading the bundled demo in {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.to_string_lossy();
            n.ends_with(".pcap") || n.ends_with(".pcapng") || n.ends_with(".pcap.gz")
        })
        .collect();
    caps.sort();
    if caps.is_empty() || !site.is_file() {
        bail!(
            "the bundled demo in {} is incomplete (no capture or no site.toml)",
            dir.display()
        );
    }
    Ok((caps, site))
}

pub fn run(mut args: Args) -> anyhow::Result<u8> {
    if args.captures.is_empty() {
        if args.site.is_some() {
            bail!("no capture given (the demo is used only when neither captures nor --site are given)");
        }
        let (caps, site) = demo_inputs()?;
        eprintln!(
            "tapaudit: no capture given: auditing the bundled demo ({} with {})",
            caps.iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            site.display()
        );
        args.captures = caps;
        args.site = Some(site);
    }
    let Some((rules, site)) = load_rules_and_site(&args.rules, args.site.as_deref())? else {
        return Ok(2);
    };
    let mut replay = replay_files(
        &args.captures,
        flow_config_for(&args.flow, &rules, site.as_ref()),
    );
    let complete = replay.complete();
    let result = audit(&rules, site.as_ref(), std::mem::take(&mut replay.flows));
    let input = ReportInput {
        audit: &result,
        rules: &rules,
        site: site.as_ref(),
        coverage: &replay.coverage,
        flow_stats: &replay.flow_stats,
    };
    // Streamed, not rendered into memory first: a report of a million flows would otherwise
    // hold its whole text on top of the flows (docs/performance.md, memory).
    let format: Format = args.format.into();
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
    Ok(if !complete {
        2
    } else if result.fails(args.fail_on.into()) {
        1
    } else {
        0
    })
}
