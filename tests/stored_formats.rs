//! Stored formats survive upgrades: sessions written by the release before versioning
//! (`tests/fixtures/sessions/v1/`, captured from `signpost chat` before the format changed) load
//! and carry on where they were; one that cannot be read starts again politely, and words of
//! crisis typed then are still answered.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use chrono::Utc;
use signpost::content::locales::strip_isolation;
use signpost::engine::Input;
use signpost::store::format::{SESSION_VERSION, decode_session};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sessions/v1")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(format!("{name}.json"))).expect("fixture")
}

/// A database whose terminal user has `state` as their stored session.
fn database_with(state: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    drop(signpost::store::Store::open(&db).expect("create"));
    let c = rusqlite::Connection::open(&db).expect("open");
    c.execute(
        "INSERT INTO sessions (channel, user_id, state, updated_at) VALUES ('terminal', 'local', ?1, ?2)",
        rusqlite::params![state, Utc::now().to_rfc3339()],
    )
    .expect("insert");
    (dir, db)
}

fn chat(db: &Path, stdin: &str) -> (Output, String) {
    let o = common::run(db, &["chat"], stdin.as_bytes(), &[]);
    let text = strip_isolation(&String::from_utf8_lossy(&o.stdout));
    (o, text)
}

#[test]
fn every_session_of_the_last_release_loads_and_answers() {
    let engine = common::engine();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(fixtures()).expect("fixtures") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(
            !text.contains("\"v\""),
            "{}: a version-1 session has no v",
            path.display()
        );
        let session = decode_session(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!session.unreadable);
        let out = engine.step(
            &session,
            Input::Start {
                lang_hint: None,
                link: None,
            },
            &common::ctx(),
        );
        assert!(!out.replies.is_empty(), "{}", path.display());
        let all: String = out.replies.iter().map(|r| r.text.clone()).collect();
        assert!(
            !all.contains("has been updated"),
            "{}: restarted instead of carrying on: {all}",
            path.display()
        );
        names.push(
            path.file_stem()
                .expect("name")
                .to_string_lossy()
                .into_owned(),
        );
    }
    names.sort();
    assert_eq!(
        names,
        [
            "bengali",
            "crisis-asking",
            "crisis-flagged",
            "editing",
            "needs-ticked",
            "picker",
            "privacy",
            "sent",
            "summary",
            "waiting"
        ]
    );
    // What each kept, read back.
    let s = decode_session(&fixture("summary")).expect("summary");
    assert_eq!(s.node, "summary");
    assert_eq!(s.answers.len(), 11);
    let s = decode_session(&fixture("crisis-asking")).expect("asking");
    assert!(s.asking.is_some() && s.flags.len() == 1);
    let s = decode_session(&fixture("editing")).expect("editing");
    assert_eq!(s.editing.as_deref(), Some("summary"));
    let s = decode_session(&fixture("needs-ticked")).expect("needs");
    assert_eq!(s.picks, ["money", "lonely"]);
    // Sessions from before unmet needs were recorded say so: not recorded, not "none unmet".
    let s = decode_session(&fixture("sent")).expect("sent");
    assert_eq!(s.unmet, None);
}

#[test]
fn a_conversation_stored_by_the_last_release_carries_on_after_the_upgrade() {
    let (_dir, db) = database_with(&fixture("summary"));
    let (o, text) = chat(&db, "1\n");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(text.contains("Name: Samira Begum"), "{text}");
    assert!(text.contains("Your reference is "), "{text}");
    let q = common::run(&db, &["queue", "list", "--json"], b"", &[]);
    let v: serde_json::Value = serde_json::from_slice(&q.stdout).expect("JSON");
    assert_eq!(v[0]["answers"]["name"], "Samira Begum");
    assert_eq!(v[0]["answers"]["phone"], "07700900462");
    // Services are suggested after the summary, so its unmet needs are recorded although the
    // session was stored before they were.
    assert!(v[0]["unmet"].is_array(), "{}", v[0]);
    // Written back in the current format.
    let c = rusqlite::Connection::open(&db).expect("open");
    let state: String = c
        .query_row("SELECT state FROM sessions", [], |r| r.get(0))
        .expect("session");
    assert!(
        state.contains(&format!("\"v\":{SESSION_VERSION}")),
        "{state}"
    );
}

