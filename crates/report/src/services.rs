//! The "ports and services" section: for each host, every service it answered on during the
//! capture, when it was first and last seen, how many flows and clients used it, and the
//! documented need (the rule and its citation, or the site exception) or "no documented
//! need". NERC CIP-007 R1.1 asks for a documented need of every enabled port and CIP-010 R1
//! keeps a baseline of each asset's logical network accessible ports; this table is the
//! network's side of that baseline.
//!
//! Only answered flows count (a port that refused or never answered is not a service). The
//! ports a rule documents as one dynamic range (negotiated, or only inside the range) are one
//! row per range, with the number of distinct ports seen in it; every other port is a row of
//! its own. A host that answered one service under two needs (documented for one client,
//! undocumented for another) has a row per need.
//!
//! The rows are made here ([`rows`]); Markdown and JSON print them here, HTML in
//! `html/services.rs`.

use std::collections::HashMap;
use std::io::{self, Write};
use std::net::IpAddr;

use serde::Serialize;
use tapaudit_audit::{Evidence, JudgedFlow, Verdict};
use tapaudit_rules::PortRange;
use tapaudit_vocab::{IpProto, Timestamp};

use crate::markdown::cell;
use crate::view::{timestamp as ts, Host, ReportView};

/// Rows listed in the Markdown and HTML reports; the JSON report has every row.
pub(crate) const MAX_LISTED: usize = 2000;

/// One intro paragraph for every format.
pub(crate) const INTRO: &str = "Every service a host answered on during the capture (NERC CIP-007 R1.1: a documented need for each enabled port; CIP-010 R1: the baseline of logical network accessible ports), with the documented need: the rule and its citation, a site exception, or none. Ports a rule documents as a dynamic range are one row per range. Only answered flows count, and only what the capture saw: a port that carried no traffic is not listed, so this is not a port scan.";

/// The ports of a row: one port, a documented dynamic range, or none (ICMP).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Ports {
    None,
    Port(u16),
    Range(u16, u16),
}

/// Why the host may serve it, as the audit judged the flows of the row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Need<'a> {
    pub verdict: Verdict,
    pub evidence: Option<Evidence>,
    pub rule: Option<&'a str>,
    pub pack: Option<&'a str>,
    pub cite: Option<&'a str>,
}

impl Need<'_> {
    /// The need in words, for a table cell.
    pub fn text(&self, first: &JudgedFlow, one_client: bool) -> String {
        match (self.verdict, self.evidence) {
            (Verdict::Documented, Some(Evidence::Exception)) => first.reason().into_owned(),
            (Verdict::Documented, _) => format!(
                "{} ({}): {}",
                self.rule.unwrap_or("?"),
                self.evidence.map_or("documented", Evidence::as_str),
                self.cite.unwrap_or("")
            ),
            // The reason names the flow's hosts: right for a row of one client only.
            (Verdict::Violation, _) if one_client => {
                format!("no documented need (violation): {}", first.reason())
            }
            (Verdict::Violation, _) => format!(
                "no documented need (violation of {}): {}",
                self.rule.unwrap_or("a rule"),
                self.cite.unwrap_or("")
            ),
            (Verdict::Undocumented, _) => "no documented need (undocumented)".to_string(),
        }
    }
}

/// One host's service under one need.
pub(crate) struct ServiceRow<'a> {
    pub host: Host<'a>,
    pub address: IpAddr,
    pub proto: IpProto,
    pub ports: Ports,
    /// Distinct ports seen (1 for a single port, 0 for ICMP).
    pub ports_seen: usize,
    pub lowest_port: Option<u16>,
    pub highest_port: Option<u16>,
    pub first_seen: Timestamp,
    pub last_seen: Timestamp,
    pub flows: u64,
    pub packets: u64,
    /// Distinct client addresses.
    pub clients: usize,
    pub need: Need<'a>,
    /// The row's first flow: its reason words an exception's need.
    first: &'a JudgedFlow,
}

