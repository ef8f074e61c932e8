//! The `signpost` command line.

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
    },
    /// Validate dialogues, locales and services: one `path:line: message` per problem
    Check,
    /// The callback queue, for prescribers
    Queue {
        #[command(subcommand)]
        action: QueueAction,
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
    #[error("say who you are with --by NAME (or set SIGNPOST_PRESCRIBER_NAME)")]
    NoName,
    #[error("{0}: {1:?} is not a Telegram id (comma-separated numbers expected)")]
    BadId(String, String),
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
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    match run(cli) {
        Ok(code) => code,
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
        Command::Check => check(&content_dir),
        Command::Serve {
            rate_limit,
            webhook_url,
            listen,
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
        Command::Queue { action } => queue_action(&db, action),
    }
}

fn queue_action(db: &std::path::Path, action: QueueAction) -> Result<ExitCode, CliError> {
    use signpost::queue::{self, QueueError};
    let mut store = Store::open(db)?;
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
            let claimed = store.in_transaction(|c| detailed(c, queue::claim_next(c, &by, now)?))?;
            match (claimed, json) {
                (Some(d), true) => writeln!(out, "{}", serde_json::to_string_pretty(&d)?)?,
                (None, true) => writeln!(out, "null")?,
                (Some(d), false) => writeln!(out, "{}", queue::describe(&d.item, &d.notes))?,
                (None, false) => writeln!(out, "No open callbacks.")?,
            }
        }
        QueueAction::Show { reference, json } => {
            let d = store
                .in_transaction(|c| detailed(c, queue::get(c, &reference)?))?
                .ok_or_else(|| QueueError::NotFound(reference.to_ascii_uppercase()))?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&d)?)?;
            } else {
                writeln!(out, "{}", queue::describe(&d.item, &d.notes))?;
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
            let mut buf = Vec::new();
            store.in_transaction(|c| queue::export_csv(c, &mut buf))?;
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

/// A referral with its notes, for `--json`.
#[derive(serde::Serialize)]
struct Detailed {
    #[serde(flatten)]
    item: signpost::store::QueueItem,
    notes: Vec<signpost::queue::Note>,
}

fn check(dir: &std::path::Path) -> Result<ExitCode, CliError> {
    let (content, problems) = Content::load_all(dir)?;
    let mut out = io::stdout().lock();
    for p in &problems {
        writeln!(out, "{p}")?;
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
            Ok(ExitCode::SUCCESS)
        }
        None => {
            writeln!(out, "{errors} error(s), {warnings} warning(s)")?;
            Ok(ExitCode::from(1))
        }
    }
}
