//! Attacks 1 and 2: connections that never finish their headers, and the bot under a low
//! descriptor limit.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_util::sync::CancellationToken;

use crate::bot::{Hook, launch};
use crate::*;

// ----- 1 -----

/// What became of a connection held open by the client.
#[derive(Default)]
struct Held {
    /// When it was established, if it was.
    connected: Option<Instant>,
    /// When the bot closed it, if it did before the deadline.
    closed: Option<Instant>,
    /// The status it answered first, if any (408, say).
    status: Option<u16>,
    /// Closed by a reset rather than an orderly close.
    reset: bool,
}

/// Connections established and closed so far, for a look while they are held.
#[derive(Default)]
struct Tally {
    connected: AtomicUsize,
    closed: AtomicUsize,
}

/// Reads until the bot closes the connection, or `deadline`.
async fn hold(mut s: TcpStream, deadline: Instant, stop: CancellationToken) -> Held {
    let mut buf = [0u8; 1024];
    let mut held = Held::default();
    loop {
        let read = tokio::select! {
            _ = stop.cancelled() => return held,
            r = tokio::time::timeout_at(tokio::time::Instant::from_std(deadline), s.read(&mut buf)) => r,
        };
        match read {
            Err(_) => return held,
            Ok(Ok(n @ 1..)) => {
                if held.status.is_none() {
                    held.status = net::status_of(&buf[..n]);
                }
            }
            Ok(r) => {
                held.closed = Some(Instant::now());
                held.reset = r.is_err();
                return held;
            }
        }
    }
}

/// One connection that sends an unfinished request head and waits: connecting until
/// `deadline` (past a full accept queue, the kernel retries the SYN), then held until the bot
/// closes it.
async fn stalled(
    hook: Hook,
    deadline: Instant,
    stop: CancellationToken,
    tally: Arc<Tally>,
) -> Held {
    let within = deadline.saturating_duration_since(Instant::now());
    let connected = tokio::select! {
        _ = stop.cancelled() => None,
        r = net::connect(&hook.addr, within) => r.ok(),
    };
    let Some(mut s) = connected else {
        return Held::default();
    };
    tally.connected.fetch_add(1, Ordering::Relaxed);
    let at = Instant::now();
    let held = if s
        .write_all(net::unfinished(&hook.path).as_bytes())
        .await
        .is_err()
    {
        Held {
            closed: Some(Instant::now()),
            reset: true,
            ..Held::default()
        }
    } else {
        hold(s, deadline, stop).await
    };
    if held.closed.is_some() {
        tally.closed.fetch_add(1, Ordering::Relaxed);
    }
    Held {
        connected: Some(at),
        ..held
    }
}

/// Starts `n` stalled connections at once.
fn open_stalled(
    hook: &Hook,
    n: usize,
    deadline: Instant,
    stop: &CancellationToken,
    tally: &Arc<Tally>,
) -> Vec<tokio::task::JoinHandle<Held>> {
    (0..n)
        .map(|_| tokio::spawn(stalled(hook.clone(), deadline, stop.clone(), tally.clone())))
        .collect()
}

