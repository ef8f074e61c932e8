//! The prescribers' queue through the real binary: claim, close, release, note, attempt,
//! refusals, urgent first, stats, CSV export; and concurrent claims from 4 threads. Who is
//! acting (`--by`, `SIGNPOST_PRESCRIBER_NAME`, the login name) for every action, claim too.

mod common;

use std::path::Path;
use std::process::Output;

use chrono::{Duration, TimeZone, Utc};
use common::{ok, refused, seed};
use serde_json::Value;
use signpost::engine::{Answer, Effect, Referral};
use signpost::store::{Channel, Store};

/// The CSV header before the record came from the dialogue.
const TODAYS_HEADER: &[&str] = &[
    "reference",
    "snomed_ct",
    "status",
    "priority",
    "created_at",
    "channel",
    "language",
    "name",
    "date_of_birth",
    "gp_surgery",
    "contact",
    "phone",
    "best_time",
    "postcode",
    "needs",
    "own_words",
    "interpreter",
    "services",
    "consent_at",
    "notice_version",
    "claimed_by",
    "claimed_at",
    "attempts",
    "outcome",
    "closed_at",
    "notes",
];

fn referral(reference: &str, minutes_ago: i64, urgent: bool, name: &str) -> Referral {
    let at = Utc
        .with_ymd_and_hms(2026, 11, 24, 12, 0, 0)
        .single()
        .expect("date")
        - Duration::minutes(minutes_ago);
    Referral {
        urgent,
        needs: vec!["housing".into(), "money".into()],
        ..common::referral(
            reference,
            at,
            &[
                ("name", name),
                ("phone", "07700900123"),
                ("story", "I'm behind on rent, \"again\""),
            ],
        )
    }
}

fn signpost(db: &Path, args: &[&str]) -> Output {
    common::run(db, args, b"", &[("USER", "login-name")])
}

fn show(db: &Path, reference: &str) -> Value {
    serde_json::from_str(&ok(&signpost(db, &["queue", "show", reference, "--json"]))).expect("json")
}

