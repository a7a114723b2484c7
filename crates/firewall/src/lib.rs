//! tapaudit-firewall: the firewall rules the vendors' documents imply for one site, host
//! pair by host pair, printed as an nftables ruleset, Windows Defender Firewall PowerShell
//! lines or CSV.
//!
//! Owns: expanding every rule of the packs onto the inventory hosts bound to its roles
//! ([`plan`]), and, given an audit of captures, marking the openings the captures never used
//! (candidates to close) and narrowing negotiated dynamic ranges to the ports that were
//! announced, with the announcement as evidence.
//!
//! Promises: every opening names the rule it comes from and the document's citation; deny
//! rules become explicit drops; output is deterministic (sorted, no wall-clock time);
//! text that came from rule or site files (host names, citations) cannot break out of the
//! comment or string it is printed in (CSV: quoted by the `csv` crate, spreadsheet formulas
//! neutralised). No I/O besides the writer it is given.

#![forbid(unsafe_code)]

mod csv;
mod nft;
mod text;
mod windows;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use ipnet::IpNet;
use tapaudit_audit::{AuditResult, Evidence, JudgedFlow, Verdict};
use tapaudit_rules::{Endpoint, Platform, PortSet, Rule, RuleKind, RuleSet, Site};
use tapaudit_vocab::{ControlProtocol, Timestamp, Transport};

pub use csv::{write as write_csv, FIREWALL_CSV_COLUMNS};
pub use nft::{write as write_nftables, write_mode as write_nftables_mode, NftMode};
pub use windows::{
    name_part as windows_name_part, write as write_windows, write_with as write_windows_with,
    Profile, RpcPorts, WindowsOptions,
};

/// Output formats of `tapaudit firewall`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Nftables,
    Windows,
    Csv,
}

/// [`render`], nftables as `mode` (a forward base chain, a chain to jump to, host rulesets).
pub fn render_mode(
    format: Format,
    mode: NftMode,
    plan: &Plan,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Nftables => nft::write_mode(plan, mode, out),
        f => render(f, plan, out),
    }
}

/// How each format is written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RenderOptions {
    pub nft_mode: NftMode,
    pub windows: WindowsOptions,
}

/// [`render`] with every option.
pub fn render_with(
    format: Format,
    opts: &RenderOptions,
    plan: &Plan,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Nftables => nft::write_mode(plan, opts.nft_mode, out),
        Format::Windows => windows::write_with(plan, &opts.windows, out),
        Format::Csv => csv::write(plan, out),
    }
}

/// A file written for one host: `(file name, contents)`.
pub type HostFile = (String, Vec<u8>);

/// One file per host, for the formats that are loaded on the hosts themselves (Windows, and
/// nftables in host mode): `(file name, bytes)` sorted by host, file names `HOST.ps1` /
/// `HOST.nft` made safe ([`host_file_name`]). None for the other formats.
pub fn render_per_host(
    format: Format,
    opts: &RenderOptions,
    plan: &Plan,
) -> io::Result<Option<Vec<HostFile>>> {
    let (files, ext) = match (format, opts.nft_mode) {
        (Format::Windows, _) => (windows::per_host(plan, &opts.windows)?, "ps1"),
        (Format::Nftables, NftMode::Host) => (nft::per_host(plan)?, "nft"),
        _ => return Ok(None),
    };
    Ok(Some(
        files
            .into_iter()
            .map(|(host, bytes)| (format!("{}.{ext}", host_file_name(&host)), bytes))
            .collect(),
    ))
}

/// A host name as a file name: the name the rules use for a peer (`windows_name_part`:
/// letters, digits, `.`, `-`, `_`, with a hash when changed), never starting with a dot.
pub fn host_file_name(host: &str) -> String {
    let n = windows::name_part(host);
    if n.starts_with('.') {
        format!("_{n}")
    } else {
        n
    }
}

/// Prints the plan in `format`.
pub fn render(format: Format, plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Nftables => nft::write(plan, out),
        Format::Windows => windows::write(plan, out),
        Format::Csv => csv::write(plan, out),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Action {
    /// Deny rules first: they must win over any broader opening.
    Drop,
    Accept,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Accept => "accept",
            Action::Drop => "drop",
        }
    }
}

