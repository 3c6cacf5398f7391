//! Project files: RON, pretty and diff-friendly, versioned, saved atomically.
//!
//! Saving writes a temporary file beside the target, flushes it to disk and renames it over the
//! target, so the file on disk is always either the complete old project or the complete new
//! one. The previous file is kept as `NAME.ron.bak`. Loading checks every invariant
//! ([`crate::validate`]) and reports problems with the file, line and column.

mod atomic;
mod carriage;
mod chunked;
mod error;
mod format;
mod locate;
pub mod lock;
mod syntax;
mod text;

pub use atomic::{Backup, backup_path, write_atomic};
pub(crate) use error::unreadable;
pub use error::{LoadError, Located, SaveError};

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use jiff::Timestamp;
use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

pub use format::CURRENT_VERSION;
pub use format::ProjectDoc;

use crate::model::Project;
use crate::validate;
use syntax::{repeated_key_at, syntax_message};
use text::{TextError, project_text};

fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// The project as the text of a project file: always the same bytes for the same project.
pub fn to_ron(project: &Project) -> Result<String, SaveError> {
    let config = pretty_config();
    let text = chunked::print(project, &ron::Options::default(), &config)
        .map_err(|e| SaveError::Serialize(e.to_string()))?;
    let mut text = carriage::escape_in_strings(text);
    text.push('\n');
    // Never write what `load` would refuse.
    if text.len() as u64 > MAX_PROJECT_BYTES {
        return Err(SaveError::TooLarge { bytes: text.len() });
    }
    Ok(text)
}

fn pretty_config() -> PrettyConfig {
    PrettyConfig::new()
        .depth_limit(5)
        .indentor("  ")
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME)
}

/// Parses a project file's text. `path` is only used in messages.
pub fn from_ron(text: &str, path: &Path) -> Result<Project, LoadError> {
    let syntax = |e: ron::error::SpannedError| {
        let (line, column) =
            repeated_key_at(text, &e).unwrap_or((e.span.start.line, e.span.start.col));
        LoadError::Syntax {
            path: path.to_owned(),
            line,
            column,
            message: syntax_message(text, path, &e),
        }
    };
    let (project, changed) = match sniff_version(text) {
        Some(found) if found > CURRENT_VERSION => {
            return Err(LoadError::NewerVersion {
                path: path.to_owned(),
                found,
                supported: CURRENT_VERSION,
            });
        }
        Some(0) => {
            return Err(LoadError::UnknownVersion {
                path: path.to_owned(),
                found: 0,
            });
        }
        Some(1) => (
            ron_options()
                .from_str::<format::v1::ProjectDoc>(text)
                .map_err(syntax)?
                .migrate(Timestamp::now()),
            Vec::new(),
        ),
        _ => {
            let doc = chunked::parse(text, &ron_options()).map_err(syntax)?;
            // Version 3 added the optional `suggestion` verdict to annotations; a version 2
            // file reads as version 3 unchanged.
            if !(2..=CURRENT_VERSION).contains(&doc.format_version) {
                return Err(LoadError::UnknownVersion {
                    path: path.to_owned(),
                    found: doc.format_version,
                });
            }
            let changed = doc.changed_texts();
            (doc.into_project(), changed)
        }
    };
    // A changed text is the cause; its sentences cut in the wrong places are the symptoms.
    let mut problems = validate::check(&project);
    problems.retain(|p| !changed.iter().any(|c| c.article() == p.article()));
    problems.splice(0..0, changed);
    if problems.is_empty() {
        Ok(project)
    } else {
        Err(LoadError::Invalid {
            path: path.to_owned(),
            problems: problems
                .into_iter()
                .map(|p| locate::locate(text, p))
                .collect(),
        })
    }
}

/// The `format_version` a file declares, read without parsing the rest, so that a newer file
/// is refused with a clear message rather than a confusing syntax error.
fn sniff_version(text: &str) -> Option<u32> {
    // RON's own number syntax (`4`, `0x4`, `0b100`, `4_`), read by RON.
    ron::from_str(chunked::root_scalar(text, "format_version")?).ok()
}

