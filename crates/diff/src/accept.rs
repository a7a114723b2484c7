//! `tapaudit site accept REPORT`: chosen undocumented findings of a report as `[[exceptions]]`
//! stubs for the site file, in the syntax the site parser reads (docs/site.md), each with a
//! comment that names the finding, its hosts, service and flow count, a `reason` to write
//! (`TODO: ...`) and an `expires` placeholder.
//!
//! The placeholder date is 90 days after the later of the report's last flow (the capture's
//! time) and its audit time, both read from the report (never the clock of the machine
//! drafting): the stub covers the flows it was made from, the same report gives the same
//! stubs, and it lapses unless someone decides to keep it. An exception lifts undocumented flows only:
//! violations (deny rules) and missing flows are not for accepting.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use tapaudit_rules::Date;

use crate::{Flow, Report, Verdict};

/// Days between the report's last flow and the placeholder expiry date.
pub const PLACEHOLDER_DAYS: i64 = 90;

/// Which findings to accept.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Finding ids (`F-` and 12 hex digits), each an undocumented finding of the report.
    pub ids: Vec<String>,
    /// Every undocumented finding of the report.
    pub all_undocumented: bool,
}

/// A selection the report cannot satisfy.
#[derive(Debug, thiserror::Error)]
pub enum AcceptError {
    #[error("{file}: no finding {id} (the report's undocumented findings are listed in its `flows[].finding`)")]
    NoSuchFinding { file: String, id: String },
    #[error("{file}: finding {id} is a {kind}, not an undocumented flow: {why}")]
    NotUndocumented {
        file: String,
        id: String,
        kind: &'static str,
        why: &'static str,
    },
    #[error(
        "{file}: finding {id} is IP protocol {proto}: a site exception names tcp, udp or icmp only"
    )]
    Protocol {
        file: String,
        id: String,
        proto: String,
    },
    #[error("nothing to accept: give --finding ID (repeatable) or --all-undocumented")]
    Empty,
}

/// One undocumented finding: its flows' common fields and their server ports.
struct Stub<'r> {
    id: &'r str,
    head: &'r Flow,
    ports: Vec<u16>,
    flows: usize,
    first: Option<&'r str>,
    last: Option<&'r str>,
}

/// The stubs for `selection`, as TOML text to append to the site file.
pub fn accept(report: &Report, selection: &Selection) -> Result<String, AcceptError> {
    if selection.ids.is_empty() && !selection.all_undocumented {
        return Err(AcceptError::Empty);
    }
    let mut stubs: BTreeMap<&str, Stub<'_>> = BTreeMap::new();
    for f in &report.flows {
        let (Some(id), Verdict::Undocumented) = (f.finding.as_deref(), f.verdict) else {
            continue;
        };
        let s = stubs.entry(id).or_insert_with(|| Stub {
            id,
            head: f,
            ports: Vec::new(),
            flows: 0,
            first: None,
            last: None,
        });
        s.flows += 1;
        if let Some(p) = f.server_port {
            if !s.ports.contains(&p) {
                s.ports.push(p);
            }
        }
        if let Some(t) = f.first_seen.as_deref() {
            s.first = Some(s.first.map_or(t, |x| x.min(t)));
            s.last = Some(s.last.map_or(t, |x| x.max(t)));
        }
    }
    let mut chosen: Vec<&Stub<'_>> = Vec::new();
    for id in &selection.ids {
        let Some(s) = stubs.get(id.as_str()) else {
            let kind = report
                .flows
                .iter()
                .find(|f| f.finding.as_deref() == Some(id))
                .map(|_| "violation")
                .or_else(|| {
                    report
                        .missing
                        .iter()
                        .any(|m| &m.finding == id)
                        .then_some("missing flow")
                });
            return Err(match kind {
                Some(kind) => AcceptError::NotUndocumented {
                    file: report.file.clone(),
                    id: id.clone(),
                    kind,
                    why: if kind == "violation" {
                        "a rule forbids it, and no exception lifts a deny rule"
                    } else {
                        "a required flow that was not seen working is fixed in the network, not accepted"
                    },
                },
                None => AcceptError::NoSuchFinding {
                    file: report.file.clone(),
                    id: id.clone(),
                },
            });
        };
        if !chosen.iter().any(|c| c.id == s.id) {
            chosen.push(s);
        }
    }
    let mut skipped = Vec::new();
    if selection.all_undocumented {
        for s in stubs.values() {
            if chosen.iter().any(|c| c.id == s.id) {
                continue;
            }
            if transport(&s.head.proto).is_none() {
                skipped.push(s);
            } else {
                chosen.push(s);
            }
        }
    }
    for s in &chosen {
        if transport(&s.head.proto).is_none() {
            return Err(AcceptError::Protocol {
                file: report.file.clone(),
                id: s.id.to_string(),
                proto: s.head.proto.clone(),
            });
        }
    }
    // Findings in a stable order: by host pair and service, as `tapaudit diff` lists them.
    chosen.sort_by(|a, b| {
        let key = |s: &Stub<'_>| {
            (
                s.head.client_label().to_string(),
                s.head.server_label().to_string(),
                s.head.service(),
                s.id.to_string(),
            )
        };
        key(a).cmp(&key(b))
    });
    let expires = placeholder_expiry(report);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Exceptions drafted by `tapaudit site accept` from {} ({} finding(s)).",
        comment(&report.file),
        chosen.len()
    );
    let _ = writeln!(
        out,
        "# Write each reason, check each expiry date ({expires} is {PLACEHOLDER_DAYS} days after the report's last flow or audit), then append them to the site file."
    );
    for s in &skipped {
        let _ = writeln!(
            out,
            "# Not drafted: {} ({} -> {} IP protocol {}): a site exception names tcp, udp or icmp only.",
            s.id,
            comment(s.head.client_label()),
            comment(s.head.server_label()),
            comment(&s.head.proto)
        );
    }
    for s in chosen {
        write_stub(&mut out, s, &expires);
    }
    Ok(out)
}

