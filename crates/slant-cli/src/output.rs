//! The shapes the command line prints. JSON field names are a contract with teachers' scripts:
//! add fields freely, never rename one.

use std::fmt::Write;
use std::path::Path;

use serde::Serialize;

use slant_core::cues::{self, CueKind, Lexicons, Suggestion};
use slant_core::import::ImportedText;
use slant_core::model::{Project, Span, Tag};
use slant_core::stats::{Evidence, ReviewerFigures, Summary, TextFigures, per_100_words};
use slant_core::voices;

#[derive(Serialize)]
pub struct Analysis<'a> {
    file: String,
    title: Option<&'a str>,
    encoding: String,
    /// What copy-paste repair changed ("joined 1 line break inside sentences"), if anything;
    /// offsets and texts below are in the file's text as it reads, before the repair.
    repairs: Option<String>,
    sentences: Vec<SentenceOut<'a>>,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    /// 1-based, as people count.
    number: usize,
    start: usize,
    end: usize,
    text: &'a str,
    suggestion: Option<Suggestion>,
    cues: Vec<CueOut<'a>>,
}

#[derive(Serialize)]
struct CueOut<'a> {
    kind: CueKind,
    start: usize,
    end: usize,
    text: &'a str,
    reason: String,
}

impl<'a> Analysis<'a> {
    pub fn new(
        file: &Path,
        imported: &'a ImportedText,
        spans: &[Span],
        lexicons: &Lexicons,
    ) -> Analysis<'a> {
        Analysis {
            file: file.display().to_string(),
            title: imported.headline.as_deref(),
            encoding: imported.encoding.to_string(),
            repairs: imported.repairs.describe(),
            sentences: {
                // Found in the repaired text, reported where they are in the file's text.
                let text = &imported.text;
                let original = imported.original_text();
                let at = |s: Span| imported.map.to_original(s.start, s.end);
                let found = cues::find(text, spans, lexicons);
                let mut suggestions = cues::suggest_all(text, spans, &found).into_iter();
                let mut per_sentence = cues::per_sentence(spans, &found).into_iter();
                spans
                    .iter()
                    .enumerate()
                    .map(|(i, &s)| {
                        let here = per_sentence.next().unwrap_or_default();
                        let (start, end) = at(s);
                        SentenceOut {
                            number: i + 1,
                            start,
                            end,
                            text: &original[start..end],
                            suggestion: suggestions.next().flatten(),
                            cues: here
                                .into_iter()
                                .map(|c| {
                                    let (start, end) = at(c.span);
                                    CueOut {
                                        kind: c.kind,
                                        start,
                                        end,
                                        text: &original[start..end],
                                        reason: c.reason.clone(),
                                    }
                                })
                                .collect(),
                        }
                    })
                    .collect()
            },
        }
    }
}

impl Analysis<'_> {
    /// For people: each sentence on one line after its number and the tag Slant suggests
    /// (`Q?`), and under it the cues found in it, compactly (`hedge “could” · loaded “slammed”`).
    pub fn text(&self) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        if let Some(repairs) = &self.repairs {
            let _ = writeln!(s, "({repairs})");
        }
        for sentence in &self.sentences {
            let hint = sentence
                .suggestion
                .as_ref()
                .map_or("  ".to_owned(), |x| format!("{}?", x.tag.letter()));
            let _ = writeln!(
                s,
                "{:>4} {hint} {}",
                sentence.number,
                one_line(sentence.text)
            );
            if !sentence.cues.is_empty() {
                let cues: Vec<String> = sentence
                    .cues
                    .iter()
                    .map(|c| format!("{} “{}”", c.kind.key(), one_line(&short(c.text, 40))))
                    .collect();
                let _ = writeln!(s, "        {}", cues.join(" · "));
            }
        }
        s
    }
}

/// A sentence on one line: line breaks inside it (from copy-paste) shown as a single space, and
/// soft hyphens and other characters that print as nothing left out ("Netan­yahu" in a
/// terminal shows the hyphen). `--json` keeps the file's text as it is, for its offsets.
fn one_line(text: &str) -> String {
    text.split_whitespace()
        .map(|w| w.replace(slant_core::import::repair::is_invisible, ""))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// At most `n` characters, with an ellipsis when cut.
fn short(text: &str, n: usize) -> String {
    match text.char_indices().nth(n) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

#[derive(Serialize)]
pub struct StatsDoc<'a> {
    articles: Vec<ArticleStats<'a>>,
}

#[derive(Serialize)]
struct ArticleStats<'a> {
    id: &'a str,
    title: &'a str,
    outlet: Option<&'a str>,
    sentences: usize,
    #[serde(flatten)]
    figures: TextFigures,
    /// What the text itself shows, whoever reviews it (see `cues`).
    evidence: Evidence,
    reviewers: Vec<ReviewerStats<'a>>,
}

