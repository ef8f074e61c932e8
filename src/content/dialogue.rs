//! Dialogue files: one flow of typed nodes per TOML file, parsed with line numbers and checked
//! as a graph (targets exist, every node reachable, no dead ends, requirements saved upstream).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::problem::{Problem, ProblemKind, line_of, parse_toml};

/// The dialogue schema version this build reads.
pub const SCHEMA: u32 = 1;
/// Telegram's limit on a button's `callback_data`, in bytes.
pub const CALLBACK_DATA_MAX: usize = 64;
/// Button labels longer than this are truncated by Telegram on small phones.
pub const LABEL_WARN_CHARS: usize = 40;
/// Default longest free-text answer, in characters.
pub const DEFAULT_MAX_LEN: usize = 1000;

/// The bytes a button payload takes: `node id`, a separator, `choice id` (see the Telegram
/// transport), so `check` can prove every button fits.
pub fn payload_len(node: &str, choice: &str) -> usize {
    node.len() + 1 + choice.len()
}

/// A whole flow: its nodes by id and where it came from.
#[derive(Debug, Clone)]
pub struct Flow {
    /// The flow's id (`self-referral`).
    pub id: String,
    /// The node a new conversation begins at.
    pub start: String,
    /// Which answer records consent, if the flow asks for it.
    pub consent: Option<Consent>,
    /// Nodes in file order.
    pub nodes: Vec<Node>,
    index: HashMap<String, usize>,
    /// The file it was read from.
    pub path: PathBuf,
}

/// Where a flow records consent to keep personal data.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// The answer key of the consent question.
    pub answer: String,
    /// The choice id meaning "yes".
    pub given: String,
    /// The version of the privacy notice shown, stored with each referral.
    pub notice_version: String,
}

/// One step of a flow.
#[derive(Debug, Clone)]
pub struct Node {
    /// Unique within the flow.
    pub id: String,
    /// Fluent message id of what the step says (empty for `switch`).
    pub text: String,
    /// What the step does.
    pub kind: NodeKind,
    /// Answers that must be saved on every path to this node.
    pub require: Vec<String>,
    /// Line in the file, for messages.
    pub line: usize,
}

/// A button: an id saved as the answer, a Fluent label, and where it leads.
#[derive(Debug, Clone)]
pub struct Choice {
    /// Saved as the answer; never translated.
    pub id: String,
    /// Fluent message id of the label.
    pub label: String,
    /// Where it leads (choice nodes only).
    pub next: Option<String>,
    /// Answers to forget when this is picked (they no longer apply).
    pub clear: Vec<String>,
}

/// A built-in or custom check of a typed answer.
#[derive(Debug, Clone)]
pub enum Rule {
    /// Any regular expression.
    Regex(Regex),
    /// A UK phone number; stored as digits starting with 0.
    UkPhone,
    /// A UK postcode; stored upper case with one space.
    UkPostcode,
    /// A date of birth as day/month/year; stored as `YYYY-MM-DD`.
    DateOfBirth,
}

/// Validation of a `text` node.
#[derive(Debug, Clone)]
pub struct Validation {
    /// What must hold.
    pub rule: Rule,
    /// Fluent message id said when it does not.
    pub error: String,
    /// Tries before `on_fail` is taken.
    pub max_tries: u32,
    /// Where to go after too many tries (else the person keeps trying).
    pub on_fail: Option<String>,
}

/// A "skip" button on a `text` node ("prefer not to say", "don't know").
#[derive(Debug, Clone)]
pub struct Skip {
    /// The button's id.
    pub id: String,
    /// Fluent label.
    pub label: String,
    /// Where it leads; the node's `next` when absent.
    pub next: Option<String>,
}

/// One branch of a `switch`.
#[derive(Debug, Clone)]
pub struct Case {
    /// The choice id (or one of the ids of a multiple answer) that selects it.
    pub equals: String,
    /// Where it leads.
    pub next: String,
}

