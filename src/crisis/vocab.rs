//! Numbers for the exact words of rules, so each word of a message is looked up once and
//! compared as a number after that.

use std::collections::hash_map::Entry;
use std::hash::BuildHasher;

use rustc_hash::{FxBuildHasher, FxHashMap};

use super::arena::{Arena, to_u32};

/// The rules' exact words, numbered. The words are kept one after another in one string and
/// found by their hash (a detector numbers tens of thousands: no allocation per word).
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    /// Word numbers by the (32-bit) hash of the word.
    by_hash: FxHashMap<u32, u32>,
    /// Every word, one after another.
    text: String,
    /// Where each word ends in `text`, by number.
    ends: Vec<u32>,
    /// Words whose hash an earlier word has (practically never).
    clashes: FxHashMap<String, u32>,
}

/// A word's hash, folded to 32 bits.
fn hash(word: &str) -> u32 {
    let h = FxBuildHasher.hash_one(word);
    (h ^ (h >> 32)) as u32
}

impl Vocab {
    /// The number of a word no rule has.
    pub const UNKNOWN: u32 = u32::MAX;

    /// The number of `word`, or [`Vocab::UNKNOWN`].
    pub fn id(&self, word: &str) -> u32 {
        match self.by_hash.get(&hash(word)) {
            Some(&n) if self.word(n) == word => n,
            Some(_) => self.clashes.get(word).copied().unwrap_or(Vocab::UNKNOWN),
            None => Vocab::UNKNOWN,
        }
    }

    /// Word number `n`.
    fn word(&self, n: u32) -> &str {
        let n = n as usize;
        let from = if n == 0 { 0 } else { self.ends[n - 1] as usize };
        &self.text[from..self.ends[n] as usize]
    }

    /// Gives back spare room, once every word is numbered.
    pub fn shrink_to_fit(&mut self) {
        self.by_hash.shrink_to_fit();
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.clashes.shrink_to_fit();
    }

    fn intern(&mut self, word: &str) -> u32 {
        let found = self.id(word);
        if found != Vocab::UNKNOWN {
            return found;
        }
        let next = to_u32(self.ends.len());
        self.text.push_str(word);
        self.ends.push(to_u32(self.text.len()));
        match self.by_hash.entry(hash(word)) {
            Entry::Occupied(_) => {
                self.clashes.insert(word.to_string(), next);
            }
            Entry::Vacant(e) => {
                e.insert(next);
            }
        }
        next
    }

    /// Numbers the exact words of `arena`, in place.
    pub(super) fn number(&mut self, arena: &mut Arena) {
        arena.number(|w| self.intern(w));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_keeps_its_own_number_even_when_hashes_clash() {
        // Among this many words some 32-bit hashes clash.
        let words: Vec<String> = (0..300_000).map(|i| format!("w{i}")).collect();
        let mut vocab = Vocab::default();
        for w in &words {
            vocab.intern(w);
        }
        vocab.shrink_to_fit();
        assert!(!vocab.clashes.is_empty());
        for (n, w) in words.iter().enumerate() {
            assert_eq!(vocab.id(w), n as u32, "{w}");
            assert_eq!(vocab.intern(w), n as u32, "{w}");
        }
        assert_eq!(vocab.id("w300000"), Vocab::UNKNOWN);
        assert_eq!(vocab.id(""), Vocab::UNKNOWN);
    }
}
