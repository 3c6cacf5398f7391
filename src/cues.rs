//! Evidence in the text, each piece with its byte range and the reason it counts: quotations,
//! attributions, anonymous sources, hedges and loaded words. Suggestions are built from these;
//! nothing here ever changes a tag.

use std::sync::OnceLock;

use serde::Serialize;

use crate::lexicon::{Hit, Lexicon};
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

/// What a word list is for. A teacher's own list says which by the start of its file name
/// (`hedges_science.txt` adds hedges, `loaded-sport.txt` loaded words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    Hedges,
    Loaded,
    Anonymous,
    Attribution,
    /// Verbs that attribute only next to a quotation or "that".
    Reporting,
}

impl ListKind {
    pub const ALL: [ListKind; 5] = [
        ListKind::Hedges,
        ListKind::Loaded,
        ListKind::Anonymous,
        ListKind::Attribution,
        ListKind::Reporting,
    ];

    /// The file-name prefix that selects this kind.
    pub fn prefix(self) -> &'static str {
        match self {
            ListKind::Hedges => "hedges",
            ListKind::Loaded => "loaded",
            ListKind::Anonymous => "anonymous",
            ListKind::Attribution => "attribution",
            ListKind::Reporting => "reporting",
        }
    }

    /// The kind a file is for, by its name (case ignored); `None` for other files.
    pub fn of_file(name: &str) -> Option<ListKind> {
        let lower = name.to_lowercase();
        if !lower.ends_with(".txt") {
            return None;
        }
        ListKind::ALL.into_iter().find(|k| {
            let p = k.prefix();
            // "hedge" and "hedges" both work.
            lower.starts_with(p) || lower.starts_with(p.trim_end_matches('s'))
        })
    }
}

/// The word lists the engine uses: Slant's own, plus any a teacher adds.
#[derive(Clone, Debug)]
pub struct Lexicons {
    pub hedges: Vec<Lexicon>,
    pub loaded: Vec<Lexicon>,
    pub anonymous: Vec<Lexicon>,
    pub attribution: Vec<Lexicon>,
    pub reporting: Vec<Lexicon>,
    /// All of the above in one automaton (a sentence is scanned once, not once per list), and
    /// for each of its groups the list's kind and file name.
    merged: Lexicon,
    groups: Vec<(ListKind, String)>,
}

/// A teacher's lexicon file that could not be used; the others still are.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FolderProblem {
    #[error("{file}: cannot read it: {reason}")]
    Unreadable { file: String, reason: String },
    #[error("{0}")]
    BadLine(#[from] crate::lexicon::LexiconError),
    #[error(
        "{file}: not used; a lexicon file's name starts with hedges, loaded, anonymous, attribution or reporting and ends in .txt"
    )]
    UnknownKind { file: String },
}

