//! How far reviewers agree: percent agreement, Cohen's κ per pair, Fleiss' κ over all, and
//! Krippendorff's α (nominal), which alone copes with sentences some reviewers left untagged.
//!
//! The coefficients are generic over the category type so the tests can reproduce the published
//! worked examples with their own labels; [`article`] applies them to a project's tags.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Article, ReviewerId, Tag};

/// Ratings as units (sentences) × coders (reviewers); `None` where a coder gave none.
pub type Ratings<T> = [Vec<Option<T>>];

/// The mean, over units rated by two or more coders, of the share of coder pairs that agree.
/// `None` when no unit has two ratings.
pub fn percent_agreement<T: PartialEq + Copy>(ratings: &Ratings<T>) -> Option<f64> {
    let mut sum = 0.0;
    let mut units = 0;
    for unit in ratings {
        let (counts, m) = tally(unit);
        if m < 2 {
            continue;
        }
        let agree: usize = counts.iter().map(|(_, n)| n * (n - 1) / 2).sum();
        sum += agree as f64 / (m * (m - 1) / 2) as f64;
        units += 1;
    }
    (units > 0).then(|| sum / units as f64)
}

/// How many times each category occurs in a unit, and the number of ratings. Categories are
/// few (four tags), so a vector beats a map.
fn tally<T: PartialEq + Copy>(unit: &[Option<T>]) -> (Vec<(T, usize)>, usize) {
    let mut counts: Vec<(T, usize)> = Vec::new();
    let mut m = 0;
    for v in unit.iter().flatten() {
        m += 1;
        match counts.iter_mut().find(|(c, _)| c == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((*v, 1)),
        }
    }
    (counts, m)
}

/// Cohen's κ of two coders over the units both rated. `None` when they share no unit or chance
/// agreement is already total (both used one and the same category throughout).
pub fn cohen_kappa<T: Ord + Copy>(a: &[Option<T>], b: &[Option<T>]) -> Option<f64> {
    let pairs: Vec<(T, T)> = a
        .iter()
        .zip(b)
        .filter_map(|(x, y)| Some(((*x)?, (*y)?)))
        .collect();
    let n = pairs.len() as f64;
    if pairs.is_empty() {
        return None;
    }
    let observed = pairs.iter().filter(|(x, y)| x == y).count() as f64 / n;
    let first: Vec<Option<T>> = pairs.iter().map(|(x, _)| Some(*x)).collect();
    let second: Vec<Option<T>> = pairs.iter().map(|(_, y)| Some(*y)).collect();
    let (first, _) = tally(&first);
    let (second, _) = tally(&second);
    let expected: f64 = first
        .iter()
        .map(|(k, p)| {
            let q = second.iter().find(|(c, _)| c == k).map_or(0, |(_, q)| *q);
            (*p as f64 / n) * (q as f64 / n)
        })
        .sum();
    (expected < 1.0).then(|| (observed - expected) / (1.0 - expected))
}

/// Fleiss' κ from category counts per unit (each row sums to the same number of ratings n ≥ 2).
/// `None` when the rows differ in their totals, n < 2, or chance agreement is total.
pub fn fleiss_kappa_counts(counts: &[Vec<usize>]) -> Option<f64> {
    let n = counts.first()?.iter().sum::<usize>();
    if n < 2 || counts.iter().any(|row| row.iter().sum::<usize>() != n) {
        return None;
    }
    let units = counts.len() as f64;
    let categories = counts[0].len();
    let nf = n as f64;
    let p_bar = counts
        .iter()
        .map(|row| {
            let squares: usize = row.iter().map(|c| c * c).sum();
            (squares - n) as f64 / (nf * (nf - 1.0))
        })
        .sum::<f64>()
        / units;
    let p_e: f64 = (0..categories)
        .map(|j| {
            let p = counts.iter().map(|row| row[j]).sum::<usize>() as f64 / (units * nf);
            p * p
        })
        .sum();
    (p_e < 1.0).then(|| (p_bar - p_e) / (1.0 - p_e))
}

/// Fleiss' κ over units where every coder gave a rating; `None` when some unit is missing a
/// rating (the coefficient needs the same number of ratings per unit; α does not).
pub fn fleiss_kappa<T: Ord + Copy>(ratings: &Ratings<T>) -> Option<f64> {
    if ratings.iter().any(|u| u.iter().any(Option::is_none)) {
        return None;
    }
    let categories: Vec<T> = {
        let mut c: Vec<T> = ratings.iter().flatten().flatten().copied().collect();
        c.sort();
        c.dedup();
        c
    };
    let counts: Vec<Vec<usize>> = ratings
        .iter()
        .map(|u| {
            categories
                .iter()
                .map(|c| u.iter().filter(|x| **x == Some(*c)).count())
                .collect()
        })
        .collect();
    fleiss_kappa_counts(&counts)
}

