//! The desktop app. It draws state and turns what people do into [`Action`]s, which it carries
//! out at the end of each frame through the core ([`slant_core::document`], [`slant_core::command`]).

mod actions;
mod article_text;
mod article_view;
mod classroom;
pub mod dialogs;
mod dispatch;
mod export;
mod file_picker;
mod files;
pub mod hints;
mod launch;
mod menu;
mod modals;
mod opening;
mod phrase;
mod settings;
mod side_panel;
mod split;
mod start;
mod theme;
mod type_ahead;
pub mod ui_command;
mod web_address;
mod words;
mod words_dialog;
mod workspace;

use std::path::{Path, PathBuf};
use std::time::Instant;

use egui::{Ui, ViewportCommand};

pub use actions::Action;
use dialogs::FileDialogs;
pub use launch::{claims_dir, run, untitled_dir};
pub use settings::Settings;
pub use workspace::Workspace;

use slant_core::document::{self, Document, OpenClaim, Recovery};
use slant_core::report::{self, Format, Report, Selection};
use slant_core::store;

const SAMPLE: &str = include_str!("../../../sample_projects/netanyahu_trump_annotated.ron");

/// How the app starts.
pub struct AppOptions {
    /// A project to open at once.
    pub open: Option<PathBuf>,
    pub dialogs: Box<dyn FileDialogs>,
    /// Where recovery files of never-saved projects go.
    pub data_dir: PathBuf,
}

/// What to do once unsaved changes are saved or discarded.
#[derive(Clone, Debug, PartialEq)]
enum After {
    Close,
    Quit,
    Open(PathBuf),
    New,
    Sample,
}

#[derive(Clone, Debug, PartialEq)]
enum Modal {
    Unsaved(After),
    Recover {
        path: PathBuf,
        recovery: Recovery,
        /// The file the person opened: `path` itself, or the assignment whose student's copy
        /// (`path`, never saved) left the recovery. Discard opens it.
        opened: PathBuf,
    },
    /// Work on a project never saved, autosaved before Slant was closed or killed: offered
    /// back at the start.
    RecoverUntitled {
        recovery: Recovery,
        /// The project's title, read once.
        title: String,
    },
    /// Asks who is tagging; for a new project, its title too.
    Reviewer {
        name: String,
        title: Option<String>,
        /// Put the keyboard in the name box (once, when the dialog opens: asking every frame
        /// would take it from the title box, and from a window that is not focused yet).
        focus_name: bool,
        /// What the person was doing when they were asked (a tag key, N for a note): done once
        /// they have said who they are, as if they had been named already.
        then: Option<Box<Action>>,
    },
    Shortcuts,
    /// Chooses the report format before the save dialog.
    Export {
        format: Format,
        open_after: bool,
        /// Whose tags an HTML or Markdown report shows: in a class file the teacher says, it is
        /// never whoever was tagging last without a word.
        whose: Option<export::ReportOf>,
    },
    Message {
        title: String,
        text: String,
    },
    /// Students' files merged into a copy of the project, waiting for the teacher's yes. The
    /// projects are shared, not copied: the dialog is cloned every frame it shows.
    ConfirmMerge {
        merged: std::sync::Arc<slant_core::model::Project>,
        summary: String,
        /// The same merge with each clashing student's newer hand-in replacing their earlier
        /// work, when some student of the same name is already in the class.
        replacing: Option<std::sync::Arc<slant_core::model::Project>>,
    },
    /// Asks for a web address to add the article there; after a failure, again, with the
    /// address as typed and what went wrong.
    WebAddress {
        url: String,
        problem: Option<String>,
    },
    /// An article being fetched from `url`, with Cancel.
    Fetching {
        url: String,
    },
    /// A new article from typed or pasted text: its title (editable) and its text.
    NewArticle {
        title: String,
        text: String,
        /// Cancel was pressed over typed text: the dialog asks before throwing it away.
        discarding: bool,
    },
    /// The text of article `article`, being edited.
    EditText {
        article: usize,
        text: String,
        /// Cancel was pressed over changed text: the dialog asks before throwing it away.
        discarding: bool,
    },
    /// The project file changed on disk since it was opened: overwrite it, save elsewhere, or
    /// leave it.
    ChangedOnDisk {
        path: PathBuf,
    },
    /// Words typed over sentence `sentence` in column `column`: a loaded phrase to mark, or where
    /// to split it.
    Words {
        purpose: words_dialog::WordsFor,
        column: usize,
        sentence: usize,
        words: String,
        problem: Option<String>,
    },
    /// Slant's own file dialog, where the system has none; `then` says what the file is for.
    PickFile {
        picker: Box<file_picker::FilePicker>,
        then: files::Then,
    },
}