impl Lexicons {
    /// The lists shipped in `assets/lexicons/`.
    pub fn builtin() -> &'static Lexicons {
        static BUILTIN: OnceLock<Lexicons> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let parse = |name: &str, text: &str| {
                vec![Lexicon::parse(name, text).expect("shipped lexicons parse")]
            };
            Lexicons::new(ListKind::ALL.map(|kind| match kind {
                ListKind::Hedges => {
                    parse("hedges.txt", include_str!("../assets/lexicons/hedges.txt"))
                }
                ListKind::Loaded => {
                    parse("loaded.txt", include_str!("../assets/lexicons/loaded.txt"))
                }
                ListKind::Anonymous => parse(
                    "anonymous.txt",
                    include_str!("../assets/lexicons/anonymous.txt"),
                ),
                ListKind::Attribution => parse(
                    "attribution.txt",
                    include_str!("../assets/lexicons/attribution.txt"),
                ),
                ListKind::Reporting => parse(
                    "reporting.txt",
                    include_str!("../assets/lexicons/reporting.txt"),
                ),
            }))
        })
    }

    /// The lists of each kind, in [`ListKind::ALL`] order.
    fn new([hedges, loaded, anonymous, attribution, reporting]: [Vec<Lexicon>; 5]) -> Lexicons {
        let mut groups = Vec::new();
        let mut all: Vec<&Lexicon> = Vec::new();
        for (kind, lists) in
            ListKind::ALL
                .into_iter()
                .zip([&hedges, &loaded, &anonymous, &attribution, &reporting])
        {
            for l in lists {
                groups.push((kind, l.name.clone()));
                all.push(l);
            }
        }
        let merged = Lexicon::merge("all lists", &all);
        Lexicons {
            hedges,
            loaded,
            anonymous,
            attribution,
            reporting,
            merged,
            groups,
        }
    }

    fn lists_mut(&mut self, kind: ListKind) -> &mut Vec<Lexicon> {
        match kind {
            ListKind::Hedges => &mut self.hedges,
            ListKind::Loaded => &mut self.loaded,
            ListKind::Anonymous => &mut self.anonymous,
            ListKind::Attribution => &mut self.attribution,
            ListKind::Reporting => &mut self.reporting,
        }
    }

    /// Slant's lists plus every lexicon file in `dir` (not its subfolders), in name order. Files
    /// that cannot be used are reported, not fatal: one bad line must not silence a class's
    /// other lists. A `.txt` file whose name names no kind is reported too, so a typo shows.
    pub fn with_folder(dir: &std::path::Path) -> (Lexicons, Vec<FolderProblem>) {
        let mut lexicons = Lexicons::builtin().clone();
        let mut problems = Vec::new();
        let mut files: Vec<std::path::PathBuf> = match std::fs::read_dir(dir) {
            Ok(entries) => entries.flatten().map(|e| e.path()).collect(),
            Err(e) => {
                problems.push(FolderProblem::Unreadable {
                    file: dir.display().to_string(),
                    reason: e.to_string(),
                });
                return (lexicons, problems);
            }
        };
        files.sort();
        for path in files {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if !path.is_file() || !name.to_lowercase().ends_with(".txt") {
                continue;
            }
            let Some(kind) = ListKind::of_file(name) else {
                problems.push(FolderProblem::UnknownKind {
                    file: path.display().to_string(),
                });
                continue;
            };
            match std::fs::read_to_string(&path) {
                Ok(text) => match Lexicon::parse(name, &text) {
                    Ok(lexicon) => lexicons.lists_mut(kind).push(lexicon),
                    Err(e) => problems.push(FolderProblem::BadLine(crate::lexicon::LexiconError {
                        file: path.display().to_string(),
                        ..e
                    })),
                },
                Err(e) => problems.push(FolderProblem::Unreadable {
                    file: path.display().to_string(),
                    reason: e.to_string(),
                }),
            }
        }
        let Lexicons {
            hedges,
            loaded,
            anonymous,
            attribution,
            reporting,
            ..
        } = lexicons;
        (
            Lexicons::new([hedges, loaded, anonymous, attribution, reporting]),
            problems,
        )
    }
}

