//! `queue export --xlsx`: the export's [`Table`] as an Excel workbook that survives being
//! opened in a spreadsheet. Text cells are text (a phone number keeps its leading 0, the SNOMED
//! CT code is not shown as 8.71731E+14), times and dates of birth are real dates, counts are
//! numbers; the header is bold, frozen and filtered, and the columns are wide enough to read.

use std::io::{self, Write};

use chrono::NaiveDate;
use rusqlite::Connection;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::export::{Cell, Table, export_table};
use crate::content::Content;
use crate::store::{StoreError, Timestamp};

/// The worksheet's name.
const SHEET: &str = "Callbacks";
/// Excel's number format for text: what is typed into the column later stays text too.
const TEXT: &str = "@";
/// Stored times are UTC, and say so.
const TIME: &str = "yyyy-mm-dd hh:mm \"UTC\"";
/// A calendar day.
const DATE: &str = "yyyy-mm-dd";
/// The most characters (UTF-16 units) Excel holds in one cell.
const CELL_MAX: usize = 32_767;
/// Ends a cell cut at [`CELL_MAX`].
const CUT: &str = "… (cut: a spreadsheet cell holds at most 32,767 characters; see queue show)";
/// Column widths, in characters.
const WIDTH_MIN: usize = 8;
const WIDTH_MAX: usize = 60;

/// Why an xlsx export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The queue could not be read.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The workbook could not be built.
    #[error("cannot build the spreadsheet: {0}")]
    Spreadsheet(#[from] XlsxError),
    /// The workbook could not be written out.
    #[error("cannot write the spreadsheet: {0}")]
    Write(#[from] io::Error),
}

impl From<rusqlite::Error> for ExportError {
    fn from(e: rusqlite::Error) -> Self {
        ExportError::Store(e.into())
    }
}

/// The whole queue as an xlsx workbook, in the caller's transaction (what `/export.xlsx`
/// serves).
pub fn export_xlsx_bytes(conn: &Connection, content: &Content) -> Result<Vec<u8>, ExportError> {
    Ok(export_table(conn, content)?.to_xlsx()?)
}

/// The whole queue as an xlsx workbook written to `out`, in the caller's transaction.
pub fn export_xlsx(
    conn: &Connection,
    content: &Content,
    mut out: impl Write,
) -> Result<(), ExportError> {
    out.write_all(&export_xlsx_bytes(conn, content)?)?;
    Ok(out.flush()?)
}

/// How a column's cells are written, and its width.
struct Column {
    format: Format,
    width: usize,
}

impl Table {
    /// The table as an xlsx workbook: one sheet, the header bold, frozen and filtered.
    pub fn to_xlsx(&self) -> Result<Vec<u8>, XlsxError> {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name(SHEET)?;
        let columns = self.columns();
        let header = Format::new().set_bold().set_num_format(TEXT);
        for (c, (name, column)) in self.header.iter().zip(&columns).enumerate() {
            let c = col(c)?;
            sheet.set_column_format(c, &column.format)?;
            sheet.set_column_width(c, column.width as f64)?;
            sheet.write_string_with_format(0, c, name, &header)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
            for (c, (cell, column)) in row.iter().zip(&columns).enumerate() {
                write(sheet, r, col(c)?, cell, &column.format)?;
            }
        }
        let last_row =
            u32::try_from(self.rows.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
        let last_col = col(self.header.len().saturating_sub(1))?;
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(0, 0, last_row, last_col)?;
        workbook.save_to_buffer()
    }

    /// Each column's format (from its first row's cells: every row has the same kinds) and
    /// width (its longest line, within bounds).
    fn columns(&self) -> Vec<Column> {
        (0..self.header.len())
            .map(|c| {
                let cells = self.rows.iter().filter_map(|row| row.get(c));
                let format = match self.rows.first().and_then(|row| row.get(c)) {
                    Some(Cell::Time(_)) => Format::new().set_num_format(TIME),
                    Some(Cell::Date(_)) => Format::new().set_num_format(DATE),
                    Some(Cell::Count(_)) => Format::new(),
                    Some(Cell::Text(_)) | None => Format::new().set_num_format(TEXT),
                };
                let widest = cells
                    .map(|cell| match cell {
                        Cell::Time(_) => TIME.len(),
                        cell => longest_line(&cell.as_text()),
                    })
                    .chain([longest_line(&self.header[c]) + 3]) // room for the filter button
                    .max()
                    .unwrap_or(WIDTH_MIN);
                Column {
                    format,
                    width: (widest + 1).clamp(WIDTH_MIN, WIDTH_MAX),
                }
            })
            .collect()
    }
}

/// Writes one cell in its column's format: a time or date that cannot be read as one is kept
/// as text (a string cell is never read as a number, whatever its format), not lost.
fn write(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    format: &Format,
) -> Result<(), XlsxError> {
    let when = match cell {
        Cell::Time(t) => {
            Timestamp::parse(t).and_then(|t| ExcelDateTime::from_timestamp(t.0.timestamp()).ok())
        }
        Cell::Date(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d").ok().and_then(|d| {
            use chrono::Datelike;
            let y = u16::try_from(d.year()).ok()?;
            ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).ok()
        }),
        Cell::Text(_) | Cell::Count(_) => None,
    };
    match (cell, when) {
        (_, Some(when)) => sheet.write_datetime_with_format(row, col, when, format)?,
        (Cell::Count(n), _) => sheet.write_number_with_format(row, col, *n, format)?,
        (cell, None) => {
            let text = cell.as_text();
            if text.is_empty() {
                return Ok(());
            }
            sheet.write_string_with_format(row, col, fit(&text), format)?
        }
    };
    Ok(())
}

/// A column number as the workbook counts them.
fn col(c: usize) -> Result<u16, XlsxError> {
    u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)
}

/// The characters of the longest line.
fn longest_line(s: &str) -> usize {
    s.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// The text, cut to what one cell holds, saying so when it is cut.
fn fit(text: &str) -> String {
    if text.encode_utf16().count() <= CELL_MAX {
        return text.to_string();
    }
    let room = CELL_MAX - CUT.encode_utf16().count();
    let mut used = 0;
    let kept: String = text
        .chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= room
        })
        .collect();
    kept + CUT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_too_long_for_a_spreadsheet_is_cut_and_says_so() {
        let long = "é".repeat(40_000);
        let cut = fit(&long);
        assert_eq!(cut.encode_utf16().count(), CELL_MAX);
        assert!(cut.ends_with(CUT));
        assert_eq!(fit("07700 900123"), "07700 900123");
        // A character outside the BMP takes two units and is never split.
        let emoji = "😀".repeat(20_000);
        let cut = fit(&emoji);
        assert!(cut.encode_utf16().count() <= CELL_MAX);
        assert!(cut.ends_with(CUT));
    }

    #[test]
    fn an_empty_queue_is_still_a_workbook_with_its_header() {
        let table = Table {
            header: vec!["reference".into(), "phone".into()],
            rows: Vec::new(),
        };
        let bytes = table.to_xlsx().expect("xlsx");
        assert!(bytes.starts_with(b"PK"), "a zip file");
    }
}
