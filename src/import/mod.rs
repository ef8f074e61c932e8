//! `signpost services import`: an Open Referral UK / HSDS JSON export into directory entries.
//!
//! Real council exports are messy, and this takes them as they come: a bare list or a paged
//! object (`contents`, `content`, `items`, `data`, `results`), service-at-location rows,
//! HSDS 3 and v1-era fields, HTML in descriptions, missing taxonomies. Each record is imported
//! whole or skipped with its id and the reason; nothing is half-imported.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use crate::content::problem::{Problem, ProblemKind, line_of, parse_toml};
use crate::content::services::Service;
use crate::engine::validate::clean_text;

mod record;
pub use record::plain_text;
use record::{convert, text};

/// The largest export read, in bytes (checked before reading).
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;
/// The longest service name kept, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest text read from any field, in characters: a description is cut there (it is
/// shortened further for the directory), a record with any other longer text is skipped.
pub const MAX_FIELD_CHARS: usize = 5_000;
/// The longest record id shown in the report, in characters.
const MAX_ID_SHOWN: usize = 100;

const TOO_LONG_NAME: &str = "name longer than 200 characters";
const TOO_LONG_TEXT: &str = "field longer than 5000 characters";

/// How taxonomy terms and keywords map to the dialogue's need ids (`services/mapping.toml`).
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    /// Taxonomy term, lower case → need id.
    pub taxonomy: BTreeMap<String, String>,
    /// Need id → keywords looked for in the name and description when no term maps.
    pub keywords: BTreeMap<String, Vec<String>>,
    /// Each need id used, with its line, for `check`.
    lines: Vec<(String, usize)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMapping {
    schema: toml::Spanned<u32>,
    #[serde(default)]
    taxonomy: BTreeMap<String, toml::Spanned<String>>,
    #[serde(default)]
    keywords: BTreeMap<toml::Spanned<String>, Vec<String>>,
}

impl Mapping {
    /// Parses the mapping file.
    pub fn parse(path: &Path, source: &str) -> Result<Mapping, Problem> {
        let raw: RawMapping = parse_toml(path, source, |r: &RawMapping| &r.schema)?;
        let mut lines = Vec::new();
        let taxonomy = raw
            .taxonomy
            .into_iter()
            .map(|(term, need)| {
                lines.push((need.get_ref().clone(), line_of(source, need.span().start)));
                (term.to_lowercase(), need.into_inner())
            })
            .collect();
        let keywords = raw
            .keywords
            .into_iter()
            .map(|(need, words)| {
                lines.push((need.get_ref().clone(), line_of(source, need.span().start)));
                (
                    need.into_inner(),
                    words.into_iter().map(|w| w.to_lowercase()).collect(),
                )
            })
            .collect();
        Ok(Mapping {
            taxonomy,
            keywords,
            lines,
        })
    }

    /// Need ids in the mapping that no dialogue offers.
    pub fn check(&self, path: &Path, needs: &BTreeSet<String>) -> Vec<Problem> {
        self.lines
            .iter()
            .filter(|(n, _)| !needs.contains(n))
            .map(|(n, line)| {
                Problem::error(
                    path,
                    *line,
                    ProblemKind::UnknownNeed,
                    format!("the mapping names need \"{n}\", which no dialogue offers"),
                )
            })
            .collect()
    }

    /// Need ids for a record: its taxonomy terms first, then keywords, else `other`.
    fn needs(&self, terms: &[String], text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in terms {
            if let Some(n) = self.taxonomy.get(&t.to_lowercase())
                && !out.contains(n)
            {
                out.push(n.clone());
            }
        }
        if out.is_empty() {
            let text = text.to_lowercase();
            for (need, words) in &self.keywords {
                if words.iter().any(|w| contains_word(&text, w)) {
                    out.push(need.clone());
                }
            }
        }
        if out.is_empty() {
            out.push("other".to_string());
        }
        out
    }
}

fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Why an import could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file is not JSON.
    #[error("{path} is not JSON ({detail})")]
    NotJson {
        /// The file.
        path: String,
        /// Where it broke.
        detail: String,
    },
    /// JSON, but no list of services in it.
    #[error(
        "{0} holds no list of services (expected a list, or an object with `contents`, `content`, `items`, `data` or `results`)"
    )]
    NoServices(String),
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error(
        "{path} is {mb} MB; signpost imports exports of at most {} MB. Split it, or export one area at a time",
        MAX_FILE_BYTES / (1024 * 1024)
    )]
    TooLarge {
        /// The file.
        path: String,
        /// Its size in MB (rounded up).
        mb: u64,
    },
    /// The file cannot be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

/// Reads an export file, refusing one larger than [`MAX_FILE_BYTES`] before reading it.
pub fn read_export(path: &Path) -> Result<String, ImportError> {
    let read = |source| ImportError::Read {
        path: path.display().to_string(),
        source,
    };
    let size = std::fs::metadata(path).map_err(read)?.len();
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            path: path.display().to_string(),
            mb: size.div_ceil(1024 * 1024),
        });
    }
    // Read at most one byte past the cap: a pipe or a device reports no size.
    let mut text = String::new();
    let file = std::fs::File::open(path).map_err(read)?;
    std::io::Read::read_to_string(
        &mut std::io::Read::take(file, MAX_FILE_BYTES + 1),
        &mut text,
    )
    .map_err(read)?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            path: path.display().to_string(),
            mb: MAX_FILE_BYTES.div_ceil(1024 * 1024) + 1,
        });
    }
    Ok(text)
}

