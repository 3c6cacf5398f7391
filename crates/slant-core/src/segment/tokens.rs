//! Tokens (runs between white space) and what a token says about itself: quotes and brackets
//! around it, bullets and list labels, dots and ellipses, capitals.

use super::words::{class, classes_of};
use crate::span::Span;

#[derive(Clone, Copy)]
pub(super) struct Token {
    pub(super) span: Span,
    /// The white space before this token holds a line break.
    pub(super) newline_before: bool,
}

/// White-space separated tokens, found lazily so that long texts need no token buffer.
pub(super) struct Tokens<'a> {
    pub(super) text: &'a str,
    pub(super) pos: usize,
}

/// White space as `char::is_whitespace` has it for ASCII: `u8::is_ascii_whitespace` leaves out
/// the vertical tab, which then ended up inside sentences (found by fuzzing).
fn is_ascii_space(b: u8) -> bool {
    b.is_ascii_whitespace() || b == 0x0B
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let bytes = self.text.as_bytes();
        let mut newline = false;
        let mut i = self.pos;
        // Skip white space.
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                if !is_ascii_space(b) {
                    break;
                }
                newline |= b == b'\n' || b == b'\r';
                i += 1;
            } else {
                let c = self.text[i..].chars().next().expect("char boundary");
                if !c.is_whitespace() {
                    break;
                }
                newline |= matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}');
                i += c.len_utf8();
            }
        }
        if i >= bytes.len() {
            self.pos = i;
            return None;
        }
        let start = i;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                if is_ascii_space(b) {
                    break;
                }
                i += 1;
            } else {
                let c = self.text[i..].chars().next().expect("char boundary");
                if c.is_whitespace() {
                    break;
                }
                i += c.len_utf8();
            }
        }
        // Prose goes on after the token, not code (`exports.Cow = Cow;`).
        let code_follows = || {
            self.text[i..]
                .trim_start()
                .starts_with(['=', '(', '{', '[', '<', '+', '*', '/', '&', '|'])
        };
        // Whether a straight `"` right after the stop closes a quotation opened earlier on
        // its line (`said it."So` has none open: the mark opens the next sentence's quotation).
        let quote_open = |stop: usize| {
            let line = self.text[..stop].rfind('\n').map_or(0, |n| n + 1);
            self.text[line..stop].matches('"').count() % 2 == 1
        };
        // A long run without spaces (a web address, code, a hostile file) is one token: looking
        // into it again after each cut would take time quadratic in its length.
        // The first stop inside the token, with a word on each side: looked for only in
        // tokens long enough to hold two (`ab.Cd`), most of them not.
        let stop = || {
            let inner = &bytes[start + 2..i - 2];
            inner
                .iter()
                .position(|b| matches!(b, b'.' | b'!' | b'?'))
                .map(|p| start + 2 + p)
        };
        if i - start >= 5
            && i - start <= MAX_GLUED
            && let Some(stop) = stop()
            && let Some(at) =
                glued_sentence_start(&self.text[start..i], stop - start, || quote_open(stop))
            && !code_follows()
        {
            i = start + at;
        }
        self.pos = i;
        Some(Token {
            span: Span::new(start, i),
            newline_before: newline,
        })
    }
}

/// Where a second sentence starts inside `token`, written with no space after the first one's
/// stop (`schools.The`, `Kaine."So`, `decision.“However`): the gap rules then decide there as in
/// white space. `stop` is the token's first `.`, `!` or `?` after two bytes. Only a plain word
/// before it and a plain capitalised word after it, so web addresses (`www.cnn.com`,
/// `Amazon.Com`), code (`Console.WriteLine`, `Math.Max(`), initials (`J.R.R.`) and decimals keep
/// their token.
fn glued_sentence_start(token: &str, stop: usize, quote_open: impl Fn() -> bool) -> Option<usize> {
    let (head, tail) = token.split_at(stop);
    // The stop, then closing marks that belong to the first sentence (`."`, `.”`, `.)`); a
    // straight `"` only when a quotation is open.
    let after_stop = &tail[1..];
    let closed = if after_stop.starts_with('"') && !quote_open() {
        after_stop
    } else {
        after_stop.trim_start_matches(['"', '”', '’', ')'])
    };
    let at = token.len() - closed.len();
    // Then maybe an opening quote, and a capitalised plain word.
    let next = closed.trim_start_matches(['“', '‘', '"']);
    if !next.starts_with(char::is_uppercase) {
        return None;
    }
    let end = next
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(next.len(), |(i, _)| i);
    let (next_word, after) = next.split_at(end);
    let well_formed = next_word.chars().count() >= 2
        && next_word.chars().skip(1).all(char::is_lowercase)
        && (after.is_empty()
            || after == "."
            || after.starts_with([',', ';', ':', '"', '”', '’', '\'', '!', '?']));
    if !well_formed || WEB_ADDRESS_PARTS.contains(&next_word.to_ascii_lowercase().as_str()) {
        return None;
    }
    // After `!` or `?` only a plain sentence opener: `Yahoo!Finance`, `Panic!At` are names.
    if !tail.starts_with('.') && classes_of(next_word) & class::STARTER == 0 {
        return None;
    }
    let word = head.trim_start_matches(is_opener);
    let plain = |c: char| c.is_alphabetic() || matches!(c, '-' | '\'' | '’');
    let plain_word = word.chars().count() >= 2
        && word.starts_with(char::is_alphabetic)
        && word.chars().all(plain)
        && word.chars().rev().take(2).all(char::is_lowercase);
    plain_word.then_some(at)
}

