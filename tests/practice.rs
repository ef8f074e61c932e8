//! The GP practice from a list (a `practice` node): typed names, typos and postcodes offer the
//! closest practices as buttons; "Not listed" keeps the words; the referral records the
//! practice's code and goes to its team; everywhere the answer is read shows its name. On
//! fixture content with its own practices, through the engine, `check` and the real binary in
//! English and Bengali.

mod common;

use std::path::Path;

use common::{Convo, copy_content, copy_fixture, engine_at, ok, refused};
use serde_json::Value;
use signpost::engine::{Answer, Engine};

/// Fictitious practices: two alike by name, two teams.
const PRACTICES: &str = r#"schema = 1
sample = true
default_team = "central"

[[team]]
id = "central"
name = "Central"

[[team]]
id = "east"
name = "East"

[[practice]]
ods = "Z00001"
name = "Whitechapel Health Centre"
postcode = "E1 1BB"
team = "central"

[[practice]]
ods = "Z00002"
name = "St Paul's Way Medical Centre"
postcode = "E3 4AJ"
team = "east"

[[practice]]
ods = "Z00003"
name = "The Bow Surgery"
postcode = "E3 5ED"
team = "east"

[[practice]]
ods = "Z00004"
name = "St Paul's Surgery"
postcode = "E14 0BE"
team = "east"
"#;

const PRACTICE_NODE: &str = r#"kind = "practice"
text = "referral-gp"
save = "gp"
max_len = 100
offer = "practice-offer"
not_listed = "practice-not-listed"
not_found = "practice-not-found"
from_link = "practice-from-link"
skip = { id = "dont-know", label = "referral-gp-skip" }"#;

/// Gives a content folder the practices above, the practice messages, and a practice node at
/// `gp`.
fn with_practices(dir: &Path) {
    std::fs::write(dir.join("services/practices.toml"), PRACTICES).expect("write");
    for lang in common::languages() {
        let from = common::bundled().join(format!("locales/{lang}/practice.ftl"));
        let to = dir.join(format!("locales/{lang}/practice.ftl"));
        if !to.exists() {
            std::fs::copy(from, to).expect("copy practice.ftl");
        }
    }
    let flow = dir.join("dialogues/self-referral.toml");
    let text = std::fs::read_to_string(&flow).expect("read");
    let at = text.find("id = \"gp\"").expect("a gp node");
    let end = at + text[at..].find("next = ").expect("next");
    let node = format!("id = \"gp\"\n{PRACTICE_NODE}\n");
    std::fs::write(&flow, format!("{}{node}{}", &text[..at], &text[end..])).expect("write");
}

fn engine() -> Engine {
    static DIR: std::sync::LazyLock<tempfile::TempDir> = std::sync::LazyLock::new(|| {
        let dir = copy_fixture();
        with_practices(dir.path());
        dir
    });
    engine_at(DIR.path())
}

/// A conversation in English at the practice question.
fn at_gp() -> Convo {
    let mut c = Convo::new(engine(), Some("en-GB"));
    c.press("yes");
    c.say("1").say("3").say("done");
    c.say("Lonely.");
    c.say("Sam");
    c.say("3/7/1958");
    assert_eq!(c.at(), "gp");
    assert!(c.text().contains("Which GP surgery"), "{}", c.text());
    c
}

/// From the question after the practice to the summary.
fn to_summary(c: &mut Convo) {
    assert_eq!(c.at(), "contact");
    c.press("phone").say("07700 900123").press("morning");
    c.say("e1 6an").press("bn");
    assert_eq!(c.at(), "summary");
}

#[test]
fn a_typo_offers_the_right_practice_first() {
    let mut c = at_gp();
    c.say("Whitechapl");
    assert!(c.text().starts_with("Is it one of these?"), "{}", c.text());
    assert_eq!(
        c.labels(),
        ["Whitechapel Health Centre", "Not listed", "I don't know"]
    );
    let ids: Vec<&str> = c.prompt().choices.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["Z00001", "not-listed", "dont-know"]);
    assert!(
        !c.session.answers.contains_key("gp"),
        "nothing saved until one is chosen"
    );
}

