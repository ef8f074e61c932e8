//! Checks across content files: messages in every language with the same variables, labels
//! that fit, services naming real needs, crisis rules for every language.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{Content, NodeKind, Problem, ProblemKind, dialogue, locales};

impl Content {
    /// Checks across files: messages exist in every language with the same variables, labels
    /// fit, services name real needs, crisis patterns cover every language.
    pub(super) fn cross_check(&self, problems: &mut Vec<Problem>) {
        let default = locales::DEFAULT_LANGUAGE;
        let mut used: Vec<(String, PathBuf, usize)> = Vec::new();
        let mut labels: BTreeSet<String> = BTreeSet::new();
        for f in &self.flows {
            for (id, line) in f.message_ids() {
                used.push((id, f.path.clone(), line));
            }
            for n in &f.nodes {
                match &n.kind {
                    NodeKind::Choice { choices, .. } | NodeKind::MultiChoice { choices, .. } => {
                        labels.extend(choices.iter().map(|c| c.label.clone()))
                    }
                    NodeKind::Text { skip: Some(s), .. } => {
                        labels.insert(s.label.clone());
                    }
                    NodeKind::Practice { says, skip, .. } => {
                        labels.insert(says.not_listed.clone());
                        labels.extend(skip.iter().map(|s| s.label.clone()));
                        if self.practices.practices.is_empty() {
                            problems.push(Problem::error(
                                &f.path,
                                n.line,
                                ProblemKind::InvalidField,
                                format!(
                                    "node \"{}\" (practice) offers the practices of services/{}, but it lists none: add them, or make the node a `text` node",
                                    n.id,
                                    super::practices::PRACTICES_FILE
                                ),
                            ));
                        }
                    }
                    NodeKind::Summary {
                        fields,
                        confirm,
                        change,
                        ..
                    } => {
                        labels.extend(fields.iter().map(|f| f.label.clone()));
                        labels.insert(confirm.clone());
                        labels.insert(change.clone());
                    }
                    NodeKind::Text { skip: None, .. }
                    | NodeKind::Message { .. }
                    | NodeKind::Switch { .. }
                    | NodeKind::Signpost { .. }
                    | NodeKind::QueueCallback { .. }
                    | NodeKind::End => {}
                }
                if let NodeKind::MultiChoice { done, .. } = &n.kind {
                    labels.insert(done.clone());
                }
            }
        }
        // Messages that must show a variable: the reference people quote when they call.
        let mut must_show: Vec<(String, &str)> = Vec::new();
        for f in &self.flows {
            for n in &f.nodes {
                if let NodeKind::QueueCallback { .. } = n.kind {
                    must_show.push((n.text.clone(), "reference"));
                }
            }
        }
        let crisis_path = PathBuf::from("dialogues/crisis.toml");
        for id in self.crisis.message_ids() {
            used.push((id.to_string(), crisis_path.clone(), 0));
        }
        for id in super::engine_messages() {
            used.push((id.to_string(), PathBuf::from("locales"), 0));
        }
        for lang in &self.locales.languages {
            let mut reported = BTreeSet::new();
            for (id, path, line) in &used {
                if lang.messages.contains_key(id) || !reported.insert(id.clone()) {
                    continue;
                }
                let lang_path = Path::new("locales").join(&lang.tag);
                let (p, l) = if *line == 0 {
                    (lang_path.as_path(), 0)
                } else {
                    (path.as_path(), *line)
                };
                if lang.tag == default {
                    problems.push(Problem::error(
                        p,
                        l,
                        ProblemKind::MissingMessage,
                        format!(
                            "message \"{id}\" is missing from {default}: add it to a file in {}",
                            lang_path.display()
                        ),
                    ));
                } else {
                    problems.push(Problem::warning(
                        p,
                        l,
                        ProblemKind::MissingMessage,
                        format!("message \"{id}\" is missing from {}; people will see the English text until it is translated", lang.tag),
                    ));
                }
            }
            for (id, var) in &must_show {
                if let Some(info) = lang.messages.get(id)
                    && !info.variables.contains(*var)
                {
                    problems.push(Problem::error(
                        &info.path,
                        info.line,
                        ProblemKind::MissingVariable,
                        format!("message \"{id}\" must show {{ ${var} }}: people need it to quote when they call"),
                    ));
                }
            }
            for label in &labels {
                if let Some(text) = lang.format(label, None) {
                    let chars = locales::strip_isolation(&text).chars().count();
                    if chars > dialogue::LABEL_WARN_CHARS
                        && let Some(info) = lang.messages.get(label)
                    {
                        problems.push(Problem::warning(
                            &info.path,
                            info.line,
                            ProblemKind::LabelTooLong,
                            format!(
                                "button label \"{label}\" is {chars} characters; Telegram cuts labels over {}",
                                dialogue::LABEL_WARN_CHARS
                            ),
                        ));
                    }
                }
            }
            if lang.tag == default {
                continue;
            }
            if let Some(base) = self.locales.get(default) {
                for (id, info) in &lang.messages {
                    let Some(base_info) = base.messages.get(id) else {
                        problems.push(not_in_default(id, info, base));
                        continue;
                    };
                    for v in info.variables.difference(&base_info.variables) {
                        problems.push(Problem::error(
                            &info.path,
                            info.line,
                            ProblemKind::UnknownVariable,
                            format!(
                                "message \"{id}\" uses ${v}, which the {default} message does not have; signpost will not fill it in"
                            ),
                        ));
                    }
                }
            }
        }
        let shipped: Vec<String> = self
            .locales
            .languages
            .iter()
            .map(|l| l.tag.clone())
            .collect();
        self.crisis.check(&shipped, problems);
        let needs = self.need_ids();
        for s in &self.directory.services {
            let (path, line) = self.directory.lines.get(&s.id).cloned().unwrap_or_default();
            for n in &s.needs {
                if !needs.contains(n) {
                    problems.push(Problem::error(
                        &path,
                        line,
                        ProblemKind::UnknownNeed,
                        format!(
                            "service \"{}\" lists need \"{n}\", which no dialogue offers (known: {})",
                            s.id,
                            needs.iter().cloned().collect::<Vec<_>>().join(", ")
                        ),
                    ));
                }
            }
        }
    }
}

/// A translated message the default language does not have: never shown, and most likely a
/// misspelt or renamed id whose real message is then missing.
fn not_in_default(id: &str, info: &locales::MessageInfo, base: &locales::Language) -> Problem {
    let closest = base
        .messages
        .keys()
        .map(|k| (strsim::jaro_winkler(id, k), k))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| format!(" (did you mean \"{k}\"?)"))
        .unwrap_or_default();
    Problem::warning(
        &info.path,
        info.line,
        ProblemKind::UnknownMessage,
        format!(
            "message \"{id}\" is not in {}{closest}; signpost never shows it: rename it to the \
             {} id it translates, or remove it",
            base.tag, base.tag
        ),
    )
}
