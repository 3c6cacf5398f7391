//! The Markdown report, for pasting into a learning platform or a document. Article text is
//! escaped so that none of it turns into markup.

use std::fmt::Write;

use super::escape::{footnote_label, markdown as escape, markdown_footnote, markdown_wrapped};
use super::{Report, count_and_share, runs, voice_counts};
use crate::model::Tag;
use crate::voices::VoiceKind;

pub fn render(report: &Report) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", escape(&report.project.title));
    if let Some(r) = report.reviewer() {
        let _ = write!(md, "Reviewer: {} · ", markdown_wrapped(r.name.trim(), "**"));
    }
    if report.whole_class {
        let names: Vec<String> = report
            .reviewers
            .iter()
            .map(|r| escape(&report.project.shown_name(r)))
            .collect();
        let _ = write!(
            md,
            "Class report: **{} reviewers** ({}) · ",
            report.reviewers.len(),
            names.join(", ")
        );
    }
    let _ = writeln!(md, "Report date: {}\n", report.generated_date());
    md.push_str("Tags: **[F]** Fact · **[Q]** Quote · **[S]** Speculation · **[L]** Loaded. Loaded phrases are in **bold**.\n\n");
    if report.whole_class {
        let _ = writeln!(md, "{}\n", super::CLASS_MARKS_MARKDOWN);
    }

    if report.articles.len() > 1 {
        md.push_str("## Comparison\n\n");
        if let Some(note) = super::shares_note(report) {
            let _ = writeln!(md, "{}\n", escape(&note));
        }
        md.push_str("|  |");
        for a in &report.articles {
            let _ = write!(md, " {} |", escape(&a.article.title));
        }
        md.push_str("\n|---|");
        md.push_str(&"---:|".repeat(report.articles.len()));
        md.push('\n');
        let row = |md: &mut String, label: &str, cell: &dyn Fn(&super::ArticleReport) -> String| {
            let _ = write!(md, "| {label} |");
            for a in &report.articles {
                let _ = write!(md, " {} |", cell(a));
            }
            md.push('\n');
        };
        row(&mut md, "Outlet", &|a| {
            escape(a.article.outlet.as_deref().unwrap_or("not named"))
        });
        row(&mut md, "Sentences", &|a| {
            a.article.sentences.len().to_string()
        });
        row(&mut md, "Words", &|a| a.text.words.to_string());
        let own = !report.whole_class;
        if own {
            row(&mut md, "Tagged", &|a| {
                a.reviewers
                    .first()
                    .map(|r| format!("{} of {}", r.tagged, a.article.sentences.len()))
                    .unwrap_or_default()
            });
            for tag in Tag::ALL {
                row(&mut md, tag.label(), &|a| {
                    a.reviewers
                        .first()
                        .map(|r| count_and_share(r, tag))
                        .unwrap_or_default()
                });
            }
            row(&mut md, "Loaded phrases per 100 words", &|a| {
                a.reviewers
                    .first()
                    .map(|r| format!("{:.1}", a.phrases_per_100_words(r)))
                    .unwrap_or_default()
            });
            row(&mut md, "Quoted voices", &|a| {
                a.voices
                    .first()
                    .map(|v| voice_counts(v))
                    .unwrap_or_default()
            });
        }
        row(
            &mut md,
            "Anonymous sources per 100 words (Slant's word lists)",
            &|a| format!("{:.1}", a.evidence.anonymous_sources_per_100_words),
        );
        row(
            &mut md,
            "Hedges per 100 words, outside quotations (Slant's word lists)",
            &|a| format!("{:.1}", a.evidence.hedges_per_100_words),
        );
        row(
            &mut md,
            "Loaded words per 100 words, outside quotations (Slant's word lists, not the reviewer)",
            &|a| format!("{:.1}", a.evidence.loaded_words_per_100_words),
        );
        if own {
            row(&mut md, "Suggestions accepted / dismissed", &|a| {
                a.reviewers
                    .first()
                    .map(|r| format!("{} / {}", r.suggestions_accepted, r.suggestions_rejected))
                    .unwrap_or_default()
            });
        }
        md.push('\n');
    }
    super::coverage::markdown(report, &mut md);

    let reviewer = report.reviewer();
    for a in &report.articles {
        let article = a.article;
        let _ = writeln!(md, "## {}\n", escape(&article.title));
        let _ = writeln!(
            md,
            "{}{}\n",
            markdown_wrapped(
                article
                    .outlet
                    .as_deref()
                    .unwrap_or("Outlet not named")
                    .trim(),
                "*"
            ),
            article
                .byline
                .as_deref()
                .map_or(String::new(), |b| format!(" · {}", escape(b.trim())))
        );
        if let Some(r) = a.reviewers.first() {
            let shares: Vec<String> = Tag::ALL
                .iter()
                .map(|&t| format!("{} {}", t.label(), count_and_share(r, t)))
                .collect();
            let _ = writeln!(
                md,
                "{} of {} tagged: {}. Loaded phrases: {}.\n",
                r.tagged,
                crate::wording::count(article.sentences.len(), "sentence", "sentences"),
                shares.join(", "),
                r.loaded_phrases
            );
        }
        if let Some(voices) = a.voices.first().filter(|v| !v.is_empty()) {
            let list: Vec<String> = voices
                .iter()
                .map(|v| {
                    let kind = if v.kind == VoiceKind::Unnamed {
                        " (unnamed)"
                    } else {
                        ""
                    };
                    let at = crate::wording::sentence_numbers(&v.sentences);
                    format!("{}{kind} — {at}", escape(&v.name))
                })
                .collect();
            let _ = writeln!(md, "Quoted voices: {}.\n", list.join("; "));
        }
        let mut notes: Vec<String> = Vec::new();
        for (i, span) in article.sentences.iter().enumerate() {
            let class_phrases = report.whole_class.then(|| report.class_phrases(article, i));
            let annotation = reviewer
                .and_then(|r| article.annotation(&r.id, i))
                .or(class_phrases.as_ref());
            let badge = if report.whole_class {
                // How the class tagged it: "[F 2 · Q 1 · untagged 1]".
                let (counts, untagged) = report.class_tags(article, i);
                let mut parts: Vec<String> = counts
                    .iter()
                    .map(|(t, n)| format!("{} {n}", t.letter()))
                    .collect();
                if untagged > 0 {
                    parts.push(format!("untagged {untagged}"));
                }
                format!("[{}]", parts.join(" · "))
            } else {
                annotation
                    .and_then(|x| x.tag)
                    .map_or("[ ]".to_owned(), |t| format!("[{}]", t.letter()))
            };
            let text: String = runs(article, *span, annotation)
                .iter()
                .map(|run| {
                    if run.phrase {
                        markdown_wrapped(run.text, "**")
                    } else {
                        escape(run.text)
                    }
                })
                .collect();
            let _ = write!(md, "{}. **{badge}** {text}", i + 1);
            let sentence_notes: Vec<String> = if report.whole_class {
                report
                    .class_notes(article, i)
                    .into_iter()
                    .map(|(name, note)| format!("{name}: {note}"))
                    .collect()
            } else {
                annotation
                    .and_then(|x| x.note.clone())
                    .into_iter()
                    .collect()
            };
            for note in sentence_notes {
                notes.push(note);
                let _ = write!(
                    md,
                    " [^{}-{}]",
                    footnote_label(article.id.as_str()),
                    notes.len()
                );
            }
            md.push('\n');
        }
        md.push('\n');
        for (n, note) in notes.iter().enumerate() {
            let _ = writeln!(
                md,
                "[^{}-{}]: {}",
                footnote_label(article.id.as_str()),
                n + 1,
                markdown_footnote(note)
            );
        }
        if !notes.is_empty() {
            md.push('\n');
        }
    }
    super::class::markdown(report, &mut md);
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape("*bold* [link](x) <b> a|b #1\nnext"),
            "\\*bold\\* \\[link\\](x) \\<b\\> a\\|b #1 next"
        );
    }
}
