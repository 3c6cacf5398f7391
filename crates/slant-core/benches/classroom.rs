//! The teacher's work at class size: agreement over 30 reviewers × 20,000 sentences (goal
//! ≤ 100 ms) and merging 30 students' copies of the sample project (goal ≤ 1 s).
//! `cargo bench --bench classroom`

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::{Bencher, black_box};
use jiff::Timestamp;
use slant_core::model::{Article, Project, ReviewerId, Tag};
use slant_core::{agreement, merge, store};

fn main() {
    divan::main();
}

/// One article of 20,000 sentences, 30 reviewers who mostly agree, each leaving about one
/// sentence in 20 untagged.
fn class() -> &'static (Article, Vec<(ReviewerId, String)>) {
    static CLASS: OnceLock<(Article, Vec<(ReviewerId, String)>)> = OnceLock::new();
    CLASS.get_or_init(|| {
        let text: String = (0..20_000)
            .map(|i| format!("Sentence number {i} is here. "))
            .collect();
        let mut a = Article::new("big".into(), "Big", text);
        assert_eq!(a.sentences.len(), 20_000);
        let reviewers: Vec<(ReviewerId, String)> = (0..30)
            .map(|r| {
                (
                    ReviewerId::from(format!("s{r}").as_str()),
                    format!("Student {r}"),
                )
            })
            .collect();
        for (r, (id, _)) in reviewers.iter().enumerate() {
            for s in 0..a.sentences.len() {
                let h = (s * 2_654_435_761 + r * 40_503) % 100;
                let tag = match h {
                    0..5 => None,
                    5..20 => Some(Tag::ALL[(s + r) % 4]),
                    _ => Some(Tag::ALL[s % 4]),
                };
                a.set_tag(id, s, tag);
            }
        }
        (a, reviewers)
    })
}

#[divan::bench(sample_count = 10)]
fn agreement_30_reviewers_20000_sentences(bencher: Bencher) {
    let (article, reviewers) = class();
    let refs: Vec<(&ReviewerId, &str)> = reviewers.iter().map(|(i, n)| (i, n.as_str())).collect();
    bencher.bench(|| agreement::article(black_box(article), &refs));
}

/// The assignment and 30 students' files, each with every sentence tagged.
fn student_files() -> &'static (PathBuf, Vec<PathBuf>) {
    static FILES: OnceLock<(PathBuf, Vec<PathBuf>)> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("slant-class-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let root = env!("CARGO_MANIFEST_DIR");
        let assignment = store::load(&PathBuf::from(format!(
            "{root}/../../sample_projects/netanyahu_trump_assignment.ron"
        )))
        .unwrap();
        let class = dir.join("class.ron");
        store::save(&assignment, &class).unwrap();
        let students = (0..30)
            .map(|n| {
                let mut p = assignment.clone();
                let id = p.add_reviewer(&format!("Student {n}"));
                for a in &mut p.articles {
                    for s in 0..a.sentences.len() {
                        a.set_tag(&id, s, Some(Tag::ALL[(s + n) % 4]));
                    }
                }
                let path = dir.join(format!("student-{n}.ron"));
                store::save(&p, &path).unwrap();
                path
            })
            .collect();
        (class, students)
    })
}

/// What `slant merge` does: load the class and 30 files, merge, save.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn merge_30_student_files(bencher: Bencher) {
    let (class_path, students) = student_files();
    let original = std::fs::read(class_path).unwrap();
    bencher.bench(|| {
        std::fs::write(class_path, &original).unwrap();
        let mut class: Project = store::load(class_path).unwrap();
        for s in students {
            let student = store::load(s).unwrap();
            merge::merge(&mut class, &student, "student").unwrap();
        }
        class.modified = Timestamp::UNIX_EPOCH;
        store::save(&class, class_path).unwrap();
        class.reviewers.len()
    });
}
