//! Who "he", "she" or "they" is: a quotation attributed to a pronoun ("…,’ she said") is the
//! voice of the sentences just before it: the last speaker there, or the person they name
//! ("Senator Maria Alvarez criticised the plan."). Without this, a Quote sentence that ends in
//! "she said" gave no voice at all, and a class counting who gets to speak missed her.

use super::quotes::{QuoteState, outside_quotes, outside_quotes_from};
use super::speaker::{Attribution, attribution, is_source_noun};
use super::{VoiceKind, is_outlet};

/// The most sentences a quotation runs over before the one that closes it; a mark left open
/// longer is taken for no quotation.
const LONGEST_QUOTATION: usize = 6;

/// How many sentences back a pronoun's person is looked for: news names a speaker, then quotes
/// them for a sentence or two.
const LOOK_BACK: usize = 3;

/// How far back "the official" looks for the official introduced before: a few paragraphs
/// of a long story, not the whole of it.
const INTRODUCED_LOOK_BACK: usize = 120;

/// Each sentence's speaker, a pronoun taken as the person or source just before it.
#[cfg(test)]
pub(crate) fn resolve(sentences: &[&str]) -> Vec<Option<(String, VoiceKind)>> {
    resolve_in(sentences, &[])
}

/// [`resolve`], knowing which sentences start a paragraph (a quotation does not pass to the
/// speaker of the paragraph before unless it was left open there).
pub(crate) fn resolve_in(
    sentences: &[&str],
    paragraph_starts: &[bool],
) -> Vec<Option<(String, VoiceKind)>> {
    let found: Vec<Option<Attribution>> = sentences.iter().map(|s| attribution(s)).collect();
    let people = People::of(sentences, &found);
    let mut out: Vec<Option<(String, VoiceKind)>> = Vec::with_capacity(sentences.len());
    for (i, attributed) in found.into_iter().enumerate() {
        let speaker = match attributed {
            Some(Attribution::To(name, VoiceKind::Unnamed)) => {
                Some(introduced(&out, &name).unwrap_or((name, VoiceKind::Unnamed)))
            }
            Some(Attribution::To(name, kind)) => Some((name, kind)),
            Some(Attribution::ToPronoun(pronoun)) => match pronoun.as_str() {
                "he" | "she" => antecedent(&out, sentences, &people, i, false),
                "they" => antecedent(&out, sentences, &people, i, true),
                // "it said", "we said": an organisation or the writer, no person.
                _ => None,
            },
            None => None,
        };
        out.push(speaker);
    }
    continue_quotations(sentences, paragraph_starts, &mut out);
    out
}

