//! `end`: the conversation is over; nothing is kept in it any longer than needed.

use std::collections::BTreeMap;

use crate::content::Node;
use crate::engine::output::{Button, Effect};
use crate::engine::session::Answer;
use crate::engine::turn::Turn;
use crate::engine::view::View;

use super::behaviour::{Behaviour, OpenQuestion, words};

/// An `end` node (it has no fields).
pub(super) struct End;

impl Behaviour for End {
    fn arrive(&self, turn: &mut Turn<'_>, node: &Node) -> Option<String> {
        turn.say(&node.text, &[]);
        turn.session.finished = true;
        if !turn.consented() {
            turn.effects.push(Effect::DeleteSession);
        }
        // Kept no longer than needed: a queued referral holds the answers now.
        turn.session.answers.clear();
        turn.session.history.clear();
        turn.session.picks.clear();
        None
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
