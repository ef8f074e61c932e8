//! Issue 14 measured again: the outside review's attacks on the release `signpost serve`, each
//! on a fresh bot and database, through the tests' fake Bot API and raw TCP.
//!
//! ```sh
//! cargo bench --bench hardening                 # about two minutes; a table at the end
//! cargo bench --bench hardening -- --only 1,4    # some of the attacks
//! ```
//!
//! 1. 400 webhook requests whose headers are never finished: how many are still open 8 s after
//!    the last was sent, and when the last was closed.
//! 2. The bot under `ulimit -n 128`: 200 stalled connections, then 20 real deliveries with the
//!    secret, 4 at a time; then the same with the 200 reopened as fast as they are closed.
//! 3. 150 unauthenticated requests each sending a 2 MB body at once: the bot's RSS before, its
//!    peak (VmHWM, reset before the attack) and its RSS after.
//! 4. Polling: an update with id 2^40, then `getUpdates` calls counted for 15 s; a batch with a
//!    lone surrogate before an ordinary `/start`.
//! 5. 10,000 forged presses from one chat at once: Bot API calls for that chat, time until all
//!    are handled, and how long another chat's `/start` waits.
//! 6. 20,000 unauthenticated webhook requests on keep-alive connections: what the bot logs.
//!
//! The fake answers a long poll after at most 1 s (Telegram holds it for the bot's 10 s), so
//! an idle bot polls about once a second here.

#[path = "../../tests/fake_bot_api/mod.rs"]
mod fake_bot_api;

mod bot;
mod connections;
mod net;
mod polling;
mod requests;

use connections::{half_sent, low_descriptor_limit};
use polling::{odd_updates, press_flood};
use requests::{big_bodies, refusal_flood};

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use bot::launch;

/// One line of the table: what, now, the review's figure.
struct Row {
    what: String,
    now: String,
    old: String,
}

fn row(what: &str, now: impl Into<String>, old: &str) -> Row {
    Row {
        what: what.to_string(),
        now: now.into(),
        old: old.to_string(),
    }
}

/// One attack's rows, or why it could not be measured, and how busy the machine was.
struct Section {
    title: &'static str,
    rows: Result<Vec<Row>, String>,
    machine_busy: Option<f64>,
    took: Duration,
}

async fn section(
    title: &'static str,
    f: impl std::future::Future<Output = Result<Vec<Row>, String>>,
) -> Section {
    eprintln!("hardening: {title} ...");
    let t = Instant::now();
    let before = bot::machine_ticks();
    let rows = f.await;
    let machine_busy = bot::busy(before, bot::machine_ticks());
    if let Err(e) = &rows {
        eprintln!("hardening: {title}: failed: {e}");
    }
    Section {
        title,
        rows,
        machine_busy,
        took: t.elapsed(),
    }
}

/// The attacks asked for with `--only 1,4` (all by default).
fn wanted() -> impl Fn(u8) -> bool {
    let args: Vec<String> = std::env::args().collect();
    let only: Option<Vec<u8>> = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .map(|v| v.split(',').filter_map(|k| k.trim().parse().ok()).collect());
    move |k| only.as_ref().is_none_or(|o| o.contains(&k))
}

fn main() {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("hardening: cannot start tokio: {e}");
            std::process::exit(1);
        }
    };
    let load_before = loadavg();
    let started = Instant::now();
    let before = bot::machine_ticks();
    let want = wanted();
    let sections = runtime.block_on(async {
        let mut s = Vec::new();
        if want(1) {
            s.push(section("1. 400 half-sent webhook requests", half_sent(400)).await);
        }
        if want(2) {
            s.push(
                section(
                    "2. ulimit -n 128, 200 stalled connections, real deliveries",
                    low_descriptor_limit(),
                )
                .await,
            );
        }
        if want(3) {
            s.push(
                section(
                    "3. 150 unauthenticated 2 MB bodies at once",
                    big_bodies(150, 2_000_000),
                )
                .await,
            );
        }
        if want(4) || want(5) {
            let titles = [
                "4. polling: update id 2^40, lone surrogate",
                "5. 10,000 forged presses from one chat",
            ];
            match launch(false, None).await {
                Ok(polling) => {
                    if want(4) {
                        s.push(section(titles[0], odd_updates(&polling)).await);
                    }
                    if want(5) {
                        s.push(section(titles[1], press_flood(&polling, 10_000)).await);
                    }
                }
                Err(e) => {
                    for (k, title) in [(4, titles[0]), (5, titles[1])] {
                        if want(k) {
                            s.push(section(title, async { Err(e.clone()) }).await);
                        }
                    }
                }
            }
        }
        if want(6) {
            s.push(
                section(
                    "6. 20,000 unauthenticated webhook requests",
                    refusal_flood(20_000, 4),
                )
                .await,
            );
        }
        s
    });
    let machine_busy = bot::busy(before, bot::machine_ticks());
    report(
        &sections,
        started.elapsed(),
        machine_busy,
        &load_before,
        &loadavg(),
    );
}

// ----- the table -----

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn secs(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{:.0} ms", d.as_secs_f64() * 1000.0)
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

fn mb(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 / 1024.0)
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "?".into())
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    format!("{cores} cores, {cpu}")
}

fn percent(b: Option<f64>) -> String {
    b.map(|b| format!("{:.0}%", b * 100.0))
        .unwrap_or_else(|| "?".into())
}

fn report(
    sections: &[Section],
    took: Duration,
    busy: Option<f64>,
    load_before: &str,
    load_after: &str,
) {
    println!();
    println!(
        "hardening (issue 14), release signpost serve vs the fake Bot API; {}",
        machine()
    );
    println!(
        "run {}; machine CPU busy {} (bot, driver, fake and anything else on the machine); load average {load_before} before, {load_after} after",
        secs(took),
        percent(busy)
    );
    println!("{:<46} {:<58} review (old)", "", "now");
    for s in sections {
        println!(
            "{} [{}, machine busy {}]",
            s.title,
            secs(s.took),
            percent(s.machine_busy)
        );
        match &s.rows {
            Ok(rows) => {
                for r in rows {
                    println!("  {:<44} {:<58} {}", r.what, r.now, r.old);
                }
            }
            Err(e) => println!("  {:<44} {e}", "NOT MEASURED:"),
        }
    }
}
