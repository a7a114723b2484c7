//! `tapaudit flows`: the flows of captures, as JSON lines or a table.

use std::path::PathBuf;

use tapaudit_pipeline::{replay_files, StatsReport};
use tapaudit_report::{file_error_lines, stats_summary, write_flow_table, write_flows_jsonl};

use crate::FlowOpts;

#[derive(clap::Args)]
pub struct Args {
    /// Capture files (pcap, pcapng, optionally .gz), merged in timestamp order.
    #[arg(required = true)]
    captures: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// Write the statistics as JSON to this file instead of a summary on stderr.
    #[arg(long)]
    stats: Option<PathBuf>,
    #[command(flatten)]
    flow: FlowOpts,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Jsonl,
    Table,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let replay = replay_files(&args.captures, args.flow.config());
    tapaudit_report::write_output(None, "the flows", |out| match args.format {
        Format::Jsonl => write_flows_jsonl(out, &replay.flows),
        Format::Table => write_flow_table(out, &replay.flows),
    })?;
    match &args.stats {
        Some(path) => {
            let s = StatsReport {
                capture: &replay.coverage.capture,
                flows: &replay.flow_stats,
            };
            let text = serde_json::to_string_pretty(&s)?;
            tapaudit_report::write_output(Some(path), "statistics", |out| {
                out.write_all(text.as_bytes())
            })?;
        }
        None => crate::say_lines(stats_summary(&replay.coverage, &replay.flow_stats)),
    }
    crate::say_lines(file_error_lines(&replay.coverage));
    Ok(if replay.complete() { 0 } else { 2 })
}
