//! tapaudit-rules: rule packs written from the vendors' firewall documents, and the site
//! inventory, each parsed once into checked types.
//!
//! Owns: the pack language (`rules/*.toml`, embedded at build time), the site file
//! (`site.toml`), lookups ("what do the documents say about this flow between these
//! roles?"), and the diagnostics of `tapaudit rules check` and the listing of
//! `tapaudit rules list`.
//!
//! Promises: a [`RuleSet`] or [`Site`] that loaded is consistent (known roles and ranges,
//! unique rule ids, no allow/deny contradiction, every negotiated rule has a control rule);
//! every problem comes back as a [`Diagnostic`] with file, line and column, never a panic.
//! Nothing here reads the clock: dates are inputs.
#![forbid(unsafe_code)]

mod check;
mod diag;
mod doc;
mod list;
mod load;
mod model;
mod pack;
mod ports;
mod ruleset;
mod site;
mod zones;

pub use check::{check, check_paths, check_summary};
pub use diag::{Diagnostic, Location, RulesError, Severity};
pub use list::{
    render_list_json, render_list_table, render_listing, render_roles_json, render_roles_table,
};
pub use load::{load_rules_and_site, Loaded, Rejected, SiteInput};
pub use model::{Document, Level, NamedRange, Pack, Platform, Role, Rule, RuleKind};
pub use ports::{PortRange, PortSet};
pub use ruleset::{Lookup, RuleSet, EMBEDDED_PACKS};
pub use site::{ControlPort, Date, Endpoint, Exception, Host, Override, Site};
pub use zones::{is_group_destination, Conduit, ConduitService, Zone, OUTSIDE};
