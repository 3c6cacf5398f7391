//! Why two sentences are linked, as a reader is shown it: the words, names and numbers they
//! share.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::align::Pair;
use super::terms::{Kind, Stems, Term, terms};
use crate::model::Article;

impl Pair {
    /// Why the pair was made, as the app and the CLI show it: "the words indicted, jury; the
    /// name Menendez", and "(both open their articles)" for the openings.
    pub fn explain(&self, a_sentence: &str, b_sentence: &str, names: &Names) -> String {
        let shared = shared(a_sentence, b_sentence, names).describe();
        if self.opening {
            format!("{shared} (both open their articles)")
        } else {
            shared
        }
    }
}

/// What two sentences share, as a reader is shown it: why they are linked. Serialised in
/// `slant compare --json` (field names are a contract).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Shared {
    /// Content words, as written in the first sentence; where the second says it with another
    /// word of the same meaning or a rounded figure, that one after a slash ("fell/dropped").
    pub words: Vec<String>,
    pub names: Vec<String>,
    pub numbers: Vec<String>,
}

impl Shared {
    /// "the words indicted, jury; the names Menendez; the numbers 2017"; empty when nothing
    /// is shared.
    pub fn describe(&self) -> String {
        [
            ("word", "words", &self.words),
            ("name", "names", &self.names),
            ("number", "numbers", &self.numbers),
        ]
        .iter()
        .filter(|(_, _, list)| !list.is_empty())
        .map(|(one, many, list)| {
            let noun = if list.len() == 1 { one } else { many };
            format!("the {noun} {}", list.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
    }
}

/// The names two articles use: words written with a capital inside a sentence (not in a Title
/// Case headline, where every word has one) and never in lower case. Two headlines alone cannot
/// tell "Netanyahu" from "Ballistic"; the articles' text can.
#[derive(Clone, Debug, Default)]
pub struct Names(HashSet<String>);

impl Names {
    pub fn of(articles: &[&Article]) -> Names {
        let stems = Stems::new();
        let (mut names, mut words) = (HashSet::new(), HashSet::new());
        for article in articles {
            for i in 0..article.sentences.len() {
                for t in terms(article.sentence_text(i), &stems) {
                    if t.kind == Kind::Name {
                        names.insert(t.text);
                    } else if t.word.chars().all(|c| !c.is_uppercase()) {
                        words.insert(t.text);
                    }
                }
            }
        }
        names.retain(|n| !words.contains(n));
        Names(names)
    }
}

/// The terms two sentences have in common (reporting words left out: they never make a link).
/// A term is shown as a name when either sentence writes it as one or `names` holds it.
pub fn shared(a: &str, b: &str, names: &Names) -> Shared {
    let stems = Stems::new();
    let their_terms = terms(b, &stems);
    // A name is shared as the two sentences end it: "Washington" in "The Washington Post" is
    // not the city, while "Netanyahu" is the man "Benjamin Netanyahu" names.
    let mut their_tails: HashMap<&str, HashSet<String>> = HashMap::new();
    for (t, tail) in their_terms.iter().zip(name_tails(b, &their_terms, names)) {
        their_tails.entry(&t.text).or_default().insert(tail);
    }
    let theirs: HashMap<&str, (Kind, &str)> = their_terms
        .iter()
        .map(|t| (t.text.as_str(), (t.kind, t.word)))
        .collect();
    let my_terms = terms(a, &stems);
    let my_tails = name_tails(a, &my_terms, names);
    let mut out = Shared::default();
    let mut seen = std::collections::HashSet::new();
    let mut listed = std::collections::HashSet::new();
    // Where in `a` the last name shown ends: a name right after it (only spaces between) is
    // the same name's next word ("Prime Minister Benjamin Netanyahu"), shown as one.
    let mut name_end: Option<usize> = None;
    // Where the last ordinary word shown ends: the next part of a hyphenated word
    // (`high-stakes`) is shown joined to it, as written.
    let mut word_end: Option<usize> = None;
    let offset = |word: &str| word.as_ptr() as usize - a.as_ptr() as usize;
    for (t, tail) in my_terms.into_iter().zip(my_tails) {
        let Some(&(their_kind, their_word)) = theirs.get(t.text.as_str()) else {
            name_end = None;
            word_end = None;
            continue;
        };
        let a_name = t.kind == Kind::Name || their_kind == Kind::Name || names.0.contains(&t.text);
        if a_name && !their_tails[t.text.as_str()].contains(&tail) {
            name_end = None;
            word_end = None;
            continue;
        }
        let start = offset(t.word);
        let end = start + t.word.len();
        if t.kind == Kind::Word
            && word_end.is_some_and(|e| a.get(e..start) == Some("-"))
            && t.word.to_lowercase() == their_word.to_lowercase()
            && let Some(last) = out.words.last_mut()
        {
            last.push('-');
            last.push_str(t.word);
            word_end = Some(end);
            seen.insert(t.text);
            continue;
        }
        word_end = None;
        let continues_name = name_end.is_some_and(|e| {
            let last_word = out.names.last().map(|n| n.rsplit(' ').next().unwrap_or(n));
            e == start || joins_name(a.get(e..start), last_word.is_some_and(is_name_head))
        }) && a_name;
        if continues_name && let Some(last) = out.names.last_mut() {
            last.push_str(&a[name_end.unwrap_or(start)..start]);
            last.push_str(t.word);
            name_end = Some(end);
            seen.insert(t.text);
            continue;
        }
        name_end = None;
        if !seen.insert(t.text.clone()) {
            continue;
        }
        // A name on either side is a name (`Iran` opening one sentence, inside the other).
        let kind = if a_name { Kind::Name } else { t.kind };
        let list = match kind {
            Kind::Word => &mut out.words,
            Kind::Name => {
                name_end = Some(end);
                &mut out.names
            }
            Kind::Number => &mut out.numbers,
            Kind::Reporting => continue,
        };
        // A word of two groups ("suspended") is listed once.
        if !listed.insert(start) {
            continue;
        }
        // One form where both write the word alike (case aside); both forms where they differ
        // ("URGES/urging"), so a reader sees what the other sentence says.
        if t.word.to_lowercase() == their_word.to_lowercase() {
            if kind == Kind::Word {
                word_end = Some(end);
            }
            list.push(t.word.to_string());
        } else {
            list.push(format!("{}/{their_word}", t.word));
        }
    }
    out
}

/// Each term's name from it to the end of its run of names, as stems ("washington post" for
/// `Washington` in "The Washington Post"); a term outside a name is its stem alone. A run is
/// names with only spaces between them, and ends at an initialism.
fn name_tails(text: &str, terms: &[Term<'_>], names: &Names) -> Vec<String> {
    let start = |t: &Term<'_>| t.word.as_ptr() as usize - text.as_ptr() as usize;
    let is_name = |t: &Term<'_>| t.kind == Kind::Name || names.0.contains(&t.text);
    let mut tails = vec![String::new(); terms.len()];
    // Per term, the next term of its name.
    let mut joins: Vec<Option<usize>> = vec![None; terms.len()];
    let mut next: Option<usize> = None;
    for (i, t) in terms.iter().enumerate().rev() {
        let end = start(t) + t.word.len();
        // An initialism stands alone: "U.S." in "U.S. President Donald Trump" is the country
        // another sentence names as "U.S.".
        let head = is_name_head(t.word);
        let joined = next.filter(|&n| {
            is_name(t)
                && (!t.word.contains('.') || head)
                && is_name(&terms[n])
                && joins_name(text.get(end..start(&terms[n])), head)
        });
        tails[i] = match joined {
            Some(n) => format!("{} {}", t.text, tails[n]),
            None => t.text.clone(),
        };
        joins[i] = joined;
        // Two terms from one word (a word of two meaning groups) share its place.
        if next.is_none_or(|n| start(&terms[n]) != start(t)) {
            next = Some(i);
        }
    }
    // A name that begins as a place's or an institution's does ("New York", "the White House"):
    // each of its words is the whole name.
    let mut inside = vec![false; terms.len()];
    for i in 0..terms.len() {
        if inside[i] || joins[i].is_none() || !is_name_head(terms[i].word) {
            continue;
        }
        let whole = tails[i].clone();
        let mut at = joins[i];
        while let Some(n) = at {
            inside[n] = true;
            tails[n] = whole.clone();
            at = joins[n];
        }
    }
    tails
}

/// Whether what lies between two names' words makes them one name: spaces ("Benjamin
/// Netanyahu"), after a place's abbreviation its full stop ("St. Louis"), or a hyphen and small
/// words inside one hyphenated word ("Jean-Pierre", "Mar-a-Lago", "Mar-A-Lago", whose parts are
/// compared apart).
fn joins_name(gap: Option<&str>, after_abbreviation: bool) -> bool {
    let Some(gap) = gap.filter(|g| !g.is_empty()) else {
        return false;
    };
    let spaces = if after_abbreviation {
        gap.trim_start_matches('.')
    } else {
        gap
    };
    (!spaces.is_empty() && spaces.chars().all(|c| c == ' '))
        || (gap.starts_with('-')
            && gap.ends_with('-')
            && gap
                .split('-')
                .all(|part| part.chars().count() <= 3 && part.chars().all(char::is_alphabetic)))
}

/// A word that begins a place's or an institution's name (`assets/compare/name_heads.txt`).
fn is_name_head(word: &str) -> bool {
    static HEADS: OnceLock<HashSet<String>> = OnceLock::new();
    HEADS
        .get_or_init(|| {
            include_str!("../../../../assets/compare/name_heads.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_lowercase)
                .collect()
        })
        .contains(&word.trim_end_matches('.').to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_says_what_the_two_sentences_share() {
        let a = "Sen. Bob Menendez was indicted by a federal grand jury in 2017, prosecutors told reporters.";
        let b = "Prosecutors said Menendez and his wife were indicted Tuesday; a grand jury first heard the case in 2017.";
        let s = shared(a, b, &Names::default());
        assert_eq!(s.words, vec!["indicted", "grand", "jury", "prosecutors"]);
        assert_eq!(s.names, vec!["Menendez"]);
        assert_eq!(s.numbers, vec!["2017"]);
        assert_eq!(
            s.describe(),
            "the words indicted, grand, jury, prosecutors; the name Menendez; the number 2017"
        );
        assert_eq!(
            shared("The mayor resigned.", "Rain fell.", &Names::default()).describe(),
            ""
        );
        // A name of several words is shown as one; two names side by side in a list are not.
        let s = shared(
            "At a resort in Florida on a warm evening, the visiting Israeli Prime Minister Benjamin Netanyahu met with Trump and Vance for two hours of talks about the war.",
            "On that evening the Israeli Prime Minister Benjamin Netanyahu had flown to Florida to meet with Trump, and the talks with him and Vance went on for two hours.",
            &Names::default(),
        );
        assert_eq!(
            s.names,
            vec![
                "Florida",
                "Israeli Prime Minister Benjamin Netanyahu",
                "Trump",
                "Vance"
            ]
        );
    }

    #[test]
    fn a_name_is_shared_only_as_both_sentences_end_it() {
        let post = "Reports from outlets like The Washington Post said the talks went on.";
        let city = "Officials in Washington said the talks went on.";
        let s = shared(post, city, &Names::default());
        assert!(s.names.is_empty(), "{s:?}");
        assert!(shared(city, post, &Names::default()).names.is_empty());
        // A job title before a name is not the name; the surname alone is the person.
        let s = shared(
            "The Israeli Prime Minister said the talks went on.",
            "Israeli Prime Minister Benjamin Netanyahu said the talks went on.",
            &Names::default(),
        );
        assert!(s.names.is_empty(), "{s:?}");
        let s = shared(
            "Prime Minister Benjamin Netanyahu said the talks went on.",
            "Netanyahu and Trump said the talks went on.",
            &Names::default(),
        );
        assert_eq!(s.names, vec!["Netanyahu"]);
        let s = shared(
            "Netanyahu pressed for U.S. support.",
            "He made his case to U.S. President Donald Trump for support.",
            &Names::default(),
        );
        assert_eq!(s.names, vec!["U.S."]);
        // A sentence full of names is still a sentence, not a Title Case headline: its job
        // title is part of a name, not a word shared with another's opening "President".
        let s = shared(
            "U.S. President Donald Trump spoke on Monday.",
            "President Trump spoke with reporters on Monday.",
            &Names::default(),
        );
        assert_eq!(
            (s.words, s.names),
            (
                vec!["spoke".to_owned()],
                vec!["Trump".to_owned(), "Monday".to_owned()]
            )
        );
        // A name opening both sentences is one name, not a word and a name.
        let s = shared(
            "Donald Trump spoke to the crowd on Monday.",
            "Donald Trump spoke in Ohio on Monday.",
            &Names::default(),
        );
        assert_eq!(s.names, ["Donald Trump", "Monday"]);
        assert_eq!(s.words, ["spoke"]);
        // A headline with a full stop is still a headline: its capitals are not names.
        let s = shared(
            "Senators Will Meet In Private To Discuss The Budget.",
            "Senators will meet in private to discuss the budget soon.",
            &Names::default(),
        );
        assert!(s.names.is_empty(), "{s:?}");
        assert_eq!(
            s.words,
            ["Senators", "Meet", "Private", "Discuss", "Budget"]
        );
        // A place's or an institution's name is the whole of it: "the House" is not "the
        // White House", "Louis" not "St. Louis", "York" not "New York".
        let s = shared(
            "The White House said the vote in St. Louis would go on.",
            "The House said Louis would vote on the measure.",
            &Names::default(),
        );
        assert!(s.names.is_empty(), "{s:?}");
        let s = shared(
            "The White House said the vote in St. Louis would go on.",
            "A White House aide in St. Louis said the vote would go on.",
            &Names::default(),
        );
        assert_eq!(s.names, vec!["White House", "St. Louis"]);
        // A place joined by small words is one name, not its parts.
        let s = shared(
            "Netanyahu met Trump at Mar-a-Lago on Monday.",
            "The two met at Mar-a-Lago, Trump's Florida resort.",
            &Names::default(),
        );
        assert_eq!(s.names, vec!["Trump", "Mar-a-Lago"]);
        let s = shared(
            "Karine Jean-Pierre met Trump at Mar-a-Lago on Monday.",
            "Jean-Pierre and Trump were at Mar-A-Lago.",
            &Names::default(),
        );
        assert_eq!(s.names, vec!["Jean-Pierre", "Trump", "Mar-a-Lago"]);
        // Outlets write names with and without accents and with either apostrophe, and the
        // country with and without dots.
        let s = shared(
            "Officials said José Ortiz landed at O’Hare after talks on US aid.",
            "Aides said Jose Ortiz flew into O'Hare to discuss U.S. aid.",
            &Names::default(),
        );
        assert_eq!(s.names, vec!["José/Jose Ortiz", "O’Hare/O'Hare", "US/U.S."]);
        // A headline in capitals has no names to tell from its words.
        let s = shared(
            "FARMERS PROTEST NEW WATER RULES",
            "Farmers drove tractors to the capital to protest the new water rules.",
            &Names::default(),
        );
        assert!(s.names.is_empty(), "{s:?}");
        assert_eq!(s.words, vec!["FARMERS", "PROTEST", "NEW", "WATER", "RULES"]);
    }

    #[test]
    fn words_of_one_meaning_are_shown_as_both_sides_write_them() {
        let s = shared(
            "Merrick shares fell 11.4% on Thursday.",
            "Its stock dropped more than 11% on Thursday.",
            &Names::default(),
        );
        assert_eq!(s.words, vec!["shares/stock", "fell/dropped"]);
        assert_eq!(s.numbers, vec!["11.4/11"]);
        assert_eq!(s.names, vec!["Thursday"]);
        // A word of two groups is listed once.
        assert_eq!(
            shared(
                "Service was suspended.",
                "The suspended hunt.",
                &Names::default()
            )
            .words,
            vec!["suspended"]
        );
        // One word written two ways is shown both ways, case aside.
        let s = shared(
            "Netanyahu URGES strikes on missile sites.",
            "He is urging strikes on missile sites.",
            &Names::default(),
        );
        assert_eq!(s.words, vec!["URGES/urging", "strikes", "missile", "sites"]);
        // A hyphenated word is compared part by part and shown as written.
        let s = shared(
            "A high-stakes third-quarter loss.",
            "The third quarter loss was high-stakes.",
            &Names::default(),
        );
        assert_eq!(s.words, vec!["high-stakes", "third-quarter", "loss"]);
    }

    #[test]
    fn a_headlines_names_are_told_from_its_words_by_the_articles_text() {
        let a = Article::new(
            "a".into(),
            "A",
            "Netanyahu Urges Trump to Strike Ballistic Missile Sites\n\nNetanyahu asked Trump to strike ballistic missile sites.",
        );
        let b = Article::new(
            "b".into(),
            "B",
            "Netanyahu Presses Trump Over Ballistic Missile Sites\n\nThe ballistic missile sites worry Netanyahu and Trump.",
        );
        let names = Names::of(&[&a, &b]);
        let s = shared(a.sentence_text(0), b.sentence_text(0), &names);
        assert_eq!(s.names, vec!["Netanyahu", "Trump"]);
        assert_eq!(s.words, vec!["Ballistic", "Missile", "Sites"]);
    }
}
