//! The store: one transaction per step, a duplicate reference changes nothing, the crisis
//! flag reaches an open referral, anonymous sessions are deleted, reopening keeps everything.

mod common;

use std::collections::BTreeMap;

use chrono::{TimeZone, Utc};
use signpost::chat::{apply, apply_with};
use signpost::engine::{Answer, Effect, Input, Referral, Session};
use signpost::store::{Channel, Priority, Status, Store, StoreError};

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
        unmet: None,
        consent_at: Some("2026-11-24T09:00:00Z".into()),
        notice_version: Some("2026-11".into()),
        flags: Vec::new(),
        team: "central".into(),
        practice: None,
        source: None,
        referred_by: None,
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
    assert_eq!(q[0].channel, Channel::Telegram);
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
    assert_eq!(q[0].priority, Priority::Urgent);
    assert_eq!(q[1].priority, Priority::Normal);
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
    assert_eq!(version, 10, "every migration applied, once");
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

/// A database with one referral in it, closed cleanly (no write-ahead log left).
fn seeded(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("s.db");
    let mut store = Store::open(&db).expect("open");
    store
        .commit_step(
            Channel::Terminal,
            "local",
            &session("done"),
            &[Effect::Queue(referral("SP-AAAA", 1))],
            Utc::now(),
        )
        .expect("seed");
    drop(store);
    db
}

#[test]
fn a_damaged_file_is_refused_with_a_clear_message_and_not_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = seeded(dir.path());
    let mut bytes = std::fs::read(&db).expect("read");
    let page = 4096;
    assert!(bytes.len() >= 3 * page, "several pages");
    // Scribble over the second page (a table's b-tree page), leaving the header intact.
    for b in &mut bytes[page + 8..2 * page - 8] {
        *b = 0xA5;
    }
    std::fs::write(&db, &bytes).expect("damage");
    let e = Store::open(&db).err().expect("refused");
    assert!(
        matches!(e, StoreError::Corrupt { .. }),
        "{e:?} should be Corrupt"
    );
    let msg = e.to_string();
    assert!(
        msg.contains("failed its integrity check") && msg.contains("restore it from a backup"),
        "{msg}"
    );
    assert_eq!(
        std::fs::read(&db).expect("read"),
        bytes,
        "not one byte changed"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_before_anything_is_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let db = seeded(dir.path());
    let before = std::fs::read(&db).expect("read");
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let e = Store::open(&db).err().expect("refused");
    assert!(matches!(e, StoreError::ReadOnly(_)), "{e:?}");
    assert!(e.to_string().contains("is read-only"), "{e}");
    assert_eq!(std::fs::read(&db).expect("read"), before);
    assert!(!db.with_extension("db-wal").exists(), "no log created");
    // The command line says the same in one line, exit 1.
    let err = common::refused(&common::run(&db, &["queue", "list"], b"", &[]));
    assert!(
        err.starts_with("signpost: ") && err.contains("read-only"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn a_file_locked_by_another_program_is_a_clear_error_and_nothing_is_lost() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = seeded(dir.path());
    // Another program holds the file exclusively.
    let other = rusqlite::Connection::open(&db).expect("open");
    other
        .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;")
        .expect("lock");
    let started = std::time::Instant::now();
    let e = Store::open_waiting(&db, std::time::Duration::from_millis(300))
        .err()
        .expect("refused while locked");
    assert!(matches!(e, StoreError::Locked(_)), "{e:?}");
    assert!(e.to_string().contains("locked by another program"), "{e}");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    // Through the command line: one line, exit 1, after the short wait for the lock.
    let err = common::refused(&common::run(&db, &["queue", "list"], b"", &[]));
    assert!(err.contains("locked by another program"), "{err}");
    other.execute_batch("COMMIT").expect("unlock");
    drop(other);
    let store = Store::open(&db).expect("free again");
    assert_eq!(store.list(None).expect("list")[0].reference, "SP-AAAA");
}

#[test]
fn a_full_disk_stores_nothing_of_the_step_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = seeded(dir.path());
    let mut store = Store::open(&db).expect("open");
    // The database may not grow: as if the disk were full.
    store
        .in_transaction(|c| {
            let pages: i64 = c.query_row("PRAGMA page_count", [], |r| r.get(0))?;
            c.query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()))
        })
        .expect("limit");
    let mut big = session("story");
    big.answers.insert(
        "story".into(),
        Answer::Text("All of this matters to me. ".repeat(4000)),
    );
    let e = store
        .commit_step(
            Channel::Terminal,
            "someone-else",
            &big,
            &[Effect::Queue(referral("SP-BBBB", 2))],
            Utc::now(),
        )
        .expect_err("refused");
    assert!(matches!(e, StoreError::DiskFull), "{e:?}");
    assert!(
        e.to_string().contains("disk holding the database is full"),
        "{e}"
    );
    // Nothing of the step was stored, and what was there is intact.
    let refs: Vec<String> = store
        .list(None)
        .expect("list")
        .into_iter()
        .map(|i| i.reference)
        .collect();
    assert_eq!(refs, ["SP-AAAA"]);
    assert!(
        store
            .load_session(Channel::Terminal, "someone-else")
            .expect("load")
            .is_none()
    );
}

