//! "Share my phone number" through the real `signpost serve` and the fake Bot API: the phone
//! question offers a keyboard button that shares the person's contact; only their own number is
//! taken (and only at that question), someone else's is refused and never stored, and the
//! keyboard goes away once the question is answered or left. In English, Arabic and Bengali.

mod bot;
mod common;
mod fake_bot_api;

use bot::*;
use fake_bot_api::Call;
use serde_json::Value;
use signpost::content::locales::strip_isolation;

/// The keyboard under the typing box sent with these calls, if any: (button label, markup).
fn share_keyboard(calls: &[Call]) -> Option<(String, Value)> {
    calls
        .iter()
        .filter(|c| c.method == "sendMessage" && c.status == 200)
        .find_map(|c| {
            let markup = c.body.get("reply_markup")?;
            let button = markup.get("keyboard")?.get(0)?.get(0)?;
            Some((
                strip_isolation(button["text"].as_str().unwrap_or_default()),
                markup.clone(),
            ))
        })
}

/// True when one of these calls takes the keyboard away.
fn removes_keyboard(calls: &[Call]) -> bool {
    calls.iter().any(|c| {
        c.method == "sendMessage"
            && c.status == 200
            && c.body["reply_markup"]["remove_keyboard"] == Value::Bool(true)
    })
}

/// From `/start` in `lang` to "What number should we call?"; returns that step's calls.
async fn to_phone(p: &mut Person, lang: &str) -> Vec<Call> {
    p.say("/start").await;
    p.tap(lang).await;
    p.tap("yes").await;
    p.tap("money").await;
    p.tap("done").await;
    p.tap("no-thanks").await;
    p.say("Sam").await;
    p.tap("prefer-not").await;
    p.tap("dont-know").await;
    p.tap("phone").await
}

/// From the best time to call to the queued callback.
async fn finish(p: &mut Person) {
    p.tap("any").await;
    p.tap("dont-know").await;
    p.tap("none").await;
    p.tap("confirm").await;
}

