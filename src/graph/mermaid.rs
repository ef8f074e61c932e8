//! A drawing as a Mermaid flowchart (top down): blocks named `n0`, `n1`... in order, each
//! with its id in its label (Mermaid wraps the words); the crisis interrupt and the legend as subgraphs; marks as classes.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{Block, Drawing, Mark, Pen, Way};

/// `text` inside a Mermaid quoted label: characters Mermaid or HTML would read as markup
/// written as entity codes (`#quot;`, `#lt;`...), each newline a `<br>`.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A mark's class name as Mermaid reads it: no `-`, and never a keyword such as `end`
/// (`mark_end`, `mark_any_step`).
fn class(mark: Mark) -> String {
    format!("mark_{}", mark.class().replace('-', "_"))
}

/// The label in the brackets that give a block with this mark its shape.
fn shaped(mark: Mark, label: &str) -> String {
    let label = quoted(label);
    match mark {
        Mark::Step | Mark::Crisis => format!("[{label}]"),
        Mark::Consent => format!("{{{{{label}}}}}"),
        Mark::Queue => format!("[[{label}]]"),
        Mark::End => format!("([{label}])"),
        Mark::AnyStep => format!(">{label}]"),
    }
}

fn block(out: &mut String, indent: &str, name: &str, b: &Block) {
    let _ = writeln!(
        out,
        "{indent}{name}{}:::{}",
        shaped(b.mark, &b.paragraphs().join("\n")),
        class(b.mark)
    );
}

/// The drawing as a Mermaid flowchart.
pub fn render(d: &Drawing) -> String {
    let names: BTreeMap<&str, String> = d
        .boxes()
        .enumerate()
        .map(|(i, b)| (b.key.as_str(), format!("n{i}")))
        .collect();
    let name = |key: &str| names.get(key).cloned().unwrap_or_default();
    let mut out = String::new();
    // A JSON string is a YAML double-quoted scalar: a flow id with `:` or `#` cannot break it.
    let title = serde_json::to_string(&d.title()).unwrap_or_default();
    let _ = writeln!(out, "---\ntitle: {title}\n---");
    let _ = writeln!(out, "flowchart TD");
    let _ = writeln!(out, "  start((start)) --> {}", name(&d.start));
    for b in &d.steps {
        block(&mut out, "  ", &name(&b.key), b);
    }
    let _ = writeln!(
        out,
        "  subgraph crisis [\"Crisis interrupt: from any step\"]"
    );
    for b in &d.crisis {
        block(&mut out, "    ", &name(&b.key), b);
    }
    let _ = writeln!(out, "  end");
    let mut styles = Vec::new();
    for (i, a) in d.arrows.iter().enumerate() {
        let line = match a.way.pen().1 {
            Pen::Solid => "-->",
            Pen::Dashed | Pen::Dotted => "-.->",
        };
        let label = match a.labels.is_empty() {
            true => String::new(),
            false => format!("|{}|", quoted(&a.label_lines().join("\n"))),
        };
        let _ = writeln!(out, "  {} {line}{label} {}", name(&a.from), name(&a.to));
        if a.way != Way::Next && a.way != Way::Answer {
            // The start arrow is link 0.
            styles.push(format!("  linkStyle {} stroke:{}", i + 1, a.way.pen().0));
        }
    }
    legend(&mut out);
    for s in styles {
        let _ = writeln!(out, "{s}");
    }
    for m in Mark::ALL {
        let (fill, line) = m.colours();
        let _ = writeln!(
            out,
            "  classDef {} fill:{fill},stroke:{line},stroke-width:{}px",
            class(m),
            match m {
                Mark::Consent => 3,
                Mark::Queue | Mark::Crisis => 2,
                Mark::Step | Mark::End | Mark::AnyStep => 1,
            }
        );
    }
    out
}

/// The key: one sample block per mark and a note on the arrows.
fn legend(out: &mut String) {
    let _ = writeln!(out, "  subgraph legend [\"Legend\"]");
    for m in Mark::ALL {
        let _ = writeln!(
            out,
            "    legend_{}{}:::{}",
            m.class().replace('-', "_"),
            shaped(m, m.meaning()),
            class(m)
        );
    }
    let arrows: Vec<&str> = Way::SHOWN.iter().map(|w| w.meaning()).collect();
    let _ = writeln!(out, "    legend_arrows[{}]", quoted(&arrows.join("\n")));
    let _ = writeln!(out, "  end");
}
