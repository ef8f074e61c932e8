//! Helpers shared by the integration tests: the bundled content, the frozen fixture content the
//! engine tests run on, a conversation driver that strips bidi isolation marks, copies of the
//! content folder to break on purpose, and running the `signpost` binary.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use signpost::content::Content;
use signpost::content::locales::strip_isolation;
use signpost::engine::{Context, Effect, Engine, Input, Outcome, Reply, Session};

/// The content folder shipped in the repository.
pub fn bundled() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// An engine over the shipped content, loaded once per test binary.
pub fn engine() -> Engine {
    static ENGINE: std::sync::LazyLock<Engine> = std::sync::LazyLock::new(|| engine_at(&bundled()));
    ENGINE.clone()
}

/// The content folder the engine tests run on: a frozen copy of the shipped dialogue, messages
/// and services with small crisis rules, so editing the shipped wording never breaks them.
pub fn fixture() -> PathBuf {
    bundled().join("tests/fixtures/content")
}

/// An engine over the fixture content, loaded once per test binary.
pub fn fixture_engine() -> Engine {
    static ENGINE: std::sync::LazyLock<Engine> = std::sync::LazyLock::new(|| engine_at(&fixture()));
    ENGINE.clone()
}

/// The tags of the shipped languages.
pub fn languages() -> Vec<String> {
    engine()
        .content()
        .locales
        .languages
        .iter()
        .map(|l| l.tag.clone())
        .collect()
}

/// An engine over a content folder, which must load without errors.
pub fn engine_at(dir: &Path) -> Engine {
    let (content, _warnings) = Content::load(dir).expect("content loads");
    Engine::new(Arc::new(content))
}

/// Copies the shipped dialogues, locales and services into a new temporary folder.
pub fn copy_content() -> tempfile::TempDir {
    copy_parts(&bundled())
}

/// Copies the fixture's dialogues, locales and services into a new temporary folder.
pub fn copy_fixture() -> tempfile::TempDir {
    copy_parts(&fixture())
}

fn copy_parts(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for part in ["dialogues", "locales", "services"] {
        copy_dir(&from.join(part), &dir.path().join(part));
    }
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// Replaces `from` with `to` in a file (which must contain `from`).
pub fn edit(path: &Path, from: &str, to: &str) {
    let s = std::fs::read_to_string(path).expect("read");
    assert!(
        s.contains(from),
        "{} does not contain {from:?}",
        path.display()
    );
    std::fs::write(path, s.replacen(from, to, 1)).expect("write");
}

/// The 1-based line of the first line containing `needle`.
pub fn line_of(path: &Path, needle: &str) -> usize {
    let s = std::fs::read_to_string(path).expect("read");
    s.lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("{needle:?} not in {}", path.display()))
}

