//! What `check` says about review marks: a warning for each translation reviewed once but
//! changed since, and the per-language counts `check --languages` prints.

use std::path::Path;

use super::review::{Catalogue, Changed, REVIEW_FILE, Status};
use super::{Content, Problem, ProblemKind, locales};

/// One language's counts for `check --languages`, over every English message and attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageCounts {
    /// Its tag.
    pub tag: String,
    /// Its name in its own script.
    pub name: String,
    /// Texts approved by a native speaker and unchanged since.
    pub reviewed: usize,
    /// Texts translated but not (or no longer) approved; includes `changed`.
    pub draft: usize,
    /// Of the drafts, those reviewed once whose English or translation changed since.
    pub changed: usize,
    /// Texts not translated (people see the English).
    pub missing: usize,
    /// Every text English has.
    pub total: usize,
}

impl Content {
    /// Warnings for reviewed translations changed since their review, at the translation's
    /// line, and for marks naming a text English does not have.
    pub(super) fn check_reviews(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        for lang in &self.locales.languages {
            if lang.tag == locales::DEFAULT_LANGUAGE {
                continue;
            }
            // Review marks are for editors: one that cannot be read never stops the bot.
            let catalogue = match self.catalogue(&lang.tag) {
                Ok(c) => c,
                Err(p) => {
                    problems.push(Problem {
                        severity: super::problem::Severity::Warning,
                        ..p
                    });
                    continue;
                }
            };
            let rows = catalogue.rows();
            for row in &rows {
                let Status::Changed(what) = row.status else {
                    continue;
                };
                let (path, line) = row.location();
                let since = catalogue
                    .reviews
                    .reviewed
                    .get(&row.id())
                    .map(|m| m.date.to_string())
                    .unwrap_or_default();
                let what = match what {
                    Changed::English => "its English text has changed since",
                    Changed::Translation => "the translation was edited since",
                    Changed::Both => "its English text and the translation have changed since",
                };
                problems.push(Problem::warning(
                    &path,
                    line,
                    ProblemKind::NeedsReview,
                    format!(
                        "\"{}\" ({}) was reviewed on {since}, but {what}: it counts as a draft until a native speaker reviews it again (signpost translations export --lang {})",
                        row.id(),
                        lang.tag,
                        lang.tag
                    ),
                ));
            }
            let ids: std::collections::BTreeSet<String> = rows.iter().map(|r| r.id()).collect();
            for id in catalogue.reviews.reviewed.keys() {
                if !ids.contains(id) {
                    problems.push(Problem::warning(
                        &Path::new("locales").join(&lang.tag).join(REVIEW_FILE),
                        0,
                        ProblemKind::NeedsReview,
                        format!(
                            "a review mark names \"{id}\", which {} does not have; it is ignored",
                            locales::DEFAULT_LANGUAGE
                        ),
                    ));
                }
            }
        }
        problems
    }

    /// English and language `tag` read for review, or the problem that stops it.
    pub fn catalogue(&self, tag: &str) -> Result<Catalogue, Problem> {
        Catalogue::read(&self.root.join("locales"), Path::new("locales"), tag)
            .map_err(|e| e.to_problem())
    }

    /// One row per language for `check --languages`: reviewed, draft, changed and missing texts
    /// (English, the source, is all reviewed). A language whose files cannot be read counts
    /// everything as missing (`check` says why).
    pub fn language_table(&self) -> Vec<LanguageCounts> {
        self.locales
            .languages
            .iter()
            .map(|l| {
                let mut counts = LanguageCounts {
                    tag: l.tag.clone(),
                    name: l.name.clone(),
                    reviewed: 0,
                    draft: 0,
                    changed: 0,
                    missing: 0,
                    total: 0,
                };
                if let Ok(c) = self.catalogue(&l.tag) {
                    for row in c.rows() {
                        counts.total += 1;
                        match row.status {
                            Status::Reviewed => counts.reviewed += 1,
                            Status::Draft => counts.draft += 1,
                            Status::Changed(_) => {
                                counts.draft += 1;
                                counts.changed += 1;
                            }
                            Status::Missing => counts.missing += 1,
                        }
                    }
                }
                counts
            })
            .collect()
    }
}
