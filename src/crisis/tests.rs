//! Tests of the detector: rules, parts, weights and exceptions on whole messages.

use std::collections::BTreeSet;

use super::phrase::{Compiler, Words};
use super::{Detector, ExceptionSpec, Kind, LanguageSpec, RuleSpec, Shape, View};

fn detector() -> Detector {
    let mut words = Words::new();
    words.insert("pills".into(), vec!["pills".into(), "tablets".into()]);
    words.insert("time".into(), vec!["tonight".into(), "this weekend".into()]);
    let mut compiler = Compiler::new(&words, View::Plain);
    let mut c = |p: &str| compiler.phrase(p).expect(p);
    let kill = vec![c("kill* myself"), c("kms")];
    let pills = vec![c("@pills"), c("@time")];
    let threat = vec![c("(he | she) ~ kill me")];
    let cant = vec![c("cant do this any more")];
    let idiom = vec![c("kill me if i fail*"), c("dying ~2 laughter")];
    Detector::new(&[LanguageSpec {
        tag: "en-GB".into(),
        view: View::Plain,
        lists: compiler.lists(),
        rules: vec![
            RuleSpec {
                id: "kill-myself".into(),
                kind: Kind::SelfHarm,
                ask: false,
                why: "says they want to kill themself".into(),
                shape: Shape::Any(kill),
            },
            RuleSpec {
                id: "pills-and-time".into(),
                kind: Kind::SelfHarm,
                ask: false,
                why: "a method and a time".into(),
                shape: Shape::All {
                    parts: pills.into_iter().map(|p| (p, 1)).collect(),
                    near: 6,
                    enough: 2,
                },
            },
            RuleSpec {
                id: "threat".into(),
                kind: Kind::Danger,
                ask: false,
                why: "someone threatens to kill them".into(),
                shape: Shape::Any(threat),
            },
            RuleSpec {
                id: "cant-go-on".into(),
                kind: Kind::SelfHarm,
                ask: true,
                why: "worrying but not clear".into(),
                shape: Shape::Any(cant),
            },
        ],
        exceptions: vec![ExceptionSpec {
            why: "an idiom".into(),
            phrases: idiom,
        }],
    }])
}

#[test]
fn rules_fire_by_kind_and_certainty() {
    let d = detector();
    let hit = d.detect("I'm going to KILL MYSELF");
    assert_eq!(hit.clear(), BTreeSet::from([Kind::SelfHarm]));
    assert_eq!(hit.rule_ids(), ["en-GB/kill-myself"]);
    let threat = d.detect("he said he will kill me");
    assert_eq!(threat.clear(), BTreeSet::from([Kind::Danger]));
    let unsure = d.detect("i cant do this any more");
    assert!(unsure.clear().is_empty());
    assert_eq!(unsure.unsure(), BTreeSet::from([Kind::SelfHarm]));
    assert!(d.detect("my skills are killing it").is_empty());
}

#[test]
fn parts_must_be_near_each_other() {
    let d = detector();
    assert!(!d.detect("saved my pills for tonight").is_empty());
    assert!(!d.detect("tonight... the pills").is_empty());
    assert!(
        d.detect("I take my blood pressure tablets every morning and I go to bingo on a Friday night, but not tonight")
            .is_empty()
    );
}

#[test]
fn exceptions_set_aside_only_their_own_words() {
    let d = detector();
    assert!(d.detect("she will kill me if I fail my exams").is_empty());
    let both = d.detect("she will kill me if I fail. honestly he will kill me");
    assert_eq!(both.clear(), BTreeSet::from([Kind::Danger]));
    let why = d.explain("she will kill me if I fail");
    assert!(
        why.contains("set aside by a en-GB exception (an idiom): kil me if i fail"),
        "{why}"
    );
    assert!(why.contains("nothing fired"), "{why}");
    // Words an exception's gap passed over are not set aside.
    assert!(d.detect("dying of laughter").is_empty());
    assert_eq!(
        d.detect("dying kms laughter").clear(),
        BTreeSet::from([Kind::SelfHarm])
    );
}

#[test]
fn weighted_parts_fire_when_enough_of_them_are_near() {
    let words = Words::new();
    let mut compiler = Compiler::new(&words, View::Plain);
    let parts = ["pills", "saved", "tonight"]
        .map(|p| compiler.phrase(p).expect(p))
        .into_iter()
        .zip([2, 2, 1])
        .collect();
    let d = Detector::new(&[LanguageSpec {
        tag: "en-GB".into(),
        view: View::Plain,
        lists: compiler.lists(),
        rules: vec![RuleSpec {
            id: "signs".into(),
            kind: Kind::SelfHarm,
            ask: false,
            why: "signs".into(),
            shape: Shape::All {
                parts,
                near: 5,
                enough: 3,
            },
        }],
        exceptions: Vec::new(),
    }]);
    assert!(!d.detect("pills saved").is_empty(), "2 + 2");
    assert!(!d.detect("pills tonight").is_empty(), "2 + 1");
    assert!(
        d.detect("pills pills pills").is_empty(),
        "a part counts once"
    );
    assert!(d.detect("tonight").is_empty());
    assert!(
        d.detect("pills are in the cupboard by the door and tonight")
            .is_empty(),
        "too far apart"
    );
}

#[test]
fn explain_names_the_rule_and_the_words() {
    let why = detector().explain("gonna kms tonight");
    assert!(
        why.contains("fired en-GB/kill-myself (self): says they want to kill themself [kms]"),
        "{why}"
    );
}

#[test]
fn a_long_message_is_read_to_the_end() {
    let long = format!(
        "{} i want to kill myself",
        "ordinary words here ".repeat(600)
    );
    assert!(!detector().detect(&long).is_empty());
}

/// A detector of one rule `any` over `words`, read in `view`.
fn one_rule(words: &[(&str, &[&str])], any: &[&str], view: View) -> Detector {
    let words: Words = words
        .iter()
        .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
        .collect();
    let mut compiler = Compiler::new(&words, view);
    let phrases = any.iter().map(|p| compiler.phrase(p).expect(p)).collect();
    Detector::new(&[LanguageSpec {
        tag: "xx".into(),
        view,
        lists: compiler.lists(),
        rules: vec![RuleSpec {
            id: "r".into(),
            kind: Kind::SelfHarm,
            ask: false,
            why: "test".into(),
            shape: Shape::Any(phrases),
        }],
        exceptions: Vec::new(),
    }])
}

#[test]
fn a_list_entry_that_opens_with_an_optional_word_and_a_gap_matches_after_another_word() {
    let d = one_rule(
        &[("end", &["[really] ~2 end it", "finish"])],
        &["want to @end"],
        View::Plain,
    );
    assert!(!d.detect("i want to end it").is_empty());
    assert!(!d.detect("i want to really end it").is_empty());
    assert!(!d.detect("i want to just quietly end it").is_empty());
    assert!(!d.detect("want to finish").is_empty());
    assert!(
        d.detect("i want to go out and then maybe end it")
            .is_empty()
    );
}

#[test]
fn wildcards_inside_lists_match_with_exact_words_numbered() {
    let d = one_rule(
        &[("act", &["overdos*", "*cide", "*انتحار*", "take all"])],
        &["i ~2 @act (tonight | now)"],
        View::Plain,
    );
    for m in [
        "i might overdose tonight",
        "i think suicide now",
        "i والانتحارات tonight",
        "I will take all tonight",
    ] {
        assert!(!d.detect(m).is_empty(), "{m}");
    }
    assert!(d.detect("i take all of it tonight").is_empty());
    assert!(d.detect("i overdosed yesterday").is_empty());
}
