//! Phrases packed for matching: the parts, choices, word tests and written strings of many
//! phrases in a few flat arrays, each sequence a range of them. A detector holds tens of
//! thousands of phrases for as long as it runs; packed, they cost a few allocations in all.

use std::ops::Range;

use super::pattern::{Part, Seq, WordTest};

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
pub(super) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or_else(|_| panic!("crisis rules too large to pack ({n})"))
}

/// One part of a packed phrase (see [`Part`]); 8 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packed {
    /// Consecutive words: `len` of the arena's tests from `start`.
    Words {
        /// The first test.
        start: u32,
        /// How many.
        len: u16,
    },
    /// One of several sequences: `len` of the arena's sequences from `start`.
    Any {
        /// The first sequence.
        start: u32,
        /// How many.
        len: u16,
    },
    /// A `[words]` list, by its index in [`Lists`](super::lists::Lists).
    List(u32),
    /// An optional sequence (one of several), as in [`Packed::Any`].
    Optional {
        /// The first sequence.
        start: u32,
        /// How many.
        len: u16,
    },
    /// Up to this many other words.
    Gap(u8),
}

/// A packed [`WordTest`]; 8 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Test {
    /// An exact word by its number.
    Word {
        /// Its number.
        id: u32,
        /// Its length in characters (at most 65,535 counted).
        chars: u16,
    },
    /// The same word: the arena's string of this number.
    Exact(u32),
    /// A word starting with this.
    Prefix(u32),
    /// A word ending with this.
    Suffix(u32),
    /// A word containing this.
    Contains(u32),
}

const _: () = assert!(std::mem::size_of::<Packed>() == 8 && std::mem::size_of::<Test>() == 8);

/// Most items a [`Packed`] part holds; longer runs are split.
const MAX_RUN: usize = u16::MAX as usize;

/// Packed phrases. [`Arena::pack`] adds one and gives its sequence.
#[derive(Debug, Clone, Default)]
pub struct Arena {
    parts: Vec<Packed>,
    /// Sequences (ranges of `parts`), for choices and lists.
    seqs: Vec<Span>,
    tests: Vec<Test>,
    /// The strings of tests other than numbered words (ranges of `text`).
    strs: Vec<Span>,
    text: String,
}

