//! Windows Defender Firewall: PowerShell scripts, for the hosts whose roles the packs mark as
//! Windows software (`platform = "windows"`), each host's rules in its own section (or file):
//! inbound rules where the host answers, outbound rules where it connects.
//!
//! Promises: every `New-NetFirewallRule` has a stable `-Name` (rule id, direction, protocol,
//! peer; sanitised, the same for the same site whatever its order) and is preceded by the
//! removal of a rule of that name, so running a script again replaces its rules instead of
//! adding copies; text from files only appears inside single-quoted strings (quotes
//! doubled) or `#` comments.

use std::io::{self, Write};

use ipnet::IpNet;
use tapaudit_vocab::{ControlProtocol, Transport};

use crate::text::{line, ps_quote};
use crate::{observed_note, Action, Opening, Origin, Plan, PlanHost};

/// A Windows firewall profile (`-Profile`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Profile {
    Domain,
    Private,
    Public,
    Any,
}

impl Profile {
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Domain => "Domain",
            Profile::Private => "Private",
            Profile::Public => "Public",
            Profile::Any => "Any",
        }
    }
}

/// How to open a range that the DCE-RPC endpoint mapper hands out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RpcPorts {
    /// `-LocalPort RPC` (the ports RPC servers registered with the endpoint mapper) plus a
    /// companion `-LocalPort RPCEPMap` rule (the endpoint mapper, TCP 135).
    #[default]
    Keyword,
    /// The documented (or narrowed) range as a range.
    Range,
}

/// What the Windows scripts look like.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WindowsOptions {
    /// `-Profile` of every rule (default `Domain,Private`).
    pub profiles: Vec<Profile>,
    pub rpc: RpcPorts,
}

impl Default for WindowsOptions {
    fn default() -> Self {
        WindowsOptions {
            profiles: vec![Profile::Domain, Profile::Private],
            rpc: RpcPorts::Keyword,
        }
    }
}

/// Header lines shared by the text formats: what the captures showed.
pub(crate) fn write_observed_header(plan: &Plan, out: &mut dyn Write, c: &str) -> io::Result<()> {
    let Some(obs) = &plan.observed else {
        return Ok(());
    };
    let unused = plan
        .openings
        .iter()
        .filter(|o| o.candidate_to_close())
        .count();
    let attempted = plan
        .openings
        .iter()
        .filter(|o| {
            o.observed
                .as_ref()
                .is_some_and(|x| x.flows == 0 && x.attempts > 0)
        })
        .count();
    let narrowed = plan
        .openings
        .iter()
        .filter(|o| o.observed.as_ref().is_some_and(|x| x.narrowed.is_some()))
        .count();
    writeln!(
        out,
        "{c} Observed: {} flow(s) in the captures; {} undocumented and {} violation(s) would be dropped",
        obs.flows, obs.undocumented, obs.violations
    )?;
    writeln!(
        out,
        "{c} (see tapaudit audit). {unused} opening(s) never used: candidates to close (marked below);"
    )?;
    writeln!(
        out,
        "{c} {attempted} opening(s) only attempted, never answered (not shown to work, not narrowed);"
    )?;
    if plan.kept_ranges {
        writeln!(
            out,
            "{c} dynamic ranges kept as documented (--keep-ranges)."
        )?;
    } else {
        writeln!(
            out,
            "{c} {narrowed} dynamic range(s) narrowed to the ports the control protocol announced."
        )?;
    }
    Ok(())
}

fn proto_name(p: Transport, v6: bool) -> &'static str {
    match (p, v6) {
        (Transport::Tcp, _) => "TCP",
        (Transport::Udp, _) => "UDP",
        (Transport::Icmp, false) => "ICMPv4",
        (Transport::Icmp, true) => "ICMPv6",
    }
}

fn list(items: &[String]) -> String {
    let v: Vec<String> = items.iter().map(|s| ps_quote(s)).collect();
    v.join(",")
}