/// Endings of web addresses and file names written with a capital (`Amazon.Com`, `Last.Fm`).
const WEB_ADDRESS_PARTS: &[&str] = &[
    "com", "net", "org", "gov", "edu", "io", "co", "uk", "us", "ca", "de", "fr", "au", "eu", "fm",
    "ru", "nz", "jp", "cn", "info", "biz", "tv", "me", "ly", "ai", "js", "ts", "py", "rs", "app",
    "dev", "news", "html", "htm", "php", "aspx", "pdf", "jpg", "png",
];

/// The longest token looked into for a second sentence glued to the first.
const MAX_GLUED: usize = 80;

/// An enumeration label at the start of a list item: a number of up to three digits or one
/// lower-case letter, followed by `.`, `)` or `.)`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Label {
    pub(super) value: u32,
    pub(super) letter: bool,
    pub(super) suffix: LabelSuffix,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum LabelSuffix {
    Dot,
    Paren,
    DotParen,
}

impl Label {
    pub(super) fn parse(token: &str) -> Option<Label> {
        let token = token.trim_start_matches(is_bullet);
        let (body, suffix) = if let Some(b) = token.strip_suffix(".)") {
            (b, LabelSuffix::DotParen)
        } else if let Some(b) = token.strip_suffix(')') {
            (b, LabelSuffix::Paren)
        } else if let Some(b) = token.strip_suffix('.') {
            (b, LabelSuffix::Dot)
        } else {
            return None;
        };
        let mut chars = body.chars();
        match (chars.next(), chars.next()) {
            (Some(c @ 'a'..='z'), None) => Some(Label {
                value: c as u32,
                letter: true,
                suffix,
            }),
            _ if (1..=3).contains(&body.len()) && body.bytes().all(|b| b.is_ascii_digit()) => {
                Some(Label {
                    value: body.parse().ok()?,
                    letter: false,
                    suffix,
                })
            }
            _ => None,
        }
    }

    pub(super) fn follows(self, previous: Label) -> bool {
        self.letter == previous.letter
            && self.suffix == previous.suffix
            && self.value == previous.value + 1
    }
}

pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '‣' | '◦' | '⁃' | '▪' | '▸' | '►' | '■' | '□' | '●' | '○'
    )
}

pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '’' | '”' | '»' | '›' | ')' | ']' | '}' | '*' | '_'
    )
}

pub(super) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '‘' | '“' | '«' | '‹' | '(' | '[' | '{' | '*' | '_' | '¿' | '¡'
    )
}

pub(super) fn strip_open(token: &str) -> &str {
    token.trim_start_matches(|c| is_opener(c) || is_bullet(c))
}

/// The first letter or digit of a token, after opening quotes, brackets and dashes.
pub(super) fn first_alnum(token: &str) -> Option<char> {
    token.chars().find(|c| c.is_alphanumeric())
}

/// Whether a token starts with a lower-case letter, as a sentence's continuation does. A name
/// written with a small first letter and a capital inside (`iPhone`, `eBay`) starts a sentence
/// as any name does.
pub(super) fn starts_lowercase(token: &str) -> bool {
    let token = strip_open(token);
    first_alnum(token).is_some_and(char::is_lowercase)
        && !token
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .any(char::is_uppercase)
}

/// The leading word of a token (`It’s` → `It`), after opening punctuation.
pub(super) fn leading_word(token: &str) -> &str {
    let token = strip_open(token);
    let end = token
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(token.len(), |(i, _)| i);
    &token[..end]
}

pub(super) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised common sentence opener (`The`, `It`, `However`, `Did`).
pub(super) fn is_starter(token: &str) -> bool {
    let word = leading_word(token);
    is_capitalized(word) && classes_of(word) & class::STARTER != 0
}

/// A token made only of periods and ellipsis characters (with closing marks allowed after).
pub(super) fn is_dots(token: &str) -> bool {
    let core = token.trim_end_matches(is_closer);
    !core.is_empty() && core.chars().all(|c| c == '.' || c == '…')
}

pub(super) fn dot_count(s: &str) -> usize {
    s.chars()
        .map(|c| match c {
            '.' => 1,
            '…' => 3,
            _ => 0,
        })
        .sum()
}

/// An ellipsis in brackets marks an omission inside a quotation, never an end.
pub(super) fn is_bracketed_ellipsis(token: &str) -> bool {
    ["[...]", "[…]", "(...)", "(…)", "[. . .]"]
        .iter()
        .any(|e| token.trim_end_matches(is_closer).ends_with(e) || token.contains(e))
}

/// A token that is only a bracketed ellipsis (`[...]`, `[…]`), with nothing glued to it.
pub(super) fn is_bare_bracketed_ellipsis(token: &str) -> bool {
    token
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .is_some_and(|t| !t.is_empty() && t.chars().all(|c| c == '.' || c == '…'))
}

/// Letters separated by periods in groups of one or two: `U.S`, `a.m`, `D.C`, `Ph.D`.
pub(super) fn is_dotted_initialism(core: &str) -> bool {
    core.contains('.')
        && core.split('.').all(|part| {
            let n = part.chars().count();
            (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
        })
}

pub(super) fn is_time_of_day(core: &str) -> bool {
    matches!(core.to_ascii_lowercase().as_str(), "a.m" | "p.m")
}
