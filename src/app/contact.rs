//! A contact shared on Telegram, as an answer: only the sender's own number, and only at the
//! question asking for one; anyone else's is never kept.

use crate::engine::{Asks, Reply};

/// A shared contact, as the step sees it.
pub(super) enum Shared {
    /// The person's own number, at the question asking for it: taken as typed.
    Phone(String),
    /// Someone else's contact, at that question.
    NotTheirs,
    /// Any contact where no phone number is asked for: not an answer.
    NotAsked,
}

/// A contact shared at `question` (the one in progress): only the person's own number
/// answers, and only the question asking for a phone number.
pub(super) fn shared(question: Option<&Reply>, own: Option<String>) -> Shared {
    let asked = question.is_some_and(|r| matches!(r.asks, Some(Asks::Phone { .. })));
    match (asked, own) {
        (true, Some(number)) => Shared::Phone(international(&number)),
        (true, None) => Shared::NotTheirs,
        (false, _) => Shared::NotAsked,
    }
}

/// Telegram's contact number (`447700900123`, international without the `+`) as a person would
/// type it (`+447700900123`), so the question's own check reads it.
fn international(number: &str) -> String {
    let n = number.trim();
    if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0') {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn telegrams_numbers_read_as_typed_and_odd_ones_are_left_to_the_check() {
        assert_eq!(international("447700900123"), "+447700900123");
        assert_eq!(international(" +447700900123 "), "+447700900123");
        assert_eq!(international("07700900123"), "07700900123");
        assert_eq!(international(""), "");
        assert_eq!(international("44 7700"), "44 7700");
        assert_eq!(
            crate::validate::uk_phone(&international("447700900123")).as_deref(),
            Some("07700900123")
        );
    }
}