/// One side of an opening: an inventory host (or, for a site exception, an address block).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Side {
    pub name: String,
    pub addresses: Vec<IpNet>,
}

/// Where an opening comes from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// A rule of a pack: the document's citation.
    Document { pack: String, level: String },
    /// A site exception (only with `include_exceptions`): the site's reason.
    Exception { expires: Option<String> },
}

/// How a dynamic port was learnt: the announcement that justifies a narrowed opening.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Announcement {
    pub at: Timestamp,
    pub port: u16,
    /// `ftp`, `onc-rpc-portmap`, `dcerpc-epm`.
    pub protocol: String,
    /// `PASV`, `GETPORT`, `ept_map`, ...
    pub method: String,
    /// `client:port -> server:port` of the control connection.
    pub control: String,
}

/// What the captures showed for one opening.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Observed {
    /// Documented flows this opening carried that the server answered (the opening was
    /// used).
    pub flows: u64,
    /// Packets of those flows.
    pub packets: u64,
    /// Server ports those answered flows used, sorted.
    pub ports: Vec<u16>,
    /// Attempts that were never answered (unanswered, refused or blocked): the client
    /// wanted the opening, but the captures do not show it working.
    pub attempts: u64,
    /// Packets of those attempts.
    pub attempt_packets: u64,
    /// Server ports of those attempts, sorted.
    pub attempt_ports: Vec<u16>,
    /// Set when a negotiated range was narrowed to the announced ports of answered flows.
    pub narrowed: Option<Vec<Announcement>>,
    /// Why a negotiated range was not narrowed although it carried traffic or attempts.
    pub not_narrowed: Option<String>,
}

/// One line of the firewall: a host pair, a protocol, the ports, and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opening {
    pub action: Action,
    /// Rule id, or `site-exception-N` (1-based, in site file order).
    pub rule: String,
    pub origin: Origin,
    pub client: Side,
    pub server: Side,
    pub proto: Transport,
    /// What the firewall opens (or drops): the documented ports, narrowed when observed.
    pub ports: PortSet,
    /// What the document (with the site's overrides) says.
    pub documented_ports: PortSet,
    /// The control protocols that may announce its ports (empty: none).
    pub negotiated_by: Vec<ControlProtocol>,
    /// The document citation, or the exception's reason.
    pub cite: String,
    pub purpose: String,
    /// None without captures.
    pub observed: Option<Observed>,
}

impl Opening {
    /// True when captures were given and this allow opening carried none of their traffic,
    /// not even an attempt (an opening a client tried to use is wanted, though it did not
    /// work: the audit lists it as missing).
    pub fn candidate_to_close(&self) -> bool {
        self.action == Action::Accept
            && self
                .observed
                .as_ref()
                .is_some_and(|o| o.flows == 0 && o.attempts == 0)
    }

    pub fn level(&self) -> &str {
        match &self.origin {
            Origin::Document { .. } if self.action == Action::Drop => "deny",
            Origin::Document { level, .. } => level,
            Origin::Exception { .. } => "site exception",
        }
    }

    /// True when the port set is every port (a deny of "any"): printed without a port match.
    pub fn all_ports(&self) -> bool {
        matches!(self.ports.ranges(), [r] if r.start <= 1 && r.end == u16::MAX)
    }
}

/// Flows of the captures the plan would not let through, for the header.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ObservedSummary {
    pub flows: usize,
    pub undocumented: usize,
    pub violations: usize,
}

/// An inventory host and the platforms its roles declare (docs/rules.md, `platform`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanHost {
    pub side: Side,
    /// Empty when no role of the host says; more than one when its roles disagree.
    pub platforms: BTreeSet<Platform>,
}

impl PlanHost {
    /// True when the host's roles say Windows and nothing else: it gets a Windows script.
    pub fn is_windows(&self) -> bool {
        self.platforms.len() == 1 && self.platforms.contains(&Platform::Windows)
    }

