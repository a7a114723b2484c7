//! nftables: one `table inet tapaudit` with a set per host and a `forward` chain (a firewall
//! between the hosts), default drop. `nft -c -f FILE` checks it, `nft -f FILE` loads it.

use std::collections::BTreeMap;
use std::io::{self, Write};

use ipnet::IpNet;
use tapaudit_vocab::Transport;

use crate::text::{line, nft_ident, nft_string};
use crate::{observed_note, Action, Opening, Origin, Plan, PlanHost, Side};

/// nft refuses rule comments longer than this (bytes).
const COMMENT_MAX: usize = 128;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    V4,
    V6,
}

impl Family {
    fn of(net: &IpNet) -> Family {
        match net {
            IpNet::V4(_) => Family::V4,
            IpNet::V6(_) => Family::V6,
        }
    }
    fn suffix(self) -> &'static str {
        match self {
            Family::V4 => "v4",
            Family::V6 => "v6",
        }
    }
    fn set_type(self) -> &'static str {
        match self {
            Family::V4 => "ipv4_addr",
            Family::V6 => "ipv6_addr",
        }
    }
    fn addr_match(self) -> &'static str {
        match self {
            Family::V4 => "ip",
            Family::V6 => "ip6",
        }
    }
    fn icmp(self) -> &'static str {
        match self {
            Family::V4 => "icmp",
            Family::V6 => "ipv6-icmp",
        }
    }
}

/// A unique set name base per side (host names may sanitise to the same identifier).
fn set_names(plan: &Plan) -> BTreeMap<&Side, String> {
    let mut sides: Vec<&Side> = plan
        .openings
        .iter()
        .flat_map(|o| [&o.client, &o.server])
        .collect();
    sides.sort();
    sides.dedup();
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = BTreeMap::new();
    for s in sides {
        let base = nft_ident(&s.name);
        let n = used.entry(base.clone()).or_insert(0);
        *n += 1;
        let name = if *n == 1 { base } else { format!("{base}_{n}") };
        out.insert(s, name);
    }
    out
}

fn has(side: &Side, f: Family) -> bool {
    side.addresses.iter().any(|a| Family::of(a) == f)
}

fn ports_expr(o: &Opening) -> String {
    let list: Vec<String> = o.ports.ranges().iter().map(|r| r.to_string()).collect();
    match list.as_slice() {
        [one] => one.clone(),
        _ => format!("{{ {} }}", list.join(", ")),
    }
}

fn match_expr(o: &Opening, f: Family) -> Option<String> {
    Some(match o.proto {
        Transport::Icmp => format!("meta l4proto {}", f.icmp()),
        _ if o.all_ports() => format!("meta l4proto {}", o.proto),
        // An allow with no port would open nothing: skip rather than open everything.
        _ if o.ports.is_empty() => return None,
        p => format!("{p} dport {}", ports_expr(o)),
    })
}

fn describe(o: &Opening) -> String {
    let ports = if o.proto == Transport::Icmp {
        String::new()
    } else if o.all_ports() {
        " (every port)".to_string()
    } else {
        format!(" {}", o.ports)
    };
    format!(
        "{} [{}] {} -> {} {}{}: {}",
        o.rule,
        o.level(),
        o.client.name,
        o.server.name,
        o.proto,
        ports,
        o.purpose
    )
}

fn addresses(s: &Side) -> String {
    let v: Vec<String> = s.addresses.iter().map(crate::addr_text).collect();
    v.join(", ")
}

/// What the nftables ruleset is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum NftMode {
    /// A complete `forward` base chain, `policy drop`: for a firewall that only sits
    /// between these hosts.
    #[default]
    Forward,
    /// A regular chain `tapaudit` (no hook, no policy, no final drop) for the user to
    /// `jump` to from their own ruleset; what it does not match returns to the caller.
    Chain,
    /// One `inet` table per host with `input` and `output` base chains (policy accept): the
    /// host's inbound openings in input, its outbound ones in output, deny rules as drops.
    Host,
}

pub fn write(plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
    write_mode(plan, NftMode::Forward, out)
}

