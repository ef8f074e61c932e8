//! The SQLite store: sessions, referrals (the callback queue) and an audit trail without
//! personal data. WAL, foreign keys, STRICT tables, versioned migrations, and one transaction
//! per step so a crash can neither lose nor repeat one.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode, OptionalExtension, params};
use rusqlite_migration::{M, Migrations};
use serde::Serialize;

use crate::engine::{Effect, Referral, Session};

pub mod actor;
pub mod file;
pub mod format;
pub mod notices;

/// Written to `PRAGMA application_id` so signpost never writes into another program's database.
pub const APPLICATION_ID: i32 = 0x5350_5354; // "SPST"

/// Versioned schema migrations, applied in order at open.
fn migrations() -> Migrations<'static> {
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
    ])
}

/// Why the store could not do something.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not SQLite.
    #[error(
        "{} is not a SQLite database (or is damaged); signpost has not changed it. Point --db or SIGNPOST_DB at another file",
        .0.display()
    )]
    NotADatabase(PathBuf),
    /// A SQLite database of some other program.
    #[error(
        "{} is a SQLite database of another program; signpost will not write to it",
        .0.display()
    )]
    Foreign(PathBuf),
    /// The integrity check failed.
    #[error("{} failed its integrity check ({detail}); restore it from a backup", .path.display())]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What SQLite reported.
        detail: String,
    },
    /// The file, or its folder, cannot be written.
    #[error(
        "{} is read-only (or its folder is): signpost needs to write to it and its -wal file. Nothing was changed",
        .0.display()
    )]
    ReadOnly(PathBuf),
    /// Another program holds a lock on the file.
    #[error(
        "the database is locked by another program (waited {0} s); nothing was changed. Try again, or stop the other program"
    )]
    Locked(u64),
    /// The disk (or the database's size limit) is full.
    #[error(
        "the disk holding the database is full; nothing of this change was stored. Free some space and try again"
    )]
    DiskFull,
    /// Opening failed (permissions, missing folder).
    #[error("cannot open the database {}: {source}", .path.display())]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        source: rusqlite::Error,
    },
    /// A migration failed.
    #[error("cannot bring the database schema up to date: {0}")]
    Migration(rusqlite_migration::Error),
    /// The reference is already taken (the caller retries with another).
    #[error("reference {0} is already taken")]
    DuplicateReference(String),
    /// Any other SQLite error.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    /// A stored value could not be read back. The message gives the kind of fault and where,
    /// never serde's own text: that quotes the value, which may be what a person typed.
    #[error(
        "a stored record is unreadable ({:?} fault at line {}, column {})",
        .0.classify(),
        .0.line(),
        .0.column()
    )]
    Json(#[from] serde_json::Error),
    /// A batch of steps could not be committed; none of it was stored.
    #[error("the database could not store this step: {0}")]
    Commit(String),
    /// The store thread has stopped.
    #[error("the store has stopped")]
    Stopped,
    /// The path is not a file signpost may use as it is.
    #[error(transparent)]
    File(#[from] file::FileError),
}

/// How long the store waits for another program's lock during normal work.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);
/// How long opening waits for another program's lock before saying the file is locked.
pub const OPEN_TIMEOUT: Duration = Duration::from_secs(3);

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                StoreError::Locked(BUSY_TIMEOUT.as_secs())
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

/// Where a conversation happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// `signpost chat`.
    Terminal,
    /// `signpost serve`.
    Telegram,
}

impl Channel {
    /// Every channel (a new one must be added here too: `as_str` below lists them).
    pub const ALL: [Channel; 2] = [Channel::Terminal, Channel::Telegram];

    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Terminal => "terminal",
            Channel::Telegram => "telegram",
        }
    }
}

/// A callback's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Waiting for a prescriber.
    Open,
    /// A prescriber has it.
    Claimed,
    /// Done.
    Closed,
}

impl Status {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Claimed => "claimed",
            Status::Closed => "closed",
        }
    }
}

/// A referral as listed for prescribers (`queue list --json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueItem {
    /// e.g. `SP-7K3Q`.
    pub reference: String,
    /// open, claimed or closed.
    pub status: String,
    /// urgent or normal.
    pub priority: String,
    /// RFC 3339.
    pub created_at: String,
    /// Language tag.
    pub language: String,
    /// terminal or telegram.
    pub channel: String,
    /// The person's id on that channel.
    pub user_id: String,
    /// Need ids.
    pub needs: Vec<String>,
    /// Saved answers: strings, arrays of ids, or null when skipped.
    pub answers: serde_json::Map<String, serde_json::Value>,
    /// Suggested service ids.
    pub services: Vec<String>,
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
}

