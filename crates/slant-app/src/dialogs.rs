//! Native file dialogs behind a small trait, so that tests supply paths instead (rfd returns
//! nothing at once where no desktop portal runs).

use std::path::PathBuf;

pub trait FileDialogs {
    fn open_project(&mut self) -> Option<PathBuf>;
    fn save_project(&mut self, suggested_name: &str) -> Option<PathBuf>;
    fn import_article(&mut self) -> Option<PathBuf>;
    fn export_report(&mut self, suggested_name: &str, extension: &str) -> Option<PathBuf>;
    fn pick_folder(&mut self, title: &str) -> Option<PathBuf>;
    /// Several project files at once (students' work to merge); empty when cancelled.
    fn open_projects(&mut self) -> Vec<PathBuf>;
}

/// The system's dialogs.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn open_project(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Slant project", &["ron"])
            .set_title("Open project")
            .pick_file()
    }

    fn save_project(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Slant project", &["ron"])
            .set_file_name(suggested_name)
            .set_title("Save project")
            .save_file()
    }

    fn import_article(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Article", &["txt", "md", "markdown"])
            .set_title("Import article")
            .pick_file()
    }

    fn export_report(&mut self, suggested_name: &str, extension: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Report", &[extension])
            .set_file_name(suggested_name)
            .set_title("Export report")
            .save_file()
    }

    fn pick_folder(&mut self, title: &str) -> Option<PathBuf> {
        rfd::FileDialog::new().set_title(title).pick_folder()
    }

    fn open_projects(&mut self) -> Vec<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Slant project", &["ron"])
            .set_title("Merge students' files")
            .pick_files()
            .unwrap_or_default()
    }
}

/// Dialogs that answer from a list, for tests.
#[derive(Default)]
pub struct ScriptedDialogs {
    pub open: Vec<PathBuf>,
    pub save: Vec<PathBuf>,
    pub import: Vec<PathBuf>,
    pub export: Vec<PathBuf>,
    pub folder: Vec<PathBuf>,
    /// Answers the merge dialog with all of these at once.
    pub students: Vec<PathBuf>,
}

impl FileDialogs for ScriptedDialogs {
    fn open_project(&mut self) -> Option<PathBuf> {
        self.open.pop()
    }

    fn save_project(&mut self, _: &str) -> Option<PathBuf> {
        self.save.pop()
    }

    fn import_article(&mut self) -> Option<PathBuf> {
        self.import.pop()
    }

    fn export_report(&mut self, _: &str, _: &str) -> Option<PathBuf> {
        self.export.pop()
    }

    fn pick_folder(&mut self, _: &str) -> Option<PathBuf> {
        self.folder.pop()
    }

    fn open_projects(&mut self) -> Vec<PathBuf> {
        std::mem::take(&mut self.students)
    }
}

/// Opens a file with the system's default program (the browser for an HTML report).
pub fn open_with_system(path: &std::path::Path) -> std::io::Result<()> {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    command.arg(path).spawn().map(|_| ())
}
