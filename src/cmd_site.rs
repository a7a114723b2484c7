//! `tapaudit site draft`: a site file drafted from captures (crates/inventory);
//! `tapaudit site accept`: exceptions stubs from a report's undocumented flows (crates/diff).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use anyhow::Context;
use tapaudit_inventory::{draft, DraftInput, NameObserver, Names};
use tapaudit_pipeline::{replay_observed, CaptureInput};

use crate::rules_setup::{flow_config_for, load_rules_and_site, SiteInput};
use crate::FlowOpts;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Draft a commented site file from captures: one host per address, named from what
    /// the wire says, roles suggested from the rule packs with their evidence.
    Draft(DraftArgs),
    /// Turn chosen undocumented flows of a JSON report into `[[exceptions]]` stubs for the
    /// site file, each with a TODO reason and a placeholder expiry date (docs/baselines.md).
    Accept(AcceptArgs),
}

#[derive(clap::Args)]
pub struct AcceptArgs {
    /// The JSON report (`tapaudit audit --format json`) whose undocumented flows to accept.
    report: PathBuf,
    /// The finding id of an undocumented flow to accept (`flows[].finding` in the report);
    /// repeatable.
    #[arg(long = "finding", value_name = "ID")]
    findings: Vec<String>,
    /// Accept every undocumented finding of the report.
    #[arg(long)]
    all_undocumented: bool,
    /// Write the stubs here (atomically) instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

/// `tapaudit site accept`: the stubs, from the report (crates/diff).
fn run_accept(args: AcceptArgs) -> anyhow::Result<u8> {
    let report = tapaudit_diff::Report::read(&args.report)?;
    let selection = tapaudit_diff::Selection {
        ids: args.findings,
        all_undocumented: args.all_undocumented,
    };
    let text = tapaudit_diff::accept(&report, &selection)?;
    match &args.output {
        Some(path) => tapaudit_report::write_atomically(path, text.as_bytes())
            .with_context(|| format!("writing the stubs to {}", path.display()))?,
        None => std::io::Write::write_all(&mut std::io::stdout(), text.as_bytes())?,
    }
    Ok(0)
}

#[derive(clap::Args)]
pub struct DraftArgs {
    /// Capture files (pcap, pcapng, optionally .gz).
    #[arg(required = true)]
    captures: Vec<PathBuf>,
    /// Write the draft here (atomically) instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// An existing site: its hosts keep their names and roles; only new addresses are added.
    #[arg(long)]
    site: Option<PathBuf>,
    /// Extra rule packs (files or directories of *.toml).
    #[arg(long = "rules")]
    rules: Vec<PathBuf>,
    #[command(flatten)]
    flow: FlowOpts,
}

pub fn run(command: Command) -> anyhow::Result<u8> {
    match command {
        Command::Draft(args) => run_draft(args),
        Command::Accept(args) => run_accept(args),
    }
}

fn run_draft(args: DraftArgs) -> anyhow::Result<u8> {
    let Some((rules, site)) =
        load_rules_and_site(&args.rules, args.site.as_deref().map(SiteInput::File))?
    else {
        return Ok(2);
    };
    let site_text = match &args.site {
        Some(p) => {
            Some(std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?)
        }
        None => None,
    };
    let names = Arc::new(Mutex::new(Names::default()));
    let inputs = args.captures.iter().cloned().map(CaptureInput::File);
    let config = flow_config_for(&args.flow, &rules, site.as_ref());
    let run = replay_observed(inputs, config, Box::new(NameObserver(Arc::clone(&names))));
    let names = names.lock().map(|n| n.clone()).unwrap_or_default();
    let captures: Vec<String> = args
        .captures
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let text = draft(&DraftInput {
        rules: &rules,
        flows: &run.flows,
        names: &names,
        captures: &captures,
        existing: site.as_ref().zip(site_text.as_deref()),
    });
    match &args.output {
        Some(path) => tapaudit_report::write_atomically(path, text.as_bytes())
            .with_context(|| format!("writing the draft to {}", path.display()))?,
        None => std::io::Write::write_all(&mut std::io::stdout(), text.as_bytes())?,
    }
    crate::cmd_flows::report_file_errors(&run.coverage);
    Ok(if run.complete() { 0 } else { 2 })
}
