//! Every shipped language: a whole referral with no English fallback, plural forms, right-to-left
//! isolation, crisis words (and a near miss), and `check --languages`.

mod common;

use std::process::Command;

use common::{Convo, ctx, engine, to_summary};
use signpost::content::Arg;
use signpost::content::locales::strip_isolation;
use signpost::engine::{Effect, Input};

/// A whole referral by button ids and script-neutral text.
fn refer(lang: &str) -> Convo {
    let mut c = Convo::new(engine(), Some(lang));
    c.press("yes").press("lonely").press("food").press("done");
    c.press("no-thanks");
    c.say("Amina");
    c.say("3/7/1958");
    c.press("dont-know");
    c.press("phone");
    c.say("07700 900123");
    c.press("any");
    c.say("E1 6AN");
    c.press(if lang == "en-GB" { "none" } else { "bn" });
    assert_eq!(c.at(), "summary", "{lang}");
    c.press("confirm");
    c
}

#[test]
fn the_whole_referral_in_every_shipped_language_without_falling_back_to_english() {
    let e = engine();
    let tags = common::languages();
    assert_eq!(tags.len(), 8, "{tags:?}");
    let english = refer("en-GB");
    let english_texts: Vec<String> = english
        .last
        .replies
        .iter()
        .map(|r| strip_isolation(&r.text))
        .collect();
    for tag in &tags {
        let c = refer(tag);
        let r = c.queued().unwrap_or_else(|| panic!("{tag}: queued"));
        assert_eq!(&r.language, tag);
        assert!(c.session.finished, "{tag}");
        // Every message the person can be shown exists in their language.
        let lang = e.content().locales.get(tag).expect("shipped");
        for id in e.content().used_messages() {
            assert!(lang.messages.contains_key(&id), "{tag} lacks {id}");
        }
        if tag != "en-GB" {
            for reply in &c.last.replies {
                let text = strip_isolation(&reply.text);
                assert!(
                    !english_texts.contains(&text),
                    "{tag} fell back to English: {text}"
                );
                assert!(!text.contains('['), "{tag}: a message id shown: {text}");
            }
        }
    }
}

#[test]
fn plural_forms_follow_each_languages_rules() {
    let e = engine();
    let l = &e.content().locales;
    let f = |lang: &str, n: f64| {
        strip_isolation(&l.format(lang, "pick-at-least", &[("min", Arg::Num(n))]))
    };
    // Polish: one, few (2-4, 22-24...), many (5-21...).
    assert!(f("pl", 1.0).contains("co najmniej jedną"));
    assert!(f("pl", 2.0).contains("co najmniej 2 odpowiedzi"));
    assert!(f("pl", 22.0).contains("co najmniej 22 odpowiedzi"));
    let too_long = |n: f64| strip_isolation(&l.format("pl", "too-long", &[("max", Arg::Num(n))]));
    assert!(too_long(2.0).ends_with("2 znaki."), "{}", too_long(2.0));
    assert!(too_long(5.0).ends_with("5 znaków."), "{}", too_long(5.0));
    assert!(too_long(22.0).ends_with("22 znaki."), "{}", too_long(22.0));
    // Arabic: one, two, few (3-10), many (11-99), other (100+).
    assert!(f("ar", 1.0).contains("خياراً واحداً"));
    assert!(f("ar", 2.0).contains("خيارين"));
    assert!(f("ar", 3.0).contains("3 خيارات"));
    assert!(f("ar", 11.0).contains("11 خياراً"));
    assert!(f("ar", 100.0).contains("100 خيار "));
    let services =
        |n: f64| strip_isolation(&l.format("ar", "referral-services", &[("count", Arg::Num(n))]));
    assert!(services(2.0).starts_with("هاتان خدمتان"));
    assert!(services(5.0).contains("5 خدمات"));
    // English.
    assert!(f("en-GB", 1.0).contains("at least one,"));
    assert!(f("en-GB", 2.0).contains("at least 2,"));
}