impl ServiceRow<'_> {
    /// `tcp/502`, `tcp/1024-5000 (dynamic)`, `icmp`.
    pub fn service(&self) -> String {
        match self.ports {
            Ports::None => self.proto.to_string(),
            Ports::Port(p) => format!("{}/{p}", self.proto),
            Ports::Range(a, b) => format!("{}/{a}-{b} (dynamic)", self.proto),
        }
    }
    /// The ports seen in a range row: `3 ports, 1024-1100`; empty for other rows.
    pub fn ports_seen_text(&self) -> String {
        match (self.ports, self.lowest_port, self.highest_port) {
            (Ports::Range(..), Some(lo), Some(hi)) if lo == hi => format!("1 port, {lo}"),
            (Ports::Range(..), Some(lo), Some(hi)) => {
                format!("{} ports, {lo}-{hi}", self.ports_seen)
            }
            _ => String::new(),
        }
    }
    /// `502`, `1024-5000` for a range, empty for ICMP (the JSON's `ports`, as text).
    pub fn ports_field(&self) -> String {
        match self.ports {
            Ports::None => String::new(),
            Ports::Port(p) => p.to_string(),
            Ports::Range(a, b) => format!("{a}-{b}"),
        }
    }
    pub fn need_text(&self) -> String {
        self.need.text(self.first, self.clients == 1)
    }
}

/// The row a flow belongs to.
#[derive(PartialEq, Eq, Hash)]
struct Key<'a> {
    server: IpAddr,
    proto: IpProto,
    ports: Ports,
    need: Need<'a>,
}

/// What is gathered per row while the flows are read.
struct Acc<'a> {
    first: &'a JudgedFlow,
    first_seen: Timestamp,
    last_seen: Timestamp,
    flows: u64,
    packets: u64,
    clients: Vec<IpAddr>,
    ports: Vec<u16>,
}

/// The documented dynamic range the flow's port was judged by, when its rule has one.
fn documented_range(view: &ReportView<'_>, f: &JudgedFlow, port: u16) -> Option<PortRange> {
    if !matches!(f.evidence, Some(Evidence::Negotiated | Evidence::Range)) {
        return None;
    }
    let rule = view.rules.rule(f.rule.as_deref()?)?;
    rule.ports
        .ranges()
        .iter()
        .copied()
        .find(|r| !r.is_single() && r.contains(port))
}

/// Every row, sorted by host label, address, protocol and ports.
pub(crate) fn rows<'a>(view: &ReportView<'a>) -> Vec<ServiceRow<'a>> {
    let mut acc: HashMap<Key<'a>, Acc<'a>> = HashMap::new();
    for f in view.audit.flows.iter() {
        if !f.flow.state.is_answered() {
            continue;
        }
        let ports = match f.flow.server_port {
            None => Ports::None,
            Some(p) => match documented_range(view, f, p) {
                Some(r) => Ports::Range(r.start, r.end),
                None => Ports::Port(p),
            },
        };
        let key = Key {
            server: f.flow.server,
            proto: f.flow.proto,
            ports,
            need: Need {
                verdict: f.verdict,
                evidence: f.evidence,
                rule: f.rule.as_deref(),
                pack: f.pack.as_deref(),
                cite: f.cite.as_deref(),
            },
        };
        let a = acc.entry(key).or_insert_with(|| Acc {
            first: f,
            first_seen: f.flow.first_seen,
            last_seen: f.flow.last_seen,
            flows: 0,
            packets: 0,
            clients: Vec::new(),
            ports: Vec::new(),
        });
        a.first_seen = a.first_seen.min(f.flow.first_seen);
        a.last_seen = a.last_seen.max(f.flow.last_seen);
        a.flows += 1;
        a.packets += f.flow.packets_to_server + f.flow.packets_to_client;
        a.clients.push(f.flow.client);
        if let (Ports::Range(..), Some(p)) = (ports, f.flow.server_port) {
            a.ports.push(p);
        }
    }
    let mut rows: Vec<ServiceRow<'a>> = acc
        .into_iter()
        .map(|(k, mut a)| {
            a.clients.sort_unstable();
            a.clients.dedup();
            a.ports.sort_unstable();
            a.ports.dedup();
            let (lowest_port, highest_port, ports_seen) = match k.ports {
                Ports::None => (None, None, 0),
                Ports::Port(p) => (Some(p), Some(p), 1),
                Ports::Range(..) => (
                    a.ports.first().copied(),
                    a.ports.last().copied(),
                    a.ports.len(),
                ),
            };
            ServiceRow {
                host: Host::server(a.first),
                address: k.server,
                proto: k.proto,
                ports: k.ports,
                ports_seen,
                lowest_port,
                highest_port,
                first_seen: a.first_seen,
                last_seen: a.last_seen,
                flows: a.flows,
                packets: a.packets,
                clients: a.clients.len(),
                need: k.need,
                first: a.first,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let known = |r: &ServiceRow<'_>| !matches!(r.host, Host::Known(_));
        (
            known(a),
            a.host.label(),
            a.address,
            a.proto.number(),
            a.ports,
        )
            .cmp(&(
                known(b),
                b.host.label(),
                b.address,
                b.proto.number(),
                b.ports,
            ))
            .then_with(|| a.first_seen.cmp(&b.first_seen))
            .then_with(|| a.need_text().cmp(&b.need_text()))
    });
    rows
}

