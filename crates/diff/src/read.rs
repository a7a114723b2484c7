//! Reading a JSON report (`tapaudit.report/1`) into the few typed fields a comparison needs.
//! Fields are only ever added within a schema version, so unknown fields are ignored.

use std::path::Path;

use serde::Deserialize;

use crate::{Error, Outcome, Verdict};

/// The schema a report must declare.
pub const REPORT_SCHEMA: &str = "tapaudit.report/1";

/// The parts of a report that a comparison or a baseline reads.
#[derive(Clone, Debug, Deserialize)]
pub struct Report {
    /// The file it was read from, as given.
    #[serde(skip)]
    pub file: String,
    #[serde(default)]
    schema: Option<String>,
    #[serde(default)]
    pub site: Option<SiteRef>,
    #[serde(default)]
    pub summary: Option<Summary>,
    #[serde(default)]
    pub evidence: Option<EvidenceRef>,
    #[serde(default)]
    pub flows: Vec<Flow>,
    #[serde(default)]
    pub missing: Vec<MissingFlow>,
    /// Present when the site has zones.
    #[serde(default)]
    pub zones: Option<Zones>,
}

/// The zones part of a report: its crossings outside any conduit.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Zones {
    #[serde(default)]
    pub crossings: Vec<ZoneCrossing>,
}

/// Flows of one host pair and service that crossed a zone boundary outside any conduit.
/// `finding` is null for attempts only (no finding).
#[derive(Clone, Debug, Deserialize)]
pub struct ZoneCrossing {
    #[serde(default)]
    pub finding: Option<String>,
    pub from_zone: String,
    pub to_zone: String,
    pub client: String,
    pub server: String,
    pub service: String,
    #[serde(default)]
    pub answered_flows: usize,
}

#[derive(Clone, Debug, Deserialize)]
pub struct SiteRef {
    pub name: String,
}

/// The part of the evidence block a draft reads: when the audit ran.
#[derive(Clone, Debug, Deserialize)]
pub struct EvidenceRef {
    /// RFC 3339, seconds (`SOURCE_DATE_EPOCH` when set), or null.
    #[serde(default)]
    pub audit_time: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Summary {
    pub verdict: Outcome,
}

/// One flow of the report.
#[derive(Clone, Debug, Deserialize)]
pub struct Flow {
    pub proto: String,
    pub client: String,
    pub server: String,
    #[serde(default)]
    pub server_port: Option<u16>,
    #[serde(default)]
    pub client_host: Option<String>,
    #[serde(default)]
    pub server_host: Option<String>,
    pub verdict: Verdict,
    #[serde(default)]
    pub evidence: Option<String>,
    #[serde(default)]
    pub rule: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub finding: Option<String>,
    #[serde(default)]
    pub negotiated_by: Option<Negotiated>,
    #[serde(default)]
    pub first_seen: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Negotiated {
    pub protocol: String,
}

/// A required flow missing or blocked.
#[derive(Clone, Debug, Deserialize)]
pub struct MissingFlow {
    pub rule: String,
    pub client_host: String,
    pub server_host: String,
    pub proto: String,
    pub ports: String,
    pub status: String,
    pub finding: String,
}

impl Flow {
    /// The inventory name of the client, else its address.
    pub fn client_label(&self) -> &str {
        self.client_host.as_deref().unwrap_or(&self.client)
    }
    pub fn server_label(&self) -> &str {
        self.server_host.as_deref().unwrap_or(&self.server)
    }
    /// `tcp/502`, `icmp`, `tcp/negotiated-by-ftp` (as in finding ids: an announced port
    /// changes on every connection), or for a documented flow in a dynamic range,
    /// `tcp/range-of-RULE` (the port is picked anew by each connection; the rule is what
    /// stays the same from one week to the next).
    pub fn service(&self) -> String {
        match (&self.negotiated_by, self.server_port) {
            (Some(n), _) => format!("{}/negotiated-by-{}", self.proto, n.protocol),
            (None, Some(p)) => match (self.verdict, self.evidence.as_deref(), &self.rule) {
                (Verdict::Documented, Some("range"), Some(rule)) => {
                    format!("{}/range-of-{rule}", self.proto)
                }
                _ => format!("{}/{p}", self.proto),
            },
            (None, None) => self.proto.clone(),
        }
    }
}

impl Report {
    /// Reads and checks the report at `path`.
    pub fn read(path: &Path) -> Result<Report, Error> {
        let file = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| Error::Read {
            file: file.clone(),
            source,
        })?;
        Report::from_slice(&bytes, &file)
    }

    /// Parses and checks a report; `file` names it in errors.
    pub fn from_slice(bytes: &[u8], file: &str) -> Result<Report, Error> {
        let mut report: Report = serde_json::from_slice(bytes).map_err(|e| Error::Json {
            file: file.into(),
            line: e.line(),
            column: e.column(),
            // serde_json ends its message with the location, which the error puts first.
            message: {
                let m = e.to_string();
                let at = format!(" at line {} column {}", e.line(), e.column());
                m.strip_suffix(&at).map(str::to_string).unwrap_or(m)
            },
        })?;
        if report.schema.as_deref() != Some(REPORT_SCHEMA) {
            return Err(Error::Schema {
                file: file.into(),
                found: report.schema,
            });
        }
        report.file = file.into();
        Ok(report)
    }

    /// The overall outcome the report states.
    pub fn outcome(&self) -> Option<Outcome> {
        self.summary.as_ref().map(|s| s.verdict)
    }

    /// Every finding id the report holds (flows and missing flows).
    pub fn finding_ids(&self) -> impl Iterator<Item = &str> {
        self.flows
            .iter()
            .filter_map(|f| f.finding.as_deref())
            .chain(self.missing.iter().map(|m| m.finding.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_schema_is_named() {
        let e = Report::from_slice(br#"{"schema": "tapaudit.diff/1"}"#, "x.json").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.json: schema is \"tapaudit.diff/1\", expected \"tapaudit.report/1\" (the JSON of `tapaudit audit --format json`)"
        );
        let e = Report::from_slice(b"not json", "x.json").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.json:1:2: not a JSON report: expected ident"
        );
        let e = Report::from_slice(b"{}", "x.json").unwrap_err();
        assert!(e.to_string().contains("no schema"), "{e}");
    }

    #[test]
    fn invalid_json_is_located() {
        let e = Report::from_slice(
            b"{\n  \"schema\": \"tapaudit.report/1\",\n  \"flows\": 3\n}",
            "r.json",
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("r.json:3:"), "{e}");
    }

    #[test]
    fn a_missing_file_is_named() {
        let e = Report::read(Path::new("/nonexistent/r.json")).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("/nonexistent/r.json: cannot be read"),
            "{e}"
        );
    }
}
