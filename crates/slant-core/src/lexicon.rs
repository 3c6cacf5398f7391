//! Word lists that teachers can read and edit: one entry a line, matched fast and only as whole
//! words.
//!
//! Lower-case entries match in any case; an entry with a capital letter matches that case only
//! (so `US` is not `us`). `*` stands for up to four words (`plunge * into chaos`); `word~` stands
//! for the word and its regular forms (`slam~`: slams, slammed, slamming). Matching uses
//! one Aho–Corasick automaton over the entries' first parts, then checks word boundaries, case
//! and the remaining parts.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::model::Span;

/// Words a `*` may stand for.
const GAP_WORDS: usize = 4;

#[derive(Clone, Debug)]
struct Entry {
    /// Which of the merged lists it came from (0 for a single list).
    group: usize,
    /// The entry as written.
    text: String,
    /// The parts between `*`s.
    parts: Vec<String>,
    case_sensitive: bool,
}

/// A parsed word list.
#[derive(Clone, Debug)]
pub struct Lexicon {
    pub name: String,
    entries: Vec<Entry>,
    automaton: AhoCorasick,
}

/// A match: where, which entry, and (for merged lists) which list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit<'l> {
    pub span: Span,
    pub entry: &'l str,
    pub group: usize,
}

/// A line of a lexicon file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {problem}")]
pub struct LexiconError {
    pub file: String,
    pub line: usize,
    pub problem: String,
}

/// Letters, digits, apostrophes and hyphens: `so-called` is one word, so `called` is not in it.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')
}

/// The longest entry: a phrase, not a paragraph (a 10,000-character line took seconds to
/// build into the matcher).
pub const MAX_ENTRY_CHARS: usize = 200;

impl Lexicon {
    /// Parses a lexicon file's text; `name` names it in reasons and errors.
    pub fn parse(name: &str, source: &str) -> Result<Lexicon, LexiconError> {
        Lexicon::parse_at_most(name, source, usize::MAX)
    }

    /// As [`Lexicon::parse`], refusing a file of more than `max` entries (counting each form a
    /// `~` makes) at the line that passes it, before any matcher is built.
    pub fn parse_at_most(name: &str, source: &str, max: usize) -> Result<Lexicon, LexiconError> {
        let mut entries = Vec::new();
        for (i, line) in source.lines().enumerate() {
            let line = line
                .split_once('#')
                .map_or(line, |(before, _)| before)
                .trim();
            if line.is_empty() {
                continue;
            }
            if line.chars().count() > MAX_ENTRY_CHARS {
                return Err(LexiconError {
                    file: name.to_owned(),
                    line: i + 1,
                    problem: format!(
                        "an entry is a word or a phrase, at most {MAX_ENTRY_CHARS} characters; this one has {}",
                        line.chars().count()
                    ),
                });
            }
            if line.contains("~~") || line.split_whitespace().any(|w| w.starts_with('~')) {
                return Err(LexiconError {
                    file: name.to_owned(),
                    line: i + 1,
                    problem: format!("\"{line}\": `~` must end a word"),
                });
            }
            let parts: Vec<String> = line
                .split('*')
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            if parts.iter().any(String::is_empty) {
                return Err(LexiconError {
                    file: name.to_owned(),
                    line: i + 1,
                    problem: format!("\"{line}\": `*` must stand between words"),
                });
            }
            let forms = inflected(&parts);
            if entries.len() + forms.len() > max {
                return Err(LexiconError {
                    file: name.to_owned(),
                    line: i + 1,
                    problem: format!(
                        "more entries than the {max} a lexicon folder has room for here, so the file is not used (Slant's matcher takes time that grows with the square of the entries)"
                    ),
                });
            }
            for parts in forms {
                entries.push(Entry {
                    group: 0,
                    text: line.to_owned(),
                    case_sensitive: line.chars().any(char::is_uppercase),
                    parts,
                });
            }
        }
        Lexicon::build(name, entries)
    }

    /// One automaton over several lists, so a text is scanned once for all of them; each hit
    /// carries its list's index in `lists`, and matches overlap only across lists.
    pub fn merge(name: &str, lists: &[&Lexicon]) -> Lexicon {
        let entries = lists
            .iter()
            .enumerate()
            .flat_map(|(group, l)| l.entries.iter().map(move |e| Entry { group, ..e.clone() }))
            .collect();
        Lexicon::build(name, entries).expect("lists that built alone build together")
    }

