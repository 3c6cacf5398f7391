//! What two outlets share and what each leaves out, from the sentence alignment; and the
//! figures they give differently for the same claim ("12 people" in one, "14 people" in the
//! other).

use rust_stemmers::{Algorithm, Stemmer};

use super::align::{self, Pair, Related};
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
    /// Sentences about the same subject that make different claims, where one has no pair.
    pub related: Vec<Related>,
}

/// One claim with different figures: the numbers each sentence gives before the same word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Differing {
    pub a: usize,
    pub b: usize,
    /// What is counted (the word after the number, as written in A): "people", "percent",
    /// "dollars".
    pub what: String,
    /// The figure in A as written ("12", "4.5%", "$72 million"); several in B are joined with
    /// ", ".
    pub in_a: String,
    pub in_b: String,
    /// The same with what they count, as a reader is shown them: "12 people", "4.5 percent".
    pub shown_a: String,
    pub shown_b: String,
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

/// Sentences (0-based) named for a reader: "sentence 3", "sentences 1, 4 and 9", "none".
pub fn sentences_named(sentences: &[usize]) -> String {
    let numbers: Vec<String> = sentences.iter().map(|i| (i + 1).to_string()).collect();
    match numbers.as_slice() {
        [] => "none".into(),
        [one] => format!("sentence {one}"),
        [rest @ .., last] => format!("sentences {} and {last}", rest.join(", ")),
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
    let align::Alignment { pairs, related } = align::alignment(
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
        related,
    }
}

/// A figure in a sentence and what it counts.
#[derive(Debug, PartialEq)]
struct Figure {
    /// As written, with its currency sign, percent sign or scale word: `$72 million`, `4.5%`.
    written: String,
    /// Its value, so `4.5%`, `4.5 percent` and `4.50 per cent` are one figure, and `3,100`
    /// and `3.1 thousand` another.
    value: f64,
    /// What it counts: `people`, `percent`, `dollars`.
    what: String,
    /// The stem of `what`, so `1 home` and `42 homes` count the same thing.
    what_stem: String,
}

/// Words after a number that do not say what it counts (`in 2023`, `12 of them`).
const NOT_COUNTED: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "than",
    "that", "the", "to", "was", "were", "with", "is", "are", "had", "has", "have", "more", "after",
    "before", "when", "p", "a.m", "p.m", "am", "pm",
];

/// The figures of a sentence with what they count. Numbers that count nothing named (a year
/// in `in 2023`, a score `5-2`, a time `6:40`) are left out: two sentences cannot disagree on
/// them in a way a reader can check.
fn figures(sentence: &str, stemmer: &Stemmer) -> Vec<Figure> {
    let words: Vec<&str> = sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '$'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let dollars = w.starts_with('$');
        let percent_sign = w.ends_with('%');
        let digits = w
            .trim_start_matches('$')
            .trim_end_matches('%')
            .replace(',', "");
        // A figure in digits, or in words ("thirty-two lines" against "30 lines").
        let Some(mut value) = digits
            .parse::<f64>()
            .ok()
            .or_else(|| super::terms::number_word(w).map(f64::from))
        else {
            continue;
        };
        let mut written = w.to_string();
        let mut k = i + 1;
        let scale = words.get(k).and_then(|s| match s.to_lowercase().as_str() {
            "hundred" => Some(1e2),
            "thousand" => Some(1e3),
            "million" => Some(1e6),
            "billion" => Some(1e9),
            "trillion" => Some(1e12),
            _ => None,
        });
        if let Some(scale) = scale {
            written = format!("{written} {}", words[k]);
            value *= scale;
            k += 1;
        }
        let next = words.get(k).map(|n| n.to_lowercase());
        let what = if percent_sign || matches!(next.as_deref(), Some("percent" | "per")) {
            "percent".to_string()
        } else if dollars {
            "dollars".to_string()
        } else {
            match next {
                Some(n)
                    if n.chars().all(char::is_alphabetic) && !NOT_COUNTED.contains(&n.as_str()) =>
                {
                    n
                }
                _ => continue,
            }
        };
        out.push(Figure {
            written,
            value,
            what_stem: stemmer.stem(&what).into_owned(),
            what,
        });
    }
    out
}

