//! The report's charts as SVG, drawn on the server with plotters, to be inlined in a page.
//!
//! What a strict Content-Security-Policy needs: no scripts and no `style` attributes or
//! elements, only SVG presentation attributes (`fill`, `stroke`, `font-size`, ...), which is
//! all plotters' SVG backend writes. Every label is escaped for XML (plotters escapes text and
//! attribute values; the title and description added here are escaped here). Each chart is
//! `role="img"` with an `aria-label`, a `<title>` and a `<desc>`; [`super::tables`] gives the
//! same numbers as a table to show beside it. With nothing to count, a chart says so instead.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::tables::duration;
use super::{Count, Figure, Published, Shown, ShownWait};

/// The weekly chart's title.
pub const WEEKLY_TITLE: &str = "Referrals per week, by need";
/// The wait chart's title.
pub const WAIT_TITLE: &str = "Wait from queueing to a prescriber's claim";
/// What a chart with nothing to count says.
pub const EMPTY_MESSAGE: &str = "No referrals to show for this period.";

/// Every chart's width in pixels (a page may scale it).
const WIDTH: u32 = 720;
const FONT: &str = "sans-serif";
/// Font sizes as plotters takes them (its SVG divides by 1.24).
const TITLE_PX: u32 = 22;
const LABEL_PX: u32 = 16;
/// Longer labels are cut (with "…") on the chart; the table has them whole.
const LABEL_CHARS: usize = 32;
/// Okabe-Ito's colours (told apart with the commonest colour blindness) and two of Tol's.
const PALETTE: [RGBColor; 10] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0xF0, 0xE4, 0x42),
    RGBColor(0x88, 0x22, 0x55),
    RGBColor(0x44, 0xAA, 0x99),
    RGBColor(0x99, 0x99, 0x99),
];

type Drawn = Result<(), Box<dyn std::error::Error>>;

/// Horizontal bars, one per name in the order given, each labelled with its count
/// (languages, sources, teams, outcomes); a suppressed count has no bar, only its label.
pub fn bars(title: &str, counts: &Shown) -> String {
    horizontal(title, None, &counts.0)
}

/// How many waited how long for a claim, with the median and 90th percentile in a note.
pub fn wait_histogram(wait: &ShownWait) -> String {
    let note = match (wait.median_s, wait.p90_s) {
        (Figure::Seconds(m), Figure::Seconds(p)) => Some(format!(
            "Median {}; 9 in 10 claimed within {}",
            duration(m),
            duration(p)
        )),
        (Figure::Missing | Figure::Few | Figure::Seconds(_), _) => None,
    };
    horizontal(WAIT_TITLE, note.as_deref(), &wait.buckets.0)
}

