//! Property tests: any project survives save → load unchanged, saving is byte-stable, the
//! splitter's spans always tile the visible text, and the fuzz targets' properties hold.

use std::path::Path;

use jiff::Timestamp;
use proptest::prelude::*;
use slant_core::import::Format;
use slant_core::model::{Article, Project, Span, Tag};
use slant_core::{segment, store, validate};

use crate::invariants;

/// Text with the characters that stress storage and splitting: quotes of every kind, raw-string
/// delimiters, backslashes, line breaks of every kind (CR, CRLF, U+2028/9, NEL), NUL and other
/// control characters, the replacement character (what lone surrogates become) and a BOM.
fn tricky_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("U.S. ".to_owned()),
            Just("Sen. ".to_owned()),
            Just("“Hi.” ".to_owned()),
            Just("‘No,’ she said. ".to_owned()),
            Just("\"#\\ ".to_owned()),
            Just("r#\"x\"# ".to_owned()),
            Just("\n\n".to_owned()),
            Just("\t\u{0}\u{7f}".to_owned()),
            Just("\r".to_owned()),
            Just("\r\n".to_owned()),
            Just("\u{2028}\u{2029}\u{85}".to_owned()),
            Just("\u{FFFD}\u{FEFF}".to_owned()),
            Just("\"#\"##\\r\\n\\u{0} ".to_owned()),
            Just("Iran‘s ".to_owned()),
            Just("... ".to_owned()),
            Just("1. ".to_owned()),
            "[a-zA-Zé漢 ]{1,12}",
            "[.!?]{1,2} ",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

fn tag() -> impl Strategy<Value = Tag> {
    prop_oneof![
        Just(Tag::Fact),
        Just(Tag::Quote),
        Just(Tag::Speculation),
        Just(Tag::Loaded)
    ]
}

/// A char-boundary sub-span of `span` in `text`, chosen by two fractions.
fn sub_span(text: &str, span: Span, a: f64, b: f64) -> Option<Span> {
    let bounds: Vec<usize> = (span.start..=span.end)
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let (i, j) = (
        (a * (bounds.len() - 1) as f64) as usize,
        (b * (bounds.len() - 1) as f64) as usize,
    );
    let (i, j) = (i.min(j), i.max(j));
    (i < j).then(|| Span::new(bounds[i], bounds[j]))
}

type Marks = Vec<(usize, usize, Option<Tag>, Option<String>, f64, f64)>;

fn project() -> impl Strategy<Value = Project> {
    (
        any::<String>(),
        0i64..4_000_000_000,
        proptest::collection::vec("[A-Za-z .é]{0,12}", 0..4),
        proptest::collection::vec(
            (
                tricky_text(),
                any::<String>(),
                proptest::option::of("[a-z:/.]{1,20}"),
                proptest::collection::vec(
                    (
                        0usize..4,
                        0usize..50,
                        proptest::option::of(tag()),
                        proptest::option::of(any::<String>()),
                        0.0..1.0,
                        0.0..1.0,
                    ),
                    0..30,
                ),
            ),
            0..4,
        ),
    )
        .prop_map(|(title, secs, reviewers, articles)| {
            let time = Timestamp::from_second(secs).unwrap();
            let mut p = Project::new(title, time);
            for name in &reviewers {
                p.add_reviewer(name);
            }
            for (text, title, outlet, marks) in articles {
                let id = p.new_article_id(&title);
                let mut article = Article::new(id, title, text);
                article.outlet = outlet;
                annotate(&mut article, &p, marks);
                p.articles.push(article);
            }
            p
        })
}

fn annotate(article: &mut Article, project: &Project, marks: Marks) {
    if project.reviewers.is_empty() || article.sentences.is_empty() {
        return;
    }
    for (r, s, tag, note, a, b) in marks {
        let reviewer = project.reviewers[r % project.reviewers.len()].id.clone();
        let index = s % article.sentences.len();
        let span = article.sentences[index];
        let phrase = sub_span(&article.text, span, a, b);
        article.edit_annotation(&reviewer, index, |x| {
            x.tag = tag;
            x.note = note;
            x.loaded_phrases = phrase.into_iter().collect();
        });
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_project_survives_save_and_load(project in project()) {
        prop_assert_eq!(validate::check(&project), vec![]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        store::save(&project, &path).unwrap();
        let first = std::fs::read(&path).unwrap();
        let loaded = store::load(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&loaded, &project);
        store::save(&loaded, &path).unwrap();
        prop_assert_eq!(std::fs::read(&path).unwrap(), first, "saving twice gives identical bytes");
    }

    #[test]
    fn any_project_reports_its_text_as_text(project in project()) {
        invariants::reports(&project);
    }

    #[test]
    fn sentences_tile_the_visible_text(text in tricky_text()) {
        let spans = segment::split(&text);
        let mut last_end = 0;
        for s in &spans {
            prop_assert!(s.start >= last_end && s.start < s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            let sentence = &text[s.range()];
            prop_assert_eq!(sentence.trim(), sentence);
            prop_assert!(text[last_end..s.start].trim().is_empty(), "only white space between sentences");
            last_end = s.end;
        }
        prop_assert!(text[last_end..].trim().is_empty());
    }

    #[test]
    fn any_text_never_panics_the_loader(text in any::<String>()) {
        let _ = store::from_ron(&text, Path::new("fuzz.ron"));
    }
}

/// Markup of the kinds saved pages hold, for the HTML importer.
fn html_soup() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("<p>".to_owned()),
            Just("</p>".to_owned()),
            Just("<div class=\"ad-slot\">".to_owned()),
            Just("<article>".to_owned()),
            Just("</div>".to_owned()),
            Just("<br>".to_owned()),
            Just("<nav><a href=/>Home</a></nav>".to_owned()),
            Just("<script>var x = \"</p>\";</script>".to_owned()),
            Just("<meta property=\"og:site_name\" content=\"X\">".to_owned()),
            Just("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[1,{\"name\":\"A\"}]}</script>".to_owned()),
            Just("<time datetime=\"2025-13-99\">".to_owned()),
            Just("&shy;&nbsp;&#8220;".to_owned()),
            Just("<h1>".to_owned()),
            tricky_text(),
        ],
        0..30,
    )
    .prop_map(|parts| parts.concat())
}

/// The sample project cut short or with one byte changed: what e-mail and broken disks do.
fn damaged_sample() -> impl Strategy<Value = Vec<u8>> {
    let sample =
        include_bytes!("../../../../sample_projects/netanyahu_trump_annotated.ron").to_vec();
    let len = sample.len();
    (0..len, any::<u8>(), any::<bool>()).prop_map(move |(at, byte, cut)| {
        let mut bytes = sample.clone();
        if cut {
            bytes.truncate(at);
        } else {
            bytes[at] = byte;
        }
        bytes
    })
}

// The properties the fuzz targets check (fuzz/invariants.rs), on generated input in CI.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn import_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400), md in any::<bool>()) {
        let format = if md { Format::Markdown } else { Format::PlainText };
        invariants::import(&bytes, format);
    }

    #[test]
    fn html_import_never_panics(page in html_soup()) {
        invariants::import(page.as_bytes(), Format::Html);
    }

    #[test]
    fn repair_changes_only_white_space_and_maps_back(text in tricky_text()) {
        invariants::sentences(&text);
        invariants::repair(&text);
    }

    #[test]
    fn a_damaged_project_file_loads_or_says_why(bytes in damaged_sample()) {
        invariants::load_project(&bytes);
    }
}