    /// Why the host gets no Windows script, for the script's header.
    pub fn platform_text(&self) -> String {
        if self.platforms.is_empty() {
            "no role declares a platform".to_string()
        } else {
            let v: Vec<&str> = self.platforms.iter().map(|p| p.as_str()).collect();
            if v.len() > 1 {
                format!("its roles disagree: {}", v.join(", "))
            } else {
                v.join(", ")
            }
        }
    }
}

/// Every opening for a site.
#[derive(Clone, Debug)]
pub struct Plan {
    pub site: String,
    pub site_source: String,
    /// Every host of the site, sorted by name, with its platforms.
    pub hosts: Vec<PlanHost>,
    /// `(pack id, document short name, document title)` of every loaded pack.
    pub documents: Vec<(String, String, String)>,
    /// Drops first, then by client host, server host, rule, protocol.
    pub openings: Vec<Opening>,
    pub observed: Option<ObservedSummary>,
    /// Dynamic ranges were kept although captures were given (`--keep-ranges`).
    pub kept_ranges: bool,
}

/// What to build.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Add the site's exceptions (not from the documents) as openings.
    pub include_exceptions: bool,
    /// With captures: keep negotiated ranges as documented instead of narrowing them.
    pub keep_ranges: bool,
}

fn side(h: &tapaudit_rules::Host) -> Side {
    Side {
        name: h.name.clone(),
        addresses: h.addresses.clone(),
    }
}

type PairKey<'a> = (&'a str, &'a str, &'a str, Transport);

/// Documented flows by (rule, client host, server host, protocol).
fn documented_index(audit: &AuditResult) -> BTreeMap<PairKey<'_>, Vec<&JudgedFlow>> {
    let mut idx: BTreeMap<PairKey<'_>, Vec<&JudgedFlow>> = BTreeMap::new();
    for f in &audit.flows {
        if f.verdict != Verdict::Documented {
            continue;
        }
        let (Some(rule), Some(c), Some(s), Some(p)) = (
            &f.rule,
            &f.client_host,
            &f.server_host,
            f.flow.proto.transport(),
        ) else {
            continue;
        };
        idx.entry((rule.as_str(), c.as_str(), s.as_str(), p))
            .or_default()
            .push(f);
    }
    idx
}

fn sorted_ports(flows: &[&JudgedFlow]) -> Vec<u16> {
    let mut ports: Vec<u16> = flows.iter().filter_map(|f| f.flow.server_port).collect();
    ports.sort_unstable();
    ports.dedup();
    ports
}

fn packets(flows: &[&JudgedFlow]) -> u64 {
    flows
        .iter()
        .map(|f| f.flow.packets_to_server + f.flow.packets_to_client)
        .sum()
}

/// What the documented flows of one opening show. Only answered flows count as use and
/// narrow a range: three SYNs nobody answered say that a client wanted the port, not that
/// the port works.
fn observe(rule: &Rule, flows: &[&JudgedFlow], keep_ranges: bool) -> (Observed, Option<PortSet>) {
    let (answered, attempts): (Vec<&JudgedFlow>, Vec<&JudgedFlow>) =
        flows.iter().partition(|f| f.flow.state.is_answered());
    let mut obs = Observed {
        flows: answered.len() as u64,
        packets: packets(&answered),
        ports: sorted_ports(&answered),
        attempts: attempts.len() as u64,
        attempt_packets: packets(&attempts),
        attempt_ports: sorted_ports(&attempts),
        narrowed: None,
        not_narrowed: None,
    };
    if rule.negotiated_by.is_empty() || flows.is_empty() {
        return (obs, None);
    }
    if keep_ranges {
        obs.not_narrowed = Some("ranges kept as documented (--keep-ranges)".to_string());
        return (obs, None);
    }
    if answered.is_empty() {
        obs.not_narrowed = Some("no attempt was answered, so no port is known to work".into());
        return (obs, None);
    }
    let unannounced = answered
        .iter()
        .filter(|f| f.evidence != Some(Evidence::Negotiated))
        .count();
    if unannounced > 0 {
        obs.not_narrowed = Some(format!(
            "{unannounced} flow(s) used the range without an announcement in the captures"
        ));
        return (obs, None);
    }
    let mut ann: Vec<Announcement> = answered
        .iter()
        .filter_map(|f| {
            let n = f.flow.negotiated_by.as_deref()?;
            Some(Announcement {
                at: n.announced_at,
                port: f.flow.server_port?,
                protocol: n.protocol.to_string(),
                method: n.method.to_string(),
                control: format!(
                    "{} -> {}",
                    sock(n.control_client, n.control_client_port),
                    sock(n.control_server, n.control_server_port)
                ),
            })
        })
        .collect();
    ann.sort();
    ann.dedup();
    let narrowed = PortSet::from_ports(&obs.ports);
    obs.narrowed = Some(ann);
    (obs, Some(narrowed))
}

