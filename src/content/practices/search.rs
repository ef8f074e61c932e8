//! Finding a practice from what a person typed: its name (case, accents, punctuation and
//! words such as "surgery" or "the" aside, typos forgiven), its ODS code, or a postcode or
//! postcode district (practices there first).

use unicode_normalization::UnicodeNormalization;

use super::{Practice, Practices};
use crate::validate;

/// Most practices offered for one search.
pub const MOST_OFFERED: usize = 4;

/// How alike a name must be (0 to 1) to be offered at all.
const ALIKE: f64 = 0.84;

/// Offered only if within this of the best match, so a near-exact name is not crowded by
/// loose ones.
const MARGIN: f64 = 0.12;

/// Words that say what kind of place it is, not which one.
const GENERIC: &[&str] = &[
    "the",
    "surgery",
    "surgeries",
    "medical",
    "centre",
    "center",
    "centres",
    "health",
    "practice",
    "practices",
    "group",
    "clinic",
    "doctors",
    "doctor",
    "dr",
    "gp",
    "gps",
    "and",
    "of",
    "at",
    "nhs",
];

impl Practices {
    /// The practices `typed` most likely means, best first (at most [`MOST_OFFERED`]; none
    /// when nothing is close).
    pub fn search(&self, typed: &str) -> Vec<&Practice> {
        let typed = validate::ascii_digits(typed);
        let code = typed.trim().to_ascii_uppercase();
        if let Some(p) = self.practices.iter().find(|p| p.ods == code) {
            return vec![p];
        }
        if let Some(district) = district_of(&typed) {
            return self.near(&typed, &district);
        }
        let words = words(&typed);
        if words.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(f64, usize, &Practice)> = self
            .practices
            .iter()
            .enumerate()
            .map(|(i, p)| (likeness(&words, &self::words(&p.name)), i, p))
            .filter(|(s, _, _)| *s >= ALIKE)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let best = scored.first().map_or(0.0, |s| s.0);
        scored
            .into_iter()
            .filter(|(s, _, _)| *s >= best - MARGIN)
            .take(MOST_OFFERED)
            .map(|(_, _, p)| p)
            .collect()
    }

    /// Practices in `district`, those at the very postcode typed first, in file order.
    fn near(&self, typed: &str, district: &str) -> Vec<&Practice> {
        let full = validate::uk_postcode(typed);
        let mut here: Vec<&Practice> = self
            .practices
            .iter()
            .filter(|p| {
                validate::uk_postcode(&p.postcode).is_some_and(|pc| outward(&pc) == district)
            })
            .collect();
        here.sort_by_key(|p| validate::uk_postcode(&p.postcode) != full);
        here.truncate(MOST_OFFERED);
        here
    }
}

/// The postcode district (`E1`, `E14`, `SW1A`) when `typed` is a full postcode or a district
/// alone.
fn district_of(typed: &str) -> Option<String> {
    if let Some(pc) = validate::uk_postcode(typed) {
        return Some(outward(&pc).to_string());
    }
    let t = typed.trim().to_ascii_uppercase();
    let b = t.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let shaped = (1..=2).contains(&letters)
        && (letters + 1..=letters + 2).contains(&b.len())
        && b[letters].is_ascii_digit()
        && b[letters..].iter().all(|c| c.is_ascii_alphanumeric());
    shaped.then_some(t)
}

/// The outward half of a postcode as `validate::uk_postcode` writes it (`E1 6QL` -> `E1`).
fn outward(postcode: &str) -> &str {
    postcode.split(' ').next().unwrap_or(postcode)
}

/// The words that name a place: lower case, accents and punctuation gone, generic words
/// dropped (unless nothing else is left).
fn words(s: &str) -> Vec<String> {
    let folded: String = s
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        // "St Paul's" and "St Pauls" alike: an apostrophe left a lone "s".
        .replace(" s ", "s ");
    let all: Vec<String> = folded.split_whitespace().map(str::to_string).collect();
    let named: Vec<String> = all
        .iter()
        .filter(|w| !GENERIC.contains(&w.as_str()))
        .cloned()
        .collect();
    if named.is_empty() { all } else { named }
}

