//! Raw TOML nodes turned into typed nodes, with the line of every problem.

use std::collections::HashMap;
use std::path::Path;

use regex::Regex;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::graph::check_graph;
use super::raw::{RawChoice, RawFlow, RawNode};
use super::read;
use super::*;
use crate::content::problem::{Problem, ProblemKind, line_of, parse_toml};

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
    // Read again as spanned values, so each node is read as the struct of its kind.
    let doc = match DeTable::parse(source) {
        Ok(d) => d,
        Err(e) => {
            let line = e.span().map(|s| line_of(source, s.start)).unwrap_or(0);
            let p = Problem::error(path, line, ProblemKind::Syntax, e.message().trim());
            return (None, vec![p]);
        }
    };
    let values: Vec<Spanned<DeValue>> = doc
        .get_ref()
        .get("node")
        .and_then(|n| n.get_ref().as_array())
        .map(|a| a.to_vec())
        .unwrap_or_default();
    let at = |offset: usize| line_of(source, offset);

    let mut nodes = Vec::new();
    let mut index = HashMap::new();
    let mut targets: Vec<Target> = Vec::new();
    for value in &values {
        let read = read::node(path, source, value, &mut problems);
        let id_line = read.line;
        // A node without an id has been reported; nothing can lead to it.
        let Some(id) = read.id else { continue };
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
        let built = read
            .raw
            .and_then(|rn| build_node(path, source, &id, rn, id_line, &mut targets, &mut problems));
        match built {
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
    id: &str,
    rn: RawNode,
    line: usize,
    targets: &mut Vec<Target>,
    problems: &mut Vec<Problem>,
) -> Option<Node> {
    let at = |offset: usize| line_of(source, offset);
    let id = id.to_string();
    let kind_name = rn.kind();
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
    let node_next = rn.next().cloned();
    let next = target(targets, &node_next);
    if let RawNode::Text(t) = &rn
        && t.open == Some(true)
        && t.validate.is_some()
    {
        problems.push(Problem::error(
            path,
            line,
            ProblemKind::InvalidField,
            format!("node \"{id}\" is an open question (`open = true`) and validates its answer; an open question takes any words, so remove one of them"),
        ));
    }
    let text = rn.text().cloned().unwrap_or_default();
    let needs_text = !matches!(rn, RawNode::Switch(_));
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
                match c.next.as_ref().or(node_next.as_ref()) {
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

    let kind = match &rn {
        RawNode::Message(_) => match next {
            Some(next) => NodeKind::Message { next },
            None => {
                dead_end(problems);
                return None;
            }
        },
        RawNode::Choice(n) => NodeKind::Choice {
            save: n.save.clone(),
            choices: choices_of(&n.choices, true, targets, problems),
        },
        RawNode::MultiChoice(n) => {
            let choices = choices_of(&n.choices, false, targets, problems);
            let Some(save) = n.save.clone() else {
                missing("save", problems);
                return None;
            };
            let Some(done) = n.done.clone() else {
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
                min: n.min.unwrap_or(1),
                next,
            }
        }
        RawNode::Text(n) => {
            let validate = match &n.validate {
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
            let skip = n.skip.as_ref().map(|s| Skip {
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
            let Some(save) = n.save.clone() else {
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
                max_len: n.max_len.unwrap_or(DEFAULT_MAX_LEN),
                open: n.open.unwrap_or(false),
                next,
            }
        }
        RawNode::Switch(n) => {
            let Some(on) = n.on.clone() else {
                missing("on", problems);
                return None;
            };
            let cases = n
                .cases
                .iter()
                .flatten()
                .map(|c| Case {
                    equals: c.equals.clone(),
                    next: target(targets, &Some(c.next.clone())).unwrap_or_default(),
                })
                .collect();
            let Some(default) = target(targets, &n.default) else {
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
        RawNode::Signpost(n) => {
            let Some(needs) = n.needs.clone() else {
                missing("needs", problems);
                return None;
            };
            let Some(none) = n.none.clone() else {
                missing("none", problems);
                return None;
            };
            let Some(next) = next else {
                dead_end(problems);
                return None;
            };
            NodeKind::Signpost {
                needs,
                postcode: n.postcode.clone(),
                dob: n.dob.clone(),
                none,
                next,
            }
        }
        RawNode::QueueCallback(_) => match next {
            Some(next) => NodeKind::QueueCallback { next },
            None => {
                dead_end(problems);
                return None;
            }
        },
        RawNode::Summary(n) => {
            let fields = n
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
                (n.confirm.clone(), n.change.clone(), n.pick.clone())
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
        RawNode::End(_) => NodeKind::End,
    };
    if problems.len() > before && problems[before..].iter().any(Problem::is_error) {
        return None;
    }
    Some(Node {
        id,
        text,
        kind,
        require: rn.require(),
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
