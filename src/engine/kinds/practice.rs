//! `practice`: the person's GP practice from the practices list. They type a name, a typo or a
//! postcode and pick from the closest as buttons (saved as the ODS code), or keep what they
//! typed ("Not listed"), or skip. A deep link that named a practice answers it on arrival.

use std::collections::BTreeMap;

use crate::content::dialogue::{NOT_LISTED, PracticeMessages, Skip};
use crate::content::practices::is_ods;
use crate::content::{Arg, Node};
use crate::engine::output::Button;
use crate::engine::session::{Answer, Offered};
use crate::engine::turn::Turn;
use crate::engine::view::View;

use super::behaviour::{Behaviour, OpenQuestion, words};

/// A `practice` node's fields.
pub(super) struct Practice<'n> {
    pub save: &'n str,
    pub says: &'n PracticeMessages,
    pub skip: Option<&'n Skip>,
    pub max_len: usize,
    pub next: &'n str,
}

impl Behaviour for Practice<'_> {
    /// Answered at once when the person came by a practice's link and has not answered yet.
    fn arrive(&self, turn: &mut Turn<'_>, _node: &Node) -> Option<String> {
        turn.session.offered = None;
        let linked = turn
            .session
            .link
            .as_ref()
            .and_then(|l| l.practice.as_ref())
            .and_then(|code| turn.content.practices.practice(code.as_str()));
        if let Some(p) = linked
            && turn.session.editing.is_none()
            && !turn.session.answers.contains_key(self.save)
        {
            let name = p.name.clone();
            turn.accept(Some(Answer::Choice(p.ods.clone())), &[]);
            turn.say(&self.says.from_link, &[("practice", Arg::Str(name))]);
            return Some(self.next.to_string());
        }
        turn.wait_here();
        None
    }

    /// Page 0: the question; page 1: the practices found, "Not listed", and the skip.
    fn prompt(&self, view: &View<'_>, node: &Node) -> (String, Vec<Button>) {
        let skip = self.skip.map(|s| view.button(&s.id, &s.label, false));
        let offered = view
            .session
            .offered
            .as_ref()
            .filter(|_| view.session.page == 1);
        let Some(offered) = offered else {
            return (view.fmt(&node.text, &[]), skip.into_iter().collect());
        };
        let practices = &view.content.practices;
        let found = offered
            .codes
            .iter()
            .filter_map(|code| practices.practice(code))
            .map(|p| Button {
                id: p.ods.clone(),
                label: p.name.clone(),
                selected: false,
                aliases: Default::default(),
            });
        let not_listed = view.button(NOT_LISTED, &self.says.not_listed, false);
        let buttons = found.chain([not_listed]).chain(skip).collect();
        (view.fmt(&self.says.offer, &[]), buttons)
    }

    fn choose(&self, turn: &mut Turn<'_>, _node: &Node, choice: &str) {
        let answer = if choice == NOT_LISTED {
            turn.session
                .offered
                .as_ref()
                .and_then(|o| o.typed.clone())
                .map(Answer::Text)
        } else if let Some(s) = self.skip.filter(|s| s.id == choice) {
            Some(Answer::Skipped(s.id.clone()))
        } else if let Some(p) = turn.content.practices.practice(choice) {
            Some(Answer::Choice(p.ods.clone()))
        } else {
            return;
        };
        turn.session.offered = None;
        leave_offer(turn);
        turn.accept(answer, &[]);
        let target = self
            .skip
            .filter(|s| s.id == choice)
            .and_then(|s| s.next.as_deref())
            .unwrap_or(self.next);
        turn.enter(target);
    }

    /// A button by number or words, else a search: the closest practices offered, or, when
    /// none is close, the words kept as typed.
    fn typed(&self, turn: &mut Turn<'_>, _node: &Node, text: &str) {
        if let Some(id) = turn.resolve(text) {
            turn.choose(&id);
            return;
        }
        if text.chars().count() > self.max_len {
            turn.say("too-long", &[("max", Arg::Num(self.max_len as f64))]);
            turn.present();
            return;
        }
        let codes: Vec<String> = turn
            .content
            .practices
            .search(text)
            .iter()
            .map(|p| p.ods.clone())
            .collect();
        if codes.is_empty() {
            turn.session.offered = None;
            leave_offer(turn);
            turn.accept(Some(Answer::Text(text.to_string())), &[]);
            turn.say(
                &self.says.not_found,
                &[("typed", Arg::Str(text.to_string()))],
            );
            turn.enter(self.next);
            return;
        }
        if turn.session.page == 0 {
            // A step of its own, so `back` from the practices found asks the question again.
            turn.accept(None, &[]);
        }
        turn.session.page = 1;
        turn.session.offered = Some(Offered {
            codes,
            // Nothing typed is kept before consent.
            typed: turn.consented().then(|| text.to_string()),
        });
        turn.present();
    }

    fn picks(&self, _: &BTreeMap<String, Answer>, _: Option<&Answer>) -> Vec<String> {
        Vec::new()
    }

    /// The practice by its name (its code if it has left the list), or the words typed.
    fn show(&self, view: &View<'_>, answer: &Answer) -> String {
        match answer {
            Answer::Choice(code) => view
                .content
                .practices
                .practice(code)
                .map_or_else(|| code.clone(), |p| p.name.clone()),
            Answer::Text(t) => t.clone(),
            Answer::Skipped(id) => match self.skip {
                Some(s) if s.id == *id => view.fmt(&s.label, &[]),
                Some(_) | None => view.fmt("summary-not-given", &[]),
            },
            Answer::Choices(_) => words(view, answer, &[]),
        }
    }

    /// An ODS code is the practice chosen; anything else the words typed.
    fn answer_of(&self, stored: &str) -> Answer {
        if is_ods(stored) {
            Answer::Choice(stored.to_string())
        } else {
            Answer::Text(stored.to_string())
        }
    }

    fn open(&self) -> Option<OpenQuestion<'_>> {
        None
    }

    fn needs(&self) -> Option<&str> {
        None
    }
}

/// Back on the question's page, without the step that showed the practices found (the
/// answer about to be accepted takes its place, so `back` asks the question again).
fn leave_offer(turn: &mut Turn<'_>) {
    if turn.session.page != 1 {
        return;
    }
    turn.session.page = 0;
    let searched = turn
        .session
        .history
        .last()
        .is_some_and(|s| s.node == turn.session.node && s.page == 0 && s.before.is_empty());
    if searched {
        turn.session.history.pop();
    }
}
