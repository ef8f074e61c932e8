//! A reviewed CSV's header: which column says the language and which what each row held when
//! exported, and the one language its rows name.

use std::collections::BTreeSet;

use crate::queue::restore;

/// Where the header's optional columns are (a spreadsheet may have dropped them).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Columns {
    /// The `language` column's index.
    pub language: Option<usize>,
    /// The `exported` column's index.
    pub exported: Option<usize>,
}

/// The header's [`Columns`], or `None` when the first line is not the header `export` writes
/// (its first five columns, in any case).
pub(super) fn header_columns(header: &[String]) -> Option<Columns> {
    let cell = |i: usize| header.get(i).map(|c| restore(c).trim().to_lowercase());
    let named = |i: usize, name: &str| cell(i).as_deref() == Some(name);
    let leading = super::COLUMNS[..5].iter().enumerate();
    if !leading
        .into_iter()
        .all(|(i, c)| named(i, &c.to_lowercase()))
    {
        return None;
    }
    let find = |name: &str| (5..header.len()).find(|&i| named(i, name));
    Some(Columns {
        language: find("language"),
        exported: find("exported"),
    })
}

/// The one language the rows name in their `language` column, `None` when none does, or every
/// tag named when rows disagree.
pub(super) fn file_language(
    columns: &Columns,
    records: &[csv::StringRecord],
) -> Result<Option<String>, Vec<String>> {
    let Some(i) = columns.language else {
        return Ok(None);
    };
    let tags: BTreeSet<String> = records
        .iter()
        .filter_map(|r| r.get(i))
        .map(|c| restore(c).trim().to_string())
        .filter(|c| !c.is_empty())
        .collect();
    match tags.len() {
        0 | 1 => Ok(tags.into_iter().next()),
        _ => Err(tags.into_iter().collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::translations::COLUMNS;

    fn header(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn the_language_comes_from_its_column_and_every_row_must_agree() {
        let columns = header_columns(&header(&COLUMNS)).expect("a header");
        assert_eq!(
            columns,
            Columns {
                language: Some(6),
                exported: Some(7)
            }
        );
        let row = |tag: &str| {
            csv::StringRecord::from(vec!["help", "Hi", "Cześć", "draft", "", "", tag, ""])
        };
        assert_eq!(
            file_language(&columns, &[row("pl"), row(""), row("pl")]),
            Ok(Some("pl".to_string()))
        );
        assert_eq!(
            file_language(&columns, &[row("pl"), row("bn")]),
            Err(vec!["bn".to_string(), "pl".to_string()])
        );
        assert_eq!(file_language(&columns, &[row("")]), Ok(None));
    }

    #[test]
    fn a_header_in_another_case_without_the_optional_columns_is_still_the_header() {
        let h = header(&["ID", "english", "Translation", "Status", "Reviewer note"]);
        let columns = header_columns(&h).expect("a header");
        assert_eq!(
            columns,
            Columns {
                language: None,
                exported: None
            }
        );
        assert_eq!(file_language(&columns, &[]), Ok(None));
        assert_eq!(
            header_columns(&header(&["help", "Hello", "Cześć", "draft", ""])),
            None
        );
    }
}
