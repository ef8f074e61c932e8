//! End to end, in one run: a fake Bot API on 127.0.0.1 (the tests' own, no artificial delay),
//! the bare teloxide echo bot (`examples/echo_bot.rs`) and the release `signpost serve` on a
//! fresh database, each driven by the same simulated residents.
//!
//! ```sh
//! cargo bench --bench e2e                                # the curve: 300, 1,000, 3,000, 10,000
//! cargo bench --bench e2e -- --residents 1000            # one size, three runs
//! cargo bench --bench e2e -- --residents 300,3000 --runs 3 --open 1000 --conversations 2000
//! cargo bench --bench e2e -- --only signpost             # one bot (for profiling)
//! E2E_SIGNPOST=/path/to/older/signpost cargo bench --bench e2e   # another build of signpost
//! ```
//!
//! Printed: the curve, a row per size of the closed loop (every resident acts the moment the
//! bot answers; the two bots take turns run by run, each run with new residents, the median
//! run reported): steps per second of each bot and their ratio, p99 step latency, bot CPU per
//! step and how busy the machine was. Then, for each bot: time from start to its first
//! `getUpdates`; the open loop (residents pause about a second between steps, like people):
//! step latency; peak RSS; the RSS of a fresh bot with `--conversations` conversations left
//! open; Bot API calls per referral by method. Latency runs from the update being available in
//! the fake to the first reply reaching it.

#[path = "../../tests/fake_bot_api/mod.rs"]
mod fake_bot_api;

#[path = "../../examples/echo_bot.rs"]
mod echo_bot;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fake_bot_api::{Call, FakeBotApi};
use tokio::sync::mpsc;

/// What a resident does at one step.
#[derive(Clone, Debug)]
enum Act {
    Say(&'static str),
    Tap(&'static str),
}

/// The whole referral through buttons and text, as the tests do it (15 steps).
const REFERRAL: &[Act] = &[
    Act::Say("/start"),
    Act::Tap("en-GB"),
    Act::Tap("yes"),
    Act::Tap("money"),
    Act::Tap("done"),
    Act::Tap("no-thanks"),
    Act::Say("Sam Resident"),
    Act::Tap("prefer-not"),
    Act::Tap("dont-know"),
    Act::Tap("phone"),
    Act::Say("020 7946 0321"),
    Act::Tap("any"),
    Act::Tap("dont-know"),
    Act::Tap("none"),
    Act::Tap("confirm"),
];

/// An open conversation: started, language and consent given, a need ticked, then silence.
const OPENING: usize = 4;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Echo,
    Signpost,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Echo => "echo bot",
            Kind::Signpost => "signpost",
        }
    }
}

struct Options {
    /// Closed-loop sizes, in residents (`--residents 300,1000`); the curve has one row each.
    sizes: Vec<usize>,
    /// Closed-loop runs per size and bot, the two bots taking turns (`--runs`); the median run
    /// is reported.
    runs: usize,
    /// Residents of the open loop (`--open`).
    open: usize,
    conversations: usize,
    /// Only this bot (`--only signpost` or `--only echo`), for profiling.
    only: Option<String>,
}

fn options() -> Options {
    let args: Vec<String> = std::env::args().collect();
    let text = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let value = |flag: &str, default: usize| {
        text(flag)
            .and_then(|v| v.replace('_', "").parse().ok())
            .unwrap_or(default)
    };
    let sizes: Vec<usize> = text("--residents")
        .map(|v| {
            v.split(',')
                .filter_map(|n| n.trim().replace('_', "").parse().ok())
                .filter(|n| *n > 0)
                .collect()
        })
        .filter(|v: &Vec<usize>| !v.is_empty())
        .unwrap_or_else(|| vec![300, 1000, 3000, 10_000]);
    // One size alone: three runs, as the single-size bench always did.
    let runs = value("--runs", if sizes.len() == 1 { 3 } else { 1 }).max(1);
    Options {
        open: value("--open", 1000),
        sizes,
        runs,
        conversations: value("--conversations", 10_000),
        only: text("--only"),
    }
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("echo-bot") {
        echo_bot::main();
        return;
    }
    let opts = options();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("e2e: cannot start tokio: {e}");
            std::process::exit(1);
        }
    };
    let kinds: Vec<Kind> = [Kind::Echo, Kind::Signpost]
        .into_iter()
        .filter(|k| opts.only.as_deref().is_none_or(|o| k.name().starts_with(o)))
        .collect();
    match runtime.block_on(measure(&kinds, &opts)) {
        Ok(results) => report(&opts, &results),
        Err(e) => {
            eprintln!("e2e: {e}");
            std::process::exit(1);
        }
    }
}

