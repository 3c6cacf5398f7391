//! The shipped sample projects, built from the two seed articles and one careful reviewer's
//! annotations following RUBRIC.md.
//!
//! The annotations below are the source; the files in `sample_projects/` are generated from them.
//! The test fails when the files and this source disagree (a format or splitter change);
//! `UPDATE_SAMPLES=1 cargo test --test sample_project` rewrites the files.

use std::path::{Path, PathBuf};

use slant_core::model::{Article, Project, ReviewerId, Span, Tag};
use slant_core::store;

use Tag::{Fact as F, Loaded as L, Quote as Q, Speculation as S};

/// (sentence number, how it starts, tag, loaded phrases, note on a hard call)
type Row = (
    usize,
    &'static str,
    Tag,
    &'static [&'static str],
    &'static str,
);

const MARALAGO: &[Row] = &[
    (
        1,
        "Netanyahu URGES",
        L,
        &["URGES"],
        "Headline: the capitals in URGES dramatise a request that the body calls pressing for support.",
    ),
    (
        2,
        "In a high-stakes meeting",
        F,
        &["high-stakes"],
        "Who, where and what he asked for are checkable; 'high-stakes' is the writer's framing.",
    ),
    (3, "The discussions highlighted", F, &[], ""),
    (
        4,
        "The June 2025 conflict",
        F,
        &["dramatic escalation"],
        "Hard call: an interpretive summary, but checkable in outline; the adjective is marked instead.",
    ),
    (5, "Israel, with U.S. backing", F, &[], ""),
    (6, "The U.S. contributed", F, &[], ""),
    (7, "Iran retaliated", F, &[], ""),
    (
        8,
        "Israeli officials claimed",
        Q,
        &[],
        "Partial quotes from unnamed 'Israeli officials'; 'claimed' keeps a distance.",
    ),
    (
        9,
        "However, just six months later",
        S,
        &["alarming pace"],
        "Unnamed 'intelligence assessments'; 'alarming pace' is the writer's word, not the assessments'.",
    ),
    (10, "Reports suggest", S, &[], ""),
    (
        11,
        "This capability is seen as",
        S,
        &[],
        "'Is seen as' by whom? No source.",
    ),
    (12, "Netanyahu arrived", F, &[], ""),
    (
        13,
        "According to multiple reports",
        F,
        &[],
        "Indirect speech with named sources: a report of what he argued, not a quotation.",
    ),
    (
        14,
        "During public remarks",
        L,
        &[],
        "Hard call: the tone is the writer's reading of the remarks, a verdict rather than information.",
    ),
    (15, "He warned Iran", Q, &[], ""),
    (16, "Trump emphasized:", Q, &[], ""),
    (
        17,
        "For nuclear, fast.",
        Q,
        &[],
        "The quotation goes on from the previous sentence.",
    ),
    (
        18,
        "He also reiterated",
        Q,
        &["boast", "obliterated", "war heroes"],
        "Trump's words are quoted; 'boast' is the writer's judgement of them.",
    ),
    (19, "Netanyahu, in turn", Q, &["greatest friend"], ""),
    (20, "The meeting also covered", F, &[], ""),
    (21, "While the two leaders", S, &[], "Unnamed 'analysts'."),
    (
        22,
        "Trump’s “America First”",
        S,
        &["preemptive military dominance"],
        "'Could clash' predicts.",
    ),
    (
        23,
        "Some Trump advisers reportedly",
        S,
        &["endless escalation"],
        "'Reportedly' and unnamed advisers.",
    ),
    (
        24,
        "Critics, including think tanks",
        F,
        &["shifting goalposts", "perpetual conflict"],
        "Hard call: named critics' argument, reported without quotation marks; the loaded phrases are theirs.",
    ),
    (25, "Iran, meanwhile, insists", F, &[], ""),
    (
        26,
        "Iranian officials have warned",
        Q,
        &["beyond imagination"],
        "",
    ),
    (
        27,
        "Trump has left the door open",
        S,
        &[],
        "An unsourced reading of Trump's position.",
    ),
    (
        28,
        "For Netanyahu, securing",
        S,
        &[],
        "The writer's analysis of Netanyahu's motives, unsourced.",
    ),
    (
        29,
        "The meeting underscores",
        L,
        &[
            "volatile moment",
            "drag it toward another round of devastating conflict",
        ],
        "",
    ),
    (30, "Whether Trump fully endorses", S, &[], ""),
];

