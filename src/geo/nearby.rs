//! Places by position, to list them nearest first (an R*-tree over points on the sphere).

use rstar::RTree;
use rstar::primitives::GeomWithData;

use super::{Position, arc_km};

type Point = GeomWithData<[f64; 3], usize>;

/// Items (numbered by the caller) at positions, listed nearest first from any point.
#[derive(Debug, Clone, Default)]
pub struct Nearby {
    tree: RTree<Point>,
}

impl Nearby {
    /// An index of these items, built in one go.
    pub fn new(items: impl IntoIterator<Item = (usize, Position)>) -> Nearby {
        let points = items
            .into_iter()
            .map(|(i, p)| Point::new(p.xyz(), i))
            .collect();
        Nearby {
            tree: RTree::bulk_load(points),
        }
    }

    /// Adds one item.
    pub fn insert(&mut self, item: usize, at: Position) {
        self.tree.insert(Point::new(at.xyz(), item));
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
    pub fn nearest(&self, from: Position) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.tree
            .nearest_neighbor_iter_with_distance_2(from.xyz())
            .map(|(p, d2)| (p.data, arc_km(d2)))
    }
}
