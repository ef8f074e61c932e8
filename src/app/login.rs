//! Logging in to the web app: throttled per name (whether or not it exists), sessions held by
//! a random token stored only as its hash, a CSRF token per session, an idle timeout, and a
//! disabled account logged out at once.

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use super::accounts;
use crate::store::StoreError;
use crate::store::accounts::{self as rows, Account};

/// Failures for one name within [`WINDOW`] that lock it.
pub const MAX_FAILURES: u32 = 5;
/// How far back failures count, and how long a lock lasts.
pub const WINDOW: Duration = Duration::minutes(15);
/// How long a session lasts without use, unless configured.
pub const DEFAULT_IDLE: Duration = Duration::minutes(15);
/// The longest a session lasts however it is used: a working day.
pub const MAX_SESSION: Duration = Duration::hours(12);
/// How stale a session's last use may be before it is written again (so a page view is
/// not a write; the idle timeout is this much less exact).
pub const TOUCH_AFTER: Duration = Duration::seconds(30);

/// An Argon2id hash of nothing anyone knows, checked when a name has no account so that a
/// wrong name takes as long as a wrong password.
static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// What a login attempt came to.
#[derive(Debug)]
pub enum Login {
    /// In: the cookie's token (give it to the browser only), and the account.
    In {
        /// The session token.
        token: String,
        /// Who logged in.
        account: Account,
    },
    /// Wrong name or password (the same for a name with no account).
    Refused,
    /// Too many failures for this name: wait.
    Locked,
}

impl Login {
    /// What the person is told when not let in; never says whether the name exists.
    pub fn message(&self) -> &'static str {
        match self {
            Login::In { .. } => "",
            Login::Refused => "That name and password do not match an account.",
            Login::Locked => {
                "Too many failed attempts for this name. Wait 15 minutes, then try again."
            }
        }
    }
}

/// A logged-in browser: the account and the CSRF token its forms must carry.
#[derive(Debug, Clone)]
pub struct Session {
    /// Who.
    pub account: Account,
    /// The form token.
    pub csrf: String,
}

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Whether `name` is locked now: [`MAX_FAILURES`] failures within [`WINDOW`] lock it until
/// [`WINDOW`] after the last of them (failures are not recorded while locked).
fn locked(conn: &Connection, key: &str, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let times: Vec<DateTime<Utc>> = rows::failures_since(conn, key, now - WINDOW - WINDOW)?
        .iter()
        .filter_map(|t| crate::store::Timestamp::parse(t).map(|t| t.0))
        .collect();
    let Some(&last) = times.last() else {
        return Ok(false);
    };
    let burst = times.iter().filter(|&&t| t > last - WINDOW).count();
    Ok(burst >= MAX_FAILURES as usize && now < last + WINDOW)
}

/// Records a login attempt for `name` whose password was checked (`password_ok`, by
/// [`check_password`] against [`hash_of`], outside the store's thread: Argon2 is slow on
/// purpose); on success starts a session.
pub fn login(
    conn: &Connection,
    name: &str,
    password_ok: bool,
    now: DateTime<Utc>,
) -> Result<Login, StoreError> {
    let key = key(name);
    if locked(conn, &key, now)? {
        return Ok(Login::Locked);
    }
    let found = rows::with_hash(conn, name.trim())?;
    match found {
        Some((account, Some(_))) if password_ok && account.disabled_at.is_none() => {
            rows::clear_failures(conn, &key)?;
            let token = random_hex()?;
            rows::add_session(conn, &digest(&token), account.id, &random_hex()?, now)?;
            Ok(Login::In { token, account })
        }
        _ => {
            rows::add_failure(conn, &key, now)?;
            if locked(conn, &key, now)? {
                tracing::warn!("a name was locked after repeated failed logins");
                Ok(Login::Locked)
            } else {
                Ok(Login::Refused)
            }
        }
    }
}

/// Whether `password` matches `hash`, taking as long when there is no hash.
pub fn check_password(password: &str, hash: Option<&str>) -> bool {
    match hash {
        Some(h) => accounts::verify(password, h),
        None => {
            let decoy = DECOY.get_or_init(|| {
                let mut secret = [0u8; 24];
                let _ = getrandom::fill(&mut secret);
                let secret: String = secret.iter().map(|b| format!("{b:02x}")).collect();
                accounts::hash(&secret).unwrap_or_default()
            });
            accounts::verify(password, decoy);
            false
        }
    }
}

