//! Quotations inside and around a sentence: who is speaking after a quoted question or a pull
//! quote, a title in quotation marks, and a quotation a verb of saying takes as its object. They
//! decide whether a stop inside quotation marks ends the sentence.

use super::Gap;
use super::lines;
use super::tokens::*;
use super::words::{class, classes_of};

impl Gap<'_> {
    /// Whether the gap is inside a title in quotation marks on one line, opened at most five
    /// words before and closed at most five after, every word capitalised but short ones
    /// (`NPR’s “Wait, Wait … Don’t Tell Me!”`): an ellipsis does not cut it in two. A quoted
    /// remark (`“I was going to… But then I stopped.”`) is not a title.
    pub(super) fn in_quoted_title(&self) -> bool {
        const WORDS: usize = 5;
        // The small words a title leaves in lower case.
        const SMALL: &[&str] = &[
            "a", "an", "the", "and", "but", "or", "nor", "of", "in", "on", "at", "to", "for", "by",
            "as", "vs", "via", "per", "up",
        ];
        let title_word = |w: &str| {
            let w = w.trim_start_matches(['“', '"']);
            let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            is_capitalized(w) || SMALL.contains(&bare) || w.chars().all(|c| !c.is_alphabetic())
        };
        // The word the ellipsis is glued to (`“Lost… And Found”`) is the title's too.
        let cur = &self.text[self.cur.range()];
        let glued = cur.trim_end_matches(['.', '…']);
        let before = lines::line_before(self.text, self.cur.start);
        let words = (!glued.is_empty())
            .then_some(glued)
            .into_iter()
            .chain(before.split_whitespace().rev());
        let mut opened = false;
        for (n, word) in words.enumerate() {
            if n >= WORDS
                || word.ends_with(['”', '"'])
                || word.contains(['.', '!', '?'])
                || !title_word(word)
            {
                break;
            }
            if word.starts_with(['“', '"']) {
                opened = true;
                break;
            }
        }
        if !opened {
            return false;
        }
        let after = lines::line_from(self.text, self.next.start);
        for word in after.split_whitespace().take(WORDS) {
            if !title_word(word) || word.starts_with('“') {
                return false;
            }
            if word
                .trim_end_matches(['.', ',', '!', '?', ')'])
                .ends_with(['”', '"'])
            {
                return true;
            }
        }
        false
    }

    /// Whether `next` and the words after it name who spoke, as after a quoted question or
    /// exclamation or an ellipsis: one to three capitalised words (`Forte`, `Ms. Ruiz`, `Sen.
    /// Joe Manchin`), or a name's and a noun (`Page’s mother`), and a verb of saying (`“Do
    /// they?” Forte said.`, `… TMZ has learned.`).
    pub(super) fn speaker_follows(&self, next: &str) -> bool {
        // Not across a paragraph: `…Happy Thanksgiving!!!!"` ⏎⏎ `Brian M. Good said…` is the
        // next paragraph's own sentence.
        if self.blank() {
            return false;
        }
        let ahead = Tokens {
            text: self.text,
            pos: self.rest,
        };
        let tokens: Vec<&str> = std::iter::once(next)
            .chain(ahead.map(|t| &self.text[t.span.range()]))
            .take(5)
            .collect();
        let words: Vec<&str> = tokens.iter().map(|t| leading_word(t)).collect();
        let saying = |w: &&str| classes_of(w) & class::SAYING != 0;
        for (i, word) in words.iter().enumerate().take(3) {
            if !is_capitalized(word) || classes_of(word) & class::STARTER != 0 {
                return false;
            }
            // "Forte said", "TMZ has learned", "Page’s mother asked".
            let possessive = tokens[i].ends_with("’s") || tokens[i].ends_with("'s");
            let verb = match words.get(i + 1) {
                Some(&("has" | "have" | "had")) => words.get(i + 2),
                Some(noun) if possessive && starts_lowercase(noun) => words.get(i + 2),
                other => other,
            };
            if verb.is_some_and(saying) {
                return true;
            }
        }
        false
    }

    /// Whether the gap is inside a quotation that a verb of saying or `that` takes as its object,
    /// with no comma (`said "All those … were taken to hospital. There are no casualties left."`,
    /// `wrote that "…"`), closed later on the same line: linguists segmenting news (GUM) keep
    /// such a quotation whole, with the words that bring it in. After a comma (`said, "…"`), or
    /// standing alone, each of its sentences is one.
    pub(super) fn in_embedded_quotation(&self) -> bool {
        let line = lines::line_before(self.text, self.cur.end);
        // The quotation still open at the gap: the last `“` without a `”` after it, or the
        // last of an odd number of `"`.
        let curly = line.rfind('“').filter(|&at| !line[at..].contains('”'));
        let straight = (line.matches('"').count() % 2 == 1)
            .then(|| line.rfind('"'))
            .flatten();
        let Some(open) = curly.max(straight) else {
            return false;
        };
        let before = line[..open].trim_end();
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        if !brings_in_quotation(word) {
            return false;
        }
        let closer = if Some(open) == curly { '”' } else { '"' };
        lines::line_from(self.text, self.next.start).contains(closer)
    }

    /// After a dash (`next`), a speaker's name alone to the line's end, maybe with what they are
    /// after a comma (`Albert Einstein`, `Matthew Ingram, Fortune`, `Jane Roe, a nurse in
    /// Ohio`), not a sentence going on (`— That was the cry.`).
    pub(super) fn speaker_line_follows(&self) -> bool {
        let line = lines::line_from(self.text, self.rest);
        // A name has two words at least (`Albert Einstein`): one word after a dash is as often
        // an answer or a new clause (`— Absolutely.`, `- Democrats, meanwhile, regroup`).
        let (name, role) = line.split_once(',').unwrap_or((line, ""));
        let words: Vec<&str> = name.split_whitespace().collect();
        let is_name = (2..=4).contains(&words.len())
            && words.iter().all(|w| {
                is_capitalized(w)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
            })
            && classes_of(words[0]) & class::STARTER == 0
            && !name.ends_with('.');
        is_name
            && role.split_whitespace().count() <= 8
            && !role.contains([',', '.'])
            && !line.contains(['!', '?', '“', '”', '"', ';', ':'])
    }
}

/// A word that takes a quotation as its object with no comma (`said "…"`, `wrote that “…”`).
pub(super) fn brings_in_quotation(word: &str) -> bool {
    const BRINGS_IN: &[&str] = &[
        "said",
        "says",
        "say",
        "saying",
        "wrote",
        "writes",
        "write",
        "added",
        "adds",
        "stated",
        "states",
        "declared",
        "declares",
        "asked",
        "asks",
        "explained",
        "explains",
        "noted",
        "notes",
        "warned",
        "warns",
        "tweeted",
        "posted",
        "reads",
        "read",
        "that",
    ];
    BRINGS_IN.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A quotation mark that opens a quotation (the straight `"` may do either; `'` is left out, it
/// is far more often an apostrophe: `'90s`).
pub(super) fn is_quote_opener(c: char) -> bool {
    matches!(c, '“' | '‘' | '"' | '«' | '„' | '‹')
}
