//! Short texts formatted on the stack: addresses, numbers and timestamps as the reports
//! print them, without `core::fmt` and without allocating.
//!
//! A churn capture's reports format several addresses, numbers and times per flow for
//! 100k+ flows; through `format!` and `Display` these were a tenth of a JSON audit
//! (docs/performance.md, 2026-12-04). Each function here writes exactly what the `Display`
//! it replaces writes; the tests hold them to it.

use std::fmt;
use std::net::IpAddr;

use tapaudit_vocab::Timestamp;

/// Room for the longest IPv6 text (45 bytes) and a service such as
/// `icmpv6/negotiated-by-dcerpc-epm`.
pub const TEXT_CAP: usize = 64;

/// A short ASCII or UTF-8 text built on the stack. Writing past [`TEXT_CAP`] bytes sets
/// `overflow` and keeps what fit; callers check [`Text::as_str`], which is then None.
#[derive(Clone, Copy)]
pub struct Text {
    buf: [u8; TEXT_CAP],
    len: usize,
    overflow: bool,
}

impl Default for Text {
    fn default() -> Self {
        Text {
            buf: [0; TEXT_CAP],
            len: 0,
            overflow: false,
        }
    }
}

impl Text {
    pub fn new() -> Self {
        Self::default()
    }

    /// The text; None when something did not fit.
    pub fn as_str(&self) -> Option<&str> {
        if self.overflow {
            return None;
        }
        std::str::from_utf8(self.buf.get(..self.len)?).ok()
    }

    pub fn push_str(&mut self, s: &str) {
        match self.buf.get_mut(self.len..self.len + s.len()) {
            Some(dst) => {
                dst.copy_from_slice(s.as_bytes());
                self.len += s.len();
            }
            None => self.overflow = true,
        }
    }

    /// As `Display` for u64.
    pub fn push_u64(&mut self, mut v: u64) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        // Only ASCII digits were written.
        self.push_str(std::str::from_utf8(&digits[i..]).unwrap_or_default());
    }

    /// As `Display` for `IpAddr` (IPv4 by hand, IPv6, rare, through `Display`).
    pub fn push_ip(&mut self, ip: IpAddr) {
        match ip {
            IpAddr::V4(a) => {
                let [a, b, c, d] = a.octets();
                self.push_u64(a.into());
                self.push_str(".");
                self.push_u64(b.into());
                self.push_str(".");
                self.push_u64(c.into());
                self.push_str(".");
                self.push_u64(d.into());
            }
            IpAddr::V6(a) => {
                let _ = fmt::Write::write_fmt(self, format_args!("{a}"));
            }
        }
    }
}

impl fmt::Write for Text {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push_str(s);
        if self.overflow {
            Err(fmt::Error)
        } else {
            Ok(())
        }
    }
}

/// `t` as `Timestamp::to_rfc3339_micros` writes it, for the years 0-9999 (every other
/// year: None, and the caller takes the slow path).
pub fn rfc3339_micros(t: Timestamp) -> Option<[u8; 27]> {
    let secs = t.secs();
    let (y, mo, d) = tapaudit_vocab::civil_from_days((secs / 86_400) as i64);
    if !(0..=9999).contains(&y) {
        return None;
    }
    let tod = secs % 86_400;
    let us = t.subsec_nanos() / 1000;
    let mut b = *b"0000-00-00T00:00:00.000000Z";
    let put = |b: &mut [u8; 27], at: usize, width: usize, mut v: u64| {
        for i in (at..at + width).rev() {
            b[i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
    };
    put(&mut b, 0, 4, y as u64);
    put(&mut b, 5, 2, u64::from(mo));
    put(&mut b, 8, 2, u64::from(d));
    put(&mut b, 11, 2, tod / 3600);
    put(&mut b, 14, 2, (tod / 60) % 60);
    put(&mut b, 17, 2, tod % 60);
    put(&mut b, 20, 6, u64::from(us));
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn addresses_and_numbers_print_as_display(v4 in any::<u32>(), v6 in any::<u128>(), n in any::<u64>()) {
            for ip in [IpAddr::from(v4.to_be_bytes()), IpAddr::from(v6.to_be_bytes())] {
                let mut t = Text::new();
                t.push_ip(ip);
                let want = ip.to_string();
                prop_assert_eq!(t.as_str(), Some(want.as_str()));
            }
            let mapped = IpAddr::V6(std::net::Ipv4Addr::from(v4).to_ipv6_mapped());
            let mut t = Text::new();
            t.push_ip(mapped);
            let want = mapped.to_string();
            prop_assert_eq!(t.as_str(), Some(want.as_str()));
            let mut t = Text::new();
            t.push_u64(n);
            let want = n.to_string();
            prop_assert_eq!(t.as_str(), Some(want.as_str()));
        }
    }

    #[test]
    fn overflow_is_reported_not_truncated() {
        let mut t = Text::new();
        t.push_str(&"x".repeat(TEXT_CAP));
        assert_eq!(t.as_str().map(str::len), Some(TEXT_CAP));
        t.push_str("y");
        assert_eq!(t.as_str(), None);
    }
}
