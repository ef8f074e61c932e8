//! How the store writes what it keeps as JSON, with a version, and reads every version it ever
//! wrote: an upgrade never locks a person out of their conversation.
//!
//! Sessions: version 1 (no `v` field) until issue 15; version 2 adds `v`. Both read with the
//! same struct, whose fields all have defaults. A future change that is not a new field with a
//! default adds a version here and converts the older ones.

use crate::engine::Session;

/// The session format written now.
pub const SESSION_VERSION: u64 = 2;

/// Why a stored session could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    /// Not JSON, or a field of the wrong type.
    #[error("unreadable session ({0:?})")]
    Json(serde_json::error::Category),
    /// Written by a newer signpost (after a downgrade).
    #[error("session of version {0}, newer than this signpost reads ({SESSION_VERSION})")]
    Newer(u64),
}

/// A session as stored: `"v"`, then its fields.
pub fn encode_session(session: &Session) -> Result<String, serde_json::Error> {
    #[derive(serde::Serialize)]
    struct Stored<'a> {
        v: u64,
        #[serde(flatten)]
        session: &'a Session,
    }
    serde_json::to_string(&Stored {
        v: SESSION_VERSION,
        session,
    })
}

/// A stored session, of any version this signpost ever wrote.
pub fn decode_session(text: &str) -> Result<Session, DecodeError> {
    /// Only the version: read first, without building the rest.
    #[derive(serde::Deserialize)]
    struct Version {
        #[serde(default)]
        v: Option<u64>,
    }
    let version = serde_json::from_str::<Version>(text)
        .map_err(|e| DecodeError::Json(e.classify()))?
        .v
        .unwrap_or(1);
    match version {
        // `Session` ignores fields it does not know, `"v"` among them.
        1 | 2 => serde_json::from_str(text).map_err(|e| DecodeError::Json(e.classify())),
        newer => Err(DecodeError::Newer(newer)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_round_trip_with_their_version() {
        let s = Session {
            started: true,
            node: "name".into(),
            lang: Some("bn".into()),
            ..Session::default()
        };
        let text = encode_session(&s).expect("encode");
        assert!(text.contains(r#""v":2"#), "{text}");
        assert_eq!(decode_session(&text).expect("decode"), s);
    }

    #[test]
    fn old_versions_and_missing_fields_load_and_newer_ones_are_refused() {
        // Version 1 had no "v"; a session from before "aside" existed lacks it too.
        let s = decode_session(r#"{"started":true,"flow":"f","node":"name"}"#).expect("v1");
        assert_eq!(s.node, "name");
        assert!(s.started && s.aside.is_none() && s.answers.is_empty());
        // Version 2 as written until issue 20: keys sorted, so `"v"` comes last.
        let s = decode_session(r#"{"answers":{},"node":"name","started":true,"v":2}"#)
            .expect("v2, sorted");
        assert_eq!(s.node, "name");
        assert!(matches!(
            decode_session(r#"{"v":3,"started":true}"#),
            Err(DecodeError::Newer(3))
        ));
        assert!(matches!(
            decode_session(r#"{"started":"yes"}"#),
            Err(DecodeError::Json(_))
        ));
        assert!(matches!(decode_session("{"), Err(DecodeError::Json(_))));
        // A version that is not a number is unreadable, not taken for version 1.
        assert!(matches!(
            decode_session(r#"{"v":"2","started":true}"#),
            Err(DecodeError::Json(_))
        ));
    }
}
