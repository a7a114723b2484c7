//! CSV: one line per host pair and rule (and protocol), RFC 4180 quoting by the `csv`
//! crate.

use std::io::{self, Write};

use crate::text::formula_safe;
use crate::{Origin, Plan};

/// The columns, in order (docs/firewall.md lists them; a test compares).
pub const FIREWALL_CSV_COLUMNS: [&str; 20] = [
    "action",
    "rule",
    "pack",
    "level",
    "client_host",
    "client_addresses",
    "server_host",
    "server_addresses",
    "proto",
    "ports",
    "documented_ports",
    "negotiated_by",
    "observed_flows",
    "observed_ports",
    "observed_attempts",
    "observed_attempt_ports",
    "candidate_to_close",
    "observed_note",
    "cite",
    "purpose",
];

fn addrs(a: &[ipnet::IpNet]) -> String {
    let v: Vec<String> = a.iter().map(crate::addr_text).collect();
    v.join(" ")
}

/// `,` between fields, `\n` after a record, a field quoted only when it holds `,`, `"`, CR
/// or LF (a quote inside doubled).
fn csv_writer<W: Write>(out: W) -> ::csv::Writer<W> {
    ::csv::WriterBuilder::new()
        .quote_style(::csv::QuoteStyle::Necessary)
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(out)
}

/// One record, every field formula-safe.
fn write_row<W: Write, S: AsRef<str>>(csv: &mut ::csv::Writer<W>, fields: &[S]) -> io::Result<()> {
    for f in fields {
        csv.write_field(formula_safe(f.as_ref()).as_bytes())
            .map_err(io_error)?;
    }
    csv.write_record(None::<&[u8]>).map_err(io_error)
}

/// The writer's own error, as it came (a full disk stays a full disk).
fn io_error(e: ::csv::Error) -> io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("CSV: {other:?}")),
    }
}

pub fn write(plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
    let mut csv = csv_writer(out);
    write_row(&mut csv, &FIREWALL_CSV_COLUMNS)?;
    for o in &plan.openings {
        let pack = match &o.origin {
            Origin::Document { pack, .. } => pack.clone(),
            Origin::Exception { .. } => "site".to_string(),
        };
        let list = |p: &[u16]| p.iter().map(u16::to_string).collect::<Vec<_>>().join(" ");
        let (flows, ports, attempts, attempt_ports) = match &o.observed {
            Some(obs) => (
                obs.flows.to_string(),
                list(&obs.ports),
                obs.attempts.to_string(),
                list(&obs.attempt_ports),
            ),
            None => Default::default(),
        };
        let row = [
            o.action.as_str().to_string(),
            o.rule.clone(),
            pack,
            o.level().to_string(),
            o.client.name.clone(),
            addrs(&o.client.addresses),
            o.server.name.clone(),
            addrs(&o.server.addresses),
            o.proto.to_string(),
            o.ports.to_string(),
            o.documented_ports.to_string(),
            o.negotiated_by
                .iter()
                .map(|n| n.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            flows,
            ports,
            attempts,
            attempt_ports,
            if o.observed.is_none() {
                String::new()
            } else if o.candidate_to_close() {
                "yes".to_string()
            } else {
                "no".to_string()
            },
            crate::observed_note(o).unwrap_or_default(),
            o.cite.clone(),
            o.purpose.clone(),
        ];
        write_row(&mut csv, &row)?;
    }
    csv.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The field writer the firewall CSV used before the `csv` crate (RFC 4180 quoting of
    /// `,`, `"`, CR and LF): the crate must give the same bytes.
    fn reference_field(s: &str) -> String {
        let s = formula_safe(s).into_owned();
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    }

    #[test]
    fn quoting_is_the_rfc_4180_of_before_on_hostile_fields() {
        let hostile = [
            "",
            "ftac-srv",
            "10.0.0.1 10.0.0.2",
            "a,b",
            "say \"hi\"",
            "line\nbreak",
            "cr\rhere",
            "=cmd|' /C calc'!A0",
            "@SUM(A1)",
            "-1",
            "=1,\"x\"\r\n",
            "TCP 443 (HTTPS); Table 8 || <custom port>",
        ];
        let mut out = Vec::new();
        let mut csv = csv_writer(&mut out);
        write_row(&mut csv, &hostile).unwrap();
        csv.flush().unwrap();
        drop(csv);
        let want = hostile.map(reference_field).join(",") + "\n";
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }
}
