//! Reading updates one by one from raw JSON, so one that cannot be read costs that update, not
//! the batch: a lone surrogate, JSON nested too deep, an id teloxide's types cannot hold.

use serde::Deserialize;
use serde_json::value::RawValue;
use teloxide::types::Update;

use super::event::Event;

/// One update of a batch or a webhook delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read {
    /// Read: its id and the event (`None` for kinds signpost ignores).
    Update(i64, Option<Event>),
    /// Its id could be read, the rest could not: skipped, and the offset moves past it.
    Unreadable(i64),
    /// Not even its id could be read.
    NoId,
}

impl Read {
    /// The update's id, when known.
    pub fn id(&self) -> Option<i64> {
        match self {
            Read::Update(id, _) | Read::Unreadable(id) => Some(*id),
            Read::NoId => None,
        }
    }
}

/// The id alone: every other field is skipped without being parsed, so this reads where
/// `Update` cannot.
#[derive(Deserialize)]
struct IdOnly {
    update_id: serde_json::Number,
}

/// An id as a 64-bit integer: one too large (or written as a float) is held at the nearest.
fn id_of(n: &serde_json::Number) -> Option<i64> {
    n.as_i64()
        .or_else(|| n.as_u64().map(|_| i64::MAX))
        .or_else(|| n.as_f64().filter(|f| f.is_finite()).map(|f| f as i64))
}

/// Reads one update.
pub fn read(raw: &str) -> Read {
    if let Ok(u) = serde_json::from_str::<Update>(raw) {
        return Read::Update(i64::from(u.id.0), Event::from_update(&u));
    }
    let Some(id) = serde_json::from_str::<IdOnly>(raw)
        .ok()
        .and_then(|i| id_of(&i.update_id))
    else {
        return Read::NoId;
    };
    // teloxide holds ids in a u32; Telegram's integers may be wider. Read the rest with a
    // stand-in id and keep the real one.
    if u32::try_from(id).is_err()
        && let Ok(mut v) = serde_json::from_str::<serde_json::Value>(raw)
    {
        v["update_id"] = serde_json::json!(0);
        // From text, not from the value: teloxide's reader needs borrowed keys.
        if let Ok(u) = serde_json::from_str::<Update>(&v.to_string()) {
            return Read::Update(id, Event::from_update(&u));
        }
    }
    Read::Unreadable(id)
}

/// A `getUpdates` answer, with each update left unparsed.
#[derive(Deserialize)]
struct Answer<'a> {
    ok: bool,
    #[serde(borrow, default)]
    result: Option<Vec<&'a RawValue>>,
    #[serde(default)]
    error_code: Option<u16>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    parameters: Option<Parameters>,
}

#[derive(Deserialize)]
struct Parameters {
    #[serde(default)]
    retry_after: Option<u64>,
}

/// Why a `getUpdates` call gave no batch.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PollError {
    /// The request did not complete.
    #[error("network ({0})")]
    Network(String),
    /// Telegram answered with an error.
    #[error("api: {code} {description}")]
    Api {
        /// The HTTP-like error code.
        code: u16,
        /// Telegram's description.
        description: String,
        /// Seconds to wait, after a 429.
        retry_after: Option<u64>,
    },
    /// The answer was not a `getUpdates` answer at all.
    #[error("unreadable answer")]
    Unreadable,
}

/// Reads a `getUpdates` answer: each update in order.
pub fn read_batch(text: &str) -> Result<Vec<Read>, PollError> {
    let answer: Answer = serde_json::from_str(text).map_err(|_| PollError::Unreadable)?;
    match (answer.ok, answer.result) {
        (true, Some(updates)) => Ok(updates.iter().map(|u| read(u.get())).collect()),
        (true, None) => Err(PollError::Unreadable),
        (false, _) => Err(PollError::Api {
            code: answer.error_code.unwrap_or(0),
            description: answer.description.unwrap_or_default(),
            retry_after: answer.parameters.and_then(|p| p.retry_after),
        }),
    }
}

