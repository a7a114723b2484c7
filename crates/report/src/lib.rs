//! tapaudit-report: printers of audit results (JSON, Markdown, JUnit XML, CSV, HTML) over
//! `impl io::Write`, and the atomic file writer every report goes through.
//!
//! Promises: output is deterministic (sorted before printing); JSON goes through serde;
//! everything that came off the wire is escaped for the format it is printed in; a report
//! file is either the previous complete one or the new complete one, never a torn mix.

#![forbid(unsafe_code)]

mod atomic;

pub use atomic::write_atomically;
