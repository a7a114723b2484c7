//! tapaudit-report: printers of audit results (JSON, Markdown, JUnit XML, CSV) over
//! `impl io::Write`, and the atomic file writer every report goes through.
//!
//! Promises: output is deterministic (the audit sorts, printers keep that order and print
//! no wall-clock time); JSON goes through serde; everything that came off the wire is
//! escaped for the format it is printed in (Markdown table cells, XML, CSV); a report file
//! is either the previous complete one or the new complete one, never a torn mix.

#![forbid(unsafe_code)]

mod atomic;
mod csv;
mod groups;
mod html;
mod json;
mod junit;
mod markdown;

use std::io::{self, Write};

use tapaudit_audit::AuditResult;
use tapaudit_capture::FileSummary;
use tapaudit_flow::{CaptureStats, FlowStats};
use tapaudit_rules::{RuleSet, Site};

pub use atomic::{write_atomically, write_atomically_with};
pub use csv::csv_field;
pub use json::{JsonReport, SCHEMA};

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

/// What was read to produce the flows: how complete the picture is.
pub struct Coverage<'a> {
    pub files: &'a [FileSummary],
    /// Aligned with `files`.
    pub decode_errors_per_file: &'a [u64],
    pub capture: &'a CaptureStats,
    pub flows: &'a FlowStats,
    /// Live capture only: per-interface libpcap statistics and gaps, already serialisable.
    pub live: Option<serde_json::Value>,
    /// Live capture only: the report was written mid-run (periodic), not at the end.
    pub in_progress: bool,
}

impl Coverage<'_> {
    /// True when every input was read to its end (and, live, the run has ended).
    pub fn complete(&self) -> bool {
        let live_partial = self
            .live
            .as_ref()
            .and_then(|l| l.get("partial"))
            .and_then(|p| p.as_bool())
            .unwrap_or(false);
        self.files.iter().all(|f| f.complete) && !self.in_progress && !live_partial
    }
}

/// Everything a printer needs.
pub struct ReportInput<'a> {
    pub audit: &'a AuditResult,
    pub rules: &'a RuleSet,
    pub site: Option<&'a Site>,
    pub coverage: Coverage<'a>,
}

/// Prints the report in `format`.
pub fn render(format: Format, input: &ReportInput<'_>, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Markdown => markdown::write(input, out),
        Format::Json => json::write(input, out),
        Format::Junit => junit::write(input, out),
        Format::Csv => csv::write(input, out),
        Format::Html => html::write(input, out),
    }
}

/// Renders into memory (for atomic writes).
pub fn render_to_vec(format: Format, input: &ReportInput<'_>) -> io::Result<Vec<u8>> {
    let mut v = Vec::new();
    render(format, input, &mut v)?;
    Ok(v)
}
