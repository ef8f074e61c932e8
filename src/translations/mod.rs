//! Translations reviewed in a spreadsheet: one language exported as CSV (id, English,
//! translation, status, reviewer note, context), and the reviewed CSV imported back into the
//! language's `.ftl` files and its review marks (`content::review`).

pub mod export;
mod header;
pub mod import;
mod plan;
mod splice;

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::content::Problem;
use crate::content::review::CatalogueError;

pub use export::export;
pub use import::{Outcome, Report, import};

/// The CSV's columns, in order: DESIGN's four (id, English, translation, status), then the
/// reviewer's note, what a reviewer should know, the language's tag on every row (so a sorted
/// or filtered sheet still says which language it holds), and what the row held when exported
/// (so an older sheet cannot undo newer work).
pub const COLUMNS: [&str; 8] = [
    "id",
    "English",
    "translation",
    "status",
    "reviewer note",
    "context",
    "language",
    "exported",
];

/// What a row held in the language's files: its status and a digest of its translation
/// (`draft:1a2b...`), written by export and compared by import.
pub fn state(row: &crate::content::review::Row<'_>) -> String {
    format!(
        "{}:{}",
        row.status.name(),
        crate::content::review::digest(row.text.unwrap_or_default())
    )
}

/// A row of a CSV that import will not take, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The spreadsheet's row (the header is row 1).
    pub row: u64,
    /// The CSV file's line where the row starts (later than `row` after cells of several lines).
    pub line: u64,
    /// The row's id, as written.
    pub id: String,
    /// What is wrong, for a person.
    pub reason: String,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {}", self.row)?;
        if self.line != self.row {
            write!(f, " (line {} of the file)", self.line)?;
        }
        write!(f, ": {}: {}", self.id, self.reason)
    }
}

/// Exporting or importing failed.
#[derive(Debug, thiserror::Error)]
pub enum TranslationError {
    /// The content could not be loaded.
    #[error("the content has errors; run `signpost check`:\n{}", .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))]
    Content(Vec<Problem>),
    /// The language's or English's files could not be read.
    #[error(transparent)]
    Catalogue(#[from] CatalogueError),
    /// English is the source, not a translation.
    #[error(
        "{0} is the source language, reviewed by definition: edit its .ftl files, and export the other languages"
    )]
    Source(String),
    /// The CSV file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The file is not UTF-8.
    #[error("{0} is not UTF-8 text: save it from the spreadsheet as \"CSV UTF-8\"")]
    NotUtf8(PathBuf),
    /// The CSV cannot be parsed.
    #[error("{path}: not CSV signpost can read: {source}")]
    Csv {
        /// The file.
        path: PathBuf,
        /// Why.
        source: csv::Error,
    },
    /// The first row is not the header export writes.
    #[error(
        "{path}: the first line must be the header `translations export` writes (id, English, translation, status, reviewer note, context, language); found {found:?}"
    )]
    NoHeader {
        /// The file.
        path: PathBuf,
        /// What the first line held.
        found: Vec<String>,
    },
    /// The file does not say the language, and `--lang` was not given.
    #[error("{0}: its `language` column is empty or missing: say which language with --lang TAG")]
    NoLanguage(PathBuf),
    /// The language named is not one of the shipped languages.
    #[error("{path}: \"{tag}\" is not a shipped language (locales/: {}); nothing was written", .shipped.join(", "))]
    UnknownLanguage {
        /// The file, or `--lang`.
        path: PathBuf,
        /// The tag named.
        tag: String,
        /// The shipped tags.
        shipped: Vec<String>,
    },
    /// Rows name different languages.
    #[error("{path}: rows are for more than one language ({}): import one language's file at a time", .tags.join(", "))]
    MixedLanguages {
        /// The file.
        path: PathBuf,
        /// The languages named.
        tags: Vec<String>,
    },
    /// The file is for another language than `--lang`.
    #[error("{path} holds {file} translations, not {asked}: nothing was written")]
    WrongLanguage {
        /// The file.
        path: PathBuf,
        /// The language its `language` column names.
        file: String,
        /// The language asked for.
        asked: String,
    },
    /// Rows were refused; nothing was written.
    #[error("{path}: {} row(s) refused, so nothing was written (fix them and import the whole file again):\n{}", .refusals.len(), .refusals.iter().map(|r| format!("  {r}")).collect::<Vec<_>>().join("\n"))]
    Refused {
        /// The file.
        path: PathBuf,
        /// Every refused row.
        refusals: Vec<Refusal>,
    },
    /// Writing the CSV failed.
    #[error("cannot write CSV: {0}")]
    WriteCsv(#[from] csv::Error),
    /// Writing the CSV failed.
    #[error("cannot write: {0}")]
    Output(#[from] io::Error),
    /// A file could not be written (files written before it stay written).
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The review marks could not be written.
    #[error("cannot write the review marks: {0}")]
    Marks(#[from] toml::ser::Error),
    /// An edited file did not read back as planned; nothing was written.
    #[error(
        "{path}: the edited file does not read back as planned ({what}); nothing was written. Please report this, with the CSV"
    )]
    Verify {
        /// The file.
        path: PathBuf,
        /// What differed.
        what: String,
    },
}

/// Refuses a tag that is not a shipped language (a CSV's cell must never name a folder of its
/// own choosing, such as `../dialogues`).
pub(crate) fn shipped(
    content: &crate::content::Content,
    tag: &str,
    path: &std::path::Path,
) -> Result<(), TranslationError> {
    if content.locales.get(tag).is_some() {
        return Ok(());
    }
    Err(TranslationError::UnknownLanguage {
        path: path.to_path_buf(),
        tag: tag.to_string(),
        shipped: content
            .locales
            .languages
            .iter()
            .map(|l| l.tag.clone())
            .collect(),
    })
}
