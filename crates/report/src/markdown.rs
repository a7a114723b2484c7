//! The Markdown report: what an auditor reads first.

use std::io::{self, Write};

use tapaudit_audit::{Evidence, JudgedFlow, Verdict};
use tapaudit_vocab::{ControlProtocol, LiveCoverage, Timestamp};

use crate::ReportInput;

/// A Markdown table cell: no pipes, no line breaks, no HTML (text from the wire or from
/// user files must not change the table or inject markup).
pub(crate) fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' | '\r' | '\t' => out.push(' '),
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '`' => out.push('\''),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn ts(t: Timestamp) -> String {
    t.to_rfc3339_micros()
}

use crate::groups::service;

fn host_or_ip(name: &Option<String>, ip: std::net::IpAddr) -> String {
    match name {
        Some(n) => n.clone(),
        None => format!("{ip} (not in inventory)"),
    }
}

pub(crate) fn write(input: &ReportInput<'_>, out: &mut dyn Write) -> io::Result<()> {
    let a = input.audit;
    let (violations, undocumented, missing, complete) = crate::json::summary(input);
    let site_name = input
        .site
        .map(|s| s.name.as_str())
        .unwrap_or("(no site inventory)");
    writeln!(out, "# tapaudit report: {}", cell(site_name))?;
    writeln!(out)?;
    let verdict = if violations + undocumented + missing == 0 {
        "PASS"
    } else {
        "FAIL"
    };
    writeln!(
        out,
        "**Verdict: {verdict}**: {violations} violation(s), {undocumented} undocumented flow(s), {missing} required flow(s) missing or blocked, out of {} flow(s).",
        a.flows.len()
    )?;
    writeln!(out)?;
    if !complete {
        writeln!(
            out,
            "> **Partial result.** Not every input was read to its end:"
        )?;
        for f in input.coverage.incomplete_files() {
            let err = f
                .error
                .as_ref()
                .map(|e| e.message.as_str())
                .unwrap_or_default();
            writeln!(out, "> - {}", cell(err))?;
        }
        if input.coverage.in_progress() {
            writeln!(
                out,
                "> - live capture still running: this is a periodic report"
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "| | count |")?;
    writeln!(out, "|---|---:|")?;
    for v in [
        Verdict::Documented,
        Verdict::Undocumented,
        Verdict::Violation,
    ] {
        writeln!(out, "| {} flows | {} |", v.as_str(), a.count(v))?;
    }
    for e in [
        Evidence::Port,
        Evidence::Negotiated,
        Evidence::Range,
        Evidence::Exception,
    ] {
        let n = a.flows.iter().filter(|f| f.evidence == Some(e)).count();
        writeln!(out, "| documented by {} | {n} |", e.as_str())?;
    }
    writeln!(
        out,
        "| required flows missing or blocked | {} |",
        a.missing.len()
    )?;
    writeln!(
        out,
        "| documented openings never used | {} |",
        a.unused.len()
    )?;
    let enc = input
        .flow_stats
        .control
        .get(ControlProtocol::DceRpcEpm)
        .encrypted_pdus;
    if enc > 0 {
        writeln!(
            out,
            "| encrypted DCE-RPC PDUs (announcements unreadable) | {enc} |"
        )?;
    }
    writeln!(out)?;
    if enc > 0 {
        writeln!(
            out,
            "Note: {enc} DCE-RPC PDU(s) used packet privacy, so the ports they announced could not be read; flows to those ports can only have range evidence."
        )?;
        writeln!(out)?;
    }

    // Violations, one line each.
    writeln!(out, "## Violations")?;
    writeln!(out)?;
    let viol: Vec<&JudgedFlow> = a
        .flows
        .iter()
        .filter(|f| f.verdict == Verdict::Violation)
        .collect();
    if viol.is_empty() {
        writeln!(out, "None.")?;
    } else {
        writeln!(
            out,
            "| client | server | service | state | first seen | rule | reason | cite |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|---|")?;
        for f in viol {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                cell(&host_or_ip(&f.client_host, f.flow.client)),
                cell(&host_or_ip(&f.server_host, f.flow.server)),
                service(f),
                f.flow.state.as_str(),
                ts(f.flow.first_seen),
                cell(f.rule.as_deref().unwrap_or("")),
                cell(&f.reason()),
                cell(f.cite.as_deref().unwrap_or("")),
            )?;
        }
    }
    writeln!(out)?;

    // Undocumented, grouped.
    writeln!(out, "## Undocumented flows")?;
    writeln!(out)?;
    let groups = crate::groups::undocumented(a);
    if groups.is_empty() {
        writeln!(out, "None.")?;
    } else {
        writeln!(
            out,
            "| client | server | service | flows | packets | bytes | first seen | last seen | states | reason |"
        )?;
        writeln!(out, "|---|---|---|---:|---:|---:|---|---|---|---|")?;
        for g in groups.iter() {
            let states: Vec<String> = g.states().map(|(k, v)| format!("{k} {v}")).collect();
            let label = |name: &str, known: bool| {
                if known {
                    cell(name)
                } else {
                    format!("{} (not in inventory)", cell(name))
                }
            };
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                label(&g.client(), g.client_known()),
                label(&g.server(), g.server_known()),
                g.service(),
                g.count(),
                g.packets(),
                g.bytes(),
                ts(g.first()),
                ts(g.last()),
                states.join(", "),
                cell(&g.reason())
            )?;
        }
    }
    writeln!(out)?;

    // Missing and blocked.
    writeln!(out, "## Required flows missing or blocked")?;
    writeln!(out)?;
    if a.missing.is_empty() {
        writeln!(out, "None.")?;
    } else {
        writeln!(
            out,
            "| status | client | server | service | attempts | rule | purpose | cite |"
        )?;
        writeln!(out, "|---|---|---|---|---:|---|---|---|")?;
        for m in &a.missing {
            writeln!(
                out,
                "| {} | {} ({}) | {} ({}) | {} {} | {} | {} | {} | {} |",
                m.status.as_str(),
                cell(&m.client_host),
                m.client,
                cell(&m.server_host),
                m.server,
                m.proto,
                m.ports,
                m.attempts,
                cell(&m.rule),
                cell(&m.purpose),
                cell(&m.cite)
            )?;
        }
    }
    writeln!(out)?;

    // Negotiated dynamic ports: how each was learnt.
    let negotiated: Vec<&JudgedFlow> = a
        .flows
        .iter()
        .filter(|f| f.flow.negotiated_by.is_some())
        .collect();
    if !negotiated.is_empty() {
        writeln!(out, "## Dynamic ports learnt from the protocols")?;
        writeln!(out)?;
        writeln!(
            out,
            "| client | server | service | announced by | control connection | at | verdict |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|")?;
        for f in negotiated {
            if let Some(n) = f.flow.negotiated_by.as_deref() {
                writeln!(
                    out,
                    "| {} | {} | {} | {} {} | {}:{} -> {}:{} | {} | {} |",
                    cell(&host_or_ip(&f.client_host, f.flow.client)),
                    cell(&host_or_ip(&f.server_host, f.flow.server)),
                    service(f),
                    n.protocol,
                    n.method,
                    n.control_client,
                    n.control_client_port,
                    n.control_server,
                    n.control_server_port,
                    ts(n.announced_at),
                    f.verdict.as_str()
                )?;
            }
        }
        writeln!(out)?;
    }

    // Per pack: which rules were seen.
    writeln!(out, "## Rules seen, per pack")?;
    writeln!(out)?;
    for pack in input.rules.packs() {
        let used: Vec<_> = pack
            .rules
            .iter()
            .filter_map(|r| a.rule_use.get(&r.id).map(|u| (r, u)))
            .collect();
        let doc = &pack.document;
        writeln!(
            out,
            "### {} ({}{})",
            cell(&pack.title),
            cell(&doc.short),
            doc.publication
                .as_deref()
                .filter(|p| *p != doc.short)
                .map(|p| format!(", {}", cell(p)))
                .unwrap_or_default()
        )?;
        writeln!(out)?;
        if used.is_empty() {
            writeln!(out, "No flow matched a rule of this pack.")?;
        } else {
            writeln!(out, "| rule | kind | flows | packets | purpose | cite |")?;
            writeln!(out, "|---|---|---:|---:|---|---|")?;
            for (r, u) in used {
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} |",
                    cell(&r.id),
                    r.kind,
                    u.flows,
                    u.packets,
                    cell(&r.purpose),
                    cell(&r.cite)
                )?;
            }
        }
        writeln!(out)?;
    }

    writeln!(out, "## Documented openings never used")?;
    writeln!(out)?;
    if a.unused.is_empty() {
        writeln!(out, "None.")?;
    } else {
        writeln!(
            out,
            "Rules that apply to hosts of this site but carried no traffic: candidates for closing the firewall opening (least privilege), unless they serve occasional work (the level says)."
        )?;
        writeln!(out)?;
        writeln!(
            out,
            "| rule | level | service | host pairs | purpose | cite |"
        )?;
        writeln!(out, "|---|---|---|---:|---|---|")?;
        for u in &a.unused {
            writeln!(
                out,
                "| {} | {} | {} {} | {} | {} | {} |",
                cell(&u.rule),
                cell(&u.level),
                u.proto,
                u.ports,
                u.host_pairs,
                cell(&u.purpose),
                cell(&u.cite)
            )?;
        }
    }
    writeln!(out)?;

    writeln!(out, "## Captures")?;
    writeln!(out)?;
    writeln!(
        out,
        "| file | packets | first | last | decode errors | complete | error |"
    )?;
    writeln!(out, "|---|---:|---|---|---:|---|---|")?;
    let cov = input.coverage;
    for f in &cov.files {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            cell(&f.file),
            f.packets,
            f.first_seen.map(ts).unwrap_or_default(),
            f.last_seen.map(ts).unwrap_or_default(),
            f.decode_errors,
            if f.complete { "yes" } else { "**no**" },
            cell(
                f.error
                    .as_ref()
                    .map(|e| e.message.as_str())
                    .unwrap_or_default()
            )
        )?;
    }
    if let Some(live) = &cov.live {
        write_live(out, live)?;
    }
    let c = &cov.capture;
    let fs = input.flow_stats;
    writeln!(out)?;
    writeln!(
        out,
        "{} packets ({} IP), {} flows ({} finished early because the table was full), {} ICMP errors ({} quoting no known flow), {} announcements ({} dropped: table full).",
        c.packets, c.ip_packets, fs.flows, fs.evicted, fs.icmp_errors, fs.icmp_errors_unmatched,
        fs.expectations.announced, fs.expectations.dropped_full
    )?;
    let r = fs.records;
    if r.folded > 0 || r.dropped > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "More flows than `--max-flow-records`: {} finished flows were folded into {} records that differ only in the client port (counters summed){}.",
            r.folded,
            r.aggregates,
            if r.dropped > 0 {
                format!("; **{} flows were only counted**, the aggregates being full too", r.dropped)
            } else {
                String::new()
            }
        )?;
    }
    if !c.non_ip.is_empty() {
        let parts: Vec<String> = c.non_ip.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        writeln!(out)?;
        writeln!(out, "Non-IP frames by EtherType: {}.", parts.join(", "))?;
    }
    Ok(())
}

