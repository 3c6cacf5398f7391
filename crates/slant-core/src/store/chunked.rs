//! Reading and writing a project's articles on all cores.
//!
//! A large project (tens of MB: a class of thirty, every sentence tagged) spends nearly all its
//! load and save time in RON's parser and printer, one article after another. Articles are
//! independent, so each is printed or parsed on its own and the pieces are joined. Printing
//! gives exactly the bytes a single pass would (tested); reading falls back to a single pass
//! whenever the file is not laid out as expected or any piece fails, so error messages keep
//! their exact line and column.

use std::ops::Range;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use ron::error::SpannedError;
use ron::ser::PrettyConfig;
use serde::Serialize;

use super::format::{ArticleDoc, ProjectDoc, reviewer_ids};
use crate::model::Project;

/// Below this size a single pass is as fast as starting threads.
const PARALLEL_MIN_BYTES: usize = 1 << 20;

/// `f` over `items` on up to as many threads as there are cores, results in order.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    parallel_map_on(items, threads_for(items.len()), f)
}

fn threads_for(items: usize) -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items)
}

/// As [`parallel_map`] on at most `threads` threads (one: on this thread).
fn parallel_map_on<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let result = f(item);
                    *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(result);
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|s| {
            s.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .expect("every slot filled")
        })
        .collect()
}

/// Prints the project as [`ProjectDoc::new`] would in one pass, articles in parallel.
pub fn print(
    project: &Project,
    options: &ron::Options,
    config: &PrettyConfig,
) -> Result<String, ron::Error> {
    let mut text = options.to_string_pretty(&ProjectDoc::header(project), config.clone())?;
    if project.articles.is_empty() {
        return Ok(text);
    }
    let reviewers = reviewer_ids(project);
    let text_bytes: usize = project.articles.iter().map(|a| a.text.len()).sum();
    let threads = if text_bytes * 4 < PARALLEL_MIN_BYTES {
        1 // a small project prints faster than threads start
    } else {
        threads_for(project.articles.len())
    };
    let chunks = parallel_map_on(&project.articles, threads, |a| {
        #[derive(Serialize)]
        struct Wrap<'a> {
            articles: &'a [ArticleDoc<'a>],
        }
        let doc = ArticleDoc::new(a, &reviewers);
        let wrapped = options.to_string_pretty(
            &Wrap {
                articles: std::slice::from_ref(&doc),
            },
            config.clone(),
        )?;
        let body = wrapped.strip_prefix(EXTENSIONS_LINE).unwrap_or(&wrapped);
        Ok::<_, ron::Error>(
            body.strip_prefix("(\n  articles: [\n")
                .and_then(|b| b.strip_suffix("  ],\n)"))
                .expect("an article list of one prints in this layout")
                .to_owned(),
        )
    });
    let tail = "articles: [],\n)";
    let cut = text
        .rfind(tail)
        .expect("the header ends with its empty article list");
    text.truncate(cut);
    text.push_str("articles: [\n");
    for chunk in chunks {
        text.push_str(&chunk?);
    }
    text.push_str("  ],\n)");
    Ok(text)
}

const EXTENSIONS_LINE: &str = "#![enable(implicit_some)]\n";

/// Parses a current-version document, articles in parallel when the file is large.
pub fn parse(text: &str, options: &ron::Options) -> Result<ProjectDoc<'static>, SpannedError> {
    if text.len() >= PARALLEL_MIN_BYTES
        && let Some(list) = find_article_list(text)
        && list.items.len() > 1
        && let Some(doc) = parse_pieces(text, &list, options)
    {
        return Ok(doc);
    }
    options.from_str(text)
}

fn parse_pieces(
    text: &str,
    list: &ArticleList,
    options: &ron::Options,
) -> Option<ProjectDoc<'static>> {
    let header = format!("{}{}", &text[..=list.open], &text[list.close..]);
    let mut doc: ProjectDoc<'static> = options.from_str(&header).ok()?;
    if !doc.articles.is_empty() {
        return None;
    }
    let articles = parallel_map(&list.items, |r| {
        options.from_str::<ArticleDoc<'static>>(&text[r.clone()])
    });
    doc.articles = articles.into_iter().collect::<Result<_, _>>().ok()?;
    Some(doc)
}