const NBC: &[Row] = &[
    (
        1,
        "Israeli Prime Minister Netanyahu Urges",
        F,
        &[],
        "A plain headline: compare the other outlet's 'URGES'.",
    ),
    (
        2,
        "Israeli Prime Minister Benjamin",
        F,
        &["high-stakes"],
        "One sentence, although copy-paste put a paragraph break after 'U.S.'.",
    ),
    (3, "According to NBC News", F, &[], ""),
    (
        4,
        "The coordination of the operation",
        S,
        &[],
        "'Sources say' and 'expected to'.",
    ),
    (
        5,
        "‘This isn’t just about defense,’",
        Q,
        &[],
        "Anonymous: 'one U.S. official'.",
    ),
    (6, "‘It’s about preventing", Q, &[], ""),
    (7, "The timing of the meeting", S, &[], "'Reportedly'."),
    (
        8,
        "Iranian Foreign Minister",
        F,
        &[],
        "The praise is checkable; the 'warning' reading belongs to unnamed analysts.",
    ),
    (
        9,
        "‘Tehran is sending",
        Q,
        &[],
        "Anonymous: 'spoke on condition of anonymity'.",
    ),
    (10, "‘They’re leveraging", Q, &[], ""),
    (11, "Netanyahu’s argument", S, &[], ""),
    (
        12,
        "‘Iran is not just",
        Q,
        &[],
        "Anonymous: 'requested anonymity'.",
    ),
    (13, "‘They’re integrating", Q, &[], ""),
    (
        14,
        "The official added",
        S,
        &["minimal collateral damage"],
        "An anonymous official's claim, paraphrased; 'minimal collateral damage' is a soothing euphemism.",
    ),
    (
        15,
        "However, critics argue",
        S,
        &[],
        "Unnamed critics predicting a risk.",
    ),
    (
        16,
        "Trump’s foreign policy has long",
        L,
        &[],
        "A sweeping, unsourced generalisation that frames what follows.",
    ),
    (
        17,
        "While his administration",
        F,
        &["sharp criticism"],
        "Hard call: checkable in outline, but no critic is named.",
    ),
    (
        18,
        "‘Trump’s tariffs",
        Q,
        &[],
        "Anonymous: 'declined to be named'.",
    ),
    (19, "‘He sees Iran", Q, &[], ""),
    (20, "Conversely, Democratic lawmakers", F, &["reckless"], ""),
    (
        21,
        "‘This is a dangerous gamble,’",
        Q,
        &["dangerous gamble"],
        "A named voice: Senator Elizabeth Warren.",
    ),
    (22, "‘Trump’s war rhetoric", Q, &["war rhetoric"], ""),
    (
        23,
        "We need diplomacy",
        Q,
        &[],
        "Still Warren's quotation: the paragraph break falls inside it.",
    ),
    (
        24,
        "The potential for conflict",
        S,
        &["almost inevitable"],
        "",
    ),
    (
        25,
        "Analysts point to",
        S,
        &["unpredictable"],
        "Unnamed analysts.",
    ),
    (
        26,
        "‘We’re on the edge",
        Q,
        &["on the edge of a precipice"],
        "",
    ),
    (27, "‘If Trump greenlights", Q, &[], ""),
    (
        28,
        "Yet, for Netanyahu",
        L,
        &["the calculus is clear"],
        "The writer's verdict, stated as certainty.",
    ),
    (29, "‘Israel cannot wait", Q, &["Iranian aggression"], ""),
    (30, "‘We have a window", Q, &[], ""),
    (
        31,
        "As the meeting between",
        L,
        &["the world watches closely"],
        "",
    ),
    (
        32,
        "The outcome could redefine",
        S,
        &["plunge the region into chaos"],
        "",
    ),
    (
        33,
        "For now, the only certainty",
        L,
        &["the stakes have never been higher"],
        "",
    ),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed_article(project: &Project, file: &str, outlet: Option<&str>) -> Article {
    let path = root().join("tests/data").join(file);
    let imported = slant_core::import::import_file(&path).unwrap();
    let stem = Path::new(file).file_stem().unwrap().to_str().unwrap();
    assert!(
        imported.headline.is_some(),
        "{file} starts with its headline"
    );
    let id = project.new_article_id(stem.trim_start_matches("article_"));
    let mut article = imported.into_article(id, stem);
    article.outlet = outlet.map(str::to_owned);
    article
}

fn annotate(article: &mut Article, reviewer: &ReviewerId, rows: &[Row]) {
    assert_eq!(
        rows.len(),
        article.sentences.len(),
        "{}: one row per sentence",
        article.id
    );
    for (i, &(number, start, tag, phrases, note)) in rows.iter().enumerate() {
        assert_eq!(number, i + 1);
        let span = article.sentences[i];
        let text = article.slice(span).to_owned();
        assert!(
            text.starts_with(start),
            "{} sentence {number} is {text:?}",
            article.id
        );
        let mut marked: Vec<Span> = phrases
            .iter()
            .map(|p| {
                let at = text
                    .find(p)
                    .unwrap_or_else(|| panic!("{p:?} not in sentence {number}"));
                Span::new(span.start + at, span.start + at + p.len())
            })
            .collect();
        marked.sort();
        article.edit_annotation(reviewer, i, |a| {
            a.tag = Some(tag);
            a.note = (!note.is_empty()).then(|| note.to_owned());
            a.loaded_phrases = marked;
        });
    }
}

fn assignment() -> Project {
    let mut p = Project::new(
        "Netanyahu presses Trump on Iran: two outlets compared",
        "2026-11-21T09:00:00Z".parse().unwrap(),
    );
    let a = seed_article(&p, "article_maralago_meeting.txt", None);
    p.articles.push(a);
    let b = seed_article(&p, "article_nbc_netanyahu_urges.txt", Some("NBC News"));
    p.articles.push(b);
    p
}

fn annotated() -> Project {
    let mut p = assignment();
    let reviewer = p.add_reviewer("M. Rivera");
    annotate(&mut p.articles[0], &reviewer, MARALAGO);
    annotate(&mut p.articles[1], &reviewer, NBC);
    p
}

fn check_file(name: &str, project: &Project) {
    let path = root().join("sample_projects").join(name);
    let want = store::to_ron(project).unwrap();
    if std::env::var_os("UPDATE_SAMPLES").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let loaded = store::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        &loaded, project,
        "{name} is out of date: UPDATE_SAMPLES=1 cargo test --test sample_project"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        want,
        "{name}: bytes differ from a fresh save"
    );
}

