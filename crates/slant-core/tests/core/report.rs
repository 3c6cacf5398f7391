//! Reports: snapshots of each format from the sample project, CSV and JSON parsed back and
//! compared with the project, and article text that tries to inject HTML.

use jiff::Timestamp;
use slant_core::cues::Lexicons;
use slant_core::model::{Article, Project, Span, Tag};
use slant_core::report::{self, Format, Report, ReportError, Selection, Whose};
use slant_core::store;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../sample_projects/netanyahu_trump_annotated.ron"
);

fn sample() -> Project {
    store::load(std::path::Path::new(SAMPLE)).unwrap()
}

fn when() -> Timestamp {
    "2026-11-21T12:00:00Z".parse().unwrap()
}

fn render(project: &Project, format: Format, selection: &Selection) -> String {
    let report = Report::new(project, selection, format, when(), Lexicons::builtin()).unwrap();
    String::from_utf8(report::render(&report, format).unwrap()).unwrap()
}

#[test]
fn snapshots_of_every_format() {
    let project = sample();
    for format in Format::ALL {
        let text = render(&project, format, &Selection::default());
        insta::assert_snapshot!(format!("sample_{}", format.extension()), text);
    }
}

#[test]
fn csv_parses_back_to_the_project() {
    let project = sample();
    let text = render(&project, Format::Csv, &Selection::default());
    assert!(
        text.starts_with('\u{feff}'),
        "a byte order mark for spreadsheets"
    );
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "article_id",
            "article_title",
            "sentence",
            "start",
            "end",
            "reviewer",
            "tag",
            "loaded_phrases",
            "note",
            "text",
            "loaded_phrase_offsets",
            "reviewer_id"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 63);
    let reviewer = &project.reviewers[0];
    for row in &rows {
        let article = project.article(&row[0]).unwrap();
        assert_eq!(&row[1], article.title);
        let i: usize = row[2].parse::<usize>().unwrap() - 1;
        let span = article.sentences[i];
        assert_eq!(
            (
                row[3].parse::<usize>().unwrap(),
                row[4].parse::<usize>().unwrap()
            ),
            (span.start, span.end)
        );
        assert_eq!(&row[5], reviewer.name);
        let annotation = article.annotation(&reviewer.id, i).unwrap();
        assert_eq!(Tag::from_key(&row[6]), annotation.tag);
        let phrases: Vec<&str> = annotation
            .loaded_phrases
            .iter()
            .map(|p| article.slice(*p))
            .collect();
        assert_eq!(row[7], phrases.join(" | "));
        assert_eq!(&row[8], annotation.note.as_deref().unwrap_or(""));
        assert_eq!(
            &row[9],
            article.slice(span),
            "the text, with its curly quotes and line breaks"
        );
    }
}

#[test]
fn json_parses_back_to_the_project() {
    let project = sample();
    let doc: serde_json::Value =
        serde_json::from_str(&render(&project, Format::Json, &Selection::default())).unwrap();
    assert_eq!(doc["schema"], "slant-report");
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["project"]["title"], project.title.as_str());
    for (a, article) in doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&project.articles)
    {
        assert_eq!(a["id"], article.id.as_str());
        assert_eq!(a["text"], article.text.as_str());
        let sentences = a["sentences"].as_array().unwrap();
        assert_eq!(sentences.len(), article.sentences.len());
        for (i, s) in sentences.iter().enumerate() {
            assert_eq!(s["number"], i + 1);
            let span = Span::new(
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(span, article.sentences[i]);
            assert_eq!(s["text"], article.slice(span));
            let ann = &s["annotations"][0];
            let model = article.annotation(&project.reviewers[0].id, i).unwrap();
            assert_eq!(ann["tag"].as_str().and_then(Tag::from_key), model.tag);
            assert_eq!(ann["note"].as_str(), model.note.as_deref());
            let phrases: Vec<Span> = ann["loaded_phrases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    Span::new(
                        p["start"].as_u64().unwrap() as usize,
                        p["end"].as_u64().unwrap() as usize,
                    )
                })
                .collect();
            assert_eq!(phrases, model.loaded_phrases);
        }
        let summary = &a["summaries"][0];
        assert_eq!(summary["tagged"], article.sentences.len());
    }
}

