//! Page furniture: what a news page holds besides the article (menus, ads, share buttons,
//! related links, newsletter boxes, comments, cookie banners), told apart by tag, landmark role,
//! hidden state, and the words in class names and ids.

use scraper::ElementRef;

/// Elements that are never article text.
pub(super) fn is_skipped_tag(name: &str) -> bool {
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
            // The section label set above a headline (Quanta's "chaos theory" link, glued to
            // the headline as one sentence).
            | "kicker"
            | "eyebrow"
            | "sidebar"
            | "menu"
            | "nav"
            | "navigation"
            | "footer"
            | "header"
            | "masthead"
            | "calendar"
            | "cookie"
            | "cookies"
            | "consent"
            | "chart"
            | "charts"
            | "infographic"
            | "datawrapper"
            | "outbrain"
            | "taboola"
            | "teads"
            | "inread"
            | "adsense"
            | "doubleclick"
            | "video"
            | "playlist"
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
pub(super) fn class_tokens(value: &str) -> impl Iterator<Item = String> + '_ {
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
pub(super) fn is_furniture(el: ElementRef) -> bool {
    let v = el.value();
    if is_skipped_tag(v.name()) || is_hidden(el) {
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
    let id = v.attr("id").filter(|id| !is_heading_anchor(id));
    [v.attr("class"), id].into_iter().flatten().any(|n| {
        n.split_whitespace().any(|class| {
            class_tokens(class).any(|t| is_furniture_token(&t)) && !holds_content(class)
        })
    })
}

/// A name for a layout that holds the story beside some furniture, not for the furniture:
/// `contentWithSidebar`, `page-with-sidebar`, `has-sidebar` (ebb.org's post and its `<h1>`
/// sit in `contentWithSidebar`). Not `share-with-friends`, which is a widget.
fn holds_content(class: &str) -> bool {
    let parts: Vec<String> = class.split(['-', '_', ':']).flat_map(split_camel).collect();
    parts.iter().enumerate().any(|(i, part)| {
        let before = i.checked_sub(1).map(|b| parts[b].as_str());
        match part.as_str() {
            "has" => i == 0,
            "with" => before.is_none_or(|b| {
                matches!(
                    b,
                    "content"
                        | "main"
                        | "page"
                        | "layout"
                        | "body"
                        | "article"
                        | "post"
                        | "story"
                        | "container"
                        | "wrapper"
                        | "wrap"
                )
            }),
            _ => false,
        }
    })
}

/// An id made from a heading's words, as documentation and wiki pages give their sections
/// (`sharing-with-a-single-developer`, `Comments_on_the_draft`): the heading's text, not a name
/// for what the element is. Told by a small word among three or more.
pub(super) fn is_heading_anchor(id: &str) -> bool {
    let words: Vec<String> = id
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.len() >= 3
        && words.iter().any(|w| {
            matches!(
                w.as_str(),
                "a" | "an"
                    | "the"
                    | "of"
                    | "on"
                    | "in"
                    | "with"
                    | "to"
                    | "for"
                    | "and"
                    | "how"
                    | "why"
                    | "what"
                    | "is"
                    | "are"
            )
        })
}

/// Hidden from readers: the `hidden` attribute, `aria-hidden="true"`, or an inline style of
/// `display: none` or `visibility: hidden` (pages keep alternate versions and templates so);
/// and `<noscript>` and `<template>`, which a browser running scripts never shows (their markup
/// reaches an extractor as text: `<picture><source srcset=…>`).
pub(super) fn is_hidden(el: ElementRef) -> bool {
    let v = el.value();
    if v.attr("hidden").is_some()
        || v.attr("aria-hidden").is_some_and(|a| a == "true")
        || matches!(v.name(), "noscript" | "template")
    {
        return true;
    }
    v.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_layout_with_a_sidebar_holds_the_story() {
        for name in [
            "contentWithSidebar",
            "page-with-sidebar",
            "has-sidebar",
            "with_nav",
        ] {
            assert!(holds_content(name), "{name}");
        }
        for name in ["share-with-friends", "sidebar", "hashtags", "withdrawn-ad"] {
            assert!(!holds_content(name), "{name}");
        }
    }

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
        for anchor in [
            "sharing-with-a-single-developer",
            "Comments_on_the_draft",
            "why-related-work-matters",
        ] {
            assert!(is_heading_anchor(anchor), "{anchor}");
        }
        for id in [
            "social-share-bar",
            "related-posts",
            "comments",
            "share-this",
        ] {
            assert!(!is_heading_anchor(id), "{id}");
        }
        for name in [
            "jp-relatedposts",
            "sharedaddy",
            "ad-slot",
            "NewsletterSignup",
            "mpu adHolder",
            "teads-inread",
        ] {
            assert!(class_tokens(name).any(|t| is_furniture_token(&t)), "{name}");
        }
    }
}
