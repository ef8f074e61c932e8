//! Compiling every language's rules into one [`Detector`]; running it on a message is
//! [`super::scan`]'s job.

use super::arena::{Arena, Span};
use super::lists::Lists;
use super::normalise::View;
use super::spec::{Kind, LanguageSpec, PackedLanguage, Shape};
use super::start_index::Index;
use super::vocab::Vocab;

/// How a compiled rule matches: its phrases by pattern number.
#[derive(Debug)]
pub(super) enum Compiled {
    /// Any one of these patterns.
    Any(Vec<u32>),
    /// Patterns with weights, near enough to each other and weighing enough in all.
    All {
        /// Each part's pattern and weight.
        parts: Vec<(u32, u32)>,
        /// The widest span, in words.
        near: usize,
        /// The total weight that fires.
        enough: u32,
    },
}

/// A compiled rule.
#[derive(Debug)]
pub(super) struct Rule {
    /// Its language, by index.
    pub(super) lang: usize,
    /// Its id.
    pub(super) id: String,
    /// The danger it speaks of.
    pub(super) kind: Kind,
    /// Ask rather than fire.
    pub(super) ask: bool,
    /// Why it fires, for a reader.
    pub(super) why: String,
    /// How it matches.
    pub(super) shape: Compiled,
}

/// A language: its tag, its reading of the text, its word lists and its rules' and
/// exceptions' phrases (numbered and packed).
#[derive(Debug)]
pub(super) struct Lang {
    pub(super) tag: String,
    pub(super) view: View,
    pub(super) lists: Lists,
    pub(super) phrases: Arena,
}

/// A phrase of a rule or an exception: its language, and its sequence in that language's
/// phrases.
#[derive(Debug)]
pub(super) struct Pattern {
    pub(super) lang: usize,
    pub(super) seq: Span,
}

/// An exception: why, and its patterns.
#[derive(Debug)]
pub(super) struct Exception {
    pub(super) lang: usize,
    pub(super) why: String,
    pub(super) patterns: Vec<u32>,
}

/// Compiled rules of every language.
#[derive(Debug)]
pub struct Detector {
    pub(super) langs: Vec<Lang>,
    pub(super) rules: Vec<Rule>,
    pub(super) patterns: Vec<Pattern>,
    pub(super) exceptions: Vec<Exception>,
    /// Rule phrases by their first words, per view.
    pub(super) rule_index: Vec<Index>,
    /// The rule of each pattern (`None` for an exception's).
    pub(super) rule_of: Vec<Option<usize>>,
    /// Exception phrases by their first words, per view. An idiom or a title in one language
    /// is set aside for the rules of all (a Turkish "intihar önleme" is not a crisis for the
    /// Arabic rules).
    pub(super) except_index: Vec<Index>,
    /// Every exact word of every language's rules, numbered.
    pub(super) vocab: Vocab,
}

impl Detector {
    /// Compiles the rules of every language.
    pub fn new<'a>(specs: impl IntoIterator<Item = &'a LanguageSpec>) -> Detector {
        Detector::from_specs(specs.into_iter().cloned())
    }

    /// Compiles the rules of every language, taking them: their phrases are packed and become
    /// the detector's, so loading never holds two copies.
    pub fn from_specs(specs: impl IntoIterator<Item = LanguageSpec>) -> Detector {
        Detector::from_packed(specs.into_iter().map(LanguageSpec::pack))
    }

    /// Compiles the rules of every language, packed already.
    pub fn from_packed(languages: impl IntoIterator<Item = PackedLanguage>) -> Detector {
        let mut d = Detector {
            langs: Vec::new(),
            rules: Vec::new(),
            patterns: Vec::new(),
            exceptions: Vec::new(),
            rule_index: View::ALL.iter().map(|_| Index::default()).collect(),
            rule_of: Vec::new(),
            vocab: Vocab::default(),
            except_index: View::ALL.iter().map(|_| Index::default()).collect(),
        };
        for spec in languages {
            let lang = d.langs.len();
            let v = spec.view.index();
            let mut phrases = spec.phrases;
            d.vocab.number(&mut phrases);
            phrases.shrink_to_fit();
            d.langs.push(Lang {
                tag: spec.tag,
                view: spec.view,
                lists: spec.lists.numbered(&mut d.vocab),
                phrases,
            });
            for x in spec.exceptions {
                let patterns = x
                    .phrases
                    .into_iter()
                    .map(|p| d.add(lang, p, v, true))
                    .collect();
                d.exceptions.push(Exception {
                    lang,
                    why: x.why,
                    patterns,
                });
            }
            for r in spec.rules {
                let shape = match r.shape {
                    Shape::Any(phrases) => Compiled::Any(
                        phrases
                            .into_iter()
                            .map(|p| d.add(lang, p, v, false))
                            .collect(),
                    ),
                    Shape::All {
                        parts,
                        near,
                        enough,
                    } => Compiled::All {
                        parts: parts
                            .into_iter()
                            .map(|(p, w)| (d.add(lang, p, v, false), w))
                            .collect(),
                        near,
                        enough,
                    },
                };
                d.rules.push(Rule {
                    lang,
                    id: r.id,
                    kind: r.kind,
                    ask: r.ask,
                    why: r.why,
                    shape,
                });
            }
        }
        for index in d.rule_index.iter_mut().chain(&mut d.except_index) {
            index.finish();
        }
        d.patterns.shrink_to_fit();
        d.rule_of.shrink_to_fit();
        d.vocab.shrink_to_fit();
        d
    }

    /// Adds phrase `seq` of language `lang` (in its phrases, numbered) as the next pattern.
    fn add(&mut self, lang: usize, seq: Span, v: usize, exception: bool) -> u32 {
        let id = self.patterns.len() as u32;
        let index = if exception {
            &mut self.except_index[v]
        } else {
            &mut self.rule_index[v]
        };
        let Lang { lists, phrases, .. } = &self.langs[lang];
        index.add_packed(id, phrases, seq, lists);
        self.patterns.push(Pattern { lang, seq });
        self.rule_of.push((!exception).then_some(self.rules.len()));
        id
    }

    /// The reading of the text `lang`'s rules are written for.
    pub fn view_of(&self, lang: &str) -> Option<View> {
        self.langs.iter().find(|l| l.tag == lang).map(|l| l.view)
    }

    /// Languages with rules.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.langs.iter().map(|l| l.tag.as_str())
    }

    /// Rules of `lang` as `(id, kind, ask)`.
    pub fn rules_of(&self, lang: &str) -> impl Iterator<Item = (&str, Kind, bool)> {
        self.rules
            .iter()
            .filter(move |r| self.langs[r.lang].tag == lang)
            .map(|r| (r.id.as_str(), r.kind, r.ask))
    }
}
