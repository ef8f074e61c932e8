//! The engine over the fixture content (`tests/fixtures/content/`: a frozen copy of the shipped
//! dialogue, messages and services, with small crisis rules), so editing the shipped wording
//! never breaks these: every node kind, back, restart, help, validation, skip, the crisis
//! interrupt at every step, consent refused, stale buttons, content changes.

mod common;

use common::{Convo, copy_fixture, ctx, engine_at, fixture_engine, to_summary};
use signpost::content::NodeKind;
use signpost::content::locales::strip_isolation;
use signpost::engine::{ASK_NODE, Answer, Effect, Input, Response, Session};

fn text(s: &str) -> Option<Answer> {
    Some(Answer::Text(s.to_string()))
}

#[test]
fn a_whole_referral_in_english_queues_a_callback_with_answers_by_id() {
    let mut c = Convo::new(fixture_engine(), Some("en-GB"));
    assert!(c.text().contains("Hello, and welcome"));
    assert_eq!(c.at(), "privacy");
    assert_eq!(c.labels(), ["Yes, that's OK", "No, just show me services"]);
    to_summary(&mut c);
    let summary = c.text();
    for line in [
        "Help with: Feeling low or worried, Money and debt",
        "Name: Sam",
        "Date of birth: 03/07/1958",
        "Phone: 07700 900123",
        "Best time: Morning (9 to 12)",
        "Postcode: E1 6AN",
        "Interpreter: Bengali",
    ] {
        assert!(summary.contains(line), "{line:?} missing from:\n{summary}");
    }
    c.press("confirm");
    let out = c.text();
    assert!(
        out.contains("Here are some local services that might help"),
        "{out}"
    );
    assert!(
        out.contains("Talk Together"),
        "a service in E1 for low mood: {out}"
    );
    assert!(out.contains("Your reference is SP-7K3Q"), "{out}");
    assert!(out.contains("Thank you, Sam."), "{out}");
    assert!(c.session.finished);
    let r = c.queued().expect("queued");
    assert_eq!(r.reference, "SP-7K3Q");
    assert_eq!(r.needs, ["mental", "money"]);
    assert!(!r.urgent);
    assert_eq!(r.language, "en-GB");
    assert_eq!(
        r.answers.get("contact"),
        Some(&Answer::Choice("phone".into()))
    );
    assert_eq!(
        r.answers.get("interpreter"),
        Some(&Answer::Choice("bn".into()))
    );
    assert_eq!(r.answers.get("phone").cloned(), text("07700900123"));
    assert_eq!(r.answers.get("dob").cloned(), text("1958-07-03"));
    assert_eq!(r.answers.get("postcode").cloned(), text("E1 6AN"));
    assert_eq!(r.notice_version.as_deref(), Some("2026-11"));
    assert_eq!(r.consent_at.as_deref(), Some("2026-11-24T10:00:00Z"));
    assert!(r.services.contains(&"talk-together-e1".to_string()));
    // Typing anything after the end does not queue again.
    let before = c.effects.len();
    c.say("hello?");
    assert!(c.text().contains("We have finished"));
    assert_eq!(c.effects.len(), before);
}

#[test]
fn the_language_picker_lists_the_apps_language_first_and_each_in_its_own_name() {
    let e = fixture_engine();
    let s = e.new_session(None);
    let out = e.step(
        &s,
        Input::Start {
            lang_hint: Some("bn-BD".into()),
            link: None,
        },
        &ctx(),
    );
    let picker = out.replies.last().expect("picker");
    let labels: Vec<_> = picker.choices.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "বাংলা",
            "English",
            "العربية",
            "Polski",
            "Soomaali",
            "Türkçe",
            "اردو",
            "简体中文"
        ]
    );
    assert_eq!(strip_isolation(&picker.text), "আপনি কোন ভাষা ব্যবহার করতে চান?");
    // Typing the number picks it, in the script people use.
    let out = e.step(&out.session, Input::Text("১".into()), &ctx());
    assert_eq!(out.session.lang.as_deref(), Some("bn"));
    assert_eq!(out.session.node, "privacy");
    assert!(strip_isolation(&out.replies[0].text).starts_with("স্বাগতম"));
}

