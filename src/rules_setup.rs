//! Loading rule packs and the site file, shared by the commands that audit.

use std::fmt::Display;
use std::path::{Path, PathBuf};

use tapaudit_flow::FlowConfig;
use tapaudit_rules::{RuleSet, RulesError, Severity, Site};

use crate::FlowOpts;

/// Where the site inventory comes from.
#[derive(Clone, Copy)]
pub enum SiteInput<'a> {
    File(&'a Path),
    /// Text held in memory (the embedded demo); `origin` names it in reports and messages.
    Text {
        text: &'a str,
        origin: &'a str,
    },
}

impl SiteInput<'_> {
    /// The site, and the name its errors are reported under.
    fn load(self) -> (Result<Site, RulesError>, String) {
        match self {
            SiteInput::File(p) => (Site::from_file(p), p.display().to_string()),
            SiteInput::Text { text, origin } => (Site::from_toml_str(text, origin), origin.into()),
        }
    }
}

/// Loads the packs (embedded + extra) and the site, printing every problem with its file,
/// line and column. None when there were errors (the caller exits 2).
pub fn load_rules_and_site(
    extra: &[PathBuf],
    site: Option<SiteInput<'_>>,
) -> anyhow::Result<Option<(RuleSet, Option<Site>)>> {
    let rules = match RuleSet::load(extra) {
        Ok(r) => r,
        Err(e) => return Ok(rejected(e.diagnostics(), "the rule packs have errors")),
    };
    let site = match site.map(SiteInput::load) {
        None => None,
        Some((Ok(s), _)) => Some(s),
        Some((Err(e), origin)) => {
            let summary = format!("the site file {origin} has errors");
            return Ok(rejected(e.diagnostics(), &summary));
        }
    };
    if let Some(s) = &site {
        let diags = s.validate(&rules);
        if diags.iter().any(|d| d.severity == Severity::Error) {
            return Ok(rejected(
                &diags,
                "the site file does not fit the rule packs",
            ));
        }
        for d in &diags {
            crate::say!("{d}");
        }
    }
    Ok(Some((rules, site)))
}

/// Prints every diagnostic, then what they mean; always None (the caller exits 2).
fn rejected<T>(diagnostics: impl IntoIterator<Item = impl Display>, summary: &str) -> Option<T> {
    for d in diagnostics {
        crate::say!("{d}");
    }
    crate::say!("tapaudit: error: {summary} (see above)");
    None
}

/// Flow-table settings with the control ports the rules declare (site overrides applied)
/// and the site's own `[[control_ports]]` (on every server, or on the hosts it names).
pub fn flow_config_for(opts: &FlowOpts, rules: &RuleSet, site: Option<&Site>) -> FlowConfig {
    let mut everywhere = rules.control_ports(site);
    let mut on_servers = Vec::new();
    for c in site.iter().flat_map(|s| s.control_ports.iter()) {
        for &transport in &c.transports {
            if c.servers.is_empty() {
                everywhere.push((c.protocol, transport, c.port));
                continue;
            }
            let servers = c
                .servers
                .iter()
                .filter_map(|name| site.and_then(|s| s.host(name)))
                .flat_map(|h| h.addresses.iter().copied())
                .collect();
            on_servers.push(tapaudit_flow::ServerControlPort {
                protocol: c.protocol,
                transport,
                port: c.port,
                servers,
            });
        }
    }
    let mut config = opts.config().with_control_ports(everywhere);
    config.server_control_ports = on_servers;
    config
}
