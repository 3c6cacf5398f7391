//! Which part of a cleaned page is the article: `rs-trafilatura` (a port of trafilatura, the
//! best-scoring published extractor on the article-extraction benchmark) picks the main content,
//! and Slant's own reading of that content turns it into paragraphs. Slant's own container
//! search ([`super::body::body_root`]) stands in when trafilatura finds nothing, so a page with
//! article text is never refused.

use std::collections::HashSet;

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node};

use super::body::{Blocks, body_root};
use super::clean::{Remove, remove};
use super::furniture::{is_furniture, is_heading_anchor};
use super::page_matter::{is_bio, is_link_title, is_promotion, is_script_notice};

/// The article's paragraphs, and the paragraphs of Slant's own container search (which also
/// holds the byline and date lines old pages print above the story).
pub(super) struct MainText {
    pub(super) blocks: Blocks,
    pub(super) own: Blocks,
}

/// Paragraphs shorter than this, found by trafilatura outside the container Slant would pick,
/// are the short things pages put around a story (summary bullets, "A version of this article
/// appears in print…", "Check out more…"), not its paragraphs.
const SHORT_WORDS: usize = 25;

/// How many paragraphs in a row, each wholly a link, make a list of links.
const LINK_RUN: usize = 3;

/// Among how many of the last paragraphs the writer's bio is looked for. A bio ends the story:
/// what follows it is the page's (teasers of the writer's other pieces, comments).
const BIO_NEAR_END: usize = 8;

/// The largest page (in parsed nodes) handed to trafilatura.
const MAX_NODES_FOR_TRAFILATURA: usize = 100_000;

pub(super) fn main_text(page: &Html) -> MainText {
    let mut visible = page.clone();
    remove(&mut visible, Remove::Hidden);
    let mut cleaned = visible.clone();
    let holders = remove(&mut cleaned, Remove::HiddenAndFurniture);
    let skip = |el: ElementRef| !holders.contains(&el.id()) && is_furniture(el);
    let own = body_root(&cleaned, &holders)
        .map(|root| Blocks::collect(root, skip))
        .unwrap_or_default();
    let page_words = word_count(visible.root_element().text());
    // Trafilatura's passes cost a few microseconds a node: a hostile or giant page (hundreds of
    // thousands of elements; real articles have a few thousand) gets Slant's own reading, in
    // time that stays in step with its size.
    let found = (visible.tree.nodes().count() <= MAX_NODES_FOR_TRAFILATURA)
        .then(|| trafilatura(&without_heading_anchors(&visible)))
        .flatten();
    let blocks = match found {
        // On short pages trafilatura's fallback can repeat the text: it never holds more words
        // than the page.
        Some(mut found)
            if !found.is_empty()
                && found.word_count() <= page_words
                && words_as_on_page(&found, &visible) =>
        {
            // Lines that the page shows only inside its furniture (share bars, related links,
            // newsletter boxes) stay out even where trafilatura keeps them.
            let article: HashSet<String> = Blocks::collect(cleaned.root_element(), skip)
                .lines()
                .collect();
            let furniture: HashSet<String> = Blocks::collect(visible.root_element(), |el| {
                matches!(
                    el.value().name(),
                    "script" | "style" | "noscript" | "template"
                )
            })
            .lines()
            .filter(|l| !article.contains(l))
            .collect();
            let unfiltered = found.clone();
            found.retain_lines(|line| !furniture.contains(line));
            // Furniture rules that leave nothing of what trafilatura found misjudged the page
            // (the story inside an element named like a share bar, with more text in comments
            // than in it): a page with article text is never refused.
            if found.is_empty() {
                found = if own.is_empty() {
                    unfiltered
                } else {
                    own.clone()
                };
            }
            // Where both agree on most of the story, a short paragraph only trafilatura has is
            // the page's, not the story's.
            let own_lines: HashSet<String> = own.clone().lines().collect();
            if own.word_count() * 2 >= found.word_count() {
                found.retain_blocks(|block| {
                    block.split_whitespace().count() >= SHORT_WORDS
                        || block.split('\n').any(|l| own_lines.contains(l))
                });
            }
            found
        }
        _ => own.clone(),
    };
    let mut blocks = blocks;
    // Several short paragraphs in a row that are each a link's text and no sentence are a list
    // of other stories ("Read Article" / "How to Make a Ballet Tutu" / …) or a menu, not the
    // story: its own links sit inside its sentences, and a sentence wrapped in a link (a source,
    // a quotation to share) stays.
    let link_lines: HashSet<String> = visible
        .select(&super::selector("a[href]"))
        .flat_map(|a| Blocks::collect(a, |_| false).lines())
        .filter(|l| !l.trim().is_empty())
        .collect();
    blocks.drop_runs(LINK_RUN, |block| {
        // A list item ("• BBEdit") is the story's own list: only paragraphs count.
        block
            .split('\n')
            .all(|l| is_link_title(l) && link_lines.contains(l))
    });
    blocks.retain_blocks(|block| !is_promotion(block) && !is_script_notice(block));
    blocks.end_at(BIO_NEAR_END, is_bio);
    MainText { blocks, own }
}

/// The page as trafilatura reads it, without ids made from headings' words: its own rules
/// for boilerplate read them as names (`sharing-with-a-single-developer` as a share bar) and
/// drop the sections of documentation and wiki pages.
fn without_heading_anchors(page: &Html) -> String {
    let anchored: Vec<NodeId> = page
        .tree
        .nodes()
        .filter(|n| {
            n.value()
                .as_element()
                .and_then(|e| e.attr("id"))
                .is_some_and(is_heading_anchor)
        })
        .map(|n| n.id())
        .collect();
    if anchored.is_empty() {
        return page.html();
    }
    let mut page = page.clone();
    for id in anchored {
        if let Some(mut node) = page.tree.get_mut(id)
            && let Node::Element(el) = node.value()
        {
            el.attrs = std::mem::take(&mut el.attrs)
                .into_iter()
                .filter(|(name, _)| &*name.local != "id")
                .collect();
        }
    }
    page.html()
}

/// The main content as trafilatura finds it, read into paragraphs.
fn trafilatura(page: &str) -> Option<Blocks> {
    let options = rs_trafilatura::Options {
        // Slant imports articles; the page-type classifier would only cost time and, on a page
        // it takes for a listing, switch to rules meant for listings.
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        include_images: false,
        include_links: false,
        include_comments: false,
        ..rs_trafilatura::Options::default()
    };
    let found = rs_trafilatura::extract_with_options(page, &options).ok()?;
    let content = found.content_html?;
    let fragment = Html::parse_fragment(&content);
    Some(Blocks::collect(fragment.root_element(), is_furniture))
}

/// Whether trafilatura's words are the page's: on a short page its fallback can glue the
/// paragraphs together ("river planThe city council…"), making words the page never shows.
fn words_as_on_page(found: &Blocks, page: &Html) -> bool {
    let shown: HashSet<&str> = page
        .root_element()
        .text()
        .flat_map(str::split_whitespace)
        .collect();
    let lines: Vec<String> = found.clone().lines().collect();
    let (mut all, mut seen) = (0usize, 0usize);
    for word in lines.iter().flat_map(|l| l.split_whitespace()) {
        all += 1;
        seen += usize::from(shown.contains(word));
    }
    seen * 100 >= all * GLUED_WORDS_PERCENT
}

/// The share of trafilatura's words (in percent) that the page must show as they are.
const GLUED_WORDS_PERCENT: usize = 97;

fn word_count<'a>(text: impl Iterator<Item = &'a str>) -> usize {
    text.map(|t| t.split_whitespace().count()).sum()
}
