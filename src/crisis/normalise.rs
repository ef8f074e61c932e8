//! Text as the crisis rules read it: the same words however they were typed.
//!
//! Rules and messages pass through the same functions, so an editor writes a phrase the way it
//! is spelt and the detector still finds it typed without accents, in capitals, with letters
//! repeated or with zero-width marks inside. The result is a list of words (letters, marks and
//! digits), written `" a  b  c "`; [`tokens`] splits it.

use unicode_normalization::UnicodeNormalization;

/// Which reading of the text a language's rules match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum View {
    /// Unicode-normalised, case-folded, accents and letter variants unified, repeats collapsed.
    Plain,
    /// [`View::Plain`], and words in Latin letters loosened for transliteration (Banglish,
    /// Roman Urdu, Arabizi, Somali): Arabizi digits read as letters, `h` inside a word
    /// dropped, `e`/`i`/`y` and `o`/`u`/`w` each read alike.
    Loose,
}

impl View {
    /// Every view, in index order.
    pub const ALL: [View; 2] = [View::Plain, View::Loose];

    /// Its position in [`View::ALL`].
    pub fn index(self) -> usize {
        match self {
            View::Plain => 0,
            View::Loose => 1,
        }
    }
}

/// `text` as the rules of `view` read it.
pub fn normalise(text: &str, view: View) -> String {
    let plain = plain(text);
    match view {
        View::Plain => plain,
        View::Loose => loosen(&plain),
    }
}

/// `text` in every view, in [`View::ALL`] order, normalising once.
pub fn views(text: &str) -> [String; 2] {
    let plain = plain(text);
    let loose = loosen(&plain);
    [plain, loose]
}

/// The writing systems of the shipped languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters (with accents).
    Latin,
    /// Bengali.
    Bengali,
    /// Arabic, and Urdu's Nastaliq.
    Arabic,
    /// Chinese characters.
    Han,
}

/// The script most of the letters of `text` are written in, if any.
pub fn script(text: &str) -> Option<Script> {
    let mut counts = [0usize; 4];
    for c in text.chars() {
        let k = match c {
            'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => 0,
            '\u{0980}'..='\u{09FF}' => 1,
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' => 2,
            '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' => 3,
            _ => continue,
        };
        counts[k] += 1;
    }
    let (k, n) = counts
        .iter()
        .enumerate()
        .max_by_key(|(k, n)| (**n, usize::MAX - k))?;
    (*n > 0).then_some([Script::Latin, Script::Bengali, Script::Arabic, Script::Han][k])
}

/// One character after folding: dropped, kept, or replaced by up to two.
enum Fold {
    Drop,
    Keep(char),
    Two(char, char),
    Space,
}

