//! `signpost check` on slips a content editor makes that it used to accept without a word, and
//! on where it says a problem is: one broken copy of the shipped content per case.

mod common;

use std::fs;
use std::path::Path;

use common::{check_content, copy_content, edit, last_line_of, line_of};

/// The printed problem lines that start with `prefix`.
fn lines_starting<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    text.lines().filter(|l| l.starts_with(prefix)).collect()
}

#[test]
fn a_misspelt_clear_names_the_choice_and_the_answers_there_are() {
    let dir = copy_content();
    let flow = dir.path().join("dialogues/self-referral.toml");
    edit(
        &flow,
        "clear = [\"phone\", \"best_time\"]",
        "clear = [\"phnoe\", \"best_time\"]",
    );
    let line = line_of(&flow, "clear = [\"phnoe\"");
    let (code, text) = check_content(dir.path());
    let found = lines_starting(
        &text,
        &format!("dialogues/self-referral.toml:{line}: error[missing-requirement]: "),
    );
    assert_eq!(found.len(), 1, "{text}");
    assert!(
        found[0].contains("choice \"message\" of node \"contact\" clears the answer \"phnoe\"")
            && found[0].contains("phone"),
        "{text}"
    );
    assert_eq!(code, Some(1), "{text}");
}

#[test]
fn a_folder_named_like_a_language_but_not_a_tag_is_named_as_a_folder() {
    let dir = copy_content();
    let locales = dir.path().join("locales");
    copy_dir(&locales.join("pl"), &locales.join("Polish_PL"));
    let (code, text) = check_content(dir.path());
    let found = lines_starting(&text, "locales/Polish_PL/: error[invalid-language]: ");
    assert_eq!(found.len(), 1, "{text}");
    assert!(found[0].contains("2 or 3 letter code"), "{text}");
    assert!(!text.contains("locales/Polish_PL:1"), "{text}");
    assert_eq!(code, Some(1), "{text}");
}

#[test]
fn a_tag_written_the_wrong_way_is_told_its_right_spelling() {
    let dir = copy_content();
    let locales = dir.path().join("locales");
    fs::rename(locales.join("zh-Hans"), locales.join("zh_hans")).expect("rename");
    let (code, text) = check_content(dir.path());
    assert!(
        text.contains(
            "locales/zh_hans/: error[invalid-language]: \"zh_hans\" is not written as a BCP-47 \
             language tag: rename the folder \"zh-Hans\""
        ),
        "{text}"
    );
    assert_eq!(code, Some(1), "{text}");
}

#[test]
fn two_folders_for_one_language_would_show_it_twice() {
    let dir = copy_content();
    let locales = dir.path().join("locales");
    copy_dir(&locales.join("pl"), &locales.join("pl-PL"));
    let line = line_of(&locales.join("pl-PL/main.ftl"), "language-name =");
    let (code, text) = check_content(dir.path());
    let found = lines_starting(
        &text,
        &format!("locales/pl-PL/main.ftl:{line}: error[duplicate-id]: "),
    );
    assert_eq!(found.len(), 1, "{text}");
    assert!(
        found[0].contains("pl and pl-PL are both called \"Polski\""),
        "{text}"
    );
    assert_eq!(code, Some(1), "{text}");
}

#[test]
fn a_translated_id_english_lacks_is_named_with_the_likely_one() {
    let dir = copy_content();
    let file = dir.path().join("locales/pl/main.ftl");
    edit(&file, "\nrestarted = ", "\nrestartd = ");
    let line = line_of(&file, "restartd = ");
    let (code, text) = check_content(dir.path());
    let found = lines_starting(
        &text,
        &format!("locales/pl/main.ftl:{line}: warning[unknown-message]: "),
    );
    assert_eq!(found.len(), 1, "{text}");
    assert!(
        found[0].contains("message \"restartd\" is not in en-GB (did you mean \"restarted\"?)"),
        "{text}"
    );
    // The real message is then missing, which is said too; neither stops the bot.
    assert!(
        text.contains("message \"restarted\" is missing from pl"),
        "{text}"
    );
    assert_eq!(code, Some(0), "{text}");
}

#[test]
fn a_duplicate_message_is_reported_at_the_duplicate() {
    let dir = copy_content();
    let file = dir.path().join("locales/bn/main.ftl");
    let source = fs::read_to_string(&file).expect("read");
    fs::write(&file, format!("{source}\nrestarted = আবার শুরু করি।\n")).expect("write");
    let first = line_of(&file, "restarted = ");
    let second = last_line_of(&file, "restarted = ");
    assert_ne!(first, second);
    let (code, text) = check_content(dir.path());
    let found = lines_starting(&text, "locales/bn/main.ftl:");
    let dup: Vec<_> = found
        .iter()
        .filter(|l| l.contains("error[duplicate-id]"))
        .collect();
    assert_eq!(dup.len(), 1, "{text}");
    assert!(
        dup[0].starts_with(&format!("locales/bn/main.ftl:{second}: "))
            && dup[0].contains(&format!("already defined at locales/bn/main.ftl:{first}")),
        "{text}"
    );
    assert_eq!(code, Some(1), "{text}");
}

#[test]
fn a_missing_folder_is_named_as_a_folder() {
    let dir = copy_content();
    fs::remove_dir_all(dir.path().join("dialogues/crisis")).expect("rm");
    let (code, text) = check_content(dir.path());
    assert!(
        text.contains(
            "dialogues/crisis/: error[missing-crisis-rules]: the crisis rules folder is missing"
        ),
        "{text}"
    );
    assert_eq!(code, Some(1), "{text}");
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for e in fs::read_dir(from).expect("read dir") {
        let e = e.expect("entry");
        fs::copy(e.path(), to.join(e.file_name())).expect("copy");
    }
}
