//! What of a page is the story: its paragraphs, and the furniture, captions, teasers and
//! credits kept out.

use super::super::*;
use super::STORY;

#[test]
fn a_bare_page_still_gives_its_paragraphs() {
    let page = extract("<p>One sentence here.</p><p>Another one.</p>");
    assert_eq!(page.body, "One sentence here.\n\nAnother one.\n");
    assert_eq!(page.headline, None);
}

#[test]
fn chart_labels_promotions_and_the_writers_bio_stay_out_of_the_story() {
    let page = extract(&format!(
        "<html><body><article>{STORY}<div class=\"c-chart\"><div>600</div><div>’17</div><div>’18</div></div><p>READ MORE: Five things to know about the library</p>{STORY}<p>Sign up for our morning newsletter.</p><p>Jane Doe is a reporter at The Courier covering city hall.</p></article></body></html>"
    ));
    assert!(page.body.contains("ninety years"), "{:?}", page.body);
    for gone in ["600", "’17", "READ MORE", "Sign up", "Jane Doe"] {
        assert!(!page.body.contains(gone), "{gone}: {:?}", page.body);
    }
}

/// A rule drawn in text (AP's `___` before a correction) is no sentence to tag; the correction
/// after it is the story's.
#[test]
fn a_paragraph_of_rules_alone_stays_out_of_the_story() {
    let page = extract(&format!(
        "<html><body><article>{STORY}<p>___</p><p>This version corrects the name of the street.</p><p>* * *</p><p>__</p></article></body></html>"
    ));
    assert!(
        page.body.contains("This version corrects"),
        "{:?}",
        page.body
    );
    for line in page.body.lines() {
        assert!(
            line.is_empty() || line.chars().any(char::is_alphanumeric),
            "{line:?} in {:?}",
            page.body
        );
    }
}

#[test]
fn a_story_only_in_noscript_is_read_when_nothing_else_is() {
    let page = extract(&format!(
        "<html><body><div id=\"app\"></div><NOSCRIPT><article><h1>Council closes the Elm Street library</h1>{STORY}</article></NOSCRIPT></body></html>"
    ));
    assert!(page.body.contains("ninety years"), "{:?}", page.body);
    // Beside a story, `<noscript>` is still hidden ("Please enable JavaScript").
    let page = extract(&format!(
        "<html><body><noscript><p>Please enable JavaScript to read the comments below this story.</p></noscript><article>{STORY}</article></body></html>"
    ));
    assert!(!page.body.contains("JavaScript"), "{:?}", page.body);
    assert!(page.body.contains("ninety years"), "{:?}", page.body);
}

#[test]
fn a_script_notice_is_never_the_story_and_a_placeholder_does_not_hide_one() {
    // A page drawn by scripts: its `<noscript>` notice is no article.
    let page = extract(
        "<title>River plan approved | The Courier</title><noscript>You need to enable JavaScript to run this app.</noscript><div id=\"root\"></div>",
    );
    assert_eq!(page.body.trim(), "", "{:?}", page.body);
    // A "Loading…" placeholder beside the story in `<noscript>`: the story; the notice
    // with it stays out, and the title is the page's.
    let page = extract(&format!(
        "<title>Council closes the Elm Street library | The Ledger</title><div id=\"app\"><p>Loading the story, please wait a moment while the page starts up.</p></div><noscript><p>This site requires JavaScript; please enable it in your browser.</p><article>{STORY}</article></noscript>"
    ));
    assert!(page.body.contains("ninety years"), "{:?}", page.body);
    assert!(!page.body.contains("Loading"), "{:?}", page.body);
    assert!(!page.body.contains("JavaScript"), "{:?}", page.body);
    assert_eq!(
        page.headline.as_deref(),
        Some("Council closes the Elm Street library")
    );
}