/// Loads and checks a project file.
pub fn load(path: &Path) -> Result<Project, LoadError> {
    let bytes = match crate::bounded::read(path, MAX_PROJECT_BYTES) {
        Ok(bytes) => bytes,
        Err(crate::bounded::ReadError::Io(source)) => {
            return Err(LoadError::Read {
                path: path.to_owned(),
                source,
            });
        }
        Err(crate::bounded::ReadError::NotRegular) => {
            return Err(LoadError::NotRegular {
                path: path.to_owned(),
            });
        }
        Err(crate::bounded::ReadError::TooLarge(size)) => {
            return Err(LoadError::TooLarge {
                path: path.to_owned(),
                size,
            });
        }
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    let text = project_text(&bytes).map_err(|e| {
        let path = path.to_owned();
        match e {
            TextError::NotUtf8(at) => {
                let (line, column) = locate::line_column(&bytes[..at]);
                LoadError::NotText {
                    path,
                    line,
                    column,
                    byte: bytes[at],
                }
            }
            TextError::CutInCharacter(at) => {
                let (line, column) = locate::line_column(&bytes[..at]);
                LoadError::CutInCharacter { path, line, column }
            }
            TextError::Damaged { encoding, offset } => LoadError::Damaged {
                path,
                encoding,
                offset,
            },
        }
    })?;
    from_ron(&text, path)
}

/// The largest project file Slant reads: ten times a large class's (30 reviewers × 20 articles,
/// about 50 MB), and far below what would exhaust a laptop's memory.
pub const MAX_PROJECT_BYTES: u64 = 500_000_000;

/// A file name (without extension) made from a title, valid on Windows, macOS and Linux: the
/// characters some system forbids (`<>:"/\|?*`, control codes) become `-`, trailing dots and
/// spaces go (Windows drops them), and it is at most 120 characters ("untitled" if nothing is
/// left). A title such as "Iran: two outlets compared" otherwise names a file Windows refuses.
pub fn file_stem_for(title: &str) -> String {
    // A title's colon reads as a dash in a name ("Iran - two outlets"), not "Iran- two".
    let cleaned: String = title
        .replace(": ", " - ")
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*') {
                '-'
            } else {
                c
            }
        })
        .take(120)
        .collect();
    let trimmed = cleaned.trim().trim_end_matches(['.', ' ']);
    if trimmed.is_empty() {
        "untitled".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// A project file's title, read from its first lines only (as Slant writes them, the title
/// comes right after the format version): for a list that names many files, such as the work
/// to recover on the start screen, without loading each whole project. `None` when the start of
/// the file holds no title.
pub fn peek_title(path: &Path) -> Option<String> {
    use std::io::{BufRead, Read};
    // Only the lines up to the title, and at most 64 KB: the start screen names its entries
    // again every second.
    let head = std::io::BufReader::new(fs::File::open(path).ok()?.take(64 * 1024));
    let line = head
        .split(b'\n')
        .take(8)
        .map_while(Result::ok)
        .map(|l| String::from_utf8_lossy(&l).into_owned())
        .find(|l| l.trim_start().starts_with("title: "))?;
    // The RON string literal, escapes and all, up to its closing quotation mark.
    let literal = line.trim().strip_prefix("title: ")?.strip_suffix(',')?;
    ron::from_str::<String>(literal).ok()
}

/// True when `path` is a Slant project (it loads as one): a report or any other output must
/// never be written over it.
pub fn is_project_file(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_file()) && load(path).is_ok()
}

/// Saves `project` to `path` atomically, keeping the previous file as `NAME.ron.bak`.
pub fn save(project: &Project, path: &Path) -> Result<(), SaveError> {
    let text = to_ron(project)?;
    write_atomic(path, text.as_bytes(), Backup::Keep).map_err(|source| SaveError::Write {
        path: path.to_owned(),
        source,
    })
}

