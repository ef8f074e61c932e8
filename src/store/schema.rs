//! The schema: versioned migrations applied in order at open. A released migration is never
//! edited; a change is a new one at the end.

use rusqlite::Transaction;
use rusqlite::types::ValueRef;
use rusqlite_migration::{HookResult, M, Migrations};

use super::timestamp::{Timestamp, stamp};

/// Versioned schema migrations, applied in order at open.
pub(super) fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(
            r#"
        CREATE TABLE sessions (
            channel    TEXT NOT NULL,
            user_id    TEXT NOT NULL,
            state      TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (channel, user_id)
        ) STRICT;

        CREATE TABLE referrals (
            id             INTEGER PRIMARY KEY,
            reference      TEXT NOT NULL UNIQUE,
            created_at     TEXT NOT NULL,
            channel        TEXT NOT NULL,
            user_id        TEXT NOT NULL,
            language       TEXT NOT NULL,
            priority       TEXT NOT NULL CHECK (priority IN ('urgent', 'normal')),
            status         TEXT NOT NULL DEFAULT 'open'
                           CHECK (status IN ('open', 'claimed', 'closed')),
            answers        TEXT NOT NULL,
            needs          TEXT NOT NULL,
            services       TEXT NOT NULL,
            consent_at     TEXT,
            notice_version TEXT,
            claimed_by     TEXT,
            claimed_at     TEXT,
            outcome        TEXT,
            closed_at      TEXT
        ) STRICT;
        CREATE INDEX referrals_queue ON referrals (status, priority, created_at);
        CREATE INDEX referrals_user ON referrals (channel, user_id);

        CREATE TABLE audit (
            id        INTEGER PRIMARY KEY,
            at        TEXT NOT NULL,
            event     TEXT NOT NULL,
            reference TEXT
        ) STRICT;
        "#,
        ),
        // The Telegram inbox and outbox: an update is stored before its offset is confirmed,
        // and replies are stored with the step that made them, so a crash loses neither.
        M::up(
            r#"
        CREATE TABLE inbox (
            update_id    INTEGER PRIMARY KEY,
            received_at  TEXT NOT NULL,
            event        TEXT,
            processed_at TEXT
        ) STRICT;
        CREATE INDEX inbox_pending ON inbox (update_id) WHERE processed_at IS NULL;

        CREATE TABLE outbox (
            id         INTEGER PRIMARY KEY,
            chat_id    INTEGER NOT NULL,
            actions    TEXT NOT NULL,
            created_at TEXT NOT NULL
        ) STRICT;
        "#,
        ),
        // The prescribers' side: call attempts, append-only notes, and notices the bot sends
        // (a new callback to the prescribers' chat, a claim to the resident).
        M::up(
            r#"
        ALTER TABLE referrals ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;

        CREATE TABLE notes (
            id          INTEGER PRIMARY KEY,
            referral_id INTEGER NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
            at          TEXT NOT NULL,
            author      TEXT NOT NULL,
            text        TEXT NOT NULL
        ) STRICT;
        CREATE INDEX notes_referral ON notes (referral_id);

        CREATE TABLE notices (
            id         INTEGER PRIMARY KEY,
            kind       TEXT NOT NULL CHECK (kind IN ('new-callback', 'claimed')),
            reference  TEXT NOT NULL,
            created_at TEXT NOT NULL
        ) STRICT;
        "#,
        ),
        // A waiting callback that turns urgent (words of crisis after queueing) is announced
        // too, and so is one withdrawn by an erasure (to the prescriber holding it, `chat_id`);
        // the audit trail may count what it records.
        M::up(
            r#"
        CREATE TABLE notices_new (
            id         INTEGER PRIMARY KEY,
            kind       TEXT NOT NULL
                       CHECK (kind IN ('new-callback', 'claimed', 'now-urgent', 'withdrawn')),
            reference  TEXT NOT NULL,
            created_at TEXT NOT NULL,
            chat_id    INTEGER
        ) STRICT;
        INSERT INTO notices_new (id, kind, reference, created_at)
            SELECT id, kind, reference, created_at FROM notices;
        DROP TABLE notices;
        ALTER TABLE notices_new RENAME TO notices;
        ALTER TABLE audit ADD COLUMN count INTEGER;
        CREATE INDEX sessions_updated ON sessions (updated_at);
        "#,
        ),
        // What a resident said when help was shown (words of crisis) is kept as their note on
        // the referral, with how signpost answered (JSON: kinds, response, rules, question).
        M::up("ALTER TABLE notes ADD COLUMN flag TEXT;"),
        // Hardening: prescribers' display names (shown instead of their Telegram id), the
        // erasures a person was asked to confirm (a confirmation never asked for does nothing),
        // and the key for pseudonyms in logs.
        M::up(
            r#"
        CREATE TABLE staff (who TEXT PRIMARY KEY, name TEXT NOT NULL, seen_at TEXT NOT NULL);
        CREATE TABLE forget_asks (
            channel TEXT NOT NULL, user_id TEXT NOT NULL, at TEXT NOT NULL,
            PRIMARY KEY (channel, user_id)
        );
        CREATE TABLE secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);
        "#,
        ),
        // One timestamp format (issue 15): times were written in two (to the second with `Z`,
        // and with nanoseconds and `+00:00`), which compare wrongly as text.
        M::up_with_hook("", one_time_format),
        // The prescribers' web app (issue 16): accounts in teams, their browser sessions, failed
        // logins (for throttling), who viewed which record; and on referrals the team that
        // works it, the practice and source it came from, and who referred someone.
        M::up(
            r#"
        CREATE TABLE accounts (
            id            INTEGER PRIMARY KEY,
            name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
            team          TEXT NOT NULL,
            role          TEXT NOT NULL CHECK (role IN ('prescriber', 'coordinator', 'practice')),
            practice      TEXT,
            telegram_id   INTEGER UNIQUE,
            password_hash TEXT,
            created_at    TEXT NOT NULL,
            disabled_at   TEXT
        ) STRICT;
        CREATE TABLE web_sessions (
            token_hash BLOB PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
            csrf       TEXT NOT NULL,
            created_at TEXT NOT NULL,
            seen_at    TEXT NOT NULL
        ) STRICT;
        CREATE TABLE login_failures (
            name_key TEXT NOT NULL,
            at       TEXT NOT NULL
        ) STRICT;
        CREATE INDEX login_failures_name ON login_failures (name_key, at);
        CREATE TABLE record_views (
            id         INTEGER PRIMARY KEY,
            at         TEXT NOT NULL,
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            reference  TEXT NOT NULL
        ) STRICT;
        CREATE INDEX record_views_reference ON record_views (reference, at);
        ALTER TABLE referrals ADD COLUMN team TEXT;
        ALTER TABLE referrals ADD COLUMN practice TEXT;
        ALTER TABLE referrals ADD COLUMN source TEXT;
        ALTER TABLE referrals ADD COLUMN referred_by TEXT;
        CREATE INDEX referrals_team ON referrals (team, status, priority, created_at);
        "#,
        ),
        // Nudges (issue 17): for each person in the middle of a referral, when they last took a
        // step (the nudge is due a configured while after it) and when they were nudged; a row
        // is per conversation, so nobody is nudged twice for one silence, nor after a restart.
        M::up(
            r#"
        CREATE TABLE nudges (
            channel      TEXT NOT NULL,
            user_id      TEXT NOT NULL,
            last_step_at TEXT NOT NULL,
            sent_at      TEXT,
            PRIMARY KEY (channel, user_id)
        ) STRICT;
        CREATE INDEX nudges_waiting ON nudges (channel, last_step_at) WHERE sent_at IS NULL;
        "#,
        ),
        // Unmet needs per referral (issue 18): the needs no service within reach was found for
        // when it was made, as a JSON array of need ids; NULL for referrals made before this was
        // recorded (the report counts those by the old rule).
        M::up(
            r#"
        ALTER TABLE referrals ADD COLUMN unmet TEXT
            CHECK (unmet IS NULL OR (json_valid(unmet) AND json_type(unmet) = 'array'));
        "#,
        ),
    ])
}

