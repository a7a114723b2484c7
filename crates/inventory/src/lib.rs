//! tapaudit-inventory: a site file drafted from the traffic (`tapaudit site draft`).
//!
//! Owns: the name observer (names hosts announce on the wire: DNS, mDNS and LLMNR answers,
//! NetBIOS name service, DHCP host names, EtherNet/IP ListIdentity product names), the role
//! suggestions (from the rule packs themselves: a host gets a role when the flows it serves
//! and opens match rules of that role, found by the same rule lookup the audit uses), and
//! the commented TOML of the draft.
//!
//! Promises: every host of the draft is a unicast address that took part (multicast and
//! broadcast are named in a comment); a role is suggested only with traffic behind it, and
//! the evidence (rules, flows, announcements) is written beside it; the draft is a valid
//! site file for the packs it was made with; what came off the wire is sanitised before it
//! goes into the file (names become `[a-z0-9-]`, comments lose control characters).
//! Deterministic: same flows and names, same text.

#![forbid(unsafe_code)]

mod names;
mod roles;
mod write;

pub use names::{NameObserver, NameSource, Names};
pub use roles::{suggest_roles, HostEvidence, Suggestion};
pub use write::{draft, DraftInput};

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use tapaudit_flow::FlowConfig;
use tapaudit_pipeline::{replay_observed, CaptureInput, Run};
use tapaudit_rules::{RuleSet, Site};

/// Replays `captures` with the name observer and drafts the site from what they show; the
/// run comes back for its coverage. `existing`: a site and its text, kept as written.
pub fn draft_from_captures(
    captures: &[PathBuf],
    config: FlowConfig,
    rules: &RuleSet,
    existing: Option<(&Site, &str)>,
) -> (String, Run) {
    let names = Arc::new(Mutex::new(Names::default()));
    let inputs = captures.iter().cloned().map(CaptureInput::File);
    let run = replay_observed(inputs, config, Box::new(NameObserver(Arc::clone(&names))));
    let names = names.lock().map(|n| n.clone()).unwrap_or_default();
    let captures: Vec<String> = captures.iter().map(|p| p.display().to_string()).collect();
    let text = draft(&DraftInput {
        rules,
        flows: &run.flows,
        names: &names,
        captures: &captures,
        existing,
    });
    (text, run)
}