/// Saves a new project to `path`, which must not exist: the file is written beside it under a
/// random name and moved into place only if nothing got there first.
pub fn save_new(project: &Project, path: &Path) -> Result<(), SaveError> {
    let text = to_ron(project)?;
    let write = |source| SaveError::Write {
        path: path.to_owned(),
        source,
    };
    if path.exists() {
        return Err(SaveError::Exists {
            path: path.to_owned(),
        });
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = atomic::new_file_in(dir, ".slant-new-").map_err(write)?;
    tmp.write_all(text.as_bytes()).map_err(write)?;
    tmp.as_file().sync_all().map_err(write)?;
    match tmp.persist_noclobber(path) {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Err(SaveError::Exists {
            path: path.to_owned(),
        }),
        Err(e) => Err(write(e.error)),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_from_titles_are_valid_everywhere() {
        assert_eq!(
            super::file_stem_for("Netanyahu presses Trump on Iran: two outlets compared"),
            "Netanyahu presses Trump on Iran - two outlets compared"
        );
        assert_eq!(super::file_stem_for("a/b\\c*?\"<>|"), "a-b-c------");
        assert_eq!(super::file_stem_for("Done. "), "Done");
        assert_eq!(super::file_stem_for(" .. "), "untitled");
        assert_eq!(super::file_stem_for("a\tb"), "a-b");
        assert_eq!(super::file_stem_for(&"x".repeat(300)).len(), 120);
    }

    #[test]
    fn a_title_is_read_from_the_first_lines_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        for title in [
            "Iran: “two” outlets, compared",
            "a \\ b \"c\"",
            "Zoë\tMüller",
        ] {
            let mut p = crate::model::Project::new(title, jiff::Timestamp::UNIX_EPOCH);
            p.articles
                .push(crate::model::Article::new("a".into(), "title: no", "One."));
            save(&p, &path).unwrap();
            assert_eq!(peek_title(&path).as_deref(), Some(title));
        }
        std::fs::write(&path, "not a project").unwrap();
        assert_eq!(peek_title(&path), None);
    }

    use super::*;
    use crate::model::{Article, Tag};
    use crate::validate::Problem;

    fn sample() -> Project {
        let mut p = Project::new("Two outlets", "2026-11-21T12:00:00Z".parse().unwrap());
        let ann = p.add_reviewer("Ann");
        let mut a = Article::new(
            "nbc".into(),
            "Netanyahu urges",
            "He said “no.” It may rain.\n\nAwful!",
        );
        a.outlet = Some("NBC News".into());
        a.set_tag(&ann, 0, Some(Tag::Quote));
        a.edit_annotation(&ann, 2, |x| {
            x.tag = Some(Tag::Loaded);
            x.note = Some("emotive".into());
            x.loaded_phrases.push(crate::model::Span::new(33, 38));
        });
        p.articles.push(a);
        p
    }

    #[test]
    fn file_text_is_readable_and_stable() {
        let text = to_ron(&sample()).unwrap();
        assert!(
            text.starts_with(
                "#![enable(implicit_some)]\n(\n  format_version: 5,\n  title: \"Two outlets\","
            ),
            "{text}"
        );
        assert!(
            text.contains("      sentences: [\n        (0, 17),\n        (18, 30),\n"),
            "{text}"
        );
        assert!(text.contains("0: (tag: Quote)"), "{text}");
        assert!(text.contains("summary: ("), "{text}");
        assert_eq!(from_ron(&text, Path::new("x.ron")).unwrap(), sample());
    }

    /// A text changed by hand (one space added) keeps every sentence range inside it, so only the
    /// fingerprint saved with it tells: the file is refused at the article's text, and the
    /// sentences cut in the wrong places are not listed as problems of their own. A file
    /// without a fingerprint (older, or another tool's) reads as before.
    #[test]
    fn a_text_changed_outside_slant_is_refused_at_its_line() {
        let saved = to_ron(&sample()).unwrap();
        assert!(saved.contains("text_hash: \""), "{saved}");
        let edited = saved.replacen("It may rain.", "It  may rain.", 1);
        let err = from_ron(&edited, Path::new("class.ron")).unwrap_err();
        let LoadError::Invalid { problems, .. } = &err else {
            panic!("{err}")
        };
        assert_eq!(problems.len(), 1, "{err}");
        assert!(
            matches!(&problems[0].problem, Problem::TextChanged { article } if article == "nbc"),
            "{err}"
        );
        let line = edited
            .lines()
            .position(|l| l.trim_start().starts_with("text: "))
            .unwrap()
            + 1;
        assert_eq!(problems[0].line, Some(line), "{err}");
        assert!(
            err.to_string()
                .contains("its text is not the text Slant saved"),
            "{err}"
        );
        // A damaged fingerprint is an error at its own line, not blamed on the text.
        for bad in ["xyz", "", " fef2fbd439a6827", "0xfef2fbd439a682"] {
            let (at, line) = saved
                .lines()
                .enumerate()
                .find(|(_, l)| l.trim_start().starts_with("text_hash:"))
                .unwrap();
            let damaged = saved.replacen(
                line,
                &format!(
                    "{}text_hash: {bad:?},",
                    &line[..line.len() - line.trim_start().len()]
                ),
                1,
            );
            let err = from_ron(&damaged, Path::new("class.ron")).unwrap_err();
            let LoadError::Syntax { line, message, .. } = &err else {
                panic!("{err}")
            };
            assert_eq!(*line, at + 1, "{err}");
            assert!(message.contains("not the 16 hexadecimal digits"), "{err}");
        }
        // The same file without its fingerprint, as an older Slant wrote it, is read.
        let unsigned: String = saved
            .lines()
            .filter(|l| !l.trim_start().starts_with("text_hash:"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(from_ron(&unsigned, Path::new("x.ron")).unwrap(), sample());
    }

    #[test]
    fn articles_printed_in_parallel_match_a_single_pass() {
        let mut p = sample();
        let mut second = p.articles[0].clone();
        second.id = "second".into();
        p.articles.push(second);
        let single = ron::Options::default()
            .to_string_pretty(&ProjectDoc::new(&p), pretty_config())
            .unwrap()
            + "\n";
        assert_eq!(to_ron(&p).unwrap(), single);
        let empty = Project::new("none", Timestamp::UNIX_EPOCH);
        let single = ron::Options::default()
            .to_string_pretty(&ProjectDoc::new(&empty), pretty_config())
            .unwrap()
            + "\n";
        assert_eq!(to_ron(&empty).unwrap(), single);
    }

    #[test]
    fn newer_versions_are_refused_with_a_clear_message() {
        let text = to_ron(&sample())
            .unwrap()
            .replace("format_version: 5", "format_version: 7");
        let err = from_ron(&text, Path::new("class.ron")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "class.ron: this project was saved by a newer Slant (format version 7); this Slant reads versions up to 5. Update Slant to open it."
        );
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let text = to_ron(&sample()).unwrap().replacen(
            "title: \"Two outlets\",",
            "title: \"Two outlets\"",
            1,
        );
        let err = from_ron(&text, Path::new("p.ron")).unwrap_err().to_string();
        assert_eq!(err, "p.ron:5:3: Expected comma");
        // A report, a CSV or a note is no project, not a project cut short.
        let err = |text: &str| from_ron(text, Path::new("x.ron")).unwrap_err().to_string();
        assert_eq!(
            err("# Report for Ann\n\nSome text."),
            "x.ron:1:2: this is not a Slant project: a project begins with `(`, and this file begins with \"# Report for Ann\""
        );
        assert!(
            err("article_id,sentence,reviewer,tag\na,1,Ann,fact\n")
                .ends_with("this file begins with \"article_id,sentence,reviewer,tag\""),
            "{}",
            err("article_id,sentence,reviewer,tag\n")
        );
        assert!(err("hello").contains("this is not a Slant project"));
        // A project cut short is still said to be one.
        let cut = &to_ron(&sample()).unwrap()[..200];
        assert!(
            err(cut).contains("the file stops in the middle"),
            "{}",
            err(cut)
        );
        assert!(err("// a comment\n(format_version: 5, title:").contains("stops in the middle"));
    }

    #[test]
    fn verdicts_round_trip_and_version_2_files_still_load() {
        let mut p = sample();
        p.articles[0].edit_annotation(&"ann".into(), 1, |x| {
            x.suggestion = Some(crate::model::Verdict::Rejected(Tag::Speculation));
        });
        let text = to_ron(&p).unwrap();
        assert!(text.contains("suggestion: Rejected(Speculation)"), "{text}");
        assert_eq!(from_ron(&text, Path::new("x.ron")).unwrap(), p);
        let v2 = to_ron(&sample())
            .unwrap()
            .replace("format_version: 5", "format_version: 2");
        assert_eq!(from_ron(&v2, Path::new("v2.ron")).unwrap(), sample());
    }

    #[test]
    fn version_1_files_are_migrated() {
        let v1 = r#"(
            format_version: 1,
            title: "Old",
            reviewers: [(id: "ann", name: "Ann")],
            articles: [(
                id: "a", title: "A", source: Some("Daily"), url: None, published: None,
                text: "One. Two.",
                sentences: [(start: 0, end: 4), (start: 5, end: 9)],
                annotations: {"ann": {1: (tag: Some(Fact))}},
                summary: (sentences: 2),
            )],
        )"#;
        let p = from_ron(v1, Path::new("old.ron")).unwrap();
        assert_eq!(p.articles[0].outlet.as_deref(), Some("Daily"));
        assert_eq!(p.articles[0].sentence_text(1), "Two.");
        assert_eq!(
            p.articles[0].annotation(&"ann".into(), 1).unwrap().tag,
            Some(Tag::Fact)
        );
    }
}
