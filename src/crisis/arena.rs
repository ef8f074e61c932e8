//! Phrases packed for matching: the parts, choices, word tests and written strings of many
//! phrases in four flat arrays, each sequence a range of them. A detector holds tens of
//! thousands of phrases for as long as it runs; packed, they cost a few allocations in all.

use std::ops::Range;

use super::pattern::{Part, WordTest};

/// A range of one of an [`Arena`]'s arrays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    start: u32,
    len: u32,
}

impl Span {
    fn of(from: usize, to: usize) -> Span {
        Span {
            start: to_u32(from),
            len: to_u32(to - from),
        }
    }

    fn range(self) -> Range<usize> {
        let start = self.start as usize;
        start..start + self.len as usize
    }
}

/// Rules are far smaller than 4 billion of anything; a larger index is a bug.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or_else(|_| panic!("crisis rules too large to pack ({n})"))
}

/// One part of a packed phrase (see [`Part`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packed {
    /// Consecutive words: a range of the arena's tests.
    Words(Span),
    /// One of several sequences: a range of the arena's sequences.
    Any(Span),
    /// A `[words]` list, by its index in [`Lists`](super::lists::Lists).
    List(u32),
    /// An optional sequence (one of several): a range of the arena's sequences.
    Optional(Span),
    /// Up to this many other words.
    Gap(u8),
}

/// A packed [`WordTest`]: its string a range of the arena's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Test {
    /// An exact word by its number.
    Word {
        /// Its number.
        id: u32,
        /// Its length in characters.
        chars: u32,
    },
    /// The same word.
    Exact(Span),
    /// A word starting with this.
    Prefix(Span),
    /// A word ending with this.
    Suffix(Span),
    /// A word containing this.
    Contains(Span),
}

/// Packed phrases. [`Arena::pack`] adds one and gives its sequence.
#[derive(Debug, Clone, Default)]
pub struct Arena {
    parts: Vec<Packed>,
    /// Sequences (ranges of `parts`), for choices and lists.
    seqs: Vec<Span>,
    tests: Vec<Test>,
    text: String,
}

impl Arena {
    /// Packs the sequence `seq`; its parts are [`Arena::parts`] of the span returned.
    pub fn pack(&mut self, seq: &[Part]) -> Span {
        let packed: Vec<Packed> = seq.iter().map(|p| self.pack_part(p)).collect();
        let from = self.parts.len();
        self.parts.extend(packed);
        Span::of(from, self.parts.len())
    }

    /// Packs the sequences `seqs` side by side; they are [`Arena::seqs`] of the span returned.
    pub fn pack_all<'s>(&mut self, seqs: impl IntoIterator<Item = &'s [Part]>) -> Span {
        let spans: Vec<Span> = seqs.into_iter().map(|s| self.pack(s)).collect();
        let from = self.seqs.len();
        self.seqs.extend(spans);
        Span::of(from, self.seqs.len())
    }

    fn pack_part(&mut self, part: &Part) -> Packed {
        match part {
            Part::Words(tests) => {
                let packed: Vec<Test> = tests.iter().map(|t| self.pack_test(t)).collect();
                let from = self.tests.len();
                self.tests.extend(packed);
                Packed::Words(Span::of(from, self.tests.len()))
            }
            Part::Any(alts) => Packed::Any(self.pack_all(alts.iter().map(Vec::as_slice))),
            Part::Optional(alts) => Packed::Optional(self.pack_all(alts.iter().map(Vec::as_slice))),
            Part::List(i) => Packed::List(to_u32(*i)),
            Part::Gap(n) => Packed::Gap(u8::try_from(*n).unwrap_or(u8::MAX)),
        }
    }

    fn pack_test(&mut self, test: &WordTest) -> Test {
        let mut text = |s: &str| {
            let from = self.text.len();
            self.text.push_str(s);
            Span::of(from, self.text.len())
        };
        match test {
            WordTest::Word { id, chars } => Test::Word {
                id: *id,
                chars: *chars,
            },
            WordTest::Exact(s) => Test::Exact(text(s)),
            WordTest::Prefix(s) => Test::Prefix(text(s)),
            WordTest::Suffix(s) => Test::Suffix(text(s)),
            WordTest::Contains(s) => Test::Contains(text(s)),
        }
    }

    /// Gives back spare room, once every phrase is packed.
    pub fn shrink_to_fit(&mut self) {
        self.parts.shrink_to_fit();
        self.seqs.shrink_to_fit();
        self.tests.shrink_to_fit();
        self.text.shrink_to_fit();
    }

    /// The parts of a sequence.
    pub fn parts(&self, seq: Span) -> &[Packed] {
        &self.parts[seq.range()]
    }

    /// The sequences of a choice or a list.
    pub fn seqs(&self, alts: Span) -> &[Span] {
        &self.seqs[alts.range()]
    }

    /// The tests of consecutive words.
    pub fn tests(&self, words: Span) -> &[Test] {
        &self.tests[words.range()]
    }

    /// True when the text's word `w`, numbered `id` in the rules'
    /// [`Vocab`](super::vocab::Vocab), passes `test`.
    pub fn passes(&self, test: &Test, w: &str, id: u32) -> bool {
        match *test {
            Test::Word { id: n, .. } => id == n,
            Test::Exact(s) => w == &self.text[s.range()],
            Test::Prefix(s) => w.starts_with(&self.text[s.range()]),
            Test::Suffix(s) => w.ends_with(&self.text[s.range()]),
            Test::Contains(s) => w.contains(&self.text[s.range()]),
        }
    }

    /// `test` as written, to index.
    pub fn word_test(&self, test: &Test) -> WordTest {
        let s = |s: Span| self.text[s.range()].to_string();
        match *test {
            Test::Word { id, chars } => WordTest::Word { id, chars },
            Test::Exact(t) => WordTest::Exact(s(t)),
            Test::Prefix(t) => WordTest::Prefix(s(t)),
            Test::Suffix(t) => WordTest::Suffix(s(t)),
            Test::Contains(t) => WordTest::Contains(s(t)),
        }
    }
}
