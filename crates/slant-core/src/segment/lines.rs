//! What a whole line says about itself: a caption's credit (`Image: United States Navy.`) and a
//! date line (`Published 10:32 EST, 3 March 2024`), which stand as sentences of their own.

use super::tokens::strip_open;
use super::words::{class, classes_of};

/// How far the line helpers look: a date line or a credit is short, and of a long line only its
/// last words matter. Looking at the whole paragraph at every line break cost a third of the
/// splitter's time.
const LOOK: usize = 240;

/// The line that holds byte `end - 1`, up to `end` (at most its last [`LOOK`] bytes).
pub(super) fn line_before(text: &str, end: usize) -> &str {
    let mut from = end.saturating_sub(LOOK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..end];
    head.rfind(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}'])
        .map_or(head, |i| {
            &head[i + head[i..].chars().next().map_or(1, char::len_utf8)..]
        })
        .trim()
}

/// The line that starts at byte `start` (at most its first [`LOOK`] bytes).
pub(super) fn line_from(text: &str, start: usize) -> &str {
    let mut to = (start + LOOK).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let tail = &text[start..to];
    tail.find(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}'])
        .map_or(tail, |i| &tail[..i])
        .trim()
}

/// A credit label opening a line: `Image:`, `Photo:`, `(Photo:`, `Photograph:`, `Source:`.
pub(super) fn is_credit_label(token: &str) -> bool {
    let Some(word) = strip_open(token).strip_suffix(':') else {
        return false;
    };
    word.chars().next().is_some_and(char::is_uppercase) && classes_of(word) & class::CREDIT != 0
}

/// A picture's credit label (`Image:`, `Photo:`, `Credit:`), which follows a caption even on its
/// line; not `Source:` or `Video:`, which also open titles (`Open Sources: Voices…`).
pub(super) fn is_picture_credit(token: &str) -> bool {
    is_credit_label(token)
        && matches!(
            strip_open(token)
                .trim_end_matches(':')
                .to_lowercase()
                .as_str(),
            "image"
                | "images"
                | "photo"
                | "photos"
                | "photograph"
                | "photographs"
                | "picture"
                | "pictures"
                | "pic"
                | "credit"
                | "credits"
                | "illustration"
        )
}

/// A headline standing as a paragraph: in title case or capitals (every word capitalised but
/// short function words), with at least three capitalised words (`Three to U.S.` is more likely
/// a sentence broken by copy-paste), and no sentence ending inside it (a period only after an
/// abbreviation or initials: `U.S.`, `Inc.`).
pub(super) fn is_heading(line: &str) -> bool {
    const MINOR: &[&str] = &[
        "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "on", "at", "to", "from",
        "by", "of", "in", "into", "with", "as", "vs", "via", "per", "up", "off", "over",
    ];
    let minor = |w: &str| MINOR.iter().any(|m| m.eq_ignore_ascii_case(w));
    // One pass, no allocation, leaving at the first word a headline would not have: this runs
    // at every paragraph break, and most paragraphs are sentences.
    let mut capitalised = 0;
    let mut words = line.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        if core.chars().next().is_some_and(char::is_alphabetic) {
            if core.starts_with(char::is_uppercase) {
                capitalised += usize::from(!minor(core));
            } else if !minor(core) {
                return false;
            }
        }
        // A sentence ending inside it (a period only after an abbreviation or initials).
        if words.peek().is_some() {
            let end = word.trim_end_matches(super::tokens::is_closer);
            let stop = end.ends_with(['!', '?', ':', ';'])
                || (end.ends_with('.') && {
                    let bare = end.trim_end_matches('.');
                    !super::tokens::is_dotted_initialism(bare)
                        && classes_of(bare) & (class::TITLE | class::AMBIGUOUS) == 0
                });
            if stop {
                return false;
            }
        }
    }
    capitalised >= 3
}

/// A web address written out (`http://…`, `https://…`, `www.…`): it ends no sentence by its
/// punctuation, but a line that ends with one is complete.
pub(super) fn is_web_address(token: &str) -> bool {
    let t = strip_open(token);
    t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.")
}

/// A token of a date line with its trailing commas and periods taken off (`2024,` → `2024`,
/// `p.m.` → `p.m`).
fn bare(token: &str) -> &str {
    token.trim_end_matches([',', '.', ';'])
}

fn is_month(word: &str) -> bool {
    classes_of(word) & class::DATE_MONTH != 0
}

/// `3`, `31`, `3rd`, `21st`.
fn is_day(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    (1..=2).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(
            suffix.to_ascii_lowercase().as_str(),
            "" | "st" | "nd" | "rd" | "th"
        )
        && digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && word
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2199).contains(&y))
}

