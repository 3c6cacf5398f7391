//! Reports students hand in and teachers collect: HTML (prints to PDF), CSV, Markdown and JSON.
//!
//! Every format renders the same [`Report`]: the chosen articles, the chosen reviewers and the
//! figures, gathered once here. Article text is untrusted: HTML goes through maud, which escapes
//! everything it did not write itself; Markdown and CSV escape and quote their own way.

mod class;
mod coverage;
pub mod escape;
mod html;
mod json;
mod markdown;
mod markup;
pub mod spreadsheet;

use std::fmt;

use jiff::Timestamp;

use crate::model::{Annotation, Article, Project, Reviewer, Span, Tag};
use crate::readability::TextCounts;
use crate::stats::{self, ReviewerSummary};
use crate::voices::{self, Voice};

pub use json::SCHEMA_VERSION;

/// The report formats, as `--format` names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Html,
    Csv,
    Markdown,
    Json,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Html, Format::Csv, Format::Markdown, Format::Json];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Markdown => "md",
            Format::Json => "json",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Html => "HTML (prints to PDF)",
            Format::Csv => "CSV (spreadsheet)",
            Format::Markdown => "Markdown",
            Format::Json => "JSON (data)",
        }
    }

    /// HTML and Markdown read as one person's report; CSV and JSON can hold a whole class.
    pub fn one_reviewer(self) -> bool {
        matches!(self, Format::Html | Format::Markdown)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// Which part of the project to report.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    pub whose: Whose,
    /// An article id; `None` for all.
    pub article: Option<String>,
}

/// Whose work a report shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Whose {
    /// Every reviewer in CSV and JSON; the only one in HTML and Markdown, which read as one
    /// person's report (a class file must say whose, or ask for the class's).
    #[default]
    Unnamed,
    /// One reviewer, by name or id: a student's report. From a class file it shows that
    /// student's score alone.
    Reviewer(String),
    /// The whole class, as a teacher reads it: in HTML and Markdown how the class tagged each
    /// sentence, every reviewer's notes and every student's score; in CSV and JSON, as
    /// [`Whose::Unnamed`].
    Class,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error("no reviewer named \"{name}\" in the project (reviewers: {known})")]
    UnknownReviewer { name: String, known: String },
    #[error("{count} reviewers are named \"{name}\"; give the id of the one you mean ({ids})")]
    AmbiguousReviewer {
        name: String,
        count: usize,
        ids: String,
    },
    #[error("no article with id \"{id}\" in the project (articles: {known})")]
    UnknownArticle { id: String, known: String },
    #[error(
        "this project has {count} reviewers; choose whose report to write with --reviewer, or --class for the whole class's (reviewers: {known})"
    )]
    ChooseReviewer { count: usize, known: String },
    #[error("the report could not be written: {0}")]
    Write(String),
}

/// One article as reported: its figures and, per sentence, the chosen reviewers' annotations.
pub struct ArticleReport<'a> {
    pub article: &'a Article,
    pub text: TextCounts,
    /// Cues in the text, whoever reviews it.
    pub evidence: stats::Evidence,
    /// One per chosen reviewer, in project order.
    pub reviewers: Vec<ReviewerSummary>,
    /// The voices each chosen reviewer's Quote sentences give, in the same order.
    pub voices: Vec<Vec<Voice>>,
}

impl ArticleReport<'_> {
    /// Loaded phrases per 100 words for the first chosen reviewer.
    pub fn phrases_per_100_words(&self, r: &ReviewerSummary) -> f64 {
        stats::per_100_words(r.loaded_phrases, self.text.words)
    }
}

/// What the class report's marks beside each sentence mean: they were printed without a word.
const CLASS_MARKS_HTML: &str = "After each sentence, in brackets, how the class tagged it: (4: F 1 S 2) is sentence 4, tagged Fact by one reviewer and Speculation by two; \u{201c}untagged\u{201d} counts the reviewers who left it. Every reviewer counts, the answer key too.";
const CLASS_MARKS_MARKDOWN: &str = "Before each sentence, in brackets, how the class tagged it: **[F 1 · S 2]** is a sentence tagged Fact by one reviewer and Speculation by two; \u{201c}untagged\u{201d} counts the reviewers who left it. Every reviewer counts, the answer key too.";

