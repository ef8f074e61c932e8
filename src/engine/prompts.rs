//! What the person is asked now: the language picker, the direct question, the menu of a
//! waiting callback, or the current node's question with its buttons; and typed text read as
//! one of those buttons.

use crate::content::locales::{DEFAULT_LANGUAGE, strip_isolation};
use crate::validate;

use super::kinds;
use super::output::{Asks, Button, Reply};
use super::session::Aside;
use super::turn::Turn;
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
                })
                .collect(),
            node: Some(LANGUAGE_NODE.to_string()),
            alone: false,
            asks: None,
        }
    }
}

impl Turn<'_> {
    /// A button of the current step from typed text: its number, its label, or its id.
    pub(super) fn resolve(&self, text: &str) -> Option<String> {
        let prompt = self.prompt();
        let t = validate::ascii_digits(text);
        let t = t.trim().trim_end_matches('.');
        if let Ok(n) = t.parse::<usize>() {
            return n
                .checked_sub(1)
                .and_then(|i| prompt.choices.get(i))
                .map(|b| b.id.clone());
        }
        let wanted = strip_isolation(text).trim().to_lowercase();
        prompt
            .choices
            .iter()
            .find(|b| strip_isolation(&b.label).trim().to_lowercase() == wanted || b.id == wanted)
            .map(|b| b.id.clone())
    }

    /// Typed text taken as a button of the current step, or "choose one" and the step again.
    pub(super) fn press_typed(&mut self, text: &str) {
        match self.resolve(text) {
            Some(id) => self.choose(&id),
            None => {
                self.say("choose-one", &[]);
                self.present();
            }
        }
    }
}
