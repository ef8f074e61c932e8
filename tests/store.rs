//! The store: one transaction per step, a duplicate reference changes nothing, the crisis
//! flag reaches an open referral, anonymous sessions are deleted, reopening keeps everything.

mod common;

use std::collections::BTreeMap;

use chrono::{TimeZone, Utc};
use signpost::chat::{apply, apply_with};
use signpost::engine::{Answer, Effect, Input, Referral, Session};
use signpost::store::{Channel, Status, Store, StoreError};

fn referral(reference: &str, minute: u32) -> Referral {
    let mut answers = BTreeMap::new();
    answers.insert("name".to_string(), Answer::Text("Sam".into()));
    answers.insert(
        "needs".to_string(),
        Answer::Choices(vec!["money".into(), "food".into()]),
    );
    answers.insert("dob".to_string(), Answer::Skipped("prefer-not".into()));
    Referral {
        reference: reference.to_string(),
        created_at: Utc
            .with_ymd_and_hms(2026, 11, 24, 9, minute, 0)
            .single()
            .expect("date"),
        language: "en-GB".into(),
        urgent: false,
        answers,
        needs: vec!["money".into(), "food".into()],
        services: vec!["food-bank-e3".into()],
        consent_at: Some("2026-11-24T09:00:00Z".into()),
        notice_version: Some("2026-11".into()),
    }
}

fn session(node: &str) -> Session {
    Session {
        started: true,
        flow: "self-referral".into(),
        node: node.into(),
        lang: Some("en-GB".into()),
        ..Session::default()
    }
}

#[test]
fn a_step_and_its_referral_are_stored_together() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    let mut store = Store::open(&db).expect("open");
    let now = Utc::now();
    store
        .commit_step(
            Channel::Telegram,
            "42",
            &session("goodbye"),
            &[Effect::Queue(referral("SP-AAAA", 1))],
            now,
        )
        .expect("commit");
    drop(store);
    let store = Store::open(&db).expect("reopen");
    assert_eq!(
        store
            .load_session(Channel::Telegram, "42")
            .expect("load")
            .expect("session")
            .node,
        "goodbye"
    );
    assert!(
        store
            .load_session(Channel::Terminal, "42")
            .expect("load")
            .is_none(),
        "sessions are per channel"
    );
    let q = store.list(None).expect("list");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].reference, "SP-AAAA");
    assert_eq!(q[0].created_at, "2026-11-24T09:01:00Z");
    assert_eq!(q[0].answers["dob"], serde_json::Value::Null);
    assert_eq!(q[0].answers["needs"], serde_json::json!(["money", "food"]));
    assert_eq!(q[0].user_id, "42");
    assert_eq!(q[0].channel, "telegram");
}

#[test]
fn a_duplicate_reference_rolls_back_the_whole_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("s.db")).expect("open");
    let now = Utc::now();
    store
        .commit_step(
            Channel::Terminal,
            "a",
            &session("goodbye"),
            &[Effect::Queue(referral("SP-AAAA", 1))],
            now,
        )
        .expect("first");
    store
        .commit_step(Channel::Terminal, "b", &session("summary"), &[], now)
        .expect("b at summary");
    let err = store
        .commit_step(
            Channel::Terminal,
            "b",
            &session("goodbye"),
            &[Effect::Queue(referral("SP-AAAA", 2))],
            now,
        )
        .expect_err("duplicate");
    assert!(matches!(err, StoreError::DuplicateReference(ref r) if r == "SP-AAAA"));
    assert_eq!(
        store
            .load_session(Channel::Terminal, "b")
            .expect("load")
            .expect("session")
            .node,
        "summary",
        "the session did not move on"
    );
    let q = store.list(None).expect("list");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].user_id, "a");
}

