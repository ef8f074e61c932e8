//! The flow's nodes as blocks, and every way the engine moves between them as arrows.

use super::words::{LABEL_CHARS, LONG_CHARS, STEP_CHARS, message, shorten};
use super::{Arrow, Block, Mark, Way, add};
use crate::content::dialogue::{Flow, Node, NodeKind, Rule, Skip};
use crate::content::locales::Locales;

/// The kind of a node as the dialogue file names it.
pub fn kind_name(kind: &NodeKind) -> &'static str {
    match kind {
        NodeKind::Message { .. } => "message",
        NodeKind::Choice { .. } => "choice",
        NodeKind::MultiChoice { .. } => "multi_choice",
        NodeKind::Text { .. } => "text",
        NodeKind::Practice { .. } => "practice",
        NodeKind::Switch { .. } => "switch",
        NodeKind::Signpost { .. } => "signpost",
        NodeKind::QueueCallback { .. } => "queue_callback",
        NodeKind::Summary { .. } => "summary",
        NodeKind::End => "end",
    }
}

/// What a check of a typed answer is called.
fn rule_name(rule: &Rule) -> String {
    match rule {
        Rule::Regex(r) => format!("matches /{}/", r.as_str()),
        Rule::UkPhone => "a UK phone number".to_string(),
        Rule::UkPostcode => "a UK postcode".to_string(),
        Rule::DateOfBirth => "a date of birth".to_string(),
    }
}

/// The flow's blocks in file order, and their arrows.
pub fn draw(flow: &Flow, locales: &Locales, lang: &str) -> (Vec<Block>, Vec<Arrow>) {
    let say = |id: &str| message(locales, lang, id);
    let label = |id: &str| Some(shorten(&say(id), LABEL_CHARS));
    let consent_node = flow
        .consent
        .as_ref()
        .and_then(|c| flow.saver_of(&c.answer))
        .map(|n| n.id.clone());
    let mut blocks = Vec::new();
    let mut arrows = Vec::new();
    for node in &flow.nodes {
        let mut notes = Vec::new();
        let mark = match &node.kind {
            NodeKind::QueueCallback { .. } => Mark::Queue,
            NodeKind::End => Mark::End,
            NodeKind::Message { .. }
            | NodeKind::Choice { .. }
            | NodeKind::MultiChoice { .. }
            | NodeKind::Text { .. }
            | NodeKind::Practice { .. }
            | NodeKind::Switch { .. }
            | NodeKind::Signpost { .. }
            | NodeKind::Summary { .. } => {
                if consent_node.as_deref() == Some(node.id.as_str()) {
                    Mark::Consent
                } else {
                    Mark::Step
                }
            }
        };
        let mut to = |target: &str, label: Option<String>, way: Way| {
            add(&mut arrows, &node.id, target, label, way)
        };
        let skip = |skip: &Option<Skip>, next: &str, to: &mut dyn FnMut(&str, Option<String>)| {
            if let Some(s) = skip {
                to(s.next.as_deref().unwrap_or(next), label(&s.label));
            }
        };
        match &node.kind {
            NodeKind::Message { next } => to(next, None, Way::Next),
            NodeKind::Choice { choices, .. } => {
                for c in choices {
                    if let Some(next) = &c.next {
                        to(next, label(&c.label), Way::Answer);
                    }
                }
            }
            NodeKind::MultiChoice {
                choices,
                done,
                min,
                next,
                ..
            } => {
                let options: Vec<String> = choices.iter().map(|c| say(&c.label)).collect();
                notes.push(shorten(
                    &format!("Pick {min} or more: {}", options.join(", ")),
                    STEP_CHARS,
                ));
                to(next, label(done), Way::Answer);
            }
            NodeKind::Text {
                validate,
                skip: s,
                open,
                next,
                ..
            } => {
                if *open {
                    notes.push(
                        "Open question: words of crisis typed here are kept as the answer, flagged"
                            .into(),
                    );
                }
                let answer = match validate {
                    Some(v) => {
                        notes.push(format!("Checked: {}", rule_name(&v.rule)));
                        if let Some(fail) = &v.on_fail {
                            let tries = format!("after {} failed tries", v.max_tries);
                            to(fail, Some(tries), Way::GaveUp);
                        }
                        "a valid answer"
                    }
                    None => "an answer",
                };
                to(next, Some(answer.to_string()), Way::Answer);
                skip(s, next, &mut |t, l| to(t, l, Way::Answer));
            }
            NodeKind::Practice {
                says,
                skip: s,
                next,
                ..
            } => {
                let picked = "a practice picked, or".to_string();
                to(
                    next,
                    Some(format!("{picked} {}", say(&says.not_listed))),
                    Way::Answer,
                );
                skip(s, next, &mut |t, l| to(t, l, Way::Answer));
            }
            NodeKind::Switch { on, cases, default } => {
                for c in cases {
                    to(&c.next, Some(format!("{on} = {}", c.equals)), Way::Branch);
                }
                to(default, Some("otherwise".to_string()), Way::Branch);
            }
            NodeKind::Signpost { none, next, .. } => {
                notes.push(format!(
                    "If none match: {}",
                    shorten(&say(none), LABEL_CHARS)
                ));
                to(next, None, Way::Next);
            }
            NodeKind::QueueCallback { next } => to(next, None, Way::Next),
            NodeKind::Summary {
                fields,
                confirm,
                change,
                next,
                ..
            } => {
                to(next, label(confirm), Way::Answer);
                notes.push(format!("{}: back to the answer picked", say(change)));
                for f in fields {
                    to(&f.edit, label(&f.label), Way::Change);
                }
            }
            NodeKind::End => {}
        }
        let limit = match mark {
            Mark::Consent => LONG_CHARS,
            Mark::Step | Mark::Queue | Mark::End | Mark::Crisis | Mark::AnyStep => STEP_CHARS,
        };
        blocks.push(block(node, mark, text_of(node, &say, limit), notes));
    }
    (blocks, arrows)
}

/// What a node says, cut to `limit` characters; a `switch` says nothing, so it shows what it branches on.
fn text_of(node: &Node, say: &dyn Fn(&str) -> String, limit: usize) -> String {
    match &node.kind {
        NodeKind::Switch { on, .. } => format!("Branches on the answer \"{on}\""),
        NodeKind::Message { .. }
        | NodeKind::Choice { .. }
        | NodeKind::MultiChoice { .. }
        | NodeKind::Text { .. }
        | NodeKind::Practice { .. }
        | NodeKind::Signpost { .. }
        | NodeKind::QueueCallback { .. }
        | NodeKind::Summary { .. }
        | NodeKind::End => shorten(&say(&node.text), limit),
    }
}

fn block(node: &Node, mark: Mark, text: String, notes: Vec<String>) -> Block {
    Block {
        key: node.id.clone(),
        kind: kind_name(&node.kind).to_string(),
        mark,
        text,
        notes,
    }
}
