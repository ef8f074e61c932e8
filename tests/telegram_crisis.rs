//! Words of crisis on Telegram, against the real `signpost serve` and the fake Bot API: the
//! direct question with its buttons, the routes, the team told, the words with the referral;
//! a photo's caption and a group message answered too.

mod bot;
mod common;
mod fake_bot_api;

use bot::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worrying_message_is_asked_about_and_the_words_reach_the_prescriber() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start_with(&fake, &db, false, &[("SIGNPOST_PRESCRIBER_CHAT", "-5000")]);
    polled(&fake, 1).await;
    let mut p = Person::new(&fake, &db, 821, Some("en"));
    to_name(&mut p).await;
    let out = p.say("i cant do this anymore").await;
    assert_eq!(
        texts(&out),
        [
            "I'm going to ask you directly, because it matters: are you having thoughts of ending your life?"
        ]
    );
    assert_eq!(labels(&out), ["Yes", "No"]);
    let out = p.tap("yes").await;
    let said = texts(&out);
    assert!(
        said[0].contains("116 123") && said[0].contains("999"),
        "{said:?}"
    );
    assert_eq!(said[1], "What would you like us to call you?");
    assert!(
        out.iter().any(|c| c.method == "answerCallbackQuery"),
        "the press is answered"
    );
    // The rest of the referral, then the team hears it is urgent.
    p.say("Rumi").await;
    p.tap("prefer-not").await;
    p.tap("dont-know").await;
    p.tap("message").await;
    p.tap("dont-know").await;
    p.tap("none").await;
    let out = p.tap("confirm").await;
    let reference = texts(&out)
        .join("\n")
        .split("Your reference is ")
        .nth(1)
        .map(|r| r[..7].to_string())
        .expect("a reference");
    let team = || {
        fake.calls()
            .iter()
            .filter(|c| c.body["chat_id"].as_i64() == Some(-5000))
            .map(|c| c.body["text"].as_str().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    wait_until(|| !team().is_empty()).await;
    assert_eq!(team(), [format!("New callback {reference} (urgent).")]);
    let q = queue(&db);
    assert_eq!(q[0]["priority"], "urgent");
    assert_eq!(
        q[0]["answers"]["name"], "Rumi",
        "the words were not taken as the name"
    );
    // The prescriber reads the words where they belong, with how signpost answered.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["queue", "show", &reference, "--db"])
        .arg(&db)
        .output()
        .expect("queue show");
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(
        shown.contains("(risk to self; asked directly, said yes, numbers shown; at \"name\"): i cant do this anymore"),
        "{shown}"
    );
    assert_eq!(fake.rejects(), vec![]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_photo_caption_and_a_group_message_with_words_of_crisis_get_the_routes() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut p = Person::new(&fake, &db, 822, Some("en"));
    p.say("/start").await;
    p.tap("en-GB").await;
    let out = p
        .send(fake_bot_api::photo(
            822,
            Some("en"),
            "this is the rope i bought",
        ))
        .await;
    let said = texts(&out);
    assert!(said[0].contains("116 123"), "{said:?}");
    // A photo without words of crisis gets the usual reply.
    let out = p
        .send(fake_bot_api::photo(822, Some("en"), "my letter"))
        .await;
    assert!(
        texts(&out)[0].starts_with("I can only read typed messages"),
        "{:?}",
        texts(&out)
    );

    let id = fake.push(fake_bot_api::group_text(
        -777,
        823,
        "he said he will kill me tonight",
    ));
    settled(&db, id).await;
    let group: Vec<String> = fake
        .calls()
        .iter()
        .filter(|c| c.body["chat_id"].as_i64() == Some(-777))
        .map(|c| {
            signpost::content::locales::strip_isolation(c.body["text"].as_str().unwrap_or_default())
        })
        .collect();
    assert!(
        group[0].starts_with("If you are in danger now, call 999."),
        "{group:?}"
    );
    assert!(
        group[1].starts_with("I can only help in a private chat"),
        "{group:?}"
    );
    assert_eq!(
        one::<i64>(&db, "SELECT count(*) FROM sessions WHERE user_id = '-777'"),
        0,
        "nothing kept from a group"
    );
    assert_eq!(fake.rejects(), vec![]);
}
