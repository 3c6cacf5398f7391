//! Nesting deeper than any page's, flattened before the page is parsed.
//!
//! The HTML parser checks its stack of open elements (and its list of open formatting
//! elements) on every tag, so time grows with the square of the depth: 200,000 nested `<div>`s
//! took two minutes. Real articles nest a few dozen deep. Browsers cap the depth too (Chromium
//! re-parents below 512); here tags that would open an element beyond [`MAX_DEPTH`] are dropped
//! with their matching end tags, and their text stays, in one linear pass over the source.
//!
//! The pass reads tags as the parser does where a difference would let a page nest unseen: a
//! comment ends at `-->`, `--!>`, or at once for `<!-->` and `<!--->`; `<div/>` opens a `div`
//! (only void elements and SVG or MathML ones close themselves); an end tag closes the nearest
//! open element of its name and whatever is inside it, and one with no open element of its
//! name closes nothing. A formatting element (`<b>`, `<em>`…) stays in the parser's list until
//! its own end tag, even when its parent's end tag closed it, and everything in that list is
//! opened again before the next text or formatting tag: 20,000 `<div><b id=N></div>` made the
//! parser open 200 million elements. So no more than [`MAX_FORMATTING`] may be in that list at
//! once; more are dropped with their end tags, their text kept.

use std::borrow::Cow;

/// Deeper than any real page: the 41 saved news pages in the tests reach 32 counted this way.
pub const MAX_DEPTH: usize = 256;

/// Formatting elements left open at once (opened and not yet closed by their own end tag). The
/// 41 saved news pages never leave more than this open (tested); the parser re-opens each of
/// them before every piece of text, so this bounds that work per piece of text (at 16, 200,000
/// paragraphs after 200,000 `<div><b id=N></div>` took 5.3 s and 665 MB).
pub const MAX_FORMATTING: usize = 4;

