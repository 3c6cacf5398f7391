//! Undoing what copy-paste does to text: lines broken inside a sentence (from PDFs, e-mail and
//! narrow web columns), runs of spaces and tabs, soft hyphens and zero-width characters.
//!
//! The sentence splitter already decides whether a line break ends a sentence (a headline, a
//! list line) or falls inside one (`case to U.S.` / `President Donald Trump, urging`), so the
//! repair asks it rather than keeping a second set of rules: a break inside a sentence becomes
//! one space. The repaired text is what the project stores and every offset points into; the
//! caller keeps the original when anything changed.

use crate::segment;

/// How many of each repair were made, for the import message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Repairs {
    /// Line or paragraph breaks inside a sentence, joined with a space.
    pub joined_breaks: usize,
    /// Runs of spaces and tabs made one space, and spaces at line ends or before punctuation.
    pub spaces: usize,
    /// Soft hyphens and zero-width characters, which are invisible but split words for search.
    pub invisible: usize,
}

impl Repairs {
    pub fn any(self) -> bool {
        self != Repairs::default()
    }

    /// "joined 2 broken lines, removed 3 stray spaces", or `None` when nothing was repaired.
    pub fn describe(self) -> Option<String> {
        let mut parts = Vec::new();
        let plural = crate::wording::count;
        if self.joined_breaks > 0 {
            parts.push(format!(
                "joined {} inside sentences",
                plural(self.joined_breaks, "line break", "line breaks")
            ));
        }
        if self.spaces > 0 {
            parts.push(format!(
                "removed {}",
                plural(self.spaces, "stray space", "stray spaces")
            ));
        }
        if self.invisible > 0 {
            parts.push(format!(
                "removed {}",
                plural(
                    self.invisible,
                    "soft hyphen or invisible character",
                    "soft hyphens or invisible characters"
                )
            ));
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// Characters that print as nothing and only break words: soft hyphen, zero-width space and
/// joiners used as break hints, word joiner, a byte order mark inside the text, the C1
/// control codes that the five bytes Windows-1252 leaves undefined become (0x81, 0x8D, 0x8F,
/// 0x90, 0x9D; not U+0085, a line break), and the C0 control codes that are no line or page
/// break (NUL, bell, escape…: pasted from a terminal, they were drawn as boxes in the text).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{200B}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{80}'..='\u{84}'
            | '\u{86}'..='\u{9F}'
            | '\u{0}'..='\u{8}'
            | '\u{E}'..='\u{1F}'
            | '\u{7F}'
    )
}

/// Where the repaired text came from: maps offsets in it back to the original, so that a
/// position Slant reports (a sentence, a cue) can be shown in the file as it was.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// One map per pass, applied last to first.
    passes: Vec<Anchors>,
}

/// `(repaired, original)` offsets where a stretch of text starts: text after an anchor up to
/// the next one was copied unchanged, or (inside a replacement) is the replacement.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Anchors(Vec<(usize, usize)>);

impl Anchors {
    fn mark(&mut self, out: usize, src: usize) {
        if let Some(&(o, s)) = self.0.last()
            && out.wrapping_sub(o) == src.wrapping_sub(s)
            && out >= o
        {
            return; // the same stretch goes on
        }
        self.0.push((out, src));
    }

    /// The original offset of a start position (the first byte of what follows `at`).
    fn start(&self, at: usize) -> usize {
        let i = self.0.partition_point(|&(o, _)| o <= at);
        match i.checked_sub(1).map(|i| self.0[i]) {
            Some((o, s)) => s + (at - o),
            None => at,
        }
    }

    /// The original offset of an end position (just after the last byte before `at`).
    fn end(&self, at: usize) -> usize {
        let i = self.0.partition_point(|&(o, _)| o < at);
        match i.checked_sub(1).map(|i| self.0[i]) {
            Some((o, s)) => s + (at - o),
            None => at,
        }
    }
}