/// The offset that confirms every update up to `newest`: one past it, and never below 1 (a
/// negative offset asks Telegram for the last few updates and forgets the rest).
pub fn offset_after(newest: i64) -> i64 {
    newest.saturating_add(1).max(1)
}

/// The offset to ask for after a batch, given the one asked for (`current`): past the batch's
/// newest id, never backwards. `None` while nothing has a readable id yet.
pub fn next_offset(current: Option<i64>, batch: &[Read]) -> Option<i64> {
    let newest = batch.iter().filter_map(Read::id).max().map(offset_after);
    match (current, newest) {
        (Some(c), Some(n)) => Some(c.max(n)),
        (c, n) => c.or(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_update(id: &str, text: &str) -> String {
        format!(
            r#"{{"update_id":{id},"message":{{"message_id":1,"date":1764000000,
            "chat":{{"id":42,"type":"private","first_name":"R"}},
            "from":{{"id":42,"is_bot":false,"first_name":"R"}},"text":"{text}"}}}}"#
        )
    }

    #[test]
    fn a_bad_update_costs_only_itself() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let body = format!(
            r#"{{"ok":true,"result":[{},{},{},{}]}}"#,
            text_update("7", "hello"),
            text_update("8", r"bad \ud800 surrogate"),
            text_update("9", "deep").replace(r#""text":"deep""#, &format!(r#""x":{deep}"#)),
            text_update("10", "after"),
        );
        let batch = read_batch(&body).expect("a batch");
        assert_eq!(batch.len(), 4);
        assert!(
            matches!(&batch[0], Read::Update(7, Some(Event::Text { text, .. })) if text == "hello")
        );
        assert_eq!(batch[1], Read::Unreadable(8));
        assert!(matches!(batch[2], Read::Update(9, _) | Read::Unreadable(9)));
        assert!(
            matches!(&batch[3], Read::Update(10, Some(Event::Text { text, .. })) if text == "after")
        );
        assert_eq!(next_offset(None, &batch), Some(11));
    }

    #[test]
    fn ids_beyond_teloxides_range_are_read_and_kept() {
        let big = 1_i64 << 40;
        let batch = read_batch(&format!(
            r#"{{"ok":true,"result":[{}]}}"#,
            text_update(&big.to_string(), "hi")
        ))
        .expect("a batch");
        assert!(
            matches!(&batch[0], Read::Update(id, Some(Event::Text { .. })) if *id == big),
            "{batch:?}"
        );
        assert_eq!(next_offset(Some(5), &batch), Some(big + 1));

        let batch = read_batch(&format!(
            r#"{{"ok":true,"result":[{},{}]}}"#,
            text_update("-3", "negative"),
            text_update("12", "fine")
        ))
        .expect("a batch");
        assert!(matches!(batch[0], Read::Update(-3, _)));
        assert!(
            matches!(&batch[1], Read::Update(12, Some(Event::Text { text, .. })) if text == "fine")
        );
        assert_eq!(next_offset(None, &batch), Some(13));
        // Never backwards, never below 1.
        assert_eq!(next_offset(Some(1001), &batch), Some(1001));
        assert_eq!(next_offset(None, &[Read::Unreadable(-7)]), Some(1));
        assert_eq!(next_offset(Some(40), &[Read::NoId]), Some(40));
        let huge = format!(
            r#"{{"ok":true,"result":[{}]}}"#,
            text_update("99999999999999999999", "hi")
        );
        let batch = read_batch(&huge).expect("a batch");
        assert_eq!(batch[0].id(), Some(i64::MAX));
        assert_eq!(next_offset(None, &batch), Some(i64::MAX));
    }

    #[test]
    fn errors_and_nonsense() {
        assert_eq!(
            read_batch(
                r#"{"ok":false,"error_code":429,"description":"Too Many Requests","parameters":{"retry_after":3}}"#
            ),
            Err(PollError::Api {
                code: 429,
                description: "Too Many Requests".into(),
                retry_after: Some(3)
            })
        );
        assert_eq!(read_batch("<html>"), Err(PollError::Unreadable));
        assert_eq!(read(r#"{"message":{}}"#), Read::NoId);
        assert_eq!(next_offset(None, &[Read::NoId]), None);
    }
}
