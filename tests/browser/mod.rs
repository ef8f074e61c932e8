//! Driving the real `signpost` binary in headless Chromium over WebDriver (fantoccini): finding
//! the browser (a skip said plainly, or a failure under CI), chromedriver and the web app as
//! child processes killed when dropped, a browser session that types and clicks as a person
//! does, waits that end on what the page shows, and a bare HTTP/1.1 client for requests a
//! browser would never send.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

use crate::common;

/// Why a browser test cannot run.
pub const REASON: &str =
    "browser tests need chromium and chromedriver (apt-get install -y chromium chromium-driver)";

/// How long any wait may take before the test fails (only reached when something is wrong: a
/// debug build on a loaded machine is slow to start).
const PATIENCE: Duration = Duration::from_secs(60);

/// The browser's programs.
#[derive(Debug, Clone)]
pub struct Tools {
    /// The Chromium binary.
    pub chromium: PathBuf,
    /// ChromeDriver.
    pub chromedriver: PathBuf,
}

/// A program on `PATH`, as `command -v` finds it.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Chromium and ChromeDriver, or `None` when either is missing: then the test `test` is
/// skipped, said plainly on the terminal (past the test harness's capture, so it shows in the
/// default output), unless `CI` is `true`, where a missing browser fails the test.
pub fn tools(test: &str) -> Option<Tools> {
    match (on_path("chromium"), on_path("chromedriver")) {
        (Some(chromium), Some(chromedriver)) => Some(Tools {
            chromium,
            chromedriver,
        }),
        _ => {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("FAILED, not skipped, because CI=true: {REASON}");
            }
            // Straight to the terminal, past the harness's capture of `print!` and
            // `eprint!`, so the skip shows in the default output beside the test's name.
            let _ = writeln!(std::io::stderr().lock(), "\n{test}: SKIPPED: {REASON}");
            None
        }
    }
}

/// A free port on 127.0.0.1 (free when asked; nothing else here takes ports at random).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .expect("its address")
        .port()
}

/// `127.0.0.1:PORT` on a free port.
pub fn local_addr() -> String {
    format!("127.0.0.1:{}", free_port())
}

/// Kills a child started in its own process group, with everything it started.
fn kill_group(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{}", child.id())])
        .stderr(Stdio::null())
        .status();
    let _ = child.kill();
    let _ = child.wait();
}

/// Waits until `f` is true, or fails saying `what`.
pub async fn until(what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + PATIENCE;
    while !f() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A running ChromeDriver on a port of its own; it and the browsers it started are killed
/// when dropped, even when the test fails.
pub struct Driver {
    child: Child,
    tools: Tools,
    /// Its address, `http://127.0.0.1:PORT`.
    pub url: String,
    dir: tempfile::TempDir,
}

impl Driver {
    /// Starts ChromeDriver and waits until it says it is ready.
    pub async fn start(tools: &Tools) -> Driver {
        use std::os::unix::process::CommandExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let port = free_port();
        let child = Command::new(&tools.chromedriver)
            .arg(format!("--port={port}"))
            .arg(format!(
                "--log-path={}",
                dir.path().join("chromedriver.log").display()
            ))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own group: killing the group ends the browsers it started too.
            .process_group(0)
            .spawn()
            .expect("start chromedriver");
        let mut driver = Driver {
            child,
            tools: tools.clone(),
            url: format!("http://127.0.0.1:{port}"),
            dir,
        };
        let addr = format!("127.0.0.1:{port}");
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Ok((200, body)) = http(&addr, "GET /status HTTP/1.1\r\n\r\n")
                && body.contains("\"ready\":true")
            {
                break;
            }
            if let Ok(Some(status)) = driver.child.try_wait() {
                panic!("chromedriver stopped at start: {status}");
            }
            assert!(Instant::now() < deadline, "chromedriver never got ready");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        driver
    }

    /// A new browser (its own profile, so its own cookies) at `base`, e.g.
    /// `http://127.0.0.1:8080`.
    pub async fn browser(&self, base: impl Into<String>) -> Browser {
        let base: String = base.into();
        let profile = tempfile::tempdir_in(self.dir.path()).expect("profile dir");
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("chrome"));
        // An alert is left open, so a test can see it.
        caps.insert("unhandledPromptBehavior".into(), json!("ignore"));
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": self.tools.chromium,
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    format!("--user-data-dir={}", profile.path().display()),
                    "--window-size=1280,900",
                ],
            }),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&self.url)
            .await
            .expect("a browser session");
        Browser {
            client,
            base: base.trim_end_matches('/').to_string(),
            _profile: profile,
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        kill_group(&mut self.child);
    }
}

/// One browser window, logged in or not.
pub struct Browser {
    /// The WebDriver session.
    pub client: Client,
    /// The web app's address.
    pub base: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Opens `path` of the web app.
    pub async fn goto(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .unwrap_or_else(|e| panic!("open {path}: {e}"));
    }

