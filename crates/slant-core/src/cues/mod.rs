//! Evidence in the text, each piece with its byte range and the reason it counts: quotations,
//! attributions, anonymous sources, hedges and loaded words. Suggestions are built from these;
//! nothing here ever changes a tag.

mod context;
mod lists;
mod phrase;
mod quotes;
mod sources;
mod suggest;

use serde::Serialize;

use crate::lexicon::Hit;
use crate::model::Span;
use crate::voices::{self, VoiceKind};

pub use lists::{FolderProblem, Lexicons, ListKind, folder_stamp};
use lists::{plain_senses, source};
pub use quotes::quotations;
use sources::{named_in_apposition, reports_speech, stands_by, unnamed_source};
pub use suggest::{Suggestion, per_sentence, suggest, suggest_all};

/// What a cue is evidence of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    Quote,
    Attribution,
    AnonymousSource,
    Hedge,
    Loaded,
}

impl CueKind {
    pub const ALL: [CueKind; 5] = [
        CueKind::Quote,
        CueKind::Attribution,
        CueKind::AnonymousSource,
        CueKind::Hedge,
        CueKind::Loaded,
    ];

    pub fn key(self) -> &'static str {
        match self {
            CueKind::Quote => "quote",
            CueKind::Attribution => "attribution",
            CueKind::AnonymousSource => "anonymous_source",
            CueKind::Hedge => "hedge",
            CueKind::Loaded => "loaded",
        }
    }
}

/// One piece of evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    pub kind: CueKind,
    pub span: Span,
    /// Why it fired: the list entry, the rule, or the speaker.
    pub reason: String,
    /// Inside a quotation: the speaker's wording, shown but not counted as the writer's.
    pub quoted: bool,
}

/// For each sentence, whether its writer hedges (a hedge cue outside quotation marks and after
/// no verb of speech: "the official added that the sites could be struck" reports the
/// official's guess): how coverage comparison tells an outlet's guess from its report.
pub fn writers_hedges(text: &str, sentences: &[Span], lexicons: &Lexicons) -> Vec<bool> {
    let mut hedged = vec![false; sentences.len()];
    for cue in find(text, sentences, lexicons) {
        if cue.kind == CueKind::Hedge && !cue.quoted {
            let at = sentences.partition_point(|s| s.end <= cue.span.start);
            let Some(sentence) = sentences.get(at) else {
                continue;
            };
            let before = &text[sentence.start.min(cue.span.start)..cue.span.start];
            let reported = before
                .split(|c: char| !c.is_alphabetic())
                .any(|w| crate::voices::is_speech_verb(&w.to_lowercase()));
            if !reported {
                hedged[at] = true;
            }
        }
    }
    hedged
}

