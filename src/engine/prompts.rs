//! What the person is asked now: the language picker, the direct question, the menu of a
//! waiting callback, or the current node's question with its buttons; and typed text read as
//! one of those buttons.

use crate::content::Arg;
use crate::content::locales::DEFAULT_LANGUAGE;

use super::kinds;
use super::output::{Asks, Button, Reply};
use super::session::Aside;
use super::turn::Turn;
use super::understand::{self, Reach, Reading};
use super::view::View;

/// The pseudo node id of the language picker (node ids in files cannot start with `_`).
pub const LANGUAGE_NODE: &str = "_language";

impl View<'_> {
    /// The current question with its buttons.
    pub fn prompt(&self) -> Reply {
        if self.session.picking_language {
            return self.language_prompt();
        }
        if let Some(asking) = &self.session.asking {
            return self.ask_prompt(asking);
        }
        match self.session.aside {
            Some(Aside::Waiting) => return self.waiting_prompt(),
            Some(Aside::WaitingMessage) => {
                return Reply::text(self.fmt("waiting-message-ask", &[]));
            }
            None => {}
        }
        let Some(node) = self.node() else {
            return Reply::text(self.fmt("content-changed", &[]));
        };
        if self.session.finished {
            return Reply::text(self.fmt("conversation-over", &[]));
        }
        let (text, choices) = kinds::of(&node.kind).prompt(self, node);
        Reply {
            text,
            node: (!choices.is_empty()).then(|| node.id.clone()),
            choices,
            alone: false,
            asks: Asks::of(&node.kind, |id| self.fmt(id, &[])),
        }
    }

    /// Every language in its own name, the app's first, the chosen one ticked.
    fn language_prompt(&self) -> Reply {
        let locales = &self.content.locales;
        let hint = self
            .session
            .lang_hint
            .as_deref()
            .and_then(|h| locales.best_match(h));
        let mut langs: Vec<_> = locales.languages.iter().collect();
        langs.sort_by_key(|l| Some(l.tag.as_str()) != hint);
        let lang = self
            .session
            .lang
            .as_deref()
            .or(hint)
            .unwrap_or(DEFAULT_LANGUAGE);
        Reply {
            text: locales.format(lang, "language-pick", &[]),
            choices: langs
                .iter()
                .map(|l| Button {
                    id: l.tag.clone(),
                    label: l.name.clone(),
                    selected: Some(l.tag.as_str()) == self.session.lang.as_deref(),
                    // "bangla", "arabic": each language's own synonyms for its name.
                    aliases: l.aliases("language-name").into(),
                })
                .collect(),
            node: Some(LANGUAGE_NODE.to_string()),
            alone: false,
            asks: None,
        }
    }
}

impl Turn<'_> {
    /// What typed text says about the current step's buttons.
    pub(super) fn reading(&self, text: &str, reach: Reach) -> Reading {
        understand::read(text, &self.prompt().choices, reach)
    }

    /// The one button of the current step that typed text is (part of), if any.
    pub(super) fn resolve(&self, text: &str) -> Option<String> {
        match self.reading(text, Reach::Part) {
            Reading::One(id) => Some(id),
            Reading::Maybe(_) | Reading::Nothing => None,
        }
    }

    /// Typed text taken as a button of the current step; "Did you mean…?" when several fit;
    /// otherwise "choose one" and the step again.
    pub(super) fn press_typed(&mut self, text: &str) {
        match self.reading(text, Reach::Sentence) {
            Reading::One(id) => self.choose(&id),
            Reading::Maybe(ids) => self.did_you_mean(&ids),
            Reading::Nothing => self.not_understood(),
        }
    }

    /// "Sorry, I didn't understand", and the step again.
    pub(super) fn not_understood(&mut self) {
        self.say("choose-one", &[]);
        self.present();
    }

    /// "Did you mean…?" naming the buttons `ids`, with every button of the current step: the
    /// others stay on offer ("No" beside the "Yes" a sentence named), and typed numbers keep
    /// meaning what they meant.
    pub(super) fn did_you_mean(&mut self, ids: &[String]) {
        let mut reply = self.prompt();
        let options: Vec<String> = reply
            .choices
            .iter()
            .filter(|b| ids.contains(&b.id))
            .map(|b| format!("• {}", b.label))
            .collect();
        reply.text = self.fmt("did-you-mean", &[("options", Arg::Str(options.join("\n")))]);
        self.replies.push(reply);
    }
}
