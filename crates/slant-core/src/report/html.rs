//! The HTML report: one self-contained file (inline CSS and SVG, no scripts, nothing fetched)
//! that reads well on screen and prints to a clean PDF.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::markup::badge;
use super::{ArticleReport, Report, count_and_share, percent, runs, voice_counts};
use crate::model::{Reviewer, Tag};
use crate::palette;
use crate::voices::VoiceKind;

const STYLE: &str = include_str!("../../../../assets/report/report.css");

pub fn render(report: &Report) -> String {
    let reviewer = report.reviewer();
    let title = &report.project.title;
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="Slant";
                title { (title) @if let Some(r) = reviewer { " — " (r.name) } @if report.whole_class { " — the class" } }
                style { (PreEscaped(STYLE)) (PreEscaped(tag_css())) }
            }
            body {
                header.report-head {
                    h1 { (title) }
                    p.meta {
                        @if let Some(r) = reviewer { "Reviewer: " strong { (r.name) } " · " }
                        @if report.whole_class {
                            "Class report: " strong { (report.reviewers.len()) " reviewers" } " ("
                            (report.reviewers.iter().map(|r| report.project.shown_name(r)).collect::<Vec<_>>().join(", "))
                            ") · "
                        }
                        "Report date: " (report.generated_date()) " · "
                        (report.articles.len()) " article" @if report.articles.len() != 1 { "s" }
                        " · Made with Slant; the tags are the reviewer's judgement, following the rubric below."
                    }
                    @if report.whole_class {
                        p.meta { (super::CLASS_MARKS_HTML) }
                    }
                }
                (legend())
                @if report.articles.len() > 1 { (comparison(report)) }
                (super::coverage::section(report))
                @for (i, a) in report.articles.iter().enumerate() {
                    (article(a, i, reviewer, report.whole_class.then_some(report)))
                }
                (super::class::section(report))
            }
        }
    };
    page.into_string()
}

/// Badge and background colours per tag, from the shared palette.
fn tag_css() -> String {
    Tag::ALL
        .iter()
        .map(|&t| {
            let [r, g, b] = palette::tag_rgb(t);
            let text = if palette::dark_text_on(t) { "#000" } else { "#fff" };
            format!(
                ".tag-{k} {{ background: rgba({r},{g},{b},0.20); }}\n.badge-{k} {{ background: {hex}; color: {text}; }}\n.bar-{k} {{ fill: {hex}; }}\n",
                k = t.key(),
                hex = palette::hex([r, g, b]),
            )
        })
        .collect::<String>()
        + &format!("u.phrase {{ text-decoration-color: {}; }}\n", palette::hex(palette::PHRASE_RGB))
}

fn legend() -> Markup {
    html! {
        section.legend {
            h2 { "The four tags" }
            table {
                thead { tr { th { "Tag" } th { "The sentence…" } th { "Signals" } } }
                tbody {
                    @for tag in Tag::ALL {
                        tr {
                            td { (badge(tag)) " " (tag.label()) }
                            td { (tag.explanation()) }
                            td { (tag.signals()) }
                        }
                    }
                    tr { td { u.phrase { "underlined" } } td { "A loaded phrase: a word or phrase that steers the reader." } td { "marked inside any sentence" } }
                }
            }
        }
    }
}