impl Modal {
    fn reviewer(title: Option<String>) -> Modal {
        Modal::Reviewer {
            name: String::new(),
            title,
            focus_name: true,
            then: None,
        }
    }

    /// Asks who is tagging, then does `action`.
    fn reviewer_then(action: Action) -> Modal {
        Modal::Reviewer {
            name: String::new(),
            title: None,
            focus_name: true,
            then: Some(Box::new(action)),
        }
    }
}

pub struct SlantApp {
    pub settings: Settings,
    dialogs: Box<dyn FileDialogs>,
    data_dir: PathBuf,
    pub workspace: Option<Workspace>,
    /// Word lists in use and the cues they give.
    pub hints: hints::Hints,
    modal: Option<Modal>,
    /// Dialogs holding the person's text that a message covered (an autosave that failed, a
    /// word list that changed): each comes back, text and all, once the message is closed.
    covered: Vec<Modal>,
    /// A project that failed to load: shown on the start screen; the file is left alone.
    pub load_error: Option<String>,
    /// Why a greyed menu item or its key cannot be used before a project is open: the start
    /// screen says it, as the toolbar does with a project (there is no toolbar to say it in).
    start_notice: Option<String>,
    /// The recent list's entries as last named (see `start::RecentNames`).
    recent_names: start::RecentNames,
    actions: Vec<Action>,
    title: String,
    allow_close: bool,
    theme_applied: Option<bool>,
    /// An article being fetched from a web address.
    download: Option<web_address::Download>,
    /// A menu to open with the keyboard on it next frame: File after F10, the next or previous
    /// one after Tab or an arrow in an open menu.
    open_menu: Option<ui_command::Menu>,
    /// A dialog was open at the end of the last frame.
    dialog_was_open: bool,
    /// Counts the dialogs opened: each one's widgets get ids of their own, so a text box never
    /// inherits an earlier dialog's typing history (Ctrl+Z brought back a cancelled split's
    /// words, and Enter would have split there).
    dialogs_opened: u64,
    /// The dialog shown this frame was not open in the last: its box takes the keyboard, even
    /// where the same box, in the dialog just closed, gave it up a frame ago (two phrases
    /// marked in a row), which egui still reports as "lost focus".
    dialog_opening: bool,
    /// The note box had the keyboard when the open dialog appeared: it gets it back after.
    note_under_dialog: Option<egui::Id>,
    /// The note box that had the keyboard when F10 opened the menus: it gets the keyboard back
    /// when they close, or when the dialog an item opened closes.
    note_under_menu: Option<egui::Id>,
    /// The last autosave failed: its message was shown, and is not shown again until one works.
    autosave_failing: bool,
    /// An autosave went to Slant's data folder, the project's own folder not writable: said
    /// once.
    autosave_elsewhere: bool,
    /// The claim on a file opened while the Recover dialog asks about its autosave; let go when
    /// no such dialog is open.
    pending_claim: Option<OpenClaim>,
    /// The folder of the last file chosen in a file dialog in this run.
    last_folder: Option<PathBuf>,
    /// The files of a merge refused for one of them: ticked again when the teacher opens
    /// Merge students' files… once more, so only the bad file needs unticking.
    merge_refused: Vec<PathBuf>,
}