#[test]
fn changing_language_mid_flow_keeps_the_step_and_the_answers() {
    let mut c = Convo::new(fixture_engine(), Some("en-GB"));
    c.press("yes").press("money").press("done");
    assert_eq!(c.at(), "story");
    c.say("language");
    assert_eq!(c.prompt().node.as_deref(), Some("_language"));
    c.send(Input::Choice {
        node: "_language".into(),
        choice: "ar".into(),
    });
    assert_eq!(c.at(), "story");
    assert_eq!(c.session.lang.as_deref(), Some("ar"));
    assert!(c.text().contains("هل تريد أن تخبرنا بالمزيد"));
    assert_eq!(
        c.session.answers.get("needs"),
        Some(&Answer::Choices(vec!["money".into()]))
    );
}

#[test]
fn multi_choice_toggles_counts_and_requires_one() {
    let mut c = Convo::new(fixture_engine(), Some("en-GB"));
    c.press("yes");
    assert_eq!(c.at(), "needs");
    c.press("done");
    assert!(
        c.text().contains("Please choose at least one"),
        "{}",
        c.text()
    );
    assert_eq!(c.at(), "needs");
    c.press("housing").press("food").press("housing");
    let ticked: Vec<_> = c
        .prompt()
        .choices
        .iter()
        .filter(|b| b.selected)
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(ticked, ["food"]);
    // Several numbers at once, then the "Done" label typed in lower case.
    c.say("1, 4").say("done");
    assert_eq!(c.at(), "story");
    assert_eq!(
        c.session.answers.get("needs"),
        Some(&Answer::Choices(vec![
            "mental".into(),
            "housing".into(),
            "food".into()
        ])),
        "saved in the order of the list, by id"
    );
    // A number that is not on the list.
    let mut d = Convo::new(fixture_engine(), Some("en-GB"));
    d.press("yes").say("42");
    assert!(d.text().contains("Please tap a button or type its number"));
    assert!(d.session.picks.is_empty());
}

#[test]
fn validation_retries_then_takes_the_fallback() {
    let mut c = Convo::new(fixture_engine(), Some("en-GB"));
    c.press("yes")
        .press("money")
        .press("done")
        .press("no-thanks");
    c.say("Sam");
    assert_eq!(c.at(), "dob");
    c.say("30/2/1990");
    assert!(c.text().contains("couldn't read that date"), "{}", c.text());
    assert_eq!(c.at(), "dob");
    assert_eq!(c.session.tries, 1);
    assert_eq!(
        c.labels(),
        ["I'd rather not say"],
        "the skip stays on offer"
    );
    c.say("next tuesday");
    assert_eq!(c.at(), "dob");
    c.say("1/1/2090");
    assert_eq!(c.at(), "gp", "after 3 tries the flow moves on");
    assert!(
        c.text().starts_with("Let's leave that one for now"),
        "said to be skipped: {}",
        c.text()
    );
    assert!(!c.session.answers.contains_key("dob"));

    // Phone: three bad numbers send the person back to choose how to be contacted.
    c.press("dont-know").press("phone");
    for bad in ["12345", "call me maybe", "09700900123"] {
        c.say(bad);
    }
    assert_eq!(c.at(), "contact");
    assert!(
        c.text().contains("doesn't look like a UK phone number"),
        "sent back to choose again, with the reason: {}",
        c.text()
    );
    assert!(!c.session.answers.contains_key("phone"));
    c.press("phone").say("+44 (0)20 7946 0000");
    assert_eq!(c.at(), "best-time");
    assert_eq!(c.session.answers.get("phone").cloned(), text("02079460000"));
}

