//! The terms of a sentence, as alignment compares sentences: content words stemmed with the
//! Snowball English stemmer (`support`, `supported`, `supporting` are one term), names, numbers,
//! and the words of reporting that say how a claim reached the page rather than what it is.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

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

/// Whether a word (in lower case) is too common to say what a sentence is about. Looked up in
/// a set: alignment asks for every word of both articles.
pub(crate) fn is_stopword(lower: &str) -> bool {
    static SET: OnceLock<HashSet<&str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
        .contains(lower)
}

fn is_reporting(lower: &str) -> bool {
    static SET: OnceLock<HashSet<&str>> = OnceLock::new();
    SET.get_or_init(|| REPORTING.iter().copied().collect())
        .contains(lower)
}

/// The Snowball English stemmer with the stems already found: an article uses its words many
/// times, and stemming is most of what reading a sentence's terms costs.
pub(super) struct Stems {
    stemmer: Stemmer,
    known: RefCell<HashMap<String, String>>,
}

impl Stems {
    pub(super) fn new() -> Self {
        Stems {
            stemmer: Stemmer::create(Algorithm::English),
            known: RefCell::default(),
        }
    }

    /// The stem of a word in lower case.
    fn stem(&self, lower: &str) -> String {
        let mut known = self.known.borrow_mut();
        if let Some(stem) = known.get(lower) {
            return stem.clone();
        }
        let stem = self.stemmer.stem(lower).into_owned();
        known.insert(lower.to_owned(), stem.clone());
        stem
    }
}

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
pub(super) fn terms<'s>(sentence: &'s str, stems: &Stems) -> Vec<Term<'s>> {
    let mut out = Vec::new();
    let mut first = true;
    // In a Title Case Headline every word has a capital: capitals say nothing about names there.
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let capitalised_words = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    // A sentence ending in a full stop is a headline only where nearly every word has a capital
    // ("Senators Will Meet In Private."): one full of names still has its small words in lower
    // case ("U.S. President Donald Trump spoke on Monday.").
    let ends_a_sentence = sentence
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with('.');
    let share = if ends_a_sentence { 9 } else { 6 };
    let title_case = words.len() >= 4 && capitalised_words * 10 >= words.len() * share;
    // A headline in capitals ("FARMERS PROTEST NEW WATER RULES") cannot tell an acronym from
    // a word: none of its short words is taken for a name.
    let in_capitals = title_case && {
        let letters = sentence.chars().filter(|c| c.is_alphabetic());
        let upper = letters.clone().filter(|c| c.is_uppercase()).count();
        upper * 10 >= letters.count() * 9
    };
    let mut previous = "";
    for raw in sentence
        .split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '/'))
        .flat_map(compound_parts)
    {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() {
            continue;
        }
        let at_start = std::mem::replace(&mut first, false);
        let before = std::mem::replace(&mut previous, word);
        // The unit of a percentage: `10 percent` is `10%`, whose sign the figure's term drops.
        if word.eq_ignore_ascii_case("percent")
            || word.eq_ignore_ascii_case("pct")
            || (word.eq_ignore_ascii_case("cent") && before.eq_ignore_ascii_case("per"))
        {
            continue;
        }
        // A figure written as a word is the figure: `eleven` meets `11`.
        if let Some(n) = number_word(word) {
            out.push(Term {
                text: format!("#{n}"),
                word,
                kind: Kind::Number,
            });
            continue;
        }
        // Possessives and contractions: `Iran’s` is `Iran`.
        let word = word
            .trim_end_matches("’s")
            .trim_end_matches("'s")
            .trim_end_matches("‘s");
        if word.chars().any(|c| c.is_ascii_digit()) {
            // A code led by a capital (`G7`, `F-35`, `COVID-19`, `A380`) names a thing, as a
            // name does; `3rd`, `1990s` and `4:30` are figures.
            let kind = if word.starts_with(|c: char| c.is_alphabetic() && c.is_uppercase()) {
                Kind::Name
            } else {
                Kind::Number
            };
            for text in number_terms(word) {
                out.push(Term { text, word, kind });
            }
            continue;
        }
        let lower = folded(word);
        // `U.S.`, `U.N.` and other dotted initialisms are names, not the pronoun `us`; a
        // word before a full stop ("went on.") is not one.
        let initialism = word.contains('.')
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.split('.').all(|p| p.chars().count() <= 2);
        // `U.S.` keeps its last dot when shown.
        let word = if initialism {
            raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .trim_start_matches('.')
        } else {
            word
        };
        // `US` in capitals inside a sentence is the country, not the pronoun.
        let acronym =
            !in_capitals && word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase());
        if is_stopword(&lower) && !initialism && !acronym {
            continue;
        }
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        // A long word in capitals is emphasis (`URGES`), a short one an acronym (`NBC`).
        let shouting = word.chars().count() > 4 && word.chars().all(|c| !c.is_lowercase());
        let name = initialism
            || (capitalised && !at_start && !title_case && !shouting)
            || (title_case
                && !in_capitals
                && word.chars().count() <= 4
                && word.chars().all(char::is_uppercase));
        // One term space for names and words, so `Iran` in a Title Case headline (an ordinary
        // word there) still meets `Iran` in the text (a name).
        let text = stems.stem(&lower.replace('.', ""));
        let kind = if name {
            Kind::Name
        } else if is_reporting(&lower) {
            Kind::Reporting
        } else {
            Kind::Word
        };
        match same_meaning().get(&text).filter(|_| kind == Kind::Word) {
            Some(groups) => out.extend(groups.iter().map(|group| Term {
                text: group.clone(),
                word,
                kind,
            })),
            None => out.push(Term { text, word, kind }),
        }
    }
    // A name opening the sentence: "Donald" of "Donald Trump spoke" (or "Jean" of "Jean-Pierre")
    // has a capital there like any first word, but the name it begins goes on with the next.
    if !title_case
        && let [first, second, ..] = &mut out[..]
        && first.kind == Kind::Word
        && second.kind == Kind::Name
        && first.word.starts_with(char::is_uppercase)
        && std::ptr::eq(first.word.as_ptr(), sentence.trim_start().as_ptr())
        && {
            let at = |w: &str| w.as_ptr() as usize - sentence.as_ptr() as usize;
            let end = at(first.word) + first.word.len();
            at(second.word)
                .checked_sub(end)
                .filter(|&n| n > 0)
                .is_some_and(|n| {
                    let gap = &sentence[end..end + n];
                    gap == "-" || gap.chars().all(|c| c == ' ')
                })
        }
    {
        first.kind = Kind::Name;
    }
    out
}

