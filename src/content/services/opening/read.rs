//! Reading one schedule (`Tuesdays and Thursdays 10am-2pm`) into days and hours. Anything not
//! understood, or left over, means the schedule is not read at all.

use super::{Day, Days, END_OF_DAY, Hours, Schedule};

/// A piece of a schedule as written.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// Letters, lower-cased, dots dropped (`a.m.` is `am`).
    Word(String),
    /// Digits (any script's, as ASCII) in groups separated by `:` or `.` (`9.30`, `10:00:00`).
    Number(Vec<String>),
    /// `,` or `/`.
    Comma,
    /// `-` and the dashes.
    Dash,
    /// `:` after days.
    Colon,
    /// `&`.
    Ampersand,
    /// Anything else.
    Other,
}

/// Reads `text` as one schedule, or `None` when any of it cannot be read.
pub(super) fn schedule(text: &str) -> Option<Schedule> {
    let mut r = Reader {
        tokens: tokens(text),
        at: 0,
    };
    let days = r.days();
    if days.is_some() && !r.eat(&Token::Colon) {
        r.eat(&Token::Comma);
    }
    let hours = r.hours_list()?;
    if r.at < r.tokens.len() || (days.is_none() && hours.is_empty()) {
        return None;
    }
    Some(Schedule { days, hours })
}

/// The ASCII digit of a decimal digit in the scripts people here may type.
fn digit(c: char) -> Option<char> {
    let zero = match c {
        '0'..='9' => '0',
        '\u{0660}'..='\u{0669}' => '\u{0660}', // Arabic-Indic
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}', // Extended Arabic-Indic (Urdu)
        '\u{09E6}'..='\u{09EF}' => '\u{09E6}', // Bengali
        '\u{0966}'..='\u{096F}' => '\u{0966}', // Devanagari
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}', // Fullwidth
        _ => return None,
    };
    char::from_digit(c as u32 - zero as u32, 10)
}

fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if digit(c).is_some() {
            let mut groups = vec![String::new()];
            while i < chars.len() {
                if let Some(d) = digit(chars[i]) {
                    if let Some(g) = groups.last_mut() {
                        g.push(d);
                    }
                } else if matches!(chars[i], ':' | '.')
                    && chars.get(i + 1).copied().and_then(digit).is_some()
                {
                    groups.push(String::new());
                } else {
                    break;
                }
                i += 1;
            }
            out.push(Token::Number(groups));
            continue;
        }
        if c.is_alphabetic() {
            let mut word = String::new();
            while i < chars.len() && (chars[i].is_alphabetic() || chars[i] == '.') {
                if chars[i] != '.' {
                    word.extend(chars[i].to_lowercase());
                }
                i += 1;
            }
            out.push(Token::Word(word));
            continue;
        }
        i += 1;
        if c.is_whitespace() {
            continue;
        }
        out.push(match c {
            ',' | '/' => Token::Comma,
            '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' => Token::Dash,
            ':' => Token::Colon,
            '&' => Token::Ampersand,
            _ => Token::Other,
        });
    }
    out
}

/// A day's code (`MO`), name (`Monday`), plural (`Mondays`) or short form (`Mon`, `Tues`).
fn day(word: &str) -> Option<Day> {
    Some(match word {
        "mo" | "mon" | "monday" | "mondays" => Day::Mon,
        "tu" | "tue" | "tues" | "tuesday" | "tuesdays" => Day::Tue,
        "we" | "wed" | "weds" | "wednesday" | "wednesdays" => Day::Wed,
        "th" | "thu" | "thur" | "thurs" | "thursday" | "thursdays" => Day::Thu,
        "fr" | "fri" | "friday" | "fridays" => Day::Fri,
        "sa" | "sat" | "saturday" | "saturdays" => Day::Sat,
        "su" | "sun" | "sunday" | "sundays" => Day::Sun,
        _ => return None,
    })
}

/// A time of day as written: midnight is the start of a day when opening, the end when closing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clock {
    At(u16),
    Midnight,
}

struct Reader {
    tokens: Vec<Token>,
    at: usize,
}

impl Reader {
    fn peek(&self, ahead: usize) -> Option<&Token> {
        self.tokens.get(self.at + ahead)
    }

    fn eat(&mut self, t: &Token) -> bool {
        let found = self.peek(0) == Some(t);
        if found {
            self.at += 1;
        }
        found
    }

    fn eat_word(&mut self, words: &[&str]) -> bool {
        let found = matches!(self.peek(0), Some(Token::Word(w)) if words.contains(&w.as_str()));
        if found {
            self.at += 1;
        }
        found
    }

    /// `and`, `&`, `,` or `, and`.
    fn eat_and(&mut self) -> bool {
        if self.eat(&Token::Comma) {
            if !self.eat_word(&["and"]) {
                self.eat(&Token::Ampersand);
            }
            return true;
        }
        self.eat_word(&["and"]) || self.eat(&Token::Ampersand)
    }

