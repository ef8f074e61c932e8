//! Synonyms: each message's `.aliases` as people may type them in a language (its own and
//! English's, joined once at load), and the check for words that would be ambiguous (the same
//! words for two buttons of one question, within one language).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::locales::{DEFAULT_LANGUAGE, Language, Locales};
use super::{Content, NodeKind, Problem, ProblemKind};
use crate::engine::fold;

/// The words a button answers to besides its label: shared, since every prompt carries them.
pub type Aliases = std::sync::Arc<[String]>;

impl Locales {
    /// The languages, each with the synonyms typed in it (its own and English's) joined once.
    pub(super) fn of(mut languages: Vec<Language>) -> Locales {
        let english: BTreeMap<String, Vec<String>> = languages
            .iter()
            .filter(|l| l.tag == DEFAULT_LANGUAGE)
            .flat_map(|l| l.messages.iter())
            .filter(|(_, m)| !m.aliases.is_empty())
            .map(|(id, m)| (id.clone(), m.aliases.clone()))
            .collect();
        for l in &mut languages {
            let own = l.tag != DEFAULT_LANGUAGE;
            let ids: BTreeSet<&String> = l
                .messages
                .iter()
                .filter(|(_, m)| !m.aliases.is_empty())
                .map(|(id, _)| id)
                .chain(english.keys())
                .collect();
            l.typed = ids
                .into_iter()
                .map(|id| {
                    let mut all = l.aliases(id).to_vec();
                    if own {
                        all.extend(english.get(id).into_iter().flatten().cloned());
                    }
                    (id.clone(), Aliases::from(all))
                })
                .collect();
        }
        Locales { languages }
    }

    /// The synonyms of message `id` (its `.aliases` attribute) in `lang` and in the default
    /// language: people type English words in any language.
    pub fn aliases(&self, lang: &str, id: &str) -> Aliases {
        self.get(lang)
            .or_else(|| self.get(DEFAULT_LANGUAGE))
            .and_then(|l| l.typed.get(id))
            .cloned()
            .unwrap_or_default()
    }
}

impl Language {
    /// The synonyms of message `id` in this language only.
    pub fn aliases(&self, id: &str) -> &[String] {
        self.messages.get(id).map_or(&[], |m| m.aliases.as_slice())
    }
}

impl Content {
    /// Warns where two buttons of one question answer to the same words (a label, an id or a
    /// synonym), at the synonym's message in that language: typing them asks which was meant.
    pub(super) fn check_synonyms(&self, problems: &mut Vec<Problem>) {
        let mut reported = BTreeSet::new();
        for f in &self.flows {
            for n in &f.nodes {
                let choices = match &n.kind {
                    NodeKind::Choice { choices, .. } | NodeKind::MultiChoice { choices, .. } => {
                        choices
                    }
                    NodeKind::Text { .. }
                    | NodeKind::Practice { .. }
                    | NodeKind::Message { .. }
                    | NodeKind::Switch { .. }
                    | NodeKind::Summary { .. }
                    | NodeKind::Signpost { .. }
                    | NodeKind::QueueCallback { .. }
                    | NodeKind::End => continue,
                };
                for lang in &self.locales.languages {
                    // Words → the first button they belong to.
                    let mut owner: BTreeMap<String, &str> = BTreeMap::new();
                    for c in choices {
                        let label = self.locales.format(&lang.tag, &c.label, &[]);
                        let words = std::iter::once(label)
                            .chain(std::iter::once(c.id.clone()))
                            // The language's own words: an English synonym clashing with
                            // another language's word (Polish "no" is often "yes") is
                            // deliberately ambiguous there, so asked about.
                            .chain(lang.aliases(&c.label).iter().cloned())
                            .map(|w| fold(&w))
                            .filter(|w| !w.is_empty())
                            .collect::<BTreeSet<_>>();
                        for w in words {
                            match owner.get(&w) {
                                Some(other) if *other != c.id => {
                                    if !reported.insert((n.id.clone(), c.id.clone(), w.clone())) {
                                        continue;
                                    }
                                    let (path, line) = lang
                                        .messages
                                        .get(&c.label)
                                        .map(|m| (m.path.clone(), m.line))
                                        .unwrap_or_else(|| (PathBuf::from("locales"), 0));
                                    problems.push(Problem::warning(
                                        &path,
                                        line,
                                        ProblemKind::SharedSynonym,
                                        format!(
                                            "\"{}\" answers both \"{other}\" and \"{}\" at node \"{}\" ({}): typing it will ask which was meant; keep it on one of them",
                                            w.split_whitespace().collect::<Vec<_>>().join(" "),
                                            c.id,
                                            n.id,
                                            lang.tag
                                        ),
                                    ));
                                }
                                Some(_) => {}
                                None => {
                                    owner.insert(w, &c.id);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
