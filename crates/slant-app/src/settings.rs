//! What the app remembers between runs (eframe's storage): recent files, look, modes.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// What the app remembers between runs.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent: Vec<PathBuf>,
    pub dark: bool,
    pub font_size: f32,
    pub columns: usize,
    pub synced_scroll: bool,
    /// Outlined badges for Slant's suggested tags.
    pub suggestions: bool,
    /// Cue words underlined in the text.
    pub cue_highlights: bool,
    /// A teacher's folder of extra word lists.
    pub lexicon_folder: Option<PathBuf>,
    /// The class's tags per sentence instead of the reviewer's own view alone.
    pub class_view: bool,
    /// Compare mode: matching sentences of the first two columns linked, the rest tinted.
    pub compare: bool,
    /// In compare mode, fade what both outlets report, leaving what only one does.
    pub unique_only: bool,
    /// The export dialog's last choices: the format (by its file ending) and whether to open
    /// the report, so a student exporting each week is not set back to HTML every time.
    pub export_format: String,
    pub export_open: bool,
    /// Where each recent project was left, newest first: reopening one shows the articles
    /// its columns showed, and the recent list names it by its title.
    pub places: Vec<Place>,
}

/// Where a project was left.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Place {
    pub path: PathBuf,
    pub title: String,
    /// The article each column showed, by id: ids outlive an article added or removed before it.
    pub columns: Vec<String>,
}

impl Settings {
    /// How many files the recent list (and the places kept with it) holds.
    pub const RECENT: usize = 10;

    /// Where eframe's storage keeps them.
    pub const KEY: &str = "slant-settings";

    /// The settings as the file holds them now, which another window may have written since
    /// this one started (eframe's storage is the copy read at start).
    pub fn on_disk() -> Option<Settings> {
        let file = eframe::storage_dir("Slant")?.join("app.ron");
        let text = std::fs::read_to_string(file).ok()?;
        let values: std::collections::HashMap<String, String> = ron::from_str(&text).ok()?;
        ron::from_str(values.get(Self::KEY)?).ok()
    }

    pub fn place(&self, path: &Path) -> Option<&Place> {
        self.places.iter().find(|p| p.path == path)
    }

    /// Keeps `place` as its file's, newest first.
    pub fn remember(&mut self, place: Place) {
        if self.places.first() == Some(&place) {
            return;
        }
        self.places.retain(|p| p.path != place.path);
        self.places.insert(0, place);
        self.places.truncate(Self::RECENT);
    }

    /// Keeps, after this window's own, the recent files and places another window wrote: each
    /// window keeps the settings it read at start and writes them whole, so without this the
    /// last window closed dropped the files the others had opened.
    pub fn keep_recent_of(&mut self, other: &Settings) {
        for path in &other.recent {
            if !self.recent.contains(path) {
                self.recent.push(path.clone());
            }
        }
        self.recent.truncate(Self::RECENT);
        for place in &other.places {
            if self.place(&place.path).is_none() {
                self.places.push(place.clone());
            }
        }
        self.places.truncate(Self::RECENT);
    }

    /// Puts `path` first in the recent list.
    pub fn opened(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(Self::RECENT);
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            recent: Vec::new(),
            dark: false,
            font_size: 17.0,
            columns: 2,
            synced_scroll: false,
            suggestions: true,
            cue_highlights: false,
            lexicon_folder: None,
            class_view: false,
            compare: false,
            unique_only: false,
            export_format: "html".to_owned(),
            export_open: true,
            places: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(path: &str) -> Place {
        Place {
            path: path.into(),
            title: path.to_uppercase(),
            columns: vec!["a".into()],
        }
    }

    #[test]
    fn another_windows_recent_files_are_kept_after_this_windows_own() {
        let mut mine = Settings::default();
        let mut theirs = Settings::default();
        for path in ["old", "b", "mine"] {
            mine.opened(Path::new(path));
            mine.remember(place(path));
        }
        for path in ["old", "theirs"] {
            theirs.opened(Path::new(path));
            theirs.remember(place(path));
        }
        mine.keep_recent_of(&theirs);
        let recent: Vec<&str> = mine.recent.iter().map(|p| p.to_str().unwrap()).collect();
        assert_eq!(recent, ["mine", "b", "old", "theirs"]);
        assert_eq!(mine.place(Path::new("theirs")), Some(&place("theirs")));
        // Never more than the list holds.
        for i in 0..Settings::RECENT {
            theirs.opened(Path::new(&format!("t{i}")));
        }
        mine.keep_recent_of(&theirs);
        assert_eq!(mine.recent.len(), Settings::RECENT);
        assert_eq!(mine.recent[0], Path::new("mine"));
    }
}
