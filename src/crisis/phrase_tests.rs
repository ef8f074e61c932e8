//! Tests of the phrase language: phrases parsed, and found among the words of a message.

use super::matcher::{Text, longest};
use super::normalise::{View, normalise, tokens};
use super::pattern::{Part, WordTest};
use super::phrase::{Compiler, PhraseError, Words, parse};
use super::start_index::Index;

fn words() -> Words {
    let mut w = Words::new();
    w.insert(
        "me".into(),
        vec!["me".into(), "my self".into(), "myself".into()],
    );
    w.insert("loop".into(), vec!["@loop".into()]);
    w
}

#[test]
fn words_wildcards_lists_options_and_gaps_parse() {
    let p = |s: &str| parse(s, &words(), View::Plain).expect(s);
    assert_eq!(
        p("kill* now").seq,
        [Part::Words(vec![
            WordTest::Prefix("kil".into()),
            WordTest::Exact("now".into())
        ])]
    );
    assert_eq!(
        p("*انتحار*").seq,
        [Part::Words(vec![WordTest::Contains("انتحار".into())])]
    );
    assert_eq!(
        p("想死").seq,
        [Part::Words(vec![
            WordTest::Exact("想".into()),
            WordTest::Exact("死".into())
        ])]
    );
    assert!(matches!(p("a ~2 b").seq[1], Part::Gap(2)));
    assert!(matches!(p("a [b | c]").seq[1], Part::Optional(_)));
    assert!(matches!(p("a (b | c)?").seq[1], Part::Optional(_)));
    assert!(matches!(p("@me").seq[0], Part::List(0)));
    assert!(matches!(p("[just] want to die").seq[0], Part::Optional(_)));
}

#[test]
fn the_fewest_words_a_phrase_matches() {
    let n = |p: &str| parse(p, &words(), View::Plain).expect(p).min_words;
    assert_eq!(n("kill* @me"), 2);
    assert_eq!(n("a [b c] d"), 2);
    assert_eq!(n("(a b | c) ~ d"), 2);
    assert_eq!(n("想死"), 2);
    assert_eq!(n("said"), 1);
}

#[test]
fn mistakes_are_named() {
    let e = |p: &str| parse(p, &words(), View::Plain).expect_err(p);
    assert_eq!(e("(kill me"), PhraseError::Unbalanced);
    assert_eq!(e("kill me)"), PhraseError::Unbalanced);
    assert_eq!(e("~ die"), PhraseError::OptionalFirst);
    assert_eq!(e("[really] [truly]"), PhraseError::OptionalFirst);
    assert_eq!(e("@nothing"), PhraseError::UnknownWords("nothing".into()));
    assert_eq!(e("@loop"), PhraseError::Cycle("loop".into()));
    assert_eq!(e("a ~9 b"), PhraseError::GapTooWide(9));
    assert_eq!(e("a * b"), PhraseError::LoneWildcard);
    assert_eq!(e("!!!"), PhraseError::Empty);
    assert_eq!(
        parse("*hamza", &words(), View::Loose).expect_err("loose"),
        PhraseError::LooseH("*hamza".into())
    );
    assert_eq!(e(""), PhraseError::Empty);
}

fn finds(phrase: &str, text: &str) -> Option<(usize, usize)> {
    let mut words = Words::new();
    words.insert(
        "me".into(),
        vec!["me".into(), "my self".into(), "myself".into()],
    );
    let mut c = Compiler::new(&words, View::Plain);
    let p = c.phrase(phrase).expect("parses");
    let lists = c.lists().indexed();
    let mut index = Index::default();
    index.add(0, &p.seq, &lists);
    index.finish();
    let norm = normalise(text, View::Plain);
    let ws: Vec<&str> = tokens(&norm).collect();
    let starts = index.starts(&Text::new(&ws));
    starts
        .iter()
        .filter(|(id, _)| *id == 0)
        .find_map(|&(_, i)| {
            longest(&p.seq, &lists, &Text::new(&ws), i as usize).map(|m| (i as usize, m.end))
        })
}

#[test]
fn whole_words_wildcards_lists_options_and_gaps() {
    assert_eq!(finds("kill* @me", "I want to KILL MYSELF"), Some((3, 5)));
    assert!(finds("kill* @me", "killing my self").is_some());
    assert!(finds("kill* @me", "skill myself up").is_none());
    assert!(finds("*suicide", "antisuicide").is_some());
    assert!(finds("*انتحار*", "والانتحارات").is_some());
    assert!(
        finds(
            "i [really | honestly] want to die",
            "i honestly want to die"
        )
        .is_some()
    );
    assert!(finds("i [really] want to die", "i want to die").is_some());
    assert!(finds("i [really] want to die", "i really really want to die").is_none());
    assert!(finds("i (really | truly)? want to die", "i truly want to die").is_some());
    assert!(finds("want ~ die", "want to just die").is_some());
    assert!(finds("want ~2 die", "want to go and die").is_none());
    assert!(finds("(take | swallow) all", "swallow all of them").is_some());
    assert_eq!(finds("想死", "我想死了"), Some((1, 3)));
    assert!(finds("die", "").is_none());
}

#[test]
fn a_group_of_one_choice_with_a_gap_or_a_group_inside_matches() {
    assert!(finds("tried (pills ~2 again) now", "tried pills once again now").is_some());
    assert!(finds("((take | swallow) all)", "swallow all").is_some());
    assert!(finds("x ((a | b) c) y", "x b c y").is_some());
    assert!(finds("x ((a | b) c) y", "x c y").is_none());
}
