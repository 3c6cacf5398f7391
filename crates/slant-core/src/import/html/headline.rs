//! The page's headline: which of its titles names the story (JSON-LD, Open Graph, `<title>`,
//! the story's `<h1>`), with the site's name taken off.

use scraper::{ElementRef, Html};

use super::furniture::is_furniture;
use super::metadata::{JsonLd, first_text, meta};
use super::text_of;

/// Separators sites put between the headline and their name in `<title>`.
const TITLE_SEPARATORS: [&str; 9] = [
    " | ", " -- ", " - ", " — ", " – ", " :: ", " » ", " · ", " • ",
];

/// `<title>` as (headline, site), whichever side the site's name is on ("Headline | Site",
/// "Site :: Headline"): the side the page's address or `og:site_name` names is the site's, else
/// the side the story's `<h1>` repeats is the headline, else the shorter side is the site's.
/// Length alone took "Mozilla - Wikipedia" for a page of the site Mozilla.
fn split_title(html: &Html) -> Option<(String, String)> {
    let title = first_text(html, "title")?;
    let (a, b) = TITLE_SEPARATORS.iter().find_map(|sep| {
        title
            .rsplit_once(sep)
            .filter(|(_, site)| site.len() < title.len() / 2)
            .or_else(|| title.split_once(sep))
    })?;
    let (a, b) = (a.trim().to_owned(), b.trim().to_owned());
    let by_length = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let (head, site) = (&by_length.0, &by_length.1);
    let flipped = || (by_length.1.clone(), by_length.0.clone());
    if names_the_site(html, site) != names_the_site(html, head) {
        return Some(if names_the_site(html, head) {
            flipped()
        } else {
            by_length
        });
    }
    let h1s: Vec<Vec<String>> = article_h1s(html).iter().map(|h| words(h)).collect();
    let is_h1 = |side: &str| {
        let own = words(side);
        !own.is_empty() && h1s.contains(&own)
    };
    Some(if is_h1(site) && !is_h1(head) {
        flipped()
    } else {
        by_length
    })
}

/// Whether a side of `<title>` is the site's name as the page gives it elsewhere: its
/// `og:site_name`, or a name of one word its address holds (`Wikipedia` at en.wikipedia.org).
fn names_the_site(html: &Html, side: &str) -> bool {
    let own = words(side);
    if own.is_empty() {
        return false;
    }
    if meta(html, "property", "og:site_name").is_some_and(|name| words(&name) == own) {
        return true;
    }
    let joined: String = own.concat();
    joined.len() >= 4
        && super::metadata::page_host(html)
            .is_some_and(|h| h.split(['.', ':']).any(|label| label == joined))
}

fn title_without_site(html: &Html) -> Option<String> {
    split_title(html)
        .map(|(head, _)| head)
        .or_else(|| first_text(html, "title"))
}

pub(super) fn title_site(html: &Html) -> Option<String> {
    split_title(html)
        .map(|(_, site)| site)
        .filter(|s| s.split_whitespace().count() <= 5)
}

/// The headline: of the page's candidates (JSON-LD, Open Graph, Twitter card, `<h1>`), the
/// first that agrees with `<title>`, which names the article on every page a browser shows
/// in a tab. A section label (`Politics`) in an `<h1>` or a series name in `og:title` does not
/// agree and is passed over. Where none agrees (no title, or a title that is only the site's
/// name), the most explicit candidate.
pub(super) fn headline(html: &Html, ld: &JsonLd) -> Option<String> {
    chosen_headline(html, ld).map(|h| without_authors(&h, html))
}

