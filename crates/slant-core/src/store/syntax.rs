//! A RON parse error turned into what happened to the file: a report handed in by mistake, a
//! field missing or misspelt, a repeated key, or a copy cut short.

use std::path::Path;

use super::atomic::backup_path;
use super::locate;

/// RON's message, said the way a teacher reads it: which field is missing or unknown, and
/// whether the file simply stops (a cut-short copy) rather than being wrong where it stops.
pub(super) fn syntax_message(text: &str, path: &Path, e: &ron::error::SpannedError) -> String {
    use ron::Error;
    let outer = |o: &Option<String>| o.clone().unwrap_or_else(|| "the project".into());
    let lines = text.trim_end().lines().count().max(1);
    let last_col = text
        .trim_end()
        .lines()
        .last()
        .map_or(1, |l| l.chars().count() + 1);
    // A Markdown report, a CSV or a note handed in by mistake is not a damaged project.
    if let Some(start) = not_a_project(text) {
        return format!(
            "this is not a Slant project: a project begins with `(`, and this file begins with {start:?}"
        );
    }
    let end = &e.span.end;
    // A whole project ends with the `)` that closes it.
    let at_end = end.line > lines
        || (end.line == lines && end.col >= last_col)
        || !text.trim_end().ends_with(')');
    match &e.code {
        Error::MissingStructField { field, outer: o } => {
            format!("`{field}` is missing from {}", outer(o))
        }
        Error::NoSuchStructField {
            expected,
            found,
            outer: o,
        } => format!(
            "`{found}` is not a field of {} (it has: {})",
            outer(o),
            expected.join(", ")
        ),
        Error::ExceededRecursionLimit => {
            "brackets are nested too deeply here for a Slant project".into()
        }
        _ if at_end => format!(
            "the file stops in the middle of the project ({}): it was cut short, perhaps by an incomplete copy or download{}",
            e.code,
            backup_hint(path)
        ),
        Error::IntegerOutOfBounds => {
            "this number is too large for Slant (sentence keys, offsets and counts are at most 18446744073709551615)".into()
        }
        code => code.to_string(),
    }
}

/// The start of a text that cannot begin a project (a report, a CSV, a note): a project opens
/// with `(`, or a struct's name and `(`, after any comments and `#![enable(…)]` attributes.
/// `None` for what could be a project's start, or an empty file (said elsewhere).
fn not_a_project(text: &str) -> Option<String> {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, r)| r);
        } else if let Some(after) = rest.strip_prefix("#![") {
            rest = after.split_once(']').map_or("", |(_, r)| r);
        } else {
            break;
        }
    }
    let name_end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    if rest.is_empty() || rest[name_end..].trim_start().starts_with('(') {
        return None;
    }
    let first_line = rest.lines().next().unwrap_or_default().trim_end();
    Some(match first_line.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &first_line[..at]),
        None => first_line.to_owned(),
    })
}

/// Where the second of a repeated key is written (RON reports where the map entry ended, past
/// its value): the last `"KEY":` or `KEY:` before that point.
pub(super) fn repeated_key_at(text: &str, e: &ron::error::SpannedError) -> Option<(usize, usize)> {
    let ron::Error::Message(message) = &e.code else {
        return None;
    };
    let key = message.strip_prefix('`')?.split_once("` appears twice")?.0;
    let line_start = text
        .split_inclusive('\n')
        .take(e.span.start.line.checked_sub(1)?)
        .map(str::len)
        .sum::<usize>();
    let end = text[line_start..]
        .char_indices()
        .nth(e.span.start.col.saturating_sub(1))
        .map_or(text.len(), |(i, _)| line_start + i);
    let before = &text[..end];
    let at = before.rfind(&format!("\"{key}\":")).or_else(|| {
        before
            .rmatch_indices(&format!("{key}:"))
            .map(|(i, _)| i)
            .find(|&i| i == 0 || !before.as_bytes()[i - 1].is_ascii_alphanumeric())
    })?;
    Some(locate::line_column(&text.as_bytes()[..at]))
}

/// Where the previous save is, for a message about a damaged file: only when there is one.
pub(super) fn backup_hint(path: &Path) -> String {
    let backup = backup_path(path);
    if backup.is_file() {
        format!(
            "; Slant keeps the previous save beside it as {}",
            backup.file_name().unwrap_or_default().to_string_lossy()
        )
    } else {
        String::new()
    }
}