pub fn write_mode(plan: &Plan, mode: NftMode, out: &mut dyn Write) -> io::Result<()> {
    if mode == NftMode::Host {
        return write_hosts(plan, None, out);
    }
    let names = set_names(plan);
    writeln!(out, "#!/usr/sbin/nft -f")?;
    writeln!(
        out,
        "# tapaudit firewall for {} ({})",
        line(&plan.site),
        line(&plan.site_source)
    )?;
    writeln!(
        out,
        "# The openings the vendors' documents require between the hosts of this site, host pair"
    )?;
    writeln!(
        out,
        "# by host pair; everything else is dropped. Written by tapaudit {} from:",
        env!("CARGO_PKG_VERSION")
    )?;
    for (id, short, title) in &plan.documents {
        writeln!(
            out,
            "#   pack {}: {} ({})",
            line(id),
            line(short),
            line(title)
        )?;
    }
    crate::windows::write_observed_header(plan, out, "#")?;
    writeln!(
        out,
        "# FTP data connections can also be left to conntrack: a `ct helper \"ftp\"` on the control"
    )?;
    writeln!(
        out,
        "# connection makes them `related`, which the first rule accepts."
    )?;
    match mode {
        NftMode::Forward => {
            writeln!(
                out,
                "# WARNING: the forward chain has `policy drop` and ends with `counter drop`: on a router"
            )?;
            writeln!(
                out,
                "# that forwards other traffic too, that traffic is dropped. There, use --nft-mode chain."
            )?;
        }
        NftMode::Chain | NftMode::Host => {
            writeln!(
                out,
                "# A regular chain, no hook and no policy, to `jump tapaudit_openings` from a base chain of yours."
            )?;
            writeln!(
                out,
                "# nft cannot jump across tables: add your base chain to table inet tapaudit, or copy the sets"
            )?;
            writeln!(
                out,
                "# and this chain into your own table. Unmatched packets return to your chain, which decides."
            )?;
        }
    }
    writeln!(out, "# Check: nft -c -f FILE    Load: nft -f FILE")?;
    writeln!(out)?;
    // Redefining the table replaces the previous version instead of adding to it.
    writeln!(out, "table inet tapaudit")?;
    writeln!(out, "delete table inet tapaudit")?;
    writeln!(out)?;
    writeln!(out, "table inet tapaudit {{")?;
    for (side, name) in &names {
        for f in [Family::V4, Family::V6] {
            let elems: Vec<String> = side
                .addresses
                .iter()
                .filter(|a| Family::of(a) == f)
                .map(crate::addr_text)
                .collect();
            if elems.is_empty() {
                continue;
            }
            writeln!(out, "\t# {}", line(&side.name))?;
            writeln!(out, "\tset {name}_{} {{", f.suffix())?;
            writeln!(out, "\t\ttype {}", f.set_type())?;
            writeln!(out, "\t\tflags interval")?;
            writeln!(out, "\t\telements = {{ {} }}", elems.join(", "))?;
            writeln!(out, "\t}}")?;
            writeln!(out)?;
        }
    }
    match mode {
        NftMode::Forward => {
            writeln!(out, "\tchain forward {{")?;
            writeln!(
                out,
                "\t\ttype filter hook forward priority filter; policy drop;"
            )?;
        }
        NftMode::Chain | NftMode::Host => writeln!(out, "\tchain tapaudit_openings {{")?,
    }
    writeln!(out, "\t\tct state established,related accept")?;
    writeln!(out, "\t\tct state invalid drop")?;
    let mut section: Option<(Action, &str, &str)> = None;
    for o in &plan.openings {
        let key = (o.action, o.client.name.as_str(), o.server.name.as_str());
        if section != Some(key) {
            if section.map(|s| s.0) != Some(o.action) {
                writeln!(out)?;
                match o.action {
                    Action::Drop => {
                        writeln!(out, "\t\t# ==== explicit drops: deny rules of the packs")?
                    }
                    Action::Accept => writeln!(out, "\t\t# ==== openings, host pair by host pair")?,
                }
            }
            writeln!(out)?;
            writeln!(
                out,
                "\t\t# ---- {} ({}) -> {} ({})",
                line(&o.client.name),
                addresses(&o.client),
                line(&o.server.name),
                addresses(&o.server)
            )?;
            section = Some(key);
        }
        writeln!(out, "\t\t# {}", line(&describe(o)))?;
        match &o.origin {
            Origin::Document { .. } => writeln!(out, "\t\t# cite: {}", line(&o.cite))?,
            Origin::Exception { expires } => writeln!(
                out,
                "\t\t# site exception, not a document: {}{}",
                line(&o.cite),
                expires
                    .as_deref()
                    .map(|e| format!("; expires {e} (remove it then)"))
                    .unwrap_or_default()
            )?,
        }
        if let Some(note) = observed_note(o) {
            writeln!(out, "\t\t# observed: {}", line(&note))?;
        }
        let (Some(cn), Some(sn)) = (names.get(&o.client), names.get(&o.server)) else {
            continue;
        };
        let mut wrote = false;
        for f in [Family::V4, Family::V6] {
            if !has(&o.client, f) || !has(&o.server, f) {
                continue;
            }
            let Some(m) = match_expr(o, f) else {
                writeln!(out, "\t\t# no port to open: skipped")?;
                break;
            };
            let a = f.addr_match();
            let comment = nft_string(&o.rule, COMMENT_MAX);
            writeln!(
                out,
                "\t\t{a} saddr @{cn}_{s} {a} daddr @{sn}_{s} {m} counter {} comment \"{comment}\"",
                o.action.as_str(),
                s = f.suffix(),
            )?;
            wrote = true;
        }
        if !wrote {
            writeln!(
                out,
                "\t\t# the two hosts share no address family: nothing to write"
            )?;
        }
    }
    writeln!(out)?;
    if mode == NftMode::Forward {
        writeln!(out, "\t\t# everything the documents do not require")?;
        writeln!(
            out,
            "\t\tcounter drop comment \"not required by the documents\""
        )?;
    } else {
        writeln!(
            out,
            "\t\t# not required by the documents: back to the calling chain"
        )?;
    }
    writeln!(out, "\t}}")?;
    writeln!(out, "}}")?;
    Ok(())
}

