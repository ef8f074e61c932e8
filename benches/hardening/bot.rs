//! The release `signpost serve` under attack: started against the tests' fake Bot API (polling
//! or webhook, optionally under a descriptor limit), the calls it makes as far as the driver
//! reads them, and what `/proc` and its database say about it.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio_util::sync::CancellationToken;

use crate::fake_bot_api::{Call, FakeBotApi};
use crate::net;

/// A call to the fake Bot API, as much of it as the driver reads (the fake keeps none: a flood
/// of batches would be cloned on every look).
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: String,
    pub at: Instant,
    pub chat: Option<i64>,
    pub query: Option<String>,
    pub offset: Option<i64>,
    pub secret: Option<String>,
    /// The `message_id` answered to a `sendMessage`.
    pub message_id: Option<i64>,
    /// `callback_data` of the keyboard sent.
    pub buttons: Vec<String>,
    pub text: String,
}

impl Seen {
    fn of(c: &Call) -> Seen {
        let b = &c.body;
        Seen {
            method: c.method.clone(),
            at: c.at,
            chat: b["chat_id"].as_i64(),
            query: b["callback_query_id"].as_str().map(str::to_string),
            offset: b["offset"].as_i64(),
            secret: b["secret_token"].as_str().map(str::to_string),
            message_id: c.result["message_id"].as_i64(),
            buttons: b["reply_markup"]["inline_keyboard"]
                .as_array()
                .map(|rows| {
                    rows.iter()
                        .filter_map(|r| r.as_array())
                        .flatten()
                        .filter_map(|k| k["callback_data"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
            text: b["text"].as_str().unwrap_or_default().to_string(),
        }
    }
}

/// Every call the bot made, in order.
#[derive(Clone, Default)]
pub struct Calls(Arc<Mutex<Vec<Seen>>>);

impl Calls {
    pub fn with<R>(&self, f: impl FnOnce(&[Seen]) -> R) -> R {
        let guard = self.0.lock().unwrap_or_else(|p| p.into_inner());
        f(&guard)
    }

    fn push(&self, s: Seen) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).push(s);
    }

    /// The first call matching `f`, waiting up to `within` for it.
    pub async fn wait(&self, within: Duration, f: impl Fn(&Seen) -> bool) -> Option<Seen> {
        let deadline = Instant::now() + within;
        loop {
            if let Some(s) = self.with(|v| v.iter().find(|s| f(s)).cloned()) {
                return Some(s);
            }
            if Instant::now() >= deadline {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

/// The webhook, as Telegram would call it.
#[derive(Clone)]
pub struct Hook {
    pub addr: String,
    pub path: String,
    pub secret: String,
}

/// A running `signpost serve`, killed when dropped.
pub struct Bot {
    pub child: Child,
    pub fake: FakeBotApi,
    pub calls: Calls,
    pub db: PathBuf,
    pub log: PathBuf,
    pub hook: Option<Hook>,
    _dir: tempfile::TempDir,
}

impl Drop for Bot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Bot {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    pub fn hook(&self) -> Result<Hook, String> {
        self.hook
            .clone()
            .ok_or_else(|| "not in webhook mode".into())
    }
}

fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

/// The last lines of a log, for an error message.
fn tail(log: &str) -> String {
    let lines: Vec<&str> = log.lines().collect();
    lines[lines.len().saturating_sub(5)..].join(" | ")
}

/// Starts `signpost serve` on a fresh database (polling, or webhook mode on a free port of
/// 127.0.0.1), stderr at `RUST_LOG=info` into a file; under `ulimit -n fd_limit` when given.
/// Returns once it polls, or once its webhook answers.
pub async fn launch(webhook: bool, fd_limit: Option<u32>) -> Result<Bot, String> {
    let fake = FakeBotApi::start().await;
    let calls = Calls::default();
    let mut rx = fake.watch();
    fake.forget_calls();
    let c = calls.clone();
    tokio::spawn(async move {
        while let Some(call) = rx.recv().await {
            c.push(Seen::of(&call));
        }
    });
    let dir = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    let db = dir.path().join("hardening.db");
    let log = dir.path().join("serve.log");
    let log_file = std::fs::File::create(&log).map_err(|e| format!("log file: {e}"))?;
    let port = free_port()?;
    let addr = format!("127.0.0.1:{port}");
    let bin = env!("CARGO_BIN_EXE_signpost");
    let mut cmd = match fd_limit {
        Some(n) => {
            let mut c = Command::new("sh");
            c.arg("-c")
                .arg(format!("ulimit -n {n} && exec \"$0\" \"$@\""))
                .arg(bin);
            c
        }
        None => Command::new(bin),
    };
    cmd.args(["serve", "--db"]).arg(&db);
    if webhook {
        let url = format!("https://bot.example.org/tg/{port}");
        cmd.args(["--webhook-url", &url, "--listen", &addr]);
    }
    let child = cmd
        .env("TELOXIDE_TOKEN", "123456:BENCH-TOKEN")
        .env("TELOXIDE_API_URL", &fake.url)
        .env("SIGNPOST_CONTENT", env!("CARGO_MANIFEST_DIR"))
        .env("SIGNPOST_RATE_LIMIT", "off")
        .env("RUST_LOG", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log_file)
        .spawn()
        .map_err(|e| format!("cannot start signpost serve: {e}"))?;
    let mut bot = Bot {
        child,
        fake,
        calls,
        db,
        log,
        hook: None,
        _dir: dir,
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(Some(status)) = bot.child.try_wait() {
            return Err(format!(
                "signpost serve exited ({status}): {}",
                tail(&bot.log_text())
            ));
        }
        let ready = if webhook {
            bot.log_text().contains("receiving updates by webhook")
        } else {
            bot.calls
                .with(|v| v.iter().any(|s| s.method == "getUpdates"))
        };
        if ready {
            break;
        }
        if Instant::now() > deadline {
            return Err(format!("not ready after 60 s: {}", tail(&bot.log_text())));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    if webhook {
        let secret = bot
            .calls
            .with(|v| v.iter().find_map(|s| s.secret.clone()))
            .ok_or("setWebhook was called without a secret_token")?;
        // The accept loop answers. A GET elsewhere is a 404 and logs nothing: a refusal would
        // use up the once-a-minute warning before the log is measured.
        let (probe, _) = net::exchange(
            &addr,
            b"GET / HTTP/1.1\r\nHost: bot\r\nConnection: close\r\n\r\n",
            Duration::from_secs(10),
        )
        .await;
        if probe != Ok(404) {
            return Err(format!("webhook probe: {probe:?}"));
        }
        bot.hook = Some(Hook {
            addr,
            path: format!("/tg/{port}"),
            secret,
        });
    }
    Ok(bot)
}

// ----- /proc -----

/// A figure from `/proc/PID/status`, in kB.
pub fn status_kb(pid: u32, field: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    text.lines()
        .find(|l| l.starts_with(field))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Resets the process's peak RSS (VmHWM) to its current RSS (`/proc/PID/clear_refs`, Linux 4.0+).
pub fn reset_peak(pid: u32) -> bool {
    std::fs::write(format!("/proc/{pid}/clear_refs"), "5").is_ok()
}

/// Open descriptors of a process.
pub fn descriptors(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .map(|d| d.count())
        .unwrap_or(0)
}

/// The soft limit on open files, from `/proc/PID/limits`.
pub fn open_files_limit(pid: u32) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/limits")).ok()?;
    text.lines()
        .find(|l| l.starts_with("Max open files"))?
        .split_whitespace()
        .nth(3)?
        .parse()
        .ok()
}

/// CPU time used by a process so far, in seconds (utime + stime, at 100 ticks a second).
pub fn cpu_secs(pid: u32) -> f64 {
    let Ok(text) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0.0;
    };
    let rest = text.rsplit_once(')').map(|(_, r)| r).unwrap_or_default();
    let f: Vec<u64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    (f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0)) as f64 / 100.0
}

/// Busy and total CPU ticks of the whole machine so far, from `/proc/stat`.
pub fn machine_ticks() -> Option<(u64, u64)> {
    let text = std::fs::read_to_string("/proc/stat").ok()?;
    let f: Vec<u64> = text
        .lines()
        .next()?
        .split_whitespace()
        .skip(1)
        .filter_map(|x| x.parse().ok())
        .collect();
    let all: u64 = f.iter().take(8).sum();
    let idle = f.get(3).copied().unwrap_or(0) + f.get(4).copied().unwrap_or(0);
    Some((all - idle, all))
}

/// Share of the machine's CPU busy between two readings of [`machine_ticks`].
pub fn busy(before: Option<(u64, u64)>, after: Option<(u64, u64)>) -> Option<f64> {
    match (before, after) {
        (Some((b0, a0)), Some((b1, a1))) if a1 > a0 => Some((b1 - b0) as f64 / (a1 - a0) as f64),
        _ => None,
    }
}

/// The most descriptors a process held while sampled (every 50 ms).
pub struct PeakDescriptors {
    stop: CancellationToken,
    task: tokio::task::JoinHandle<usize>,
}

impl PeakDescriptors {
    pub fn start(pid: u32) -> PeakDescriptors {
        let stop = CancellationToken::new();
        let s = stop.clone();
        let task = tokio::spawn(async move {
            let mut most = 0;
            while !s.is_cancelled() {
                most = most.max(descriptors(pid));
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            most
        });
        PeakDescriptors { stop, task }
    }

    pub async fn finish(self) -> usize {
        self.stop.cancel();
        self.task.await.unwrap_or(0)
    }
}

// ----- the database -----

/// Updates with ids in `lo..=hi` marked handled in the inbox.
pub fn processed(db: &Path, lo: i64, hi: i64) -> i64 {
    let Ok(c) = rusqlite::Connection::open(db) else {
        return 0;
    };
    let _ = c.busy_timeout(Duration::from_millis(500));
    c.query_row(
        "SELECT count(*) FROM inbox WHERE update_id BETWEEN ?1 AND ?2 AND processed_at IS NOT NULL",
        [lo, hi],
        |r| r.get(0),
    )
    .unwrap_or(0)
}

/// Waits up to `within` for every update in `lo..=hi` to be handled: how long it took, or how
/// many were by the end.
pub async fn wait_processed(
    db: &Path,
    lo: i64,
    hi: i64,
    within: Duration,
) -> Result<Duration, i64> {
    let start = Instant::now();
    let want = hi - lo + 1;
    loop {
        let n = processed(db, lo, hi);
        if n >= want {
            return Ok(start.elapsed());
        }
        if start.elapsed() > within {
            return Err(n);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
