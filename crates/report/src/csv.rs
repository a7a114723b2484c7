//! CSV tables (RFC 4180 quoting, by the `csv` crate): flows, findings, missing, unused,
//! exceptions, services; one
//! table per file, so a spreadsheet opens each as it is. The columns are documented in
//! docs/report-schema.md (CSV version [`CSV_VERSION`]); a test compares them.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::view::{timestamp, ReportView};

/// The version of the CSV columns (docs/report-schema.md): columns are only added at the
/// end within a version.
pub const CSV_VERSION: &str = "tapaudit.csv/2";

/// Which table `--format csv` writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CsvTable {
    /// One row per flow, every flow field of the JSON report.
    #[default]
    Flows,
    /// One row per finding (violation, undocumented flow, missing flow): the to-do list.
    Findings,
    /// One row per required flow not seen working.
    Missing,
    /// One row per rule that applies to the site but carried no traffic.
    Unused,
    /// One row per site exception: its status (used, expired, stale) and what it did.
    Exceptions,
    /// One row per host and service it answered on, with the documented need (CIP-007 R1.1).
    Services,
}

impl CsvTable {
    /// The columns of the table, in order.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            CsvTable::Flows => &FLOW_COLUMNS,
            CsvTable::Findings => &FINDING_COLUMNS,
            CsvTable::Missing => &MISSING_COLUMNS,
            CsvTable::Unused => &UNUSED_COLUMNS,
            CsvTable::Exceptions => &EXCEPTION_COLUMNS,
            CsvTable::Services => &SERVICE_COLUMNS,
        }
    }
}

const FLOW_COLUMNS: [&str; 27] = [
    "proto",
    "client",
    "client_port",
    "server",
    "server_port",
    "vlan",
    "inner_vlan",
    "icmp_type",
    "first_seen",
    "last_seen",
    "packets_to_server",
    "packets_to_client",
    "bytes_to_server",
    "bytes_to_client",
    "state",
    "blocked_by_icmp_type",
    "blocked_by_icmp_code",
    "blocked_by_sender",
    "negotiated_by",
    "client_host",
    "server_host",
    "verdict",
    "evidence",
    "rule",
    "cite",
    "reason",
    "finding",
];

const FINDING_COLUMNS: [&str; 14] = [
    "finding",
    "rule",
    "client_host",
    "client",
    "server_host",
    "server",
    "proto",
    "ports",
    "first_seen",
    "status",
    "cite",
    "reason",
    "finding_id",
    "known",
];

const MISSING_COLUMNS: [&str; 12] = [
    "rule",
    "pack",
    "client",
    "server",
    "client_host",
    "server_host",
    "proto",
    "ports",
    "status",
    "attempts",
    "cite",
    "purpose",
];

const UNUSED_COLUMNS: [&str; 8] = [
    "rule",
    "pack",
    "level",
    "proto",
    "ports",
    "cite",
    "purpose",
    "host_pairs",
];

const EXCEPTION_COLUMNS: [&str; 13] = [
    "exception",
    "status",
    "from",
    "to",
    "proto",
    "ports",
    "expires",
    "reason",
    "defined_at",
    "accepted_flows",
    "expired_flows",
    "findings",
    "judged_by_rules",
];

