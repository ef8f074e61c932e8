//! What signpost holds about a person, as data: all of it ([`held`]; written out for them by
//! [`crate::app::mydata`]), erasure (`/forget`, `signpost forget`), and retention
//! (`signpost purge`, daily in `serve`).
//!
//! Erasure is real: the store runs with `secure_delete`, so deleted records are overwritten
//! with zeros, and [`checkpoint`] folds the write-ahead log back into the file and truncates
//! it, so no older copy of a page survives there either.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, params};
use serde::Serialize;

use crate::store::{self, Channel, Status, StoreError};

/// Days after which abandoned conversations and closed referrals are purged, unless configured.
pub const DEFAULT_RETENTION_DAYS: u32 = 90;

/// What a closed referral's person is recorded as once erased. Never a person's id: the
/// functions here treat it as no one, and the command line refuses it.
pub const ERASED: &str = "erased";

/// Records that `user` was asked to confirm erasure: a confirmation is acted on only after it
/// was asked for ([`take_forget_ask`]).
pub fn ask_forget(
    conn: &Connection,
    channel: Channel,
    user: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT OR REPLACE INTO forget_asks (channel, user_id, at) VALUES (?1, ?2, ?3)",
        params![channel.as_str(), user, store::stamp(now)],
    )?;
    Ok(())
}

/// True, once, when `user` was asked to confirm erasure and has not answered yet.
pub fn take_forget_ask(
    conn: &Connection,
    channel: Channel,
    user: &str,
) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached("DELETE FROM forget_asks WHERE channel = ?1 AND user_id = ?2")?
        .execute(params![channel.as_str(), user])?
        > 0)
}

/// What [`forget`] erased.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct Erased {
    /// Conversations in progress deleted (0 or 1).
    pub conversations: usize,
    /// Open or claimed referrals deleted, with their notes.
    pub referrals_deleted: Vec<String>,
    /// Closed referrals kept for the service's records with every personal field removed.
    pub referrals_anonymised: Vec<String>,
    /// Messages to the person not yet sent, deleted.
    pub messages: usize,
}

impl Erased {
    /// Both erasures, as one.
    pub fn and(mut self, other: Erased) -> Erased {
        self.conversations += other.conversations;
        self.referrals_deleted.extend(other.referrals_deleted);
        self.referrals_anonymised.extend(other.referrals_anonymised);
        self.messages += other.messages;
        self
    }

    /// True when nothing was held.
    pub fn is_empty(&self) -> bool {
        *self == Erased::default()
    }
}

/// Erases one person, in the caller's transaction: their conversation, any open or claimed
/// referral (notes included), messages not yet sent to them, any nudge due; a closed referral
/// keeps only what the service must keep (reference, dates, needs, suggested services, outcome,
/// who handled it, consent) with answers, notes and the person's id removed. An audit row without
/// personal data records that it happened. Run [`checkpoint`] after the transaction commits.
pub fn forget(
    conn: &Connection,
    channel: Channel,
    user: &str,
    now: DateTime<Utc>,
) -> Result<Erased, StoreError> {
    if user == ERASED {
        return Ok(Erased::default());
    }
    let mut erased = Erased {
        conversations: conn.execute(
            "DELETE FROM sessions WHERE channel = ?1 AND user_id = ?2",
            params![channel.as_str(), user],
        )?,
        ..Erased::default()
    };
    conn.execute(
        "DELETE FROM forget_asks WHERE channel = ?1 AND user_id = ?2",
        params![channel.as_str(), user],
    )?;
    // When they went quiet, and whether they were nudged: no nudge comes after an erasure.
    store::nudges::clear(conn, channel, user)?;
    for item in store::referrals_of(conn, channel, user)? {
        match item.status {
            Status::Closed => {
                conn.execute(
                    "DELETE FROM notes WHERE referral_id =
                     (SELECT id FROM referrals WHERE reference = ?1)",
                    [&item.reference],
                )?;
                conn.execute(
                    "UPDATE referrals SET user_id = ?2, answers = '{}' WHERE reference = ?1",
                    params![item.reference, ERASED],
                )?;
                erased.referrals_anonymised.push(item.reference);
            }
            Status::Open | Status::Claimed => {
                // The prescribers hear that it is gone (by reference only), rather than finding out
                // when it is not there: whoever holds it on Telegram, and the team's chat.
                conn.execute(
                    "DELETE FROM notices WHERE reference = ?1",
                    [&item.reference],
                )?;
                let holder = match item.claimed_by.as_deref() {
                    Some(by) => store::accounts::telegram_of(conn, by)?,
                    None => None,
                };
                store::notices::add(
                    conn,
                    store::notices::NoticeKind::Withdrawn,
                    &item.reference,
                    holder,
                    now,
                )?;
                // Notes go with it (ON DELETE CASCADE).
                conn.execute(
                    "DELETE FROM referrals WHERE reference = ?1",
                    [&item.reference],
                )?;
                erased.referrals_deleted.push(item.reference);
            }
        }
    }
    if channel == Channel::Telegram
        && let Ok(chat) = user.parse::<i64>()
    {
        erased.messages = conn.execute("DELETE FROM outbox WHERE chat_id = ?1", [chat])?;
    }
    let count = erased.conversations
        + erased.referrals_deleted.len()
        + erased.referrals_anonymised.len()
        + erased.messages;
    store::audit::add_count(conn, "data-erased", count, now)?;
    tracing::info!(
        deleted = erased.referrals_deleted.len(),
        anonymised = erased.referrals_anonymised.len(),
        "a person's data was erased"
    );
    Ok(erased)
}

