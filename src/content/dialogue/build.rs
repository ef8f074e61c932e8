//! Raw TOML nodes turned into typed nodes, with the line of every problem.

use std::collections::HashMap;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::graph::check_graph;
use super::raw::{RawFlow, RawNode};
use super::*;
use super::{choices, practice, read, record, validation};
use crate::content::problem::{Problem, ProblemKind, line_of, parse_toml};

/// A target and the line naming it, kept until targets are checked.
pub(super) struct Target {
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
        let built = read.raw.and_then(|rn| {
            let site = Site {
                path,
                source,
                id: &id,
                kind: rn.kind(),
                line: id_line,
            };
            build_node(&site, rn, &mut targets, &mut problems)
        });
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
    let declared = raw.record.is_some();
    let flow = Flow {
        id: raw.id.into_inner(),
        start,
        consent: raw.consent,
        record: record::fields(source, raw.record, &nodes),
        nodes,
        index,
        path: path.to_path_buf(),
    };
    check_graph(&flow, &mut problems);
    record::check(&flow, declared, &mut problems);
    (Some(flow), problems)
}

/// Lower-case letters, digits, `-` or `_`, not starting with `_`.
pub(super) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('_')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The node being built: where it is and what it is, for lines and messages.
pub(super) struct Site<'a> {
    path: &'a Path,
    source: &'a str,
    /// The node's id.
    pub(super) id: &'a str,
    /// The node's kind, as written.
    pub(super) kind: &'static str,
    /// The line of the node's id.
    pub(super) line: usize,
}

impl Site<'_> {
    /// The line of byte `offset` of the file.
    pub(super) fn at(&self, offset: usize) -> usize {
        line_of(self.source, offset)
    }

    /// An error in this file.
    pub(super) fn error(
        &self,
        line: usize,
        kind: ProblemKind,
        message: impl Into<String>,
    ) -> Problem {
        Problem::error(self.path, line, kind, message)
    }

    /// Keeps `t` to be checked once every node is known; its id.
    pub(super) fn target(&self, targets: &mut Vec<Target>, t: &Spanned<String>) -> String {
        targets.push(Target {
            id: t.get_ref().clone(),
            line: self.at(t.span().start),
        });
        t.get_ref().clone()
    }

    /// "node ... needs a `field`".
    fn missing(&self, field: &str) -> Problem {
        self.error(
            self.line,
            ProblemKind::InvalidField,
            format!("node \"{}\" ({}) needs a `{field}`", self.id, self.kind),
        )
    }

    /// "node ... has no `next`".
    fn dead_end(&self) -> Problem {
        self.error(
            self.line,
            ProblemKind::DeadEnd,
            format!(
                "node \"{}\" ({}) has no `next`: only `end` nodes may stop the conversation",
                self.id, self.kind
            ),
        )
    }
}

/// Builds one node of a known kind; `None` when it has errors (reported).
fn build_node(
    site: &Site<'_>,
    rn: RawNode,
    targets: &mut Vec<Target>,
    problems: &mut Vec<Problem>,
) -> Option<Node> {
    let id = site.id;
    let before = problems.len();
    let node_next = rn.next().cloned();
    let next = node_next.as_ref().map(|n| site.target(targets, n));
    if let RawNode::Text(t) = &rn
        && t.open == Some(true)
        && t.validate.is_some()
    {
        problems.push(site.error(
            site.line,
            ProblemKind::InvalidField,
            format!("node \"{id}\" is an open question (`open = true`) and validates its answer; an open question takes any words, so remove one of them"),
        ));
    }
    let text = rn.text().cloned().unwrap_or_default();
    let needs_text = !matches!(rn, RawNode::Switch(_));
    if needs_text && text.is_empty() {
        problems.push(site.missing("text"));
    }
    // Reports what is absent and gives up on the node.
    macro_rules! need {
        ($value:expr, $problem:expr) => {
            match $value {
                Some(v) => v,
                None => {
                    problems.push($problem);
                    return None;
                }
            }
        };
    }

    let kind = match &rn {
        RawNode::Message(_) => NodeKind::Message {
            next: need!(next, site.dead_end()),
        },
        RawNode::Choice(n) => NodeKind::Choice {
            save: n.save.clone(),
            choices: choices::read(
                site,
                &n.choices,
                true,
                node_next.as_ref(),
                targets,
                problems,
            ),
        },
        RawNode::MultiChoice(n) => {
            let choices = choices::read(site, &n.choices, false, None, targets, problems);
            let save = need!(n.save.clone(), site.missing("save"));
            let done = need!(n.done.clone(), site.missing("done"));
            NodeKind::MultiChoice {
                save,
                choices,
                done,
                min: n.min.unwrap_or(1),
                next: need!(next, site.dead_end()),
            }
        }
        RawNode::Text(n) => {
            let validate = n
                .validate
                .as_ref()
                .and_then(|v| validation::read(site, v, targets, problems));
            let skip = practice::skip(site, &n.skip, targets, problems);
            let save = need!(n.save.clone(), site.missing("save"));
            NodeKind::Text {
                save,
                validate,
                skip,
                max_len: n.max_len.unwrap_or(DEFAULT_MAX_LEN),
                open: n.open.unwrap_or(false),
                next: need!(next, site.dead_end()),
            }
        }
        RawNode::Practice(n) => practice::read(site, n, next, targets, problems)?,
        RawNode::Switch(n) => {
            let on = need!(n.on.clone(), site.missing("on"));
            let cases = n
                .cases
                .iter()
                .flatten()
                .map(|c| Case {
                    equals: c.equals.clone(),
                    next: site.target(targets, &c.next),
                })
                .collect();
            let default = need!(
                n.default.as_ref().map(|d| site.target(targets, d)),
                site.error(
                    site.line,
                    ProblemKind::DeadEnd,
                    format!("switch \"{id}\" needs a `default` for answers no case matches"),
                )
            );
            NodeKind::Switch { on, cases, default }
        }
        RawNode::Signpost(n) => {
            let needs = need!(n.needs.clone(), site.missing("needs"));
            let none = need!(n.none.clone(), site.missing("none"));
            NodeKind::Signpost {
                needs,
                postcode: n.postcode.clone(),
                dob: n.dob.clone(),
                none,
                next: need!(next, site.dead_end()),
            }
        }
        RawNode::QueueCallback(_) => NodeKind::QueueCallback {
            next: need!(next, site.dead_end()),
        },
        RawNode::Summary(n) => {
            let fields = n
                .fields
                .iter()
                .flatten()
                .map(|f| Field {
                    answer: f.answer.get_ref().clone(),
                    label: f.label.clone(),
                    edit: site.target(targets, &f.edit),
                    line: site.at(f.answer.span().start),
                })
                .collect();
            let (Some(confirm), Some(change), Some(pick)) =
                (n.confirm.clone(), n.change.clone(), n.pick.clone())
            else {
                problems.push(site.missing("confirm`, `change` and `pick"));
                return None;
            };
            NodeKind::Summary {
                fields,
                confirm,
                change,
                pick,
                next: need!(next, site.dead_end()),
            }
        }
        RawNode::End(_) => NodeKind::End,
    };
    if problems[before..].iter().any(Problem::is_error) {
        return None;
    }
    Some(Node {
        id: id.to_string(),
        text,
        kind,
        require: rn.require(),
        line: site.line,
    })
}
