//! A conversation as the person reads it: the content, in their language, over their session.
//! Read-only, so what they are asked can be shown again without running a step.

use crate::content::locales::DEFAULT_LANGUAGE;
use crate::content::{Arg, Content, Flow, Node};

use super::output::Button;
use super::session::{Answer, Session};

/// The content and one person's session, read-only.
pub(super) struct View<'a> {
    /// The dialogues, messages, crisis rules and services.
    pub content: &'a Content,
    /// Where they are.
    pub session: &'a Session,
    /// The reference of their callback still waiting, if any.
    pub waiting: Option<&'a str>,
}

impl<'a> View<'a> {
    /// Their language, or the default before one is chosen.
    pub fn lang(&self) -> &'a str {
        self.session.lang.as_deref().unwrap_or(DEFAULT_LANGUAGE)
    }

    /// The flow they are in.
    pub fn flow(&self) -> &'a Flow {
        flow_of(self.content, self.session)
    }

    /// The node waiting for them, if it exists.
    pub fn node(&self) -> Option<&'a Node> {
        self.flow().node(&self.session.node)
    }

    /// Message `id` in their language. Text answers (a name, a GP surgery) are available to
    /// messages as variables.
    pub fn fmt(&self, id: &str, extra: &[(&str, Arg)]) -> String {
        let mut args: Vec<(&str, Arg)> = self
            .session
            .answers
            .iter()
            .filter_map(|(k, v)| match v {
                Answer::Text(t) => Some((k.as_str(), Arg::Str(t.clone()))),
                Answer::Choice(_) | Answer::Choices(_) | Answer::Skipped(_) => None,
            })
            .collect();
        args.extend(extra.iter().cloned());
        self.content.locales.format(self.lang(), id, &args)
    }

    /// A button labelled with message `label`, answering also to the label's synonyms.
    pub fn button(&self, id: &str, label: &str, selected: bool) -> Button {
        Button {
            id: id.to_string(),
            label: self.fmt(label, &[]),
            selected,
            aliases: self.content.locales.aliases(self.lang(), label),
        }
    }

    /// True when the flow asks for no consent, or they gave it.
    pub fn consented(&self) -> bool {
        match &self.flow().consent {
            None => true,
            Some(c) => {
                self.session.answers.get(&c.answer) == Some(&Answer::Choice(c.given.clone()))
            }
        }
    }
}

/// The session's flow, or the entry flow when it names none that exists.
pub(super) fn flow_of<'c>(content: &'c Content, session: &Session) -> &'c Flow {
    content
        .flow(&session.flow)
        .unwrap_or_else(|| content.entry())
}
