//! Typed words read as buttons: the label, the button's id, or one of its synonyms (a Fluent
//! `.aliases` attribute), whatever the case, accents or isolation marks, a word's beginning
//! ("morn") or a longer form of it ("mornings"), or a sentence naming it ("in the morning").
//!
//! Words are compared as the crisis rules compare them ([`normalise`]), so "Café", "cafe" and
//! "CAFÉ" are one word, Arabic with or without vowel marks is one word, and Chinese is read a
//! character at a time.

use crate::crisis::normalise::{View, normalise, tokens};

use super::output::Button;

/// The shortest beginning of a word that stands for it ("morn" for "morning").
const MIN_PREFIX: usize = 4;

/// What typed words say about a question's buttons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// Exactly this button.
    One(String),
    /// These buttons may be meant (several fit, or a sentence names one): ask.
    Maybe(Vec<String>),
    /// None fits.
    Nothing,
}

/// How loosely typed words are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Only a button's number, or its whole label, id or synonym: for an action nothing
    /// confirms (cancelling a request).
    Whole,
    /// The words are (part of) a button's label or synonym: "no thanks" for "No, thanks",
    /// "dont know" for "I don't know", "morn" for "Morning". A longer text is never a button:
    /// at a free-text question, the person's story stays their answer.
    Part,
    /// [`Reach::Part`], or else a sentence that names buttons ("phone me please"), read as
    /// [`Reading::Maybe`]: "I do not agree" names "agree", and must not consent.
    Sentence,
}

/// The buttons of `buttons` that `typed` fits, as [`Reading`].
pub fn read(typed: &str, buttons: &[Button], reach: Reach) -> Reading {
    // A button's number, in any digits people type.
    let digits = crate::validate::ascii_digits(typed);
    if let Ok(n) = digits.trim().trim_end_matches('.').parse::<usize>() {
        return match n.checked_sub(1).and_then(|i| buttons.get(i)) {
            Some(b) => Reading::One(b.id.clone()),
            None => Reading::Nothing,
        };
    }
    let typed = words(typed);
    let all = phrased(buttons);
    let longest = all.iter().flat_map(|(_, ps)| ps).map(Vec::len).max();
    if typed.is_empty() || (reach != Reach::Sentence && longest < Some(typed.len())) {
        // A text longer than every label and synonym (a story) is none of them.
        return Reading::Nothing;
    }
    // The whole text is a label, an id or a synonym: that button, however many others a
    // looser reading would also fit.
    let whole: Vec<&str> = all
        .iter()
        .filter(|(_, ps)| ps.contains(&typed))
        .map(|(id, _)| *id)
        .collect();
    if let [id] = whole.as_slice() {
        return Reading::One(id.to_string());
    }
    if reach == Reach::Whole {
        return Reading::Nothing;
    }
    let ids = |f: &dyn Fn(&[Vec<String>]) -> bool| -> Vec<String> {
        all.iter()
            .filter(|(_, ps)| f(ps))
            .map(|(id, _)| id.to_string())
            .collect()
    };
    let part = ids(&|ps| ps.iter().any(|p| part_of(&typed, p)));
    match (part.as_slice(), reach) {
        ([one], _) => {
            // A word shared with another button ("feeling" in "Feeling low" and "Feeling
            // lonely") does not tell them apart.
            let touched = ids(&|ps| {
                ps.iter()
                    .any(|p| typed.iter().any(|t| p.iter().any(|w| same_word(t, w))))
            });
            if touched.len() > 1 {
                Reading::Maybe(touched)
            } else {
                Reading::One(one.clone())
            }
        }
        ([_, _, ..], _) => Reading::Maybe(part),
        ([], Reach::Part | Reach::Whole) => Reading::Nothing,
        ([], Reach::Sentence) => {
            let named = ids(&|ps| ps.iter().any(|p| names(&typed, p)));
            if named.is_empty() {
                Reading::Nothing
            } else {
                Reading::Maybe(named)
            }
        }
    }
}