/// 32-bit FNV-1a: a short, stable tag for a name that had to be changed to fit in `-Name`.
fn fnv32(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// A peer's name as part of a rule `-Name`: letters, digits, `.`, `-`, `_`; a name that had
/// to be changed (or cut to 48 characters) gets the hash of the original, so that two peers
/// never share a name and the result depends on the name alone.
pub fn name_part(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if clean == s && !s.is_empty() && s.len() <= 48 {
        clean
    } else {
        let cut: String = clean.chars().take(48).collect();
        format!("{cut}-{:08x}", fnv32(s))
    }
}

/// `-Name` of a rule: `tapaudit-<rule id>-<in|out>-<proto>-<peer>`, plus `-v6` for the
/// ICMPv6 half and `-epmap` for the endpoint-mapper companion.
fn rule_name(o: &Opening, inbound: bool, peer: &str, suffix: &str) -> String {
    format!(
        "tapaudit-{}-{}-{}-{}{suffix}",
        name_part(&o.rule),
        if inbound { "in" } else { "out" },
        o.proto,
        name_part(peer)
    )
}

fn group(o: &Opening) -> String {
    match &o.origin {
        Origin::Document { pack, .. } => format!("tapaudit {pack}"),
        Origin::Exception { .. } => "tapaudit site-exceptions".to_string(),
    }
}

/// Every `-Group` a plan's rules use, sorted.
fn groups(plan: &Plan) -> Vec<String> {
    let mut g: Vec<String> = plan.openings.iter().map(group).collect();
    g.sort();
    g.dedup();
    g
}

/// The computer name a section runs on: the host name up to its first dot (Windows
/// compares `$env:COMPUTERNAME`, the NetBIOS name, case-insensitively with `-eq`).
fn computer_name(host: &str) -> &str {
    host.split('.').next().unwrap_or(host)
}

fn write_header(
    plan: &Plan,
    opts: &WindowsOptions,
    only: Option<&PlanHost>,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "# tapaudit firewall for {} ({})",
        line(&plan.site),
        line(&plan.site_source)
    )?;
    writeln!(
        out,
        "# Windows Defender Firewall rules the vendors' documents require, written by tapaudit {}.",
        env!("CARGO_PKG_VERSION")
    )?;
    match only {
        Some(h) => writeln!(
            out,
            "# For the host {} only: run it there in an elevated PowerShell (on a computer of\n# another name it changes nothing).",
            line(&h.side.name)
        )?,
        None => {
            writeln!(
                out,
                "# One section per Windows host; a section runs only where $env:COMPUTERNAME equals the"
            )?;
            writeln!(
                out,
                "# host's name (up to its first dot, case-insensitive), so the same script can be run,"
            )?;
            writeln!(
                out,
                "# elevated, on every host (or use -o DIR for one HOST.ps1 per host)."
            )?;
        }
    }
    writeln!(
        out,
        "# The host as server: inbound rules (-LocalPort); as client: outbound rules (-RemotePort),"
    )?;
    writeln!(
        out,
        "# which only matter where the profile's default outbound action is Block. -RemoteAddress is"
    )?;
    writeln!(
        out,
        "# the peer host. Block rules win over allow rules. Profiles: {}.",
        profiles(opts)
    )?;
    writeln!(
        out,
        "# Each rule has a stable -Name and is removed before it is created: running the script again"
    )?;
    writeln!(
        out,
        "# updates the rules. Rules of pack rules that no longer exist stay: remove a pack's rules with"
    )?;
    for g in groups(plan) {
        writeln!(
            out,
            "#   Get-NetFirewallRule -Group {} | Remove-NetFirewallRule",
            ps_quote(&g)
        )?;
    }
    writeln!(
        out,
        "# (older tapaudit scripts used -Group 'tapaudit' and no -Name: remove those rules once)."
    )?;
    match opts.rpc {
        RpcPorts::Keyword => {
            writeln!(
                out,
                "# Ranges handed out by the DCE-RPC endpoint mapper (DCOM) are -LocalPort RPC, with an RPCEPMap"
            )?;
            writeln!(
                out,
                "# rule (TCP 135) beside them; a service of such a range that does not register with the"
            )?;
            writeln!(
                out,
                "# endpoint mapper is not covered: then use --windows-rpc range."
            )?;
        }
        RpcPorts::Range => writeln!(
            out,
            "# Ranges handed out by the DCE-RPC endpoint mapper are opened as ranges (--windows-rpc range)."
        )?,
    }
    for (id, short, title) in &plan.documents {
        writeln!(
            out,
            "#   pack {}: {} ({})",
            line(id),
            line(short),
            line(title)
        )?;
    }
    write_observed_header(plan, out, "#")?;
    if only.is_none() {
        let others: Vec<&PlanHost> = plan.hosts.iter().filter(|h| !h.is_windows()).collect();
        if !others.is_empty() {
            writeln!(out, "#")?;
            for h in others {
                writeln!(
                    out,
                    "# {}: not a Windows host: use the network firewall export ({})",
                    line(&h.side.name),
                    line(&h.platform_text())
                )?;
            }
        }
    }
    Ok(())
}

fn profiles(opts: &WindowsOptions) -> String {
    let v: Vec<&str> = opts.profiles.iter().map(|p| p.as_str()).collect();
    if v.is_empty() {
        "Any".to_string()
    } else {
        v.join(",")
    }
}

