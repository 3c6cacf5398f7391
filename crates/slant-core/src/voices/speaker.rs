//! Finding who a sentence gives a voice to: the speaker next to an attribution verb, outside the
//! quotation marks, named or described.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::VoiceKind;
use super::quotes::outside_quotes;

/// A word list from `assets/voices/`: one word a line, `#` starts a comment line.
fn word_set(list: &'static str) -> HashSet<&'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Verbs that attribute words to a speaker.
static SPEECH_VERBS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../../../assets/voices/speech_verbs.txt")));
/// A verb that attributes words to a speaker ("said", "added", "according").
pub(crate) fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(word)
}

/// Nouns that describe a source without naming it ("officials", "a diplomat").
static SOURCE_NOUNS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../../../assets/voices/source_nouns.txt")));
/// A noun that describes a source without naming it ("official", "diplomats").
pub(crate) fn is_source_noun(word: &str) -> bool {
    SOURCE_NOUNS.contains(word)
}

/// Nouns for things, which do not speak ("reports", "Trump's approach").
static THINGS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../../../assets/voices/things.txt")));

const ANONYMITY: &[&str] = &[
    "condition of anonymity",
    "requested anonymity",
    "declined to be named",
    "asked not to be named",
    "not authorized to speak",
];
/// Words that open a clause before its subject ("While his administration praised…").
const SUBORDINATORS: &[&str] = &[
    "while", "although", "though", "whereas", "because", "since", "when", "after", "before", "if",
    "unless", "as", "once", "but", "and", "yet",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "i", "we", "you"];
const DETERMINERS: &[&str] = &[
    "a", "an", "one", "some", "several", "two", "three", "other", "many", "the",
];

/// The speaker a sentence attributes its words to, as written ("a former U.S. diplomat"); none
/// for a pronoun, which only the sentences before can name ([`super::speakers_in`]).
pub fn speaker(sentence: &str) -> Option<(String, VoiceKind)> {
    match attribution(sentence)? {
        Attribution::To(name, kind) => Some((name, kind)),
        Attribution::ToPronoun(_) => None,
    }
}

/// Whom a sentence attributes its words to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Attribution {
    /// A speaker named or described in the sentence.
    To(String, VoiceKind),
    /// A pronoun ("…,’ she said"), lower-case.
    ToPronoun(String),
}

pub(crate) fn attribution(sentence: &str) -> Option<Attribution> {
    let outside = outside_quotes(sentence);
    let words: Vec<(usize, &str)> = words(&outside);
    let lower = sentence.to_lowercase();
    let anonymous = ANONYMITY.iter().any(|cue| lower.contains(cue));
    for (i, &(_, w)) in words.iter().enumerate() {
        let verb = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !SPEECH_VERBS.contains(verb.as_str()) {
            continue;
        }
        if verb == "according"
            && words
                .get(i + 1)
                .is_none_or(|(_, w)| !w.eq_ignore_ascii_case("to"))
        {
            continue;
        }
        let skip = if verb == "according" { 2 } else { 1 };
        let after = phrase_after(&words[i + skip..]);
        let before = phrase_before(&words[..i]);
        // The subject before the verb speaks ("one official told NBC"); after a quotation the
        // order is inverted ("…,’ said Senator Warren") and nothing stands before the verb.
        let phrase = match (after, before) {
            (Some(a), _) if verb == "according" => a,
            (_, Some(b)) => b,
            (Some(a), None) if starts_speaker(&a) => a,
            _ => continue,
        };
        let phrase = subject_of(&phrase);
        let lower = phrase.to_lowercase();
        // "It's said that…": a passive, with no one saying it.
        if matches!(
            lower.replace('’', "'").as_str(),
            "it's" | "that's" | "there's" | "what's"
        ) {
            continue;
        }
        if PRONOUNS.contains(&lower.as_str()) {
            return Some(Attribution::ToPronoun(lower));
        }
        if !can_speak(&phrase) {
            continue;
        }
        // The head of "analysts at Smith & Wesson Capital" is "analysts": what follows a
        // preposition says where they work, not who they are.
        let head = phrase
            .split_whitespace()
            .take_while(|w| !matches!(*w, "at" | "of" | "from" | "with" | "for" | "in"))
            .collect::<Vec<_>>();
        let last = head.last().copied().or(phrase.split_whitespace().last())?;
        let named = last.chars().next().is_some_and(char::is_uppercase)
            && !SOURCE_NOUNS.contains(last.to_lowercase().as_str())
            && !anonymous;
        return Some(Attribution::To(
            phrase,
            if named {
                VoiceKind::Named
            } else {
                VoiceKind::Unnamed
            },
        ));
    }
    None
}

