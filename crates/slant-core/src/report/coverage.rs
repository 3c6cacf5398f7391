//! The report's coverage section: for each pair of articles, what both report, what only one
//! does, figures that differ, and who gets to speak in each (`crate::compare`).

use std::fmt::Write;

use maud::{Markup, html};

use super::Report;
use super::escape::markdown as escape;
use crate::compare::coverage::{self, Coverage};
use crate::compare::explain::Names;
use crate::compare::sources::{self, Source, SourceKind};
use crate::model::Article;

/// Pairs compared in one report at most: every pair of the first four articles.
const MAX_ARTICLES: usize = 4;

/// One compared pair.
pub struct CoveragePair<'a> {
    pub a: &'a Article,
    pub b: &'a Article,
    pub coverage: Coverage,
    /// Why each of `coverage.pairs` was made ("the words indicted, jury; the name Menendez"): a
    /// link a reader can check.
    pub why: Vec<String>,
    pub sources_a: Vec<Source>,
    pub sources_b: Vec<Source>,
}

/// Every pair of the report's first articles, when it has two or more.
pub fn gather<'a>(articles: &[&'a Article]) -> Vec<CoveragePair<'a>> {
    let shown = &articles[..articles.len().min(MAX_ARTICLES)];
    let mut out = Vec::new();
    for (i, &a) in shown.iter().enumerate() {
        for &b in &shown[i + 1..] {
            let coverage = coverage::compare(a, b);
            let names = Names::of(&[a, b]);
            let why = coverage
                .pairs
                .iter()
                .map(|p| p.explain(a.sentence_text(p.a), b.sentence_text(p.b), &names))
                .collect();
            out.push(CoveragePair {
                a,
                b,
                coverage,
                why,
                sources_a: sources::sources(a),
                sources_b: sources::sources(b),
            });
        }
    }
    out
}

fn pct(x: f64) -> String {
    crate::wording::percent(x)
}

fn kind_label(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Named => "Named people",
        SourceKind::Anonymous => "Anonymous sources",
        SourceKind::Outlet => "Outlets cited",
    }
}

fn voices_of(sources: &[Source], kind: SourceKind) -> String {
    sources::listed(sources, kind, "; ")
}

const KINDS: [SourceKind; 3] = [SourceKind::Named, SourceKind::Anonymous, SourceKind::Outlet];

/// The HTML section.
pub fn section(report: &Report) -> Markup {
    if report.coverage.is_empty() {
        return html! {};
    }
    html! {
        section class="coverage" {
            h2 { "Coverage: what each outlet reports" }
            p class="meta" { (format!("Sentences that report the same thing are found by the words, names and numbers they share, rare ones counting more (a score from 0 to 1; pairs from {} up, with a shared word beyond names and numbers). Check them: the same fact in other words can be missed.", crate::compare::align::THRESHOLD)) }
            @for p in &report.coverage {
                @let c = &p.coverage;
                h3 { (p.a.title) " / " (p.b.title) }
                p {
                    "Reported by both: " (c.sentences_a - c.only_a.len()) " of " (crate::wording::count(c.sentences_a, "sentence", "sentences")) " of the first (" (pct(c.shared_share_a())) "), "
                    (c.sentences_b - c.only_b.len()) " of " (c.sentences_b) " of the second (" (pct(c.shared_share_b())) ")."
                }
                @if !c.pairs.is_empty() {
                    details open {
                        summary { "Reported by both, sentence by sentence (" (c.pairs.len()) " links)" }
                        table class="pairs" {
                            thead { tr { th { "In the first" } th { "In the second" } th { "Linked by what they share" } } }
                            tbody {
                                @for (pair, why) in c.pairs.iter().zip(&p.why) {
                                    tr {
                                        td { (pair.a + 1) ". " (p.a.sentence_text(pair.a)) }
                                        td { (pair.b + 1) ". " (p.b.sentence_text(pair.b)) }
                                        td { (why) " (score " (format!("{:.2}", pair.score)) ")" }
                                    }
                                }
                            }
                        }
                    }
                }
                @if !c.differing_numbers.is_empty() {
                    p { strong { "Figures that differ: " } }
                    ul {
                        @for d in &c.differing_numbers {
                            li { (d.shown_a) " (sentence " (d.a + 1) ") against " (d.shown_b) " (sentence " (d.b + 1) ")" }
                        }
                    }
                }
                details open {
                    summary { "Only in the first (" (c.only_a.len()) ") and only in the second (" (c.only_b.len()) ")" }
                    @for (label, only, article) in [("Only in the first", &c.only_a, p.a), ("Only in the second", &c.only_b, p.b)] {
                        h4 { (label) }
                        @if only.is_empty() {
                            p { "None." }
                        } @else {
                            ol {
                                @for &i in only.iter() {
                                    li value=(i + 1) { (article.sentence_text(i)) }
                                }
                            }
                        }
                    }
                }
                table {
                    thead { tr { th { "Who gets to speak" } th { (p.a.title) } th { (p.b.title) } } }
                    tbody {
                        @for kind in KINDS {
                            tr { th { (kind_label(kind)) } td { (voices_of(&p.sources_a, kind)) } td { (voices_of(&p.sources_b, kind)) } }
                        }
                    }
                }
            }
        }
    }
}

