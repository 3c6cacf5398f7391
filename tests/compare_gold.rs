//! Sentence alignment against hand-made gold alignments (`tests/data/compare/*.gold.tsv`):
//! precision and recall at the chosen threshold, and the sweep that chose it.

use std::collections::BTreeSet;
use std::path::Path;

use slant::compare::align::{self, THRESHOLD};
use slant::import::import_file;
use slant::segment;

struct Case {
    gold: BTreeSet<(usize, usize)>,
    a: (String, Vec<slant::model::Span>),
    b: (String, Vec<slant::model::Span>),
}

fn data(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn case(a: &str, b: &str, gold: &str) -> Case {
    let read = |name: &str| {
        let text = import_file(&data(name)).unwrap().text;
        let spans = segment::split(&text);
        (text, spans)
    };
    let gold = std::fs::read_to_string(data(gold))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("a\t") && !l.trim().is_empty())
        .map(|l| {
            let (a, b) = l.split_once('\t').unwrap();
            (
                a.parse::<usize>().unwrap() - 1,
                b.parse::<usize>().unwrap() - 1,
            )
        })
        .collect();
    Case {
        gold,
        a: read(a),
        b: read(b),
    }
}

fn cases() -> Vec<Case> {
    vec![case(
        "article_maralago_meeting.txt",
        "article_nbc_netanyahu_urges.txt",
        "compare/maralago_nbc.gold.tsv",
    )]
}

/// (true positives, found, gold) over every case at `threshold`.
fn counts(cases: &[Case], threshold: f32) -> (usize, usize, usize) {
    let (mut tp, mut found, mut gold) = (0, 0, 0);
    for c in cases {
        let got: BTreeSet<(usize, usize)> = align::align(&c.a.0, &c.a.1, &c.b.0, &c.b.1, threshold)
            .into_iter()
            .map(|p| (p.a, p.b))
            .collect();
        tp += got.intersection(&c.gold).count();
        found += got.len();
        gold += c.gold.len();
    }
    (tp, found, gold)
}

#[test]
fn precision_and_recall_on_the_gold_alignments() {
    let cases = cases();
    println!("threshold  precision  recall  F1");
    for t in [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5] {
        let (tp, found, gold) = counts(&cases, t);
        let p = tp as f64 / found.max(1) as f64;
        let r = tp as f64 / gold as f64;
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        println!("{t:>9.2}  {p:>9.2}  {r:>6.2}  {f1:.2}");
    }
    let (tp, found, gold) = counts(&cases, THRESHOLD);
    let (p, r) = (tp as f64 / found as f64, tp as f64 / gold as f64);
    println!(
        "at {THRESHOLD}: {tp} of {found} found pairs are gold (precision {p:.2}), {tp} of {gold} gold pairs found (recall {r:.2})"
    );
    // Measured 0.57 and 0.36 on the sample pair; these guard against getting worse.
    assert!(p >= 0.5, "precision {p:.2}");
    assert!(r >= 0.3, "recall {r:.2}");
}
