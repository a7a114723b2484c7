//! `tapaudit firewall`: the firewall rules the documents imply for a site.

use std::path::PathBuf;

use tapaudit_audit::audit;
use tapaudit_firewall::{plan, render_mode, Format, NftMode, Options};
use tapaudit_pipeline::replay_files;
use tapaudit_rules::SiteInput;

use crate::rules_setup::load_rules_and_site;
use crate::FlowOpts;

#[derive(clap::Args)]
pub struct Args {
    /// The site inventory: which host plays which role (docs/site.md).
    #[arg(long)]
    site: PathBuf,
    /// Extra rule packs (files or directories of *.toml); a pack with a built-in id replaces it.
    #[arg(long = "rules")]
    rules: Vec<PathBuf>,
    /// Captures of this site: mark openings they never used (candidates to close) and narrow
    /// negotiated dynamic ranges to the announced ports.
    #[arg(long, num_args = 1..)]
    observed: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "nftables")]
    format: FormatArg,
    /// nftables: `forward` (a complete forward base chain, policy drop) or `chain` (a regular
    /// chain to jump to from your own ruleset).
    #[arg(long, value_enum, default_value = "forward")]
    nft_mode: NftModeArg,
    /// With --observed: keep negotiated ranges as documented instead of narrowing them.
    #[arg(long)]
    keep_ranges: bool,
    /// Add the site's exceptions (not from the documents), with their reason and expiry.
    #[arg(long)]
    with_exceptions: bool,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    #[command(flatten)]
    flow: FlowOpts,
}

crate::value_enum_for!(FormatArg => Format { Nftables, Windows, Csv });
crate::value_enum_for!(NftModeArg => NftMode { Forward, Chain });

pub fn run(args: Args) -> anyhow::Result<u8> {
    let Some((rules, Some(site))) =
        load_rules_and_site(&args.rules, Some(SiteInput::File(&args.site)))
    else {
        return Ok(2);
    };
    let mut complete = true;
    let observed = if args.observed.is_empty() {
        None
    } else {
        let replay = replay_files(&args.observed, args.flow.config_for(&rules, Some(&site)));
        crate::say_lines(tapaudit_report::file_error_lines(&replay.coverage));
        complete = replay.complete();
        Some(audit(&rules, Some(&site), replay.flows))
    };
    let options = Options {
        include_exceptions: args.with_exceptions,
        keep_ranges: args.keep_ranges,
    };
    let p = plan(&rules, &site, observed.as_ref(), options);
    let mut bytes = Vec::new();
    render_mode(args.format.into(), args.nft_mode.into(), &p, &mut bytes)?;
    tapaudit_report::write_output(args.output.as_deref(), "the rules", |out| {
        out.write_all(&bytes)
    })?;
    // A capture that could not be read to its end makes "never used" unreliable.
    Ok(if complete { 0 } else { 2 })
}
