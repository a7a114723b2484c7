//! Diagnostics: every problem in a pack or site file, with file, line and column.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

/// How bad a diagnostic is. Errors stop a pack or site from loading; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// Where something was written: file (or `embedded:<name>`), 1-based line and column
/// (column counted in characters). Line 0 means "the file as a whole" (I/O errors).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.file)
        } else {
            write!(f, "{}:{}:{}", self.file, self.line, self.column)
        }
    }
}

/// One problem found by loading or checking packs and site files.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn error(at: &Location, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, at, message)
    }

    pub fn warning(at: &Location, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, at, message)
    }

    fn new(severity: Severity, at: &Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            file: at.file.clone(),
            line: at.line,
            column: at.column,
            message: message.into(),
        }
    }

    pub fn location(&self) -> Location {
        Location {
            file: self.file.clone(),
            line: self.line,
            column: self.column,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.location(),
            self.severity,
            self.message
        )
    }
}

/// Why packs or a site file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    /// The files were read but are wrong; every problem is listed, sorted by place.
    #[error("{}", render(.0))]
    Invalid(Vec<Diagnostic>),
    /// A file or directory could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl RulesError {
    /// The problems as diagnostics (an I/O error becomes one diagnostic at line 0).
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            RulesError::Invalid(d) => d.clone(),
            RulesError::Io { path, source } => vec![Diagnostic::error(
                &Location {
                    file: path.clone(),
                    line: 0,
                    column: 0,
                },
                format!("cannot read: {source}"),
            )],
        }
    }
}

fn render(diags: &[Diagnostic]) -> String {
    let lines: Vec<String> = diags.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

/// Byte offsets to line/column for one source text.
pub(crate) struct LineIndex<'a> {
    file: &'a str,
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(file: &'a str, text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { file, text, starts }
    }

    pub(crate) fn file(&self) -> &str {
        self.file
    }

    pub(crate) fn at(&self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        let line_idx = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line_idx).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(0)
            + 1;
        Location {
            file: self.file.to_string(),
            line: line_idx + 1,
            column,
        }
    }

    pub(crate) fn span(&self, span: &Range<usize>) -> Location {
        self.at(span.start)
    }

    pub(crate) fn error(&self, span: &Range<usize>, msg: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.span(span), msg)
    }

    /// A toml/serde error, placed at its span (or the file start when toml gives none).
    pub(crate) fn toml_error(&self, e: &toml::de::Error) -> Diagnostic {
        let at = e.span().map(|s| self.at(s.start)).unwrap_or(Location {
            file: self.file.to_string(),
            line: 1,
            column: 1,
        });
        // toml's message may end with a newline; keep one line per diagnostic.
        Diagnostic::error(&at, e.message().trim().replace('\n', "; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_to_line_and_column() {
        let idx = LineIndex::new("f.toml", "ab\ncdé\nx");
        assert_eq!((idx.at(0).line, idx.at(0).column), (1, 1));
        assert_eq!((idx.at(3).line, idx.at(3).column), (2, 1));
        assert_eq!((idx.at(7).line, idx.at(7).column), (2, 4)); // after 'é' (2 bytes)
        assert_eq!((idx.at(8).line, idx.at(8).column), (3, 1));
        assert_eq!(idx.at(100).line, 3);
    }

    #[test]
    fn display() {
        let d = Diagnostic::error(
            &Location {
                file: "a.toml".into(),
                line: 3,
                column: 7,
            },
            "bad",
        );
        assert_eq!(d.to_string(), "a.toml:3:7: error: bad");
    }
}