/// The exception's `proto` for a flow's protocol (ICMP covers ICMPv6), if it has one.
fn transport(proto: &str) -> Option<&'static str> {
    match proto {
        "tcp" => Some("tcp"),
        "udp" => Some("udp"),
        "icmp" | "icmpv6" => Some("icmp"),
        _ => None,
    }
}

fn write_stub(out: &mut String, s: &Stub<'_>, expires: &str) {
    let f = s.head;
    let (client, server) = (f.client_label(), f.server_label());
    let service = f.service();
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "# {}: {} -> {} {}, {} undocumented flow(s){}",
        s.id,
        comment(client),
        comment(server),
        comment(&service),
        s.flows,
        match (s.first, s.last) {
            (Some(a), Some(b)) if a != b =>
                format!(", first seen {} to {}", comment(a), comment(b)),
            (Some(a), _) => format!(", first seen {}", comment(a)),
            _ => String::new(),
        }
    );
    if let Some(r) = &f.reason {
        let _ = writeln!(out, "# why undocumented: {}", comment(r));
    }
    if let Some(n) = &f.negotiated_by {
        let _ = writeln!(
            out,
            "# the port was announced by {} and changes on every connection: the ports below are the ones seen",
            comment(&n.protocol)
        );
    }
    let _ = writeln!(out, "[[exceptions]]");
    let _ = writeln!(out, "from = {}", toml_string(client));
    let _ = writeln!(out, "to = {}", toml_string(server));
    let proto = transport(&f.proto).unwrap_or("tcp");
    let _ = writeln!(out, "proto = \"{proto}\"");
    if proto != "icmp" {
        let mut ports = s.ports.clone();
        ports.sort_unstable();
        let list: Vec<String> = ports.iter().map(u16::to_string).collect();
        let _ = writeln!(out, "ports = [{}]", list.join(", "));
    }
    let _ = writeln!(
        out,
        "reason = {}",
        toml_string(&format!(
            "TODO: why the site accepts {client} -> {server} {service} (ticket, owner)"
        ))
    );
    let _ = writeln!(
        out,
        "expires = \"{expires}\"  # TODO: placeholder, {PLACEHOLDER_DAYS} days after the report"
    );
}

/// `YYYY-MM-DD`, [`PLACEHOLDER_DAYS`] after the latest `first_seen` of the report's flows or
/// its audit time, whichever is later.
fn placeholder_expiry(report: &Report) -> String {
    let audit_time = report
        .evidence
        .as_ref()
        .and_then(|e| e.audit_time.as_deref());
    let latest = report
        .flows
        .iter()
        .filter_map(|f| f.first_seen.as_deref())
        .chain(audit_time)
        .filter_map(|t| t.get(..10)?.parse::<Date>().ok())
        .max();
    let days = latest.map_or(0, days_from_civil) + PLACEHOLDER_DAYS;
    Date::from_unix_seconds(days * 86_400).to_string()
}