#[derive(Serialize)]
struct VoiceCounts {
    named: usize,
    unnamed: usize,
}

#[derive(Serialize)]
struct ReviewerStats<'a> {
    #[serde(flatten)]
    figures: ReviewerFigures<'a>,
    loaded_phrases_per_100_words: f64,
    /// Speakers of this reviewer's Quote sentences.
    voices: VoiceCounts,
}

impl<'a> StatsDoc<'a> {
    pub fn new(
        project: &'a Project,
        summaries: &'a [Summary],
        lexicons: &Lexicons,
    ) -> StatsDoc<'a> {
        StatsDoc {
            articles: project
                .articles
                .iter()
                .zip(summaries)
                .map(|(a, s)| (a, s, voices::Speakers::of(a)))
                .map(|(a, s, speakers)| ArticleStats {
                    id: a.id.as_str(),
                    title: &a.title,
                    outlet: a.outlet.as_deref(),
                    sentences: s.sentences,
                    figures: s.figures(),
                    evidence: Evidence::of(a, s.words, lexicons),
                    reviewers: s
                        .reviewers
                        .iter()
                        .map(|r| ReviewerStats {
                            figures: ReviewerFigures::new(
                                project
                                    .reviewer(&r.reviewer)
                                    .map_or(r.reviewer.as_str(), |x| &x.name),
                                r,
                            ),
                            loaded_phrases_per_100_words: per_100_words(r.loaded_phrases, s.words),
                            voices: {
                                let (named, unnamed) =
                                    voices::count(&speakers.quoted_voices(a, &r.reviewer));
                                VoiceCounts { named, unnamed }
                            },
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// A plain-text table per article, for reading in a terminal.
pub fn stats_table(project: &Project, summaries: &[Summary], lexicons: &Lexicons) -> String {
    let mut out = String::new();
    for (article, s) in project.articles.iter().zip(summaries) {
        let outlet = article
            .outlet
            .as_deref()
            .map(|o| format!(" ({o})"))
            .unwrap_or_default();
        let _ = writeln!(out, "{}: {}{outlet}", article.id, article.title);
        let readability = match (s.reading_ease, s.grade_level) {
            (Some(e), Some(g)) => format!(", reading ease {e:.1}, grade {g:.1}"),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "  {}, {}{readability}",
            slant_core::wording::count(s.sentences, "sentence", "sentences"),
            slant_core::wording::count(s.words, "word", "words")
        );
        let e = Evidence::of(article, s.words, lexicons);
        let _ = writeln!(out, "  evidence in the text, {}", e.describe());
        if s.reviewers.is_empty() {
            let _ = writeln!(out, "  no reviewers yet");
        } else {
            let name_of = |r: &slant_core::stats::ReviewerSummary| {
                project
                    .reviewer(&r.reviewer)
                    .map_or(r.reviewer.as_str(), |x| x.name.as_str())
                    .to_owned()
            };
            // As wide as the longest name, up to a limit (a whole class's names are short).
            let width = s
                .reviewers
                .iter()
                .map(|r| name_of(r).chars().count())
                .max()
                .unwrap_or(0)
                .clamp(8, 32);
            let _ = write!(out, "  {:<width$} {:>9}", "reviewer", "tagged");
            for tag in Tag::ALL {
                let _ = write!(out, " {:>12}", tag.label());
            }
            let _ = writeln!(out, " {:>8} {:>6}", "phrases", "notes");
            for r in &s.reviewers {
                let _ = write!(
                    out,
                    "  {:<width$} {:>9}",
                    truncate(&name_of(r), width),
                    format!("{}/{}", r.tagged, s.sentences)
                );
                for tag in Tag::ALL {
                    let cell = format!(
                        "{} ({})",
                        r.counts.get(tag),
                        slant_core::wording::percent(r.shares.get(tag))
                    );
                    let _ = write!(out, " {cell:>12}");
                }
                let _ = writeln!(out, " {:>8} {:>6}", r.loaded_phrases, r.notes);
            }
        }
        out.push('\n');
    }
    out
}

fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(width - 1).collect();
        t.push('…');
        t
    }
}
