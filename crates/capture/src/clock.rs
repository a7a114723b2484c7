//! The plausible clock of one input: packet timestamps that jump far ahead of the input's
//! time, or far back, are counted and replaced by the input's time (issue 16, class 9: one
//! packet stamped decades ahead split a TCP connection into two flow records).
//!
//! The rule (docs/flows.md, "Implausible timestamps"):
//! - Each input (a capture file, a live interface) has a clock: the latest plausible
//!   timestamp it gave. The first packet sets it.
//! - A packet is plausible when its timestamp is at most [`MAX_JUMP_AHEAD_SECS`] (one day,
//!   far beyond any idle timeout) ahead of the clock and at most [`MAX_STEP_BACK_SECS`]
//!   (one minute: ordinary reordering between interfaces and buffered writers) behind it. It
//!   keeps its timestamp, and moves the clock forward.
//! - Any other packet is **implausible**: counted, and given the clock's time. Its own
//!   timestamp then ages, splits or ends no flow, and does not widen the capture window.
//! - A genuine clock step (an NTP step, a sensor whose clock was set mid-capture, two
//!   captures of different times concatenated) is told apart by what follows:
//!   [`STEP_CONFIRMATIONS`] consecutive implausible packets that agree with each other (each
//!   plausible against the one before it) move the clock to the new time. A plausible
//!   packet in between starts the count again, so two interleaved clocks (two sensors
//!   merged without sorting) never step: the second clock's packets are all counted and
//!   given the first clock's time.
//! - Files look ahead ([`PlausibleClock::admit_seen_ahead`]): an implausible record is a
//!   step when it and the [`STEP_CONFIRMATIONS`] - 1 records after it agree with each other
//!   and not with the old clock, and the step is taken at that record, so no record of a
//!   genuine step is given the old time (and the connection that follows a step is not
//!   split). A first record that the ones after it
//!   disagree with is implausible too, and given the time of the next one.
//! - Live interfaces cannot look ahead ([`PlausibleClock::admit`]): the step is taken at the
//!   [`STEP_CONFIRMATIONS`]-th agreeing packet; the ones before it were given the old time.
//!
//! Two comparisons per packet on the plausible path, no allocation.

use tapaudit_vocab::Timestamp;

/// Furthest a packet may be ahead of its input's clock and still be taken at its word.
pub const MAX_JUMP_AHEAD_SECS: u64 = 24 * 3600;
/// Furthest a packet may be behind its input's clock and still be taken at its word.
pub const MAX_STEP_BACK_SECS: u64 = 60;
/// Consecutive agreeing implausible packets that show a genuine clock step.
pub const STEP_CONFIRMATIONS: u32 = 4;

const AHEAD: u64 = MAX_JUMP_AHEAD_SECS * Timestamp::NANOS_PER_SEC;
const BACK: u64 = MAX_STEP_BACK_SECS * Timestamp::NANOS_PER_SEC;

/// `next` is plausible after `prev`.
#[inline]
fn plausible(prev: Timestamp, next: Timestamp) -> bool {
    next.0 <= prev.0.saturating_add(AHEAD) && next.0.saturating_add(BACK) >= prev.0
}

/// The clock of one input (see the module documentation for the rule).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlausibleClock {
    /// None until the first packet.
    clock: Option<Timestamp>,
    /// The latest implausible timestamp, while implausible packets agree with each other.
    candidate: Timestamp,
    /// Consecutive agreeing implausible packets so far (0: none pending).
    agreeing: u32,
    implausible: u64,
    steps: u64,
}

impl PlausibleClock {
    pub fn new() -> Self {
        Self::default()
    }

    /// The time to process a packet stamped `ts` at: `ts` itself, or the clock's time when
    /// `ts` is implausible. Without look-ahead (live): a step needs
    /// [`STEP_CONFIRMATIONS`] agreeing packets, the ones before the last given the old time.
    #[inline]
    pub fn admit(&mut self, ts: Timestamp) -> Timestamp {
        match self.try_admit(ts) {
            Some(ts) => ts,
            None => self.implausible_packet(ts),
        }
    }

    /// `ts` when it is plausible (the clock moves to it if later); None, and nothing
    /// changed, when it is not or when the clock is not set yet. The hot path of
    /// [`Self::admit`] and [`Self::admit_seen_ahead`].
    #[inline]
    pub fn try_admit(&mut self, ts: Timestamp) -> Option<Timestamp> {
        let c = self.clock?;
        if !plausible(c, ts) {
            return None;
        }
        self.agreeing = 0;
        if ts > c {
            self.clock = Some(ts);
        }
        Some(ts)
    }

