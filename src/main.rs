//! `slant`: the command line and, with no subcommand, the desktop app.

use std::process::ExitCode;

use clap::Parser;
use slant::cli::{Cli, Failure};

fn main() -> ExitCode {
    slant::cli::run(Cli::parse(), |project| {
        let what = project.map_or("the start screen".to_owned(), |p| p.display().to_string());
        Err(Failure::Input(format!(
            "The desktop app is not built yet, so {what} cannot be opened; use the subcommands (slant --help)."
        )))
    })
}