#[test]
fn the_lifecycle_of_a_callback_and_every_refusal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    seed(
        &db,
        vec![
            referral("SP-AAAA", 60, false, "Ann"),
            referral("SP-BBBB", 30, true, "Bilal"),
            referral("SP-CCCC", 90, false, "Chen"),
        ],
    );
    // Urgent first, then oldest.
    let order: Vec<String> =
        serde_json::from_str::<Value>(&ok(&signpost(&db, &["queue", "list", "--json"])))
            .expect("json")
            .as_array()
            .expect("array")
            .iter()
            .map(|i| i["reference"].as_str().unwrap_or_default().to_string())
            .collect();
    assert_eq!(order, ["SP-BBBB", "SP-CCCC", "SP-AAAA"]);

    // Claim gives the urgent one, with the whole record.
    let text = ok(&signpost(&db, &["queue", "claim", "--by", "Rima"]));
    assert!(text.starts_with("SP-BBBB (urgent, claimed)"), "{text}");
    assert!(
        text.contains("Name: Bilal") && text.contains("Phone: 07700900123"),
        "{text}"
    );
    let claimed: Value = serde_json::from_str(&ok(&signpost(
        &db,
        &["queue", "claim", "--by", "Tom", "--json"],
    )))
    .expect("json");
    assert_eq!(claimed["reference"], "SP-CCCC");
    assert_eq!(claimed["claimed_by"], "Tom");
    assert_eq!(claimed["status"], "claimed");

    // Only the claimer may act on it.
    let e = refused(&signpost(
        &db,
        &[
            "queue",
            "close",
            "SP-BBBB",
            "--outcome",
            "done",
            "--by",
            "Tom",
        ],
    ));
    assert!(e.contains("SP-BBBB is claimed by Rima, not you"), "{e}");
    let e = refused(&signpost(
        &db,
        &["queue", "note", "sp-bbbb", "hello", "--by", "Tom"],
    ));
    assert!(e.contains("claimed by Rima"), "{e}");
    let e = refused(&signpost(&db, &["queue", "release", "SP-BBBB"]));
    assert!(
        e.contains("claimed by Rima"),
        "your login is used when --by is not given: {e}"
    );
    let e = refused(&signpost(
        &db,
        &[
            "queue",
            "close",
            "SP-AAAA",
            "--outcome",
            "x",
            "--by",
            "Rima",
        ],
    ));
    assert!(e.contains("SP-AAAA is not claimed"), "{e}");
    let e = refused(&signpost(
        &db,
        &[
            "queue",
            "close",
            "SP-ZZZZ",
            "--outcome",
            "x",
            "--by",
            "Rima",
        ],
    ));
    assert!(e.contains("there is no callback SP-ZZZZ"), "{e}");
    let e = refused(&signpost(
        &db,
        &[
            "queue",
            "close",
            "SP-BBBB",
            "--outcome",
            "  ",
            "--by",
            "Rima",
        ],
    ));
    assert!(e.contains("the outcome cannot be empty"), "{e}");
    let before = show(&db, "SP-BBBB");
    assert_eq!(before["status"], "claimed", "refusals change nothing");

    // Attempt, note, then close.
    assert!(
        ok(&signpost(
            &db,
            &["queue", "attempt", "SP-BBBB", "--by", "Rima"]
        ))
        .contains("call attempt 1")
    );
    ok(&signpost(
        &db,
        &[
            "queue",
            "note",
            "SP-BBBB",
            "Left a voicemail, will try at 4",
            "--by",
            "Rima",
        ],
    ));
    ok(&signpost(
        &db,
        &[
            "queue",
            "close",
            "SP-BBBB",
            "--outcome",
            "Linked to housing advice",
            "--by",
            "Rima",
        ],
    ));
    let r = show(&db, "SP-BBBB");
    assert_eq!(r["status"], "closed");
    assert_eq!(r["outcome"], "Linked to housing advice");
    assert_eq!(r["attempts"], 1);
    let notes: Vec<String> = r["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .map(|n| {
            format!(
                "{}: {}",
                n["author"].as_str().unwrap_or(""),
                n["text"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(
        notes,
        [
            "Rima: Call attempt 1: no answer.",
            "Rima: Left a voicemail, will try at 4"
        ]
    );
    let e = refused(&signpost(
        &db,
        &["queue", "note", "SP-BBBB", "late", "--by", "Rima"],
    ));
    assert!(e.contains("already closed"), "{e}");

    // Release puts it back, first in line again by age.
    ok(&signpost(
        &db,
        &["queue", "release", "SP-CCCC", "--by", "Tom"],
    ));
    let r = show(&db, "SP-CCCC");
    assert_eq!(r["status"], "open");
    assert_eq!(r["claimed_by"], Value::Null);
    let again: Value = serde_json::from_str(&ok(&signpost(
        &db,
        &["queue", "claim", "--by", "Ade", "--json"],
    )))
    .expect("json");
    assert_eq!(again["reference"], "SP-CCCC");

    // Stats.
    let s: Value =
        serde_json::from_str(&ok(&signpost(&db, &["queue", "stats", "--json"]))).expect("json");
    assert_eq!(s["open"], 1);
    assert_eq!(s["claimed"], 1);
    assert_eq!(s["claimed_today"], 3);
    assert!(s["median_wait_minutes"].as_f64().is_some());
    assert!(ok(&signpost(&db, &["queue", "stats"])).contains("Open: 1 (0 urgent)"));
    // Nothing left to claim after the last.
    ok(&signpost(&db, &["queue", "claim", "--by", "Ade"]));
    assert_eq!(
        ok(&signpost(&db, &["queue", "claim", "--by", "Ade"])).trim(),
        "No open callbacks."
    );
    assert_eq!(
        ok(&signpost(&db, &["queue", "claim", "--by", "Ade", "--json"])).trim(),
        "null"
    );
}

#[test]
fn csv_export_opens_cleanly_in_a_spreadsheet() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    let mut tricky = referral("SP-DDDD", 10, false, "=HYPERLINK(\"http://evil\")");
    tricky
        .answers
        .insert("gp".into(), Answer::Text("+44 Surgery, Bow".into()));
    tricky.answers.insert(
        "story".into(),
        Answer::Text("line one\nline two, with \"quotes\"".into()),
    );
    let mut bengali = referral("SP-EEEE", 5, false, "রহিম");
    bengali
        .answers
        .insert("gp".into(), Answer::Text("@home".into()));
    bengali
        .answers
        .insert("postcode".into(), Answer::Text("-E1 6AN".into()));
    seed(&db, vec![tricky, bengali]);
    let o = signpost(&db, &["queue", "export", "--csv"]);
    let bytes = o.stdout.clone();
    ok(&o);
    assert!(
        bytes.starts_with("\u{FEFF}".as_bytes()),
        "a BOM so spreadsheets read UTF-8"
    );
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    // Operators' spreadsheets read these columns by name: the shipped dialogue's record keeps
    // them exactly.
    assert_eq!(header, TODAYS_HEADER);
    assert_eq!(
        header,
        signpost::queue::csv_header(common::engine().content())
    );
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
    assert_eq!(rows.len(), 2);
    let col = |name: &str| header.iter().position(|h| h == name).expect("column");
    assert_eq!(&rows[0][col("snomed_ct")], "871731000000106");
    assert_eq!(
        &rows[0][col("name")],
        "'=HYPERLINK(\"http://evil\")",
        "formula neutralised"
    );
    assert_eq!(&rows[0][col("gp_surgery")], "'+44 Surgery, Bow");
    assert_eq!(
        &rows[0][col("own_words")],
        "line one\nline two, with \"quotes\""
    );
    assert_eq!(&rows[1][col("name")], "রহিম");
    assert_eq!(&rows[1][col("gp_surgery")], "'@home");
    assert_eq!(&rows[1][col("postcode")], "'-E1 6AN");
    assert_eq!(&rows[1][col("needs")], "housing; money");
    // Without --csv there is nothing to choose, so it is asked for.
    assert_eq!(signpost(&db, &["queue", "export"]).status.code(), Some(1));
}

#[test]
fn four_threads_claiming_from_1000_get_each_callback_exactly_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    let refs: Vec<String> = (0..1000).map(|i| format!("SP-{:04}", i)).collect();
    {
        let mut store = Store::open(&db).expect("open");
        store
            .in_transaction(|c| -> Result<(), signpost::store::StoreError> {
                for (i, r) in refs.iter().enumerate() {
                    signpost::store::commit_step(
                        c,
                        Channel::Terminal,
                        &i.to_string(),
                        &signpost::engine::Session::default(),
                        &[Effect::Queue(referral(r, i as i64, i % 7 == 0, "X"))],
                        Utc::now(),
                    )?;
                }
                Ok(())
            })
            .expect("seed");
    }
    let start = std::sync::Arc::new(std::sync::Barrier::new(4));
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let db = db.clone();
            let start = start.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&db).expect("open");
                start.wait();
                let mut mine = Vec::new();
                loop {
                    let got = store
                        .in_transaction(|c| {
                            signpost::queue::claim_next(c, &format!("p{t}"), None, Utc::now())
                        })
                        .expect("claim");
                    match got {
                        Some(item) => mine.push(item.reference),
                        None => return mine,
                    }
                }
            })
        })
        .collect();
    let mut all: Vec<String> = Vec::new();
    let mut per_thread = Vec::new();
    for h in handles {
        let mine = h.join().expect("thread");
        per_thread.push(mine.len());
        all.extend(mine);
    }
    let unique: std::collections::BTreeSet<_> = all.iter().cloned().collect();
    assert_eq!(all.len(), 1000, "none lost: {per_thread:?}");
    assert_eq!(unique.len(), 1000, "none claimed twice");
    // SQLite hands its write lock over unfairly, so how the 1,000 split between the threads
    // varies from run to run; what must hold is above: each exactly once, none lost.
    let store = Store::open(&db).expect("open");
    let items = store.list(None).expect("list");
    assert!(
        items
            .iter()
            .all(|i| i.status == signpost::store::Status::Claimed)
    );
    let by_claimer: std::collections::BTreeMap<_, usize> =
        items.iter().fold(Default::default(), |mut m, i| {
            *m.entry(i.claimed_by.clone().unwrap_or_default())
                .or_default() += 1;
            m
        });
    assert_eq!(by_claimer.values().sum::<usize>(), 1000);
}

