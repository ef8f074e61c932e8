//! A nudge, once: who is reminded after going quiet part way through a referral, in which
//! language, never in quiet hours, never twice (restarts and `kill -9` included), never after
//! finishing, declining consent or an erasure; and what its two buttons do. The rule is driven
//! in process with explicit clocks; the real `signpost serve` against the fake Bot API with
//! nudges due after a second or two.

mod bot;
mod common;
mod fake_bot_api;

use std::path::Path;

use bot::*;
use chrono::{DateTime, Duration, Timelike, Utc};
use fake_bot_api::{Call, Failure, FakeBotApi};
use serde_json::json;
use signpost::app::nudge::{self, Nudging, QuietHours};
use signpost::app::resident::{self, Answer, Hint, Resident, Said};
use signpost::content::locales::strip_isolation;
use signpost::engine::{Engine, LANGUAGE_NODE};
use signpost::store::{Channel, Store};

// ----- the rule, in process, with explicit clocks -----

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("a time")
        .with_timezone(&Utc)
}

struct Rule {
    _dir: tempfile::TempDir,
    store: Store,
    engine: Engine,
}

impl Rule {
    fn new() -> Rule {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("n.db")).expect("open");
        Rule {
            _dir: dir,
            store,
            engine: common::engine(),
        }
    }

    fn said(&mut self, channel: Channel, user: &str, said: Said, at: DateTime<Utc>) -> Answer {
        let e = &self.engine;
        self.store
            .in_transaction(|c| {
                resident::answer(c, e, Resident { channel, user }, said, Hint::None, at)
            })
            .expect("answered")
    }

    fn press(&mut self, user: &str, node: &str, choice: &str, at: DateTime<Utc>) -> Answer {
        let said = Said::Press {
            node: node.into(),
            choice: choice.into(),
        };
        self.said(Channel::Telegram, user, said, at)
    }

    /// `/start`, the language, and the privacy question answered `consent`.
    fn begin(
        &mut self,
        channel: Channel,
        user: &str,
        lang: &str,
        consent: &str,
        at: DateTime<Utc>,
    ) {
        self.said(channel, user, Said::Text("/start".into()), at);
        let lang_press = Said::Press {
            node: LANGUAGE_NODE.into(),
            choice: lang.into(),
        };
        self.said(channel, user, lang_press, at);
        let consent_press = Said::Press {
            node: "privacy".into(),
            choice: consent.into(),
        };
        self.said(channel, user, consent_press, at);
    }

    fn due(&mut self, nudging: &Nudging, at: DateTime<Utc>) -> nudge::Due {
        let e = &self.engine;
        self.store
            .in_transaction(|c| nudge::take_due(c, e, Channel::Telegram, nudging, at, 100))
            .expect("due")
    }

    fn rows(&mut self) -> Vec<(String, String, Option<String>)> {
        self.store
            .in_transaction(|c| {
                let mut s = c.prepare(
                    "SELECT channel, user_id, sent_at FROM nudges ORDER BY channel, user_id",
                )?;
                let rows = s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                rows.collect::<Result<Vec<_>, rusqlite::Error>>()
            })
            .expect("rows")
    }
}

fn hours(after: i64, quiet: Option<&str>) -> Nudging {
    Nudging {
        after: Some(Duration::hours(after)),
        quiet: quiet.map(|q| QuietHours::parse(q).expect("quiet hours")),
    }
}

fn users(due: &nudge::Due) -> Vec<&str> {
    due.nudges.iter().map(|n| n.user.as_str()).collect()
}

