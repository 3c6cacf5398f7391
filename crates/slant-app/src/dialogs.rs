//! File dialogs behind a small trait, so that tests supply paths instead. The system's dialog
//! comes through the desktop portal (rfd); where none runs it answers nothing at once, and the
//! app shows its own (`file_picker.rs`) rather than doing nothing.

use std::path::PathBuf;
use std::time::{Duration, Instant};

pub use crate::file_picker::Kind;

/// What a file dialog is for; the app carries on with the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    OpenProject,
    SaveProject,
    ImportArticle,
    ExportReport,
    LexiconFolder,
    MergeStudents,
}

/// A file dialog to show.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub purpose: Purpose,
    pub title: String,
    pub kind: Kind,
    /// File endings offered (no dot); empty: any file.
    pub extensions: Vec<&'static str>,
    /// The file name proposed when saving.
    pub suggested_name: String,
    /// Where the dialog starts: the project's folder, or the one last chosen from.
    pub folder: PathBuf,
}

/// What a dialog answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    Chosen(Vec<PathBuf>),
    Cancelled,
    /// No dialog could be shown (no desktop portal): the app shows its own.
    Unavailable,
}

pub trait FileDialogs {
    fn choose(&mut self, request: &Request) -> Choice;
}

/// The system's dialogs, through the desktop portal.
pub struct NativeDialogs;

/// Faster than anyone can cancel a dialog: the portal did not show one.
const NO_DIALOG: Duration = Duration::from_millis(250);

impl FileDialogs for NativeDialogs {
    fn choose(&mut self, r: &Request) -> Choice {
        // With no session bus there is no portal to ask.
        if cfg!(target_os = "linux") && std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
            return Choice::Unavailable;
        }
        let mut dialog = rfd::FileDialog::new().set_title(&r.title);
        if !r.extensions.is_empty() {
            dialog = dialog.add_filter(&r.title, &r.extensions);
        }
        if !r.suggested_name.is_empty() {
            dialog = dialog.set_file_name(&r.suggested_name);
        }
        dialog = dialog.set_directory(&r.folder);
        let asked = Instant::now();
        let answer: Vec<PathBuf> = match r.kind {
            Kind::OpenFile => dialog.pick_file().into_iter().collect(),
            Kind::OpenFiles => dialog.pick_files().unwrap_or_default(),
            Kind::SaveFile => dialog.save_file().into_iter().collect(),
            Kind::Folder => dialog.pick_folder().into_iter().collect(),
        };
        match answer {
            paths if !paths.is_empty() => Choice::Chosen(paths),
            _ if cfg!(target_os = "linux") && asked.elapsed() < NO_DIALOG => Choice::Unavailable,
            _ => Choice::Cancelled,
        }
    }
}

/// Dialogs that answer from a list, for tests; with `no_portal`, as a desktop without a
/// portal answers (the app then shows its own dialog).
#[derive(Default)]
pub struct ScriptedDialogs {
    pub open: Vec<PathBuf>,
    pub save: Vec<PathBuf>,
    pub import: Vec<PathBuf>,
    pub export: Vec<PathBuf>,
    pub folder: Vec<PathBuf>,
    /// Answers the merge dialog with all of these at once.
    pub students: Vec<PathBuf>,
    pub no_portal: bool,
    /// Every request shown, for a test to read after the app took the dialogs.
    pub asked: std::rc::Rc<std::cell::RefCell<Vec<Request>>>,
}

impl FileDialogs for ScriptedDialogs {
    fn choose(&mut self, r: &Request) -> Choice {
        self.asked.borrow_mut().push(r.clone());
        if self.no_portal {
            return Choice::Unavailable;
        }
        let paths: Vec<PathBuf> = match r.purpose {
            Purpose::OpenProject => self.open.pop().into_iter().collect(),
            Purpose::SaveProject => self.save.pop().into_iter().collect(),
            Purpose::ImportArticle => self.import.pop().into_iter().collect(),
            Purpose::ExportReport => self.export.pop().into_iter().collect(),
            Purpose::LexiconFolder => self.folder.pop().into_iter().collect(),
            Purpose::MergeStudents => std::mem::take(&mut self.students),
        };
        if paths.is_empty() {
            Choice::Cancelled
        } else {
            Choice::Chosen(paths)
        }
    }
}

/// Opens a file with the system's default program (the browser for an HTML report).
pub fn open_with_system(path: &std::path::Path) -> Result<(), String> {
    let (program, args): (&str, &[&str]) = if cfg!(target_os = "windows") {
        ("cmd", &["/C", "start", ""])
    } else if cfg!(target_os = "macos") {
        ("open", &[])
    } else {
        ("xdg-open", &[])
    };
    open_with(program, args, path)
}

/// [`open_with_system`] with the opener named.
fn open_with(program: &str, args: &[&str], path: &std::path::Path) -> Result<(), String> {
    let spawned = std::process::Command::new(program)
        .args(args)
        .arg(path)
        .spawn();
    // A missing opener is reported by the system as a missing file, which read as if the
    // report were missing.
    let mut child = spawned.map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!(
            "This computer has no program Slant can ask to open files ({program} was not found). Open the report yourself, in a web browser or an editor:\n{}",
            path.display()
        ),
        _ => format!("{}: {e}", path.display()),
    })?;
    // Waited for on a thread of its own: the opener exits at once or after the browser, and a
    // child never waited for stays in the process table as long as Slant runs.
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    /// With no opener installed the message says so, not that the report is missing (the
    /// system's error for a missing program is "No such file or directory").
    #[test]
    fn a_missing_opener_is_named_as_such() {
        let err =
            super::open_with("slant-no-such-opener", &[], "/tmp/report.html".as_ref()).unwrap_err();
        assert!(
            err == "This computer has no program Slant can ask to open files (slant-no-such-opener was not found). Open the report yourself, in a web browser or an editor:\n/tmp/report.html",
            "{err}"
        );
    }
}
