//! Typed answers understood the first time, with the shipped words (their `.aliases`): in the
//! engine, then through the real binary's terminal chat in English, Arabic and Bengali.

mod common;

use std::path::Path;

use common::{Convo, engine};
use signpost::content::locales::strip_isolation;
use signpost::engine::Answer;

fn choice(id: &str) -> Option<Answer> {
    Some(Answer::Choice(id.to_string()))
}

fn answer(c: &Convo, key: &str) -> Option<Answer> {
    c.session.answers.get(key).cloned()
}

/// A conversation in `lang` that has consented and is at the needs question.
fn at_needs(lang: &str) -> Convo {
    let mut c = Convo::new(engine(), Some(lang));
    c.press("yes");
    assert_eq!(c.at(), "needs");
    c
}

/// The ids ticked on the question shown last.
fn ticked(c: &Convo) -> Vec<String> {
    c.prompt()
        .choices
        .iter()
        .filter(|b| b.selected)
        .map(|b| b.id.clone())
        .collect()
}

/// A conversation in `lang` waiting at `node`, reached with plain answers.
fn at(lang: &str, node: &str) -> Convo {
    let mut c = at_needs(lang);
    walk_to(&mut c, node);
    c
}

/// On from the needs question to `node`, with plain answers.
fn walk_to(c: &mut Convo, node: &str) {
    let steps: [(&str, &str); 6] = [
        ("needs", "1"),
        ("story", "It has been a hard year."),
        ("name", "Sam"),
        ("dob", "3/7/1958"),
        ("gp", "Blithehale Health Centre"),
        ("contact", "1"),
    ];
    if c.at() == "needs" {
        c.say("1").say("done");
    }
    for (at, typed) in steps.iter().skip(1) {
        if c.at() == node {
            return;
        }
        assert_eq!(c.at(), *at, "{}", c.text());
        c.say(typed);
    }
    assert_eq!(c.at(), node, "{}", c.text());
}

#[test]
fn a_loose_word_picks_the_button_it_stands_for() {
    let mut c = at("en-GB", "contact");
    c.say("1").say("07700 900123");
    assert_eq!(c.at(), "best-time");
    c.say("mornings");
    assert_eq!(answer(&c, "best_time"), choice("morning"), "{}", c.text());
    assert_eq!(c.at(), "postcode");

    // In Bengali, with a word for "in the morning".
    let mut c = at("bn", "contact");
    c.say("১").say("07700 900123");
    c.say("সকালে");
    assert_eq!(answer(&c, "best_time"), choice("morning"), "{}", c.text());
}

#[test]
fn a_phone_number_or_postcode_typed_for_how_to_get_in_touch_is_taken() {
    let mut c = at("en-GB", "contact");
    c.say("07700 900 123");
    assert_eq!(answer(&c, "contact"), choice("phone"));
    assert_eq!(
        answer(&c, "phone"),
        Some(Answer::Text("07700900123".into()))
    );
    assert_eq!(c.at(), "best-time", "the phone question skipped");

    let mut c = at("ar", "contact");
    c.say("e1 6an");
    assert_eq!(answer(&c, "contact"), choice("message"));
    assert_eq!(answer(&c, "postcode"), Some(Answer::Text("E1 6AN".into())));
    assert_eq!(c.at(), "interpreter");

    // Neither: the question again, nothing kept.
    let mut c = at("en-GB", "contact");
    c.say("0770");
    assert_eq!(c.at(), "contact");
    assert_eq!(answer(&c, "contact"), None);
    assert!(
        c.text().contains("Sorry, I didn't understand"),
        "{}",
        c.text()
    );
}

