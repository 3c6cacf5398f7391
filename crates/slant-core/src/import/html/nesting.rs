//! Nesting deeper than any page's, flattened before the page is parsed.
//!
//! The HTML parser checks the stack of open elements on every tag, so time grows with the square
//! of the depth: 200,000 nested `<div>`s took two minutes. Real articles nest a few dozen deep.
//! Browsers cap the depth too (Chromium re-parents below 512); here tags that would open an
//! element beyond [`MAX_DEPTH`] are dropped with their matching end tags, and their text stays,
//! in one linear pass over the source.

use std::borrow::Cow;

/// Deeper than any real page: the 41 saved news pages in the tests reach 32 counted this way.
pub const MAX_DEPTH: usize = 256;

/// `source` with every start tag that would nest deeper than [`MAX_DEPTH`] removed, and the end
/// tags that would close them; unchanged (borrowed) when nothing nests that deep.
pub fn flatten(source: &str) -> Cow<'_, str> {
    let b = source.as_bytes();
    let mut depth = 0usize;
    let mut dropped = 0usize;
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
            Kind::RawText(name) => {
                // Script, style and the like: their content is not markup.
                i = find_end_tag(b, i, name).unwrap_or(b.len());
            }
            Kind::Open => {
                if depth >= MAX_DEPTH {
                    dropped += 1;
                    cuts.push((at, tag.end));
                } else {
                    depth += 1;
                }
            }
            Kind::Close => {
                if dropped > 0 {
                    dropped -= 1;
                    cuts.push((at, tag.end));
                } else {
                    depth = depth.saturating_sub(1);
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
    /// An element whose content is text up to its end tag.
    RawText(&'static str),
    Open,
    Close,
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
            let end = find(b, at + 4, b"-->").map_or(b.len(), |e| e + 3);
            return Some(Tag {
                kind: Kind::Skip,
                end,
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
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            return None;
        }
        let name = std::str::from_utf8(&b[name_start..name_start + name_len])
            .ok()?
            .to_ascii_lowercase();
        let end = tag_end(b, name_start + name_len)?;
        let self_closed = b[..end - 1].last() == Some(&b'/');
        let kind = if VOID.contains(&name.as_str()) || OPTIONAL_END.contains(&name.as_str()) {
            Kind::Skip
        } else if close {
            Kind::Close
        } else if let Some(raw) = RAW_TEXT.iter().find(|r| **r == name) {
            Kind::RawText(raw)
        } else if self_closed {
            Kind::Skip
        } else {
            Kind::Open
        };
        Some(Tag { kind, end })
    }
}

/// Just past the `>` that ends a tag whose attributes start at `i` (quoted values skipped).
fn tag_end(b: &[u8], mut i: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => {
                // A quote only opens a value right after `=` (white space allowed).
                let before = b[..i].iter().rev().find(|c| !c.is_ascii_whitespace());
                if before == Some(&b'=') {
                    quote = Some(c);
                }
            }
            None if c == b'>' => return Some(i + 1),
            None => {}
        }
        i += 1;
    }
    None
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
