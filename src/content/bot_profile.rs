//! The bot's profile as Telegram shows it before the first message (its description, short
//! description and command descriptions, per language), and the lengths Telegram accepts.

use super::locales::{Locales, strip_isolation};
use super::{ENGINE_MESSAGES, Problem, ProblemKind};

/// The bot's description: the chat's empty screen ("What can this bot do?").
pub const DESCRIPTION: &str = "bot-description";
/// The bot's short description: its profile page, and links shared to it.
pub const SHORT_DESCRIPTION: &str = "bot-short-description";

/// The longest description Telegram accepts (`setMyDescription`).
pub const DESCRIPTION_MAX: usize = 512;
/// The longest short description Telegram accepts (`setMyShortDescription`).
pub const SHORT_DESCRIPTION_MAX: usize = 120;
/// The longest command description Telegram accepts (`setMyCommands`).
pub const COMMAND_DESCRIPTION_MAX: usize = 256;

/// Message `id` in `lang` as sent to Telegram: isolation marks removed (a profile is shown
/// outside any message, where they would show), trimmed.
pub fn text(locales: &Locales, lang: &str, id: &str) -> String {
    strip_isolation(&locales.format(lang, id, &[]))
        .trim()
        .to_string()
}

/// Length as Telegram counts it, in UTF-16 code units.
fn telegram_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Every profile message with what it is and its longest length: the descriptions and each
/// command's description (`command-*`).
fn limited() -> impl Iterator<Item = (&'static str, &'static str, usize)> {
    [
        (DESCRIPTION, "the bot's description", DESCRIPTION_MAX),
        (
            SHORT_DESCRIPTION,
            "the bot's short description",
            SHORT_DESCRIPTION_MAX,
        ),
    ]
    .into_iter()
    .chain(
        ENGINE_MESSAGES
            .iter()
            .filter(|id| id.starts_with("command-"))
            .map(|id| (*id, "a command's description", COMMAND_DESCRIPTION_MAX)),
    )
}

/// Profile messages longer than Telegram accepts (or an empty command description), by file
/// and line, in every language. Missing messages are reported by the cross-check.
pub(super) fn check(locales: &Locales) -> Vec<Problem> {
    let mut problems = Vec::new();
    for lang in &locales.languages {
        for (id, what, max) in limited() {
            let Some(info) = lang.messages.get(id) else {
                continue;
            };
            let Some(formatted) = lang.format(id, None) else {
                continue;
            };
            let n = telegram_len(strip_isolation(&formatted).trim());
            if n > max {
                problems.push(Problem::error(
                    &info.path,
                    info.line,
                    ProblemKind::TooLong,
                    format!(
                        "message \"{id}\" is {n} characters; Telegram takes at most {max} for {what}: shorten it"
                    ),
                ));
            } else if n == 0 && id.starts_with("command-") {
                problems.push(Problem::error(
                    &info.path,
                    info.line,
                    ProblemKind::TooLong,
                    format!(
                        "message \"{id}\" is empty; Telegram needs {what} of 1 to {max} characters"
                    ),
                ));
            }
        }
    }
    problems
}