/// Days since 1970-01-01 of a date (Howard Hinnant's days_from_civil, the inverse of
/// [`Date::from_unix_seconds`]).
fn days_from_civil(d: Date) -> i64 {
    let (m, day) = (i64::from(d.m), i64::from(d.d));
    let y = i64::from(d.y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text for a TOML comment: one line, no control characters.
fn comment(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(flows: &[&str]) -> Report {
        let text = format!(
            r#"{{"schema":"tapaudit.report/1","flows":[{}],"missing":[
            {{"rule":"r.req","client_host":"a","server_host":"b","proto":"tcp","ports":"502","status":"blocked","finding":"F-00000000000c"}}]}}"#,
            flows.join(",")
        );
        Report::from_slice(text.as_bytes(), "r.json").unwrap()
    }

    fn flow(port: u16, verdict: &str, id: &str, first: &str) -> String {
        format!(
            r#"{{"proto":"tcp","client":"10.0.0.1","server":"10.0.0.2","server_port":{port},
            "client_host":"eng \"ws\"","server_host":null,"verdict":"{verdict}","reason":"not\nin inventory",
            "finding":"{id}","first_seen":"{first}"}}"#
        )
    }

    #[test]
    fn stubs_parse_as_site_exceptions_and_cover_their_flows() {
        let r = report(&[
            &flow(
                3389,
                "undocumented",
                "F-00000000000a",
                "2026-03-02T08:00:00.000000Z",
            ),
            &flow(
                3389,
                "undocumented",
                "F-00000000000a",
                "2026-12-30T08:00:00.000000Z",
            ),
            &flow(
                22,
                "violation",
                "F-00000000000b",
                "2026-03-02T08:00:00.000000Z",
            ),
        ]);
        let all = Selection {
            ids: Vec::new(),
            all_undocumented: true,
        };
        let text = accept(&r, &all).unwrap();
        assert!(
            text.contains(
                "# F-00000000000a: eng \"ws\" -> 10.0.0.2 tcp/3389, 2 undocumented flow(s)"
            ),
            "{text}"
        );
        assert!(text.contains("expires = \"2027-03-30\""), "{text}");
        assert!(
            !text.contains("F-00000000000b:"),
            "a violation is not accepted\n{text}"
        );
        let site = format!(
            "[site]\nname = \"s\"\n[[hosts]]\nname = \"eng \\\"ws\\\"\"\naddresses = [\"10.0.0.1\"]\n{text}"
        );
        let site = tapaudit_rules::Site::from_toml_str(&site, "s.toml")
            .unwrap_or_else(|e| panic!("{e}\n{site}"));
        let e = &site.exceptions[0];
        assert!(e.reason.starts_with("TODO: "));
        let ip = |s: &str| s.parse().unwrap();
        assert!(e.covers(
            (ip("10.0.0.1"), Some("eng \"ws\"")),
            (ip("10.0.0.2"), None),
            tapaudit_vocab::Transport::Tcp,
            Some(3389)
        ));
    }

    #[test]
    fn only_undocumented_findings_can_be_chosen() {
        let r = report(&[&flow(
            22,
            "violation",
            "F-00000000000b",
            "2026-03-02T08:00:00Z",
        )]);
        let pick = |id: &str| Selection {
            ids: vec![id.into()],
            all_undocumented: false,
        };
        let e = accept(&r, &pick("F-00000000000b")).unwrap_err().to_string();
        assert!(e.contains("is a violation"), "{e}");
        let e = accept(&r, &pick("F-00000000000c")).unwrap_err().to_string();
        assert!(e.contains("is a missing flow"), "{e}");
        let e = accept(&r, &pick("F-0000000000ff")).unwrap_err().to_string();
        assert!(e.starts_with("r.json: no finding F-0000000000ff"), "{e}");
        assert!(matches!(
            accept(&r, &Selection::default()),
            Err(AcceptError::Empty)
        ));
    }

    #[test]
    fn the_placeholder_is_after_the_later_of_the_capture_and_the_audit() {
        let text = r#"{"schema":"tapaudit.report/1","evidence":{"audit_time":"2026-11-01T10:00:00Z"},
            "flows":[{"proto":"udp","client":"10.0.0.1","server":"10.0.0.2","server_port":161,
            "verdict":"undocumented","finding":"F-00000000000d","first_seen":"2026-03-02T08:00:00Z"}]}"#;
        let r = Report::from_slice(text.as_bytes(), "r.json").unwrap();
        let all = Selection {
            ids: Vec::new(),
            all_undocumented: true,
        };
        let stubs = accept(&r, &all).unwrap();
        assert!(stubs.contains("expires = \"2027-01-30\""), "{stubs}");
        assert!(
            stubs.contains(
                "from = \"10.0.0.1\"\nto = \"10.0.0.2\"\nproto = \"udp\"\nports = [161]\n"
            ),
            "{stubs}"
        );
    }

    #[test]
    fn days_from_civil_inverts_the_site_dates() {
        for days in [-1000i64, 0, 59, 60, 365, 10_957, 20_514, 30_000] {
            let d = Date::from_unix_seconds(days * 86_400);
            assert_eq!(days_from_civil(d), days, "{d}");
        }
    }
}