#[test]
fn right_to_left_languages_isolate_references_names_and_numbers() {
    for tag in ["ar", "ur"] {
        let c = refer(tag);
        let raw: String = c.last.replies.iter().map(|r| r.text.clone()).collect();
        assert!(raw.contains("\u{2068}SP-7K3Q\u{2069}"), "{tag}: {raw:?}");
        assert!(raw.contains("\u{2068}Amina\u{2069}"), "{tag}");
        assert!(
            engine().content().locales.get(tag).expect("shipped").rtl,
            "{tag}"
        );
    }
}

#[test]
fn crisis_words_in_every_language_and_a_chinese_near_miss() {
    let e = engine();
    let s = {
        let mut c = Convo::new(e.clone(), Some("en-GB"));
        c.press("yes").press("money").press("done");
        c.session.clone()
    };
    let phrases = [
        ("pl", "czasem chcę umrzeć"),
        ("pl", "myślę o samobójstwie"),
        ("tr", "ölmek istiyorum artık"),
        ("tr", "intihar etmeyi düşünüyorum"),
        ("ur", "میں خودکشی کرنا چاہتا ہوں"),
        ("ur", "main khudkushi ke bare mein sochta hoon"),
        ("so", "waxaan rabaa inaan dhinto"),
        ("zh-Hans", "我有时候想自杀"),
        ("zh-Hans", "我真的不想活了"),
        ("zh-Hans", "我好累，想死。"),
        ("bn", "ami atmohotta korte chai"),
    ];
    for (lang, phrase) in phrases {
        let mut s = s.clone();
        s.lang = Some(lang.to_string());
        let out = e.step(&s, Input::Text(phrase.into()), &ctx());
        assert!(out.effects.contains(&Effect::Crisis), "{lang}: {phrase}");
        let first = strip_isolation(&out.replies[0].text);
        assert!(
            first.contains("999") && first.contains("116 123"),
            "{lang}: {first}"
        );
    }
    for near_miss in [
        "想死你了",
        "我想死你们了",
        "kill time in the library",
        "Polish: zabić czas",
    ] {
        let out = e.step(&s, Input::Text(near_miss.into()), &ctx());
        assert!(!out.effects.contains(&Effect::Crisis), "{near_miss} fired");
    }
}

#[test]
fn check_languages_prints_the_table_and_notices_a_missing_message() {
    let dir = common::copy_content();
    let pl = dir.path().join("locales/pl/main.ftl");
    common::edit(
        &pl,
        "referral-gp-skip = Nie wiem\n    .aliases = nie wiem, nie jestem pewien, nie jestem pewna\n",
        "",
    );
    let o = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["check", "--languages", "--content"])
        .arg(dir.path())
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "a missing translation is a warning: {text}"
    );
    assert!(
        text.contains("warning[missing-message]: message \"referral-gp-skip\" is missing from pl"),
        "{text}"
    );
    let row = |tag: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{tag} ")))
            .unwrap_or_else(|| panic!("no {tag} row in {text}"))
            .split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    // Columns: language, name, reviewed, draft, changed, missing, total (messages and their
    // attributes). English is the source: all reviewed. The message and its synonyms are missing.
    let english = row("en-GB");
    let total = english[6].clone();
    let less: usize = total.parse::<usize>().expect("total") - 2;
    assert_eq!(english, ["en-GB", "English", &total, "0", "0", "0", &total]);
    assert_eq!(
        row("pl"),
        ["pl", "Polski", "0", &less.to_string(), "0", "2", &total]
    );
    assert_eq!(
        row("zh-Hans"),
        ["zh-Hans", "简体中文", "0", &total, "0", "0", &total]
    );
    // At run time the missing message falls back to English.
    let e = common::engine_at(dir.path());
    let t = e.content().locales.format("pl", "referral-gp-skip", &[]);
    assert_eq!(t, "I don't know");
}

