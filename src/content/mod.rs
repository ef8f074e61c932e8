//! Content: the dialogues, the Fluent languages and the service directory, loaded once and
//! validated together (`signpost check`).

pub mod crisis;
pub mod dialogue;
pub mod locales;
pub mod problem;
pub mod services;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

pub use crisis::Crisis;
pub use dialogue::{Flow, Node, NodeKind};
pub use locales::{Arg, Locales};
pub use problem::{Problem, ProblemKind, Severity};
pub use services::{Directory, Service};

/// The flow a conversation starts in when several are shipped.
pub const ENTRY_FLOW: &str = "self-referral";

/// Messages the engine itself says, outside any node. Every language must have them.
pub const ENGINE_MESSAGES: &[&str] = &[
    "language-name",
    "language-pick",
    "welcome-back",
    "help",
    "restarted",
    "cannot-go-back",
    "stale-choice",
    "choose-one",
    "pick-at-least",
    "too-long",
    "please-type",
    "content-changed",
    "conversation-over",
    "service-line",
    "summary-line",
    "summary-not-given",
    "keywords-back",
    "keywords-restart",
    "keywords-help",
    "unreadable-input",
    "group-chat",
    "not-text",
    "mydata-intro",
    "mydata-nothing",
    "mydata-conversation",
    "mydata-referral",
    "mydata-consent",
    "mydata-services",
    "mydata-your-message",
    "mydata-flagged",
    "mydata-team-notes",
    "mydata-outcome",
    "mydata-footer",
    "forget-confirm",
    "forget-yes",
    "forget-no",
    "forget-done",
    "forget-kept",
    "slow-down",
    "store-failed",
    "command-start",
    "command-language",
    "command-back",
    "command-restart",
    "command-help",
    "command-mydata",
    "command-forget",
    "waiting-intro",
    "waiting-message",
    "waiting-cancel",
    "waiting-new",
    "waiting-message-ask",
    "waiting-message-saved",
    "waiting-cancelled",
    "callback-claimed",
    "services-no-postcode",
    "reason-near",
    "reason-borough",
    "reason-anywhere",
    "reason-language",
    "reason-free",
];

/// Content could not be loaded at all (as opposed to problems inside files).
#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    /// The folder is missing or lacks a part.
    #[error(
        "content folder {path} has no {part}/ folder: point --content or SIGNPOST_CONTENT at a folder holding dialogues/, locales/ and services/"
    )]
    MissingPart {
        /// The content folder.
        path: PathBuf,
        /// `dialogues`, `locales` or `services`.
        part: &'static str,
    },
    /// Files have errors; each is listed.
    #[error("the content has {} error(s); run `signpost check` for details:\n{}", .0.len(), .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
}

/// Everything the engine needs, loaded and checked.
#[derive(Debug)]
pub struct Content {
    /// The folder it came from.
    pub root: PathBuf,
    /// All flows; `entry` indexes the one conversations start in.
    pub flows: Vec<Flow>,
    entry: usize,
    /// The crisis interrupt.
    pub crisis: Crisis,
    /// Languages.
    pub locales: Locales,
    /// Services.
    pub directory: Directory,
}

impl Content {
    /// Loads and checks a content folder. Returns the content with any warnings, or every
    /// problem found when there is at least one error.
    pub fn load(root: &Path) -> Result<(Content, Vec<Problem>), ContentError> {
        let (content, problems) = Self::load_all(root)?;
        match content {
            Some(c) if !problems.iter().any(Problem::is_error) => Ok((c, problems)),
            _ => Err(ContentError::Invalid(
                problems.into_iter().filter(Problem::is_error).collect(),
            )),
        }
    }

    /// Loads a content folder and returns every problem, errors and warnings, sorted by file
    /// and line; the content is `None` when errors prevent building it.
    pub fn load_all(root: &Path) -> Result<(Option<Content>, Vec<Problem>), ContentError> {
        for part in ["dialogues", "locales", "services"] {
            if !root.join(part).is_dir() {
                return Err(ContentError::MissingPart {
                    path: root.to_path_buf(),
                    part,
                });
            }
        }
        let mut problems = Vec::new();
        let mut flows = Vec::new();
        let mut replies = None;
        let mut crisis_seen = false;
        for (path, rel, source) in read_files(root, "dialogues", "toml", &mut problems) {
            if path.file_name().is_some_and(|n| n == "crisis.toml") {
                crisis_seen = true;
                match crisis::parse_replies(&rel, &source) {
                    Ok(r) => replies = Some(r),
                    Err(p) => problems.push(p),
                }
            } else {
                let (f, p) = dialogue::parse(&rel, &source);
                problems.extend(p);
                flows.extend(f);
            }
        }
        if !crisis_seen {
            problems.push(Problem::error(
                Path::new("dialogues/crisis.toml"),
                0,
                ProblemKind::Unreadable,
                "the crisis replies file is missing; signpost will not run without it",
            ));
        }
        let rules_dir = Path::new("dialogues").join(crisis::RULES_DIR);
        // A rule file with errors is left out (and reported); the others still load, so
        // `check --crisis-report` works while one language is being edited.
        let mut rule_files = Vec::new();
        if root.join(&rules_dir).is_dir() {
            for (_, rel, source) in
                read_files(root, &rules_dir.to_string_lossy(), "toml", &mut problems)
            {
                let (f, p) = crisis::parse_rules(&rel, &source);
                problems.extend(p);
                rule_files.extend(f);
            }
        } else {
            problems.push(Problem::error(
                &rules_dir,
                0,
                ProblemKind::MissingCrisisRules,
                "the crisis rules folder is missing; signpost will not run without it",
            ));
        }
        let crisis = replies.map(|r| crisis::build(r, rule_files));
        let (locales, p) = Locales::load(&root.join("locales"), Path::new("locales"));
        problems.extend(p);
        let mut directory = Directory::default();
        let mut mapping = None;
        for (path, rel, source) in read_files(root, "services", "toml", &mut problems) {
            if path
                .file_name()
                .is_some_and(|n| n == services::MAPPING_FILE)
            {
                match crate::import::Mapping::parse(&rel, &source) {
                    Ok(m) => mapping = Some((rel, m)),
                    Err(p) => problems.push(p),
                }
            } else {
                problems.extend(directory.add_file(&rel, &source));
            }
        }
        let entry = flows
            .iter()
            .position(|f| f.id == ENTRY_FLOW)
            .or((flows.len() == 1).then_some(0));
        if entry.is_none() && !problems.iter().any(Problem::is_error) {
            problems.push(Problem::error(
                Path::new("dialogues"),
                0,
                ProblemKind::InvalidField,
                format!("no flow has id \"{ENTRY_FLOW}\", so there is nowhere to start"),
            ));
        }
        let content = match (crisis, entry) {
            (Some(crisis), Some(entry)) => Some(Content {
                root: root.to_path_buf(),
                flows,
                entry,
                crisis,
                locales,
                directory,
            }),
            _ => None,
        };
        if let Some(c) = &content {
            c.cross_check(&mut problems);
            problems.extend(c.directory.check_entries(chrono::Utc::now().date_naive()));
            if let Some((rel, m)) = &mapping {
                problems.extend(m.check(rel, &c.need_ids()));
            }
        }
        problems.sort_by(|a, b| (&a.path, a.line, a.severity).cmp(&(&b.path, b.line, b.severity)));
        problems.dedup();
        Ok((content, problems))
    }

