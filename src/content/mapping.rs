//! `services/mapping.toml`: how taxonomy terms, keywords and target audiences of an imported
//! export map to the dialogue's need ids. Loaded and checked with the rest of the content;
//! applied by [`crate::import`].

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;

use super::problem::{Problem, ProblemKind, line_of, parse_toml};

/// How taxonomy terms, keywords and audiences map to the dialogue's need ids
/// (`services/mapping.toml`).
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    /// Taxonomy term, lower case → need id.
    pub taxonomy: BTreeMap<String, String>,
    /// Need id → keywords looked for in the name and description when no term maps.
    pub keywords: BTreeMap<String, Vec<String>>,
    /// Phrases blanked out before keywords are looked for ("food hygiene", "parents and
    /// carers"), so a keyword inside them does not count.
    pub ignore: Vec<String>,
    /// Word in a target audience (`pc_targetAudience`), lower case → need id it adds.
    pub audience: BTreeMap<String, String>,
    /// Each need id used, with its line, for `check`.
    lines: Vec<(String, usize)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMapping {
    schema: toml::Spanned<u32>,
    #[serde(default)]
    taxonomy: BTreeMap<String, toml::Spanned<String>>,
    #[serde(default)]
    keywords: BTreeMap<toml::Spanned<String>, Vec<String>>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    audience: BTreeMap<String, toml::Spanned<String>>,
}

impl Mapping {
    /// Parses the mapping file.
    pub fn parse(path: &Path, source: &str) -> Result<Mapping, Problem> {
        let raw: RawMapping = parse_toml(path, source, |r: &RawMapping| &r.schema)?;
        let mut lines = Vec::new();
        let mut by_word = |table: BTreeMap<String, toml::Spanned<String>>| {
            table
                .into_iter()
                .map(|(word, need)| {
                    lines.push((need.get_ref().clone(), line_of(source, need.span().start)));
                    (normalise(&word), need.into_inner())
                })
                .collect::<BTreeMap<_, _>>()
        };
        let taxonomy = by_word(raw.taxonomy);
        let audience = by_word(raw.audience);
        let keywords = raw
            .keywords
            .into_iter()
            .map(|(need, words)| {
                lines.push((need.get_ref().clone(), line_of(source, need.span().start)));
                (
                    need.into_inner(),
                    words.iter().map(|w| normalise(w)).collect(),
                )
            })
            .collect();
        Ok(Mapping {
            taxonomy,
            keywords,
            ignore: raw.ignore.iter().map(|w| normalise(w)).collect(),
            audience,
            lines,
        })
    }

    /// Need ids in the mapping that no dialogue offers.
    pub fn check(&self, path: &Path, needs: &BTreeSet<String>) -> Vec<Problem> {
        self.lines
            .iter()
            .filter(|(n, _)| !needs.contains(n))
            .map(|(n, line)| {
                Problem::error(
                    path,
                    *line,
                    ProblemKind::UnknownNeed,
                    format!("the mapping names need \"{n}\", which no dialogue offers"),
                )
            })
            .collect()
    }

    /// Need ids for a record: its taxonomy terms first, then keywords (outside the ignored
    /// phrases), plus those its target audiences add; else `other`.
    pub fn needs(&self, terms: &[String], text: &str, audiences: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let add = |out: &mut Vec<String>, n: &String| {
            if !out.contains(n) {
                out.push(n.clone());
            }
        };
        for t in terms {
            if let Some(n) = self.taxonomy.get(&normalise(t)) {
                add(&mut out, n);
            }
        }
        if out.is_empty() {
            let mut text = normalise(text);
            for phrase in &self.ignore {
                text = blank(&text, phrase);
            }
            for (need, words) in &self.keywords {
                if words.iter().any(|w| contains_word(&text, w)) {
                    add(&mut out, need);
                }
            }
        }
        for a in audiences {
            let a = normalise(a);
            for (word, need) in &self.audience {
                if contains_word(&a, word) {
                    add(&mut out, need);
                }
            }
        }
        if out.is_empty() {
            out.push("other".to_string());
        }
        out
    }
}

/// Lower case, curly apostrophes straight, runs of spaces as one.
fn normalise(text: &str) -> String {
    text.to_lowercase()
        .replace(['\u{2019}', '\u{2018}'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text with each `phrase` starting at a word boundary replaced by a separator.
fn blank(text: &str, phrase: &str) -> String {
    if phrase.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (i, _) in text.match_indices(phrase) {
        let starts_word = !text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        if i >= from && starts_word {
            out.push_str(&text[from..i]);
            out.push_str(" | ");
            from = i + phrase.len();
        }
    }
    out.push_str(&text[from..]);
    out
}

/// True when `word` (or phrase) starts at a word boundary in `text` and ends at one, allowing
/// a plural (`s`, `es`) or possessive (`'s`, `s'`) after it; a `word*` needs only the start.
fn contains_word(text: &str, word: &str) -> bool {
    let (stem, prefix) = match word.strip_suffix('*') {
        Some(stem) => (stem, true),
        None => (word, false),
    };
    if stem.is_empty() {
        return false;
    }
    text.match_indices(stem).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        if before.is_some_and(char::is_alphanumeric) {
            return false;
        }
        if prefix {
            return true;
        }
        let rest = &text[i + stem.len()..];
        ["'s", "s'", "es", "s", ""].iter().any(|end| {
            rest.strip_prefix(end)
                .is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_match_whole_words_plurals_and_stems() {
        assert!(contains_word("debt advice", "debt"));
        assert!(!contains_word("indebted", "debt"));
        assert!(contains_word("debts and arrears", "debt"));
        assert!(contains_word("for carers' rights", "carer"));
        assert!(contains_word("weekly food banks", "food bank"));
        assert!(contains_word("a befriending service", "befriend*"));
        assert!(!contains_word("homework club", "work"));
        assert!(!contains_word("a networking breakfast", "work"));
        assert!(!contains_word("lunchtime concerts", "lunch"));
        assert!(!contains_word("recycling", "cycl*"));
        assert!(!contains_word("anything", "*"));
    }

    #[test]
    fn phrases_are_blanked_from_a_word_start() {
        assert_eq!(
            blank("a food hygiene course", "food hygiene"),
            "a  |  course"
        );
        assert_eq!(blank("seafood hygiene", "food hygiene"), "seafood hygiene");
        assert_eq!(blank("x", ""), "x");
    }

    fn mapping() -> Mapping {
        Mapping::parse(
            Path::new("mapping.toml"),
            r#"
schema = 1
ignore = ["food hygiene", "parents and carers"]
[taxonomy]
"Food banks" = "food"
[keywords]
food = ["food"]
caring = ["carers"]
[audience]
carers = "caring"
"#,
        )
        .expect("parses")
    }

    #[test]
    fn ignored_phrases_hide_their_keywords() {
        let m = mapping();
        assert_eq!(m.needs(&[], "Level 2 Food Hygiene course", &[]), ["other"]);
        assert_eq!(m.needs(&[], "Free food for all", &[]), ["food"]);
        assert_eq!(
            m.needs(&[], "Stay and play for parents and carers", &[]),
            ["other"]
        );
    }

    #[test]
    fn taxonomy_first_and_audiences_add_needs() {
        let m = mapping();
        assert_eq!(m.needs(&["food BANKS".into()], "carers", &[]), ["food"]);
        assert_eq!(
            m.needs(&[], "A monthly group", &["Young carers".into()]),
            ["caring"]
        );
        assert_eq!(
            m.needs(&[], "Free food", &["Parent Carers".into()]),
            ["food", "caring"]
        );
    }
}
