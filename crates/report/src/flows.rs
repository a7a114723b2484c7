//! `tapaudit flows`: the flows themselves (JSON lines or a table), the one-line statistics
//! summary, and the lines that name each input not read to its end.

use std::io::{self, Write};
use std::net::IpAddr;

use tapaudit_flow::{FlowRecord, FlowStats};
use tapaudit_vocab::Coverage;

/// One JSON object per flow, one per line.
pub fn write_flows_jsonl(out: &mut dyn Write, flows: &[FlowRecord]) -> io::Result<()> {
    for f in flows {
        serde_json::to_writer(&mut *out, f)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The flows as a fixed-width table, one line each.
pub fn write_flow_table(out: &mut dyn Write, flows: &[FlowRecord]) -> io::Result<()> {
    writeln!(
        out,
        "{:<6} {:<40} {:<40} {:>5} {:<11} {:>8} {:>8} {:>10} {:>10}  negotiated_by",
        "proto", "client", "server", "vlan", "state", "pkts>", "pkts<", "bytes>", "bytes<"
    )?;
    for f in flows {
        let ep = |ip: IpAddr, port: Option<u16>| match (ip, port) {
            (IpAddr::V6(a), Some(p)) => format!("[{a}]:{p}"),
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

/// The statistics of a run in one or two lines (for stderr).
pub fn stats_summary(coverage: &Coverage, stats: &FlowStats) -> Vec<String> {
    let c = &coverage.capture;
    let mut lines = vec![format!(
        "tapaudit: {} packets, {} bytes, {} IP; {} flows ({} evicted early); decode errors: {}; non-IP: {}",
        c.packets,
        c.bytes,
        c.ip_packets,
        stats.flows,
        stats.evicted,
        fmt_map(c.decode_errors.iter().map(|(k, v)| (k.to_string(), *v))),
        fmt_map(c.non_ip.iter().map(|(k, v)| (k.clone(), *v))),
    )];
    if c.timestamps_implausible > 0 || c.clock_steps > 0 {
        lines.push(format!(
            "tapaudit: {} packets with an implausible timestamp processed at their input's clock time; {} clock steps accepted (docs/flows.md)",
            c.timestamps_implausible,
            c.clock_steps
        ));
    }
    lines
}

fn fmt_map(it: impl Iterator<Item = (String, u64)>) -> String {
    let parts: Vec<String> = it.map(|(k, v)| format!("{k}={v}")).collect();
    if parts.is_empty() {
        "none".into()
    } else {
        parts.join(", ")
    }
}

/// One line per input that could not be read to its end (for stderr).
pub fn file_error_lines(coverage: &Coverage) -> Vec<String> {
    coverage
        .incomplete_files()
        .filter_map(|f| {
            f.error.as_ref().map(|e| {
                format!(
                    "tapaudit: error: {} ({} packets read before it; the run is incomplete)",
                    e.message, f.packets
                )
            })
        })
        .collect()
}
