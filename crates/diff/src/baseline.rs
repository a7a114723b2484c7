//! A baseline for `tapaudit audit --baseline REPORT`: the findings of an earlier report, by
//! their stable id, and the SHA-256 of the file they were read from. A finding whose id is in
//! the baseline is known: reported, marked, and not a failure (docs/baselines.md).

use std::collections::BTreeMap;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::{findings, Error, Finding, Report};

/// The findings of a baseline report.
#[derive(Clone, Debug)]
pub struct Baseline {
    /// The file, as given.
    pub file: String,
    /// SHA-256 of the file as read, lower-case hex.
    pub sha256: String,
    /// Every finding of the report, by id.
    pub findings: BTreeMap<String, Finding>,
}

impl Baseline {
    /// Reads the report at `path` (the reader of `tapaudit diff`: a missing file, invalid
    /// JSON or another schema is an error that names the file).
    pub fn read(path: &Path) -> Result<Baseline, Error> {
        let file = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| Error::Read {
            file: file.clone(),
            source,
        })?;
        Baseline::from_slice(&bytes, &file)
    }

    /// Parses a baseline report; `file` names it in errors and in the reports.
    pub fn from_slice(bytes: &[u8], file: &str) -> Result<Baseline, Error> {
        let report = Report::from_slice(bytes, file)?;
        Ok(Baseline {
            file: file.into(),
            sha256: Sha256::digest(bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
            findings: findings(&report),
        })
    }

    /// True when the finding `id` is in the baseline.
    pub fn knows(&self, id: &str) -> bool {
        self.findings.contains_key(id)
    }

    /// The baseline's findings that `still_open` does not hold: resolved since, in the
    /// order of `tapaudit diff` (most severe first, then host pair and service).
    pub fn resolved(&self, still_open: impl Fn(&str) -> bool) -> Vec<Finding> {
        let mut out: Vec<Finding> = self
            .findings
            .values()
            .filter(|f| !still_open(&f.id))
            .cloned()
            .collect();
        crate::sort_findings(&mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = r#"{"schema":"tapaudit.report/1","flows":[
        {"proto":"tcp","client":"10.0.0.1","server":"10.0.0.2","server_port":22,"verdict":"undocumented","finding":"F-000000000001"},
        {"proto":"tcp","client":"10.0.0.1","server":"10.0.0.2","server_port":80,"verdict":"documented","finding":null}],
        "missing":[{"rule":"r","client_host":"a","server_host":"b","proto":"tcp","ports":"502","status":"blocked","finding":"F-000000000002"}]}"#;

    #[test]
    fn every_kind_of_finding_is_known_by_its_id() {
        let b = Baseline::from_slice(REPORT.as_bytes(), "b.json").unwrap();
        assert!(b.knows("F-000000000001") && b.knows("F-000000000002"));
        assert!(!b.knows("F-000000000003"));
        assert_eq!(b.sha256.len(), 64);
        let resolved = b.resolved(|id| id == "F-000000000001");
        assert_eq!(resolved.len(), 1);
        assert_eq!(resolved[0].id, "F-000000000002");
        assert_eq!(resolved[0].kind, crate::Kind::Missing);
    }

    #[test]
    fn a_baseline_that_is_not_a_report_is_a_located_error() {
        let e = Baseline::from_slice(b"{\"schema\": 1", "b.json").unwrap_err();
        assert!(e.to_string().starts_with("b.json:1:"), "{e}");
        let e = Baseline::from_slice(b"<testsuites/>", "b.xml").unwrap_err();
        assert!(
            e.to_string().starts_with("b.xml:1:1: not a JSON report"),
            "{e}"
        );
    }
}
