//! Sentence splitting for English news text, returning byte ranges.
//!
//! Rule-based and single-pass: sentence boundaries only ever fall in the white space between two
//! tokens, and each gap is decided from the token before it, the token after it and a little
//! state about the sentence so far. The word lists live in `assets/segment/abbreviations.txt`.
//! Why rules and not a crate: see the README's "Sentence splitting" section for the measured
//! comparison with `sentencex`.

mod lines;
mod quotes;
mod tokens;
mod words;

use quotes::{brings_in_quotation, is_quote_opener};
use tokens::*;
use words::{class, classes_of};

use crate::span::Span;

/// Whether `word` is a month, a weekday or a word of a date line ("Updated", "Posted"), from
/// the splitter's word lists: web import uses it to take a date off a byline.
pub(crate) fn is_date_word(word: &str) -> bool {
    classes_of(word) & (class::DATE_MONTH | class::DATE_WORD) != 0
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
    /// A token of the sentence so far opens a quotation right after a word that brings one in
    /// (`said "All`, `that “It`): only then is a stop inside one looked at again (the look
    /// costs, and most sentences have no such quotation).
    opens_quotation: bool,
    /// The last token so far.
    last: Span,
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
            opens_quotation: false,
            last: first,
        }
    }

    fn extend(&mut self, text: &str, next: Span) {
        self.tokens += 1;
        if !self.opens_quotation && text[next.range()].starts_with(['"', '“']) {
            self.opens_quotation = brings_in_quotation(&text[self.last.range()]);
        }
        self.last = next;
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
        if !sentence.has_alnum {
            // A paragraph of symbols alone (`***`, `___`, `- -`, `×`) is a separator, its own
            // unit; on the line of the words after it (`... and then`) it opens their sentence.
            return self.blank();
        }
        if sentence.label.is_some() && self.cur.end == sentence.label_end {
            return false;
        }
        if self.newline && self.line_is_complete(cur, next) {
            return true;
        }
        // A picture's credit after its caption on one line (`…in Washington D.C. Image: United
        // States Navy.`, `Playstation VR demo Image: Nick Moreau.`) is a unit of its own.
        if lines::is_picture_credit(next)
            && !next.starts_with(is_opener)
            && !dangles(cur)
            && !cur.ends_with([',', ';', ':'])
            && self.credit_follows()
        {
            return true;
        }
        // A pull quote's speaker after a dash on the quotation's line (`“…than knowledge.” —
        // Albert Einstein`, `"…a long game." - Matthew Ingram, Fortune`) belongs to it.
        if !self.newline
            && matches!(next, "—" | "–" | "-" | "--" | "―")
            && cur.ends_with(['”', '"', '’', '»'])
            && cur
                .trim_end_matches(is_closer)
                .ends_with(['.', '!', '?', '…'])
            && self.speaker_line_follows()
        {
            return false;
        }
        if is_bracketed_ellipsis(cur) {
            // An omission mark inside a quotation goes on, unless a sentence plainly starts
            // after it (`[…] However, …`); not before a citation (`[...]" (Smith 55)`).
            return is_bare_bracketed_ellipsis(cur)
                && next.starts_with(|c: char| c.is_uppercase() || is_quote_opener(c))
                && ellipsis_ends_before(next);
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
        let mut core = core_with_closers.trim_end_matches(is_closer);
        let mut closed = core.len() != core_with_closers.len();
        // An opening quote typed where the closing one belongs (`the decision.“ However`).
        let unturned = core.trim_end_matches(['“', '‘']);
        if unturned.len() != core.len() && unturned.ends_with(['.', '!', '?', '…']) {
            core = unturned;
            closed = true;
        }
        if sentence.opens_quotation
            && !closed
            && !self.newline
            && core.ends_with(['.', '!', '?', '…'])
            && self.in_embedded_quotation()
        {
            return false;
        }
        match core.chars().last() {
            // "“Why now?” he asked." and "“Do they?” Forte said." go on.
            Some('!' | '?' | '‼' | '⁇' | '⁈' | '⁉') => {
                let speaker = closed && self.speaker_follows(next);
                !starts_lowercase(next) && !speaker
            }
            Some('.' | '…') => {
                let trailing = core.len() - core.trim_end_matches(['.', '…']).len();
                let dots = dot_count(&core[core.len() - trailing..]);
                if dots >= 4 {
                    // An ellipsis and a period: an end, unless the sentence plainly goes on.
                    !starts_lowercase(next)
                } else if dots == 3 {
                    ellipsis_ends_before(next)
                        && !self.speaker_follows(next)
                        && !self.in_quoted_title()
                } else if closed {
                    // A quotation or parenthesis closed after the period.
                    !starts_lowercase(next)
                } else {
                    self.period_ends(sentence, &core[..core.len() - 1], next)
                }
            }
            Some(c) if c.is_ascii_digit() && is_footnoted_end(core) => {
                next.starts_with(char::is_uppercase) || self.line_ends(c, cur, next)
            }
            Some(c) => self.line_ends(c, cur, next),
            // A token of closing marks alone (`}`, `)`, `”` set apart) at a line's end.
            None => cur
                .chars()
                .last()
                .is_some_and(|c| self.line_ends(c, cur, next)),
        }
    }

    /// Whether a line break ends the sentence whatever the words around it say: before a
    /// caption's credit line (`Image: United States Navy.`), after or before a date line
    /// (`Published 10:32 EST, 3 March 2024`), after a paragraph whose last line ends with a date
    /// or time, and before a paragraph that opens a quotation (`He said,` ⏎⏎ `“we will…`).
    /// Copy-paste puts breaks inside sentences too (`case to U.S.` ⏎⏎ `President`), but not
    /// before these.
    fn line_is_complete(&self, cur: &str, next: &str) -> bool {
        if lines::is_credit_label(next) {
            return true;
        }
        let blank = self.blank();
        // Not before punctuation that goes on with the line before (`"Le Mai"` ⏎⏎ `. Cinema.`,
        // as pages cut around a link).
        if blank && !starts_lowercase(next) && !next.starts_with(['.', ',', ';', ':', ')', ']']) {
            // A paragraph that is a headline in title case or capitals (`Relations With U.S.`,
            // `What the Fund Is For`) or ends in a web address is complete, however it ends; not
            // a dateline's line (`New York CNN —`), which opens the story's first sentence.
            // A headline's last word has a capital (`U.S.`, `For`); most paragraphs end in a
            // small word, and are not read again.
            let dash = cur.ends_with(['—', '–', '-']);
            let capital_end = strip_open(cur).starts_with(char::is_uppercase);
            if (capital_end
                && !dash
                && lines::is_heading(lines::line_before(self.text, self.cur.end)))
                || lines::is_web_address(cur)
            {
                return true;
            }
            // So is the paragraph before a separator (`***`).
            if !dangles(cur)
                && !next.chars().any(char::is_alphanumeric)
                && !lines::line_from(self.text, self.next.start)
                    .chars()
                    .any(char::is_alphanumeric)
            {
                return true;
            }
        }
        if lines::may_be_dated(cur) {
            let line = lines::line_before(self.text, self.cur.end);
            if lines::is_date_line(line) || (blank && lines::ends_with_date(line)) {
                return true;
            }
        }
        let dangles = dangles(cur);
        if !dangles && !cur.ends_with([',', ';']) && lines::may_be_dated(next) && {
            let next_line = lines::line_from(self.text, self.next.start);
            lines::is_date_line(next_line)
        } {
            return true;
        }
        blank && !dangles && next.starts_with(is_quote_opener)
    }

    /// Whether a short bracketed aside with no sentence end in it comes next: after a time of
    /// day it is the time elsewhere (`8:51 p.m. (1451 GMT) from Baikonur`, `(Moscow time)`),
    /// and the sentence goes on; a bracket that holds a sentence of its own
    /// (`(A second meeting is planned.)`) does not.
    fn short_aside_follows(&self) -> bool {
        let rest = &self.text[self.next.start..];
        let Some(inner) = rest.strip_prefix('(') else {
            return false;
        };
        let window = &inner[..inner.floor_char_boundary(40)];
        window
            .find(')')
            .is_some_and(|close| !window[..close].contains(['.', '!', '?', '\n']))
    }

    /// Whether the gap holds a blank line (a paragraph break).
    fn blank(&self) -> bool {
        let gap = &self.text[self.cur.end..self.next.start];
        gap.matches('\n').count() >= 2 || gap.contains('\u{2029}')
    }

    /// A gap after a word ending in a single period: abbreviations, initials, labels, numbers.
    fn period_ends(&self, sentence: &Sentence, word: &str, next: &str) -> bool {
        let word = strip_open(word);
        if starts_lowercase(next) {
            // A paragraph break after a plain word's period ends the sentence even before a
            // small letter (`…looks like.` ⏎⏎ `rekt: { list…`, a code line or a name such as
            // `zlib`); after an abbreviation or an initial it is copy-paste (`the U.S.` ⏎⏎
            // `military`).
            return self.blank()
                && word.chars().count() > 1
                && word.chars().all(char::is_alphabetic)
                && classes_of(word) == 0;
        }
        // "No. 10", and "No. #1" as lists and charts write it.
        let next_is_number = strip_open(next)
            .trim_start_matches('#')
            .starts_with(|c: char| c.is_ascii_digit());
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
        if classes & class::STATE_WORD != 0
            && word.starts_with(|c: char| c.is_uppercase())
            && next.starts_with(['(', '—', '–', '-'])
        {
            return false;
        }
        if is_time_of_day(word) {
            let next_word = leading_word(next);
            let continues = classes_of(next_word) & class::AFTER_TIME != 0
                || (sentence.opener && sentence.tokens <= 4)
                || self.short_aside_follows();
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
        !matches!(
            last,
            ',' | ';' | '(' | '[' | '{' | '—' | '–' | '-' | '&' | '/'
        ) && (!dangles(cur) || self.is_letter_name(cur))
    }

    /// Whether `cur`, a capital `A` ending a line, names a letter (`Vitamin A`, `Plan A`,
    /// `hepatitis A`) rather than opening a phrase: after a word that is no function word, in
    /// text not written in capitals. The article inside a sentence is written `a`.
    fn is_letter_name(&self, cur: &str) -> bool {
        cur == "A"
            && token_before(self.text, self.cur.start).is_some_and(|(_, before)| {
                let word = before.trim_matches(|c: char| !c.is_alphanumeric());
                word.chars().any(char::is_lowercase) && classes_of(word) & class::DANGLING == 0
            })
    }

    /// The gap after a run of stand-alone dots (`. . .`, `...`, `…`).
    fn after_spaced_dots(&self, next: &str) -> bool {
        let dots = self.dots_in_run();
        if dots >= 4 {
            !starts_lowercase(next)
        } else {
            // "… was stolen from her hotel room ... TMZ has learned." goes on.
            ellipsis_ends_before(next) && !self.speaker_follows(next) && !self.in_quoted_title()
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

    /// After a credit label (`next`), a credit: names alone (`United States Navy.`, `Twitter /
    /// Barack Obama.`) to the line's end or a full stop, not a title going on into a sentence
    /// (`Photo: London Now opens on Friday`, `Photo: Winners From Around the World`).
    fn credit_follows(&self) -> bool {
        let tokens = Tokens {
            text: self.text,
            pos: self.rest,
        };
        let mut words = 0;
        for t in tokens.take(9) {
            let token = &self.text[t.span.range()];
            if t.newline_before {
                break;
            }
            let name = is_capitalized(leading_word(token)) || matches!(token, "/" | "&" | "|");
            if !name || token.contains(['(', ')', '“', '”', '"']) {
                return false;
            }
            words += 1;
            if token.ends_with('.') {
                return true;
            }
        }
        words > 0 && words < 9
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

/// A line ending in `cur` plainly goes on: it ends in an open bracket, a dash, `&` or `/`, or in a
/// word such as `the`, `of`, `and`.
fn dangles(cur: &str) -> bool {
    if cur.ends_with(['(', '[', '{', '—', '–', '-', '&', '/']) {
        return true;
    }
    let word = leading_word(cur);
    word.len() == cur.len() && classes_of(word) & class::DANGLING != 0
}

/// A word's stop followed by footnote numbers (`patients.1,2`, `disorders.3-5`): the sentence
/// ended at the stop. Not after an abbreviation (`No.1`, `vol.2`) or a number (`3.14`).
fn is_footnoted_end(core: &str) -> bool {
    let Some((word, notes)) = core.rsplit_once('.') else {
        return false;
    };
    let word = strip_open(word);
    word.len() >= 2
        && word.chars().all(|c| c.is_ascii_lowercase())
        && classes_of(word) == 0
        && notes
            .split([',', '-', '–'])
            .all(|n| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
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
mod tests;
