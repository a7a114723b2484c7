//! Packet time: nanoseconds since the Unix epoch, UTC.

use std::fmt::Write as _;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// Nanoseconds since the Unix epoch, UTC. Packet time drives everything downstream: the flow
/// table never reads the wall clock, so a replay gives the same report every time.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(pub u64);

impl Timestamp {
    pub const NANOS_PER_SEC: u64 = 1_000_000_000;

    pub fn from_secs_nanos(secs: u64, nanos: u64) -> Self {
        Timestamp(
            secs.saturating_mul(Self::NANOS_PER_SEC)
                .saturating_add(nanos),
        )
    }
    /// A wall-clock time (live reports, gaps); times before the epoch become the epoch.
    pub fn from_system_time(t: SystemTime) -> Self {
        let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
        Timestamp(u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
    }
    pub fn to_system_time(self) -> SystemTime {
        UNIX_EPOCH + Duration::from_nanos(self.0)
    }
    pub fn secs(self) -> u64 {
        self.0 / Self::NANOS_PER_SEC
    }
    pub fn subsec_nanos(self) -> u32 {
        (self.0 % Self::NANOS_PER_SEC) as u32
    }
    pub fn as_nanos(self) -> u64 {
        self.0
    }
    pub fn saturating_sub(self, other: Timestamp) -> u64 {
        self.0.saturating_sub(other.0)
    }
    /// RFC 3339, UTC, microseconds: `2026-03-02T08:00:00.123456Z`.
    pub fn to_rfc3339_micros(self) -> String {
        let mut s = self.to_rfc3339_seconds();
        s.pop(); // the 'Z'
        let _ = write!(s, ".{:06}Z", self.subsec_nanos() / 1000);
        s
    }
    /// RFC 3339, UTC, whole seconds: `2026-03-02T08:00:00Z`.
    pub fn to_rfc3339_seconds(self) -> String {
        let secs = self.secs();
        let (y, m, d) = civil_from_days((secs / 86_400) as i64);
        let t = secs % 86_400;
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            t / 3600,
            (t / 60) % 60,
            t % 60
        )
    }
    /// `HH:MM:SS.mmm` UTC: the time of day an auditor looks for in a capture.
    pub fn time_of_day(self) -> String {
        let s = self.secs() % 86_400;
        format!(
            "{:02}:{:02}:{:02}.{:03}",
            s / 3600,
            (s / 60) % 60,
            s % 60,
            self.subsec_nanos() / 1_000_000
        )
    }
    /// The calendar date (UTC) as (year, month, day).
    pub fn date(self) -> (i64, u8, u8) {
        let (y, m, d) = civil_from_days((self.secs() / 86_400) as i64);
        (y, m as u8, d as u8)
    }
}

/// Days since 1970-01-01 -> (year, month, day), proleptic Gregorian (H. Hinnant's
/// `civil_from_days`, exact for every day a u64 of nanoseconds reaches).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formats_like_rfc3339() {
        let t = Timestamp::from_secs_nanos(1_772_438_400, 123_456_789);
        assert_eq!(t.to_rfc3339_micros(), "2026-03-02T08:00:00.123456Z");
        assert_eq!(t.to_rfc3339_seconds(), "2026-03-02T08:00:00Z");
        assert_eq!(t.time_of_day(), "08:00:00.123");
        assert_eq!(
            Timestamp(0).to_rfc3339_micros(),
            "1970-01-01T00:00:00.000000Z"
        );
    }

    proptest! {
        /// The same text as humantime, the formatter the reports used before.
        #[test]
        fn agrees_with_humantime(nanos in any::<u64>()) {
            let t = Timestamp(nanos);
            let reference = humantime::format_rfc3339_micros(t.to_system_time()).to_string();
            prop_assert_eq!(t.to_rfc3339_micros(), reference);
            let reference = humantime::format_rfc3339_seconds(t.to_system_time()).to_string();
            prop_assert_eq!(t.to_rfc3339_seconds(), reference);
        }
    }
}
