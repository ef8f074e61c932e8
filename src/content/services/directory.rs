//! The service directory in memory: every service, indexed by need, area and language spoken,
//! in rank order (cheapest first, then file order), and by need and area by position.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::{Path, PathBuf};

use super::entry::{Service, base_language, cost_rank};
use super::file::RawFile;
use super::places::{LanguageBit, PlaceIndex, Placed};
use crate::content::problem::{Lines, Problem, ProblemKind, parse_toml};
use crate::geo::{self, Position};

/// Every service, in file order, with an index by need.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    /// Postcode districts that make up the borough.
    pub borough: Vec<String>,
    /// The services.
    pub services: Vec<Service>,
    /// Where each service is defined, by id, for messages.
    pub lines: HashMap<String, (PathBuf, usize)>,
    /// Where each service is, by index (see [`place_of`]).
    positions: Vec<Option<Position>>,
    /// Services by (need, area), each list in rank order (cost, then file order).
    by_area: HashMap<(String, String), Ranked>,
    /// Services by (need, area, language spoken), in the same order.
    by_language: HashMap<(String, String, String), Ranked>,
    /// Services with a position by (need, area), for areas other than `anywhere`.
    places: HashMap<(String, String), PlaceIndex>,
    /// As `places`, only those speaking a language, by (need, area, language).
    places_speaking: HashMap<(String, String, String), PlaceIndex>,
    /// The base languages spoken, each numbered by its bit in [`Placed::languages`] (the first
    /// 64; any more have no bit).
    languages: Vec<String>,
}

/// One index list: every service in rank order, and those without a position, in that order.
#[derive(Debug, Clone, Default)]
struct Ranked {
    all: Vec<usize>,
    unplaced: Vec<usize>,
}

