//! What every node kind must say it does. Each kind implements every method, so a new kind
//! cannot forget one.

use std::collections::BTreeMap;

use crate::content::Node;
use crate::content::dialogue::Choice;

use crate::engine::output::Button;
use crate::engine::session::Answer;
use crate::engine::turn::Turn;
use crate::engine::view::View;

/// What a node of one kind does.
pub(in crate::engine) trait Behaviour {
    /// The conversation arrives at the node: where it goes on to, or `None` when the node
    /// waits for the person (or ends the conversation).
    fn arrive(&self, turn: &mut Turn<'_>, node: &Node) -> Option<String>;

    /// The question and its buttons.
    fn prompt(&self, view: &View<'_>, node: &Node) -> (String, Vec<Button>);

    /// A button of the node was pressed.
    fn choose(&self, turn: &mut Turn<'_>, node: &Node, choice: &str);

    /// Text was typed at the node (not a keyword, not words of crisis).
    fn typed(&self, turn: &mut Turn<'_>, node: &Node, text: &str);

    /// The choices shown ticked when the node is shown again; `undone`: the answer `back`
    /// just took away.
    fn picks(&self, answers: &BTreeMap<String, Answer>, undone: Option<&Answer>) -> Vec<String>;

    /// An answer the node saved, as the person reads it.
    fn show(&self, view: &View<'_>, answer: &Answer) -> String;

    /// A string stored (as plain JSON) for the node's answer, typed again.
    fn answer_of(&self, stored: &str) -> Answer;

    /// The open question ("tell us more") the node asks, where typed words of crisis are the
    /// answer.
    fn open(&self) -> Option<OpenQuestion<'_>>;

    /// The answer key holding the needs the node finds services for (a signpost).
    fn needs(&self) -> Option<&str>;
}

/// An open question: where typed words are saved, how long they may be, and what follows.
pub(in crate::engine) struct OpenQuestion<'n> {
    /// The answer key.
    pub save: &'n str,
    /// Longest answer, in characters.
    pub max_len: usize,
    /// The node after it.
    pub next: &'n str,
}

/// An answer as a person reads it, labelling choice ids with `choices`.
pub(in crate::engine) fn words(view: &View<'_>, answer: &Answer, choices: &[Choice]) -> String {
    let label_of = |id: &str| -> String {
        choices
            .iter()
            .find(|c| c.id == id)
            .map(|c| view.fmt(&c.label, &[]))
            .unwrap_or_else(|| id.to_string())
    };
    match answer {
        Answer::Text(t) => t.clone(),
        Answer::Choice(id) => label_of(id),
        Answer::Choices(ids) => ids
            .iter()
            .map(|id| label_of(id))
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Skipped(_) => view.fmt("summary-not-given", &[]),
    }
}

/// A button for `choice`.
pub(in crate::engine) fn button(view: &View<'_>, choice: &Choice, selected: bool) -> Button {
    view.button(&choice.id, &choice.label, selected)
}
