//! A file dialog drawn by Slant itself, for desktops where the system's dialog cannot open (no
//! desktop portal runs: many window managers, remote sessions, minimal desktops). Without it,
//! Save, Open, Import and Export would do nothing and say nothing there. (egui-file-dialog does
//! this job, but has no release for the egui Slant uses.)

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

/// What the person is choosing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    OpenFile,
    /// Several files at once (students' projects to merge).
    OpenFiles,
    SaveFile,
    Folder,
}

/// A file dialog in progress.
#[derive(Clone, Debug, PartialEq)]
pub struct FilePicker {
    pub title: String,
    pub kind: Kind,
    /// File endings shown (lower case, no dot); empty: every file.
    pub extensions: Vec<String>,
    pub dir: PathBuf,
    /// The folder box as typed.
    dir_text: String,
    /// The file name (saving) or the file chosen (opening).
    pub name: String,
    /// Files ticked, when choosing several.
    pub chosen: Vec<PathBuf>,
    entries: Vec<(String, bool)>,
    problem: Option<String>,
    /// A file to save over, waiting for the person to say "Replace": the system's dialogs ask
    /// too, and a project or report replaced unasked is work lost.
    replace: Option<PathBuf>,
    /// Whether the keyboard has been put in the dialog yet.
    focused: bool,
    /// A report's dialog: a Slant project is never a report's file, so it is refused at once
    /// rather than asked about and then refused.
    pub refuse_projects: bool,
    /// When saving a project: the teachers' assignments it never writes over, which is said
    /// at once rather than asked about ("Replace it?") and then refused.
    pub refusals: Option<slant_core::document::Refusals>,
    /// When saving a project: where Slant's windows mark the files they have open, and this
    /// window's own file. A file open in another window is refused at once, not asked about
    /// ("Replace it?") and then refused.
    pub claims: Option<(PathBuf, Option<PathBuf>)>,
    /// The button that answers, where "Open" would mislead (a merge takes files in, it opens
    /// none).
    pub ok_label: Option<&'static str>,
}

/// How the dialog ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Chosen(Vec<PathBuf>),
    Cancelled,
}

impl FilePicker {
    pub fn new(title: &str, kind: Kind, extensions: &[&str], dir: PathBuf, name: &str) -> Self {
        let mut picker = FilePicker {
            title: title.to_owned(),
            kind,
            extensions: extensions.iter().map(|e| e.to_lowercase()).collect(),
            dir_text: dir.display().to_string(),
            dir: PathBuf::new(),
            name: name.to_owned(),
            chosen: Vec::new(),
            entries: Vec::new(),
            problem: None,
            replace: None,
            focused: false,
            refuse_projects: false,
            refusals: None,
            claims: None,
            ok_label: None,
        };
        picker.go(dir);
        picker
    }

