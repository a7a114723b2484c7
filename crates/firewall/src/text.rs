//! Making text from rule and site files safe in the place it is printed.

use std::borrow::Cow;

/// One line of a `#` comment: no line breaks or other control characters.
pub(crate) fn line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The inside of an nftables `"..."` string: nft has no escape for `"`, and rule comments
/// hold at most 128 bytes.
pub(crate) fn nft_string(s: &str, max_bytes: usize) -> String {
    let mut out = String::new();
    for c in line(s).chars() {
        let c = match c {
            '"' => '\'',
            '\\' => '/',
            c => c,
        };
        if out.len() + c.len_utf8() > max_bytes {
            break;
        }
        out.push(c);
    }
    out
}

/// An identifier nftables accepts (sets): letters, digits and `_`, starting with a letter.
pub(crate) fn nft_ident(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .take(64)
        .collect();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.insert_str(0, "h_");
    }
    out
}

/// A PowerShell single-quoted string literal. PowerShell also reads the typographic single
/// quotes as quotes, so they are doubled like `'`.
pub(crate) fn ps_quote(s: &str) -> String {
    let mut out = String::from("'");
    for c in line(s).chars() {
        match c {
            '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => {
                out.push(c);
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A CSV field with spreadsheet formulas neutralised: text from rule or site files must not
/// run as a formula when the file is opened, so a field that starts with `=`, `+`, `-` or
/// `@` and is not a number gets a leading `'`. (Quoting is the CSV writer's.)
pub(crate) fn formula_safe(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_line_cannot_break_out() {
        assert_eq!(line("a\nb\rc"), "a b c");
    }

    #[test]
    fn nft_string_has_no_quote_and_fits() {
        let s = nft_string("say \"hi\"\n\\", 128);
        assert_eq!(s, "say 'hi' /");
        let long = "é".repeat(100);
        let t = nft_string(&long, 128);
        assert!(t.len() <= 128);
        assert_eq!(t.chars().count(), 64);
    }

    #[test]
    fn nft_ident_is_plain() {
        assert_eq!(nft_ident("ftac-srv"), "ftac_srv");
        assert_eq!(nft_ident("<script>"), "h__script_");
        assert_eq!(nft_ident("1host"), "h_1host");
    }

    #[test]
    fn powershell_quotes_are_doubled() {
        assert_eq!(ps_quote("it's"), "'it''s'");
        assert_eq!(ps_quote("a\u{2019}b"), "'a\u{2019}\u{2019}b'");
        assert_eq!(ps_quote("x\n$(calc)"), "'x $(calc)'");
    }

    #[test]
    fn spreadsheet_formulas_are_neutralised_and_numbers_kept() {
        assert_eq!(formula_safe("=cmd"), "'=cmd");
        assert_eq!(formula_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(formula_safe("+1+1"), "'+1+1");
        assert_eq!(formula_safe("-1.5"), "-1.5");
        assert_eq!(formula_safe("+7"), "+7");
        assert_eq!(formula_safe("a=b"), "a=b");
    }
}