/// The live-capture section: libpcap's counters and the gaps, so the auditor sees how
/// complete the picture is.
fn write_live(out: &mut dyn Write, live: &LiveCoverage) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "## Live capture")?;
    writeln!(out)?;
    writeln!(
        out,
        "Started {}, written {}; {}{}.",
        cell(&live.started.to_rfc3339_seconds()),
        cell(&live.written.to_rfc3339_seconds()),
        if live.in_progress {
            "periodic report, capture still running"
        } else {
            "final report"
        },
        if live.partial() {
            "; **the picture is partial** (see drops and gaps)"
        } else {
            ""
        }
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "| interface | received | dropped by kernel | dropped by interface | gaps | capturing |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|---|")?;
    for i in &live.interfaces {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            cell(&i.name),
            i.received,
            i.dropped_by_kernel,
            i.dropped_by_interface,
            i.gaps_total,
            if i.capturing { "yes" } else { "no" }
        )?;
        for g in &i.gaps {
            writeln!(
                out,
                "|  gap | {} to {} | {} | | | |",
                cell(&g.from.to_rfc3339_seconds()),
                cell(
                    &g.to
                        .map(|t| t.to_rfc3339_seconds())
                        .unwrap_or_else(|| "(still down)".to_string())
                ),
                cell(&g.reason)
            )?;
        }
    }
    Ok(())
}