    /// Shows the folder `dir`: its folders first, then the files with a wanted ending.
    fn go(&mut self, dir: PathBuf) {
        match std::fs::read_dir(&dir) {
            Ok(read) => {
                let mut entries: Vec<(String, bool)> = read
                    .filter_map(Result::ok)
                    .filter_map(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        let is_dir = e.path().is_dir();
                        (!name.starts_with('.') && (is_dir || self.wanted(&name)))
                            .then_some((name, is_dir))
                    })
                    .collect();
                entries.sort_by(|a, b| {
                    b.1.cmp(&a.1)
                        .then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase()))
                });
                self.entries = entries;
                self.dir_text = dir.display().to_string();
                self.dir = dir;
                self.problem = None;
            }
            Err(e) => {
                let why = match e.kind() {
                    std::io::ErrorKind::NotFound => "there is no such folder".to_owned(),
                    std::io::ErrorKind::PermissionDenied => {
                        "Slant is not allowed to read this folder".to_owned()
                    }
                    std::io::ErrorKind::NotADirectory => "this is a file, not a folder".to_owned(),
                    _ => format!("cannot read this folder: {e}"),
                };
                self.problem = Some(format!("{}: {why}", dir.display()));
                // The box shows the folder the list is of, which Open and Save use.
                self.dir_text = self.dir.display().to_string();
            }
        }
    }

    fn wanted(&self, name: &str) -> bool {
        self.kind != Kind::Folder
            && (self.extensions.is_empty()
                || Path::new(name).extension().is_some_and(|x| {
                    self.extensions
                        .contains(&x.to_string_lossy().to_lowercase())
                }))
    }

    /// The answer the OK button would give now, if it can give one.
    fn answer(&self) -> Option<Vec<PathBuf>> {
        match self.kind {
            Kind::Folder => Some(vec![self.dir.clone()]),
            Kind::OpenFiles if !self.chosen.is_empty() => Some(self.chosen.clone()),
            Kind::OpenFiles | Kind::OpenFile => {
                let name = self.name.trim();
                (!name.is_empty()).then(|| vec![self.dir.join(name)])
            }
            Kind::SaveFile => {
                let name = self.name.trim();
                if name.is_empty() {
                    return None;
                }
                let mut path = self.dir.join(name);
                if let Some(ext) = self.extensions.first()
                    && path.extension().is_none()
                {
                    path.set_extension(ext);
                }
                Some(vec![path])
            }
        }
    }

    /// The answer once OK is pressed: saving over a file that exists asks first.
    fn confirmed(&mut self) -> Option<Outcome> {
        // A folder typed in a Save dialog's name box (`sub`, `/work/class/`) is gone to too, not
        // saved as `sub.ron`: the ending is added only to what names no folder.
        let typed = self.name.trim();
        if matches!(self.kind, Kind::SaveFile | Kind::OpenFile)
            && !typed.is_empty()
            && self.dir.join(typed).is_dir()
        {
            let dir = self.dir.join(typed);
            let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
            self.name.clear();
            self.go(dir);
            return None;
        }
        let paths = self.answer()?;
        // A folder typed in the name box (`/work/articles/`, `..`) is gone to, as file dialogs
        // do: a new user typed one to find the files, and it was offered as an article.
        if self.kind != Kind::Folder
            && let [path] = paths.as_slice()
            && path.is_dir()
        {
            let dir = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            self.name.clear();
            self.chosen.clear();
            self.go(dir);
            return None;
        }
        match paths.as_slice() {
            [path] if self.refuse_projects && slant_core::store::is_project_file(path) => {
                self.problem = Some(format!(
                    "{} is a Slant project: a report is never written over a project. Choose another name.",
                    path.display()
                ));
                None
            }
            [path]
                if self
                    .refusals
                    .as_ref()
                    .is_some_and(|r| r.check(path).is_some()) =>
            {
                self.problem = Some(format!(
                    "{} is the teacher's assignment, which a student's work never replaces. Choose another name.",
                    path.display()
                ));
                None
            }
            [path]
                if path.is_file()
                    && self.claims.as_ref().is_some_and(|(dir, own)| {
                        slant_core::document::open_elsewhere(path, dir, own.as_deref())
                    }) =>
            {
                self.problem = Some(format!(
                    "{} is open in another Slant window. Choose another name, or close it there first.",
                    path.display()
                ));
                None
            }
            [path] if self.kind == Kind::SaveFile && path.is_file() => {
                self.replace = Some(path.clone());
                None
            }
            _ => Some(Outcome::Chosen(paths)),
        }
    }

    /// Draws the dialog's contents; `Some` once the person has answered.
    pub fn show(&mut self, ui: &mut Ui) -> Option<Outcome> {
        ui.heading(&self.title);
        let what = match self.kind {
            Kind::Folder => "choose the folder below",
            Kind::OpenFiles => "choose the files below",
            Kind::OpenFile => "choose the file below",
            Kind::SaveFile => "choose the folder and name below",
        };
        ui.label(
            RichText::new(format!(
                "The system's file dialog is not available here; {what}."
            ))
            .weak(),
        );
        let mut go_to = None;
        // Enter in a box that did not answer (a folder opened, a name refused) leaves the
        // keyboard in the name box, or the folder box where there is none: egui lets go of a
        // box on Enter, and what was typed next went nowhere.
        let mut typed_enter = false;
        let mut kept = false;
        let mut folder_box = egui::Id::NULL;
        let mut name_box = None;
        ui.horizontal(|ui| {
            ui.label("Folder");
            // Ids of their own: the message above the list comes and goes.
            let r = ui.add(
                egui::TextEdit::singleline(&mut self.dir_text)
                    .id_salt("folder")
                    .desired_width(480.0),
            );
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Folder"));
            folder_box = r.id;
            if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                go_to = Some(PathBuf::from(self.dir_text.trim()));
                typed_enter = true;
            }
            if ui.button("Up").clicked()
                && let Some(parent) = self.dir.parent()
            {
                go_to = Some(parent.to_owned());
            }
        });
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        let mut answered = None;
        // The OK button, Enter in the file name box, or a chosen file chosen again.
        let mut confirm = false;
        // As wide as the dialog, so the scroll bar never covers the ends of long names.
        egui::ScrollArea::vertical()
            .max_height(280.0)
            .min_scrolled_height(280.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                // The entry Tab moves to is scrolled into sight: a keyboard user must see it.
                let seen = |r: &egui::Response| {
                    if r.gained_focus() {
                        r.scroll_to_me(None);
                    }
                };
                for (name, is_dir) in &self.entries {
                    let path = self.dir.join(name);
                    if *is_dir {
                        let r = ui.selectable_label(false, format!("{name}/"));
                        seen(&r);
                        if r.clicked() {
                            go_to = Some(path);
                        }
                    } else if self.kind == Kind::OpenFiles {
                        let mut on = self.chosen.contains(&path);
                        let r = ui.checkbox(&mut on, name.as_str());
                        seen(&r);
                        if r.changed() {
                            self.chosen.retain(|p| p != &path);
                            if on {
                                self.chosen.push(path);
                            }
                        }
                    } else {
                        let r = ui.selectable_label(self.name == *name, name.as_str());
                        seen(&r);
                        // A second click (or Enter) on the file already chosen, or a double
                        // click, answers: the keyboard needs no trip to the button.
                        let again = r.clicked() && self.name == *name;
                        if r.clicked() {
                            self.name = name.clone();
                            self.replace = None;
                        }
                        if again || r.double_clicked() {
                            confirm = true;
                        }
                    }
                }
                if self.entries.is_empty() {
                    ui.label(RichText::new("(nothing to choose here)").weak());
                }
            });
        if matches!(self.kind, Kind::SaveFile | Kind::OpenFile) {
            ui.horizontal(|ui| {
                ui.label("File name");
                let r = ui.add(
                    egui::TextEdit::singleline(&mut self.name)
                        .id_salt("file name")
                        .desired_width(480.0),
                );
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, "File name")
                });
                if !self.focused {
                    r.request_focus();
                    self.focused = true;
                    // The proposed name's stem is selected, as system dialogs do: typing
                    // replaces it and keeps the extension. The box's state outlives the dialog,
                    // and its cursor otherwise stood where the last name typed here ended.
                    let stem = Path::new(&self.name)
                        .file_stem()
                        .map_or(0, |s| s.to_string_lossy().chars().count());
                    let mut state =
                        egui::text_edit::TextEditState::load(ui.ctx(), r.id).unwrap_or_default();
                    state
                        .cursor
                        .set_char_range(Some(egui::text::CCursorRange::two(
                            egui::text::CCursor::new(0),
                            egui::text::CCursor::new(stem),
                        )));
                    state.store(ui.ctx(), r.id);
                }
                if r.changed() {
                    self.replace = None;
                    self.problem = None;
                }
                name_box = Some(r.id);
                if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    confirm = true;
                    typed_enter = true;
                }
            });
        }
        if let Some(path) = self.replace.clone() {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            // The folder named: a full path typed in the name box may point elsewhere.
            let folder = path
                .parent()
                .map_or_else(String::new, |d| d.display().to_string());
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("“{name}” already exists in {folder}. Replace it? What it holds now will be lost."),
            );
        }
        let ok_label = self.ok_label.unwrap_or(match self.kind {
            Kind::SaveFile => "Save here",
            Kind::Folder => "Use this folder",
            Kind::OpenFile | Kind::OpenFiles => "Open",
        });
        ui.horizontal(|ui| {
            let answer = self.answer();
            if let Some(path) = self.replace.clone() {
                if ui.button("Replace").clicked() {
                    answered = Some(Outcome::Chosen(vec![path]));
                }
                let keep = ui.button("Keep it");
                // The keyboard goes to the safe answer: Enter keeps the file.
                if ui.memory(|m| m.focused().is_none()) {
                    keep.request_focus();
                }
                if keep.clicked() {
                    self.replace = None;
                    // Back to the name, to type another.
                    kept = true;
                }
            } else if ui
                .add_enabled(answer.is_some(), egui::Button::new(ok_label))
                .clicked()
            {
                confirm = true;
            }
            if ui.button("Cancel").clicked() {
                answered = Some(Outcome::Cancelled);
            }
        });
        if confirm && answered.is_none() && self.replace.is_none() {
            answered = self.confirmed();
        }
        // A folder gone to from the list or with Up (by keyboard or pointer) hands the keyboard
        // to the name box too: it stayed on the button or the list, and a name typed went nowhere.
        let moved = go_to.is_some() && name_box.is_some();
        if let Some(dir) = go_to {
            self.go(dir);
        }
        if (typed_enter || moved || kept) && answered.is_none() && self.replace.is_none() {
            let keyboard = name_box.unwrap_or(folder_box);
            ui.memory_mut(|m| m.request_focus(keyboard));
        }
        answered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_folders_then_wanted_files_and_answers_with_the_ending_added() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("class 9B")).unwrap();
        std::fs::write(dir.path().join("b.ron"), "").unwrap();
        std::fs::write(dir.path().join("a.RON"), "").unwrap();
        std::fs::write(dir.path().join("notes.pdf"), "").unwrap();
        let mut p = FilePicker::new("Save", Kind::SaveFile, &["ron"], dir.path().into(), "");
        let names: Vec<&str> = p.entries.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["class 9B", "a.RON", "b.ron"]);
        assert_eq!(p.answer(), None, "no name yet");
        p.name = "week 3".into();
        assert_eq!(p.answer(), Some(vec![dir.path().join("week 3.ron")]));
        assert_eq!(
            p.confirmed(),
            Some(Outcome::Chosen(vec![dir.path().join("week 3.ron")]))
        );
        // Saving over a file that exists asks first.
        p.name = "b".into();
        assert_eq!(p.confirmed(), None);
        assert_eq!(p.replace, Some(dir.path().join("b.ron")));
        // A report's dialog refuses a project at once.
        let project = dir.path().join("p.ron");
        let mut saved = slant_core::model::Project::new("P", jiff::Timestamp::UNIX_EPOCH);
        saved.add_reviewer("Ann");
        slant_core::store::save(&saved, &project).unwrap();
        let mut report =
            FilePicker::new("Export", Kind::SaveFile, &["html"], dir.path().into(), "");
        report.refuse_projects = true;
        report.name = "p.ron".into();
        assert_eq!(report.confirmed(), None);
        assert_eq!(report.replace, None);
        assert!(
            report
                .problem
                .as_deref()
                .unwrap()
                .contains("is a Slant project")
        );
    }

    /// A folder typed in the name box, whole or relative, is opened, not answered.
    #[test]
    fn a_folder_typed_as_the_name_is_gone_to() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("seeds")).unwrap();
        std::fs::write(dir.path().join("seeds").join("story.txt"), "A story.").unwrap();
        let mut p = FilePicker::new("Import", Kind::OpenFile, &["txt"], dir.path().into(), "");
        p.name = format!("{}/", dir.path().join("seeds").display());
        assert_eq!(p.confirmed(), None, "not an article");
        let seeds = std::fs::canonicalize(dir.path().join("seeds")).unwrap();
        assert_eq!(p.dir, seeds);
        assert_eq!(p.name, "");
        let names: Vec<&str> = p.entries.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["story.txt"]);
        p.name = "..".into();
        assert_eq!(p.confirmed(), None);
        assert_eq!(
            std::fs::canonicalize(&p.dir).unwrap(),
            std::fs::canonicalize(dir.path()).unwrap()
        );
        p.name = "seeds/story.txt".into();
        assert_eq!(
            p.confirmed(),
            Some(Outcome::Chosen(vec![p.dir.join("seeds/story.txt")]))
        );
    }
}
