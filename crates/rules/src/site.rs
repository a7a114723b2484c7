//! The site inventory: hosts and their roles, configured ports, accepted exceptions.

use std::collections::BTreeMap;
use std::fmt;
use std::net::IpAddr;
use std::path::Path;

use ipnet::IpNet;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::diag::{Diagnostic, LineIndex, Location, RulesError};
use tapaudit_vocab::{ControlProtocol, Transport};

use crate::doc;
use crate::pack::resolve_ports;
use crate::ports::{PortItem, PortSet};
use crate::ruleset::{suggest, RuleSet};
use crate::zones::{Conduit, RawConduit, RawZone, Zone};

/// A calendar date (UTC). Ordered; compare with [`Date::from_unix_seconds`] of a packet time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub y: i32,
    pub m: u8,
    pub d: u8,
}

impl Date {
    pub fn new(y: i32, m: u8, d: u8) -> Option<Date> {
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let days = match m {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&d).then_some(Date { y, m, d })
    }

    /// The UTC date of a Unix timestamp (seconds; negative is before 1970).
    pub fn from_unix_seconds(secs: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = secs.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date {
            y: i32::try_from(y).unwrap_or(if y < 0 { i32::MIN } else { i32::MAX }),
            m: u8::try_from(m).unwrap_or(1),
            d: u8::try_from(d).unwrap_or(1),
        }
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    /// `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || format!("\"{s}\" is not a date: expected YYYY-MM-DD");
        let mut parts = s.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let y: i32 = y.parse().map_err(|_| bad())?;
        let m: u8 = m.parse().map_err(|_| bad())?;
        let d: u8 = d.parse().map_err(|_| bad())?;
        Date::new(y, m, d).ok_or_else(|| format!("\"{s}\" is not a valid calendar date"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A date as written: `"2027-03-31"` or a bare TOML date `2027-03-31`.
struct RawDate(String);

impl<'de> Deserialize<'de> for RawDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawDate, E> {
                Ok(RawDate(v.to_string()))
            }
            // toml hands a bare date over as a one-entry map.
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawDate, A::Error> {
                let mut out = None;
                while let Some(_key) = map.next_key::<String>()? {
                    out = Some(map.next_value::<String>()?);
                }
                out.map(RawDate)
                    .ok_or_else(|| serde::de::Error::custom("expected a date YYYY-MM-DD"))
            }
        }
        d.deserialize_any(V)
    }
}

/// One or several strings: `"eng-ws"` or `["eng-ws", "10.0.0.0/24"]`.
struct OneOrMany(Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a host name or address, or a list of them")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany(vec![v.to_string()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<OneOrMany, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(OneOrMany(out))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    site: RawSiteHeader,
    #[serde(default)]
    hosts: Vec<RawHost>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
    #[serde(default)]
    exceptions: Vec<RawException>,
    #[serde(default)]
    control_ports: Vec<RawControlPort>,
    #[serde(default)]
    zones: Vec<RawZone>,
    #[serde(default)]
    conduits: Vec<RawConduit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawControlPort {
    protocol: Spanned<ControlProtocol>,
    port: Spanned<i64>,
    #[serde(default)]
    transport: Option<Spanned<String>>,
    #[serde(default)]
    servers: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSiteHeader {
    name: String,
    #[serde(default)]
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHost {
    name: Spanned<String>,
    addresses: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    roles: Vec<Spanned<String>>,
    #[serde(default)]
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    rule: Spanned<String>,
    ports: Spanned<Vec<Spanned<PortItem>>>,
    #[serde(default)]
    reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawException {
    from: Spanned<OneOrMany>,
    to: Spanned<OneOrMany>,
    proto: Spanned<String>,
    #[serde(default)]
    ports: Option<Spanned<Vec<Spanned<PortItem>>>>,
    reason: Spanned<String>,
    #[serde(default)]
    expires: Option<Spanned<RawDate>>,
}

/// A host of the site: a name, its addresses (single addresses become /32 or /128) and roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Host {
    pub name: String,
    pub addresses: Vec<IpNet>,
    pub roles: Vec<String>,
    pub description: Option<String>,
    pub defined_at: Location,
    #[serde(skip)]
    pub(crate) role_at: Vec<Location>,
}

/// A configured port for a rule the document calls configurable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Override {
    pub rule: String,
    pub ports: PortSet,
    pub reason: Option<String>,
    pub defined_at: Location,
}

/// A port on which the site runs a control protocol (FTP on 2121, a portmapper elsewhere),
/// on every server or on the named hosts only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ControlPort {
    pub protocol: ControlProtocol,
    pub transports: Vec<Transport>,
    pub port: u16,
    /// Host names of `[[hosts]]`; empty: any server.
    pub servers: Vec<String>,
    pub reason: Option<String>,
    pub defined_at: Location,
}

/// One side of an exception: a host of the inventory or an address block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Endpoint {
    Host(String),
    Net(IpNet),
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Endpoint::Host(h) => f.write_str(h),
            Endpoint::Net(n) => write!(f, "{n}"),
        }
    }
}

