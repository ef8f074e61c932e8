//! `translations import`: a reviewed CSV read and checked row by row. Any refused row stops the
//! whole import with every refusal listed, so a file is taken whole or not at all.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::header::{file_language, header_columns};
use super::plan::{self, Accepted};
use super::{Refusal, TranslationError};
use crate::content::Content;
use crate::content::ftl_source::{FtlFile, render_attribute, render_value, tidy};
use crate::content::locales::{DEFAULT_LANGUAGE, collect_vars};
use crate::content::review::{Catalogue, Row, Status, digest};
use crate::queue::restore;

pub use plan::{Outcome, Report};

/// Reads a reviewed CSV for language `lang` (or the language its `language` column names) and writes its
/// translations and review marks, dated `today`. Nothing is written when any row is refused.
pub fn import(
    content: &Content,
    path: &Path,
    lang: Option<&str>,
    today: NaiveDate,
) -> Result<Report, TranslationError> {
    let bytes = fs::read(path).map_err(|source| TranslationError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| TranslationError::NotUtf8(path.into()))?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let csv_error = |source| TranslationError::Csv {
        path: path.to_path_buf(),
        source,
    };
    let mut records = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .into_records();
    let header: Vec<String> = match records.next() {
        Some(r) => r.map_err(csv_error)?.iter().map(str::to_string).collect(),
        None => Vec::new(),
    };
    let columns = header_columns(&header).ok_or_else(|| TranslationError::NoHeader {
        path: path.to_path_buf(),
        found: header.clone(),
    })?;
    let records = records.collect::<Result<Vec<_>, _>>().map_err(csv_error)?;
    let file_tag =
        file_language(&columns, &records).map_err(|tags| TranslationError::MixedLanguages {
            path: path.to_path_buf(),
            tags,
        })?;
    let tag = match (file_tag, lang) {
        (Some(f), Some(asked)) if f != asked => {
            return Err(TranslationError::WrongLanguage {
                path: path.to_path_buf(),
                file: f,
                asked: asked.to_string(),
            });
        }
        (Some(f), _) => f,
        (None, Some(asked)) => asked.to_string(),
        (None, None) => return Err(TranslationError::NoLanguage(path.to_path_buf())),
    };
    if tag == DEFAULT_LANGUAGE {
        return Err(TranslationError::Source(tag));
    }
    super::shipped(content, &tag, path)?;
    let catalogue = Catalogue::read(&content.root.join("locales"), Path::new("locales"), &tag)?;
    let rows = catalogue.rows();
    let by_id: BTreeMap<String, &Row<'_>> = rows.iter().map(|r| (r.id(), r)).collect();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    let mut accepted = Vec::new();
    let mut refusals = Vec::new();
    let mut kept = Vec::new();
    for record in records {
        let (csv_row, line) = record
            .position()
            .map_or((0, 0), |p| (p.record() + 1, p.line()));
        let cell = |i: usize| restore(record.get(i).unwrap_or_default()).to_string();
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let id = cell(0).trim().to_string();
        let mut refuse = |reason: String| {
            refusals.push(Refusal {
                row: csv_row,
                line,
                id: id.clone(),
                reason,
            })
        };
        if let Some(first) = seen.insert(id.clone(), csv_row) {
            refuse(format!("already given on row {first}"));
            continue;
        }
        let Some(row) = by_id.get(&id) else {
            refuse(format!(
                "{DEFAULT_LANGUAGE} has no message or attribute with this id"
            ));
            continue;
        };
        match check_row(content, row, &[cell(1), cell(2), cell(3), cell(4)]).and_then(|checked| {
            let exported = columns.exported.map(cell).unwrap_or_default();
            since_export(row, &exported, checked)
        }) {
            Ok(None) => kept.push(id.clone()),
            Ok(Some((text, reviewed, note))) => accepted.push(Accepted {
                csv_row,
                line,
                row: **row,
                text,
                reviewed,
                note,
            }),
            Err(reason) => refuse(reason),
        }
    }
    refusals.extend(missing_values(&accepted, &catalogue));
    if !refusals.is_empty() {
        refusals.sort_by_key(|r| r.row);
        return Err(TranslationError::Refused {
            path: path.to_path_buf(),
            refusals,
        });
    }
    let mut report = plan::apply(content, &catalogue, &accepted, today)?;
    report.kept = kept;
    Ok(report)
}

/// A row's checked cells: the translation to write (`None` when left empty), whether it is
/// approved, and the note.
type Checked = (Option<String>, bool, Option<String>);

/// A row checked against what it held when exported (its `exported` cell). When the language's
/// files changed since (another import, a hand edit), a row the reviewer left as exported is
/// kept as the files have it (`None`), and a row they changed is refused: an older sheet never
/// undoes newer work.
fn since_export(
    row: &Row<'_>,
    exported: &str,
    checked: Checked,
) -> Result<Option<Checked>, String> {
    let exported = exported.trim();
    let Some((status, text_digest)) = exported.split_once(':') else {
        return Err(
            "its `exported` cell is empty or edited; export again and leave that column as it is"
                .to_string(),
        );
    };
    if exported == super::state(row) {
        return Ok(Some(checked));
    }
    let (text, reviewed, _) = &checked;
    let untouched = digest(text.as_deref().unwrap_or_default()) == text_digest
        && *reviewed == (status == Status::Reviewed.name());
    if untouched {
        return Ok(None);
    }
    let place = row.translated.map_or_else(
        || "the language's files".to_string(),
        |(f, _)| f.rel.display().to_string(),
    );
    Err(format!(
        "this text changed in {place} after this sheet was exported (now {}); export again and make the change there",
        row.status.name()
    ))
}

