//! The HTML report: one self-contained page (inline CSS, SVG and a small script; nothing
//! fetched) that an auditor opens in a browser, offline.
//!
//! Everything that came from the wire or from user files (host names, file names, reasons
//! that quote them, citations) goes through [`esc`], which is safe in text and in quoted
//! attributes alike. The page embeds no JSON; the script only sorts and filters rows that
//! are already in the HTML, so the page reads the same without it.
//!
//! The page is written section by section as it is made (one module each, in page order),
//! through a buffer: its text is never held whole in memory. Lists that a flood can make
//! long are cut (the cuts are constants of their modules and the page says where it cut).

mod coverage;
mod evidence;
mod exceptions;
mod findings;
mod flows;
mod matrix;
mod page;
mod rules;
mod services;
mod summary;
mod zones;

use std::io::{self, BufWriter, Write};

use tapaudit_audit::Verdict;

use crate::view::ReportView;

/// Escapes text for HTML text and double- or single-quoted attributes; drops control
/// characters other than tab and line feed.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Which section gives evidence toward which clause (crate::compliance).
fn write_compliance(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    write!(
        out,
        "<section id=\"compliance\"><h2>Compliance view</h2><p class=\"muted\">{}</p><div class=\"scroll\"><table class=\"data\"><thead><tr><th>report section</th><th>evidence toward</th><th>what it shows</th></tr></thead><tbody>",
        esc(crate::compliance::DISCLAIMER)
    )?;
    for r in crate::compliance::rows(view) {
        write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(r.section),
            esc(r.clauses),
            esc(r.evidence)
        )?;
    }
    out.write_all(b"</tbody></table></div></section>")
}

pub(crate) fn write(view: &ReportView<'_>, out: &mut dyn Write) -> io::Result<()> {
    // Many small writes: a buffer of a concrete type takes them inline.
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let out = &mut out;
    page::write_head(view, out)?;
    summary::write(view, out)?;
    matrix::write(view, out)?;
    findings::write(view, out)?;
    flows::write(view, out)?;
    services::write(view, out)?;
    rules::write(view, out)?;
    exceptions::write(view, out)?;
    zones::write(view, out)?;
    coverage::write(view, out)?;
    evidence::write(view, out)?;
    write_compliance(view, out)?;
    page::write_foot(view, out)?;
    out.flush()
}

/// The note that a list was cut to its first `shown` of `all` entries.
fn shown_of(out: &mut impl Write, shown: usize, all: usize, what: &str) -> io::Result<()> {
    if shown < all {
        write!(
            out,
            "<p class=\"note\">The list shows the first {shown} of {all} {what}. The JSON, CSV and Markdown reports have all of them.</p>"
        )?;
    }
    Ok(())
}

fn verdict_badge(v: Verdict) -> String {
    format!("<span class=\"badge {0}\">{0}</span>", v.as_str())
}

/// Optional text, escaped; nothing when absent.
fn opt(s: &Option<String>) -> String {
    s.as_deref().map(esc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<script>alert('x\")</script>&"),
            "&lt;script&gt;alert(&#39;x&quot;)&lt;/script&gt;&amp;"
        );
        assert_eq!(esc("a\u{0}b"), "a\u{FFFD}b");
    }
}
