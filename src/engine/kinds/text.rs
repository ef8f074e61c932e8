//! `text`: free text, perhaps checked (a phone number, a postcode, a date of birth), perhaps
//! skipped with a button.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::content::dialogue::{Rule, Skip, Validation};
use crate::content::{Arg, Node};
use crate::engine::output::Button;
use crate::engine::session::Answer;
use crate::engine::turn::Turn;
use crate::engine::view::View;
use crate::validate;

use super::behaviour::{Behaviour, OpenQuestion, words};

/// A `text` node's fields.
pub(super) struct Text<'n> {
    pub save: &'n str,
    pub validate: Option<&'n Validation>,
    pub skip: Option<&'n Skip>,
    pub max_len: usize,
    pub open: bool,
    pub next: &'n str,
}

impl Behaviour for Text<'_> {
    fn arrive(&self, turn: &mut Turn<'_>, _node: &Node) -> Option<String> {
        turn.wait_here();
        None
    }

    fn prompt(&self, view: &View<'_>, node: &Node) -> (String, Vec<Button>) {
        (
            view.fmt(&node.text, &[]),
            self.skip
                .iter()
                .map(|s| view.button(&s.id, &s.label, false))
                .collect(),
        )
    }

    fn choose(&self, turn: &mut Turn<'_>, _node: &Node, choice: &str) {
        if let Some(s) = self.skip.filter(|s| s.id == choice) {
            turn.accept(Some(Answer::Skipped(s.id.clone())), &[]);
            let target = s.next.as_deref().unwrap_or(self.next);
            turn.enter(target);
        }
    }

    fn typed(&self, turn: &mut Turn<'_>, _node: &Node, text: &str) {
        if self.skip.is_some()
            && let Some(id) = turn.resolve(text)
        {
            turn.choose(&id);
            return;
        }
        if text.chars().count() > self.max_len {
            turn.say("too-long", &[("max", Arg::Num(self.max_len as f64))]);
            turn.present();
            return;
        }
        let checked = match self.validate.map(|v| &v.rule) {
            None => Some(text.to_string()),
            Some(Rule::Regex(re)) => re.is_match(text).then(|| text.to_string()),
            Some(Rule::UkPhone) => validate::uk_phone(text),
            Some(Rule::UkPostcode) => validate::uk_postcode(text),
            Some(Rule::DateOfBirth) => validate::date_of_birth(text, turn.today()),
        };
        match (checked, self.validate) {
            (Some(value), _) => {
                turn.accept(Some(Answer::Text(value)), &[]);
                turn.enter(self.next);
            }
            (None, Some(v)) => {
                turn.session.tries += 1;
                if turn.session.tries >= v.max_tries
                    && let Some(on_fail) = &v.on_fail
                {
                    // Going on: said plainly that the question is left, not answered. Going
                    // back (a phone number to "how should we get in touch?"): why.
                    let back = turn.session.history.iter().any(|s| s.node == *on_fail);
                    turn.say(if back { &v.error } else { "validation-gave-up" }, &[]);
                    turn.accept(None, &[]);
                    turn.enter(on_fail);
                } else {
                    let mut reply = turn.prompt();
                    reply.text = turn.fmt(&v.error, &[]);
                    turn.replies.push(reply);
                }
            }
            // Without validation every text is accepted above.
            (None, None) => {}
        }
    }

    fn picks(&self, _: &BTreeMap<String, Answer>, _: Option<&Answer>) -> Vec<String> {
        Vec::new()
    }

    fn show(&self, view: &View<'_>, answer: &Answer) -> String {
        match answer {
            Answer::Text(t) => match self.validate.map(|v| &v.rule) {
                Some(Rule::UkPhone) => validate::group_phone(t),
                Some(Rule::DateOfBirth) => NaiveDate::parse_from_str(t, "%Y-%m-%d")
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_else(|_| t.clone()),
                Some(Rule::Regex(_) | Rule::UkPostcode) | None => t.clone(),
            },
            Answer::Skipped(id) => match self.skip {
                Some(s) if s.id == *id => view.fmt(&s.label, &[]),
                Some(_) | None => view.fmt("summary-not-given", &[]),
            },
            Answer::Choice(_) | Answer::Choices(_) => words(view, answer, &[]),
        }
    }

    fn answer_of(&self, stored: &str) -> Answer {
        Answer::Text(stored.to_string())
    }

    fn open(&self) -> Option<OpenQuestion<'_>> {
        self.open.then_some(OpenQuestion {
            save: self.save,
            max_len: self.max_len,
            next: self.next,
        })
    }

    fn needs(&self) -> Option<&str> {
        None
    }
}