#[test]
fn sentences_wrapped_in_links_stay_and_runs_of_link_titles_go() {
    let linked: String = (1..=3)
        .map(|n| format!("<p><a href=\"https://source{n}.example/report\">The report number {n} found that the branch lent more books last year than any other in the city, the council's own figures show.</a></p>"))
        .collect();
    let related: String = (1..=4)
        .map(|n| format!("<p><a href=\"/other{n}\">Other story headline number {n}</a></p>"))
        .collect();
    let page = extract(&format!(
        "<html><body><nav><a href=\"/y\">Yes.</a><a href=\"/n\">No.</a><a href=\"/w\">We will see.</a></nav><article><h1>Council closes the Elm Street library</h1>{STORY}{linked}<p>Yes.</p><p>No.</p><p>We will see.</p><p>Related stories:</p>{related}</article></body></html>"
    ));
    assert!(page.body.contains("report number 2"), "{:?}", page.body);
    assert!(page.body.contains("We will see."), "{:?}", page.body);
    assert!(
        !page.body.contains("Other story headline"),
        "{:?}",
        page.body
    );
}

#[test]
fn a_list_of_other_stories_made_of_links_stays_out() {
    let cards: String = ["Ballet Tutu", "Tulip in Watercolor", "Kids Kitchen"]
        .iter()
        .map(|t| {
            format!("<section class=\"item\"><a href=\"/{t}\"><span>Read Article</span><div>How to Make a {t}</div></a></section>")
        })
        .collect();
    let page = extract(&format!(
        "<html><body><article><h1>Council closes the Elm Street library</h1>{STORY}\
         <p>Read <a href=\"/report\">the council's report</a> on the closure.</p>\
         <section class=\"mod\">{cards}</section></article></body></html>"
    ));
    assert!(!page.body.contains("Read Article"), "{:?}", page.body);
    assert!(!page.body.contains("Ballet"), "{:?}", page.body);
    // A link inside a paragraph is the story's.
    assert!(
        page.body.contains("the council's report"),
        "{:?}",
        page.body
    );
}

#[test]
fn paragraphs_of_a_short_page_are_never_glued_together() {
    let page = extract(
        "<html><body><article><h1>Council approves river plan</h1><p>The city council voted 7-2 on Tuesday to approve a $72 million flood defence plan for the river district.</p><p>Sign up for our newsletter</p><p>Construction is expected to begin in the spring of 2026 and finish by 2029, officials said.</p></article></body></html>",
    );
    assert!(
        page.body.contains("river district.\n\nConstruction"),
        "{:?}",
        page.body
    );
    assert!(!page.body.contains("planThe"), "{:?}", page.body);
}

#[test]
fn a_furniture_word_on_an_outer_element_does_not_remove_the_story() {
    for (open, close) in [
        ("<body class=\"paywall\">", "</body>"),
        ("<body><main class=\"js-social-share\">", "</main></body>"),
        (
            "<body><div id=\"page\" class=\"author-1234 nav_drawer-wrap\">",
            "</div></body>",
        ),
    ] {
        let page = extract(&format!(
            "<html>{open}<article>{STORY}</article>{close}</html>"
        ));
        assert!(
            page.body.contains("ninety years"),
            "{open}: {:?}",
            page.body
        );
        assert!(page.body.contains("next spring"), "{open}: {:?}", page.body);
    }
}

#[test]
fn the_writers_bio_ends_the_story_and_teasers_after_it_stay_out() {
    let page = extract(&format!(
        "<html><body><div class=\"story\">{STORY}{STORY}<p>JANE DOE IS THE COURIER'S CITY HALL EDITOR</p>\
         <div class=\"story-block\"><h4><a href=\"/ikea\">Good for some</a></h4>\
         <p>THE good thing about flat-pack furniture is that it is cheap and good quality.</p></div>\
         <div class=\"story-block\"><h4><a href=\"/fraser\">Always a liberal</a></h4>\
         <p>IT was said that the former premier moved to the left after losing office.</p></div></div></body></html>"
    ));
    assert!(page.body.contains("next spring"), "{:?}", page.body);
    assert!(!page.body.contains("CITY HALL EDITOR"), "{:?}", page.body);
    assert!(!page.body.contains("flat-pack"), "{:?}", page.body);
    assert!(!page.body.contains("former premier"), "{:?}", page.body);
}