/// `Headline - Maggie Haberman and Shira Toeplitz`, where the page names them its authors: a
/// dash can end a headline's own words, but not with exactly the writers' names.
fn without_authors(headline: &str, html: &Html) -> String {
    let mut headline = headline.trim();
    if let Some(author) =
        super::metadata::meta(html, "name", "author").filter(|a| a.split_whitespace().count() >= 2)
    {
        for sep in [" - ", " – ", " — ", " | ", " by ", " By "] {
            if let Some(head) = headline.strip_suffix(&format!("{sep}{author}"))
                && !head.trim().is_empty()
            {
                headline = head.trim();
            }
        }
    }
    headline.to_owned()
}

fn chosen_headline(html: &Html, ld: &JsonLd) -> Option<String> {
    let candidates: Vec<String> = [
        ld.string("headline"),
        meta(html, "property", "og:title"),
        meta(html, "name", "twitter:title").or_else(|| meta(html, "property", "twitter:title")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let title = title_without_site(html).map(|t| words(&t));
    if let Some(title) = title.filter(|t| !t.is_empty()) {
        let agrees = |candidate: &String| {
            let own = words(candidate);
            let shared = own.iter().filter(|w| title.contains(w)).count();
            !own.is_empty() && shared * 10 >= own.len() * 6 && shared * 2 >= title.len()
        };
        if let Some(found) = candidates.iter().find(|c| agrees(c)) {
            return Some(without_site(found, html));
        }
    }
    // The story's `<h1>` only where the page names nothing else: among the candidates it lost
    // 9 of the 41 shared pages' headlines to Readability's (which follows `<title>` and Open
    // Graph).
    candidates
        .into_iter()
        .next()
        .map(|c| without_site(&c, html))
        .or_else(|| title_without_site(html))
        .or_else(|| article_h1s(html).into_iter().next())
}

/// How many of the story's first words a headline is checked against.
pub(super) const STORY_START_WORDS: usize = 150;

/// The headline, unless it says nothing of the story: a site's generic title ("Yahoo News -
/// Latest News & Headlines") shares no word with the story's start, and the story's own `<h1>`
/// that shares two is its headline.
/// A headline the page itself shows as an `<h1>`, or too short to judge ("Why I quit"), stays.
pub(super) fn story_headline(headline: String, story_start: &str, html: &Html) -> String {
    let story: std::collections::HashSet<String> = content_words(story_start).collect();
    let own: Vec<String> = content_words(&headline).collect();
    // A title made only of what sites say of themselves ("Latest News & Headlines") says
    // nothing of the story; one too short to judge ("Why I quit") stays.
    let site_words_only = own.is_empty() && words(&headline).iter().any(|w| is_site_word(w));
    if story.is_empty()
        || (own.is_empty() && !site_words_only)
        || own.iter().any(|w| story.contains(w))
    {
        return headline;
    }
    let h1s = article_h1s(html);
    let same = |h1: &String| words(h1) == words(&headline);
    if h1s.iter().any(same) {
        return headline;
    }
    h1s.into_iter()
        .find(|h1| {
            (3..=30).contains(&h1.split_whitespace().count())
                && content_words(h1).filter(|w| story.contains(w)).count() >= 2
        })
        .unwrap_or(headline)
}

/// A text's words of four letters or more, lower-cased, but for the commonest ("with",
/// "from", "have"): enough to tell what it is about.
fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    const COMMON: &[&str] = &[
        "with", "from", "that", "this", "have", "will", "your", "about", "their", "what", "when",
        "were", "been", "they", "them", "than", "then", "into", "more", "most", "over", "some",
        "just", "also", "only", "after", "before", "where", "which", "while", "would", "could",
        "should", "there", "these", "those",
    ];
    words(text)
        .into_iter()
        .filter(|w| w.chars().count() >= 4 && !COMMON.contains(&w.as_str()) && !is_site_word(w))
}

/// What a site's own title says of itself ("Yahoo News - Latest News & Headlines"), which
/// tells nothing of a story.
fn is_site_word(word: &str) -> bool {
    matches!(
        word,
        "news" | "latest" | "headlines" | "breaking" | "today" | "online" | "live" | "updates"
    )
}

/// `Headline - Site` or `Site | Headline` → `Headline`, where `<title>` names the same site;
/// `Headline • Name` → `Headline`, where `<title>` is the headline alone.
fn without_site(headline: &str, html: &Html) -> String {
    if let Some(plain) = title_without_site(html) {
        for sep in TITLE_SEPARATORS {
            if let Some(added) = headline.strip_prefix(&format!("{plain}{sep}"))
                && added.len() < plain.len()
            {
                return plain;
            }
        }
    }
    if let Some((_, site)) = split_title(html) {
        for sep in TITLE_SEPARATORS {
            let head = headline
                .strip_suffix(&format!("{sep}{site}"))
                .or_else(|| headline.strip_prefix(&format!("{site}{sep}")));
            if let Some(head) = head
                && !head.trim().is_empty()
            {
                return head.trim().to_owned();
            }
        }
    }
    without_title_labels(headline, html)
}

/// `Headline | Writer` → `Headline`, where `<title>` shows the writer's name, a section or the
/// site as a part of its own after the headline ("… | Eleanor Ainge Roy | Environment | The
/// Guardian").
fn without_title_labels(headline: &str, html: &Html) -> String {
    let Some(title) = first_text(html, "title") else {
        return headline.to_owned();
    };
    // Not dashes: headlines use them too ("Minecraft 1.8 - The Bountiful Update").
    let Some(sep) = [" | ", " • ", " · ", " :: "]
        .into_iter()
        .find(|sep| title.contains(sep))
    else {
        return headline.to_owned();
    };
    let mut parts: Vec<&str> = title.split(sep).map(str::trim).collect();
    // The longest part is the headline; the others are labels.
    if let Some(longest) = (0..parts.len()).max_by_key(|&i| parts[i].len()) {
        parts.remove(longest);
    }
    let mut head = headline.trim();
    while let Some((rest, last)) = head.rsplit_once(sep)
        && parts.contains(&last.trim())
        && !rest.trim().is_empty()
    {
        head = rest.trim();
    }
    head.to_owned()
}

/// Lower-case words, for comparing headlines.
pub(super) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The `<h1>`s outside page furniture: a site's logo is often an `<h1>` in its header.
/// One walk that carries whether it is inside furniture, not a look up every `<h1>`'s ancestors
/// (a page of 200,000 `<h1>`s 256 deep would look 51 million times).
pub(super) fn article_h1s(html: &Html) -> Vec<String> {
    let mut found = Vec::new();
    // Those inside `<article>` or `<main>` first: a masthead's `<h1>` holds the site's name.
    let mut in_story = Vec::new();
    use ego_tree::iter::Edge;
    let mut inside: Vec<bool> = Vec::new(); // per open element: is it furniture or inside it
    let mut story_depth = 0usize;
    for edge in html.root_element().traverse() {
        match edge {
            Edge::Open(node) => {
                if let Some(el) = ElementRef::wrap(node) {
                    let name = el.value().name();
                    // A headline lives in an `<h1>`, often inside a `<header>`: tags that are
                    // never article *text* still hold the headline.
                    let furniture = inside.last() == Some(&true)
                        || (is_furniture(el) && !matches!(name, "h1" | "header" | "hgroup"));
                    if matches!(name, "article" | "main") {
                        story_depth += 1;
                    }
                    if !furniture && name == "h1" {
                        let text = text_of(el);
                        if !text.is_empty() {
                            if story_depth > 0 {
                                in_story.push(text);
                            } else {
                                found.push(text);
                            }
                        }
                    }
                    inside.push(furniture);
                }
            }
            Edge::Close(node) => {
                if let Some(el) = node.value().as_element() {
                    inside.pop();
                    if matches!(el.name(), "article" | "main") {
                        story_depth = story_depth.saturating_sub(1);
                    }
                }
            }
        }
    }
    in_story.extend(found);
    in_story
}
