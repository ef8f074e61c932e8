//! Distance: services ranked by how far they are within eligibility, the reach that meets a
//! need, and the distance shown by `services match` and in the chat, in English miles and in
//! other languages' kilometres.

mod common;

use std::path::Path;

use serde_json::Value;
use signpost::content::services::{Cost, Directory, Service};
use signpost::geo::{self, distance_km};
use signpost::matching::{Query, Reason, Suggestion, suggest, unmet};

const BOROUGH: &str = "schema = 1\nborough = [\"E1\", \"E1W\", \"E2\", \"E3\", \"E14\"]\n";

/// A service for `needs` in `areas`, at `postcode`.
fn at(id: &str, needs: &[&str], areas: &[&str], postcode: Option<&str>) -> Service {
    Service {
        id: id.into(),
        name: id.to_uppercase(),
        organisation: "Org".into(),
        description: "d".into(),
        translations: Default::default(),
        needs: needs.iter().map(|s| s.to_string()).collect(),
        areas: areas.iter().map(|s| s.to_string()).collect(),
        address: None,
        postcode: postcode.map(str::to_string),
        latitude: None,
        longitude: None,
        phone: None,
        email: None,
        website: None,
        cost: Cost::Free,
        min_age: None,
        max_age: None,
        who_for: None,
        languages: Vec::new(),
        opening: None,
        access: None,
        reviewed: None,
    }
}

fn directory(services: Vec<Service>) -> Directory {
    let mut d = Directory::default();
    d.borough = ["E1", "E1W", "E2", "E3", "E14"].map(String::from).to_vec();
    for s in services {
        d.push(s);
    }
    d
}

fn query<'a>(needs: &'a [String], postcode: Option<&'a str>, lang: &'a str) -> Query<'a> {
    Query {
        needs,
        postcode,
        age: None,
        language: lang,
    }
}

fn found<'a>(dir: &'a Directory, postcode: Option<&str>, lang: &str) -> Vec<Suggestion<'a>> {
    let needs = ["money".to_string()];
    suggest(dir, &query(&needs, postcode, lang))
}

fn ids(found: &[Suggestion<'_>]) -> Vec<String> {
    found.iter().map(|f| f.service.id.clone()).collect()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 0.005)
}

// Distances from the centroid of sector E1 6 (where E1 6AN is placed), computed separately
// with the haversine formula from data/postcodes/centroids.csv: E2 7 0.829 km, E1 4 2.007 km,
// E1 7 0.468 km, E1 5 0.741 km, E1 1 0.905 km, E14 5 4.258 km; from district E1's centroid
// (E1 9ZZ: no sector E1 9) to E1 6 1.092 km.

#[test]
fn a_service_just_over_the_district_line_beats_one_further_inside_it() {
    let d = directory(vec![
        at("inside-e1", &["money"], &["E1"], Some("E1 4AA")),
        at("over-in-e2", &["money"], &["borough"], Some("E2 7AA")),
        at("phone", &["money"], &["anywhere"], Some("E1 6AN")),
    ]);
    let f = found(&d, Some("E1 6AN"), "en-GB");
    assert_eq!(ids(&f), ["over-in-e2", "inside-e1", "phone"]);
    assert!(close(f[0].distance_km, 0.829), "{:?}", f[0].distance_km);
    assert!(close(f[1].distance_km, 2.007), "{:?}", f[1].distance_km);
    assert_eq!(f[0].reasons[1], Reason::Distance { metres: 829 });
    assert_eq!(f[2].distance_km, None, "phone and online: no distance");
    assert_eq!(f[2].reasons[1], Reason::Anywhere);
}

