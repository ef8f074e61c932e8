//! The terminal chat: a front door that only reads lines and prints replies. Each line typed
//! goes to the application layer ([`crate::app::resident`]); each choice is printed on its own
//! line as `1. label`; end of input ends the chat. The commands work as on Telegram.
//!
//! Fluent's isolation marks (U+2068, U+2069 around each value) only change how text mixing
//! right-to-left and left-to-right scripts is shown; a terminal that does not know them shows
//! them, so they are kept only in replies holding right-to-left letters (an Arabic or Urdu
//! chat, an Arabic name in an English summary), where they keep the order right.

use std::io::{self, BufRead, IsTerminal, Write};

use chrono::Utc;

use crate::app::resident::{self, Hint, Resident, Said};
use crate::content::locales::strip_isolation;
use crate::engine::{Engine, Reply};
use crate::store::{Channel, Store, StoreError};

pub use crate::app::step::{apply, apply_with};

/// Longest line read, in bytes; the rest of a longer line is discarded.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// Why the chat stopped early.
#[derive(Debug, thiserror::Error)]
pub enum ChatError {
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The terminal failed.
    #[error("terminal input/output failed: {0}")]
    Io(#[from] io::Error),
}

/// One line of input, as the terminal delivered it.
enum Line {
    Text(String),
    NotText,
    Eof,
}

/// Reads one line of at most [`MAX_LINE_BYTES`], discarding the rest of a longer one.
fn read_line<R: BufRead>(input: &mut R) -> io::Result<Line> {
    let mut buf = Vec::new();
    let n = io::Read::take(&mut *input, MAX_LINE_BYTES as u64).read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(Line::Eof);
    }
    if buf.last() != Some(&b'\n') && n == MAX_LINE_BYTES {
        // Skip to the end of this over-long line.
        let mut sink = Vec::new();
        loop {
            sink.clear();
            let m =
                io::Read::take(&mut *input, MAX_LINE_BYTES as u64).read_until(b'\n', &mut sink)?;
            if m == 0 || sink.last() == Some(&b'\n') {
                break;
            }
        }
    }
    while matches!(buf.last(), Some(b'\n' | b'\r')) {
        buf.pop();
    }
    Ok(match String::from_utf8(buf) {
        Ok(s) => Line::Text(s),
        Err(_) => Line::NotText,
    })
}

/// Prints replies as the contract says: text, then `N. label` per choice; without isolation
/// marks unless the reply holds right-to-left letters.
fn print_replies(out: &mut impl Write, replies: &[Reply]) -> io::Result<()> {
    for r in replies {
        let rtl = r.text.chars().any(right_to_left)
            || r.choices.iter().any(|c| c.label.chars().any(right_to_left));
        let shown = |s: &str| {
            if rtl {
                s.to_string()
            } else {
                strip_isolation(s)
            }
        };
        writeln!(out, "{}", shown(&r.text))?;
        for (i, c) in r.choices.iter().enumerate() {
            let tick = if c.selected { " ✓" } else { "" };
            writeln!(out, "{}. {}{tick}", i + 1, shown(&c.label))?;
        }
        writeln!(out)?;
    }
    out.flush()
}

/// A letter of a right-to-left script (Hebrew, Arabic and the scripts written like it, their
/// presentation forms), or an Arabic-Indic digit.
fn right_to_left(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}')
}

/// The whole chat over `input` and `out`, for `user`, resuming a stored conversation.
pub fn run(
    engine: &Engine,
    store: &mut Store,
    user: &str,
    lang: Option<&str>,
    mut input: impl BufRead,
    mut out: impl Write,
) -> Result<(), ChatError> {
    let who = Resident {
        channel: Channel::Terminal,
        user,
    };
    let mut chosen = lang.map(str::to_string);
    let interactive = io::stdin().is_terminal();
    let mut said = Said::Open;
    loop {
        let hint = chosen.as_deref().map_or(Hint::None, Hint::Chosen);
        let answer =
            store.in_transaction(|c| resident::answer(c, engine, who, said, hint, Utc::now()))?;
        // After an erasure, what is typed next starts afresh in the language they had.
        if answer.language.is_some() {
            chosen.clone_from(&answer.language);
        }
        // Gone from the write-ahead log too before the person is told it is done (unless
        // another process is reading the database: then at its next checkpoint).
        if answer.erased && !store.checkpoint()? {
            tracing::warn!(
                "the write-ahead log is in use by another process; erased data leaves it at the next checkpoint"
            );
        }
        print_replies(&mut out, &answer.replies)?;
        if answer.finished {
            return Ok(());
        }
        if interactive {
            write!(out, "> ")?;
            out.flush()?;
        }
        said = match read_line(&mut input)? {
            Line::Eof => return Ok(()),
            Line::Text(t) => Said::Text(t),
            Line::NotText => Said::Unreadable,
        };
    }
}
