//! Which phrases to try where. Every phrase is indexed by the words it can start with, so a
//! message is read once, word by word, and only the phrases that can start at a word are
//! tried there: the cost grows with the message, not with the rules.

use std::cell::RefCell;

use super::arena::{Arena, Packed, Span};
use super::lists::{Lists, first_tests};
use super::matcher::Text;
use super::pattern::{Seq, WordTest};
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
    /// Indexes phrase `id` (`seq` as parsed, naming `lists`), packing it first (to try one
    /// phrase; a detector packs its own, see [`Index::add_packed`]).
    pub fn add(&mut self, id: u32, seq: &Seq, lists: &Lists) {
        let mut arena = Arena::default();
        let seq = arena.pack(seq);
        self.add_packed(id, &arena, seq, lists);
    }

    /// Indexes phrase `id` (`seq`, packed in `arena`, naming `lists`) by the words its first
    /// part can start with, and by those of the most telling other part it needs.
    pub(super) fn add_packed(&mut self, id: u32, arena: &Arena, seq: Span, lists: &Lists) {
        let seq = arena.parts(seq);
        let mut needed: Vec<Vec<WordTest>> = Vec::new();
        for (k, part) in seq.iter().enumerate() {
            match *part {
                Packed::Words { start, len } => needed.extend(
                    arena
                        .tests(start, len)
                        .iter()
                        .map(|t| vec![arena.word_test(t)]),
                ),
                Packed::Any { .. } | Packed::List(_) => {
                    let mut firsts = Vec::new();
                    // Where a match can start does not matter here, only that one of these
                    // words must appear.
                    first_tests(arena, &seq[k..=k], lists, &mut firsts, 0);
                    needed.push(firsts);
                }
                Packed::Optional { .. } | Packed::Gap(_) => {}
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
