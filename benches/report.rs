//! The report at scale: 100,000 referrals over 52 weeks (8 languages, 10 needs, a few teams and
//! sources; 20% open, 30% claimed, 50% closed with about 8 outcomes typed in varying case;
//! nine in ten with unmet needs recorded, one of those needs in four unmet).
//! Prints the seeding time and single runs, then lets criterion measure `build` alone and
//! `build` with every chart.
//!
//! Run: `cargo bench --bench report`. `BENCH_REFERRALS=N` for another size, `BENCH_KEEP_DB=PATH`
//! to keep the seeded database there, `BENCH_SVG_DIR=DIR` to write the charts there.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use rusqlite::{Connection, params};
use signpost::report::{self, Filter, Published, charts, tables};
use signpost::store::{Store, stamp};

const REFERRALS: usize = 100_000;
const LANGUAGES: &[&str] = &["en-GB", "bn", "so", "ur", "ar", "pl", "tr", "zh"];
const NEEDS: &[&str] = &[
    "mental", "physical", "money", "housing", "work", "caring", "lonely", "food", "other",
    "digital",
];
const TEAMS: &[&str] = &["central", "east", "north", "south"];
const SOURCES: &[&str] = &["practice", "leaflet", "library", "foodbank"];
const OUTCOMES: &[&str] = &[
    "Linked to service",
    "linked to service",
    "No answer after 3 attempts",
    "Declined",
    "Referred to GP",
    "Moved away",
    "Already supported",
    "Signposted to council",
];
const DISTRICTS: &[&str] = &["E1", "E1W", "E2", "E3", "E14"];

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0)
        .single()
        .expect("date")
}

/// Inserts `n` generated referrals in one transaction.
fn seed(conn: &mut Connection, n: usize) {
    let mut rng = fastrand::Rng::with_seed(16);
    let tx = conn.transaction().expect("transaction");
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO referrals (reference, created_at, channel, user_id, language,
                    priority, status, answers, needs, services, consent_at, notice_version,
                    claimed_by, claimed_at, outcome, closed_at, team, practice, source, unmet)
                 VALUES (?1, ?2, 'telegram', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?2, '2026-11', ?10,
                    ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            )
            .expect("prepare");
        for i in 0..n {
            let created = now() - chrono::Duration::seconds(rng.i64(60..52 * 7 * 86_400));
            let needs: Vec<&str> = (0..rng.usize(1..=3))
                .map(|_| NEEDS[rng.usize(..NEEDS.len())])
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let services: Vec<String> = if rng.usize(..10) == 0 {
                Vec::new()
            } else {
                (0..rng.usize(1..=4))
                    .map(|_| format!("svc-{}", rng.usize(..500)))
                    .collect()
            };
            let postcode = format!(
                "{} {}{}{}",
                DISTRICTS[rng.usize(..DISTRICTS.len())],
                rng.usize(1..10),
                rng.alphabetic().to_ascii_uppercase(),
                rng.alphabetic().to_ascii_uppercase()
            );
            let answers = serde_json::json!({
                "name": format!("Resident {i}"),
                "dob": "1970-03-07",
                "gp": "Jubilee Street Practice",
                "contact": "phone",
                "phone": "07700900123",
                "best_time": "morning",
                "postcode": postcode,
                "interpreter": "none",
                "needs": needs,
                "story": "Behind on rent and not sleeping; would like someone to talk to.",
            });
            let (status, claimed_after, outcome) = match rng.usize(..10) {
                0 | 1 => ("open", None, None),
                2..=4 => ("claimed", Some(rng.i64(60..3 * 86_400)), None),
                _ => (
                    "closed",
                    Some(rng.i64(60..3 * 86_400)),
                    Some(OUTCOMES[rng.usize(..OUTCOMES.len())]),
                ),
            };
            let claimed_at = claimed_after.map(|s| created + chrono::Duration::seconds(s));
            let closed_at = outcome
                .and(claimed_at)
                .map(|c| stamp(c + chrono::Duration::days(2)));
            let team = (rng.usize(..20) > 0).then(|| TEAMS[rng.usize(..TEAMS.len())]);
            let source = (rng.bool()).then(|| SOURCES[rng.usize(..SOURCES.len())]);
            let practice = (source == Some("practice")).then_some("F84001");
            // One in ten made before unmet needs were recorded.
            let unmet = (rng.usize(..10) > 0).then(|| {
                let unmet: Vec<&str> = needs
                    .iter()
                    .copied()
                    .filter(|_| rng.usize(..4) == 0)
                    .collect();
                serde_json::json!(unmet).to_string()
            });
            insert
                .execute(params![
                    format!("SP-{i:06}"),
                    stamp(created),
                    (100_000 + i).to_string(),
                    LANGUAGES[rng.usize(..LANGUAGES.len())],
                    if rng.usize(..50) == 0 {
                        "urgent"
                    } else {
                        "normal"
                    },
                    status,
                    answers.to_string(),
                    serde_json::json!(needs).to_string(),
                    serde_json::json!(services).to_string(),
                    claimed_at.map(|_| "Asha"),
                    claimed_at.map(stamp),
                    outcome,
                    closed_at,
                    team,
                    practice,
                    source,
                    unmet,
                ])
                .expect("insert");
        }
    }
    tx.commit().expect("commit");
}

