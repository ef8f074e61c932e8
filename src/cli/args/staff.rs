//! The staff's subcommands: prescribers' accounts and the callback queue.

use std::path::PathBuf;

use clap::Subcommand;

use signpost::store::Status;

use crate::cli::parsers::{role, status};

#[derive(Subcommand)]
pub enum PrescribersAction {
    /// Add an account (asks for the password twice on a terminal)
    Add {
        /// The name they log in with and are shown by
        name: String,
        /// Their team (an id in services/practices.toml)
        #[arg(long, value_name = "TEAM")]
        team: String,
        /// What they may do
        #[arg(long, value_parser = role(), default_value = "prescriber")]
        role: signpost::store::Role,
        /// Practice staff: their practice's ODS code
        #[arg(long, value_name = "ODS")]
        practice: Option<String>,
        /// Their Telegram user id, so their chat commands act as this account
        #[arg(long, value_name = "ID")]
        telegram: Option<i64>,
        /// Read the password from the first line of standard input
        #[arg(long, conflicts_with = "no_password")]
        password_stdin: bool,
        /// No password: the account acts only through its Telegram id
        #[arg(long)]
        no_password: bool,
    },
    /// List accounts (never passwords)
    List {
        /// JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Disable an account: it cannot log in or act, and is logged out at once
    Disable {
        /// The account's name
        name: String,
    },
    /// Let a name locked by failed logins log in again at once
    Unlock {
        /// The account's name
        name: String,
    },
    /// Set a new password (asks twice on a terminal); the account's sessions end
    Password {
        /// The account's name
        name: String,
        /// Read the password from the first line of standard input
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
pub enum QueueAction {
    /// List callbacks, urgent first then oldest
    List {
        /// Only this status
        #[arg(long, value_parser = status())]
        status: Option<Status>,
        /// JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Claim the next open callback (urgent first, then oldest) and show it
    Claim {
        #[command(flatten)]
        who: Who,
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
    /// Every callback for a spreadsheet, with the SNOMED CT referral code: CSV to standard
    /// output, or an xlsx file whose phone numbers and codes stay text
    #[command(group(clap::ArgGroup::new("format").required(true).args(["csv", "xlsx"])))]
    Export {
        /// CSV, to standard output
        #[arg(long)]
        csv: bool,
        /// An Excel workbook, written to FILE (replaced whole, never left half written)
        #[arg(long, value_name = "FILE")]
        xlsx: Option<PathBuf>,
    },
}

/// Who is acting on a callback (the login name is the last fallback: see `cli/queue.rs`).
#[derive(clap::Args)]
pub struct Who {
    /// Your name, recorded on the callback [default: SIGNPOST_PRESCRIBER_NAME, then your login
    /// name]
    #[arg(long, value_name = "NAME", env = "SIGNPOST_PRESCRIBER_NAME")]
    pub by: Option<String>,
}
