//! One language's rule file, `dialogues/crisis/<tag>.toml`: its word lists, rules,
//! exceptions, examples that must fire and near-misses that must not.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::content::problem::{LineIndex, Problem, ProblemKind, parse_toml_schema};
use crate::crisis::phrase::{Compiler, Phrase, Words};
use crate::crisis::{ExceptionSpec, Kind, LanguageSpec, PackedLanguage, RuleSpec, Shape, View};

/// The `schema` of each rule file this build reads.
pub const RULES_SCHEMA: u32 = 1;
/// The heaviest weight a part of an `all` rule may have.
pub const MAX_WEIGHT: u32 = 100;
/// How near the parts of an `all` rule must be, in words, unless it says.
pub const DEFAULT_NEAR: usize = 8;

/// An example kept beside a rule (must fire it) or an exception (must stay quiet).
#[derive(Debug, Clone)]
pub struct Example {
    /// Its rule file.
    pub path: PathBuf,
    /// Its line.
    pub line: usize,
    /// `Some((language, rule id))` when it must fire that rule; `None` when nothing may fire.
    pub fires: Option<(String, String)>,
    /// The message.
    pub text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    schema: Spanned<u32>,
    language: Spanned<String>,
    /// Read words in Latin letters loosely (transliterated languages).
    #[serde(default)]
    loose: bool,
    /// Messages that must not fire anything.
    #[serde(default)]
    quiet: Vec<Spanned<String>>,
    #[serde(default)]
    words: BTreeMap<String, Vec<Spanned<String>>>,
    #[serde(default)]
    rule: Vec<RawRule>,
    #[serde(default)]
    except: Vec<RawExcept>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    kind: Spanned<String>,
    #[serde(default)]
    ask: bool,
    why: String,
    #[serde(default)]
    any: Vec<Spanned<String>>,
    #[serde(default)]
    all: Vec<Spanned<String>>,
    near: Option<usize>,
    /// A weight per `all` part: the rule fires when the parts found weigh `enough`.
    weights: Option<Vec<u32>>,
    enough: Option<u32>,
    #[serde(default)]
    examples: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExcept {
    why: String,
    any: Vec<Spanned<String>>,
    /// The editor knows a phrase here can be one word, and that word is never a crisis.
    #[serde(default)]
    one_word: bool,
    #[serde(default)]
    examples: Vec<Spanned<String>>,
}

/// One rule file, read and compiled.
pub struct RuleFile {
    /// Its path, relative to the content folder.
    pub path: PathBuf,
    pub(super) rules: PackedLanguage,
    pub(super) examples: Vec<Example>,
}

impl RuleFile {
    /// The language's rules, packed.
    pub fn rules(&self) -> &PackedLanguage {
        &self.rules
    }
}

/// Parses one `dialogues/crisis/<tag>.toml`; every bad phrase is its own problem.
pub fn parse_rules(path: &Path, source: &str) -> (Option<RuleFile>, Vec<Problem>) {
    let mut problems = Vec::new();
    let raw: RawRules =
        match parse_toml_schema(path, source, |r: &RawRules| &r.schema, RULES_SCHEMA) {
            Ok(r) => r,
            Err(p) => return (None, vec![p]),
        };
    let lines = LineIndex::new(source);
    let line = |s: &std::ops::Range<usize>| lines.line(s.start);
    let tag = raw.language.get_ref().clone();
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if stem != tag {
        problems.push(Problem::error(
            path,
            line(&raw.language.span()),
            ProblemKind::InvalidField,
            format!("language \"{tag}\" must match the file name ({stem}.toml)"),
        ));
    }
    let view = if raw.loose { View::Loose } else { View::Plain };
    let words: Words = raw
        .words
        .iter()
        .map(|(k, v)| (k.clone(), v.iter().map(|s| s.get_ref().clone()).collect()))
        .collect();
    let mut compiler = Compiler::new(&words, view);
    let mut compile = |p: &Spanned<String>, problems: &mut Vec<Problem>| -> Option<Phrase> {
        match compiler.phrase(p.get_ref()) {
            Ok(phrase) => Some(phrase),
            Err(e) => {
                problems.push(Problem::error(
                    path,
                    line(&p.span()),
                    ProblemKind::InvalidPhrase,
                    format!("{:?}: {e}", p.get_ref()),
                ));
                None
            }
        }
    };
    for list in raw.words.values() {
        for p in list {
            compile(p, &mut problems);
        }
    }
    let mut rules = Vec::new();
    let mut examples = Vec::new();
    let mut ids = BTreeSet::new();
    for r in &raw.rule {
        let id = r.id.get_ref().clone();
        let at = line(&r.id.span());
        if !ids.insert(id.clone()) {
            problems.push(Problem::error(
                path,
                at,
                ProblemKind::DuplicateId,
                format!("rule \"{id}\" is defined twice"),
            ));
        }
        let Some(kind) = Kind::parse(r.kind.get_ref()) else {
            problems.push(Problem::error(
                path,
                line(&r.kind.span()),
                ProblemKind::InvalidField,
                format!(
                    "kind \"{}\" is not one of: {}",
                    r.kind.get_ref(),
                    Kind::ALL.map(Kind::as_str).join(", ")
                ),
            ));
            continue;
        };
        if r.why.trim().is_empty() {
            problems.push(Problem::error(
                path,
                at,
                ProblemKind::InvalidField,
                format!("rule \"{id}\" needs a `why` a reader can follow"),
            ));
        }
        let shape = match (r.any.is_empty(), r.all.is_empty()) {
            (false, true) => {
                let c: Vec<_> = r
                    .any
                    .iter()
                    .filter_map(|p| compile(p, &mut problems))
                    .collect();
                (c.len() == r.any.len()).then_some(Shape::Any(c))
            }
            (true, false) if r.all.len() >= 2 => {
                let c: Vec<_> = r
                    .all
                    .iter()
                    .filter_map(|p| compile(p, &mut problems))
                    .collect();
                let weights = r.weights.clone().unwrap_or_else(|| vec![1; r.all.len()]);
                let total: u32 = weights.iter().sum();
                let enough = r.enough.unwrap_or(total);
                if weights.len() != r.all.len()
                    || weights.contains(&0)
                    || weights.iter().any(|w| *w > MAX_WEIGHT)
                {
                    problems.push(Problem::error(
                        path,
                        at,
                        ProblemKind::InvalidField,
                        format!(
                            "rule \"{id}\" has {} part(s) in `all` and {} weight(s); give each part a weight from 1 to {MAX_WEIGHT}",
                            r.all.len(),
                            weights.len()
                        ),
                    ));
                    None
                } else if enough == 0 || enough > total {
                    problems.push(Problem::error(
                        path,
                        at,
                        ProblemKind::InvalidField,
                        format!(
                            "rule \"{id}\" needs `enough` between 1 and {total} (the weights added up)"
                        ),
                    ));
                    None
                } else {
                    (c.len() == r.all.len()).then(|| Shape::All {
                        parts: c.into_iter().zip(weights).collect(),
                        near: r.near.unwrap_or(DEFAULT_NEAR),
                        enough,
                    })
                }
            }
            _ => {
                problems.push(Problem::error(
                    path,
                    at,
                    ProblemKind::InvalidField,
                    format!(
                        "rule \"{id}\" needs either `any` (phrases, one is enough) or `all` (two or more parts that must all appear), not both or neither"
                    ),
                ));
                None
            }
        };
        if (r.weights.is_some() || r.enough.is_some()) && r.all.is_empty() {
            problems.push(Problem::error(
                path,
                at,
                ProblemKind::InvalidField,
                format!("rule \"{id}\" has `weights` or `enough` but no `all`"),
            ));
        }
        if r.near.is_some() && r.all.is_empty() {
            problems.push(Problem::error(
                path,
                at,
                ProblemKind::InvalidField,
                format!("rule \"{id}\" has `near` but no `all`"),
            ));
        }
        if r.examples.is_empty() {
            problems.push(Problem::warning(
                path,
                at,
                ProblemKind::CrisisExample,
                format!("rule \"{id}\" has no examples; add a message it must fire on"),
            ));
        }
        for e in &r.examples {
            examples.push(Example {
                path: path.to_path_buf(),
                line: line(&e.span()),
                fires: Some((tag.clone(), id.clone())),
                text: e.get_ref().clone(),
            });
        }
        if let Some(shape) = shape {
            rules.push(RuleSpec {
                id,
                kind,
                ask: r.ask,
                why: r.why.trim().to_string(),
                shape,
            });
        }
    }
    let mut exceptions = Vec::new();
    for x in &raw.except {
        let mut phrases = Vec::new();
        for p in &x.any {
            let Some(phrase) = compile(p, &mut problems) else {
                continue;
            };
            // An exception silences its words for every language's rules: one word alone
            // ("said", "bridge") would silence it everywhere.
            if phrase.min_words < 2 && !x.one_word {
                problems.push(Problem::warning(
                    path,
                    line(&p.span()),
                    ProblemKind::InvalidPhrase,
                    format!(
                        "exception {:?} can match a single word, which is then ignored in every message and every language's rules; make it two words or more, or, if that word can never be part of a crisis (\"przedawkował\": he overdosed), say `one_word = true`",
                        p.get_ref()
                    ),
                ));
            }
            phrases.push(phrase);
        }
        exceptions.push(ExceptionSpec {
            why: x.why.trim().to_string(),
            phrases,
        });
        if x.why.trim().is_empty() {
            problems.push(Problem::error(
                path,
                x.any.first().map(|p| line(&p.span())).unwrap_or(0),
                ProblemKind::InvalidField,
                "each exception needs a `why`",
            ));
        }
        for e in &x.examples {
            examples.push(Example {
                path: path.to_path_buf(),
                line: line(&e.span()),
                fires: None,
                text: e.get_ref().clone(),
            });
        }
    }
    for q in &raw.quiet {
        examples.push(Example {
            path: path.to_path_buf(),
            line: line(&q.span()),
            fires: None,
            text: q.get_ref().clone(),
        });
    }
    let file = RuleFile {
        path: path.to_path_buf(),
        // Packed at once: the parsed form of one file at a time is held while loading.
        rules: LanguageSpec {
            tag,
            view,
            lists: compiler.lists(),
            rules,
            exceptions,
        }
        .pack(),
        examples,
    };
    let ok = !problems.iter().any(Problem::is_error);
    (ok.then_some(file), problems)
}
