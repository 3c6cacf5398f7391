//! Input benchmarks: `cargo bench --bench input`.
//!
//! - copy-paste repair of 10 MB of hard-wrapped news text;
//! - extracting the article from a 1 MB saved web page, and from the 41 real saved pages of
//!   `../shared/testdata/readability_pages/` (read where they are; skipped, saying so, where
//!   that folder or `gzip` is absent);
//! - re-anchoring every annotation of a 2,000-sentence article after an edit (a paragraph
//!   deleted, one sentence in fifty reworded), and after replacing the whole text;
//! - aligning the sentences of two 5,000-sentence articles (target ≤ 200 ms).

use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use slant_core::import::{Format, import_bytes, repair};
use slant_core::model::{Article, ReviewerId, Tag};
use slant_core::{compare, reanchor, segment};

fn main() {
    divan::main();
}

const SEEDS: [&str; 2] = [
    include_str!("../../../tests/data/article_maralago_meeting.txt"),
    include_str!("../../../tests/data/article_nbc_netanyahu_urges.txt"),
];

/// About 10 MB of the sample articles, hard-wrapped at 72 columns as e-mail and PDFs do.
fn wrapped_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let mut text = String::new();
        while text.len() < 10_000_000 {
            for seed in SEEDS {
                for para in seed.split('\n') {
                    let mut line = 0;
                    for word in para.split(' ') {
                        if line + word.len() > 72 {
                            text.push('\n');
                            line = 0;
                        } else if line > 0 {
                            text.push(' ');
                        }
                        text.push_str(word);
                        line += word.len() + 1;
                    }
                    text.push_str("\n\n");
                }
            }
        }
        text
    })
}

#[divan::bench(sample_count = 5)]
fn repair_10mb(bencher: Bencher) {
    let text = wrapped_text();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| repair::repair(black_box(text)).repairs.joined_breaks);
}

/// The wire-service test page with its story repeated to about 1 MB.
fn big_page() -> &'static String {
    static PAGE: OnceLock<String> = OnceLock::new();
    PAGE.get_or_init(|| {
        let page = include_str!("../../../tests/data/pages/wire_service.html");
        let (head, rest) = page.split_once("<p>NEWARK").unwrap();
        let (story, tail) = rest
            .split_once("</div>\n    <div class=\"Page-tags\">")
            .unwrap();
        let story = format!("<p>NEWARK{story}");
        let mut out = head.to_owned();
        while out.len() < 1_000_000 {
            out.push_str(&story);
        }
        out.push_str("</div>\n    <div class=\"Page-tags\">");
        out.push_str(tail);
        out
    })
}

#[divan::bench(sample_count = 10)]
fn html_page_1mb(bencher: Bencher) {
    let page = big_page();
    bencher.counter(BytesCount::new(page.len())).bench(|| {
        import_bytes(black_box(page.as_bytes()), Format::Html, "p.html".as_ref())
            .unwrap()
            .text
            .len()
    });
}

/// The real saved pages beside the checkout, unpacked with `gzip`; empty (said once) where they
/// are absent.
fn shared_pages() -> &'static [String] {
    static PAGES: OnceLock<Vec<String>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/testdata/readability_pages");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("readability_pages skipped: {} is absent", dir.display());
            return Vec::new();
        };
        let mut pages = Vec::new();
        for entry in entries.flatten() {
            let out = std::process::Command::new("gzip")
                .arg("-dc")
                .arg(entry.path().join("source.html.gz"))
                .output();
            match out {
                Ok(out) if out.status.success() => {
                    pages.push(String::from_utf8_lossy(&out.stdout).into_owned())
                }
                Ok(_) => {}
                Err(_) => {
                    eprintln!("readability_pages skipped: gzip is not installed");
                    return Vec::new();
                }
            }
        }
        pages
    })
}

/// The README's "extract the 41 real saved pages" row: every page read as an import reads it.
#[divan::bench(sample_count = 5)]
fn readability_pages(bencher: Bencher) {
    let pages = shared_pages();
    let bytes: usize = pages.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        pages
            .iter()
            .map(|p| {
                import_bytes(black_box(p.as_bytes()), Format::Html, "p.html".as_ref())
                    .map_or(0, |i| i.text.len())
            })
            .sum::<usize>()
    });
}

/// A 2,000-sentence article, every sentence tagged and noted.
fn long_article() -> &'static Article {
    static ARTICLE: OnceLock<Article> = OnceLock::new();
    ARTICLE.get_or_init(|| {
        let mut text = String::new();
        let mut a;
        loop {
            for seed in SEEDS {
                text.push_str(seed);
                text.push('\n');
            }
            a = Article::new("a".into(), "A", text.clone());
            if a.sentences.len() >= 2000 {
                break;
            }
        }
        let r = ReviewerId::from("ann");
        for i in 0..a.sentences.len() {
            a.set_tag(&r, i, Some(Tag::ALL[i % 4]));
            a.edit_annotation(&r, i, |x| x.note = Some(format!("note {i}")));
        }
        a
    })
}

#[divan::bench(sample_count = 10)]
fn reanchor_after_an_edit(bencher: Bencher) {
    let a = long_article();
    // Delete the third paragraph and reword every fiftieth sentence.
    let mut edited = String::new();
    for (p, para) in a.text.split('\n').enumerate() {
        if p != 2 {
            edited.push_str(para);
            edited.push('\n');
        }
    }
    let mut text = String::new();
    let spans = segment::split(&edited);
    let mut at = 0;
    for (i, s) in spans.iter().enumerate() {
        text.push_str(&edited[at..s.start]);
        let sentence = &edited[s.range()];
        if i % 50 == 0 {
            text.push_str(&sentence.replacen(' ', " really ", 1));
        } else {
            text.push_str(sentence);
        }
        at = s.end;
    }
    text.push_str(&edited[at..]);
    let sentences = segment::split(&text);
    bencher.bench(|| {
        reanchor::reanchor(black_box(a), &text, &sentences)
            .unplaced
            .len()
    });
}

#[divan::bench(sample_count = 5)]
fn reanchor_after_replacing_everything(bencher: Bencher) {
    let a = long_article();
    let text: String = (0..a.sentences.len())
        .map(|i| format!("Entirely new sentence number {i} about something else. "))
        .collect();
    let sentences = segment::split(&text);
    bencher.bench(|| {
        reanchor::reanchor(black_box(a), &text, &sentences)
            .unplaced
            .len()
    });
}

/// The two sample articles, each repeated to 5,000 sentences with its numbers varied so that
/// repeats are not identical.
fn two_long_articles() -> &'static [(String, Vec<slant_core::model::Span>); 2] {
    static PAIR: OnceLock<[(String, Vec<slant_core::model::Span>); 2]> = OnceLock::new();
    PAIR.get_or_init(|| {
        SEEDS.map(|seed| {
            let mut text = String::new();
            let mut round = 0;
            loop {
                text.push_str(&seed.replace("2025", &(1900 + round).to_string()));
                text.push('\n');
                round += 1;
                let spans = segment::split(&text);
                if spans.len() >= 5000 {
                    let end = spans[4999].end;
                    text.truncate(end);
                    let spans = segment::split(&text);
                    return (text, spans);
                }
            }
        })
    })
}

#[divan::bench(sample_count = 10)]
fn align_5000_by_5000(bencher: Bencher) {
    let [(a, sa), (b, sb)] = two_long_articles();
    bencher
        .bench(|| compare::align::align(black_box(a), sa, b, sb, compare::align::THRESHOLD).len());
}
