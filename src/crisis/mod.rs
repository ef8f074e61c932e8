//! The crisis detector: deterministic rules per language, run on everything a person types,
//! in every language at once (people mix them).
//!
//! A message is [normalised](normalise) first, then every language's exceptions (idioms,
//! titles, talk of someone else's death) are blanked out, then each language's rules run: a rule fires on any of its
//! phrases, or when all of its parts appear within a few words of each other. Every hit names
//! its language, rule and reason, so a clinical safety officer can read why a message fired.
//! Rules come from `dialogues/crisis/*.toml` (see [`crate::content::crisis`]).

mod detector;
mod lists;
pub mod matcher;
pub mod normalise;
pub mod phrase;
pub mod report;
#[cfg(test)]
mod tests;
mod trie;
mod word_index;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

pub use detector::Detector;
pub use normalise::View;
use phrase::{Lists, Phrase};

/// What kind of danger a message speaks of; each has its own emergency routes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// Risk to the person's own life or safety: suicidal thoughts, plans, self-harm.
    #[serde(rename = "self")]
    SelfHarm,
    /// Danger from another person: abuse, threats, being held, forced marriage, a child hurt.
    #[serde(rename = "danger")]
    Danger,
}

impl Kind {
    /// Every kind, in the order their replies are shown.
    pub const ALL: [Kind; 2] = [Kind::SelfHarm, Kind::Danger];

    /// The name used in rule files, reports and stored records.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::SelfHarm => "self",
            Kind::Danger => "danger",
        }
    }

    /// The kind named `s` in a rule file.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// How a rule matches, with its phrases parsed by a [`phrase::Compiler`].
#[derive(Debug, Clone)]
pub enum Shape {
    /// Any one of these phrases.
    Any(Vec<Phrase>),
    /// Parts (each a phrase) found in any order within `near` words of each other, whose
    /// weights add up to `enough` or more (every part, each weighing 1, unless the rule says).
    All {
        /// The parts, each with its weight.
        parts: Vec<(Phrase, u32)>,
        /// The widest span, in words, from the first part's start to the last's.
        near: usize,
        /// The total weight that fires.
        enough: u32,
    },
}

/// One rule, ready to compile.
#[derive(Debug, Clone)]
pub struct RuleSpec {
    /// Unique within its language.
    pub id: String,
    /// The danger it speaks of.
    pub kind: Kind,
    /// Worrying but not clear: ask rather than show the emergency routes at once.
    pub ask: bool,
    /// Why it fires, for a reader.
    pub why: String,
    /// How it matches.
    pub shape: Shape,
}

/// One exception, ready to compile.
#[derive(Debug, Clone)]
pub struct ExceptionSpec {
    /// Why these words are not a crisis, for a reader.
    pub why: String,
    /// Its phrases.
    pub phrases: Vec<Phrase>,
}

/// A language's rules, ready to compile.
#[derive(Debug, Clone)]
pub struct LanguageSpec {
    /// Its language tag (`en-GB`, `bn`).
    pub tag: String,
    /// The reading of the text its phrases were parsed for.
    pub view: View,
    /// The `[words]` lists its phrases name.
    pub lists: Lists,
    /// The rules.
    pub rules: Vec<RuleSpec>,
    /// Exceptions: the words their phrases match are set aside for every language's rules.
    pub exceptions: Vec<ExceptionSpec>,
}

/// One rule that fired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The rule's language.
    pub lang: String,
    /// The rule's id.
    pub rule: String,
    /// The danger it speaks of.
    pub kind: Kind,
    /// True for a rule that asks rather than fires.
    pub ask: bool,
}

/// What the detector found in one message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detection {
    /// Every rule that fired, in rule-file order.
    pub hits: Vec<Hit>,
}

impl Detection {
    /// Kinds with a clear hit: show their emergency routes at once.
    pub fn clear(&self) -> BTreeSet<Kind> {
        self.hits
            .iter()
            .filter(|h| !h.ask)
            .map(|h| h.kind)
            .collect()
    }

    /// Kinds with only an unsure hit: ask.
    pub fn unsure(&self) -> BTreeSet<Kind> {
        let clear = self.clear();
        self.hits
            .iter()
            .filter(|h| h.ask && !clear.contains(&h.kind))
            .map(|h| h.kind)
            .collect()
    }

    /// Nothing fired.
    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// The languages of the rules that fired, first seen first.
    pub fn languages(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for h in &self.hits {
            if !out.contains(&h.lang.as_str()) {
                out.push(&h.lang);
            }
        }
        out
    }

    /// `lang/rule` of each hit, for logs and stored records (no words of the message).
    pub fn rule_ids(&self) -> Vec<String> {
        self.hits
            .iter()
            .map(|h| format!("{}/{}", h.lang, h.rule))
            .collect()
    }
}