/// One answer shown on a summary, with the node that asks it again.
#[derive(Debug, Clone)]
pub struct Field {
    /// Answer key.
    pub answer: String,
    /// Fluent label.
    pub label: String,
    /// Node to ask it again.
    pub edit: String,
}

/// What a node does.
#[derive(Debug, Clone)]
pub enum NodeKind {
    /// Says something, then goes on.
    Message { next: String },
    /// One button out of several.
    Choice {
        save: Option<String>,
        choices: Vec<Choice>,
    },
    /// Several buttons, then "done".
    MultiChoice {
        save: String,
        choices: Vec<Choice>,
        done: String,
        min: usize,
        next: String,
    },
    /// Free text, optionally validated, optionally skippable.
    Text {
        save: String,
        validate: Option<Validation>,
        skip: Option<Skip>,
        max_len: usize,
        /// An open question ("tell us more"): words of crisis typed here are the answer
        /// (kept, marked as flagged). Elsewhere they are never taken as the answer.
        open: bool,
        next: String,
    },
    /// Branch on a saved answer.
    Switch {
        on: String,
        cases: Vec<Case>,
        default: String,
    },
    /// Shows matching services.
    Signpost {
        needs: String,
        postcode: Option<String>,
        dob: Option<String>,
        none: String,
        next: String,
    },
    /// Stores the referral and queues the callback; its text gets `$reference`.
    QueueCallback { next: String },
    /// Shows the answers and lets the person change one before going on.
    Summary {
        fields: Vec<Field>,
        confirm: String,
        change: String,
        pick: String,
        next: String,
    },
    /// The conversation is over.
    End,
}

impl NodeKind {
    /// True for the kinds that wait for the person.
    pub fn waits(&self) -> bool {
        matches!(
            self,
            NodeKind::Choice { .. }
                | NodeKind::MultiChoice { .. }
                | NodeKind::Text { .. }
                | NodeKind::Summary { .. }
                | NodeKind::End
        )
    }

    /// The answer key this node saves, if any.
    pub fn saves(&self) -> Option<&str> {
        match self {
            NodeKind::Choice { save, .. } => save.as_deref(),
            NodeKind::MultiChoice { save, .. } | NodeKind::Text { save, .. } => Some(save),
            _ => None,
        }
    }
}

impl Flow {
    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index.get(id).map(|&i| &self.nodes[i])
    }

    /// The node that saves `answer`, if any.
    pub fn saver_of(&self, answer: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.kind.saves() == Some(answer))
    }

    /// Every Fluent message id this flow uses, with the line using it.
    pub fn message_ids(&self) -> Vec<(String, usize)> {
        let mut ids = Vec::new();
        for n in &self.nodes {
            if !n.text.is_empty() {
                ids.push((n.text.clone(), n.line));
            }
            match &n.kind {
                NodeKind::Choice { choices, .. } => {
                    ids.extend(choices.iter().map(|c| (c.label.clone(), n.line)))
                }
                NodeKind::MultiChoice { choices, done, .. } => {
                    ids.extend(choices.iter().map(|c| (c.label.clone(), n.line)));
                    ids.push((done.clone(), n.line));
                }
                NodeKind::Text { validate, skip, .. } => {
                    if let Some(v) = validate {
                        ids.push((v.error.clone(), n.line));
                    }
                    if let Some(s) = skip {
                        ids.push((s.label.clone(), n.line));
                    }
                }
                NodeKind::Signpost { none, .. } => ids.push((none.clone(), n.line)),
                NodeKind::Summary {
                    fields,
                    confirm,
                    change,
                    pick,
                    ..
                } => {
                    ids.extend(fields.iter().map(|f| (f.label.clone(), n.line)));
                    ids.push((confirm.clone(), n.line));
                    ids.push((change.clone(), n.line));
                    ids.push((pick.clone(), n.line));
                }
                _ => {}
            }
        }
        ids
    }

    /// Outgoing edges of a node: (target, whether the node's answer is saved on that edge).
    fn edges(node: &Node) -> Vec<(&str, bool)> {
        match &node.kind {
            NodeKind::Message { next } | NodeKind::QueueCallback { next } => vec![(next, false)],
            NodeKind::Choice { choices, .. } => choices
                .iter()
                .filter_map(|c| c.next.as_deref().map(|n| (n, true)))
                .collect(),
            NodeKind::MultiChoice { next, .. } => vec![(next, true)],
            NodeKind::Text {
                validate,
                skip,
                next,
                ..
            } => {
                let mut e = vec![(next.as_str(), true)];
                if let Some(f) = validate.as_ref().and_then(|v| v.on_fail.as_deref()) {
                    e.push((f, false));
                }
                if let Some(s) = skip.as_ref().and_then(|s| s.next.as_deref()) {
                    e.push((s, true));
                }
                e
            }
            NodeKind::Switch { cases, default, .. } => {
                let mut e: Vec<_> = cases.iter().map(|c| (c.next.as_str(), false)).collect();
                e.push((default, false));
                e
            }
            NodeKind::Signpost { next, .. } => vec![(next, false)],
            NodeKind::Summary { fields, next, .. } => {
                let mut e: Vec<_> = fields.iter().map(|f| (f.edit.as_str(), false)).collect();
                e.push((next, false));
                e
            }
            NodeKind::End => vec![],
        }
    }
}

