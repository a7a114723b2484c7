//! The Markdown report: what an auditor reads first. One function per section, in the order
//! the report prints them.

use std::io::{self, BufWriter, Write};

use tapaudit_rules::Pack;
use tapaudit_vocab::LiveCoverage;

use crate::view::{timestamp as ts, Host, Outcome, ReportView, Service};

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

/// A host in a table cell: the inventory name, or the address marked as outside the
/// inventory.
fn host_cell(h: Host<'_>) -> String {
    match h {
        Host::Known(name) => cell(name),
        Host::Outside(ip) => format!("{ip} (not in inventory)"),
        Host::ManyOutside(n) => format!("{n} addresses (not in inventory)"),
    }
}

pub(crate) fn write(view: &ReportView<'_>, out: &mut dyn Write) -> io::Result<()> {
    // Many small writes: a buffer of a concrete type takes them inline.
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let out = &mut out;
    write_head(view, out)?;
    write_counts(view, out)?;
    write_violations(view, out)?;
    write_undocumented(view, out)?;
    write_missing(view, out)?;
    write_resolved(view, out)?;
    write_negotiated(view, out)?;
    crate::services::write_markdown(view, out)?;
    write_rules(view, out)?;
    write_unused(view, out)?;
    write_exceptions(view, out)?;
    crate::zones::write_markdown(view, out)?;
    write_captures(view, out)?;
    write_evidence(view, out)?;
    write_compliance(view, out)?;
    out.flush()
}

/// Which section gives evidence toward which clause (crate::compliance).
fn write_compliance(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "## Compliance view")?;
    writeln!(out)?;
    writeln!(out, "{}", crate::compliance::DISCLAIMER)?;
    writeln!(out)?;
    writeln!(out, "| report section | evidence toward | what it shows |")?;
    writeln!(out, "|---|---|---|")?;
    for r in crate::compliance::rows(view) {
        writeln!(out, "| {} | {} | {} |", r.section, r.clauses, r.evidence)?;
    }
    Ok(())
}

