//! The crisis detector measured on labelled messages in every shipped language, and what a
//! step does with words of crisis: the routes by kind, the direct question when unsure, and
//! the words kept where the prescriber reads them (never taken as a name or a date).

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use common::{Convo, ctx, engine, to_summary};
use signpost::content::locales::strip_isolation;
use signpost::crisis::Kind;
use signpost::crisis::report::{self, Label, MAX_FALSE_ALARMS};
use signpost::engine::{ASK_NODE, Answer, Effect, Input, Response};

fn set_dir(part: &str) -> PathBuf {
    common::bundled().join("tests/fixtures/crisis").join(part)
}

/// Every labelled file of a part, `(tag, cases)`.
fn load(part: &str) -> Vec<(String, Vec<report::Case>)> {
    report::load_set(&set_dir(part))
        .expect("labelled set loads")
        .into_iter()
        .map(|(tag, _, cases)| (tag, cases))
        .collect()
}

fn meets_bars(part: &str) {
    let e = engine();
    let detector = &e.content().crisis.detector;
    let mut rows = Vec::new();
    let mut listed = String::new();
    for (tag, cases) in load(part) {
        let (tally, misses) = report::measure(detector, &cases);
        listed.push_str(&report::miss_lines(&tag, &misses));
        rows.push((tag, tally));
    }
    let table = report::table(&rows);
    assert!(
        rows.iter().all(|(_, t)| t.meets(MAX_FALSE_ALARMS)),
        "below the bars (100% recall, at most 2% false alarms):\n{table}{listed}"
    );
}

#[test]
fn the_labelled_set_covers_every_shipped_language_with_enough_messages() {
    let sets = load("dev");
    for lang in common::languages() {
        let (_, cases) = sets
            .iter()
            .find(|(tag, _)| *tag == lang)
            .unwrap_or_else(|| panic!("no labelled messages for {lang}"));
        let count = |l: Label| cases.iter().filter(|c| c.label == l).count();
        assert!(count(Label::SelfHarm) >= 30, "{lang}: self");
        assert!(count(Label::Danger) >= 10, "{lang}: danger");
        assert!(count(Label::Quiet) >= 30, "{lang}: near-misses");
    }
}

#[test]
fn every_crisis_message_of_the_development_set_fires_and_near_misses_stay_quiet() {
    meets_bars("dev");
}

#[test]
fn every_crisis_message_of_the_held_out_set_fires_and_near_misses_stay_quiet() {
    meets_bars("holdout");
}

#[test]
fn every_crisis_message_of_the_second_held_out_set_fires_and_near_misses_stay_quiet() {
    meets_bars("holdout2");
}

#[test]
fn every_crisis_message_of_the_third_held_out_set_fires_and_near_misses_stay_quiet() {
    meets_bars("holdout3");
}

#[test]
fn every_crisis_message_of_the_fourth_held_out_set_fires_and_near_misses_stay_quiet() {
    meets_bars("holdout4");
}

#[test]
fn every_crisis_message_of_the_fifth_held_out_set_fires_and_near_misses_stay_quiet() {
    meets_bars("holdout5");
}

/// A session at `node` of the shipped referral, consent given, in `lang`.
fn at(node: &str, lang: &str) -> Convo {
    let mut c = Convo::new(engine(), Some("en-GB"));
    to_summary(&mut c);
    c.session.lang = Some(lang.to_string());
    c.session.node = node.to_string();
    c.session.history.clear();
    c
}

fn words_kept(c: &Convo) -> Vec<(String, Option<String>, Response)> {
    c.session
        .flags
        .iter()
        .map(|f| {
            (
                f.words.clone().unwrap_or_default(),
                f.about.answer.clone(),
                f.about.response,
            )
        })
        .collect()
}

#[test]
fn words_of_crisis_are_never_taken_as_a_name_and_the_question_is_asked_again() {
    let mut c = at("name", "en-GB");
    c.session.answers.remove("name");
    c.say("I want to die");
    let text = c.text();
    assert!(text.contains("116 123") && text.contains("999"), "{text}");
    assert!(
        text.ends_with("What would you like us to call you?"),
        "{text}"
    );
    assert_eq!(c.at(), "name");
    assert!(
        !c.session.answers.contains_key("name"),
        "not saved as the name"
    );
    assert!(c.session.urgent);
    assert_eq!(
        words_kept(&c),
        [("I want to die".to_string(), None, Response::Shown)]
    );
    // The referral carries the words to the prescriber, and the name is the real one.
    c.say("Amina");
    let mut c2 = c;
    c2.session.node = "summary".into();
    c2.press("confirm");
    let r = c2.queued().expect("queued");
    assert!(r.urgent);
    assert_eq!(r.answers.get("name"), Some(&Answer::Text("Amina".into())));
    assert_eq!(r.flags.len(), 1);
    assert_eq!(r.flags[0].words.as_deref(), Some("I want to die"));
    assert_eq!(r.flags[0].about.question, "name");
    assert!(
        c2.session.flags.is_empty(),
        "moved to the referral, not kept twice"
    );
}