/// The writer the page credits is in every report, as the app shows it beside the outlet.
#[test]
fn reports_name_who_wrote_each_article() {
    let mut project = sample();
    project.articles[1].byline = Some("Stella Kim and Jennifer Jett".into());
    let rivera = Selection {
        whose: Whose::Reviewer("M. Rivera".into()),
        article: None,
    };
    let html = render(&project, Format::Html, &rivera);
    assert!(
        html.contains("NBC News · Stella Kim and Jennifer Jett"),
        "{html}"
    );
    let md = render(&project, Format::Markdown, &rivera);
    assert!(
        md.contains("*NBC News* · Stella Kim and Jennifer Jett\n"),
        "{md}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&render(&project, Format::Json, &rivera)).unwrap();
    assert_eq!(
        json["articles"][1]["byline"],
        "Stella Kim and Jennifer Jett"
    );
    assert_eq!(json["articles"][0]["byline"], serde_json::Value::Null);
}

/// A project whose every piece of user text tries to become markup.
fn hostile() -> Project {
    let evil = "<script>alert('x')</script> <img src=x onerror=alert(1)> </textarea><b onclick=\"x\">\"quotes\" & 'apostrophes' &amp; </p></span></article>";
    let mut p = Project::new(format!("Title {evil}"), when());
    let r = p.add_reviewer(&format!("Eve {evil}"));
    let text = format!(
        "Headline {evil}\nFirst sentence {evil}. Second <style>body{{display:none}}</style> sentence."
    );
    let mut a = Article::new("evil".into(), format!("Article {evil}"), text);
    a.outlet = Some(format!("Outlet {evil}"));
    a.byline = Some(format!("Byline {evil}\n# heading \u{1b}[31m red \u{7}"));
    a.url = Some("javascript:alert(1)".into());
    for s in 0..a.sentences.len() {
        a.set_tag(&r, s, Some(Tag::ALL[s % 4]));
    }
    let first = a.sentences[1];
    a.edit_annotation(&r, 1, |x| {
        x.note = Some(format!("note {evil}"));
        x.loaded_phrases = vec![Span::new(first.start, first.start + 5)];
    });
    p.articles.push(a.clone());
    let mut b = a;
    b.id = "evil-2".into();
    p.articles.push(b);
    p
}

#[test]
fn html_never_lets_article_text_become_markup() {
    let project = hostile();
    let html = render(&project, Format::Html, &Selection::default());
    let doc = scraper::Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "well-formed: {:?}", doc.errors);
    let all = scraper::Selector::parse("*").unwrap();
    // Only the elements and attributes the template writes.
    let elements = [
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p",
        "strong", "section", "table", "thead", "tbody", "tr", "th", "td", "span", "u", "svg",
        "rect", "line", "text", "article", "div", "sup", "a", "ol", "li", "ul", "details",
        "summary", "h4",
    ];
    let attributes = [
        "lang",
        "charset",
        "name",
        "content",
        "class",
        "title",
        "id",
        "href",
        "width",
        "height",
        "viewBox",
        "viewbox",
        "role",
        "aria-label",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "stroke",
        "text-anchor",
        "value",
        "open",
    ];
    let mut styles = 0;
    for element in doc.select(&all) {
        let name = element.value().name();
        assert!(elements.contains(&name), "unexpected element <{name}>");
        styles += usize::from(name == "style");
        for (attr, value) in element.value().attrs() {
            assert!(
                attributes.contains(&attr),
                "unexpected attribute {attr}={value:?} on <{name}>"
            );
            assert!(!value.contains("javascript:"), "{attr}={value:?}");
        }
    }
    assert_eq!(styles, 1, "only the report's own stylesheet");
    // The coverage lists start open: a browser or PDF printer that does not know the print
    // rule which unfolds them (wkhtmltopdf, older browsers) printed only their summary lines.
    let details = scraper::Selector::parse("details").unwrap();
    assert!(doc.select(&details).count() >= 2);
    assert!(
        doc.select(&details)
            .all(|d| d.value().attr("open").is_some()),
        "a folded list prints as its summary line alone"
    );
    // The two copies' sentences are linked, hostile text and all, in the coverage section.
    let pairs = scraper::Selector::parse("table.pairs td").unwrap();
    let linked: Vec<String> = doc
        .select(&pairs)
        .map(|td| td.text().collect::<String>())
        .collect();
    assert!(
        linked
            .iter()
            .any(|t| t.contains("First sentence <script>alert('x')</script>")),
        "{linked:?}"
    );
    // The hostile text is all there, as text.
    let text: String = doc.root_element().text().collect();
    assert!(text.contains("<script>alert('x')</script>"));
    assert!(text.contains("\"quotes\" & 'apostrophes' &amp;"));
    assert!(text.contains("<style>body{display:none}</style>"));
}

