//! The crisis detector: deterministic rules per language, run on everything a person types,
//! in every language at once (people mix them).
//!
//! A message is [normalised](normalise) first, then every language's exceptions (idioms,
//! titles, talk of someone else's death) are blanked out, then each language's rules run: a rule fires on any of its
//! phrases, or when all of its parts appear within a few words of each other. Every hit names
//! its language, rule and reason, so a clinical safety officer can read why a message fired.
//! Rules come from `dialogues/crisis/*.toml` (see [`crate::content::crisis`]).

pub mod matcher;
pub mod normalise;
pub mod phrase;
pub mod report;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

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
    /// Every part (each a phrase), in any order, within `near` words of each other.
    All {
        /// The parts.
        parts: Vec<Phrase>,
        /// The widest span, in words, from the first part's start to the last's.
        near: usize,
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

#[derive(Debug)]
enum Compiled {
    Any(Vec<u32>),
    All { parts: Vec<u32>, near: usize },
}

#[derive(Debug)]
struct Rule {
    lang: usize,
    id: String,
    kind: Kind,
    ask: bool,
    why: String,
    shape: Compiled,
}

#[derive(Debug)]
struct Lang {
    tag: String,
    view: View,
    lists: Lists,
}

/// A phrase of a rule or an exception, with its language (for its lists).
#[derive(Debug)]
struct Pattern {
    lang: usize,
    seq: phrase::Seq,
}

/// An exception: why, and its patterns.
#[derive(Debug)]
struct Exception {
    lang: usize,
    why: String,
    patterns: Vec<u32>,
}

/// Compiled rules of every language.
#[derive(Debug)]
pub struct Detector {
    langs: Vec<Lang>,
    rules: Vec<Rule>,
    patterns: Vec<Pattern>,
    exceptions: Vec<Exception>,
    /// Rule phrases by their first words, per view.
    rule_index: Vec<matcher::Index>,
    /// The rule of each pattern (`None` for an exception's).
    rule_of: Vec<Option<usize>>,
    /// Exception phrases by their first words, per view. An idiom or a title in one language
    /// is set aside for the rules of all (a Turkish "intihar önleme" is not a crisis for the
    /// Arabic rules).
    except_index: Vec<matcher::Index>,
}

/// A phrase found: which, and the words it spans.
#[derive(Debug, Clone, Copy)]
struct Found {
    pattern: u32,
    start: usize,
    end: usize,
}

impl Detector {
    /// Compiles the rules of every language.
    pub fn new(specs: &[LanguageSpec]) -> Detector {
        let mut d = Detector {
            langs: Vec::new(),
            rules: Vec::new(),
            patterns: Vec::new(),
            exceptions: Vec::new(),
            rule_index: View::ALL
                .iter()
                .map(|_| matcher::Index::default())
                .collect(),
            rule_of: Vec::new(),
            except_index: View::ALL
                .iter()
                .map(|_| matcher::Index::default())
                .collect(),
        };
        for spec in specs {
            let lang = d.langs.len();
            let v = spec.view.index();
            d.langs.push(Lang {
                tag: spec.tag.clone(),
                view: spec.view,
                lists: spec.lists.clone(),
            });
            for x in &spec.exceptions {
                let patterns = x.phrases.iter().map(|p| d.add(lang, p, v, true)).collect();
                d.exceptions.push(Exception {
                    lang,
                    why: x.why.clone(),
                    patterns,
                });
            }
            for r in &spec.rules {
                let shape = match &r.shape {
                    Shape::Any(phrases) => {
                        Compiled::Any(phrases.iter().map(|p| d.add(lang, p, v, false)).collect())
                    }
                    Shape::All { parts, near } => Compiled::All {
                        parts: parts.iter().map(|p| d.add(lang, p, v, false)).collect(),
                        near: *near,
                    },
                };
                d.rules.push(Rule {
                    lang,
                    id: r.id.clone(),
                    kind: r.kind,
                    ask: r.ask,
                    why: r.why.clone(),
                    shape,
                });
            }
        }
        for index in d.rule_index.iter_mut().chain(&mut d.except_index) {
            index.finish();
        }
        d
    }

    fn add(&mut self, lang: usize, p: &Phrase, v: usize, exception: bool) -> u32 {
        let id = self.patterns.len() as u32;
        let index = if exception {
            &mut self.except_index[v]
        } else {
            &mut self.rule_index[v]
        };
        index.add(id, &p.seq, &self.langs[lang].lists);
        self.patterns.push(Pattern {
            lang,
            seq: p.seq.clone(),
        });
        self.rule_of.push((!exception).then_some(self.rules.len()));
        id
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

    /// What fired in `text`.
    pub fn detect(&self, text: &str) -> Detection {
        self.run(text, None)
    }

    /// Why `text` fired or not, line by line, for a reader: the normalised text, what the
    /// exceptions set aside, and each rule that fired with its reason and the words it matched.
    pub fn explain(&self, text: &str) -> String {
        let mut lines = Vec::new();
        self.run(text, Some(&mut lines));
        if lines.iter().all(|l| !l.starts_with("fired")) {
            lines.push("nothing fired".to_string());
        }
        lines.join("\n")
    }

    /// Every phrase of `index` found in the words of each view.
    fn scan(&self, index: &[matcher::Index], views: &[Vec<&str>]) -> Vec<Found> {
        let mut found = Vec::new();
        for (v, words) in views.iter().enumerate() {
            let text = matcher::Text::new(words);
            for (id, starts) in index[v].starts(words) {
                let p = &self.patterns[id as usize];
                for i in starts {
                    if let Some(end) = matcher::longest(&p.seq, &self.langs[p.lang].lists, &text, i)
                    {
                        found.push(Found {
                            pattern: id,
                            start: i,
                            end,
                        });
                    }
                }
            }
        }
        found.sort_unstable_by_key(|f| (f.pattern, f.start));
        found
    }

    fn run(&self, text: &str, mut explain: Option<&mut Vec<String>>) -> Detection {
        let texts = normalise::views(text);
        let mut views: Vec<Vec<&str>> = texts
            .iter()
            .map(|t| normalise::tokens(t).collect())
            .collect();
        if let Some(out) = explain.as_deref_mut() {
            for v in View::ALL {
                out.push(format!("read ({v:?}): {}", views[v.index()].join(" ")));
            }
        }
        let mut found = self.scan(&self.rule_index, &views);
        if found.is_empty() {
            return Detection::default();
        }
        // Something may fire: set aside what the exceptions match, and look again.
        let set_aside = self.scan(&self.except_index, &views);
        if !set_aside.is_empty() {
            let mut blank = vec![false; views[0].len()];
            for f in &set_aside {
                blank[f.start..f.end].iter_mut().for_each(|b| *b = true);
            }
            if let Some(out) = explain.as_deref_mut() {
                for x in &self.exceptions {
                    for f in set_aside.iter().filter(|f| x.patterns.contains(&f.pattern)) {
                        let v = self.langs[self.patterns[f.pattern as usize].lang]
                            .view
                            .index();
                        out.push(format!(
                            "set aside by a {} exception ({}): {}",
                            self.langs[x.lang].tag,
                            x.why,
                            views[v][f.start..f.end].join(" ")
                        ));
                    }
                }
            }
            for words in &mut views {
                for (w, b) in words.iter_mut().zip(&blank) {
                    if *b {
                        *w = "_";
                    }
                }
            }
            // Setting words aside can only undo matches, never make one: look again only
            // at those that touch a word set aside.
            let texts: Vec<matcher::Text> = views.iter().map(|w| matcher::Text::new(w)).collect();
            found.retain_mut(|f| {
                if !blank[f.start..f.end].contains(&true) {
                    return true;
                }
                let p = &self.patterns[f.pattern as usize];
                let lang = &self.langs[p.lang];
                match matcher::longest(&p.seq, &lang.lists, &texts[lang.view.index()], f.start) {
                    Some(end) => {
                        f.end = end;
                        true
                    }
                    None => false,
                }
            });
        }
        let mut candidates: Vec<usize> = found
            .iter()
            .filter_map(|f| self.rule_of[f.pattern as usize])
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut hits = Vec::new();
        for rule in candidates.into_iter().map(|r| &self.rules[r]) {
            let lang = &self.langs[rule.lang];
            let words = &views[lang.view.index()];
            let of = |p: &u32| {
                let p = *p;
                let from = found.partition_point(|f| f.pattern < p);
                found[from..].iter().take_while(move |f| f.pattern == p)
            };
            let fired: Option<String> = match &rule.shape {
                Compiled::Any(ps) => ps
                    .iter()
                    .find_map(|p| of(p).next())
                    .map(|f| words[f.start..f.end].join(" ")),
                Compiled::All { parts, near } => {
                    let starts: Vec<Vec<usize>> = parts
                        .iter()
                        .map(|p| of(p).map(|f| f.start).collect())
                        .collect();
                    within(&starts, *near).then(|| {
                        parts
                            .iter()
                            .filter_map(|p| of(p).next())
                            .map(|f| words[f.start..f.end].join(" "))
                            .collect::<Vec<_>>()
                            .join(" + ")
                    })
                }
            };
            let Some(words) = fired else { continue };
            if let Some(out) = explain.as_deref_mut() {
                out.push(format!(
                    "fired {}/{} ({}{}): {} [{words}]",
                    lang.tag,
                    rule.id,
                    rule.kind.as_str(),
                    if rule.ask { ", ask" } else { "" },
                    rule.why,
                ));
            }
            hits.push(Hit {
                lang: lang.tag.clone(),
                rule: rule.id.clone(),
                kind: rule.kind,
                ask: rule.ask,
            });
        }
        Detection { hits }
    }
}

/// Whether one start of every part lies within `near` words of the others.
fn within(starts: &[Vec<usize>], near: usize) -> bool {
    if starts.iter().any(Vec::is_empty) {
        return false;
    }
    let mut events: Vec<(usize, usize)> = starts
        .iter()
        .enumerate()
        .flat_map(|(k, s)| s.iter().map(move |&i| (i, k)))
        .collect();
    events.sort_unstable();
    // Smallest window holding every part: two pointers over the sorted starts.
    let n = starts.len();
    let mut count = vec![0usize; n];
    let mut have = 0;
    let mut left = 0;
    for right in 0..events.len() {
        let (_, k) = events[right];
        if count[k] == 0 {
            have += 1;
        }
        count[k] += 1;
        while have == n {
            if events[right].0 - events[left].0 <= near {
                return true;
            }
            let (_, j) = events[left];
            count[j] -= 1;
            if count[j] == 0 {
                have -= 1;
            }
            left += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use phrase::{Compiler, Words};

    fn detector() -> Detector {
        let mut words = Words::new();
        words.insert("pills".into(), vec!["pills".into(), "tablets".into()]);
        words.insert("time".into(), vec!["tonight".into(), "this weekend".into()]);
        let mut compiler = Compiler::new(&words, View::Plain);
        let mut c = |p: &str| compiler.phrase(p).expect(p);
        let kill = vec![c("kill* myself"), c("kms")];
        let pills = vec![c("@pills"), c("@time")];
        let threat = vec![c("(he | she) ~ kill me")];
        let cant = vec![c("cant do this any more")];
        let idiom = vec![c("kill me if i fail*")];
        Detector::new(&[LanguageSpec {
            tag: "en-GB".into(),
            view: View::Plain,
            lists: compiler.lists(),
            rules: vec![
                RuleSpec {
                    id: "kill-myself".into(),
                    kind: Kind::SelfHarm,
                    ask: false,
                    why: "says they want to kill themself".into(),
                    shape: Shape::Any(kill),
                },
                RuleSpec {
                    id: "pills-and-time".into(),
                    kind: Kind::SelfHarm,
                    ask: false,
                    why: "a method and a time".into(),
                    shape: Shape::All {
                        parts: pills,
                        near: 6,
                    },
                },
                RuleSpec {
                    id: "threat".into(),
                    kind: Kind::Danger,
                    ask: false,
                    why: "someone threatens to kill them".into(),
                    shape: Shape::Any(threat),
                },
                RuleSpec {
                    id: "cant-go-on".into(),
                    kind: Kind::SelfHarm,
                    ask: true,
                    why: "worrying but not clear".into(),
                    shape: Shape::Any(cant),
                },
            ],
            exceptions: vec![ExceptionSpec {
                why: "an idiom".into(),
                phrases: idiom,
            }],
        }])
    }

    #[test]
    fn rules_fire_by_kind_and_certainty() {
        let d = detector();
        let hit = d.detect("I'm going to KILL MYSELF");
        assert_eq!(hit.clear(), BTreeSet::from([Kind::SelfHarm]));
        assert_eq!(hit.rule_ids(), ["en-GB/kill-myself"]);
        let threat = d.detect("he said he will kill me");
        assert_eq!(threat.clear(), BTreeSet::from([Kind::Danger]));
        let unsure = d.detect("i cant do this any more");
        assert!(unsure.clear().is_empty());
        assert_eq!(unsure.unsure(), BTreeSet::from([Kind::SelfHarm]));
        assert!(d.detect("my skills are killing it").is_empty());
    }

    #[test]
    fn parts_must_be_near_each_other() {
        let d = detector();
        assert!(!d.detect("saved my pills for tonight").is_empty());
        assert!(!d.detect("tonight... the pills").is_empty());
        assert!(
            d.detect("I take my blood pressure tablets every morning and I go to bingo on a Friday night, but not tonight")
                .is_empty()
        );
    }

    #[test]
    fn exceptions_set_aside_only_their_own_words() {
        let d = detector();
        assert!(d.detect("she will kill me if I fail my exams").is_empty());
        let both = d.detect("she will kill me if I fail. honestly he will kill me");
        assert_eq!(both.clear(), BTreeSet::from([Kind::Danger]));
        let why = d.explain("she will kill me if I fail");
        assert!(
            why.contains("set aside by a en-GB exception (an idiom): kil me if i fail"),
            "{why}"
        );
        assert!(why.contains("nothing fired"), "{why}");
    }

    #[test]
    fn explain_names_the_rule_and_the_words() {
        let why = detector().explain("gonna kms tonight");
        assert!(
            why.contains("fired en-GB/kill-myself (self): says they want to kill themself [kms]"),
            "{why}"
        );
    }

    #[test]
    fn a_long_message_is_read_to_the_end() {
        let long = format!(
            "{} i want to kill myself",
            "ordinary words here ".repeat(600)
        );
        assert!(!detector().detect(&long).is_empty());
    }
}