/// A bot process under load, with the fake it talks to.
struct Running {
    child: Child,
    fake: FakeBotApi,
    _dir: tempfile::TempDir,
    startup: Duration,
    routes: Routes,
    /// Bot API calls answered so far (getUpdates included).
    calls: Arc<std::sync::atomic::AtomicU64>,
    /// The same, by method.
    methods: Methods,
}

type Methods = Arc<Mutex<BTreeMap<String, u64>>>;

/// A copy of the calls by method so far.
fn snapshot(methods: &Methods) -> BTreeMap<String, u64> {
    methods.lock().map(|m| m.clone()).unwrap_or_default()
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

type Routes = Arc<Mutex<HashMap<i64, mpsc::UnboundedSender<Call>>>>;

async fn launch(kind: Kind) -> Result<Running, String> {
    let fake = FakeBotApi::start().await;
    let mut calls = fake.watch();
    // The routing below sees every call; a log of hundreds of thousands would only weigh on
    // the machine the bots share.
    fake.forget_calls();
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let db = dir.path().join("bench.db");
    let mut cmd = match kind {
        Kind::Signpost => {
            // Another build of signpost (an older commit, say) in its place: `E2E_SIGNPOST`.
            let bin = std::env::var_os("E2E_SIGNPOST")
                .unwrap_or_else(|| env!("CARGO_BIN_EXE_signpost").into());
            let mut c = Command::new(bin);
            c.args(["serve", "--db"]).arg(&db);
            c
        }
        Kind::Echo => {
            let mut c = Command::new(std::env::current_exe().map_err(|e| e.to_string())?);
            c.arg("echo-bot");
            c
        }
    };
    let started = Instant::now();
    let child = cmd
        .env("TELOXIDE_TOKEN", "123456:BENCH-TOKEN")
        .env("TELOXIDE_API_URL", &fake.url)
        .env("SIGNPOST_CONTENT", env!("CARGO_MANIFEST_DIR"))
        .env("SIGNPOST_RATE_LIMIT", "off")
        .env("RUST_LOG", "error")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot start the bot: {e}"))?;
    let startup = loop {
        match tokio::time::timeout(Duration::from_secs(20), calls.recv()).await {
            Ok(Some(c)) if c.method == "getUpdates" => break c.at - started,
            Ok(Some(_)) => {}
            _ => return Err("the bot never asked for updates".into()),
        }
    };
    // Every reply goes to the resident whose chat it is.
    let routes: Routes = Arc::new(Mutex::new(HashMap::new()));
    let r = routes.clone();
    let counter = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let count = counter.clone();
    let methods: Methods = Arc::default();
    let by_method = methods.clone();
    tokio::spawn(async move {
        while let Some(call) = calls.recv().await {
            count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if let Ok(mut m) = by_method.lock() {
                *m.entry(call.method.clone()).or_default() += 1;
            }
            let Some(chat) = call.body["chat_id"].as_i64() else {
                continue;
            };
            if let Ok(map) = r.lock()
                && let Some(tx) = map.get(&chat)
            {
                let _ = tx.send(call);
            }
        }
    });
    Ok(Running {
        child,
        fake,
        _dir: dir,
        startup,
        routes,
        calls: counter,
        methods,
    })
}

/// Figures for one bot.
struct Figures {
    startup: Duration,
    /// The closed loop at each size, in the order of [`Options::sizes`].
    curve: Vec<Size>,
    open: Vec<Duration>,
    open_offered: f64,
    peak_rss_kb: u64,
    open_conversations_rss_kb: u64,
}

/// The closed loop at one size: every run (slowest first) and the median one.
struct Size {
    residents: usize,
    runs: Vec<f64>,
    median: ClosedRun,
}

async fn measure(kinds: &[Kind], opts: &Options) -> Result<Vec<(Kind, Figures)>, String> {
    let mut bots = Vec::new();
    for &kind in kinds {
        let run = launch(kind).await?;
        eprintln!(
            "{}: up, first getUpdates after {:?}",
            kind.name(),
            run.startup
        );
        // Warm-up: a few residents, not counted.
        crowd(&run, kind, 20, 900_000, REFERRAL.len(), None).await?;
        bots.push((kind, run));
    }
    // The closed loop at each size, the bots taking turns run by run so the machine's noise
    // falls on both; each run has new residents.
    let mut curves: Vec<Vec<Size>> = kinds.iter().map(|_| Vec::new()).collect();
    let mut first_chat = 1_000_000;
    for &size in &opts.sizes {
        let mut runs: Vec<Vec<ClosedRun>> = kinds.iter().map(|_| Vec::new()).collect();
        for _ in 0..opts.runs {
            for ((kind, run), mine) in bots.iter().zip(&mut runs) {
                let r = closed_loop(run, *kind, size, first_chat).await?;
                first_chat += 1_000_000;
                eprintln!(
                    "{}: {size} residents, closed loop {:.0} steps/s, {:.0} µs CPU per step",
                    kind.name(),
                    r.steps_per_sec,
                    r.cpu_per_step
                );
                mine.push(r);
            }
        }
        for (mut mine, curve) in runs.into_iter().zip(&mut curves) {
            mine.sort_by(|a, b| a.steps_per_sec.total_cmp(&b.steps_per_sec));
            let all = mine.iter().map(|r| r.steps_per_sec).collect();
            let median = mine.swap_remove(mine.len() / 2);
            curve.push(Size {
                residents: size,
                runs: all,
                median,
            });
        }
    }
    // The open loop, one bot after the other.
    let mut opens = Vec::new();
    for (kind, run) in &bots {
        let t = Instant::now();
        let open = crowd(
            run,
            *kind,
            opts.open,
            100_000,
            REFERRAL.len(),
            Some(Duration::from_secs(1)),
        )
        .await?;
        let offered = open.len() as f64 / t.elapsed().as_secs_f64();
        eprintln!("{}: open loop done", kind.name());
        opens.push((
            open,
            offered,
            status_kb(run.child.id(), "VmHWM").unwrap_or(0),
        ));
    }
    let startups: Vec<Duration> = bots.iter().map(|(_, r)| r.startup).collect();
    drop(bots);

    // What holding conversations costs, apart from the history of the runs above: a fresh
    // bot on a fresh database.
    let mut results = Vec::new();
    for (((&kind, curve), (open, open_offered, peak_rss_kb)), startup) in
        kinds.iter().zip(curves).zip(opens).zip(startups)
    {
        let fresh = launch(kind).await?;
        crowd(&fresh, kind, opts.conversations, 200_000, OPENING, None).await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let open_conversations_rss_kb = status_kb(fresh.child.id(), "VmRSS").unwrap_or(0);
        results.push((
            kind,
            Figures {
                startup,
                curve,
                open,
                open_offered,
                peak_rss_kb,
                open_conversations_rss_kb,
            },
        ));
    }
    Ok(results)
}

/// One closed-loop run: every resident acts the moment the bot answers.
struct ClosedRun {
    steps_per_sec: f64,
    calls_per_sec: f64,
    calls_per_referral: BTreeMap<String, f64>,
    machine_busy: f64,
    cpu_per_step: f64,
    latencies: Vec<Duration>,
}

async fn closed_loop(
    run: &Running,
    kind: Kind,
    residents: usize,
    first_chat: i64,
) -> Result<ClosedRun, String> {
    let t = Instant::now();
    let cpu_before = cpu_ticks(run.child.id());
    let calls_before = run.calls.load(std::sync::atomic::Ordering::Relaxed);
    let methods_before = snapshot(&run.methods);
    let machine_before = machine_ticks();
    let latencies = crowd(run, kind, residents, first_chat, REFERRAL.len(), None).await?;
    let elapsed = t.elapsed().as_secs_f64();
    let calls = run.calls.load(std::sync::atomic::Ordering::Relaxed) - calls_before;
    let machine_busy = match (machine_before, machine_ticks()) {
        (Some((busy0, all0)), Some((busy1, all1))) if all1 > all0 => {
            (busy1 - busy0) as f64 / (all1 - all0) as f64
        }
        _ => 0.0,
    };
    let calls_per_referral = snapshot(&run.methods)
        .into_iter()
        .map(|(method, n)| {
            let before = methods_before.get(&method).copied().unwrap_or(0);
            let per = (n - before) as f64 / residents.max(1) as f64;
            (method, per)
        })
        .filter(|(_, per)| *per > 0.0)
        .collect();
    let cpu_per_step = cpu_ticks(run.child.id()).saturating_sub(cpu_before) as f64 * 10_000.0
        / latencies.len().max(1) as f64;
    Ok(ClosedRun {
        steps_per_sec: latencies.len() as f64 / elapsed,
        calls_per_sec: calls as f64 / elapsed,
        calls_per_referral,
        machine_busy,
        cpu_per_step,
        latencies,
    })
}

/// `count` residents with chat ids from `first_chat`, each doing the first `steps` of the
/// referral; with `think`, each pauses a random time of that mean before every step (open
/// loop), starting at a random moment within the first `think`. Returns every step's latency.
async fn crowd(
    run: &Running,
    kind: Kind,
    count: usize,
    first_chat: i64,
    steps: usize,
    think: Option<Duration>,
) -> Result<Vec<Duration>, String> {
    let mut tasks = Vec::with_capacity(count);
    for i in 0..count {
        let chat = first_chat + i as i64 + 1;
        let (tx, rx) = mpsc::unbounded_channel();
        if let Ok(mut m) = run.routes.lock() {
            m.insert(chat, tx);
        }
        let fake = run.fake.clone();
        tasks.push(tokio::spawn(resident(fake, kind, chat, steps, think, rx)));
    }
    let mut all = Vec::with_capacity(count * steps);
    for t in tasks {
        all.extend(t.await.map_err(|e| e.to_string())??);
    }
    if let Ok(mut m) = run.routes.lock() {
        m.retain(|chat, _| *chat <= first_chat || *chat > first_chat + count as i64);
    }
    Ok(all)
}

/// An exponential pause of the given mean (people's gaps between messages).
fn pause(mean: Duration) -> Duration {
    let u = fastrand::f64().max(1e-9);
    mean.mul_f64(-u.ln()).min(mean * 5)
}

async fn resident(
    fake: FakeBotApi,
    kind: Kind,
    chat: i64,
    steps: usize,
    think: Option<Duration>,
    mut rx: mpsc::UnboundedReceiver<Call>,
) -> Result<Vec<Duration>, String> {
    let mut latencies = Vec::with_capacity(steps);
    // The newest keyboard: (message id, callback data of each button).
    let mut keyboard: Option<(i64, Vec<String>)> = None;
    let mut last_message = 1;
    if let Some(mean) = think {
        tokio::time::sleep(mean.mul_f64(fastrand::f64())).await;
    }
    for (step, act) in REFERRAL.iter().enumerate().take(steps) {
        if let (Some(mean), true) = (think, step > 0) {
            tokio::time::sleep(pause(mean)).await;
        }
        let update = match (act, kind) {
            (Act::Say(text), _) => fake_bot_api::text(chat, Some("en"), text),
            (Act::Tap(choice), Kind::Echo) => {
                fake_bot_api::press(chat, Some("en"), last_message, &format!("echo|{choice}"))
            }
            (Act::Tap(choice), Kind::Signpost) => {
                let (message, data) = keyboard
                    .as_ref()
                    .and_then(|(m, d)| {
                        d.iter()
                            .find(|d| d.ends_with(&format!("|{choice}")))
                            .map(|d| (*m, d.clone()))
                    })
                    .ok_or_else(|| format!("chat {chat}: no button {choice:?} at step {step}"))?;
                fake_bot_api::press(chat, Some("en"), message, &data)
            }
        };
        keyboard = None;
        let pushed = Instant::now();
        fake.push(update);
        let next = REFERRAL.get(step + 1).filter(|_| step + 1 < steps);
        let mut first: Option<Instant> = None;
        let mut sent = false;
        loop {
            let call = match tokio::time::timeout(Duration::from_secs(30), rx.recv()).await {
                Ok(Some(c)) => c,
                _ => return Err(format!("chat {chat}: no reply at step {step}")),
            };
            let markup = call.body["reply_markup"]["inline_keyboard"].as_array();
            let is_reply = call.method == "sendMessage"
                || (call.method == "editMessageReplyMarkup" && markup.is_some());
            if !is_reply || call.status != 200 {
                continue;
            }
            first.get_or_insert(call.at);
            if call.method == "sendMessage" {
                sent = true;
                last_message = call.result["message_id"].as_i64().unwrap_or(last_message);
            }
            if let Some(rows) = markup {
                let id = match call.method.as_str() {
                    "sendMessage" => call.result["message_id"].as_i64(),
                    _ => call.body["message_id"].as_i64(),
                };
                let data = rows
                    .iter()
                    .flat_map(|r| r.as_array().cloned().unwrap_or_default())
                    .filter_map(|b| b["callback_data"].as_str().map(str::to_string))
                    .collect();
                keyboard = id.map(|id| (id, data));
            }
            let ready = match (kind, next) {
                (Kind::Echo, _) | (_, None) | (_, Some(Act::Say(_))) => sent || keyboard.is_some(),
                (Kind::Signpost, Some(Act::Tap(c))) => keyboard
                    .as_ref()
                    .is_some_and(|(_, d)| d.iter().any(|d| d.ends_with(&format!("|{c}")))),
            };
            if ready {
                break;
            }
        }
        if let Some(at) = first {
            latencies.push(at.saturating_duration_since(pushed));
        }
    }
    Ok(latencies)
}

/// CPU time used by a process so far, in clock ticks (1/100 s), from `/proc/PID/stat`.
fn cpu_ticks(pid: u32) -> u64 {
    let Ok(text) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0;
    };
    // Fields after the command name (which is in parentheses): utime is the 12th, stime the 13th.
    let rest = text.rsplit_once(')').map(|(_, r)| r).unwrap_or_default();
    let f: Vec<u64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0)
}

