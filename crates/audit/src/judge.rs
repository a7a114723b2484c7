//! One flow against the rules: the verdict, its evidence, and the reason in words.

use std::collections::{HashMap, HashSet};

/// The judge's maps are looked up once or more per flow; SipHash showed in the profile of a
/// churn mix (2 %). Their order is never read, so a fast hash with a per-run seed changes no
/// output and keeps keys chosen on the wire from colliding on purpose.
type FastState = foldhash::fast::RandomState;
use std::sync::Arc;

use tapaudit_flow::FlowRecord;
use tapaudit_rules::{Date, Host, Rule, RuleKind, RuleSet, Site};
use tapaudit_vocab::{ControlProtocol, Transport};

use crate::{Evidence, JudgedFlow, Judgment, Reason, Verdict};

/// A flow being judged: the fields of its [`Judgment`], filled in as the rules are read.
struct Draft {
    flow: FlowRecord,
    client_host: Option<String>,
    server_host: Option<String>,
    verdict: Verdict,
    evidence: Option<Evidence>,
    rule: Option<String>,
    pack: Option<String>,
    cite: Option<String>,
    reason: String,
    /// Set instead of `reason` when the reason is that hosts are not in the inventory:
    /// (client unknown, server unknown).
    not_in_inventory: Option<(bool, bool)>,
}

/// What the packs say for one (client host, server host, protocol, port): cached, since a
/// capture holds many flows between the same hosts on the same port.
#[derive(Clone)]
struct Said<'a> {
    deny: Option<&'a Rule>,
    allow: Vec<&'a Rule>,
    /// An allow rule for the opposite direction (the right port, the wrong way round).
    reverse: Option<&'a Rule>,
}

type CacheKey = (usize, usize, Transport, Option<u16>);

/// Addresses whose inventory host the judge remembers at most.
const MAX_CACHED_ADDRESSES: usize = 65_536;

/// Judges flows one by one against a rule set and a site.
pub struct Judge<'a> {
    rules: &'a RuleSet,
    site: Option<&'a Site>,
    cache: HashMap<CacheKey, Said<'a>, FastState>,
    /// Address -> index of its inventory host: flows repeat the same few addresses.
    hosts: HashMap<std::net::IpAddr, Option<usize>, FastState>,
    /// Every judgment given so far, shared by the flows judged alike.
    judgments: HashSet<Arc<Judgment>, FastState>,
}

fn describe_host(h: &Host) -> String {
    if h.roles.is_empty() {
        format!("{} (no role)", h.name)
    } else {
        format!("{} ({})", h.name, h.roles.join(", "))
    }
}

fn service(f: &FlowRecord) -> String {
    match f.server_port {
        Some(p) => format!("{}/{}", f.proto_name(), p),
        None => f.proto_name(),
    }
}

impl<'a> Judge<'a> {
    pub fn new(rules: &'a RuleSet, site: Option<&'a Site>) -> Self {
        Judge {
            rules,
            site,
            cache: HashMap::default(),
            hosts: HashMap::default(),
            judgments: HashSet::default(),
        }
    }

    fn host(&mut self, ip: std::net::IpAddr) -> Option<(usize, &'a Host)> {
        let site = self.site?;
        let find = || {
            let h = site.host_for(ip)?;
            site.hosts.iter().position(|x| std::ptr::eq(x, h))
        };
        let i = match self.hosts.get(&ip) {
            Some(&i) => i,
            // Past this many addresses (a scan, a flood from spoofed sources) they are looked
            // up without being remembered: the cache stays small.
            None if self.hosts.len() >= MAX_CACHED_ADDRESSES => find(),
            None => *self.hosts.entry(ip).or_insert_with(find),
        }?;
        Some((i, site.hosts.get(i)?))
    }