/// The articles side by side: tag shares, loaded phrases per 100 words, quoted passages.
fn comparison(report: &Report) -> Markup {
    html! {
        section.comparison {
            h2 { "Comparison" }
            @if let Some(note) = super::shares_note(report) { p.note { (note) } }
            table {
                thead {
                    tr {
                        th { }
                        @for a in &report.articles { th { (a.article.title) } }
                    }
                }
                tbody {
                    tr { th { "Outlet" } @for a in &report.articles { td { (outlet(a)) } } }
                    tr { th { "Sentences" } @for a in &report.articles { td.num { (a.article.sentences.len()) } } }
                    tr { th { "Words" } @for a in &report.articles { td.num { (a.text.words) } } }
                    @if !report.whole_class {
                    tr {
                        th { "Tagged" }
                        @for a in &report.articles {
                            td.num { @if let Some(r) = a.reviewers.first() { (r.tagged) " of " (a.article.sentences.len()) } }
                        }
                    }
                    @for tag in Tag::ALL {
                        tr {
                            th { (badge(tag)) " " (tag.label()) }
                            @for a in &report.articles {
                                td.num {
                                    @if let Some(r) = a.reviewers.first() {
                                        (share_bar(tag, r.shares.get(tag))) " " (count_and_share(r, tag))
                                    }
                                }
                            }
                        }
                    }
                    tr {
                        th { "Loaded phrases per 100 words" }
                        @for a in &report.articles {
                            td.num { @if let Some(r) = a.reviewers.first() { (format!("{:.1}", a.phrases_per_100_words(r))) } }
                        }
                    }
                    tr {
                        th { "Quoted voices" }
                        @for a in &report.articles { td.num { @if let Some(v) = a.voices.first() { (voice_counts(v)) } } }
                    }
                    }
                    tr {
                        th { "Anonymous sources per 100 words (Slant's word lists)" }
                        @for a in &report.articles { td.num { (format!("{:.1}", a.evidence.anonymous_sources_per_100_words)) } }
                    }
                    tr {
                        th { "Hedges per 100 words, outside quotations (Slant's word lists)" }
                        @for a in &report.articles { td.num { (format!("{:.1}", a.evidence.hedges_per_100_words)) } }
                    }
                    tr {
                        th { "Loaded words per 100 words, outside quotations (Slant's word lists, not the reviewer)" }
                        @for a in &report.articles { td.num { (format!("{:.1}", a.evidence.loaded_words_per_100_words)) } }
                    }
                    @if !report.whole_class {
                    tr {
                        th { "Suggestions accepted / dismissed" }
                        @for a in &report.articles {
                            td.num { @if let Some(r) = a.reviewers.first() { (format!("{} / {}", r.suggestions_accepted, r.suggestions_rejected)) } }
                        }
                    }
                    }
                    tr {
                        th { "Reading ease (Flesch)" }
                        @for a in &report.articles { td.num { (a.text.reading_ease().map_or("–".into(), |e| format!("{e:.0}"))) } }
                    }
                }
            }
        }
    }
}

fn outlet(a: &ArticleReport) -> String {
    a.article
        .outlet
        .clone()
        .unwrap_or_else(|| "Outlet not named".into())
}

/// A small horizontal bar for a share, inline SVG.
fn share_bar(tag: Tag, share: f64) -> Markup {
    let width = (share * 80.0).round();
    html! {
        svg.share width="80" height="10" viewBox="0 0 80 10" role="img" aria-label=(percent(share)) {
            rect.track x="0" y="0" width="80" height="10" {}
            rect class={ "bar-" (tag.key()) } x="0" y="0" width=(width) height="10" {}
        }
    }
}

/// A bar chart of the four tag shares, inline SVG.
fn chart(r: &crate::stats::ReviewerSummary) -> Markup {
    let (w, h, bar) = (340.0, 140.0, 56.0);
    html! {
        svg.chart width=(w) height=(h + 36.0) viewBox=(format!("0 0 {w} {}", h + 36.0)) role="img" aria-label="Tag shares" {
            line x1="44" y1=(h) x2=(w) y2=(h) stroke="#555" {}
            @for pct in [0, 50, 100] {
                text.axis x="40" y=((h - f64::from(pct) / 100.0 * (h - 10.0) + 4.0).round()) text-anchor="end" { (pct) "%" }
            }
            @for (i, tag) in Tag::ALL.into_iter().enumerate() {
                @let share = r.shares.get(tag);
                @let x = 54.0 + i as f64 * (bar + 14.0);
                @let bh = (share * (h - 10.0) * 10.0).round() / 10.0;
                rect class={ "bar-" (tag.key()) } x=(x) y=(h - bh) width=(bar) height=(bh) {}
                text.value x=(x + bar / 2.0) y=((h - bh - 4.0).round()) text-anchor="middle" { (percent(share)) }
                text.label x=(x + bar / 2.0) y=(h + 16.0) text-anchor="middle" { (tag.label()) }
            }
        }
    }
}

