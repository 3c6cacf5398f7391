//! Saved web pages in the styles of five kinds of news site: the article comes out with its
//! metadata, and the page around it (menus, ads, share buttons, related links, newsletter boxes,
//! comments, cookie banners, footers, scripts) does not.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use slant_core::import::{Encoding, Format, ImportError, ImportedText, import_file};

fn page(name: &str) -> ImportedText {
    import_file(&pages().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn pages() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pages")
}

fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Words from page furniture that must never reach the article text.
const FURNITURE: [&str; 16] = [
    "Advertisement",
    "ADVERTISEMENT",
    "Sign up",
    "Subscribe",
    "Related",
    "RELATED",
    "Share",
    "Tweet",
    "©",
    "Copyright",
    "cookies",
    "Most read",
    "MOST READ",
    "comments",
    "Skip to",
    "Privacy",
];

fn assert_clean(name: &str, text: &str) {
    for word in FURNITURE {
        assert!(!text.contains(word), "{name}: {word:?} leaked into\n{text}");
    }
    assert!(
        !text.contains('<') && !text.contains("&#"),
        "{name}: markup in\n{text}"
    );
}

struct Expected<'a> {
    headline: &'a str,
    outlet: &'a str,
    byline: &'a str,
    published: Date,
    url: Option<&'a str>,
    paragraphs: usize,
    first: &'a str,
    last: &'a str,
}

fn check(name: &str, want: Expected) -> ImportedText {
    let got = page(name);
    assert_eq!(got.headline.as_deref(), Some(want.headline), "{name}");
    assert_eq!(got.outlet.as_deref(), Some(want.outlet), "{name}");
    assert_eq!(got.byline.as_deref(), Some(want.byline), "{name}");
    assert_eq!(got.published, Some(want.published), "{name}");
    assert_eq!(got.url.as_deref(), want.url, "{name}");
    let paras = paragraphs(&got.text);
    // The headline is the first line of the text, as in a text file, so that it is tagged too.
    assert_eq!(paras[0], want.headline, "{name}");
    assert_eq!(paras.len() - 1, want.paragraphs, "{name}: {paras:#?}");
    assert_eq!(paras[1], want.first, "{name}");
    assert_eq!(*paras.last().unwrap(), want.last, "{name}");
    assert_clean(name, &got.text);
    got
}

#[test]
fn wire_service_page_with_json_ld_and_inline_ads() {
    check(
        "wire_service.html",
        Expected {
            headline: "Port strike halts container traffic at three East Coast terminals",
            outlet: "Global Wire",
            byline: "Maria Okafor and Tom Lindqvist",
            published: Date::constant(2025, 10, 14),
            url: Some("https://globalwire.example/article/port-strike-east-coast-9f2c1"),
            paragraphs: 5,
            first: "NEWARK, N.J. (GW) — Dockworkers walked off the job at three East Coast container terminals on Tuesday, halting the unloading of dozens of ships after contract talks broke down overnight.",
            last: "Economists at the Federal Reserve Bank of New York estimated last year that a weeklong closure of the region’s ports would cost the economy about $1 billion a day.",
        },
    );
}

#[test]
fn broadsheet_page_with_the_body_split_over_several_columns() {
    let got = check(
        "broadsheet.html",
        Expected {
            headline: "In a Divided Town, a Library Vote Becomes a Referendum on Everything",
            outlet: "The Morning Ledger",
            byline: "Eleanor Whitcombe",
            published: Date::constant(2025, 11, 2),
            url: Some(
                "https://www.morningledger.example/2025/11/02/us/library-vote-referendum.html",
            ),
            paragraphs: 5,
            first: "MILLBROOK, Ohio — For 93 years, the Millbrook Public Library has occupied a red-brick building on Elm Street, lending books, hosting tax clinics and, in winter, giving people somewhere warm to sit.",
            last: "Supporters say the levy costs the owner of a typical home about $7 a month.",
        },
    );
    // The print-edition note and the summary above the story are not the story.
    assert!(!got.text.contains("appears in print"));
    assert!(!got.text.contains("The campaign has turned bitter"));
}

