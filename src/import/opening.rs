//! Opening times of a record in the directory's compact form: `BYDAY HH:MM-HH:MM` per
//! schedule (RFC 5545 day codes upper case, `TU,TH 10:00-14:00`), several joined with `; `.

use serde_json::Value;

use super::record::{array, plain_text, text};

/// True for RFC 5545 BYDAY values such as `mo,we` or `1MO`.
fn is_byday(days: &str) -> bool {
    days.split(',').all(|d| {
        let code = d
            .trim()
            .trim_start_matches(['+', '-', '0', '1', '2', '3', '4', '5']);
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].contains(&code.to_ascii_uppercase().as_str())
    })
}

/// One schedule: its description, else its days and hours.
fn one(x: &Value) -> Option<String> {
    text(x.get("description")).or_else(|| {
        let days = text(x.get("byday")).or_else(|| text(x.get("weekday")))?;
        let days = if is_byday(&days) {
            days.to_ascii_uppercase().replace(' ', "")
        } else {
            days
        };
        let opens = text(x.get("opens_at"))?;
        let closes = text(x.get("closes_at"))?;
        // "10:00:00" -> "10:00"; by characters, as exports may use any digits.
        let hm = |t: &str| t.chars().take(5).collect::<String>();
        Some(format!("{days} {}-{}", hm(&opens), hm(&closes)))
    })
}

/// Every schedule of a record (HSDS 3 `schedules`, v1 `regular_schedules`), each once.
pub(super) fn opening(s: &Value) -> Option<String> {
    let mut all: Vec<String> = Vec::new();
    for o in array(s, "schedules")
        .chain(array(s, "regular_schedules"))
        .filter_map(one)
        .map(|o| plain_text(&o))
        .filter(|o| !o.is_empty())
    {
        if !all.contains(&o) {
            all.push(o);
        }
    }
    (!all.is_empty()).then(|| all.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn several_schedules_are_joined_with_day_codes_upper_case() {
        let s = json!({"regular_schedules": [
            {"byday": "mo,we", "opens_at": "10:00:00", "closes_at": "12:00:00"},
            {"byday": "FR", "opens_at": "14:00", "closes_at": "16:00"},
            {"byday": "FR", "opens_at": "14:00", "closes_at": "16:00"},
        ]});
        assert_eq!(
            opening(&s).as_deref(),
            Some("MO,WE 10:00-12:00; FR 14:00-16:00")
        );
        let named = json!({"regular_schedules": [{"weekday": "Monday", "opens_at": "09:00", "closes_at": "12:00"}]});
        assert_eq!(opening(&named).as_deref(), Some("Monday 09:00-12:00"));
        assert_eq!(opening(&json!({"schedules": []})), None);
        assert!(is_byday("1MO, -1FR"));
        assert!(!is_byday("Monday"));
    }
}
