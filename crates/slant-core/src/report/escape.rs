//! Escaping what a report prints from a project (titles, names, notes, article text, ids), so
//! that none of it turns into markup in the format it is written in.

/// A report with the control characters a project may hold (hand-edited into a title, a
/// byline or a note: an escape, a bell) shown as their symbols (`␛`): HTML counts them as
/// errors, and a terminal showing the Markdown would obey them. Tabs and line breaks stay.
pub fn visible_controls(report: String) -> String {
    let control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    if !report.chars().any(control) {
        return report;
    }
    report
        .chars()
        .map(|c| match c {
            c if !control(c) => c,
            '\u{7F}' => '\u{2421}',
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
            _ => '\u{FFFD}',
        })
        .collect()
}

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
    // A heading drops a closing run of `#` (`# Vote for C #` shows "Vote for C").
    let closing = text.trim_end().len() - text.trim_end().trim_end_matches('#').len();
    let closing_from = text.trim_end().len() - closing;
    for (i, c) in text.char_indices() {
        match c {
            '#' if i >= closing_from && i < closing_from + closing => out.push_str("\\#"),
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

/// `text` between emphasis markers (`*`, `**`), escaped: the markers hug the words, the text's
/// own spaces go outside (`** Ann **` is no emphasis, and `* Reuters*` at a line's start is a
/// list item).
pub fn markdown_wrapped(text: &str, marker: &str) -> String {
    let inner = text.trim();
    if inner.is_empty() {
        return markdown(text);
    }
    let space = |s: &str| s.replace(['\n', '\r'], " ");
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    format!(
        "{}{marker}{}{marker}{}",
        space(lead),
        markdown(inner),
        space(trail)
    )
}

/// A note as a footnote's text ([`markdown_lines`]), which a Markdown reader without footnotes
/// takes for a link definition (`[^a-1]: https://x.example (Click here)` made the note's
/// number a link to that address): where the words after the first are a whole link title
/// (`(…)`, `"…"`, `'…'` to the end), its opening mark is escaped.
pub fn markdown_footnote(note: &str) -> String {
    let mut body = markdown_lines(note, "    ");
    let first = body.find(char::is_whitespace).unwrap_or(body.len());
    let after = body[first..].trim_start();
    let rest = after.trim_end();
    let title = match rest.chars().next() {
        Some('(') => rest.ends_with(')'),
        Some(c @ ('"' | '\'')) => rest.len() > 1 && rest.ends_with(c),
        _ => false,
    };
    if title {
        let at = body.len() - after.len();
        body.insert(at, '\\');
    }
    body
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
        // A note's indentation is not kept: four spaces after a blank line make code.
        out.push_str(&markdown(line.trim_start()));
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
        read_in(md, |_| false)
    }

    /// As [`read_markdown`], where `frame` says which events are the context's own (a heading,
    /// a footnote, emphasis the report adds).
    fn read_in(md: &str, frame: impl Fn(&pulldown_cmark::Event) -> bool) -> Result<String, String> {
        use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
        let mut shown = String::new();
        let options =
            Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
        for event in Parser::new_ext(md, options) {
            match event {
                Event::Text(t) => shown.push_str(&t),
                Event::SoftBreak => shown.push(' '),
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
                ref e if frame(e) => {}
                other => return Err(format!("{other:?} in {md:?}")),
            }
        }
        Ok(shown)
    }

    /// The contexts the Markdown report puts a field in, each read back: a heading, strong
    /// emphasis, a footnote (and, for a reader without footnotes, no link made of it).
    fn reads_back_everywhere(text: &str) -> Result<(), String> {
        use pulldown_cmark::{Event, Parser, Tag, TagEnd};
        let want = text.trim();
        let heading = read_in(&format!("## {}", markdown(text)), |e| {
            matches!(
                e,
                Event::Start(Tag::Heading { .. }) | Event::End(TagEnd::Heading(_))
            )
        })?;
        if heading.trim() != want {
            return Err(format!("heading shows {heading:?}"));
        }
        let strong = read_in(&format!("1. {}", markdown_wrapped(text, "**")), |e| {
            matches!(
                e,
                Event::Start(Tag::List(_) | Tag::Item | Tag::Strong)
                    | Event::End(TagEnd::List(_) | TagEnd::Item | TagEnd::Strong)
            )
        })?;
        if strong.trim() != want {
            return Err(format!("strong shows {strong:?}"));
        }
        let note = read_in(
            &format!("x [^a-1]\n\n[^a-1]: {}", markdown_footnote(text)),
            |e| {
                matches!(
                    e,
                    Event::FootnoteReference(_)
                        | Event::Start(Tag::FootnoteDefinition(_))
                        | Event::End(TagEnd::FootnoteDefinition)
                )
            },
        )?;
        if note.trim_start_matches('x').trim() != want {
            return Err(format!("footnote shows {note:?}"));
        }
        let plain = format!("x [^a-1]\n\n[^a-1]: {}", markdown_footnote(text));
        if Parser::new(&plain).any(|e| matches!(e, Event::Start(Tag::Link { .. })))
            && text.trim().contains(char::is_whitespace)
        {
            return Err(format!("a link made of the note in {plain:?}"));
        }
        Ok(())
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
            "Vote for C #",
            "Ranked No. 1 ##",
            "https://evil.example/x (Click here)",
            "https://evil.example/x \"Click\"",
        ] {
            assert_eq!(
                read_markdown(&markdown(text)).as_deref(),
                Ok(text),
                "{text:?}"
            );
            assert_eq!(reads_back_everywhere(text), Ok(()), "{text:?}");
        }
        // Spaces around a name or an outlet stay outside the emphasis.
        for text in [" Reuters", "Ann ", "  x  "] {
            assert_eq!(reads_back_everywhere(text), Ok(()), "{text:?}");
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
            proptest::prop_assert_eq!(reads_back_everywhere(text), Ok(()));
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
