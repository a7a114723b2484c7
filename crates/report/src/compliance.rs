//! The compliance view: which section of the report gives evidence toward which clause of
//! the standards auditors check (NERC CIP-005/007/010, IEC 62443-3-3, NIST CSF 2.0). One table
//! here, printed by every format. Worded as evidence, never as a claim of compliance: the
//! report shows what the network did against what the documents allow; the auditor judges.

use serde::Serialize;

use crate::view::ReportView;

/// One row: a report section, the clauses it gives evidence toward, and what it shows.
#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) struct ComplianceRow {
    pub section: &'static str,
    pub clauses: &'static str,
    pub evidence: &'static str,
}

/// What the whole view is, and is not.
pub(crate) const DISCLAIMER: &str = "Evidence toward the clauses named, from the traffic read and the documents loaded; not a certification of compliance. Each clause asks for more than traffic can show (procedures, approvals, reviews).";

const ROWS: &[ComplianceRow] = &[
    ComplianceRow {
        section: "Verdicts, violations and undocumented flows",
        clauses: "IEC 62443-3-3 SR 5.1, SR 5.2; NERC CIP-005 R1.3; NIST CSF DE.CM-01",
        evidence: "every observed flow compared with the vendor documents' permitted flows between the site's roles, each permitted flow with its citation; flows no document allows and flows a document forbids",
    },
    ComplianceRow {
        section: "Documented flows missing or blocked",
        clauses: "NERC CIP-005 R1.3; NIST CSF DE.CM-01",
        evidence: "required flows the traffic did not show, and flows a firewall answered with an ICMP error",
    },
    ComplianceRow {
        section: "Rules seen, openings never used",
        clauses: "NERC CIP-007 R1.1; NERC CIP-005 R1.3",
        evidence: "for each documented opening between the site's hosts, whether traffic used it; unused ones are candidates to close (a documented need that was not exercised in this window)",
    },
    ComplianceRow {
        section: "Dynamic ports learnt from the protocols",
        clauses: "NERC CIP-007 R1.1; NERC CIP-010 R1.1.4",
        evidence: "connections inside dynamic ranges that a control protocol announced (FTP, portmapper, endpoint mapper, DCOM), and those only the range explains",
    },
    ComplianceRow {
        section: "Ports and services per host",
        clauses: "NERC CIP-007 R1.1; NERC CIP-010 R1.1.4",
        evidence: "for each host, every port it answered on with first and last seen, and the documented need (rule and citation, site exception) or none: the network's side of the baseline of logical network accessible ports",
    },
    ComplianceRow {
        section: "Site exceptions",
        clauses: "NERC CIP-005 R1.3 (reason for granting access); IEC 62443-3-3 SR 5.2 (permit by exception)",
        evidence: "each site exception with its reason and expiry, the flows it accepted, expired ones that traffic still used, stale ones",
    },
    ComplianceRow {
        section: "Zones and conduits",
        clauses: "IEC 62443-3-2 ZCR 3 (zones and conduits); IEC 62443-3-3 SR 5.1, SR 5.2 (zone boundary protection); NERC CIP-005 R1.1, R1.3",
        evidence: "every flow placed in the zone pair it joins, flows that crossed a zone boundary outside any conduit (answered ones are findings), attempts that got no answer, and conduits that carried nothing",
    },
    ComplianceRow {
        section: "Captures and evidence",
        clauses: "supports every row above",
        evidence: "SHA-256 of every capture, site file and rule pack, document versions, capture window, interfaces and drops, so the report can be verified (tapaudit verify)",
    },
];

/// The rows for this report: the exceptions and zones rows only when the site has them.
pub(crate) fn rows(view: &ReportView<'_>) -> Vec<ComplianceRow> {
    let has_exceptions = !view.exceptions().is_empty();
    let has_zones = view.audit.zones.is_some();
    ROWS.iter()
        .copied()
        .filter(|r| has_exceptions || r.section != "Site exceptions")
        .filter(|r| has_zones || r.section != "Zones and conduits")
        .collect()
}
