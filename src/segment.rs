//! Sentence splitting for English news text, returning byte ranges.
//!
//! Rule-based and single-pass: sentence boundaries only ever fall in the white space between two
//! tokens, and each gap is decided from the token before it, the token after it and a little
//! state about the sentence so far. The word lists live in `assets/segment/abbreviations.txt`.
//! Why rules and not a crate: see the README's "Sentence splitting" section for the measured
//! comparison with `sentencex`.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::Span;

const WORD_LISTS: &str = include_str!("../assets/segment/abbreviations.txt");

/// Word classes from the lists file, as bit flags (a word may be in several).
mod class {
    pub const TITLE: u16 = 1;
    pub const NUMBER: u16 = 1 << 1;
    pub const MONTH: u16 = 1 << 2;
    pub const AMBIGUOUS: u16 = 1 << 3;
    pub const STARTER: u16 = 1 << 4;
    pub const AFTER_TIME: u16 = 1 << 5;
    pub const OPENER: u16 = 1 << 6;
    pub const DANGLING: u16 = 1 << 7;
}

fn word_classes() -> &'static HashMap<String, u16> {
    static LISTS: OnceLock<HashMap<String, u16>> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut map = HashMap::new();
        for line in WORD_LISTS.lines() {
            let line = line.trim();
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let (name, words) = line.split_once(':').expect("`class: words` line");
            let bit = match name.trim() {
                "title" => class::TITLE,
                "number" => class::NUMBER,
                "month" => class::MONTH,
                "ambiguous" => class::AMBIGUOUS,
                "starter" => class::STARTER,
                "after-time" => class::AFTER_TIME,
                "opener" => class::OPENER,
                "dangling" => class::DANGLING,
                other => panic!("unknown word class {other:?} in abbreviations.txt"),
            };
            for word in words.split_whitespace() {
                *map.entry(word.to_lowercase()).or_insert(0) |= bit;
            }
        }
        map
    })
}

/// The classes of `word`, ignoring case; 0 when it is in no list.
fn classes_of(word: &str) -> u16 {
    if word.is_empty() || word.len() > 16 {
        return 0;
    }
    let map = word_classes();
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return map.get(word).copied().unwrap_or(0);
    }
    map.get(&word.to_lowercase()).copied().unwrap_or(0)
}

/// Splits `text` into sentences. Every non-white-space character lies in exactly one sentence;
/// each sentence starts and ends on a non-white-space character.
pub fn split(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 100 + 1);
    let mut tokens = Tokens { text, pos: 0 };
    let Some(first) = tokens.next() else {
        return out;
    };
    let mut sentence = Sentence::begin(text, first.span);
    let mut prev: Option<Span> = None;
    let mut cur = first.span;
    while let Some(next) = tokens.next() {
        let gap = Gap {
            text,
            prev,
            cur,
            next: next.span,
            newline: next.newline_before,
            rest: tokens.pos,
        };
        if gap.is_boundary(&sentence) {
            out.push(Span::new(sentence.start, cur.end));
            sentence = Sentence::begin(text, next.span);
        } else {
            sentence.extend(text, next.span);
        }
        prev = Some(cur);
        cur = next.span;
    }
    out.push(Span::new(sentence.start, cur.end));
    out
}

#[derive(Clone, Copy)]
struct Token {
    span: Span,
    /// The white space before this token holds a line break.
    newline_before: bool,
}

/// White-space separated tokens, found lazily so that long texts need no token buffer.
struct Tokens<'a> {
    text: &'a str,
    pos: usize,
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
                if !b.is_ascii_whitespace() {
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
                if b.is_ascii_whitespace() {
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
        self.pos = i;
        Some(Token {
            span: Span::new(start, i),
            newline_before: newline,
        })
    }
}

/// What the splitter knows about the sentence being built.
struct Sentence {
    start: usize,
    tokens: usize,
    /// Whether any letter or digit has been seen (a lone ellipsis is not a sentence yet).
    has_alnum: bool,
    /// The first token's word, lower-cased, for the opening-time-phrase rule.
    opener: bool,
    /// The enumeration label the sentence starts with (`1.`, `b)`, `2.)`), if any.
    label: Option<Label>,
    /// Where that label ends: the gap after it is never a boundary.
    label_end: usize,
    /// The sentence so far is only bullets (`•`), so the next token may be its label.
    only_bullets: bool,
}