#[test]
fn skip_saves_that_it_was_skipped_and_the_summary_says_so() {
    let mut c = Convo::new(fixture_engine(), Some("en-GB"));
    c.press("yes").press("money").press("done");
    c.say("No, thanks"); // the skip label typed
    assert_eq!(
        c.session.answers.get("story"),
        Some(&Answer::Skipped("no-thanks".into()))
    );
    c.say("Sam").press("prefer-not");
    assert_eq!(
        c.session.answers.get("dob"),
        Some(&Answer::Skipped("prefer-not".into()))
    );
    c.say("1"); // GP: the only button, "I don't know"
    assert_eq!(
        c.session.answers.get("gp"),
        Some(&Answer::Skipped("dont-know".into()))
    );
    c.press("message").press("dont-know").press("none");
    assert_eq!(c.at(), "summary");
    let s = c.text();
    assert!(s.contains("Date of birth: I'd rather not say"), "{s}");
    assert!(s.contains("GP surgery: I don't know"), "{s}");
    assert!(!s.contains("Phone:"), "no phone asked on this path: {s}");
    c.press("confirm");
    let r = c.queued().expect("queued");
    assert_eq!(
        r.answers.get("dob"),
        Some(&Answer::Skipped("prefer-not".into()))
    );
    assert!(
        !r.services.is_empty(),
        "borough and phone services still offered"
    );
}

#[test]
fn back_follows_the_real_path_not_the_file_order() {
    let mut c = Convo::new(fixture_engine(), Some("en-GB"));
    c.press("yes")
        .press("money")
        .press("done")
        .press("no-thanks");
    c.say("Sam").press("prefer-not").press("dont-know");
    c.press("message");
    // "Message me here" skips phone and best time.
    assert_eq!(c.at(), "postcode");
    c.say("back");
    assert_eq!(
        c.at(),
        "contact",
        "back to the question answered, not best-time"
    );
    assert!(
        !c.session.answers.contains_key("contact"),
        "its answer is undone"
    );
    c.send(Input::Back);
    assert_eq!(c.at(), "gp");
    assert!(!c.session.answers.contains_key("gp"));
    c.say("/back").say("back");
    assert_eq!(c.at(), "name");
    assert!(c.text().contains("What would you like us to call you?"));
    // Back at the very start.
    let mut d = Convo::new(fixture_engine(), Some("en-GB"));
    d.send(Input::Back);
    assert!(d.text().contains("can't go back any further"));
    assert_eq!(d.at(), "privacy");
}

#[test]
fn back_over_consent_forgets_that_consent_was_given() {
    let mut c = Convo::new(fixture_engine(), Some("en-GB"));
    c.press("yes");
    assert!(c.session.consent_at.is_some());
    c.send(Input::Back);
    assert_eq!(c.at(), "privacy");
    assert!(c.session.consent_at.is_none());
    assert!(!c.session.answers.contains_key("consent"));
}

#[test]
fn restart_clears_answers_and_keeps_the_language_and_the_urgent_flag() {
    let mut c = Convo::new(fixture_engine(), Some("bn"));
    c.press("yes").press("food").press("done");
    c.say("I want to end it all");
    assert!(c.session.urgent);
    c.say("আবার শুরু");
    assert!(c.text().contains("চলুন আবার শুরু করি"), "{}", c.text());
    assert_eq!(c.at(), "privacy");
    assert!(c.session.answers.is_empty());
    assert!(c.session.history.is_empty());
    assert_eq!(c.session.lang.as_deref(), Some("bn"));
    assert!(c.session.urgent, "a crisis is not forgotten by restarting");
}

#[test]
fn help_explains_then_shows_the_same_step_again() {
    let mut c = Convo::new(fixture_engine(), Some("en-GB"));
    c.press("yes");
    let before = c.session.clone();
    c.say("help");
    assert!(c.text().contains("You can also type"));
    assert!(c.text().contains("What is affecting you"));
    assert_eq!(c.session, before, "help changes nothing");
}

/// A session parked at `node`, with consent and enough answers for any step.
fn at_node(node: &str, lang: &str) -> Session {
    let mut c = Convo::new(fixture_engine(), Some(lang));
    to_summary(&mut c);
    let mut s = c.session.clone();
    s.node = node.to_string();
    s.history.clear();
    s
}