    /// [`Self::admit`] for a packet [`Self::try_admit`] refused, when the timestamps of the
    /// packets after it are known (a file: `next` holds up to [`STEP_CONFIRMATIONS`] - 1 of
    /// them, fewer at the end of the file). A step is accepted at once when the packet and
    /// the ones after it agree, so no packet of a genuine step is given the old time. The
    /// first packet of an input is implausible when the ones after it agree with each other
    /// but not with it: it is then given the time of the next one.
    #[cold]
    pub fn admit_seen_ahead(&mut self, ts: Timestamp, next: &[Timestamp]) -> Timestamp {
        let need = STEP_CONFIRMATIONS as usize - 1;
        let agree = |chain: &[Timestamp]| chain.windows(2).all(|w| plausible(w[0], w[1]));
        match self.clock {
            None => {
                let odd_one_out = next.len() >= need
                    && next.first().is_some_and(|&n| !plausible(ts, n))
                    && agree(next);
                match next.first() {
                    Some(&n) if odd_one_out => {
                        self.clock = Some(n);
                        self.implausible += 1;
                        n
                    }
                    _ => {
                        self.clock = Some(ts);
                        ts
                    }
                }
            }
            Some(c) if plausible(c, ts) => self.admit(ts),
            Some(c) => {
                // The records after it agree with it, and not with the old clock (one record
                // an hour back, followed by the clock's own time, is no step back).
                let followed = next.len() >= need
                    && next.first().is_some_and(|&n| plausible(ts, n))
                    && agree(next)
                    && next.iter().all(|&n| !plausible(c, n));
                if followed {
                    self.agreeing = 0;
                    self.steps += 1;
                    self.clock = Some(ts);
                    ts
                } else {
                    self.implausible += 1;
                    c
                }
            }
        }
    }

    #[cold]
    fn implausible_packet(&mut self, ts: Timestamp) -> Timestamp {
        let Some(clock) = self.clock else {
            self.clock = Some(ts);
            return ts;
        };
        if self.agreeing > 0 && plausible(self.candidate, ts) {
            self.agreeing += 1;
        } else {
            self.agreeing = 1;
        }
        self.candidate = if self.agreeing > 1 {
            self.candidate.max(ts)
        } else {
            ts
        };
        if self.agreeing >= STEP_CONFIRMATIONS {
            self.agreeing = 0;
            self.steps += 1;
            self.clock = Some(self.candidate);
            return ts;
        }
        self.implausible += 1;
        clock
    }

