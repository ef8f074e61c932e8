//! Referrals: queued in a step, read as the prescribers' queue, one by one, or by person.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode, OptionalExtension, params};
use serde::Serialize;

use super::timestamp::{Timestamp, stamp};
use super::values::{Channel, Priority, Status};
use super::{StoreError, audit, notices};
use crate::engine::Referral;

/// A referral as listed for prescribers (`queue list --json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueItem {
    /// e.g. `SP-7K3Q`.
    pub reference: String,
    /// Open, claimed or closed.
    pub status: Status,
    /// Urgent or normal.
    pub priority: Priority,
    /// RFC 3339.
    pub created_at: String,
    /// Language tag.
    pub language: String,
    /// Terminal or Telegram.
    pub channel: Channel,
    /// The person's id on that channel.
    pub user_id: String,
    /// Need ids.
    pub needs: Vec<String>,
    /// Saved answers: strings, arrays of ids, or null when skipped.
    pub answers: serde_json::Map<String, serde_json::Value>,
    /// Suggested service ids.
    pub services: Vec<String>,
    /// The needs no service within reach was found for; null for referrals made before this
    /// was recorded.
    pub unmet: Option<Vec<String>>,
    /// Who claimed it.
    pub claimed_by: Option<String>,
    /// When it was claimed.
    pub claimed_at: Option<String>,
    /// Calls tried without an answer.
    pub attempts: u32,
    /// When it was closed.
    pub closed_at: Option<String>,
    /// How it ended.
    pub outcome: Option<String>,
    /// When consent was given.
    pub consent_at: Option<String>,
    /// The privacy notice version agreed to.
    pub notice_version: Option<String>,
    /// The team that works it (none for referrals made before teams).
    pub team: Option<String>,
    /// The GP practice it came from (ODS code).
    pub practice: Option<String>,
    /// Where the person found signpost (a deep link's source, or `practice`).
    pub source: Option<String>,
    /// The practice staff account that referred the person.
    pub referred_by: Option<String>,
}

/// Where a referral stands, for acting on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralState {
    /// Its row id.
    pub id: i64,
    /// Its status.
    pub status: Status,
    /// Who claimed it, as stored (e.g. `telegram:<id>`).
    pub claimed_by: Option<String>,
}

/// Where the referral `reference` (any case, spaces around allowed) stands, if it exists.
pub fn state(conn: &Connection, reference: &str) -> Result<Option<ReferralState>, StoreError> {
    let reference = reference.trim().to_ascii_uppercase();
    Ok(conn
        .prepare_cached("SELECT id, status, claimed_by FROM referrals WHERE reference = ?1")?
        .query_row([&reference], |r| {
            Ok(ReferralState {
                id: r.get(0)?,
                status: r.get(1)?,
                claimed_by: r.get(2)?,
            })
        })
        .optional()?)
}

/// The queue, urgent first then oldest, optionally of one status.
pub fn list(conn: &Connection, status: Option<Status>) -> Result<Vec<QueueItem>, StoreError> {
    select(conn, Which::Queue(status))
}

/// Every referral of one person, oldest first.
pub fn referrals_of(
    conn: &Connection,
    channel: Channel,
    user: &str,
) -> Result<Vec<QueueItem>, StoreError> {
    select(conn, Which::Person(channel, user))
}

/// One referral by its reference.
pub fn referral(conn: &Connection, reference: &str) -> Result<Option<QueueItem>, StoreError> {
    Ok(select(conn, Which::One(reference))?.into_iter().next())
}

/// Which referrals to read.
enum Which<'a> {
    /// The queue (urgent first, then oldest), of one status or all.
    Queue(Option<Status>),
    /// One person's, oldest first.
    Person(Channel, &'a str),
    /// One by reference.
    One(&'a str),
}

/// The columns [`item`] reads, in its order.
pub(super) const COLUMNS: &str = "SELECT reference, status, priority, created_at, language,
                channel, user_id, needs, answers, services, claimed_by, outcome, consent_at,
                notice_version, claimed_at, attempts, closed_at, team, practice, source,
                referred_by, unmet
         FROM referrals";

fn select(conn: &Connection, which: Which) -> Result<Vec<QueueItem>, StoreError> {
    // Stored times have one format, so they sort as text.
    let (filter, order) = match which {
        Which::Queue(_) => (
            "WHERE (?1 IS NULL OR status = ?1)",
            "ORDER BY priority = ?2 DESC, created_at ASC, id ASC",
        ),
        Which::Person(..) => (
            "WHERE channel = ?1 AND user_id = ?2",
            "ORDER BY created_at ASC, id ASC",
        ),
        Which::One(_) => ("WHERE reference = ?1", ""),
    };
    let mut stmt = conn.prepare_cached(&format!("{COLUMNS} {filter} {order}"))?;
    let mut rows = match which {
        Which::Queue(status) => stmt.query(params![status, Priority::Urgent])?,
        Which::Person(channel, user) => stmt.query(params![channel, user])?,
        Which::One(reference) => stmt.query(params![reference])?,
    };
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(item(r)?);
    }
    Ok(out)
}

