//! tapaudit: the binary. Argument parsing, wiring and exit codes; nothing else.
//!
//! Exit status: 0 success and no finding at or above `--fail-on`; 1 findings; 2 error or
//! incomplete input (a capture that could not be read to its end).

#![forbid(unsafe_code)]

/// A clap value enum that mirrors a library enum variant for variant, and its conversion
/// (clap's derive cannot go on another crate's type, and the libraries know nothing of clap).
macro_rules! value_enum_for {
    ($vis:vis $arg:ident => $lib:ident { $($variant:ident),+ $(,)? }) => {
        #[derive(Clone, Copy, clap::ValueEnum)]
        $vis enum $arg { $($variant),+ }
        impl From<$arg> for $lib {
            fn from(value: $arg) -> $lib {
                match value { $($arg::$variant => $lib::$variant),+ }
            }
        }
    };
}
pub(crate) use value_enum_for;

/// `eprintln!` that cannot panic: with stderr closed (`2>&1 | head -1`) a message is lost,
/// not a reason to die with exit 101.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}
pub(crate) use say;

mod cmd_audit;
mod cmd_diff;
mod cmd_firewall;
mod cmd_flows;
#[cfg(feature = "live")]
mod cmd_live;
mod cmd_rules;
mod cmd_site;
mod cmd_store;
mod cmd_verify;
mod evidence_opts;
mod rules_setup;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "tapaudit",
    version,
    about = "Passive traffic auditor for industrial (OT) networks"
)]
struct Cli {
    /// Log format on stderr.
    #[arg(long, global = true, value_enum, default_value = "human")]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum LogFormat {
    Human,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Audit captures against the rule packs and a site inventory (the main job).
    Audit(cmd_audit::Args),
    /// Firewall rules the documents require for a site (nftables, Windows, CSV), host pair by
    /// host pair; with --observed, unused openings and narrowed dynamic ranges.
    Firewall(cmd_firewall::Args),
    /// List the flows in captures, one JSON object per line (or a table).
    Flows(cmd_flows::Args),
    /// Check or list rule packs and site files.
    #[command(subcommand)]
    Rules(cmd_rules::Command),
    /// Replay captures recorded elsewhere into the flow store, as sensor NAME (docs/store.md).
    Ingest(cmd_store::IngestArgs),
    /// Manage the flow store (ClickHouse): create or migrate its schema, flush a spool.
    #[command(subcommand)]
    Store(cmd_store::Command),
    /// Draft a site file from captures (docs/site.md), or exceptions for it from a report
    /// (docs/baselines.md).
    #[command(subcommand)]
    Site(cmd_site::Command),
    /// Compare two JSON reports: hosts, services, verdicts and findings new and gone.
    Diff(cmd_diff::Args),
    /// Recompute the SHA-256 of captures and say which match the inputs a JSON report names.
    Verify(cmd_verify::Args),
    #[cfg(feature = "live")]
    Live(cmd_live::Args),
    /// Audit live interfaces (not in this build: it was built without the `live` feature).
    #[cfg(not(feature = "live"))]
    Live(NoLive),
}

/// `tapaudit live` in a build without it: any arguments, and a message on how to get it.
#[cfg(not(feature = "live"))]
#[derive(clap::Args)]
struct NoLive {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
    args: Vec<String>,
}

/// Flow-table limits shared by the commands that replay captures.
#[derive(clap::Args, Clone)]
pub struct FlowOpts {
    /// Most flows held at once; when full, the longest-idle flows are finished early (counted).
    #[arg(long, default_value_t = 1_000_000)]
    pub max_flows: usize,
    /// Most pending announced ports (FTP, portmapper, endpoint mapper) held at once.
    #[arg(long, default_value_t = 100_000)]
    pub max_expectations: usize,
    /// Seconds an announced port waits for its connection (packet time).
    #[arg(long, default_value_t = 300)]
    pub expectation_ttl: u64,
    /// Most finished flows kept one by one; beyond, flows that differ only in the client port
    /// are folded into one record (counted), so memory stays bounded on floods and long captures.
    #[arg(long, default_value_t = 1_000_000)]
    pub max_flow_records: usize,
    /// Find control protocols only on their ports (the rules' and the site's), not also by
    /// content (an FTP greeting and command, a portmapper call, a DCE-RPC bind) on any port.
    #[arg(long)]
    pub no_detect_by_content: bool,
}

impl FlowOpts {
    /// The flow-table settings, with the control ports `rules` and `site` declare watched.
    pub fn config_for(
        &self,
        rules: &tapaudit_rules::RuleSet,
        site: Option<&tapaudit_rules::Site>,
    ) -> tapaudit_flow::FlowConfig {
        tapaudit_audit::flow_config_for(self.config(), rules, site)
    }

    pub fn config(&self) -> tapaudit_flow::FlowConfig {
        tapaudit_flow::FlowConfig {
            max_flows: self.max_flows.max(1),
            max_expectations: self.max_expectations,
            expectation_ttl_secs: self.expectation_ttl,
            max_records: self.max_flow_records.max(1),
            detect_by_content: !self.no_detect_by_content,
            ..Default::default()
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.log_format);
    let result = match cli.command {
        Command::Audit(a) => cmd_audit::run(a),
        Command::Firewall(a) => cmd_firewall::run(a),
        Command::Flows(a) => cmd_flows::run(a),
        Command::Rules(c) => cmd_rules::run(c),
        Command::Ingest(a) => cmd_store::ingest(a),
        Command::Store(c) => cmd_store::run(c),
        Command::Site(c) => cmd_site::run(c),
        Command::Verify(a) => cmd_verify::run(a),
        Command::Diff(a) => cmd_diff::run(a),
        #[cfg(feature = "live")]
        Command::Live(a) => cmd_live::run(a),
        #[cfg(not(feature = "live"))]
        Command::Live(_) => Err(anyhow::anyhow!(
            "this build has no live capture. Build it with `cargo build --release --features \
             live` (needs the libpcap headers, e.g. `apt-get install libpcap-dev`); see docs/live.md"
        )),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // A reader that went away (`| head -1`) ends the run quietly: exit 2, the report
        // was not written to its end, and nothing to say to a closed pipe.
        Err(e) if broken_pipe(&e) => ExitCode::from(2),
        Err(e) => {
            say!("tapaudit: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Each line on stderr.
pub fn say_lines<T: std::fmt::Display>(lines: impl IntoIterator<Item = T>) {
    for line in lines {
        say!("{line}");
    }
}

fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("TAPAUDIT_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Human => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}