#[test]
fn words_of_crisis_are_not_a_date_a_phone_number_or_a_postcode_either() {
    for (node, key) in [
        ("dob", "dob"),
        ("phone", "phone"),
        ("postcode", "postcode"),
        ("gp", "gp"),
    ] {
        let mut c = at(node, "en-GB");
        let before = c.session.answers.get(key).cloned();
        c.say("i just want to kill myself");
        assert_eq!(c.at(), node, "the same question again");
        assert_eq!(
            c.session.answers.get(key).cloned(),
            before,
            "{node}: answer unchanged"
        );
        assert_eq!(c.session.tries, 0, "{node}: not counted as a failed try");
        assert_eq!(c.session.flags.len(), 1, "{node}");
    }
}

#[test]
fn at_the_open_question_the_words_are_the_answer_and_flagged() {
    let mut c = Convo::new(engine(), Some("en-GB"));
    c.press("yes").press("mental").press("done");
    assert_eq!(c.at(), "story");
    c.say("since losing my job i think about ending my life");
    assert!(c.text().contains("116 123"));
    assert_eq!(c.at(), "name", "the answer is taken and the step moves on");
    assert_eq!(
        c.session.answers.get("story"),
        Some(&Answer::Text(
            "since losing my job i think about ending my life".into()
        ))
    );
    assert_eq!(
        words_kept(&c),
        [(
            "since losing my job i think about ending my life".to_string(),
            Some("story".to_string()),
            Response::Shown
        )]
    );
}

#[test]
fn danger_from_someone_else_gets_its_own_routes_with_999_first() {
    for (lang, text) in [
        ("en-GB", "my husband said he will kill me if i tell anyone"),
        (
            "en-GB",
            "my brothers are taking me to pakistan to marry a man i never met",
        ),
    ] {
        let mut c = at("name", lang);
        c.say(text);
        let reply = strip_isolation(&c.last.replies[0].text);
        assert!(
            reply.starts_with("If you are in danger now, call 999."),
            "{reply}"
        );
        for number in ["55", "0808 2000 247", "0800 5999 247"] {
            assert!(reply.contains(number), "{number} in {reply}");
        }
        assert!(c.session.urgent);
        assert_eq!(c.session.flags[0].about.kinds, [Kind::Danger]);
    }
}

#[test]
fn every_shipped_language_has_both_routes_with_999() {
    let e = engine();
    let crisis = &e.content().crisis;
    for lang in common::languages() {
        for kind in Kind::ALL {
            let text = e
                .content()
                .locales
                .format(&lang, &crisis.route(kind).message, &[]);
            assert!(text.contains("999"), "{lang} {kind:?}");
            let own = e.content().locales.get(&lang).expect("shipped");
            assert!(
                own.messages.contains_key(&crisis.route(kind).message),
                "{lang} has its own {kind:?} routes"
            );
        }
    }
}

#[test]
fn a_worrying_message_gets_the_direct_question_and_yes_gives_the_routes() {
    let mut c = at("name", "en-GB");
    c.say("i cant do this any more");
    assert!(!c.text().contains("116 123"), "no routes yet: {}", c.text());
    assert!(
        c.text()
            .contains("are you having thoughts of ending your life?")
    );
    assert_eq!(c.prompt().node.as_deref(), Some(ASK_NODE));
    assert_eq!(c.labels(), ["Yes", "No"]);
    assert!(!c.session.urgent);
    c.send(Input::Choice {
        node: ASK_NODE.into(),
        choice: "yes".into(),
    });
    let text = c.text();
    assert!(text.contains("116 123"), "{text}");
    assert!(
        text.ends_with("What would you like us to call you?"),
        "{text}"
    );
    assert!(c.session.urgent);
    assert!(c.last.effects.contains(&Effect::Crisis));
    assert_eq!(
        words_kept(&c),
        [(
            "i cant do this any more".to_string(),
            None,
            Response::AskedYes
        )]
    );
}

