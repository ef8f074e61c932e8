//! Driving the real `signpost serve` through the fake Bot API: the bot process (killed when
//! dropped, even when a test fails), residents who type and press buttons, and waits that end
//! on what the database says rather than on a clock.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common;
use crate::fake_bot_api::{self, Call, FakeBotApi};
use serde_json::Value;
use signpost::content::locales::strip_isolation;

/// A running `signpost serve`.
pub struct Bot {
    pub child: Child,
    pub log: PathBuf,
}

impl Bot {
    pub fn start(fake: &FakeBotApi, db: &Path, rate_limit: bool) -> Bot {
        Bot::start_with(fake, db, rate_limit, &[])
    }

    pub fn start_with(fake: &FakeBotApi, db: &Path, rate_limit: bool, env: &[(&str, &str)]) -> Bot {
        Bot::start_args(fake, db, rate_limit, env, &[])
    }

    /// Starts `signpost serve` with extra arguments; killed when dropped, even if a test fails.
    pub fn start_args(
        fake: &FakeBotApi,
        db: &Path,
        rate_limit: bool,
        env: &[(&str, &str)],
        args: &[&str],
    ) -> Bot {
        let log = db.with_extension(format!("log{}", fastrand::u32(..)));
        let child = Command::new(env!("CARGO_BIN_EXE_signpost"))
            .args(["serve", "--db"])
            .arg(db)
            .args(args)
            .env("TELOXIDE_TOKEN", "123456:TEST-TOKEN")
            .env("TELOXIDE_API_URL", &fake.url)
            .env("SIGNPOST_CONTENT", common::bundled())
            .env("SIGNPOST_RATE_LIMIT", if rate_limit { "on" } else { "off" })
            .env("RUST_LOG", "info")
            // The test's own settings win over the defaults above.
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log file"))
            .spawn()
            .expect("spawn signpost serve");
        Bot { child, log }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn terminate(&mut self) -> Option<i32> {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// A bot in webhook mode on a free port of 127.0.0.1, listening: (bot, listen address, path,
/// secret).
pub async fn webhook_bot(fake: &FakeBotApi, db: &std::path::Path) -> (Bot, String, String, String) {
    webhook_bot_with(fake, db, &[]).await
}

/// [`webhook_bot`] with settings of the test's own.
pub async fn webhook_bot_with(
    fake: &FakeBotApi,
    db: &std::path::Path,
    env: &[(&str, &str)],
) -> (Bot, String, String, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("free port")
        .local_addr()
        .expect("addr")
        .port();
    let addr = format!("127.0.0.1:{port}");
    let url = format!("https://bot.example.org/tg/{port}");
    let bot = Bot::start_args(
        fake,
        db,
        false,
        env,
        &["--webhook-url", &url, "--listen", &addr],
    );
    wait_until(|| fake.calls().iter().any(|c| c.method == "setWebhook")).await;
    let hook = fake
        .calls()
        .into_iter()
        .find(|c| c.method == "setWebhook")
        .expect("setWebhook");
    let secret = hook.body["secret_token"]
        .as_str()
        .expect("secret")
        .to_string();
    let deadline = Instant::now() + Duration::from_secs(10);
    while tokio::net::TcpStream::connect(&addr).await.is_err() {
        assert!(Instant::now() < deadline, "webhook never listened");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    (bot, addr, format!("/tg/{port}"), secret)
}

/// Waits until the bot has asked for updates `n` times (it is up and polling).
pub async fn polled(fake: &FakeBotApi, n: usize) {
    wait_until(|| {
        fake.calls()
            .iter()
            .filter(|c| c.method == "getUpdates")
            .count()
            >= n
    })
    .await;
}

pub async fn wait_until(mut f: impl FnMut() -> bool) {
    // Only reached when something is wrong; generous, since a debug build on a loaded
    // machine takes over 15 s just to load the content before its first poll.
    let deadline = Instant::now() + Duration::from_secs(60);
    while !f() {
        assert!(Instant::now() < deadline, "timed out waiting");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// Waits until an update is handled and everything it sent is out (the outbox is empty).
pub async fn settled(db: &Path, update_id: i64) {
    // Only reached when something is wrong; generous, since a debug build on a loaded
    // machine takes over 15 s just to load the content before its first poll.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(c) = rusqlite::Connection::open(db) {
            let done: Option<bool> = c
                .query_row(
                    "SELECT processed_at IS NOT NULL FROM inbox WHERE update_id = ?1",
                    [update_id],
                    |r| r.get(0),
                )
                .ok();
            let pending: i64 = c
                .query_row("SELECT count(*) FROM outbox", [], |r| r.get(0))
                .unwrap_or(1);
            if done == Some(true) && pending == 0 {
                return;
            }
        }
        assert!(Instant::now() < deadline, "update {update_id} not settled");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// One resident, talking to the bot through the fake.
pub struct Person {
    pub fake: FakeBotApi,
    pub db: PathBuf,
    pub id: i64,
    pub lang: Option<String>,
    pub seen: usize,
}

impl Person {
    pub fn new(fake: &FakeBotApi, db: &Path, id: i64, lang: Option<&str>) -> Person {
        Person {
            fake: fake.clone(),
            db: db.to_path_buf(),
            id,
            lang: lang.map(str::to_string),
            seen: 0,
        }
    }

    pub fn mine(&self, c: &Call) -> bool {
        c.body["chat_id"].as_i64() == Some(self.id)
            || (c.method == "answerCallbackQuery"
                && c.body["callback_query_id"]
                    .as_str()
                    .is_some_and(|q| q.starts_with(&format!("cq-{}-", self.id))))
    }

    /// Every call the bot made for this person so far.
    pub fn calls(&self) -> Vec<Call> {
        self.fake
            .calls()
            .into_iter()
            .filter(|c| self.mine(c))
            .collect()
    }

    pub async fn send(&mut self, update: Value) -> Vec<Call> {
        let id = self.fake.push(update);
        settled(&self.db, id).await;
        let all = self.calls();
        let new = all[self.seen..].to_vec();
        self.seen = all.len();
        new
    }

    pub async fn say(&mut self, text: &str) -> Vec<Call> {
        let u = fake_bot_api::text(self.id, self.lang.as_deref(), text);
        self.send(u).await
    }

    /// The latest message with buttons: (message id, [(label, data)]).
    pub fn keyboard(&self) -> (i64, Vec<(String, String)>) {
        self.calls()
            .iter()
            .rev()
            .filter(|c| c.status == 200)
            .find_map(|c| {
                let rows = c.body["reply_markup"]["inline_keyboard"].as_array()?;
                let id = match c.method.as_str() {
                    "sendMessage" => c.result["message_id"].as_i64()?,
                    "editMessageReplyMarkup" => c.body["message_id"].as_i64()?,
                    _ => return None,
                };
                let buttons = rows
                    .iter()
                    .flat_map(|r| r.as_array().cloned().unwrap_or_default())
                    .map(|b| {
                        (
                            strip_isolation(b["text"].as_str().unwrap_or_default()),
                            b["callback_data"].as_str().unwrap_or_default().to_string(),
                        )
                    })
                    .collect();
                Some((id, buttons))
            })
            .expect("a message with buttons")
    }

    /// Presses the button whose choice id is `choice` on the latest keyboard.
    pub async fn tap(&mut self, choice: &str) -> Vec<Call> {
        let (message, buttons) = self.keyboard();
        let data = buttons
            .iter()
            .map(|(_, d)| d.clone())
            .find(|d| d.ends_with(&format!("|{choice}")))
            .unwrap_or_else(|| panic!("no button {choice:?} in {buttons:?}"));
        let u = fake_bot_api::press(self.id, self.lang.as_deref(), message, &data);
        self.send(u).await
    }
}

/// The texts sent, isolation marks removed.
pub fn texts(calls: &[Call]) -> Vec<String> {
    calls
        .iter()
        .filter(|c| c.method == "sendMessage" && c.status == 200)
        .map(|c| strip_isolation(c.body["text"].as_str().unwrap_or_default()))
        .collect()
}

pub fn labels(calls: &[Call]) -> Vec<String> {
    calls
        .iter()
        .rev()
        .find_map(|c| {
            c.body["reply_markup"]["inline_keyboard"]
                .as_array()
                .cloned()
        })
        .unwrap_or_default()
        .iter()
        .flat_map(|r| r.as_array().cloned().unwrap_or_default())
        .map(|b| strip_isolation(b["text"].as_str().unwrap_or_default()))
        .collect()
}

pub fn queue(db: &Path) -> Vec<Value> {
    let o = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["queue", "list", "--json", "--db"])
        .arg(db)
        .output()
        .expect("queue list");
    serde_json::from_slice::<Value>(&o.stdout)
        .expect("json")
        .as_array()
        .cloned()
        .unwrap_or_default()
}

pub async fn setup() -> (FakeBotApi, tempfile::TempDir, PathBuf) {
    let fake = FakeBotApi::start().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("bot.db");
    (fake, dir, db)
}

/// From `/start` to "What would you like us to call you?" (English, consent, money, no
/// services).
pub async fn to_name(p: &mut Person) {
    p.say("/start").await;
    p.tap("en-GB").await;
    p.tap("yes").await;
    p.tap("money").await;
    p.tap("done").await;
    p.tap("no-thanks").await;
}

/// A whole referral by buttons and text; returns the reference.
pub async fn refer(p: &mut Person, name: &str) -> String {
    refer_with(p, name, "020 7946 0321").await
}

/// [`refer`] with a phone number of one's own.
pub async fn refer_with(p: &mut Person, name: &str, phone: &str) -> String {
    to_name(p).await;
    p.say(name).await;
    p.tap("prefer-not").await;
    p.tap("dont-know").await;
    p.tap("phone").await;
    p.say(phone).await;
    p.tap("any").await;
    p.tap("dont-know").await;
    p.tap("none").await;
    let out = p.tap("confirm").await;
    texts(&out)
        .join("\n")
        .split("Your reference is ")
        .nth(1)
        .map(|r| r[..7].to_string())
        .expect("a reference")
}

/// The one value `sql` selects from the database.
pub fn one<T: rusqlite::types::FromSql>(db: &Path, sql: &str) -> T {
    let c = rusqlite::Connection::open(db).expect("open the database");
    c.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}
