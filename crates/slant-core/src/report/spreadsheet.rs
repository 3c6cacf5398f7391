//! The CSV export: one row per sentence per reviewer, for spreadsheets and for `import-tags`.
//! UTF-8 with a byte order mark, so spreadsheet programs show curly quotes correctly.

use super::escape::csv_cell;
use super::{Report, ReportError};

/// The header, a contract with teachers' spreadsheets and scripts: columns are added at the
/// end, never renamed or moved. The last two make `import-tags` read an export back exactly:
/// where each loaded phrase stands (a phrase may repeat in its sentence, hold the separator or
/// begin with a space), and whose row it is when two reviewers share a name.
pub const HEADER: [&str; 12] = [
    "article_id",
    "article_title",
    "sentence",
    "start",
    "end",
    "reviewer",
    "tag",
    "loaded_phrases",
    "note",
    "text",
    "loaded_phrase_offsets",
    "reviewer_id",
];

/// A loaded phrase's place in `loaded_phrase_offsets`: `START-END`, byte offsets into the
/// article's text as the `start` and `end` columns are, phrases separated by a space.
pub fn phrase_offsets(phrases: &[crate::model::Span]) -> String {
    phrases
        .iter()
        .map(|p| format!("{}-{}", p.start, p.end))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Separates several loaded phrases in one cell.
pub const PHRASE_SEPARATOR: &str = " | ";

pub fn render(report: &Report) -> Result<Vec<u8>, ReportError> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    let err = |e: csv::Error| ReportError::Write(e.to_string());
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(HEADER).map_err(err)?;
        for a in &report.articles {
            let article = a.article;
            for reviewer in &report.reviewers {
                for (i, span) in article.sentences.iter().enumerate() {
                    let annotation = article.annotation(&reviewer.id, i);
                    let phrases: Vec<&str> = annotation.map_or(vec![], |x| {
                        x.loaded_phrases.iter().map(|p| article.slice(*p)).collect()
                    });
                    // Every text cell guarded against running as a formula.
                    let spans = annotation.map_or(&[][..], |x| &x.loaded_phrases[..]);
                    let cells: [std::borrow::Cow<str>; 12] = [
                        csv_cell(article.id.as_str()),
                        csv_cell(&article.title),
                        (i + 1).to_string().into(),
                        span.start.to_string().into(),
                        span.end.to_string().into(),
                        csv_cell(&reviewer.name),
                        annotation
                            .and_then(|x| x.tag)
                            .map_or("", |t| t.key())
                            .into(),
                        csv_cell(&phrases.join(PHRASE_SEPARATOR))
                            .into_owned()
                            .into(),
                        csv_cell(annotation.and_then(|x| x.note.as_deref()).unwrap_or("")),
                        csv_cell(article.slice(*span)),
                        phrase_offsets(spans).into(),
                        csv_cell(reviewer.id.as_str()),
                    ];
                    w.write_record(cells.iter().map(|c| c.as_bytes()))
                        .map_err(err)?;
                }
            }
        }
        w.flush().map_err(|e| ReportError::Write(e.to_string()))?;
    }
    Ok(out)
}