#[test]
fn notes_and_outcomes_keep_no_control_characters() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    seed(&db, vec![referral("SP-CCCC", 10, false, "Sam")]);
    ok(&signpost(&db, &["queue", "claim", "--by", "Ann"]));
    let note = "\u{1b}[2J\u{1b}]0;owned\u{7}call back\u{7} after 3pm";
    ok(&signpost(
        &db,
        &["queue", "note", "SP-CCCC", note, "--by", "Ann"],
    ));
    assert_eq!(
        show(&db, "SP-CCCC")["notes"][0]["text"],
        "[2J]0;ownedcall back after 3pm"
    );
    let shown = ok(&signpost(&db, &["queue", "show", "SP-CCCC"]));
    assert!(
        shown.contains("Ann: [2J]0;ownedcall back after 3pm"),
        "{shown}"
    );
    let err = refused(&signpost(
        &db,
        &["queue", "note", "SP-CCCC", "\u{1b}\u{7}", "--by", "Ann"],
    ));
    assert!(err.contains("the note cannot be empty"), "{err}");
    ok(&signpost(
        &db,
        &[
            "queue",
            "close",
            "SP-CCCC",
            "--outcome",
            "referred\u{1b}[8m to the food bank",
            "--by",
            "Ann",
        ],
    ));
    assert_eq!(
        show(&db, "SP-CCCC")["outcome"],
        "referred[8m to the food bank"
    );
    let csv = ok(&signpost(&db, &["queue", "export", "--csv"]));
    assert!(csv.contains("referred[8m to the food bank"), "{csv}");
    for text in [&shown, &csv] {
        assert!(!text.contains(['\u{1b}', '\u{7}']), "{text:?}");
    }
}

