//! What the flow table must watch for an audit with these rules and this site: the control
//! ports the rules declare (site overrides applied) and the site's own `[[control_ports]]`.

use tapaudit_flow::{FlowConfig, ServerControlPort};
use tapaudit_rules::{RuleSet, Site};

/// `base` with the control ports the rules declare (site overrides applied) and the site's
/// own `[[control_ports]]` (on every server, or on the hosts it names).
pub fn flow_config_for(base: FlowConfig, rules: &RuleSet, site: Option<&Site>) -> FlowConfig {
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
            on_servers.push(ServerControlPort {
                protocol: c.protocol,
                transport,
                port: c.port,
                servers,
            });
        }
    }
    let mut config = base.with_control_ports(everywhere);
    config.server_control_ports = on_servers;
    config
}
