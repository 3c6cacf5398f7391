//! Tags from a spreadsheet: the CSV that `slant export --format csv` writes (or one a teacher
//! made by hand with the same headers) read back into a project. Columns are found by header
//! name; every row is checked before any is applied, so a file with one bad row changes nothing.

mod roster;
mod sheet;

use std::collections::HashMap;

use crate::model::{Project, ReviewerId, Span, Tag};
use crate::report::escape::csv_unguard;
use crate::report::spreadsheet::PHRASE_SEPARATOR;
use roster::Roster;
use sheet::Columns;
pub use sheet::{MAX_CSV_BYTES, REQUIRED, read_csv};

/// A row that cannot be applied, with its line in the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct RowProblem {
    pub line: u64,
    pub problem: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the CSV has no column \"{0}\" (needed: article_id, sentence, reviewer, tag)")]
    MissingColumn(String),
    #[error("the CSV cannot be read: {0}")]
    Csv(String),
    #[error("{} cannot be applied, so none was:\n{}", crate::wording::count(.0.len(), "row", "rows"), .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Rows(Vec<RowProblem>),
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Annotations the rows set or changed.
    pub annotations: usize,
    /// Rows that say what the project already holds: a CSV imported twice changes nothing.
    pub unchanged: usize,
    /// Rows that set nothing (no tag, note or phrase): an export's untagged sentences.
    pub empty: usize,
    /// Annotations that were there and are now different, as "Ann's sentence 2 of article
    /// \"a\"": an old CSV imported after a newer hand-in undoes work, so the teacher is told
    /// whose.
    pub replaced: Vec<String>,
    pub reviewers_added: Vec<String>,
}

struct Row {
    article: usize,
    sentence: usize,
    reviewer: Who,
    tag: Option<Tag>,
    /// `None` when the CSV has no `note` column: the note already there is kept.
    note: Option<Option<String>>,
    /// `None` when the CSV has no `loaded_phrases` column: the phrases already there are kept.
    phrases: Option<Vec<Span>>,
}

impl Row {
    /// A row that sets nothing changes nothing (and adds no reviewer).
    fn is_empty(&self) -> bool {
        self.tag.is_none()
            && self.note.as_ref().is_none_or(Option::is_none)
            && self.phrases.as_ref().is_none_or(Vec::is_empty)
    }
}

/// Whose row it is: a reviewer of the project by id (the export's `reviewer_id`), or a name,
/// found or added.
enum Who {
    Id(ReviewerId),
    Name(String),
}

