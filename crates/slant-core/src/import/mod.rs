//! Turning article files into text: plain text, Markdown and saved web pages, in the encodings
//! people have.
//!
//! Files come from Word (Windows-1252 curly quotes), from Windows editors (UTF-16 with a byte
//! order mark, CRLF line ends) and from the web (UTF-8, sometimes with a BOM). All of them become
//! UTF-8 text with `\n` line ends, repaired of what copy-paste does ([`repair`]); every offset in
//! Slant points into that text.

pub mod html;
mod markdown;
pub mod repair;

use std::path::{Path, PathBuf};

use crate::model::{Article, ArticleId};
use jiff::civil::Date;

pub use crate::encoding::Encoding;

/// How a file ended its lines (Slant itself always uses `\n`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LineEnds {
    #[default]
    Unix,
    /// `\r\n`, from Windows.
    Windows,
    /// A lone `\r`, from old Mac editors.
    OldMac,
}

fn line_ends_of(text: &str) -> LineEnds {
    match text.find('\r') {
        None => LineEnds::Unix,
        Some(at) if text[at + 1..].starts_with('\n') => LineEnds::Windows,
        Some(_) => LineEnds::OldMac,
    }
}

/// The kinds of article file Slant reads, by their ending.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    PlainText,
    Markdown,
    /// A saved web page.
    Html,
}

impl Format {
    /// The file endings of each format (lower case, no dot): what file dialogs offer and what
    /// the app accepts when files are dropped on it.
    pub const ENDINGS: [(Format, &'static [&'static str]); 3] = [
        (Format::PlainText, &["txt", "text"]),
        (Format::Markdown, &["md", "markdown", "mdown", "mkd"]),
        (Format::Html, &["html", "htm", "xhtml"]),
    ];

    /// Every ending Slant imports.
    pub fn endings() -> impl Iterator<Item = &'static str> {
        Format::ENDINGS
            .into_iter()
            .flat_map(|(_, e)| e.iter().copied())
    }

    /// The format of a file with a known ending.
    pub fn of_ending(path: &Path) -> Option<Format> {
        let ending = path.extension()?.to_str()?.to_ascii_lowercase();
        Format::ENDINGS
            .into_iter()
            .find(|(_, e)| e.contains(&ending.as_str()))
            .map(|(f, _)| f)
    }

    /// The format a file is read as: by its ending, plain text when the ending is unknown.
    pub fn of_path(path: &Path) -> Format {
        Format::of_ending(path).unwrap_or(Format::PlainText)
    }
}

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: {}", path.display(), crate::store::unreadable(source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: the file is empty (no text to import)", path.display())]
    Empty { path: PathBuf },
    #[error(
        "{}: this looks like a binary file, not text (byte {offset} is a control character); import .txt, .md or .html files",
        path.display()
    )]
    Binary { path: PathBuf, offset: usize },
    #[error(
        "{}: the file is {} MB, more than the {} MB an article can be; is it the right file?",
        path.display(), megabytes(*size), MAX_ARTICLE_BYTES / 1_000_000
    )]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{}: is not a regular file (a device, a pipe or a folder); give an article file", path.display())]
    NotRegular { path: PathBuf },
    #[error("{}: the page has no article text that Slant can find (no paragraphs outside menus, ads and footers)", path.display())]
    NoArticle { path: PathBuf },
}

/// The largest article file Slant reads. The longest news features are a few hundred kilobytes;
/// a bigger file is nearly always the wrong one, and would make the app slow to lay out.
pub const MAX_ARTICLE_BYTES: u64 = 20_000_000;

fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1e6)
}

/// An article read from a file, before it joins a project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedText {
    /// The headline, when the first line looks like one (or a Markdown heading starts the file,
    /// or a web page names it).
    pub headline: Option<String>,
    /// The text to annotate, repaired; the headline is its first line when there is one.
    pub text: String,
    pub encoding: Encoding,
    pub line_ends: LineEnds,
    /// What a web page says about the article; `None` for text files.
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub published: Option<Date>,
    pub url: Option<String>,
    /// The text before [`repair`], when the repair changed it.
    pub original: Option<String>,
    pub repairs: repair::Repairs,
    /// From offsets in `text` to offsets in `original`.
    pub map: repair::OffsetMap,
}

