//! Where a record's service happens: the address and position of its first usable location,
//! the areas it serves (location districts, `service_areas`), and whether it is in person,
//! by phone or online (`attending_type`, `deliverable_type`, virtual locations).

use serde_json::Value;

use super::record::{array, text};
use crate::content::services::is_district;
use crate::validate::{postcode_district, uk_postcode};

/// The place fields of a directory entry.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Place {
    pub postcode: Option<String>,
    pub address: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Postcode districts, `borough` and `anywhere`, each once.
    pub areas: Vec<String>,
}

/// What one `service_areas` entry names.
#[derive(Debug, PartialEq)]
enum Served {
    /// A postcode district ("E14"), or the district of a full postcode.
    District(String),
    /// The whole country.
    Anywhere,
    /// A named area (the borough, a ward): served borough-wide.
    Borough,
}

fn served(area: &str) -> Served {
    let a = area.trim();
    let upper = a.to_ascii_uppercase();
    if is_district(&upper) {
        return Served::District(upper);
    }
    if let Some(pc) = uk_postcode(a) {
        return Served::District(postcode_district(&pc).to_string());
    }
    let lower = a.to_lowercase();
    let national = [
        "national",
        "nationwide",
        "uk-wide",
        "uk wide",
        "united kingdom",
        "england",
        "anywhere",
    ];
    if lower == "uk" || national.iter().any(|n| lower.contains(n)) {
        Served::Anywhere
    } else {
        Served::Borough
    }
}