#[test]
fn markdown_escapes_article_text() {
    let md = render(&hostile(), Format::Markdown, &Selection::default());
    assert!(!md.contains("<script>"), "angle brackets are escaped");
    assert!(md.contains("\\<script\\>"));
    assert!(
        md.contains("Reported by both, sentence by sentence:\n\n- 1 of the first / 1 of the second: “Headline \\<script\\>"),
        "the linked sentences, escaped: {md}"
    );
    assert!(
        md.contains("\\&amp;"),
        "an entity prints as written, not decoded"
    );
    // Control characters are shown, never sent to whatever shows the file.
    assert!(
        !md.contains('\u{1b}') && md.contains("␛\\[31m red ␇"),
        "{md}"
    );
}

#[test]
fn selection_of_reviewer_and_article() {
    let mut project = sample();
    project.add_reviewer("Second Student");
    let err = Report::new(
        &project,
        &Selection::default(),
        Format::Html,
        when(),
        Lexicons::builtin(),
    )
    .err()
    .unwrap();
    assert!(
        matches!(err, ReportError::ChooseReviewer { count: 2, .. }),
        "{err}"
    );
    assert!(
        Report::new(
            &project,
            &Selection::default(),
            Format::Csv,
            when(),
            Lexicons::builtin()
        )
        .is_ok(),
        "CSV takes the whole class"
    );
    let one = Selection {
        whose: Whose::Reviewer("m. rivera".into()),
        article: Some("nbc-netanyahu-urges".into()),
    };
    let md = render(&project, Format::Markdown, &one);
    assert!(
        md.contains("Reviewer: **M\\. Rivera**") || md.contains("Reviewer: **M. Rivera**"),
        "{}",
        &md[..200]
    );
    assert!(
        !md.contains("## Comparison"),
        "one article, nothing to compare"
    );
    let err = Report::new(
        &project,
        &Selection {
            whose: Whose::Reviewer("Nobody".into()),
            article: None,
        },
        Format::Html,
        when(),
        Lexicons::builtin(),
    )
    .err()
    .unwrap();
    assert_eq!(
        err.to_string(),
        "no reviewer named \"Nobody\" in the project (reviewers: M. Rivera, Second Student)"
    );
}

