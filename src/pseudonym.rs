//! Pseudonyms for logs: a person's Telegram id is personal data, so logs carry a keyed hash of
//! it instead (HMAC-SHA-256 under a key kept in the database, made once per installation).
//! The same person gets the same pseudonym across restarts, so log lines can be followed, but
//! the id cannot be recovered from the log without the database.

use ring::hmac;
use rusqlite::{Connection, params};

use crate::store::StoreError;

const KEY_NAME: &str = "log-pseudonym-key";

/// Makes pseudonyms under this installation's key.
#[derive(Clone)]
pub struct Pseudonyms(hmac::Key);

impl Pseudonyms {
    /// The installation's key, stored as `fresh` (random bytes from the caller) the first time.
    pub fn load(conn: &Connection, fresh: &[u8; 32]) -> Result<Pseudonyms, StoreError> {
        conn.execute(
            "INSERT OR IGNORE INTO secrets (name, value) VALUES (?1, ?2)",
            params![KEY_NAME, &fresh[..]],
        )?;
        let key: Vec<u8> = conn.query_row(
            "SELECT value FROM secrets WHERE name = ?1",
            [KEY_NAME],
            |r| r.get(0),
        )?;
        Ok(Pseudonyms(hmac::Key::new(hmac::HMAC_SHA256, &key)))
    }

    /// The pseudonym of a chat or user id: 16 hex digits.
    pub fn of(&self, id: i64) -> String {
        let tag = hmac::sign(&self.0, &id.to_be_bytes());
        tag.as_ref()[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_per_installation_and_different_between_them() {
        let conn = Connection::open_in_memory().expect("memory db");
        conn.execute_batch("CREATE TABLE secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);")
            .expect("table");
        let a = Pseudonyms::load(&conn, &[1; 32]).expect("key");
        // Loaded again (a restart) with other fresh bytes: the stored key wins.
        let again = Pseudonyms::load(&conn, &[2; 32]).expect("key");
        assert_eq!(a.of(90106), again.of(90106));
        assert_ne!(a.of(90106), a.of(90107));
        assert_eq!(a.of(90106).len(), 16);
        assert!(!a.of(90106).contains("90106"));

        let other = Connection::open_in_memory().expect("memory db");
        other
            .execute_batch("CREATE TABLE secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);")
            .expect("table");
        let b = Pseudonyms::load(&other, &[3; 32]).expect("key");
        assert_ne!(a.of(90106), b.of(90106));
    }
}
