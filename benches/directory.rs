//! The service directory at scale: 100,000 generated services at real postcode sectors (90% spread
//! over Great Britain, listing their own district; 10% packed into the borough's 34 sectors,
//! some placed by latitude and longitude, some with no postcode). Prints the load time and the
//! median and p99 of one match for 10,000 people at real postcodes, then lets criterion measure
//! a match precisely.
//!
//! Run: `cargo bench --bench directory`.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use signpost::content::services::{Cost, Directory, Service, to_toml};
use signpost::matching::{Query, suggest};

const SERVICES: usize = 100_000;
const NEEDS: &[&str] = &[
    "mental", "physical", "money", "housing", "work", "caring", "lonely", "food", "other",
];
const DISTRICTS: &[&str] = &["E1", "E1W", "E2", "E3", "E14"];
const LANGS: &[&str] = &["bn", "so", "ur", "ar", "pl", "tr", "zh"];

/// A postcode sector (`E1 6`) and its centroid's latitude and longitude.
type Sector = (String, f64, f64);

/// Every postcode sector of Great Britain, from the embedded table, and those in the borough.
fn sectors() -> (Vec<Sector>, Vec<Sector>) {
    let all: Vec<Sector> = include_str!("../data/postcodes/centroids.csv")
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut f = l.split(',');
            let code = f.next()?;
            let lat = f.next()?.parse().ok()?;
            let lon = f.next()?.parse().ok()?;
            code.contains(' ').then(|| (code.to_string(), lat, lon))
        })
        .collect();
    let borough = all
        .iter()
        .filter(|(c, _, _)| DISTRICTS.iter().any(|d| c.split(' ').next() == Some(*d)))
        .cloned()
        .collect();
    (all, borough)
}

/// A postcode in this sector: `E1 6` and two letters.
fn postcode_in(sector: &str, rng: &mut fastrand::Rng) -> String {
    format!("{sector}{}{}", rng.uppercase(), rng.uppercase())
}

fn generated(n: usize) -> Vec<Service> {
    let mut rng = fastrand::Rng::with_seed(42);
    let (all, borough) = sectors();
    (0..n)
        .map(|i| {
            let needs: Vec<String> = (0..rng.usize(1..=3))
                .map(|_| NEEDS[rng.usize(..NEEDS.len())].to_string())
                .collect();
            let in_borough = rng.usize(..10) == 0;
            let (sector, lat, lon) = if in_borough {
                &borough[rng.usize(..borough.len())]
            } else {
                &all[rng.usize(..all.len())]
            };
            let district = sector.split(' ').next().unwrap_or(sector).to_string();
            let areas = match rng.usize(..10) {
                0 => vec!["anywhere".to_string()],
                1 | 2 if in_borough => vec!["borough".to_string()],
                _ => vec![district],
            };
            // A third of the borough's are placed by coordinates near their sector's centre;
            // one in twenty services has no postcode.
            let (latitude, longitude) = if in_borough && rng.usize(..3) == 0 {
                (
                    Some(lat + (rng.f64() - 0.5) * 0.006),
                    Some(lon + (rng.f64() - 0.5) * 0.01),
                )
            } else {
                (None, None)
            };
            let postcode = (rng.usize(..20) != 0).then(|| postcode_in(sector, &mut rng));
            Service {
                id: format!("svc-{i}"),
                name: format!("Service {i}"),
                organisation: format!("Organisation {}", i / 3),
                description: "A generated service with a description of ordinary length, \
                              as a council directory would have."
                    .into(),
                translations: Default::default(),
                needs,
                areas,
                address: Some(format!("{} High Street, London", i % 300)),
                postcode,
                latitude,
                longitude,
                phone: Some("020 7946 0000".into()),
                email: Some(format!("s{i}@example.org")),
                website: Some(format!("https://s{i}.example.org")),
                cost: [Cost::Free, Cost::LowCost, Cost::Paid][rng.usize(..3)],
                min_age: rng.bool().then_some(16),
                max_age: None,
                who_for: None,
                languages: vec![LANGS[rng.usize(..LANGS.len())].to_string()],
                opening: Some("Weekdays 9:00-17:00".into()),
                access: None,
                reviewed: None,
            }
        })
        .collect()
}

/// A random person: needs, postcode, age, language.
type Person = (Vec<String>, Option<String>, Option<u32>, &'static str);

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn bench(c: &mut Criterion) {
    let n: usize = std::env::var("BENCH_SERVICES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(SERVICES);
    let t = Instant::now();
    let text = to_toml(
        &generated(n),
        "borough = [\"E1\", \"E1W\", \"E2\", \"E3\", \"E14\"]\n",
    )
    .expect("serialise");
    println!(
        "generated and serialised {n} services in {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let mb = text.len() as f64 / 1e6;
    let mut loads = Vec::new();
    let mut dir = Directory::default();
    for _ in 0..3 {
        let t = Instant::now();
        let mut d = Directory::default();
        let problems = d.add_file(Path::new("generated.toml"), &text);
        loads.push(t.elapsed());
        assert!(problems.is_empty(), "{problems:?}");
        dir = d;
    }
    loads.sort();
    println!(
        "load: {n} services ({mb:.1} MB of TOML) in {:.0} ms (best of 3: {:.0} ms)",
        percentile(&loads, 0.5).as_secs_f64() * 1e3,
        loads[0].as_secs_f64() * 1e3
    );

    // Half the people live in the borough, a quarter elsewhere in Great Britain, one in ten
    // at a postcode whose sector is unknown (placed by district), the rest give none.
    let mut rng = fastrand::Rng::with_seed(7);
    let (all, borough) = sectors();
    let queries: Vec<Person> = (0..10_000)
        .map(|_| {
            let needs = (0..rng.usize(1..=3))
                .map(|_| NEEDS[rng.usize(..NEEDS.len())].to_string())
                .collect();
            let postcode = match rng.usize(..20) {
                0..10 => Some(postcode_in(
                    &borough[rng.usize(..borough.len())].0,
                    &mut rng,
                )),
                10..15 => Some(postcode_in(&all[rng.usize(..all.len())].0, &mut rng)),
                15..17 => Some(format!("{} 9ZZ", DISTRICTS[rng.usize(..DISTRICTS.len())])),
                _ => None,
            };
            let age = rng.bool().then(|| rng.u32(10..90));
            let lang = if rng.bool() {
                "en-GB"
            } else {
                LANGS[rng.usize(..LANGS.len())]
            };
            (needs, postcode, age, lang)
        })
        .collect();
    let mut times = Vec::with_capacity(queries.len());
    for (needs, postcode, age, lang) in &queries {
        let t = Instant::now();
        let found = suggest(
            &dir,
            &Query {
                needs,
                postcode: postcode.as_deref(),
                age: *age,
                language: lang,
            },
        );
        times.push(t.elapsed());
        black_box(found);
    }
    times.sort();
    println!(
        "match over {n} services, {} random queries: median {:.1} µs, p99 {:.1} µs, max {:.1} µs",
        times.len(),
        percentile(&times, 0.5).as_secs_f64() * 1e6,
        percentile(&times, 0.99).as_secs_f64() * 1e6,
        times.last().copied().unwrap_or_default().as_secs_f64() * 1e6
    );

    let needs = vec!["money".to_string(), "housing".to_string()];
    c.bench_function("match 2 needs, postcode, bn, 100k services", |b| {
        b.iter(|| {
            suggest(
                &dir,
                black_box(&Query {
                    needs: &needs,
                    postcode: Some("E1 6AN"),
                    age: Some(40),
                    language: "bn",
                }),
            )
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
