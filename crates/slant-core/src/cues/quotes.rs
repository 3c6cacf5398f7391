//! Where quotations begin and end, told apart from apostrophes.

use crate::model::Span;

/// Byte ranges of quotations in `text`, from opening to closing mark. A quotation may run over
/// several sentences and paragraphs; a right single mark between letters (isn’t, Iran’s), a left
/// one there (the typo Iran‘s) and one before digits (’90s) are apostrophes. A quotation left open
/// at a paragraph break continues only if the next paragraph closes it or opens with a mark.
pub fn quotations(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None; // (byte, closing mark expected)
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        let letter_before = prev.is_some_and(char::is_alphanumeric);
        let letter_after = next.is_some_and(char::is_alphanumeric);
        match open {
            None => {
                let closing = match c {
                    '“' => Some('”'),
                    '‘' if !letter_before && letter_or_mark(next) => Some('’'),
                    '"' if !letter_before => Some('"'),
                    '\'' if !letter_before && next.is_some_and(char::is_alphabetic) => Some('\''),
                    _ => None,
                };
                if let Some(closing) = closing {
                    open = Some((at, closing));
                }
            }
            Some((start, closing)) => {
                let closes = c == closing
                    && match c {
                        '’' | '\'' => !(letter_before && letter_after),
                        _ => true,
                    };
                if closes {
                    out.push(Span::new(start, at + c.len_utf8()));
                    open = None;
                } else if c == '\n' {
                    // A paragraph break inside an open quotation.
                    let rest = text[at..].trim_start();
                    let next_para_end = rest.find('\n').unwrap_or(rest.len());
                    let reopens = rest.starts_with(['“', '‘', '"', '\'']);
                    let closes_later = rest[..next_para_end].contains(closing);
                    if !reopens && !closes_later {
                        open = None; // an unbalanced mark; do not swallow the article
                    } else if reopens {
                        // News style reopens a quotation that runs on into the next paragraph;
                        // that mark starts the next part.
                        out.push(Span::new(start, at));
                        open = None;
                    }
                }
            }
        }
        prev = Some(c);
    }
    out
}

fn letter_or_mark(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '“' | '"' | '.' | '…'))
}