/// The database.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed, readable by its owner only) the database, refusing paths that
    /// are not regular files and files that are not signpost's, checking integrity, and applying
    /// migrations. A refused file is never written to.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_waiting(path, OPEN_TIMEOUT)
    }

    /// [`Store::open`], waiting at most `wait` for another program's lock.
    pub fn open_waiting(path: &Path, wait: Duration) -> Result<Store, StoreError> {
        let existed = file::prepare(path)?;
        let mut conn = Connection::open(path).map_err(|e| match e.sqlite_error_code() {
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly(path.into()),
            _ => StoreError::Open {
                path: path.into(),
                source: e,
            },
        })?;
        conn.busy_timeout(wait)?;
        let refuse = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase(path.into()),
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                StoreError::Locked(wait.as_secs().max(1))
            }
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen) => file::read_only(path),
            _ => StoreError::from(e),
        };
        let app_id: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(refuse)?;
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(refuse)?;
        if existed && tables > 0 && app_id != APPLICATION_ID {
            return Err(StoreError::Foreign(path.into()));
        }
        let check: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(refuse)?;
        if check != "ok" {
            return Err(StoreError::Corrupt {
                path: path.into(),
                detail: check,
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(refuse)?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Deleted records are overwritten with zeros, so erased personal data is really gone.
        conn.pragma_update(None, "secure_delete", "ON")?;
        if app_id != APPLICATION_ID {
            conn.pragma_update(None, "application_id", APPLICATION_ID)
                .map_err(refuse)?;
        }
        migrations().to_latest(&mut conn).map_err(|e| match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => refuse(err),
            e => StoreError::Migration(e),
        })?;
        // Writers queue on the lock; SQLite's busy handler is not fair, so allow a long wait.
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Every statement of a step stays compiled (parsing SQL was 5% of a step's CPU).
        conn.set_prepared_statement_cache_capacity(64);
        Ok(Store { conn })
    }

    /// The stored session of one person, if any.
    pub fn load_session(
        &self,
        channel: Channel,
        user: &str,
    ) -> Result<Option<Session>, StoreError> {
        load_session(&self.conn, channel, user)
    }

    /// Stores the result of one step in one transaction: the session and its effects. When it
    /// returns, the step is on disk (synchronous=FULL), so the person may be told.
    pub fn commit_step(
        &mut self,
        channel: Channel,
        user: &str,
        session: &Session,
        effects: &[Effect],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        commit_step(&tx, channel, user, session, effects, now)?;
        tx.commit()?;
        Ok(())
    }

    /// The queue, urgent first then oldest, optionally of one status.
    pub fn list(&self, status: Option<Status>) -> Result<Vec<QueueItem>, StoreError> {
        list(&self.conn, status)
    }

    /// Runs `f` in one transaction, committed when it returns `Ok`.
    pub fn in_transaction<T, E: From<rusqlite::Error>>(
        &mut self,
        f: impl FnOnce(&Connection) -> Result<T, E>,
    ) -> Result<T, E> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Folds the write-ahead log into the file and empties it (after an erasure or a purge);
    /// false when another process's read kept it from being emptied.
    pub fn checkpoint(&self) -> Result<bool, StoreError> {
        crate::privacy::checkpoint(&self.conn)
    }

    /// Hands the connection to a store thread (see [`actor`]).
    pub fn into_connection(self) -> Connection {
        self.conn
    }
}

/// The stored session of one person, if any.
pub fn load_session(
    conn: &Connection,
    channel: Channel,
    user: &str,
) -> Result<Option<Session>, StoreError> {
    let state: Option<String> = conn
        .prepare_cached("SELECT state FROM sessions WHERE channel = ?1 AND user_id = ?2")?
        .query_row(params![channel.as_str(), user], |r| r.get(0))
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

/// Writes the result of one step (the session and its effects) inside the caller's transaction.
pub fn commit_step(
    conn: &Connection,
    channel: Channel,
    user: &str,
    session: &Session,
    effects: &[Effect],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let now_s = now.to_rfc3339();
    let mut delete = false;
    for effect in effects {
        match effect {
            Effect::Queue(r) => {
                insert_referral(conn, channel, user, r)?;
                for flag in &r.flags {
                    crate::queue::flagged_note(conn, &r.reference, flag)
                        .map_err(|e| StoreError::Commit(e.to_string()))?;
                }
            }
            Effect::Flagged { reference, flag } => {
                crate::queue::flagged_note(conn, reference, flag)
                    .map_err(|e| StoreError::Commit(e.to_string()))?;
            }
            Effect::FlagAnswered {
                reference,
                at,
                response,
            } => {
                crate::queue::flag_answered(conn, reference, *at, *response)
                    .map_err(|e| StoreError::Commit(e.to_string()))?;
            }
            Effect::Crisis => {
                // A callback already waiting turns urgent, and the prescribers are told.
                let mut stmt = conn.prepare(
                    "UPDATE referrals SET priority = 'urgent'
                     WHERE channel = ?1 AND user_id = ?2 AND status != 'closed'
                       AND priority != 'urgent'
                     RETURNING reference",
                )?;
                let raised: Vec<String> = stmt
                    .query_map(params![channel.as_str(), user], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
                for reference in raised {
                    notices::add(conn, notices::NoticeKind::NowUrgent, &reference, None, now)?;
                }
                conn.execute(
                    "INSERT INTO audit (at, event) VALUES (?1, 'crisis-interrupt')",
                    params![now_s],
                )?;
            }
            Effect::DeleteSession => delete = true,
            Effect::ResidentNote { reference, text } => {
                crate::queue::resident_note(conn, reference, text, now)
                    .map_err(|e| StoreError::Commit(e.to_string()))?;
            }
            Effect::Cancel { reference } => {
                crate::queue::resident_cancel(conn, reference, now)
                    .map_err(|e| StoreError::Commit(e.to_string()))?;
            }
        }
    }
    if delete {
        conn.prepare_cached("DELETE FROM sessions WHERE channel = ?1 AND user_id = ?2")?
            .execute(params![channel.as_str(), user])?;
    } else {
        conn.prepare_cached(
            "INSERT INTO sessions (channel, user_id, state, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (channel, user_id) DO UPDATE SET state = ?3, updated_at = ?4",
        )?
        .execute(params![
            channel.as_str(),
            user,
            format::encode_session(session)?,
            now_s
        ])?;
    }
    Ok(())
}

/// Records a received update; false when it was already there (delivered twice).
pub fn inbox_add(
    conn: &Connection,
    update_id: i64,
    event: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let n = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO inbox (update_id, received_at, event) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![update_id, now.to_rfc3339(), event])?;
    Ok(n == 1)
}

/// True when an update is in the inbox and not yet handled.
pub fn inbox_pending_one(conn: &Connection, update_id: i64) -> Result<bool, StoreError> {
    let processed: Option<Option<String>> = conn
        .prepare_cached("SELECT processed_at FROM inbox WHERE update_id = ?1")?
        .query_row([update_id], |r| r.get(0))
        .optional()?;
    Ok(!matches!(processed, Some(Some(_))))
}

/// Updates received but not yet handled, oldest first.
pub fn inbox_pending(conn: &Connection) -> Result<Vec<(i64, String)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT update_id, event FROM inbox WHERE processed_at IS NULL ORDER BY update_id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, Option<String>>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (id, event) = row?;
        out.push((id, event.unwrap_or_default()));
    }
    Ok(out)
}