/// Elements the parser keeps in its list of active formatting elements (`<a>` aside: a new one
/// closes the last, so they never pile up).
const FORMATTING: &[&str] = &[
    "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// `source` with every start tag that would nest deeper than [`MAX_DEPTH`] removed, and the end
/// tags that would close them; unchanged (borrowed) when nothing nests that deep.
pub fn flatten(source: &str) -> Cow<'_, str> {
    let b = source.as_bytes();
    // Names of the elements kept open, outermost first, and of those dropped past the limit.
    let mut open: Vec<String> = Vec::new();
    let mut dropped: Vec<String> = Vec::new();
    let mut foreign = 0usize; // depth inside <svg> or <math>, where `/>` closes an element
    // Formatting elements in the parser's list, by name, and in all.
    let mut listed: std::collections::HashMap<String, usize> = Default::default();
    let mut formatting = 0usize;
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(p) = b[i..].iter().position(|&c| c == b'<') {
        let at = i + p;
        let Some(tag) = Tag::read(b, at) else {
            i = at + 1;
            continue;
        };
        i = tag.end;
        match tag.kind {
            Kind::Skip => {}
            Kind::RawText { name, .. } if foreign == 0 => {
                // Script, style and the like: their content is not markup.
                i = find_end_tag(b, i, &name).unwrap_or(b.len());
            }
            Kind::RawText { name, self_closed } | Kind::Open { name, self_closed } => {
                if self_closed && foreign > 0 {
                    continue;
                }
                let is_formatting = FORMATTING.contains(&name.as_str());
                if open.len() >= MAX_DEPTH || (is_formatting && formatting >= MAX_FORMATTING) {
                    cuts.push((at, tag.end));
                    dropped.push(name);
                    continue;
                }
                if is_formatting {
                    formatting += 1;
                    *listed.entry(name.clone()).or_default() += 1;
                }
                if name == "svg" || name == "math" || foreign > 0 {
                    foreign += 1;
                }
                open.push(name);
            }
            Kind::Close { name } => {
                // Its own end tag takes a formatting element off the list, open or not.
                if dropped.last() != Some(&name)
                    && let Some(n) = listed.get_mut(&name).filter(|n| **n > 0)
                {
                    *n -= 1;
                    formatting -= 1;
                }
                if dropped.last() == Some(&name) {
                    dropped.pop();
                    cuts.push((at, tag.end));
                } else if let Some(k) = open.iter().rposition(|n| *n == name) {
                    // Closes it and everything opened inside it, the dropped ones too.
                    foreign = foreign.saturating_sub(open.len() - k);
                    open.truncate(k);
                    dropped.clear();
                }
            }
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    let mut from = 0;
    for (start, end) in cuts {
        out.push_str(&source[from..start]);
        from = end;
    }
    out.push_str(&source[from..]);
    Cow::Owned(out)
}

enum Kind {
    /// A tag that does not change the depth: void, self-closed, with an optional end tag
    /// (`<p>`, `<li>`, `<td>`… which the parser closes by itself), a comment or a doctype.
    Skip,
    /// An element whose content is text up to its end tag (in HTML; inside SVG or MathML it
    /// is an element like any other).
    RawText {
        name: String,
        self_closed: bool,
    },
    Open {
        name: String,
        self_closed: bool,
    },
    Close {
        name: String,
    },
}

struct Tag {
    kind: Kind,
    /// Just past the tag's `>`.
    end: usize,
}

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Elements whose end tag may be left out: the parser closes them, so they are not counted.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb",
    "rt", "rp", "rtc", "colgroup", "caption", "html", "head", "body",
];

const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

impl Tag {
    /// The tag starting at the `<` at `at`, or `None` when that `<` is text.
    fn read(b: &[u8], at: usize) -> Option<Tag> {
        let rest = &b[at + 1..];
        if rest.starts_with(b"!--") {
            return Some(Tag {
                kind: Kind::Skip,
                end: comment_end(b, at + 4),
            });
        }
        if rest.first().is_some_and(|&c| c == b'!' || c == b'?') {
            let end = find(b, at, b">").map_or(b.len(), |e| e + 1);
            return Some(Tag {
                kind: Kind::Skip,
                end,
            });
        }
        let close = rest.first() == Some(&b'/');
        let name_start = at + 1 + usize::from(close);
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            // `</` not followed by a letter starts a bogus comment up to `>`; `<` alone is text.
            return close.then(|| Tag {
                kind: Kind::Skip,
                end: find(b, name_start, b">").map_or(b.len(), |e| e + 1),
            });
        }
        // A tag name runs to white space, `/` or `>`, whatever its characters.
        let name_len = b[name_start..]
            .iter()
            .take_while(|&&c| !is_space(c) && c != b'/' && c != b'>')
            .count();
        let name = std::str::from_utf8(&b[name_start..name_start + name_len])
            .ok()?
            .to_ascii_lowercase();
        let (end, self_closed) = tag_end(b, name_start + name_len);
        let kind = if VOID.contains(&name.as_str()) || OPTIONAL_END.contains(&name.as_str()) {
            Kind::Skip
        } else if close {
            Kind::Close { name }
        } else if RAW_TEXT.contains(&name.as_str()) {
            Kind::RawText { name, self_closed }
        } else {
            Kind::Open { name, self_closed }
        };
        Some(Tag { kind, end })
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

/// Just past the `>` that ends a tag whose attributes start at `i`, and whether it ends `/>`:
/// the tokenizer's attribute states, so that a quote opens a value only where one can start
/// (`<div =">` is a whole tag: `=` there begins an attribute's name).
fn tag_end(b: &[u8], mut i: usize) -> (usize, bool) {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Quoted(u8),
        Unquoted,
        SelfClosing,
    }
    let mut state = State::BeforeName;
    while i < b.len() {
        let c = b[i];
        i += 1;
        state = match (state, c) {
            (State::Quoted(q), c) if c == q => State::BeforeName,
            (State::Quoted(q), _) => State::Quoted(q),
            (_, b'>') => return (i, state == State::SelfClosing),
            (State::SelfClosing, _) => {
                i -= 1; // read again, as the start of an attribute
                State::BeforeName
            }
            (State::BeforeValue, b'"' | b'\'') => State::Quoted(c),
            (State::BeforeValue, c) if is_space(c) => State::BeforeValue,
            (State::BeforeValue, _) => State::Unquoted,
            (State::Unquoted, c) if is_space(c) => State::BeforeName,
            (State::Unquoted, _) => State::Unquoted,
            (State::Name | State::AfterName, b'=') => State::BeforeValue,
            (_, b'/') => State::SelfClosing,
            (State::Name, c) if is_space(c) => State::AfterName,
            (State::BeforeName | State::AfterName, c) if is_space(c) => state,
            _ => State::Name,
        };
    }
    (b.len(), false)
}

/// Just past the end of a comment whose text starts at `from` (after `<!--`), as the parser
/// ends it: `<!-->` and `<!--->` at once, otherwise at the first `-->` or `--!>`.
fn comment_end(b: &[u8], from: usize) -> usize {
    let rest = &b[from.min(b.len())..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let mut i = from;
    while let Some(p) = b.get(i..).and_then(|r| r.iter().position(|&c| c == b'-')) {
        let at = i + p;
        if b[at..].starts_with(b"-->") {
            return at + 3;
        }
        if b[at..].starts_with(b"--!>") {
            return at + 4;
        }
        i = at + 1;
    }
    b.len()
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// The start of `</name` (any case) at or after `from`.
fn find_end_tag(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut i = from;
    while let Some(p) = b.get(i..)?.iter().position(|&c| c == b'<') {
        let at = i + p;
        let rest = &b[at + 1..];
        if rest.first() == Some(&b'/')
            && rest.len() > name.len()
            && rest[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let page = "<!doctype html><html><body><div class=\"a>b\"><p>One<p>Two<br><img src=x/></div>\
                    <script>if (a < b) { '<div>' }</script></body></html>";
        assert!(matches!(flatten(page), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_that_would_hide_from_the_count_are_read_as_the_parser_reads_them() {
        let n = MAX_DEPTH + 10;
        let depth_kept = |page: &str| {
            let flat = flatten(page);
            flat.matches("<div").count()
        };
        // An empty comment ends at once; `<div/>` opens a div; `</span>` with no span open
        // closes nothing.
        for unit in [
            "<!--><div>",
            "<!---><div>",
            "<div/>",
            "<div></span>",
            "<div></x>",
            "<div =\">",
            "<div a=b/>",
        ] {
            let page = format!("{}x", unit.repeat(n));
            assert_eq!(depth_kept(&page), MAX_DEPTH, "{unit}");
        }
        // Inside SVG a `<title>` is an element, not text up to `</title>`.
        let page = format!("<svg><title>{}x", "<div>".repeat(n));
        assert_eq!(depth_kept(&page), MAX_DEPTH - 2, "svg title");
        // A quoted value may hold `>` and a stray `"` elsewhere is part of a name.
        let page = format!("<a title=\"x>y\" b\"c>{}x", "<div>".repeat(n));
        assert_eq!(depth_kept(&page), MAX_DEPTH - 1, "quotes");
        // Self-closed SVG elements close themselves, so an icon's shapes do not count.
        let icon = format!("<svg>{}</svg>", "<path d=\"M0 0\"/>".repeat(n));
        assert!(matches!(
            flatten(&format!("{icon}<div>x</div>")),
            Cow::Borrowed(_)
        ));
        // Formatting elements left open past their limit are dropped too, however shallow;
        // those closed by their own end tag do not count.
        let page = "<div><b id=1></div>".repeat(MAX_FORMATTING + 5);
        assert_eq!(flatten(&page).matches("<b").count(), MAX_FORMATTING);
        let page = "<div><b id=1>x</b></div>".repeat(MAX_FORMATTING + 5);
        assert!(matches!(flatten(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn nesting_past_the_limit_is_dropped_and_its_text_kept() {
        let n = MAX_DEPTH + 50;
        let page = format!(
            "{}<b>text</b>{}after",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let flat = flatten(&page);
        let want = format!(
            "{}text{}after",
            "<div>".repeat(MAX_DEPTH),
            "</div>".repeat(MAX_DEPTH)
        );
        assert_eq!(flat, want);
    }
}
