//! Finding phrases among the words of a normalised text. Every phrase is indexed by the words
//! it can start with, so a message is read once, word by word, and only the phrases that can
//! start at a word are tried there: the cost grows with the message, not with the rules.

use std::cell::{Cell, RefCell};

use super::phrase::{Lists, Part, Seq, Vocab, WordTest, first_tests};
use super::word_index::WordIndex;

/// How many needed parts besides the first must be seen before a phrase is tried.
const OTHER_KEYS: usize = 2;

/// Phrases by the words their parts can start with. A phrase is tried only where its first
/// part can start, and only when its most telling other parts (the rarest-looking words it
/// needs) can start somewhere in the message too, so most phrases are never tried at all.
#[derive(Debug, Default)]
pub struct Index {
    /// The keys (phrase and part) by the words that can start them.
    words: WordIndex<Key>,
    /// Parts each phrase needs, by phrase id.
    needs: Vec<u8>,
}

/// A phrase and which of its needed parts a word can start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    /// The phrase.
    pub id: u32,
    /// The part (0: the first).
    pub part: u8,
}

impl Index {
    /// Indexes phrase `id` (`seq`, over `lists`) by the words its first part can start with,
    /// and by those of the most telling other part it needs.
    pub fn add(&mut self, id: u32, seq: &Seq, lists: &Lists) {
        let mut needed: Vec<Vec<WordTest>> = Vec::new();
        for part in seq {
            match part {
                Part::Words(tests) => needed.extend(tests.iter().map(|t| vec![t.clone()])),
                Part::Any(_) | Part::List(_) => {
                    let mut firsts = Vec::new();
                    // Where a match can start does not matter here, only that one of these
                    // words must appear.
                    first_tests(std::slice::from_ref(part), lists, &mut firsts, 0);
                    needed.push(firsts);
                }
                Part::Optional(_) | Part::Gap(_) => {}
            }
        }
        let mut keys: Vec<Vec<WordTest>> = needed.first().cloned().into_iter().collect();
        let mut rest: Vec<&Vec<WordTest>> = needed.iter().skip(1).collect();
        rest.sort_by(|a, b| commonness(a).total_cmp(&commonness(b)));
        keys.extend(rest.into_iter().take(OTHER_KEYS).cloned());
        let id_index = id as usize;
        if self.needs.len() <= id_index {
            self.needs.resize(id_index + 1, 0);
        }
        self.needs[id_index] = keys.len() as u8;
        for (part, mut tests) in keys.into_iter().enumerate() {
            tests.sort();
            tests.dedup();
            let key = Key {
                id,
                part: part as u8,
            };
            for t in tests {
                self.words.insert(t, key);
            }
        }
    }

    /// Prepares the index for reading, once every phrase is added.
    pub fn finish(&mut self) {
        self.words.finish();
    }

    /// The phrases that may match in `text`, as `(phrase, word)` for each word its first part
    /// can start at, in order: those whose other needed parts can start somewhere too.
    pub fn starts(&self, text: &Text) -> Vec<(u32, u32)> {
        thread_local! {
            /// The needed parts seen, a bit each, per phrase (all zero between calls).
            static SEEN: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
        }
        SEEN.with_borrow_mut(|seen| {
            if seen.len() < self.needs.len() {
                seen.resize(self.needs.len(), 0);
            }
            let mut touched: Vec<u32> = Vec::new();
            let mut firsts: Vec<(u32, u32)> = Vec::new();
            let mut keys = Vec::new();
            for (i, (w, id)) in text.words.iter().zip(&text.ids).enumerate() {
                keys.clear();
                self.words.lookup(w, *id, &mut keys);
                for k in &keys {
                    let s = &mut seen[k.id as usize];
                    if *s == 0 {
                        touched.push(k.id);
                    }
                    *s |= 1 << k.part;
                    if k.part == 0 {
                        firsts.push((k.id, i as u32));
                    }
                }
            }
            firsts.retain(|&(id, _)| {
                let needs = self.needs[id as usize];
                seen[id as usize] == ((1u16 << needs) - 1) as u8
            });
            for id in touched {
                seen[id as usize] = 0;
            }
            firsts.sort_unstable();
            firsts.dedup();
            firsts
        })
    }
}

/// How often words passing one of `tests` may be expected in a message: short words and
/// wildcards are common, long exact words rare.
fn commonness(tests: &[WordTest]) -> f64 {
    tests
        .iter()
        .map(|t| {
            let (s, wild) = match t {
                WordTest::Word { chars, .. } => return 1.0 / f64::from((*chars).max(1)).powi(2),
                WordTest::Exact(s) => (s, 1.0),
                WordTest::Prefix(s) | WordTest::Suffix(s) => (s, 3.0),
                WordTest::Contains(s) => (s, 6.0),
            };
            wild / (s.chars().count().max(1) as f64).powi(2)
        })
        .sum()
}

