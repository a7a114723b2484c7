//! The page shell: document head with the inline style, the page header and navigation,
//! and the footer with the inline script.

use std::io::{self, Write};

use super::esc;
use crate::view::ReportView;

const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("script.js");

/// Everything before the first section.
pub(super) fn write_head(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\" data-js=\"off\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"generator\" content=\"tapaudit {ver}\"><title>tapaudit report: {site}</title><style>{STYLE}{print}</style></head><body><header class=\"top\"><div><div class=\"brand\">tapaudit <span>audit report</span></div><h1>{site}</h1><div class=\"muted\">{src}</div></div><nav><a href=\"#summary\">Summary</a><a href=\"#matrix\">Matrix</a><a href=\"#findings\">Findings</a>{exceptions}{zones}<a href=\"#flows-section\">Flows</a><a href=\"#services\">Services</a><a href=\"#rules\">Rules</a><a href=\"#coverage\">Coverage</a><a href=\"#evidence\">Evidence</a><a href=\"#compliance\">Compliance</a></nav></header><main><div id=\"js-errors\" class=\"js-errors\" hidden></div>",
        ver = env!("CARGO_PKG_VERSION"),
        site = esc(view.site_name),
        print = print_margins(view),
        // The exceptions section is there only when the site has exceptions.
        exceptions = if view.exceptions().is_empty() {
            ""
        } else {
            "<a href=\"#exceptions\">Exceptions</a>"
        },
        // The zones section is there only when the site has zones.
        zones = if view.audit.zones.is_none() {
            ""
        } else {
            "<a href=\"#zones\">Zones</a>"
        },
        src = view
            .site
            .map(|x| format!("site file {}", esc(&x.source)))
            .unwrap_or_default(),
    )
}

/// The page header and footer of a print (CSS margin boxes): the site, the inputs digest
/// and the page number.
fn print_margins(view: &ReportView<'_>) -> String {
    format!(
        "@media print{{@page{{@top-left{{content:\"tapaudit report: {}\";font:8pt system-ui,sans-serif;color:#667085}}@top-right{{content:\"inputs SHA-256 {}\";font:8pt ui-monospace,monospace;color:#667085}}@bottom-left{{content:\"{}\";font:8pt system-ui,sans-serif;color:#667085}}@bottom-right{{content:\"page \" counter(page) \" of \" counter(pages);font:8pt system-ui,sans-serif;color:#667085}}}}}}",
        css_string(view.site_name),
        view.inputs_digest(),
        css_string(&format!(
            "{} \u{b7} {} flow(s) \u{b7} tapaudit {}",
            view.outcome.word(),
            view.flows,
            env!("CARGO_PKG_VERSION")
        )),
    )
}

/// Text inside a double-quoted CSS string in a `<style>` element: quotes, backslashes,
/// markup and line breaks escaped (a site name cannot end the string or the element).
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' | '\n' | '\r' | '\u{c}' => {
                out.push_str(&format!("\\{:x} ", c as u32))
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The footer (what the page was made from), the script, and the end of the page.
pub(super) fn write_foot(view: &ReportView<'_>, out: &mut impl Write) -> io::Result<()> {
    let docs: Vec<String> = view
        .rules
        .packs()
        .iter()
        .map(|p| format!("{} ({})", esc(&p.document.short), esc(&p.document.title)))
        .collect();
    write!(
        out,
        "<footer>Written by tapaudit {} from the captures listed above and the documents {}. Same input, same page.",
        env!("CARGO_PKG_VERSION"),
        docs.join(", ")
    )?;
    writeln!(
        out,
        "</footer></main><script>{SCRIPT}</script></body></html>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_end_the_string_or_the_style_element() {
        let s = css_string("a\"b\\c</style><script>\nx");
        assert_eq!(s, "a\\22 b\\5c c\\3c /style\\3e \\3c script\\3e \\a x");
        assert!(!s.contains('"') && !s.contains('<') && !s.contains('\n'));
    }

    #[test]
    fn assets_do_not_close_their_element_early() {
        assert!(!SCRIPT.contains("</script"));
        assert!(!STYLE.contains("</style"));
        assert!(!SCRIPT.contains("http:") && !SCRIPT.contains("https:"));
        assert!(!STYLE.contains("url("));
    }
}
