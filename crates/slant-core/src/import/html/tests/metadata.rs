//! A page's news metadata: dates, bylines, the outlet, and JSON-LD however it is wrapped.

use super::super::metadata::parse_date;
use super::super::*;
use super::STORY;

#[test]
fn json_ld_wrapped_in_cdata_or_a_comment_is_read() {
    for (open, close) in [
        ("<![CDATA[", "]]>"),
        ("//<![CDATA[", "//]]>"),
        ("<!--", "-->"),
    ] {
        let page = extract(&format!(
            "<title>Town votes: the library closes after ninety years - The Ledger</title>\
             <meta property=\"og:title\" content=\"The library closes after ninety years\">\
             <script type=\"application/ld+json\">{open}\n{{\"@type\":\"NewsArticle\",\
             \"headline\":\"Town votes: the library closes after ninety years\",\
             \"author\":{{\"@type\":\"Person\",\"name\":\"Jane Doe\"}}}}\n{close}</script>\
             <article>{STORY}</article>"
        ));
        assert_eq!(
            page.headline.as_deref(),
            Some("Town votes: the library closes after ninety years"),
            "{open}"
        );
        assert_eq!(page.byline.as_deref(), Some("Jane Doe"), "{open}");
    }
}

/// A commenter's byline in the comments beside the story (Yahoo puts them before the story in
/// the page) is not the writer's.
#[test]
fn a_byline_in_the_comments_or_an_aside_is_not_the_writers() {
    let page = extract(&format!(
        "<html><body><div id=\"Aside\"><ul class=\"comments-list\"><li class=\"comment\"><div class=\"byline\">Sky Another story's headline</div></li></ul></div>\
         <aside><span class=\"byline\">By Someone Else</span></aside>\
         <article><div class=\"author\">NATALIYA VASILYEVA</div>{STORY}</article></body></html>"
    ));
    assert_eq!(page.byline.as_deref(), Some("NATALIYA VASILYEVA"));
}

#[test]
fn a_byline_is_the_writers_name_alone_and_an_outlet_no_address() {
    for (markup, name) in [
        (
            "<span class=\"byline\">by Lucas Nolan22 Dec 2016651</span>",
            "Lucas Nolan",
        ),
        (
            "<span class=\"byline\">By GILLIAN MOHNEY March 11, 2015 3:46 PM</span>",
            "GILLIAN MOHNEY",
        ),
        (
            "<span class=\"byline\">by: Laurie Oakes</span>",
            "Laurie Oakes",
        ),
        (
            "<span class=\"byline\">By Brenda Goodman, MA</span>",
            "Brenda Goodman, MA",
        ),
    ] {
        let page = extract(&format!("<body>{markup}<article>{STORY}</article></body>"));
        assert_eq!(page.byline.as_deref(), Some(name), "{markup}");
    }
    let page = extract(&format!(
        "<meta property=\"og:site_name\" content=\"http://www.tmz.com\"><article>{STORY}</article>"
    ));
    assert_eq!(page.outlet.as_deref(), Some("tmz.com"));
}

#[test]
fn a_page_with_no_date_is_dated_by_its_address() {
    let page = extract(&format!(
        "<link rel=\"canonical\" href=\"https://news.example/world/2015/03/18/library-vote.html\"><article>{STORY}</article>"
    ));
    assert_eq!(page.published, Some(Date::constant(2015, 3, 18)));
    let page = extract(&format!(
        "<link rel=\"canonical\" href=\"https://news.example/2015/13/45/x.html\"><article>{STORY}</article>"
    ));
    assert_eq!(page.published, None);
    // A date the page states wins.
    let page = extract(&format!(
        "<meta property=\"article:published_time\" content=\"2015-03-19T08:00:00Z\">\
         <link rel=\"canonical\" href=\"https://news.example/2015/03/18/x.html\"><article>{STORY}</article>"
    ));
    assert_eq!(page.published, Some(Date::constant(2015, 3, 19)));
}

#[test]
fn dates_come_from_iso_values() {
    assert_eq!(
        parse_date("2025-12-29T14:03:00Z"),
        Some(Date::constant(2025, 12, 29))
    );
    assert_eq!(parse_date("Dec 29"), None);
    // As older pages and feeds write them.
    assert_eq!(
        parse_date("Sat, 09 Oct 2010 07:15:45 EST"),
        Some(Date::constant(2010, 10, 9))
    );
}