impl Arena {
    /// Packs the sequence `seq`; its parts are [`Arena::parts`] of the span returned.
    pub fn pack(&mut self, seq: &[Part]) -> Span {
        let mut packed = Vec::with_capacity(seq.len());
        for part in seq {
            self.pack_part(part, &mut packed);
        }
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

    /// Packs a choice among `alts`: where its sequences start, and how many (past
    /// [`MAX_RUN`], the last is a choice among the rest).
    fn pack_choice(&mut self, alts: &[Seq]) -> (u32, u16) {
        let span = if alts.len() > MAX_RUN {
            let (head, rest) = alts.split_at(MAX_RUN - 1);
            let rest = [Part::Any(rest.to_vec())];
            self.pack_all(head.iter().map(Vec::as_slice).chain([&rest[..]]))
        } else {
            self.pack_all(alts.iter().map(Vec::as_slice))
        };
        (span.start, span.len as u16)
    }

    fn pack_part(&mut self, part: &Part, out: &mut Vec<Packed>) {
        out.push(match part {
            Part::Words(tests) => {
                // Consecutive runs of words match as one.
                for run in tests.chunks(MAX_RUN) {
                    let packed: Vec<Test> = run.iter().map(|t| self.pack_test(t)).collect();
                    let start = to_u32(self.tests.len());
                    self.tests.extend(packed);
                    out.push(Packed::Words {
                        start,
                        len: run.len() as u16,
                    });
                }
                return;
            }
            Part::Any(alts) => {
                let (start, len) = self.pack_choice(alts);
                Packed::Any { start, len }
            }
            Part::Optional(alts) => {
                let (start, len) = self.pack_choice(alts);
                Packed::Optional { start, len }
            }
            Part::List(i) => Packed::List(to_u32(*i)),
            Part::Gap(n) => Packed::Gap(u8::try_from(*n).unwrap_or(u8::MAX)),
        });
    }

    fn pack_test(&mut self, test: &WordTest) -> Test {
        let mut text = |s: &str| {
            let from = self.text.len();
            self.text.push_str(s);
            self.strs.push(Span::of(from, self.text.len()));
            to_u32(self.strs.len() - 1)
        };
        match test {
            WordTest::Word { id, chars } => Test::Word {
                id: *id,
                chars: u16::try_from(*chars).unwrap_or(u16::MAX),
            },
            WordTest::Exact(s) => Test::Exact(text(s)),
            WordTest::Prefix(s) => Test::Prefix(text(s)),
            WordTest::Suffix(s) => Test::Suffix(text(s)),
            WordTest::Contains(s) => Test::Contains(text(s)),
        }
    }

    /// Numbers its exact words with `number` (a word's number and its length), keeping only
    /// the strings still needed.
    pub fn number(&mut self, mut number: impl FnMut(&str) -> u32) {
        let (strs, text) = (
            std::mem::take(&mut self.strs),
            std::mem::take(&mut self.text),
        );
        let old = |n: u32| &text[strs[n as usize].range()];
        let mut keep = |n: u32| {
            let from = self.text.len();
            self.text.push_str(old(n));
            self.strs.push(Span::of(from, self.text.len()));
            to_u32(self.strs.len() - 1)
        };
        for t in &mut self.tests {
            *t = match *t {
                Test::Word { .. } => continue,
                Test::Exact(s) => {
                    let w = old(s);
                    Test::Word {
                        id: number(w),
                        chars: u16::try_from(w.chars().count()).unwrap_or(u16::MAX),
                    }
                }
                Test::Prefix(s) => Test::Prefix(keep(s)),
                Test::Suffix(s) => Test::Suffix(keep(s)),
                Test::Contains(s) => Test::Contains(keep(s)),
            };
        }
    }

    /// Gives back spare room, once every phrase is packed.
    pub fn shrink_to_fit(&mut self) {
        self.parts.shrink_to_fit();
        self.seqs.shrink_to_fit();
        self.tests.shrink_to_fit();
        self.strs.shrink_to_fit();
        self.text.shrink_to_fit();
    }

    /// The parts of a sequence.
    pub fn parts(&self, seq: Span) -> &[Packed] {
        &self.parts[seq.range()]
    }

    /// The sequences of a list.
    pub fn seqs(&self, alts: Span) -> &[Span] {
        &self.seqs[alts.range()]
    }

    /// The sequences of a choice ([`Packed::Any`], [`Packed::Optional`]).
    pub fn choice(&self, start: u32, len: u16) -> &[Span] {
        let start = start as usize;
        &self.seqs[start..start + usize::from(len)]
    }

    /// The tests of consecutive words ([`Packed::Words`]).
    pub fn tests(&self, start: u32, len: u16) -> &[Test] {
        let start = start as usize;
        &self.tests[start..start + usize::from(len)]
    }

    fn str(&self, n: u32) -> &str {
        &self.text[self.strs[n as usize].range()]
    }

    /// True when the text's word `w`, numbered `id` in the rules'
    /// [`Vocab`](super::vocab::Vocab), passes `test`.
    pub fn passes(&self, test: &Test, w: &str, id: u32) -> bool {
        match *test {
            Test::Word { id: n, .. } => id == n,
            Test::Exact(s) => w == self.str(s),
            Test::Prefix(s) => w.starts_with(self.str(s)),
            Test::Suffix(s) => w.ends_with(self.str(s)),
            Test::Contains(s) => w.contains(self.str(s)),
        }
    }

    /// `test` as written, to index.
    pub fn word_test(&self, test: &Test) -> WordTest {
        let s = |s: u32| self.str(s).to_string();
        match *test {
            Test::Word { id, chars } => WordTest::Word {
                id,
                chars: u32::from(chars),
            },
            Test::Exact(t) => WordTest::Exact(s(t)),
            Test::Prefix(t) => WordTest::Prefix(s(t)),
            Test::Suffix(t) => WordTest::Suffix(s(t)),
            Test::Contains(t) => WordTest::Contains(s(t)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::View;
    use super::super::lists::{Lists, first_tests};
    use super::super::matcher::{Text, longest};
    use super::super::phrase::{Words, parse};
    use super::*;

    #[test]
    fn choices_and_runs_of_words_too_long_for_one_part_keep_every_word() {
        let n = MAX_RUN + 10;
        let words: Vec<String> = (0..n).map(|i| format!("w{i}")).collect();
        let lists = Lists::default().indexed();

        // Too many to try at one word (past MAX_STEPS), but every one still starts the phrase.
        let choice = parse(&words.join(" | "), &Words::new(), View::Plain).expect("parses");
        let mut arena = Arena::default();
        let seq = arena.pack(&choice.seq);
        let mut firsts = Vec::new();
        assert!(!first_tests(
            &arena,
            arena.parts(seq),
            &lists,
            &mut firsts,
            0
        ));
        let expected: Vec<WordTest> = words.iter().map(|w| WordTest::Exact(w.clone())).collect();
        assert_eq!(firsts, expected);

        let run = parse(&words.join(" "), &Words::new(), View::Plain).expect("parses");
        let seq = arena.pack(&run.seq);
        assert_eq!(arena.parts(seq).len(), 2);
        let text: Vec<&str> = words.iter().map(String::as_str).collect();
        let m = longest(&run.seq, &lists, &Text::new(&text), 0).map(|m| m.end);
        assert_eq!(m, Some(n));
        let m = longest(&run.seq, &lists, &Text::new(&text[..n - 1]), 0);
        assert_eq!(m, None);
    }
}