fn fold(c: char) -> Fold {
    if c.is_ascii() {
        return match c {
            'a'..='z' | '0'..='9' => Fold::Keep(c),
            'A'..='Z' => Fold::Keep(c.to_ascii_lowercase()),
            '\'' | '`' => Fold::Drop,
            _ => Fold::Space,
        };
    }
    match c {
        // Zero-width, bidi and joining marks, soft hyphen, tatweel: invisible, so gone.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{034F}'
        | '\u{061C}'
        | '\u{0640}' => Fold::Drop,
        // Apostrophes join: "don't" reads as "dont", "ma'aha" as "maaha".
        '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{00B4}' | '\u{02BC}' | '\u{02BB}' => Fold::Drop,
        // Accents on Latin, Greek and Cyrillic letters (after decomposition).
        '\u{0300}'..='\u{036F}' => Fold::Drop,
        // Arabic vowel marks, hamza and madda above or below, Quranic marks.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' => Fold::Drop,
        // Arabic and Urdu letter variants: one form each.
        '\u{0671}' | '\u{0672}' | '\u{0673}' | '\u{0675}' => Fold::Keep('\u{0627}'),
        '\u{0649}' | '\u{06CC}' | '\u{06D0}' | '\u{0620}' => Fold::Keep('\u{064A}'),
        '\u{06A9}' | '\u{06AA}' => Fold::Keep('\u{0643}'),
        '\u{0629}' | '\u{06C1}' | '\u{06BE}' | '\u{06D5}' | '\u{06C3}' => Fold::Keep('\u{0647}'),
        '\u{06D3}' => Fold::Keep('\u{06D2}'),
        // Bengali: long and short vowels, sibilants, nasals and nukta as people mix them.
        '\u{0981}' | '\u{09BC}' => Fold::Drop,
        '\u{09C0}' => Fold::Keep('\u{09BF}'),
        '\u{09C2}' => Fold::Keep('\u{09C1}'),
        '\u{09B6}' | '\u{09B7}' => Fold::Keep('\u{09B8}'),
        '\u{09A3}' => Fold::Keep('\u{09A8}'),
        '\u{09CE}' => Fold::Keep('\u{09A4}'),
        '\u{09C8}' => Fold::Two('\u{0993}', '\u{0987}'),
        // Latin letters that do not decompose.
        'ł' => Fold::Keep('l'),
        'ø' => Fold::Keep('o'),
        'đ' | 'ð' => Fold::Keep('d'),
        'ı' => Fold::Keep('i'),
        'ħ' => Fold::Keep('h'),
        'ß' => Fold::Two('s', 's'),
        'æ' => Fold::Two('a', 'e'),
        'œ' => Fold::Two('o', 'e'),
        'þ' => Fold::Two('t', 'h'),
        // Digits in every script people type them in.
        '\u{0660}'..='\u{0669}' => Fold::Keep(shift(c, 0x0660)),
        '\u{06F0}'..='\u{06F9}' => Fold::Keep(shift(c, 0x06F0)),
        '\u{09E6}'..='\u{09EF}' => Fold::Keep(shift(c, 0x09E6)),
        '\u{0966}'..='\u{096F}' => Fold::Keep(shift(c, 0x0966)),
        // The scripts of the shipped languages, without the slow general lookup.
        '\u{0980}'..='\u{09FF}' => Fold::Keep(c),
        '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}' => {
            Fold::Keep(c)
        }
        '\u{4E00}'..='\u{9FFF}' => Fold::Keep(c),
        c if c.is_alphanumeric() || is_mark(c) => Fold::Keep(c),
        _ => Fold::Space,
    }
}

fn shift(c: char, zero: u32) -> char {
    char::from(b'0' + (c as u32 - zero) as u8)
}

/// Combining marks: Bengali vowel signs and the virama, for instance, belong to their word.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{0951}'..='\u{0957}'
        | '\u{0962}'..='\u{0963}' | '\u{0981}'..='\u{0983}' | '\u{09BC}'..='\u{09D7}'
        | '\u{09E2}'..='\u{09E3}' | '\u{0610}'..='\u{061A}' | '\u{200C}' | '\u{200D}')
}

/// Scripts written without spaces between words: each character is a word of its own.
fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// The plain view: NFKC, lower case, decomposed and folded, repeats collapsed, tokens spaced.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // `sep`: the output ends between words; `prev`: the last character read (after folding).
    let mut sep = true;
    let mut prev: Option<char> = None;
    out.push(' ');
    let mut push = |out: &mut String, c: char| {
        if c == ' ' {
            if !sep {
                out.push_str("  ");
                sep = true;
            }
            prev = Some(' ');
            return;
        }
        if prev == Some(c) && !c.is_ascii_digit() {
            // Letters repeated ("pleeease", "死死死") read as one.
            return;
        }
        prev = Some(c);
        if unspaced(c) {
            if !sep {
                out.push_str("  ");
            }
            out.push(c);
            out.push_str("  ");
            sep = true;
            return;
        }
        out.push(c);
        sep = false;
    };
    // NFKC first (full-width letters, ligatures, Arabic presentation forms), then lower case,
    // then NFD so accents become separate marks that `fold` drops.
    let folded: Box<dyn Iterator<Item = char>> = if text.is_ascii() {
        Box::new(text.chars())
    } else {
        Box::new(text.nfkc().flat_map(char::to_lowercase).nfd())
    };
    for c in folded {
        match fold(c) {
            Fold::Drop => {}
            Fold::Keep(k) => push(&mut out, k),
            Fold::Two(a, b) => {
                push(&mut out, a);
                push(&mut out, b);
            }
            Fold::Space => push(&mut out, ' '),
        }
    }
    if out.trim().is_empty() {
        return " ".to_string();
    }
    if out.ends_with("  ") {
        // A trailing separator is two spaces; the form ends with one.
        out.pop();
    } else {
        out.push(' ');
    }
    out
}

