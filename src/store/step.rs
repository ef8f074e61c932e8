//! One step of a conversation stored at once: the session and every effect the engine asked
//! for, inside the caller's transaction.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::values::Channel;
use super::{StoreError, audit, referrals, resident, sessions};
use crate::engine::{Effect, Session};

/// Writes the result of one step (the session and its effects) inside the caller's transaction.
pub fn commit_step(
    conn: &Connection,
    channel: Channel,
    user: &str,
    session: &Session,
    effects: &[Effect],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut delete = false;
    for effect in effects {
        match effect {
            Effect::Queue(r) => {
                referrals::insert(conn, channel, user, r)?;
                for flag in &r.flags {
                    resident::flagged_note(conn, &r.reference, flag)?;
                }
            }
            Effect::Flagged { reference, flag } => resident::flagged_note(conn, reference, flag)?,
            Effect::FlagAnswered {
                reference,
                at,
                response,
            } => resident::flag_answered(conn, reference, *at, *response)?,
            Effect::Crisis => {
                // A callback already waiting turns urgent, and the prescribers are told.
                referrals::raise_to_urgent(conn, channel, user, now)?;
                audit::add(conn, "crisis-interrupt", None, now)?;
            }
            Effect::DeleteSession => delete = true,
            Effect::ResidentNote { reference, text } => {
                resident::note(conn, reference, text, now)?;
            }
            Effect::Cancel { reference } => resident::cancel(conn, reference, now)?,
        }
    }
    if delete {
        sessions::delete_session(conn, channel, user)
    } else {
        sessions::save_session(conn, channel, user, session, now)
    }
}
