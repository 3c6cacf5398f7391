//! Opening the app's window: what `slant` with no subcommand (or only a project) does.

use std::path::PathBuf;

use crate::dialogs::NativeDialogs;
use crate::{AppOptions, SlantApp};

/// The folder of the data directory that holds the marks of the projects open in windows.
pub(crate) const CLAIMS_FOLDER: &str = "open";

/// Where the app keeps its autosaves and the marks of the projects open in its
/// windows: `SLANT_DATA_DIR` when set (a portable install, a test), else the system's place for
/// application data (`~/.local/share/slant` on Linux).
pub fn data_dir() -> PathBuf {
    std::env::var_os("SLANT_DATA_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| eframe::storage_dir("Slant"))
        .unwrap_or_else(|| std::env::temp_dir().join("slant"))
}

/// Where the marks of the projects open in Slant's windows are kept: the command line takes the
/// same mark while it changes a project, so it never writes a file a window has open.
pub fn claims_dir() -> PathBuf {
    data_dir().join(CLAIMS_FOLDER)
}

/// The folder of the data directory that holds the autosaves of projects never saved, and of
/// projects whose own folder could not be written.
pub(crate) const UNTITLED_FOLDER: &str = "untitled";

/// Where the windows' autosaves go when not beside their project: the command line looks there
/// too for a crash's unsaved work before it changes a project.
pub fn untitled_dir() -> PathBuf {
    data_dir().join(UNTITLED_FOLDER)
}

/// Runs the desktop app until its window closes; `project` is opened at once.
pub fn run(project: Option<PathBuf>) -> Result<(), String> {
    let data_dir = data_dir();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Slant")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([720.0, 480.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Slant",
        options,
        Box::new(move |cc| {
            Ok(Box::new(SlantApp::new(
                cc,
                AppOptions {
                    open: project,
                    dialogs: Box::new(NativeDialogs),
                    data_dir,
                },
            )))
        }),
    )
    .map_err(|e| format!("the window could not be opened: {e}"))
}