#[test]
fn who_is_due_and_when() {
    let mut r = Rule::new();
    let noon = utc("2026-01-15T12:00:00Z");
    r.begin(Channel::Telegram, "1", "en-GB", "yes", noon);
    r.begin(
        Channel::Telegram,
        "2",
        "bn",
        "yes",
        noon + Duration::minutes(30),
    );
    // Declined consent, or not asked yet: never nudged.
    r.begin(Channel::Telegram, "3", "en-GB", "no", noon);
    r.said(Channel::Telegram, "4", Said::Text("/start".into()), noon);
    // The terminal chat never nudges.
    r.begin(Channel::Terminal, "5", "en-GB", "yes", noon);
    let rows = r.rows();
    assert_eq!(
        rows,
        [
            ("telegram".into(), "1".into(), None),
            ("telegram".into(), "2".into(), None)
        ]
    );

    let nudging = hours(2, None);
    let early = r.due(&nudging, noon + Duration::hours(2) - Duration::seconds(1));
    assert!(early.nudges.is_empty());
    assert_eq!(early.next, Some(noon + Duration::hours(2)));
    let first = r.due(&nudging, noon + Duration::hours(2));
    assert_eq!(users(&first), ["1"]);
    let reply = &first.nudges[0].reply;
    assert_eq!(
        strip_isolation(&reply.text),
        r.engine.message("en-GB", "nudge-ask").text
    );
    let buttons: Vec<(&str, &str)> = reply
        .choices
        .iter()
        .map(|b| (b.id.as_str(), b.label.as_str()))
        .collect();
    assert_eq!(
        buttons,
        [
            ("carry-on", "Carry on"),
            ("stop", "Stop and delete what I typed")
        ]
    );
    assert_eq!(reply.node.as_deref(), Some(nudge::NUDGE_NODE));
    assert_eq!(first.next, Some(noon + Duration::minutes(150)));
    // In Bengali for the one who chose it; then nobody is due again.
    let second = r.due(&nudging, noon + Duration::hours(3));
    assert_eq!(users(&second), ["2"]);
    assert_eq!(
        second.nudges[0].reply.text,
        r.engine.message("bn", "nudge-ask").text
    );
    assert_eq!(second.nudges[0].reply.choices[0].label, "চালিয়ে যান");
    let later = r.due(&nudging, noon + Duration::days(3));
    assert!(later.nudges.is_empty() && later.next.is_none());

    // Carrying on and going quiet again brings no second nudge in this conversation.
    let back = r.press(
        "1",
        nudge::NUDGE_NODE,
        "carry-on",
        noon + Duration::hours(4),
    );
    let session = r
        .store
        .load_session(Channel::Telegram, "1")
        .expect("l")
        .expect("s");
    assert_eq!(session.node, "needs");
    assert_eq!(back.replies, r.engine.current(&session));
    r.press("1", "needs", "money", noon + Duration::hours(4));
    assert!(r.due(&nudging, noon + Duration::days(3)).nudges.is_empty());
    assert!(r.rows()[0].2.is_some(), "still recorded as nudged");
    // The retention purge takes the rows with the conversations.
    let purged = r
        .store
        .in_transaction(|c| signpost::privacy::purge(c, 90, noon + Duration::days(91)))
        .expect("purge");
    assert_eq!(purged.conversations, 5);
    assert!(r.rows().is_empty());
}

#[test]
fn quiet_hours_hold_nudges_until_the_morning_on_the_london_clock() {
    let mut r = Rule::new();
    // Summer (BST): the last step at 19:30 London time, due at 20:30, but quiet from 20:00.
    let step = utc("2026-07-01T18:30:00Z");
    r.begin(Channel::Telegram, "1", "ar", "yes", step);
    let nudging = hours(1, Some("20-9"));
    let due = r.due(&nudging, step + Duration::hours(1));
    assert!(due.nudges.is_empty());
    assert_eq!(due.held, 1);
    // 09:00 BST is 08:00 UTC.
    assert_eq!(due.next, Some(utc("2026-07-02T08:00:00Z")));
    assert!(
        r.due(&nudging, utc("2026-07-02T07:59:59Z"))
            .nudges
            .is_empty()
    );
    let morning = r.due(&nudging, utc("2026-07-02T08:00:00Z"));
    assert_eq!(users(&morning), ["1"]);
    assert_eq!(morning.held, 0);
    // Off: nothing is ever due.
    r.begin(Channel::Telegram, "2", "en-GB", "yes", step);
    let off = Nudging {
        after: None,
        quiet: None,
    };
    assert_eq!(r.due(&off, step + Duration::days(9)), nudge::Due::default());
}

