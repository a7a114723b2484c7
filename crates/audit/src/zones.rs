//! Zones and conduits (IEC 62443-3-2, -3-3 SR 5.1/5.2): every judged flow placed in the
//! zone pair it joins, flows that cross a zone boundary outside any conduit (findings of
//! their own, even when a vendor document allows the flow), and conduits that carried
//! nothing.
//!
//! A crossing that was answered (the responder's side was reached) is a finding: the zone
//! boundary let it through. Attempts that were never answered, refused or blocked are
//! listed with the crossing but are no finding: they are what boundary protection looks
//! like from the wire.
//!
//! Pure: read from the judged flows and the site's zones ([`Site::zone_for`]).

use std::collections::{BTreeMap, HashMap};
use std::net::IpAddr;

use tapaudit_rules::{is_group_destination, Site, OUTSIDE};
use tapaudit_vocab::Timestamp;

use crate::{finding, FindingKey, JudgedFlow, Verdict};

/// Flows, packets and bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Traffic {
    pub flows: u64,
    pub packets: u64,
    pub bytes: u64,
}

impl Traffic {
    fn add(&mut self, j: &JudgedFlow) {
        let f = &j.flow;
        self.flows += 1;
        self.packets += f.packets_to_server + f.packets_to_client;
        self.bytes += f.bytes_to_server + f.bytes_to_client;
    }
}

/// The flows opened from one zone to another (or inside one).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ZoneCell {
    pub all: Traffic,
    /// Crossing flows a conduit carries.
    pub in_conduit: u64,
    /// Crossing flows outside any conduit that were answered (findings).
    pub outside_conduit: u64,
    /// Crossing flows outside any conduit never answered, refused or blocked.
    pub attempts: u64,
}

/// Flows between one pair of hosts, for one service, that crossed a zone boundary outside
/// any conduit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneCrossing {
    pub from_zone: String,
    pub to_zone: String,
    /// The inventory host, or the address of one the inventory does not list.
    pub client: String,
    pub server: String,
    /// As in finding ids: `tcp/502`, `icmp`, `tcp/negotiated-by-ftp`.
    pub service: String,
    /// Flows the responder answered.
    pub answered: Traffic,
    /// Flows never answered, refused or blocked.
    pub attempts: u64,
    pub first_seen: Timestamp,
    pub last_seen: Timestamp,
    /// The rules that documented (allowed) these flows, if a pack did: the crossing is a
    /// finding all the same.
    pub documented_by: Vec<String>,
    /// Index of the first of these flows in [`crate::AuditResult::flows`].
    pub first_flow: usize,
}

impl ZoneCrossing {
    /// An answered crossing is a finding; attempts only are not.
    pub fn is_finding(&self) -> bool {
        self.answered.flows > 0
    }

    /// Its finding id's key (kind `zone-crossing`).
    pub fn key(&self) -> FindingKey {
        FindingKey {
            kind: "zone-crossing",
            rule: None,
            client: self.client.clone(),
            server: self.server.clone(),
            service: self.service.clone(),
        }
    }
}

/// What one conduit carried.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConduitUse {
    /// Index in [`Site::conduits`].
    pub index: usize,
    pub carried: Traffic,
}

/// The zones of the audit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ZoneAudit {
    /// Zone names in the site file's order, then [`OUTSIDE`] when a flow touched an address
    /// in no zone.
    pub zones: Vec<String>,
    /// (from zone, to zone), as indices into `zones` -> the flows between them.
    pub matrix: BTreeMap<(usize, usize), ZoneCell>,
    /// Sorted: findings first, then by zones, hosts and service.
    pub crossings: Vec<ZoneCrossing>,
    /// One per site conduit, in the file's order.
    pub conduits: Vec<ConduitUse>,
}

impl ZoneAudit {
    /// Crossings that are findings.
    pub fn findings(&self) -> impl Iterator<Item = &ZoneCrossing> {
        self.crossings.iter().filter(|c| c.is_finding())
    }
}

