//! `queue export --xlsx` through the real binary, the file opened again as a spreadsheet
//! program reads it: phone numbers, the SNOMED CT code and references are text cells that keep
//! their leading 0 and every digit; times and dates of birth are dates; the header is bold,
//! frozen and filtered; the columns are the CSV's. And a file that cannot be written is
//! refused with a readable message, leaving nothing behind.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::Output;

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::{TimeZone, Utc};
use common::{ok, refused, seed};
use signpost::engine::Referral;

/// A referral made at 2026-11-24 `hh:mm` UTC whose phone answer is `phone`.
fn referral(reference: &str, (hh, mm): (u32, u32), phone: &str) -> Referral {
    let at = Utc
        .with_ymd_and_hms(2026, 11, 24, hh, mm, 0)
        .single()
        .expect("date");
    common::referral(
        reference,
        at,
        &[
            ("name", "Ann"),
            ("phone", phone),
            ("dob", "1958-07-03"),
            ("postcode", "E1 6AN"),
        ],
    )
}

fn signpost(db: &Path, args: &[&str]) -> Output {
    common::run(db, args, b"", &[("USER", "login-name")])
}

/// The one sheet's cells, its styles, and its XML (for what calamine does not read).
struct Sheet {
    cells: calamine::Range<Data>,
    styles: calamine::StyleRange,
    defined_names: Vec<(String, String)>,
    xml: String,
}

fn open(file: &Path) -> Sheet {
    let mut book: Xlsx<_> = open_workbook(file).expect("an xlsx file");
    assert_eq!(book.sheet_names(), ["Callbacks"]);
    let cells = book.worksheet_range("Callbacks").expect("cells");
    let styles = book.worksheet_style("Callbacks").expect("styles");
    let defined_names = book.defined_names().to_vec();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).expect("file")).expect("zip");
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .expect("sheet xml")
        .read_to_string(&mut xml)
        .expect("utf-8");
    Sheet {
        cells,
        styles,
        defined_names,
        xml,
    }
}

impl Sheet {
    fn header(&self) -> Vec<String> {
        (0..self.cells.width() as u32)
            .map(|c| self.text(0, c))
            .collect()
    }

    fn col(&self, name: &str) -> u32 {
        self.header()
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}")) as u32
    }

    fn value(&self, row: u32, col: u32) -> &Data {
        self.cells.get_value((row, col)).unwrap_or(&Data::Empty)
    }

    /// A text cell's text; fails on any other kind of cell.
    fn text(&self, row: u32, col: u32) -> String {
        match self.value(row, col) {
            Data::String(s) => s.clone(),
            other => panic!("cell ({row}, {col}) is not text: {other:?}"),
        }
    }

    fn format(&self, row: u32, col: u32) -> String {
        self.styles
            .get((row, col))
            .and_then(|s| s.number_format.as_ref())
            .map(|f| f.format_code.clone())
            .unwrap_or_default()
    }
}

