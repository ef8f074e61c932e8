//! `translations export`: one language's texts as CSV for a reviewer's spreadsheet.

use std::io::Write;

use super::{COLUMNS, TranslationError, shipped, state};
use crate::content::Content;
use crate::content::locales::DEFAULT_LANGUAGE;
use crate::content::review::{Catalogue, Row};
use crate::queue::neutralise;

/// What the context column says of a crisis message.
pub const CRISIS_NOTE: &str =
    "CRISIS: read by people who may be in danger; check it with the greatest care";

/// Writes language `tag`'s rows as CSV: UTF-8 with a byte-order mark (so spreadsheets read
/// Bengali and Arabic), one row per message and per attribute in English's order, cells a
/// spreadsheet could run as a formula neutralised as `queue export` does.
pub fn export(content: &Content, tag: &str, mut out: impl Write) -> Result<(), TranslationError> {
    if tag == DEFAULT_LANGUAGE {
        return Err(TranslationError::Source(tag.to_string()));
    }
    shipped(content, tag, std::path::Path::new("--lang"))?;
    let catalogue = Catalogue::read(
        &content.root.join("locales"),
        std::path::Path::new("locales"),
        tag,
    )?;
    let crisis = content.crisis.message_ids();
    out.write_all("\u{FEFF}".as_bytes())?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    for row in catalogue.rows() {
        let id = row.id();
        let cells = [
            id.clone(),
            row.english.to_string(),
            row.text.unwrap_or_default().to_string(),
            row.status.name().to_string(),
            catalogue.reviews.note(&id).unwrap_or_default().to_string(),
            context(&row, crisis.contains(&row.message.id.as_str())),
            tag.to_string(),
            state(&row),
        ];
        w.write_record(cells.iter().map(|c| neutralise(c)))?;
    }
    w.flush()?;
    Ok(())
}

/// What a reviewer should know about a row: crisis weight, what an attribute is for, English's
/// comment, and where English has it.
fn context(row: &Row<'_>, crisis: bool) -> String {
    let mut parts = Vec::new();
    if crisis {
        parts.push(CRISIS_NOTE.to_string());
    }
    if row.part == Some("aliases") {
        parts.push(
            "Words people may type instead of pressing this button, separated by commas"
                .to_string(),
        );
    }
    if !row.message.comment.is_empty() {
        parts.push(row.message.comment.clone());
    }
    parts.push(format!(
        "English: {}:{}",
        row.english_file.rel.display(),
        row.message.line_of(row.part)
    ));
    parts.join("\n")
}