#[test]
fn stop_erases_only_after_a_nudge_and_an_erasure_forgets_the_nudge() {
    let mut r = Rule::new();
    let noon = utc("2026-01-15T12:00:00Z");
    r.begin(Channel::Telegram, "1", "en-GB", "yes", noon);
    // A forged press, before any nudge: nothing erased, the question again.
    let forged = r.press("1", nudge::NUDGE_NODE, "stop", noon);
    assert!(!forged.erased);
    assert_eq!(
        strip_isolation(&forged.replies[0].text),
        r.engine.message("en-GB", "stale-choice").text
    );
    assert!(
        r.store
            .load_session(Channel::Telegram, "1")
            .expect("l")
            .is_some()
    );
    // Nudged: "stop" erases as a confirmed /forget does.
    let nudging = hours(1, None);
    assert_eq!(users(&r.due(&nudging, noon + Duration::hours(2))), ["1"]);
    let unknown = r.press("1", nudge::NUDGE_NODE, "maybe", noon + Duration::hours(2));
    assert!(!unknown.erased);
    let stop = r.press("1", nudge::NUDGE_NODE, "stop", noon + Duration::hours(2));
    assert!(stop.erased);
    assert_eq!(
        strip_isolation(&stop.replies[0].text),
        r.engine.message("en-GB", "forget-done").text
    );
    assert!(
        r.store
            .load_session(Channel::Telegram, "1")
            .expect("l")
            .is_none()
    );
    assert!(r.rows().is_empty());
    // A second press of the old button erases nothing more and nudges nobody.
    r.begin(
        Channel::Telegram,
        "1",
        "en-GB",
        "yes",
        noon + Duration::hours(3),
    );
    let again = r.press("1", nudge::NUDGE_NODE, "stop", noon + Duration::hours(3));
    assert!(!again.erased);
    // /forget confirmed before the nudge: the nudge goes with everything else.
    r.said(
        Channel::Telegram,
        "1",
        Said::Text("/forget".into()),
        noon + Duration::hours(3),
    );
    let done = r.press(
        "1",
        signpost::app::rights::FORGET_NODE,
        "yes",
        noon + Duration::hours(3),
    );
    assert!(done.erased);
    assert!(r.rows().is_empty());
    assert!(r.due(&nudging, noon + Duration::days(1)).nudges.is_empty());
}

#[test]
fn the_nudge_answered_in_words_carries_on_or_asks_before_erasing() {
    let mut r = Rule::new();
    let noon = utc("2026-01-15T12:00:00Z");
    let later = noon + Duration::hours(2);
    let text = |s: &str| Said::Text(s.into());
    let nudging = hours(1, None);
    // Before any nudge, "carry on" is an answer like any other.
    r.begin(Channel::Telegram, "1", "ar", "yes", noon);
    let before = r.said(Channel::Telegram, "1", text("استمر"), noon);
    assert_ne!(
        strip_isolation(&before.replies[0].text),
        strip_isolation(&r.engine.message("ar", "forget-confirm").text)
    );
    assert_eq!(users(&r.due(&nudging, later)), ["1"]);
    // Nudged: "carry on" in Arabic shows the question again, nothing erased or answered.
    let on = r.said(Channel::Telegram, "1", text("أكمل"), later);
    assert!(!on.erased);
    assert_eq!(
        on.replies.len(),
        1,
        "the question alone, not 'I didn't understand'"
    );
    assert_eq!(on.replies[0].node.as_deref(), Some("needs"));
    // Carried on: "stop" is now an answer to the question, never the nudge's.
    let next = r.said(
        Channel::Telegram,
        "1",
        text("توقف"),
        later + Duration::minutes(1),
    );
    assert!(!next.erased);
    assert_ne!(
        next.replies[0].node.as_deref(),
        Some(signpost::app::rights::FORGET_NODE)
    );
    // A number answers the question, never the nudge.
    r.said(Channel::Telegram, "1", text("2"), later);
    let session = r
        .store
        .load_session(Channel::Telegram, "1")
        .expect("l")
        .expect("s");
    assert_eq!(session.picks, ["physical"]);
    // After that step, "stop" is an answer again, not the nudge's.
    let after = r.said(Channel::Telegram, "1", text("توقف"), later);
    assert!(!after.erased);
    assert_ne!(
        after.replies[0].node.as_deref(),
        Some(signpost::app::rights::FORGET_NODE)
    );

    // Another person, nudged, types "stop": asked first, then erased on "yes".
    r.begin(Channel::Telegram, "2", "en-GB", "yes", noon);
    assert_eq!(users(&r.due(&nudging, later)), ["2"]);
    let asked = r.said(Channel::Telegram, "2", text("Stop."), later);
    assert!(!asked.erased);
    assert_eq!(
        asked.replies[0].node.as_deref(),
        Some(signpost::app::rights::FORGET_NODE)
    );
    let done = r.said(Channel::Telegram, "2", text("yes"), later);
    assert!(done.erased);
    assert!(
        r.store
            .load_session(Channel::Telegram, "2")
            .expect("l")
            .is_none()
    );
}