/// The comment opening a written directory file, naming the export it came from (its name
/// cleaned of control characters, which a TOML comment cannot hold).
pub fn header(file_name: &str, today: NaiveDate) -> String {
    format!(
        "# Imported by `signpost services import` from {} on {today}.\n# Edit the export or services/mapping.toml and import again rather than editing here.\n\n",
        clean_text(file_name)
    )
}

/// What happened to each record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// How many were imported.
    pub imported: usize,
    /// Record id (or position) and the reason, for each skipped one.
    pub skipped: Vec<(String, String)>,
}

impl Report {
    /// "Imported 41 services; skipped 3 (2 with no name, 1 inactive)."
    pub fn summary(&self) -> String {
        let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, r) in &self.skipped {
            *reasons.entry(r.as_str()).or_default() += 1;
        }
        let why = reasons
            .iter()
            .map(|(r, n)| format!("{n} {r}"))
            .collect::<Vec<_>>()
            .join(", ");
        if self.skipped.is_empty() {
            format!("Imported {} services; skipped none.", self.imported)
        } else {
            format!(
                "Imported {} services; skipped {} ({why}).",
                self.imported,
                self.skipped.len()
            )
        }
    }
}

/// Reads an HSDS export. Returns the entries to write and the report.
pub fn import(
    path: &str,
    json: &str,
    mapping: &Mapping,
    today: NaiveDate,
) -> Result<(Vec<Service>, Report), ImportError> {
    let root: Value = serde_json::from_str(json).map_err(|e| ImportError::NotJson {
        path: path.to_string(),
        detail: e.to_string(),
    })?;
    let no_services = || ImportError::NoServices(path.to_string());
    let records = match root {
        Value::Array(a) => a,
        Value::Object(mut o) => {
            let key = ["contents", "content", "items", "data", "results"]
                .into_iter()
                .find(|k| o.get(*k).is_some_and(Value::is_array));
            match key.and_then(|k| o.remove(k)) {
                Some(Value::Array(a)) => a,
                _ if o.contains_key("name") => vec![Value::Object(o)],
                _ => return Err(no_services()),
            }
        }
        _ => return Err(no_services()),
    };
    let mut out: Vec<Service> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut report = Report::default();
    for (i, mut record) in records.into_iter().enumerate() {
        let fits = bound(&mut record);
        // A service-at-location row holds the service and its location side by side.
        let (service, extra_location) = match record.get("service") {
            Some(s) if s.is_object() => (s, record.get("location")),
            _ => (&record, None),
        };
        let id = text(service.get("id"))
            .map(|id| clean_text(&id))
            .filter(|id| !id.is_empty() && id.chars().count() <= MAX_ID_SHOWN)
            .unwrap_or_else(|| format!("record {}", i + 1));
        match fits.and_then(|()| convert(service, extra_location, mapping, today)) {
            Err(reason) => report.skipped.push((id, reason.to_string())),
            Ok(s) if seen.contains(&s.id) => report.skipped.push((id, "duplicate id".to_string())),
            Ok(s) => {
                seen.insert(s.id.clone());
                out.push(s);
            }
        }
    }
    report.imported = out.len();
    Ok((out, report))
}

/// Holds a record to the field caps: a description is cut at [`MAX_FIELD_CHARS`]; a name or
/// any other text longer refuses the record (before any work is done on it).
fn bound(v: &mut Value) -> Result<(), &'static str> {
    match v {
        Value::Array(items) => items.iter_mut().try_for_each(bound),
        Value::Object(fields) => {
            for (key, value) in fields.iter_mut() {
                match value {
                    Value::String(s) if s.len() > MAX_FIELD_CHARS => {
                        if s.chars().count() <= MAX_FIELD_CHARS {
                            continue;
                        }
                        match key.as_str() {
                            "description" => *s = s.chars().take(MAX_FIELD_CHARS).collect(),
                            "name" => return Err(TOO_LONG_NAME),
                            _ => return Err(TOO_LONG_TEXT),
                        }
                    }
                    other => bound(other)?,
                }
            }
            Ok(())
        }
        Value::String(s) if s.len() > MAX_FIELD_CHARS && s.chars().count() > MAX_FIELD_CHARS => {
            Err(TOO_LONG_TEXT)
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_times_in_any_digits_do_not_break_the_import() {
        let record = serde_json::json!([{
            "id": "x", "name": "Cafe",
            "regular_schedules": [{"weekday": "Friday", "opens_at": "١٠:٠٠:٠٠", "closes_at": "1"}]
        }]);
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
        let (services, report) =
            import("x.json", &record.to_string(), &Mapping::default(), today).expect("imports");
        assert_eq!(report.imported, 1);
        assert_eq!(services[0].opening.as_deref(), Some("Friday ١٠:٠٠-1"));
    }

    #[test]
    fn keywords_match_whole_words() {
        assert!(contains_word("debt advice", "debt"));
        assert!(!contains_word("indebted", "debt"));
    }
}
