//! The real binary: `signpost chat` driven through stdin from start to a queued callback, then
//! `signpost queue list --json`; bad input; bad content; a database that is not ours.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use signpost::content::Arg;
use signpost::content::locales::strip_isolation;

fn signpost(db: &Path, args: &[&str], stdin: &[u8]) -> Output {
    common::run(db, args, stdin, &[])
}

fn out(o: &Output) -> String {
    signpost::content::locales::strip_isolation(&String::from_utf8_lossy(&o.stdout))
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn queue(db: &Path) -> Vec<Value> {
    let o = signpost(db, &["queue", "list", "--json"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    v.as_array().expect("array").clone()
}

const ENGLISH: &str = "1\n1\n1\n3\ndone\nI have been feeling very alone since my wife died.\n\
Sam\n3/7/1958\nBlithehale Health Centre\nPhone me\n07700 900123\n1\ne1 6an\n2\n1\n";

#[test]
fn english_chat_from_start_to_a_queued_callback() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    let o = signpost(&db, &["chat"], ENGLISH.as_bytes());
    let text = out(&o);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        text.starts_with("Which language would you like to use?\n1. English\n"),
        "{text}"
    );
    assert!(
        text.contains("\n1. Yes, that's OK\n2. No, just show me services\n"),
        "{text}"
    );
    assert!(text.contains("1. Feeling low or worried ✓\n"), "{text}");
    let reference = text
        .split("Your reference is ")
        .nth(1)
        .and_then(|r| r.get(..7))
        .expect("a reference")
        .to_string();
    assert!(signpost::reference::is_reference(&reference), "{reference}");
    assert!(
        text.trim_end().ends_with("Samaritans on 116 123."),
        "{text}"
    );

    let q = queue(&db);
    assert_eq!(q.len(), 1, "exactly one referral");
    let r = &q[0];
    assert_eq!(r["reference"], reference.as_str());
    assert_eq!(r["status"], "open");
    assert_eq!(r["priority"], "normal");
    assert_eq!(r["language"], "en-GB");
    assert_eq!(r["channel"], "terminal");
    assert_eq!(r["user_id"], "local");
    assert_eq!(r["needs"], serde_json::json!(["mental", "money"]));
    assert_eq!(r["claimed_by"], Value::Null);
    assert_eq!(r["outcome"], Value::Null);
    let a = &r["answers"];
    assert_eq!(a["name"], "Sam");
    assert_eq!(a["dob"], "1958-07-03");
    assert_eq!(a["gp"], "Blithehale Health Centre");
    assert_eq!(a["contact"], "phone");
    assert_eq!(a["phone"], "07700900123");
    assert_eq!(a["best_time"], "morning");
    assert_eq!(a["postcode"], "E1 6AN");
    assert_eq!(a["interpreter"], "bn");
    assert_eq!(
        a["story"],
        "I have been feeling very alone since my wife died."
    );
    let created = r["created_at"].as_str().expect("created_at");
    assert!(
        chrono::DateTime::parse_from_rfc3339(created).is_ok(),
        "RFC 3339: {created}"
    );
    assert!(
        r["services"]
            .as_array()
            .is_some_and(|s| s.iter().any(|x| x == "talk-together-e1"))
    );

    // The text listing shows the same referral.
    let o = signpost(&db, &["queue", "list"], b"");
    assert!(out(&o).contains(&reference));
    assert!(out(&o).contains("mental,money"));
}

#[test]
fn bengali_chat_from_start_to_a_queued_callback() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    let input = "১\n৭\nহয়ে গেছে\nমন খুব খারাপ থাকে\nরহিম\nবলতে চাই না\nজানি না\n২\nE14 2BG\n২\n১\n";
    let o = signpost(&db, &["chat", "--lang", "bn"], input.as_bytes());
    let text = out(&o);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        text.starts_with("স্বাগতম।"),
        "no language question with --lang: {text}"
    );
    assert!(
        text.contains("১. হ্যাঁ") || text.contains("1. হ্যাঁ, ঠিক আছে"),
        "{text}"
    );
    assert!(text.contains("নাম: রহিম"), "{text}");
    assert!(text.contains("আপনার রেফারেন্স SP-"), "{text}");
    let q = queue(&db);
    assert_eq!(q.len(), 1);
    let r = &q[0];
    assert_eq!(r["language"], "bn");
    assert_eq!(r["needs"], serde_json::json!(["lonely"]));
    assert_eq!(r["answers"]["name"], "রহিম");
    assert_eq!(r["answers"]["story"], "মন খুব খারাপ থাকে");
    assert_eq!(r["answers"]["dob"], Value::Null, "prefer not to say");
    assert_eq!(r["answers"]["contact"], "message");
    assert_eq!(r["answers"]["postcode"], "E14 2BG");
    assert_eq!(r["answers"]["interpreter"], "bn");
}

