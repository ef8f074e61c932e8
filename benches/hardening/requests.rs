//! Attacks 3 and 6: large bodies and floods of requests without the secret.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::io::AsyncWriteExt;

use crate::bot::{Hook, launch};
use crate::*;

// ----- 3 -----

static CHUNK: [u8; 64 * 1024] = [b'a'; 64 * 1024];

/// What became of one large unauthenticated body.
struct BodySent {
    written: usize,
    status: Option<u16>,
    /// The connection was still open, unanswered or unread, at the deadline.
    stuck: bool,
}

async fn send_body(hook: Hook, size: usize, deadline: Instant) -> BodySent {
    let Ok(s) = net::connect(&hook.addr, Duration::from_secs(10)).await else {
        return BodySent {
            written: 0,
            status: None,
            stuck: false,
        };
    };
    let (mut r, mut w) = s.into_split();
    let head = net::head(&hook.path, None, size, false);
    let write = async {
        if w.write_all(head.as_bytes()).await.is_err() {
            return (0, false);
        }
        let mut written = 0;
        while written < size {
            let n = CHUNK.len().min(size - written);
            match w.write_all(&CHUNK[..n]).await {
                Ok(()) => written += n,
                Err(_) => return (written, false),
            }
        }
        (written, true)
    };
    let write = tokio::time::timeout_at(tokio::time::Instant::from_std(deadline), write);
    let read = net::read_head(&mut r, deadline);
    let (written, got) = tokio::join!(write, read);
    let (written, stuck) = match written {
        Ok((n, _)) => (n, false),
        Err(_) => (0, true),
    };
    let status = match got {
        net::Got::Head(h) => Some(h.status),
        _ => None,
    };
    BodySent {
        written,
        status,
        stuck,
    }
}

pub async fn big_bodies(n: usize, size: usize) -> Result<Vec<Row>, String> {
    let bot = launch(true, None).await?;
    let hook = bot.hook()?;
    let pid = bot.pid();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let startup_peak = bot::status_kb(pid, "VmHWM").unwrap_or(0);
    let before = bot::status_kb(pid, "VmRSS").unwrap_or(0);
    let reset = bot::reset_peak(pid);
    let t = Instant::now();
    let deadline = t + Duration::from_secs(60);
    let tasks: Vec<_> = (0..n)
        .map(|_| tokio::spawn(send_body(hook.clone(), size, deadline)))
        .collect();
    let mut sent = Vec::new();
    for task in tasks {
        if let Ok(s) = task.await {
            sent.push(s);
        }
    }
    let took = t.elapsed();
    let peak = bot::status_kb(pid, "VmHWM").unwrap_or(0);
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after = bot::status_kb(pid, "VmRSS").unwrap_or(0);
    let full = sent.iter().filter(|s| s.written >= size).count();
    let bytes: usize = sent.iter().map(|s| s.written).sum();
    let refused = sent.iter().filter(|s| s.status == Some(401)).count();
    let other = sent
        .iter()
        .filter(|s| s.status.is_some_and(|c| c != 401))
        .count();
    let stuck = sent.iter().filter(|s| s.stuck).count();
    Ok(vec![
        row(
            "VmRSS before / VmHWM during / VmRSS after",
            format!(
                "{} / {} / {}{}",
                mb(before),
                mb(peak),
                mb(after),
                if reset {
                    String::new()
                } else {
                    format!(" (peak not reset: includes startup {})", mb(startup_peak))
                }
            ),
            "35 / 327 / 327 MB",
        ),
        row(
            "answered 401; full 2 MB written",
            format!(
                "{refused} of {n}; {full} ({:.0} MB in {}){}{}",
                bytes as f64 / 1e6,
                secs(took),
                if other > 0 {
                    format!("; {other} other status")
                } else {
                    String::new()
                },
                if stuck > 0 {
                    format!("; {stuck} stuck at 60 s")
                } else {
                    String::new()
                }
            ),
            "",
        ),
        row("  (startup peak, before the attack)", mb(startup_peak), ""),
    ])
}

// ----- 6 -----

pub async fn refusal_flood(n: usize, at_once: usize) -> Result<Vec<Row>, String> {
    let bot = launch(true, None).await?;
    let hook = bot.hook()?;
    let before = bot.log_text();
    let request = Arc::new(net::head(&hook.path, None, 2, false) + "{}");
    let next = Arc::new(AtomicUsize::new(0));
    let t = Instant::now();
    let workers: Vec<_> = (0..at_once)
        .map(|_| {
            let next = next.clone();
            let request = request.clone();
            let addr = hook.addr.clone();
            tokio::spawn(async move {
                let mut client = net::KeepAlive::new(&addr);
                let mut statuses: BTreeMap<String, usize> = BTreeMap::new();
                while next.fetch_add(1, Ordering::Relaxed) < n {
                    let key = match client
                        .send(request.as_bytes(), Duration::from_secs(10))
                        .await
                    {
                        Ok(s) => s.to_string(),
                        Err(e) => e,
                    };
                    *statuses.entry(key).or_default() += 1;
                }
                (statuses, client.opened)
            })
        })
        .collect();
    let mut statuses: BTreeMap<String, usize> = BTreeMap::new();
    let mut opened = 0;
    for w in workers {
        if let Ok((s, o)) = w.await {
            for (k, v) in s {
                *statuses.entry(k).or_default() += v;
            }
            opened += o;
        }
    }
    let took = t.elapsed();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let after = bot.log_text();
    let added = after.get(before.len()..).unwrap_or_default();
    let lines = added.lines().count();
    let refusal_lines = added
        .lines()
        .filter(|l| l.contains("without the right secret"))
        .count();
    let refused = statuses.get("401").copied().unwrap_or(0);
    let others: Vec<String> = statuses
        .iter()
        .filter(|(k, _)| k.as_str() != "401")
        .map(|(k, v)| format!("{v} {k}"))
        .collect();
    let sample = added
        .lines()
        .find(|l| l.contains("without the right secret"))
        .map(|l| {
            let l = l.find("WARN").map(|i| &l[i..]).unwrap_or(l);
            l.chars().take(140).collect::<String>()
        })
        .unwrap_or_default();
    Ok(vec![
        row(
            "log added: bytes, lines (refusal lines)",
            format!("{} B, {lines} ({refusal_lines})", added.len()),
            "2 MB, 1 WARN each",
        ),
        row(
            "answered 401; time; connections",
            format!(
                "{refused} of {n}{}; {} ({:.0}/s); {opened}",
                if others.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", others.join(", "))
                },
                secs(took),
                n as f64 / took.as_secs_f64()
            ),
            "",
        ),
        row("  that line", sample, ""),
    ])
}
