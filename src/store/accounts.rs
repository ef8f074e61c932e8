//! Prescribers' and practice staff's accounts, their browser sessions, failed logins and the
//! record views audited for coordinators. Rows only: who may do what is the application's.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::StoreError;
use super::timestamp::stamp;
use super::values::Role;

/// One account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    /// Row id.
    #[serde(skip)]
    pub id: i64,
    /// The name they log in with and are shown by (unique, any case).
    pub name: String,
    /// Their team's id (`services/practices.toml`).
    pub team: String,
    /// What they may do.
    pub role: Role,
    /// Practice staff: their practice's ODS code.
    pub practice: Option<String>,
    /// A Telegram user id whose chat commands act as this account.
    pub telegram_id: Option<i64>,
    /// A password is set.
    pub has_password: bool,
    /// When it was made (RFC 3339).
    pub created_at: String,
    /// When it was disabled, if it is.
    pub disabled_at: Option<String>,
}

/// A new account's fields.
#[derive(Debug, Clone)]
pub struct NewAccount<'a> {
    /// Login name.
    pub name: &'a str,
    /// Team id.
    pub team: &'a str,
    /// Role.
    pub role: Role,
    /// Practice (ODS code).
    pub practice: Option<&'a str>,
    /// Linked Telegram user.
    pub telegram_id: Option<i64>,
    /// Argon2id PHC string.
    pub password_hash: Option<&'a str>,
}

const FIELDS: &str = "SELECT id, name, team, role, practice, telegram_id,
    password_hash IS NOT NULL, created_at, disabled_at";

fn account(r: &Row) -> rusqlite::Result<Account> {
    Ok(Account {
        id: r.get(0)?,
        name: r.get(1)?,
        team: r.get(2)?,
        role: r.get(3)?,
        practice: r.get(4)?,
        telegram_id: r.get(5)?,
        has_password: r.get(6)?,
        created_at: r.get(7)?,
        disabled_at: r.get(8)?,
    })
}

/// Adds an account; `Ok(false)` if the name (any case) or Telegram id is taken.
pub fn add(conn: &Connection, new: &NewAccount, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let added = conn
        .prepare_cached(
            "INSERT INTO accounts (name, team, role, practice, telegram_id, password_hash,
                                   created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
        )?
        .execute(params![
            new.name,
            new.team,
            new.role,
            new.practice,
            new.telegram_id,
            new.password_hash,
            stamp(now)
        ])?;
    Ok(added == 1)
}

/// Every account, by name.
pub fn list(conn: &Connection) -> Result<Vec<Account>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "{FIELDS} FROM accounts ORDER BY name COLLATE NOCASE"
    ))?;
    let rows = stmt.query_map([], account)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The account named `name` (any case).
pub fn by_name(conn: &Connection, name: &str) -> Result<Option<Account>, StoreError> {
    Ok(conn
        .prepare_cached(&format!("{FIELDS} FROM accounts WHERE name = ?1"))?
        .query_row([name], account)
        .optional()?)
}

/// The account linked to a Telegram user.
pub fn by_telegram(conn: &Connection, user: i64) -> Result<Option<Account>, StoreError> {
    Ok(conn
        .prepare_cached(&format!("{FIELDS} FROM accounts WHERE telegram_id = ?1"))?
        .query_row([user], account)
        .optional()?)
}

/// The Telegram chat of whoever `who` is in `claimed_by`: `telegram:<id>`, or an account
/// linked to a Telegram id.
pub fn telegram_of(conn: &Connection, who: &str) -> Result<Option<i64>, StoreError> {
    if let Some(id) = who.strip_prefix("telegram:") {
        return Ok(id.parse().ok());
    }
    Ok(by_name(conn, who)?.and_then(|a| a.telegram_id))
}

/// The stored password hash of `name`'s account, with the account.
pub fn with_hash(
    conn: &Connection,
    name: &str,
) -> Result<Option<(Account, Option<String>)>, StoreError> {
    Ok(conn
        .prepare_cached(&format!(
            "{FIELDS}, password_hash FROM accounts WHERE name = ?1"
        ))?
        .query_row([name], |r| Ok((account(r)?, r.get(9)?)))
        .optional()?)
}

/// Sets a new password hash and ends the account's browser sessions; `false` if there is no
/// such account.
pub fn set_password(conn: &Connection, name: &str, hash: &str) -> Result<bool, StoreError> {
    let changed = conn
        .prepare_cached("UPDATE accounts SET password_hash = ?2 WHERE name = ?1")?
        .execute(params![name, hash])?;
    end_sessions_of(conn, name)?;
    Ok(changed == 1)
}

