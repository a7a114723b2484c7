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
        "<!DOCTYPE html>\n<html lang=\"en\" data-js=\"off\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"generator\" content=\"tapaudit {ver}\"><title>tapaudit report: {site}</title><style>{STYLE}</style></head><body><header class=\"top\"><div><div class=\"brand\">tapaudit <span>audit report</span></div><h1>{site}</h1><div class=\"muted\">{src}</div></div><nav><a href=\"#summary\">Summary</a><a href=\"#matrix\">Matrix</a><a href=\"#findings\">Findings</a><a href=\"#flows-section\">Flows</a><a href=\"#rules\">Rules</a><a href=\"#coverage\">Coverage</a><a href=\"#evidence\">Evidence</a></nav></header><main><div id=\"js-errors\" class=\"js-errors\" hidden></div>",
        ver = env!("CARGO_PKG_VERSION"),
        site = esc(view.site_name),
        src = view
            .site
            .map(|x| format!("site file {}", esc(&x.source)))
            .unwrap_or_default(),
    )
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
    fn assets_do_not_close_their_element_early() {
        assert!(!SCRIPT.contains("</script"));
        assert!(!STYLE.contains("</style"));
        assert!(!SCRIPT.contains("http:") && !SCRIPT.contains("https:"));
        assert!(!STYLE.contains("url("));
    }
}
