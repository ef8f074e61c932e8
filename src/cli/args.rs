//! The command line's arguments (the contract in DESIGN.md): every subcommand and flag.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::parsers::{channel, day, duration};

mod staff;
pub use staff::{PrescribersAction, QueueAction, Who};

/// Self-referral to social prescribing by chat.
#[derive(Parser)]
#[command(name = "signpost", version, about)]
pub struct Cli {
    /// SQLite database file [default: signpost.db]
    #[arg(long, global = true, env = "SIGNPOST_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Folder holding dialogues/, locales/ and services/
    #[arg(long, global = true, env = "SIGNPOST_CONTENT", value_name = "DIR")]
    pub content: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
        /// Also run the prescribers' web app on this address, e.g. 127.0.0.1:8080
        #[arg(long, value_name = "ADDR")]
        web: Option<std::net::SocketAddr>,
        #[command(flatten)]
        web_options: WebOptions,
        /// Nudge someone who went quiet part way through a referral once, after this long
        /// (24h, 90m, 5s), or off [default: 24h]
        #[arg(long, env = "SIGNPOST_NUDGE_AFTER", value_name = "DURATION")]
        nudge_after: Option<String>,
        /// Hours in which no nudge is sent, London time (21-9, 21:30-8), or off [default: 21-9]
        #[arg(long, env = "SIGNPOST_QUIET_HOURS", value_name = "START-END")]
        quiet_hours: Option<String>,
    },
    /// The prescribers' web app alone (behind an HTTPS proxy)
    Web {
        /// Address to listen on, e.g. 127.0.0.1:8080
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
        listen: std::net::SocketAddr,
        #[command(flatten)]
        options: WebOptions,
    },
    /// Accounts of prescribers, coordinators and practice staff, for the web app and Telegram
    Prescribers {
        #[command(subcommand)]
        action: PrescribersAction,
    },
    /// Erase one person's data (a request made to the service): their conversation, open
    /// referrals and notes; closed referrals keep only what the service must keep
    Forget {
        /// Their id: the Telegram user id, or the terminal chat's --user
        #[arg(long, value_name = "ID")]
        user: String,
        /// Where they talked to signpost [default: every channel, saying where it was found]
        #[arg(long, value_parser = channel())]
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
        #[arg(long, value_parser = channel())]
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
    /// The report over referrals: needs, languages, sources, teams, outcomes, waits, weeks and
    /// unmet needs (counts from 1 to 4 shown as <5)
    Report {
        /// Only referrals made on or after this day (UTC)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = day())]
        since: Option<chrono::NaiveDate>,
        /// Only this team's referrals
        #[arg(long, value_name = "TEAM")]
        team: Option<String>,
        /// JSON for scripts
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
    /// A link to the bot for a poster or a text message (and its QR code): people who follow
    /// it skip the practice question, and the report counts them by source
    Link {
        /// The practice it is for: an ODS code in services/practices.toml
        #[arg(long, value_name = "ODS")]
        practice: Option<String>,
        /// Where it will be seen, for the report: lower-case letters, digits and -, e.g.
        /// poster-waiting-room
        #[arg(long, value_name = "NAME")]
        source: Option<String>,
        /// The bot's username, as @BotFather gave it
        #[arg(long, env = "SIGNPOST_BOT_USERNAME", value_name = "USERNAME")]
        bot: Option<String>,
        /// Also write the link as a QR code, SVG or PNG by the file's extension
        #[arg(long, value_name = "FILE")]
        qr: Option<PathBuf>,
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
    /// Draw the dialogue: every step with its words, every button and branch, the consent
    /// question, where the referral is made and the crisis interrupt
    Graph {
        /// Graphviz DOT, a Mermaid flowchart, or an SVG picture (laid out without Graphviz)
        #[arg(long, value_enum, default_value = "dot")]
        format: GraphFormat,
        /// The language of the words shown (en-GB, bn, ar...)
        #[arg(long, value_name = "TAG", default_value = "en-GB")]
        lang: String,
        /// Write to this file instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Translations reviewed in a spreadsheet: export one language as CSV, import it back
    Translations {
        #[command(subcommand)]
        action: TranslationsAction,
    },
}

/// The formats `signpost graph` writes.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT (`dot -Tpng`)
    Dot,
    /// A Mermaid flowchart (GitHub and GitLab draw it in Markdown)
    Mermaid,
    /// An SVG picture
    Svg,
}

#[derive(Subcommand)]
pub enum TranslationsAction {
    /// Write one language's texts as CSV (UTF-8 with a byte-order mark) to standard output:
    /// id, English, translation, status, reviewer note, context; one row per message and per
    /// attribute, in English's order
    Export {
        /// The language's tag (bn, ar, pl...)
        #[arg(long, value_name = "TAG")]
        lang: String,
    },
    /// Read a reviewed CSV back into the language's .ftl files and review marks; nothing is
    /// written if any row is refused
    Import {
        /// The CSV, as export wrote it and a spreadsheet saved it
        file: PathBuf,
        /// Refuse the file unless it is for this language [default: the language its
        /// `language` column names]
        #[arg(long, value_name = "TAG")]
        lang: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum ServicesAction {
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
    /// List services due a review (never reviewed, or not for a year), grouped by organisation
    /// with their contact details, oldest first
    Review {
        /// Write CSV to standard output
        #[arg(long)]
        csv: bool,
        /// Count from this day instead of today
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = day())]
        as_of: Option<chrono::NaiveDate>,
    },
}

/// How the web app behaves.
#[derive(clap::Args, Clone)]
pub struct WebOptions {
    /// Log a browser out after this long without use (e.g. 15m, 1h, 30s)
    #[arg(long, env = "SIGNPOST_WEB_IDLE", default_value = "15m", value_name = "DURATION",
          value_parser = duration())]
    pub idle: chrono::Duration,
    /// Mark cookies Secure (served over HTTPS by a proxy): auto (when the proxy says
    /// X-Forwarded-Proto: https), always or never
    #[arg(long, env = "SIGNPOST_WEB_SECURE_COOKIES", default_value = "auto",
          value_parser = ["auto", "always", "never"])]
    pub secure_cookies: String,
}
