//! A phrase as parsed: the word tests and parts it is made of, matched by
//! [`super::matcher`].

/// How one word of a text is compared with one written word.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WordTest {
    /// The same word.
    Exact(String),
    /// A word starting with this (`kill*`).
    Prefix(String),
    /// A word ending with this (`*suicide`).
    Suffix(String),
    /// A word containing this (`*انتحار*`).
    Contains(String),
    /// An exact word by its number in a [`Vocab`](super::vocab::Vocab) (`chars` long), once numbered.
    Word {
        /// Its number.
        id: u32,
        /// Its length in characters.
        chars: u32,
    },
}

impl WordTest {
    /// True when the text's word `w`, numbered `id` in the rules' [`Vocab`](super::vocab::Vocab), passes.
    pub fn test(&self, w: &str, id: u32) -> bool {
        match self {
            WordTest::Word { id: n, .. } => id == *n,
            WordTest::Exact(s) => w == s,
            WordTest::Prefix(s) => w.starts_with(s.as_str()),
            WordTest::Suffix(s) => w.ends_with(s.as_str()),
            WordTest::Contains(s) => w.contains(s.as_str()),
        }
    }
}

/// One part of a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Consecutive words, one test each.
    Words(Vec<WordTest>),
    /// One of several sequences.
    Any(Vec<Seq>),
    /// A `[words]` list of the same file, by its index in [`Lists`](super::lists::Lists).
    List(usize),
    /// An optional sequence (one of several).
    Optional(Vec<Seq>),
    /// Up to this many other words.
    Gap(usize),
}

/// Parts in order.
pub type Seq = Vec<Part>;

/// A parsed phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// Its parts.
    pub seq: Seq,
    /// The fewest words a match has.
    pub min_words: usize,
}