/// The words of one reading of a message.
pub struct Text<'a> {
    words: &'a [&'a str],
    /// Each word's number in the rules' [`Vocab`].
    ids: Vec<u32>,
    /// Steps taken by the current search, to bound it.
    steps: Cell<u32>,
    /// Whether to note which words written words matched (for exceptions).
    track: Cell<bool>,
    /// Spare buffers for the phrases of a list a word can start (lists nest).
    spare: RefCell<Vec<Vec<u32>>>,
}

/// Most steps one search may take (a phrase tried at one word). Rules are small, so no real
/// search comes near; past it the search stops and counts as a match, to be safe.
pub const MAX_STEPS: u32 = 20_000;

impl<'a> Text<'a> {
    /// A text of these words for phrases whose words are not numbered (straight from a
    /// [`Compiler`](super::phrase::Compiler)). The detector's phrases are numbered: use
    /// [`Text::numbered`] with its vocabulary, or no exact word will match.
    pub fn new(words: &'a [&'a str]) -> Text<'a> {
        Text::numbered(words, &Vocab::default())
    }

    /// A text of these words, numbered by `vocab`.
    pub fn numbered(words: &'a [&'a str], vocab: &Vocab) -> Text<'a> {
        Text::with_ids(words, words.iter().map(|w| vocab.id(w)).collect())
    }

    /// A text of these words, numbered `ids` (one each) already.
    pub fn with_ids(words: &'a [&'a str], ids: Vec<u32>) -> Text<'a> {
        debug_assert_eq!(words.len(), ids.len());
        Text {
            words,
            ids,
            steps: Cell::new(0),
            track: Cell::new(false),
            spare: RefCell::new(Vec::new()),
        }
    }

    /// Whether matches note the words written words matched (for exceptions).
    pub fn set_tracking(&self, on: bool) {
        self.track.set(on);
    }

    /// One more step; false once the search has taken too many.
    fn step(&self) -> bool {
        let n = self.steps.get() + 1;
        self.steps.set(n);
        n <= MAX_STEPS
    }
}

/// Where a match ends, and which of its words were matched by written words (bit `k` for word
/// `start + k`; words a `~` gap passed over are not).
type Found<'f> = &'f mut dyn FnMut(usize, u128);

fn bits(from: usize, to: usize, origin: usize) -> u128 {
    (from..to)
        .map(|p| p - origin)
        .filter(|d| *d < 128)
        .fold(0, |m, d| m | 1 << d)
}

/// Calls `found` with every position where `seq`, started at word `i`, can end, and the words
/// it used (`used` so far, from `origin`). A position may come more than once.
fn ends(
    seq: &[Part],
    lists: &Lists,
    text: &Text,
    (i, used, origin): (usize, u128, usize),
    found: Found,
) {
    if !text.step() {
        return;
    }
    let Some((part, rest)) = seq.split_first() else {
        found(i, used);
        return;
    };
    if rest.is_empty() {
        return part_ends(part, lists, text, (i, used, origin), found);
    }
    // Where the first part can end, each once (gaps and choices reach the same word many
    // ways).
    if text.track.get() {
        let mut mids: Vec<(usize, u128)> = Vec::new();
        part_ends(part, lists, text, (i, used, origin), &mut |m, u| {
            if !mids.iter().any(|x| x.0 == m) {
                mids.push((m, u));
            }
        });
        for (m, u) in mids {
            ends(rest, lists, text, (m, u, origin), found);
        }
        return;
    }
    // A bit per word after `i`, and a list for the rare part longer than that.
    let mut near: u128 = 0;
    let mut far: Vec<usize> = Vec::new();
    part_ends(
        part,
        lists,
        text,
        (i, used, origin),
        &mut |m, _| match m - i {
            d if d < 128 => near |= 1 << d,
            _ => far.push(m),
        },
    );
    while near != 0 {
        let d = near.trailing_zeros() as usize;
        near &= near - 1;
        ends(rest, lists, text, (i + d, 0, origin), found);
    }
    far.sort_unstable();
    far.dedup();
    for m in far {
        ends(rest, lists, text, (m, 0, origin), found);
    }
}