#[test]
fn no_to_the_direct_question_thanks_them_and_carries_on_without_urgency() {
    let mut c = at("name", "en-GB");
    c.say("i cant do this any more").say("no");
    let text = c.text();
    assert!(text.contains("Thank you for telling me"), "{text}");
    assert!(
        text.ends_with("What would you like us to call you?"),
        "{text}"
    );
    assert!(!c.session.urgent);
    assert!(!c.last.effects.contains(&Effect::Crisis));
    assert_eq!(words_kept(&c)[0].2, Response::AskedNo);
}

#[test]
fn at_the_direct_question_clear_words_give_the_routes_and_anything_else_asks_again() {
    let mut c = at("name", "en-GB");
    c.say("whats the point");
    c.say("Amina");
    assert!(c.text().contains("Please answer Yes or No"), "{}", c.text());
    assert_eq!(c.prompt().node.as_deref(), Some(ASK_NODE));
    c.say("yes i want to die");
    assert!(c.text().contains("116 123"));
    assert!(c.session.urgent);
    assert_eq!(c.at(), "name");
    assert_eq!(c.session.flags.len(), 2, "both messages kept");
}

#[test]
fn back_from_the_direct_question_keeps_the_words_and_shows_the_step() {
    let mut c = at("name", "en-GB");
    c.say("whats the point").say("back");
    assert!(c.session.asking.is_none());
    assert!(c.text().contains("What would you like us to call you?"));
    assert_eq!(words_kept(&c)[0].2, Response::Asked);
}

#[test]
fn a_worrying_answer_to_the_open_question_is_kept_then_the_question_then_the_next_step() {
    let mut c = Convo::new(engine(), Some("en-GB"));
    c.press("yes").press("mental").press("done");
    c.say("honestly whats the point of anything");
    assert_eq!(c.prompt().node.as_deref(), Some(ASK_NODE));
    assert!(
        c.session.answers.contains_key("story"),
        "the answer is kept"
    );
    c.send(Input::Choice {
        node: ASK_NODE.into(),
        choice: "no".into(),
    });
    assert_eq!(c.at(), "name");
    assert!(c.text().ends_with("What would you like us to call you?"));
}

#[test]
fn a_clear_message_is_never_only_asked() {
    let mut c = at("name", "en-GB");
    c.say("i cant do this any more, i have saved up my tablets for tonight");
    assert!(c.text().contains("116 123"));
    assert!(c.session.asking.is_none());
}

#[test]
fn before_a_language_is_chosen_the_routes_come_in_the_language_typed() {
    let e = engine();
    let s = e.new_session(None);
    let out = e.step(&s, Input::Text("আমি আর বাঁচতে চাই না".into()), &ctx());
    let first = strip_isolation(&out.replies[0].text);
    assert!(first.contains("999 নম্বরে ফোন করুন"), "{first}");
    assert!(out.session.picking_language, "then the language picker");
    assert!(out.session.urgent);
    assert!(
        out.session.flags[0].words.is_none(),
        "nothing typed is kept before consent"
    );
}

#[test]
fn words_in_another_language_get_the_routes_in_both() {
    let mut c = at("name", "en-GB");
    c.say("nie chcę już żyć");
    let texts: Vec<String> = c
        .last
        .replies
        .iter()
        .map(|r| strip_isolation(&r.text))
        .collect();
    assert!(texts[0].contains("Samaritans will listen"), "{texts:?}");
    assert!(texts[1].contains("zadzwoń pod 999"), "{texts:?}");
}

#[test]
fn a_message_too_long_to_take_still_gets_the_routes_first() {
    let mut c = at("story", "en-GB");
    let long = format!(
        "{} i am going to kill myself tonight",
        "so much has happened. ".repeat(250)
    );
    assert!(long.chars().count() > signpost::engine::MAX_INPUT_CHARS);
    c.say(&long);
    assert!(c.text().contains("116 123"));
    assert!(c.text().contains("Please keep it under"));
    assert!(c.session.urgent);
}

/// A referral queued (SP-7K3Q), and the person back at the "your callback is waiting" menu:
/// the engine, the context it needs, and that step.
fn at_waiting_menu() -> (
    signpost::engine::Engine,
    signpost::engine::Context,
    signpost::engine::Outcome,
) {
    let e = engine();
    let mut c = Convo::new(e.clone(), Some("en-GB"));
    to_summary(&mut c);
    c.press("confirm");
    let waiting = signpost::engine::Context {
        waiting: Some("SP-7K3Q".into()),
        ..ctx()
    };
    let out = e.step(
        &c.session,
        Input::Start {
            lang_hint: None,
            link: None,
        },
        &waiting,
    );
    (e, waiting, out)
}