impl OffsetMap {
    /// The span in the original text that `start..end` of the repaired text came from.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        self.passes.iter().rev().fold((start, end), |(s, e), pass| {
            (pass.start(s), pass.end(e).max(pass.start(s)))
        })
    }
}

/// Builds one pass's output and its anchors.
struct Builder<'a> {
    src: &'a str,
    out: String,
    anchors: Anchors,
}

impl<'a> Builder<'a> {
    fn new(src: &'a str) -> Builder<'a> {
        Builder {
            src,
            out: String::with_capacity(src.len()),
            anchors: Anchors::default(),
        }
    }

    fn copy(&mut self, range: std::ops::Range<usize>) {
        self.anchors.mark(self.out.len(), range.start);
        self.out.push_str(&self.src[range]);
    }

    fn replace(&mut self, range: std::ops::Range<usize>, with: &str) {
        if &self.src[range.clone()] == with {
            return self.copy(range);
        }
        self.anchors.mark(self.out.len(), range.start);
        self.out.push_str(with);
        self.anchors.mark(self.out.len(), range.end);
    }
}

/// The repaired text, what changed, and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repaired {
    pub text: String,
    pub repairs: Repairs,
    pub map: OffsetMap,
}

/// Repairs `text` (already `\n` line ends).
pub fn repair(text: &str) -> Repaired {
    let mut repairs = Repairs::default();
    let cleaned = clean_lines(text, &mut repairs);
    let joined = join_breaks(&cleaned.out, &mut repairs);
    Repaired {
        text: joined.out,
        repairs,
        map: OffsetMap {
            passes: vec![cleaned.anchors, joined.anchors],
        },
    }
}

/// Removes invisible characters, makes each run of spaces and tabs inside a line one space, and
/// drops spaces at the ends and starts of lines and before `,` `;` `:` `.` `!` `?` after a word.
fn clean_lines<'a>(text: &'a str, repairs: &mut Repairs) -> Builder<'a> {
    let mut b = Builder::new(text);
    let mut line_start = 0; // in the output
    let mut pending: Option<std::ops::Range<usize>> = None; // spaces and tabs not yet written
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let here = i..i + c.len_utf8();
        if is_invisible(c) {
            repairs.invisible += 1;
            b.replace(here, "");
            continue;
        }
        if c == ' ' || c == '\t' {
            pending = Some(pending.map_or(here.clone(), |p| p.start..here.end));
            continue;
        }
        if c == '\n' {
            if let Some(run) = pending.take() {
                repairs.spaces += run.len();
                b.replace(run, "");
            }
            b.copy(here);
            line_start = b.out.len();
            continue;
        }
        if let Some(run) = pending.take() {
            let at_line_start = b.out.len() == line_start;
            // Not the space before a spaced ellipsis (`weakened . . . was`): its dots are
            // not a stray period.
            let spaced_dots = c == '.' && text[here.end..].trim_start().starts_with(['.', '…']);
            let before_punct = matches!(c, ',' | ';' | ':' | '.' | '!' | '?')
                && b.out[line_start..]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                && chars.peek().is_none_or(|&(_, n)| n.is_whitespace())
                && !spaced_dots;
            if at_line_start || before_punct {
                repairs.spaces += run.len();
                b.replace(run, "");
            } else {
                repairs.spaces += run.len() - 1;
                b.replace(run, " ");
            }
        }
        b.copy(here);
    }
    if let Some(run) = pending {
        repairs.spaces += run.len();
        b.replace(run, "");
    }
    b
}

