//! Zones and conduits of the site file (IEC 62443-3-2): which zone each address is in, and
//! which flows between two zones a conduit carries.
//!
//! A zone names hosts of `[[hosts]]` and address blocks. An address is in the zone that
//! names its inventory host; failing that, in the zone whose block holding it is the most
//! specific; failing that, in no zone ([`OUTSIDE`]). A multicast or broadcast destination
//! that no zone names stays in the sender's segment: it is in the sender's zone.

use std::collections::BTreeMap;
use std::fmt;
use std::net::IpAddr;

use ipnet::IpNet;
use serde::{Deserialize, Serialize};
use tapaudit_vocab::Transport;
use toml::Spanned;

use crate::diag::{Diagnostic, LineIndex, Location};
use crate::ports::{parse_item, PortItem, PortSet, PortSpec};
use crate::ruleset::suggest;

/// The name that stands for every address no zone holds, in conduits and reports.
pub const OUTSIDE: &str = "outside";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawZone {
    name: Spanned<String>,
    #[serde(default)]
    security_level: Option<Spanned<i64>>,
    members: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawConduit {
    name: Spanned<String>,
    from: Spanned<String>,
    to: Spanned<String>,
    #[serde(default)]
    services: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    rules: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    reason: Option<String>,
}

/// A zone: hosts and address blocks under one security level target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Zone {
    pub name: String,
    /// SL-T, 1-4 (IEC 62443-3-2), when the site gives it.
    pub security_level: Option<u8>,
    /// Host names of `[[hosts]]`.
    pub hosts: Vec<String>,
    /// Address blocks.
    pub nets: Vec<IpNet>,
    pub description: Option<String>,
    pub defined_at: Location,
}

/// One service of a conduit: a transport and the responder's ports (none for ICMP).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConduitService {
    pub proto: Transport,
    pub ports: PortSet,
}

impl fmt::Display for ConduitService {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.proto {
            Transport::Icmp => f.write_str("icmp"),
            Transport::Tcp => write!(f, "tcp/{}", self.ports),
            Transport::Udp => write!(f, "udp/{}", self.ports),
        }
    }
}

/// A conduit: flows opened from zone `from` to zone `to` for the listed services, or
/// documented by the listed rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conduit {
    pub name: String,
    /// The initiator's zone, or [`OUTSIDE`].
    pub from: String,
    /// The responder's zone, or [`OUTSIDE`].
    pub to: String,
    pub services: Vec<ConduitService>,
    /// Rule ids: a flow a pack documents with one of them passes, whatever its port.
    pub rules: Vec<String>,
    pub reason: Option<String>,
    pub defined_at: Location,
}

impl Conduit {
    /// True when the conduit carries a flow from its `from` zone to its `to` zone with this
    /// service, or documented by `rule`. `port` is `None` for ICMP.
    pub fn carries(
        &self,
        proto: Transport,
        port: Option<u16>,
        documented_by: Option<&str>,
    ) -> bool {
        let by_service = self.services.iter().any(|s| {
            s.proto == proto
                && (proto == Transport::Icmp || port.is_some_and(|p| s.ports.contains(p)))
        });
        by_service || documented_by.is_some_and(|r| self.rules.iter().any(|x| x == r))
    }
}

/// A service as written: `tcp/502`, `udp/2222-2223`, `icmp`.
fn parse_service(text: &str) -> Result<ConduitService, String> {
    let t = text.trim();
    let bad = || {
        format!(
            "\"{t}\" is not a service: expected tcp/PORT, udp/PORT (or a range START-END) or icmp"
        )
    };
    if t == "icmp" {
        return Ok(ConduitService {
            proto: Transport::Icmp,
            ports: PortSet::empty(),
        });
    }
    let (proto, ports) = t.split_once('/').ok_or_else(bad)?;
    let proto = match proto.trim() {
        "tcp" => Transport::Tcp,
        "udp" => Transport::Udp,
        "icmp" => return Err(format!("\"{t}\": icmp has no ports, write \"icmp\"")),
        _ => return Err(bad()),
    };
    match parse_item(&PortItem::Text(ports.to_string()))? {
        PortSpec::Range(r) => Ok(ConduitService {
            proto,
            ports: PortSet::new([r]),
        }),
        PortSpec::Named(_) => Err(bad()),
    }
}

