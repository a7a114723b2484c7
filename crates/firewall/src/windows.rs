//! Windows Defender Firewall: PowerShell `New-NetFirewallRule` lines, inbound on the server
//! side of each opening (FactoryTalk hosts are Windows machines), clients as `-RemoteAddress`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use ipnet::IpNet;
use tapaudit_rules::PortRange;
use tapaudit_vocab::{ControlProtocol, Transport};

use crate::text::{line, ps_quote};
use crate::{observed_note, Action, Opening, Origin, Plan, Side};

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

fn remote(clients: &[&Opening], v6: Option<bool>) -> Vec<String> {
    let mut v: Vec<String> = clients
        .iter()
        .flat_map(|o| o.client.addresses.iter())
        .filter(|a| v6.is_none_or(|want| matches!(a, IpNet::V6(_)) == want))
        .map(crate::addr_text)
        .collect();
    v.sort();
    v.dedup();
    v
}

type GroupKey<'a> = (&'a Side, Action, &'a str, Transport, &'a [PortRange]);

pub fn write(plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
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
    writeln!(
        out,
        "# Each rule is inbound on the host that answers; run the lines of a host on that host, in an"
    )?;
    writeln!(
        out,
        "# elevated PowerShell. Block rules win over allow rules. Remove them all with:"
    )?;
    writeln!(out, "#   Remove-NetFirewallRule -Group 'tapaudit'")?;
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

    let mut groups: BTreeMap<GroupKey<'_>, Vec<&Opening>> = BTreeMap::new();
    for o in &plan.openings {
        groups
            .entry((
                &o.server,
                o.action,
                o.rule.as_str(),
                o.proto,
                o.ports.ranges(),
            ))
            .or_default()
            .push(o);
    }
    // Several groups of one rule on one host (different narrowed ports): name them apart.
    let mut per_rule: BTreeMap<(&str, &str, Transport), usize> = BTreeMap::new();
    for (server, _, rule, proto, _) in groups.keys() {
        *per_rule
            .entry((server.name.as_str(), rule, *proto))
            .or_insert(0) += 1;
    }
    let mut current: Option<&Side> = None;
    for ((server, action, rule, proto, ports), clients) in &groups {
        let Some(first) = clients.first() else {
            continue;
        };
        if current != Some(*server) {
            let addrs: Vec<String> = server.addresses.iter().map(crate::addr_text).collect();
            writeln!(out)?;
            writeln!(
                out,
                "# ==== on {} ({})",
                line(&server.name),
                addrs.join(", ")
            )?;
            current = Some(*server);
        }
        let names: Vec<&str> = clients.iter().map(|o| o.client.name.as_str()).collect();
        writeln!(out)?;
        let port_text = if *proto == Transport::Icmp {
            String::new()
        } else {
            let p: Vec<String> = ports.iter().map(|r| r.to_string()).collect();
            format!(" {}", p.join(", "))
        };
        writeln!(
            out,
            "# {} [{}] {} from {}{}: {}",
            line(rule),
            line(first.level()),
            proto,
            line(&names.join(", ")),
            port_text,
            line(&first.purpose)
        )?;
        match &first.origin {
            Origin::Document { .. } => writeln!(out, "# cite: {}", line(&first.cite))?,
            Origin::Exception { expires } => writeln!(
                out,
                "# site exception, not a document: {}{}",
                line(&first.cite),
                expires
                    .as_deref()
                    .map(|e| format!("; expires {e} (remove it then)"))
                    .unwrap_or_default()
            )?,
        }
        for o in clients {
            if let Some(note) = observed_note(o) {
                writeln!(
                    out,
                    "# observed from {}: {}",
                    line(&o.client.name),
                    line(&note)
                )?;
            }
        }
        if first.negotiated_by.contains(&ControlProtocol::DceRpcEpm) {
            writeln!(
                out,
                "# Windows can follow the endpoint mapper instead of opening a range: -LocalPort RPC"
            )?;
        }
        let all_ports = first.all_ports();
        if *proto != Transport::Icmp && !all_ports && ports.is_empty() {
            writeln!(out, "# no port to open: skipped")?;
            continue;
        }
        let split = per_rule
            .get(&(server.name.as_str(), *rule, *proto))
            .is_some_and(|n| *n > 1);
        let display = if split {
            format!("tapaudit {rule} ({})", names.join(", "))
        } else {
            format!("tapaudit {rule}")
        };
        let families: &[Option<bool>] = if *proto == Transport::Icmp {
            &[Some(false), Some(true)]
        } else {
            &[None]
        };
        for fam in families {
            let remote = remote(clients, *fam);
            if remote.is_empty() {
                continue;
            }
            let mut cmd = format!(
                "New-NetFirewallRule -Group 'tapaudit' -DisplayName {} -Direction Inbound -Action {} -Protocol {}",
                ps_quote(&display),
                match action {
                    Action::Accept => "Allow",
                    Action::Drop => "Block",
                },
                proto_name(*proto, fam.unwrap_or(false))
            );
            if *proto != Transport::Icmp && !all_ports {
                let p: Vec<String> = ports.iter().map(|r| r.to_string()).collect();
                cmd.push_str(&format!(" -LocalPort {}", list(&p)));
            }
            cmd.push_str(&format!(" -RemoteAddress {}", list(&remote)));
            cmd.push_str(&format!(
                " -Description {}",
                ps_quote(&format!("{rule}: {}", first.cite))
            ));
            writeln!(out, "{cmd}")?;
        }
    }
    Ok(())
}