#[test]
fn crisis_words_interrupt_every_step_in_the_persons_language() {
    let e = fixture_engine();
    let phrases = [
        ("en-GB", "honestly I want to kill myself"),
        ("en-GB", "I've been thinking about SUICIDE"),
        ("en-GB", "i dont want to live anymore"),
        ("bn", "আমি আত্মহত্যা করতে চাই"),
        ("bn", "ami morte chai"),
        ("ar", "أريد أن أموت"),
        ("ar", "أفكر في الانتحار"),
    ];
    let flow = e.content().entry().clone();
    let waiting: Vec<_> = flow.nodes.iter().filter(|n| n.kind.waits()).collect();
    assert!(waiting.len() > 10);
    for (lang, phrase) in phrases {
        for node in &waiting {
            let s = at_node(&node.id, lang);
            let out = e.step(&s, Input::Text(phrase.to_string()), &ctx());
            let first = strip_isolation(&out.replies[0].text);
            assert!(
                first.contains("999") && first.contains("116 123") && first.contains("85258"),
                "{lang} at {}: {first}",
                node.id
            );
            assert!(out.session.urgent, "{lang} at {}", node.id);
            assert!(out.effects.contains(&Effect::Crisis));
            assert!(out.replies.len() >= 2, "the step carries on at {}", node.id);
        }
    }
    // The emergency routes are in the person's language.
    let out = e.step(
        &at_node("name", "bn"),
        Input::Text("suicidal".into()),
        &ctx(),
    );
    assert!(strip_isolation(&out.replies[0].text).contains("999 নম্বরে ফোন করুন"));
    let out = e.step(
        &at_node("name", "ar"),
        Input::Text("suicidal".into()),
        &ctx(),
    );
    assert!(strip_isolation(&out.replies[0].text).contains("اتصل بالرقم 999"));
}

#[test]
fn near_misses_do_not_fire_the_crisis_interrupt() {
    let e = fixture_engine();
    for phrase in [
        "I'm just killing time",
        "dying to see you",
        "my phone died",
        "I can't go on the bus alone",
        "skill myself up for work",
        "this job is killing me slowly", // hyperbole; a person, not a pattern, decides
    ] {
        let s = at_node("story", "en-GB");
        let out = e.step(&s, Input::Text(phrase.to_string()), &ctx());
        assert!(!out.session.urgent, "{phrase:?} fired");
        assert!(!out.effects.contains(&Effect::Crisis), "{phrase:?}");
    }
}

#[test]
fn a_worrying_message_asks_directly_then_yes_shows_the_routes_and_no_carries_on() {
    for (answer, routes, response) in [
        ("yes", true, Response::AskedYes),
        ("no", false, Response::AskedNo),
    ] {
        let mut c = Convo::new(fixture_engine(), Some("en-GB"));
        c.press("yes")
            .press("money")
            .press("done")
            .press("no-thanks");
        assert_eq!(c.at(), "name");
        c.say("I feel hopeless about everything");
        assert_eq!(c.prompt().node.as_deref(), Some(ASK_NODE));
        assert_eq!(c.labels(), ["Yes", "No"]);
        assert!(!c.session.urgent, "asked, not shown the routes yet");
        c.send(Input::Choice {
            node: ASK_NODE.into(),
            choice: answer.into(),
        });
        let first = &c.last.replies[0];
        assert_eq!(
            first.alone && first.text.contains("85258"),
            routes,
            "{answer}"
        );
        assert_eq!(c.session.urgent, routes, "{answer}");
        assert_eq!(c.effects.contains(&Effect::Crisis), routes, "{answer}");
        assert!(c.text().contains("What would you like us to call you?"));
        assert_eq!(c.at(), "name", "the words are not taken as the name");
        assert!(!c.session.answers.contains_key("name"));
        let flag = c.session.flags.last().expect("the words are kept");
        assert_eq!(flag.about.response, response);
        assert_eq!(
            flag.words.as_deref(),
            Some("I feel hopeless about everything")
        );
    }
}

#[test]
fn a_crisis_told_in_the_story_is_kept_and_the_referral_is_urgent() {
    let mut c = Convo::new(fixture_engine(), Some("en-GB"));
    c.press("yes").press("mental").press("done");
    c.say("Since losing my job I think about ending my life");
    assert!(c.text().contains("call 999"));
    assert!(c.text().contains("What would you like us to call you?"));
    assert_eq!(c.at(), "name");
    assert_eq!(
        c.session.answers.get("story").cloned(),
        text("Since losing my job I think about ending my life"),
        "nothing the person typed is lost"
    );
    c.say("Ali")
        .press("prefer-not")
        .press("dont-know")
        .press("message");
    c.press("dont-know").press("none").press("confirm");
    assert!(c.queued().expect("queued").urgent);
}