fn addresses(addrs: &[IpNet], v6: Option<bool>) -> Vec<String> {
    let mut v: Vec<String> = addrs
        .iter()
        .filter(|a| v6.is_none_or(|want| matches!(a, IpNet::V6(_)) == want))
        .map(crate::addr_text)
        .collect();
    v.sort();
    v.dedup();
    v
}

fn comment_block(o: &Opening, inbound: bool, ind: &str, out: &mut dyn Write) -> io::Result<()> {
    let ports = if o.proto == Transport::Icmp {
        String::new()
    } else if o.all_ports() {
        " (every port)".to_string()
    } else {
        format!(" {}", o.ports)
    };
    writeln!(out)?;
    writeln!(
        out,
        "{ind}# {} [{}] {} {} {}{}: {}",
        line(&o.rule),
        line(o.level()),
        o.proto,
        if inbound { "from" } else { "to" },
        line(if inbound {
            &o.client.name
        } else {
            &o.server.name
        }),
        ports,
        line(&o.purpose)
    )?;
    match &o.origin {
        Origin::Document { .. } => writeln!(out, "{ind}# cite: {}", line(&o.cite))?,
        Origin::Exception { expires } => writeln!(
            out,
            "{ind}# site exception, not a document: {}{}",
            line(&o.cite),
            expires
                .as_deref()
                .map(|e| format!("; expires {e} (remove it then)"))
                .unwrap_or_default()
        )?,
    }
    if let Some(note) = observed_note(o) {
        writeln!(out, "{ind}# observed: {}", line(&note))?;
    }
    Ok(())
}

/// One rule: the removal of a rule of its name, then its creation.
fn emit(
    out: &mut dyn Write,
    ind: &str,
    name: &str,
    display: &str,
    params: &str,
    o: &Opening,
    opts: &WindowsOptions,
) -> io::Result<()> {
    let n = ps_quote(name);
    writeln!(
        out,
        "{ind}Get-NetFirewallRule -Name {n} -ErrorAction SilentlyContinue | Remove-NetFirewallRule"
    )?;
    writeln!(
        out,
        "{ind}New-NetFirewallRule -Name {n} -DisplayName {} -Group {} -Profile {} {params} -Description {}",
        ps_quote(display),
        ps_quote(&group(o)),
        profiles(opts),
        ps_quote(&format!("{}: {}", o.rule, o.cite))
    )
}

fn ports_list(o: &Opening) -> String {
    let p: Vec<String> = o.ports.ranges().iter().map(|r| r.to_string()).collect();
    list(&p)
}

/// The rules of one opening on `host`, inbound (the host answers) or outbound.
fn write_opening(
    o: &Opening,
    inbound: bool,
    opts: &WindowsOptions,
    ind: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    comment_block(o, inbound, ind, out)?;
    let peer = if inbound { &o.client } else { &o.server };
    let all_ports = o.all_ports();
    if o.proto != Transport::Icmp && !all_ports && o.ports.is_empty() {
        writeln!(out, "{ind}# no port to open: skipped")?;
        return Ok(());
    }
    let action = match o.action {
        Action::Accept => "Allow",
        Action::Drop => "Block",
    };
    let direction = if inbound { "Inbound" } else { "Outbound" };
    let rpc = o.action == Action::Accept
        && o.proto == Transport::Tcp
        && o.negotiated_by.contains(&ControlProtocol::DceRpcEpm)
        && !all_ports;
    let families: &[Option<bool>] = if o.proto == Transport::Icmp {
        &[Some(false), Some(true)]
    } else {
        &[None]
    };
    let mut wrote = false;
    for fam in families {
        let remote = addresses(&peer.addresses, *fam);
        if remote.is_empty() {
            continue;
        }
        let suffix = if *fam == Some(true) { "-v6" } else { "" };
        let name = rule_name(o, inbound, &peer.name, suffix);
        let display = format!(
            "tapaudit {} {} {}",
            o.rule,
            if inbound { "from" } else { "to" },
            peer.name
        );
        let mut params = format!(
            "-Direction {direction} -Action {action} -Protocol {}",
            proto_name(o.proto, fam.unwrap_or(false))
        );
        let port_param = if inbound { "-LocalPort" } else { "-RemotePort" };
        let keyword = rpc && inbound && opts.rpc == RpcPorts::Keyword;
        if o.proto != Transport::Icmp && !all_ports {
            if keyword {
                params.push_str(" -LocalPort RPC");
            } else {
                params.push_str(&format!(" {port_param} {}", ports_list(o)));
            }
        }
        params.push_str(&format!(" -RemoteAddress {}", list(&remote)));
        if keyword {
            writeln!(
                out,
                "{ind}# the endpoint mapper hands out the ports of {}: RPC (its registered dynamic ports) and RPCEPMap (TCP 135)",
                o.ports
            )?;
        } else if rpc && inbound {
            writeln!(
                out,
                "{ind}# --windows-rpc range: the range itself (-LocalPort RPC would follow the endpoint mapper)"
            )?;
        } else if rpc {
            writeln!(
                out,
                "{ind}# outbound: Windows has no RPC keyword for -RemotePort, so the range itself"
            )?;
        }
        emit(out, ind, &name, &display, &params, o, opts)?;
        if keyword {
            let name = rule_name(o, inbound, &peer.name, "-epmap");
            let params = format!(
                "-Direction Inbound -Action Allow -Protocol TCP -LocalPort RPCEPMap -RemoteAddress {}",
                list(&remote)
            );
            emit(
                out,
                ind,
                &name,
                &format!("{display} (endpoint mapper)"),
                &params,
                o,
                opts,
            )?;
        }
        wrote = true;
    }
    if !wrote {
        writeln!(
            out,
            "{ind}# the peer has no address of this family: nothing to write"
        )?;
    }
    Ok(())
}

