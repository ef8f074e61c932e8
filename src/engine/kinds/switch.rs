//! `switch`: goes on by a saved answer.

use std::collections::BTreeMap;

use crate::content::Node;
use crate::content::dialogue::Case;
use crate::engine::output::Button;
use crate::engine::session::Answer;
use crate::engine::turn::Turn;
use crate::engine::view::View;

use super::behaviour::{Behaviour, OpenQuestion, words};

/// A `switch` node's fields.
pub(super) struct Switch<'n> {
    pub on: &'n str,
    pub cases: &'n [Case],
    pub default: &'n str,
}

impl Behaviour for Switch<'_> {
    fn arrive(&self, turn: &mut Turn<'_>, _node: &Node) -> Option<String> {
        let ids = turn
            .session
            .answers
            .get(self.on)
            .map(Answer::ids)
            .unwrap_or_default();
        Some(
            self.cases
                .iter()
                .find(|c| ids.contains(&c.equals))
                .map(|c| c.next.clone())
                .unwrap_or_else(|| self.default.to_string()),
        )
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