#[test]
fn a_sentence_naming_needs_ticks_them_and_asks_to_confirm() {
    let mut c = at_needs("en-GB");
    c.say("I'm lonely and I can't pay my bills");
    let text = c.text();
    assert!(text.contains("I think you mean:"), "{text}");
    assert!(
        text.contains("• Money and debt\n• Feeling lonely"),
        "{text}"
    );
    assert_eq!(c.at(), "needs", "nothing saved until confirmed");
    assert_eq!(ticked(&c), ["money", "lonely"]);
    c.say("done");
    assert_eq!(
        answer(&c, "needs"),
        Some(Answer::Choices(vec!["money".into(), "lonely".into()]))
    );

    // Arabic, and picks typed with the Arabic comma.
    let mut c = at_needs("ar");
    c.say("أشعر بالوحدة ولا أستطيع دفع الفواتير");
    assert_eq!(ticked(&c), ["money", "lonely"], "{}", c.text());
    let mut c = at_needs("ar");
    c.say("١، ٣").say("تم");
    assert_eq!(
        answer(&c, "needs"),
        Some(Answer::Choices(vec!["mental".into(), "money".into()]))
    );
}

#[test]
fn a_word_two_buttons_share_asks_which_was_meant() {
    let mut c = at_needs("en-GB");
    c.say("feeling");
    let asked = c.prompt();
    assert!(
        strip_isolation(&asked.text)
            .starts_with("Did you mean:\n• Feeling low or worried\n• Feeling lonely\n"),
        "{}",
        asked.text
    );
    // The question's buttons stay as they were, so a typed number still means its button.
    assert_eq!(asked.choices.len(), 10);
    c.say("7");
    assert_eq!(c.session.picks, ["lonely"]);

    // A sentence at a single choice is confirmed before it counts.
    let mut c = at("en-GB", "contact");
    c.say("please could you give me a call");
    assert_eq!(c.at(), "contact");
    assert_eq!(answer(&c, "contact"), None);
    assert!(
        c.text().starts_with("Did you mean:\n• Phone me\n"),
        "{}",
        c.text()
    );
    assert_eq!(c.labels(), ["Phone me", "Message me here"]);
}

#[test]
fn consent_is_never_read_from_a_sentence() {
    let mut c = Convo::new(engine(), Some("en-GB"));
    c.say("I do not agree");
    assert_eq!(c.at(), "privacy");
    assert_eq!(answer(&c, "consent"), None);
    // The guess is named, and "No" stays on offer beside it.
    assert!(
        c.text().starts_with("Did you mean:\n• Yes, that's OK\n"),
        "{}",
        c.text()
    );
    assert_eq!(c.labels(), ["Yes, that's OK", "No, just show me services"]);
    c.say("no");
    assert_eq!(answer(&c, "consent"), choice("no"));
}

#[test]
fn a_skip_typed_loosely_is_the_skip_not_the_answer() {
    for (lang, typed) in [
        ("en-GB", "no thanks"),
        ("en-GB", "No."),
        ("ar", "لا شكرا"),
        ("bn", "না ধন্যবাদ"),
        ("pl", "nie, dziękuję"),
    ] {
        let mut c = at_needs(lang);
        c.say("1").say(if lang == "ar" { "تم" } else { "done" });
        if c.at() == "needs" {
            c.say("done");
        }
        assert_eq!(c.at(), "story", "{lang}: {}", c.text());
        c.say(typed);
        assert_eq!(
            answer(&c, "story"),
            Some(Answer::Skipped("no-thanks".into())),
            "{lang}: {typed:?}"
        );
    }
    // A story that starts with the same words is the story.
    let mut c = at_needs("en-GB");
    c.say("1").say("done");
    c.say("No thanks to my landlord, the flat has been cold all winter.");
    assert!(matches!(answer(&c, "story"), Some(Answer::Text(_))));

    let mut c = at("en-GB", "gp");
    c.say("dont know");
    assert_eq!(answer(&c, "gp"), Some(Answer::Skipped("dont-know".into())));
}

#[test]
fn after_the_last_try_at_a_date_the_question_is_said_to_be_skipped() {
    let mut c = at("en-GB", "dob");
    c.say("sometime in spring").say("when I was young");
    assert_eq!(c.at(), "dob");
    c.say("long ago");
    assert_eq!(c.at(), "gp");
    assert!(
        c.text().starts_with("Let's leave that one for now"),
        "{}",
        c.text()
    );
    assert_eq!(answer(&c, "dob"), None);
}