/// Reads `csv` into `project`: UTF-8 with or without a byte order mark, or Windows-1252 (a
/// spreadsheet's default CSV on Windows); cells separated by commas, or by semicolons or tabs
/// where the header says so (a spreadsheet in a language that writes decimal commas).
pub fn import(project: &mut Project, csv: &[u8]) -> Result<ImportReport, ImportError> {
    let csv = sheet::text(csv);
    let csv = csv.as_ref();
    let (mut reader, columns) = sheet::open(csv)?;
    let Columns {
        article: article_col,
        sentence: sentence_col,
        reviewer: reviewer_col,
        tag: tag_col,
        phrases: phrases_col,
        note: note_col,
        offsets: offsets_col,
        reviewer_id: reviewer_id_col,
        count: header_len,
    } = columns;
    // Reviewer id → name as a row would write it: the id is trusted only with its own name (a
    // teacher who copies an export's rows and types another name means that other reviewer).
    let known_ids: HashMap<&str, String> = project
        .reviewers
        .iter()
        .map(|r| (r.id.as_str(), crate::model::name_key(&r.name)))
        .collect();
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    // Per sentence and reviewer: the line and the index in `rows` of its row.
    let mut seen: HashMap<(usize, usize, String), (u64, usize)> = HashMap::new();
    let article_index: HashMap<&str, usize> = project
        .articles
        .iter()
        .enumerate()
        .rev() // the first of a repeated id wins, as a search from the front finds it
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Csv(e.to_string()))?;
        let line = sheet::line_of(csv, &record);
        // Cells as the CSV export guards them against running as formulas, the guard taken off.
        let cell = |i: usize| csv_unguard(record.get(i).unwrap_or("").trim()).trim();
        // Free text as written: an export's phrases and notes come back byte for byte.
        let raw = |i: usize| csv_unguard(record.get(i).unwrap_or(""));
        let mut problem = |p: String| problems.push(RowProblem { line, problem: p });
        // A row cut short or run together: its cells would land in the wrong columns.
        if record.len() != header_len {
            problem(format!(
                "{} where the header has {header_len}",
                crate::wording::count(record.len(), "cell", "cells"),
            ));
            continue;
        }
        let Some(&article) = article_index.get(cell(article_col)) else {
            problem(format!(
                "no article with id \"{}\" in the project",
                cell(article_col)
            ));
            continue;
        };
        let a = &project.articles[article];
        let sentence = match cell(sentence_col).parse::<usize>() {
            Ok(n) if (1..=a.sentences.len()).contains(&n) => n - 1,
            _ => {
                problem(format!(
                    "sentence \"{}\" is not a sentence number of article \"{}\" (1–{})",
                    cell(sentence_col),
                    a.id,
                    a.sentences.len()
                ));
                continue;
            }
        };
        let named = crate::model::name_key(cell(reviewer_col));
        let reviewer = match reviewer_id_col.map(cell) {
            Some(id) if known_ids.get(id) == Some(&named) => Who::Id(ReviewerId::from(id)),
            _ if cell(reviewer_col).is_empty() => {
                problem("the reviewer is empty".into());
                continue;
            }
            _ => Who::Name(cell(reviewer_col).to_owned()),
        };
        let tag = match cell(tag_col) {
            "" => None,
            t => match Tag::from_key(t).or_else(|| {
                Tag::ALL
                    .into_iter()
                    .find(|x| x.label().eq_ignore_ascii_case(t))
            }) {
                Some(tag) => Some(tag),
                None => {
                    problem(format!(
                        "tag \"{t}\" is not one of fact, quote, speculation, loaded"
                    ));
                    continue;
                }
            },
        };
        let span = a.sentences[sentence];
        let mut loaded_phrases = Vec::new();
        if let Some(c) = phrases_col {
            let listed = raw(c);
            match offsets_col.and_then(|o| placed_phrases(a, span, cell(o), listed)) {
                Some(placed) => loaded_phrases = placed,
                None => {
                    for phrase in listed
                        .split(PHRASE_SEPARATOR)
                        .filter(|p| !p.trim().is_empty())
                    {
                        let found = find_phrase(a.slice(span), phrase, span.start, &loaded_phrases)
                            .or_else(|| {
                                // A hand-made cell may have spaces around the phrase.
                                find_phrase(
                                    a.slice(span),
                                    phrase.trim(),
                                    span.start,
                                    &loaded_phrases,
                                )
                            });
                        match found {
                            Some(p) => loaded_phrases.push(p),
                            None => problem(format!(
                                "the loaded phrase \"{}\" is not in sentence {} of article \"{}\"",
                                phrase.trim(),
                                sentence + 1,
                                a.id
                            )),
                        }
                    }
                }
            }
        }
        loaded_phrases.sort();
        // Only an empty cell is no note: a project file can hold a note of white space, and it
        // comes back as written.
        let note = note_col
            .map(raw)
            .filter(|n| !n.is_empty())
            .map(str::to_owned);
        let key = (
            article,
            sentence,
            match &reviewer {
                Who::Id(id) => format!("id {id}"),
                Who::Name(name) => format!("name {}", crate::model::name_key(name)),
            },
        );
        let note = note_col.map(|_| note);
        let phrases = phrases_col.map(|_| loaded_phrases);
        // The same row twice (a copy pasted again) says one thing: the copy is left out.
        if let Some(&(_, index)) = seen.get(&key) {
            let earlier: &Row = &rows[index];
            if earlier.tag == tag && earlier.note == note && earlier.phrases == phrases {
                continue;
            }
        }
        if let Some((first, _)) = seen.insert(key, (line, rows.len())) {
            problem(format!(
                "sentence {} of article \"{}\" for reviewer \"{}\" is already on line {first}; which row is meant?",
                sentence + 1,
                a.id,
                cell(reviewer_col)
            ));
            continue;
        }
        rows.push(Row {
            article,
            sentence,
            reviewer,
            tag,
            note,
            phrases,
        });
    }
    if !problems.is_empty() {
        return Err(ImportError::Rows(problems));
    }
    let mut report = ImportReport::default();
    let mut roster = Roster::of(project);
    for row in rows {
        if row.is_empty() {
            report.empty += 1;
            continue;
        }
        let id = match row.reviewer {
            Who::Id(id) => id,
            Who::Name(name) => match roster.find(&name) {
                Some(id) => id,
                None => {
                    report.reviewers_added.push(name.clone());
                    roster.add(project, &name)
                }
            },
        };
        let article = &mut project.articles[row.article];
        let before = article.annotation(&id, row.sentence).cloned();
        article.edit_annotation(&id, row.sentence, |a| {
            a.tag = row.tag;
            if let Some(note) = row.note {
                a.note = note;
            }
            if let Some(phrases) = row.phrases {
                a.loaded_phrases = phrases;
            }
        });
        if article.annotation(&id, row.sentence) == before.as_ref() {
            report.unchanged += 1;
        } else {
            report.annotations += 1;
            if before.is_some() {
                let who = roster.name_of(&id);
                report.replaced.push(format!(
                    "{who}'s sentence {} of article \"{}\"",
                    row.sentence + 1,
                    project.articles[row.article].id
                ));
            }
        }
    }
    Ok(report)
}