#[test]
fn no_consent_still_offers_services_and_keeps_nothing() {
    let mut c = Convo::new(fixture_engine(), Some("en-GB"));
    c.press("no");
    assert_eq!(c.at(), "anon-needs");
    assert!(c.text().contains("We won't keep anything about you"));
    c.press("money").press("done");
    let out = c.text();
    assert!(out.contains("Here are some local services"), "{out}");
    assert!(out.contains("Debt Help Tower Hamlets"), "{out}");
    assert!(out.contains("Come back at any time"), "{out}");
    assert!(c.session.finished);
    assert!(c.queued().is_none());
    assert!(c.effects.contains(&Effect::DeleteSession));
    assert!(c.session.consent_at.is_none());
}

#[test]
fn a_stale_button_shows_the_current_step_and_changes_nothing() {
    let mut c = Convo::new(fixture_engine(), Some("en-GB"));
    c.press("yes").press("money").press("done");
    let before = c.session.clone();
    c.send(Input::Choice {
        node: "privacy".into(),
        choice: "no".into(),
    });
    assert!(
        c.text()
            .contains("That button was from an earlier question")
    );
    assert!(c.text().contains("Would you like to tell us a bit more?"));
    assert_eq!(c.session, before);
    // A choice id that the current node does not have.
    c.send(Input::Choice {
        node: "story".into(),
        choice: "yes".into(),
    });
    assert!(c.text().contains("earlier question"));
    assert_eq!(c.session, before);
}

#[test]
fn a_stored_node_that_no_longer_exists_restarts_politely() {
    let e = fixture_engine();
    let mut s = at_node("name", "en-GB");
    s.node = "a-question-we-removed".into();
    let out = e.step(&s, Input::Text("Sam".into()), &ctx());
    let all: String = out
        .replies
        .iter()
        .map(|r| strip_isolation(&r.text))
        .collect();
    assert!(all.contains("this service has been updated"), "{all}");
    assert_eq!(out.session.node, "privacy");
    assert!(out.session.answers.is_empty());
    assert_eq!(out.session.lang.as_deref(), Some("en-GB"));
}

#[test]
fn the_summary_lets_one_answer_change_then_returns() {
    let mut c = Convo::new(fixture_engine(), Some("en-GB"));
    to_summary(&mut c);
    c.press("change");
    assert!(c.text().contains("What would you like to change?"));
    assert!(c.labels().contains(&"Name".to_string()));
    c.press("name");
    assert_eq!(c.at(), "name");
    c.say("Samira");
    assert_eq!(c.at(), "summary", "straight back to the summary");
    assert!(c.text().contains("Name: Samira"));
    assert!(c.text().contains("Postcode: E1 6AN"), "other answers kept");

    // Changing the contact method to a message forgets the phone and best time.
    c.press("change").press("contact").press("message");
    assert_eq!(c.at(), "summary");
    assert!(!c.text().contains("Phone:"), "{}", c.text());
    assert!(!c.session.answers.contains_key("best_time"));
    // And back to phone asks for the number again, then the time, then returns.
    c.press("change").press("contact").press("phone");
    assert_eq!(c.at(), "phone");
    c.say("020 7946 0000");
    assert_eq!(c.at(), "best-time");
    c.press("any");
    assert_eq!(c.at(), "summary");
    assert!(c.text().contains("Phone: 020 7946 0000"));
    // Back from inside an edit returns to the summary's list.
    c.press("change").press("gp");
    c.send(Input::Back);
    assert_eq!(c.at(), "summary");
    assert_eq!(c.session.page, 1);
}

