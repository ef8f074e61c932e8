//! Moving through the flow: beginning, accepting an answer, going on through the nodes that
//! do not wait, and going back exactly one step.

use super::kinds;
use super::session::{Answer, Session, Step};
use super::turn::Turn;

/// Most nodes passed through in one step; more means the flow loops.
const MAX_PASSES: usize = 256;

impl Turn<'_> {
    /// Starts the conversation afresh: the language picker, or the first node.
    pub(super) fn begin(&mut self) {
        self.reset();
        if self.session.lang.is_none() {
            self.session.picking_language = true;
            self.present();
        } else {
            let start = self.flow().start.clone();
            self.enter(&start);
        }
    }

    /// Forgets answers and history, keeping the language, the urgent flag and the link followed.
    pub(super) fn reset(&mut self) {
        let keep = Session {
            started: true,
            flow: self.content.entry().id.clone(),
            lang: self.session.lang.clone(),
            lang_hint: self.session.lang_hint.clone(),
            urgent: self.session.urgent,
            flags: std::mem::take(&mut self.session.flags),
            link: self.session.link.take(),
            ..Session::default()
        };
        self.session = keep;
    }

    /// Undoes the last accepted step and asks it again.
    pub(super) fn back(&mut self) {
        let Some(step) = self.session.history.pop() else {
            self.say("cannot-go-back", &[]);
            self.present();
            return;
        };
        let mut undone = None;
        for (key, value) in step.before.into_iter().rev() {
            let replaced = match value {
                Some(v) => self.session.answers.insert(key, v),
                None => self.session.answers.remove(&key),
            };
            undone = undone.or(replaced);
        }
        self.session.node = step.node;
        self.session.page = step.page;
        self.session.editing = step.editing;
        self.session.finished = false;
        self.session.picking_language = false;
        self.session.tries = 0;
        self.sync_consent();
        self.session.picks = match self.node() {
            Some(node) => kinds::of(&node.kind).picks(&self.session.answers, undone.as_ref()),
            None => Vec::new(),
        };
        self.present();
    }

    /// Shows the current node, with what its answer had ticked.
    pub(super) fn wait_here(&mut self) {
        self.session.picks = match self.node() {
            Some(node) => kinds::of(&node.kind).picks(&self.session.answers, None),
            None => Vec::new(),
        };
        self.present();
    }

    /// Keeps when consent was given, or forgets it once it no longer is.
    fn sync_consent(&mut self) {
        if !self.consented() {
            self.session.consent_at = None;
        } else if self.session.consent_at.is_none() && self.flow().consent.is_some() {
            self.session.consent_at = Some(
                self.context
                    .now
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            );
        }
    }

    /// Records an accepted answer at the current node, remembering what it replaced.
    pub(super) fn accept(&mut self, value: Option<Answer>, clear: &[String]) {
        let node = self.node();
        let mut before = Vec::new();
        if let (Some(v), Some(key)) = (value, node.and_then(|n| n.kind.saves())) {
            // No free text is kept before consent: the flow should not ask, and if it does,
            // the answer is not stored.
            if v.is_text() && !self.consented() {
                tracing::warn!(node = %self.session.node, "free text before consent was not saved");
            } else {
                before.push((
                    key.to_string(),
                    self.session.answers.insert(key.to_string(), v),
                ));
            }
        }
        for key in clear {
            before.push((key.clone(), self.session.answers.remove(key)));
        }
        self.session.history.push(Step {
            node: self.session.node.clone(),
            page: self.session.page,
            before,
            editing: self.session.editing.clone(),
        });
        self.session.tries = 0;
        self.session.picks.clear();
        self.sync_consent();
    }

    /// Goes to `target`, passing through nodes that do not wait, until one waits.
    pub(super) fn enter(&mut self, target: &str) {
        let mut id = target.to_string();
        for _ in 0..MAX_PASSES {
            if let Some(summary) = self.session.editing.clone() {
                let answered = self
                    .flow()
                    .node(&id)
                    .and_then(|n| n.kind.saves())
                    .is_some_and(|k| self.session.answers.contains_key(k));
                if id == summary || answered {
                    self.session.editing = None;
                    id = summary;
                }
            }
            let Some(node) = self.flow().node(&id) else {
                tracing::error!(node = %id, "target missing at run time");
                self.say("content-changed", &[]);
                self.reset();
                return;
            };
            self.session.node = node.id.clone();
            self.session.page = 0;
            self.session.tries = 0;
            match kinds::of(&node.kind).arrive(self, node) {
                Some(next) => id = next,
                None => return,
            }
        }
        tracing::error!("too many steps without waiting; stopping");
    }
}