/// The title, the verdict line and, for a partial picture, what was not read.
fn write_head(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "# tapaudit report: {}", cell(view.site_name))?;
    writeln!(out)?;
    let zones = crate::zones::ZoneRows::of(view)
        .map(|z| format!(", {} zone crossing(s) outside any conduit", z.findings()))
        .unwrap_or_default();
    writeln!(
        out,
        "**Verdict: {}**: {} violation(s), {} undocumented flow(s), {} required flow(s) missing or blocked{zones}, out of {} flow(s).",
        view.outcome.word(),
        view.verdicts.violation,
        view.verdicts.undocumented,
        view.missing.total(),
        view.flows
    )?;
    writeln!(out)?;
    if let Some(window) = view.live_window() {
        writeln!(out, "{}.", cell(&window))?;
        writeln!(out)?;
    }
    write_baseline_line(view, out)?;
    if view.assessment.partial() {
        let head = match view.outcome {
            Outcome::Inconclusive => "**Inconclusive.** The evidence cannot support a pass:",
            _ => "**Partial result.** The evidence falls short:",
        };
        writeln!(out, "> {head}")?;
        for r in &view.assessment.reasons {
            writeln!(out, "> - {}", cell(r))?;
        }
        if view.coverage.in_progress() {
            writeln!(
                out,
                "> - live capture still running: this is a periodic report"
            )?;
        }
        writeln!(out)?;
    } else if !view.complete {
        if view.coverage.incomplete_files().next().is_none() {
            writeln!(
                out,
                "> **Partial result.** The live capture lost packets or had gaps (see Live capture)."
            )?;
        } else {
            writeln!(
                out,
                "> **Partial result.** Not every input was read to its end:"
            )?;
        }
        for f in view.coverage.incomplete_files() {
            let err = f
                .error
                .as_ref()
                .map(|e| e.message.as_str())
                .unwrap_or_default();
            writeln!(out, "> - {}", cell(err))?;
        }
        if view.coverage.in_progress() {
            writeln!(
                out,
                "> - live capture still running: this is a periodic report"
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// With `--baseline`: the baseline, and how many findings are new, known and resolved.
fn write_baseline_line(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let Some(b) = &view.baseline else {
        return Ok(());
    };
    writeln!(
        out,
        "**Baseline: {} new, {} known, {} resolved** (baseline {}, SHA-256 `{}`). Known findings are marked and do not fail the run; only new ones do.",
        b.new,
        b.known,
        b.resolved.len(),
        cell(b.file()),
        b.baseline.sha256
    )?;
    writeln!(out)
}

/// The `baseline` column of a finding's row: `known` or `**new**` (nothing without one).
fn baseline_cell(known: Option<bool>) -> &'static str {
    match known {
        Some(true) => " known |",
        Some(false) => " **new** |",
        None => "",
    }
}

/// The header and rule of the `baseline` column, when there is a baseline.
fn baseline_head(view: &ReportView<'_>) -> (&'static str, &'static str) {
    if view.baseline.is_some() {
        (" baseline |", "---|")
    } else {
        ("", "")
    }
}

/// With `--baseline`: the baseline's findings this report no longer has.
fn write_resolved(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let Some(b) = &view.baseline else {
        return Ok(());
    };
    writeln!(out, "## Resolved since the baseline")?;
    writeln!(out)?;
    if b.resolved.is_empty() {
        writeln!(out, "None.")?;
    } else {
        tapaudit_diff::findings_table(out, &b.resolved)?;
    }
    writeln!(out)
}

/// The table of counts, and the note on encrypted DCE-RPC.
fn write_counts(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "| | count |")?;
    writeln!(out, "|---|---:|")?;
    for (v, n) in view.verdicts.iter() {
        writeln!(out, "| {} flows | {n} |", v.as_str())?;
    }
    for (e, n) in view.evidence.iter() {
        writeln!(out, "| documented by {} | {n} |", e.as_str())?;
    }
    writeln!(
        out,
        "| required flows missing or blocked | {} |",
        view.missing.total()
    )?;
    writeln!(out, "| documented openings never used | {} |", view.unused)?;
    if let Some(z) = crate::zones::ZoneRows::of(view) {
        writeln!(
            out,
            "| zone crossings outside any conduit | {} |",
            z.findings()
        )?;
    }
    let enc = view.encrypted_dcerpc_pdus;
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
    Ok(())
}

/// Violations, one line each.
fn write_violations(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "## Violations")?;
    writeln!(out)?;
    if view.verdicts.violation == 0 {
        writeln!(out, "None.")?;
    } else {
        let (head, rule) = baseline_head(view);
        writeln!(
            out,
            "| client | server | service | state | first seen | rule | reason | cite |{head}"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|---|{rule}")?;
        for f in view.violations() {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |{}",
                host_cell(Host::client(f)),
                host_cell(Host::server(f)),
                Service::of(f),
                f.flow.state.as_str(),
                ts(f.flow.first_seen),
                cell(f.rule.as_deref().unwrap_or("")),
                cell(&f.reason()),
                cell(f.cite.as_deref().unwrap_or("")),
                baseline_cell(view.baseline.as_ref().and_then(|b| b.flow(f))),
            )?;
        }
    }
    writeln!(out)
}

/// Undocumented flows, a line per group.
fn write_undocumented(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "## Undocumented flows")?;
    writeln!(out)?;
    let groups = view.undocumented_groups();
    if groups.is_empty() {
        writeln!(out, "None.")?;
    } else {
        let (head, rule) = baseline_head(view);
        writeln!(
            out,
            "| client | server | service | flows | packets | bytes | first seen | last seen | states | reason |{head}"
        )?;
        writeln!(out, "|---|---|---|---:|---:|---:|---|---|---|---|{rule}")?;
        for g in groups.iter() {
            let states: Vec<String> = g.states().map(|(k, v)| format!("{k} {v}")).collect();
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |{}",
                host_cell(g.client()),
                host_cell(g.server()),
                g.service(),
                g.count(),
                g.packets(),
                g.bytes(),
                ts(g.first()),
                ts(g.last()),
                states.join(", "),
                cell(&g.reason()),
                baseline_cell(view.baseline.as_ref().map(|b| b.group(&g))),
            )?;
        }
    }
    writeln!(out)
}

/// Required flows missing or blocked.
fn write_missing(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "## Required flows missing or blocked")?;
    writeln!(out)?;
    let missing = &view.audit.missing;
    if missing.is_empty() {
        writeln!(out, "None.")?;
    } else {
        let (head, rule) = baseline_head(view);
        writeln!(
            out,
            "| status | client | server | service | attempts | rule | purpose | cite |{head}"
        )?;
        writeln!(out, "|---|---|---|---|---:|---|---|---|{rule}")?;
        for m in missing {
            writeln!(
                out,
                "| {} | {} ({}) | {} ({}) | {} {} | {} | {} | {} | {} |{}",
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
                cell(&m.cite),
                baseline_cell(view.baseline.as_ref().map(|b| b.missing(m))),
            )?;
        }
    }
    writeln!(out)
}