/// An address block, or just the address when it is a single host (`/32`, `/128`).
pub(crate) fn addr_text(net: &IpNet) -> String {
    if net.prefix_len() == net.max_prefix_len() {
        net.addr().to_string()
    } else {
        net.to_string()
    }
}

fn sock(ip: std::net::IpAddr, port: u16) -> String {
    match ip {
        std::net::IpAddr::V4(a) => format!("{a}:{port}"),
        std::net::IpAddr::V6(a) => format!("[{a}]:{port}"),
    }
}

/// The openings the packs require for `site`, host pair by host pair. With `observed` (the
/// audit of captures of this site), each opening says whether it was used, and negotiated
/// ranges are narrowed to the announced ports unless `options.keep_ranges`.
pub fn plan(
    rules: &RuleSet,
    site: &Site,
    observed: Option<&AuditResult>,
    options: Options,
) -> Plan {
    let roles: Vec<Vec<String>> = site
        .hosts
        .iter()
        .map(|h| rules.expand_roles(&h.roles))
        .collect();
    let index = observed.map(documented_index);
    let mut openings = Vec::new();
    for rule in rules.rules() {
        let bound = |wanted: &[String]| -> Vec<usize> {
            (0..site.hosts.len())
                .filter(|&i| {
                    roles
                        .get(i)
                        .is_some_and(|r| wanted.iter().any(|w| r.contains(w)))
                })
                .collect()
        };
        let clients = bound(&rule.from);
        let servers = bound(&rule.to);
        let documented = rules.effective_ports(rule, Some(site));
        for &ci in &clients {
            for &si in &servers {
                let (Some(c), Some(s)) = (site.hosts.get(ci), site.hosts.get(si)) else {
                    continue;
                };
                if ci == si {
                    continue;
                }
                for &proto in &rule.protocols {
                    let (obs, narrowed) = match &index {
                        None => (None, None),
                        Some(idx) => {
                            let flows = idx
                                .get(&(rule.id.as_str(), c.name.as_str(), s.name.as_str(), proto))
                                .map(Vec::as_slice)
                                .unwrap_or(&[]);
                            let (o, n) = observe(rule, flows, options.keep_ranges);
                            (Some(o), n)
                        }
                    };
                    openings.push(Opening {
                        action: match rule.kind {
                            RuleKind::Allow => Action::Accept,
                            RuleKind::Deny => Action::Drop,
                        },
                        rule: rule.id.clone(),
                        origin: Origin::Document {
                            pack: rule.pack.clone(),
                            level: rule.level.to_string(),
                        },
                        client: side(c),
                        server: side(s),
                        proto,
                        ports: narrowed.unwrap_or_else(|| documented.clone()),
                        documented_ports: documented.clone(),
                        negotiated_by: rule.negotiated_by.clone(),
                        cite: rule.cite.clone(),
                        purpose: rule.purpose.clone(),
                        observed: if rule.kind == RuleKind::Allow {
                            obs
                        } else {
                            None
                        },
                    });
                }
            }
        }
    }
    if options.include_exceptions {
        openings.extend(exception_openings(site));
    }
    openings.sort_by(|a, b| {
        (a.action, &a.client.name, &a.server.name, &a.rule, a.proto).cmp(&(
            b.action,
            &b.client.name,
            &b.server.name,
            &b.rule,
            b.proto,
        ))
    });
    let summary = observed.map(|a| ObservedSummary {
        flows: a.flows.len(),
        undocumented: a.count(Verdict::Undocumented),
        violations: a.count(Verdict::Violation),
    });
    let mut hosts: Vec<PlanHost> = site
        .hosts
        .iter()
        .map(|h| PlanHost {
            side: side(h),
            platforms: rules.platforms_of(&h.roles),
        })
        .collect();
    hosts.sort_by(|a, b| a.side.cmp(&b.side));
    Plan {
        site: site.name.clone(),
        site_source: site.source.clone(),
        hosts,
        documents: rules
            .packs()
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    p.document.short.clone(),
                    p.document.title.clone(),
                )
            })
            .collect(),
        openings,
        observed: summary,
        kept_ranges: options.keep_ranges,
    }
}

