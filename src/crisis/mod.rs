//! The crisis detector: deterministic rules per language, run on everything a person types,
//! in every language at once (people mix them).
//!
//! A message is [normalised](normalise) first, then every language's exceptions (idioms,
//! titles, talk of someone else's death) are blanked out, then each language's rules run: a rule fires on any of its
//! phrases, or when all of its parts appear within a few words of each other. Every hit names
//! its language, rule and reason, so a clinical safety officer can read why a message fired.
//! Rules come from `dialogues/crisis/*.toml` (see [`crate::content::crisis`]).

mod arena;
mod detection;
mod detector;
mod lists;
pub mod matcher;
pub mod normalise;
mod pattern;
pub mod phrase;
#[cfg(test)]
mod phrase_tests;
pub mod report;
mod scan;
mod spec;
pub mod start_index;
#[cfg(test)]
mod tests;
mod trie;
mod vocab;
mod word_index;

pub use detection::{Detection, Hit};
pub use detector::Detector;
pub use normalise::View;
pub use spec::{ExceptionSpec, Kind, LanguageSpec, PackedLanguage, RuleSpec, Shape};
