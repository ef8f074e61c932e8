//! What is kept of words of crisis: the words, what was found, and how signpost answered;
//! and the direct question waiting for its answer.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::crisis::Kind;

/// How signpost answered words of crisis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    /// The emergency routes were shown at once.
    Shown,
    /// Asked directly; no answer (yet).
    Asked,
    /// Asked directly; they said yes and were shown the routes.
    AskedYes,
    /// Asked directly; they said no.
    AskedNo,
}

/// What is stored about words of crisis, apart from the words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flagged {
    /// The kinds of danger found.
    pub kinds: Vec<Kind>,
    /// How signpost answered.
    pub response: Response,
    /// The rules that fired, `language/rule`.
    pub rules: Vec<String>,
    /// The question they were at (a node id, `_waiting` or `_language`).
    pub question: String,
    /// The answer the words were saved as, at an open question (`message` for a message to
    /// the prescriber).
    #[serde(default)]
    pub answer: Option<String>,
}

/// Words of crisis, kept for the prescriber who calls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    /// When they were typed.
    pub at: DateTime<Utc>,
    /// What they typed; `None` when typed before consent (then nothing typed is kept).
    pub words: Option<String>,
    /// The rest.
    #[serde(flatten)]
    pub about: Flagged,
}

impl Flag {
    /// The same flag, saved as the answer `key`.
    pub fn answering(mut self, key: &str) -> Flag {
        self.about.answer = Some(key.to_string());
        self
    }
}

/// Where a flag was kept, to record the answer to the question it raised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "on", content = "reference", rename_all = "snake_case")]
pub enum Kept {
    /// In the conversation, for the referral being made.
    Session,
    /// With this callback, already waiting.
    Callback(String),
}

/// A direct question waiting for yes or no. The words that raised it are already kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asking {
    /// The words that raised it.
    pub flag: Flag,
    /// Where that flag is kept.
    #[serde(default = "session")]
    pub kept: Kept,
    /// The languages of the words, most likely first, for the question and the routes.
    #[serde(default)]
    pub langs: Vec<String>,
    /// What follows the answer.
    pub then: Then,
}

fn session() -> Kept {
    Kept::Session
}

/// Where the conversation goes once the direct question is answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "do", content = "node", rename_all = "snake_case")]
pub enum Then {
    /// Show the current step again.
    Present,
    /// Go on to this node (the words were the answer to an open question).
    Enter(String),
    /// Begin the conversation (the words came first).
    Begin,
    /// Nothing (their message for the prescriber was saved).
    Stay,
}
