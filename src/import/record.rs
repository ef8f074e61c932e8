//! One HSDS record into a directory entry: HTML made plain, ids, languages, phones and cost,
//! with its place, audience and opening times from their own modules; HSDS 3 and v1-era
//! fields.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde_json::Value;

use super::audience::audience;
use super::limits::{MAX_NAME_CHARS, TOO_LONG_NAME};
use super::opening::opening;
use super::place::place;
use crate::content::mapping::Mapping;
use crate::content::services::{Cost, Service, is_language_tag};
use crate::validate::{group_phone, uk_phone};

pub(super) fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

pub(super) fn array<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key).and_then(Value::as_array).into_iter().flatten()
}

/// HTML to plain text: tags dropped (block tags become spaces), entities decoded, spaces
/// collapsed.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    // Every named and numeric entity, once (so "&amp;lt;" stays "&lt;").
    let decoded = html_escape::decode_html_entities(&out);
    let cleaned = crate::validate::clean_text(&decoded);
    let mut collapsed = String::with_capacity(cleaned.len());
    for word in cleaned.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    collapsed
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', '.', ';', ' ']))
}

fn id_of(raw: &str) -> String {
    let id: String = raw
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    id.trim_matches('-').to_string()
}

fn language_tag(name: &str) -> Option<String> {
    let n = name.trim().to_lowercase();
    let tag = match n.as_str() {
        "english" => "en",
        "bengali" | "bangla" => "bn",
        "sylheti" => "syl",
        "somali" => "so",
        "urdu" => "ur",
        "arabic" => "ar",
        "polish" => "pl",
        "turkish" => "tr",
        "chinese" | "mandarin" | "cantonese" => "zh",
        "punjabi" => "pa",
        "gujarati" => "gu",
        "french" => "fr",
        "spanish" => "es",
        "portuguese" => "pt",
        "romanian" => "ro",
        "lithuanian" => "lt",
        "tigrinya" => "ti",
        "farsi" | "persian" => "fa",
        other
            if (2..=3).contains(&other.len()) && other.chars().all(|c| c.is_ascii_lowercase()) =>
        {
            other
        }
        _ => return None,
    };
    Some(tag.to_string())
}

/// The first price in pounds in a text: "£3.50 per session" gives 3.5.
fn pounds(fees: &str) -> Option<f64> {
    let after = &fees[fees.find('\u{a3}')? + '\u{a3}'.len_utf8()..];
    let number: String = after
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    number.trim_end_matches('.').parse().ok()
}