/// Where a service is: its `latitude` and `longitude` when both are given and in Great
/// Britain, else its postcode's sector or district centroid, else nowhere known.
pub fn place_of(s: &Service) -> Option<Position> {
    s.latitude
        .zip(s.longitude)
        .and_then(|(lat, lon)| Position::in_gb(lat, lon))
        .or_else(|| s.postcode.as_deref().and_then(geo::locate))
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
    fn place(self, ranked: &mut Ranked, i: usize, placed: bool, services: &[Service]) {
        let rank = cost_rank(services[i].cost);
        self.place_in(&mut ranked.all, i, rank, services);
        if !placed {
            self.place_in(&mut ranked.unplaced, i, rank, services);
        }
    }

    fn place_in(self, list: &mut Vec<usize>, i: usize, rank: u8, services: &[Service]) {
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
            .flat_map(|r| [&mut r.all, &mut r.unplaced])
        {
            // Stable: within a cost, services stay in file order.
            if !list.is_sorted_by_key(|&j| cost_rank(self.services[j].cost)) {
                list.sort_by_key(|&j| cost_rank(self.services[j].cost));
            }
        }
        self.index_places();
        problems
    }

    /// Rebuilds the index by position of every (need, area) but `anywhere`.
    fn index_places(&mut self) {
        let placed: Vec<Option<(Placed, Position)>> = (0..self.services.len())
            .map(|i| self.positions[i].map(|p| (self.placed(i), p)))
            .collect();
        self.places = self
            .by_area
            .iter()
            .filter(|((_, area), _)| area != "anywhere")
            .map(|(key, ranked)| {
                let here = ranked.all.iter().filter_map(|&i| placed[i]);
                (key.clone(), PlaceIndex::new(here.collect()))
            })
            .filter(|(_, nearby)| !nearby.is_empty())
            .collect();
        self.places_speaking = self
            .by_language
            .iter()
            .filter(|((_, area, _), _)| area != "anywhere")
            .map(|(key, ranked)| {
                let here = ranked.all.iter().filter_map(|&i| placed[i]);
                (key.clone(), PlaceIndex::new(here.collect()))
            })
            .filter(|(_, nearby)| !nearby.is_empty())
            .collect();
    }

    /// The record kept beside service `i`'s position, numbering any new language it speaks.
    fn placed(&mut self, i: usize) -> Placed {
        let s = &self.services[i];
        let mut bits = 0;
        for lang in &s.languages {
            let lang = base_language(lang);
            let n = match self.languages.iter().position(|l| l == lang) {
                Some(n) => n,
                None => {
                    self.languages.push(lang.to_string());
                    self.languages.len() - 1
                }
            };
            if n < 64 {
                bits |= 1u64 << n;
            }
        }
        Placed {
            index: i,
            cost_rank: cost_rank(s.cost),
            languages: bits,
            min_age: s.min_age.unwrap_or(0),
            max_age: s.max_age.unwrap_or(u32::MAX),
        }
    }

    /// How to tell from a [`Placed`] whether its staff speak a base language.
    pub fn language_bit(&self, lang: &str) -> LanguageBit {
        match self.languages.iter().position(|l| l == lang) {
            Some(n) if n < 64 => LanguageBit::Bit(1u64 << n),
            Some(_) => LanguageBit::Unnumbered,
            None => LanguageBit::Nobody,
        }
    }

    /// Adds a service (used by tests and benchmarks), keeping every index in rank order.
    pub fn push(&mut self, s: Service) {
        self.services.push(s);
        let i = self.services.len() - 1;
        self.index(i, Placing::InOrder);
        if let Some(p) = self.positions[i] {
            let placed = self.placed(i);
            let s = &self.services[i];
            let mut keys: Vec<(String, String)> = s
                .needs
                .iter()
                .flat_map(|n| s.areas.iter().map(move |a| (n.clone(), a.clone())))
                .filter(|(_, a)| a != "anywhere")
                .collect();
            keys.sort_unstable();
            keys.dedup();
            let mut langs: Vec<&str> = s.languages.iter().map(|l| base_language(l)).collect();
            langs.sort_unstable();
            langs.dedup();
            let positions = &self.positions;
            for (need, area) in keys {
                for lang in &langs {
                    let key = (need.clone(), area.clone(), lang.to_string());
                    let index = self.places_speaking.entry(key).or_default();
                    *index = index.with(placed, p, positions);
                }
                let index = self.places.entry((need, area)).or_default();
                *index = index.with(placed, p, positions);
            }
        }
    }

    /// Lists the services from `first` on under each (need, area) and (need, area, language)
    /// they serve, each key once even if an entry repeats a need, area or language.
    fn index(&mut self, first: usize, placing: Placing) {
        let Directory {
            services,
            positions,
            by_area,
            by_language,
            ..
        } = self;
        positions.extend(services[positions.len()..].iter().map(place_of));
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
            let placed = positions[i].is_some();
            for (need, area) in areas {
                set(&mut area_key.0, need);
                set(&mut area_key.1, area);
                match by_area.get_mut(&area_key) {
                    Some(list) => placing.place(list, i, placed, services),
                    None => {
                        let mut list = Ranked::default();
                        placing.place(&mut list, i, placed, services);
                        by_area.insert(area_key.clone(), list);
                    }
                }
            }
            for (need, area, lang) in langs {
                set(&mut lang_key.0, need);
                set(&mut lang_key.1, area);
                set(&mut lang_key.2, lang);
                match by_language.get_mut(&lang_key) {
                    Some(list) => placing.place(list, i, placed, services),
                    None => {
                        let mut list = Ranked::default();
                        placing.place(&mut list, i, placed, services);
                        by_language.insert(lang_key.clone(), list);
                    }
                }
            }
        }
    }

    /// Services for `need` listing `area`, cheapest first, then in file order.
    pub fn in_area(&self, need: &str, area: &str) -> &[usize] {
        self.by_area
            .get(&(need.to_string(), area.to_string()))
            .map_or(&[], |r| &r.all)
    }

    /// As [`Directory::in_area`], only those whose staff speak `lang` (a base subtag).
    pub fn in_area_speaking(&self, need: &str, area: &str, lang: &str) -> &[usize] {
        self.by_language
            .get(&(need.to_string(), area.to_string(), lang.to_string()))
            .map_or(&[], |r| &r.all)
    }

    /// As [`Directory::in_area`], only those with no known position.
    pub fn unplaced_in_area(&self, need: &str, area: &str) -> &[usize] {
        self.by_area
            .get(&(need.to_string(), area.to_string()))
            .map_or(&[], |r| &r.unplaced)
    }

    /// As [`Directory::in_area_speaking`], only those with no known position.
    pub fn unplaced_in_area_speaking(&self, need: &str, area: &str, lang: &str) -> &[usize] {
        self.by_language
            .get(&(need.to_string(), area.to_string(), lang.to_string()))
            .map_or(&[], |r| &r.unplaced)
    }

    /// Services for `need` listing `area` (not `anywhere`) that have a position.
    pub fn places(&self, need: &str, area: &str) -> Option<&PlaceIndex> {
        self.places.get(&(need.to_string(), area.to_string()))
    }

    /// As [`Directory::places`], only those whose staff speak `lang` (a base subtag).
    pub fn places_speaking(&self, need: &str, area: &str, lang: &str) -> Option<&PlaceIndex> {
        self.places_speaking
            .get(&(need.to_string(), area.to_string(), lang.to_string()))
    }

    /// Where the service at index `i` is, if known (see [`place_of`]).
    pub fn position(&self, i: usize) -> Option<Position> {
        self.positions.get(i).copied().flatten()
    }

    /// The service with this id.
    pub fn get(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }
}
