//! The phrase a loaded word belongs to. A loaded modifier colours the noun after it (`a thumping
//! victory`, `excessive use`, `completely drained`) and a loaded label carries the modifiers
//! before it (`military regime`, `Assad regime`, `religious fanatics`): a class reads, and
//! media-bias annotators mark, the phrase, so the underline covers it. The reason still names
//! the listed word, and the count is still one cue.

use crate::compare::is_stopword;
use crate::model::Span;

/// Endings of adjectives and adverbs, the words that modify the one after them.
const MODIFIER_ENDINGS: &[&str] = &[
    "ly", "ive", "ous", "ful", "less", "ic", "al", "ible", "able", "ant", "ent", "ish", "ary",
    "ian",
];

/// Endings of words that are nearly always adjectives, so a noun still follows
/// (`disastrous regional war`); `-ant`, `-ent` and most `-al` words are nouns too often
/// (`plant`, `government`, `proposal`).
const CONTINUING_ENDINGS: &[&str] = &[
    "ous", "ive", "ful", "less", "ic", "ical", "ional", "ible", "able", "ish",
];

/// Adjectives without an adjective's ending that stand before a noun (`massive new plant`).
const PRENOMINAL: &[&str] = &[
    "new",
    "old",
    "big",
    "small",
    "first",
    "last",
    "next",
    "latest",
    "little",
    "great",
    "long",
    "short",
    "high",
    "low",
    "young",
    "top",
    "major",
    "main",
    "full",
    "huge",
    "whole",
    "triple",
    "double",
    "late",
    "early",
    "recent",
    "former",
    "federal",
    "global",
    "local",
    "national",
    "social",
    "political",
    "legal",
    "military",
    "public",
    "foreign",
];

/// Words after a modifier that do not make a phrase with it (`furious yesterday`).
const NOT_HEADS: &[&str] = &[
    "enough",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "again",
];

/// Articles and possessives: a participle after one is an adjective (`a misguided notion`), not
/// a verb (`killed civilians`).
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your",
];

/// The span of the phrase that `hit` (one listed word of the word lists `lists`, in `sentence`)
/// belongs to, or `hit` itself. Verbs and multi-word entries stay as they are.
pub(super) fn widen(text: &str, sentence: Span, hit: Span, lists: &[&str]) -> Span {
    let listed = |name: &str| lists.contains(&name);
    let word = &text[hit.range()];
    if !word.chars().all(|c| c.is_alphabetic() || c == '-') {
        return hit;
    }
    let lower = word.to_lowercase();
    let before = word_before(text, sentence, hit);
    let participle = lower.ends_with("ed") || lower.ends_with("ing");
    // `a thumping victory`, `the misguided notion`: a participle used as an adjective.
    let attributive =
        participle && before.is_some_and(|b| DETERMINERS.contains(&lowered(text, b).as_str()));
    if listed("loaded_verbs.txt") && !attributive {
        return hit;
    }
    let modifier = attributive
        || MODIFIER_ENDINGS.iter().any(|e| lower.ends_with(e))
        || listed("loaded_intensifiers.txt");
    if modifier {
        // The noun it modifies, written right after it, with any adjectives between
        // (`a disastrous regional war`).
        let mut phrase = hit;
        for _ in 0..3 {
            let Some(next) = word_after(text, sentence, phrase) else {
                break;
            };
            let next_word = &text[next.range()];
            let adverb = text[phrase.range()].ends_with("ly");
            if !next_word.starts_with(char::is_lowercase)
                || !is_content(next_word)
                // `extremely seriously`, `extremely well`: an adverb's adverb is no head.
                || (adverb && (next_word.ends_with("ly") || next_word == "well"))
            {
                break;
            }
            phrase.end = next.end;
            let goes_on = CONTINUING_ENDINGS.iter().any(|e| next_word.ends_with(e))
                || PRENOMINAL.contains(&next_word)
                || next_word.contains('-');
            if !goes_on {
                break;
            }
        }
        return phrase;
    }
    if participle {
        return hit;
    }
    // A noun: the adjective that qualifies it, or for a label the name (`Assad regime`).
    match before {
        Some(prev) if qualifies(text, sentence, prev, listed("loaded_labels.txt")) => {
            Span::new(prev.start, hit.end)
        }
        _ => hit,
    }
}