/// The Markdown section.
pub fn markdown(report: &Report, md: &mut String) {
    if report.coverage.is_empty() {
        return;
    }
    md.push_str("## Coverage: what each outlet reports\n\n");
    for p in &report.coverage {
        let c = &p.coverage;
        let _ = writeln!(
            md,
            "### {} / {}\n\nReported by both: {} of {} of the first ({}), {} of {} of the second ({}).\n",
            escape(&p.a.title),
            escape(&p.b.title),
            c.sentences_a - c.only_a.len(),
            crate::wording::count(c.sentences_a, "sentence", "sentences"),
            pct(c.shared_share_a()),
            c.sentences_b - c.only_b.len(),
            c.sentences_b,
            pct(c.shared_share_b())
        );
        if !c.pairs.is_empty() {
            md.push_str("Reported by both, sentence by sentence:\n\n");
            for (pair, why) in c.pairs.iter().zip(&p.why) {
                let _ = writeln!(
                    md,
                    "- {} of the first / {} of the second: “{}” / “{}” (linked by {}; score {:.2})",
                    pair.a + 1,
                    pair.b + 1,
                    escape(p.a.sentence_text(pair.a)),
                    escape(p.b.sentence_text(pair.b)),
                    escape(why),
                    pair.score
                );
            }
            md.push('\n');
        }
        if !c.differing_numbers.is_empty() {
            // A paragraph of its own before the list: a list straight after the pairs' list
            // would be read as more of it.
            md.push_str("Figures that differ:\n\n");
        }
        for d in &c.differing_numbers {
            let _ = writeln!(
                md,
                "- {} (sentence {}) against {} (sentence {})",
                escape(&d.shown_a),
                d.a + 1,
                escape(&d.shown_b),
                d.b + 1
            );
        }
        if !c.differing_numbers.is_empty() {
            md.push('\n'); // the list ends before the next paragraph
        }
        let _ = writeln!(
            md,
            "Only in the first: {}.\n\nOnly in the second: {}.\n",
            coverage::sentences_named(&c.only_a),
            coverage::sentences_named(&c.only_b)
        );
        let _ = writeln!(
            md,
            "| Who gets to speak | {} | {} |\n|---|---|---|",
            escape(&p.a.title),
            escape(&p.b.title)
        );
        for kind in KINDS {
            let _ = writeln!(
                md,
                "| {} | {} | {} |",
                kind_label(kind),
                escape(&voices_of(&p.sources_a, kind)),
                escape(&voices_of(&p.sources_b, kind))
            );
        }
        md.push('\n');
    }
}
