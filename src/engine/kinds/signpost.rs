//! `signpost`: the services suggested for the person's needs, near them, for their age and in
//! their language; the general ones when nothing matches.

use std::collections::BTreeMap;

use crate::content::{Arg, Node};
use crate::engine::output::Button;
use crate::engine::session::Answer;
use crate::engine::turn::Turn;
use crate::engine::view::View;
use crate::matching::{self, Query, Reason};
use crate::validate;

use super::behaviour::{Behaviour, OpenQuestion, words};

/// A `signpost` node's fields.
pub(super) struct Signpost<'n> {
    pub needs: &'n str,
    pub postcode: Option<&'n str>,
    pub dob: Option<&'n str>,
    pub none: &'n str,
    pub next: &'n str,
}

impl Behaviour for Signpost<'_> {
    fn arrive(&self, turn: &mut Turn<'_>, node: &Node) -> Option<String> {
        self.suggest(turn, node);
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
        Some(self.needs)
    }
}

impl Signpost<'_> {
    /// Lists the services found (remembered in the session), as few replies as fit.
    fn suggest(&self, turn: &mut Turn<'_>, node: &Node) {
        let content = turn.content;
        let needs = turn
            .session
            .answers
            .get(self.needs)
            .map(Answer::ids)
            .unwrap_or_default();
        let text_of = |k: Option<&str>| match k.and_then(|k| turn.session.answers.get(k)) {
            Some(Answer::Text(t)) => Some(t.clone()),
            Some(Answer::Choice(_) | Answer::Choices(_) | Answer::Skipped(_)) | None => None,
        };
        let postcode = text_of(self.postcode);
        let age = text_of(self.dob).and_then(|d| validate::age_on(&d, turn.today()));
        let lang = turn.lang().to_string();
        let query = Query {
            needs: &needs,
            postcode: postcode.as_deref(),
            age,
            language: &lang,
        };
        let mut found = matching::suggest(&content.directory, &query);
        turn.session.unmet = Some(matching::unmet(&query, &found));
        let mut parts = Vec::new();
        if self.postcode.is_some() && postcode.is_none() {
            parts.push(turn.fmt("services-no-postcode", &[]));
        }
        if found.is_empty() {
            // Nothing for these needs: say so, then offer the general borough and phone services.
            parts.push(turn.fmt(self.none, &[]));
            let general = ["other".to_string()];
            found = matching::suggest(
                &content.directory,
                &Query {
                    needs: &general,
                    ..query
                },
            );
        } else {
            parts.push(turn.fmt(&node.text, &[("count", Arg::Num(found.len() as f64))]));
        }
        turn.session.suggested = found.iter().map(|f| f.service.id.clone()).collect();
        for f in &found {
            let s = f.service;
            let description = s
                .translations
                .get(&lang)
                .cloned()
                .unwrap_or_else(|| s.description.clone());
            let contact = s
                .phone
                .clone()
                .or_else(|| s.website.clone())
                .unwrap_or_default();
            let why = f
                .reasons
                .iter()
                .filter_map(|r| match r {
                    Reason::Need(_) => None,
                    Reason::Distance { metres } => {
                        let said = crate::geo::Spoken::of(f64::from(*metres) / 1000.0);
                        Some(turn.fmt(
                            "distance-away",
                            &[
                                ("metres", Arg::Num(f64::from(said.metres))),
                                ("km", Arg::Num(f64::from(said.km))),
                                ("quarters", Arg::Num(f64::from(said.quarters))),
                                ("miles", Arg::Num(f64::from(said.miles))),
                            ],
                        ))
                    }
                    Reason::SameDistrict(d) => {
                        Some(turn.fmt("reason-near", &[("district", Arg::Str(d.clone()))]))
                    }
                    Reason::Borough => Some(turn.fmt("reason-borough", &[])),
                    Reason::Anywhere => Some(turn.fmt("reason-anywhere", &[])),
                    Reason::SpeaksLanguage(_) => Some(turn.fmt("reason-language", &[])),
                    Reason::Free => Some(turn.fmt("reason-free", &[])),
                })
                .collect::<Vec<_>>()
                .join(" · ");
            let opening = crate::content::services::opening::describe_or_empty(
                s.opening.as_deref(),
                &content.locales,
                &lang,
            );
            let line = turn.fmt(
                "service-line",
                &[
                    ("name", Arg::Str(s.name.clone())),
                    ("organisation", Arg::Str(s.organisation.clone())),
                    ("description", Arg::Str(description)),
                    ("opening", Arg::Str(opening)),
                    ("contact", Arg::Str(contact)),
                    ("why", Arg::Str(why)),
                ],
            );
            // Lines left empty (no opening time, no contact) are left out.
            parts.push(
                line.lines()
                    .filter(|l| {
                        !crate::content::locales::strip_isolation(l)
                            .trim()
                            .is_empty()
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
        turn.push_long(parts);
    }
}
