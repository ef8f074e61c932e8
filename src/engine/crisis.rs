//! What a step does with words of crisis: the emergency routes at once for a clear message, a
//! direct question for a worrying one, and the words kept where the prescriber reads them.
//!
//! A message that fires is never taken as the answer to a question asking for a name, a
//! number, a date or a postcode: the same question is asked again, and the words are kept with
//! the referral as what the person said when help was shown. At an open question (`open =
//! true`, "tell us more") they are the answer, and flagged.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Aside, Button, Effect, Reply, Turn};
use crate::content::NodeKind;
use crate::content::locales::DEFAULT_LANGUAGE;
use crate::crisis::{Detection, Kind};

/// The pseudo node id of the direct question's buttons.
pub const ASK_NODE: &str = "_crisis";
/// Longest text kept with a flag, in characters.
const MAX_WORDS: usize = super::MAX_INPUT_CHARS;

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
    /// The question they were at (a node id, or `_waiting`).
    pub question: String,
    /// The answer the words were saved as, at an open question.
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

/// A direct question waiting for yes or no.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asking {
    /// The words that raised it.
    pub flag: Flag,
    /// What follows the answer.
    pub then: Then,
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

impl Turn<'_> {
    /// Answers words of crisis in `text`; true when the step is complete (the words are not
    /// to be read as an answer or a command).
    pub(super) fn on_crisis(&mut self, text: &str, found: &Detection) -> bool {
        let clear = found.clear();
        if !clear.is_empty() {
            self.show_routes(&clear, found);
            let flag = self.flag(text, found, &clear, Response::Shown);
            return match self.open_here() {
                Open::Answer(key) => {
                    self.keep(Flag {
                        about: Flagged {
                            answer: Some(key),
                            ..flag.about
                        },
                        ..flag
                    });
                    false
                }
                Open::Message => {
                    self.keep(Flag {
                        about: Flagged {
                            answer: Some("message".into()),
                            ..flag.about
                        },
                        ..flag
                    });
                    self.message_kept();
                    true
                }
                Open::No => {
                    self.keep(flag);
                    self.resume();
                    true
                }
            };
        }
        let unsure = found.unsure();
        let flag = self.flag(text, found, &unsure, Response::Asked);
        let then = match self.open_here() {
            Open::Answer(key) => match self.accept_open(text) {
                Some(next) => {
                    self.asking(
                        Flag {
                            about: Flagged {
                                answer: Some(key),
                                ..flag.about
                            },
                            ..flag
                        },
                        Then::Enter(next),
                    );
                    return true;
                }
                None => Then::Present,
            },
            Open::Message => {
                self.message_kept();
                self.asking(
                    Flag {
                        about: Flagged {
                            answer: Some("message".into()),
                            ..flag.about
                        },
                        ..flag
                    },
                    Then::Stay,
                );
                return true;
            }
            Open::No if !self.s.started => Then::Begin,
            Open::No => Then::Present,
        };
        self.asking(flag, then);
        true
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
                self.say(&self.c.crisis.ask.again, &[]);
                self.present();
            }
        }
        true
    }

    /// Yes or no to the direct question (a button or typed).
    pub(super) fn answer_ask(&mut self, yes: bool, more: Option<Flag>) {
        let Some(asking) = self.s.asking.take() else {
            self.present();
            return;
        };
        let mut flag = asking.flag;
        if yes {
            let kinds: BTreeSet<Kind> = flag
                .about
                .kinds
                .iter()
                .chain(more.iter().flat_map(|m| &m.about.kinds))
                .copied()
                .collect();
            self.show_routes(&kinds, &Detection::default());
            flag.about.response = Response::AskedYes;
        } else {
            self.say(&self.c.crisis.ask.thanks, &[]);
            flag.about.response = Response::AskedNo;
        }
        self.keep(flag);
        if let Some(m) = more {
            self.keep(m);
        }
        match asking.then {
            Then::Present => self.present(),
            Then::Enter(next) => self.enter(&next),
            Then::Begin => self.begin(),
            Then::Stay => {}
        }
    }

    /// Leaves the direct question unanswered (`back`, `restart`), keeping the words.
    pub(super) fn drop_ask(&mut self) {
        if let Some(asking) = self.s.asking.take() {
            self.keep(asking.flag);
        }
    }

    /// The direct question with its buttons.
    pub(super) fn ask_prompt(&self, asking: &Asking) -> Reply {
        let kind = Kind::ALL
            .into_iter()
            .find(|k| asking.flag.about.kinds.contains(k))
            .unwrap_or(Kind::SelfHarm);
        let a = &self.c.crisis.ask;
        let button = |id: &str, label: &str| Button {
            id: id.to_string(),
            label: self.fmt(label, &[]),
            selected: false,
        };
        Reply {
            text: self.fmt(&self.c.crisis.route(kind).ask, &[]),
            choices: vec![button("yes", &a.yes), button("no", &a.no)],
            node: Some(ASK_NODE.to_string()),
            alone: false,
        }
    }

    /// The emergency routes for `kinds`, in the person's language and, when the words were in
    /// another shipped language, in that one too. Marks the conversation urgent.
    pub(super) fn show_routes(&mut self, kinds: &BTreeSet<Kind>, found: &Detection) {
        let mut langs: Vec<String> = Vec::new();
        let detected = found
            .languages()
            .into_iter()
            .filter_map(|l| self.c.locales.best_match(l).map(str::to_string));
        match &self.s.lang {
            Some(l) => {
                langs.push(l.clone());
                langs.extend(detected.filter(|d| d != l).take(1));
            }
            None => {
                // Not chosen yet: the language of the words, else the app's, else English.
                let hint = self
                    .s
                    .lang_hint
                    .as_deref()
                    .and_then(|h| self.c.locales.best_match(h))
                    .map(str::to_string);
                langs.extend(
                    detected
                        .chain(hint)
                        .chain([DEFAULT_LANGUAGE.to_string()])
                        .take(1),
                );
            }
        }
        // Danger from someone else first: 999 if they are in danger now.
        let order = [Kind::Danger, Kind::SelfHarm];
        for lang in langs {
            let mut parts: Vec<String> = order
                .iter()
                .filter(|k| kinds.contains(k))
                .map(|k| {
                    self.c
                        .locales
                        .format(&lang, &self.c.crisis.route(*k).message, &[])
                })
                .collect();
            parts.push(self.c.locales.format(&lang, &self.c.crisis.resume, &[]));
            self.replies.push(Reply::alone(parts.join("\n\n")));
        }
        tracing::warn!(
            kinds = %kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(","),
            "crisis interrupt fired"
        );
        self.s.urgent = true;
        if !self.effects.contains(&Effect::Crisis) {
            self.effects.push(Effect::Crisis);
        }
    }

    /// A flag for `text` at the current step; the words only once consent is given.
    fn flag(
        &self,
        text: &str,
        found: &Detection,
        kinds: &BTreeSet<Kind>,
        response: Response,
    ) -> Flag {
        let question = match self.s.aside {
            Some(Aside::Waiting | Aside::WaitingMessage) => super::WAITING_NODE.to_string(),
            None if self.s.picking_language => super::LANGUAGE_NODE.to_string(),
            None => self.s.node.clone(),
        };
        // Consent given in this conversation, or for the callback already waiting.
        let agreed = self.s.started && (self.consented() || self.ctx.waiting.is_some());
        let words = agreed.then(|| text.chars().take(MAX_WORDS).collect::<String>());
        Flag {
            at: self.ctx.now,
            words,
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
    fn keep(&mut self, flag: Flag) {
        match &self.ctx.waiting {
            Some(reference) if flag.words.is_some() => self.effects.push(Effect::Flagged {
                reference: reference.clone(),
                flag,
            }),
            _ => self.s.flags.push(flag),
        }
    }

    /// Sets the direct question and shows it.
    fn asking(&mut self, flag: Flag, then: Then) {
        tracing::info!(rules = %flag.about.rules.join(","), "crisis question asked");
        self.s.asking = Some(Asking { flag, then });
        self.present();
    }

    /// Shows the step again after the routes (nothing typed is taken as its answer).
    fn resume(&mut self) {
        if self.s.started {
            self.present();
        } else {
            self.begin();
        }
    }

    /// Their message for the prescriber is in a flag: say it is saved, and leave the menu.
    fn message_kept(&mut self) {
        self.s.aside = None;
        let reference = self.ctx.waiting.clone().unwrap_or_default();
        self.say(
            "waiting-message-saved",
            &[("reference", crate::content::Arg::Str(reference))],
        );
    }

    /// Whether the step takes typed words as its answer.
    fn open_here(&self) -> Open {
        if self.s.picking_language || self.s.finished && self.s.aside.is_none() {
            return Open::No;
        }
        match self.s.aside {
            Some(Aside::WaitingMessage) if self.ctx.waiting.is_some() => return Open::Message,
            Some(_) => return Open::No,
            None => {}
        }
        match self.node().map(|n| &n.kind) {
            Some(NodeKind::Text {
                open: true, save, ..
            }) if self.consented() => Open::Answer(save.clone()),
            _ => Open::No,
        }
    }
}

/// What the current step does with typed words.
enum Open {
    /// Saves them as this answer.
    Answer(String),
    /// Keeps them as a message for the prescriber.
    Message,
    /// Nothing: they are not an answer here.
    No,
}
