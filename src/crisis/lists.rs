//! A rule file's word lists as they are matched: packed, each list's phrases indexed by the
//! words they can start with, and the rules' exact words numbered.

use super::arena::{Arena, Packed, Span};
use super::pattern::{Part, Seq, WordTest};
use super::word_index::WordIndex;

/// A rule file's word lists, each parsed once and shared by every phrase naming it.
#[derive(Debug, Clone, Default)]
pub struct Lists {
    /// Each list's phrases as parsed; [`Lists::indexed`] packs them and empties this.
    pub seqs: Vec<Vec<Seq>>,
    /// The phrases of every list, once packed.
    arena: Arena,
    /// Each list's phrases: sequences of `arena`.
    packed: Vec<Span>,
    /// Each list's phrases by the words they start with, so a word tries only its own (empty
    /// until [`Lists::indexed`]: a list not indexed matches nothing).
    by_first: Vec<FirstWords>,
}

impl Lists {
    /// These lists packed, each indexed by the words its phrases can start with.
    pub fn indexed(mut self) -> Lists {
        if !self.seqs.is_empty() {
            let seqs = std::mem::take(&mut self.seqs);
            self.arena = Arena::default();
            self.packed = seqs
                .iter()
                .map(|list| self.arena.pack_all(list.iter().map(Vec::as_slice)))
                .collect();
            self.arena.shrink_to_fit();
        }
        self.by_first = self
            .packed
            .iter()
            .map(|&list| FirstWords::of(list, &self))
            .collect();
        self
    }

    /// The packed phrases of every list.
    pub(super) fn arena(&self) -> &Arena {
        &self.arena
    }

    /// List `k`'s phrases (sequences of [`Lists::arena`]) and their index by first word.
    pub(super) fn list(&self, k: u32) -> Option<(&[Span], &FirstWords)> {
        let k = k as usize;
        Some((self.arena.seqs(*self.packed.get(k)?), self.by_first.get(k)?))
    }
}

/// A list's phrases by the words they can start with, so a word tries only its own.
#[derive(Debug, Clone, Default)]
pub struct FirstWords {
    /// Phrases (positions in the list) by the words they can start with.
    words: WordIndex<u32>,
    /// Phrases that can start at any word (a gap after optional parts): always tried.
    always: Vec<u32>,
}

impl FirstWords {
    /// The phrases of list `list` (sequences of `lists`' arena) by their first words.
    fn of(list: Span, lists: &Lists) -> FirstWords {
        let mut f = FirstWords::default();
        let arena = lists.arena();
        for (n, &seq) in arena.seqs(list).iter().enumerate() {
            let n = n as u32;
            let mut tests = Vec::new();
            if first_tests(arena, arena.parts(seq), lists, &mut tests, 0) || tests.is_empty() {
                f.always.push(n);
                continue;
            }
            for t in tests {
                f.words.insert(t, n);
            }
        }
        f.words.finish();
        f.always.shrink_to_fit();
        f
    }

    /// The phrases (positions in the list) that can start with `word` (numbered `id`), each
    /// once, ascending.
    pub fn of_word(&self, word: &str, id: u32, out: &mut Vec<u32>) {
        out.clear();
        self.words.lookup(word, id, out);
        out.extend_from_slice(&self.always);
        out.sort_unstable();
        out.dedup();
    }
}

/// The tests a word must pass to be the first of a match of `seq` (packed in `arena`, or in
/// `lists`' own), or of one after a gap it opens with, added to `out`. Returns true when a
/// match can also start at any word: a gap after optional parts, or lists nested too deep to
/// follow.
pub fn first_tests(
    arena: &Arena,
    seq: &[Packed],
    lists: &Lists,
    out: &mut Vec<WordTest>,
    depth: usize,
) -> bool {
    if depth > 16 {
        return true;
    }
    let each = |arena: &Arena, seqs: &[Span], out: &mut Vec<WordTest>| {
        let mut anywhere = false;
        for &a in seqs {
            anywhere |= first_tests(arena, arena.parts(a), lists, out, depth + 1);
        }
        anywhere
    };
    let mut anywhere = false;
    for part in seq {
        match *part {
            Packed::Words(tests) => {
                out.extend(arena.tests(tests).first().map(|t| arena.word_test(t)));
                break;
            }
            Packed::Any(alts) => {
                anywhere |= each(arena, arena.seqs(alts), out);
                break;
            }
            Packed::List(i) => {
                if let Some((seqs, _)) = lists.list(i) {
                    anywhere |= each(lists.arena(), seqs, out);
                }
                break;
            }
            // An optional part: it, or what follows, can come first.
            Packed::Optional(alts) => anywhere |= each(arena, arena.seqs(alts), out),
            // Parsing refuses a gap first; after optional parts, the gap can pass over any
            // word. The words after it are still listed: a match must contain one of them.
            Packed::Gap(_) => anywhere = true,
        }
    }
    anywhere
}

/// Numbers for the exact words of rules, so each word of a message is looked up once and
/// compared as a number after that.
#[derive(Debug, Clone, Default)]
pub struct Vocab(rustc_hash::FxHashMap<String, u32>);

impl Vocab {
    /// The number of a word no rule has.
    pub const UNKNOWN: u32 = u32::MAX;

    /// The number of `word`, or [`Vocab::UNKNOWN`].
    pub fn id(&self, word: &str) -> u32 {
        self.0.get(word).copied().unwrap_or(Vocab::UNKNOWN)
    }

    /// Gives back spare room, once every word is numbered.
    pub fn shrink_to_fit(&mut self) {
        self.0.shrink_to_fit();
    }

    fn intern(&mut self, word: &str) -> u32 {
        let next = self.0.len() as u32;
        *self.0.entry(word.to_string()).or_insert(next)
    }

    /// Numbers the exact words of `seq`, in place.
    pub fn number(&mut self, seq: &mut Seq) {
        for part in seq.iter_mut() {
            match part {
                Part::Words(tests) => {
                    for t in tests.iter_mut() {
                        if let WordTest::Exact(w) = t {
                            *t = WordTest::Word {
                                id: self.intern(w),
                                chars: w.chars().count() as u32,
                            };
                        }
                    }
                }
                Part::Any(alts) | Part::Optional(alts) => {
                    for a in alts.iter_mut() {
                        self.number(a);
                    }
                }
                Part::List(_) | Part::Gap(_) => {}
            }
        }
    }

    /// `lists` as parsed, with their exact words numbered, then [indexed](Lists::indexed).
    pub fn number_lists(&mut self, mut lists: Lists) -> Lists {
        for list in &mut lists.seqs {
            for seq in list.iter_mut() {
                self.number(seq);
            }
        }
        lists.indexed()
    }
}