/// Where the root's `articles: [...]` list and its elements are.
#[derive(Debug, PartialEq)]
struct ArticleList {
    open: usize,
    close: usize,
    items: Vec<Range<usize>>,
}

/// Bytes the scanner must look at; everything else is skipped in a tight loop.
const fn special_bytes() -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    let bytes = b"\"'/()[]{},";
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
}
static SPECIAL: [bool; 256] = special_bytes();

/// Scans RON text (strings, raw strings, chars and comments skipped) for the `articles` list of
/// the root struct. `None` when it is not there or the text is not well-formed enough to tell.
fn find_article_list(text: &str) -> Option<ArticleList> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut list: Option<ArticleList> = None;
    let mut in_list = false; // inside the list's brackets, at its own depth
    let mut item_start: Option<usize> = None;
    let mut i = 0;
    loop {
        while i < b.len() && !SPECIAL[b[i] as usize] {
            i += 1;
        }
        let Some(&c) = b.get(i) else { break };
        match c {
            b'"' => i = skip_string(b, i)?,
            b'\'' => i = skip_char(b, i)?,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = b[i..]
                    .iter()
                    .position(|&x| x == b'\n')
                    .map_or(b.len(), |p| i + p + 1)
            }
            b'/' if b.get(i + 1) == Some(&b'*') => i = skip_block_comment(b, i)?,
            b'(' | b'[' | b'{' => {
                if c == b'[' && depth == 1 && list.is_none() && is_articles_key(&text[..i]) {
                    list = Some(ArticleList {
                        open: i,
                        close: 0,
                        items: Vec::new(),
                    });
                    in_list = true;
                    item_start = next_token(b, i + 1);
                }
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if in_list && depth == 1 {
                    let l = list.as_mut()?;
                    if let Some(start) = item_start.take().filter(|&s| s < i) {
                        l.items.push(start..text[..i].trim_end().len());
                    }
                    l.close = i;
                    in_list = false;
                }
                i += 1;
            }
            b',' if in_list && depth == 2 => {
                let start = item_start.take()?;
                list.as_mut()?.items.push(start..i);
                item_start = next_token(b, i + 1);
                i += 1;
            }
            _ => i += 1,
        }
    }
    list.filter(|l| l.close != 0 && depth == 0)
}

/// The text of the root struct's `key: value` scalar (a number or identifier), found by
/// scanning at depth one outside strings and comments: a title that mentions the key, or the
/// key inside an article, is never taken for it. `None` when the root has no such field.
pub fn root_scalar<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    loop {
        while i < b.len() && !SPECIAL[b[i] as usize] && b[i] != b':' {
            i += 1;
        }
        let &c = b.get(i)?;
        match c {
            b'"' => i = skip_string(b, i)?,
            b'\'' => i = skip_char(b, i)?,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i += b[i..].iter().position(|&x| x == b'\n')?;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => i = skip_block_comment(b, i)?,
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?; // `#![enable(…)]` closes at depth 0 too
                i += 1;
            }
            b':' if depth == 1 => {
                let before = text[..i].trim_end();
                let is_key = before
                    .strip_suffix(key)
                    .is_some_and(|rest| !rest.bytes().last().is_some_and(is_ident_byte));
                i += 1;
                if is_key {
                    let value = text[i..].trim_start();
                    let len = value
                        .bytes()
                        .take_while(|&c| is_ident_byte(c) || c == b'+' || c == b'-')
                        .count();
                    return Some(&value[..len]);
                }
            }
            _ => i += 1,
        }
    }
}

