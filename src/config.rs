//! Where things are: flags win over environment, environment over `signpost.toml` in the
//! working directory, that over built-in defaults.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::app::nudge::{self, Nudging, QuietHours};

/// The optional `signpost.toml` in the working directory.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// SQLite file.
    pub db: Option<PathBuf>,
    /// Content folder.
    pub content: Option<PathBuf>,
    /// Days to keep abandoned conversations and closed referrals.
    pub retention_days: Option<u32>,
    /// How long someone is quiet part way through before they are nudged, or `off`.
    pub nudge_after: Option<String>,
    /// When no nudge is sent, London time (`21-9`), or `off`.
    pub quiet_hours: Option<String>,
}

/// A bad `signpost.toml`.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// It does not parse, or holds an unknown key.
    #[error("signpost.toml:{line}: {message}")]
    Bad {
        /// Where.
        line: usize,
        /// What.
        message: String,
    },
    /// It is there but cannot be read (permissions, not UTF-8, a folder).
    #[error("signpost.toml is there but cannot be read: {0}")]
    Unreadable(std::io::Error),
    /// `SIGNPOST_NUDGE_AFTER` is neither a duration nor `off`.
    #[error("SIGNPOST_NUDGE_AFTER must be a duration such as 24h, 90m or 5s, or off; got {0:?}")]
    NudgeAfter(String),
    /// `SIGNPOST_QUIET_HOURS` is not a window.
    #[error("SIGNPOST_QUIET_HOURS: {0}")]
    QuietHours(#[from] crate::app::nudge::BadQuietHours),
}

impl FileConfig {
    /// Reads `signpost.toml` from `dir`, or the defaults if there is none.
    pub fn load(dir: &Path) -> Result<FileConfig, ConfigError> {
        let path = dir.join("signpost.toml");
        let source = match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(FileConfig::default());
            }
            Err(e) => return Err(ConfigError::Unreadable(e)),
        };
        toml::from_str(&source).map_err(|e| ConfigError::Bad {
            line: e
                .span()
                .map(|s| crate::content::problem::line_of(&source, s.start))
                .unwrap_or(1),
            message: e.message().trim().to_string(),
        })
    }
}

/// The database file: flag or `SIGNPOST_DB` (both arrive as `given`), else the file config,
/// else `signpost.db` in the working directory.
pub fn db_path(given: Option<PathBuf>, file: &FileConfig) -> PathBuf {
    given
        .or_else(|| file.db.clone())
        .unwrap_or_else(|| PathBuf::from("signpost.db"))
}

/// The content folder: flag or `SIGNPOST_CONTENT`, else the file config, else the working
/// directory if it holds `dialogues/`, else the folder signpost was built from.
pub fn content_dir(given: Option<PathBuf>, file: &FileConfig) -> PathBuf {
    if let Some(p) = given.or_else(|| file.content.clone()) {
        return p;
    }
    if Path::new("dialogues").is_dir() {
        return PathBuf::from(".");
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A duration as people write it: a whole number and a unit, `s`, `m`, `h` or `d` (`90m`,
/// `24h`, `30s`); `None` when it is not one or is zero.
pub fn parse_duration(text: &str) -> Option<chrono::Duration> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit())?;
    let (n, unit) = text.split_at(split);
    let n: i64 = n.parse().ok().filter(|n| *n > 0 && *n <= 10_000_000)?;
    match unit.trim() {
        "s" => Some(chrono::Duration::seconds(n)),
        "m" => Some(chrono::Duration::minutes(n)),
        "h" => Some(chrono::Duration::hours(n)),
        "d" => Some(chrono::Duration::days(n)),
        _ => None,
    }
}

/// When nudges are sent: each setting from its flag or environment variable (`given`), else
/// `signpost.toml`, else the default (`24h` after, quiet `21-9`); `off` switches either off.
pub fn nudging(
    (after, quiet): (Option<String>, Option<String>),
    file: &FileConfig,
) -> Result<Nudging, ConfigError> {
    let off = |s: &str| s.trim().eq_ignore_ascii_case("off");
    let after = match after.or_else(|| file.nudge_after.clone()) {
        None => Some(nudge::DEFAULT_AFTER),
        Some(s) if off(&s) => None,
        Some(s) => Some(parse_duration(&s).ok_or(ConfigError::NudgeAfter(s))?),
    };
    let quiet = match quiet.or_else(|| file.quiet_hours.clone()) {
        None => Nudging::default().quiet,
        Some(s) if off(&s) => None,
        Some(s) => Some(QuietHours::parse(&s)?),
    };
    Ok(Nudging { after, quiet })
}

#[cfg(test)]
mod nudging_tests {
    use super::*;

    fn given(after: Option<&str>, quiet: Option<&str>) -> (Option<String>, Option<String>) {
        (after.map(str::to_string), quiet.map(str::to_string))
    }

    #[test]
    fn defaults_then_the_file_then_what_is_given() {
        let none = FileConfig::default();
        assert_eq!(
            nudging(given(None, None), &none).ok(),
            Some(Nudging::default())
        );
        let file: FileConfig =
            toml::from_str("nudge_after = \"2h\"\nquiet_hours = \"off\"").expect("toml");
        let n = nudging(given(None, None), &file).expect("from the file");
        assert_eq!((n.after, n.quiet), (Some(chrono::Duration::hours(2)), None));
        let n = nudging(given(Some("OFF"), Some("22-7")), &file).expect("given");
        assert_eq!(n.after, None);
        assert_eq!(
            n.quiet.map(|q| q.to_string()).as_deref(),
            Some("22:00-07:00")
        );
    }

    #[test]
    fn a_bad_setting_is_named() {
        let none = FileConfig::default();
        let e = nudging(given(Some("tomorrow"), None), &none).expect_err("bad");
        assert!(e.to_string().starts_with("SIGNPOST_NUDGE_AFTER"), "{e}");
        assert!(e.to_string().contains("\"tomorrow\""), "{e}");
        let e = nudging(given(None, Some("9-9")), &none).expect_err("bad");
        assert!(e.to_string().starts_with("SIGNPOST_QUIET_HOURS"), "{e}");
        assert!(e.to_string().contains("\"9-9\""), "{e}");
    }
}

#[cfg(test)]
mod duration_tests {
    use super::parse_duration;

    #[test]
    fn durations_people_write() {
        assert_eq!(parse_duration("15m"), Some(chrono::Duration::minutes(15)));
        assert_eq!(parse_duration(" 24h "), Some(chrono::Duration::hours(24)));
        assert_eq!(parse_duration("5s"), Some(chrono::Duration::seconds(5)));
        assert_eq!(parse_duration("2d"), Some(chrono::Duration::days(2)));
        for bad in [
            "",
            "15",
            "m",
            "0m",
            "-5m",
            "1.5h",
            "15 minutes",
            "9999999999h",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad:?}");
        }
    }
}
