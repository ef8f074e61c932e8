//! The record a referral keeps, as the dialogue declares it: which answers, in what order, under
//! which label and CSV column. A `[record]` table when the file has one, else the summary's
//! fields. The queue's record view, `queue export --csv` and `/mydata` all read it.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{Flow, Node, NodeKind};
use crate::content::problem::{Problem, ProblemKind, line_of};

/// Columns `queue export --csv` fills from the referral itself, before the record's fields.
pub const CSV_COLUMNS_BEFORE: &[&str] = &[
    "reference",
    "snomed_ct",
    "status",
    "priority",
    "created_at",
    "channel",
    "language",
];

/// Columns `queue export --csv` fills from the referral itself, after the record's fields.
pub const CSV_COLUMNS_AFTER: &[&str] = &[
    "services",
    "consent_at",
    "notice_version",
    "claimed_by",
    "claimed_at",
    "attempts",
    "outcome",
    "closed_at",
    "notes",
];

/// One answer of the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordField {
    /// The answer key (some node's `save`).
    pub answer: String,
    /// Fluent message id of its label.
    pub label: String,
    /// Its column in `queue export --csv`.
    pub column: String,
    /// Line in the file, for messages.
    pub line: usize,
}

/// `[record]` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRecord {
    fields: Vec<RawRecordField>,
}

/// One entry of `[record] fields`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecordField {
    answer: Spanned<String>,
    label: String,
    column: Option<String>,
}

/// The record's fields: `[record]`'s when the file has one, else every summary's fields in
/// file order (each answer once, its column named as the answer).
pub(super) fn fields(source: &str, raw: Option<RawRecord>, nodes: &[Node]) -> Vec<RecordField> {
    if let Some(raw) = raw {
        return raw
            .fields
            .into_iter()
            .map(|f| RecordField {
                line: line_of(source, f.answer.span().start),
                column: f.column.unwrap_or_else(|| f.answer.get_ref().clone()),
                answer: f.answer.into_inner(),
                label: f.label,
            })
            .collect();
    }
    let mut out: Vec<RecordField> = Vec::new();
    for node in nodes {
        if let NodeKind::Summary { fields, .. } = &node.kind {
            for f in fields {
                if !out.iter().any(|o| o.answer == f.answer) {
                    out.push(RecordField {
                        answer: f.answer.clone(),
                        label: f.label.clone(),
                        column: f.answer.clone(),
                        line: f.line,
                    });
                }
            }
        }
    }
    out
}

/// Every record field and summary field names an answer some node saves; CSV columns are named
/// and unique. `declared` is true for a `[record]` table (else the fields are the summary's).
pub(super) fn check(flow: &Flow, declared: bool, problems: &mut Vec<Problem>) {
    let path: &Path = &flow.path;
    let saved: Vec<&str> = flow.nodes.iter().filter_map(|n| n.kind.saves()).collect();
    let mut known = saved.clone();
    known.sort_unstable();
    known.dedup();
    let unsaved = |what: &str, answer: &str, line: usize, problems: &mut Vec<Problem>| {
        if !saved.contains(&answer) {
            problems.push(Problem::error(
                path,
                line,
                ProblemKind::MissingRequirement,
                format!(
                    "{what} \"{answer}\" names an answer no node saves; use one a node saves ({}), or add `save = \"{answer}\"` to the node that asks it",
                    known.join(", ")
                ),
            ));
        }
    };
    for n in &flow.nodes {
        if let NodeKind::Summary { fields, .. } = &n.kind {
            for f in fields {
                unsaved("the summary's field", &f.answer, f.line, problems);
            }
        }
    }
    let (what, fix) = if declared {
        ("the record's field", "give this field its own `column`")
    } else {
        (
            "the summary's field",
            "add a [record] table that gives this answer its own `column`",
        )
    };
    for (i, f) in flow.record.iter().enumerate() {
        if declared {
            unsaved(what, &f.answer, f.line, problems);
        }
        if f.column.trim().is_empty() {
            problems.push(Problem::error(
                path,
                f.line,
                ProblemKind::InvalidField,
                format!(
                    "{what} \"{}\" has an empty `column`; name its column in the CSV export",
                    f.answer
                ),
            ));
            continue;
        }
        let taken = CSV_COLUMNS_BEFORE
            .iter()
            .chain(CSV_COLUMNS_AFTER)
            .any(|c| *c == f.column);
        let earlier = flow.record[..i].iter().find(|e| e.column == f.column);
        let clash = match (taken, earlier) {
            (true, _) => Some("is one of the export's own columns".to_string()),
            (false, Some(e)) => Some(format!(
                "is already the column of \"{}\" (line {})",
                e.answer, e.line
            )),
            (false, None) => None,
        };
        if let Some(clash) = clash {
            problems.push(Problem::error(
                path,
                f.line,
                ProblemKind::DuplicateId,
                format!(
                    "{what} \"{}\" would be the CSV column \"{}\", which {clash}; {fix}",
                    f.answer, f.column
                ),
            ));
        }
    }
}
