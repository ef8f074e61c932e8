//! People's conversations in progress: one stored session per (channel, user).

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::timestamp::stamp;
use super::values::Channel;
use super::{StoreError, format};
use crate::engine::Session;

/// The stored session of one person, if any.
pub fn load_session(
    conn: &Connection,
    channel: Channel,
    user: &str,
) -> Result<Option<Session>, StoreError> {
    let state: Option<String> = conn
        .prepare_cached("SELECT state FROM sessions WHERE channel = ?1 AND user_id = ?2")?
        .query_row(params![channel, user], |r| r.get(0))
        .optional()?;
    Ok(state.map(|s| match format::decode_session(&s) {
        Ok(session) => session,
        Err(e) => {
            // Said without its content; the person is told and starts again at their next step.
            tracing::warn!(
                channel = channel.as_str(),
                "{e}; the conversation starts again"
            );
            Session {
                unreadable: true,
                ..Session::default()
            }
        }
    }))
}

/// Stores one person's session, in the caller's transaction.
pub(super) fn save_session(
    conn: &Connection,
    channel: Channel,
    user: &str,
    session: &Session,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO sessions (channel, user_id, state, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (channel, user_id) DO UPDATE SET state = ?3, updated_at = ?4",
    )?
    .execute(params![
        channel,
        user,
        format::encode_session(session)?,
        stamp(now)
    ])?;
    Ok(())
}

/// Deletes one person's session, in the caller's transaction.
pub(super) fn delete_session(
    conn: &Connection,
    channel: Channel,
    user: &str,
) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM sessions WHERE channel = ?1 AND user_id = ?2")?
        .execute(params![channel, user])?;
    Ok(())
}
