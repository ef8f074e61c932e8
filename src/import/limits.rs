//! The caps an export is held to: file size, name and field lengths, and the check of one
//! record against them.

use serde_json::Value;

/// The largest export read, in bytes (checked before reading).
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;
/// The longest service name kept, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest text read from any field, in characters: a description is cut there (it is
/// shortened further for the directory), a record with any other longer text is skipped.
pub const MAX_FIELD_CHARS: usize = 5_000;
/// The longest record id shown in the report, in characters.
pub(super) const MAX_ID_SHOWN: usize = 100;

/// Why a record with a longer name is skipped.
pub(super) const TOO_LONG_NAME: &str = "name longer than 200 characters";
/// Why a record with any other longer text is skipped.
const TOO_LONG_TEXT: &str = "field longer than 5000 characters";

/// Holds a record to the field caps: a description is cut at [`MAX_FIELD_CHARS`]; a name or
/// any other text longer refuses the record (before any work is done on it).
pub(super) fn bound(v: &mut Value) -> Result<(), &'static str> {
    match v {
        Value::Array(items) => items.iter_mut().try_for_each(bound),
        Value::Object(fields) => {
            for (key, value) in fields.iter_mut() {
                match value {
                    Value::String(s) if s.len() > MAX_FIELD_CHARS => {
                        if s.chars().count() <= MAX_FIELD_CHARS {
                            continue;
                        }
                        match key.as_str() {
                            "description" => *s = s.chars().take(MAX_FIELD_CHARS).collect(),
                            "name" => return Err(TOO_LONG_NAME),
                            _ => return Err(TOO_LONG_TEXT),
                        }
                    }
                    other => bound(other)?,
                }
            }
            Ok(())
        }
        Value::String(s) if s.len() > MAX_FIELD_CHARS && s.chars().count() > MAX_FIELD_CHARS => {
            Err(TOO_LONG_TEXT)
        }
        _ => Ok(()),
    }
}
