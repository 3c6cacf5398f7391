//! Per-article summary statistics, per reviewer.
//!
//! Always derived from the annotations, never edited: the project file carries a copy so that
//! people can read the numbers without the app, but loading ignores that copy and recomputes.

use crate::wording::count;
use serde::{Deserialize, Serialize};

use crate::model::{Article, Project, ReviewerId, Tag, Verdict};
use crate::readability::TextCounts;

/// A count for each tag.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagCounts {
    pub fact: usize,
    pub quote: usize,
    pub speculation: usize,
    pub loaded: usize,
}

impl TagCounts {
    pub fn get(&self, tag: Tag) -> usize {
        match tag {
            Tag::Fact => self.fact,
            Tag::Quote => self.quote,
            Tag::Speculation => self.speculation,
            Tag::Loaded => self.loaded,
        }
    }

    fn bump(&mut self, tag: Tag) {
        match tag {
            Tag::Fact => self.fact += 1,
            Tag::Quote => self.quote += 1,
            Tag::Speculation => self.speculation += 1,
            Tag::Loaded => self.loaded += 1,
        }
    }

    pub fn total(&self) -> usize {
        Tag::ALL.iter().map(|&t| self.get(t)).sum()
    }
}

/// Each tag's share of the article's sentences, from 0 to 1 (rounded to 4 places).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TagShares {
    pub fact: f64,
    pub quote: f64,
    pub speculation: f64,
    pub loaded: f64,
}

impl TagShares {
    pub fn get(&self, tag: Tag) -> f64 {
        match tag {
            Tag::Fact => self.fact,
            Tag::Quote => self.quote,
            Tag::Speculation => self.speculation,
            Tag::Loaded => self.loaded,
        }
    }
}

/// `count` per 100 words, rounded to one place; 0 for a text with no words.
pub fn per_100_words(count: usize, words: usize) -> f64 {
    if words == 0 {
        0.0
    } else {
        (count as f64 * 1000.0 / words as f64).round() / 10.0
    }
}

/// What the text itself shows, whoever reviews it: the cue engine's anonymous sources, hedges
/// and loaded words, also per 100 words so long and short articles compare.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Evidence {
    pub anonymous_sources: usize,
    pub hedges: usize,
    pub loaded_words: usize,
    pub anonymous_sources_per_100_words: f64,
    pub hedges_per_100_words: f64,
    pub loaded_words_per_100_words: f64,
    /// Hedges and loaded words inside quotations: the speakers', not counted above.
    pub hedges_quoted: usize,
    pub loaded_words_quoted: usize,
    /// Says, in every JSON that carries these counts, that they are Slant's, not a reviewer's.
    #[serde(serialize_with = "found_by")]
    pub found_by: (),
}

/// The `found_by` of [`Evidence`] in JSON.
fn found_by<S: serde::Serializer>(_: &(), s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(EVIDENCE_SOURCE)
}

/// Where the evidence counts come from, in plain words.
pub const EVIDENCE_SOURCE: &str = "Slant's word lists, not a reviewer";

impl Evidence {
    /// Counts the cues `found` in an article of `words` words.
    pub fn from_cues(found: &[crate::cues::Cue], words: usize) -> Evidence {
        use crate::cues::CueKind;
        // The writer's wording: a speaker's hedge or loaded word is theirs, not the outlet's.
        let count = |k: CueKind| found.iter().filter(|c| c.kind == k && !c.quoted).count();
        let quoted = |k: CueKind| found.iter().filter(|c| c.kind == k && c.quoted).count();
        let (a, h, l) = (
            count(CueKind::AnonymousSource),
            count(CueKind::Hedge),
            count(CueKind::Loaded),
        );
        Evidence {
            anonymous_sources: a,
            hedges: h,
            loaded_words: l,
            anonymous_sources_per_100_words: per_100_words(a, words),
            hedges_per_100_words: per_100_words(h, words),
            loaded_words_per_100_words: per_100_words(l, words),
            hedges_quoted: quoted(CueKind::Hedge),
            loaded_words_quoted: quoted(CueKind::Loaded),
            found_by: (),
        }
    }

    /// Finds the cues in `article` with `lexicons` and counts them.
    pub fn of(article: &Article, words: usize, lexicons: &crate::cues::Lexicons) -> Evidence {
        let found = crate::cues::find(&article.text, &article.sentences, lexicons);
        Evidence::from_cues(&found, words)
    }