/// One row's cells (English, translation, status, note) checked against the current texts: the
/// translation to write (`None` when left empty), whether it is approved, and the note.
fn check_row(content: &Content, row: &Row<'_>, cells: &[String; 4]) -> Result<Checked, String> {
    let [english, translation, status, note] = cells;
    if tidy(english) != tidy(row.english) {
        return Err(format!(
            "the English has changed since this file was exported; it now reads {:?}. Export again, so the reviewer sees the sentence they approve",
            row.english
        ));
    }
    let reviewed = match status.trim().to_lowercase().as_str() {
        "reviewed" => true,
        "draft" | "changed" | "needs-review" | "needs review" | "missing" | "" => false,
        other => {
            return Err(format!(
                "status {other:?} is not one of reviewed, draft, changed, missing"
            ));
        }
    };
    let text = tidy(translation);
    let note = Some(tidy(note)).filter(|n| !n.is_empty());
    if text.is_empty() {
        if let Some((file, m)) = row.translated.filter(|_| row.text.is_some()) {
            return Err(format!(
                "the translation is empty; to remove a translation, delete it from {}:{}",
                file.rel.display(),
                m.line_of(row.part)
            ));
        }
        if reviewed {
            return Err("marked reviewed, but there is no translation".to_string());
        }
        return Ok((None, false, note));
    }
    check_fluent(content, row, &text)?;
    Ok((Some(text), reviewed, note))
}

/// Refuses a translation that is not valid Fluent, uses a variable English does not have, or
/// would not read back as written.
fn check_fluent(content: &Content, row: &Row<'_>, text: &str) -> Result<(), String> {
    let id = &row.message.id;
    let source = match row.part {
        None => format!("{}\n", render_value(id, text)),
        Some(name) => format!("{id} =\n{}\n", render_attribute(name, text)),
    };
    let resource = match fluent_syntax::parser::parse(source.as_str()) {
        Ok(r) => r,
        Err((_, errors)) => {
            let what = errors
                .first()
                .map(|e| e.kind.to_string())
                .unwrap_or_default();
            return Err(format!(
                "not valid Fluent ({what}); write {{ $name }} for a variable, and {{\"{{\"}} for a brace"
            ));
        }
    };
    let message = match resource.body.as_slice() {
        [fluent_syntax::ast::Entry::Message(m)] if m.id.name == id.as_str() => m,
        _ => return Err("not valid Fluent: it must be one text, not several entries".to_string()),
    };
    let pattern = match row.part {
        None => message.value.as_ref(),
        Some(name) => message
            .attributes
            .iter()
            .find(|a| a.id.name == name)
            .map(|a| &a.value),
    };
    let Some(pattern) = pattern else {
        return Err("not valid Fluent: nothing to show".to_string());
    };
    let mut used = BTreeSet::new();
    collect_vars(pattern, &mut used);
    let english = content
        .locales
        .get(DEFAULT_LANGUAGE)
        .and_then(|l| l.messages.get(id))
        .map(|m| m.variables.clone())
        .unwrap_or_default();
    if let Some(v) = used.difference(&english).next() {
        return Err(format!(
            "uses ${v}, which the {DEFAULT_LANGUAGE} message does not have; signpost would not fill it in"
        ));
    }
    let back = FtlFile::parse("check.ftl", PathBuf::new(), source);
    let read = back.messages.first().and_then(|m| m.text(row.part));
    if read != Some(text) {
        return Err(format!(
            "cannot be written back exactly (it would read {read:?}); check its indentation"
        ));
    }
    Ok(())
}

/// Attributes given for a message the language lacks, without its value: refused, as the
/// message would be shown in English while seeming translated.
fn missing_values(accepted: &[Accepted<'_>], catalogue: &Catalogue) -> Vec<Refusal> {
    let values: BTreeSet<&str> = accepted
        .iter()
        .filter(|a| a.row.part.is_none() && a.text.is_some())
        .map(|a| a.row.message.id.as_str())
        .collect();
    accepted
        .iter()
        .filter(|a| a.row.part.is_some() && a.text.is_some())
        .filter(|a| catalogue.translated(&a.row.message.id).is_none())
        .filter(|a| a.row.message.value.is_some())
        .filter(|a| !values.contains(a.row.message.id.as_str()))
        .map(|a| Refusal {
            row: a.csv_row,
            line: a.line,
            id: a.row.id(),
            reason: format!(
                "message {} is not translated yet: translate it (row {}) in the same file",
                a.row.message.id, a.row.message.id
            ),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_neutralised_cell_is_restored_exactly() {
        for cell in ["=1+1", "'=1+1", "''x", "plain", "-5 km", "'"] {
            assert_eq!(restore(&crate::queue::neutralise(cell)), cell);
        }
    }
}
