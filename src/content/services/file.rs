//! The file format of `services/*.toml`: a directory file as read, and as `services import`
//! writes it.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::entry::Service;

/// The file of taxonomy and keyword rules used by `services import`; not a directory file.
pub const MAPPING_FILE: &str = "mapping.toml";

/// A directory file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    /// Its `schema` version.
    pub(super) schema: Spanned<u32>,
    /// Postcode districts that make up the borough.
    #[serde(default)]
    pub(super) borough: Vec<String>,
    /// Its services, each with where it starts.
    #[serde(default, rename = "service")]
    pub(super) services: Vec<Spanned<Service>>,
}

/// A TOML directory file's text for `services`, as `services import` writes it.
pub fn to_toml(services: &[Service], header: &str) -> Result<String, toml::ser::Error> {
    #[derive(Serialize)]
    struct Out<'a> {
        schema: u32,
        service: &'a [Service],
    }
    let body = toml::to_string(&Out {
        schema: crate::content::dialogue::SCHEMA,
        service: services,
    })?;
    Ok(format!("{header}{body}"))
}
