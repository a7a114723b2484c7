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
        self.finding_id().as_str().to_owned()
    }

    /// [`FindingKey::id`] on the stack.
    pub fn finding_id(&self) -> FindingId {
        FindingId::of_parts([
            self.kind,
            self.rule.as_deref().unwrap_or(""),
            &self.client,
            &self.server,
            &self.service,
        ])
    }

    /// `FindingKey::of_flow(j).map(|k| k.id())` without building the key: no allocation.
    /// The JSON report names the finding of every flow (100k+ on a churn capture), and
    /// the key's five strings and the id's `format!` were a seventh of that report's time.
    pub fn id_of_flow(j: &JudgedFlow) -> Option<FindingId> {
        use tapaudit_flow::text::Text;
        let kind = match j.verdict {
            Verdict::Documented => return None,
            Verdict::Undocumented => "undocumented",
            Verdict::Violation => "violation",
        };
        let f = &j.flow;
        let label = |h: &Option<String>, ip: std::net::IpAddr| {
            let mut t = Text::new();
            if h.is_none() {
                t.push_ip(ip);
            }
            t
        };
        let (client, server) = (
            label(&j.client_host, f.client),
            label(&j.server_host, f.server),
        );
        let mut service = Text::new();
        service.push_str(f.proto.short_name().unwrap_or(""));
        if f.proto.short_name().is_none() {
            service.push_u64(f.proto.number().into());
        }
        match (&f.negotiated_by, f.server_port) {
            (Some(n), _) => {
                service.push_str("/negotiated-by-");
                service.push_str(n.protocol.as_str());
            }
            (None, Some(p)) => {
                service.push_str("/");
                service.push_u64(p.into());
            }
            (None, None) => {}
        }
        // Host names and the stack texts are borrowed as they are; a text that did not fit
        // (never for an address or a service) takes the key's own path.
        let (Some(c), Some(s), Some(svc)) = (
            j.client_host.as_deref().or(client.as_str()),
            j.server_host.as_deref().or(server.as_str()),
            service.as_str(),
        ) else {
            return FindingKey::of_flow(j).map(|k| k.finding_id());
        };
        Some(FindingId::of_parts([
            kind,
            j.rule.as_deref().unwrap_or(""),
            c,
            s,
            svc,
        ]))
    }
}

/// A finding id, `F-` and 12 lowercase hex digits, on the stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FindingId([u8; 14]);

impl FindingId {
    fn of_parts(parts: [&str; 5]) -> FindingId {
        let mut h = Sha1::new();
        for part in parts {
            h.update(part.as_bytes());
            h.update(b"\n");
        }
        let digest = h.finalize();
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut id = *b"F-000000000000";
        for (i, b) in digest.iter().take(6).enumerate() {
            id[2 + 2 * i] = HEX[usize::from(b >> 4)];
            id[3 + 2 * i] = HEX[usize::from(b & 15)];
        }
        FindingId(id)
    }

    pub fn as_str(&self) -> &str {
        // `F-` and hex digits only.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl std::fmt::Display for FindingId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
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