#[test]
fn latitude_and_longitude_from_the_file_place_a_service_before_its_postcode() {
    // The postcode says Canary Wharf (E14 5, 4.3 km away); the coordinates say Whitechapel.
    let text = format!(
        "{BOROUGH}{}",
        r#"
[[service]]
id = "postcode-only"
name = "P"
organisation = "O"
description = "d"
needs = ["money"]
areas = ["borough"]
postcode = "E1 1AA"
cost = "free"

[[service]]
id = "by-coordinates"
name = "C"
organisation = "O"
description = "d"
needs = ["money"]
areas = ["borough"]
postcode = "E14 5AB"
latitude = 51.5166
longitude = -0.0747
cost = "free"
"#
    );
    let mut d = Directory::default();
    assert!(d.add_file(Path::new("s.toml"), &text).is_empty());
    let f = found(&d, Some("E1 6AN"), "en-GB");
    assert_eq!(ids(&f), ["by-coordinates", "postcode-only"]);
    let here = geo::locate("E1 6AN").expect("E1 6AN");
    let expected = distance_km(
        here,
        geo::Position {
            lat: 51.5166,
            lon: -0.0747,
        },
    );
    assert!(close(f[0].distance_km, expected));
    assert!(close(f[0].distance_km, 0.468), "the centroid of E1 7");
    assert!(close(f[1].distance_km, 0.905));
}

#[test]
fn a_postcode_known_only_to_its_district_is_measured_from_the_district() {
    let d = directory(vec![
        at("far", &["money"], &["E1"], Some("E1 4AA")),
        at("at-e1-6", &["money"], &["E1"], Some("E1 6AN")),
    ]);
    let f = found(&d, Some("E1 9ZZ"), "en-GB");
    assert_eq!(f[1].service.id, "far");
    assert_eq!(f[0].service.id, "at-e1-6");
    assert!(close(f[0].distance_km, 1.092), "{:?}", f[0].distance_km);
    // A well-formed postcode nobody knows: district ranking as before, nothing measured.
    let d = directory(vec![
        at("borough", &["money"], &["borough"], Some("E1 6AN")),
        at("zz9", &["money"], &["ZZ9"], Some("E1 4AA")),
    ]);
    let f = found(&d, Some("ZZ9 9ZZ"), "en-GB");
    assert_eq!(ids(&f), ["zz9"], "ZZ9 is not in the borough");
    assert_eq!(f[0].distance_km, None);
    assert_eq!(f[0].reasons[1], Reason::SameDistrict("ZZ9".into()));
}

#[test]
fn without_a_postcode_ranking_is_as_before() {
    let d = directory(vec![
        at("online", &["money"], &["anywhere"], None),
        at("e1", &["money"], &["E1"], Some("E1 6AN")),
        at("borough-far", &["money"], &["borough"], Some("E14 5AB")),
        at("borough-near", &["money"], &["borough"], Some("E1 7AA")),
    ]);
    let f = found(&d, None, "en-GB");
    assert_eq!(
        ids(&f),
        ["borough-far", "borough-near", "online"],
        "file order"
    );
    assert!(f.iter().all(|s| s.distance_km.is_none()));
    assert!(
        f.iter()
            .all(|s| !matches!(s.reasons[1], Reason::Distance { .. }))
    );
}

#[test]
fn their_language_first_within_a_band_then_cheaper_then_nearer() {
    let mut nearest = at("nearest", &["money"], &["borough"], Some("E1 7AA"));
    nearest.cost = Cost::Paid;
    let mut speaks = at("speaks-bn", &["money"], &["borough"], Some("E1 5AA"));
    speaks.languages = vec!["bn".into()];
    speaks.cost = Cost::Paid;
    let free = at("free", &["money"], &["borough"], Some("E1 1AA"));
    let mut far_speaks = at("far-speaks-bn", &["money"], &["borough"], Some("E1 4AA"));
    far_speaks.languages = vec!["bn".into()];
    let d = directory(vec![far_speaks, nearest, speaks, free]);
    // All of the first three are within 1 km; the last is 2.007 km away.
    assert_eq!(
        ids(&found(&d, Some("E1 6AN"), "bn")),
        ["speaks-bn", "free", "nearest"]
    );
    assert_eq!(
        ids(&found(&d, Some("E1 6AN"), "en-GB")),
        ["free", "nearest", "speaks-bn"]
    );
}

#[test]
fn unplaced_services_come_after_places_within_reach_and_before_those_beyond() {
    let d = directory(vec![
        at("beyond", &["money"], &["borough"], Some("E14 5AB")),
        at("unplaced", &["money"], &["E1"], None),
        at("within", &["money"], &["borough"], Some("E1 4AA")),
    ]);
    let f = found(&d, Some("E1 6AN"), "en-GB");
    assert_eq!(ids(&f), ["within", "unplaced", "beyond"]);
    assert!(close(f[2].distance_km, 4.258));
}