#[test]
fn an_xlsx_export_keeps_phone_numbers_codes_and_times_as_they_are() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    seed(
        &db,
        vec![
            referral("SP-AAAA", (9, 1), "07700 900123"),
            referral("SP-BBBB", (10, 30), "07700900123"),
        ],
    );
    ok(&signpost(&db, &["queue", "claim", "--by", "Rima"]));
    let file = dir.path().join("queue.xlsx");
    let said = ok(&signpost(
        &db,
        &["queue", "export", "--xlsx", file.to_str().expect("utf-8")],
    ));
    assert_eq!(
        said.trim(),
        format!("Wrote 2 callbacks to {}.", file.display())
    );
    let sheet = open(&file);

    // The CSV's columns, in its order.
    let csv = ok(&signpost(&db, &["queue", "export", "--csv"]));
    let csv_header: Vec<String> = csv
        .trim_start_matches('\u{FEFF}')
        .lines()
        .next()
        .expect("a header")
        .split(',')
        .map(str::to_string)
        .collect();
    assert_eq!(sheet.header(), csv_header);
    assert_eq!(sheet.cells.height(), 3, "the header and two referrals");

    // Oldest first: SP-AAAA, then SP-BBBB.
    let phone = sheet.col("phone");
    assert_eq!(sheet.text(1, phone), "07700 900123");
    assert_eq!(sheet.text(2, phone), "07700900123", "the leading 0 is kept");
    assert_eq!(sheet.format(2, phone), "@");
    let snomed = sheet.col("snomed_ct");
    assert_eq!(sheet.text(1, snomed), "871731000000106");
    assert_eq!(sheet.format(1, snomed), "@");
    assert_eq!(sheet.text(1, sheet.col("reference")), "SP-AAAA");
    assert_eq!(sheet.text(1, sheet.col("claimed_by")), "Rima");

    // A time is a number in a date format, holding the stored (UTC) time.
    let created = sheet.col("created_at");
    match sheet.value(1, created) {
        Data::DateTime(t) => {
            assert!(t.is_datetime());
            assert_eq!(
                t.as_datetime().map(|t| t.to_string()).as_deref(),
                Some("2026-11-24 09:01:00")
            );
        }
        other => panic!("created_at is not a date: {other:?}"),
    }
    assert!(sheet.format(1, created).starts_with("yyyy-mm-dd hh:mm"));
    // A date of birth is a date; a count is a number.
    match sheet.value(1, sheet.col("date_of_birth")) {
        Data::DateTime(t) => assert_eq!(
            t.as_datetime().map(|t| t.date().to_string()).as_deref(),
            Some("1958-07-03")
        ),
        other => panic!("date_of_birth is not a date: {other:?}"),
    }
    assert_eq!(sheet.value(1, sheet.col("attempts")), &Data::Float(0.0));
    // Nothing claimed SP-BBBB: its claimed_at is empty, not a date of 1900.
    assert_eq!(sheet.value(2, sheet.col("claimed_at")), &Data::Empty);

    // The header: bold, frozen, filtered.
    let bold = sheet
        .styles
        .get((0, 0))
        .and_then(|s| s.font.as_ref())
        .is_some_and(|f| f.is_bold());
    assert!(bold, "the header is bold");
    assert!(
        sheet.xml.contains(r#"ySplit="1""#) && sheet.xml.contains(r#"state="frozen""#),
        "the header row is frozen"
    );
    assert!(sheet.xml.contains("<autoFilter ref=\"A1:"), "{}", sheet.xml);
    assert!(
        sheet
            .defined_names
            .iter()
            .any(|(name, _)| name == "_xlnm._FilterDatabase"),
        "{:?}",
        sheet.defined_names
    );
    // Widths set by column, not left at the default.
    assert!(sheet.xml.contains("customWidth=\"1\""));
}

#[test]
fn an_xlsx_export_replaces_the_file_whole_and_leaves_nothing_on_failure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    seed(&db, vec![referral("SP-AAAA", (9, 1), "07700900123")]);

    // Into a folder that does not exist: refused, readable, no file.
    let missing = dir.path().join("no-such-folder").join("queue.xlsx");
    let e = refused(&signpost(
        &db,
        &[
            "queue",
            "export",
            "--xlsx",
            missing.to_str().expect("utf-8"),
        ],
    ));
    assert!(
        e.contains("cannot write") && e.contains("no-such-folder does not exist"),
        "{e}"
    );
    assert!(!missing.exists());
    assert!(!dir.path().join("no-such-folder").exists());

    // Onto a folder: refused, the folder untouched, no partial file left beside it.
    let taken = dir.path().join("taken.xlsx");
    std::fs::create_dir(&taken).expect("mkdir");
    let e = refused(&signpost(
        &db,
        &["queue", "export", "--xlsx", taken.to_str().expect("utf-8")],
    ));
    assert!(e.contains("cannot write"), "{e}");
    assert!(taken.is_dir());

    // An old export is replaced, not appended to.
    let file = dir.path().join("queue.xlsx");
    std::fs::write(&file, b"an old export").expect("write");
    ok(&signpost(
        &db,
        &["queue", "export", "--xlsx", file.to_str().expect("utf-8")],
    ));
    assert_eq!(open(&file).text(1, 0), "SP-AAAA");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).expect("file").permissions().mode();
        assert_eq!(mode & 0o077, 0, "personal data: readable by its owner only");
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".signpost-"))
        .collect();
    assert!(left.is_empty(), "partial files left behind: {left:?}");

    // One format at a time, and one is needed.
    let o = signpost(
        &db,
        &[
            "queue",
            "export",
            "--csv",
            "--xlsx",
            file.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot be used with"));
    assert_eq!(signpost(&db, &["queue", "export"]).status.code(), Some(1));
}
