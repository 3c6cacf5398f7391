//! `slant compare`: two articles side by side, as text or JSON. Sentence numbers are 1-based,
//! as everywhere in Slant's output.

use std::path::Path;

use serde::Serialize;

use super::Failure;
use slant_core::compare::coverage::{self, Coverage};
use slant_core::compare::sources::{self, Source, SourceKind};
use slant_core::compare::{align, explain};
use slant_core::model::{Article, Project};
use slant_core::store;

/// The JSON document. Field names are a contract: add fields, never rename.
#[derive(Serialize)]
struct CompareDoc<'a> {
    a: &'a str,
    b: &'a str,
    pairs: Vec<PairOut>,
    only_a: Vec<usize>,
    only_b: Vec<usize>,
    voices: Sides<Vec<VoiceOut<'a>>>,
    /// Share of each article's sentences that the other also reports, 0 to 1.
    shared: Sides<f64>,
    differing_numbers: Vec<DifferingOut<'a>>,
    /// Sentences about the same subject making different claims, where one has no pair.
    related: Vec<RelatedOut>,
}

#[derive(Serialize)]
struct RelatedOut {
    a: usize,
    b: usize,
    score: f64,
    /// "guess_and_report" or "same_subject".
    why: align::Difference,
    /// For "guess_and_report", the article that guesses: "a" or "b" (null otherwise).
    guessing: Option<align::Side>,
    /// What the two sentences share: why they are on the same subject.
    shared: explain::Shared,
}

#[derive(Serialize)]
struct Sides<T> {
    a: T,
    b: T,
}

#[derive(Serialize)]
struct PairOut {
    a: usize,
    b: usize,
    score: f64,
    /// Why the two sentences are linked: the words, names and numbers they share.
    shared: explain::Shared,
    /// Linked as the openings of the two articles (headline, first sentence).
    opening: bool,
}

#[derive(Serialize)]
struct VoiceOut<'a> {
    name: &'a str,
    kind: SourceKind,
    count: usize,
}

#[derive(Serialize)]
struct DifferingOut<'a> {
    a: usize,
    b: usize,
    what: &'a str,
    in_a: &'a str,
    in_b: &'a str,
    shown_a: &'a str,
    shown_b: &'a str,
}

fn find<'p>(project: &'p Project, id: &str, path: &Path) -> Result<&'p Article, Failure> {
    project.article(id).ok_or_else(|| {
        let known: Vec<&str> = project.articles.iter().map(|a| a.id.as_str()).collect();
        Failure::Input(format!(
            "{}: there is no article \"{id}\"; its articles are: {}",
            path.display(),
            known.join(", ")
        ))
    })
}

fn one_based(v: &[usize]) -> Vec<usize> {
    v.iter().map(|i| i + 1).collect()
}

fn voices(sources: &[Source]) -> Vec<VoiceOut<'_>> {
    sources
        .iter()
        .map(|s| VoiceOut {
            name: &s.name,
            kind: s.kind,
            count: s.sentences.len(),
        })
        .collect()
}

pub fn compare(path: &Path, a_id: &str, b_id: &str, json: bool) -> Result<(), Failure> {
    let project = store::load(path).map_err(Failure::input)?;
    let (a, b) = (find(&project, a_id, path)?, find(&project, b_id, path)?);
    // An article against itself reports everything "by both": a slip, not a comparison.
    if std::ptr::eq(a, b) {
        return Err(Failure::Input(format!(
            "{}: \"{a_id}\" and \"{b_id}\" are the same article; compare two different ones",
            path.display()
        )));
    }
    let c = coverage::compare(a, b);
    let (sa, sb) = (sources::sources(a), sources::sources(b));
    let names = explain::Names::of(&[a, b]);
    crate::print_result(
        json,
        || CompareDoc {
            a: a.id.as_str(),
            b: b.id.as_str(),
            pairs: c
                .pairs
                .iter()
                .map(|p| PairOut {
                    a: p.a + 1,
                    b: p.b + 1,
                    score: three_places(p.score),
                    shared: explain::shared(a.sentence_text(p.a), b.sentence_text(p.b), &names),
                    opening: p.opening,
                })
                .collect(),
            only_a: one_based(&c.only_a),
            only_b: one_based(&c.only_b),
            voices: Sides {
                a: voices(&sa),
                b: voices(&sb),
            },
            shared: Sides {
                a: (c.shared_share_a() * 1000.0).round() / 1000.0,
                b: (c.shared_share_b() * 1000.0).round() / 1000.0,
            },
            differing_numbers: c
                .differing_numbers
                .iter()
                .map(|d| DifferingOut {
                    a: d.a + 1,
                    b: d.b + 1,
                    what: &d.what,
                    in_a: &d.in_a,
                    in_b: &d.in_b,
                    shown_a: &d.shown_a,
                    shown_b: &d.shown_b,
                })
                .collect(),
            related: c
                .related
                .iter()
                .map(|r| RelatedOut {
                    a: r.a + 1,
                    b: r.b + 1,
                    score: three_places(r.score),
                    why: r.why,
                    guessing: match r.why {
                        align::Difference::GuessAndReport { guessing } => Some(guessing),
                        align::Difference::SameSubject => None,
                    },
                    shared: explain::shared(a.sentence_text(r.a), b.sentence_text(r.b), &names),
                })
                .collect(),
        },
        || text(a, b, &c, &sa, &sb, &names),
    )
}

