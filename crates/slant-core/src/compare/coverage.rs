//! What two outlets share and what each leaves out, from the sentence alignment; and the
//! figures they give differently for the same claim ("12 people" in one, "14 people" in the
//! other).

use rust_stemmers::{Algorithm, Stemmer};

use super::align::{self, Pair};
use crate::model::Article;

/// The comparison of article A with article B.
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    /// Aligned sentences (0-based), by sentence of A, best first.
    pub pairs: Vec<Pair>,
    /// Sentences of A with no counterpart in B, and of B with none in A.
    pub only_a: Vec<usize>,
    pub only_b: Vec<usize>,
    pub sentences_a: usize,
    pub sentences_b: usize,
    /// Aligned sentences whose figures for the same thing differ.
    pub differing_numbers: Vec<Differing>,
}

/// One claim with different figures: the numbers each sentence gives before the same word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Differing {
    pub a: usize,
    pub b: usize,
    /// What is counted (the word after the number, as written in A): "people", "percent".
    pub what: String,
    pub in_a: String,
    pub in_b: String,
}

impl Coverage {
    /// Share of A's sentences that B also reports, 0 to 1.
    pub fn shared_share_a(&self) -> f64 {
        share(self.sentences_a - self.only_a.len(), self.sentences_a)
    }

    pub fn shared_share_b(&self) -> f64 {
        share(self.sentences_b - self.only_b.len(), self.sentences_b)
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Compares two articles.
pub fn compare(a: &Article, b: &Article) -> Coverage {
    let pairs = align::align(
        &a.text,
        &a.sentences,
        &b.text,
        &b.sentences,
        align::THRESHOLD,
    );
    let mut in_a = vec![false; a.sentences.len()];
    let mut in_b = vec![false; b.sentences.len()];
    for p in &pairs {
        in_a[p.a] = true;
        in_b[p.b] = true;
    }
    let unmatched = |seen: Vec<bool>| -> Vec<usize> {
        seen.into_iter()
            .enumerate()
            .filter(|&(_, s)| !s)
            .map(|(i, _)| i)
            .collect()
    };
    let stemmer = Stemmer::create(Algorithm::English);
    let differing_numbers = pairs
        .iter()
        .flat_map(|p| differing(a.sentence_text(p.a), b.sentence_text(p.b), &stemmer, p))
        .collect();
    Coverage {
        only_a: unmatched(in_a),
        only_b: unmatched(in_b),
        sentences_a: a.sentences.len(),
        sentences_b: b.sentences.len(),
        pairs,
        differing_numbers,
    }
}

/// Figures in a sentence with what they count: `(number as written, stem of the next word,
/// the next word)`.
fn figures(sentence: &str, stemmer: &Stemmer) -> Vec<(String, String, String)> {
    let words: Vec<&str> = sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '$'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !w.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        if w.ends_with('%') {
            out.push((w.to_string(), "percent".into(), "percent".into()));
            continue;
        }
        // The counted thing: the next word, skipping a scale word (`1 billion dollars`).
        let mut k = i + 1;
        let mut number = w.to_string();
        if let Some(scale) = words.get(k).filter(|s| {
            matches!(
                s.to_lowercase().as_str(),
                "million" | "billion" | "thousand" | "hundred"
            )
        }) {
            number = format!("{number} {scale}");
            k += 1;
        }
        if let Some(next) = words.get(k).filter(|n| n.chars().all(char::is_alphabetic)) {
            let lower = next.to_lowercase();
            out.push((number, stemmer.stem(&lower).into_owned(), lower));
        }
    }
    out
}

fn differing(a: &str, b: &str, stemmer: &Stemmer, p: &Pair) -> Vec<Differing> {
    let (fa, fb) = (figures(a, stemmer), figures(b, stemmer));
    let mut out = Vec::new();
    for (na, what, word) in &fa {
        let theirs: Vec<&String> = fb
            .iter()
            .filter(|(_, w, _)| w == what)
            .map(|(n, _, _)| n)
            .collect();
        if !theirs.is_empty()
            && !theirs.contains(&na)
            && !out.iter().any(|d: &Differing| &d.what == word)
        {
            out.push(Differing {
                a: p.a,
                b: p.b,
                what: word.clone(),
                in_a: na.clone(),
                in_b: theirs
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article::new("x".into(), "X", text)
    }

    #[test]
    fn shared_and_unique_sentences_with_a_casualty_figure_that_differs() {
        let a = article(
            "Storm Hits Coast\nThe storm killed 12 people in Galveston on Monday, officials said. The mayor declared an emergency. Schools will stay closed.",
        );
        let b = article(
            "Deadly Storm Strikes\nAt least 14 people were killed in Galveston by Monday's storm, according to the county. Power is out for 200,000 homes. The mayor declared a state of emergency.",
        );
        let c = compare(&a, &b);
        let pairs: Vec<(usize, usize)> = c.pairs.iter().map(|p| (p.a, p.b)).collect();
        assert!(pairs.contains(&(1, 1)), "{pairs:?}");
        assert!(pairs.contains(&(2, 3)), "{pairs:?}");
        assert!(c.only_a.contains(&3), "schools: only in A ({:?})", c.only_a);
        assert!(
            c.only_b.contains(&2),
            "power cut: only in B ({:?})",
            c.only_b
        );
        assert_eq!(
            c.differing_numbers,
            vec![Differing {
                a: 1,
                b: 1,
                what: "people".into(),
                in_a: "12".into(),
                in_b: "14".into()
            }]
        );
        assert!(c.shared_share_a() > 0.0 && c.shared_share_a() < 1.0);
    }

    #[test]
    fn figures_know_what_they_count() {
        let stemmer = Stemmer::create(Algorithm::English);
        assert_eq!(
            figures(
                "It cost $1 billion dollars and 48.5% of homes, 3,000 missiles a year.",
                &stemmer
            ),
            vec![
                ("$1 billion".into(), "dollar".into(), "dollars".into()),
                ("48.5%".into(), "percent".into(), "percent".into()),
                ("3,000".into(), "missil".into(), "missiles".into()),
            ]
        );
    }
}