    /// `-`, `to`, `until`...
    fn eat_to(&mut self) -> bool {
        self.eat(&Token::Dash) || self.eat_word(&["to", "until", "till", "through", "thru"])
    }

    fn next_day(&mut self) -> Option<Day> {
        let d = match self.peek(0) {
            Some(Token::Word(w)) => day(w)?,
            _ => return None,
        };
        self.at += 1;
        Some(d)
    }

    /// Runs `read`, going back to where it started when it finds nothing.
    fn attempt<T>(&mut self, read: fn(&mut Self) -> Option<T>) -> Option<T> {
        let start = self.at;
        let found = read(self);
        if found.is_none() {
            self.at = start;
        }
        found
    }

    /// Days and ranges of days joined by `,` or `and`; `None` (having read nothing) if none.
    fn days(&mut self) -> Option<Days> {
        let mut all = self.attempt(Self::day_item)?;
        loop {
            let joined = self.at;
            let more = if self.eat_and() {
                self.attempt(Self::day_item)
            } else {
                None
            };
            match more {
                Some(d) => all = all.union(d),
                None => {
                    self.at = joined;
                    return Some(all);
                }
            }
        }
    }

    fn day_item(&mut self) -> Option<Days> {
        if self.eat_word(&["weekdays", "weekday"]) {
            return Some(Days::WEEKDAYS);
        }
        if self.eat_word(&["weekends", "weekend"]) {
            return Some(Days::WEEKENDS);
        }
        if self.eat_word(&["daily", "everyday"]) {
            return Some(Days::EVERY_DAY);
        }
        if self.eat_word(&["every"]) {
            if self.eat_word(&["day"]) {
                return Some(Days::EVERY_DAY);
            }
            return self.next_day().map(Days::one);
        }
        let from = self.next_day()?;
        let before = self.at;
        if self.eat_to() {
            match self.next_day() {
                Some(to) if to != from => return Some(Days::range(from, to)),
                Some(_) => return None,
                None => self.at = before,
            }
        }
        Some(Days::one(from))
    }

    /// Opening hours joined by `,` or `and`, after an optional `from`; `None` if something
    /// after the days is not hours.
    fn hours_list(&mut self) -> Option<Vec<Hours>> {
        let mut list = Vec::new();
        if self.at == self.tokens.len() {
            return Some(list);
        }
        self.eat_word(&["from"]);
        loop {
            list.push(self.hours()?);
            if self.at == self.tokens.len() {
                return Some(list);
            }
            if !self.eat_and() {
                return None;
            }
        }
    }

    fn hours(&mut self) -> Option<Hours> {
        let opens = match self.clock()? {
            Clock::At(m) if m < END_OF_DAY => m,
            Clock::At(_) => return None,
            Clock::Midnight => 0,
        };
        if !self.eat_to() {
            return None;
        }
        let closes = match self.clock()? {
            Clock::At(0) | Clock::Midnight => END_OF_DAY,
            Clock::At(m) => m,
        };
        (closes > opens).then_some(Hours { opens, closes })
    }

    /// `9:00`, `09:00`, `10:00:00`, `17.30`, `9am`, `9.30 p.m.`, `noon`, `12 noon`, `midnight`.
    /// A bare hour (`9`) and `12am` are not read: people mean different things by them.
    fn clock(&mut self) -> Option<Clock> {
        if self.eat_word(&["noon", "midday"]) {
            return Some(Clock::At(12 * 60));
        }
        if self.eat_word(&["midnight"]) {
            return Some(Clock::Midnight);
        }
        let Some(Token::Number(groups)) = self.peek(0).cloned() else {
            return None;
        };
        self.at += 1;
        let (hour, minutes) = match groups.as_slice() {
            [h] => (h, None),
            [h, m] => (h, Some(m)),
            [h, m, s] if s == "00" => (h, Some(m)),
            _ => return None,
        };
        if hour.len() > 2 || minutes.is_some_and(|m| m.len() != 2) {
            return None;
        }
        let hour: u16 = hour.parse().ok()?;
        let minutes: u16 = minutes.map_or(Some(0), |m| m.parse().ok())?;
        if minutes > 59 {
            return None;
        }
        if self.eat_word(&["am"]) {
            return (1..=11)
                .contains(&hour)
                .then_some(Clock::At(hour * 60 + minutes));
        }
        if self.eat_word(&["pm"]) {
            return match hour {
                12 => Some(Clock::At(12 * 60 + minutes)),
                1..=11 => Some(Clock::At((hour + 12) * 60 + minutes)),
                _ => None,
            };
        }
        if hour == 12 && minutes == 0 && groups.len() == 1 {
            if self.eat_word(&["noon", "midday"]) {
                return Some(Clock::At(12 * 60));
            }
            if self.eat_word(&["midnight"]) {
                return Some(Clock::Midnight);
            }
        }
        if groups.len() == 1 || hour > 24 || (hour == 24 && minutes > 0) {
            return None;
        }
        Some(Clock::At(hour * 60 + minutes))
    }
}