/// How well the words typed fit a practice's name words, 0 to 1: each typed word's best fit
/// (a typo forgiven, a beginning of a word taken), averaged; or the whole names compared.
fn likeness(typed: &[String], name: &[String]) -> f64 {
    if name.is_empty() {
        return 0.0;
    }
    let each: f64 = typed
        .iter()
        .map(|t| name.iter().map(|n| word_likeness(t, n)).fold(0.0, f64::max))
        .sum::<f64>()
        / typed.len() as f64;
    let whole = strsim::normalized_damerau_levenshtein(&typed.join(" "), &name.join(" "));
    each.max(whole)
}

/// How alike two words are: 1 for the same, a little less for the start of the word (three
/// letters at least), else Jaro-Winkler, counted only for words of four letters or more (short
/// words are alike by chance).
fn word_likeness(typed: &str, name: &str) -> f64 {
    if typed == name {
        1.0
    } else if typed.chars().count() >= 3 && name.starts_with(typed) {
        0.95
    } else if typed.chars().count() >= 4 && name.chars().count() >= 4 {
        strsim::jaro_winkler(typed, name)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const FILE: &str = r#"schema = 1
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
name = "Poplar Practice"
postcode = "E14 0BE"
team = "east"

[[practice]]
ods = "Z00005"
name = "Brick Lane Surgery"
postcode = "E1 6QL"
team = "central"
"#;

    fn practices() -> Practices {
        let (p, problems) = Practices::parse(Path::new("practices.toml"), FILE);
        assert!(problems.is_empty(), "{problems:?}");
        p
    }

    fn codes(typed: &str) -> Vec<String> {
        practices()
            .search(typed)
            .iter()
            .map(|p| p.ods.clone())
            .collect()
    }

    #[test]
    fn names_are_found_whatever_their_case_accents_punctuation_and_generic_words() {
        assert_eq!(codes("Whitechapl"), ["Z00001"]);
        assert_eq!(codes("whitechapel surgery"), ["Z00001"]);
        assert_eq!(codes("WHITÉCHAPEL"), ["Z00001"]);
        assert_eq!(codes("st pauls way"), ["Z00002"]);
        assert_eq!(codes("St. Paul’s Way"), ["Z00002"]);
        assert_eq!(codes("bow"), ["Z00003"]);
        assert_eq!(codes("the bow medical centre"), ["Z00003"]);
        assert_eq!(codes("brik lane"), ["Z00005"]);
        assert_eq!(codes("z00004"), ["Z00004"]);
    }

    #[test]
    fn a_postcode_or_district_offers_the_practices_there_the_same_postcode_first() {
        assert_eq!(codes("e3 5ed"), ["Z00003", "Z00002"]);
        assert_eq!(codes("E3"), ["Z00002", "Z00003"]);
        assert_eq!(codes("E1"), ["Z00001", "Z00005"]);
        assert_eq!(codes("e14"), ["Z00004"]);
        assert_eq!(codes("SW1A 1AA"), Vec::<String>::new());
    }

    #[test]
    fn nothing_close_offers_nothing() {
        for typed in [
            "Blithehale Health Centre",
            "Blithehale",
            "surgery",
            "",
            "   ",
            "!!!",
            "ব্লিথহেল",
            "x",
        ] {
            assert_eq!(codes(typed), Vec::<String>::new(), "{typed:?}");
        }
    }

    #[test]
    fn at_most_a_few_are_offered() {
        let mut file = FILE.to_string();
        for i in 6..=9 {
            file.push_str(&format!(
                "\n[[practice]]\nods = \"Z0000{i}\"\nname = \"Bow Road {i}\"\npostcode = \"E3 2AA\"\nteam = \"east\"\n"
            ));
        }
        let (p, _) = Practices::parse(Path::new("practices.toml"), &file);
        assert_eq!(p.search("bow").len(), MOST_OFFERED);
        assert_eq!(p.search("E3").len(), MOST_OFFERED);
    }
}
