//! Accounts of prescribers, coordinators and practice staff: who they are, which team, which
//! Telegram user acts as them, and their password (Argon2id, never stored or logged in clear).

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::content::Practices;
use crate::store::accounts::{self as rows, Account, NewAccount};
use crate::store::{Role, StoreError};

/// Fewest characters in a password (NCSC: length over complexity).
pub const MIN_PASSWORD: usize = 12;
/// Most characters in a password (Argon2 takes any length; this bounds the work per login).
pub const MAX_PASSWORD: usize = 256;

/// Why an account change was refused.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// The name is empty, too long or holds characters that are not letters, digits, spaces,
    /// `.`, `-`, `_` or `'`.
    #[error("\"{0}\" cannot be an account name: use 1 to 64 letters, digits, spaces, . - _ or '")]
    BadName(String),
    /// Someone has that name (in any case), or that Telegram id.
    #[error("there is already an account named \"{0}\" or linked to that Telegram id")]
    Taken(String),
    /// No such team in `services/practices.toml`.
    #[error("there is no team \"{team}\" in services/practices.toml; teams: {known}")]
    UnknownTeam {
        /// As given.
        team: String,
        /// The team ids there are.
        known: String,
    },
    /// No such practice in `services/practices.toml`.
    #[error("there is no practice with ODS code \"{0}\" in services/practices.toml")]
    UnknownPractice(String),
    /// Practice staff are in the team serving their practice.
    #[error("practice {practice} is served by team \"{serves}\": use --team {serves}")]
    PracticeTeam {
        /// The practice.
        practice: String,
        /// Its team.
        serves: String,
    },
    /// Practice staff need their practice.
    #[error("practice staff need --practice ODS (their GP practice's code)")]
    PracticeNeeded,
    /// No account has that name.
    #[error("there is no account named \"{0}\"")]
    NoSuchAccount(String),
    /// Too short or too long.
    #[error("a password needs {MIN_PASSWORD} to {MAX_PASSWORD} characters")]
    BadPassword,
    /// Argon2 failed (no random salt, say).
    #[error("cannot hash the password: {0}")]
    Hash(String),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for AccountError {
    fn from(e: rusqlite::Error) -> Self {
        AccountError::Store(e.into())
    }
}

/// A new account, as the operator asks for it.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// Login name.
    pub name: &'a str,
    /// Team id.
    pub team: &'a str,
    /// What they may do.
    pub role: Role,
    /// Practice staff: their practice's ODS code.
    pub practice: Option<&'a str>,
    /// A Telegram user id whose prescriber commands act as this account.
    pub telegram: Option<i64>,
    /// Their password, if set now.
    pub password: Option<&'a str>,
}

/// A name as typed, trimmed; refused unless it is a plausible name.
pub fn clean_name(name: &str) -> Result<&str, AccountError> {
    let name = name.trim();
    let ok = (1..=64).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '_' | '\''));
    if ok {
        Ok(name)
    } else {
        Err(AccountError::BadName(name.chars().take(64).collect()))
    }
}

/// Adds an account.
pub fn add(
    conn: &Connection,
    practices: &Practices,
    request: &Request,
    now: DateTime<Utc>,
) -> Result<Account, AccountError> {
    let name = clean_name(request.name)?;
    let team = request.team.trim();
    if practices.team(team).is_none() {
        return Err(AccountError::UnknownTeam {
            team: team.to_string(),
            known: practices
                .teams
                .iter()
                .map(|t| t.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    let practice = match (request.practice, request.role) {
        (Some(ods), _) => Some(
            practices
                .practice(ods)
                .ok_or_else(|| AccountError::UnknownPractice(ods.trim().to_string()))?
                .ods
                .clone(),
        ),
        (None, Role::Practice) => return Err(AccountError::PracticeNeeded),
        (None, Role::Prescriber | Role::Coordinator) => None,
    };
    if let (Some(p), Role::Practice) = (&practice, request.role) {
        let serves = practices.team_for(Some(p));
        if serves != team {
            return Err(AccountError::PracticeTeam {
                practice: p.clone(),
                serves: serves.to_string(),
            });
        }
    }
    let hash = request.password.map(hash).transpose()?;
    let added = rows::add(
        conn,
        &NewAccount {
            name,
            team,
            role: request.role,
            practice: practice.as_deref(),
            telegram_id: request.telegram,
            password_hash: hash.as_deref(),
        },
        now,
    )?;
    if !added {
        return Err(AccountError::Taken(name.to_string()));
    }
    rows::by_name(conn, name)?.ok_or_else(|| AccountError::NoSuchAccount(name.to_string()))
}

/// Every account, by name.
pub fn list(conn: &Connection) -> Result<Vec<Account>, AccountError> {
    Ok(rows::list(conn)?)
}

/// The account named `name` (trimmed, any case).
pub fn find(conn: &Connection, name: &str) -> Result<Option<Account>, StoreError> {
    rows::by_name(conn, name.trim())
}

/// Disables an account: it can no longer log in or act, and its browser sessions end now.
pub fn disable(conn: &Connection, name: &str, now: DateTime<Utc>) -> Result<(), AccountError> {
    if rows::disable(conn, name.trim(), now)? {
        Ok(())
    } else {
        Err(AccountError::NoSuchAccount(name.trim().to_string()))
    }
}

/// Sets an account's password.
pub fn set_password(conn: &Connection, name: &str, password: &str) -> Result<(), AccountError> {
    let hash = hash(password)?;
    if rows::set_password(conn, name.trim(), &hash)? {
        Ok(())
    } else {
        Err(AccountError::NoSuchAccount(name.trim().to_string()))
    }
}

/// Whether a password may be set: [`MIN_PASSWORD`] to [`MAX_PASSWORD`] characters.
pub fn acceptable(password: &str) -> Result<(), AccountError> {
    if (MIN_PASSWORD..=MAX_PASSWORD).contains(&password.chars().count()) {
        Ok(())
    } else {
        Err(AccountError::BadPassword)
    }
}

/// The Argon2id PHC string of a password, with a salt from the operating system.
pub fn hash(password: &str) -> Result<String, AccountError> {
    acceptable(password)?;
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| AccountError::Hash(e.to_string()))
}

/// Whether `password` matches a stored hash (false for an unreadable hash).
pub fn verify(password: &str, stored: &str) -> bool {
    password.len() <= MAX_PASSWORD * 4
        && Argon2::default()
            .verify_password(password.as_bytes(), stored)
            .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_stored_as_argon2id_and_checked() {
        let stored = hash("correct horse battery").expect("hash");
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(!stored.contains("correct horse"));
        assert!(verify("correct horse battery", &stored));
        assert!(!verify("correct horse batterY", &stored));
        assert!(!verify("correct horse battery", "not a hash"));
        assert!(matches!(hash("short"), Err(AccountError::BadPassword)));
    }

    #[test]
    fn names_are_trimmed_and_plausible() {
        assert_eq!(clean_name("  Amina Rahman ").ok(), Some("Amina Rahman"));
        assert_eq!(clean_name("Seán O'Brien").ok(), Some("Seán O'Brien"));
        for bad in ["", "   ", "<script>", "a\u{202e}b", &"x".repeat(65)] {
            assert!(clean_name(bad).is_err(), "{bad:?}");
        }
    }
}