/// Everything a report shows.
pub struct Report<'a> {
    pub project: &'a Project,
    pub reviewers: Vec<&'a Reviewer>,
    pub articles: Vec<ArticleReport<'a>>,
    pub generated: Timestamp,
    /// The class's agreement and scores, for a project with two reviewers or more.
    pub class: Option<Vec<crate::agreement::ClassArticle<'a>>>,
    /// What each pair of articles reports in common and apart (HTML and Markdown).
    pub coverage: Vec<coverage::CoveragePair<'a>>,
    /// A teacher's report of the whole class ([`Whose::Class`], HTML and Markdown).
    pub whole_class: bool,
}

impl<'a> Report<'a> {
    pub fn new(
        project: &'a Project,
        selection: &Selection,
        format: Format,
        generated: Timestamp,
        lexicons: &crate::cues::Lexicons,
    ) -> Result<Report<'a>, ReportError> {
        let names = || {
            project
                .reviewers
                .iter()
                .map(|r| r.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let reviewers: Vec<&Reviewer> =
            match &selection.whose {
                Whose::Reviewer(name)
                    if same_name(project, name).len() > 1
                        && !project.reviewers.iter().any(|r| r.id.as_str() == name) =>
                {
                    let same = same_name(project, name);
                    return Err(ReportError::AmbiguousReviewer {
                        name: name.clone(),
                        count: same.len(),
                        ids: same
                            .iter()
                            .map(|r| r.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    });
                }
                Whose::Reviewer(name) => vec![project.find_reviewer(name).ok_or_else(|| {
                    ReportError::UnknownReviewer {
                        name: name.clone(),
                        known: names(),
                    }
                })?],
                Whose::Unnamed if format.one_reviewer() && project.reviewers.len() > 1 => {
                    return Err(ReportError::ChooseReviewer {
                        count: project.reviewers.len(),
                        known: names(),
                    });
                }
                Whose::Unnamed | Whose::Class => project.reviewers.iter().collect(),
            };
        // A class report reads every reviewer's work sentence by sentence, not one person's.
        let whole_class =
            selection.whose == Whose::Class && format.one_reviewer() && reviewers.len() > 1;
        // No reviewer yet (an assignment before anyone tagged it): a handout of the articles,
        // their figures and the evidence in their text, without tags.
        let articles: Vec<&Article> = match &selection.article {
            Some(id) => vec![project.article(id).ok_or_else(|| {
                ReportError::UnknownArticle {
                    id: id.clone(),
                    known: project
                        .articles
                        .iter()
                        .map(|a| a.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                }
            })?],
            None => project.articles.iter().collect(),
        };
        let student = match (&selection.whose, reviewers.as_slice()) {
            (Whose::Reviewer(_), [one]) => Some(&one.id),
            _ => None,
        };
        let class = class::gather(project, &articles, student);
        let coverage = match format {
            Format::Html | Format::Markdown => coverage::gather(&articles),
            Format::Csv | Format::Json => Vec::new(),
        };
        let articles = articles
            .into_iter()
            .map(|article| {
                let text = stats::text_counts(article);
                // Found once for the article, then counted for each reviewer's Quote tags.
                let speakers = voices::Speakers::of(article);
                // A class report has no one person's figures: how the class tagged each
                // sentence stands in their place.
                let reviewers: &[&Reviewer] = if whole_class { &[] } else { &reviewers };
                ArticleReport {
                    article,
                    evidence: stats::Evidence::of(article, text.words, lexicons),
                    text,
                    reviewers: reviewers
                        .iter()
                        .map(|r| stats::reviewer_summary(article, &r.id))
                        .collect(),
                    voices: reviewers
                        .iter()
                        .map(|r| speakers.quoted_voices(article, &r.id))
                        .collect(),
                }
            })
            .collect();
        Ok(Report {
            project,
            reviewers,
            articles,
            generated,
            class,
            coverage,
            whole_class,
        })
    }

    /// The one reviewer of an HTML or Markdown report; `None` in a class report.
    pub fn reviewer(&self) -> Option<&Reviewer> {
        (!self.whole_class)
            .then(|| self.reviewers.first().copied())
            .flatten()
    }

    /// In a class report, how the class tagged sentence `s` of `article`: each tag given and
    /// by how many, then how many left it untagged.
    pub fn class_tags(&self, article: &Article, s: usize) -> (Vec<(Tag, usize)>, usize) {
        let tags: Vec<Option<Tag>> = self
            .reviewers
            .iter()
            .map(|r| article.annotation(&r.id, s).and_then(|a| a.tag))
            .collect();
        let counts = Tag::ALL
            .iter()
            .map(|&t| (t, tags.iter().filter(|&&x| x == Some(t)).count()))
            .filter(|&(_, n)| n > 0)
            .collect();
        (counts, tags.iter().filter(|x| x.is_none()).count())
    }

    /// In a class report, the loaded phrases any reviewer marked in sentence `s`, overlapping
    /// ones joined, as one annotation to underline them by.
    pub fn class_phrases(&self, article: &Article, s: usize) -> Annotation {
        let mut spans: Vec<Span> = self
            .reviewers
            .iter()
            .filter_map(|r| article.annotation(&r.id, s))
            .flat_map(|a| a.loaded_phrases.iter().copied())
            .collect();
        spans.sort_by_key(|p| (p.start, p.end));
        let mut joined: Vec<Span> = Vec::new();
        for p in spans {
            match joined.last_mut() {
                Some(last) if p.start <= last.end => last.end = last.end.max(p.end),
                _ => joined.push(p),
            }
        }
        Annotation {
            loaded_phrases: joined,
            ..Annotation::default()
        }
    }

    /// In a class report, every reviewer's note on sentence `s`, with their name.
    pub fn class_notes<'r>(&'r self, article: &'r Article, s: usize) -> Vec<(String, &'r str)> {
        self.reviewers
            .iter()
            .filter_map(|r| {
                article
                    .annotation(&r.id, s)
                    .and_then(|a| a.note.as_deref())
                    .map(|n| (self.project.shown_name(r), n))
            })
            .collect()
    }

    pub fn generated_date(&self) -> String {
        self.generated.strftime("%Y-%m-%d").to_string()
    }
}

/// The reviewers whose name is `name` (case and spacing aside).
fn same_name<'p>(project: &'p Project, name: &str) -> Vec<&'p Reviewer> {
    project
        .reviewers
        .iter()
        .filter(|r| r.is_named(name))
        .collect()
}

