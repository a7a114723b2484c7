//! `tapaudit verify`: recomputes the SHA-256 of files and compares them with the inputs a
//! JSON report names in its evidence block (`evidence.inputs`).
//!
//! A file matches when its hash is that of an input of the report (wherever the file is
//! now); it is a mismatch when its name is that of an input (as given to the audit, or the
//! same file name in another directory) but its hash differs; otherwise the report does
//! not name it. Inputs of the report no file was given for are listed as not checked.

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// One input the report names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportedInput {
    pub kind: String,
    pub name: String,
    pub sha256: Option<String>,
}

/// What one given file turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    /// Its hash is that of this input of the report.
    Match { input: String },
    /// The report names a file of this name with another hash.
    Mismatch { input: String, expected: String },
    /// The report names no input with this hash or this name.
    NotInReport,
    /// It could not be read.
    Unreadable(String),
}

#[derive(Clone, Debug)]
pub struct FileCheck {
    pub file: PathBuf,
    pub sha256: Option<String>,
    pub check: Check,
}

#[derive(Clone, Debug)]
pub struct Verification {
    pub files: Vec<FileCheck>,
    /// Inputs of the report that no given file matched.
    pub not_checked: Vec<ReportedInput>,
}

impl Verification {
    /// Every given file matched an input of the report.
    pub fn ok(&self) -> bool {
        !self.files.is_empty()
            && self
                .files
                .iter()
                .all(|f| matches!(f.check, Check::Match { .. }))
    }
}

/// The inputs a JSON report names (schema `tapaudit.report/1` with an evidence block).
pub fn reported_inputs(report: &[u8]) -> Result<Vec<ReportedInput>, String> {
    let v: serde_json::Value =
        serde_json::from_slice(report).map_err(|e| format!("not a JSON report: {e}"))?;
    let inputs = v
        .pointer("/evidence/inputs")
        .and_then(|x| x.as_array())
        .ok_or("the report has no evidence block (evidence.inputs): it was written by a tapaudit without one, or is not a JSON report")?;
    let text =
        |x: &serde_json::Value, k: &str| x.get(k).and_then(|s| s.as_str()).map(str::to_string);
    Ok(inputs
        .iter()
        .map(|i| ReportedInput {
            kind: text(i, "kind").unwrap_or_default(),
            name: text(i, "name").unwrap_or_default(),
            sha256: text(i, "sha256"),
        })
        .collect())
}

/// SHA-256 of a file, in lowercase hex, read in chunks.
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

fn file_name(p: &str) -> &str {
    p.rsplit(['/', '\\']).next().unwrap_or(p)
}

/// Checks every file against the report's inputs.
pub fn verify(inputs: &[ReportedInput], files: &[PathBuf]) -> Verification {
    let mut used = vec![false; inputs.len()];
    let mut out = Vec::new();
    for file in files {
        let hash = match sha256_file(file) {
            Ok(h) => h,
            Err(e) => {
                out.push(FileCheck {
                    file: file.clone(),
                    sha256: None,
                    check: Check::Unreadable(e.to_string()),
                });
                continue;
            }
        };
        let given = file.display().to_string();
        let by_hash = inputs
            .iter()
            .position(|i| i.sha256.as_deref() == Some(hash.as_str()));
        let by_name = || {
            inputs.iter().position(|i| i.name == given).or_else(|| {
                inputs
                    .iter()
                    .position(|i| file_name(&i.name) == file_name(&given))
            })
        };
        let check = match (by_hash, by_name()) {
            (Some(i), _) => {
                used[i] = true;
                Check::Match {
                    input: inputs[i].name.clone(),
                }
            }
            (None, Some(i)) => {
                used[i] = true;
                Check::Mismatch {
                    input: inputs[i].name.clone(),
                    expected: inputs[i]
                        .sha256
                        .clone()
                        .unwrap_or_else(|| "(not read)".into()),
                }
            }
            (None, None) => Check::NotInReport,
        };
        out.push(FileCheck {
            file: file.clone(),
            sha256: Some(hash),
            check,
        });
    }
    let not_checked = inputs
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(i, _)| i.clone())
        .collect();
    Verification {
        files: out,
        not_checked,
    }
}

/// The verification in lines a person reads.
pub fn describe(v: &Verification) -> Vec<String> {
    let mut lines = Vec::new();
    for f in &v.files {
        let name = f.file.display();
        lines.push(match &f.check {
            Check::Match { input } => format!(
                "MATCH     {name}: sha256 {} is that of {input}",
                f.sha256.as_deref().unwrap_or("")
            ),
            Check::Mismatch { input, expected } => format!(
                "MISMATCH  {name}: sha256 {} but the report states {expected} for {input}",
                f.sha256.as_deref().unwrap_or("")
            ),
            Check::NotInReport => format!(
                "UNKNOWN   {name}: sha256 {} is not an input of the report",
                f.sha256.as_deref().unwrap_or("")
            ),
            Check::Unreadable(e) => format!("UNREADABLE {name}: {e}"),
        });
    }
    for i in &v.not_checked {
        lines.push(format!(
            "not checked: {} {} (no file given)",
            i.kind, i.name
        ));
    }
    lines
}