/// `signpost check` on a content folder: its exit code and what it printed.
pub fn check_content(content: &Path) -> (Option<i32>, String) {
    let path = content.display().to_string();
    let o = run(
        &content.join("s.db"),
        &["check"],
        b"",
        &[("SIGNPOST_CONTENT", &path)],
    );
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

/// The line a problem printed as `file:line: ...` names (0 when it names none).
pub fn problem_line(problem: &str) -> usize {
    problem
        .split(':')
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The 1-based line of the last line containing `needle`.
pub fn last_line_of(path: &Path, needle: &str) -> usize {
    let s = std::fs::read_to_string(path).expect("read");
    s.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .last()
        .map(|(i, _)| i + 1)
        .unwrap_or_else(|| panic!("{needle:?} not in {}", path.display()))
}

/// A fixed moment, so ages and dates are stable.
pub fn ctx() -> Context {
    Context {
        now: Utc
            .with_ymd_and_hms(2026, 11, 24, 10, 0, 0)
            .single()
            .expect("date"),
        reference: "SP-7K3Q".to_string(),
        waiting: None,
        buttons: signpost::engine::Buttons::Tapped,
    }
}

/// A conversation driven step by step through the engine.
pub struct Convo {
    pub engine: Engine,
    pub session: Session,
    pub last: Outcome,
    pub effects: Vec<Effect>,
}

impl Convo {
    /// A new conversation that has chosen `lang` (or not, with `None`), after `Start`.
    pub fn new(engine: Engine, lang: Option<&str>) -> Convo {
        let session = engine.new_session(lang);
        let last = engine.step(
            &session,
            Input::Start {
                lang_hint: None,
                link: None,
            },
            &ctx(),
        );
        Convo {
            engine,
            session: last.session.clone(),
            effects: last.effects.clone(),
            last,
        }
    }

    /// Sends one input and keeps the result.
    pub fn send(&mut self, input: Input) -> &mut Self {
        self.last = self.engine.step(&self.session, input, &ctx());
        self.session = self.last.session.clone();
        self.effects.extend(self.last.effects.clone());
        self
    }

    /// Types a line.
    pub fn say(&mut self, text: &str) -> &mut Self {
        self.send(Input::Text(text.to_string()))
    }

    /// Presses a button of the current node.
    pub fn press(&mut self, choice: &str) -> &mut Self {
        let node = self.session.node.clone();
        self.send(Input::Choice {
            node,
            choice: choice.to_string(),
        })
    }

    /// All reply texts of the last step, isolation marks removed, joined by blank lines.
    pub fn text(&self) -> String {
        self.last
            .replies
            .iter()
            .map(|r| strip_isolation(&r.text))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// The last reply (the current question, usually).
    pub fn prompt(&self) -> &Reply {
        self.last.replies.last().expect("a reply")
    }

    /// Button labels of the last reply, isolation marks removed.
    pub fn labels(&self) -> Vec<String> {
        self.prompt()
            .choices
            .iter()
            .map(|b| strip_isolation(&b.label))
            .collect()
    }

    /// The node waiting for input.
    pub fn at(&self) -> &str {
        &self.session.node
    }

    /// The referral queued, if any.
    pub fn queued(&self) -> Option<&signpost::engine::Referral> {
        self.effects.iter().find_map(|e| match e {
            Effect::Queue(r) => Some(r),
            _ => None,
        })
    }
}

/// The English path through the referral up to the summary, by typing (the shipped dialogue,
/// or its copy in the fixture).
pub fn to_summary(c: &mut Convo) {
    c.press("yes");
    c.say("1").say("3").say("done");
    c.say("I have been feeling very alone since my wife died.");
    c.say("Sam");
    c.say("3/7/1958");
    c.say("Blithehale Health Centre");
    c.press("phone");
    c.say("07700 900123");
    c.press("morning");
    c.say("e1 6an");
    c.press("bn");
    assert_eq!(c.at(), "summary");
}

/// Runs the `signpost` binary on `db` with `args`, feeding it `stdin`: the bundled content, and
/// none of the settings of the environment the tests run in, then `env`.
pub fn run(db: &Path, args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Output {
    let mut child = spawn(db, args, env);
    let mut input = child.stdin.take().expect("stdin");
    // A refused database ends the process before it reads: a closed pipe is expected then.
    match input.write_all(stdin) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.expect("write stdin"),
    }
    drop(input);
    child.wait_with_output().expect("wait")
}

/// Starts the `signpost` binary as [`run`] does, with its standard streams piped.
pub fn spawn(db: &Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env("SIGNPOST_CONTENT", bundled())
        .env_remove("SIGNPOST_DB")
        .env_remove("SIGNPOST_RETENTION_DAYS")
        .env_remove("SIGNPOST_PRESCRIBER_NAME")
        .env_remove("RUST_LOG")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn signpost")
}

/// Runs the binary as [`run`] does, reads one line of its output and then closes it, as
/// `| head -1` does.
pub fn run_closing_output(db: &Path, args: &[&str]) -> Output {
    let mut child = spawn(db, args, &[]);
    drop(child.stdin.take());
    let mut stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut line).expect("read");
    assert!(!line.is_empty(), "{args:?} printed nothing");
    drop(stdout);
    child.wait_with_output().expect("wait")
}

/// Standard output of a command that must have succeeded, bidi isolation marks removed.
pub fn ok(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    strip_isolation(&String::from_utf8_lossy(&o.stdout))
}

/// Standard error of a command that must have been refused (exit 1, no panic).
pub fn refused(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(1),
        "expected exit 1; stdout: {}",
        String::from_utf8_lossy(&o.stdout)
    );
    let e = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(!e.contains("panicked"), "{e}");
    e
}

/// A database file and its write-ahead log, byte for byte.
pub fn file_bytes(db: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(db).expect("db file");
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    if let Ok(log) = std::fs::read(PathBuf::from(wal)) {
        bytes.extend(log);
    }
    bytes
}

/// True when `needle` occurs anywhere in `haystack`.
pub fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// A consented referral queued at `created_at` with these text answers, the needs `money`,
/// team `central` and one suggested service: tests change what they need with `..`.
pub fn referral(
    reference: &str,
    created_at: chrono::DateTime<Utc>,
    answers: &[(&str, &str)],
) -> signpost::engine::Referral {
    signpost::engine::Referral {
        reference: reference.into(),
        created_at,
        language: "en-GB".into(),
        urgent: false,
        answers: answers
            .iter()
            .map(|(k, v)| (k.to_string(), signpost::engine::Answer::Text(v.to_string())))
            .collect(),
        needs: vec!["money".into()],
        services: vec!["housing-advice-borough".into()],
        unmet: None,
        consent_at: Some("2026-11-24T08:00:00Z".into()),
        notice_version: Some("2026-11".into()),
        flags: Vec::new(),
        team: "central".into(),
        practice: None,
        source: None,
        referred_by: None,
    }
}

/// Queues each referral as a step of its own Telegram user (100, 101, ...).
pub fn seed(db: &Path, referrals: Vec<signpost::engine::Referral>) {
    let mut store = signpost::store::Store::open(db).expect("open");
    for (i, r) in referrals.into_iter().enumerate() {
        store
            .commit_step(
                signpost::store::Channel::Telegram,
                &format!("{}", 100 + i),
                &Session::default(),
                &[Effect::Queue(r)],
                Utc::now(),
            )
            .expect("seed");
    }
}
