//! Accepted rows turned into edits of the language's `.ftl` files and its review marks, checked
//! by reading the edited files back, then written (each file replaced whole, never half written).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::TranslationError;
use super::splice::{self, Edit};
use crate::content::Content;
use crate::content::ftl_source::{FtlFile, render_attribute, render_value};
use crate::content::locales::DEFAULT_LANGUAGE;
use crate::content::review::{Catalogue, Mark, REVIEW_FILE, Reviews, Row, Status, digest};

/// A row that passed every check.
#[derive(Debug, Clone)]
pub struct Accepted<'a> {
    /// Its spreadsheet row.
    pub csv_row: u64,
    /// Its CSV line.
    pub line: u64,
    /// The row it is.
    pub row: Row<'a>,
    /// The translation to write, or `None` when left empty.
    pub text: Option<String>,
    /// Marked `reviewed`.
    pub reviewed: bool,
    /// The reviewer's note.
    pub note: Option<String>,
}

/// What an import did to one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// A translation the language lacked.
    Added,
    /// A translation replaced.
    Changed,
    /// Marked reviewed (newly, or again after a change).
    MarkedReviewed,
    /// A valid review mark removed (its status was set to something else).
    Unmarked,
    /// The reviewer's note set, changed or cleared.
    Note,
}

impl Outcome {
    /// How the report names it.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Added => "added",
            Outcome::Changed => "changed",
            Outcome::MarkedReviewed => "marked reviewed",
            Outcome::Unmarked => "unmarked",
            Outcome::Note => "note",
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The language.
    pub tag: String,
    /// Rows read.
    pub rows: usize,
    /// Rows that changed, by id in the CSV's order, with what happened to each.
    pub changed: Vec<(String, Vec<Outcome>)>,
    /// Rows left as they were.
    pub unchanged: usize,
    /// Rows left as the files have them: changed there after the sheet was exported, and not
    /// touched in the sheet.
    pub kept: Vec<String>,
    /// Files written, relative to the content folder.
    pub written: Vec<PathBuf>,
}

impl Report {
    /// How many rows had `outcome`.
    pub fn count(&self, outcome: Outcome) -> usize {
        self.changed
            .iter()
            .filter(|(_, o)| o.contains(&outcome))
            .count()
    }
}

/// One file being edited: its text before, and the edits.
struct Target {
    rel: PathBuf,
    source: String,
    edits: Vec<Edit>,
    /// Row texts the edited file must read back: (message id, attribute, text).
    expect: Vec<(String, Option<String>, String)>,
}

