//! The webhook listener against callers without the secret, as an outside review tried it:
//! bodies it should never read, requests sent slowly or never finished, more connections than
//! it should hold, and a log flooded with refusals.

mod bot;
mod common;
mod fake_bot_api;

use std::time::{Duration, Instant};

use bot::*;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Writes `head` (and no more) on a new connection; returns the connection.
async fn half_sent(addr: &str, head: &str) -> TcpStream {
    let mut s = TcpStream::connect(addr).await.expect("connect");
    s.write_all(head.as_bytes()).await.expect("write");
    s
}

/// The status line of the answer, or `None` if the connection closed without one; panics if
/// nothing comes within `within`.
async fn answer(s: &mut TcpStream, within: Duration) -> Option<String> {
    let mut buf = vec![0u8; 4096];
    let n = tokio::time::timeout(within, s.read(&mut buf))
        .await
        .expect("an answer or a close in time")
        .unwrap_or(0);
    let text = String::from_utf8_lossy(&buf[..n]).into_owned();
    text.lines().next().map(str::to_string)
}

fn head(path: &str, secret: Option<&str>, length: usize) -> String {
    let secret = secret
        .map(|s| format!("X-Telegram-Bot-Api-Secret-Token: {s}\r\n"))
        .unwrap_or_default();
    format!(
        "POST {path} HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\n{secret}Content-Length: {length}\r\n\r\n"
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bodies_are_refused_before_they_are_read() {
    let (fake, _dir, db) = setup().await;
    let (bot, addr, path, secret) = webhook_bot(&fake, &db).await;
    // 2 MB announced, none sent: without the secret the answer comes at once.
    let mut s = half_sent(&addr, &head(&path, None, 2_000_000)).await;
    let status = answer(&mut s, Duration::from_secs(3)).await;
    assert_eq!(status.as_deref(), Some("HTTP/1.1 401 Unauthorized"));
    let mut s = half_sent(&addr, &head(&path, Some("guess"), 2_000_000)).await;
    let status = answer(&mut s, Duration::from_secs(3)).await;
    assert_eq!(status.as_deref(), Some("HTTP/1.1 401 Unauthorized"));
    // With the secret, too large is refused before reading, announced or not.
    let mut s = half_sent(&addr, &head(&path, Some(&secret), 2_000_000)).await;
    let status = answer(&mut s, Duration::from_secs(3)).await;
    assert_eq!(status.as_deref(), Some("HTTP/1.1 413 Payload Too Large"));
    let chunked = format!(
        "POST {path} HTTP/1.1\r\nHost: bot\r\nX-Telegram-Bot-Api-Secret-Token: {secret}\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    let mut s = half_sent(&addr, &chunked).await;
    let chunk = format!("{:x}\r\n{}\r\n", 64 * 1024, "a".repeat(64 * 1024));
    for _ in 0..20 {
        if s.write_all(chunk.as_bytes()).await.is_err() {
            break;
        }
    }
    let status = answer(&mut s, Duration::from_secs(3)).await;
    assert_eq!(status.as_deref(), Some("HTTP/1.1 413 Payload Too Large"));
    // A real update still goes through.
    let mut update = fake_bot_api::text(611, Some("en"), "/start");
    update["update_id"] = json!(7000);
    let body = update.to_string();
    let (code, _) = fake_bot_api::http_post(
        &addr,
        &path,
        &[("X-Telegram-Bot-Api-Secret-Token", &secret)],
        &body,
    )
    .await;
    assert_eq!(code, 200);
    settled(&db, 7000).await;
    drop(bot);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_and_unfinished_requests_are_cut_off() {
    let (fake, _dir, db) = setup().await;
    let (_bot, addr, path, secret) = webhook_bot(&fake, &db).await;
    let started = Instant::now();
    // Headers never finished.
    let mut headers = half_sent(&addr, &format!("POST {path} HTTP/1.1\r\nHost: bot\r\n")).await;
    // Nothing sent at all.
    let mut silent = TcpStream::connect(&addr).await.expect("connect");
    // The secret, then a body that stops half way.
    let mut body = half_sent(&addr, &head(&path, Some(&secret), 100)).await;
    body.write_all(b"{\"update_id\":").await.expect("write");
    // Each is closed (or answered 408) within the limits (5 s each), not held open.
    for s in [&mut headers, &mut silent] {
        let status = answer(s, Duration::from_secs(15)).await;
        assert!(
            status.is_none() || status.as_deref() == Some("HTTP/1.1 408 Request Timeout"),
            "{status:?}"
        );
    }
    let status = answer(&mut body, Duration::from_secs(15)).await;
    assert_eq!(status.as_deref(), Some("HTTP/1.1 408 Request Timeout"));
    assert!(started.elapsed() < Duration::from_secs(15));
}

/// Open descriptors of a process (Linux).
fn descriptors(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .map(|d| d.count())
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_are_capped_and_deliveries_still_arrive() {
    let (fake, _dir, db) = setup().await;
    let (bot, addr, path, secret) = webhook_bot(&fake, &db).await;
    let hook = fake.calls().into_iter().find(|c| c.method == "setWebhook");
    assert_eq!(hook.expect("setWebhook").body["max_connections"], 40);
    let pid = bot.child.id();
    let base = descriptors(pid);
    assert!(base > 0, "cannot read /proc/{pid}/fd");
    // 150 connections that never finish their headers.
    let mut held = Vec::new();
    for _ in 0..150 {
        held.push(half_sent(&addr, &format!("POST {path} HTTP/1.1\r\n")).await);
    }
    // The bot accepts at most 64 of them at a time (the rest wait in the kernel's queue).
    let mut most = 0;
    let until = Instant::now() + Duration::from_secs(2);
    while Instant::now() < until {
        most = most.max(descriptors(pid));
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        most <= base + 64 + 4,
        "{most} descriptors open with 150 stalled connections (base {base})"
    );
    // A delivery from Telegram takes the place of a stalled connection: it is answered before
    // the 5 s header limit could have freed one.
    let mut update = fake_bot_api::text(612, Some("en"), "/start");
    update["update_id"] = json!(7100);
    let asked = Instant::now();
    let (code, _) = fake_bot_api::http_post(
        &addr,
        &path,
        &[("X-Telegram-Bot-Api-Secret-Token", &secret)],
        &update.to_string(),
    )
    .await;
    assert_eq!(code, 200);
    assert!(
        asked.elapsed() < Duration::from_secs(4),
        "waited {:?} behind stalled connections",
        asked.elapsed()
    );
    settled(&db, 7100).await;
    let p = Person::new(&fake, &db, 612, Some("en"));
    assert_eq!(texts(&p.calls()), ["Which language would you like to use?"]);
    drop(held);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_are_logged_once_a_minute_not_once_each() {
    let (fake, _dir, db) = setup().await;
    let (bot, addr, path, _secret) = webhook_bot(&fake, &db).await;
    for _ in 0..30 {
        let (code, _) = fake_bot_api::http_post(&addr, &path, &[], "{}").await;
        assert_eq!(code, 401);
    }
    let warnings = bot
        .log()
        .lines()
        .filter(|l| l.contains("without the right secret"))
        .count();
    assert_eq!(warnings, 1, "{}", bot.log());
}