/// The Markdown section (always present: "None." when no flow was answered).
pub(crate) fn write_markdown(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let rows = rows(view);
    writeln!(out, "## Ports and services per host")?;
    writeln!(out)?;
    if rows.is_empty() {
        writeln!(out, "None: no flow was answered.")?;
        return writeln!(out);
    }
    writeln!(out, "{INTRO}")?;
    writeln!(out)?;
    writeln!(
        out,
        "| host | address | service | ports seen | first seen | last seen | flows | clients | documented need |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---:|---:|---|")?;
    for r in rows.iter().take(MAX_LISTED) {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&r.host.label()),
            r.address,
            r.service(),
            r.ports_seen_text(),
            ts(r.first_seen),
            ts(r.last_seen),
            r.flows,
            r.clients,
            cell(&r.need_text())
        )?;
    }
    if rows.len() > MAX_LISTED {
        writeln!(out)?;
        writeln!(
            out,
            "{} more rows are not listed here; the JSON report has every row.",
            rows.len() - MAX_LISTED
        )?;
    }
    writeln!(out)
}

/// One row in the JSON report.
#[derive(Serialize)]
pub(crate) struct ServiceJson<'a> {
    /// The inventory name, or null outside the inventory.
    host: Option<&'a str>,
    address: IpAddr,
    proto: IpProto,
    /// `502`, `1024-5000` for a documented dynamic range, null for ICMP.
    ports: Option<String>,
    dynamic: bool,
    ports_seen: usize,
    lowest_port: Option<u16>,
    highest_port: Option<u16>,
    first_seen: String,
    last_seen: String,
    flows: u64,
    packets: u64,
    clients: usize,
    verdict: Verdict,
    evidence: Option<Evidence>,
    rule: Option<&'a str>,
    pack: Option<&'a str>,
    cite: Option<&'a str>,
    /// The need in words, as the Markdown table says it.
    need: String,
}

/// Every row, for the JSON report's `services`.
pub(crate) fn json<'a>(view: &ReportView<'a>) -> Vec<ServiceJson<'a>> {
    rows(view)
        .into_iter()
        .map(|r| ServiceJson {
            host: match r.host {
                Host::Known(n) => Some(n),
                _ => None,
            },
            address: r.address,
            proto: r.proto,
            ports: (r.ports != Ports::None).then(|| r.ports_field()),
            dynamic: matches!(r.ports, Ports::Range(..)),
            ports_seen: r.ports_seen,
            lowest_port: r.lowest_port,
            highest_port: r.highest_port,
            first_seen: ts(r.first_seen),
            last_seen: ts(r.last_seen),
            flows: r.flows,
            packets: r.packets,
            clients: r.clients,
            verdict: r.need.verdict,
            evidence: r.need.evidence,
            rule: r.need.rule,
            pack: r.need.pack,
            cite: r.need.cite,
            need: r.need_text(),
        })
        .collect()
}
