//! The dialogue engine: pure and synchronous, `(Session, Input, Context) -> (replies, Session,
//! effects)`. It knows nothing of Telegram, terminals, SQLite or the clock: transports turn its
//! replies into messages, the store persists its sessions and effects, and the time comes in
//! the [`Context`].
//!
//! A step is a `Turn` (`turn`) whose work is split by job: `dispatch` (what the person did),
//! `crisis` (words of crisis, at every step), `navigate` (moving through the flow), `kinds`
//! (what each node kind does, one module per kind behind one match), `prompts` (what is asked
//! now, read through a `View`), `waiting` (the menu of a callback already queued) and
//! `describe` (answers as a person reads them).

mod crisis;
mod describe;
mod dispatch;
pub mod flag;
mod input;
mod kinds;
mod navigate;
mod output;
mod prompts;
mod session;
mod turn;
mod understand;

mod view;
mod waiting;

use crate::validate;
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::content::Content;

pub use crisis::ASK_NODE;
pub use dispatch::MAX_INPUT_CHARS;
pub use flag::{Asking, Flag, Flagged, Kept, Response, Then};
pub use input::{Buttons, Context, Input};
pub use kinds::DONE;
pub use output::{Asks, Button, Effect, Outcome, Referral, Reply, SHARE_PHONE};
pub use prompts::LANGUAGE_NODE;
pub use session::{Answer, Aside, Session, Step};
pub use turn::MAX_REPLY_CHARS;
pub use understand::{Reach, Reading, fold, named, read, split_aliases};
pub use waiting::WAITING_NODE;

use turn::Turn;
use view::View;

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

    /// The content it runs, shared (for the web app beside the bot).
    pub fn shared_content(&self) -> Arc<Content> {
        self.content.clone()
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
    pub fn step(&self, session: &Session, input: Input, context: &Context) -> Outcome {
        let mut turn = Turn::new(&self.content, session.clone(), context);
        turn.run(input);
        turn.finish()
    }

    /// Saved answers as a person reads them, one `label: value` line each, in `lang`: the
    /// record's order and labels first (the dialogue's `[record]`, else its summary), then any
    /// other answer under its key.
    pub fn describe_answers(&self, lang: &str, answers: &BTreeMap<String, Answer>) -> Vec<String> {
        describe::answers(&self.content, lang, answers)
    }

    /// An answer read back from a stored referral (plain JSON), typed by the node that saves it.
    pub fn answer_from_json(&self, key: &str, value: &serde_json::Value) -> Option<Answer> {
        describe::answer_from_json(&self.content, key, value)
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
        let session = Session {
            lang_hint: lang.map(str::to_string),
            ..Session::default()
        };
        let view = View {
            content: &self.content,
            session: &session,
            waiting: None,
        };
        let langs = view.languages_of(text, &found);
        view.routes(&clear, &langs).into_iter().next()
    }

    /// What the person is being asked now, for showing the step again (on resume).
    pub fn current(&self, session: &Session) -> Vec<Reply> {
        let view = View {
            content: &self.content,
            session,
            waiting: session.reference.as_deref(),
        };
        vec![view.prompt()]
    }
}