fn phone_of(db: &std::path::Path, user: i64) -> Value {
    let queued = queue(db);
    let mine = queued
        .iter()
        .find(|r| r["user_id"] == Value::String(user.to_string()))
        .unwrap_or_else(|| panic!("no referral for {user} in {queued:?}"));
    mine["answers"]["phone"].clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sharing_ones_own_number_answers_the_phone_question() {
    let (fake, _dir, db) = setup().await;
    let bot = Bot::start_with(&fake, &db, false, &[("RUST_LOG", "trace")]);
    polled(&fake, 1).await;
    let mut p = Person::new(&fake, &db, 601, Some("en"));

    let out = to_phone(&mut p, "en-GB").await;
    assert!(texts(&out)[0].starts_with("What number should we call?"));
    let (label, markup) = share_keyboard(&out).expect("the phone question offers the button");
    assert_eq!(label, "Share my phone number");
    assert_eq!(markup["keyboard"][0][0]["request_contact"], true);
    assert_eq!(markup["one_time_keyboard"], true);
    assert_eq!(markup["resize_keyboard"], true);

    // Telegram sends the person's own number without the "+".
    let out = p
        .send(fake_bot_api::contact(
            601,
            Some("en"),
            "447700900123",
            Some(601),
        ))
        .await;
    let t = texts(&out);
    assert_eq!(
        t,
        ["✓", "When is the best time to call you?"],
        "the keyboard goes on a message of its own, then the next question (with buttons)"
    );
    assert!(removes_keyboard(&out), "the keyboard goes: {out:?}");
    assert!(share_keyboard(&out).is_none());

    finish(&mut p).await;
    assert_eq!(phone_of(&db, 601), "07700900123");
    assert!(
        fake.rejects().is_empty(),
        "every request is valid: {:?}",
        fake.rejects()
    );
    assert!(
        !bot.log().contains("7700900123"),
        "the number is not logged"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn someone_elses_contact_is_refused_and_never_stored() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut p = Person::new(&fake, &db, 602, Some("en"));
    to_phone(&mut p, "en-GB").await;

    // A friend's card from the address book, then a contact without a Telegram account.
    for owner in [Some(9_999), None] {
        let out = p
            .send(fake_bot_api::contact(
                602,
                Some("en"),
                "447700900999",
                owner,
            ))
            .await;
        let t = texts(&out).join("\n");
        assert!(
            t.starts_with("That contact is someone else's. Please type your own phone number"),
            "{t}"
        );
        assert!(
            t.contains("What number should we call?"),
            "asked again: {t}"
        );
        assert!(
            share_keyboard(&out).is_some(),
            "the button is offered again"
        );
    }
    assert!(
        !common::contains(&common::file_bytes(&db), "7700900999"),
        "someone else's number is nowhere in the database"
    );

    // Typed instead: taken, and the keyboard goes with the next question.
    let out = p.say("07700 900123").await;
    assert!(removes_keyboard(&out), "{out:?}");
    assert!(share_keyboard(&out).is_none());
    finish(&mut p).await;
    assert_eq!(phone_of(&db, 602), "07700900123");
    assert!(fake.rejects().is_empty(), "{:?}", fake.rejects());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_the_phone_question_takes_the_keyboard_away() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut p = Person::new(&fake, &db, 603, Some("en"));
    to_phone(&mut p, "en-GB").await;

    // Back to "How should we get in touch?", whose message carries buttons: the keyboard goes
    // on a message of its own, first.
    let out = p.say("/back").await;
    let sends: Vec<&Call> = out.iter().filter(|c| c.method == "sendMessage").collect();
    assert_eq!(sends.len(), 2, "{out:?}");
    assert_eq!(sends[0].body["reply_markup"]["remove_keyboard"], true);
    assert!(sends[1].body["reply_markup"]["inline_keyboard"].is_array());
    assert!(texts(&out)[1].starts_with("How should we get in touch"));

    // Nothing left to take away: the next step sends no extra message.
    let out = p.tap("message").await;
    assert!(!removes_keyboard(&out));
    assert!(fake.rejects().is_empty(), "{:?}", fake.rejects());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_contact_where_no_number_is_asked_is_not_an_answer() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut p = Person::new(&fake, &db, 604, Some("en"));
    to_name(&mut p).await;

    let out = p
        .send(fake_bot_api::contact(
            604,
            Some("en"),
            "447700900123",
            Some(604),
        ))
        .await;
    let t = texts(&out).join("\n");
    assert!(t.starts_with("I can only read typed messages"), "{t}");
    assert!(t.contains("What would you like us to call you?"), "{t}");
    assert!(share_keyboard(&out).is_none());

    // The referral goes on with a typed number; the shared one is not among the answers.
    p.say("Sam").await;
    p.tap("prefer-not").await;
    p.tap("dont-know").await;
    p.tap("phone").await;
    p.say("020 7946 0321").await;
    finish(&mut p).await;
    assert_eq!(phone_of(&db, 604), "02079460321");
    assert!(
        !queue(&db)
            .iter()
            .any(|r| r.to_string().contains("7700900123"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_arabic_the_button_speaks_arabic_and_a_number_with_a_plus_is_taken() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut p = Person::new(&fake, &db, 605, Some("ar"));

    let out = to_phone(&mut p, "ar").await;
    assert!(texts(&out)[0].starts_with("على أي رقم نتصل؟"));
    let (label, _) = share_keyboard(&out).expect("the button");
    assert_eq!(label, "مشاركة رقم هاتفي");

    let out = p
        .send(fake_bot_api::contact(
            605,
            Some("ar"),
            "+447700900123",
            Some(605),
        ))
        .await;
    assert!(removes_keyboard(&out));
    assert!(
        !texts(&out).join("\n").contains("لا يبدو هذا رقم هاتف"),
        "the number is not refused"
    );
    finish(&mut p).await;
    assert_eq!(phone_of(&db, 605), "07700900123");
    assert!(fake.rejects().is_empty(), "{:?}", fake.rejects());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_bengali_someone_elses_contact_is_refused_in_bengali() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut p = Person::new(&fake, &db, 606, Some("bn"));

    let out = to_phone(&mut p, "bn").await;
    let (label, _) = share_keyboard(&out).expect("the button");
    assert_eq!(label, "আমার ফোন নম্বর পাঠান");

    let out = p
        .send(fake_bot_api::contact(
            606,
            Some("bn"),
            "447700900999",
            Some(1),
        ))
        .await;
    let t = texts(&out).join("\n");
    assert!(t.starts_with("এটি অন্য কারও কন্টাক্ট।"), "{t}");
    assert!(t.contains("কোন নম্বরে ফোন করব?"), "asked again: {t}");
    assert!(!common::contains(&common::file_bytes(&db), "7700900999"));

    let out = p
        .send(fake_bot_api::contact(
            606,
            Some("bn"),
            "447700900123",
            Some(606),
        ))
        .await;
    assert!(removes_keyboard(&out));
    finish(&mut p).await;
    assert_eq!(phone_of(&db, 606), "07700900123");
    assert!(fake.rejects().is_empty(), "{:?}", fake.rejects());
}