#[test]
fn a_story_in_an_element_named_like_furniture_is_not_refused() {
    // The story's wrapper is named like a share bar, and the comments (furniture) hold
    // more text than it, so the furniture rules would take the whole story out.
    let story: String = (0..6)
        .map(|i| format!("<p>The council voted on Tuesday to close the library on Elm Street after ninety years, report {i} said.</p>"))
        .collect();
    let comments: String = (0..12)
        .map(|i| format!("<div class=\"comment-body\"><p>I think this is terrible news for everyone in the town and the council should be ashamed, reader {i} wrote.</p></div>"))
        .collect();
    let page = extract(&format!(
        "<html><body><div id=\"share-story-text\">{story}</div><div class=\"comments-area\">{comments}</div></body></html>"
    ));
    assert!(page.body.contains("report 5 said"), "{:?}", page.body);
    assert!(!page.body.contains("reader"), "{:?}", page.body);
}

#[test]
fn sections_named_from_their_headings_and_a_wordpress_post_are_the_story() {
    // Documentation pages name sections from their headings ("sharing-with-…"); WordPress
    // marks a post with its author's name ("author-sarah").
    let section = |id: &str, what: &str| {
        format!(
            "<div class=\"section\" id=\"{id}\"><h2>{what}</h2><p>{what}: the steps below show how to share your draft changesets \
             with the rest of the team, and how each of them sees the history afterwards.</p></div>"
        )
    };
    let page = extract(&format!(
        "<html><body><div class=\"content\">{}{}{}</div></body></html>",
        section("sharing-with-a-single-developer", "One developer"),
        section("sharing-with-the-whole-team", "The whole team"),
        section("publishing-drafts", "Publishing"),
    ));
    for kept in ["One developer:", "The whole team:", "Publishing:"] {
        assert!(page.body.contains(kept), "{kept}: {:?}", page.body);
    }
    let comments: String = (0..12)
        .map(|i| format!("<li class=\"reply\"><p>I think this is terrible news for everyone in the town and the council should be ashamed, reader {i} wrote.</p></li>"))
        .collect();
    let page = extract(&format!(
        "<html><body><main><article class=\"post author-sarah tag-news\"><h1>Library closes</h1>\
         <div class=\"entry-content\" itemprop=\"articleBody\">{STORY}</div></article>\
         <ol class=\"replies\">{comments}</ol></main></body></html>"
    ));
    assert!(page.body.contains("next spring"), "{:?}", page.body);
}

#[test]
fn a_caption_set_as_a_paragraph_that_repeats_the_pictures_alt_text_stays_out() {
    let page = extract(&format!(
        "<html><body><article><h1>Council closes the library</h1>{STORY}\
         <div class=\"gallery\"><img src=\"a.jpg\" alt=\"The Elm Street library on its last day, the reading room empty.\"></div>\
         <ul><li><p>The Elm Street library on its last day, the reading room empty</p></li></ul>{STORY}</article></body></html>"
    ));
    assert!(!page.body.contains("reading room empty"), "{:?}", page.body);
    assert!(page.body.contains("next spring"), "{:?}", page.body);
}

#[test]
fn paragraphs_that_all_carry_a_furniture_class_are_the_story() {
    // Condé Nast pages (Wired, The New Yorker) put every paragraph after the first in
    // `<p class="paywall">`: the text a subscriber reads, split between ad slots.
    let page = extract(
        "<html><body><article><h1>Town votes to close its library</h1>\
         <div class=\"body\"><p>The town council voted on Tuesday to close the Elm Street library after ninety years.</p>\
         <p class=\"paywall\">Councillors said the building needs repairs the town cannot pay for this year.</p></div>\
         <div class=\"ad\">Advertisement</div>\
         <div class=\"body\"><p class=\"paywall\">Residents who packed the meeting asked the council to keep the reading room open.</p>\
         <p class=\"paywall\">The library will close its doors for good next spring, the mayor said afterwards.</p></div>\
         <div class=\"paywall\"><p class=\"paywall-prompt\">Subscribe to keep reading.</p></div>\
         </article></body></html>",
    );
    for kept in ["ninety years", "cannot pay", "reading room", "next spring"] {
        assert!(page.body.contains(kept), "{kept}: {:?}", page.body);
    }
    assert!(!page.body.contains("Subscribe"), "{:?}", page.body);
}