#[test]
fn html_gains_a_class_section_with_disputed_sentences_and_key_scores() {
    let mut project = sample();
    let rivera = project.reviewers[0].id.clone();
    let sam = project.add_reviewer("Sam Lee");
    for a in &mut project.articles {
        for s in 0..a.sentences.len() {
            let theirs = a.annotation(&rivera, s).and_then(|x| x.tag);
            // Sam calls every Fact a Quote and agrees otherwise.
            let tag = theirs.map(|t| if t == Tag::Fact { Tag::Quote } else { t });
            a.set_tag(&sam, s, tag);
        }
    }
    project.answer_key = Some(rivera);
    let html = render(
        &project,
        Format::Html,
        &Selection {
            whose: Whose::Reviewer("Sam Lee".into()),
            article: None,
        },
    );
    assert!(html.contains("<h2>The class</h2>"), "{html}");
    assert!(html.contains("Krippendorff"));
    let key = project.answer_key.clone().unwrap();
    let first_fact = (0..project.articles[0].sentences.len())
        .find(|&s| project.articles[0].annotation(&key, s).and_then(|x| x.tag) == Some(Tag::Fact))
        .unwrap();
    assert!(html.contains("Most disputed in"));
    assert!(
        html.contains(&format!("Sentence {} (agreement 0%)", first_fact + 1)),
        "a Fact sentence of the key is disputed"
    );
    assert!(
        html.contains("<span class=\"count\"><span class=\"badge"),
        "a badge and its count are kept on one line"
    );
    // A student's report does not name the key's reviewer (a teacher may make a classmate the
    // key); the teacher's class report does.
    assert!(
        html.contains("<caption>Against the answer key, “"),
        "{html}"
    );
    assert!(
        !html.contains("M. Rivera"),
        "the key's name in Sam's report"
    );
    assert!(html.contains("<td>Sam Lee</td>"));
    let class_report = render(
        &project,
        Format::Html,
        &Selection {
            whose: Whose::Class,
            article: None,
        },
    );
    assert!(class_report.contains("Against the answer key (M. Rivera)"));
    // Each article's table of scores names its article: a printed page may start with one.
    for a in &project.articles {
        assert!(
            class_report.contains(&format!(
                "Against the answer key (M. Rivera), “{}”",
                a.title
            )),
            "{}",
            a.title
        );
    }
    // The marks after each sentence are explained, and the agreement says what it counts over.
    assert!(class_report.contains("After each sentence, in brackets, how the class tagged it"));
    let tagged_twice = slant_core::agreement::class_article(&project, &project.articles[0], None)
        .agreement
        .sentences
        .iter()
        .filter(|s| s.agreement.is_some())
        .count();
    assert!(
        class_report.contains(&format!(
            " over {tagged_twice} of {} sentences</td>",
            project.articles[0].sentences.len()
        )),
        "{class_report}"
    );
    let class_md = render(
        &project,
        Format::Markdown,
        &Selection {
            whose: Whose::Class,
            article: None,
        },
    );
    assert!(class_md.contains("Before each sentence, in brackets, how the class tagged it"));
    // As many disputed sentences as the app lists, and a word on the rest.
    let disputed = slant_core::agreement::class_article(&project, &project.articles[0], None)
        .agreement
        .disputed_count();
    assert!(
        disputed > slant_core::agreement::MOST_DISPUTED,
        "{disputed}"
    );
    assert!(html.contains(&format!(
        "… and {} more disputed sentences",
        disputed - slant_core::agreement::MOST_DISPUTED
    )));
    assert!(html.contains("Fleiss' κ needs every sentence tagged by as many reviewers"));
    assert!(
        html.contains("Fact as Quote"),
        "the confusion matrix's mix-ups"
    );
    // Sam's report shows the class's figures and Sam's own score, never another student's.
    let ana = project.add_reviewer("Ana Ruiz");
    for a in &mut project.articles {
        a.set_tag(&ana, 0, Some(Tag::Loaded));
    }
    let for_sam = Selection {
        whose: Whose::Reviewer("Sam Lee".into()),
        article: None,
    };
    let html = render(&project, Format::Html, &for_sam);
    assert!(html.contains("<td>Sam Lee</td>"));
    assert!(
        !html.contains("Ana Ruiz"),
        "another student's name and score"
    );
    let for_ana = Selection {
        whose: Whose::Reviewer("Ana Ruiz".into()),
        article: None,
    };
    let html = render(&project, Format::Html, &for_ana);
    assert!(html.contains("<td>Ana Ruiz</td>") && !html.contains("Sam Lee"));
    // One reviewer: no class section (the snapshots above have none).
    let alone = render(&sample(), Format::Html, &Selection::default());
    assert!(!alone.contains("The class"));
}

