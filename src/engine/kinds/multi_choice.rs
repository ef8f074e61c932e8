//! `multi_choice`: several buttons ticked, then "done"; numbers may be typed several at once.

use std::collections::BTreeMap;

use crate::content::dialogue::Choice;
use crate::content::{Arg, Node};
use crate::engine::output::Button;
use crate::engine::session::Answer;
use crate::engine::turn::Turn;
use crate::engine::understand::{self, Reach, Reading, SEPARATORS};
use crate::engine::view::View;
use crate::validate;

use super::behaviour::{Behaviour, OpenQuestion, button, words};

/// The choice id of a multi-choice "done" button.
pub const DONE: &str = "done";

/// A `multi_choice` node's fields.
pub(super) struct MultiChoice<'n> {
    pub save: &'n str,
    pub choices: &'n [Choice],
    pub done: &'n str,
    pub min: usize,
    pub next: &'n str,
}

impl Behaviour for MultiChoice<'_> {
    fn arrive(&self, turn: &mut Turn<'_>, _node: &Node) -> Option<String> {
        turn.wait_here();
        None
    }

    fn prompt(&self, view: &View<'_>, node: &Node) -> (String, Vec<Button>) {
        let mut buttons: Vec<Button> = self
            .choices
            .iter()
            .map(|c| button(view, c, view.session.picks.contains(&c.id)))
            .collect();
        buttons.push(view.button(DONE, self.done, false));
        (view.fmt(&node.text, &[]), buttons)
    }

    fn choose(&self, turn: &mut Turn<'_>, _node: &Node, choice: &str) {
        if choice == DONE {
            if turn.session.picks.len() < self.min {
                turn.say("pick-at-least", &[("min", Arg::Num(self.min as f64))]);
                turn.present();
                return;
            }
            let ordered: Vec<String> = self
                .choices
                .iter()
                .filter(|c| turn.session.picks.contains(&c.id))
                .map(|c| c.id.clone())
                .collect();
            turn.accept(Some(Answer::Choices(ordered)), &[]);
            turn.enter(self.next);
        } else {
            toggle(&mut turn.session.picks, choice);
            turn.present();
        }
    }

    fn typed(&self, turn: &mut Turn<'_>, _node: &Node, text: &str) {
        let prompt = turn.prompt();
        let tokens: Vec<String> = validate::ascii_digits(text)
            .split(|c: char| SEPARATORS.contains(&c) || c.is_whitespace())
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        let numbers: Option<Vec<usize>> = tokens
            .iter()
            .map(|t| t.trim_end_matches('.').parse::<usize>().ok())
            .collect();
        let reading = turn.reading(text, Reach::Part);
        let ids: Option<Vec<String>> = match (numbers, &reading) {
            (Some(ns), _) if tokens.len() > 1 => ns
                .iter()
                .map(|n| {
                    n.checked_sub(1)
                        .and_then(|i| prompt.choices.get(i))
                        .map(|b| b.id.clone())
                })
                .collect(),
            (_, Reading::One(id)) => Some(vec![id.clone()]),
            (_, Reading::Maybe(_) | Reading::Nothing) => None,
        };
        if ids.is_none() {
            // Words naming some of the choices ("I'm lonely and can't pay my bills"): those
            // ticked, and the question again to confirm.
            let choices: Vec<Button> = prompt
                .choices
                .iter()
                .filter(|b| b.id != DONE)
                .cloned()
                .collect();
            let named = understand::named(text, &choices);
            if !named.is_empty() {
                let mut picked = Vec::new();
                for b in choices.iter().filter(|b| named.contains(&b.id)) {
                    if !turn.session.picks.contains(&b.id) {
                        turn.session.picks.push(b.id.clone());
                    }
                    picked.push(format!("• {}", b.label));
                }
                let done = turn.fmt(self.done, &[]);
                turn.say(
                    "picks-understood",
                    &[
                        ("picked", Arg::Str(picked.join("\n"))),
                        ("done", Arg::Str(done)),
                    ],
                );
                turn.present();
                return;
            }
            if let Reading::Maybe(ids) = reading {
                turn.did_you_mean(&ids);
                return;
            }
        }
        match ids {
            Some(ids) => {
                let (done, picks): (Vec<_>, Vec<_>) = ids.into_iter().partition(|id| id == DONE);
                for id in &picks {
                    if !turn.session.picks.contains(id) || picks.len() == 1 {
                        toggle(&mut turn.session.picks, id);
                    }
                }
                if done.is_empty() {
                    turn.present();
                } else {
                    turn.choose(DONE);
                }
            }
            None => turn.not_understood(),
        }
    }

    fn picks(&self, answers: &BTreeMap<String, Answer>, undone: Option<&Answer>) -> Vec<String> {
        match undone {
            // Going back to a multi-choice shows what was ticked, ready to change.
            Some(Answer::Choices(ids)) => ids.clone(),
            Some(Answer::Text(_) | Answer::Choice(_) | Answer::Skipped(_)) | None => {
                answers.get(self.save).map(Answer::ids).unwrap_or_default()
            }
        }
    }

    fn show(&self, view: &View<'_>, answer: &Answer) -> String {
        words(view, answer, self.choices)
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

/// Ticks `id`, or unticks it when ticked.
fn toggle(picks: &mut Vec<String>, id: &str) {
    if let Some(i) = picks.iter().position(|p| p == id) {
        picks.remove(i);
    } else {
        picks.push(id.to_string());
    }
}
