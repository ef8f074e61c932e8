//! The Telegram outbox: replies stored with the step that made them, sent after it commits,
//! and deleted once sent.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::StoreError;
use super::timestamp::stamp;

/// Queues messages for a chat; they are sent after the step commits and deleted once sent.
pub fn outbox_add(
    conn: &Connection,
    chat_id: i64,
    actions: &str,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    conn.prepare_cached("INSERT INTO outbox (chat_id, actions, created_at) VALUES (?1, ?2, ?3)")?
        .execute(params![chat_id, actions, stamp(now)])?;
    Ok(conn.last_insert_rowid())
}

/// Messages not yet sent, oldest first: (id, chat, actions).
pub fn outbox_pending(conn: &Connection) -> Result<Vec<(i64, i64, String)>, StoreError> {
    let mut stmt = conn.prepare("SELECT id, chat_id, actions FROM outbox ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Forgets sent messages (they may hold personal data).
pub fn outbox_remove(conn: &Connection, id: i64) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM outbox WHERE id = ?1")?
        .execute(params![id])?;
    Ok(())
}

/// Replaces an outbox entry's actions with those still to do.
pub fn outbox_replace(conn: &Connection, id: i64, actions: &str) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE outbox SET actions = ?2 WHERE id = ?1")?
        .execute(params![id, actions])?;
    Ok(())
}
