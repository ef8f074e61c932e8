//! Safety, privacy and resilience of the real `signpost serve` against the fake Bot API:
//! `/mydata` and `/forget`, an urgent callback announced at once, a flooding resident slowed
//! without slowing anyone else, and a Bot API that is slow, drops connections and fails.

mod bot;
mod common;
mod fake_bot_api;

use std::time::{Duration, Instant};

use bot::*;
use common::{contains, file_bytes};
use fake_bot_api::Failure;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mydata_then_forget_leaves_no_byte_of_the_person_in_the_database() {
    let (fake, _dir, db) = setup().await;
    let bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut wil = Person::new(&fake, &db, 801, Some("en"));
    let mut bart = Person::new(&fake, &db, 802, Some("en"));
    let reference = refer_with(&mut wil, "Wilhelmina Oakenshott", "07700 900462").await;
    let barts = refer_with(&mut bart, "Bartholomew Ffinch", "07700 900777").await;

    let copy = texts(&wil.say("/mydata").await).join("\n");
    for expected in [
        "Here is everything we hold about you.",
        &format!("Your request {reference}, made on "),
        "waiting for a social prescriber.",
        "Name: Wilhelmina Oakenshott",
        "Phone: 07700 900462",
        "You agreed to our privacy notice (version ",
        "To delete all of this, send /forget.",
    ] {
        assert!(copy.contains(expected), "{expected:?} missing:\n{copy}");
    }
    assert!(!copy.contains("Bartholomew"));

    // Erasing asks first; "no" changes nothing.
    let out = wil.say("/forget").await;
    assert!(texts(&out)[0].starts_with("This deletes your answers"));
    assert_eq!(labels(&out), ["Yes, delete it", "No, keep it"]);
    let out = wil.tap("no").await;
    assert_eq!(texts(&out)[0], "Nothing was deleted.");
    assert_eq!(queue(&db).len(), 2);
    assert!(contains(&file_bytes(&db), "Oakenshott"), "the search works");

    wil.say("/forget").await;
    let out = wil.tap("yes").await;
    assert!(
        texts(&out)[0].starts_with("Done: we have deleted what we held about you."),
        "{:?}",
        texts(&out)
    );
    let left = queue(&db);
    assert_eq!(left.len(), 1);
    assert_eq!(left[0]["reference"], barts.as_str());
    // The bot is still running: the file and its write-ahead log hold no trace of her.
    let bytes = file_bytes(&db);
    for gone in ["Wilhelmina", "Oakenshott", "07700900462", "900462"] {
        assert!(!contains(&bytes, gone), "{gone:?} is still in the database");
    }
    assert!(contains(&bytes, "Bartholomew"), "only her data went");
    let out = wil.say("/mydata").await;
    assert_eq!(
        texts(&out),
        ["We hold nothing about you: no answers and no request."]
    );
    // She can start again as anyone can.
    let out = wil.say("/start").await;
    assert_eq!(texts(&out), ["Which language would you like to use?"]);
    assert_eq!(fake.rejects(), vec![]);
    let log = bot.log();
    assert!(
        !log.contains("Oakenshott")
            && !log.contains("7700900462")
            && !log.contains("07700 900462")
            && !log.contains("Ffinch"),
        "no personal data in the log"
    );
    assert!(log.contains("a person's data was erased"), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn words_of_crisis_after_queueing_make_the_callback_urgent_and_announced() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start_with(&fake, &db, false, &[("SIGNPOST_PRESCRIBER_CHAT", "-5000")]);
    polled(&fake, 1).await;
    let mut first = Person::new(&fake, &db, 811, Some("en"));
    let mut second = Person::new(&fake, &db, 812, Some("en"));
    let earlier = refer(&mut first, "Ann").await;
    let later = refer(&mut second, "Kay").await;
    let team = || {
        fake.calls()
            .iter()
            .filter(|c| c.body["chat_id"].as_i64() == Some(-5000))
            .map(|c| c.body["text"].as_str().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    wait_until(|| team().len() == 2).await;
    // The later one comes back and says what no one should ignore.
    second.say("/start").await;
    let out = second.say("I don't want to live anymore").await;
    assert!(texts(&out)[0].contains("999"), "{:?}", texts(&out));
    wait_until(|| team().len() == 3).await;
    assert_eq!(
        team(),
        [
            format!("New callback {earlier} (normal)."),
            format!("New callback {later} (normal)."),
            format!("Callback {later} is now urgent."),
        ]
    );
    let q = queue(&db);
    assert_eq!(q[0]["reference"], later.as_str(), "urgent first");
    assert_eq!(q[0]["priority"], "urgent");
    assert_eq!(q[1]["reference"], earlier.as_str());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flooding_resident_is_slowed_and_told_once_while_others_are_answered() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let started = Instant::now();
    let mut last = 0;
    for i in 0..60 {
        last = fake.push(fake_bot_api::text(901, Some("en"), &format!("spam {i}")));
    }
    let mut other = Person::new(&fake, &db, 902, Some("en"));
    let out = other.say("/start").await;
    assert_eq!(texts(&out), ["Which language would you like to use?"]);
    settled(&db, last).await;
    let elapsed = started.elapsed().as_secs_f64();
    let flooder = Person::new(&fake, &db, 901, Some("en"));
    let sent = texts(&flooder.calls());
    let notices = sent.iter().filter(|t| t.contains("very quickly")).count();
    assert_eq!(notices, 1, "told once, not once per message: {sent:?}");
    let handled = sent.len() - notices;
    assert!(
        (20..=21 + elapsed.ceil() as usize).contains(&handled),
        "{handled} of 60 handled in {elapsed:.1} s"
    );
    // Every update was stored as handled, so none is replayed after a restart.
    let pending: i64 = one(&db, "SELECT count(*) FROM inbox WHERE processed_at IS NULL");
    assert_eq!(pending, 0);
    // After a pause, the resident is answered as usual again.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let mut flooder = flooder;
    flooder.seen = flooder.calls().len();
    let out = flooder.say("hello").await;
    let t = texts(&out);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(!t[0].contains("very quickly"), "{t:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_broken_and_failing_bot_api_does_not_stop_the_others() {
    let (fake, _dir, db) = setup().await;
    let bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;

    // A slow answer to one resident holds up no one else.
    fake.fail_next("sendMessage", Failure::Slow(Duration::from_secs(3)));
    let slow = fake.push(fake_bot_api::text(921, Some("en"), "/start"));
    wait_until(|| {
        fake.calls()
            .iter()
            .filter(|c| c.method == "getUpdates")
            .any(|c| c.result.to_string().contains("\"id\":921"))
    })
    .await;
    let quick = Person::new(&fake, &db, 922, Some("en"));
    fake.push(fake_bot_api::text(922, Some("en"), "/start"));
    wait_until(|| !texts(&quick.calls()).is_empty()).await;
    assert!(
        texts(&Person::new(&fake, &db, 921, None).calls()).is_empty(),
        "answered while the other reply was still stuck"
    );
    assert_eq!(
        texts(&quick.calls()),
        ["Which language would you like to use?"]
    );
    settled(&db, slow).await;
    let stuck = Person::new(&fake, &db, 921, Some("en"));
    assert_eq!(
        texts(&stuck.calls()),
        ["Which language would you like to use?"]
    );

    // Connections dropped mid-answer and a 429: retried, delivered once. (A 500 makes teloxide
    // itself wait 10 s; `tests/telegram.rs` covers it.)
    for f in [Failure::Reset, Failure::RetryAfter(1), Failure::Reset] {
        fake.fail_next("sendMessage", f);
    }
    let mut unlucky = Person::new(&fake, &db, 923, Some("en"));
    let out = unlucky.say("/start").await;
    let attempts: Vec<u16> = out
        .iter()
        .filter(|c| c.method == "sendMessage")
        .map(|c| c.status)
        .collect();
    assert_eq!(
        texts(&out),
        ["Which language would you like to use?"],
        "{attempts:?}"
    );
    assert_eq!(attempts.iter().filter(|s| **s == 200).count(), 1);

    // getUpdates failing again and again: the bot backs off rather than spinning, and carries on.
    for _ in 0..3 {
        fake.fail_next("getUpdates", Failure::Reset);
    }
    // The poll in flight returns this update; the three after it fail.
    let mut patient = Person::new(&fake, &db, 924, Some("en"));
    patient.say("/start").await;
    let failed = || -> Vec<Instant> {
        fake.calls()
            .iter()
            .filter(|c| c.method == "getUpdates" && c.status == 0)
            .map(|c| c.at)
            .collect()
    };
    wait_until(|| failed().len() == 3).await;
    let f = failed();
    let waited = f[2] - f[0];
    let polls_between = fake
        .calls()
        .iter()
        .filter(|c| c.method == "getUpdates" && c.at >= f[0] && c.at <= f[2])
        .count();
    assert_eq!(polls_between, 3, "no polling in between: no spinning");
    assert!(
        waited >= Duration::from_millis(1400),
        "backed off 0.5 s then 1 s, waited {waited:?}"
    );
    let out = patient.say("still there?").await;
    assert_eq!(texts(&out).len(), 1, "served again: {:?}", texts(&out));
    let log = bot.log();
    assert!(log.contains("getUpdates failed"), "{log}");
    assert!(!log.contains("panicked"), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_personal_data_reaches_the_log_even_at_its_most_detailed() {
    let (fake, _dir, db) = setup().await;
    let bot = Bot::start_with(&fake, &db, false, &[("RUST_LOG", "trace")]);
    polled(&fake, 1).await;
    let mut p = Person::new(&fake, &db, 831, Some("en"));
    p.say("/start").await;
    p.tap("en-GB").await;
    p.tap("yes").await;
    p.tap("housing").await;
    p.tap("done").await;
    p.say("Mould in the flat at Quennell Court is making my son ill")
        .await;
    p.say("Philippa Quarrington-Vane").await;
    p.say("12/03/1990").await;
    p.say("Jubilee Street Practice").await;
    p.tap("phone").await;
    p.say("07700 900918").await;
    p.tap("any").await;
    p.say("E1 4QJ").await;
    p.tap("none").await;
    let out = p.tap("confirm").await;
    assert!(texts(&out).join(" ").contains("Your reference is"));
    p.say("/mydata").await;
    let log = bot.log();
    assert!(log.len() > 1000, "the log is detailed: {} bytes", log.len());
    // Numbers are looked for in every form the bot could hold them in, never as bare digit
    // runs: a trace log is full of byte counts and sub-second timestamps, and "1990" in
    // "flushed 1990 bytes" is not a date of birth.
    for personal in [
        "Quarrington",
        "Philippa",
        "07700 900918",
        "7700900918",
        "Quennell",
        "Mould",
        "12/03/1990",
        "1990-03-12",
        "Jubilee",
        "E1 4QJ",
        "E14QJ",
        "TEST-TOKEN",
    ] {
        let at = log.find(personal);
        assert!(
            at.is_none(),
            "{personal:?} is in the log: {}",
            at.map(|i| line_around(&log, i)).unwrap_or_default()
        );
    }
}

/// The message with the language buttons, and the English button's data.
fn english_button(p: &Person) -> (i64, String) {
    let (message, buttons) = p.keyboard();
    let english = buttons
        .into_iter()
        .find(|(_, d)| d.ends_with("|en-GB"))
        .map(|(_, d)| d)
        .expect("the English button");
    (message, english)
}

/// Makes `table` refuse every insert as a full disk would, until the trigger `refuse` is
/// dropped through the connection returned.
fn refuse_inserts(db: &std::path::Path, table: &str) -> rusqlite::Connection {
    let c = rusqlite::Connection::open(db).expect("open");
    c.execute_batch(&format!(
        "CREATE TRIGGER refuse BEFORE INSERT ON {table}
         BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END;"
    ))
    .expect("trigger");
    c
}

/// The whole log line holding byte `at`.
fn line_around(log: &str, at: usize) -> &str {
    let start = log[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = log[at..].find('\n').map_or(log.len(), |i| at + i);
    &log[start..end]
}

/// Runs a `signpost` command on the database with `stdin`, expecting success.
fn signpost_ok(db: &std::path::Path, args: &[&str], stdin: &str) -> String {
    common::ok(&common::run(db, args, stdin.as_bytes(), &[]))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_applies_the_retention_period_when_it_starts() {
    let (fake, _dir, db) = setup().await;
    let script = "1\n1\n1\n3\ndone\nAlone.\nOld Person\n3/7/1958\nBlithehale\nPhone me\n\
                  07700 900123\n1\ne1 6an\n2\n1\n";
    signpost_ok(&db, &["chat", "--user", "old"], script);
    signpost_ok(&db, &["chat", "--user", "new"], script);
    signpost_ok(&db, &["chat", "--user", "gone-quiet"], "1\n1\n3\n");
    let claimed = signpost_ok(&db, &["queue", "claim", "--by", "kim", "--json"], "");
    let old: serde_json::Value = serde_json::from_str(&claimed).expect("json");
    let old = old["reference"].as_str().expect("reference").to_string();
    signpost_ok(
        &db,
        &["queue", "close", &old, "--outcome", "Done", "--by", "kim"],
        "",
    );
    {
        let c = rusqlite::Connection::open(&db).expect("open");
        let long_ago = (chrono::Utc::now() - chrono::Duration::days(45)).to_rfc3339();
        c.execute(
            "UPDATE referrals SET closed_at = ?1 WHERE reference = ?2",
            [&long_ago, &old],
        )
        .expect("age");
        c.execute(
            "UPDATE sessions SET updated_at = ?1 WHERE user_id = 'gone-quiet'",
            [&long_ago],
        )
        .expect("age");
    }
    let _bot = Bot::start_with(&fake, &db, false, &[("SIGNPOST_RETENTION_DAYS", "30")]);
    polled(&fake, 1).await;
    wait_until(|| queue(&db).len() == 1).await;
    let left = queue(&db);
    assert_ne!(
        left[0]["reference"],
        old.as_str(),
        "the old closed request went"
    );
    assert_eq!(left[0]["status"], "open", "the waiting one stays");
    let quiet: i64 = one(
        &db,
        "SELECT count(*) FROM sessions WHERE user_id = 'gone-quiet'",
    );
    assert_eq!(quiet, 0, "the abandoned conversation went");
    let purged: i64 = one(
        &db,
        "SELECT count FROM audit WHERE event = 'retention-purge'",
    );
    assert_eq!(purged, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_step_the_database_cannot_store_is_apologised_for_and_changes_nothing() {
    let (fake, _dir, db) = setup().await;
    let bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut p = Person::new(&fake, &db, 841, Some("en"));
    p.say("/start").await;
    // The database refuses every step from now on, as a full disk would.
    let c = refuse_inserts(&db, "outbox");
    let (message, english) = english_button(&p);
    let before = p.calls().len();
    fake.push(fake_bot_api::press(841, Some("en"), message, &english));
    // The apology goes out directly, not through the store: wait for it, not for the store.
    wait_until(|| p.calls().len() >= before + 2).await;
    let out = p.calls()[before..].to_vec();
    p.seen = p.calls().len();
    assert_eq!(
        out[0].method, "answerCallbackQuery",
        "the press is answered"
    );
    assert_eq!(
        texts(&out),
        [
            "Sorry, something went wrong on our side and I could not save that. Please try again in a few minutes."
        ]
    );
    let state: String = one(&db, "SELECT state FROM sessions WHERE user_id = '841'");
    assert!(
        state.contains("\"picking_language\":true") && state.contains("\"lang\":null"),
        "nothing of the step was stored: {state}"
    );
    // Space again: the same button works.
    c.execute_batch("DROP TRIGGER refuse").expect("drop");
    let out = p.tap("en-GB").await;
    assert!(
        texts(&out)[0].starts_with("Hello, and welcome."),
        "{:?}",
        texts(&out)
    );
    assert!(bot.log().contains("step not stored"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_claimed_request_erased_by_its_resident_is_reported_withdrawn() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start_with(
        &fake,
        &db,
        false,
        &[
            ("SIGNPOST_PRESCRIBERS", "900"),
            ("SIGNPOST_PRESCRIBER_CHAT", "-5000"),
        ],
    );
    polled(&fake, 1).await;
    let mut resident = Person::new(&fake, &db, 851, Some("en"));
    let reference = refer(&mut resident, "Imogen Threlkeld").await;
    let said_to = |chat: i64| {
        fake.calls()
            .iter()
            .filter(|c| c.method == "sendMessage" && c.body["chat_id"].as_i64() == Some(chat))
            .map(|c| c.body["text"].as_str().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    // The team has heard of it.
    wait_until(|| !said_to(-5000).is_empty()).await;
    let mut rima = Person::new(&fake, &db, 900, Some("en"));
    let out = rima.say("/next").await;
    assert!(texts(&out)[0].starts_with(&reference));
    resident.say("/forget").await;
    resident.tap("yes").await;
    let withdrawn =
        format!("Callback {reference} was withdrawn: the resident asked us to erase their data.");
    wait_until(|| said_to(900).contains(&withdrawn) && said_to(-5000).contains(&withdrawn)).await;
    assert_eq!(
        said_to(-5000),
        [
            format!("New callback {reference} (normal)."),
            withdrawn.clone()
        ]
    );
    let out = rima.say(&format!("/close {reference} spoke to her")).await;
    assert_eq!(
        texts(&out).last().map(String::as_str),
        Some(format!("Not done: there is no callback {reference}.").as_str())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn updates_the_inbox_cannot_store_stay_unconfirmed_and_are_answered_once_it_can() {
    let (fake, _dir, db) = setup().await;
    let bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut p = Person::new(&fake, &db, 861, Some("en"));
    p.say("/start").await;
    let (message, english) = english_button(&p);
    // The inbox refuses new updates, as a full disk would.
    let c = refuse_inserts(&db, "inbox");
    let from = fake.calls().len();
    let id = fake.push(fake_bot_api::press(861, Some("en"), message, &english));
    wait_until(|| bot.log().matches("cannot store updates").count() >= 2).await;
    let offsets = |calls: &[fake_bot_api::Call]| -> Vec<Option<i64>> {
        calls
            .iter()
            .filter(|c| c.method == "getUpdates")
            .map(|c| c.body["offset"].as_i64())
            .collect()
    };
    let during = offsets(&fake.calls()[from..]);
    assert!(during.len() >= 2, "asked again: {during:?}");
    assert!(
        during.iter().all(|o| o.is_none_or(|o| o <= id)),
        "update {id} was confirmed before it was stored: {during:?}"
    );
    assert_eq!(texts(&p.calls()[p.seen..]), Vec::<String>::new());
    // Space again: the same press is delivered again and answered, once.
    c.execute_batch("DROP TRIGGER refuse").expect("drop");
    settled(&db, id).await;
    let out = p.calls()[p.seen..].to_vec();
    let welcomes = texts(&out)
        .iter()
        .filter(|t| t.starts_with("Hello, and welcome."))
        .count();
    assert_eq!(welcomes, 1, "{:?}", texts(&out));
    wait_until(|| {
        offsets(&fake.calls())
            .last()
            .copied()
            .flatten()
            .is_some_and(|o| o > id)
    })
    .await;
    assert_eq!(fake.rejects(), vec![]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bot_api_call_that_never_answers_is_given_up_on_and_sent_again() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    fake.fail_next("sendMessage", Failure::Hang);
    fake.push(fake_bot_api::text(931, Some("en"), "/start"));
    let to = |chat: i64| -> Vec<u16> {
        fake.calls()
            .iter()
            .filter(|c| c.method == "sendMessage" && c.body["chat_id"].as_i64() == Some(chat))
            .map(|c| c.status)
            .collect()
    };
    wait_until(|| to(931) == [0]).await;
    // Another resident is answered while that call hangs.
    // (Not `say`: that waits for every unsent message, the hanging one included.)
    let other = Person::new(&fake, &db, 932, Some("en"));
    fake.push(fake_bot_api::text(932, Some("en"), "/start"));
    wait_until(|| !texts(&other.calls()).is_empty()).await;
    assert_eq!(
        texts(&other.calls()),
        ["Which language would you like to use?"]
    );
    assert_eq!(to(931), [0], "still hanging");
    // The client gives up (teloxide's default is 17 s), then the message is sent again, once.
    let deadline = Instant::now() + Duration::from_secs(60);
    while to(931).len() < 2 {
        assert!(Instant::now() < deadline, "never sent again: {:?}", to(931));
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(to(931), [0, 200], "given up on, then delivered once");
    let resident = Person::new(&fake, &db, 931, Some("en"));
    assert_eq!(
        texts(&resident.calls()),
        ["Which language would you like to use?"]
    );
    assert_eq!(fake.rejects(), vec![]);
}
