//! A person's rights, through the real binary: `mydata` shows them everything held, `forget`
//! erases it so that not one byte of their name or number is left in the database file or its
//! write-ahead log, and `purge` applies the retention period.

mod common;

use std::io::{BufRead, Read, Write};
use std::path::Path;
use std::process::Output;

use common::{contains, file_bytes, ok, refused};
use serde_json::Value;

fn signpost(db: &Path, args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Output {
    common::run(db, args, stdin, env)
}

/// A whole referral in the terminal chat, with a name, phone number and story of one's own.
fn refer(db: &Path, user: &str, name: &str, phone: &str, story: &str) -> String {
    let script = format!(
        "1\n1\n1\n3\ndone\n{story}\n{name}\n3/7/1958\nBlithehale Health Centre\nPhone me\n\
         {phone}\n1\ne1 6an\n2\n1\n"
    );
    let text = ok(&signpost(
        db,
        &["chat", "--user", user],
        script.as_bytes(),
        &[],
    ));
    text.split("Your reference is ")
        .nth(1)
        .and_then(|r| r.get(..7))
        .expect("a reference")
        .to_string()
}

fn json(o: &Output) -> Value {
    serde_json::from_str(&ok(o)).expect("JSON")
}

#[test]
fn mydata_shows_everything_and_forget_leaves_no_byte_of_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    let (name, phone, story) = (
        "Zebedee Quintrell",
        "07700 900461",
        "My marmalade cat died and the flat is so quiet now.",
    );
    let first = refer(&db, "alice", name, phone, story);
    let bobs = refer(
        &db,
        "bob",
        "Bartholomew Ffinch",
        "07700 900777",
        "Money is tight.",
    );
    // A prescriber takes Alice's first request, notes something personal, and closes it.
    let claimed = json(&signpost(
        &db,
        &["queue", "claim", "--by", "kim", "--json"],
        b"",
        &[],
    ));
    assert_eq!(claimed["reference"], first.as_str());
    ok(&signpost(
        &db,
        &[
            "queue",
            "note",
            &first,
            "Spoke to Zebedee Quintrell on 07700900461",
            "--by",
            "kim",
        ],
        b"",
        &[],
    ));
    ok(&signpost(
        &db,
        &[
            "queue",
            "close",
            &first,
            "--outcome",
            "Joined a walking group",
            "--by",
            "kim",
        ],
        b"",
        &[],
    ));
    // She comes back with a second request, which waits in the queue.
    let second = refer(&db, "alice", name, phone, story);
    assert_ne!(first, second);

    // A subject access request: everything, in plain words.
    let mine = ok(&signpost(
        &db,
        &["mydata", "--user", "alice", "--channel", "terminal"],
        b"",
        &[],
    ));
    for expected in [
        "Here is everything we hold about you.",
        &format!("Your request {first}, made on "),
        ": closed.",
        &format!("Your request {second}, made on "),
        ": waiting for a social prescriber.",
        "Name: Zebedee Quintrell",
        "Phone: 07700 900461",
        story,
        "You agreed to our privacy notice (version ",
        "The team has written one note about your request.",
        "What happened: Joined a walking group",
        "To delete all of this, send /forget.",
    ] {
        assert!(
            mine.contains(expected),
            "{expected:?} missing from:\n{mine}"
        );
    }
    assert!(
        !mine.contains("Spoke to"),
        "a prescriber's note is counted, not quoted"
    );
    assert!(!mine.contains("Bartholomew"), "only her own data");
    let held = json(&signpost(
        &db,
        &[
            "mydata",
            "--user",
            "alice",
            "--channel",
            "terminal",
            "--json",
        ],
        b"",
        &[],
    ));
    assert_eq!(held["referrals"].as_array().map(Vec::len), Some(2));
    assert_eq!(held["referrals"][1]["answers"]["phone"], "07700900461");
    assert_eq!(held["notes"][&first][0]["author"], "kim");
    // The same copy in Bengali.
    let bengali = ok(&signpost(
        &db,
        &[
            "mydata",
            "--user",
            "alice",
            "--channel",
            "terminal",
            "--lang",
            "bn",
        ],
        b"",
        &[],
    ));
    assert!(bengali.contains("আপনার অনুরোধ"), "{bengali}");
    assert!(bengali.contains(name), "{bengali}");

    let before = file_bytes(&db);
    assert!(
        contains(&before, "Quintrell") && contains(&before, "07700900461"),
        "the byte search finds what is there"
    );

    // Erasure.
    let o = signpost(
        &db,
        &["forget", "--user", "alice", "--channel", "terminal"],
        b"",
        &[("RUST_LOG", "info")],
    );
    let said = ok(&o);
    assert!(
        said.contains(&format!("deleted referrals: {second}"))
            && said.contains(&format!("anonymised closed referrals: {first}")),
        "{said}"
    );
    let log = String::from_utf8_lossy(&o.stderr);
    assert!(
        !log.contains("Quintrell") && !log.contains("alice"),
        "{log}"
    );
    let after = file_bytes(&db);
    for gone in ["Zebedee", "Quintrell", "07700900461", "900461", "marmalade"] {
        assert!(!contains(&after, gone), "{gone:?} is still in the file");
    }
    assert!(
        contains(&after, "Bartholomew"),
        "other people's data is untouched"
    );

    // What remains: Bob's request, and Alice's closed one with no personal field.
    let all = json(&signpost(&db, &["queue", "list", "--json"], b"", &[]));
    let all = all.as_array().expect("array");
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(all.iter().any(|r| r["reference"] == bobs.as_str()));
    let kept = all
        .iter()
        .find(|r| r["reference"] == first.as_str())
        .expect("the closed referral is kept for the service's records");
    assert_eq!(kept["user_id"], "erased");
    assert_eq!(kept["answers"], serde_json::json!({}));
    assert_eq!(kept["needs"], serde_json::json!(["mental", "money"]));
    assert_eq!(kept["outcome"], "Joined a walking group");
    assert_eq!(kept["claimed_by"], "kim");
    assert!(kept["consent_at"].is_string() && kept["notice_version"].is_string());
    let notes = json(&signpost(
        &db,
        &["queue", "show", &first, "--json"],
        b"",
        &[],
    ));
    assert_eq!(notes["notes"], serde_json::json!([]), "{notes}");

    // An audit row records the erasure, and nothing about her.
    let c = rusqlite::Connection::open(&db).expect("open");
    let (event, count): (String, i64) = c
        .query_row(
            "SELECT event, count FROM audit WHERE event = 'data-erased'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("an audit row");
    // Her conversation (finished, holding only her language and reference) and two requests.
    assert_eq!((event.as_str(), count), ("data-erased", 3));
    drop(c);

    let nothing = ok(&signpost(
        &db,
        &["mydata", "--user", "alice", "--channel", "terminal"],
        b"",
        &[],
    ));
    assert_eq!(
        nothing.trim(),
        "We hold nothing about you: no answers and no request."
    );
    let again = ok(&signpost(
        &db,
        &["forget", "--user", "alice", "--channel", "terminal"],
        b"",
        &[],
    ));
    assert_eq!(again.trim(), "Nothing was held for terminal user alice.");
}

#[test]
fn an_unfinished_conversation_is_shown_and_erased_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    // Consent, a need, the story, then the chat stops before the name.
    ok(&signpost(
        &db,
        &["chat", "--user", "7001"],
        b"1\n1\n3\ndone\nThe damp in my flat at 14 Quillby Road\n",
        &[],
    ));
    let mine = ok(&signpost(
        &db,
        &["mydata", "--user", "7001", "--channel", "terminal"],
        b"",
        &[],
    ));
    assert!(mine.contains("Your answers so far:"), "{mine}");
    assert!(mine.contains("Quillby Road"), "{mine}");
    assert!(
        mine.contains("You agreed to our privacy notice (version "),
        "{mine}"
    );
    assert!(!mine.contains("consent:"), "{mine}");
    // The Telegram channel is a different person with the same number.
    let other = ok(&signpost(
        &db,
        &["mydata", "--user", "7001", "--channel", "telegram"],
        b"",
        &[],
    ));
    assert!(other.contains("We hold nothing"), "{other}");
    // Without --channel every channel is looked in, and the operator told where it was found
    // (on stderr: stdout is the copy for the person).
    let o = signpost(&db, &["mydata", "--user", "7001"], b"", &[]);
    let found = ok(&o);
    assert_eq!(found, mine);
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "Found in the terminal channel.\n"
    );
    let erased = json(&signpost(
        &db,
        &[
            "forget",
            "--user",
            "7001",
            "--channel",
            "terminal",
            "--json",
        ],
        b"",
        &[],
    ));
    assert_eq!(erased["conversations"], 1);
    assert!(!contains(&file_bytes(&db), "Quillby"));
}

