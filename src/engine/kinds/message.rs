//! `message`: says something, then goes on.

use std::collections::BTreeMap;

use crate::content::Node;
use crate::engine::output::Button;
use crate::engine::session::Answer;
use crate::engine::turn::Turn;
use crate::engine::view::View;

use super::behaviour::{Behaviour, OpenQuestion, words};

/// A `message` node's fields.
pub(super) struct Message<'n> {
    pub next: &'n str,
}

impl Behaviour for Message<'_> {
    fn arrive(&self, turn: &mut Turn<'_>, node: &Node) -> Option<String> {
        turn.say(&node.text, &[]);
        Some(self.next.to_string())
    }

    fn prompt(&self, view: &View<'_>, node: &Node) -> (String, Vec<Button>) {
        (view.fmt(&node.text, &[]), Vec::new())
    }

    fn choose(&self, _turn: &mut Turn<'_>, _node: &Node, _choice: &str) {}

    fn typed(&self, turn: &mut Turn<'_>, _node: &Node, text: &str) {
        turn.press_typed(text);
    }

    fn picks(&self, _: &BTreeMap<String, Answer>, _: Option<&Answer>) -> Vec<String> {
        Vec::new()
    }

    fn show(&self, view: &View<'_>, answer: &Answer) -> String {
        words(view, answer, &[])
    }

    fn answer_of(&self, stored: &str) -> Answer {
        Answer::Text(stored.to_string())
    }

    fn open(&self) -> Option<OpenQuestion<'_>> {
        None
    }

    fn needs(&self) -> Option<&str> {
        None
    }
}
