//! A news page's metadata: outlet, byline, date and canonical address. Pages carry them in
//! several overlapping ways (Open Graph `<meta>` tags, schema.org JSON-LD, microdata, plain
//! `.byline` and `<time>` markup, or lines above the story), so each field is taken from the
//! first source that has it, most explicit first.

use jiff::civil::Date;
use scraper::{ElementRef, Html};
use serde_json::Value;

use super::body::Lead;
use super::furniture::class_tokens;
use super::headline::title_site;
use super::{selector, squash, text_of};

/// What a page says about its article besides the headline and the text.
pub(super) struct Metadata {
    pub(super) outlet: Option<String>,
    pub(super) byline: Option<String>,
    pub(super) published: Option<Date>,
    pub(super) url: Option<String>,
}

impl Metadata {
    /// Reads the page's markup, then the byline and date lines found above the story
    /// (`leads`, best reading first) where the markup has none.
    pub(super) fn read(html: &Html, ld: &JsonLd, leads: [Lead; 2]) -> Metadata {
        let [lead, own_lead] = leads;
        let outlet = meta(html, "property", "og:site_name")
            .or_else(|| ld.publisher())
            .or_else(|| meta(html, "name", "application-name"))
            .or_else(|| title_site(html))
            .map(site_name)
            .map(|name| without_tagline(name, page_host(html).as_deref()))
            .filter(|o| o.chars().any(char::is_alphanumeric));
        let byline = ld
            .authors()
            .or_else(|| meta(html, "name", "author"))
            .or_else(|| first_text(html, "[itemprop~=author] [itemprop~=name]"))
            .or_else(|| first_text(html, "[rel~=author]"))
            .or_else(|| first_text(html, "[itemprop~=author]"))
            .or_else(|| byline_element(html))
            .or(lead.byline)
            .or(own_lead.byline)
            .map(|b| strip_by(&b))
            .filter(|b| !b.is_empty());
        // Asked in order, each only if those before found nothing: most pages answer the first
        // and are not searched for the rest.
        let sources: [&dyn Fn() -> Option<String>; 13] = [
            &|| meta(html, "property", "article:published_time"),
            &|| ld.string("datePublished"),
            &|| meta(html, "itemprop", "datePublished"),
            &|| meta(html, "name", "date"),
            &|| meta(html, "name", "pubdate"),
            &|| meta(html, "name", "publish_date"),
            &|| meta(html, "name", "publish-date"),
            &|| meta(html, "name", "article.published"),
            &|| meta(html, "name", "parsely-pub-date"),
            &|| meta(html, "name", "sailthru.date"),
            &|| meta(html, "name", "dc.date"),
            &|| first_attr(html, "time[datetime]", "datetime"),
            // The hAtom microformat older news pages use: `<abbr class="published" title="…">`.
            &|| first_attr(html, "[class~=published][title]", "title"),
        ];
        let published = sources
            .iter()
            .find_map(|source| source().and_then(|d| parse_date(&d)))
            .or(lead.published)
            .or(own_lead.published);
        let url = page_address(html);
        // Many news sites date the address itself (`/2015/03/18/…`).
        let published = published.or_else(|| url.as_deref().and_then(date_in_address));
        Metadata {
            outlet,
            byline,
            published,
            url,
        }
    }
}

/// The page's own address, as its canonical link or Open Graph gives it, whole: one written
/// without its scheme (`//us.yahoo.com/news/`, as pages write links for either) is read as
/// `https:`, and a path alone (`/news/story.html`), which names no site, is no address.
pub(super) fn page_address(html: &Html) -> Option<String> {
    let whole = |a: String| {
        let lower = a.to_ascii_lowercase();
        let whole = if lower.starts_with("https://") || lower.starts_with("http://") {
            Some(a)
        } else {
            a.strip_prefix("//")
                .filter(|rest| !rest.is_empty() && !rest.starts_with('/'))
                .map(|rest| format!("https://{rest}"))
        };
        whole.map(|a| without_credentials(&a))
    };
    first_attr(html, "link[rel~=canonical]", "href")
        .and_then(whole)
        .or_else(|| meta(html, "property", "og:url").and_then(whole))
}

/// An address without a user name and password in it (`https://user:secret@host/`): a project
/// is shared with a class, and its reports print the address.
fn without_credentials(address: &str) -> String {
    let Some((scheme, rest)) = address.split_once("://") else {
        return address.to_owned();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://{}", &rest[at + 1..]),
        None => address.to_owned(),
    }
}

/// The host of the page's address, in lower case (`us.yahoo.com`).
pub(super) fn page_host(html: &Html) -> Option<String> {
    let address = page_address(html)?;
    let rest = address
        .split_once("://")
        .map_or(&*address, |(_, rest)| rest);
    rest.split(['/', '?', '#'])
        .next()
        .map(|h| h.to_lowercase())
        .filter(|h| !h.is_empty())
}