fn endpoint_sides(site: &Site, eps: &[Endpoint]) -> Vec<Side> {
    eps.iter()
        .filter_map(|ep| match ep {
            Endpoint::Host(name) => site.host(name).map(side),
            Endpoint::Net(n) => Some(Side {
                name: n.to_string(),
                addresses: vec![*n],
            }),
        })
        .collect()
}

fn exception_openings(site: &Site) -> Vec<Opening> {
    let mut out = Vec::new();
    for (i, e) in site.exceptions.iter().enumerate() {
        let id = format!("site-exception-{}", i + 1);
        for c in endpoint_sides(site, &e.from) {
            for s in endpoint_sides(site, &e.to) {
                out.push(Opening {
                    action: Action::Accept,
                    rule: id.clone(),
                    origin: Origin::Exception {
                        expires: e.expires.map(|d| d.to_string()),
                    },
                    client: c.clone(),
                    server: s,
                    proto: e.proto,
                    ports: e.ports.clone(),
                    documented_ports: e.ports.clone(),
                    negotiated_by: Vec::new(),
                    cite: format!("{} ({})", e.reason, site.source),
                    purpose: e.reason.clone(),
                    observed: None,
                });
            }
        }
    }
    out
}

fn port_list(ports: &[u16]) -> String {
    let v: Vec<String> = ports.iter().map(u16::to_string).collect();
    v.join(", ")
}

/// One sentence about what the captures showed, for comments: used, attempted, unused,
/// narrowed.
pub(crate) fn observed_note(o: &Opening) -> Option<String> {
    let obs = o.observed.as_ref()?;
    let attempts = |what: &str| {
        let ports = if o.proto == Transport::Icmp || obs.attempt_ports.is_empty() {
            String::new()
        } else {
            format!(" to port(s) {}", port_list(&obs.attempt_ports))
        };
        format!(
            "{} attempt(s){what}, {} packet(s){ports}",
            obs.attempts, obs.attempt_packets
        )
    };
    let mut s = if obs.flows == 0 && obs.attempts == 0 {
        return Some(format!(
            "never used in the captures: candidate to close (level {})",
            o.level()
        ));
    } else if obs.flows == 0 {
        format!(
            "attempted, never answered: {}; not shown to work (tapaudit audit says why), not a candidate to close",
            attempts("")
        )
    } else if obs.attempts == 0 {
        format!(
            "used by {} answered flow(s), {} packet(s)",
            obs.flows, obs.packets
        )
    } else {
        format!(
            "used by {} answered flow(s), {} packet(s); also {}",
            obs.flows,
            obs.packets,
            attempts(" never answered")
        )
    };
    if let Some(ann) = &obs.narrowed {
        s.push_str(&format!(
            "; narrowed from the documented {} to the negotiated {}",
            o.documented_ports, o.ports
        ));
        let ev: Vec<String> = ann
            .iter()
            .map(|a| {
                format!(
                    "{} {} at {} on {} announced {}",
                    a.protocol,
                    a.method,
                    a.at.to_rfc3339_micros(),
                    a.control,
                    a.port
                )
            })
            .collect();
        if !ev.is_empty() {
            s.push_str(&format!(" (evidence: {})", ev.join("; ")));
        }
        s.push_str(
            "; dynamic ports can change between sessions: pin them on the server or keep the range",
        );
    } else if let Some(why) = &obs.not_narrowed {
        s.push_str(&format!("; range not narrowed: {why}"));
    }
    Some(s)
}

#[cfg(test)]
mod tests;