#[test]
fn tabloid_page_with_microdata_body_and_a_related_box_inside_it() {
    check(
        "tabloid.html",
        Expected {
            headline: "Fury as council SCRAPS free parking for nurses at city hospital",
            outlet: "Daily Beacon",
            byline: "Gary Pollard For The Daily Beacon",
            published: Date::constant(2025, 9, 30),
            url: Some(
                "https://www.dailybeacon.example/news/article-13572468/council-scraps-free-parking-nurses.html",
            ),
            paragraphs: 5,
            first: "Hard-pressed nurses at Harbour City Hospital have been hit with parking charges of up to £9.60 a day after the council quietly axed a scheme that let them park for free.",
            last: "Critics say the discounts are worth just 80p a day.",
        },
    );
}

#[test]
fn blog_page_with_hard_breaks_soft_hyphens_a_quote_and_a_list() {
    let got = check(
        "blog.html",
        Expected {
            headline: "Why the fare cap is a fiscal mirage",
            outlet: "The Policy Desk",
            byline: "Priya Raman",
            published: Date::constant(2025, 8, 19),
            url: Some("https://policydesk.example/2025/08/fare-cap-fiscal-mirage/"),
            paragraphs: 6,
            first: "The government says capping bus fares at £2 will pay for itself. It will not, and the department’s own figures show why.",
            last: "• Ridership growth above 20% by next spring\n• Evidence that new riders left their cars at home",
        },
    );
    // `<br>` inside sentences joined, `&shy;` dropped; the page's own text stays recoverable.
    assert_eq!(got.repairs.joined_breaks, 3);
    assert_eq!(got.repairs.invisible, 1);
    let original = got.original.expect("repaired text keeps its original");
    assert!(original.contains("department’s own\nfigures"));
    assert!(original.contains("£\u{AD}151"));
    assert!(got.text.contains("“We are confident the cap is self-financing over the medium term,” the minister told the transport committee."));
}

#[test]
fn old_table_layout_page_in_windows_1252_with_no_metadata() {
    let got = check(
        "regional_1252.html",
        Expected {
            headline: "Mill closure leaves 300 without work",
            outlet: "Valley Courier",
            byline: "DALE KRUEGER, Courier staff writer",
            published: Date::constant(2003, 3, 6),
            url: None,
            paragraphs: 4,
            first: "The Hartwell paper mill will close its doors at the end of the month, putting about 300 people out of work, the company announced Wednesday.",
            last: "Mayor Linda Coombs called the news “a gut punch” for the town.",
        },
    );
    assert_eq!(got.encoding, Encoding::Windows1252);
    // A line end in the page source is a space, not a break.
    assert!(got.text.contains("at a meeting Wednesday morning"));
}

#[test]
fn a_page_with_no_article_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("login.html");
    std::fs::write(
        &path,
        "<html><head><title>Log in</title></head><body><nav><a href=/>Home</a></nav>\
         <form><input name=user><button>Log in</button></form><footer>© 2025</footer></body></html>",
    )
    .unwrap();
    let err = import_file(&path).unwrap_err();
    assert!(matches!(err, ImportError::NoArticle { .. }));
    assert_eq!(
        err.to_string(),
        format!(
            "{}: the page has no article text that Slant can find (no paragraphs outside menus, ads and footers)",
            path.display()
        )
    );
}

#[test]
fn the_cli_adds_a_page_with_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.ron");
    let run = |args: &[&str]| {
        crate::cli::slant_ok(args);
    };
    let wire = pages().join("wire_service.html");
    let blog = pages().join("blog.html");
    run(&["new", project.to_str().unwrap(), blog.to_str().unwrap()]);
    run(&["add", project.to_str().unwrap(), wire.to_str().unwrap()]);
    let loaded = slant_core::store::load(&project).unwrap();
    assert_eq!(
        loaded.articles[0]
            .original
            .as_deref()
            .map(|o| o.contains("own\nfigures")),
        Some(true)
    );
    let a = &loaded.articles[1];
    assert_eq!(a.outlet.as_deref(), Some("Global Wire"));
    assert_eq!(a.byline.as_deref(), Some("Maria Okafor and Tom Lindqvist"));
    assert_eq!(a.published, Some(Date::constant(2025, 10, 14)));
    assert_eq!(a.sentences.len(), 8); // headline, 1, 2, 2, 1, 1
}