#[test]
fn a_session_that_cannot_be_read_starts_again_politely() {
    for state in [
        r#"{"started":"yes","node":7}"#,
        "not json at all",
        r#"{"v":99,"started":true}"#,
    ] {
        let (_dir, db) = database_with(state);
        let (o, text) = chat(&db, "1\n");
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(0), "{err}");
        assert!(
            text.starts_with("Sorry, this service has been updated since we last spoke"),
            "{text}"
        );
        assert!(
            text.contains("Which language would you like to use?"),
            "{text}"
        );
        // The language was picked: the conversation goes on.
        assert!(text.contains("1. Yes, that's OK"), "{text}");
        assert!(!text.contains("try again"), "{text}");
        assert!(
            !err.contains(state),
            "the stored content is not logged: {err}"
        );
    }
}

#[test]
fn words_of_crisis_are_answered_when_a_conversation_starts_again() {
    // Unreadable, or at a step the content no longer has: the routes come with the restart.
    let engine = common::engine();
    let unreadable = signpost::engine::Session {
        unreadable: true,
        lang_hint: Some("en-GB".into()),
        ..Default::default()
    };
    let mut removed = decode_session(&fixture("crisis-flagged")).expect("fixture");
    removed.node = "a-question-we-removed".into();
    for session in [unreadable, removed] {
        let out = engine.step(
            &session,
            Input::Text("I want to kill myself".into()),
            &common::ctx(),
        );
        let all: String = out
            .replies
            .iter()
            .map(|r| strip_isolation(&r.text))
            .collect();
        assert!(all.contains("has been updated"), "{all}");
        assert!(all.contains("116 123") && all.contains("999"), "{all}");
    }
}

#[test]
fn a_conversation_that_went_quiet_before_nudges_existed_is_not_nudged_until_its_next_step() {
    // The database of an older release (schema 6), with a Telegram conversation part way
    // through, consent given, quiet for days.
    let sql = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store/v6.sql"),
    )
    .expect("fixture");
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("v6.db");
    let c = rusqlite::Connection::open(&db).expect("open");
    c.execute_batch(&sql).expect("load fixture");
    c.execute(
        "INSERT INTO sessions (channel, user_id, state, updated_at)
         SELECT 'telegram', '77', state, updated_at FROM sessions WHERE user_id = 'cat'",
        [],
    )
    .expect("a Telegram conversation");
    drop(c);

    let engine = common::engine();
    let mut store = signpost::store::Store::open(&db).expect("upgraded");
    let nudging = signpost::app::nudge::Nudging {
        after: Some(chrono::Duration::hours(1)),
        quiet: None,
    };
    let due = |store: &mut signpost::store::Store, at| {
        store
            .in_transaction(|c| {
                signpost::app::nudge::take_due(
                    c,
                    &engine,
                    signpost::store::Channel::Telegram,
                    &nudging,
                    at,
                    10,
                )
            })
            .expect("due")
    };
    // No burst of nudges to people who left long before the upgrade.
    let now = Utc::now();
    assert!(
        due(&mut store, now + chrono::Duration::days(1))
            .nudges
            .is_empty()
    );
    // Their next step arms it, and they carry on where they were.
    let answer = store
        .in_transaction(|c| {
            signpost::app::resident::answer(
                c,
                &engine,
                signpost::app::resident::Resident {
                    channel: signpost::store::Channel::Telegram,
                    user: "77",
                },
                signpost::app::resident::Said::Press {
                    node: "needs".into(),
                    choice: "money".into(),
                },
                signpost::app::resident::Hint::None,
                now,
            )
        })
        .expect("a step");
    assert_eq!(answer.replies[0].node.as_deref(), Some("needs"));
    let later = due(&mut store, now + chrono::Duration::hours(1));
    let users: Vec<&str> = later.nudges.iter().map(|n| n.user.as_str()).collect();
    assert_eq!(users, ["77"]);
}
