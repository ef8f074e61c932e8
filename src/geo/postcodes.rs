//! Postcode sector and district centroids for Great Britain, from OS Code-Point Open
//! (`data/postcodes/`, made by `scripts/postcode_sectors.py`), embedded in the binary.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::Position;
use crate::validate::{postcode_district, uk_postcode};

/// The table: `code,lat,lon` rows, where a code is a sector (`E1 6`) or a district (`E1`).
const CENTROIDS: &str = include_str!("../../data/postcodes/centroids.csv");

/// Centroids by sector or district code, read once.
static TABLE: LazyLock<FxHashMap<&'static str, Position>> = LazyLock::new(|| {
    CENTROIDS
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut f = line.split(',');
            let code = f.next()?;
            let lat = f.next()?.parse().ok()?;
            let lon = f.next()?.parse().ok()?;
            Some((code, Position { lat, lon }))
        })
        .collect()
});

/// How closely a postcode was placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// At its sector's centroid (`E1 6`).
    Sector,
    /// At its district's centroid (`E1`): the sector is not in the table.
    District,
}

/// Where a postcode is, as precisely as the table knows, with how precisely.
pub fn locate_with_precision(postcode: &str) -> Option<(Position, Precision)> {
    let pc = uk_postcode(postcode)?;
    // A normalised postcode ends with a space, the sector digit and two letters.
    let sector = pc.get(..pc.len() - 2)?;
    if let Some(p) = TABLE.get(sector) {
        return Some((*p, Precision::Sector));
    }
    TABLE
        .get(postcode_district(&pc))
        .map(|p| (*p, Precision::District))
}

/// Where a postcode is: its sector's centroid, else its district's, else nothing.
pub fn locate(postcode: &str) -> Option<Position> {
    locate_with_precision(postcode).map(|(p, _)| p)
}

/// How many sectors and districts the table holds.
#[cfg(test)]
pub(super) fn table_len() -> usize {
    TABLE.len()
}