/// Makes the edits and marks for `accepted`, checks them, and writes them.
pub fn apply(
    content: &Content,
    catalogue: &Catalogue,
    accepted: &[Accepted<'_>],
    today: NaiveDate,
) -> Result<Report, TranslationError> {
    let order: BTreeMap<&str, usize> = catalogue
        .english
        .iter()
        .flat_map(|f| f.messages.iter())
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let mut targets: BTreeMap<String, Target> = BTreeMap::new();
    let mut report = Report {
        tag: catalogue.tag.clone(),
        rows: accepted.len(),
        ..Report::default()
    };
    let mut outcomes: Vec<Vec<Outcome>> = vec![Vec::new(); accepted.len()];
    // New messages, gathered so a value and its attributes are written together.
    let mut new_messages: BTreeMap<&str, Vec<(Option<&str>, &str)>> = BTreeMap::new();
    for (a, out) in accepted.iter().zip(outcomes.iter_mut()) {
        let Some(text) = a.text.as_deref() else {
            continue;
        };
        if a.row.text == Some(text) {
            continue;
        }
        let id = a.row.message.id.as_str();
        let at = order.get(id).copied().unwrap_or(usize::MAX);
        match a.row.translated {
            None => {
                out.push(Outcome::Added);
                new_messages.entry(id).or_default().push((a.row.part, text));
            }
            Some((file, m)) => {
                out.push(if a.row.text.is_some() {
                    Outcome::Changed
                } else {
                    Outcome::Added
                });
                let (range, rendered) = match a.row.part {
                    None => (m.head.clone(), render_value(id, text)),
                    Some(name) => match m.attribute(name) {
                        Some(attr) => (attr.span.clone(), render_attribute(name, text)),
                        None => (
                            m.span.end..m.span.end,
                            format!("\n{}", render_attribute(name, text)),
                        ),
                    },
                };
                let t = target(&mut targets, catalogue, &file.name);
                t.edits.push(Edit {
                    range,
                    text: rendered,
                    order: at,
                });
                t.expect
                    .push((id.to_string(), a.row.part.map(str::to_string), text.into()));
            }
        }
    }
    for (id, parts) in &new_messages {
        insert_message(&mut targets, catalogue, &order, id, parts);
    }
    let mut files = Vec::new();
    for t in targets.into_values() {
        files.push((t.rel.clone(), edited(t)?));
    }
    let reviews = review_marks(catalogue, accepted, &mut outcomes, today);
    for (a, out) in accepted.iter().zip(outcomes) {
        if out.is_empty() {
            report.unchanged += 1;
        } else {
            report.changed.push((a.row.id(), out));
        }
    }
    let root = &content.root;
    if reviews != catalogue.reviews {
        let rel = Path::new("locales").join(&catalogue.tag).join(REVIEW_FILE);
        files.push((rel, reviews.to_toml()?));
    }
    for (rel, text) in files {
        write_whole(&root.join(&rel), &text).map_err(|source| TranslationError::Write {
            path: rel.clone(),
            source,
        })?;
        report.written.push(rel);
    }
    Ok(report)
}

/// The file named `name` in the language, read once (or a new file with a draft header).
fn target<'t>(
    targets: &'t mut BTreeMap<String, Target>,
    catalogue: &Catalogue,
    name: &str,
) -> &'t mut Target {
    targets.entry(name.to_string()).or_insert_with(|| {
        let rel = Path::new("locales").join(&catalogue.tag).join(name);
        let source = match catalogue.files.iter().find(|f| f.name == name) {
            Some(f) => f.source.clone(),
            None => format!(
                "# signpost: {} translation of locales/{DEFAULT_LANGUAGE}/{name}.\n\
                 # Status: draft. Which messages a native speaker has reviewed is kept in {REVIEW_FILE}.\n\n",
                catalogue.tag
            ),
        };
        Target {
            rel,
            source,
            edits: Vec::new(),
            expect: Vec::new(),
        }
    })
}

/// Inserts a message the language lacks into the file where English has it: after the nearest
/// message before it in English's order that the file has, else before the nearest after it,
/// else at the end.
fn insert_message(
    targets: &mut BTreeMap<String, Target>,
    catalogue: &Catalogue,
    order: &BTreeMap<&str, usize>,
    id: &str,
    parts: &[(Option<&str>, &str)],
) {
    let Some(english_file) = catalogue.english.iter().find(|f| f.message(id).is_some()) else {
        return;
    };
    let mut rendered = match parts.iter().find(|(p, _)| p.is_none()) {
        Some((_, v)) => render_value(id, v),
        None => format!("{id} ="),
    };
    for (part, text) in parts {
        if let Some(name) = part {
            rendered.push('\n');
            rendered.push_str(&render_attribute(name, text));
        }
    }
    let existing = catalogue.files.iter().find(|f| f.name == english_file.name);
    let ids: Vec<&str> = english_file
        .messages
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    let k = ids.iter().position(|i| *i == id).unwrap_or(0);
    let present = |i: &&str| existing.and_then(|f| f.message(i));
    let t = target(targets, catalogue, &english_file.name);
    let (range, text) = if let Some(before) = ids[..k].iter().rev().find_map(present) {
        (before.span.end..before.span.end, format!("\n{rendered}"))
    } else if let Some(after) = ids[k + 1..].iter().find_map(present) {
        (
            after.comment_start..after.comment_start,
            format!("{rendered}\n"),
        )
    } else {
        let end = t.source.len();
        let gap = if t.source.is_empty() || t.source.ends_with('\n') {
            ""
        } else {
            "\n"
        };
        (end..end, format!("{gap}{rendered}\n"))
    };
    t.edits.push(Edit {
        range,
        text,
        order: order.get(id).copied().unwrap_or(usize::MAX),
    });
    for (part, text) in parts {
        t.expect
            .push((id.to_string(), part.map(str::to_string), text.to_string()));
    }
}

