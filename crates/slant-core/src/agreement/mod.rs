//! How far reviewers agree: percent agreement, Cohen's κ per pair, Fleiss' κ over all, and
//! Krippendorff's α (nominal), which alone copes with sentences some reviewers left untagged.
//!
//! The coefficients are generic over the category type so the tests can reproduce the published
//! worked examples with their own labels; [`article`] applies them to a project's tags.

mod coefficients;

pub use coefficients::*;

use serde::Serialize;

use crate::model::{Article, Project, ReviewerId, Tag};
use crate::stats::TagCounts;

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

/// Tags per category for one sentence, and how many reviewers left it untagged. It reads as
/// the tag counts it holds (`d.fact`, `d.get(tag)`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Distribution {
    #[serde(flatten)]
    pub tags: TagCounts,
    /// Reviewers who left the sentence untagged.
    pub untagged: usize,
}

impl std::ops::Deref for Distribution {
    type Target = TagCounts;
    fn deref(&self) -> &TagCounts {
        &self.tags
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

/// How many disputed sentences the app's class panel, the HTML report and `slant agree` list per
/// article: one number, so that a teacher reading two of them sees the same list.
pub const MOST_DISPUTED: usize = 8;

impl ArticleAgreement {
    /// How many sentences the percent agreement is counted over: those two reviewers or more
    /// tagged. Shown beside it, since a class that tagged 5 sentences of 30 agrees on those 5.
    pub fn sentences_compared(&self) -> usize {
        self.sentences
            .iter()
            .filter(|s| s.agreement.is_some())
            .count()
    }

    /// The percent agreement and what it is counted over, for people: "60% over 5 of 30
    /// sentences" (not "60% (5 of 30 sentences)", which read as the sentences agreed on), or "–"
    /// with no sentence tagged twice.
    pub fn agreement_over(&self) -> String {
        match self.percent_agreement {
            Some(p) => format!(
                "{} over {} of {}",
                crate::wording::percent(p),
                self.sentences_compared(),
                crate::wording::count(self.sentences.len(), "sentence", "sentences")
            ),
            None => "–".to_owned(),
        }
    }

    /// How many sentences the reviewers split on.
    pub fn disputed_count(&self) -> usize {
        self.sentences
            .iter()
            .filter(|s| s.agreement.is_some_and(|a| a < 1.0))
            .count()
    }

    /// Up to `n` sentences the reviewers split on, least agreement first (ties in text order).
    pub fn most_disputed(&self, n: usize) -> Vec<&SentenceAgreement> {
        let mut disputed: Vec<&SentenceAgreement> = self
            .sentences
            .iter()
            .filter(|s| s.agreement.is_some_and(|a| a < 1.0))
            .collect();
        disputed.sort_by(|a, b| a.agreement.total_cmp_opt(&b.agreement));
        disputed.truncate(n);
        disputed
    }
}

/// Orders optional coefficients, `None` last.
trait TotalCmpOpt {
    fn total_cmp_opt(&self, other: &Self) -> std::cmp::Ordering;
}

impl TotalCmpOpt for Option<f64> {
    fn total_cmp_opt(&self, other: &Self) -> std::cmp::Ordering {
        match (self, other) {
            (Some(a), Some(b)) => a.total_cmp(b),
            (a, b) => b.is_some().cmp(&a.is_some()),
        }
    }
}

/// Each reviewer's tags on `article`, one column per reviewer: the tag's index in
/// [`Tag::ALL`], or [`NONE`] for an untagged sentence. Filled by walking each reviewer's
/// annotations once, not by looking up every sentence.
pub fn columns(article: &Article, reviewers: &[&ReviewerId]) -> Vec<Vec<u8>> {
    let n = article.sentences.len();
    reviewers
        .iter()
        .map(|r| {
            let mut column = vec![NONE; n];
            for (&s, a) in article.annotations.get(*r).into_iter().flatten() {
                if let (Some(slot), Some(tag)) = (column.get_mut(s), a.tag) {
                    *slot = tag_index(tag);
                }
            }
            column
        })
        .collect()
}

/// The code of an untagged sentence in [`columns`].
pub const NONE: u8 = 4;

fn tag_index(tag: Tag) -> u8 {
    match tag {
        Tag::Fact => 0,
        Tag::Quote => 1,
        Tag::Speculation => 2,
        Tag::Loaded => 3,
    }
}

/// 4×4 confusion matrix of two columns over sentences both tagged.
fn confusion(a: &[u8], b: &[u8]) -> [[usize; 4]; 4] {
    let mut m = [[0; 4]; 4];
    for (&x, &y) in a.iter().zip(b) {
        if x != NONE && y != NONE {
            m[x as usize][y as usize] += 1;
        }
    }
    m
}

/// One article's figures for the class: how far everyone agreed, and each student against the
/// answer key. Gathered here once for the CLI's `agree`, the reports and the app.
#[derive(Debug, Clone)]
pub struct ClassArticle<'a> {
    pub article: &'a Article,
    pub agreement: ArticleAgreement,
    /// Against the answer key, one per student (everyone but the key); empty with no key.
    pub scores: Vec<KeyScore>,
}

/// The class figures for one article of `project`, scored against `key` when there is one.
pub fn class_article<'a>(
    project: &Project,
    article: &'a Article,
    key: Option<&ReviewerId>,
) -> ClassArticle<'a> {
    let names: Vec<String> = project
        .reviewers
        .iter()
        .map(|r| project.shown_name(r))
        .collect();
    let reviewers: Vec<(&ReviewerId, &str)> = project
        .reviewers
        .iter()
        .zip(&names)
        .map(|(r, name)| (&r.id, name.as_str()))
        .collect();
    ClassArticle {
        article,
        agreement: self::article(article, &reviewers),
        scores: key
            .map(|key| {
                reviewers
                    .iter()
                    .filter(|(id, _)| *id != key)
                    .map(|&r| score(article, key, r))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Agreement among `reviewers` (with their display names) on one article.
pub fn article(article: &Article, reviewers: &[(&ReviewerId, &str)]) -> ArticleAgreement {
    let ids: Vec<&ReviewerId> = reviewers.iter().map(|(id, _)| *id).collect();
    let cols = columns(article, &ids);
    let n = article.sentences.len();
    // Per sentence: how many reviewers gave each tag, and how many none.
    let mut counts = vec![[0usize; 5]; n];
    for column in &cols {
        for (unit, &code) in counts.iter_mut().zip(column) {
            unit[code as usize] += 1;
        }
    }
    let tagged = |u: &[usize; 5]| -> [usize; 4] { [u[0], u[1], u[2], u[3]] };
    let tag_counts: Vec<[usize; 4]> = counts.iter().map(tagged).collect();
    let mut pairs = Vec::new();
    for i in 0..reviewers.len() {
        for j in i + 1..reviewers.len() {
            pairs.push(Pair {
                a: reviewers[i].1.to_owned(),
                b: reviewers[j].1.to_owned(),
                cohen_kappa: cohen_from_confusion(&confusion(&cols[i], &cols[j])).map(round),
            });
        }
    }
    let per_tag_alpha = |tag: Tag| {
        let t = tag_index(tag) as usize;
        let binary: Vec<[usize; 2]> = tag_counts
            .iter()
            .map(|u| [u[t], u.iter().sum::<usize>() - u[t]])
            .collect();
        alpha_from_counts(binary.iter().map(|u| &u[..]), 2).map(round)
    };
    let complete = counts.iter().all(|u| u[NONE as usize] == 0);
    let sentences = counts
        .iter()
        .enumerate()
        .map(|(i, u)| SentenceAgreement {
            number: i + 1,
            distribution: Distribution {
                tags: TagCounts {
                    fact: u[0],
                    quote: u[1],
                    speculation: u[2],
                    loaded: u[3],
                },
                untagged: u[4],
            },
            agreement: percent_from_counts(std::iter::once(&tag_counts[i][..])).map(round),
        })
        .collect();
    let as_vecs = || tag_counts.iter().map(|u| &u[..]);
    ArticleAgreement {
        percent_agreement: percent_from_counts(as_vecs()).map(round),
        krippendorff_alpha: alpha_from_counts(as_vecs(), 4).map(round),
        fleiss_kappa: if complete && !tag_counts.is_empty() {
            fleiss_kappa_counts(&tag_counts.iter().map(|u| u.to_vec()).collect::<Vec<_>>())
                .map(round)
        } else {
            None
        },
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
    /// Sentences the key tagged that the student left untagged: not in `accuracy`, which is
    /// over the sentences compared, so a report must show them beside it (one right tag out
    /// of thirty would otherwise read as 100 %).
    pub untagged: usize,
    /// Share of those where the student's tag is the key's.
    pub accuracy: Option<f64>,
    pub cohen_kappa: Option<f64>,
    /// `confusion[key][student]`, tags in the order fact, quote, speculation, loaded.
    pub confusion: [[usize; 4]; 4],
}

impl KeyScore {
    /// The sentences where the student's tag is the key's.
    pub fn agreed(&self) -> usize {
        (0..4).map(|i| self.confusion[i][i]).sum()
    }

    /// The confusion matrix's mistakes, most frequent first: (the key's tag, the student's, how
    /// many sentences).
    pub fn mix_ups(&self) -> Vec<(Tag, Tag, usize)> {
        let mut out: Vec<(Tag, Tag, usize)> = Tag::ALL
            .iter()
            .enumerate()
            .flat_map(|(k, &key)| {
                Tag::ALL
                    .iter()
                    .enumerate()
                    .filter(move |&(s, _)| s != k)
                    .map(move |(s, &student)| (key, student, self.confusion[k][s]))
            })
            .filter(|&(_, _, n)| n > 0)
            .collect();
        out.sort_by_key(|m| std::cmp::Reverse(m.2));
        out
    }

    /// The mix-ups as people read them: "Fact as Quote 5, Speculation as Fact 1".
    pub fn describe_mix_ups(&self) -> String {
        let parts: Vec<String> = self
            .mix_ups()
            .iter()
            .map(|(k, s, n)| format!("{} as {} {n}", k.label(), s.label()))
            .collect();
        if parts.is_empty() {
            "none".into()
        } else {
            parts.join(", ")
        }
    }
}

/// Scores `student` against `key` on one article.
pub fn score(article: &Article, key: &ReviewerId, student: (&ReviewerId, &str)) -> KeyScore {
    let cols = columns(article, &[key, student.0]);
    let confusion = confusion(&cols[0], &cols[1]);
    let compared: usize = confusion.iter().flatten().sum();
    let right: usize = (0..4).map(|i| confusion[i][i]).sum();
    let untagged = cols[0]
        .iter()
        .zip(&cols[1])
        .filter(|&(&k, &s)| k != NONE && s == NONE)
        .count();
    KeyScore {
        reviewer: student.1.to_owned(),
        compared,
        untagged,
        accuracy: (compared > 0).then(|| round(right as f64 / compared as f64)),
        cohen_kappa: cohen_from_confusion(&confusion).map(round),
        confusion,
    }
}

/// Four places: coefficients are read, not computed further.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::coefficients::tests::close;
    use super::*;

    #[test]
    fn the_fast_path_for_tags_matches_the_general_formulas() {
        let text: String = (0..40).map(|i| format!("Sentence {i} here. ")).collect();
        let mut a = Article::new("a".into(), "A", text);
        let ids: Vec<ReviewerId> = (0..5)
            .map(|r| ReviewerId::from(format!("r{r}").as_str()))
            .collect();
        for (r, id) in ids.iter().enumerate() {
            for s in 0..40 {
                let tag = match (s * 7 + r * 3) % 11 {
                    0 => None,
                    h => Some(Tag::ALL[(h + s) % 4]),
                };
                a.set_tag(id, s, tag);
            }
        }
        let named: Vec<(&ReviewerId, &str)> = ids.iter().map(|i| (i, i.as_str())).collect();
        let fast = article(&a, &named);
        let refs: Vec<&ReviewerId> = ids.iter().collect();
        let cols = columns(&a, &refs);
        let rows: Vec<Vec<Option<u8>>> = (0..40)
            .map(|s| {
                cols.iter()
                    .map(|c| (c[s] != NONE).then_some(c[s]))
                    .collect()
            })
            .collect();
        close(fast.krippendorff_alpha, krippendorff_alpha(&rows).unwrap());
        close(fast.percent_agreement, percent_agreement(&rows).unwrap());
        let col = |i: usize| rows.iter().map(|r| r[i]).collect::<Vec<_>>();
        close(
            fast.pairs[0].cohen_kappa,
            cohen_kappa(&col(0), &col(1)).unwrap(),
        );
        let quote: Vec<Vec<Option<bool>>> = rows
            .iter()
            .map(|r| r.iter().map(|x| x.map(|t| t == 1)).collect())
            .collect();
        close(fast.per_tag.quote, krippendorff_alpha(&quote).unwrap());
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
        assert_eq!(s.untagged, 0);
        let b = score(&a, &key, (&bob, "Bob"));
        assert_eq!(
            (b.compared, b.untagged),
            (3, 1),
            "Bob left one sentence untagged"
        );
        assert_eq!(s.accuracy, Some(0.75));
        assert_eq!(s.confusion[2][0], 1, "key Speculation, student Fact");
        assert_eq!(s.describe_mix_ups(), "Speculation as Fact 1");
    }
}
