//! All loaded packs together: role expansion, cross-pack checks and rule lookup.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Location, RulesError};
use tapaudit_vocab::{ControlProtocol, Transport};

use crate::model::{Pack, Platform, Role, Rule, RuleKind};
use crate::pack::parse_pack;
use crate::ports::PortSet;
use crate::site::Site;

/// The packs built into the library, in load order: (file name, text).
pub const EMBEDDED_PACKS: &[(&str, &str)] = &[
    (
        "factorytalk-assetcentre.toml",
        include_str!("../../../rules/factorytalk-assetcentre.toml"),
    ),
    (
        "clearscada.toml",
        include_str!("../../../rules/clearscada.toml"),
    ),
    (
        "pathtrak.toml",
        include_str!("../../../rules/pathtrak.toml"),
    ),
];

/// Every loaded pack, checked as a whole.
#[derive(Debug, Clone)]
pub struct RuleSet {
    packs: Vec<Pack>,
    /// role id -> the role and every role it implies (itself included), sorted.
    closure: BTreeMap<String, Vec<String>>,
    /// role id -> the platform its packs declare (roles without one are absent).
    platforms: BTreeMap<String, Platform>,
}

/// What the packs say about one flow.
#[derive(Debug, Clone, Default)]
pub struct Lookup<'a> {
    /// A deny rule covering the flow (the first by id), if any.
    pub deny: Option<&'a Rule>,
    /// Allow rules covering the flow: fixed-port rules first, then negotiated rules, then
    /// other range rules; by id within each group.
    pub allow: Vec<&'a Rule>,
}

impl RuleSet {
    /// Only the packs built into the library.
    pub fn embedded() -> Result<RuleSet, RulesError> {
        RuleSet::load(&[])
    }

    /// The embedded packs plus pack files or directories of `*.toml` files (not recursive,
    /// read in name order). A pack whose id is already loaded replaces it; two extra files
    /// with the same pack id are an error.
    pub fn load(extra: &[PathBuf]) -> Result<RuleSet, RulesError> {
        let mut diags = Vec::new();
        let mut packs: Vec<Pack> = Vec::new();
        for (name, text) in EMBEDDED_PACKS {
            match parse_pack(text, &format!("embedded:{name}")) {
                Ok(p) => packs.push(p),
                Err(e) => diags.extend(e.diagnostics()),
            }
        }
        let embedded_count = packs.len();
        let mut extra_ids: BTreeMap<String, Location> = BTreeMap::new();
        for path in pack_files(extra)? {
            let origin = path.display().to_string();
            let text = std::fs::read_to_string(&path).map_err(|source| RulesError::Io {
                path: origin.clone(),
                source,
            })?;
            let pack = match parse_pack(&text, &origin) {
                Ok(p) => p,
                Err(e) => {
                    diags.extend(e.diagnostics());
                    continue;
                }
            };
            if let Some(first) = extra_ids.get(&pack.id) {
                diags.push(Diagnostic::error(
                    &pack.id_at,
                    format!("pack \"{}\" is also defined at {first}", pack.id),
                ));
                continue;
            }
            extra_ids.insert(pack.id.clone(), pack.id_at.clone());
            // Only embedded packs can be replaced; two extra packs with one id are an error above.
            match packs
                .iter_mut()
                .take(embedded_count)
                .find(|p| p.id == pack.id)
            {
                Some(slot) => *slot = pack,
                None => packs.push(pack),
            }
        }
        if !diags.is_empty() {
            diags.sort();
            return Err(RulesError::Invalid(diags));
        }
        RuleSet::from_packs(packs)
    }

