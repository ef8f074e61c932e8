//! The service directory in memory: every service, indexed by need, area and language spoken,
//! in rank order (cheapest first, then file order).

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::{Path, PathBuf};

use super::entry::{Service, base_language, cost_rank};
use super::file::RawFile;
use crate::content::problem::{Lines, Problem, ProblemKind, parse_toml};

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
}
