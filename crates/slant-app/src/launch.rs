//! Opening the app's window: what `slant` with no subcommand (or only a project) does.

use std::path::PathBuf;

use crate::dialogs::NativeDialogs;
use crate::{AppOptions, SlantApp};

/// Runs the desktop app until its window closes; `project` is opened at once.
pub fn run(project: Option<PathBuf>) -> Result<(), String> {
    let data_dir =
        eframe::storage_dir("Slant").unwrap_or_else(|| std::env::temp_dir().join("slant"));
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
