//! `queue export --csv`: every callback as a spreadsheet row, its answers in the columns the
//! dialogue's record names, with cells a spreadsheet could run as a formula neutralised.

use std::io::Write;

use rusqlite::Connection;
use unicode_normalization::UnicodeNormalization;

use super::record::{flow, value};
use super::{QueueError, SNOMED_REFERRAL, note_line, notes};
use crate::content::Content;
use crate::content::dialogue::{CSV_COLUMNS_AFTER, CSV_COLUMNS_BEFORE};
use crate::store::{self, StoreError};

/// A cell a spreadsheet could run as a formula gets a leading `'`: one that starts with
/// `= + - @`, tab or CR, also when written in full-width or compatibility forms (NFKC) or
/// after invisible characters or spaces.
fn neutralise(cell: &str) -> String {
    let formula = matches!(cell.chars().next(), Some('\t' | '\r'))
        || matches!(
            cell.nfkc().find(|c| !invisible(*c)),
            Some('=' | '+' | '-' | '@')
        );
    if formula {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Spaces, controls, and characters shown as nothing: format characters (Unicode category Cf),
/// fillers and variation selectors.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{0600}'..='\u{0605}'
                | '\u{061C}'
                | '\u{06DD}'
                | '\u{070F}'
                | '\u{08E2}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFFB}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// The columns of `queue export --csv`: the referral's own, with the record's in the middle.
pub fn csv_header(content: &Content) -> Vec<String> {
    let record = flow(content).record.iter().map(|f| f.column.as_str());
    CSV_COLUMNS_BEFORE
        .iter()
        .copied()
        .chain(record)
        .chain(CSV_COLUMNS_AFTER.iter().copied())
        .map(str::to_string)
        .collect()
}

/// The whole queue as CSV (RFC 4180 quoting, UTF-8 with a byte-order mark so spreadsheets read
/// Bengali and Arabic correctly, formula-looking cells neutralised), in [`csv_header`]'s
/// columns.
pub fn export_csv(
    conn: &Connection,
    content: &Content,
    mut out: impl Write,
) -> Result<(), QueueError> {
    let io =
        |e: csv::Error| QueueError::Store(StoreError::Commit(format!("cannot write CSV: {e}")));
    out.write_all("\u{FEFF}".as_bytes())
        .map_err(|e| io(e.into()))?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(csv_header(content).iter().map(|c| neutralise(c)))
        .map_err(io)?;
    let flow = flow(content);
    for item in store::list(conn, None)? {
        let notes = notes(conn, &item.reference)?
            .iter()
            .map(note_line)
            .collect::<Vec<_>>()
            .join("\n");
        // One cell per column, in order (the lengths are checked when compiling).
        let before: [String; CSV_COLUMNS_BEFORE.len()] = [
            item.reference.clone(),
            SNOMED_REFERRAL.to_string(),
            item.status.to_string(),
            item.priority.to_string(),
            item.created_at.clone(),
            item.channel.to_string(),
            item.language.clone(),
        ];
        let after: [String; CSV_COLUMNS_AFTER.len()] = [
            item.services.join("; "),
            item.consent_at.clone().unwrap_or_default(),
            item.notice_version.clone().unwrap_or_default(),
            item.claimed_by.clone().unwrap_or_default(),
            item.claimed_at.clone().unwrap_or_default(),
            item.attempts.to_string(),
            item.outcome.clone().unwrap_or_default(),
            item.closed_at.clone().unwrap_or_default(),
            notes,
        ];
        let record = flow.record.iter().map(|f| value(flow, &item, f, "; "));
        let row = before.into_iter().chain(record).chain(after);
        w.write_record(row.map(|c| neutralise(&c))).map_err(io)?;
    }
    w.flush().map_err(|e| io(e.into()))?;
    Ok(())
}