    /// Checks packs already parsed (cross-pack rules) and builds the set.
    fn from_packs(packs: Vec<Pack>) -> Result<RuleSet, RulesError> {
        let mut diags = Vec::new();
        let mut roles: BTreeMap<String, Vec<&Role>> = BTreeMap::new();
        for p in &packs {
            for r in &p.roles {
                roles.entry(r.id.clone()).or_default().push(r);
            }
        }
        for p in &packs {
            for (role, at) in &p.role_refs {
                if !roles.contains_key(role) {
                    diags.push(Diagnostic::error(
                        at,
                        format!("unknown role \"{role}\"{}", suggest(role, roles.keys())),
                    ));
                }
            }
        }
        // A role declared by two packs (smtp.server) must not run on two platforms.
        for decls in roles.values() {
            let Some(first) = decls.iter().find(|r| r.platform.is_some()) else {
                continue;
            };
            for r in decls {
                if r.platform.is_some_and(|p| Some(p) != first.platform) {
                    diags.push(Diagnostic::error(
                        &r.defined_at,
                        format!(
                            "role \"{}\" has platform {} here and {} at {}",
                            r.id,
                            r.platform.map(|p| p.as_str()).unwrap_or("-"),
                            first.platform.map(|p| p.as_str()).unwrap_or("-"),
                            first.defined_at
                        ),
                    ));
                }
            }
        }
        let platforms = roles
            .iter()
            .filter_map(|(id, decls)| {
                decls
                    .iter()
                    .find_map(|r| r.platform)
                    .map(|p| (id.clone(), p))
            })
            .collect();
        let closure = closure_of(&roles);
        let set = RuleSet {
            packs,
            closure,
            platforms,
        };

        let mut seen: BTreeMap<&str, &Rule> = BTreeMap::new();
        for rule in set.rules() {
            if let Some(first) = seen.insert(&rule.id, rule) {
                diags.push(Diagnostic::error(
                    &rule.defined_at,
                    format!(
                        "duplicate rule id \"{}\": also defined at {}",
                        rule.id, first.defined_at
                    ),
                ));
            }
        }
        let controlled: BTreeSet<ControlProtocol> =
            set.rules().filter_map(|r| r.control_for).collect();
        for rule in set.rules() {
            for &n in &rule.negotiated_by {
                if !controlled.contains(&n) {
                    diags.push(Diagnostic::error(
                        &rule.defined_at,
                        format!(
                            "rule \"{}\" is negotiated by {n}, but no rule is marked `control_for = \"{n}\"`",
                            rule.id
                        ),
                    ));
                }
            }
        }
        diags.extend(set.contradictions());
        if diags.is_empty() {
            Ok(set)
        } else {
            diags.sort();
            diags.dedup();
            Err(RulesError::Invalid(diags))
        }
    }

    /// An allow and a deny that cover the same roles, protocol and port.
    fn contradictions(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let denies: Vec<&Rule> = self.rules().filter(|r| r.kind == RuleKind::Deny).collect();
        for allow in self.rules().filter(|r| r.kind == RuleKind::Allow) {
            for deny in &denies {
                let from = self.common_role(&allow.from, &deny.from);
                let to = self.common_role(&allow.to, &deny.to);
                let proto = allow.protocols.iter().find(|p| deny.protocols.contains(p));
                let (Some(from), Some(to), Some(proto)) = (from, to, proto) else {
                    continue;
                };
                let what = if *proto == Transport::Icmp {
                    "icmp".to_string()
                } else {
                    match allow.ports.first_common(&deny.ports) {
                        Some(port) => format!("{proto} port {port}"),
                        None => continue,
                    }
                };
                out.push(Diagnostic::error(
                    &allow.defined_at,
                    format!(
                        "rule \"{}\" allows what rule \"{}\" ({}) denies: {what} from {from} to {to}",
                        allow.id, deny.id, deny.defined_at
                    ),
                ));
            }
        }
        out
    }

    /// A role that a host could have and be covered by both role lists.
    fn common_role(&self, a: &[String], b: &[String]) -> Option<String> {
        self.closure
            .iter()
            .find(|(_, implied)| {
                implied.iter().any(|r| a.contains(r)) && implied.iter().any(|r| b.contains(r))
            })
            .map(|(id, _)| id.clone())
    }

    pub fn packs(&self) -> &[Pack] {
        &self.packs
    }

    pub fn pack(&self, id: &str) -> Option<&Pack> {
        self.packs.iter().find(|p| p.id == id)
    }

    pub fn rules(&self) -> impl Iterator<Item = &Rule> {
        self.packs.iter().flat_map(|p| p.rules.iter())
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules().find(|r| r.id == id)
    }

    /// Every declared role id, sorted.
    pub fn role_ids(&self) -> impl Iterator<Item = &str> {
        self.closure.keys().map(String::as_str)
    }

    pub fn has_role(&self, id: &str) -> bool {
        self.closure.contains_key(id)
    }

    /// The roles plus every role they imply, sorted and deduplicated. Unknown roles are kept
    /// as given (site checks report them).
    pub fn expand_roles(&self, roles: &[String]) -> Vec<String> {
        let mut out: BTreeSet<String> = BTreeSet::new();
        for r in roles {
            match self.closure.get(r) {
                Some(all) => out.extend(all.iter().cloned()),
                None => {
                    out.insert(r.clone());
                }
            }
        }
        out.into_iter().collect()
    }

    /// The platform a role's packs declare (`platform = "windows"`), if any.
    pub fn role_platform(&self, role: &str) -> Option<Platform> {
        self.platforms.get(role).copied()
    }

    /// The platforms a host with `roles` runs, from its roles and every role they imply:
    /// empty when no role says, more than one when its roles disagree.
    pub fn platforms_of(&self, roles: &[String]) -> BTreeSet<Platform> {
        self.expand_roles(roles)
            .iter()
            .filter_map(|r| self.role_platform(r))
            .collect()
    }

    /// The rule's ports with the site's override applied (only configurable rules).
    pub fn effective_ports(&self, rule: &Rule, site: Option<&Site>) -> PortSet {
        if rule.configurable {
            if let Some(o) = site.and_then(|s| s.overrides.iter().find(|o| o.rule == rule.id)) {
                return o.ports.clone();
            }
        }
        rule.ports.clone()
    }

