//! Which part of a cleaned page is the article: `rs-trafilatura` (a port of trafilatura, the
//! best-scoring published extractor on the article-extraction benchmark) picks the main content,
//! and Slant's own reading of that content turns it into paragraphs. Slant's own container
//! search ([`super::body::body_root`]) stands in when trafilatura finds nothing, so a page with
//! article text is never refused.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node};

use super::body::{Blocks, body_root};
use super::clean::{Remove, remove};
use super::furniture::{is_furniture, is_heading_anchor};
use super::page_matter::{is_bio, is_credit_line, is_link_title, is_promotion, is_script_notice};

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

/// How often a short paragraph must stand on the page to be the page's, not the story's.
const REPEATED: usize = 3;

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
            if own.word_count() * 2 >= found.word_count() {
                drop_short_page_matter(&mut found, &own, &ParagraphClasses::of(&visible));
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
    // A paragraph with no letter or digit is a rule drawn in text (AP's `___` before a
    // correction), not a sentence to tag; the paragraph break around it stays.
    blocks.retain_blocks(|block| {
        block.chars().any(char::is_alphanumeric)
            && !is_promotion(block)
            && !is_script_notice(block)
            && !is_credit_line(block)
    });
    // A caption set as a paragraph (the Guardian lists them after each picture) says what the
    // picture's `alt` text says.
    let alts: HashSet<String> = visible
        .select(&super::selector("img[alt]"))
        .filter_map(|img| img.value().attr("alt"))
        .map(caption_key)
        .filter(|k| k.split(' ').count() >= CAPTION_WORDS)
        .collect();
    if !alts.is_empty() {
        blocks.retain_blocks(|block| !alts.contains(&caption_key(block)));
    }
    blocks.drop_repeated(SHORT_WORDS, REPEATED);
    // The writer's bio ends the story: what follows it is the page's (teasers of the writer's
    // other pieces, comments).
    blocks.end_at(is_bio);
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

/// Where trafilatura and Slant's own container agree on most of the story, a short paragraph
/// only trafilatura has, before the story's first paragraph (one both have, or a long one) or
/// after the last one both have, is the page's, not the story's (summary bullets, teasers of
/// other stories, "A version of this article appears in print…") — unless the page gives it
/// the class of the story's own paragraphs (a lede set apart by a picture). Between them it is
/// the story's ("It raised prices. A lot.").
fn drop_short_page_matter(found: &mut Blocks, own: &Blocks, classes: &ParagraphClasses) {
    let own_lines: HashSet<String> = own.clone().lines().collect();
    let long = |block: &str| block.split_whitespace().count() >= SHORT_WORDS;
    let shared = |block: &str| block.split('\n').any(|l| own_lines.contains(l));
    let first = found.span_of(|b| long(b) || shared(b)).map(|(f, _)| f);
    let last = found.span_of(shared).map(|(_, l)| l);
    let (first, last) = first.zip(last).unwrap_or((usize::MAX, 0));
    let story_classes: HashSet<&str> = own_lines
        .iter()
        .filter_map(|l| classes.of_line(l))
        .collect();
    found.retain_placed(|at, block| {
        (first..=last).contains(&at)
            || block.split('\n').any(|l| {
                classes
                    .of_line(l)
                    .is_some_and(|c| story_classes.contains(c))
            })
    });
}

/// The `class` of the `<p>` each line of text stands in, where it has one.
struct ParagraphClasses(HashMap<String, String>);

impl ParagraphClasses {
    fn of(page: &Html) -> ParagraphClasses {
        let mut map = HashMap::new();
        for p in page.select(&super::selector("p[class]")) {
            let class = p.value().attr("class").unwrap_or_default().trim();
            if class.is_empty() {
                continue;
            }
            for line in Blocks::collect(p, |_| false).lines() {
                map.entry(line).or_insert_with(|| class.to_owned());
            }
        }
        ParagraphClasses(map)
    }

    fn of_line(&self, line: &str) -> Option<&str> {
        self.0.get(line).map(String::as_str)
    }
}

/// The fewest words an `alt` text must have to be taken for a caption (not "Photo", "Logo").
const CAPTION_WORDS: usize = 4;

/// A caption's words, lower-cased, without the punctuation that the `alt` text and the shown
/// caption may differ in.
fn caption_key(text: &str) -> String {
    super::headline::words(text).join(" ")
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

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Blocks {
        Blocks::collect(Html::parse_fragment(html).root_element(), |_| false)
    }

    const LONG: &str = "Residents who packed the meeting on Tuesday night said the library on Elm Street was the only warm place many of them could go in the long winter.";

    #[test]
    fn short_paragraphs_between_the_storys_own_stay_and_those_around_it_go() {
        // Trafilatura found the whole story; Slant's own container only its second half.
        let own = blocks(&format!(
            "<p>{LONG} Two.</p><p>Short one.</p><p>{LONG} Three.</p>"
        ));
        let mut found = blocks(&format!(
            "<p>Summary bullet</p><p>{LONG} One.</p><p>Fees went up. A lot.</p>\
             <p>{LONG} Two.</p><p>Short one.</p><p>{LONG} Three.</p><p>Next Article</p>"
        ));
        let page = Html::parse_document("<p class=\"other\">Summary bullet</p>");
        drop_short_page_matter(&mut found, &own, &ParagraphClasses::of(&page));
        let text = found.finish();
        assert!(text.contains("Fees went up. A lot."), "{text}");
        assert!(text.contains(&format!("{LONG} One.")), "{text}");
        assert!(!text.contains("Summary bullet"), "{text}");
        assert!(!text.contains("Next Article"), "{text}");
    }

    #[test]
    fn a_short_lede_with_the_class_of_the_storys_paragraphs_stays() {
        let own = blocks(&format!("<p>{LONG} Two.</p><p>{LONG} Three.</p>"));
        let mut found = blocks(&format!(
            "<p>The sale is a complicated beast.</p><p>{LONG} Two.</p><p>{LONG} Three.</p>"
        ));
        let page = Html::parse_document(&format!(
            "<p class=\"story-body\">The sale is a complicated beast.</p><p class=\"story-body\">{LONG} Two.</p>"
        ));
        drop_short_page_matter(&mut found, &own, &ParagraphClasses::of(&page));
        assert!(found.finish().contains("complicated beast"));
    }

    #[test]
    fn a_short_paragraph_standing_three_times_is_the_pages() {
        let mut found = blocks(&format!(
            "<p>Weather threatens holiday plans</p><p>Weather threatens holiday plans</p>\
             <p>Weather threatens holiday plans</p><p>{LONG}</p><p>“No.”</p><p>“No.”</p>"
        ));
        found.drop_repeated(SHORT_WORDS, REPEATED);
        let text = found.finish();
        assert!(!text.contains("Weather"), "{text}");
        // Said twice, a short line is dialogue.
        assert_eq!(text.matches("“No.”").count(), 2, "{text}");
    }
}
