//! What an outside security review found, tried again against the real `signpost serve` and
//! the fake Bot API: updates Telegram's types cannot hold, floods of presses, forged
//! prescribers and confirmations, personal data in logs, and a token that cannot work.

mod bot;
mod common;
mod fake_bot_api;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bot::*;
use fake_bot_api::Failure;
use serde_json::{Value, json};

/// A `/start` (or any text) from `user` as JSON text with the given id.
fn text_json(id: i64, user: i64, text: &str) -> String {
    let mut u = fake_bot_api::text(user, Some("en"), text);
    u["update_id"] = json!(id);
    u.to_string()
}

/// Waits for a `getUpdates` call asking for `offset`.
async fn asked_for(fake: &fake_bot_api::FakeBotApi, offset: i64) {
    wait_until(|| {
        fake.calls()
            .iter()
            .any(|c| c.method == "getUpdates" && c.body["offset"].as_i64() == Some(offset))
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreadable_update_costs_only_itself() {
    let (fake, _dir, db) = setup().await;
    let bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    // A lone surrogate in a text, JSON nested 200 deep, and an ordinary /start: one batch.
    let surrogate = text_json(1000, 811, "x").replace(r#""text":"x""#, r#""text":"hi \ud800""#);
    let deep = text_json(1001, 812, "y").replace(
        r#""text":"y""#,
        &format!(
            r#""text":"y","extra":{}{}"#,
            "[".repeat(200),
            "]".repeat(200)
        ),
    );
    assert!(serde_json::from_str::<Value>(&surrogate).is_err());
    assert!(serde_json::from_str::<Value>(&deep).is_err());
    // And an ordinary /start sharing its id with an unreadable copy, as a broken proxy might.
    let unreadable_twin = text_json(1003, 814, "x").replace(r#""text":"x""#, r#""text":"\udfff""#);
    fake.push_texts(&[
        (1000, surrogate),
        (1001, deep),
        (1002, text_json(1002, 813, "/start")),
        (1003, text_json(1003, 814, "/start")),
        (1003, unreadable_twin),
    ]);
    settled(&db, 1002).await;
    settled(&db, 1003).await;
    for user in [813, 814] {
        let fine = Person::new(&fake, &db, user, Some("en"));
        assert_eq!(
            texts(&fine.calls()),
            ["Which language would you like to use?"],
            "{user}"
        );
    }
    // The two it could not read are marked handled and named by id in the log, and polling
    // carries on past them.
    for id in [1000, 1001] {
        let done: i64 = one(
            &db,
            &format!(
                "SELECT count(*) FROM inbox WHERE update_id = {id} AND processed_at IS NOT NULL"
            ),
        );
        assert_eq!(done, 1, "update {id}");
    }
    asked_for(&fake, 1004).await;
    let log = bot.log();
    assert!(
        log.contains("update=1000") && log.contains("unreadable update skipped"),
        "{log}"
    );
    // Nothing the person wrote reaches the log.
    assert!(
        !log.contains("hi \\ud800") && !log.contains("\"text\""),
        "{log}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ids_outside_teloxides_range_are_answered_and_the_offset_follows_them() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    // A negative id alone: answered, and the next poll asks from 1, not for "the last 6".
    fake.push_text(-7, &text_json(-7, 820, "/start"));
    settled(&db, -7).await;
    asked_for(&fake, 1).await;
    assert!(
        !fake
            .calls()
            .iter()
            .any(|c| c.method == "getUpdates" && c.body["offset"].as_i64().is_some_and(|o| o < 1)),
        "a negative offset was sent"
    );
    // Then ordinary ids (anything below the offset would be confirmed, as Telegram does).
    fake.push_texts(&[
        (999, text_json(999, 821, "/start")),
        (1000, text_json(1000, 822, "/start")),
    ]);
    settled(&db, 1000).await;
    for user in [820, 821, 822] {
        let p = Person::new(&fake, &db, user, Some("en"));
        assert_eq!(
            texts(&p.calls()),
            ["Which language would you like to use?"],
            "{user}"
        );
    }
    asked_for(&fake, 1001).await;
    // An id past 2^32: answered, and the next poll asks for the update after it.
    let big = 1_i64 << 40;
    fake.push_text(big, &text_json(big, 823, "/start"));
    settled(&db, big).await;
    let p = Person::new(&fake, &db, 823, Some("en"));
    assert_eq!(texts(&p.calls()), ["Which language would you like to use?"]);
    asked_for(&fake, big + 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_presses_costs_a_bounded_number_of_calls_and_slows_no_one_else() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut flooder = Person::new(&fake, &db, 831, Some("en"));
    flooder.say("/start").await;
    let (message, buttons) = flooder.keyboard();
    let data = buttons[0].1.clone();
    let before = flooder.calls().len();
    let started = Instant::now();
    let presses: Vec<(i64, String)> = (0..1000)
        .map(|i| {
            let id = 5000 + i;
            let mut u = fake_bot_api::press(831, Some("en"), message, &data);
            u["update_id"] = json!(id);
            u["callback_query"]["id"] = json!(format!("forged-{i}"));
            (id, u.to_string())
        })
        .collect();
    fake.push_texts(&presses);
    // Someone else, after the flood (ids rise, as Telegram's do).
    fake.push_text(6000, &text_json(6000, 832, "/start"));
    settled(&db, 6000).await;
    let other = Person::new(&fake, &db, 832, Some("en"));
    assert_eq!(
        texts(&other.calls()),
        ["Which language would you like to use?"]
    );
    settled(&db, 5999).await;
    let elapsed = started.elapsed().as_secs_f64();
    let calls = fake
        .calls()
        .into_iter()
        .filter(|c| {
            c.body["chat_id"].as_i64() == Some(831)
                || c.body["callback_query_id"]
                    .as_str()
                    .is_some_and(|q| q.starts_with("forged-"))
        })
        .count()
        - before;
    // 40 presses at once, 3 a second after that, each at most 3 calls; and one "slow down".
    let allowed = 3 * (40 + (3.0 * elapsed).ceil() as usize) + 1;
    assert!(
        calls <= allowed,
        "{calls} calls for 1,000 presses in {elapsed:.1} s (at most {allowed})"
    );
    let told = texts(&flooder.calls())
        .iter()
        .filter(|t| t.contains("very quickly"))
        .count();
    assert_eq!(told, 1);
    let pending: i64 = one(&db, "SELECT count(*) FROM inbox WHERE processed_at IS NULL");
    assert_eq!(pending, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prescribers_are_known_by_sender_and_named_not_numbered() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start_with(&fake, &db, false, &[("SIGNPOST_PRESCRIBERS", "900, 901")]);
    polled(&fake, 1).await;
    let mut resident = Person::new(&fake, &db, 841, Some("en"));
    let reference = refer(&mut resident, "Samira Begum").await;

    // A message in prescriber 900's chat, sent by someone else: not a prescriber's command.
    let mut forged = fake_bot_api::text(900, Some("en"), "/next");
    forged["message"]["from"]["id"] = json!(842);
    let mut stranger = Person::new(&fake, &db, 900, Some("en"));
    let out = stranger.send(forged).await;
    assert!(
        !texts(&out).join(" ").contains(&reference),
        "{:?}",
        texts(&out)
    );
    assert_eq!(queue(&db)[0]["status"], "open");
    let refused: i64 = one(
        &db,
        "SELECT count(*) FROM audit WHERE event = 'prescriber-command-refused'",
    );
    assert_eq!(refused, 1);

    // Rima claims it; Tom is told it is hers, by her name, not her Telegram id.
    let mut rima_next = fake_bot_api::text(900, Some("en"), "/next");
    rima_next["message"]["from"]["first_name"] = json!("Rima");
    rima_next["message"]["from"]["last_name"] = json!("Akhtar");
    let mut rima = stranger;
    let out = rima.send(rima_next).await;
    let record = texts(&out).join("\n");
    assert!(record.starts_with(&reference), "{record}");
    assert!(record.contains("Claimed by Rima Akhtar"), "{record}");
    assert!(!record.contains("telegram:900"), "{record}");
    let mut tom = Person::new(&fake, &db, 901, Some("en"));
    let out = tom.say(&format!("/release {reference}")).await;
    assert_eq!(
        texts(&out),
        [format!(
            "Not done: {reference} is claimed by Rima Akhtar, not you; only they can do that."
        )]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forget_confirmation_never_asked_for_erases_nothing() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut wil = Person::new(&fake, &db, 851, Some("en"));
    let reference = refer(&mut wil, "Wilhelmina Oakenshott").await;
    let out = wil
        .send(fake_bot_api::press(851, Some("en"), 1, "/forget|yes"))
        .await;
    assert!(
        texts(&out).iter().any(|t| t == "Nothing was deleted."),
        "{:?}",
        texts(&out)
    );
    let q = queue(&db);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0]["reference"], reference.as_str());
    assert_eq!(q[0]["answers"]["name"], "Wilhelmina Oakenshott");

    // Asked, then confirmed: erased. The same press again finds nothing to act on.
    wil.say("/forget").await;
    let (_, buttons) = wil.keyboard();
    assert!(
        buttons.iter().any(|(_, d)| d == "/forget|yes"),
        "{buttons:?}"
    );
    let out = wil.tap("yes").await;
    assert!(
        texts(&out)
            .iter()
            .any(|t| t.starts_with("Done: we have deleted")),
        "{:?}",
        texts(&out)
    );
    assert!(queue(&db).is_empty());
    let asks: i64 = one(&db, "SELECT count(*) FROM forget_asks");
    assert_eq!(asks, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_name_people_by_pseudonym_not_telegram_id() {
    let (fake, _dir, db) = setup().await;
    let bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    fake.fail_next("sendMessage", Failure::Reset);
    let mut p = Person::new(&fake, &db, 90106, Some("en"));
    let out = p.say("/start").await;
    assert!(texts(&out).contains(&"Which language would you like to use?".to_string()));
    let log = bot.log();
    let line = log
        .lines()
        .find(|l| l.contains("sending failed"))
        .unwrap_or_else(|| panic!("no warning about the failed send: {log}"));
    assert!(line.contains("who="), "{line}");
    assert!(!log.contains("90106"), "{log}");
}

/// Runs `signpost serve` to its end: (exit code, stderr).
fn serve_once(
    fake: &fake_bot_api::FakeBotApi,
    token: &str,
    args: &[&str],
) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["serve", "--db"])
        .arg(dir.path().join("s.db"))
        .args(args)
        .env("TELOXIDE_TOKEN", token)
        .env("TELOXIDE_API_URL", &fake.url)
        .env("SIGNPOST_CONTENT", common::bundled())
        // The default, as an operator would run it.
        .env("SIGNPOST_RATE_LIMIT", "on")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let deadline = Instant::now() + Duration::from_secs(20);
    let code = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break status.code();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = child.wait_with_output().expect("output");
    (code, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_token_stops_the_bot_before_any_call() {
    let fake = fake_bot_api::FakeBotApi::start().await;
    for token in ["bot123456:ABC", "123456 ABC", "not a token"] {
        let (code, err) = serve_once(&fake, token, &[]);
        assert_eq!(code, Some(1), "{token}: {err}");
        assert!(err.contains("does not look like a bot token"), "{err}");
        assert!(!err.contains(token), "the token is not echoed: {err}");
    }
    assert!(
        fake.calls().is_empty(),
        "nothing was sent with a malformed token"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_telegram_refuses_stops_the_bot_with_the_reason() {
    let fake = fake_bot_api::FakeBotApi::start().await;
    // Refused by Telegram (401): said once, not retried for ever.
    fake.fail_next("getMe", Failure::Unauthorized);
    let (code, err) = serve_once(&fake, "123456:REVOKED-TOKEN", &[]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("Telegram refused the bot token"), "{err}");
    assert_eq!(
        fake.calls().iter().filter(|c| c.method == "getMe").count(),
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_revoked_while_polling_stops_the_bot_with_the_reason() {
    let (fake, _dir, db) = setup().await;
    let mut bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut p = Person::new(&fake, &db, 861, Some("en"));
    p.say("/start").await;
    fake.fail_next("getUpdates", Failure::Unauthorized);
    let deadline = Instant::now() + Duration::from_secs(20);
    let code = loop {
        if let Ok(Some(status)) = bot.child.try_wait() {
            break status.code();
        }
        assert!(Instant::now() < deadline, "still running: {}", bot.log());
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(code, Some(1), "{}", bot.log());
    assert!(
        bot.log().contains("Telegram refused the bot token"),
        "{}",
        bot.log()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_http_webhook_url_is_refused() {
    let fake = fake_bot_api::FakeBotApi::start().await;
    let (code, err) = serve_once(
        &fake,
        "123456:TEST-TOKEN",
        &[
            "--webhook-url",
            "http://bot.example.org/hook",
            "--listen",
            "127.0.0.1:0",
        ],
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("must be an https:// address"), "{err}");
    assert!(!fake.calls().iter().any(|c| c.method == "setWebhook"));
}
