//! Evidence in the text, each piece with its byte range and the reason it counts: quotations,
//! attributions, anonymous sources, hedges and loaded words. Suggestions are built from these;
//! nothing here ever changes a tag.

use std::sync::OnceLock;

use serde::Serialize;

use crate::lexicon::Lexicon;
use crate::model::Span;
use crate::voices::{self, VoiceKind};

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
}

/// The word lists the engine uses: Slant's own, plus any a teacher adds.
#[derive(Clone, Debug)]
pub struct Lexicons {
    pub hedges: Vec<Lexicon>,
    pub loaded: Vec<Lexicon>,
    pub anonymous: Vec<Lexicon>,
    pub attribution: Vec<Lexicon>,
}

impl Lexicons {
    /// The lists shipped in `assets/lexicons/`.
    pub fn builtin() -> &'static Lexicons {
        static BUILTIN: OnceLock<Lexicons> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let parse = |name: &str, text: &str| {
                vec![Lexicon::parse(name, text).expect("shipped lexicons parse")]
            };
            Lexicons {
                hedges: parse("hedges.txt", include_str!("../assets/lexicons/hedges.txt")),
                loaded: parse("loaded.txt", include_str!("../assets/lexicons/loaded.txt")),
                anonymous: parse(
                    "anonymous.txt",
                    include_str!("../assets/lexicons/anonymous.txt"),
                ),
                attribution: parse(
                    "attribution.txt",
                    include_str!("../assets/lexicons/attribution.txt"),
                ),
            }
        })
    }
}

/// Byte ranges of quotations in `text`, from opening to closing mark. A quotation may run over
/// several sentences and paragraphs; a right single mark between letters (isn’t, Iran’s), a left
/// one there (the typo Iran‘s) and one before digits (’90s) are apostrophes. A quotation left open
/// at a paragraph break continues only if the next paragraph closes it or opens with a mark.
pub fn quotations(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None; // (byte, closing mark expected)
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        let letter_before = prev.is_some_and(char::is_alphanumeric);
        let letter_after = next.is_some_and(char::is_alphanumeric);
        match open {
            None => {
                let closing = match c {
                    '“' => Some('”'),
                    '‘' if !letter_before && letter_or_mark(next) => Some('’'),
                    '"' if !letter_before => Some('"'),
                    '\'' if !letter_before && next.is_some_and(char::is_alphabetic) => Some('\''),
                    _ => None,
                };
                if let Some(closing) = closing {
                    open = Some((at, closing));
                }
            }
            Some((start, closing)) => {
                let closes = c == closing
                    && match c {
                        '’' | '\'' => !(letter_before && letter_after),
                        _ => true,
                    };
                if closes {
                    out.push(Span::new(start, at + c.len_utf8()));
                    open = None;
                } else if c == '\n' {
                    // A paragraph break inside an open quotation.
                    let rest = text[at..].trim_start();
                    let next_para_end = rest.find('\n').unwrap_or(rest.len());
                    let reopens = rest.starts_with(['“', '‘', '"', '\'']);
                    let closes_later = rest[..next_para_end].contains(closing);
                    if !reopens && !closes_later {
                        open = None; // an unbalanced mark; do not swallow the article
                    } else if reopens {
                        // News style reopens a quotation that runs on into the next paragraph;
                        // that mark starts the next part.
                        out.push(Span::new(start, at));
                        open = None;
                    }
                }
            }
        }
        prev = Some(c);
    }
    out
}

