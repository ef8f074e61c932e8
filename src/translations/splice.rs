//! Edits to a file's text by byte range, so every line not edited stays byte for byte.

use std::ops::Range;

/// One change: the bytes in `range` replaced by `text` (an empty range inserts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// What is replaced.
    pub range: Range<usize>,
    /// What replaces it.
    pub text: String,
    /// Among insertions at one place, the smaller goes first (English's order).
    pub order: usize,
}

/// `source` with every edit made, its lines ending as the file's do (CRLF or LF). Insertions at
/// the same place keep their `order`, before a replacement starting there; overlapping
/// replacements are refused.
pub fn apply(source: &str, mut edits: Vec<Edit>) -> Result<String, String> {
    let crlf = source.contains("\r\n");
    edits.sort_by_key(|e| (e.range.start, e.range.end, e.order));
    let mut out = String::with_capacity(source.len() + 256);
    let mut at = 0;
    for e in edits {
        if e.range.start < at || e.range.end > source.len() {
            return Err(format!(
                "edits overlap at byte {} (or fall outside the file)",
                e.range.start
            ));
        }
        let keep = source
            .get(at..e.range.start)
            .ok_or_else(|| format!("byte {} is inside a character", e.range.start))?;
        out.push_str(keep);
        if crlf {
            out.push_str(&e.text.replace("\r\n", "\n").replace('\n', "\r\n"));
        } else {
            out.push_str(&e.text);
        }
        at = e.range.end;
    }
    out.push_str(source.get(at..).unwrap_or_default());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(range: Range<usize>, text: &str, order: usize) -> Edit {
        Edit {
            range,
            text: text.to_string(),
            order,
        }
    }

    #[test]
    fn only_the_edited_bytes_change() {
        let src = "# c\na = A\nb = B\n\nc = C\n";
        let out = apply(src, vec![edit(10..15, "b = Bé", 0)]);
        assert_eq!(out.as_deref(), Ok("# c\na = A\nb = Bé\n\nc = C\n"));
    }

    #[test]
    fn insertions_keep_their_order_and_come_before_a_replacement_at_the_same_place() {
        let src = "a = A\nc = C\n";
        let out = apply(
            src,
            vec![
                edit(6..11, "c = Ç", 0),
                edit(6..6, "b2 = B\n", 2),
                edit(6..6, "b1 = B\n", 1),
                edit(5..5, "\n    .x = X", 0),
            ],
        );
        assert_eq!(
            out.as_deref(),
            Ok("a = A\n    .x = X\nb1 = B\nb2 = B\nc = Ç\n")
        );
    }

    #[test]
    fn overlapping_edits_are_refused() {
        assert!(apply("abcdef", vec![edit(0..3, "x", 0), edit(2..4, "y", 0)]).is_err());
    }

    #[test]
    fn a_windows_file_keeps_its_line_ends() {
        let source = "a = 1\r\nb = 2\r\n";
        let out = apply(
            source,
            vec![edit(4..5, "x\n    y", 0), edit(12..12, "\nc = 3", 1)],
        )
        .expect("apply");
        assert_eq!(out, "a = x\r\n    y\r\nb = 2\r\nc = 3\r\n");
    }
}
