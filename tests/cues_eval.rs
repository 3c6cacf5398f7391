//! Precision and recall of the cue engine on sentences it was not written from
//! (`tests/data/cues_eval.tsv`), and how often the suggested tag is the reviewer's.
//! `cargo test --test cues_eval -- --nocapture` prints the figures.

use std::collections::BTreeMap;

use slant::cues::{self, CueKind, Lexicons};
use slant::model::Tag;

struct Case {
    sentence: String,
    cues: Vec<(String, String)>,
    tag: Option<Tag>,
}

fn cases() -> Vec<Case> {
    include_str!("data/cues_eval.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 3, "{line}");
            let cues = cols[1]
                .split(" | ")
                .filter(|c| !c.is_empty())
                .map(|c| {
                    let (kind, text) = c.split_once(':').unwrap();
                    (kind.to_owned(), text.to_owned())
                })
                .collect();
            Case {
                sentence: cols[0].to_owned(),
                cues,
                tag: Tag::from_key(cols[2]),
            }
        })
        .collect()
}

#[test]
fn cue_precision_and_recall_stay_above_the_bar() {
    let cases = cases();
    assert!(cases.len() >= 50);
    // kind -> (true positives, found, expected)
    let mut counts: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let (mut suggested, mut right, mut facts_left_alone) = (0, 0, 0);
    for case in &cases {
        let text = &case.sentence;
        let sentences = slant::segment::split(text);
        let found = cues::find(text, &sentences, Lexicons::builtin());
        let mut expected = case.cues.clone();
        for kind in CueKind::ALL {
            counts.entry(kind.key().to_owned()).or_default();
        }
        for c in &found {
            let key = c.kind.key().to_owned();
            let got = text[c.span.range()].to_owned();
            let entry = counts.get_mut(&key).unwrap();
            entry.1 += 1;
            if let Some(i) = expected.iter().position(|(k, t)| *k == key && *t == got) {
                entry.0 += 1;
                expected.remove(i);
            } else if std::env::var_os("SHOW_MISSES").is_some() {
                eprintln!("extra {key}: {got:?} in {text:?}");
            }
        }
        if std::env::var_os("SHOW_MISSES").is_some() {
            for (k, t) in &expected {
                eprintln!("missed {k}: {t:?} in {text:?}");
            }
        }
        for (k, _) in &case.cues {
            counts
                .get_mut(k)
                .unwrap_or_else(|| panic!("unknown kind {k}"))
                .2 += 1;
        }
        let suggestion = cues::suggest_all(text, &sentences, &found)
            .into_iter()
            .flatten()
            .next();
        match (&suggestion, case.tag) {
            (Some(s), gold) => {
                suggested += 1;
                right += usize::from(Some(s.tag) == gold);
            }
            (None, Some(Tag::Fact)) => facts_left_alone += 1,
            _ => {}
        }
    }
    let mut failures = Vec::new();
    for (kind, &(tp, found, expected)) in &counts {
        let p = if found == 0 {
            1.0
        } else {
            tp as f64 / found as f64
        };
        let r = if expected == 0 {
            1.0
        } else {
            tp as f64 / expected as f64
        };
        eprintln!("{kind:<17} precision {p:.2} ({tp}/{found})  recall {r:.2} ({tp}/{expected})");
        // The bar: below these the engine has regressed.
        let (min_p, min_r) = match kind.as_str() {
            "quote" => (0.95, 0.95),
            "attribution" => (0.85, 0.80),
            "anonymous_source" => (0.70, 0.70),
            "hedge" => (0.80, 0.80),
            _ => (0.60, 0.70),
        };
        if p < min_p || r < min_r {
            failures.push(format!(
                "{kind}: precision {p:.2} (bar {min_p}), recall {r:.2} (bar {min_r})"
            ));
        }
    }
    eprintln!(
        "suggested a tag for {suggested}/{} sentences, the reviewer's tag in {right}; {facts_left_alone} facts left without a suggestion",
        cases.len()
    );
    assert!(
        right * 100 >= suggested * 80,
        "suggestions right in {right}/{suggested}"
    );
    assert!(failures.is_empty(), "{failures:#?}");
}
