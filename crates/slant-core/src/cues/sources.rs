//! Who is speaking: whether a reporting verb reports speech (a quotation or "that" near it),
//! and whether an unnamed speaker is an anonymous source (a senior official) or a body speaking
//! on the record (the company, his lawyers).

use super::context::capitalised;
use crate::model::Span;

/// A reporting verb reports speech when a quotation opens or closes within a few words of it,
/// or "that" follows it: `called the verdict “a disgrace”`, `“…,” she announced`.
pub(super) fn reports_speech(text: &str, verb: Span, quotes: &[Span]) -> bool {
    const NEAR: usize = 5;
    let after = &text[verb.end..];
    if after
        .split_whitespace()
        .next()
        .is_some_and(|w| w.trim_end_matches([',', '.']).eq_ignore_ascii_case("that"))
    {
        return true;
    }
    // Quotations are sorted and apart: only the nearest one on each side can be near.
    let near = |a: usize, b: usize| b - a <= 200 && text[a..b].split_whitespace().count() <= NEAR;
    let after = quotes.partition_point(|q| q.start < verb.end);
    let before = quotes.partition_point(|q| q.end <= verb.start);
    quotes.get(after).is_some_and(|q| near(verb.end, q.start))
        || before
            .checked_sub(1)
            .and_then(|i| quotes.get(i))
            .is_some_and(|q| near(q.end, verb.start))
}

/// Whether a listed role ("a spokesman") stands beside a person's name, between commas: "Rob
/// Brand, a spokesman for the NAACP, said" or "a spokeswoman, Ana Ruiz, said". That speaker is
/// named. A place before the comma ("In New York, a spokesman said") is not a name.
pub(super) fn named_in_apposition(text: &str, sentence: Span, role: Span) -> bool {
    // Two capitalised words (first name and surname) not after a preposition.
    let name_ends = |words: &[&str]| -> bool {
        let n = words.len();
        n >= 2
            && capitalised(words[n - 1])
            && capitalised(words[n - 2])
            && !words
                .get(n.wrapping_sub(3))
                .is_some_and(|w| PREPOSITIONS.contains(&w.to_lowercase().as_str()))
    };
    let before = text[sentence.start..role.start].trim_end();
    if let Some(before) = before.strip_suffix(',') {
        let words: Vec<&str> = before.split_whitespace().collect();
        // Alone before the comma (after a dateline, if any), a surname is enough: "NEW YORK
        // (AP) — Brand, a spokesman for the city, said".
        let own = before
            .rsplit_once(['—', '–'])
            .map_or(before, |(_, rest)| rest);
        let own: Vec<&str> = own.split_whitespace().collect();
        let opener = own.first().is_some_and(|w| {
            let w = w.to_lowercase();
            PREPOSITIONS.contains(&w.as_str()) || SENTENCE_ADVERBS.contains(&w.as_str())
        });
        if name_ends(&words)
            || ((1..=4).contains(&own.len()) && !opener && own.iter().all(|w| capitalised(w)))
        {
            return true;
        }
    }
    // After the role and what qualifies it ("for the NAACP"), up to the next comma.
    let after = &text[role.end..sentence.end];
    let Some((qualifier, rest)) = after.split_once(',') else {
        return false;
    };
    if qualifier.split_whitespace().count() > 6 {
        return false;
    }
    let name: Vec<&str> = rest
        .split([',', '.'])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    (2..=4).contains(&name.len()) && name.iter().all(|w| capitalised(w))
}

/// Words before a place or time, not a name ("In New York, a spokesman said").
const PREPOSITIONS: &[&str] = &[
    "in", "at", "on", "from", "for", "to", "of", "near", "across", "after", "before", "since",
    "during", "by", "under", "over", "with", "outside", "inside",
];
/// Words that open a sentence before its subject ("However, a spokesman said").
const SENTENCE_ADVERBS: &[&str] = &[
    "however",
    "meanwhile",
    "moreover",
    "still",
    "instead",
    "separately",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tonight",
    "overall",
    "also",
    "then",
    "now",
    "nonetheless",
    "nevertheless",
    "indeed",
    "finally",
    "first",
    "second",
    "last",
    "but",
    "and",
    "so",
    "yet",
];

/// Whether `name` stands within a few words of the verb at `verb` in `sentence`, before or
/// after it ("Alvarez called the decision “a disgrace” and said": six words apart).
pub(super) fn stands_by(sentence: &str, name: &str, verb: Span) -> bool {
    const WORDS_APART: usize = 6;
    sentence.match_indices(name).any(|(at, _)| {
        let end = at + name.len();
        let between = if end <= verb.start {
            &sentence[end..verb.start]
        } else if verb.end <= at {
            &sentence[verb.end..at]
        } else {
            return false;
        };
        between.split_whitespace().count() <= WORDS_APART
    })
}

/// Whether an unnamed speaker stands for an anonymous source. A quoted speaker counts unless it
/// is an organisation (the company) or belongs to someone named (his lawyers). Without a
/// quotation only the classic forms count: an indefinite or bare role that would normally be
/// named (a senior official, diplomats, two people with knowledge of the plan), not a group
/// speaking as one (forecasters, union leaders).
pub(super) fn unnamed_source(speaker: &str, quoted: bool) -> bool {
    let words: Vec<String> = speaker
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let (Some(first), Some(head)) = (words.first(), words.last()) else {
        return false;
    };
    if POSSESSIVES.contains(&first.as_str()) || ORGANISATIONS.contains(&head.as_str()) {
        return false;
    }
    let role = words.iter().any(|w| UNNAMED_ROLES.contains(&w.as_str()));
    if quoted {
        // A plural that is no such role is a group speaking as one (union leaders).
        return role || !head.ends_with('s') || head.ends_with("ss");
    }
    let definite = matches!(first.as_str(), "the" | "this" | "that");
    !definite && role
}

const POSSESSIVES: &[&str] = &["his", "her", "their", "its", "our", "my", "your"];
/// Speakers that are bodies, not people: their statements are on the record.
const ORGANISATIONS: &[&str] = &[
    "company",
    "firm",
    "government",
    "ministry",
    "department",
    "agency",
    "administration",
    "bank",
    "club",
    "union",
    "council",
    "board",
    "court",
    "party",
    "group",
    "groups",
    "police",
    "army",
    "military",
    "office",
    "statement",
    "spokesperson's",
    "report",
    "reports",
    "study",
    "league",
    "team",
    "campaign",
    "committee",
    "commission",
    "organization",
    "organisation",
];
/// Roles whose holders are normally named; unnamed, they are anonymous sources.
const UNNAMED_ROLES: &[&str] = &[
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "source",
    "sources",
    "aide",
    "aides",
    "insider",
    "insiders",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "person",
    "people",
    "employee",
    "employees",
    "staffer",
    "staffers",
    "investigator",
    "investigators",
    "officer",
    "officers",
    "executive",
    "executives",
];