/// Real news pages never reach the limits that flatten hostile nesting: nothing of theirs is
/// cut. Reads the 41 saved pages in `../shared/testdata/readability_pages/` (gzip-compressed);
/// says it was skipped where they (or `gzip`) are absent.
#[test]
fn real_pages_are_never_flattened() {
    use slant_core::import::html::nesting;
    let Some(pages) = shared_pages() else { return };
    for (name, html, _) in &pages {
        assert!(
            matches!(nesting::flatten(html), std::borrow::Cow::Borrowed(_)),
            "{name}: something was cut"
        );
    }
    assert!(pages.len() >= 40, "read {} pages", pages.len());
}

/// The 41 saved pages of `../shared/testdata/readability_pages/` as (name, page, folder), or
/// `None` (saying it was skipped) where they or `gzip` are absent.
fn shared_pages() -> Option<Vec<(String, String, PathBuf)>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata/readability_pages");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return None;
    };
    let mut pages = Vec::new();
    for entry in entries {
        let folder = entry.unwrap().path();
        let Ok(out) = std::process::Command::new("gzip")
            .arg("-dc")
            .arg(folder.join("source.html.gz"))
            .output()
        else {
            eprintln!("skipped: gzip is not installed");
            return None;
        };
        if !out.status.success() {
            continue;
        }
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        pages.push((
            name,
            String::from_utf8_lossy(&out.stdout).into_owned(),
            folder,
        ));
    }
    pages.sort();
    Some(pages)
}

/// Lower-case word tokens (`\w+`) as a bag.
fn word_bag(text: &str) -> std::collections::HashMap<String, usize> {
    let mut bag = std::collections::HashMap::new();
    for w in text
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
    {
        *bag.entry(w.to_owned()).or_insert(0) += 1;
    }
    bag
}

/// The text of an HTML fragment: tags out, the common entities decoded.
fn text_of_fragment(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// `Headline | Site`, `Site - Headline` → the headline's words, for comparing headlines that
/// differ only in whether the site's name is kept.
fn headline_words(title: &str, site: Option<&str>) -> Vec<String> {
    let mut words: Vec<String> = word_bag(title).into_keys().collect();
    if let Some(site) = site {
        let site: Vec<String> = word_bag(site).into_keys().collect();
        let without: Vec<String> = words
            .iter()
            .filter(|w| !site.contains(w))
            .cloned()
            .collect();
        if !without.is_empty() {
            words = without;
        }
    }
    words.sort();
    words
}

/// The body Slant finds on each of the 41 pages against the one Mozilla's Readability finds,
/// as bags of words (precision, recall, F1 per page, then the mean; a refused page counts 0),
/// and the headline against Readability's title, ignoring a site name either keeps. Prints the
/// figures the README quotes (`cargo test --test e2e web_page_figures -- --nocapture`).
/// Readability is a reference, not the truth: it keeps image captions and site names that
/// Slant leaves out on purpose, so the floors are below 1.
#[test]
fn web_page_figures_on_the_shared_pages() {
    let Some(pages) = shared_pages() else { return };
    let (mut p_sum, mut r_sum, mut f_sum) = (0.0, 0.0, 0.0);
    let (mut refused, mut headlines) = (0, 0);
    for (name, html, folder) in &pages {
        let want =
            text_of_fragment(&std::fs::read_to_string(folder.join("expected.html")).unwrap());
        let meta: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(folder.join("expected-metadata.json")).unwrap(),
        )
        .unwrap();
        let got = match slant_core::import::import_bytes(
            html.as_bytes(),
            Format::Html,
            Path::new("page.html"),
        ) {
            Ok(imported) => imported,
            Err(e) => {
                eprintln!("{name}: refused: {e}");
                refused += 1;
                continue;
            }
        };
        // Markup a page keeps for browsers without scripts (`<noscript><picture>…`) is never
        // text.
        for leak in ["<picture", "<img", "srcset="] {
            assert!(
                !got.text.contains(leak) || want.contains(leak),
                "{name}: {leak} in the text"
            );
        }
        let body = got
            .text
            .strip_prefix(got.headline.as_deref().unwrap_or(""))
            .unwrap_or(&got.text);
        let (g, w) = (word_bag(body), word_bag(&want));
        let shared: usize = g
            .iter()
            .map(|(k, n)| (*n).min(*w.get(k).unwrap_or(&0)))
            .sum();
        let p = shared as f64 / g.values().sum::<usize>().max(1) as f64;
        let r = shared as f64 / w.values().sum::<usize>().max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        eprintln!("{name:30} P {p:.2} R {r:.2} F1 {f:.2}");
        (p_sum, r_sum, f_sum) = (p_sum + p, r_sum + r, f_sum + f);
        let site = meta["siteName"].as_str().or(got.outlet.as_deref());
        let title = meta["title"].as_str().unwrap_or_default();
        if got.headline.as_deref().map(|h| headline_words(h, site))
            == Some(headline_words(title, site))
        {
            headlines += 1;
        } else {
            eprintln!(
                "{name:30} headline {:?}, Readability {title:?}",
                got.headline
            );
        }
    }
    let n = pages.len() as f64;
    let (p, r, f) = (p_sum / n, r_sum / n, f_sum / n);
    eprintln!(
        "{} pages: body P {p:.3} R {r:.3} F1 {f:.3}, {refused} refused; headline {headlines}/{}",
        pages.len(),
        pages.len()
    );
    assert_eq!(refused, 0, "a page with article text was refused");
    assert!(f >= 0.95, "body F1 {f:.3}");
    // 32 of 41: where a page's title says nothing of its story (a site's "Yahoo News - Latest
    // News & Headlines" over a story on a space ship), Slant takes the story's `<h1>` and
    // Readability keeps the title (yahoo-2, google-sre-book-1, social-buttons). ebb-org's
    // `<title>` is "Post - Blog"; Readability keeps it whole and names no site, and the count
    // sets aside the outlet Slant finds, so it credited the reading that took the post's name
    // for the outlet (33) and not the right one, the post's name as the headline (32).
    assert!(headlines * 100 >= pages.len() * 78, "headlines {headlines}");
}