/// Every column holding a time, as (table, column).
const TIME_COLUMNS: [(&str, &str); 13] = [
    ("sessions", "updated_at"),
    ("referrals", "created_at"),
    ("referrals", "consent_at"),
    ("referrals", "claimed_at"),
    ("referrals", "closed_at"),
    ("audit", "at"),
    ("inbox", "received_at"),
    ("inbox", "processed_at"),
    ("outbox", "created_at"),
    ("notes", "at"),
    ("notices", "created_at"),
    ("staff", "seen_at"),
    ("forget_asks", "at"),
];

/// Rewrites every stored time into the one format ([`stamp`]); text that is not a time is
/// left as it is.
fn one_time_format(tx: &Transaction) -> HookResult {
    for (table, column) in TIME_COLUMNS {
        let mut read = tx.prepare(&format!(
            "SELECT rowid, {column} FROM {table} WHERE {column} IS NOT NULL"
        ))?;
        let mut write = tx.prepare(&format!(
            "UPDATE {table} SET {column} = ?2 WHERE rowid = ?1"
        ))?;
        let mut rows = read.query([])?;
        let mut changes = Vec::new();
        while let Some(row) = rows.next()? {
            let ValueRef::Text(bytes) = row.get_ref(1)? else {
                continue;
            };
            let Some(at) = std::str::from_utf8(bytes).ok().and_then(Timestamp::parse) else {
                continue;
            };
            let one = stamp(at.0);
            if one.as_bytes() != bytes {
                changes.push((row.get::<_, i64>(0)?, one));
            }
        }
        for (rowid, one) in changes {
            write.execute(rusqlite::params![rowid, one])?;
        }
    }
    Ok(())
}