/// One article: its figures, its text with the reviewer's tags (or, in a class report, how the
/// class tagged each sentence) and the notes.
fn article(
    a: &ArticleReport,
    index: usize,
    reviewer: Option<&Reviewer>,
    class: Option<&Report>,
) -> Markup {
    let article = a.article;
    let summary = a.reviewers.first();
    let anchor = |n: usize| format!("a{}-note-{n}", index + 1);
    // Notes become numbered footnotes, in sentence order; in a class report every reviewer's,
    // each with its author.
    let notes: Vec<(usize, String)> = match (class, reviewer) {
        (Some(report), _) => (0..article.sentences.len())
            .flat_map(|s| {
                report
                    .class_notes(article, s)
                    .into_iter()
                    .map(move |(name, n)| (s, format!("{name}: {n}")))
            })
            .collect(),
        (None, Some(r)) => (0..article.sentences.len())
            .filter_map(|s| {
                article
                    .annotation(&r.id, s)
                    .and_then(|x| x.note.as_deref())
                    .map(|n| (s, n.to_owned()))
            })
            .collect(),
        (None, None) => Vec::new(),
    };
    html! {
        article.article {
            // The heading, its line of metadata and the figures go on one page: printers that
            // ignore `break-after: avoid` (wkhtmltopdf) left a heading alone at a page's foot.
            div.opening {
            h2 { (article.title) }
            p.meta {
                (outlet(a))
                @if let Some(b) = &article.byline { " · " (b) }
                @if let Some(d) = article.published { " · " (d) }
                @if let Some(u) = &article.url { " · " span.url { (u) } }
            }
            div.summary {
                table.figures {
                    tbody {
                        tr { th { "Sentences" } td.num { (article.sentences.len()) } }
                        @if let Some(r) = summary {
                            tr { th { "Tagged" } td.num { (r.tagged) " of " (article.sentences.len()) } }
                            @for tag in Tag::ALL {
                                tr { th { (badge(tag)) " " (tag.label()) } td.num { (count_and_share(r, tag)) } }
                            }
                            tr { th { "Loaded phrases" } td.num { (r.loaded_phrases) } }
                            tr { th { "Loaded phrases per 100 words" } td.num { (format!("{:.1}", a.phrases_per_100_words(r))) } }
                        }
                        tr { th { "Words" } td.num { (a.text.words) } }
                        tr {
                            th { "Reading ease / grade" }
                            td.num {
                                (a.text.reading_ease().map_or("–".into(), |e| format!("{e:.0}")))
                                " / "
                                (a.text.grade_level().map_or("–".into(), |g| format!("{g:.1}")))
                            }
                        }
                    }
                }
                @if let Some(r) = summary { (chart(r)) }
            }
            }
            @if let Some(voices) = a.voices.first().filter(|v| !v.is_empty()) {
                p.voices {
                    strong { "Quoted voices: " }
                    @for (i, v) in voices.iter().enumerate() {
                        @if i > 0 { "; " }
                        (v.name)
                        @if v.kind == VoiceKind::Unnamed { " (unnamed)" }
                        " — " (crate::wording::sentence_numbers(&v.sentences))
                    }
                }
            }
            div.text {
                @for paragraph in article.paragraphs() {
                    p {
                        @for s in paragraph {
                            @let class_phrases = class.map(|report| report.class_phrases(article, s));
                            @let annotation = reviewer.and_then(|r| article.annotation(&r.id, s)).or(class_phrases.as_ref());
                            @let tag = annotation.and_then(|x| x.tag);
                            @let marks: Vec<usize> = (0..notes.len()).filter(|&n| notes[n].0 == s).collect();
                            span class={ "s" @if let Some(t) = tag { " tag-" (t.key()) } } id={ "a" (index + 1) "-s" (s + 1) } {
                                @if let Some(t) = tag { (badge(t)) " " }
                                @for run in runs(article, article.sentences[s], annotation) {
                                    @if run.phrase { u.phrase { (run.text) } } @else { (run.text) }
                                }
                                @if let Some(report) = class {
                                    @let (counts, untagged) = report.class_tags(article, s);
                                    " " span.class-tags {
                                        "(" (s + 1) ": "
                                        @for (k, (t, n)) in counts.iter().enumerate() {
                                            @if k > 0 { " " }
                                            span.count { (badge(*t)) " " (n) }
                                        }
                                        @if untagged > 0 { @if !counts.is_empty() { " " } "untagged " (untagged) }
                                        ")"
                                    }
                                }
                                @for (k, n) in marks.iter().enumerate() {
                                    @if k > 0 { sup { "," } }
                                    sup.fn { a href={ "#" (anchor(n + 1)) } { (n + 1) } }
                                }
                            }
                            " "
                        }
                    }
                }
            }
            @if !notes.is_empty() {
                section.notes {
                    h3 { "Notes" }
                    ol {
                        @for (n, (s, text)) in notes.iter().enumerate() {
                            li id=(anchor(n + 1)) { "Sentence " (s + 1) ": " (text) }
                        }
                    }
                }
            }
        }
    }
}
