//! Finding where in a project file a semantic problem stands, so that messages can give a line.
//!
//! Parsing does not keep positions, so this looks for the article's `id: "…"` and, from there,
//! the sentence or reviewer the problem names. It is a search in the text as Slant writes it; on
//! a file laid out differently it may find only the article, or nothing, and the message then
//! names the article and sentence alone.

use crate::validate::Problem;

use super::Located;

pub fn locate(text: &str, problem: Problem) -> Located {
    let at = position(text, &problem);
    let (line, column) = match at {
        Some(offset) => {
            let (l, c) = line_column(&text.as_bytes()[..offset]);
            (Some(l), Some(c))
        }
        None => (None, None),
    };
    Located {
        line,
        column,
        problem,
    }
}

fn position(text: &str, problem: &Problem) -> Option<usize> {
    match problem {
        Problem::UnknownAnswerKey { .. } => return text.find("answer_key:"),
        Problem::DuplicateReviewer { id } => {
            // The second `id: "…"` in the reviewers list, which comes before the articles.
            let list = text.find("reviewers:")?;
            let end = text[list..]
                .find("articles:")
                .map_or(text.len(), |i| list + i);
            let needle = format!("id: {}", ron_string(id));
            return text[list..end]
                .match_indices(&needle)
                .nth(1)
                .map(|(i, _)| list + i);
        }
        _ => {}
    }
    let article = problem.article()?;
    let article_at = text.find(&format!("id: {}", ron_string(article)))?;
    let after = |from: usize, needle: &str| text[from..].find(needle).map(|i| from + i);
    let found = match problem {
        Problem::EmptySentence { sentence, .. }
        | Problem::SentenceOutsideText { sentence, .. }
        | Problem::SentenceSplitsCharacter { sentence, .. }
        | Problem::SentencesOverlap { sentence, .. } => {
            let list = text[article_at..]
                .match_indices("sentences:")
                .map(|(i, _)| article_at + i)
                .find(|&i| text[i + "sentences:".len()..].trim_start().starts_with('['))?;
            nth_pair(text, list, *sentence)
        }
        Problem::UnknownReviewer { reviewer, .. }
        | Problem::AnnotationWithoutSentence { reviewer, .. }
        | Problem::PhraseOutsideSentence { reviewer, .. }
        | Problem::PhraseSplitsCharacter { reviewer, .. }
        | Problem::PhrasesOverlap { reviewer, .. } => {
            let annotations = after(article_at, "annotations:")?;
            let by = after(annotations, &ron_string(reviewer))?;
            match problem {
                Problem::UnknownReviewer { .. } => Some(by),
                Problem::AnnotationWithoutSentence { key, .. } => find_key(text, by, *key),
                Problem::PhraseOutsideSentence { sentence, .. }
                | Problem::PhraseSplitsCharacter { sentence, .. }
                | Problem::PhrasesOverlap { sentence, .. } => find_key(text, by, sentence - 1),
                _ => None,
            }
        }
        // The article's `text:` field, the first line after its id that starts with it.
        Problem::TextChanged { .. } => {
            let mut at = article_at;
            text[article_at..].split_inclusive('\n').find_map(|line| {
                let found = line.trim_start().starts_with("text:");
                let here = at + (line.len() - line.trim_start().len());
                at += line.len();
                found.then_some(here)
            })
        }
        Problem::DuplicateArticle { .. } => text[article_at + 1..]
            .find(&format!("id: {}", ron_string(article)))
            .map(|i| article_at + 1 + i),
        Problem::DuplicateReviewer { .. }
        | Problem::UnknownAnswerKey { .. }
        | Problem::TooLong { .. } => None,
    };
    Some(found.unwrap_or(article_at))
}

/// Where sentence key `key:` is written at or after `from` (a whole number, not the end of one).
fn find_key(text: &str, from: usize, key: usize) -> Option<usize> {
    let key = format!("{key}:");
    text[from..]
        .match_indices(&key)
        .map(|(i, _)| from + i)
        .find(|&i| !text.as_bytes()[i - 1].is_ascii_digit())
}

/// The offset of the `n`th (1-based) `(` after `from`: sentence ranges are written as pairs.
fn nth_pair(text: &str, from: usize, n: usize) -> Option<usize> {
    text[from..]
        .match_indices('(')
        .nth(n.checked_sub(1)?)
        .map(|(i, _)| from + i)
}

fn ron_string(s: &str) -> String {
    format!("{s:?}")
}

/// The 1-based line and column just after `before`.
pub fn line_column(before: &[u8]) -> (usize, usize) {
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}
