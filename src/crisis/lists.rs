//! A rule file's word lists as they are matched: packed, and each list's phrases indexed by the
//! words they can start with.

use super::arena::{Arena, Packed, Span};
use super::pattern::{Seq, WordTest};
use super::vocab::Vocab;
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
    by_first: FirstWords,
}

impl Lists {
    /// These lists packed, each indexed by the words its phrases can start with.
    pub fn indexed(mut self) -> Lists {
        self.pack();
        self.by_first = FirstWords::of(&self);
        self
    }

    /// Packs the lists as parsed (once), leaving them unindexed.
    pub(super) fn pack(&mut self) {
        if self.seqs.is_empty() {
            return;
        }
        let seqs = std::mem::take(&mut self.seqs);
        self.arena = Arena::default();
        self.packed = seqs
            .iter()
            .map(|list| self.arena.pack_all(list.iter().map(Vec::as_slice)))
            .collect();
        self.arena.shrink_to_fit();
        self.packed.shrink_to_fit();
    }

    /// The packed lists with their exact words numbered by `vocab`, then indexed.
    pub(super) fn numbered(mut self, vocab: &mut Vocab) -> Lists {
        self.pack();
        vocab.number(&mut self.arena);
        self.arena.shrink_to_fit();
        self.indexed()
    }

    /// The packed phrases of every list.
    pub(super) fn arena(&self) -> &Arena {
        &self.arena
    }

    /// List `k`'s phrases (sequences of [`Lists::arena`]).
    pub(super) fn list(&self, k: u32) -> Option<&[Span]> {
        Some(self.arena.seqs(*self.packed.get(k as usize)?))
    }

    /// The phrases (positions in list `k`) that can start with `word` (numbered `id`), each
    /// once, ascending; none before [`Lists::indexed`].
    pub fn of_word(&self, k: u32, word: &str, id: u32, out: &mut Vec<u32>) {
        self.by_first.of_word(k, word, id, out);
    }
}

/// Every list's phrases by the words they can start with, so a word tries only its own. One
/// index for all the lists of a file (thousands of lists, most of a few numbered words).
#[derive(Debug, Clone, Default)]
pub struct FirstWords {
    /// `(list, word number, phrase)` for each numbered word a phrase can start with, sorted.
    ids: Vec<(u32, u32, u32)>,
    /// `(list, phrase)` by the other tests a phrase's first word must pass.
    other: WordIndex<(u32, u32)>,
    /// Lists with phrases in `other`, sorted.
    with_other: Vec<u32>,
    /// `(list, phrase)` for phrases that can start at any word (a gap after optional parts):
    /// always tried. Sorted.
    always: Vec<(u32, u32)>,
}

impl FirstWords {
    /// The phrases of every list of `lists` by their first words.
    fn of(lists: &Lists) -> FirstWords {
        let mut f = FirstWords::default();
        let arena = lists.arena();
        for (k, &list) in lists.packed.iter().enumerate() {
            let k = k as u32;
            for (n, &seq) in arena.seqs(list).iter().enumerate() {
                let n = n as u32;
                let mut tests = Vec::new();
                if first_tests(arena, arena.parts(seq), lists, &mut tests, 0) || tests.is_empty() {
                    f.always.push((k, n));
                    continue;
                }
                for t in tests {
                    match t {
                        WordTest::Word { id, .. } => f.ids.push((k, id, n)),
                        WordTest::Exact(_)
                        | WordTest::Prefix(_)
                        | WordTest::Suffix(_)
                        | WordTest::Contains(_) => {
                            f.other.insert(t, (k, n));
                            f.with_other.push(k);
                        }
                    }
                }
            }
        }
        f.ids.sort_unstable();
        f.ids.dedup();
        f.ids.shrink_to_fit();
        f.other.finish();
        f.with_other.dedup();
        f.with_other.shrink_to_fit();
        f.always.shrink_to_fit();
        f
    }

    /// The phrases (positions in list `k`) that can start with `word` (numbered `id`), each
    /// once, ascending.
    fn of_word(&self, k: u32, word: &str, id: u32, out: &mut Vec<u32>) {
        out.clear();
        let from = self.ids.partition_point(|&(l, w, _)| (l, w) < (k, id));
        out.extend(
            self.ids[from..]
                .iter()
                .take_while(|&&(l, w, _)| (l, w) == (k, id))
                .map(|&(_, _, n)| n),
        );
        let from = self.always.partition_point(|&(l, _)| l < k);
        out.extend(
            self.always[from..]
                .iter()
                .take_while(|&&(l, _)| l == k)
                .map(|&(_, n)| n),
        );
        if self.with_other.binary_search(&k).is_ok() {
            let mut found = Vec::new();
            self.other.lookup(word, id, &mut found);
            out.extend(found.into_iter().filter(|&(l, _)| l == k).map(|(_, n)| n));
        }
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
            Packed::Words { start, len } => {
                out.extend(arena.tests(start, len).first().map(|t| arena.word_test(t)));
                break;
            }
            Packed::Any { start, len } => {
                anywhere |= each(arena, arena.choice(start, len), out);
                break;
            }
            Packed::List(i) => {
                if let Some(seqs) = lists.list(i) {
                    anywhere |= each(lists.arena(), seqs, out);
                }
                break;
            }
            // An optional part: it, or what follows, can come first.
            Packed::Optional { start, len } => {
                anywhere |= each(arena, arena.choice(start, len), out);
            }
            // Parsing refuses a gap first; after optional parts, the gap can pass over any
            // word. The words after it are still listed: a match must contain one of them.
            Packed::Gap(_) => anywhere = true,
        }
    }
    anywhere
}
