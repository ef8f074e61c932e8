//! Places by position, to list them nearest first (an R*-tree over points on the sphere).

use rstar::RTree;
use rstar::primitives::GeomWithData;

use super::{Position, arc_km};

/// Items (small copyable records the caller chooses) at positions, listed nearest first from
/// any point.
#[derive(Debug, Clone)]
pub struct Nearby<T> {
    tree: RTree<GeomWithData<[f64; 3], T>>,
}

impl<T> Default for Nearby<T> {
    fn default() -> Self {
        Nearby { tree: RTree::new() }
    }
}

impl<T: Copy> Nearby<T> {
    /// An index of these items, built in one go.
    pub fn new(items: impl IntoIterator<Item = (T, Position)>) -> Nearby<T> {
        let points = items
            .into_iter()
            .map(|(item, p)| GeomWithData::new(p.xyz(), item))
            .collect();
        Nearby {
            tree: RTree::bulk_load(points),
        }
    }

    /// Adds one item.
    pub fn insert(&mut self, item: T, at: Position) {
        self.tree.insert(GeomWithData::new(at.xyz(), item));
    }

    /// How many items it holds.
    pub fn len(&self) -> usize {
        self.tree.size()
    }

    /// True when it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }

    /// Every item with its distance in km from `from`, nearest first (lazily: stop reading
    /// when far enough).
    pub fn nearest(&self, from: Position) -> impl Iterator<Item = (T, f64)> + '_ {
        self.tree
            .nearest_neighbor_iter_with_distance_2(from.xyz())
            .map(|(p, d2)| (p.data, arc_km(d2)))
    }
}
