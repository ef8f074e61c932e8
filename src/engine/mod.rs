//! The dialogue engine: pure and synchronous, `(Session, Input) -> (replies, Session, effects)`.
//! It knows nothing of Telegram, terminals or SQLite; transports turn its replies into messages
//! and the store persists its sessions and effects.

mod crisis;
pub mod flag;
pub mod validate;

pub use crisis::ASK_NODE;
pub use flag::{Asking, Flag, Flagged, Kept, Response, Then};

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::content::dialogue::{Choice, Rule};
use crate::content::locales::{DEFAULT_LANGUAGE, strip_isolation};
use crate::content::{Arg, Content, Flow, Node, NodeKind};
use crate::matching::{self, Query, Reason};

/// The pseudo node id of the language picker (node ids in files cannot start with `_`).
pub const LANGUAGE_NODE: &str = "_language";
/// The pseudo node id of the "your callback is waiting" menu.
pub const WAITING_NODE: &str = "_waiting";
/// The choice id of a multi-choice "done" button.
pub const DONE: &str = "done";
/// Longest input handled at all, in characters; longer input is refused politely.
pub const MAX_INPUT_CHARS: usize = 4000;
/// Replies are split before this many characters (Telegram allows 4096).
pub const MAX_REPLY_CHARS: usize = 3500;

/// A saved answer. Choices are saved by id, never by translated label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// Free text, normalised by its validation.
    Text(String),
    /// One choice id.
    Choice(String),
    /// Several choice ids, in the order the choices are listed.
    Choices(Vec<String>),
    /// Skipped with this button id ("prefer-not", "dont-know").
    Skipped(String),
}

impl Answer {
    /// The answer as plain JSON: a string, an array of ids, or null when skipped.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Answer::Text(s) | Answer::Choice(s) => serde_json::Value::String(s.clone()),
            Answer::Choices(v) => serde_json::json!(v),
            Answer::Skipped(_) => serde_json::Value::Null,
        }
    }

    /// The ids in a choice answer.
    pub fn ids(&self) -> Vec<String> {
        match self {
            Answer::Choice(s) => vec![s.clone()],
            Answer::Choices(v) => v.clone(),
            _ => Vec::new(),
        }
    }
}

/// One accepted step, so `back` can undo exactly it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// The node that was answered.
    pub node: String,
    /// Its page (summaries have two).
    pub page: u8,
    /// Answers as they were before, to restore.
    pub before: Vec<(String, Option<Answer>)>,
    /// The summary being edited from, before.
    pub editing: Option<String>,
}

/// Where one person is in the conversation. Serialised as JSON by the store, with a version
/// (`store::format`); every field has a default, so a session stored before a field existed
/// still loads.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    /// True once the conversation has begun.
    pub started: bool,
    /// The flow.
    pub flow: String,
    /// The node waiting for input.
    pub node: String,
    /// Their language, once chosen.
    pub lang: Option<String>,
    /// The language their app reports, to list first in the picker.
    pub lang_hint: Option<String>,
    /// True while the language picker is shown.
    pub picking_language: bool,
    /// Saved answers by key.
    pub answers: BTreeMap<String, Answer>,
    /// Accepted steps, newest last: the real path, for `back`.
    pub history: Vec<Step>,
    /// Failed tries at the current text node.
    pub tries: u32,
    /// Picks so far at a multi-choice node.
    pub picks: Vec<String>,
    /// Page of a summary node (0 answers, 1 "which one").
    pub page: u8,
    /// The summary to return to after changing an answer.
    pub editing: Option<String>,
    /// The crisis interrupt fired in this conversation.
    pub urgent: bool,
    /// When consent was given (RFC 3339).
    pub consent_at: Option<String>,
    /// Ids of the services suggested.
    pub suggested: Vec<String>,
    /// The referral reference, once queued.
    pub reference: Option<String>,
    /// The conversation reached an `end` node.
    pub finished: bool,
    /// Outside the flow: the menu for a callback already waiting.
    #[serde(default)]
    pub aside: Option<Aside>,
    /// Words of crisis, kept for the referral being made.
    #[serde(default)]
    pub flags: Vec<Flag>,
    /// The direct question ("are you having thoughts of ending your life?") waiting for yes or
    /// no.
    #[serde(default)]
    pub asking: Option<Asking>,
    /// Set (never stored) when the stored conversation could not be read: the next step says
    /// so and starts again.
    #[serde(skip)]
    pub unreadable: bool,
}

/// Steps outside the dialogue graph, for someone whose callback is already queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aside {
    /// "Your callback is waiting": add a message, cancel, or start a new request.
    Waiting,
    /// Typing a message for the prescriber.
    WaitingMessage,
}

/// What a person did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// First contact or `/start`; the app's language, if known.
    Start {
        /// A BCP-47 tag reported by the app.
        lang_hint: Option<String>,
    },
    /// Typed text.
    Text(String),
    /// A button press: the node it belonged to and the choice id.
    Choice {
        /// Node id the button was shown for.
        node: String,
        /// Choice id.
        choice: String,
    },
    /// Undo the last answer.
    Back,
    /// Start again from the beginning.
    Restart,
    /// Explain what they can do.
    Help,
    /// Show the language picker.
    ChangeLanguage,
}

/// A button in a reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Button {
    /// Choice id, sent back in [`Input::Choice`].
    pub id: String,
    /// Translated label.
    pub label: String,
    /// Ticked (multi-choice).
    pub selected: bool,
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
}

