//! The bot's profile per language, through the real `signpost serve` and the fake Bot API: the
//! commands, description and short description in every shipped language (scoped by its
//! two-letter code) and English as the default; a refusal does not stop the bot; and
//! `signpost check` refuses profile texts longer than Telegram accepts, by file and line.

mod bot;
mod common;
mod fake_bot_api;

use std::path::Path;
use std::process::{Command, Output};

use bot::*;
use common::{copy_content, edit, line_of};
use fake_bot_api::{Call, Failure};

/// How many languages are shipped, plus the default profile.
const SCOPES: usize = 9;

/// The call of `method` for `code` (`None`: the default, without a language).
fn scoped<'a>(calls: &'a [Call], method: &str, code: Option<&str>) -> &'a Call {
    calls
        .iter()
        .find(|c| {
            c.method == method && c.body.get("language_code").and_then(|v| v.as_str()) == code
        })
        .unwrap_or_else(|| panic!("no {method} for {code:?}"))
}

async fn registered(fake: &fake_bot_api::FakeBotApi) -> Vec<Call> {
    wait_until(|| {
        fake.calls()
            .iter()
            .filter(|c| c.method == "setMyShortDescription")
            .count()
            >= SCOPES
    })
    .await;
    fake.calls()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bengali_or_arabic_phone_sees_the_profile_in_its_language() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    let calls = registered(&fake).await;

    let d = |code| scoped(&calls, "setMyDescription", code).body["description"].clone();
    let s = |code| scoped(&calls, "setMyShortDescription", code).body["short_description"].clone();
    let bn = d(Some("bn"));
    let bn = bn.as_str().expect("a description");
    assert!(bn.starts_with("সোশ্যাল প্রেসক্রাইবাররা"), "{bn}");
    assert!(
        s(Some("bn"))
            .as_str()
            .is_some_and(|t| t.starts_with("একাকীত্ব, টাকা")),
        "{}",
        s(Some("bn"))
    );
    assert!(
        d(Some("ar"))
            .as_str()
            .is_some_and(|t| t.starts_with("يساعد فريق الوصفة الاجتماعية")),
        "{}",
        d(Some("ar"))
    );
    assert!(
        s(Some("ar"))
            .as_str()
            .is_some_and(|t| t.starts_with("اطلب المساعدة بلغتك")),
        "{}",
        s(Some("ar"))
    );
    // Chinese under its two-letter code; English also as the default for every other language.
    assert!(
        d(Some("zh"))
            .as_str()
            .is_some_and(|t| t.starts_with("社会处方"))
    );
    assert_eq!(d(None), d(Some("en")));
    assert!(
        s(None)
            .as_str()
            .is_some_and(|t| t.starts_with("Ask for support with loneliness"))
    );

    let commands = &scoped(&calls, "setMyCommands", Some("bn")).body["commands"];
    let start = commands
        .as_array()
        .and_then(|c| c.iter().find(|c| c["command"] == "start"))
        .expect("/start");
    assert_eq!(start["description"], "আপনার অনুরোধ শুরু করুন বা চালিয়ে যান");

    for c in calls.iter().filter(|c| c.method.starts_with("setMy")) {
        assert_eq!(c.status, 200, "{c:?}");
        assert!(
            !c.body.to_string().contains('\u{2068}'),
            "no isolation marks: {c:?}"
        );
    }
    assert!(fake.rejects().is_empty(), "{:?}", fake.rejects());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_profile_is_logged_and_the_bot_carries_on() {
    let (fake, _dir, db) = setup().await;
    fake.fail_next("setMyDescription", Failure::BadRequest);
    fake.fail_next("setMyShortDescription", Failure::BadRequest);
    let bot = Bot::start(&fake, &db, false);
    let calls = registered(&fake).await;
    assert_eq!(
        calls
            .iter()
            .filter(|c| c.method == "setMyShortDescription" && c.status == 200)
            .count(),
        SCOPES - 1,
        "the other languages are still registered"
    );
    wait_until(|| bot.log().contains("setMyShortDescription failed")).await;
    assert!(bot.log().contains("setMyDescription failed"));

    let mut p = Person::new(&fake, &db, 701, Some("bn"));
    let out = p.say("/start").await;
    assert!(!texts(&out).is_empty(), "the bot still answers");
}

fn check(dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["check", "--content"])
        .arg(dir)
        .env_remove("SIGNPOST_CONTENT")
        .output()
        .expect("run signpost")
}

/// Sets message `id` in `file` to `text`, runs `check`, and asserts it fails at the message's
/// line with `expected`.
fn refused(file: &str, id: &str, text: &str, expected: &str) {
    let dir = copy_content();
    let path = dir.path().join(file);
    let source = std::fs::read_to_string(&path).expect("read");
    let old = source
        .lines()
        .find(|l| l.starts_with(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("{id} in {file}"))
        .to_string();
    edit(&path, &old, &format!("{id} = {text}"));
    let line = line_of(&path, &format!("{id} = "));
    let out = check(dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let prefix = format!("{file}:{line}: error[too-long]: ");
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with(&prefix) && l.contains(expected)),
        "expected {prefix:?} with {expected:?}:\n{stdout}"
    );
    assert_eq!(out.status.code(), Some(1), "{stdout}");
}

#[test]
fn check_refuses_profile_texts_longer_than_telegram_takes() {
    // 121 Bengali letters: over the short description's 120.
    refused(
        "locales/bn/telegram.ftl",
        "bot-short-description",
        &"ক".repeat(121),
        "is 121 characters; Telegram takes at most 120",
    );
    refused(
        "locales/ar/telegram.ftl",
        "bot-description",
        &"ع".repeat(513),
        "is 513 characters; Telegram takes at most 512",
    );
    refused(
        "locales/en-GB/main.ftl",
        "command-help",
        &"x".repeat(257),
        "at most 256 for a command's description",
    );
}

#[test]
fn check_takes_profile_texts_at_telegrams_limits() {
    let dir = copy_content();
    let path = dir.path().join("locales/bn/telegram.ftl");
    let source = std::fs::read_to_string(&path).expect("read");
    let old = source
        .lines()
        .find(|l| l.starts_with("bot-short-description = "))
        .expect("the short description")
        .to_string();
    edit(
        &path,
        &old,
        &format!("bot-short-description = {}", "ক".repeat(120)),
    );
    let out = check(dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
