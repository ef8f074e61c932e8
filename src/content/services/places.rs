//! What ranking needs of each service with a position, kept beside the position in an index
//! per need and area, so that reading places nearest first touches no service entry.

use crate::geo::{Nearby, Position};

/// Whether a [`Placed`] speaks a language, as [`super::Directory::language_bit`] tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageBit {
    /// No service speaks it.
    Nobody,
    /// Those with this bit set in [`Placed::languages`] do.
    Bit(u64),
    /// Past the first 64 languages: look at the service.
    Unnumbered,
}

/// What ranking needs of a service with a position, kept beside its position so that reading
/// places nearest first touches no service entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Its index in [`super::Directory::services`].
    pub index: usize,
    /// Its [`super::cost_rank`].
    pub cost_rank: u8,
    /// The languages its staff speak, as bits (see [`super::Directory::language_bit`]).
    pub languages: u64,
    /// Youngest age served (0 for any).
    pub min_age: u32,
    /// Oldest age served (`u32::MAX` for any).
    pub max_age: u32,
}

/// The places of one need and area, grouped by position (services placed by postcode share
/// their sector's), each group cheapest first then in file order.
#[derive(Debug, Clone, Default)]
pub struct PlaceIndex {
    /// Each position's group, as a range of `placed`.
    nearby: Nearby<(u32, u32)>,
    placed: Vec<Placed>,
}

impl PlaceIndex {
    /// An index of these places.
    pub fn new(mut items: Vec<(Placed, Position)>) -> PlaceIndex {
        items.sort_by(|(a, p), (b, q)| {
            (p.lat.total_cmp(&q.lat))
                .then(p.lon.total_cmp(&q.lon))
                .then(a.cost_rank.cmp(&b.cost_rank))
                .then(a.index.cmp(&b.index))
        });
        let mut groups: Vec<((u32, u32), Position)> = Vec::new();
        let mut placed = Vec::with_capacity(items.len());
        for (item, at) in items {
            let n = placed.len() as u32;
            match groups.last_mut() {
                Some((range, p)) if *p == at => range.1 = n + 1,
                Some(_) | None => groups.push(((n, n + 1), at)),
            }
            placed.push(item);
        }
        PlaceIndex {
            nearby: Nearby::new(groups),
            placed,
        }
    }

    /// This index with one more place (rebuilt: for adding services one at a time).
    pub(super) fn with(&self, item: Placed, at: Position, positions: &[Option<Position>]) -> Self {
        let mut items: Vec<(Placed, Position)> = self
            .placed
            .iter()
            .filter_map(|p| positions.get(p.index).copied().flatten().map(|at| (*p, at)))
            .collect();
        items.push((item, at));
        PlaceIndex::new(items)
    }

    /// True when it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.placed.is_empty()
    }

    /// Every place with its distance in km from `from`, nearest first; at one position,
    /// cheapest first then in file order.
    pub fn nearest(&self, from: Position) -> impl Iterator<Item = (Placed, f64)> + '_ {
        self.nearby.nearest(from).flat_map(move |((a, b), km)| {
            self.placed
                .get(a as usize..b as usize)
                .unwrap_or_default()
                .iter()
                .map(move |p| (*p, km))
        })
    }
}