/// An undocumented flow the site accepts, with its reason and optional expiry date
/// (valid through that day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exception {
    pub from: Vec<Endpoint>,
    pub to: Vec<Endpoint>,
    pub proto: Transport,
    /// Empty for ICMP.
    pub ports: PortSet,
    pub reason: String,
    pub expires: Option<Date>,
    pub defined_at: Location,
}

impl Exception {
    pub fn is_expired(&self, on: Date) -> bool {
        self.expires.is_some_and(|e| on > e)
    }

    /// True when the exception names this flow, expired or not. `client_host` and
    /// `server_host` are the inventory hosts of the ends ([`Site::host_for`]); `port` is
    /// `None` for ICMP.
    pub fn covers(
        &self,
        (client, client_host): (IpAddr, Option<&str>),
        (server, server_host): (IpAddr, Option<&str>),
        proto: Transport,
        port: Option<u16>,
    ) -> bool {
        let matches = |ep: &Endpoint, ip: IpAddr, host: Option<&str>| match ep {
            Endpoint::Net(n) => n.contains(&ip),
            Endpoint::Host(name) => host == Some(name.as_str()),
        };
        self.proto == proto
            && (proto == Transport::Icmp || port.is_some_and(|p| self.ports.contains(p)))
            && self.from.iter().any(|ep| matches(ep, client, client_host))
            && self.to.iter().any(|ep| matches(ep, server, server_host))
    }
}

/// The site inventory, parsed and checked on its own. Role names and override rule ids are
/// checked against the rules by [`Site::validate`] (or [`crate::check`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Site {
    pub name: String,
    pub description: Option<String>,
    pub hosts: Vec<Host>,
    pub overrides: Vec<Override>,
    pub exceptions: Vec<Exception>,
    /// Control protocols on other ports than the rules' (`[[control_ports]]`).
    pub control_ports: Vec<ControlPort>,
    /// Zones (`[[zones]]`, IEC 62443-3-2); empty when the site has none.
    pub zones: Vec<Zone>,
    /// Conduits between zones (`[[conduits]]`).
    pub conduits: Vec<Conduit>,
    pub source: String,
    /// SHA-256 (hex) of the site file's text.
    pub sha256: String,
}

pub(crate) fn parse_address(s: &str) -> Option<IpNet> {
    let s = s.trim();
    s.parse::<IpNet>()
        .ok()
        .or_else(|| s.parse::<IpAddr>().ok().map(IpNet::from))
}

