//! Raw HTTP/1.1 over TCP, as an attacker (or Telegram) sends it. Every wait has a deadline and
//! every failure comes back as a value, to be counted: a failure is often what is measured.

use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Connects within `within`.
pub async fn connect(addr: &str, within: Duration) -> Result<TcpStream, String> {
    match tokio::time::timeout(within, TcpStream::connect(addr)).await {
        Ok(Ok(s)) => {
            let _ = s.set_nodelay(true);
            Ok(s)
        }
        Ok(Err(e)) => Err(format!("connect: {e}")),
        Err(_) => Err("connect: timed out".into()),
    }
}

/// A request head, complete, announcing a body of `length` bytes.
pub fn head(path: &str, secret: Option<&str>, length: usize, close: bool) -> String {
    let secret = secret
        .map(|s| format!("X-Telegram-Bot-Api-Secret-Token: {s}\r\n"))
        .unwrap_or_default();
    let connection = if close { "Connection: close\r\n" } else { "" };
    format!(
        "POST {path} HTTP/1.1\r\nHost: bot.example.org\r\nContent-Type: application/json\r\n{secret}{connection}Content-Length: {length}\r\n\r\n"
    )
}

/// A request whose headers are never finished.
pub fn unfinished(path: &str) -> String {
    format!("POST {path} HTTP/1.1\r\nHost: bot.example.org\r\n")
}

/// The head of an answer.
pub struct Head {
    pub status: u16,
    pub content_length: usize,
    /// Bytes past the head already read.
    pub extra: usize,
    /// The server said it closes the connection.
    pub close: bool,
}

/// What came back on a connection.
pub enum Got {
    Head(Head),
    /// Closed (or reset) before any answer.
    Closed,
    TimedOut,
    Failed(String),
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The status of an HTTP answer's first bytes.
pub fn status_of(bytes: &[u8]) -> Option<u16> {
    if !bytes.starts_with(b"HTTP/1.") {
        return None;
    }
    std::str::from_utf8(bytes.get(9..12)?).ok()?.parse().ok()
}

/// Reads an answer's head, until `deadline`.
pub async fn read_head<R: AsyncRead + Unpin>(r: &mut R, deadline: Instant) -> Got {
    let mut buf = Vec::with_capacity(512);
    let mut chunk = [0u8; 2048];
    loop {
        if let Some(end) = find(&buf, b"\r\n\r\n") {
            let text = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let Some(status) = status_of(&buf) else {
                return Got::Failed("not an HTTP answer".into());
            };
            let header = |name: &str| {
                text.lines()
                    .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_string()))
            };
            return Got::Head(Head {
                status,
                content_length: header("content-length:")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0),
                extra: buf.len() - end - 4,
                close: header("connection:").is_some_and(|v| v == "close"),
            });
        }
        let read =
            tokio::time::timeout_at(tokio::time::Instant::from_std(deadline), r.read(&mut chunk))
                .await;
        match read {
            Err(_) => return Got::TimedOut,
            Ok(Ok(0)) if buf.is_empty() => return Got::Closed,
            Ok(Ok(0)) => return Got::Failed("closed mid-answer".into()),
            Ok(Ok(n)) => buf.extend_from_slice(&chunk[..n]),
            Ok(Err(_)) if buf.is_empty() => return Got::Closed,
            Ok(Err(e)) => return Got::Failed(e.to_string()),
        }
    }
}

/// One request on a new connection (the request should say `Connection: close`): the status,
/// or why there was none, and the time from connecting to the answer's head.
pub async fn exchange(
    addr: &str,
    request: &[u8],
    within: Duration,
) -> (Result<u16, String>, Duration) {
    let start = Instant::now();
    let deadline = start + within;
    let result = async {
        let mut s = connect(addr, within).await?;
        let wrote = tokio::time::timeout_at(
            tokio::time::Instant::from_std(deadline),
            s.write_all(request),
        )
        .await;
        match wrote {
            Ok(Ok(())) => {}
            Ok(Err(e)) => return Err(format!("write: {e}")),
            Err(_) => return Err("timed out writing".into()),
        }
        match read_head(&mut s, deadline).await {
            Got::Head(h) => Ok(h.status),
            Got::Closed => Err("closed without an answer".into()),
            Got::TimedOut => Err("timed out".into()),
            Got::Failed(e) => Err(e),
        }
    }
    .await;
    (result, start.elapsed())
}

/// A keep-alive client: requests one after another on one connection, a new one whenever the
/// server closes it.
pub struct KeepAlive {
    addr: String,
    conn: Option<TcpStream>,
    /// Connections opened.
    pub opened: u64,
}

impl KeepAlive {
    pub fn new(addr: &str) -> KeepAlive {
        KeepAlive {
            addr: addr.to_string(),
            conn: None,
            opened: 0,
        }
    }

    /// Sends one request and reads its answer; a connection found closed before any answer is
    /// replaced once.
    pub async fn send(&mut self, request: &[u8], within: Duration) -> Result<u16, String> {
        let deadline = Instant::now() + within;
        for attempt in 0..2 {
            let reused = self.conn.is_some();
            let mut s = match self.conn.take() {
                Some(s) => s,
                None => {
                    self.opened += 1;
                    connect(&self.addr, within).await?
                }
            };
            let wrote = tokio::time::timeout_at(
                tokio::time::Instant::from_std(deadline),
                s.write_all(request),
            )
            .await;
            if !matches!(wrote, Ok(Ok(()))) {
                if reused && attempt == 0 {
                    continue;
                }
                return Err("write failed".into());
            }
            match read_head(&mut s, deadline).await {
                Got::Head(h) => {
                    let mut rest = h.content_length.saturating_sub(h.extra);
                    let mut sink = [0u8; 1024];
                    while rest > 0 {
                        match tokio::time::timeout_at(
                            tokio::time::Instant::from_std(deadline),
                            s.read(&mut sink),
                        )
                        .await
                        {
                            Ok(Ok(n)) if n > 0 => rest = rest.saturating_sub(n),
                            _ => break,
                        }
                    }
                    if !h.close && rest == 0 {
                        self.conn = Some(s);
                    }
                    return Ok(h.status);
                }
                Got::Closed if reused && attempt == 0 => continue,
                Got::Closed => return Err("closed without an answer".into()),
                Got::TimedOut => return Err("timed out".into()),
                Got::Failed(e) => return Err(e),
            }
        }
        Err("closed without an answer".into())
    }
}
