//! Engine replies as Telegram actions: consecutive texts merged into as few messages as fit,
//! buttons as inline keyboards with `node|choice` callback data, nothing over 4096 characters.

use serde::{Deserialize, Serialize};

use crate::content::dialogue::CALLBACK_DATA_MAX;
use crate::engine::Reply;

/// Telegram's longest message, counted (as Telegram does) in UTF-16 code units.
pub const MAX_TEXT: usize = 4096;

/// One thing to do on Telegram. Stored in the outbox, so it survives a crash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "do", rename_all = "snake_case")]
pub enum Action {
    /// Send a plain-text message, with buttons as (label, callback data).
    Send {
        /// The text, 1-4096 characters.
        text: String,
        /// One button per row.
        buttons: Vec<(String, String)>,
    },
    /// Replace the buttons of a message already sent (none: remove them).
    Keyboard {
        /// The message.
        message: i32,
        /// The new buttons.
        buttons: Vec<(String, String)>,
    },
    /// Answer a button press, so the app stops its spinner.
    Answer {
        /// The callback query id.
        query: String,
    },
}

/// The callback data of a button: `node|choice` (`check` proves it fits 64 bytes).
pub fn callback_data(node: &str, choice: &str) -> String {
    format!("{node}|{choice}")
}

/// `(node, choice)` from callback data.
pub fn parse_callback(data: &str) -> Option<(&str, &str)> {
    data.split_once('|')
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// The buttons of a reply as (label, data), ticks on selected ones.
pub fn buttons(reply: &Reply) -> Vec<(String, String)> {
    let Some(node) = &reply.node else {
        return Vec::new();
    };
    reply
        .choices
        .iter()
        .filter_map(|c| {
            let data = callback_data(node, &c.id);
            if data.len() > CALLBACK_DATA_MAX {
                tracing::error!(node = %node, choice = %c.id, "button payload over 64 bytes; not shown");
                return None;
            }
            let label = if c.selected {
                format!("✓ {}", c.label)
            } else {
                c.label.clone()
            };
            Some((label, data))
        })
        .collect()
}

/// Replies as messages: texts without buttons are joined (blank line between) with what follows
/// while they fit, so a step sends as few messages as it can; longer texts are split.
pub fn messages(replies: &[Reply]) -> Vec<Action> {
    let mut out = Vec::new();
    let mut pending = String::new();
    for r in replies {
        let text = r.text.trim();
        let joined_len = utf16_len(&pending) + 2 + utf16_len(text);
        if !pending.is_empty() && (joined_len > MAX_TEXT || r.alone) {
            flush(&mut out, std::mem::take(&mut pending), Vec::new());
        }
        if r.alone && r.choices.is_empty() {
            flush(&mut out, text.to_string(), Vec::new());
            continue;
        }
        if !text.is_empty() {
            if !pending.is_empty() {
                pending.push_str("\n\n");
            }
            pending.push_str(text);
        }
        let b = buttons(r);
        if !b.is_empty() {
            flush(&mut out, std::mem::take(&mut pending), b);
        }
    }
    if !pending.is_empty() {
        flush(&mut out, pending, Vec::new());
    }
    out
}

fn flush(out: &mut Vec<Action>, text: String, buttons: Vec<(String, String)>) {
    let mut parts = split_text(&text);
    if parts.is_empty() {
        // Buttons need a message to sit on.
        if buttons.is_empty() {
            return;
        }
        parts.push("…".to_string());
    }
    let last = parts.len() - 1;
    for (i, text) in parts.into_iter().enumerate() {
        out.push(Action::Send {
            text,
            buttons: if i == last {
                buttons.clone()
            } else {
                Vec::new()
            },
        });
    }
}

/// Splits text into pieces of at most [`MAX_TEXT`] UTF-16 units, at line breaks where possible.
pub fn split_text(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    for line in text.split_inclusive('\n') {
        if utf16_len(&current) + utf16_len(line) <= MAX_TEXT {
            current.push_str(line);
            continue;
        }
        if !current.is_empty() {
            parts.push(std::mem::take(&mut current));
        }
        // A single line longer than a message: cut it by characters.
        for c in line.chars() {
            if utf16_len(&current) + c.len_utf16() > MAX_TEXT {
                parts.push(std::mem::take(&mut current));
            }
            current.push(c);
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
        .into_iter()
        .map(|p| p.trim_end().to_string())
        .filter(|p| !p.trim().is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Button;

    fn reply(text: &str, choices: &[&str]) -> Reply {
        Reply {
            text: text.into(),
            choices: choices
                .iter()
                .map(|c| Button {
                    id: c.to_string(),
                    label: c.to_uppercase(),
                    selected: *c == "b",
                    aliases: Vec::new(),
                })
                .collect(),
            node: (!choices.is_empty()).then(|| "n".to_string()),
            alone: false,
        }
    }

    #[test]
    fn texts_merge_into_the_question_that_follows() {
        let m = messages(&[reply("Hello.", &[]), reply("Yes or no?", &["a", "b"])]);
        assert_eq!(
            m,
            [Action::Send {
                text: "Hello.\n\nYes or no?".into(),
                buttons: vec![("A".into(), "n|a".into()), ("✓ B".into(), "n|b".into())],
            }]
        );
    }

    #[test]
    fn nothing_is_longer_than_telegram_allows() {
        let long = "ছ".repeat(3000) + "\n" + &"x".repeat(5000);
        let m = messages(&[reply(&long, &[]), reply("Q?", &["a"])]);
        assert!(m.len() >= 3, "{}", m.len());
        for a in &m {
            let Action::Send { text, .. } = a else {
                panic!("only sends")
            };
            assert!(text.encode_utf16().count() <= MAX_TEXT);
            assert!(!text.is_empty());
        }
        let Some(Action::Send { buttons, .. }) = m.last() else {
            panic!("a send")
        };
        assert_eq!(buttons.len(), 1, "buttons stay on the last piece");
        let total: usize = m
            .iter()
            .map(|a| match a {
                Action::Send { text, .. } => text.chars().filter(|c| *c == 'x').count(),
                _ => 0,
            })
            .sum();
        assert_eq!(total, 5000, "nothing lost in splitting");
    }

    #[test]
    fn the_emergency_routes_are_a_message_of_their_own() {
        let m = messages(&[
            reply("Before.", &[]),
            Reply::alone("Call 999.".into()),
            reply("Your name?", &[]),
        ]);
        let texts: Vec<&str> = m
            .iter()
            .map(|a| match a {
                Action::Send { text, .. } => text.as_str(),
                _ => "",
            })
            .collect();
        assert_eq!(texts, ["Before.", "Call 999.", "Your name?"]);
    }

    #[test]
    fn callback_data_round_trips() {
        assert_eq!(
            parse_callback(&callback_data("needs", "money")),
            Some(("needs", "money"))
        );
        assert_eq!(parse_callback("garbage"), None);
    }
}
