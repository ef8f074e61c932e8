//! Checks of a flow as a graph: reachability, loops that never wait, answers saved upstream.

use std::collections::{BTreeMap, BTreeSet};

use super::{Flow, Node, NodeKind};
use crate::content::problem::{Problem, ProblemKind};

impl Flow {
    /// Outgoing edges of a node: (target, whether the node's answer is saved on that edge).
    pub(super) fn edges(node: &Node) -> Vec<(&str, bool)> {
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
            NodeKind::Practice { skip, next, .. } => {
                let mut e = vec![(next.as_str(), true)];
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

/// Reachability, loops that never wait, and answers required before they are saved.
pub(super) fn check_graph(flow: &Flow, problems: &mut Vec<Problem>) {
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
    check_clears(flow, &all, problems);
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
            NodeKind::Message { .. }
            | NodeKind::Choice { .. }
            | NodeKind::MultiChoice { .. }
            | NodeKind::Text { .. }
            | NodeKind::Practice { .. }
            | NodeKind::Summary { .. }
            | NodeKind::End => {}
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

/// A choice's `clear` must name answers some node saves: a misspelt one would forget nothing.
fn check_clears(flow: &Flow, all: &BTreeSet<String>, problems: &mut Vec<Problem>) {
    for n in &flow.nodes {
        let choices = match &n.kind {
            NodeKind::Choice { choices, .. } | NodeKind::MultiChoice { choices, .. } => choices,
            NodeKind::Message { .. }
            | NodeKind::Text { .. }
            | NodeKind::Practice { .. }
            | NodeKind::Switch { .. }
            | NodeKind::Signpost { .. }
            | NodeKind::QueueCallback { .. }
            | NodeKind::Summary { .. }
            | NodeKind::End => continue,
        };
        for c in choices {
            for key in c.clear.iter().filter(|k| !all.contains(*k)) {
                let known: Vec<&str> = all.iter().map(String::as_str).collect();
                problems.push(Problem::error(
                    &flow.path,
                    c.line,
                    ProblemKind::MissingRequirement,
                    format!(
                        "choice \"{}\" of node \"{}\" clears the answer \"{key}\", but no node saves it; \
                         answers saved: {}",
                        c.id,
                        n.id,
                        known.join(", ")
                    ),
                ));
            }
        }
    }
}