/// Older pages date themselves in a `publish_date` meta or the hAtom `published` class, and put
/// the writers' names after the headline in `<title>`.
#[test]
fn an_older_pages_date_and_a_headline_without_its_writers() {
    let page = extract(&format!(
        "<title>Town Votes to Close Its Library - Ann Lee and Bo Park - The Ledger</title>         <meta name=\"author\" content=\"Ann Lee and Bo Park\">         <meta name=\"publish_date\" content=\"Sat, 09 Oct 2010 07:15:45 EST\">         <article><h1>Town Votes to Close Its Library - Ann Lee and Bo Park</h1>{STORY}</article>"
    ));
    assert_eq!(
        page.headline.as_deref(),
        Some("Town Votes to Close Its Library")
    );
    assert_eq!(page.published, Some(Date::constant(2010, 10, 9)));
    let page = extract(&format!(
        "<article><abbr class=\"published\" title=\"2011-08-25T01:40:40Z\">Aug. 25</abbr>{STORY}</article>"
    ));
    assert_eq!(page.published, Some(Date::constant(2011, 8, 25)));
}

/// A page with no date in its markup is dated by the dateline that opens its story, which
/// stays in the text.
#[test]
fn a_story_that_opens_with_its_date_is_dated_by_it() {
    for (opening, date) in [
        (
            "April 17, 2015 -- Imagine",
            Some(Date::constant(2015, 4, 17)),
        ),
        (
            "WASHINGTON, March 6, 2003 — The",
            Some(Date::constant(2003, 3, 6)),
        ),
        ("On March 6, 2003 the talks failed — and the", None),
        (
            "The deadline, March 6, 2003 — a Thursday — passed and the",
            None,
        ),
    ] {
        let page = extract(&format!(
            "<article><p>{opening} council voted on Tuesday to close the library on Elm Street.</p>{STORY}</article>"
        ));
        assert_eq!(page.published, date, "{opening}");
        assert!(page.body.starts_with(opening), "{}", page.body);
    }
}

/// An address written without its scheme (`//us.yahoo.com/news/`) is read as `https:`; a path
/// alone names no site. A site's name given with its slogan is cut to the side that names the
/// page's host; a name with a dash of its own, which names no side, stays whole.
#[test]
fn an_address_is_whole_and_an_outlet_has_no_slogan() {
    let page = extract(&format!(
        "<meta name=\"application-name\" content=\"Yahoo News - Latest News &amp; Headlines\">\
         <link rel=\"canonical\" href=\"//us.yahoo.com/news/\"><article>{STORY}</article>"
    ));
    assert_eq!(page.url.as_deref(), Some("https://us.yahoo.com/news/"));
    assert_eq!(page.outlet.as_deref(), Some("Yahoo News"));
    let page = extract(&format!(
        "<meta name=\"application-name\" content=\"News - The Ledger\">\
         <link rel=\"canonical\" href=\"/local/library.html\">\
         <meta property=\"og:url\" content=\"https://www.theledger.com/local/library.html\">\
         <article>{STORY}</article>"
    ));
    assert_eq!(
        page.url.as_deref(),
        Some("https://www.theledger.com/local/library.html")
    );
    assert_eq!(page.outlet.as_deref(), Some("The Ledger"));
    let page = extract(&format!(
        "<meta property=\"og:site_name\" content=\"Wilkes-Barre Times - Leader\">\
         <link rel=\"canonical\" href=\"https://example.org/x.html\"><article>{STORY}</article>"
    ));
    assert_eq!(page.outlet.as_deref(), Some("Wilkes-Barre Times - Leader"));
    let page = extract(&format!(
        "<link rel=\"canonical\" href=\"/x.html\"><article>{STORY}</article>"
    ));
    assert_eq!(page.url, None);
    // Three-letter names, generic labels, a slogan in two cuts, a name of separators only.
    for (name, host, want) in [
        (
            "BBC News - Home",
            "https://www.bbc.com/news/x",
            Some("BBC News"),
        ),
        (
            "Sky News - Home",
            "https://news.sky.com/story/x",
            Some("Sky News"),
        ),
        (
            "Section - CNN - Breaking News",
            "https://edition.cnn.com/x",
            Some("CNN"),
        ),
        ("  -  |  ", "https://example.org/x", None),
        (
            "Opinion | The New York Times",
            "https://www.nytimes.com/x",
            Some("The New York Times"),
        ),
        (
            "The Wall Street Journal - Breaking News",
            "https://www.wsj.com/x",
            Some("The Wall Street Journal"),
        ),
    ] {
        let page = extract(&format!(
            "<meta name=\"application-name\" content=\"{name}\">\
             <link rel=\"canonical\" href=\"{host}\"><article>{STORY}</article>"
        ));
        assert_eq!(page.outlet.as_deref(), want, "{name}");
    }
    // A user name and password in an address are not kept.
    let page = extract(&format!(
        "<link rel=\"canonical\" href=\"//user:secret@z.example/x?a=b@c\"><article>{STORY}</article>"
    ));
    assert_eq!(page.url.as_deref(), Some("https://z.example/x?a=b@c"));
}
