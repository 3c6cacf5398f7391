//! Precision and recall of the cue engine per cue kind, and how often the suggested tag is the
//! reviewer's, on two hand-labelled sets: `cues_eval.tsv` (the first 50 sentences, which the
//! engine was tuned on) and `cues_heldout.tsv` (117 sentences labelled before the engine ever saw
//! them; its first-run figures are in the README, and the lists grew from its misses, so it is no
//! longer blind). `cargo test --test cues_eval -- --nocapture` prints the figures;
//! `SHOW_MISSES=1` lists every miss and false alarm.

use std::collections::BTreeMap;

use slant_core::cues::{self, CueKind, Lexicons};
use slant_core::model::{Span, Tag};

struct Case {
    sentence: String,
    cues: Vec<(String, String)>,
    tag: Option<Tag>,
}

fn cases(tsv: &str) -> Vec<Case> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 3, "{line}");
            let cues = cols[1]
                .split(" | ")
                .filter(|c| !c.is_empty())
                .map(|c| {
                    let (kind, text) = c.split_once(':').unwrap();
                    assert!(cols[0].contains(text), "{text:?} is not in {:?}", cols[0]);
                    (kind.to_owned(), text.to_owned())
                })
                .collect();
            let tag = Tag::from_key(cols[2]);
            assert!(tag.is_some(), "unknown tag in {line}");
            Case {
                sentence: cols[0].to_owned(),
                cues,
                tag,
            }
        })
        .collect()
}

/// True positives, cues found, cues expected.
#[derive(Default, Clone, Copy)]
struct Counts {
    hits: usize,
    found: usize,
    expected: usize,
}

impl Counts {
    fn precision(self) -> f64 {
        ratio(self.hits, self.found)
    }
    fn recall(self) -> f64 {
        ratio(self.hits, self.expected)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

struct Figures {
    per_kind: BTreeMap<&'static str, Counts>,
    /// Sentences with a suggestion, and of those, suggestions equal to the reviewer's tag.
    suggested: usize,
    right: usize,
    sentences: usize,
}

/// Runs the engine over a set. A found cue matches an expected one of its kind whose text
/// overlaps it (each expected cue matched at most once): span boundaries differ between
/// reasonable labellers ("officials said" or "officials"), the evidence does not.
fn evaluate(name: &str, cases: &[Case]) -> Figures {
    let show = std::env::var_os("SHOW_MISSES").is_some();
    let mut per_kind: BTreeMap<&'static str, Counts> = CueKind::ALL
        .iter()
        .map(|k| (k.key(), Counts::default()))
        .collect();
    let (mut suggested, mut right) = (0, 0);
    for case in cases {
        let text = &case.sentence;
        let sentences = slant_core::segment::split(text);
        let found = cues::find(text, &sentences, Lexicons::builtin());
        let mut expected: Vec<(&str, Span)> = case
            .cues
            .iter()
            .map(|(k, t)| {
                let kind = CueKind::ALL
                    .iter()
                    .find(|c| c.key() == k)
                    .unwrap_or_else(|| panic!("unknown kind {k}"))
                    .key();
                let at = text.find(t.as_str()).unwrap();
                (kind, Span::new(at, at + t.len()))
            })
            .collect();
        for (kind, _) in &expected {
            per_kind.get_mut(kind).unwrap().expected += 1;
        }
        for c in &found {
            let counts = per_kind.get_mut(c.kind.key()).unwrap();
            counts.found += 1;
            let overlapping = expected.iter().position(|(k, s)| {
                *k == c.kind.key() && s.start < c.span.end && c.span.start < s.end
            });
            if let Some(i) = overlapping {
                counts.hits += 1;
                expected.remove(i);
            } else if show {
                eprintln!(
                    "{name}: extra {}: {:?} in {text:?}",
                    c.kind.key(),
                    &text[c.span.range()]
                );
            }
        }
        if show {
            for (k, s) in &expected {
                eprintln!("{name}: missed {k}: {:?} in {text:?}", &text[s.range()]);
            }
        }
        let suggestion = cues::suggest_all(text, &sentences, &found)
            .into_iter()
            .flatten()
            .next();
        if let Some(s) = suggestion {
            suggested += 1;
            right += usize::from(Some(s.tag) == case.tag);
            if show && Some(s.tag) != case.tag {
                eprintln!(
                    "{name}: suggested {:?}, reviewer {:?}: {text:?}",
                    s.tag, case.tag
                );
            }
        }
    }
    eprintln!("{name} ({} sentences)", cases.len());
    for (kind, c) in &per_kind {
        let bar = |v: f64| "█".repeat((v * 20.0).round() as usize);
        eprintln!(
            "  {kind:<17} precision {:.2} ({}/{}) {:<20}  recall {:.2} ({}/{}) {}",
            c.precision(),
            c.hits,
            c.found,
            bar(c.precision()),
            c.recall(),
            c.hits,
            c.expected,
            bar(c.recall())
        );
    }
    eprintln!(
        "  suggested a tag for {suggested}/{} sentences; the reviewer's tag in {right}",
        cases.len()
    );
    Figures {
        per_kind,
        suggested,
        right,
        sentences: cases.len(),
    }
}

/// Fails when a figure falls under its bar. The bars sit a little under what the engine measures,
/// so a regression fails and noise in a rule change does not.
fn check(figures: &Figures, bars: &[(&str, f64, f64)], suggestion_bar: f64) -> Vec<String> {
    let mut failures = Vec::new();
    for &(kind, min_p, min_r) in bars {
        let c = figures.per_kind[kind];
        if c.precision() < min_p || c.recall() < min_r {
            failures.push(format!(
                "{kind}: precision {:.2} (bar {min_p}), recall {:.2} (bar {min_r})",
                c.precision(),
                c.recall()
            ));
        }
    }
    let agreement = ratio(figures.right, figures.suggested);
    if agreement < suggestion_bar {
        failures.push(format!(
            "suggestions right in {}/{} (bar {suggestion_bar})",
            figures.right, figures.suggested
        ));
    }
    failures
}

#[test]
fn cue_precision_and_recall_stay_above_the_bar() {
    let tuned = cases(include_str!("../../../../tests/data/cues_eval.tsv"));
    let heldout = cases(include_str!("../../../../tests/data/cues_heldout.tsv"));
    assert!(tuned.len() + heldout.len() >= 150);
    let tuned = evaluate("tuned set", &tuned);
    let heldout = evaluate("held-out set", &heldout);
    assert!(heldout.sentences >= 100);
    let mut failures = check(
        &tuned,
        &[
            ("quote", 0.95, 0.95),
            ("attribution", 0.90, 0.90),
            ("anonymous_source", 0.90, 0.90),
            ("hedge", 0.90, 0.90),
            ("loaded", 0.90, 0.90),
        ],
        0.85,
    );
    failures.extend(check(
        &heldout,
        &[
            ("quote", 0.95, 0.95),
            ("attribution", 0.90, 0.90),
            ("anonymous_source", 0.85, 0.85),
            ("hedge", 0.90, 0.90),
            // The word base grew for real news (VADER, labels, verbs; `loaded_eval.rs`), which
            // finds a few more words here than these sentences' labels mark.
            ("loaded", 0.80, 0.80),
        ],
        0.90,
    ));
    assert!(failures.is_empty(), "{failures:#?}");
}