fn part_ends(
    part: &Part,
    lists: &Lists,
    text: &Text,
    (i, used, origin): (usize, u128, usize),
    found: Found,
) {
    let words = text.words;
    match part {
        Part::Words(tests) => {
            if words.len() >= i + tests.len()
                && tests
                    .iter()
                    .zip(&words[i..])
                    .zip(&text.ids[i..])
                    .all(|((t, w), id)| t.test(w, *id))
            {
                let used = if text.track.get() {
                    used | bits(i, i + tests.len(), origin)
                } else {
                    0
                };
                found(i + tests.len(), used);
            }
        }
        Part::Any(alts) => {
            for a in alts {
                ends(a, lists, text, (i, used, origin), found);
            }
        }
        Part::List(k) => list_ends(*k, lists, text, (i, used, origin), found),
        Part::Optional(alts) => {
            found(i, used);
            for a in alts {
                ends(a, lists, text, (i, used, origin), found);
            }
        }
        Part::Gap(n) => {
            for e in i..=(i + n).min(words.len()) {
                found(e, used);
            }
        }
    }
}

/// Where list `k` of `lists`, started at word `i`, can end: each of its phrases that can start
/// with that word is tried.
fn list_ends(
    k: usize,
    lists: &Lists,
    text: &Text,
    (i, used, origin): (usize, u128, usize),
    found: Found,
) {
    let (Some(seqs), Some(first), Some(w)) =
        (lists.seqs.get(k), lists.by_first.get(k), text.words.get(i))
    else {
        return;
    };
    let mut mine = text.spare.borrow_mut().pop().unwrap_or_default();
    first.of_word(w, text.ids[i], &mut mine);
    for &n in &mine {
        ends(&seqs[n as usize], lists, text, (i, used, origin), found);
    }
    text.spare.borrow_mut().push(mine);
}

/// A match of a phrase at one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// The word after its last.
    pub end: usize,
    /// Its words matched by written words (bit `k` for word `start + k`), not by gaps.
    pub used: u128,
}

/// The longest match of `seq` starting at word `i`. A search too long to finish counts as a
/// match of the word `i` alone.
pub fn longest(seq: &[Part], lists: &Lists, text: &Text, i: usize) -> Option<Match> {
    text.steps.set(0);
    let mut best: Option<Match> = None;
    ends(seq, lists, text, (i, 0, i), &mut |end, used| {
        if best.is_none_or(|b| end > b.end) {
            best = Some(Match { end, used });
        }
    });
    if best.is_none() && text.steps.get() > MAX_STEPS {
        tracing::warn!("a crisis phrase took too long to try; counted as matching");
        return Some(Match {
            end: (i + 1).min(text.words.len()),
            used: 0,
        });
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crisis::normalise::{View, normalise, tokens};
    use crate::crisis::phrase::{Compiler, Words};

    fn finds(phrase: &str, text: &str) -> Option<(usize, usize)> {
        let mut words = Words::new();
        words.insert(
            "me".into(),
            vec!["me".into(), "my self".into(), "myself".into()],
        );
        let mut c = Compiler::new(&words, View::Plain);
        let p = c.phrase(phrase).expect("parses");
        let lists = c.lists().indexed();
        let mut index = Index::default();
        index.add(0, &p.seq, &lists);
        index.finish();
        let norm = normalise(text, View::Plain);
        let ws: Vec<&str> = tokens(&norm).collect();
        let starts = index.starts(&Text::new(&ws));
        starts
            .iter()
            .filter(|(id, _)| *id == 0)
            .find_map(|&(_, i)| {
                longest(&p.seq, &lists, &Text::new(&ws), i as usize).map(|m| (i as usize, m.end))
            })
    }

    #[test]
    fn whole_words_wildcards_lists_options_and_gaps() {
        assert_eq!(finds("kill* @me", "I want to KILL MYSELF"), Some((3, 5)));
        assert!(finds("kill* @me", "killing my self").is_some());
        assert!(finds("kill* @me", "skill myself up").is_none());
        assert!(finds("*suicide", "antisuicide").is_some());
        assert!(finds("*انتحار*", "والانتحارات").is_some());
        assert!(
            finds(
                "i [really | honestly] want to die",
                "i honestly want to die"
            )
            .is_some()
        );
        assert!(finds("i [really] want to die", "i want to die").is_some());
        assert!(finds("i [really] want to die", "i really really want to die").is_none());
        assert!(finds("i (really | truly)? want to die", "i truly want to die").is_some());
        assert!(finds("want ~ die", "want to just die").is_some());
        assert!(finds("want ~2 die", "want to go and die").is_none());
        assert!(finds("(take | swallow) all", "swallow all of them").is_some());
        assert_eq!(finds("想死", "我想死了"), Some((1, 3)));
        assert!(finds("die", "").is_none());
    }

    #[test]
    fn a_group_of_one_choice_with_a_gap_or_a_group_inside_matches() {
        assert!(finds("tried (pills ~2 again) now", "tried pills once again now").is_some());
        assert!(finds("((take | swallow) all)", "swallow all").is_some());
        assert!(finds("x ((a | b) c) y", "x b c y").is_some());
        assert!(finds("x ((a | b) c) y", "x c y").is_none());
    }
}