/// What checking a login needs, read before the slow password check: whether the name is
/// locked now (then nothing is checked), else the stored hash of its password, if any.
pub fn before_login(
    conn: &Connection,
    name: &str,
    now: DateTime<Utc>,
) -> Result<Result<Option<String>, Login>, StoreError> {
    if locked(conn, &key(name), now)? {
        return Ok(Err(Login::Locked));
    }
    Ok(Ok(rows::with_hash(conn, name.trim())?
        .filter(|(a, _)| a.disabled_at.is_none())
        .and_then(|(_, h)| h)))
}

/// Lets a locked name log in again at once (`prescribers unlock`).
pub fn unlock(conn: &Connection, name: &str) -> Result<(), StoreError> {
    rows::clear_failures(conn, &key(name))
}

/// The session a cookie's token opens, if it is live: used within `idle`, begun within
/// [`MAX_SESSION`], and its account not disabled. Only reads (a page view writes nothing to
/// the store's thread); says whether it is time to mark it used ([`touch`]).
pub fn session(
    conn: &Connection,
    token: &str,
    idle: Duration,
    now: DateTime<Utc>,
) -> Result<Option<(Session, bool)>, StoreError> {
    let Some((account, csrf, created, seen)) = rows::session(conn, &digest(token))? else {
        return Ok(None);
    };
    let time = |t: &str| crate::store::Timestamp::parse(t).map(|t| t.0);
    let (Some(created), Some(seen)) = (time(&created), time(&seen)) else {
        return Ok(None);
    };
    if now - seen > idle || now - created > MAX_SESSION {
        return Ok(None);
    }
    Ok(Some((Session { account, csrf }, now - seen > TOUCH_AFTER)))
}

/// Marks a session used now (when [`session`] says so).
pub fn touch(conn: &Connection, token: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
    rows::touch_session(conn, &digest(token), now)
}

/// Logs a session out.
pub fn logout(conn: &Connection, token: &str) -> Result<(), StoreError> {
    rows::end_session(conn, &digest(token))
}

/// Ends idle sessions and forgets old failures (a chore).
pub fn tidy(conn: &Connection, idle: Duration, now: DateTime<Utc>) -> Result<(), StoreError> {
    rows::end_old_sessions(conn, now - idle, now - MAX_SESSION)?;
    rows::forget_failures(conn, now - WINDOW - WINDOW)
}

/// Whether a form's CSRF token is the session's (compared in constant time).
pub fn csrf_ok(session: &Session, given: &str) -> bool {
    use subtle::ConstantTimeEq;
    !given.is_empty() && bool::from(session.csrf.as_bytes().ct_eq(given.as_bytes()))
}

fn digest(token: &str) -> Vec<u8> {
    ring::digest::digest(&ring::digest::SHA256, token.as_bytes())
        .as_ref()
        .to_vec()
}

/// 32 bytes from the operating system's generator, as hex.
fn random_hex() -> Result<String, StoreError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Random(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn five_failures_lock_a_name_for_fifteen_minutes_from_the_last() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = Store::open(&dir.path().join("s.db")).expect("open");
        let t0 = Utc::now();
        let at = |m: i64| t0 + Duration::minutes(m);
        store
            .in_transaction(|c| {
                for m in 0..4 {
                    assert!(matches!(login(c, "Nobody", false, at(m))?, Login::Refused));
                }
                // The fifth failure locks it.
                assert!(matches!(login(c, " nobody", false, at(4))?, Login::Locked));
                // Locked even with a right password, until 15 minutes after the last failure.
                assert!(matches!(login(c, "NOBODY", true, at(18))?, Login::Locked));
                // Then failures count afresh: one more is only refused.
                assert!(matches!(login(c, "Nobody", false, at(20))?, Login::Refused));
                // Another name was never locked.
                assert!(matches!(
                    login(c, "Somebody", false, at(5))?,
                    Login::Refused
                ));
                Ok::<_, StoreError>(())
            })
            .expect("logins");
    }
}