#[test]
fn a_postcode_or_its_district_offers_the_practices_there() {
    let mut c = at_gp();
    c.say("e3 5ed");
    assert_eq!(
        c.labels(),
        [
            "The Bow Surgery",
            "St Paul's Way Medical Centre",
            "Not listed",
            "I don't know"
        ],
        "the same postcode first, then the district"
    );
    // Typing again at the practices found searches again.
    c.say("E14");
    assert_eq!(
        c.labels(),
        ["St Paul's Surgery", "Not listed", "I don't know"]
    );
}

#[test]
fn two_close_names_are_both_offered() {
    let mut c = at_gp();
    c.say("st pauls");
    assert_eq!(
        c.labels()[..2],
        ["St Paul's Way Medical Centre", "St Paul's Surgery"]
    );
}

#[test]
fn a_chosen_practice_goes_with_the_referral_to_its_team_and_reads_as_its_name() {
    let mut c = at_gp();
    c.say("the bow medical centre");
    c.press("Z00003");
    assert_eq!(
        c.session.answers.get("gp"),
        Some(&Answer::Choice("Z00003".into()))
    );
    to_summary(&mut c);
    assert!(
        c.text().contains("GP surgery: The Bow Surgery"),
        "{}",
        c.text()
    );
    c.press("confirm");
    let r = c.queued().expect("queued");
    assert_eq!(r.practice.as_deref(), Some("Z00003"));
    assert_eq!(r.team, "east", "the practice's team, not the default");
    assert_eq!(r.source, None);
    // As /mydata and the web record read it back from the stored referral.
    let e = engine();
    let read = e.answer_from_json("gp", &Value::String("Z00003".into()));
    assert_eq!(read, Some(Answer::Choice("Z00003".into())));
    let answers = [("gp".to_string(), read.expect("answer"))].into();
    let lines = e.describe_answers("en-GB", &answers);
    assert_eq!(
        lines
            .iter()
            .map(|l| signpost::content::locales::strip_isolation(l))
            .collect::<Vec<_>>(),
        ["GP surgery: The Bow Surgery"]
    );
}

#[test]
fn a_practice_is_picked_by_its_number_too() {
    let mut c = at_gp();
    c.say("whitechapel").say("1");
    assert_eq!(c.at(), "contact");
    assert_eq!(
        c.session.answers.get("gp"),
        Some(&Answer::Choice("Z00001".into()))
    );
}

#[test]
fn not_listed_keeps_the_words_typed_for_the_default_team() {
    let mut c = at_gp();
    c.say("Whitechapl");
    c.press("not-listed");
    assert_eq!(
        c.session.answers.get("gp"),
        Some(&Answer::Text("Whitechapl".into()))
    );
    assert!(c.session.offered.is_none());
    to_summary(&mut c);
    assert!(c.text().contains("GP surgery: Whitechapl"), "{}", c.text());
    c.press("confirm");
    let r = c.queued().expect("queued");
    assert_eq!(r.practice, None);
    assert_eq!(r.team, "central");
}

#[test]
fn words_like_no_practice_are_kept_as_typed_and_the_person_is_told() {
    let mut c = at_gp();
    c.say("Blithehale Health Centre");
    assert!(
        c.text().starts_with(
            "We could not find \"Blithehale Health Centre\" in our list of surgeries, so we have kept it as you wrote it."
        ),
        "{}",
        c.text()
    );
    assert_eq!(c.at(), "contact");
    assert_eq!(
        c.session.answers.get("gp"),
        Some(&Answer::Text("Blithehale Health Centre".into()))
    );
}

#[test]
fn the_skip_is_offered_on_both_pages() {
    let mut c = at_gp();
    c.say("bow").press("dont-know");
    assert_eq!(c.at(), "contact");
    assert_eq!(
        c.session.answers.get("gp"),
        Some(&Answer::Skipped("dont-know".into()))
    );
    let mut c = at_gp();
    c.press("dont-know");
    assert_eq!(c.at(), "contact");
}