#[test]
fn overlong_empty_and_control_character_input() {
    let e = fixture_engine();
    let s = at_node("story", "en-GB");
    let long = "a".repeat(10_000);
    let out = e.step(&s, Input::Text(long), &ctx());
    assert!(
        strip_isolation(&out.replies[0].text).contains("keep it under 4,000 characters")
            || strip_isolation(&out.replies[0].text).contains("keep it under 4000 characters")
    );
    assert_eq!(out.session, s, "nothing changes");
    // Over the story's own limit (1000).
    let out = e.step(&s, Input::Text("b".repeat(1500)), &ctx());
    assert!(strip_isolation(&out.replies[0].text).contains("keep it under 1"));
    assert_eq!(out.session.node, "story");
    // Empty and whitespace-only lines.
    for blank in ["", "   ", "\u{200B}\u{0007}"] {
        let out = e.step(&s, Input::Text(blank.into()), &ctx());
        assert!(strip_isolation(&out.replies[0].text).contains("Please type an answer"));
        assert_eq!(out.session, s);
    }
    // Control and zero-width characters are stripped from what is stored.
    let s = at_node("name", "en-GB");
    let out = e.step(
        &s,
        Input::Text("Sa\u{0000}m\u{200B}\u{202E}\u{0008}".into()),
        &ctx(),
    );
    assert_eq!(out.session.answers.get("name").cloned(), text("Sam"));
}

#[test]
fn names_with_no_letters_are_refused() {
    let e = fixture_engine();
    let s = at_node("name", "en-GB");
    let out = e.step(&s, Input::Text("12345".into()), &ctx());
    assert!(strip_isolation(&out.replies[0].text).contains("Please type a name"));
    let out = e.step(&s, Input::Text("সামিরা".into()), &ctx());
    assert_eq!(out.session.answers.get("name").cloned(), text("সামিরা"));
}

#[test]
fn bengali_referral_with_bengali_digits_and_keywords() {
    let mut c = Convo::new(fixture_engine(), Some("bn"));
    assert!(c.text().contains("স্বাগতম"));
    c.say("১"); // yes
    c.say("৩").say("হয়ে গেছে");
    assert_eq!(c.at(), "story");
    c.say("পেছনে");
    assert_eq!(c.at(), "needs", "Bengali 'back' works");
    let ticked: Vec<_> = c
        .prompt()
        .choices
        .iter()
        .filter(|b| b.selected)
        .map(|b| b.id.clone())
        .collect();
    assert_eq!(ticked, ["money"], "going back shows what was ticked");
    c.say("১০");
    assert_eq!(c.at(), "story", "১০ is the 10th button, Done");
    c.press("no-thanks").say("রহিম").say("৩/৭/১৯৫৮").say("১");
    c.say("১")
        .say("০৭৭০০ ৯০০১২৩")
        .say("২")
        .say("e14 2bg")
        .say("১");
    assert_eq!(c.at(), "summary");
    assert!(c.text().contains("নাম: রহিম"), "{}", c.text());
    c.say("১");
    assert!(c.text().contains("আপনার রেফারেন্স SP-7K3Q"), "{}", c.text());
    let r = c.queued().expect("queued");
    assert_eq!(r.language, "bn");
    assert_eq!(r.answers.get("phone").cloned(), text("07700900123"));
    assert_eq!(
        r.answers.get("best_time"),
        Some(&Answer::Choice("afternoon".into()))
    );
    assert_eq!(r.answers.get("postcode").cloned(), text("E14 2BG"));
}

#[test]
fn arabic_keeps_references_and_names_isolated_for_right_to_left() {
    let mut c = Convo::new(fixture_engine(), Some("ar"));
    c.press("yes")
        .press("housing")
        .press("done")
        .press("no-thanks");
    c.say("Sam")
        .press("prefer-not")
        .press("dont-know")
        .press("message");
    c.press("dont-know").press("ar").press("confirm");
    let raw: String = c.last.replies.iter().map(|r| r.text.clone()).collect();
    assert!(
        raw.contains("\u{2068}SP-7K3Q\u{2069}"),
        "the reference is wrapped in FSI/PDI: {raw:?}"
    );
    assert!(raw.contains("\u{2068}Sam\u{2069}"));
    assert!(c.text().contains("رقمك المرجعي هو SP-7K3Q"));
}