/// Every chart the report page shows, by name.
fn svgs(report: &Published) -> [(&'static str, String); 7] {
    [
        ("weekly", charts::weekly_by_need(report)),
        ("needs", charts::bars("Needs", &report.by_need)),
        ("languages", charts::bars("Languages", &report.by_language)),
        ("sources", charts::bars("Sources", &report.by_source)),
        ("teams", charts::bars("Teams", &report.by_team)),
        ("outcomes", charts::bars("Outcomes", &report.by_outcome)),
        ("wait", charts::wait_histogram(&report.wait_to_claim)),
    ]
}

/// The report published, and every chart and table the report page shows; their size, so
/// none is optimised away.
fn draw(report: &report::Report) -> usize {
    let report = &report.publish();
    let tables = tables::sections(report);
    let svgs: usize = svgs(report).iter().map(|(_, svg)| svg.len()).sum();
    svgs + tables.iter().map(|t| t.rows.len()).sum::<usize>()
}

/// Runs measured outside criterion.
const RUNS: usize = 11;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// This thread's CPU time so far, where Linux tells it.
fn cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(
        stat.split_whitespace().next()?.parse().ok()?,
    ))
}

/// CPU time used since `then`.
fn since(then: Option<Duration>) -> Option<Duration> {
    Some(cpu()?.saturating_sub(then?))
}

/// The median wall and CPU times, as text.
fn median(mut runs: Vec<(Duration, Option<Duration>)>) -> String {
    runs.sort_by_key(|r| r.0);
    let wall = runs.get(runs.len() / 2).map_or(0.0, |r| ms(r.0));
    let mut cpus: Vec<Duration> = runs.iter().filter_map(|r| r.1).collect();
    cpus.sort();
    // The kernel brings a running thread's CPU time up to date at its ticks: too coarse for
    // runs of a millisecond or two.
    match cpus
        .get(cpus.len() / 2)
        .filter(|&&c| c >= Duration::from_millis(5))
    {
        Some(cpu) => format!("{wall:.1} ms ({:.1} ms CPU)", ms(*cpu)),
        None => format!("{wall:.1} ms"),
    }
}

fn bench(c: &mut Criterion) {
    let n: usize = std::env::var("BENCH_REFERRALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(REFERRALS);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = std::env::var_os("BENCH_KEEP_DB")
        .map_or_else(|| dir.path().join("report.db"), std::path::PathBuf::from);
    let mut conn = Store::open(&path).expect("open").into_connection();
    let t = Instant::now();
    seed(&mut conn, n);
    // As the store leaves it in use: the write-ahead log folded into the file.
    signpost::store::checkpoint(&conn).expect("checkpoint");
    println!("seeded {n} referrals in {:.0} ms", ms(t.elapsed()));
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("database: {:.1} MB", size as f64 / 1e6);

    let all = Filter::default();
    let east = Filter {
        since: Some(now().date_naive() - chrono::Days::new(90)),
        team: Some("east".into()),
    };
    // Wall time suffers when the machine is shared; the thread's CPU time much less.
    for (what, filter) in [("all", &all), ("east, 90 days", &east)] {
        let (mut build, mut charts) = (Vec::new(), Vec::new());
        let mut report = None;
        for _ in 0..RUNS {
            let (wall, start) = (Instant::now(), cpu());
            let built = report::build(&conn, filter, now()).expect("report");
            build.push((wall.elapsed(), since(start)));
            let (wall, start) = (Instant::now(), cpu());
            black_box(draw(&built));
            charts.push((wall.elapsed(), since(start)));
            report = Some(built);
        }
        let Some(report) = report else { continue };
        println!(
            "{what} ({} referrals, {} weeks), median of {RUNS}: build {}; charts and tables {}",
            report.referrals,
            report.weekly.weeks.len(),
            median(build),
            median(charts)
        );
    }

    if let Some(dir) = std::env::var_os("BENCH_SVG_DIR").map(std::path::PathBuf::from) {
        let report = report::build(&conn, &all, now()).expect("report").publish();
        for (name, svg) in svgs(&report) {
            std::fs::write(dir.join(format!("{name}.svg")), svg).expect("write");
        }
    }

    c.bench_function("report build, 100k referrals", |b| {
        b.iter(|| report::build(&conn, black_box(&all), now()).expect("report"))
    });
    c.bench_function("report build + all charts, 100k referrals", |b| {
        b.iter(|| {
            let report = report::build(&conn, black_box(&all), now()).expect("report");
            draw(&report)
        })
    });
    c.bench_function("report build, one team, 90 days", |b| {
        b.iter(|| report::build(&conn, black_box(&east), now()).expect("report"))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(5));
    targets = bench
}
criterion_main!(benches);