/// Renders the report in `format`.
pub fn render(report: &Report, format: Format) -> Result<Vec<u8>, ReportError> {
    match format {
        Format::Html => Ok(escape::visible_controls(html::render(report)).into_bytes()),
        Format::Markdown => Ok(escape::visible_controls(markdown::render(report)).into_bytes()),
        Format::Csv => spreadsheet::render(report),
        Format::Json => json::render(report),
    }
}

/// A piece of a sentence: plain, or inside a loaded phrase.
pub struct Run<'t> {
    pub text: &'t str,
    pub phrase: bool,
}

/// Splits a sentence at its loaded phrases, for formats that mark them inline.
pub fn runs<'t>(
    article: &'t Article,
    sentence: Span,
    annotation: Option<&Annotation>,
) -> Vec<Run<'t>> {
    let mut out = Vec::new();
    let mut at = sentence.start;
    for p in annotation.map_or(&[][..], |a| &a.loaded_phrases[..]) {
        if p.start > at {
            out.push(Run {
                text: &article.text[at..p.start],
                phrase: false,
            });
        }
        out.push(Run {
            text: article.slice(*p),
            phrase: true,
        });
        at = p.end;
    }
    if at < sentence.end {
        out.push(Run {
            text: &article.text[at..sentence.end],
            phrase: false,
        });
    }
    out
}

/// "1 named, 5 unnamed"
pub fn voice_counts(voices: &[Voice]) -> String {
    let (named, unnamed) = voices::count(voices);
    format!("{named} named, {unnamed} unnamed")
}

/// "37%"
pub fn percent(share: f64) -> String {
    crate::wording::percent(share)
}

/// A tag's count and share, "11 (37%)".
/// Said above the comparison when the work is unfinished: a share of 0% may only mean "not
/// tagged yet".
pub fn shares_note(report: &Report) -> Option<String> {
    let unfinished = report.articles.iter().any(|a| {
        a.reviewers
            .first()
            .is_some_and(|r| r.tagged < a.article.sentences.len())
    });
    unfinished.then(|| {
        "Not every sentence is tagged yet: shares are of all the article's sentences, and untagged sentences are in none of them.".to_owned()
    })
}

pub fn count_and_share(r: &ReviewerSummary, tag: Tag) -> String {
    format!("{} ({})", r.counts.get(tag), percent(r.shares.get(tag)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_split_at_phrases() {
        let a = Article::new("a".into(), "A", "It was a dangerous gamble, they said.");
        let ann = Annotation {
            tag: Some(Tag::Quote),
            note: None,
            loaded_phrases: vec![Span::new(9, 25)],
            ..Annotation::default()
        };
        let r = runs(&a, a.sentences[0], Some(&ann));
        let parts: Vec<(&str, bool)> = r.iter().map(|x| (x.text, x.phrase)).collect();
        assert_eq!(
            parts,
            [
                ("It was a ", false),
                ("dangerous gamble", true),
                (", they said.", false)
            ]
        );
    }
}