    fn build(name: &str, entries: Vec<Entry>) -> Result<Lexicon, LexiconError> {
        let firsts: Vec<&str> = entries.iter().map(|e| e.parts[0].as_str()).collect();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA)) // word lists are small; a DFA is the fastest scan
            .build(&firsts)
            .map_err(|e| LexiconError {
                file: name.to_owned(),
                line: 0,
                problem: e.to_string(),
            })?;
        Ok(Lexicon {
            name: name.to_owned(),
            entries,
            automaton,
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every whole-word match in `text`, in order, not overlapping (within one list); offsets
    /// are added to `base`.
    pub fn find(&self, text: &str, base: usize) -> Vec<Hit<'_>> {
        // Every occurrence of every entry's first part (overlapping, so a long entry that fails
        // its checks cannot hide a shorter one), checked, then the longest at each place wins.
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, entry)
        for m in self.automaton.find_overlapping_iter(text) {
            let (start, end) = (m.start(), m.end());
            let entry = &self.entries[m.pattern().as_usize()];
            if !boundary_before(text, start) || !boundary_after(text, end) {
                continue;
            }
            if entry.case_sensitive && text[start..end] != entry.parts[0] {
                continue;
            }
            let Some(end) = rest_matches(text, end, &entry.parts[1..], entry.case_sensitive) else {
                continue;
            };
            candidates.push((start, end, m.pattern().as_usize()));
        }
        candidates.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut hits: Vec<Hit> = Vec::new();
        let mut ends: Vec<usize> = Vec::new(); // per group, where its last hit ended
        for (start, end, entry) in candidates {
            let e = &self.entries[entry];
            if ends.len() <= e.group {
                ends.resize(e.group + 1, 0);
            }
            if ends[e.group] > start {
                continue;
            }
            ends[e.group] = end;
            hits.push(Hit {
                span: Span::new(base + start, base + end),
                entry: &e.text,
                group: e.group,
            });
        }
        hits
    }
}

/// Expands every `word~` in an entry's parts into the word's regular forms, one entry per
/// combination, so a list can say `devastate~` once instead of four times.
fn inflected(parts: &[String]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for part in parts {
        let mut variants: Vec<String> = vec![String::new()];
        for word in part.split_whitespace() {
            let forms = match word.strip_suffix('~') {
                Some(stem) => forms(stem),
                None => vec![word.to_owned()],
            };
            variants = variants
                .iter()
                .flat_map(|v| {
                    forms.iter().map(move |f| {
                        if v.is_empty() {
                            f.clone()
                        } else {
                            format!("{v} {f}")
                        }
                    })
                })
                .collect();
        }
        out = out
            .iter()
            .flat_map(|o| {
                variants.iter().map(move |v| {
                    let mut o = o.clone();
                    o.push(v.clone());
                    o
                })
            })
            .collect();
    }
    out
}

/// A word and its regular inflections (-s, -es, -ed, -ing; a final e dropped, y to i, a short
/// word's last consonant doubled: `rob` → `robbed`). Forms that are not words never match.
pub fn forms(word: &str) -> Vec<String> {
    let mut out = vec![word.to_owned()];
    let chars: Vec<char> = word.chars().collect();
    let vowel = |c: char| "aeiou".contains(c.to_ascii_lowercase());
    let push = |out: &mut Vec<String>, s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    match chars.as_slice() {
        [.., 'e'] => {
            let stem = &word[..word.len() - 1];
            push(&mut out, format!("{word}s"));
            push(&mut out, format!("{word}d"));
            push(&mut out, format!("{stem}ing"));
        }
        [.., c, 'y'] if !vowel(*c) => {
            let stem = &word[..word.len() - 1];
            push(&mut out, format!("{stem}ies"));
            push(&mut out, format!("{stem}ied"));
            push(&mut out, format!("{word}ing"));
        }
        _ => {
            let sibilant = ["s", "x", "z", "ch", "sh"]
                .iter()
                .any(|e| word.ends_with(e));
            push(
                &mut out,
                format!("{word}{}", if sibilant { "es" } else { "s" }),
            );
            let doubles = matches!(chars.as_slice(), [.., a, b, c]
                if !vowel(*a) && vowel(*b) && !vowel(*c) && !"wxy".contains(*c))
                && chars.len() <= 4;
            let stem = if doubles {
                format!("{word}{}", chars[chars.len() - 1])
            } else {
                word.to_owned()
            };
            push(&mut out, format!("{stem}ed"));
            push(&mut out, format!("{stem}ing"));
        }
    }
    out
}

fn boundary_before(text: &str, at: usize) -> bool {
    !text[..at].chars().next_back().is_some_and(is_word_char)
}

/// The end of a word, or of the word before a possessive `’s` (`regime’s` holds `regime`).
fn boundary_after(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let possessive = ["’s", "'s"].iter().find_map(|p| rest.strip_prefix(p));
    match possessive {
        Some(after) => !after.chars().next().is_some_and(is_word_char),
        None => !rest.chars().next().is_some_and(is_word_char),
    }
}

/// Matches the parts after a `*`: each within a few words of the previous; the end of the match.
fn rest_matches(
    text: &str,
    mut at: usize,
    parts: &[String],
    case_sensitive: bool,
) -> Option<usize> {
    for part in parts {
        let window_end = word_window_end(text, at, GAP_WORDS + part.split_whitespace().count());
        let window = &text[at..window_end];
        let found = if case_sensitive {
            window
                .match_indices(part.as_str())
                .map(|(i, _)| i)
                .find(|&i| bounded(text, at + i, part.len()))
        } else {
            let lower = window.to_ascii_lowercase();
            let target = part.to_ascii_lowercase();
            lower
                .match_indices(&target)
                .map(|(i, _)| i)
                .find(|&i| bounded(text, at + i, target.len()))
        }?;
        at += found + part.len();
    }
    Some(at)
}

