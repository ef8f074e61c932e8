//! How `signpost`'s options are read: the names the store knows, durations and days.

use signpost::store::Status;

/// `--channel`: the names the store knows, each with its help.
pub(super) fn channel() -> impl clap::builder::TypedValueParser<Value = signpost::store::Channel> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(
        signpost::store::Channel::ALL.map(|c| PossibleValue::new(c.as_str()).help(c.about())),
    )
    .try_map(|c| c.parse::<signpost::store::Channel>())
}

/// A duration such as `15m`, `24h` or `30s`.
pub(super) fn duration() -> impl clap::builder::TypedValueParser<Value = chrono::Duration> {
    use clap::builder::{NonEmptyStringValueParser, TypedValueParser};
    NonEmptyStringValueParser::new().try_map(|s| {
        signpost::config::parse_duration(&s).ok_or_else(|| {
            format!("{s:?} is not a duration: write a number and s, m, h or d (15m)")
        })
    })
}

/// A day written `YYYY-MM-DD`.
pub(super) fn day() -> impl clap::builder::TypedValueParser<Value = chrono::NaiveDate> {
    use clap::builder::{NonEmptyStringValueParser, TypedValueParser};
    NonEmptyStringValueParser::new().try_map(|s| {
        chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map_err(|_| format!("{s:?} is not a day: write it as YYYY-MM-DD (2026-01-31)"))
    })
}

/// `--role`: the roles the store knows, each with its help.
pub(super) fn role() -> impl clap::builder::TypedValueParser<Value = signpost::store::Role> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    use signpost::store::Role;
    PossibleValuesParser::new(Role::ALL.map(|r| PossibleValue::new(r.as_str()).help(r.about())))
        .try_map(|r| r.parse::<Role>())
}

/// `--status`: the names the store knows, each with its help.
pub(super) fn status() -> impl clap::builder::TypedValueParser<Value = Status> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(Status::ALL.map(|s| PossibleValue::new(s.as_str()).help(s.about())))
        .try_map(|s| s.parse::<Status>())
}