/// The phrases where the export's `loaded_phrase_offsets` put them, when those places are sound
/// (inside the sentence, in order, on character boundaries) and hold the very text `listed`
/// gives; `None` otherwise (the teacher edited the phrases), and they are looked for by text.
fn placed_phrases(
    a: &crate::model::Article,
    sentence: Span,
    offsets: &str,
    listed: &str,
) -> Option<Vec<Span>> {
    let mut spans: Vec<Span> = Vec::new();
    for pair in offsets.split_whitespace() {
        let (start, end) = pair.split_once('-')?;
        let span = Span::new(start.parse().ok()?, end.parse().ok()?);
        let after_previous = spans.last().is_none_or(|p| p.end <= span.start);
        let sound = !span.is_empty()
            && sentence.contains(span)
            && a.text.is_char_boundary(span.start)
            && a.text.is_char_boundary(span.end);
        if !(after_previous && sound) {
            return None;
        }
        spans.push(span);
    }
    let texts: Vec<&str> = spans.iter().map(|s| a.slice(*s)).collect();
    (texts.join(PHRASE_SEPARATOR) == listed).then_some(spans)
}

/// The first occurrence of `phrase` in the sentence that overlaps no phrase already found.
fn find_phrase(sentence: &str, phrase: &str, base: usize, taken: &[Span]) -> Option<Span> {
    sentence
        .match_indices(phrase)
        .map(|(i, _)| Span::new(base + i, base + i + phrase.len()))
        .find(|s| !taken.iter().any(|t| t.start < s.end && s.start < t.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;
    use jiff::Timestamp;

    fn project() -> Project {
        let mut p = Project::new("Class", Timestamp::UNIX_EPOCH);
        p.articles.push(Article::new(
            "a".into(),
            "A",
            "It was a dangerous gamble. Prices rose.",
        ));
        p.add_reviewer("Ann");
        p
    }

    #[test]
    fn rows_are_matched_by_header_and_new_reviewers_added() {
        let mut p = project();
        let csv = "\u{FEFF}tag,reviewer,sentence,article_id,loaded_phrases,note\n\
                   loaded,Ann,1,a,dangerous gamble,emotive\n\
                   Fact,Bo,2,a,,\n\
                   ,Bo,1,a,,\n";
        let report = import(&mut p, csv.as_bytes()).unwrap();
        assert_eq!(report.annotations, 2);
        assert_eq!(report.reviewers_added, ["Bo"]);
        let a = &p.articles[0];
        let ann = a.annotation(&"ann".into(), 0).unwrap();
        assert_eq!(ann.tag, Some(Tag::Loaded));
        assert_eq!(ann.note.as_deref(), Some("emotive"));
        assert_eq!(a.slice(ann.loaded_phrases[0]), "dangerous gamble");
        assert_eq!(a.annotation(&"bo".into(), 1).unwrap().tag, Some(Tag::Fact));
        assert!(report.replaced.is_empty(), "nothing was there before");
        // The same rows again change nothing, and say so.
        let before = p.clone();
        let again = import(&mut p, csv.as_bytes()).unwrap();
        assert_eq!((again.annotations, again.unchanged), (0, 2));
        assert!(again.replaced.is_empty());
        // A row that changes a tag already there says whose work it replaced.
        let mut changed = p.clone();
        let newer = import(
            &mut changed,
            "tag,reviewer,sentence,article_id\nquote,Bo,2,a\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(newer.replaced, ["Bo's sentence 2 of article \"a\""]);
        assert!(again.reviewers_added.is_empty());
        assert_eq!(p, before);
    }

    /// Malformed CSVs found by a hostile pass, each imported wrongly with "imported" said: a
    /// stray quotation mark swallowed the next row into a note, a row cut short set nothing, a
    /// column given twice took the first. Each is refused, naming the line, and nothing
    /// changes. A spreadsheet's CSV with semicolons, in Windows-1252, is read as meant.
    #[test]
    fn malformed_csvs_are_refused_and_a_spreadsheets_own_are_read() {
        let refused = |csv: &[u8], says: &str| {
            let mut p = project();
            let before = p.clone();
            let e = import(&mut p, csv).unwrap_err().to_string();
            assert!(e.contains(says), "{e}");
            assert_eq!(p, before);
        };
        refused(
            b"article_id,sentence,reviewer,tag,note\r\na,1,Ann,fact,\"x\"\"\r\na,2,Ann,quote,y\r\n",
            "line 2: a quotation mark opened here is never closed",
        );
        refused(
            b"article_id,sentence,reviewer,tag,note\na,1,Ann,fact,\"cut off\n",
            "line 2: a quotation mark",
        );
        refused(
            b"article_id,sentence,reviewer,tag,note\na,1,Ann,quote,\na,2,Ann\n",
            "line 3: 3 cells where the header has 5",
        );
        refused(
            b"article_id,sentence,reviewer,tag,tag\na,1,Ann,fact,quote\n",
            "the column \"tag\" is there twice (columns 4 and 5)",
        );
        // A note's quotation marks, doubled as CSV writes them, are no stray quotation mark.
        let mut p = project();
        import(
            &mut p,
            b"article_id,sentence,reviewer,tag,note\na,1,Ann,fact,\"a \"\"quoted\"\" word\"\n",
        )
        .unwrap();
        let ann = p.articles[0].annotation(&"ann".into(), 0).unwrap();
        assert_eq!(ann.note.as_deref(), Some("a \"quoted\" word"));
        // Semicolons and Windows-1252, as a spreadsheet in German saves a CSV.
        let mut p = project();
        let report = import(
            &mut p,
            b"article_id;sentence;reviewer;tag;note\r\na;1;Zo\xEB;fact;\"caf\xE9; noir\"\r\n",
        )
        .unwrap();
        assert_eq!(report.reviewers_added, ["Zoë"]);
        let zoe = p.find_reviewer("zoë").unwrap().id.clone();
        let a = p.articles[0].annotation(&zoe, 0).unwrap();
        assert_eq!(
            (a.tag, a.note.as_deref()),
            (Some(Tag::Fact), Some("café; noir"))
        );
    }

    #[test]
    fn new_reviewers_get_the_ids_and_matches_a_search_would_give() {
        let names = [
            "Ann", " ann ", "ann", "Ann!", "???", "!!!", "ann-2", "Bo", "ann-3", "???",
        ];
        let mut p = project();
        let ten = "One. Two. Three. Four. Five. Six. Seven. Eight. Nine. Ten.";
        p.articles.push(Article::new("b".into(), "B", ten));
        let csv: String = std::iter::once("article_id,sentence,reviewer,tag\n".to_owned())
            .chain(
                names
                    .iter()
                    .enumerate()
                    .map(|(i, n)| format!("b,{},\"{n}\",fact\n", i + 1)),
            )
            .collect();
        import(&mut p, csv.as_bytes()).unwrap();
        let mut want = project();
        for name in names {
            if want.find_reviewer(name).is_none() {
                want.add_reviewer(name);
            }
        }
        assert_eq!(p.reviewers, want.reviewers);
        assert_eq!(p.reviewers.len(), 6, "{:?}", p.reviewers); // "ann-2" is Ann!'s id
    }

    #[test]
    fn the_reviewer_id_column_tells_two_of_one_name_apart_unless_the_name_was_changed() {
        let mut p = project();
        p.add_reviewer("Ann"); // id "ann-2"
        let csv = "article_id,sentence,reviewer,tag,reviewer_id\n\
                   a,1,Ann,fact,ann-2\n\
                   a,2,Bo,quote,ann-2\n";
        let report = import(&mut p, csv.as_bytes()).unwrap();
        assert_eq!(
            report.reviewers_added,
            ["Bo"],
            "an edited name is another reviewer"
        );
        let a = &p.articles[0];
        assert_eq!(
            a.annotation(&"ann-2".into(), 0).unwrap().tag,
            Some(Tag::Fact)
        );
        assert!(a.annotation(&"ann".into(), 0).is_none());
        assert_eq!(a.annotation(&"bo".into(), 1).unwrap().tag, Some(Tag::Quote));
    }

    #[test]
    fn columns_the_csv_lacks_keep_what_is_there_and_repeated_rows_are_refused() {
        let mut p = project();
        let ann = p.reviewers[0].id.clone();
        p.articles[0].edit_annotation(&ann, 0, |a| {
            a.tag = Some(Tag::Loaded);
            a.note = Some("emotive".into());
            a.loaded_phrases = vec![Span::new(9, 25)];
        });
        // Tags only: the note and the phrase stay; an empty row adds no reviewer.
        let csv = "article_id,sentence,reviewer,tag\na,1,Ann,quote\na,2,Nobody,\n";
        let report = import(&mut p, csv.as_bytes()).unwrap();
        assert!(report.reviewers_added.is_empty(), "{report:?}");
        let a = p.articles[0].annotation(&ann, 0).unwrap();
        assert_eq!(a.tag, Some(Tag::Quote));
        assert_eq!(a.note.as_deref(), Some("emotive"));
        assert_eq!(a.loaded_phrases, [Span::new(9, 25)]);
        // A row repeated as it is says one thing: the copy is left out.
        let same_twice = "article_id,sentence,reviewer,tag\na,1,Ann,quote\na,1,Ann,quote\n";
        let report = import(&mut p.clone(), same_twice.as_bytes()).unwrap();
        assert_eq!((report.annotations, report.unchanged), (0, 1), "{report:?}");
        // Lines are the file's, with CRLF line ends too.
        let err = import(
            &mut p.clone(),
            b"article_id,sentence,reviewer,tag\r\na,1,Ann,opinion\r\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("line 2: tag \"opinion\""), "{err}");
        // The same sentence twice for one reviewer: which is meant? Nothing is applied.
        let before = p.clone();
        let csv = "article_id,sentence,reviewer,tag\na,1,Ann,fact\na,1,ann,speculation\n";
        let err = import(&mut p, csv.as_bytes()).unwrap_err().to_string();
        assert!(
            err.starts_with("1 row cannot be applied, so none was:\n"),
            "{err}"
        );
        assert!(
            err.contains(
                "line 3: sentence 1 of article \"a\" for reviewer \"ann\" is already on line 2"
            ),
            "{err}"
        );
        assert_eq!(p, before);
    }

    #[test]
    fn bad_rows_are_named_by_line_and_nothing_is_applied() {
        let mut p = project();
        let before = p.clone();
        let csv = "article_id,sentence,reviewer,tag\n\
                   a,1,Ann,fact\n\
                   b,1,Ann,fact\n\
                   a,9,Ann,fact\n\
                   a,2,Ann,opinion\n";
        let err = import(&mut p, csv.as_bytes()).unwrap_err().to_string();
        assert!(err.contains("line 3: no article with id \"b\""), "{err}");
        assert!(
            err.contains("line 4: sentence \"9\" is not a sentence number of article \"a\" (1–2)"),
            "{err}"
        );
        assert!(err.contains("line 5: tag \"opinion\""), "{err}");
        assert_eq!(p, before);
        let err = import(&mut p, b"article_id,sentence,tag\n").unwrap_err();
        assert_eq!(err, ImportError::MissingColumn("reviewer".into()));
    }

    #[test]
    fn an_export_reads_back_to_the_same_tags() {
        let sample = crate::store::from_ron(
            include_str!("../../../../sample_projects/netanyahu_trump_annotated.ron"),
            std::path::Path::new("sample.ron"),
        )
        .unwrap();
        let report = crate::report::Report::new(
            &sample,
            &crate::report::Selection::default(),
            crate::report::Format::Csv,
            Timestamp::UNIX_EPOCH,
            crate::cues::Lexicons::builtin(),
        )
        .unwrap();
        let csv = crate::report::render(&report, crate::report::Format::Csv).unwrap();
        let mut blank = sample.clone();
        for a in &mut blank.articles {
            a.annotations.clear();
        }
        import(&mut blank, &csv).unwrap();
        for (a, b) in sample.articles.iter().zip(&blank.articles) {
            assert_eq!(a.annotations, b.annotations, "article {}", a.id);
        }
    }
}
