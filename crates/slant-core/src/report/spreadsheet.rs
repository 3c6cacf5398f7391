//! The CSV export: one row per sentence per reviewer, for spreadsheets and for `import-tags`.
//! UTF-8 with a byte order mark, so spreadsheet programs show curly quotes correctly.

use super::escape::csv_cell;
use super::{Report, ReportError};

/// The header, a contract with teachers' spreadsheets and scripts.
pub const HEADER: [&str; 10] = [
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
];

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
                    let cells: [std::borrow::Cow<str>; 10] = [
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
