//! Marking a loaded phrase from the keyboard: P opens a dialog over the selected sentence
//! ([`crate::words_dialog`]), the person types the words, Enter marks them (or unmarks a phrase
//! already marked there). Dragging across the words does the same with the pointer.

use slant_core::model::{Article, ReviewerId, Span};

use super::actions::Action;
use super::words;
use super::words_dialog::{Outcome, quoted, whole_words};

/// What the typed words do to sentence `sentence`: the same words as a phrase already marked
/// unmark it; other words are marked, joined with any marked phrase they overlap.
pub(super) fn outcome(
    article: &Article,
    reviewer: Option<&ReviewerId>,
    column: usize,
    sentence: usize,
    query: &str,
) -> Outcome {
    let span = article.sentences[sentence];
    let found: Option<Span> =
        words::find_matches(article.sentence_text(sentence), span.start, query)
            .into_iter()
            .find(|m| whole_words(article, *m));
    let marked = found.is_some_and(|m| {
        reviewer
            .and_then(|r| article.annotation(r, sentence))
            .is_some_and(|a| a.loaded_phrases.contains(&m))
    });
    Outcome {
        button: if marked { "Unmark" } else { "Mark" },
        preview: Vec::new(),
        action: found.map(|span| {
            if marked {
                Action::TogglePhrase { column, span }
            } else {
                Action::MarkPhraseAt { column, span }
            }
        }),
        problem: format!("{} is not in this sentence as whole words.", quoted(query)),
    }
}
