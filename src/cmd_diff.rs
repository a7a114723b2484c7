//! `tapaudit diff OLD NEW`: what changed between two JSON reports (crates/diff).

use std::path::PathBuf;

use tapaudit_diff::{render, Diff, Format, Report};

use crate::cmd_audit::FailOnArg;

#[derive(clap::Args)]
pub struct Args {
    /// The earlier JSON report (`audit --format json`).
    old: PathBuf,
    /// The later JSON report.
    new: PathBuf,
    #[arg(long, value_enum, default_value = "md")]
    format: DiffFormatArg,
    /// Write the comparison to this file (atomically) instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Exit 1 when a NEW finding is at or above this level (violation > undocumented > missing).
    #[arg(long, value_enum, default_value = "missing")]
    fail_on: FailOnArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum DiffFormatArg {
    Md,
    Json,
    Html,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let old = Report::read(&args.old)?;
    let new = Report::read(&args.new)?;
    let diff = Diff::new(&old, &new);
    let format = match args.format {
        DiffFormatArg::Md => Format::Markdown,
        DiffFormatArg::Json => Format::Json,
        DiffFormatArg::Html => Format::Html,
    };
    tapaudit_report::write_output(args.output.as_deref(), "the comparison", |out| {
        render(&diff, format, out)
    })?;
    Ok(u8::from(diff.fails(args.fail_on.into())))
}