/// Two reviewers who tagged no sentence in common have not agreed on anything: the report says
/// so, not "The class agreed on every sentence" under a table of dashes.
#[test]
fn a_class_with_no_sentence_tagged_twice_says_so() {
    let mut project = sample();
    let sam = project.add_reviewer("Sam Lee");
    let rivera = project.reviewers[0].id.clone();
    for a in &mut project.articles {
        for s in 0..a.sentences.len() {
            a.set_tag(&sam, s, None);
        }
    }
    // Sam tags only sentences Rivera left untagged; in the sample every sentence is tagged,
    // so clear Rivera's first sentence and give it to Sam.
    project.articles[1].set_tag(&rivera, 0, None);
    project.articles[1].set_tag(&sam, 0, Some(Tag::Fact));
    let html = render(
        &project,
        Format::Html,
        &Selection {
            whose: Whose::Reviewer("M. Rivera".into()),
            article: None,
        },
    );
    let second = &project.articles[1].title;
    let from = &html[html.find(&format!("Most disputed in “{second}”")).unwrap()..];
    let section = &from[..from[4..].find("<h3>").map_or(from.len(), |i| i + 4)];
    assert!(
        section.contains("No sentence was tagged by two reviewers yet."),
        "{section}"
    );
    assert!(!section.contains("agreed on every sentence"));
}

#[test]
fn a_project_without_reviewers_exports_as_a_handout() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../sample_projects/netanyahu_trump_assignment.ron"
    );
    let assignment = store::load(std::path::Path::new(path)).unwrap();
    assert!(assignment.reviewers.is_empty());
    for format in [Format::Html, Format::Markdown] {
        let text = render(&assignment, format, &Selection::default());
        let first = assignment.articles[0].sentence_text(0);
        assert!(
            text.contains(first.split_whitespace().next().unwrap()),
            "{format}: the articles' text is there"
        );
        assert!(text.contains("Words"), "{format}: and their figures");
    }
}

#[test]
fn unfinished_work_says_what_its_shares_are_of() {
    let mut project = sample();
    let r = project.reviewers[0].id.clone();
    project.articles[0]
        .annotations
        .get_mut(&r)
        .unwrap()
        .retain(|&s, _| s < 12);
    let md = render(&project, Format::Markdown, &Selection::default());
    assert!(md.contains("| Tagged | 12 of 30 | 33 of 33 |"), "{md}");
    assert!(md.contains("Not every sentence is tagged yet"));
    let html = render(&project, Format::Html, &Selection::default());
    assert!(html.contains("12 of 30"));
    let done = render(&sample(), Format::Markdown, &Selection::default());
    assert!(!done.contains("Not every sentence is tagged yet"));
}

#[test]
fn two_reviewers_of_one_name_are_told_apart_by_id_not_picked_at_random() {
    let mut project = sample();
    project.add_reviewer("M. Rivera"); // a second M. Rivera: id "m-rivera-2"
    let by_name = Selection {
        whose: Whose::Reviewer("m. rivera".into()),
        article: None,
    };
    let err = Report::new(
        &project,
        &by_name,
        Format::Html,
        when(),
        Lexicons::builtin(),
    )
    .err()
    .unwrap();
    assert_eq!(
        err.to_string(),
        "2 reviewers are named \"m. rivera\"; give the id of the one you mean (m-rivera, m-rivera-2)"
    );
    let by_id = Selection {
        whose: Whose::Reviewer("m-rivera-2".into()),
        article: None,
    };
    let report = Report::new(&project, &by_id, Format::Html, when(), Lexicons::builtin()).unwrap();
    assert_eq!(report.reviewer().unwrap().id.as_str(), "m-rivera-2");
}

