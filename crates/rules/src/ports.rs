//! Port numbers, ranges and sets, as written in packs and site files.

use std::fmt;

use serde::{Deserialize, Serialize, Serializer};

/// An inclusive range of ports, `start <= end`, both in 1..=65535.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PortRange {
    pub start: u16,
    pub end: u16,
}

impl PortRange {
    pub fn single(port: u16) -> Self {
        PortRange {
            start: port,
            end: port,
        }
    }

    pub fn contains(&self, port: u16) -> bool {
        self.start <= port && port <= self.end
    }

    pub fn is_single(&self) -> bool {
        self.start == self.end
    }

    pub fn overlaps(&self, other: &PortRange) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

impl fmt::Display for PortRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_single() {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}-{}", self.start, self.end)
        }
    }
}

/// A set of ports: sorted ranges; overlapping ranges are merged, adjacent single ports are
/// kept apart so that `5798, 5799` stays two fixed ports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PortSet {
    ranges: Vec<PortRange>,
}

impl PortSet {
    pub fn new(ranges: impl IntoIterator<Item = PortRange>) -> Self {
        let mut v: Vec<PortRange> = ranges.into_iter().collect();
        v.sort();
        let mut out: Vec<PortRange> = Vec::with_capacity(v.len());
        for r in v {
            match out.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => out.push(r),
            }
        }
        PortSet { ranges: out }
    }

    pub fn empty() -> Self {
        PortSet::default()
    }

    pub fn from_ports(ports: &[u16]) -> Self {
        PortSet::new(ports.iter().map(|&p| PortRange::single(p)))
    }

    pub fn contains(&self, port: u16) -> bool {
        self.ranges.iter().any(|r| r.contains(port))
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    pub fn ranges(&self) -> &[PortRange] {
        &self.ranges
    }

    /// Only fixed ports (no range wider than one port), and at least one.
    pub fn is_single_ports(&self) -> bool {
        !self.ranges.is_empty() && self.ranges.iter().all(PortRange::is_single)
    }

    pub fn intersects(&self, other: &PortSet) -> bool {
        self.ranges
            .iter()
            .any(|a| other.ranges.iter().any(|b| a.overlaps(b)))
    }

    /// The first port present in both sets, for messages.
    pub fn first_common(&self, other: &PortSet) -> Option<u16> {
        self.ranges
            .iter()
            .flat_map(|a| {
                other
                    .ranges
                    .iter()
                    .filter_map(move |b| a.overlaps(b).then_some(a.start.max(b.start)))
            })
            .min()
    }

    /// Every single port, in order (for sets of fixed ports; ranges are expanded).
    pub fn iter_ports(&self) -> impl Iterator<Item = u16> + '_ {
        self.ranges.iter().flat_map(|r| r.start..=r.end)
    }

    pub fn union(&self, other: &PortSet) -> PortSet {
        PortSet::new(self.ranges.iter().chain(other.ranges.iter()).copied())
    }
}

impl fmt::Display for PortSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, r) in self.ranges.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{r}")?;
        }
        Ok(())
    }
}

impl Serialize for PortSet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One element of a `ports = [...]` list as written: a number or a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PortItem {
    Number(i64),
    Text(String),
}

