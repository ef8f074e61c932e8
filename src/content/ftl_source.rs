//! Fluent files read as text: each message's value and attributes as a reviewer sees them (the
//! pattern's source, its indentation removed), with the byte spans that hold them, so a
//! translation can be replaced in place and every other line stays as it was.

use std::fs;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One `.ftl` file: its text and the messages in it, in file order.
#[derive(Debug, Clone)]
pub struct FtlFile {
    /// The file name (`main.ftl`).
    pub name: String,
    /// The path relative to the content folder (`locales/pl/main.ftl`).
    pub rel: PathBuf,
    /// The whole file.
    pub source: String,
    /// Its messages (terms and junk are left out).
    pub messages: Vec<SourceMessage>,
}

/// One message: where it is, its value and its attributes.
#[derive(Debug, Clone)]
pub struct SourceMessage {
    /// The message id.
    pub id: String,
    /// 1-based line of the id.
    pub line: usize,
    /// From the id to the end of its last non-blank line (no final newline).
    pub span: Range<usize>,
    /// From the id to the end of the value's last line (no final newline): what a new value
    /// replaces.
    pub head: Range<usize>,
    /// The value as a reviewer sees it, if it has one.
    pub value: Option<String>,
    /// The `# ...` comment lines just above it, without the `#`.
    pub comment: String,
    /// Where those comment lines start (the id's line when there are none).
    pub comment_start: usize,
    /// Its attributes, in order.
    pub attributes: Vec<SourceAttribute>,
}

/// One attribute of a message (`.aliases = ...`).
#[derive(Debug, Clone)]
pub struct SourceAttribute {
    /// Its name, without the dot.
    pub name: String,
    /// 1-based line of `.name =`.
    pub line: usize,
    /// From the start of its line to the end of its last line (no final newline).
    pub span: Range<usize>,
    /// Its value as a reviewer sees it.
    pub text: String,
}

impl SourceMessage {
    /// The text of row `part` (`None` for the value, else an attribute's name).
    pub fn text(&self, part: Option<&str>) -> Option<&str> {
        match part {
            None => self.value.as_deref(),
            Some(name) => self.attribute(name).map(|a| a.text.as_str()),
        }
    }

    /// The attribute with this name.
    pub fn attribute(&self, name: &str) -> Option<&SourceAttribute> {
        self.attributes.iter().find(|a| a.name == name)
    }

    /// The line of row `part`.
    pub fn line_of(&self, part: Option<&str>) -> usize {
        match part.and_then(|name| self.attribute(name)) {
            Some(a) => a.line,
            None => self.line,
        }
    }
}

/// Reads every `.ftl` file of a language folder, sorted by name. `rel` is the folder relative
/// to the content folder.
pub fn read_folder(dir: &Path, rel: &Path) -> io::Result<Vec<FtlFile>> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let source = fs::read_to_string(&path)?;
            Ok(FtlFile::parse(&name, rel.join(&name), source))
        })
        .collect()
}

/// A line of a file: its text without the line break, and where it starts.
struct Line<'a> {
    start: usize,
    text: &'a str,
}

impl Line<'_> {
    fn end(&self) -> usize {
        self.start + self.text.len()
    }

    fn blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// A top-level entry starts here: a message, a term or a comment at column 0.
    fn starts_entry(&self) -> bool {
        self.text
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '-' || c == '#')
    }
}

impl FtlFile {
    /// Reads the messages of one file's text.
    pub fn parse(name: &str, rel: PathBuf, source: String) -> FtlFile {
        let mut lines = Vec::new();
        let mut start = 0;
        for piece in source.split_inclusive('\n') {
            let text = piece.trim_end_matches('\n').trim_end_matches('\r');
            lines.push(Line { start, text });
            start += piece.len();
        }
        let mut messages = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            if !lines[i].starts_entry() {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            while end < lines.len() && !lines[end].starts_entry() {
                end += 1;
            }
            if let Some(m) = read_message(&lines, i, end) {
                messages.push(m);
            }
            i = end;
        }
        FtlFile {
            name: name.to_string(),
            rel,
            source,
            messages,
        }
    }

    /// The message with this id.
    pub fn message(&self, id: &str) -> Option<&SourceMessage> {
        self.messages.iter().find(|m| m.id == id)
    }
}

/// `name = rest` at the start of `text` (after `indent`), for an identifier `name`.
fn assignment(text: &str) -> Option<(&str, &str)> {
    let (name, rest) = text.split_once('=')?;
    let name = name.trim_end();
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    (first_ok && rest_ok).then_some((name, rest))
}