/// Moves a stored time back by `days` (the tests cannot wait 90 days).
fn age(db: &Path, sql: &str, days: i64) {
    let c = rusqlite::Connection::open(db).expect("open");
    let then = (chrono::Utc::now() - chrono::Duration::days(days)).to_rfc3339();
    c.execute(sql, [then]).expect("age a record");
}

#[test]
fn purge_keeps_what_is_recent_or_still_waiting() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    // An abandoned conversation, and one from today.
    for user in ["old", "new"] {
        ok(&signpost(
            &db,
            &["chat", "--user", user],
            b"1\n1\n3\ndone\n",
            &[],
        ));
    }
    age(
        &db,
        "UPDATE sessions SET updated_at = ?1 WHERE user_id = 'old'",
        91,
    );
    // Three requests: closed long ago, closed today, and open for 200 days (still waiting).
    let closed_old = refer(&db, "a", "Annabel Oldroyd", "07700 900001", "Alone.");
    let closed_new = refer(&db, "b", "Ben", "07700 900002", "Alone.");
    let waiting = refer(&db, "c", "Cat", "07700 900003", "Alone.");
    for r in [&closed_old, &closed_new] {
        ok(&signpost(&db, &["queue", "claim", "--by", "kim"], b"", &[]));
        ok(&signpost(
            &db,
            &["queue", "close", r, "--outcome", "Done", "--by", "kim"],
            b"",
            &[],
        ));
    }
    age(
        &db,
        &format!("UPDATE referrals SET closed_at = ?1 WHERE reference = '{closed_old}'"),
        120,
    );
    age(
        &db,
        &format!("UPDATE referrals SET created_at = ?1 WHERE reference = '{waiting}'"),
        200,
    );

    // A longer retention period from the environment purges nothing yet.
    let none = json(&signpost(
        &db,
        &["purge", "--json"],
        b"",
        &[("SIGNPOST_RETENTION_DAYS", "365")],
    ));
    assert_eq!(none["conversations"], 0);
    assert_eq!(none["referrals"], 0);

    assert!(contains(&file_bytes(&db), "Oldroyd"), "there to be purged");
    let said = ok(&signpost(&db, &["purge"], b"", &[]));
    assert!(
        said.starts_with("Purged (older than 90 days): 1 conversation(s), 1 closed referral(s)"),
        "{said}"
    );
    let left: Vec<String> = json(&signpost(&db, &["queue", "list", "--json"], b"", &[]))
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["reference"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(!left.contains(&closed_old), "{left:?}");
    assert!(
        left.contains(&closed_new) && left.contains(&waiting),
        "{left:?}"
    );
    let c = rusqlite::Connection::open(&db).expect("open");
    let users: Vec<String> = c
        .prepare("SELECT user_id FROM sessions ORDER BY user_id")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(users, ["a", "b", "c", "new"], "only the abandoned one went");
    assert!(!contains(&file_bytes(&db), "Oldroyd"), "purged means gone");

    // Bad retention periods are refused, and nothing is purged.
    let e = refused(&signpost(
        &db,
        &["purge", "--retention-days", "0"],
        b"",
        &[],
    ));
    assert!(e.contains("at least 1 day"), "{e}");
    let e = refused(&signpost(
        &db,
        &["purge"],
        b"",
        &[("SIGNPOST_RETENTION_DAYS", "ninety")],
    ));
    assert!(e.contains("ninety"), "{e}");
    let e = refused(&signpost(&db, &["forget"], b"", &[]));
    assert!(e.contains("--user"), "{e}");
    // The id anonymised records carry is no one's.
    for args in [
        &["mydata", "--user", "erased", "--channel", "terminal"][..],
        &["forget", "--user", "erased", "--channel", "terminal"],
        &["chat", "--user", "erased"],
    ] {
        let e = refused(&signpost(&db, args, b"", &[]));
        assert!(e.contains("marks erased records"), "{e}");
    }
}

