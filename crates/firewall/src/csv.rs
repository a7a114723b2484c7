//! CSV: one line per host pair and rule (and protocol), RFC 4180.

use std::io::{self, Write};

use crate::text::csv_field;
use crate::{Origin, Plan};

fn addrs(a: &[ipnet::IpNet]) -> String {
    let v: Vec<String> = a.iter().map(crate::addr_text).collect();
    v.join(" ")
}

pub fn write(plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "action,rule,pack,level,client_host,client_addresses,server_host,server_addresses,proto,ports,documented_ports,negotiated_by,observed_flows,observed_ports,candidate_to_close,observed_note,cite,purpose"
    )?;
    for o in &plan.openings {
        let pack = match &o.origin {
            Origin::Document { pack, .. } => pack.clone(),
            Origin::Exception { .. } => "site".to_string(),
        };
        let (flows, ports) = match &o.observed {
            Some(obs) => (
                obs.flows.to_string(),
                obs.ports
                    .iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            None => (String::new(), String::new()),
        };
        let row = [
            o.action.as_str().to_string(),
            o.rule.clone(),
            pack,
            o.level().to_string(),
            o.client.name.clone(),
            addrs(&o.client.addresses),
            o.server.name.clone(),
            addrs(&o.server.addresses),
            o.proto.to_string(),
            o.ports.to_string(),
            o.documented_ports.to_string(),
            o.negotiated_by.map(|n| n.to_string()).unwrap_or_default(),
            flows,
            ports,
            if o.observed.is_none() {
                String::new()
            } else if o.candidate_to_close() {
                "yes".to_string()
            } else {
                "no".to_string()
            },
            crate::observed_note(o).unwrap_or_default(),
            o.cite.clone(),
            o.purpose.clone(),
        ];
        let line: Vec<String> = row.iter().map(|s| csv_field(s)).collect();
        writeln!(out, "{}", line.join(","))?;
    }
    Ok(())
}
