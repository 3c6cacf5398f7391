//! `slant`: the command line and, with no subcommand, the desktop app.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use slant::cli::{Cli, Failure};

fn main() -> ExitCode {
    slant::cli::run(Cli::parse(), run_app)
}

#[cfg(not(feature = "app"))]
fn run_app(_project: Option<PathBuf>) -> Result<(), Failure> {
    Err(Failure::Input(
        "this slant was built without the app (feature \"app\"); use a subcommand".into(),
    ))
}

#[cfg(feature = "app")]
fn run_app(project: Option<PathBuf>) -> Result<(), Failure> {
    use slant::app::dialogs::NativeDialogs;
    use slant::app::{AppOptions, SlantApp};
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
    .map_err(|e| Failure::Input(format!("the window could not be opened: {e}")))
}
