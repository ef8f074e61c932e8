//! The database file: opening it safely (refusing what is not signpost's, checking integrity,
//! bringing the schema up to date), its transactions, and emptying its write-ahead log.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode};

use super::referrals::{self, QueueItem};
use super::values::{Channel, Status};
use super::{StoreError, file, schema, sessions, step};
use crate::engine::{Effect, Session};

/// Written to `PRAGMA application_id` so signpost never writes into another program's database.
pub const APPLICATION_ID: i32 = 0x5350_5354; // "SPST"

/// How long the store waits for another program's lock during normal work.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);
/// How long opening waits for another program's lock before saying the file is locked.
pub const OPEN_TIMEOUT: Duration = Duration::from_secs(3);
/// How long emptying the write-ahead log waits for another process's read.
pub const CHECKPOINT_WAIT: Duration = Duration::from_secs(2);

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
        schema::migrations()
            .to_latest(&mut conn)
            .map_err(|e| match e {
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
        sessions::load_session(&self.conn, channel, user)
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
        step::commit_step(&tx, channel, user, session, effects, now)?;
        tx.commit()?;
        Ok(())
    }

    /// The queue, urgent first then oldest, optionally of one status.
    pub fn list(&self, status: Option<Status>) -> Result<Vec<QueueItem>, StoreError> {
        referrals::list(&self.conn, status)
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
        checkpoint(&self.conn)
    }

    /// Hands the connection to a store thread (see [`super::actor`]).
    pub fn into_connection(self) -> Connection {
        self.conn
    }
}

/// A read-only connection to a store already opened (and migrated) by [`Store::open`]: for
/// long reads (the web app's pages and reports) that must not hold up the store's thread.
pub fn reader(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::Open {
        path: path.into(),
        source: e,
    })?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "query_only", true)?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(conn)
}

/// Folds the write-ahead log into the database file and truncates it, so erased data
/// survives in neither. Must run outside any transaction. Returns false when another
/// connection's read kept the log from being emptied (a later checkpoint finishes the job).
pub fn checkpoint(conn: &Connection) -> Result<bool, StoreError> {
    // Emptying the log waits for other processes' reads to finish; not for the store's usual
    // 30 s, which would hold up every resident behind someone's open database browser.
    conn.busy_timeout(CHECKPOINT_WAIT)?;
    let result = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
        ))
    });
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let (busy, _log, _done) = result?;
    Ok(busy == 0)
}