#[test]
fn a_conversation_resumes_where_it_stopped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    // Stop (end of input) at the name question.
    let o = signpost(
        &db,
        &["chat", "--lang", "en-GB"],
        b"1\n4\ndone\nno thanks\n",
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(
        out(&o)
            .trim_end()
            .ends_with("What would you like us to call you?")
    );
    let o = signpost(&db, &["chat"], b"Jo\n");
    let text = out(&o);
    assert!(
        text.starts_with(
            "Welcome back. Here is where we got to:\n\nWhat would you like us to call you?"
        ),
        "{text}"
    );
    assert!(text.contains("What is your date of birth?"), "{text}");
    assert!(queue(&db).is_empty(), "nothing queued yet");
}

#[test]
fn bad_input_gets_a_clear_message_and_the_chat_carries_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    let mut input: Vec<u8> = Vec::new();
    input.extend_from_slice(b"1\n\n   \n");
    input.extend_from_slice(b"\xff\xfe not utf-8\n");
    input.extend_from_slice(&[b'x'; 10_000]);
    input.extend_from_slice(b"\n4\ndone\n");
    // 200,000 bytes without a newline, then the story (read past the cap, then discarded).
    input.extend_from_slice(&vec![b'y'; 200_000]);
    input.extend_from_slice(b"\nno thanks\nJo\x07\x1b[2J\n");
    let o = signpost(&db, &["chat", "--lang", "en-GB"], &input);
    let text = out(&o);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(!err(&o).contains("panicked"));
    assert!(
        text.contains("Please type an answer, or choose one of the answers below."),
        "{text}"
    );
    assert!(
        text.contains("Sorry, I couldn't read that. Please type it again."),
        "{text}"
    );
    assert!(text.contains("Please keep it under"), "{text}");
    assert!(
        text.contains("What is your date of birth?"),
        "reached the next step: {text}"
    );
    // The stored session holds the name without control characters.
    let store = signpost::store::Store::open(&db).expect("open");
    let s = store
        .load_session(signpost::store::Channel::Terminal, "local")
        .expect("load")
        .expect("a session");
    assert_eq!(
        s.answers.get("name"),
        Some(&signpost::engine::Answer::Text("Jo[2J".into()))
    );
    assert_eq!(
        s.answers.get("needs"),
        Some(&signpost::engine::Answer::Choices(vec!["housing".into()]))
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("notes.db");
    let bytes = b"These are my notes, not a database.\n".repeat(200);
    std::fs::write(&db, &bytes).expect("write");
    for args in [&["chat"][..], &["queue", "list", "--json"][..]] {
        let o = signpost(&db, args, b"1\n");
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(err(&o).contains("is not a SQLite database"), "{}", err(&o));
        assert!(!err(&o).contains("panicked"));
        assert!(o.stdout.is_empty(), "no conversation on a bad database");
    }
    assert_eq!(std::fs::read(&db).expect("read"), bytes, "file unchanged");
    assert!(!dir.path().join("notes.db-wal").exists());
}

#[test]
fn another_programs_database_is_refused_and_its_data_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("other.db");
    {
        let c = rusqlite::Connection::open(&db).expect("open");
        c.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann');")
            .expect("create");
    }
    let before = std::fs::read(&db).expect("read");
    let o = signpost(&db, &["chat"], b"1\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("database of another program"),
        "{}",
        err(&o)
    );
    assert_eq!(std::fs::read(&db).expect("read"), before);
}

#[test]
fn referrals_survive_reopening_and_a_second_chat_user() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    let o = signpost(&db, &["chat"], ENGLISH.as_bytes());
    assert_eq!(o.status.code(), Some(0));
    let mut second = Command::new(env!("CARGO_BIN_EXE_signpost"));
    second
        .args(["chat", "--user", "kiosk-2", "--lang", "ar", "--db"])
        .arg(&db)
        .env("SIGNPOST_CONTENT", common::bundled())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = second.spawn().expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all("1\n4\ndone\n1\nSam\n1\n1\n2\n1\n1\n1\n".as_bytes())
        .expect("write");
    let o = child.wait_with_output().expect("wait");
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let q = queue(&db);
    assert_eq!(q.len(), 2);
    assert_eq!(q[1]["user_id"], "kiosk-2");
    assert_eq!(q[1]["language"], "ar");
    assert_ne!(q[0]["reference"], q[1]["reference"]);
    // Only open ones, and none closed.
    let o = signpost(&db, &["queue", "list", "--status", "closed", "--json"], b"");
    assert_eq!(
        serde_json::from_slice::<Value>(&o.stdout).expect("json"),
        serde_json::json!([])
    );
}