#[test]
fn annotated_sample_is_complete_and_up_to_date() {
    let project = annotated();
    for article in &project.articles {
        let summary = slant_core::stats::summarize(article, [&project.reviewers[0].id]);
        assert_eq!(
            summary.reviewers[0].tagged,
            article.sentences.len(),
            "every sentence tagged"
        );
        for tag in Tag::ALL {
            assert!(
                summary.reviewers[0].counts.get(tag) > 0,
                "{}: some {tag}",
                article.id
            );
        }
    }
    check_file("netanyahu_trump_annotated.ron", &project);
}

#[test]
fn assignment_sample_has_the_same_articles_and_no_tags() {
    let mut project = assignment();
    // Handed out to students: the sentences stay as the teacher split them.
    project.sentences = slant_core::model::SentenceLock::Locked;
    assert!(project.reviewers.is_empty());
    assert!(project.articles.iter().all(|a| a.annotations.is_empty()));
    assert_eq!(project.articles, {
        let mut a = annotated().articles;
        a.iter_mut().for_each(|x| x.annotations.clear());
        a
    });
    check_file("netanyahu_trump_assignment.ron", &project);
}

#[test]
fn quoted_voices_of_the_sample_articles() {
    let project = annotated();
    let r = &project.reviewers[0].id;
    let names = |a: usize| -> Vec<(String, slant_core::voices::VoiceKind)> {
        slant_core::voices::quoted_voices(&project.articles[a], r)
            .into_iter()
            .map(|v| (v.name, v.kind))
            .collect()
    };
    use slant_core::voices::VoiceKind::{Named, Unnamed};
    assert_eq!(
        names(0),
        [
            ("Israeli officials".to_owned(), Unnamed),
            ("Trump".to_owned(), Named),
            ("Netanyahu".to_owned(), Named),
            ("Iranian officials".to_owned(), Unnamed)
        ]
    );
    let nbc = names(1);
    // Warren, and Netanyahu: "‘Israel cannot wait…,’ he said" follows "Yet, for Netanyahu, the
    // calculus is clear."
    assert_eq!(
        slant_core::voices::count(&slant_core::voices::quoted_voices(&project.articles[1], r)),
        (2, 5),
        "{nbc:?}"
    );
    assert!(nbc.contains(&("Netanyahu".to_owned(), Named)), "{nbc:?}");
}
