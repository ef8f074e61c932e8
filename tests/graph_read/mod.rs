//! Reading `signpost graph`'s output back for the tests: DOT and Mermaid parsed into blocks
//! and labelled arrows, SVG through an XML parser.

use std::collections::{BTreeMap, BTreeSet};

use regex::Regex;

/// A drawing read back from its text: blocks by key (class, label lines joined by spaces),
/// arrows, and the keys inside the crisis cluster with the cluster's label.
#[derive(Debug, Default)]
pub struct Parsed {
    pub blocks: BTreeMap<String, (String, String)>,
    pub arrows: Vec<Edge>,
    pub crisis: BTreeSet<String>,
    pub crisis_label: String,
}

#[derive(Debug)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub labels: Vec<String>,
    /// DOT: its class; Mermaid: `solid` or `dotted`.
    pub style: String,
}

impl Parsed {
    pub fn block(&self, key: &str) -> &(String, String) {
        self.blocks
            .get(key)
            .unwrap_or_else(|| panic!("no block {key}: {:#?}", self.blocks.keys()))
    }

    pub fn edges(&self, from: &str, to: &str) -> Vec<&Edge> {
        self.arrows
            .iter()
            .filter(|e| e.from == from && e.to == to)
            .collect()
    }

    /// The one arrow between two blocks that carries `label`.
    pub fn edge(&self, from: &str, to: &str, label: &str) -> &Edge {
        let all = self.edges(from, to);
        all.iter()
            .copied()
            .find(|e| e.labels.iter().any(|l| l == label))
            .unwrap_or_else(|| panic!("no arrow {from} -> {to} labelled {label:?}: {all:#?}"))
    }
}

/// Splits a DOT line into tokens: quoted strings (unescaped, marked by a leading '"'), words
/// and punctuation.
fn dot_tokens(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                let mut s = String::from("\"");
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => match chars.next() {
                            Some('n') => s.push('\n'),
                            Some(other) => s.push(other),
                            None => {}
                        },
                        '"' => break,
                        c => s.push(c),
                    }
                }
                out.push(s);
            }
            '-' if chars.peek() == Some(&'>') => {
                chars.next();
                out.push("->".into());
            }
            c if c.is_whitespace() => {}
            '[' | ']' | '=' | ',' | ';' | '{' | '}' => out.push(c.to_string()),
            c => {
                let mut w = c.to_string();
                while let Some(&n) = chars.peek() {
                    if n.is_alphanumeric() || n == '_' || n == '.' || n == '#' {
                        w.push(n);
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push(w);
            }
        }
    }
    out
}

fn unquote(t: &str) -> String {
    t.strip_prefix('"').unwrap_or(t).to_string()
}

/// `name=value` pairs after a `[`.
fn dot_attrs(tokens: &[String]) -> BTreeMap<String, String> {
    let mut attrs = BTreeMap::new();
    let mut i = 0;
    while i + 2 < tokens.len() {
        if tokens[i + 1] == "=" {
            attrs.insert(tokens[i].clone(), unquote(&tokens[i + 2]));
            i += 3;
        } else {
            i += 1;
        }
    }
    attrs
}

pub fn parse_dot(text: &str) -> Parsed {
    let mut p = Parsed::default();
    let mut in_crisis = false;
    for line in text.lines() {
        let t = dot_tokens(line);
        if t.first().is_some_and(|w| w == "subgraph") {
            in_crisis = t.get(1).is_some_and(|w| w == "cluster_crisis");
            continue;
        }
        if t.first().is_some_and(|w| w == "}") {
            in_crisis = false;
            continue;
        }
        if in_crisis && t.first().is_some_and(|w| w == "graph") {
            p.crisis_label = dot_attrs(&t)["label"].clone();
            continue;
        }
        let Some(first) = t.first().filter(|f| f.starts_with('"')) else {
            continue;
        };
        if t.get(1).is_some_and(|w| w == "->") {
            let attrs = dot_attrs(&t[3..]);
            p.arrows.push(Edge {
                from: unquote(first),
                to: unquote(&t[2]),
                labels: attrs
                    .get("label")
                    .map(|l| l.lines().map(str::to_string).collect())
                    .unwrap_or_default(),
                style: attrs["class"].clone(),
            });
        } else {
            let attrs = dot_attrs(&t[1..]);
            let key = unquote(first);
            if in_crisis {
                p.crisis.insert(key.clone());
            }
            let label = attrs["label"].lines().collect::<Vec<_>>().join(" ");
            p.blocks.insert(key, (attrs["class"].clone(), label));
        }
    }
    p
}

/// A Mermaid label's text: entity codes and `<br>` read back.
fn mermaid_text(label: &str) -> String {
    let re = Regex::new(r"#(quot|lt|gt|amp|\d+);|<br>").expect("regex");
    re.replace_all(label, |c: &regex::Captures| {
        match c.get(1).map(|m| m.as_str()) {
            Some("quot") => "\"".to_string(),
            Some("lt") => "<".to_string(),
            Some("gt") => ">".to_string(),
            Some("amp") => "&".to_string(),
            Some(n) => char::from_u32(n.parse().expect("code"))
                .expect("char")
                .to_string(),
            None => "\n".to_string(),
        }
    })
    .into_owned()
}