/// A note typed on several lines prints on several lines: the HTML keeps its line breaks (and
/// the stylesheet shows them), the Markdown footnote breaks its lines and keeps a blank line
/// as a new paragraph (the reports printed "no — line two" on one line).
#[test]
fn a_notes_lines_stay_lines_in_html_and_markdown() {
    let mut p = Project::new("Notes", when());
    let r = p.add_reviewer("Ann");
    let mut a = Article::new("a".into(), "A", "One sentence here. Another one.");
    a.set_tag(&r, 0, Some(Tag::Fact));
    a.edit_annotation(&r, 0, |x| {
        x.note = Some("no —\nline two <b>\n\nthird".into());
    });
    p.articles.push(a);
    let html = render(&p, Format::Html, &Selection::default());
    assert!(html.contains("no —\nline two &lt;b&gt;\n\nthird"), "{html}");
    assert!(html.contains(".notes li { white-space: pre-line; }"));
    let md = render(&p, Format::Markdown, &Selection::default());
    assert!(
        md.contains("]: no —\\\n    line two \\<b\\>\n\n    third\n"),
        "{md}"
    );
}

/// The coverage section's lists stay apart in Markdown: the figures that differ are not read as
/// more links of "Reported by both" (two lists with the same bullet and only a blank line
/// between them are one list).
#[test]
fn markdown_keeps_the_links_and_the_differing_figures_in_separate_lists() {
    let mut p = Project::new("Two counts".to_owned(), when());
    let r = p.add_reviewer("Ann");
    for (id, count) in [("a", "40"), ("b", "45")] {
        let text = format!(
            "Flood hits the valley\n\nThe flood killed {count} people in the valley on Monday, officials said.\n"
        );
        let mut a = Article::new(id.into(), format!("Outlet {id}"), text);
        a.set_tag(&r, 0, Some(Tag::Fact));
        p.articles.push(a);
    }
    let md = render(&p, Format::Markdown, &Selection::default());
    assert!(md.contains("Figures that differ:"), "{md}");
    let mut items_per_list = Vec::new();
    let mut depth = 0;
    for event in pulldown_cmark::Parser::new(&md) {
        match event {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::List(_)) => {
                depth += 1;
                items_per_list.push(0);
            }
            pulldown_cmark::Event::End(pulldown_cmark::TagEnd::List(_)) => depth -= 1,
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Item) if depth == 1 => {
                *items_per_list.last_mut().unwrap() += 1;
            }
            _ => {}
        }
    }
    // The four links (headlines, sentences and the openings across), then the one figure, each
    // a list of its own.
    assert_eq!(&items_per_list[..2], [4, 1], "{md}");
}

