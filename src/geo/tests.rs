use super::*;

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

#[test]
fn a_postcode_is_placed_at_its_sectors_centroid() {
    // data/postcodes/centroids.csv: "E1 6,51.5208,-0.0743".
    let (p, precision) = locate_with_precision("e1 6an").expect("E1 6AN is in the table");
    assert_eq!(precision, Precision::Sector);
    assert_eq!(
        p,
        Position {
            lat: 51.5208,
            lon: -0.0743
        }
    );
    assert_eq!(
        locate("SW1A1AA"),
        locate("SW1A 1ZZ"),
        "one sector, one place"
    );
}

#[test]
fn an_unknown_sector_falls_back_to_its_district() {
    // E1 has sectors 0 to 8; E1 9 is not in the table, E1 is: "E1,51.5174,-0.0595".
    let (p, precision) = locate_with_precision("E1 9XX").expect("district known");
    assert_eq!(precision, Precision::District);
    assert_eq!(
        p,
        Position {
            lat: 51.5174,
            lon: -0.0595
        }
    );
}

#[test]
fn unknown_and_malformed_postcodes_have_no_place() {
    assert_eq!(locate("ZZ9 9ZZ"), None, "well formed, but no such district");
    assert_eq!(
        locate("BT1 1AA"),
        None,
        "Northern Ireland is not in Code-Point Open"
    );
    assert_eq!(locate("not a postcode"), None);
    assert_eq!(locate(""), None);
}

#[test]
fn the_table_holds_every_sector_and_district() {
    assert_eq!(postcodes::table_len(), 10_848 + 2_865);
}

#[test]
fn distances_match_a_reference_figure() {
    // Haversine on a sphere of radius 6371.0088 km, computed separately (Python):
    // E1 6 (51.5208, -0.0743) to E14 5 (51.5055, -0.0179): 4.2576 km (4.2694 km on the
    // WGS 84 ellipsoid); SW1A 1 (51.5051, -0.1391) to EH1 1 (55.9495, -3.1892): 533.247 km
    // (533.927 km on the ellipsoid).
    let e1 = locate("E1 6AN").expect("E1 6AN");
    let e14 = locate("E14 5AB").expect("E14 5AB");
    assert!(close(distance_km(e1, e14), 4.2576, 0.001));
    assert!(close(distance_km(e14, e1), distance_km(e1, e14), 1e-9));
    let london = locate("SW1A 1AA").expect("SW1A");
    let edinburgh = locate("EH1 1YZ").expect("EH1");
    assert!(close(distance_km(london, edinburgh), 533.247, 0.01));
    assert_eq!(distance_km(e1, e1), 0.0);
}

#[test]
fn positions_outside_great_britain_are_refused() {
    assert!(Position::in_gb(51.5, -0.07).is_some());
    assert!(Position::in_gb(60.3, -1.2).is_some(), "Shetland");
    assert_eq!(
        Position::in_gb(-0.07, 51.5),
        None,
        "latitude and longitude swapped"
    );
    assert_eq!(Position::in_gb(48.85, 2.35), None, "Paris");
    assert_eq!(Position::in_gb(0.0, 0.0), None);
}

#[test]
fn nearby_lists_nearest_first_with_distances() {
    let e1 = locate("E1 6AN").expect("E1");
    let e14 = locate("E14 5AB").expect("E14");
    let edinburgh = locate("EH1 1YZ").expect("EH1");
    let mut index = Nearby::new([(7, edinburgh), (3, e14)]);
    index.insert(5, e1);
    assert_eq!(index.len(), 3);
    let from_e1: Vec<(usize, f64)> = index.nearest(e1).collect();
    let order: Vec<usize> = from_e1.iter().map(|(i, _)| *i).collect();
    assert_eq!(order, [5, 3, 7]);
    assert!(close(from_e1[1].1, distance_km(e1, e14), 1e-6));
    assert!(Nearby::<usize>::default().nearest(e1).next().is_none());
}

#[test]
fn distances_are_spoken_in_metres_km_quarters_and_miles() {
    let s = Spoken::of(0.8);
    assert_eq!((s.metres, s.km, s.quarters, s.miles), (800, 0, 2, 0));
    let s = Spoken::of(0.02);
    assert_eq!((s.metres, s.km, s.quarters), (100, 0, 0), "at least 100 m");
    let s = Spoken::of(0.97);
    assert_eq!((s.metres, s.km), (1000, 1), "1000 m is said as 1 km");
    let s = Spoken::of(4.26);
    assert_eq!((s.km, s.quarters, s.miles), (4, 11, 3));
    assert_eq!(Spoken::of(1.609_344).miles, 1);
}
