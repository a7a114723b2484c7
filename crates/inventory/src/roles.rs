//! Roles suggested from the rule packs: for each address, the roles under which the flows
//! it serves and opens match allow rules, found with the audit's own rule lookup
//! ([`RuleSet::lookup`]) run with each candidate role.
//!
//! The method: the flows of an address are folded into conversations (peer, direction,
//! protocol, port, announcing protocol). A conversation supports a candidate role when the
//! lookup with that role on this side (and the peer's current roles on the other, or any
//! role while the peer has none yet) finds a rule that documents it the way the audit
//! would: by its fixed port, or by an announcement of the rule's negotiating protocol
//! ("strong"), or only by a port range ("weak": weak support never suggests a role by
//! itself). Roles are then chosen greedily to cover the strong conversations (the role
//! covering most first; on a tie the one that claims least, i.e. implies fewer roles), and
//! the whole is repeated with the peers' chosen roles until nothing changes (at most
//! [`ROUNDS`] times).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::net::IpAddr;

use tapaudit_flow::{FlowRecord, State};
use tapaudit_rules::{RuleKind, RuleSet, Site};
use tapaudit_vocab::{ControlProtocol, Transport};

/// Rounds of suggestion with the peers' roles at most.
pub const ROUNDS: usize = 4;
/// Conversations kept per address at most (beyond, counted in `more_conversations`).
pub const MAX_CONVERSATIONS: usize = 2048;

/// One role suggested for an address, with what supports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub role: String,
    /// `high`, `medium` or `low`.
    pub confidence: &'static str,
    /// Another role that the same traffic supports as well.
    pub competing: Option<String>,
    /// Rule id -> flows it documents under this role.
    pub rules: BTreeMap<String, u64>,
    /// A few announcements that made flows negotiated (`PASV on 10.0.0.1:21 -> 1027`).
    pub announcements: Vec<String>,
}

/// What the traffic says about one address.
#[derive(Clone, Debug, Default)]
pub struct HostEvidence {
    pub suggestions: Vec<Suggestion>,
    /// Services it served that no pack documents between any roles: (`tcp/3389`, flows,
    /// distinct peers).
    pub unknown_services: Vec<(String, u64, usize)>,
    pub flows_served: u64,
    pub flows_opened: u64,
    pub more_conversations: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct ConvKey {
    peer: IpAddr,
    serves: bool,
    proto: Transport,
    port: Option<u16>,
    negotiated: Option<ControlProtocol>,
}

#[derive(Default)]
struct Conv {
    flows: u64,
    announcement: Option<String>,
}

/// Whether a lookup documents a conversation, and by which rule.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    Weak,
    Strong,
}

/// Addresses that took part: unicast addresses that opened a flow or answered one.
pub fn participants(flows: &[FlowRecord]) -> BTreeSet<IpAddr> {
    let mut out = BTreeSet::new();
    for f in flows {
        if unicast(f.client) {
            out.insert(f.client);
        }
        if unicast(f.server) && answered(f) {
            out.insert(f.server);
        }
    }
    out
}

pub(crate) fn unicast(ip: IpAddr) -> bool {
    !ip.is_multicast() && !ip.is_unspecified() && !matches!(ip, IpAddr::V4(v4) if v4.is_broadcast())
}

pub(crate) fn answered(f: &FlowRecord) -> bool {
    f.packets_to_client > 0 && !matches!(f.state, State::Refused | State::Blocked)
}