fn unmet_for(services: Vec<Service>) -> Vec<String> {
    let d = directory(services);
    let needs = ["money".to_string(), "food".to_string()];
    let q = query(&needs, Some("E1 6AN"), "en-GB");
    unmet(&q, &suggest(&d, &q))
}

#[test]
fn a_need_is_met_only_by_a_place_within_reach() {
    let within = at("within", &["money"], &["borough"], Some("E1 4AA"));
    assert_eq!(unmet_for(vec![within]), ["food"], "2 km: within reach");
    let beyond = at("beyond", &["money"], &["borough"], Some("E14 5AB"));
    assert_eq!(unmet_for(vec![beyond]), ["money", "food"], "4.3 km: beyond");
    let borough_wide = at("borough-wide", &["money"], &["borough"], None);
    assert_eq!(unmet_for(vec![borough_wide]), ["money", "food"]);
    let phone = at("phone", &["money"], &["anywhere"], Some("E1 6AN"));
    assert_eq!(unmet_for(vec![phone]), ["money", "food"]);
    assert_eq!(unmet_for(Vec::new()), ["money", "food"]);
    let in_district = at("in-e1", &["money"], &["E1"], None);
    assert_eq!(
        unmet_for(vec![in_district]),
        ["food"],
        "listing their district, place unknown"
    );
    // One service near them for both needs is suggested once, and meets both.
    let both = at("both", &["money", "food"], &["borough"], Some("E1 4AA"));
    assert_eq!(unmet_for(vec![both]), Vec::<String>::new());
}

#[test]
fn services_match_shows_the_distance() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "services",
            "match",
            "--need",
            "money",
            "--postcode",
            "e1 6an",
        ];
        args.extend_from_slice(extra);
        common::run(&dir.path().join("s.db"), &args, b"", &[])
    };
    let o = run(&["--json"]);
    let rows: Value = serde_json::from_slice(&common::ok(&o).into_bytes()).expect("json");
    let rows = rows.as_array().expect("array");
    // money-advice-e1 is at E1 1AA (services/directory.toml): 0.905 km from E1 6.
    assert_eq!(rows[0]["id"], "money-advice-e1");
    assert_eq!(rows[0]["distance_km"], serde_json::json!(0.91));
    assert_eq!(
        rows[0]["reasons"][1],
        serde_json::json!({"reason": "distance", "value": {"metres": 905}})
    );
    assert!(
        rows.iter().any(|r| r["distance_km"].is_null()),
        "a borough service with no place: {rows:?}"
    );
    let text = common::ok(&run(&[]));
    assert!(
        text.lines().next().is_some_and(
            |l| l.ends_with("Money Advice Whitechapel (need money, 0.9 km away, free)")
        ),
        "{text}"
    );
}

#[test]
fn the_chat_says_how_far_in_miles_in_english_and_km_in_bengali() {
    let dir = tempfile::tempdir().expect("tempdir");
    let english = "1\n1\n1\n3\ndone\nI have been feeling very alone since my wife died.\n\
Sam\n3/7/1958\nBlithehale Health Centre\nPhone me\n07700 900123\n1\ne1 6an\n2\n1\n";
    let o = common::run(
        &dir.path().join("en.db"),
        &["chat"],
        english.as_bytes(),
        &[],
    );
    let text = common::ok(&o);
    assert!(
        text.contains("Talk Together (Whitechapel Wellbeing Trust (sample))\n"),
        "{text}"
    );
    assert!(text.contains("\nabout a mile away · Free\n"), "{text}");

    let bengali = "১\n৭\nহয়ে গেছে\nমন খুব খারাপ থাকে\nরহিম\nবলতে চাই না\nজানি না\n২\nE14 2BG\n২\n১\n";
    let o = common::run(
        &dir.path().join("bn.db"),
        &["chat", "--lang", "bn"],
        bengali.as_bytes(),
        &[],
    );
    let text = common::ok(&o);
    assert!(text.contains("Poplar Community Kitchen"), "{text}");
    assert!(
        text.contains("\nপ্রায় 1 কিলোমিটার দূরে · আপনার ভাষায় কথা বলে\n"),
        "{text}"
    );
}

