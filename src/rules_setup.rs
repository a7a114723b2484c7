//! Loading rule packs and the site file (`tapaudit_rules::load_rules_and_site`), every
//! problem printed with its file, line and column.

use std::path::PathBuf;

use tapaudit_rules::{RuleSet, Site, SiteInput};

/// The packs (embedded + extra) and the site; None when there were errors (exit 2).
pub fn load_rules_and_site(
    extra: &[PathBuf],
    site: Option<SiteInput<'_>>,
) -> Option<(RuleSet, Option<Site>)> {
    match tapaudit_rules::load_rules_and_site(extra, site) {
        Ok(loaded) => {
            crate::say_lines(&loaded.warnings);
            Some((loaded.rules, loaded.site))
        }
        Err(rejected) => {
            crate::say_lines(&rejected.diagnostics);
            crate::say!("tapaudit: error: {} (see above)", rejected.summary);
            None
        }
    }
}
