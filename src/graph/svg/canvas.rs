//! A `layout-rs` render backend that writes our own SVG: blocks grouped with their full text
//! as a `<title>`, a class per mark and way, text escaped, right-to-left lines marked, edge
//! labels on top of the arrows, and the same bytes for the same drawing every time.

use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::StyleAttr;

use crate::graph::{Arrow, Block, Pen};

/// Pixels between lines of a block's text.
pub const LINE_HEIGHT: f64 = 16.0;
/// Pixels between lines of an arrow's label.
pub const LABEL_LINE_HEIGHT: f64 = 13.0;

/// `text` safe inside an XML element or attribute, without characters XML 1.0 forbids.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The attribute that draws a line with this pen.
pub fn dash(pen: Pen) -> &'static str {
    match pen {
        Pen::Solid => "",
        Pen::Dashed => " stroke-dasharray=\"6,4\"",
        Pen::Dotted => " stroke-dasharray=\"2,3\"",
    }
}

/// A number for SVG: one decimal place.
pub fn num(x: f64) -> String {
    format!("{x:.1}")
}

/// Whether a line's first letter with a direction is written right to left (Hebrew, Arabic,
/// Syriac, Thaana, N'Ko and their presentation forms).
pub fn starts_rtl(line: &str) -> bool {
    line.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

/// One `<text>` per line, centred on `x`, the lines centred on `y`.
pub fn text_lines(out: &mut String, x: f64, y: f64, lines: &[&str], step: f64, class: &str) {
    let top = y - step * (lines.len().saturating_sub(1)) as f64 / 2.0;
    for (i, line) in lines.iter().enumerate() {
        let dir = if starts_rtl(line) {
            " direction=\"rtl\""
        } else {
            ""
        };
        let class = if i == 0 && class == "text" {
            "heading"
        } else {
            class
        };
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" class=\"{class}\"{dir}>{}</text>\n",
            num(x),
            num(top + step * i as f64),
            xml(line)
        ));
    }
}

/// What `layout-rs` draws, collected as SVG.
pub struct Canvas<'a> {
    blocks: &'a [&'a Block],
    arrows: &'a [Arrow],
    body: String,
    labels: String,
    open: bool,
    /// The smallest and largest points drawn on.
    pub min: Point,
    /// See `min`.
    pub max: Point,
}

impl<'a> Canvas<'a> {
    /// A canvas for these blocks and arrows, which `layout-rs` names by index in its
    /// properties (`b3`, `a7`).
    pub fn new(blocks: &'a [&'a Block], arrows: &'a [Arrow]) -> Self {
        Canvas {
            blocks,
            arrows,
            body: String::new(),
            labels: String::new(),
            open: false,
            min: Point::new(f64::MAX, f64::MAX),
            max: Point::new(f64::MIN, f64::MIN),
        }
    }

    /// The drawing: blocks, then arrows, then the arrows' labels on top.
    pub fn finish(self) -> String {
        self.body + &self.labels
    }

    fn grow(&mut self, p: Point) {
        self.min = Point::new(self.min.x.min(p.x), self.min.y.min(p.y));
        self.max = Point::new(self.max.x.max(p.x), self.max.y.max(p.y));
    }

    fn indexed<'b, T>(props: &Option<String>, prefix: char, of: &'b [T]) -> Option<&'b T> {
        let p = props.as_deref()?;
        of.get(p.strip_prefix(prefix)?.parse::<usize>().ok()?)
    }
}

impl RenderBackend for Canvas<'_> {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        _look: &StyleAttr,
        properties: Option<String>,
        _clip: Option<ClipHandle>,
    ) {
        let Some(block) = Self::indexed(&properties, 'b', self.blocks) else {
            return;
        };
        self.grow(xy);
        self.grow(Point::new(xy.x + size.x, xy.y + size.y));
        let (fill, line) = block.mark.colours();
        let title: Vec<String> = block.lines();
        self.body.push_str(&format!(
            "<g class=\"block {}\" data-key=\"{}\" data-kind=\"{}\">\n<title>{}</title>\n<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\" fill=\"{fill}\" stroke=\"{line}\"/>\n",
            block.mark.class(),
            xml(&block.key),
            xml(&block.kind),
            xml(&title.join(" ")),
            num(xy.x),
            num(xy.y),
            num(size.x),
            num(size.y),
        ));
        self.open = true;
    }

    fn draw_line(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}

    fn draw_circle(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}

    fn draw_text(&mut self, xy: Point, text: &str, _look: &StyleAttr) {
        let lines: Vec<&str> = text.lines().collect();
        if self.open {
            text_lines(&mut self.body, xy.x, xy.y, &lines, LINE_HEIGHT, "text");
            self.body.push_str("</g>\n");
            self.open = false;
        } else {
            // An arrow's label: coloured as its arrow (found by its words, as `layout-rs`
            // draws labels apart from their arrows).
            let colour = self
                .arrows
                .iter()
                .find(|a| a.label_lines().join("\n") == text)
                .map_or("#1f2937", |a| a.way.pen().0);
            self.labels
                .push_str(&format!("<g class=\"label\" fill=\"{colour}\">\n"));
            text_lines(
                &mut self.labels,
                xy.x,
                xy.y,
                &lines,
                LABEL_LINE_HEIGHT,
                "label",
            );
            self.labels.push_str("</g>\n");
        }
    }

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        _dashed: bool,
        head: (bool, bool),
        _look: &StyleAttr,
        properties: Option<String>,
        _text: &str,
    ) {
        let Some(arrow) = Self::indexed(&properties, 'a', self.arrows) else {
            return;
        };
        let (Some(first), Some(second)) = (path.first(), path.get(1)) else {
            return;
        };
        for (a, b) in path {
            self.grow(*a);
            self.grow(*b);
        }
        let p = |pt: &Point| format!("{} {}", num(pt.x), num(pt.y));
        let mut d = format!(
            "M {} C {}, {}, {}",
            p(&first.0),
            p(&first.1),
            p(&second.0),
            p(&second.1)
        );
        for (a, b) in path.iter().skip(2) {
            d.push_str(&format!(" S {}, {}", p(a), p(b)));
        }
        let (colour, pen) = arrow.way.pen();
        let dash = dash(pen);
        // An arrow back to an earlier block is laid out reversed, its head at the start.
        let way = arrow.way.class();
        let mut heads = String::new();
        if head.0 {
            heads.push_str(&format!(" marker-start=\"url(#tail-{way})\""));
        }
        if head.1 {
            heads.push_str(&format!(" marker-end=\"url(#head-{way})\""));
        }
        self.body.push_str(&format!(
            "<path class=\"arrow {way}\" data-from=\"{}\" data-to=\"{}\" d=\"{d}\" stroke=\"{colour}\"{dash}{heads}/>\n",
            xml(&arrow.from),
            xml(&arrow.to),
        ));
    }

    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}
