//! Rules as read from the rule files, ready to compile into a [`Detector`](super::Detector):
//! each language's rules, exceptions and word lists.

use serde::{Deserialize, Serialize};

use super::arena::{Arena, Span};
use super::lists::Lists;
use super::normalise::View;
use super::pattern::Phrase;

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

/// How a rule matches, with its phrases parsed by a [`Compiler`](super::phrase::Compiler)
/// (or packed, see [`PackedLanguage`]).
#[derive(Debug, Clone)]
pub enum Shape<P = Phrase> {
    /// Any one of these phrases.
    Any(Vec<P>),
    /// Parts (each a phrase) found in any order within `near` words of each other, whose
    /// weights add up to `enough` or more (every part, each weighing 1, unless the rule says).
    All {
        /// The parts, each with its weight.
        parts: Vec<(P, u32)>,
        /// The widest span, in words, from the first part's start to the last's.
        near: usize,
        /// The total weight that fires.
        enough: u32,
    },
}

/// One rule, ready to compile.
#[derive(Debug, Clone)]
pub struct RuleSpec<P = Phrase> {
    /// Unique within its language.
    pub id: String,
    /// The danger it speaks of.
    pub kind: Kind,
    /// Worrying but not clear: ask rather than show the emergency routes at once.
    pub ask: bool,
    /// Why it fires, for a reader.
    pub why: String,
    /// How it matches.
    pub shape: Shape<P>,
}

/// One exception, ready to compile.
#[derive(Debug, Clone)]
pub struct ExceptionSpec<P = Phrase> {
    /// Why these words are not a crisis, for a reader.
    pub why: String,
    /// Its phrases.
    pub phrases: Vec<P>,
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

impl LanguageSpec {
    /// These rules packed, so a loader holds the parsed form of one rule file at a time.
    pub fn pack(self) -> PackedLanguage {
        let mut phrases = Arena::default();
        let mut pack = |p: Phrase| phrases.pack(&p.seq);
        let rules = self
            .rules
            .into_iter()
            .map(|r| RuleSpec {
                id: r.id,
                kind: r.kind,
                ask: r.ask,
                why: r.why,
                shape: match r.shape {
                    Shape::Any(ps) => Shape::Any(ps.into_iter().map(&mut pack).collect()),
                    Shape::All {
                        parts,
                        near,
                        enough,
                    } => Shape::All {
                        parts: parts.into_iter().map(|(p, w)| (pack(p), w)).collect(),
                        near,
                        enough,
                    },
                },
            })
            .collect();
        let exceptions = self
            .exceptions
            .into_iter()
            .map(|x| ExceptionSpec {
                why: x.why,
                phrases: x.phrases.into_iter().map(&mut pack).collect(),
            })
            .collect();
        let mut lists = self.lists;
        lists.pack();
        phrases.shrink_to_fit();
        PackedLanguage {
            tag: self.tag,
            view: self.view,
            lists,
            phrases,
            rules,
            exceptions,
        }
    }
}

/// A language's rules packed, their exact words not yet numbered (see
/// [`Detector::from_packed`](super::Detector::from_packed)).
#[derive(Debug, Clone)]
pub struct PackedLanguage {
    /// Its language tag.
    pub tag: String,
    pub(super) view: View,
    pub(super) lists: Lists,
    /// The phrases of its rules and exceptions.
    pub(super) phrases: Arena,
    pub(super) rules: Vec<RuleSpec<Span>>,
    pub(super) exceptions: Vec<ExceptionSpec<Span>>,
}
