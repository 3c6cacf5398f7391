//! What must hold for any input, shared by the cargo-fuzz targets (`fuzz/fuzz_targets/`), the
//! proptest versions that run in CI (`tests/properties.rs`) and the regression tests of past
//! findings (`tests/fuzz_regressions.rs`). Each function panics when its property fails.

use std::path::Path;

use slant_core::import::{Format, ImportedText, import_bytes, repair};

/// Loading gives a project or an error, never a panic; a project it gives saves and loads back
/// the same.
pub fn load_project(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(project) = slant_core::store::from_ron(text, Path::new("fuzz.ron")) {
        let saved = slant_core::store::to_ron(&project).expect("a loaded project saves");
        assert!(
            !saved.contains('\r'),
            "a carriage return is written escaped"
        );
        let again = slant_core::store::from_ron(&saved, Path::new("fuzz.ron"))
            .expect("a saved project loads");
        assert_eq!(again, project);
    }
}

/// Sentences are in order, not overlapping, non-empty, on character boundaries, and hold no
/// white space at either end.
pub fn sentences(text: &str) {
    let mut end = 0;
    for s in slant_core::segment::split(text) {
        assert!(
            s.start >= end && s.start < s.end && s.end <= text.len(),
            "{s:?}"
        );
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let sentence = &text[s.range()];
        assert_eq!(sentence.trim(), sentence, "{s:?}");
        end = s.end;
    }
}

/// The text as a reader sees it: what repair may remove (white space and the characters
/// [`repair::is_invisible`] names) left out.
fn visible(t: &str) -> String {
    t.chars()
        .filter(|&c| !c.is_whitespace() && !repair::is_invisible(c))
        .collect()
}

/// Repair changes white space and invisible characters only, and each sentence of the
/// repaired text maps back to the stretch of the original it came from.
pub fn repair(text: &str) {
    let text = text.replace('\r', "");
    let once = repair::repair(&text);
    assert_eq!(visible(&once.text), visible(&text));
    for s in slant_core::segment::split(&once.text) {
        let (start, end) = once.map.to_original(s.start, s.end);
        assert!(start <= end && end <= text.len(), "{s:?} -> {start}..{end}");
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        assert_eq!(visible(&text[start..end]), visible(&once.text[s.range()]));
    }
}

/// Any bytes as a text, Markdown or HTML file: an article or an error; an article's text has
/// no carriage returns and sound sentences.
pub fn import(data: &[u8], format: Format) {
    if let Ok(imported) = import_bytes(data, format, Path::new("fuzz")) {
        assert!(!imported.text.trim().is_empty());
        assert!(!imported.text.contains('\r'));
        sentences(&imported.text);
        if let Some(pasted) = ImportedText::pasted(&imported.text) {
            sentences(&pasted.text);
        }
    }
}

/// Every report of `project` keeps the project's text as text: the HTML has only the report's
/// own kinds of element and no script, event handler or `javascript:` address; the Markdown
/// has no raw HTML and no `javascript:` link; no CSV cell can run as a spreadsheet formula;
/// and `slant import-tags` reads the CSV back to the same tags, notes and phrases.
pub fn reports(project: &slant_core::model::Project) {
    use slant_core::report::{self, Format, Report, Selection, Whose};
    let when = jiff::Timestamp::UNIX_EPOCH;
    let lexicons = slant_core::cues::Lexicons::builtin();
    // One reviewer's report, and the class's (every reviewer's notes and names printed).
    let one = Selection {
        whose: project
            .reviewers
            .first()
            .map_or(Whose::Unnamed, |r| Whose::Reviewer(r.id.to_string())),
        article: None,
    };
    let class = Selection {
        whose: Whose::Class,
        article: None,
    };
    let render = |format: Format, selection: &Selection| {
        let report = Report::new(project, selection, format, when, lexicons).ok()?;
        Some(String::from_utf8(report::render(&report, format).expect("a report renders")).unwrap())
    };
    for selection in [&one, &class] {
        if let Some(html) = render(Format::Html, selection) {
            let doc = scraper::Html::parse_document(&html);
            let all = scraper::Selector::parse("*").unwrap();
            let mut styles = 0;
            for element in doc.select(&all) {
                let name = element.value().name();
                assert!(
                    !matches!(
                        name,
                        "script" | "iframe" | "object" | "embed" | "img" | "form"
                    ),
                    "<{name}> in the HTML report"
                );
                styles += usize::from(name == "style");
                for (attr, value) in element.value().attrs() {
                    assert!(
                        !attr.starts_with("on"),
                        "{attr}={value:?} in the HTML report"
                    );
                    let v = value.trim().to_ascii_lowercase();
                    assert!(!v.starts_with("javascript:"), "{attr}={value:?}");
                }
            }
            assert!(styles <= 1, "only the report's own stylesheet");
        }
        if let Some(md) = render(Format::Markdown, selection) {
            use pulldown_cmark::{Event, Options, Parser, Tag};
            for event in Parser::new_ext(&md, Options::all()) {
                match event {
                    Event::Html(h) | Event::InlineHtml(h) => {
                        panic!("raw HTML {h:?} in the Markdown report")
                    }
                    Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                        let d = dest_url.trim().to_ascii_lowercase();
                        assert!(!d.starts_with("javascript:"), "link to {dest_url:?}");
                    }
                    _ => {}
                }
            }
        }
    }
    let Some(csv) = render(Format::Csv, &Selection::default()) else {
        return;
    };
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    for record in reader.records() {
        for cell in &record.expect("the CSV report parses") {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "cell {cell:?} would run as a formula"
            );
        }
    }
    let mut blank = project.clone();
    for a in &mut blank.articles {
        a.annotations.clear();
    }
    slant_core::tag_import::import(&mut blank, csv.as_bytes())
        .expect("the CSV export imports back");
    for (a, b) in project.articles.iter().zip(&blank.articles) {
        let tags = |article: &slant_core::model::Article| {
            let mut v: Vec<_> = article
                .annotations
                .iter()
                .flat_map(|(r, by)| {
                    by.iter().map(move |(s, x)| {
                        // An empty note is no note: the CSV cannot tell them apart.
                        let note = x.note.clone().filter(|n| !n.is_empty());
                        (r.clone(), *s, x.tag, note, x.loaded_phrases.clone())
                    })
                })
                .filter(|(_, _, tag, note, phrases)| {
                    tag.is_some() || note.is_some() || !phrases.is_empty()
                })
                .collect();
            v.sort();
            v
        };
        assert_eq!(tags(a), tags(b), "article {}", a.id);
    }
}
