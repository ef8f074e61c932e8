//! The phrase language of crisis rules, parsed into patterns over the words of a normalised
//! text (see [`super::matcher`]).
//!
//! A phrase is words separated by spaces, each matched as a whole word after
//! [normalisation](super::normalise):
//! - `kill*` a word starting "kill", `*suicide` one ending it, `*انتحار*` one containing it;
//! - `(take | swallow)` one of several, each itself a phrase;
//! - `[all]` an optional part (`[really | honestly]` or `(really | honestly)?` too);
//! - `~` up to 3 other words in between, `~5` up to 5;
//! - `@pills` any phrase of the rule file's `[words]` list `pills`.

use std::collections::BTreeMap;

pub use super::lists::{FirstWords, Lists, first_tests};
use super::normalise::{View, normalise, tokens};
pub use super::pattern::{Part, Phrase, Seq, WordTest};
pub use super::vocab::Vocab;

/// Why a phrase cannot be used, for a person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhraseError {
    /// Empty, or made only of symbols.
    #[error("the phrase has no words (only letters, marks and digits count)")]
    Empty,
    /// `(` or `[` without its closing bracket, or the other way round.
    #[error("unbalanced brackets: every ( needs a ) and every [ a ]")]
    Unbalanced,
    /// A gap opens a phrase or an alternative, or nothing in it is required.
    #[error(
        "a phrase or alternative cannot start with a ~ gap, and needs a word that is not optional"
    )]
    OptionalFirst,
    /// `@name` names no list.
    #[error("@{0} is not in [words]")]
    UnknownWords(String),
    /// A list refers back to itself.
    #[error("@{0} refers to itself through other lists")]
    Cycle(String),
    /// A gap over 8 words.
    #[error("~{0} is too wide; use at most ~8")]
    GapTooWide(usize),
    /// A `*` alone or between words.
    #[error("* must touch the letters of a word (kill*, *suicide)")]
    LoneWildcard,
    /// `*h...` in a file read loosely, where an `h` inside a word is not read.
    #[error(
        "{0} can never match: this file is read loosely, where an h inside a word is dropped; leave out the h"
    )]
    LooseH(String),
}

/// The named word lists of a rule file, as written.
pub type Words = BTreeMap<String, Vec<String>>;

/// Longest gap allowed, in words.
pub const MAX_GAP: usize = 8;
/// Gap when `~` has no number.
pub const DEFAULT_GAP: usize = 3;

/// Parses the phrases of one rule file (its lists shared among them).
pub struct Compiler<'a> {
    words: &'a Words,
    view: View,
    lists: Lists,
    /// Name to index, once parsed (`None` while being parsed, to refuse cycles).
    index: BTreeMap<String, Option<usize>>,
    mins: Vec<usize>,
}