/// A number, or a number written as text.
fn number(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A location's latitude and longitude, when both are inside Great Britain and Northern
/// Ireland (so 0,0, swapped or missing values are dropped).
fn position(loc: &Value) -> Option<(f64, f64)> {
    let lat = number(loc.get("latitude"))?;
    let lon = number(loc.get("longitude"))?;
    crate::geo::Position::in_gb(lat, lon).map(|p| (p.lat, p.lon))
}

/// How a record says it is delivered: (in person, by phone or online).
fn delivery(s: &Value, locations: &[&Value]) -> (bool, bool) {
    let said: Vec<String> = [
        text(s.get("attending_type")),
        text(s.get("deliverable_type")),
        array(s, "schedules").find_map(|x| text(x.get("attending_type"))),
    ]
    .into_iter()
    .flatten()
    .map(|d| d.to_lowercase())
    .collect();
    let has = |words: &[&str]| said.iter().any(|d| words.iter().any(|w| d.contains(w)));
    let in_person = has(&["in person", "in-person", "face to face", "venue", "drop-in"]);
    let remote = has(&["online", "phone", "remote", "video"])
        || locations
            .iter()
            .any(|l| text(l.get("location_type")).is_some_and(|t| t == "virtual"));
    (in_person, remote)
}

/// The place of a record (with the location of a service-at-location row, if any).
pub(super) fn place(s: &Value, extra_location: Option<&Value>) -> Place {
    let mut locations: Vec<&Value> = array(s, "service_at_locations")
        .filter_map(|sal| sal.get("location"))
        .collect();
    locations.extend(array(s, "locations"));
    locations.extend(extra_location);
    let mut p = Place::default();
    let mut local: Vec<String> = Vec::new();
    let add = |areas: &mut Vec<String>, a: String| {
        if !areas.contains(&a) {
            areas.push(a);
        }
    };
    for loc in &locations {
        // The address and the position shown come from one location: the first with either.
        let first = p.latitude.is_none() && p.postcode.is_none();
        if first && let Some((lat, lon)) = position(loc) {
            p.latitude = Some(lat);
            p.longitude = Some(lon);
        }
        for a in array(loc, "addresses").chain(array(loc, "physical_addresses")) {
            if let Some(pc) = text(a.get("postal_code")).and_then(|p| uk_postcode(&p)) {
                add(&mut local, postcode_district(&pc).to_string());
                if first && p.postcode.is_none() {
                    p.address = text(a.get("address_1")).map(|l| match text(a.get("city")) {
                        Some(c) => format!("{l}, {c}"),
                        None => l,
                    });
                    p.postcode = Some(pc);
                }
            }
        }
    }
    let mut national = false;
    for area in array(s, "service_areas").filter_map(|x| text(x.get("service_area"))) {
        for part in area.split([',', ';']).filter(|a| !a.trim().is_empty()) {
            match served(part) {
                Served::District(d) => add(&mut local, d),
                Served::Borough => add(&mut local, "borough".to_string()),
                Served::Anywhere => national = true,
            }
        }
    }
    let (in_person, remote) = delivery(s, &locations);
    // Online or phone only: anywhere, whatever office address it gives.
    if in_person || !remote {
        p.areas = local;
    }
    if remote || national {
        add(&mut p.areas, "anywhere".to_string());
    }
    if p.areas.is_empty() {
        p.areas.push("borough".to_string());
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn service_areas_name_districts_the_borough_or_the_country() {
        assert_eq!(served(" e14 "), Served::District("E14".into()));
        assert_eq!(served("E1 6RF"), Served::District("E1".into()));
        assert_eq!(served("Tower Hamlets"), Served::Borough);
        assert_eq!(served("National"), Served::Anywhere);
        assert_eq!(served("UK-wide"), Served::Anywhere);
        assert_eq!(served("UK"), Served::Anywhere);
    }

    #[test]
    fn positions_outside_britain_or_unset_are_dropped() {
        let at = |lat: Value, lon: Value| position(&json!({"latitude": lat, "longitude": lon}));
        assert_eq!(at(json!(51.51), json!(-0.02)), Some((51.51, -0.02)));
        assert_eq!(at(json!("51.51"), json!("-0.02")), Some((51.51, -0.02)));
        assert_eq!(at(json!(0), json!(0)), None);
        assert_eq!(at(json!(-0.02), json!(51.51)), None, "swapped");
        assert_eq!(at(json!(51.51), Value::Null), None);
    }

    #[test]
    fn address_and_position_come_from_one_location() {
        let locs = json!([
            {"latitude": 51.52, "longitude": -0.03},
            {"latitude": 51.50, "longitude": -0.01,
             "physical_addresses": [{"address_1": "2 Dock Road", "postal_code": "E14 9AB"}]}
        ]);
        let p = place(&json!({"locations": locs}), None);
        assert_eq!((p.latitude, p.longitude), (Some(51.52), Some(-0.03)));
        assert_eq!(p.postcode, None, "not the second venue's address");
        assert_eq!(
            p.areas,
            ["E14"],
            "the second venue's district is still served"
        );
    }

    #[test]
    fn online_only_is_anywhere_and_in_person_and_online_keeps_its_place() {
        let loc = json!([{"latitude": 51.5, "longitude": -0.05,
            "physical_addresses": [{"address_1": "1 Road", "postal_code": "E14 2AB"}]}]);
        let online = place(&json!({"attending_type": "Online", "locations": loc}), None);
        assert_eq!(online.areas, ["anywhere"]);
        assert_eq!(online.postcode.as_deref(), Some("E14 2AB"));
        let both = place(
            &json!({"attending_type": "In person, Online", "locations": loc,
                "service_areas": [{"service_area": "E3"}, {"service_area": "Tower Hamlets"}]}),
            None,
        );
        assert_eq!(both.areas, ["E14", "E3", "borough", "anywhere"]);
        assert_eq!((both.latitude, both.longitude), (Some(51.5), Some(-0.05)));
        let nothing = place(&json!({"attending_type": "In person"}), None);
        assert_eq!(nothing.areas, ["borough"]);
        let national = place(
            &json!({"service_areas": [{"service_area": "National"}]}),
            None,
        );
        assert_eq!(national.areas, ["anywhere"]);
    }
}
