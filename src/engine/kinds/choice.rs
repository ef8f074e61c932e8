//! `choice`: one button out of several, each leading on.

use std::collections::BTreeMap;

use crate::content::Node;
use crate::content::dialogue;
use crate::engine::output::Button;
use crate::engine::session::Answer;
use crate::engine::turn::Turn;
use crate::engine::view::View;

use super::behaviour::{Behaviour, OpenQuestion, button, words};

/// A `choice` node's fields.
pub(super) struct Choice<'n> {
    pub choices: &'n [dialogue::Choice],
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
        turn.press_typed(text);
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