#[test]
fn a_calendar_beside_the_story_stays_out() {
    let days: String = (1..=28).map(|d| format!("<td>{d}</td>")).collect();
    let page = extract(&format!(
        "<html><body><div class=\"content\">{STORY}<p>Browse the show calendar</p><div class=\"calendar-calendar\">\
         <table><tr><td>S</td><td>M</td><td>T</td><td>W</td></tr><tr>{days}</tr></table></div>{STORY}</div></body></html>"
    ));
    assert!(page.body.contains("ninety years"), "{:?}", page.body);
    assert!(!page.body.contains("\n14\n"), "{:?}", page.body);
}

#[test]
fn a_summary_in_a_meta_article_body_does_not_replace_the_body() {
    let page = extract(&format!(
        "<div itemscope><meta itemprop=\"articleBody\" content=\"A library closes.\"><div class=\"story\">{STORY}</div></div>"
    ));
    assert!(page.body.contains("ninety years"), "{:?}", page.body);
    assert!(!page.body.contains("A library closes."), "{:?}", page.body);
}

#[test]
fn hidden_elements_are_not_the_article() {
    let page = extract(&format!(
        "<article><div style=\"display: none\"><p>Old version of the story that nobody sees on the page at all.</p></div>\
         <div hidden><p>Another hidden copy.</p></div>{STORY}</article>"
    ));
    assert!(!page.body.contains("Old version"), "{:?}", page.body);
    assert!(!page.body.contains("hidden copy"), "{:?}", page.body);
    assert!(page.body.contains("ninety years"));
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

/// A video set in the story (its title, length and source) is no sentence of the story.
#[test]
fn a_video_set_in_the_story_stays_out() {
    let page = extract(&format!(
        "<article>{STORY}<div class=\"video-resource__details\"><div class=\"video-resource__headline\">Watch what happened inside the library after the vote</div>\
         <span class=\"video-resource__duration\">05:22</span></div><p>The library will close in May, officials said.</p></article>"
    ));
    assert!(!page.body.contains("Watch what happened"), "{}", page.body);
    assert!(!page.body.contains("05:22"), "{}", page.body);
    assert!(
        page.body.contains("The library will close in May"),
        "{}",
        page.body
    );
}

/// A credit line of the page's making ("Reviewed by …", "Reporting by …; Editing by …") is no
/// sentence to tag; a story's short sentence that opens the same way ends like a sentence and
/// stays (a hostile pass found "Edited by the mayor's staff, the minutes omitted the vote."
/// dropped by a first rule), as does a sentence with a glossary tooltip inside it.
#[test]
fn a_credit_line_stays_out_and_a_sentence_opening_like_one_stays() {
    let page = extract(&format!(
        "<html><body><article><h1>Superbugs: What They Are</h1>\
         <div class=\"reviewedBy_fmt\"> Reviewed by <a href=\"/hb\">Hansa D. Bhargava, MD</a></div>\
         {STORY}<p>Edited by the mayor's staff, the minutes omitted the vote.</p>\
         <p>Reporting by The Washington Post revealed the program in 2013.</p>\
         <p>The plan was approved by <span class=\"tooltip\">NATO</span> allies and the EU on Friday, officials said.</p>\
         <p>(Reporting by Jane Doe; Editing by Sam Lee)</p></article></body></html>"
    ));
    for gone in ["Reviewed by", "Jane Doe"] {
        assert!(!page.body.contains(gone), "{gone}: {:?}", page.body);
    }
    for kept in [
        "ninety years",
        "Edited by the mayor's staff",
        "Reporting by The Washington Post",
        "approved by NATO allies",
    ] {
        assert!(page.body.contains(kept), "{kept}: {:?}", page.body);
    }
}