/// Stacked bars of referrals per week, one colour per need, with a legend; a referral counts
/// under each of its needs. Past ten needs, the smallest are drawn together as "other needs".
/// A suppressed cell is not drawn (the table shows it as `<5`), nor counted into "other needs".
pub fn weekly_by_need(report: &Published) -> String {
    let w = &report.weekly;
    let weeks = w.weeks.len();
    let named = if w.needs.len() > PALETTE.len() {
        PALETTE.len() - 1
    } else {
        w.needs.len()
    };
    let drawn =
        |counts: &[Count]| -> Vec<u64> { counts.iter().map(|c| c.exact().unwrap_or(0)).collect() };
    let mut series: Vec<(String, Vec<u64>)> = w.needs[..named]
        .iter()
        .map(|s| (s.need.clone(), drawn(&s.counts)))
        .collect();
    if w.needs.len() > named {
        let mut rest = vec![0u64; weeks];
        for s in &w.needs[named..] {
            rest.iter_mut()
                .zip(drawn(&s.counts))
                .for_each(|(r, c)| *r += c);
        }
        series.push(("other needs".to_string(), rest));
    }
    let tallest = (0..weeks)
        .map(|i| series.iter().filter_map(|(_, c)| c.get(i)).sum::<u64>())
        .max()
        .unwrap_or(0);
    if tallest == 0 {
        return empty(WEEKLY_TITLE);
    }
    let desc = format!(
        "Referrals over {weeks} weeks from {}, under each need (cells under 5 are not drawn): {}.",
        w.weeks.first().map(|d| d.to_string()).unwrap_or_default(),
        series
            .iter()
            .map(|(need, _)| need.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    document(WEEKLY_TITLE, &desc, (WIDTH, 400), |root| {
        let area = root.titled(WEEKLY_TITLE, (FONT, TITLE_PX))?;
        let (plot, legend) = area.split_horizontally(WIDTH - 170);
        // Week i is centred on x = i.
        let mut chart = ChartBuilder::on(&plot)
            .margin(10)
            .x_label_area_size(30)
            .y_label_area_size(50)
            .build_cartesian_2d(-0.5..weeks as f64 - 0.5, 0..headroom(tallest))?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .light_line_style(TRANSPARENT)
            .y_desc("Referrals (under each need)")
            .label_style((FONT, LABEL_PX))
            .draw()?;
        // Bars a sixth apart (at most 3 px) and no wider than 60 px.
        let slot = chart.backend_coord(&(0.5, 0)).0 - chart.backend_coord(&(-0.5, 0)).0;
        let gap = (slot / 6).clamp(0, 3).max((slot - 60) / 2) as u32;
        let mut base = vec![0u64; weeks];
        for (k, (_, counts)) in series.iter().enumerate() {
            let colour = PALETTE[k % PALETTE.len()];
            chart.draw_series(counts.iter().enumerate().filter(|(_, c)| **c > 0).map(
                |(i, c)| {
                    let from = base.get(i).copied().unwrap_or(0);
                    let x = i as f64;
                    let mut bar =
                        Rectangle::new([(x - 0.5, from), (x + 0.5, from + c)], colour.filled());
                    bar.set_margin(0, 0, gap, gap);
                    bar
                },
            ))?;
            base.iter_mut().zip(counts).for_each(|(b, c)| *b += c);
        }
        // Week labels under their bars, as many as fit (each about 60 px wide).
        let under =
            TextStyle::from((FONT, LABEL_PX).into_font()).pos(Pos::new(HPos::Center, VPos::Top));
        let every = usize::try_from((59 + slot) / slot.max(1)).map_or(1, |e| e.max(1));
        for (i, monday) in w.weeks.iter().enumerate().step_by(every) {
            let (x, y) = chart.backend_coord(&(i as f64, 0));
            let text = monday.format("%-d %b").to_string();
            root.draw(&Text::new(text, (x, y + 6), under.clone()))?;
        }
        let label =
            TextStyle::from((FONT, LABEL_PX).into_font()).pos(Pos::new(HPos::Left, VPos::Center));
        // Listed as stacked: the top of the bars first.
        for (k, (need, _)) in series.iter().enumerate().rev() {
            let y = 20 + 22 * (series.len() - 1 - k) as i32;
            let colour = PALETTE[k % PALETTE.len()];
            legend.draw(&Rectangle::new([(10, y), (24, y + 14)], colour.filled()))?;
            legend.draw(&Text::new(shorten(need), (30, y + 7), label.clone()))?;
        }
        Ok(())
    })
}

/// Horizontal bars in the order given, with an optional note under the title.
fn horizontal(title: &str, note: Option<&str>, counts: &[(String, Count)]) -> String {
    if counts.iter().all(|(_, n)| *n == Count::Exact(0)) {
        return empty(title);
    }
    let most = counts
        .iter()
        .filter_map(|(_, n)| n.exact())
        .max()
        .unwrap_or(0)
        .max(super::SHOWN_FROM);
    let rows = counts.len();
    let labels: Vec<String> = counts.iter().map(|(l, _)| shorten(l)).collect();
    let widest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let label_px = (widest as u32 * 7 + 14).min(260);
    let height = 90 + 28 * rows as u32 + if note.is_some() { 20 } else { 0 };
    let mut desc = summary(counts);
    if let Some(note) = note {
        desc = format!("{note}. {desc}");
    }
    document(title, &desc, (WIDTH, height), |root| {
        let mut area = root.titled(title, (FONT, TITLE_PX))?;
        if let Some(note) = note {
            area.draw(&Text::new(note.to_string(), (10, 0), (FONT, LABEL_PX)))?;
            area = area.margin(20, 0, 0, 0);
        }
        // Row i is centred on y = rows - 1 - i: the first name at the top.
        let mut chart = ChartBuilder::on(&area)
            .margin(10)
            .margin_right(50)
            .x_label_area_size(36)
            .y_label_area_size(label_px)
            .build_cartesian_2d(0..headroom(most), -0.5..rows as f64 - 0.5)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .light_line_style(TRANSPARENT)
            .x_desc("Referrals")
            .label_style((FONT, LABEL_PX))
            .draw()?;
        let centre = |i: usize| (rows - 1 - i) as f64;
        chart.draw_series(counts.iter().enumerate().map(|(i, (_, n))| {
            let mut bar = Rectangle::new(
                [(0, centre(i) - 0.5), (bar_end(*n), centre(i) + 0.5)],
                PALETTE[0].filled(),
            );
            bar.set_margin(4, 4, 0, 0);
            bar
        }))?;
        let after =
            TextStyle::from((FONT, LABEL_PX).into_font()).pos(Pos::new(HPos::Left, VPos::Center));
        chart.draw_series(counts.iter().enumerate().map(|(i, (_, n))| {
            EmptyElement::at((bar_end(*n), centre(i)))
                + Text::new(n.to_string(), (4, 0), after.clone())
        }))?;
        let before = after.pos(Pos::new(HPos::Right, VPos::Center));
        for (i, label) in labels.iter().enumerate() {
            let (x, y) = chart.backend_coord(&(0, centre(i)));
            root.draw(&Text::new(label.clone(), (x - 6, y), before.clone()))?;
        }
        Ok(())
    })
}

/// Where a count's bar ends: a suppressed one has none.
fn bar_end(n: Count) -> u64 {
    n.exact().unwrap_or(0)
}

/// An axis end a little past `most` (room for the count labels), never zero.
fn headroom(most: u64) -> u64 {
    most + most / 8 + 1
}

/// Draws a chart with `draw` and makes it accessible; a chart that cannot be drawn says so
/// (and the table beside it still has the numbers).
fn document(
    title: &str,
    desc: &str,
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Drawn,
) -> String {
    let mut svg = String::new();
    let drawn = {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        root.fill(&WHITE)
            .map_err(Into::into)
            .and_then(|()| draw(&root))
            .and_then(|()| root.present().map_err(Into::into))
    };
    match drawn {
        Ok(()) => accessible(&svg, title, desc),
        Err(e) => {
            tracing::warn!("the chart \"{title}\" could not be drawn: {e}");
            message(
                title,
                "This chart could not be drawn; the table has its numbers.",
            )
        }
    }
}

/// Adds `role="img"`, an `aria-label`, a `<title>` and a `<desc>` to plotters' `<svg>`.
fn accessible(svg: &str, title: &str, desc: &str) -> String {
    let Some(end) = svg.find('>') else {
        return message(title, EMPTY_MESSAGE);
    };
    let (head, rest) = svg.split_at(end);
    let title = escape(title);
    format!(
        "{head} role=\"img\" aria-label=\"{title}\">\n<title>{title}</title>\n<desc>{}</desc>{}",
        escape(desc),
        &rest[1..]
    )
}

/// The chart of nothing: its title and [`EMPTY_MESSAGE`].
fn empty(title: &str) -> String {
    message(title, EMPTY_MESSAGE)
}

/// A small SVG holding only a title and a message.
fn message(title: &str, text: &str) -> String {
    let (title, text) = (escape(title), escape(text));
    format!(
        "<svg width=\"{WIDTH}\" height=\"90\" viewBox=\"0 0 {WIDTH} 90\" \
         xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{title}\">\n\
         <title>{title}</title>\n<desc>{text}</desc>\n\
         <rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"90\" fill=\"#FFFFFF\"/>\n\
         <text x=\"{x}\" y=\"28\" text-anchor=\"middle\" font-family=\"{FONT}\" \
         font-size=\"18\" fill=\"#000000\">{title}</text>\n\
         <text x=\"{x}\" y=\"62\" text-anchor=\"middle\" font-family=\"{FONT}\" \
         font-size=\"14\" fill=\"#555555\">{text}</text>\n</svg>\n",
        x = WIDTH / 2
    )
}

/// The counts in words, for the chart's description.
fn summary(counts: &[(String, Count)]) -> String {
    let shown: Vec<String> = counts
        .iter()
        .take(12)
        .map(|(name, n)| format!("{name}: {n}"))
        .collect();
    let more = counts.len().saturating_sub(12);
    if more > 0 {
        format!("{}; and {more} more.", shown.join("; "))
    } else {
        format!("{}.", shown.join("; "))
    }
}

/// A label cut to [`LABEL_CHARS`] characters, without control characters (XML allows none).
fn shorten(label: &str) -> String {
    let clean: Vec<char> = label.chars().filter(|c| !c.is_control()).collect();
    if clean.len() <= LABEL_CHARS {
        return clean.into_iter().collect();
    }
    let mut cut: String = clean.into_iter().take(LABEL_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// Text made safe inside an XML element or a quoted attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
