//! The checked types a pack becomes: roles, named ranges and rules.

use std::fmt;

use serde::{Deserialize, Serialize};

use tapaudit_vocab::{ControlProtocol, Transport};

use crate::diag::Location;
use crate::ports::PortSet;

/// `"tcp"`, `"udp"`, `"icmp"` or `"tcp+udp"` (also `"udp+tcp"`): the `proto` of a rule.
/// `icmp` in a rule covers both ICMP and ICMPv6.
pub fn parse_transports(s: &str) -> Option<Vec<Transport>> {
    let one = |p: &str| match p.trim() {
        "tcp" => Some(Transport::Tcp),
        "udp" => Some(Transport::Udp),
        "icmp" => Some(Transport::Icmp),
        _ => None,
    };
    let mut out = Vec::new();
    for part in s.split('+') {
        out.push(one(part)?);
    }
    out.sort();
    out.dedup();
    if out.len() > 1 && out.contains(&Transport::Icmp) {
        return None;
    }
    Some(out)
}

/// How sure we are that a flow shows up.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "level", rename_all = "lowercase")]
pub enum Level {
    /// Seen in normal operation between every pair of hosts bound to the roles.
    Required,
    /// Occasional (firmware upgrades, a user opening a client).
    Optional,
    /// Only if the site uses a feature; `condition` is the document's wording.
    Conditional { condition: String },
}

impl Level {
    pub fn name(&self) -> &'static str {
        match self {
            Level::Required => "required",
            Level::Optional => "optional",
            Level::Conditional { .. } => "conditional",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Level::Conditional { condition } => write!(f, "conditional ({condition})"),
            other => f.write_str(other.name()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    Allow,
    Deny,
}

impl fmt::Display for RuleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RuleKind::Allow => "allow",
            RuleKind::Deny => "deny",
        })
    }
}

/// One flow the document allows (or forbids). `from` opens the connection, `to` answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub id: String,
    pub pack: String,
    pub kind: RuleKind,
    pub from: Vec<String>,
    pub to: Vec<String>,
    pub protocols: Vec<Transport>,
    /// Empty for ICMP.
    pub ports: PortSet,
    /// The control protocols whose announcements may choose this rule's port (empty: none).
    /// The range stays documented without an announcement; with one, the flow is
    /// documented by negotiation.
    pub negotiated_by: Vec<ControlProtocol>,
    /// This rule is the control flow on which `negotiator` announces dynamic ports.
    pub control_for: Option<ControlProtocol>,
    #[serde(flatten)]
    pub level: Level,
    pub configurable: bool,
    pub cite: String,
    pub purpose: String,
    pub comment: Option<String>,
    pub defined_at: Location,
}

impl Rule {
    pub fn is_icmp(&self) -> bool {
        self.protocols.contains(&Transport::Icmp)
    }

    pub fn protocols_text(&self) -> String {
        let v: Vec<&str> = self.protocols.iter().map(|p| p.as_str()).collect();
        v.join("+")
    }
}

/// A role a host can have; `implies` lists roles every such host also has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Role {
    pub id: String,
    pub description: String,
    pub implies: Vec<String>,
    /// What the software of this role runs on, when the pack says (`platform = "windows"`):
    /// the Windows firewall export writes scripts only for hosts whose roles are Windows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    pub defined_at: Location,
}

/// The operating system (or firmware) a role's software runs on, as a pack declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    /// Windows software: the host can take Windows Defender Firewall rules.
    Windows,
    Linux,
    Vxworks,
    /// A device's own firmware (a PLC): no host firewall to configure.
    Firmware,
}

impl Platform {
    pub const ALL: [Platform; 4] = [
        Platform::Windows,
        Platform::Linux,
        Platform::Vxworks,
        Platform::Firmware,
    ];

    /// The name packs use.
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Windows => "windows",
            Platform::Linux => "linux",
            Platform::Vxworks => "vxworks",
            Platform::Firmware => "firmware",
        }
    }

    pub fn from_name(s: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

impl std::fmt::Display for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A port set with a name, declared once in a pack and used by its rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedRange {
    pub name: String,
    pub ports: PortSet,
    pub description: Option<String>,
}

/// The vendor document a pack was written from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub title: String,
    /// The name citations use, e.g. `FTAC-RM001`.
    pub short: String,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub publication: Option<String>,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub file: Option<String>,
}

/// One rule pack, parsed and checked.
#[derive(Debug, Clone)]
pub struct Pack {
    pub id: String,
    pub title: String,
    pub document: Document,
    pub comment: Option<String>,
    pub roles: Vec<Role>,
    pub ranges: Vec<NamedRange>,
    pub rules: Vec<Rule>,
    /// File name, or `embedded:<name>` for the packs built into the binary.
    pub source: String,
    /// SHA-256 (hex) of the pack's text as read (the file, or the text embedded).
    pub sha256: String,
    pub(crate) role_refs: Vec<(String, Location)>,
    pub(crate) id_at: Location,
}
