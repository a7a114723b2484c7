//! CSV: one row per flow (RFC 4180 quoting, by the `csv` crate).

use std::borrow::Cow;
use std::io::{self, Write};

use crate::view::{timestamp, ReportView};

const HEADER: [&str; 22] = [
    "proto",
    "client",
    "client_port",
    "server",
    "server_port",
    "vlan",
    "icmp_type",
    "first_seen",
    "last_seen",
    "packets_to_server",
    "packets_to_client",
    "bytes_to_server",
    "bytes_to_client",
    "state",
    "negotiated_by",
    "client_host",
    "server_host",
    "verdict",
    "evidence",
    "rule",
    "cite",
    "reason",
];

/// A field with spreadsheet formulas neutralised: text from the wire or from user files
/// must not run as a formula when the file is opened, so a field that starts with `=`, `+`,
/// `-` or `@` and is not a number gets a leading `'`.
fn formula_safe(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// The CSV writer of the reports: `,` between fields, `\n` after a record, a field quoted
/// only when it holds `,`, `"`, CR or LF (a quote inside doubled).
fn csv_writer<W: Write>(out: W) -> ::csv::Writer<W> {
    ::csv::WriterBuilder::new()
        .quote_style(::csv::QuoteStyle::Necessary)
        .terminator(::csv::Terminator::Any(b'\n'))
        .buffer_capacity(1 << 16)
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

/// The writer's own error, as it came (a full disk stays a full disk, a closed pipe a closed
/// pipe).
fn io_error(e: ::csv::Error) -> io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("CSV: {other:?}")),
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

pub(crate) fn write(view: &ReportView<'_>, out: &mut dyn Write) -> io::Result<()> {
    let mut csv = csv_writer(out);
    write_row(&mut csv, &HEADER)?;
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
        write_row(&mut csv, &row)?;
    }
    csv.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The field writer the reports used before the `csv` crate: RFC 4180 quoting of `,`,
    /// `"`, CR and LF. The crate must give the same bytes.
    fn reference_field(s: &str) -> String {
        let s = formula_safe(s).into_owned();
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    }

    fn written(fields: &[&str]) -> String {
        let mut out = Vec::new();
        let mut csv = csv_writer(&mut out);
        write_row(&mut csv, fields).unwrap();
        csv.flush().unwrap();
        drop(csv);
        String::from_utf8(out).unwrap()
    }

    const HOSTILE: [&str; 22] = [
        "",
        "plain",
        "a,b",
        "say \"hi\"",
        "\"",
        "line\nbreak",
        "cr\rhere",
        "crlf\r\n",
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "=1,\"x\"\n",
        "-1.5",
        "+7",
        "1e5",
        "tab\there",
        "<script>alert(1)</script>",
        "é ünïcode, \u{2028}",
        "trailing space ",
        "'quoted'",
        "#comment",
    ];

    #[test]
    fn quoting_is_the_rfc_4180_of_before_on_hostile_fields() {
        for f in HOSTILE {
            // Between two plain fields, as in a report row.
            let want = format!("a,{},z\n", reference_field(f));
            assert_eq!(written(&["a", f, "z"]), want, "field {f:?}");
        }
        let row = HOSTILE.map(reference_field).join(",") + "\n";
        assert_eq!(written(&HOSTILE), row);
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        assert_eq!(written(&["=cmd", "x"]), "'=cmd,x\n");
        assert_eq!(written(&["-1.5", "+7", "@x"]), "-1.5,+7,'@x\n");
        assert_eq!(written(&["=a,b", "x"]), "\"'=a,b\",x\n");
    }
}