impl Sentence {
    fn begin(text: &str, first: Span) -> Sentence {
        let token = &text[first.range()];
        let word = strip_open(token);
        Sentence {
            start: first.start,
            tokens: 1,
            has_alnum: token.chars().any(char::is_alphanumeric),
            opener: classes_of(word) & class::OPENER != 0,
            label: Label::parse(token),
            label_end: first.end,
            only_bullets: token.chars().all(is_bullet),
        }
    }

    fn extend(&mut self, text: &str, next: Span) {
        self.tokens += 1;
        if self.only_bullets {
            self.label = Label::parse(&text[next.range()]);
            self.label_end = next.end;
            self.only_bullets = text[next.range()].chars().all(is_bullet);
        }
        if !self.has_alnum {
            self.has_alnum = text[next.range()].chars().any(char::is_alphanumeric);
        }
    }
}

/// An enumeration label at the start of a list item: a number of up to three digits or one
/// lower-case letter, followed by `.`, `)` or `.)`.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Label {
    value: u32,
    letter: bool,
    suffix: LabelSuffix,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LabelSuffix {
    Dot,
    Paren,
    DotParen,
}

impl Label {
    fn parse(token: &str) -> Option<Label> {
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

    fn follows(self, previous: Label) -> bool {
        self.letter == previous.letter
            && self.suffix == previous.suffix
            && self.value == previous.value + 1
    }
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '‣' | '◦' | '⁃' | '▪' | '▸' | '►' | '■' | '□' | '●' | '○'
    )
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '’' | '”' | '»' | '›' | ')' | ']' | '}' | '*' | '_'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '‘' | '“' | '«' | '‹' | '(' | '[' | '{' | '*' | '_' | '¿' | '¡'
    )
}

fn strip_open(token: &str) -> &str {
    token.trim_start_matches(|c| is_opener(c) || is_bullet(c))
}

/// The first letter or digit of a token, after opening quotes, brackets and dashes.
fn first_alnum(token: &str) -> Option<char> {
    token.chars().find(|c| c.is_alphanumeric())
}

fn starts_lowercase(token: &str) -> bool {
    first_alnum(strip_open(token)).is_some_and(char::is_lowercase)
}

/// The leading word of a token (`It’s` → `It`), after opening punctuation.
fn leading_word(token: &str) -> &str {
    let token = strip_open(token);
    let end = token
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(token.len(), |(i, _)| i);
    &token[..end]
}

fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised common sentence opener (`The`, `It`, `However`, `Did`).
fn is_starter(token: &str) -> bool {
    let word = leading_word(token);
    is_capitalized(word) && classes_of(word) & class::STARTER != 0
}

/// A token made only of periods and ellipsis characters (with closing marks allowed after).
fn is_dots(token: &str) -> bool {
    let core = token.trim_end_matches(is_closer);
    !core.is_empty() && core.chars().all(|c| c == '.' || c == '…')
}

fn dot_count(s: &str) -> usize {
    s.chars()
        .map(|c| match c {
            '.' => 1,
            '…' => 3,
            _ => 0,
        })
        .sum()
}

/// An ellipsis in brackets marks an omission inside a quotation, never an end.
fn is_bracketed_ellipsis(token: &str) -> bool {
    ["[...]", "[…]", "(...)", "(…)", "[. . .]"]
        .iter()
        .any(|e| token.trim_end_matches(is_closer).ends_with(e) || token.contains(e))
}

/// Letters separated by periods in groups of one or two: `U.S`, `a.m`, `D.C`, `Ph.D`.
fn is_dotted_initialism(core: &str) -> bool {
    core.contains('.')
        && core.split('.').all(|part| {
            let n = part.chars().count();
            (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
        })
}

fn is_time_of_day(core: &str) -> bool {
    matches!(core.to_ascii_lowercase().as_str(), "a.m" | "p.m")
}

/// The white space between `cur` and `next`, and what is needed to decide whether a sentence
/// ends there.
struct Gap<'a> {
    text: &'a str,
    prev: Option<Span>,
    cur: Span,
    next: Span,
    newline: bool,
    /// Byte offset just past `next`, where further look-ahead starts.
    rest: usize,
}