    /// Reloads the page.
    pub async fn reload(&self) {
        self.client.refresh().await.expect("reload");
    }

    /// The path (and query) the browser shows.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("current url");
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        }
    }

    /// What the page says, as a person reads it.
    pub async fn text(&self) -> String {
        self.client
            .find(Locator::Css("body"))
            .await
            .expect("a body")
            .text()
            .await
            .expect("its text")
    }

    /// Waits until the page says `needle`; returns all it says.
    pub async fn wait_for_text(&self, needle: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Ok(body) = self.client.find(Locator::Css("body")).await
                && let Ok(text) = body.text().await
                && text.contains(needle)
            {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "the page never said {needle:?}; it says:\n{}",
                self.text().await
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits until the browser is at `path` (without its query).
    pub async fn wait_for_path(&self, path: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Ok(url) = self.client.current_url().await
                && url.path() == path
            {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "never reached {path}; at {}",
                self.path().await
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Types `text` into the field `css`, as a person does (after clearing it).
    pub async fn type_into(&self, css: &str, text: &str) {
        let field = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no field {css}: {e}"));
        field.clear().await.expect("clear the field");
        field.send_keys(text).await.expect("type");
    }

    /// Clicks the button that says `label` (exactly, ignoring surrounding space).
    pub async fn click_button(&self, label: &str) {
        let xpath = format!("//button[normalize-space(.)='{label}']");
        self.client
            .find(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no button {label:?}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {label:?}: {e}"));
    }

    /// Follows the link that says `label`.
    pub async fn click_link(&self, label: &str) {
        self.client
            .find(Locator::LinkText(label))
            .await
            .unwrap_or_else(|e| panic!("no link {label:?}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {label:?}: {e}"));
    }

    /// How many elements match `css` on the page.
    pub async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .expect("find")
            .len()
    }

    /// The open alert's text, if a script opened one.
    pub async fn alert(&self) -> Option<String> {
        match self.client.get_alert_text().await {
            Ok(text) => Some(text),
            Err(e) if e.is_no_such_alert() => None,
            Err(e) => panic!("asking for an alert: {e}"),
        }
    }

    /// Logs in from the login page: types the name and password and presses "Log in".
    pub async fn log_in(&self, name: &str, password: &str) {
        self.goto("/login").await;
        self.type_into("input[name=name]", name).await;
        self.type_into("input[name=password]", password).await;
        self.click_button("Log in").await;
    }

    /// The value of the session cookie, as the browser holds it.
    pub async fn session_cookie(&self) -> String {
        self.client
            .get_named_cookie("signpost_session")
            .await
            .expect("the session cookie")
            .value()
            .to_string()
    }

    /// The hidden CSRF field of the first form on the page that has one.
    pub async fn csrf(&self) -> String {
        self.client
            .find(Locator::Css("input[name=csrf]"))
            .await
            .expect("a CSRF field")
            .attr("value")
            .await
            .expect("its value")
            .expect("a value")
    }

    /// A PNG of what the window shows.
    pub async fn screenshot(&self) -> Vec<u8> {
        let png = self.client.screenshot().await.expect("screenshot");
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
        png
    }

    /// Ends the session (the browser closes).
    pub async fn close(self) {
        self.client.close().await.expect("close the browser");
    }
}

/// A running `signpost web` (or `serve --web`): killed when dropped, even when a test fails.
pub struct Web {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    log: PathBuf,
}

impl Web {
    /// `signpost web --listen 127.0.0.1:PORT` on `db` with `args`, once it answers.
    pub async fn start(db: &Path, args: &[&str]) -> Web {
        Web::start_at(db, &local_addr(), args).await
    }

    /// [`Web::start`] on `addr`, chosen beforehand (with [`local_addr`]).
    pub async fn start_at(db: &Path, addr: &str, args: &[&str]) -> Web {
        let addr = addr.to_string();
        let log = db.with_extension(format!("web{}.log", addr.replace([':', '.'], "-")));
        let child = Command::new(env!("CARGO_BIN_EXE_signpost"))
            .args(["web", "--listen", &addr, "--db"])
            .arg(db)
            .args(args)
            .env("SIGNPOST_CONTENT", common::bundled())
            .env_remove("SIGNPOST_DB")
            .env_remove("SIGNPOST_WEB_IDLE")
            .env_remove("SIGNPOST_WEB_SECURE_COOKIES")
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log file"))
            .spawn()
            .expect("start signpost web");
        let mut web = Web {
            child,
            base: format!("http://{addr}"),
            addr,
            log,
        };
        web.ready().await;
        web
    }

    async fn ready(&mut self) {
        let (child, log) = (&mut self.child, &self.log);
        serving(&self.addr, || {
            child.try_wait().ok().flatten().map(|status| {
                format!(
                    "signpost stopped ({status}):\n{}",
                    std::fs::read_to_string(log).unwrap_or_default()
                )
            })
        })
        .await;
    }

    /// What it logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

/// Waits until a web app on `addr` answers `GET /login`; `stopped` says why, if its process
/// ended.
pub async fn serving(addr: &str, mut stopped: impl FnMut() -> Option<String>) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Ok((200, _)) = http(addr, "GET /login HTTP/1.1\r\n\r\n") {
            return;
        }
        if let Some(why) = stopped() {
            panic!("the web app on {addr} stopped at start: {why}");
        }
        assert!(
            Instant::now() < deadline,
            "the web app on {addr} never answered"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

impl Drop for Web {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 request over a new connection to `addr`: `head` is the request line and headers
/// ending in a blank line, without `Host` and `Connection` (added here); then `body`. Returns the
/// status and the body.
pub fn http_with_body(addr: &str, head: &str, body: &str) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    let (line, rest) = head.split_once("\r\n").unwrap_or((head, ""));
    let request = format!("{line}\r\nHost: {addr}\r\nConnection: close\r\n{rest}{body}");
    stream.write_all(request.as_bytes())?;
    // Read the head, then as much body as it says (ChromeDriver keeps the connection open
    // whatever the request asks), or to the end.
    let mut raw = Vec::new();
    let mut chunk = [0u8; 8192];
    let (head, mut body) = loop {
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            return Err(std::io::Error::other(
                "the connection closed before a reply",
            ));
        }
        raw.extend_from_slice(&chunk[..n]);
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..at]).into_owned();
            break (head, raw[at + 4..].to_vec());
        }
    };
    let length = head.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("content-length")
            .then(|| value.trim().parse::<usize>().ok())
            .flatten()
    });
    loop {
        if length.is_some_and(|l| body.len() >= l) {
            break;
        }
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("not HTTP: {head:?}")))?;
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