/// Negotiated dynamic ports: how each was learnt (a section only when there are any).
fn write_negotiated(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    if view.negotiated == 0 {
        return Ok(());
    }
    writeln!(out, "## Dynamic ports learnt from the protocols")?;
    writeln!(out)?;
    writeln!(
        out,
        "| client | server | service | announced by | control connection | at | verdict |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|")?;
    for (f, n) in view.negotiated_flows() {
        writeln!(
            out,
            "| {} | {} | {} | {} {} | {}:{} -> {}:{} | {} | {}{} |",
            host_cell(Host::client(f)),
            host_cell(Host::server(f)),
            Service::of(f),
            n.protocol,
            n.method,
            n.control_client,
            n.control_client_port,
            n.control_server,
            n.control_server_port,
            ts(n.announced_at),
            f.verdict.as_str(),
            n.why_not_evidence()
                .map(|w| format!(" (not evidence: {w})"))
                .unwrap_or_default()
        )?;
    }
    writeln!(out)
}

/// Per pack: which rules judged flows.
fn write_rules(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "## Rules seen, per pack")?;
    writeln!(out)?;
    for pack in view.rules.packs() {
        write_pack(view, pack, out)?;
    }
    Ok(())
}

/// One pack: which of its rules judged flows.
fn write_pack(view: &ReportView<'_>, pack: &Pack, out: &mut impl Write) -> io::Result<()> {
    let used: Vec<_> = pack
        .rules
        .iter()
        .filter_map(|r| view.audit.rule_use.get(&r.id).map(|u| (r, u)))
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
    writeln!(out)
}

/// Documented openings that carried no traffic.
fn write_unused(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "## Documented openings never used")?;
    writeln!(out)?;
    let unused = &view.audit.unused;
    if unused.is_empty() {
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
        for u in unused {
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
    writeln!(out)
}

/// The site's exceptions: each with its status, then the flows each accepted and the
/// flows after an expiry (a section only when the site has exceptions).
pub(crate) fn write_exceptions(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let rows = view.exceptions();
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out, "## Site exceptions")?;
    writeln!(out)?;
    writeln!(
        out,
        "Flows the documents do not allow but the site accepts. **used**: it accepted flows; **expired**: it accepted none, and flows it names came after its expiry date (they are undocumented findings); **stale**: it matched no flow that needed it, a candidate to remove."
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "| # | status | from | to | service | expires | accepted | expired matches | reason | defined at | what it did |"
    )?;
    writeln!(out, "|---:|---|---|---|---|---|---:|---:|---|---|---|")?;
    for r in &rows {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            r.number,
            if r.status() == "used" {
                r.status().to_string()
            } else {
                format!("**{}**", r.status())
            },
            cell(&r.from.join(", ")),
            cell(&r.to.join(", ")),
            cell(&r.service),
            r.expires(),
            r.usage.accepted.len(),
            r.usage.expired.len(),
            cell(&r.exception.reason),
            cell(&r.defined_at),
            cell(&r.meaning()),
        )?;
    }
    writeln!(out)?;
    if rows.iter().any(|r| !r.usage.accepted.is_empty()) {
        writeln!(out, "### Flows accepted by an exception")?;
        writeln!(out)?;
        writeln!(
            out,
            "| # | client | server | service | state | first seen | packets | bytes |"
        )?;
        writeln!(out, "|---:|---|---|---|---|---|---:|---:|")?;
        for r in &rows {
            for f in r.accepted() {
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} | {} | {} |",
                    r.number,
                    host_cell(Host::client(f)),
                    host_cell(Host::server(f)),
                    Service::of(f),
                    f.flow.state.as_str(),
                    ts(f.flow.first_seen),
                    f.flow.packets_to_server + f.flow.packets_to_client,
                    f.flow.bytes_to_server + f.flow.bytes_to_client,
                )?;
            }
        }
        writeln!(out)?;
    }
    if rows.iter().any(|r| !r.usage.expired.is_empty()) {
        writeln!(out, "### Flows after an exception expired")?;
        writeln!(out)?;
        writeln!(
            out,
            "| # | expired on | client | server | service | first seen | finding |"
        )?;
        writeln!(out, "|---:|---|---|---|---|---|---|")?;
        for r in &rows {
            for f in r.expired() {
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} | {} |",
                    r.number,
                    r.expires(),
                    host_cell(Host::client(f)),
                    host_cell(Host::server(f)),
                    Service::of(f),
                    ts(f.flow.first_seen),
                    tapaudit_audit::FindingKey::of_flow(f)
                        .map(|k| k.id())
                        .unwrap_or_default(),
                )?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The capture files, the live capture, and the counters of the whole run.
fn write_captures(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "## Captures")?;
    writeln!(out)?;
    let cov = view.coverage;
    if !(cov.files.is_empty() && cov.live.is_some()) {
        writeln!(
            out,
            "| file | packets | first | last | decode errors | complete | error |"
        )?;
        writeln!(out, "|---|---:|---|---|---:|---|---|")?;
    }
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
    write_counters(view, out)
}