impl Gap<'_> {
    fn is_boundary(&self, sentence: &Sentence) -> bool {
        let cur = &self.text[self.cur.range()];
        let next = &self.text[self.next.range()];

        // A bullet starts a new list item; a lone bullet belongs to the item it starts.
        if next.starts_with(is_bullet) {
            return true;
        }
        if cur.chars().all(is_bullet) {
            return false;
        }
        // The next item of a list this sentence starts (`1) … 2) …`, `a. … b. …`).
        if let (Some(label), Some(next_label)) = (sentence.label, Label::parse(next))
            && next_label.follows(label)
        {
            return true;
        }
        if !sentence.has_alnum || (sentence.label.is_some() && self.cur.end == sentence.label_end) {
            return false;
        }
        if is_bracketed_ellipsis(cur) {
            return false;
        }
        // A period glued to a word and followed by a spaced ellipsis (`compounds. . . . The`):
        // the period ends this sentence and the ellipsis opens the next one.
        if is_dots(next) && !is_dots(cur) {
            return cur.trim_end_matches(is_closer).ends_with('.')
                && !cur.trim_end_matches(is_closer).ends_with("..")
                && self.word_after_dots().is_some_and(|w| !starts_lowercase(w));
        }
        if is_dots(cur) {
            return self.after_spaced_dots(next);
        }

        let core_with_closers = cur;
        let core = core_with_closers.trim_end_matches(is_closer);
        let closed = core.len() != core_with_closers.len();
        match core.chars().last() {
            Some('!' | '?' | '‼' | '⁇' | '⁈' | '⁉') => !starts_lowercase(next),
            Some('.' | '…') => {
                let trailing = core.len() - core.trim_end_matches(['.', '…']).len();
                let dots = dot_count(&core[core.len() - trailing..]);
                if dots >= 4 {
                    // An ellipsis and a period: an end, unless the sentence plainly goes on.
                    !starts_lowercase(next)
                } else if dots == 3 {
                    ellipsis_ends_before(next)
                } else if closed {
                    // A quotation or parenthesis closed after the period.
                    !starts_lowercase(next)
                } else {
                    self.period_ends(sentence, &core[..core.len() - 1], next)
                }
            }
            Some(c) => self.line_ends(c, cur, next),
            None => false,
        }
    }

    /// A gap after a word ending in a single period: abbreviations, initials, labels, numbers.
    fn period_ends(&self, sentence: &Sentence, word: &str, next: &str) -> bool {
        if starts_lowercase(next) {
            return false;
        }
        let word = strip_open(word);
        let next_is_number = strip_open(next).starts_with(|c: char| c.is_ascii_digit());
        let classes = classes_of(word);
        if classes & class::TITLE != 0 {
            return false;
        }
        if classes & class::NUMBER != 0 && next_is_number {
            return false;
        }
        if classes & class::MONTH != 0 {
            return !next_is_number && is_starter(next);
        }
        if is_time_of_day(word) {
            let next_word = leading_word(next);
            let continues = classes_of(next_word) & class::AFTER_TIME != 0
                || (sentence.opener && sentence.tokens <= 4);
            return !continues;
        }
        if classes & class::AMBIGUOUS != 0 || is_dotted_initialism(word) {
            return is_starter(next);
        }
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && c.is_alphabetic()
        {
            // An initial (`Jonas E. Smith`) unless a sentence plainly starts (`you and I. Did`).
            return is_starter(next);
        }
        true
    }

    /// A gap after a token with no terminal punctuation: only a line break can end a sentence
    /// there (a headline, a list line), and not when the line plainly goes on.
    fn line_ends(&self, last: char, cur: &str, next: &str) -> bool {
        if !self.newline || starts_lowercase(next) {
            return false;
        }
        if matches!(
            last,
            ',' | ';' | '(' | '[' | '{' | '—' | '–' | '-' | '&' | '/'
        ) {
            return false;
        }
        let word = leading_word(cur);
        word.len() != cur.len() || classes_of(word) & class::DANGLING == 0
    }

    /// The gap after a run of stand-alone dots (`. . .`, `...`, `…`).
    fn after_spaced_dots(&self, next: &str) -> bool {
        let dots = self.dots_in_run();
        if dots >= 4 {
            !starts_lowercase(next)
        } else {
            ellipsis_ends_before(next)
        }
    }

    /// Counts the dots in the run of dot-only tokens that ends with `cur`, looking back.
    fn dots_in_run(&self) -> usize {
        let mut count = dot_count(&self.text[self.cur.range()]);
        let mut end = self.cur.start;
        // Walk back token by token while the tokens are dots only.
        while let Some((start, token)) = token_before(self.text, end) {
            if !is_dots(token) {
                // A word with a glued period (`period.` in `period. . .`) is a period of its
                // own and is handled at its own gap; count it only when the run follows a space.
                break;
            }
            count += dot_count(token);
            end = start;
        }
        if let Some(p) = self.prev
            && is_dots(&self.text[p.range()])
            && count == dot_count(&self.text[self.cur.range()])
        {
            count += dot_count(&self.text[p.range()]);
        }
        count
    }

    /// The first token after the run of dot-only tokens that starts with `next`.
    fn word_after_dots(&self) -> Option<&str> {
        let mut tokens = Tokens {
            text: self.text,
            pos: self.rest,
        };
        tokens
            .find(|t| !is_dots(&self.text[t.span.range()]))
            .map(|t| &self.text[t.span.range()])
    }
}

