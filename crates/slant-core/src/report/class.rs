//! The class section of the HTML report: how the whole class agreed on each article, the
//! sentences it split on most, and each student's score against the answer key.

use maud::{Markup, html};

use super::Report;
use crate::agreement::{self, ClassArticle};
use crate::model::{Article, Project, ReviewerId, Tag};

/// The class figures for the report's articles, when the project has two reviewers or more.
/// A report for one student (`student`) keeps the class's figures, which name nobody, and that
/// student's own score alone: a report handed to one student must not show another's result.
pub fn gather<'a>(
    project: &'a Project,
    articles: &[&'a Article],
    student: Option<&ReviewerId>,
) -> Option<Vec<ClassArticle<'a>>> {
    let key = project.answer_key.as_ref();
    (project.reviewers.len() >= 2).then(|| {
        articles
            .iter()
            .map(|&a| {
                let mut class = agreement::class_article(project, a, key);
                if let Some(student) = student {
                    // Scores come in the project's order of reviewers, the key left out.
                    let mut students = project.reviewers.iter().filter(|r| Some(&r.id) != key);
                    class
                        .scores
                        .retain(|_| students.next().is_some_and(|r| &r.id == student));
                }
                class
            })
            .collect()
    })
}

fn num(x: Option<f64>) -> String {
    x.map_or("–".into(), |x| format!("{x:.2}"))
}

fn pct(x: Option<f64>) -> String {
    x.map_or("–".into(), crate::wording::percent)
}

/// What the class figures mean, in HTML and in Markdown alike.
const EXPLAINED: &str = "Agreement is the share of reviewer pairs that gave a sentence the same tag, averaged over the sentences that two reviewers or more tagged (how many, beside it: a class that tagged 5 sentences of 30 agrees on those 5 only); Krippendorff's α and Fleiss' κ correct it for chance (1 is perfect agreement, 0 what chance alone gives). Fleiss' κ needs every sentence tagged by as many reviewers as the others; where some are left untagged it shows –, and α, which allows for them, is the figure to read.";

/// The caption of the scores against the answer key: it names the key's reviewer, except in a
/// report for one student, where the key may be a classmate whose tags the teacher chose (the
/// name and the student's mix-ups would show that classmate's work).
fn key_caption(report: &Report) -> Option<String> {
    let key = report
        .project
        .answer_key
        .as_ref()
        .and_then(|k| report.project.reviewer(k))?;
    let for_one_student =
        !report.whole_class && matches!(report.reviewers.as_slice(), [one] if one.id != key.id);
    Some(if for_one_student {
        "Against the answer key".to_owned()
    } else {
        format!("Against the answer key ({})", key.name)
    })
}