/// The zones and conduits of a site file, read and checked against its host names; every
/// problem is added to `diags` with its place.
pub(crate) fn read(
    raw_zones: Vec<RawZone>,
    raw_conduits: Vec<RawConduit>,
    host_names: &BTreeMap<String, Location>,
    idx: &LineIndex<'_>,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Zone>, Vec<Conduit>) {
    let mut zones: Vec<Zone> = Vec::new();
    // Where each host and block was first placed, to find the ones placed twice.
    let mut host_zone: BTreeMap<String, String> = BTreeMap::new();
    let mut net_zone: BTreeMap<IpNet, String> = BTreeMap::new();
    for z in raw_zones {
        let name = z.name.get_ref().trim().to_string();
        let at = idx.span(&z.name.span());
        if name.is_empty() {
            diags.push(Diagnostic::error(&at, "zone name is empty"));
        } else if name == OUTSIDE {
            diags.push(Diagnostic::error(
                &at,
                format!("\"{OUTSIDE}\" is reserved: it stands for every address in no zone"),
            ));
        }
        if let Some(first) = zones.iter().find(|x| x.name == name) {
            diags.push(Diagnostic::error(
                &at,
                format!(
                    "zone \"{name}\" is declared twice (first at {})",
                    first.defined_at
                ),
            ));
        }
        let security_level = match &z.security_level {
            None => None,
            Some(sl) => match u8::try_from(*sl.get_ref()) {
                Ok(n @ 1..=4) => Some(n),
                _ => {
                    diags.push(idx.error(
                        &sl.span(),
                        format!(
                            "security level {} is not one of IEC 62443's 1-4",
                            sl.get_ref()
                        ),
                    ));
                    None
                }
            },
        };
        if z.members.get_ref().is_empty() {
            diags.push(idx.error(&z.members.span(), format!("zone \"{name}\" has no members")));
        }
        let (mut hosts, mut nets) = (Vec::new(), Vec::new());
        for m in z.members.get_ref() {
            let text = m.get_ref().trim();
            if host_names.contains_key(text) {
                if let Some(other) = host_zone.insert(text.to_string(), name.clone()) {
                    diags.push(idx.error(
                        &m.span(),
                        format!("host \"{text}\" is in two zones: \"{other}\" and \"{name}\""),
                    ));
                }
                hosts.push(text.to_string());
            } else if let Some(net) = crate::site::parse_address(text) {
                if let Some(other) = net_zone.insert(net, name.clone()) {
                    diags.push(idx.error(
                        &m.span(),
                        format!("{net} is in two zones: \"{other}\" and \"{name}\""),
                    ));
                }
                nets.push(net);
            } else {
                diags.push(idx.error(
                    &m.span(),
                    format!(
                        "unknown member \"{text}\" (neither a host of [[hosts]] nor an address){}",
                        suggest(text, host_names.keys())
                    ),
                ));
            }
        }
        zones.push(Zone {
            name,
            security_level,
            hosts,
            nets,
            description: z.description,
            defined_at: at,
        });
    }

    let mut conduits: Vec<Conduit> = Vec::new();
    let zone_names: Vec<String> = zones.iter().map(|z| z.name.clone()).collect();
    for c in raw_conduits {
        let name = c.name.get_ref().trim().to_string();
        let at = idx.span(&c.name.span());
        if name.is_empty() {
            diags.push(Diagnostic::error(&at, "conduit name is empty"));
        }
        if let Some(first) = conduits.iter().find(|x| x.name == name) {
            diags.push(Diagnostic::error(
                &at,
                format!(
                    "conduit \"{name}\" is declared twice (first at {})",
                    first.defined_at
                ),
            ));
        }
        let mut zone_of = |side: &Spanned<String>| -> String {
            let z = side.get_ref().trim();
            if z != OUTSIDE && !zone_names.iter().any(|n| n == z) {
                diags.push(idx.error(
                    &side.span(),
                    format!(
                        "unknown zone \"{z}\" (neither a zone of [[zones]] nor \"{OUTSIDE}\"){}",
                        suggest(z, zone_names.iter())
                    ),
                ));
            }
            z.to_string()
        };
        let from = zone_of(&c.from);
        let to = zone_of(&c.to);
        if from == to {
            diags.push(idx.error(
                &c.to.span(),
                format!("conduit \"{name}\" goes from zone \"{from}\" to itself: flows inside a zone cross no boundary"),
            ));
        }
        let mut services = Vec::new();
        if let Some(list) = &c.services {
            for s in list.get_ref() {
                match parse_service(s.get_ref()) {
                    Ok(svc) => services.push(svc),
                    Err(msg) => diags.push(idx.error(&s.span(), msg)),
                }
            }
        }
        let rules: Vec<String> = c
            .rules
            .iter()
            .flat_map(|l| l.get_ref().iter())
            .map(|r| r.get_ref().trim().to_string())
            .collect();
        let empty = |l: &Option<Spanned<Vec<Spanned<String>>>>| {
            l.as_ref().is_none_or(|l| l.get_ref().is_empty())
        };
        if empty(&c.services) && empty(&c.rules) {
            diags.push(Diagnostic::error(
                &at,
                format!("conduit \"{name}\" names no `services` and no `rules`: a conduit permits by exception, say what it carries"),
            ));
        }
        conduits.push(Conduit {
            name,
            from,
            to,
            services,
            rules,
            reason: c.reason,
            defined_at: at,
        });
    }
    (zones, conduits)
}