/// Marks an update handled and forgets its content (it may hold what the person typed).
pub fn inbox_done(conn: &Connection, update_id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE inbox SET processed_at = ?2, event = NULL WHERE update_id = ?1")?
        .execute(params![update_id, now.to_rfc3339()])?;
    Ok(())
}

/// The newest update id stored, if any (where polling carries on).
pub fn newest_update(conn: &Connection) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT max(update_id) FROM inbox")?
        .query_row([], |r| r.get(0))?)
}

/// Queues messages for a chat; they are sent after the step commits and deleted once sent.
pub fn outbox_add(
    conn: &Connection,
    chat_id: i64,
    actions: &str,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    conn.prepare_cached("INSERT INTO outbox (chat_id, actions, created_at) VALUES (?1, ?2, ?3)")?
        .execute(params![chat_id, actions, now.to_rfc3339()])?;
    Ok(conn.last_insert_rowid())
}

/// Messages not yet sent, oldest first: (id, chat, actions).
pub fn outbox_pending(conn: &Connection) -> Result<Vec<(i64, i64, String)>, StoreError> {
    let mut stmt = conn.prepare("SELECT id, chat_id, actions FROM outbox ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Forgets sent messages (they may hold personal data).
pub fn outbox_remove(conn: &Connection, id: i64) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM outbox WHERE id = ?1")?
        .execute(params![id])?;
    Ok(())
}

/// Replaces an outbox entry's actions with those still to do.
pub fn outbox_replace(conn: &Connection, id: i64, actions: &str) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE outbox SET actions = ?2 WHERE id = ?1")?
        .execute(params![id, actions])?;
    Ok(())
}