/// The evidence block: the build, the audit, and the hash of every input.
fn write_evidence(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    use crate::evidence::{interface_label, TOOL_VERSION};
    writeln!(out)?;
    writeln!(out, "## Evidence")?;
    writeln!(out)?;
    writeln!(out, "| | |")?;
    writeln!(out, "|---|---|")?;
    writeln!(out, "| tool | tapaudit {TOOL_VERSION} |")?;
    if let Some(run) = view.run {
        writeln!(out, "| build | {} |", cell(&run.build))?;
        writeln!(
            out,
            "| audit time | {} |",
            run.audit_time.to_rfc3339_seconds()
        )?;
        let label = |s: &Option<String>| {
            s.as_deref()
                .map(cell)
                .unwrap_or_else(|| "(not given)".into())
        };
        writeln!(out, "| auditor | {} |", label(&run.auditor))?;
        writeln!(out, "| sensor | {} |", label(&run.sensor))?;
    }
    if let Some((first, last)) = view.capture_span() {
        writeln!(out, "| capture window | {} to {} |", ts(first), ts(last))?;
    }
    match view.declared_drops() {
        Some(d) => writeln!(out, "| packets dropped (declared by the captures) | {d} |")?,
        None => writeln!(
            out,
            "| packets dropped (declared by the captures) | not stated by the capture files |"
        )?,
    }
    writeln!(out)?;
    writeln!(
        out,
        "Inputs, with the SHA-256 of each as read (check with `sha256sum` or `tapaudit verify`):"
    )?;
    writeln!(out)?;
    writeln!(out, "| input | file | SHA-256 | document |")?;
    writeln!(out, "|---|---|---|---|")?;
    for i in view.hashed_inputs() {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            i.kind,
            cell(i.name),
            i.sha256
                .map(|h| format!("`{h}`"))
                .unwrap_or_else(|| "(not read)".into()),
            i.document.as_deref().map(cell).unwrap_or_default()
        )?;
    }
    let rows: Vec<_> = view.interfaces().collect();
    if !rows.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "| file | interface | OS | link type | snaplen | packets | first | last | dropped |"
        )?;
        writeln!(out, "|---|---|---|---:|---:|---:|---|---|---:|")?;
        for r in &rows {
            let i = r.iface;
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                cell(r.file),
                cell(&interface_label(r)),
                i.os.as_deref().map(cell).unwrap_or_default(),
                i.link_type.number(),
                i.snaplen,
                i.packets,
                i.first_seen.map(ts).unwrap_or_default(),
                i.last_seen.map(ts).unwrap_or_default(),
                i.dropped
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "not stated".into()),
            )?;
        }
    }
    Ok(())
}

/// The run's counters: packets, flows, ICMP errors, announcements, records, non-IP frames.
fn write_counters(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let c = &view.coverage.capture;
    let fs = view.flow_stats;
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
    if c.timestamps_implausible > 0 || c.clock_steps > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "Implausible timestamps: {} packets stamped more than a day ahead of their input's clock or more than a minute behind it were processed at the clock's time (they age, split or end no flow, and the capture window ignores them); {} clock steps accepted.",
            c.timestamps_implausible, c.clock_steps
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
fn write_live(out: &mut impl Write, live: &LiveCoverage) -> io::Result<()> {
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
        "| interface | received | dropped by kernel | dropped by interface | duplicates | gaps | capturing |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|---:|---|")?;
    for i in &live.interfaces {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            cell(&i.name),
            i.received,
            i.dropped_by_kernel,
            i.dropped_by_interface,
            i.duplicates,
            i.gaps_total,
            if i.capturing { "yes" } else { "no" }
        )?;
        for g in &i.gaps {
            writeln!(
                out,
                "|  gap | {} to {} | {} | | | | |",
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
