//! Capture coverage: how complete the picture is (files, time span, counters, the live
//! capture's statistics).

use std::io::{self, Write};

use super::esc;
use crate::view::{duration, human_bytes, timestamp as ts, ReportView};

pub(super) fn write(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    out.write_all(b"<section id=\"coverage\"><h2>Capture coverage</h2>")?;
    write_facts(view, out)?;
    if view.coverage.in_progress() {
        out.write_all(
            b"<p class=\"note\">Live capture still running: this is a periodic report.</p>",
        )?;
    }
    write_files(view, out)?;
    write_live(view, out)?;
    out.write_all(b"</section>")
}

/// One fact of the list; `value` is markup.
fn fact(out: &mut impl Write, key: &str, value: &str) -> io::Result<()> {
    write!(out, "<div><dt>{key}</dt><dd>{value}</dd></div>")
}

fn yes_no(yes: bool) -> &'static str {
    if yes {
        "<span class=\"ok\">yes</span>"
    } else {
        "<span class=\"bad\">no</span>"
    }
}

/// The run in numbers.
fn write_facts(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let cov = view.coverage;
    let fs = view.flow_stats;
    let decode_errors: u64 = cov.files.iter().map(|f| f.decode_errors).sum();
    out.write_all(b"<dl class=\"facts\">")?;
    fact(out, "complete", yes_no(view.complete))?;
    match (&cov.live, view.live_window()) {
        (Some(live), Some(window)) if cov.files.is_empty() => {
            fact(out, "live capture", &esc(&window))?;
            let names: Vec<String> = live.interfaces.iter().map(|i| esc(&i.name)).collect();
            fact(out, "interfaces", &names.join(", "))?;
        }
        _ => fact(out, "files", &cov.files.len().to_string())?,
    }
    let span = match view.capture_span() {
        Some((first, last)) => format!(
            "{} \u{2013} {} <span class=\"muted\">({})</span>",
            ts(first),
            ts(last),
            duration(last.saturating_sub(first))
        ),
        None if cov.live.is_some() => String::new(),
        None => "no packets".to_string(),
    };
    if !span.is_empty() {
        fact(out, "time span", &span)?;
    }
    fact(
        out,
        "packets",
        &format!(
            "<span id=\"n-packets\">{}</span> <span class=\"muted\">({} IP, {})</span>",
            cov.capture.packets,
            cov.capture.ip_packets,
            human_bytes(cov.capture.bytes)
        ),
    )?;
    fact(out, "decode errors", &decode_errors.to_string())?;
    fact(
        out,
        "flows",
        &format!(
            "{} <span class=\"muted\">({} finished early: table full)</span>",
            fs.flows, fs.evicted
        ),
    )?;
    fact(
        out,
        "ICMP errors",
        &format!(
            "{} <span class=\"muted\">({} quoting no known flow)</span>",
            fs.icmp_errors, fs.icmp_errors_unmatched
        ),
    )?;
    fact(
        out,
        "announced ports",
        &format!(
            "{} <span class=\"muted\">({} dropped: table full)</span>",
            fs.expectations.announced, fs.expectations.dropped_full
        ),
    )?;
    if view.encrypted_dcerpc_pdus > 0 {
        fact(
            out,
            "encrypted DCE-RPC PDUs",
            &format!(
                "{} <span class=\"muted\">(announcements unreadable: range evidence only)</span>",
                view.encrypted_dcerpc_pdus
            ),
        )?;
    }
    if cov.capture.timestamps_implausible > 0 || cov.capture.clock_steps > 0 {
        fact(
            out,
            "implausible timestamps",
            &format!(
                "{} <span class=\"muted\">(processed at their input's clock time; {} clock steps accepted)</span>",
                cov.capture.timestamps_implausible, cov.capture.clock_steps
            ),
        )?;
    }
    if !cov.capture.non_ip.is_empty() {
        let parts: Vec<String> = cov
            .capture
            .non_ip
            .iter()
            .map(|(k, v)| format!("{}: {v}", esc(k)))
            .collect();
        fact(out, "non-IP frames", &parts.join(", "))?;
    }
    out.write_all(b"</dl>")
}

/// A row per capture file.
fn write_files(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    out.write_all(b"<div class=\"scroll\"><table class=\"data\"><thead><tr><th>file</th><th>packets</th><th>bytes</th><th>first</th><th>last</th><th>decode errors</th><th>timestamps backwards</th><th>complete</th><th>error</th></tr></thead><tbody>")?;
    for f in &view.coverage.files {
        write!(
            out,
            "<tr><td class=\"file\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(&f.file),
            f.packets,
            human_bytes(f.bytes),
            f.first_seen.map(ts).unwrap_or_default(),
            f.last_seen.map(ts).unwrap_or_default(),
            f.decode_errors,
            f.timestamps_backwards,
            yes_no(f.complete),
            esc(f.error.as_ref().map(|e| e.message.as_str()).unwrap_or_default()),
        )?;
    }
    out.write_all(b"</tbody></table></div>")
}

/// The live capture's statistics, as `path: value` rows of its JSON object.
fn write_live(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let Some(live) = &view.coverage.live else {
        return Ok(());
    };
    let mut kv = Vec::new();
    flatten(&crate::json::live_json(live), String::new(), &mut kv);
    out.write_all(b"<h3>Live capture</h3><div class=\"scroll\"><table class=\"data kv\"><tbody>")?;
    for (k, v) in kv {
        write!(out, "<tr><th>{}</th><td>{}</td></tr>", esc(&k), esc(&v))?;
    }
    out.write_all(b"</tbody></table></div>")
}

/// Flattens live-capture statistics (already JSON) into `path: value` lines, 200 at most.
fn flatten(v: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
    if out.len() >= 200 {
        return;
    }
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                flatten(x, p, out);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                flatten(x, format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::String(s) => out.push((path, s.clone())),
        other => out.push((path, other.to_string())),
    }
}