fn bounded(text: &str, start: usize, len: usize) -> bool {
    boundary_before(text, start) && boundary_after(text, start + len)
}

/// The byte offset after `words` more words from `at` (or the end of the text), within the
/// clause: a `*` does not reach past a comma, a full stop or a quotation mark ("the two
/// brands has become less relevant” as Whole Foods…" is no `brand~ * as`).
fn word_window_end(text: &str, at: usize, words: usize) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for (i, c) in text[at..].char_indices() {
        if matches!(
            c,
            ',' | ';' | ':' | '.' | '!' | '?' | '”' | '“' | '"' | '(' | ')' | '—' | '–'
        ) {
            return at + i;
        }
        if c.is_whitespace() {
            if in_word {
                count += 1;
                if count > words {
                    return at + i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(s: &str) -> Lexicon {
        Lexicon::parse("test", s).unwrap()
    }

    fn found(l: &Lexicon, text: &str) -> Vec<String> {
        l.find(text, 0)
            .into_iter()
            .map(|h| text[h.span.range()].to_owned())
            .collect()
    }

    #[test]
    fn whole_words_only_in_any_case() {
        let l = lex("# comment\nmay\nexpected to\n");
        assert_eq!(
            found(&l, "It May rain; dismayed crowds are expected to gather."),
            ["May", "expected to"]
        );
        assert_eq!(found(&l, "Unexpected topics."), Vec::<String>::new());
        let l = lex("called\nregime\n");
        assert_eq!(
            found(&l, "The so-called regime’s men, the regimes."),
            ["regime"],
            "hyphens join words; possessives count"
        );
    }

    #[test]
    fn entries_too_long_or_too_many_are_refused_before_the_matcher_is_built() {
        let long = "a".repeat(MAX_ENTRY_CHARS + 1);
        let err = Lexicon::parse("loaded.txt", &format!("fine\n{long}\n")).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.problem.contains("at most 200 characters"), "{err}");
        let err = Lexicon::parse_at_most("loaded.txt", "one\ntwo\nslam~\n", 4).unwrap_err();
        assert_eq!(err.line, 3, "slam~ makes more forms than fit: {err}");
        assert_eq!(
            Lexicon::parse_at_most("loaded.txt", "one\ntwo\n", 2)
                .unwrap()
                .len(),
            2
        );
    }

    #[test]
    fn capitalised_entries_match_their_case_only() {
        let l = lex("US\nurges\n");
        assert_eq!(found(&l, "Let us see: the US URGES calm."), ["US", "URGES"]);
    }

    #[test]
    fn longest_entry_wins_and_gaps_match_up_to_four_words() {
        let l = lex("edge\nedge of a precipice\nplunge * into chaos\n");
        assert_eq!(
            found(&l, "on the edge of a precipice"),
            ["edge of a precipice"]
        );
        assert_eq!(
            found(&l, "could plunge the whole region into chaos."),
            ["plunge the whole region into chaos"]
        );
        assert_eq!(
            found(&l, "plunge one two three four five six into chaos"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_tilde_matches_regular_forms() {
        assert_eq!(
            forms("devastate"),
            ["devastate", "devastates", "devastated", "devastating"]
        );
        assert_eq!(forms("bully"), ["bully", "bullies", "bullied", "bullying"]);
        assert_eq!(forms("rob"), ["rob", "robs", "robbed", "robbing"]);
        assert_eq!(forms("smash"), ["smash", "smashes", "smashed", "smashing"]);
        let l = lex("slam~\nplunge~ * into chaos\n");
        assert_eq!(
            found(
                &l,
                "She slammed it; it slams; plunging the region into chaos."
            ),
            ["slammed", "slams", "plunging the region into chaos"]
        );
        assert_eq!(
            l.find("slamming", 0)[0].entry,
            "slam~",
            "reasons name the entry as written"
        );
        assert!(Lexicon::parse("x", "~bad\n").is_err());
    }

    #[test]
    fn a_gap_stays_within_its_clause() {
        let l = lex("brand~ * as\n");
        assert_eq!(
            found(&l, "They branded the senator as a traitor."),
            ["branded the senator as"]
        );
        assert!(
            found(
                &l,
                "the “distinction between the two brands has become less relevant” as prices fell"
            )
            .is_empty()
        );
        assert!(found(&l, "Our brands, as ever, sold well.").is_empty());
    }

    #[test]
    fn bad_lines_are_named() {
        let err = Lexicon::parse("mine.txt", "ok\n* bad\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "mine.txt:2: \"* bad\": `*` must stand between words"
        );
    }
}