impl<'de> Deserialize<'de> for PortItem {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = PortItem;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a port number, a range \"START-END\" or the name of a range")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<PortItem, E> {
                Ok(PortItem::Number(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<PortItem, E> {
                Ok(PortItem::Number(i64::try_from(v).unwrap_or(i64::MAX)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PortItem, E> {
                Ok(PortItem::Text(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// What one item stands for before named ranges are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PortSpec {
    Range(PortRange),
    Named(String),
}

fn port_number(v: i64) -> Result<u16, String> {
    match u16::try_from(v) {
        Ok(p) if p != 0 => Ok(p),
        _ => Err(format!("port {v} is out of range: ports are 1 to 65535")),
    }
}

/// Parses one item: `21`, `"21"`, `"600-1023"`, `"600 - 1023"` or a range name.
pub(crate) fn parse_item(item: &PortItem) -> Result<PortSpec, String> {
    match item {
        PortItem::Number(n) => port_number(*n).map(|p| PortSpec::Range(PortRange::single(p))),
        PortItem::Text(t) => {
            let t = t.trim();
            if t.is_empty() {
                return Err("empty port".to_string());
            }
            if t.starts_with(|c: char| c.is_ascii_digit()) {
                let parse = |s: &str| -> Result<u16, String> {
                    let s = s.trim();
                    let n: i64 = s
                        .parse()
                        .map_err(|_| format!("\"{t}\" is not a port or a range START-END"))?;
                    port_number(n)
                };
                match t.split_once('-') {
                    None => parse(t).map(|p| PortSpec::Range(PortRange::single(p))),
                    Some((a, b)) => {
                        let (start, end) = (parse(a)?, parse(b)?);
                        if start > end {
                            Err(format!(
                                "range {start}-{end} is backwards: the start must not exceed the end"
                            ))
                        } else {
                            Ok(PortSpec::Range(PortRange { start, end }))
                        }
                    }
                }
            } else {
                Ok(PortSpec::Named(t.to_string()))
            }
        }
    }
}

/// Parses a port list with no named ranges allowed (site files): `[21, "600-1023"]`.
pub fn parse_port_list(items: &[&str]) -> Result<PortSet, String> {
    let mut out = Vec::new();
    for i in items {
        match parse_item(&PortItem::Text((*i).to_string()))? {
            PortSpec::Range(r) => out.push(r),
            PortSpec::Named(n) => return Err(format!("\"{n}\" is not a port or a range")),
        }
    }
    Ok(PortSet::new(out))
}

impl std::str::FromStr for PortSet {
    type Err = String;
    /// `"21, 600-1023"`.
    fn from_str(s: &str) -> Result<Self, String> {
        let items: Vec<&str> = s.split(',').collect();
        parse_port_list(&items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_display() {
        let s: PortSet = "21, 600-1023".parse().unwrap();
        assert_eq!(s.to_string(), "21, 600-1023");
        assert!(s.contains(21) && s.contains(600) && s.contains(1023));
        assert!(!s.contains(22) && !s.contains(599) && !s.contains(1024));
        assert!(!s.is_single_ports());
        let one: PortSet = "5481".parse().unwrap();
        assert_eq!(one.to_string(), "5481");
        assert!(one.is_single_ports());
        let wide: PortSet = "49152-65535".parse().unwrap();
        assert!(wide.contains(65535) && !wide.contains(49151));
    }

    #[test]
    fn merge_overlaps_not_adjacent_singles() {
        let s = PortSet::from_ports(&[5799, 5798, 5798]);
        assert_eq!(s.to_string(), "5798, 5799");
        assert!(s.is_single_ports());
        let m: PortSet = "10-20, 15-30, 40".parse().unwrap();
        assert_eq!(m.to_string(), "10-30, 40");
    }

    #[test]
    fn bad_ports() {
        assert!("0".parse::<PortSet>().unwrap_err().contains("out of range"));
        assert!("70000"
            .parse::<PortSet>()
            .unwrap_err()
            .contains("out of range"));
        assert!("5000-1024"
            .parse::<PortSet>()
            .unwrap_err()
            .contains("backwards"));
        assert!("12x".parse::<PortSet>().is_err());
        assert_eq!(
            parse_item(&PortItem::Text("hcu-data".into())).unwrap(),
            PortSpec::Named("hcu-data".into())
        );
    }

    #[test]
    fn empty_set() {
        let e = PortSet::empty();
        assert!(e.is_empty() && !e.contains(1) && !e.is_single_ports());
        assert_eq!(e.to_string(), "");
    }

    #[test]
    fn intersections() {
        let a: PortSet = "100-200".parse().unwrap();
        let b: PortSet = "150, 300".parse().unwrap();
        assert!(a.intersects(&b));
        assert_eq!(a.first_common(&b), Some(150));
        let c: PortSet = "201".parse().unwrap();
        assert!(!a.intersects(&c));
    }
}
