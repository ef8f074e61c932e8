//! The names prescribers go by, shown to colleagues instead of their ids.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::now_s;
use crate::store::StoreError;

/// Remembers the name a prescriber goes by (`who` as in `claimed_by`, e.g. `telegram:<id>`),
/// to show colleagues instead of their id.
pub fn remember_name(
    conn: &Connection,
    who: &str,
    name: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let name: String = crate::validate::clean_text(name).chars().take(64).collect();
    if name.trim().is_empty() {
        return Ok(());
    }
    conn.prepare_cached(
        "INSERT INTO staff (who, name, seen_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (who) DO UPDATE SET name = excluded.name, seen_at = excluded.seen_at",
    )?
    .execute(params![who, name.trim(), now_s(now)])?;
    Ok(())
}

/// The name to show colleagues for `who`: the name they go by, never a Telegram id.
pub fn display_name(conn: &Connection, who: &str) -> Result<String, StoreError> {
    let known: Option<String> = conn
        .prepare_cached("SELECT name FROM staff WHERE who = ?1")?
        .query_row([who], |r| r.get(0))
        .optional()?;
    Ok(match known {
        Some(name) => name,
        None if who.starts_with("telegram:") => "another prescriber".to_string(),
        None => who.to_string(),
    })
}
