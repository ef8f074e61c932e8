//! The real `signpost serve` binary against a fake Bot API on 127.0.0.1: whole referrals in
//! English and Arabic, stale buttons, stickers, groups, commands mid-flow, `kill -9` and restart,
//! updates delivered twice, 429s, and a burst of residents under Telegram's limits.

mod bot;
mod common;
mod fake_bot_api;

use std::process::Command;
use std::time::Duration;

use bot::*;
use fake_bot_api::{Call, Failure, FakeBotApi};
use serde_json::{Value, json};
use signpost::content::locales::strip_isolation;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_referral_in_english_through_buttons_and_text() {
    let (fake, _dir, db) = setup().await;
    let bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut p = Person::new(&fake, &db, 501, Some("en"));

    let out = p.say("/start").await;
    assert_eq!(texts(&out), ["Which language would you like to use?"]);
    assert_eq!(
        labels(&out),
        [
            "English",
            "العربية",
            "বাংলা",
            "Polski",
            "Soomaali",
            "Türkçe",
            "اردو",
            "简体中文"
        ],
        "the app's language first, each in its own script"
    );
    let out = p.tap("en-GB").await;
    assert_eq!(
        out[0].method, "answerCallbackQuery",
        "every press is answered first"
    );
    assert_eq!(
        out[1].method, "editMessageReplyMarkup",
        "the old buttons are removed"
    );
    assert!(out[1].body.get("reply_markup").is_none());
    let t = texts(&out);
    assert_eq!(
        t.len(),
        1,
        "the welcome and the question arrive as one message"
    );
    assert!(
        t[0].starts_with("Hello, and welcome.") && t[0].ends_with("keep your answers for this?")
    );
    p.tap("yes").await;
    let out = p.tap("mental").await;
    assert_eq!(
        texts(&out),
        Vec::<String>::new(),
        "a tick edits the buttons in place"
    );
    assert!(labels(&out).contains(&"✓ Feeling low or worried".to_string()));
    p.tap("money").await;
    let out = p.tap("done").await;
    assert!(texts(&out)[0].starts_with("Would you like to tell us a bit more?"));
    p.say("I care for my dad and I'm worn out").await;
    p.say("Sam").await;
    p.tap("prefer-not").await;
    p.say("Blithehale Health Centre").await;
    p.tap("phone").await;
    let out = p.say("0770 090 012").await;
    assert!(texts(&out)[0].starts_with("That doesn't look like a UK phone number"));
    p.say("07700 900123").await;
    p.tap("afternoon").await;
    p.say("E2 7QA").await;
    let out = p.tap("none").await;
    let summary = texts(&out).join("\n");
    assert!(
        summary.contains("Name: Sam") && summary.contains("Phone: 07700 900123"),
        "{summary}"
    );
    let out = p.tap("confirm").await;
    let all = texts(&out).join("\n");
    assert!(all.contains("Here are some local services"), "{all}");
    let reference = all
        .split("Your reference is ")
        .nth(1)
        .map(|r| r[..7].to_string())
        .expect("reference");
    assert!(all.contains("Samaritans on 116 123"));

    let q = queue(&db);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0]["reference"], reference.as_str());
    assert_eq!(q[0]["channel"], "telegram");
    assert_eq!(q[0]["user_id"], "501");
    assert_eq!(q[0]["needs"], json!(["mental", "money"]));
    assert_eq!(q[0]["answers"]["phone"], "07700900123");
    assert_eq!(
        q[0]["answers"]["story"],
        "I care for my dad and I'm worn out"
    );

    // Every request was one Telegram accepts; every press was answered.
    assert_eq!(fake.rejects(), vec![]);
    let presses = fake
        .calls()
        .iter()
        .filter(|c| c.method == "getUpdates")
        .flat_map(|c| c.result.as_array().cloned().unwrap_or_default())
        .filter(|u| u.get("callback_query").is_some())
        .map(|u| {
            u["callback_query"]["id"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect::<std::collections::BTreeSet<_>>();
    let answered = fake
        .calls()
        .iter()
        .filter(|c| c.method == "answerCallbackQuery")
        .map(|c| {
            c.body["callback_query_id"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect::<std::collections::BTreeSet<_>>();
    assert_eq!(presses, answered);
    // Commands are registered in every language, and everything is plain text.
    let commands: Vec<_> = fake
        .calls()
        .into_iter()
        .filter(|c| c.method == "setMyCommands")
        .collect();
    let codes: Vec<_> = commands
        .iter()
        .map(|c| c.body["language_code"].as_str().unwrap_or("").to_string())
        .collect();
    for code in ["en", "ar", "bn", "pl", "so", "tr", "ur", "zh", ""] {
        assert!(codes.contains(&code.to_string()), "{codes:?}");
    }
    assert_eq!(
        commands[0].body["commands"].as_array().map(Vec::len),
        Some(7)
    );
    assert!(!bot.log().contains("Sam"), "no names in logs");
    // Whole numbers only: timestamps' microseconds may hold any five digits.
    assert!(
        !bot.log().contains("07700 900123") && !bot.log().contains("7700900123"),
        "no phone numbers in logs"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_referral_in_arabic_keeps_right_to_left_isolation() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut p = Person::new(&fake, &db, 502, Some("ar"));
    let out = p.say("مرحبا").await;
    assert_eq!(
        labels(&out)[0],
        "العربية",
        "Arabic first for an Arabic phone"
    );
    assert_eq!(texts(&out), ["ما اللغة التي تريد استخدامها؟"]);
    p.tap("ar").await;
    p.tap("yes").await;
    p.tap("housing").await;
    p.tap("done").await;
    p.tap("no-thanks").await;
    p.say("سامي").await;
    p.say("٣/٧/١٩٥٨").await;
    p.tap("dont-know").await;
    p.tap("message").await;
    p.say("e14 2bg").await;
    p.tap("ar").await;
    let out = p.tap("confirm").await;
    let raw: String = out
        .iter()
        .filter(|c| c.method == "sendMessage")
        .map(|c| c.body["text"].as_str().unwrap_or_default().to_string())
        .collect();
    let q = queue(&db);
    assert_eq!(q.len(), 1);
    let reference = q[0]["reference"].as_str().expect("reference");
    assert!(
        raw.contains(&format!("\u{2068}{reference}\u{2069}")),
        "the reference is isolated so it never reads backwards: {raw:?}"
    );
    assert!(strip_isolation(&raw).contains("رقمك المرجعي هو"));
    assert_eq!(q[0]["language"], "ar");
    assert_eq!(q[0]["answers"]["dob"], "1958-07-03");
    assert_eq!(q[0]["answers"]["postcode"], "E14 2BG");
    assert_eq!(fake.rejects(), vec![]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_buttons_stickers_groups_and_commands_mid_flow() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut p = Person::new(&fake, &db, 503, Some("bn"));
    p.say("/start").await;
    p.tap("bn").await;
    let (privacy_message, _) = p.keyboard();
    p.tap("yes").await;
    assert!(
        p.calls()
            .iter()
            .any(|c| c.method == "editMessageReplyMarkup"
                && c.body["message_id"].as_i64() == Some(privacy_message))
    );

    // A button from an earlier step: the current step again, nothing changed.
    let stale = fake_bot_api::press(503, Some("bn"), privacy_message, "privacy|no");
    let out = p.send(stale).await;
    let t = texts(&out).join("\n");
    assert!(t.starts_with("ওই বোতামটি আগের একটি প্রশ্নের ছিল"), "{t}");
    assert!(t.contains("এখন কোন বিষয়গুলো আপনাকে প্রভাবিত করছে"), "{t}");
    assert_eq!(out[0].method, "answerCallbackQuery");

    // Button data that is not ours at all (no node|choice): the same, nothing changes.
    let (current, _) = p.keyboard();
    let out = p
        .send(fake_bot_api::press(503, Some("bn"), current, "garbage"))
        .await;
    assert_eq!(out[0].method, "answerCallbackQuery");
    assert!(
        texts(&out)
            .join("\n")
            .starts_with("ওই বোতামটি আগের একটি প্রশ্নের ছিল")
    );

    // A sticker: what the step needs, in their language.
    let out = p.send(fake_bot_api::sticker(503, Some("bn"))).await;
    let t = texts(&out).join("\n");
    assert!(t.starts_with("আমি শুধু লেখা মেসেজ পড়তে পারি"), "{t}");
    assert!(t.contains("প্রভাবিত করছে"), "{t}");

    // /back, /language and /restart mid-flow.
    p.tap("food").await;
    p.tap("done").await;
    let out = p.say("/back").await;
    assert!(texts(&out)[0].contains("প্রভাবিত করছে"), "back to the needs");
    assert!(labels(&out).contains(&"✓ খাবার".to_string()), "with its tick");
    let out = p.say("/language").await;
    assert_eq!(
        labels(&out)[0],
        "✓ বাংলা",
        "the current language first, ticked"
    );
    let out = p.tap("en-GB").await;
    assert!(
        texts(&out)[0].contains("What is affecting you"),
        "same step, new language"
    );
    let out = p.say("/restart").await;
    assert!(texts(&out)[0].starts_with("Let's start again."));

    // A group chat: no referral there.
    let id = fake.push(fake_bot_api::group_text(-9001, 504, "/start"));
    settled(&db, id).await;
    let group: Vec<_> = fake
        .calls()
        .into_iter()
        .filter(|c| c.body["chat_id"].as_i64() == Some(-9001))
        .collect();
    assert_eq!(texts(&group).len(), 1);
    assert!(texts(&group)[0].starts_with("I can only help in a private chat"));
    let sessions: i64 = one(
        &db,
        "SELECT count(*) FROM sessions WHERE user_id IN ('-9001', '504')",
    );
    assert_eq!(sessions, 0, "nothing stored for a group");
    assert_eq!(fake.rejects(), vec![]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_mid_conversation_resumes_at_the_same_step_without_repeats() {
    let (fake, _dir, db) = setup().await;
    let mut bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut p = Person::new(&fake, &db, 505, Some("en"));
    p.say("/start").await;
    p.tap("en-GB").await;
    p.tap("yes").await;
    p.tap("work").await;
    p.tap("done").await;
    p.say("No, thanks").await;
    let before = texts(&p.calls());
    assert!(
        before
            .last()
            .is_some_and(|t| t.starts_with("What would you like us to call you?"))
    );
    bot.kill9();

    // Typed while the bot was down: delivered when it is back.
    let pending = fake.push(fake_bot_api::text(505, Some("en"), "Jo"));
    let _bot = Bot::start(&fake, &db, false);
    settled(&db, pending).await;
    let after = texts(&p.calls());
    assert_eq!(after[..before.len()], before[..], "nothing repeated");
    assert_eq!(after.len(), before.len() + 1);
    assert!(
        after[before.len()].starts_with("What is your date of birth?"),
        "{after:?}"
    );
    p.seen = p.calls().len();
    p.tap("prefer-not").await;
    let s = texts(&p.calls());
    assert!(s.last().is_some_and(|t| t.starts_with("Which GP surgery")));
    assert_eq!(fake.rejects(), vec![]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_update_delivered_twice_has_no_second_effect() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut p = Person::new(&fake, &db, 506, Some("en"));
    p.say("/start").await;
    p.tap("en-GB").await;
    let pressed_on = p.keyboard().0;
    let update = fake_bot_api::press(506, Some("en"), pressed_on, "privacy|yes");
    let count = p.calls().len();
    let id = fake.push_twice(update);
    settled(&db, id).await;
    let delivered = fake
        .calls()
        .iter()
        .filter(|c| c.method == "getUpdates")
        .flat_map(|c| c.result.as_array().cloned().unwrap_or_default())
        .filter(|u| u["update_id"] == json!(id))
        .count();
    assert!(
        delivered >= 2,
        "the fake really delivered it twice: {delivered}"
    );
    // A later update from the same chat, handled in order after a duplicate would be.
    let later = fake.push(fake_bot_api::text(506, Some("en"), "/help"));
    settled(&db, later).await;
    let query = format!("cq-506-{pressed_on}-privacy|yes");
    let answers = p
        .calls()
        .iter()
        .filter(|c| {
            c.method == "answerCallbackQuery" && c.body["callback_query_id"] == query.as_str()
        })
        .count();
    assert_eq!(answers, 1, "the press was handled once");
    let after: Vec<_> = p.calls()[count..]
        .iter()
        .map(|c| c.method.clone())
        .collect();
    assert_eq!(
        after,
        [
            "answerCallbackQuery",
            "editMessageReplyMarkup",
            "sendMessage",
            "sendMessage"
        ],
        "the press handled once (answer, old buttons removed, next question), then /help"
    );
    let s: String = one(&db, "SELECT state FROM sessions WHERE user_id = '506'");
    let s: Value = serde_json::from_str(&s).expect("json");
    assert_eq!(s["node"], "needs");
    assert_eq!(s["history"].as_array().map(Vec::len), Some(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_is_honoured_and_the_message_still_arrives() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    fake.fail_next("sendMessage", Failure::RetryAfter(1));
    fake.fail_next("sendMessage", Failure::ServerError);
    fake.fail_next("sendMessage", Failure::Malformed);
    let mut p = Person::new(&fake, &db, 507, Some("en"));
    let out = p.say("/start").await;
    let statuses: Vec<u16> = out
        .iter()
        .filter(|c| c.method == "sendMessage")
        .map(|c| c.status)
        .collect();
    assert_eq!(statuses, [429, 500, 200, 200], "retried after each failure");
    let sends: Vec<&Call> = out.iter().filter(|c| c.method == "sendMessage").collect();
    assert!(
        sends[1].at.duration_since(sends[0].at) >= Duration::from_millis(950),
        "waited out retry_after before trying again"
    );
    assert!(texts(&out).contains(&"Which language would you like to use?".to_string()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_50_residents_is_answered_within_telegrams_limits() {
    let (fake, _dir, db) = setup().await;
    fake.enforce_limits();
    let _bot = Bot::start(&fake, &db, true);
    polled(&fake, 1).await;
    let ids: Vec<i64> = (0..50)
        .map(|i| fake.push(fake_bot_api::text(10_000 + i, Some("en"), "/start")))
        .collect();
    for id in &ids {
        settled(&db, *id).await;
    }
    let mut people: Vec<Person> = (0..50)
        .map(|i| Person::new(&fake, &db, 10_000 + i, Some("en")))
        .collect();
    for p in &people {
        assert_eq!(texts(&p.calls()), ["Which language would you like to use?"]);
    }
    // And each picks a language at once: answered, buttons removed, the welcome sent.
    let mut updates = Vec::new();
    for p in &people {
        let (m, _) = p.keyboard();
        updates.push(fake.push(fake_bot_api::press(p.id, Some("en"), m, "_language|en-GB")));
    }
    for id in &updates {
        settled(&db, *id).await;
    }
    for p in &mut people {
        let t = texts(&p.calls());
        assert_eq!(t.len(), 2);
        assert!(t[1].starts_with("Hello, and welcome."));
    }
    assert_eq!(fake.rejects(), vec![], "no 429 at all");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_limiter_the_same_burst_meets_429s_and_still_gets_through() {
    // The counterpart of the test above: it shows the fake does enforce the limits, so their
    // absence there is the limiter's doing. Every message still arrives, after retry_after.
    let (fake, _dir, db) = setup().await;
    fake.enforce_limits();
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let ids: Vec<i64> = (0..50)
        .map(|i| fake.push(fake_bot_api::text(20_000 + i, Some("en"), "/start")))
        .collect();
    for id in &ids {
        settled(&db, *id).await;
    }
    assert!(
        !fake.rejects().is_empty(),
        "an unthrottled burst goes over the limit"
    );
    for i in 0..50 {
        let p = Person::new(&fake, &db, 20_000 + i, Some("en"));
        assert_eq!(texts(&p.calls()), ["Which language would you like to use?"]);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_cleanly_and_a_missing_token_is_one_line() {
    let (fake, _dir, db) = setup().await;
    let mut bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    assert_eq!(bot.terminate(), Some(0), "{}", bot.log());

    let o = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["serve", "--db"])
        .arg(&db)
        .env_remove("TELOXIDE_TOKEN")
        .env("SIGNPOST_CONTENT", common::bundled())
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("TELOXIDE_TOKEN is not set"), "{err}");

    let o = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["serve", "--db"])
        .arg(&db)
        .env("TELOXIDE_TOKEN", "123456:TEST-TOKEN")
        .env("TELOXIDE_API_URL", "not a url")
        .env("SIGNPOST_CONTENT", common::bundled())
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("TELOXIDE_API_URL is not a valid URL"));

    let o = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["serve", "--db"])
        .arg(&db)
        .env("TELOXIDE_TOKEN", "123456:TEST-TOKEN")
        .env("SIGNPOST_PRESCRIBERS", "123, rima")
        .env("SIGNPOST_CONTENT", common::bundled())
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("SIGNPOST_PRESCRIBERS: \"rima\" is not a Telegram id"),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fake_refuses_what_telegram_would() {
    let fake = FakeBotApi::start().await;
    let cases = [
        ("sendMesage", r#"{"chat_id":1,"text":"hi"}"#, 404),
        ("sendMessage", r#"{"chat_id":1}"#, 400),
        ("sendMessage", r#"{"chat_id":1,"text":""}"#, 400),
        (
            "sendMessage",
            r#"{"chat_id":1,"text":"hi","parse_mode":"HTML"}"#,
            400,
        ),
        (
            "sendMessage",
            r#"{"chat_id":1,"text":"hi","colour":"red"}"#,
            400,
        ),
        (
            "sendMessage",
            r#"{"chat_id":1,"text":"hi","reply_markup":{"inline_keyboard":[[{"text":"a"}]]}}"#,
            400,
        ),
        (
            "sendMessage",
            r#"{"chat_id":1,"text":"hi","reply_markup":{"inline_keyboard":[{"text":"a","callback_data":"x"}]}}"#,
            400,
        ),
        ("answerCallbackQuery", r#"{"text":"hi"}"#, 400),
        (
            "setMyCommands",
            r#"{"commands":[{"command":"Start","description":"x"}]}"#,
            400,
        ),
        ("sendMessage", r#"{"chat_id":1,"text":"hi"}"#, 200),
        ("SENDMESSAGE", r#"{"chat_id":1,"text":"hi"}"#, 200),
    ];
    for (method, body, status) in cases {
        let (got, _) = fake.raw(method, body).await;
        assert_eq!(got, status, "{method} {body}");
    }
    let long = "x".repeat(4097);
    let (got, v) = fake
        .raw(
            "sendMessage",
            &format!(r#"{{"chat_id":1,"text":"{long}"}}"#),
        )
        .await;
    assert_eq!(got, 400);
    assert!(
        v["description"]
            .as_str()
            .unwrap_or_default()
            .contains("1-4096")
    );
    let data = "d".repeat(65);
    let (got, v) = fake
        .raw(
            "sendMessage",
            &format!(r#"{{"chat_id":1,"text":"hi","reply_markup":{{"inline_keyboard":[[{{"text":"a","callback_data":"{data}"}}]]}}}}"#),
        )
        .await;
    assert_eq!(got, 400);
    assert!(
        v["description"]
            .as_str()
            .unwrap_or_default()
            .contains("1-64 bytes")
    );
}

/// Posts an update to the webhook: the status code.
async fn post(addr: &str, path: &str, secret: Option<&str>, body: &str) -> u16 {
    let headers: Vec<(&str, &str)> = secret
        .map(|s| vec![("X-Telegram-Bot-Api-Secret-Token", s)])
        .unwrap_or_default();
    fake_bot_api::http_post(addr, path, &headers, body).await.0
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_mode_stores_each_update_once_and_refuses_strangers() {
    let (fake, _dir, db) = setup().await;
    let (mut bot, addr, path, secret) = webhook_bot(&fake, &db).await;
    let hook = fake
        .calls()
        .into_iter()
        .find(|c| c.method == "setWebhook")
        .expect("setWebhook");
    assert_eq!(hook.body["url"], format!("https://bot.example.org{path}"));
    assert!(secret.len() >= 32);
    assert!(
        !fake.calls().iter().any(|c| c.method == "getUpdates"),
        "no polling"
    );

    let mut update = fake_bot_api::text(601, Some("en"), "/start");
    update["update_id"] = json!(5000);
    let body = update.to_string();
    // A stranger, the wrong secret, the right one, and a repeat.
    assert_eq!(post(&addr, &path, None, &body).await, 401);
    assert_eq!(post(&addr, &path, Some("guess"), &body).await, 401);
    assert_eq!(post(&addr, &path, Some(&secret), &body).await, 200);
    settled(&db, 5000).await;
    assert_eq!(post(&addr, &path, Some(&secret), &body).await, 200);
    // A later update from the same chat: handled in order, so once it is done, a duplicate
    // that slipped through would have been handled too.
    let mut help = fake_bot_api::text(601, Some("en"), "/help");
    help["update_id"] = json!(5001);
    assert_eq!(
        post(&addr, &path, Some(&secret), &help.to_string()).await,
        200
    );
    settled(&db, 5001).await;
    let p = Person::new(&fake, &db, 601, Some("en"));
    let t = texts(&p.calls());
    assert_eq!(t.len(), 2, "the /start once, then /help: {t:?}");
    assert_eq!(t[0], "Which language would you like to use?");
    assert!(t[1].starts_with("I'm here to pass your request"), "{t:?}");
    assert_eq!(fake.rejects(), vec![]);
    assert_eq!(bot.terminate(), Some(0), "{}", bot.log());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prescribers_claim_and_close_on_telegram_and_others_are_refused() {
    let (fake, _dir, db) = setup().await;
    let bot = Bot::start_with(
        &fake,
        &db,
        false,
        &[
            ("SIGNPOST_PRESCRIBERS", "900, 901"),
            ("SIGNPOST_PRESCRIBER_CHAT", "-5000"),
        ],
    );
    polled(&fake, 1).await;
    let mut resident = Person::new(&fake, &db, 701, Some("en"));
    let reference = refer(&mut resident, "Samira Begum").await;

    // The prescribers' chat hears of it by reference and priority only.
    wait_until(|| {
        fake.calls()
            .iter()
            .any(|c| c.body["chat_id"].as_i64() == Some(-5000))
    })
    .await;
    let team: Vec<String> = fake
        .calls()
        .iter()
        .filter(|c| c.body["chat_id"].as_i64() == Some(-5000))
        .map(|c| c.body["text"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(team, [format!("New callback {reference} (normal).")]);

    // Coming back: the callback is waiting; a message for the prescriber is kept.
    let out = resident.say("/start").await;
    assert!(texts(&out)[0].contains(&format!(
        "Your request {reference} is with the social prescribing team"
    )));
    resident.tap("message").await;
    resident.say("Mornings are best for me").await;

    // Someone not on the list: the ordinary resident reply, nothing claimed, the refusal kept.
    let mut stranger = Person::new(&fake, &db, 702, Some("en"));
    let out = stranger.say("/next").await;
    assert_eq!(texts(&out), ["Which language would you like to use?"]);
    assert!(!texts(&out).join(" ").contains(&reference));
    let refused: i64 = one(
        &db,
        "SELECT count(*) FROM audit WHERE event = 'prescriber-command-refused'",
    );
    assert_eq!(refused, 1);
    assert_eq!(queue(&db)[0]["status"], "open");

    // The prescriber.
    let mut rima = Person::new(&fake, &db, 900, Some("en"));
    let out = rima.say("/queue").await;
    assert!(
        texts(&out)[0].starts_with("Open: 1 (0 urgent). Claimed, not closed: 0."),
        "{:?}",
        texts(&out)
    );
    assert!(texts(&out)[0].contains(&reference));
    let out = rima.say("/next").await;
    let record = texts(&out).join("\n");
    assert!(
        record.starts_with(&format!("{reference} (normal, claimed)")),
        "{record}"
    );
    assert!(
        record.contains("Name: Samira Begum") && record.contains("Phone: 02079460321"),
        "{record}"
    );
    assert!(
        record.contains("resident: Mornings are best for me"),
        "{record}"
    );
    // The resident is told someone will call.
    wait_until(|| {
        texts(&resident.calls()).iter().any(|t| {
            t.contains(&format!(
                "a social prescriber is looking at your request {reference}"
            ))
        })
    })
    .await;
    // Another prescriber cannot close it; its claimer can.
    let mut tom = Person::new(&fake, &db, 901, Some("en"));
    let out = tom.say(&format!("/close {reference} done")).await;
    // Named as Telegram names the claimer (the fake calls everyone "Resident"), never by id.
    assert!(
        texts(&out)[0].starts_with(&format!(
            "Not done: {reference} is claimed by Resident, not you"
        )),
        "{:?}",
        texts(&out)
    );
    assert!(!texts(&out)[0].contains("900"));
    let out = rima
        .say(&format!(
            "/note {reference} Spoke to her, booking debt advice"
        ))
        .await;
    assert_eq!(texts(&out), [format!("Noted on {reference}.")]);
    let out = rima.say("/close").await;
    assert_eq!(texts(&out), ["Usage: /close REF what happened"]);
    let out = rima
        .say(&format!(
            "/close {} Referred to debt advice",
            reference.to_lowercase()
        ))
        .await;
    assert_eq!(texts(&out), [format!("Closed {reference}.")]);
    let q = queue(&db);
    assert_eq!(q[0]["status"], "closed");
    assert_eq!(q[0]["outcome"], "Referred to debt advice");
    assert_eq!(q[0]["claimed_by"], "telegram:900");
    assert_eq!(fake.rejects(), vec![]);
    let log = bot.log();
    assert!(
        !log.contains("Samira")
            && !log.contains("Mornings")
            && !log.contains("7946 0321")
            && !log.contains("2079460321"),
        "no personal data in logs"
    );
}