fn read_message(lines: &[Line<'_>], first: usize, end: usize) -> Option<SourceMessage> {
    let (id, rest) = assignment(lines[first].text)?;
    // The entry's last non-blank line; blank lines after it belong to no one.
    let last = (first..end).rev().find(|&j| !lines[j].blank())?;
    let attr_starts: Vec<(usize, &str, &str)> = (first + 1..=last)
        .filter_map(|j| {
            let t = lines[j].text;
            let indented = t.starts_with(' ');
            let (name, rest) = assignment(t.trim_start().strip_prefix('.')?)?;
            indented.then_some((j, name, rest))
        })
        .collect();
    let value_end = attr_starts.first().map_or(last + 1, |(j, ..)| *j);
    let value_last = (first..value_end)
        .rev()
        .find(|&j| !lines[j].blank())
        .unwrap_or(first);
    let value = pattern_text(rest, &lines[first + 1..=value_last]);
    let mut attributes = Vec::new();
    for (k, (j, name, rest)) in attr_starts.iter().enumerate() {
        let next = attr_starts.get(k + 1).map_or(last + 1, |(n, ..)| *n);
        let a_last = (*j..next).rev().find(|&x| !lines[x].blank()).unwrap_or(*j);
        attributes.push(SourceAttribute {
            name: name.to_string(),
            line: j + 1,
            span: lines[*j].start..lines[a_last].end(),
            text: pattern_text(rest, &lines[j + 1..=a_last]).unwrap_or_default(),
        });
    }
    let above = lines[..first]
        .iter()
        .rev()
        .take_while(|l| l.text == "#" || l.text.starts_with("# "))
        .count();
    let comment_lines = &lines[first - above..first];
    let comment = comment_lines
        .iter()
        .map(|l| l.text.trim_start_matches('#').trim())
        .collect::<Vec<_>>()
        .join("\n");
    Some(SourceMessage {
        id: id.to_string(),
        line: first + 1,
        span: lines[first].start..lines[last].end(),
        head: lines[first].start..lines[value_last].end(),
        value,
        comment,
        comment_start: lines[first - above].start,
        attributes,
    })
}

/// A pattern as a reviewer sees it: the text after `=`, then the lines below it with their
/// common indentation removed; `None` when there is nothing.
fn pattern_text(first: &str, rest: &[Line<'_>]) -> Option<String> {
    let indent = rest
        .iter()
        .filter(|l| !l.blank())
        .map(|l| l.text.len() - l.text.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut out: Vec<&str> = Vec::new();
    let first = first.trim();
    if !first.is_empty() {
        out.push(first);
    }
    for l in rest {
        out.push(if l.blank() {
            ""
        } else {
            l.text[indent..].trim_end()
        });
    }
    let text = out.join("\n");
    let text = text.trim_matches('\n');
    (!text.is_empty()).then(|| text.to_string())
}

/// A reviewer's text tidied as a spreadsheet may have left it: Windows line breaks made plain,
/// spaces at the ends of lines and blank lines around it removed.
pub fn tidy(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim_matches('\n').trim_start().to_string()
}

/// The Fluent lines for a message's value (`id = text`, or `id =` and indented lines).
pub fn render_value(id: &str, text: &str) -> String {
    render(&format!("{id} ="), "    ", text)
}

/// The Fluent lines for an attribute (`    .name = text`, or indented lines below it).
pub fn render_attribute(name: &str, text: &str) -> String {
    render(&format!("    .{name} ="), "        ", text)
}

fn render(head: &str, indent: &str, text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    match lines.as_slice() {
        [one] => format!("{head} {one}"),
        _ => {
            let mut out = head.to_string();
            for l in lines {
                out.push('\n');
                if !l.is_empty() {
                    out.push_str(indent);
                    out.push_str(l);
                }
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# Top\n# Status: draft\n\n## Section\n\n# Says hello.\n# Variables:\n#   $name (String)\nhello = Hi { $name }\n    .aliases = hi, hello\n\npick =\n    { $n ->\n        [one] one\n       *[other] many\n    }\nlong = First\n    second\n\n      third\n-term = T\n";

    fn file() -> FtlFile {
        FtlFile::parse("a.ftl", PathBuf::from("locales/pl/a.ftl"), FILE.to_string())
    }

    #[test]
    fn messages_values_attributes_and_comments_are_read() {
        let f = file();
        let ids: Vec<&str> = f.messages.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["hello", "pick", "long"]);
        let hello = &f.messages[0];
        assert_eq!(hello.value.as_deref(), Some("Hi { $name }"));
        assert_eq!(hello.line, 9);
        assert_eq!(hello.comment, "Says hello.\nVariables:\n$name (String)");
        assert_eq!(hello.attributes[0].name, "aliases");
        assert_eq!(hello.attributes[0].text, "hi, hello");
        assert_eq!(hello.attributes[0].line, 10);
        assert_eq!(
            &FILE[hello.span.clone()],
            "hello = Hi { $name }\n    .aliases = hi, hello"
        );
        assert_eq!(&FILE[hello.head.clone()], "hello = Hi { $name }");
        let pick = &f.messages[1];
        assert_eq!(
            pick.value.as_deref(),
            Some("{ $n ->\n    [one] one\n   *[other] many\n}")
        );
        assert_eq!(
            f.messages[2].value.as_deref(),
            Some("First\nsecond\n\n  third")
        );
    }

    #[test]
    fn rendered_text_reads_back_the_same_and_is_valid_fluent() {
        for text in [
            "One line",
            "{ $n ->\n    [one] one\n   *[other] many\n}",
            "First\nsecond\n\n  third",
        ] {
            let rendered = format!(
                "{}\n{}\n",
                render_value("m", text),
                render_attribute("a", text)
            );
            let f = FtlFile::parse("a.ftl", PathBuf::new(), rendered.clone());
            assert_eq!(f.messages[0].value.as_deref(), Some(text), "{rendered}");
            assert_eq!(f.messages[0].attributes[0].text, text, "{rendered}");
            let parsed = fluent_syntax::parser::parse(rendered.as_str());
            assert!(parsed.is_ok(), "{rendered}");
        }
    }

    #[test]
    fn a_spreadsheet_s_line_breaks_and_spaces_are_tidied() {
        assert_eq!(tidy("  a  \r\n  b\r\n\r\n"), "a\n  b");
    }
}
