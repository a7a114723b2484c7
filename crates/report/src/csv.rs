//! CSV: one row per flow (RFC 4180 quoting).

use std::io::{self, Write};

use crate::view::{timestamp, ReportView};

/// One CSV field (RFC 4180 quoting), with spreadsheet formulas neutralised: text from the
/// wire or from user files must not run as a formula when the file is opened.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

pub(crate) fn write(view: &ReportView<'_>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "proto,client,client_port,server,server_port,vlan,icmp_type,first_seen,last_seen,packets_to_server,packets_to_client,bytes_to_server,bytes_to_client,state,negotiated_by,client_host,server_host,verdict,evidence,rule,cite,reason"
    )?;
    for j in &view.audit.flows {
        let f = &j.flow;
        let neg = f
            .negotiated_by
            .as_deref()
            .map(|n| {
                format!(
                    "{} {} via {}:{}->{}:{} at {}",
                    n.protocol,
                    n.method,
                    n.control_client,
                    n.control_client_port,
                    n.control_server,
                    n.control_server_port,
                    timestamp(n.announced_at)
                )
            })
            .unwrap_or_default();
        let row = [
            f.proto_name(),
            f.client.to_string(),
            opt(f.client_port),
            f.server.to_string(),
            opt(f.server_port),
            opt(f.vlan),
            opt(f.icmp_type),
            timestamp(f.first_seen),
            timestamp(f.last_seen),
            f.packets_to_server.to_string(),
            f.packets_to_client.to_string(),
            f.bytes_to_server.to_string(),
            f.bytes_to_client.to_string(),
            f.state.as_str().to_string(),
            neg,
            j.client_host.clone().unwrap_or_default(),
            j.server_host.clone().unwrap_or_default(),
            j.verdict.as_str().to_string(),
            j.evidence
                .map(|e| e.as_str().to_string())
                .unwrap_or_default(),
            j.rule.clone().unwrap_or_default(),
            j.cite.clone().unwrap_or_default(),
            j.reason().into_owned(),
        ];
        let line: Vec<String> = row.iter().map(|s| csv_field(s)).collect();
        writeln!(out, "{}", line.join(","))?;
    }
    Ok(())
}