impl Figure {
    /// The figure with its unit: `4.5%`, `$72 million`, `12 people`, `4.5 percent`.
    fn shown(&self) -> String {
        if self.written.ends_with('%') || self.written.starts_with('$') {
            self.written.clone()
        } else {
            format!("{} {}", self.written, self.what)
        }
    }
}

fn differing(a: &str, b: &str, stemmer: &Stemmer, p: &Pair) -> Vec<Differing> {
    let (fa, fb) = (figures(a, stemmer), figures(b, stemmer));
    let same = |x: f64, y: f64| (x - y).abs() <= 1e-9 * x.abs().max(y.abs());
    let mut out = Vec::new();
    for f in &fa {
        let theirs: Vec<&Figure> = fb.iter().filter(|g| g.what_stem == f.what_stem).collect();
        if theirs.is_empty()
            || theirs.iter().any(|g| same(g.value, f.value))
            || fa
                .iter()
                .any(|g| g.what_stem == f.what_stem && fb.iter().any(|h| same(h.value, g.value)))
            || out.iter().any(|d: &Differing| d.what == f.what)
        {
            continue;
        }
        out.push(Differing {
            a: p.a,
            b: p.b,
            what: f.what.clone(),
            in_a: f.written.clone(),
            in_b: theirs
                .iter()
                .map(|g| g.written.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            shown_a: f.shown(),
            shown_b: theirs
                .iter()
                .map(|g| g.shown())
                .collect::<Vec<_>>()
                .join(", "),
        });
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
                in_b: "14".into(),
                shown_a: "12 people".into(),
                shown_b: "14 people".into(),
            }]
        );
        assert!(c.shared_share_a() > 0.0 && c.shared_share_a() < 1.0);
    }

    #[test]
    fn sentences_are_named_as_a_reader_says_them() {
        assert_eq!(sentences_named(&[]), "none");
        assert_eq!(sentences_named(&[2]), "sentence 3");
        assert_eq!(sentences_named(&[0, 3, 8]), "sentences 1, 4 and 9");
    }

    #[test]
    fn figures_know_what_they_count() {
        let stemmer = Stemmer::create(Algorithm::English);
        let got: Vec<(String, f64, String)> = figures(
            "It cost $1 billion in 2023 and 48.5% of homes, 3,000 missiles a year, 4.5 percent, a 5-2 vote at 6:40 p.m.",
            &stemmer,
        )
        .into_iter()
        .map(|f| (f.written, f.value, f.what))
        .collect();
        assert_eq!(
            got,
            vec![
                ("$1 billion".into(), 1e9, "dollars".into()),
                ("48.5%".into(), 48.5, "percent".into()),
                ("3,000".into(), 3000.0, "missiles".into()),
                ("4.5".into(), 4.5, "percent".into()),
            ]
        );
    }

    #[test]
    fn the_same_figure_written_two_ways_does_not_differ() {
        let stemmer = Stemmer::create(Algorithm::English);
        let p = Pair {
            a: 0,
            b: 0,
            score: 1.0,
            opening: false,
        };
        let d = |a: &str, b: &str| differing(a, b, &stemmer, &p);
        assert!(
            d(
                "Rates held at 4.5% on Wednesday.",
                "Rates stay at 4.5 percent."
            )
            .is_empty()
        );
        assert!(d("It cost $72 million.", "It cost $72,000,000 in all.").is_empty());
        assert!(
            d(
                "Trading ended in 2023 with 3,100 votes.",
                "It began in 2021."
            )
            .is_empty()
        );
        let got = d(
            "Prices rose 2.9% in May.",
            "Prices are rising at 3 percent a year.",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].shown_a.as_str(), got[0].shown_b.as_str()),
            ("2.9%", "3 percent")
        );
        assert_eq!((got[0].in_a.as_str(), got[0].in_b.as_str()), ("2.9%", "3"));
        // A figure in words is a figure: it differs from another, and meets the same one.
        let got = d(
            "Crews restored thirty-two lines by Tuesday.",
            "Crews had restored 30 lines.",
        );
        assert_eq!(
            (got[0].shown_a.as_str(), got[0].shown_b.as_str()),
            ("thirty-two lines", "30 lines")
        );
        assert!(d("Eleven people were hurt.", "11 people were hurt.").is_empty());
    }
}