/// Every button that `typed` names, in the buttons' order: "I'm lonely and can't pay my
/// bills" names "Feeling lonely" and "Money and debt" (when "bills" is one of its synonyms).
pub fn named(typed: &str, buttons: &[Button]) -> Vec<String> {
    let typed = words(typed);
    phrased(buttons)
        .into_iter()
        .filter(|(_, ps)| ps.iter().any(|p| names(&typed, p)))
        .map(|(id, _)| id.to_string())
        .collect()
}

/// What separates items in a list as people type it: commas (Latin, Arabic, Chinese) and
/// semicolons.
pub(super) const SEPARATORS: [char; 6] = [',', '،', '，', '、', ';', '؛'];

/// Synonyms as a translator writes them: separated by commas (Latin, Arabic or Chinese) or
/// semicolons.
pub fn split_aliases(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(SEPARATORS)
        .map(|s| {
            crate::content::locales::strip_isolation(s)
                .trim()
                .to_string()
        })
        .filter(|s| !s.is_empty())
}

/// The words of a text, compared as the crisis rules compare them.
fn words(text: &str) -> Vec<String> {
    tokens(&fold(text)).map(str::to_string).collect()
}

/// A text as typed words are compared: case, accents, marks and letter variants folded (the
/// form synonyms are kept in once loaded).
pub fn fold(text: &str) -> String {
    normalise(text, View::Plain).trim().to_string()
}

/// Each button's id with its label, id and synonyms as words.
fn phrased(buttons: &[Button]) -> Vec<(&str, Vec<Vec<String>>)> {
    buttons
        .iter()
        .map(|b| (b.id.as_str(), phrases(b)))
        .collect()
}

/// A button's label, id and synonyms, each as words.
fn phrases(b: &Button) -> Vec<Vec<String>> {
    // Synonyms are folded when the content loads.
    let folded = b
        .aliases
        .iter()
        .map(|a| a.split_whitespace().map(str::to_string).collect());
    [words(&b.label), words(&b.id)]
        .into_iter()
        .chain(folded)
        .filter(|w: &Vec<String>| !w.is_empty())
        .collect()
}

/// Every typed word is a word of `phrase`, and they make up at least half of it.
fn part_of(typed: &[String], phrase: &[String]) -> bool {
    typed.len() <= phrase.len()
        && typed.iter().all(|t| phrase.iter().any(|p| same_word(t, p)))
        && 2 * phrase
            .iter()
            .filter(|p| typed.iter().any(|t| same_word(t, p)))
            .count()
            >= phrase.len()
}

/// Every word of `phrase` is among the typed words.
fn names(typed: &[String], phrase: &[String]) -> bool {
    phrase.iter().all(|p| typed.iter().any(|t| same_word(t, p)))
}

/// The same word, or one a beginning of the other ("morn", "morning", "mornings"), or two
/// endings of one stem ("samotna", "samotny"), with or without the Arabic article and the
/// words joined to it ("بالوحدة", "الوحدة", "وحدة").
fn same_word(a: &str, b: &str) -> bool {
    alike(a, b) || alike(unprefixed(a), unprefixed(b))
}

/// An Arabic word without the article and a preposition or conjunction joined before it.
fn unprefixed(w: &str) -> &str {
    ARTICLES
        .iter()
        .find_map(|p| w.strip_prefix(p).filter(|rest| rest.chars().count() >= 3))
        .unwrap_or(w)
}

/// The Arabic article, alone or after و (and), ف (so), ب (with), ك (like), or as لل (for the).
const ARTICLES: [&str; 6] = ["وال", "فال", "بال", "كال", "لل", "ال"];

fn alike(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let shorter = la.min(lb);
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    (common == shorter && shorter >= MIN_PREFIX)
        || (common > MIN_PREFIX && la.abs_diff(lb) <= 2 && common + 1 >= shorter)
}

#[cfg(test)]
mod tests;
