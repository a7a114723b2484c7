//! Stable finding ids: the same finding gets the same id in every report, so that two
//! reports can be compared (`tapaudit diff`), a run judged against a baseline, and a live
//! alert matched to a report.
//!
//! The id is derived from what the finding is (its kind, the rule behind it, the host pair
//! and the service), never from counts, times or client ports. A port a control protocol
//! announced is named by the protocol (`tcp/negotiated-by-ftp`), not by its number, which
//! changes on every connection.

use sha1::{Digest, Sha1};

use crate::{JudgedFlow, Missing, Verdict};

/// A flow's service as finding ids name it: `tcp/502`, `icmp`, or, for a port a control
/// protocol announced, `tcp/negotiated-by-ftp`.
pub(crate) fn service_of(f: &tapaudit_flow::FlowRecord) -> String {
    match (&f.negotiated_by, f.server_port) {
        (Some(n), _) => format!("{}/negotiated-by-{}", f.proto_name(), n.protocol),
        (None, Some(p)) => format!("{}/{p}", f.proto_name()),
        (None, None) => f.proto_name(),
    }
}

/// What identifies one finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FindingKey {
    /// `violation`, `undocumented`, `missing` or `zone-crossing`.
    pub kind: &'static str,
    pub rule: Option<String>,
    /// The inventory host's name, or the address of a host the inventory does not list.
    pub client: String,
    pub server: String,
    /// `tcp/502`, `icmp`, `tcp/negotiated-by-ftp`, or a missing rule's `tcp/49152-65535`.
    pub service: String,
}

impl FindingKey {
    /// The finding of a flow; None for a documented flow.
    pub fn of_flow(j: &JudgedFlow) -> Option<FindingKey> {
        let kind = match j.verdict {
            Verdict::Documented => return None,
            Verdict::Undocumented => "undocumented",
            Verdict::Violation => "violation",
        };
        let f = &j.flow;
        let label =
            |h: &Option<String>, ip: std::net::IpAddr| h.clone().unwrap_or_else(|| ip.to_string());
        Some(FindingKey {
            kind,
            rule: j.rule.clone(),
            client: label(&j.client_host, f.client),
            server: label(&j.server_host, f.server),
            service: service_of(f),
        })
    }

    /// The finding of flows that crossed a zone boundary outside any conduit.
    pub fn of_zone_crossing(c: &crate::ZoneCrossing) -> FindingKey {
        c.key()
    }

    /// The finding of a required flow missing or blocked.
    pub fn of_missing(m: &Missing) -> FindingKey {
        FindingKey {
            kind: "missing",
            rule: Some(m.rule.clone()),
            client: m.client_host.clone(),
            server: m.server_host.clone(),
            service: format!("{}/{}", m.proto, m.ports),
        }
    }

    /// `F-` and 12 hex digits of the SHA-1 of the key's fields, one per line.
    pub fn id(&self) -> String {
        let mut h = Sha1::new();
        for part in [
            self.kind,
            self.rule.as_deref().unwrap_or(""),
            &self.client,
            &self.server,
            &self.service,
        ] {
            h.update(part.as_bytes());
            h.update(b"\n");
        }
        let digest = h.finalize();
        let mut id = String::from("F-");
        for b in &digest[..6] {
            id.push_str(&format!("{b:02x}"));
        }
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(service: &str) -> FindingKey {
        FindingKey {
            kind: "undocumented",
            rule: None,
            client: "eng-ws".into(),
            server: "10.0.0.9".into(),
            service: service.into(),
        }
    }

    #[test]
    fn ids_depend_on_what_the_finding_is_only() {
        assert_eq!(key("tcp/3389").id(), key("tcp/3389").id());
        assert_ne!(key("tcp/3389").id(), key("tcp/3390").id());
        let mut v = key("tcp/3389");
        v.kind = "violation";
        assert_ne!(v.id(), key("tcp/3389").id());
        // Fixed forever: reports and baselines made by other versions must match (checked
        // against Python: sha1(b"undocumented\n\neng-ws\n10.0.0.9\ntcp/3389\n")).
        assert_eq!(key("tcp/3389").id(), "F-88c5058998a2");
    }
}
