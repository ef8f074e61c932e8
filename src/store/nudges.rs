//! Nudges as stored: for each person part way through a referral, when they last took a step
//! and, once it happened, when they were nudged. Who is due and when is decided in
//! [`crate::app::nudge`]; this module only reads and writes the rows.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::timestamp::{Timestamp, stamp};
use super::{Channel, StoreError};

/// Records a step at `at`: the person's silence starts again. A person already nudged in this
/// conversation keeps that (they are not nudged twice).
pub fn step_taken(
    conn: &Connection,
    channel: Channel,
    user: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO nudges (channel, user_id, last_step_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (channel, user_id) DO UPDATE SET last_step_at = excluded.last_step_at",
    )?
    .execute(params![channel.as_str(), user, stamp(at)])?;
    Ok(())
}

/// Forgets a nudge not yet sent (one that was sent is kept, so it is not sent again).
pub fn withdraw(conn: &Connection, channel: Channel, user: &str) -> Result<(), StoreError> {
    conn.prepare_cached(
        "DELETE FROM nudges WHERE channel = ?1 AND user_id = ?2 AND sent_at IS NULL",
    )?
    .execute(params![channel.as_str(), user])?;
    Ok(())
}

/// Forgets the person's row, sent or not (the conversation is over or erased).
pub fn clear(conn: &Connection, channel: Channel, user: &str) -> Result<usize, StoreError> {
    Ok(conn
        .prepare_cached("DELETE FROM nudges WHERE channel = ?1 AND user_id = ?2")?
        .execute(params![channel.as_str(), user])?)
}

/// People not yet nudged whose last step was at or before `quiet_since`, longest quiet first.
pub fn quiet_since(
    conn: &Connection,
    channel: Channel,
    quiet_since: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT user_id FROM nudges
         WHERE channel = ?1 AND sent_at IS NULL AND last_step_at <= ?2
         ORDER BY last_step_at, user_id LIMIT ?3",
    )?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = stmt.query_map(params![channel.as_str(), stamp(quiet_since), limit], |r| {
        r.get(0)
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The earliest last step of anyone not yet nudged.
pub fn earliest_waiting(
    conn: &Connection,
    channel: Channel,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    let at: Option<Timestamp> = conn
        .prepare_cached(
            "SELECT min(last_step_at) FROM nudges WHERE channel = ?1 AND sent_at IS NULL",
        )?
        .query_row([channel.as_str()], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(at.map(|t| t.0))
}

/// Records that the person was nudged at `at`.
pub fn mark_sent(
    conn: &Connection,
    channel: Channel,
    user: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE nudges SET sent_at = ?3 WHERE channel = ?1 AND user_id = ?2")?
        .execute(params![channel.as_str(), user, stamp(at)])?;
    Ok(())
}

/// True when a nudge was sent to the person and they have taken no step since.
pub fn unanswered(conn: &Connection, channel: Channel, user: &str) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM nudges WHERE channel = ?1 AND user_id = ?2
             AND sent_at IS NOT NULL AND last_step_at < sent_at",
        )?
        .query_row(params![channel.as_str(), user], |_| Ok(()))
        .optional()?
        .is_some())
}

/// When the person was nudged in this conversation, if they were.
pub fn sent_at(
    conn: &Connection,
    channel: Channel,
    user: &str,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    let at: Option<Timestamp> = conn
        .prepare_cached("SELECT sent_at FROM nudges WHERE channel = ?1 AND user_id = ?2")?
        .query_row(params![channel.as_str(), user], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(at.map(|t| t.0))
}

/// Forgets rows whose last step was before `cutoff` (the retention purge).
pub fn purge(conn: &Connection, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "DELETE FROM nudges WHERE last_step_at < ?1",
        [stamp(cutoff)],
    )?)
}