/// Whether `name` is the site at `host`: its words run together are one of the host's labels,
/// or hold one of four letters or more (`Yahoo News` at us.yahoo.com, `The Ledger` at
/// theledger.com).
fn names_host(name: &str, host: &str) -> bool {
    let joined: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    // Labels every site has, which name none.
    const GENERIC: &[&str] = &[
        "www", "com", "net", "org", "edu", "gov", "news", "edition", "amp", "mobile", "co", "uk",
    ];
    // A site named by initials: `nytimes` (The New York Times), `wsj` (The Wall Street
    // Journal).
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .filter(|w| w != "the" && w.chars().any(char::is_alphanumeric))
        .collect();
    let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
    let initials_then_last = match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            let mut short: String = rest.iter().filter_map(|w| w.chars().next()).collect();
            short.push_str(last);
            short
        }
        _ => String::new(),
    };
    joined.len() >= 3
        && host
            .split(['.', ':'])
            .filter(|label| label.len() >= 3 && !GENERIC.contains(label))
            .any(|label| {
                joined == label
                    || joined.contains(label)
                    || (words.len() >= 3 && (initials == label || initials_then_last == label))
            })
}

/// A site's name with the slogan some pages give it (`Yahoo News - Latest News & Headlines`,
/// an `application-name`): the side of the separator that names the page's host. Kept whole
/// where no side does, since a name may hold a dash of its own.
fn without_tagline(name: String, host: Option<&str>) -> String {
    let Some(host) = host else { return name };
    // Cut again while a cut is found: "Section - CNN - Breaking News" is "CNN".
    let mut name = name;
    'cut: loop {
        for sep in [" - ", " – ", " — ", " | ", " · ", ": "] {
            if let Some((a, b)) = name.split_once(sep) {
                let (a, b) = (a.trim(), b.trim());
                let side = match (names_host(a, host), names_host(b, host)) {
                    (true, false) => a,
                    (false, true) => b,
                    _ => continue,
                };
                name = side.to_owned();
                continue 'cut;
            }
        }
        return name;
    }
}

/// A date written into an address as `/YYYY/MM/DD/` (or `/YYYY-MM-DD/`), as news sites do.
pub fn date_in_address(url: &str) -> Option<Date> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let parts: Vec<&str> = path.split('/').collect();
    parts
        .windows(3)
        .find_map(|w| {
            let year: i16 = w[0].parse().ok().filter(|y| (1990..=2100).contains(y))?;
            let (month, day) = (w[1], w[2]);
            (month.len() == 2 && day.len() == 2)
                .then(|| Date::new(year, month.parse().ok()?, day.parse().ok()?).ok())
                .flatten()
        })
        .or_else(|| {
            parts
                .iter()
                .find(|p| p.len() == 10 && p.as_bytes()[4] == b'-' && p.as_bytes()[7] == b'-')
                .and_then(|p| p.parse().ok())
        })
}

pub(super) fn first_text(html: &Html, css: &str) -> Option<String> {
    html.select(&selector(css))
        .map(text_of)
        .find(|t| !t.is_empty())
}

pub(super) fn first_attr(html: &Html, css: &str, attr: &str) -> Option<String> {
    html.select(&selector(css))
        .filter_map(|e| e.value().attr(attr))
        .map(squash)
        .find(|t| !t.is_empty())
}

