//! One step in progress: the session being changed, the replies and effects gathered so far.
//! What a step does is spread by job over the modules beside this one, as `impl Turn` blocks.

use chrono::NaiveDate;

use crate::content::{Arg, Content, Flow, Node};

use super::input::Context;
use super::output::{Effect, Outcome, Reply};
use super::session::Session;
use super::view::{View, flow_of};

/// Replies are split before this many characters (Telegram allows 4096).
pub const MAX_REPLY_CHARS: usize = 3500;

/// One step being run.
pub(super) struct Turn<'a> {
    /// The dialogues, messages, crisis rules and services.
    pub content: &'a Content,
    /// The session, changed as the step goes.
    pub session: Session,
    /// Messages to show, in order.
    pub replies: Vec<Reply>,
    /// What to store.
    pub effects: Vec<Effect>,
    /// The time, a fresh reference, and the callback waiting.
    pub context: &'a Context,
}

impl<'a> Turn<'a> {
    /// A step from `session`.
    pub fn new(content: &'a Content, session: Session, context: &'a Context) -> Self {
        Turn {
            content,
            session,
            replies: Vec::new(),
            effects: Vec::new(),
            context,
        }
    }

    /// What the step produced.
    pub fn finish(self) -> Outcome {
        Outcome {
            replies: self.replies,
            session: self.session,
            effects: self.effects,
        }
    }

    /// The conversation as the person reads it now.
    pub fn view(&self) -> View<'_> {
        View {
            content: self.content,
            session: &self.session,
            waiting: self.context.waiting.as_deref(),
        }
    }

    /// Their language, or the default.
    pub fn lang(&self) -> &str {
        self.view().lang()
    }

    /// The flow they are in.
    pub fn flow(&self) -> &'a Flow {
        flow_of(self.content, &self.session)
    }

    /// The node waiting for them, if it exists.
    pub fn node(&self) -> Option<&'a Node> {
        self.flow().node(&self.session.node)
    }

    /// Today, from the context.
    pub fn today(&self) -> NaiveDate {
        self.context.now.date_naive()
    }

    /// Message `id` in their language, with their text answers as variables.
    pub fn fmt(&self, id: &str, extra: &[(&str, Arg)]) -> String {
        self.view().fmt(id, extra)
    }

    /// True when the flow asks for no consent, or they gave it.
    pub fn consented(&self) -> bool {
        self.view().consented()
    }

    /// Says message `id`.
    pub fn say(&mut self, id: &str, extra: &[(&str, Arg)]) {
        let text = self.fmt(id, extra);
        self.replies.push(Reply::text(text));
    }

    /// The current question with its buttons.
    pub fn prompt(&self) -> Reply {
        self.view().prompt()
    }

    /// Shows the current question.
    pub fn present(&mut self) {
        let p = self.prompt();
        self.replies.push(p);
    }

    /// Joins paragraphs into as few replies as fit Telegram's limit.
    pub fn push_long(&mut self, parts: Vec<String>) {
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
}