pub fn parse_mermaid(text: &str) -> Parsed {
    let node =
        Regex::new(r#"^\s*(n\d+)(?:\[\[|\{\{|\(\[|\[|>)"([^"]*)"(?:\]\]|\}\}|\]\)|\]):::(\w+)$"#)
            .expect("regex");
    let edge = Regex::new(r#"^\s*(\w+) (-->|-\.->)(?:\|"([^"]*)"\|)? (\w+)$"#).expect("regex");
    let crisis = Regex::new(r#"^\s*subgraph crisis \["([^"]*)"\]$"#).expect("regex");
    let mut p = Parsed::default();
    let mut keys: BTreeMap<String, String> = BTreeMap::new();
    let mut in_crisis = false;
    for line in text.lines() {
        if let Some(c) = crisis.captures(line) {
            in_crisis = true;
            p.crisis_label = c[1].to_string();
        } else if line.trim() == "end" {
            in_crisis = false;
        } else if let Some(c) = node.captures(line) {
            let label = mermaid_text(&c[2]);
            let key = label.split(" · ").next().expect("heading").to_string();
            keys.insert(c[1].to_string(), key.clone());
            if in_crisis {
                p.crisis.insert(key.clone());
            }
            let flat = label.lines().collect::<Vec<_>>().join(" ");
            let class = c[3].trim_start_matches("mark_").replace('_', "-");
            p.blocks.insert(key, (class, flat));
        } else if let Some(c) = edge.captures(line) {
            p.arrows.push(Edge {
                from: c[1].to_string(),
                to: c[4].to_string(),
                labels: c
                    .get(3)
                    .map(|l| {
                        mermaid_text(l.as_str())
                            .lines()
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default(),
                style: if &c[2] == "-->" { "solid" } else { "dotted" }.to_string(),
            });
        }
    }
    for e in &mut p.arrows {
        for end in [&mut e.from, &mut e.to] {
            if let Some(k) = keys.get(end.as_str()) {
                *end = k.clone();
            }
        }
    }
    p
}

/// An SVG document read back with an XML parser (which fails on anything malformed): each
/// block's key, class and title, the arrows' ends and classes, and every text drawn.
pub struct Svg {
    pub blocks: BTreeMap<String, (String, String)>,
    pub arrows: Vec<(String, String, String)>,
    pub texts: Vec<(String, String)>,
    pub root_lang: String,
}

pub fn parse_svg(text: &str) -> Svg {
    use quick_xml::XmlVersion::Implicit1_0 as XML;
    use quick_xml::events::{BytesStart, Event};
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut svg = Svg {
        blocks: BTreeMap::new(),
        arrows: Vec::new(),
        texts: Vec::new(),
        root_lang: String::new(),
    };
    // Open elements: name, attributes, text so far.
    let mut stack: Vec<(String, BTreeMap<String, String>, String)> = Vec::new();
    let mut block: Option<String> = None;
    let attrs = |e: &BytesStart| -> BTreeMap<String, String> {
        e.attributes()
            .map(|a| {
                let a = a.expect("attribute");
                let value = a.normalized_value(XML).expect("value").into_owned();
                (a.key.as_ref().to_string(), value)
            })
            .collect()
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let name = e.name().as_ref().to_string();
                let a = attrs(&e);
                if name == "svg" {
                    svg.root_lang = a.get("lang").cloned().unwrap_or_default();
                }
                if name == "g" && a.get("class").is_some_and(|c| c.starts_with("block ")) {
                    let key = a["data-key"].clone();
                    let class = a["class"].trim_start_matches("block ").to_string();
                    svg.blocks.insert(key.clone(), (class, String::new()));
                    block = Some(key);
                }
                stack.push((name, a, String::new()));
            }
            Event::Empty(e) => {
                let a = attrs(&e);
                if e.name().as_ref() == "path" && a.contains_key("data-from") {
                    svg.arrows.push((
                        a["data-from"].clone(),
                        a["data-to"].clone(),
                        a["class"].clone(),
                    ));
                }
            }
            Event::Text(t) => {
                if let Some(open) = stack.last_mut() {
                    open.2.push_str(&t.xml_content(XML));
                }
            }
            Event::GeneralRef(r) => {
                let c = match &*r {
                    "lt" => '<',
                    "gt" => '>',
                    "amp" => '&',
                    "quot" => '"',
                    "apos" => '\'',
                    _ => r
                        .resolve_char_ref()
                        .expect("a character reference")
                        .unwrap_or_else(|| panic!("unknown entity &{};", &*r)),
                };
                if let Some(open) = stack.last_mut() {
                    open.2.push(c);
                }
            }
            Event::End(_) => {
                let (name, a, text) = stack.pop().expect("an open element");
                match name.as_str() {
                    "title" => {
                        if let Some(b) = block.as_ref().and_then(|k| svg.blocks.get_mut(k)) {
                            b.1 = text;
                        }
                    }
                    "text" => svg
                        .texts
                        .push((a.get("class").cloned().unwrap_or_default(), text)),
                    "g" => block = None,
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
    svg
}
