//! `tapaudit flows`: the flows of captures, as JSON lines or a table.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use tapaudit_pipeline::{replay_files, Run, StatsReport};
use tapaudit_vocab::Coverage;

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
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Jsonl => {
            for f in &replay.flows {
                serde_json::to_writer(&mut out, f)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Table => write_table(&mut out, &replay)?,
    }
    out.flush()?;
    match &args.stats {
        Some(path) => {
            let s = StatsReport {
                capture: &replay.coverage.capture,
                flows: &replay.flow_stats,
            };
            let text = serde_json::to_string_pretty(&s)?;
            tapaudit_report::write_atomically(path, text.as_bytes())
                .with_context(|| format!("writing statistics to {}", path.display()))?;
        }
        None => print_stats(&replay),
    }
    report_file_errors(&replay.coverage);
    Ok(if replay.complete() { 0 } else { 2 })
}

/// One line per file that could not be read to its end.
pub fn report_file_errors(coverage: &Coverage) {
    for f in coverage.incomplete_files() {
        if let Some(e) = &f.error {
            crate::say!(
                "tapaudit: error: {} ({} packets read before it; the run is incomplete)",
                e.message,
                f.packets
            );
        }
    }
}

fn print_stats(r: &Run) {
    let c = &r.coverage.capture;
    let s = &r.flow_stats;
    crate::say!(
        "tapaudit: {} packets, {} bytes, {} IP; {} flows ({} evicted early); decode errors: {}; non-IP: {}",
        c.packets,
        c.bytes,
        c.ip_packets,
        s.flows,
        s.evicted,
        fmt_map(c.decode_errors.iter().map(|(k, v)| (k.to_string(), *v))),
        fmt_map(c.non_ip.iter().map(|(k, v)| (k.clone(), *v))),
    );
    if c.timestamps_implausible > 0 || c.clock_steps > 0 {
        crate::say!(
            "tapaudit: {} packets with an implausible timestamp processed at their input's clock time; {} clock steps accepted (docs/flows.md)",
            c.timestamps_implausible,
            c.clock_steps
        );
    }
}

fn fmt_map(it: impl Iterator<Item = (String, u64)>) -> String {
    let parts: Vec<String> = it.map(|(k, v)| format!("{k}={v}")).collect();
    if parts.is_empty() {
        "none".into()
    } else {
        parts.join(", ")
    }
}

fn write_table(out: &mut impl Write, r: &Run) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<6} {:<40} {:<40} {:>5} {:<11} {:>8} {:>8} {:>10} {:>10}  negotiated_by",
        "proto", "client", "server", "vlan", "state", "pkts>", "pkts<", "bytes>", "bytes<"
    )?;
    for f in &r.flows {
        let ep = |ip: std::net::IpAddr, port: Option<u16>| match (ip, port) {
            (std::net::IpAddr::V6(a), Some(p)) => format!("[{a}]:{p}"),
            (a, Some(p)) => format!("{a}:{p}"),
            (a, None) => a.to_string(),
        };
        let neg = f
            .negotiated_by
            .as_deref()
            .map(|n| format!("{} {}", n.protocol, n.method))
            .unwrap_or_default();
        writeln!(
            out,
            "{:<6} {:<40} {:<40} {:>5} {:<11} {:>8} {:>8} {:>10} {:>10}  {}",
            f.proto_name(),
            ep(f.client, f.client_port),
            ep(f.server, f.server_port),
            f.vlan.map(|v| v.to_string()).unwrap_or_default(),
            f.state.as_str(),
            f.packets_to_server,
            f.packets_to_client,
            f.bytes_to_server,
            f.bytes_to_client,
            neg
        )?;
    }
    Ok(())
}
