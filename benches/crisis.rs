//! The crisis detector on every message it sees: all eight languages' rules at once. Prints the
//! median, p99 and max over every labelled message (each timed 50 times) and over messages of
//! 10,000 characters built to be hard (many near-matches), then lets criterion measure three.
//!
//! Run: `cargo bench --bench crisis`.

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use signpost::content::Content;
use signpost::crisis::report;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// A message of at least `chars` characters made of `piece` repeated.
fn long(piece: &str, chars: usize) -> String {
    let mut s = String::new();
    while s.chars().count() < chars {
        s.push_str(piece);
    }
    s
}

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (content, _) = Content::load(root).expect("bundled content loads");
    let content = Arc::new(content);
    let detector = &content.crisis.detector;

    let mut messages = Vec::new();
    let sets = root.join("tests/fixtures/crisis");
    let mut parts: Vec<_> = std::fs::read_dir(&sets)
        .expect("labelled sets")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    parts.sort();
    for dir in parts {
        for (_, _, cases) in report::load_set(&dir).expect("labelled set") {
            messages.extend(cases.into_iter().map(|c| c.text));
        }
    }
    let mut times = Vec::with_capacity(messages.len() * 50);
    for _ in 0..50 {
        for m in &messages {
            let t = Instant::now();
            black_box(detector.detect(black_box(m)));
            times.push(t.elapsed());
        }
    }
    times.sort();
    println!(
        "detect, {} labelled messages in 8 languages x 50: median {:.1} µs, p99 {:.1} µs, max {:.1} µs",
        messages.len(),
        micros(percentile(&times, 0.5)),
        micros(percentile(&times, 0.99)),
        micros(*times.last().expect("timed"))
    );

    let hard = [
        (
            "English prose",
            long(
                "I have been looking after my mum since March and the council said they would call back. ",
                10_000,
            ),
        ),
        (
            "English near-misses",
            long(
                "my mum will kill me if i fail, dying of laughter, i want to go to the bridge club tonight with my pills ",
                10_000,
            ),
        ),
        (
            "Bengali",
            long("আমি খুব একা বোধ করি, আমার বাড়ি ভাড়া বাকি আছে আর কাজ নেই। ", 10_000),
        ),
        (
            "Arabizi",
            long("ana ta3ban w bade sa3de 3ashan el ijar ", 10_000),
        ),
        (
            "Chinese",
            long("我最近很累，笑死我了，想死你了，房租也交不起。", 10_000),
        ),
        ("one word repeated", long("die ", 10_000)),
        (
            "crisis at the very end",
            format!(
                "{} i want to kill myself",
                long("ordinary words here ", 10_000)
            ),
        ),
    ];
    for (name, text) in &hard {
        let mut t = Vec::new();
        for _ in 0..20 {
            let start = Instant::now();
            black_box(detector.detect(black_box(text)));
            t.push(start.elapsed());
        }
        t.sort();
        println!(
            "detect, {} chars, {name}: median {:.0} µs, max {:.0} µs",
            text.chars().count(),
            micros(percentile(&t, 0.5)),
            micros(*t.last().expect("timed"))
        );
    }

    c.bench_function("detect: English crisis message", |b| {
        b.iter(|| {
            detector.detect(black_box(
                "honestly i cant do this anymore, saved up my tablets for tonight",
            ))
        })
    });
    c.bench_function("detect: Bengali ordinary message", |b| {
        b.iter(|| detector.detect(black_box("আমার বাড়ি ভাড়া বাকি, কাজও নেই, খুব একা লাগে")))
    });
    let ten_k = &hard[0].1;
    c.bench_function("detect: 10,000 characters of English prose", |b| {
        b.iter(|| detector.detect(black_box(ten_k)))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
