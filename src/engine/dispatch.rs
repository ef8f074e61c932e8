//! What a step does with what the person did, before any node has its say: a stored node that
//! is gone, overlong or empty text, words of crisis (looked for first, at every step), keywords
//! (`back`, `restart`, `help`, `language`), buttons from an earlier question, the menu of a
//! waiting callback; then the current node's kind takes the button or the text.

use crate::content::Arg;
use crate::content::locales::{DEFAULT_LANGUAGE, strip_isolation};
use crate::validate;

use super::crisis::ASK_NODE;
use super::input::Input;
use super::kinds;
use super::prompts::LANGUAGE_NODE;
use super::session::Aside;
use super::turn::Turn;
use super::understand::{Reach, Reading};
use super::waiting::WAITING_NODE;

/// Longest input handled at all, in characters; longer input is refused politely.
pub const MAX_INPUT_CHARS: usize = 4000;

impl Turn<'_> {
    /// Runs one step.
    pub(super) fn run(&mut self, input: Input) {
        let gone = self.session.started
            && !self.session.picking_language
            && !self.session.node.is_empty()
            && self
                .content
                .flow(&self.session.flow)
                .and_then(|f| f.node(&self.session.node))
                .is_none();
        if gone || self.session.unreadable {
            // The content changed under a stored session, or it could not be read after an
            // upgrade: start again, politely.
            if gone {
                tracing::info!(node = %self.session.node, "stored node no longer exists; restarting");
            }
            self.session.unreadable = false;
            self.say("content-changed", &[]);
            self.begin();
            // Words of crisis are answered all the same, at the step started again.
            let crisis = input.typed().is_some_and(|t| {
                !self
                    .content
                    .crisis
                    .detect(&validate::clean_text(t))
                    .is_empty()
            });
            if !crisis {
                return;
            }
        }
        let input = match input {
            Input::Text(raw) => match self.read(&raw) {
                Some(input) => input,
                None => return,
            },
            input @ (Input::Start { .. }
            | Input::Choice { .. }
            | Input::Back
            | Input::Restart
            | Input::Help
            | Input::ChangeLanguage) => input,
        };
        self.act(input);
    }

    /// Typed text, cleaned: refused when too long or empty, answered when it holds words of
    /// crisis, or read as a keyword. `None` when nothing more is to be done.
    fn read(&mut self, raw: &str) -> Option<Input> {
        let text = validate::clean_text(raw);
        // Words of crisis are looked for first, in a message of any length.
        let found = self.content.crisis.detect(&text);
        if text.chars().count() > MAX_INPUT_CHARS {
            let clear = !found.clear().is_empty();
            // At the direct question, clear words are its answer.
            let answered = clear && self.session.asking.is_some();
            if clear {
                self.on_crisis_too_long(&text, &found);
            }
            if !answered {
                self.say("too-long", &[("max", Arg::Num(MAX_INPUT_CHARS as f64))]);
                if self.session.started {
                    self.present();
                }
            }
            return None;
        }
        if self.session.asking.is_some() {
            if self.on_ask_reply(&text, &found) {
                return None;
            }
        } else if !found.is_empty() {
            self.on_crisis(&text, &found);
            return None;
        }
        if text.is_empty() {
            if self.session.started {
                self.say("please-type", &[]);
                self.present();
            } else {
                self.begin();
            }
            return None;
        }
        Some(self.keyword(&text).unwrap_or(Input::Text(text)))
    }

    /// Does what the input asks.
    fn act(&mut self, input: Input) {
        match input {
            Input::Start { lang_hint, link } => {
                if lang_hint.is_some() {
                    self.session.lang_hint = lang_hint;
                }
                // The newest link followed counts; one naming a practice not in the list is
                // ignored whole.
                let practices = &self.content.practices;
                if let Some(link) = link.filter(|l| {
                    l.practice
                        .as_ref()
                        .is_none_or(|p| practices.practice(p.as_str()).is_some())
                }) {
                    self.session.link = Some(link);
                }
                if self.session.finished && self.context.waiting.is_some() {
                    self.session.aside = Some(Aside::Waiting);
                    self.present();
                } else if !self.session.started || self.session.finished {
                    self.begin();
                } else {
                    self.say("welcome-back", &[]);
                    self.present();
                }
            }
            Input::Choice { node, choice } if self.session.asking.is_some() => {
                if node == ASK_NODE {
                    self.answer_ask(choice == "yes", None);
                } else {
                    // A button from before the question: the question again.
                    self.say("stale-choice", &[]);
                    self.present();
                }
            }
            Input::Help
            | Input::Restart
            | Input::Back
            | Input::ChangeLanguage
            | Input::Choice { .. }
            | Input::Text(_)
                if !self.session.started =>
            {
                self.begin()
            }
            Input::Help => {
                let buttons = Arg::Str(self.context.buttons.as_str().to_string());
                self.say("help", &[("buttons", buttons)]);
                self.present();
            }
            Input::Restart => {
                self.drop_ask();
                self.say("restarted", &[]);
                self.begin();
            }
            Input::Back => self.go_back(),
            Input::ChangeLanguage => {
                self.session.picking_language = true;
                self.present();
            }
            Input::Choice { node, choice } => self.press(&node, &choice),
            Input::Text(text) => match self.session.aside {
                Some(Aside::WaitingMessage) => self.waiting_message(&text),
                // Cancelling asks nothing more: only a whole label, synonym or number.
                Some(Aside::Waiting) => match self.reading(&text, Reach::Whole) {
                    Reading::One(id) => self.waiting_choice(&id),
                    Reading::Maybe(_) | Reading::Nothing => self.not_understood(),
                },
                None if self.session.finished && self.context.waiting.is_some() => {
                    self.session.aside = Some(Aside::Waiting);
                    self.present();
                }
                None if self.session.finished => self.say("conversation-over", &[]),
                None => self.answer_text(&text),
            },
        }
    }

    /// `back`: from the direct question, from the waiting menu, or one step of the flow.
    fn go_back(&mut self) {
        if self.session.asking.is_some() {
            // Back from the direct question: the step before it, words kept.
            self.drop_ask();
            self.present();
            return;
        }
        match self.session.aside {
            Some(Aside::WaitingMessage) => {
                self.session.aside = Some(Aside::Waiting);
                self.present();
            }
            Some(Aside::Waiting) => {
                self.say("cannot-go-back", &[]);
                self.present();
            }
            None => self.back(),
        }
    }

    /// A button press: on the waiting menu, or at the current step if it is still shown.
    fn press(&mut self, node: &str, choice: &str) {
        if node == WAITING_NODE && self.session.aside.is_some() {
            self.waiting_choice(choice);
            return;
        }
        let current = if self.session.picking_language {
            LANGUAGE_NODE
        } else {
            self.session.node.as_str()
        };
        let prompt = self.prompt();
        if node != current
            || self.session.finished
            || self.session.aside.is_some()
            || !prompt.choices.iter().any(|b| b.id == choice)
        {
            self.say("stale-choice", &[]);
            self.present();
        } else {
            self.choose(choice);
        }
    }

    /// `back`, `restart`, `help` and `language`, typed in English or in the person's language.
    pub(super) fn keyword(&self, text: &str) -> Option<Input> {
        let t = text.trim_start_matches('/').trim().to_lowercase();
        let words = |id: &str| -> bool {
            [self.lang(), DEFAULT_LANGUAGE].iter().any(|lang| {
                self.content
                    .locales
                    .get(lang)
                    .and_then(|l| l.format(id, None))
                    .is_some_and(|w| {
                        strip_isolation(&w)
                            .split(',')
                            .any(|w| w.trim().to_lowercase() == t)
                    })
            })
        };
        if t == "start" && text.starts_with('/') {
            Some(Input::Start {
                lang_hint: None,
                link: None,
            })
        } else if t == "language" {
            Some(Input::ChangeLanguage)
        } else if words("keywords-back") {
            Some(Input::Back)
        } else if words("keywords-restart") {
            Some(Input::Restart)
        } else if words("keywords-help") {
            Some(Input::Help)
        } else {
            None
        }
    }

    /// The person picked button `choice` of the current step.
    pub(super) fn choose(&mut self, choice: &str) {
        if self.session.picking_language {
            self.session.lang = Some(choice.to_string());
            self.session.picking_language = false;
            if self.session.node.is_empty() {
                let start = self.flow().start.clone();
                self.enter(&start);
            } else {
                self.present();
            }
            return;
        }
        let Some(node) = self.node() else {
            return;
        };
        kinds::of(&node.kind).choose(self, node, choice);
    }

    /// Typed text at the current step: a button by number or label, or a free-text answer.
    pub(super) fn answer_text(&mut self, text: &str) {
        if self.session.picking_language {
            self.press_typed(text);
            return;
        }
        let Some(node) = self.node() else {
            return;
        };
        kinds::of(&node.kind).typed(self, node, text);
    }
}
