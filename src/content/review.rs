//! Which translated texts a native speaker has reviewed: one mark per message and per attribute,
//! kept beside the language's files in `locales/<tag>/review.toml` with a hash of the English
//! and of the translation as they were reviewed, so a change to either shows as `changed`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::problem::{self, Problem};

pub use super::catalogue::{Catalogue, CatalogueError, Row, row_id};

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
