//! The page with its furniture taken out, before the body extractor reads it: hidden elements
//! (a reader never sees them), and menus, ads, share bars, related links and the like (see
//! [`super::furniture`]).
//!
//! A class word only removes an element that does not hold the article: real pages put words
//! like `paywall`, `adsense` or `js-social-share` on `<html>`, `<body>`, `<main>` or a page-wide
//! wrapper, and removing those would remove the story with them. So an element holding at least
//! half of the page's paragraph text, or the page's `articleBody` or an element around it, is
//! kept whatever its class.
//! So are paragraphs that share one class and together hold half of it: Condé Nast pages (Wired,
//! The New Yorker) mark every paragraph after the first `<p class="paywall">`, meaning the text
//! a subscriber reads, not a banner.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::furniture::{is_furniture, is_hidden};

/// What [`remove`] takes out.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Remove {
    /// Only what a reader never sees.
    Hidden,
    /// That, and page furniture.
    HiddenAndFurniture,
}

/// Removes hidden elements and page furniture from `html` in place. Returns the elements kept
/// because they hold the article although their class words name furniture: later passes must
/// not drop them either.
pub(super) fn remove(html: &mut Html, what: Remove) -> HashSet<NodeId> {
    let paragraph_text = paragraph_text_under(html);
    let total = paragraph_text.get(&html.root_element().id()).copied();
    let by_class = paragraph_text_by_class(html, &paragraph_text);
    let around_body = around_article_body(html);
    let holds_article = |el: ElementRef| {
        let under = paragraph_text.get(&el.id()).copied().unwrap_or(0);
        let shared = el
            .value()
            .attr("class")
            .filter(|_| el.value().name() == "p")
            .and_then(|class| by_class.get(class))
            .copied()
            .unwrap_or(0);
        total.is_some_and(|t| t > 0 && under.max(shared) * 2 >= t)
            || around_body.contains(&el.id())
            || matches!(el.value().name(), "html" | "body")
    };
    let mut doomed: Vec<NodeId> = Vec::new();
    let mut holders = HashSet::new();
    let mut traverse = html.root_element().traverse();
    while let Some(edge) = traverse.next() {
        let Edge::Open(node) = edge else { continue };
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        // A page hidden until its scripts run (`<body style="visibility:hidden">`) still holds
        // the article; any other hidden element goes, however much text it holds.
        let hidden = is_hidden(el) && !matches!(el.value().name(), "html" | "body");
        let furniture = what == Remove::HiddenAndFurniture && is_furniture(el);
        if !(hidden || furniture) {
            continue;
        }
        if !hidden && holds_article(el) {
            holders.insert(node.id());
            continue;
        }
        doomed.push(node.id());
        // Skip the subtree: it goes with its root.
        for inner in traverse.by_ref() {
            if let Edge::Close(closed) = inner
                && closed.id() == node.id()
            {
                break;
            }
        }
    }
    for id in doomed {
        if let Some(mut node) = html.tree.get_mut(id) {
            node.detach();
        }
    }
    holders
}

/// The page's `articleBody` elements (never a `<meta>` summary) and every element around
/// them: WordPress marks a post `<article class="post author-sarah tag-jobs">`, and the story
/// inside must not go with a class word meant for an author box.
fn around_article_body(html: &Html) -> HashSet<NodeId> {
    let mut ids = HashSet::new();
    for node in html.root_element().descendants() {
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        let body = el.value().name() != "meta"
            && el
                .value()
                .attr("itemprop")
                .is_some_and(|p| p.split_whitespace().any(|w| w == "articleBody"));
        if body {
            ids.insert(node.id());
            ids.extend(node.ancestors().map(|a| a.id()));
        }
    }
    ids
}

/// Characters of paragraph text in all `<p>` elements with the same `class` attribute.
fn paragraph_text_by_class<'a>(
    html: &'a Html,
    paragraph_text: &HashMap<NodeId, usize>,
) -> HashMap<&'a str, usize> {
    let mut by_class: HashMap<&str, usize> = HashMap::new();
    for node in html.root_element().descendants() {
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        if el.value().name() != "p" {
            continue;
        }
        if let Some(class) = el.value().attr("class") {
            *by_class.entry(class).or_default() +=
                paragraph_text.get(&node.id()).copied().unwrap_or(0);
        }
    }
    by_class
}

/// Characters of text inside `<p>` elements under each element. Walked without recursion.
fn paragraph_text_under(html: &Html) -> HashMap<NodeId, usize> {
    let mut totals: HashMap<NodeId, usize> = HashMap::new();
    let mut open: Vec<(NodeId, bool)> = Vec::new(); // (element, inside a <p>)
    for edge in html.root_element().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let inside = open.last().is_some_and(|&(_, p)| p) || e.name() == "p";
                    open.push((node.id(), inside));
                }
                Node::Text(t) if open.last().is_some_and(|&(_, p)| p) => {
                    let n = t.trim().len();
                    for &(id, _) in &open {
                        *totals.entry(id).or_default() += n;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().is_element() {
                    open.pop();
                }
            }
        }
    }
    totals
}
