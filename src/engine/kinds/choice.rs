//! `choice`: one button out of several, each leading on.

use std::collections::BTreeMap;

use crate::content::dialogue::{self, Rule};
use crate::content::{Node, NodeKind};
use crate::engine::output::Button;
use crate::engine::session::Answer;
use crate::engine::turn::Turn;
use crate::engine::understand::{Reach, Reading};
use crate::engine::view::View;
use crate::validate;

use super::behaviour::{Behaviour, OpenQuestion, button, words};

/// A `choice` node's fields.
pub(super) struct Choice<'n> {
    pub choices: &'n [dialogue::Choice],
}

impl Choice<'_> {
    /// The one choice leading straight to a question that `text` answers as a phone number or
    /// a postcode.
    fn leading_to(&self, turn: &Turn<'_>, text: &str) -> Option<(String, String)> {
        let flow = turn.flow();
        let answers = |c: &&dialogue::Choice| {
            let Some(NodeKind::Text {
                validate: Some(v), ..
            }) = c
                .next
                .as_deref()
                .and_then(|n| flow.node(n))
                .map(|n| &n.kind)
            else {
                return false;
            };
            match v.rule {
                Rule::UkPhone => validate::uk_phone(text).is_some(),
                Rule::UkPostcode => validate::uk_postcode(text).is_some(),
                Rule::Regex(_) | Rule::DateOfBirth => false,
            }
        };
        match self
            .choices
            .iter()
            .filter(answers)
            .collect::<Vec<_>>()
            .as_slice()
        {
            [one] => Some((one.id.clone(), one.next.clone().unwrap_or_default())),
            _ => None,
        }
    }
}

impl Behaviour for Choice<'_> {
    fn arrive(&self, turn: &mut Turn<'_>, _node: &Node) -> Option<String> {
        turn.wait_here();
        None
    }

    fn prompt(&self, view: &View<'_>, node: &Node) -> (String, Vec<Button>) {
        (
            view.fmt(&node.text, &[]),
            self.choices
                .iter()
                .map(|c| button(view, c, false))
                .collect(),
        )
    }

    fn choose(&self, turn: &mut Turn<'_>, _node: &Node, choice: &str) {
        if let Some(c) = self.choices.iter().find(|c| c.id == choice) {
            turn.accept(Some(Answer::Choice(c.id.clone())), &c.clear);
            if let Some(next) = &c.next {
                turn.enter(next);
            }
        }
    }

    fn typed(&self, turn: &mut Turn<'_>, _node: &Node, text: &str) {
        match turn.reading(text, Reach::Sentence) {
            Reading::One(id) => turn.choose(&id),
            Reading::Maybe(ids) => turn.did_you_mean(&ids),
            Reading::Nothing => match self.leading_to(turn, text) {
                // "How should we get in touch?" answered with a phone number: the choice that
                // asks for one, and the number as its answer.
                Some((id, next)) => {
                    turn.choose(&id);
                    if turn.session.node == next {
                        turn.answer_text(text);
                    }
                }
                None => turn.not_understood(),
            },
        }
    }

    fn picks(&self, _: &BTreeMap<String, Answer>, _: Option<&Answer>) -> Vec<String> {
        Vec::new()
    }

    fn show(&self, view: &View<'_>, answer: &Answer) -> String {
        words(view, answer, self.choices)
    }

    fn answer_of(&self, stored: &str) -> Answer {
        Answer::Choice(stored.to_string())
    }

    fn open(&self) -> Option<OpenQuestion<'_>> {
        None
    }

    fn needs(&self) -> Option<&str> {
        None
    }
}