/// A cheap fingerprint of a lexicon folder (names, sizes, modification times), so the app can
/// notice a teacher's edit and reload at once without reading every file each frame.
pub fn folder_stamp(dir: &std::path::Path) -> Vec<(String, u64, Option<std::time::SystemTime>)> {
    let mut stamp: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((
                e.file_name().to_string_lossy().into_owned(),
                meta.len(),
                meta.modified().ok(),
            ))
        })
        .collect();
    stamp.sort();
    stamp
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
        // One scan of the sentence for every list; each hit knows its list.
        let hits: Vec<(ListKind, &str, Hit)> = lexicons
            .merged
            .find(t, sentence.start)
            .into_iter()
            .map(|h| {
                let (kind, name) = &lexicons.groups[h.group];
                (*kind, name.as_str(), h)
            })
            .collect();
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
        for (_, hit) in of(ListKind::Reporting) {
            if inside_quote(hit.span) || !reports_speech(text, hit.span, &quotes) {
                continue;
            }
            cues.push(Cue {
                kind: CueKind::Attribution,
                span: hit.span,
                reason: format!(
                    "reporting verb “{}” next to a quotation or “that”",
                    hit.entry
                ),
            });
        }
        let attributions: Vec<Span> = cues[first_of_sentence..]
            .iter()
            .filter(|c| c.kind == CueKind::Attribution)
            .map(|c| c.span)
            .collect();
        for (lex_name, hit) in of(ListKind::Anonymous) {
            if !inside_quote(hit.span) {
                cues.push(Cue {
                    kind: CueKind::AnonymousSource,
                    span: hit.span,
                    reason: format!("anonymous source “{}” ({})", hit.entry, lex_name),
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
                });
            }
        }
        for (lex_name, hit) in of(ListKind::Hedges) {
            // "said they would appeal": reported speech moves "will" to "would"; it is a
            // plan reported, not a guess.
            let reported_future =
                hit.entry == "would" && attributions.iter().any(|a| a.end <= hit.span.start);
            if inside_quote(hit.span) || false_friend(text, hit.span) || reported_future {
                continue;
            }
            cues.push(Cue {
                kind: CueKind::Hedge,
                span: hit.span,
                reason: format!("hedge “{}” ({})", hit.entry, lex_name),
            });
        }
        for (lex_name, hit) in of(ListKind::Loaded) {
            cues.push(Cue {
                kind: CueKind::Loaded,
                span: hit.span,
                reason: format!("loaded “{}” ({})", hit.entry, lex_name),
            });
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

/// A reporting verb reports speech when a quotation opens or closes within a few words of it,
/// or "that" follows it: `called the verdict “a disgrace”`, `“…,” she announced`.
fn reports_speech(text: &str, verb: Span, quotes: &[Span]) -> bool {
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

/// Whether an unnamed speaker stands for an anonymous source. A quoted speaker counts unless it
/// is an organisation (the company) or belongs to someone named (his lawyers). Without a
/// quotation only the classic forms count: an indefinite or bare role that would normally be
/// named (a senior official, diplomats, two people with knowledge of the plan), not a group
/// speaking as one (forecasters, union leaders).
fn unnamed_source(speaker: &str, quoted: bool) -> bool {
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
/// 3. A hedge, or an anonymous source that is said to have said something (an attribution),
///    outside quotation marks → Speculation: the claim cannot be checked.
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
        .filter(|c| c.kind == CueKind::Hedge || (c.kind == CueKind::AnonymousSource && attributed))
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
    fn reporting_verbs_attribute_only_next_to_speech() {
        assert_eq!(
            kinds(
                "The union announced a strike on Monday.",
                CueKind::Attribution
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            kinds("He called the verdict “a disgrace.”", CueKind::Attribution),
            ["called"]
        );
        assert_eq!(
            kinds(
                "The firm announced that profits fell.",
                CueKind::Attribution
            ),
            ["announced"]
        );
    }

    #[test]
    fn would_in_reported_speech_is_not_a_hedge() {
        assert_eq!(
            kinds("His lawyers said they would appeal.", CueKind::Hedge),
            Vec::<String>::new()
        );
        assert_eq!(
            kinds("The plan would cost billions.", CueKind::Hedge),
            ["would"]
        );
    }

    #[test]
    fn unnamed_roles_are_anonymous_but_groups_and_organisations_are_not() {
        assert_eq!(
            kinds("Diplomats said a truce was near.", CueKind::AnonymousSource),
            ["Diplomats"]
        );
        assert_eq!(
            kinds("Forecasters said rain was near.", CueKind::AnonymousSource),
            Vec::<String>::new()
        );
        assert_eq!(
            kinds(
                "“It is flawed,” the company said.",
                CueKind::AnonymousSource
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            kinds("“It is flawed,” a witness said.", CueKind::AnonymousSource),
            ["a witness"]
        );
    }

    #[test]
    fn a_teachers_folder_adds_lists_by_file_name_and_names_bad_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("loaded_sport.txt"), "thrash~\n").unwrap();
        std::fs::write(dir.path().join("hedge-science.txt"), "preliminary\n").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "hello\n").unwrap();
        std::fs::write(dir.path().join("anonymous_bad.txt"), "fine\n* oops\n").unwrap();
        let (lexicons, problems) = Lexicons::with_folder(dir.path());
        assert_eq!(lexicons.loaded.len(), 2);
        assert_eq!(lexicons.hedges.len(), 2);
        assert_eq!(lexicons.anonymous.len(), 1, "the bad file is left out");
        let text = "City were thrashed in a preliminary round.";
        let found = find(text, &crate::segment::split(text), &lexicons);
        let got: Vec<(CueKind, &str)> = found
            .iter()
            .map(|c| (c.kind, &text[c.span.range()]))
            .collect();
        assert_eq!(
            got,
            [
                (CueKind::Loaded, "thrashed"),
                (CueKind::Hedge, "preliminary")
            ]
        );
        assert!(
            found[0].reason.contains("loaded_sport.txt"),
            "{}",
            found[0].reason
        );
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].ends_with("anonymous_bad.txt:2: \"* oops\": `*` must stand between words"),
            "{messages:?}"
        );
        assert!(messages[1].contains("notes.txt: not used"), "{messages:?}");
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
