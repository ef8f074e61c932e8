//! What a step does with words of crisis: the emergency routes at once for a clear message, a
//! direct question for a worrying one, and the words kept where the prescriber reads them.
//!
//! A message that fires is never taken as the answer to a question asking for a name, a
//! number, a date or a postcode: the same question is asked again, and the words are kept with
//! the referral as what the person said when help was shown. At an open question (`open =
//! true`, "tell us more") they are the answer, and flagged.

use std::collections::BTreeSet;

use crate::content::Arg;
use crate::crisis::{Detection, Kind};

use super::flag::{Asking, Flag, Flagged, Kept, Response, Then};
use super::kinds::{self, OpenQuestion};
use super::output::{Effect, Reply};
use super::prompts::LANGUAGE_NODE;
use super::session::{Answer, Aside};
use super::turn::Turn;
use super::waiting::WAITING_NODE;

mod routes;

pub use routes::ASK_NODE;

impl Turn<'_> {
    /// Answers words of crisis in `text` (not at the direct question).
    pub(super) fn on_crisis(&mut self, text: &str, found: &Detection) {
        let clear = found.clear();
        let unsure = found.unsure();
        let langs = self.languages_of(text, found);
        let (kinds, response) = if clear.is_empty() {
            (unsure.clone(), Response::Asked)
        } else {
            self.show_routes(&clear, &langs);
            (clear.union(&unsure).copied().collect(), Response::Shown)
        };
        let flag = self.flag(text, found, &kinds, response);
        let (flag, then) = match self.open_here() {
            Open::Answer { key, max_len, next } => match self.accept_open(text, max_len, next) {
                Some(next) => (flag.answering(&key), Then::Enter(next)),
                None => (flag, Then::Present),
            },
            Open::Message => {
                self.message_kept();
                (flag.answering("message"), Then::Stay)
            }
            Open::No if self.session.started => (flag, Then::Present),
            Open::No => (flag, Then::Begin),
        };
        let kept = self.keep(flag.clone());
        if unsure.is_empty() {
            self.follow(then);
        } else {
            // Worrying in a way the routes shown (if any) do not cover: ask.
            let flag = Flag {
                about: Flagged {
                    kinds: unsure.into_iter().collect(),
                    ..flag.about
                },
                ..flag
            };
            tracing::info!(rules = %flag.about.rules.join(","), "crisis question asked");
            self.session.asking = Some(Asking {
                flag,
                kept,
                langs,
                then,
            });
            self.present();
        }
    }

    /// A message too long to take that holds words of crisis: the routes, the words kept, and
    /// nothing taken as an answer.
    pub(super) fn on_crisis_too_long(&mut self, text: &str, found: &Detection) {
        let clear = found.clear();
        if self.session.asking.is_some() {
            let more = self.flag(text, found, &clear, Response::Shown);
            self.answer_ask(true, Some(more));
            return;
        }
        let langs = self.languages_of(text, found);
        self.show_routes(&clear, &langs);
        let flag = self.flag(text, found, &clear, Response::Shown);
        self.keep(flag);
    }

    /// A reply while the direct question waits: yes, no, or words of crisis (taken as yes).
    /// True when handled; false lets keywords (`back`, `help`...) through.
    pub(super) fn on_ask_reply(&mut self, text: &str, found: &Detection) -> bool {
        let clear = found.clear();
        if !clear.is_empty() {
            let more = self.flag(text, found, &clear, Response::Shown);
            self.answer_ask(true, Some(more));
            return true;
        }
        match self.resolve(text).as_deref() {
            Some("yes") => self.answer_ask(true, None),
            Some("no") => self.answer_ask(false, None),
            _ if self.keyword(text).is_some() => return false,
            _ => {
                if !found.is_empty() {
                    // More worrying words: kept too, and the question still waits.
                    let flag = self.flag(text, found, &found.unsure(), Response::Asked);
                    self.keep(flag);
                }
                self.say(&self.content.crisis.ask.again, &[]);
                self.present();
            }
        }
        true
    }

    /// Yes or no to the direct question (a button or typed); `more`: words of crisis typed as
    /// the answer.
    pub(super) fn answer_ask(&mut self, yes: bool, more: Option<Flag>) {
        let Some(asking) = self.session.asking.take() else {
            self.present();
            return;
        };
        let response = if yes {
            let kinds: BTreeSet<Kind> = asking
                .flag
                .about
                .kinds
                .iter()
                .chain(more.iter().flat_map(|m| &m.about.kinds))
                .copied()
                .collect();
            self.show_routes(&kinds, &asking.langs);
            Response::AskedYes
        } else {
            self.say_in(&asking.langs, &self.content.crisis.ask.thanks);
            Response::AskedNo
        };
        if asking.flag.about.response == Response::Asked {
            self.answered(&asking, response);
        }
        if let Some(m) = more {
            self.keep(m);
        }
        self.follow(asking.then);
    }

    /// Leaves the direct question unanswered (`back`, `restart`); the words are already kept.
    pub(super) fn drop_ask(&mut self) {
        self.session.asking = None;
    }

    /// The emergency routes for `kinds`, each language a message of its own. Marks the
    /// conversation urgent.
    pub(super) fn show_routes(&mut self, kinds: &BTreeSet<Kind>, detected: &[String]) {
        let routes = self.view().routes(kinds, detected);
        self.replies.extend(routes);
        self.session.urgent = true;
        if !self.effects.contains(&Effect::Crisis) {
            self.effects.push(Effect::Crisis);
        }
    }

    /// The shipped languages whose rules fired, most likely first.
    pub(super) fn languages_of(&self, text: &str, found: &Detection) -> Vec<String> {
        self.view().languages_of(text, found)
    }

    /// Says message `id` in the first of the route languages.
    fn say_in(&mut self, detected: &[String], id: &str) {
        let lang = self.view().first_route_language(detected);
        let text = self.content.locales.format(&lang, id, &[]);
        self.replies.push(Reply::text(text));
    }

    /// A flag for `text` at the current step; the words only once consent is given.
    fn flag(
        &self,
        text: &str,
        found: &Detection,
        kinds: &BTreeSet<Kind>,
        response: Response,
    ) -> Flag {
        let question = match self.session.aside {
            Some(Aside::Waiting | Aside::WaitingMessage) => WAITING_NODE.to_string(),
            None if self.session.picking_language => LANGUAGE_NODE.to_string(),
            None => self.session.node.clone(),
        };
        // Consent given in this conversation, or for the callback already waiting.
        let agreed = self.session.started && (self.consented() || self.context.waiting.is_some());
        Flag {
            at: self.context.now,
            words: agreed.then(|| text.to_string()),
            about: Flagged {
                kinds: kinds.iter().copied().collect(),
                response,
                rules: found.rule_ids(),
                question,
                answer: None,
            },
        }
    }

    /// Keeps a flag where the prescriber will read it: with the callback already waiting, or
    /// with the referral being made.
    fn keep(&mut self, flag: Flag) -> Kept {
        match &self.context.waiting {
            Some(reference) if flag.words.is_some() => {
                self.effects.push(Effect::Flagged {
                    reference: reference.clone(),
                    flag,
                });
                Kept::Callback(reference.clone())
            }
            _ => {
                self.session.flags.push(flag);
                Kept::Session
            }
        }
    }

    /// Records the answer to the question `asking` raised, on the flag already kept.
    fn answered(&mut self, asking: &Asking, response: Response) {
        match &asking.kept {
            Kept::Session => {
                if let Some(f) = self
                    .session
                    .flags
                    .iter_mut()
                    .rev()
                    .find(|f| f.at == asking.flag.at && f.words == asking.flag.words)
                {
                    f.about.response = response;
                }
            }
            Kept::Callback(reference) => self.effects.push(Effect::FlagAnswered {
                reference: reference.clone(),
                at: asking.flag.at,
                response,
            }),
        }
    }

    /// Goes where the conversation goes after the routes or the question.
    fn follow(&mut self, then: Then) {
        match then {
            Then::Present => self.present(),
            Then::Enter(next) => self.enter(&next),
            Then::Begin => self.begin(),
            Then::Stay => {}
        }
    }

    /// Their message for the prescriber is in a flag: say it is saved, and leave the menu.
    fn message_kept(&mut self) {
        self.session.aside = None;
        let reference = self.context.waiting.clone().unwrap_or_default();
        self.say(
            "waiting-message-saved",
            &[("reference", Arg::Str(reference))],
        );
    }

    /// Whether the step takes typed words as its answer.
    fn open_here(&self) -> Open {
        if self.session.picking_language || self.session.finished && self.session.aside.is_none() {
            return Open::No;
        }
        match self.session.aside {
            Some(Aside::WaitingMessage) if self.context.waiting.is_some() => return Open::Message,
            Some(Aside::Waiting | Aside::WaitingMessage) => return Open::No,
            None => {}
        }
        let Some(node) = self.node() else {
            return Open::No;
        };
        match kinds::of(&node.kind).open() {
            Some(OpenQuestion {
                save,
                max_len,
                next,
            }) if self.consented() => Open::Answer {
                key: save.to_string(),
                max_len,
                next: next.to_string(),
            },
            Some(_) | None => Open::No,
        }
    }

    /// Saves `text` as the answer to the open question, without moving on; the node to go to
    /// next, or `None` when it was refused (too long).
    fn accept_open(&mut self, text: &str, max_len: usize, next: String) -> Option<String> {
        if text.chars().count() > max_len {
            self.say("too-long", &[("max", Arg::Num(max_len as f64))]);
            return None;
        }
        self.accept(Some(Answer::Text(text.to_string())), &[]);
        Some(next)
    }
}

/// What the current step does with typed words.
enum Open {
    /// Saves them as this answer.
    Answer {
        /// The answer key.
        key: String,
        /// Longest answer, in characters.
        max_len: usize,
        /// The node after the question.
        next: String,
    },
    /// Keeps them as a message for the prescriber.
    Message,
    /// Nothing: they are not an answer here.
    No,
}