fn short(s: &str, n: usize) -> String {
    let s = s.replace('\n', " ");
    if s.chars().count() <= n {
        s
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// "1 sentence", "30 sentences".
fn sentences(n: usize) -> String {
    slant_core::wording::count(n, "sentence", "sentences")
}

/// A score as the JSON gives it: three decimal places.
fn three_places(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

fn text(
    a: &Article,
    b: &Article,
    c: &Coverage,
    sa: &[Source],
    sb: &[Source],
    names: &explain::Names,
) -> String {
    use std::fmt::Write;
    let mut t = String::new();
    let _ = writeln!(
        t,
        "A  {}: {} ({})",
        a.id.as_str(),
        a.title,
        sentences(c.sentences_a)
    );
    let _ = writeln!(
        t,
        "B  {}: {} ({})",
        b.id.as_str(),
        b.title,
        sentences(c.sentences_b)
    );
    let _ = writeln!(
        t,
        "\nReported by both: {} of A's sentences ({}), {} of B's ({})",
        c.sentences_a - c.only_a.len(),
        slant_core::wording::percent(c.shared_share_a()),
        c.sentences_b - c.only_b.len(),
        slant_core::wording::percent(c.shared_share_b())
    );
    let _ = writeln!(t, "\nMatching sentences (A ↔ B, score):");
    for p in &c.pairs {
        let _ = writeln!(
            t,
            "  {:>4} ↔ {:<4} {:.2}  {}  |  {}",
            p.a + 1,
            p.b + 1,
            p.score,
            short(a.sentence_text(p.a), 50),
            short(b.sentence_text(p.b), 50)
        );
        let _ = writeln!(
            t,
            "              sharing {}",
            p.explain(a.sentence_text(p.a), b.sentence_text(p.b), names)
        );
    }
    for (label, only, article) in [("A", &c.only_a, a), ("B", &c.only_b, b)] {
        let _ = writeln!(t, "\nOnly in {label} ({}):", only.len());
        for &i in only {
            let _ = writeln!(
                t,
                "  {:>4}  {}",
                i + 1,
                short(article.sentence_text(i), 100)
            );
        }
    }
    if !c.related.is_empty() {
        let _ = writeln!(
            t,
            "\nSame subject, different claims (A ↔ B; one of the two has no matching sentence):"
        );
        for r in &c.related {
            let _ = writeln!(
                t,
                "  {:>4} ↔ {:<4} {}  |  {}  ({}; both have {})",
                r.a + 1,
                r.b + 1,
                short(a.sentence_text(r.a), 50),
                short(b.sentence_text(r.b), 50),
                r.why.describe(),
                explain::shared(a.sentence_text(r.a), b.sentence_text(r.b), names).describe()
            );
        }
    }
    if c.differing_numbers.is_empty() {
        let _ = writeln!(t, "\nFigures that differ: none in matching sentences");
    } else {
        let _ = writeln!(t, "\nFigures that differ:");
        for d in &c.differing_numbers {
            let _ = writeln!(
                t,
                "  A {} / B {}: {} in A, {} in B",
                d.a + 1,
                d.b + 1,
                d.shown_a,
                d.shown_b
            );
        }
    }
    let _ = writeln!(t, "\nWho gets to speak:");
    for kind in [SourceKind::Named, SourceKind::Anonymous, SourceKind::Outlet] {
        let list = |sources: &[Source]| sources::listed(sources, kind, "; ");
        let label = match kind {
            SourceKind::Named => "named",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Outlet => "outlets",
        };
        let _ = writeln!(t, "  {label:<10} A: {}", list(sa));
        let _ = writeln!(t, "  {:<10} B: {}", "", list(sb));
    }
    t
}
