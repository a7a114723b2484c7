//! Reading a pack or site file so that every problem is found in one pass.
//!
//! `toml::from_str` into one struct stops at the first problem (an unknown field, a wrong
//! type). Here the file is parsed into toml's spanned document tree first (every syntax
//! error is collected), unknown keys are reported and dropped table by table (the known
//! keys come from the raw structs themselves, so the lists cannot drift), and every entry of
//! an array of tables is deserialized on its own: a bad `[[hosts]]` entry is one located
//! error, and the entries after it are still read and checked.

use serde::de::{self, DeserializeOwned, Visitor};
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

use crate::diag::{Diagnostic, LineIndex};

/// The field names of a struct deriving `Deserialize` (what `deny_unknown_fields` accepts).
pub(crate) fn fields<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut out: &'static [&'static str] = &[];
    let _ = T::deserialize(Probe(&mut out));
    out
}

/// A deserializer that only records the field list a struct asks for, then gives up.
struct Probe<'a>(&'a mut &'static [&'static str]);

impl<'de> de::Deserializer<'de> for Probe<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("field probe"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(de::Error::custom("field probe"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The document tree, or None after every syntax error was reported.
pub(crate) fn parse<'i>(
    text: &'i str,
    idx: &LineIndex<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<DeTable<'i>> {
    let (root, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        Some(root.into_inner())
    } else {
        diags.extend(errors.iter().map(|e| idx.toml_error(e)));
        None
    }
}

/// Reports every key of `table` that `allowed` does not name (at the key) and drops it.
pub(crate) fn strip_unknown(
    table: &mut DeTable<'_>,
    allowed: &[&str],
    idx: &LineIndex<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    let expected: Vec<String> = allowed.iter().map(|f| format!("`{f}`")).collect();
    let expected = match expected.len() {
        0 => "there are no fields".to_string(),
        1 => format!("expected {}", expected.join("")),
        _ => format!("expected one of {}", expected.join(", ")),
    };
    let unknown: Vec<(String, std::ops::Range<usize>)> = table
        .keys()
        .filter(|k| !allowed.contains(&k.get_ref().as_ref()))
        .map(|k| (k.get_ref().to_string(), k.span()))
        .collect();
    for (key, span) in unknown {
        diags.push(idx.error(&span, format!("unknown field `{key}`, {expected}")));
        table.remove(key.as_str());
    }
}

/// Deserializes one value (unknown keys of a table already stripped); a problem is a
/// located diagnostic.
pub(crate) fn value_into<T: DeserializeOwned>(
    v: Spanned<DeValue<'_>>,
    idx: &LineIndex<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    let span = v.span();
    match T::deserialize(ValueDeserializer::from(v)) {
        Ok(t) => Some(t),
        Err(e) => {
            let mut d = idx.toml_error(&e);
            if e.span().is_none() {
                let at = idx.span(&span);
                (d.line, d.column) = (at.line, at.column);
            }
            diags.push(d);
            None
        }
    }
}

/// A table entry `key` of `root` (`[site]`, `[pack]`): unknown keys stripped, then
/// deserialized. `nested` names sub-tables whose own unknown keys are stripped first.
pub(crate) fn table_entry<T: DeserializeOwned>(
    root: &mut DeTable<'_>,
    key: &str,
    nested: &[(&str, &'static [&'static str])],
    idx: &LineIndex<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    let Some(mut v) = root.remove(key) else {
        diags.push(idx.error(&(0..0), format!("missing table [{key}]")));
        return None;
    };
    if let DeValue::Table(t) = v.get_mut() {
        strip_unknown(t, fields::<T>(), idx, diags);
        for (sub, allowed) in nested {
            if let Some(DeValue::Table(st)) = t.get_mut(*sub).map(Spanned::get_mut) {
                strip_unknown(st, allowed, idx, diags);
            }
        }
    }
    value_into(v, idx, diags)
}

/// Every entry of the array of tables `key` (`[[hosts]]`), each read on its own; `on_bad`
/// sees the raw table of an entry that did not deserialize (to keep its name, say).
pub(crate) fn array_entries<T: DeserializeOwned>(
    root: &mut DeTable<'_>,
    key: &str,
    idx: &LineIndex<'_>,
    diags: &mut Vec<Diagnostic>,
    mut on_bad: impl FnMut(&DeTable<'_>),
) -> Vec<T> {
    let Some(v) = root.remove(key) else {
        return Vec::new();
    };
    let span = v.span();
    let DeValue::Array(items) = v.into_inner() else {
        diags.push(idx.error(
            &span,
            format!("`{key}` must be an array of tables ([[{key}]])"),
        ));
        return Vec::new();
    };
    let allowed = fields::<T>();
    let mut out = Vec::new();
    for mut item in items {
        if let DeValue::Table(t) = item.get_mut() {
            strip_unknown(t, allowed, idx, diags);
        }
        let raw = match item.get_ref() {
            DeValue::Table(t) => Some(t.clone()),
            _ => None,
        };
        match value_into::<T>(item, idx, diags) {
            Some(t) => out.push(t),
            None => {
                if let Some(t) = &raw {
                    on_bad(t);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct T {
        a: u8,
        #[serde(default)]
        b: Option<String>,
    }

    #[test]
    fn fields_come_from_the_struct() {
        assert_eq!(fields::<T>(), ["a", "b"]);
    }

    #[test]
    fn every_entry_is_read_and_every_unknown_key_reported() {
        let text = "[[t]]\na = 1\nx = 2\ny = 3\n[[t]]\na = \"no\"\n[[t]]\na = 3\n";
        let idx = LineIndex::new("f.toml", text);
        let mut diags = Vec::new();
        let mut root = parse(text, &idx, &mut diags).unwrap();
        let mut bad = 0;
        let got: Vec<T> = array_entries(&mut root, "t", &idx, &mut diags, |_| bad += 1);
        assert_eq!(got.iter().map(|t| t.a).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(bad, 1);
        let places: Vec<(usize, usize)> = diags.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(places, [(3, 1), (4, 1), (6, 5)], "{diags:#?}");
    }
}