/// Joins every break that the splitter puts inside a sentence: the white space holding it
/// becomes one space (none after a hyphen: `well-` / `known`).
fn join_breaks<'a>(text: &'a str, repairs: &mut Repairs) -> Builder<'a> {
    let mut b = Builder::new(text);
    let mut copied = 0;
    for span in segment::split(text) {
        let mut search = span.start;
        while let Some(nl) = text[search..span.end].find('\n') {
            let nl = search + nl;
            let gap_start = text[..nl].trim_end_matches([' ', '\t']).len();
            let gap_end =
                nl + (text[nl..].len() - text[nl..].trim_start_matches(['\n', ' ', '\t']).len());
            b.copy(copied..gap_start);
            let hyphen = text[..gap_start].ends_with('-') && !text[..gap_start].ends_with(" -");
            b.replace(gap_start..gap_end, if hyphen { "" } else { " " });
            repairs.joined_breaks += 1;
            copied = gap_end;
            search = gap_end.min(span.end);
        }
    }
    b.copy(copied..text.len());
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The repaired text and how many breaks were joined.
    fn joined(text: &str) -> (String, usize) {
        let r = repair(text);
        (r.text, r.repairs.joined_breaks)
    }

    #[test]
    fn a_paragraph_break_inside_a_sentence_is_joined() {
        let text = "Netanyahu will make a case to U.S.\n\nPresident Donald Trump, urging action.\n\nNext paragraph.\n";
        assert_eq!(
            joined(text),
            (
                "Netanyahu will make a case to U.S. President Donald Trump, urging action.\n\nNext paragraph.\n".to_owned(),
                1
            )
        );
    }

    #[test]
    fn hard_wrapped_lines_are_joined_but_headlines_and_lists_stay() {
        let text = "Talks Collapse in Geneva\nThe delegates left the room after\nthree hours, officials said.\n• one\n• two\n";
        assert_eq!(
            joined(text),
            (
                "Talks Collapse in Geneva\nThe delegates left the room after three hours, officials said.\n• one\n• two\n".to_owned(),
                1
            )
        );
    }

    #[test]
    fn hyphen_at_a_line_end_keeps_the_hyphen_and_drops_the_break() {
        let got = repair("It was a well-\nknown fact.\n").text;
        assert_eq!(got, "It was a well-known fact.\n");
    }

    #[test]
    fn soft_hyphens_and_stray_spaces_go() {
        let text = "The gov\u{AD}ern\u{AD}ment  said   it would act , officials said .  \nNext\u{200B} line.";
        let Repaired {
            text: got,
            repairs: r,
            ..
        } = repair(text);
        assert_eq!(
            got,
            "The government said it would act, officials said.\nNext line."
        );
        assert_eq!(
            r,
            Repairs {
                joined_breaks: 0,
                spaces: 7,
                invisible: 3
            }
        );
        assert_eq!(
            r.describe().unwrap(),
            "removed 7 stray spaces, removed 3 soft hyphens or invisible characters"
        );
    }

    #[test]
    fn control_codes_from_undefined_windows_1252_bytes_go_but_a_line_break_stays() {
        let got = repair("The gov\u{8D}ernment acted.\u{85}Next line.").text;
        assert_eq!(got, "The government acted.\u{85}Next line.");
    }

    #[test]
    fn clean_text_is_left_alone() {
        let text = "Headline Here\n\nIt said “no.” Then it left.\n\n“Quote,” he said.\n";
        let r = repair(text);
        assert_eq!((r.text.as_str(), r.repairs), (text, Repairs::default()));
        assert_eq!(Repairs::default().describe(), None);
    }

    #[test]
    fn ellipsis_and_decimals_keep_their_spacing() {
        let text = "He paused ... and said .5 percent.\n";
        assert_eq!(repair(text).text, text);
        let spaced = "It was weakened . . . was that of a period . . . . Next one.\n";
        assert_eq!(repair(spaced).text, spaced);
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let original = "The gov\u{AD}ern\u{AD}ment  said\nit would act.\n\nNext  one.";
        let r = repair(original);
        assert_eq!(r.text, "The government said it would act.\n\nNext one.");
        for sentence in segment::split(&r.text) {
            let (s, e) = r.map.to_original(sentence.start, sentence.end);
            let shown = &original[s..e];
            let squashed: String = shown
                .replace('\u{AD}', "")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(squashed, &r.text[sentence.range()]);
        }
        assert_eq!(r.map.to_original(4, 14), (4, 18)); // "government" covers both soft hyphens
        assert_eq!(r.map.to_original(0, 0), (0, 0));
    }
}
