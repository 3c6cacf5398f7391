//! Frame time of the real app in egui_kittest's headless harness: `cargo bench --bench frame`.
//!
//! Two articles of 20,000 sentences each with 40,000 tags, against the same view of a
//! 10-sentence project. A frame here is one egui pass of the whole app plus tessellation of
//! what it drew (the CPU part of a frame; the GPU part is not measured), and the harness's own
//! AccessKit update, which a real frame only pays with a screen reader on.

use std::path::PathBuf;

use divan::Bencher;
use egui_kittest::Harness;
use jiff::Timestamp;
use slant_app::dialogs::ScriptedDialogs;
use slant_app::{Action, AppOptions, SlantApp};
use slant_core::model::{Article, Project, Tag};
use slant_core::store;

fn main() {
    divan::main();
}

const SENTENCES: [&str; 5] = [
    "The U.S. contributed heavy bunker-buster bombs to penetrate underground nuclear facilities.",
    "‘This is a dangerous gamble,’ said Senator Elizabeth Warren.",
    "Reports suggest Tehran could soon produce up to 3,000 missiles annually.",
    "For now, the only certainty is that the stakes have never been higher.",
    "Iran retaliated with hundreds of ballistic missiles and drones.",
];

/// The projects compared: two articles of 20,000 sentences; two of 10 sentences long enough to
/// fill the same view (the fair comparison: the same amount of text on screen); and two of 10
/// short sentences, which leave most of the view empty.
const SIZES: [&str; 3] = ["20000", "10 filling the view", "10 short"];

/// Two articles of 10,000 sentences each in a single paragraph (a text pasted without line
/// breaks): every frame lays out and maps the whole paragraph. Each glyph's sentence was found
/// by a search from the front, and the window froze for minutes.
const ONE_PARAGRAPH: &str = "10000 in one paragraph";

/// A project of two articles, every sentence tagged.
fn project_file(size: &str) -> (tempfile::TempDir, PathBuf) {
    let (n, clauses) = match size {
        "20000" => (20_000, 1),
        ONE_PARAGRAPH => (10_000, 1),
        "10 filling the view" => (10, 8),
        _ => (10, 1),
    };
    let mut p = Project::new("Frame benchmark", Timestamp::UNIX_EPOCH);
    let r = p.add_reviewer("Bench");
    for a in 0..2 {
        let mut text = String::new();
        for i in 0..n {
            // A long sentence is several clauses joined: "A, and B, and C."
            let clause = |k: usize| SENTENCES[(i + a + k) % SENTENCES.len()].trim_end_matches('.');
            let sentence: Vec<&str> = (0..clauses).map(clause).collect();
            text.push_str(&sentence.join(", and "));
            let breaks = i % 4 == 3 && size != ONE_PARAGRAPH;
            text.push_str(if breaks { ".\n\n" } else { ". " });
        }
        let mut article = Article::new(
            p.new_article_id(&format!("article {a}")),
            format!("Article {a}"),
            text,
        );
        assert_eq!(article.sentences.len(), n);
        for s in 0..n {
            article.set_tag(&r, s, Some(Tag::ALL[(s + a) % 4]));
        }
        p.articles.push(article);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.ron");
    store::save(&p, &path).unwrap();
    (dir, path)
}

fn harness(size: &str) -> (tempfile::TempDir, Harness<'static, SlantApp>) {
    let (dir, path) = project_file(size);
    let n = match size {
        "20000" => 20_000,
        ONE_PARAGRAPH => 10_000,
        _ => 10,
    };
    let options = AppOptions {
        open: Some(path),
        dialogs: Box::new(ScriptedDialogs::default()),
        data_dir: dir.path().join("data"),
    };
    let mut h = Harness::builder()
        .with_size([1500.0, 950.0])
        .build_eframe(move |cc| SlantApp::new(cc, options));
    h.run();
    // Select a sentence in the middle so the inspector is drawn too.
    h.state_mut().request(Action::Select {
        column: 0,
        sentence: n / 2,
    });
    h.run();
    (dir, h)
}

fn frame(h: &mut Harness<SlantApp>) {
    h.ctx.request_repaint();
    h.step();
    let shapes = h.output().shapes.clone();
    let ppp = h.output().pixels_per_point;
    divan::black_box(h.ctx.tessellate(shapes, ppp));
}

#[divan::bench(args = SIZES, sample_count = 100)]
fn idle_frame(bencher: Bencher, size: &str) {
    let (_dir, mut h) = harness(size);
    bencher.bench_local(|| frame(&mut h));
}

#[divan::bench(args = [ONE_PARAGRAPH], sample_count = 20)]
fn one_long_paragraph_frame(bencher: Bencher, size: &str) {
    let (_dir, mut h) = harness(size);
    bencher.bench_local(|| frame(&mut h));
}

/// Tag the selected sentence and move on: the frame that shows the change.
#[divan::bench(args = SIZES, sample_count = 100)]
fn tag_and_repaint(bencher: Bencher, size: &str) {
    let (_dir, mut h) = harness(size);
    let mut k = 0;
    bencher.bench_local(|| {
        k += 1;
        h.state_mut().request(Action::Tag(Some(Tag::ALL[k % 4])));
        frame(&mut h);
    });
}

/// Compare mode with the pointer moving over the first column: the alignment is cached, so a
/// frame only outlines and links the hovered sentence's counterparts. (Not run on the 20,000
/// sentence project: its five sentences repeated make every sentence match thousands.)
#[divan::bench(args = ["10 filling the view", "10 short"], sample_count = 100)]
fn compare_hover_frame(bencher: Bencher, size: &str) {
    let (_dir, mut h) = harness(size);
    h.state_mut().request(Action::ToggleCompare);
    h.run();
    let mut k = 0;
    bencher.bench_local(|| {
        k += 1;
        h.hover_at(egui::pos2(
            100.0 + (k % 7) as f32 * 40.0,
            200.0 + (k % 11) as f32 * 30.0,
        ));
        frame(&mut h);
    });
}
