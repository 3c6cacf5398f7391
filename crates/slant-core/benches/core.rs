//! Core benchmarks: `cargo bench --bench core`.
//!
//! - splitting ≥ 10 MB of news text (Slant's rules and sentencex on the same text);
//! - loading and saving a generated 50 MB project (30 reviewers × 20 articles), with serde_json
//!   on the same document as the reference;
//! - statistics over that project.

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use jiff::Timestamp;
use slant_core::model::{Article, Project, Span, Tag};
use slant_core::{segment, stats, store};

fn main() {
    divan::main();
}

const SEEDS: [&str; 2] = [
    include_str!("../../../tests/data/article_maralago_meeting.txt"),
    include_str!("../../../tests/data/article_nbc_netanyahu_urges.txt"),
];

/// About 10.5 MB of news text: the sample articles repeated.
fn news_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let mut text = String::new();
        while text.len() < 10_500_000 {
            for seed in SEEDS {
                text.push_str(seed);
                text.push_str("\n\n");
            }
        }
        text
    })
}

#[divan::bench(sample_count = 10)]
fn split_slant(bencher: Bencher) {
    let text = news_text();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| segment::split(black_box(text)).len());
}

/// Splitting, finding every cue and suggesting a tag for every sentence.
#[divan::bench(sample_count = 5)]
fn analyze_with_suggestions(bencher: Bencher) {
    let text = news_text();
    let lexicons = slant_core::cues::Lexicons::builtin();
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let sentences = segment::split(black_box(text));
        let cues = slant_core::cues::find(text, &sentences, lexicons);
        slant_core::cues::suggest_all(text, &sentences, &cues)
            .iter()
            .flatten()
            .count()
    });
}

/// Who speaks in 1 MB of one attribution repeated ("The minister said…"): each "the
/// minister" looks back for the minister introduced before. Linear; it was quadratic (43 s).
#[divan::bench(sample_count = 5)]
fn voices_of_many_attributions(bencher: Bencher) {
    let sentence = "The minister said the plan could fail badly. ";
    let text = sentence.repeat(1_000_000 / sentence.len());
    let article = Article::new("a".into(), "A", &text);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| slant_core::voices::speakers_in(black_box(&article)).len());
}

#[divan::bench(sample_count = 5)]
fn split_sentencex(bencher: Bencher) {
    let text = news_text();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| sentencex::segment("en", black_box(text)).len());
}

/// 30 reviewers × 20 articles, every sentence tagged by every reviewer, about 50 MB as RON.
fn big_project() -> &'static Project {
    static PROJECT: OnceLock<Project> = OnceLock::new();
    PROJECT.get_or_init(|| {
        let mut p = Project::new("Benchmark", Timestamp::UNIX_EPOCH);
        let reviewers: Vec<_> = (0..30)
            .map(|i| p.add_reviewer(&format!("Student {i}")))
            .collect();
        let mut body = String::new();
        while body.len() < 300_000 {
            body.push_str(SEEDS[body.len() % 2]);
            body.push_str("\n\n");
        }
        for n in 0..20 {
            let mut a = Article::new(
                p.new_article_id(&format!("article {n}")),
                format!("Article {n}"),
                body.clone(),
            );
            for (r, id) in reviewers.iter().enumerate() {
                for s in 0..a.sentences.len() {
                    let tag = Tag::ALL[(s * 7 + r * 3 + n) % 4];
                    let span = a.sentences[s];
                    a.edit_annotation(id, s, |x| {
                        x.tag = Some(tag);
                        if (s + r) % 10 == 0 {
                            x.loaded_phrases.push(Span::new(span.start, span.start + 1));
                        }
                        if (s + r) % 25 == 0 {
                            x.note = Some(
                                "A hard call: attributed, but the speaker is anonymous.".into(),
                            );
                        }
                    });
                }
            }
            p.articles.push(a);
        }
        p
    })
}

fn big_file() -> &'static (PathBuf, usize) {
    static FILE: OnceLock<(PathBuf, usize)> = OnceLock::new();
    FILE.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("slant-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.ron");
        store::save(big_project(), &path).unwrap();
        let len = std::fs::metadata(&path).unwrap().len() as usize;
        (path, len)
    })
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn load_ron(bencher: Bencher) {
    let (path, len) = big_file();
    bencher
        .counter(BytesCount::new(*len))
        .bench(|| store::load(path).unwrap());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn save_ron(bencher: Bencher) {
    let (path, len) = big_file();
    let project = big_project();
    bencher
        .counter(BytesCount::new(*len))
        .bench(|| store::save(project, path).unwrap());
}

fn big_json() -> &'static String {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| serde_json::to_string(&store::ProjectDoc::new(big_project())).unwrap())
}

/// Reference: serde_json parsing the same document (no validation, no file).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn load_json_reference(bencher: Bencher) {
    let json = big_json();
    bencher.counter(BytesCount::new(json.len())).bench(|| {
        serde_json::from_str::<store::ProjectDoc>(json)
            .unwrap()
            .into_project()
    });
}

/// Reference: serde_json writing the same document to a string.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn save_json_reference(bencher: Bencher) {
    let project = big_project();
    bencher.bench(|| {
        serde_json::to_string(&store::ProjectDoc::new(project))
            .unwrap()
            .len()
    });
}

/// Reference: RON parsing from memory, to separate parsing from file and validation costs.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn parse_ron_in_memory(bencher: Bencher) {
    let (path, len) = big_file();
    let text = std::fs::read_to_string(path).unwrap();
    bencher
        .counter(BytesCount::new(*len))
        .bench(|| store::from_ron(&text, path).unwrap());
}

#[divan::bench(sample_count = 10)]
fn statistics(bencher: Bencher) {
    let project = big_project();
    bencher.bench(|| stats::summarize_project(black_box(project)).len());
}
