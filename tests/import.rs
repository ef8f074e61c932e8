//! `services import` on two councils' exports in the shape real Open Referral UK exports have
//! (a bare list of summary records, HTML descriptions, `pc_targetAudience`, `attending_type`,
//! no taxonomy): few services left under `other`, traps not mis-mapped, places, ages and
//! opening times kept, and a directory file `check` accepts. The fixtures are written by
//! tests/fixtures/imports/make_council_fixtures.py; council A tuned the mapping, B is held out.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use signpost::content::services::{Directory, Service};

fn signpost(args: &[&str], content: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(args)
        .arg("--content")
        .arg(content)
        .output()
        .expect("run")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/imports")
        .join(name)
}

/// Imports a council's export into the content folder's services/imported.toml and reads it
/// back.
fn import(council: &str, content: &Path) -> Directory {
    let export = fixture(&format!("{council}.json"));
    let o = signpost(
        &["services", "import", export.to_str().expect("path")],
        content,
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(out.contains("skipped none"), "{out}");
    let file = std::fs::read_to_string(content.join("services/imported.toml")).expect("written");
    let mut d = Directory::default();
    assert_eq!(d.add_file(Path::new("imported.toml"), &file), vec![]);
    d
}

fn get<'a>(d: &'a Directory, id: &str) -> &'a Service {
    d.get(id).unwrap_or_else(|| panic!("{id} imported"))
}

/// The share of services filed only under `other`, in per cent.
fn other_share(d: &Directory) -> usize {
    let other = d.services.iter().filter(|s| s.needs == ["other"]).count();
    other * 100 / d.services.len()
}

// Before this mapping, 57% of council A and 63% of council B went to `other`; now 36% and 35%.
// What is left is mostly children's, SEND and early years services, places of worship and
// council errands (parking, bulky waste), which none of the dialogue's eight needs fits:
// 40% leaves room for small edits to the mapping and fails on a return to the old figures.
const MAX_OTHER_SHARE: usize = 40;

#[test]
fn few_services_of_either_council_are_left_under_other() {
    for council in ["council-a", "council-b"] {
        let content = common::copy_content();
        let d = import(council, content.path());
        let share = other_share(&d);
        assert!(share <= MAX_OTHER_SHARE, "{council}: {share}% under other");
    }
}

#[test]
fn records_map_to_the_needs_a_person_would_expect() {
    let content = common::copy_content();
    let d = import("council-a", content.path());
    for (id, needs) in [
        ("council-a-0149", vec!["food"]),     // Food bank
        ("council-a-0198", vec!["mental"]),   // Online counselling
        ("council-a-0073", vec!["physical"]), // Chair-based exercise
        ("council-a-0113", vec!["lonely"]),   // Men's Shed
        ("council-a-0185", vec!["housing"]),  // Private renters advice
        ("council-a-0205", vec!["mental"]),   // Recovery College
        ("council-a-0046", vec!["caring"]),   // Autism parents' group, "Carers" audience
    ] {
        assert_eq!(get(&d, id).needs, needs, "{id} {}", get(&d, id).name);
    }
}

#[test]
fn keywords_inside_other_words_and_phrases_do_not_count() {
    let content = common::copy_content();
    let d = import("council-a", content.path());
    for (id, what) in [
        ("council-a-0214", "food hygiene course"),
        ("council-a-0056", "homework club"),
        ("council-a-0215", "housing association office"),
        ("council-a-0216", "lunchtime recital"),
        ("council-a-0218", "networking breakfast"),
        ("council-a-0221", "benefit concert"),
        ("council-a-0222", "working men's club"),
        ("council-a-0001", "stay and play for parents and carers"),
    ] {
        assert_eq!(get(&d, id).needs, ["other"], "{what}: {}", get(&d, id).name);
    }
    let b = import("council-b", content.path());
    for (id, what) in [
        ("Food Safety Training for Businesses", "food safety"),
        ("Housing Association Surgery", "housing association"),
        ("Homework and Revision Space", "homework"),
        ("Local Business Network", "network"),
    ] {
        let s = b
            .services
            .iter()
            .find(|s| s.name == id)
            .unwrap_or_else(|| panic!("{id}"));
        assert_eq!(s.needs, ["other"], "{what}");
    }
}

