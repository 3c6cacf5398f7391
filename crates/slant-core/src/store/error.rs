//! What can go wrong loading or saving a project, each said with the file and, where it can be
//! found, the line and column, in words a teacher reads.

use std::io;
use std::path::{Path, PathBuf};

use super::MAX_PROJECT_BYTES;
use super::syntax::backup_hint;
use crate::validate::Problem;

/// Why a project could not be loaded. Each message names the file and, where it can, the line
/// and column.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: {}", path.display(), unreadable(source))]
    Read { path: PathBuf, source: io::Error },
    #[error("{}: the file is empty", path.display())]
    Empty { path: PathBuf },
    #[error("{}: is not a regular file (a device, a pipe or a folder), so not a project", path.display())]
    NotRegular { path: PathBuf },
    #[error(
        "{}: the file is {} MB, more than the {} MB a project can be (a class of 30 reviewers on 20 articles is about 50 MB); is it the right file?",
        path.display(), size / 1_000_000, MAX_PROJECT_BYTES / 1_000_000
    )]
    TooLarge { path: PathBuf, size: u64 },
    #[error(
        "{}:{line}:{column}: byte 0x{byte:02X} is not UTF-8 text: a Slant project is UTF-8, so either this is not a project or another program re-saved it in a different encoding",
        path.display()
    )]
    NotText {
        path: PathBuf,
        line: usize,
        column: usize,
        byte: u8,
    },
    #[error(
        "{}:{line}:{column}: the file stops in the middle of a character: it was cut short, perhaps by an incomplete copy or download{}",
        path.display(), backup_hint(path)
    )]
    CutInCharacter {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    #[error(
        "{}: byte {offset} is not valid {encoding}: the file was damaged after it was re-saved as {encoding}",
        path.display()
    )]
    Damaged {
        path: PathBuf,
        encoding: crate::encoding::Encoding,
        offset: usize,
    },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{}: this project was saved by a newer Slant (format version {found}); this Slant reads versions up to {supported}. Update Slant to open it.",
        path.display()
    )]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{}: format version {found} is not a Slant project version", path.display())]
    UnknownVersion { path: PathBuf, found: u32 },
    #[error("{}", invalid_message(path, problems))]
    Invalid {
        path: PathBuf,
        problems: Vec<Located>,
    },
}

/// Why a file could not be read, in words: "there is no such file" rather than the system's
/// "No such file or directory (os error 2)".
pub(crate) fn unreadable(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "there is no such file".into(),
        io::ErrorKind::PermissionDenied => "Slant is not allowed to read this file".into(),
        _ => format!("cannot read the file: {e}"),
    }
}

/// A problem with where it stands in the file, when that could be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub problem: Problem,
}

fn invalid_message(path: &Path, problems: &[Located]) -> String {
    let backup = super::backup_path(path);
    let backup = backup.is_file().then(|| {
        backup
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    });
    let lines: Vec<String> = problems
        .iter()
        .map(|p| {
            let problem = match &p.problem {
                Problem::TextChanged { article } => {
                    Problem::text_changed(article, backup.as_deref())
                }
                other => other.to_string(),
            };
            match (p.line, p.column) {
                (Some(l), Some(c)) => format!("{}:{l}:{c}: {problem}", path.display()),
                _ => format!("{}: {problem}", path.display()),
            }
        })
        .collect();
    lines.join("\n")
}

/// Why a project could not be saved; the file on disk is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}: cannot save: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot save the project: {0}")]
    Serialize(String),
    #[error(
        "cannot save the project: it would be {} MB, more than the {} MB a project can be, and Slant would refuse to open it; nothing was written",
        bytes / 1_000_000, MAX_PROJECT_BYTES / 1_000_000
    )]
    TooLarge { bytes: usize },
    #[error(
        "{}: the file changed on disk since it was opened (another program or another copy of Slant saved it); saving now would overwrite those changes",
        path.display()
    )]
    ChangedOnDisk { path: PathBuf },
    #[error("{0}")]
    Locked(String),
    #[error(
        "{}: already exists; nothing was written (use `slant add` to add articles to it)",
        path.display()
    )]
    Exists { path: PathBuf },
    #[error(
        "{}: this is the teacher's assignment, which a student's work never replaces; nothing was written (save under your own name, as Slant proposes)",
        path.display()
    )]
    Assignment { path: PathBuf },
}
