//! Notices: what the bot is to tell someone after a change in the queue, stored in the step's
//! transaction and sent by the Telegram transport.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::StoreError;
use super::timestamp::stamp;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// A referral was queued: the team's chat is told (reference and priority).
    NewCallback,
    /// A waiting referral became urgent: the team's chat is told.
    NowUrgent,
    /// A prescriber claimed it: the resident is told.
    Claimed,
    /// The resident had it erased: whoever held it, and the team's chat, are told.
    Withdrawn,
}

impl NoticeKind {
    /// Every kind (the table's CHECK lists the same).
    pub const ALL: [NoticeKind; 4] = [
        NoticeKind::NewCallback,
        NoticeKind::NowUrgent,
        NoticeKind::Claimed,
        NoticeKind::Withdrawn,
    ];

    /// As stored (the table's CHECK lists the same).
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::NewCallback => "new-callback",
            NoticeKind::NowUrgent => "now-urgent",
            NoticeKind::Claimed => "claimed",
            NoticeKind::Withdrawn => "withdrawn",
        }
    }

    /// From its stored name.
    pub fn parse(s: &str) -> Option<NoticeKind> {
        NoticeKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A notice taken from the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// What happened.
    pub kind: NoticeKind,
    /// The referral.
    pub reference: String,
    /// For [`NoticeKind::Withdrawn`]: the Telegram chat of the prescriber who held it.
    pub holder: Option<i64>,
}

/// Records a notice, in the caller's transaction.
pub fn add(
    conn: &Connection,
    kind: NoticeKind,
    reference: &str,
    holder: Option<i64>,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO notices (kind, reference, created_at, chat_id) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![kind.as_str(), reference, stamp(at), holder])?;
    Ok(())
}

/// Takes (reads and deletes) up to `limit` notices, oldest first.
pub fn take(conn: &Connection, limit: usize) -> Result<Vec<Notice>, StoreError> {
    let rows: Vec<(i64, String, String, Option<i64>)> = conn
        .prepare_cached("SELECT id, kind, reference, chat_id FROM notices ORDER BY id LIMIT ?1")?
        .query_map([limit as i64], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<Result<_, _>>()?;
    let mut notices = Vec::with_capacity(rows.len());
    for (id, kind, reference, holder) in rows {
        conn.prepare_cached("DELETE FROM notices WHERE id = ?1")?
            .execute([id])?;
        match NoticeKind::parse(&kind) {
            Some(kind) => notices.push(Notice {
                kind,
                reference,
                holder,
            }),
            // The table's CHECK allows none other; a newer signpost's kind is dropped, logged.
            None => tracing::warn!(kind = %kind, "notice of an unknown kind dropped"),
        }
    }
    Ok(notices)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips() {
        for k in NoticeKind::ALL {
            assert_eq!(NoticeKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(NoticeKind::parse("claimed "), None);
    }
}