/// [`http_with_body`] without a body.
pub fn http(addr: &str, head: &str) -> std::io::Result<(u16, String)> {
    http_with_body(addr, head, "")
}

/// POSTs a form (`application/x-www-form-urlencoded`, already encoded) with `cookie`.
pub fn post_form(addr: &str, path: &str, cookie: &str, form: &str) -> (u16, String) {
    let head = format!(
        "POST {path} HTTP/1.1\r\nCookie: {cookie}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        form.len()
    );
    http_with_body(addr, &head, form).unwrap_or_else(|e| panic!("POST {path}: {e}"))
}

/// Runs `signpost` on `db`, which must succeed; its standard output.
pub fn signpost(db: &Path, args: &[&str], stdin: &str) -> String {
    common::ok(&common::run(db, args, stdin.as_bytes(), &[]))
}

/// Runs `signpost` on `db`, whatever comes of it.
pub fn signpost_output(db: &Path, args: &[&str], stdin: &str) -> Output {
    common::run(db, args, stdin.as_bytes(), &[])
}

/// Adds an account with a password: `extra` as `["--role", "coordinator"]`, say.
pub fn add_account(db: &Path, name: &str, team: &str, extra: &[&str], password: &str) {
    let mut args = vec![
        "prescribers",
        "add",
        name,
        "--team",
        team,
        "--password-stdin",
    ];
    args.extend_from_slice(extra);
    signpost(db, &args, &format!("{password}\n"));
}

/// A resident's whole referral typed in English into `signpost chat --user USER`; its
/// reference.
pub fn chat(db: &Path, user: &str, script: &str) -> String {
    let out = signpost(db, &["chat", "--user", user], script);
    out.split("Your reference is ")
        .nth(1)
        .and_then(|r| r.get(..7))
        .unwrap_or_else(|| panic!("no reference in:\n{out}"))
        .to_string()
}

/// The referral `reference` as `queue list --json` prints it (quick: it loads no content).
pub fn stored(db: &Path, reference: &str) -> Value {
    for status in [None, Some("closed")] {
        let mut args = vec!["queue", "list", "--json"];
        args.extend(status.map(|s| ["--status", s]).into_iter().flatten());
        let all: Value = serde_json::from_str(&signpost(db, &args, "")).expect("JSON");
        if let Some(r) = all
            .as_array()
            .into_iter()
            .flatten()
            .find(|r| r["reference"] == reference)
        {
            return r.clone();
        }
    }
    panic!("{reference} is not stored");
}

/// `queue show REF --json` (with its notes).
pub fn show(db: &Path, reference: &str) -> Value {
    serde_json::from_str(&signpost(db, &["queue", "show", reference, "--json"], ""))
        .expect("queue show --json is JSON")
}

/// `queue list --json` (open and claimed).
pub fn list(db: &Path) -> Vec<Value> {
    serde_json::from_str::<Value>(&signpost(db, &["queue", "list", "--json"], ""))
        .expect("queue list --json is JSON")
        .as_array()
        .cloned()
        .expect("an array")
}