/// `<meta {key}="{name}" content="...">`, matching the name without regard to case.
pub(super) fn meta(html: &Html, key: &str, name: &str) -> Option<String> {
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

/// The text of the first element whose class names it a byline, outside the page's asides,
/// comments and lists of other stories: a commenter's or another story's byline is not the
/// writer's (Yahoo's comment beside the story gave a headline of another story as the byline).
fn byline_element(html: &Html) -> Option<String> {
    html.select(&selector("[class]"))
        .filter(|e| {
            class_tokens(e.value().attr("class").unwrap_or_default())
                .any(|t| t == "byline" || t == "author")
        })
        .filter(|e| {
            !e.ancestors()
                .filter_map(ElementRef::wrap)
                .any(is_beside_the_story)
        })
        .map(text_of)
        .find(|t| !t.is_empty() && t.split_whitespace().count() <= 20)
}

/// An aside, a comment thread or a list of other stories.
fn is_beside_the_story(el: ElementRef) -> bool {
    let v = el.value();
    v.name() == "aside"
        || v.attr("role") == Some("complementary")
        || [v.attr("class"), v.attr("id")]
            .into_iter()
            .flatten()
            .flat_map(class_tokens)
            .any(|t| {
                matches!(
                    t.as_str(),
                    "aside" | "sidebar" | "comment" | "comments" | "related" | "recirc"
                )
            })
}

/// A line that is only a byline: "By Jane Doe, staff writer".
pub(super) fn is_byline_line(line: &str) -> bool {
    let words = line.split_whitespace().count();
    ["By ", "BY "].iter().any(|p| {
        line.strip_prefix(p)
            .is_some_and(|r| r.starts_with(char::is_uppercase))
    }) && words <= 12
}

/// A line that is only a date: "Thursday, March 6, 2003", "6 March 2003", "March 6, 2003".
pub(super) fn date_line(line: &str) -> Option<Date> {
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

/// The date that opens a story's first paragraph as its dateline ("April 17, 2015 -- Imagine
/// …", "WASHINGTON, March 6, 2003 — The …"), on pages that give no date elsewhere.
pub(super) fn dateline_date(line: &str) -> Option<Date> {
    let (before, _) = ["--", "—", "–"]
        .iter()
        .filter_map(|dash| line.split_once(dash))
        .min_by_key(|(before, _)| before.len())?;
    if before.split_whitespace().count() > 8 {
        return None;
    }
    // After a place set in capitals ("WASHINGTON, March 6, 2003 —"), not after any words
    // ("The deadline, March 6, 2003 — a Thursday —").
    date_line(before).or_else(|| {
        before
            .split_once(", ")
            .filter(|(place, _)| !place.chars().any(char::is_lowercase))
            .and_then(|(_, d)| date_line(d))
    })
}

/// "By Jane Doe" → "Jane Doe".
/// The writer's name alone: without "By" or "by:", and without the date, time or count that
/// pages print in the same element ("Lucas Nolan22 Dec 2016651", "GILLIAN MOHNEY March 11,
/// 2015 3:46 PM"). Names have no digits, so a byline ends before its first one.
fn strip_by(byline: &str) -> String {
    let mut b = byline.trim();
    for prefix in ["By:", "by:", "BY:", "By ", "by ", "BY "] {
        if let Some(rest) = b.strip_prefix(prefix) {
            b = rest.trim();
            break;
        }
    }
    let b = b.split(|c: char| c.is_ascii_digit()).next().unwrap_or(b);
    let mut words: Vec<&str> = b.split_whitespace().collect();
    // A date's month or weekday left before the cut ("… March").
    while words.last().is_some_and(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        w.is_empty() || crate::segment::is_date_word(&w)
    }) {
        words.pop();
    }
    words
        .join(" ")
        .trim_end_matches([',', '|', '·', '-', '–', '—', ' '])
        .to_owned()
}

/// A site's name as a reader says it: an address given as the name (`http://www.tmz.com`)
/// without its scheme, `www.` and slash.
fn site_name(name: String) -> String {
    name.trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .trim_end_matches('/')
        .to_owned()
}

/// The date at the start of an ISO 8601 date or date-time (`2025-12-29T14:03:00Z`).
/// A date written as ISO 8601 (`2010-10-09…`) or, as older pages and feeds write it, RFC 2822
/// (`Sat, 09 Oct 2010 07:15:45 EST`): the day as the page wrote it, in its own time zone.
pub(super) fn parse_date(value: &str) -> Option<Date> {
    value.get(..10).and_then(|d| d.parse().ok()).or_else(|| {
        jiff::fmt::rfc2822::parse(value.trim())
            .ok()
            .map(|z| z.date())
    })
}

/// A script's text without the wrappers old pages put around it for XHTML parsers and browsers
/// without scripts (`<![CDATA[ … ]]>`, `//<![CDATA[ … //]]>`, `<!-- … -->`), which make
/// the JSON-LD inside unreadable as JSON.
fn unwrapped_script(text: &str) -> &str {
    let mut text = text.trim();
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
        let head = text.trim_start_matches('/').trim_start();
        if let Some(inner) = head.strip_prefix(open) {
            let inner = inner.trim_end();
            let inner = inner.strip_suffix(close).unwrap_or(inner).trim_end();
            text = inner.trim_end_matches('/').trim();
        }
    }
    text
}

/// The schema.org article object among a page's JSON-LD blocks, if any.
pub(super) struct JsonLd(Option<Value>);

impl JsonLd {
    pub(super) fn of(html: &Html) -> JsonLd {
        let found = html
            .select(&selector(r#"script[type="application/ld+json"]"#))
            .filter_map(|s| {
                let text: String = s.text().collect();
                serde_json::from_str::<Value>(unwrapped_script(&text)).ok()
            })
            .find_map(|v| find_article(&v).cloned());
        JsonLd(found)
    }

    pub(super) fn string(&self, key: &str) -> Option<String> {
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