/// Where each conduit's rules were written, for [`crate::Site::validate`].
pub(crate) fn rule_locations(conduits: &[Conduit]) -> impl Iterator<Item = (&Conduit, &str)> {
    conduits
        .iter()
        .flat_map(|c| c.rules.iter().map(move |r| (c, r.as_str())))
}

/// The zone of an address: the zone naming its inventory host (`host`), else the zone whose
/// block holding it is the most specific, else None. See the module's documentation for
/// multicast and broadcast.
pub(crate) fn zone_of<'a>(zones: &'a [Zone], ip: IpAddr, host: Option<&str>) -> Option<&'a Zone> {
    if let Some(h) = host {
        if let Some(z) = zones.iter().find(|z| z.hosts.iter().any(|x| x == h)) {
            return Some(z);
        }
    }
    let mut best: Option<(u8, &Zone)> = None;
    for z in zones {
        for net in &z.nets {
            if net.contains(&ip) && !matches!(best, Some((len, _)) if len >= net.prefix_len()) {
                best = Some((net.prefix_len(), z));
            }
        }
    }
    best.map(|(_, z)| z)
}

/// True for destinations that stay in the sender's segment unless a zone names them:
/// multicast and the limited broadcast. (A subnet broadcast is in the zone of its block.)
pub fn is_group_destination(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_multicast() || v4.is_broadcast(),
        IpAddr::V6(v6) => v6.is_multicast(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ports::PortRange;

    #[test]
    fn services_read_as_written() {
        assert_eq!(parse_service("tcp/502").unwrap().to_string(), "tcp/502");
        assert_eq!(
            parse_service(" udp/2222-2223 ").unwrap().ports,
            PortSet::new([PortRange {
                start: 2222,
                end: 2223
            }])
        );
        assert_eq!(parse_service("icmp").unwrap().proto, Transport::Icmp);
        assert!(parse_service("icmp/8").is_err());
        assert!(parse_service("sctp/1").is_err());
        assert!(parse_service("tcp/0").is_err());
        assert!(parse_service("tcp/70000").is_err());
        assert!(parse_service("tcp/dynamic").is_err());
        assert!(parse_service("502").is_err());
    }
}
