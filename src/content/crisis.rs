//! The crisis interrupt: word-boundary, case-insensitive patterns per language, checked before
//! any node on everything a person types.

use std::collections::BTreeMap;
use std::path::Path;

use regex::{Regex, RegexSet};
use serde::Deserialize;
use toml::Spanned;

use super::problem::{Problem, ProblemKind, line_of, parse_toml};

/// Compiled crisis patterns.
#[derive(Debug, Clone)]
pub struct Crisis {
    /// Fluent message id with the emergency routes.
    pub message: String,
    /// Fluent message id offering to carry on afterwards.
    pub resume: String,
    set: RegexSet,
    /// Languages with at least one pattern.
    pub languages: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCrisis {
    schema: Spanned<u32>,
    message: String,
    resume: String,
    /// Languages written without spaces between words (Chinese): matched anywhere.
    #[serde(default)]
    unbounded: Vec<String>,
    patterns: BTreeMap<String, Vec<Spanned<String>>>,
}

impl Crisis {
    /// Parses `crisis.toml`; each bad pattern is reported on its own line.
    pub fn parse(path: &Path, source: &str) -> (Option<Crisis>, Vec<Problem>) {
        let mut problems = Vec::new();
        let raw: RawCrisis = match parse_toml(path, source, |r: &RawCrisis| &r.schema) {
            Ok(r) => r,
            Err(p) => return (None, vec![p]),
        };
        let mut all = Vec::new();
        let mut languages = Vec::new();
        for (lang, patterns) in &raw.patterns {
            if !patterns.is_empty() {
                languages.push(lang.clone());
            }
            let bounded = !raw.unbounded.contains(lang);
            for p in patterns {
                let wrapped = if bounded {
                    format!(r"(?i)\b(?:{})\b", p.get_ref())
                } else {
                    format!(r"(?i)(?:{})", p.get_ref())
                };
                match Regex::new(&wrapped) {
                    Ok(_) => all.push(wrapped),
                    Err(e) => problems.push(Problem::error(
                        path,
                        line_of(source, p.span().start),
                        ProblemKind::InvalidRegex,
                        format!(
                            "crisis pattern for {lang} does not compile: {}",
                            e.to_string().lines().last().unwrap_or_default().trim()
                        ),
                    )),
                }
            }
        }
        if problems.iter().any(Problem::is_error) {
            return (None, problems);
        }
        match RegexSet::new(&all) {
            Ok(set) => (
                Some(Crisis {
                    message: raw.message,
                    resume: raw.resume,
                    set,
                    languages,
                }),
                problems,
            ),
            Err(e) => {
                problems.push(Problem::error(
                    path,
                    0,
                    ProblemKind::InvalidRegex,
                    format!("the crisis patterns together are too large: {e}"),
                ));
                (None, problems)
            }
        }
    }

    /// True when `text` contains words of crisis in any language (people mix languages).
    pub fn matches(&self, text: &str) -> bool {
        self.set.is_match(text)
    }
}
