//! The service directory (`services/*.toml`), modelled on Open Referral UK (HSDS) fields, in a
//! format a non-developer can edit; checked by `signpost check`.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::problem::{Lines, Problem, ProblemKind, parse_toml};
use crate::engine::validate::{uk_phone, uk_postcode};

/// The file of taxonomy and keyword rules used by `services import`; not a directory file.
pub const MAPPING_FILE: &str = "mapping.toml";
/// Entries not reviewed for longer than this are reported by `check`.
pub const REVIEW_DAYS: i64 = 365;

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
    /// Not known (imported without cost information).
    Unknown,
}

/// How people get to use a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    /// Just turn up.
    DropIn,
    /// Contact them yourself.
    SelfRefer,
    /// A professional (such as a social prescriber) refers you.
    Referral,
}

/// One service in the directory.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
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
    /// Descriptions in other languages, by tag (English is the fallback).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, String>,
    /// Need ids (the dialogue's choice ids) it helps with.
    pub needs: Vec<String>,
    /// Postcode districts served (`E1`, `E14`), `borough`, or `anywhere` (phone or online).
    pub areas: Vec<String>,
    /// Street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Postcode of the address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// Phone number to show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Free, low cost, paid or unknown.
    pub cost: Cost,
    /// Youngest age served.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<u32>,
    /// Oldest age served.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<u32>,
    /// Who it is for, in words ("carers", "women").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who_for: Option<String>,
    /// Languages spoken by staff, as tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Opening times, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<String>,
    /// How to use it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
    /// When someone last checked the entry (`2026-03-01`, as a TOML date or a string).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "review_date")]
    pub reviewed: Option<NaiveDate>,
}

/// Dates written as TOML dates (`2026-03-01`) or strings (`"2026-03-01"`).
mod review_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Date(toml::value::Datetime),
        Text(String),
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let text = match Option::<Raw>::deserialize(d)? {
            None => return Ok(None),
            Some(Raw::Date(dt)) => dt.to_string(),
            Some(Raw::Text(s)) => s,
        };
        NaiveDate::parse_from_str(text.get(..10).unwrap_or(&text), "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                serde::de::Error::custom(format!("{text:?} is not a date like 2026-03-01"))
            })
    }

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d.and_then(|d| {
            d.format("%Y-%m-%d")
                .to_string()
                .parse::<toml::value::Datetime>()
                .ok()
        }) {
            Some(dt) => serde::Serialize::serialize(&dt, s),
            None => s.serialize_none(),
        }
    }
}

/// Every service, in file order, with an index by need.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    /// Postcode districts that make up the borough.
    pub borough: Vec<String>,
    /// The services.
    pub services: Vec<Service>,
    /// Where each service is defined, by id, for messages.
    pub lines: HashMap<String, (PathBuf, usize)>,
    /// Services by (need, area), each list in rank order (cost, then file order).
    by_area: HashMap<(String, String), Vec<usize>>,
    /// Services by (need, area, language spoken), in the same order.
    by_language: HashMap<(String, String, String), Vec<usize>>,
}

/// How [`Directory::index`] adds a service to a list.
#[derive(Clone, Copy)]
enum Placing {
    /// At the end; the caller sorts afterwards (loading a file).
    Append,
    /// After every service of the same or lower cost rank (one service at a time).
    InOrder,
}

impl Placing {
    fn place(self, list: &mut Vec<usize>, i: usize, rank: u8, services: &[Service]) {
        match self {
            Placing::Append => list.push(i),
            Placing::InOrder => {
                let at = list.partition_point(|&j| cost_rank(services[j].cost) <= rank);
                list.insert(at, i);
            }
        }
    }
}

/// Overwrites `buf` with `s`, keeping its allocation.
fn set(buf: &mut String, s: &str) {
    buf.clear();
    buf.push_str(s);
}

/// Cheaper first: free, low cost, unknown, paid.
pub fn cost_rank(c: Cost) -> u8 {
    match c {
        Cost::Free => 0,
        Cost::LowCost => 1,
        Cost::Unknown => 2,
        Cost::Paid => 3,
    }
}