/// "Alvarez called the decision and (said)": the subject of coordinated verbs is the words
/// before the first verb, not the whole clause.
fn subject_of(phrase: &str) -> String {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let coordinated = words
        .last()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "and" | "but" | "or" | "then"));
    if !coordinated {
        return phrase.to_owned();
    }
    let verb = words.iter().enumerate().skip(1).find(|(_, w)| {
        let w = w.to_lowercase();
        SPEECH_VERBS.contains(w.as_str()) || (w.len() > 4 && w.ends_with("ed"))
    });
    match verb {
        Some((at, _)) => words[..at].join(" "),
        None => words[..words.len() - 1].join(" "),
    }
}

fn can_speak(phrase: &str) -> bool {
    // "The Washington Post said", "said the Washington Post": a news organisation speaks,
    // though its last word is a thing.
    let name = phrase
        .strip_prefix("The ")
        .or_else(|| phrase.strip_prefix("the "))
        .unwrap_or(phrase);
    if name
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase))
        && super::is_outlet(name)
    {
        return true;
    }
    let words: Vec<String> = phrase
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let Some(head) = words.last() else {
        return false;
    };
    // "multiple reports from outlets like NBC": the head is the noun before "from"/"by"/"like".
    let head = words
        .iter()
        .position(|w| matches!(w.as_str(), "from" | "by" | "like" | "of" | "in"))
        .and_then(|i| i.checked_sub(1))
        .map_or(head, |i| &words[i]);
    !THINGS.contains(head.as_str())
}

/// Words that can open a speaker: a capitalised word or a determiner ("a", "one").
fn starts_speaker(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or("");
    // "…,” said fire chief Dana Ruiz": a job before a name.
    let job_then_name = phrase.split_whitespace().count() <= 5
        && phrase
            .split_whitespace()
            .last()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
    first.chars().next().is_some_and(char::is_uppercase)
        || DETERMINERS.contains(&first.to_lowercase().as_str())
        || job_then_name
}

/// Up to six words after the verb, to the first comma, stop, colon or "who".
fn phrase_after(words: &[(usize, &str)]) -> Option<String> {
    let mut out = Vec::new();
    for &(_, w) in words.iter().take(6) {
        // A period ends the phrase unless it ends an abbreviation (U.S., Sen.).
        let abbreviation = w.ends_with('.') && {
            let core = &w[..w.len() - 1];
            core.contains('.')
                || (core.len() <= 4
                    && core.starts_with(char::is_uppercase)
                    && core.len() > 1
                    && w != words.last().map_or("", |l| l.1))
        };
        let bare = if abbreviation {
            w
        } else {
            w.trim_end_matches([',', '.', ';', ':', '!', '?'])
        };
        if bare.eq_ignore_ascii_case("who")
            || bare.eq_ignore_ascii_case("in")
            || bare.eq_ignore_ascii_case("on")
        {
            break;
        }
        if !bare.is_empty() {
            out.push(bare);
        }
        if bare.len() != w.len() {
            break;
        }
    }
    (!out.is_empty()).then(|| out.join(" "))
}

