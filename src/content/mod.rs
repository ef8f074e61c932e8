//! Content: the dialogues, the Fluent languages and the service directory, loaded once and
//! validated together (`signpost check`).

pub mod bot_profile;
mod catalogue;
pub mod crisis;
mod cross_check;
pub mod dialogue;
pub mod ftl_source;
mod load;
pub mod locales;
pub mod mapping;
pub mod practices;
pub mod problem;
pub mod review;
mod review_check;
pub mod services;
mod synonyms;

use std::collections::BTreeSet;
use std::path::PathBuf;

pub use crisis::Crisis;
pub use dialogue::{Flow, Node, NodeKind};
pub use locales::{Arg, Locales};
pub use practices::Practices;
pub use problem::{Problem, ProblemKind, Severity};
pub use review_check::LanguageCounts;
pub use services::{Directory, Service};

/// The flow a conversation starts in when several are shipped.
pub const ENTRY_FLOW: &str = "self-referral";

/// Messages the engine itself says, outside any node. Every language must have them.
pub const ENGINE_MESSAGES: &[&str] = &[
    "language-name",
    "language-pick",
    "welcome-back",
    "help",
    "restarted",
    "cannot-go-back",
    "stale-choice",
    "choose-one",
    "pick-at-least",
    "too-long",
    "please-type",
    "content-changed",
    "conversation-over",
    "service-line",
    "summary-line",
    "summary-not-given",
    "keywords-back",
    "keywords-restart",
    "keywords-help",
    "unreadable-input",
    "group-chat",
    "not-text",
    "mydata-intro",
    "mydata-nothing",
    "mydata-conversation",
    "mydata-referral",
    "mydata-consent",
    "mydata-services",
    "mydata-your-message",
    "mydata-flagged",
    "mydata-team-notes",
    "mydata-outcome",
    "mydata-footer",
    "forget-confirm",
    "forget-yes",
    "forget-no",
    "forget-done",
    "forget-kept",
    "slow-down",
    "store-failed",
    "command-start",
    "command-language",
    "command-back",
    "command-restart",
    "command-help",
    "command-mydata",
    "command-forget",
    // Telegram: the bot's profile, and the phone question's button (locales/*/telegram.ftl).
    "bot-description",
    "bot-short-description",
    "share-phone",
    "contact-not-yours",
    "waiting-intro",
    "waiting-message",
    "waiting-cancel",
    "waiting-new",
    "waiting-message-ask",
    "waiting-message-saved",
    "waiting-cancelled",
    "callback-claimed",
    "services-no-postcode",
    "reason-near",
    "reason-borough",
    "reason-anywhere",
    "reason-language",
    "reason-free",
    "distance-away",
    "did-you-mean",
    "picks-understood",
    "validation-gave-up",
    "nudge-ask",
    "nudge-carry-on",
    "nudge-stop",
];

/// Every message the engine says outside any node: [`ENGINE_MESSAGES`], and the pieces opening
/// times are said with. Every language must have them.
pub fn engine_messages() -> impl Iterator<Item = &'static str> {
    ENGINE_MESSAGES
        .iter()
        .chain(services::opening::MESSAGES)
        .copied()
}

/// Content could not be loaded at all (as opposed to problems inside files).
#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    /// The folder is missing or lacks a part.
    #[error(
        "content folder {path} has no {part}/ folder: point --content or SIGNPOST_CONTENT at a folder holding dialogues/, locales/ and services/"
    )]
    MissingPart {
        /// The content folder.
        path: PathBuf,
        /// `dialogues`, `locales` or `services`.
        part: &'static str,
    },
    /// Files have errors; each is listed.
    #[error("the content has {} error(s); run `signpost check` for details:\n{}", .0.len(), .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
}

/// Everything the engine needs, loaded and checked.
#[derive(Debug)]
pub struct Content {
    /// The folder it came from.
    pub root: PathBuf,
    /// All flows; `entry` indexes the one conversations start in.
    pub flows: Vec<Flow>,
    entry: usize,
    /// The crisis interrupt.
    pub crisis: Crisis,
    /// Languages.
    pub locales: Locales,
    /// Services.
    pub directory: Directory,
    /// Teams and the practices they serve.
    pub practices: Practices,
}

impl Content {
    /// The flow new conversations start in.
    pub fn entry(&self) -> &Flow {
        &self.flows[self.entry]
    }

    /// The flow with this id.
    pub fn flow(&self, id: &str) -> Option<&Flow> {
        self.flows.iter().find(|f| f.id == id)
    }

    /// Need ids offered by the dialogues (the choices of nodes whose answer a `signpost` uses).
    pub fn need_ids(&self) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        for f in &self.flows {
            for n in &f.nodes {
                if let NodeKind::Signpost { needs, .. } = &n.kind
                    && let Some(saver) = f.saver_of(needs)
                    && let NodeKind::MultiChoice { choices, .. } | NodeKind::Choice { choices, .. } =
                        &saver.kind
                {
                    ids.extend(choices.iter().map(|c| c.id.clone()));
                }
            }
        }
        ids
    }

    /// Every message id signpost uses: the dialogues', the crisis messages and its own.
    pub fn used_messages(&self) -> BTreeSet<String> {
        let mut ids: BTreeSet<String> = self
            .flows
            .iter()
            .flat_map(|f| f.message_ids().into_iter().map(|(id, _)| id))
            .collect();
        ids.extend(self.crisis.message_ids().into_iter().map(str::to_string));
        ids.extend(engine_messages().map(str::to_string));
        ids
    }
}
