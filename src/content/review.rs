//! Which translated texts a native speaker has reviewed: one mark per message and per attribute,
//! kept beside the language's files in `locales/<tag>/review.toml` with a hash of the English
//! and of the translation as they were reviewed, so a change to either shows as `changed`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ftl_source::{self, FtlFile, SourceMessage};
use super::locales::DEFAULT_LANGUAGE;
use super::problem::{self, Problem};

/// The file of review marks in each translation's folder.
pub const REVIEW_FILE: &str = "review.toml";

/// The `schema` of [`REVIEW_FILE`] this build reads and writes.
pub const REVIEW_SCHEMA: u32 = 1;

/// A review of one text: what it said in English and in translation when it was approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// [`digest`] of the English text reviewed against.
    pub english: String,
    /// [`digest`] of the translation approved.
    pub translation: String,
    /// The day it was approved.
    pub date: NaiveDate,
    /// What the reviewer noted, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A language's review marks and reviewers' notes, by row id (`help`, `language-name.aliases`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reviews {
    /// Texts approved by a native speaker.
    pub reviewed: BTreeMap<String, Mark>,
    /// Notes on texts not (or no longer) approved.
    pub notes: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    schema: toml::Spanned<u32>,
    #[serde(default)]
    reviewed: BTreeMap<String, Mark>,
    #[serde(default)]
    notes: BTreeMap<String, String>,
}

#[derive(Serialize)]
struct Written<'a> {
    schema: u32,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    reviewed: &'a BTreeMap<String, Mark>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    notes: &'a BTreeMap<String, String>,
}

impl Reviews {
    /// Reads `REVIEW_FILE` from a language folder (no file: nothing reviewed yet). `rel` is the
    /// folder relative to the content folder.
    pub fn load(dir: &Path, rel: &Path) -> Result<Reviews, Problem> {
        let rel = rel.join(REVIEW_FILE);
        let source = match fs::read_to_string(dir.join(REVIEW_FILE)) {
            Ok(s) => s,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Reviews::default()),
            Err(e) => {
                return Err(Problem::error(
                    &rel,
                    0,
                    problem::ProblemKind::Unreadable,
                    format!("cannot read: {e}"),
                ));
            }
        };
        let stored: Stored =
            problem::parse_toml_schema(&rel, &source, |s: &Stored| &s.schema, REVIEW_SCHEMA)?;
        Ok(Reviews {
            reviewed: stored.reviewed,
            notes: stored.notes,
        })
    }

    /// The file's text, as written by `translations import`.
    pub fn to_toml(&self) -> Result<String, toml::ser::Error> {
        let body = toml::to_string(&Written {
            schema: REVIEW_SCHEMA,
            reviewed: &self.reviewed,
            notes: &self.notes,
        })?;
        Ok(format!(
            "# Which translations a native speaker has reviewed, written by `signpost translations import`.\n\
             # english and translation are SHA-256 hashes of the texts approved: when either changes, the\n\
             # text needs reviewing again.\n{body}"
        ))
    }

    /// What the reviewer noted on a row, reviewed or not.
    pub fn note(&self, id: &str) -> Option<&str> {
        self.reviewed
            .get(id)
            .and_then(|m| m.note.as_deref())
            .or_else(|| self.notes.get(id).map(String::as_str))
    }
}

/// The SHA-256 of a text, as 16 hex digits (enough to notice a change).
pub fn digest(text: &str) -> String {
    let d = ring::digest::digest(&ring::digest::SHA256, text.as_bytes());
    d.as_ref()[..8]
        .iter()
        .fold(String::with_capacity(16), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// What changed since a text was reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    /// The English text.
    English,
    /// The translation, edited by hand.
    Translation,
    /// Both.
    Both,
}

/// Where a translated text stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Approved by a native speaker, and unchanged since.
    Reviewed,
    /// Translated, never reviewed.
    Draft,
    /// Reviewed once, but changed since: counts as a draft.
    Changed(Changed),
    /// Not translated: people see the English.
    Missing,
}

