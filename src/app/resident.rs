//! What a resident sends, on any front door: a step of the conversation, a command, `/mydata`,
//! `/forget` and its confirmation, or something that is not text. Stored in the caller's
//! transaction before anything is shown.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::commands::{self, ResidentCommand, Typed};
use super::contact::{self, Shared};
use super::nudge::{self, NudgeChoice, Pressed};
use super::{language, rights, step};
use crate::engine::{Engine, Input, Reply, Session};
use crate::privacy;
use crate::reference::new_reference;
use crate::store::{self, Channel, StoreError};
use crate::validate::clean_text;

/// A resident, as their front door knows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resident<'a> {
    /// Where they talk to us.
    pub channel: Channel,
    /// Their id there.
    pub user: &'a str,
}

/// What the front door knows of the person's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint<'a> {
    /// Nothing.
    None,
    /// Their app's language (Telegram's `language_code`): used until they choose.
    App(&'a str),
    /// Chosen where they started the front door (the terminal chat's `--lang`): set when the
    /// conversation opens, and whenever it has no language (after an erasure).
    Chosen(&'a str),
}

impl<'a> Hint<'a> {
    fn app(self) -> Option<&'a str> {
        match self {
            Hint::App(a) => Some(a),
            Hint::None | Hint::Chosen(_) => None,
        }
    }
}

/// What a resident sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// The front door opened the conversation (the terminal chat starting): the step again.
    Open,
    /// Typed text; `/name` is read as a command.
    Text(String),
    /// A button pressed.
    Press { node: String, choice: String },
    /// A photo, sticker, voice note...: not text, with any caption.
    NotText { caption: Option<String> },
    /// A contact shared (Telegram): `own` is the number when the contact is the sender's own,
    /// `None` for someone else's (never kept).
    Contact { own: Option<String> },
    /// Bytes that are not text at all.
    Unreadable,
}

/// The answer to show, in order.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    /// What to say.
    pub replies: Vec<Reply>,
    /// Their data was erased: the front door should empty the write-ahead log
    /// ([`privacy::checkpoint`]) once the transaction commits.
    pub erased: bool,
    /// The conversation is over (nothing more is asked).
    pub finished: bool,
    /// After an erasure, the language they were spoken to in: nothing of theirs is stored any
    /// more, so a front door that stays open (the terminal) keeps using it.
    pub language: Option<String>,
}

impl Answer {
    fn said(replies: Vec<Reply>) -> Answer {
        Answer {
            replies,
            ..Answer::default()
        }
    }
}

/// Answers `said` from `who`, storing what it changes.
pub fn answer(
    conn: &Connection,
    engine: &Engine,
    who: Resident<'_>,
    said: Said,
    hint: Hint<'_>,
    now: DateTime<Utc>,
) -> Result<Answer, StoreError> {
    let session = store::load_session(conn, who.channel, who.user)?;
    answer_to(conn, engine, who, session, (said, hint), now)
}

/// [`question`] then [`answer`], reading the conversation once: the question `who` was
/// shown before `said`, and the answer.
pub fn answer_after_question(
    conn: &Connection,
    engine: &Engine,
    who: Resident<'_>,
    said: Said,
    hint: Hint<'_>,
    now: DateTime<Utc>,
) -> Result<(Option<Reply>, Answer), StoreError> {
    let session = store::load_session(conn, who.channel, who.user)?;
    let before = session.as_ref().and_then(|s| current(engine, s).pop());
    let answer = answer_to(conn, engine, who, session, (said, hint), now)?;
    Ok((before, answer))
}

