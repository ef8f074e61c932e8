//! Answers as a person reads them: on the summary, in `/mydata`, and read back from a stored
//! referral.

use std::collections::BTreeMap;

use crate::content::{Arg, Content};

use super::kinds;
use super::session::{Answer, Session};
use super::view::View;

impl View<'_> {
    /// The answer `key` as the person reads it: labels for choices, dates as day/month/year.
    pub fn display(&self, key: &str) -> String {
        let Some(answer) = self.session.answers.get(key) else {
            return self.fmt("summary-not-given", &[]);
        };
        match self.flow().saver_of(key) {
            Some(saver) => kinds::of(&saver.kind).show(self, answer),
            None => kinds::words(self, answer, &[]),
        }
    }

    /// The needs they chose: the answer the first signpost node with one finds services for.
    pub fn needs(&self) -> Vec<String> {
        self.flow()
            .nodes
            .iter()
            .find_map(|n| {
                kinds::of(&n.kind)
                    .needs()
                    .and_then(|k| self.session.answers.get(k))
            })
            .map(Answer::ids)
            .unwrap_or_default()
    }
}

/// Saved answers as a person reads them, one `label: value` line each, in `lang`: the
/// summaries' order and labels first, then any other answer under its key.
pub(super) fn answers(
    content: &Content,
    lang: &str,
    answers: &BTreeMap<String, Answer>,
) -> Vec<String> {
    let session = Session {
        lang: Some(lang.to_string()),
        answers: answers.clone(),
        ..Session::default()
    };
    let view = View {
        content,
        session: &session,
        waiting: None,
    };
    let mut labels: Vec<(String, String)> = Vec::new();
    // The record's order and labels (the dialogue's `[record]`, else its summary).
    for f in content.flows.iter().flat_map(|flow| &flow.record) {
        if !labels.iter().any(|(a, _)| *a == f.answer) {
            labels.push((f.answer.clone(), f.label.clone()));
        }
    }
    let mut keys: Vec<&String> = labels
        .iter()
        .map(|(a, _)| a)
        .filter(|a| answers.contains_key(*a))
        .collect();
    // Consent is told in its own words (with the notice's version), not as an answer.
    let consent: Vec<&str> = content
        .flows
        .iter()
        .filter_map(|f| f.consent.as_ref().map(|c| c.answer.as_str()))
        .collect();
    keys.extend(
        answers
            .keys()
            .filter(|k| !labels.iter().any(|(a, _)| a == *k) && !consent.contains(&k.as_str())),
    );
    keys.into_iter()
        .map(|key| {
            let label = labels
                .iter()
                .find(|(a, _)| a == key)
                .map(|(_, l)| view.fmt(l, &[]))
                .unwrap_or_else(|| key.clone());
            view.fmt(
                "summary-line",
                &[
                    ("label", Arg::Str(label)),
                    ("value", Arg::Str(view.display(key))),
                ],
            )
        })
        .collect()
}

/// An answer read back from a stored referral (plain JSON), typed by the node that saves it.
pub(super) fn answer_from_json(
    content: &Content,
    key: &str,
    value: &serde_json::Value,
) -> Option<Answer> {
    Some(match value {
        serde_json::Value::Null => Answer::Skipped(String::new()),
        serde_json::Value::Array(ids) => Answer::Choices(
            ids.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
        ),
        serde_json::Value::String(s) => match content.flows.iter().find_map(|f| f.saver_of(key)) {
            Some(saver) => kinds::of(&saver.kind).answer_of(s),
            None => Answer::Text(s.clone()),
        },
        serde_json::Value::Bool(_)
        | serde_json::Value::Number(_)
        | serde_json::Value::Object(_) => {
            return None;
        }
    })
}
