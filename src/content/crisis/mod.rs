//! The crisis interrupt's content: `dialogues/crisis.toml` (the replies for each kind of
//! danger) and `dialogues/crisis/<language>.toml` (each language's rules, exceptions, examples
//! that must fire and near-misses that must not), loaded into a [`Detector`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

mod rules;
pub use rules::{DEFAULT_NEAR, Example, MAX_WEIGHT, RULES_SCHEMA, RuleFile, parse_rules};

use super::problem::{Problem, ProblemKind, parse_toml_schema};
use crate::crisis::{Detection, Detector, Kind};

/// The `schema` of `dialogues/crisis.toml` this build reads.
pub const SCHEMA: u32 = 2;
/// The folder of rule files, inside `dialogues/`.
pub const RULES_DIR: &str = "crisis";

/// The replies for one kind of danger (Fluent message ids).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// The emergency routes, shown at once.
    pub message: String,
    /// The direct question asked when a message is worrying but not clear.
    pub ask: String,
}

/// The buttons and answers of the direct question (Fluent message ids).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ask {
    /// "Yes".
    pub yes: String,
    /// "No".
    pub no: String,
    /// Said after "no", before carrying on.
    pub thanks: String,
    /// Said when something else is typed at the question.
    pub again: String,
}

/// The crisis interrupt, loaded.
#[derive(Debug)]
pub struct Crisis {
    /// Said after the routes: carry on when ready.
    pub resume: String,
    /// Replies for a risk to self.
    pub self_route: Route,
    /// Replies for danger from another person.
    pub danger_route: Route,
    /// The direct question's buttons and answers.
    pub ask: Ask,
    /// The compiled rules.
    pub detector: Detector,
    /// Examples and near-misses, proven by `check`.
    pub examples: Vec<Example>,
    /// Where each language's rules are, to name in problems.
    pub files: BTreeMap<String, PathBuf>,
}

impl Crisis {
    /// The replies for `kind`.
    pub fn route(&self, kind: Kind) -> &Route {
        match kind {
            Kind::SelfHarm => &self.self_route,
            Kind::Danger => &self.danger_route,
        }
    }

    /// What fired in `text`.
    pub fn detect(&self, text: &str) -> Detection {
        self.detector.detect(text)
    }

    /// Every message id the interrupt uses.
    pub fn message_ids(&self) -> Vec<&str> {
        let mut ids = vec![self.resume.as_str()];
        for kind in Kind::ALL {
            let r = self.route(kind);
            ids.extend([r.message.as_str(), r.ask.as_str()]);
        }
        ids.extend([
            self.ask.yes.as_str(),
            self.ask.no.as_str(),
            self.ask.thanks.as_str(),
            self.ask.again.as_str(),
        ]);
        ids
    }

    /// Problems only the loaded detector can find: languages without rules of every kind,
    /// rules for languages that are not shipped, examples that no longer fire and
    /// near-misses that do.
    pub fn check(&self, shipped: &[String], problems: &mut Vec<Problem>) {
        for tag in shipped {
            let path = self
                .files
                .get(tag)
                .cloned()
                .unwrap_or_else(|| rules_path(tag));
            let rules: Vec<_> = self.detector.rules_of(tag).collect();
            for kind in Kind::ALL {
                if !rules.iter().any(|(_, k, ask)| *k == kind && !ask) {
                    problems.push(Problem::error(
                        &path,
                        0,
                        ProblemKind::MissingCrisisRules,
                        format!(
                            "{tag} has no rule of kind \"{}\" that shows the routes at once; every shipped language needs one of each kind ({})",
                            kind.as_str(),
                            Kind::ALL.map(Kind::as_str).join(", ")
                        ),
                    ));
                }
            }
        }
        for (tag, path) in &self.files {
            if !shipped.contains(tag) {
                problems.push(Problem::error(
                    path,
                    0,
                    ProblemKind::MissingCrisisRules,
                    format!(
                        "crisis rules for \"{tag}\", which is not a shipped language (locales/: {})",
                        shipped.join(", ")
                    ),
                ));
            }
        }
        for e in &self.examples {
            let d = self.detector.detect(&e.text);
            match &e.fires {
                Some((lang, rule))
                    if !d.hits.iter().any(|h| h.lang == *lang && h.rule == *rule) =>
                {
                    problems.push(Problem::error(
                        &e.path,
                        e.line,
                        ProblemKind::CrisisExample,
                        format!(
                            "example {:?} no longer fires rule \"{rule}\" (run `signpost check --crisis-explain` with it to see why)",
                            e.text
                        ),
                    ));
                }
                None if !d.is_empty() => problems.push(Problem::error(
                    &e.path,
                    e.line,
                    ProblemKind::CrisisExample,
                    format!(
                        "near-miss {:?} fires {}; add an exception or narrow the rule",
                        e.text,
                        d.rule_ids().join(", ")
                    ),
                )),
                _ => {}
            }
        }
    }
}

/// `dialogues/crisis/<tag>.toml`.
pub fn rules_path(tag: &str) -> PathBuf {
    Path::new("dialogues")
        .join(RULES_DIR)
        .join(format!("{tag}.toml"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCrisis {
    schema: Spanned<u32>,
    resume: String,
    routes: RawRoutes,
    ask: Ask,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoutes {
    #[serde(rename = "self")]
    self_route: Route,
    danger: Route,
}

/// `dialogues/crisis.toml` alone, before the rules are loaded.
pub struct Replies {
    resume: String,
    self_route: Route,
    danger_route: Route,
    ask: Ask,
}

/// Parses `dialogues/crisis.toml`.
pub fn parse_replies(path: &Path, source: &str) -> Result<Replies, Problem> {
    if let Ok(v) = toml::from_str::<toml::Table>(source)
        && v.get("schema").and_then(toml::Value::as_integer) == Some(1)
    {
        return Err(Problem::error(
            path,
            1,
            ProblemKind::UnsupportedSchema,
            "schema 1 (one list of regular expressions) is no longer read: the rules now live in dialogues/crisis/<language>.toml and this file holds the replies (schema 2); see README, \"Crisis words\"",
        ));
    }
    let raw: RawCrisis = parse_toml_schema(path, source, |r: &RawCrisis| &r.schema, SCHEMA)?;
    Ok(Replies {
        resume: raw.resume,
        self_route: raw.routes.self_route,
        danger_route: raw.routes.danger,
        ask: raw.ask,
    })
}

/// Builds the interrupt from its replies and every language's rule file.
pub fn build(replies: Replies, files: Vec<RuleFile>) -> Crisis {
    let mut paths = BTreeMap::new();
    let mut examples = Vec::new();
    let mut specs = Vec::with_capacity(files.len());
    for f in files {
        paths.insert(f.rules.tag.clone(), f.path);
        examples.extend(f.examples);
        specs.push(f.rules);
    }
    Crisis {
        resume: replies.resume,
        self_route: replies.self_route,
        danger_route: replies.danger_route,
        ask: replies.ask,
        detector: Detector::from_packed(specs),
        files: paths,
        examples,
    }
}