#[test]
fn urgent_referrals_are_listed_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    assert_eq!(
        signpost(&db, &["chat"], ENGLISH.as_bytes()).status.code(),
        Some(0)
    );
    let crisis = ENGLISH.replace(
        "I have been feeling very alone since my wife died.",
        "some days I want to end it all",
    );
    let o = signpost(&db, &["chat", "--user", "second"], crisis.as_bytes());
    assert!(out(&o).contains("call 999"), "{}", out(&o));
    let q = queue(&db);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0]["priority"], "urgent");
    assert_eq!(q[0]["user_id"], "second");
    assert_eq!(q[1]["priority"], "normal");
}

#[test]
fn broken_or_missing_content_stops_with_the_problem() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    let content = common::copy_content();
    common::edit(
        &content.path().join("dialogues/self-referral.toml"),
        "next = \"privacy\"",
        "next = \"nowhere\"",
    );
    for folder in [content.path().to_path_buf(), dir.path().join("missing")] {
        let o = Command::new(env!("CARGO_BIN_EXE_signpost"))
            .args(["chat", "--db"])
            .arg(&db)
            .arg("--content")
            .arg(&folder)
            .stdin(Stdio::null())
            .output()
            .expect("run");
        assert_eq!(o.status.code(), Some(1));
        let e = err(&o);
        assert!(!e.contains("panicked"), "{e}");
        assert!(
            e.contains("dialogues/self-referral.toml:")
                && e.contains("there is no node \"nowhere\"")
                || e.contains("has no dialogues/ folder"),
            "{e}"
        );
    }
}

#[test]
fn every_subcommand_has_help_and_bad_usage_exits_1() {
    for args in [
        &["--help"][..],
        &["chat", "--help"][..],
        &["check", "--help"][..],
        &["queue", "list", "--help"][..],
        &["serve", "--help"][..],
        &["mydata", "--help"][..],
        &["forget", "--help"][..],
        &["purge", "--help"][..],
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_signpost"))
            .args(args)
            .output()
            .expect("run");
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(String::from_utf8_lossy(&o.stdout).contains("Usage:"));
    }
    let o = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["queue", "list", "--status", "lost"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("invalid value 'lost'"));
}

#[test]
fn signpost_toml_sets_the_database_and_flags_and_environment_win() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("signpost.toml"), "db = \"from-file.db\"\n").expect("write");
    let run = |extra_env: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_signpost"));
        cmd.args(["chat", "--lang", "en-GB"])
            .current_dir(dir.path())
            .env("SIGNPOST_CONTENT", common::bundled())
            .env_remove("SIGNPOST_DB")
            .stdin(Stdio::null());
        if let Some(db) = extra_env {
            cmd.env("SIGNPOST_DB", db);
        }
        cmd.output().expect("run")
    };
    assert_eq!(run(None).status.code(), Some(0));
    assert!(
        dir.path().join("from-file.db").exists(),
        "signpost.toml chose the file"
    );
    assert_eq!(run(Some("from-env.db")).status.code(), Some(0));
    assert!(
        dir.path().join("from-env.db").exists(),
        "environment beats the file"
    );
    std::fs::write(dir.path().join("signpost.toml"), "db = [oops\n").expect("write");
    let o = run(None);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).starts_with("signpost: signpost.toml:1:"),
        "{}",
        err(&o)
    );
    // There but unreadable (here: not UTF-8) is an error too, not the defaults in silence.
    std::fs::write(dir.path().join("signpost.toml"), b"db = \"\xff\"\n").expect("write");
    let o = run(None);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).starts_with("signpost: signpost.toml is there but cannot be read: "),
        "{}",
        err(&o)
    );
    assert!(
        !dir.path().join("signpost.db").exists(),
        "the defaults were not used"
    );
}

/// A message from the bundled content, as shown (isolation marks removed).
fn said(lang: &str, id: &str, args: &[(&str, &str)]) -> String {
    let args: Vec<(&str, Arg)> = args
        .iter()
        .map(|(k, v)| (*k, Arg::Str((*v).to_string())))
        .collect();
    strip_isolation(&common::engine().content().locales.format(lang, id, &args))
}

/// Runs a chat in which `input` types a date in words at the date-of-birth question: it is
/// taken (no "couldn't read that date", the next question follows), the summary shows it and
/// the referral holds it as stored dates are (`1958-03-03`).
fn date_in_words_is_taken(args: &[&str], lang: &str, input: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    let o = signpost(&db, args, input.as_bytes());
    let text = out(&o);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        !text.contains(&said(lang, "referral-dob-invalid", &[])),
        "{text}"
    );
    let asked = text.find(&said(lang, "referral-dob", &[])).expect("asked");
    let next = text.find(&said(lang, "referral-gp", &[])).expect("next");
    assert!(asked < next, "{text}");
    let line = said(
        lang,
        "summary-line",
        &[
            ("label", &said(lang, "field-dob", &[])),
            ("value", "03/03/1958"),
        ],
    );
    assert!(text.contains(&line), "{line:?} not in {text}");
    let q = queue(&db);
    assert_eq!(q.len(), 1, "{text}");
    assert_eq!(q[0]["answers"]["dob"], "1958-03-03");
}