/// The subject before the verb: the last comma-separated chunk, or the one before it when the
/// last is an appositive or an aside ("Maria Lopez, an economist, told"; "Netanyahu, in turn,
/// praised"), without trailing auxiliaries ("officials have warned").
fn phrase_before(words: &[(usize, &str)]) -> Option<String> {
    let text: Vec<&str> = words.iter().map(|&(_, w)| w).collect();
    let joined = text.join(" ");
    let chunks: Vec<&str> = joined
        .split([',', ';', ':'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let last = *chunks.last()?;
    let capitalised_end = |c: &str| {
        c.split_whitespace()
            .last()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
    };
    let has_name = |c: &str| {
        c.split_whitespace()
            .any(|w| w.starts_with(char::is_uppercase))
    };
    let aside = {
        let first = last.split_whitespace().next().unwrap_or("").to_lowercase();
        DETERMINERS.contains(&first.as_str()) && first != "one"
            || !has_name(last) && !is_subject(last)
            // "Jeffrey Wall, who was a top official in the … office, said": a relative clause
            // about the name before it, whatever it names.
            || matches!(first.as_str(), "who" | "whose" | "whom" | "which")
    };
    // "Dana Ruiz, the fire chief, said": the name before an aside. Only a name: a clause
    // ("Unemployment climbed to 4.5 percent in March, the state office said") is not one.
    let a_name = |c: &str| {
        let words: Vec<&str> = c.split_whitespace().collect();
        words.len() <= 4 && words.iter().all(|w| w.starts_with(char::is_uppercase))
    };
    // A dateline before the name ("WASHINGTON — Rob Brand, a spokesman…") is not part of it.
    let after_dateline = |c: &'_ str| -> String {
        c.rsplit_once(['—', '–'])
            .map_or(c, |(_, rest)| rest)
            .trim()
            .to_owned()
    };
    let chosen = match chunks.len() {
        n if n >= 2
            && aside
            && capitalised_end(chunks[n - 2])
            && a_name(&after_dateline(chunks[n - 2])) =>
        {
            after_dateline(chunks[n - 2])
        }
        _ => last.to_owned(),
    };
    let mut kept: Vec<&str> = chosen.split_whitespace().collect();
    // "Trump met aides who said…", "…thanked Netanyahu, who said…": the speaker is the noun the
    // relative clause is about, not the clause before it.
    if kept
        .last()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "who" | "that"))
    {
        kept.pop();
        if kept.is_empty() && chunks.len() >= 2 {
            kept = chunks[chunks.len() - 2].split_whitespace().collect();
        }
        kept = noun_phrase_at_end(&kept);
    }
    // "While his administration has praised…": the word that opens a clause is not part of
    // who speaks.
    if kept.len() > 1
        && kept
            .first()
            .is_some_and(|w| SUBORDINATORS.contains(&w.to_lowercase().as_str()))
    {
        kept.remove(0);
    }
    while kept
        .last()
        .is_some_and(|w| AUXILIARIES.contains(&w.to_lowercase().as_str()))
    {
        kept.pop();
    }
    // "Analysts at Smith & Wesson Capital": a speaker with where they work.
    let start = kept.len().saturating_sub(7);
    let phrase = kept[start..].join(" ");
    let phrase = phrase
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .to_owned();
    (!phrase.is_empty()).then_some(phrase)
}

/// The noun phrase that ends `words`: the last word and the capitalised words, determiners and
/// numbers before it ("Iranian officials" of "Reporters spoke with Iranian officials").
fn noun_phrase_at_end<'w>(words: &[&'w str]) -> Vec<&'w str> {
    let Some((&head, before)) = words.split_last() else {
        return Vec::new();
    };
    let mut phrase = vec![head];
    for &w in before.iter().rev() {
        let lower = w.to_lowercase();
        let modifies = w.starts_with(char::is_uppercase)
            || (DETERMINERS.contains(&lower.as_str()) && lower != "the");
        if !modifies || w.ends_with(',') {
            break;
        }
        phrase.insert(0, w);
    }
    phrase
}

const AUXILIARIES: &[&str] = &[
    "have",
    "has",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "also",
    "then",
    "later",
    "again",
    "reportedly",
    "previously",
    "recently",
    "had",
    "once",
    "repeatedly",
];

/// A chunk that can be a subject on its own: a pronoun or a noun phrase with a determiner.
fn is_subject(chunk: &str) -> bool {
    let first = chunk.split_whitespace().next().unwrap_or("").to_lowercase();
    PRONOUNS.contains(&first.as_str()) || DETERMINERS.contains(&first.as_str())
}

