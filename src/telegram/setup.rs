//! How `serve` is configured and what it checks and registers before it starts.

use teloxide::types::BotCommand;
use tokio_util::sync::CancellationToken;

use super::api::Api;
use super::sending::kind;
use crate::app::commands::ResidentCommand;
use crate::content::bot_profile;
use crate::content::locales::DEFAULT_LANGUAGE;
use crate::engine::Engine;
use crate::store::StoreError;

/// How `serve` runs.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// `TELOXIDE_TOKEN`.
    pub token: Option<String>,
    /// `TELOXIDE_API_URL`, for a local Bot API server or a test fake.
    pub api_url: Option<String>,
    /// Keep outgoing messages within Telegram's limits (`SIGNPOST_RATE_LIMIT`, default on).
    pub rate_limit: bool,
    /// Receive updates by webhook instead of long polling.
    pub webhook: Option<Webhook>,
    /// Telegram user ids allowed to use the prescriber commands (`SIGNPOST_PRESCRIBERS`).
    pub prescribers: Vec<i64>,
    /// A chat told of each new callback, by reference and priority only
    /// (`SIGNPOST_PRESCRIBER_CHAT`).
    pub prescriber_chat: Option<i64>,
    /// Days after which abandoned conversations and closed referrals are purged (daily).
    pub retention_days: u32,
    /// The prescribers' web app beside the bot (`--web ADDR`).
    pub web: Option<WebBeside>,
}

/// The web app served by the bot's process, sharing its store thread.
#[derive(Debug, Clone)]
pub struct WebBeside {
    /// Where it listens.
    pub listen: std::net::SocketAddr,
    /// The database file (pages read it on their own connections).
    pub db: std::path::PathBuf,
    /// Its settings.
    pub config: crate::web::WebConfig,
}

/// Webhook mode: Telegram posts updates to `url`, which reaches this process at `listen`
/// (usually through a reverse proxy that terminates TLS).
#[derive(Debug, Clone)]
pub struct Webhook {
    /// The public HTTPS address given to Telegram; its path is the one served.
    pub url: String,
    /// The local address to listen on.
    pub listen: std::net::SocketAddr,
}

/// Why the bot could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The web app could not start.
    #[error(transparent)]
    Web(#[from] crate::web::WebError),
    /// No token.
    #[error("TELOXIDE_TOKEN is not set: put the bot's token from @BotFather in TELOXIDE_TOKEN")]
    MissingToken,
    /// The API URL does not parse.
    #[error("TELOXIDE_API_URL is not a valid URL ({0})")]
    BadApiUrl(String),
    /// The token does not have a token's shape.
    #[error(
        "TELOXIDE_TOKEN does not look like a bot token: expected the form 123456789:ABC-def_ghi \
         from @BotFather (digits, a colon, then letters, digits, - and _; no 'bot' prefix, no spaces)"
    )]
    BadToken,
    /// Telegram said the token is wrong.
    #[error(
        "Telegram refused the bot token in TELOXIDE_TOKEN ({0}): check it with @BotFather, \
         it may have been revoked"
    )]
    TokenRefused(String),
    /// The webhook URL is not one Telegram would call.
    #[error(
        "--webhook-url must be an https:// address (Telegram only calls webhooks over HTTPS): {0}"
    )]
    WebhookNotHttps(String),
    /// The operating system's random generator failed.
    #[error("cannot draw a secret from the operating system's random generator: {0}")]
    Random(String),
    /// A list of Telegram ids in the environment has something else in it.
    #[error("{0}: {1:?} is not a Telegram id (comma-separated numbers expected)")]
    BadId(&'static str, String),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The signal handlers could not be installed.
    #[error("cannot listen for stop signals: {0}")]
    Signals(#[from] std::io::Error),
    /// The webhook address could not be listened on.
    #[error("cannot listen on {0} for the webhook: {1}")]
    Listen(std::net::SocketAddr, std::io::Error),
    /// Telegram did not accept the webhook.
    #[error("Telegram did not accept the webhook URL ({0})")]
    Webhook(String),
}

/// True for a token of the shape @BotFather gives: digits, a colon, then `A-Z a-z 0-9 _ -`.
pub(super) fn token_shape(token: &str) -> bool {
    let Some((id, key)) = token.split_once(':') else {
        return false;
    };
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_digit())
        && !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

pub(super) fn reqwest_url(url: &str) -> Result<url::Url, ServeError> {
    url::Url::parse(url.trim_end_matches('/')).map_err(|e| ServeError::BadApiUrl(e.to_string()))
}

pub(super) fn listen_for_signals(stop: CancellationToken) -> Result<(), ServeError> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate())?;
        let mut int = signal(SignalKind::interrupt())?;
        tokio::spawn(async move {
            tokio::select! {
                _ = term.recv() => {},
                _ = int.recv() => {},
            }
            stop.cancel();
        });
    }
    #[cfg(not(unix))]
    tokio::spawn(async move {
        let _ = tokio::signal::ctrl_c().await;
        stop.cancel();
    });
    Ok(())
}

/// Registers the bot's profile in every shipped language, scoped by its two-letter code, and
/// the default language's as the profile for every other: the commands, the description and the
/// short description (`content::bot_profile`), so a phone shows them in its language before the
/// first message. A refusal is logged and the rest goes on.
pub(super) async fn register_profile(api: Api, engine: Engine) {
    let locales = &engine.content().locales;
    for lang in &locales.languages {
        let text = |id: &str| bot_profile::text(locales, &lang.tag, id);
        let commands: Vec<BotCommand> = ResidentCommand::ALL
            .iter()
            .map(|c| BotCommand::new(c.name(), text(&format!("command-{}", c.name()))))
            .collect();
        let description = text(bot_profile::DESCRIPTION);
        let short = text(bot_profile::SHORT_DESCRIPTION);
        let code = lang.tag.split('-').next().unwrap_or(&lang.tag).to_string();
        let mut scopes = vec![Some(code)];
        if lang.tag == DEFAULT_LANGUAGE {
            scopes.push(None);
        }
        for scope in scopes {
            let tag = &lang.tag;
            if let Err(e) = api.set_commands(commands.clone(), scope.clone()).await {
                tracing::warn!(lang = %tag, "setMyCommands failed ({})", kind(&e));
            }
            if let Err(e) = api
                .set_description(description.clone(), scope.clone())
                .await
            {
                tracing::warn!(lang = %tag, "setMyDescription failed ({})", kind(&e));
            }
            if let Err(e) = api.set_short_description(short.clone(), scope).await {
                tracing::warn!(lang = %tag, "setMyShortDescription failed ({})", kind(&e));
            }
        }
    }
}

/// Telegram ids from a comma-separated list in the environment variable `var`.
pub fn telegram_ids(var: &'static str, value: &str) -> Result<Vec<i64>, ServeError> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<i64>()
                .map_err(|_| ServeError::BadId(var, s.to_string()))
        })
        .collect()
}

/// At most one chat id from the environment variable `var`.
pub fn one_chat(var: &'static str, value: &str) -> Result<Option<i64>, ServeError> {
    match telegram_ids(var, value)?.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(*one)),
        _ => Err(ServeError::BadId(var, "more than one chat".into())),
    }
}