/// Folds the write-ahead log into the database file and truncates it (the store's own).
pub use crate::store::checkpoint;

/// What [`purge`] removed.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct Purged {
    /// Conversations not touched within the retention period.
    pub conversations: usize,
    /// Referrals closed before the retention period, with their notes.
    pub referrals: usize,
    /// Handled Telegram updates older than the period (ids only; their content is long gone).
    pub updates: usize,
}

/// Removes conversations untouched for `days`, referrals closed more than `days` ago, and old
/// inbox ids, in the caller's transaction. Open and claimed referrals are never purged: someone
/// is still waiting for that call. Run [`checkpoint`] after the transaction commits.
pub fn purge(conn: &Connection, days: u32, now: DateTime<Utc>) -> Result<Purged, StoreError> {
    let before = now - Duration::days(i64::from(days));
    let cutoff = store::stamp(before);
    let conversations = conn.execute("DELETE FROM sessions WHERE updated_at < ?1", [&cutoff])?;
    conn.execute("DELETE FROM forget_asks WHERE at < ?1", [&cutoff])?;
    store::nudges::purge(conn, before)?;
    // Prescribers' names, once they have not used the bot for as long.
    conn.execute("DELETE FROM staff WHERE seen_at < ?1", [&cutoff])?;
    conn.execute(
        "DELETE FROM notices WHERE reference IN
             (SELECT reference FROM referrals WHERE status = 'closed' AND closed_at < ?1)",
        [&cutoff],
    )?;
    let referrals = conn.execute(
        "DELETE FROM referrals WHERE status = 'closed' AND closed_at < ?1",
        [&cutoff],
    )?;
    // The newest update id stays: it is where polling carries on.
    let updates = conn.execute(
        "DELETE FROM inbox WHERE processed_at IS NOT NULL AND received_at < ?1
           AND update_id < (SELECT max(update_id) FROM inbox)",
        [&cutoff],
    )?;
    let purged = Purged {
        conversations,
        referrals,
        updates,
    };
    if conversations + referrals > 0 {
        store::audit::add_count(conn, "retention-purge", conversations + referrals, now)?;
    }
    tracing::info!(conversations, referrals, updates, days, "retention purge");
    Ok(purged)
}

/// Everything held about one person, as data (`signpost mydata --json`).
#[derive(Debug, Clone, Serialize)]
pub struct Held {
    /// The conversation in progress: its answers, by id.
    pub conversation: Option<serde_json::Map<String, serde_json::Value>>,
    /// Words of crisis kept with the conversation in progress (those of a referral are its
    /// notes).
    pub flags: Vec<crate::engine::Flag>,
    /// Their referrals, oldest first.
    pub referrals: Vec<store::QueueItem>,
    /// Notes on those referrals, by reference.
    pub notes: BTreeMap<String, Vec<crate::queue::Note>>,
}

impl Held {
    /// True when nothing is held.
    pub fn is_empty(&self) -> bool {
        self.conversation.is_none() && self.flags.is_empty() && self.referrals.is_empty()
    }
}

/// The channels in which something is held about `user` (an id may be a Telegram user's or a
/// terminal user's: a request by letter or phone does not say which).
pub fn channels_holding(conn: &Connection, user: &str) -> Result<Vec<Channel>, StoreError> {
    let mut found = Vec::new();
    for channel in Channel::ALL {
        if !held(conn, channel, user)?.is_empty() {
            found.push(channel);
        }
    }
    Ok(found)
}

/// Reads everything held about one person.
pub fn held(conn: &Connection, channel: Channel, user: &str) -> Result<Held, StoreError> {
    if user == ERASED {
        return Ok(Held {
            conversation: None,
            flags: Vec::new(),
            referrals: Vec::new(),
            notes: BTreeMap::new(),
        });
    }
    let session = store::load_session(conn, channel, user)?;
    let conversation = session.as_ref().map(|s| {
        s.answers
            .iter()
            .map(|(k, v)| (k.clone(), v.to_json()))
            .collect()
    });
    let flags = session
        .map(|s| {
            s.flags
                .into_iter()
                .chain(s.asking.map(|a| a.flag))
                .filter(|f| f.words.is_some())
                .collect()
        })
        .unwrap_or_default();
    let referrals = store::referrals_of(conn, channel, user)?;
    let mut notes = BTreeMap::new();
    for r in &referrals {
        notes.insert(
            r.reference.clone(),
            crate::queue::notes(conn, &r.reference)?,
        );
    }
    Ok(Held {
        conversation,
        flags,
        referrals,
        notes,
    })
}
