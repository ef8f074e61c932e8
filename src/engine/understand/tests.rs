use super::*;

fn button(id: &str, label: &str, aliases: &[&str]) -> Button {
    Button {
        id: id.into(),
        label: format!("\u{2068}{label}\u{2069}"),
        selected: false,
        aliases: aliases.iter().map(|a| fold(a)).collect::<Vec<_>>().into(),
    }
}

fn times() -> Vec<Button> {
    vec![
        button("morning", "Morning (9 to 12)", &["morning", "am"]),
        button("afternoon", "Afternoon (12 to 5)", &["afternoon", "pm"]),
        button("any", "Any time", &["anytime", "whenever"]),
    ]
}

fn one(id: &str) -> Reading {
    Reading::One(id.into())
}

#[test]
fn labels_ids_and_synonyms_whatever_the_case_accents_or_marks() {
    let b = times();
    assert_eq!(read("MORNING (9 TO 12)", &b, Reach::Part), one("morning"));
    assert_eq!(read("any", &b, Reach::Part), one("any"));
    assert_eq!(read("  Whenever. ", &b, Reach::Part), one("any"));
    assert_eq!(
        read("\u{2068}pm\u{2069}", &b, Reach::Part),
        one("afternoon")
    );
    let cafe = [button("cafe", "Café", &[])];
    assert_eq!(read("cafe", &cafe, Reach::Part), one("cafe"));
}

#[test]
fn a_word_begun_or_lengthened_is_the_word() {
    let b = times();
    assert_eq!(read("mornings", &b, Reach::Part), one("morning"));
    assert_eq!(read("morn", &b, Reach::Part), one("morning"));
    assert_eq!(read("aftern", &b, Reach::Part), one("afternoon"));
    // Too short to stand for a word.
    assert_eq!(read("mor", &b, Reach::Part), Reading::Nothing);
    // Two endings of one Polish stem.
    let lonely = [button("lonely", "Samotność", &["samotny"])];
    assert_eq!(read("samotna", &lonely, Reach::Part), one("lonely"));
    // Words that only begin alike are not one word.
    let needs = [button("money", "Money", &[])];
    assert_eq!(read("monday", &needs, Reach::Part), Reading::Nothing);
}

#[test]
fn numbers_in_any_digits_pick_by_position() {
    let b = times();
    assert_eq!(read("2", &b, Reach::Part), one("afternoon"));
    assert_eq!(read("২", &b, Reach::Part), one("afternoon"));
    assert_eq!(read("٣.", &b, Reach::Part), one("any"));
    assert_eq!(read("4", &b, Reach::Part), Reading::Nothing);
    assert_eq!(read("0", &b, Reach::Part), Reading::Nothing);
}

#[test]
fn part_of_a_label_must_be_at_least_half_of_it() {
    let skip = [button("dont-know", "I don't know", &[])];
    assert_eq!(read("dont know", &skip, Reach::Part), one("dont-know"));
    assert_eq!(read("Don’t know", &skip, Reach::Part), one("dont-know"));
    assert_eq!(read("i", &skip, Reach::Part), Reading::Nothing);
    let story = [button("no-thanks", "No, thanks", &[])];
    assert_eq!(read("no thanks", &story, Reach::Part), one("no-thanks"));
    // A story that begins with the same words is a story.
    assert_eq!(
        read(
            "no thanks to my landlord, the flat is cold",
            &story,
            Reach::Part
        ),
        Reading::Nothing
    );
}

#[test]
fn a_sentence_naming_a_button_is_only_a_guess() {
    let contact = [
        button("phone", "Phone me", &["phone", "call"]),
        button("message", "Message me here", &["message", "text"]),
    ];
    assert_eq!(
        read("please call me after work", &contact, Reach::Sentence),
        Reading::Maybe(vec!["phone".into()])
    );
    assert_eq!(
        read("please call me after work", &contact, Reach::Part),
        Reading::Nothing
    );
    // Naming both: ask which.
    assert_eq!(
        read("no phone, send a text", &contact, Reach::Sentence),
        Reading::Maybe(vec!["phone".into(), "message".into()])
    );
    // Consent is never read from a sentence: "I do not agree" names "agree".
    let consent = [
        button("yes", "Yes, that's OK", &["agree"]),
        button("no", "No, just show me services", &["no"]),
    ];
    assert_eq!(
        read("I do not agree", &consent, Reach::Sentence),
        Reading::Maybe(vec!["yes".into()])
    );
}

#[test]
fn two_buttons_fitting_equally_are_a_question() {
    let needs = [
        button("mental", "Feeling low or worried", &[]),
        button("lonely", "Feeling lonely", &[]),
    ];
    assert_eq!(
        read("feeling", &needs, Reach::Part),
        Reading::Maybe(vec!["mental".into(), "lonely".into()])
    );
    // The whole label of one wins over a looser fit of the other.
    let b = [
        button("no", "No", &[]),
        button("no-thanks", "No, thanks", &[]),
    ];
    assert_eq!(read("no", &b, Reach::Part), one("no"));
}

#[test]
fn sentences_name_every_choice_they_mention() {
    let needs = [
        button("money", "Money and debt", &["money", "bills", "debt"]),
        button("housing", "Housing", &["home", "rent"]),
        button("lonely", "Feeling lonely", &["lonely", "alone"]),
    ];
    assert_eq!(
        named("I'm lonely and I can't pay my bills", &needs),
        ["money", "lonely"]
    );
    assert_eq!(named("nothing of the sort", &needs), Vec::<String>::new());
}

#[test]
fn arabic_and_chinese_read_as_written() {
    let yes_no = [
        button("yes", "نعم، احذفه", &["نعم"]),
        button("no", "لا، أبقه", &["لا"]),
    ];
    assert_eq!(read("نعم", &yes_no, Reach::Part), one("yes"));
    // Vowel marks and the Arabic comma make no difference.
    assert_eq!(read("نَعَم،", &yes_no, Reach::Part), one("yes"));
    let skip = [button("no-thanks", "不用了，谢谢", &["不用"])];
    assert_eq!(read("不用了", &skip, Reach::Part), one("no-thanks"));
    assert_eq!(read("不用", &skip, Reach::Part), one("no-thanks"));
    // The article and the words joined to it: "with loneliness", "the loneliness".
    let lonely = [button("lonely", "الشعور بالوحدة", &["وحدة"])];
    assert_eq!(named("أشعر بالوحدة", &lonely), ["lonely"]);
    assert_eq!(read("الوحدة", &lonely, Reach::Part), one("lonely"));
    // A word that only begins like the article keeps its letters.
    let house = [button("housing", "بيت", &[])];
    assert_eq!(read("بال", &house, Reach::Part), Reading::Nothing);
}

#[test]
fn synonyms_split_on_every_comma() {
    let all: Vec<String> = split_aliases("a, b،c，d、e; f").collect();
    assert_eq!(all, ["a", "b", "c", "d", "e", "f"]);
    assert_eq!(split_aliases(" , ,").count(), 0);
}

#[test]
fn an_action_nothing_confirms_needs_the_whole_word() {
    let menu = [
        button("message", "Add a message for them", &["message"]),
        button("cancel", "Cancel my request", &["cancel"]),
    ];
    assert_eq!(read("canc", &menu, Reach::Part), one("cancel"));
    assert_eq!(read("canc", &menu, Reach::Whole), Reading::Nothing);
    assert_eq!(read("cancelled?", &menu, Reach::Whole), Reading::Nothing);
    assert_eq!(read("Cancel", &menu, Reach::Whole), one("cancel"));
    assert_eq!(read("2", &menu, Reach::Whole), one("cancel"));
}
