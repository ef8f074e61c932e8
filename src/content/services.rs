//! The bundled service directory (`services/*.toml`), modelled on Open Referral UK fields.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::problem::{Problem, ProblemKind, line_of, parse_toml};

/// How much a service costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cost {
    /// Free at the point of use.
    Free,
    /// A small charge or concessions.
    LowCost,
    /// Full price.
    Paid,
}

/// One service in the directory.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Stable id, used in referrals.
    pub id: String,
    /// The service's name.
    pub name: String,
    /// Who runs it.
    pub organisation: String,
    /// Short description in English.
    pub description: String,
    /// Descriptions in other languages, by tag.
    #[serde(default)]
    pub translations: BTreeMap<String, String>,
    /// Need ids (the dialogue's choice ids) it helps with.
    pub needs: Vec<String>,
    /// Postcode districts served (`E1`, `E14`), `borough`, or `anywhere` (phone or online).
    pub areas: Vec<String>,
    /// Phone number to show.
    #[serde(default)]
    pub phone: Option<String>,
    /// Website to show.
    #[serde(default)]
    pub website: Option<String>,
    /// Free, low cost or paid.
    pub cost: Cost,
    /// Youngest age served.
    #[serde(default)]
    pub min_age: Option<u32>,
    /// Oldest age served.
    #[serde(default)]
    pub max_age: Option<u32>,
    /// Languages spoken by staff, as tags.
    #[serde(default)]
    pub languages: Vec<String>,
}

/// Every service, in file order.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    /// Postcode districts that make up the borough.
    pub borough: Vec<String>,
    /// The services.
    pub services: Vec<Service>,
    /// Line of each service in its file, by id, for later checks.
    pub lines: BTreeMap<String, (std::path::PathBuf, usize)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    schema: Spanned<u32>,
    #[serde(default)]
    borough: Vec<String>,
    #[serde(default, rename = "service")]
    services: Vec<Spanned<Service>>,
}

impl Directory {
    /// Adds one services file, reporting syntax errors and duplicate ids by line.
    pub fn add_file(&mut self, path: &Path, source: &str) -> Vec<Problem> {
        let mut problems = Vec::new();
        let raw: RawFile = match parse_toml(path, source, |r: &RawFile| &r.schema) {
            Ok(r) => r,
            Err(p) => return vec![p],
        };
        self.borough.extend(raw.borough);
        for s in raw.services {
            let line = line_of(source, s.span().start);
            let s = s.into_inner();
            if let Some((p, l)) = self.lines.get(&s.id) {
                problems.push(Problem::error(
                    path,
                    line,
                    ProblemKind::DuplicateId,
                    format!(
                        "service id \"{}\" is already used at {}:{l}",
                        s.id,
                        p.display()
                    ),
                ));
                continue;
            }
            self.lines.insert(s.id.clone(), (path.to_path_buf(), line));
            self.services.push(s);
        }
        problems
    }

    /// The service with this id.
    pub fn get(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }
}