/// `10:32`, `9:05am`, `10.32pm`, `22:15:07`.
fn is_time(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let clock = lower
        .strip_suffix("am")
        .or_else(|| lower.strip_suffix("pm"))
        .unwrap_or(&lower);
    let mut parts = clock.split([':', '.']);
    let hour = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    (1..=2).contains(&hour.len())
        && hour.bytes().all(|b| b.is_ascii_digit())
        && (1..=2).contains(&rest.len())
        && rest
            .iter()
            .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// `03/03/2024`, `2024-03-03`, `3.3.24`.
fn is_numeric_date(word: &str) -> bool {
    [['/'], ['-'], ['.']].iter().any(|sep| {
        let parts: Vec<&str> = word.split(sep).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            && parts.iter().any(|p| p.len() >= 2)
    })
}

/// `am`, `p.m.`, `EST`, `GMT`.
fn is_zone(word: &str) -> bool {
    classes_of(word) & class::DATE_ZONE != 0
}

/// Whether the line ends with a date or a time of day: `March 3, 2024`, `3 March 2024`,
/// `March 3`, `Mar 2024`, `10:32 EST`, `10 a.m.`, `2024-03-03`.
pub(super) fn ends_with_date(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().rev().take(3).map(bare).collect();
    let Some(&last) = words.first() else {
        return false;
    };
    let before = |i: usize| words.get(i).copied().unwrap_or_default();
    if is_time(last) || is_numeric_date(last) {
        return true;
    }
    if is_year(last) {
        return is_month(before(1)) || (is_day(before(1)) && is_month(before(2)));
    }
    if is_day(last) {
        return is_month(before(1));
    }
    if is_month(last) {
        return is_day(before(1));
    }
    if is_zone(last) {
        let b = before(1);
        return is_time(b) || is_day(b) || (is_zone(b) && is_time(before(2)));
    }
    false
}

/// A line that is only a date or time, perhaps with a weekday, a label (`Published`,
/// `Last updated`) and separators: `March 3, 2024`, `Published 10:32 EST, 3 March 2024`,
/// `Updated: Mon 4 Mar 2024 | 09:15 GMT`.
pub(super) fn is_date_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().take(13).collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    let mut dated = false;
    for (i, token) in words.iter().enumerate() {
        let word = bare(token.trim_end_matches(':'));
        if is_month(word) || is_time(word) || is_numeric_date(word) {
            dated = true;
            continue;
        }
        if !(fits_a_date_line(word) || (i > 0 && matches!(word, "at" | "on"))) {
            return false;
        }
    }
    dated && line.chars().any(|c| c.is_ascii_digit())
}

/// A word that may stand in a date line other than `at`/`on` (a month, time, date, day, year,
/// zone, a label such as `Published`, or a separator).
fn fits_a_date_line(word: &str) -> bool {
    is_month(word)
        || is_time(word)
        || is_numeric_date(word)
        || is_day(word)
        || is_year(word)
        || is_zone(word)
        || classes_of(word) & class::DATE_WORD != 0
        || matches!(word, "|" | "-" | "–" | "—" | "·" | "•" | "/")
}

/// Whether a line ending (or starting) with `token` could be or end with a date: a cheap test
/// that spares looking at the whole line at most line breaks.
pub(super) fn may_be_dated(token: &str) -> bool {
    fits_a_date_line(bare(token.trim_end_matches(':')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines_and_line_ends() {
        for line in [
            "March 3, 2024",
            "Published 10:32 EST, 3 March 2024",
            "Updated: Mon 4 Mar 2024 | 09:15 GMT",
            "Last updated at 9:05am on 21st June 2023",
            "2024-03-03",
        ] {
            assert!(is_date_line(line), "{line}");
            assert!(ends_with_date(line), "{line}");
        }
        for line in [
            "On March 3, 2024",
            "March",
            "Monday",
            "The vote was 3 to 2",
            "May we go",
        ] {
            assert!(!is_date_line(line), "{line}");
        }
        assert!(ends_with_date("The photo was taken on March 3"));
        assert!(ends_with_date("Police arrived at 10 p.m."));
        assert!(!ends_with_date("He scored 2024"));
        assert!(!ends_with_date("It rose 3"));
        assert!(!ends_with_date("He said,"));
    }

    #[test]
    fn credit_labels() {
        for token in [
            "Image:",
            "Photo:",
            "(Photo:",
            "Photograph:",
            "Source:",
            "Credit:",
        ] {
            assert!(is_credit_label(token), "{token}");
        }
        for token in ["Image", "image:", "Sources", "Said:", "Photo"] {
            assert!(!is_credit_label(token), "{token}");
        }
    }

    #[test]
    fn lines_around_an_offset() {
        let text = "one two\nthree four\nfive";
        assert_eq!(line_before(text, 18), "three four");
        assert_eq!(line_before(text, 3), "one");
        assert_eq!(line_from(text, 8), "three four");
        assert_eq!(line_from(text, 19), "five");
    }
}
