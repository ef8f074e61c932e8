//! Matching services to a person: their needs, area, age and language.
//!
//! Ranking, for each need: same postcode district, then the whole borough, then phone or
//! online; within each, services speaking the person's language; then free, low cost, unknown,
//! paid; then file order. The directory keeps its lists in that order, so a match reads only
//! the first few eligible entries of a handful of lists, however big the directory.

use std::collections::HashSet;

use serde::Serialize;

use crate::content::services::{Cost, Directory, Service, base_language};
use crate::validate::postcode_district;

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

impl std::fmt::Display for Reason {
    /// The reason in plain English, for `services match`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::Need(n) => write!(f, "need {n}"),
            Reason::SameDistrict(d) => write!(f, "in {d}"),
            Reason::Borough => f.write_str("whole borough"),
            Reason::Anywhere => f.write_str("phone or online"),
            Reason::SpeaksLanguage(l) => write!(f, "speaks {l}"),
            Reason::Free => f.write_str("free"),
        }
    }
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

/// Up to [`PER_NEED`] services per need, each service at most once, best first.
pub fn suggest<'a>(dir: &'a Directory, q: &Query<'_>) -> Vec<Suggestion<'a>> {
    let district = q.postcode.map(postcode_district);
    let in_borough = district.is_some_and(|d| dir.borough.iter().any(|b| b == d));
    let lang = base_language(q.language);
    let speaks = |s: &Service| lang != "en" && s.languages.iter().any(|l| base_language(l) == lang);
    let eligible = |s: &Service| {
        q.age.is_none_or(|age| {
            s.min_age.is_none_or(|m| age >= m) && s.max_age.is_none_or(|m| age <= m)
        })
    };
    let mut levels: Vec<(&str, Reason)> = Vec::new();
    if let Some(d) = district {
        levels.push((d, Reason::SameDistrict(d.to_string())));
    }
    if in_borough || district.is_none() {
        levels.push(("borough", Reason::Borough));
    }
    levels.push(("anywhere", Reason::Anywhere));

    let mut taken: HashSet<usize> = HashSet::new();
    let mut out: Vec<Suggestion<'a>> = Vec::new();
    for need in q.needs {
        let mut count = 0;
        'levels: for (area, area_reason) in &levels {
            let speaking = if lang == "en" {
                &[][..]
            } else {
                dir.in_area_speaking(need, area, lang)
            };
            for &i in speaking.iter().chain(dir.in_area(need, area)) {
                let s = &dir.services[i];
                if taken.contains(&i) || !eligible(s) {
                    continue;
                }
                taken.insert(i);
                let mut reasons = vec![Reason::Need(need.clone()), area_reason.clone()];
                if speaks(s) {
                    reasons.push(Reason::SpeaksLanguage(q.language.to_string()));
                }
                if s.cost == Cost::Free {
                    reasons.push(Reason::Free);
                }
                out.push(Suggestion {
                    service: s,
                    need: need.clone(),
                    reasons,
                });
                count += 1;
                if count == PER_NEED {
                    break 'levels;
                }
            }
        }
    }
    out
}

/// The needs in `q` that `found` meets with no service within reach: nothing found for the
/// need, or only borough-wide and phone or online services. Recorded per referral as the
/// directory's gaps.
pub fn unmet(q: &Query<'_>, found: &[Suggestion<'_>]) -> Vec<String> {
    q.needs
        .iter()
        .filter(|need| {
            !found.iter().any(|f| {
                &f.need == *need
                    && f.reasons
                        .iter()
                        .any(|r| matches!(r, Reason::SameDistrict(_)))
            })
        })
        .cloned()
        .collect()
}
