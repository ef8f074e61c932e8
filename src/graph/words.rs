//! The words a drawing shows: a Fluent message in one language with its variables as
//! `{$name}` placeholders, shortened and wrapped to fit a box.

use crate::content::locales::{Arg, DEFAULT_LANGUAGE, Locales, strip_isolation};

/// Characters a step's text is cut to.
pub const STEP_CHARS: usize = 160;
/// Characters the consent question and crisis messages are cut to (longer: reviewers must
/// read what people agree to and the routes they are given).
pub const LONG_CHARS: usize = 400;
/// Characters a button's label is cut to.
pub const LABEL_CHARS: usize = 60;
/// Characters on one line of a box.
pub const LINE_CHARS: usize = 36;

/// Message `id` in `lang` (falling back to the default language), on one line, with each
/// variable shown as `{$name}` rather than a value.
pub fn message(locales: &Locales, lang: &str, id: &str) -> String {
    let variables = [lang, DEFAULT_LANGUAGE]
        .iter()
        .find_map(|tag| locales.get(tag)?.messages.get(id))
        .map(|info| info.variables.iter().cloned().collect::<Vec<_>>())
        .unwrap_or_default();
    let placeholders: Vec<(String, Arg)> = variables
        .into_iter()
        .map(|v| {
            let shown = format!("{{${v}}}");
            (v, Arg::Str(shown))
        })
        .collect();
    let args: Vec<(&str, Arg)> = placeholders
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    one_line(&strip_isolation(&locales.format(lang, id, &args)))
}

/// `text` with runs of whitespace (newlines too) as one space, trimmed.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` cut to at most `max` characters, at a space when there is one near the end, with
/// "…" when anything was cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_space = cut
        .rfind(char::is_whitespace)
        .filter(|&i| cut[..i].chars().count() > max * 2 / 3);
    let kept = at_space.map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", kept.trim_end())
}

/// `text` broken into lines of at most `width` characters, between words where it has spaces
/// (and anywhere in a word longer than a line, as in Chinese).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        let used = line.chars().count();
        if used > 0 && used + 1 + word.len() <= width {
            line.push(' ');
            line.extend(word);
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
        }
        while word.len() > width {
            lines.push(word.drain(..width).collect());
        }
        line.extend(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_whole() {
        assert_eq!(shorten("Hello there", 20), "Hello there");
    }

    #[test]
    fn long_text_is_cut_between_words() {
        assert_eq!(shorten("one two three four five six", 16), "one two three…");
    }

    #[test]
    fn wrapping_breaks_between_words_and_inside_long_ones() {
        assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
        assert_eq!(wrap("你好世界再见", 4), ["你好世界", "再见"]);
        assert_eq!(wrap("", 4), [""]);
    }
}
