//! The CSV file of tags as spreadsheets write it: read safely, decoded (UTF-8 with or without
//! a byte order mark, or Windows-1252), its separator found from its header, its quotation
//! marks checked, and the columns Slant reads found by name.

use std::borrow::Cow;

use super::ImportError;

/// Columns that must be present.
pub const REQUIRED: [&str; 4] = ["article_id", "sentence", "reviewer", "tag"];

/// Columns read when present.
const OPTIONAL: [&str; 4] = [
    "loaded_phrases",
    "note",
    "loaded_phrase_offsets",
    "reviewer_id",
];

/// The separator the header line uses: a comma, or a semicolon or tab where that is what
/// splits it into the column names Slant reads.
fn delimiter(csv: &[u8]) -> u8 {
    let header = csv.split(|&b| b == b'\n').next().unwrap_or_default();
    let found = |sep: u8| {
        header
            .split(|&b| b == sep)
            .filter(|cell| {
                let cell = String::from_utf8_lossy(cell);
                let cell = cell.trim().trim_matches('"');
                REQUIRED.iter().any(|r| cell.eq_ignore_ascii_case(r))
            })
            .count()
    };
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&sep| (found(sep), sep == b','))
        .unwrap_or(b',')
}

/// Refuses a CSV with a quotation mark never closed: the reader would take the rest of the file
/// as one cell, rows and all, and import a note made of rows (a stray `"` in a hand-edited
/// file, or a file cut short). Quotation marks come in pairs in any CSV a spreadsheet writes.
fn unclosed_quote(csv: &[u8]) -> Result<(), ImportError> {
    let mut open_at = None;
    let mut line = 1u64;
    for &b in csv {
        match b {
            b'"' => open_at = if open_at.is_some() { None } else { Some(line) },
            b'\n' => line += 1,
            _ => {}
        }
    }
    match open_at {
        Some(line) => Err(ImportError::Csv(format!(
            "line {line}: a quotation mark opened here is never closed, so the rest of the file would be read as one cell; nothing was imported"
        ))),
        None => Ok(()),
    }
}

/// The largest CSV of tags read: a class of 30 on 20 articles is about 10 MB with its text
/// column; anything near this is not a spreadsheet of tags.
pub const MAX_CSV_BYTES: u64 = 200_000_000;

/// A CSV file's bytes, read safely ([`crate::bounded`]); the message names the file.
pub fn read_csv(path: &std::path::Path) -> Result<Vec<u8>, String> {
    use crate::bounded::{self, ReadError};
    bounded::read(path, MAX_CSV_BYTES).map_err(|e| {
        let why = match e {
            ReadError::Io(e) => format!("cannot read it: {e}"),
            ReadError::NotRegular => {
                "is not a regular file (a device, a pipe or a folder); give a CSV file".into()
            }
            ReadError::TooLarge(n) => format!(
                "the file is {} MB, more than the {} MB a CSV of tags can be; is it the right file?",
                n / 1_000_000,
                MAX_CSV_BYTES / 1_000_000
            ),
        };
        format!("{}: {why}", path.display())
    })
}

/// The sheet's text as UTF-8: a byte order mark taken off, and a file that is not UTF-8 read
/// as Windows-1252 (a spreadsheet's default CSV on Windows).
pub(super) fn text(csv: &[u8]) -> Cow<'_, [u8]> {
    let csv = csv.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(csv);
    if std::str::from_utf8(csv).is_ok() {
        Cow::Borrowed(csv)
    } else {
        Cow::Owned(crate::encoding::decode_mostly_utf8(csv).0.into_bytes())
    }
}

/// Where the columns Slant reads are, counted from 0, and how many the header has.
pub(super) struct Columns {
    pub article: usize,
    pub sentence: usize,
    pub reviewer: usize,
    pub tag: usize,
    pub phrases: Option<usize>,
    pub note: Option<usize>,
    pub offsets: Option<usize>,
    pub reviewer_id: Option<usize>,
    pub count: usize,
}

/// A reader over the rows of `csv` (UTF-8, see [`text`]) and where its columns are. Refused,
/// before any row is read, when a quotation mark is never closed, a column is there twice
/// (`tag,tag`: which one the person meant is not known) or a needed one is missing.
pub(super) fn open(csv: &[u8]) -> Result<(csv::Reader<&[u8]>, Columns), ImportError> {
    unclosed_quote(csv)?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter(csv))
        .from_reader(csv);
    let headers = reader
        .headers()
        .map_err(|e| ImportError::Csv(e.to_string()))?
        .clone();
    let at = |name: &str| -> Vec<usize> {
        headers
            .iter()
            .enumerate()
            .filter(|(_, h)| h.trim().eq_ignore_ascii_case(name))
            .map(|(i, _)| i)
            .collect()
    };
    for name in REQUIRED.iter().chain(&OPTIONAL) {
        if let [first, second, ..] = at(name).as_slice() {
            return Err(ImportError::Csv(format!(
                "the column \"{name}\" is there twice (columns {} and {}); keep one, nothing was imported",
                first + 1,
                second + 1
            )));
        }
    }
    let column = |name: &str| at(name).first().copied();
    let needed = |name: &str| column(name).ok_or_else(|| ImportError::MissingColumn(name.into()));
    let columns = Columns {
        article: needed(REQUIRED[0])?,
        sentence: needed(REQUIRED[1])?,
        reviewer: needed(REQUIRED[2])?,
        tag: needed(REQUIRED[3])?,
        phrases: column("loaded_phrases"),
        note: column("note"),
        offsets: column("loaded_phrase_offsets"),
        reviewer_id: column("reviewer_id"),
        count: headers.len(),
    };
    Ok((reader, columns))
}

/// The line of the file where `record` starts, counted from the byte where it starts: the
/// reader's own line count is one short in a file with CRLF line ends (the export's), so
/// messages named the line above. (It puts the record's start between the CR and the LF,
/// which are skipped here.)
pub(super) fn line_of(csv: &[u8], record: &csv::StringRecord) -> u64 {
    record.position().map_or(0, |p| {
        let mut start = usize::try_from(p.byte())
            .unwrap_or(csv.len())
            .min(csv.len());
        while csv.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            start += 1;
        }
        csv[..start].iter().filter(|&&b| b == b'\n').count() as u64 + 1
    })
}
