//! What comes out of a step: the messages to show, the new session, and what must be stored.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::content::Locales;
use crate::content::locales::Aliases;

use super::flag::{Flag, Response};
use super::session::{Answer, Session};
use crate::content::NodeKind;
use crate::content::dialogue::Rule;

/// A button in a reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Button {
    /// Choice id, sent back in [`Input::Choice`](super::input::Input::Choice).
    pub id: String,
    /// Translated label.
    pub label: String,
    /// Ticked (multi-choice).
    pub selected: bool,
    /// Other words typed for it (its label's Fluent `.aliases`), for reading typed answers.
    #[serde(skip)]
    pub aliases: Aliases,
}

impl Button {
    /// Button `id` labelled with message `label` in `lang`, answering also to its synonyms.
    pub fn labelled(locales: &Locales, lang: &str, id: &str, label: &str) -> Button {
        Button {
            id: id.to_string(),
            label: locales.format(lang, label, &[]),
            selected: false,
            aliases: locales.aliases(lang, label),
        }
    }
}

/// One message to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reply {
    /// The text, already translated.
    pub text: String,
    /// Buttons, if any.
    pub choices: Vec<Button>,
    /// The node the buttons belong to.
    pub node: Option<String>,
    /// Sent as a message of its own, never joined to the next (the emergency routes).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub alone: bool,
    /// What the question asks for, when a front door can help the person give it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asks: Option<Asks>,
}

/// A value a question asks for that a front door may offer to fill in (Telegram: a button
/// sharing the person's own phone number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Asks {
    /// A phone number (a `text` node checked as `uk_phone`).
    Phone {
        /// The translated label of a button that shares the person's own number.
        share: String,
    },
}

/// The message id of [`Asks::Phone`]'s button label.
pub const SHARE_PHONE: &str = "share-phone";

impl Asks {
    /// What `kind`'s question asks for, if anything a front door can help with; `label` formats
    /// a message id in the person's language.
    pub(super) fn of(kind: &NodeKind, label: impl FnOnce(&str) -> String) -> Option<Asks> {
        let NodeKind::Text {
            validate: Some(v), ..
        } = kind
        else {
            return None;
        };
        match v.rule {
            Rule::UkPhone => Some(Asks::Phone {
                share: label(SHARE_PHONE),
            }),
            Rule::Regex(_) | Rule::UkPostcode | Rule::DateOfBirth => None,
        }
    }
}

impl Reply {
    /// A message without buttons.
    pub fn text(text: String) -> Self {
        Reply {
            text,
            choices: Vec::new(),
            node: None,
            alone: false,
            asks: None,
        }
    }

    /// A message without buttons, sent on its own.
    pub fn alone(text: String) -> Self {
        Reply {
            alone: true,
            ..Reply::text(text)
        }
    }
}

/// A referral to store and queue for a callback.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Referral {
    /// What the person can quote.
    pub reference: String,
    /// When it was queued.
    pub created_at: DateTime<Utc>,
    /// Their language.
    pub language: String,
    /// The crisis interrupt fired.
    pub urgent: bool,
    /// Every saved answer.
    pub answers: BTreeMap<String, Answer>,
    /// Need ids.
    pub needs: Vec<String>,
    /// Suggested service ids.
    pub services: Vec<String>,
    /// The needs no service within reach was found for; `None` when not known (a
    /// conversation that reached no `signpost` node, or began before this was recorded).
    pub unmet: Option<Vec<String>>,
    /// When consent was given.
    pub consent_at: Option<String>,
    /// Version of the privacy notice they agreed to.
    pub notice_version: Option<String>,
    /// What they said when help was shown, or when asked directly.
    pub flags: Vec<Flag>,
    /// The team that works it.
    pub team: String,
    /// The GP practice it came from (ODS code).
    pub practice: Option<String>,
    /// Where the person found signpost (a deep link's source, or `practice`).
    pub source: Option<String>,
    /// The practice staff account that referred the person, if one did.
    pub referred_by: Option<String>,
}

/// What must be stored as a result of a step, in the same transaction as the session.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Words of crisis: flag the session and any open referral urgent.
    Crisis,
    /// Store this referral and queue its callback.
    Queue(Referral),
    /// An anonymous conversation ended: delete its session.
    DeleteSession,
    /// The resident left a message for the prescriber on their waiting callback.
    ResidentNote {
        /// The callback.
        reference: String,
        /// Their message.
        text: String,
    },
    /// The resident cancelled their waiting callback.
    Cancel {
        /// The callback.
        reference: String,
    },
    /// Words of crisis from the resident whose callback is waiting: kept with it.
    Flagged {
        /// The callback.
        reference: String,
        /// The words, and how signpost answered.
        flag: Flag,
    },
    /// The answer to the direct question raised by words kept with a waiting callback.
    FlagAnswered {
        /// The callback.
        reference: String,
        /// When the words were typed (which flag).
        at: DateTime<Utc>,
        /// How it was answered.
        response: Response,
    },
}

/// The result of one step.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Messages to show, in order.
    pub replies: Vec<Reply>,
    /// The new session.
    pub session: Session,
    /// What to store.
    pub effects: Vec<Effect>,
}