/// Stdout without the isolation marks around placeables.
fn plain(o: &Output) -> String {
    signpost::content::locales::strip_isolation(&ok(o))
}

#[test]
fn in_the_terminal_chat_mydata_and_forget_work_at_any_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    // Part way through: a copy of what is held, then the same question again.
    let script = "1\n1\n3\ndone\nDamp in the flat\nPhilippa Quarrington\n/mydata\n";
    let text = plain(&signpost(
        &db,
        &["chat", "--user", "pq"],
        script.as_bytes(),
        &[],
    ));
    let copy = text
        .split("Here is everything we hold about you.")
        .nth(1)
        .expect("a copy of the data");
    for held in [
        "Philippa Quarrington",
        "Damp in the flat",
        "To delete all of this",
    ] {
        assert!(copy.contains(held), "{held:?} missing:\n{copy}");
    }
    assert!(
        copy.trim_end().ends_with(
            "What is your date of birth? For example: 25/12/1970. Your GP surgery uses it to \
             find your record.\n1. I'd rather not say"
        ),
        "the question again:\n{copy}"
    );

    // "No", or anything but the first choice, keeps everything.
    let text = plain(&signpost(
        &db,
        &["chat", "--user", "pq"],
        b"/forget\n2\n/forget\nmaybe\n/forget\n\n/forget\n   \n",
        &[],
    ));
    assert_eq!(
        text.matches("Are you sure?\n1. Yes, delete it\n2. No, keep it\n")
            .count(),
        4,
        "{text}"
    );
    assert_eq!(text.matches("Nothing was deleted.").count(), 4, "{text}");
    assert!(contains(&file_bytes(&db), "Quarrington"), "kept");

    // Words of crisis at the question are answered at once, and nothing is erased.
    let text = plain(&signpost(
        &db,
        &["chat", "--user", "pq"],
        b"/forget\nI want to end my life\n",
        &[],
    ));
    assert!(
        text.contains("call 999") && text.contains("116 123"),
        "{text}"
    );
    assert!(contains(&file_bytes(&db), "Quarrington"), "kept");

    // Yes: nothing of her is left in the file or its log while the chat is still open, and
    // what is typed next starts afresh.
    let mut chat = common::spawn(&db, &["chat", "--user", "pq"], &[]);
    let mut input = chat.stdin.take().expect("stdin");
    let mut output = std::io::BufReader::new(chat.stdout.take().expect("stdout"));
    input.write_all(b"/forget\n1\n").expect("write");
    input.flush().expect("flush");
    let mut line = String::new();
    while !line.contains("Done: we have deleted what we held about you.") {
        line.clear();
        let n = output.read_line(&mut line).expect("read");
        assert!(n > 0, "the chat ended before confirming");
    }
    let bytes = file_bytes(&db);
    for gone in ["Quarrington", "Philippa", "Damp in the flat"] {
        assert!(!contains(&bytes, gone), "{gone:?} is still in the database");
    }
    input.write_all(b"/mydata\nhello\n").expect("write");
    drop(input);
    let mut text = String::new();
    output.read_to_string(&mut text).expect("read");
    assert!(chat.wait().expect("wait").success());
    let text = signpost::content::locales::strip_isolation(&text);
    assert!(
        text.contains("We hold nothing about you: no answers and no request."),
        "{text}"
    );
    assert!(
        text.contains("Hello, and welcome."),
        "starts afresh:\n{text}"
    );
}

