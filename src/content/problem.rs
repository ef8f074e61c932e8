//! Typed problems found while loading or checking content, each with a file and a line.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is: errors stop the bot from starting, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Content that cannot be used as it is.
    Error,
    /// Content that works but that an editor should look at.
    Warning,
}

/// The stable name of each kind of problem, shown in brackets by `signpost check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProblemKind {
    /// A file or folder could not be read.
    Unreadable,
    /// TOML or Fluent syntax that does not parse.
    Syntax,
    /// A `schema` version this build does not understand.
    UnsupportedSchema,
    /// A field that is missing, unknown or has the wrong value.
    InvalidField,
    /// Two things with the same id.
    DuplicateId,
    /// A `next`, `on_fail`, `edit` or case pointing at a node that does not exist.
    UnknownTarget,
    /// A node that no path from `start` reaches.
    Unreachable,
    /// A node other than `end` with nowhere to go.
    DeadEnd,
    /// A loop of nodes that never waits for the person.
    EndlessLoop,
    /// A regular expression that does not compile.
    InvalidRegex,
    /// A button whose Telegram payload would exceed 64 bytes.
    PayloadTooLong,
    /// A button label over 40 characters (Telegram truncates it).
    LabelTooLong,
    /// An answer a node needs that is not saved on every path before it.
    MissingRequirement,
    /// A translation's message id that the default language does not have.
    UnknownMessage,
    /// A message id used by a dialogue that a language lacks.
    MissingMessage,
    /// A translation using a variable the English message does not have.
    UnknownVariable,
    /// A message that leaves out a variable people must see (the referral reference).
    MissingVariable,
    /// A language folder whose name is not a valid language tag.
    InvalidLanguage,
    /// A service naming a need the dialogue does not offer.
    UnknownNeed,
    /// A service entry not reviewed for over a year.
    Stale,
    /// A crisis rule phrase that cannot be read.
    InvalidPhrase,
    /// A crisis example that no longer fires, or a near-miss that does.
    CrisisExample,
    /// A shipped language without crisis rules of every kind.
    MissingCrisisRules,
    /// The same synonym (or label) for two buttons of one question.
    SharedSynonym,
    /// A text longer than Telegram accepts (the bot's description, a command's description).
    TooLong,
    /// A reviewed translation whose English or own text changed since its review.
    NeedsReview,
}

impl ProblemKind {
    /// The kebab-case name printed by `check`.
    pub fn name(self) -> &'static str {
        match self {
            ProblemKind::Unreadable => "unreadable",
            ProblemKind::Syntax => "syntax",
            ProblemKind::UnsupportedSchema => "unsupported-schema",
            ProblemKind::InvalidField => "invalid-field",
            ProblemKind::DuplicateId => "duplicate-id",
            ProblemKind::UnknownTarget => "unknown-target",
            ProblemKind::Unreachable => "unreachable",
            ProblemKind::DeadEnd => "dead-end",
            ProblemKind::EndlessLoop => "endless-loop",
            ProblemKind::InvalidRegex => "invalid-regex",
            ProblemKind::PayloadTooLong => "payload-too-long",
            ProblemKind::LabelTooLong => "label-too-long",
            ProblemKind::MissingRequirement => "missing-requirement",
            ProblemKind::UnknownMessage => "unknown-message",
            ProblemKind::MissingMessage => "missing-message",
            ProblemKind::UnknownVariable => "unknown-variable",
            ProblemKind::MissingVariable => "missing-variable",
            ProblemKind::InvalidLanguage => "invalid-language",
            ProblemKind::UnknownNeed => "unknown-need",
            ProblemKind::Stale => "stale",
            ProblemKind::InvalidPhrase => "invalid-phrase",
            ProblemKind::CrisisExample => "crisis-example",
            ProblemKind::MissingCrisisRules => "missing-crisis-rules",
            ProblemKind::SharedSynonym => "shared-synonym",
            ProblemKind::TooLong => "too-long",
            ProblemKind::NeedsReview => "needs-review",
        }
    }
}

/// One problem in one content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, relative to the content folder where possible.
    pub path: PathBuf,
    /// 1-based line, or 0 when the problem is about the whole file or folder.
    pub line: usize,
    /// About a folder (shown as `folder/:`, with no line).
    pub folder: bool,
    /// Error or warning.
    pub severity: Severity,
    /// The stable kind.
    pub kind: ProblemKind,
    /// What is wrong and what to do, for a person.
    pub message: String,
}

impl Problem {
    /// An error at `path:line`.
    pub fn error(path: &Path, line: usize, kind: ProblemKind, message: impl Into<String>) -> Self {
        Problem {
            path: path.to_path_buf(),
            line,
            folder: false,
            severity: Severity::Error,
            kind,
            message: message.into(),
        }
    }