/// A row of [`COLUMNS`] as a queue item.
pub(super) fn item(r: &rusqlite::Row) -> Result<QueueItem, StoreError> {
    Ok(QueueItem {
        reference: r.get(0)?,
        status: r.get(1)?,
        priority: r.get(2)?,
        created_at: r.get(3)?,
        language: r.get(4)?,
        channel: r.get(5)?,
        user_id: r.get(6)?,
        needs: serde_json::from_str(&r.get::<_, String>(7)?)?,
        answers: serde_json::from_str(&r.get::<_, String>(8)?)?,
        services: serde_json::from_str(&r.get::<_, String>(9)?)?,
        unmet: r
            .get::<_, Option<String>>(21)?
            .map(|u| serde_json::from_str(&u))
            .transpose()?,
        claimed_by: r.get(10)?,
        // Cleaned on the way out: outcomes stored before cleaning may hold control codes.
        outcome: r
            .get::<_, Option<String>>(11)?
            .map(|o| crate::validate::clean_text(&o)),
        consent_at: r.get(12)?,
        notice_version: r.get(13)?,
        claimed_at: r.get(14)?,
        attempts: r.get(15)?,
        closed_at: r.get(16)?,
        team: r.get(17)?,
        practice: r.get(18)?,
        source: r.get(19)?,
        referred_by: r.get(20)?,
    })
}

/// Queues a referral made outside a conversation (by practice staff): its row, an audit row
/// and a notice to the prescribers, in the caller's transaction.
pub fn add(
    conn: &Connection,
    channel: Channel,
    user: &str,
    r: &Referral,
) -> Result<(), StoreError> {
    insert(conn, channel, user, r)
}

/// Queues a referral made in a step: its row, an audit row and a notice to the prescribers.
pub(super) fn insert(
    tx: &Connection,
    channel: Channel,
    user: &str,
    r: &Referral,
) -> Result<(), StoreError> {
    let answers: serde_json::Map<String, serde_json::Value> = r
        .answers
        .iter()
        .map(|(k, v)| (k.clone(), v.to_json()))
        .collect();
    // The engine writes consent times as RFC 3339; stored in the one format like every time.
    let consent_at = r
        .consent_at
        .as_deref()
        .map(|c| Timestamp::parse(c).map_or_else(|| c.to_string(), |t| t.to_string()));
    let result = tx
        .prepare_cached(
            "INSERT INTO referrals (reference, created_at, channel, user_id, language, priority,
                                answers, needs, services, consent_at, notice_version,
                                team, practice, source, referred_by, unmet)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        )?
        .execute(params![
            r.reference,
            stamp(r.created_at),
            channel,
            user,
            r.language,
            Priority::of(r.urgent),
            serde_json::Value::Object(answers).to_string(),
            serde_json::to_string(&r.needs)?,
            serde_json::to_string(&r.services)?,
            consent_at,
            r.notice_version,
            r.team,
            r.practice,
            r.source,
            r.referred_by,
            r.unmet.as_ref().map(serde_json::to_string).transpose()?,
        ]);
    match result {
        Err(e)
            if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation)
                && e.to_string().contains("referrals.reference") =>
        {
            return Err(StoreError::DuplicateReference(r.reference.clone()));
        }
        other => {
            other?;
        }
    }
    audit::add(tx, "referral-queued", Some(&r.reference), r.created_at)?;
    notices::add(
        tx,
        notices::NoticeKind::NewCallback,
        &r.reference,
        None,
        r.created_at,
    )
}

/// Words of crisis: the person's callback still waiting turns urgent, and the prescribers are
/// told (a `now-urgent` notice).
pub(super) fn raise_to_urgent(
    conn: &Connection,
    channel: Channel,
    user: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let raised: Vec<String> = conn
        .prepare_cached(
            "UPDATE referrals SET priority = ?3
             WHERE channel = ?1 AND user_id = ?2 AND status != ?4 AND priority != ?3
             RETURNING reference",
        )?
        .query_map(
            params![channel, user, Priority::Urgent, Status::Closed],
            |r| r.get(0),
        )?
        .collect::<Result<_, _>>()?;
    for reference in raised {
        notices::add(conn, notices::NoticeKind::NowUrgent, &reference, None, now)?;
    }
    Ok(())
}
