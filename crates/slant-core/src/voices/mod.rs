//! Who gets a voice: the speakers of a reviewer's Quote sentences, named or not.
//!
//! A speaker is found next to an attribution verb outside the quotation marks ("…,’ said Senator
//! Elizabeth Warren", "one U.S. official told NBC"). A name ends in a capitalised word (Warren,
//! Trump, NBC News); a description ends in a common noun (a former U.S. diplomat, Israeli
//! officials) and counts as unnamed, as does any speaker in a sentence that says the source asked
//! for anonymity. A pronoun ("…,’ she said") is the voice of the sentences just before it: the
//! last speaker there, or the person they name.

use std::collections::BTreeMap;

use crate::model::{Article, ReviewerId, Tag};

pub use quotes::{outside_quotes, visible};
pub(crate) use speaker::is_speech_verb;
pub use speaker::speaker;

mod antecedent;
mod quotes;
mod speaker;

/// Named or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum VoiceKind {
    Named,
    Unnamed,
}

/// Who a speaker is, as every part of Slant tells them apart: the quoted voices of the
/// statistics and reports, and who gets to speak in a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A person named ("Senator Warren").
    Named,
    /// Someone not named ("one U.S. official", "diplomats").
    Anonymous,
    /// A news organisation ("NBC News", "The Washington Post").
    Outlet,
}

/// The kind of a speaker found by [`speaker`] (or cited by "according to", which is `Named`).
pub fn classify(name: &str, kind: VoiceKind) -> SpeakerKind {
    match kind {
        VoiceKind::Named if is_outlet(name) => SpeakerKind::Outlet,
        VoiceKind::Named => SpeakerKind::Named,
        VoiceKind::Unnamed => SpeakerKind::Anonymous,
    }
}

/// Last words of news organisations' names.
const OUTLET_WORDS: &[&str] = &[
    "News",
    "Times",
    "Post",
    "Journal",
    "Herald",
    "Tribune",
    "Guardian",
    "Telegraph",
    "Press",
    "Wire",
    "Gazette",
    "Magazine",
    "Radio",
    "Television",
    "Broadcasting",
    "Agency",
    "Network",
    "Reuters",
    "Bloomberg",
    "Haaretz",
    "Politico",
    "Axios",
    "Economist",
];

/// News organisations known by an abbreviation.
const OUTLET_NAMES: &[&str] = &[
    "NBC",
    "CBS",
    "ABC",
    "CNN",
    "BBC",
    "NPR",
    "MSNBC",
    "AP",
    "AFP",
    "Al Jazeera",
];

/// Whether a speaker's name is a news organisation's. "Fox" alone is not among them: "Fox said
/// he would not run" and "Michael J. Fox said" are people; "Fox News" ends in "News".
pub fn is_outlet(name: &str) -> bool {
    let last = name.split_whitespace().last().unwrap_or(name);
    OUTLET_WORDS.contains(&last)
        || OUTLET_NAMES
            .iter()
            .any(|o| name == *o || name.ends_with(&format!(" {o}")))
}

/// One speaker and the sentences (0-based) that quote them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voice {
    pub name: String,
    pub kind: VoiceKind,
    pub sentences: Vec<usize>,
}

/// The voices a reviewer's Quote sentences give, in order of first appearance.
pub fn quoted_voices(article: &Article, reviewer: &ReviewerId) -> Vec<Voice> {
    Speakers::of(article).quoted_voices(article, reviewer)
}

/// Every sentence's speaker (see [`speaker`]), where a pronoun is the person or source the
/// sentences just before name.
pub fn speakers_in(article: &Article) -> Vec<Option<(String, VoiceKind)>> {
    let texts: Vec<&str> = (0..article.sentences.len())
        .map(|s| article.sentence_text(s))
        .collect();
    // A sentence after a line break starts a paragraph.
    let paragraph_starts: Vec<bool> = (0..article.sentences.len())
        .map(|s| {
            s > 0
                && article
                    .text
                    .get(article.sentences[s - 1].end..article.sentences[s].start)
                    .is_some_and(|gap| gap.contains('\n'))
        })
        .collect();
    antecedent::resolve_in(&texts, &paragraph_starts)
}

/// Every sentence's speaker, found once for an article's text: what depends on the text alone,
/// so that a tag changes only which of them count ([`Speakers::quoted_voices`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Speakers(Vec<Option<(String, VoiceKind)>>);

impl Speakers {
    pub fn of(article: &Article) -> Speakers {
        Speakers(speakers_in(article))
    }

    /// As [`quoted_voices`], from the speakers found before.
    pub fn quoted_voices(&self, article: &Article, reviewer: &ReviewerId) -> Vec<Voice> {
        gather(article, reviewer, |s| self.0.get(s).cloned().flatten())
    }
}

/// The voices of the reviewer's Quote sentences, one per speaker.
fn gather(
    article: &Article,
    reviewer: &ReviewerId,
    speaker_of: impl Fn(usize) -> Option<(String, VoiceKind)>,
) -> Vec<Voice> {
    let mut voices: Vec<Voice> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let Some(annotations) = article.annotations.get(reviewer) else {
        return voices;
    };
    for (&s, annotation) in annotations {
        if annotation.tag != Some(Tag::Quote) {
            continue;
        }
        let Some((name, kind)) = speaker_of(s) else {
            continue;
        };
        // A named person is known by the last word of the name (Warren, Senator Warren).
        let key = match kind {
            VoiceKind::Named => person_key(&name),
            VoiceKind::Unnamed => name.to_lowercase(),
        };
        let voice = group(&mut voices, &mut index, key, || Voice {
            name,
            kind,
            sentences: Vec::new(),
        });
        voice.sentences.push(s);
    }
    voices
}

/// The group of speakers known by `key` (one person, one outlet), made by `new` the first time:
/// voices and sources are listed in order of first appearance.
pub(crate) fn group<'g, T>(
    groups: &'g mut Vec<T>,
    index: &mut BTreeMap<String, usize>,
    key: String,
    new: impl FnOnce() -> T,
) -> &'g mut T {
    let i = *index.entry(key).or_insert_with(|| {
        groups.push(new());
        groups.len() - 1
    });
    &mut groups[i]
}

/// A named person is known by the last word of the name: Warren, Senator Warren and Elizabeth
/// Warren are one voice.
pub fn person_key(name: &str) -> String {
    name.split_whitespace().last().unwrap_or(name).to_owned()
}

/// How many named and unnamed voices.
pub fn count(voices: &[Voice]) -> (usize, usize) {
    let named = voices.iter().filter(|v| v.kind == VoiceKind::Named).count();
    (named, voices.len() - named)
}