    /// A warning at `path:line`.
    pub fn warning(
        path: &Path,
        line: usize,
        kind: ProblemKind,
        message: impl Into<String>,
    ) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(path, line, kind, message)
        }
    }

    /// An error about a whole folder.
    pub fn folder_error(path: &Path, kind: ProblemKind, message: impl Into<String>) -> Self {
        Problem {
            folder: true,
            ..Problem::error(path, 0, kind, message)
        }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.folder {
            let path = self.path.display().to_string();
            let slash = if path.ends_with('/') { "" } else { "/" };
            return write!(
                f,
                "{path}{slash}: {level}[{}]: {}",
                self.kind.name(),
                self.message
            );
        }
        write!(
            f,
            "{}:{}: {}[{}]: {}",
            self.path.display(),
            self.line.max(1),
            level,
            self.kind.name(),
            self.message
        )
    }
}

/// The schema version this build reads in dialogue, directory and mapping files.
pub const SCHEMA: u32 = 1;

/// Parses a content TOML file whose `schema` must be [`SCHEMA`]; a syntax
/// error or another schema becomes one problem with its line.
pub fn parse_toml<T: serde::de::DeserializeOwned>(
    path: &Path,
    source: &str,
    schema: impl Fn(&T) -> &toml::Spanned<u32>,
) -> Result<T, Problem> {
    parse_toml_schema(path, source, schema, SCHEMA)
}

/// [`parse_toml`] for a file whose `schema` must be `supported`.
pub fn parse_toml_schema<T: serde::de::DeserializeOwned>(
    path: &Path,
    source: &str,
    schema: impl Fn(&T) -> &toml::Spanned<u32>,
    supported: u32,
) -> Result<T, Problem> {
    let value: T = toml::from_str(source).map_err(|e| {
        let line = e.span().map(|s| line_of(source, s.start)).unwrap_or(0);
        Problem::error(path, line, ProblemKind::Syntax, e.message().trim())
    })?;
    let version = schema(&value);
    if *version.get_ref() != supported {
        return Err(Problem::error(
            path,
            line_of(source, version.span().start),
            ProblemKind::UnsupportedSchema,
            format!(
                "schema {} is not supported; this signpost reads schema {supported}",
                version.get_ref(),
            ),
        ));
    }
    Ok(value)
}

/// The 1-based line holding byte `offset` of `source`.
pub fn line_of(source: &str, offset: usize) -> usize {
    let end = offset.min(source.len());
    source.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Line numbers for any offsets in one text, in any order: the newlines are found once, then
/// each lookup is a binary search (counting from the top for each offset is quadratic on the
/// big crisis rule files).
pub struct LineIndex {
    newlines: Vec<usize>,
}

impl LineIndex {
    /// Indexes `source`.
    pub fn new(source: &str) -> LineIndex {
        LineIndex {
            newlines: source
                .bytes()
                .enumerate()
                .filter_map(|(i, b)| (b == b'\n').then_some(i))
                .collect(),
        }
    }

    /// The 1-based line holding byte `offset`, as [`line_of`] counts it.
    pub fn line(&self, offset: usize) -> usize {
        self.newlines.partition_point(|&n| n < offset) + 1
    }
}

/// Line numbers for many offsets in one text, asked in file order: each lookup counts on
/// from the one before (counting from the top each time is quadratic on big files).
pub struct Lines<'a> {
    source: &'a str,
    /// A byte offset and the 1-based line it is on.
    at: (usize, usize),
}

impl<'a> Lines<'a> {
    /// Starts at the top of `source`.
    pub fn new(source: &'a str) -> Lines<'a> {
        Lines { source, at: (0, 1) }
    }

    /// The 1-based line holding byte `offset`. Counting carries on from the last offset asked
    /// about, so asking in file order reads the text once.
    pub fn line(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.source.len());
        if offset < self.at.0 {
            self.at = (0, 1);
        }
        let newlines = self.source.as_bytes()[self.at.0..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at = (offset, self.at.1 + newlines);
        self.at.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_index_agrees_with_counting_from_the_top() {
        let text = "a\nbb\n\nccc\n";
        let index = LineIndex::new(text);
        for offset in 0..text.len() + 3 {
            assert_eq!(index.line(offset), line_of(text, offset), "offset {offset}");
        }
    }

    #[test]
    fn lines_are_counted_in_file_order_and_out_of_it() {
        let text = "a\nbb\n\nccc\n";
        let mut lines = Lines::new(text);
        let expected = |offset: usize| line_of(text, offset);
        for offset in [0, 1, 2, 4, 5, 6, 9, 10, 3, 0, 7, 100] {
            assert_eq!(lines.line(offset), expected(offset), "offset {offset}");
        }
        assert_eq!(Lines::new(text).line(6), 4, "ccc is on line 4");
    }
}