impl<'a> Compiler<'a> {
    /// A compiler over the file's `[words]`, for messages read in `view`.
    pub fn new(words: &'a Words, view: View) -> Compiler<'a> {
        Compiler {
            words,
            view,
            lists: Lists::default(),
            index: BTreeMap::new(),
            mins: Vec::new(),
        }
    }

    /// Parses one phrase.
    pub fn phrase(&mut self, text: &str) -> Result<Phrase, PhraseError> {
        let chars: Vec<char> = text.chars().collect();
        let mut at = 0;
        let (alts, min) = self.alternatives(&chars, &mut at, None)?;
        if at < chars.len() {
            return Err(PhraseError::Unbalanced);
        }
        let seq = if alts.len() == 1 {
            alts.into_iter().next().unwrap_or_default()
        } else {
            vec![Part::Any(alts)]
        };
        Ok(Phrase {
            seq,
            min_words: min,
        })
    }

    /// The lists parsed so far, not yet indexed (see [`Lists::indexed`]).
    pub fn lists(self) -> Lists {
        self.lists
    }

    /// `seq ('|' seq)*` up to `close` (or the end), and the fewest words among them.
    fn alternatives(
        &mut self,
        chars: &[char],
        at: &mut usize,
        close: Option<char>,
    ) -> Result<(Vec<Seq>, usize), PhraseError> {
        let mut alts = vec![self.sequence(chars, at)?];
        loop {
            skip_spaces(chars, at);
            match chars.get(*at) {
                Some('|') => {
                    *at += 1;
                    alts.push(self.sequence(chars, at)?);
                }
                Some(c) if Some(*c) == close => {
                    *at += 1;
                    break;
                }
                None if close.is_none() => break,
                _ => return Err(PhraseError::Unbalanced),
            }
        }
        let min = alts.iter().map(|(_, m)| *m).min().unwrap_or(0);
        Ok((alts.into_iter().map(|(s, _)| s).collect(), min))
    }

    /// Items separated by spaces; the first must match at least one word.
    fn sequence(&mut self, chars: &[char], at: &mut usize) -> Result<(Seq, usize), PhraseError> {
        let mut seq: Seq = Vec::new();
        let mut min = 0;
        loop {
            skip_spaces(chars, at);
            match chars.get(*at) {
                None | Some('|' | ')' | ']') => break,
                _ => {}
            }
            let (part, part_min) = self.item(chars, at)?;
            if seq.is_empty() && matches!(part, Part::Gap(_)) {
                return Err(PhraseError::OptionalFirst);
            }
            min += part_min;
            // Consecutive words join into one part.
            match (seq.last_mut(), part) {
                (Some(Part::Words(prev)), Part::Words(next)) => prev.extend(next),
                (_, part) => seq.push(part),
            }
        }
        if seq.is_empty() {
            return Err(PhraseError::Empty);
        }
        if min == 0 {
            return Err(PhraseError::OptionalFirst);
        }
        // Rule files hold tens of thousands of these: no spare room.
        for part in &mut seq {
            if let Part::Words(tests) = part {
                tests.shrink_to_fit();
            }
        }
        seq.shrink_to_fit();
        Ok((seq, min))
    }

    fn item(&mut self, chars: &[char], at: &mut usize) -> Result<(Part, usize), PhraseError> {
        match chars.get(*at) {
            Some('(') => {
                *at += 1;
                let (alts, min) = self.alternatives(chars, at, Some(')'))?;
                let alts = self.indexed(alts);
                if chars.get(*at) == Some(&'?') {
                    // `(a | b)?` is the same as `[a | b]`.
                    *at += 1;
                    return Ok((Part::Optional(alts), 0));
                }
                Ok((one_of(alts), min))
            }
            Some('[') => {
                *at += 1;
                let (alts, _) = self.alternatives(chars, at, Some(']'))?;
                Ok((Part::Optional(self.indexed(alts)), 0))
            }
            Some('~') => {
                *at += 1;
                let start = *at;
                while chars.get(*at).is_some_and(|c| c.is_ascii_digit()) {
                    *at += 1;
                }
                let digits: String = chars[start..*at].iter().collect();
                let n = if digits.is_empty() {
                    DEFAULT_GAP
                } else {
                    digits.parse().unwrap_or(usize::MAX)
                };
                if n > MAX_GAP {
                    return Err(PhraseError::GapTooWide(n));
                }
                Ok((Part::Gap(n), 0))
            }
            Some('@') => {
                *at += 1;
                let start = *at;
                while chars
                    .get(*at)
                    .is_some_and(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                {
                    *at += 1;
                }
                let name: String = chars[start..*at].iter().collect();
                let i = self.list(&name)?;
                Ok((Part::List(i), self.mins[i]))
            }
            Some(')' | ']') => Err(PhraseError::Unbalanced),
            _ => self.word(chars, at),
        }
    }

    /// Many alternatives become an unnamed list, indexed by first word like named ones.
    fn indexed(&mut self, alts: Vec<Seq>) -> Vec<Seq> {
        if alts.len() < 4 {
            return alts;
        }
        let i = self.lists.seqs.len();
        self.lists.seqs.push(alts);
        self.mins.push(0);
        vec![vec![Part::List(i)]]
    }

    /// `@name`, parsed the first time it is named.
    fn list(&mut self, name: &str) -> Result<usize, PhraseError> {
        match self.index.get(name) {
            Some(Some(i)) => return Ok(*i),
            Some(None) => return Err(PhraseError::Cycle(name.to_string())),
            None => {}
        }
        let phrases = self
            .words
            .get(name)
            .ok_or_else(|| PhraseError::UnknownWords(name.to_string()))?;
        self.index.insert(name.to_string(), None);
        let mut seqs = Vec::new();
        let mut min = usize::MAX;
        for phrase in phrases {
            let p = self.phrase(phrase).inspect_err(|_| {
                self.index.remove(name);
            })?;
            min = min.min(p.min_words);
            seqs.push(p.seq);
        }
        if seqs.is_empty() {
            return Err(PhraseError::Empty);
        }
        let i = self.lists.seqs.len();
        self.lists.seqs.push(seqs);
        self.mins.push(min);
        self.index.insert(name.to_string(), Some(i));
        Ok(i)
    }

    /// A word with optional `*` at either end, normalised as messages are.
    fn word(&mut self, chars: &[char], at: &mut usize) -> Result<(Part, usize), PhraseError> {
        let start = *at;
        while chars
            .get(*at)
            .is_some_and(|c| !c.is_whitespace() && !"()[]|~@".contains(*c))
        {
            *at += 1;
        }
        let raw: String = chars[start..*at].iter().collect();
        let lead = raw.starts_with('*');
        let trail = raw.len() > 1 && raw.ends_with('*');
        let inner = raw.trim_matches('*');
        if inner.contains('*') || inner.is_empty() {
            return Err(PhraseError::LoneWildcard);
        }
        let norm = normalise(inner, self.view);
        let toks: Vec<&str> = tokens(&norm).collect();
        if toks.is_empty() {
            return Err(PhraseError::Empty);
        }
        if lead && self.view == View::Loose && toks[0].starts_with('h') {
            // The loose reading drops an `h` inside a word, so `*h...` can never match.
            return Err(PhraseError::LooseH(raw));
        }
        let last = toks.len() - 1;
        let tests = toks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let t = t.to_string();
                match (lead && i == 0, trail && i == last) {
                    (true, true) => WordTest::Contains(t),
                    (true, false) => WordTest::Suffix(t),
                    (false, true) => WordTest::Prefix(t),
                    (false, false) => WordTest::Exact(t),
                }
            })
            .collect();
        Ok((Part::Words(tests), toks.len()))
    }
}

fn skip_spaces(chars: &[char], at: &mut usize) {
    while chars.get(*at).is_some_and(|c| c.is_whitespace()) {
        *at += 1;
    }
}

/// One sequence as it is, several as a choice.
fn one_of(mut alts: Vec<Seq>) -> Part {
    if let [seq] = alts.as_mut_slice()
        && let [part] = seq.as_mut_slice()
    {
        return std::mem::replace(part, Part::Gap(0));
    }
    Part::Any(alts)
}

/// Parses one phrase with its own compiler, for checking it alone.
pub fn parse(text: &str, words: &Words, view: View) -> Result<Phrase, PhraseError> {
    Compiler::new(words, view).phrase(text)
}
