//! The `choices` of choice and multi_choice nodes: valid, unique ids, buttons that fit Telegram's
//! callback data, and where each leads.

use toml::Spanned;

use super::build::{Site, Target, valid_id};
use super::raw::RawChoice;
use super::{CALLBACK_DATA_MAX, Choice, payload_len};
use crate::content::problem::{Problem, ProblemKind};

/// Reads a node's choices. With `leads`, each choice leads somewhere: its own `next`, else
/// `node_next`; without, the node goes on as a whole.
pub(super) fn read(
    site: &Site<'_>,
    raw: &Option<Vec<RawChoice>>,
    leads: bool,
    node_next: Option<&Spanned<String>>,
    targets: &mut Vec<Target>,
    problems: &mut Vec<Problem>,
) -> Vec<Choice> {
    let id = site.id;
    let mut out: Vec<Choice> = Vec::new();
    for c in raw.iter().flatten() {
        let cline = site.at(c.id.span().start);
        let cid = c.id.get_ref().clone();
        if !valid_id(&cid) || cid == "done" {
            problems.push(site.error(
                cline,
                ProblemKind::InvalidField,
                format!("choice id \"{cid}\" must be lower-case letters, digits, '-' or '_' (and not \"done\")"),
            ));
        }
        if out.iter().any(|o| o.id == cid) {
            problems.push(site.error(
                cline,
                ProblemKind::DuplicateId,
                format!("choice id \"{cid}\" is used twice in node \"{id}\""),
            ));
        }
        if payload_len(id, &cid) > CALLBACK_DATA_MAX {
            problems.push(site.error(
                cline,
                ProblemKind::PayloadTooLong,
                format!(
                    "the button \"{id}\"/\"{cid}\" needs {} bytes of Telegram callback data; the limit is {CALLBACK_DATA_MAX}: shorten the ids",
                    payload_len(id, &cid)
                ),
            ));
        }
        let next = if leads {
            match c.next.as_ref().or(node_next) {
                Some(n) => Some(site.target(targets, n)),
                None => {
                    problems.push(site.error(
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
            next,
            clear: c.clear.clone(),
            line: cline,
        });
    }
    if out.is_empty() {
        problems.push(site.error(
            site.line,
            ProblemKind::InvalidField,
            format!(
                "node \"{id}\" ({}) needs at least one entry in `choices`",
                site.kind
            ),
        ));
    }
    out
}