/// Pages saved as `source.html` (or `index.html`) are named by their headlines, so the
/// spreadsheet's `article_id` tells them apart; a page added again is said and not added twice.
#[test]
fn saved_pages_are_named_by_their_headlines_and_never_added_twice() {
    let dir = tempfile::tempdir().unwrap();
    for (folder, page) in [("wire", "wire_service.html"), ("blog", "blog.html")] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        std::fs::copy(
            pages().join(page),
            dir.path().join(folder).join("source.html"),
        )
        .unwrap();
    }
    let wire = dir.path().join("wire/source.html");
    let blog = dir.path().join("blog/source.html");
    let project = dir.path().join("p.ron");
    let p = project.to_str().unwrap();
    crate::cli::slant_ok(&["new", p, wire.to_str().unwrap(), blog.to_str().unwrap()]);
    let loaded = slant_core::store::load(&project).unwrap();
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "port-strike-halts-container-traffic-at",
            "why-the-fare-cap-is-a"
        ]
    );
    let before = std::fs::read(&project).unwrap();
    let out = crate::cli::slant_ok(&["add", p, wire.to_str().unwrap()]);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        format!(
            "{}: the project already has this article, as \"port-strike-halts-container-traffic-at\" (Port strike halts container traffic at three East Coast terminals); not added again\n{p}: nothing new, the file was not written\n",
            wire.display()
        )
    );
    assert_eq!(std::fs::read(&project).unwrap(), before);
    // The same text with a final line break more is the same article.
    let text = dir.path().join("a.txt");
    std::fs::write(&text, "Storm Hits Coast\nThe storm hit at 5 a.m.").unwrap();
    crate::cli::slant_ok(&["add", p, text.to_str().unwrap()]);
    std::fs::write(&text, "Storm Hits Coast\nThe storm hit at 5 a.m.\n\n").unwrap();
    let out = String::from_utf8(crate::cli::slant_ok(&["add", p, text.to_str().unwrap()])).unwrap();
    assert!(out.contains("not added again"), "{out}");
    assert_eq!(slant_core::store::load(&project).unwrap().articles.len(), 3);
}
