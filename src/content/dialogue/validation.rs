//! A text node's `validate`: a regular expression or a built-in rule, the message said when an
//! answer fails it, how many tries, and where to go after the last.

use regex::Regex;
use toml::Spanned;

use super::build::{Site, Target};
use super::raw::RawValidate;
use super::{Rule, Validation};
use crate::content::problem::{Problem, ProblemKind};

/// Reads a `validate` table; `None` when its rule cannot be used (reported).
pub(super) fn read(
    site: &Site<'_>,
    v: &Spanned<RawValidate>,
    targets: &mut Vec<Target>,
    problems: &mut Vec<Problem>,
) -> Option<Validation> {
    let id = site.id;
    let vline = site.at(v.span().start);
    let v = v.get_ref();
    let rule = match (&v.regex, v.kind.as_deref()) {
        (Some(re), None) => match Regex::new(re.get_ref()) {
            Ok(r) => Some(Rule::Regex(r)),
            Err(e) => {
                problems.push(site.error(
                    site.at(re.span().start),
                    ProblemKind::InvalidRegex,
                    format!(
                        "the regex of node \"{id}\" does not compile: {}",
                        last_line(&e.to_string())
                    ),
                ));
                None
            }
        },
        (None, Some("uk_phone")) => Some(Rule::UkPhone),
        (None, Some("uk_postcode")) => Some(Rule::UkPostcode),
        (None, Some("date_of_birth")) => Some(Rule::DateOfBirth),
        (None, Some(other)) => {
            problems.push(site.error(
                vline,
                ProblemKind::InvalidField,
                format!("unknown validation kind \"{other}\"; use uk_phone, uk_postcode, date_of_birth, or a `regex`"),
            ));
            None
        }
        _ => {
            problems.push(site.error(
                vline,
                ProblemKind::InvalidField,
                format!("the validation of node \"{id}\" needs exactly one of `regex` or `kind`"),
            ));
            None
        }
    };
    if v.max_tries == 0 {
        problems.push(site.error(
            vline,
            ProblemKind::InvalidField,
            "`max_tries` must be at least 1",
        ));
    }
    rule.map(|rule| Validation {
        rule,
        error: v.error.clone(),
        max_tries: v.max_tries.max(1),
        on_fail: v.on_fail.as_ref().map(|t| site.target(targets, t)),
    })
}

/// The last non-empty line of a regex error (the part that says what is wrong).
fn last_line(s: &str) -> String {
    s.lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or(s)
        .trim()
        .to_string()
}
