//! What the detector found in one message: the rules that fired, by kind and certainty.

use std::collections::BTreeSet;

use super::spec::Kind;

/// One rule that fired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The rule's language.
    pub lang: String,
    /// The rule's id.
    pub rule: String,
    /// The danger it speaks of.
    pub kind: Kind,
    /// True for a rule that asks rather than fires.
    pub ask: bool,
}

/// What the detector found in one message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detection {
    /// Every rule that fired, in rule-file order.
    pub hits: Vec<Hit>,
}

impl Detection {
    /// Kinds with a clear hit: show their emergency routes at once.
    pub fn clear(&self) -> BTreeSet<Kind> {
        self.hits
            .iter()
            .filter(|h| !h.ask)
            .map(|h| h.kind)
            .collect()
    }

    /// Kinds with only an unsure hit: ask.
    pub fn unsure(&self) -> BTreeSet<Kind> {
        let clear = self.clear();
        self.hits
            .iter()
            .filter(|h| h.ask && !clear.contains(&h.kind))
            .map(|h| h.kind)
            .collect()
    }

    /// Nothing fired.
    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// The languages of the rules that fired, first seen first.
    pub fn languages(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for h in &self.hits {
            if !out.contains(&h.lang.as_str()) {
                out.push(&h.lang);
            }
        }
        out
    }

    /// `lang/rule` of each hit, for logs and stored records (no words of the message).
    pub fn rule_ids(&self) -> Vec<String> {
        self.hits
            .iter()
            .map(|h| format!("{}/{}", h.lang, h.rule))
            .collect()
    }
}