/// Krippendorff's α for nominal data, from the coincidence matrix: units with fewer than two
/// ratings are left out, as the method prescribes. `None` when fewer than two pairable values
/// exist or only one category was ever used.
pub fn krippendorff_alpha<T: Ord + Copy>(ratings: &Ratings<T>) -> Option<f64> {
    // o[c][k]: pairs of values c, k from different coders in one unit, each unit weighted
    // 1/(m−1); from the unit's tallies, n_c·n_k pairs (n_c·(n_c−1) when c = k).
    let mut coincidences: BTreeMap<(T, T), f64> = BTreeMap::new();
    for unit in ratings {
        let (counts, m) = tally(unit);
        if m < 2 {
            continue;
        }
        let w = 1.0 / (m - 1) as f64;
        for &(c, nc) in &counts {
            for &(k, nk) in &counts {
                let pairs = if c == k { nc * (nc - 1) } else { nc * nk };
                if pairs > 0 {
                    *coincidences.entry((c, k)).or_default() += pairs as f64 * w;
                }
            }
        }
    }
    let mut totals: BTreeMap<T, f64> = BTreeMap::new();
    for ((c, _), o) in &coincidences {
        *totals.entry(*c).or_default() += o;
    }
    let n: f64 = totals.values().sum();
    if n < 2.0 {
        return None;
    }
    let disagreement: f64 = coincidences
        .iter()
        .filter(|((c, k), _)| c != k)
        .map(|(_, o)| o)
        .sum();
    let expected: f64 = {
        let sum: f64 = totals.values().sum();
        let squares: f64 = totals.values().map(|t| t * t).sum();
        (sum * sum - squares) / (n - 1.0)
    };
    (expected > 0.0).then(|| 1.0 - disagreement / expected)
}

/// One pair of reviewers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pair {
    pub a: String,
    pub b: String,
    pub cohen_kappa: Option<f64>,
}

/// How the class tagged one sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SentenceAgreement {
    /// 1-based.
    pub number: usize,
    pub distribution: Distribution,
    /// Share of reviewer pairs that agree on this sentence (`None` with fewer than two tags).
    pub agreement: Option<f64>,
}

/// Tags per category for one sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Distribution {
    pub fact: usize,
    pub quote: usize,
    pub speculation: usize,
    pub loaded: usize,
    /// Reviewers who left the sentence untagged.
    pub untagged: usize,
}

impl Distribution {
    pub fn get(&self, tag: Tag) -> usize {
        match tag {
            Tag::Fact => self.fact,
            Tag::Quote => self.quote,
            Tag::Speculation => self.speculation,
            Tag::Loaded => self.loaded,
        }
    }
}

/// Agreement on one tag: α of "this tag or not" among sentences that reviewer tagged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct PerTag {
    pub fact: Option<f64>,
    pub quote: Option<f64>,
    pub speculation: Option<f64>,
    pub loaded: Option<f64>,
}

/// Everything `slant agree` reports for one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleAgreement {
    pub percent_agreement: Option<f64>,
    pub krippendorff_alpha: Option<f64>,
    pub fleiss_kappa: Option<f64>,
    pub pairs: Vec<Pair>,
    pub per_tag: PerTag,
    pub sentences: Vec<SentenceAgreement>,
}

/// The ratings of `reviewers` on `article`: one row per sentence, one column per reviewer.
pub fn ratings(article: &Article, reviewers: &[&ReviewerId]) -> Vec<Vec<Option<Tag>>> {
    let by: Vec<Option<&BTreeMap<usize, crate::model::Annotation>>> = reviewers
        .iter()
        .map(|r| article.annotations.get(*r))
        .collect();
    (0..article.sentences.len())
        .map(|s| {
            by.iter()
                .map(|m| m.and_then(|m| m.get(&s)).and_then(|a| a.tag))
                .collect()
        })
        .collect()
}