pub(super) fn convert(
    s: &Value,
    extra_location: Option<&Value>,
    mapping: &Mapping,
    today: NaiveDate,
) -> Result<Service, &'static str> {
    let raw_id = text(s.get("id")).ok_or("no id")?;
    let id = id_of(&raw_id);
    if id.is_empty() {
        return Err("no usable id");
    }
    let name = text(s.get("name"))
        .map(|n| plain_text(&n))
        .filter(|n| !n.is_empty());
    let name = name.ok_or("empty name")?;
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(TOO_LONG_NAME);
    }
    if let Some(status) = text(s.get("status"))
        && matches!(
            status.to_lowercase().as_str(),
            "inactive" | "defunct" | "closed"
        )
    {
        return Err("not active");
    }
    let description = text(s.get("description"))
        .map(|d| plain_text(&d))
        .filter(|d| !d.is_empty())
        .map(|d| shorten(&d, 300))
        .unwrap_or_else(|| name.clone());
    let organisation = s
        .get("organization")
        .and_then(|o| text(o.get("name")))
        .map(|n| plain_text(&n))
        .unwrap_or_else(|| "Organisation not given".to_string());

    // Taxonomy terms, HSDS 3 (attributes) and v1 (service_taxonomys), plus bare lists.
    let mut terms: Vec<String> = Vec::new();
    for a in array(s, "attributes") {
        let t = &a["taxonomy_term"];
        terms.extend(text(t.get("term")).or_else(|| text(t.get("name"))));
    }
    for t in array(s, "service_taxonomys") {
        terms.extend(text(t["taxonomy"].get("name")));
    }
    for t in array(s, "taxonomy_terms") {
        terms.extend(text(t.get("term")).or_else(|| text(t.get("name"))));
    }
    let audience = audience(s);
    let needs = mapping.needs(&terms, &format!("{name} {description}"), &audience.labels);
    let place = place(s, extra_location);

    // Phones: service, contacts (v1), locations.
    let mut phones: Vec<String> = array(s, "phones")
        .filter_map(|p| text(p.get("number")))
        .collect();
    for c in array(s, "contacts") {
        phones.extend(array(c, "phones").filter_map(|p| text(p.get("number"))));
    }
    let locations = array(s, "service_at_locations")
        .filter_map(|sal| sal.get("location"))
        .chain(array(s, "locations"))
        .chain(extra_location);
    for loc in locations {
        phones.extend(array(loc, "phones").filter_map(|p| text(p.get("number"))));
    }
    let phone = phones
        .iter()
        .find_map(|p| uk_phone(p))
        .map(|p| group_phone(&p));

    // Cost: explicit amounts, else a price in the fees ("£3.50 per session"), else words.
    let fees = text(s.get("fees")).unwrap_or_default().to_lowercase();
    let mut amounts: Vec<f64> = array(s, "cost_options")
        .filter_map(|c| c.get("amount").and_then(Value::as_f64))
        .collect();
    if amounts.is_empty() {
        amounts.extend(pounds(&fees));
    }
    let cost = if let Some(max) = amounts.iter().copied().reduce(f64::max) {
        if max <= 0.0 {
            Cost::Free
        } else if max <= 10.0 {
            Cost::LowCost
        } else {
            Cost::Paid
        }
    } else if fees.contains("free") {
        Cost::Free
    } else {
        Cost::Unknown
    };

    let languages: Vec<String> = array(s, "languages")
        .filter_map(|l| {
            text(l.get("code"))
                .map(|c| c.to_lowercase())
                .filter(|c| is_language_tag(c))
                .or_else(|| text(l.get("name")).and_then(|n| language_tag(&n)))
                .or_else(|| text(l.get("language")).and_then(|n| language_tag(&n)))
        })
        .filter(|t| t != "en")
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();

    let reviewed = text(s.get("assured_date"))
        .or_else(|| text(s.get("last_modified")))
        .and_then(|d| NaiveDate::parse_from_str(d.get(..10).unwrap_or(&d), "%Y-%m-%d").ok())
        .filter(|d| *d <= today);

    Ok(Service {
        id,
        name,
        organisation,
        description,
        translations: BTreeMap::new(),
        needs,
        areas: place.areas,
        address: place.address,
        postcode: place.postcode,
        latitude: place.latitude,
        longitude: place.longitude,
        phone,
        email: text(s.get("email")),
        website: text(s.get("url"))
            .or_else(|| s.get("organization").and_then(|o| text(o.get("website")))),
        cost,
        min_age: audience.min_age,
        max_age: audience.max_age,
        who_for: audience.who_for,
        languages,
        opening: opening(s),
        access: None,
        reviewed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_plain_text() {
        assert_eq!(
            plain_text("<p>Free <b>advice</b> &amp; support</p><ul><li>Debt</li></ul>"),
            "Free advice & support Debt"
        );
        assert_eq!(plain_text("a&nbsp;&nbsp;b"), "a b");
        // Numeric and less common named entities, decoded once.
        assert_eq!(
            plain_text(
                "Bengali &amp; Sylheti speakers&#8217; group &ndash; &#x2018;Tea&#x2019; &copy;"
            ),
            "Bengali & Sylheti speakers\u{2019} group \u{2013} \u{2018}Tea\u{2019} \u{a9}"
        );
        assert_eq!(plain_text("&amp;lt;b&amp;gt;"), "&lt;b&gt;");
        assert_eq!(plain_text("&pound;5 &rsquo;"), "\u{a3}5 \u{2019}");
    }

    #[test]
    fn prices_in_fees_are_read() {
        assert_eq!(pounds("\u{a3}3.50 per session"), Some(3.5));
        assert_eq!(pounds("from \u{a3}12."), Some(12.0));
        assert_eq!(pounds("varies"), None);
        assert_eq!(pounds("\u{a3}"), None);
    }

    #[test]
    fn long_descriptions_are_shortened_at_a_word() {
        let s = shorten(&"word ".repeat(100), 30);
        assert!(s.chars().count() <= 31, "{s}");
        assert!(s.ends_with("word…"), "{s}");
    }
}