#[test]
fn places_ages_and_opening_times_come_from_their_fields() {
    let content = common::copy_content();
    let d = import("council-a", content.path());
    // A location's latitude and longitude are kept; an unset 0,0 is not.
    let exercise = get(&d, "council-a-0073");
    assert_eq!(
        (exercise.latitude, exercise.longitude),
        (Some(51.509237), Some(-0.042084))
    );
    assert_eq!(
        exercise.areas,
        ["E14", "borough"],
        "district, and the borough named"
    );
    assert_eq!(exercise.min_age, Some(60), "older people");
    let zero = get(&d, "council-a-0046");
    assert_eq!((zero.latitude, zero.longitude), (None, None));
    // A service area that is a district is used; in person and online adds anywhere.
    assert_eq!(get(&d, "council-a-0037").areas, ["E3", "anywhere"]);
    assert_eq!(get(&d, "council-a-0205").areas, ["E2", "anywhere"]);
    // Online only is anywhere, whatever area the record names.
    assert_eq!(get(&d, "council-a-0198").areas, ["anywhere"]);
    assert_eq!(get(&d, "council-a-0185").areas, ["anywhere"]);
    // Nothing to place it: the borough.
    assert_eq!(get(&d, "council-a-0216").areas, ["borough"]);
    // Children's services get an upper age; adults' a lower one.
    let toddlers = get(&d, "council-a-0015");
    assert_eq!((toddlers.min_age, toddlers.max_age), (None, Some(25)));
    assert_eq!(
        toddlers.who_for.as_deref(),
        Some("Children and young people")
    );
    assert_eq!(get(&d, "council-a-0001").max_age, Some(5), "0-5");
    assert_eq!(get(&d, "council-a-0222").min_age, Some(18), "adults");
    // Every schedule, joined.
    assert_eq!(
        get(&d, "council-a-0149").opening.as_deref(),
        Some("WE,TH 15:00-16:30; MO 13:00-17:30")
    );
    assert!(
        get(&d, "council-a-0198")
            .description
            .starts_with("Free, anonymous online counselling and chat for 11–25 year olds."),
        "HTML and entities made plain: {}",
        get(&d, "council-a-0198").description
    );
}

fn suggested(content: &Path, need: &str, postcode: &str, age: &str) -> Vec<String> {
    let o = signpost(
        &[
            "services",
            "match",
            "--need",
            need,
            "--postcode",
            postcode,
            "--age",
            age,
            "--json",
        ],
        content,
    );
    assert_eq!(o.status.code(), Some(0));
    let rows: Value = serde_json::from_slice(&o.stdout).expect("json");
    rows.as_array()
        .expect("list")
        .iter()
        .filter_map(|r| r["id"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn a_toddler_group_is_not_suggested_to_a_forty_year_old() {
    let content = common::copy_content();
    let d = import("council-a", content.path());
    let toddlers = get(&d, "council-a-0015");
    let postcode = toddlers.postcode.clone().expect("postcode");
    let for_adult = suggested(content.path(), "other", &postcode, "40");
    assert!(!for_adult.is_empty(), "something is suggested");
    for id in &for_adult {
        if let Some(s) = d.get(id) {
            assert!(
                s.max_age.is_none_or(|m| m >= 40),
                "{id} ({}) offered to a 40-year-old",
                s.name
            );
        }
    }
    let for_child = suggested(content.path(), "other", &postcode, "3");
    assert!(
        for_child
            .iter()
            .any(|id| d.get(id).is_some_and(|s| s.max_age.is_some())),
        "a child is offered children's services: {for_child:?}"
    );
}

#[test]
fn the_imported_file_loads_with_check() {
    let content = common::copy_content();
    import("council-b", content.path());
    let o = signpost(&["check"], content.path());
    let text = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{text}");
    // Warnings only: entries the export last changed over a year ago are due a review.
    assert!(!text.contains("error["), "{text}");
    assert!(text.contains("ok: 1 dialogue(s)"), "{text}");
}

#[test]
fn the_shipped_mapping_keeps_its_traps_apart() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("services/mapping.toml");
    let source = std::fs::read_to_string(&path).expect("mapping");
    let m = signpost::import::Mapping::parse(Path::new("services/mapping.toml"), &source)
        .expect("parses");
    let needs = |text: &str| m.needs(&[], text, &[]);
    for (text, want) in [
        (
            "Level 2 food hygiene course for food businesses",
            vec!["other"],
        ),
        ("Homework club after school", vec!["other"]),
        ("Housing association office: rent payments", vec!["other"]),
        ("Lunchtime concerts in the church", vec!["other"]),
        ("Networking breakfast for voluntary groups", vec!["other"]),
        ("Benefit concert for the hospice", vec!["other"]),
        ("Bike repairs caf\u{e9}", vec!["other"]),
        ("Speech and language therapy for toddlers", vec!["other"]),
        (
            "Stay and play for parents and carers of under 5s",
            vec!["other"],
        ),
        ("Recycling centre", vec!["other"]),
        ("Free advice on benefits", vec!["money"]),
        ("Help with pension benefits", vec!["money"]),
        ("Weekly food bank and hot meals", vec!["food"]),
        ("Telephone befriending for older people", vec!["lonely"]),
        ("Support for unpaid carers", vec!["caring"]),
        ("Debts, rent arrears and eviction", vec!["money", "housing"]),
    ] {
        let mut got = needs(text);
        got.sort();
        let mut want = want;
        want.sort();
        assert_eq!(got, want, "{text}");
    }
    assert_eq!(
        m.needs(&[], "A monthly group", &["Parent carers".into()]),
        ["caring"],
        "a carers' audience adds the caring need"
    );
}
