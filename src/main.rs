//! The `signpost` command line.

// Output goes through `writeln!`, so a closed pipe is an error that ends quietly, not a panic.
#![deny(clippy::print_stdout)]

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use signpost::config::{self, FileConfig};
use signpost::content::Content;
use signpost::engine::Engine;
use signpost::store::{Status, Store};

/// Self-referral to social prescribing by chat.
#[derive(Parser)]
#[command(name = "signpost", version, about)]
struct Cli {
    /// SQLite database file [default: signpost.db]
    #[arg(long, global = true, env = "SIGNPOST_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    /// Folder holding dialogues/, locales/ and services/
    #[arg(long, global = true, env = "SIGNPOST_CONTENT", value_name = "DIR")]
    content: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The resident dialogue in the terminal
    Chat {
        /// Language tag (en-GB, bn, ar); asks when not given
        #[arg(long, value_name = "TAG")]
        lang: Option<String>,
        /// Whose conversation this is (a terminal has one person by default)
        #[arg(long, default_value = "local", value_name = "ID")]
        user: String,
    },
    /// The Telegram bot (long polling); token in TELOXIDE_TOKEN
    Serve {
        /// Keep within Telegram's sending limits: on, or off for benchmarks and tests
        #[arg(long, env = "SIGNPOST_RATE_LIMIT", default_value = "on", value_parser = ["on", "off"])]
        rate_limit: String,
        /// Receive updates by webhook at this public HTTPS URL instead of long polling
        #[arg(long, requires = "listen", value_name = "URL")]
        webhook_url: Option<String>,
        /// Local address for the webhook, e.g. 127.0.0.1:8443 behind a TLS proxy
        #[arg(long, requires = "webhook_url", value_name = "ADDR")]
        listen: Option<std::net::SocketAddr>,
        /// Purge abandoned conversations and closed referrals older than this, daily [default: 90]
        #[arg(long, env = "SIGNPOST_RETENTION_DAYS", value_name = "DAYS")]
        retention_days: Option<u32>,
    },
    /// Erase one person's data (a request made to the service): their conversation, open
    /// referrals and notes; closed referrals keep only what the service must keep
    Forget {
        /// Their id: the Telegram user id, or the terminal chat's --user
        #[arg(long, value_name = "ID")]
        user: String,
        /// Where they talked to signpost [default: every channel, saying where it was found]
        #[arg(long, value_enum)]
        channel: Option<signpost::store::Channel>,
        /// Print what was erased as JSON
        #[arg(long)]
        json: bool,
    },
    /// Everything held about one person (a subject access request), in their language
    Mydata {
        /// Their id: the Telegram user id, or the terminal chat's --user
        #[arg(long, value_name = "ID")]
        user: String,
        /// Where they talked to signpost [default: every channel, saying where it was found]
        #[arg(long, value_enum)]
        channel: Option<signpost::store::Channel>,
        /// Language to write it in [default: the language of their conversation, else en-GB]
        #[arg(long, value_name = "TAG")]
        lang: Option<String>,
        /// Print the stored records as JSON instead
        #[arg(long)]
        json: bool,
    },
    /// Purge abandoned conversations and closed referrals older than the retention period
    Purge {
        /// Keep this many days [default: 90]
        #[arg(long, env = "SIGNPOST_RETENTION_DAYS", value_name = "DAYS")]
        retention_days: Option<u32>,
        /// Print what was purged as JSON
        #[arg(long)]
        json: bool,
    },
    /// Validate dialogues, locales and services: one `path:line: message` per problem
    Check {
        /// Also print a table of languages: messages translated, missing, reviewed or draft
        #[arg(long)]
        languages: bool,
        /// Also print the crisis detector's recall and false alarms on each --crisis-set
        #[arg(long)]
        crisis_report: bool,
        /// A labelled set for --crisis-report: a folder of <language>.tsv files, or one file
        #[arg(long, value_name = "PATH", requires = "crisis_report")]
        crisis_set: Vec<PathBuf>,
        /// With --crisis-report, list every message the detector got wrong
        #[arg(long, requires = "crisis_report")]
        misses: bool,
        /// Say why a message fires the crisis interrupt, or why not
        #[arg(long, value_name = "TEXT")]
        crisis_explain: Option<String>,
    },
    /// The callback queue, for prescribers
    Queue {
        #[command(subcommand)]
        action: QueueAction,
    },
    /// The service directory: what the bot would suggest, and importing Open Referral data
    Services {
        #[command(subcommand)]
        action: ServicesAction,
    },
}

