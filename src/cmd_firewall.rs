//! `tapaudit firewall`: the firewall rules the documents imply for a site.

use std::path::PathBuf;

use tapaudit_audit::audit;
use tapaudit_firewall::{
    plan, render_per_host, render_with, Format, NftMode, Options, Profile, RenderOptions, RpcPorts,
    WindowsOptions,
};
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
    /// nftables: `forward` (a complete forward base chain, policy drop), `chain` (a regular
    /// chain to jump to from your own ruleset) or `host` (per-host input/output rulesets).
    #[arg(long, value_enum, default_value = "forward")]
    nft_mode: NftModeArg,
    /// Windows: the profiles every rule applies to (comma-separated).
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "domain,private"
    )]
    windows_profile: Vec<ProfileArg>,
    /// Windows: DCE-RPC endpoint-mapper ranges as `-LocalPort RPC` plus an RPCEPMap rule
    /// (`keyword`), or as the ranges themselves (`range`).
    #[arg(long, value_enum, default_value = "keyword")]
    windows_rpc: RpcArg,
    /// With --observed: keep negotiated ranges as documented instead of narrowing them.
    #[arg(long)]
    keep_ranges: bool,
    /// Add the site's exceptions (not from the documents), with their reason and expiry.
    #[arg(long)]
    with_exceptions: bool,
    /// Write to this file (atomically) instead of standard output. With --format windows or
    /// --nft-mode host, an existing directory gets one file per host (HOST.ps1, HOST.nft).
    #[arg(long, short)]
    output: Option<PathBuf>,
    #[command(flatten)]
    flow: FlowOpts,
}

crate::value_enum_for!(FormatArg => Format { Nftables, Windows, Csv });
crate::value_enum_for!(NftModeArg => NftMode { Forward, Chain, Host });
crate::value_enum_for!(ProfileArg => Profile { Domain, Private, Public, Any });
crate::value_enum_for!(RpcArg => RpcPorts { Keyword, Range });

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
    let mut profiles: Vec<Profile> = args.windows_profile.iter().map(|&p| p.into()).collect();
    profiles.sort();
    profiles.dedup();
    let ropts = RenderOptions {
        nft_mode: args.nft_mode.into(),
        windows: WindowsOptions {
            profiles,
            rpc: args.windows_rpc.into(),
        },
    };
    let format: Format = args.format.into();
    if let Some(dir) = args.output.as_deref().filter(|d| d.is_dir()) {
        let Some(files) = render_per_host(format, &ropts, &p)? else {
            anyhow::bail!(
                "{} is a directory: only --format windows and --nft-mode host write one file per host",
                dir.display()
            );
        };
        for (name, bytes) in &files {
            let path = dir.join(name);
            tapaudit_report::write_atomically(&path, bytes)
                .map_err(|e| anyhow::anyhow!("writing {}: {e}", path.display()))?;
        }
        crate::say!("{} file(s) written to {}", files.len(), dir.display());
    } else {
        let mut bytes = Vec::new();
        render_with(format, &ropts, &p, &mut bytes)?;
        tapaudit_report::write_output(args.output.as_deref(), "the rules", |out| {
            out.write_all(&bytes)
        })?;
    }
    // A capture that could not be read to its end makes "never used" unreliable.
    Ok(if complete { 0 } else { 2 })
}
