//! The prescribers' side of the callback queue: claim (atomic, urgent first then oldest),
//! close, release, note, attempt, stats and CSV export. Everything runs inside the caller's
//! transaction on the store's connection. Notes and outcomes are stored cleaned as residents'
//! text is (no control or invisible characters).

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::engine::Flagged;
use crate::engine::validate::clean_text;
use crate::store::{self, QueueItem, Status, StoreError, Timestamp};

mod export;
pub use export::{CSV_HEADER, export_csv};

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

/// Figures for `queue stats`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Waiting to be claimed.
    pub open: u64,
    /// Of those, urgent.
    pub open_urgent: u64,
    /// Claimed and not yet closed.
    pub claimed: u64,
    /// When the oldest open callback was queued.
    pub oldest_open_at: Option<String>,
    /// How long it has waited, in minutes.
    pub oldest_open_minutes: Option<i64>,
    /// Claimed since midnight UTC.
    pub claimed_today: u64,
    /// Median minutes from queued to claimed, over every callback ever claimed.
    pub median_wait_minutes: Option<f64>,
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

/// Remembers the name a prescriber goes by (`who` as in `claimed_by`, e.g. `telegram:<id>`),
/// to show colleagues instead of their id.
pub fn remember_name(
    conn: &Connection,
    who: &str,
    name: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let name: String = crate::engine::validate::clean_text(name)
        .chars()
        .take(64)
        .collect();
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

/// A referral as a prescriber reads it ([`describe`]), with prescribers shown by the names they
/// go by: what every front door prints.
pub fn record_text(
    conn: &Connection,
    item: QueueItem,
    notes: Vec<Note>,
) -> Result<String, StoreError> {
    let (item, notes) = with_names(conn, item, notes)?;
    Ok(describe(&item, &notes))
}

/// The record with prescribers shown by the names they go by ([`display_name`]): who claimed
/// it and who wrote each note.
fn with_names(
    conn: &Connection,
    mut item: QueueItem,
    mut notes: Vec<Note>,
) -> Result<(QueueItem, Vec<Note>), StoreError> {
    if let Some(by) = &item.claimed_by {
        item.claimed_by = Some(display_name(conn, by)?);
    }
    for n in &mut notes {
        if n.author.starts_with("telegram:") {
            n.author = display_name(conn, &n.author)?;
        }
    }
    Ok((item, notes))
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

/// Claims the next open callback (urgent first, then oldest) for `by`, in one statement, so
/// two prescribers never get the same person. Tells the resident (a `claimed` notice).
pub fn claim_next(
    conn: &Connection,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Option<QueueItem>, QueueError> {
    if by.trim().is_empty() {
        return Err(QueueError::Empty("the prescriber's name"));
    }
    let reference: Option<String> = conn
        .query_row(
            "UPDATE referrals SET status = 'claimed', claimed_by = ?1, claimed_at = ?2
             WHERE id = (SELECT id FROM referrals WHERE status = 'open'
                         ORDER BY priority = 'urgent' DESC, created_at ASC, id ASC LIMIT 1)
               AND status = 'open'
             RETURNING reference",
            params![by.trim(), now_s(now)],
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

/// Figures for the team.
pub fn stats(conn: &Connection, now: DateTime<Utc>) -> Result<Stats, StoreError> {
    let count = |sql: &str| -> Result<u64, StoreError> {
        Ok(conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
    };
    let oldest: Option<String> = conn.query_row(
        "SELECT min(created_at) FROM referrals WHERE status = 'open'",
        [],
        |r| r.get(0),
    )?;
    let oldest_minutes = oldest
        .as_deref()
        .and_then(Timestamp::parse)
        .map(|o| (now - o.0).num_minutes());
    let midnight = store::stamp(now.date_naive().and_time(chrono::NaiveTime::MIN).and_utc());
    let claimed_today: i64 = conn.query_row(
        "SELECT count(*) FROM audit WHERE event = 'claimed' AND at >= ?1",
        [&midnight],
        |r| r.get(0),
    )?;
    let mut stmt =
        conn.prepare("SELECT created_at, claimed_at FROM referrals WHERE claimed_at IS NOT NULL")?;
    let mut waits: Vec<f64> = stmt
        .query_map([], |r| {
            Ok((r.get::<_, Timestamp>(0)?, r.get::<_, Timestamp>(1)?))
        })?
        .filter_map(Result::ok)
        .map(|(c, k)| (k.0 - c.0).num_seconds() as f64 / 60.0)
        .collect();
    waits.sort_by(f64::total_cmp);
    let median = match waits.len() {
        0 => None,
        n if n % 2 == 1 => Some(waits[n / 2]),
        n => Some((waits[n / 2 - 1] + waits[n / 2]) / 2.0),
    };
    Ok(Stats {
        open: count("SELECT count(*) FROM referrals WHERE status = 'open'")?,
        open_urgent: count(
            "SELECT count(*) FROM referrals WHERE status = 'open' AND priority = 'urgent'",
        )?,
        claimed: count("SELECT count(*) FROM referrals WHERE status = 'claimed'")?,
        oldest_open_at: oldest,
        oldest_open_minutes: oldest_minutes,
        claimed_today: claimed_today as u64,
        median_wait_minutes: median,
    })
}

fn answer(item: &QueueItem, key: &str) -> String {
    match item.answers.get(key) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}

/// A referral as a prescriber reads it, in plain text (for the terminal and Telegram).
pub fn describe(item: &QueueItem, notes: &[Note]) -> String {
    let mut lines = vec![format!(
        "{} ({}, {}), queued {} in {} via {}",
        item.reference, item.priority, item.status, item.created_at, item.language, item.channel
    )];
    for (label, key) in [
        ("Name", "name"),
        ("Date of birth", "dob"),
        ("GP surgery", "gp"),
        ("Contact", "contact"),
        ("Phone", "phone"),
        ("Best time", "best_time"),
        ("Postcode", "postcode"),
        ("Interpreter", "interpreter"),
    ] {
        let v = answer(item, key);
        lines.push(format!("{label}: {}", if v.is_empty() { "-" } else { &v }));
    }
    lines.push(format!("Needs: {}", item.needs.join(", ")));
    let story = answer(item, "story");
    if !story.is_empty() {
        lines.push(format!("In their words: {story}"));
    }
    lines.push(format!("Services suggested: {}", item.services.join(", ")));
    if let Some(by) = &item.claimed_by {
        lines.push(format!("Claimed by {by}; call attempts: {}", item.attempts));
    }
    for n in notes {
        let line = note_line(n);
        lines.push(match n.flag {
            None => format!("Note {line}"),
            Some(_) => line,
        });
    }
    lines.join("\n")
}

/// A note as a prescriber reads it; the resident's words of crisis say what was found and how
/// signpost answered.
pub fn note_line(n: &Note) -> String {
    match &n.flag {
        None => format!("{} {}: {}", n.at, n.author, n.text),
        Some(f) => {
            let kinds = f
                .kinds
                .iter()
                .map(|k| match k {
                    crate::crisis::Kind::SelfHarm => "risk to self",
                    crate::crisis::Kind::Danger => "danger from someone else",
                })
                .collect::<Vec<_>>()
                .join(" and ");
            let response = match f.response {
                crate::engine::Response::Shown => "emergency numbers shown",
                crate::engine::Response::Asked => "asked directly, no answer",
                crate::engine::Response::AskedYes => "asked directly, said yes, numbers shown",
                crate::engine::Response::AskedNo => "asked directly, said no",
            };
            let saved = f
                .answer
                .as_deref()
                .map(|a| format!(", kept as their answer \"{a}\""))
                .unwrap_or_default();
            let words = if n.text.is_empty() {
                "(typed before they agreed to the privacy notice, so not kept)"
            } else {
                &n.text
            };
            format!(
                "CRISIS {} ({kinds}; {response}; at \"{}\"{saved}): {words}",
                n.at, f.question
            )
        }
    }
}