/// Reads an article file: decodes it, normalises line ends, and for Markdown keeps only the text.
pub fn import_file(path: &Path) -> Result<ImportedText, ImportError> {
    let read_error = |source| ImportError::Read {
        path: path.to_owned(),
        source,
    };
    let bytes = match crate::bounded::read(path, MAX_ARTICLE_BYTES) {
        Ok(bytes) => bytes,
        Err(crate::bounded::ReadError::Io(e)) => return Err(read_error(e)),
        Err(crate::bounded::ReadError::NotRegular) => {
            return Err(ImportError::NotRegular {
                path: path.to_owned(),
            });
        }
        Err(crate::bounded::ReadError::TooLarge(size)) => {
            return Err(ImportError::TooLarge {
                path: path.to_owned(),
                size,
            });
        }
    };
    import_bytes(&bytes, Format::of_path(path), path)
}

/// As [`import_file`], for bytes already read; `path` is used in messages only.
pub fn import_bytes(
    bytes: &[u8],
    format: Format,
    path: &Path,
) -> Result<ImportedText, ImportError> {
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
        });
    }
    let (raw, encoding) = decode(bytes).map_err(|offset| ImportError::Binary {
        path: path.to_owned(),
        offset,
    })?;
    if raw.trim().is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let line_ends = line_ends_of(&raw);
    let text = normalize_newlines(&raw);
    let mut page = html::Page::default();
    let (headline, text) = match format {
        Format::PlainText => (headline_of(&text), text),
        Format::Markdown => markdown::to_text(&text),
        Format::Html => {
            page = html::extract(&text);
            if page.body.trim().is_empty() {
                return Err(ImportError::NoArticle {
                    path: path.to_owned(),
                });
            }
            let body = std::mem::take(&mut page.body);
            let text = match &page.headline {
                Some(h) => format!("{h}\n\n{body}"),
                None => body,
            };
            (page.headline.take(), text)
        }
    };
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let mut imported = ImportedText::repaired(headline, text, encoding, page);
    if imported.text.trim().is_empty() {
        // Only invisible characters (a lone undefined Windows-1252 byte, soft hyphens): once
        // tidied, nothing is left to read.
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    imported.line_ends = line_ends;
    Ok(imported)
}

impl ImportedText {
    /// Text typed or pasted into the app: no file, no encoding to guess; the first line is the
    /// title. `None` when there is no text.
    pub fn pasted(text: &str) -> Option<ImportedText> {
        let text = normalize_newlines(text);
        if text.trim().is_empty() {
            return None;
        }
        // The title drops what the text drops: a zero-width space or a control code pasted
        // with it was drawn as a box in the title after the dialog said it was removed.
        let headline = text
            .lines()
            .map(|l| {
                l.chars()
                    .filter(|&c| !repair::is_invisible(c))
                    .collect::<String>()
            })
            .map(|l| l.trim().to_owned())
            .find(|l| !l.is_empty())
            .map(|l| l.chars().take(200).collect());
        Some(ImportedText::repaired(
            headline,
            text,
            Encoding::Utf8,
            html::Page::default(),
        ))
        .filter(|t| !t.text.trim().is_empty())
    }

    fn repaired(
        headline: Option<String>,
        text: String,
        encoding: Encoding,
        page: html::Page,
    ) -> ImportedText {
        let repair::Repaired {
            text: repaired,
            repairs,
            map,
        } = repair::repair(&text);
        let original = repairs.any().then_some(text);
        ImportedText {
            headline,
            text: repaired,
            line_ends: LineEnds::Unix,
            map,
            encoding,
            outlet: page.outlet,
            byline: page.byline,
            published: page.published,
            url: page.url,
            original,
            repairs,
        }
    }

