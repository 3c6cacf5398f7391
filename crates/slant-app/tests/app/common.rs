//! Helpers shared by the app tests: a copy of a sample project and the real app in a harness.

#![allow(dead_code)] // each test file uses its own share of these

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use slant_app::dialogs::ScriptedDialogs;
use slant_app::{AppOptions, SlantApp};

pub const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../sample_projects/netanyahu_trump_annotated.ron"
);

/// A copy of the annotated sample in a fresh folder.
pub fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("class.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    (dir, path)
}

pub fn app(
    open: Option<&Path>,
    data: &Path,
    dialogs: ScriptedDialogs,
) -> Harness<'static, SlantApp> {
    let options = AppOptions {
        open: open.map(Path::to_owned),
        dialogs: Box::new(dialogs),
        data_dir: data.join("data"),
    };
    let mut harness = Harness::builder()
        .with_size([1500.0, 950.0])
        .build_eframe(move |cc| SlantApp::new(cc, options));
    harness.run();
    harness
}

/// Presses `keys` faster than a frame: all in the next frame, as fast typing sends them
/// (kittest's `key_press` gives each key a frame of its own).
pub fn press_in_one_frame(h: &mut Harness<'static, SlantApp>, keys: &[egui::Key]) {
    for &key in keys {
        h.input_mut().events.push(egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        });
    }
}
