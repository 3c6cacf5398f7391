//! The terms of a sentence, as alignment compares sentences: content words stemmed with the
//! Snowball English stemmer (`support`, `supported`, `supporting` are one term), names, numbers,
//! and the words of reporting that say how a claim reached the page rather than what it is.

use rust_stemmers::Stemmer;

/// Words too common to say what a sentence is about.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "been", "before", "being", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "during", "each", "either", "for", "from", "had", "has", "have",
    "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is",
    "it", "its", "itself", "just", "may", "me", "might", "more", "most", "much", "must", "my",
    "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
    "out", "over", "own", "s", "said", "same", "says", "she", "should", "so", "some", "such",
    "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your", "yours", "near", "across", "around", "within", "without", "toward",
    "towards", "along", "among", "amid", "behind", "beyond", "despite", "inside", "outside", "per",
    "via", "since", "onto", "till", "unless", "whether", "yet", "still", "even", "ever", "already",
    "however",
];

/// Words of reporting, sourcing and hedging: two sentences that both say someone "told" a
/// newspaper, cite "officials" or "suggest" something share how a claim reached the page, not
/// the claim.
const REPORTING: &[&str] = &[
    "told",
    "tell",
    "tells",
    "telling",
    "according",
    "added",
    "adds",
    "stated",
    "noted",
    "reported",
    "reports",
    "report",
    "statement",
    "interview",
    "news",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "announced",
    "confirmed",
    "described",
    "called",
    "asked",
    "suggest",
    "suggests",
    "suggested",
    "suggesting",
    "potential",
    "potentially",
    "possibly",
    "likely",
    "perhaps",
    "reportedly",
    "allegedly",
    "claimed",
    "claims",
    "warned",
    "officials",
    "official",
    "sources",
    "source",
];

/// What a term of a sentence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// An ordinary content word: what a claim is about.
    Word,
    Name,
    /// A number or a year.
    Number,
    /// A word of reporting ("told", "statement"): how a claim reached the page, not what it is.
    Reporting,
}

/// A term of a sentence.
pub(super) struct Term<'s> {
    /// The stem (or `#` and the digits of a number): what two sentences share.
    pub(super) text: String,
    /// The word as written, to show a reader what two sentences share.
    pub(super) word: &'s str,
    pub(super) kind: Kind,
}

impl Term<'_> {
    pub(super) fn content(&self) -> bool {
        self.kind == Kind::Word
    }
}

/// The terms of one sentence.
pub(super) fn terms<'s>(sentence: &'s str, stemmer: &Stemmer) -> Vec<Term<'s>> {
    let mut out = Vec::new();
    let mut first = true;
    // In a Title Case Headline every word has a capital: capitals say nothing about names there.
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let capitalised_words = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let title_case = words.len() >= 4 && capitalised_words * 10 >= words.len() * 6;
    for raw in sentence.split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '/')) {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() {
            continue;
        }
        let at_start = std::mem::replace(&mut first, false);
        // Possessives and contractions: `Iran’s` is `Iran`.
        let word = word
            .trim_end_matches("’s")
            .trim_end_matches("'s")
            .trim_end_matches("‘s");
        if word.chars().any(|c| c.is_ascii_digit()) {
            let number: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
            out.push(Term {
                text: format!("#{}", number.to_lowercase()),
                word,
                kind: Kind::Number,
            });
            continue;
        }
        let lower = word.to_lowercase();
        // `U.S.`, `U.N.` and other dotted initialisms are names, not the pronoun `us`.
        let initialism = raw.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
        // `U.S.` keeps its last dot when shown.
        let word = if initialism {
            raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .trim_start_matches('.')
        } else {
            word
        };
        if STOPWORDS.contains(&lower.as_str()) && !initialism {
            continue;
        }
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        // A long word in capitals is emphasis (`URGES`), a short one an acronym (`NBC`).
        let shouting = word.chars().count() > 4 && word.chars().all(|c| !c.is_lowercase());
        let name = initialism
            || (capitalised && !at_start && !title_case && !shouting)
            || (title_case && word.chars().count() <= 4 && word.chars().all(char::is_uppercase));
        // One term space for names and words, so `Iran` in a Title Case headline (an ordinary
        // word there) still meets `Iran` in the text (a name).
        let text = stemmer.stem(&lower.replace('.', "")).into_owned();
        let kind = if name {
            Kind::Name
        } else if REPORTING.contains(&lower.as_str()) {
            Kind::Reporting
        } else {
            Kind::Word
        };
        out.push(Term { text, word, kind });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_stemmers::Algorithm;

    #[test]
    fn terms_tell_content_words_from_names_numbers_and_reporting() {
        let stemmer = Stemmer::create(Algorithm::English);
        let t = terms(
            "Iran’s missiles struck Haifa, killing 12 people, U.S. officials told reporters.",
            &stemmer,
        );
        let got: Vec<(&str, bool)> = t.iter().map(|t| (t.text.as_str(), t.content())).collect();
        assert_eq!(
            got,
            vec![
                ("iran", true), // first word: could be a name or not, so an ordinary word
                ("missil", true),
                ("struck", true),
                ("haifa", false),
                ("kill", true),
                ("#12", false),
                ("peopl", true),
                ("us", false),
                ("offici", false), // a source, not what is claimed
                ("told", false),
                ("report", true),
            ]
        );
    }
}
