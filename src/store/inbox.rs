//! The Telegram inbox: an update is stored before its offset is confirmed, so a crash loses
//! none; its content is forgotten once handled.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::StoreError;
use super::timestamp::stamp;

/// Records a received update; false when it was already there (delivered twice).
pub fn inbox_add(
    conn: &Connection,
    update_id: i64,
    event: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let n = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO inbox (update_id, received_at, event) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![update_id, stamp(now), event])?;
    Ok(n == 1)
}

/// True when an update is in the inbox and not yet handled.
pub fn inbox_pending_one(conn: &Connection, update_id: i64) -> Result<bool, StoreError> {
    let processed: Option<Option<String>> = conn
        .prepare_cached("SELECT processed_at FROM inbox WHERE update_id = ?1")?
        .query_row([update_id], |r| r.get(0))
        .optional()?;
    Ok(!matches!(processed, Some(Some(_))))
}

/// Updates received but not yet handled, oldest first.
pub fn inbox_pending(conn: &Connection) -> Result<Vec<(i64, String)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT update_id, event FROM inbox WHERE processed_at IS NULL ORDER BY update_id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, Option<String>>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (id, event) = row?;
        out.push((id, event.unwrap_or_default()));
    }
    Ok(out)
}

/// Marks an update handled and forgets its content (it may hold what the person typed).
pub fn inbox_done(conn: &Connection, update_id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE inbox SET processed_at = ?2, event = NULL WHERE update_id = ?1")?
        .execute(params![update_id, stamp(now)])?;
    Ok(())
}

/// The newest update id stored, if any (where polling carries on).
pub fn newest_update(conn: &Connection) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT max(update_id) FROM inbox")?
        .query_row([], |r| r.get(0))?)
}