#[derive(Subcommand)]
enum ServicesAction {
    /// Print exactly what the bot would suggest, with the reasons
    Match {
        /// A need id (repeat for several), e.g. money
        #[arg(long, required = true, value_name = "ID")]
        need: Vec<String>,
        /// The person's postcode
        #[arg(long, value_name = "PC")]
        postcode: Option<String>,
        /// The person's age in years
        #[arg(long, value_name = "YEARS")]
        age: Option<u32>,
        /// The person's language tag
        #[arg(long, value_name = "TAG", default_value = "en-GB")]
        lang: String,
        /// JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Read an Open Referral UK (HSDS) JSON export into a directory file
    Import {
        /// The JSON export
        file: PathBuf,
        /// Where to write the entries [default: services/imported.toml in the content folder]
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum QueueAction {
    /// List callbacks, urgent first then oldest
    List {
        /// Only this status
        #[arg(long, value_enum)]
        status: Option<Status>,
        /// JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Claim the next open callback (urgent first, then oldest) and show it
    Claim {
        /// Your name, recorded on the callback
        #[arg(long, value_name = "NAME")]
        by: String,
        /// JSON for scripts (null when none is open)
        #[arg(long)]
        json: bool,
    },
    /// Show one callback with its notes
    Show {
        /// The reference, e.g. SP-7K3Q
        reference: String,
        /// JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Close a callback you claimed, saying how it ended
    Close {
        /// The reference
        reference: String,
        /// What happened
        #[arg(long)]
        outcome: String,
        #[command(flatten)]
        who: Who,
    },
    /// Put a callback you claimed back in the queue
    Release {
        /// The reference
        reference: String,
        #[command(flatten)]
        who: Who,
    },
    /// Add a note to a callback you claimed
    Note {
        /// The reference
        reference: String,
        /// The note
        text: String,
        #[command(flatten)]
        who: Who,
    },
    /// Record a call that was not answered (you keep the callback)
    Attempt {
        /// The reference
        reference: String,
        #[command(flatten)]
        who: Who,
    },
    /// Counts: open, oldest waiting, claimed today, median wait to claim
    Stats {
        /// JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Every callback as CSV for a spreadsheet, with the SNOMED CT referral code
    Export {
        /// CSV (the only format)
        #[arg(long, required = true)]
        csv: bool,
    },
}

/// Who is acting on a callback.
#[derive(clap::Args)]
struct Who {
    /// Your name as used when claiming [default: SIGNPOST_PRESCRIBER_NAME, then your login]
    #[arg(long, value_name = "NAME", env = "SIGNPOST_PRESCRIBER_NAME")]
    by: Option<String>,
}

impl Who {
    fn name(&self) -> Result<String, CliError> {
        self.by
            .clone()
            .or_else(|| std::env::var("USER").ok())
            .filter(|n| !n.trim().is_empty())
            .ok_or(CliError::NoName)
    }
}

/// A failure shown to the person as one readable message.
#[derive(Debug, thiserror::Error)]
enum CliError {
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error(transparent)]
    Content(#[from] signpost::content::ContentError),
    #[error(transparent)]
    Store(#[from] signpost::store::StoreError),
    #[error(transparent)]
    Chat(#[from] signpost::chat::ChatError),
    #[error("cannot write output: {0}")]
    Io(#[from] io::Error),
    #[error("cannot format JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Serve(#[from] signpost::telegram::ServeError),
    #[error(transparent)]
    Queue(#[from] signpost::queue::QueueError),
    #[error(
        "the retention period must be at least 1 day (0 would delete conversations in progress)"
    )]
    ZeroRetention,
    #[error("{0:?} cannot be used as a person's id (it is empty, or marks erased records)")]
    ReservedUser(String),
    #[error("say who you are with --by NAME (or set SIGNPOST_PRESCRIBER_NAME)")]
    NoName,
    #[error("user {0} has data in more than one channel ({1}): say which with --channel")]
    SeveralChannels(String, String),
    #[error("{0}: {1:?} is not a Telegram id (comma-separated numbers expected)")]
    BadId(String, String),
    #[error("{0:?} is not a UK postcode")]
    BadPostcode(String),
    #[error("need {0:?} is not one the dialogue offers (known: {1})")]
    UnknownNeed(String, String),
    #[error(transparent)]
    Import(#[from] signpost::import::ImportError),
    #[error("cannot write {0}: {1}")]
    Write(PathBuf, io::Error),
    #[error("{0}")]
    Problem(signpost::content::Problem),
    #[error("labelled crisis set: {0}")]
    CrisisSet(String),
}

impl CliError {
    /// True when standard output was closed by its reader.
    fn is_closed_output(&self) -> bool {
        let io = match self {
            CliError::Io(e) | CliError::Chat(signpost::chat::ChatError::Io(e)) => e,
            _ => return false,
        };
        io.kind() == io::ErrorKind::BrokenPipe
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    tracing_subscriber::fmt()
        .with_writer(io::stderr)
        // Colour codes only for a person at a terminal, not in a log file or the journal.
        .with_ansi(io::IsTerminal::is_terminal(&io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    match run(cli) {
        Ok(code) => code,
        // Output closed early (`| head`): stop quietly, as a command in a pipeline should.
        Err(e) if e.is_closed_output() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("signpost: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, CliError> {
    let file = FileConfig::load(&std::env::current_dir()?)?;
    let content_dir = config::content_dir(cli.content, &file);
    let db = config::db_path(cli.db, &file);
    match cli.command {
        Command::Check {
            languages,
            crisis_report,
            crisis_set,
            misses,
            crisis_explain,
        } => check(
            &content_dir,
            languages,
            &CrisisCheck {
                report: crisis_report,
                sets: crisis_set,
                misses,
                explain: crisis_explain,
            },
        ),
        Command::Serve {
            rate_limit,
            webhook_url,
            listen,
            retention_days,
        } => {
            let ids = |var: &str| -> Result<Vec<i64>, CliError> {
                std::env::var(var)
                    .unwrap_or_default()
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| {
                        s.parse::<i64>()
                            .map_err(|_| CliError::BadId(var.to_string(), s.to_string()))
                    })
                    .collect()
            };
            let prescriber_chat = ids("SIGNPOST_PRESCRIBER_CHAT")?;
            if prescriber_chat.len() > 1 {
                return Err(CliError::BadId(
                    "SIGNPOST_PRESCRIBER_CHAT".into(),
                    "more than one chat".into(),
                ));
            }
            let config = signpost::telegram::ServeConfig {
                prescribers: ids("SIGNPOST_PRESCRIBERS")?,
                prescriber_chat: prescriber_chat.first().copied(),
                token: std::env::var("TELOXIDE_TOKEN").ok(),
                api_url: std::env::var("TELOXIDE_API_URL").ok(),
                rate_limit: rate_limit == "on",
                webhook: webhook_url
                    .zip(listen)
                    .map(|(url, listen)| signpost::telegram::Webhook { url, listen }),
                retention_days: retention(retention_days, &file)?,
            };
            if config.token.as_deref().is_none_or(|t| t.trim().is_empty()) {
                return Err(signpost::telegram::ServeError::MissingToken.into());
            }
            let (content, _) = Content::load(&content_dir)?;
            let engine = Engine::new(Arc::new(content));
            let store = Store::open(&db)?;
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()?;
            runtime.block_on(signpost::telegram::serve(engine, store, config))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Chat { lang, user } => {
            reserved(&user)?;
            let (content, warnings) = Content::load(&content_dir)?;
            for w in &warnings {
                tracing::debug!("{w}");
            }
            let engine = Engine::new(Arc::new(content));
            let mut store = Store::open(&db)?;
            let stdin = io::stdin();
            signpost::chat::run(
                &engine,
                &mut store,
                &user,
                lang.as_deref(),
                stdin.lock(),
                io::stdout().lock(),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Queue { action } => queue_action(&db, &content_dir, action),
        Command::Forget {
            user,
            channel,
            json,
        } => {
            reserved(&user)?;
            let mut store = Store::open(&db)?;
            let channels = match channel {
                Some(c) => vec![c],
                None => store.in_transaction(|c| signpost::privacy::channels_holding(c, &user))?,
            };
            let erased = store.in_transaction(|c| {
                let now = chrono::Utc::now();
                let mut all = signpost::privacy::Erased::default();
                for ch in &channels {
                    all = all.and(signpost::privacy::forget(c, *ch, &user, now)?);
                }
                Ok::<_, signpost::store::StoreError>(all)
            })?;
            let emptied = store.checkpoint()?;
            let mut out = io::stdout().lock();
            let place = channel_names(channel, &channels);
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&erased)?)?;
            } else if erased.is_empty() && channel.is_none() {
                writeln!(out, "Nothing was held for user {user} in any channel.")?;
            } else if erased.is_empty() {
                writeln!(out, "Nothing was held for {place} user {user}.")?;
            } else {
                writeln!(
                    out,
                    "Erased ({place} user {user}): {} conversation(s); deleted referrals: {}; anonymised closed referrals: {}; unsent messages: {}.",
                    erased.conversations,
                    list_or_none(&erased.referrals_deleted),
                    list_or_none(&erased.referrals_anonymised),
                    erased.messages
                )?;
            }
            warn_unless_emptied(emptied);
            Ok(ExitCode::SUCCESS)
        }
        Command::Mydata {
            user,
            channel,
            lang,
            json,
        } => {
            reserved(&user)?;
            let mut store = Store::open(&db)?;
            let mut out = io::stdout().lock();
            let channel = match channel {
                Some(c) => c,
                None => {
                    let found =
                        store.in_transaction(|c| signpost::privacy::channels_holding(c, &user))?;
                    match found.as_slice() {
                        [] => signpost::store::Channel::Telegram,
                        [one] => {
                            // For the operator, not the copy given to the person.
                            eprintln!("Found in the {} channel.", one.as_str());
                            *one
                        }
                        _ => {
                            return Err(CliError::SeveralChannels(
                                user.clone(),
                                channel_names(None, &found),
                            ));
                        }
                    }
                }
            };
            if json {
                let held = store.in_transaction(|c| signpost::privacy::held(c, channel, &user))?;
                writeln!(out, "{}", serde_json::to_string_pretty(&held)?)?;
                return Ok(ExitCode::SUCCESS);
            }
            let (content, _) = Content::load(&content_dir)?;
            let engine = Engine::new(Arc::new(content));
            let text = store.in_transaction(|c| {
                let stored = signpost::store::load_session(c, channel, &user)?
                    .and_then(|s| s.lang)
                    .or_else(|| {
                        signpost::store::referrals_of(c, channel, &user)
                            .ok()
                            .and_then(|r| r.last().map(|r| r.language.clone()))
                    });
                let lang = lang
                    .as_deref()
                    .and_then(|l| engine.content().locales.best_match(l))
                    .map(str::to_string)
                    .or(stored)
                    .unwrap_or_else(|| signpost::content::locales::DEFAULT_LANGUAGE.to_string());
                signpost::privacy::my_data(c, &engine, channel, &user, &lang)
            })?;
            writeln!(
                out,
                "{}",
                signpost::content::locales::strip_isolation(&text)
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Purge {
            retention_days,
            json,
        } => {
            let days = retention(retention_days, &file)?;
            let mut store = Store::open(&db)?;
            let purged =
                store.in_transaction(|c| signpost::privacy::purge(c, days, chrono::Utc::now()))?;
            let emptied = store.checkpoint()?;
            let mut out = io::stdout().lock();
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&purged)?)?;
            } else {
                writeln!(
                    out,
                    "Purged (older than {days} days): {} conversation(s), {} closed referral(s), {} old update id(s).",
                    purged.conversations, purged.referrals, purged.updates
                )?;
            }
            warn_unless_emptied(emptied);
            Ok(ExitCode::SUCCESS)
        }
        Command::Services { action } => services_action(&content_dir, action),
    }
}

/// The retention period: flag or `SIGNPOST_RETENTION_DAYS`, else `signpost.toml`, else 90 days.
fn retention(given: Option<u32>, file: &FileConfig) -> Result<u32, CliError> {
    let days = given
        .or(file.retention_days)
        .unwrap_or(signpost::privacy::DEFAULT_RETENTION_DAYS);
    if days == 0 {
        return Err(CliError::ZeroRetention);
    }
    Ok(days)
}

/// Refuses the id anonymised records carry, so no one can see or act on them as a person.
/// "telegram", "terminal and telegram", or "no" when nothing was found and none named.
fn channel_names(
    named: Option<signpost::store::Channel>,
    found: &[signpost::store::Channel],
) -> String {
    match (named, found) {
        (Some(c), _) => c.as_str().to_string(),
        (None, []) => "no".to_string(),
        (None, found) => found
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(" and "),
    }
}

fn reserved(user: &str) -> Result<(), CliError> {
    if user == signpost::privacy::ERASED || user.trim().is_empty() {
        return Err(CliError::ReservedUser(user.to_string()));
    }
    Ok(())
}

/// Says so when another process kept the write-ahead log from being emptied after an erasure
/// or a purge: the removed data leaves it at the next checkpoint.
fn warn_unless_emptied(emptied: bool) {
    if !emptied {
        eprintln!(
            "signpost: the write-ahead log is still in use by another process; removed data leaves it at the next checkpoint"
        );
    }
}

fn list_or_none(refs: &[String]) -> String {
    if refs.is_empty() {
        "none".into()
    } else {
        refs.join(", ")
    }
}

fn queue_action(
    db: &std::path::Path,
    content_dir: &std::path::Path,
    action: QueueAction,
) -> Result<ExitCode, CliError> {
    use signpost::queue::{self, QueueError};
    let mut store = Store::open(db)?;
    // The record view and the CSV are laid out by the dialogue's record.
    let content = || -> Result<Content, CliError> { Ok(Content::load(content_dir)?.0) };
    let now = chrono::Utc::now();
    let mut out = io::stdout().lock();
    let detailed = |c: &rusqlite::Connection, item: Option<signpost::store::QueueItem>| {
        item.map(|item| -> Result<Detailed, QueueError> {
            let notes = queue::notes(c, &item.reference)?;
            Ok(Detailed { item, notes })
        })
        .transpose()
    };
    match action {
        QueueAction::List { status, json } => list(&store, status, json)?,
        QueueAction::Claim { by, json } => {
            // Loaded first: a claim is never made that cannot then be shown.
            let content = if json { None } else { Some(content()?) };
            let claimed = store.in_transaction(|c| detailed(c, queue::claim_next(c, &by, now)?))?;
            match (claimed, content) {
                (Some(d), None) => writeln!(out, "{}", serde_json::to_string_pretty(&d)?)?,
                (None, None) => writeln!(out, "null")?,
                (Some(d), Some(content)) => {
                    let text = store
                        .in_transaction(|c| queue::record_text(c, &content, d.item, d.notes))?;
                    writeln!(out, "{text}")?;
                }
                (None, Some(_)) => writeln!(out, "No open callbacks.")?,
            }
        }
        QueueAction::Show { reference, json } => {
            let d = store
                .in_transaction(|c| detailed(c, queue::get(c, &reference)?))?
                .ok_or_else(|| QueueError::NotFound(reference.to_ascii_uppercase()))?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&d)?)?;
            } else {
                let content = content()?;
                let text =
                    store.in_transaction(|c| queue::record_text(c, &content, d.item, d.notes))?;
                writeln!(out, "{text}")?;
            }
        }
        QueueAction::Close {
            reference,
            outcome,
            who,
        } => {
            let by = who.name()?;
            store.in_transaction(|c| queue::close(c, &reference, &by, &outcome, now))?;
            writeln!(out, "Closed {}.", reference.to_ascii_uppercase())?;
        }
        QueueAction::Release { reference, who } => {
            let by = who.name()?;
            store.in_transaction(|c| queue::release(c, &reference, &by, now))?;
            writeln!(
                out,
                "Released {} back to the queue.",
                reference.to_ascii_uppercase()
            )?;
        }
        QueueAction::Note {
            reference,
            text,
            who,
        } => {
            let by = who.name()?;
            store.in_transaction(|c| queue::note(c, &reference, &by, &text, now))?;
            writeln!(out, "Noted on {}.", reference.to_ascii_uppercase())?;
        }
        QueueAction::Attempt { reference, who } => {
            let by = who.name()?;
            let n = store.in_transaction(|c| queue::attempt(c, &reference, &by, now))?;
            writeln!(
                out,
                "Recorded call attempt {n} on {}.",
                reference.to_ascii_uppercase()
            )?;
        }
        QueueAction::Stats { json } => {
            let s = store.in_transaction(|c| queue::stats(c, now))?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&s)?)?;
            } else {
                writeln!(out, "Open: {} ({} urgent)", s.open, s.open_urgent)?;
                writeln!(out, "Claimed, not closed: {}", s.claimed)?;
                match (&s.oldest_open_at, s.oldest_open_minutes) {
                    (Some(at), Some(m)) => {
                        writeln!(out, "Oldest waiting: since {at} ({m} minutes)")?
                    }
                    _ => writeln!(out, "Oldest waiting: none")?,
                }
                writeln!(out, "Claimed today: {}", s.claimed_today)?;
                match s.median_wait_minutes {
                    Some(m) => writeln!(out, "Median wait to claim: {m:.0} minutes")?,
                    None => writeln!(out, "Median wait to claim: none claimed yet")?,
                }
            }
        }
        QueueAction::Export { .. } => {
            let content = content()?;
            let mut buf = Vec::new();
            store.in_transaction(|c| queue::export_csv(c, &content, &mut buf))?;
            out.write_all(&buf)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn list(store: &Store, status: Option<Status>, json: bool) -> Result<(), CliError> {
    let items = store.list(status)?;
    let mut out = io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&items)?)?;
    } else if items.is_empty() {
        writeln!(out, "No callbacks.")?;
    } else {
        writeln!(
            out,
            "{:<8} {:<7} {:<8} {:<20} {:<6} NEEDS",
            "REF", "STATUS", "PRIORITY", "CREATED", "LANG"
        )?;
        for i in items {
            writeln!(
                out,
                "{:<8} {:<7} {:<8} {:<20} {:<6} {}",
                i.reference,
                i.status,
                i.priority,
                i.created_at,
                i.language,
                i.needs.join(",")
            )?;
        }
    }
    Ok(())
}

fn services_action(dir: &std::path::Path, action: ServicesAction) -> Result<ExitCode, CliError> {
    use signpost::engine::validate::uk_postcode;
    use signpost::matching::{Query, suggest};
    let (content, _) = Content::load(dir)?;
    let mut out = io::stdout().lock();
    match action {
        ServicesAction::Match {
            need,
            postcode,
            age,
            lang,
            json,
        } => {
            let known = content.need_ids();
            if let Some(bad) = need.iter().find(|n| !known.contains(*n)) {
                let list = known.iter().cloned().collect::<Vec<_>>().join(", ");
                return Err(CliError::UnknownNeed(bad.clone(), list));
            }
            let postcode = match postcode {
                Some(p) => Some(uk_postcode(&p).ok_or(CliError::BadPostcode(p))?),
                None => None,
            };
            let found = suggest(
                &content.directory,
                &Query {
                    needs: &need,
                    postcode: postcode.as_deref(),
                    age,
                    language: &lang,
                },
            );
            if json {
                let rows: Vec<_> = found
                    .iter()
                    .map(|f| {
                        serde_json::json!({
                            "need": f.need,
                            "id": f.service.id,
                            "name": f.service.name,
                            "organisation": f.service.organisation,
                            "phone": f.service.phone,
                            "website": f.service.website,
                            "reasons": f.reasons,
                        })
                    })
                    .collect();
                writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
            } else if found.is_empty() {
                writeln!(out, "No matching services.")?;
            } else {
                for f in &found {
                    let why: Vec<String> = f.reasons.iter().map(|r| r.to_string()).collect();
                    writeln!(
                        out,
                        "{:<9} {:<28} {} ({})",
                        f.need,
                        f.service.id,
                        f.service.name,
                        why.join(", ")
                    )?;
                }
            }
        }
        ServicesAction::Import { file, out: target } => {
            let json = signpost::import::read_export(&file)?;
            let mapping_path = dir
                .join("services")
                .join(signpost::content::services::MAPPING_FILE);
            let mapping = match std::fs::read_to_string(&mapping_path) {
                Ok(src) => signpost::import::Mapping::parse(
                    std::path::Path::new("services/mapping.toml"),
                    &src,
                )
                .map_err(CliError::Problem)?,
                Err(_) => signpost::import::Mapping::default(),
            };
            let (services, report) = signpost::import::import(
                &file.display().to_string(),
                &json,
                &mapping,
                chrono::Utc::now().date_naive(),
            )?;
            for (id, why) in &report.skipped {
                eprintln!("skipped {id}: {why}");
            }
            let target = target.unwrap_or_else(|| dir.join("services").join("imported.toml"));
            let header = signpost::import::header(
                &file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                chrono::Utc::now().date_naive(),
            );
            let text = signpost::content::services::to_toml(&services, &header)
                .map_err(|e| CliError::Write(target.clone(), io::Error::other(e)))?;
            // All or nothing: write beside the target, then rename over it.
            let tmp = target.with_extension("toml.partial");
            std::fs::write(&tmp, text).map_err(|e| CliError::Write(tmp.clone(), e))?;
            std::fs::rename(&tmp, &target).map_err(|e| CliError::Write(target.clone(), e))?;
            writeln!(out, "{} Written to {}.", report.summary(), target.display())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A referral with its notes, for `--json`.
#[derive(serde::Serialize)]
struct Detailed {
    #[serde(flatten)]
    item: signpost::store::QueueItem,
    notes: Vec<signpost::queue::Note>,
}

/// What `check` is asked about the crisis detector.
struct CrisisCheck {
    report: bool,
    sets: Vec<PathBuf>,
    misses: bool,
    explain: Option<String>,
}

fn check(
    dir: &std::path::Path,
    languages: bool,
    crisis: &CrisisCheck,
) -> Result<ExitCode, CliError> {
    let (content, problems) = Content::load_all(dir)?;
    let mut out = io::stdout().lock();
    for p in &problems {
        writeln!(out, "{p}")?;
    }
    let mut below_bars = false;
    if let Some(c) = &content {
        if let Some(text) = &crisis.explain {
            writeln!(out, "{}", c.crisis.detector.explain(text))?;
        }
        if crisis.report {
            for set in &crisis.sets {
                let (table, ok) = signpost::crisis::report::report_set(
                    &c.crisis.detector,
                    set,
                    crisis.misses,
                    signpost::crisis::report::MAX_FALSE_ALARMS,
                )
                .map_err(CliError::CrisisSet)?;
                writeln!(out, "crisis detector on {}:\n{table}", set.display())?;
                below_bars |= !ok;
            }
        }
    }
    if languages && let Some(c) = &content {
        writeln!(
            out,
            "{:<9} {:<12} {:>10} {:>7}  STATUS",
            "LANGUAGE", "NAME", "TRANSLATED", "MISSING"
        )?;
        for (tag, name, have, missing, status) in c.language_table() {
            writeln!(out, "{tag:<9} {name:<12} {have:>10} {missing:>7}  {status}")?;
        }
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    match content.filter(|_| errors == 0) {
        Some(c) => {
            writeln!(
                out,
                "ok: {} dialogue(s), {} language(s), {} service(s); {warnings} warning(s)",
                c.flows.len(),
                c.locales.languages.len(),
                c.directory.services.len()
            )?;
            if below_bars {
                writeln!(
                    out,
                    "crisis detector below its bars (every crisis message caught, at most {:.0}% false alarms)",
                    100.0 * signpost::crisis::report::MAX_FALSE_ALARMS
                )?;
                return Ok(ExitCode::from(1));
            }
            Ok(ExitCode::SUCCESS)
        }
        None => {
            writeln!(out, "{errors} error(s), {warnings} warning(s)")?;
            Ok(ExitCode::from(1))
        }
    }
}
