//! `queue stats`: figures for the team.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;

use crate::store::{self, StoreError, Timestamp};

/// Figures for `queue stats`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Waiting to be claimed.
    pub open: u64,
    /// Of those, urgent.
    pub open_urgent: u64,
    /// Claimed and not yet closed.
    pub claimed: u64,
    /// When the oldest open callback was queued.
    pub oldest_open_at: Option<String>,
    /// How long it has waited, in minutes.
    pub oldest_open_minutes: Option<i64>,
    /// Claimed since midnight UTC.
    pub claimed_today: u64,
    /// Median minutes from queued to claimed, over every callback ever claimed.
    pub median_wait_minutes: Option<f64>,
}

/// Figures for the team.
pub fn stats(conn: &Connection, now: DateTime<Utc>) -> Result<Stats, StoreError> {
    let count = |sql: &str| -> Result<u64, StoreError> {
        Ok(conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
    };
    let oldest: Option<String> = conn.query_row(
        "SELECT min(created_at) FROM referrals WHERE status = 'open'",
        [],
        |r| r.get(0),
    )?;
    let oldest_minutes = oldest
        .as_deref()
        .and_then(Timestamp::parse)
        .map(|o| (now - o.0).num_minutes());
    let midnight = store::stamp(now.date_naive().and_time(chrono::NaiveTime::MIN).and_utc());
    let claimed_today: i64 = conn.query_row(
        "SELECT count(*) FROM audit WHERE event = 'claimed' AND at >= ?1",
        [&midnight],
        |r| r.get(0),
    )?;
    let mut stmt =
        conn.prepare("SELECT created_at, claimed_at FROM referrals WHERE claimed_at IS NOT NULL")?;
    let mut waits: Vec<f64> = stmt
        .query_map([], |r| {
            Ok((r.get::<_, Timestamp>(0)?, r.get::<_, Timestamp>(1)?))
        })?
        .filter_map(Result::ok)
        .map(|(c, k)| (k.0 - c.0).num_seconds() as f64 / 60.0)
        .collect();
    waits.sort_by(f64::total_cmp);
    let median = match waits.len() {
        0 => None,
        n if n % 2 == 1 => Some(waits[n / 2]),
        n => Some((waits[n / 2 - 1] + waits[n / 2]) / 2.0),
    };
    Ok(Stats {
        open: count("SELECT count(*) FROM referrals WHERE status = 'open'")?,
        open_urgent: count(
            "SELECT count(*) FROM referrals WHERE status = 'open' AND priority = 'urgent'",
        )?,
        claimed: count("SELECT count(*) FROM referrals WHERE status = 'claimed'")?,
        oldest_open_at: oldest,
        oldest_open_minutes: oldest_minutes,
        claimed_today: claimed_today as u64,
        median_wait_minutes: median,
    })
}

/// `n` things in words, with the form for one: `plural(1, "minute", "minutes")` is
/// "1 minute", `plural(2, ...)` "2 minutes".
pub fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A span of minutes as a person says it, in its two largest units: "1 minute", "45 minutes",
/// "2 hours 5 minutes", "1 day 3 hours". A negative span (a clock set back) is "0 minutes".
pub fn duration_text(minutes: i64) -> String {
    let m = minutes.max(0).unsigned_abs();
    let (days, hours, mins) = (m / 1440, m % 1440 / 60, m % 60);
    let (big, small) = match (days, hours) {
        (0, 0) => return plural(mins, "minute", "minutes"),
        (0, h) => (
            plural(h, "hour", "hours"),
            (mins > 0).then(|| plural(mins, "minute", "minutes")),
        ),
        (d, h) => (
            plural(d, "day", "days"),
            (h > 0).then(|| plural(h, "hour", "hours")),
        ),
    };
    match small {
        Some(small) => format!("{big} {small}"),
        None => big,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_of_a_unit_is_singular_and_any_other_number_plural() {
        assert_eq!(duration_text(0), "0 minutes");
        assert_eq!(duration_text(1), "1 minute");
        assert_eq!(duration_text(45), "45 minutes");
        assert_eq!(duration_text(60), "1 hour");
        assert_eq!(duration_text(61), "1 hour 1 minute");
        assert_eq!(duration_text(125), "2 hours 5 minutes");
        assert_eq!(duration_text(1440), "1 day");
        assert_eq!(duration_text(1440 + 60 + 5), "1 day 1 hour");
        assert_eq!(duration_text(3 * 1440 + 120), "3 days 2 hours");
        assert_eq!(duration_text(-5), "0 minutes");
        assert_eq!(plural(1, "callback", "callbacks"), "1 callback");
        assert_eq!(plural(0, "callback", "callbacks"), "0 callbacks");
    }
}
