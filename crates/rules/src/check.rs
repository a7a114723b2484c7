//! `tapaudit rules check`: every problem in packs and a site file.

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::ruleset::RuleSet;
use crate::site::{Date, Site};

/// Problems in loaded packs and an optional site: the site's cross-checks against the rules
/// (unknown roles, overrides), exceptions expired before `today` (warnings), and hosts
/// that carry roles a deny rule separates (warnings). Sorted by file, line, column.
pub fn check(rules: &RuleSet, site: Option<&Site>, today: Date) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    if let Some(site) = site {
        diags.extend(site.validate(rules));
        for e in &site.exceptions {
            if let Some(exp) = e.expires.filter(|_| e.is_expired(today)) {
                diags.push(Diagnostic::warning(
                    &e.defined_at,
                    format!(
                        "exception expired on {exp} ({}): it no longer covers any flow",
                        e.reason
                    ),
                ));
            }
        }
        for h in &site.hosts {
            let roles = rules.expand_roles(&h.roles);
            for d in rules.rules().filter(|r| r.kind == crate::RuleKind::Deny) {
                let from = d.from.iter().find(|r| roles.contains(r));
                let to = d.to.iter().find(|r| roles.contains(r));
                if let (Some(f), Some(t)) = (from, to) {
                    diags.push(Diagnostic::warning(
                        &h.defined_at,
                        format!(
                            "host \"{}\" has roles {f} and {t}, which deny rule \"{}\" separates",
                            h.name, d.id
                        ),
                    ));
                }
            }
        }
    }
    diags.sort();
    diags.dedup();
    diags
}

/// Everything `tapaudit rules check [PATH ...] [--site FILE]` does: loads the embedded packs
/// plus `extra`, then the site, then [`check`], in one pass: a site with an unknown field,
/// an unknown host and an unknown role gives all three. Never fails: read errors are
/// diagnostics too.
pub fn check_paths(extra: &[PathBuf], site: Option<&Path>, today: Date) -> Vec<Diagnostic> {
    let rules = RuleSet::load(extra);
    let mut diags = Vec::new();
    if let Err(e) = &rules {
        diags.extend(e.diagnostics());
    }
    let site = match site {
        None => None,
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => {
                let (site, d) = Site::parse_all(&text, &path.display().to_string());
                diags.extend(d);
                site
            }
            Err(source) => {
                let e = crate::RulesError::Io {
                    path: path.display().to_string(),
                    source,
                };
                diags.extend(e.diagnostics());
                None
            }
        },
    };
    if let Ok(rules) = &rules {
        diags.extend(check(rules, site.as_ref(), today));
    }
    diags.sort();
    diags.dedup();
    diags
}

/// What `tapaudit rules check` prints: every diagnostic, then the counts; and whether any
/// of them is an error.
pub fn check_summary(diags: &[Diagnostic]) -> (String, bool) {
    use std::fmt::Write as _;
    let errors = diags
        .iter()
        .filter(|d| d.severity == crate::Severity::Error)
        .count();
    let mut text = String::new();
    for d in diags {
        let _ = writeln!(text, "{d}");
    }
    let _ = writeln!(
        text,
        "{errors} error(s), {} warning(s)",
        diags.len() - errors
    );
    (text, errors > 0)
}