/// The file's text with its edits made, checked: every edited text reads back as given, every
/// other message reads as before, and Fluent finds no new error.
fn edited(t: Target) -> Result<String, TranslationError> {
    let verify = |what: String| TranslationError::Verify {
        path: t.rel.clone(),
        what,
    };
    let text = splice::apply(&t.source, t.edits.clone()).map_err(verify)?;
    let before = FtlFile::parse("", t.rel.clone(), t.source.clone());
    let after = FtlFile::parse("", t.rel.clone(), text.clone());
    for (id, part, want) in &t.expect {
        let got = after.message(id).and_then(|m| m.text(part.as_deref()));
        if got != Some(want.as_str()) {
            return Err(verify(format!("{id} reads {got:?}")));
        }
    }
    for m in &before.messages {
        let edited = t.expect.iter().any(|(id, ..)| *id == m.id);
        let attrs = |x: &crate::content::ftl_source::SourceMessage| {
            x.attributes
                .iter()
                .map(|a| (a.name.clone(), a.text.clone()))
                .collect::<Vec<_>>()
        };
        let same = after
            .message(&m.id)
            .is_some_and(|n| n.value == m.value && attrs(n) == attrs(m));
        if !edited && !same {
            return Err(verify(format!("{} changed", m.id)));
        }
    }
    let junk = |s: &str| match fluent_syntax::parser::parse(s) {
        Ok(_) => 0,
        Err((_, errors)) => errors.len(),
    };
    if junk(&text) > junk(&t.source) {
        return Err(verify("Fluent finds an error".to_string()));
    }
    Ok(text)
}

/// The language's marks after the import: `reviewed` rows marked with the hashes of their
/// English and final translation; a valid mark on a row set to another status removed; a
/// mark already stale kept, so the row still shows `changed`.
fn review_marks(
    catalogue: &Catalogue,
    accepted: &[Accepted<'_>],
    outcomes: &mut [Vec<Outcome>],
    today: NaiveDate,
) -> Reviews {
    let mut reviews = catalogue.reviews.clone();
    for (a, out) in accepted.iter().zip(outcomes.iter_mut()) {
        let id = a.row.id();
        let old_note = catalogue.reviews.note(&id).map(str::to_string);
        let text = a.text.as_deref().or(a.row.text);
        let prior = a.row.status;
        reviews.notes.remove(&id);
        match (a.reviewed, text) {
            (true, Some(text)) => {
                let keep = prior == Status::Reviewed && a.row.text == Some(text);
                let mark = reviews.reviewed.entry(id.clone()).or_insert_with(|| Mark {
                    english: String::new(),
                    translation: String::new(),
                    date: today,
                    note: None,
                });
                if !keep {
                    mark.english = digest(a.row.english);
                    mark.translation = digest(text);
                    mark.date = today;
                    out.push(Outcome::MarkedReviewed);
                }
                mark.note = a.note.clone();
            }
            (true, None) | (false, _) => {
                if prior == Status::Reviewed {
                    reviews.reviewed.remove(&id);
                    out.push(Outcome::Unmarked);
                } else if let Some(mark) = reviews.reviewed.get_mut(&id) {
                    mark.note = None;
                }
                if let Some(n) = &a.note {
                    reviews.notes.insert(id.clone(), n.clone());
                }
            }
        }
        if reviews.note(&id).map(str::to_string) != old_note {
            out.push(Outcome::Note);
        }
    }
    reviews
}

/// Replaces a file whole: written beside it, then renamed over it.
fn write_whole(path: &Path, text: &str) -> std::io::Result<()> {
    let tmp = path.with_extension("tmp-import");
    fs::write(&tmp, text)?;
    fs::rename(&tmp, path)
}