pub async fn half_sent(n: usize) -> Result<Vec<Row>, String> {
    let bot = launch(true, None).await?;
    let hook = bot.hook()?;
    let pid = bot.pid();
    let base = bot::descriptors(pid);
    let peak = bot::PeakDescriptors::start(pid);
    let stop = CancellationToken::new();
    let tally = Arc::new(Tally::default());
    let limit = Duration::from_secs(90);
    let t0 = Instant::now();
    let held = open_stalled(&hook, n, t0 + limit, &stop, &tally);
    tokio::time::sleep_until(tokio::time::Instant::from_std(t0 + Duration::from_secs(8))).await;
    let at_8 = bot::descriptors(pid);
    let connected_8 = tally.connected.load(Ordering::Relaxed);
    let open_8 = connected_8 - tally.closed.load(Ordering::Relaxed);
    let mut closed = Vec::new();
    let mut answered: BTreeMap<u16, usize> = BTreeMap::new();
    let (mut never, mut unconnected, mut resets) = (0, 0, 0);
    for h in held {
        let h = h.await.unwrap_or_default();
        match (h.connected, h.closed) {
            (None, _) => unconnected += 1,
            (Some(_), None) => never += 1,
            (Some(_), Some(at)) => {
                resets += usize::from(h.reset);
                closed.push(at.saturating_duration_since(t0));
                if let Some(s) = h.status {
                    *answered.entry(s).or_default() += 1;
                }
            }
        }
    }
    let peak = peak.finish().await;
    closed.sort();
    // When they were closed, second by second (on stderr, for a closer look).
    let mut by_second: BTreeMap<u64, usize> = BTreeMap::new();
    for d in &closed {
        *by_second.entry(d.as_secs()).or_default() += 1;
    }
    eprintln!(
        "hardening: 1. closed, by second since the attack began: {by_second:?}; {resets} by reset"
    );
    let first = closed.first().copied().unwrap_or_default();
    let last = closed.last().copied().unwrap_or_default();
    let answers: Vec<String> = answered.iter().map(|(s, n)| format!("{n}x {s}")).collect();
    let mut last_closed = format!("{} / {}", secs(first), secs(last));
    if never + unconnected > 0 {
        last_closed += &format!(
            "; at {}: {never} open, {unconnected} never connected",
            secs(limit)
        );
    }
    Ok(vec![
        row(
            "open 8 s after they were sent",
            format!(
                "{open_8} of {n}, {} more still connecting; bot holds {}",
                n - connected_8,
                at_8.saturating_sub(base)
            ),
            "400 of 400",
        ),
        row("first / last closed by the bot", last_closed, "never"),
        row(
            "bot's fds: idle, peak; answers seen",
            format!(
                "{base}, {peak}; {}",
                if answers.is_empty() {
                    "closed without an answer".to_string()
                } else {
                    answers.join(", ")
                }
            ),
            "",
        ),
    ])
}

// ----- 2 -----

/// One delivery's outcome: the status, or why there was none, and its latency.
type Delivery = (Result<u16, String>, Duration);

/// `count` real deliveries with the secret (each a `/start` from a new chat, ids from `first`),
/// `at_once` at a time.
async fn deliver(
    hook: &Hook,
    first: i64,
    count: usize,
    at_once: usize,
    within: Duration,
) -> Vec<Delivery> {
    let next = Arc::new(AtomicUsize::new(0));
    let mut workers = Vec::new();
    for _ in 0..at_once {
        let next = next.clone();
        let hook = hook.clone();
        workers.push(tokio::spawn(async move {
            let mut out = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count {
                    return out;
                }
                let id = first + i as i64;
                let mut update = fake_bot_api::text(60_000 + id, Some("en"), "/start");
                update["update_id"] = json!(id);
                let body = update.to_string();
                let request = net::head(&hook.path, Some(&hook.secret), body.len(), true) + &body;
                out.push(net::exchange(&hook.addr, request.as_bytes(), within).await);
            }
        }));
    }
    let mut all = Vec::new();
    for w in workers {
        all.extend(w.await.unwrap_or_default());
    }
    all
}

/// "n x 200 of m; p50 / max": the figures of a round of deliveries.
fn deliveries_summary(d: &[Delivery]) -> (String, String) {
    let mut ok: Vec<Duration> = d
        .iter()
        .filter(|(r, _)| *r == Ok(200))
        .map(|(_, t)| *t)
        .collect();
    ok.sort();
    let mut other: BTreeMap<String, usize> = BTreeMap::new();
    for (r, _) in d.iter().filter(|(r, _)| *r != Ok(200)) {
        let key = match r {
            Ok(s) => s.to_string(),
            Err(e) => e.clone(),
        };
        *other.entry(key).or_default() += 1;
    }
    let others: Vec<String> = other.iter().map(|(k, n)| format!("{n} {k}")).collect();
    let counts = format!(
        "{} of {} got 200{}",
        ok.len(),
        d.len(),
        if others.is_empty() {
            String::new()
        } else {
            format!(" ({})", others.join(", "))
        }
    );
    let latency = if ok.is_empty() {
        "none answered".to_string()
    } else {
        format!(
            "p50 {} / max {} ({} over 1 s)",
            secs(percentile(&ok, 0.5)),
            secs(ok.last().copied().unwrap_or_default()),
            ok.iter().filter(|d| **d > Duration::from_secs(1)).count()
        )
    };
    (counts, latency)
}

