//! `tapaudit verify`: recomputes the SHA-256 of captures (and site or rule files) and says
//! which match the inputs a JSON report names. Exit 0 when every file matches, 1 otherwise.

use std::path::PathBuf;

use anyhow::Context;

#[derive(clap::Args)]
pub struct Args {
    /// A JSON report (`tapaudit audit --format json`).
    report: PathBuf,
    /// The files to check: captures, and optionally the site file and rule packs.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let text = std::fs::read(&args.report)
        .with_context(|| format!("reading the report {}", args.report.display()))?;
    let inputs = tapaudit_report::reported_inputs(&text)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.report.display()))?;
    let v = tapaudit_report::verify(&inputs, &args.files);
    for line in tapaudit_report::describe_verification(&v) {
        println!("{line}");
    }
    Ok(if v.ok() { 0 } else { 1 })
}
