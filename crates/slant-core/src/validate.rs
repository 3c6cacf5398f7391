//! The invariants a project must hold, checked whenever one is loaded.
//!
//! A file that parses can still be wrong (hand-edited, produced by another tool, damaged):
//! each problem names the article, sentence and reviewer it is about, with 1-based sentence
//! numbers as everywhere a person reads them.

use std::collections::HashSet;
use std::fmt;

use crate::model::{Article, Project, Reviewer, Span};

/// The longest article text a project may hold: three times the largest article file Slant
/// imports ([`crate::import::MAX_ARTICLE_BYTES`]), since decoding can grow a file that much
/// (Windows-1252's curly quotes take three bytes in UTF-8).
pub const MAX_TEXT_BYTES: usize = 64_000_000;

/// The longest other string (a title, a name, a note, an address): a note of a million bytes is
/// a book, so a longer one is damage or an attack, not a review.
pub const MAX_FIELD_BYTES: usize = 1_000_000;

/// One broken invariant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A string longer than its limit; `what` names it (`title`, `note`…), in `article` if any.
    TooLong {
        article: Option<String>,
        what: String,
        bytes: usize,
        limit: usize,
    },
    DuplicateReviewer {
        id: String,
    },
    /// The answer key names a reviewer the project does not have.
    UnknownAnswerKey {
        reviewer: String,
    },
    DuplicateArticle {
        id: String,
    },
    EmptySentence {
        article: String,
        sentence: usize,
        span: Span,
    },
    SentenceOutsideText {
        article: String,
        sentence: usize,
        span: Span,
        text_len: usize,
    },
    SentenceSplitsCharacter {
        article: String,
        sentence: usize,
        offset: usize,
    },
    /// The text is not the one Slant saved (its fingerprint differs): changed outside Slant.
    /// Sentences are byte ranges into it, so one space added shifts every sentence after it,
    /// and the file is refused rather than read with sentences cut in the wrong places.
    TextChanged {
        article: String,
    },
    SentencesOverlap {
        article: String,
        sentence: usize,
    },
    UnknownReviewer {
        article: String,
        reviewer: String,
    },
    /// `key` is the 0-based sentence key as written in the file: it may be any number, even
    /// the largest (`sentence` would overflow), so it is shown as `key + 1` without arithmetic
    /// on `usize`.
    AnnotationWithoutSentence {
        article: String,
        reviewer: String,
        key: usize,
        sentences: usize,
    },
    PhraseOutsideSentence {
        article: String,
        reviewer: String,
        sentence: usize,
        phrase: Span,
        span: Span,
    },
    PhraseSplitsCharacter {
        article: String,
        reviewer: String,
        sentence: usize,
        offset: usize,
    },
    PhrasesOverlap {
        article: String,
        reviewer: String,
        sentence: usize,
    },
}

impl Problem {
    /// The article the problem is in, if it is in one (used to find it in the file).
    pub fn article(&self) -> Option<&str> {
        match self {
            Problem::DuplicateReviewer { .. } | Problem::UnknownAnswerKey { .. } => None,
            Problem::TooLong { article, .. } => article.as_deref(),
            Problem::DuplicateArticle { id } => Some(id),
            Problem::EmptySentence { article, .. }
            | Problem::SentenceOutsideText { article, .. }
            | Problem::SentenceSplitsCharacter { article, .. }
            | Problem::TextChanged { article }
            | Problem::SentencesOverlap { article, .. }
            | Problem::UnknownReviewer { article, .. }
            | Problem::AnnotationWithoutSentence { article, .. }
            | Problem::PhraseOutsideSentence { article, .. }
            | Problem::PhraseSplitsCharacter { article, .. }
            | Problem::PhrasesOverlap { article, .. } => Some(article),
        }
    }
}

