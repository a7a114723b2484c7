//! Loading the packs (embedded and extra) and a site together, as every command that audits
//! does: the site is checked against the packs it will be judged with.

use std::path::{Path, PathBuf};

use crate::{Diagnostic, RuleSet, RulesError, Severity, Site};

/// Where the site inventory comes from.
#[derive(Clone, Copy, Debug)]
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

/// Packs and a site that loaded and fit together, with the site's warnings.
#[derive(Debug)]
pub struct Loaded {
    pub rules: RuleSet,
    pub site: Option<Site>,
    /// Problems of the site that do not stop an audit (shown before it).
    pub warnings: Vec<Diagnostic>,
}

/// Why the packs or the site could not be used: every problem, in order, and what they mean.
#[derive(Debug)]
pub struct Rejected {
    pub diagnostics: Vec<Diagnostic>,
    /// One line for after the diagnostics ("the rule packs have errors").
    pub summary: String,
}

/// Loads the packs (embedded + `extra`) and the site, and checks the site against the packs.
pub fn load_rules_and_site(
    extra: &[PathBuf],
    site: Option<SiteInput<'_>>,
) -> Result<Loaded, Rejected> {
    let rules = RuleSet::load(extra).map_err(|e| Rejected {
        diagnostics: e.diagnostics(),
        summary: "the rule packs have errors".into(),
    })?;
    let site = match site.map(SiteInput::load) {
        None => None,
        Some((Ok(s), _)) => Some(s),
        Some((Err(e), origin)) => {
            return Err(Rejected {
                diagnostics: e.diagnostics(),
                summary: format!("the site file {origin} has errors"),
            })
        }
    };
    let warnings = site.as_ref().map_or_else(Vec::new, |s| s.validate(&rules));
    if warnings.iter().any(|d| d.severity == Severity::Error) {
        return Err(Rejected {
            diagnostics: warnings,
            summary: "the site file does not fit the rule packs".into(),
        });
    }
    Ok(Loaded {
        rules,
        site,
        warnings,
    })
}
