//! Quiet hours: a daily window of London time (BST in summer, GMT in winter) in which nobody is
//! nudged; a nudge falling due then waits for the window's end.

use std::fmt;

use chrono::{DateTime, Days, LocalResult, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::London;

/// From `start` (included) to `end` (excluded), London time, every day; crosses midnight when
/// `start` is later than `end` (`21-9`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuietHours {
    start: NaiveTime,
    end: NaiveTime,
}

/// A window that is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "quiet hours are written START-END in 24-hour London time, such as 21-9 or 21:30-8:15 \
     (start and end different), or off; got {0:?}"
)]
pub struct BadQuietHours(pub String);

impl QuietHours {
    /// `21-9`: 21:00 to 09:00.
    pub const DEFAULT: &str = "21-9";

    /// From `start` to `end`; `None` when they are the same time (an empty or a whole day's
    /// window: say which with `off`, or a real window).
    pub fn new(start: NaiveTime, end: NaiveTime) -> Option<QuietHours> {
        (start != end).then_some(QuietHours { start, end })
    }

    /// `21-9`, `21:30-8:15`, `0-7`.
    pub fn parse(text: &str) -> Result<QuietHours, BadQuietHours> {
        let bad = || BadQuietHours(text.to_string());
        let (a, b) = text.trim().split_once('-').ok_or_else(bad)?;
        let (start, end) = (clock(a).ok_or_else(bad)?, clock(b).ok_or_else(bad)?);
        QuietHours::new(start, end).ok_or_else(bad)
    }

    /// When the window holding `now` ends; `None` when `now` is outside it.
    pub fn hold_until(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let local = now.with_timezone(&London).naive_local();
        let (today, time) = (local.date(), local.time());
        let crosses_midnight = self.start > self.end;
        let ends_on = match (crosses_midnight, time >= self.start, time < self.end) {
            // 21-9 at 22:00: tomorrow at 9; at 07:00: today at 9.
            (true, true, _) => today.checked_add_days(Days::new(1))?,
            (true, false, true) => today,
            // 1-6 at 03:00: today at 6.
            (false, true, true) => today,
            (true, false, false) | (false, false, _) | (false, true, false) => return None,
        };
        Some(london_to_utc(ends_on.and_time(self.end)))
    }
}

impl fmt::Display for QuietHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}",
            self.start.format("%H:%M"),
            self.end.format("%H:%M")
        )
    }
}

