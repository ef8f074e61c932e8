//! One service entry, modelled on Open Referral UK (HSDS) fields, in a format a non-developer
//! can edit.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How much a service costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cost {
    /// Free at the point of use.
    Free,
    /// A small charge or concessions.
    LowCost,
    /// Full price.
    Paid,
    /// Not known (imported without cost information).
    Unknown,
}

/// How people get to use a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    /// Just turn up.
    DropIn,
    /// Contact them yourself.
    SelfRefer,
    /// A professional (such as a social prescriber) refers you.
    Referral,
}

/// One service in the directory.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Stable id, used in referrals.
    pub id: String,
    /// The service's name.
    pub name: String,
    /// Who runs it.
    pub organisation: String,
    /// Short description in English.
    pub description: String,
    /// Descriptions in other languages, by tag (English is the fallback).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, String>,
    /// Need ids (the dialogue's choice ids) it helps with.
    pub needs: Vec<String>,
    /// Postcode districts served (`E1`, `E14`), `borough`, or `anywhere` (phone or online).
    pub areas: Vec<String>,
    /// Street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Postcode of the address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// Latitude of the place (WGS 84), when known more precisely than the postcode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    /// Longitude of the place (WGS 84), with `latitude`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    /// Phone number to show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Free, low cost, paid or unknown.
    pub cost: Cost,
    /// Youngest age served.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<u32>,
    /// Oldest age served.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<u32>,
    /// Who it is for, in words ("carers", "women").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who_for: Option<String>,
    /// Languages spoken by staff, as tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Opening times, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<String>,
    /// How to use it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
    /// When someone last checked the entry (`2026-03-01`, as a TOML date or a string).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "review_date")]
    pub reviewed: Option<NaiveDate>,
}

/// Dates written as TOML dates (`2026-03-01`) or strings (`"2026-03-01"`).
mod review_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Date(toml::value::Datetime),
        Text(String),
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let text = match Option::<Raw>::deserialize(d)? {
            None => return Ok(None),
            Some(Raw::Date(dt)) => dt.to_string(),
            Some(Raw::Text(s)) => s,
        };
        NaiveDate::parse_from_str(text.get(..10).unwrap_or(&text), "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                serde::de::Error::custom(format!("{text:?} is not a date like 2026-03-01"))
            })
    }

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d.and_then(|d| {
            d.format("%Y-%m-%d")
                .to_string()
                .parse::<toml::value::Datetime>()
                .ok()
        }) {
            Some(dt) => serde::Serialize::serialize(&dt, s),
            None => s.serialize_none(),
        }
    }
}

/// Cheaper first: free, low cost, unknown, paid.
pub fn cost_rank(c: Cost) -> u8 {
    match c {
        Cost::Free => 0,
        Cost::LowCost => 1,
        Cost::Unknown => 2,
        Cost::Paid => 3,
    }
}

/// The primary language subtag: `bn` for `bn-BD`.
pub fn base_language(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}
