//! Loading rule packs and the site file, shared by the commands that audit.

use std::path::{Path, PathBuf};

use tapaudit_flow::FlowConfig;
use tapaudit_rules::{RuleSet, Severity, Site};

use crate::FlowOpts;

/// Loads the packs (embedded + extra) and the site, printing every problem with its file,
/// line and column. None when there were errors (the caller exits 2).
pub fn load_rules_and_site(
    extra: &[PathBuf],
    site: Option<&Path>,
) -> anyhow::Result<Option<(RuleSet, Option<Site>)>> {
    let rules = match RuleSet::load(extra) {
        Ok(r) => r,
        Err(e) => {
            for d in e.diagnostics() {
                eprintln!("{d}");
            }
            eprintln!("tapaudit: error: the rule packs have errors (see above)");
            return Ok(None);
        }
    };
    let site = match site {
        None => None,
        Some(p) => match Site::from_file(p) {
            Ok(s) => Some(s),
            Err(e) => {
                for d in e.diagnostics() {
                    eprintln!("{d}");
                }
                eprintln!(
                    "tapaudit: error: the site file {} has errors (see above)",
                    p.display()
                );
                return Ok(None);
            }
        },
    };
    if let Some(s) = &site {
        let diags = s.validate(&rules);
        let errors = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        for d in &diags {
            eprintln!("{d}");
        }
        if errors > 0 {
            eprintln!("tapaudit: error: the site file does not fit the rule packs (see above)");
            return Ok(None);
        }
    }
    Ok(Some((rules, site)))
}

/// Flow-table settings with the control ports the rules declare (site overrides applied).
pub fn flow_config_for(opts: &FlowOpts, rules: &RuleSet, site: Option<&Site>) -> FlowConfig {
    opts.config().with_control_ports(rules.control_ports(site))
}
