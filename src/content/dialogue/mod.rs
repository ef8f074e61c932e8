//! Dialogue files: one flow of typed nodes per TOML file, parsed with line numbers and checked
//! as a graph (targets exist, every node reachable, no dead ends, requirements saved upstream),
//! with the record a referral keeps.

use std::collections::HashMap;
use std::path::PathBuf;

use regex::Regex;
use serde::Deserialize;

mod build;
mod choices;
mod graph;
mod practice;
mod raw;
mod read;
mod record;
mod validation;

pub use build::parse;
pub use record::{CSV_COLUMNS_AFTER, CSV_COLUMNS_BEFORE, RecordField};

pub use super::problem::SCHEMA;
/// Telegram's limit on a button's `callback_data`, in bytes.
pub const CALLBACK_DATA_MAX: usize = 64;
/// Button labels longer than this are truncated by Telegram on small phones.
pub const LABEL_WARN_CHARS: usize = 40;
/// Default longest free-text answer, in characters.
pub const DEFAULT_MAX_LEN: usize = 1000;
/// The id of a `practice` node's button that keeps the words typed ("Not listed").
pub const NOT_LISTED: &str = "not-listed";

/// The bytes a button payload takes: `node id`, a separator, `choice id` (see the Telegram
/// transport), so `check` can prove every button fits.
pub fn payload_len(node: &str, choice: &str) -> usize {
    node.len() + 1 + choice.len()
}

/// A whole flow: its nodes by id and where it came from.
#[derive(Debug, Clone)]
pub struct Flow {
    /// The flow's id (`self-referral`).
    pub id: String,
    /// The node a new conversation begins at.
    pub start: String,
    /// Which answer records consent, if the flow asks for it.
    pub consent: Option<Consent>,
    /// Nodes in file order.
    pub nodes: Vec<Node>,
    /// What a referral's record shows, in order: `[record]`, else the summary's fields.
    pub record: Vec<RecordField>,
    index: HashMap<String, usize>,
    /// The file it was read from.
    pub path: PathBuf,
}

/// Where a flow records consent to keep personal data.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// The answer key of the consent question.
    pub answer: String,
    /// The choice id meaning "yes".
    pub given: String,
    /// The version of the privacy notice shown, stored with each referral.
    pub notice_version: String,
}

/// One step of a flow.
#[derive(Debug, Clone)]
pub struct Node {
    /// Unique within the flow.
    pub id: String,
    /// Fluent message id of what the step says (empty for `switch`).
    pub text: String,
    /// What the step does.
    pub kind: NodeKind,
    /// Answers that must be saved on every path to this node.
    pub require: Vec<String>,
    /// Line in the file, for messages.
    pub line: usize,
}

/// A button: an id saved as the answer, a Fluent label, and where it leads.
#[derive(Debug, Clone)]
pub struct Choice {
    /// Saved as the answer; never translated.
    pub id: String,
    /// Fluent message id of the label.
    pub label: String,
    /// Where it leads (choice nodes only).
    pub next: Option<String>,
    /// Answers to forget when this is picked (they no longer apply).
    pub clear: Vec<String>,
    /// Line of its id in the dialogue file.
    pub line: usize,
}

/// A built-in or custom check of a typed answer.
#[derive(Debug, Clone)]
pub enum Rule {
    /// Any regular expression.
    Regex(Regex),
    /// A UK phone number; stored as digits starting with 0.
    UkPhone,
    /// A UK postcode; stored upper case with one space.
    UkPostcode,
    /// A date of birth as day/month/year; stored as `YYYY-MM-DD`.
    DateOfBirth,
}

/// Validation of a `text` node.
#[derive(Debug, Clone)]
pub struct Validation {
    /// What must hold.
    pub rule: Rule,
    /// Fluent message id said when it does not.
    pub error: String,
    /// Tries before `on_fail` is taken.
    pub max_tries: u32,
    /// Where to go after too many tries (else the person keeps trying).
    pub on_fail: Option<String>,
}

/// A "skip" button on a `text` node ("prefer not to say", "don't know").
#[derive(Debug, Clone)]
pub struct Skip {
    /// The button's id.
    pub id: String,
    /// Fluent label.
    pub label: String,
    /// Where it leads; the node's `next` when absent.
    pub next: Option<String>,
}

/// What a `practice` node says besides its question: Fluent message ids.
#[derive(Debug, Clone)]
pub struct PracticeMessages {
    /// Above the practices found ("Is it one of these?").
    pub offer: String,
    /// The button that keeps the words typed ("Not listed").
    pub not_listed: String,
    /// Said when no practice is close and the words are kept as typed (gets `$typed`).
    pub not_found: String,
    /// Said when a deep link named the practice, so the question is skipped (gets
    /// `$practice`).
    pub from_link: String,
}

/// One branch of a `switch`.
#[derive(Debug, Clone)]
pub struct Case {
    /// The choice id (or one of the ids of a multiple answer) that selects it.
    pub equals: String,
    /// Where it leads.
    pub next: String,
}

/// One answer shown on a summary, with the node that asks it again.
#[derive(Debug, Clone)]
pub struct Field {
    /// Answer key.
    pub answer: String,
    /// Fluent label.
    pub label: String,
    /// Node to ask it again.
    pub edit: String,
    /// Line in the file, for messages.
    pub line: usize,
}