    /// What Slant did to read the file, when it did more than read UTF-8 text:
    /// "read as Windows-1252 with Windows line ends; joined 1 line break inside sentences".
    pub fn notes(&self) -> Option<String> {
        let mut read = Vec::new();
        if self.encoding != Encoding::Utf8 {
            read.push(format!("as {}", self.encoding));
        }
        match self.line_ends {
            LineEnds::Unix => {}
            LineEnds::Windows => read.push("with Windows line ends (\\r\\n)".into()),
            LineEnds::OldMac => read.push("with old Mac line ends (\\r)".into()),
        }
        let read = (!read.is_empty()).then(|| format!("read {}", read.join(" ")));
        let parts: Vec<String> = read.into_iter().chain(self.repairs.describe()).collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// The text as it was before the repair.
    pub fn original_text(&self) -> &str {
        self.original.as_deref().unwrap_or(&self.text)
    }

    /// The name an article imported from the file `stem` goes by (its id is made from it): the
    /// file's, unless that names no article (`source`, `index`, `article`, a number, as pages
    /// are saved by a browser or a test suite), then its headline's. Three saved pages were
    /// `source`, `source-2` and `source-3`, which a spreadsheet's `article_id` column cannot
    /// tell apart.
    pub fn name_from(&self, stem: &str) -> String {
        const NAMES_NOTHING: &[&str] = &[
            "source", "index", "article", "page", "story", "default", "download", "document",
            "untitled", "file", "text", "view", "content", "print", "amp",
        ];
        let lower = stem.trim().to_lowercase();
        let generic = lower.is_empty()
            || NAMES_NOTHING.contains(&lower.as_str())
            || lower.chars().all(|c| !c.is_alphabetic());
        if !generic {
            return stem.to_owned();
        }
        match &self.headline {
            Some(headline) if headline.chars().any(char::is_alphanumeric) => headline.clone(),
            // No headline either: the text's first words, as a reader would name it.
            _ => {
                let first_line = self.text.lines().find(|l| !l.trim().is_empty());
                let words: Vec<&str> = first_line
                    .unwrap_or_default()
                    .split_whitespace()
                    .take(9)
                    .collect();
                match words.len() {
                    0 => stem.to_owned(),
                    n if n < 9 => words.join(" "),
                    _ => format!("{}…", words[..8].join(" ")),
                }
            }
        }
    }

    /// The article this text becomes, titled by its headline (or its one line, where that reads
    /// as one) or else by `fallback_title`.
    pub fn into_article(self, id: ArticleId, fallback_title: &str) -> Article {
        let title = self
            .headline
            .or_else(|| one_line_title(&self.text))
            .unwrap_or_else(|| fallback_title.to_owned());
        let mut article = Article::new(id, title, self.text);
        article.outlet = self.outlet;
        article.byline = self.byline;
        article.published = self.published;
        article.url = self.url;
        article.original = self.original;
        article
    }
}

/// Decodes bytes to text, or gives the offset of the byte that shows they are not text.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), usize> {
    // A damaged sequence in a marked file becomes U+FFFD: the rest is still the article.
    if let Some(d) = crate::encoding::decode_unicode(bytes) {
        return Ok((d.text, d.encoding));
    }
    if let Some(offset) = bytes
        .iter()
        .position(|&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)))
    {
        return Err(offset);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_owned(), Encoding::Utf8)),
        Err(_) => Ok(crate::encoding::decode_mostly_utf8(bytes)),
    }
}

/// `\r\n` and lone `\r` become `\n`; a form feed becomes a paragraph break.
fn normalize_newlines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\u{c}' => out.push_str("\n\n"),
            c => out.push(c),
        }
    }
    out
}

/// The first line, when it reads as a headline: short, with a letter, not ending like a sentence
/// in the middle of a paragraph (`.`, `,`, `;`, `:`), and with more text after it.
pub fn headline_of(text: &str) -> Option<String> {
    let text = text.trim_start();
    let (first, rest) = text.split_once('\n')?;
    let first = first.trim();
    (!rest.trim().is_empty() && reads_as_headline(first)).then(|| first.to_owned())
}

/// A line that reads as a headline: short, with a letter, not ending like a sentence in the
/// middle of a paragraph.
fn reads_as_headline(line: &str) -> bool {
    (1..=30).contains(&line.split_whitespace().count())
        && line.chars().count() <= 200
        && line.chars().any(char::is_alphabetic)
        && !line.ends_with(['.', ',', ';', ':'])
}

