//! tapaudit-report: printers of audit results (Markdown, JSON, JUnit XML, CSV, HTML) over
//! `impl io::Write`, and the atomic file writer every report goes through.
//!
//! Owns: the report view (`view.rs`), the facts of one report computed once (counts by
//! verdict, evidence and missing status, the overall outcome, whether the input was read
//! completely, host labels, service names, time formats, the groups of undocumented
//! flows), which every printer reads, so that no two formats can disagree on them; and the
//! printers, which only decide how each fact looks in their format. With a baseline
//! (`audit --baseline`, `baseline.rs`) the view also knows which findings are known, new and
//! resolved, and every printer marks them; without one, the output is unchanged.
//!
//! Promises: output is deterministic (the audit sorts, printers keep that order and print
//! no wall-clock time); JSON goes through serde, CSV through the `csv` crate; everything
//! that came off the wire is escaped for the format it is printed in (Markdown table cells,
//! XML, HTML, CSV with spreadsheet formulas neutralised); every printer streams to the
//! writer it is given (none builds its whole text in memory first); a report file is either
//! the previous complete one or the new complete one, never a torn mix.

#![forbid(unsafe_code)]

mod atomic;
mod baseline;
mod compliance;
mod csv;
mod evidence;
mod flows;
mod groups;
mod html;
mod json;
mod junit;
mod markdown;
mod services;
mod verify;
mod view;
mod zones;

use std::io::{self, Write};

use tapaudit_audit::{AuditResult, FailOn};
use tapaudit_flow::FlowStats;
use tapaudit_rules::{RuleSet, Site};
use tapaudit_vocab::Coverage;

use view::ReportView;

pub use atomic::{write_atomically, write_atomically_with, write_output};
pub use csv::{CsvTable, CSV_VERSION};
pub use evidence::{parse_audit_time, RunInfo};
pub use flows::{file_error_lines, stats_summary, write_flow_table, write_flows_jsonl};
pub use json::{JsonReport, SCHEMA};
pub use tapaudit_diff::Baseline;
pub use verify::{
    describe as describe_verification, reported_inputs, sha256_file, verify, Check, FileCheck,
    ReportedInput, Verification,
};

/// Output formats of `tapaudit audit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Json,
    Junit,
    Csv,
    Html,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Junit => "junit.xml",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }
}

/// Everything a printer needs.
pub struct ReportInput<'a> {
    pub audit: &'a AuditResult,
    pub rules: &'a RuleSet,
    pub site: Option<&'a Site>,
    /// What was read, and how completely.
    pub coverage: &'a Coverage,
    /// The flow table's counters.
    pub flow_stats: &'a FlowStats,
    /// `--fail-on`: findings below this level are not failures (JUnit marks them skipped).
    pub fail_on: FailOn,
    /// When, by whom, where and with which build (the evidence block); None: not shown.
    pub run: Option<&'a RunInfo>,
}

impl<'a> ReportInput<'a> {
    /// A report of `audit` failing on any finding (`--fail-on missing`), with no evidence
    /// block; set `fail_on` and `run` to change that.
    pub fn new(
        audit: &'a AuditResult,
        rules: &'a RuleSet,
        site: Option<&'a Site>,
        coverage: &'a Coverage,
        flow_stats: &'a FlowStats,
    ) -> Self {
        ReportInput {
            audit,
            rules,
            site,
            coverage,
            flow_stats,
            fail_on: FailOn::Missing,
            run: None,
        }
    }
}

/// Prints the report in `format`.
pub fn render(format: Format, input: &ReportInput<'_>, out: &mut dyn Write) -> io::Result<()> {
    render_with_baseline(format, CsvTable::Flows, input, None, out)
}

/// Prints one CSV table of the report (`--format csv --csv-table ...`).
pub fn render_csv(table: CsvTable, input: &ReportInput<'_>, out: &mut dyn Write) -> io::Result<()> {
    render_with_baseline(Format::Csv, table, input, None, out)
}

/// Prints the report in `format` (with `--format csv`, the table `table`), the findings
/// already in `baseline` marked known (`audit --baseline`; None: as [`render`] and
/// [`render_csv`], byte for byte).
pub fn render_with_baseline(
    format: Format,
    table: CsvTable,
    input: &ReportInput<'_>,
    baseline: Option<&Baseline>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let view = ReportView::with_baseline(input, baseline);
    match format {
        Format::Markdown => markdown::write(&view, out),
        Format::Json => json::write(&view, out),
        Format::Junit => junit::write(&view, out),
        Format::Csv => csv::write(&view, table, out),
        Format::Html => html::write(&view, out),
    }
}

/// The exit code of an audit (`tapaudit_audit::Assessment::exit_code`): 2 for an
/// inconclusive or partial input, 1 for a finding at or above `--fail-on`, else 0. With a
/// baseline, only findings it does not hold count (known findings do not fail the run).
pub fn exit_code(input: &ReportInput<'_>, baseline: Option<&Baseline>) -> u8 {
    let a = tapaudit_audit::assess(input.audit, input.coverage, &input.flow_stats.records);
    match baseline {
        None => a.exit_code(input.audit, input.coverage, input.fail_on),
        Some(b) => a.exit_code_new(input.audit, input.coverage, input.fail_on, &|id| {
            b.knows(id)
        }),
    }
}

/// Prints the report in `format`; in CSV, the table `table`.
pub fn render_as(
    format: Format,
    table: CsvTable,
    input: &ReportInput<'_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Csv => render_csv(table, input, out),
        _ => render(format, input, out),
    }
}

/// Renders into memory (for atomic writes).
pub fn render_to_vec(format: Format, input: &ReportInput<'_>) -> io::Result<Vec<u8>> {
    let mut v = Vec::new();
    render(format, input, &mut v)?;
    Ok(v)
}