    fn said(
        &mut self,
        c: (usize, &'a Host),
        s: (usize, &'a Host),
        proto: Transport,
        port: Option<u16>,
    ) -> Said<'a> {
        let key = (c.0, s.0, proto, port);
        if let Some(x) = self.cache.get(&key) {
            return x.clone();
        }
        let lk = self
            .rules
            .lookup(&c.1.roles, &s.1.roles, proto, port, self.site);
        let reverse = if lk.allow.is_empty() && lk.deny.is_none() {
            self.rules
                .lookup(&s.1.roles, &c.1.roles, proto, port, self.site)
                .allow
                .first()
                .copied()
        } else {
            None
        };
        let said = Said {
            deny: lk.deny,
            allow: lk.allow,
            reverse,
        };
        self.cache.insert(key, said.clone());
        said
    }

    /// Judges one flow.
    pub fn judge(&mut self, flow: FlowRecord) -> JudgedFlow {
        let mut d = self.draft(flow);
        if let Some(n) = d.flow.negotiated_by.as_deref().filter(|n| !n.is_evidence()) {
            if d.not_in_inventory.is_none() {
                let caveat = unproven_announcement(n);
                // A new sentence after a rule's purpose ("... the endpoint mapper gave.").
                if d.reason.ends_with('.') {
                    d.reason.push_str(" The");
                } else {
                    d.reason.push_str("; the");
                }
                d.reason.push_str(&caveat);
            }
        }
        let judgment = Judgment {
            client_host: d.client_host,
            server_host: d.server_host,
            verdict: d.verdict,
            evidence: d.evidence,
            rule: d.rule,
            pack: d.pack,
            cite: d.cite,
            reason: match d.not_in_inventory {
                Some((client, server)) => Reason::NotInInventory { client, server },
                None => Reason::Text(d.reason),
            },
        };
        let judgment = match self.judgments.get(&judgment) {
            Some(same) => Arc::clone(same),
            None => {
                let new = Arc::new(judgment);
                self.judgments.insert(Arc::clone(&new));
                new
            }
        };
        JudgedFlow {
            flow: d.flow,
            judgment,
        }
    }

    fn draft(&mut self, flow: FlowRecord) -> Draft {
        let client = self.host(flow.client);
        let server = self.host(flow.server);
        let mut j = Draft {
            client_host: client.map(|(_, h)| h.name.clone()),
            server_host: server.map(|(_, h)| h.name.clone()),
            flow,
            verdict: Verdict::Undocumented,
            evidence: None,
            rule: None,
            pack: None,
            cite: None,
            reason: String::new(),
            not_in_inventory: None,
        };
        let Some(proto) = j.flow.proto.transport() else {
            j.reason = format!(
                "no rule covers IP protocol {}: the documents name only TCP, UDP and ICMP",
                j.flow.proto
            );
            return j;
        };
        let port = j.flow.server_port;
        let (Some(c), Some(s)) = (client, server) else {
            if self.exception(&mut j, proto) {
                return j;
            }
            if self.site.is_none() {
                j.reason = "no site inventory was given, so no host has a role".into();
            } else {
                j.not_in_inventory = Some((client.is_none(), server.is_none()));
            }
            return j;
        };
        let said = self.said(c, s, proto, port);
        let svc = service(&j.flow);
        if let Some(deny) = said.deny {
            self.set_rule(&mut j, deny, Verdict::Violation, None);
            j.reason = format!(
                "{svc} from {} to {} is forbidden: {}",
                describe_host(c.1),
                describe_host(s.1),
                deny.purpose
            );
            return j;
        }
        // An announcement counts only where it is evidence (the flow's start was seen, and
        // the announcement had not already accounted for its share of connections); one that
        // is not is said in the reason, never credited.
        let negotiated = j
            .flow
            .negotiated_by
            .as_deref()
            .filter(|n| n.is_evidence())
            .map(|&n| (n, n.protocol));
        let unproven = j
            .flow
            .negotiated_by
            .as_deref()
            .filter(|n| !n.is_evidence())
            .copied();
        if let Some((n, neg)) = negotiated {
            if let Some(r) = said.allow.iter().find(|r| r.negotiated_by.contains(&neg)) {
                self.set_rule(&mut j, r, Verdict::Documented, Some(Evidence::Negotiated));
                j.reason = format!(
                    "{} at {} on the control connection {}:{} announced port {}; {}",
                    n.method,
                    n.announced_at.time_of_day(),
                    n.control_server,
                    n.control_server_port,
                    port.unwrap_or(0),
                    r.purpose
                );
                return j;
            }
        }
        // A negotiated flow is what its announcement says it is (FTP data, an RPC service):
        // a range rule written for another purpose does not document it.
        // A control connection is not one of the data connections its protocol announces:
        // FTP control on 2121 is not documented by the FTP data range 1024-5000, nor a
        // portmapper on 700 by the range of the RPC services it maps. DCE-RPC is the
        // exception: the connections the endpoint mapper announces are DCE-RPC too (DCOM).
        let carried = j
            .flow
            .control
            .filter(|p| matches!(p, ControlProtocol::Ftp | ControlProtocol::OncRpcPortmap));
        let usable = said.allow.iter().copied().find(|r| {
            !carried.is_some_and(|p| r.negotiated_by.contains(&p))
                && (negotiated.is_none() || {
                    let p = self.rules.effective_ports(r, self.site);
                    r.negotiated_by.is_empty() && (p.is_empty() || p.is_single_ports())
                })
        });
        if let Some(r) = usable {
            let ports = self.rules.effective_ports(r, self.site);
            let evidence =
                if r.negotiated_by.is_empty() && (ports.is_empty() || ports.is_single_ports()) {
                    Evidence::Port
                } else {
                    Evidence::Range
                };
            self.set_rule(&mut j, r, Verdict::Documented, Some(evidence));
            j.reason = match (evidence, r.negotiated_by.as_slice()) {
                (Evidence::Range, [_, ..]) if unproven.is_some() => format!(
                    "port {} is inside the documented dynamic range {ports}; {}",
                    port.unwrap_or(0),
                    r.purpose
                ),
                (Evidence::Range, [_, ..]) => format!(
                    "port {} is inside the documented dynamic range {ports}, but no {} announcement for it was seen; {}",
                    port.unwrap_or(0),
                    negotiator_names(&r.negotiated_by),
                    r.purpose
                ),
                (Evidence::Range, []) => format!(
                    "port {} is inside the documented range {ports}; {}",
                    port.unwrap_or(0),
                    r.purpose
                ),
                _ => format!("{svc} from {} to {}: {}", c.1.name, s.1.name, r.purpose),
            };
            return j;
        }
        if let Some((n, neg)) = negotiated {
            // Announced by a protocol the documents use between these roles, but outside
            // the range they give: a violation, whose reason names the announcement.
            if let Some(r) = self.negotiated_rule_for(c.1, s.1, proto, neg) {
                let ports = self.rules.effective_ports(r, self.site);
                self.set_rule(&mut j, r, Verdict::Violation, None);
                j.reason = format!(
                    "{} at {} on {}:{} announced {}; {} documents {ports} from {} to {}",
                    n.method,
                    n.announced_at.time_of_day(),
                    n.control_server,
                    n.control_server_port,
                    port.unwrap_or(0),
                    self.document_of(r),
                    r.from.join("/"),
                    r.to.join("/"),
                );
                return j;
            }
        }
        if self.exception(&mut j, proto) {
            return j;
        }
        if let (Some((n, _)), Some(other)) = (negotiated, said.allow.first()) {
            j.reason = format!(
                "{} at {} on the control connection {}:{} announced this port for a {} connection from {} to {}; no rule documents that, and the range of {} ({}) is for another purpose",
                n.method,
                n.announced_at.time_of_day(),
                n.control_server,
                n.control_server_port,
                n.protocol,
                describe_host(c.1),
                describe_host(s.1),
                other.id,
                other.purpose
            );
            return j;
        }
        j.reason = match said.reverse {
            Some(r) => format!(
                "{svc} is documented only from {} to {} ({}); this flow goes the other way, from {} to {}",
                r.from.join("/"),
                r.to.join("/"),
                r.id,
                describe_host(c.1),
                describe_host(s.1)
            ),
            None => format!(
                "no rule allows {svc} from {} to {}",
                describe_host(c.1),
                describe_host(s.1)
            ),
        };
        if let Some(p) = carried {
            // Said only off the documented control ports (FTP on 2121): on 21 the port
            // already says what the flow is.
            let documented: Vec<String> = self
                .rules
                .control_ports(self.site)
                .into_iter()
                .filter(|(cp, t, _)| *cp == p && *t == proto)
                .map(|(_, _, port)| port.to_string())
                .collect();
            let on_documented = j
                .flow
                .server_port
                .is_some_and(|port| documented.contains(&port.to_string()));
            if !on_documented {
                j.reason.push_str(&format!(
                    "; its content is {p} control traffic, which the documents give only on port(s) {}",
                    if documented.is_empty() { "none".to_string() } else { documented.join(", ") }
                ));
            }
        }
        if let Some((n, _)) = negotiated {
            j.reason.push_str(&format!(
                "; the port was announced by {} {} at {} on {}:{}",
                n.protocol,
                n.method,
                n.announced_at.time_of_day(),
                n.control_server,
                n.control_server_port
            ));
        }
        if let Some(expired) = self.expired_exception(&j, proto) {
            j.reason
                .push_str(&format!("; the site exception for it expired on {expired}"));
        }
        j
    }

    fn set_rule(&self, j: &mut Draft, r: &Rule, v: Verdict, e: Option<Evidence>) {
        j.verdict = v;
        j.evidence = e;
        j.rule = Some(r.id.clone());
        j.pack = Some(r.pack.clone());
        j.cite = Some(r.cite.clone());
    }

    fn document_of(&self, r: &Rule) -> String {
        self.rules
            .pack(&r.pack)
            .map(|p| p.document.short.clone())
            .unwrap_or_else(|| r.pack.clone())
    }

    /// An allow rule between these hosts' roles whose ports the given protocol negotiates.
    fn negotiated_rule_for(
        &self,
        c: &Host,
        s: &Host,
        proto: Transport,
        neg: ControlProtocol,
    ) -> Option<&'a Rule> {
        let from = self.rules.expand_roles(&c.roles);
        let to = self.rules.expand_roles(&s.roles);
        self.rules.rules().find(|r| {
            r.kind == RuleKind::Allow
                && r.negotiated_by.contains(&neg)
                && r.protocols.contains(&proto)
                && r.from.iter().any(|x| from.contains(x))
                && r.to.iter().any(|x| to.contains(x))
        })
    }

