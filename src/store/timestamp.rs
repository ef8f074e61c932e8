//! Times as the store keeps them: one format, RFC 3339 in UTC to the second
//! (`2026-11-24T09:01:00Z`), so stored times sort and compare correctly as text. Written by
//! [`stamp`] only; read as [`Timestamp`] where a time is compared or computed.

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};

/// A time as stored: every write of a time column goes through here. The format is part of the
/// stored data (migration 7 rewrote older rows into it): changing it needs a new migration.
pub fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A stored time, read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub DateTime<Utc>);

impl Timestamp {
    /// Any RFC 3339 time (those stored before one format was used too); `None` otherwise.
    pub fn parse(s: &str) -> Option<Timestamp> {
        DateTime::parse_from_rfc3339(s)
            .ok()
            .map(|t| Timestamp(t.with_timezone(&Utc)))
    }
}

impl From<DateTime<Utc>> for Timestamp {
    fn from(at: DateTime<Utc>) -> Self {
        Timestamp(at)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&stamp(self.0))
    }
}

/// The stored text is not a time.
#[derive(Debug, thiserror::Error)]
#[error("a stored time is not RFC 3339")]
struct NotATime;

impl FromSql for Timestamp {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        Timestamp::parse(value.as_str()?).ok_or_else(|| FromSqlError::Other(Box::new(NotATime)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn one_format_to_the_second_that_sorts_as_text() {
        let at = Utc
            .with_ymd_and_hms(2026, 11, 24, 9, 1, 0)
            .single()
            .expect("date")
            + chrono::Duration::nanoseconds(987_654_321);
        assert_eq!(stamp(at), "2026-11-24T09:01:00Z");
        assert_eq!(Timestamp::from(at).to_string(), "2026-11-24T09:01:00Z");
        let later = at + chrono::Duration::seconds(1);
        assert!(stamp(at) < stamp(later));
    }

    #[test]
    fn both_formats_stored_before_parse_to_the_same_time() {
        let old = Timestamp::parse("2026-11-24T09:01:00.250+00:00").expect("nanos");
        let new = Timestamp::parse("2026-11-24T09:01:00Z").expect("secs");
        assert_eq!(stamp(old.0), stamp(new.0));
        assert_eq!(Timestamp::parse("yesterday"), None);
    }
}
