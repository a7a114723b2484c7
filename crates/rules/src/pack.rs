//! Reading one pack file: TOML -> raw structs (with spans) -> a checked [`Pack`].
//!
//! Checks that need only this file happen here (syntax, unknown fields, ports, named
//! ranges, levels, duplicate ids). Checks across packs (unknown roles, duplicate rule ids
//! between packs, contradictions) happen in [`crate::RuleSet`].

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, LineIndex, RulesError};
use crate::doc;
use tapaudit_vocab::{ControlProtocol, Transport};

use crate::model::{
    parse_transports, Document, Level, NamedRange, Pack, Platform, Role, Rule, RuleKind,
};
use crate::ports::{parse_item, PortItem, PortRange, PortSet, PortSpec};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    pack: RawHeader,
    #[serde(default)]
    ranges: Vec<RawRange>,
    #[serde(default)]
    roles: Vec<RawRole>,
    #[serde(default)]
    rules: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    id: Spanned<String>,
    title: String,
    document: Document,
    #[serde(default)]
    comment: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRange {
    name: Spanned<String>,
    ports: Spanned<Vec<Spanned<PortItem>>>,
    #[serde(default)]
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    id: Spanned<String>,
    description: String,
    #[serde(default)]
    implies: Vec<Spanned<String>>,
    #[serde(default)]
    platform: Option<Spanned<String>>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum RawLevel {
    Required,
    Optional,
    Conditional,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    #[serde(default)]
    kind: Option<RuleKind>,
    from: Spanned<Vec<Spanned<String>>>,
    to: Spanned<Vec<Spanned<String>>>,
    proto: Spanned<String>,
    #[serde(default)]
    ports: Option<Spanned<Vec<Spanned<PortItem>>>>,
    #[serde(default)]
    negotiated_by: Option<Spanned<Negotiators>>,
    #[serde(default)]
    control_for: Option<Spanned<ControlProtocol>>,
    #[serde(default)]
    level: Option<Spanned<RawLevel>>,
    #[serde(default)]
    condition: Option<Spanned<String>>,
    #[serde(default)]
    configurable: Option<Spanned<bool>>,
    cite: Spanned<String>,
    purpose: String,
    #[serde(default)]
    comment: Option<String>,
}

/// `negotiated_by`: one control protocol (`"ftp"`) or several (`["ftp", "dcerpc-epm"]`).
struct Negotiators(Vec<ControlProtocol>);

impl<'de> Deserialize<'de> for Negotiators {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Negotiators;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a control protocol or a list of them")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Negotiators, E> {
                use serde::de::IntoDeserializer;
                ControlProtocol::deserialize(v.into_deserializer()).map(|p| Negotiators(vec![p]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Negotiators, A::Error> {
                let mut all = Vec::new();
                while let Some(p) = seq.next_element::<ControlProtocol>()? {
                    if !all.contains(&p) {
                        all.push(p);
                    }
                }
                all.sort();
                Ok(Negotiators(all))
            }
        }
        d.deserialize_any(Visit)
    }
}

/// Ids of packs, roles, rules and ranges: lowercase ASCII letters, digits, `.`, `-`, `_`.
pub(crate) fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
}

