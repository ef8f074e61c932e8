//! Values by the word tests they were stored under, so one walk along a word finds every
//! value whose test it passes: exact and numbered words, starts and ends (tries), and parts of
//! words (one automaton).

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::pattern::WordTest;
use super::trie::Trie;

/// Values by word test. [`WordIndex::finish`] it before looking up.
#[derive(Debug, Clone)]
pub struct WordIndex<T> {
    /// `(word number, value)`, sorted once finished.
    ids: Vec<(u32, T)>,
    /// The other tests, for the few indexes that have any (a detector holds thousands of
    /// indexes, most of numbered words alone).
    other: Option<Box<Other<T>>>,
}

/// Values by the tests other than numbered words.
#[derive(Debug, Clone)]
struct Other<T> {
    exact: FxHashMap<String, Vec<T>>,
    /// Starts of words, byte by byte (`kill*`).
    prefix: Trie<T>,
    /// Ends of words, byte by byte from the last (`*suicide`).
    suffix: Trie<T>,
    /// Parts of words (`*انتحار*`), while adding.
    contains: BTreeMap<String, Vec<T>>,
    /// The same in one automaton, once finished.
    contains_ac: Option<(aho_corasick::AhoCorasick, Vec<Vec<T>>)>,
}

impl<T> Default for WordIndex<T> {
    fn default() -> WordIndex<T> {
        WordIndex {
            ids: Vec::new(),
            other: None,
        }
    }
}

impl<T> Default for Other<T> {
    fn default() -> Other<T> {
        Other {
            exact: FxHashMap::default(),
            prefix: Trie::default(),
            suffix: Trie::default(),
            contains: BTreeMap::new(),
            contains_ac: None,
        }
    }
}

impl<T: Copy + Ord> WordIndex<T> {
    /// Stores `value` for the words that pass `test`.
    pub fn insert(&mut self, test: WordTest, value: T) {
        if let WordTest::Word { id, .. } = test {
            self.ids.push((id, value));
            return;
        }
        let other = self.other.get_or_insert_default();
        match test {
            WordTest::Exact(s) => other.exact.entry(s).or_default().push(value),
            WordTest::Word { .. } => {}
            WordTest::Prefix(s) => other.prefix.insert(s.bytes(), value),
            WordTest::Suffix(s) => other.suffix.insert(s.bytes().rev(), value),
            WordTest::Contains(s) => other.contains.entry(s).or_default().push(value),
        }
    }

    /// Prepares for looking up, once every value is stored.
    pub fn finish(&mut self) {
        self.ids.sort_unstable();
        self.ids.dedup();
        // Thousands of these live as long as the bot: no spare room.
        self.ids.shrink_to_fit();
        if let Some(other) = &mut self.other {
            other.finish();
        }
    }

    /// Adds the values stored for `word` (numbered `id`) to `out`.
    pub fn lookup(&self, word: &str, id: u32, out: &mut Vec<T>) {
        let from = self.ids.partition_point(|&(w, _)| w < id);
        out.extend(
            self.ids[from..]
                .iter()
                .take_while(|&&(w, _)| w == id)
                .map(|&(_, v)| v),
        );
        if let Some(other) = &self.other {
            other.lookup(word, out);
        }
    }
}

impl<T: Copy + Ord> Other<T> {
    fn finish(&mut self) {
        self.exact.shrink_to_fit();
        for values in self.exact.values_mut() {
            values.shrink_to_fit();
        }
        self.prefix.finish();
        self.suffix.finish();
        if self.contains.is_empty() {
            return;
        }
        let (strings, values): (Vec<String>, Vec<Vec<T>>) =
            std::mem::take(&mut self.contains).into_iter().unzip();
        match aho_corasick::AhoCorasick::builder()
            // A compact automaton: words are short, and there are many lists.
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&strings)
        {
            Ok(ac) => self.contains_ac = Some((ac, values)),
            // Too many to build at all (never, at this size): no word is read as containing
            // them, and what needs them cannot start.
            Err(e) => tracing::error!(error = %e, "crisis word parts could not be indexed"),
        }
    }

    fn lookup(&self, word: &str, out: &mut Vec<T>) {
        if !self.exact.is_empty()
            && let Some(values) = self.exact.get(word)
        {
            out.extend_from_slice(values);
        }
        self.prefix.walk(word.bytes(), out);
        self.suffix.walk(word.bytes().rev(), out);
        if let Some((ac, values)) = &self.contains_ac {
            for m in ac.find_overlapping_iter(word) {
                out.extend_from_slice(&values[m.pattern().as_usize()]);
            }
        }
    }
}