/// Agreement among `reviewers` (with their display names) on one article.
pub fn article(article: &Article, reviewers: &[(&ReviewerId, &str)]) -> ArticleAgreement {
    let ids: Vec<&ReviewerId> = reviewers.iter().map(|(id, _)| *id).collect();
    let rows = ratings(article, &ids);
    let mut pairs = Vec::new();
    for i in 0..reviewers.len() {
        for j in i + 1..reviewers.len() {
            let a: Vec<Option<Tag>> = rows.iter().map(|r| r[i]).collect();
            let b: Vec<Option<Tag>> = rows.iter().map(|r| r[j]).collect();
            pairs.push(Pair {
                a: reviewers[i].1.to_owned(),
                b: reviewers[j].1.to_owned(),
                cohen_kappa: cohen_kappa(&a, &b).map(round),
            });
        }
    }
    let per_tag_alpha = |tag: Tag| {
        let binary: Vec<Vec<Option<bool>>> = rows
            .iter()
            .map(|r| r.iter().map(|x| x.map(|t| t == tag)).collect())
            .collect();
        krippendorff_alpha(&binary).map(round)
    };
    let sentences = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut d = Distribution::default();
            for x in r {
                match x {
                    Some(Tag::Fact) => d.fact += 1,
                    Some(Tag::Quote) => d.quote += 1,
                    Some(Tag::Speculation) => d.speculation += 1,
                    Some(Tag::Loaded) => d.loaded += 1,
                    None => d.untagged += 1,
                }
            }
            SentenceAgreement {
                number: i + 1,
                distribution: d,
                agreement: percent_agreement(std::slice::from_ref(r)).map(round),
            }
        })
        .collect();
    ArticleAgreement {
        percent_agreement: percent_agreement(&rows).map(round),
        krippendorff_alpha: krippendorff_alpha(&rows).map(round),
        fleiss_kappa: fleiss_kappa(&rows).map(round),
        pairs,
        per_tag: PerTag {
            fact: per_tag_alpha(Tag::Fact),
            quote: per_tag_alpha(Tag::Quote),
            speculation: per_tag_alpha(Tag::Speculation),
            loaded: per_tag_alpha(Tag::Loaded),
        },
        sentences,
    }
}

/// A student measured against the answer key.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeyScore {
    pub reviewer: String,
    /// Sentences both tagged.
    pub compared: usize,
    /// Share of those where the student's tag is the key's.
    pub accuracy: Option<f64>,
    pub cohen_kappa: Option<f64>,
    /// `confusion[key][student]`, tags in the order fact, quote, speculation, loaded.
    pub confusion: [[usize; 4]; 4],
}

/// Scores `student` against `key` on one article.
pub fn score(article: &Article, key: &ReviewerId, student: (&ReviewerId, &str)) -> KeyScore {
    let rows = ratings(article, &[key, student.0]);
    let index = |t: Tag| Tag::ALL.iter().position(|&x| x == t).unwrap_or(0);
    let mut confusion = [[0; 4]; 4];
    let mut compared = 0;
    let mut right = 0;
    for r in &rows {
        if let (Some(k), Some(s)) = (r[0], r[1]) {
            confusion[index(k)][index(s)] += 1;
            compared += 1;
            right += usize::from(k == s);
        }
    }
    let a: Vec<Option<Tag>> = rows.iter().map(|r| r[0]).collect();
    let b: Vec<Option<Tag>> = rows.iter().map(|r| r[1]).collect();
    KeyScore {
        reviewer: student.1.to_owned(),
        compared,
        accuracy: (compared > 0).then(|| round(right as f64 / compared as f64)),
        cohen_kappa: cohen_kappa(&a, &b).map(round),
        confusion,
    }
}

