//! Carriage returns inside a project's strings, kept apart from the file's own line ends.
//!
//! Editors and mail programs re-save text files with `\r\n` line ends, so the loader reads
//! `\r\n` as `\n` in a file whose lines end that way. An article's text may hold `\r` itself
//! (a pasted Windows document, a student's file); written as it is, the loader could not tell
//! it from a converted line end, and every offset after it would shift. So the writer never
//! puts a raw `\r` in the file: a string holding one is written escaped (`\r`), and the
//! loader converts line ends only in a file whose own lines end in `\r\n`.

use std::borrow::Cow;

use super::chunked::skip_string;

/// `ron` as printed by RON's pretty printer (strings unescaped or raw), with every string that
/// holds a carriage return rewritten as an escaped string. Other strings are untouched, so a
/// file without carriage returns is byte for byte what RON printed.
pub fn escape_in_strings(ron: String) -> String {
    if !ron.contains('\r') {
        return ron;
    }
    let b = ron.as_bytes();
    let mut out = String::with_capacity(ron.len() + 64);
    let mut copied = 0;
    let mut i = 0;
    while let Some(p) = b[i..].iter().position(|&c| c == b'"') {
        let quote = i + p;
        let Some(end) = skip_string(b, quote) else {
            break; // not RON's own output; leave the rest as it is
        };
        let hashes = b[..quote].iter().rev().take_while(|&&c| c == b'#').count();
        let raw = quote > hashes && is_raw_prefix(b, quote, hashes);
        let (start, content) = if raw {
            (quote - hashes - 1, &ron[quote + 1..end - 1 - hashes])
        } else {
            (quote, &ron[quote + 1..end - 1])
        };
        if content.contains('\r') {
            out.push_str(&ron[copied..start]);
            out.push('"');
            for c in content.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '"' => out.push_str("\\\""),
                    '\r' => out.push_str("\\r"),
                    c => out.push(c),
                }
            }
            out.push('"');
            copied = end;
        }
        i = end;
    }
    out.push_str(&ron[copied..]);
    out
}

/// The quote at `quote` opens a raw string: `r`, then `hashes` `#`, with no identifier byte
/// before the `r` (RON's printer writes raw strings only where a value starts).
fn is_raw_prefix(b: &[u8], quote: usize, hashes: usize) -> bool {
    let r = quote - hashes - 1;
    b[r] == b'r' && (r == 0 || !(b[r - 1].is_ascii_alphanumeric() || b[r - 1] == b'_'))
}

/// A project file's text with `\r\n` read as `\n` when the file's own lines end in `\r\n` (an
/// editor converted it), and unchanged otherwise: then any `\r` is part of a string.
pub fn normalize_line_ends(text: Cow<'_, str>) -> Cow<'_, str> {
    let converted = text
        .find('\n')
        .is_some_and(|i| text.as_bytes()[..i].last() == Some(&b'\r'));
    if converted {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_strings_with_a_carriage_return_are_rewritten() {
        let ron =
            "(\n  a: \"x\ry\",\n  b: r#\"q\"\r\\\"#,\n  c: \"plain\",\n  d: r##\"a\"#b\"##,\n)"
                .to_owned();
        assert_eq!(
            escape_in_strings(ron),
            "(\n  a: \"x\\ry\",\n  b: \"q\\\"\\r\\\\\",\n  c: \"plain\",\n  d: r##\"a\"#b\"##,\n)"
        );
        let plain = "(a: r#\"\"\"#, b: \"x\")".to_owned();
        assert_eq!(escape_in_strings(plain.clone()), plain);
    }

    #[test]
    fn line_ends_are_converted_only_in_a_converted_file() {
        let saved = "(\n  text: \"a\r\nb\",\n)";
        assert_eq!(normalize_line_ends(Cow::Borrowed(saved)), saved);
        let converted = "(\r\n  text: \"a\",\r\n)";
        assert_eq!(
            normalize_line_ends(Cow::Borrowed(converted)),
            "(\n  text: \"a\",\n)"
        );
    }
}