impl Problem {
    /// What [`Problem::TextChanged`] says, naming the previous save where there is one (a
    /// student's first save, or a file sent by mail, has none to go back to).
    pub fn text_changed(article: &str, backup: Option<&str>) -> String {
        let back = backup.map_or(String::new(), |name| {
            format!(", or go back to {name} beside it (the save before the last)")
        });
        format!(
            "article \"{article}\": its text is not the text Slant saved, so it was changed outside Slant; the sentences and tags are places in that text and would no longer fit it. Undo the change{back}. To change an article's text, use Edit article text… in Slant's Edit menu, which keeps each tag on its sentence"
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::TooLong {
                article,
                what,
                bytes,
                limit,
            } => {
                if let Some(article) = article {
                    write!(f, "article \"{article}\": ")?;
                }
                write!(
                    f,
                    "{what} is {:.1} MB, more than the {} MB a project can hold",
                    *bytes as f64 / 1e6,
                    limit / 1_000_000
                )
            }
            Problem::DuplicateReviewer { id } => write!(f, "reviewer id \"{id}\" is used twice"),
            Problem::UnknownAnswerKey { reviewer } => write!(
                f,
                "answer_key names reviewer \"{reviewer}\", who is not in the project's reviewers"
            ),
            Problem::DuplicateArticle { id } => write!(f, "article id \"{id}\" is used twice"),
            Problem::EmptySentence {
                article,
                sentence,
                span,
            } => write!(
                f,
                "article \"{article}\", sentence {sentence}: the range {span} is empty"
            ),
            Problem::SentenceOutsideText {
                article,
                sentence,
                span,
                text_len,
            } => write!(
                f,
                "article \"{article}\", sentence {sentence}: the range {span} ends past the end of the text ({text_len} bytes)"
            ),
            Problem::SentenceSplitsCharacter {
                article,
                sentence,
                offset,
            } => write!(
                f,
                "article \"{article}\", sentence {sentence}: offset {offset} falls inside a character"
            ),
            Problem::TextChanged { article } => f.write_str(&Problem::text_changed(article, None)),
            Problem::SentencesOverlap { article, sentence } => write!(
                f,
                "article \"{article}\", sentence {sentence}: it starts before the previous sentence ends (sentences must be in order and not overlap)"
            ),
            Problem::UnknownReviewer { article, reviewer } => write!(
                f,
                "article \"{article}\": annotations by reviewer \"{reviewer}\", who is not in the project's reviewers"
            ),
            Problem::AnnotationWithoutSentence {
                article,
                reviewer,
                key,
                sentences,
            } => write!(
                f,
                "article \"{article}\", reviewer \"{reviewer}\": an annotation for sentence {} (key {key}), but the article has {sentences} sentences",
                u128::from(*key as u64) + 1
            ),
            Problem::PhraseOutsideSentence {
                article,
                reviewer,
                sentence,
                phrase,
                span,
            } => write!(
                f,
                "article \"{article}\", reviewer \"{reviewer}\", sentence {sentence}: loaded phrase {phrase} is not inside the sentence ({span})"
            ),
            Problem::PhraseSplitsCharacter {
                article,
                reviewer,
                sentence,
                offset,
            } => write!(
                f,
                "article \"{article}\", reviewer \"{reviewer}\", sentence {sentence}: loaded phrase offset {offset} falls inside a character"
            ),
            Problem::PhrasesOverlap {
                article,
                reviewer,
                sentence,
            } => write!(
                f,
                "article \"{article}\", reviewer \"{reviewer}\", sentence {sentence}: loaded phrases must be in order and not overlap"
            ),
        }
    }
}

/// Every problem in `project`, in file order; empty when it is sound.
pub fn check(project: &Project) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_lengths(project, &mut problems);
    let mut seen = HashSet::new();
    for r in &project.reviewers {
        if !seen.insert(r.id.as_str()) {
            problems.push(Problem::DuplicateReviewer {
                id: r.id.to_string(),
            });
        }
    }
    if let Some(key) = &project.answer_key
        && !seen.contains(key.as_str())
    {
        problems.push(Problem::UnknownAnswerKey {
            reviewer: key.to_string(),
        });
    }
    let mut articles = HashSet::new();
    for article in &project.articles {
        if !articles.insert(article.id.as_str()) {
            problems.push(Problem::DuplicateArticle {
                id: article.id.to_string(),
            });
        }
        check_article(article, &seen, &mut problems);
    }
    problems
}

