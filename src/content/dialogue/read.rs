//! Each `[[node]]` table read as the struct of its `kind`; a field the kind does not have is
//! reported with the node's line, naming the field and the fields the kind can have.

use std::path::Path;

use toml::Spanned;
use toml::de::DeValue;

use super::raw::{KINDS, RawNode};
use crate::content::problem::{Problem, ProblemKind, line_of};

/// One node as read: its id and line (for the checks that follow), and its fields if they
/// could be read.
pub(super) struct ReadNode {
    /// The node's `id`, if it has one.
    pub(super) id: Option<String>,
    /// The line of its `id` (else of the node).
    pub(super) line: usize,
    /// `None` when the node cannot be used; its problems are already reported.
    pub(super) raw: Option<RawNode>,
}

/// Reads one `[[node]]` table, reporting what is wrong with its fields.
pub(super) fn node(
    path: &Path,
    source: &str,
    value: &Spanned<DeValue<'_>>,
    problems: &mut Vec<Problem>,
) -> ReadNode {
    let at = |offset: usize| line_of(source, offset);
    let mut read = ReadNode {
        id: None,
        line: at(value.span().start),
        raw: None,
    };
    let syntax = |line: usize, message: String, problems: &mut Vec<Problem>| {
        problems.push(Problem::error(path, line, ProblemKind::Syntax, message));
    };
    let Some(table) = value.get_ref().as_table() else {
        let found = value.get_ref().type_str();
        syntax(
            read.line,
            format!("invalid type: {found}, expected a [[node]] table"),
            problems,
        );
        return read;
    };
    if let Some(id) = table.get("id")
        && let Some(s) = id.get_ref().as_str()
    {
        read.id = Some(s.to_string());
        read.line = at(id.span().start);
    }
    let kind = match table.get("kind") {
        None => {
            syntax(read.line, "missing field `kind`".into(), problems);
            return read;
        }
        Some(k) => match k.get_ref().as_str() {
            Some(kind) => (kind, at(k.span().start)),
            None => {
                let found = k.get_ref().type_str();
                let message = format!("invalid type: {found}, expected a string");
                syntax(at(k.span().start), message, problems);
                return read;
            }
        },
    };
    let (kind, kind_line) = kind;
    let Some(fields) = RawNode::fields(kind) else {
        problems.push(Problem::error(
            path,
            kind_line,
            ProblemKind::InvalidField,
            format!("unknown node kind \"{kind}\"; use message, choice, multi_choice, text, practice, switch, signpost, queue_callback, summary or end"),
        ));
        return read;
    };
    let mut wrong = false;
    for (key, _) in table.iter() {
        let key = key.get_ref().as_ref();
        if !fields.contains(&key) {
            wrong = true;
            problems.push(Problem::error(
                path,
                read.line,
                ProblemKind::InvalidField,
                wrong_field(read.id.as_deref(), kind, fields, key),
            ));
        }
    }
    if wrong {
        return read;
    }
    match RawNode::read(kind, value.clone()) {
        Some(Ok(raw)) => read.raw = Some(raw),
        Some(Err(e)) => {
            let line = e.span().map(|s| at(s.start)).unwrap_or(read.line);
            syntax(line, e.message().trim().to_string(), problems);
        }
        None => {}
    }
    read
}

/// What an editor is told about `field` on a node of `kind`, which can have only `fields`:
/// which kinds have it (or a near spelling when none does), and what this kind can have.
fn wrong_field(id: Option<&str>, kind: &str, fields: &[&str], field: &str) -> String {
    let owners: Vec<&str> = KINDS
        .iter()
        .copied()
        .filter(|k| RawNode::fields(k).is_some_and(|f| f.contains(&field)))
        .collect();
    let whose = match owners.as_slice() {
        [] => match fields
            .iter()
            .map(|f| (distance(f, field), f))
            .filter(|(d, _)| *d <= 2)
            .min()
        {
            Some((_, f)) => format!("which no node can have (is it a misspelt `{f}`?)"),
            None => "which no node can have".to_string(),
        },
        [one] => format!("which only {one} nodes can have"),
        [first @ .., last] => format!("which only {} and {last} nodes can have", first.join(", ")),
    };
    let can: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
    let a = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    let node = match id {
        Some(id) => format!("node \"{id}\" ({kind})"),
        None => format!("{a} {kind} node"),
    };
    format!(
        "{node} has `{field}`, {whose}; {a} {kind} node can have {}",
        can.join(", ")
    )
}

/// How many single-character edits turn `a` into `b` (two or fewer: a likely misspelling).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_id_kind_and_require() {
        for kind in KINDS {
            let fields = RawNode::fields(kind).expect("a kind");
            for common in ["id", "kind", "require"] {
                assert!(fields.contains(&common), "{kind} lacks {common}");
            }
            assert_eq!(fields.contains(&"text"), *kind != "switch", "{kind}");
        }
    }

    #[test]
    fn messages_name_the_kinds_that_have_a_field() {
        let text = RawNode::fields("text").expect("text");
        assert_eq!(
            wrong_field(Some("gp"), "text", text, "choices"),
            "node \"gp\" (text) has `choices`, which only choice and multi_choice nodes can have; \
             a text node can have `id`, `kind`, `text`, `save`, `validate`, `skip`, `max_len`, \
             `open`, `next`, `require`"
        );
        let message = RawNode::fields("message").expect("message");
        assert!(wrong_field(None, "message", message, "nxt").starts_with(
            "a message node has `nxt`, which no node can have (is it a misspelt `next`?)"
        ));
        assert_eq!(
            (distance("nxt", "next"), distance("requires", "require")),
            (1, 1)
        );
        assert_eq!(distance("on", "next"), 4);
    }
}
