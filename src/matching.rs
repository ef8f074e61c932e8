//! Matching services to a person: their needs, area, age and language.
//!
//! Eligible for a need: services for that age listing the person's postcode district, the
//! whole `borough` (when they live in it or gave no postcode), or `anywhere` (phone or online).
//!
//! Ranking, for each need, when the person's postcode places them (see [`crate::geo`]):
//! 1. services with a place within [`REACH_KM`], in distance bands ([`BANDS_KM`]); within a
//!    band, those speaking the person's language, then cheaper, then nearer, then file order;
//! 2. services with no known place, as below (district, then borough);
//! 3. services with a place further away, banded and ordered as in 1;
//! 4. phone or online.
//!
//! Otherwise: same postcode district, then the whole borough, then phone or online; within
//! each, services speaking the person's language; then free, low cost, unknown, paid; then file
//! order. The directory keeps its lists in that order and its places in a spatial index, so a
//! match reads only the first few eligible entries of a handful of lists, however big the
//! directory.

use std::collections::HashSet;

use serde::Serialize;

use crate::content::services::{Cost, Directory, Service, base_language};
use crate::geo::{self, Position};
use crate::validate::postcode_district;

mod places;

use places::nearest;

/// How many services are suggested per need.
pub const PER_NEED: usize = 3;

/// How far is "within reach", in km (about 2 miles): a place this close ranks above any
/// service with no known place, and meets the need (see [`unmet`]).
pub const REACH_KM: f64 = 3.0;

/// Upper bounds of the distance bands, in km; past the last, one band of everything further.
/// The bands up to [`REACH_KM`] are the ones within reach.
pub const BANDS_KM: [f64; 4] = [1.0, 2.0, REACH_KM, 5.0];

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
    /// It is this far from them, in metres (both places known).
    Distance {
        /// Metres, rounded to the nearest metre.
        metres: u32,
    },
    /// It is in their postcode district (its place is not known).
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
            Reason::Distance { metres } => write!(f, "{:.1} km away", *metres as f64 / 1000.0),
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
    /// How far it is from the person in km, when both places are known.
    pub distance_km: Option<f64>,
}

/// The band a distance falls in: 0 for up to 1 km, and so on (see [`BANDS_KM`]).
fn band(km: f64) -> usize {
    BANDS_KM
        .iter()
        .position(|&b| km <= b)
        .unwrap_or(BANDS_KM.len())
}

/// What the person asked, worked out once for every need.
struct Person<'q> {
    /// The eligible areas with the reason each gives, nearest first (see [`Person::levels`]).
    levels: Vec<(&'q str, Reason)>,
    lang: &'q str,
    tag: &'q str,
    age: Option<u32>,
    here: Option<Position>,
}

impl Person<'_> {
    fn speaks(&self, s: &Service) -> bool {
        self.lang != "en" && s.languages.iter().any(|l| base_language(l) == self.lang)
    }

    fn eligible(&self, s: &Service) -> bool {
        self.age.is_none_or(|age| {
            s.min_age.is_none_or(|m| age >= m) && s.max_age.is_none_or(|m| age <= m)
        })
    }

    /// The areas whose services are eligible, with the reason each gives, nearest first.
    fn levels(district: Option<&str>, in_borough: bool) -> Vec<(&str, Reason)> {
        let mut levels: Vec<(&str, Reason)> = Vec::new();
        if let Some(d) = district {
            levels.push((d, Reason::SameDistrict(d.to_string())));
        }
        if in_borough || district.is_none() {
            levels.push(("borough", Reason::Borough));
        }
        levels.push(("anywhere", Reason::Anywhere));
        levels
    }
}

