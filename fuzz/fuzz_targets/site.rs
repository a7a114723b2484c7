//! Site files from TOML text: parsed, validated against the embedded packs, and queried.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use tapaudit_rules::{RuleSet, Site};

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::embedded().expect("embedded packs load"))
}

fuzz_target!(|input: &[u8]| {
    let Ok(text) = std::str::from_utf8(input) else {
        return;
    };
    match Site::from_toml_str(text, "site.toml") {
        Ok(site) => {
            for d in site.validate(rules()) {
                let _ = d.to_string();
            }
            for ip in ["10.0.0.1", "192.168.1.10", "::1", "fe80::1"] {
                let _ = site.host_for(ip.parse().expect("literal"));
            }
            let _ = tapaudit_rules::check(
                rules(),
                Some(&site),
                tapaudit_rules::Date::from_unix_seconds(0),
            );
        }
        Err(e) => {
            for d in e.diagnostics() {
                let _ = d.to_string();
            }
        }
    }
});