/// The zone audit of the judged flows; None when the site has no zones.
pub fn zone_audit(site: &Site, flows: &[JudgedFlow]) -> Option<ZoneAudit> {
    if site.zones.is_empty() {
        return None;
    }
    let mut names: Vec<String> = site.zones.iter().map(|z| z.name.clone()).collect();
    let index_of = |names: &mut Vec<String>, zone: &str| -> usize {
        match names.iter().position(|n| n == zone) {
            Some(i) => i,
            None => {
                names.push(zone.to_string());
                names.len() - 1
            }
        }
    };
    // Flows repeat the same few addresses: each address's zone is looked up once (per
    // sender, for a group destination).
    let mut zone_cache: HashMap<(IpAddr, IpAddr), usize> = HashMap::new();
    let mut matrix: BTreeMap<(usize, usize), ZoneCell> = BTreeMap::new();
    let mut conduits: Vec<ConduitUse> = (0..site.conduits.len())
        .map(|index| ConduitUse {
            index,
            carried: Traffic::default(),
        })
        .collect();
    let mut crossings: BTreeMap<(usize, usize, String, String, String), ZoneCrossing> =
        BTreeMap::new();
    for (i, j) in flows.iter().enumerate() {
        let f = &j.flow;
        let mut zone = |ip: IpAddr, peer: IpAddr| -> usize {
            // Only a group destination's zone depends on its peer.
            let key = if is_group_destination(ip) {
                (ip, peer)
            } else {
                (ip, ip)
            };
            if let Some(&z) = zone_cache.get(&key) {
                return z;
            }
            let name = site.zone_for(ip, peer).unwrap_or(OUTSIDE).to_string();
            let z = index_of(&mut names, &name);
            zone_cache.insert(key, z);
            z
        };
        let from = zone(f.client, f.server);
        let to = zone(f.server, f.client);
        let cell = matrix.entry((from, to)).or_default();
        cell.all.add(j);
        if from == to {
            continue;
        }
        let documented_by = match j.verdict {
            Verdict::Documented => j.rule.as_deref(),
            _ => None,
        };
        let proto = f.proto.transport();
        let conduit = proto.and_then(|p| {
            site.conduit_for((&names[from], &names[to]), p, f.server_port, documented_by)
        });
        if let Some((k, _)) = conduit {
            cell.in_conduit += 1;
            conduits[k].carried.add(j);
            continue;
        }
        let answered = f.state.is_answered();
        if answered {
            cell.outside_conduit += 1;
        } else {
            cell.attempts += 1;
        }
        let label = |h: &Option<String>, ip: IpAddr| h.clone().unwrap_or_else(|| ip.to_string());
        let (client, server) = (
            label(&j.client_host, f.client),
            label(&j.server_host, f.server),
        );
        let service = finding::service_of(f);
        let c = crossings
            .entry((from, to, client.clone(), server.clone(), service.clone()))
            .or_insert_with(|| ZoneCrossing {
                from_zone: String::new(),
                to_zone: String::new(),
                client,
                server,
                service,
                answered: Traffic::default(),
                attempts: 0,
                first_seen: f.first_seen,
                last_seen: f.last_seen,
                documented_by: Vec::new(),
                first_flow: i,
            });
        if answered {
            c.answered.add(j);
        } else {
            c.attempts += 1;
        }
        c.first_seen = c.first_seen.min(f.first_seen);
        c.last_seen = c.last_seen.max(f.last_seen);
        if let Some(r) = documented_by {
            if !c.documented_by.iter().any(|x| x == r) {
                c.documented_by.push(r.to_string());
            }
        }
    }
    let mut crossings: Vec<ZoneCrossing> = crossings
        .into_iter()
        .map(|((from, to, ..), mut c)| {
            c.from_zone = names[from].clone();
            c.to_zone = names[to].clone();
            c.documented_by.sort();
            c
        })
        .collect();
    // Findings first; the map's order (zones in file order, hosts, service) within.
    crossings.sort_by_key(|c| !c.is_finding());
    Some(ZoneAudit {
        zones: names,
        matrix,
        crossings,
        conduits,
    })
}
