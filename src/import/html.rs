//! Saved web pages (`.html`): the article a reader sees, without the page around it.
//!
//! News pages carry their metadata in several overlapping ways (Open Graph `<meta>` tags,
//! schema.org JSON-LD, microdata, plain `<h1>`/`<time>`/`.byline` markup), so each field is taken
//! from the first source that has it, most explicit first. The body is the element that holds
//! the article's paragraphs (schema.org `articleBody`, else the nearest common ancestor of the
//! elements with the most paragraph text); navigation, headers, footers, asides, figures,
//! scripts, forms and anything whose class or id names an ad, a promo, a newsletter box, related
//! links, sharing buttons or comments are dropped on the way.

use jiff::civil::Date;
use std::collections::HashMap;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

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

/// Reads a page. Never fails: a page without an article gives an empty body, which import
/// reports as an empty file.
pub fn extract(source: &str) -> Page {
    let html = Html::parse_document(source);
    let ld = JsonLd::of(&html);
    let root = body_root(&html);
    let mut blocks = root.map(Blocks::collect).unwrap_or_default();
    let headline = ld
        .string("headline")
        .or_else(|| article_h1(&html))
        .or_else(|| meta(&html, "property", "og:title"))
        .or_else(|| title_without_site(&html));
    let outlet = meta(&html, "property", "og:site_name")
        .or_else(|| ld.publisher())
        .or_else(|| meta(&html, "name", "application-name"))
        .or_else(|| title_site(&html));
    // Old pages without markup put the headline, byline and date as lines above the story.
    let lead = blocks.take_lead(headline.as_deref());
    let byline = ld
        .authors()
        .or_else(|| meta(&html, "name", "author"))
        .or_else(|| first_text(&html, "[itemprop~=author] [itemprop~=name]"))
        .or_else(|| first_text(&html, "[rel~=author]"))
        .or_else(|| first_text(&html, "[itemprop~=author]"))
        .or_else(|| byline_element(&html))
        .or(lead.byline)
        .map(|b| strip_by(&b))
        .filter(|b| !b.is_empty());
    let published = [
        meta(&html, "property", "article:published_time"),
        ld.string("datePublished"),
        meta(&html, "itemprop", "datePublished"),
        meta(&html, "name", "date"),
        meta(&html, "name", "pubdate"),
        meta(&html, "name", "dc.date"),
        first_attr(&html, "time[datetime]", "datetime"),
    ]
    .into_iter()
    .flatten()
    .find_map(|d| parse_date(&d))
    .or(lead.published);
    let url = first_attr(&html, "link[rel~=canonical]", "href")
        .or_else(|| meta(&html, "property", "og:url"));
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

fn first_text(html: &Html, css: &str) -> Option<String> {
    html.select(&selector(css))
        .map(text_of)
        .find(|t| !t.is_empty())
}

fn first_attr(html: &Html, css: &str, attr: &str) -> Option<String> {
    html.select(&selector(css))
        .filter_map(|e| e.value().attr(attr))
        .map(squash)
        .find(|t| !t.is_empty())
}

/// `<meta {key}="{name}" content="...">`, matching the name without regard to case.
fn meta(html: &Html, key: &str, name: &str) -> Option<String> {
    html.select(&selector("meta[content]"))
        .filter(|m| {
            m.value()
                .attr(key)
                .is_some_and(|v| v.eq_ignore_ascii_case(name))
        })
        .filter_map(|m| m.value().attr("content"))
        .map(squash)
        .find(|t| !t.is_empty())
}

/// Separators sites put between the headline and their name in `<title>`.
const TITLE_SEPARATORS: [&str; 6] = [" | ", " - ", " — ", " – ", " :: ", " » "];

/// `<title>` as (headline, site): the site's name is the shorter side, whichever side it is on
/// ("Headline | Site", "Site :: Headline").
fn split_title(html: &Html) -> Option<(String, String)> {
    let title = first_text(html, "title")?;
    let (a, b) = TITLE_SEPARATORS.iter().find_map(|sep| {
        title
            .rsplit_once(sep)
            .filter(|(_, site)| site.len() < title.len() / 2)
            .or_else(|| title.split_once(sep))
    })?;
    let (a, b) = (a.trim().to_owned(), b.trim().to_owned());
    Some(if a.len() >= b.len() { (a, b) } else { (b, a) })
}

fn title_without_site(html: &Html) -> Option<String> {
    split_title(html)
        .map(|(head, _)| head)
        .or_else(|| first_text(html, "title"))
}

fn title_site(html: &Html) -> Option<String> {
    split_title(html)
        .map(|(_, site)| site)
        .filter(|s| s.split_whitespace().count() <= 5)
}

/// The first `<h1>` outside page furniture: a site's logo is often an `<h1>` in its header.
fn article_h1(html: &Html) -> Option<String> {
    html.select(&selector("h1"))
        .filter(|h| !h.ancestors().filter_map(ElementRef::wrap).any(is_furniture))
        .map(text_of)
        .find(|t| !t.is_empty())
}

/// The text of the first element whose class names it a byline.
fn byline_element(html: &Html) -> Option<String> {
    html.select(&selector("[class]"))
        .filter(|e| {
            class_tokens(e.value().attr("class").unwrap_or_default())
                .any(|t| t == "byline" || t == "author")
        })
        .map(text_of)
        .find(|t| !t.is_empty() && t.split_whitespace().count() <= 20)
}

/// A line that is only a byline: "By Jane Doe, staff writer".
fn is_byline_line(line: &str) -> bool {
    let words = line.split_whitespace().count();
    ["By ", "BY "].iter().any(|p| {
        line.strip_prefix(p)
            .is_some_and(|r| r.starts_with(char::is_uppercase))
    }) && words <= 12
}

/// A line that is only a date: "Thursday, March 6, 2003", "6 March 2003", "March 6, 2003".
fn date_line(line: &str) -> Option<Date> {
    let line = line.trim().trim_end_matches('.');
    let without_weekday =
        line.split_once(", ").map_or(
            line,
            |(first, rest)| {
                if first.ends_with("day") { rest } else { line }
            },
        );
    [
        "%B %d, %Y",
        "%d %B %Y",
        "%b %d, %Y",
        "%d %b %Y",
        "%b. %d, %Y",
    ]
    .iter()
    .find_map(|f| Date::strptime(f, without_weekday).ok())
}

/// "By Jane Doe" → "Jane Doe".
fn strip_by(byline: &str) -> String {
    let b = byline.trim();
    for prefix in ["By ", "by ", "BY "] {
        if let Some(rest) = b.strip_prefix(prefix) {
            return rest.trim().to_owned();
        }
    }
    b.to_owned()
}

/// The date at the start of an ISO 8601 date or date-time (`2025-12-29T14:03:00Z`).
fn parse_date(value: &str) -> Option<Date> {
    value.get(..10)?.parse().ok()
}

/// The schema.org article object among a page's JSON-LD blocks, if any.
struct JsonLd(Option<Value>);

impl JsonLd {
    fn of(html: &Html) -> JsonLd {
        let found = html
            .select(&selector(r#"script[type="application/ld+json"]"#))
            .filter_map(|s| serde_json::from_str::<Value>(&s.text().collect::<String>()).ok())
            .find_map(|v| find_article(&v).cloned());
        JsonLd(found)
    }

    fn string(&self, key: &str) -> Option<String> {
        self.0
            .as_ref()?
            .get(key)?
            .as_str()
            .map(squash)
            .filter(|s| !s.is_empty())
    }

    fn publisher(&self) -> Option<String> {
        name_of(self.0.as_ref()?.get("publisher")?)
    }

    /// Authors joined as a byline reads: "A", "A and B", "A, B and C".
    fn authors(&self) -> Option<String> {
        let names: Vec<String> = match self.0.as_ref()?.get("author")? {
            Value::Array(items) => items.iter().filter_map(name_of).collect(),
            one => name_of(one).into_iter().collect(),
        };
        match names.as_slice() {
            [] => None,
            [one] => Some(one.clone()),
            [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
        }
    }
}

fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(squash(s)),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(squash),
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

/// Schema.org types of news and blog articles.
fn is_article_type(t: &Value) -> bool {
    let named = |s: &str| {
        matches!(
            s,
            "NewsArticle"
                | "Article"
                | "ReportageNews"
                | "AnalysisNewsArticle"
                | "OpinionNewsArticle"
                | "BlogPosting"
                | "Report"
        )
    };
    match t {
        Value::String(s) => named(s),
        Value::Array(a) => a.iter().filter_map(Value::as_str).any(named),
        _ => false,
    }
}

fn find_article(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(o) => {
            if o.get("@type").is_some_and(is_article_type) {
                Some(v)
            } else {
                o.get("@graph").and_then(find_article)
            }
        }
        _ => None,
    }
}

/// Elements that are never article text.
fn is_skipped_tag(name: &str) -> bool {
    matches!(
        name,
        "nav"
            | "header"
            | "footer"
            | "aside"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "form"
            | "button"
            | "select"
            | "input"
            | "textarea"
            | "iframe"
            | "svg"
            | "canvas"
            | "figure"
            | "figcaption"
            | "video"
            | "audio"
            | "h1"
            | "time"
    )
}

/// Words in a class or id that mark page furniture rather than article text.
fn is_furniture_word(word: &str) -> bool {
    matches!(
        word,
        "ad" | "ads"
            | "advert"
            | "advertisement"
            | "adslot"
            | "sponsor"
            | "sponsored"
            | "promo"
            | "promotion"
            | "newsletter"
            | "signup"
            | "subscribe"
            | "subscription"
            | "paywall"
            | "related"
            | "recirc"
            | "recommended"
            | "popular"
            | "trending"
            | "share"
            | "sharing"
            | "social"
            | "comment"
            | "comments"
            | "byline"
            | "author"
            | "dateline"
            | "timestamp"
            | "caption"
            | "credit"
            | "breadcrumb"
            | "breadcrumbs"
            | "tags"
            | "sidebar"
            | "menu"
            | "nav"
            | "navigation"
            | "footer"
            | "header"
            | "masthead"
            | "cookie"
            | "cookies"
            | "consent"
            | "outbrain"
            | "taboola"
            | "skip"
            | "sronly"
            | "visuallyhidden"
    )
}

/// Beginnings of class names that mark furniture whatever follows (`relatedposts`,
/// `sharedaddy`, `advertorial`). Only roots that no article wrapper starts with: not `comment`
/// (`commentary`) nor `subscri` (`subscriber-content`).
const FURNITURE_PREFIXES: [&str; 8] = [
    "related",
    "advert",
    "sponsor",
    "newsletter",
    "promo",
    "social",
    "share",
    "cookie",
];

fn is_furniture_token(token: &str) -> bool {
    is_furniture_word(token) || FURNITURE_PREFIXES.iter().any(|p| token.starts_with(p))
}

/// `"article-body ad_slot sr-only"` → article, body, ad, slot, sr, only, and the joined
/// forms (`adslot`, `sronly`) for names written as one word. Whole words only, so utility
/// classes (`overflow-hidden`, `headline`) do not hide an article.
fn class_tokens(value: &str) -> impl Iterator<Item = String> + '_ {
    value.split_whitespace().flat_map(|class| {
        let lower = class.to_ascii_lowercase();
        let mut tokens: Vec<String> = lower
            .split(['-', '_', ':'])
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        tokens.push(lower.replace(['-', '_', ':'], ""));
        tokens.extend(split_camel(class));
        tokens
    })
}

/// `relatedLinks` → related, links.
fn split_camel(class: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in class.chars() {
        if c.is_uppercase() && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        if c.is_alphanumeric() {
            cur.push(c.to_ascii_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Page furniture: skipped tags, hidden elements, landmark roles that are not the article, and
/// class or id words from [`is_furniture_word`].
fn is_furniture(el: ElementRef) -> bool {
    let v = el.value();
    if is_skipped_tag(v.name()) || v.attr("hidden").is_some() {
        return true;
    }
    if v.attr("aria-hidden").is_some_and(|a| a == "true") {
        return true;
    }
    if v.attr("role").is_some_and(|r| {
        matches!(
            r,
            "navigation" | "banner" | "contentinfo" | "complementary" | "search" | "dialog"
        )
    }) {
        return true;
    }
    let names = [v.attr("class"), v.attr("id")];
    names
        .into_iter()
        .flatten()
        .any(|n| class_tokens(n).any(|t| is_furniture_token(&t)))
}

/// The element holding the article's paragraphs.
fn body_root(html: &Html) -> Option<ElementRef<'_>> {
    if let Some(el) = html.select(&selector("[itemprop~=articleBody]")).next() {
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
                        || ElementRef::wrap(node).is_some_and(is_furniture);
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

fn common_ancestor<'a>(a: ElementRef<'a>, b: ElementRef<'a>) -> ElementRef<'a> {
    let chain: Vec<_> = std::iter::once(*a)
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
struct Lead {
    byline: Option<String>,
    published: Option<Date>,
}

/// The article text as blocks (paragraphs, headings, list items), each one line.
#[derive(Default)]
struct Blocks {
    blocks: Vec<String>,
    current: String,
}

impl Blocks {
    /// The blocks under `root`, without recursion (pages nest deeply).
    fn collect(root: ElementRef) -> Blocks {
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
                        if ElementRef::wrap(node).is_some_and(is_furniture) {
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
    fn take_lead(&mut self, headline: Option<&str>) -> Lead {
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

    fn finish(mut self) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words_split_on_dashes_underscores_and_camel_case() {
        let words: Vec<String> = class_tokens("article-body ad_slot relatedLinks").collect();
        for w in [
            "article", "body", "ad", "slot", "adslot", "related", "links",
        ] {
            assert!(words.iter().any(|t| t == w), "{w} in {words:?}");
        }
        for name in [
            "headline",
            "loaded-badge",
            "commentary-body",
            "subscriber-content",
            "overflow-hidden",
        ] {
            assert!(
                !class_tokens(name).any(|t| is_furniture_token(&t)),
                "{name}"
            );
        }
        for name in [
            "jp-relatedposts",
            "sharedaddy",
            "ad-slot",
            "NewsletterSignup",
            "mpu adHolder",
        ] {
            assert!(class_tokens(name).any(|t| is_furniture_token(&t)), "{name}");
        }
    }

    #[test]
    fn a_bare_page_still_gives_its_paragraphs() {
        let page = extract("<p>One sentence here.</p><p>Another one.</p>");
        assert_eq!(page.body, "One sentence here.\n\nAnother one.\n");
        assert_eq!(page.headline, None);
    }

    #[test]
    fn line_breaks_in_a_div_become_lines_and_paragraphs() {
        let page = extract(
            "<body><div>First line of text goes on<br>and on.<br><br>Second paragraph here.</div></body>",
        );
        assert_eq!(
            page.body,
            "First line of text goes on\nand on.\n\nSecond paragraph here.\n"
        );
    }

    #[test]
    fn dates_come_from_iso_values() {
        assert_eq!(
            parse_date("2025-12-29T14:03:00Z"),
            Some(Date::constant(2025, 12, 29))
        );
        assert_eq!(parse_date("Dec 29"), None);
    }
}
