//! `queue_callback`: the referral is made and its callback queued, once per conversation, for
//! the team of the person's practice; its text gets `$reference`.

use std::collections::BTreeMap;

use crate::content::{Arg, Node};
use crate::engine::output::{Button, Effect, Referral};
use crate::engine::session::Answer;
use crate::engine::turn::Turn;
use crate::engine::view::View;

use super::behaviour::{Behaviour, OpenQuestion, words};

/// A `queue_callback` node's fields.
pub(super) struct QueueCallback<'n> {
    pub next: &'n str,
}

impl Behaviour for QueueCallback<'_> {
    fn arrive(&self, turn: &mut Turn<'_>, node: &Node) -> Option<String> {
        queue(turn, node);
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

/// Queues the referral (with consent only, and once), and tells the person its reference.
fn queue(turn: &mut Turn<'_>, node: &Node) {
    if !turn.consented() {
        tracing::warn!(node = %node.id, "queue_callback reached without consent; nothing queued");
        return;
    }
    let reference = match &turn.session.reference {
        Some(r) => r.clone(),
        None => {
            let r = turn.context.reference.clone();
            let needs = turn.view().needs();
            let (practice, source) = arrival(turn);
            let referral = Referral {
                reference: r.clone(),
                created_at: turn.context.now,
                language: turn.lang().to_string(),
                urgent: turn.session.urgent,
                answers: turn.session.answers.clone(),
                needs,
                services: turn.session.suggested.clone(),
                unmet: turn.session.unmet.clone(),
                consent_at: turn.session.consent_at.clone(),
                notice_version: turn
                    .flow()
                    .consent
                    .as_ref()
                    .map(|c| c.notice_version.clone()),
                flags: std::mem::take(&mut turn.session.flags),
                team: turn
                    .content
                    .practices
                    .team_for(practice.as_deref())
                    .to_string(),
                practice,
                source,
                referred_by: None,
            };
            turn.effects.push(Effect::Queue(referral));
            tracing::info!(reference = %r, "callback queued");
            turn.session.reference = Some(r.clone());
            r
        }
    };
    turn.session.history.clear();
    turn.say(&node.text, &[("reference", Arg::Str(reference))]);
}

/// The practice the referral comes from (the one chosen; the link's when the question was not
/// asked) and the link's source. The link is used up: a later referral is not from it.
fn arrival(turn: &mut Turn<'_>) -> (Option<String>, Option<String>) {
    let link = turn.session.link.take();
    let asked = turn
        .flow()
        .practice_answer()
        .and_then(|key| turn.session.answers.get(key));
    let practice = match asked {
        Some(Answer::Choice(code)) => Some(code.clone()),
        Some(Answer::Text(_) | Answer::Skipped(_) | Answer::Choices(_)) => None,
        None => link
            .as_ref()
            .and_then(|l| l.practice.as_ref())
            .map(|code| code.as_str().to_string()),
    };
    (practice, link.and_then(|l| l.source).map(String::from))
}
