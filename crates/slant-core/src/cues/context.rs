//! When a listed word is not loaded wording: a name (`Rob`, `Brand`), a headline set in title
//! case, and quotation marks that distance the writer from a word (scare quotes) rather than
//! quote a speaker.

use crate::model::Span;

/// A headline in title case, where a capital says nothing of names: every word but the short
/// ones title case leaves low (a, the, of, to…) is capitalised. A sentence full of names still
/// has a verb in lower case (`Senator Rob Portman met Russell Brand`).
pub(super) fn title_case(sentence: &str) -> bool {
    const LOW: &[&str] = &[
        "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "on", "at", "to", "from",
        "by", "of", "in", "with", "as", "vs", "via", "per",
    ];
    let words: Vec<&str> = sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    words.len() >= 3
        && words
            .iter()
            .filter(|w| !LOW.contains(&w.to_lowercase().as_str()))
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A listed word written with a capital where a sentence does not start is a name (`Rob
/// Portman`, `Russell Brand`), not the word: unless it is all capitals (emphasis). Where a
/// sentence or clause starts (after a dateline: `WASHINGTON — Rob Brand said`), a capital says
/// nothing, but a capitalised word right after it does: the two are a name.
pub(super) fn is_name(text: &str, sentence: Span, hit: Span) -> bool {
    let word = &text[hit.range()];
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return false;
    };
    if !first.is_uppercase()
        || word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return false;
    }
    // The first word of the sentence, or of a quotation, a heading or a clause after a colon.
    let before = text[sentence.start..hit.start].trim_end();
    let starts = before.is_empty()
        || before.ends_with(['“', '"', '‘', '\'', ':', '(', '—', '–', '-'])
        || before.chars().all(|c| !c.is_alphanumeric());
    !starts || (!adjective_form(word) && next_word_is_capitalised(&text[hit.end..sentence.end]))
}

/// Endings of adjectives and participles, which are not given names: "Disgraced Moravian
/// pastor", "Embattled Senator Cole" start with the word, not a name.
fn adjective_form(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.chars().count() > 4
        && ["ed", "ing", "ous", "ful"]
            .iter()
            .any(|e| lower.ends_with(e))
}

/// Whether the next word (after spaces only, on the same line) starts with a capital and is
/// not all capitals: `Rob Brand`, not `Rob THE bank` or `Rob, they said`.
fn next_word_is_capitalised(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
        .collect();
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && capitalised(&word)
}

/// A word written as a name is: a capital first, not all capitals (emphasis, an acronym).
pub(super) fn capitalised(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.next().is_some_and(char::is_uppercase) && !letters.all(char::is_uppercase)
}

/// The writer's scare quotes among a sentence's quotations (in text order), each with the words
/// inside. `listed` tells the quotations that hold a listed loaded word, which count once
/// already, as the speaker's.
pub(super) fn scare_quotes(
    text: &str,
    sentence: Span,
    quotes: impl IntoIterator<Item = Span>,
    listed: impl Fn(Span) -> bool,
) -> Vec<(Span, &str)> {
    let mut speech = false;
    let mut out = Vec::new();
    for q in quotes {
        if listed(q) {
            continue;
        }
        match quoted_as(text, sentence.start, q, speech) {
            Quoted::Scare(inner) => out.push((q, inner)),
            Quoted::Speech => speech = true,
            Quoted::Other => {}
        }
    }
    out
}

/// What a quotation in a sentence is, as far as scare quotes go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Quoted<'t> {
    /// The writer's scare quotes around these words.
    Scare(&'t str),
    /// A speaker's words: after a verb of saying or naming, in the speech a verb reports
    /// ("stating that …"), or in a sentence whose earlier quotation was a speaker's.
    Speech,
    /// Anything else: a quoted sentence, a title or name in capitals, code, a figure.
    Other,
}

