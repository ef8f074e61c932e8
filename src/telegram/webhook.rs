//! The webhook listener: Telegram posts each update here with the secret in a header.
//!
//! Bounded against callers without the secret: the secret is checked from the headers before
//! any body is read; connections are capped, and at the cap a new connection takes the place of
//! the oldest one that is not in the middle of a request (so stalled connections cannot keep
//! Telegram waiting); a request must send its headers and its body within a time limit; bodies
//! are capped in size.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use subtle::ConstantTimeEq;
use tokio::net::{TcpListener, TcpSocket};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use super::Shared;
use super::intake::accept;
use super::routing::Router;
use super::updates::{Read, read};

/// Connections Telegram is asked to open at most (`setWebhook`'s `max_connections`).
pub const TELEGRAM_CONNECTIONS: u8 = 40;
/// Connections served at once. At the cap, the oldest connection not in a request is closed to
/// make room; only when every one is in a request do new ones wait in the kernel's queue.
pub const MAX_CONNECTIONS: usize = 64;
/// Connections the kernel may hold waiting to be accepted (capped by `net.core.somaxconn`):
/// deep enough that a few hundred stalled connections leave room for Telegram's.
pub const BACKLOG: u32 = 1024;
/// Time allowed to send a request's headers (and to start one on an idle connection).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(5);
/// Time allowed to send a request's body once its headers are in.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(5);
/// Largest body read. An update is a few kilobytes; Telegram's texts are at most 4,096
/// characters.
pub const MAX_BODY: usize = 1 << 20;
/// At most one warning this often about calls without the secret, with a count.
const REFUSAL_REPORT: Duration = Duration::from_secs(60);

/// The secret Telegram sends back in `X-Telegram-Bot-Api-Secret-Token`.
pub struct Secret(String);

impl Secret {
    /// 48 characters (288 bits) from the operating system's random generator.
    pub fn new() -> Result<Secret, getrandom::Error> {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        let mut bytes = [0u8; 48];
        getrandom::fill(&mut bytes)?;
        Ok(Secret(
            bytes
                .iter()
                .map(|b| char::from(ALPHABET[usize::from(b & 63)]))
                .collect(),
        ))
    }

    /// The secret, for `setWebhook`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when `given` is the secret, compared in constant time.
    pub fn matches(&self, given: &[u8]) -> bool {
        self.0.as_bytes().ct_eq(given).into()
    }
}

/// Warnings about refused calls, at most one per [`REFUSAL_REPORT`].
struct Refusals {
    state: Mutex<(Option<Instant>, u64)>,
}

impl Refusals {
    fn note(&self) {
        let Ok(mut s) = self.state.lock() else {
            return;
        };
        s.1 += 1;
        let now = Instant::now();
        if s.0
            .is_none_or(|at| now.duration_since(at) >= REFUSAL_REPORT)
        {
            tracing::warn!(
                count = s.1,
                "webhook calls without the right secret refused (reported at most once a minute)"
            );
            *s = (Some(now), 0);
        }
    }
}

/// One open connection, as the listener sees it.
struct Conn {
    /// Headers of a request are in and its answer is not yet sent.
    busy: Arc<AtomicBool>,
    /// Closes the connection.
    close: CancellationToken,
}

/// The open connections, oldest first.
#[derive(Default)]
struct Conns {
    open: Mutex<(u64, BTreeMap<u64, Conn>)>,
    freed: Notify,
}

impl Conns {
    /// Room for one more: `Some(id)` with its flag and closer. At the cap, `None`, after asking
    /// the oldest idle connection to close (its place is taken once it has, so descriptors stay
    /// within the cap).
    fn admit(&self) -> Option<(u64, Arc<AtomicBool>, CancellationToken)> {
        let Ok(mut guard) = self.open.lock() else {
            return None;
        };
        let (next, open) = &mut *guard;
        if open.len() >= MAX_CONNECTIONS {
            let closing = open.values().any(|c| c.close.is_cancelled());
            if !closing && let Some(c) = open.values().find(|c| !c.busy.load(Ordering::Acquire)) {
                c.close.cancel();
            }
            return None;
        }
        *next += 1;
        let busy = Arc::new(AtomicBool::new(false));
        let close = CancellationToken::new();
        open.insert(
            *next,
            Conn {
                busy: busy.clone(),
                close: close.clone(),
            },
        );
        Some((*next, busy, close))
    }

    /// A connection has ended.
    fn gone(&self, id: u64) {
        if let Ok(mut guard) = self.open.lock() {
            guard.1.remove(&id);
        }
        self.freed.notify_one();
    }
}

/// Sets a flag while a request is in hand.
struct Busy(Arc<AtomicBool>);

impl Busy {
    fn new(flag: Arc<AtomicBool>) -> Busy {
        flag.store(true, Ordering::Release);
        Busy(flag)
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

struct Hook {
    path: String,
    secret: Secret,
    shared: Arc<Shared>,
    router: Arc<Router>,
    refusals: Refusals,
}

/// Listens on `addr` with a [`BACKLOG`]-deep queue.
pub fn listen(addr: std::net::SocketAddr) -> std::io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)
}

