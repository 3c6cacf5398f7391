//! Splitting a sentence from the keyboard: Shift+S opens a dialog over the selected sentence
//! ([`crate::words_dialog`]), the person types the words the second sentence starts with and sees
//! the two parts, Enter splits.
//! A right-click's "Split sentence here" does the same with the pointer; without this, a student
//! who works by keyboard alone could not mend a sentence the splitter ran together.

use slant_core::model::{Article, Span};

use super::actions::Action;
use super::words;
use super::words_dialog::{Outcome, in_word, quoted};

/// What the typed words do: split the sentence before them, showing both parts first. Where the
/// words stand more than once, the first place is taken and the preview says so; where they
/// cannot split, the preview says why before Enter is pressed.
pub(super) fn outcome(
    article: &Article,
    span: Span,
    column: usize,
    sentence: usize,
    query: &str,
) -> Outcome {
    let places = split_points(&article.text, span, query);
    let problem = if starts_a_word(&article.text, span, query) {
        format!(
            "{} is where the sentence starts: type words that come later in it.",
            quoted(query)
        )
    } else {
        format!("{} is not in this sentence as whole words.", quoted(query))
    };
    let preview = match places.as_slice() {
        [] if query.is_empty() => Vec::new(),
        [] => vec![problem.clone()],
        [at, more @ ..] => {
            let mut lines = vec![
                format!("First: {}", article.text[span.start..*at].trim_end()),
                format!("Second: {}", article.text[*at..span.end].trim_start()),
            ];
            if !more.is_empty() {
                lines.push(format!(
                    "The words stand {} times in the sentence: this is the first; type more words to choose another.",
                    more.len() + 1
                ));
            }
            lines
        }
    };
    Outcome {
        button: "Split",
        preview,
        action: places.first().map(|&at| Action::SplitSentence {
            column,
            sentence,
            at,
        }),
        problem,
    }
}

/// Whether the typed words begin a word anywhere in the sentence (its start included).
fn starts_a_word(text: &str, span: Span, query: &str) -> bool {
    words::find_matches(&text[span.start..span.end], span.start, query)
        .into_iter()
        .any(|m| {
            !text[span.start..m.start]
                .chars()
                .next_back()
                .is_some_and(in_word)
        })
}

/// Where the typed words start in the sentence, each place they begin a word after its first
/// word (a split before it would leave an empty sentence). Case and curly quotes are ignored; a
/// quotation mark or bracket opening the second part belongs to it (`“We`).
fn split_points(text: &str, span: Span, query: &str) -> Vec<usize> {
    if query.is_empty() {
        return Vec::new();
    }
    words::find_matches(&text[span.start..span.end], span.start, query)
        .into_iter()
        .map(|m| m.start)
        .filter(|&start| {
            let before = &text[span.start..start];
            !before.chars().next_back().is_some_and(in_word) && before.chars().any(in_word)
        })
        .map(|start| {
            // Back over the punctuation that opens the second part, to the space before it.
            let before = &text[span.start..start];
            let opening = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| !c.is_whitespace() && !in_word(*c))
                .last()
                .map_or(start, |(i, _)| span.start + i);
            if text[span.start..opening].chars().any(in_word) {
                opening
            } else {
                start
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str, query: &str) -> Option<(String, String)> {
        let span = Span::new(0, text.len());
        split_points(text, span, query).first().map(|&at| {
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