/// Parses one pack; `origin` names it in diagnostics (a path or `embedded:<name>`).
pub(crate) fn parse_pack(text: &str, origin: &str) -> Result<Pack, RulesError> {
    let idx = LineIndex::new(origin, text);
    let mut diags = Vec::new();
    // Every problem in one pass: each table and entry is read on its own (crate::doc).
    let Some(mut root) = doc::parse(text, &idx, &mut diags) else {
        return Err(RulesError::Invalid(diags));
    };
    doc::strip_unknown(&mut root, doc::fields::<RawFile>(), &idx, &mut diags);
    let header: Option<RawHeader> = doc::table_entry(
        &mut root,
        "pack",
        &[("document", doc::fields::<Document>())],
        &idx,
        &mut diags,
    );
    let ranges = doc::array_entries(&mut root, "ranges", &idx, &mut diags, |_| {});
    let roles = doc::array_entries(&mut root, "roles", &idx, &mut diags, |_| {});
    let rules = doc::array_entries(&mut root, "rules", &idx, &mut diags, |_| {});
    let Some(header) = header else {
        diags.sort();
        return Err(RulesError::Invalid(diags));
    };
    let raw = RawFile {
        pack: header,
        ranges,
        roles,
        rules,
    };
    let mut pack = build(raw, &idx, &mut diags);
    pack.sha256 = sha256_hex(text);
    if diags.iter().any(Diagnostic::is_error) {
        diags.sort();
        return Err(RulesError::Invalid(diags));
    }
    Ok(pack)
}

/// SHA-256 of a text, in lowercase hex (as `sha256sum` prints it).
pub(crate) fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn build(raw: RawFile, idx: &LineIndex<'_>, diags: &mut Vec<Diagnostic>) -> Pack {
    let pack_id = raw.pack.id.get_ref().clone();
    if !valid_id(&pack_id) {
        diags.push(idx.error(
            &raw.pack.id.span(),
            format!(
                "pack id \"{pack_id}\" is not valid: use lowercase letters, digits, '.', '-', '_'"
            ),
        ));
    }

    // Named ranges first: rules refer to them.
    let mut ranges: Vec<NamedRange> = Vec::new();
    let mut range_map: BTreeMap<String, PortSet> = BTreeMap::new();
    for r in raw.ranges {
        let name = r.name.get_ref().clone();
        if !valid_id(&name) {
            diags.push(idx.error(&r.name.span(), format!("range name \"{name}\" is not valid: use lowercase letters, digits, '.', '-', '_'")));
        }
        if range_map.contains_key(&name) {
            diags.push(idx.error(
                &r.name.span(),
                format!("range \"{name}\" is declared twice"),
            ));
            continue;
        }
        let ports = resolve_ports(&r.ports, &BTreeMap::new(), idx, diags);
        if r.ports.get_ref().is_empty() {
            diags.push(idx.error(&r.ports.span(), format!("range \"{name}\" has no ports")));
        }
        range_map.insert(name.clone(), ports.clone());
        ranges.push(NamedRange {
            name,
            ports,
            description: r.description,
        });
    }

    let mut roles: Vec<Role> = Vec::new();
    let mut role_refs = Vec::new();
    let mut seen_roles = BTreeSet::new();
    for r in raw.roles {
        let id = r.id.get_ref().clone();
        if !valid_id(&id) {
            diags.push(idx.error(
                &r.id.span(),
                format!(
                    "role id \"{id}\" is not valid: use lowercase letters, digits, '.', '-', '_'"
                ),
            ));
        }
        if !seen_roles.insert(id.clone()) {
            diags.push(idx.error(
                &r.id.span(),
                format!("role \"{id}\" is declared twice in this pack"),
            ));
            continue;
        }
        for imp in &r.implies {
            role_refs.push((imp.get_ref().clone(), idx.span(&imp.span())));
        }
        let platform = r.platform.as_ref().and_then(|p| {
            let name = p.get_ref();
            let found = Platform::from_name(name);
            if found.is_none() {
                let known: Vec<&str> = Platform::ALL.iter().map(|p| p.as_str()).collect();
                diags.push(idx.error(
                    &p.span(),
                    format!(
                        "role \"{id}\": unknown platform \"{name}\": use one of {}",
                        known.join(", ")
                    ),
                ));
            }
            found
        });
        roles.push(Role {
            id,
            description: r.description,
            implies: r.implies.iter().map(|s| s.get_ref().clone()).collect(),
            platform,
            defined_at: idx.span(&r.id.span()),
        });
    }

    let mut rules = Vec::new();
    let mut seen_rules = BTreeSet::new();
    let prefix = format!("{pack_id}.");
    for r in raw.rules {
        let id = r.id.get_ref().clone();
        let id_span = r.id.span();
        if !valid_id(&id) {
            diags.push(idx.error(
                &id_span,
                format!(
                    "rule id \"{id}\" is not valid: use lowercase letters, digits, '.', '-', '_'"
                ),
            ));
        } else if !id.starts_with(&prefix) {
            diags.push(idx.error(
                &id_span,
                format!("rule id \"{id}\" must start with the pack id: \"{prefix}\""),
            ));
        }
        if !seen_rules.insert(id.clone()) {
            diags.push(idx.error(&id_span, format!("duplicate rule id \"{id}\"")));
            continue;
        }
        if let Some(rule) = build_rule(r, &pack_id, &range_map, idx, &mut role_refs, diags) {
            rules.push(rule);
        }
    }

    Pack {
        id: pack_id,
        title: raw.pack.title,
        document: raw.pack.document,
        comment: raw.pack.comment,
        roles,
        ranges,
        rules,
        source: idx.file().to_string(),
        sha256: String::new(),
        role_refs,
        id_at: idx.span(&raw.pack.id.span()),
    }
}