fn write_set(out: &mut dyn Write, side: &Side, name: &str) -> io::Result<()> {
    for f in [Family::V4, Family::V6] {
        let elems: Vec<String> = side
            .addresses
            .iter()
            .filter(|a| Family::of(a) == f)
            .map(crate::addr_text)
            .collect();
        if elems.is_empty() {
            continue;
        }
        writeln!(out, "\t# {}", line(&side.name))?;
        writeln!(out, "\tset {name}_{} {{", f.suffix())?;
        writeln!(out, "\t\ttype {}", f.set_type())?;
        writeln!(out, "\t\tflags interval")?;
        writeln!(out, "\t\telements = {{ {} }}", elems.join(", "))?;
        writeln!(out, "\t}}")?;
        writeln!(out)?;
    }
    Ok(())
}

/// The rules of one opening in a host chain: `input` matches the peer as source and the host
/// as destination, `output` the other way round.
fn write_host_rule(
    out: &mut dyn Write,
    o: &Opening,
    input: bool,
    names: &BTreeMap<&Side, String>,
) -> io::Result<()> {
    let (me, peer) = if input {
        (&o.server, &o.client)
    } else {
        (&o.client, &o.server)
    };
    writeln!(out, "\t\t# {}", line(&describe(o)))?;
    match &o.origin {
        Origin::Document { .. } => writeln!(out, "\t\t# cite: {}", line(&o.cite))?,
        Origin::Exception { expires } => writeln!(
            out,
            "\t\t# site exception, not a document: {}{}",
            line(&o.cite),
            expires
                .as_deref()
                .map(|e| format!("; expires {e} (remove it then)"))
                .unwrap_or_default()
        )?,
    }
    if let Some(note) = observed_note(o) {
        writeln!(out, "\t\t# observed: {}", line(&note))?;
    }
    let (Some(mn), Some(pn)) = (names.get(me), names.get(peer)) else {
        return Ok(());
    };
    let mut wrote = false;
    for f in [Family::V4, Family::V6] {
        if !has(me, f) || !has(peer, f) {
            continue;
        }
        let Some(m) = match_expr(o, f) else {
            writeln!(out, "\t\t# no port to open: skipped")?;
            return Ok(());
        };
        let a = f.addr_match();
        let (src, dst) = if input { (pn, mn) } else { (mn, pn) };
        writeln!(
            out,
            "\t\t{a} saddr @{src}_{s} {a} daddr @{dst}_{s} {m} counter {} comment \"{}\"",
            o.action.as_str(),
            nft_string(&o.rule, COMMENT_MAX),
            s = f.suffix(),
        )?;
        wrote = true;
    }
    if !wrote {
        writeln!(
            out,
            "\t\t# the two hosts share no address family: nothing to write"
        )?;
    }
    Ok(())
}

/// The table name of a host's ruleset.
fn host_table(names: &BTreeMap<&Side, String>, host: &Side) -> String {
    format!(
        "tapaudit_{}",
        names.get(host).map(String::as_str).unwrap_or("host")
    )
}