/// `9`, `09`, `21:30`.
fn clock(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    let (h, m) = text.split_once(':').unwrap_or((text, "0"));
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// The instant the London clock shows `at`: the first of two in the hour the clocks go back,
/// and the moment the clocks go forward for a time that hour skips.
fn london_to_utc(at: NaiveDateTime) -> DateTime<Utc> {
    match London.from_local_datetime(&at) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
        // Skipped (01:00-02:00 on the last Sunday of March): the first clock time after it
        // (02:00 BST) is the moment of the jump.
        LocalResult::None => (1..=24 * 60)
            .find_map(|m| {
                London
                    .from_local_datetime(&(at + chrono::Duration::minutes(m)))
                    .earliest()
            })
            .map_or_else(|| Utc.from_utc_datetime(&at), |t| t.with_timezone(&Utc)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("a time")
            .with_timezone(&Utc)
    }

    fn hours(s: &str) -> QuietHours {
        QuietHours::parse(s).expect("quiet hours")
    }

    #[test]
    fn windows_are_read_as_people_write_them() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).expect("time");
        assert_eq!(
            hours("21-9"),
            QuietHours::new(t(21, 0), t(9, 0)).expect("w")
        );
        assert_eq!(
            hours(" 21:30 - 08:15 "),
            QuietHours::new(t(21, 30), t(8, 15)).expect("w")
        );
        assert_eq!(hours("0-7").to_string(), "00:00-07:00");
        for bad in [
            "", "21", "21-", "-9", "9-9", "24-7", "21-9-3", "9pm-7am", "21:60-9", "a-b", "21.5-9",
            "+1-9", "off",
        ] {
            assert_eq!(
                QuietHours::parse(bad),
                Err(BadQuietHours(bad.into())),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn a_window_across_midnight_in_winter() {
        // GMT: London time is UTC.
        let q = hours("21-9");
        assert_eq!(q.hold_until(utc("2026-01-15T20:59:59Z")), None);
        assert_eq!(
            q.hold_until(utc("2026-01-15T21:00:00Z")),
            Some(utc("2026-01-16T09:00:00Z"))
        );
        assert_eq!(
            q.hold_until(utc("2026-01-15T23:30:00Z")),
            Some(utc("2026-01-16T09:00:00Z"))
        );
        assert_eq!(
            q.hold_until(utc("2026-01-16T00:00:00Z")),
            Some(utc("2026-01-16T09:00:00Z"))
        );
        assert_eq!(
            q.hold_until(utc("2026-01-16T08:59:59Z")),
            Some(utc("2026-01-16T09:00:00Z"))
        );
        assert_eq!(q.hold_until(utc("2026-01-16T09:00:00Z")), None);
        assert_eq!(q.hold_until(utc("2026-01-16T12:00:00Z")), None);
    }

    #[test]
    fn a_window_across_midnight_in_summer_follows_the_london_clock() {
        // BST: London is an hour ahead of UTC, so 21:00 London is 20:00 UTC.
        let q = hours("21-9");
        assert_eq!(q.hold_until(utc("2026-07-01T19:59:00Z")), None);
        assert_eq!(
            q.hold_until(utc("2026-07-01T20:00:00Z")),
            Some(utc("2026-07-02T08:00:00Z"))
        );
        // 08:30 UTC is 09:30 in London: the morning has come.
        assert_eq!(q.hold_until(utc("2026-07-02T08:30:00Z")), None);
        assert_eq!(
            q.hold_until(utc("2026-07-02T07:59:59Z")),
            Some(utc("2026-07-02T08:00:00Z"))
        );
    }

    #[test]
    fn a_window_within_one_day() {
        let q = hours("13:30-14");
        assert_eq!(q.hold_until(utc("2026-01-15T13:29:59Z")), None);
        assert_eq!(
            q.hold_until(utc("2026-01-15T13:30:00Z")),
            Some(utc("2026-01-15T14:00:00Z"))
        );
        assert_eq!(q.hold_until(utc("2026-01-15T14:00:00Z")), None);
        assert_eq!(q.hold_until(utc("2026-01-15T23:00:00Z")), None);
        // In summer the same London hours are an hour earlier in UTC.
        assert_eq!(
            q.hold_until(utc("2026-07-15T12:45:00Z")),
            Some(utc("2026-07-15T13:00:00Z"))
        );
        assert_eq!(q.hold_until(utc("2026-07-15T13:30:00Z")), None);
    }

    #[test]
    fn the_night_the_clocks_go_forward() {
        // Sunday 29 March 2026: at 01:00 GMT London jumps to 02:00 BST.
        let q = hours("21-9");
        // Saturday 22:00 GMT: held until Sunday 09:00 BST, which is 08:00 UTC (a night an
        // hour shorter than the UTC clock says).
        assert_eq!(
            q.hold_until(utc("2026-03-28T22:00:00Z")),
            Some(utc("2026-03-29T08:00:00Z"))
        );
        assert_eq!(q.hold_until(utc("2026-03-29T08:00:00Z")), None);
        // A window ending in the skipped hour ends when the clock jumps past it.
        let q = hours("23-1:30");
        assert_eq!(
            q.hold_until(utc("2026-03-28T23:30:00Z")),
            Some(utc("2026-03-29T01:00:00Z"))
        );
        // 00:59 GMT is inside; 01:00 GMT is 02:00 BST, outside.
        assert!(q.hold_until(utc("2026-03-29T00:59:00Z")).is_some());
        assert_eq!(q.hold_until(utc("2026-03-29T01:00:00Z")), None);
        // A window starting in the skipped hour has begun once the clock is past it.
        let q = hours("1:30-6");
        assert_eq!(
            q.hold_until(utc("2026-03-29T01:00:00Z")),
            Some(utc("2026-03-29T05:00:00Z"))
        );
    }

    #[test]
    fn the_night_the_clocks_go_back() {
        // Sunday 25 October 2026: at 02:00 BST London goes back to 01:00 GMT.
        let q = hours("21-9");
        // Saturday 21:00 BST is 20:00 UTC; Sunday 09:00 GMT is 09:00 UTC (a night an hour
        // longer).
        assert_eq!(
            q.hold_until(utc("2026-10-24T20:00:00Z")),
            Some(utc("2026-10-25T09:00:00Z"))
        );
        assert_eq!(q.hold_until(utc("2026-10-24T19:59:00Z")), None);
        // A window ending in the hour that happens twice ends the first time.
        let q = hours("22-1:30");
        assert_eq!(
            q.hold_until(utc("2026-10-24T22:00:00Z")),
            Some(utc("2026-10-25T00:30:00Z"))
        );
        // The second 01:30 (GMT) is outside: the window ended an hour before.
        assert_eq!(q.hold_until(utc("2026-10-25T01:30:00Z")), None);
    }
}
