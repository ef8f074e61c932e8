//! What words of crisis are answered with, in which languages: the emergency routes and the
//! direct question.

use std::collections::BTreeSet;

use crate::content::locales::DEFAULT_LANGUAGE;
use crate::crisis::normalise::script;
use crate::crisis::{Detection, Kind, View as Reading};

use crate::engine::flag::Asking;
use crate::engine::output::{Button, Reply};
use crate::engine::view::View;

/// The pseudo node id of the direct question's buttons.
pub const ASK_NODE: &str = "_crisis";

impl View<'_> {
    /// The direct question with its buttons, in the language of the words until one is chosen.
    pub(in crate::engine) fn ask_prompt(&self, asking: &Asking) -> Reply {
        let kind = Kind::ALL
            .into_iter()
            .find(|k| asking.flag.about.kinds.contains(k))
            .unwrap_or(Kind::SelfHarm);
        let lang = self.first_route_language(&asking.langs);
        let crisis = &self.content.crisis;
        let f = |id: &str| self.content.locales.format(&lang, id, &[]);
        let button =
            |id: &str, label: &str| Button::labelled(&self.content.locales, &lang, id, label);
        Reply {
            text: f(&crisis.route(kind).ask),
            choices: vec![button("yes", &crisis.ask.yes), button("no", &crisis.ask.no)],
            node: Some(ASK_NODE.to_string()),
            alone: false,
            asks: None,
        }
    }

    /// The emergency routes for `kinds`, each language a message of its own (see
    /// [`View::route_languages`]).
    pub(in crate::engine) fn routes(
        &self,
        kinds: &BTreeSet<Kind>,
        detected: &[String],
    ) -> Vec<Reply> {
        let crisis = &self.content.crisis;
        let locales = &self.content.locales;
        // Danger from someone else first: 999 if they are in danger now.
        let order = [Kind::Danger, Kind::SelfHarm];
        let replies = self
            .route_languages(detected)
            .into_iter()
            .map(|lang| {
                let mut parts: Vec<String> = order
                    .iter()
                    .filter(|k| kinds.contains(k))
                    .map(|k| locales.format(&lang, &crisis.route(*k).message, &[]))
                    .collect();
                parts.push(locales.format(&lang, &crisis.resume, &[]));
                Reply::alone(parts.join("\n\n"))
            })
            .collect();
        tracing::warn!(
            kinds = %kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(","),
            "crisis interrupt fired"
        );
        replies
    }

    /// The shipped languages whose rules fired, most likely first: those written in the
    /// message's script first, and among them those read as written before transliterations
    /// (so "kms" is English before it is Banglish).
    pub(in crate::engine) fn languages_of(&self, text: &str, found: &Detection) -> Vec<String> {
        let locales = &self.content.locales;
        let written = script(text);
        let mut ranked: Vec<(u8, usize, String)> = found
            .languages()
            .into_iter()
            .enumerate()
            .filter_map(|(n, l)| {
                let tag = locales.best_match(l)?;
                let own = locales.get(tag).map(|l| script(&l.name))?;
                let loose = self.content.crisis.detector.view_of(l) == Some(Reading::Loose);
                let rank = match (own == written, loose) {
                    (true, false) => 0,
                    (true, true) => 1,
                    (false, _) => 2,
                };
                Some((rank, n, tag.to_string()))
            })
            .collect();
        ranked.sort();
        let mut out: Vec<String> = Vec::new();
        for (_, _, tag) in ranked {
            if !out.contains(&tag) {
                out.push(tag);
            }
        }
        out
    }

    /// The languages the routes are shown in: the person's, and the words' when another;
    /// before one is chosen, the words', and the app's when another (else English).
    fn route_languages(&self, detected: &[String]) -> Vec<String> {
        let hint = self
            .session
            .lang_hint
            .as_deref()
            .and_then(|h| self.content.locales.best_match(h))
            .map(str::to_string);
        let (first, second) = match &self.session.lang {
            Some(l) => (Some(l.clone()), detected.iter().find(|d| *d != l).cloned()),
            None => match detected.first() {
                Some(d) => (Some(d.clone()), hint.filter(|h| h != d)),
                None => (hint, None),
            },
        };
        let mut out = vec![first.unwrap_or_else(|| DEFAULT_LANGUAGE.to_string())];
        out.extend(second);
        out
    }

    /// The first of the route languages: where the question and "thank you" are said.
    pub(in crate::engine) fn first_route_language(&self, detected: &[String]) -> String {
        self.route_languages(detected).remove(0)
    }
}