/// Suggestions for every address of `hosts`, from `flows`. `site` only supplies port
/// overrides (the draft keeps its hosts' roles as they are).
pub fn suggest_roles(
    rules: &RuleSet,
    site: Option<&Site>,
    flows: &[FlowRecord],
    hosts: &BTreeSet<IpAddr>,
) -> BTreeMap<IpAddr, HostEvidence> {
    let mut convs: BTreeMap<IpAddr, BTreeMap<ConvKey, Conv>> = BTreeMap::new();
    let mut evidence: BTreeMap<IpAddr, HostEvidence> = BTreeMap::new();
    for f in flows {
        let Some(proto) = f.proto.transport() else {
            continue;
        };
        let negotiated = f.negotiated_by.as_deref().map(|n| n.protocol);
        let announcement = f.negotiated_by.as_deref().map(|n| {
            format!(
                "{} {} on {}:{} announced {}",
                n.protocol,
                n.method,
                n.control_server,
                n.control_server_port,
                f.server_port.unwrap_or(0)
            )
        });
        for (me, peer, serves) in [(f.server, f.client, true), (f.client, f.server, false)] {
            if !hosts.contains(&me) || (serves && !answered(f)) {
                continue;
            }
            let ev = evidence.entry(me).or_default();
            if serves {
                ev.flows_served += 1;
            } else {
                ev.flows_opened += 1;
            }
            let key = ConvKey {
                peer,
                serves,
                proto,
                port: f.server_port,
                negotiated,
            };
            let mine = convs.entry(me).or_default();
            if !mine.contains_key(&key) && mine.len() >= MAX_CONVERSATIONS {
                ev.more_conversations += 1;
                continue;
            }
            let c = mine.entry(key).or_default();
            c.flows += 1;
            if c.announcement.is_none() {
                c.announcement.clone_from(&announcement);
            }
        }
    }

    let all_roles: Vec<String> = rules.role_ids().map(str::to_string).collect();
    let mut m = Matcher {
        rules,
        site,
        all: all_roles.clone(),
        cache: HashMap::new(),
    };
    let mut chosen: BTreeMap<IpAddr, Vec<String>> = BTreeMap::new();
    for _ in 0..ROUNDS {
        let mut next = BTreeMap::new();
        for (ip, cs) in &convs {
            let picks = pick(&mut m, &all_roles, cs, &chosen);
            next.insert(*ip, picks);
        }
        let done = next == chosen;
        chosen = next;
        if done {
            break;
        }
    }

    for (ip, cs) in &convs {
        let ev = evidence.entry(*ip).or_default();
        let picks = chosen.get(ip).cloned().unwrap_or_default();
        let supports =
            |m: &mut Matcher<'_>, role: &str| -> BTreeMap<&ConvKey, (Strength, String)> {
                let mut out = BTreeMap::new();
                for k in cs.keys() {
                    if let Some(s) = m.support(role, k, chosen.get(&k.peer)) {
                        out.insert(k, s);
                    }
                }
                out
            };
        for role in &picks {
            let mine = supports(&mut m, role);
            let strong: BTreeSet<&ConvKey> = mine
                .iter()
                .filter(|(_, (s, _))| *s == Strength::Strong)
                .map(|(k, _)| *k)
                .collect();
            let mut rule_flows: BTreeMap<String, u64> = BTreeMap::new();
            let mut announcements = Vec::new();
            for (k, (_, rule)) in &mine {
                let c = &cs[*k];
                *rule_flows.entry(rule.clone()).or_default() += c.flows;
                if let Some(a) = &c.announcement {
                    if announcements.len() < 3 && !announcements.contains(a) {
                        announcements.push(a.clone());
                    }
                }
            }
            let closure = rules.expand_roles(std::slice::from_ref(role));
            let competing = all_roles
                .iter()
                .filter(|r| *r != role && !picks.contains(r) && !closure.contains(r))
                .filter(|r| !rules.expand_roles(std::slice::from_ref(*r)).contains(role))
                .find(|r| {
                    let theirs = supports(&mut m, r);
                    strong
                        .iter()
                        .all(|k| matches!(theirs.get(k), Some((Strength::Strong, _))))
                })
                .cloned();
            let flows: u64 = strong.iter().map(|k| cs[*k].flows).sum();
            let confidence = if competing.is_some() {
                "low"
            } else if strong.len() >= 2 || flows >= 3 {
                "high"
            } else {
                "medium"
            };
            ev.suggestions.push(Suggestion {
                role: role.clone(),
                confidence,
                competing,
                rules: rule_flows,
                announcements,
            });
        }
        // Services no pack knows: served conversations no role documents at all.
        let mut unknown: BTreeMap<String, (u64, BTreeSet<IpAddr>)> = BTreeMap::new();
        for (k, c) in cs.iter().filter(|(k, _)| k.serves) {
            if m.any_rule(k).is_none() {
                let svc = match k.port {
                    Some(p) => format!("{}/{p}", k.proto),
                    None => k.proto.to_string(),
                };
                let e = unknown.entry(svc).or_default();
                e.0 += c.flows;
                e.1.insert(k.peer);
            }
        }
        ev.unknown_services = unknown
            .into_iter()
            .map(|(s, (n, peers))| (s, n, peers.len()))
            .collect();
    }
    evidence
}