/// A sentence that is a quotation and nothing else gives the voice of the one around it. A
/// quotation left open runs on to the sentence that names its speaker ("“We will act. We have no
/// choice. We are ready,” Warren said."), and its sentences after the one naming the speaker are
/// theirs ("Trump emphasized: “For missiles, yes. For nuclear, fast.”"). A new quotation right
/// after a speaker's own (“…,” Warren said. “We have no choice.”) is theirs too, in the same
/// paragraph only, and only after a sentence that quotes: "A reporter asked about the budget."
/// does not make the reporter say "“No comment.”".
fn continue_quotations(
    sentences: &[&str],
    paragraph_starts: &[bool],
    speakers: &mut [Option<(String, VoiceKind)>],
) {
    let mut state = QuoteState::default();
    // Per sentence: a quotation open where it starts, open where it ends, and nothing else.
    let mut open_at_start = Vec::with_capacity(sentences.len());
    let mut open_at_end = Vec::with_capacity(sentences.len());
    let mut whole = Vec::with_capacity(sentences.len());
    let mut quotes = Vec::with_capacity(sentences.len());
    for s in sentences {
        open_at_start.push(state.is_open());
        let (outside, after) = outside_quotes_from(s, state);
        let opens = s.trim_start().starts_with(['“', '‘', '"']);
        whole.push((opens || state.is_open()) && !outside.chars().any(char::is_alphanumeric));
        // Any quotation mark or quoted word shows as a change.
        quotes.push(state.is_open() || outside != *s);
        open_at_end.push(after.is_open());
        state = after;
    }
    // A mark that no sentence closes within a few is no quotation: an apostrophe typed as `‘`
    // ("the ‘90s") or a stray mark of a pasted page would otherwise quote the rest of the
    // article, and give every sentence after it the last speaker's voice.
    let mut i = 0;
    while i < sentences.len() {
        if !open_at_end[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < sentences.len() && open_at_end[j] {
            j += 1;
        }
        if j == sentences.len() || j - i >= LONGEST_QUOTATION {
            open_at_end[i..j].fill(false);
            for k in i + 1..=j.min(sentences.len() - 1) {
                let s = sentences[k];
                let (outside, _) = outside_quotes_from(s, QuoteState::default());
                open_at_start[k] = false;
                whole[k] = s.trim_start().starts_with(['“', '‘', '"'])
                    && !outside.chars().any(char::is_alphanumeric);
                quotes[k] = outside != *s;
            }
        }
        i = j + 1;
    }
    for i in (0..sentences.len().saturating_sub(1)).rev() {
        if speakers[i].is_none() && whole[i] && open_at_end[i] {
            speakers[i] = speakers[i + 1].clone();
        }
    }
    for i in 1..sentences.len() {
        let same_paragraph = !paragraph_starts.get(i).copied().unwrap_or(false);
        if speakers[i].is_none()
            && whole[i]
            && (open_at_start[i] || (same_paragraph && quotes[i - 1]))
        {
            speakers[i] = speakers[i - 1].clone();
        }
    }
}

/// The voice a pronoun in sentence `i` continues: in the nearest sentence before it that has
/// one, a speaker that agrees in number or, for "he" and "she", the first person named.
fn antecedent(
    speakers: &[Option<(String, VoiceKind)>],
    sentences: &[&str],
    people: &People,
    i: usize,
    plural: bool,
) -> Option<(String, VoiceKind)> {
    (1..=LOOK_BACK.min(i)).find_map(|back| {
        let j = i - back;
        match &speakers[j] {
            Some(voice) if agrees(voice, plural) => Some(voice.clone()),
            _ if plural => None,
            _ => people
                .first_in(sentences[j])
                .map(|name| (name, VoiceKind::Named)),
        }
    })
}

/// The source "the official" (or "the spokesman", "the senator") goes back to: the nearest
/// speaker before it whose name ends in the same noun ("a senior Israeli security official") or,
/// for a title, a named person who holds it ("Senator Elizabeth Warren"). "The official added…"
/// is the official quoted before, not a second unnamed voice.
///
/// The search goes back [`INTRODUCED_LOOK_BACK`] sentences at most, and stops at the same
/// words left unresolved before (everything before that was already searched for this noun,
/// in vain): an article of a thousand "the minister said" was quadratic, minutes to open.
fn introduced(speakers: &[Option<(String, VoiceKind)>], name: &str) -> Option<(String, VoiceKind)> {
    let lower = name.to_lowercase();
    let noun = lower.strip_prefix("the ")?;
    if noun.contains(' ') {
        return None;
    }
    let earlier = speakers.iter().rev().take(INTRODUCED_LOOK_BACK).flatten();
    let unresolved_before = |(earlier, kind): &&(String, VoiceKind)| {
        !(*kind == VoiceKind::Unnamed && earlier.to_lowercase() == lower)
    };
    earlier
        .take_while(unresolved_before)
        .find_map(|(earlier, kind)| {
            let words: Vec<String> = earlier.split_whitespace().map(str::to_lowercase).collect();
            let same = match kind {
                // Not someone described by another ("a spokesman for the official", "an aide to
                // the senator"): such a name holds "the" before its last word.
                VoiceKind::Unnamed => {
                    words.len() > 1
                        && words.last().is_some_and(|w| w == noun)
                        && !words.iter().any(|w| w == "the")
                }
                // A title is one of the name's words before the person's own ("Senator").
                VoiceKind::Named => words[..words.len().saturating_sub(1)]
                    .iter()
                    .any(|w| w == noun),
            };
            same.then(|| (earlier.clone(), *kind))
        })
}

/// "He" or "she" continues a person (named, or "a senior official"); "they" a group
/// ("officials", "diplomats"). An institution ("the council") is "it".
fn agrees((name, kind): &(String, VoiceKind), plural: bool) -> bool {
    let head = name.split_whitespace().last().unwrap_or("").to_lowercase();
    match kind {
        VoiceKind::Named => !plural,
        VoiceKind::Unnamed => {
            is_source_noun(&head) && head.ends_with('s') == plural && head != "authorities"
                || plural && head == "authorities"
        }
    }
}

/// Capitalised words that start a sentence or a clause, not a name.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "After",
    "Before",
    "But",
    "And",
    "When",
    "While",
    "As",
    "For",
    "With",
    "From",
    "By",
    "Last",
    "This",
    "That",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "Meanwhile",
    "However",
    "Earlier",
    "Later",
    "Since",
    "Under",
    "Over",
    "If",
    "Then",
];