/// Up to [`PER_NEED`] services per need, each service at most once, best first.
pub fn suggest<'a>(dir: &'a Directory, q: &Query<'_>) -> Vec<Suggestion<'a>> {
    let district = q.postcode.map(postcode_district);
    let in_borough = district.is_some_and(|d| dir.borough.iter().any(|b| b == d));
    let person = Person {
        levels: Person::levels(district, in_borough),
        lang: base_language(q.language),
        tag: q.language,
        age: q.age,
        here: q.postcode.and_then(geo::locate),
    };
    let levels = &person.levels;
    let mut taken: HashSet<usize> = HashSet::new();
    let mut out: Vec<Suggestion<'a>> = Vec::new();
    for need in q.needs {
        let mut picks: Vec<(usize, Reason, Option<f64>)> = Vec::new();
        let mut phase = 0;
        // Whether places lie beyond those read within reach.
        let mut beyond = true;
        while picks.len() < PER_NEED {
            let slots = PER_NEED - picks.len();
            let (here, last) = (person.here.is_some(), levels.len() - 1);
            let found = match (here, phase) {
                (true, 0) => {
                    let (found, read_all) = nearest(dir, need, &person, &taken, slots, false);
                    beyond = !read_all;
                    found
                }
                (true, 1) => in_order(dir, need, &person, &taken, slots, &levels[..last], true),
                (true, 2) if beyond => nearest(dir, need, &person, &taken, slots, true).0,
                (true, 2) => Vec::new(),
                (true, 3) => in_order(dir, need, &person, &taken, slots, &levels[last..], false),
                (false, 0) => in_order(dir, need, &person, &taken, slots, levels, false),
                _ => break,
            };
            taken.extend(found.iter().map(|f| f.0));
            picks.extend(found);
            phase += 1;
        }
        for (i, why, km) in picks {
            let s = &dir.services[i];
            let mut reasons = vec![Reason::Need(need.clone()), why];
            if person.speaks(s) {
                reasons.push(Reason::SpeaksLanguage(person.tag.to_string()));
            }
            if s.cost == Cost::Free {
                reasons.push(Reason::Free);
            }
            out.push(Suggestion {
                service: s,
                need: need.clone(),
                reasons,
                distance_km: km,
            });
        }
    }
    out
}

fn distance(km: f64) -> Reason {
    Reason::Distance {
        metres: (km * 1000.0).round() as u32,
    }
}

/// Up to `slots` eligible services for `need`, level by level: those speaking the person's
/// language first, then the rest, each list cheapest first then in file order. Only those with
/// no known place when `unplaced`.
fn in_order(
    dir: &Directory,
    need: &str,
    person: &Person<'_>,
    taken: &HashSet<usize>,
    slots: usize,
    levels: &[(&str, Reason)],
    unplaced: bool,
) -> Vec<(usize, Reason, Option<f64>)> {
    let mut found: Vec<(usize, Reason, Option<f64>)> = Vec::new();
    for (area, why) in levels {
        let (speaking, all) = match (unplaced, person.lang == "en") {
            (true, true) => (&[][..], dir.unplaced_in_area(need, area)),
            (true, false) => (
                dir.unplaced_in_area_speaking(need, area, person.lang),
                dir.unplaced_in_area(need, area),
            ),
            (false, true) => (&[][..], dir.in_area(need, area)),
            (false, false) => (
                dir.in_area_speaking(need, area, person.lang),
                dir.in_area(need, area),
            ),
        };
        for &i in speaking.iter().chain(all) {
            if found.len() == slots {
                return found;
            }
            if taken.contains(&i)
                || found.iter().any(|(j, _, _)| *j == i)
                || !person.eligible(&dir.services[i])
            {
                continue;
            }
            found.push((i, why.clone(), None));
        }
    }
    found
}

/// The needs in `q` that `found` meets with no service within reach: nothing found for the
/// need, or only services further than [`REACH_KM`], borough-wide ones with no known place, and
/// phone or online ones. A service listing the person's district whose place is not known
/// counts as within reach. A service suggested for one need meets every need it serves (each
/// service is suggested once). Recorded per referral as the directory's gaps.
pub fn unmet(q: &Query<'_>, found: &[Suggestion<'_>]) -> Vec<String> {
    q.needs
        .iter()
        .filter(|need| {
            !found.iter().any(|f| {
                (&f.need == *need || f.service.needs.contains(need))
                    && (f.distance_km.is_some_and(|km| km <= REACH_KM)
                        || f.reasons
                            .iter()
                            .any(|r| matches!(r, Reason::SameDistrict(_))))
            })
        })
        .cloned()
        .collect()
}