#[test]
fn yes_at_the_summary_sends_it_in_any_language() {
    for (lang, yes) in [
        ("en-GB", "yes"),
        ("ar", "نعم"),
        ("bn", "হ্যাঁ"),
        ("zh-Hans", "对"),
    ] {
        let mut c = at(lang, "contact");
        c.say("07700 900123");
        c.say("1").say("E1 6AN").say("1");
        assert_eq!(c.at(), "summary", "{lang}: {}", c.text());
        c.say(yes);
        assert!(c.queued().is_some(), "{lang}: {yes} sends it: {}", c.text());
    }
}

fn chat(db: &Path, lang: &str, lines: &[&str]) -> String {
    let stdin = lines.join("\n") + "\n";
    let o = common::run(db, &["chat", "--lang", lang], stdin.as_bytes(), &[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    strip_isolation(&String::from_utf8_lossy(&o.stdout))
}

#[test]
fn the_terminal_chat_understands_loose_answers_and_erases_on_a_typed_yes() {
    for (lang, lines, done) in [
        (
            "en-GB",
            [
                "yes",
                "lonely",
                "done",
                "no thanks",
                "Sam",
                "/forget",
                "yes",
            ],
            "Done: we have deleted what we held about you.",
        ),
        (
            "ar",
            ["نعم", "وحدة", "تم", "لا شكرا", "سامي", "/forget", "نعم"],
            "تم: حذفنا ما كنا نحتفظ به عنك.",
        ),
        (
            "bn",
            ["হ্যাঁ", "একা", "হয়ে গেছে", "না ধন্যবাদ", "সামি", "/forget", "১"],
            "হয়ে গেছে: আপনার সম্পর্কে যা রাখা ছিল আমরা মুছে দিয়েছি।",
        ),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("s.db");
        // Up to the date of birth, then erased.
        let text = chat(&db, lang, &lines);
        assert!(text.contains(done), "{lang}: {text}");
        let not_understood =
            strip_isolation(&engine().content().locales.format(lang, "choose-one", &[]));
        assert!(
            !text.contains(&not_understood),
            "{lang}: every loose answer understood: {text}"
        );
        let o = common::run(&db, &["queue", "list", "--json"], b"", &[]);
        assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "[]");
    }
}

#[test]
fn a_language_is_picked_by_its_name_in_english_or_its_own_script() {
    for (typed, tag) in [
        ("bangla", "bn"),
        ("Bengali", "bn"),
        ("arabic", "ar"),
        ("عربي", "ar"),
        ("urdu", "ur"),
        ("polski", "pl"),
        ("中文", "zh-Hans"),
        ("ar", "ar"),
    ] {
        let mut c = Convo::new(engine(), None);
        assert!(c.session.picking_language);
        c.say(typed);
        assert_eq!(
            c.session.lang.as_deref(),
            Some(tag),
            "{typed}: {}",
            c.text()
        );
    }
}

#[test]
fn a_word_meaning_yes_in_one_language_and_no_in_another_is_asked_about() {
    let e = engine();
    // Polish "no" is often "yeah": neither erases nor keeps by itself in Polish.
    assert!(!signpost::app::rights::typed_yes(&e, "pl", "no"));
    assert!(signpost::app::rights::typed_yes(&e, "pl", "tak"));
    assert!(signpost::app::rights::typed_yes(&e, "en-GB", "yes"));
    assert!(!signpost::app::rights::typed_yes(&e, "en-GB", "no"));
    // At the Polish summary, "no" asks which was meant; "tak" sends.
    let mut c = at("pl", "contact");
    c.say("07700 900123").say("1").say("E1 6AN").say("1");
    assert_eq!(c.at(), "summary", "{}", c.text());
    c.say("no");
    assert!(c.queued().is_none(), "{}", c.text());
    assert_eq!(c.at(), "summary");
    c.say("tak");
    assert!(c.queued().is_some(), "{}", c.text());
}
