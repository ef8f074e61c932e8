//! Who a record's service is for: its own age fields, else the ages its target audience
//! (`pc_targetAudience`) and eligibility imply, and the words for `who_for`.

use serde_json::Value;

use super::record::{array, plain_text, text};

/// Oldest age of "children and young people" (young people with SEND are served to 25).
const YOUNG_PEOPLE_MAX: u32 = 25;
/// Youngest age of "older people".
const OLDER_PEOPLE_MIN: u32 = 60;
/// Youngest age of "adults".
const ADULT_MIN: u32 = 18;
/// Oldest age of "under fives", "early years" and their kind.
const EARLY_YEARS_MAX: u32 = 5;

/// Youngest and oldest age, each open when `None`.
type Bounds = (Option<u32>, Option<u32>);

/// The audience fields of a directory entry.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Audience {
    pub min_age: Option<u32>,
    pub max_age: Option<u32>,
    pub who_for: Option<String>,
    /// The target audiences as given, for the mapping's `[audience]` needs.
    pub labels: Vec<String>,
}

/// The target audiences of a record: a string (split at commas and semicolons), or a list of
/// strings or of objects with a name.
fn labels(s: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for key in ["pc_targetAudience", "target_audience", "pc_target_audience"] {
        let mut push = |t: Option<String>| {
            if let Some(t) = t {
                out.extend(
                    t.split([',', ';'])
                        .map(|l| plain_text(l.trim()))
                        .filter(|l| !l.is_empty()),
                );
            }
        };
        match s.get(key) {
            Some(Value::Array(items)) => {
                for i in items {
                    push(text(Some(i)).or_else(|| {
                        ["name", "audience", "pc_targetAudience"]
                            .iter()
                            .find_map(|k| text(i.get(k)))
                    }));
                }
            }
            v => push(text(v)),
        }
    }
    out
}

/// The numbers in a text, in order ("16 to 25" gives 16, 25).
fn numbers(t: &str) -> Vec<u32> {
    t.split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect()
}

/// The ages a phrase implies: (youngest, oldest), each open when `None`; `None` when it says
/// nothing about age.
pub(super) fn ages(phrase: &str) -> Option<Bounds> {
    let p = phrase.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| p.contains(w));
    // The person asking is usually the adult: a group for parents, carers or families, or one
    // where children come with an adult, welcomes them whatever the child's age.
    if has(&[
        "parent",
        "carer",
        "famil",
        "mum",
        "dad",
        "grandparent",
        "of children",
        "with children",
        "accompanied",
    ]) {
        return None;
    }
    // Ages are read from labels ("Under 18s", "16 to 25", "Aged 50 and over"), not from prose.
    let n = if p.split_whitespace().count() <= 6 {
        numbers(&p)
    } else {
        Vec::new()
    };
    let range = p.contains('-') || p.contains('\u{2013}') || p.contains(" to ");
    match n.as_slice() {
        [lo, hi, ..] if range && lo <= hi && *hi <= 120 => return Some((Some(*lo), Some(*hi))),
        [a, ..] if *a <= 120 && (p.contains('+') || has(&["over", "aged at least"])) => {
            return Some((Some(*a), None));
        }
        [a, ..] if (1..=120).contains(a) && has(&["under"]) => {
            return Some((None, Some(a - 1)));
        }
        _ => {}
    }
    if has(&[
        "under fives",
        "under-fives",
        "early years",
        "babies",
        "toddler",
    ]) || has(&["pre-school", "preschool"])
    {
        Some((None, Some(EARLY_YEARS_MAX)))
    } else if has(&[
        "older people",
        "older adults",
        "elderly",
        "seniors",
        "pensioners",
    ]) {
        Some((Some(OLDER_PEOPLE_MIN), None))
    } else if has(&["children", "young people", "youth", "teenagers"]) {
        Some((None, Some(YOUNG_PEOPLE_MAX)))
    } else if p
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "adults")
    {
        Some((Some(ADULT_MIN), None))
    } else {
        None
    }
}

