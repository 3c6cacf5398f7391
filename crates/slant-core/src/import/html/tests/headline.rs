//! Which line of a page is the story's headline, and which part of its title is the site.

use super::super::*;
use super::STORY;

#[test]
fn the_headline_is_the_storys_h1_even_inside_a_header_and_without_a_title() {
    let page = extract(&format!(
        "<html><body><header class=\"masthead\"><h1>Daily Bugle</h1></header><article><header><h1>Council closes the Elm Street library</h1></header>{STORY}</article></body></html>"
    ));
    assert_eq!(
        page.headline.as_deref(),
        Some("Council closes the Elm Street library")
    );
}

#[test]
fn a_site_title_that_says_nothing_of_the_story_gives_way_to_the_storys_h1() {
    let page = extract(&format!(
        "<title>Daily Bugle - Latest News &amp; Headlines</title>\
         <meta property=\"og:title\" content=\"Daily Bugle - Latest News &amp; Headlines\">\
         <article><h1>Council closes the Elm Street library</h1>{STORY}</article>"
    ));
    assert_eq!(
        page.headline.as_deref(),
        Some("Council closes the Elm Street library")
    );
    // … even where the story speaks of the news.
    let page = extract(&format!(
        "<title>Daily Bugle - Latest News &amp; Headlines</title>\
         <article><h1>Council closes the Elm Street library</h1>\
         <p>The news reached residents on Tuesday: the council will close the library on Elm Street after ninety years.</p>{STORY}</article>"
    ));
    assert_eq!(
        page.headline.as_deref(),
        Some("Council closes the Elm Street library")
    );
    // A title that names the story stays, whatever the `<h1>` says.
    let page = extract(&format!(
        "<title>Elm Street library to close | Daily Bugle</title>\
         <article><h1>Local news</h1>{STORY}</article>"
    ));
    assert_eq!(
        page.headline.as_deref(),
        Some("Elm Street library to close")
    );
}

#[test]
fn a_headline_the_page_shows_as_its_h1_or_too_short_to_judge_stays() {
    for title in ["Why I quit", "Wildfires ravage Greek islands"] {
        let page = extract(&format!(
            "<title>{title} | The Ledger</title><article><h1>{title}</h1>{STORY}<h1>The money problem with the library's budget</h1><p>The library's budget has shrunk every year since 2015, the council said.</p></article>"
        ));
        assert_eq!(page.headline.as_deref(), Some(title));
    }
}

#[test]
fn a_site_name_is_taken_off_the_headline_on_either_side_and_after_any_separator() {
    for (title, og) in [
        (
            "Town Votes to Close Its Library -- Local News -- The Ledger",
            "Town Votes to Close Its Library -- The Ledger",
        ),
        (
            "Town Votes to Close Its Library • The Ledger",
            "Town Votes to Close Its Library • The Ledger",
        ),
        (
            "The Ledger | Town Votes to Close Its Library",
            "The Ledger | Town Votes to Close Its Library",
        ),
        (
            "Town Votes to Close Its Library",
            "Town Votes to Close Its Library &bull; Ann Lee",
        ),
        (
            "Town Votes to Close Its Library | Ann Lee | Local | The Ledger",
            "Town Votes to Close Its Library | Ann Lee",
        ),
    ] {
        let page = extract(&format!(
            "<title>{title}</title><meta property=\"og:title\" content=\"{og}\"><article>{STORY}</article>"
        ));
        assert_eq!(
            page.headline.as_deref(),
            Some("Town Votes to Close Its Library"),
            "{title}"
        );
    }
}

#[test]
fn the_side_of_the_title_the_address_or_the_story_names_decides_which_is_the_site() {
    // A headline shorter than the site's name: the address names the site, or the story's
    // `<h1>` repeats the headline. By length alone each came out the wrong way round.
    let cases = [
        (
            "<title>Mozilla - Wikipedia</title>\
             <link rel=\"canonical\" href=\"https://en.wikipedia.org/wiki/Mozilla\">",
            "Mozilla",
            Some("Wikipedia"),
        ),
        (
            "<title>Flood Talks - The Riverside Evening Ledger</title>\
             <meta property=\"og:site_name\" content=\"The Riverside Evening Ledger\">",
            "Flood Talks",
            Some("The Riverside Evening Ledger"),
        ),
        (
            "<title>Flood Talks - Notes of A. B. Writer</title><h1>Flood Talks</h1>",
            "Flood Talks",
            Some("Notes of A. B. Writer"),
        ),
        // The post in a layout named for its sidebar: the `<h1>` still counts.
        (
            "<title>Flood Talks - Notes of A. B. Writer</title>\
             <div id=\"contentWithSidebar\"><h1>Flood Talks</h1></div>",
            "Flood Talks",
            Some("Notes of A. B. Writer"),
        ),
        // With no such evidence the shorter side is still the site's.
        (
            "<title>Town Votes to Close Its Library - The Ledger</title>",
            "Town Votes to Close Its Library",
            Some("The Ledger"),
        ),
    ];
    for (head, headline, outlet) in cases {
        let page = extract(&format!("{head}<article>{STORY}</article>"));
        assert_eq!(page.headline.as_deref(), Some(headline), "{head}");
        assert_eq!(page.outlet.as_deref(), outlet, "{head}");
    }
}

#[test]
fn the_headline_is_the_candidate_that_agrees_with_the_title_not_a_section_label() {
    let page = extract(&format!(
        "<title>Town Votes to Close Its Library After Ninety Years | The Ledger</title>\
         <h1>Politics</h1><article><h1>Town Votes to Close Its Library After Ninety Years</h1>{STORY}</article>"
    ));
    assert_eq!(
        page.headline.as_deref(),
        Some("Town Votes to Close Its Library After Ninety Years")
    );
    let page = extract(&format!(
        "<title>Town Votes to Close Its Library | The Ledger</title>\
         <meta property=\"og:title\" content=\"Town Votes to Close Its Library | The Ledger\"><article>{STORY}</article>"
    ));
    assert_eq!(
        page.headline.as_deref(),
        Some("Town Votes to Close Its Library")
    );
}

/// The section label set above a headline (a "kicker" or "eyebrow") is not the story's: it
/// was glued to the headline as one sentence ("The Hidden Heroines of Chaos chaos theory").
#[test]
fn a_kicker_above_the_headline_stays_out_of_the_story() {
    let page = extract(&format!(
        "<html><body><article><h6 class=\"post__title__kicker\"><a href=\"/tag/chaos-theory/\">chaos theory</a></h6>\
         <h1>The Hidden Heroines of Chaos</h1><div class=\"eyebrow\">Science</div>{STORY}</article></body></html>"
    ));
    assert!(!page.body.contains("chaos theory"), "{:?}", page.body);
    assert!(!page.body.contains("Science"), "{:?}", page.body);
    assert!(page.body.contains("ninety years"), "{:?}", page.body);
}