/// The section, or nothing for a project with one reviewer.
pub fn section(report: &Report) -> Markup {
    let Some(class) = &report.class else {
        return html! {};
    };
    let key = key_caption(report);
    html! {
        section.class {
            h2 { "The class" }
            p { (report.project.reviewers.len()) " reviewers. " (EXPLAINED) }
            table.figures {
                thead { tr { th { "Article" } th { "Agreement" } th { "Krippendorff's α" } th { "Fleiss' κ" }
                    @for tag in Tag::ALL { th { "α " (tag.label()) } } } }
                tbody {
                    @for c in class {
                        @let g = &c.agreement;
                        tr {
                            td { (c.article.title) }
                            td.num { (g.agreement_over()) }
                            td.num { (num(g.krippendorff_alpha)) }
                            td.num { (num(g.fleiss_kappa)) }
                            td.num { (num(g.per_tag.fact)) }
                            td.num { (num(g.per_tag.quote)) }
                            td.num { (num(g.per_tag.speculation)) }
                            td.num { (num(g.per_tag.loaded)) }
                        }
                    }
                }
            }
            @for c in class {
                h3 { "Most disputed in “" (c.article.title) "”" }
                @let disputed = c.agreement.most_disputed(agreement::MOST_DISPUTED);
                @let more = c.agreement.disputed_count().saturating_sub(disputed.len());
                @if c.agreement.percent_agreement.is_none() {
                    p { "No sentence was tagged by two reviewers yet." }
                } @else if disputed.is_empty() {
                    p { "The class agreed on every sentence." }
                } @else {
                    ol.disputed {
                        @for s in &disputed {
                            li {
                                "Sentence " (s.number) " (agreement " (pct(s.agreement)) "): "
                                q { (c.article.sentence_text(s.number - 1).split_whitespace().collect::<Vec<_>>().join(" ")) }
                                " — "
                                @for tag in Tag::ALL {
                                    @if s.distribution.get(tag) > 0 { span.count { (super::markup::badge(tag)) " " (s.distribution.get(tag)) } " " }
                                }
                                @if s.distribution.untagged > 0 { "untagged " (s.distribution.untagged) }
                            }
                        }
                    }
                    @if more > 0 {
                        p { "… and " (more) " more disputed sentence" @if more != 1 { "s" } " (the "
                            (disputed.len()) " listed are those the class split on most)." }
                    }
                }
                @if let (Some(key), false) = (&key, c.scores.is_empty()) {
                    table.figures {
                        // Each article has its own table: the caption names it, a printed page
                        // may start with the table.
                        caption { (key) ", “" (c.article.title) "”" }
                        thead { tr { th { "Student" } th { "Accuracy" } th { "Cohen's κ" } th { "Sentences compared" } th { "Key’s sentences left untagged" } th { "Mixed up (key’s tag as the student’s)" } } }
                        tbody {
                            @for s in &c.scores {
                                tr { td { (s.reviewer) } td.num { (pct(s.accuracy)) } td.num { (num(s.cohen_kappa)) } td.num { (s.compared) } td.num { (s.untagged) } td { (s.describe_mix_ups()) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The same section in Markdown, or nothing for a project with one reviewer.
pub fn markdown(report: &Report, md: &mut String) {
    use super::escape::markdown as escape;
    use std::fmt::Write;
    let Some(class) = &report.class else {
        return;
    };
    let _ = writeln!(md, "## The class\n");
    let _ = writeln!(
        md,
        "{} reviewers. {EXPLAINED}\n",
        report.project.reviewers.len()
    );
    md.push_str("| Article | Agreement | Krippendorff's α | Fleiss' κ |\n|---|---:|---:|---:|\n");
    for c in class {
        let g = &c.agreement;
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} |",
            escape(&c.article.title),
            g.agreement_over(),
            num(g.krippendorff_alpha),
            num(g.fleiss_kappa)
        );
    }
    md.push('\n');
    let key = key_caption(report);
    for c in class {
        let _ = writeln!(md, "### Most disputed in “{}”\n", escape(&c.article.title));
        let disputed = c.agreement.most_disputed(agreement::MOST_DISPUTED);
        if c.agreement.percent_agreement.is_none() {
            md.push_str("No sentence was tagged by two reviewers yet.\n\n");
        } else if disputed.is_empty() {
            md.push_str("The class agreed on every sentence.\n\n");
        } else {
            for s in &disputed {
                let d = s.distribution;
                let mut spread: Vec<String> = Tag::ALL
                    .iter()
                    .filter(|&&t| d.get(t) > 0)
                    .map(|&t| format!("[{}] {}", t.letter(), d.get(t)))
                    .collect();
                if d.untagged > 0 {
                    spread.push(format!("untagged {}", d.untagged));
                }
                let _ = writeln!(
                    md,
                    "- Sentence {} (agreement {}): “{}” — {}",
                    s.number,
                    pct(s.agreement),
                    escape(
                        &c.article
                            .sentence_text(s.number - 1)
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                    ),
                    spread.join(" · ")
                );
            }
            let more = c.agreement.disputed_count() - disputed.len();
            if more > 0 {
                let _ = writeln!(md, "- … and {more} more disputed");
            }
            md.push('\n');
        }
        if let (Some(key), false) = (&key, c.scores.is_empty()) {
            let _ = writeln!(md, "{}, “{}”:\n", escape(key), escape(&c.article.title));
            md.push_str("| Student | Accuracy | Cohen's κ | Sentences compared | Key's sentences left untagged | Mixed up |\n|---|---:|---:|---:|---:|---|\n");
            for s in &c.scores {
                let _ = writeln!(
                    md,
                    "| {} | {} | {} | {} | {} | {} |",
                    escape(&s.reviewer),
                    pct(s.accuracy),
                    num(s.cohen_kappa),
                    s.compared,
                    s.untagged,
                    escape(&s.describe_mix_ups())
                );
            }
            md.push('\n');
        }
    }
}