/// The audience of a record. Its own `minimum_age` and `maximum_age` win; otherwise the
/// widest bounds its audiences imply, open if any audience says nothing about age.
pub(super) fn audience(s: &Value) -> Audience {
    let own = |k: &str| -> Option<u32> {
        s.get(k)
            .and_then(Value::as_u64)
            .or_else(|| array(s, "eligibilitys").find_map(|e| e.get(k).and_then(Value::as_u64)))
            .and_then(|a| u32::try_from(a).ok())
    };
    let labels = labels(s);
    let eligibility = text(s.get("eligibility_description"))
        .or_else(|| array(s, "eligibilitys").find_map(|e| text(e.get("eligibility"))))
        .map(|w| plain_text(&w))
        .filter(|w| !w.is_empty());
    let phrases: Vec<&str> = if labels.is_empty() {
        eligibility.iter().map(String::as_str).collect()
    } else {
        labels.iter().map(String::as_str).collect()
    };
    let implied: Vec<_> = phrases.iter().map(|p| ages(p)).collect();
    let widest = |pick: fn(&Bounds) -> Option<u32>, lowest: bool| {
        let all: Option<Vec<u32>> = implied.iter().map(|a| a.as_ref().and_then(pick)).collect();
        let all = all.filter(|a| !a.is_empty())?;
        if lowest {
            all.into_iter().min()
        } else {
            all.into_iter().max()
        }
    };
    let (mut min_age, mut max_age) = (own("minimum_age"), own("maximum_age"));
    if min_age.is_none() && max_age.is_none() {
        min_age = widest(|a| a.0, true);
        max_age = widest(|a| a.1, false);
        if let (Some(lo), Some(hi)) = (min_age, max_age)
            && lo > hi
        {
            (min_age, max_age) = (None, None);
        }
    }
    let who_for = eligibility.or_else(|| (!labels.is_empty()).then(|| labels.join(", ")));
    Audience {
        min_age,
        max_age,
        who_for,
        labels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn audiences_imply_ages() {
        assert_eq!(ages("0-5"), Some((Some(0), Some(5))));
        assert_eq!(ages("Aged 16 to 25"), Some((Some(16), Some(25))));
        assert_eq!(ages("Over 50s"), Some((Some(50), None)));
        assert_eq!(ages("60+"), Some((Some(60), None)));
        assert_eq!(ages("Under 18"), Some((None, Some(17))));
        assert_eq!(ages("Under fives"), Some((None, Some(5))));
        assert_eq!(ages("Older people"), Some((Some(60), None)));
        assert_eq!(ages("Adults"), Some((Some(18), None)));
        assert_eq!(ages("Children and young people"), Some((None, Some(25))));
        // The adult in the chat is welcome at a group for parents, carers or families.
        assert_eq!(ages("Families with young children"), None);
        assert_eq!(ages("Parents of children under 5"), None);
        assert_eq!(ages("Children and families"), None);
        assert_eq!(ages("Under 18s must be accompanied by an adult"), None);
        // Ages come from labels, not prose.
        assert_eq!(
            ages("Open to everyone, though most who come are over 50 and retired"),
            None
        );
        assert_eq!(ages("Families"), None);
        assert_eq!(ages("Carers"), None);
        assert_eq!(ages("Young adults"), Some((Some(18), None)));
    }

    #[test]
    fn own_ages_win_and_several_audiences_take_the_widest() {
        let a = audience(&json!({"pc_targetAudience": "Adults, Older people"}));
        assert_eq!((a.min_age, a.max_age), (Some(18), None));
        assert_eq!(a.who_for.as_deref(), Some("Adults, Older people"));
        let a = audience(&json!({"pc_targetAudience": ["Adults", "Carers"]}));
        assert_eq!((a.min_age, a.max_age), (None, None), "carers of any age");
        assert_eq!(a.labels, ["Adults", "Carers"]);
        let a = audience(&json!({"pc_targetAudience": "0-5", "maximum_age": 4}));
        assert_eq!((a.min_age, a.max_age), (None, Some(4)));
        let a = audience(&json!({"eligibilitys": [{"eligibility": "People aged 50+"}]}));
        assert_eq!((a.min_age, a.max_age), (Some(50), None));
        assert_eq!(a.who_for.as_deref(), Some("People aged 50+"));
        assert_eq!(audience(&json!({})), Audience::default());
    }
}