#[test]
fn while_a_callback_waits_the_words_go_with_it() {
    let (e, waiting, out) = at_waiting_menu();
    let out = e.step(
        &out.session,
        Input::Text("i took all my pills".into()),
        &waiting,
    );
    assert!(strip_isolation(&out.replies[0].text).contains("116 123"));
    let flagged: Vec<_> = out
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::Flagged { reference, flag } => Some((reference.clone(), flag.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(flagged.len(), 1);
    assert_eq!(flagged[0].0, "SP-7K3Q");
    assert_eq!(flagged[0].1.words.as_deref(), Some("i took all my pills"));
    assert!(out.effects.contains(&Effect::Crisis));
    // Typing a message for the prescriber: it is kept once, as the flagged words.
    let out = e.step(
        &out.session,
        Input::Choice {
            node: signpost::engine::WAITING_NODE.into(),
            choice: "message".into(),
        },
        &waiting,
    );
    let out = e.step(
        &out.session,
        Input::Text("he hits me every night".into()),
        &waiting,
    );
    let notes = out
        .effects
        .iter()
        .filter(|e| matches!(e, Effect::ResidentNote { .. } | Effect::Flagged { .. }))
        .count();
    assert_eq!(notes, 1, "{:?}", out.effects);
}

#[test]
fn detections_name_their_language_rule_and_kind() {
    let d = engine().content().crisis.detect("ami atmohotta korte chai");
    assert!(
        d.rule_ids().iter().any(|r| r.starts_with("bn/")),
        "{:?}",
        d.rule_ids()
    );
    assert_eq!(d.clear(), BTreeSet::from([Kind::SelfHarm]));
}

#[test]
fn check_reports_the_figures_and_explains_a_message() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("x.db");
    let set = set_dir("dev");
    let o = common::run(
        &db,
        &[
            "check",
            "--crisis-report",
            "--crisis-set",
            &set.to_string_lossy(),
        ],
        b"",
        &[],
    );
    let out = common::ok(&o);
    for lang in common::languages() {
        assert!(
            out.lines().any(|l| l.starts_with(&format!("{lang} "))),
            "{lang} row in {out}"
        );
    }
    assert!(
        out.contains("self recall") && out.contains("false alarms"),
        "{out}"
    );
    let o = common::run(
        &db,
        &[
            "check",
            "--crisis-explain",
            "my husband locks me in when he goes out",
        ],
        b"",
        &[],
    );
    let out = common::ok(&o);
    assert!(out.contains("fired en-GB/"), "{out}");
    assert!(out.contains("(danger)"), "{out}");
}

#[test]
fn an_english_first_message_gets_english_routes_and_the_apps_language_too() {
    let e = engine();
    for text in ["I am suicidal", "kms", "i overdosed"] {
        let out = e.step(&e.new_session(None), Input::Text(text.into()), &ctx());
        let first = strip_isolation(&out.replies[0].text);
        assert!(first.contains("Samaritans will listen"), "{text}: {first}");
        assert!(out.replies[1].choices.len() > 1, "{text}: then the picker");
    }
    // A Bengali phone, English words: English, then Bengali.
    let s = signpost::engine::Session {
        lang_hint: Some("bn".into()),
        ..e.new_session(None)
    };
    let out = e.step(&s, Input::Text("I want to end my life".into()), &ctx());
    assert!(strip_isolation(&out.replies[0].text).contains("Samaritans will listen"));
    assert!(strip_isolation(&out.replies[1].text).contains("999 নম্বরে ফোন করুন"));
}

#[test]
fn words_of_danger_and_of_risk_to_self_together_get_the_routes_and_the_question() {
    let mut c = at("name", "en-GB");
    c.say("my dad will kill me if he finds out, and honestly i want to die");
    let texts: Vec<String> = c
        .last
        .replies
        .iter()
        .map(|r| strip_isolation(&r.text))
        .collect();
    assert!(texts.iter().any(|t| t.contains("116 123")), "{texts:?}");
    assert!(
        texts.iter().any(|t| t.contains("0808 2000 247")),
        "{texts:?}"
    );
    // Clear for both kinds here; a worrying one of the other kind is asked about after.
    let mut c = at("name", "en-GB");
    c.say("my brother is going to kill me. i want to die");
    assert!(c.text().contains("116 123"), "{}", c.text());
    assert_eq!(c.prompt().node.as_deref(), Some(ASK_NODE), "{}", c.text());
    assert!(
        c.text().contains("are you afraid someone will hurt you"),
        "{}",
        c.text()
    );
}

#[test]
fn a_button_from_before_the_question_does_not_answer_another_step() {
    let mut c = Convo::new(engine(), Some("en-GB"));
    c.say("whats the point");
    assert_eq!(c.prompt().node.as_deref(), Some(ASK_NODE));
    c.send(Input::Choice {
        node: "privacy".into(),
        choice: "yes".into(),
    });
    assert!(
        c.text()
            .contains("That button was from an earlier question")
    );
    assert!(
        !c.session.answers.contains_key("consent"),
        "no consent recorded"
    );
    assert!(c.session.asking.is_some());
}

#[test]
fn a_worrying_message_for_the_prescriber_is_kept_at_once_even_if_never_answered() {
    let (e, waiting, out) = at_waiting_menu();
    let out = e.step(
        &out.session,
        Input::Choice {
            node: signpost::engine::WAITING_NODE.into(),
            choice: "message".into(),
        },
        &waiting,
    );
    let out = e.step(
        &out.session,
        Input::Text("i cant do this anymore".into()),
        &waiting,
    );
    let kept: Vec<_> = out
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::Flagged { flag, .. } => Some(flag.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(kept.len(), 1, "{:?}", out.effects);
    assert_eq!(kept[0].words.as_deref(), Some("i cant do this anymore"));
    assert_eq!(kept[0].about.response, Response::Asked);
    assert_eq!(kept[0].about.answer.as_deref(), Some("message"));
    assert!(strip_isolation(&out.replies[0].text).contains("Your message is with your request"));
    // Answered later: the answer is recorded on those words.
    let out = e.step(
        &out.session,
        Input::Choice {
            node: ASK_NODE.into(),
            choice: "yes".into(),
        },
        &waiting,
    );
    assert!(out.effects.iter().any(|e| matches!(
        e,
        Effect::FlagAnswered {
            response: Response::AskedYes,
            ..
        }
    )));
    assert!(out.effects.contains(&Effect::Crisis));
}

#[test]
fn a_long_message_at_the_open_question_is_not_taken_but_its_words_are_kept_whole() {
    let mut c = Convo::new(engine(), Some("en-GB"));
    c.press("yes").press("mental").press("done");
    let long = format!(
        "{} i am going to kill myself tonight",
        "so much has happened. ".repeat(250)
    );
    c.say(&long);
    assert!(c.text().contains("116 123"));
    assert!(c.text().contains("Please keep it under"));
    assert!(
        c.text()
            .ends_with("Write as much or as little as you like."),
        "{}",
        c.text()
    );
    assert_eq!(c.at(), "story");
    assert!(!c.session.answers.contains_key("story"));
    assert_eq!(c.session.flags[0].words.as_deref(), Some(long.as_str()));
    assert_eq!(c.session.flags[0].about.answer, None);
}

#[test]
fn the_person_sees_their_words_in_mydata_and_forget_erases_them() {
    use signpost::store::{Channel, Store};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("s.db")).expect("open");
    let e = engine();
    let mut s = e.new_session(Some("en-GB"));
    let mut say = |s: &mut signpost::engine::Session, input: Input| {
        *s = signpost::chat::apply(&e, &mut store, Channel::Terminal, "amy", s, input)
            .expect("step")
            .session;
    };
    say(
        &mut s,
        Input::Start {
            lang_hint: None,
            link: None,
        },
    );
    for choice in ["yes", "money", "done", "no-thanks"] {
        let node = s.node.clone();
        say(
            &mut s,
            Input::Choice {
                node,
                choice: choice.into(),
            },
        );
    }
    say(&mut s, Input::Text("honestly i want to die".into()));
    assert_eq!(s.node, "name");
    let mine = store
        .in_transaction(|c| {
            signpost::app::mydata::my_data(c, &e, Channel::Terminal, "amy", "en-GB")
        })
        .expect("mydata");
    let mine = strip_isolation(&mine);
    assert!(
        mine.contains("When we showed you where to get help, on ")
            && mine.contains(", you wrote: honestly i want to die"),
        "{mine}"
    );
    store
        .in_transaction(|c| {
            signpost::privacy::forget(c, Channel::Terminal, "amy", chrono::Utc::now())
        })
        .expect("forget");
    assert!(store.checkpoint().expect("checkpoint"));
    let bytes = common::file_bytes(&dir.path().join("s.db"));
    assert!(
        !common::contains(&bytes, "honestly i want to die"),
        "erased to the byte"
    );
}