    /// The flow new conversations start in.
    pub fn entry(&self) -> &Flow {
        &self.flows[self.entry]
    }

    /// The flow with this id.
    pub fn flow(&self, id: &str) -> Option<&Flow> {
        self.flows.iter().find(|f| f.id == id)
    }

    /// Need ids offered by the dialogues (the choices of nodes whose answer a `signpost` uses).
    pub fn need_ids(&self) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        for f in &self.flows {
            for n in &f.nodes {
                if let NodeKind::Signpost { needs, .. } = &n.kind
                    && let Some(saver) = f.saver_of(needs)
                    && let NodeKind::MultiChoice { choices, .. } | NodeKind::Choice { choices, .. } =
                        &saver.kind
                {
                    ids.extend(choices.iter().map(|c| c.id.clone()));
                }
            }
        }
        ids
    }

    /// Every message id signpost uses: the dialogues', the crisis messages and its own.
    pub fn used_messages(&self) -> BTreeSet<String> {
        let mut ids: BTreeSet<String> = self
            .flows
            .iter()
            .flat_map(|f| f.message_ids().into_iter().map(|(id, _)| id))
            .collect();
        ids.extend(self.crisis.message_ids().into_iter().map(str::to_string));
        ids.extend(ENGINE_MESSAGES.iter().map(|s| s.to_string()));
        ids
    }

    /// One row per language for `check --languages`: tag, own name, messages translated,
    /// missing, and whether a native speaker reviewed it.
    pub fn language_table(&self) -> Vec<(String, String, usize, usize, &'static str)> {
        let used = self.used_messages();
        self.locales
            .languages
            .iter()
            .map(|l| {
                let have = used
                    .iter()
                    .filter(|id| l.messages.contains_key(*id))
                    .count();
                let status = match l.reviewed {
                    Some(true) => "reviewed",
                    Some(false) => "draft",
                    None => "unknown",
                };
                (
                    l.tag.clone(),
                    l.name.clone(),
                    have,
                    used.len() - have,
                    status,
                )
            })
            .collect()
    }

    /// Checks across files: messages exist in every language with the same variables, labels
    /// fit, services name real needs, crisis patterns cover every language.
    fn cross_check(&self, problems: &mut Vec<Problem>) {
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
                    _ => {}
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
        for id in ENGINE_MESSAGES {
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
            if lang.reviewed.is_none() {
                problems.push(Problem::warning(
                    &Path::new("locales").join(&lang.tag),
                    0,
                    ProblemKind::InvalidField,
                    "say at the top of the file whether a native speaker has reviewed it: `# Status: reviewed` or `# Status: draft`",
                ));
            }
            if lang.tag == default {
                continue;
            }
            if let Some(base) = self.locales.get(default) {
                for (id, info) in &lang.messages {
                    let Some(base_info) = base.messages.get(id) else {
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

/// Reads `root/sub/*.ext`, sorted; unreadable files become problems.
fn read_files(
    root: &Path,
    sub: &str,
    ext: &str,
    problems: &mut Vec<Problem>,
) -> Vec<(PathBuf, PathBuf, String)> {
    let dir = root.join(sub);
    let mut paths: Vec<PathBuf> = match fs::read_dir(&dir) {
        Ok(e) => e
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == ext))
            .collect(),
        Err(e) => {
            problems.push(Problem::error(
                Path::new(sub),
                0,
                ProblemKind::Unreadable,
                format!("cannot read: {e}"),
            ));
            return Vec::new();
        }
    };
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let rel = Path::new(sub).join(path.file_name().unwrap_or_default());
        match fs::read_to_string(&path) {
            Ok(s) => out.push((path, rel, s)),
            Err(e) => problems.push(Problem::error(
                &rel,
                0,
                ProblemKind::Unreadable,
                format!("cannot read (is it UTF-8?): {e}"),
            )),
        }
    }
    out
}