/// Busy and total CPU ticks of the whole machine so far, from `/proc/stat`.
fn machine_ticks() -> Option<(u64, u64)> {
    let text = std::fs::read_to_string("/proc/stat").ok()?;
    let f: Vec<u64> = text
        .lines()
        .next()?
        .split_whitespace()
        .skip(1)
        .filter_map(|x| x.parse().ok())
        .collect();
    let all: u64 = f.iter().take(8).sum();
    // idle and iowait are the 4th and 5th fields.
    let idle = f.get(3).copied().unwrap_or(0) + f.get(4).copied().unwrap_or(0);
    Some((all - idle, all))
}

/// A figure from `/proc/PID/status`, in kB (Linux).
fn status_kb(pid: u32, field: &str) -> Option<u64> {
    let text =
        std::fs::read_to_string(Path::new("/proc").join(pid.to_string()).join("status")).ok()?;
    text.lines()
        .find(|l| l.starts_with(field))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn spread(mut v: Vec<Duration>) -> String {
    v.sort();
    format!(
        "{} / {} / {}",
        ms(percentile(&v, 0.5)),
        ms(percentile(&v, 0.99)),
        ms(v.last().copied().unwrap_or_default())
    )
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

fn report(opts: &Options, results: &[(Kind, Figures)]) {
    println!();
    println!(
        "e2e: {} steps a referral; closed loop at {} residents ({} run(s) each, median); open \
         loop {} residents; {} open conversations; {}",
        REFERRAL.len(),
        opts.sizes
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        opts.runs,
        opts.open,
        opts.conversations,
        machine()
    );
    let echo = results
        .iter()
        .find(|(k, _)| *k == Kind::Echo)
        .map(|(_, f)| f);
    let sp = results
        .iter()
        .find(|(k, _)| *k == Kind::Signpost)
        .map(|(_, f)| f);
    println!(
        "{:>9} | {:>21} | {:>21} | {:>5} | {:>17} | {:>17} | {:>10}",
        "residents",
        "echo steps/s",
        "signpost steps/s",
        "ratio",
        "p99 echo / sp",
        "CPU/step echo / sp",
        "busy"
    );
    for (i, size) in opts.sizes.iter().enumerate() {
        let (e, s) = (
            echo.and_then(|f| f.curve.get(i)),
            sp.and_then(|f| f.curve.get(i)),
        );
        let rate = |x: Option<&Size>| {
            x.map_or("-".to_string(), |x| {
                let runs: Vec<String> = x.runs.iter().map(|v| format!("{v:.0}")).collect();
                format!("{:.0} ({})", x.median.steps_per_sec, runs.join("/"))
            })
        };
        let p99 = |x: Option<&Size>| {
            x.map_or("-".to_string(), |x| {
                let mut v = x.median.latencies.clone();
                v.sort();
                format!("{:.0}", percentile(&v, 0.99).as_secs_f64() * 1000.0)
            })
        };
        let cpu = |x: Option<&Size>| {
            x.map_or("-".to_string(), |x| format!("{:.0}", x.median.cpu_per_step))
        };
        let busy = |x: Option<&Size>| {
            x.map_or("-".to_string(), |x| {
                format!("{:.0}%", x.median.machine_busy * 100.0)
            })
        };
        let ratio = match (e, s) {
            (Some(e), Some(s)) => format!("{:.2}", s.median.steps_per_sec / e.median.steps_per_sec),
            _ => "-".into(),
        };
        println!(
            "{:>9} | {:>21} | {:>21} | {:>5} | {:>17} | {:>17} | {:>10}",
            size,
            rate(e),
            rate(s),
            ratio,
            format!("{} / {} ms", p99(e), p99(s)),
            format!("{} / {} µs", cpu(e), cpu(s)),
            format!("{} / {}", busy(e), busy(s)),
        );
    }
    println!();
    println!("{:<44} {:>26} {:>26}", "", "echo bot", "signpost");
    let row = |label: &str, f: &dyn Fn(&Figures) -> String| {
        let cell = |x: Option<&Figures>| x.map(f).unwrap_or_default();
        println!("{:<44} {:>26} {:>26}", label, cell(echo), cell(sp));
    };
    row("start to first getUpdates", &|r| ms(r.startup));
    row(
        &format!("open loop ({}): offered steps/s", opts.open),
        &|r| format!("{:.0}", r.open_offered),
    );
    row("open loop: latency median / p99 / max", &|r| {
        spread(r.open.clone())
    });
    row("peak RSS", &|r| {
        format!("{:.1} MB", r.peak_rss_kb as f64 / 1024.0)
    });
    row(
        &format!("RSS, fresh bot, {} open conversations", opts.conversations),
        &|r| format!("{:.1} MB", r.open_conversations_rss_kb as f64 / 1024.0),
    );
    for (kind, r) in results {
        let Some(size) = r.curve.first() else {
            continue;
        };
        let total: f64 = size.median.calls_per_referral.values().sum();
        let each: Vec<String> = size
            .median
            .calls_per_referral
            .iter()
            .map(|(m, n)| format!("{m} {n:.1}"))
            .collect();
        println!(
            "{}: Bot API calls per referral {total:.1} ({}); calls/s {:.0} at {} residents",
            kind.name(),
            each.join(", "),
            size.median.calls_per_sec,
            size.residents
        );
    }
    if let (Some(e), Some(s)) = (echo, sp) {
        let mut ep: Vec<Duration> = e.open.clone();
        let mut spp: Vec<Duration> = s.open.clone();
        ep.sort();
        spp.sort();
        println!(
            "open loop p99 signpost / echo bot: {:.2}",
            percentile(&spp, 0.99).as_secs_f64() / percentile(&ep, 0.99).as_secs_f64().max(1e-9)
        );
    }
}