/// [`answer`] for the conversation as stored (`None`: none yet).
fn answer_to(
    conn: &Connection,
    engine: &Engine,
    who: Resident<'_>,
    stored: Option<Session>,
    (said, hint): (Said, Hint<'_>),
    now: DateTime<Utc>,
) -> Result<Answer, StoreError> {
    let mut session = stored.unwrap_or_else(|| engine.new_session(None));
    match hint {
        Hint::App(a) if session.lang.is_none() => session.lang_hint = Some(a.to_string()),
        // Chosen on opening the front door, or for a conversation without a language of its
        // own: after that, the person's own choice (`/language`) stands.
        Hint::Chosen(c) if said == Said::Open || session.lang.is_none() => {
            if let Some(l) = engine.content().locales.best_match(c) {
                session.lang = Some(l.to_string());
            }
        }
        Hint::App(_) | Hint::Chosen(_) | Hint::None => {}
    }
    let lang = language::of(engine, Some(&session), hint.app());
    // `Some(None)`: a command, but not a resident's.
    let crisis_in = |t: &str| !engine.content().crisis.detect(&clean_text(t)).is_empty();
    // Words of crisis after a command ("/start I want to die") are not a command: they go to
    // the conversation, which answers them first.
    let typed = match &said {
        Said::Text(t) => commands::parse(t)
            .filter(|_| !crisis_in(t))
            .map(|c| match c {
                Typed::Resident(c, _) => Some(c),
                Typed::Prescriber(..) | Typed::Unknown => None,
            }),
        Said::Open
        | Said::Press { .. }
        | Said::NotText { .. }
        | Said::Contact { .. }
        | Said::Unreadable => None,
    };
    // An erasure is confirmed by the next thing said, or not at all.
    let asked = match (&said, typed) {
        (Said::Text(_), Some(Some(ResidentCommand::Forget))) => false,
        (
            Said::Open
            | Said::Text(_)
            | Said::Press { .. }
            | Said::NotText { .. }
            | Said::Contact { .. }
            | Said::Unreadable,
            _,
        ) => privacy::take_forget_ask(conn, who.channel, who.user)?,
    };
    // "stop" or "carry on" typed in answer to the nudge just sent. Typed, stopping asks first,
    // as `/forget` does: a word is easier to send by mistake than a button.
    if let Said::Text(text) = &said
        && typed.is_none()
        && !asked
        && let Some(choice) = nudge::typed(conn, engine, (who.channel, who.user), &lang, text)?
        && !crisis_in(text)
    {
        match choice {
            NudgeChoice::CarryOn => {
                nudge::carried_on(conn, (who.channel, who.user), now)?;
                return Ok(Answer::said(current(engine, &session)));
            }
            NudgeChoice::Stop => {
                privacy::ask_forget(conn, who.channel, who.user, now)?;
                return Ok(Answer::said(vec![rights::forget_question(engine, &lang)]));
            }
        }
    }
    let input = match said {
        Said::Press { node, choice } if node == rights::FORGET_NODE => {
            return confirmed(
                conn,
                engine,
                who,
                &session,
                &lang,
                asked && choice == "yes",
                now,
            );
        }
        Said::Press { node, choice } if node == nudge::NUDGE_NODE => {
            match nudge::pressed(conn, who.channel, who.user, &choice)? {
                Pressed::CarryOn if session.started && !session.finished => {
                    nudge::carried_on(conn, (who.channel, who.user), now)?;
                    return Ok(Answer::said(current(engine, &session)));
                }
                // Erased exactly as a confirmed `/forget` is.
                Pressed::Stop => {
                    return confirmed(conn, engine, who, &session, &lang, true, now);
                }
                // Not nudged (a forged or replayed press), or nothing to carry on with: as
                // any button from an old message.
                Pressed::CarryOn | Pressed::NotNudged => Input::Choice { node, choice },
            }
        }
        Said::Text(text) if asked && typed.is_none() => {
            if rights::typed_yes(engine, &lang, &text) {
                return confirmed(conn, engine, who, &session, &lang, true, now);
            }
            let mut kept = vec![engine.message(&lang, "forget-kept")];
            // Words of crisis are answered here as at any other step.
            if engine
                .content()
                .crisis
                .detect(&clean_text(&text))
                .is_empty()
            {
                kept.extend(current(engine, &session));
                return Ok(Answer::said(kept));
            }
            let mut a = stepped(conn, engine, who, &session, Input::Text(text), now)?;
            kept.append(&mut a.replies);
            a.replies = kept;
            return Ok(a);
        }
        Said::Open => Input::Start {
            lang_hint: None,
            link: None,
        },
        Said::Text(text) => match typed {
            None => Input::Text(text),
            Some(Some(command)) => match command {
                ResidentCommand::Start => Input::Start {
                    lang_hint: hint.app().map(str::to_string),
                    link: commands::start_link(&text),
                },
                ResidentCommand::Language => Input::ChangeLanguage,
                ResidentCommand::Back => Input::Back,
                ResidentCommand::Restart => Input::Restart,
                ResidentCommand::Help => Input::Help,
                ResidentCommand::MyData => {
                    let text = super::mydata::my_data(conn, engine, who.channel, who.user, &lang)?;
                    let mut replies = vec![Reply::text(text)];
                    replies.extend(current(engine, &session));
                    return Ok(Answer::said(replies));
                }
                ResidentCommand::Forget => {
                    privacy::ask_forget(conn, who.channel, who.user, now)?;
                    return Ok(Answer::said(vec![rights::forget_question(engine, &lang)]));
                }
            },
            // A prescriber's command from someone who is not one, or one the bot does not
            // know: what the bot does, and the step again.
            Some(None) => Input::Help,
        },
        Said::Press { node, choice } => Input::Choice { node, choice },
        // A caption with words of crisis is read as typed text, so it is answered.
        Said::NotText { caption: Some(c) }
            if !engine.content().crisis.detect(&clean_text(&c)).is_empty() =>
        {
            Input::Text(c)
        }
        Said::Contact { own } => match contact::shared(current(engine, &session).last(), own) {
            Shared::Phone(number) => Input::Text(number),
            Shared::NotTheirs => {
                return Ok(not_text(engine, &session, &lang, "contact-not-yours"));
            }
            Shared::NotAsked if !session.started => Input::Start {
                lang_hint: hint.app().map(str::to_string),
                link: None,
            },
            Shared::NotAsked => return Ok(not_text(engine, &session, &lang, "not-text")),
        },
        Said::NotText { .. } | Said::Unreadable if !session.started => Input::Start {
            lang_hint: hint.app().map(str::to_string),
            link: None,
        },
        Said::NotText { .. } => return Ok(not_text(engine, &session, &lang, "not-text")),
        Said::Unreadable => return Ok(not_text(engine, &session, &lang, "unreadable-input")),
    };
    stepped(conn, engine, who, &session, input, now)
}

/// Runs one step of the conversation and stores it.
fn stepped(
    conn: &Connection,
    engine: &Engine,
    who: Resident<'_>,
    session: &Session,
    input: Input,
    now: DateTime<Utc>,
) -> Result<Answer, StoreError> {
    let outcome = step::step(
        conn,
        engine,
        who.channel,
        who.user,
        session,
        input,
        now,
        new_reference,
    )?;
    Ok(Answer {
        finished: outcome.session.finished && outcome.session.aside.is_none(),
        replies: outcome.replies,
        ..Answer::default()
    })
}

/// The answer to "Are you sure?": erased only when `yes` to a question the bot asked, so a
/// forged or replayed press does nothing.
fn confirmed(
    conn: &Connection,
    engine: &Engine,
    who: Resident<'_>,
    session: &Session,
    lang: &str,
    yes: bool,
    now: DateTime<Utc>,
) -> Result<Answer, StoreError> {
    if yes {
        privacy::forget(conn, who.channel, who.user, now)?;
        return Ok(Answer {
            replies: vec![engine.message(lang, "forget-done")],
            erased: true,
            finished: false,
            language: Some(lang.to_string()),
        });
    }
    let mut replies = vec![engine.message(lang, "forget-kept")];
    replies.extend(current(engine, session));
    Ok(Answer::said(replies))
}

/// Something that is not text: said so, and the step again.
fn not_text(engine: &Engine, session: &Session, lang: &str, id: &str) -> Answer {
    let mut replies = vec![engine.message(lang, id)];
    replies.extend(current(engine, session));
    Answer::said(replies)
}

/// The question in progress, if any.
fn current(engine: &Engine, session: &Session) -> Vec<Reply> {
    if session.started && !session.finished {
        engine.current(session)
    } else {
        Vec::new()
    }
}

/// The question waiting for `who` as last shown, if a conversation is in progress.
pub fn question(
    conn: &Connection,
    engine: &Engine,
    who: Resident<'_>,
) -> Result<Option<Reply>, StoreError> {
    let session = store::load_session(conn, who.channel, who.user)?;
    Ok(session.and_then(|s| current(engine, &s).pop()))
}

/// In a group chat nothing is stored, but words of crisis still get the emergency routes.
pub fn in_group(engine: &Engine, text: Option<&str>, app: Option<&str>) -> Vec<Reply> {
    let lang = language::of(engine, None, app);
    let mut replies: Vec<Reply> = text
        .and_then(|t| engine.routes_only(t, Some(&lang)))
        .into_iter()
        .collect();
    replies.push(engine.message(&lang, "group-chat"));
    replies
}

/// Asked to slow down (messages came faster than anyone types), in their language.
pub fn slow_down(
    conn: &Connection,
    engine: &Engine,
    who: Resident<'_>,
    app: Option<&str>,
) -> Result<Reply, StoreError> {
    let session = store::load_session(conn, who.channel, who.user)?;
    let lang = language::of(engine, session.as_ref(), app);
    Ok(engine.message(&lang, "slow-down"))
}

/// Said when a step could not be stored, without the store: in their app's language.
pub fn store_failed(engine: &Engine, app: Option<&str>) -> Reply {
    let lang = language::of(engine, None, app);
    engine.message(&lang, "store-failed")
}