/// Quotation marks around one or two words that are not a speaker's: a writer's scare quotes
/// (`the “closed” border`, `so-called ‘experts’`). Titles and names in capitals
/// (`“PROTESTING SAFELY”`, `“The Crown”`) and a quoted sentence (ending in `.`, `,`, `!`, `?`)
/// are not. `sentence_start` is where the quotation's sentence starts; `speech_before`, whether
/// an earlier quotation in it was a speaker's (`claimed the strikes “severely damaged” the
/// array and “eliminated” the threat`: both the officials' words).
pub(super) fn quoted_as(
    text: &str,
    sentence_start: usize,
    quote: Span,
    speech_before: bool,
) -> Quoted<'_> {
    let inner = text[quote.range()].trim_matches(|c: char| {
        matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'') || c.is_whitespace()
    });
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 2
        || inner.chars().filter(|c| c.is_alphabetic()).count() < 3
        || inner.ends_with(['.', ',', '!', '?', ';', ':'])
    {
        return Quoted::Other;
    }
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    // Code, file names, addresses and figures (`"text/plain"`, `"index.html"`, `"5G"`) are
    // quoted as they are written, not to keep a distance.
    let literal = inner
        .chars()
        .any(|c| c.is_ascii_digit() || "/._=<>(){}[]:@#\\`|+*&%$~^".contains(c));
    if capitalised || literal || !inner.chars().any(char::is_alphabetic) {
        return Quoted::Other;
    }
    if speech_before {
        return Quoted::Speech;
    }
    // A quoted word right after a verb of saying is the speaker's word (`called it “a sham”`
    // is a quotation, which the suggestion already shows as one).
    // The sentence before the quotation (its last 300 bytes).
    let mut from = quote.start.saturating_sub(300).max(sentence_start);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let sentence_before = text[from..quote.start].trim_end().to_lowercase();
    let before = sentence_before.as_str();
    // "called it", "labelled them": the object between the verb and the quotation.
    let before = [" it", " them", " him", " her", " this", " that"]
        .iter()
        .find_map(|o| before.strip_suffix(o))
        .unwrap_or(before);
    // A word mentioned as a word ("the word “killed”", "the term ‘migrant’") is talked about,
    // not used at a distance.
    let said = [
        "the word",
        "the words",
        "the term",
        "the terms",
        "the phrase",
        "the label",
        "the slogan",
        "the hashtag",
        "titled",
        "entitled",
        "said",
        "says",
        "called",
        "calls",
        "dubbed",
        "described as",
        "termed",
        "described it as",
    ];
    // A list of words mentioned ("the word “killed” instead of “liquidated” or “neutralized”")
    // is mentioned word by word: what stands between a mention and this quotation is only
    // other quoted words and the links of a list.
    let mut rest = before;
    loop {
        if said.iter().any(|v| rest.ends_with(v)) {
            return Quoted::Speech;
        }
        let Some(shorter) = strip_list_link(rest) else {
            break;
        };
        rest = shorter;
    }
    // "called the decision “a disgrace”", "claimed the strikes “severely damaged”": a verb of
    // naming or saying a few words back, with its object between, quotes the speaker too.
    const NAMING: &[&str] = &[
        "called",
        "calls",
        "dubbed",
        "dubs",
        "labelled",
        "labeled",
        "branded",
        "described",
        "describes",
        "termed",
        "said",
        "says",
        "claimed",
        "claims",
        "argued",
        "argues",
        "warned",
        "warns",
        "insisted",
        "insists",
        "stated",
        "stating",
        "told",
        "wrote",
        "writes",
        "added",
        "praised",
        "promised",
        "vowed",
        "spoke",
        "speaks",
        "compared",
        "referred",
        "complained",
        "accused",
        "denounced",
        "joked",
        "tweeted",
        "posted",
        "recalled",
        "explained",
        "declared",
        "replied",
        "admitted",
        "urged",
        "pledged",
        "announced",
    ];
    let words: Vec<&str> = before
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .collect();
    if words.iter().rev().take(5).any(|w| NAMING.contains(w)) {
        return Quoted::Speech;
    }
    // The speech a verb reports, however far it runs: "stating that if Tehran continues…,
    // action would be “fast”". A verb alone further back is not enough: "the mayor, who was
    // accused of corruption, opened the “affordable” complex" is the writer's.
    if words
        .windows(2)
        .any(|w| NAMING.contains(&w[0]) && matches!(w[1], "that" | "whether"))
    {
        return Quoted::Speech;
    }
    Quoted::Scare(inner)
}

