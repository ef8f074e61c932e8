//! The prescribers' side of the callback queue: claim (atomic, urgent first then oldest),
//! close, release, note, attempt, stats, the record view and CSV export (both laid out by the
//! dialogue's record). Everything runs inside the caller's transaction on the store's
//! connection. Notes and outcomes are stored cleaned as residents' text is (no control or
//! invisible characters).

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::engine::Flagged;
use crate::store::{self, QueueItem, Status, StoreError};
use crate::validate::clean_text;

mod export;
mod record;
mod staff;
mod stats;
mod xlsx;

pub use export::{
    Cell, Table, csv_header, export_csv, export_table, export_table_of, neutralise, restore,
};
pub use record::{describe, fields, fields_as_read, note_line, record_text};
pub use staff::{display_name, remember_name};
pub use stats::{Stats, duration_text, plural, stats};
pub use xlsx::{ExportError, export_xlsx, export_xlsx_bytes};

/// SNOMED CT: "Referral to social prescribing service", so a practice can code the referral.
pub const SNOMED_REFERRAL: &str = "871731000000106";

/// Why a queue action was refused.
#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    /// No referral has that reference.
    #[error("there is no callback {0}")]
    NotFound(String),
    /// Someone else claimed it.
    #[error("{reference} is claimed by {claimed_by}, not you; only they can do that")]
    NotYours {
        /// The referral.
        reference: String,
        /// Who has it.
        claimed_by: String,
    },
    /// It has to be claimed first.
    #[error("{0} is not claimed; claim it first (queue claim, or /next)")]
    NotClaimed(String),
    /// It is already closed.
    #[error("{0} is already closed")]
    Closed(String),
    /// Empty text where some is needed.
    #[error("{0} cannot be empty")]
    Empty(&'static str),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for QueueError {
    fn from(e: rusqlite::Error) -> Self {
        QueueError::Store(e.into())
    }
}

/// One note on a referral.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// When (RFC 3339).
    pub at: String,
    /// Who: a prescriber's name, `telegram:<id>`, or `resident`.
    pub author: String,
    /// What they wrote.
    pub text: String,
    /// For the resident's words of crisis: what was found and how signpost answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flag: Option<Flagged>,
}

/// A time as the store writes it.
fn now_s(now: DateTime<Utc>) -> String {
    store::stamp(now)
}

/// Where a referral stands.
fn find(conn: &Connection, reference: &str) -> Result<store::ReferralState, QueueError> {
    store::referrals::state(conn, reference)?
        .ok_or_else(|| QueueError::NotFound(reference.trim().to_ascii_uppercase()))
}

/// The referral, checked to be claimed by `by`.
fn claimed_by(conn: &Connection, reference: &str, by: &str) -> Result<i64, QueueError> {
    let found = find(conn, reference)?;
    let reference = reference.trim().to_ascii_uppercase();
    match (found.status, found.claimed_by) {
        (Status::Closed, _) => Err(QueueError::Closed(reference)),
        (Status::Claimed, Some(w)) if w == by => Ok(found.id),
        (Status::Claimed, Some(w)) => Err(QueueError::NotYours {
            reference,
            claimed_by: display_name(conn, &w)?,
        }),
        (Status::Open, _) | (Status::Claimed, None) => Err(QueueError::NotClaimed(reference)),
    }
}

fn audit(
    conn: &Connection,
    event: &str,
    reference: &str,
    now: DateTime<Utc>,
) -> Result<(), QueueError> {
    conn.execute(
        "INSERT INTO audit (at, event, reference) VALUES (?1, ?2, ?3)",
        params![now_s(now), event, reference.to_ascii_uppercase()],
    )?;
    Ok(())
}