    /// One line for people, saying where the counts come from: "found by Slant's word lists: 2
    /// anonymous sources, 5 hedges, 7 loaded words outside quotations (0.4, 1.0, 1.4 per 100
    /// words); inside quotations 1 hedge and 3 loaded words more".
    pub fn describe(&self) -> String {
        format!(
            "found by Slant's word lists: {}, {}, {} outside quotations ({:.1}, {:.1}, {:.1} per 100 words); inside quotations {} and {} more",
            count(
                self.anonymous_sources,
                "anonymous source",
                "anonymous sources"
            ),
            count(self.hedges, "hedge", "hedges"),
            count(self.loaded_words, "loaded word", "loaded words"),
            self.anonymous_sources_per_100_words,
            self.hedges_per_100_words,
            self.loaded_words_per_100_words,
            count(self.hedges_quoted, "hedge", "hedges"),
            count(self.loaded_words_quoted, "loaded word", "loaded words")
        )
    }
}

/// A reviewer's figures as Slant's JSON outputs write them (`slant stats`, the JSON report):
/// one shape, so the two never drift apart.
#[derive(Clone, Debug, Serialize)]
pub struct ReviewerFigures<'a> {
    /// The reviewer's name.
    pub reviewer: &'a str,
    pub reviewer_id: &'a str,
    pub tagged: usize,
    pub counts: TagCounts,
    pub shares: TagShares,
    pub loaded_phrases: usize,
    pub notes: usize,
    pub suggestions_accepted: usize,
    pub suggestions_rejected: usize,
}

impl<'a> ReviewerFigures<'a> {
    pub fn new(name: &'a str, summary: &'a ReviewerSummary) -> ReviewerFigures<'a> {
        ReviewerFigures {
            reviewer: name,
            reviewer_id: summary.reviewer.as_str(),
            tagged: summary.tagged,
            counts: summary.counts,
            shares: summary.shares,
            loaded_phrases: summary.loaded_phrases,
            notes: summary.notes,
            suggestions_accepted: summary.suggestions_accepted,
            suggestions_rejected: summary.suggestions_rejected,
        }
    }
}

/// One reviewer's figures for one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewerSummary {
    pub reviewer: ReviewerId,
    /// Sentences this reviewer gave a tag.
    pub tagged: usize,
    pub counts: TagCounts,
    /// Shares of all the article's sentences, so untagged sentences show as a gap.
    pub shares: TagShares,
    pub loaded_phrases: usize,
    pub notes: usize,
    /// Suggested tags the reviewer took, and those they dismissed.
    #[serde(default)]
    pub suggestions_accepted: usize,
    #[serde(default)]
    pub suggestions_rejected: usize,
}

/// The figures of one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
    /// Flesch Reading Ease (rounded to 1 place); `None` for an article with no words.
    pub reading_ease: Option<f64>,
    /// Flesch–Kincaid Grade Level (rounded to 1 place).
    pub grade_level: Option<f64>,
    /// One entry for every reviewer of the project, in project order.
    pub reviewers: Vec<ReviewerSummary>,
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

/// An article's text figures as every front shows them (the project file's summary, `slant
/// stats --json`, the JSON report): worked out and rounded here once.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TextFigures {
    pub words: usize,
    pub syllables: usize,
    /// Flesch Reading Ease, rounded to 1 place; `None` for an article with no words.
    pub reading_ease: Option<f64>,
    /// Flesch–Kincaid Grade Level, rounded to 1 place.
    pub grade_level: Option<f64>,
}

impl TextFigures {
    pub fn of(counts: &TextCounts) -> TextFigures {
        TextFigures {
            words: counts.words,
            syllables: counts.syllables,
            reading_ease: counts.reading_ease().map(|x| round(x, 1)),
            grade_level: counts.grade_level().map(|x| round(x, 1)),
        }
    }
}

impl Summary {
    pub fn figures(&self) -> TextFigures {
        TextFigures {
            words: self.words,
            syllables: self.syllables,
            reading_ease: self.reading_ease,
            grade_level: self.grade_level,
        }
    }
}

