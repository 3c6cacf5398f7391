//! Markdown articles (notes, wikis, learning platforms) read as the text a reader sees, with
//! the HTML blocks people paste into them.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag as MdTag, TagEnd};

use super::html;

/// `</SCRIPT>`, `</Style>`, `</PRE>` and `</TEXTAREA>` in lower case, the rest untouched.
fn lower_raw_end_tags(markdown: &str) -> std::borrow::Cow<'_, str> {
    const TAGS: [&str; 4] = ["</script", "</style", "</pre", "</textarea"];
    let bytes = markdown.as_bytes();
    let needs = |at: usize| {
        TAGS.iter().find(|t| {
            bytes.len() >= at + t.len()
                && bytes[at..at + t.len()].eq_ignore_ascii_case(t.as_bytes())
                && &bytes[at..at + t.len()] != t.as_bytes()
        })
    };
    if !markdown
        .match_indices("</")
        .any(|(at, _)| needs(at).is_some())
    {
        return std::borrow::Cow::Borrowed(markdown);
    }
    let mut out = markdown.to_owned();
    let starts: Vec<(usize, usize)> = markdown
        .match_indices("</")
        .filter_map(|(at, _)| needs(at).map(|t| (at, t.len())))
        .collect();
    for (at, len) in starts {
        // ASCII letters only: lowering them keeps every byte offset.
        out[at..at + len].make_ascii_lowercase();
    }
    std::borrow::Cow::Owned(out)
}

/// Markdown to the text a reader sees: headings and paragraphs as lines separated by blank lines,
/// list items on lines of their own, emphasis and link targets dropped. A level-1 heading at the
/// start is the headline.
pub(super) fn to_text(markdown: &str) -> (Option<String>, String) {
    let mut out = String::with_capacity(markdown.len());
    let mut headline = None;
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut in_image = false;
    let mut html_block: Option<String> = None;
    let block_break = |out: &mut String| {
        let trimmed = out.trim_end_matches([' ', '\n']).len();
        out.truncate(trimmed);
        if !out.is_empty() {
            out.push_str("\n\n");
        }
    };
    // CommonMark ends a `<script>`, `<style>`, `<pre>` or `<textarea>` block at its end tag in
    // any case; the parser only knows the lower-case one, and would run the block to the end of
    // the file (`</SCRIPT>`).
    let markdown = lower_raw_end_tags(markdown);
    // Inline `<script>…</script>` in a paragraph: its text is not the article's.
    let mut hidden_inline = false;
    for event in Parser::new(&markdown) {
        match event {
            Event::Start(MdTag::Heading { level, .. }) => {
                block_break(&mut out);
                heading = Some((level, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = heading.take() {
                    if level == HeadingLevel::H1 && headline.is_none() && out.trim().is_empty() {
                        headline = Some(text.trim().to_owned());
                    }
                    out.push_str(text.trim());
                    block_break(&mut out);
                }
            }
            Event::Start(MdTag::Paragraph | MdTag::BlockQuote(_) | MdTag::CodeBlock(_))
                if !out.ends_with("• ") =>
            {
                block_break(&mut out)
            }
            Event::Start(MdTag::List(_)) if !out.ends_with("• ") => block_break(&mut out),
            Event::Start(MdTag::Item) => {
                if !out.is_empty() && !out.ends_with("\n\n") {
                    let trimmed = out.trim_end_matches([' ', '\n']).len();
                    out.truncate(trimmed);
                    out.push('\n');
                }
                out.push_str("• ");
            }
            // Markdown may carry HTML blocks (`<div><p>…</p></div>`): their text is the
            // article's too.
            Event::Start(MdTag::HtmlBlock) => {
                block_break(&mut out);
                html_block = Some(String::new());
            }
            Event::Html(h) => {
                if let Some(block) = &mut html_block {
                    block.push_str(&h);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(block) = html_block.take() {
                    out.push_str(html::fragment_text(&block).trim());
                    block_break(&mut out);
                }
            }
            Event::Start(MdTag::Image { .. }) => in_image = true,
            Event::End(TagEnd::Image) => in_image = false,
            Event::InlineHtml(tag) => {
                let tag = tag.trim_start_matches('<').to_ascii_lowercase();
                let hiding = ["script", "style", "noscript", "template"]
                    .iter()
                    .any(|n| tag.starts_with(n));
                let ending = ["/script", "/style", "/noscript", "/template"]
                    .iter()
                    .any(|n| tag.starts_with(n));
                if hiding {
                    hidden_inline = true;
                } else if ending {
                    hidden_inline = false;
                }
            }
            Event::Text(_) if hidden_inline => {}
            Event::Text(t) | Event::Code(t) if !in_image => match &mut heading {
                Some((_, h)) => h.push_str(&t),
                None => out.push_str(&t),
            },
            Event::SoftBreak => match &mut heading {
                Some((_, h)) => h.push(' '),
                None => out.push(' '),
            },
            Event::HardBreak => out.push('\n'),
            _ => {}
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if !out.is_empty() {
        out.push('\n');
    }
    (headline, out)
}