/// What a node does.
#[derive(Debug, Clone)]
pub enum NodeKind {
    /// Says something, then goes on.
    Message { next: String },
    /// One button out of several.
    Choice {
        save: Option<String>,
        choices: Vec<Choice>,
    },
    /// Several buttons, then "done".
    MultiChoice {
        save: String,
        choices: Vec<Choice>,
        done: String,
        min: usize,
        next: String,
    },
    /// Free text, optionally validated, optionally skippable.
    Text {
        save: String,
        validate: Option<Validation>,
        skip: Option<Skip>,
        max_len: usize,
        /// An open question ("tell us more"): words of crisis typed here are the answer
        /// (kept, marked as flagged). Elsewhere they are never taken as the answer.
        open: bool,
        next: String,
    },
    /// A GP practice from the practices list: the person types a name, a typo or a
    /// postcode and picks from the closest; saved as the ODS code (a choice), or as the words
    /// typed when it is not listed.
    Practice {
        save: String,
        says: PracticeMessages,
        skip: Option<Skip>,
        max_len: usize,
        next: String,
    },
    /// Branch on a saved answer.
    Switch {
        on: String,
        cases: Vec<Case>,
        default: String,
    },
    /// Shows matching services.
    Signpost {
        needs: String,
        postcode: Option<String>,
        dob: Option<String>,
        none: String,
        next: String,
    },
    /// Stores the referral and queues the callback; its text gets `$reference`.
    QueueCallback { next: String },
    /// Shows the answers and lets the person change one before going on.
    Summary {
        fields: Vec<Field>,
        confirm: String,
        change: String,
        pick: String,
        next: String,
    },
    /// The conversation is over.
    End,
}

impl NodeKind {
    /// True for the kinds that wait for the person.
    pub fn waits(&self) -> bool {
        matches!(
            self,
            NodeKind::Choice { .. }
                | NodeKind::MultiChoice { .. }
                | NodeKind::Text { .. }
                | NodeKind::Practice { .. }
                | NodeKind::Summary { .. }
                | NodeKind::End
        )
    }

    /// The answer key this node saves, if any.
    pub fn saves(&self) -> Option<&str> {
        match self {
            NodeKind::Choice { save, .. } => save.as_deref(),
            NodeKind::MultiChoice { save, .. }
            | NodeKind::Text { save, .. }
            | NodeKind::Practice { save, .. } => Some(save),
            NodeKind::Message { .. }
            | NodeKind::Switch { .. }
            | NodeKind::Signpost { .. }
            | NodeKind::QueueCallback { .. }
            | NodeKind::Summary { .. }
            | NodeKind::End => None,
        }
    }
}

impl Flow {
    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index.get(id).map(|&i| &self.nodes[i])
    }

    /// The node that saves `answer`, if any.
    pub fn saver_of(&self, answer: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.kind.saves() == Some(answer))
    }

    /// The answer a referral's needs are taken from: the `needs` of the first `signpost`.
    pub fn needs_answer(&self) -> Option<&str> {
        self.nodes.iter().find_map(|n| match &n.kind {
            NodeKind::Signpost { needs, .. } => Some(needs.as_str()),
            NodeKind::Message { .. }
            | NodeKind::Choice { .. }
            | NodeKind::MultiChoice { .. }
            | NodeKind::Text { .. }
            | NodeKind::Practice { .. }
            | NodeKind::Switch { .. }
            | NodeKind::QueueCallback { .. }
            | NodeKind::Summary { .. }
            | NodeKind::End => None,
        })
    }

    /// The answer naming the person's GP practice: the `save` of the first `practice` node.
    pub fn practice_answer(&self) -> Option<&str> {
        self.nodes.iter().find_map(|n| match &n.kind {
            NodeKind::Practice { save, .. } => Some(save.as_str()),
            NodeKind::Message { .. }
            | NodeKind::Choice { .. }
            | NodeKind::MultiChoice { .. }
            | NodeKind::Text { .. }
            | NodeKind::Switch { .. }
            | NodeKind::Signpost { .. }
            | NodeKind::QueueCallback { .. }
            | NodeKind::Summary { .. }
            | NodeKind::End => None,
        })
    }

    /// Every Fluent message id this flow uses, with the line using it.
    pub fn message_ids(&self) -> Vec<(String, usize)> {
        let mut ids = Vec::new();
        for n in &self.nodes {
            if !n.text.is_empty() {
                ids.push((n.text.clone(), n.line));
            }
            match &n.kind {
                NodeKind::Choice { choices, .. } => {
                    ids.extend(choices.iter().map(|c| (c.label.clone(), n.line)))
                }
                NodeKind::MultiChoice { choices, done, .. } => {
                    ids.extend(choices.iter().map(|c| (c.label.clone(), n.line)));
                    ids.push((done.clone(), n.line));
                }
                NodeKind::Text { validate, skip, .. } => {
                    if let Some(v) = validate {
                        ids.push((v.error.clone(), n.line));
                    }
                    if let Some(s) = skip {
                        ids.push((s.label.clone(), n.line));
                    }
                }
                NodeKind::Practice { says, skip, .. } => {
                    ids.extend(
                        [
                            &says.offer,
                            &says.not_listed,
                            &says.not_found,
                            &says.from_link,
                        ]
                        .map(|id| (id.clone(), n.line)),
                    );
                    if let Some(s) = skip {
                        ids.push((s.label.clone(), n.line));
                    }
                }
                NodeKind::Signpost { none, .. } => ids.push((none.clone(), n.line)),
                NodeKind::Summary {
                    fields,
                    confirm,
                    change,
                    pick,
                    ..
                } => {
                    ids.extend(fields.iter().map(|f| (f.label.clone(), n.line)));
                    ids.push((confirm.clone(), n.line));
                    ids.push((change.clone(), n.line));
                    ids.push((pick.clone(), n.line));
                }
                NodeKind::Message { .. }
                | NodeKind::Switch { .. }
                | NodeKind::QueueCallback { .. }
                | NodeKind::End => {}
            }
        }
        ids.extend(self.record.iter().map(|f| (f.label.clone(), f.line)));
        ids
    }
}