#[test]
fn in_arabic_the_distance_is_an_isolated_number_in_right_to_left_words() {
    let mut c = common::Convo::new(common::engine(), Some("ar"));
    c.press("yes")
        .press("money")
        .press("done")
        .press("no-thanks");
    c.say("سامي")
        .press("prefer-not")
        .press("dont-know")
        .press("message");
    c.say("E1 6AN").press("none").press("confirm");
    let raw: String = c.last.replies.iter().map(|r| r.text.clone()).collect();
    assert!(raw.contains("على بعد نحو \u{2068}900\u{2069} متر"), "{raw}");
}

#[test]
fn check_warns_of_services_it_cannot_place() {
    let content = common::copy_content();
    let file = content.path().join("services/directory.toml");
    common::edit(&file, "postcode = \"E3 1AA\"", "postcode = \"ZZ9 1AA\"");
    common::edit(
        &file,
        "postcode = \"E1 1AA\"",
        "postcode = \"E1 1AA\"\nlatitude = -0.07\nlongitude = 51.5",
    );
    common::edit(
        &file,
        "postcode = \"E14 6LN\"",
        "postcode = \"E14 6LN\"\nlatitude = 51.5",
    );
    let unknown = common::line_of(&file, "postcode = \"ZZ9 1AA\"");
    let (code, text) = common::check_content(content.path());
    assert_eq!(code, Some(0), "warnings only: {text}");
    let warnings: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("warning[invalid-field]"))
        .collect();
    assert_eq!(warnings.len(), 3, "{text}");
    // Each at the line of its entry's id, before its postcode.
    let at = common::problem_line;
    assert!(
        warnings[0].starts_with("services/directory.toml:")
            && warnings[0].ends_with(
                "postcode \"ZZ9 1AA\" is not in the table of GB postcode sectors and districts, so its distance cannot be measured"
            )
            && (unknown - 10..unknown).contains(&at(warnings[0])),
        "{text}"
    );
    assert!(
        text.contains("latitude -0.07, longitude 51.5 is outside Great Britain (swapped?)"),
        "{text}"
    );
    assert!(
        text.contains("give both latitude and longitude, or neither"),
        "{text}"
    );
}

#[test]
fn a_place_listed_for_their_district_and_the_borough_is_suggested_once() {
    let d = directory(vec![
        at("both", &["money"], &["E1", "borough"], Some("E1 7AA")),
        at("next", &["money"], &["borough"], Some("E1 5AA")),
    ]);
    let f = found(&d, Some("E1 6AN"), "en-GB");
    assert_eq!(ids(&f), ["both", "next"]);
    assert!(close(f[0].distance_km, 0.468) && close(f[1].distance_km, 0.741));
}

#[test]
fn speakers_further_away_give_way_to_a_nearer_band_only() {
    let speaking = |id: &str, postcode: &str| {
        let mut s = at(id, &["money"], &["borough"], Some(postcode));
        s.languages = vec!["so".into()];
        s
    };
    // Three Somali speakers 1 to 2 km away (E1 8 1.001, E1 2 1.299, E1 3 1.731) and one that
    // is not, nearer: in their band (E1W 9, 1.139 km) the speakers come first; in a nearer
    // band (E1 7, 0.468 km) it comes first.
    let same_band = directory(vec![
        at("near-english", &["money"], &["borough"], Some("E1W 9AA")),
        speaking("so-1", "E1 8AA"),
        speaking("so-2", "E1 2AA"),
        speaking("so-3", "E1 3AA"),
    ]);
    assert_eq!(
        ids(&found(&same_band, Some("E1 6AN"), "so")),
        ["so-1", "so-2", "so-3"]
    );
    let nearer_band = directory(vec![
        at("nearest-english", &["money"], &["borough"], Some("E1 7AA")),
        speaking("so-1", "E1 8AA"),
        speaking("so-2", "E1 2AA"),
        speaking("so-3", "E1 3AA"),
    ]);
    assert_eq!(
        ids(&found(&nearer_band, Some("E1 6AN"), "so")),
        ["nearest-english", "so-1", "so-2"]
    );
}
