//! `summary`: the answers read back, to confirm or to change one before going on.

use crate::content::dialogue::Field;
use std::collections::BTreeMap;

use crate::content::{Arg, Node};
use crate::engine::output::Button;
use crate::engine::session::Answer;
use crate::engine::turn::Turn;
use crate::engine::view::View;

use super::behaviour::{Behaviour, OpenQuestion, words};

/// A `summary` node's fields.
pub(super) struct Summary<'n> {
    pub fields: &'n [Field],
    pub confirm: &'n str,
    pub change: &'n str,
    pub pick: &'n str,
    pub next: &'n str,
}

impl Behaviour for Summary<'_> {
    fn arrive(&self, turn: &mut Turn<'_>, _node: &Node) -> Option<String> {
        turn.wait_here();
        None
    }

    /// Page 0: the answers given, with "confirm" and "change"; page 1: which one to change.
    fn prompt(&self, view: &View<'_>, node: &Node) -> (String, Vec<Button>) {
        let present: Vec<_> = self
            .fields
            .iter()
            .filter(|f| view.session.answers.contains_key(&f.answer))
            .collect();
        if view.session.page == 0 {
            let mut lines = vec![view.fmt(&node.text, &[])];
            lines.push(
                present
                    .iter()
                    .map(|f| {
                        view.fmt(
                            "summary-line",
                            &[
                                ("label", Arg::Str(view.fmt(&f.label, &[]))),
                                ("value", Arg::Str(view.display(&f.answer))),
                            ],
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
            let buttons = [("confirm", self.confirm), ("change", self.change)]
                .into_iter()
                .map(|(id, label)| view.button(id, label, false))
                .collect();
            (lines.join("\n\n"), buttons)
        } else {
            let buttons = present
                .iter()
                .map(|f| view.button(&f.answer, &f.label, false))
                .collect();
            (view.fmt(self.pick, &[]), buttons)
        }
    }

    fn choose(&self, turn: &mut Turn<'_>, node: &Node, choice: &str) {
        match (turn.session.page, choice) {
            (0, "confirm") => {
                turn.accept(None, &[]);
                turn.enter(self.next);
            }
            (0, "change") => {
                turn.accept(None, &[]);
                turn.session.node = node.id.clone();
                turn.session.page = 1;
                turn.present();
            }
            (1, key) => {
                if let Some(f) = self.fields.iter().find(|f| f.answer == key) {
                    turn.accept(None, &[]);
                    turn.session.editing = Some(node.id.clone());
                    turn.session.node = f.edit.clone();
                    turn.session.page = 0;
                    turn.wait_here();
                }
            }
            _ => {}
        }
    }

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