// ---------- raw TOML shape ----------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFlow {
    schema: Spanned<u32>,
    id: Spanned<String>,
    start: Spanned<String>,
    consent: Option<Consent>,
    #[serde(default, rename = "node")]
    nodes: Vec<RawNode>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNode {
    id: Spanned<String>,
    kind: Spanned<String>,
    text: Option<String>,
    next: Option<Spanned<String>>,
    save: Option<String>,
    choices: Option<Vec<RawChoice>>,
    done: Option<String>,
    min: Option<usize>,
    validate: Option<Spanned<RawValidate>>,
    skip: Option<RawSkip>,
    max_len: Option<usize>,
    open: Option<bool>,
    on: Option<String>,
    cases: Option<Vec<RawCase>>,
    default: Option<Spanned<String>>,
    require: Option<Vec<String>>,
    fields: Option<Vec<RawField>>,
    confirm: Option<String>,
    change: Option<String>,
    pick: Option<String>,
    needs: Option<String>,
    postcode: Option<String>,
    dob: Option<String>,
    none: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    id: Spanned<String>,
    label: String,
    next: Option<Spanned<String>>,
    #[serde(default)]
    clear: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawValidate {
    regex: Option<Spanned<String>>,
    kind: Option<String>,
    error: String,
    #[serde(default = "default_tries")]
    max_tries: u32,
    on_fail: Option<Spanned<String>>,
}

fn default_tries() -> u32 {
    3
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSkip {
    id: String,
    label: String,
    next: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCase {
    equals: String,
    next: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    answer: String,
    label: String,
    edit: Spanned<String>,
}

/// A target and the line naming it, kept until targets are checked.
struct Target {
    id: String,
    line: usize,
}

/// Reads one flow from TOML source. Structural problems are returned with their lines; the flow
/// is `None` when it cannot be used at all.
pub fn parse(path: &Path, source: &str) -> (Option<Flow>, Vec<Problem>) {
    let mut problems = Vec::new();
    let raw: RawFlow = match parse_toml(path, source, |r: &RawFlow| &r.schema) {
        Ok(r) => r,
        Err(p) => return (None, vec![p]),
    };
    let at = |offset: usize| line_of(source, offset);

    let mut nodes = Vec::new();
    let mut index = HashMap::new();
    let mut targets: Vec<Target> = Vec::new();
    for rn in raw.nodes {
        let id_line = at(rn.id.span().start);
        let id = rn.id.get_ref().clone();
        if !valid_id(&id) {
            problems.push(Problem::error(
                path,
                id_line,
                ProblemKind::InvalidField,
                format!("node id \"{id}\" must be lower-case letters, digits, '-' or '_', not starting with '_'"),
            ));
        }
        if index.contains_key(&id) {
            problems.push(Problem::error(
                path,
                id_line,
                ProblemKind::DuplicateId,
                format!("node id \"{id}\" is used twice; give each node its own id"),
            ));
            continue;
        }
        match build_node(path, source, rn, id_line, &mut targets, &mut problems) {
            Some(node) => {
                index.insert(id, nodes.len());
                nodes.push(node);
            }
            None => {
                // Keep the id known so references to it are not reported twice.
                index.insert(id, usize::MAX);
            }
        }
    }
    let start = raw.start.get_ref().clone();
    targets.push(Target {
        id: start.clone(),
        line: at(raw.start.span().start),
    });
    for t in &targets {
        if !index.contains_key(&t.id) {
            problems.push(Problem::error(
                path,
                t.line,
                ProblemKind::UnknownTarget,
                format!("there is no node \"{}\" in this file", t.id),
            ));
        }
    }
    if problems.iter().any(Problem::is_error) {
        return (None, problems);
    }
    let flow = Flow {
        id: raw.id.into_inner(),
        start,
        consent: raw.consent,
        nodes,
        index,
        path: path.to_path_buf(),
    };
    check_graph(&flow, &mut problems);
    (Some(flow), problems)
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('_')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

fn build_node(
    path: &Path,
    source: &str,
    rn: RawNode,
    line: usize,
    targets: &mut Vec<Target>,
    problems: &mut Vec<Problem>,
) -> Option<Node> {
    let at = |offset: usize| line_of(source, offset);
    let id = rn.id.get_ref().clone();
    let kind_name = rn.kind.get_ref().as_str();
    let before = problems.len();
    let missing = |field: &str, problems: &mut Vec<Problem>| {
        problems.push(Problem::error(
            path,
            line,
            ProblemKind::InvalidField,
            format!("node \"{id}\" ({kind_name}) needs a `{field}`"),
        ));
    };
    let target = |targets: &mut Vec<Target>, t: &Option<Spanned<String>>| -> Option<String> {
        t.as_ref().map(|s| {
            targets.push(Target {
                id: s.get_ref().clone(),
                line: at(s.span().start),
            });
            s.get_ref().clone()
        })
    };
    let next = target(targets, &rn.next);
    if rn.open == Some(true) && rn.validate.is_some() {
        problems.push(Problem::error(
            path,
            line,
            ProblemKind::InvalidField,
            format!("node \"{id}\" is an open question (`open = true`) and validates its answer; an open question takes any words, so remove one of them"),
        ));
    }
    if rn.open.is_some() && kind_name != "text" {
        problems.push(Problem::error(
            path,
            line,
            ProblemKind::InvalidField,
            format!("node \"{id}\" ({kind_name}) has `open`, which only text nodes can have"),
        ));
    }
    let text = rn.text.clone().unwrap_or_default();
    let needs_text = !matches!(kind_name, "switch");
    if needs_text && text.is_empty() {
        missing("text", problems);
    }
    let dead_end = |problems: &mut Vec<Problem>| {
        problems.push(Problem::error(
            path,
            line,
            ProblemKind::DeadEnd,
            format!("node \"{id}\" ({kind_name}) has no `next`: only `end` nodes may stop the conversation"),
        ));
    };
    let choices_of = |raw: &Option<Vec<RawChoice>>,
                      with_next: bool,
                      targets: &mut Vec<Target>,
                      problems: &mut Vec<Problem>|
     -> Vec<Choice> {
        let mut out: Vec<Choice> = Vec::new();
        for c in raw.iter().flatten() {
            let cline = at(c.id.span().start);
            let cid = c.id.get_ref().clone();
            if !valid_id(&cid) || cid == "done" {
                problems.push(Problem::error(
                    path,
                    cline,
                    ProblemKind::InvalidField,
                    format!("choice id \"{cid}\" must be lower-case letters, digits, '-' or '_' (and not \"done\")"),
                ));
            }
            if out.iter().any(|o| o.id == cid) {
                problems.push(Problem::error(
                    path,
                    cline,
                    ProblemKind::DuplicateId,
                    format!("choice id \"{cid}\" is used twice in node \"{id}\""),
                ));
            }
            if payload_len(&id, &cid) > CALLBACK_DATA_MAX {
                problems.push(Problem::error(
                    path,
                    cline,
                    ProblemKind::PayloadTooLong,
                    format!(
                        "the button \"{id}\"/\"{cid}\" needs {} bytes of Telegram callback data; the limit is {CALLBACK_DATA_MAX}: shorten the ids",
                        payload_len(&id, &cid)
                    ),
                ));
            }
            let cnext = if with_next {
                match c.next.as_ref().or(rn.next.as_ref()) {
                    Some(n) => {
                        targets.push(Target {
                            id: n.get_ref().clone(),
                            line: at(n.span().start),
                        });
                        Some(n.get_ref().clone())
                    }
                    None => {
                        problems.push(Problem::error(
                            path,
                            cline,
                            ProblemKind::DeadEnd,
                            format!("choice \"{cid}\" of node \"{id}\" has no `next` (and the node has no default `next`)"),
                        ));
                        None
                    }
                }
            } else {
                None
            };
            out.push(Choice {
                id: cid,
                label: c.label.clone(),
                next: cnext,
                clear: c.clear.clone(),
            });
        }
        if out.is_empty() {
            problems.push(Problem::error(
                path,
                line,
                ProblemKind::InvalidField,
                format!("node \"{id}\" ({kind_name}) needs at least one entry in `choices`"),
            ));
        }
        out
    };

    let kind = match kind_name {
        "message" => match next {
            Some(next) => NodeKind::Message { next },
            None => {
                dead_end(problems);
                return None;
            }
        },
        "choice" => NodeKind::Choice {
            save: rn.save.clone(),
            choices: choices_of(&rn.choices, true, targets, problems),
        },
        "multi_choice" => {
            let choices = choices_of(&rn.choices, false, targets, problems);
            let Some(save) = rn.save.clone() else {
                missing("save", problems);
                return None;
            };
            let Some(done) = rn.done.clone() else {
                missing("done", problems);
                return None;
            };
            let Some(next) = next else {
                dead_end(problems);
                return None;
            };
            NodeKind::MultiChoice {
                save,
                choices,
                done,
                min: rn.min.unwrap_or(1),
                next,
            }
        }
        "text" => {
            let validate = match &rn.validate {
                None => None,
                Some(v) => {
                    let vline = at(v.span().start);
                    let v = v.get_ref();
                    let rule = match (&v.regex, v.kind.as_deref()) {
                        (Some(re), None) => match Regex::new(re.get_ref()) {
                            Ok(r) => Some(Rule::Regex(r)),
                            Err(e) => {
                                problems.push(Problem::error(
                                    path,
                                    at(re.span().start),
                                    ProblemKind::InvalidRegex,
                                    format!(
                                        "the regex of node \"{id}\" does not compile: {}",
                                        first_line(&e.to_string())
                                    ),
                                ));
                                None
                            }
                        },
                        (None, Some("uk_phone")) => Some(Rule::UkPhone),
                        (None, Some("uk_postcode")) => Some(Rule::UkPostcode),
                        (None, Some("date_of_birth")) => Some(Rule::DateOfBirth),
                        (None, Some(other)) => {
                            problems.push(Problem::error(
                                path,
                                vline,
                                ProblemKind::InvalidField,
                                format!("unknown validation kind \"{other}\"; use uk_phone, uk_postcode, date_of_birth, or a `regex`"),
                            ));
                            None
                        }
                        _ => {
                            problems.push(Problem::error(
                                path,
                                vline,
                                ProblemKind::InvalidField,
                                format!("the validation of node \"{id}\" needs exactly one of `regex` or `kind`"),
                            ));
                            None
                        }
                    };
                    if v.max_tries == 0 {
                        problems.push(Problem::error(
                            path,
                            vline,
                            ProblemKind::InvalidField,
                            "`max_tries` must be at least 1",
                        ));
                    }
                    rule.map(|rule| Validation {
                        rule,
                        error: v.error.clone(),
                        max_tries: v.max_tries.max(1),
                        on_fail: target(targets, &v.on_fail),
                    })
                }
            };
            let skip = rn.skip.as_ref().map(|s| Skip {
                id: s.id.clone(),
                label: s.label.clone(),
                next: target(targets, &s.next),
            });
            if let Some(s) = &skip
                && payload_len(&id, &s.id) > CALLBACK_DATA_MAX
            {
                problems.push(Problem::error(
                    path,
                    line,
                    ProblemKind::PayloadTooLong,
                    format!("the skip button of node \"{id}\" needs more than {CALLBACK_DATA_MAX} bytes of callback data"),
                ));
            }
            let Some(save) = rn.save.clone() else {
                missing("save", problems);
                return None;
            };
            let Some(next) = next else {
                dead_end(problems);
                return None;
            };
            NodeKind::Text {
                save,
                validate,
                skip,
                max_len: rn.max_len.unwrap_or(DEFAULT_MAX_LEN),
                open: rn.open.unwrap_or(false),
                next,
            }
        }
        "switch" => {
            let Some(on) = rn.on.clone() else {
                missing("on", problems);
                return None;
            };
            let cases = rn
                .cases
                .iter()
                .flatten()
                .map(|c| Case {
                    equals: c.equals.clone(),
                    next: target(targets, &Some(c.next.clone())).unwrap_or_default(),
                })
                .collect();
            let Some(default) = target(targets, &rn.default) else {
                problems.push(Problem::error(
                    path,
                    line,
                    ProblemKind::DeadEnd,
                    format!("switch \"{id}\" needs a `default` for answers no case matches"),
                ));
                return None;
            };
            NodeKind::Switch { on, cases, default }
        }
        "signpost" => {
            let Some(needs) = rn.needs.clone() else {
                missing("needs", problems);
                return None;
            };
            let Some(none) = rn.none.clone() else {
                missing("none", problems);
                return None;
            };
            let Some(next) = next else {
                dead_end(problems);
                return None;
            };
            NodeKind::Signpost {
                needs,
                postcode: rn.postcode.clone(),
                dob: rn.dob.clone(),
                none,
                next,
            }
        }
        "queue_callback" => match next {
            Some(next) => NodeKind::QueueCallback { next },
            None => {
                dead_end(problems);
                return None;
            }
        },
        "summary" => {
            let fields = rn
                .fields
                .iter()
                .flatten()
                .map(|f| Field {
                    answer: f.answer.clone(),
                    label: f.label.clone(),
                    edit: target(targets, &Some(f.edit.clone())).unwrap_or_default(),
                })
                .collect();
            let (Some(confirm), Some(change), Some(pick)) =
                (rn.confirm.clone(), rn.change.clone(), rn.pick.clone())
            else {
                missing("confirm`, `change` and `pick", problems);
                return None;
            };
            let Some(next) = next else {
                dead_end(problems);
                return None;
            };
            NodeKind::Summary {
                fields,
                confirm,
                change,
                pick,
                next,
            }
        }
        "end" => NodeKind::End,
        other => {
            problems.push(Problem::error(
                path,
                at(rn.kind.span().start),
                ProblemKind::InvalidField,
                format!("unknown node kind \"{other}\"; use message, choice, multi_choice, text, switch, signpost, queue_callback, summary or end"),
            ));
            return None;
        }
    };
    if problems.len() > before && problems[before..].iter().any(Problem::is_error) {
        return None;
    }
    Some(Node {
        id,
        text,
        kind,
        require: rn.require.unwrap_or_default(),
        line,
    })
}

fn first_line(s: &str) -> String {
    s.lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or(s)
        .trim()
        .to_string()
}

/// Reachability, loops that never wait, and answers required before they are saved.
fn check_graph(flow: &Flow, problems: &mut Vec<Problem>) {
    let path = &flow.path;
    // Reachability.
    let mut seen = BTreeSet::new();
    let mut stack = vec![flow.start.as_str()];
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        if let Some(n) = flow.node(id) {
            stack.extend(Flow::edges(n).into_iter().map(|(t, _)| t));
        }
    }
    for n in &flow.nodes {
        if !seen.contains(n.id.as_str()) {
            problems.push(Problem::error(
                path,
                n.line,
                ProblemKind::Unreachable,
                format!(
                    "node \"{}\" cannot be reached from \"{}\"; link to it or remove it",
                    n.id, flow.start
                ),
            ));
        }
    }
    // Loops through nodes that never wait would spin forever.
    for n in flow.nodes.iter().filter(|n| !n.kind.waits()) {
        let mut visiting = BTreeSet::new();
        let mut stack: Vec<&str> = Flow::edges(n).into_iter().map(|(t, _)| t).collect();
        while let Some(id) = stack.pop() {
            if id == n.id {
                problems.push(Problem::error(
                    path,
                    n.line,
                    ProblemKind::EndlessLoop,
                    format!(
                        "node \"{}\" leads back to itself without waiting for the person",
                        n.id
                    ),
                ));
                break;
            }
            if !visiting.insert(id) {
                continue;
            }
            if let Some(m) = flow.node(id)
                && !m.kind.waits()
            {
                stack.extend(Flow::edges(m).into_iter().map(|(t, _)| t));
            }
        }
    }
    // Answers saved on every path to each node (a "must" data-flow analysis).
    let all: BTreeSet<String> = flow
        .nodes
        .iter()
        .filter_map(|n| n.kind.saves().map(str::to_string))
        .collect();
    let mut saved_in: BTreeMap<&str, BTreeSet<String>> = flow
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), all.clone()))
        .collect();
    saved_in.insert(flow.start.as_str(), BTreeSet::new());
    let mut changed = true;
    while changed {
        changed = false;
        for n in flow.nodes.iter().filter(|n| seen.contains(n.id.as_str())) {
            let mut incoming: Option<BTreeSet<String>> = (n.id == flow.start).then(BTreeSet::new);
            for p in flow.nodes.iter().filter(|p| seen.contains(p.id.as_str())) {
                for (t, saves) in Flow::edges(p) {
                    if t != n.id {
                        continue;
                    }
                    let mut out = saved_in[p.id.as_str()].clone();
                    if saves && let Some(k) = p.kind.saves() {
                        out.insert(k.to_string());
                    }
                    incoming = Some(match incoming {
                        None => out,
                        Some(acc) => acc.intersection(&out).cloned().collect(),
                    });
                }
            }
            let new = incoming.unwrap_or_default();
            if saved_in[n.id.as_str()] != new {
                saved_in.insert(n.id.as_str(), new);
                changed = true;
            }
        }
    }
    for n in flow.nodes.iter().filter(|n| seen.contains(n.id.as_str())) {
        let mut required: Vec<&str> = n.require.iter().map(String::as_str).collect();
        match &n.kind {
            NodeKind::Switch { on, .. } => required.push(on),
            NodeKind::Signpost { needs, .. } => required.push(needs),
            NodeKind::QueueCallback { .. } => {
                if let Some(c) = &flow.consent {
                    required.push(&c.answer);
                }
            }
            _ => {}
        }
        for key in required {
            if !saved_in[n.id.as_str()].contains(key) {
                let hint = if all.contains(key) {
                    "some path reaches it without that answer"
                } else {
                    "no node saves that answer"
                };
                problems.push(Problem::error(
                    path,
                    n.line,
                    ProblemKind::MissingRequirement,
                    format!("node \"{}\" needs the answer \"{key}\", but {hint}", n.id),
                ));
            }
        }
    }
}