#[test]
fn a_date_of_birth_in_english_words_is_taken() {
    date_in_words_is_taken(
        &["chat"],
        "en-GB",
        &ENGLISH.replace("3/7/1958", "3 March 1958"),
    );
}

#[test]
fn a_date_of_birth_in_arabic_words_and_digits_is_taken() {
    date_in_words_is_taken(
        &["chat", "--lang", "ar"],
        "ar",
        "1\n4\ndone\n1\nSam\n٣ مارس ١٩٥٨\n1\n2\n1\n1\n1\n",
    );
}

#[test]
fn a_date_of_birth_in_bengali_words_and_digits_is_taken() {
    date_in_words_is_taken(
        &["chat", "--lang", "bn"],
        "bn",
        "১\n৭\nহয়ে গেছে\nমন খুব খারাপ থাকে\nরহিম\n৩ মার্চ ১৯৫৮\nজানি না\n২\nE14 2BG\n২\n১\n",
    );
}

/// A chat with stdout and stderr going to one file, in order, as on a terminal.
fn chat_as_on_a_terminal(input: &str, env: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let both = std::fs::File::create(dir.path().join("screen")).expect("create");
    let mut child = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["chat", "--lang", "en-GB", "--db"])
        .arg(dir.path().join("s.db"))
        .env("SIGNPOST_CONTENT", common::bundled())
        .env_remove("RUST_LOG")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(both.try_clone().expect("clone"))
        .stderr(both)
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    assert_eq!(child.wait().expect("wait").code(), Some(0));
    std::fs::read_to_string(dir.path().join("screen")).expect("read")
}

#[test]
fn the_crisis_help_in_the_terminal_is_not_interrupted_by_a_log_line() {
    let input = "1\n1\nI want to end it all\n";
    let screen = chat_as_on_a_terminal(input, &[]);
    assert!(screen.contains("116 123"), "the crisis help: {screen}");
    let logs: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("signpost::"))
        .collect();
    assert!(logs.is_empty(), "log lines on the screen: {logs:?}");
    // Asked for, they are there (to stderr, here the same file).
    let screen = chat_as_on_a_terminal(input, &[("RUST_LOG", "warn")]);
    assert!(screen.contains("crisis interrupt fired"), "{screen}");
}

#[test]
fn english_in_the_terminal_has_no_isolation_marks_and_arabic_keeps_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = signpost(&dir.path().join("en.db"), &["chat"], ENGLISH.as_bytes());
    let raw = String::from_utf8_lossy(&o.stdout);
    assert!(raw.contains("\nName: Sam\n"), "{raw}");
    assert!(
        !raw.contains(['\u{2068}', '\u{2069}']),
        "isolation marks in: {raw}"
    );
    let o = signpost(
        &dir.path().join("ar.db"),
        &["chat", "--lang", "ar"],
        "1\n4\ndone\n1\nSam\n1\n1\n2\n1\n1\n".as_bytes(),
    );
    let raw = String::from_utf8_lossy(&o.stdout);
    assert!(raw.contains("\u{2068}Sam\u{2069}"), "{raw}");
}

#[test]
fn help_in_the_terminal_says_to_type_and_lists_mydata_and_forget() {
    for (lang, input) in [("en-GB", "help\n"), ("bn", "সাহায্য\n"), ("ar", "/help\n")]
    {
        let dir = tempfile::tempdir().expect("tempdir");
        let o = signpost(
            &dir.path().join("s.db"),
            &["chat", "--lang", lang],
            format!("1\n{input}").as_bytes(),
        );
        let text = out(&o);
        let typed = said(lang, "help", &[("buttons", "typed")]);
        let tapped = said(lang, "help", &[("buttons", "tapped")]);
        assert_ne!(typed, tapped);
        assert!(text.contains(&typed), "{lang}: {text}");
        assert!(!text.contains(&tapped), "{lang}: {text}");
        assert!(typed.contains("/mydata") && typed.contains("/forget"));
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let o = signpost(&dir.path().join("s.db"), &["chat"], b"1\nhelp\n");
    let text = out(&o);
    assert!(text.contains("Type the number of a choice"), "{text}");
    assert!(!text.contains("Tap a button"), "{text}");
    assert!(
        text.contains("/mydata: see everything we hold about you\n/forget: erase"),
        "{text}"
    );
}
