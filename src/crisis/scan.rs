//! Running the [`Detector`] on a message: every language's phrases found in each reading of
//! the text, what the exceptions set aside, and the rules that fire (with the reasons, for
//! `explain`).

use super::detection::{Detection, Hit};
use super::detector::{Compiled, Detector, Rule};
use super::matcher::{Text, longest_in};
use super::normalise::{View, tokens, views};
use super::start_index::Index;
use super::vocab::Vocab;

/// A phrase found: which, the words it spans, and those written words matched (not gaps).
#[derive(Debug, Clone, Copy)]
struct Found {
    pattern: u32,
    start: usize,
    end: usize,
    used: u128,
}

impl Detector {
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

    /// Every phrase of `index` found in the text of each view. A rule's phrase is tried only when the phrases its rule needs
    /// can all start somewhere (or, weighted, enough of them).
    fn scan(&self, index: &[Index], texts: &[Text]) -> Vec<Found> {
        let starts: Vec<Vec<(u32, u32)>> = texts
            .iter()
            .enumerate()
            .map(|(v, text)| index[v].starts(text))
            .collect();
        let mut may_start: Vec<u32> = starts.iter().flatten().map(|(id, _)| *id).collect();
        may_start.sort_unstable();
        may_start.dedup();
        // Per rule: 0 not yet known, 1 may fire, 2 cannot.
        let mut verdict = vec![0u8; self.rules.len()];
        let mut found = Vec::new();
        for (v, starts) in starts.iter().enumerate() {
            for group in starts.chunk_by(|a, b| a.0 == b.0) {
                let id = group[0].0;
                if let Some(rule) = self.rule_of[id as usize] {
                    if verdict[rule] == 0 {
                        verdict[rule] = if self.may_fire(&self.rules[rule], &may_start) {
                            1
                        } else {
                            2
                        };
                    }
                    if verdict[rule] == 2 {
                        continue;
                    }
                }
                let p = &self.patterns[id as usize];
                let lang = &self.langs[p.lang];
                for &(_, i) in group {
                    let i = i as usize;
                    if let Some(m) = longest_in(&lang.phrases, p.seq, &lang.lists, &texts[v], i) {
                        found.push(Found {
                            pattern: id,
                            start: i,
                            end: m.end,
                            used: m.used,
                        });
                    }
                }
            }
        }
        found.sort_unstable_by_key(|f| (f.pattern, f.start));
        found
    }

    /// Whether `rule` could fire with the phrases that `may_start` (sorted).
    fn may_fire(&self, rule: &Rule, may_start: &[u32]) -> bool {
        match &rule.shape {
            Compiled::Any(_) => true,
            Compiled::All { parts, enough, .. } => {
                parts
                    .iter()
                    .filter(|(p, _)| may_start.binary_search(p).is_ok())
                    .map(|(_, w)| w)
                    .sum::<u32>()
                    >= *enough
            }
        }
    }

