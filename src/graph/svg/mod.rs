//! A drawing as an SVG picture, laid out by `layout-rs` in Rust (no Graphviz needed), with a
//! title and a legend. The same drawing gives the same bytes every time.

mod canvas;

use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::geometry::Point;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::shapes::{Arrow as Line, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;

use canvas::{Canvas, LINE_HEIGHT, dash, num, text_lines, xml};

use super::{Block, Drawing, Mark, Way};

/// Pixels a character of a block's text takes, on average.
const CHAR_WIDTH: f64 = 7.4;
/// Pixels `layout-rs` leaves for each character (and each line) of an arrow's label: a little
/// more than the 10px font's average character takes.
const LABEL_FONT: usize = 8;
/// Room around the picture.
const MARGIN: f64 = 20.0;
/// Room above the picture for the title.
const TITLE_HEIGHT: f64 = 40.0;
/// Height of one row of the legend.
const LEGEND_ROW: f64 = 22.0;

/// The styles every picture uses.
const STYLE: &str = "text { font-family: 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; \
text-anchor: middle; dominant-baseline: middle; fill: #111827; }\n\
text.heading { font-size: 12px; font-weight: bold; fill: #374151; }\n\
text.text { font-size: 12px; }\n\
text.label { font-size: 10px; fill: inherit; paint-order: stroke; stroke: #ffffff; \
stroke-width: 4px; stroke-linejoin: round; }\n\
text.title { font-size: 18px; font-weight: bold; text-anchor: start; }\n\
text.legend { font-size: 12px; text-anchor: start; }\n\
path.arrow { fill: none; stroke-width: 1.5; }\n\
rect { stroke-width: 1.5; }\n\
g.consent rect { stroke-width: 4; }\n\
g.queue rect, g.crisis rect { stroke-width: 2.5; }\n\
g.end rect { stroke-width: 3; stroke-dasharray: 8,2; }\n\
g.any-step rect { stroke-dasharray: 5,3; }\n";

/// The size of a block holding these lines.
fn size_of(lines: &[String]) -> Point {
    let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(1);
    Point::new(
        widest as f64 * CHAR_WIDTH + 24.0,
        lines.len() as f64 * LINE_HEIGHT + 14.0,
    )
}

/// The drawing as an SVG document.
pub fn render(d: &Drawing) -> String {
    let blocks: Vec<&Block> = d.boxes().collect();
    let mut graph = VisualGraph::new(Orientation::TopToBottom);
    let handles: Vec<_> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let lines = b.lines();
            let look = StyleAttr::new(Color::fast("black"), 1, None, 6, 12);
            graph.add_node(Element::create_with_properties(
                ShapeKind::Box(lines.join("\n")),
                look,
                Orientation::TopToBottom,
                size_of(&lines),
                format!("b{i}"),
            ))
        })
        .collect();
    let handle = |key: &str| blocks.iter().position(|b| b.key == key).map(|i| handles[i]);
    for (i, a) in d.arrows.iter().enumerate() {
        let (Some(from), Some(to)) = (handle(&a.from), handle(&a.to)) else {
            continue;
        };
        // Only the font size is used: it sizes the label's room.
        let look = StyleAttr::new(Color::fast("black"), 1, None, 0, LABEL_FONT);
        let mut line = Line::new(
            LineEndKind::None,
            LineEndKind::Arrow,
            LineStyleKind::Normal,
            &a.label_lines().join("\n"),
            &look,
            &None,
            &None,
        );
        line.properties = Some(format!("a{i}"));
        graph.add_edge(line, from, to);
    }
    let mut canvas = Canvas::new(&blocks, &d.arrows);
    graph.do_it(false, false, false, &mut canvas);
    let (min, max) = (canvas.min, canvas.max);
    let body = canvas.finish();
    let graph_width = (max.x - min.x).max(0.0);
    let graph_height = (max.y - min.y).max(0.0);
    let legend_top = TITLE_HEIGHT + graph_height + 2.0 * MARGIN;
    let legend_rows = Mark::ALL.len() + Way::SHOWN.len() + 1;
    let width = (graph_width + 2.0 * MARGIN).max(560.0);
    let height = legend_top + legend_rows as f64 * LEGEND_ROW + MARGIN;
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" lang=\"{}\">\n",
        xml(&d.lang),
        w = num(width),
        h = num(height),
    ));
    out.push_str(&format!("<title>{}</title>\n", xml(&d.title())));
    out.push_str(&format!("<style>\n{STYLE}</style>\n"));
    defs(&mut out);
    out.push_str(&format!(
        "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n<text x=\"{}\" y=\"{}\" class=\"title\">{}</text>\n",
        num(MARGIN),
        num(MARGIN + 4.0),
        xml(&d.title())
    ));
    out.push_str(&format!(
        "<g transform=\"translate({} {})\">\n{body}</g>\n",
        num(MARGIN - min.x),
        num(TITLE_HEIGHT + MARGIN - min.y)
    ));
    legend(&mut out, legend_top);
    out.push_str("</svg>\n");
    out
}

/// Arrow heads, one pair per way of drawing arrows, in its colour.
fn defs(out: &mut String) {
    out.push_str("<defs>\n");
    for way in Way::ALL {
        let colour = way.pen().0;
        let class = way.class();
        out.push_str(&format!(
            "<marker id=\"head-{class}\" markerWidth=\"10\" markerHeight=\"7\" refX=\"10\" refY=\"3.5\" orient=\"auto\"><polygon points=\"0 0, 10 3.5, 0 7\" fill=\"{colour}\"/></marker>\n\
<marker id=\"tail-{class}\" markerWidth=\"10\" markerHeight=\"7\" refX=\"0\" refY=\"3.5\" orient=\"auto\"><polygon points=\"10 0, 10 7, 0 3.5\" fill=\"{colour}\"/></marker>\n"
        ));
    }
    out.push_str("</defs>\n");
}

/// The key below the picture: a sample block per mark, a sample line per way of drawing arrows.
fn legend(out: &mut String, top: f64) {
    out.push_str("<g class=\"legend\">\n");
    text_lines(out, MARGIN, top, &["Legend"], LINE_HEIGHT, "legend");
    let mut y = top + LEGEND_ROW;
    for m in Mark::ALL {
        let (fill, line) = m.colours();
        out.push_str(&format!(
            "<g class=\"{}\"><rect x=\"{}\" y=\"{}\" width=\"28\" height=\"14\" rx=\"3\" fill=\"{fill}\" stroke=\"{line}\"/></g>\n",
            m.class(),
            num(MARGIN),
            num(y - 7.0)
        ));
        text_lines(out, MARGIN + 40.0, y, &[m.meaning()], LINE_HEIGHT, "legend");
        y += LEGEND_ROW;
    }
    for w in Way::SHOWN {
        let (colour, pen) = w.pen();
        let dash = dash(pen);
        out.push_str(&format!(
            "<path class=\"arrow {}\" d=\"M {} {} H {}\" stroke=\"{colour}\"{dash} marker-end=\"url(#head-{})\"/>\n",
            w.class(),
            num(MARGIN),
            num(y),
            num(MARGIN + 28.0),
            w.class()
        ));
        text_lines(out, MARGIN + 40.0, y, &[w.meaning()], LINE_HEIGHT, "legend");
        y += LEGEND_ROW;
    }
    out.push_str("</g>\n");
}