/// Word tokens of the text outside quotation marks, with their byte offsets.
fn words(text: &str) -> Vec<(usize, &str)> {
    text.split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .filter(|(_, w)| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(s: &str) -> Option<(String, VoiceKind)> {
        speaker(s)
    }

    fn named(s: &str) -> Option<(String, VoiceKind)> {
        Some((s.to_owned(), VoiceKind::Named))
    }

    fn unnamed(s: &str) -> Option<(String, VoiceKind)> {
        Some((s.to_owned(), VoiceKind::Unnamed))
    }

    #[test]
    fn a_relative_clause_speaks_for_the_noun_it_follows() {
        assert_eq!(
            who("Trump met aides who said the plan was dead."),
            unnamed("aides")
        );
        assert_eq!(
            who("Reporters spoke with Iranian officials who said the talks failed."),
            unnamed("Iranian officials")
        );
        assert_eq!(
            who("Trump thanked Netanyahu, who said the talks went well."),
            named("Netanyahu")
        );
        assert_eq!(
            who("The mayor met several residents who said the water was unsafe."),
            unnamed("several residents")
        );
    }

    #[test]
    fn speakers_after_and_before_the_verb() {
        assert_eq!(
            who("‘This is a dangerous gamble,’ said Senator Elizabeth Warren."),
            named("Senator Elizabeth Warren")
        );
        assert_eq!(
            who("‘This isn’t just about defense,’ one U.S. official told NBC."),
            unnamed("one U.S. official")
        );
        assert_eq!(
            who(
                "‘Tehran is sending a clear message,’ said a former U.S. diplomat, who spoke on condition of anonymity."
            ),
            unnamed("a former U.S. diplomat")
        );
        assert_eq!(who("Trump emphasized: “For missiles, yes."), named("Trump"));
        assert_eq!(
            who("Netanyahu, in turn, praised Trump as Israel’s “greatest friend” and more."),
            named("Netanyahu")
        );
        assert_eq!(
            who("Israeli officials claimed the strikes “severely damaged” the array."),
            unnamed("Israeli officials")
        );
        assert_eq!(
            who("‘Israel cannot wait,’ he said in a recent interview."),
            None,
            "a pronoun continues a voice"
        );
        assert_eq!(
            who("‘We have a window of opportunity.’"),
            None,
            "no attribution"
        );
        // People by their work have a capital only at the start of a sentence.
        assert_eq!(
            who("Firefighters said the blaze was contained by evening."),
            unnamed("Firefighters")
        );
        assert_eq!(
            who("Prosecutors said the men had planned the robbery for months."),
            unnamed("Prosecutors")
        );
        assert_eq!(
            who("Williams said the men had planned it for months."),
            named("Williams")
        );
        assert_eq!(
            who("Unemployment climbed to 4.5 percent in March, the state labour office said."),
            unnamed("the state labour office")
        );
        assert_eq!(
            who("Analysts at Smith & Wesson Capital said the rise was expected."),
            unnamed("Analysts at Smith & Wesson Capital")
        );
        assert_eq!(
            who("“We will rebuild,” said fire chief Dana Ruiz."),
            named("fire chief Dana Ruiz")
        );
        // A relative clause about the speaker, however it ends; a passive with no speaker.
        assert_eq!(
            who(
                "Jeffrey Wall, who was a top official in the solicitor general’s office during the Trump administration, said the court faces “headwinds.”"
            ),
            named("Jeffrey Wall")
        );
        assert_eq!(
            who("It’s said that the benefits greatly outweigh the risks."),
            None
        );
    }

    #[test]
    fn a_direction_mark_before_a_name_hides_nothing() {
        assert_eq!(
            who("The vote was delayed, \u{200F}Maria Lopez said."),
            named("Maria Lopez")
        );
        assert_eq!(
            who("“We need time,” said the \u{200E}Washington Post\u{200E}."),
            who("“We need time,” said the Washington Post.")
        );
        assert!(who("“We need time,” said the Washington Post.").is_some());
    }

    #[test]
    fn unseen_sentences() {
        assert_eq!(
            who("\"Prices will fall,\" Maria Lopez, an economist at Acme, told reporters."),
            named("Maria Lopez")
        );
        assert_eq!(
            who("\"It was chaos,\" said a witness who asked not to be named."),
            unnamed("a witness")
        );
        assert_eq!(
            who("According to the Associated Press, the vote was delayed."),
            named("the Associated Press")
        );
        assert_eq!(
            who("“We are ready,” the spokesman added."),
            unnamed("the spokesman")
        );
        assert_eq!(
            who("Officials said the bridge was safe."),
            unnamed("Officials")
        );
    }

    #[test]
    fn things_do_not_speak_and_coordinated_subjects_are_cut() {
        assert!(!can_speak("Trump's approach"));
        assert!(!can_speak("multiple reports from outlets like NBC"));
        assert!(can_speak("Trump's lawyer"));
        assert!(can_speak("a senior official"));
        assert_eq!(
            speaker("Alvarez called the decision “reckless” and said it would be appealed."),
            named("Alvarez")
        );
        assert_eq!(
            speaker("Multiple reports from outlets like NBC said the talks had stalled."),
            None
        );
        // A dateline before a name and its role is not part of either.
        assert_eq!(
            speaker(
                "WASHINGTON — Rob Brand, a spokesman for the NAACP, told reporters the law passed."
            ),
            named("Rob Brand")
        );
        // The word opening a clause is not part of the speaker.
        assert_eq!(
            speaker(
                "While his administration has praised Israel’s security measures, his approach has drawn criticism."
            ),
            unnamed("his administration")
        );
        assert_eq!(
            speaker("Although Senator Warren praised the deal, others did not."),
            named("Senator Warren")
        );
    }
}