/// The primary language subtag: `bn` for `bn-BD`.
pub fn base_language(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
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

/// A TOML directory file's text for `services`, as `services import` writes it.
pub fn to_toml(services: &[Service], header: &str) -> Result<String, toml::ser::Error> {
    #[derive(Serialize)]
    struct Out<'a> {
        schema: u32,
        service: &'a [Service],
    }
    let body = toml::to_string(&Out {
        schema: super::dialogue::SCHEMA,
        service: services,
    })?;
    Ok(format!("{header}{body}"))
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
        let mut lines = Lines::new(source);
        let first = self.services.len();
        self.services.reserve(raw.services.len());
        self.lines.reserve(raw.services.len());
        for s in raw.services {
            let line = lines.line(s.span().start);
            let s = s.into_inner();
            match self.lines.entry(s.id.clone()) {
                Entry::Occupied(seen) => {
                    let (p, l) = seen.get();
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
                }
                Entry::Vacant(slot) => {
                    slot.insert((path.to_path_buf(), line));
                    self.services.push(s);
                }
            }
        }
        self.index(first, Placing::Append);
        for list in self
            .by_area
            .values_mut()
            .chain(self.by_language.values_mut())
        {
            // Stable: within a cost, services stay in file order.
            if !list.is_sorted_by_key(|&j| cost_rank(self.services[j].cost)) {
                list.sort_by_key(|&j| cost_rank(self.services[j].cost));
            }
        }
        problems
    }

    /// Adds a service (used by tests and benchmarks), keeping every index in rank order.
    pub fn push(&mut self, s: Service) {
        self.services.push(s);
        self.index(self.services.len() - 1, Placing::InOrder);
    }

    /// Lists the services from `first` on under each (need, area) and (need, area, language)
    /// they serve, each key once even if an entry repeats a need, area or language.
    fn index(&mut self, first: usize, placing: Placing) {
        let Directory {
            services,
            by_area,
            by_language,
            ..
        } = self;
        // Keys are looked up through reused buffers, so only a new key allocates.
        let mut area_key = (String::new(), String::new());
        let mut lang_key = (String::new(), String::new(), String::new());
        for (i, s) in services.iter().enumerate().skip(first) {
            let mut areas: Vec<(&str, &str)> = Vec::new();
            let mut langs: Vec<(&str, &str, &str)> = Vec::new();
            for need in &s.needs {
                for area in &s.areas {
                    areas.push((need, area));
                    for lang in &s.languages {
                        langs.push((need, area, base_language(lang)));
                    }
                }
            }
            areas.sort_unstable();
            areas.dedup();
            langs.sort_unstable();
            langs.dedup();
            let rank = cost_rank(s.cost);
            for (need, area) in areas {
                set(&mut area_key.0, need);
                set(&mut area_key.1, area);
                match by_area.get_mut(&area_key) {
                    Some(list) => placing.place(list, i, rank, services),
                    None => {
                        by_area.insert(area_key.clone(), vec![i]);
                    }
                }
            }
            for (need, area, lang) in langs {
                set(&mut lang_key.0, need);
                set(&mut lang_key.1, area);
                set(&mut lang_key.2, lang);
                match by_language.get_mut(&lang_key) {
                    Some(list) => placing.place(list, i, rank, services),
                    None => {
                        by_language.insert(lang_key.clone(), vec![i]);
                    }
                }
            }
        }
    }

    /// Services for `need` listing `area`, cheapest first, then in file order.
    pub fn in_area(&self, need: &str, area: &str) -> &[usize] {
        self.by_area
            .get(&(need.to_string(), area.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    /// As [`Directory::in_area`], only those whose staff speak `lang` (a base subtag).
    pub fn in_area_speaking(&self, need: &str, area: &str, lang: &str) -> &[usize] {
        self.by_language
            .get(&(need.to_string(), area.to_string(), lang.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    /// The service with this id.
    pub fn get(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    /// Problems in entries that parse: bad postcodes, phones, areas and ages, and entries not
    /// reviewed for a year.
    pub fn check_entries(&self, today: NaiveDate) -> Vec<Problem> {
        let mut problems = Vec::new();
        for s in &self.services {
            let (path, line) = self.lines.get(&s.id).cloned().unwrap_or_default();
            let mut err = |kind, msg: String| problems.push(Problem::error(&path, line, kind, msg));
            if let Some(pc) = &s.postcode
                && uk_postcode(pc).is_none()
            {
                err(
                    ProblemKind::InvalidField,
                    format!(
                        "service \"{}\": postcode \"{pc}\" is not a UK postcode",
                        s.id
                    ),
                );
            }
            if let Some(ph) = &s.phone
                && uk_phone(ph).is_none()
            {
                err(
                    ProblemKind::InvalidField,
                    format!(
                        "service \"{}\": phone \"{ph}\" is not a UK phone number",
                        s.id
                    ),
                );
            }
            for a in &s.areas {
                let ok = a == "borough" || a == "anywhere" || is_district(a);
                if !ok {
                    err(
                        ProblemKind::InvalidField,
                        format!(
                            "service \"{}\": area \"{a}\" is not a postcode district (like E1 or E14), \"borough\" or \"anywhere\"",
                            s.id
                        ),
                    );
                }
            }
            if s.areas.is_empty() {
                err(
                    ProblemKind::InvalidField,
                    format!(
                        "service \"{}\" has no areas, so it will never be suggested",
                        s.id
                    ),
                );
            }
            if let (Some(lo), Some(hi)) = (s.min_age, s.max_age)
                && lo > hi
            {
                err(
                    ProblemKind::InvalidField,
                    format!("service \"{}\": min_age {lo} is above max_age {hi}", s.id),
                );
            }
            match s.reviewed {
                Some(d) if (today - d).num_days() > REVIEW_DAYS => problems.push(Problem::warning(
                    &path,
                    line,
                    ProblemKind::Stale,
                    format!("service \"{}\" was last reviewed on {d}, over a year ago: check it is still right", s.id),
                )),
                None => problems.push(Problem::warning(
                    &path,
                    line,
                    ProblemKind::Stale,
                    format!("service \"{}\" has no `reviewed` date", s.id),
                )),
                _ => {}
            }
        }
        problems
    }
}

/// True for an outward postcode ("district") such as `E1`, `E1W`, `E14`, `SW1A`.
pub fn is_district(s: &str) -> bool {
    let b = s.as_bytes();
    (2..=4).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b.iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && b.iter().any(u8::is_ascii_digit)
}
