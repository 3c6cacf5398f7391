//! Escaping what a report prints from a project (titles, names, notes, article text, ids), so
//! that none of it turns into markup in the format it is written in.

/// Escapes the characters that would make markup of one line of text in CommonMark with GFM's
/// tables and strikethrough: `\`, code, emphasis, links and images (`[`, `]`: with them escaped,
/// `(`, `)` and `!` are plain), HTML and autolinks (`<`, `>`), table cells (`|`), `~`, and `&`
/// only where it starts an entity (a note reading `&lt;` prints as written; `AT&T` stays). A
/// line's start is escaped where it would open a block ([`block_start`]). Escaping less than
/// every punctuation mark keeps a report readable as plain text (`Trump (2)`, not `Trump \(2\)`,
/// which MathJax on a learning platform would also take for mathematics); the tests parse the
/// output to check that nothing turns into markup.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let (start, text) = block_start(text);
    out.push_str(&start);
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if starts_entity(&text[i + 1..]) => out.push_str("\\&"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Whether the text after a `&` would make it an entity or a character reference (`amp;`,
/// `#38;`, `#x26;`).
fn starts_entity(after: &str) -> bool {
    let body = after.strip_prefix('#').unwrap_or(after);
    let name = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    name > 0 && body[name..].starts_with(';')
}

/// What a line may start with that would make it a list item, a numbered item or a heading's
/// underline ("- x", "1. x", "===", "---"), escaped, and the rest of the line for [`markdown`].
fn block_start(text: &str) -> (String, &str) {
    let t = text.trim_start();
    // Leading space stays (as one line's: a line break inside it is a space).
    let mut out = text[..text.len() - t.len()].replace(['\n', '\r'], " ");
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let marker = if t.starts_with(['-', '=', '+', '#']) {
        0
    } else if digits > 0 && t[digits..].starts_with(['.', ')']) {
        digits
    } else {
        return (out, t);
    };
    out.push_str(&t[..marker]);
    out.push('\\');
    out.push_str(&t[marker..marker + 1]);
    (out, &t[marker + 1..])
}

/// Text of several lines (a note) as Markdown that keeps its lines: each line escaped, a line
/// break as a hard break (`\` at the line's end), a blank line as a new paragraph, and every
/// line after the first indented by `indent` (four spaces continue a footnote).
pub fn markdown_lines(text: &str, indent: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut blank = false;
    for (i, line) in text
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .enumerate()
    {
        if line.trim().is_empty() {
            blank = i > 0;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\\\n" });
            out.push_str(indent);
        }
        blank = false;
        out.push_str(&markdown(line));
    }
    out
}

/// A spreadsheet cell that cannot run as a formula: text starting with `=`, `+`, `-`, `@`, a tab
/// or a carriage return gets a leading `'` (as OWASP advises against CSV injection, e.g. a
/// reviewer named `=HYPERLINK(…)`). `slant import-tags` takes it off again ([`csv_unguard`]).
/// Text that already starts with `'`s before such a character gets one more, so that taking one
/// off gives it back exactly (a note that reads `'=x`).
pub fn csv_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.trim_start_matches('\'').starts_with(CSV_TRIGGERS) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

const CSV_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as [`csv_cell`] wrote it, read back: the guard `'` taken off.
pub fn csv_unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(CSV_TRIGGERS) => rest,
        _ => cell,
    }
}

/// An id as a Markdown footnote label: letters, digits, `-` and `_` only (anything else, which
/// could close the label and start markup, is written as `_` and its code).
pub fn footnote_label(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_string()
            } else {
                format!("_{:x}", c as u32)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_guarded_and_read_back_unchanged() {
        for text in [
            "=HYPERLINK(\"http://evil\",\"click\")",
            "+1",
            "-x",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "'=x",
            "''+1",
        ] {
            let cell = csv_cell(text);
            assert!(cell.starts_with('\''), "{text:?}");
            assert_eq!(csv_unguard(&cell), text);
        }
        assert_eq!(csv_cell("Ann"), "Ann");
        assert_eq!(
            csv_unguard("'quoted"),
            "'quoted",
            "a plain apostrophe stays"
        );
        assert_eq!(csv_cell("'quoted"), "'quoted");
    }

    #[test]
    fn footnote_labels_cannot_close_the_label() {
        assert_eq!(footnote_label("nbc-urges_2"), "nbc-urges_2");
        let label = footnote_label("x]: javascript:alert(1)");
        assert!(
            label
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "{label}"
        );
    }

    /// What a Markdown reader makes of `md` as one line: the text it shows, or the first
    /// piece of markup it found.
    fn read_markdown(md: &str) -> Result<String, String> {
        use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
        let mut shown = String::new();
        for event in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
            match event {
                Event::Text(t) => shown.push_str(&t),
                Event::SoftBreak => shown.push(' '),
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
                other => return Err(format!("{other:?} in {md:?}")),
            }
        }
        Ok(shown)
    }

    #[test]
    fn escaped_text_reads_back_as_itself_and_never_as_markup() {
        for text in [
            "Trump (2) & AT&T, wow! {x} + #1 ~a~ 50% $5",
            "*bold* _it_ `code` [link](http://x) ![img](y) <b>bold</b> <http://x.org>",
            "a | b | c",
            "&lt; &amp; &#38; &#x26; & ;",
            "~~struck~~ \\ back",
            "# heading",
            "+ plus item",
            "> quoted",
            "1) one",
            "---",
            "Trump \\(2\\)",
        ] {
            assert_eq!(
                read_markdown(&markdown(text)).as_deref(),
                Ok(text),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Any line of text made of letters, digits and every ASCII punctuation mark reads back
        /// as written.
        #[test]
        fn any_escaped_line_reads_back_as_written(
            text in "[a-z0-9 !-/:-@\\[-`{-~]{1,24}"
        ) {
            let text = text.trim();
            proptest::prop_assume!(!text.is_empty());
            proptest::prop_assert_eq!(read_markdown(&markdown(text)), Ok(text.to_owned()));
        }
    }

    #[test]
    fn lines_that_would_start_a_list_or_an_underline_are_escaped() {
        assert_eq!(markdown("- starts with dash"), "\\- starts with dash");
        assert_eq!(markdown("1. one"), "1\\. one");
        assert_eq!(markdown("2024) a year"), "2024\\) a year");
        assert_eq!(markdown("==="), "\\===");
        assert_eq!(markdown("U.S.-Israeli talks"), "U.S.-Israeli talks");
        assert_eq!(
            markdown_lines("first\n- dash\n1. one\nHeading?\n===", "    "),
            "first\\\n    \\- dash\\\n    1\\. one\\\n    Heading?\\\n    \\==="
        );
    }

    #[test]
    fn a_notes_lines_stay_lines_in_markdown() {
        assert_eq!(markdown_lines("one line", "    "), "one line");
        assert_eq!(
            markdown_lines("no —\nline *two*\r\n\nnew paragraph", "    "),
            "no —\\\n    line \\*two\\*\n\n    new paragraph"
        );
    }
}