/// A three-dot ellipsis is a pause; it ends a sentence only before a capitalised word, and not
/// before `I`, which is capitalised wherever it stands.
fn ellipsis_ends_before(next: &str) -> bool {
    let word = leading_word(next);
    is_capitalized(word) && word != "I"
}

/// The token that ends at or before byte `end`, with its start.
fn token_before(text: &str, end: usize) -> Option<(usize, &str)> {
    let head = text[..end].trim_end();
    if head.is_empty() {
        return None;
    }
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some((start, &head[start..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn empty_and_blank_text_has_no_sentences() {
        assert!(split("").is_empty());
        assert!(split(" \n\t\u{a0}").is_empty());
    }

    #[test]
    fn abbreviations_titles_and_initials() {
        assert_eq!(
            sentences("Sen. Warren spoke to Dr. Lee at 9 a.m. Monday. It rained."),
            [
                "Sen. Warren spoke to Dr. Lee at 9 a.m. Monday.",
                "It rained."
            ]
        );
        assert_eq!(
            sentences("Talks with Acme Inc. ended Jan. 5. The deal with Acme Inc. It failed."),
            [
                "Talks with Acme Inc. ended Jan. 5.",
                "The deal with Acme Inc.",
                "It failed."
            ]
        );
        assert_eq!(
            sentences("George W. Bush met them in Washington, D.C. The talks ended."),
            [
                "George W. Bush met them in Washington, D.C.",
                "The talks ended."
            ]
        );
    }

    #[test]
    fn numbers_money_and_decimals() {
        assert_eq!(
            sentences("Inflation hit 3.5% in 2024. Prices rose $1.2 billion. Costs fell."),
            [
                "Inflation hit 3.5% in 2024.",
                "Prices rose $1.2 billion.",
                "Costs fell."
            ]
        );
    }

    #[test]
    fn quotes_end_sentences_in_curly_and_straight_marks() {
        assert_eq!(
            sentences("It is ‘almost inevitable.’ Analysts agree. \"We won.\" They left."),
            [
                "It is ‘almost inevitable.’",
                "Analysts agree.",
                "\"We won.\"",
                "They left."
            ]
        );
        assert_eq!(
            sentences("“Where now?” she asked. ‘Home,’ he said."),
            ["“Where now?” she asked.", "‘Home,’ he said."]
        );
    }

    #[test]
    fn line_breaks_end_headlines_but_not_broken_sentences() {
        assert_eq!(
            sentences(
                "Netanyahu URGES Trump\nIn a meeting, he spoke.\n\nA case to U.S.\n\nPresident Trump, urging action."
            ),
            [
                "Netanyahu URGES Trump",
                "In a meeting, he spoke.",
                "A case to U.S.\n\nPresident Trump, urging action."
            ]
        );
        assert_eq!(
            sentences("The strike hit the\nWhite House lawn, and\nthen the region.\nNext line"),
            [
                "The strike hit the\nWhite House lawn, and\nthen the region.",
                "Next line"
            ]
        );
    }

    #[test]
    fn spans_cover_every_visible_character_once() {
        let text = "  One.  Two?\n\n“Three.”   Four…  ";
        let spans = split(text);
        let covered: String = spans.iter().map(|s| &text[s.range()]).collect();
        let visible: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(
            covered
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>(),
            visible
        );
        assert!(spans.windows(2).all(|w| w[0].end < w[1].start));
    }
}