impl SlantApp {
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> SlantApp {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, Settings::KEY))
            .unwrap_or_default();
        let hints = hints::Hints::new(settings.lexicon_folder.as_deref());
        forget_widget_state(&cc.egui_ctx);
        // egui's own Ctrl+Q closes the window behind any dialog, and its Ctrl+/− zooms the whole
        // interface: Slant's command table has its own Quit (which asks) and text size.
        cc.egui_ctx.options_mut(|o| {
            o.quit_shortcuts.clear();
            o.zoom_with_keyboard = false;
        });
        // Fast typing is handed on a step a frame, before egui reads any of it.
        cc.egui_ctx.add_plugin(type_ahead::TypeAhead::default());
        let mut app = SlantApp {
            hints,
            settings,
            dialogs: options.dialogs,
            data_dir: options.data_dir,
            workspace: None,
            modal: None,
            covered: Vec::new(),
            load_error: None,
            start_notice: None,
            recent_names: start::RecentNames::default(),
            actions: Vec::new(),
            title: String::new(),
            allow_close: false,
            theme_applied: None,
            download: None,
            open_menu: None,
            dialog_was_open: false,
            dialogs_opened: 0,
            dialog_opening: false,
            note_under_dialog: None,
            note_under_menu: None,
            autosave_failing: false,
            autosave_elsewhere: false,
            pending_claim: None,
            last_folder: None,
            merge_refused: Vec::new(),
        };
        if let Some(path) = options.open {
            app.open(&path);
        } else if let Some(recovery) = document::find_untitled_recoveries(&app.untitled_dir())
            .into_iter()
            .next()
        {
            let title = recovered_title(&recovery);
            app.modal = Some(Modal::RecoverUntitled { recovery, title });
        }
        app
    }

    /// The open document, if any (for tests and the title).
    pub fn document(&self) -> Option<&Document> {
        self.workspace.as_ref().map(|w| &w.doc)
    }

    /// Queues an action as if a person had asked for it.
    pub fn request(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// Uses a teacher's word lists (or only Slant's) from now on, and says which files in the
    /// folder could not be used.
    fn use_lexicon_folder(&mut self, dir: Option<PathBuf>) {
        self.hints.set_folder(dir.as_deref());
        self.settings.lexicon_folder = dir;
        if !self.hints.problems.is_empty() {
            self.show_message(Modal::Message {
                title: "Some word lists were not used".into(),
                text: self.hints.problems.join("\n"),
            });
        }
    }

    fn untitled_dir(&self) -> PathBuf {
        self.data_dir.join(crate::launch::UNTITLED_FOLDER)
    }

    /// Writes unsaved work to its recovery file once it has waited [`document::AUTOSAVE_AFTER`].
    /// Run from [`eframe::App::logic`], which eframe calls while the window is hidden too (covered
    /// by another window, minimized): from `ui` alone, a covered window autosaved nothing, and a
    /// crash then lost the work.
    fn autosave_if_due(&mut self, ctx: &egui::Context) {
        if let Some(ws) = &mut self.workspace {
            let now = Instant::now();
            let note_due = ws
                .note
                .as_ref()
                .and_then(|d| d.since)
                .is_some_and(|t| now.duration_since(t) >= document::AUTOSAVE_AFTER);
            let saved = if note_due {
                // A note still being typed goes into the recovery file, not into the undo history.
                if let Some(d) = &mut ws.note {
                    d.since = None;
                }
                Some(ws.doc.autosave_with(&ws.project_with_note()))
            } else if ws.doc.autosave_due(now) {
                Some(ws.doc.autosave())
            } else {
                None
            };
            match saved {
                // Said once, until an autosave works again; the document tries again after
                // the autosave interval, and the toolbar says so each time.
                Some(Err(e)) if !self.autosave_failing => {
                    self.autosave_failing = true;
                    self.show_message(Modal::Message {
                        title: "Autosave failed".into(),
                        text: format!(
                            "{e}\nSlant tries again every {} seconds; save the project somewhere else (Save as… in the File menu) to keep your work safe.",
                            document::AUTOSAVE_AFTER.as_secs()
                        ),
                    });
                }
                Some(Err(_)) => {
                    if let Some(ws) = &mut self.workspace {
                        ws.say("Autosave failed again: save the project somewhere else to keep your work safe");
                    }
                }
                Some(Ok(written)) => {
                    self.autosave_failing = false;
                    // The folder of the project (or of the assignment a student's copy not
                    // saved yet belongs to) could not be written, a read-only share: the work
                    // went to Slant's data folder, where opening the project still finds it.
                    let beside = self.workspace.as_ref().and_then(|ws| {
                        let project = ws.doc.path().or(ws.doc.assignment())?;
                        Some((project.to_owned(), ws.doc.recovery_path()))
                    });
                    if let Some((project, expected)) = beside
                        && written != expected
                        && !self.autosave_elsewhere
                    {
                        self.autosave_elsewhere = true;
                        let text = if project.exists() {
                            format!(
                                "Slant may not write in the folder of {}, so unsaved work is autosaved to {} instead; after a crash, opening the project still offers it back. If saving fails there too, save the project somewhere you may write (Save as… in the File menu).",
                                project.display(),
                                written.display()
                            )
                        } else {
                            format!(
                                "{} is no longer there (moved, renamed or deleted?), so unsaved work is autosaved to {}; after a crash, the start screen offers it back. Ctrl+S saves the project again under that name, or choose Save as… in the File menu.",
                                project.display(),
                                written.display()
                            )
                        };
                        let title = if project.exists() {
                            "Autosave cannot go beside the project"
                        } else {
                            "The project file is gone"
                        };
                        self.show_message(Modal::Message {
                            title: title.into(),
                            text,
                        });
                    }
                }
                None => {}
            }
            // Woken again in time, also while the window is hidden.
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
    }

    fn error(&mut self, title: &str, text: impl Into<String>) {
        self.show_message(Modal::Message {
            title: title.to_owned(),
            text: text.into(),
        });
    }

    /// Shows `message` now; a dialog holding the person's text that it covers comes back after.
    fn show_message(&mut self, message: Modal) {
        if let Some(current) = self.modal.take()
            && self.comes_back(&current)
        {
            self.covered.push(current);
        }
        self.modal = Some(message);
    }

    /// Adds a reviewer (and, for a new project, creates it). False when nothing was done.
    fn add_reviewer(&mut self, name: &str, new_project_title: Option<&str>) -> bool {
        if let Some(title) = new_project_title {
            // A new project starts clean, its first reviewer part of creating it.
            let title = if title.trim().is_empty() {
                "Untitled project"
            } else {
                title.trim()
            };
            let mut project = slant_core::model::Project::new(title, jiff::Timestamp::now());
            let id = project.add_reviewer(name);
            let mut ws = Workspace::new(
                Document::new(project, self.untitled_dir()),
                self.settings.columns,
            );
            ws.reviewer = Some(id);
            self.workspace = Some(ws);
            return true;
        }
        let Some(ws) = &mut self.workspace else {
            return false;
        };
        // A name already here is that reviewer coming back, not a second person of the name:
        // tagging goes on in their own tags.
        // Spaces and case do not make another person (`ann  lee`, a no-break space).
        if let Some(known) = ws.doc.project.reviewers.iter().find(|r| r.is_named(name)) {
            let (id, known) = (known.id.clone(), known.name.clone());
            ws.commit_note();
            ws.reviewer = Some(id);
            ws.changed();
            ws.say(format!(
                "{known} is already a reviewer here: tagging as {known} (another person needs another name)"
            ));
            return true;
        }
        // The document applies the assignment's rule: a student's first save goes to their own
        // file.
        match ws.doc.add_reviewer(name, Instant::now()) {
            Ok(id) => {
                ws.reviewer = Some(id);
                ws.changed();
                true
            }
            Err(_) => false,
        }
    }

    fn window_title(&mut self, ctx: &egui::Context) {
        let dirty = self.is_dirty();
        let title = match self.document() {
            Some(d) => format!(
                "{}{} — Slant",
                if dirty { "● " } else { "" },
                d.display_name()
            ),
            None => "Slant".to_owned(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Keeps where the open project is left (its columns' articles), so that reopening it,
    /// after a restart or another project, shows the same articles.
    fn remember_place(&mut self) {
        let Some(ws) = &self.workspace else {
            return;
        };
        if self.settings.places.first().is_some_and(|p| ws.is_at(p)) {
            return;
        }
        if let Some(place) = ws.place() {
            self.settings.remember(place);
        }
    }

    /// The title the window shows (for tests).
    pub fn title(&self) -> &str {
        &self.title
    }
}

/// The title a recovery file's project has, read from its first lines; a file that cannot be
/// read is still offered ("A project"), and Recover then says why.
fn recovered_title(recovery: &document::Recovery) -> String {
    slant_core::store::peek_title(&recovery.path).unwrap_or_else(|| "A project".into())
}

impl eframe::App for SlantApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.autosave_if_due(ctx);
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.theme_applied != Some(self.settings.dark) {
            ctx.set_theme(if self.settings.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            self.theme_applied = Some(self.settings.dark);
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            let holding = self.modal.iter().chain(&self.covered);
            if holding.into_iter().any(|m| self.holds_work(m)) {
                // The window's close button over a dialog with typed text: the dialog stays,
                // to be finished or cancelled first.
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                if let Some(ws) = &mut self.workspace {
                    ws.say("Finish or cancel the dialog first: it holds text you typed");
                }
            } else if self.leaving_loses_work() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.modal = Some(Modal::Unsaved(After::Quit));
            }
        }
        self.keyboard(&ctx);
        self.dropped_and_pasted(&ctx);
        // Keys act before drawing, so the frame that reads a key already shows its effect.
        self.process_actions(&ctx);
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        let look = workspace::Look {
            dark: self.settings.dark,
            font_size: self.settings.font_size,
            synced: self.settings.synced_scroll,
            suggestions: self.settings.suggestions,
            cues: self.settings.cue_highlights,
            class: self.settings.class_view,
            compare: self.settings.compare,
            unique_only: self.settings.unique_only,
        };
        if self.hints.poll(Instant::now()) && !self.hints.problems.is_empty() {
            self.show_message(Modal::Message {
                title: "Some word lists were not used".into(),
                text: self.hints.problems.join("\n"),
            });
        }
        if self.hints.folder().is_some() {
            // Look at the teacher's folder again soon even when nothing else happens.
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
        let mut actions = Vec::new();
        if let Some(ws) = &mut self.workspace {
            // Looked at before the toolbar is drawn, so a frame that finds the change shows it.
            ws.watch_the_file(Instant::now());
            let hints = &mut self.hints;
            egui::Panel::top("toolbar").show(ui, |ui| ws.toolbar(ui, &mut actions));
            egui::Panel::right("side")
                .default_size(320.0)
                .resizable(true)
                .show(ui, |ui| ws.side_panel(ui, hints, look, &mut actions));
            egui::CentralPanel::default().show(ui, |ui| ws.columns(ui, look, hints, &mut actions));
            self.start_notice = None;
        } else {
            egui::CentralPanel::default().show(ui, |ui| self.start_screen(ui));
        }
        self.actions.extend(actions);
        self.poll_download();
        self.modals(&ctx);
        theme::focus_ring(&ctx);
        if !self.actions.is_empty() {
            // Clicks are carried out after drawing: draw once more to show them.
            ctx.request_repaint();
        }
        self.process_actions(&ctx);
        if self.workspace.is_some() {
            // Woken in time for the autosave, and to look at the file, with no input coming.
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
        // A claim held while the Recover dialog asks goes with the dialog.
        let recovering = |m: &Modal| matches!(m, Modal::Recover { .. });
        if !(self.modal.as_ref().is_some_and(recovering) || self.covered.iter().any(recovering)) {
            self.pending_claim = None;
        }
        self.window_title(&ctx);
        self.remember_place();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Some(written) = Settings::on_disk() {
            self.settings.keep_recent_of(&written);
        }
        eframe::set_value(storage, Settings::KEY, &self.settings);
    }

    /// What Slant keeps between runs is its [`Settings`]; egui's memory of widgets is not kept
    /// (see [`forget_widget_state`]).
    fn persist_egui_memory(&self) -> bool {
        false
    }
}

/// Drops the widget state eframe restored from the last run, keeping egui's options. That state
/// is keyed by ids that mean something else in this run: the first project opened came up
/// scrolled where the last run's first project was left, and a side panel once squeezed by a
/// small window stayed narrow in every run after. Files written before Slant stopped keeping it
/// still hold it, so it is dropped on start as well as never saved.
fn forget_widget_state(ctx: &egui::Context) {
    ctx.memory_mut(|m| {
        let options = m.options.clone();
        *m = egui::Memory::default();
        m.options = options;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_runs_widget_state_is_dropped_and_egui_options_kept() {
        let ctx = egui::Context::default();
        let scroll = egui::Id::unique(("column", 0u64, 0usize));
        ctx.data_mut(|d| d.insert_persisted(scroll, 1234.5_f32));
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        forget_widget_state(&ctx);
        assert_eq!(ctx.data_mut(|d| d.get_persisted::<f32>(scroll)), None);
        assert!(!ctx.options(|o| o.zoom_with_keyboard));
    }
}
