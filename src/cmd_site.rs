//! `tapaudit site draft`: a site file drafted from captures (crates/inventory);
//! `tapaudit site accept`: exceptions stubs from a report's undocumented flows (crates/diff).

use std::path::PathBuf;

use anyhow::Context;
use tapaudit_inventory::draft_from_captures;
use tapaudit_rules::SiteInput;

use crate::rules_setup::load_rules_and_site;
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
    let site = args.site.as_deref().map(SiteInput::File);
    let Some((rules, site)) = load_rules_and_site(&args.rules, site) else {
        return Ok(2);
    };
    let site_text = match &args.site {
        Some(p) => {
            Some(std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?)
        }
        None => None,
    };
    let config = args.flow.config_for(&rules, site.as_ref());
    let existing = site.as_ref().zip(site_text.as_deref());
    let (text, run) = draft_from_captures(&args.captures, config, &rules, existing);
    tapaudit_report::write_output(args.output.as_deref(), "the draft", |out| {
        out.write_all(text.as_bytes())
    })?;
    crate::say_lines(tapaudit_report::file_error_lines(&run.coverage));
    Ok(if run.complete() { 0 } else { 2 })
}