/// Every string within its limit ([`MAX_TEXT_BYTES`], [`MAX_FIELD_BYTES`]).
pub fn check_lengths(project: &Project, problems: &mut Vec<Problem>) {
    too_long(None, "the title", &project.title, MAX_FIELD_BYTES, problems);
    for r in &project.reviewers {
        reviewer_lengths(r, problems);
    }
    for a in &project.articles {
        article_lengths(a, problems);
    }
}

/// A reviewer's name within [`MAX_FIELD_BYTES`].
pub fn reviewer_lengths(r: &Reviewer, problems: &mut Vec<Problem>) {
    let what = format!("reviewer \"{}\"'s name", r.id);
    too_long(None, &what, &r.name, MAX_FIELD_BYTES, problems);
}

/// Every string of an article within its limit: commands that bring one in check it too, so a
/// project Slant saves always loads again.
pub fn article_lengths(a: &Article, problems: &mut Vec<Problem>) {
    let id = Some(a.id.as_str());
    too_long(id, "the text", &a.text, MAX_TEXT_BYTES, problems);
    if let Some(original) = &a.original {
        too_long(id, "the original text", original, MAX_TEXT_BYTES, problems);
    }
    too_long(id, "the title", &a.title, MAX_FIELD_BYTES, problems);
    for (what, value) in [
        ("the outlet", &a.outlet),
        ("the url", &a.url),
        ("the byline", &a.byline),
    ] {
        if let Some(v) = value {
            too_long(id, what, v, MAX_FIELD_BYTES, problems);
        }
    }
    for (reviewer, by) in &a.annotations {
        for (key, annotation) in by {
            if let Some(note) = &annotation.note {
                let what = format!("reviewer \"{reviewer}\"'s note on sentence key {key}");
                too_long(id, &what, note, MAX_FIELD_BYTES, problems);
            }
        }
    }
    for u in &a.unplaced {
        let what = format!("reviewer \"{}\"'s unplaced sentence", u.reviewer);
        too_long(id, &what, &u.sentence, MAX_TEXT_BYTES, problems);
        if let Some(note) = &u.annotation.note {
            too_long(
                id,
                &format!("{what}'s note"),
                note,
                MAX_FIELD_BYTES,
                problems,
            );
        }
    }
}

/// Adds a [`Problem::TooLong`] when `s` is longer than `limit` bytes.
pub fn too_long(
    article: Option<&str>,
    what: &str,
    s: &str,
    limit: usize,
    problems: &mut Vec<Problem>,
) {
    if s.len() > limit {
        problems.push(Problem::TooLong {
            article: article.map(str::to_owned),
            what: what.to_owned(),
            bytes: s.len(),
            limit,
        });
    }
}