impl Site {
    pub fn from_file(path: &Path) -> Result<Site, RulesError> {
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| RulesError::Io {
            path: origin.clone(),
            source,
        })?;
        Site::from_toml_str(&text, &origin)
    }

    pub fn from_toml_str(text: &str, origin: &str) -> Result<Site, RulesError> {
        let (site, diags) = Site::parse_all(text, origin);
        match site {
            Some(site) if !diags.iter().any(Diagnostic::is_error) => Ok(site),
            _ => Err(RulesError::Invalid(diags)),
        }
    }

    /// The site checked against the rules in one pass: every problem of the file (syntax,
    /// unknown fields, bad values, unknown hosts) and every problem against the packs
    /// (unknown roles, overrides), sorted by place. Ok holds the warnings.
    pub fn from_toml_str_for(
        text: &str,
        origin: &str,
        rules: &RuleSet,
    ) -> Result<(Site, Vec<Diagnostic>), RulesError> {
        let (site, mut diags) = Site::parse_all(text, origin);
        if let Some(s) = &site {
            diags.extend(s.validate(rules));
        }
        diags.sort();
        diags.dedup();
        match site {
            Some(site) if !diags.iter().any(Diagnostic::is_error) => Ok((site, diags)),
            _ => Err(RulesError::Invalid(diags)),
        }
    }

    /// [`Site::from_toml_str_for`] of a file.
    pub fn from_file_for(
        path: &Path,
        rules: &RuleSet,
    ) -> Result<(Site, Vec<Diagnostic>), RulesError> {
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| RulesError::Io {
            path: origin.clone(),
            source,
        })?;
        Site::from_toml_str_for(&text, &origin, rules)
    }

    /// Everything that can be read of a site file, and every problem in it. The site is
    /// None only when the TOML itself does not parse; otherwise it holds the entries that
    /// read (so that they can be checked against the rules too).
    pub(crate) fn parse_all(text: &str, origin: &str) -> (Option<Site>, Vec<Diagnostic>) {
        let idx = LineIndex::new(origin, text);
        let mut diags = Vec::new();
        let Some(mut root) = doc::parse(text, &idx, &mut diags) else {
            return (None, diags);
        };
        doc::strip_unknown(&mut root, doc::fields::<RawSite>(), &idx, &mut diags);
        let header: Option<RawSiteHeader> =
            doc::table_entry(&mut root, "site", &[], &idx, &mut diags);
        // Names of hosts whose entry is wrong still count as known, so that exceptions naming
        // them do not add errors of their own.
        let mut bad_names: Vec<String> = Vec::new();
        let raw_hosts: Vec<RawHost> =
            doc::array_entries(&mut root, "hosts", &idx, &mut diags, |t| {
                if let Some(n) = t.get("name").and_then(|v| v.get_ref().as_str()) {
                    bad_names.push(n.trim().to_string());
                }
            });
        let raw_overrides: Vec<RawOverride> =
            doc::array_entries(&mut root, "overrides", &idx, &mut diags, |_| {});
        let raw_exceptions: Vec<RawException> =
            doc::array_entries(&mut root, "exceptions", &idx, &mut diags, |_| {});
        let raw_control_ports: Vec<RawControlPort> =
            doc::array_entries(&mut root, "control_ports", &idx, &mut diags, |_| {});
        let raw_zones: Vec<RawZone> =
            doc::array_entries(&mut root, "zones", &idx, &mut diags, |_| {});
        let raw_conduits: Vec<RawConduit> =
            doc::array_entries(&mut root, "conduits", &idx, &mut diags, |_| {});
        let raw = RawSite {
            site: header.unwrap_or(RawSiteHeader {
                name: String::new(),
                description: None,
            }),
            hosts: raw_hosts,
            overrides: raw_overrides,
            exceptions: raw_exceptions,
            control_ports: raw_control_ports,
            zones: raw_zones,
            conduits: raw_conduits,
        };

        let mut hosts: Vec<Host> = Vec::new();
        let mut names: BTreeMap<String, Location> = BTreeMap::new();
        for h in raw.hosts {
            let name = h.name.get_ref().trim().to_string();
            let at = idx.span(&h.name.span());
            if name.is_empty() {
                diags.push(Diagnostic::error(&at, "host name is empty"));
            } else if parse_address(&name).is_some() {
                diags.push(Diagnostic::error(
                    &at,
                    format!(
                        "host name \"{name}\" looks like an address: name hosts by what they are"
                    ),
                ));
            }
            if let Some(first) = names.get(&name) {
                diags.push(Diagnostic::error(
                    &at,
                    format!("host \"{name}\" is declared twice (first at {first})"),
                ));
            }
            names.insert(name.clone(), at.clone());
            let mut addresses = Vec::new();
            if h.addresses.get_ref().is_empty() {
                diags.push(idx.error(
                    &h.addresses.span(),
                    format!("host \"{name}\" has no addresses"),
                ));
            }
            for a in h.addresses.get_ref() {
                match parse_address(a.get_ref()) {
                    Some(net) => addresses.push(net),
                    None => diags.push(idx.error(
                        &a.span(),
                        format!(
                            "\"{}\" is not an IPv4/IPv6 address or CIDR block",
                            a.get_ref()
                        ),
                    )),
                }
            }
            hosts.push(Host {
                name,
                addresses,
                roles: h.roles.iter().map(|r| r.get_ref().clone()).collect(),
                description: h.description,
                defined_at: at,
                role_at: h.roles.iter().map(|r| idx.span(&r.span())).collect(),
            });
        }

        let mut overrides: Vec<Override> = Vec::new();
        for o in raw.overrides {
            let at = idx.span(&o.rule.span());
            if let Some(first) = overrides.iter().find(|x| &x.rule == o.rule.get_ref()) {
                diags.push(Diagnostic::error(
                    &at,
                    format!(
                        "rule \"{}\" is overridden twice (first at {})",
                        first.rule, first.defined_at
                    ),
                ));
            }
            let ports = resolve_ports(&o.ports, &BTreeMap::new(), &idx, &mut diags);
            if o.ports.get_ref().is_empty() {
                diags.push(idx.error(&o.ports.span(), "`ports` is empty"));
            }
            overrides.push(Override {
                rule: o.rule.into_inner(),
                ports,
                reason: o.reason,
                defined_at: at,
            });
        }

        for n in bad_names {
            names.entry(n).or_insert_with(|| Location {
                file: origin.to_string(),
                line: 0,
                column: 0,
            });
        }
        let mut exceptions = Vec::new();
        for e in raw.exceptions {
            let at = idx.span(&e.from.span());
            let endpoints = |side: &Spanned<OneOrMany>,
                             diags: &mut Vec<Diagnostic>|
             -> Vec<Endpoint> {
                let mut out = Vec::new();
                if side.get_ref().0.is_empty() {
                    diags.push(idx.error(&side.span(), "no host or address given"));
                }
                for s in &side.get_ref().0 {
                    let s = s.trim();
                    if names.contains_key(s) {
                        out.push(Endpoint::Host(s.to_string()));
                    } else if let Some(net) = parse_address(s) {
                        out.push(Endpoint::Net(net));
                    } else {
                        diags.push(idx.error(
                            &side.span(),
                            format!("unknown host \"{s}\" (neither a host of [[hosts]] nor an address){}", suggest(s, names.keys())),
                        ));
                    }
                }
                out
            };
            let from = endpoints(&e.from, &mut diags);
            let to = endpoints(&e.to, &mut diags);
            let proto = match e.proto.get_ref().trim() {
                "tcp" => Some(Transport::Tcp),
                "udp" => Some(Transport::Udp),
                "icmp" => Some(Transport::Icmp),
                other => {
                    diags.push(idx.error(
                        &e.proto.span(),
                        format!(
                            "unknown protocol \"{other}\": expected \"tcp\", \"udp\" or \"icmp\""
                        ),
                    ));
                    None
                }
            };
            let ports = match (&e.ports, proto) {
                (Some(p), Some(Transport::Icmp)) => {
                    diags.push(idx.error(&p.span(), "an icmp exception has no ports"));
                    PortSet::empty()
                }
                (Some(p), _) => {
                    let set = resolve_ports(p, &BTreeMap::new(), &idx, &mut diags);
                    if p.get_ref().is_empty() {
                        diags.push(idx.error(&p.span(), "`ports` is empty"));
                    }
                    set
                }
                (None, Some(Transport::Tcp | Transport::Udp)) => {
                    diags.push(Diagnostic::error(
                        &at,
                        "a tcp or udp exception needs `ports`",
                    ));
                    PortSet::empty()
                }
                (None, _) => PortSet::empty(),
            };
            if e.reason.get_ref().trim().is_empty() {
                diags.push(idx.error(
                    &e.reason.span(),
                    "`reason` is empty: say why the site accepts this flow",
                ));
            }
            let expires = match &e.expires {
                Some(d) => match d.get_ref().0.parse::<Date>() {
                    Ok(date) => Some(date),
                    Err(msg) => {
                        diags.push(idx.error(&d.span(), msg));
                        None
                    }
                },
                None => None,
            };
            if let Some(proto) = proto {
                exceptions.push(Exception {
                    from,
                    to,
                    proto,
                    ports,
                    reason: e.reason.into_inner(),
                    expires,
                    defined_at: at,
                });
            }
        }

        let mut control_ports = Vec::new();
        for c in raw.control_ports {
            let at = idx.span(&c.protocol.span());
            let protocol = *c.protocol.get_ref();
            let port = match u16::try_from(*c.port.get_ref()) {
                Ok(p) if p > 0 => Some(p),
                _ => {
                    diags.push(idx.error(
                        &c.port.span(),
                        format!("port {} is not a TCP/UDP port (1-65535)", c.port.get_ref()),
                    ));
                    None
                }
            };
            // FTP and DCE-RPC connection-oriented run over TCP; the portmapper over both.
            let default = match protocol {
                ControlProtocol::OncRpcPortmap => "tcp+udp",
                ControlProtocol::Ftp | ControlProtocol::DceRpcEpm => "tcp",
            };
            let transports = match &c.transport {
                None => crate::model::parse_transports(default),
                Some(t) => match crate::model::parse_transports(t.get_ref()) {
                    Some(ts) if !ts.contains(&Transport::Icmp) => {
                        if protocol == ControlProtocol::Ftp && ts.contains(&Transport::Udp) {
                            diags.push(idx.error(&t.span(), "FTP runs over TCP only"));
                            None
                        } else {
                            Some(ts)
                        }
                    }
                    _ => {
                        diags.push(idx.error(
                            &t.span(),
                            format!(
                                "unknown transport \"{}\": expected \"tcp\", \"udp\" or \"tcp+udp\"",
                                t.get_ref()
                            ),
                        ));
                        None
                    }
                },
            };
            let mut servers = Vec::new();
            if let Some(list) = &c.servers {
                if list.get_ref().is_empty() {
                    diags.push(idx.error(
                        &list.span(),
                        "`servers` is empty: name hosts of [[hosts]], or leave it out for every server",
                    ));
                }
                for name in list.get_ref() {
                    let n = name.get_ref().trim();
                    if names.contains_key(n) {
                        servers.push(n.to_string());
                    } else {
                        diags.push(idx.error(
                            &name.span(),
                            format!(
                                "unknown host \"{n}\" (not a host of [[hosts]]){}",
                                suggest(n, names.keys())
                            ),
                        ));
                    }
                }
            }
            if let (Some(port), Some(transports)) = (port, transports) {
                control_ports.push(ControlPort {
                    protocol,
                    transports,
                    port,
                    servers,
                    reason: c.reason,
                    defined_at: at,
                });
            }
        }

        let (zones, conduits) =
            crate::zones::read(raw.zones, raw.conduits, &names, &idx, &mut diags);

        diags.sort();
        let site = Site {
            name: raw.site.name,
            description: raw.site.description,
            hosts,
            overrides,
            exceptions,
            control_ports,
            zones,
            conduits,
            source: origin.to_string(),
            sha256: crate::pack::sha256_hex(text),
        };
        (Some(site), diags)
    }

    pub fn host(&self, name: &str) -> Option<&Host> {
        self.hosts.iter().find(|h| h.name == name)
    }

    /// The host whose address block containing `ip` is the most specific (longest prefix);
    /// on a tie, the host declared first.
    pub fn host_for(&self, ip: IpAddr) -> Option<&Host> {
        let mut best: Option<(u8, &Host)> = None;
        for h in &self.hosts {
            for net in &h.addresses {
                if net.contains(&ip) && !matches!(best, Some((len, _)) if len >= net.prefix_len()) {
                    best = Some((net.prefix_len(), h));
                }
            }
        }
        best.map(|(_, h)| h)
    }

    /// The zone of an address (see [`crate::zones`]): the name of its zone, or
    /// [`crate::OUTSIDE`] for an address no zone holds. `peer` is the other end of the flow:
    /// a multicast or broadcast destination no zone names is in the zone of its sender.
    /// None when the site has no zones.
    pub fn zone_for(&self, ip: IpAddr, peer: IpAddr) -> Option<&str> {
        if self.zones.is_empty() {
            return None;
        }
        let find = |ip: IpAddr| {
            crate::zones::zone_of(&self.zones, ip, self.host_for(ip).map(|h| h.name.as_str()))
        };
        let zone = match find(ip) {
            None if crate::zones::is_group_destination(ip) => find(peer),
            z => z,
        };
        Some(zone.map_or(crate::zones::OUTSIDE, |z| z.name.as_str()))
    }

    /// The first conduit (in the file's order) that carries a flow from zone `from` to zone
    /// `to` with this service or documented by `rule`.
    pub fn conduit_for(
        &self,
        (from, to): (&str, &str),
        proto: Transport,
        port: Option<u16>,
        rule: Option<&str>,
    ) -> Option<(usize, &Conduit)> {
        self.conduits
            .iter()
            .enumerate()
            .find(|(_, c)| c.from == from && c.to == to && c.carries(proto, port, rule))
    }

    /// An unexpired exception covering this flow; `on` is the flow's date (the capture's
    /// time, never the wall clock). `port` is `None` for ICMP.
    pub fn exception_for(
        &self,
        client: IpAddr,
        server: IpAddr,
        proto: Transport,
        port: Option<u16>,
        on: Date,
    ) -> Option<&Exception> {
        let c = (client, self.host_for(client).map(|h| h.name.as_str()));
        let s = (server, self.host_for(server).map(|h| h.name.as_str()));
        self.exceptions
            .iter()
            .find(|e| !e.is_expired(on) && e.covers(c, s, proto, port))
    }

    /// Checks the site against the rules: unknown roles, unknown or non-configurable rules
    /// in overrides, overrides of icmp rules.
    pub fn validate(&self, rules: &RuleSet) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        let known: Vec<String> = rules.role_ids().map(str::to_string).collect();
        for h in &self.hosts {
            for (i, role) in h.roles.iter().enumerate() {
                if !rules.has_role(role) {
                    let at = h.role_at.get(i).unwrap_or(&h.defined_at);
                    diags.push(Diagnostic::error(
                        at,
                        format!(
                            "host \"{}\": unknown role \"{role}\"{}",
                            h.name,
                            suggest(role, known.iter())
                        ),
                    ));
                }
            }
        }
        let ids: Vec<String> = rules.rules().map(|r| r.id.clone()).collect();
        for o in &self.overrides {
            match rules.rule(&o.rule) {
                None => diags.push(Diagnostic::error(
                    &o.defined_at,
                    format!("override of unknown rule \"{}\"{}", o.rule, suggest(&o.rule, ids.iter())),
                )),
                Some(r) if !r.configurable => diags.push(Diagnostic::error(
                    &o.defined_at,
                    format!(
                        "rule \"{}\" is not configurable ({} gives fixed ports {}); it cannot be overridden",
                        r.id, r.cite, r.ports
                    ),
                )),
                Some(_) => {}
            }
        }
        for (c, rule) in crate::zones::rule_locations(&self.conduits) {
            match rules.rule(rule) {
                None => diags.push(Diagnostic::error(
                    &c.defined_at,
                    format!("conduit \"{}\": unknown rule \"{rule}\"{}", c.name, suggest(rule, ids.iter())),
                )),
                Some(r) if r.kind == crate::RuleKind::Deny => diags.push(Diagnostic::error(
                    &c.defined_at,
                    format!("conduit \"{}\": rule \"{rule}\" forbids flows; a conduit carries only what rules allow", c.name),
                )),
                Some(_) => {}
            }
        }
        diags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(Date::from_unix_seconds(0), Date::new(1970, 1, 1).unwrap());
        assert_eq!(
            Date::from_unix_seconds(86_399),
            Date::new(1970, 1, 1).unwrap()
        );
        assert_eq!(
            Date::from_unix_seconds(951_782_400),
            Date::new(2000, 2, 29).unwrap()
        );
        assert_eq!(
            Date::from_unix_seconds(1_806_451_200),
            Date::new(2027, 3, 31).unwrap()
        );
        assert_eq!(
            Date::from_unix_seconds(-1),
            Date::new(1969, 12, 31).unwrap()
        );
        assert_eq!(
            "2027-03-31".parse::<Date>().unwrap().to_string(),
            "2027-03-31"
        );
        assert!("2027-02-30".parse::<Date>().is_err());
        assert!("2027-3-31".parse::<Date>().is_err());
        assert!(Date::new(2027, 3, 31) < Date::new(2027, 4, 1));
    }
}