/// `before` without its last quoted word or list link ("or", "and", "instead of", a comma),
/// or `None` when it ends in anything else.
fn strip_list_link(before: &str) -> Option<&str> {
    const LINKS: &[&str] = &[
        "or", "and", "nor", "not", "of", "instead", "rather", "than", "like",
    ];
    let t = before.trim_end_matches([' ', ',']);
    let (head, last) = t.rsplit_once(' ').unwrap_or(("", t));
    let quote = |c: char| matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'');
    let quoted = last.starts_with(quote) && last.ends_with(quote) && last.chars().count() > 2;
    (!last.is_empty() && (quoted || LINKS.contains(&last))).then_some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words inside `quote` when the writer put them in scare quotes, the quotation judged
    /// in its sentence as the cue engine judges it.
    fn scare_quoted(text: &str, quote: Span) -> Option<&str> {
        let sentence = crate::segment::split(text)
            .into_iter()
            .find(|s| s.contains(quote))
            .expect("the quotation is in a sentence");
        let quotes = crate::cues::quotations(text)
            .into_iter()
            .filter(|q| sentence.contains(*q));
        scare_quotes(text, sentence, quotes, |_| false)
            .into_iter()
            .find(|(q, _)| *q == quote)
            .map(|(_, inner)| inner)
    }

    #[test]
    fn names_are_not_words() {
        let text = "Senator Rob Portman met Russell Brand. Rob the bank, they said.";
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            Span::new(i, i + w.len())
        };
        let first = Span::new(0, 38);
        assert!(is_name(text, first, at("Rob")));
        assert!(is_name(text, first, at("Brand")));
        let second = Span::new(39, text.len());
        let rob = text.rfind("Rob").unwrap();
        assert!(!is_name(text, second, Span::new(rob, rob + 3)));
    }

    #[test]
    fn a_name_after_a_dateline_is_a_name() {
        let text = "WASHINGTON — Rob Brand, a spokesman, spoke. Slammed by critics, he left.";
        let slammed = text.find("Slammed").unwrap();
        let first = Span::new(0, slammed - 1);
        let rob = text.find("Rob").unwrap();
        assert!(is_name(text, first, Span::new(rob, rob + 3)));
        // A capitalised word starting a sentence, followed by a lower-case one, is the word.
        let second = Span::new(slammed, text.len());
        assert!(!is_name(text, second, Span::new(slammed, slammed + 7)));
        // Nor an adjective before a capitalised word.
        let t = "Disgraced Moravian pastor Rupert Clarke resigned.";
        assert!(!is_name(t, Span::new(0, t.len()), Span::new(0, 9)));
        // Nor is a word before an all-capitals one (emphasis, an acronym).
        let t = "Rob NATO of its point.";
        assert!(!is_name(t, Span::new(0, t.len()), Span::new(0, 3)));
    }

    #[test]
    fn scare_quotes_are_one_or_two_plain_words() {
        let text = "The “closed” border and “PROTESTING SAFELY” and “We will win.” and he called it “a sham”.";
        let quotes = crate::cues::quotations(text);
        let found: Vec<&str> = quotes
            .iter()
            .filter_map(|q| scare_quoted(text, *q))
            .collect();
        assert_eq!(found, ["closed"]);
    }

    #[test]
    fn code_and_words_mentioned_as_words_are_no_scare_quotes() {
        // The span from the first quotation mark to the last.
        let quoted = |text: &str| {
            let marks = |c: char| matches!(c, '“' | '”' | '"' | '‘' | '’');
            let start = text.find(marks).unwrap();
            let last = text.rfind(marks).unwrap();
            let end = last + text[last..].chars().next().unwrap().len_utf8();
            scare_quoted(text, Span::new(start, end)).map(str::to_owned)
        };
        assert_eq!(quoted("Set the header to \"text/plain\" first."), None);
        assert_eq!(quoted("Add \"vendor/blanket.js\" to the page."), None);
        assert_eq!(quoted("They avoided the word “killed” in reports."), None);
        // Each word of a list of words mentioned.
        let list = "Critics used the word “killed” instead of “liquidated” or “neutralized” there.";
        let marks = crate::cues::quotations(list);
        assert_eq!(marks.len(), 3, "{marks:?}");
        assert!(marks.iter().all(|q| scare_quoted(list, *q).is_none()));
        // Scare quotes in a list stay scare quotes.
        let plain = "The “closed” and “safe” border.";
        let last = *crate::cues::quotations(plain).last().unwrap();
        assert_eq!(scare_quoted(plain, last), Some("safe"));
        assert_eq!(
            quoted("Alvarez called the decision “a disgrace” on Monday."),
            None
        );
        assert_eq!(
            quoted("She described the new plan as ‘reckless’ then."),
            None
        );
        assert_eq!(
            quoted("Officials claimed the strikes “severely damaged” the array."),
            None
        );
        // Any verb of saying a few words back: "spoke of", "compared … to", "complained".
        assert_eq!(
            quoted("In a speech, Gates spoke of \"anxiety\" over the future."),
            None
        );
        assert_eq!(quoted("Saban compared agents to \"pimps\" in July."), None);
        assert_eq!(
            quoted("The “temporary” closure has lasted six years."),
            Some("temporary".to_owned())
        );
        // In the speech a verb reports, however far it runs: the speaker's partial quotation.
        let far = "He warned Iran, stating that if Tehran continues developing missiles, \
                   there will be an attack, and for nuclear work action would be “fast” or \
                   “immediate” then.";
        let marks = crate::cues::quotations(far);
        assert_eq!(marks.len(), 2, "{marks:?}");
        assert!(marks.iter().all(|q| scare_quoted(far, *q).is_none()));
        // Not a verb of saying in the sentence before, however that sentence ends.
        assert_eq!(
            quoted("Officials said so on Monday. The “temporary” closure stays."),
            Some("temporary".to_owned())
        );
        let scare = |text: &str| {
            let marks = crate::cues::quotations(text);
            marks
                .iter()
                .filter_map(|q| scare_quoted(text, *q))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            scare("The mayor said the city “will act.” The “temporary” closure has lasted."),
            ["temporary"]
        );
        assert_eq!(
            scare("The mayor said so (in a memo.) The “temporary” closure has lasted."),
            ["temporary"]
        );
        // A verb of saying further back that reports no speech: the writer's scare quotes.
        assert_eq!(
            scare(
                "The mayor, who was accused of corruption last spring, opened the city's new “affordable” housing on Tuesday."
            ),
            ["affordable"]
        );
        // An abbreviation is no sentence end: the verb before it still governs.
        assert!(scare("Biden called the U.S. response “temporary” on Monday.").is_empty());
        assert!(scare("He told Mr. Jones it was “fair” to ask.").is_empty());
        // A second quotation of the same speaker's.
        assert!(
            scare("Officials claimed the strikes “severely damaged” the array and “eliminated” its nuclear threat.")
                .is_empty()
        );
    }

    #[test]
    fn headlines_in_title_case_are_told() {
        assert!(title_case("Council Slams Mayor Over Library Closure"));
        assert!(!title_case("The council slammed the mayor on Tuesday."));
    }
}