fn write_host_table(
    plan: &Plan,
    host: &PlanHost,
    names: &BTreeMap<&Side, String>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let table = host_table(names, &host.side);
    let inbound: Vec<&Opening> = plan
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
    writeln!(out)?;
    writeln!(
        out,
        "# ==== {} ({}); platform: {}",
        line(&host.side.name),
        addresses(&host.side),
        line(&host.platform_text())
    )?;
    writeln!(out, "table inet {table}")?;
    writeln!(out, "delete table inet {table}")?;
    writeln!(out, "table inet {table} {{")?;
    let mut sides: Vec<&Side> = vec![&host.side];
    sides.extend(inbound.iter().map(|o| &o.client));
    sides.extend(outbound.iter().map(|o| &o.server));
    sides.sort();
    sides.dedup();
    for s in sides {
        if let Some(n) = names.get(s) {
            write_set(out, s, n)?;
        }
    }
    for (chain, hook, list, input) in [
        ("input", "input", &inbound, true),
        ("output", "output", &outbound, false),
    ] {
        writeln!(out, "\tchain {chain} {{")?;
        writeln!(
            out,
            "\t\ttype filter hook {hook} priority filter; policy accept;"
        )?;
        writeln!(out, "\t\tct state established,related accept")?;
        for o in list.iter() {
            writeln!(out)?;
            write_host_rule(out, o, input, names)?;
        }
        writeln!(out)?;
        writeln!(
            out,
            "\t\t# policy accept: nothing else is dropped (see the header); to enforce, after reading the counters:"
        )?;
        writeln!(
            out,
            "\t\t# counter drop comment \"not required by the documents\""
        )?;
        writeln!(out, "\t}}")?;
        if input {
            writeln!(out)?;
        }
    }
    writeln!(out, "}}")?;
    Ok(())
}

/// `--nft-mode host`: one table per host of the site that has an opening (or only `only`).
fn write_hosts(plan: &Plan, only: Option<&PlanHost>, out: &mut dyn Write) -> io::Result<()> {
    let names = set_names(plan);
    writeln!(out, "#!/usr/sbin/nft -f")?;
    writeln!(
        out,
        "# tapaudit firewall for {} ({})",
        line(&plan.site),
        line(&plan.site_source)
    )?;
    writeln!(
        out,
        "# Host rulesets: for each host, the openings the vendors' documents require, in an input"
    )?;
    writeln!(
        out,
        "# chain (the host answers) and an output chain (the host connects). Written by tapaudit {} from:",
        env!("CARGO_PKG_VERSION")
    )?;
    for (id, short, title) in &plan.documents {
        writeln!(
            out,
            "#   pack {}: {} ({})",
            line(id),
            line(short),
            line(title)
        )?;
    }
    crate::windows::write_observed_header(plan, out, "#")?;
    writeln!(
        out,
        "# Both chains have `policy accept` and drop only what a pack's deny rule forbids: a host runs"
    )?;
    writeln!(
        out,
        "# more than these documents cover (SSH, DNS, NTP, updates, management), and a host ruleset that"
    )?;
    writeln!(
        out,
        "# dropped the rest would cut it off. The accept rules count what the documents explain; once"
    )?;
    writeln!(
        out,
        "# the counters show nothing else is needed, uncomment the final `counter drop` of a chain."
    )?;
    writeln!(
        out,
        "# Each table matches only its host's own addresses, so loading another host's table changes"
    )?;
    writeln!(
        out,
        "# nothing; -o DIR writes one HOST.nft per host. Hosts that run no nftables (firmware, VxWorks,"
    )?;
    writeln!(
        out,
        "# Windows: use --format windows) need the network firewall (--nft-mode forward or chain)."
    )?;
    writeln!(out, "# Check: nft -c -f FILE    Load: nft -f FILE")?;
    for h in host_list(plan, only) {
        write_host_table(plan, h, &names, out)?;
    }
    Ok(())
}

/// The hosts that get a table: every host of the site named by an opening.
fn host_list<'a>(plan: &'a Plan, only: Option<&'a PlanHost>) -> Vec<&'a PlanHost> {
    match only {
        Some(h) => vec![h],
        None => plan
            .hosts
            .iter()
            .filter(|h| {
                plan.openings
                    .iter()
                    .any(|o| o.client == h.side || o.server == h.side)
            })
            .collect(),
    }
}

/// `--nft-mode host -o DIR`: `(host name, ruleset)` per host with an opening, sorted by name.
pub fn per_host(plan: &Plan) -> io::Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    for h in host_list(plan, None) {
        let mut out = Vec::new();
        write_hosts(plan, Some(h), &mut out)?;
        files.push((h.side.name.clone(), out));
    }
    Ok(files)
}