/// Four places: coefficients are read, not computed further.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(x: Option<f64>, expected: f64) {
        let x = x.expect("defined");
        assert!((x - expected).abs() < 0.0005, "{x} is not {expected}");
    }

    /// Rows from a table of coders (one string per coder, `.` for a missing value).
    fn units(coders: &[&str]) -> Vec<Vec<Option<char>>> {
        let columns: Vec<Vec<Option<char>>> = coders
            .iter()
            .map(|c| {
                c.split_whitespace()
                    .map(|v| (v != ".").then(|| v.chars().next().unwrap()))
                    .collect()
            })
            .collect();
        (0..columns[0].len())
            .map(|u| columns.iter().map(|c| c[u]).collect())
            .collect()
    }

    #[test]
    fn krippendorff_2011_binary_two_coders() {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section A.
        let r = units(&["0 1 0 0 0 0 0 0 1 0", "1 1 1 0 0 1 0 0 0 0"]);
        close(krippendorff_alpha(&r), 0.095);
    }

    #[test]
    fn krippendorff_2011_nominal_two_coders() {
        // Section B: two observers, nominal data, no missing values.
        let r = units(&["a a b b d c c c e d d a", "b a b b b c c c e d d d"]);
        close(krippendorff_alpha(&r), 0.692);
    }

    #[test]
    fn krippendorff_2011_four_coders_with_missing_values() {
        // Section C: four observers, 12 units, missing values; nominal α = 0.743.
        let r = units(&[
            "1 2 3 3 2 1 4 1 2 . . .",
            "1 2 3 3 2 2 4 1 2 5 . 3",
            ". 3 3 3 2 3 4 2 2 5 1 .",
            "1 2 3 3 2 4 4 1 2 5 1 .",
        ]);
        close(krippendorff_alpha(&r), 0.743);
    }

    #[test]
    fn cohen_wikipedia_example() {
        // 50 applications: both yes 20, A yes B no 5, A no B yes 10, both no 15 → κ = 0.4.
        let mut a = Vec::new();
        let mut b = Vec::new();
        for (x, y, n) in [
            ('y', 'y', 20),
            ('y', 'n', 5),
            ('n', 'y', 10),
            ('n', 'n', 15),
        ] {
            for _ in 0..n {
                a.push(Some(x));
                b.push(Some(y));
            }
        }
        close(cohen_kappa(&a, &b), 0.40);
    }

    #[test]
    fn fleiss_wikipedia_example() {
        // 10 subjects, 14 raters, 5 categories → κ = 0.210.
        let counts = [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ];
        let counts: Vec<Vec<usize>> = counts.iter().map(|r| r.to_vec()).collect();
        close(fleiss_kappa_counts(&counts), 0.210);
        // The same table as ratings gives the same κ.
        let ratings: Vec<Vec<Option<usize>>> = counts
            .iter()
            .map(|row| {
                row.iter()
                    .enumerate()
                    .flat_map(|(c, &n)| std::iter::repeat_n(Some(c), n))
                    .collect()
            })
            .collect();
        close(fleiss_kappa(&ratings), 0.210);
    }

    #[test]
    fn undefined_cases_say_so() {
        let same = units(&["a a a", "a a a"]);
        assert_eq!(
            krippendorff_alpha(&same),
            None,
            "one category: no variation"
        );
        assert_eq!(
            cohen_kappa(
                &same.iter().map(|u| u[0]).collect::<Vec<_>>(),
                &same.iter().map(|u| u[1]).collect::<Vec<_>>()
            ),
            None
        );
        let missing = units(&["a b .", "a b b"]);
        assert_eq!(
            fleiss_kappa(&missing),
            None,
            "Fleiss needs equal ratings per unit"
        );
        assert_eq!(percent_agreement(&missing), Some(1.0));
        let lonely = units(&["a . .", ". b ."]);
        assert_eq!(percent_agreement(&lonely), None);
    }

    #[test]
    fn articles_get_distributions_pairs_and_key_scores() {
        let mut a = Article::new("a".into(), "A", "One. Two. Three. Four.");
        let (key, ann, bob): (ReviewerId, ReviewerId, ReviewerId) =
            ("key".into(), "ann".into(), "bob".into());
        for (r, tags) in [
            (&key, [Tag::Fact, Tag::Quote, Tag::Speculation, Tag::Loaded]),
            (&ann, [Tag::Fact, Tag::Quote, Tag::Fact, Tag::Loaded]),
            (&bob, [Tag::Fact, Tag::Quote, Tag::Speculation, Tag::Quote]),
        ] {
            for (i, t) in tags.into_iter().enumerate() {
                a.set_tag(r, i, Some(t));
            }
        }
        a.set_tag(&bob, 3, None);
        let result = article(&a, &[(&key, "Key"), (&ann, "Ann"), (&bob, "Bob")]);
        assert_eq!(result.pairs.len(), 3);
        assert_eq!(result.fleiss_kappa, None, "Bob left one sentence untagged");
        assert!(result.krippendorff_alpha.is_some());
        let d = result.sentences[2].distribution;
        assert_eq!((d.fact, d.speculation, d.untagged), (1, 2, 0));
        assert_eq!(result.sentences[3].distribution.untagged, 1);
        let s = score(&a, &key, (&ann, "Ann"));
        assert_eq!(s.compared, 4);
        assert_eq!(s.accuracy, Some(0.75));
        assert_eq!(s.confusion[2][0], 1, "key Speculation, student Fact");
    }
}
