//! Rule packs from TOML text: the input, split at the first NUL into two packs (so that
//! cross-pack checks run too), through `RuleSet::from_texts`; and each line as a port list.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tapaudit_rules::{PortSet, RuleSet};
use tapaudit_vocab::{Transport};

fuzz_target!(|input: &[u8]| {
    let Ok(text) = std::str::from_utf8(input) else {
        return;
    };
    let mut parts = text.splitn(2, '\0');
    let first = parts.next().unwrap_or("");
    let texts: Vec<(&str, &str)> = match parts.next() {
        Some(second) => vec![("a.toml", first), ("b.toml", second)],
        None => vec![("a.toml", first)],
    };
    match RuleSet::from_texts(&texts) {
        Ok(rules) => {
            let roles: Vec<String> = rules.role_ids().map(str::to_string).collect();
            for proto in [Transport::Tcp, Transport::Udp, Transport::Icmp] {
                for port in [None, Some(0), Some(21), Some(135), Some(65535)] {
                    let _ = rules.lookup(&roles, &roles, proto, port, None);
                }
            }
            let _ = rules.control_ports(None);
            let _ = tapaudit_rules::render_list_table(&rules);
            let _ = tapaudit_rules::render_list_json(&rules);
        }
        Err(e) => {
            for d in e.diagnostics() {
                let _ = d.to_string();
            }
        }
    }
    for line in text.lines().take(16) {
        if let Ok(set) = line.parse::<PortSet>() {
            // What is printed parses back to the same set.
            let again: PortSet = set.to_string().parse().expect("display round-trips");
            assert_eq!(again, set);
        }
    }
});