fn check_article(article: &Article, reviewers: &HashSet<&str>, problems: &mut Vec<Problem>) {
    let id = || article.id.to_string();
    let text = &article.text;
    let mut sound = vec![false; article.sentences.len()];
    let mut previous_end = 0;
    for (i, &span) in article.sentences.iter().enumerate() {
        let sentence = i + 1;
        if span.is_empty() {
            problems.push(Problem::EmptySentence {
                article: id(),
                sentence,
                span,
            });
        } else if span.end > text.len() {
            problems.push(Problem::SentenceOutsideText {
                article: id(),
                sentence,
                span,
                text_len: text.len(),
            });
        } else if let Some(offset) = [span.start, span.end]
            .into_iter()
            .find(|&o| !text.is_char_boundary(o))
        {
            problems.push(Problem::SentenceSplitsCharacter {
                article: id(),
                sentence,
                offset,
            });
        } else if span.start < previous_end {
            problems.push(Problem::SentencesOverlap {
                article: id(),
                sentence,
            });
        } else {
            sound[i] = true;
            previous_end = span.end;
        }
    }
    for item in &article.unplaced {
        if !reviewers.contains(item.reviewer.as_str()) {
            problems.push(Problem::UnknownReviewer {
                article: id(),
                reviewer: item.reviewer.to_string(),
            });
        }
    }
    for (reviewer, by_sentence) in &article.annotations {
        if !reviewers.contains(reviewer.as_str()) {
            problems.push(Problem::UnknownReviewer {
                article: id(),
                reviewer: reviewer.to_string(),
            });
        }
        for (&index, annotation) in by_sentence {
            let who = || reviewer.to_string();
            let Some(&span) = article.sentences.get(index) else {
                problems.push(Problem::AnnotationWithoutSentence {
                    article: id(),
                    reviewer: who(),
                    key: index,
                    sentences: article.sentences.len(),
                });
                continue;
            };
            let sentence = index + 1; // `index` names a sentence, so this cannot overflow
            if !sound[index] {
                continue; // already reported; phrase checks would only repeat it
            }
            let mut previous_end = span.start;
            for &phrase in &annotation.loaded_phrases {
                if phrase.is_empty() || !span.contains(phrase) {
                    problems.push(Problem::PhraseOutsideSentence {
                        article: id(),
                        reviewer: who(),
                        sentence,
                        phrase,
                        span,
                    });
                } else if let Some(offset) = [phrase.start, phrase.end]
                    .into_iter()
                    .find(|&o| !text.is_char_boundary(o))
                {
                    problems.push(Problem::PhraseSplitsCharacter {
                        article: id(),
                        reviewer: who(),
                        sentence,
                        offset,
                    });
                } else if phrase.start < previous_end {
                    problems.push(Problem::PhrasesOverlap {
                        article: id(),
                        reviewer: who(),
                        sentence,
                    });
                }
                previous_end = previous_end.max(phrase.end);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ReviewerId, Tag};
    use jiff::Timestamp;

    fn project() -> Project {
        let mut p = Project::new("P", Timestamp::UNIX_EPOCH);
        let r = p.add_reviewer("Ann");
        let mut a = Article::new("a".into(), "A", "Iran’s move. Then this.");
        a.set_tag(&r, 0, Some(Tag::Fact));
        p.articles.push(a);
        p
    }

    #[test]
    fn strings_longer_than_their_limit_are_refused() {
        let mut p = project();
        p.articles[0].text.push_str(&" ".repeat(MAX_TEXT_BYTES));
        p.articles[0].edit_annotation(&p.reviewers[0].id.clone(), 1, |a| {
            a.note = Some("x".repeat(MAX_FIELD_BYTES + 1));
        });
        let messages: Vec<String> = check(&p).iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "article \"a\": the text is 64.0 MB, more than the 64 MB a project can hold",
                "article \"a\": reviewer \"ann\"'s note on sentence key 1 is 1.0 MB, more than the 1 MB a project can hold",
            ]
        );
        p.articles[0].text.truncate(MAX_TEXT_BYTES);
        assert_eq!(check(&p).len(), 1, "the limit itself is allowed");
    }

    #[test]
    fn a_sound_project_has_no_problems() {
        assert_eq!(check(&project()), []);
    }

    #[test]
    fn each_broken_invariant_is_named() {
        let mut p = project();
        p.articles[0].sentences[0] = Span::new(0, 5); // inside ’ (bytes 4..7)
        assert_eq!(
            check(&p)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["article \"a\", sentence 1: offset 5 falls inside a character"]
        );

        let mut p = project();
        p.articles[0].sentences[1] = Span::new(5, 99);
        assert!(matches!(
            check(&p)[..],
            [Problem::SentenceOutsideText {
                sentence: 2,
                text_len: 25,
                ..
            }]
        ));

        let mut p = project();
        p.articles[0].sentences[1] = Span::new(3, 10);
        assert!(matches!(
            check(&p)[..],
            [Problem::SentencesOverlap { sentence: 2, .. }]
        ));

        let mut p = project();
        let ghost = ReviewerId::from("ghost");
        p.articles[0].set_tag(&ghost, 5, Some(Tag::Quote));
        assert_eq!(
            check(&p)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            [
                "article \"a\": annotations by reviewer \"ghost\", who is not in the project's reviewers",
                "article \"a\", reviewer \"ghost\": an annotation for sentence 6 (key 5), but the article has 2 sentences"
            ]
        );

        let mut p = project();
        let ann = p.reviewers[0].id.clone();
        p.articles[0].edit_annotation(&ann, 1, |a| {
            a.loaded_phrases = vec![Span::new(20, 24), Span::new(0, 3)]
        });
        let found = check(&p);
        assert!(
            matches!(
                found[..],
                [Problem::PhraseOutsideSentence { sentence: 2, .. }]
            ),
            "{found:?}"
        );
    }
}
