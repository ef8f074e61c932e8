//! The TOML shape of a dialogue file, as serde reads it.

use serde::Deserialize;
use toml::Spanned;

use super::Consent;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFlow {
    pub(super) schema: Spanned<u32>,
    pub(super) id: Spanned<String>,
    pub(super) start: Spanned<String>,
    pub(super) consent: Option<Consent>,
    #[serde(default, rename = "node")]
    pub(super) nodes: Vec<RawNode>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNode {
    pub(super) id: Spanned<String>,
    pub(super) kind: Spanned<String>,
    pub(super) text: Option<String>,
    pub(super) next: Option<Spanned<String>>,
    pub(super) save: Option<String>,
    pub(super) choices: Option<Vec<RawChoice>>,
    pub(super) done: Option<String>,
    pub(super) min: Option<usize>,
    pub(super) validate: Option<Spanned<RawValidate>>,
    pub(super) skip: Option<RawSkip>,
    pub(super) max_len: Option<usize>,
    pub(super) open: Option<bool>,
    pub(super) on: Option<String>,
    pub(super) cases: Option<Vec<RawCase>>,
    pub(super) default: Option<Spanned<String>>,
    pub(super) require: Option<Vec<String>>,
    pub(super) fields: Option<Vec<RawField>>,
    pub(super) confirm: Option<String>,
    pub(super) change: Option<String>,
    pub(super) pick: Option<String>,
    pub(super) needs: Option<String>,
    pub(super) postcode: Option<String>,
    pub(super) dob: Option<String>,
    pub(super) none: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChoice {
    pub(super) id: Spanned<String>,
    pub(super) label: String,
    pub(super) next: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) clear: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawValidate {
    pub(super) regex: Option<Spanned<String>>,
    pub(super) kind: Option<String>,
    pub(super) error: String,
    #[serde(default = "default_tries")]
    pub(super) max_tries: u32,
    pub(super) on_fail: Option<Spanned<String>>,
}

fn default_tries() -> u32 {
    3
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSkip {
    pub(super) id: String,
    pub(super) label: String,
    pub(super) next: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCase {
    pub(super) equals: String,
    pub(super) next: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawField {
    pub(super) answer: String,
    pub(super) label: String,
    pub(super) edit: Spanned<String>,
}