impl Reply {
    /// A message without buttons.
    pub fn text(text: String) -> Self {
        Reply {
            text,
            choices: Vec::new(),
            node: None,
            alone: false,
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
    /// When consent was given.
    pub consent_at: Option<String>,
    /// Version of the privacy notice they agreed to.
    pub notice_version: Option<String>,
    /// What they said when help was shown, or when asked directly.
    pub flags: Vec<Flag>,
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

/// What the transport supplies for a step: the time and a fresh reference to use if one is
/// needed (the store rejects a duplicate, and the transport runs the step again with another).
#[derive(Debug, Clone)]
pub struct Context {
    /// Now.
    pub now: DateTime<Utc>,
    /// A reference not yet known to be taken.
    pub reference: String,
    /// The reference of this person's callback still open or claimed, if any.
    pub waiting: Option<String>,
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

/// The engine over loaded content.
#[derive(Debug, Clone)]
pub struct Engine {
    content: Arc<Content>,
}

impl Engine {
    /// An engine over checked content.
    pub fn new(content: Arc<Content>) -> Self {
        Engine { content }
    }

    /// The content it runs.
    pub fn content(&self) -> &Content {
        &self.content
    }

    /// A new session, optionally with the language already chosen.
    pub fn new_session(&self, lang: Option<&str>) -> Session {
        Session {
            lang: lang
                .and_then(|l| self.content.locales.best_match(l))
                .map(str::to_string),
            ..Session::default()
        }
    }

    /// Runs one step.
    pub fn step(&self, session: &Session, input: Input, ctx: &Context) -> Outcome {
        let mut turn = Turn {
            c: &self.content,
            s: session.clone(),
            replies: Vec::new(),
            effects: Vec::new(),
            ctx,
        };
        turn.run(input);
        Outcome {
            replies: turn.replies,
            session: turn.s,
            effects: turn.effects,
        }
    }

    /// Saved answers as a person reads them, one `label: value` line each, in `lang`: the
    /// record's order and labels first (the dialogue's `[record]`, else its summary), then any
    /// other answer under its key.
    pub fn describe_answers(&self, lang: &str, answers: &BTreeMap<String, Answer>) -> Vec<String> {
        let ctx = Context {
            now: Utc::now(),
            reference: String::new(),
            waiting: None,
        };
        let turn = Turn {
            c: &self.content,
            s: Session {
                lang: Some(lang.to_string()),
                answers: answers.clone(),
                ..Session::default()
            },
            replies: Vec::new(),
            effects: Vec::new(),
            ctx: &ctx,
        };
        let mut labels: Vec<(String, String)> = Vec::new();
        for f in self.content.flows.iter().flat_map(|flow| &flow.record) {
            if !labels.iter().any(|(a, _)| *a == f.answer) {
                labels.push((f.answer.clone(), f.label.clone()));
            }
        }
        let mut keys: Vec<&String> = labels
            .iter()
            .map(|(a, _)| a)
            .filter(|a| answers.contains_key(*a))
            .collect();
        // Consent is told in its own words (with the notice's version), not as an answer.
        let consent: Vec<&str> = self
            .content
            .flows
            .iter()
            .filter_map(|f| f.consent.as_ref().map(|c| c.answer.as_str()))
            .collect();
        keys.extend(
            answers
                .keys()
                .filter(|k| !labels.iter().any(|(a, _)| a == *k) && !consent.contains(&k.as_str())),
        );
        keys.into_iter()
            .map(|key| {
                let label = labels
                    .iter()
                    .find(|(a, _)| a == key)
                    .map(|(_, l)| turn.fmt(l, &[]))
                    .unwrap_or_else(|| key.clone());
                turn.fmt(
                    "summary-line",
                    &[
                        ("label", Arg::Str(label)),
                        ("value", Arg::Str(turn.display(key))),
                    ],
                )
            })
            .collect()
    }

    /// An answer read back from a stored referral (plain JSON), typed by the node that saves it.
    pub fn answer_from_json(&self, key: &str, value: &serde_json::Value) -> Option<Answer> {
        let saver = self
            .content
            .flows
            .iter()
            .find_map(|f| f.saver_of(key))
            .map(|n| &n.kind);
        Some(match value {
            serde_json::Value::Null => Answer::Skipped(String::new()),
            serde_json::Value::Array(ids) => Answer::Choices(
                ids.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
            ),
            serde_json::Value::String(s) => match saver {
                Some(NodeKind::Choice { .. }) => Answer::Choice(s.clone()),
                _ => Answer::Text(s.clone()),
            },
            _ => return None,
        })
    }

    /// The message `id` in `lang`, without buttons (outside the dialogue: privacy requests,
    /// errors, notices to the person).
    pub fn message(&self, lang: &str, id: &str) -> Reply {
        Reply::text(self.content().locales.format(lang, id, &[]))
    }

    /// The emergency routes when `text` holds clear words of crisis, in the language of the
    /// words or `lang`: for places where no conversation runs (a group chat). Nothing is kept.
    pub fn routes_only(&self, text: &str, lang: Option<&str>) -> Option<Reply> {
        let found = self.content.crisis.detect(&validate::clean_text(text));
        let clear = found.clear();
        if clear.is_empty() {
            return None;
        }
        let ctx = Context {
            now: Utc::now(),
            reference: String::new(),
            waiting: None,
        };
        let mut turn = Turn {
            c: &self.content,
            s: Session {
                lang_hint: lang.map(str::to_string),
                ..Session::default()
            },
            replies: Vec::new(),
            effects: Vec::new(),
            ctx: &ctx,
        };
        let langs = turn.languages_of(text, &found);
        turn.show_routes(&clear, &langs);
        turn.replies.into_iter().next()
    }

    /// What the person is being asked now, for showing the step again (on resume).
    pub fn current(&self, session: &Session) -> Vec<Reply> {
        let ctx = Context {
            now: Utc::now(),
            reference: String::new(),
            waiting: session.reference.clone(),
        };
        let turn = Turn {
            c: &self.content,
            s: session.clone(),
            replies: Vec::new(),
            effects: Vec::new(),
            ctx: &ctx,
        };
        vec![turn.prompt()]
    }
}

struct Turn<'a> {
    c: &'a Content,
    s: Session,
    replies: Vec<Reply>,
    effects: Vec<Effect>,
    ctx: &'a Context,
}

impl Turn<'_> {
    fn lang(&self) -> &str {
        self.s.lang.as_deref().unwrap_or(DEFAULT_LANGUAGE)
    }

    fn flow(&self) -> &Flow {
        self.c.flow(&self.s.flow).unwrap_or_else(|| self.c.entry())
    }

    fn node(&self) -> Option<&Node> {
        self.flow().node(&self.s.node)
    }

    fn today(&self) -> NaiveDate {
        self.ctx.now.date_naive()
    }

    /// Text answers (a name, a GP surgery) are available to messages as variables.
    fn fmt(&self, id: &str, extra: &[(&str, Arg)]) -> String {
        let mut args: Vec<(&str, Arg)> = self
            .s
            .answers
            .iter()
            .filter_map(|(k, v)| match v {
                Answer::Text(t) => Some((k.as_str(), Arg::Str(t.clone()))),
                _ => None,
            })
            .collect();
        args.extend(extra.iter().cloned());
        self.c.locales.format(self.lang(), id, &args)
    }

    fn say(&mut self, id: &str, extra: &[(&str, Arg)]) {
        let text = self.fmt(id, extra);
        self.replies.push(Reply::text(text));
    }

    fn present(&mut self) {
        let p = self.prompt();
        self.replies.push(p);
    }

    fn run(&mut self, input: Input) {
        let gone = self.s.started
            && !self.s.picking_language
            && !self.s.node.is_empty()
            && self
                .c
                .flow(&self.s.flow)
                .and_then(|f| f.node(&self.s.node))
                .is_none();
        if gone || self.s.unreadable {
            // The content changed under a stored session, or it could not be read after an
            // upgrade: start again, politely.
            if gone {
                tracing::info!(node = %self.s.node, "stored node no longer exists; restarting");
            }
            self.s.unreadable = false;
            self.say("content-changed", &[]);
            self.begin();
            // Words of crisis are answered all the same, at the step started again.
            let crisis = matches!(&input, Input::Text(t)
                if !self.c.crisis.detect(&validate::clean_text(t)).is_empty());
            if !crisis {
                return;
            }
        }
        let input = match input {
            Input::Text(raw) => {
                let text = validate::clean_text(&raw);
                // Words of crisis are looked for first, in a message of any length.
                let found = self.c.crisis.detect(&text);
                let chars = text.chars().count();
                if chars > MAX_INPUT_CHARS {
                    let clear = !found.clear().is_empty();
                    // At the direct question, clear words are its answer.
                    let answered = clear && self.s.asking.is_some();
                    if clear {
                        self.on_crisis_too_long(&text, &found);
                    }
                    if !answered {
                        self.say("too-long", &[("max", Arg::Num(MAX_INPUT_CHARS as f64))]);
                        if self.s.started {
                            self.present();
                        }
                    }
                    return;
                }
                if self.s.asking.is_some() {
                    if self.on_ask_reply(&text, &found) {
                        return;
                    }
                } else if !found.is_empty() {
                    self.on_crisis(&text, &found);
                    return;
                }
                if text.is_empty() {
                    if self.s.started {
                        self.say("please-type", &[]);
                        self.present();
                    } else {
                        self.begin();
                    }
                    return;
                }
                self.keyword(&text).unwrap_or(Input::Text(text))
            }
            other => other,
        };
        match input {
            Input::Start { lang_hint } => {
                if lang_hint.is_some() {
                    self.s.lang_hint = lang_hint;
                }
                if self.s.finished && self.ctx.waiting.is_some() {
                    self.s.aside = Some(Aside::Waiting);
                    self.present();
                } else if !self.s.started || self.s.finished {
                    self.begin();
                } else {
                    self.say("welcome-back", &[]);
                    self.present();
                }
            }
            Input::Choice { node, choice } if node == ASK_NODE && self.s.asking.is_some() => {
                self.answer_ask(choice == "yes", None);
            }
            Input::Choice { .. } if self.s.asking.is_some() => {
                // A button from before the question: the question again.
                self.say("stale-choice", &[]);
                self.present();
            }
            _ if !self.s.started => self.begin(),
            Input::Help => {
                self.say("help", &[]);
                self.present();
            }
            Input::Restart => {
                self.drop_ask();
                self.say("restarted", &[]);
                self.begin();
            }
            Input::Back if self.s.asking.is_some() => {
                // Back from the direct question: the step before it, words kept.
                self.drop_ask();
                self.present();
            }
            Input::Back if self.s.aside == Some(Aside::WaitingMessage) => {
                self.s.aside = Some(Aside::Waiting);
                self.present();
            }
            Input::Back if self.s.aside.is_some() => {
                self.say("cannot-go-back", &[]);
                self.present();
            }
            Input::Back => self.back(),
            Input::ChangeLanguage => {
                self.s.picking_language = true;
                self.present();
            }
            Input::Choice { node, choice } if node == WAITING_NODE && self.s.aside.is_some() => {
                self.waiting_choice(&choice);
            }
            Input::Choice { node, choice } => {
                let current = if self.s.picking_language {
                    LANGUAGE_NODE
                } else {
                    self.s.node.as_str()
                };
                let prompt = self.prompt();
                if node != current
                    || self.s.finished
                    || self.s.aside.is_some()
                    || !prompt.choices.iter().any(|b| b.id == choice)
                {
                    self.say("stale-choice", &[]);
                    self.present();
                } else {
                    self.choose(&choice);
                }
            }
            Input::Text(text) => match self.s.aside {
                Some(Aside::WaitingMessage) => self.waiting_message(&text),
                Some(Aside::Waiting) => match self.resolve(&text) {
                    Some(id) => self.waiting_choice(&id),
                    None => {
                        self.say("choose-one", &[]);
                        self.present();
                    }
                },
                None if self.s.finished && self.ctx.waiting.is_some() => {
                    self.s.aside = Some(Aside::Waiting);
                    self.present();
                }
                None if self.s.finished => self.say("conversation-over", &[]),
                None => self.answer_text(&text),
            },
        }
    }

    /// `back`, `restart`, `help` and `language`, typed in English or in the person's language.
    fn keyword(&self, text: &str) -> Option<Input> {
        let t = text.trim_start_matches('/').trim().to_lowercase();
        let words = |id: &str| -> bool {
            [self.lang(), DEFAULT_LANGUAGE].iter().any(|lang| {
                self.c
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
            Some(Input::Start { lang_hint: None })
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

    /// Starts the conversation afresh: the language picker, or the first node.
    fn begin(&mut self) {
        self.reset();
        if self.s.lang.is_none() {
            self.s.picking_language = true;
            self.present();
        } else {
            let start = self.flow().start.clone();
            self.enter(&start);
        }
    }

    /// Forgets answers and history, keeping the language and the urgent flag.
    fn reset(&mut self) {
        let keep = Session {
            started: true,
            flow: self.c.entry().id.clone(),
            lang: self.s.lang.clone(),
            lang_hint: self.s.lang_hint.clone(),
            urgent: self.s.urgent,
            flags: std::mem::take(&mut self.s.flags),
            ..Session::default()
        };
        self.s = keep;
    }

    fn back(&mut self) {
        let Some(step) = self.s.history.pop() else {
            self.say("cannot-go-back", &[]);
            self.present();
            return;
        };
        let mut undone = None;
        for (key, value) in step.before.into_iter().rev() {
            let replaced = match value {
                Some(v) => self.s.answers.insert(key, v),
                None => self.s.answers.remove(&key),
            };
            undone = undone.or(replaced);
        }
        self.s.node = step.node;
        self.s.page = step.page;
        self.s.editing = step.editing;
        self.s.finished = false;
        self.s.picking_language = false;
        self.s.tries = 0;
        self.sync_consent();
        self.load_picks();
        if let (Some(NodeKind::MultiChoice { .. }), Some(Answer::Choices(ids))) =
            (self.node().map(|n| &n.kind), undone)
        {
            // Going back to a multi-choice shows what was ticked, ready to change.
            self.s.picks = ids;
        }
        self.present();
    }

    fn load_picks(&mut self) {
        self.s.picks = match self.node().map(|n| &n.kind) {
            Some(NodeKind::MultiChoice { save, .. }) => self
                .s
                .answers
                .get(save)
                .map(Answer::ids)
                .unwrap_or_default(),
            _ => Vec::new(),
        };
    }

    fn consented(&self) -> bool {
        match &self.flow().consent {
            None => true,
            Some(c) => self.s.answers.get(&c.answer) == Some(&Answer::Choice(c.given.clone())),
        }
    }

    fn sync_consent(&mut self) {
        if !self.consented() {
            self.s.consent_at = None;
        } else if self.s.consent_at.is_none() && self.flow().consent.is_some() {
            self.s.consent_at = Some(
                self.ctx
                    .now
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            );
        }
    }

    /// Records an accepted answer at the current node, remembering what it replaced.
    fn accept(&mut self, value: Option<Answer>, clear: &[String]) {
        let node = self.node().cloned();
        let mut before = Vec::new();
        if let (Some(v), Some(key)) = (value, node.as_ref().and_then(|n| n.kind.saves())) {
            // No free text is kept before consent: the flow should not ask, and if it does,
            // the answer is not stored.
            if matches!(v, Answer::Text(_)) && !self.consented() {
                tracing::warn!(node = %self.s.node, "free text before consent was not saved");
            } else {
                before.push((key.to_string(), self.s.answers.insert(key.to_string(), v)));
            }
        }
        for key in clear {
            before.push((key.clone(), self.s.answers.remove(key)));
        }
        self.s.history.push(Step {
            node: self.s.node.clone(),
            page: self.s.page,
            before,
            editing: self.s.editing.clone(),
        });
        self.s.tries = 0;
        self.s.picks.clear();
        self.sync_consent();
    }

    /// Goes to `target`, passing through nodes that do not wait, until one waits.
    fn enter(&mut self, target: &str) {
        let mut id = target.to_string();
        for _ in 0..256 {
            if let Some(summary) = self.s.editing.clone() {
                let answered = self
                    .flow()
                    .node(&id)
                    .and_then(|n| n.kind.saves())
                    .is_some_and(|k| self.s.answers.contains_key(k));
                if id == summary || answered {
                    self.s.editing = None;
                    id = summary;
                }
            }
            let Some(node) = self.flow().node(&id).cloned() else {
                tracing::error!(node = %id, "target missing at run time");
                self.say("content-changed", &[]);
                self.reset();
                return;
            };
            self.s.node = node.id.clone();
            self.s.page = 0;
            self.s.tries = 0;
            match &node.kind {
                NodeKind::Message { next } => {
                    self.say(&node.text, &[]);
                    id = next.clone();
                }
                NodeKind::Switch { on, cases, default } => {
                    let ids = self.s.answers.get(on).map(Answer::ids).unwrap_or_default();
                    id = cases
                        .iter()
                        .find(|c| ids.contains(&c.equals))
                        .map(|c| c.next.clone())
                        .unwrap_or_else(|| default.clone());
                }
                NodeKind::Signpost {
                    needs,
                    postcode,
                    dob,
                    none,
                    next,
                } => {
                    self.signpost(&node, needs, postcode.as_deref(), dob.as_deref(), none);
                    id = next.clone();
                }
                NodeKind::QueueCallback { next } => {
                    self.queue(&node);
                    id = next.clone();
                }
                NodeKind::End => {
                    self.say(&node.text, &[]);
                    self.s.finished = true;
                    if !self.consented() {
                        self.effects.push(Effect::DeleteSession);
                    }
                    // Kept no longer than needed: a queued referral holds the answers now.
                    self.s.answers.clear();
                    self.s.history.clear();
                    self.s.picks.clear();
                    return;
                }
                _ => {
                    self.load_picks();
                    self.present();
                    return;
                }
            }
        }
        tracing::error!("too many steps without waiting; stopping");
    }

    fn signpost(
        &mut self,
        node: &Node,
        needs_key: &str,
        postcode_key: Option<&str>,
        dob_key: Option<&str>,
        none: &str,
    ) {
        let needs = self
            .s
            .answers
            .get(needs_key)
            .map(Answer::ids)
            .unwrap_or_default();
        let text_of = |k: Option<&str>| match k.and_then(|k| self.s.answers.get(k)) {
            Some(Answer::Text(t)) => Some(t.clone()),
            _ => None,
        };
        let postcode = text_of(postcode_key);
        let age = text_of(dob_key).and_then(|d| validate::age_on(&d, self.today()));
        let lang = self.lang().to_string();
        let query = Query {
            needs: &needs,
            postcode: postcode.as_deref(),
            age,
            language: &lang,
        };
        let mut found = matching::suggest(&self.c.directory, &query);
        let mut parts = Vec::new();
        if postcode_key.is_some() && postcode.is_none() {
            parts.push(self.fmt("services-no-postcode", &[]));
        }
        if found.is_empty() {
            // Nothing for these needs: say so, then offer the general borough and phone services.
            parts.push(self.fmt(none, &[]));
            let general = ["other".to_string()];
            found = matching::suggest(
                &self.c.directory,
                &Query {
                    needs: &general,
                    ..query
                },
            );
        } else {
            parts.push(self.fmt(&node.text, &[("count", Arg::Num(found.len() as f64))]));
        }
        self.s.suggested = found.iter().map(|f| f.service.id.clone()).collect();
        for f in &found {
            let s = f.service;
            let description = s
                .translations
                .get(&lang)
                .cloned()
                .unwrap_or_else(|| s.description.clone());
            let contact = s
                .phone
                .clone()
                .or_else(|| s.website.clone())
                .unwrap_or_default();
            let why = f
                .reasons
                .iter()
                .filter_map(|r| match r {
                    Reason::Need(_) => None,
                    Reason::SameDistrict(d) => {
                        Some(self.fmt("reason-near", &[("district", Arg::Str(d.clone()))]))
                    }
                    Reason::Borough => Some(self.fmt("reason-borough", &[])),
                    Reason::Anywhere => Some(self.fmt("reason-anywhere", &[])),
                    Reason::SpeaksLanguage(_) => Some(self.fmt("reason-language", &[])),
                    Reason::Free => Some(self.fmt("reason-free", &[])),
                })
                .collect::<Vec<_>>()
                .join(" · ");
            parts.push(self.fmt(
                "service-line",
                &[
                    ("name", Arg::Str(s.name.clone())),
                    ("organisation", Arg::Str(s.organisation.clone())),
                    ("description", Arg::Str(description)),
                    ("contact", Arg::Str(contact)),
                    ("why", Arg::Str(why)),
                ],
            ));
        }
        self.push_long(parts);
    }

    /// Joins paragraphs into as few replies as fit Telegram's limit.
    fn push_long(&mut self, parts: Vec<String>) {
        let mut current = String::new();
        for p in parts {
            if !current.is_empty()
                && current.chars().count() + p.chars().count() + 2 > MAX_REPLY_CHARS
            {
                self.replies.push(Reply::text(std::mem::take(&mut current)));
            }
            if !current.is_empty() {
                current.push_str("\n\n");
            }
            current.push_str(&p);
        }
        if !current.is_empty() {
            self.replies.push(Reply::text(current));
        }
    }

    fn queue(&mut self, node: &Node) {
        if !self.consented() {
            tracing::warn!(node = %node.id, "queue_callback reached without consent; nothing queued");
            return;
        }
        let reference = match &self.s.reference {
            Some(r) => r.clone(),
            None => {
                let r = self.ctx.reference.clone();
                let needs = self
                    .flow()
                    .nodes
                    .iter()
                    .find_map(|n| match &n.kind {
                        NodeKind::Signpost { needs, .. } => self.s.answers.get(needs),
                        _ => None,
                    })
                    .map(Answer::ids)
                    .unwrap_or_default();
                self.effects.push(Effect::Queue(Referral {
                    reference: r.clone(),
                    created_at: self.ctx.now,
                    language: self.lang().to_string(),
                    urgent: self.s.urgent,
                    answers: self.s.answers.clone(),
                    needs,
                    services: self.s.suggested.clone(),
                    consent_at: self.s.consent_at.clone(),
                    notice_version: self
                        .flow()
                        .consent
                        .as_ref()
                        .map(|c| c.notice_version.clone()),
                    flags: std::mem::take(&mut self.s.flags),
                }));
                tracing::info!(reference = %r, "callback queued");
                self.s.reference = Some(r.clone());
                r
            }
        };
        self.s.history.clear();
        self.say(&node.text, &[("reference", Arg::Str(reference))]);
    }

    /// A choice on the "callback waiting" menu.
    fn waiting_choice(&mut self, choice: &str) {
        let Some(reference) = self.ctx.waiting.clone() else {
            // Closed meanwhile: nothing is waiting any more.
            self.s.aside = None;
            self.begin();
            return;
        };
        match choice {
            "message" => {
                self.s.aside = Some(Aside::WaitingMessage);
                self.present();
            }
            "cancel" => {
                self.effects.push(Effect::Cancel {
                    reference: reference.clone(),
                });
                tracing::info!(reference = %reference, "callback cancelled by the resident");
                self.s.aside = None;
                self.s.reference = None;
                self.say("waiting-cancelled", &[("reference", Arg::Str(reference))]);
            }
            "new" => {
                self.s.aside = None;
                self.s.reference = None;
                self.begin();
            }
            _ => {
                self.say("stale-choice", &[]);
                self.present();
            }
        }
    }

    /// The resident's message for the prescriber, added to their waiting callback.
    fn waiting_message(&mut self, text: &str) {
        let Some(reference) = self.ctx.waiting.clone() else {
            self.s.aside = None;
            self.begin();
            return;
        };
        if text.chars().count() > crate::content::dialogue::DEFAULT_MAX_LEN {
            self.say(
                "too-long",
                &[(
                    "max",
                    Arg::Num(crate::content::dialogue::DEFAULT_MAX_LEN as f64),
                )],
            );
            self.present();
            return;
        }
        self.effects.push(Effect::ResidentNote {
            reference: reference.clone(),
            text: text.to_string(),
        });
        self.s.aside = None;
        self.say(
            "waiting-message-saved",
            &[("reference", Arg::Str(reference))],
        );
    }

    /// The current question with its buttons.
    fn prompt(&self) -> Reply {
        if self.s.picking_language {
            return self.language_prompt();
        }
        if let Some(asking) = &self.s.asking {
            return self.ask_prompt(asking);
        }
        match self.s.aside {
            Some(Aside::Waiting) => {
                let reference = self.ctx.waiting.clone().unwrap_or_default();
                return Reply {
                    text: self.fmt("waiting-intro", &[("reference", Arg::Str(reference))]),
                    choices: ["message", "cancel", "new"]
                        .iter()
                        .map(|id| Button {
                            id: id.to_string(),
                            label: self.fmt(&format!("waiting-{id}"), &[]),
                            selected: false,
                        })
                        .collect(),
                    node: Some(WAITING_NODE.to_string()),
                    alone: false,
                };
            }
            Some(Aside::WaitingMessage) => {
                return Reply::text(self.fmt("waiting-message-ask", &[]));
            }
            None => {}
        }
        let Some(node) = self.node() else {
            return Reply::text(self.fmt("content-changed", &[]));
        };
        if self.s.finished {
            return Reply::text(self.fmt("conversation-over", &[]));
        }
        let button = |c: &Choice, selected: bool| Button {
            id: c.id.clone(),
            label: self.fmt(&c.label, &[]),
            selected,
        };
        let (text, choices) = match &node.kind {
            NodeKind::Choice { choices, .. } => (
                self.fmt(&node.text, &[]),
                choices.iter().map(|c| button(c, false)).collect(),
            ),
            NodeKind::MultiChoice { choices, done, .. } => {
                let mut b: Vec<Button> = choices
                    .iter()
                    .map(|c| button(c, self.s.picks.contains(&c.id)))
                    .collect();
                b.push(Button {
                    id: DONE.to_string(),
                    label: self.fmt(done, &[]),
                    selected: false,
                });
                (self.fmt(&node.text, &[]), b)
            }
            NodeKind::Text { skip, .. } => (
                self.fmt(&node.text, &[]),
                skip.iter()
                    .map(|s| Button {
                        id: s.id.clone(),
                        label: self.fmt(&s.label, &[]),
                        selected: false,
                    })
                    .collect(),
            ),
            NodeKind::Summary {
                fields,
                confirm,
                change,
                pick,
                ..
            } => {
                let present: Vec<_> = fields
                    .iter()
                    .filter(|f| self.s.answers.contains_key(&f.answer))
                    .collect();
                if self.s.page == 0 {
                    let mut lines = vec![self.fmt(&node.text, &[])];
                    lines.push(
                        present
                            .iter()
                            .map(|f| {
                                self.fmt(
                                    "summary-line",
                                    &[
                                        ("label", Arg::Str(self.fmt(&f.label, &[]))),
                                        ("value", Arg::Str(self.display(&f.answer))),
                                    ],
                                )
                            })
                            .collect::<Vec<_>>()
                            .join("\n"),
                    );
                    let b = [("confirm", confirm), ("change", change)]
                        .into_iter()
                        .map(|(id, label)| Button {
                            id: id.to_string(),
                            label: self.fmt(label, &[]),
                            selected: false,
                        })
                        .collect();
                    (lines.join("\n\n"), b)
                } else {
                    let b = present
                        .iter()
                        .map(|f| Button {
                            id: f.answer.clone(),
                            label: self.fmt(&f.label, &[]),
                            selected: false,
                        })
                        .collect();
                    (self.fmt(pick, &[]), b)
                }
            }
            _ => (self.fmt(&node.text, &[]), Vec::new()),
        };
        Reply {
            text,
            node: (!choices.is_empty()).then(|| node.id.clone()),
            choices,
            alone: false,
        }
    }

    fn language_prompt(&self) -> Reply {
        let hint = self
            .s
            .lang_hint
            .as_deref()
            .and_then(|h| self.c.locales.best_match(h));
        let mut langs: Vec<_> = self.c.locales.languages.iter().collect();
        langs.sort_by_key(|l| Some(l.tag.as_str()) != hint);
        let lang = self.s.lang.as_deref().or(hint).unwrap_or(DEFAULT_LANGUAGE);
        Reply {
            text: self.c.locales.format(lang, "language-pick", &[]),
            choices: langs
                .iter()
                .map(|l| Button {
                    id: l.tag.clone(),
                    label: l.name.clone(),
                    selected: Some(l.tag.as_str()) == self.s.lang.as_deref(),
                })
                .collect(),
            node: Some(LANGUAGE_NODE.to_string()),
            alone: false,
        }
    }

    /// An answer as a person reads it: labels for choices, dates as day/month/year.
    fn display(&self, key: &str) -> String {
        let Some(answer) = self.s.answers.get(key) else {
            return self.fmt("summary-not-given", &[]);
        };
        let saver = self.flow().saver_of(key);
        let label_of = |id: &str| -> String {
            let choices = match saver.map(|n| &n.kind) {
                Some(NodeKind::Choice { choices, .. } | NodeKind::MultiChoice { choices, .. }) => {
                    choices.as_slice()
                }
                _ => &[],
            };
            choices
                .iter()
                .find(|c| c.id == id)
                .map(|c| self.fmt(&c.label, &[]))
                .unwrap_or_else(|| id.to_string())
        };
        match answer {
            Answer::Text(t) => match saver.map(|n| &n.kind) {
                Some(NodeKind::Text {
                    validate: Some(v), ..
                }) if matches!(v.rule, Rule::UkPhone) => validate::group_phone(t),
                Some(NodeKind::Text {
                    validate: Some(v), ..
                }) if matches!(v.rule, Rule::DateOfBirth) => {
                    NaiveDate::parse_from_str(t, "%Y-%m-%d")
                        .map(|d| d.format("%d/%m/%Y").to_string())
                        .unwrap_or_else(|_| t.clone())
                }
                _ => t.clone(),
            },
            Answer::Choice(id) => label_of(id),
            Answer::Choices(ids) => ids
                .iter()
                .map(|id| label_of(id))
                .collect::<Vec<_>>()
                .join(", "),
            Answer::Skipped(id) => match saver.map(|n| &n.kind) {
                Some(NodeKind::Text { skip: Some(s), .. }) if s.id == *id => {
                    self.fmt(&s.label, &[])
                }
                _ => self.fmt("summary-not-given", &[]),
            },
        }
    }

    /// The person picked button `choice` of the current step.
    fn choose(&mut self, choice: &str) {
        if self.s.picking_language {
            self.s.lang = Some(choice.to_string());
            self.s.picking_language = false;
            if self.s.node.is_empty() {
                let start = self.flow().start.clone();
                self.enter(&start);
            } else {
                self.present();
            }
            return;
        }
        let Some(node) = self.node().cloned() else {
            return;
        };
        match &node.kind {
            NodeKind::Choice { choices, .. } => {
                if let Some(c) = choices.iter().find(|c| c.id == choice) {
                    self.accept(Some(Answer::Choice(c.id.clone())), &c.clear);
                    if let Some(next) = &c.next {
                        self.enter(next);
                    }
                }
            }
            NodeKind::MultiChoice {
                choices, min, next, ..
            } => {
                if choice == DONE {
                    if self.s.picks.len() < *min {
                        self.say("pick-at-least", &[("min", Arg::Num(*min as f64))]);
                        self.present();
                        return;
                    }
                    let ordered: Vec<String> = choices
                        .iter()
                        .filter(|c| self.s.picks.contains(&c.id))
                        .map(|c| c.id.clone())
                        .collect();
                    self.accept(Some(Answer::Choices(ordered)), &[]);
                    self.enter(next);
                } else {
                    self.toggle(choice);
                    self.present();
                }
            }
            NodeKind::Text {
                skip: Some(s),
                next,
                ..
            } if s.id == choice => {
                self.accept(Some(Answer::Skipped(s.id.clone())), &[]);
                let target = s.next.clone().unwrap_or_else(|| next.clone());
                self.enter(&target);
            }
            NodeKind::Summary { fields, next, .. } => match (self.s.page, choice) {
                (0, "confirm") => {
                    self.accept(None, &[]);
                    self.enter(next);
                }
                (0, "change") => {
                    self.accept(None, &[]);
                    self.s.node = node.id.clone();
                    self.s.page = 1;
                    self.present();
                }
                (1, key) => {
                    if let Some(f) = fields.iter().find(|f| f.answer == key) {
                        self.accept(None, &[]);
                        self.s.editing = Some(node.id.clone());
                        self.s.node = f.edit.clone();
                        self.s.page = 0;
                        self.load_picks();
                        self.present();
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }

    /// Saves `text` as the answer to the open question at the current step, without moving
    /// on; the node to go to next, or `None` when it was refused (too long).
    fn accept_open(&mut self, text: &str) -> Option<String> {
        let Some(NodeKind::Text { max_len, next, .. }) = self.node().map(|n| n.kind.clone()) else {
            return None;
        };
        if text.chars().count() > max_len {
            self.say("too-long", &[("max", Arg::Num(max_len as f64))]);
            return None;
        }
        self.accept(Some(Answer::Text(text.to_string())), &[]);
        Some(next)
    }

    /// Typed text at the current step: a button by number or label, or a free-text answer.
    fn answer_text(&mut self, text: &str) {
        if self.s.picking_language {
            match self.resolve(text) {
                Some(id) => self.choose(&id),
                None => {
                    self.say("choose-one", &[]);
                    self.present();
                }
            }
            return;
        }
        let Some(node) = self.node().cloned() else {
            return;
        };
        match &node.kind {
            NodeKind::Text {
                validate,
                max_len,
                next,
                skip,
                ..
            } => {
                if skip.is_some()
                    && let Some(id) = self.resolve(text)
                {
                    self.choose(&id);
                    return;
                }
                if text.chars().count() > *max_len {
                    self.say("too-long", &[("max", Arg::Num(*max_len as f64))]);
                    self.present();
                    return;
                }
                let checked = match validate.as_ref().map(|v| &v.rule) {
                    None => Some(text.to_string()),
                    Some(Rule::Regex(re)) => re.is_match(text).then(|| text.to_string()),
                    Some(Rule::UkPhone) => validate::uk_phone(text),
                    Some(Rule::UkPostcode) => validate::uk_postcode(text),
                    Some(Rule::DateOfBirth) => validate::date_of_birth(text, self.today()),
                };
                match (checked, validate) {
                    (Some(value), _) => {
                        self.accept(Some(Answer::Text(value)), &[]);
                        self.enter(next);
                    }
                    (None, Some(v)) => {
                        self.s.tries += 1;
                        let mut reply = self.prompt();
                        reply.text = self.fmt(&v.error, &[]);
                        if self.s.tries >= v.max_tries
                            && let Some(on_fail) = &v.on_fail
                        {
                            self.replies.push(Reply::text(reply.text));
                            self.accept(None, &[]);
                            self.enter(on_fail);
                        } else {
                            self.replies.push(reply);
                        }
                    }
                    // Without validation every text is accepted above.
                    (None, None) => {}
                }
            }
            NodeKind::MultiChoice { .. } => {
                let prompt = self.prompt();
                let tokens: Vec<String> = validate::ascii_digits(text)
                    .split(|c: char| c == ',' || c.is_whitespace())
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
                    .collect();
                let numbers: Option<Vec<usize>> = tokens
                    .iter()
                    .map(|t| t.trim_end_matches('.').parse::<usize>().ok())
                    .collect();
                let ids: Option<Vec<String>> = match numbers {
                    Some(ns) if tokens.len() > 1 => ns
                        .iter()
                        .map(|n| {
                            n.checked_sub(1)
                                .and_then(|i| prompt.choices.get(i))
                                .map(|b| b.id.clone())
                        })
                        .collect(),
                    _ => self.resolve(text).map(|id| vec![id]),
                };
                match ids {
                    Some(ids) => {
                        let (done, picks): (Vec<_>, Vec<_>) =
                            ids.into_iter().partition(|id| id == DONE);
                        for id in &picks {
                            if !self.s.picks.contains(id) || picks.len() == 1 {
                                self.toggle(id);
                            }
                        }
                        if done.is_empty() {
                            self.present();
                        } else {
                            self.choose(DONE);
                        }
                    }
                    None => {
                        self.say("choose-one", &[]);
                        self.present();
                    }
                }
            }
            _ => match self.resolve(text) {
                Some(id) => self.choose(&id),
                None => {
                    self.say("choose-one", &[]);
                    self.present();
                }
            },
        }
    }

    fn toggle(&mut self, id: &str) {
        if let Some(i) = self.s.picks.iter().position(|p| p == id) {
            self.s.picks.remove(i);
        } else {
            self.s.picks.push(id.to_string());
        }
    }

    /// A button of the current step from typed text: its number, its label, or its id.
    fn resolve(&self, text: &str) -> Option<String> {
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
}