    fn exception(&self, j: &mut Draft, proto: Transport) -> bool {
        let Some(site) = self.site else { return false };
        let on = Date::from_unix_seconds(j.flow.first_seen.secs() as i64);
        match site.exception_for(j.flow.client, j.flow.server, proto, j.flow.server_port, on) {
            Some(e) => {
                j.verdict = Verdict::Documented;
                j.evidence = Some(Evidence::Exception);
                j.cite = Some(format!("site exception ({})", e.defined_at));
                j.reason = match e.expires {
                    Some(d) => format!("site exception, valid through {d}: {}", e.reason),
                    None => format!("site exception: {}", e.reason),
                };
                true
            }
            None => false,
        }
    }

    /// The expiry date of an exception that covers this flow but had expired by then.
    fn expired_exception(&self, j: &Draft, proto: Transport) -> Option<Date> {
        let site = self.site?;
        // Asking as of the epoch finds every covering exception, expired or not.
        let epoch = Date::from_unix_seconds(0);
        site.exception_for(
            j.flow.client,
            j.flow.server,
            proto,
            j.flow.server_port,
            epoch,
        )
        .and_then(|e| e.expires)
    }
}

/// "ftp", or "onc-rpc-portmap or dcerpc-epm": the protocols a rule lets negotiate its ports.
fn negotiator_names(negotiators: &[ControlProtocol]) -> String {
    let names: Vec<&str> = negotiators.iter().map(|n| n.as_str()).collect();
    names.join(" or ")
}

/// Why a matching announcement is no evidence for a flow, for its reason (after "the").
fn unproven_announcement(n: &tapaudit_flow::Negotiation) -> String {
    let what = format!(
        "{} {} at {} on {}:{}",
        n.protocol,
        n.method,
        n.announced_at.time_of_day(),
        n.control_server,
        n.control_server_port
    );
    if !n.start_seen {
        format!(
            " {what} announced this port, but the connection's start was not seen, so it may predate the announcement: not counted as negotiated"
        )
    } else {
        format!(
            " {what} announced this port, but had already accounted for {} connection(s) ({} allows {} per announcement): not counted as negotiated",
            n.earlier_uses,
            n.protocol,
            n.protocol.connections_per_announcement()
        )
    }
}
