//! `queue export`: every callback as a row of typed cells ([`export_table`]), its answers in
//! the columns the dialogue's record names; written here as CSV, with cells a spreadsheet could
//! run as a formula neutralised, and as xlsx in `xlsx.rs`.

use std::borrow::Cow;
use std::io::Write;

use rusqlite::Connection;
use unicode_normalization::UnicodeNormalization;

use super::record::{flow, value};
use super::{QueueError, SNOMED_REFERRAL, note_line, notes};
use crate::content::dialogue::{
    CSV_COLUMNS_AFTER, CSV_COLUMNS_BEFORE, NodeKind, RecordField, Rule, Validation,
};
use crate::content::{Content, Flow};
use crate::store::{self, QueueItem, StoreError};

/// A cell a spreadsheet could run as a formula gets a leading `'`: one that starts with
/// `= + - @`, tab or CR, also when written in full-width or compatibility forms (NFKC) or
/// after invisible characters or spaces. A cell that already starts with `'` gets one more, so
/// [`restore`] gives back exactly what was neutralised.
pub fn neutralise(cell: &str) -> String {
    let formula = matches!(cell.chars().next(), Some('\t' | '\r' | '\''))
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

/// A cell read back from a CSV that [`neutralise`] wrote: its leading `'`, if any, removed.
pub fn restore(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
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

/// The columns of `queue export --csv` and `--xlsx`: the referral's own, with the record's in
/// the middle.
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

/// One cell of an export, typed so each writer keeps its meaning: text stays text (a phone
/// number keeps its leading 0), a time stays a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Text, also when it is all digits (phone numbers, the SNOMED CT code, references).
    Text(String),
    /// A moment as the store keeps it (RFC 3339, UTC); empty when there is none.
    Time(String),
    /// A record answer kept as a calendar day (`YYYY-MM-DD`, e.g. a date of birth); empty when
    /// not given.
    Date(String),
    /// A count.
    Count(u32),
}

impl Cell {
    /// The cell as the store keeps it: what the CSV holds (before neutralising).
    pub fn as_text(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(s) | Cell::Time(s) | Cell::Date(s) => Cow::Borrowed(s),
            Cell::Count(n) => Cow::Owned(n.to_string()),
        }
    }
}

/// The whole queue as a table: [`csv_header`]'s columns, then one row per referral (urgent
/// first, then oldest), each cell typed. Both exports are written from it, so they cannot
/// drift apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The column names.
    pub header: Vec<String>,
    /// One row per referral, one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

/// The whole queue as a [`Table`], in the caller's transaction.
pub fn export_table(conn: &Connection, content: &Content) -> Result<Table, StoreError> {
    export_table_of(conn, content, store::list(conn, None)?)
}

/// [`export_table`] of some referrals only (a team's, for the web app).
pub fn export_table_of(
    conn: &Connection,
    content: &Content,
    items: Vec<QueueItem>,
) -> Result<Table, StoreError> {
    let flow = flow(content);
    let mut rows = Vec::new();
    for item in items {
        let notes = notes(conn, &item.reference)?
            .iter()
            .map(note_line)
            .collect::<Vec<_>>()
            .join("\n");
        let time = |t: &Option<String>| Cell::Time(t.clone().unwrap_or_default());
        let text = |t: &Option<String>| Cell::Text(t.clone().unwrap_or_default());
        // One cell per column, in order (the lengths are checked when compiling).
        let before: [Cell; CSV_COLUMNS_BEFORE.len()] = [
            Cell::Text(item.reference.clone()),
            Cell::Text(SNOMED_REFERRAL.to_string()),
            Cell::Text(item.status.to_string()),
            Cell::Text(item.priority.to_string()),
            Cell::Time(item.created_at.clone()),
            Cell::Text(item.channel.to_string()),
            Cell::Text(item.language.clone()),
        ];
        let after: [Cell; CSV_COLUMNS_AFTER.len()] = [
            Cell::Text(item.services.join("; ")),
            time(&item.consent_at),
            text(&item.notice_version),
            text(&item.claimed_by),
            time(&item.claimed_at),
            Cell::Count(item.attempts),
            text(&item.outcome),
            time(&item.closed_at),
            Cell::Text(notes),
        ];
        let record = flow.record.iter().map(|f| {
            let v = value(content, &item, f, "; ");
            if is_date(flow, f) {
                Cell::Date(v)
            } else {
                Cell::Text(v)
            }
        });
        rows.push(before.into_iter().chain(record).chain(after).collect());
    }
    Ok(Table {
        header: csv_header(content),
        rows,
    })
}

/// True when the record field's answer is kept as a calendar day: a text node that validates
/// a date of birth saves it.
fn is_date(flow: &Flow, field: &RecordField) -> bool {
    matches!(
        flow.saver_of(&field.answer).map(|n| &n.kind),
        Some(NodeKind::Text {
            validate: Some(Validation {
                rule: Rule::DateOfBirth,
                ..
            }),
            ..
        })
    )
}

/// The whole queue as CSV (RFC 4180 quoting, UTF-8 with a byte-order mark so spreadsheets read
/// Bengali and Arabic correctly, formula-looking cells neutralised), in [`csv_header`]'s
/// columns.
pub fn export_csv(conn: &Connection, content: &Content, out: impl Write) -> Result<(), QueueError> {
    export_table(conn, content)?.write_csv(out)
}

impl Table {
    /// The table as CSV, as [`export_csv`] writes it.
    pub fn write_csv(&self, mut out: impl Write) -> Result<(), QueueError> {
        let table = self;
        let io =
            |e: csv::Error| QueueError::Store(StoreError::Commit(format!("cannot write CSV: {e}")));
        out.write_all("\u{FEFF}".as_bytes())
            .map_err(|e| io(e.into()))?;
        let mut w = csv::Writer::from_writer(out);
        w.write_record(table.header.iter().map(|c| neutralise(c)))
            .map_err(io)?;
        for row in &table.rows {
            w.write_record(row.iter().map(|c| neutralise(&c.as_text())))
                .map_err(io)?;
        }
        w.flush().map_err(|e| io(e.into()))?;
        Ok(())
    }
}
