//! Times stored one way. A database written before issue 15 (`tests/fixtures/store/v6.sql`:
//! times in two formats, compared as text) is rewritten when opened: every time is then in the
//! one format, old rows sort and compare in the order they happened, and the retention purge
//! still goes by age.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;
use signpost::store::{Channel, Status, Store, StoreError, Timestamp, stamp};

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

/// The fixture database, at schema version 6, in a fresh folder.
fn old_database() -> (tempfile::TempDir, PathBuf) {
    let sql = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store/v6.sql"),
    )
    .expect("fixture");
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("v6.db");
    Connection::open(&db)
        .and_then(|c| c.execute_batch(&sql))
        .expect("load fixture");
    (dir, db)
}

/// Every stored time, by (table, column, rowid).
fn times(db: &Path) -> BTreeMap<(&'static str, &'static str, i64), String> {
    let c = Connection::open(db).expect("open");
    let mut all = BTreeMap::new();
    for (table, column) in TIME_COLUMNS {
        let mut stmt = c
            .prepare(&format!(
                "SELECT rowid, {column} FROM {table} WHERE {column} IS NOT NULL"
            ))
            .expect("select");
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .expect("query");
        for row in rows {
            let (rowid, at) = row.expect("row");
            all.insert((table, column, rowid), at);
        }
    }
    all
}

fn audit_order(db: &Path) -> Vec<i64> {
    let c = Connection::open(db).expect("open");
    let mut stmt = c
        .prepare("SELECT id FROM audit ORDER BY at, id")
        .expect("select");
    stmt.query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

fn at(s: &str) -> DateTime<Utc> {
    Timestamp::parse(s).expect("a time").0
}

#[test]
fn every_stored_time_is_rewritten_into_the_one_format() {
    let (_dir, db) = old_database();
    let before = times(&db);
    let old_style = before.values().filter(|t| !t.ends_with('Z')).count();
    assert!(
        old_style >= 10,
        "the fixture holds both formats: {before:?}"
    );
    let store = Store::open(&db).expect("open migrates");
    let after = times(&db);
    assert_eq!(before.len(), after.len(), "no time lost or added");
    for (key, old) in &before {
        let new = &after[key];
        assert_eq!(new, &stamp(at(old)), "{key:?} was {old}");
        assert_eq!(new.len(), "2026-11-30T14:46:32Z".len(), "{key:?}: {new}");
    }
    // Nothing else changed: the conversation in progress and the queue read as before.
    let cat = store
        .load_session(Channel::Terminal, "cat")
        .expect("load")
        .expect("there");
    assert_eq!((cat.node.as_str(), cat.unreadable), ("needs", false));
    let queue = store.list(None).expect("list");
    let refs: Vec<_> = queue
        .iter()
        .map(|q| (q.reference.as_str(), q.status))
        .collect();
    assert_eq!(
        refs,
        [("SP-VZ5P", Status::Closed), ("SP-HK49", Status::Open)]
    );
    assert_eq!(queue[0].created_at, "2026-11-30T14:45:43Z");
    drop(store);
    // Opening again finds nothing to do.
    drop(Store::open(&db).expect("reopen"));
    assert_eq!(times(&db), after);
    let version: i64 = Connection::open(&db)
        .and_then(|c| c.query_row("PRAGMA user_version", [], |r| r.get(0)))
        .expect("version");
    assert_eq!(version, 10);
}

#[test]
fn old_rows_sort_in_the_order_they_happened() {
    let (_dir, db) = old_database();
    // The claim (4, written to the second) and the erasure in the same second (5, written with
    // nanoseconds): as text, the later one sorted first.
    let by_id: Vec<i64> = (1..=8).collect();
    assert_ne!(audit_order(&db), by_id, "the fixture shows the old fault");
    let mut store = Store::open(&db).expect("open");
    assert_eq!(audit_order(&db), by_id);
    // Counts and waits computed from old rows.
    let now = at("2026-11-30T18:46:00Z");
    let stats = store
        .in_transaction(|c| signpost::queue::stats(c, now))
        .expect("stats");
    assert_eq!(stats.claimed_today, 1);
    assert_eq!(stats.oldest_open_minutes, Some(240));
    let median = stats.median_wait_minutes.expect("a wait");
    assert!((median - 49.0 / 60.0).abs() < 1e-9, "{median}");
}

#[test]
fn the_retention_purge_still_goes_by_age_on_old_rows() {
    let (_dir, db) = old_database();
    let mut store = Store::open(&db).expect("open");
    let purge = |store: &mut Store, now: DateTime<Utc>| {
        store
            .in_transaction(|c| signpost::privacy::purge(c, 90, now))
            .expect("purge")
    };
    let days = Duration::days(90);
    // Ann's conversation was last touched at 14:45:43.926 (stored with nanoseconds), Bob's
    // at 14:46:00.876: ninety days after Bob's second, only Ann's has aged out.
    let p = purge(&mut store, at("2026-11-30T14:46:00Z") + days);
    assert_eq!((p.conversations, p.referrals), (1, 0));
    // The closed referral goes ninety days after it was closed, to the second; the open one
    // stays however old.
    let closed = at("2026-11-30T14:46:36Z");
    let p = purge(&mut store, closed + days);
    assert_eq!((p.conversations, p.referrals), (2, 0));
    let p = purge(&mut store, closed + days + Duration::seconds(1));
    assert_eq!((p.conversations, p.referrals), (0, 1));
    let left: Vec<_> = store
        .list(None)
        .expect("list")
        .into_iter()
        .map(|q| q.reference)
        .collect();
    assert_eq!(left, ["SP-HK49"]);
    // Every time written since is in the one format too.
    for (key, t) in times(&db) {
        assert_eq!(t, stamp(at(&t)), "{key:?}");
    }
}

#[test]
fn text_that_is_not_a_time_is_left_as_it_was() {
    // Text that is not a time is left as it was by the migration, and reads as no time.
    let (_dir, db) = old_database();
    Connection::open(&db)
        .and_then(|c| c.execute("UPDATE staff SET seen_at = 'a while ago'", []))
        .expect("odd value");
    drop(
        Store::open(&db)
            .map_err(|e: StoreError| e.to_string())
            .expect("opens"),
    );
    let seen: String = Connection::open(&db)
        .and_then(|c| c.query_row("SELECT seen_at FROM staff", [], |r| r.get(0)))
        .expect("read");
    assert_eq!(seen, "a while ago");
    assert_eq!(Timestamp::parse(&seen), None);
}