/// Claims the next open callback (urgent first, then oldest) for `by`, of `team` or any, in
/// one statement, so two prescribers never get the same person. Tells the resident (a
/// `claimed` notice).
pub fn claim_next(
    conn: &Connection,
    by: &str,
    team: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<QueueItem>, QueueError> {
    if by.trim().is_empty() {
        return Err(QueueError::Empty("the prescriber's name"));
    }
    let reference: Option<String> = conn
        .query_row(
            "UPDATE referrals SET status = 'claimed', claimed_by = ?1, claimed_at = ?2
             WHERE id = (SELECT id FROM referrals WHERE status = 'open'
                           AND (?3 IS NULL OR team = ?3)
                         ORDER BY priority = 'urgent' DESC, created_at ASC, id ASC LIMIT 1)
               AND status = 'open'
             RETURNING reference",
            params![by.trim(), now_s(now), team],
            |r| r.get(0),
        )
        .optional()?;
    let Some(reference) = reference else {
        return Ok(None);
    };
    audit(conn, "claimed", &reference, now)?;
    store::notices::add(
        conn,
        store::notices::NoticeKind::Claimed,
        &reference,
        None,
        now,
    )?;
    get(conn, &reference)
}

/// Claims one open callback for `by`, if it is `team`'s (or `team` is none), so a
/// prescriber can take the person they are looking at. Refused when someone has it.
pub fn claim_one(
    conn: &Connection,
    reference: &str,
    by: &str,
    team: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), QueueError> {
    let reference = reference.trim().to_ascii_uppercase();
    let found = find(conn, &reference)?;
    let taken = conn
        .prepare_cached(
            "UPDATE referrals SET status = 'claimed', claimed_by = ?2, claimed_at = ?3
             WHERE id = ?1 AND status = 'open' AND (?4 IS NULL OR team = ?4)",
        )?
        .execute(params![found.id, by.trim(), now_s(now), team])?;
    if taken == 0 {
        return Err(match (found.status, found.claimed_by) {
            (Status::Closed, _) => QueueError::Closed(reference),
            (Status::Claimed, Some(w)) => QueueError::NotYours {
                claimed_by: display_name(conn, &w)?,
                reference,
            },
            // Another team's: as if it did not exist.
            (Status::Open | Status::Claimed, _) => QueueError::NotFound(reference),
        });
    }
    audit(conn, "claimed", &reference, now)?;
    store::notices::add(
        conn,
        store::notices::NoticeKind::Claimed,
        &reference,
        None,
        now,
    )?;
    Ok(())
}

/// Closes a callback `by` claimed, with how it ended.
pub fn close(
    conn: &Connection,
    reference: &str,
    by: &str,
    outcome: &str,
    now: DateTime<Utc>,
) -> Result<(), QueueError> {
    let outcome = clean_text(outcome);
    if outcome.is_empty() {
        return Err(QueueError::Empty("the outcome"));
    }
    let id = claimed_by(conn, reference, by)?;
    conn.execute(
        "UPDATE referrals SET status = 'closed', outcome = ?2, closed_at = ?3 WHERE id = ?1",
        params![id, outcome, now_s(now)],
    )?;
    audit(conn, "closed", reference, now)
}

/// Puts a callback `by` claimed back in the queue for someone else.
pub fn release(
    conn: &Connection,
    reference: &str,
    by: &str,
    now: DateTime<Utc>,
) -> Result<(), QueueError> {
    let id = claimed_by(conn, reference, by)?;
    conn.execute(
        "UPDATE referrals SET status = 'open', claimed_by = NULL, claimed_at = NULL WHERE id = ?1",
        params![id],
    )?;
    audit(conn, "released", reference, now)
}

/// Puts a callback anyone claimed back in the queue (a coordinator's, for a colleague who is
/// away or whose account was disabled); a note says who did it.
pub fn release_for(
    conn: &Connection,
    reference: &str,
    by: &str,
    now: DateTime<Utc>,
) -> Result<(), QueueError> {
    let found = find(conn, reference)?;
    let reference = reference.trim().to_ascii_uppercase();
    match (found.status, found.claimed_by) {
        (Status::Closed, _) => Err(QueueError::Closed(reference)),
        (Status::Open, _) | (Status::Claimed, None) => Err(QueueError::NotClaimed(reference)),
        (Status::Claimed, Some(holder)) => {
            conn.execute(
                "UPDATE referrals SET status = 'open', claimed_by = NULL, claimed_at = NULL
                 WHERE id = ?1",
                params![found.id],
            )?;
            let holder = display_name(conn, &holder)?;
            add_note(
                conn,
                found.id,
                by,
                &format!("Released to the queue for {holder}."),
                now,
            )?;
            audit(conn, "released", &reference, now)
        }
    }
}

/// Adds a note to a callback `by` claimed.
pub fn note(
    conn: &Connection,
    reference: &str,
    by: &str,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), QueueError> {
    if clean_text(text).is_empty() {
        return Err(QueueError::Empty("the note"));
    }
    let id = claimed_by(conn, reference, by)?;
    add_note(conn, id, by, text, now)?;
    audit(conn, "noted", reference, now)
}

fn add_note(
    conn: &Connection,
    id: i64,
    author: &str,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), QueueError> {
    Ok(store::resident::add_note(conn, id, author, text, now)?)
}

/// Records a call that was not answered; the callback stays with `by` to try again.
pub fn attempt(
    conn: &Connection,
    reference: &str,
    by: &str,
    now: DateTime<Utc>,
) -> Result<u32, QueueError> {
    let id = claimed_by(conn, reference, by)?;
    let n: u32 = conn.query_row(
        "UPDATE referrals SET attempts = attempts + 1 WHERE id = ?1 RETURNING attempts",
        params![id],
        |r| r.get(0),
    )?;
    add_note(conn, id, by, &format!("Call attempt {n}: no answer."), now)?;
    audit(conn, "attempted", reference, now)?;
    Ok(n)
}

/// The reference of a person's callback that is still open or claimed, if any.
pub fn waiting_for(
    conn: &Connection,
    channel: store::Channel,
    user: &str,
) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT reference FROM referrals WHERE channel = ?1 AND user_id = ?2 AND status != 'closed'
             ORDER BY created_at DESC, id DESC LIMIT 1",
        )?
        .query_row(params![channel.as_str(), user], |r| r.get(0))
        .optional()?)
}

/// One referral with its notes.
pub fn get(conn: &Connection, reference: &str) -> Result<Option<QueueItem>, QueueError> {
    Ok(store::referral(
        conn,
        &reference.trim().to_ascii_uppercase(),
    )?)
}

/// The notes of a referral, oldest first.
pub fn notes(conn: &Connection, reference: &str) -> Result<Vec<Note>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT n.at, n.author, n.text, n.flag FROM notes n JOIN referrals r ON r.id = n.referral_id
         WHERE r.reference = ?1 ORDER BY n.at, n.id",
    )?;
    let rows = stmt.query_map([reference], |r| {
        let flag: Option<String> = r.get(3)?;
        Ok(Note {
            at: r.get(0)?,
            author: r.get(1)?,
            // Cleaned on the way out too: notes stored before cleaning may hold control codes.
            text: clean_text(&r.get::<_, String>(2)?),
            flag: flag.and_then(|f| match serde_json::from_str(&f) {
                Ok(f) => Some(f),
                Err(e) => {
                    tracing::warn!(error = ?e.classify(), "a note's crisis mark is unreadable");
                    None
                }
            }),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