#[test]
fn csv_cells_hiding_a_formula_behind_invisible_or_full_width_characters_are_neutralised() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    let mut r = referral("SP-FFFF", 5, false, "\u{180E}=cmd|' /C calc'!A0");
    for (key, value) in [
        ("gp", "＝HYPERLINK(\"http://evil\")"),
        ("postcode", "\u{200B}+1"),
        ("best_time", " @SUM(1)"),
        ("contact", "\u{2060}\u{FE0F}－2"),
        ("interpreter", "Sylheti"),
    ] {
        r.answers.insert(key.into(), Answer::Text(value.into()));
    }
    seed(&db, vec![r]);
    let bytes = signpost(&db, &["queue", "export", "--csv"]).stdout;
    let mut csv = csv::Reader::from_reader(&bytes[3..]);
    let header = csv.headers().expect("header").clone();
    let row = csv.records().next().expect("a row").expect("row");
    let cell = |name: &str| &row[header.iter().position(|h| h == name).expect("column")];
    assert_eq!(cell("name"), "'\u{180E}=cmd|' /C calc'!A0");
    assert_eq!(cell("gp_surgery"), "'＝HYPERLINK(\"http://evil\")");
    assert_eq!(cell("postcode"), "'\u{200B}+1");
    assert_eq!(cell("best_time"), "' @SUM(1)");
    assert_eq!(cell("contact"), "'\u{2060}\u{FE0F}－2");
    assert_eq!(cell("interpreter"), "Sylheti", "text is left alone");
}

#[test]
fn output_closed_early_ends_quietly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    // One person with 300 callbacks: each output below is far more than a pipe holds.
    let effects: Vec<Effect> = (0..300)
        .map(|i| {
            let mut r = referral(&format!("SP-{i:04}"), i, false, "Sam");
            r.answers
                .insert("story".into(), Answer::Text("word ".repeat(200)));
            Effect::Queue(r)
        })
        .collect();
    let mut store = Store::open(&db).expect("open");
    store
        .commit_step(
            Channel::Telegram,
            "100",
            &signpost::engine::Session::default(),
            &effects,
            Utc::now(),
        )
        .expect("seed");
    drop(store);
    for args in [
        &["queue", "export", "--csv"][..],
        &["queue", "list", "--json"],
        &["mydata", "--user", "100", "--channel", "telegram", "--json"],
        &["mydata", "--user", "100", "--channel", "telegram"],
    ] {
        let o = common::run_closing_output(&db, args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(
            (o.status.code(), err.as_ref()),
            (Some(0), ""),
            "{args:?}: quiet, like `| head -1` expects"
        );
    }
}

/// A copy of the shipped content with the GP surgery answer saved as `surgery` (the node, the
/// record and the summary renamed together).
fn content_with_gp_renamed() -> tempfile::TempDir {
    let dir = common::copy_content();
    let flow = dir.path().join("dialogues/self-referral.toml");
    common::edit(&flow, "save = \"gp\"", "save = \"surgery\"");
    common::edit(
        &flow,
        "{ answer = \"gp\", label = \"field-gp\", column",
        "{ answer = \"surgery\", label = \"field-gp\", column",
    );
    common::edit(
        &flow,
        "{ answer = \"gp\", label = \"field-gp\", edit",
        "{ answer = \"surgery\", label = \"field-gp\", edit",
    );
    dir
}