#[test]
fn a_second_queue_in_the_same_conversation_reuses_the_reference() {
    let mut c = Convo::new(fixture_engine(), Some("en-GB"));
    to_summary(&mut c);
    c.press("confirm");
    assert_eq!(
        c.effects
            .iter()
            .filter(|e| matches!(e, Effect::Queue(_)))
            .count(),
        1
    );
    assert_eq!(c.session.reference.as_deref(), Some("SP-7K3Q"));
    c.send(Input::Back);
    assert!(
        c.text().contains("can't go back"),
        "no going back past the queue"
    );
}

#[test]
fn the_switch_node_branches_on_a_saved_answer() {
    let dir = copy_fixture();
    let flow = r#"
schema = 1
id = "self-referral"
start = "age"

[[node]]
id = "age"
kind = "choice"
text = "t-age"
save = "age_band"
choices = [
  { id = "young", label = "t-young", next = "route" },
  { id = "old", label = "t-old", next = "route" },
  { id = "unsure", label = "t-unsure", next = "route" },
]

[[node]]
id = "route"
kind = "switch"
on = "age_band"
cases = [
  { equals = "young", next = "young-end" },
  { equals = "old", next = "old-end" },
]
default = "other-end"

[[node]]
id = "young-end"
kind = "end"
text = "t-young-end"

[[node]]
id = "old-end"
kind = "end"
text = "t-old-end"

[[node]]
id = "other-end"
kind = "end"
text = "t-other-end"

[[node]]
id = "needs-for-services"
kind = "multi_choice"
text = "t-age"
save = "needs"
done = "t-young"
choices = [{ id = "money", label = "t-old" }, { id = "mental", label = "t-old" },
  { id = "physical", label = "t-old" }, { id = "housing", label = "t-old" },
  { id = "work", label = "t-old" }, { id = "caring", label = "t-old" },
  { id = "lonely", label = "t-old" }, { id = "food", label = "t-old" },
  { id = "other", label = "t-old" }]
next = "other-end"
"#;
    std::fs::remove_file(dir.path().join("dialogues/self-referral.toml")).expect("rm");
    std::fs::write(dir.path().join("dialogues/branching.toml"), flow).expect("write");
    std::fs::write(
        dir.path().join("locales/en-GB/branching.ftl"),
        "t-age = How old?\nt-young = Under 25\nt-old = Over 65\nt-unsure = Between\n\
         t-young-end = Youth services\nt-old-end = Older people's services\nt-other-end = All services\n",
    )
    .expect("write");
    // The unreachable multi_choice is reported, so check loads the content with the error...
    let (content, problems) =
        signpost::content::Content::load_all(dir.path()).expect("folder exists");
    assert!(content.is_some());
    assert!(
        problems
            .iter()
            .any(|p| p.kind == signpost::content::ProblemKind::Unreachable),
        "{problems:?}"
    );
    // ...so make it reachable from nowhere harmful: drop it, and drop the services' needs.
    let text = flow
        .split("[[node]]\nid = \"needs-for-services\"")
        .next()
        .expect("split");
    std::fs::write(dir.path().join("dialogues/branching.toml"), text).expect("write");
    std::fs::write(dir.path().join("services/directory.toml"), "schema = 1\n").expect("write");
    let e = engine_at(dir.path());
    assert!(matches!(
        e.content().entry().node("route").map(|n| &n.kind),
        Some(NodeKind::Switch { .. })
    ));
    for (pick, expect) in [
        ("young", "Youth services"),
        ("old", "Older people's services"),
        ("unsure", "All services"),
    ] {
        let mut c = Convo::new(e.clone(), Some("en-GB"));
        c.press(pick);
        assert_eq!(c.text(), expect);
        assert!(c.session.finished);
    }
}