/// Serves the webhook until the bot stops, then lets requests in hand finish.
pub async fn serve(
    listener: TcpListener,
    path: String,
    secret: Secret,
    shared: Arc<Shared>,
    router: Arc<Router>,
) {
    let stop = shared.stop.clone();
    let hook = Arc::new(Hook {
        path,
        secret,
        shared,
        router,
        refusals: Refusals {
            state: Mutex::new((None, 0)),
        },
    });
    let conns = Arc::new(Conns::default());
    let tracker = TaskTracker::new();
    loop {
        let slot = loop {
            let freed = conns.freed.notified();
            if let Some(slot) = conns.admit() {
                break Some(slot);
            }
            tokio::select! {
                _ = stop.cancelled() => break None,
                _ = freed => continue,
            }
        };
        let Some((id, busy, close)) = slot else {
            break;
        };
        let stream = tokio::select! {
            _ = stop.cancelled() => break,
            a = listener.accept() => match a {
                Ok((s, _)) => s,
                Err(e) => {
                    // Out of descriptors, say: wait a little rather than spin.
                    conns.gone(id);
                    tracing::warn!("webhook accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let hook = hook.clone();
        let stop = stop.clone();
        let conns = conns.clone();
        tracker.spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let hook = hook.clone();
                let busy = Busy::new(busy.clone());
                async move {
                    let response = handle(&hook, req).await;
                    drop(busy);
                    Ok::<_, Infallible>(response)
                }
            });
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service);
            tokio::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {},
                // Made room for a newer connection.
                _ = close.cancelled() => {},
                _ = stop.cancelled() => {
                    conn.as_mut().graceful_shutdown();
                    let _ = tokio::time::timeout(BODY_TIMEOUT, conn).await;
                }
            }
            conns.gone(id);
        });
    }
    tracker.close();
    let _ = tokio::time::timeout(BODY_TIMEOUT * 2, tracker.wait()).await;
}

fn status(code: StatusCode) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::new()));
    *r.status_mut() = code;
    r
}

/// One request: refused early when it is not Telegram's, else stored and answered 200 (a 500
/// makes Telegram deliver it again).
async fn handle(hook: &Hook, req: Request<Incoming>) -> Response<Full<Bytes>> {
    if req.uri().path() != hook.path {
        return status(StatusCode::NOT_FOUND);
    }
    if req.method() != Method::POST {
        return status(StatusCode::METHOD_NOT_ALLOWED);
    }
    let given = req
        .headers()
        .get("x-telegram-bot-api-secret-token")
        .map(|v| v.as_bytes())
        .unwrap_or_default();
    if !hook.secret.matches(given) {
        hook.refusals.note();
        return status(StatusCode::UNAUTHORIZED);
    }
    let declared = req
        .headers()
        .get(hyper::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return status(StatusCode::PAYLOAD_TOO_LARGE);
    }
    let body = match tokio::time::timeout(
        BODY_TIMEOUT,
        Limited::new(req.into_body(), MAX_BODY).collect(),
    )
    .await
    {
        Err(_) => return status(StatusCode::REQUEST_TIMEOUT),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => {
            return status(StatusCode::PAYLOAD_TOO_LARGE);
        }
        Ok(Err(_)) => return status(StatusCode::BAD_REQUEST),
        Ok(Ok(b)) => b.to_bytes(),
    };
    let Ok(text) = std::str::from_utf8(&body) else {
        tracing::error!("webhook update that is not UTF-8 skipped");
        return status(StatusCode::OK);
    };
    let batch = match read(text) {
        Read::Update(id, ev) => vec![(id, ev)],
        Read::Unreadable(id) => {
            tracing::error!(update = id, "unreadable webhook update skipped");
            vec![(id, None)]
        }
        Read::NoId => {
            tracing::error!("webhook update without a readable id skipped");
            return status(StatusCode::OK);
        }
    };
    // On its own task: if the caller hangs up once the update is stored, it is still handed to
    // its chat (a retry would find it stored and not hand it on).
    let (shared, router) = (hook.shared.clone(), hook.router.clone());
    match tokio::spawn(async move { accept(&shared, &router, batch).await }).await {
        Ok(Ok(_)) => status(StatusCode::OK),
        Ok(Err(e)) => {
            tracing::error!("cannot store a webhook update: {e}");
            status(StatusCode::INTERNAL_SERVER_ERROR)
        }
        Err(e) => {
            tracing::error!("storing a webhook update failed: {e}");
            status(StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_long_random_and_compared_whole() {
        let a = Secret::new().expect("os random");
        let b = Secret::new().expect("os random");
        assert_eq!(a.as_str().len(), 48);
        assert_ne!(a.as_str(), b.as_str());
        assert!(
            a.as_str()
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-'),
            "Telegram allows A-Z a-z 0-9 _ - only"
        );
        assert!(a.matches(a.as_str().as_bytes()));
        assert!(!a.matches(b.as_str().as_bytes()));
        assert!(!a.matches(&a.as_str().as_bytes()[..47]));
        assert!(!a.matches(format!("{}x", a.as_str()).as_bytes()));
        assert!(!a.matches(b""));
    }
}
