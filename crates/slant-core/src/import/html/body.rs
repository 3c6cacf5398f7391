//! The article's container and its text: the element holding the most paragraph text (or the
//! nearest common container of several), walked into one line per paragraph, heading or list
//! item, with `<br>` kept as line breaks.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use jiff::civil::Date;
use scraper::{ElementRef, Html, Node};

use super::furniture::{is_furniture, is_skipped_tag};
use super::metadata::{date_line, dateline_date, is_byline_line};
use super::{selector, squash};

/// The element holding the article's paragraphs.
/// `holders` are elements kept although their class words name furniture (see
/// [`super::clean`]).
pub(super) fn body_root<'a>(html: &'a Html, holders: &HashSet<NodeId>) -> Option<ElementRef<'a>> {
    // A `<meta itemprop="articleBody" content="…">` holds a summary at most, not the body.
    if let Some(el) = html
        .select(&selector("[itemprop~=articleBody]"))
        .find(|el| el.value().name() != "meta" && el.text().any(|t| !t.trim().is_empty()))
    {
        return Some(el);
    }
    // Text outside page furniture, credited to the block that holds it; a paragraph's text is
    // credited to the paragraph's container. Walked without recursion: pages nest deeply.
    struct Open {
        furniture: bool,
        credit: Option<NodeId>,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut scores: HashMap<NodeId, usize> = HashMap::new();
    for edge in html.root_element().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let parent = stack.last();
                    let furniture = parent.is_some_and(|p| p.furniture)
                        || (!holders.contains(&node.id())
                            && ElementRef::wrap(node).is_some_and(is_furniture));
                    let inherited = parent.and_then(|p| p.credit);
                    let credit = match e.name() {
                        "p" => inherited,
                        name if is_block(name) || name == "body" => Some(node.id()),
                        _ => inherited,
                    };
                    stack.push(Open { furniture, credit });
                }
                Node::Text(t) => {
                    if let Some(open) = stack.last()
                        && !open.furniture
                        && let Some(credit) = open.credit
                    {
                        *scores.entry(credit).or_default() += t.trim().len();
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().is_element() {
                    stack.pop();
                }
            }
        }
    }
    let best = scores.values().copied().max().filter(|&b| b > 0)?;
    // Bodies split over several containers (one per few paragraphs) share an ancestor.
    let mut strong: Vec<NodeId> = scores
        .iter()
        .filter(|&(_, &n)| n * 10 >= best * 3)
        .map(|(&id, _)| id)
        .collect();
    strong.sort();
    let mut strong = strong
        .into_iter()
        .filter_map(|id| html.tree.get(id).and_then(ElementRef::wrap));
    let first = strong.next()?;
    Some(strong.fold(first, common_ancestor))
}

/// Time linear in the depth: a set, not a list, of `a`'s ancestors (a page nested a few hundred
/// deep with thousands of paragraphs took seconds).
fn common_ancestor<'a>(a: ElementRef<'a>, b: ElementRef<'a>) -> ElementRef<'a> {
    let chain: std::collections::HashSet<NodeId> = std::iter::once(*a)
        .chain(a.ancestors())
        .map(|n| n.id())
        .collect();
    std::iter::once(*b)
        .chain(b.ancestors())
        .find(|n| chain.contains(&n.id()))
        .and_then(ElementRef::wrap)
        .unwrap_or(a)
}

/// Elements that start a new block of text; everything else flows inline.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "dl"
            | "dt"
            | "dd"
            | "hr"
            | "address"
    )
}

/// What the lines above a story said, on pages with no markup for it.
#[derive(Default)]
pub(super) struct Lead {
    pub(super) byline: Option<String>,
    pub(super) published: Option<Date>,
}

/// The article text as blocks (paragraphs, headings, list items), each one line.
#[derive(Clone, Default)]
pub(super) struct Blocks {
    blocks: Vec<String>,
    current: String,
}

