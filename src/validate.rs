//! Checking and normalising what people type: phone numbers, postcodes, dates of birth, and
//! digits in the scripts people really use.

mod date;
mod months;

pub use date::{age_on, date_of_birth};

/// Turns Bengali, Arabic-Indic, Extended Arabic-Indic (Urdu/Persian) and full-width digits into
/// ASCII digits, leaving everything else alone.
pub fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| {
            let zero = match c {
                '\u{09E6}'..='\u{09EF}' => 0x09E6,
                '\u{0660}'..='\u{0669}' => 0x0660,
                '\u{06F0}'..='\u{06F9}' => 0x06F0,
                '\u{FF10}'..='\u{FF19}' => 0xFF10,
                '\u{0966}'..='\u{096F}' => 0x0966,
                _ => return c,
            };
            char::from(b'0' + (c as u32 - zero) as u8)
        })
        .collect()
}

/// Removes control and zero-width characters (keeping newlines and tabs as spaces) and trims.
pub fn clean_text(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .filter_map(|c| match c {
            '\n' | '\t' | '\r' => Some(' '),
            '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}' => {
                // Keep ZWJ/ZWNJ: they change how Bengali and Arabic letters join.
                if c == '\u{200C}' || c == '\u{200D}' {
                    Some(c)
                } else {
                    None
                }
            }
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    cleaned.trim().to_string()
}

/// A UK phone number as digits starting with 0 (`+44 20 7946 0000` → `02079460000`), or `None`.
pub fn uk_phone(input: &str) -> Option<String> {
    let s = ascii_digits(input);
    let mut digits = String::new();
    for (i, c) in s.trim().chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => digits.push('+'),
            ' ' | '-' | '(' | ')' | '.' => {}
            _ => return None,
        }
    }
    let national = if let Some(rest) = digits.strip_prefix("+44") {
        let rest = rest.strip_prefix('0').unwrap_or(rest);
        format!("0{rest}")
    } else if let Some(rest) = digits.strip_prefix("0044") {
        format!("0{rest}")
    } else {
        digits
    };
    let ok = national.len() == 11
        && national.starts_with('0')
        && matches!(national.as_bytes()[1], b'1' | b'2' | b'3' | b'7' | b'8');
    ok.then_some(national)
}

/// A stored phone number grouped as people read it: `020 7946 0000`, `07700 900123`.
pub fn group_phone(digits: &str) -> String {
    if digits.len() != 11 || !digits.is_ascii() {
        return digits.to_string();
    }
    if digits.starts_with("02") {
        format!("{} {} {}", &digits[..3], &digits[3..7], &digits[7..])
    } else {
        format!("{} {}", &digits[..5], &digits[5..])
    }
}

/// A UK postcode, upper case with a single space (`e14 2bg` → `E14 2BG`), or `None`.
pub fn uk_postcode(input: &str) -> Option<String> {
    let compact: String = ascii_digits(input)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if !(5..=7).contains(&compact.len()) || !compact.is_ascii() {
        return None;
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    let inward_ok = {
        let b = inward.as_bytes();
        b[0].is_ascii_digit() && b[1].is_ascii_alphabetic() && b[2].is_ascii_alphabetic()
    };
    let o = outward.as_bytes();
    let outward_ok = o.len() >= 2
        && o[0].is_ascii_alphabetic()
        && outward.chars().all(|c| c.is_ascii_alphanumeric())
        && o.iter().any(u8::is_ascii_digit);
    (inward_ok && outward_ok).then(|| format!("{outward} {inward}"))
}

/// The outward code ("district") of a normalised postcode: `E14 2BG` → `E14`.
pub fn postcode_district(postcode: &str) -> &str {
    postcode.split(' ').next().unwrap_or(postcode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_people_type() {
        assert_eq!(uk_phone("020 7946 0000").as_deref(), Some("02079460000"));
        assert_eq!(
            uk_phone("+44 (0)20 7946 0000").as_deref(),
            Some("02079460000")
        );
        assert_eq!(uk_phone("07700 900123").as_deref(), Some("07700900123"));
        assert_eq!(uk_phone("০৭৭০০ ৯০০১২৩").as_deref(), Some("07700900123"));
        assert_eq!(uk_phone("٠٧٧٠٠٩٠٠١٢٣").as_deref(), Some("07700900123"));
        assert_eq!(uk_phone("۰۷۷۰۰۹۰۰۱۲۳").as_deref(), Some("07700900123"));
        assert_eq!(uk_phone("0770090012"), None, "too short");
        assert_eq!(uk_phone("09700900123"), None, "premium rate");
        assert_eq!(uk_phone("call me"), None);
        assert_eq!(group_phone("02079460000"), "020 7946 0000");
        assert_eq!(group_phone("07700900123"), "07700 900123");
        assert_eq!(uk_phone(""), None);
    }

    #[test]
    fn postcodes_people_type() {
        assert_eq!(uk_postcode("e14 2bg").as_deref(), Some("E14 2BG"));
        assert_eq!(uk_postcode("E142BG").as_deref(), Some("E14 2BG"));
        assert_eq!(uk_postcode("e1w 1aa").as_deref(), Some("E1W 1AA"));
        assert_eq!(uk_postcode(" E1  6AN ").as_deref(), Some("E1 6AN"));
        assert_eq!(uk_postcode("E14"), None);
        assert_eq!(uk_postcode("12345"), None);
        assert_eq!(uk_postcode("E14 2B"), None);
        assert_eq!(postcode_district("E14 2BG"), "E14");
    }

    #[test]
    fn cleaning_strips_control_and_zero_width() {
        assert_eq!(clean_text("  Sa\u{0007}m\u{200B}\u{202E} "), "Sam");
        assert_eq!(clean_text("a\nb"), "a b");
        assert_eq!(
            clean_text("\u{09A8}\u{09CD}\u{200C}"),
            "\u{09A8}\u{09CD}\u{200C}"
        );
    }
}
