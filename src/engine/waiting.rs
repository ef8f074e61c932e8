//! Outside the flow, for someone whose callback is already waiting: add a message for the
//! prescriber, cancel, or start a new request.

use crate::content::Arg;
use crate::content::dialogue::DEFAULT_MAX_LEN;

use super::output::{Effect, Reply};
use super::session::Aside;
use super::turn::Turn;
use super::view::View;

/// The pseudo node id of the "your callback is waiting" menu.
pub const WAITING_NODE: &str = "_waiting";

/// The menu's choices; each label is the message `waiting-<id>`.
const CHOICES: [&str; 3] = ["message", "cancel", "new"];

impl View<'_> {
    /// "Your request is with the team", with the menu.
    pub(super) fn waiting_prompt(&self) -> Reply {
        let reference = self.waiting.unwrap_or_default().to_string();
        Reply {
            text: self.fmt("waiting-intro", &[("reference", Arg::Str(reference))]),
            choices: CHOICES
                .iter()
                .map(|id| self.button(id, &format!("waiting-{id}"), false))
                .collect(),
            node: Some(WAITING_NODE.to_string()),
            alone: false,
            asks: None,
        }
    }
}

impl Turn<'_> {
    /// A choice on the "callback waiting" menu.
    pub(super) fn waiting_choice(&mut self, choice: &str) {
        let Some(reference) = self.context.waiting.clone() else {
            // Closed meanwhile: nothing is waiting any more.
            self.session.aside = None;
            self.begin();
            return;
        };
        match choice {
            "message" => {
                self.session.aside = Some(Aside::WaitingMessage);
                self.present();
            }
            "cancel" => {
                self.effects.push(Effect::Cancel {
                    reference: reference.clone(),
                });
                tracing::info!(reference = %reference, "callback cancelled by the resident");
                self.session.aside = None;
                self.session.reference = None;
                self.say("waiting-cancelled", &[("reference", Arg::Str(reference))]);
            }
            "new" => {
                self.session.aside = None;
                self.session.reference = None;
                self.begin();
            }
            _ => {
                self.say("stale-choice", &[]);
                self.present();
            }
        }
    }

    /// The resident's message for the prescriber, added to their waiting callback.
    pub(super) fn waiting_message(&mut self, text: &str) {
        let Some(reference) = self.context.waiting.clone() else {
            self.session.aside = None;
            self.begin();
            return;
        };
        if text.chars().count() > DEFAULT_MAX_LEN {
            self.say("too-long", &[("max", Arg::Num(DEFAULT_MAX_LEN as f64))]);
            self.present();
            return;
        }
        self.effects.push(Effect::ResidentNote {
            reference: reference.clone(),
            text: text.to_string(),
        });
        self.session.aside = None;
        self.say(
            "waiting-message-saved",
            &[("reference", Arg::Str(reference))],
        );
    }
}
