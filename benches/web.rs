//! The prescribers' web app over 10,000 referrals: the time to answer a queue page, a
//! filtered page, a deep page and a record (p50, p99, in process, through the real router),
//! and how long the store's thread (which the bot's steps share) waits while pages are read.
//!
//! Run: `cargo bench --bench web`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, header};
use chrono::Utc;
use signpost::app::accounts::{self, Request as NewAccount};
use signpost::app::login::{self, Login};
use signpost::content::Content;
use signpost::engine::{Answer, Referral};
use signpost::store::actor::StoreActor;
use signpost::store::{Channel, Role, Store};
use signpost::web::{App, WebConfig};
use tower::ServiceExt;

const REFERRALS: usize = 10_000;
const SAMPLES: usize = 400;
const NEEDS: &[&str] = &[
    "mental", "money", "housing", "work", "caring", "lonely", "food",
];
const LANGS: &[&str] = &["en-GB", "bn", "so", "ur", "ar", "pl", "tr", "zh-Hans"];

fn referral(i: usize, rng: &mut fastrand::Rng) -> Referral {
    let mut answers = std::collections::BTreeMap::new();
    answers.insert("name".to_string(), Answer::Text(format!("Resident {i}")));
    answers.insert("phone".to_string(), Answer::Text("07700900123".into()));
    answers.insert(
        "story".to_string(),
        Answer::Text(
            "I have been feeling alone since I moved here and would like to meet people.".into(),
        ),
    );
    let needs: Vec<String> = (0..rng.usize(1..=3))
        .map(|_| NEEDS[rng.usize(..NEEDS.len())].to_string())
        .collect();
    answers.insert("needs".to_string(), Answer::Choices(needs.clone()));
    Referral {
        reference: format!("SP-{i:05}"),
        created_at: Utc::now() - chrono::Duration::minutes(rng.i64(1..525_600)),
        language: LANGS[rng.usize(..LANGS.len())].into(),
        urgent: rng.usize(..20) == 0,
        answers,
        needs,
        services: vec!["talk-together-e1".into()],
        unmet: None,
        consent_at: None,
        notice_version: None,
        flags: vec![],
        team: if rng.bool() { "central" } else { "east" }.into(),
        practice: None,
        source: None,
        referred_by: None,
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("bench.db");
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let content = Arc::new(Content::load(&root).expect("content").0);
    let mut store = Store::open(&db).expect("open");
    let seeded = Instant::now();
    let tokens = store
        .in_transaction(|c| {
            let mut rng = fastrand::Rng::with_seed(7);
            for i in 0..REFERRALS {
                let channel = Channel::Terminal;
                signpost::store::referrals::add(
                    c,
                    channel,
                    &format!("u{i}"),
                    &referral(i, &mut rng),
                )?;
            }
            let mut tokens = Vec::new();
            for (name, role) in [("Cora", Role::Coordinator), ("Amina", Role::Prescriber)] {
                accounts::add(
                    c,
                    &content.practices,
                    &NewAccount {
                        name,
                        team: "central",
                        role,
                        practice: None,
                        telegram: None,
                        password: Some("correct horse battery"),
                    },
                    Utc::now(),
                )?;
                // The password check is Argon2's cost, not the page's: skipped here.
                match login::login(c, name, true, Utc::now())? {
                    Login::In { token, .. } => tokens.push(token),
                    Login::Refused | Login::Locked => panic!("login"),
                }
            }
            Ok::<_, accounts::AccountError>(tokens)
        })
        .expect("seed");
    println!("seeded {REFERRALS} referrals in {:?}", seeded.elapsed());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async move {
        let actor = StoreActor::spawn(store.into_connection());
        let app = App::start(content, actor.clone(), &db, WebConfig::default())
            .await
            .expect("app");
        let router = signpost::web::router(app);
        let get = move |path: String, token: &str| {
            let router = router.clone();
            let cookie = format!("signpost_session={token}");
            async move {
                let r = router
                    .oneshot(
                        Request::get(path)
                            .header(header::COOKIE, cookie)
                            .body(Body::empty())
                            .expect("request"),
                    )
                    .await
                    .expect("answered");
                assert!(r.status().is_success(), "{}", r.status());
                axum::body::to_bytes(r.into_body(), 16 << 20)
                    .await
                    .expect("body")
                    .len()
            }
        };
        for (what, path, token) in [
            (
                "queue, coordinator (all 10,000)",
                "/".to_string(),
                &tokens[0],
            ),
            (
                "queue, prescriber (their team)",
                "/".to_string(),
                &tokens[1],
            ),
            (
                "queue, filtered by need and language",
                "/?status=all&need=money&language=bn".to_string(),
                &tokens[0],
            ),
            (
                "queue, page 150 of closed and open",
                "/?status=all&page=150".to_string(),
                &tokens[0],
            ),
            ("one record", "/referrals/SP-04321".to_string(), &tokens[0]),
        ] {
            let _ = get(path.clone(), token).await;
            let mut times = Vec::with_capacity(SAMPLES);
            let mut bytes = 0;
            for _ in 0..SAMPLES {
                let t = Instant::now();
                bytes = get(path.clone(), token).await;
                times.push(t.elapsed());
            }
            times.sort();
            println!(
                "{what:<40} p50 {:>8.2?}  p99 {:>8.2?}  ({bytes} bytes)",
                percentile(&times, 0.5),
                percentile(&times, 0.99)
            );
        }
        // A ping through the store's thread is itself a job committed to disk: first alone.
        let mut alone = Vec::new();
        for _ in 0..200 {
            let t = Instant::now();
            actor.call(|_| Ok(())).await.expect("ping");
            alone.push(t.elapsed());
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        alone.sort();
        println!(
            "store thread alone: ping p50 {:.2?}, p99 {:.2?}, max {:.2?}",
            percentile(&alone, 0.5),
            percentile(&alone, 0.99),
            alone[alone.len() - 1]
        );
        // Then beside a stream of queue pages from 4 browsers at once.
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let mut browsers = Vec::new();
        for b in 0..4 {
            let get = get.clone();
            let token = tokens[b % 2].clone();
            let stop = stop.clone();
            browsers.push(tokio::spawn(async move {
                let mut n = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    get("/?status=all".to_string(), &token).await;
                    n += 1;
                }
                n
            }));
        }
        let mut pings = Vec::new();
        for _ in 0..200 {
            let t = Instant::now();
            actor.call(|_| Ok(())).await.expect("ping");
            pings.push(t.elapsed());
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let mut pages = 0;
        for b in browsers {
            pages += b.await.expect("browser");
        }
        pings.sort();
        println!(
            "store thread while {pages} pages were read: ping p50 {:.2?}, p99 {:.2?}, max {:.2?}",
            percentile(&pings, 0.5),
            percentile(&pings, 0.99),
            pings[pings.len() - 1]
        );
    });
}