#[test]
fn a_taken_reference_is_drawn_again_before_the_person_is_told() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("s.db")).expect("open");
    store
        .commit_step(
            Channel::Terminal,
            "first",
            &session("goodbye"),
            &[Effect::Queue(referral("SP-AAAA", 1))],
            Utc::now(),
        )
        .expect("first");
    let engine = common::engine();
    let mut c = common::Convo::new(engine.clone(), Some("en-GB"));
    common::to_summary(&mut c);
    let mut draws = vec!["SP-BBBB", "SP-AAAA", "SP-AAAA"];
    let out = apply_with(
        &engine,
        &mut store,
        (Channel::Terminal, "second"),
        &c.session,
        Input::Choice {
            node: "summary".into(),
            choice: "confirm".into(),
        },
        || draws.pop().expect("a draw").to_string(),
    )
    .expect("apply");
    assert_eq!(out.session.reference.as_deref(), Some("SP-BBBB"));
    let told: String = out.replies.iter().map(|r| r.text.clone()).collect();
    assert!(
        told.contains("SP-BBBB") && !told.contains("SP-AAAA"),
        "{told}"
    );
    let listed: Vec<_> = store
        .list(Some(Status::Open))
        .expect("list")
        .into_iter()
        .map(|q| (q.reference, q.user_id))
        .collect();
    assert_eq!(
        listed,
        [
            ("SP-AAAA".to_string(), "first".to_string()),
            ("SP-BBBB".to_string(), "second".to_string())
        ]
    );
    // And a plain `apply` draws at random.
    let mut d = common::Convo::new(engine.clone(), Some("en-GB"));
    common::to_summary(&mut d);
    let out = apply(
        &engine,
        &mut store,
        Channel::Terminal,
        "third",
        &d.session,
        Input::Choice {
            node: "summary".into(),
            choice: "confirm".into(),
        },
    )
    .expect("apply");
    assert!(signpost::reference::is_reference(
        out.session.reference.as_deref().unwrap_or_default()
    ));
}

#[test]
fn crisis_marks_the_persons_open_referral_urgent_and_sorts_it_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("s.db")).expect("open");
    let now = Utc::now();
    for (user, r) in [("early", "SP-AAAA"), ("late", "SP-BBBB")] {
        let minute = if user == "early" { 1 } else { 5 };
        store
            .commit_step(
                Channel::Telegram,
                user,
                &session("goodbye"),
                &[Effect::Queue(referral(r, minute))],
                now,
            )
            .expect("commit");
    }
    let order: Vec<_> = store
        .list(None)
        .expect("list")
        .into_iter()
        .map(|q| q.reference)
        .collect();
    assert_eq!(order, ["SP-AAAA", "SP-BBBB"], "oldest first");
    store
        .commit_step(
            Channel::Telegram,
            "late",
            &session("goodbye"),
            &[Effect::Crisis],
            now,
        )
        .expect("crisis");
    let q = store.list(None).expect("list");
    assert_eq!(q[0].reference, "SP-BBBB");
    assert_eq!(q[0].priority, "urgent");
    assert_eq!(q[1].priority, "normal");
}

#[test]
fn an_anonymous_conversation_leaves_no_session() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("s.db")).expect("open");
    let now = Utc::now();
    store
        .commit_step(Channel::Telegram, "7", &session("anon-needs"), &[], now)
        .expect("commit");
    store
        .commit_step(
            Channel::Telegram,
            "7",
            &session("anon-goodbye"),
            &[Effect::DeleteSession],
            now,
        )
        .expect("commit");
    assert!(
        store
            .load_session(Channel::Telegram, "7")
            .expect("load")
            .is_none()
    );
}

#[test]
fn reopening_runs_no_migration_twice_and_uses_wal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    drop(Store::open(&db).expect("create"));
    drop(Store::open(&db).expect("reopen"));
    let c = rusqlite::Connection::open(&db).expect("open");
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("pragma");
    assert_eq!(mode, "wal");
    let version: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("pragma");
    assert_eq!(version, 4, "every migration applied, once");
    let app: i32 = c
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .expect("pragma");
    assert_eq!(app, signpost::store::APPLICATION_ID);
    // STRICT tables refuse wrong types and bad statuses.
    let bad = c.execute(
        "INSERT INTO referrals (reference, created_at, channel, user_id, language, priority, answers, needs, services, status)
         VALUES ('SP-ZZZZ', 'now', 'terminal', 'x', 'en-GB', 'normal', '{}', '[]', '[]', 'lost')",
        [],
    );
    assert!(
        bad.is_err(),
        "a status outside open/claimed/closed is refused"
    );
}

#[test]
fn a_missing_folder_for_the_database_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = Store::open(&dir.path().join("no/such/folder/s.db"))
        .err()
        .expect("fails");
    assert!(
        err.to_string().starts_with("cannot open the database"),
        "{err}"
    );
}