/// Realistic ways of saying it, per shipped language (Bengali and Urdu also in Latin letters,
/// as many people type them), and everyday phrases that must not fire.
const CRISIS: &[(&str, &[&str], &[&str])] = &[
    (
        "en-GB",
        &[
            "honestly I want to kill myself",
            "I've been having suicidal thoughts",
            "I don't want to be here anymore",
            "they'd all be better off dead without me. I'd be better off dead",
        ],
        &[
            "I'm just killing time",
            "dying to see you",
            "my phone died",
            "skill myself up for work",
            "the commute is killing me",
        ],
    ),
    (
        "bn",
        &["আমি আত্মহত্যা করতে চাই", "আর বাঁচতে চাই না", "ami morte chai"],
        &[
            "হাসতে হাসতে মরে যাচ্ছি",
            "ami tomake dekhte chai",
            "ami khub klanto",
        ],
    ),
    (
        "ar",
        &["أفكر في الانتحار", "أريد أن أموت", "لا أريد أن أعيش بعد الآن"],
        &["أموت من الضحك", "أحب حياتي", "أريد أن أعمل"],
    ),
    (
        "pl",
        &[
            "myślę o samobójstwie",
            "czasem chcę umrzeć",
            "nie chcę już żyć",
        ],
        &[
            "umieram z ciekawości",
            "muszę zabić czas",
            "umieram ze śmiechu",
        ],
    ),
    (
        "tr",
        &[
            "intihar etmeyi düşünüyorum",
            "artık yaşamak istemiyorum",
            "ölmek istiyorum",
        ],
        &["meraktan ölüyorum", "zaman öldürmek için geldim"],
    ),
    (
        "ur",
        &[
            "میں خودکشی کرنا چاہتا ہوں",
            "ab jeena nahi chahta",
            "main marna chahti hoon",
        ],
        &[
            "hans hans ke mar gaya",
            "main bohat thak gaya hoon",
            "مجھے نوکری چاہیے",
        ],
    ),
    (
        "so",
        &[
            "waxaan rabaa inaan dhinto",
            "waxaan ka fikirayaa is dilid",
            "nolosha waan ka daalay",
        ],
        &["waan daalay", "waan is diiwaangeliyay"],
    ),
    (
        "zh-Hans",
        &["我有时候想自杀", "我真的不想活了", "我好累，想死。"],
        &["想死你了", "我想死你们了", "笑死我了"],
    ),
];

#[test]
fn crisis_words_fire_from_every_step_in_every_language_and_near_misses_do_not() {
    let e = engine();
    let shipped = common::languages();
    let covered: Vec<String> = CRISIS.iter().map(|(l, _, _)| l.to_string()).collect();
    assert_eq!(
        shipped.len(),
        covered.len(),
        "every shipped language has phrases"
    );
    for lang in &shipped {
        assert!(covered.contains(lang), "{lang} has no crisis phrases here");
    }
    // Every step that waits for the person, with every earlier answer given.
    let answered = {
        let mut c = Convo::new(e.clone(), Some("en-GB"));
        to_summary(&mut c);
        c.session.clone()
    };
    let flow = e.content().entry().clone();
    let steps: Vec<_> = flow.nodes.iter().filter(|n| n.kind.waits()).collect();
    assert!(steps.len() > 10);
    for (lang, phrases, near_misses) in CRISIS {
        for node in &steps {
            let mut s = answered.clone();
            s.lang = Some(lang.to_string());
            s.node = node.id.clone();
            s.history.clear();
            for phrase in *phrases {
                let out = e.step(&s, Input::Text(phrase.to_string()), &ctx());
                assert!(
                    out.effects.contains(&Effect::Crisis),
                    "{lang} at {}: {phrase:?} did not fire",
                    node.id
                );
                let first = strip_isolation(&out.replies[0].text);
                assert!(
                    first.contains("999") && first.contains("116 123"),
                    "{lang} at {}: {first}",
                    node.id
                );
                assert!(out.session.urgent);
                if node.id == "story" {
                    // Nothing typed is lost: the story keeps the words.
                    assert_eq!(
                        out.session.answers.get("story"),
                        Some(&signpost::engine::Answer::Text(phrase.to_string())),
                        "{lang}"
                    );
                }
            }
            for phrase in *near_misses {
                let out = e.step(&s, Input::Text(phrase.to_string()), &ctx());
                assert!(
                    !out.effects.contains(&Effect::Crisis) && !out.session.urgent,
                    "{lang} at {}: {phrase:?} fired",
                    node.id
                );
            }
        }
    }
}