#[test]
fn forgetting_in_the_terminal_withdraws_a_waiting_callback() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    let reference = refer(&db, "zq", "Zebedee Quintrell", "07700 900555", "Lonely.");
    let listed = ok(&signpost(&db, &["queue", "list", "--json"], b"", &[]));
    assert!(listed.contains(&reference));
    let text = plain(&signpost(
        &db,
        &["chat", "--user", "zq"],
        b"/forget\nYes, delete it\n",
        &[],
    ));
    assert!(
        text.contains("Done: we have deleted what we held about you."),
        "{text}"
    );
    let listed = ok(&signpost(&db, &["queue", "list", "--json"], b"", &[]));
    assert!(!listed.contains(&reference), "withdrawn: {listed}");
    let bytes = file_bytes(&db);
    for gone in ["Quintrell", "900555"] {
        assert!(!contains(&bytes, gone), "{gone:?} is still in the database");
    }
}

#[test]
fn an_erasure_while_another_program_reads_is_finished_by_the_next_checkpoint() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    refer(&db, "rd", "Rosalind Dunnock", "07700 900321", "Alone.");
    // Another program (a database browser, a backup) is in the middle of a read.
    let reader = rusqlite::Connection::open(&db).expect("open");
    reader.execute_batch("BEGIN").expect("begin");
    let seen: i64 = reader
        .query_row("SELECT count(*) FROM referrals", [], |r| r.get(0))
        .expect("read");
    assert_eq!(seen, 1);

    let o = signpost(
        &db,
        &["forget", "--user", "rd", "--channel", "terminal"],
        b"",
        &[],
    );
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    let out = ok(&o);
    assert!(out.contains("deleted referrals: SP-"), "{out}");
    assert!(
        err.contains("the write-ahead log is still in use by another process"),
        "the operator is told: {err}"
    );
    assert!(
        contains(&file_bytes(&db), "Dunnock"),
        "an old copy is left while the other program reads, as the warning says"
    );
    let listed = ok(&signpost(&db, &["queue", "list", "--json"], b"", &[]));
    assert_eq!(listed.trim(), "[]", "the request itself is gone");

    // Once that read ends, the next checkpoint (here the purge's) leaves nothing behind.
    reader.execute_batch("COMMIT").expect("commit");
    let o = signpost(&db, &["purge"], b"", &[]);
    ok(&o);
    assert!(
        !String::from_utf8_lossy(&o.stderr).contains("still in use"),
        "emptied this time"
    );
    for gone in ["Dunnock", "900321"] {
        assert!(
            !contains(&file_bytes(&db), gone),
            "{gone:?} is still in the database"
        );
    }
    drop(reader);
}