impl Status {
    /// The name in the CSV's status column.
    pub fn name(self) -> &'static str {
        match self {
            Status::Reviewed => "reviewed",
            Status::Draft => "draft",
            Status::Changed(_) => "changed",
            Status::Missing => "missing",
        }
    }

    /// The status of a text from its English, its translation and its mark.
    pub fn of(english: &str, translation: Option<&str>, mark: Option<&Mark>) -> Status {
        let Some(text) = translation else {
            return Status::Missing;
        };
        let Some(mark) = mark else {
            return Status::Draft;
        };
        match (
            mark.english == digest(english),
            mark.translation == digest(text),
        ) {
            (true, true) => Status::Reviewed,
            (false, true) => Status::Changed(Changed::English),
            (true, false) => Status::Changed(Changed::Translation),
            (false, false) => Status::Changed(Changed::Both),
        }
    }
}

/// A language's files beside English's, and its review marks.
#[derive(Debug)]
pub struct Catalogue {
    /// The language's tag.
    pub tag: String,
    /// English's files, the source of every row.
    pub english: Vec<FtlFile>,
    /// The language's files.
    pub files: Vec<FtlFile>,
    /// Its marks.
    pub reviews: Reviews,
}

/// One row of the review: a message's value or one of its attributes.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// The message in English.
    pub message: &'a SourceMessage,
    /// `None` for the value, else the attribute's name.
    pub part: Option<&'a str>,
    /// English's file holding it.
    pub english_file: &'a FtlFile,
    /// The English text.
    pub english: &'a str,
    /// The language's file and message, when it has the message.
    pub translated: Option<(&'a FtlFile, &'a SourceMessage)>,
    /// The translated text, when it has this row.
    pub text: Option<&'a str>,
    /// Where it stands.
    pub status: Status,
}

impl Row<'_> {
    /// The row id: the message id, or `id.attribute`.
    pub fn id(&self) -> String {
        row_id(&self.message.id, self.part)
    }

    /// The file and line of the translation (or English's, when it is missing).
    pub fn location(&self) -> (PathBuf, usize) {
        match self.translated {
            Some((f, m)) => (f.rel.clone(), m.line_of(self.part)),
            None => (
                self.english_file.rel.clone(),
                self.message.line_of(self.part),
            ),
        }
    }
}

/// `id` or `id.attribute`.
pub fn row_id(message: &str, part: Option<&str>) -> String {
    match part {
        Some(a) => format!("{message}.{a}"),
        None => message.to_string(),
    }
}

/// Reading a language for review failed.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// No such language folder.
    #[error("there is no language {tag}: no folder {path}")]
    NoLanguage {
        /// The tag asked for.
        tag: String,
        /// The folder looked for.
        path: PathBuf,
    },
    /// A folder or file could not be read.
    #[error("cannot read {path}: {source}")]
    Unreadable {
        /// What could not be read.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The review marks could not be read.
    #[error("{0}")]
    Marks(Problem),
}

impl CatalogueError {
    /// The failure as a problem for `check`.
    pub fn to_problem(&self) -> Problem {
        match self {
            CatalogueError::Marks(p) => p.clone(),
            CatalogueError::NoLanguage { path, .. } | CatalogueError::Unreadable { path, .. } => {
                Problem::error(path, 0, problem::ProblemKind::Unreadable, self.to_string())
            }
        }
    }
}