    fn run(&self, text: &str, mut explain: Option<&mut Vec<String>>) -> Detection {
        let texts = views(text);
        let mut views: Vec<Vec<&str>> = texts.iter().map(|t| tokens(t).collect()).collect();
        if let Some(out) = explain.as_deref_mut() {
            for v in View::ALL {
                out.push(format!("read ({v:?}): {}", views[v.index()].join(" ")));
            }
        }
        let mut ids: Vec<Vec<u32>> = views
            .iter()
            .map(|words| words.iter().map(|w| self.vocab.id(w)).collect())
            .collect();
        let (mut found, set_aside) = {
            let texts: Vec<Text> = views
                .iter()
                .zip(&ids)
                .map(|(words, ids)| Text::with_ids(words, ids.clone()))
                .collect();
            let found = self.scan(&self.rule_index, &texts);
            // Exceptions only ever undo matches: when nothing fires without them, nothing will.
            if found.is_empty() || (explain.is_none() && !self.fire(&found, &views, None)) {
                return Detection::default();
            }
            // Something may fire: set aside what the exceptions match, and look again.
            for t in &texts {
                t.set_tracking(true);
            }
            (found, self.scan(&self.except_index, &texts))
        };
        if !set_aside.is_empty() {
            debug_assert!(views.iter().all(|v| v.len() == views[0].len()));
            // Only the words an exception's written words matched: a word its `~` gap passed
            // over may be the crisis ("he will kill me when he sees I called you").
            let mut blank = vec![false; views[0].len()];
            for f in &set_aside {
                for (k, b) in blank[f.start..f.end].iter_mut().enumerate() {
                    if k >= 128 || f.used & (1 << k) != 0 {
                        *b = true;
                    }
                }
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
                            views[v][f.start..f.end]
                                .iter()
                                .enumerate()
                                .filter(|(k, _)| *k >= 128 || f.used & (1 << k) != 0)
                                .map(|(_, w)| *w)
                                .collect::<Vec<_>>()
                                .join(" ")
                        ));
                    }
                }
            }
            for (words, ids) in views.iter_mut().zip(&mut ids) {
                for ((w, id), b) in words.iter_mut().zip(ids.iter_mut()).zip(&blank) {
                    if *b {
                        *w = "_";
                        *id = Vocab::UNKNOWN;
                    }
                }
            }
            // Setting words aside can only undo matches, never make one: look again only
            // at those that touch a word set aside.
            let texts: Vec<Text> = views
                .iter()
                .zip(ids)
                .map(|(words, ids)| Text::with_ids(words, ids))
                .collect();
            found.retain_mut(|f| {
                if !blank[f.start..f.end].contains(&true) {
                    return true;
                }
                let p = &self.patterns[f.pattern as usize];
                let lang = &self.langs[p.lang];
                let text = &texts[lang.view.index()];
                match longest_in(&lang.phrases, p.seq, &lang.lists, text, f.start) {
                    Some(m) => {
                        f.end = m.end;
                        f.used = m.used;
                        true
                    }
                    None => false,
                }
            });
        }
        let mut hits = Vec::new();
        self.fire(
            &found,
            &views,
            Some(&mut |rule: &Rule, words: &dyn Fn() -> String| {
                if let Some(out) = explain.as_deref_mut() {
                    out.push(format!(
                        "fired {}/{} ({}{}): {} [{}]",
                        self.langs[rule.lang].tag,
                        rule.id,
                        rule.kind.as_str(),
                        if rule.ask { ", ask" } else { "" },
                        rule.why,
                        words(),
                    ));
                }
                hits.push(Hit {
                    lang: self.langs[rule.lang].tag.clone(),
                    rule: rule.id.clone(),
                    kind: rule.kind,
                    ask: rule.ask,
                });
            }),
        );
        Detection { hits }
    }

    /// Whether any rule fires on the phrases `found`, each that does passed to `each` with
    /// the words it matched (made only when asked for).
    fn fire(&self, found: &[Found], views: &[Vec<&str>], mut each: Option<&mut OnFired>) -> bool {
        let mut candidates: Vec<usize> = found
            .iter()
            .filter_map(|f| self.rule_of[f.pattern as usize])
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut any = false;
        for rule in candidates.into_iter().map(|r| &self.rules[r]) {
            let words = &views[self.langs[rule.lang].view.index()];
            let of = |p: &u32| {
                let p = *p;
                let from = found.partition_point(|f| f.pattern < p);
                found[from..].iter().take_while(move |f| f.pattern == p)
            };
            let span = |f: &Found| words[f.start..f.end].join(" ");
            let fired = match &rule.shape {
                Compiled::Any(ps) => ps.iter().any(|p| of(p).next().is_some()),
                Compiled::All {
                    parts,
                    near,
                    enough,
                } => {
                    let starts: Vec<(Vec<usize>, u32)> = parts
                        .iter()
                        .map(|(p, w)| (of(p).map(|f| f.start).collect(), *w))
                        .collect();
                    within(&starts, *near, *enough)
                }
            };
            if !fired {
                continue;
            }
            any = true;
            let Some(each) = each.as_deref_mut() else {
                return true;
            };
            let matched = || match &rule.shape {
                Compiled::Any(ps) => ps
                    .iter()
                    .find_map(|p| of(p).next())
                    .map(span)
                    .unwrap_or_default(),
                Compiled::All { parts, .. } => parts
                    .iter()
                    .filter_map(|(p, _)| of(p).next())
                    .map(span)
                    .collect::<Vec<_>>()
                    .join(" + "),
            };
            each(rule, &matched);
        }
        any
    }
}

/// Called with each rule that fires and a way to get the words it matched.
type OnFired<'a> = dyn FnMut(&Rule, &dyn Fn() -> String) + 'a;

/// Whether starts of parts whose weights add up to `enough` lie within `near` words of each
/// other (each part counted once).
fn within(starts: &[(Vec<usize>, u32)], near: usize, enough: u32) -> bool {
    let mut events: Vec<(usize, usize)> = starts
        .iter()
        .enumerate()
        .flat_map(|(k, (s, _))| s.iter().map(move |&i| (i, k)))
        .collect();
    events.sort_unstable();
    // Windows of at most `near` words: two pointers over the sorted starts.
    let mut count = vec![0usize; starts.len()];
    let mut weight = 0;
    let mut left = 0;
    for right in 0..events.len() {
        let (at, k) = events[right];
        while at - events[left].0 > near {
            let (_, j) = events[left];
            count[j] -= 1;
            if count[j] == 0 {
                weight -= starts[j].1;
            }
            left += 1;
        }
        if count[k] == 0 {
            weight += starts[k].1;
        }
        count[k] += 1;
        if weight >= enough {
            return true;
        }
    }
    false
}
