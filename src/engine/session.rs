//! What is stored of one person's conversation: where they are, their answers, and the path
//! they took, so `back` can undo exactly one step.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::flag::{Asking, Flag};
use crate::deeplink::Link;

/// A saved answer. Choices are saved by id, never by translated label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// Free text, normalised by its validation.
    Text(String),
    /// One choice id.
    Choice(String),
    /// Several choice ids, in the order the choices are listed.
    Choices(Vec<String>),
    /// Skipped with this button id ("prefer-not", "dont-know").
    Skipped(String),
}

impl Answer {
    /// The answer as plain JSON: a string, an array of ids, or null when skipped.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Answer::Text(s) | Answer::Choice(s) => serde_json::Value::String(s.clone()),
            Answer::Choices(v) => serde_json::json!(v),
            Answer::Skipped(_) => serde_json::Value::Null,
        }
    }

    /// The ids in a choice answer.
    pub fn ids(&self) -> Vec<String> {
        match self {
            Answer::Choice(s) => vec![s.clone()],
            Answer::Choices(v) => v.clone(),
            Answer::Text(_) | Answer::Skipped(_) => Vec::new(),
        }
    }

    /// True for free text.
    pub(super) fn is_text(&self) -> bool {
        match self {
            Answer::Text(_) => true,
            Answer::Choice(_) | Answer::Choices(_) | Answer::Skipped(_) => false,
        }
    }
}

/// One accepted step, so `back` can undo exactly it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// The node that was answered.
    pub node: String,
    /// Its page (summaries have two).
    pub page: u8,
    /// Answers as they were before, to restore.
    pub before: Vec<(String, Option<Answer>)>,
    /// The summary being edited from, before.
    pub editing: Option<String>,
}

/// Where one person is in the conversation. Serialised as JSON by the store, with a version
/// (`store::format`); every field has a default, so a session stored before a field existed
/// still loads.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    /// True once the conversation has begun.
    pub started: bool,
    /// The flow.
    pub flow: String,
    /// The node waiting for input.
    pub node: String,
    /// Their language, once chosen.
    pub lang: Option<String>,
    /// The language their app reports, to list first in the picker.
    pub lang_hint: Option<String>,
    /// True while the language picker is shown.
    pub picking_language: bool,
    /// Saved answers by key.
    pub answers: BTreeMap<String, Answer>,
    /// Accepted steps, newest last: the real path, for `back`.
    pub history: Vec<Step>,
    /// Failed tries at the current text node.
    pub tries: u32,
    /// Picks so far at a multi-choice node.
    pub picks: Vec<String>,
    /// Page of a summary node (0 answers, 1 "which one").
    pub page: u8,
    /// The summary to return to after changing an answer.
    pub editing: Option<String>,
    /// The crisis interrupt fired in this conversation.
    pub urgent: bool,
    /// When consent was given (RFC 3339).
    pub consent_at: Option<String>,
    /// Ids of the services suggested.
    pub suggested: Vec<String>,
    /// The needs no service within reach was found for (`matching::unmet`), once services were
    /// suggested; `None` in a session stored before this was recorded.
    pub unmet: Option<Vec<String>>,
    /// The referral reference, once queued.
    pub reference: Option<String>,
    /// The conversation reached an `end` node.
    pub finished: bool,
    /// Outside the flow: the menu for a callback already waiting.
    #[serde(default)]
    pub aside: Option<Aside>,
    /// Words of crisis, kept for the referral being made.
    #[serde(default)]
    pub flags: Vec<Flag>,
    /// The direct question ("are you having thoughts of ending your life?") waiting for yes or
    /// no.
    #[serde(default)]
    pub asking: Option<Asking>,
    /// The practices offered for what was typed at a practice question, while they are shown.
    #[serde(default)]
    pub offered: Option<Offered>,
    /// The deep link they arrived by (a practice, a source), until their referral is queued.
    #[serde(default)]
    pub link: Option<Link>,
    /// Set (never stored) when the stored conversation could not be read: the next step says
    /// so and starts again.
    #[serde(skip)]
    pub unreadable: bool,
}

/// Practices offered at a practice question, and the words they were found for.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Offered {
    /// Their ODS codes, best first.
    pub codes: Vec<String>,
    /// The words typed, kept as the answer if the practice is not listed (only with consent).
    pub typed: Option<String>,
}

/// Steps outside the dialogue graph, for someone whose callback is already queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aside {
    /// "Your callback is waiting": add a message, cancel, or start a new request.
    Waiting,
    /// Typing a message for the prescriber.
    WaitingMessage,
}