fn end_sessions_of(conn: &Connection, name: &str) -> Result<(), StoreError> {
    conn.prepare_cached(
        "DELETE FROM web_sessions WHERE account_id IN (SELECT id FROM accounts WHERE name = ?1)",
    )?
    .execute([name])?;
    Ok(())
}

/// Disables an account and ends its browser sessions; `false` if there is no such account.
pub fn disable(conn: &Connection, name: &str, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let changed = conn
        .prepare_cached(
            "UPDATE accounts SET disabled_at = COALESCE(disabled_at, ?2) WHERE name = ?1",
        )?
        .execute(params![name, stamp(now)])?;
    end_sessions_of(conn, name)?;
    Ok(changed == 1)
}

/// Records a failed login for a name (as typed, folded), whether or not it exists.
pub fn add_failure(conn: &Connection, key: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT INTO login_failures (name_key, at) VALUES (?1, ?2)")?
        .execute(params![key, stamp(now)])?;
    Ok(())
}

/// When a name's failed logins since `since` happened, oldest first.
pub fn failures_since(
    conn: &Connection,
    key: &str,
    since: DateTime<Utc>,
) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT at FROM login_failures WHERE name_key = ?1 AND at >= ?2 ORDER BY at",
    )?;
    let rows = stmt.query_map(params![key, stamp(since)], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Forgets a name's failed logins (after a good one).
pub fn clear_failures(conn: &Connection, key: &str) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM login_failures WHERE name_key = ?1")?
        .execute([key])?;
    Ok(())
}

/// Forgets every failed login older than `before`.
pub fn forget_failures(conn: &Connection, before: DateTime<Utc>) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM login_failures WHERE at < ?1")?
        .execute([stamp(before)])?;
    Ok(())
}

/// Starts a browser session (the token stored only as its hash).
pub fn add_session(
    conn: &Connection,
    token_hash: &[u8],
    account: i64,
    csrf: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let now = stamp(now);
    conn.prepare_cached(
        "INSERT INTO web_sessions (token_hash, account_id, csrf, created_at, seen_at)
         VALUES (?1, ?2, ?3, ?4, ?4)",
    )?
    .execute(params![token_hash, account, csrf, now])?;
    Ok(())
}

/// A session of an enabled account: the account, CSRF token, when it began and when it was
/// last used.
pub fn session(
    conn: &Connection,
    token_hash: &[u8],
) -> Result<Option<(Account, String, String, String)>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT a.id, a.name, a.team, a.role, a.practice, a.telegram_id,
                    a.password_hash IS NOT NULL, a.created_at, a.disabled_at, s.csrf,
                    s.created_at, s.seen_at
             FROM web_sessions s JOIN accounts a ON a.id = s.account_id
             WHERE s.token_hash = ?1 AND a.disabled_at IS NULL",
        )?
        .query_row([token_hash], |r| {
            Ok((account(r)?, r.get(9)?, r.get(10)?, r.get(11)?))
        })
        .optional()?)
}

/// Marks a session used now.
pub fn touch_session(
    conn: &Connection,
    token_hash: &[u8],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE web_sessions SET seen_at = ?2 WHERE token_hash = ?1")?
        .execute(params![token_hash, stamp(now)])?;
    Ok(())
}

/// Ends one session.
pub fn end_session(conn: &Connection, token_hash: &[u8]) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM web_sessions WHERE token_hash = ?1")?
        .execute([token_hash])?;
    Ok(())
}

/// Ends every session idle since before `idle_before` or begun before `begun_before`.
pub fn end_old_sessions(
    conn: &Connection,
    idle_before: DateTime<Utc>,
    begun_before: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM web_sessions WHERE seen_at < ?1 OR created_at < ?2")?
        .execute([stamp(idle_before), stamp(begun_before)])?;
    Ok(())
}

/// Records that an account viewed a record.
pub fn add_view(
    conn: &Connection,
    account: i64,
    reference: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO record_views (at, account_id, reference) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![stamp(now), account, reference])?;
    Ok(())
}

/// One audited view of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct View {
    /// When.
    pub at: String,
    /// Whose account.
    pub name: String,
    /// Which referral.
    pub reference: String,
}

/// Views of one record (or of all, when `None`), newest first, at most `limit`.
pub fn views(
    conn: &Connection,
    reference: Option<&str>,
    limit: u32,
) -> Result<Vec<View>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.at, a.name, v.reference FROM record_views v JOIN accounts a
         ON a.id = v.account_id WHERE ?1 IS NULL OR v.reference = ?1
         ORDER BY v.id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![reference, limit], |r| {
        Ok(View {
            at: r.get(0)?,
            name: r.get(1)?,
            reference: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