#[test]
fn free_text_asked_before_consent_is_not_kept() {
    let dir = copy_fixture();
    let flow = r#"
schema = 1
id = "self-referral"
start = "name"

[consent]
answer = "consent"
given = "yes"
notice_version = "test"

[[node]]
id = "name"
kind = "text"
text = "referral-name"
save = "name"
next = "privacy"

[[node]]
id = "privacy"
kind = "choice"
text = "referral-privacy"
save = "consent"
choices = [
  { id = "yes", label = "referral-privacy-yes", next = "story" },
  { id = "no", label = "referral-privacy-no", next = "bye" },
]

[[node]]
id = "story"
kind = "text"
text = "referral-story"
save = "story"
next = "gp"

[[node]]
id = "gp"
kind = "text"
text = "referral-gp"
save = "gp"
next = "bye"

[[node]]
id = "bye"
kind = "end"
text = "referral-goodbye"
"#;
    std::fs::write(dir.path().join("dialogues/self-referral.toml"), flow).expect("write");
    std::fs::write(dir.path().join("services/directory.toml"), "schema = 1\n").expect("write");
    let mut c = Convo::new(engine_at(dir.path()), Some("en-GB"));
    c.say("Sam");
    assert_eq!(c.at(), "privacy");
    assert!(
        !c.session.answers.contains_key("name"),
        "not kept before consent"
    );
    c.press("yes").say("after consent");
    assert_eq!(
        c.session.answers.get("story").cloned(),
        text("after consent")
    );
    // At the end nothing is kept in the conversation any more.
    c.say("Blithehale");
    assert!(c.session.finished);
    assert!(c.session.answers.is_empty(), "{:?}", c.session.answers);
}

/// A finished, queued conversation, as the store would hand it back later.
fn queued_session() -> Session {
    let mut c = Convo::new(fixture_engine(), Some("en-GB"));
    to_summary(&mut c);
    c.press("confirm");
    assert!(c.session.finished);
    c.session
}

fn with_waiting(reference: Option<&str>) -> signpost::engine::Context {
    let mut x = ctx();
    x.waiting = reference.map(str::to_string);
    x
}

#[test]
fn coming_back_with_a_callback_waiting_offers_a_message_or_cancelling() {
    let e = fixture_engine();
    let s = queued_session();
    let out = e.step(
        &s,
        Input::Start {
            lang_hint: None,
            link: None,
        },
        &with_waiting(Some("SP-7K3Q")),
    );
    let p = out.replies.last().expect("menu");
    assert!(
        strip_isolation(&p.text)
            .contains("Your request SP-7K3Q is with the social prescribing team")
    );
    let ids: Vec<_> = p.choices.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["message", "cancel", "new"]);
    assert_eq!(p.node.as_deref(), Some("_waiting"));
    assert!(
        out.effects.is_empty(),
        "not walked through the referral again"
    );

    // Add a message for the prescriber.
    let out = e.step(
        &out.session,
        Input::Text("1".into()),
        &with_waiting(Some("SP-7K3Q")),
    );
    assert!(strip_isolation(&out.replies[0].text).starts_with("Type your message"));
    let out = e.step(
        &out.session,
        Input::Text("Please call after 3pm, I work mornings".into()),
        &with_waiting(Some("SP-7K3Q")),
    );
    assert_eq!(
        out.effects,
        [Effect::ResidentNote {
            reference: "SP-7K3Q".into(),
            text: "Please call after 3pm, I work mornings".into()
        }]
    );
    assert!(
        strip_isolation(&out.replies[0].text).contains("Your message is with your request SP-7K3Q")
    );
    assert!(out.session.aside.is_none());

    // Cancel.
    let menu = e.step(
        &out.session,
        Input::Text("hi".into()),
        &with_waiting(Some("SP-7K3Q")),
    );
    let out = e.step(
        &menu.session,
        Input::Choice {
            node: "_waiting".into(),
            choice: "cancel".into(),
        },
        &with_waiting(Some("SP-7K3Q")),
    );
    assert_eq!(
        out.effects,
        [Effect::Cancel {
            reference: "SP-7K3Q".into()
        }]
    );
    assert!(strip_isolation(&out.replies[0].text).contains("SP-7K3Q is cancelled"));

    // A new request from the menu starts over.
    let out = e.step(
        &menu.session,
        Input::Choice {
            node: "_waiting".into(),
            choice: "new".into(),
        },
        &with_waiting(Some("SP-7K3Q")),
    );
    assert_eq!(out.session.node, "privacy");
    assert!(out.session.answers.is_empty());

    // Once the callback is closed, coming back starts a new request.
    let out = e.step(
        &s,
        Input::Start {
            lang_hint: None,
            link: None,
        },
        &with_waiting(None),
    );
    assert_eq!(out.session.node, "privacy");
}
