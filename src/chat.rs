//! The terminal chat: a thin transport over the engine. Each line typed is one step; each
//! choice is printed on its own line as `1. label`; end of input ends the chat. `/mydata` and
//! `/forget` work at any step, as on Telegram.

use std::io::{self, BufRead, IsTerminal, Write};

use chrono::Utc;

use crate::engine::validate::clean_text;
use crate::engine::{Engine, Input, Outcome, Reply, Session};
use crate::reference::new_reference;
use crate::store::{Channel, Store, StoreError};

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

/// Prints replies as the contract says: text, then `N. label` per choice.
fn print_replies(out: &mut impl Write, replies: &[Reply]) -> io::Result<()> {
    for r in replies {
        writeln!(out, "{}", r.text)?;
        for (i, c) in r.choices.iter().enumerate() {
            let tick = if c.selected { " ✓" } else { "" };
            writeln!(out, "{}. {}{tick}", i + 1, c.label)?;
        }
        writeln!(out)?;
    }
    out.flush()
}

/// Whether `text` is the command `/name`.
fn is_command(text: &str, name: &str) -> bool {
    text.trim()
        .strip_prefix('/')
        .is_some_and(|c| c.eq_ignore_ascii_case(name))
}

/// The session's language, or the default.
fn language(session: &Session) -> String {
    session
        .lang
        .clone()
        .unwrap_or_else(|| crate::content::locales::DEFAULT_LANGUAGE.to_string())
}

/// The answer to "Are you sure?" before erasing.
enum Confirm {
    Yes,
    /// Not erased; with what was typed when it holds words of crisis, to be answered as at
    /// any other step.
    No(Option<String>),
    Eof,
}

/// Asks before erasing: `1` or the first label erases; anything else keeps.
fn confirm_forget(
    engine: &Engine,
    session: &Session,
    input: &mut impl BufRead,
    out: &mut impl Write,
    interactive: bool,
) -> Result<Confirm, ChatError> {
    let question = crate::privacy::forget_question(engine, &language(session));
    let yes = question
        .choices
        .iter()
        .find(|c| c.id == "yes")
        .map(|c| crate::content::locales::strip_isolation(&c.label).to_lowercase())
        .unwrap_or_default();
    print_replies(out, &[question])?;
    if interactive {
        write!(out, "> ")?;
        out.flush()?;
    }
    let is_yes = |typed: &str| {
        let typed = typed.trim();
        typed == "1" || (!typed.is_empty() && typed.to_lowercase() == yes.trim())
    };
    Ok(match read_line(input)? {
        Line::Eof => Confirm::Eof,
        Line::Text(t) if is_yes(&t) => Confirm::Yes,
        Line::Text(t) if !engine.content().crisis.detect(&clean_text(&t)).is_empty() => {
            Confirm::No(Some(t))
        }
        Line::Text(_) | Line::NotText => Confirm::No(None),
    })
}

/// Runs one step and stores it before anything is shown, retrying with a new reference if the
/// one drawn is taken.
pub fn apply(
    engine: &Engine,
    store: &mut Store,
    channel: Channel,
    user: &str,
    session: &Session,
    input: Input,
) -> Result<Outcome, StoreError> {
    apply_with(
        engine,
        store,
        (channel, user),
        session,
        input,
        new_reference,
    )
}

/// [`apply`] with the source of fresh references given, for tests.
pub fn apply_with(
    engine: &Engine,
    store: &mut Store,
    (channel, user): (Channel, &str),
    session: &Session,
    input: Input,
    mut next_reference: impl FnMut() -> String,
) -> Result<Outcome, StoreError> {
    store.in_transaction(|conn| {
        crate::turn::step(
            conn,
            engine,
            channel,
            user,
            session,
            input,
            Utc::now(),
            &mut next_reference,
        )
    })
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
    let mut session = store
        .load_session(Channel::Terminal, user)?
        .unwrap_or_else(|| engine.new_session(lang));
    if let Some(l) = lang.and_then(|l| engine.content().locales.best_match(l)) {
        session.lang = Some(l.to_string());
    }
    let interactive = io::stdin().is_terminal();
    let mut next = Some(Input::Start { lang_hint: None });
    loop {
        if let Some(i) = next.take() {
            let outcome = apply(engine, store, Channel::Terminal, user, &session, i)?;
            print_replies(&mut out, &outcome.replies)?;
            session = outcome.session;
        }
        if session.finished && session.aside.is_none() {
            return Ok(());
        }
        if interactive {
            write!(out, "> ")?;
            out.flush()?;
        }
        match read_line(&mut input)? {
            Line::Eof => return Ok(()),
            Line::Text(t) if is_command(&t, "mydata") => {
                let lang = language(&session);
                let text = store.in_transaction(|c| {
                    crate::privacy::my_data(c, engine, Channel::Terminal, user, &lang)
                })?;
                print_replies(&mut out, &[Reply::text(text)])?;
                if session.started && !session.finished {
                    print_replies(&mut out, &engine.current(&session))?;
                }
            }
            Line::Text(t) if is_command(&t, "forget") => {
                match confirm_forget(engine, &session, &mut input, &mut out, interactive)? {
                    Confirm::Yes => {
                        store.in_transaction(|c| {
                            crate::privacy::forget(c, Channel::Terminal, user, Utc::now())
                        })?;
                        // Erased records leave the write-ahead log too, unless another
                        // process is reading the database; then at its next checkpoint.
                        if !store.checkpoint()? {
                            tracing::warn!(
                                "the write-ahead log is in use by another process; erased data leaves it at the next checkpoint"
                            );
                        }
                        print_replies(
                            &mut out,
                            &[engine.message(&language(&session), "forget-done")],
                        )?;
                        // Nothing is held now; whatever is typed next starts afresh.
                        session = engine.new_session(Some(&language(&session)));
                    }
                    Confirm::No(then) => {
                        print_replies(
                            &mut out,
                            &[engine.message(&language(&session), "forget-kept")],
                        )?;
                        match then {
                            Some(text) => next = Some(Input::Text(text)),
                            None if !session.finished => {
                                print_replies(&mut out, &engine.current(&session))?;
                            }
                            None => {}
                        }
                    }
                    Confirm::Eof => return Ok(()),
                }
            }
            Line::Text(t) => next = Some(Input::Text(t)),
            Line::NotText => {
                print_replies(
                    &mut out,
                    &[engine.message(&language(&session), "unreadable-input")],
                )?;
                print_replies(&mut out, &engine.current(&session))?;
            }
        }
    }
}