/// The openings of `host`: where it answers (inbound), then where it connects (outbound);
/// drops first in each, then by peer, rule, protocol.
fn host_openings<'a>(plan: &'a Plan, host: &PlanHost) -> (Vec<&'a Opening>, Vec<&'a Opening>) {
    let inbound = plan
        .openings
        .iter()
        .filter(|o| o.server == host.side)
        .collect();
    let mut outbound: Vec<&Opening> = plan
        .openings
        .iter()
        .filter(|o| o.client == host.side)
        .collect();
    outbound.sort_by(|a, b| {
        (a.action, &a.server.name, &a.rule, a.proto).cmp(&(
            b.action,
            &b.server.name,
            &b.rule,
            b.proto,
        ))
    });
    (inbound, outbound)
}

fn write_host_rules(
    plan: &Plan,
    host: &PlanHost,
    opts: &WindowsOptions,
    ind: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (inbound, outbound) = host_openings(plan, host);
    writeln!(out)?;
    writeln!(
        out,
        "{ind}# ---- inbound: {} answers ({} opening(s))",
        line(&host.side.name),
        inbound.len()
    )?;
    for o in inbound {
        write_opening(o, true, opts, ind, out)?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{ind}# ---- outbound: {} connects ({} opening(s))",
        line(&host.side.name),
        outbound.len()
    )?;
    for o in outbound {
        write_opening(o, false, opts, ind, out)?;
    }
    Ok(())
}

fn host_title(h: &PlanHost) -> String {
    let addrs: Vec<String> = h.side.addresses.iter().map(crate::addr_text).collect();
    format!("{} ({})", line(&h.side.name), addrs.join(", "))
}

/// One script for every Windows host, each host's rules in a section that runs only on it.
pub fn write(plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
    write_with(plan, &WindowsOptions::default(), out)
}

/// [`write`] with options.
pub fn write_with(plan: &Plan, opts: &WindowsOptions, out: &mut dyn Write) -> io::Result<()> {
    write_header(plan, opts, None, out)?;
    for h in plan.hosts.iter().filter(|h| h.is_windows()) {
        write_host_section(plan, h, opts, out)?;
    }
    Ok(())
}

/// A host's rules inside `if ($env:COMPUTERNAME -eq 'HOST') { ... }`: run elsewhere, they
/// change nothing.
fn write_host_section(
    plan: &Plan,
    h: &PlanHost,
    opts: &WindowsOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "# ==== on {}", host_title(h))?;
    writeln!(
        out,
        "if ($env:COMPUTERNAME -eq {}) {{",
        ps_quote(computer_name(&h.side.name))
    )?;
    write_host_rules(plan, h, opts, "    ", out)?;
    writeln!(out, "}}")
}

/// One script per Windows host: `(host name, script)`, sorted by host name. The other hosts
/// are named in each script's header.
pub fn per_host(plan: &Plan, opts: &WindowsOptions) -> io::Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    for h in plan.hosts.iter().filter(|h| h.is_windows()) {
        let mut out = Vec::new();
        write_header(plan, opts, Some(h), &mut out)?;
        let others: Vec<&PlanHost> = plan.hosts.iter().filter(|h| !h.is_windows()).collect();
        if !others.is_empty() {
            writeln!(out, "#")?;
            for o in others {
                writeln!(
                    out,
                    "# {}: not a Windows host: use the network firewall export ({})",
                    line(&o.side.name),
                    line(&o.platform_text())
                )?;
            }
        }
        write_host_section(plan, h, opts, &mut out)?;
        files.push((h.side.name.clone(), out));
    }
    Ok(files)
}
