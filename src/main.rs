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
            let config = signpost::telegram::ServeConfig {
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
        Command::Queue {
            action: QueueAction::List { status, json },
        } => {
            let store = Store::open(&db)?;
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
            Ok(ExitCode::SUCCESS)
        }
    }
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