/// A teacher's report of the whole class: how the class tagged each sentence, every reviewer's
/// notes with their names, every student's score; in HTML and in Markdown, names escaped.
#[test]
fn the_whole_class_report_shows_every_reviewers_work() {
    let mut project = sample();
    let rivera = project.reviewers[0].id.clone();
    let sam = project.add_reviewer("Sam <b>Lee</b>");
    let ana = project.add_reviewer("Ana Ruiz");
    for a in &mut project.articles {
        for s in 0..a.sentences.len() {
            let theirs = a.annotation(&rivera, s).and_then(|x| x.tag);
            a.set_tag(
                &sam,
                s,
                theirs.map(|t| if t == Tag::Fact { Tag::Quote } else { t }),
            );
        }
        a.set_tag(&ana, 0, Some(Tag::Loaded));
        a.edit_annotation(&ana, 0, |x| x.note = Some("Ana's *view*".into()));
        a.edit_annotation(&sam, 1, |x| x.note = Some("Sam's view".into()));
    }
    // Ana marks the first article's first word as a loaded phrase.
    let first = project.articles[0].sentences[0];
    let word_end = project.articles[0].text[first.range()]
        .find(' ')
        .map_or(first.end, |i| first.start + i);
    let word = project.articles[0].text[first.start..word_end].to_owned();
    project.articles[0].edit_annotation(&ana, 0, |x| {
        x.loaded_phrases.push(Span::new(first.start, word_end))
    });
    project.answer_key = Some(rivera.clone());
    let class = Selection {
        whose: Whose::Class,
        article: None,
    };
    let html = render(&project, Format::Html, &class);
    assert!(
        html.contains("Class report: <strong>3 reviewers</strong>"),
        "{html}"
    );
    assert!(!html.contains("Reviewer: "), "no one person's report");
    assert!(html.contains("Sam &lt;b&gt;Lee&lt;/b&gt;"), "names escaped");
    assert!(!html.contains("<b>Lee"));
    assert!(html.contains("Ana Ruiz: Ana's *view*"));
    assert!(html.contains("Sam &lt;b&gt;Lee&lt;/b&gt;: Sam's view"));
    // Sentence 1 of the first article: the key's tag, Sam's and Ana's Loaded.
    assert!(html.contains("<span class=\"class-tags\">(1: "), "{html}");
    assert!(
        html.contains(&format!("<u class=\"phrase\">{word}</u>")),
        "a phrase any reviewer marked is underlined"
    );
    // Every student's score, the key's name on the table.
    assert!(
        html.contains("<td>Ana Ruiz</td>") && html.contains("<td>Sam &lt;b&gt;Lee&lt;/b&gt;</td>")
    );
    let md = render(&project, Format::Markdown, &class);
    assert!(md.contains("Class report: **3 reviewers**"), "{md}");
    assert!(md.contains("## The class"));
    assert!(md.contains("Ana Ruiz: Ana's \\*view\\*"), "{md}");
    assert!(md.contains("| Ana Ruiz |"));
    assert!(md.contains("untagged") || md.contains("[L 1"), "{md}");
    // Two students of one name are told apart by their ids.
    let sam_too = project.add_reviewer("Sam <b>Lee</b>");
    project.articles[0].set_tag(&sam_too, 0, Some(Tag::Fact));
    let html = render(&project, Format::Html, &class);
    assert!(
        html.contains(&format!(
            "<td>Sam &lt;b&gt;Lee&lt;/b&gt; ({})</td>",
            sam.as_str()
        )) && html.contains(&format!(
            "<td>Sam &lt;b&gt;Lee&lt;/b&gt; ({})</td>",
            sam_too.as_str()
        )),
        "{html}"
    );
    // Without --class or a reviewer, a class file still asks whose.
    let asked = Report::new(
        &project,
        &Selection::default(),
        Format::Html,
        when(),
        Lexicons::builtin(),
    );
    assert!(matches!(asked, Err(ReportError::ChooseReviewer { .. })));
}

/// An article's heading is printed on the page of its figures: they are one block that never
/// splits, since printers that ignore `break-after: avoid` (wkhtmltopdf) left a heading and its
/// metadata alone at the foot of a page.
#[test]
fn an_articles_heading_is_never_printed_apart_from_its_figures() {
    let html = render(
        &sample(),
        Format::Html,
        &Selection {
            whose: Whose::Reviewer("M. Rivera".into()),
            article: None,
        },
    );
    let doc = scraper::Html::parse_document(&html);
    let articles = scraper::Selector::parse("article.article").unwrap();
    let opening = scraper::Selector::parse(":scope > div.opening").unwrap();
    let inside = scraper::Selector::parse("h2, p.meta, div.summary").unwrap();
    let mut n = 0;
    for article in doc.select(&articles) {
        let block = article.select(&opening).next().expect("an opening block");
        assert_eq!(block.select(&inside).count(), 3);
        n += 1;
    }
    assert_eq!(n, 2);
    let css = scraper::Selector::parse("style").unwrap();
    let style: String = doc.select(&css).flat_map(|s| s.text()).collect();
    assert!(style.contains(".opening { break-inside: avoid; page-break-inside: avoid; }"));
}