fn roles_of(
    list: &Spanned<Vec<Spanned<String>>>,
    side: &str,
    rule: &str,
    idx: &LineIndex<'_>,
    role_refs: &mut Vec<(String, crate::diag::Location)>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    if list.get_ref().is_empty() {
        diags.push(idx.error(
            &list.span(),
            format!("rule \"{rule}\": `{side}` names no role"),
        ));
    }
    let mut out: Vec<String> = Vec::new();
    for r in list.get_ref() {
        role_refs.push((r.get_ref().clone(), idx.span(&r.span())));
        out.push(r.get_ref().clone());
    }
    out.sort();
    out.dedup();
    out
}

fn build_rule(
    r: RawRule,
    pack_id: &str,
    ranges: &BTreeMap<String, PortSet>,
    idx: &LineIndex<'_>,
    role_refs: &mut Vec<(String, crate::diag::Location)>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Rule> {
    let id = r.id.get_ref().clone();
    let before = diags.len();
    let kind = r.kind.unwrap_or(RuleKind::Allow);
    let from = roles_of(&r.from, "from", &id, idx, role_refs, diags);
    let to = roles_of(&r.to, "to", &id, idx, role_refs, diags);

    let protocols = match parse_transports(r.proto.get_ref()) {
        Some(p) => p,
        None => {
            diags.push(idx.error(
                &r.proto.span(),
                format!(
                    "rule \"{id}\": unknown protocol \"{}\": expected \"tcp\", \"udp\", \"icmp\" or \"tcp+udp\"",
                    r.proto.get_ref()
                ),
            ));
            Vec::new()
        }
    };
    let icmp = protocols.contains(&Transport::Icmp);

    let ports = match &r.ports {
        Some(list) => {
            if icmp {
                diags.push(idx.error(
                    &list.span(),
                    format!("rule \"{id}\": an icmp rule has no ports"),
                ));
            }
            let set = resolve_ports(list, ranges, idx, diags);
            if list.get_ref().is_empty() && !icmp {
                diags.push(idx.error(&list.span(), format!("rule \"{id}\": `ports` is empty")));
            }
            set
        }
        None => {
            if !icmp && !protocols.is_empty() {
                diags.push(idx.error(
                    &id_span(&r),
                    format!("rule \"{id}\": a {} rule needs `ports`", r.proto.get_ref()),
                ));
            }
            PortSet::empty()
        }
    };

    if icmp {
        for (field, span) in [
            ("negotiated_by", r.negotiated_by.as_ref().map(|s| s.span())),
            ("control_for", r.control_for.as_ref().map(|s| s.span())),
        ] {
            if let Some(span) = span {
                diags.push(idx.error(
                    &span,
                    format!("rule \"{id}\": an icmp rule cannot have `{field}`"),
                ));
            }
        }
    }
    if let Some(n) = r
        .negotiated_by
        .as_ref()
        .filter(|n| n.get_ref().0.is_empty())
    {
        diags.push(idx.error(
            &n.span(),
            format!("rule \"{id}\": `negotiated_by` is an empty list: name a control protocol or leave it out"),
        ));
    }
    if let (Some(_), Some(c)) = (&r.negotiated_by, &r.control_for) {
        diags.push(idx.error(
            &c.span(),
            format!("rule \"{id}\": a rule is either negotiated or a control flow, not both"),
        ));
    }

    let level = match (r.level.as_ref().map(|l| *l.get_ref()), &r.condition) {
        (Some(RawLevel::Conditional), Some(c)) if !c.get_ref().trim().is_empty() => {
            Level::Conditional {
                condition: c.get_ref().trim().to_string(),
            }
        }
        (Some(RawLevel::Conditional), _) => {
            let span = r
                .level
                .as_ref()
                .map(|l| l.span())
                .unwrap_or_else(|| id_span(&r));
            diags.push(idx.error(&span, format!("rule \"{id}\": level \"conditional\" needs a `condition` (the document's words)")));
            Level::Optional
        }
        (_, Some(c)) => {
            diags.push(idx.error(
                &c.span(),
                format!("rule \"{id}\": `condition` is only for level \"conditional\""),
            ));
            Level::Optional
        }
        (Some(RawLevel::Required), None) => Level::Required,
        (Some(RawLevel::Optional), None) | (None, None) => Level::Optional,
    };
    if kind == RuleKind::Deny {
        if let Some(l) = &r.level {
            diags.push(idx.error(
                &l.span(),
                format!("rule \"{id}\": a deny rule has no requirement level"),
            ));
        }
        for (field, span) in [
            ("negotiated_by", r.negotiated_by.as_ref().map(|s| s.span())),
            ("control_for", r.control_for.as_ref().map(|s| s.span())),
            ("configurable", r.configurable.as_ref().map(|s| s.span())),
        ] {
            if let Some(span) = span {
                diags.push(idx.error(
                    &span,
                    format!("rule \"{id}\": a deny rule cannot have `{field}`"),
                ));
            }
        }
    }
    if r.cite.get_ref().trim().is_empty() {
        diags.push(idx.error(
            &r.cite.span(),
            format!("rule \"{id}\": `cite` is empty: every rule cites its document"),
        ));
    }

    if diags.len() > before {
        return None;
    }
    Some(Rule {
        id,
        pack: pack_id.to_string(),
        kind,
        from,
        to,
        protocols,
        ports,
        negotiated_by: r
            .negotiated_by
            .map(|n| n.into_inner().0)
            .unwrap_or_default(),
        control_for: r.control_for.map(Spanned::into_inner),
        level,
        configurable: r.configurable.map(Spanned::into_inner).unwrap_or(false),
        cite: r.cite.into_inner(),
        purpose: r.purpose,
        comment: r.comment,
        defined_at: idx.span(&r.id.span()),
    })
}

fn id_span(r: &RawRule) -> Range<usize> {
    r.id.span()
}

pub(crate) fn resolve_ports(
    list: &Spanned<Vec<Spanned<PortItem>>>,
    ranges: &BTreeMap<String, PortSet>,
    idx: &LineIndex<'_>,
    diags: &mut Vec<Diagnostic>,
) -> PortSet {
    let mut out: Vec<PortRange> = Vec::new();
    for item in list.get_ref() {
        match parse_item(item.get_ref()) {
            Ok(PortSpec::Range(r)) => out.push(r),
            Ok(PortSpec::Named(n)) => match ranges.get(&n) {
                Some(set) => out.extend_from_slice(set.ranges()),
                None => diags.push(idx.error(&item.span(), format!("unknown named range \"{n}\""))),
            },
            Err(msg) => diags.push(idx.error(&item.span(), msg)),
        }
    }
    PortSet::new(out)
}