#[test]
fn without_a_channel_mydata_and_forget_look_in_every_channel() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    // The same id in the terminal chat and on Telegram: two people, or one.
    ok(&signpost(
        &db,
        &["chat", "--user", "5005"],
        b"1\n1\n3\ndone\nMy landlord will not fix the boiler\n",
        &[],
    ));
    {
        let mut store = signpost::store::Store::open(&db).expect("open");
        let session = signpost::engine::Session {
            started: true,
            lang: Some("bn".into()),
            ..Default::default()
        };
        store
            .commit_step(
                signpost::store::Channel::Telegram,
                "5005",
                &session,
                &[],
                chrono::Utc::now(),
            )
            .expect("a Telegram conversation");
    }
    // Which copy to give is the operator's call.
    let err = refused(&signpost(&db, &["mydata", "--user", "5005"], b"", &[]));
    assert_eq!(
        err,
        "signpost: user 5005 has data in more than one channel (terminal and telegram): say which with --channel\n"
    );
    // An erasure request covers both, and says so.
    let out = ok(&signpost(&db, &["forget", "--user", "5005"], b"", &[]));
    assert!(
        out.starts_with("Erased (terminal and telegram user 5005): 2 conversation(s);"),
        "{out}"
    );
    let c = rusqlite::Connection::open(&db).expect("open");
    let left: i64 = c
        .query_row(
            "SELECT count(*) FROM sessions WHERE user_id = '5005'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(left, 0);
    drop(c);
    let again = ok(&signpost(&db, &["forget", "--user", "5005"], b"", &[]));
    assert_eq!(
        again.trim(),
        "Nothing was held for user 5005 in any channel."
    );
    let o = signpost(&db, &["mydata", "--user", "5005"], b"", &[]);
    assert!(ok(&o).contains("We hold nothing"));
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
