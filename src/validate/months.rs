//! Month names as people type them, in every shipped language (whatever language they chose:
//! people mix), and the words around a date that say nothing (`of`, `r.`, `bisha`, `1958م`).

use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

/// Names of each month (index 0 is January), as written; compared after [`fold`].
#[rustfmt::skip]
const MONTHS: [&[&str]; 12] = [
    &[
        "january", "jan", "জানুয়ারি", "জানুয়ারী", "janaayo", "jannaayo", "bisha koowaad",
        "bisha kowaad", "جنوری", "يناير", "كانون الثاني", "كانون ثاني", "جانفي", "ينير",
        "styczeń", "stycznia", "ocak",
    ],
    &[
        "february", "feb", "ফেব্রুয়ারি", "ফেব্রুয়ারী", "febraayo", "bisha labaad", "فروری",
        "فبراير", "شباط", "فيفري", "luty", "lutego", "şubat",
    ],
    &[
        "march", "mar", "মার্চ", "maarso", "marso", "bisha saddexaad", "bisha sadexaad", "مارچ",
        "مارس", "آذار", "marzec", "marca", "mart",
    ],
    &[
        "april", "apr", "এপ্রিল", "abriil", "abril", "apriil", "bisha afraad", "اپریل",
        "أبريل", "إبريل", "نيسان", "أفريل", "kwiecień", "kwietnia", "nisan",
    ],
    &[
        "may", "মে", "maajo", "bisha shanaad", "مئی", "مايو", "أيار", "ماي", "maj", "maja",
        "mayıs",
    ],
    &[
        "june", "jun", "জুন", "juun", "bisha lixaad", "جون", "يونيو", "يونيه", "حزيران", "جوان",
        "czerwiec", "czerwca", "haziran",
    ],
    &[
        "july", "jul", "জুলাই", "luulyo", "luuliyo", "bisha toddobaad", "bisha todobaad",
        "جولائی", "يوليو", "يوليه", "تموز", "جويلية", "يوليوز", "lipiec", "lipca", "temmuz",
    ],
    &[
        "august", "aug", "আগস্ট", "আগষ্ট", "ogost", "ogosto", "agoosto", "bisha siddeedaad",
        "bisha sideedaad", "اگست", "أغسطس", "آب", "أوت", "غشت", "sierpień", "sierpnia", "ağustos",
    ],
    &[
        "september", "sep", "sept", "সেপ্টেম্বর", "sebtembar", "sebteembar", "bisha sagaalaad",
        "ستمبر", "سبتمبر", "أيلول", "شتنبر", "wrzesień", "września", "eylül",
    ],
    &[
        "october", "oct", "অক্টোবর", "oktoobar", "oktobar", "bisha tobnaad", "اکتوبر", "أكتوبر",
        "تشرين الأول", "تشرين اول", "październik", "października", "ekim",
    ],
    &[
        "november", "nov", "নভেম্বর", "nofembar", "noofembar", "bisha kow iyo tobnaad", "نومبر",
        "نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر", "listopad", "listopada", "kasım",
    ],
    &[
        "december", "dec", "ডিসেম্বর", "desembar", "diseembar", "disembar",
        "bisha laba iyo tobnaad", "دسمبر", "ديسمبر", "كانون الأول", "كانون اول", "دجنبر",
        "grudzień", "grudnia", "aralık",
    ],
];

/// Months in Roman numerals, as often written in Poland (`3 III 1958`).
const ROMAN: [&str; 12] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
];

/// Words that may stand around a date without changing it: ordinal endings (`3rd`, Somali
/// `3aad`, `3da`, Bengali `৩রা`, `৫ই`), "of", "the", Polish `r.` (year) and `dnia` (on the
/// day), Somali "month" and "year", Arabic `م` (AD) and "year", Urdu `ء` (AD), Bengali "year".
#[rustfmt::skip]
const FILLERS: &[&str] = &[
    "st", "nd", "rd", "th", "of", "the", "r", "roku", "dnia", "bisha", "bishii", "sanadka",
    "sannadka", "aad", "da", "م", "ميلادي", "ميلادية", "عام", "سنة", "ء", "সাল", "সালের", "লা",
    "রা", "ঠা", "ই", "শে",
];

/// The shortest abbreviation read as a month (`Sept`, `Paź`); shorter ones are too ambiguous.
const MIN_PREFIX: usize = 3;