#[test]
fn an_unreadable_session_starts_again_without_quoting_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = seeded(dir.path());
    let c = rusqlite::Connection::open(&db).expect("open");
    c.execute(
        "INSERT INTO sessions (channel, user_id, state, updated_at)
         VALUES ('terminal', 'odd', '{\"started\": \"Zebedee Quintrell\"}', '2026-11-24T09:00:00Z')",
        [],
    )
    .expect("insert");
    drop(c);
    let store = Store::open(&db).expect("open");
    // Not an error (that would fail every step of theirs): a fresh start, marked to say so.
    let s = store
        .load_session(Channel::Terminal, "odd")
        .expect("load")
        .expect("a session");
    assert!(s.unreadable && !s.started && s.answers.is_empty());
    // The command line neither fails nor shows the value.
    let o = common::run(
        &db,
        &["mydata", "--user", "odd", "--channel", "terminal"],
        b"",
        &[],
    );
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(o.status.code(), Some(0), "{all}");
    assert!(!all.contains("Zebedee"), "{all}");
}

#[test]
fn a_conversation_saved_before_words_of_crisis_were_kept_still_loads() {
    // A session as signpost stored it before flags and the direct question existed.
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    drop(Store::open(&db).expect("create"));
    let old = r#"{"started":true,"flow":"self-referral","node":"name","lang":"bn","lang_hint":null,
        "picking_language":false,"answers":{"consent":{"kind":"choice","value":"yes"}},
        "history":[],"tries":0,"picks":[],"page":0,"editing":null,"urgent":true,
        "consent_at":"2026-11-01T10:00:00Z","suggested":[],"reference":null,"finished":false}"#;
    let c = rusqlite::Connection::open(&db).expect("open");
    c.execute(
        "INSERT INTO sessions (channel, user_id, state, updated_at) VALUES ('telegram', '5', ?1, '2026-11-01T10:00:00Z')",
        [old],
    )
    .expect("insert");
    drop(c);
    let store = Store::open(&db).expect("reopen");
    let s = store
        .load_session(Channel::Telegram, "5")
        .expect("loads")
        .expect("is there");
    assert_eq!(s.node, "name");
    assert!(s.urgent);
    assert!(s.flags.is_empty() && s.asking.is_none());
}

#[test]
fn words_of_crisis_go_with_the_referral_and_the_answer_is_recorded_on_them() {
    use signpost::crisis::Kind;
    use signpost::engine::{Flag, Flagged, Response};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("s.db")).expect("open");
    let now = Utc::now();
    let at = Utc
        .with_ymd_and_hms(2026, 11, 24, 9, 0, 30)
        .single()
        .expect("date");
    let flag = |words: &str, response| Flag {
        at,
        words: Some(words.into()),
        about: Flagged {
            kinds: vec![Kind::SelfHarm],
            response,
            rules: vec!["en-GB/cant-go-on".into()],
            question: "name".into(),
            answer: None,
        },
    };
    let mut r = referral("SP-FLAG", 1);
    r.flags = vec![flag("I want to die", Response::Shown)];
    store
        .commit_step(
            Channel::Telegram,
            "9",
            &session("goodbye"),
            &[Effect::Queue(r)],
            now,
        )
        .expect("queue");
    // Later, waiting: worrying words, asked about, answered no.
    store
        .commit_step(
            Channel::Telegram,
            "9",
            &session("goodbye"),
            &[Effect::Flagged {
                reference: "SP-FLAG".into(),
                flag: Flag {
                    at: at + chrono::Duration::hours(1),
                    ..flag("whats the point", Response::Asked)
                },
            }],
            now,
        )
        .expect("flagged");
    store
        .commit_step(
            Channel::Telegram,
            "9",
            &session("goodbye"),
            &[Effect::FlagAnswered {
                reference: "SP-FLAG".into(),
                at: at + chrono::Duration::hours(1),
                response: Response::AskedNo,
            }],
            now,
        )
        .expect("answered");
    let notes = store
        .in_transaction(|c| signpost::queue::notes(c, "SP-FLAG"))
        .expect("notes");
    let responses: Vec<_> = notes
        .iter()
        .map(|n| (n.text.as_str(), n.flag.as_ref().map(|f| f.response)))
        .collect();
    assert_eq!(
        responses,
        [
            ("I want to die", Some(Response::Shown)),
            ("whats the point", Some(Response::AskedNo))
        ]
    );
    let item = store
        .in_transaction(|c| signpost::queue::get(c, "SP-FLAG"))
        .expect("get")
        .expect("there");
    let engine = common::engine();
    let shown = signpost::queue::describe(engine.content(), &item, &notes);
    assert!(
        shown.contains("CRISIS 2026-11-24T09:00:30Z (risk to self; emergency numbers shown; at \"name\"): I want to die"),
        "{shown}"
    );
    let mut csv = Vec::new();
    store
        .in_transaction(|c| signpost::queue::export_csv(c, engine.content(), &mut csv))
        .expect("csv");
    assert!(String::from_utf8_lossy(&csv).contains("asked directly, said no"));
}
