//! A `practice` node built from its TOML: the answer it saves, what it says, the skip button
//! (whose id must differ from "Not listed"), and where it leads. Also the skip button of
//! `text` nodes, read the same way.

use toml::Spanned;

use super::build::{Site, Target, valid_id};
use super::raw::{RawPractice, RawSkip};
use super::{CALLBACK_DATA_MAX, NOT_LISTED, NodeKind, PracticeMessages, Skip, payload_len};
use crate::content::problem::{Problem, ProblemKind};

/// The longest answer a practice node keeps when the practice is not listed, by default.
const DEFAULT_PRACTICE_LEN: usize = 200;

/// Reads a practice node; `None` when a field it needs is missing (reported).
pub(super) fn read(
    site: &Site<'_>,
    n: &RawPractice,
    next: Option<String>,
    targets: &mut Vec<Target>,
    problems: &mut Vec<Problem>,
) -> Option<NodeKind> {
    let skip = skip(site, &n.skip, targets, problems);
    if let Some(s) = &skip
        && (s.id == NOT_LISTED || !valid_id(&s.id))
    {
        problems.push(site.error(
            site.line,
            ProblemKind::InvalidField,
            format!(
                "the skip button of node \"{}\" needs an id of lower-case letters, digits, '-' or '_', other than \"{NOT_LISTED}\" (the button that keeps the words typed)",
                site.id
            ),
        ));
    }
    // A practice's button carries its ODS code (6 characters).
    if payload_len(site.id, "Z00000") > CALLBACK_DATA_MAX {
        problems.push(site.error(
            site.line,
            ProblemKind::PayloadTooLong,
            format!(
                "the practice buttons of node \"{}\" need more than {CALLBACK_DATA_MAX} bytes of callback data: shorten the node's id",
                site.id
            ),
        ));
    }
    let mut missing = Vec::new();
    let mut field = |value: &Option<String>, name: &'static str| {
        if value.is_none() {
            missing.push(name);
        }
        value.clone().unwrap_or_default()
    };
    let save = field(&n.save, "save");
    let says = PracticeMessages {
        offer: field(&n.offer, "offer"),
        not_listed: field(&n.not_listed, "not_listed"),
        not_found: field(&n.not_found, "not_found"),
        from_link: field(&n.from_link, "from_link"),
    };
    if !missing.is_empty() {
        problems.push(site.error(
            site.line,
            ProblemKind::InvalidField,
            format!(
                "node \"{}\" (practice) needs `{}`: the answer's key and the messages it says (see the README's table of kinds)",
                site.id,
                missing.join("`, `")
            ),
        ));
        return None;
    }
    if n.max_len == Some(0) {
        problems.push(site.error(
            site.line,
            ProblemKind::InvalidField,
            "`max_len` must be at least 1",
        ));
    }
    let Some(next) = next else {
        problems.push(site.error(
            site.line,
            ProblemKind::DeadEnd,
            format!(
                "node \"{}\" (practice) has no `next`: only `end` nodes may stop the conversation",
                site.id
            ),
        ));
        return None;
    };
    Some(NodeKind::Practice {
        save,
        says,
        skip,
        max_len: n.max_len.unwrap_or(DEFAULT_PRACTICE_LEN),
        next,
    })
}

/// A node's skip button, its target kept to be checked, and its payload checked against
/// Telegram's limit.
pub(super) fn skip(
    site: &Site<'_>,
    raw: &Option<RawSkip>,
    targets: &mut Vec<Target>,
    problems: &mut Vec<Problem>,
) -> Option<Skip> {
    let s = raw.as_ref()?;
    let next = s
        .next
        .as_ref()
        .map(|t: &Spanned<String>| site.target(targets, t));
    if payload_len(site.id, &s.id) > CALLBACK_DATA_MAX {
        problems.push(site.error(
            site.line,
            ProblemKind::PayloadTooLong,
            format!(
                "the skip button of node \"{}\" needs more than {CALLBACK_DATA_MAX} bytes of callback data",
                site.id
            ),
        ));
    }
    Some(Skip {
        id: s.id.clone(),
        label: s.label.clone(),
        next,
    })
}
