//! Where places are and how far apart: positions on the WGS 84 globe, distances between them,
//! postcode centroids for Great Britain, and an index of nearby places.

mod nearby;
mod postcodes;

pub use nearby::Nearby;
pub use postcodes::{Precision, locate, locate_with_precision};

/// The mean radius of the Earth, in km.
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Km in a statute mile.
const KM_PER_MILE: f64 = 1.609_344;

/// A place on the globe (WGS 84 degrees).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
}

impl Position {
    /// A position from a latitude and longitude, if both are inside Great Britain's bounding
    /// box (with the Scilly Isles, St Kilda and Shetland).
    pub fn in_gb(lat: f64, lon: f64) -> Option<Position> {
        ((49.8..=61.0).contains(&lat) && (-8.8..=2.0).contains(&lon))
            .then_some(Position { lat, lon })
    }

    /// The point on a sphere of the Earth's mean radius, in km from its centre: straight-line
    /// ("chord") distances between these points grow with the distance along the surface.
    pub(crate) fn xyz(self) -> [f64; 3] {
        let (lat, lon) = (self.lat.to_radians(), self.lon.to_radians());
        [
            EARTH_RADIUS_KM * lat.cos() * lon.cos(),
            EARTH_RADIUS_KM * lat.cos() * lon.sin(),
            EARTH_RADIUS_KM * lat.sin(),
        ]
    }
}

/// The distance along the surface, in km, between two points whose chord is `sqrt(chord2)` km.
pub(crate) fn arc_km(chord2: f64) -> f64 {
    2.0 * EARTH_RADIUS_KM * (chord2.sqrt() / (2.0 * EARTH_RADIUS_KM)).min(1.0).asin()
}

/// The great-circle distance between two positions, in km (on a sphere: within 0.5% of the
/// ellipsoid's figure).
pub fn distance_km(a: Position, b: Position) -> f64 {
    let (p, q) = (a.xyz(), b.xyz());
    arc_km((0..3).map(|i| (p[i] - q[i]).powi(2)).sum())
}

/// A distance as people say it, rounded for each way of measuring: every language's
/// `distance-away` message picks the one it speaks in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spoken {
    /// Metres, to the nearest 100 (at least 100).
    pub metres: u32,
    /// Whole kilometres; 0 when under 950 m (then say the metres).
    pub km: u32,
    /// Quarter miles, to the nearest (0 under an eighth of a mile).
    pub quarters: u32,
    /// Whole miles, to the nearest.
    pub miles: u32,
}

impl Spoken {
    /// The ways of saying `km`.
    pub fn of(km: f64) -> Spoken {
        let km = km.max(0.0);
        let miles = km / KM_PER_MILE;
        let metres = ((km * 10.0).round() as u32).max(1) * 100;
        Spoken {
            metres,
            km: if metres < 1000 { 0 } else { km.round() as u32 },
            quarters: (miles * 4.0).round() as u32,
            miles: miles.round() as u32,
        }
    }
}

#[cfg(test)]
mod tests;