const SERVICE_COLUMNS: [&str; 19] = [
    "host",
    "address",
    "proto",
    "ports",
    "dynamic",
    "ports_seen",
    "lowest_port",
    "highest_port",
    "first_seen",
    "last_seen",
    "flows",
    "packets",
    "clients",
    "verdict",
    "evidence",
    "rule",
    "pack",
    "cite",
    "need",
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

pub(crate) fn write(view: &ReportView<'_>, table: CsvTable, out: &mut dyn Write) -> io::Result<()> {
    let mut csv = csv_writer(out);
    write_row(&mut csv, table.columns())?;
    match table {
        CsvTable::Flows => write_flows(view, &mut csv)?,
        CsvTable::Findings => write_findings(view, &mut csv)?,
        CsvTable::Missing => {
            for m in &view.audit.missing {
                let row = [
                    m.rule.clone(),
                    m.pack.clone(),
                    m.client.clone(),
                    m.server.clone(),
                    m.client_host.clone(),
                    m.server_host.clone(),
                    m.proto.clone(),
                    m.ports.clone(),
                    m.status.as_str().to_string(),
                    m.attempts.to_string(),
                    m.cite.clone(),
                    m.purpose.clone(),
                ];
                write_row(&mut csv, &row)?;
            }
        }
        CsvTable::Unused => {
            for u in &view.audit.unused {
                let row = [
                    u.rule.clone(),
                    u.pack.clone(),
                    u.level.clone(),
                    u.proto.clone(),
                    u.ports.clone(),
                    u.cite.clone(),
                    u.purpose.clone(),
                    u.host_pairs.to_string(),
                ];
                write_row(&mut csv, &row)?;
            }
        }
        CsvTable::Exceptions => {
            for r in view.exceptions() {
                let e = r.exception;
                let row = [
                    r.number.to_string(),
                    r.status().to_string(),
                    r.from.join(" "),
                    r.to.join(" "),
                    e.proto.to_string(),
                    e.ports.to_string(),
                    opt(e.expires),
                    e.reason.clone(),
                    r.defined_at.clone(),
                    r.usage.accepted.len().to_string(),
                    r.usage.expired.len().to_string(),
                    r.findings.join(" "),
                    r.usage.judged_by_rules.to_string(),
                ];
                write_row(&mut csv, &row)?;
            }
        }
        CsvTable::Services => {
            for r in crate::services::rows(view) {
                let row = [
                    match r.host {
                        crate::view::Host::Known(n) => n.to_string(),
                        _ => String::new(),
                    },
                    r.address.to_string(),
                    r.proto.to_string(),
                    r.ports_field(),
                    matches!(r.ports, crate::services::Ports::Range(..)).to_string(),
                    r.ports_seen.to_string(),
                    opt(r.lowest_port),
                    opt(r.highest_port),
                    crate::view::timestamp(r.first_seen),
                    crate::view::timestamp(r.last_seen),
                    r.flows.to_string(),
                    r.packets.to_string(),
                    r.clients.to_string(),
                    r.need.verdict.as_str().to_string(),
                    opt(r.need.evidence.map(|e| e.as_str())),
                    opt(r.need.rule),
                    opt(r.need.pack),
                    opt(r.need.cite),
                    r.need_text(),
                ];
                write_row(&mut csv, &row)?;
            }
        }
    }
    csv.flush()
}

fn negotiation(f: &tapaudit_flow::FlowRecord) -> String {
    f.negotiated_by
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
        .unwrap_or_default()
}

fn write_flows<W: Write>(view: &ReportView<'_>, csv: &mut ::csv::Writer<W>) -> io::Result<()> {
    for j in &view.audit.flows {
        let f = &j.flow;
        let blocked = f.blocked_by.as_deref();
        let row = [
            f.proto_name(),
            f.client.to_string(),
            opt(f.client_port),
            f.server.to_string(),
            opt(f.server_port),
            opt(f.vlan),
            opt(f.inner_vlan),
            opt(f.icmp_type),
            timestamp(f.first_seen),
            timestamp(f.last_seen),
            f.packets_to_server.to_string(),
            f.packets_to_client.to_string(),
            f.bytes_to_server.to_string(),
            f.bytes_to_client.to_string(),
            f.state.as_str().to_string(),
            opt(blocked.map(|b| b.0)),
            opt(blocked.map(|b| b.1)),
            opt(blocked.map(|b| b.2)),
            negotiation(f),
            j.client_host.clone().unwrap_or_default(),
            j.server_host.clone().unwrap_or_default(),
            j.verdict.as_str().to_string(),
            j.evidence
                .map(|e| e.as_str().to_string())
                .unwrap_or_default(),
            j.rule.clone().unwrap_or_default(),
            j.cite.clone().unwrap_or_default(),
            j.reason().into_owned(),
            tapaudit_audit::FindingKey::of_flow(j)
                .map(|k| k.id())
                .unwrap_or_default(),
        ];
        write_row(csv, &row)?;
    }
    Ok(())
}

/// Violations first, then undocumented flows, zone crossings outside any conduit, then
/// missing flows.
fn write_findings<W: Write>(view: &ReportView<'_>, csv: &mut ::csv::Writer<W>) -> io::Result<()> {
    use tapaudit_audit::{FindingKey, Verdict};
    for verdict in [Verdict::Violation, Verdict::Undocumented] {
        for j in view.audit.flows.iter().filter(|j| j.verdict == verdict) {
            let f = &j.flow;
            let row = [
                verdict.as_str().to_string(),
                j.rule.clone().unwrap_or_default(),
                j.client_host.clone().unwrap_or_default(),
                f.client.to_string(),
                j.server_host.clone().unwrap_or_default(),
                f.server.to_string(),
                f.proto_name(),
                opt(f.server_port),
                timestamp(f.first_seen),
                f.state.as_str().to_string(),
                j.cite.clone().unwrap_or_default(),
                j.reason().into_owned(),
                opt(FindingKey::of_flow(j).map(|k| k.id())),
                known(view.baseline.as_ref().and_then(|b| b.flow(j))),
            ];
            write_row(csv, &row)?;
        }
    }
    // Zone crossings outside any conduit (with zones only): violations of the zone model.
    for c in view.audit.zone_findings() {
        let j = &view.audit.flows[c.first_flow];
        let f = &j.flow;
        let row = [
            "zone-crossing".to_string(),
            String::new(),
            j.client_host.clone().unwrap_or_default(),
            f.client.to_string(),
            j.server_host.clone().unwrap_or_default(),
            f.server.to_string(),
            f.proto_name(),
            opt(f.server_port),
            timestamp(c.first_seen),
            f.state.as_str().to_string(),
            format!("zones {} -> {}", c.from_zone, c.to_zone),
            format!(
                "{} answered flow(s) crossed from zone {} to zone {} outside any conduit",
                c.answered.flows, c.from_zone, c.to_zone
            ),
            FindingKey::of_zone_crossing(c).id(),
            known(
                view.baseline
                    .as_ref()
                    .map(|b| b.baseline.knows(&c.key().id())),
            ),
        ];
        write_row(csv, &row)?;
    }
    for m in &view.audit.missing {
        let row = [
            "missing".to_string(),
            m.rule.clone(),
            m.client_host.clone(),
            m.client.clone(),
            m.server_host.clone(),
            m.server.clone(),
            m.proto.clone(),
            m.ports.clone(),
            String::new(),
            m.status.as_str().to_string(),
            m.cite.clone(),
            m.purpose.clone(),
            FindingKey::of_missing(m).id(),
            known(view.baseline.as_ref().map(|b| b.missing(m))),
        ];
        write_row(csv, &row)?;
    }
    Ok(())
}

/// The `known` column: `true` or `false` with a baseline, empty without one.
fn known(k: Option<bool>) -> String {
    opt(k)
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

    /// The column lists of docs/report-schema.md, table by table (`### \`name\`` then the
    /// first cell of each row).
    fn documented_tables() -> Vec<(String, Vec<String>)> {
        let doc = include_str!("../../../docs/report-schema.md");
        let csv = doc
            .split_once("# CSV tables, version `")
            .expect("CSV section")
            .1;
        assert!(
            csv.starts_with(CSV_VERSION),
            "documented version is not {CSV_VERSION}"
        );
        let mut out: Vec<(String, Vec<String>)> = Vec::new();
        for line in csv.lines() {
            if let Some(h) = line.strip_prefix("### `") {
                let name = h.split('`').next().unwrap_or("").to_string();
                out.push((name, Vec::new()));
            } else if let (Some(cell), Some(last)) = (line.strip_prefix("| `"), out.last_mut()) {
                last.1
                    .push(cell.split('`').next().unwrap_or("").to_string());
            }
        }
        out
    }

    #[test]
    fn columns_are_the_documented_ones() {
        let docs = documented_tables();
        let tables = [
            ("flows", CsvTable::Flows),
            ("findings", CsvTable::Findings),
            ("missing", CsvTable::Missing),
            ("unused", CsvTable::Unused),
            ("exceptions", CsvTable::Exceptions),
            ("services", CsvTable::Services),
        ];
        assert_eq!(docs.len(), tables.len());
        for (name, t) in tables {
            let doc = &docs.iter().find(|(n, _)| n == name).expect(name).1;
            assert_eq!(doc, &t.columns().to_vec(), "table {name}");
        }
    }

    /// Every field of a JSON flow (all optional ones present) has a column, nested objects
    /// as `field_subfield` columns.
    #[test]
    fn every_json_flow_field_has_a_column() {
        use std::net::{IpAddr, Ipv4Addr};
        use std::sync::Arc;
        use tapaudit_audit::{JudgedFlow, Judgment, Reason, Verdict};
        use tapaudit_flow::{FinishReason, FlowRecord, State};
        use tapaudit_vocab::{IpProto, Timestamp};
        let ip = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1));
        let flow = FlowRecord {
            proto: IpProto::Tcp,
            client: ip,
            client_port: Some(1),
            server: ip,
            server_port: Some(2),
            vlan: Some(3),
            inner_vlan: Some(4),
            icmp_type: Some(8),
            first_seen: Timestamp(0),
            last_seen: Timestamp(0),
            packets_to_server: 1,
            packets_to_client: 0,
            bytes_to_server: 60,
            bytes_to_client: 0,
            state: State::Blocked,
            blocked_by: Some(Box::new((3, 13, ip))),
            negotiated_by: None,
            control: None,
            finish: FinishReason::EndOfInput,
        };
        let j = JudgedFlow {
            flow,
            judgment: Arc::new(Judgment {
                client_host: None,
                server_host: None,
                verdict: Verdict::Undocumented,
                evidence: None,
                rule: None,
                pack: None,
                cite: None,
                reason: Reason::Text("x".into()),
            }),
        };
        let json = serde_json::to_value(crate::json::FlowOut(&j, None)).unwrap();
        let cols = CsvTable::Flows.columns();
        for (k, v) in json.as_object().unwrap() {
            match v.as_object() {
                Some(inner) if k != "negotiated_by" => {
                    for sub in inner.keys() {
                        let c = format!("{k}_{sub}");
                        assert!(cols.contains(&c.as_str()), "no column {c}");
                    }
                }
                _ => assert!(cols.contains(&k.as_str()), "no column for JSON field {k}"),
            }
        }
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        assert_eq!(written(&["=cmd", "x"]), "'=cmd,x\n");
        assert_eq!(written(&["-1.5", "+7", "@x"]), "-1.5,+7,'@x\n");
        assert_eq!(written(&["=a,b", "x"]), "\"'=a,b\",x\n");
    }
}