/// The title of a text of one line that reads as a headline ("Storm Closes Schools"): the line
/// is the whole article, so it is not taken off as a headline, but it names the article better
/// than its file does.
fn one_line_title(text: &str) -> Option<String> {
    let line = text.trim();
    (!line.contains('\n') && reads_as_headline(line)).then(|| line.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import(bytes: &[u8], format: Format) -> Result<ImportedText, ImportError> {
        import_bytes(bytes, format, Path::new("in.txt"))
    }

    #[test]
    fn a_file_name_that_names_no_article_gives_way_to_the_headline() {
        let page = import(
            "Storm Hits Coast\nThe storm hit at 5 a.m.".as_bytes(),
            Format::PlainText,
        )
        .unwrap();
        assert_eq!(page.name_from("source"), "Storm Hits Coast");
        assert_eq!(page.name_from("Index"), "Storm Hits Coast");
        assert_eq!(page.name_from("20240312"), "Storm Hits Coast");
        assert_eq!(page.name_from("guardian storm"), "guardian storm");
        let no_headline = import(
            "the storm hit the coast at 5 a.m. on Tuesday, the weather office said.".as_bytes(),
            Format::PlainText,
        )
        .unwrap();
        assert_eq!(
            no_headline.name_from("source"),
            "the storm hit the coast at 5 a.m.…"
        );
        assert_eq!(no_headline.name_from("storm"), "storm");
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = import("Headline\nBody “text”.".as_bytes(), Format::PlainText).unwrap();
        assert_eq!(
            (plain.encoding, plain.headline.as_deref()),
            (Encoding::Utf8, Some("Headline"))
        );
        let bom = import(
            "\u{feff}Headline\nBody “text”.".as_bytes(),
            Format::PlainText,
        )
        .unwrap();
        assert_eq!(bom.encoding, Encoding::Utf8Bom);
        assert_eq!(bom.text, plain.text);
    }

    #[test]
    fn utf16_with_bom_and_crlf() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(
            "Iran’s move\r\nIt said.\r\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let got = import(&le, Format::PlainText).unwrap();
        assert_eq!(
            (got.encoding, got.text.as_str()),
            (Encoding::Utf16Le, "Iran’s move\nIt said.\n")
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend("“Hi.”".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(import(&be, Format::PlainText).unwrap().text, "“Hi.”");
    }

    #[test]
    fn a_stray_windows_1252_byte_in_a_utf8_file_leaves_the_rest_utf8() {
        // “Iran’s” in UTF-8, then a Word apostrophe (0x92) pasted in.
        let mut bytes = "“Iran’s missiles,” he said — it isn".as_bytes().to_vec();
        bytes.push(0x92);
        bytes.extend_from_slice(b"t over.\n");
        assert_eq!(
            decode(&bytes),
            Ok((
                "“Iran’s missiles,” he said — it isn’t over.\n".to_owned(),
                Encoding::Utf8WithWindows1252
            ))
        );
    }

    #[test]
    fn one_curly_quote_against_one_stray_byte_is_still_utf8_and_a_chance_pair_is_not() {
        let mut bytes = "It’s done. It isn".as_bytes().to_vec();
        bytes.push(0x92);
        bytes.extend_from_slice(b"t.\n");
        assert_eq!(
            decode(&bytes).map(|(t, _)| t),
            Ok("It’s done. It isn’t.\n".to_owned())
        );
        // Windows-1252 "Strauß’ Walzer": ß and ’ make a valid UTF-8 pair by chance.
        let (text, _, _) = encoding_rs::WINDOWS_1252.encode("Strauß’ Walzer, sagte Müller.\n");
        assert_eq!(
            decode(&text),
            Ok((
                "Strauß’ Walzer, sagte Müller.\n".to_owned(),
                Encoding::Windows1252
            ))
        );
    }

    #[test]
    fn windows_1252_becomes_curly_quotes() {
        // “Quote,” he said — Iran’s  (0x93 0x94 0x97 0x92 in Windows-1252)
        let bytes = b"\x93Quote,\x94 he said \x97 Iran\x92s\r\n";
        let got = import(bytes, Format::PlainText).unwrap();
        assert_eq!(
            (got.encoding, got.text.as_str()),
            (Encoding::Windows1252, "“Quote,” he said — Iran’s\n")
        );
    }

    #[test]
    fn a_missing_article_file_is_said_to_be_missing() {
        let missing = std::path::Path::new("/no/such/folder/story.txt");
        assert_eq!(
            import_file(missing).unwrap_err().to_string(),
            "/no/such/folder/story.txt: there is no such file"
        );
    }

    #[test]
    fn empty_and_binary_files_are_refused_clearly() {
        assert_eq!(
            import(b" \r\n\t", Format::PlainText)
                .unwrap_err()
                .to_string(),
            "in.txt: the file is empty (no text to import)"
        );
        // Only characters the tidying removes (a lone undefined Windows-1252 byte, a soft
        // hyphen): as empty, never an article with no text (found by the property test).
        for only_invisible in [&b"\x8d"[..], "\u{ad}\u{200b}".as_bytes()] {
            assert_eq!(
                import(only_invisible, Format::PlainText)
                    .unwrap_err()
                    .to_string(),
                "in.txt: the file is empty (no text to import)"
            );
        }
        assert!(ImportedText::pasted("\u{ad}").is_none());
        // Control codes and zero-width spaces pasted from a terminal leave the text and the
        // title alike.
        let pasted =
            ImportedText::pasted("Storm\u{200b} warning\u{1}\u{2}\nThe\u{7} storm hit.\n").unwrap();
        assert_eq!(pasted.headline.as_deref(), Some("Storm warning"));
        assert_eq!(pasted.text, "Storm warning\nThe storm hit.\n");
        assert_eq!(
            import(b"\x89PNG\r\n\x1a\n\0\0", Format::PlainText)
                .unwrap_err()
                .to_string(),
            "in.txt: this looks like a binary file, not text (byte 6 is a control character); import .txt, .md or .html files"
        );
    }

    #[test]
    fn headline_only_when_the_first_line_reads_like_one() {
        assert_eq!(
            headline_of("Netanyahu URGES Trump\nIn a meeting...").as_deref(),
            Some("Netanyahu URGES Trump")
        );
        assert_eq!(headline_of("The talks ended early.\nThen..."), None);
        assert_eq!(headline_of("Only one line"), None);
        // One line is the whole article, but it names the article better than its file.
        let one = |text: &str| {
            import(text.as_bytes(), Format::PlainText)
                .unwrap()
                .into_article("a".into(), "file-name")
        };
        let article = one("Storm Closes Schools Across the County\n");
        assert_eq!(article.title, "Storm Closes Schools Across the County");
        assert_eq!(
            article.sentences.len(),
            1,
            "the line stays the article's text"
        );
        assert_eq!(one("The storm closed schools.").title, "file-name");
        assert_eq!(headline_of(&format!("{}\nBody", "word ".repeat(40))), None);
    }

    #[test]
    fn markdown_keeps_the_text_a_reader_sees() {
        let md = "# Big *News* Today\n\nFirst [para](http://x) with **bold**\nand a soft break.\n\n- one\n- two\n\n> Quoted.\n\n![alt](img.png)\n";
        let got = import(md.as_bytes(), Format::Markdown).unwrap();
        assert_eq!(got.headline.as_deref(), Some("Big News Today"));
        assert_eq!(
            got.text,
            "Big News Today\n\nFirst para with bold and a soft break.\n\n• one\n• two\n\nQuoted.\n"
        );
    }

    #[test]
    fn markdown_html_blocks_keep_their_text() {
        let md = "# Vote\n\nSome <b>bold</b> text.\n\n<div class=\"story\">\n<p>The council voted.</p>\n<p>Residents objected.</p>\n<script>track()</script>\n</div>\n\nThe end.\n";
        let got = import(md.as_bytes(), Format::Markdown).unwrap();
        assert_eq!(
            got.text,
            "Vote\n\nSome bold text.\n\nThe council voted.\n\nResidents objected.\n\nThe end.\n"
        );
        // Upper-case end tags end their block; inline scripts are not text.
        let md = "Lead para.\n\n<SCRIPT>var x=1;</SCRIPT>\n\n## Sub\n\nSome **bold** and <script>track()</script> text.\n";
        let got = import(md.as_bytes(), Format::Markdown).unwrap();
        assert_eq!(got.text, "Lead para.\n\nSub\n\nSome bold and text.\n");
        // Nesting no page reaches is flattened, as for pages (100,000 levels took 50 s).
        let deep = format!(
            "Intro.\n\n{}<p>Deep.</p>{}\n",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let got = import(deep.as_bytes(), Format::Markdown).unwrap();
        assert_eq!(got.text, "Intro.\n\nDeep.\n");
        // A file that is one HTML block is not empty.
        let only = "<div>\n<p>The council voted.</p>\n</div>\n";
        let got = import(only.as_bytes(), Format::Markdown).unwrap();
        assert_eq!(got.text, "The council voted.\n");
    }
}