/// The loose view: each token in Latin letters loosened (others unchanged).
fn loosen(plain: &str) -> String {
    let mut out = String::with_capacity(plain.len() + 8);
    out.push(' ');
    let mut first = true;
    for token in plain.split_whitespace() {
        if !first {
            out.push_str("  ");
        }
        first = false;
        if token.chars().any(|c| c.is_ascii_lowercase()) {
            loosen_token(token, &mut out);
        } else {
            out.push_str(token);
        }
    }
    out.push(' ');
    out
}

fn loosen_token(token: &str, out: &mut String) {
    let mut mapped = String::with_capacity(token.len() + 4);
    for c in token.chars() {
        // Arabizi: digits stand for Arabic letters inside words written in Latin letters.
        match c {
            '2' => {}
            '3' => mapped.push('a'),
            '5' => mapped.push_str("kh"),
            '6' => mapped.push('t'),
            '7' => mapped.push('h'),
            '8' => mapped.push_str("gh"),
            '9' => mapped.push('q'),
            'e' | 'i' | 'y' => mapped.push('i'),
            'o' | 'u' | 'w' => mapped.push('u'),
            c => mapped.push(c),
        }
    }
    let mut last: Option<char> = None;
    let mut first = true;
    for c in mapped.chars() {
        // An `h` inside a word is often left out ("chahta"/"chata", "nahi"/"nai", "shesh"/"ses").
        if c == 'h' && !first {
            continue;
        }
        if last == Some(c) {
            continue;
        }
        out.push(c);
        last = Some(c);
        first = false;
    }
}

/// The tokens of a normalised text.
pub fn tokens(normalised: &str) -> impl Iterator<Item = &str> {
    normalised.split_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        normalise(s, View::Plain)
    }

    #[test]
    fn case_accents_apostrophes_and_repeats_fold() {
        assert_eq!(p("I DON'T want to LIVE!!!"), " i  dont  want  to  live ");
        assert_eq!(p("nie chcę już żyć"), p("nie chce juz zyc"));
        assert_eq!(p("Ölmek İSTİYORUM"), p("olmek istiyorum"));
        assert_eq!(p("kıllll mysellllf"), p("kill myself"));
        assert_eq!(p("k\u{200B}ill my\u{00AD}self"), p("kill myself"));
        assert_eq!(p("ｋｉｌｌ　ｍｙｓｅｌｆ"), p("kill myself"));
        assert_eq!(p("  "), " ");
    }

    #[test]
    fn arabic_and_urdu_letter_variants_unify() {
        assert_eq!(p("أريد أن أموت"), p("اريد ان اموت"));
        assert_eq!(p("مُوتُ"), p("موت"));
        assert_eq!(p("خودکشی"), p("خودكشي"));
        assert_eq!(p("چاہتا"), p("چاهتا"));
        assert_eq!(p("حياة"), p("حياه"));
        assert_eq!(p("الـــموت"), p("الموت"));
    }

    #[test]
    fn bengali_spellings_unify_and_marks_stay_in_the_word() {
        assert_eq!(p("বাঁচতে চাই না"), p("বাচতে চাই না"));
        assert_eq!(p("আত্মহত্যা"), " আত্মহত্যা ".nfd().collect::<String>());
        assert_eq!(p("৯৯৯"), " 999 ");
    }

    #[test]
    fn chinese_characters_are_words() {
        assert_eq!(p("我想死。"), " 我  想  死 ");
        assert_eq!(p("想死死死"), " 想  死 ");
    }

    #[test]
    fn the_script_most_letters_are_in() {
        assert_eq!(script("I want to die"), Some(Script::Latin));
        assert_eq!(script("আমি আর বাঁচতে চাই না ok"), Some(Script::Bengali));
        assert_eq!(script("میں خودکشی"), Some(Script::Arabic));
        assert_eq!(script("我想死 ok"), Some(Script::Han));
        assert_eq!(script("999 !!"), None);
    }

    #[test]
    fn loose_reads_transliterations_alike() {
        let l = |s: &str| normalise(s, View::Loose);
        assert_eq!(l("bade mout"), l("baddi moot"));
        assert_eq!(l("3ayez amoot"), l("ayez amut"));
        assert_eq!(l("jeena nahi chahta"), l("jina nai chata"));
        assert_eq!(l("ami morte chai"), l("amy morte chay"));
        assert_eq!(l("خودکشی"), p("خودکشی"), "other scripts are unchanged");
    }
}
