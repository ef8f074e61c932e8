//! What a resident's steps add to their own referral: their words of crisis with how signpost
//! answered, messages for the prescriber, and cancelling.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::referrals::state;
use super::timestamp::stamp;
use super::values::Status;
use super::{StoreError, audit};
use crate::engine::{Flag, Response};
use crate::validate::clean_text;

/// The author of the resident's own notes.
pub const RESIDENT: &str = "resident";

/// The referral's row id, which must exist.
fn id_of(conn: &Connection, reference: &str) -> Result<(i64, Status), StoreError> {
    state(conn, reference)?
        .map(|s| (s.id, s.status))
        .ok_or_else(|| StoreError::NoReferral(reference.trim().to_ascii_uppercase()))
}

/// Adds a note (cleaned as residents' text is) to the referral with row id `id`.
pub fn add_note(
    conn: &Connection,
    id: i64,
    author: &str,
    text: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO notes (referral_id, at, author, text) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![id, stamp(at), author, clean_text(text)])?;
    Ok(())
}

/// Keeps the resident's words of crisis with their referral, as a note by `resident` marked
/// with what was found and how signpost answered.
pub fn flagged_note(conn: &Connection, reference: &str, flag: &Flag) -> Result<(), StoreError> {
    let (id, _) = id_of(conn, reference)?;
    conn.prepare_cached(
        "INSERT INTO notes (referral_id, at, author, text, flag) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        id,
        stamp(flag.at),
        RESIDENT,
        flag.words.as_deref().unwrap_or_default(),
        serde_json::to_string(&flag.about)?,
    ])?;
    Ok(())
}

/// Records how the resident answered the direct question their words (typed at `at`, kept
/// with `reference`) raised.
pub fn flag_answered(
    conn: &Connection,
    reference: &str,
    at: DateTime<Utc>,
    response: Response,
) -> Result<(), StoreError> {
    let (id, _) = id_of(conn, reference)?;
    let response = serde_json::to_value(response)?;
    conn.prepare_cached(
        "UPDATE notes SET flag = json_set(flag, '$.response', ?3)
         WHERE referral_id = ?1 AND at = ?2 AND flag IS NOT NULL",
    )?
    .execute(params![
        id,
        stamp(at),
        response.as_str().unwrap_or_default()
    ])?;
    Ok(())
}

/// The resident adds a message for the prescriber to their own callback, unless it is closed.
pub fn note(
    conn: &Connection,
    reference: &str,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    match id_of(conn, reference)? {
        (_, Status::Closed) => Err(StoreError::ReferralClosed(reference.to_string())),
        (id, Status::Open | Status::Claimed) => add_note(conn, id, RESIDENT, text, now),
    }
}

/// The resident cancels their own callback (a closed one stays as it is).
pub fn cancel(conn: &Connection, reference: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
    let id = match id_of(conn, reference)? {
        (_, Status::Closed) => return Ok(()),
        (id, Status::Open | Status::Claimed) => id,
    };
    conn.execute(
        "UPDATE referrals SET status = ?2, outcome = 'Cancelled by the resident.', closed_at = ?3
         WHERE id = ?1",
        params![id, Status::Closed, stamp(now)],
    )?;
    audit::add(
        conn,
        "cancelled-by-resident",
        Some(&reference.to_ascii_uppercase()),
        now,
    )
}