/// The queue, urgent first then oldest, optionally of one status.
pub fn list(conn: &Connection, status: Option<Status>) -> Result<Vec<QueueItem>, StoreError> {
    select(conn, status, None, None)
}

/// Every referral of one person, oldest first.
pub fn referrals_of(
    conn: &Connection,
    channel: Channel,
    user: &str,
) -> Result<Vec<QueueItem>, StoreError> {
    let mut items = select(conn, None, None, Some((channel, user)))?;
    items.sort_by(|a, b| a.created_at.cmp(&b.created_at));
    Ok(items)
}

/// One referral by its reference.
pub fn referral(conn: &Connection, reference: &str) -> Result<Option<QueueItem>, StoreError> {
    Ok(select(conn, None, Some(reference), None)?
        .into_iter()
        .next())
}

fn select(
    conn: &Connection,
    status: Option<Status>,
    reference: Option<&str>,
    person: Option<(Channel, &str)>,
) -> Result<Vec<QueueItem>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT reference, status, priority, created_at, language, channel, user_id,
                needs, answers, services, claimed_by, outcome, consent_at, notice_version,
                claimed_at, attempts, closed_at
         FROM referrals
         WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR reference = ?2)
           AND (?3 IS NULL OR (channel = ?3 AND user_id = ?4))
         ORDER BY priority = 'urgent' DESC, created_at ASC, id ASC",
    )?;
    let rows = stmt.query_map(
        params![
            status.map(Status::as_str),
            reference,
            person.map(|(c, _)| c.as_str()),
            person.map(|(_, u)| u)
        ],
        |r| {
            Ok((
                QueueItem {
                    reference: r.get(0)?,
                    status: r.get(1)?,
                    priority: r.get(2)?,
                    created_at: r.get(3)?,
                    language: r.get(4)?,
                    channel: r.get(5)?,
                    user_id: r.get(6)?,
                    needs: Vec::new(),
                    answers: serde_json::Map::new(),
                    services: Vec::new(),
                    claimed_by: r.get(10)?,
                    claimed_at: r.get(14)?,
                    attempts: r.get(15)?,
                    closed_at: r.get(16)?,
                    // Cleaned on the way out: outcomes stored before cleaning may hold control codes.
                    outcome: r
                        .get::<_, Option<String>>(11)?
                        .map(|o| crate::engine::validate::clean_text(&o)),
                    consent_at: r.get(12)?,
                    notice_version: r.get(13)?,
                },
                r.get::<_, String>(7)?,
                r.get::<_, String>(8)?,
                r.get::<_, String>(9)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (mut item, needs, answers, services) = row?;
        item.needs = serde_json::from_str(&needs)?;
        item.answers = serde_json::from_str(&answers)?;
        item.services = serde_json::from_str(&services)?;
        out.push(item);
    }
    Ok(out)
}

fn insert_referral(
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
    let result = tx.execute(
        "INSERT INTO referrals (reference, created_at, channel, user_id, language, priority,
                                answers, needs, services, consent_at, notice_version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            r.reference,
            r.created_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            channel.as_str(),
            user,
            r.language,
            if r.urgent { "urgent" } else { "normal" },
            serde_json::Value::Object(answers).to_string(),
            serde_json::to_string(&r.needs)?,
            serde_json::to_string(&r.services)?,
            r.consent_at,
            r.notice_version,
        ],
    );
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
    tx.execute(
        "INSERT INTO audit (at, event, reference) VALUES (?1, 'referral-queued', ?2)",
        params![r.created_at.to_rfc3339(), r.reference],
    )?;
    notices::add(
        tx,
        notices::NoticeKind::NewCallback,
        &r.reference,
        None,
        r.created_at,
    )?;
    Ok(())
}