/// Lower case, without accents, diacritics or joiners, and with the letters Arabic and Urdu
/// write differently made one (`ی`/`ي`, `ک`/`ك`, `ہ`/`ة`/`ه`), so names match however typed.
pub(super) fn fold(s: &str) -> String {
    s.nfkd()
        .filter(|c| canonical_combining_class(*c) == 0)
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'ı' => Some('i'),
            'ł' => Some('l'),
            'ى' | 'ی' => Some('ي'),
            'ک' => Some('ك'),
            'ة' | 'ہ' | 'ۃ' | 'ھ' => Some('ه'),
            'ـ' | '\u{200C}' | '\u{200D}' => None,
            c => Some(c),
        })
        .collect()
}

/// Every folded name, as its words, with its month (1 to 12); longest phrases first.
static NAMES: LazyLock<Vec<(Vec<String>, u32)>> = LazyLock::new(|| {
    let mut names: Vec<(Vec<String>, u32)> = (1..)
        .zip(MONTHS)
        .flat_map(|(month, names)| {
            names.iter().map(move |n| {
                let words = fold(n).split_whitespace().map(str::to_string).collect();
                (words, month)
            })
        })
        .collect();
    names.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    names
});

/// The fillers, folded.
static FILLER_WORDS: LazyLock<Vec<String>> =
    LazyLock::new(|| FILLERS.iter().map(|f| fold(f)).collect());

/// Single-word names by folded spelling, for abbreviations.
static SINGLE: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
    NAMES
        .iter()
        .filter_map(|(words, month)| match words.as_slice() {
            [w] => Some((w.clone(), *month)),
            _ => None,
        })
        .collect()
});

/// What a word (or the words starting at it) of a typed date says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Word {
    /// A month (1 to 12), named in this many words.
    Month(u32, usize),
    /// A word that changes nothing.
    Filler,
}

/// Reads the folded words at the start of `words`: a month's name (in full, in Roman
/// numerals, or abbreviated to a prefix that fits one month only) or a filler, else `None`.
pub(super) fn read(words: &[&str]) -> Option<Word> {
    let first = words.first()?;
    for (name, month) in NAMES.iter() {
        if words.len() >= name.len() && name.iter().zip(words).all(|(n, w)| n == w) {
            return Some(Word::Month(*month, name.len()));
        }
    }
    if FILLER_WORDS.iter().any(|f| f == first) {
        return Some(Word::Filler);
    }
    if let Some(i) = ROMAN.iter().position(|r| r == first) {
        return Some(Word::Month(i as u32 + 1, 1));
    }
    if first.chars().count() < MIN_PREFIX {
        return None;
    }
    let mut fits = SINGLE
        .iter()
        .filter(|(name, _)| name.starts_with(first))
        .map(|(_, month)| *month);
    let month = fits.next()?;
    fits.all(|m| m == month).then_some(Word::Month(month, 1))
}

/// Every month's names as written (index 0 is January), for tests.
#[cfg(test)]
pub(super) fn names() -> &'static [&'static [&'static str]; 12] {
    &MONTHS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_name_means_two_months_and_none_is_a_filler() {
        let mut seen: HashMap<Vec<String>, u32> = HashMap::new();
        for (words, month) in NAMES.iter() {
            if let Some(other) = seen.insert(words.clone(), *month) {
                assert_eq!(other, *month, "{words:?} names two months");
            }
            assert!(
                !(words.len() == 1 && FILLER_WORDS.contains(&words[0])),
                "{words:?} is a filler too"
            );
        }
    }

    #[test]
    fn spellings_fold_together() {
        assert_eq!(fold("MAYIS"), fold("Mayıs"));
        assert_eq!(fold("Październik"), "pazdziernik");
        assert_eq!(fold("إبريل"), fold("ابريل"));
        assert_eq!(fold("آذار"), fold("اذار"));
        // Urdu and Arabic letters: keheh and kaf, Farsi and Arabic yeh.
        assert_eq!(fold("اکتوبر"), fold("اكتوبر"));
        assert_eq!(fold("جنوری"), fold("جنوري"));
        // Bengali ya with a nukta, precomposed or not.
        assert_eq!(fold("জানুয়ারি"), fold("জানুয়ারি"));
    }

    #[test]
    fn abbreviations_that_fit_one_month() {
        assert_eq!(read(&["sept"]), Some(Word::Month(9, 1)));
        assert_eq!(read(&["paz"]), Some(Word::Month(10, 1)));
        assert_eq!(read(&["lis"]), Some(Word::Month(11, 1)));
        assert_eq!(read(&["ju"]), None, "too short");
        assert_eq!(read(&["tomorrow"]), None);
        assert_eq!(read(&["xiii"]), None);
        assert_eq!(
            read(&[&fold("تشرين"), &fold("الثاني")]),
            Some(Word::Month(11, 2))
        );
        assert_eq!(read(&[&fold("تشرين")]), None, "October or November");
    }
}