#[test]
fn nobody_is_nudged_while_the_question_about_their_safety_waits() {
    let mut r = Rule::new();
    let noon = utc("2026-01-15T12:00:00Z");
    let nudging = hours(1, None);
    r.begin(Channel::Telegram, "1", "en-GB", "yes", noon);
    let asked = r.said(
        Channel::Telegram,
        "1",
        Said::Text("whats the point".into()),
        noon,
    );
    assert_eq!(
        asked.replies.last().and_then(|q| q.node.as_deref()),
        Some(signpost::engine::ASK_NODE)
    );
    assert!(r.due(&nudging, noon + Duration::hours(5)).nudges.is_empty());
    // Answered, and quiet again: nudged as anyone part way.
    let later = noon + Duration::hours(6);
    let no = Said::Press {
        node: signpost::engine::ASK_NODE.into(),
        choice: "no".into(),
    };
    r.said(Channel::Telegram, "1", no, later);
    assert_eq!(users(&r.due(&nudging, later + Duration::hours(2))), ["1"]);
}

// ----- the real binary against the fake Bot API -----

/// The nudges sent (or tried) to `chat`: messages carrying the nudge's buttons.
fn nudges_to(fake: &FakeBotApi, chat: i64) -> Vec<Call> {
    fake.calls()
        .into_iter()
        .filter(|c| c.method == "sendMessage" && c.body["chat_id"].as_i64() == Some(chat))
        .filter(|c| c.body.to_string().contains("\"/nudge|"))
        .collect()
}

fn delivered(fake: &FakeBotApi, chat: i64) -> usize {
    nudges_to(fake, chat)
        .iter()
        .filter(|c| c.status == 200)
        .count()
}

async fn wait_for_nudge(fake: &FakeBotApi, chat: i64) {
    wait_until(|| delivered(fake, chat) > 0).await;
}

/// `/start`, a language and consent: at the first question of the referral, which is
/// returned as sent.
async fn part_way(p: &mut Person, lang: &str) -> String {
    p.say("/start").await;
    p.tap(lang).await;
    let asked = texts(&p.tap("yes").await);
    asked.last().cloned().expect("the first question")
}

