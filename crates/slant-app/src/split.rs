//! Splitting a sentence from the keyboard: Shift+S opens a dialog over the selected sentence
//! ([`crate::words_dialog`]), the person types the words the second sentence starts with and sees
//! the two parts, Enter splits.
//! A right-click's "Split sentence here" does the same with the pointer; without this, a student
//! who works by keyboard alone could not mend a sentence the splitter ran together.

use slant_core::model::{Article, Span};

use super::actions::Action;
use super::words;
use super::words_dialog::{Outcome, in_word, quoted};

/// What the typed words do: split the sentence before them, showing both parts first.
pub(super) fn outcome(
    article: &Article,
    span: Span,
    column: usize,
    sentence: usize,
    query: &str,
) -> Outcome {
    let at = split_point(&article.text, span, query);
    let preview = at.map_or_else(Vec::new, |at| {
        vec![
            format!("First: {}", article.text[span.start..at].trim_end()),
            format!("Second: {}", article.text[at..span.end].trim_start()),
        ]
    });
    Outcome {
        button: "Split",
        preview,
        action: at.map(|at| Action::SplitSentence {
            column,
            sentence,
            at,
        }),
        problem: format!(
            "{} does not start a word after the sentence's first word.",
            quoted(query)
        ),
    }
}

/// Where the typed words start in the sentence: the first place they begin a word, after its
/// first word (a split before it would leave an empty sentence). Case and curly quotes are
/// ignored; a quotation mark or bracket opening the second part belongs to it (`“We`).
fn split_point(text: &str, span: Span, query: &str) -> Option<usize> {
    if query.is_empty() {
        return None;
    }
    let word = in_word;
    words::find_matches(&text[span.start..span.end], span.start, query)
        .into_iter()
        .map(|m| m.start)
        .find(|&start| {
            let before = &text[span.start..start];
            !before.chars().next_back().is_some_and(word) && before.chars().any(word)
        })
        .map(|start| {
            // Back over the punctuation that opens the second part, to the space before it.
            let before = &text[span.start..start];
            let opening = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| !c.is_whitespace() && !word(*c))
                .last()
                .map_or(start, |(i, _)| span.start + i);
            if text[span.start..opening].chars().any(word) {
                opening
            } else {
                start
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str, query: &str) -> Option<(String, String)> {
        let span = Span::new(0, text.len());
        split_point(text, span, query).map(|at| {
            (
                text[..at].trim_end().to_owned(),
                text[at..].trim_start().to_owned(),
            )
        })
    }

    #[test]
    fn the_typed_words_start_the_second_sentence() {
        let text = "The council voted on Tuesday the mayor said “We will appeal.”";
        assert_eq!(
            parts(text, "the mayor"),
            Some((
                "The council voted on Tuesday".into(),
                "the mayor said “We will appeal.”".into()
            )),
            "the first place the words start a word, not the sentence's own start"
        );
        assert_eq!(
            parts(text, "we will"),
            Some((
                "The council voted on Tuesday the mayor said".into(),
                "“We will appeal.”".into()
            )),
            "the opening quotation mark goes with the second part"
        );
        assert_eq!(parts(text, "ouncil"), None, "inside a word is no split");
        assert_eq!(parts(text, "zebra"), None);
        assert_eq!(parts(text, "The council"), None, "nothing before it");
    }
}
