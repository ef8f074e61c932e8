//! What a step does with words of crisis: the emergency routes at once for a clear message, a
//! direct question for a worrying one, and the words kept where the prescriber reads them.
//!
//! A message that fires is never taken as the answer to a question asking for a name, a
//! number, a date or a postcode: the same question is asked again, and the words are kept with
//! the referral as what the person said when help was shown. At an open question (`open =
//! true`, "tell us more") they are the answer, and flagged.

use std::collections::BTreeSet;

use super::flag::{Asking, Flag, Flagged, Kept, Response, Then};
use super::{Aside, Button, Effect, Reply, Turn};
use crate::content::locales::DEFAULT_LANGUAGE;
use crate::content::{Arg, NodeKind};
use crate::crisis::normalise::script;
use crate::crisis::{Detection, Kind, View};

/// The pseudo node id of the direct question's buttons.
pub const ASK_NODE: &str = "_crisis";

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
            Open::Answer(key) => match self.accept_open(text) {
                Some(next) => (flag.answering(&key), Then::Enter(next)),
                None => (flag, Then::Present),
            },
            Open::Message => {
                self.message_kept();
                (flag.answering("message"), Then::Stay)
            }
            Open::No if self.s.started => (flag, Then::Present),
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
            self.s.asking = Some(Asking {
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
        if self.s.asking.is_some() {
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
                self.say(&self.c.crisis.ask.again, &[]);
                self.present();
            }
        }
        true
    }

    /// Yes or no to the direct question (a button or typed); `more`: words of crisis typed as
    /// the answer.
    pub(super) fn answer_ask(&mut self, yes: bool, more: Option<Flag>) {
        let Some(asking) = self.s.asking.take() else {
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
            self.say_in(&asking.langs, &self.c.crisis.ask.thanks);
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
        self.s.asking = None;
    }

    /// The direct question with its buttons, in the language of the words until one is chosen.
    pub(super) fn ask_prompt(&self, asking: &Asking) -> Reply {
        let kind = Kind::ALL
            .into_iter()
            .find(|k| asking.flag.about.kinds.contains(k))
            .unwrap_or(Kind::SelfHarm);
        let lang = self.route_languages(&asking.langs).remove(0);
        let f = |id: &str| self.c.locales.format(&lang, id, &[]);
        let a = &self.c.crisis.ask;
        let button = |id: &str, label: &str| Button {
            id: id.to_string(),
            label: f(label),
            selected: false,
        };
        Reply {
            text: f(&self.c.crisis.route(kind).ask),
            choices: vec![button("yes", &a.yes), button("no", &a.no)],
            node: Some(ASK_NODE.to_string()),
            alone: false,
        }
    }

    /// The emergency routes for `kinds`, each language a message of its own (see
    /// [`Turn::route_languages`]). Marks the conversation urgent.
    pub(super) fn show_routes(&mut self, kinds: &BTreeSet<Kind>, detected: &[String]) {
        // Danger from someone else first: 999 if they are in danger now.
        let order = [Kind::Danger, Kind::SelfHarm];
        for lang in self.route_languages(detected) {
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

    /// The shipped languages whose rules fired, most likely first: those written in the
    /// message's script first, and among them those read as written before transliterations
    /// (so "kms" is English before it is Banglish).
    pub(super) fn languages_of(&self, text: &str, found: &Detection) -> Vec<String> {
        let written = script(text);
        let mut ranked: Vec<(u8, usize, String)> = found
            .languages()
            .into_iter()
            .enumerate()
            .filter_map(|(n, l)| {
                let tag = self.c.locales.best_match(l)?;
                let own = self.c.locales.get(tag).map(|l| script(&l.name))?;
                let loose = self.c.crisis.detector.view_of(l) == Some(View::Loose);
                let rank = match (own == written, loose) {
                    (true, false) => 0,
                    (true, true) => 1,
                    (false, _) => 2,
                };
                Some((rank, n, tag.to_string()))
            })
            .collect();
        ranked.sort();
        let mut out: Vec<String> = Vec::new();
        for (_, _, tag) in ranked {
            if !out.contains(&tag) {
                out.push(tag);
            }
        }
        out
    }

    /// The languages the routes are shown in: the person's, and the words' when another;
    /// before one is chosen, the words', and the app's when another (else English).
    fn route_languages(&self, detected: &[String]) -> Vec<String> {
        let hint = self
            .s
            .lang_hint
            .as_deref()
            .and_then(|h| self.c.locales.best_match(h))
            .map(str::to_string);
        let (first, second) = match &self.s.lang {
            Some(l) => (Some(l.clone()), detected.iter().find(|d| *d != l).cloned()),
            None => match detected.first() {
                Some(d) => (Some(d.clone()), hint.filter(|h| h != d)),
                None => (hint, None),
            },
        };
        let mut out = vec![first.unwrap_or_else(|| DEFAULT_LANGUAGE.to_string())];
        out.extend(second);
        out
    }

    /// Says message `id` in the first of the route languages.
    fn say_in(&mut self, detected: &[String], id: &str) {
        let lang = self.route_languages(detected).remove(0);
        let text = self.c.locales.format(&lang, id, &[]);
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
        let question = match self.s.aside {
            Some(Aside::Waiting | Aside::WaitingMessage) => super::WAITING_NODE.to_string(),
            None if self.s.picking_language => super::LANGUAGE_NODE.to_string(),
            None => self.s.node.clone(),
        };
        // Consent given in this conversation, or for the callback already waiting.
        let agreed = self.s.started && (self.consented() || self.ctx.waiting.is_some());
        Flag {
            at: self.ctx.now,
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
        match &self.ctx.waiting {
            Some(reference) if flag.words.is_some() => {
                self.effects.push(Effect::Flagged {
                    reference: reference.clone(),
                    flag,
                });
                Kept::Callback(reference.clone())
            }
            _ => {
                self.s.flags.push(flag);
                Kept::Session
            }
        }
    }

    /// Records the answer to the question `asking` raised, on the flag already kept.
    fn answered(&mut self, asking: &Asking, response: Response) {
        match &asking.kept {
            Kept::Session => {
                if let Some(f) = self
                    .s
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
        self.s.aside = None;
        let reference = self.ctx.waiting.clone().unwrap_or_default();
        self.say(
            "waiting-message-saved",
            &[("reference", Arg::Str(reference))],
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