    /// The clock: the latest plausible time so far (None before the first packet).
    #[inline]
    pub fn now(&self) -> Option<Timestamp> {
        self.clock
    }
    /// Packets given the clock's time instead of their own.
    pub fn implausible(&self) -> u64 {
        self.implausible
    }
    /// Genuine clock steps accepted.
    pub fn steps(&self) -> u64 {
        self.steps
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: u64 = Timestamp::NANOS_PER_SEC;
    fn t(secs: u64) -> Timestamp {
        Timestamp(secs * S)
    }
    const BASE: u64 = 1_772_438_400; // 2026-03-02T08:00:00Z
    const YEARS_40: u64 = 40 * 365 * 24 * 3600;

    #[test]
    fn ordinary_timestamps_pass_through() {
        let mut c = PlausibleClock::new();
        for s in [0, 1, 2, 2, 1, 3, 3600, 3600 + 86_400] {
            assert_eq!(c.admit(t(BASE + s)), t(BASE + s));
        }
        // Less than a minute back: reordering, kept.
        assert_eq!(
            c.admit(t(BASE + 3600 + 86_400 - 59)),
            t(BASE + 3600 + 86_400 - 59)
        );
        assert_eq!(c.implausible(), 0);
        assert_eq!(c.steps(), 0);
    }

    #[test]
    fn one_packet_decades_ahead_is_given_the_clock_time() {
        let mut c = PlausibleClock::new();
        c.admit(t(BASE));
        c.admit(t(BASE + 5));
        assert_eq!(c.admit(t(BASE + 6 + YEARS_40)), t(BASE + 5));
        assert_eq!(c.admit(t(BASE + 7)), t(BASE + 7));
        assert_eq!(c.implausible(), 1);
        assert_eq!(c.steps(), 0);
    }

    #[test]
    fn one_packet_an_hour_back_is_given_the_clock_time() {
        let mut c = PlausibleClock::new();
        c.admit(t(BASE + 7200));
        assert_eq!(c.admit(t(BASE + 3600)), t(BASE + 7200));
        assert_eq!(c.admit(t(BASE + 7201)), t(BASE + 7201));
        assert_eq!(c.implausible(), 1);
    }

    #[test]
    fn agreeing_packets_confirm_a_clock_step_either_way() {
        let mut c = PlausibleClock::new();
        c.admit(t(BASE));
        let step = BASE + 3 * 86_400;
        for i in 0..u64::from(STEP_CONFIRMATIONS) - 1 {
            assert_eq!(c.admit(t(step + i)), t(BASE), "packet {i} of the step");
        }
        let n = u64::from(STEP_CONFIRMATIONS) - 1;
        assert_eq!(c.admit(t(step + n)), t(step + n));
        assert_eq!(c.admit(t(step + n + 1)), t(step + n + 1));
        assert_eq!(c.steps(), 1);
        assert_eq!(c.implausible(), n);
        // And back again.
        for i in 0..n {
            assert_eq!(c.admit(t(BASE + 10 + i)), t(step + n + 1));
        }
        assert_eq!(c.admit(t(BASE + 20)), t(BASE + 20));
        assert_eq!(c.steps(), 2);
    }

    #[test]
    fn interleaved_clocks_never_step() {
        let mut c = PlausibleClock::new();
        for i in 0..100 {
            assert_eq!(c.admit(t(BASE + i)), t(BASE + i));
            assert_eq!(c.admit(t(BASE + YEARS_40 + i)), t(BASE + i));
        }
        assert_eq!(c.implausible(), 100);
        assert_eq!(c.steps(), 0);
    }

    #[test]
    fn scattered_absurd_packets_do_not_confirm_each_other() {
        let mut c = PlausibleClock::new();
        c.admit(t(BASE));
        // Implausible one after the other, but decades apart from each other.
        for (i, ahead) in [10, 20, 30, 40, 50].into_iter().enumerate() {
            let ts = t(BASE + ahead * 365 * 86_400);
            assert_eq!(c.admit(ts), t(BASE), "packet {i}");
        }
        assert_eq!(c.steps(), 0);
        assert_eq!(c.implausible(), 5);
    }

    #[test]
    fn seen_ahead_a_step_is_taken_at_once_and_a_lone_packet_is_not() {
        let mut c = PlausibleClock::new();
        assert_eq!(c.try_admit(t(BASE)), None, "no clock yet");
        assert_eq!(c.admit_seen_ahead(t(BASE), &[t(BASE + 1); 3]), t(BASE));
        let step = BASE + 3 * 86_400;
        assert_eq!(c.try_admit(t(step)), None);
        let after = [t(step + 1), t(step + 2), t(step + 3)];
        assert_eq!(c.admit_seen_ahead(t(step), &after), t(step));
        assert_eq!(c.try_admit(t(step + 1)), Some(t(step + 1)));
        assert_eq!((c.steps(), c.implausible()), (1, 0));
        // One packet 40 years on, the next ones back at the clock: implausible.
        let back = [t(step + 2), t(step + 3), t(step + 4)];
        assert_eq!(c.admit_seen_ahead(t(step + YEARS_40), &back), t(step + 1));
        // Two absurd packets in a row are not enough, nor is the end of the file.
        let two = [t(step + YEARS_40 + 1), t(step + 2), t(step + 3)];
        assert_eq!(c.admit_seen_ahead(t(step + YEARS_40), &two), t(step + 1));
        assert_eq!(c.admit_seen_ahead(t(step + YEARS_40), &[]), t(step + 1));
        assert_eq!((c.steps(), c.implausible()), (1, 3));
        // An hour back, then the clock's time again: the next ones agree with both.
        let on = [t(step + 2), t(step + 3), t(step + 4)];
        assert_eq!(c.admit_seen_ahead(t(step - 3600), &on), t(step + 1));
        assert_eq!((c.steps(), c.implausible()), (1, 4));
    }

    #[test]
    fn seen_ahead_an_absurd_first_packet_takes_the_time_of_the_next() {
        let mut c = PlausibleClock::new();
        let next = [t(BASE), t(BASE + 1), t(BASE + 2)];
        assert_eq!(c.admit_seen_ahead(t(BASE + YEARS_40), &next), t(BASE));
        assert_eq!(c.try_admit(t(BASE)), Some(t(BASE)));
        assert_eq!((c.steps(), c.implausible()), (0, 1));
    }

    #[test]
    fn extremes_do_not_overflow() {
        let mut c = PlausibleClock::new();
        assert_eq!(c.admit(Timestamp(u64::MAX)), Timestamp(u64::MAX));
        assert_eq!(c.admit(Timestamp(0)), Timestamp(u64::MAX));
        assert_eq!(c.admit(Timestamp(u64::MAX - 1)), Timestamp(u64::MAX - 1));
        assert_eq!(c.implausible(), 1);
    }
}
