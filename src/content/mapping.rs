//! `services/mapping.toml`: how taxonomy terms and keywords of an imported export map to the
//! dialogue's need ids. Loaded and checked with the rest of the content; applied by
//! [`crate::import`].

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;

use super::problem::{Problem, ProblemKind, line_of, parse_toml};

/// How taxonomy terms and keywords map to the dialogue's need ids (`services/mapping.toml`).
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    /// Taxonomy term, lower case → need id.
    pub taxonomy: BTreeMap<String, String>,
    /// Need id → keywords looked for in the name and description when no term maps.
    pub keywords: BTreeMap<String, Vec<String>>,
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
}

impl Mapping {
    /// Parses the mapping file.
    pub fn parse(path: &Path, source: &str) -> Result<Mapping, Problem> {
        let raw: RawMapping = parse_toml(path, source, |r: &RawMapping| &r.schema)?;
        let mut lines = Vec::new();
        let taxonomy = raw
            .taxonomy
            .into_iter()
            .map(|(term, need)| {
                lines.push((need.get_ref().clone(), line_of(source, need.span().start)));
                (term.to_lowercase(), need.into_inner())
            })
            .collect();
        let keywords = raw
            .keywords
            .into_iter()
            .map(|(need, words)| {
                lines.push((need.get_ref().clone(), line_of(source, need.span().start)));
                (
                    need.into_inner(),
                    words.into_iter().map(|w| w.to_lowercase()).collect(),
                )
            })
            .collect();
        Ok(Mapping {
            taxonomy,
            keywords,
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

    /// Need ids for a record: its taxonomy terms first, then keywords, else `other`.
    pub fn needs(&self, terms: &[String], text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in terms {
            if let Some(n) = self.taxonomy.get(&t.to_lowercase())
                && !out.contains(n)
            {
                out.push(n.clone());
            }
        }
        if out.is_empty() {
            let text = text.to_lowercase();
            for (need, words) in &self.keywords {
                if words.iter().any(|w| contains_word(&text, w)) {
                    out.push(need.clone());
                }
            }
        }
        if out.is_empty() {
            out.push("other".to_string());
        }
        out
    }
}

fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_match_whole_words() {
        assert!(contains_word("debt advice", "debt"));
        assert!(!contains_word("indebted", "debt"));
    }
}