/// Summarises `article` for each of the project's `reviewers`.
pub fn summarize<'a>(
    article: &Article,
    reviewers: impl IntoIterator<Item = &'a ReviewerId>,
) -> Summary {
    let figures = TextFigures::of(&text_counts(article));
    Summary {
        sentences: article.sentences.len(),
        words: figures.words,
        syllables: figures.syllables,
        reading_ease: figures.reading_ease,
        grade_level: figures.grade_level,
        reviewers: reviewers
            .into_iter()
            .map(|id| reviewer_summary(article, id))
            .collect(),
    }
}

/// Words, syllables and sentences of the article's text (the costly part: it reads every word).
pub fn text_counts(article: &Article) -> TextCounts {
    TextCounts::of_sentences(article.sentences.iter().map(|s| article.slice(*s)))
}

/// One reviewer's figures for an article (cheap: it reads only the annotations).
pub fn reviewer_summary(article: &Article, id: &ReviewerId) -> ReviewerSummary {
    let n = article.sentences.len();
    let share = |count: usize| {
        if n == 0 {
            0.0
        } else {
            round(count as f64 / n as f64, 4)
        }
    };
    let mut summary = ReviewerSummary {
        reviewer: id.clone(),
        tagged: 0,
        counts: TagCounts::default(),
        shares: TagShares::default(),
        loaded_phrases: 0,
        notes: 0,
        suggestions_accepted: 0,
        suggestions_rejected: 0,
    };
    for annotation in article
        .annotations
        .get(id)
        .into_iter()
        .flat_map(|m| m.values())
    {
        if let Some(tag) = annotation.tag {
            summary.tagged += 1;
            summary.counts.bump(tag);
        }
        summary.loaded_phrases += annotation.loaded_phrases.len();
        summary.notes += usize::from(annotation.note.is_some());
        match annotation.suggestion {
            Some(Verdict::Accepted(_)) => summary.suggestions_accepted += 1,
            Some(Verdict::Rejected(_)) => summary.suggestions_rejected += 1,
            None => {}
        }
    }
    let c = summary.counts;
    summary.shares = TagShares {
        fact: share(c.fact),
        quote: share(c.quote),
        speculation: share(c.speculation),
        loaded: share(c.loaded),
    };
    summary
}

/// Summaries of every article of a project, in article order.
pub fn summarize_project(project: &Project) -> Vec<Summary> {
    project
        .articles
        .iter()
        .map(|a| summarize(a, project.reviewers.iter().map(|r| &r.id)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annotation, Span};

    #[test]
    fn counts_shares_phrases_and_notes_per_reviewer() {
        let mut a = Article::new(
            "a".into(),
            "A",
            "One fact. “A quote,” he said. It may rain. Awful!",
        );
        assert_eq!(a.sentences.len(), 4);
        let (ann, bob) = (ReviewerId::from("ann"), ReviewerId::from("bob"));
        a.set_tag(&ann, 0, Some(Tag::Fact));
        a.set_tag(&ann, 1, Some(Tag::Quote));
        a.set_tag(&ann, 3, Some(Tag::Loaded));
        a.edit_annotation(&ann, 3, |x| x.loaded_phrases.push(Span::new(44, 49)));
        a.edit_annotation(&bob, 2, |x| {
            *x = Annotation {
                tag: None,
                note: Some("hedge?".into()),
                ..Annotation::default()
            }
        });
        let s = summarize(&a, [&ann, &bob]);
        assert_eq!((s.sentences, s.words), (4, 10));
        let ann_s = &s.reviewers[0];
        assert_eq!(ann_s.tagged, 3);
        assert_eq!(
            ann_s.counts,
            TagCounts {
                fact: 1,
                quote: 1,
                speculation: 0,
                loaded: 1
            }
        );
        assert_eq!(ann_s.shares.fact, 0.25);
        assert_eq!(ann_s.loaded_phrases, 1);
        let bob_s = &s.reviewers[1];
        assert_eq!((bob_s.tagged, bob_s.notes, bob_s.counts.total()), (0, 1, 0));
    }

    #[test]
    fn empty_article_has_no_readability() {
        let a = Article::new("e".into(), "E", "");
        let s = summarize(&a, []);
        assert_eq!(
            (s.sentences, s.reading_ease, s.grade_level),
            (0, None, None)
        );
    }
}