#[test]
fn back_from_the_practices_found_or_the_next_question_asks_the_practice_again() {
    let mut c = at_gp();
    c.say("bow").say("back");
    assert_eq!(c.at(), "gp");
    assert!(c.text().contains("Which GP surgery"), "{}", c.text());
    assert_eq!(c.labels(), ["I don't know"]);
    c.say("bow").press("Z00003").say("back");
    assert_eq!(c.at(), "gp");
    assert!(c.text().contains("Which GP surgery"), "{}", c.text());
    assert!(!c.session.answers.contains_key("gp"));
    // One more step back is the question before.
    c.say("back");
    assert_eq!(c.at(), "dob");
}

#[test]
fn a_button_from_an_earlier_search_is_stale() {
    let mut c = at_gp();
    c.say("whitechapel").say("bow").press("Z00001");
    assert!(
        c.text()
            .contains("That button was from an earlier question"),
        "{}",
        c.text()
    );
    assert!(!c.session.answers.contains_key("gp"));
}

#[test]
fn the_summary_changes_the_practice() {
    let mut c = at_gp();
    c.say("bow").press("Z00003");
    to_summary(&mut c);
    c.press("change").press("gp");
    assert_eq!(c.at(), "gp");
    c.say("whitechapel").press("Z00001");
    assert_eq!(c.at(), "summary");
    assert!(
        c.text().contains("GP surgery: Whitechapel Health Centre"),
        "{}",
        c.text()
    );
}

#[test]
fn a_very_long_answer_is_refused_with_the_limit() {
    let mut c = at_gp();
    c.say(&"a".repeat(101));
    assert!(c.text().contains("100"), "{}", c.text());
    assert_eq!(c.at(), "gp");
}

/// `check` output for a content folder.
fn check(dir: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["check", "--content"])
        .arg(dir)
        .env_remove("SIGNPOST_CONTENT")
        .output()
        .expect("run check")
}

