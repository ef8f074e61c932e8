//! The audit trail: what happened and when, by reference or count, never personal data.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::StoreError;
use super::timestamp::stamp;

/// Records `event` (e.g. `claimed`), about a referral if any, in the caller's transaction.
pub fn add(
    conn: &Connection,
    event: &str,
    reference: Option<&str>,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT INTO audit (at, event, reference) VALUES (?1, ?2, ?3)")?
        .execute(params![stamp(at), event, reference])?;
    Ok(())
}

/// Records `event` with how many records it concerned (an erasure, a purge).
pub fn add_count(
    conn: &Connection,
    event: &str,
    count: usize,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT INTO audit (at, event, count) VALUES (?1, ?2, ?3)")?
        .execute(params![stamp(at), event, count as i64])?;
    Ok(())
}

/// What happened to one referral, oldest first: (when, event).
pub fn of(conn: &Connection, reference: &str) -> Result<Vec<(String, String)>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT at, event FROM audit WHERE reference = ?1 ORDER BY id")?;
    let rows = stmt.query_map([reference], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
