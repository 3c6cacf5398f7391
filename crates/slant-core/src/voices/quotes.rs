//! What a sentence says outside quotation marks, where a speaker is named: the words inside them
//! are the speaker's, and a quotation may run on from an earlier sentence.

/// The sentence with everything inside quotation marks blanked out. A right single mark between
/// letters is an apostrophe (isn’t), as is a left one there (Iran‘s).
pub fn outside_quotes(text: &str) -> String {
    outside_quotes_from(text, QuoteState::default()).0
}

/// Whether a quotation is open, and in which marks: a quotation may run over several sentences
/// ("“We will act. We have no choice,” Warren said.").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct QuoteState {
    /// Curly marks opened and not closed (nested quotations count each).
    depth: usize,
    /// Inside straight double marks.
    straight: bool,
}

impl QuoteState {
    pub(crate) fn is_open(self) -> bool {
        self.depth > 0 || self.straight
    }
}

/// [`outside_quotes`] for a sentence that starts in `state` (inside a quotation an earlier
/// sentence opened), with the state it leaves. A straight mark opens after a space and before
/// a word, and closes after a word and before a space or punctuation: the sentence that closes
/// a quotation opened before (`We have no choice," Warren said.`) still shows its speaker.
pub(crate) fn outside_quotes_from(text: &str, mut state: QuoteState) -> (String, QuoteState) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let between_letters =
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        match c {
            '“' => state.depth += 1,
            '”' => state.depth = state.depth.saturating_sub(1),
            '‘' if !between_letters => state.depth += 1,
            '’' if !between_letters && state.depth > 0 => state.depth -= 1,
            '"' => {
                let after_space =
                    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–'));
                let before_space =
                    next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation());
                state.straight = match (after_space, before_space) {
                    (true, false) => true,
                    (false, true) => false,
                    _ => !state.straight,
                };
            }
            // A direction mark or a zero-width character before a name ("\u{200F}Reuters
            // reported") hid the name's capital: it prints as nothing, and reads as nothing.
            c if prints_nothing(c) => continue,
            _ => {
                out.push(if state.is_open() { ' ' } else { c });
                continue;
            }
        }
        out.push(' ');
    }
    (out, state)
}

/// The text without the characters that print as nothing, for reading names in it.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(prints_nothing) {
        text.chars().filter(|&c| !prints_nothing(c)).collect()
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Characters that print as nothing: those repair takes out of a text, and the direction marks
/// and joiners it keeps, which right-to-left text needs.
fn prints_nothing(c: char) -> bool {
    crate::import::repair::is_invisible(c)
        || matches!(c, '\u{200C}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_marks_read_as_nothing() {
        assert_eq!(
            outside_quotes("delayed, \u{200F}Reuters reported."),
            "delayed, Reuters reported."
        );
    }

    #[test]
    fn quotation_marks_hide_their_words() {
        assert!(!outside_quotes("a “said x” b").contains("said"));
        let outside = outside_quotes("Iran‘s isn’t ‘quoted said’ end");
        assert!(
            outside.contains("Iran‘s isn’t") && !outside.contains("said"),
            "{outside}"
        );
    }
}
