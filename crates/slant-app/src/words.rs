//! Picking text out of a sentence: the word under the pointer, the whole words a drag covers,
//! and the places a Find query occurs. Plain string logic, tested on its own.

use slant_core::model::Span;

/// A character as Find compares it: lower case, and a curly quote as the straight one a
/// keyboard types (`Iran's` finds `Iran’s`).
fn folded(c: char) -> char {
    match c {
        '’' | '‘' | '‛' | 'ʼ' | '′' => '\'',
        '“' | '”' | '„' | '‟' | '″' => '"',
        c => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

/// Byte ranges where `query` occurs in `text` (which starts at byte `offset`), compared
/// character by character without case and with curly quotes as straight ones.
pub fn find_matches(text: &str, offset: usize, query: &str) -> Vec<Span> {
    let query: Vec<char> = query.chars().map(folded).collect();
    if query.is_empty() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i, folded(c))).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + query.len() <= chars.len() {
        if chars[i..i + query.len()]
            .iter()
            .zip(&query)
            .all(|((_, c), q)| c == q)
        {
            let end = chars.get(i + query.len()).map_or(text.len(), |(at, _)| *at);
            out.push(Span::new(offset + chars[i].0, offset + end));
            i += query.len();
        } else {
            i += 1;
        }
    }
    out
}

/// The word around byte `at` within `span`: the run between white space and dashes, without
/// the punctuation around it (`“obliterated”,` → `obliterated`), keeping an abbreviation's
/// periods (`U.S.`).
pub fn word_at(text: &str, span: Span, at: usize) -> Span {
    let breaks = |c: char| c.is_whitespace() || matches!(c, '—' | '–');
    let at = at.clamp(span.start, span.end);
    let start = text[span.start..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| breaks(c))
        .map_or(span.start, |(i, c)| span.start + i + c.len_utf8());
    let end = text[at..span.end]
        .char_indices()
        .find(|&(_, c)| breaks(c))
        .map_or(span.end, |(i, _)| at + i);
    let token = &text[start..end.max(start)];
    let inner = token.trim_matches(|c: char| !c.is_alphanumeric());
    if inner.is_empty() {
        return Span::new(at, at);
    }
    let lead = token.len()
        - token
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let mut len = inner.len();
    if inner.contains('.') && token[lead + len..].starts_with('.') {
        len += 1; // U.S.
    }
    Span::new(start + lead, start + lead + len)
}

/// The whole words covered by a drag from byte `a` to byte `b` inside `sentence`.
pub fn phrase_from_drag(text: &str, sentence: Span, a: usize, b: usize) -> Span {
    let (a, b) = (
        a.min(b).clamp(sentence.start, sentence.end),
        a.max(b).clamp(sentence.start, sentence.end),
    );
    let last_char = text[a..b].char_indices().last().map_or(a, |(i, _)| a + i);
    let (start, end) = (
        word_at(text, sentence, a).start,
        word_at(text, sentence, last_char).end,
    );
    let covered = &text[start..end.max(start)];
    Span::new(start, start + covered.trim_end().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_ignores_case_and_matches_typed_quotes_to_curly_ones() {
        let text = "Iran’s “fast” missiles; IRAN's too.";
        let found = |q: &str| -> Vec<&str> {
            find_matches(text, 0, q)
                .iter()
                .map(|s| &text[s.range()])
                .collect()
        };
        assert_eq!(found("iran's"), ["Iran’s", "IRAN's"]);
        assert_eq!(found("\"fast\""), ["“fast”"]);
        assert_eq!(found("missile"), ["missile"]);
        assert!(found("").is_empty());
        // Offsets count from where the text starts in the article.
        assert_eq!(
            find_matches("ab ab", 10, "AB"),
            [Span::new(10, 12), Span::new(13, 15)]
        );
    }

    #[test]
    fn words_are_found_around_a_byte() {
        let text = "He said Iran’s war-hero ended.";
        let all = Span::new(0, text.len());
        assert_eq!(&text[word_at(text, all, 9).range()], "Iran’s");
        assert_eq!(&text[word_at(text, all, 18).range()], "war-hero");
        let quoted = "the “obliterated” U.S. support—or not.";
        let q = Span::new(0, quoted.len());
        let at = |needle: &str| quoted.find(needle).unwrap() + 1;
        assert_eq!(
            &quoted[word_at(quoted, q, at("bliterated")).range()],
            "obliterated"
        );
        assert_eq!(&quoted[word_at(quoted, q, at("U.S.")).range()], "U.S.");
        assert_eq!(
            &quoted[word_at(quoted, q, at("support")).range()],
            "support"
        );
        assert_eq!(&quoted[word_at(quoted, q, at("or not")).range()], "or");
        // A drag from inside "Iran’s" to inside "war-hero" covers both whole words.
        let drag = |a, b| &text[phrase_from_drag(text, all, a, b).range()];
        assert_eq!(drag(10, 19), "Iran’s war-hero");
        assert_eq!(drag(19, 10), "Iran’s war-hero");
        assert_eq!(drag(10, 17), "Iran’s", "up to the start of a word only");
    }
}