#[test]
fn check_accepts_a_practice_node_and_refuses_one_misused_at_its_line() {
    let dir = copy_fixture();
    with_practices(dir.path());
    let out = check(dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let flow = dir.path().join("dialogues/self-referral.toml");
    let original = std::fs::read_to_string(&flow).expect("read");
    let line = common::line_of(&flow, "id = \"gp\"");
    let refused_with = |broken: String, expected: &str| {
        std::fs::write(&flow, broken).expect("write");
        let out = check(dir.path());
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert_eq!(out.status.code(), Some(1), "{text}");
        let want = format!("dialogues/self-referral.toml:{line}: error");
        assert!(
            text.lines()
                .any(|l| l.contains(&want) && l.contains(expected)),
            "{want} ... {expected}\n{text}"
        );
    };
    refused_with(
        original.replace("offer = \"practice-offer\"\n", ""),
        "node \"gp\" (practice) needs `offer`",
    );
    refused_with(
        original.replace(
            "skip = { id = \"dont-know\"",
            "skip = { id = \"not-listed\"",
        ),
        "other than \"not-listed\"",
    );
    refused_with(
        original.replace(
            "save = \"gp\"\nmax_len",
            "save = \"gp\"\nvalidate = { kind = \"uk_postcode\", error = \"x\" }\nmax_len",
        ),
        "has `validate`, which only text nodes can have",
    );
    std::fs::write(&flow, &original).expect("write");
    std::fs::remove_file(dir.path().join("services/practices.toml")).expect("rm");
    refused_with(original.clone(), "lists none");
}

/// A copy of the shipped content with the practices above.
fn shipped_with_practices() -> tempfile::TempDir {
    let dir = copy_content();
    std::fs::write(dir.path().join("services/practices.toml"), PRACTICES).expect("write");
    dir
}

fn chat(content: &Path, db: &Path, lang: &str, stdin: &str) -> String {
    let o = common::run(
        db,
        &["chat", "--lang", lang],
        stdin.as_bytes(),
        &[("SIGNPOST_CONTENT", content.to_str().expect("utf-8"))],
    );
    ok(&o)
}

fn queued(content: &Path, db: &Path) -> Value {
    let o = common::run(
        db,
        &["queue", "list", "--json"],
        b"",
        &[("SIGNPOST_CONTENT", content.to_str().expect("utf-8"))],
    );
    let list: Value = serde_json::from_str(&ok(&o)).expect("json");
    list[0].clone()
}

#[test]
fn the_terminal_chat_offers_practices_in_english_and_queues_for_their_team() {
    let content = shipped_with_practices();
    let db = content.path().join("s.db");
    let out = chat(
        content.path(),
        &db,
        "en-GB",
        "1\n1\n3\ndone\nLonely.\nSam\n3/7/1958\nbow\n1\nPhone me\n07700 900123\n1\ne1 6an\n2\n1\n",
    );
    assert!(
        out.contains(
            "Is it one of these? If not, choose \"Not listed\" and we will keep what you typed, or type it again.\n\
             1. The Bow Surgery\n2. Not listed\n3. I don't know\n"
        ),
        "{out}"
    );
    assert!(out.contains("GP surgery: The Bow Surgery\n"), "{out}");
    let r = queued(content.path(), &db);
    assert_eq!(r["answers"]["gp"], "Z00003");
    assert_eq!(r["practice"], "Z00003");
    assert_eq!(r["team"], "east");
    assert_eq!(r["source"], Value::Null);
    // The prescriber's record and the CSV name the practice with its code.
    let reference = r["reference"].as_str().expect("reference");
    let env = [("SIGNPOST_CONTENT", content.path().to_str().expect("utf-8"))];
    let show = ok(&common::run(&db, &["queue", "show", reference], b"", &env));
    assert!(
        show.contains("GP surgery: The Bow Surgery (Z00003)"),
        "{show}"
    );
    let csv = ok(&common::run(&db, &["queue", "export", "--csv"], b"", &env));
    assert!(csv.contains(",The Bow Surgery (Z00003),"), "{csv}");
    // And /mydata, in the person's words.
    let mine = ok(&common::run(&db, &["mydata", "--user", "local"], b"", &env));
    assert!(mine.contains("GP surgery: The Bow Surgery"), "{mine}");
    assert!(!mine.contains("Z00003"), "{mine}");
}

#[test]
fn the_terminal_chat_offers_practices_in_bengali_with_their_names_as_written() {
    let content = shipped_with_practices();
    let db = content.path().join("s.db");
    // Not listed: the words typed are kept, for the default team.
    let out = chat(
        content.path(),
        &db,
        "bn",
        "1\n1\n3\ndone\nএকা লাগে\nসামিয়া\n3/7/1958\nWhitechapl\n2\n2\ne1 6an\n2\n1\n",
    );
    assert!(
        out.contains(
            "এগুলোর মধ্যে কোনটি? না থাকলে \"তালিকায় নেই\" বেছে নিন, আমরা আপনার লেখাটাই রাখব; অথবা আবার লিখুন।\n\
             1. Whitechapel Health Centre\n2. তালিকায় নেই\n3. জানি না\n"
        ),
        "{out}"
    );
    let r = queued(content.path(), &db);
    assert_eq!(r["language"], "bn");
    assert_eq!(r["answers"]["gp"], "Whitechapl");
    assert_eq!(r["practice"], Value::Null);
    assert_eq!(r["team"], "central");
}

#[test]
fn a_bad_practices_file_is_refused_by_the_chat_in_one_line() {
    let content = shipped_with_practices();
    std::fs::remove_file(content.path().join("services/practices.toml")).expect("rm");
    let db = content.path().join("s.db");
    let o = common::run(
        &db,
        &["chat"],
        b"1\n",
        &[("SIGNPOST_CONTENT", content.path().to_str().expect("utf-8"))],
    );
    let e = refused(&o);
    assert!(e.contains("lists none"), "{e}");
}
