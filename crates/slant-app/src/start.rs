//! The start screen: open the sample, start a project, open a file or a recent one, and the
//! error of a project that could not be opened.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::SlantApp;
use super::actions::Action;

impl SlantApp {
    pub(super) fn start_screen(&mut self, ui: &mut Ui) {
        // Scrolls: a long list of work to recover and recent projects ran below the window.
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.start_screen_contents(ui);
            });
    }

    fn start_screen_contents(&mut self, ui: &mut Ui) {
        ui.vertical_centered(|ui| {
            ui.add_space(40.0);
            ui.heading(RichText::new("Slant").size(36.0));
            ui.label("Review news articles for media bias: tag each sentence as fact, quote, speculation or loaded wording.");
            ui.add_space(20.0);
            if let Some(error) = &self.load_error {
                egui::Frame::group(ui.style()).stroke(egui::Stroke::new(1.5, egui::Color32::from_rgb(0xD5, 0x5E, 0x00))).show(ui, |ui| {
                    ui.set_max_width(640.0);
                    ui.label(RichText::new("This project could not be opened").strong());
                    ui.label(error);
                });
                ui.add_space(12.0);
            }
            if let Some(why) = &self.start_notice {
                ui.label(RichText::new(why).strong());
                ui.add_space(12.0);
            }
            for (text, action) in [
                ("Open sample project", Action::OpenSample),
                ("New project", Action::NewProject),
                ("Open…", Action::OpenProject),
            ] {
                if ui.add_sized([240.0, 32.0], egui::Button::new(text)).clicked() {
                    self.actions.push(action);
                }
            }
            let acted = ui.input(|i| {
                i.events.iter().any(|e| {
                    matches!(
                        e,
                        egui::Event::Key { .. } | egui::Event::PointerButton { .. }
                    )
                })
            });
            let dirs = (self.claims_dir(), self.untitled_dir());
            // Behind the Recover dialog this window holds the file it asks about.
            let own = self.pending_claim.as_ref();
            let recent = self.recent_names.get(&self.settings, &dirs, own, acted);
            // Work of projects never saved (or whose file is gone since): the start offers the
            // newest; all of them are here, so none waits for another start.
            let unsaved = self.recent_names.unsaved.clone();
            if !unsaved.is_empty() {
                ui.add_space(20.0);
                ui.label(RichText::new("Unsaved work to recover").strong());
                for (recovery, title) in unsaved {
                    let name = match &recovery.belongs_to {
                        Some(file) => format!(
                            "{title} ({}, no longer there)",
                            file.file_name().unwrap_or_default().to_string_lossy()
                        ),
                        None => format!("{title} (never saved)"),
                    };
                    let link = in_sight(ui.link(name));
                    if link.on_hover_text(recovery.path.display().to_string()).clicked() {
                        self.modal = Some(crate::Modal::RecoverUntitled { recovery, title });
                    }
                }
            }
            if !recent.is_empty() {
                ui.add_space(20.0);
                ui.label(RichText::new("Recent projects").strong());
                for (p, name) in recent {
                    let link = in_sight(ui.link(name));
                    if link.on_hover_text(p.display().to_string()).clicked() {
                        self.actions.push(Action::OpenPath(p));
                    }
                }
            }
        });
    }
}

/// An entry Tab reaches is scrolled into sight, as the screen scrolls when the lists are long.
fn in_sight(link: egui::Response) -> egui::Response {
    if link.gained_focus() {
        link.scroll_to_me(None);
    }
    link
}

/// The recent list as last named. Naming an entry looks on disk (whether the file is there, a
/// recovery beside it, a student's copy's in its folder), which a frame drawn for every pointer
/// move must not do ten times over in a folder of thousands of files: the names are made again
/// after a second, or at once when a key or button is pressed.
#[derive(Default)]
pub(super) struct RecentNames {
    made: Option<std::time::Instant>,
    /// The settings' list they were made from.
    from: Vec<PathBuf>,
    names: Vec<(PathBuf, String)>,
    /// The work of projects never saved, or whose file is gone, with their titles.
    unsaved: Vec<(slant_core::document::Recovery, String)>,
}

impl RecentNames {
    /// Named again at the next frame: a dialog that closed may have recovered, discarded or
    /// saved what they name (a discarded entry stayed listed until the pointer moved).
    pub(super) fn made_stale(&mut self) {
        self.made = None;
    }

    fn get(
        &mut self,
        settings: &crate::Settings,
        dirs: &(PathBuf, PathBuf),
        own: Option<&slant_core::document::OpenClaim>,
        acted: bool,
    ) -> Vec<(PathBuf, String)> {
        let fresh = self.made.is_some_and(|t| t.elapsed().as_secs_f32() < 1.0);
        if !fresh || acted || self.from != settings.recent {
            self.from = settings.recent.clone();
            self.names = settings
                .recent
                .iter()
                .filter(|p| p.exists())
                .map(|p| (p.clone(), recent_name(settings, p, dirs, own)))
                .collect();
            self.unsaved = slant_core::document::find_untitled_recoveries(&dirs.1)
                .into_iter()
                .map(|r| {
                    let title = crate::recovered_title(&r);
                    (r, title)
                })
                .collect();
            self.made = Some(std::time::Instant::now());
        }
        self.names.clone()
    }
}

/// A recent project as the list names it: its title and file name (two students' copies of
/// one assignment share the title), or the file name alone where its title is not known yet;
/// and whether unsaved work of it waits to be recovered, which opening it offers, or it is open
/// in another window (whose autosave is live work, not a crash's).
fn recent_name(
    settings: &crate::Settings,
    path: &std::path::Path,
    (claims_dir, untitled_dir): &(PathBuf, PathBuf),
    own: Option<&slant_core::document::OpenClaim>,
) -> String {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    // One line per entry: a title typed with line breaks or tabs reads as one title, not as
    // two entries.
    let title = settings
        .place(path)
        .map(|p| p.title.split_whitespace().collect::<Vec<_>>().join(" "));
    let name = match title {
        Some(title) if !title.is_empty() => format!("{title} ({file})"),
        _ => file,
    };
    // Its own recovery, or that of a student's copy of it (an assignment) killed before its
    // first save, which opening the assignment offers back. Whether it is open elsewhere is
    // asked only where one is there: asking takes the file's claim for an instant.
    let recovery = slant_core::document::find_recovery(path, untitled_dir).is_some()
        || slant_core::document::find_student_recovery(path, untitled_dir).is_some();
    if !recovery {
        name
    } else if !own.is_some_and(|c| c.is_for(path))
        && slant_core::document::open_elsewhere(path, claims_dir, None)
    {
        format!("{name}: open in another window")
    } else {
        format!("{name}: unsaved work to recover")
    }
}
