//! A drawing as Graphviz DOT: one statement a line, the crisis interrupt and the legend as
//! clusters, every block and arrow with a `class` naming its mark or way.

use std::fmt::Write;

use super::{Block, Drawing, Mark, Pen, Way};

/// `text` as a DOT quoted string: backslashes and quotes escaped, each newline a centred line
/// break (`\n`).
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The attributes that draw a block with this mark.
fn look(mark: Mark) -> String {
    let (fill, line) = mark.colours();
    let shape = match mark {
        Mark::Step | Mark::Crisis => "shape=box, style=\"rounded,filled\"",
        Mark::Consent => "shape=hexagon, style=\"filled,bold\", penwidth=3",
        Mark::Queue => "shape=box3d, style=\"filled,bold\", penwidth=2",
        Mark::End => "shape=doubleoctagon, style=filled",
        Mark::AnyStep => "shape=note, style=\"filled,dashed\"",
    };
    format!("{shape}, fillcolor=\"{fill}\", color=\"{line}\"")
}

/// The attributes that draw an arrow taken this way.
fn pen(way: Way) -> String {
    let (colour, pen) = way.pen();
    let style = match pen {
        Pen::Solid => "solid",
        Pen::Dashed => "dashed",
        Pen::Dotted => "dotted",
    };
    // Arrows back to earlier steps would otherwise pull the steps out of reading order.
    let constraint = match way {
        Way::Change | Way::GaveUp => ", constraint=false",
        Way::Next | Way::Answer | Way::Branch | Way::Crisis => "",
    };
    format!("style={style}, color=\"{colour}\", fontcolor=\"{colour}\"{constraint}")
}

fn block(out: &mut String, indent: &str, b: &Block) {
    let _ = writeln!(
        out,
        "{indent}{} [class={}, label={}, {}];",
        quoted(&b.key),
        quoted(b.mark.class()),
        quoted(&b.lines().join("\n")),
        look(b.mark)
    );
}

/// The drawing in DOT.
pub fn render(d: &Drawing) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", quoted(&d.flow));
    let _ = writeln!(
        out,
        "  graph [label={}, labelloc=t, fontsize=20, rankdir=TB, fontname=\"Noto Sans\"];",
        quoted(&d.title())
    );
    let _ = writeln!(
        out,
        "  node [fontname=\"Noto Sans\", fontsize=11, margin=\"0.15,0.08\"];"
    );
    let _ = writeln!(out, "  edge [fontname=\"Noto Sans\", fontsize=10];");
    let _ = writeln!(
        out,
        "  \"start:\" [class=\"start\", label=\"start\", shape=circle, style=filled, fillcolor=\"#1f2937\", fontcolor=\"#ffffff\"];"
    );
    let _ = writeln!(
        out,
        "  \"start:\" -> {} [class=\"next\"];",
        quoted(&d.start)
    );
    for b in &d.steps {
        block(&mut out, "  ", b);
    }
    let _ = writeln!(out, "  subgraph cluster_crisis {{");
    let _ = writeln!(
        out,
        "    graph [label=\"Crisis interrupt: from any step\", style=\"dashed,rounded\", color=\"#b91c1c\", fontcolor=\"#b91c1c\"];"
    );
    for b in &d.crisis {
        block(&mut out, "    ", b);
    }
    let _ = writeln!(out, "  }}");
    for a in &d.arrows {
        let label = match a.labels.is_empty() {
            true => String::new(),
            false => format!(", label={}", quoted(&a.label_lines().join("\n"))),
        };
        let _ = writeln!(
            out,
            "  {} -> {} [class={}{label}, {}];",
            quoted(&a.from),
            quoted(&a.to),
            quoted(a.way.class()),
            pen(a.way)
        );
    }
    legend(&mut out);
    let _ = writeln!(out, "}}");
    out
}

/// The key: one sample block per mark and a line per way of drawing arrows.
fn legend(out: &mut String) {
    let _ = writeln!(out, "  subgraph cluster_legend {{");
    let _ = writeln!(
        out,
        "    graph [label=\"Legend\", style=rounded, color=\"#9ca3af\"];"
    );
    for m in Mark::ALL {
        let _ = writeln!(
            out,
            "    {} [class=\"legend\", label={}, {}];",
            quoted(&format!("legend:{}", m.class())),
            quoted(m.meaning()),
            look(m)
        );
    }
    let arrows: Vec<String> = Way::SHOWN.iter().map(|w| w.meaning().to_string()).collect();
    let _ = writeln!(
        out,
        "    \"legend:arrows\" [class=\"legend\", shape=plaintext, label={}];",
        quoted(&arrows.join("\n"))
    );
    let _ = writeln!(out, "  }}");
}
