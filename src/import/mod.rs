//! `signpost services import`: an Open Referral UK / HSDS JSON export into directory entries.
//!
//! Real council exports are messy, and this takes them as they come: a bare list or a paged
//! object (`contents`, `content`, `items`, `data`, `results`), service-at-location rows,
//! HSDS 3 and v1-era fields, HTML in descriptions, missing taxonomies. Each record is imported
//! whole or skipped with its id and the reason; nothing is half-imported.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use serde_json::Value;

pub use crate::content::mapping::Mapping;
use crate::content::services::Service;
use crate::validate::clean_text;

mod audience;
mod limits;
mod opening;
mod place;
mod record;
pub use limits::{MAX_FIELD_CHARS, MAX_FILE_BYTES, MAX_NAME_CHARS};
use limits::{MAX_ID_SHOWN, bound};
pub use record::plain_text;
use record::{convert, text};

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
}