/// Every cue in `text` (an article's text), given its sentences.
pub fn find(text: &str, sentences: &[Span], lexicons: &Lexicons) -> Vec<Cue> {
    let mut cues = Vec::new();
    let quotes = quotations(text);
    for q in &quotes {
        cues.push(Cue {
            kind: CueKind::Quote,
            span: *q,
            reason: "quotation marks".into(),
            quoted: false,
        });
    }
    // Quotations are sorted and do not overlap: find the one that could hold a span by search.
    let quote_at = |s: Span| {
        quotes
            .get(quotes.partition_point(|q| q.end <= s.start))
            .copied()
    };
    let inside_quote = |s: Span| quote_at(s).is_some_and(|q| q.contains(s));
    for &sentence in sentences {
        let t = &text[sentence.range()];
        let first_of_sentence = cues.len();
        // One scan of the sentence for every list; each hit knows its list.
        let hits: Vec<(ListKind, &str, Hit)> = lexicons.scan(t, sentence.start);
        let of = |kind: ListKind| {
            hits.iter()
                .filter(move |(k, _, _)| *k == kind)
                .map(|(_, name, hit)| (*name, hit))
        };
        let anonymity: Vec<Span> = of(ListKind::Anonymous).map(|(_, h)| h.span).collect();
        let mut speaker: Option<Option<(String, VoiceKind)>> = None; // found once, when needed
        for (_, hit) in of(ListKind::Attribution) {
            // "asked" in "asked not to be named" describes the anonymity; "said" ending
            // "officials said" still attributes.
            let in_anonymity = anonymity
                .iter()
                .any(|a| a.contains(hit.span) && hit.span.end < a.end);
            if inside_quote(hit.span) || in_anonymity {
                continue;
            }
            let verb = Span::new(
                hit.span.start - sentence.start,
                hit.span.end - sentence.start,
            );
            // The sentence's speaker is this verb's only where it stands by it: in "According
            // to reports from NBC, the leader argued…" the leader is not what "according to"
            // cites.
            let speaker_here = speaker
                .get_or_insert_with(|| voices::speaker(t))
                .clone()
                .filter(|(name, _)| stands_by(t, name, verb));
            let reason = match speaker_here {
                Some((name, VoiceKind::Named)) => {
                    format!("attribution “{}” to {name}", &text[hit.span.range()])
                }
                Some((name, VoiceKind::Unnamed)) => {
                    format!(
                        "attribution “{}” to {name} (unnamed)",
                        &text[hit.span.range()]
                    )
                }
                None => format!("attribution verb “{}”", &text[hit.span.range()]),
            };
            cues.push(Cue {
                kind: CueKind::Attribution,
                span: hit.span,
                reason,
                quoted: false,
            });
        }
        for (_, hit) in of(ListKind::Reporting) {
            if inside_quote(hit.span) || !reports_speech(text, hit.span, &quotes) {
                continue;
            }
            cues.push(Cue {
                kind: CueKind::Attribution,
                span: hit.span,
                reason: format!(
                    "reporting verb “{}” next to a quotation or “that”",
                    &text[hit.span.range()]
                ),
                quoted: false,
            });
        }
        let attributions: Vec<Span> = cues[first_of_sentence..]
            .iter()
            .filter(|c| c.kind == CueKind::Attribution)
            .map(|c| c.span)
            .collect();
        for (lex_name, hit) in of(ListKind::Anonymous) {
            if !inside_quote(hit.span) && !named_in_apposition(text, sentence, hit.span) {
                cues.push(Cue {
                    kind: CueKind::AnonymousSource,
                    span: hit.span,
                    reason: format!(
                        "anonymous source “{}” ({})",
                        &text[hit.span.range()],
                        source(lex_name)
                    ),
                    quoted: false,
                });
            }
        }
        let quoted = quote_at(sentence).is_some_and(|q| overlaps(q, sentence));
        if !attributions.is_empty()
            && let Some((name, VoiceKind::Unnamed)) =
                speaker.get_or_insert_with(|| voices::speaker(t)).clone()
            && unnamed_source(&name, quoted)
            && let Some(at) = t.find(&name)
        {
            let span = Span::new(sentence.start + at, sentence.start + at + name.len());
            if !cues[first_of_sentence..]
                .iter()
                .any(|c| c.kind == CueKind::AnonymousSource && overlaps(c.span, span))
            {
                cues.push(Cue {
                    kind: CueKind::AnonymousSource,
                    span,
                    reason: format!("unnamed speaker “{name}”"),
                    quoted: false,
                });
            }
        }
        for (lex_name, hit) in of(ListKind::Hedges) {
            // "said they would appeal": reported speech moves "will" to "would"; it is a
            // plan reported, not a guess.
            let reported_future =
                hit.entry == "would" && attributions.iter().any(|a| a.end <= hit.span.start);
            if false_friend(text, hit.span) || reported_future {
                continue;
            }
            // The speaker's own speculation is evidence too; the suggestion stays Quote (it
            // only counts hedges outside quotations).
            cues.push(listed(
                CueKind::Hedge,
                text,
                hit.span,
                lex_name,
                inside_quote(hit.span),
            ));
        }
        let mut loaded: Vec<Span> = Vec::new();
        let mut loaded_hits: Vec<(&str, &Hit)> = of(ListKind::Loaded).collect();
        // Most sentences have no loaded hit: look at the sentence again only for those that do.
        let plain = if loaded_hits.is_empty() {
            Vec::new()
        } else {
            plain_senses().find(t, sentence.start)
        };
        let mut title_case: Option<bool> = None; // looked at once, for a capitalised hit
        let mut is_name = |hit: Span| {
            text[hit.range()].starts_with(char::is_uppercase)
                && !*title_case.get_or_insert_with(|| context::title_case(t))
                && context::is_name(text, sentence, hit)
        };
        // The longest of overlapping entries (several lists may hold a word) is the one shown.
        loaded_hits.sort_by_key(|(_, h)| (h.span.start, std::cmp::Reverse(h.span.end)));
        let first_loaded = cues.len();
        let mut lists_of_loaded: Vec<Vec<&str>> = Vec::new();
        for (lex_name, hit) in loaded_hits {
            if loaded.iter().any(|s| overlaps(*s, hit.span))
                || plain.iter().any(|p| p.span.contains(hit.span))
                || is_name(hit.span)
            {
                continue;
            }
            loaded.push(hit.span);
            // Every list that holds the word: `regime` is a label whichever list came first.
            lists_of_loaded.push(
                of(ListKind::Loaded)
                    .filter(|(_, h)| h.span == hit.span)
                    .map(|(name, _)| name)
                    .collect(),
            );
            cues.push(listed(
                CueKind::Loaded,
                text,
                hit.span,
                lex_name,
                inside_quote(hit.span),
            ));
        }
        // Each listed word's underline covers its phrase, up to the next word another cue holds
        // (a listed word, a hedge, an attribution, a source) and not out of its quotation; the
        // reason keeps naming the listed word.
        for (i, lists) in lists_of_loaded.iter().enumerate() {
            let cue = &cues[first_loaded + i];
            let phrase = phrase::widen(text, sentence, cue.span, lists);
            let clear = !cues[first_of_sentence..].iter().enumerate().any(|(j, c)| {
                first_of_sentence + j != first_loaded + i
                    && c.kind != CueKind::Quote
                    && overlaps(c.span, phrase)
            });
            if phrase != cue.span && clear && inside_quote(phrase) == cue.quoted {
                loaded[i] = phrase;
                cues[first_loaded + i].span = phrase;
            }
        }
        for span in shouted(t, sentence.start, lexicons) {
            if inside_quote(span) || loaded.iter().any(|s| overlaps(*s, span)) {
                continue;
            }
            cues.push(Cue {
                kind: CueKind::Loaded,
                span,
                reason: "a word in capitals for emphasis".into(),
                quoted: false,
            });
        }
        // Quotations are sorted: only those from the first that ends after the sentence starts.
        let first_quote = quotes.partition_point(|q| q.end <= sentence.start);
        let in_sentence = quotes[first_quote..]
            .iter()
            .take_while(|q| q.start < sentence.end)
            .filter(|q| sentence.contains(**q));
        // A listed word inside is counted already, as the speaker's: one word is one cue,
        // not also the writer's scare quotes (`had “obliterated” Iran's program`).
        let listed = |q: Span| loaded.iter().any(|s| q.contains(*s));
        for (q, inner) in context::scare_quotes(text, sentence, in_sentence.copied(), listed) {
            cues.push(Cue {
                kind: CueKind::Loaded,
                span: q,
                reason: format!(
                    "scare quotes around “{inner}”: the writer keeps its distance from the word"
                ),
                quoted: false,
            });
        }
    }
    cues.sort_by_key(|c| (c.span.start, c.kind));
    cues
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

const MONTH_NEIGHBOURS: &[&str] = &[
    "in", "on", "early", "late", "mid", "since", "until", "by", "last", "next", "this",
];
const NOT_MODAL_BEFORE: &[&str] = &[
    "the",
    "a",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "political",
    "free",
    "good",
    "ill",
    "own",
    "popular",
];

/// `May` the month and `will` the noun are not hedges.
fn false_friend(text: &str, span: Span) -> bool {
    let word = &text[span.range()];
    let before = text[..span.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let after = text[span.end..].split_whitespace().next().unwrap_or("");
    match word {
        "May" => {
            // Mid-sentence capital May is the month, as is May before a day or year.
            let sentence_start = text[..span.start]
                .trim_end()
                .ends_with(['.', '!', '?', '\n', '“', '"'])
                || span.start == 0;
            !sentence_start
                || after.starts_with(|c: char| c.is_ascii_digit())
                || MONTH_NEIGHBOURS.contains(&before.as_str())
        }
        "may" => after.starts_with(|c: char| c.is_ascii_digit()),
        w if w.eq_ignore_ascii_case("will") => {
            NOT_MODAL_BEFORE.contains(&before.as_str())
                || after.eq_ignore_ascii_case("of")
                || after.starts_with(['.', ','])
        }
        _ => false,
    }
}

/// Words in capitals for emphasis (URGES): five letters or more, without periods, in a sentence
/// that is not itself set in capitals, and a word Slant's lists know.
fn shouted(sentence: &str, base: usize, lexicons: &Lexicons) -> Vec<Span> {
    // Most sentences hold no word of five capitals: answer them without building anything.
    let may_shout = sentence
        .split_whitespace()
        .any(|w| w.len() >= 5 && w.chars().filter(|c| c.is_uppercase()).nth(4).is_some());
    if !may_shout {
        return Vec::new();
    }
    let words: Vec<(usize, &str)> = sentence
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - sentence.as_ptr() as usize, w))
        .collect();
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = |w: &str| {
        letters(w) > 0
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    };
    let caps_words = words.iter().filter(|(_, w)| all_caps(w)).count();
    if caps_words * 2 > words.len() {
        return Vec::new(); // a headline set in capitals
    }
    words
        .iter()
        .filter(|(_, w)| all_caps(w) && letters(w) >= 5 && !w.contains('.'))
        .map(|&(at, w)| {
            let core = w.trim_matches(|c: char| !c.is_alphabetic());
            let offset = w.find(core).unwrap_or(0);
            Span::new(base + at + offset, base + at + offset + core.len())
        })
        // A word, not an acronym, a name or a dateline (COVID, NAACP, WASHINGTON —): it is in
        // one of Slant's word lists, in any of its forms.
        .filter(|span| {
            let word = &sentence[span.start - base..span.end - base];
            lexicons
                .scan(word, 0)
                .iter()
                .any(|(_, _, hit)| hit.span == Span::new(0, word.len()))
        })
        .collect()
}

/// A hedge or loaded word from a list, its reason quoting the words as written and naming their
/// source; inside a quotation, the speaker's.
fn listed(kind: CueKind, text: &str, span: Span, list: &str, quoted: bool) -> Cue {
    let words = &text[span.range()];
    let (what, theirs) = match kind {
        CueKind::Hedge => ("hedge", "the speaker's speculation"),
        _ => ("loaded", "the speaker's words"),
    };
    let reason = if quoted {
        format!(
            "{what} “{words}” inside a quotation: {theirs} ({})",
            source(list)
        )
    } else {
        format!("{what} “{words}” ({})", source(list))
    };
    Cue {
        kind,
        span,
        reason,
        quoted,
    }
}

#[cfg(test)]
mod tests;
