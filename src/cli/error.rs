//! Every failure the command line reports, each as one readable message.

use std::io;
use std::path::PathBuf;

use signpost::config;

/// A failure shown to the person as one readable message.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error(transparent)]
    Content(#[from] signpost::content::ContentError),
    #[error(transparent)]
    Store(#[from] signpost::store::StoreError),
    #[error(transparent)]
    Chat(#[from] signpost::chat::ChatError),
    #[error("cannot write output: {0}")]
    Output(#[from] io::Error),
    #[error("cannot read the working directory: {0}")]
    WorkingDirectory(io::Error),
    #[error("cannot start the bot's runtime: {0}")]
    Runtime(io::Error),
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
    #[error("{0:?} is not a UK postcode")]
    BadPostcode(String),
    #[error("need {0:?} is not one the dialogue offers (known: {1})")]
    UnknownNeed(String, String),
    #[error(transparent)]
    Import(#[from] signpost::import::ImportError),
    #[error(transparent)]
    Link(#[from] signpost::deeplink::LinkError),
    #[error("{0}: a QR code is written as .svg or .png; name the file with one of them")]
    QrFormat(PathBuf),
    #[error("cannot make a QR code of the link: {0}")]
    Qr(String),
    #[error("cannot write {0}: {1}")]
    Write(PathBuf, io::Error),
    #[error("{0}")]
    Problem(signpost::content::Problem),
    #[error("labelled crisis set: {0}")]
    CrisisSet(String),
    #[error(transparent)]
    Web(#[from] signpost::web::WebError),
    #[error(transparent)]
    Graph(#[from] signpost::graph::GraphError),
    #[error(transparent)]
    Translations(#[from] signpost::translations::TranslationError),
    #[error(transparent)]
    Account(#[from] signpost::app::accounts::AccountError),
    #[error("cannot read the password: {0}")]
    Password(io::Error),
    #[error("the two passwords differ; nothing was changed")]
    PasswordsDiffer,
    #[error(
        "standard input is not a terminal: pass the password with --password-stdin (or --no-password for a Telegram-only account)"
    )]
    NoPassword,
}

impl CliError {
    /// True when standard output was closed by its reader.
    pub fn is_closed_output(&self) -> bool {
        matches!(
            self,
            CliError::Output(e) | CliError::Chat(signpost::chat::ChatError::Io(e))
                if e.kind() == io::ErrorKind::BrokenPipe
        )
    }
}
