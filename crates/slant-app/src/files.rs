//! Saving the project, importing an article and exporting a report: the app's file work.

use super::*;

impl SlantApp {
    pub(super) fn save(&mut self, ask_path: bool) -> bool {
        let Some(ws) = &mut self.workspace else {
            return false;
        };
        ws.commit_note();
        let path = match ws.doc.path() {
            Some(p) if !ask_path => p.to_owned(),
            _ => match self.dialogs.save_project(&ws.doc.suggested_name()) {
                Some(p) => p,
                None => return false,
            },
        };
        match ws.doc.save_as(&path) {
            Ok(()) => {
                self.settings.recent.retain(|p| p != &path);
                self.settings.recent.insert(0, path);
                true
            }
            Err(store::SaveError::ChangedOnDisk { path }) => {
                self.modal = Some(Modal::ChangedOnDisk { path });
                false
            }
            Err(e) => {
                self.error(
                    "Could not save",
                    format!("{e}\n\nYour work is still open; try another folder."),
                );
                false
            }
        }
    }

    pub(super) fn import_article(&mut self) {
        if let Some(path) = self.dialogs.import_article() {
            self.import_paths(vec![path]);
        }
    }

    /// Saves over a file that changed on disk, once the user said so.
    pub(super) fn overwrite(&mut self, path: &std::path::Path) {
        let Some(ws) = &mut self.workspace else {
            return;
        };
        if let Err(e) = ws.doc.overwrite(path) {
            self.error(
                "Could not save",
                format!("{e}\n\nYour work is still open; try another folder."),
            );
        }
    }

    /// Asks where to write a report of the open project, writes it, and opens it if asked.
    pub(super) fn export(&mut self, format: Format, open_after: bool) {
        let Some(ws) = &mut self.workspace else {
            return;
        };
        ws.commit_note();
        let reviewer = match format {
            Format::Html | Format::Markdown => ws.reviewer.as_ref().map(|r| r.as_str().to_owned()),
            Format::Csv | Format::Json => None,
        };
        let project = &ws.doc.project;
        let selection = Selection {
            reviewer,
            article: None,
        };
        let bytes = Report::new(
            project,
            &selection,
            format,
            jiff::Timestamp::now(),
            self.hints.lexicons(),
        )
        .and_then(|r| report::render(&r, format));
        let name = format!(
            "{}.{}",
            project.title.replace(['/', '\\'], "-"),
            format.extension()
        );
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => return self.error("Could not export", e.to_string()),
        };
        let Some(path) = self.dialogs.export_report(&name, format.extension()) else {
            return;
        };
        if let Err(e) = store::write_atomic(&path, &bytes, store::Backup::None) {
            return self.error("Could not export", format!("{}: {e}", path.display()));
        }
        if open_after && let Err(e) = dialogs::open_with_system(&path) {
            self.error(
                "The report was written but could not be opened",
                format!("{}: {e}", path.display()),
            );
        }
    }
}