/// Greedy cover of the strong conversations by roles.
fn pick(
    m: &mut Matcher<'_>,
    all: &[String],
    cs: &BTreeMap<ConvKey, Conv>,
    chosen: &BTreeMap<IpAddr, Vec<String>>,
) -> Vec<String> {
    // role -> (strong convs, weak convs) it supports
    let mut support: Vec<(&String, BTreeSet<&ConvKey>, usize)> = Vec::new();
    for role in all {
        let mut strong = BTreeSet::new();
        let mut weak = 0;
        for k in cs.keys() {
            match m.support(role, k, chosen.get(&k.peer)) {
                Some((Strength::Strong, _)) => {
                    strong.insert(k);
                }
                Some((Strength::Weak, _)) => weak += 1,
                None => {}
            }
        }
        if !strong.is_empty() {
            support.push((role, strong, weak));
        }
    }
    let mut uncovered: BTreeSet<&ConvKey> =
        support.iter().flat_map(|s| s.1.iter().copied()).collect();
    let mut picks: Vec<String> = Vec::new();
    while !uncovered.is_empty() {
        let best = support
            .iter()
            .map(|(r, strong, weak)| {
                let new = strong.intersection(&uncovered).count();
                let flows: u64 = strong.intersection(&uncovered).map(|k| cs[*k].flows).sum();
                let claims = m.rules.expand_roles(std::slice::from_ref(*r)).len();
                ((new, flows, *weak, std::cmp::Reverse(claims)), *r, strong)
            })
            .filter(|(score, _, _)| score.0 > 0)
            .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(a.1)));
        let Some((_, role, strong)) = best else { break };
        for k in strong {
            uncovered.remove(k);
        }
        picks.push(role.clone());
    }
    // A role implied by another pick says nothing more.
    let implied: BTreeSet<String> = picks
        .iter()
        .flat_map(|p| {
            m.rules
                .expand_roles(std::slice::from_ref(p))
                .into_iter()
                .filter(move |r| r != p)
        })
        .collect();
    picks.retain(|p| !implied.contains(p));
    picks.sort();
    picks
}

type CacheKey = (
    String,
    Vec<String>,
    bool,
    Transport,
    Option<u16>,
    Option<ControlProtocol>,
);

struct Matcher<'a> {
    rules: &'a RuleSet,
    site: Option<&'a Site>,
    all: Vec<String>,
    cache: HashMap<CacheKey, Option<(Strength, String)>>,
}

impl Matcher<'_> {
    /// Whether a host with `role` documents this conversation (peer with `peer_roles`, or
    /// any role while it has none), as the audit would judge it.
    fn support(
        &mut self,
        role: &str,
        k: &ConvKey,
        peer_roles: Option<&Vec<String>>,
    ) -> Option<(Strength, String)> {
        let peer = match peer_roles {
            Some(p) if !p.is_empty() => p.clone(),
            _ => self.all.clone(),
        };
        let key = (
            role.to_string(),
            peer,
            k.serves,
            k.proto,
            k.port,
            k.negotiated,
        );
        if let Some(v) = self.cache.get(&key) {
            return v.clone();
        }
        let me = vec![role.to_string()];
        let (from, to) = if k.serves {
            (&key.1, &me)
        } else {
            (&me, &key.1)
        };
        let v = self.judge(from, to, k);
        self.cache.insert(key, v.clone());
        v
    }

    /// Any rule between any roles that documents the conversation.
    fn any_rule(&mut self, k: &ConvKey) -> Option<(Strength, String)> {
        let all = self.all.clone();
        self.judge(&all, &all, k)
    }

    /// The audit's order: a deny covers nothing; an announced flow is documented by a rule
    /// of its protocol or a fixed-port rule; otherwise fixed ports first, then ranges.
    fn judge(&self, from: &[String], to: &[String], k: &ConvKey) -> Option<(Strength, String)> {
        let lk = self.rules.lookup(from, to, k.proto, k.port, self.site);
        let allow: Vec<&tapaudit_rules::Rule> = lk
            .allow
            .iter()
            .copied()
            .filter(|r| r.kind == RuleKind::Allow)
            .collect();
        if let Some(neg) = k.negotiated {
            if let Some(r) = allow.iter().find(|r| r.negotiated_by.contains(&neg)) {
                return Some((Strength::Strong, r.id.clone()));
            }
        }
        let fixed = |r: &tapaudit_rules::Rule| {
            let p = self.rules.effective_ports(r, self.site);
            r.negotiated_by.is_empty() && (p.is_empty() || p.is_single_ports())
        };
        if let Some(r) = allow.iter().copied().find(|r| fixed(r)) {
            return Some((Strength::Strong, r.id.clone()));
        }
        if k.negotiated.is_some() {
            return None;
        }
        allow.first().map(|r| (Strength::Weak, r.id.clone()))
    }
}