#[test]
fn a_renamed_answer_stays_in_its_csv_column_the_record_and_mydata() {
    let content = content_with_gp_renamed();
    let engine = common::engine_at(content.path());
    let mut c = common::Convo::new(engine.clone(), Some("en-GB"));
    common::to_summary(&mut c);
    c.press("confirm");
    let queued = c.queued().expect("queued").clone();
    assert_eq!(
        queued.answers.get("surgery"),
        Some(&Answer::Text("Blithehale Health Centre".into())),
        "saved under its new key"
    );
    assert!(!queued.answers.contains_key("gp"));
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    let mut store = Store::open(&db).expect("open");
    store
        .commit_step(
            Channel::Terminal,
            "sam",
            &c.session,
            &[Effect::Queue(queued)],
            Utc::now(),
        )
        .expect("queued");
    drop(store);
    let env = [("SIGNPOST_CONTENT", content.path().to_str().expect("utf-8"))];

    let o = common::run(&db, &["queue", "export", "--csv"], b"", &env);
    ok(&o);
    let mut r = csv::Reader::from_reader(&o.stdout[3..]);
    let header: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(header, TODAYS_HEADER, "the column keeps its name");
    let row = r.records().next().expect("a row").expect("readable");
    let col = |name: &str| header.iter().position(|h| h == name).expect("column");
    assert_eq!(&row[col("gp_surgery")], "Blithehale Health Centre");
    assert_eq!(&row[col("name")], "Sam");

    let shown = ok(&common::run(&db, &["queue", "show", "SP-7K3Q"], b"", &env));
    assert!(
        shown.contains("GP surgery: Blithehale Health Centre"),
        "{shown}"
    );

    let mine = ok(&common::run(
        &db,
        &["mydata", "--user", "sam", "--channel", "terminal"],
        b"",
        &env,
    ));
    assert!(
        mine.contains("GP surgery: Blithehale Health Centre"),
        "{mine}"
    );
}

#[test]
fn without_a_record_table_the_summary_is_the_record() {
    let content = common::copy_content();
    let flow = content.path().join("dialogues/self-referral.toml");
    let source = std::fs::read_to_string(&flow).expect("read");
    let start = source.find("[record]").expect("a record table");
    let end = start + source[start..].find("\n]\n").expect("its end") + 3;
    std::fs::write(&flow, format!("{}{}", &source[..start], &source[end..])).expect("write");
    let engine = common::engine_at(content.path());
    let header = signpost::queue::csv_header(engine.content());
    let answers: Vec<&str> = [
        "needs",
        "story",
        "name",
        "dob",
        "gp",
        "contact",
        "phone",
        "best_time",
        "postcode",
        "interpreter",
    ]
    .to_vec();
    assert_eq!(header[7..17], answers, "the summary's answers, by key");
    assert_eq!(header[..7], TODAYS_HEADER[..7]);
    assert_eq!(header[17..], TODAYS_HEADER[17..]);
}

/// Runs the binary as [`signpost`] does, with no login name in the environment (no `USER`,
/// `LOGNAME` or `USERNAME`), then `env`.
fn signpost_without_login(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env("SIGNPOST_CONTENT", common::bundled())
        .env_remove("SIGNPOST_DB")
        .env_remove("SIGNPOST_PRESCRIBER_NAME")
        .env_remove("SIGNPOST_RETENTION_DAYS")
        .env_remove("RUST_LOG")
        .env_remove("USER")
        .env_remove("LOGNAME")
        .env_remove("USERNAME")
        .envs(env.iter().copied())
        .output()
        .expect("run signpost")
}

#[test]
fn claim_takes_the_name_from_signpost_prescriber_name_as_the_other_actions_do() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    seed(
        &db,
        vec![
            referral("SP-AAAA", 60, false, "Ann"),
            referral("SP-BBBB", 30, false, "Bilal"),
        ],
    );
    let env = [
        ("USER", "login-name"),
        ("SIGNPOST_PRESCRIBER_NAME", "  Rima "),
    ];
    let claimed: Value = serde_json::from_str(&ok(&common::run(
        &db,
        &["queue", "claim", "--json"],
        b"",
        &env,
    )))
    .expect("json");
    assert_eq!(claimed["claimed_by"], "Rima", "trimmed, and not the login");
    // The same name then acts on it, with no --by anywhere.
    ok(&common::run(
        &db,
        &["queue", "release", "SP-AAAA"],
        b"",
        &env,
    ));
    // A blank name is refused, from the flag or the environment, and nothing is claimed.
    for (args, env) in [
        (
            &["queue", "claim", "--by", "   "][..],
            &[("USER", "login-name")][..],
        ),
        (
            &["queue", "claim"],
            &[("USER", "login-name"), ("SIGNPOST_PRESCRIBER_NAME", " ")],
        ),
    ] {
        let e = refused(&common::run(&db, args, b"", env));
        assert!(
            e.contains("the name given with --by or SIGNPOST_PRESCRIBER_NAME cannot be empty"),
            "{e}"
        );
    }
    assert_eq!(show(&db, "SP-AAAA")["status"], "open");
    assert_eq!(show(&db, "SP-BBBB")["status"], "open");
}