    /// What the packs say about a flow from a host with `from_roles` to one with
    /// `to_roles`. `port` is `None` for ICMP.
    pub fn lookup(
        &self,
        from_roles: &[String],
        to_roles: &[String],
        proto: Transport,
        port: Option<u16>,
        site: Option<&Site>,
    ) -> Lookup<'_> {
        let from = self.expand_roles(from_roles);
        let to = self.expand_roles(to_roles);
        let mut deny: Option<&Rule> = None;
        let mut allow: Vec<(u8, &Rule)> = Vec::new();
        for rule in self.rules() {
            if !rule.protocols.contains(&proto)
                || !rule.from.iter().any(|r| from.binary_search(r).is_ok())
                || !rule.to.iter().any(|r| to.binary_search(r).is_ok())
            {
                continue;
            }
            let ports = self.effective_ports(rule, site);
            let hit = match (proto, port) {
                (Transport::Icmp, _) => true,
                (_, Some(p)) => ports.contains(p),
                (_, None) => false,
            };
            if !hit {
                continue;
            }
            match rule.kind {
                RuleKind::Deny => {
                    if !matches!(deny, Some(d) if d.id <= rule.id) {
                        deny = Some(rule);
                    }
                }
                RuleKind::Allow => {
                    let group = if !rule.negotiated_by.is_empty() {
                        1
                    } else if ports.is_empty() || ports.is_single_ports() {
                        0
                    } else {
                        2
                    };
                    allow.push((group, rule));
                }
            }
        }
        allow.sort_by(|a, b| (a.0, &a.1.id).cmp(&(b.0, &b.1.id)));
        Lookup {
            deny,
            allow: allow.into_iter().map(|(_, r)| r).collect(),
        }
    }

    /// The control ports negotiated rules depend on, from the rules marked `control_for`,
    /// with site overrides applied; sorted, deduplicated.
    pub fn control_ports(&self, site: Option<&Site>) -> Vec<(ControlProtocol, Transport, u16)> {
        let mut out = BTreeSet::new();
        for rule in self.rules() {
            let Some(n) = rule.control_for else { continue };
            let ports = self.effective_ports(rule, site);
            for proto in &rule.protocols {
                for port in ports.iter_ports() {
                    out.insert((n, *proto, port));
                }
            }
        }
        out.into_iter().collect()
    }
}

fn closure_of(roles: &BTreeMap<String, Vec<&Role>>) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for id in roles.keys() {
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut stack = vec![id.clone()];
        // Bounded by the number of roles: each is visited once, so cycles end.
        while let Some(r) = stack.pop() {
            if !seen.insert(r.clone()) {
                continue;
            }
            for decl in roles.get(&r).into_iter().flatten() {
                stack.extend(decl.implies.iter().cloned());
            }
        }
        out.insert(id.clone(), seen.into_iter().collect());
    }
    out
}

/// `, did you mean "x"?` when a known id shares a long prefix or differs little.
pub(crate) fn suggest<'a>(wrong: &str, known: impl Iterator<Item = &'a String>) -> String {
    let best = known
        .map(|k| (edit_distance(wrong, k), k))
        .filter(|(d, _)| *d <= 3)
        .min();
    match best {
        Some((_, k)) => format!(", did you mean \"{k}\"?"),
        None => String::new(),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

fn pack_files(extra: &[PathBuf]) -> Result<Vec<PathBuf>, RulesError> {
    let mut out = Vec::new();
    for p in extra {
        if p.is_dir() {
            let io = |source| RulesError::Io {
                path: p.display().to_string(),
                source,
            };
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(io)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "toml"))
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

impl RuleSet {
    /// Loads packs from these files only (no embedded packs).
    pub fn load_only(files: &[&Path]) -> Result<RuleSet, RulesError> {
        let mut texts = Vec::new();
        for f in files {
            let origin = f.display().to_string();
            let text = std::fs::read_to_string(f).map_err(|source| RulesError::Io {
                path: origin.clone(),
                source,
            })?;
            texts.push((origin, text));
        }
        let refs: Vec<(&str, &str)> = texts
            .iter()
            .map(|(o, t)| (o.as_str(), t.as_str()))
            .collect();
        RuleSet::from_texts(&refs)
    }

    /// Parses packs from `(origin, text)` pairs only (no embedded packs).
    pub fn from_texts(texts: &[(&str, &str)]) -> Result<RuleSet, RulesError> {
        let mut packs = Vec::new();
        let mut diags = Vec::new();
        for (origin, text) in texts {
            match parse_pack(text, origin) {
                Ok(p) => packs.push(p),
                Err(e) => diags.extend(e.diagnostics()),
            }
        }
        if !diags.is_empty() {
            diags.sort();
            return Err(RulesError::Invalid(diags));
        }
        RuleSet::from_packs(packs)
    }
}
