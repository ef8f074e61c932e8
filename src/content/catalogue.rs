//! A language's files read beside English's as review rows: one per message and per
//! attribute, in English's order, each with its translation and where it stands.

use std::io;
use std::path::{Path, PathBuf};

use super::ftl_source::{self, FtlFile, SourceMessage};
use super::locales::DEFAULT_LANGUAGE;
use super::problem::{self, Problem};
use super::review::{Reviews, Status};

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
                Problem::folder_error(path, problem::ProblemKind::Unreadable, self.to_string())
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
