//! A referral as a prescriber reads it: its answers as the dialogue's record declares them
//! (order, labels in the prescribers' working language), suggested services, who has it, and
//! its notes.

use rusqlite::Connection;

use super::{Note, display_name};
use crate::content::dialogue::RecordField;
use crate::content::locales::{DEFAULT_LANGUAGE, strip_isolation};
use crate::content::{Content, Flow};
use crate::store::{QueueItem, StoreError};

/// The flow whose record referrals keep: the one conversations start in.
pub(super) fn flow(content: &Content) -> &Flow {
    content.entry()
}

/// A record field's value in a referral, as stored (choice ids, dates as `YYYY-MM-DD`), several
/// ids joined with `sep`; empty when not given. The answer the referral's needs come from reads
/// its needs, which outlive the answers when a person's data is erased; a practice chosen from
/// the list reads as its name and ODS code.
pub(super) fn value(content: &Content, item: &QueueItem, field: &RecordField, sep: &str) -> String {
    let flow = flow(content);
    if flow.needs_answer() == Some(field.answer.as_str()) {
        return item.needs.join(sep);
    }
    match item.answers.get(&field.answer) {
        Some(serde_json::Value::String(s)) if flow.practice_answer() == Some(&field.answer) => {
            match content.practices.practice(s).filter(|p| p.ods == *s) {
                Some(p) => format!("{} ({})", p.name, p.ods),
                None => s.clone(),
            }
        }
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str())
            .collect::<Vec<_>>()
            .join(sep),
        _ => String::new(),
    }
}

/// A referral as a prescriber reads it ([`describe`]), with prescribers shown by the names they
/// go by: what every front door prints.
pub fn record_text(
    conn: &Connection,
    content: &Content,
    item: QueueItem,
    notes: Vec<Note>,
) -> Result<String, StoreError> {
    let (item, notes) = with_names(conn, item, notes)?;
    Ok(describe(content, &item, &notes))
}

/// The record with prescribers shown by the names they go by ([`display_name`]): who claimed
/// it and who wrote each note.
fn with_names(
    conn: &Connection,
    mut item: QueueItem,
    mut notes: Vec<Note>,
) -> Result<(QueueItem, Vec<Note>), StoreError> {
    if let Some(by) = &item.claimed_by {
        item.claimed_by = Some(display_name(conn, by)?);
    }
    for n in &mut notes {
        if n.author.starts_with("telegram:") {
            n.author = display_name(conn, &n.author)?;
        }
    }
    Ok((item, notes))
}

/// A referral's answers as the dialogue's record lays them out: (label in English, value,
/// empty when not given), in the record's order. What every view of a record shows.
pub fn fields(content: &Content, item: &QueueItem) -> Vec<(String, String)> {
    let flow = flow(content);
    flow.record
        .iter()
        .map(|field| {
            let label = content.locales.format(DEFAULT_LANGUAGE, &field.label, &[]);
            (
                strip_isolation(&label).to_string(),
                value(content, item, field, ", "),
            )
        })
        .collect()
}

/// [`fields`] with each choice as its label reads ("Morning (9 to 12)", not `morning`), as the
/// resident saw it on the summary, in English: for the web app's record page.
pub fn fields_as_read(engine: &crate::engine::Engine, item: &QueueItem) -> Vec<(String, String)> {
    let content = engine.content();
    let answers = item
        .answers
        .iter()
        .filter_map(|(k, v)| engine.answer_from_json(k, v).map(|a| (k.clone(), a)))
        .collect();
    let read: std::collections::HashMap<String, String> = engine
        .describe_answers(DEFAULT_LANGUAGE, &answers)
        .iter()
        .filter_map(|line| {
            let line = strip_isolation(line);
            line.split_once(": ")
                .map(|(k, v)| (k.to_string(), v.to_string()))
        })
        .collect();
    let practice = flow(content).practice_answer();
    fields(content, item)
        .into_iter()
        .zip(&flow(content).record)
        .map(|((label, raw), field)| {
            let value = match read.get(&label) {
                // A practice reads as `fields` gives it: its name and its code, for staff.
                Some(v) if !raw.is_empty() && practice != Some(field.answer.as_str()) => v.clone(),
                _ => raw,
            };
            (label, value)
        })
        .collect()
}

/// A referral as a prescriber reads it, in plain text (for the terminal and Telegram): one
/// `Label: value` line per field of the dialogue's record, labels in English.
pub fn describe(content: &Content, item: &QueueItem, notes: &[Note]) -> String {
    let mut lines = vec![format!(
        "{} ({}, {}), queued {} in {} via {}",
        item.reference, item.priority, item.status, item.created_at, item.language, item.channel
    )];
    for (label, v) in fields(content, item) {
        lines.push(format!("{label}: {}", if v.is_empty() { "-" } else { &v }));
    }
    lines.push(format!("Services suggested: {}", item.services.join(", ")));
    if let Some(by) = &item.claimed_by {
        lines.push(format!("Claimed by {by}; call attempts: {}", item.attempts));
    }
    for n in notes {
        let line = note_line(n);
        lines.push(match n.flag {
            None => format!("Note {line}"),
            Some(_) => line,
        });
    }
    lines.join("\n")
}

/// A note as a prescriber reads it; the resident's words of crisis say what was found and how
/// signpost answered.
pub fn note_line(n: &Note) -> String {
    match &n.flag {
        None => format!("{} {}: {}", n.at, n.author, n.text),
        Some(f) => {
            let kinds = f
                .kinds
                .iter()
                .map(|k| match k {
                    crate::crisis::Kind::SelfHarm => "risk to self",
                    crate::crisis::Kind::Danger => "danger from someone else",
                })
                .collect::<Vec<_>>()
                .join(" and ");
            let response = match f.response {
                crate::engine::Response::Shown => "emergency numbers shown",
                crate::engine::Response::Asked => "asked directly, no answer",
                crate::engine::Response::AskedYes => "asked directly, said yes, numbers shown",
                crate::engine::Response::AskedNo => "asked directly, said no",
            };
            let saved = f
                .answer
                .as_deref()
                .map(|a| format!(", kept as their answer \"{a}\""))
                .unwrap_or_default();
            let words = if n.text.is_empty() {
                "(typed before they agreed to the privacy notice, so not kept)"
            } else {
                &n.text
            };
            format!(
                "CRISIS {} ({kinds}; {response}; at \"{}\"{saved}): {words}",
                n.at, f.question
            )
        }
    }
}
