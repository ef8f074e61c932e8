//! Matching services to a person: their needs, area, age and language.

use serde::Serialize;

use crate::content::services::{Cost, Directory, Service};
use crate::engine::validate::postcode_district;

/// How many services are suggested per need.
pub const PER_NEED: usize = 3;

/// What is known about the person.
#[derive(Debug, Clone, Copy, Default)]
pub struct Query<'a> {
    /// Need ids, in the order they picked them.
    pub needs: &'a [String],
    /// Normalised postcode, if given.
    pub postcode: Option<&'a str>,
    /// Age in years, if given.
    pub age: Option<u32>,
    /// Their language tag.
    pub language: &'a str,
}

/// Why a service was suggested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", content = "value", rename_all = "snake_case")]
pub enum Reason {
    /// It helps with this need.
    Need(String),
    /// It is in their postcode district.
    SameDistrict(String),
    /// It serves the whole borough.
    Borough,
    /// It works by phone or online, anywhere.
    Anywhere,
    /// Its staff speak their language.
    SpeaksLanguage(String),
    /// It is free.
    Free,
}

/// One suggested service with its reasons.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion<'a> {
    /// The service.
    pub service: &'a Service,
    /// The need it was found for.
    pub need: String,
    /// Why, most important first.
    pub reasons: Vec<Reason>,
}

/// Up to [`PER_NEED`] services per need, best first, each service at most once.
pub fn suggest<'a>(dir: &'a Directory, q: &Query<'_>) -> Vec<Suggestion<'a>> {
    let district = q.postcode.map(postcode_district);
    let in_borough = district.is_some_and(|d| dir.borough.iter().any(|b| b == d));
    let lang_base = q.language.split('-').next().unwrap_or(q.language);
    let mut out: Vec<Suggestion<'a>> = Vec::new();
    for need in q.needs {
        let mut ranked: Vec<(u8, bool, bool, usize, Suggestion<'a>)> = Vec::new();
        for (i, s) in dir.for_need(need) {
            if out.iter().any(|o| o.service.id == s.id) {
                continue;
            }
            if let Some(age) = q.age
                && (s.min_age.is_some_and(|m| age < m) || s.max_age.is_some_and(|m| age > m))
            {
                continue;
            }
            let mut reasons = vec![Reason::Need(need.clone())];
            let area_rank = if let Some(d) = district.filter(|d| s.areas.iter().any(|a| a == d)) {
                reasons.push(Reason::SameDistrict(d.to_string()));
                0
            } else if s.areas.iter().any(|a| a == "borough") && (in_borough || district.is_none()) {
                reasons.push(Reason::Borough);
                1
            } else if s.areas.iter().any(|a| a == "anywhere") {
                reasons.push(Reason::Anywhere);
                2
            } else {
                continue;
            };
            let speaks = lang_base != "en"
                && s.languages
                    .iter()
                    .any(|l| l.split('-').next().unwrap_or(l) == lang_base);
            if speaks {
                reasons.push(Reason::SpeaksLanguage(q.language.to_string()));
            }
            let free = s.cost == Cost::Free;
            if free {
                reasons.push(Reason::Free);
            }
            ranked.push((
                area_rank,
                !speaks,
                !free,
                i,
                Suggestion {
                    service: s,
                    need: need.clone(),
                    reasons,
                },
            ));
        }
        ranked.sort_by_key(|r| (r.0, r.1, r.2, r.3));
        out.extend(ranked.into_iter().take(PER_NEED).map(|r| r.4));
    }
    out
}