/// An adjective (`military`, `religious`, `violent`) before a noun; before a label, also a
/// name not opening the sentence (`Assad`; in a headline `Hopkins Slams` is a name and a verb).
fn qualifies(text: &str, sentence: Span, prev: Span, label: bool) -> bool {
    let word = &text[prev.range()];
    if word.starts_with(char::is_uppercase) {
        return label
            && prev.start > sentence.start
            && word.chars().skip(1).all(char::is_lowercase)
            && !is_stopword(&word.to_lowercase());
    }
    is_content(word) && is_adjective(word)
}

/// A word with an adjective's ending (`military`, `religious`, `regional`), not an adverb's.
fn is_adjective(word: &str) -> bool {
    let lower = word.to_lowercase();
    !lower.ends_with("ly") && MODIFIER_ENDINGS.iter().any(|e| lower.ends_with(e))
}

fn is_content(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.chars().count() >= 3 && !is_stopword(&lower) && !NOT_HEADS.contains(&lower.as_str())
}

fn lowered(text: &str, span: Span) -> String {
    text[span.range()].to_lowercase()
}

/// The word right before `hit` in its sentence, with one space between and no punctuation.
fn word_before(text: &str, sentence: Span, hit: Span) -> Option<Span> {
    let head = text.get(sentence.start..hit.start)?.strip_suffix(' ')?;
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '-')
        .last()?
        .0;
    let word = Span::new(sentence.start + start, sentence.start + head.len());
    // Not the tail of a longer token (`U.S.-backed`); an opening quote may stand before it.
    let whole = head[..start]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '('));
    whole.then_some(word)
}

/// The word right after `hit` in its sentence, with one space between, ending at white space or
/// punctuation.
fn word_after(text: &str, sentence: Span, hit: Span) -> Option<Span> {
    let tail = text.get(hit.end..sentence.end)?.strip_prefix(' ')?;
    let len: usize = tail
        .chars()
        .take_while(|&c| c.is_alphabetic() || c == '-')
        .map(char::len_utf8)
        .sum();
    let start = hit.end + 1;
    let rest = &tail[len..];
    let whole = rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric() && c != '\'');
    (len > 0 && whole).then_some(Span::new(start, start + len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widened(sentence: &str, word: &str, list: &str) -> String {
        let at = sentence.find(word).unwrap();
        let whole = Span::new(0, sentence.len());
        let span = widen(sentence, whole, Span::new(at, at + word.len()), &[list]);
        sentence[span.range()].to_owned()
    }

    #[test]
    fn modifiers_take_their_noun_and_labels_their_qualifier() {
        let (v, labels, verbs) = ("loaded_vader.txt", "loaded_labels.txt", "loaded_verbs.txt");
        let intensifiers = "loaded_intensifiers.txt";
        // (sentence, listed word, its list, the underline)
        let cases = [
            (
                "It was a thumping victory.",
                "thumping",
                v,
                "thumping victory",
            ),
            (
                "The excessive use of force.",
                "excessive",
                v,
                "excessive use",
            ),
            (
                "A massive new plant opened.",
                "massive",
                v,
                "massive new plant",
            ),
            (
                "Crews were completely drained.",
                "completely",
                intensifiers,
                "completely drained",
            ),
            (
                "Troops of the military regime left.",
                "regime",
                labels,
                "military regime",
            ),
            (
                "He fled the Assad regime.",
                "regime",
                labels,
                "Assad regime",
            ),
            (
                "He scored a thumping victory.",
                "thumping",
                verbs,
                "thumping victory",
            ),
            (
                "They saw \"an unprecedented flood\".",
                "unprecedented",
                v,
                "unprecedented flood",
            ),
            // Not a verb's object, a function word, a sentence's first word, a headline's name
            // and verb, an adverb's adverb, or across punctuation.
            ("Police killed civilians.", "killed", v, "killed"),
            ("He slammed critics.", "slammed", verbs, "slammed"),
            ("It is the regime that fell.", "regime", labels, "regime"),
            ("Regime forces left.", "Regime", labels, "Regime"),
            ("They were furious, and left.", "furious", v, "furious"),
            ("It was excessive yesterday.", "excessive", v, "excessive"),
            ("A U.S.-backed regime fell.", "regime", labels, "regime"),
            ("Hopkins Slams the plan.", "Slams", v, "Slams"),
            ("It was extremely well done.", "extremely", v, "extremely"),
        ];
        for (sentence, word, list, underline) in cases {
            assert_eq!(widened(sentence, word, list), underline, "{sentence}");
        }
    }
}
