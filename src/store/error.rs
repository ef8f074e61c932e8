//! Why the store could not do something.

use std::path::PathBuf;

use rusqlite::ErrorCode;

use super::database::BUSY_TIMEOUT;
use super::file;

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
    /// No referral has that reference.
    #[error("there is no callback {0}")]
    NoReferral(String),
    /// The referral is closed: nothing more can be added to it.
    #[error("{0} is already closed")]
    ReferralClosed(String),
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
    /// The operating system's random generator failed.
    #[error("the operating system gave no random bytes: {0}")]
    Random(String),
}

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