#[test]
fn claim_with_no_name_anywhere_says_how_to_give_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    seed(&db, vec![referral("SP-AAAA", 60, false, "Ann")]);
    for args in [&["queue", "claim"][..], &["queue", "release", "SP-AAAA"]] {
        let e = refused(&signpost_without_login(&db, args, &[]));
        assert!(
            e.contains("--by NAME") && e.contains("SIGNPOST_PRESCRIBER_NAME"),
            "{args:?}: {e}"
        );
        assert!(!e.contains("panicked"), "{e}");
    }
    assert_eq!(show(&db, "SP-AAAA")["status"], "open", "nothing claimed");
    // Without $USER, the login name is $LOGNAME, then $USERNAME.
    let claimed: Value = serde_json::from_str(&ok(&signpost_without_login(
        &db,
        &["queue", "claim", "--json"],
        &[("LOGNAME", "rima"), ("USERNAME", "not-this")],
    )))
    .expect("json");
    assert_eq!(claimed["claimed_by"], "rima");
    ok(&signpost_without_login(
        &db,
        &["queue", "release", "SP-AAAA"],
        &[("USERNAME", "rima")],
    ));
}

#[test]
fn queue_list_shows_who_claimed_each_by_the_name_they_go_by() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    seed(
        &db,
        vec![
            referral("SP-AAAA", 90, false, "Ann"),
            referral("SP-BBBB", 60, false, "Bilal"),
            referral("SP-CCCC", 30, false, "Chen"),
            referral("SP-DDDD", 10, false, "Dee"),
        ],
    );
    ok(&signpost(&db, &["queue", "claim", "--by", "Rima"]));
    // Two prescribers on Telegram: one whose name is known, one not yet.
    let mut store = Store::open(&db).expect("open");
    store
        .in_transaction(|c| {
            signpost::queue::remember_name(c, "telegram:4242", "Tom Okafor", Utc::now())?;
            signpost::queue::claim_next(c, "telegram:4242", None, Utc::now())?;
            signpost::queue::claim_next(c, "telegram:9999", None, Utc::now())?;
            Ok::<_, signpost::queue::QueueError>(())
        })
        .expect("claims");
    drop(store);
    let list = ok(&signpost(&db, &["queue", "list"]));
    let line = |reference: &str| {
        list.lines()
            .find(|l| l.starts_with(reference))
            .unwrap_or_else(|| panic!("{reference} missing: {list}"))
            .to_string()
    };
    assert!(
        list.lines()
            .next()
            .is_some_and(|h| h.contains("CLAIMED BY")),
        "{list}"
    );
    assert!(line("SP-AAAA").contains(" Rima "), "{list}");
    assert!(line("SP-BBBB").contains(" Tom Okafor "), "{list}");
    assert!(line("SP-CCCC").contains(" another prescriber "), "{list}");
    assert!(
        line("SP-DDDD").contains(" open ") && line("SP-DDDD").contains(" - "),
        "{list}"
    );
    assert!(!list.contains("telegram:"), "never a Telegram id: {list}");
    // The JSON keeps what is stored, for scripts.
    assert!(ok(&signpost(&db, &["queue", "list", "--json"])).contains("telegram:4242"));
}

#[test]
fn stats_say_1_minute_not_1_minutes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    let ago = |seconds: i64| {
        let mut r = referral("SP-AAAA", 0, false, "Ann");
        r.created_at = Utc::now() - Duration::seconds(seconds);
        r
    };
    // Claimed 75 s after it was queued: a median wait of one minute.
    seed(&db, vec![ago(75)]);
    ok(&signpost(&db, &["queue", "claim", "--by", "Rima"]));
    // Waiting for 80 s: the oldest has waited one minute.
    let mut waiting = ago(80);
    waiting.reference = "SP-BBBB".into();
    seed(&db, vec![waiting]);
    let stats = ok(&signpost(&db, &["queue", "stats"]));
    assert!(stats.contains("(1 minute)"), "{stats}");
    assert!(
        stats.contains("Median wait to claim: 1 minute\n"),
        "{stats}"
    );
    assert!(!stats.contains("1 minutes"), "{stats}");
}
