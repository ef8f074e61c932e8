//! The command line as a front door: each subcommand reads its arguments, calls the
//! application layer or the content tools, and prints what comes back.

mod args;
mod check;
mod error;
mod graph;
mod link;
mod parsers;
mod people;
mod prescribers;
mod queue;
mod report;
mod services;
mod translations;

use std::io;
use std::process::ExitCode;
use std::sync::Arc;

pub use args::Cli;
use args::Command;
use error::CliError;
use signpost::config::{self, FileConfig};
use signpost::content::Content;
use signpost::engine::Engine;
use signpost::store::Store;

impl Cli {
    /// Whether a person converses on this terminal (`chat`), so log lines would interrupt.
    pub fn converses(&self) -> bool {
        match self.command {
            Command::Chat { .. } => true,
            Command::Check { .. }
            | Command::Serve { .. }
            | Command::Queue { .. }
            | Command::Forget { .. }
            | Command::Mydata { .. }
            | Command::Purge { .. }
            | Command::Services { .. }
            | Command::Web { .. }
            | Command::Prescribers { .. }
            | Command::Report { .. }
            | Command::Link { .. }
            | Command::Graph { .. } => false,
            Command::Translations { .. } => false,
        }
    }
}

/// Runs one subcommand.
pub fn run(cli: Cli) -> Result<ExitCode, CliError> {
    let cwd = std::env::current_dir().map_err(CliError::WorkingDirectory)?;
    let file = FileConfig::load(&cwd)?;
    let content_dir = config::content_dir(cli.content, &file);
    let db = config::db_path(cli.db, &file);
    match cli.command {
        Command::Check {
            languages,
            crisis_report,
            crisis_set,
            misses,
            crisis_explain,
        } => check::check(
            &content_dir,
            languages,
            &check::CrisisCheck {
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
            web,
            web_options,
            nudge_after,
            quiet_hours,
        } => {
            let nudging = config::nudging((nudge_after, quiet_hours), &file)?;
            let env = |var: &str| std::env::var(var).ok();
            let config = signpost::telegram::ServeConfig {
                prescribers: signpost::telegram::telegram_ids(
                    "SIGNPOST_PRESCRIBERS",
                    &env("SIGNPOST_PRESCRIBERS").unwrap_or_default(),
                )?,
                prescriber_chat: signpost::telegram::one_chat(
                    "SIGNPOST_PRESCRIBER_CHAT",
                    &env("SIGNPOST_PRESCRIBER_CHAT").unwrap_or_default(),
                )?,
                token: env("TELOXIDE_TOKEN"),
                api_url: env("TELOXIDE_API_URL"),
                rate_limit: rate_limit == "on",
                webhook: webhook_url
                    .zip(listen)
                    .map(|(url, listen)| signpost::telegram::Webhook { url, listen }),
                retention_days: people::retention(retention_days, &file)?,
                web: web.map(|listen| signpost::telegram::WebBeside {
                    listen,
                    db: db.clone(),
                    config: web_config(&web_options),
                }),
            };
            if config.token.as_deref().is_none_or(|t| t.trim().is_empty()) {
                return Err(signpost::telegram::ServeError::MissingToken.into());
            }
            let engine = engine(&content_dir)?;
            let store = Store::open(&db)?;
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .map_err(CliError::Runtime)?;
            runtime.block_on(signpost::telegram::serve(engine, store, config, nudging))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Chat { lang, user } => {
            people::reserved(&user)?;
            let engine = engine(&content_dir)?;
            let mut store = Store::open(&db)?;
            signpost::chat::run(
                &engine,
                &mut store,
                &user,
                lang.as_deref(),
                io::stdin().lock(),
                io::stdout().lock(),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Queue { action } => queue::queue_action(&db, &content_dir, action),
        Command::Forget {
            user,
            channel,
            json,
        } => people::forget(&db, &user, channel, json),
        Command::Mydata {
            user,
            channel,
            lang,
            json,
        } => people::mydata(&db, &content_dir, &user, channel, lang.as_deref(), json),
        Command::Purge {
            retention_days,
            json,
        } => people::purge(&db, people::retention(retention_days, &file)?, json),
        Command::Services { action } => services::services_action(&content_dir, action),
        Command::Link {
            practice,
            source,
            bot,
            qr,
        } => link::link(
            &content_dir,
            practice.as_deref(),
            source.as_deref(),
            bot.as_deref(),
            qr.as_deref(),
        ),
        Command::Web { listen, options } => {
            let engine = engine(&content_dir)?;
            let store = Store::open(&db)?;
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .map_err(CliError::Runtime)?;
            runtime.block_on(signpost::web::run_alone(
                engine.shared_content(),
                store,
                &db,
                listen,
                web_config(&options),
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Report { since, team, json } => report::report(&db, since, team, json),
        Command::Prescribers { action } => {
            prescribers::prescribers_action(&db, &content_dir, action)
        }
        Command::Graph { format, lang, out } => {
            graph::graph(&content_dir, format, &lang, out.as_deref())
        }
        Command::Translations { action } => match action {
            args::TranslationsAction::Export { lang } => translations::export(&content_dir, &lang),
            args::TranslationsAction::Import { file, lang } => {
                translations::import(&content_dir, &file, lang.as_deref())
            }
        },
    }
}

/// The web app's settings from its flags.
fn web_config(o: &args::WebOptions) -> signpost::web::WebConfig {
    signpost::web::WebConfig {
        idle: o.idle,
        secure: match o.secure_cookies.as_str() {
            "always" => signpost::web::SecureCookies::Always,
            "never" => signpost::web::SecureCookies::Never,
            _ => signpost::web::SecureCookies::Auto,
        },
    }
}

/// The engine over the content folder (warnings are for `check`; logged at debug level).
fn engine(dir: &std::path::Path) -> Result<Engine, CliError> {
    let (content, warnings) = Content::load(dir)?;
    for w in &warnings {
        tracing::debug!("{w}");
    }
    Ok(Engine::new(Arc::new(content)))
}
