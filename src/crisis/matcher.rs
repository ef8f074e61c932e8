//! Matching a phrase at one word of a normalised text: the longest match, and the words it
//! used. Which phrases to try at which words is [`super::start_index`]'s job.

use std::cell::{Cell, RefCell};

use super::arena::{Arena, Packed, Span};
use super::lists::Lists;
use super::pattern::Part;
use super::vocab::Vocab;

/// The words of one reading of a message.
pub struct Text<'a> {
    /// The words.
    pub(super) words: &'a [&'a str],
    /// Each word's number in the rules' [`Vocab`].
    pub(super) ids: Vec<u32>,
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

/// Calls `found` with every position where `seq` (packed in `arena`), started at word `i`, can
/// end, and the words it used (`used` so far, from `origin`). A position may come more than
/// once.
fn ends(
    arena: &Arena,
    seq: &[Packed],
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
        return part_ends(arena, part, lists, text, (i, used, origin), found);
    }
    // Where the first part can end, each once (gaps and choices reach the same word many
    // ways).
    if text.track.get() {
        let mut mids: Vec<(usize, u128)> = Vec::new();
        part_ends(arena, part, lists, text, (i, used, origin), &mut |m, u| {
            if !mids.iter().any(|x| x.0 == m) {
                mids.push((m, u));
            }
        });
        for (m, u) in mids {
            ends(arena, rest, lists, text, (m, u, origin), found);
        }
        return;
    }
    // A bit per word after `i`, and a list for the rare part longer than that.
    let mut near: u128 = 0;
    let mut far: Vec<usize> = Vec::new();
    part_ends(
        arena,
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
        ends(arena, rest, lists, text, (i + d, 0, origin), found);
    }
    far.sort_unstable();
    far.dedup();
    for m in far {
        ends(arena, rest, lists, text, (m, 0, origin), found);
    }
}

fn part_ends(
    arena: &Arena,
    part: &Packed,
    lists: &Lists,
    text: &Text,
    (i, used, origin): (usize, u128, usize),
    found: Found,
) {
    let words = text.words;
    match *part {
        Packed::Words { start, len } => {
            let tests = arena.tests(start, len);
            if words.len() >= i + tests.len()
                && tests
                    .iter()
                    .zip(&words[i..])
                    .zip(&text.ids[i..])
                    .all(|((t, w), id)| arena.passes(t, w, *id))
            {
                let used = if text.track.get() {
                    used | bits(i, i + tests.len(), origin)
                } else {
                    0
                };
                found(i + tests.len(), used);
            }
        }
        Packed::Any { start, len } => {
            for &a in arena.choice(start, len) {
                ends(arena, arena.parts(a), lists, text, (i, used, origin), found);
            }
        }
        Packed::List(k) => list_ends(k, lists, text, (i, used, origin), found),
        Packed::Optional { start, len } => {
            found(i, used);
            for &a in arena.choice(start, len) {
                ends(arena, arena.parts(a), lists, text, (i, used, origin), found);
            }
        }
        Packed::Gap(n) => {
            for e in i..=(i + usize::from(n)).min(words.len()) {
                found(e, used);
            }
        }
    }
}

/// Where list `k` of `lists`, started at word `i`, can end: each of its phrases that can start
/// with that word is tried.
fn list_ends(
    k: u32,
    lists: &Lists,
    text: &Text,
    (i, used, origin): (usize, u128, usize),
    found: Found,
) {
    let (Some(seqs), Some(w)) = (lists.list(k), text.words.get(i)) else {
        return;
    };
    let arena = lists.arena();
    let mut mine = text.spare.borrow_mut().pop().unwrap_or_default();
    lists.of_word(k, w, text.ids[i], &mut mine);
    for &n in &mine {
        let seq = arena.parts(seqs[n as usize]);
        ends(arena, seq, lists, text, (i, used, origin), found);
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

/// The longest match of the parsed phrase `seq` starting at word `i`, packing it first (to
/// try one phrase; a detector's are packed once, see [`longest_in`]).
pub fn longest(seq: &[Part], lists: &Lists, text: &Text, i: usize) -> Option<Match> {
    let mut arena = Arena::default();
    let seq = arena.pack(seq);
    longest_in(&arena, seq, lists, text, i)
}

/// The longest match of `seq` (packed in `arena`, naming `lists`) starting at word `i`. A
/// search too long to finish counts as a match of the word `i` alone.
pub(super) fn longest_in(
    arena: &Arena,
    seq: Span,
    lists: &Lists,
    text: &Text,
    i: usize,
) -> Option<Match> {
    text.steps.set(0);
    let mut best: Option<Match> = None;
    ends(
        arena,
        arena.parts(seq),
        lists,
        text,
        (i, 0, i),
        &mut |end, used| {
            if best.is_none_or(|b| end > b.end) {
                best = Some(Match { end, used });
            }
        },
    );
    if best.is_none() && text.steps.get() > MAX_STEPS {
        tracing::warn!("a crisis phrase took too long to try; counted as matching");
        return Some(Match {
            end: (i + 1).min(text.words.len()),
            used: 0,
        });
    }
    best
}
