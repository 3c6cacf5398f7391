//! Saved web pages (`.html`): the article a reader sees, without the page around it.
//!
//! This module puts the page together: `main_text` finds the story's text (trafilatura, with
//! Slant's own reading where it finds nothing), `furniture` and `page_matter` decide what is
//! not the article, `headline` picks the headline, and `metadata` reads the outlet, byline,
//! date and address. A page whose story is only in `<noscript>` is read a second time with it
//! shown.

mod body;
mod clean;
mod furniture;
mod headline;
mod main_text;
mod metadata;
pub mod nesting;
mod page_matter;

use jiff::civil::Date;
use scraper::{ElementRef, Html, Selector};

use headline::{STORY_START_WORDS, headline, story_headline};
pub use metadata::date_in_address;
use metadata::{JsonLd, Metadata};

/// What a saved page says about its article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub headline: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub published: Option<Date>,
    pub url: Option<String>,
    /// Paragraphs separated by blank lines; the headline is not repeated here.
    pub body: String,
}

/// The text a reader sees in a fragment of HTML (a Markdown file's HTML block): its paragraphs
/// separated by blank lines, scripts and styles left out. No furniture rules: the writer put
/// this block in the article.
pub(crate) fn fragment_text(fragment: &str) -> String {
    // Nesting no page reaches is flattened first, as for pages: the parser's cost grows with
    // the square of the depth.
    let html = Html::parse_fragment(&nesting::flatten(fragment));
    body::Blocks::collect(html.root_element(), |el| {
        matches!(
            el.value().name(),
            "script" | "style" | "noscript" | "template"
        )
    })
    .finish()
}

/// Reads a page. Never fails: a page without an article gives an empty body, which import
/// reports as an empty file.
pub fn extract(source: &str) -> Page {
    let page = extract_shown(source);
    // A page that draws its story with scripts may hold the text only in `<noscript>` (what a
    // browser shows when scripts do not run): hidden on a first reading, it is the story where
    // the page shows nothing else of a story's length ("Loading…"). Its body only: the title
    // and the page's metadata are read as the page has them.
    let words = |p: &Page| p.body.split_whitespace().count();
    if words(&page) < NOSCRIPT_STORY_WORDS
        && let Some(unwrapped) = noscript_shown(source)
    {
        let second = extract_shown(&unwrapped);
        if words(&second) >= NOSCRIPT_STORY_WORDS {
            return Page {
                headline: page.headline.or(second.headline),
                outlet: page.outlet.or(second.outlet),
                byline: page.byline.or(second.byline),
                published: page.published.or(second.published),
                url: page.url.or(second.url),
                body: second.body,
            };
        }
    }
    page
}

/// Fewer words than a story has: a page showing only this much may hold its story in
/// `<noscript>`, and a `<noscript>` holding less is a notice, not a story.
const NOSCRIPT_STORY_WORDS: usize = 40;

/// The page with its `<noscript>` elements turned into plain `<div>`s, or `None` when it has
/// none.
fn noscript_shown(source: &str) -> Option<String> {
    let lower = source.to_ascii_lowercase();
    if !lower.contains("<noscript") {
        return None;
    }
    let mut out = String::with_capacity(source.len());
    let mut last = 0;
    for (at, tag) in lower.match_indices("noscript") {
        let opens = lower[..at].ends_with('<') || lower[..at].ends_with("</");
        let ends = lower[at + tag.len()..].starts_with(['>', ' ', '\t', '\n', '\r', '/']);
        if opens && ends {
            out.push_str(&source[last..at]);
            out.push_str("div");
            last = at + tag.len();
        }
    }
    out.push_str(&source[last..]);
    Some(out)
}

fn extract_shown(source: &str) -> Page {
    let html = Html::parse_document(&nesting::flatten(source));
    let ld = JsonLd::of(&html);
    let main_text::MainText {
        mut blocks,
        mut own,
    } = main_text::main_text(&html);
    let story_start: String = blocks
        .clone()
        .lines()
        .flat_map(|l| l.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        .take(STORY_START_WORDS)
        .collect::<Vec<_>>()
        .join(" ");
    let headline = headline(&html, &ld).map(|h| story_headline(h, &story_start, &html));
    // Old pages without markup put the headline, byline and date as lines above the story.
    let lead = blocks.take_lead(headline.as_deref());
    // Trafilatura leaves out the byline and date lines above a story; Slant's own reading keeps
    // them.
    let own_lead = own.take_lead(headline.as_deref());
    let Metadata {
        outlet,
        byline,
        published,
        url,
    } = Metadata::read(&html, &ld, [lead, own_lead]);
    Page {
        headline,
        outlet,
        byline,
        published,
        url,
        body: blocks.finish(),
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("the selectors in this module are valid CSS")
}

/// Collapses white space as a browser does.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of(el: ElementRef) -> String {
    squash(&el.text().collect::<String>())
}

#[cfg(test)]
mod tests;