fn letter_or_mark(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '“' | '"' | '.' | '…'))
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
        let anonymity: Vec<Span> = lexicons
            .anonymous
            .iter()
            .flat_map(|l| l.find(t, sentence.start))
            .map(|h| h.span)
            .collect();
        let mut speaker: Option<Option<(String, VoiceKind)>> = None; // found once, when needed
        for lex in &lexicons.attribution {
            for hit in lex.find(t, sentence.start) {
                // "asked" in "asked not to be named" describes the anonymity; "said" ending
                // "officials said" still attributes.
                let in_anonymity = anonymity
                    .iter()
                    .any(|a| a.contains(hit.span) && hit.span.end < a.end);
                if inside_quote(hit.span) || in_anonymity {
                    continue;
                }
                let reason = match speaker.get_or_insert_with(|| voices::speaker(t)).clone() {
                    Some((name, VoiceKind::Named)) => {
                        format!("attribution “{}” to {name}", hit.entry)
                    }
                    Some((name, VoiceKind::Unnamed)) => {
                        format!("attribution “{}” to {name} (unnamed)", hit.entry)
                    }
                    None => format!("attribution verb “{}”", hit.entry),
                };
                cues.push(Cue {
                    kind: CueKind::Attribution,
                    span: hit.span,
                    reason,
                });
            }
        }
        for lex in &lexicons.anonymous {
            for hit in lex.find(t, sentence.start) {
                if !inside_quote(hit.span) {
                    cues.push(Cue {
                        kind: CueKind::AnonymousSource,
                        span: hit.span,
                        reason: format!("anonymous source “{}” ({})", hit.entry, lex.name),
                    });
                }
            }
        }
        if quote_at(sentence).is_some_and(|q| overlaps(q, sentence))
            && let Some((name, VoiceKind::Unnamed)) = voices::speaker(t)
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
                });
            }
        }
        for lex in &lexicons.hedges {
            for hit in lex.find(t, sentence.start) {
                if inside_quote(hit.span) || false_friend(text, hit.span) {
                    continue;
                }
                cues.push(Cue {
                    kind: CueKind::Hedge,
                    span: hit.span,
                    reason: format!("hedge “{}” ({})", hit.entry, lex.name),
                });
            }
        }
        for lex in &lexicons.loaded {
            for hit in lex.find(t, sentence.start) {
                cues.push(Cue {
                    kind: CueKind::Loaded,
                    span: hit.span,
                    reason: format!("loaded “{}” ({})", hit.entry, lex.name),
                });
            }
        }
        for span in shouted(t, sentence.start) {
            cues.push(Cue {
                kind: CueKind::Loaded,
                span,
                reason: "a word in capitals for emphasis".into(),
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
/// that is not itself set in capitals. Most acronyms are shorter (NBC, CIA, NATO); a long one
/// (UNICEF) is a known false alarm, shown with its reason so the reviewer can dismiss it.
fn shouted(sentence: &str, base: usize) -> Vec<Span> {
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
        .collect()
}

/// A suggested tag with the reasons behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// Written as its lower-case key (`"quote"`), like tags everywhere in Slant's JSON.
    #[serde(serialize_with = "tag_key")]
    pub tag: crate::model::Tag,
    pub reasons: Vec<String>,
}

fn tag_key<S: serde::Serializer>(tag: &crate::model::Tag, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(tag.key())
}

/// The tag the cues in a sentence point to. The rules, in order:
/// 1. Half or more of the sentence lies inside quotation marks → Quote.
/// 2. A quotation with an attribution (a partial quote: officials claimed a “historic victory”)
///    → Quote.
/// 3. A hedge or an anonymous source outside quotation marks → Speculation.
/// 4. Loaded words outside quotation marks, with no attribution: two or more, or one in a short
///    sentence (a headline, a verdict) → Loaded. One in a long sentence is a phrase to mark.
/// 5. Otherwise nothing: the reviewer decides (most remaining sentences are Fact).
pub fn suggest(text: &str, sentence: Span, cues: &[Cue]) -> Option<Suggestion> {
    let here: Vec<&Cue> = cues.iter().filter(|c| overlaps(c.span, sentence)).collect();
    decide(text, sentence, &here)
}

/// [`suggest`] for every sentence at once, in time linear in the text: the cues [`find`] returned
/// are sorted, quotations do not overlap, and the other cues lie within one sentence.
pub fn suggest_all(text: &str, sentences: &[Span], cues: &[Cue]) -> Vec<Option<Suggestion>> {
    let (quotes, others): (Vec<&Cue>, Vec<&Cue>) =
        cues.iter().partition(|c| c.kind == CueKind::Quote);
    sentences
        .iter()
        .map(|&sentence| {
            let q = quotes.partition_point(|c| c.span.end <= sentence.start);
            let o = others.partition_point(|c| c.span.start < sentence.start);
            let mut here: Vec<&Cue> = quotes[q..]
                .iter()
                .take_while(|c| c.span.start < sentence.end)
                .copied()
                .collect();
            here.extend(
                others[o..]
                    .iter()
                    .take_while(|c| c.span.start < sentence.end)
                    .copied(),
            );
            decide(text, sentence, &here)
        })
        .collect()
}

fn decide(text: &str, sentence: Span, here: &[&Cue]) -> Option<Suggestion> {
    let short_sentence = crate::readability::words(&text[sentence.range()]).count() <= 12;
    let quoted: usize = here
        .iter()
        .filter(|c| c.kind == CueKind::Quote)
        .map(|c| {
            c.span
                .end
                .min(sentence.end)
                .saturating_sub(c.span.start.max(sentence.start))
        })
        .sum();
    let reasons = |kind: CueKind| -> Vec<String> {
        here.iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.reason.clone())
            .collect()
    };
    use crate::model::Tag;
    if quoted * 2 >= sentence.len() && quoted > 0 {
        let mut r = vec![format!(
            "{}% of the sentence is inside quotation marks",
            quoted * 100 / sentence.len().max(1)
        )];
        r.extend(reasons(CueKind::Attribution));
        return Some(Suggestion {
            tag: Tag::Quote,
            reasons: r,
        });
    }
    let attributed = here.iter().any(|c| c.kind == CueKind::Attribution);
    if quoted > 0 && attributed {
        let mut r = vec!["a partial quotation with an attribution".to_owned()];
        r.extend(reasons(CueKind::Attribution));
        return Some(Suggestion {
            tag: Tag::Quote,
            reasons: r,
        });
    }
    let quote_spans: Vec<Span> = here
        .iter()
        .filter(|c| c.kind == CueKind::Quote)
        .map(|c| c.span)
        .collect();
    let outside = |c: &&&Cue| !quote_spans.iter().any(|q| q.contains(c.span));
    let hedges: Vec<String> = here
        .iter()
        .filter(|c| matches!(c.kind, CueKind::Hedge | CueKind::AnonymousSource))
        .filter(outside)
        .map(|c| c.reason.clone())
        .collect();
    if !hedges.is_empty() {
        return Some(Suggestion {
            tag: Tag::Speculation,
            reasons: hedges,
        });
    }
    let loaded: Vec<String> = here
        .iter()
        .filter(|c| c.kind == CueKind::Loaded)
        .filter(outside)
        .map(|c| c.reason.clone())
        .collect();
    if !attributed && (loaded.len() >= 2 || (loaded.len() == 1 && short_sentence)) {
        return Some(Suggestion {
            tag: Tag::Loaded,
            reasons: loaded,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tag;

    fn cues_of(text: &str) -> Vec<(CueKind, String)> {
        let sentences = crate::segment::split(text);
        find(text, &sentences, Lexicons::builtin())
            .into_iter()
            .map(|c| (c.kind, text[c.span.range()].to_owned()))
            .collect()
    }

    fn kinds(text: &str, kind: CueKind) -> Vec<String> {
        cues_of(text)
            .into_iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, t)| t)
            .collect()
    }

    #[test]
    fn quotations_tell_apostrophes_from_closing_marks() {
        let text =
            "Iran’s move isn’t new. ‘It’s over,’ he said. Iran‘s typo. The ’90s were “calm.”";
        assert_eq!(kinds(text, CueKind::Quote), ["‘It’s over,’", "“calm.”"]);
    }

    #[test]
    fn a_quotation_over_two_paragraphs_covers_both() {
        let text = "‘Trump’s rhetoric has destabilized the region.\n\nWe need diplomacy, not bombs.’ Then he left.";
        assert_eq!(
            kinds(text, CueKind::Quote),
            ["‘Trump’s rhetoric has destabilized the region.\n\nWe need diplomacy, not bombs.’"]
        );
        let unbalanced = "He said ‘hello.\n\nNothing else here. Or here.";
        assert_eq!(
            kinds(unbalanced, CueKind::Quote),
            Vec::<String>::new(),
            "an unclosed mark does not swallow the text"
        );
    }

    #[test]
    fn hedges_but_not_false_friends() {
        assert_eq!(
            kinds("Talks may resume in May 2026, sources say.", CueKind::Hedge),
            ["may"]
        );
        assert_eq!(
            kinds(
                "It is the will of the people. Prices will likely rise.",
                CueKind::Hedge
            ),
            ["likely"]
        );
        assert_eq!(kinds("May we go? Yes.", CueKind::Hedge), ["May"]);
    }

    #[test]
    fn anonymous_sources_and_shouted_words() {
        let text = "‘No,’ said a former U.S. diplomat, who spoke on condition of anonymity. Netanyahu URGES Trump.";
        assert_eq!(
            kinds(text, CueKind::AnonymousSource),
            ["a former U.S. diplomat", "spoke on condition of anonymity"]
        );
        assert_eq!(kinds(text, CueKind::Loaded), ["URGES"]);
        assert_eq!(
            kinds("NATO and the CIA met.", CueKind::Loaded),
            Vec::<String>::new(),
            "acronyms are not shouting"
        );
    }

    #[test]
    fn suggestions_follow_the_rules() {
        let text = "‘This is a dangerous gamble,’ said Senator Elizabeth Warren. Tehran could soon produce more missiles. \
                    The stakes have never been higher. Officials claimed a “historic victory” on Monday. The U.S. sent bombs.";
        let sentences = crate::segment::split(text);
        let cues = find(text, &sentences, Lexicons::builtin());
        let tags: Vec<Option<Tag>> = sentences
            .iter()
            .map(|s| suggest(text, *s, &cues).map(|x| x.tag))
            .collect();
        assert_eq!(
            tags,
            [
                Some(Tag::Quote),
                Some(Tag::Speculation),
                Some(Tag::Loaded),
                Some(Tag::Quote),
                None
            ]
        );
        let first = suggest(text, sentences[0], &cues).unwrap();
        assert!(
            first.reasons[0].contains("inside quotation marks"),
            "{first:?}"
        );
        assert!(
            first
                .reasons
                .iter()
                .any(|r| r.contains("Senator Elizabeth Warren")),
            "{first:?}"
        );
    }
}
