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
        let Some(path) = self.dialogs.import_article() else {
            return;
        };
        let imported = match import::import_file(&path) {
            Ok(i) => i,
            Err(e) => return self.error("Could not import the article", e.to_string()),
        };
        let Some(ws) = &mut self.workspace else {
            return;
        };
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let id = ws.doc.project.new_article_id(&stem);
        let index = ws.doc.project.articles.len();
        let article = imported.into_article(id, &stem);
        let result = ws.apply(
            format!("Import {stem}"),
            Some(Command::InsertArticle {
                index,
                article: Box::new(article),
            }),
        );
        if let Err(e) = result {
            return self.error("Could not import the article", e);
        }
        // Show the new article: in a new column while there is room, else in the last one.
        let n = ws.columns.len();
        if n < 4 && n < ws.doc.project.articles.len() && index > 0 {
            ws.set_columns(n + 1);
        }
        if let Some(c) = ws.columns.last_mut() {
            c.article = index;
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