impl Catalogue {
    /// Reads English and language `tag` from `locales_dir`, whose path relative to the content
    /// folder is `rel` (`locales`).
    pub fn read(locales_dir: &Path, rel: &Path, tag: &str) -> Result<Catalogue, CatalogueError> {
        let folder = |t: &str| -> Result<Vec<FtlFile>, CatalogueError> {
            let dir = locales_dir.join(t);
            if !dir.is_dir() {
                return Err(CatalogueError::NoLanguage {
                    tag: t.to_string(),
                    path: rel.join(t),
                });
            }
            ftl_source::read_folder(&dir, &rel.join(t)).map_err(|source| {
                CatalogueError::Unreadable {
                    path: rel.join(t),
                    source,
                }
            })
        };
        let english = folder(DEFAULT_LANGUAGE)?;
        let files = folder(tag)?;
        let reviews = if tag == DEFAULT_LANGUAGE {
            Reviews::default()
        } else {
            Reviews::load(&locales_dir.join(tag), &rel.join(tag)).map_err(CatalogueError::Marks)?
        };
        Ok(Catalogue {
            tag: tag.to_string(),
            english,
            files,
            reviews,
        })
    }

    /// The language's file and message with this id (the first, if defined twice).
    pub fn translated(&self, id: &str) -> Option<(&FtlFile, &SourceMessage)> {
        self.files
            .iter()
            .find_map(|f| f.message(id).map(|m| (f, m)))
    }

    /// Every row, in English's file and message order: each message's value, then its
    /// attributes. English itself is always reviewed.
    pub fn rows(&self) -> Vec<Row<'_>> {
        let mut rows = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for file in &self.english {
            for m in &file.messages {
                if !seen.insert(m.id.as_str()) {
                    continue;
                }
                let translated = self.translated(&m.id);
                let parts = m.value.as_deref().map(|v| (None, v)).into_iter().chain(
                    m.attributes
                        .iter()
                        .map(|a| (Some(a.name.as_str()), a.text.as_str())),
                );
                for (part, english) in parts {
                    let text = translated.and_then(|(_, t)| t.text(part));
                    let status = if self.tag == DEFAULT_LANGUAGE {
                        Status::Reviewed
                    } else {
                        let mark = self.reviews.reviewed.get(&row_id(&m.id, part));
                        Status::of(english, text, mark)
                    };
                    rows.push(Row {
                        message: m,
                        part,
                        english_file: file,
                        english,
                        translated,
                        text,
                        status,
                    });
                }
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(english: &str, translation: &str) -> Mark {
        Mark {
            english: digest(english),
            translation: digest(translation),
            date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default(),
            note: Some("ok".into()),
        }
    }

    #[test]
    fn a_digest_is_16_hex_digits_of_sha_256() {
        // SHA-256("abc") = ba7816bf8f01cfea...
        assert_eq!(digest("abc"), "ba7816bf8f01cfea");
        assert_ne!(digest("Hello"), digest("Hello "));
    }

    #[test]
    fn a_change_to_either_text_makes_a_reviewed_text_changed() {
        let m = mark("Yes", "Tak");
        assert_eq!(Status::of("Yes", Some("Tak"), Some(&m)), Status::Reviewed);
        assert_eq!(
            Status::of("Yes!", Some("Tak"), Some(&m)),
            Status::Changed(Changed::English)
        );
        assert_eq!(
            Status::of("Yes", Some("Tak!"), Some(&m)),
            Status::Changed(Changed::Translation)
        );
        assert_eq!(Status::of("Yes", Some("Tak"), None), Status::Draft);
        assert_eq!(Status::of("Yes", None, Some(&m)), Status::Missing);
    }

    #[test]
    fn marks_are_written_and_read_back() {
        let mut r = Reviews::default();
        r.reviewed
            .insert("language-name.aliases".into(), mark("a", "b"));
        r.notes.insert("help".into(), "too formal".into());
        let text = r.to_toml().unwrap_or_default();
        assert!(text.contains("schema = 1"), "{text}");
        let dir = std::env::temp_dir().join(format!("signpost-review-{}", std::process::id()));
        let _ = fs::create_dir_all(&dir);
        let _ = fs::write(dir.join(REVIEW_FILE), &text);
        let back = Reviews::load(&dir, Path::new("locales/pl"));
        let _ = fs::remove_dir_all(&dir);
        assert_eq!(back.ok(), Some(r));
    }
}