fn nudge_rows(db: &Path, user: i64) -> Vec<Option<String>> {
    let c = rusqlite::Connection::open(db).expect("open");
    let mut s = c
        .prepare("SELECT sent_at FROM nudges WHERE channel = 'telegram' AND user_id = ?1")
        .expect("prepare");
    s.query_map([user.to_string()], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

const QUICK: [(&str, &str); 2] = [
    ("SIGNPOST_NUDGE_AFTER", "2s"),
    ("SIGNPOST_QUIET_HOURS", "off"),
];

/// Long enough that nobody is nudged between two steps of a whole referral on a busy machine.
const BETWEEN_STEPS: [(&str, &str); 2] = [
    ("SIGNPOST_NUDGE_AFTER", "4s"),
    ("SIGNPOST_QUIET_HOURS", "off"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn people_who_go_quiet_part_way_are_nudged_once_in_their_language() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start_with(&fake, &db, false, &BETWEEN_STEPS);
    let engine = common::engine();
    let mut finished = Person::new(&fake, &db, 301, Some("en"));
    let mut declined = Person::new(&fake, &db, 302, Some("en"));
    let mut forgot = Person::new(&fake, &db, 303, Some("en"));
    let mut unasked = Person::new(&fake, &db, 304, Some("en"));
    let mut english = Person::new(&fake, &db, 305, Some("en"));
    let mut arabic = Person::new(&fake, &db, 306, Some("ar"));
    // Everyone who is not to be nudged falls quiet first.
    refer(&mut finished, "Ada Lovelace").await;
    declined.say("/start").await;
    declined.tap("en-GB").await;
    declined.tap("no").await;
    part_way(&mut forgot, "en-GB").await;
    forgot.say("/forget").await;
    forgot.tap("yes").await;
    unasked.say("/start").await;
    unasked.tap("en-GB").await;
    let needs = part_way(&mut english, "en-GB").await;
    part_way(&mut arabic, "ar").await;

    wait_for_nudge(&fake, english.id).await;
    wait_for_nudge(&fake, arabic.id).await;
    let en = &nudges_to(&fake, english.id)[0];
    assert_eq!(
        texts(std::slice::from_ref(en)),
        [engine.message("en-GB", "nudge-ask").text]
    );
    assert_eq!(
        labels(std::slice::from_ref(en)),
        ["Carry on", "Stop and delete what I typed"]
    );
    let ar = &nudges_to(&fake, arabic.id)[0];
    assert_eq!(
        texts(std::slice::from_ref(ar)),
        [strip_isolation(&engine.message("ar", "nudge-ask").text)]
    );
    assert_eq!(
        labels(std::slice::from_ref(ar)),
        ["متابعة", "توقّف واحذف ما كتبتُه"]
    );

    // Someone falls quiet after those nudges: by the time theirs comes, any second nudge
    // (or one to the others) would have come too.
    let mut later = Person::new(&fake, &db, 307, Some("en"));
    part_way(&mut later, "en-GB").await;
    wait_for_nudge(&fake, later.id).await;
    assert_eq!(nudges_to(&fake, english.id).len(), 1);
    assert_eq!(nudges_to(&fake, arabic.id).len(), 1);
    for p in [&finished, &declined, &forgot, &unasked] {
        assert!(nudges_to(&fake, p.id).is_empty(), "{} was nudged", p.id);
    }

    // "Carry on": the question they were on.
    english.seen = english.calls().len();
    let out = english.tap("carry-on").await;
    assert_eq!(texts(&out), [needs]);
    assert!(
        labels(&out).contains(&"Money and debt".to_string()),
        "{:?}",
        labels(&out)
    );
    // "Stop": erased as /forget erases, in their language.
    arabic.seen = arabic.calls().len();
    let out = arabic.tap("stop").await;
    assert_eq!(
        texts(&out),
        [strip_isolation(&engine.message("ar", "forget-done").text)]
    );
    let held = |user: i64| -> i64 {
        one(
            &db,
            &format!(
                "SELECT (SELECT count(*) FROM sessions WHERE user_id = '{user}')
                      + (SELECT count(*) FROM nudges WHERE user_id = '{user}')"
            ),
        )
    };
    assert_eq!(held(arabic.id), 0);
    assert!(held(english.id) > 0);
    assert_eq!(nudge_rows(&db, english.id).len(), 1);
    assert!(fake.rejects().is_empty(), "{:?}", fake.rejects());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nudge_due_while_the_bot_was_down_or_killed_is_sent_once_and_a_blocked_one_never_again() {
    let (fake, _dir, db) = setup().await;
    let slow = [
        ("SIGNPOST_NUDGE_AFTER", "3s"),
        ("SIGNPOST_QUIET_HOURS", "off"),
    ];
    // Run 1: part way, then killed long before the nudge is due.
    let mut bot = Bot::start_with(&fake, &db, false, &slow);
    let mut ann = Person::new(&fake, &db, 401, Some("en"));
    part_way(&mut ann, "en-GB").await;
    bot.kill9();
    assert!(
        nudges_to(&fake, ann.id).is_empty(),
        "nudged before it was due"
    );
    assert_eq!(nudge_rows(&db, ann.id), [None]);
    // Down when it falls due.
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;

    // Run 2: the nudge is taken and its sending hangs; killed before Telegram answers.
    fake.fail_next("sendMessage", Failure::Hang);
    let mut bot = Bot::start_with(&fake, &db, false, &slow);
    wait_until(|| !nudges_to(&fake, ann.id).is_empty()).await;
    bot.kill9();
    assert_eq!(delivered(&fake, ann.id), 0);
    assert!(nudge_rows(&db, ann.id)[0].is_some(), "recorded as sent");

    // Run 3: sent from the outbox, once. Someone who blocked the bot is tried once.
    let bot = Bot::start_with(&fake, &db, false, &slow);
    wait_for_nudge(&fake, ann.id).await;
    let mut bea = Person::new(&fake, &db, 402, Some("en"));
    part_way(&mut bea, "en-GB").await;
    fake.block(bea.id);
    wait_until(|| !nudges_to(&fake, bea.id).is_empty()).await;
    assert_eq!(nudges_to(&fake, bea.id)[0].status, 403);
    // Killed once the refusal is dealt with (the outbox forgets what was sent or refused a
    // moment after Telegram answers; a crash in that moment sends it once more, as any reply).
    wait_until(|| one::<i64>(&db, "SELECT count(*) FROM outbox") == 0).await;
    drop(bot);

    // Run 4: nothing more for either, by the time a later person's nudge has come.
    let _bot = Bot::start_with(&fake, &db, false, &slow);
    let mut cai = Person::new(&fake, &db, 403, Some("en"));
    part_way(&mut cai, "en-GB").await;
    wait_for_nudge(&fake, cai.id).await;
    assert_eq!(
        delivered(&fake, ann.id),
        1,
        "{:?}",
        nudges_to(&fake, ann.id)
    );
    assert_eq!(
        nudges_to(&fake, ann.id).len(),
        2,
        "the hung try and the one sent"
    );
    assert_eq!(
        nudges_to(&fake, bea.id).len(),
        1,
        "a blocked person is not retried"
    );
    assert!(fake.rejects().is_empty(), "{:?}", fake.rejects());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quiet_hours_covering_now_hold_the_nudge_back() {
    // A window from this London hour to two hours later covers now, whatever the season.
    let hour = Utc::now().with_timezone(&chrono_tz::Europe::London).hour();
    let window = format!("{hour}-{}", (hour + 2) % 24);
    let (fake, _dir, db) = setup().await;
    let bot = Bot::start_with(
        &fake,
        &db,
        false,
        &[
            ("SIGNPOST_NUDGE_AFTER", "1s"),
            ("SIGNPOST_QUIET_HOURS", &window),
        ],
    );
    let mut dee = Person::new(&fake, &db, 501, Some("en"));
    part_way(&mut dee, "en-GB").await;
    wait_until(|| bot.log().contains("nudges held back by quiet hours")).await;
    assert!(nudges_to(&fake, dee.id).is_empty());
    assert_eq!(nudge_rows(&db, dee.id), [None]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bot_on_a_webhook_nudges_too() {
    let (fake, _dir, db) = setup().await;
    let (_bot, addr, path, secret) = webhook_bot_with(&fake, &db, &QUICK).await;
    let user = 601;
    let mut update_id = 9000;
    let mut post = async |update: serde_json::Value| {
        let mut update = update;
        update_id += 1;
        update["update_id"] = json!(update_id);
        let (code, _) = fake_bot_api::http_post(
            &addr,
            &path,
            &[("X-Telegram-Bot-Api-Secret-Token", &secret)],
            &update.to_string(),
        )
        .await;
        assert_eq!(code, 200);
        settled(&db, update_id).await;
    };
    post(fake_bot_api::text(user, Some("bn"), "/start")).await;
    post(fake_bot_api::press(
        user,
        Some("bn"),
        1,
        &format!("{LANGUAGE_NODE}|bn"),
    ))
    .await;
    post(fake_bot_api::press(user, Some("bn"), 2, "privacy|yes")).await;
    wait_for_nudge(&fake, user).await;
    let engine = common::engine();
    let sent = nudges_to(&fake, user);
    assert_eq!(texts(&sent), [engine.message("bn", "nudge-ask").text]);
    assert_eq!(labels(&sent), ["চালিয়ে যান", "থামুন, আমার লেখা মুছে দিন"]);
    assert!(fake.rejects().is_empty(), "{:?}", fake.rejects());
}

#[test]
fn a_setting_that_is_not_one_stops_serve_with_the_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    for (var, value, says) in [
        (
            "SIGNPOST_NUDGE_AFTER",
            "tomorrow",
            "SIGNPOST_NUDGE_AFTER must be a duration",
        ),
        (
            "SIGNPOST_NUDGE_AFTER",
            "0s",
            "SIGNPOST_NUDGE_AFTER must be a duration",
        ),
        (
            "SIGNPOST_QUIET_HOURS",
            "9pm-7am",
            "SIGNPOST_QUIET_HOURS: quiet hours are written",
        ),
        (
            "SIGNPOST_QUIET_HOURS",
            "9-9",
            "SIGNPOST_QUIET_HOURS: quiet hours are written",
        ),
    ] {
        let o = common::run(
            &db,
            &["serve"],
            b"",
            &[(var, value), ("TELOXIDE_TOKEN", "123456:TEST-TOKEN")],
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{var}={value}: {err}");
        assert!(
            err.contains(says) && err.contains(value),
            "{var}={value}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
}
