//! The JSON export: the project's data with each sentence's text, in a documented, versioned
//! schema (see the README). Field names are a contract: fields are added, never renamed.

use serde::Serialize;

use super::{Report, ReportError};
use crate::stats::ReviewerFigures;
use crate::voices::VoiceKind;

/// Bumped only when a field changes meaning or disappears; new fields keep the version.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Doc<'a> {
    schema: &'static str,
    schema_version: u32,
    generated: String,
    project: ProjectOut<'a>,
    reviewers: Vec<ReviewerOut<'a>>,
    articles: Vec<ArticleOut<'a>>,
}

#[derive(Serialize)]
struct ProjectOut<'a> {
    title: &'a str,
    created: String,
    modified: String,
}

#[derive(Serialize)]
struct ReviewerOut<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    title: &'a str,
    outlet: Option<&'a str>,
    /// Who wrote it, as the page credits them.
    byline: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<String>,
    text: &'a str,
    sentences_count: usize,
    #[serde(flatten)]
    figures: crate::stats::TextFigures,
    /// What the text shows whoever reviews it (Slant's cue lists), as in `slant stats`.
    evidence: crate::stats::Evidence,
    summaries: Vec<SummaryOut<'a>>,
    sentences: Vec<SentenceOut<'a>>,
}

#[derive(Serialize)]
struct SummaryOut<'a> {
    #[serde(flatten)]
    figures: ReviewerFigures<'a>,
    voices: Vec<VoiceOut<'a>>,
}

#[derive(Serialize)]
struct VoiceOut<'a> {
    name: &'a str,
    kind: VoiceKind,
    /// 1-based sentence numbers.
    sentences: Vec<usize>,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    number: usize,
    start: usize,
    end: usize,
    text: &'a str,
    annotations: Vec<AnnotationOut<'a>>,
}

#[derive(Serialize)]
struct AnnotationOut<'a> {
    reviewer: &'a str,
    reviewer_id: &'a str,
    tag: Option<&'static str>,
    note: Option<&'a str>,
    loaded_phrases: Vec<PhraseOut<'a>>,
}

#[derive(Serialize)]
struct PhraseOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

pub fn render(report: &Report) -> Result<Vec<u8>, ReportError> {
    let p = report.project;
    let doc = Doc {
        schema: "slant-report",
        schema_version: SCHEMA_VERSION,
        generated: report.generated.to_string(),
        project: ProjectOut {
            title: &p.title,
            created: p.created.to_string(),
            modified: p.modified.to_string(),
        },
        reviewers: report
            .reviewers
            .iter()
            .map(|r| ReviewerOut {
                id: r.id.as_str(),
                name: &r.name,
            })
            .collect(),
        articles: report
            .articles
            .iter()
            .map(|a| {
                let article = a.article;
                ArticleOut {
                    id: article.id.as_str(),
                    title: &article.title,
                    outlet: article.outlet.as_deref(),
                    byline: article.byline.as_deref(),
                    url: article.url.as_deref(),
                    published: article.published.map(|d| d.to_string()),
                    text: &article.text,
                    sentences_count: article.sentences.len(),
                    figures: crate::stats::TextFigures::of(&a.text),
                    evidence: a.evidence,
                    summaries: a
                        .reviewers
                        .iter()
                        .zip(&report.reviewers)
                        .zip(&a.voices)
                        .map(|((s, r), voices)| SummaryOut {
                            figures: ReviewerFigures::new(&r.name, s),
                            voices: voices
                                .iter()
                                .map(|v| VoiceOut {
                                    name: &v.name,
                                    kind: v.kind,
                                    sentences: v.sentences.iter().map(|s| s + 1).collect(),
                                })
                                .collect(),
                        })
                        .collect(),
                    sentences: article
                        .sentences
                        .iter()
                        .enumerate()
                        .map(|(i, span)| SentenceOut {
                            number: i + 1,
                            start: span.start,
                            end: span.end,
                            text: article.slice(*span),
                            annotations: report
                                .reviewers
                                .iter()
                                .filter_map(|r| {
                                    let x = article.annotation(&r.id, i)?;
                                    Some(AnnotationOut {
                                        reviewer: &r.name,
                                        reviewer_id: r.id.as_str(),
                                        tag: x.tag.map(|t| t.key()),
                                        note: x.note.as_deref(),
                                        loaded_phrases: x
                                            .loaded_phrases
                                            .iter()
                                            .map(|p| PhraseOut {
                                                start: p.start,
                                                end: p.end,
                                                text: article.slice(*p),
                                            })
                                            .collect(),
                                    })
                                })
                                .collect(),
                        })
                        .collect(),
                }
            })
            .collect(),
    };
    let mut out = serde_json::to_vec_pretty(&doc).map_err(|e| ReportError::Write(e.to_string()))?;
    out.push(b'\n');
    Ok(out)
}