/// Words before a capitalised run that make it a place or an organisation ("in New York"), not
/// the person a sentence is about.
const PREPOSITIONS: &[&str] = &[
    "in", "at", "from", "to", "near", "of", "for", "with", "across", "into", "on", "by", "outside",
    "inside", "around", "over", "under", "toward", "towards", "against", "about", "between",
];

/// Last words of a capitalised run that names a place, an institution or an event, not a person.
const NOT_PEOPLE: &[&str] = &[
    "House",
    "Department",
    "Ministry",
    "Council",
    "Party",
    "Court",
    "Congress",
    "Senate",
    "Parliament",
    "Reserve",
    "Union",
    "Army",
    "Navy",
    "Force",
    "Forces",
    "Agency",
    "Bank",
    "Company",
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "University",
    "Committee",
    "Administration",
    "Government",
    "Office",
    "Police",
    "Service",
    "School",
    "Hospital",
    "Street",
    "Square",
    "County",
    "City",
    "State",
    "States",
    "Kingdom",
    "Republic",
    "Nations",
    "Organization",
    "Commission",
    "Board",
    "Authority",
    "Group",
    "Association",
    "Institute",
    "Center",
    "Centre",
    "Foundation",
    "Fund",
    "Airport",
    "Station",
    "Bridge",
    "River",
    "Lake",
    "Island",
    "Islands",
    "Mountains",
    "Valley",
    "Coast",
    "East",
    "West",
    "North",
    "South",
    "Strip",
    "Bay",
    "Gulf",
    "Sea",
    "Ocean",
    "Cup",
    "Games",
    "Olympics",
    "Day",
    "Act",
    "Plan",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The people an article names: a run of two or more capitalised words that is no place,
/// institution or outlet ("Senator Maria Alvarez", "U.S. President Donald Trump"), and a named
/// speaker; each known after by its last word alone ("Trump struck a measured tone").
struct People {
    surnames: std::collections::HashSet<String>,
}

impl People {
    fn of(sentences: &[&str], attributed: &[Option<Attribution>]) -> People {
        let mut surnames = std::collections::HashSet::new();
        for sentence in sentences {
            for (run, before) in capitalised_runs(sentence) {
                if let Some(name) = person(&run, &before) {
                    surnames.insert(super::person_key(&name));
                }
            }
        }
        for a in attributed.iter().flatten() {
            if let Attribution::To(name, VoiceKind::Named) = a
                && !is_outlet(name)
            {
                surnames.insert(super::person_key(name));
            }
        }
        People { surnames }
    }

    /// The first person the sentence names outside quotation marks ("The mayor, John Park,
    /// defended it" names John Park; "Yet, for Netanyahu, the calculus is clear" names
    /// Netanyahu, known from before; "officials in New York" no one).
    fn first_in(&self, sentence: &str) -> Option<String> {
        capitalised_runs(sentence)
            .into_iter()
            .find_map(|(run, before)| {
                person(&run, &before).or_else(|| match run.as_slice() {
                    [one] if self.surnames.contains(one.trim_end_matches('.')) => {
                        Some(one.trim_end_matches('.').to_owned())
                    }
                    _ => None,
                })
            })
    }
}

/// The runs of capitalised words outside quotation marks, each with the word before it. A
/// comma, a colon or a sentence's full stop ends a run; a word that opens a sentence or clause
/// ("The", "After") starts none.
fn capitalised_runs(sentence: &str) -> Vec<(Vec<String>, String)> {
    let outside = outside_quotes(sentence);
    let words = outside.split_whitespace();
    let mut runs = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let mut before = String::new();
    let mut previous = "";
    for raw in words {
        let word = raw
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches([',', ';', ':', '!', '?', ')', '\'', '’', '"', '”']);
        let mut closes = word.len() < raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let word = match word.strip_suffix('.') {
            Some(bare) if !is_abbreviation(word) => {
                closes = true;
                bare
            }
            _ => word,
        };
        let capitalised =
            word.starts_with(char::is_uppercase) && !(run.is_empty() && OPENERS.contains(&word));
        if capitalised {
            if run.is_empty() {
                before = previous.to_owned();
            }
            run.push(word.to_owned());
        }
        if (!capitalised || closes) && !run.is_empty() {
            runs.push((std::mem::take(&mut run), std::mem::take(&mut before)));
        }
        previous = word;
    }
    if !run.is_empty() {
        runs.push((run, before));
    }
    runs
}

/// "Sen.", "Gov.", "U.S.", "Dr.": a word whose full stop is not a sentence's.
fn is_abbreviation(word: &str) -> bool {
    let bare = &word[..word.len() - 1];
    bare.contains('.') || bare.chars().count() <= 3
}

fn person(run: &[String], before: &str) -> Option<String> {
    let last = run.last()?.trim_end_matches('.');
    // After "the" a capitalised run names a thing, a title or a place ("won the Miss Idaho
    // title", "the White House"), not the person a pronoun continues.
    let before = before.to_lowercase();
    if run.len() < 2
        || NOT_PEOPLE.contains(&last)
        || PREPOSITIONS.contains(&before.as_str())
        || before == "the"
    {
        return None;
    }
    let name = format!("{} {last}", run[..run.len() - 1].join(" "));
    (!is_outlet(&name)).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speakers(text: &[&str]) -> Vec<Option<(String, VoiceKind)>> {
        resolve(text)
    }

    fn named(s: &str) -> Option<(String, VoiceKind)> {
        Some((s.to_owned(), VoiceKind::Named))
    }

    #[test]
    fn a_quotation_alone_is_the_voice_of_the_speaker_beside_it() {
        let found = speakers(&[
            "The council met on Monday.",
            "“We will act. ",
            "We have no choice,” Senator Warren said.",
            "“The plan is a gamble.”",
            "‘It will fail.’",
            "The vote is on Friday.",
            "“Nobody asked us.”",
        ]);
        assert_eq!(found[0], None);
        // Open: the speaker of the sentence that closes it; closed: the speaker just named.
        for (i, speaker) in found.iter().enumerate().take(5).skip(1) {
            assert_eq!(*speaker, named("Senator Warren"), "sentence {i}");
        }
        // A quotation after a sentence with no speaker has none.
        assert_eq!(found[6], None);
        // Straight marks, and a quotation of three sentences: every one is the speaker's.
        let warren =
            |found: Vec<Option<(String, VoiceKind)>>| found.iter().all(|s| *s == named("Warren"));
        assert!(warren(speakers(&[
            "\"We will act. ",
            "We have no choice,\" Warren said."
        ])));
        assert!(warren(speakers(&[
            "“We will act. ",
            "We have no choice. ",
            "We are ready,” Warren said."
        ])));
        // The sentences of a quotation after the one naming its speaker.
        let found = speakers(&[
            "Trump emphasized: “For missiles, yes. ",
            "For nuclear, fast.”",
        ]);
        assert_eq!(found, [named("Trump"), named("Trump")]);
        // Not after a sentence that quotes no one: the reporter asks, someone else answers;
        // the mayor praised the plan and did not say it was a betrayal.
        let found = speakers(&["A reporter asked about the budget.", "“No comment.”"]);
        assert_eq!(found[1], None);
        let found = speakers(&["Mayor Lopez praised the new budget.", "“It is a betrayal.”"]);
        assert_eq!(found[1], None);
        // Not into the next paragraph, unless the quotation was left open there.
        let text = [
            "“This is a disgrace,” Sanders said.",
            "“We have no choice.”",
        ];
        assert_eq!(resolve_in(&text, &[false, true])[1], None);
        assert_eq!(resolve_in(&text, &[false, false])[1], named("Sanders"));
        let text = ["“This is a disgrace. ", "We have no choice,” Sanders said."];
        assert_eq!(resolve_in(&text, &[false, true])[0], named("Sanders"));
        // A mark never closed quotes nothing: "the ‘90s" does not make Warren say the rest.
        let found = speakers(&[
            "Warren said the ‘90s are back.",
            "Sales rose.",
            "Prices fell.",
            "Rents rose.",
        ]);
        assert_eq!(found, [named("Warren"), None, None, None]);
    }

    #[test]
    fn a_title_after_the_is_no_person_a_pronoun_continues() {
        let found = speakers(&[
            "Elizabeth Prelogar grew up in Boise.",
            "As a teen she entered pageants and won the Miss Idaho title in 2004.",
            "She said she used the scholarship for law school.",
        ]);
        assert_eq!(found[2], named("Elizabeth Prelogar"));
    }

    #[test]
    fn a_pronoun_is_the_person_named_just_before() {
        let found = speakers(&[
            "Senator Maria Alvarez criticised the plan on Tuesday.",
            "“This is a disgrace,” she said.",
        ]);
        assert_eq!(found[1], named("Senator Maria Alvarez"));
        let found = speakers(&[
            "The mayor, John Park, defended it.",
            "The council had warned him.",
            "“We had no choice,” he told reporters.",
        ]);
        assert_eq!(found[2], named("John Park"));
        let found = speakers(&[
            "Israeli Prime Minister Benjamin Netanyahu is preparing to make a case.",
            "‘Israel cannot wait,’ he said in a recent interview.",
        ]);
        assert_eq!(found[1], named("Israeli Prime Minister Benjamin Netanyahu"));
    }

    #[test]
    fn a_pronoun_continues_the_last_speaker_that_agrees() {
        let found = speakers(&[
            "“It will pass,” one official said.",
            "“We have the votes,” he added.",
        ]);
        assert_eq!(found[1], found[0]);
        assert_eq!(found[1].as_ref().unwrap().1, VoiceKind::Unnamed);
        let found = speakers(&[
            "“The strikes worked,” Israeli officials said.",
            "“They set the programme back years,” they told NBC.",
        ]);
        assert_eq!(found[1], found[0]);
        // "He" after a group is someone else, whom nothing names.
        let found = speakers(&[
            "“The strikes worked,” Israeli officials said.",
            "“Not so,” he said.",
        ]);
        assert_eq!(found[1], None);
    }

    /// "The official" after "a senior Israeli security official" was quoted is that official,
    /// not a second unnamed voice (a teacher's pass counted four unnamed voices for two); "the
    /// senator" is the senator named before. An official of another kind stays apart.
    #[test]
    fn the_official_is_the_one_quoted_before() {
        let found = speakers(&[
            "‘Iran is not just developing missiles,’ said a senior Israeli security official.",
            "The meeting is on Monday.",
            "The official added that Israel has already identified sites.",
        ]);
        assert_eq!(found[2], found[0]);
        let found = speakers(&[
            "“It is reckless,” said Senator Elizabeth Warren.",
            "“We will not fund it,” the senator said.",
        ]);
        assert_eq!(found[1], named("Senator Elizabeth Warren"));
        let found = speakers(&[
            "“It will pass,” a White House spokesman said.",
            "“It will fail,” the official said.",
        ]);
        assert_eq!(
            found[1],
            Some(("the official".to_owned(), VoiceKind::Unnamed))
        );
        // Someone described by the official is not the official.
        let found = speakers(&[
            "“No comment,” said a spokesman for the official.",
            "“It is over,” the official said.",
        ]);
        assert_ne!(found[1], found[0]);
    }

    #[test]
    fn places_institutions_and_far_sentences_name_no_one() {
        for before in [
            "The White House declined to comment.",
            "The storm hit the Gulf Coast on Monday.",
            "Officials in New York were cautious.",
            "NBC News first reported the meeting.",
        ] {
            let found = speakers(&[before, "“It is over,” she said."]);
            assert_eq!(found[1], None, "{before}");
        }
        let found = speakers(&[
            "Senator Maria Alvarez criticised the plan.",
            "The vote is due on Friday.",
            "The bill has 40 sponsors.",
            "Its cost is unknown.",
            "“This is a disgrace,” she said.",
        ]);
        assert_eq!(found[4], None, "too far back");
        // "It" and "we" are no person.
        let found = speakers(&[
            "Senator Maria Alvarez criticised the plan.",
            "“We will appeal,” it said.",
        ]);
        assert_eq!(found[1], None);
    }
}