impl Blocks {
    /// The blocks under `root`, without recursion (pages nest deeply).
    /// `skip` says which elements are page furniture.
    pub(super) fn collect(root: ElementRef, skip: impl Fn(ElementRef) -> bool) -> Blocks {
        let mut blocks = Blocks::default();
        let mut skipping = 0usize; // how deep inside page furniture
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) if node.id() != root.id() => match node.value() {
                    Node::Element(e) => {
                        if skipping > 0 {
                            skipping += 1;
                            continue;
                        }
                        let name = e.name();
                        if ElementRef::wrap(node).is_some_and(&skip) {
                            if is_block(name) || is_skipped_tag(name) {
                                blocks.flush();
                            }
                            skipping = 1;
                        } else if name == "br" {
                            blocks.current.push('\n');
                        } else if is_block(name) {
                            blocks.flush();
                            if name == "li" {
                                blocks.current.push_str("• ");
                            }
                        }
                    }
                    // Line ends in the source are spaces; only `<br>` and blocks break lines.
                    Node::Text(t) if skipping == 0 => blocks
                        .current
                        .extend(t.chars().map(|c| if c.is_whitespace() { ' ' } else { c })),
                    _ => {}
                },
                Edge::Close(node) if node.id() != root.id() => {
                    if let Node::Element(e) = node.value() {
                        if skipping > 0 {
                            skipping -= 1;
                        } else if is_block(e.name()) {
                            blocks.flush();
                        }
                    }
                }
                _ => {}
            }
        }
        blocks
    }

    /// The lines of every block.
    pub(super) fn lines(mut self) -> impl Iterator<Item = String> {
        self.flush();
        self.blocks
            .into_iter()
            .flat_map(|b| b.split('\n').map(str::to_owned).collect::<Vec<_>>())
    }

    /// Keeps the blocks with a line for which `keep` holds.
    pub(super) fn retain_lines(&mut self, keep: impl Fn(&str) -> bool) {
        self.retain_blocks(|b| b.split('\n').any(&keep));
    }

    /// Keeps the blocks for which `keep` holds.
    pub(super) fn retain_blocks(&mut self, keep: impl Fn(&str) -> bool) {
        self.flush();
        self.blocks.retain(|b| keep(b));
    }

    /// Keeps the blocks for which `keep` holds, told their place among the blocks.
    pub(super) fn retain_placed(&mut self, keep: impl Fn(usize, &str) -> bool) {
        self.flush();
        let mut at = 0;
        self.blocks.retain(|b| {
            at += 1;
            keep(at - 1, b)
        });
    }

    /// Where the blocks for which `found` holds begin and end, by index.
    pub(super) fn span_of(&mut self, found: impl Fn(&str) -> bool) -> Option<(usize, usize)> {
        self.flush();
        let first = self.blocks.iter().position(|b| found(b))?;
        let last = self.blocks.iter().rposition(|b| found(b))?;
        Some((first, last))
    }

    /// Drops every run of at least `min_run` blocks in a row for which `drop` holds.
    pub(super) fn drop_runs(&mut self, min_run: usize, drop: impl Fn(&str) -> bool) {
        self.flush();
        let marked: Vec<bool> = self.blocks.iter().map(|b| drop(b)).collect();
        let mut keep = vec![true; marked.len()];
        let mut i = 0;
        while i < marked.len() {
            let start = i;
            while i < marked.len() && marked[i] {
                i += 1;
            }
            if i - start >= min_run {
                keep[start..i].fill(false);
            }
            i = i.max(start + 1);
        }
        let mut keep = keep.into_iter();
        self.blocks.retain(|_| keep.next().unwrap_or(true));
    }

    /// Ends the text at the first block for which `ends` holds where what follows it is short
    /// beside what stands before (under a third of the words): that block and the ones after
    /// it go.
    pub(super) fn end_at(&mut self, ends: impl Fn(&str) -> bool) {
        self.flush();
        let words: Vec<usize> = self
            .blocks
            .iter()
            .map(|b| b.split_whitespace().count())
            .collect();
        let total: usize = words.iter().sum();
        let mut before = 0;
        for (at, block) in self.blocks.iter().enumerate() {
            let after = total - before - words[at];
            if after * 3 < before && ends(block) {
                self.blocks.truncate(at);
                return;
            }
            before += words[at];
        }
    }

    /// Drops every short block (under `short` words) that stands `times` times or more: a
    /// video's or a teaser's title repeated under each picture, never a paragraph of a story.
    pub(super) fn drop_repeated(&mut self, short: usize, times: usize) {
        self.flush();
        let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for b in &self.blocks {
            *counts.entry(b.as_str()).or_default() += 1;
        }
        let repeated: std::collections::HashSet<String> = counts
            .into_iter()
            .filter(|&(b, n)| n >= times && b.split_whitespace().count() < short)
            .map(|(b, _)| b.to_owned())
            .collect();
        self.blocks.retain(|b| !repeated.contains(b));
    }

    pub(super) fn word_count(&self) -> usize {
        self.blocks
            .iter()
            .chain([&self.current])
            .map(|b| b.split_whitespace().count())
            .sum()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.blocks.is_empty() && self.current.trim().is_empty()
    }

    /// Ends the current block; `<br>` breaks inside it stay as line breaks, two in a row as a
    /// paragraph break.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.current);
        for para in text.split("\n\n") {
            let lines: Vec<String> = para
                .split('\n')
                .map(squash)
                .filter(|l| !l.is_empty())
                .collect();
            if !lines.is_empty() && lines.iter().any(|l| l != "•") {
                self.blocks.push(lines.join("\n"));
            }
        }
    }

    /// Takes the byline and date lines from the top of the text, where pages with no markup
    /// for them print them, and drops a first line that repeats `headline`.
    pub(super) fn take_lead(&mut self, headline: Option<&str>) -> Lead {
        self.flush();
        let mut lead = Lead::default();
        let mut first = true;
        let mut consumed = 0;
        let mut rest = None;
        'blocks: for block in self.blocks.iter().take(3) {
            let lines: Vec<&str> = block.lines().collect();
            for (j, line) in lines.iter().enumerate() {
                let repeats_headline = first
                    && headline.is_some_and(|h| squash(line).eq_ignore_ascii_case(&squash(h)));
                first = false;
                if repeats_headline {
                    continue;
                }
                if lead.byline.is_none() && is_byline_line(line) {
                    lead.byline = Some(line.to_string());
                } else if let (None, Some(date)) = (lead.published, date_line(line)) {
                    lead.published = Some(date);
                } else {
                    // The story's first line may open with its date ("April 17, 2015 -- …").
                    if lead.published.is_none() {
                        lead.published = dateline_date(line);
                    }
                    if j > 0 {
                        rest = Some(lines[j..].join("\n"));
                    }
                    break 'blocks;
                }
            }
            consumed += 1;
        }
        self.blocks.drain(..consumed);
        if let Some(rest) = rest {
            self.blocks[0] = rest;
        }
        lead
    }

    pub(super) fn finish(mut self) -> String {
        self.flush();
        let mut out = String::new();
        for (i, block) in self.blocks.iter().enumerate() {
            let list_item = block.starts_with("• ");
            let prev_list_item = i > 0 && self.blocks[i - 1].starts_with("• ");
            if i > 0 {
                out.push_str(if list_item && prev_list_item {
                    "\n"
                } else {
                    "\n\n"
                });
            }
            out.push_str(block);
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }
}
