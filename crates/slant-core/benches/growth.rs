//! Time that must grow in step with the input: `cargo bench --bench growth`.
//!
//! Each job runs at two sizes, the larger one four or ten times the smaller; a linear job takes
//! about that many times longer, a quadratic one sixteen or a hundred times (these were: 25 s
//! for `slant analyze --json` on 19 MB, two minutes for 200,000 nested `<div>`s, minutes for
//! 200,000 tag rows by as many names). Compare the medians of the two sizes.
//!
//! - analysing news text as `slant analyze` does (import, sentences, cues, suggestions, cues
//!   grouped by sentence): 1 and 4 MB;
//! - reading a saved page of 20,000 and 200,000 nested `<div>`s, and one of as many formatting
//!   elements left open (`<div><b id=N></div>`) followed by as many paragraphs;
//! - reading 20,000 and 200,000 CSV tag rows, each by a different reviewer.

use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use jiff::Timestamp;
use slant_core::cues::{self, Lexicons};
use slant_core::import::{Format, import_bytes};
use slant_core::model::{Article, Project};
use slant_core::{segment, tag_import};

fn main() {
    divan::main();
}

const SEEDS: [&str; 2] = [
    include_str!("../../../tests/data/article_maralago_meeting.txt"),
    include_str!("../../../tests/data/article_nbc_netanyahu_urges.txt"),
];

fn news(megabytes: usize) -> String {
    let mut text = String::from("Two outlets, one meeting\n\n");
    while text.len() < megabytes * 1_000_000 {
        for seed in SEEDS {
            text.push_str(seed);
            text.push_str("\n\n");
        }
    }
    text
}

#[divan::bench(args = [1, 4], sample_count = 5)]
fn analyze_news(bencher: Bencher, megabytes: usize) {
    let text = news(megabytes);
    let lexicons = Lexicons::builtin();
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let imported = import_bytes(
            black_box(text.as_bytes()),
            Format::PlainText,
            "n.txt".as_ref(),
        )
        .unwrap();
        let spans = segment::split(&imported.text);
        let found = cues::find(&imported.text, &spans, lexicons);
        let suggestions = cues::suggest_all(&imported.text, &spans, &found);
        let grouped = cues::per_sentence(&spans, &found);
        (
            suggestions.len(),
            grouped.iter().map(Vec::len).sum::<usize>(),
        )
    });
}

#[divan::bench(args = [20_000, 200_000], sample_count = 5)]
fn nested_divs(bencher: Bencher, depth: usize) {
    let page = format!(
        "<html><body>{}<p>The council met on Tuesday. It voted to cut the hours.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    bencher.counter(BytesCount::new(page.len())).bench(|| {
        import_bytes(black_box(page.as_bytes()), Format::Html, "p.html".as_ref())
            .unwrap()
            .text
            .len()
    });
}

/// Formatting elements left open by their parent's end tag, then as many paragraphs: the
/// parser re-opens what is left open before every piece of text.
#[divan::bench(args = [20_000, 200_000], sample_count = 3)]
fn formatting_left_open(bencher: Bencher, n: usize) {
    let mut page = String::from("<html><body>");
    for k in 0..n {
        page.push_str(&format!("<div><b id={k}></div>"));
    }
    page.push_str(&"<p>The council met.</p>".repeat(n));
    page.push_str("</body></html>");
    bencher.counter(BytesCount::new(page.len())).bench(|| {
        import_bytes(black_box(page.as_bytes()), Format::Html, "p.html".as_ref())
            .unwrap()
            .text
            .len()
    });
}

/// A project with one 2,000-sentence article and no reviewers yet.
fn blank_project() -> &'static Project {
    static PROJECT: OnceLock<Project> = OnceLock::new();
    PROJECT.get_or_init(|| {
        let mut p = Project::new("Class", Timestamp::UNIX_EPOCH);
        let mut text = String::new();
        loop {
            for seed in SEEDS {
                text.push_str(seed);
                text.push('\n');
            }
            let a = Article::new("a".into(), "A", text.clone());
            if a.sentences.len() >= 2000 {
                p.articles.push(a);
                return p;
            }
        }
    })
}

#[divan::bench(args = [20_000, 200_000], sample_count = 3)]
fn tag_rows_by_as_many_reviewers(bencher: Bencher, rows: usize) {
    let mut csv = String::from("article_id,sentence,reviewer,tag,note\n");
    for i in 0..rows {
        let tag = ["fact", "quote", "speculation", "loaded"][i % 4];
        csv.push_str(&format!("a,{},Student {i},{tag},note {i}\n", i % 2000 + 1));
    }
    bencher
        .with_inputs(|| blank_project().clone())
        .bench_local_values(|mut p| {
            tag_import::import(&mut p, black_box(csv.as_bytes()))
                .unwrap()
                .annotations
        });
}