/// An attacker who keeps one stalled connection open: reopened as soon as the bot closes it.
async fn attacker(hook: Hook, stop: CancellationToken, reopened: Arc<AtomicU64>) {
    let head = net::unfinished(&hook.path);
    while !stop.is_cancelled() {
        let Ok(mut s) = net::connect(&hook.addr, Duration::from_secs(5)).await else {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        if s.write_all(head.as_bytes()).await.is_ok() {
            hold(s, Instant::now() + Duration::from_secs(120), stop.clone()).await;
        }
        reopened.fetch_add(1, Ordering::Relaxed);
    }
}

pub async fn low_descriptor_limit() -> Result<Vec<Row>, String> {
    let bot = launch(true, Some(128)).await?;
    let hook = bot.hook()?;
    let pid = bot.pid();
    let limit = bot::open_files_limit(pid)
        .map(|l| l.to_string())
        .unwrap_or_else(|| "?".into());
    let base = bot::descriptors(pid);
    let peak = bot::PeakDescriptors::start(pid);

    // 200 stalled, then 20 deliveries 4 at a time while they are held.
    let stop = CancellationToken::new();
    let tally = Arc::new(Tally::default());
    let held = open_stalled(
        &hook,
        200,
        Instant::now() + Duration::from_secs(60),
        &stop,
        &tally,
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let first = 10_000;
    let round1 = deliver(&hook, first, 20, 4, Duration::from_secs(40)).await;
    let (mut failed, mut still) = (0, 0);
    for h in held {
        match h.await.unwrap_or_default() {
            Held {
                connected: None, ..
            } => failed += 1,
            Held { closed: None, .. } => still += 1,
            _ => {}
        }
    }
    let handled1 =
        match bot::wait_processed(&bot.db, first, first + 19, Duration::from_secs(10)).await {
            Ok(_) => 20,
            Err(n) => n,
        };

    // The same, with each stalled connection reopened the moment it is closed.
    let stop = CancellationToken::new();
    let reopened = Arc::new(AtomicU64::new(0));
    let attackers: Vec<_> = (0..200)
        .map(|_| tokio::spawn(attacker(hook.clone(), stop.clone(), reopened.clone())))
        .collect();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let second = 20_000;
    let round2 = deliver(&hook, second, 8, 4, Duration::from_secs(40)).await;
    stop.cancel();
    for a in attackers {
        let _ = tokio::time::timeout(Duration::from_secs(5), a).await;
    }
    let handled2 =
        match bot::wait_processed(&bot.db, second, second + 7, Duration::from_secs(10)).await {
            Ok(_) => 8,
            Err(n) => n,
        };
    let peak = peak.finish().await;
    let log = bot.log_text();
    let accept_failures = log.lines().filter(|l| l.contains("accept failed")).count();
    let alive = bot::descriptors(pid) > 0;

    let (c1, l1) = deliveries_summary(&round1);
    let (c2, l2) = deliveries_summary(&round2);
    Ok(vec![
        row(
            "200 held, then 20 deliveries 4 at a time",
            format!("{c1}; {handled1} handled"),
            "timed out",
        ),
        row("  their latency (connect to answer)", l1, ""),
        row(
            "200 reopened as closed, 8 deliveries",
            format!(
                "{c2}; {handled2} handled; {} reopened",
                reopened.load(Ordering::Relaxed)
            ),
            "",
        ),
        row("  their latency", l2, ""),
        row(
            "bot's fds: limit, idle, peak; accept errors",
            format!(
                "{limit}, {base}, {peak}; {accept_failures}{}{}",
                if alive { "" } else { "; bot died" },
                if failed + still > 0 {
                    format!("; {failed} not opened, {still} never closed")
                } else {
                    String::new()
                }
            ),
            "128 exhausted",
        ),
    ])
}