/// The next byte that is not white space or a comment, from `i`.
fn next_token(b: &[u8], mut i: usize) -> Option<usize> {
    loop {
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match (b.get(i), b.get(i + 1)) {
            (Some(b'/'), Some(b'/')) => i += b[i..].iter().position(|&x| x == b'\n')?,
            (Some(b'/'), Some(b'*')) => i = skip_block_comment(b, i)?,
            (Some(_), _) => return Some(i),
            (None, _) => return None,
        }
    }
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// `before` ends with `articles:` (white space allowed), `articles` being a whole identifier.
fn is_articles_key(before: &str) -> bool {
    let Some(key) = before.trim_end().strip_suffix(':') else {
        return false;
    };
    let key = key.trim_end();
    key.strip_suffix("articles")
        .is_some_and(|rest| !rest.bytes().last().is_some_and(is_ident_byte))
}

/// Skips a string starting at the quote `start`: a plain `"…"` with escapes, or a raw string
/// when the quote follows `r`, `r#…` or `br#…` standing alone.
pub(super) fn skip_string(b: &[u8], start: usize) -> Option<usize> {
    let hashes = b[..start].iter().rev().take_while(|&&x| x == b'#').count();
    let r = start.checked_sub(hashes + 1);
    let raw = r.is_some_and(|r| {
        b[r] == b'r'
            && match r.checked_sub(1).map(|p| b[p]) {
                Some(b'b') => r < 2 || !is_ident_byte(b[r - 2]),
                Some(p) => !is_ident_byte(p),
                None => true,
            }
    });
    let mut i = start + 1;
    if raw {
        while i < b.len() {
            if b[i] == b'"'
                && b.len() >= i + 1 + hashes
                && b[i + 1..i + 1 + hashes].iter().all(|&x| x == b'#')
            {
                return Some(i + 1 + hashes);
            }
            i += 1;
        }
        return None;
    }
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

fn skip_char(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    if b.get(i) == Some(&b'\\') {
        i += 2;
    } else {
        i += 1;
    }
    while i < b.len() && b[i] != b'\'' {
        if i > start + 12 {
            return None;
        }
        i += 1;
    }
    (i < b.len()).then_some(i + 1)
}

fn skip_block_comment(b: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0;
    let mut i = start;
    while i + 1 < b.len() {
        match (b[i], b[i + 1]) {
            (b'/', b'*') => {
                depth += 1;
                i += 2;
            }
            (b'*', b'/') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_field_is_found_past_strings_comments_and_nested_fields() {
        let text = "#![enable(implicit_some)]\n(\n  // format_version: 8\n  title: \"format_version: 9\",\n  inner: (format_version: 7),\n  format_version : 0x4,\n)";
        assert_eq!(root_scalar(text, "format_version"), Some("0x4"));
        assert_eq!(
            root_scalar("(title: \"format_version: 9\")", "format_version"),
            None
        );
        assert_eq!(
            root_scalar("(old_format_version: 3)", "format_version"),
            None
        );
    }

    #[test]
    fn finds_the_article_list_past_strings_comments_and_raw_strings() {
        let text = r##"#![enable(implicit_some)]
(
  title: "articles: [ (",
  notes: r#"a "]" here"#,
  // articles: [ (
  /* nested /* ( */ [ */
  c: '(',
  articles: [
    (id: "a", text: "x],y"),
    (id: "b"),
  ],
)"##;
        let list = find_article_list(text).unwrap();
        let items: Vec<&str> = list.items.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(items, [r#"(id: "a", text: "x],y")"#, r#"(id: "b")"#]);
        assert_eq!(&text[list.close..list.close + 1], "]");
    }

    #[test]
    fn a_list_without_trailing_comma_and_a_broken_text_are_handled() {
        let text = "(articles: [(id: 1), (id: 2)])";
        assert_eq!(find_article_list(text).unwrap().items.len(), 2);
        assert_eq!(find_article_list("(articles: [(id: \"1), (id: 2)])"), None);
        assert_eq!(find_article_list("(other: [(id: 1)])"), None);
    }

    #[test]
    fn parallel_map_keeps_order() {
        let items: Vec<u32> = (0..100).collect();
        assert_eq!(
            parallel_map(&items, |x| x * 2),
            items.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
    }
}