/// The parts of a hyphenated word, which are the words another outlet writes apart
/// (`third-quarter` / `the third quarter`, `U.S.-Israeli` / `U.S. and Israeli`, `12-day` / `12
/// days`). A score, a range or a code stays one (`5-2`, `2021-2024`, `F-35`, `COVID-19`), and
/// so does a number or a share written in words (`thirty-two` is 32, not 30 and 2; `one-third`
/// is no "one").
fn compound_parts(token: &str) -> impl Iterator<Item = &str> {
    let compound = token.contains('-')
        && token.chars().any(char::is_alphabetic)

        // A figure after the first part: a code (`F-35`, `COVID-19`).
        && !token
            .split('-')
            .skip(1)
            .any(|part| part.chars().any(|c| c.is_ascii_digit()))
        && !token.split('-').any(|part| {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric());
            part.eq_ignore_ascii_case("one")
                || part.eq_ignore_ascii_case("hundred")
                || part.eq_ignore_ascii_case("thousand")
                || number_word(part).is_some()
        });
    token.split(move |c| compound && c == '-')
}

/// A word as two outlets are compared on it: in lower case, with its apostrophes one character
/// (`O’Hare` / `O'Hare`) and its accents taken off (`José` / `Jose`): one outlet's style guide
/// writes them, another's does not.
fn folded(word: &str) -> String {
    let mut lower = word.to_lowercase();
    if lower.is_ascii() {
        return lower;
    }
    if lower.contains(['’', '‘', 'ʼ']) {
        lower = lower.replace(['’', '‘', 'ʼ'], "'");
    }
    if lower.is_ascii() {
        return lower;
    }
    use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
    lower.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

/// The value of a number written as a word, from two to ninety-nine (`eleven`, `thirty-two`).
/// `one` alone stays a word: it is far more often "one of" than a count; `hundred` and
/// `thousand` are mostly "hundreds of".
pub(super) fn number_word(word: &str) -> Option<u32> {
    if let Some((tens, unit)) = word.split_once('-') {
        let tens = match tens.to_ascii_lowercase().as_str() {
            "twenty" => 20,
            other => number_word(other).filter(|n| n % 10 == 0 && *n >= 30)?,
        };
        const UNITS: [&str; 9] = [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        ];
        let unit = unit.to_ascii_lowercase();
        return UNITS
            .iter()
            .position(|u| *u == unit)
            .map(|i| tens + i as u32 + 1);
    }
    const SMALL: [&str; 19] = [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    const TENS: [&str; 7] = [
        "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let lower = word.to_ascii_lowercase();
    if let Some(i) = SMALL.iter().position(|w| *w == lower) {
        return Some(i as u32 + 2);
    }
    TENS.iter()
        .position(|w| *w == lower)
        .map(|i| (i as u32 + 3) * 10)
}

/// A number's terms: its value rounded to a whole number, and its exact value where it has
/// decimals, so a rounded figure meets the precise one ("nearly 1%" / "0.8%", "more than 11%"
/// / "11.4%") and `1,500` meets `1500`. What is not a plain figure (`5-2`, `4:30`, `3rd`) is
/// kept as its characters.
fn number_terms(word: &str) -> Vec<String> {
    let plain = word
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        && !word.contains(",.")
        && word.matches('.').count() <= 1;
    let value = plain
        .then(|| word.replace(',', "").parse::<f64>().ok())
        .flatten()
        .filter(|v| v.is_finite() && *v < 1e15);
    match value {
        Some(v) if v.fract() != 0.0 => {
            let exact = format!("{v}");
            vec![format!("#{}", v.round()), format!("#{exact}")]
        }
        Some(v) => vec![format!("#{v}")],
        None => {
            let chars: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
            vec![format!("#{}", chars.to_lowercase())]
        }
    }
}

/// Stem → the groups of words it tells the same fact as (`assets/compare/same_meaning.txt`),
/// each group a term of its own (`=fall` for "fell", "dropped", "plunged").
fn same_meaning() -> &'static HashMap<String, Vec<String>> {
    static GROUPS: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        let list = include_str!("../../../../assets/compare/same_meaning.txt");
        for line in list.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let words: Vec<&str> = line.split(',').map(str::trim).collect();
            let group = format!("={}", words[0]);
            for word in words {
                let groups = map.entry(stemmer.stem(word).into_owned()).or_default();
                if !groups.contains(&group) {
                    groups.push(group.clone());
                }
            }
        }
        map
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_tell_content_words_from_names_numbers_and_reporting() {
        let stems = Stems::new();
        let t = terms(
            "Iran’s missiles struck Haifa, killing 12 people, U.S. officials told reporters.",
            &stems,
        );
        let got: Vec<(&str, bool)> = t.iter().map(|t| (t.text.as_str(), t.content())).collect();
        assert_eq!(
            got,
            vec![
                ("iran", true), // first word: could be a name or not, so an ordinary word
                ("missil", true),
                ("=attack", true), // words of one meaning are one term
                ("haifa", false),
                ("=die", true),
                ("#12", false),
                ("=person", true),
                ("us", false),
                ("offici", false), // a source, not what is claimed
                ("told", false),
                ("report", true),
            ]
        );
    }

    fn texts(sentence: &str) -> Vec<String> {
        terms(sentence, &Stems::new())
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn words_that_tell_the_same_fact_are_one_term() {
        assert_eq!(texts("shares fell"), texts("stock dropped"));
        assert_eq!(texts("prices rose"), texts("prices climbing"));
        // A word of two groups stands in both: a decision suspended is one reversed, a service
        // suspended one halted.
        assert_eq!(texts("suspended"), vec!["=halt", "=reverse"]);
        // Names are not words: `Brand` the senator is not a verb of any group.
        assert_eq!(texts("said Sen. Fall"), vec!["sen", "fall"]);
    }

    #[test]
    fn a_hyphenated_word_meets_its_words_written_apart() {
        assert_eq!(texts("third-quarter loss"), texts("third quarter loss"));
        assert_eq!(texts("a 12-day war"), texts("12 day war"));
        // A score or a range of figures is one figure; a code with a figure is one term.
        assert_eq!(texts("5-2"), vec!["#52"]);
        assert_eq!(texts("F-35"), vec!["#f35"]);
        // A code led by a capital is a name, not a figure.
        let kinds = |s: &str| -> Vec<Kind> {
            terms(s, &Stems::new())
                .into_iter()
                .map(|t| t.kind)
                .collect()
        };
        assert_eq!(
            kinds("the G7 summit of 1990s"),
            [Kind::Name, Kind::Word, Kind::Number]
        );
        // A share written in words is no "one".
        assert_eq!(texts("one-third"), vec!["one-third"]);
    }

    #[test]
    fn a_rounded_figure_meets_the_precise_one() {
        assert_eq!(texts("11.4%"), vec!["#11", "#11.4"]);
        assert_eq!(texts("more than 11%"), vec!["#11"]);
        assert_eq!(texts("0.8%"), vec!["#1", "#0.8"]);
        assert_eq!(texts("1,500"), texts("1500"));
        // A percentage however its unit is written, a figure written as a word.
        assert_eq!(texts("10 percent"), texts("10%"));
        assert_eq!(texts("10 per cent"), texts("10%"));
        assert_eq!(texts("eleven days"), texts("11 days"));
        assert_eq!(texts("forty"), vec!["#40"]);
        assert_eq!(texts("thirty-two lines"), texts("32 lines"));
        assert_eq!(texts("Twenty-one"), vec!["#21"]);
        assert_ne!(texts("twenty-five"), texts("20"));
        // "one" is mostly "one of": a word, not a figure.
        assert_eq!(texts("one"), vec!["one"]);
        // Not plain figures: a score, a time, a date, an ordinal keep their characters.
        assert_eq!(
            texts("5-2 4:30 9/11 3rd"),
            vec!["#52", "#430", "#9", "#11", "#3rd"]
        );
    }
}
